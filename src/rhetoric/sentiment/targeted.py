"""Sentiment toward targets and actors, as opposed to a sentence's overall tone.

:func:`target_sentiment` scores the text's sentiment toward one mention
(``text[start:end]``): "Congress moved to censure Mr. Trump" is negative
toward Trump although VADER finds the sentence neutral. It is a small
multinomial logistic regression over transparent features — VADER scores of
the sentence, of the clause around the mention and of the words either side
of it; the words near the mention, with their side; whether the mention is the
object, subject or passive subject of a verb that casts its object in a bad or
good light (``lexicons/target_roles.tsv``); whether it is quoted or speaking.
It was trained (``benchmarks/train_target_sentiment.py``) on 80% of the
NewsMTSC training sentences (Hamborg & Donnay 2021), split by story/article;
the weights ship in ``models/target_sentiment.json.gz`` (plain JSON, no
pickle) and the remaining 20% gives the held-out figure of
``benchmarks/target_sentiment.py``: 3-class macro-F1 0.649, against 0.521 for
plain sentence VADER on the same items. NewsMTSC is US political news; on
security news the model is untested against gold labels, and it misses some
negations ("will never accept a nuclear North Korea").

:func:`actor_sentiment` applies it to every actor mention
(:func:`rhetoric.text.actors.find_actors`) and keeps apart who is speaking: a U.S.
official's quote about North Korea is sentiment toward North Korea
``voiced_by`` the United States. Each row also carries the raw VADER compound
of the clause around the mention and, in its own column, the domain-mode
compound of that clause (:func:`rhetoric.sentiment.vader.score_sentiment` with
``domain=True``).

Speakers come from :func:`rhetoric.extract.quotes.extract_quotes` when it finds the
quote, else from a light fallback: quotation marks (multi-paragraph quotes
included) with "…," X said / said X / X said: around them, and reported speech
in the mention's sentence ("X said (that) …", "…, X said.", "according to X").
``voiced_by`` is the country of the first actor named in the speaker, so an
unaffiliated "the spokesman" gives a speaker but no ``voiced_by``.

Article-level mean sentiment toward each actor is a group-by on the
actor_sentiment table — ``tables.actor_sentiment.groupby(["doc_id",
"country"]).compound.mean()`` (or ``"actor"`` for the Pentagon apart from the
United States; add ``"voiced_by"`` to keep the voices apart) — or
:func:`actor_sentiment_summary` on rows or records.

>>> text = "Congress moved to censure Mr. Trump."
>>> target_sentiment(text, 29, 34) < -0.05
True
>>> [(row.mention, row.voiced_by) for row in actor_sentiment(
...     'North Korea\\'s state media accused "the U.S. imperialists" of seeking war.')]
[('North Korea', None), ('U.S.', 'North Korea')]
"""

from __future__ import annotations

import gzip
import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from rhetoric.text.actors import find_actors
from rhetoric.lexicons import read_lexicon_table
from rhetoric.extract.quotes import extract_quotes
from rhetoric.sentiment.vader import analyzer, score_sentiment
from rhetoric.text.sentences import split_sentences

__all__ = [
    "ActorSentiment",
    "actor_sentiment",
    "actor_sentiment_summary",
    "target_sentiment",
    "target_probabilities",
    "target_features",
    "clause_span",
    "MODEL_FILE",
]

#: The shipped model (package data).
MODEL_FILE = "target_sentiment.json.gz"


@dataclass(frozen=True, slots=True)
class ActorSentiment:
    """Sentiment toward one actor mention; offsets index the given text.

    ``compound`` is :func:`target_sentiment` toward the mention;
    ``compound_clause`` is plain VADER of the clause
    ``text[clause_start:clause_end]`` around it and ``compound_domain`` the
    same clause scored in domain mode. ``speaker`` (``text[speaker_start:
    speaker_end]``) is who voices the sentiment when the mention sits in a
    quotation or reported speech, ``voiced_by`` the country (or body) that
    speaker belongs to when it names one; both are None in the outlet's own
    narration.
    """

    start: int
    end: int
    mention: str
    actor: str
    country: str
    sent_id: int
    clause_start: int
    clause_end: int
    in_quote: bool
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    voiced_by: str | None
    compound: float
    compound_clause: float
    compound_domain: float


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


