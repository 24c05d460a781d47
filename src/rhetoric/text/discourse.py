"""Who an article talks about: the people, groups and states that a later
"he", "they" or "the government" can refer to, each with the state it
stands for.

A :class:`Discourse` is built once per article from its gazetteer mentions
and quotes. It holds

- ``speaker_states``: each quote's speaker state and the rule that found it
  (:data:`rhetoric.text.speaker_states.SPEAKER_STATE_RULES`: the quote's
  affiliation, the same speaker elsewhere, a gazetteer person, the person's
  description in the article, the dateline);
- ``entities``: every span that names a person, a group or a state, in text
  order: gazetteer mentions, quote speakers, and each later occurrence of a
  quoted person's name or surname ("Osmayev" after "Adam Osmayev said");
- ``dominant``: the state the article names most (its organs and leaders
  counted: "the FBI", "Putin").

>>> from rhetoric.text.document import Document
>>> doc = Document("Sergei Glazyev, Mr Putin's chief adviser, spoke. “We are ready,” Glazyev said.")
>>> discourse = Discourse(doc)
>>> discourse.speaker_states
[('Russia', 'description')]
>>> [(e.text, e.kind, e.state) for e in discourse.entities]
[('Sergei Glazyev', 'person', 'Russia'), ('Putin', 'person', 'Russia'), ('Glazyev', 'person', 'Russia')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from rhetoric.lexicons import read_lexicon_table
from rhetoric.text.actors import actor_named
from rhetoric.text.names import HONORIFIC_GENDER, family_name, is_full_person_name, name_occurrences, whole_words
from rhetoric.text.datelines import dateline_state
from rhetoric.text.speaker_states import (SPEAKER_STATE_RULES, country_of, described_state, description_spans,
                                         names_a_side)

if TYPE_CHECKING:
    from rhetoric.text.document import Document

__all__ = ["Entity", "Discourse", "ENTITY_KINDS"]

#: Kinds of :class:`Entity`: a person (he, she); a state, a people ("Russians"), an
#: organisation, an alliance (the gazetteer's kinds); a group (a group noun or plural speaker).
ENTITY_KINDS = ("person", "state", "people", "organisation", "alliance", "group")

_PRONOUN_GENDER = {"he": "m", "she": "f"}
_GROUP_SPEAKERS = {"they", "we"}
_PRONOUNS = {"he", "she", "they", "we", "it", "i", "you"}


@dataclass(frozen=True, slots=True)
class Entity:
    """A span that names or stands for an actor: ``text == doc.text[start:end]``.
    ``name`` is the person's or actor's name, ``state`` the state or body it
    belongs to (None when unknown), ``gender`` "m", "f" or None."""

    start: int
    end: int
    text: str
    kind: str
    name: str
    state: str | None
    gender: str | None = None


def _is_state(name: str) -> bool:
    entry = actor_named(name)
    return entry is not None and entry.kind == "state"


_SEPARATISTS = "separatists"
# a group word and its title just before a name: "rebel commander ", "a separatist leader, "
_TITLE_BEFORE = re.compile(r"[\w-]+\s+(?:[a-z][\w-]*\s+)?(?P<noun>[a-z][\w-]*),?\s+$")

_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+$")


def _owned_by(text: str, start: int, name_ends: set[int]) -> bool:
    """Whether the words at ``start`` follow a name's possessive ("Japan's ___")."""
    possessive = _POSSESSIVE_BEFORE.search(text, max(0, start - 4), start)
    return possessive is not None and possessive.start() in name_ends


_ONE_SIDE = frozenset({"rebels", "insurgents", "militants", "militias", "gunmen"})


@lru_cache(maxsize=1)
def _groups() -> tuple[re.Pattern[str], dict[str, str]]:
    """(pattern, word → actor label) of ``lexicons/actor_groups.tsv``."""
    actors = {word.lower(): actor for word, actor in read_lexicon_table("actor_groups.tsv")}
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(actors, key=len, reverse=True))
    return re.compile(rf"\b({words})\b", re.IGNORECASE), actors


# --------------------------------------------------------------------------
# the discourse model
# --------------------------------------------------------------------------

