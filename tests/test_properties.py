"""Issue 8: property-based tests of every public extractor on hostile text.

Each property runs EXAMPLES generated texts (hypothesis shrinks any failure to a
minimal one): arbitrary unicode including control characters and surrogate-free
astral symbols, texts assembled from news fragments with unbalanced and nested quote
marks of every kind, very long tokens, and empty text. For every extractor: no
exception; every offset lies inside the text; ``text[start:end]`` equals the field it
claims to be; the same input gives the same output. A separate test runs each
extractor once on a 1 MB text.
"""

from __future__ import annotations

import dataclasses
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rhetoric

EXAMPLES = 200
PROFILE = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

QUOTE_MARKS = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a", "``", "''"]
FRAGMENTS = QUOTE_MARKS + [
    " ", " ", " ", "\n", "\n\n", ".", ",", ":", ";", "?", "!", "(", ")", "-", "\u2014", "\t", "\x00", "\x1b", "\u200b",
    "said", "says", "warned", "told reporters", "according to", "that", "he", "she", "they", "the ministry",
    "Defense Secretary Margaret Hale", "Kim Jong-un", "North Korea", "Pyongyang", "the U.S.", "Seoul", "KCNA",
    "would", "will", "could", "if", "any", "attack", "totally destroy", "nuclear", "bombers", "flew over", "drills",
    "missile", "launched", "threatens", "not be taken lightly", "puppet", "imperialists", "gangster-like",
    "clearly", "reportedly", "may", "catastrophe", "war", "peace", "talks", "sanctions", "Nov.", "Lt. Col.",
    "\U0001F4A5", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u5317\u671d\u9c9c",
]
news_like = st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join)
long_tokens = st.tuples(st.sampled_from(["a", "\u201c", "B-1B", "-", "."]), st.integers(1000, 20000)).map(lambda t: t[0] * t[1])
hostile_text = st.one_of(st.text(max_size=300), news_like, long_tokens, st.just(""),
                         st.lists(st.one_of(news_like, long_tokens), max_size=3).map(" ".join))


def _spans(item) -> list[tuple[str, str, str]]:
    """(start field, end field, text field) triples of a result dataclass."""
    names = {f.name for f in dataclasses.fields(item)}
    triples = []
    for name in names:
        if name.endswith("_start"):
            stem = name[: -len("_start")]
            if f"{stem}_end" in names:
                text_field = stem if stem in names else None
                triples.append((name, f"{stem}_end", text_field))
    if "start" in names and "end" in names:
        text_field = next((n for n in ("text", "mention") if n in names), None)
        triples.append(("start", "end", text_field))
    return triples


def _check_offsets(text: str, items) -> None:
    for item in items:
        for start_name, end_name, text_name in _spans(item):
            start, end = getattr(item, start_name), getattr(item, end_name)
            if start is None and end is None:
                assert text_name is None or getattr(item, text_name) is None
                continue
            assert 0 <= start <= end <= len(text), (item, start_name)
            if text_name is not None:
                assert text[start:end] == getattr(item, text_name), (item, text_name)


@PROFILE
@given(hostile_text)
def test_sentences(text):
    sentences = rhetoric.split_sentences(text)
    _check_offsets(text, sentences)
    assert [s.sent_id for s in sentences] == list(range(len(sentences)))
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))
    assert rhetoric.split_sentences(text) == sentences


@PROFILE
@given(hostile_text)
def test_quotes(text):
    quotes = rhetoric.extract_quotes(text)
    _check_offsets(text, quotes)
    assert all(q.kind in {"direct", "indirect", "mixed"} for q in quotes)
    assert rhetoric.extract_quotes(text) == quotes


@PROFILE
@given(hostile_text)
def test_threats(text):
    threats = rhetoric.extract_threats(text)
    _check_offsets(text, threats)
    for threat in threats:
        assert threat.kind in {"threat", "warning", "ultimatum", "show_of_force"}
        assert threat.sentence_start <= threat.start <= threat.end <= threat.sentence_end
    assert rhetoric.extract_threats(text) == threats


@PROFILE
@given(hostile_text)
def test_devices(text):
    devices = rhetoric.extract_devices(text)
    _check_offsets(text, devices)
    assert all(d.device in rhetoric.extract.devices.DEVICE_KINDS for d in devices)
    assert rhetoric.extract_devices(text) == devices


@PROFILE
@given(hostile_text)
def test_sentiment(text):
    scores = rhetoric.score_sentiment(text)
    assert -1.0 <= scores.compound <= 1.0
    assert all(0.0 <= value <= 1.0 for value in (scores.pos, scores.neu, scores.neg))
    assert rhetoric.score_sentiment(text) == scores


@PROFILE
@given(hostile_text)
def test_frames(text):
    frames = rhetoric.score_frames(text)
    assert all(math.isfinite(f.score) for f in frames)
    assert rhetoric.score_frames(text) == frames


@PROFILE
@given(hostile_text)
def test_actor_sentiment(text):
    rows = rhetoric.actor_sentiment(text)
    _check_offsets(text, rows)
    assert rhetoric.actor_sentiment(text) == rows


def test_one_megabyte_text_runs_every_extractor():
    paragraph = ("\u201cAny attack would be met with overwhelming force,\u201d Defense Secretary Margaret Hale said. "
                 "North Korea\u2019s KCNA warned that the \u201cpuppet\u201d drills would not be taken lightly, "
                 "and two B-1B bombers flew over South Korea. \"Unbalanced quote here.\n\n")
    text = (paragraph * (1_000_000 // len(paragraph) + 1))[:1_000_000]
    for extractor in (rhetoric.split_sentences, rhetoric.extract_quotes, rhetoric.extract_threats,
                      rhetoric.extract_devices, rhetoric.score_frames, rhetoric.actor_sentiment):
        _check_offsets(text, extractor(text))
    assert -1 <= rhetoric.score_sentiment(text).compound <= 1
