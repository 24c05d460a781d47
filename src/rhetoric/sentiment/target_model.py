"""The target-sentiment model: its features and its weights.

:func:`target_features` computes the features of a mention within its
sentence (VADER of the sentence, of the clause around the mention and of the
words either side; the words near the mention; roles from
``lexicons/target_roles.tsv``; whether it is quoted or speaking);
:func:`_probabilities` applies the multinomial logistic regression shipped in
``models/target_sentiment.json.gz`` (trained by
``benchmarks/train_target_sentiment.py``). The trained model depends on these
exact definitions: change them only with a retrained model.

>>> features = target_features("Congress moved to censure Mr. Trump.", 29, 34)
>>> features["obj_negative"], features["L0:mr"], features["s_comp"]
(1.0, 1.0, 0.0)
"""

from __future__ import annotations

import gzip
import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from rhetoric.lexicons import read_lexicon_table
from rhetoric.sentiment.vader import analyzer, score_sentiment
from rhetoric.text.document import Document

__all__ = ["MODEL_FILE", "target_features"]

#: The shipped model (package data).
MODEL_FILE = "target_sentiment.json.gz"


# --------------------------------------------------------------------------
# Features (the trained model depends on these exact definitions)
# --------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+")
_FEATURE_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]\"“”—–]|\b(?:but|while|although|though|whereas|because|after|before|which|who)\b", re.IGNORECASE)
_WINDOW = 6
_ROLE_WINDOW = 4
_ROLE_BREAK = re.compile(r"[,;:\"“”]")
_BE = frozenset("is are was were be been being got get gets".split())
_SPEECH_AFTER = re.compile(
    r"\s*(?:\w+\s+){0,2}(?:said|says|told|added|wrote|argued|claimed|warned|stated|insisted)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _role_verbs() -> dict[str, str]:
    """Inflected form → "negative" | "positive", from ``lexicons/target_roles.tsv``."""
    forms: dict[str, str] = {}
    for row in read_lexicon_table("target_roles.tsv"):
        _lemma, effect, inflected = row[:3]
        for form in inflected.split(","):
            forms[form.strip().lower()] = effect
    return forms


#: VADER (compound, pos, neg) of ``sentence[a:b]``, for the offsets ``a, b`` into the sentence.
_Scorer = Callable[[int, int], tuple[float, float, float]]


def _text_scorer(text: str) -> _Scorer:
    def score(a: int, b: int) -> tuple[float, float, float]:
        scores = score_sentiment(text[a:b])  # vaderSentiment's own scores (piecewise beyond MAX_VADER_CHARS)
        return scores.compound, scores.pos, scores.neg
    return score


def _document_scorer(doc: Document, offset: int) -> _Scorer:
    def score(a: int, b: int) -> tuple[float, float, float]:
        scores = doc.sentiment(offset + a, offset + b)
        return scores.compound, scores.pos, scores.neg
    return score


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What :func:`target_features` reads of a sentence whatever the
    mention, worked out once for all the mentions in it."""

    tokens: list[tuple[int, int, str]]  # (start, end, lower-cased word)
    token_starts: list[int]
    token_ends: list[int]
    breaks: list[int]  # starts of _FEATURE_CLAUSE_BREAK matches
    words: dict[str, float]  # {"w=" + word: 1.0}, in order of first occurrence


def _prepare(text: str) -> _Prepared:
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    return _Prepared(tokens, [t[0] for t in tokens], [t[1] for t in tokens],
                     [match.start() for match in _FEATURE_CLAUSE_BREAK.finditer(text)],
                     {"w=" + word: 1.0 for _, _, word in tokens})


def _feature_clause(text: str, start: int, end: int, breaks: list[int] | None = None) -> tuple[int, int]:
    """From the last clause break at or before ``start`` to the first at or
    after ``end`` (``breaks``: their positions, in order, if known)."""
    if breaks is None:
        breaks = [match.start() for match in _FEATURE_CLAUSE_BREAK.finditer(text)]
    before = bisect_right(breaks, start)
    after = bisect_left(breaks, end)
    left = max(0, breaks[before - 1]) if before else 0
    right = min(len(text), breaks[after]) if after < len(breaks) else len(text)
    return left, right


def target_features(text: str, start: int, end: int) -> dict[str, float]:
    """The model's features for the mention ``text[start:end]`` (``text``
    should be one sentence). Names: ``s_``/``c_``/``l_``/``r_`` VADER of the
    sentence, clause, left and right window; ``w=`` sentence words; ``L:``/``R:``
    words left/right of the mention (``L0:`` the adjacent one);
    ``obj_``/``subj_``/``pass_`` role features; ``inquote``, ``speaker``.

    >>> features = target_features("Congress moved to censure Mr. Trump.", 29, 34)
    >>> features["obj_negative"], features["L0:mr"], features["s_comp"]
    (1.0, 1.0, 0.0)
    """
    return _features(text, start, end, _prepare(text), _text_scorer(text))


def _features(text: str, start: int, end: int, prepared: _Prepared, vader: _Scorer) -> dict[str, float]:
    features: dict[str, float] = {}
    compound, pos, neg = vader(0, len(text))
    features.update(s_comp=compound, s_pos=pos, s_neg=neg)
    tokens = prepared.tokens
    # Token starts and ends both increase: the words wholly before the
    # mention are a prefix of the list, those wholly after it a suffix.
    left = tokens[:bisect_right(prepared.token_ends, start)]
    right = tokens[bisect_left(prepared.token_starts, end):]
    left_window, right_window = left[-_WINDOW:], right[:_WINDOW]
    if left_window:
        features["l_comp"] = vader(left_window[0][0], start)[0]
    if right_window:
        features["r_comp"] = vader(end, right_window[-1][1])[0]
    clause_start, clause_end = _feature_clause(text, start, end, prepared.breaks)
    compound, pos, neg = vader(clause_start, clause_end)
    features.update(c_comp=compound, c_pos=pos, c_neg=neg)
    features.update(prepared.words)
    lexicon = analyzer().lexicon
    left_valence = right_valence = 0.0
    for distance, (_, _, word) in enumerate(reversed(left_window)):
        features["L:" + word] = 1.0
        if distance < 2:
            features[f"L{distance}:" + word] = 1.0
        left_valence += lexicon.get(word, 0.0) / (1 + distance)
    for distance, (_, _, word) in enumerate(right_window):
        features["R:" + word] = 1.0
        if distance < 2:
            features[f"R{distance}:" + word] = 1.0
        right_valence += lexicon.get(word, 0.0) / (1 + distance)
    features["lval"], features["rval"] = left_valence, right_valence
    # Roles: a role verb just before the mention (object), just after it
    # (subject), or after a form of "be" just after it (passive subject).
    roles = _role_verbs()
    near_left, near_right = left[-_ROLE_WINDOW:], right[:_ROLE_WINDOW]
    if near_left and not _ROLE_BREAK.search(text[near_left[0][0]:start]):
        for _, _, word in near_left:
            if word in roles:
                features["obj_" + roles[word]] = 1.0
    if near_right and not _ROLE_BREAK.search(text[end:near_right[-1][1]]):
        passive = False
        for _, _, word in near_right:
            if word in _BE:
                passive = True
            elif word in roles:
                features[("pass_" if passive else "subj_") + roles[word]] = 1.0
    before = text[:start]
    features["inquote"] = float((before.count('"') + before.count("“") - before.count("”")) % 2)
    features["atstart"] = float(not left)
    features["relpos"] = start / max(1, len(text))
    if _SPEECH_AFTER.match(text, end):
        features["speaker"] = 1.0
    return features


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Model:
    classes: tuple[int, ...]
    intercept: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    training: Mapping[str, Any]


@lru_cache(maxsize=1)
def _model() -> _Model:
    raw = resources.files("rhetoric").joinpath("models", MODEL_FILE).read_bytes()
    data = json.loads(gzip.decompress(raw).decode("utf-8"))
    return _Model(tuple(data["classes"]), tuple(data["intercept"]),
                  {name: tuple(w) for name, w in data["weights"].items()}, data.get("training", {}))


def _probabilities(features: Mapping[str, float]) -> dict[int, float]:
    model = _model()
    weights_of = model.weights.get
    if len(model.intercept) == 3:  # the same sums as below, unrolled
        negative, neutral, positive = model.intercept
        for name, value in features.items():
            weights = weights_of(name)
            if weights is not None and value:
                negative += weights[0] * value
                neutral += weights[1] * value
                positive += weights[2] * value
        logits = [negative, neutral, positive]
    else:
        logits = list(model.intercept)
        for name, value in features.items():
            weights = weights_of(name)
            if weights is not None and value:
                for k, weight in enumerate(weights):
                    logits[k] += weight * value
    top = max(logits)
    exps = [math.exp(logit - top) for logit in logits]
    total = sum(exps)
    return {label: e / total for label, e in zip(model.classes, exps)}


def _score(probabilities: Mapping[int, float]) -> float:
    """P(positive) − P(negative), placed so that VADER's ±0.05 cut-offs give
    the model's most probable class: shrunk into the neutral band when
    "neutral" wins, at least 0.06 in size when a polar class wins."""
    negative, neutral, positive = probabilities[-1], probabilities[0], probabilities[1]
    difference = positive - negative
    if neutral >= max(negative, positive):
        score = difference * 0.04
    elif positive > negative:
        score = max(difference, 0.06)
    else:
        score = min(difference, -0.06)
    return round(score, 6)


def _sentence_around(doc: Document, start: int, end: int) -> tuple[int, int]:
    sentence = doc.sentence_at(start)
    if sentence is not None:
        return sentence.start, max(sentence.end, min(end, len(doc.text)))
    return 0, len(doc.text)


def _clip(text: str, start: int, end: int) -> tuple[int, int] | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        return None
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return (start, end) if start < end else None
