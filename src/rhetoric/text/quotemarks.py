"""Quotation marks paired into quoted spans: the one pairer every extractor uses.

Marks are paired inside each paragraph: curly (“ ” „ « »), straight ``"``
and the typewriter pairs ``''`` and ````…''``. A mark's role is read from
its shape when it has one and from its context otherwise (a space before
and a word after opens; a word or punctuation before and a space after
closes), so odd or wrongly shaped marks still pair. An opening mark inside
an open quotation ends the earlier one, unclosed; a quotation left open at
a paragraph's end continues in the next paragraph when that paragraph opens
with a mark (the news convention for quotes running over paragraphs), and
the spans of such a chain share one ``group``.

>>> text = 'He said “no.” Then: "We will see."'
>>> [(text[s.content_start:s.content_end], s.closed) for s in pair_quote_marks(text, [(0, len(text))])]
[('no.', True), ('We will see.', True)]
>>> text = "“One.\\n\\n“Two,” she said."
>>> [(s.paragraph, s.group, s.continued, s.continues) for s in pair_quote_marks(text, [(0, 5), (7, 23)])]
[(0, 0, True, False), (1, 0, False, True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

__all__ = ["QuoteSpan", "pair_quote_marks", "QUOTE_MARK"]

#: Any quotation mark the pairer considers (single curly quotes are apostrophes too often to pair).
QUOTE_MARK = re.compile(r"''|``|[\"“”„«»]")
_OPEN_SHAPES = frozenset({"“", "„", "«", "``"})


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted span: its opening mark is ``text[open:content_start]`` (plus
    spaces), its closing mark ``text[content_end:close]``; the content is
    stripped of surrounding whitespace. An unclosed span (``closed`` False)
    ends where the next quotation or the paragraph starts."""

    open: int
    content_start: int
    content_end: int
    close: int
    paragraph: int
    closed: bool
    continues: bool = False        # continues an unclosed quote of the previous paragraph
    continued: bool = False        # left open and continued in the next paragraph
    group: int = -1                # multi-paragraph chain id, in text order


def _pair_in_paragraph(text: str, p_start: int, p_end: int, paragraph: int) -> list[QuoteSpan]:
    spans: list[tuple[int, int, int, int, bool]] = []
    open_at: tuple[int, int] | None = None
    for match in QUOTE_MARK.finditer(text, p_start, p_end):
        mark = match.group()
        start, end = match.span()
        if mark == "''" and open_at is not None and text[end:end + 1] == "'" and text[start - 1:start] in ",.?!":
            start, end = start + 1, end + 1  # a nested single quote closes, then the double one
        before = text[start - 1] if start > p_start else " "
        after = text[end] if end < p_end else " "
        after2 = text[end + 1] if end + 1 < p_end else " "
        open_ok = (before.isspace() or before in "([{—–-/:;,“‘") and (
            after.isalnum() or after in "‘'([$…—–-@#" or (after == "." and (after2 in ".@#" or text[end:end + 3] == ". .")) or after in "“\"")
        close_ok = (not before.isspace() or after in ".,;:!?)" or (
            mark in ("''", "”", '"') and text[start - 2:start - 1] in (",", ".", "?", "!", "'", "’") and after.isspace())) and (
            after.isspace() or after in ".,;:!?)]—–―-”’'\"/")
        if mark == "''" and before.isalpha() and after.isspace() and before in "sS" and open_at is None:
            continue  # plural possessive followed by an apostrophe ("the Joneses'' ") — not a quote
        if open_at is None:
            if open_ok or (mark in _OPEN_SHAPES and not close_ok):
                open_at = (start, end)
            # a stray closing mark outside a quote is ignored
        else:
            if close_ok and not (open_ok and mark in _OPEN_SHAPES and not after.isspace() and
                                 not (after in ".,;:!?")):
                spans.append((open_at[0], open_at[1], start, end, True))
                open_at = None
            elif open_ok:
                # an opening mark inside an open quote: the earlier quote was never closed
                spans.append((open_at[0], open_at[1], start, start, False))
                open_at = (start, end)
    if open_at is not None:
        spans.append((open_at[0], open_at[1], p_end, p_end, False))
    result = []
    for open_, cs, ce, close, closed in spans:
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if ce > cs:
            result.append(QuoteSpan(open_, cs, ce, close, paragraph, closed))
    return result


def pair_quote_marks(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """The quoted spans of ``text``, in text order, paired within each of
    ``paragraphs`` (``(start, end)`` offsets, as from
    :func:`rhetoric.text.sentences.split_paragraphs`) and chained across them."""
    per_paragraph = [_pair_in_paragraph(text, p_start, p_end, index)
                     for index, (p_start, p_end) in enumerate(paragraphs)]
    # multi-paragraph chains: an unclosed last quote + a paragraph opening with a mark
    group = 0
    for index, spans in enumerate(per_paragraph):
        for k, span in enumerate(spans):
            if span.group < 0:
                spans[k] = replace(span, group=group)
                group += 1
        if spans and not spans[-1].closed and index + 1 < len(per_paragraph) and per_paragraph[index + 1]:
            following = per_paragraph[index + 1]
            if following[0].open == paragraphs[index + 1][0]:
                spans[-1] = replace(spans[-1], continued=True)
                following[0] = replace(following[0], continues=True, group=spans[-1].group)
    return [span for spans in per_paragraph for span in spans]
