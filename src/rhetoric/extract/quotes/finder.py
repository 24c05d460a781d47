"""The walk over paragraphs and sentences that finds quotations and their attributions."""

from __future__ import annotations

import re

from rhetoric.text.sentences import split_paragraphs
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
from rhetoric.extract.quotes.lexicon import _FRAGMENT_CONTINUES, _QUOTE_MARK
from rhetoric.extract.quotes.marks import _Span, _pair_marks
from rhetoric.extract.quotes.model import _Attribution, _Found
from rhetoric.extract.quotes.phrases import _speaker_left
from rhetoric.extract.quotes.reported import _in_spans, _reported
from rhetoric.extract.quotes.sentences import _sentence_spans


def _find(text: str) -> list[_Found]:
    found: list[_Found] = []
    paragraphs = split_paragraphs(text)
    all_spans: list[list[_Span]] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        all_spans.append(_pair_marks(text, p_start, p_end, index))
    # multi-paragraph chains: an unclosed last quote + a paragraph opening with a mark
    group = 0
    for index, spans in enumerate(all_spans):
        for span in spans:
            if span.group < 0:
                span.group = group
                group += 1
        if spans and not spans[-1].closed and index + 1 < len(all_spans) and all_spans[index + 1]:
            nxt = all_spans[index + 1][0]
            if nxt.open == paragraphs[index + 1][0]:
                spans[-1].continued = True
                nxt.continues = True
                nxt.group = spans[-1].group

    group_attribution: dict[int, _Attribution] = {}
    pending_groups: dict[int, list[_Found]] = {}
    previous_paragraph_attribution: _Attribution | None = None
    previous_colon = False
    for index, (p_start, p_end) in enumerate(paragraphs):
        spans = all_spans[index]
        if not spans and p_end - p_start <= 250:
            headline = _headline_quote(text, p_start, p_end)
            if headline is not None:
                found.append(headline)
                previous_paragraph_attribution = None
                previous_colon = False
                continue
        paragraph_attribution: _Attribution | None = None
        paragraph_direct: _Attribution | None = None
        last_attribution: _Attribution | None = None
        colon_intro: _Attribution | None = None
        used_cues: set[tuple[int, int]] = set()  # cues already given to a direct quote (may lie in a later sentence)
        for s_start, s_end in _sentence_spans(text, p_start, p_end, spans):
            s_spans = [s for s in spans if s_start <= s.open < s_end]
            direct_in_sentence: list[tuple[int, int]] = []
            cursor = s_start
            sentence_attribution: _Attribution | None = None
            for position, span in enumerate(s_spans):
                lead_text = text[cursor:span.open]
                next_open = s_spans[position + 1].open if position + 1 < len(s_spans) else s_end
                initial = not lead_text.strip(" \t\n—–-(") or (cursor > s_start and not lead_text.strip(" ,;—–-"))
                attribution = None
                fragment = False
                lead_in_content: tuple[int, int] | None = None
                lead_piece: tuple[int, int] | None = None
                if not initial and sentence_attribution is not None and sentence_attribution.cue is not None and \
                        cursor <= sentence_attribution.cue[0] < span.open and lead_text.rstrip().endswith((",", "—")) and \
                        not _cues(text, sentence_attribution.cue[1], span.open) and not re.search(
                            r"\b(?:but|and|while|though|although|because|so|yet)\b", text[sentence_attribution.cue[1]:span.open]):
                    # “Q1,” said S, an official, “q2.”: the quotation continues after its attribution
                    attribution = sentence_attribution
                elif initial:
                    attribution = _post_attribution(text, span.close, next_open)
                    if attribution is None and (text[span.content_end - 1] in ",?!—–-" or
                                                text[span.close:span.close + 1] == ","):
                        attribution = _loose_post_attribution(
                            text, span.close, s_spans[position + 1].open if position + 1 < len(s_spans) else
                            next((s.open for s in spans if s.open >= span.close), p_end))
                    if attribution is None and cursor > s_start and sentence_attribution is not None:
                        attribution = sentence_attribution
                    if attribution is None and _FRAGMENT_CONTINUES.match(text, span.close, next_open) and \
                            not span.continued:
                        fragment = True  # “Q” by the shooting …, S said: a quoted fragment opening a clause
                else:
                    attribution = _pre_attribution(text, cursor if cursor > s_start else s_start, span.open)
                    if attribution is not None:
                        # a pre-attributed quote must run to the end of its sentence or be followed by
                        # its own continuation; otherwise it is a fragment of reported speech
                        rest = text[span.close:next_open]
                        if re.match(r"\s*(?:[—–]|--?\s)", rest):
                            rest = ""
                        if rest.strip(" \t\n.,;:!?”\"’'—–-)") and position + 1 >= len(s_spans):
                            attribution = None
                        elif rest.strip(" \t\n.,;:!?”\"’'—–-)") and not _cue_or_end(text, span.close, next_open):
                            attribution = None
                        if attribution is not None and attribution.speaker is not None and cursor == s_start:
                            lead = text[s_start:attribution.speaker[0]].rstrip()
                            if lead.endswith(",") and 2 <= len(lead.split()) <= 25 and \
                                    text[span.content_start:span.content_start + 1].islower() and \
                                    not _cues(text, s_start, attribution.speaker[0]) and \
                                    not _QUOTE_MARK.search(lead):
                                # "In cases of abortion, it said, “the woman is a victim.”": the lead-in
                                # paraphrases part of the same statement
                                lead_piece = _strip_content(text, s_start, s_start + len(lead))
                    if attribution is None and (re.search(r"[,?!—–-]$", text[span.content_start:span.content_end]) or
                                                text[span.close:span.close + 1] == ","):
                        # “Q,” S said after a lead-in: direct when the lead-in ends in punctuation
                        # ("telling Mic, “Q,” he said"), else a fragment of the clause (mixed)
                        lead = text[s_start:span.open].rstrip()
                        if lead[-1:] in (",", ":", ";", "—", "–", "-", "("):
                            attribution = _post_attribution(text, span.close, next_open)
                            if attribution is None and lead[-1:] == ",":
                                attribution = _loose_post_attribution(text, span.close, next_open)
                            if attribution is not None and lead[-1:] == "," and cursor == s_start and \
                                    len(lead.split()) <= 10 and not _cues(text, s_start, span.open):
                                # "Based on her actions that night, “Q,” S said": the lead-in paraphrases
                                # part of what was said, so the whole is mixed
                                lead_in_content = (s_start, span.close)
                    lead_lo = cursor if cursor > s_start else s_start
                    if attribution is None and text[lead_lo:span.open].rstrip()[-1:] in (",", ":") and \
                            _sentence_like(text, span) and not text[span.close:next_open].strip(
                                " \t\n.,;:!?”\"’')") and position + 1 >= len(s_spans):
                        # a full-clause quote introduced by a lead-in that ends with a comma or colon
                        # ("Husted continued by saying, “Q.”", "he demurred: “Q.”")
                        attribution = _lead_in_attribution(text, lead_lo, span.open)
                if attribution is None and initial and not fragment:
                    if span.group in group_attribution:
                        attribution = group_attribution[span.group]
                    elif span.continued and not (last_attribution is not None and last_attribution.speaker is not None
                                                 and cursor > p_start):
                        # a multi-paragraph quote: its attribution may come in a later paragraph
                        pending_groups.setdefault(span.group, []).append(
                            (_Found("direct", (span.content_start, span.content_end), _Attribution(None, None)),
                             last_attribution if last_attribution is not None and last_attribution.speaker else
                             (previous_paragraph_attribution if span.open == p_start else None)))
                        cursor = max(cursor, span.close)
                        continue
                    elif last_attribution is not None and last_attribution.speaker is not None:
                        attribution = last_attribution  # split quote: “Q1,” S said. “Q2.”
                    elif span.open == p_start and (colon_intro or previous_paragraph_attribution) is not None:
                        prior = colon_intro or previous_paragraph_attribution
                        attribution = _Attribution(prior.cue if prior is colon_intro or previous_colon else None,
                                                   prior.speaker, prior.appositives)
                if attribution is None and initial and span.open == p_start and \
                        not text[span.close:p_end].strip(" .") and index + 1 < len(paragraphs):
                    # a quoted paragraph signed on the next line: "- Bernie Sanders."
                    attribution = _dash_signature(text, *paragraphs[index + 1])
                if attribution is None:
                    cursor = max(cursor, span.close)
                    continue
                if attribution.cue:
                    used_cues.add(attribution.cue)
                if lead_piece is not None and lead_piece[1] - lead_piece[0] >= 3:
                    found.append(_Found("indirect", lead_piece, attribution))
                if lead_in_content is not None:
                    item = _Found("mixed", lead_in_content, attribution)
                else:
                    item = _Found("direct", (span.content_start, span.content_end), attribution)
                found.append(item)
                direct_in_sentence.append((span.open, span.close))
                if span.group not in group_attribution:
                    group_attribution[span.group] = attribution
                    for waiting, _fallback in pending_groups.pop(span.group, []):
                        waiting.attribution = attribution
                        found.append(waiting)
                sentence_attribution = attribution
                last_attribution = attribution
                paragraph_attribution = attribution
                paragraph_direct = attribution
                cursor = max(cursor, span.close)
            # reported speech: cues outside quotes not used by a direct quote
            for cue in _cues(text, s_start, s_end):
                if cue in used_cues or _in_spans(cue[0], s_spans):
                    continue
                if any(a <= cue[0] < b + 40 and not text[b:cue[0]].strip(" ,.—–-\n") for a, b in direct_in_sentence):
                    continue
                result = _reported(text, s_start, s_end, cue, s_spans, direct_in_sentence)
                if result is None:
                    continue
                if any(f.content[0] < result.content[1] and result.content[0] < f.content[1] for f in found[-6:]):
                    continue
                found.append(result)
                if not direct_in_sentence:
                    last_attribution = result.attribution
                    paragraph_attribution = result.attribution
            sentence_text = text[s_start:s_end].rstrip()
            if sentence_text.endswith(":"):
                cues = _cues(text, s_start, s_end)
                if cues:
                    speaker = _speaker_left(text, s_start, cues[-1][0])
                    if isinstance(speaker, tuple):
                        colon_intro = _Attribution(cues[-1], (speaker[0], speaker[1]), speaker[2])
                if colon_intro is None and index + 1 < len(paragraphs) and all_spans[index + 1] and \
                        all_spans[index + 1][0].open == paragraphs[index + 1][0] and not s_spans:
                    # "President Clinton released the following statement:" then a quoted paragraph
                    intro = _lead_in_attribution(text, s_start, s_end)
                    if intro.speaker is not None:
                        colon_intro = intro
            else:
                colon_intro = None
        previous_colon = colon_intro is not None
        if colon_intro is not None:
            previous_paragraph_attribution = colon_intro
        else:
            previous_paragraph_attribution = paragraph_direct or paragraph_attribution
        if paragraph_attribution is None and spans and not spans[-1].continued:
            previous_paragraph_attribution = None
    for waiting_list in pending_groups.values():
        for waiting, fallback in waiting_list:
            if fallback is not None:
                waiting.attribution = fallback
                found.append(waiting)
    found.sort(key=lambda f: (f.content[0], f.content[1]))
    return found
