"""rhetoric.reporting.display: the shaping and HTML behind the report notebooks."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from report_fixtures import HOSTILE_ID, build_processed
from rhetoric.reporting import display as rd
from rhetoric.extract.quotes import Quote

TEXT = 'Gen. Hale said "we will respond with overwhelming force" if attacked.'


class _Marks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.marks, self.stack, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs), len("".join(self.text))))

    def handle_endtag(self, tag):
        start_tag, attrs, start = self.stack.pop()
        if start_tag == "mark":
            self.marks.append((attrs["class"], "".join(self.text)[start:]))

    def handle_data(self, data):
        self.text.append(data)


def _parse(fragment: str) -> _Marks:
    parser = _Marks()
    parser.feed(fragment)
    return parser


def test_highlight_keeps_the_text_and_marks_each_span():
    quote_start = TEXT.index("we will")
    quote_end = TEXT.index('" if')
    threat_start = TEXT.index("respond")
    quotes = [Quote("direct", TEXT[quote_start:quote_end], quote_start, quote_end, "said", 10, 14, "Gen. Hale", 0, 9,
                    "Hale", "Gen.", None)]
    threats = pd.DataFrame([{"start": threat_start, "end": quote_end, "kind": "threat", "actor": "US", "target": None}])
    parsed = _parse(rd.highlight_article(TEXT, quotes=quotes, threats=threats))
    assert "".join(parsed.text) == TEXT  # overlapping spans cut the text, never change it
    assert ("rh-speaker", "Gen. Hale") in parsed.marks
    assert ("rh-quote", "we will ") in parsed.marks
    assert ("rh-quote rh-threat", "respond with overwhelming force") in parsed.marks


def test_highlight_clips_bad_offsets_and_escapes():
    text = "<script>alert(1)</script> & done"
    fragment = rd.highlight_article(text, devices=[{"start": -5, "end": 8, "device": "x"}, {"start": 30, "end": 99},
                                                   {"start": 5, "end": 5}, {"start": None, "end": 3}])
    parsed = _parse(fragment)
    assert "".join(parsed.text) == text and "<script>" not in fragment
    assert parsed.marks == [("rh-device", "<script>"), ("rh-device", "ne")]
    assert rd.highlight_article("") == '<div class="rh-article"></div>'


def test_article_header_never_links_data():
    header = rd.article_header({"title": '"><img src=x onerror=alert(1)>', "outlet": None, "date": pd.Timestamp("2026-01-02"),
                                "url": "javascript:alert(1)"})
    assert "<img" not in header and "href" not in header and "2026-01-02" in header


def test_html_table_escapes_and_truncates():
    frame = pd.DataFrame({"text": ["<b>x</b>"] * 3, "score": [0.12345, None, 1.0]})
    table = rd.html_table(frame, max_rows=2)
    assert "&lt;b&gt;x&lt;/b&gt;" in table and "0.123" in table and "1 more rows not shown" in table


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    processed = build_processed(tmp_path_factory.mktemp("display"), n_sample=8)
    return processed


def test_load_tables_filters_by_date_and_ids(tables):
    everything = rd.load_tables(tables.name, tables.parent)
    assert len(everything.articles) == 9 and everything.articles["month"].notna().all()
    may = rd.load_tables(tables.name, tables.parent, start_date="2026-05-01", end_date="2026-05-31")
    assert set(may.articles["date"].dt.month) == {5}
    assert set(may.sentences["doc_id"]) == set(may.articles["doc_id"])
    one = rd.load_tables(tables.name, tables.parent, doc_ids=[HOSTILE_ID])
    assert len(one.quotes) >= 1 and len(one.threats) >= 1 and one.quotes["doc_id"].eq(HOSTILE_ID).all()
    none = rd.load_tables(tables.name, tables.parent, start_date="2031-01-01")
    assert none.articles.empty and none.sentences.empty and "0 articles" in none.summary()


def test_shaping_functions_on_empty_tables(tables):
    none = rd.load_tables(tables.name, tables.parent, start_date="2031-01-01")
    assert rd.articles_per_month(none.articles).empty
    assert rd.top_speakers(none.quotes).empty
    assert rd.extreme_quotes(none.quotes, none.articles).empty
    assert rd.actor_tone(none.actor_sentiment, none.articles).empty
    assert rd.frame_shares(none.frames, none.articles, "generic").empty
    assert rd.frame_evidence(none.frames, "generic").empty
    assert rd.threat_intensity(none.threats, none.articles).empty
    assert rd.threat_table(none.threats, none.articles).empty
    assert rd.article_quotes(none.quotes).empty
    assert rd.sentiment_arc(none.sentences).empty
    assert rd.device_counts(none.devices, none.articles).empty


def test_shaping_functions_on_real_rows(tables):
    loaded = rd.load_tables(tables.name, tables.parent)
    per_month = rd.articles_per_month(loaded.articles)
    assert per_month["articles"].sum() == 9
    threats = rd.threat_table(loaded.threats, loaded.articles)
    assert "<script>alert(1)</script> → <b>x</b>" in threats["actor → target"].tolist()
    intensity = rd.threat_intensity(loaded.threats, loaded.articles, by="outlet")
    assert intensity["threats"].sum() == len(loaded.threats)
    quotes = rd.article_quotes(loaded.quotes, HOSTILE_ID)
    assert "<img src=x onerror=alert(1)>" in quotes["speaker"].tolist()
    arc = rd.sentiment_arc(loaded.sentences, HOSTILE_ID)
    assert arc["position"].iloc[0] == 0 and arc["position"].iloc[-1] == 1
    assert arc["sent_id"].is_monotonic_increasing


def test_frame_helpers():
    frames = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "scheme": ["s"] * 4, "frame": ["x", "y", "x", "y"],
                           "score": [2.0, 1.0, 0.0, 0.0], "evidence": [("war", "war"), ("talks",), (), ()]})
    articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"]})
    assert rd.dominant_frames(frames, articles, "s").values.tolist() == [["A", "x", 1], ["B", "none", 1]]
    evidence = rd.frame_evidence(frames, "s")
    assert evidence.loc[evidence["frame"] == "x", "top_terms"].item() == "war (2)"
    shares = rd.frame_shares(frames, articles, "s")
    assert shares[shares["outlet"] == "B"]["share"].tolist() == [0.0, 0.0]


# --------------------------------------------------------------------------
# Whatever metadata a corpus has (issue 14)
# --------------------------------------------------------------------------

def _articles(**columns):
    base = {"doc_id": ["a", "b", "c"], "title": ["A", "B", "C"], "outlet": [None] * 3, "date": [pd.NaT] * 3,
            "n_tokens": [10, 400, 900]}
    frame = pd.DataFrame({**base, **columns})
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.assign(month=frame["date"].dt.to_period("M").dt.to_timestamp())


@pytest.mark.parametrize("by", ["outlet", "month", "all"])
def test_grouping_without_outlets_or_dates_is_one_group_with_a_note(by):
    grouping = rd.grouped(_articles(), by)
    assert grouping.by == "all" and grouping.n_groups == 1
    assert set(grouping.articles["group"]) == {rd.ALL_ARTICLES}
    assert (grouping.note is None) == (by == "all")


def test_grouping_keeps_articles_missing_the_field():
    grouping = rd.grouped(_articles(outlet=["Wire", None, "Wire"], date=["2026-01-05", None, "2026-03-01"]), "outlet")
    assert grouping.by == "outlet" and grouping.articles["group"].tolist() == ["Wire", "outlet unknown", "Wire"]
    months = rd.grouped(_articles(date=["2026-01-05", None, "2026-03-01"]), "month")
    assert months.articles["group"].tolist() == ["2026-01", "date unknown", "2026-03"]
    with pytest.raises(ValueError, match="group_by must be one of"):
        rd.grouped(_articles(), "source")


def test_monthly_mean_leaves_missing_months_empty():
    frame = _articles(date=["2026-01-05", "2026-01-20", "2026-04-01"], outlet=["X", "Y", "X"]).assign(v=[0.2, 0.4, 0.6])
    wide = rd.monthly_mean(frame, "v", by="outlet")
    assert wide.index.strftime("%Y-%m").tolist() == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert wide["X"].round(2).tolist()[0] == 0.2 and wide["X"].isna().tolist() == [False, True, True, False]
    assert rd.monthly_mean(_articles().assign(v=1.0), "v").empty


def test_html_table_captions_integers_and_no_nan():
    frame = pd.DataFrame({"frame": ["con1"], "articles": [477.0], "share": [0.25], "outlet": [float("nan")]})
    page = rd.html_table(frame, caption="Counts <per> frame")
    assert "Counts &lt;per&gt; frame</caption>" in page
    assert ">477<" in page and "477.000" not in page and "0.250" in page
    assert "outlet" not in page and "nan" not in page
    assert "outlet" in rd.html_table(frame, drop_empty=False)


def test_threat_table_reads_old_and_new_threat_columns():
    articles = _articles()
    old = pd.DataFrame({"doc_id": ["a", "b"], "text": ["sent warships", "would crush them"], "kind": ["show_of_force", "threat"],
                        "actor": ["China", None], "target": [None, "Taiwan"], "conditional": [False, True],
                        "cameo": ["154", "1384"], "intensity": [-7.2, -8.3]})
    table = rd.threat_table(old, articles)
    assert table["phrase"].tolist() == ["would crush them", "sent warships"]  # most hostile first
    assert table["category"].tolist() == ["13 Threaten", "15 Exhibit force posture"]
    assert table["CAMEO code"].tolist() == ["1384 Threaten conventional attack", "154 Mobilize or increase armed forces"]
    assert table["actor → target"].tolist() == ["? → Taiwan", "China → ?"]
    # a newer table: its own category and the actor as written win; a table without cameo still works
    new = old.assign(category=["Exhibit military posture", None], actor_mention=["Beijing", None])
    assert rd.threat_table(new, articles)["category"].tolist() == ["13 Threaten", "Exhibit military posture"]
    assert rd.threat_table(new, articles)["actor → target"].tolist()[1] == "Beijing → ?"
    assert rd.intensity_by_category(old.drop(columns=["cameo"]))["category"].tolist() == ["uncoded"]


def test_frame_labels_and_balances_apart_from_shares():
    frames = pd.DataFrame({"doc_id": ["a"] * 3, "scheme": ["security"] * 3,
                           "frame": ["escalation", "deescalation_diplomacy", "escalation_balance"],
                           "score": [0.5, 0.0, 1.0], "evidence": [("escalated",), (), ("escalated",)]})
    assert rd.balance_frames(frames, "security") == ["escalation_balance"]
    assert set(rd.share_frames(frames, "security")["frame"]) == {"escalation", "deescalation_diplomacy"}
    articles = pd.DataFrame({"doc_id": ["a"], "group": ["all articles"]})
    assert rd.frame_balances(frames, articles, "security").values.tolist() == [["all articles", "escalation_balance", 1.0, 1, 1]]
    assert rd.frame_label("semetko_valkenburg_items", "eco2").startswith("eco2: Does the story mention costs")
