"""Reported speech (``S warned that X``, ``X, S said``, ``according to S``) and its kind."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rhetoric.extract.quotes.attribution import _content_after_cue, _strip_content
from rhetoric.extract.quotes.cues import _cue_kind, _cues
from rhetoric.extract.quotes.lexicon import _ADVERBIAL_TAIL
from rhetoric.extract.quotes.model import _Attribution, _Found
from rhetoric.extract.quotes.phrases import _quoted_as, _speaker_left, _speaker_right, _subject_of_clause
from rhetoric.text.datelines import dateline_end
from rhetoric.text.quotemarks import QuoteSpan

if TYPE_CHECKING:
    from rhetoric.text.document import Document


_NEW_SENTENCE = re.compile(r"\s+(?:[A-Z]|[“\"‘])")
# whom a speaker told, before the sentence ends: "told reporters", "told the BBC", "told Reuters on Monday"
_TOLD_WHOM = re.compile(r"\s+(?:(?:the|a|an|his|her|their|its|local|state|foreign)\s+)?(?:reporters|journalists|"
                        r"press|media|lawmakers|parliament|(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,3}|"
                        r"\w+\s+(?:newspaper|agency|television|radio|broadcaster|channel|daily))", re.IGNORECASE)


def _in_spans(position: int, spans: list[QuoteSpan]) -> bool:
    return any(s.open <= position < s.close for s in spans)


_DIRECT_SHARE = 0.5  # share of a reported content that one opening quotation must cover to make it direct


def _reported_kind(start: int, end: int, spans: list[QuoteSpan], text: str = "") -> str:
    """``direct`` when one quotation opens the content and makes up half of it or more
    (“Q,” and then a few words of paraphrase; not after "that", which makes
    the quotation part of reported speech), ``mixed`` when the content holds a
    quoted fragment, else ``indirect``."""
    if not _contains_quote(start, end, spans):
        return "indirect"
    inside = [s for s in spans if s.open < end and s.close > start]
    if len(inside) == 1 and inside[0].open <= start + 1 and start <= inside[0].content_start and \
            (min(end, inside[0].close) - start) >= _DIRECT_SHARE * (end - start) and \
            not re.search(r"\bthat\s*$", text[max(0, start - 8):start], re.IGNORECASE):
        return "direct"
    return "mixed"


def _contains_quote(start: int, end: int, spans: list[QuoteSpan]) -> bool:
    return any(start <= s.content_start and s.content_end <= end + 1 for s in spans) or any(
        s.open < end and s.close > start for s in spans)


def _reported(doc: Document, s_start: int, s_end: int, cue: tuple[int, int], spans: list[QuoteSpan],
              direct: list[tuple[int, int]]) -> _Found | None:
    text = doc.text
    kind = _cue_kind(text, cue)
    cue_text = text[cue[0]:cue[1]]
    if kind == "according":
        speaker = _speaker_right(text, cue[1], s_end)
        if speaker is None:
            return None
        before = text[s_start:cue[0]]
        if not before.strip(" \t\n(—–-"):
            comma = text.find(",", speaker[1], s_end)
            if comma < 0:
                return None
            start, end = _strip_content(text, comma + 1, s_end)
        else:
            start, end = _strip_content(text, s_start, cue[0])
            if any(a <= start and end <= b for a, b in direct):
                return None
        if end - start < 8:
            return None
        return _Found(_reported_kind(start, end, spans, text), (start, end),
                      _Attribution(cue, speaker))
    if cue_text.lower() == "saying":
        quoted = _quoted_as(text, s_start, cue[0])
        if quoted is not None:
            content = _content_after_cue(text, cue, s_end)
            if content is None or content[1] - content[0] < 8:
                return None
            return _Found(_reported_kind(content[0], content[1], spans, text), content, _Attribution(cue, quoted))
    left = _speaker_left(text, s_start, cue[0])
    if left in ("negated", "passive"):
        return None
    attribution: _Attribution | None = None
    if isinstance(left, tuple):
        attribution = _Attribution(cue, (left[0], left[1]), left[2])
    elif cue_text.lower().endswith("ing") and text[max(s_start, cue[0] - 2):cue[0]].strip() in (",", "—"):
        # '“...,” Osmayev said, confirming that ...': the clause starts after the
        # quotation, whose words (“we have information ...”) are not the subject
        quoted_until = max([s_start] + [end for start, end in direct if s_start <= end <= cue[0]])
        subject = _subject_of_clause(text, quoted_until, cue[0])
        if subject:
            attribution = _Attribution(cue, subject)
    after = text[cue[1]:s_end]
    if attribution is None:
        # inverted: "…, said the ministry."
        if text[s_start:cue[0]].rstrip().endswith(","):
            speaker = _speaker_right(text, cue[1], s_end)
            if speaker and _ADVERBIAL_TAIL.match(text[speaker[1]:s_end]) or (
                    speaker and text[speaker[1]:s_end].lstrip().startswith(",")):
                comma = text[s_start:cue[0]].rstrip()
                start, end = _strip_content(text, s_start, s_start + len(comma) - 1)
                if end - start >= 8:
                    return _Found(_reported_kind(start, end, spans, text), (start, end),
                                  _Attribution(cue, speaker))
        return None
    # content after the cue, or before the attribution ("X, S said.", "X, S told reporters.")
    told = _TOLD_WHOM.match(after) if cue_text.lower() in ("told", "tells", "tell") else None
    if _ADVERBIAL_TAIL.match(after[told.end():] if told else after):
        speaker_start = attribution.speaker[0]
        lead = text[s_start:speaker_start].rstrip()
        if not lead.endswith((",", "—", "–")) and not re.search(r"[,?!](?:''|[\"”’])$", lead):
            return None
        start, end = _strip_content(text, s_start, s_start + len(lead))
        # "MOSCOW, March 3 (Reuters) - Russia will not ..., Peskov told reporters"
        start = dateline_end(text, start, end) or start
        if end - start < 8 or any(a <= start and end <= b + 1 for a, b in direct):
            return None
        return _Found(_reported_kind(start, end, spans, text), (start, end), attribution)
    content = _content_after_cue(text, cue, s_end)
    if content is None:
        return None
    start, end = content
    opening = next((span for span in spans if span.open == start and span.closed and span.close < end), None)
    if opening is not None and _NEW_SENTENCE.match(text, opening.close, end):
        # 'said, “Sanctions alone cannot ... apart.” He said ...': the quotation is the content
        start, end = opening.content_start, opening.content_end
    # stop before a later attribution (", according to …", ", accusing …") or a new clause (", while …")
    for later in _cues(doc, start, end):
        if later[0] > start + 10 and not _in_spans(later[0], spans):
            comma = text.rfind(",", start, later[0])
            coordinated = re.search(r",?\s+(?:and|but)\s+(?:(?:also|then|later)\s+)?$", text[start:later[0]])
            if coordinated and _cue_kind(text, later) != "according":
                # "said X and warned that Y": the second cue has its own content
                end = _strip_content(text, start, start + coordinated.start())[1]
                break
            if _cue_kind(text, later) == "according":
                end = _strip_content(text, start, later[0])[1]
                break
            if comma > start + 5:
                end = _strip_content(text, start, comma)[1]
                break
    clause = re.search(r",\s+(?:while|whereas)\b", text[start:end])
    if clause:
        end = _strip_content(text, start, start + clause.start())[1]
    if end - start < 3:
        return None
    kind_name = _reported_kind(start, end, spans, text)
    return _Found(kind_name, (start, end), attribution)
