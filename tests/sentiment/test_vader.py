"""VADER sentiment: base mode is vaderSentiment's own; domain mode is opt-in and separate."""

from __future__ import annotations

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from conftest import SAMPLE_ARTICLES
from rhetoric import analyze, load_corpus
from rhetoric.lexicons import lexicon_text, read_lexicon_table
from rhetoric.sentiment.vader import analyzer, domain_analyzer, domain_lexicon, score_sentiment

SENTENCES = [
    "North Korea fired a ballistic missile into the sea on Saturday, the Joint Chiefs of Staff said.",
    "The drills are a reckless provocation by the gangster-like U.S. imperialists.",
    "Seoul and Washington reaffirmed their commitment to the complete denuclearization of the peninsula.",
    "Any nuclear attack would bring about the end of the regime.",
    "The talks were not a failure, but they were hardly a breakthrough!",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_base_mode_is_vaders_own(text):
    reference = SentimentIntensityAnalyzer().polarity_scores(text)
    scores = score_sentiment(text)
    assert (scores.compound, scores.pos, scores.neu, scores.neg) == (
        reference["compound"], reference["pos"], reference["neu"], reference["neg"])


def test_domain_mode_changes_only_sentences_with_domain_terms():
    plain = "North Korea fired a ballistic missile into the sea on Saturday."
    assert score_sentiment(plain, domain=True) == score_sentiment(plain)
    hostile = "The drills are a reckless provocation by the gangster-like U.S. imperialists."
    assert score_sentiment(hostile).compound == pytest.approx(-0.4019)  # "reckless" only
    assert score_sentiment(hostile, domain=True).compound < score_sentiment(hostile).compound - 0.3
    hopeful = "Seoul and Washington reaffirmed their commitment to the complete denuclearization of the peninsula."
    assert score_sentiment(hopeful, domain=True).compound > score_sentiment(hopeful).compound


def test_domain_terms_inside_typographic_quotes_count():
    text = "Pyongyang accused “gangster-like U.S. imperialists” of seeking war."
    assert score_sentiment(text).compound == score_sentiment(text.replace("gangster-like", "").replace("imperialists", "")).compound
    assert score_sentiment(text, domain=True).compound < score_sentiment(text).compound - 0.15  # -0.73 -> -0.91
    assert score_sentiment(text, domain=True).compound == score_sentiment(text.replace("“", '"').replace("”", '"'), domain=True).compound


def test_domain_mode_never_touches_the_base_analyzer():
    score_sentiment("A provocation by the imperialists.", domain=True)
    base = analyzer().lexicon
    assert "provocation" not in base and "imperialists" not in base
    assert base == SentimentIntensityAnalyzer().lexicon
    assert domain_analyzer() is not analyzer()
    assert domain_analyzer().lexicon["provocation"] == -1.7


def test_domain_lexicon_is_cited_on_vaders_scale_and_only_adds_words():
    header = lexicon_text("security_valence.tsv").split("\nterm\t")[0]
    assert "Hutto & Gilbert" in header and "Goldstein" in header and "CC0" in header
    rows = read_lexicon_table("security_valence.tsv")
    assert len(rows) >= 60
    base = SentimentIntensityAnalyzer().lexicon
    for term, valence, anchor in rows:
        assert -4.0 <= float(valence) <= 4.0 and anchor, term
        assert term.lower() not in base, term
        assert " " not in term  # VADER looks words up one token at a time
    assert len(domain_lexicon()) == len(rows)


def test_sentences_table_has_domain_column_beside_untouched_vader_columns():
    tables = analyze(load_corpus(SAMPLE_ARTICLES).articles)
    sentences = tables.sentences
    reference = SentimentIntensityAnalyzer()
    changed = 0
    for row in sentences.itertuples():
        assert row.compound == reference.polarity_scores(row.text)["compound"]
        assert row.compound_domain == score_sentiment(row.text, domain=True).compound
        changed += row.compound_domain != row.compound
    # Measured when written: 91 of 620 sample sentences change (53 of them downward).
    assert 40 < changed < len(sentences) / 2
    by_outlet = sentences.merge(tables.articles[["doc_id", "outlet"]], on="doc_id").groupby("outlet")
    shift = (by_outlet.compound_domain.mean() - by_outlet.compound.mean())
    assert shift.idxmin() == "Taedong Herald"  # the state-media vocabulary VADER misses


def test_fast_analyzer_scores_like_the_reference_on_the_sample_corpus():
    from rhetoric import split_sentences
    from rhetoric.sentiment.fastvader import FastAnalyzer

    reference, fast = SentimentIntensityAnalyzer(), FastAnalyzer()
    texts = [s.text for text in load_corpus(SAMPLE_ARTICLES).articles.text for s in split_sentences(text)]
    texts += ["It was not so bad, but never this good!!", "without doubt the best", "kiss of death", "NOT GOOD :)",
              "\U0001F600 we won", "not the least bit happy", "at least good", "sort of nice", "the bomb", ""]
    words = [w for text in texts for w in text.split()]
    texts += [" ".join(words[k:k + n]) for k in range(0, len(words), 7) for n in (2, 5)]
    assert len(texts) > 400
    for text in texts:
        assert fast.polarity_scores(text) == reference.polarity_scores(text), text
        assert score_sentiment(text).compound == reference.polarity_scores(text)["compound"], text
