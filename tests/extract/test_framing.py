"""Frame scores on hand-written seed-like sentences and on the sample corpus."""

from __future__ import annotations

import re

import pytest

import rhetoric
from rhetoric.extract.framing import (
    POLICY_FRAMES, SCHEMES, SEMETKO_VALKENBURG_ITEMS, SEMETKO_VALKENBURG_QUESTIONS, FrameScore,
    compile_term, score_frames,
)
from rhetoric.lexicons import lexicon_text, read_lexicon_table

from conftest import SAMPLE_ARTICLES

SEED_LIKE = (
    "Naturally, the show of force has angered North Korean officials and is being seen as an act of war "
    "rather than a routine military exercise. The drills had been planned for months, the Pentagon said."
)


def _rows(text: str) -> dict[tuple[str, str], FrameScore]:
    return {(r.scheme, r.frame): r for r in score_frames(text)}


def test_every_scheme_is_complete_and_ordered():
    rows = score_frames(SEED_LIKE)
    assert [(r.scheme, r.frame) for r in rows] == [(s, f) for s, frames in SCHEMES.items() for f in frames]
    assert len(SCHEMES["policy_frames"]) == 15 and POLICY_FRAMES[-1] == "other"
    assert len(SCHEMES["semetko_valkenburg"]) == 5
    assert len(SCHEMES["semetko_valkenburg_items"]) == 20 == len(SEMETKO_VALKENBURG_QUESTIONS)
    assert set(SCHEMES["security"]) >= {"escalation", "deescalation_diplomacy", "act_of_war", "routine_deterrence"}


@pytest.mark.parametrize("text", ["", "   \n\n ", "\x00\x07 “unclosed", "?!?", "a" * 5000])
def test_odd_input_scores_zero_or_more_without_raising(text):
    rows = score_frames(text)
    assert len(rows) == sum(len(f) for f in SCHEMES.values())
    assert all(isinstance(r.score, float) and -1.0 <= r.score <= 1.0 for r in rows)
    if not text.strip():
        assert all(r.score == 0.0 and r.evidence == () for r in rows)


def test_act_of_war_versus_routine_exercise():
    war = _rows("Pyongyang called the bomber flight an act of war and a rehearsal for invasion.")
    routine = _rows("The Pentagon said the flight was a routine exercise, part of long-planned extended deterrence.")
    assert war[("security", "act_of_war")].score == 1.0
    assert war[("security", "act_of_war")].evidence == ("act of war", "rehearsal for invasion")
    assert war[("security", "routine_deterrence")].score == 0.0
    assert war[("security", "act_of_war_balance")].score == 1.0
    assert routine[("security", "act_of_war")].score == 0.0
    assert routine[("security", "routine_deterrence")].score == 1.0
    assert routine[("security", "routine_deterrence")].evidence == ("routine", "long-planned", "extended deterrence")
    assert routine[("security", "act_of_war_balance")].score == -1.0


def test_seed_sentence_carries_both_sides_of_the_contrast():
    rows = _rows(SEED_LIKE)
    # Two sentences: the first has both frames, the second only "had been planned".
    assert rows[("security", "act_of_war")].score == 0.5
    assert rows[("security", "routine_deterrence")].score == 1.0
    assert rows[("security", "act_of_war_balance")].score == pytest.approx((0.5 - 1.0) / 1.5)
    assert rows[("security", "escalation")].evidence == ("show of force", "act of war")


def test_escalation_versus_diplomacy():
    hawk = _rows("Analysts warned of a dangerous escalation as the North threatened retaliation "
                 "and tensions soared after the latest provocation.")
    dove = _rows("Both sides agreed to resume talks, and the restored hotline helped de-escalate the crisis.")
    assert hawk[("security", "escalation")].evidence == ("escalation", "retaliation", "tensions soared", "provocation")
    assert hawk[("security", "escalation_balance")].score == 1.0
    assert dove[("security", "escalation")].score == 0.0  # "de-escalate" is not escalation
    assert dove[("security", "deescalation_diplomacy")].evidence == ("resume talks", "hotline", "de-escalate")
    assert dove[("security", "escalation_balance")].score == -1.0


def test_policy_frames_share_of_sentences_and_other():
    text = ("Sanctions have hit exports and the economy. "
            "Missiles were fired near the border. "
            "It rained on Tuesday.")
    rows = _rows(text)
    assert rows[("policy_frames", "economic")].score == pytest.approx(1 / 3)
    assert rows[("policy_frames", "economic")].evidence == ("exports", "economy")
    assert rows[("policy_frames", "security_defense")].evidence == ("missiles", "border")
    assert rows[("policy_frames", "external_regulation_reputation")].evidence == ("sanctions",)
    assert rows[("policy_frames", "other")].score == pytest.approx(1 / 3)  # only the weather sentence
    assert rows[("policy_frames", "fairness_equality")].score == 0.0


