"""Who voices the sentiment toward a mention: clauses, quotations and speakers.

:func:`clause_span` bounds the clause around a mention; the speaker of a
mention comes from the quotation holding it (the Document's quotes, else its
paired quote marks, multi-paragraph chains included) or from reported speech
in its sentence ("X said (that) …", "…, X said.", "according to X").

>>> text = "Seoul welcomed the talks, but Pyongyang fired a missile."
>>> start, end = clause_span(text, 30, 39)
>>> text[start:end]
'but Pyongyang fired a missile.'
"""

from __future__ import annotations

import re

from rhetoric.sentiment.target_model import _clip, _sentence_around
from rhetoric.text.actors import find_actors
from rhetoric.text.document import Document, as_document

__all__ = ["clause_span"]


# --------------------------------------------------------------------------
# Clauses, quotations and speakers
# --------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r"[;:()\"“”—–]|\s-\s|\b(?:but|while|although|though|whereas|yet)\b", re.IGNORECASE)
_SPEECH_CUE = (r"said|says|say|told|tells|added|adds|warned|warns|stated|declared|claimed|claims|insisted|"
               r"argued|noted|wrote|announced|accused|accuses|called|calls|urged|urges|denounced|denounces|"
               r"condemned|condemns|vowed|vows|charged|slammed|blasted|described|asserted|stressed|"
               r"according to")
_CUE = re.compile(r"(?<![\w-])(?:%s)\b" % _SPEECH_CUE, re.IGNORECASE)
_ACCORDING_TO = re.compile(r"\s*according to\s+(?P<speaker>[^,;:\"“”]{1,80}),", re.IGNORECASE)
_AFTER_QUOTE = re.compile(
    r"[\s,.!?]*(?:(?<![\w-])(?:%s)\s+(?P<inverted>[^\"“”,.;:!?]{1,80}?)(?=\s*[,.;:!?\"“”]|\s+(?:in|on|at|during)\b|$)"
    r"|(?P<speaker>[^\"“”,.;:!?]{1,80}?)\s+(?:%s)\b)" % (_SPEECH_CUE, _SPEECH_CUE),
    re.IGNORECASE)
_MAX_SPEAKER_WORDS = 12
_PARENTHETICAL = re.compile(r"\s*(?:in|on|at|during|speaking|after|before|from|who|citing)\b", re.IGNORECASE)
# "…, Japanese officials said (on Tuesday)." / "…, according to the military."
_TRAILING_ATTRIBUTION = re.compile(
    r",\s*(?:(?P<speaker>[^,;:\"“”]{1,80}?)\s+(?<![\w-])(?:%s)(?:\s+\w+)?"
    r"(?:\s+(?:on|in|at|during|after|before|from|to|last|this|earlier|later|late|early)\b[^,;:\"“”]{0,40})?"
    r"|according to\s+(?P<according>[^,;:\"“”]{1,80}?))\s*[.!?]?[\"”]?\s*$" % _SPEECH_CUE, re.IGNORECASE)
