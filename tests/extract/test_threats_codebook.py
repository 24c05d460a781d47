"""The codebook cases (tests/fixtures/threats_codebook.tsv): one invented sentence per
codebook clause, from crises other than Korea. Our own text, so a regression check of
the rules' reach, never evidence of quality (that is benchmarks/threats_realtext.py).

A case the detector does not yet get right is listed in KNOWN_MISSES with the reason;
it is a strict xfail, so a fix shows up as a failure to remove it from the list.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rhetoric.extract.threats import extract_threats

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "threats_codebook.tsv"

KNOWN_MISSES: dict[str, str] = {}


def _cases() -> list[tuple[str, str, str, str]]:
    with CASES.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t",
                          quoting=csv.QUOTE_NONE)
        next(rows)
        return [tuple(row) for row in rows]  # type: ignore[misc]


def _coded(sentence: str) -> tuple[str, str]:
    items = extract_threats(sentence)
    threat = [t for t in items if t.kind != "show_of_force"]
    force = any(t.kind == "show_of_force" for t in items)
    label = {(True, True): "both", (True, False): "threat", (False, True): "force", (False, False): "none"}[
        (bool(threat), force)]
    conditional = str(int(any(t.conditional for t in threat))) if threat else "-"
    return label, conditional


@pytest.mark.parametrize(
    "label, conditional, category, sentence",
    [pytest.param(*case, id=f"{case[2]}:{case[3][:40]}",
                  marks=[pytest.mark.xfail(reason=KNOWN_MISSES[case[3]], strict=True)] if case[3] in KNOWN_MISSES
                  else []) for case in _cases()])
def test_codebook_case(label: str, conditional: str, category: str, sentence: str) -> None:
    coded_label, coded_conditional = _coded(sentence)
    assert coded_label == label
    if conditional != "-":
        assert coded_conditional == conditional


def test_every_codebook_clause_has_cases() -> None:
    categories = {case[2] for case in _cases()}
    for clause in ("threaten-to", "warn-consequence", "vow", "conditional", "ultimatum", "sanctions", "headline",
                   "deploy", "exercise", "missile-test", "event", "speculation", "danger-noun", "accusation",
                   "denial", "demand", "withdrawal", "present"):
        assert clause in categories


@pytest.mark.parametrize("sentence, mention, state", [
    # who sets the terms threatens, not the one told
    ("Washington told Tehran to halt enrichment or face new sanctions.", "Washington", "United States"),
    ("Moscow gave Kiev until Monday to withdraw its forces, or face the consequences.", "Moscow", "Russia"),
    # the mention without a catenative verb, a headline's "to" or present verb
    ("Russia continues to mass troops near the border.", "Russia", "Russia"),
    ("US to send warship to Black Sea", "US", "United States"),
    ("Putin orders military drills near Ukraine", "Putin", "Russia"),
    # an adjective whose noun the cut dropped, a dangling preposition
    ("The arrival of Russian reinforcements in Crimea raised fears of an invasion.", "Russian", "Russia"),
    ("Hundreds of Russian soldiers in unmarked uniforms were patrolling the streets of Simferopol.",
     "Hundreds of Russian soldiers", "Russia"),
    # an inverted condition's subject is the one threatened; the organ that
    # speaks for the main clause's subject is its state's
    ("Should Manila continue its patrols, China will take all necessary measures, the foreign ministry said.",
     "China", "China"),
    # the subject before a relative clause set off by commas
    ("The bombers, which took off from Andersen Air Force Base on Guam, conducted a simulated bombing run "
     "near the coast.", "The bombers", "United States"),
    # a passive show of force's agent; a determiner or numeral alone names no one
    ("The exercise is a routine event organized by the NATO Allied Air Command.",
     "the NATO Allied Air Command", "NATO"),
    ("One drill with fighter jets in a renegade scenario has already been carried out.", None, None),
    # an obligation laid on the subject: the subject is told, the speaker threatens
    ("Iran must stop enrichment or face military action.", None, None),
    ("Kiev must pay its debts or face a cut-off of gas supplies, Russia said.", "Russia", "Russia"),
    ("Hamas has to release the hostages or face an invasion of Gaza.", None, None),
    # a speaker naming no state gives none (not the article's focus, the one told)
    ("Kiev must stop the operation or face military action, the company said.", "the company", None),
    # a state company speaks for its state (actors.tsv: Gazprom, Russia)
    ("Kiev must stop the operation or face military action, Gazprom said.", "Gazprom", "Russia"),
    # a time phrase or a relative pronoun between subject and verb is not the subject
    ("The Russian defence ministry on Monday threatened to strike Kyiv.", "The Russian defence ministry", "Russia"),
    ("We condemned Iran, which last week threatened to close the Strait of Hormuz.", "Iran", "Iran"),
    # where the forces go is not who sends them
    ("The drills will take place near the Ukrainian border.", None, None),
    # who would suffer is not who threatens: the statement's owner is
    ("The Kremlin's message was clear: Kyiv will pay a heavy price.", "The Kremlin", "Russia"),
    # a quoted phrase in narration: the sufferer is not who threatens
    ("Iran unveiled missiles painted with the slogan “Israel must be destroyed” in Tehran.", "Iran", "Iran"),
])
def test_codebook_actor(sentence: str, mention: str | None, state: str | None) -> None:
    first = extract_threats(sentence)[0]
    assert (first.actor_mention, first.actor) == (mention, state)
