"""Target- and actor-directed sentiment on hand-written sentences and the sample corpus."""

from __future__ import annotations

import math

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from conftest import BOMBER_ARTICLE, SAMPLE_ARTICLES
from rhetoric import analyze, load_corpus
from rhetoric.pipeline import SCHEMAS
from rhetoric.sentiment.vader import score_sentiment
from rhetoric.sentiment.targeted import (
    ActorSentiment,
    actor_sentiment,
    actor_sentiment_summary,
    clause_span,
    target_features,
    target_probabilities,
    target_sentiment,
)

VADER = SentimentIntensityAnalyzer()


def score_toward(text: str, mention: str) -> float:
    start = text.index(mention)
    return target_sentiment(text, start, start + len(mention))


# ----------------------------------------------------------------------------
# target_sentiment
# ----------------------------------------------------------------------------

def test_censure_is_negative_toward_its_object_whatever_the_sentence_tone():
    text = "Congress moved to censure Mr. Trump."
    assert VADER.polarity_scores(text)["compound"] > -0.05  # VADER: not negative
    assert score_toward(text, "Trump") < -0.05
    assert target_features(text, 29, 34)["obj_negative"] == 1.0


def test_praise_is_positive_toward_its_object_and_passive_condemnation_negative():
    assert score_toward("The president praised Seoul for its restraint.", "Seoul") > 0.05
    assert score_toward("Seoul was condemned by the council.", "Seoul") < -0.05
    assert target_features("Seoul was condemned by the council.", 0, 5)["pass_negative"] == 1.0


def test_negation_moves_the_score():
    plain = score_toward("Seoul is a threat to everyone.", "Seoul")
    negated = score_toward("Seoul is not a threat to everyone.", "Seoul")
    assert plain < -0.05
    assert negated > plain + 0.3
    praised = score_toward("Pyongyang praised Seoul.", "Seoul")
    not_praised = score_toward("Pyongyang did not praise Seoul.", "Seoul")
    assert praised > 0.05 and not_praised < praised


def test_two_targets_in_one_sentence_get_different_scores():
    text = "Tokyo praised the brave sailors, while Beijing was accused of lying."
    assert score_toward(text, "Tokyo") > 0.05
    assert score_toward(text, "Beijing") < -0.05


def test_score_is_the_models_decision_under_vaders_cutoffs():
    for text, mention in [("Seoul praised Tokyo for its help.", "Tokyo"),
                          ("Analysts in Tokyo met on Monday.", "Tokyo"),
                          ("The mob attacked Tokyo's envoy.", "Tokyo")]:
        start = text.index(mention)
        probabilities = target_probabilities(text, start, start + len(mention))
        assert math.isclose(sum(probabilities.values()), 1.0)
        winner = max(probabilities, key=probabilities.get)
        score = target_sentiment(text, start, start + len(mention))
        assert -1.0 <= score <= 1.0
        assert (1 if score > 0.05 else -1 if score < -0.05 else 0) == winner


def test_only_the_sentence_holding_the_mention_counts():
    alone = "Officials met Seoul's envoy on Monday."
    with_neighbour = "The massacre was a horrific, evil crime. " + alone
    offset = len(with_neighbour) - len(alone)
    start = alone.index("Seoul")
    assert target_sentiment(with_neighbour, offset + start, offset + start + 5) == target_sentiment(alone, start, start + 5)


@pytest.mark.parametrize("text,start,end", [("", 0, 0), ("Seoul", 3, 3), ("Seoul", -5, 99), ("x\x00\x1b", 0, 2),
                                            ("Seoul", 4, 2), ('"""', 0, 3)])
def test_odd_input_does_not_raise(text, start, end):
    score = target_sentiment(text, start, end)
    assert -1.0 <= score <= 1.0


# ----------------------------------------------------------------------------
# actor_sentiment
# ----------------------------------------------------------------------------

def assert_offsets(text: str, rows: list[ActorSentiment]) -> None:
    for row in rows:
        assert text[row.start:row.end] == row.mention
        assert row.clause_start <= row.start and row.end <= row.clause_end
        if row.speaker is not None:
            assert text[row.speaker_start:row.speaker_end] == row.speaker
        assert -1.0 <= row.compound <= 1.0


def test_quoted_insult_is_toward_the_target_and_voiced_by_the_speaker():
    text = 'North Korea\'s state media accused "gangster-like U.S. imperialists" of seeking war.'
    rows = actor_sentiment(text)
    assert_offsets(text, rows)
    speaker_row, target_row = rows
    assert (speaker_row.actor, speaker_row.voiced_by, speaker_row.in_quote) == ("North Korea", None, False)
    assert (target_row.actor, target_row.mention, target_row.in_quote) == ("United States", "U.S.", True)
    assert target_row.speaker == "North Korea's state media"
    assert target_row.voiced_by == "North Korea"
    assert target_row.compound < -0.05
    # The clause is the quoted phrase: VADER knows none of its words, domain mode does.
    assert text[target_row.clause_start:target_row.clause_end] == "gangster-like U.S. imperialists"
    assert target_row.compound_clause == 0.0
    assert target_row.compound_domain < -0.5


