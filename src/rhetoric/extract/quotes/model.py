"""The quotation record and the intermediate attribution found by the rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: How a quotation is reported: in quote marks, paraphrased, or a paraphrase holding a quoted fragment.
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation; offsets index the text given to :func:`extract_quotes`, end exclusive."""

    kind: QuoteKind
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


@dataclass
class _Attribution:
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    appositives: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Found:
    kind: str
    content: tuple[int, int]
    attribution: _Attribution
