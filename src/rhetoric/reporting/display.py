"""Tables and HTML for the report notebooks.

The notebooks under ``notebooks/`` only load, call these functions and plot:
every reshaping of the extracted tables (filters, monthly counts, top
speakers, frame shares, threat intensity over time, the sentiment arc) and
every piece of HTML (the highlighted article text, tables, notes) lives here,
where it is tested. Groupings that survive missing outlets or dates come from
:mod:`rhetoric.reporting.metadata`, labels for CAMEO and frame codes from
:mod:`rhetoric.reporting.labels`; both are re-exported here, so a notebook
needs only ``from rhetoric.reporting import display as rd``.

Article text, titles, quotes and speaker names are *data*: every HTML
fragment built here escapes them, so an article containing
``<script>alert(1)</script>`` shows those characters and runs nothing.

>>> print(highlight_article("Seoul <b>warned</b> Pyongyang.", threats=[{"start": 6, "end": 19, "kind": "warning"}]))
... # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
<div class="rh-article">Seoul <mark class="rh-threat" title="threat: warning">&lt;b&gt;warned&lt;/b&gt;</mark> Pyongyang.</div>
"""

from __future__ import annotations

import html
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from rhetoric.pipeline import SCHEMAS, TABLE_NAMES, Tables
from rhetoric.reporting.labels import (CAMEO_ROOTS, balance_frames, cameo_category, frame_label, share_frames,
                                       threat_categories, frame_order)
from rhetoric.reporting.metadata import (ALL_ARTICLES, GROUPINGS, Grouping, grouped, has_dates, integer_ticks,
                                         legend_outside, metadata_coverage, monthly_mean)

__all__ = [
    "Html",
    "set_theme",
    "ReportTables",
    "load_tables",
    "note",
    "heading",
    "html_table",
    "article_header",
    "highlight_article",
    "HIGHLIGHT_CSS",
    "articles_per_month",
    "top_speakers",
    "extreme_quotes",
    "actor_tone",
    "frame_shares",
    "dominant_frames",
    "frame_evidence",
    "threat_intensity",
    "threat_table",
    "article_quotes",
    "sentiment_arc",
    "device_counts",
    "ALL_ARTICLES",
    "GROUPINGS",
    "Grouping",
    "grouped",
    "has_dates",
    "metadata_coverage",
    "monthly_mean",
    "integer_ticks",
    "legend_outside",
    "frame_label",
    "share_frames",
    "balance_frames",
    "frame_balances",
    "item_answers",
    "CAMEO_ROOTS",
    "cameo_category",
    "threat_categories",
    "intensity_by_category",
]

TABLES = TABLE_NAMES


class Html(str):
    """A string of HTML that Jupyter displays as HTML (built here, escaped)."""

    def _repr_html_(self) -> str:
        return str(self)


def set_theme() -> None:
    """The figures' look: seaborn's whitegrid theme, and no mathtext, so a
    ``$`` in an outlet name or a quote is drawn as a dollar sign rather than
    parsed as a formula."""
    import matplotlib as mpl
    import seaborn as sns

    sns.set_theme(style="whitegrid", context="notebook")
    mpl.rcParams["text.parse_math"] = False
    mpl.rcParams["figure.dpi"] = 96


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------

#: What :func:`load_tables` returns: the pipeline's :class:`~rhetoric.pipeline.Tables`.
ReportTables = Tables


def _empty_table(name: str) -> pd.DataFrame:
    return SCHEMAS[name].empty_table().to_pandas()


