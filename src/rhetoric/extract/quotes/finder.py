"""The walk over paragraphs and sentences that finds quotations and their
attributions, as ordered lists of small named rules over a shared state.

Each quotation of a sentence is a :class:`_Candidate`; the rules of
:data:`DIRECT_RULES` are tried in order and the first that returns an
attribution wins (a rule may return None, or :data:`_DEFER` to hold a
multi-paragraph quote until its attribution appears). The state
(:class:`_State`) carries what earlier quotes, sentences and paragraphs
established: the attribution of the last quote, of the paragraph, of each
multi-paragraph chain, a colon introduction ("… said:") and the cues already
used. After the quotations of a sentence, :func:`_reported_speech` finds the
reported speech of its unused cues, and :func:`_colon_introduction` notes a
sentence that introduces the next paragraph's quotation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from rhetoric.extract.quotes.attribution import (
    _dash_signature,
    _headline_quote,
    _lead_in_attribution,
    _loose_post_attribution,
    _post_attribution,
    _pre_attribution,
    _sentence_like,
    _strip_content,
)
from rhetoric.extract.quotes.cues import _cue_or_end, _cues
from rhetoric.extract.quotes.lexicon import _FRAGMENT_CONTINUES
from rhetoric.extract.quotes.model import _Attribution, _Found
from rhetoric.extract.quotes.phrases import _speaker_left
from rhetoric.extract.quotes.reported import _in_spans, _reported
from rhetoric.extract.quotes.sentences import _sentence_spans
from rhetoric.text.quotemarks import QUOTE_MARK, QuoteSpan

if TYPE_CHECKING:
    from rhetoric.text.document import Document

_DEFER = object()  # a rule's answer: hold this quote until its chain's attribution is known
_Answer = Union[_Attribution, None, object]


@dataclass
class _State:
    """What the walk knows at a quotation: the article, paragraph and sentence it is in."""

    doc: Document
    text: str
    paragraphs: list[tuple[int, int]]
    spans_by_paragraph: list[list[QuoteSpan]]
    found: list[_Found] = field(default_factory=list)
    group_attribution: dict[int, _Attribution] = field(default_factory=dict)
    pending_groups: dict[int, list[tuple[_Found, _Attribution | None]]] = field(default_factory=dict)
    previous_paragraph_attribution: _Attribution | None = None
    previous_colon: bool = False
    # the paragraph
    index: int = 0
    p_start: int = 0
    p_end: int = 0
    spans: list[QuoteSpan] = field(default_factory=list)
    paragraph_attribution: _Attribution | None = None
    paragraph_direct: _Attribution | None = None
    last_attribution: _Attribution | None = None
    colon_intro: _Attribution | None = None
    used_cues: set[tuple[int, int]] = field(default_factory=set)  # cues given to a direct quote (maybe a later sentence's)
    # the sentence
    s_start: int = 0
    s_end: int = 0
    s_spans: list[QuoteSpan] = field(default_factory=list)
    direct_in_sentence: list[tuple[int, int]] = field(default_factory=list)
    cursor: int = 0
    sentence_attribution: _Attribution | None = None

    def start_paragraph(self, index: int) -> None:
        self.index = index
        self.p_start, self.p_end = self.paragraphs[index]
        self.spans = self.spans_by_paragraph[index]
        self.paragraph_attribution = self.paragraph_direct = self.last_attribution = self.colon_intro = None
        self.used_cues = set()

    def start_sentence(self, s_start: int, s_end: int) -> None:
        self.s_start, self.s_end = s_start, s_end
        self.s_spans = [s for s in self.spans if s_start <= s.open < s_end]
        self.direct_in_sentence = []
        self.cursor = s_start
        self.sentence_attribution = None


@dataclass
class _Candidate:
    """One quotation of the sentence, with what the rules note about it."""

    position: int                   # its index among the sentence's quotations
    span: QuoteSpan
    lead_text: str                  # text between the previous quotation (or sentence start) and this one
    next_open: int                  # where the next quotation (or the sentence end) starts
    initial: bool                   # nothing but punctuation before it: it opens a clause
    last: bool                      # the sentence's last quotation
    fragment: bool = False          # a quoted fragment opening a clause (“Q” by the shooting …, S said)
    lead_in_content: tuple[int, int] | None = None   # a lead-in that makes the whole quotation mixed
    lead_piece: tuple[int, int] | None = None        # a lead-in paraphrase reported beside the quotation


# --------------------------------------------------------------------------
# Rules for a quotation that is not the sentence's first clause
# --------------------------------------------------------------------------

def _continues_after_attribution(st: _State, q: _Candidate) -> _Answer:
    """“Q1,” said S, an official, “q2.”: the quotation continues after its attribution."""
    text, span, attribution = st.text, q.span, st.sentence_attribution
    if not q.initial and attribution is not None and attribution.cue is not None and \
            st.cursor <= attribution.cue[0] < span.open and q.lead_text.rstrip().endswith((",", "—")) and \
            not _cues(st.doc, attribution.cue[1], span.open) and not re.search(
                r"\b(?:but|and|while|though|although|because|so|yet)\b", text[attribution.cue[1]:span.open]):
        return attribution
    return None


def _attribution_before(st: _State, q: _Candidate) -> _Answer:
    """S said, “Q” / S told reporters: “Q”. A pre-attributed quote must run to the
    end of its sentence or be followed by its own continuation; otherwise it is
    a fragment of reported speech."""
    if q.initial:
        return None
    text, span = st.text, q.span
    attribution = _pre_attribution(st.doc, st.cursor if st.cursor > st.s_start else st.s_start, span.open)
    if attribution is None:
        return None
    rest = text[span.close:q.next_open]
    if re.match(r"\s*(?:[—–]|--?\s)", rest):
        rest = ""
    if rest.strip(" \t\n.,;:!?”\"’'—–-)") and q.last:
        return None
    if rest.strip(" \t\n.,;:!?”\"’'—–-)") and not _cue_or_end(st.doc, span.close, q.next_open):
        return None
    if attribution.speaker is not None and st.cursor == st.s_start:
        lead = text[st.s_start:attribution.speaker[0]].rstrip()
        if lead.endswith(",") and 2 <= len(lead.split()) <= 25 and \
                text[span.content_start:span.content_start + 1].islower() and \
                not _cues(st.doc, st.s_start, attribution.speaker[0]) and not QUOTE_MARK.search(lead):
            # "In cases of abortion, it said, “the woman is a victim.”": the lead-in
            # paraphrases part of the same statement
            q.lead_piece = _strip_content(text, st.s_start, st.s_start + len(lead))
    return attribution


def _punctuated_lead_in(st: _State, q: _Candidate) -> _Answer:
    """“Q,” S said after a lead-in: direct when the lead-in ends in punctuation
    ("telling Mic, “Q,” he said"), else a fragment of the clause."""
    text, span = st.text, q.span
    if q.initial or not (re.search(r"[,?!—–-]$", text[span.content_start:span.content_end]) or
                         text[span.close:span.close + 1] == ","):
        return None
    lead = text[st.s_start:span.open].rstrip()
    if lead[-1:] not in (",", ":", ";", "—", "–", "-", "("):
        return None
    attribution = _post_attribution(st.doc, span.close, q.next_open)
    if attribution is None and lead[-1:] == ",":
        attribution = _loose_post_attribution(st.doc, span.close, q.next_open)
    if attribution is not None and lead[-1:] == "," and st.cursor == st.s_start and \
            len(lead.split()) <= 10 and not _cues(st.doc, st.s_start, span.open):
        # "Based on her actions that night, “Q,” S said": the lead-in paraphrases
        # part of what was said, so the whole is mixed
        q.lead_in_content = (st.s_start, span.close)
    return attribution


def _full_clause_lead_in(st: _State, q: _Candidate) -> _Answer:
    """A full-clause quote introduced by a lead-in that ends with a comma or colon
    ("Husted continued by saying, “Q.”", "he demurred: “Q.”")."""
    text, span = st.text, q.span
    lead_lo = st.cursor if st.cursor > st.s_start else st.s_start
    if not q.initial and text[lead_lo:span.open].rstrip()[-1:] in (",", ":") and _sentence_like(text, span) and \
            not text[span.close:q.next_open].strip(" \t\n.,;:!?”\"’')") and q.last:
        return _lead_in_attribution(st.doc, lead_lo, span.open)
    return None


# --------------------------------------------------------------------------
# Rules for a quotation that opens its clause
# --------------------------------------------------------------------------

def _attribution_after(st: _State, q: _Candidate) -> _Answer:
    """“Q,” S said / “Q,” said S / “Q.” S told reporters."""
    return _post_attribution(st.doc, q.span.close, q.next_open) if q.initial else None


def _loose_attribution_after(st: _State, q: _Candidate) -> _Answer:
    """“Q,” the bespectacled, 71-year-old diplomat said / “Q?” Hannity pressed:
    a speaker phrase the lexicons do not know, after a quote ending in , ? !"""
    text, span = st.text, q.span
    if not q.initial or not (text[span.content_end - 1] in ",?!—–-" or text[span.close:span.close + 1] == ","):
        return None
    following = st.s_spans[q.position + 1].open if q.position + 1 < len(st.s_spans) else \
        next((s.open for s in st.spans if s.open >= span.close), st.p_end)
    return _loose_post_attribution(st.doc, span.close, following)


def _same_sentence(st: _State, q: _Candidate) -> _Answer:
    """A later quotation of a sentence whose earlier one was attributed."""
    if q.initial and st.cursor > st.s_start and st.sentence_attribution is not None:
        return st.sentence_attribution
    return None


def _mark_fragment(st: _State, q: _Candidate) -> _Answer:
    """“Q” by the shooting …, S said: a quoted fragment opening a clause gets no
    attribution of its own and carries none from earlier quotes."""
    if q.initial and _FRAGMENT_CONTINUES.match(st.text, q.span.close, q.next_open) and not q.span.continued:
        q.fragment = True
    return None


def _same_chain(st: _State, q: _Candidate) -> _Answer:
    """A paragraph of a multi-paragraph quote whose chain is already attributed."""
    if q.initial and not q.fragment:
        return st.group_attribution.get(q.span.group)
    return None


def _multi_paragraph(st: _State, q: _Candidate) -> _Answer:
    """A multi-paragraph quote: its attribution may come in a later paragraph."""
    last = st.last_attribution
    if q.initial and not q.fragment and q.span.continued and not (
            last is not None and last.speaker is not None and st.cursor > st.p_start):
        fallback = last if last is not None and last.speaker else (
            st.previous_paragraph_attribution if q.span.open == st.p_start else None)
        st.pending_groups.setdefault(q.span.group, []).append(
            (_Found("direct", (q.span.content_start, q.span.content_end), _Attribution(None, None)), fallback))
        return _DEFER
    return None


def _split_quote(st: _State, q: _Candidate) -> _Answer:
    """“Q1,” S said. “Q2.”: the speaker of the previous quotation goes on."""
    last = st.last_attribution
    if q.initial and not q.fragment and last is not None and last.speaker is not None:
        return last
    return None


def _previous_paragraph(st: _State, q: _Candidate) -> _Answer:
    """A paragraph that opens with a quotation continues the previous paragraph's
    speaker, or its colon introduction ("… said:")."""
    prior = st.colon_intro or st.previous_paragraph_attribution
    if q.initial and not q.fragment and q.span.open == st.p_start and prior is not None:
        return _Attribution(prior.cue if prior is st.colon_intro or st.previous_colon else None,
                            prior.speaker, prior.appositives)
    return None


def _signed_paragraph(st: _State, q: _Candidate) -> _Answer:
    """A quoted paragraph signed on the next line: "- Bernie Sanders."."""
    if q.initial and q.span.open == st.p_start and not st.text[q.span.close:st.p_end].strip(" .") and \
            st.index + 1 < len(st.paragraphs):
        return _dash_signature(st.text, *st.paragraphs[st.index + 1])
    return None


#: The attribution rules of a direct quotation, in order: the first answer wins.
DIRECT_RULES: tuple[Callable[[_State, _Candidate], _Answer], ...] = (
    _continues_after_attribution,
    _attribution_after,
    _loose_attribution_after,
    _same_sentence,
    _mark_fragment,
    _attribution_before,
    _punctuated_lead_in,
    _full_clause_lead_in,
    _same_chain,
    _multi_paragraph,
    _split_quote,
    _previous_paragraph,
    _signed_paragraph,
)


# --------------------------------------------------------------------------
# The walk
# --------------------------------------------------------------------------

def _record_direct(st: _State, q: _Candidate, attribution: _Attribution) -> None:
    span = q.span
    if attribution.cue:
        st.used_cues.add(attribution.cue)
    if q.lead_piece is not None and q.lead_piece[1] - q.lead_piece[0] >= 3:
        st.found.append(_Found("indirect", q.lead_piece, attribution))
    if q.lead_in_content is not None:
        st.found.append(_Found("mixed", q.lead_in_content, attribution))
    else:
        st.found.append(_Found("direct", (span.content_start, span.content_end), attribution))
    st.direct_in_sentence.append((span.open, span.close))
    if span.group not in st.group_attribution:
        st.group_attribution[span.group] = attribution
        for waiting, _fallback in st.pending_groups.pop(span.group, []):
            waiting.attribution = attribution
            st.found.append(waiting)
    st.sentence_attribution = st.last_attribution = st.paragraph_attribution = st.paragraph_direct = attribution


def _direct_quotes(st: _State) -> None:
    text = st.text
    for position, span in enumerate(st.s_spans):
        lead_text = text[st.cursor:span.open]
        next_open = st.s_spans[position + 1].open if position + 1 < len(st.s_spans) else st.s_end
        initial = not lead_text.strip(" \t\n—–-(") or (st.cursor > st.s_start and not lead_text.strip(" ,;—–-"))
        q = _Candidate(position, span, lead_text, next_open, initial, position + 1 >= len(st.s_spans))
        answer: _Answer = None
        for rule in DIRECT_RULES:
            answer = rule(st, q)
            if answer is not None:
                break
        if isinstance(answer, _Attribution):
            _record_direct(st, q, answer)
        st.cursor = max(st.cursor, span.close)


def _reported_speech(st: _State) -> None:
    """Reported speech: the cues outside quotes that no direct quote used."""
    text = st.text
    for cue in _cues(st.doc, st.s_start, st.s_end):
        if cue in st.used_cues or _in_spans(cue[0], st.s_spans):
            continue
        if any(a <= cue[0] < b + 40 and not text[b:cue[0]].strip(" ,.—–-\n") for a, b in st.direct_in_sentence):
            continue
        result = _reported(st.doc, st.s_start, st.s_end, cue, st.s_spans, st.direct_in_sentence)
        if result is None:
            continue
        if any(f.content[0] < result.content[1] and result.content[0] < f.content[1] for f in st.found[-6:]):
            continue
        st.found.append(result)
        if not st.direct_in_sentence:
            st.last_attribution = st.paragraph_attribution = result.attribution


def _colon_introduction(st: _State) -> None:
    """A sentence ending in a colon introduces what follows ("… said:"); any other ends the introduction."""
    if not st.text[st.s_start:st.s_end].rstrip().endswith(":"):
        st.colon_intro = None
        return
    cues = _cues(st.doc, st.s_start, st.s_end)
    if cues:
        speaker = _speaker_left(st.text, st.s_start, cues[-1][0])
        if isinstance(speaker, tuple):
            st.colon_intro = _Attribution(cues[-1], (speaker[0], speaker[1]), speaker[2])
    following = st.index + 1
    if st.colon_intro is None and following < len(st.paragraphs) and st.spans_by_paragraph[following] and \
            st.spans_by_paragraph[following][0].open == st.paragraphs[following][0] and not st.s_spans:
        # "President Clinton released the following statement:" then a quoted paragraph
        intro = _lead_in_attribution(st.doc, st.s_start, st.s_end)
        if intro.speaker is not None:
            st.colon_intro = intro


def _end_paragraph(st: _State) -> None:
    st.previous_colon = st.colon_intro is not None
    if st.colon_intro is not None:
        st.previous_paragraph_attribution = st.colon_intro
    else:
        st.previous_paragraph_attribution = st.paragraph_direct or st.paragraph_attribution
    if st.paragraph_attribution is None and st.spans and not st.spans[-1].continued:
        st.previous_paragraph_attribution = None


def _headline(st: _State) -> bool:
    """A short paragraph without double quote marks may be a headline ``Speaker: ‘Quote’``."""
    if st.spans or st.p_end - st.p_start > 250:
        return False
    headline = _headline_quote(st.text, st.p_start, st.p_end)
    if headline is None:
        return False
    st.found.append(headline)
    st.previous_paragraph_attribution = None
    st.previous_colon = False
    return True


def _find(doc: Document) -> list[_Found]:
    spans_by_paragraph: list[list[QuoteSpan]] = [[] for _ in doc.paragraphs]
    for span in doc.quote_marks:
        spans_by_paragraph[span.paragraph].append(span)
    st = _State(doc, doc.text, doc.paragraphs, spans_by_paragraph)
    for index in range(len(st.paragraphs)):
        st.start_paragraph(index)
        if _headline(st):
            continue
        for s_start, s_end in _sentence_spans(doc, st.p_start, st.p_end, st.spans):
            st.start_sentence(s_start, s_end)
            _direct_quotes(st)
            _reported_speech(st)
            _colon_introduction(st)
        _end_paragraph(st)
    for waiting_list in st.pending_groups.values():
        for waiting, fallback in waiting_list:
            if fallback is not None:
                waiting.attribution = fallback
                st.found.append(waiting)
    st.found.sort(key=lambda f: (f.content[0], f.content[1]))
    return st.found
