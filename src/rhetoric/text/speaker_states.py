"""A quote's speaker state: the state a speaker stands for, found by ordered
small rules (:data:`SPEAKER_STATE_RULES`); the first rule that gives one wins.

- ``affiliation``: the quote extractor's speaker affiliation;
- ``same_name``: another quote of the same speaker_name has one;
- ``known_person``: the speaker's name is a gazetteer person the article
  names ("Kim" after "Kim Jong Un");
- ``description``: a state word where the article describes the person
  ("Glazyev, Mr Putin's chief adviser", "Ukrainian activist Oleh Petrenko",
  "Trump's ambassador to the U.N., Nikki Haley");
- ``dateline``: the state of the dispatch's dateline
  (:func:`rhetoric.text.datelines.dateline_state`).

>>> from rhetoric.text.document import Document
>>> doc = Document("A Ukrainian volunteer, Oleh Petrenko, spoke from Donetsk.")
>>> described_state(doc, "Oleh Petrenko")
'Ukraine'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rhetoric.text.actors import actor_entry
from rhetoric.text.names import family_name, is_person_name, whole_words

if TYPE_CHECKING:
    from rhetoric.extract.quotes import Quote
    from rhetoric.text.discourse import Discourse
    from rhetoric.text.document import Document

__all__ = ["SPEAKER_STATE_RULES", "country_of", "described_state", "description_spans", "names_a_side"]


def country_of(affiliation: str | None) -> str | None:
    """The country of an affiliation the gazetteer knows ("the Kremlin": Russia);
    None for one it does not ("Munich", "Hewlett-Packard"): a reference stands for an actor.

    >>> country_of("the Kremlin"), country_of("Hewlett-Packard")
    ('Russia', None)
    """
    entry = actor_entry(affiliation) if affiliation else None
    return entry.country if entry is not None and entry.country else None


# after a name, a noun phrase: "Glazyev, Mr Putin's adviser,", ", who is the Russian envoy,", ", a Ukrainian MP,"
_APPOSITIVE = re.compile(r",\s+((?:who\s+(?:is|was|has\s+been|had\s+been)\s+|an?\s+|the\s+|his\s+|her\s+|its\s+|"
                         r"also\s+|then\s+|now\s+|former\s+|[A-Z])[^,.;:“”\"()]{2,120})[,.;)]")
# before a name: "Ukrainian activist Oleh Petrenko", "a Ukrainian volunteer, Oleh Petrenko",
# "Trump's ambassador to the U.N., Nikki Haley", "Russia's envoy Vitaly Churkin"
_ROLE_WORDS = r"(?:[a-z][\w\-]*,?\s+){0,3}(?:(?:to|at|of|for)\s+the\s+[A-Z][\w.]*,?\s+)?"
# a nationality word, role words and up to two capitalised titles before the name
# ("The Ukrainian commander, Colonel Ivan Petrenko")
_PREMODIFIER = re.compile(r"([A-Z][\w'’\-]+)\s+" + _ROLE_WORDS + r"(?:[A-Z][a-z]+\.?\s+){0,2}$")
_POSSESSOR = re.compile(r"([A-Z][\w\-]+)['’]s\s+" + _ROLE_WORDS + r"$")


def described_state(doc: Document, name: str) -> str | None:
    """A state the article gives the person named ``name`` where it describes
    them: in an appositive or relative clause after the name ("Glazyev, who is
    Mr Putin's adviser,") or in a nationality word before it ("a Ukrainian
    volunteer, Oleh Petrenko", "Russian activist Olga Kurnosova")."""
    for start, end, kinds in description_spans(doc.text, name):
        state = _first_state(doc, start, end, kinds=kinds)
        if state:
            return state
    return None


def description_spans(text: str, name: str) -> Iterable[tuple[int, int, tuple[str, ...]]]:
    """(start, end, actor kinds) of the words that describe the person named
    ``name`` (two or more words) wherever the article writes the name or its
    last word: a word before it and its role words, or an appositive after it."""
    words = name.split()
    if len(words) < 2:
        return
    for start, end in whole_words(text, [name, words[-1]]):
        for pattern_before, kinds in ((_PREMODIFIER, ("people",)), (_POSSESSOR, ("state", "person"))):
            before = pattern_before.search(text, max(0, start - 80), start)
            if before is not None:
                yield before.start(1), before.end(1), kinds
        after = _APPOSITIVE.match(text, end)
        if after is not None:
            yield after.start(1), after.end(1), ("state", "people", "person", "organisation")


def _first_state(doc: Document, start: int, end: int, kinds: Iterable[str] = ("state", "people", "person",
                                                                               "organisation")) -> str | None:
    for mention in doc.actor_mentions:
        if mention.start >= end:
            break
        if mention.start >= start and mention.kind in kinds and mention.country:
            if names_a_side(doc.text, mention.start, mention.end):
                continue

            return mention.country
    return None


_SIDE_BEFORE = re.compile(r"(?:pro|anti)-$", re.IGNORECASE)
_SIDE_AFTER = re.compile(r"-(?:backed|supported|sponsored|friendly|leaning)\b")


def names_a_side(text: str, start: int, end: int) -> bool:
    """A state word that says whom someone supports or is backed by, not whose
    they are: "pro-Russian", "anti-Kremlin", "Russian-backed"."""
    return bool(_SIDE_BEFORE.search(text, max(0, start - 5), start) or _SIDE_AFTER.match(text, end))


def _speaker_by_affiliation(discourse: Discourse, quote: Quote) -> str | None:
    return country_of(quote.speaker_affiliation)


def _speaker_by_same_name(discourse: Discourse, quote: Quote) -> str | None:
    return discourse.affiliation_by_name.get(quote.speaker_name or "")


def _speaker_known_person(discourse: Discourse, quote: Quote) -> str | None:
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    words = [w for w in discourse.doc.text[quote.speaker_start:quote.speaker_end].split() if w[:1].isupper()]
    if not words:
        return None
    person = discourse.gazetteer_persons.get(words[-1].strip(".,’'s"))
    return person[1] if person else None


def _speaker_by_description(discourse: Discourse, quote: Quote) -> str | None:
    if not is_person_name(quote.speaker_name):
        return None
    return discourse.described(quote.speaker_name or "")


def _speaker_by_dateline(discourse: Discourse, quote: Quote) -> str | None:
    return discourse.dateline or None


#: How a quote's speaker gets a state, in order; the first rule that gives one wins.
SPEAKER_STATE_RULES: tuple[tuple[str, Callable[[Discourse, Quote], str | None]], ...] = (
    ("affiliation", _speaker_by_affiliation),
    ("same_name", _speaker_by_same_name),
    ("known_person", _speaker_known_person),
    ("description", _speaker_by_description),
    ("dateline", _speaker_by_dateline),
)
