"""VADER sentiment (Hutto & Gilbert 2014) for any text, offline.

rhetoric uses the reference implementation, the ``vaderSentiment`` package,
whose wheel ships the lexicon; NLTK's port differs on about 4% of news
sentences and would need its lexicon on ``nltk.data.path``. The
implementation and version used are recorded in every manifest
(:data:`VADER_IMPLEMENTATION`).

>>> s = sentiment("The talks were a great success.")
>>> s.compound > 0.5, s.neg
(True, 0.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

__all__ = ["Sentiment", "sentiment", "VADER_IMPLEMENTATION", "MAX_VADER_CHARS", "NEGATIVE_THRESHOLD", "POSITIVE_THRESHOLD"]

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
    return SentimentIntensityAnalyzer()


def sentiment(text: str) -> Sentiment:
    """VADER polarity scores of ``text``, exactly as vaderSentiment computes them
    for any text up to :data:`MAX_VADER_CHARS` characters (every sentence and
    quote in practice).

    A longer text is cut into sentences, and sentences still longer than the
    limit into pieces at whitespace; the result is the length-weighted mean of
    the pieces' scores, rounded like VADER's (4 decimals, 3 for pos/neu/neg).

    >>> sentiment("").compound
    0.0
    >>> long = "The talks were a great success. " * 1000
    >>> sentiment(long).compound == sentiment("The talks were a great success.").compound
    True
    """
    if len(text) <= MAX_VADER_CHARS:
        scores = analyzer().polarity_scores(text)
        return Sentiment(scores["compound"], scores["pos"], scores["neu"], scores["neg"])
    pieces = [piece for piece in _pieces(text) if piece.strip()]
    weights = [len(piece) for piece in pieces]
    total = sum(weights)
    parts = [sentiment(piece) for piece in pieces]
    def mean(name: str, digits: int) -> float:
        return round(sum(getattr(part, name) * weight for part, weight in zip(parts, weights)) / total, digits)
    return Sentiment(mean("compound", 4), mean("pos", 3), mean("neu", 3), mean("neg", 3))


def _pieces(text: str) -> list[str]:
    from rhetoric.text import split_sentences

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
