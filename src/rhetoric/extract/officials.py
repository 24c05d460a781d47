"""Officials: who is quoted across a corpus, one row per person.

Quote rows arrive chunk by chunk (:meth:`OfficialsAggregator.add`); at the
end (:meth:`OfficialsAggregator.rows`) the speaker names are merged into
people by ordered rules:

1. ``clean``: whitespace collapsed; honorifics, titles and a leading state
   ("Russian President", "Mr.", "Dutch PM") move from the name to the titles
   and the affiliation;
2. ``gazetteer``: a name the actor gazetteer knows as a person takes its
   canonical form ("Putin", "Vladimir V. Putin" → "Vladimir Putin");
3. ``initials``: middle initials are dropped ("John F. Kelly" = "John Kelly");
4. ``surname``: a one-word name joins the full name ending in that word
   when one full name has at least three quarters of the quotes of all full
   names ending in it ("Yatsenyuk" → "Arseniy Yatsenyuk");
5. ``given name``: full names with one surname whose given names are the
   same, one an initial of the other ("V. Putin"), or transliterations one
   letter apart ("Vitali" / "Vitaly Klitschko") join.

Organisations and states ("Russia", "Red Cross") are merged only by
cleaning. Each official carries every name variant seen, the titles, the
most frequent affiliation (the quote's ``speaker_affiliation``, else its
``speaker_state`` found through the article: "Glazyev, Mr Putin's adviser",
the dateline; else the gazetteer's country for the person),
the number of quotes and of articles, and the mean compound of the quotes.

>>> officials = OfficialsAggregator()
>>> officials.add([
...     {"doc_id": "a", "speaker_name": "Vladimir Putin", "speaker_title": "President", "speaker_affiliation": None, "compound": 0.5},
...     {"doc_id": "b", "speaker_name": "President Putin", "speaker_title": None, "speaker_affiliation": None, "compound": 0.0},
...     {"doc_id": "b", "speaker_name": "Mr. Putin", "speaker_title": None, "speaker_affiliation": None, "compound": -0.5}])
>>> [(r["speaker_name"], r["titles"], r["affiliation"], r["name_variants"], r["n_quotes"], r["n_docs"]) for r in officials.rows()]
[('Vladimir Putin', ['President'], 'Russia', ['Mr. Putin', 'President Putin', 'Vladimir Putin'], 3, 2)]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pyarrow as pa

from rhetoric.lexicons import read_lexicon_table
from rhetoric.text.actors import actor_entry, find_actors

__all__ = ["OFFICIALS_SCHEMA", "OfficialsAggregator", "official_key"]

OFFICIALS_SCHEMA = pa.schema([
    ("speaker_name", pa.string()), ("titles", pa.list_(pa.string())), ("affiliation", pa.string()),
    ("name_variants", pa.list_(pa.string())),
    ("n_quotes", pa.int64()), ("n_docs", pa.int64()), ("mean_compound", pa.float64()),
])

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mr.", "mrs.", "ms.", "dr.", "prof.", "prof"}
_SURNAME_SHARE = 0.75


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    words = {row[0].lower() for row in read_lexicon_table("speaker_titles.tsv") if row}
    return frozenset(words | {"pm", "fm", "gen.", "lt.", "col.", "sen.", "rep.", "gov.", "adm.", "maj."})


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_lexicon_table("speaker_nouns.tsv")
                     if len(row) >= 2 and row[1] in ("org", "group", "document"))


@dataclass
class _Name:
    """What the quote rows say about one speaker_name as written."""

    titles: Counter[str] = field(default_factory=Counter)
    affiliations: Counter[str] = field(default_factory=Counter)
    n_quotes: int = 0
    compound_sum: float = 0.0
    docs: set[int] = field(default_factory=set)


@dataclass
class _Person:
    name: str
    is_person: bool
    variants: set[str] = field(default_factory=set)
    titles: Counter[str] = field(default_factory=Counter)
    affiliations: Counter[str] = field(default_factory=Counter)
    country: str | None = None
    n_quotes: int = 0
    compound_sum: float = 0.0
    docs: set[int] = field(default_factory=set)

    def absorb(self, other: _Person | _Name, variants: Iterable[str] = ()) -> None:
        self.variants.update(variants)
        if isinstance(other, _Person):
            self.variants.update(other.variants)
            self.country = self.country or other.country
        self.titles.update(other.titles)
        self.affiliations.update(other.affiliations)
        self.n_quotes += other.n_quotes
        self.compound_sum += other.compound_sum
        self.docs |= other.docs


def _clean(name: str) -> tuple[str, list[str], str | None]:
    """``(core name, titles taken off, affiliation taken off)``.

    >>> _clean("Russian President Vladimir Putin")
    ('Vladimir Putin', ['President'], 'Russia')
    >>> _clean("Mr.  Yatsenyuk")
    ('Yatsenyuk', [], None)
    """
    words = name.split()
    titles, affiliation = [], None
    title_words = _title_words()
    i = 0
    while i < len(words) - 1:
        low = words[i].lower()
        if low in _HONORIFICS:
            i += 1
            continue
        if low in title_words or words[i][:1].islower():
            start = i
            while i < len(words) - 1 and (words[i].lower() in title_words or words[i][:1].islower()):
                i += 1
            titles.append(" ".join(words[start:i]))
            continue
        mentions = find_actors(" ".join(words[i:]))
        if mentions and mentions[0].start == 0 and mentions[0].kind in ("state", "people") and \
                len(mentions[0].text.split()) < len(words) - i:
            affiliation = mentions[0].country
            i += len(mentions[0].text.split())
            continue
        break
    return " ".join(words[i:]), [t for t in titles if t[:1].isupper()], affiliation


def _is_person(core: str) -> bool:
    entry = actor_entry(core)
    if entry is not None:
        return entry.kind == "person"
    words = core.split()
    if len(words) == 1 and words[0].lower() in _title_words():  # "Chancellor": a role, no name
        return False
    organisation_words = _organisation_words()
    if any(word.lower().strip(".,") in organisation_words for word in words):
        return False
    return all(word[:1].isupper() or word in ("de", "van", "von", "al-", "bin", "der", "la", "le", "da", "du")
               for word in words) and len(words) <= 5


_INITIAL = re.compile(r"^[A-Z]\.$")


def official_key(core: str) -> tuple[str, str | None]:
    """``(canonical name, country)`` of a cleaned person name, by the
    gazetteer and without middle initials.

    >>> official_key("Vladimir V. Putin"), official_key("John F. Kelly")
    (('Vladimir Putin', 'Russia'), ('John Kelly', None))
    """
    entry = actor_entry(core)
    if entry is not None and entry.kind == "person":
        return entry.actor, entry.country
    words = core.split()
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if not _INITIAL.match(w)] + [words[-1]]
    name = " ".join(words)
    entry = actor_entry(name)
    if entry is not None and entry.kind == "person":
        return entry.actor, entry.country
    return name, None


def _given_names_agree(a: str, b: str) -> bool:
    """Equal, one an initial of the other ("V." / "Vladimir"), or two
    transliterations one letter apart ("Vitali" / "Vitaly", "Arseny" / "Arseniy")."""
    a, b = a.rstrip("."), b.rstrip(".")
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return min(len(a), len(b)) >= 5 and a[0] == b[0] and _one_edit_apart(a.lower(), b.lower())


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:k] + b[k + 1:] == a for k in range(len(b)))


class OfficialsAggregator:
    """Who was quoted how often, in how many articles, under which names,
    with which titles and affiliation, and the mean compound of what they
    said. Feed it quote rows (dicts with ``doc_id``, ``speaker_name``,
    ``speaker_title``, ``speaker_affiliation``, ``compound``) in any number
    of :meth:`add` calls; :meth:`rows` merges and lists them."""

    def __init__(self) -> None:
        self._names: dict[str, _Name] = {}
        self._doc_numbers: dict[str, int] = {}

    def add(self, quote_rows: Iterable[dict[str, Any]]) -> None:
        for row in quote_rows:
            name = row.get("speaker_name")
            if not isinstance(name, str) or not name.strip():  # None, or NaN from a pandas frame
                continue
            name = " ".join(name.split())
            stats = self._names.setdefault(name, _Name())
            stats.n_quotes += 1
            stats.compound_sum += row["compound"]
            if isinstance(row.get("speaker_title"), str) and row["speaker_title"].strip():
                stats.titles[" ".join(row["speaker_title"].split())] += 1
            affiliation = row.get("speaker_affiliation")
            if not (isinstance(affiliation, str) and affiliation):
                affiliation = row.get("speaker_state")  # found through the article (a description, the dateline)
            if isinstance(affiliation, str) and affiliation:
                stats.affiliations[affiliation] += 1
            stats.docs.add(self._doc_numbers.setdefault(row["doc_id"], len(self._doc_numbers)))

    def _people(self) -> list[_Person]:
        people: dict[tuple[bool, str], _Person] = {}
        for raw in sorted(self._names):
            stats = self._names[raw]
            core, titles, affiliation = _clean(raw)
            is_person = _is_person(core) and _is_person(raw)
            if not is_person:  # organisations keep their words ("Defense Ministry")
                core, titles, affiliation = raw, [], None
            key, country = official_key(core) if is_person else (core, None)
            person = people.setdefault((is_person, key), _Person(key, is_person))
            person.absorb(stats, [raw])
            person.titles.update({title: stats.n_quotes for title in titles})
            if affiliation:
                person.affiliations[affiliation] += stats.n_quotes
            person.country = person.country or country
        persons = [p for p in people.values() if p.is_person]
        merged = _merge_given_names(persons)
        merged = _merge_surnames(merged)
        return merged + [p for p in people.values() if not p.is_person]

    def rows(self) -> list[dict[str, Any]]:
        result = []
        for person in sorted(self._people(), key=lambda p: (p.name, not p.is_person)):
            affiliations = sorted(person.affiliations.items(), key=lambda item: (-item[1], item[0]))
            result.append({
                "speaker_name": person.name,
                "titles": sorted(person.titles),
                "affiliation": affiliations[0][0] if affiliations else person.country,
                "name_variants": sorted(person.variants),
                "n_quotes": person.n_quotes,
                "n_docs": len(person.docs),
                "mean_compound": round(person.compound_sum / person.n_quotes, 6),
            })
        return result


def _merge_given_names(persons: list[_Person]) -> list[_Person]:
    """Full names with one surname and agreeing given names ("V. Putin",
    "Vladimir Putin") become the most quoted of them."""
    by_surname: dict[str, list[_Person]] = {}
    for person in persons:
        words = person.name.split()
        if len(words) >= 2:
            by_surname.setdefault(words[-1], []).append(person)
    absorbed: set[int] = set()
    for group in by_surname.values():
        group.sort(key=lambda p: (-p.n_quotes, -len(p.name), p.name))
        for k, keeper in enumerate(group):
            if id(keeper) in absorbed:
                continue
            for other in group[k + 1:]:
                if id(other) not in absorbed and len(other.name.split()) == len(keeper.name.split()) and \
                        all(_given_names_agree(a, b) for a, b in zip(keeper.name.split()[:-1], other.name.split()[:-1])):
                    keeper.absorb(other)
                    absorbed.add(id(other))
    return [p for p in persons if id(p) not in absorbed]


def _merge_surnames(persons: list[_Person]) -> list[_Person]:
    """A one-word name joins the full name ending in it that has at least
    three quarters of the quotes of all such full names."""
    full_by_surname: dict[str, list[_Person]] = {}
    for person in persons:
        words = person.name.split()
        if len(words) >= 2:
            full_by_surname.setdefault(words[-1], []).append(person)
    kept = []
    for person in persons:
        if len(person.name.split()) == 1 and person.name in full_by_surname:
            candidates = full_by_surname[person.name]
            best = max(candidates, key=lambda p: (p.n_quotes, p.name))
            if best.n_quotes >= _SURNAME_SHARE * sum(p.n_quotes for p in candidates):
                best.absorb(person)
                continue
        kept.append(person)
    return kept
