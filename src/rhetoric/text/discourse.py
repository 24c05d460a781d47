"""Who an article talks about: the people, groups and states that a later
"he", "they" or "the government" can refer to, each with the state it
stands for.

A :class:`Discourse` is built once per article from its gazetteer mentions
and quotes. It holds

- ``speaker_states``: each quote's speaker state and how it was found, by
  the first of these small rules that gives one (:data:`SPEAKER_STATE_RULES`):
  ``affiliation`` (the quote extractor's), ``same_name`` (another quote of
  the same speaker_name has one), ``known_person`` (the speaker's name is a
  gazetteer person the article names: "Kim" after "Kim Jong Un"),
  ``description`` (a state word where the article describes the person:
  "Glazyev, Mr Putin's chief adviser", "Ukrainian activist Oleh Petrenko"),
  ``dateline`` (the state of the dispatch's dateline);
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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from rhetoric.lexicons import read_lexicon_lines, read_lexicon_table
from rhetoric.text.actors import actor_entry, actor_named

if TYPE_CHECKING:
    from rhetoric.extract.quotes import Quote
    from rhetoric.text.document import Document

__all__ = ["Entity", "Discourse", "SPEAKER_STATE_RULES", "family_name"]

#: Kinds of :class:`Entity`: a person (he, she); a state, a people ("Russians"), an
#: organisation, an alliance (the gazetteer's kinds); a group (a group noun or plural speaker).
ENTITY_KINDS = ("person", "state", "people", "organisation", "alliance", "group")

_HONORIFIC_GENDER = {"Mr": "m", "Mr.": "m", "Mrs": "f", "Mrs.": "f", "Ms": "f", "Ms.": "f", "Miss": "f"}
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_GROUP_SPEAKERS = {"they", "we"}
_PRONOUNS = {"he", "she", "they", "we", "it", "i", "you"}
# East Asian names in English news keep the family name first ("Kim Jong Un": Kim);
# Chicago Manual of Style 17th ed., 8.14-8.16.
_FAMILY_NAME_FIRST = frozenset({"China", "Taiwan", "North Korea", "South Korea", "Vietnam"})
_NAME_WORD = re.compile(r"[A-Z][\w'’\-]*\.?$")
_NAME_PARTICLES = frozenset({"de", "da", "van", "von", "bin", "al", "el", "la", "le", "ibn", "der", "del", "di"})


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


def _country(affiliation: str | None) -> str | None:
    if not affiliation:
        return None
    entry = actor_entry(affiliation)
    return entry.country if entry is not None else affiliation


def _is_state(name: str) -> bool:
    entry = actor_named(name)
    return entry is not None and entry.kind == "state"


def family_name(name: str, state: str | None = None) -> str:
    """The word of a person's name that the article repeats alone: the last
    ("Vladimir Putin": Putin), or the first for an East Asian state's person.

    >>> family_name("Adam Osmayev"), family_name("Kim Jong-un", "North Korea")
    ('Osmayev', 'Kim')
    """
    words = name.split()
    return words[0] if state in _FAMILY_NAME_FIRST and len(words) >= 2 else words[-1]


def _is_person_name(name: str | None) -> bool:
    """A speaker_name that is a person's name: capitalised words, not a known non-person actor."""
    if not name:
        return False
    words = name.split()
    if not 1 <= len(words) <= 5 or not all(_NAME_WORD.match(w) or w in _NAME_PARTICLES for w in words):
        return False
    entry = actor_entry(name)
    return entry is None or entry.kind == "person"


