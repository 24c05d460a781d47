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

__all__ = ["Sentiment", "sentiment", "VADER_IMPLEMENTATION", "NEGATIVE_THRESHOLD", "POSITIVE_THRESHOLD"]

VADER_IMPLEMENTATION = f"vaderSentiment {version('vaderSentiment')}"
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
    """VADER polarity scores of ``text``, exactly as vaderSentiment computes them.

    >>> sentiment("").compound
    0.0
    """
    scores = analyzer().polarity_scores(text)
    return Sentiment(scores["compound"], scores["pos"], scores["neu"], scores["neg"])