def load_tables(corpus: str, processed_root: str | os.PathLike[str] = "data/processed", *,
                start_date: str | None = None, end_date: str | None = None,
                outlets: Iterable[str] | None = None, doc_ids: Iterable[str] | None = None) -> ReportTables:
    """Read ``processed_root/corpus/*.parquet`` and keep the articles within
    the date range (inclusive, ISO dates), of the given outlets and ids, and
    the rows of the other tables that belong to them. ``articles.date``
    becomes a pandas datetime and ``articles.month`` its month. A table file
    that is missing reads as an empty table.

    >>> load_tables("no-such-corpus", "/nonexistent")
    Traceback (most recent call last):
    ...
    FileNotFoundError: no extracted tables for corpus 'no-such-corpus' in /nonexistent; run `rhetoric extract data/raw/no-such-corpus -o /nonexistent/no-such-corpus` first
    """
    from rhetoric.io.store import read_table

    folder = Path(processed_root) / corpus
    if not (folder / "articles.parquet").is_file():
        shown = folder.as_posix() if folder.is_absolute() else folder.resolve().as_posix()
        raise FileNotFoundError(f"no extracted tables for corpus {corpus!r} in {processed_root}; "
                                f"run `rhetoric extract data/raw/{corpus} -o {shown}` first")
    frames = {name: read_table(folder / f"{name}.parquet") if (folder / f"{name}.parquet").is_file() else _empty_table(name)
              for name in TABLES}
    articles = frames["articles"]
    articles["date"] = pd.to_datetime(articles["date"])
    if start_date:
        articles = articles[articles["date"] >= pd.Timestamp(start_date)]
    if end_date:
        articles = articles[articles["date"] <= pd.Timestamp(end_date)]
    if outlets:
        articles = articles[articles["outlet"].isin(list(outlets))]
    if doc_ids is not None:
        articles = articles[articles["doc_id"].isin(list(doc_ids))]
    articles = articles.assign(month=articles["date"].dt.to_period("M").dt.to_timestamp()).reset_index(drop=True)
    frames["articles"] = articles
    keep = set(articles["doc_id"])
    for name in ("sentences", "quotes", "threats", "devices", "frames", "actor_sentiment"):
        table = frames[name]
        frames[name] = table[table["doc_id"].isin(keep)].reset_index(drop=True)
    return ReportTables(**frames)


# --------------------------------------------------------------------------
# HTML pieces (everything from the data is escaped)
# --------------------------------------------------------------------------

def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def note(message: str) -> Html:
    """A short boxed remark, e.g. when a table is empty.

    >>> note("No threats found <here>.")
    '<p class="rh-note" style="padding:.5em 1em;border-left:4px solid #999;background:#f4f4f4">No threats found &lt;here&gt;.</p>'
    """
    return Html(f'<p class="rh-note" style="padding:.5em 1em;border-left:4px solid #999;background:#f4f4f4">{_esc(message)}</p>')


def heading(text: str, level: int = 3) -> Html:
    """A heading (``<h3>`` by default) with ``text`` escaped.

    >>> heading("Frames & <em>terms</em>")
    '<h3>Frames &amp; &lt;em&gt;terms&lt;/em&gt;</h3>'
    """
    level = min(max(int(level), 1), 6)
    return Html(f"<h{level}>{_esc(text)}</h{level}>")


_TABLE_CSS = "<style>table.rh-table td, table.rh-table th { text-align: left !important; vertical-align: top; }</style>"


def _integer_valued(column: pd.Series) -> bool:
    values = column.dropna()
    return len(values) > 0 and bool((values == values.round()).all()) and bool((values.abs() < 2**53).all())