def test_official_quote_about_north_korea_is_voiced_by_the_united_states():
    text = '"Pyongyang\'s reckless provocations must stop," said a spokesman for the State Department.'
    rows = actor_sentiment(text)
    assert_offsets(text, rows)
    pyongyang = rows[0]
    assert (pyongyang.actor, pyongyang.country, pyongyang.in_quote) == ("North Korea", "North Korea", True)
    assert pyongyang.speaker == "a spokesman for the State Department"
    assert pyongyang.voiced_by == "United States"
    assert pyongyang.compound < -0.05
    state_department = rows[1]
    assert state_department.actor == "State Department" and state_department.voiced_by is None


def test_reported_speech_and_narration():
    text = "Chinese officials said Washington had acted recklessly. Seoul welcomed the talks."
    rows = actor_sentiment(text)
    assert_offsets(text, rows)
    by_mention = {row.mention: row for row in rows}
    assert by_mention["Washington"].speaker == "Chinese officials"
    assert by_mention["Washington"].voiced_by == "China"
    assert by_mention["Chinese"].voiced_by is None  # the speaker is not voiced by itself
    assert by_mention["Seoul"].voiced_by is None and by_mention["Seoul"].speaker is None
    assert by_mention["Seoul"].sent_id == 1


@pytest.mark.parametrize("text,mention,speaker,voiced_by", [
    ("North Korea poses a grave threat to the region, Japanese officials said on Tuesday.",
     "North Korea", "Japanese officials", "Japan"),
    ("Beijing is a reliable partner, according to Russian diplomats.", "Beijing", "Russian diplomats", "Russia"),
    ("Vice Minister Ri of North Korea, in a statement, said Washington lied.",
     "Washington", "Vice Minister Ri of North Korea", "North Korea"),
    ("The missile flew 1,000 km, said a South Korean military official.", "South Korean", None, None),
    ('"We have made our stand clear," said Ri. "If the U.S. pulls the trigger, we will answer."', "U.S.", "Ri", None),
])
def test_speakers_of_reported_speech(text, mention, speaker, voiced_by):
    rows = actor_sentiment(text)
    assert_offsets(text, rows)
    row = next(row for row in rows if row.mention == mention)
    assert row.voiced_by == voiced_by
    # rhetoric.extract.quotes' speaker span wins where it finds the quote; it may be shorter ("Russian").
    assert (row.speaker is None) == (speaker is None)
    assert speaker is None or row.speaker in speaker


def test_multi_paragraph_quote_keeps_its_speaker():
    text = ('The General Staff of North Korea said in a statement:\n\n'
            '"The puppets of Seoul are staging a war rehearsal.\n\n'
            '"Washington will pay dearly."')
    rows = actor_sentiment(text)
    assert_offsets(text, rows)
    quoted = [row for row in rows if row.in_quote]
    assert [row.mention for row in quoted] == ["Seoul", "Washington"]
    assert {row.voiced_by for row in quoted} == {"North Korea"}


def test_clause_vader_is_raw_vader_and_domain_is_its_own_column():
    text = "Seoul condemned the provocation, but Tokyo praised the peaceful talks."
    rows = actor_sentiment(text)
    assert_offsets(text, rows)
    for row in rows:
        clause = text[row.clause_start:row.clause_end]
        assert row.compound_clause == VADER.polarity_scores(clause)["compound"]
        assert row.compound_domain == score_sentiment(clause, domain=True).compound
    seoul, tokyo = rows
    assert text[seoul.clause_start:seoul.clause_end] == "Seoul condemned the provocation"
    assert seoul.compound_domain < seoul.compound_clause < 0  # "provocation" is a domain term
    assert text[tokyo.clause_start:tokyo.clause_end] == "but Tokyo praised the peaceful talks."
    assert tokyo.compound > 0.05 and seoul.compound < tokyo.compound


def test_clause_span():
    text = "Seoul welcomed the talks; Pyongyang fired a missile."
    start, end = clause_span(text, text.index("Pyongyang"), text.index("Pyongyang") + 9)
    assert text[start:end] == "Pyongyang fired a missile."
    assert clause_span("", 0, 0) == (0, 0)


@pytest.mark.parametrize("text", ["", "   ", 'Seoul said "', '"Seoul', '“Seoul” ” “ said Tokyo', "Seoul\x00Tokyo\x1b",
                                  "\n\n\"\n\n\"Seoul", "said said said Seoul said", "Seoul" * 50])