class Discourse:
    """The article's actors for reference resolution (see the module doc)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def dateline(self) -> str:
        """The state of the dispatch's dateline, or "" (:func:`~rhetoric.text.datelines.dateline_state`)."""
        return dateline_state(self.doc.text)

    @cached_property
    def dominant(self) -> str | None:
        """The state the article names most (ties: the state named first)."""
        counts = Counter(m.country for m in self.doc.actor_mentions if m.country and _is_state(m.country))
        return counts.most_common(1)[0][0] if counts else None

    @cached_property
    def affiliation_by_name(self) -> dict[str, str]:
        by_name: dict[str, str] = {}
        for quote in self.doc.quotes:
            state = country_of(quote.speaker_affiliation)
            if quote.speaker_name and state:
                by_name.setdefault(quote.speaker_name, state)
        return by_name

    @cached_property
    def gazetteer_persons(self) -> dict[str, tuple[str, str]]:
        """Family name → (name, state) of the gazetteer persons the article names."""
        persons: dict[str, tuple[str, str]] = {}
        for mention in self.doc.actor_mentions:
            if mention.kind == "person" and mention.country:
                persons.setdefault(family_name(mention.actor, mention.country), (mention.actor, mention.country))
        return persons

    def described(self, name: str) -> str | None:
        """The state the article's description of the person ``name`` gives, or None (memoised)."""
        memo = self._description_memo
        if name not in memo:
            memo[name] = described_state(self.doc, name) or self._described_group(name)
        return memo[name]

    def _described_group(self, name: str) -> str | None:
        """The label of a group noun that describes the person named ``name``:
        in an appositive ("Denis Pushilin, a separatist leader,") or before
        their title ("rebel commander Igor Strelkov", "a separatist leader,
        Denis Pushilin")."""
        text = self.doc.text
        spans = [(start, end) for start, end, _ in description_spans(text, name)]
        words = name.split()
        if len(words) >= 2:
            for start, _end in whole_words(text, [name]):
                titled = _TITLE_BEFORE.search(text, max(0, start - 60), start)
                if titled is not None and _speaker_noun_kinds().get(titled.group("noun").lower()) == "person":
                    spans.append((titled.start(), titled.start("noun")))
        for start, end in spans:
            for g_start, g_end, label in self.group_nouns:
                if start <= g_start and g_end <= end:
                    return label
        return None

    @cached_property
    def _description_memo(self) -> dict[str, str | None]:
        return {}

    @cached_property
    def speaker_states(self) -> list[tuple[str | None, str | None]]:
        """(state, rule) of each quote's speaker, in ``doc.quotes`` order; (None, None) when no rule gives one."""
        result: list[tuple[str | None, str | None]] = []
        for quote in self.doc.quotes:
            found: tuple[str | None, str | None] = (None, None)
            if quote.speaker_start is not None:
                for rule, function in SPEAKER_STATE_RULES:
                    state = function(self, quote)
                    if state:
                        found = (state, rule)
                        break
            result.append(found)
        return result

    @cached_property
    def _genders(self) -> dict[str, str]:
        """speaker_name → gender, from a pronoun speaker ("she said") or an honorific ("Mr Glazyev")."""
        genders: dict[str, str] = {}
        for quote in self.doc.quotes:
            if not quote.speaker_name or not quote.speaker:
                continue
            first = quote.speaker.split()[0]
            gender = _PRONOUN_GENDER.get(quote.speaker.lower()) or HONORIFIC_GENDER.get(first)
            if gender:
                genders.setdefault(quote.speaker_name, gender)
        return genders

    @cached_property
    def entities(self) -> list[Entity]:
        """Every span naming a person, group or state, in text order (see the module doc)."""
        doc = self.doc
        found: dict[tuple[int, int], Entity] = {}
        for mention in doc.actor_mentions:
            if names_a_side(doc.text, mention.start, mention.end):
                continue  # "pro-Russian", "Kremlin-backed": no antecedent
            kind = mention.kind  # person, state, people, organisation, alliance
            found[mention.start, mention.end] = Entity(mention.start, mention.end, mention.text, kind,
                                                       mention.actor, mention.country or None)
        people: dict[str, str | None] = {}
        for quote, (state, _) in zip(doc.quotes, self.speaker_states):
            if quote.speaker_start is None or quote.speaker_end is None:
                continue
            span = (quote.speaker_start, quote.speaker_end)
            speaker = doc.text[span[0]:span[1]]
            name = quote.speaker_name or speaker
            if speaker.lower() in _PRONOUNS and not quote.speaker_name and not state:
                continue  # "we said" with no one behind it is no antecedent
            plural = speaker.lower() in _GROUP_SPEAKERS or (not quote.speaker_name and speaker.endswith("s"))
            gender = _PRONOUN_GENDER.get(speaker.lower()) or self._genders.get(name)
            if span not in found or found[span].state is None:
                found[span] = Entity(span[0], span[1], speaker, "group" if plural else "person", name, state, gender)
            if is_full_person_name(quote) and (state or quote.speaker_name not in people):
                people[quote.speaker_name or ""] = state
        taken = sorted(found)
        for start, end, label in self.group_nouns:
            index = bisect_left(taken, (start, end))
            if not any(start < e and end > s for s, e in taken[max(0, index - 2):index + 2]):
                found[start, end] = Entity(start, end, doc.text[start:end], "group", label, label)
        taken = sorted(found)
        for name, state in people.items():
            for start, end in name_occurrences(doc.text, name, state):
                index = bisect_left(taken, (start, start))
                if not any(s < end and e > start for s, e in taken[max(0, index - 2):index + 2]):
                    found[start, end] = Entity(start, end, doc.text[start:end], "person", name, state,
                                               self._genders.get(name))
        return sorted((_with_honorific_gender(doc.text, e) for e in found.values()), key=lambda e: (e.start, e.end))

    @cached_property
    def group_nouns(self) -> list[tuple[int, int, str]]:
        """(start, end, label) of each group noun of ``lexicons/actor_groups.tsv`` ("separatists").

        In an article whose armed side is mostly named as separatists (the
        noun, or a body the gazetteer places with them: "the Donetsk People's
        Republic"), its rebels, insurgents, militants and militias are those
        separatists: one insurgent side, named by different words."""
        pattern, groups = _groups()
        text = self.doc.text
        named = [(m.start, m.end) for m in self.doc.actor_mentions]
        owners = {m.end for m in self.doc.actor_mentions}
        # a group noun inside a name the gazetteer resolved, or owned by a
        # named state ("Japan's Self-Defense Forces"), is that name's
        found = [(m.start(), m.end(), groups[" ".join(m.group().lower().split())])
                 for m in pattern.finditer(text)
                 if not any(start < m.end() and m.start() < end for start, end in named)
                 and not _owned_by(text, m.start(), owners)]
        counts = Counter(label for _s, _e, label in found)
        counts[_SEPARATISTS] += sum(1 for m in self.doc.actor_mentions if m.country == _SEPARATISTS)
        if counts[_SEPARATISTS] and counts[_SEPARATISTS] >= max(counts.values()):
            found = [(s, e, _SEPARATISTS if label in _ONE_SIDE else label) for s, e, label in found]
        return found

    @cached_property
    def direct_quotes(self) -> tuple[list[int], list[tuple[int, int, int]]]:
        """(starts, [(start, end, index in doc.quotes)]) of the direct quotations, by start."""
        spans = sorted((q.content_start, q.content_end, i) for i, q in enumerate(self.doc.quotes) if q.kind == "direct")
        return [start for start, _, _ in spans], spans

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.doc.sentences]

    @cached_property
    def _entity_starts(self) -> list[int]:
        return [entity.start for entity in self.entities]

    def between(self, start: int, end: int) -> list[Entity]:
        """Entities inside ``[start, end)``, in text order."""
        index = bisect_left(self._entity_starts, start)
        found = []
        for entity in self.entities[index:]:
            if entity.start >= end:
                break
            if entity.end <= end:
                found.append(entity)
        return found

    def preceding(self, position: int, earliest: int) -> Iterable[Entity]:
        """Entities that end before ``position`` and start at or after ``earliest``, nearest first."""
        index = bisect_left(self._entity_starts, position)
        for entity in reversed(self.entities[:index]):
            if entity.start < earliest:
                return
            if entity.end <= position:
                yield entity


_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")


def _speaker_noun_kinds() -> dict[str, str]:
    """word → kind of ``lexicons/speaker_nouns.tsv``, as the quote extractor
    reads it (a title such as "leader" is a person)."""
    from rhetoric.extract.quotes.lexicon import _lexicons  # imported when first needed, as names.py does
    return _lexicons().noun_kind


def _with_honorific_gender(text: str, entity: Entity) -> Entity:
    """A person written after "Mr", "Mrs" or "Ms" has that gender."""
    if entity.kind != "person" or entity.gender:
        return entity
    honorific = _HONORIFIC_BEFORE.search(text, max(0, entity.start - 6), entity.start)
    if honorific is None:
        return entity
    return Entity(entity.start, entity.end, entity.text, entity.kind, entity.name, entity.state,
                  HONORIFIC_GENDER[honorific.group(1)])
