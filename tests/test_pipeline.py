import json

import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from rhetoric import analyze, extract_corpus, load_corpus, score_sentiment
from rhetoric.pipeline import SCHEMAS, TABLE_NAMES
from rhetoric.io.store import read_table, sha256_file


def test_analyze_gives_every_table_with_its_columns(small_corpus):
    corpus = load_corpus(small_corpus)
    tables = analyze(corpus.articles, errors=corpus.errors)
    for name in TABLE_NAMES:
        assert list(tables[name].columns) == SCHEMAS[name].names, name
    assert set(TABLE_NAMES) >= {"articles", "sentences", "quotes", "threats", "devices", "frames", "errors", "officials"}
    sentences = tables.sentences
    assert sentences.groupby("doc_id").size().to_dict() == {"test-bomber-flight": 5, "test-talks": 4}
    text = corpus.articles.set_index("doc_id").text
    for row in sentences.itertuples():
        assert text[row.doc_id][row.start:row.end] == row.text


def test_sentence_scores_are_vaders_own(small_corpus):
    tables = analyze(load_corpus(small_corpus).articles)
    reference = SentimentIntensityAnalyzer()
    for row in tables.sentences.itertuples():
        expected = reference.polarity_scores(row.text)
        assert (row.compound, row.pos, row.neu, row.neg) == (
            expected["compound"], expected["pos"], expected["neu"], expected["neg"])
    assert score_sentiment("We are encouraged by the progress").compound > 0.4


def test_article_aggregates(small_corpus):
    tables = analyze(load_corpus(small_corpus).articles)
    articles = tables.articles.set_index("doc_id")
    sentences = tables.sentences
    for doc_id, group in sentences.groupby("doc_id"):
        assert articles.loc[doc_id, "n_sentences"] == len(group)
        assert abs(articles.loc[doc_id, "mean_compound"] - group["compound"].mean()) < 1e-12
        assert articles.loc[doc_id, "share_negative"] == (group["compound"] < -0.05).mean()
    assert articles.loc["test-talks", "n_tokens"] == 59  # equals whitespace words here
    assert articles.loc["test-bomber-flight", "mean_compound"] < articles.loc["test-talks", "mean_compound"]


def test_extract_is_byte_identical_across_runs_and_process_counts(small_corpus, tmp_path):
    first = extract_corpus(small_corpus, tmp_path / "one", jobs=1)
    extract_corpus(small_corpus, tmp_path / "again", jobs=1)
    extract_corpus(small_corpus, tmp_path / "two", jobs=2, chunk_size=1)
    extract_corpus(small_corpus, tmp_path / "chunked", jobs=1, chunk_size=1)
    assert first.n_articles == 2 and first.n_skipped == 0
    for name in TABLE_NAMES:
        one = tmp_path / "one" / f"{name}.parquet"
        assert sha256_file(one) == sha256_file(tmp_path / "again" / f"{name}.parquet"), name
        # another chunking gives other row groups, but the same rows in the same order
        pd.testing.assert_frame_equal(read_table(one), read_table(tmp_path / "two" / f"{name}.parquet"))
    # same chunking, different number of processes: the same bytes
    for name in TABLE_NAMES:
        assert sha256_file(tmp_path / "two" / f"{name}.parquet") == sha256_file(tmp_path / "chunked" / f"{name}.parquet")
    assert (tmp_path / "one" / "manifest.json").read_bytes() == (tmp_path / "again" / "manifest.json").read_bytes()


def test_manifest_records_provenance(small_corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(small_corpus.parent)
    extract_corpus("raw", tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["vader_implementation"].startswith("vaderSentiment 3.3")
    assert manifest["parameters"]["strict"] is False
    assert manifest["input"]["path"] == "raw"
    files = {f["path"]: f["sha256"] for f in manifest["input"]["files"]}
    assert files == {"raw/bomber.txt": sha256_file(small_corpus / "bomber.txt"),
                     "raw/talks.md": sha256_file(small_corpus / "talks.md")}
    assert manifest["tables"]["sentences"]["rows"] == 9
    assert manifest["tables"]["articles"]["sha256"] == sha256_file(tmp_path / "out" / "articles.parquet")
    assert "/" not in manifest["rhetoric_version"] and str(tmp_path) not in json.dumps(manifest)


def test_errors_table_lists_what_was_skipped(small_corpus, tmp_path):
    (small_corpus / "broken.jsonl").write_text('{"id": "x", "text": "Seoul protested."}\n{oops\n')
    summary = extract_corpus(small_corpus, tmp_path / "out")
    assert summary.n_articles == 3 and summary.n_skipped == 1
    errors = read_table(tmp_path / "out" / "errors.parquet")
    assert errors[["line", "action", "stage"]].values.tolist() == [[2, "skipped", "load"]]
    assert errors["source"].iloc[0].endswith("broken.jsonl")
