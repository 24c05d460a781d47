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

__all__ = ["Sentence", "Abbreviations", "abbreviations", "split_sentences", "sentences_in_paragraphs",
           "split_paragraphs", "word_spans", "count_tokens"]

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
    params.abbrev_types = set(abbreviations().always) | set(string.ascii_lowercase)
    return PunktSentenceTokenizer(params)


@dataclass(frozen=True)
class Abbreviations:
    """The shipped abbreviation list (``lexicons/abbreviations.txt``), parsed once
    for every extractor: lowercased words without their final period.

    >>> abbreviations().holds("gen", "Park")
    True
    >>> abbreviations().holds("no", "2397"), abbreviations().holds("no", "Tokyo")
    (True, False)
    """

    always: frozenset[str]          # "mr", "gen", "u.s": never end a sentence
    before_number: frozenset[str]   # "no", "nos": abbreviations only before a number ("No. 2")

    def holds(self, word: str, following: str = "") -> bool:
        """Is ``word`` (lowercased, final period stripped) an abbreviation when
        ``following`` (the next word) comes after it?"""
        return word in self.always or (word in self.before_number and following[:1].isdigit())

    @property
    def before_number_pattern(self) -> re.Pattern[str]:
        """Matches a text that ends with a number-only abbreviation ("... No.")."""
        return _before_number_pattern(self.before_number)


@lru_cache(maxsize=1)
def abbreviations() -> Abbreviations:
    """The one parse of ``lexicons/abbreviations.txt`` (a line ``No. #`` holds only before a number)."""
    always: set[str] = set()
    before_number: set[str] = set()
    for line in read_lexicon_lines("abbreviations.txt"):
        word, _, condition = line.partition(" ")
        (before_number if condition.strip() == "#" else always).add(word.lower().rstrip("."))
    return Abbreviations(frozenset(always), frozenset(before_number))


@lru_cache(maxsize=4)
def _before_number_pattern(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?:^|\W)(?:%s)\.$" % "|".join(re.escape(w) for w in sorted(words)), re.IGNORECASE)


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
    This is the one sentence splitter of rhetoric: a
    :class:`~rhetoric.text.document.Document` splits its text once with it
    and every extractor reads ``doc.sentences``.

    >>> [(s.start, s.end) for s in split_sentences("Seoul said no. Tokyo agreed.")]
    [(0, 14), (15, 28)]
    >>> len(split_sentences("Resolution No. 2397 passed. It bans oil."))
    2
    """
    return list(_split_sentences_transitional(text))


# TRANSITIONAL (issue 11): the threat detector written before the Document
# re-splits its whole text once per paragraph; until it reads doc.sentences
# (its rewrite is under way), the last split is kept so that costs a lookup,
# not a quadratic re-split, and the Document's own split is the one it gets.
# Remove it, and its entry in tests/text/test_document.py, when that lands
# (Document.sentences then calls sentences_in_paragraphs directly).
@lru_cache(maxsize=2)
def _split_sentences_transitional(text: str) -> tuple[Sentence, ...]:
    return tuple(sentences_in_paragraphs(text, split_paragraphs(text)))


def sentences_in_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """:func:`split_sentences` for paragraphs already found (``(start, end)`` offsets)."""
    tokenizer = _punkt()
    before_number = abbreviations().before_number_pattern
    sentences: list[Sentence] = []
    for p_start, p_end in paragraphs:
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
    return sentences


@lru_cache(maxsize=1)
def _treebank() -> TreebankWordTokenizer:
    from nltk.tokenize.treebank import TreebankWordTokenizer

    return TreebankWordTokenizer()


def word_spans(text: str) -> list[tuple[int, int]]:
    """Treebank word tokens of ``text`` as ``(start, end)`` offsets.

    >>> [("North Korea's missiles."[a:b]) for a, b in word_spans("North Korea's missiles.")]
    ['North', 'Korea', "'s", 'missiles', '.']
    """
    try:
        return list(_treebank().span_tokenize(text))
    except ValueError:
        # span_tokenize cannot align some inputs (e.g. unusual quote marks);
        # fall back to the regular-expression word tokens.
        return [m.span() for m in _WORD.finditer(text)]


def count_tokens(text: str) -> int:
    """Number of word tokens (punctuation excluded): the denominator of every
    "per 1,000 tokens" rate in rhetoric.

    >>> count_tokens("U.S. bombers flew over the peninsula, officials said.")
    8
    """
    return len(_WORD.findall(text))
