"""Sentences and tokens with character offsets, without downloaded NLTK data.

Sentence splitting runs NLTK's Punkt algorithm untrained, with the shipped
abbreviation list ``lexicons/abbreviations.txt`` (plus single-letter
initials), inside paragraphs (blocks separated by a blank line). Tokens come
from NLTK's Treebank tokenizer, which needs no data either.

>>> [s.text for s in split_sentences(
...     "The U.S. Air Force said Nov. 2 that Defense Secretary Lloyd J. Austin III "
...     "met Lee Jong-sup. He warned that any attack would fail.")]
['The U.S. Air Force said Nov. 2 that Defense Secretary Lloyd J. Austin III met Lee Jong-sup.', 'He warned that any attack would fail.']
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rhetoric.lexicons import read_lexicon_lines

if TYPE_CHECKING:  # NLTK is imported on first use: `import nltk` costs ~1 s (it loads scipy.stats),
    # which every report kernel would pay although most reports never split text.
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from nltk.tokenize.treebank import TreebankWordTokenizer

__all__ = ["Sentence", "split_sentences", "split_paragraphs", "word_spans", "count_tokens"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A word-like token: letters/digits with inner apostrophes, hyphens, periods
# (U.S.) — used for counting tokens fast; Treebank is used for word_spans.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W_](?:[\w'’.\-]*[^\W_])?")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: ``text == source[start:end]``."""

    sent_id: int
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = _abbreviations()[0] | set(string.ascii_lowercase)
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[set[str], re.Pattern[str]]:
    """(unconditional abbreviations, pattern of those that hold before a number)."""
    always: set[str] = set()
    before_number: list[str] = []
    for line in read_lexicon_lines("abbreviations.txt"):
        word, _, condition = line.partition(" ")
        if condition.strip() == "#":
            before_number.append(re.escape(word))
        else:
            always.add(word.lower().rstrip("."))
    pattern = re.compile(r"(?:^|\W)(?:%s)$" % "|".join(before_number), re.IGNORECASE)
    return always, pattern


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph (blocks between blank lines),
    stripped of surrounding whitespace.

    >>> split_paragraphs("One.\\n\\n  Two.\\n")
    [(0, 4), (8, 12)]
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    result = []
    for start, end in spans:
        block = text[start:end]
        stripped = block.strip()
        if stripped:
            offset = start + (len(block) - len(block.lstrip()))
            result.append((offset, offset + len(stripped)))
    return result


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with character offsets into ``text``.

    Paragraph breaks (a blank line) always end a sentence, so headlines and
    datelines without a final period do not run into the next paragraph.

    The split of the last few texts is remembered, so every extractor may
    call this on the article it is given without splitting it again; each
    call returns a new list (of frozen sentences) that the caller may change.

    >>> [(s.start, s.end) for s in split_sentences("Seoul said no. Tokyo agreed.")]
    [(0, 14), (15, 28)]
    >>> len(split_sentences("Resolution No. 2397 passed. It bans oil."))
    2
    """
    return list(_split_sentences(text))


#: Texts whose splits and tokens are remembered: the article being analysed
#: (and a few before it), so the extractors that run over it share one split.
_TEXTS_REMEMBERED = 8
#: Sentences whose word tokens are remembered: more than one long article has.
_SPANS_REMEMBERED = 2048


@lru_cache(maxsize=_TEXTS_REMEMBERED)
def _split_sentences(text: str) -> tuple[Sentence, ...]:
    tokenizer = _punkt()
    before_number = _abbreviations()[1]
    sentences: list[Sentence] = []
    for p_start, p_end in split_paragraphs(text):
        paragraph = text[p_start:p_end]
        spans: list[list[int]] = []
        for s_start, s_end in tokenizer.span_tokenize(paragraph):
            # "No. 2": merge a split after a number-only abbreviation.
            if spans and paragraph[s_start:s_start + 1].isdigit() and (
                before_number.search(paragraph[spans[-1][0]:spans[-1][1]])
            ):
                spans[-1][1] = s_end
            else:
                spans.append([s_start, s_end])
        for s_start, s_end in spans:
            start, end = p_start + s_start, p_start + s_end
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return tuple(sentences)


@lru_cache(maxsize=1)
def _treebank() -> TreebankWordTokenizer:
    from nltk.tokenize.treebank import TreebankWordTokenizer

    return TreebankWordTokenizer()


def word_spans(text: str) -> list[tuple[int, int]]:
    """Treebank word tokens of ``text`` as ``(start, end)`` offsets.

    >>> [("North Korea's missiles."[a:b]) for a, b in word_spans("North Korea's missiles.")]
    ['North', 'Korea', "'s", 'missiles', '.']

    Like :func:`split_sentences`, recent results are remembered (for the
    sentences of the article being analysed) and each call returns a new list.
    """
    return list(_word_spans(text))


@lru_cache(maxsize=_SPANS_REMEMBERED)
def _word_spans(text: str) -> tuple[tuple[int, int], ...]:
    try:
        return tuple(_treebank().span_tokenize(text))
    except ValueError:
        # span_tokenize cannot align some inputs (e.g. unusual quote marks);
        # fall back to the regular-expression word tokens.
        return tuple(m.span() for m in _WORD.finditer(text))


def count_tokens(text: str) -> int:
    """Number of word tokens (punctuation excluded): the denominator of every
    "per 1,000 tokens" rate in rhetoric.

    >>> count_tokens("U.S. bombers flew over the peninsula, officials said.")
    8
    """
    return _count_tokens(text)


@lru_cache(maxsize=_TEXTS_REMEMBERED)
def _count_tokens(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))