def html_table(frame: pd.DataFrame, *, caption: str | None = None, float_format: str = "{:.3f}",
               max_rows: int | None = 50, drop_empty: bool = True) -> Html:
    """``frame`` as an HTML table, every cell escaped, without the index,
    under ``caption``. Float columns whose values are all whole numbers
    (counts that went through a mean or a pivot) print as integers;
    columns with no value at all are left out (``drop_empty``); a missing
    value is an empty cell, never "nan".

    >>> "&lt;script&gt;" in html_table(pd.DataFrame({"text": ["<script>x</script>"]}))
    True
    >>> page = html_table(pd.DataFrame({"n": [477.0, 3.0], "outlet": [None, None], "x": [0.5, None]}), caption="Counts")
    >>> ">Counts</caption>" in page, ">477<" in page, "outlet" in page, "nan" in page
    (True, True, False, False)
    """
    shown = frame if max_rows is None else frame.head(max_rows)
    if drop_empty and len(shown):
        shown = shown.loc[:, [not shown.iloc[:, i].isna().all() for i in range(shown.shape[1])]]
    formatters = {}
    for position, column in enumerate(shown.columns):
        values = shown.iloc[:, position]
        if pd.api.types.is_float_dtype(values):
            fmt = "{:.0f}" if _integer_valued(values) else float_format
            formatters[column] = lambda value, f=fmt: "" if pd.isna(value) else f.format(value)
    body = shown.to_html(index=False, escape=True, na_rep="", formatters=formatters, border=0,
                         classes="rh-table", justify="left")
    body = _TABLE_CSS + body
    if caption:
        start = body.index(">", body.index("<table")) + 1
        body = body[:start] + f'\n  <caption style="caption-side:top;text-align:left;font-weight:bold;white-space:nowrap;padding:.3em 0">{_esc(caption)}</caption>' + body[start:]
    if max_rows is not None and len(frame) > max_rows:
        body += f'<p class="rh-more">{len(frame) - max_rows} more rows not shown.</p>'
    return Html(body)


def article_header(article: Mapping[str, Any]) -> Html:
    """Title, outlet, date and link of one article row, escaped. The link is
    shown as text (never an ``href``), since its scheme comes from the data.

    Missing fields (None, NaN, empty) are left out, never shown as "nan".

    >>> article_header({"title": "<i>T</i>", "outlet": "W", "date": None, "url": "javascript:alert(1)"})
    '<h2 class="rh-title">&lt;i&gt;T&lt;/i&gt;</h2><p class="rh-meta">W · date unknown · <code>javascript:alert(1)</code></p>'
    >>> article_header({"doc_id": "article_7", "title": float("nan"), "outlet": float("nan"), "date": pd.NaT, "url": None})
    '<h2 class="rh-title">article_7</h2><p class="rh-meta">no outlet, date or link given</p>'
    """
    date = _value(article, "date")
    parts = []
    if _value(article, "outlet"):
        parts.append(_esc(_value(article, "outlet")))
    if date is not None:
        parts.append(pd.Timestamp(date).strftime("%Y-%m-%d"))
    if _value(article, "url"):
        parts.append(f"<code>{_esc(_value(article, 'url'))}</code>")
    if not parts:
        parts.append("no outlet, date or link given")
    elif date is None:
        parts.insert(1 if _value(article, "outlet") else 0, "date unknown")
    return Html(f'<h2 class="rh-title">{_esc(_value(article, "title") or _value(article, "doc_id") or "untitled")}</h2>'
                f'<p class="rh-meta">{" · ".join(parts)}</p>')


HIGHLIGHT_CSS = """<style>
.rh-article { white-space: pre-wrap; line-height: 1.6; font-family: Georgia, serif; max-width: 48em; }
.rh-article mark { background: none; padding: 0 .1em; border-radius: 2px; }
.rh-article .rh-quote { background: #dbeafe; }
.rh-article .rh-speaker { font-weight: bold; text-decoration: underline; }
.rh-article .rh-threat { background: #fecaca; }
.rh-article .rh-device { border-bottom: 2px dotted #b45309; }
.rh-legend mark { padding: 0 .3em; }
</style>"""

_LEGEND = ('<p class="rh-legend">Legend: <mark style="background:#dbeafe">quote</mark> '
           '<mark style="background:none;font-weight:bold;text-decoration:underline">speaker</mark> '
           '<mark style="background:#fecaca">threat or show of force</mark> '
           '<mark style="background:none;border-bottom:2px dotted #b45309">rhetorical device</mark></p>')


def _rows(items: Any) -> list[Mapping[str, Any]]:
    if items is None:
        return []
    if isinstance(items, pd.DataFrame):
        return items.to_dict("records")
    rows = []
    for item in items:
        if isinstance(item, Mapping):
            rows.append(item)
        else:  # a dataclass such as Threat or Quote
            rows.append({name: getattr(item, name) for name in getattr(item, "__dataclass_fields__", {})})
    return rows