def test_actor_sentiment_never_raises_on_odd_input(text):
    rows = actor_sentiment(text)
    assert_offsets(text, rows)
    assert rows == actor_sentiment(text)  # deterministic


def test_summary_means_per_actor():
    rows = actor_sentiment("Seoul praised Tokyo. Seoul thanked Tokyo. Pyongyang condemned Tokyo.")
    summary = {(s["actor"], s["voiced_by"]): s for s in actor_sentiment_summary(rows)}
    japan = summary[("Japan", None)]
    tokyo_rows = [row for row in rows if row.actor == "Japan" and row.voiced_by is None]
    assert japan["n_mentions"] == 2 and japan["mean_compound"] > 0.05
    assert math.isclose(japan["mean_compound"], sum(r.compound for r in tokyo_rows) / 2, abs_tol=1e-6)
    # "Pyongyang condemned Tokyo": a speech act, so voiced by North Korea.
    condemned = summary[("Japan", "North Korea")]
    assert condemned["n_mentions"] == 1 and condemned["mean_compound"] < -0.05


# ----------------------------------------------------------------------------
# Tables
# ----------------------------------------------------------------------------

def test_actor_sentiment_table_and_groupby(small_corpus):
    tables = analyze(load_corpus(small_corpus).articles)
    table = tables.actor_sentiment
    assert list(table.columns) == SCHEMAS["actor_sentiment"].names
    assert {"doc_id", "actor", "country", "voiced_by", "compound", "compound_clause", "compound_domain"} <= set(table.columns)
    bomber = table[table.doc_id == "test-bomber-flight"]
    quoted_us = bomber[(bomber.mention == "U.S.") & bomber.in_quote]
    assert quoted_us.voiced_by.tolist() == ["North Korea"]
    assert quoted_us.compound.iloc[0] < -0.05
    summary = actor_sentiment_summary(table.to_dict("records"))
    means = table.fillna({"voiced_by": "-"}).groupby(["doc_id", "actor", "country", "voiced_by"]).compound.mean()
    assert len(summary) == len(means)
    for row in summary:
        key = (row["doc_id"], row["actor"], row["country"], row["voiced_by"] or "-")
        assert math.isclose(row["mean_compound"], means[key], abs_tol=1e-6)
    text = BOMBER_ARTICLE.split("---", 2)[2].strip()
    assert [r.mention for r in actor_sentiment(text)] == bomber.mention.tolist()


def test_sample_corpus_state_media_outlet_is_hostile_to_the_united_states():
    corpus = load_corpus(SAMPLE_ARTICLES)
    tables = analyze(corpus.articles)
    rows = tables.actor_sentiment.merge(tables.articles[["doc_id", "outlet"]], on="doc_id")
    assert len(rows) > 300
    toward_us = rows[rows.country == "United States"]
    state_media = toward_us[toward_us.outlet == "Taedong Herald"]
    others = toward_us[toward_us.outlet != "Taedong Herald"]
    assert len(state_media) > 20 and len(others) > 100
    # Measured when written: -0.26 in the state-media outlet vs -0.14 elsewhere; 68% of its mentions negative.
    assert state_media.compound.mean() < -0.2
    assert state_media.compound.mean() < others.compound.mean() - 0.05
    assert (state_media.compound < -0.05).mean() > 0.5
    # Domain mode sees the state-media vocabulary ("imperialists", "puppet") VADER misses.
    assert state_media.compound_domain.mean() < state_media.compound_clause.mean() - 0.05
    # Quotes voiced by North Korea about the United States are negative on average.
    assert rows[(rows.voiced_by == "North Korea") & (rows.country == "United States")].compound.mean() < -0.1


def test_sentiment_reaches_actors_through_references():
    # "he" and "his" are Putin, "the ministry" Russia's: sentiment toward them counts for Russia
    rows = actor_sentiment("Russian President Vladimir Putin arrived in Minsk on Monday. "
                           "Critics said he had bullied his neighbours for years. The ministry denied it.")
    by_mention = {r.mention: r for r in rows}
    assert [(r.mention, r.via) for r in rows if r.via != "gazetteer"] == [
        ("he", "pronoun"), ("his", "pronoun"), ("The ministry", "description")]
    assert by_mention["he"].actor == "Russia" and by_mention["he"].compound < -0.05
    assert by_mention["Vladimir Putin"].via == "gazetteer"


def test_a_quote_is_voiced_by_the_state_the_article_gives_its_speaker():
    # the speaker span "Glazyev" names no state; the article describes him as Putin's adviser
    rows = actor_sentiment("Sergei Glazyev, Mr Putin's chief adviser, spoke on Monday. "
                           "“The Americans are lying,” Glazyev said.")
    americans = next(r for r in rows if r.mention == "Americans")
    assert (americans.in_quote, americans.speaker, americans.voiced_by) == (True, "Glazyev", "Russia")
