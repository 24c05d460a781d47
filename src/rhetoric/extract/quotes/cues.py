"""Speech cues for the quote rules: looked up by position in the Document's
one scan (:attr:`rhetoric.text.document.Document.speech_cues`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rhetoric.text.speech import cue_kind, cue_lemma

if TYPE_CHECKING:
    from rhetoric.text.document import Document


def _cue_kind(text: str, cue: tuple[int, int]) -> str:
    """``speech``, ``object`` or ``according`` for the cue ``text[cue[0]:cue[1]]``."""
    return cue_kind(text[cue[0]:cue[1]])


def _cue_lemma(form: str) -> str | None:
    return cue_lemma(form)


def _cues(doc: Document, lo: int, hi: int) -> list[tuple[int, int]]:
    """The cues within ``[lo, hi)`` of the Document's text."""
    return doc.speech_cues.between(lo, hi)


def _cue_or_end(doc: Document, start: int, end: int) -> bool:
    """Is text[start:end] empty, or does it open with a cue (", he added")?"""
    text = doc.text
    position = start
    while position < end and text[position] in " \t\n,":
        position += 1
    if position >= end:
        return True
    found = _cues(doc, position, min(end, position + 40))
    return bool(found) and found[0][0] == position
