"""Sentiment toward targets and actors (as opposed to a sentence's overall tone).

(Contract for issue 5; not built yet: actor_sentiment returns no rows.)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ActorSentiment", "actor_sentiment"]


@dataclass(frozen=True, slots=True)
class ActorSentiment:
    """Sentiment toward one actor mention; offsets index the given text."""

    start: int
    end: int
    mention: str
    actor: str
    country: str
    voiced_by: str | None
    compound: float


def actor_sentiment(text: str) -> list[ActorSentiment]:
    """Sentiment toward each actor mention in ``text``."""
    return []
