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

from rhetoric.text.quotemarks import QuoteSpan, pair_quote_marks
from rhetoric.text.sentences import Sentence, count_tokens, sentences_in_paragraphs, split_paragraphs
from rhetoric.text.speech import SpeechCues

if TYPE_CHECKING:
    from rhetoric.extract.quotes import Quote
    from rhetoric.sentiment.vader import Sentiment
    from rhetoric.text.actors import ActorMention
    from rhetoric.text.discourse import Discourse
    from rhetoric.text.references import ActorReference

__all__ = ["Document", "as_document", "LAYERS"]

#: The layers a Document computes on demand; an extractor's ``USES`` names some of them.
LAYERS = ("text", "paragraphs", "sentences", "n_tokens", "quote_marks", "speech_cues", "actor_mentions", "quotes",
          "sentiment", "discourse", "actor_references")


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

    def __len__(self) -> int:
        """Characters of the text (an empty Document is falsy, like an empty string)."""
        return len(self.text)

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
        return sentences_in_paragraphs(self.text, self.paragraphs)

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
    def quote_marks(self) -> list[QuoteSpan]:
        """Paired quotation marks (:func:`rhetoric.text.quotemarks.pair_quote_marks`), in text order."""
        return pair_quote_marks(self.text, self.paragraphs)

    @cached_property
    def speech_cues(self) -> SpeechCues:
        """Speech cues ("said", "warned", "according to"), looked up by position with ``.between(lo, hi)``."""
        return SpeechCues.find(self.text)

    def sentiment(self, start: int, end: int, *, domain: bool = False) -> Sentiment:
        """VADER scores of ``text[start:end]`` (:func:`rhetoric.sentiment.vader.score_sentiment`),
        computed once per span: a sentence scored for its row and again as the
        context of an actor mention is scored once."""
        key = (start, end, domain)
        memo = self._sentiment_memo
        found = memo.get(key)
        if found is None:
            from rhetoric.sentiment.vader import _may_use_domain_terms, score_sentiment

            span = self.text[start:end]
            if domain and not _may_use_domain_terms(span):
                found = self.sentiment(start, end)  # no domain term: the base scores
            else:
                found = score_sentiment(span, domain=domain)
            memo[key] = found
        return found

    @cached_property
    def _sentiment_memo(self) -> dict[tuple[int, int, bool], Sentiment]:
        return {}

    @cached_property
    def actor_mentions(self) -> list[ActorMention]:
        """Mentions of known actors (states, organisations), in text order."""
        from rhetoric.text.actors import find_actors

        return find_actors(self.text)

    @cached_property
    def discourse(self) -> Discourse:
        """The article's people, groups and states for reference resolution,
        with each quote's speaker state (:class:`rhetoric.text.discourse.Discourse`)."""
        from rhetoric.text.discourse import Discourse

        return Discourse(self)

    @cached_property
    def actor_references(self) -> list[ActorReference]:
        """Words that refer to an actor without naming it ("he", "we" in a
        quote, "the government"), resolved through the article
        (:func:`rhetoric.text.references.actor_references`)."""
        from rhetoric.text.references import actor_references

        return actor_references(self)

    @cached_property
    def quotes(self) -> list[Quote]:
        """Direct, indirect and mixed quotations with their speakers
        (:func:`rhetoric.extract.quotes.extract_quotes`)."""
        from rhetoric.extract.quotes.extractor import find_quotes

        return find_quotes(self)


def as_document(text_or_document: str | Document) -> Document:
    """The Document itself, or a new one built from a string.

    >>> doc = as_document("One. Two.")
    >>> as_document(doc) is doc
    True
    """
    if isinstance(text_or_document, Document):
        return text_or_document
    return Document(text_or_document)
