"""Quoted officials: direct quotes and reported speech, with their speakers.

(Contract for issue 3; the extractor is not built yet and returns no quotes.)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Quote", "extract_quotes"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation; offsets index the text given to :func:`extract_quotes`, end exclusive."""

    kind: str  # "direct" | "indirect" | "mixed"
    content: str
    content_start: int
    content_end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    speaker_title: str | None
    speaker_affiliation: str | None


def extract_quotes(text: str) -> list[Quote]:
    """All quotations in ``text``, in order of their content."""
    return []
