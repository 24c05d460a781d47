"""The bundled sample corpus keeps the promises its README makes."""

import json

import pytest

from rhetoric import load_corpus

from conftest import SAMPLE_ARTICLES, SAMPLE_GOLD


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SAMPLE_ARTICLES, strict=True)


@pytest.fixture(scope="module")
def gold():
    return [json.loads(line) for line in SAMPLE_GOLD.read_text(encoding="utf-8").splitlines()]


def test_size_outlets_and_dates(corpus):
    articles = corpus.articles
    assert len(articles) >= 24 and corpus.errors.empty
    words = articles["text"].str.split().str.len()
    assert words.between(300, 700).all(), words.describe()
    assert articles["outlet"].nunique() >= 3
    months = {(d.year, d.month) for d in articles["date"]}
    assert len(months) >= 6
    assert articles["doc_id"].is_unique


def test_gold_offsets_slice_to_their_strings(corpus, gold):
    text = corpus.articles.set_index("doc_id")["text"]
    assert sorted(g["doc_id"] for g in gold) == sorted(text.index)
    n_quotes = n_threats = 0
    for record in gold:
        body = text[record["doc_id"]]
        for quote in record["quotes"]:
            assert quote["kind"] in {"direct", "indirect", "mixed"}
            for field in ("content", "cue", "speaker"):
                if quote[f"{field}_start"] is not None:
                    assert body[quote[f"{field}_start"]:quote[f"{field}_end"]] == quote[field]
            n_quotes += 1
        for threat in record["threats"]:
            assert threat["kind"] in {"threat", "warning", "ultimatum", "show_of_force"}
            assert body[threat["start"]:threat["end"]] == threat["text"]
            n_threats += 1
    assert n_quotes >= 300 and n_threats >= 100