def _int_or_none(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _value(row: Mapping[str, Any], name: str) -> Any:
    value = row.get(name)
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _label(kind: str, row: Mapping[str, Any]) -> str:
    if kind == "threat":
        label = f"threat: {_value(row, 'kind') or 'threat'}"
        actor, target = _value(row, "actor"), _value(row, "target")
        if actor or target:
            label += f" ({actor or '?'} → {target or '?'})"
        return label
    if kind == "device":
        return f"device: {_value(row, 'device') or 'device'}"
    if kind == "speaker":
        return f"speaker: {_value(row, 'speaker_name') or _value(row, 'speaker') or '?'}"
    return f"quote ({_value(row, 'kind') or 'quote'})"


def highlight_article(text: str, *, threats: Any = None, devices: Any = None, quotes: Any = None,
                      legend: bool = False) -> Html:
    """``text`` as HTML with threats, devices, quote contents and speakers
    marked by ``<mark>`` elements (classes ``rh-threat``, ``rh-device``,
    ``rh-quote``, ``rh-speaker``; a ``title`` tooltip says what each is).

    Spans are rows (DataFrame, mappings or dataclasses) with character
    offsets into ``text``: ``start``/``end`` for threats and devices,
    ``content_start``/``content_end`` and ``speaker_start``/``speaker_end``
    for quotes. Overlapping spans are fine (the text is cut at every
    boundary); offsets outside the text are clipped, empty spans ignored.
    All text is escaped. Put :data:`HIGHLIGHT_CSS` once in the page to colour
    the marks.

    >>> print(highlight_article("He said “no” today.", quotes=[{"content_start": 9, "content_end": 11, "kind": "direct",
    ...       "speaker_start": 0, "speaker_end": 2, "speaker_name": "Kim"}]))
    <div class="rh-article"><mark class="rh-speaker" title="speaker: Kim">He</mark> said “<mark class="rh-quote" title="quote (direct)">no</mark>” today.</div>
    """
    text = text or ""
    size = len(text)
    spans: list[tuple[int, int, str, str]] = []  # start, end, css class, label

    def add(start: Any, end: Any, css: str, label: str) -> None:
        start, end = _int_or_none(start), _int_or_none(end)
        if start is None or end is None:
            return
        start, end = max(0, min(start, size)), max(0, min(end, size))
        if start < end:
            spans.append((start, end, css, label))

    for row in _rows(quotes):
        add(row.get("content_start"), row.get("content_end"), "rh-quote", _label("quote", row))
        add(row.get("speaker_start"), row.get("speaker_end"), "rh-speaker", _label("speaker", row))
    for row in _rows(threats):
        add(row.get("start"), row.get("end"), "rh-threat", _label("threat", row))
    for row in _rows(devices):
        add(row.get("start"), row.get("end"), "rh-device", _label("device", row))

    cuts = sorted({0, size, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [(css, label) for s, e, css, label in spans if s <= left and right <= e]
        chunk = _esc(text[left:right])
        if not covering:
            pieces.append(chunk)
            continue
        classes = " ".join(sorted({css for css, _ in covering}))
        labels = "; ".join(dict.fromkeys(label for _, label in covering))
        pieces.append(f'<mark class="{classes}" title="{_esc(labels)}">{chunk}</mark>')
    body = f'<div class="rh-article">{"".join(pieces)}</div>'
    return Html((_LEGEND + body) if legend else body)


# --------------------------------------------------------------------------
# Shaping for the figures and tables
# --------------------------------------------------------------------------

def articles_per_month(articles: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """Articles per month and ``by`` group, months without articles as 0.

    >>> a = pd.DataFrame({"month": pd.to_datetime(["2026-01-01", "2026-03-01"]), "outlet": ["A", "B"]})
    >>> articles_per_month(a).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [[Timestamp('2026-01-01 00:00:00'), 'A', 1], [Timestamp('2026-01-01 00:00:00'), 'B', 0],
     [Timestamp('2026-02-01 00:00:00'), 'A', 0], [Timestamp('2026-02-01 00:00:00'), 'B', 0],
     [Timestamp('2026-03-01 00:00:00'), 'A', 0], [Timestamp('2026-03-01 00:00:00'), 'B', 1]]
    """
    dated = articles.dropna(subset=["month"])
    if dated.empty:
        return pd.DataFrame({"month": pd.Series(dtype="datetime64[ns]"), by: pd.Series(dtype=object), "articles": pd.Series(dtype=int)})
    months = pd.date_range(dated["month"].min(), dated["month"].max(), freq="MS")
    groups = sorted(dated[by].fillna("unknown").unique())
    counts = dated.assign(**{by: dated[by].fillna("unknown")}).groupby(["month", by]).size()
    full = pd.MultiIndex.from_product([months, groups], names=["month", by])
    return counts.reindex(full, fill_value=0).rename("articles").reset_index()


def top_speakers(quotes: pd.DataFrame, articles: pd.DataFrame | None = None, n: int = 10) -> pd.DataFrame:
    """The ``n`` speakers quoted most: their most frequent title and
    affiliation, number of quotes and of articles, and the mean compound of
    what they said (ties broken by name).

    >>> q = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker_name": ["Hale", "Hale", "Ruiz"],
    ...                   "speaker_title": ["Defense Secretary", None, "spokeswoman"],
    ...                   "speaker_affiliation": ["United States"] * 3, "compound": [-0.5, 0.1, 0.4]})
    >>> top_speakers(q)[["speaker", "title", "quotes", "articles"]].values.tolist()
    [['Hale', 'Defense Secretary', 2, 1], ['Ruiz', 'spokeswoman', 1, 1]]
    """
    columns = ["speaker", "title", "affiliation", "quotes", "articles", "mean_compound"]
    named = quotes.dropna(subset=["speaker_name"]) if "speaker_name" in quotes else quotes.iloc[0:0]
    if named.empty:
        return pd.DataFrame(columns=columns)

    def most_common(values: pd.Series) -> Any:
        counts = Counter(v for v in values if isinstance(v, str) and v)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0] if counts else None

    table = named.groupby("speaker_name").agg(
        title=("speaker_title", most_common), affiliation=("speaker_affiliation", most_common),
        quotes=("doc_id", "size"), articles=("doc_id", "nunique"), mean_compound=("compound", "mean"))
    table = table.reset_index().rename(columns={"speaker_name": "speaker"})
    return table.sort_values(["quotes", "speaker"], ascending=[False, True]).head(n).reset_index(drop=True)[columns]


def extreme_quotes(quotes: pd.DataFrame, articles: pd.DataFrame, n: int = 5, *, most: str = "negative") -> pd.DataFrame:
    """The ``n`` most negative (or ``most="positive"``) quotes by the
    compound of their content, with speaker, title, outlet and date."""
    columns = ["compound", "speaker", "title", "quote", "outlet", "date", "doc_id"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    picked = quotes.nsmallest(n, "compound") if most == "negative" else quotes.nlargest(n, "compound")
    picked = picked.merge(articles[["doc_id", "outlet", "date"]], on="doc_id", how="left")
    picked = picked.assign(speaker_name=picked["speaker_name"].fillna(picked["speaker"])).drop(columns=["speaker"])
    picked = picked.rename(columns={"speaker_name": "speaker", "speaker_title": "title", "content": "quote"})
    picked["date"] = pd.to_datetime(picked["date"]).dt.strftime("%Y-%m-%d")
    return picked[columns].reset_index(drop=True)


def actor_tone(actor_sentiment: pd.DataFrame, articles: pd.DataFrame, *, actors: Iterable[str] | None = None,
               by: str | None = None, min_mentions: int = 1) -> pd.DataFrame:
    """Mean compound toward each actor (optionally per ``by`` group), with
    the number of mentions; only ``actors`` if given."""
    keys = ["actor"] + ([by] if by else [])
    if actor_sentiment.empty:
        return pd.DataFrame(columns=keys + ["mentions", "mean_compound"])
    table = actor_sentiment
    if actors:
        table = table[table["actor"].isin(list(actors))]
    if by:
        table = table.merge(articles[["doc_id", by]], on="doc_id", how="inner")
    result = table.groupby(keys).agg(mentions=("compound", "size"), mean_compound=("compound", "mean")).reset_index()
    result = result[result["mentions"] >= min_mentions]
    return result.sort_values(["mean_compound"] + keys).reset_index(drop=True)


def frame_shares(frames: pd.DataFrame, articles: pd.DataFrame, scheme: str, by: str = "outlet") -> pd.DataFrame:
    """For one framing ``scheme``: each group's share of frame score per
    frame (scores summed over the group's articles, divided by the group's
    total, so a group's shares add up to 1).

    >>> f = pd.DataFrame({"doc_id": ["a", "a", "b"], "scheme": ["s"] * 3, "frame": ["x", "y", "x"], "score": [3.0, 1.0, 2.0]})
    >>> a = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"]})
    >>> frame_shares(f, a, "s").values.tolist()
    [['A', 'x', 0.75], ['A', 'y', 0.25], ['B', 'x', 1.0]]
    """
    columns = [by, "frame", "share"]
    table = frames[frames["scheme"] == scheme] if not frames.empty else frames
    if table.empty:
        return pd.DataFrame(columns=columns)
    table = table.merge(articles[["doc_id", by]], on="doc_id", how="inner")
    summed = table.groupby([by, "frame"], as_index=False)["score"].sum()
    totals = summed.groupby(by)["score"].transform("sum")
    summed["share"] = (summed["score"] / totals.where(totals > 0)).fillna(0.0)
    return summed[columns].sort_values([by, "frame"]).reset_index(drop=True)


def dominant_frames(frames: pd.DataFrame, articles: pd.DataFrame, scheme: str, by: str = "outlet") -> pd.DataFrame:
    """Articles per group by their highest-scoring frame of ``scheme``
    (articles whose best score is 0 count as ``"none"``)."""
    columns = [by, "frame", "articles"]
    table = frames[frames["scheme"] == scheme] if not frames.empty else frames
    if table.empty:
        return pd.DataFrame(columns=columns)
    best = table.sort_values(["doc_id", "score", "frame"], ascending=[True, False, True]).drop_duplicates("doc_id")
    best = best.assign(frame=best["frame"].where(best["score"] > 0, "none"))
    best = best.merge(articles[["doc_id", by]], on="doc_id", how="inner")
    return best.groupby([by, "frame"]).size().rename("articles").reset_index()[columns]


def frame_evidence(frames: pd.DataFrame, scheme: str, n: int = 5) -> pd.DataFrame:
    """The ``n`` evidence terms that occur most often per frame of ``scheme``,
    as one row per frame with the terms and their counts, e.g. ``"drill (4), missile (2)"``."""
    columns = ["frame", "articles", "top_terms"]
    table = frames[frames["scheme"] == scheme] if not frames.empty else frames
    if table.empty or "evidence" not in table:
        return pd.DataFrame(columns=columns)
    rows = []
    for frame, group in table.groupby("frame"):
        counts = Counter(term for terms in group["evidence"] if terms is not None for term in terms)
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
        rows.append({"frame": frame, "articles": int((group["score"] > 0).sum()),
                     "top_terms": ", ".join(f"{term} ({count})" for term, count in top)})
    return pd.DataFrame(rows, columns=columns).sort_values(["articles", "frame"], ascending=[False, True]).reset_index(drop=True)


def threat_intensity(threats: pd.DataFrame, articles: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Per month (and ``by`` group): threat count, mean and maximum
    intensity. Threats of undated articles are left out (see
    :func:`intensity_by_category` for a view that needs no dates)."""
    keys = ["month"] + ([by] if by else [])
    columns = keys + ["threats", "mean_intensity", "max_intensity"]
    if threats.empty:
        return pd.DataFrame(columns=columns)
    table = threats.merge(articles[["doc_id", "month"] + ([by] if by and by != "month" else [])], on="doc_id", how="inner")
    result = table.groupby(keys).agg(threats=("intensity", "size"), mean_intensity=("intensity", "mean"),
                                     max_intensity=("intensity", "max")).reset_index()
    return result[columns]


def intensity_by_category(threats: pd.DataFrame) -> pd.DataFrame:
    """Per CAMEO category: the number of threats and their mean, most and
    least hostile intensity (Goldstein scores: lower is more hostile),
    most hostile category first.

    >>> t = pd.DataFrame({"cameo": ["138", "1384", "154"], "intensity": [-7.0, -9.0, -7.2]})
    >>> intensity_by_category(t).values.tolist()
    [['13 Threaten', 2, -8.0, -9.0, -7.0], ['15 Exhibit force posture', 1, -7.2, -7.2, -7.2]]
    """
    columns = ["category", "threats", "mean_intensity", "most_hostile", "least_hostile"]
    if threats.empty:
        return pd.DataFrame(columns=columns)
    table = threat_categories(threats)
    result = table.groupby("category").agg(threats=("intensity", "size"), mean_intensity=("intensity", "mean"),
                                           most_hostile=("intensity", "min"), least_hostile=("intensity", "max"))
    return result.reset_index().sort_values(["mean_intensity", "category"]).reset_index(drop=True)[columns]


def threat_table(threats: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per threat: article title, date, outlet, actor → target,
    kind, CAMEO category and code, conditional, intensity and the phrase,
    most hostile first (lowest Goldstein score; −10 is the most hostile).
    Columns missing from older tables are read as empty."""
    columns = ["article", "date", "outlet", "actor → target", "kind", "category", "CAMEO code", "conditional",
               "intensity", "phrase", "doc_id"]
    if threats.empty:
        return pd.DataFrame(columns=columns)
    meta = [c for c in ("doc_id", "title", "date", "outlet") if c in articles]
    table = threat_categories(threats).merge(articles[meta], on="doc_id", how="left")
    for column in ("title", "date", "outlet"):
        if column not in table:
            table[column] = None
    actor = table["actor_mention"].fillna(table["actor"]) if "actor_mention" in table else table["actor"]
    table["actor → target"] = actor.fillna("?").astype(str) + " → " + table["target"].fillna("?").astype(str)
    table["date"] = pd.to_datetime(table["date"]).dt.strftime("%Y-%m-%d")
    table = table.rename(columns={"text": "phrase", "title": "article", "cameo_label": "CAMEO code"})
    return table.sort_values(["intensity", "date", "doc_id"], ascending=[True, True, True],
                             na_position="last")[columns].reset_index(drop=True)


def article_quotes(quotes: pd.DataFrame, doc_id: str | None = None) -> pd.DataFrame:
    """The quotes of one article in text order: speaker, title, affiliation,
    kind, cue, compound and content."""
    columns = ["speaker", "title", "affiliation", "kind", "cue", "compound", "quote"]
    table = quotes if doc_id is None else quotes[quotes["doc_id"] == doc_id]
    if table.empty:
        return pd.DataFrame(columns=columns)
    table = table.sort_values("content_start")
    result = pd.DataFrame({
        "speaker": table["speaker_name"].fillna(table["speaker"]),
        "title": table["speaker_title"], "affiliation": table["speaker_affiliation"], "kind": table["kind"],
        "cue": table["cue"], "compound": table["compound"], "quote": table["content"],
    })
    return result[columns].reset_index(drop=True)


def sentiment_arc(sentences: pd.DataFrame, doc_id: str | None = None, window: int = 3) -> pd.DataFrame:
    """The sentence-by-sentence compound of one article with a centred
    rolling mean over ``window`` sentences, and each sentence's position
    as a share of the article (0 = first, 1 = last).

    >>> s = pd.DataFrame({"doc_id": ["a"] * 3, "sent_id": [0, 1, 2], "compound": [0.0, -0.6, 0.3], "text": ["x", "y", "z"]})
    >>> sentiment_arc(s, "a")[["sent_id", "position", "rolling"]].round(2).values.tolist()
    [[0.0, 0.0, -0.3], [1.0, 0.5, -0.1], [2.0, 1.0, -0.15]]
    """
    table = sentences if doc_id is None else sentences[sentences["doc_id"] == doc_id]
    table = table.sort_values("sent_id").reset_index(drop=True)
    last = max(len(table) - 1, 1)
    table = table.assign(position=table.index / last,
                         rolling=table["compound"].rolling(window, center=True, min_periods=1).mean())
    return table[["sent_id", "position", "compound", "rolling", "text"]]


def device_counts(devices: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """Device occurrences per 1,000 tokens by ``by`` group and device kind."""
    columns = [by, "device", "per_1k"]
    if devices.empty:
        return pd.DataFrame(columns=columns)
    counts = devices.merge(articles[["doc_id", by]], on="doc_id").groupby([by, "device"]).size().rename("n").reset_index()
    tokens = articles.groupby(by)["n_tokens"].sum().rename("tokens").reset_index()
    counts = counts.merge(tokens, on=by)
    counts["per_1k"] = 1000 * counts["n"] / counts["tokens"].where(counts["tokens"] > 0)
    return counts[columns]


def frame_balances(frames: pd.DataFrame, articles: pd.DataFrame, scheme: str, by: str = "group") -> pd.DataFrame:
    """Per ``by`` group and balance index of ``scheme``: the mean index over
    the group's articles (−1 … +1) and the number of articles with any cue
    on either side (a balance is 0 when neither side has one).

    >>> f = pd.DataFrame({"doc_id": ["a", "b"], "scheme": ["security"] * 2, "frame": ["escalation_balance"] * 2,
    ...                   "score": [1.0, 0.0], "evidence": [("x",), ()]})
    >>> frame_balances(f, pd.DataFrame({"doc_id": ["a", "b"], "group": ["G", "G"]}), "security").values.tolist()
    [['G', 'escalation_balance', 0.5, 1, 2]]
    """
    columns = [by, "frame", "mean_index", "articles_with_cues", "articles"]
    names = balance_frames(frames, scheme)
    if not names:
        return pd.DataFrame(columns=columns)
    table = frames[(frames["scheme"] == scheme) & frames["frame"].isin(names)].merge(articles[["doc_id", by]], on="doc_id")
    cued = table["evidence"].map(lambda e: e is not None and len(e) > 0) if "evidence" in table else table["score"] != 0
    table = table.assign(_cued=cued)
    result = table.groupby([by, "frame"]).agg(mean_index=("score", "mean"), articles_with_cues=("_cued", "sum"),
                                              articles=("doc_id", "nunique")).reset_index()
    result["articles_with_cues"] = result["articles_with_cues"].astype(int)
    return result[columns]


def item_answers(frames: pd.DataFrame, articles: pd.DataFrame, by: str = "group",
                 scheme: str = "semetko_valkenburg_items") -> pd.DataFrame:
    """For the yes/no items of Semetko & Valkenburg's instrument: the share
    of each group's articles that answer each question "yes", one row per
    item with its question, one column per group."""
    table = frames[frames["scheme"] == scheme] if len(frames) else frames
    if table.empty:
        return pd.DataFrame(columns=["item"])
    table = table.merge(articles[["doc_id", by]], on="doc_id")
    wide = table.assign(yes=table["score"] > 0).pivot_table(index="frame", columns=by, values="yes", aggfunc="mean")
    wide.columns.name = None
    order = [f for f in frame_order(scheme) if f in wide.index] + sorted(set(wide.index) - set(frame_order(scheme)))
    wide = wide.reindex(order)
    wide.index = [frame_label(scheme, f) for f in wide.index]
    return wide.rename_axis("item").reset_index()
