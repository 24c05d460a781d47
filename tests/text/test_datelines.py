"""Datelines: the place that opens a dispatch, its state, and that it is not a speaker."""

from __future__ import annotations

import pytest

from rhetoric.extract.quotes import extract_quotes
from rhetoric.text.datelines import capital_dateline_state, dateline_state, is_dateline


@pytest.mark.parametrize("text, capital, state", [
    ("KIEV, March 3 (RIA Novosti) - Troops moved.", "Ukraine", "Ukraine"),
    ("PYONGYANG, January 20 (KCNA) -- The army said it was ready.", "North Korea", "North Korea"),
    ("SIMFEROPOL, Ukraine (AFP) — Crowds gathered.", "", "Ukraine"),
    ("Putin warns the West\n\nMOSCOW (Reuters) - The Kremlin said ...", "Russia", "Russia"),
    ("VALDAI — Putin spoke to the club.", "", ""),
    ("The Kremlin said on Monday - in a statement - that ...", "", ""),
])
def test_dateline_states(text, capital, state):
    assert capital_dateline_state(text) == capital
    assert dateline_state(text) == state


def test_a_dateline_is_not_a_speaker():
    text = 'VALDAI — "We will respond," Putin said. BAMAKO (AFP) - The junta met.'
    assert is_dateline(text, 0, 6) and not is_dateline(text, 9, 11)
    speakers = [q.speaker for q in extract_quotes(text)]
    assert "VALDAI" not in speakers and speakers == ["Putin"]
