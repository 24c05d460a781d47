"""Datelines: the all-caps place that opens a wire dispatch.

"KIEV, March 3 (RIA Novosti) -", "SIMFEROPOL, Ukraine (AFP) —", "VALDAI —".
A dateline is not a speaker, and its place tells whose capital the story
was filed from.

>>> dateline_state("PYONGYANG, January 20 (KCNA) -- The army said ...")
'North Korea'
>>> dateline_state("SIMFEROPOL, Ukraine (AFP) - Crowds gathered.")
'Ukraine'
>>> text = "VALDAI — Putin spoke."
>>> is_dateline(text, 0, 6)
True
"""

from __future__ import annotations

import re

from rhetoric.text.actors import actor_entry, find_actors

__all__ = ["dateline_state", "capital_dateline_state", "is_dateline", "dateline_end"]

# after the place: an optional ", date or state", an optional "(agency)", a dash
_AFTER_PLACE = re.compile(r"\s*(?:,[^,\n]{1,40})?\s*(?:\([^)\n]{1,40}\))?\s*(?:—|–|--|-)")
_PLACE = re.compile(r"(?:^|\n\n)([A-Z][A-Z .'’\-]{2,30}?)(?=" + _AFTER_PLACE.pattern + ")")
_PLACE_AND_STATE = re.compile(r"(?:^|\n\n)\s*[A-Z][A-Z .'’\-]{2,30},\s+([A-Z][\w .'’\-]{2,30}?)\s*(?:\([^)\n]{1,40}\))?"
                              r"\s*(?:—|–|--|-)\s")
_DATELINE_AT = re.compile(r"[A-Z][A-Z .'’\-]{2,30}?" + _AFTER_PLACE.pattern + r"\s*")
_OPENING = 400  # a dateline opens the text or its body, within this many characters


def dateline_end(text: str, start: int, end: int) -> int | None:
    """Where a dateline that opens ``text[start:end]`` ends, or None.

    >>> text = "MOSCOW, March 3 (Reuters) - Russia will not hand over Crimea"
    >>> text[dateline_end(text, 0, len(text)):]
    'Russia will not hand over Crimea'
    """
    match = _DATELINE_AT.match(text, start, end)
    return match.end() if match else None


def capital_dateline_state(text: str) -> str:
    """The state whose capital or seat of government is the dateline's place
    ("PYONGYANG, January 20 (KCNA) --" -> "North Korea"); else ""."""
    match = _PLACE.search(text[:_OPENING])
    if match is None:
        return ""
    place = match.group(1).strip().title()
    mentions = find_actors(place)
    return mentions[0].country if mentions and mentions[0].kind == "state" and mentions[0].text == place else ""


def dateline_state(text: str) -> str:
    """The state of a dispatch's dateline: its place when that is a capital,
    else a state named right after it ("SIMFEROPOL, Ukraine (AFP) -"); else ""."""
    found = capital_dateline_state(text)
    if found:
        return found
    match = _PLACE_AND_STATE.search(text[:_OPENING])
    if match is None:
        return ""
    entry = actor_entry(match.group(1))
    return entry.country if entry is not None and entry.kind == "state" else ""


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is an all-caps place opening a dispatch
    ("VALDAI —", "KIEV (Reuters) -")."""
    words = text[start:end]
    letters = [c for c in words if c.isalpha()]
    return len(letters) >= 3 and words.upper() == words and bool(_AFTER_PLACE.match(text, end))
