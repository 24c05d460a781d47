"""Quote marks paired inside a paragraph (curly, straight, ``''``; odd marks read from context)."""

from __future__ import annotations

from dataclasses import dataclass

from rhetoric.extract.quotes.lexicon import _OPEN_SHAPES, _QUOTE_MARK


@dataclass
class _Span:
    """A quoted span: marks at open..content_start and content_end..close."""

    open: int
    content_start: int
    content_end: int
    close: int
    paragraph: int
    closed: bool
    continues: bool = False        # continues an unclosed quote of the previous paragraph
    continued: bool = False        # left open and continued in the next paragraph
    group: int = -1                # multi-paragraph chain id


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _pair_marks(text: str, p_start: int, p_end: int, paragraph: int) -> list[_Span]:
    spans: list[_Span] = []
    open_at: tuple[int, int] | None = None
    for match in _QUOTE_MARK.finditer(text, p_start, p_end):
        mark = match.group()
        start, end = match.span()
        if mark == "''" and open_at is not None and text[end:end + 1] == "'" and text[start - 1:start] in ",.?!":
            start, end = start + 1, end + 1  # a nested single quote closes, then the double one
        before = text[start - 1] if start > p_start else " "
        after = text[end] if end < p_end else " "
        after2 = text[end + 1] if end + 1 < p_end else " "
        open_ok = (before.isspace() or before in "([{—–-/:;,“‘") and (
            _is_word_char(after) or after in "‘'([$…—–-@#" or (after == "." and (after2 in ".@#" or text[end:end + 3] == ". .")) or after in "“\"")
        close_ok = (not before.isspace() or after in ".,;:!?)" or (
            mark in ("''", "”", '"') and text[start - 2:start - 1] in (",", ".", "?", "!", "'", "’") and after.isspace())) and (
            after.isspace() or after in ".,;:!?)]—–-”’'\"/")
        if mark == "''" and before.isalpha() and after.isspace() and before in "sS" and open_at is None:
            continue  # plural possessive followed by an apostrophe ("the Joneses'' ") — not a quote
        if open_at is None:
            if open_ok or (mark in _OPEN_SHAPES and not close_ok):
                open_at = (start, end)
            # a stray closing mark outside a quote is ignored
        else:
            if close_ok and not (open_ok and mark in _OPEN_SHAPES and not after.isspace() and
                                 not (after in ".,;:!?")):
                spans.append(_Span(open_at[0], open_at[1], start, end, paragraph, True))
                open_at = None
            elif open_ok:
                # an opening mark inside an open quote: the earlier quote was never closed
                spans.append(_Span(open_at[0], open_at[1], start, start, paragraph, False))
                open_at = (start, end)
    if open_at is not None:
        spans.append(_Span(open_at[0], open_at[1], p_end, p_end, paragraph, False))
    result = []
    for span in spans:
        cs, ce = span.content_start, span.content_end
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if ce > cs:
            span.content_start, span.content_end = cs, ce
            result.append(span)
    return result
