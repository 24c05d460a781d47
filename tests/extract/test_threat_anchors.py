"""The speed indexes of the threat lexicons cover their patterns.

A rule of ``threat_cues.tsv``, ``force_cues.tsv``, ``harm_acts.tsv``,
``threat_speech_acts.tsv`` and the posture rows of ``force_postures.tsv`` is
tried only where one of its anchor words starts a word (``scan.py``). An
anchor missing for one of a pattern's first words silently makes that form
unmatchable: "reinforcing" under the anchor "reinforce*", or a contraction
("we’ll") under word anchors only. These tests read each pattern's possible
literal starts from its parse tree and check that an anchor covers every one.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser

import pytest

from rhetoric import extract_threats
from rhetoric.extract.threats import coding
from rhetoric.extract.threats.scan import AnchoredRules
from rhetoric.lexicons import read_lexicon_table

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_'’-")
_OPEN, _WORD, _STEM, _ANY = "open", "word", "stem", "any"


def literal_starts(pattern: str, bounded: bool) -> set[tuple[str, str]]:
    """(literal start, how it ends) for every way ``pattern`` can begin: a
    whole ``word``, a ``stem`` the match may continue past, or ``any`` when
    the pattern can start with something other than a literal (a class).
    ``bounded``: the loader puts a word-end test after the pattern."""
    ends = _sequence(list(_parser.parse(pattern, re.IGNORECASE)), [("", _OPEN)])
    closed = _WORD if bounded else _STEM
    return {(text, (closed if text else _ANY) if state == _OPEN else state) for text, state in ends}


def _sequence(items: list, states: list[tuple[str, str]]) -> list[tuple[str, str]]:
    for op, value in items:
        open_ = [text for text, state in states if state == _OPEN]
        if not open_:
            break
        done = [(text, state) for text, state in states if state != _OPEN]
        states = done + _step(op, value, open_)
        if len(states) > 2000:
            raise ValueError("too many alternatives to expand")
    return states


def _ended(texts: list[str]) -> list[tuple[str, str]]:
    return [(text, _WORD if text else _OPEN) for text in texts]


def _step(op, value, texts: list[str]) -> list[tuple[str, str]]:
    opened = [(text, _OPEN) for text in texts]
    if op is sre.LITERAL or (op is sre.IN and all(kind is sre.LITERAL for kind, _v in value)):
        characters = [chr(value).lower()] if op is sre.LITERAL else [chr(v).lower() for _k, v in value]
        found = []
        for character in characters:
            found += [(text + character, _OPEN) for text in texts] if character in _WORD_CHARS else _ended(texts)
        return found
    if op is sre.IN and any(kind is sre.CATEGORY and v is sre.CATEGORY_SPACE for kind, v in value):
        return _ended(texts)
    if op is sre.SUBPATTERN:
        return _sequence(list(value[3]), opened)
    if op is sre.BRANCH:
        return [state for branch in value[1] for state in _sequence(list(branch), opened)]
    if op is sre.AT:
        return _ended(texts) if value in (sre.AT_BOUNDARY, sre.AT_END, sre.AT_END_STRING) else opened
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, sub = value
        first = list(sub)[:1]
        word_end = op is sre.ASSERT_NOT and direction > 0 and first and first[0][0] is sre.IN and any(
            kind is sre.CATEGORY and v is sre.CATEGORY_WORD for kind, v in first[0][1])
        return _ended(texts) if word_end else opened  # other lookarounds are zero width
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, sub = value
        once = _sequence(list(sub), opened)
        if high != 1:  # a repeated part: the word may go on
            once = [(text, _STEM if state == _OPEN and text else state) for text, state in once]
        return (opened if low == 0 else []) + once
    return [(text, _STEM if text else _ANY) for text in texts]


def uncovered(pattern: str, anchors: str, bounded: bool = False) -> list[str]:
    """The literal starts of ``pattern`` that no anchor covers (AnchoredRules' notation)."""
    words = anchors.lower().split()
    exact = {w for w in words if not w.endswith("*") and not w.startswith("*")}
    stems = tuple(w[:-1] for w in words if w.endswith("*"))
    clitics = tuple(w[1:] for w in words if w.startswith("*"))
    missing = []
    for text, state in literal_starts(pattern, bounded):
        if state == _ANY:
            missing.append("(no literal start)")
        elif not (text.startswith(stems) or (state == _WORD and (text in exact or text.startswith(clitics)))):
            missing.append(text + ("" if state == _WORD else "…"))
    return sorted(set(missing))


def _anchored_rows() -> list[tuple[str, str, str, bool]]:
    rows = [(f"threat_cues.tsv {name}", pattern, anchors, False)
            for name, pattern, _kind, _cameo, _requires, anchors in read_lexicon_table("threat_cues.tsv")]
    rows += [(f"force_cues.tsv {name}", pattern, anchors, False)
             for name, pattern, _cameo, _requires, anchors in read_lexicon_table("force_cues.tsv")]
    rows += [(f"harm_acts.tsv {cameo} (row {index})", pattern, anchors, False)
             for index, (pattern, cameo, anchors) in enumerate(read_lexicon_table("harm_acts.tsv"))]
    # one index for all rows of these two, and a word end after every pattern
    speech = read_lexicon_table("threat_speech_acts.tsv")
    every = " ".join(row[4] for row in speech)
    rows += [(f"threat_speech_acts.tsv {name}", pattern, every, True) for _c, name, _k, pattern, _w in speech]
    postures = [row for row in read_lexicon_table("force_postures.tsv") if row[0] == "posture"]
    every = " ".join(row[5] for row in postures)
    rows += [(f"force_postures.tsv {name}", pattern, every, True) for _c, name, _c2, _n, pattern, _w in postures]
    return rows


@pytest.mark.parametrize("name, pattern, anchors, bounded", _anchored_rows())
def test_every_first_word_of_an_indexed_pattern_has_an_anchor(name, pattern, anchors, bounded):
    assert uncovered(pattern, anchors, bounded) == [], name


def test_the_literal_starts_are_read_from_the_parse_tree():
    assert literal_starts(r"nukes?\b|annex\w*", bounded=False) == {
        ("nuke", "word"), ("nukes", "word"), ("annex", "stem")}
    assert uncovered(r"reinforc(?:e|es|ed|ing)\b", "reinforce*") == ["reinforcing"]
    assert uncovered(r"(?:will|’ll)\s+strike", "will") == ["’ll"]
    assert uncovered(r"(?:will|’ll)\s+strike", "will *’ll") == []
    assert uncovered(r"(?-i:[A-Z])\w+", "x") == ["(no literal start)"]


def test_a_contraction_is_a_modal_like_the_full_word():
    """The clitic anchors: "we’ll" and "they'd" frame a threat as "will" and "would" do."""
    rules = AnchoredRules([("future", r"(?:will|'ll|’ll)\s+strike", "will *'ll *’ll")])
    assert [m.group() for _n, m in rules.matches("We’ll strike, they'll strike, and Kiev will strike.")] == [
        "’ll strike", "'ll strike", "will strike"]
    assert list(rules.matches("Twill strike.")) == []  # inside a word: not the modal
    for text in ("Moscow said it’ll strike Kiev if the talks fail.",
                 "“We’d respond with force if they attacked,” the general said."):
        assert [t.kind for t in extract_threats(text)] == ["threat"], text


def test_harm_codes_come_from_the_indexed_rows():
    assert coding.harm_code("to cut off gas supplies") == "1312"
    assert coding.harm_code("that Iran would regret it") == "130"
    assert coding.harm_code("the shell-shocked residents") is None  # a compound, not shelling