@lru_cache(maxsize=8192)
def _vader(text: str) -> tuple[float, float, float]:
    scores = score_sentiment(text)  # vaderSentiment's own scores (piecewise beyond MAX_VADER_CHARS)
    return scores.compound, scores.pos, scores.neg


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
    return _features(text, start, end, _prepare(text))


def _features(text: str, start: int, end: int, prepared: _Prepared) -> dict[str, float]:
    features: dict[str, float] = {}
    compound, pos, neg = _vader(text)
    features.update(s_comp=compound, s_pos=pos, s_neg=neg)
    tokens = prepared.tokens
    # Token starts and ends both increase: the words wholly before the
    # mention are a prefix of the list, those wholly after it a suffix.
    left = tokens[:bisect_right(prepared.token_ends, start)]
    right = tokens[bisect_left(prepared.token_starts, end):]
    left_window, right_window = left[-_WINDOW:], right[:_WINDOW]
    if left_window:
        features["l_comp"] = _vader(text[left_window[0][0]:start])[0]
    if right_window:
        features["r_comp"] = _vader(text[end:right_window[-1][1]])[0]
    clause_start, clause_end = _feature_clause(text, start, end, prepared.breaks)
    compound, pos, neg = _vader(text[clause_start:clause_end])
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


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    for sentence in split_sentences(text):
        if sentence.start <= start < sentence.end:
            return sentence.start, max(sentence.end, min(end, len(text)))
    return 0, len(text)


def _clip(text: str, start: int, end: int) -> tuple[int, int] | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        return None
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return (start, end) if start < end else None


def target_probabilities(text: str, start: int, end: int) -> dict[int, float]:
    """Model probabilities {-1: negative, 0: neutral, 1: positive} toward
    ``text[start:end]``, judged within the sentence that holds it.

    >>> p = target_probabilities("Seoul praised Tokyo for its help.", 14, 19)
    >>> round(sum(p.values()), 6), max(p, key=p.get)
    (1.0, 1)
    """
    span = _clip(text, start, end)
    if span is None:
        return {-1: 0.0, 0: 1.0, 1: 0.0}
    start, end = span
    s_start, s_end = _sentence_around(text, start, end)
    return _probabilities(target_features(text[s_start:s_end], start - s_start, end - s_start))


def target_sentiment(text: str, start: int, end: int) -> float:
    """Sentiment of ``text`` toward the mention ``text[start:end]``, in [-1, 1].

    The score is the model's P(positive) − P(negative), placed so that
    Hutto & Gilbert's cut-offs (> 0.05 positive, < -0.05 negative) return the
    model's most probable class. Only the sentence holding the mention is
    read. Empty or out-of-range spans score 0.0.

    >>> text = "Congress moved to censure Mr. Trump."
    >>> target_sentiment(text, 29, 34) < -0.05
    True
    >>> target_sentiment(text, 5, 5)
    0.0
    """
    span = _clip(text, start, end)
    if span is None:
        return 0.0
    return _score(target_probabilities(text, *span))


# --------------------------------------------------------------------------
# Clauses, quotations and speakers
# --------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r"[;:()\"“”—–]|\s-\s|\b(?:but|while|although|though|whereas|yet)\b", re.IGNORECASE)
_SPEECH_CUE = (r"said|says|say|told|tells|added|adds|warned|warns|stated|declared|claimed|claims|insisted|"
               r"argued|noted|wrote|announced|accused|accuses|called|calls|urged|urges|denounced|denounces|"
               r"condemned|condemns|vowed|vows|charged|slammed|blasted|described|asserted|stressed|"
               r"according to")