def test_semetko_valkenburg_items_fire_with_evidence_and_frames_average_them():
    text = ("The ministry accused Washington of reckless provocations. "
            "Both sides rejected the proposal. "
            "A 72-year-old farmer said her family now lives in fear. "
            "The sanctions cost traders millions of dollars.")
    rows = _rows(text)
    fired = {f for (s, f), r in rows.items() if s == "semetko_valkenburg_items" and r.score == 1.0}
    assert {"con1", "con2", "con3", "hi1", "hi3", "eco1", "eco2", "eco3", "resp3"} <= fired
    assert "mor2" not in fired
    assert rows[("semetko_valkenburg_items", "con2")].evidence == ("accused", "reckless")
    assert rows[("semetko_valkenburg_items", "con3")].evidence == ("both sides",)
    for frame, items in SEMETKO_VALKENBURG_ITEMS.items():
        expected = sum(rows[("semetko_valkenburg_items", i)].score for i in items) / len(items)
        assert rows[("semetko_valkenburg", frame)].score == pytest.approx(expected)
    assert rows[("semetko_valkenburg", "conflict")].score == pytest.approx(3 / 4)


def test_two_group_item_needs_both_groups_in_one_sentence():
    apart = _rows("The government met on Monday. Nobody knows how to solve the crisis.")
    together = _rows("Only the government can solve the crisis, analysts said.")
    assert apart[("semetko_valkenburg_items", "resp1")].score == 0.0
    assert together[("semetko_valkenburg_items", "resp1")].score == 1.0
    assert together[("semetko_valkenburg_items", "resp1")].evidence == ("government", "solve")


def test_a_document_scores_like_its_text():
    from rhetoric.text.document import Document

    rows = score_frames(SEED_LIKE)
    assert {row.scheme for row in rows} == set(SCHEMES)
    assert score_frames(Document(SEED_LIKE)) == rows


def test_term_syntax():
    assert re.search(compile_term("defen?e"), "the defence of Seoul").group() == "defence"
    assert re.search(compile_term("defen?e"), "the defense of Seoul").group() == "defense"
    assert not re.search(compile_term("war"), "a warship")
    assert not re.search(compile_term("war"), "anti-war protests")
    assert re.search(compile_term("nuclear*"), "nuclear-capable bombers").group() == "nuclear-capable"
    assert re.search(compile_term("let's"), "let’s talk").group() == "let’s"


@pytest.mark.parametrize("name", ["policy_frames.tsv", "semetko_valkenburg.tsv", "security_frames.tsv"])
def test_lexicon_files_cite_sources_and_are_well_formed(name):
    header = lexicon_text(name).split("\nframe\tgroup\tterm\n")[0]
    assert "Licence: CC0" in header
    assert {"policy_frames.tsv": "Card", "semetko_valkenburg.tsv": "Semetko",
            "security_frames.tsv": "Schelling"}[name] in header
    rows = read_lexicon_table(name)
    assert rows and all(len(r) == 3 and all(r) for r in rows)
    assert len(set(rows)) == len(rows), "duplicate lexicon rows"


def test_deterministic():
    assert score_frames(SEED_LIKE) == score_frames(SEED_LIKE)


# --- sample corpus: the hawkish and dovish outlets really differ ----------------

@pytest.fixture(scope="module")
def sample_security():
    articles = rhetoric.load_corpus(SAMPLE_ARTICLES).articles
    return {row.doc_id: {f.frame: f.score for f in score_frames(row.text) if f.scheme == "security"}
            for row in articles.itertuples()}


def test_dovish_outlet_frames_diplomacy_and_hawkish_outlet_escalation(sample_security):
    dovish = {d: s for d, s in sample_security.items() if d.startswith("hpr-")}   # Harbor Peace Review
    hawkish = {d: s for d, s in sample_security.items() if d.startswith("cs-")}   # Continental Sentinel
    assert len(dovish) == 6 and len(hawkish) == 6
    assert all(s["escalation_balance"] < 0 for s in dovish.values())
    assert all(s["escalation_balance"] > 0 for s in hawkish.values())
    assert min(s["deescalation_diplomacy"] for s in dovish.values()) > max(
        s["deescalation_diplomacy"] for s in hawkish.values())


def test_state_media_outlet_frames_drills_as_acts_of_war(sample_security):
    state = [s["act_of_war"] for d, s in sample_security.items() if d.startswith("th-")]
    others = [s["act_of_war"] for d, s in sample_security.items() if not d.startswith("th-")]
    assert len(state) == 3
    assert min(state) > 3 * max(others)


def test_a_place_name_is_not_a_cue_that_starts_like_it():
    # "crime" is a cue of Crime & punishment; Crimea and the Crimeans are not
    scores = {f.frame: f for f in score_frames("Crimea voted to join Russia on Sunday. Crimean Tatars stayed home.")
              if f.scheme == "policy_frames"}
    assert "crime_punishment" not in scores or scores["crime_punishment"].score == 0
    scores = {f.frame: f for f in score_frames("Prosecutors said the crimes would be punished.") if f.scheme == "policy_frames"}
    assert scores["crime_punishment"].score > 0 and "crimes" in scores["crime_punishment"].evidence
