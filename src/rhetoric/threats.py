"""Threat phrases and show-of-force events.

(Contract for issue 4; the extractor is not built yet and returns no threats.)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Threat", "extract_threats", "threat_salience"]


@dataclass(frozen=True, slots=True)
class Threat:
    """A threat phrase; offsets index the text given to :func:`extract_threats`."""

    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    kind: str  # "threat" | "warning" | "ultimatum" | "show_of_force"
    actor: str | None
    target: str | None
    conditional: bool
    modality: str | None
    cameo: str
    intensity: float
    evidence: tuple[str, ...]


def extract_threats(text: str) -> list[Threat]:
    """All threat phrases and show-of-force events in ``text``."""
    return []


def threat_salience(text: str) -> float:
    """Threat-word rate per 1,000 tokens."""
    return 0.0