_CUE = re.compile(r"(?<![\w-])(?:%s)\b" % _SPEECH_CUE, re.IGNORECASE)
_ACCORDING_TO = re.compile(r"\s*according to\s+(?P<speaker>[^,;:\"“”]{1,80}),", re.IGNORECASE)
_AFTER_QUOTE = re.compile(
    r"[\s,.!?]*(?:(?<![\w-])(?:%s)\s+(?P<inverted>[^\"“”,.;:!?]{1,80}?)(?=\s*[,.;:!?\"“”]|\s+(?:in|on|at|during)\b|$)"
    r"|(?P<speaker>[^\"“”,.;:!?]{1,80}?)\s+(?:%s)\b)" % (_SPEECH_CUE, _SPEECH_CUE),
    re.IGNORECASE)
_MAX_SPEAKER_WORDS = 12
_PARENTHETICAL = re.compile(r"\s*(?:in|on|at|during|speaking|after|before|from|who|citing)\b", re.IGNORECASE)
# "…, Japanese officials said (on Tuesday)." / "…, according to the military."
_TRAILING_ATTRIBUTION = re.compile(
    r",\s*(?:(?P<speaker>[^,;:\"“”]{1,80}?)\s+(?<![\w-])(?:%s)(?:\s+\w+)?"
    r"(?:\s+(?:on|in|at|during|after|before|from|to|last|this|earlier|later|late|early)\b[^,;:\"“”]{0,40})?"
    r"|according to\s+(?P<according>[^,;:\"“”]{1,80}?))\s*[.!?]?[\"”]?\s*$" % _SPEECH_CUE, re.IGNORECASE)