def _is_full_person_name(quote: Quote) -> bool:
    """A speaker_name known to be a person's: two or more words, or one with a title or honorific."""
    name = quote.speaker_name
    speaker = f" {quote.speaker or ''} "
    if not _is_person_name(name) or any(f" {word} {name} " in speaker or f" {word} the {name} " in speaker
                                        for word in ("of", "in", "at", "from")):
        return False  # "Prime Minister of Crimea": a place, not a name
    return len((name or "").split()) >= 2 or bool(quote.speaker_title) or \
        (quote.speaker or "").split()[0] in _HONORIFIC_GENDER


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Lower-case words that may stand before a name without being part of it."""
    from rhetoric.extract.quotes.lexicon import _HONORIFICS

    return frozenset(read_lexicon_lines("office_heads.txt")) | frozenset(_HONORIFICS) | {
        "vice", "deputy", "foreign", "defence", "defense", "prime", "chief", "former", "acting", "interior"}


@lru_cache(maxsize=1)
def _groups() -> tuple[re.Pattern[str], dict[str, str]]:
    """(pattern, word → actor label) of ``lexicons/actor_groups.tsv``."""
    actors = {word.lower(): actor for word, actor in read_lexicon_table("actor_groups.tsv")}
    words = "|".join(re.escape(w) for w in sorted(actors, key=len, reverse=True))
    return re.compile(rf"\b({words})\b", re.IGNORECASE), actors


# --------------------------------------------------------------------------
# speaker states
# --------------------------------------------------------------------------

_DATELINE_STATE = re.compile(r"(?:^|\n\n)\s*[A-Z][A-Z .'’\-]{2,30},\s+([A-Z][\w .'’\-]{2,30}?)\s*(?:\([^)\n]{1,40}\))?\s*(?:—|–|--|-)\s")
# after a name, a noun phrase: "Glazyev, Mr Putin's adviser,", ", who is the Russian envoy,", ", a Ukrainian MP,"
_APPOSITIVE = re.compile(r",\s+((?:who\s+(?:is|was|has\s+been|had\s+been)\s+|an?\s+|the\s+|his\s+|her\s+|its\s+|"
                         r"also\s+|then\s+|now\s+|former\s+|[A-Z])[^,.;:“”\"()]{2,120})[,.;)]")
# before a name: "Ukrainian activist Oleh Petrenko", "a Ukrainian volunteer, Oleh Petrenko",
# "Trump's ambassador to the U.N., Nikki Haley", "Russia's envoy Vitaly Churkin"
_ROLE_WORDS = r"(?:[a-z][\w\-]*,?\s+){0,3}(?:(?:to|at|of|for)\s+the\s+[A-Z][\w.]*,?\s+)?"
_PREMODIFIER = re.compile(r"([A-Z][\w'’\-]+)\s+" + _ROLE_WORDS + r"$")
_POSSESSOR = re.compile(r"([A-Z][\w\-]+)['’]s\s+" + _ROLE_WORDS + r"$")


def _described_state(doc: Document, name: str) -> str | None:
    """A state the article gives the person named ``name`` where it describes
    them: in an appositive or relative clause after the name ("Glazyev, who is
    Mr Putin's adviser,") or in a nationality word before it ("a Ukrainian
    volunteer, Oleh Petrenko", "Russian activist Olga Kurnosova")."""
    words = name.split()
    if len(words) < 2:
        return None
    for start, end in _whole_words(doc.text, [name, words[-1]]):
        for pattern_before, kinds in ((_PREMODIFIER, ("people",)), (_POSSESSOR, ("state", "person"))):
            before = pattern_before.search(doc.text, max(0, start - 80), start)
            if before is not None:
                state = _first_state(doc, before.start(1), before.end(1), kinds=kinds)
                if state:
                    return state
        after = _APPOSITIVE.match(doc.text, end)
        if after is not None:
            state = _first_state(doc, after.start(1), after.end(1))
            if state:
                return state
    return None


def _first_state(doc: Document, start: int, end: int, kinds: Iterable[str] = ("state", "people", "person",
                                                                               "organisation")) -> str | None:
    for mention in doc.actor_mentions:
        if mention.start >= end:
            break
        if mention.start >= start and mention.kind in kinds and mention.country:
            if _names_a_side(doc.text, mention.start, mention.end):
                continue

            return mention.country
    return None


_SIDE_BEFORE = re.compile(r"(?:pro|anti)-$", re.IGNORECASE)
_SIDE_AFTER = re.compile(r"-(?:backed|supported|sponsored|friendly|leaning)\b")


def _names_a_side(text: str, start: int, end: int) -> bool:
    """A state word that says whom someone supports or is backed by, not whose
    they are: "pro-Russian", "anti-Kremlin", "Russian-backed"."""
    return bool(_SIDE_BEFORE.search(text, max(0, start - 5), start) or _SIDE_AFTER.match(text, end))


def _speaker_by_affiliation(discourse: Discourse, quote: Quote) -> str | None:
    return _country(quote.speaker_affiliation)


def _speaker_by_same_name(discourse: Discourse, quote: Quote) -> str | None:
    return discourse._affiliation_by_name.get(quote.speaker_name or "")


def _speaker_known_person(discourse: Discourse, quote: Quote) -> str | None:
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    words = [w for w in discourse.doc.text[quote.speaker_start:quote.speaker_end].split() if w[:1].isupper()]
    if not words:
        return None
    person = discourse._gazetteer_persons.get(words[-1].strip(".,’'s"))
    return person[1] if person else None


def _speaker_by_description(discourse: Discourse, quote: Quote) -> str | None:
    if not _is_person_name(quote.speaker_name):
        return None
    return discourse._described(quote.speaker_name or "")


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


# --------------------------------------------------------------------------
# the discourse model
# --------------------------------------------------------------------------

class Discourse:
    """The article's actors for reference resolution (see the module doc)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def dateline(self) -> str:
        """The state of the dispatch's dateline: its place when that is a
        capital ("KIEV, March 3 (RIA Novosti) -"), else a state named right
        after it ("SIMFEROPOL, Ukraine (AFP) -"); else ""."""
        from rhetoric.extract.quotes.speakers import _dateline_state

        text = self.doc.text
        found = _dateline_state(text)
        if found:
            return found
        match = _DATELINE_STATE.search(text[:400])
        if match is None:
            return ""
        entry = actor_entry(match.group(1))
        return entry.country if entry is not None and entry.kind == "state" else ""

    @cached_property
    def dominant(self) -> str | None:
        """The state the article names most (ties: the state named first)."""
        counts = Counter(m.country for m in self.doc.actor_mentions if m.country and _is_state(m.country))
        return counts.most_common(1)[0][0] if counts else None

    @cached_property
    def _affiliation_by_name(self) -> dict[str, str]:
        by_name: dict[str, str] = {}
        for quote in self.doc.quotes:
            state = _country(quote.speaker_affiliation)
            if quote.speaker_name and state:
                by_name.setdefault(quote.speaker_name, state)
        return by_name

    @cached_property
    def _gazetteer_persons(self) -> dict[str, tuple[str, str]]:
        """Family name → (name, state) of the gazetteer persons the article names."""
        persons: dict[str, tuple[str, str]] = {}
        for mention in self.doc.actor_mentions:
            if mention.kind == "person" and mention.country:
                persons.setdefault(family_name(mention.actor, mention.country), (mention.actor, mention.country))
        return persons

    def _described(self, name: str) -> str | None:
        memo = self._description_memo
        if name not in memo:
            memo[name] = _described_state(self.doc, name)
        return memo[name]

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
            gender = _PRONOUN_GENDER.get(quote.speaker.lower()) or _HONORIFIC_GENDER.get(first)
            if gender:
                genders.setdefault(quote.speaker_name, gender)
        return genders

    @cached_property
    def entities(self) -> list[Entity]:
        """Every span naming a person, group or state, in text order (see the module doc)."""
        doc = self.doc
        found: dict[tuple[int, int], Entity] = {}
        for mention in doc.actor_mentions:
            if _names_a_side(doc.text, mention.start, mention.end):
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
            if _is_full_person_name(quote) and (state or quote.speaker_name not in people):
                people[quote.speaker_name or ""] = state
        taken = sorted(found)
        for start, end, label in self.group_nouns:
            index = bisect_left(taken, (start, end))
            if not any(start < e and end > s for s, e in taken[max(0, index - 2):index + 2]):
                found[start, end] = Entity(start, end, doc.text[start:end], "group", label, label)
        taken = sorted(found)
        for name, state in people.items():
            for start, end in _name_occurrences(doc.text, name, state):
                index = bisect_left(taken, (start, start))
                if not any(s < end and e > start for s, e in taken[max(0, index - 2):index + 2]):
                    found[start, end] = Entity(start, end, doc.text[start:end], "person", name, state,
                                               self._genders.get(name))
        return sorted((_with_honorific_gender(doc.text, e) for e in found.values()), key=lambda e: (e.start, e.end))

    @cached_property
    def group_nouns(self) -> list[tuple[int, int, str]]:
        """(start, end, label) of each group noun of ``lexicons/actor_groups.tsv`` ("separatists")."""
        pattern, groups = _groups()
        return [(m.start(), m.end(), groups[m.group().lower()]) for m in pattern.finditer(self.doc.text)]

    @cached_property
    def direct_quotes(self) -> tuple[list[int], list[tuple[int, int, int]]]:
        """(starts, [(start, end, index in doc.quotes)]) of the direct quotations, by start."""
        spans = sorted((q.content_start, q.content_end, i) for i, q in enumerate(self.doc.quotes) if q.kind == "direct")
        return [start for start, _, _ in spans], spans

    @cached_property
    def _sentence_starts(self) -> list[int]:
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


def _with_honorific_gender(text: str, entity: Entity) -> Entity:
    """A person written after "Mr", "Mrs" or "Ms" has that gender."""
    if entity.kind != "person" or entity.gender:
        return entity
    honorific = _HONORIFIC_BEFORE.search(text, max(0, entity.start - 6), entity.start)
    if honorific is None:
        return entity
    return Entity(entity.start, entity.end, entity.text, entity.kind, entity.name, entity.state,
                  _HONORIFIC_GENDER[honorific.group(1)])


_NEXT_NAME_WORD = re.compile(r"\s+([A-Z][\w\-]*)")
_PREVIOUS_NAME_WORD = re.compile(r"([A-Z][\w\-]*)(\.?)\s+$")


def _whole_words(text: str, words: Iterable[str]) -> Iterable[tuple[int, int]]:
    """(start, end) of each occurrence of any of ``words`` in ``text`` as a
    whole word (no letter, digit or hyphen either side), longest first at a
    position, in text order."""
    found: dict[int, int] = {}
    for word in sorted(set(words), key=len, reverse=True):
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-_")) and \
                    (end == len(text) or not (text[end].isalnum() or text[end] in "-_")) and start not in found:
                found[start] = end
            start = text.find(word, start + 1)
    return sorted(found.items())


def _name_occurrences(text: str, name: str, state: str | None) -> Iterable[tuple[int, int]]:
    """Where ``text`` writes the person ``name`` in full or by family name alone,
    not as part of another name ("Kim" in "Kim Jong Il" is not Kim Jong Un)."""
    words = name.split()
    own = set(words)
    last_end = -1
    for start, end in _whole_words(text, [name] + ([family_name(name, state)] if len(words) >= 2 else [])):
        if start < last_end:
            continue  # the family name inside the full name
        after = _NEXT_NAME_WORD.match(text, end, min(len(text), end + 30))
        if after and after.group(1) not in own:
            continue  # "Glazyev Street", "Kim Jong Il"
        before = _PREVIOUS_NAME_WORD.search(text, max(0, start - 30), start)
        if before and before.group(1) not in own and before.group(1).lower() not in _title_words() \
                and not before.group(2) and not _opens_sentence(text, before.start()):
            continue  # another given name: "Ramzan Kadyrov" is not "Akhmad Kadyrov"
        last_end = end
        yield start, end


def _opens_sentence(text: str, position: int) -> bool:
    head = text[max(0, position - 3):position].rstrip(" “\"'‘")
    return not head or head[-1] in ".!?\n"
