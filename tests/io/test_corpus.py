import datetime as dt
import hashlib
import json

import pandas as pd
import pytest

from rhetoric.io.corpus import CorpusError, load_corpus

from conftest import BOMBER_ARTICLE


def _tree_hash(folder):
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_front_matter_files_give_metadata_and_real_dates(small_corpus):
    corpus = load_corpus(small_corpus)
    assert corpus.errors.empty
    articles = corpus.articles.set_index("doc_id")
    assert list(articles.index) == ["test-bomber-flight", "test-talks"]
    bomber = articles.loc["test-bomber-flight"]
    assert bomber.title == "U.S. bombers fly near peninsula after launch"
    assert bomber.outlet == "Test Wire"
    assert bomber.date == dt.date(2026, 3, 2)
    assert bomber.url == "https://example.org/test/bomber"
    assert bomber.text.startswith("Two U.S. Air Force B-1B bombers")
    assert bomber.text.endswith("would not be taken lightly.")
    assert pd.isna(articles.loc["test-talks"].url)


def test_plain_text_file_title_is_first_line_and_id_is_file_stem(tmp_path):
    (tmp_path / "seoul-drills.txt").write_text("\n\nSeoul drills begin\n\nThe drills began on Monday.\n")
    article = load_corpus(tmp_path).articles.iloc[0]
    assert article.doc_id == "seoul-drills"
    assert article.title == "Seoul drills begin"
    assert article.text == "Seoul drills begin\n\nThe drills began on Monday."
    assert pd.isna(article.outlet) and article.date is None


def test_csv_with_optional_columns_and_hash_ids(tmp_path):
    csv_path = tmp_path / "news.csv"
    csv_path.write_text(
        "title,source,date,text\n"
        "Missile test,Meridian,2026-02-01,\"North Korea fired a missile, officials said.\"\n"
        "Talks,Harbor,\"March 3, 2026\",Envoys met in Geneva.\n",
        encoding="utf-8")
    corpus = load_corpus(csv_path)
    assert corpus.errors.empty
    assert corpus.articles["outlet"].tolist() == ["Meridian", "Harbor"]
    assert corpus.articles["date"].tolist() == [dt.date(2026, 2, 1), dt.date(2026, 3, 3)]
    expected = "doc-" + hashlib.sha256("North Korea fired a missile, officials said.".encode()).hexdigest()[:16]
    assert corpus.articles["doc_id"].iloc[0] == expected
    assert corpus.articles["source"].iloc[0].endswith("news.csv:2")


def test_jsonl_reads_each_line(tmp_path):
    lines = [{"id": "a1", "text": "Seoul protested.", "outlet": "Wire", "date": "2026-05-01T08:00:00Z"},
             {"id": "a2", "text": "Tokyo agreed.", "url": "https://example.org/a2"}]
    (tmp_path / "news.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    articles = load_corpus(tmp_path / "news.jsonl").articles
    assert articles["doc_id"].tolist() == ["a1", "a2"]
    assert articles["date"].tolist()[0] == dt.date(2026, 5, 1)


def test_bad_items_are_recorded_and_good_ones_still_load(tmp_path):
    (tmp_path / "good.txt").write_text(BOMBER_ARTICLE, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks collapsed.".encode("latin-1"))
    (tmp_path / "blank.txt").write_text("   \n\n")
    (tmp_path / "notext.csv").write_text("title,body\nA,B\n")
    (tmp_path / "rows.jsonl").write_text(
        '{"id": "j1", "text": "Pyongyang fired two missiles."}\n'
        '{"id": "j2", "text": "broken\n'
        '{"id": "test-bomber-flight", "text": "A different article with a reused id."}\n'
        '{"id": "j4", "text": ""}\n')
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    before = _tree_hash(tmp_path)

    corpus = load_corpus(tmp_path)

    assert _tree_hash(tmp_path) == before, "the input must never be modified"
    assert corpus.articles["doc_id"].tolist() == ["test-bomber-flight", "j1"]
    errors = {(row.source.rsplit("/", 1)[-1], None if pd.isna(row.line) else row.line): row.error
              for row in corpus.errors.itertuples()}
    assert errors[("latin1.txt", None)] == "not valid UTF-8: byte 0xe9 at offset 3"
    assert errors[("blank.txt", None)] == "empty text"
    assert errors[("notext.csv", 1)] == "no 'text' column (columns: title, body)"
    assert errors[("rows.jsonl", 2)].startswith("malformed JSON: Unterminated string")
    assert errors[("rows.jsonl", 3)].startswith("duplicate id 'test-bomber-flight' (first seen at ")
    assert errors[("rows.jsonl", 4)] == "empty text"
    assert errors[("image.png", None)].startswith("unsupported file type '.png'")
    assert set(corpus.errors["action"]) == {"skipped"}


def test_strict_mode_fails_on_the_first_problem_with_its_location(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "ok"}\n{not json}\n')
    with pytest.raises(CorpusError, match=r"a\.jsonl, line 2: malformed JSON"):
        load_corpus(tmp_path, strict=True)


def test_unreadable_date_and_unsafe_id_keep_the_article(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "../../etc/passwd", "date": "someday", "text": "Seoul protested."}) + "\n")
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 1
    article = corpus.articles.iloc[0]
    assert article.doc_id.startswith("doc-") and article.date is None
    assert sorted(corpus.errors["action"]) == ["kept", "kept"]
    assert any("not a safe identifier" in e for e in corpus.errors["error"])


def test_utf16_with_bom_and_crlf_are_normalised(tmp_path):
    (tmp_path / "w.txt").write_bytes("Title\r\n\r\nSeoul protested.\r\n".encode("utf-16"))
    article = load_corpus(tmp_path).articles.iloc[0]
    assert article.text == "Title\n\nSeoul protested."


def test_oversized_article_is_skipped_with_the_limit_named(tmp_path):
    (tmp_path / "big.txt").write_text("word " * 1000)
    corpus = load_corpus(tmp_path, max_chars=500)
    assert corpus.articles.empty
    assert corpus.errors["error"].iloc[0] == "text of 4,999 characters exceeds the limit of 500"