_INVERTED_SPEAKER_BEFORE = re.compile(r"[,\"”]\s*(?:%s)\s+[^,.;:!?\"“”]{0,80}$" % _SPEECH_CUE, re.IGNORECASE)


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause around ``text[start:end]`` within its
    sentence: bounded by ; : dashes, brackets, quote marks and contrastive
    conjunctions (but, while, although, though, whereas, yet), stripped.

    >>> text = "Seoul welcomed the talks, but Pyongyang fired a missile."
    >>> start, end = clause_span(text, 30, 39)
    >>> text[start:end]
    'but Pyongyang fired a missile.'
    """
    span = _clip(text, start, end)
    if span is None:
        return (0, 0)
    start, end = span
    s_start, s_end = _sentence_around(text, start, end)
    return _clause_in_sentence(text, s_start, s_end, start, end)


def _clause_breaks(text: str, s_start: int, s_end: int) -> list[tuple[int, int, bool]]:
    """(start, end, is a word) of each clause break in ``text[s_start:s_end]``."""
    return [(match.start(), match.end(), match.group().isalpha())
            for match in _CLAUSE_BREAK.finditer(text, s_start, s_end)]


def _clause_in_sentence(text: str, s_start: int, s_end: int, start: int, end: int,
                        breaks: list[tuple[int, int, bool]] | None = None) -> tuple[int, int]:
    left, right = s_start, s_end
    if breaks is None:
        breaks = _clause_breaks(text, s_start, s_end)
    for b_start, b_end, is_word in breaks:
        if b_end <= start and not is_word:
            left = max(left, b_end)
        elif b_start < start and is_word and b_end <= start:
            left = max(left, b_start)
        elif b_start >= end:
            right = min(right, b_start)
    segment = text[left:right]
    stripped_left = left + (len(segment) - len(segment.lstrip(" ,\t\n")))
    stripped_right = right - (len(segment) - len(segment.rstrip(" ,\t\n")))
    if stripped_left > start or stripped_right < end:
        return start, end
    return stripped_left, stripped_right


def _quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """Quotations as (content start, content end, whole-quote start, whole-quote
    end), inside the marks: curly pairs, and straight double quotes paired left
    to right within a paragraph. A quote left open at a paragraph's end
    continues when the next paragraph opens with a quote mark (the news
    convention for multi-paragraph quotes); the last two numbers span the whole
    chain, for finding its speaker. Other unclosed marks are ignored."""
    pieces: list[tuple[int, int, int]] = []  # (start, end, chain number)
    chain = 0
    opened: int | None = None
    pending: list[tuple[int, int]] = []  # open-ended paragraphs waiting for a continuation
    for match in re.finditer(r"[\"“”]|\n\s*\n", text):
        mark = match.group()
        if mark.strip() == "":
            if opened is not None:
                pending.append((opened, match.start()))
            else:
                pending = []
            opened = None
            continue
        if opened is None:
            if mark in "\"“":
                if pending and not text[text.rfind("\n", 0, match.start()) + 1:match.start()].strip():
                    pieces.extend((a, b, chain) for a, b in pending)  # continuation of the same quote
                else:
                    chain += 1
                pending = []
                opened = match.end()
            else:
                pending = []
        elif mark in "\"”":
            pieces.append((opened, match.start(), chain))
            opened = None
        else:  # a second opening mark: the first one was never closed
            chain += 1
            opened = match.end()
    bounds: dict[int, tuple[int, int]] = {}
    for a, b, number in pieces:
        low, high = bounds.get(number, (a, b))
        bounds[number] = (min(low, a), max(high, b))
    return sorted((a, b, *bounds[number]) for a, b, number in pieces)


def _trim_speaker(text: str, start: int, end: int) -> tuple[int, int] | None:
    segment = text[start:end]
    left = start + len(segment) - len(segment.lstrip(" \t\n,\"“”'"))
    right = end - (len(segment) - len(segment.rstrip(" \t\n,\"“”'")))
    if right <= left:
        return None
    words = text[left:right].split()
    if not words or len(words) > _MAX_SPEAKER_WORDS or not any(ch.isalpha() for ch in text[left:right]):
        return None
    return left, right


def _speaker_before(text: str, s_start: int, limit: int) -> tuple[int, int] | None:
    """The speaker of reported speech or of a quote opening at ``limit``: the
    words from the clause start to the first speech cue before ``limit``
    ("North Korea's state media called …", "Analysts said …"); "X, in a
    statement, said …" and "According to X, …" too."""
    according = _ACCORDING_TO.match(text, s_start, limit)
    if according is not None:
        return _trim_speaker(text, according.start("speaker"), according.end("speaker"))
    cue = _CUE.search(text, s_start, limit)
    if cue is None or cue.group().lower() == "according to":
        return None
    boundaries = [s_start + m.end() for m in re.finditer(r"[,;:\"“”—–]", text[s_start:cue.start()])]
    head = _trim_speaker(text, boundaries[-1] if boundaries else s_start, cue.start())
    if head is None and len(boundaries) >= 2 and _PARENTHETICAL.match(text, boundaries[0]):
        # "Vice Minister Ri, in a separate statement, said": the words before the first comma.
        head = _trim_speaker(text, s_start, boundaries[0] - 1)
    return head


def _speaker_after(text: str, position: int, s_end: int) -> tuple[int, int] | None:
    """The speaker named after a quote or a reported clause: ', Hale said' /
    ', said Hale' / ', according to the military'."""
    match = _AFTER_QUOTE.match(text[:s_end], position)
    if match is None:
        return None
    group = "inverted" if match.group("inverted") else "speaker"
    return _trim_speaker(text, match.start(group), match.end(group))


