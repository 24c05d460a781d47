"""VADER sentiment (Hutto & Gilbert 2014) for any text, offline.

rhetoric uses the reference implementation, the ``vaderSentiment`` package,
whose wheel ships the lexicon; NLTK's port differs on about 4% of news
sentences and would need its lexicon on ``nltk.data.path``. The
implementation and version used are recorded in every manifest
(:data:`VADER_IMPLEMENTATION`).

>>> s = score_sentiment("The talks were a great success.")
>>> s.compound > 0.5, s.neg
(True, 0.0)

Domain mode (opt-in) adds the security vocabulary of
``lexicons/security_valence.tsv`` ("provocation", "imperialists",
"denuclearization", …) to a *copy* of VADER's lexicon; the base analyzer and
its scores are untouched, and pipeline tables report domain scores in their
own ``compound_domain`` columns.

>>> score_sentiment("Pyongyang condemned the provocation.").compound
-0.4404
>>> score_sentiment("Pyongyang condemned the provocation.", domain=True).compound
-0.6808
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from typing import TYPE_CHECKING

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from rhetoric.lexicons import read_lexicon_table
from rhetoric.sentiment.fastvader import FastAnalyzer

if TYPE_CHECKING:
    from rhetoric.text.document import Document

__all__ = [
    "Sentiment", "score_sentiment", "analyzer", "domain_analyzer", "domain_lexicon",
    "VADER_IMPLEMENTATION", "MAX_VADER_CHARS", "NEGATIVE_THRESHOLD", "POSITIVE_THRESHOLD",
]

VADER_IMPLEMENTATION = f"vaderSentiment {version('vaderSentiment')}"
#: Longest text scored by VADER in one call. The reference implementation's
#: cost grows with the square of a text's length (it re-lowercases the whole
#: word list for every sentiment word), which is harmless for sentences and
#: quotes but takes minutes for a 1 MB text. Longer texts are scored piecewise.
MAX_VADER_CHARS = 20_000
#: Hutto & Gilbert's conventional cut-offs on the compound score.
NEGATIVE_THRESHOLD = -0.05
POSITIVE_THRESHOLD = 0.05


@dataclass(frozen=True, slots=True)
class Sentiment:
    """VADER scores: ``compound`` in [-1, 1]; ``pos + neu + neg == 1`` (± rounding)."""

    compound: float
    pos: float
    neu: float
    neg: float


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """The shared VADER analyzer (loading the lexicon takes a few ms)."""
    return FastAnalyzer()


@lru_cache(maxsize=1)
def domain_lexicon() -> dict[str, float]:
    """Security terms → valence (VADER's -4..4 scale), from
    ``lexicons/security_valence.tsv``. Terms VADER already scores are
    skipped, so domain mode only ever adds words.

    >>> domain_lexicon()["provocation"], "war" in domain_lexicon()
    (-1.7, False)
    """
    base = analyzer().lexicon
    terms: dict[str, float] = {}
    for row in read_lexicon_table("security_valence.tsv"):
        term, valence = row[0].lower(), float(row[1])
        if term not in base:
            terms[term] = valence
    return terms


@lru_cache(maxsize=1)
def domain_analyzer() -> SentimentIntensityAnalyzer:
    """A separate VADER analyzer whose lexicon is a copy of VADER's plus
    :func:`domain_lexicon`; :func:`analyzer` is never modified."""
    domain = FastAnalyzer()
    added: dict[str, float] = {}
    for term, valence in domain_lexicon().items():
        # VADER strips only ASCII punctuation from tokens, so a term glued to
        # typographic quote marks (“imperialists”) would go unseen; register
        # those forms of the added terms too (VADER's own words stay as they are).
        for before, after in (("", ""), ("“", ""), ("", "”"), ("“", "”"), ("‘", ""), ("", "’"), ("‘", "’")):
            added.setdefault(before + term + after, valence)
    domain.lexicon = {**domain.lexicon, **added}
    return domain


def score_sentiment(text: str | Document, *, domain: bool = False) -> Sentiment:
    """VADER polarity scores of ``text``, exactly as vaderSentiment computes them
    for any text up to :data:`MAX_VADER_CHARS` characters (every sentence and
    quote in practice); with ``domain=True``, VADER with the security lexicon
    added (:func:`domain_analyzer`).

    A longer text is cut into sentences, and sentences still longer than the
    limit into pieces at whitespace; the result is the length-weighted mean of
    the pieces' scores, rounded like VADER's (4 decimals, 3 for pos/neu/neg).

    >>> score_sentiment("").compound
    0.0
    >>> long = "The talks were a great success. " * 1000
    >>> score_sentiment(long).compound == score_sentiment("The talks were a great success.").compound
    True
    >>> score_sentiment("Seoul urged denuclearization.").compound, score_sentiment("Seoul urged denuclearization.", domain=True).compound
    (0.0, 0.296)
    """
    if not isinstance(text, str):
        text = text.text  # a Document: its whole text
    return _sentiment(text, domain)


def _sentiment(text: str, domain: bool) -> Sentiment:
    if domain and not _may_use_domain_terms(text):
        # Only the lexicon differs between the two analyzers, and only by
        # the added terms, which VADER looks up solely as (stripped,
        # lower-cased) tokens of the text: without one, the scores are the base ones.
        return score_sentiment(text)
    if len(text) <= MAX_VADER_CHARS:
        vader = domain_analyzer() if domain else analyzer()
        words = _words_without_valence(vader, text)
        if words is not None:
            # Nothing VADER could score: its own arithmetic gives every word a
            # valence of 0, hence these scores (see _words_without_valence).
            return _NEUTRAL if words else _EMPTY
        scores = vader.polarity_scores(text)
        return Sentiment(scores["compound"], scores["pos"], scores["neu"], scores["neg"])
    pieces = [piece for piece in _pieces(text) if piece.strip()]
    weights = [len(piece) for piece in pieces]
    total = sum(weights)
    parts = [score_sentiment(piece, domain=domain) for piece in pieces]
    def mean(name: str, digits: int) -> float:
        return round(sum(getattr(part, name) * weight for part, weight in zip(parts, weights)) / total, digits)
    return Sentiment(mean("compound", 4), mean("pos", 3), mean("neu", 3), mean("neg", 3))


@lru_cache(maxsize=1)
def _domain_only_terms() -> frozenset[str]:
    """Lexicon keys of :func:`domain_analyzer` that :func:`analyzer` lacks (or values it differs on)."""
    base = analyzer().lexicon
    return frozenset(term for term, valence in domain_analyzer().lexicon.items() if base.get(term) != valence)


_PUNCTUATION = string.punctuation
_NEUTRAL = Sentiment(0.0, 0.0, 1.0, 0.0)
_EMPTY = Sentiment(0.0, 0.0, 0.0, 0.0)


def _words_without_valence(vader: SentimentIntensityAnalyzer, text: str) -> int | None:
    """The number of VADER tokens of ``text`` when none of them is in the
    analyzer's lexicon and the text holds no emoji, else None.

    In vaderSentiment a token gets a non-zero valence only when it (stripped of
    ASCII punctuation unless that leaves two characters or fewer, lower-cased)
    is a lexicon key; boosters, negations, "but" and punctuation emphasis only
    scale such valences. So a text without one scores compound 0, neu 1 (or
    all 0 without tokens), exactly what ``polarity_scores`` computes, without
    its cost (most short windows around actor mentions are such texts).

    >>> _words_without_valence(analyzer(), "Seoul and Tokyo met on Monday."), _words_without_valence(analyzer(), "a great win")
    (6, None)
    """
    if not vader.emojis.keys().isdisjoint(text):
        return None
    lexicon = vader.lexicon
    words = text.split()
    for word in words:
        stripped = word.strip(_PUNCTUATION)
        if (stripped if len(stripped) > 2 else word).lower() in lexicon:
            return None
    return len(words)


def _may_use_domain_terms(text: str) -> bool:
    """Whether VADER, scoring ``text``, could look up a term that only the
    domain lexicon has: a token (whitespace-split, ASCII punctuation
    stripped unless that leaves two characters or fewer, as VADER's
    SentiText does) equal to one when lower-cased. Texts holding an emoji
    VADER would spell out in words are always scored in domain mode."""
    if not analyzer().emojis.keys().isdisjoint(text):
        return True
    terms = _domain_only_terms()
    for word in text.split():
        stripped = word.strip(_PUNCTUATION)
        if (stripped if len(stripped) > 2 else word).lower() in terms:
            return True
    return False


def _pieces(text: str) -> list[str]:
    from rhetoric.text.sentences import split_sentences

    pieces: list[str] = []
    for sentence in split_sentences(text):
        piece = sentence.text
        while len(piece) > MAX_VADER_CHARS:
            cut = piece.rfind(" ", 0, MAX_VADER_CHARS)
            cut = cut if cut > 0 else MAX_VADER_CHARS
            pieces.append(piece[:cut])
            piece = piece[cut:]
        pieces.append(piece)
    return pieces
