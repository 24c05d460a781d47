"""One analysed article: the structure every extractor shares.

A :class:`Document` is built once per article and handed to every extractor.
Each layer (paragraphs, sentences, actor mentions, quotes, ...) is computed on
first use and kept for the life of the Document, so no extractor re-derives
what another already found, and nothing is cached by article text.

>>> doc = Document("Seoul protested. Tokyo agreed.\\n\\nTalks resumed.")
>>> [s.text for s in doc.sentences]
['Seoul protested.', 'Tokyo agreed.', 'Talks resumed.']
>>> doc.paragraphs
[(0, 30), (32, 46)]
>>> doc.sentence_at(20).text
'Tokyo agreed.'
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import TYPE_CHECKING

from rhetoric.text.sentences import Sentence, count_tokens, split_paragraphs, split_sentences

if TYPE_CHECKING:
    from rhetoric.extract.quotes import Quote
    from rhetoric.text.actors import ActorMention

__all__ = ["Document", "as_document"]


class Document:
    """An article's text and its lazily computed layers.

    Offsets everywhere index :attr:`text`. A Document is not hashable by
    content and never compares equal to another: it is the unit of work, not
    a value.
    """

    __slots__ = ("text", "doc_id", "__dict__")

    def __init__(self, text: str, doc_id: str | None = None) -> None:
        if not isinstance(text, str):
            raise TypeError(f"Document text must be str, not {type(text).__name__}")
        self.text = text
        self.doc_id = doc_id

    def __repr__(self) -> str:
        head = self.text[:40].replace("\n", " ")
        return f"Document(doc_id={self.doc_id!r}, {len(self.text)} chars: {head!r}...)"

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each paragraph (blocks between blank lines)."""
        return split_paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences, in order; ``sentence.text == text[start:end]``."""
        return split_sentences(self.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, position: int) -> Sentence | None:
        """The sentence containing character ``position``, or None (between sentences)."""
        i = bisect_right(self._sentence_starts, position) - 1
        if i >= 0 and position < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentences_overlapping(self, start: int, end: int) -> list[Sentence]:
        """The sentences that share at least one character with ``[start, end)``."""
        i = max(0, bisect_right(self._sentence_starts, start) - 1)
        found = []
        for sentence in self.sentences[i:]:
            if sentence.start >= end:
                break
            if sentence.end > start:
                found.append(sentence)
        return found

    @cached_property
    def n_tokens(self) -> int:
        """Word-like tokens in the text."""
        return count_tokens(self.text)

    @cached_property
    def actor_mentions(self) -> list[ActorMention]:
        """Mentions of known actors (states, organisations), in text order."""
        from rhetoric.text.actors import find_actors

        return find_actors(self.text)

    @cached_property
    def quotes(self) -> list[Quote]:
        """Direct, indirect and mixed quotations with their speakers."""
        from rhetoric.extract.quotes import extract_quotes

        return extract_quotes(self.text)


def as_document(text_or_document: str | Document) -> Document:
    """The Document itself, or a new one built from a string.

    >>> doc = as_document("One. Two.")
    >>> as_document(doc) is doc
    True
    """
    if isinstance(text_or_document, Document):
        return text_or_document
    return Document(text_or_document)