def _affiliation(text: str, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    mentions = find_actors(text[span[0]:span[1]])
    return mentions[0].country if mentions else None


# --------------------------------------------------------------------------
# Actor-targeted sentiment
# --------------------------------------------------------------------------

def actor_sentiment(text: str) -> list[ActorSentiment]:
    """Sentiment toward each actor mention in ``text``, left to right.

    >>> rows = actor_sentiment('"Pyongyang\\'s reckless provocation must stop," Defense Secretary Hale said. '
    ...                        'Seoul praised Washington for its support.')
    >>> [(r.actor, r.voiced_by, r.speaker, r.compound < -0.05) for r in rows]
    [('North Korea', 'United States', 'Defense Secretary Hale', True), ('South Korea', None, None, False), ('United States', 'South Korea', 'Seoul', False)]
    >>> rows[0].compound_clause > rows[0].compound_domain
    True
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        mentions = find_actors(text)
    except Exception:
        return []
    if not mentions:
        return []
    sentences = split_sentences(text)
    quote_spans = _quote_spans(text)
    speakers_by_quote: dict[tuple[int, int], tuple[tuple[int, int] | None, str | None]] = {}
    try:
        extracted = extract_quotes(text)
    except Exception:
        extracted = []
    for quote in extracted:
        span = None
        if quote.speaker_start is not None and quote.speaker_end is not None:
            span = (quote.speaker_start, quote.speaker_end)
        affiliation = None
        if quote.speaker_affiliation:
            affiliation = _affiliation(quote.speaker_affiliation, (0, len(quote.speaker_affiliation)))
        if affiliation is None:
            affiliation = _affiliation(text, span)
        speakers_by_quote[(quote.content_start, quote.content_end)] = (span, affiliation)

    rows: list[ActorSentiment] = []
    sentence_index = 0
    prepared: dict[str, _Prepared] = {}
    clause_breaks: dict[tuple[int, int], list[tuple[int, int, bool]]] = {}
    for mention in mentions:
        while sentence_index + 1 < len(sentences) and sentences[sentence_index].end <= mention.start:
            sentence_index += 1
        if sentences and sentences[sentence_index].start <= mention.start < sentences[sentence_index].end:
            sentence = sentences[sentence_index]
            s_start, s_end, sent_id = sentence.start, max(sentence.end, mention.end), sentence.sent_id
        else:
            s_start, s_end, sent_id = 0, len(text), -1
        sentence_text = text[s_start:s_end]
        if sentence_text not in prepared:
            prepared[sentence_text] = _prepare(sentence_text)
        probabilities = _probabilities(_features(sentence_text, mention.start - s_start, mention.end - s_start,
                                                 prepared[sentence_text]))
        if (s_start, s_end) not in clause_breaks:
            clause_breaks[s_start, s_end] = _clause_breaks(text, s_start, s_end)
        clause_start, clause_end = _clause_in_sentence(text, s_start, s_end, mention.start, mention.end,
                                                       clause_breaks[s_start, s_end])
        clause = text[clause_start:clause_end]
        speaker, voiced_by, in_quote = _voice(text, mention.start, mention.end, s_start, s_end,
                                              sentences, quote_spans, speakers_by_quote)
        rows.append(ActorSentiment(
            start=mention.start, end=mention.end, mention=mention.text, actor=mention.actor,
            country=mention.country, sent_id=sent_id, clause_start=clause_start, clause_end=clause_end,
            in_quote=in_quote, speaker=text[speaker[0]:speaker[1]] if speaker else None,
            speaker_start=speaker[0] if speaker else None, speaker_end=speaker[1] if speaker else None,
            voiced_by=voiced_by, compound=_score(probabilities),
            compound_clause=score_sentiment(clause).compound,
            compound_domain=score_sentiment(clause, domain=True).compound,
        ))
    return rows


def _voice(text: str, start: int, end: int, s_start: int, s_end: int, sentences: list,
           quote_spans: list[tuple[int, int]],
           speakers_by_quote: dict[tuple[int, int], tuple[tuple[int, int] | None, str | None]],
           ) -> tuple[tuple[int, int] | None, str | None, bool]:
    """(speaker span, voiced_by, in_quote) for a mention at [start, end)."""
    # 1. A quote from rhetoric.extract.quotes holding the mention.
    for (q_start, q_end), (span, affiliation) in speakers_by_quote.items():
        if q_start <= start and end <= q_end:
            return span, affiliation, True
        if span and span[0] <= start < span[1]:  # the mention names the speaker
            return None, None, False
    # 2. Our own quotation marks.
    for q_start, q_end, chain_start, chain_end in quote_spans:
        if q_start <= start and end <= q_end:
            closing_sentence = next((s for s in sentences if s.start <= chain_end < s.end), None)
            speaker = _speaker_after(text, chain_end + 1, closing_sentence.end if closing_sentence else len(text))
            if speaker is None:
                index = next((k for k, s in enumerate(sentences) if s.start <= chain_start < s.end), None)
                if index is not None:
                    speaker = _speaker_before(text, sentences[index].start, chain_start - 1)
                    if speaker is None and index > 0 and sentences[index - 1].start < chain_start - 1:
                        previous = sentences[index - 1]
                        if previous.text.rstrip().endswith(":") or sentences[index].start == chain_start - 1:
                            speaker = _speaker_before(text, previous.start, previous.end)
                            closing = max(text.rfind('"', previous.start, previous.end),
                                          text.rfind("”", previous.start, previous.end))
                            if speaker is None and closing >= 0:  # '"…," said Ri. "…"'
                                speaker = _speaker_after(text, closing + 1, previous.end)
            return _own_voice(speaker, start, end, text, in_quote=True)
    # 3. Reported speech in the mention's sentence: "X said (that) … mention"
    #    or "mention …, X said." A mention in an inverted attribution
    #    ("…, said a South Korean official") is the speaker itself.
    inverted = _INVERTED_SPEAKER_BEFORE.search(text, s_start, start)
    if inverted is not None:
        previous_comma = text.rfind(",", s_start, inverted.start())
        if previous_comma < 0 or not _PARENTHETICAL.match(text, previous_comma + 1):
            return None, None, False  # not "Ri, in a statement, said …"
    speaker = _speaker_before(text, s_start, start)
    if speaker is None:
        tail = _TRAILING_ATTRIBUTION.search(text, end, s_end)
        if tail is not None:
            group = "speaker" if tail.group("speaker") else "according"
            speaker = _trim_speaker(text, tail.start(group), tail.end(group))
    return _own_voice(speaker, start, end, text, in_quote=False)


def _own_voice(speaker: tuple[int, int] | None, start: int, end: int, text: str, *, in_quote: bool,
               ) -> tuple[tuple[int, int] | None, str | None, bool]:
    if speaker is None or (speaker[0] <= start < speaker[1]):
        # No speaker, or the mention is the speaker itself.
        return None, None, in_quote
    return speaker, _affiliation(text, speaker), in_quote


def actor_sentiment_summary(rows: Iterable[ActorSentiment | Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Mean sentiment toward each actor: one dict per (doc_id, actor,
    country, voiced_by) with ``n_mentions`` and the means of ``compound``,
    ``compound_clause`` and ``compound_domain``. Rows may be ActorSentiment
    objects or actor_sentiment table records (with ``doc_id``); on the
    table, ``tables.actor_sentiment.groupby(["doc_id", "actor"]).compound.mean()``
    is the same figure.

    >>> summary = actor_sentiment_summary(actor_sentiment("Seoul praised Tokyo. Seoul thanked Tokyo."))
    >>> [(s["actor"], s["n_mentions"]) for s in summary]
    [('Japan', 2), ('South Korea', 2)]
    """
    groups: dict[tuple, list[Mapping[str, Any]]] = {}
    for row in rows:
        record = row if isinstance(row, Mapping) else {name: getattr(row, name) for name in row.__slots__}
        key = tuple(_none_if_missing(record.get(name)) for name in ("doc_id", "actor", "country", "voiced_by"))
        groups.setdefault(key, []).append(record)
    summary = []
    for key in sorted(groups, key=lambda k: tuple("" if part is None else str(part) for part in k)):
        members = groups[key]
        doc_id, actor, country, voiced_by = key
        summary.append({
            "doc_id": doc_id, "actor": actor, "country": country, "voiced_by": voiced_by,
            "n_mentions": len(members),
            **{f"mean_{column}": round(sum(m[column] for m in members) / len(members), 6)
               for column in ("compound", "compound_clause", "compound_domain")},
        })
    return summary


def _none_if_missing(value: Any) -> Any:
    """None for None and NaN (how a table's empty string cells come back from pandas)."""
    return None if value is None or (isinstance(value, float) and value != value) else value

