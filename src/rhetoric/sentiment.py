"""VADER sentiment (Hutto & Gilbert 2014) for any text, offline.

rhetoric uses the reference implementation, the ``vaderSentiment`` package,
whose wheel ships the lexicon; NLTK's port differs on about 4% of news
sentences and would need its lexicon on ``nltk.data.path``. The
implementation and version used are recorded in every manifest
(:data:`VADER_IMPLEMENTATION`).

>>> s = sentiment("The talks were a great success.")
>>> s.compound > 0.5, s.neg
(True, 0.0)

Domain mode (opt-in) adds the security vocabulary of
``lexicons/security_valence.tsv`` ("provocation", "imperialists",
"denuclearization", …) to a *copy* of VADER's lexicon; the base analyzer and
its scores are untouched, and pipeline tables report domain scores in their
own ``compound_domain`` columns.

>>> sentiment("Pyongyang condemned the provocation.").compound
-0.4404
>>> sentiment("Pyongyang condemned the provocation.", domain=True).compound
-0.6808
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from rhetoric.lexicons import read_lexicon_table

__all__ = [
    "Sentiment", "sentiment", "domain_sentiment", "analyzer", "domain_analyzer", "domain_lexicon",
    "VADER_IMPLEMENTATION", "NEGATIVE_THRESHOLD", "POSITIVE_THRESHOLD",
]

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
    domain = SentimentIntensityAnalyzer()
    added: dict[str, float] = {}
    for term, valence in domain_lexicon().items():
        # VADER strips only ASCII punctuation from tokens, so a term glued to
        # typographic quote marks (“imperialists”) would go unseen; register
        # those forms of the added terms too (VADER's own words stay as they are).
        for before, after in (("", ""), ("“", ""), ("", "”"), ("“", "”"), ("‘", ""), ("", "’"), ("‘", "’")):
            added.setdefault(before + term + after, valence)
    domain.lexicon = {**domain.lexicon, **added}
    return domain


def sentiment(text: str, *, domain: bool = False) -> Sentiment:
    """VADER polarity scores of ``text``, exactly as vaderSentiment computes
    them; with ``domain=True``, VADER with the security lexicon added.

    >>> sentiment("").compound
    0.0
    >>> sentiment("Seoul urged denuclearization.").compound, sentiment("Seoul urged denuclearization.", domain=True).compound
    (0.0, 0.296)
    """
    scores = (domain_analyzer() if domain else analyzer()).polarity_scores(text)
    return Sentiment(scores["compound"], scores["pos"], scores["neu"], scores["neg"])


def domain_sentiment(text: str) -> Sentiment:
    """Shorthand for ``sentiment(text, domain=True)``.

    >>> domain_sentiment("The gangster-like imperialists staged a provocation.").compound < -0.5
    True
    """
    return sentiment(text, domain=True)
