"""Speech units: the quote extractor's sentences, cut at sentence ends that lie
outside quotations and are not followed by the quotation's own attribution
(“Q?” Sanders said. stays one unit), with the shipped abbreviation list
(:func:`rhetoric.text.sentences.abbreviations`)."""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from rhetoric.extract.quotes.cues import _cues
from rhetoric.extract.quotes.lexicon import _SENTENCE_END
from rhetoric.text.quotemarks import QuoteSpan
from rhetoric.text.sentences import abbreviations

if TYPE_CHECKING:
    from rhetoric.text.document import Document


def _attribution_follows(doc: Document, position: int, limit: int) -> bool:
    """After a quote that ends with its own punctuation: is the next stretch
    only an attribution ("“Q?” Sanders said.", "“Q.” said Mr. Lou, …")?"""
    text = doc.text
    stop = limit
    for index in range(position, min(limit, position + 90)):
        if text[index] in ".!?" and not (text[index] == "." and _abbreviation_before(text, index)):
            stop = index
            break
        if text[index] in "“\"":
            stop = index
            break
    else:
        stop = min(limit, position + 90)
    found = _cues(doc, position, stop)
    if not found:
        return False
    head = text[position:found[0][0]]
    if len(head.split()) > 6 or "," in head.strip().rstrip(","):
        return False
    tail = text[found[0][1]:stop]
    return "that" not in tail.split() and len(tail.split()) <= 10


def _abbreviation_before(text: str, period: int) -> bool:
    match = re.search(r"(\S+)$", text[max(0, period - 30):period])
    if not match:
        return False
    word = match.group(1).lower().lstrip("(\"“'‘")
    return abbreviations().holds(word, _next_word(text, period + 1)) or len(word) == 1 or "." in word


def _next_word(text: str, position: int) -> str:
    """The start of the next word after ``position`` (for "No. 2" / "said no. Tokyo")."""
    return text[position:position + 12].lstrip(" \t\n\"“‘'([")


def _sentence_spans(doc: Document, p_start: int, p_end: int, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentence boundaries inside a paragraph, never inside a quote."""
    text = doc.text
    known = abbreviations()
    inside = [(s.open, s.close) for s in spans]
    cuts = [p_start]
    for match in _SENTENCE_END.finditer(text, p_start, p_end):
        position = match.end()
        if any(a < position < b for a, b in inside):
            continue
        punct = match.start()
        if match.group()[-1] in "\"”’'" and _attribution_follows(doc, position, p_end):
            continue
        if text[punct] == ".":
            word_match = re.search(r"(\S+)$", text[max(p_start, punct - 30):punct + 1])
            if word_match:
                word = word_match.group(1).lstrip("(\"“'‘").lower().rstrip(".")
                if known.holds(word, _next_word(text, position)) or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", word):
                    continue
        cuts.append(position)
    cuts.append(p_end)
    result = []
    for a, b in zip(cuts, cuts[1:]):
        while a < b and text[a].isspace():
            a += 1
        if b > a:
            result.append((a, b))
    return result
