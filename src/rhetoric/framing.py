"""News framing: Policy Frames Codebook and Semetko & Valkenburg's generic frames.

(Contract for issue 5; the scorer is not built yet and returns no scores.)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FrameScore", "score_frames", "frame_scores"]


@dataclass(frozen=True, slots=True)
class FrameScore:
    """The score of one frame of one scheme for a text, with the terms that produced it."""

    scheme: str
    frame: str
    score: float
    evidence: tuple[str, ...]


def score_frames(text: str) -> list[FrameScore]:
    """One FrameScore per (scheme, frame) for ``text``."""
    return []


def frame_scores(text: str) -> dict[str, dict[str, float]]:
    """``{scheme: {frame: score}}`` for ``text``."""
    scores: dict[str, dict[str, float]] = {}
    for item in score_frames(text):
        scores.setdefault(item.scheme, {})[item.frame] = item.score
    return scores