_INVERTED_SPEAKER_BEFORE = re.compile(r"[,\"”]\s*(?:%s)\s+[^,.;:!?\"“”]{0,80}$" % _SPEECH_CUE, re.IGNORECASE)


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause around ``text[start:end]`` within its
    sentence: bounded by ; : dashes, brackets, quote marks and contrastive
    conjunctions (but, while, although, though, whereas, yet), stripped.

    >>> text = "Seoul welcomed the talks, but Pyongyang fired a missile."
    >>> start, end = clause_span(text, 30, 39)
    >>> text[start:end]
    'but Pyongyang fired a missile.'
    """
    span = _clip(text, start, end)
    if span is None:
        return (0, 0)
    start, end = span
    s_start, s_end = _sentence_around(as_document(text), start, end)
    return _clause_in_sentence(text, s_start, s_end, start, end)


def _clause_breaks(text: str, s_start: int, s_end: int) -> list[tuple[int, int, bool]]:
    """(start, end, is a word) of each clause break in ``text[s_start:s_end]``."""
    return [(match.start(), match.end(), match.group().isalpha())
            for match in _CLAUSE_BREAK.finditer(text, s_start, s_end)]


def _clause_in_sentence(text: str, s_start: int, s_end: int, start: int, end: int,
                        breaks: list[tuple[int, int, bool]] | None = None) -> tuple[int, int]:
    left, right = s_start, s_end
    if breaks is None:
        breaks = _clause_breaks(text, s_start, s_end)
    for b_start, b_end, is_word in breaks:
        if b_end <= start and not is_word:
            left = max(left, b_end)
        elif b_start < start and is_word and b_end <= start:
            left = max(left, b_start)
        elif b_start >= end:
            right = min(right, b_start)
    segment = text[left:right]
    stripped_left = left + (len(segment) - len(segment.lstrip(" ,\t\n")))
    stripped_right = right - (len(segment) - len(segment.rstrip(" ,\t\n")))
    if stripped_left > start or stripped_right < end:
        return start, end
    return stripped_left, stripped_right


def _quote_chains(doc: Document) -> list[tuple[int, int, int, int]]:
    """Quotations as (content start, content end, chain open, chain close): the
    Document's paired quote marks (:mod:`rhetoric.text.quotemarks`), closed or
    continued in the next paragraph; the last two numbers span the whole
    multi-paragraph chain, marks included, for finding its speaker."""
    spans = [span for span in doc.quote_marks if span.closed or span.continued]
    bounds: dict[int, tuple[int, int]] = {}
    for span in spans:
        low, high = bounds.get(span.group, (span.open, span.close))
        bounds[span.group] = (min(low, span.open), max(high, span.close))
    return [(span.content_start, span.content_end, *bounds[span.group]) for span in spans]


def _trim_speaker(text: str, start: int, end: int) -> tuple[int, int] | None:
    segment = text[start:end]
    left = start + len(segment) - len(segment.lstrip(" \t\n,\"“”'"))
    right = end - (len(segment) - len(segment.rstrip(" \t\n,\"“”'")))
    if right <= left:
        return None
    words = text[left:right].split()
    if not words or len(words) > _MAX_SPEAKER_WORDS or not any(ch.isalpha() for ch in text[left:right]):
        return None
    return left, right


def _speaker_before(text: str, s_start: int, limit: int) -> tuple[int, int] | None:
    """The speaker of reported speech or of a quote opening at ``limit``: the
    words from the clause start to the first speech cue before ``limit``
    ("North Korea's state media called …", "Analysts said …"); "X, in a
    statement, said …" and "According to X, …" too."""
    according = _ACCORDING_TO.match(text, s_start, limit)
    if according is not None:
        return _trim_speaker(text, according.start("speaker"), according.end("speaker"))
    cue = _CUE.search(text, s_start, limit)
    if cue is None or cue.group().lower() == "according to":
        return None
    boundaries = [s_start + m.end() for m in re.finditer(r"[,;:\"“”—–]", text[s_start:cue.start()])]
    head = _trim_speaker(text, boundaries[-1] if boundaries else s_start, cue.start())
    if head is None and len(boundaries) >= 2 and _PARENTHETICAL.match(text, boundaries[0]):
        # "Vice Minister Ri, in a separate statement, said": the words before the first comma.
        head = _trim_speaker(text, s_start, boundaries[0] - 1)
    return head


def _speaker_after(text: str, position: int, s_end: int) -> tuple[int, int] | None:
    """The speaker named after a quote or a reported clause: ', Hale said' /
    ', said Hale' / ', according to the military'."""
    match = _AFTER_QUOTE.match(text[:s_end], position)
    if match is None:
        return None
    group = "inverted" if match.group("inverted") else "speaker"
    return _trim_speaker(text, match.start(group), match.end(group))


def _affiliation(text: str, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    mentions = find_actors(text[span[0]:span[1]])
    return mentions[0].country if mentions else None
