"""Actor mentions: states, organisations, armed groups and leaders in news text.

The world gazetteer is built, in this order (a later alias replaces an
earlier one), from:

1. ``pycountry``: every ISO 3166-1 country name and official name;
2. ``lexicons/actors_states.tsv``: canonical short names, other names,
   adjectives and demonyms, capitals and seats of government;
3. ``lexicons/actors_organisations.tsv`` (IGOs and alliances),
   ``lexicons/actors_armed_groups.tsv`` and ``lexicons/actors.tsv``
   (state organs, media, leaders; blockers of kind ``none``);
4. ``lexicons/actors_short_forms.tsv``: forms resolved from context;
5. a researcher's own table (:func:`load_actors_file`, :func:`use_actors`).

Matching is case-sensitive on word boundaries (a hyphen may follow, as in
"U.S.-led"), longest alias first. A short
form ("the North", "the Kingdom") resolves to the candidate whose state the
article mentions most, and a standalone form is never read inside a longer
proper name ("the North Atlantic", "Chad Wolf"); a state followed by a
name head ("Washington Post", "Indian Ocean") is part of that name.

>>> [(m.text, m.actor, m.country) for m in find_actors("Pyongyang warned Washington and the Pentagon.")]
[('Pyongyang', 'North Korea', 'North Korea'), ('Washington', 'United States', 'United States'), ('Pentagon', 'Pentagon', 'United States')]
>>> [(m.text, m.actor) for m in find_actors("Seoul said the North fired a missile over the North Atlantic.")]
[('Seoul', 'South Korea'), ('the North', 'North Korea')]
>>> canonical_country("South Korean"), canonical_country("Kyiv"), canonical_country("the OSCE")
('South Korea', 'Ukraine', 'OSCE')
>>> [m.country for m in find_actors("the Donetsk People’s Republic")]
['separatists']
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Union

from rhetoric.lexicons import read_lexicon_lines, read_lexicon_table

if TYPE_CHECKING:
    from rhetoric.text.document import Document

__all__ = ["ActorMention", "ActorEntry", "ActorsFileError", "find_actors", "actor_entry", "actor_named",
           "canonical_country", "state_adjective", "actor_table", "dominant_states", "load_actors_file", "use_actors",
           "user_actors", "ACTOR_KINDS"]

log = logging.getLogger(__name__)

#: The kinds an alias can have; ``none`` marks a name that is no actor
#: ("Latin America", "Bank of America") and only shadows shorter aliases.
ACTOR_KINDS = ("state", "people", "organisation", "alliance", "person", "none")
_STATE_KINDS = ("state", "people")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One alias of an actor in the gazetteer.

    ``candidates`` is set for short forms only: the actors the alias may
    stand for; ``default`` the one taken without context support;
    ``support`` states whose mention also supports the first candidate
    ("South Korea" for "the North").
    """

    alias: str
    actor: str
    kind: str
    country: str
    code: str = ""
    candidates: tuple[str, ...] = ()
    default: str = ""
    standalone: bool = False
    support: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention of an actor: ``text == source[start:end]``; ``code`` is the
    ISO 3166-1 alpha-3 code of the country when it is a state."""

    start: int
    end: int
    text: str
    actor: str
    kind: str
    country: str
    code: str = ""


class ActorsFileError(ValueError):
    """A user actors table that cannot be read; the message names the file and row."""


# --------------------------------------------------------------------------
# Building the gazetteer
# --------------------------------------------------------------------------

def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _plural(adjective: str) -> str | None:
    if adjective.endswith(("n", "i", "er")) and " " not in adjective:
        return adjective + "s"
    return None


def _pycountry_entries(canonical: dict[str, str]) -> Iterator[ActorEntry]:
    import pycountry

    for country in pycountry.countries:
        code = country.alpha_3
        name = canonical.get(code) or getattr(country, "common_name", None) or country.name
        for alias in (country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)):
            if alias and "," not in alias and "(" not in alias:
                yield ActorEntry(alias, name, "state", name, code)


def _state_rows() -> list[tuple[str, ...]]:
    return [row + ("",) * (5 - len(row)) for row in read_lexicon_table("actors_states.tsv")]


def _state_entries() -> Iterator[ActorEntry]:
    for code, name, names, adjectives, seats in _state_rows():
        for alias in [name, *_split(names), *_split(seats)]:
            yield ActorEntry(alias, name, "state", name, code)
        for adjective in _split(adjectives):
            yield ActorEntry(adjective, name, "people", name, code)
            plural = _plural(adjective)
            if plural:
                yield ActorEntry(plural, name, "people", name, code)


def _table_entries(name: str) -> Iterator[ActorEntry]:
    for row in read_lexicon_table(name):
        alias, actor, kind, country = (row + ("", "", "", ""))[:4]
        yield ActorEntry(alias, actor, kind, country)


@lru_cache(maxsize=1)
def _base_table() -> dict[str, ActorEntry]:
    canonical = {row[0]: row[1] for row in _state_rows()}
    codes = {name: code for code, name in canonical.items()}
    table: dict[str, ActorEntry] = {}
    for entry in _pycountry_entries(canonical):
        table[entry.alias] = entry
    for entry in _state_entries():
        table[entry.alias] = entry
    for name in ("actors_organisations.tsv", "actors_armed_groups.tsv", "actors.tsv"):
        for entry in _table_entries(name):
            table[entry.alias] = _with_code(entry, codes)
    by_actor = _primary_entries(table)
    for row in read_lexicon_table("actors_short_forms.tsv"):
        alias, candidates, default, standalone, support = (row + ("",) * 5)[:5]
        table[alias] = _short_form(alias, _split(candidates), default, standalone == "yes", _split(support), by_actor)
    return table


def _with_code(entry: ActorEntry, codes: dict[str, str]) -> ActorEntry:
    code = codes.get(entry.country, "")
    if code == entry.code:
        return entry
    return ActorEntry(entry.alias, entry.actor, entry.kind, entry.country, code,
                      entry.candidates, entry.default, entry.standalone, entry.support)


def _primary_entries(table: dict[str, ActorEntry]) -> dict[str, ActorEntry]:
    """Actor name → the entry that represents it (its own name as alias when listed)."""
    by_actor: dict[str, ActorEntry] = {}
    for entry in table.values():
        if entry.kind == "none" or entry.candidates:
            continue
        current = by_actor.get(entry.actor)
        if current is None or (entry.alias == entry.actor and current.alias != current.actor):
            by_actor[entry.actor] = entry
    return by_actor


def _short_form(alias: str, candidates: list[str], default: str, standalone: bool, support: list[str],
                by_actor: dict[str, ActorEntry]) -> ActorEntry:
    unknown = [name for name in [*candidates, *([default] if default else [])] if name not in by_actor]
    if unknown:
        raise ValueError(f"actors_short_forms.tsv: {alias!r} names unknown actors {unknown}")
    first = by_actor[default or candidates[0]]
    return ActorEntry(alias, first.actor, first.kind, first.country, first.code,
                      tuple(candidates), default, standalone, tuple(support))


_USER: tuple[ActorEntry, ...] = ()


def actor_table() -> dict[str, ActorEntry]:
    """Alias → entry: the shipped gazetteer plus the user table in use."""
    return _table_with(_USER)


@lru_cache(maxsize=4)
def _table_with(user: tuple[ActorEntry, ...]) -> dict[str, ActorEntry]:
    table = dict(_base_table())
    codes = {entry.actor: entry.code for entry in table.values() if entry.kind == "state" and entry.code}
    for entry in user:
        table[entry.alias] = _with_code(entry, codes)
        for article in ("the ", "The "):  # "Kremlin" also replaces the shipped "the Kremlin"
            if article + entry.alias in table:
                table[article + entry.alias] = _with_code(replace(entry, alias=article + entry.alias), codes)
    return _with_typographic_apostrophes(table)


def _with_typographic_apostrophes(table: dict[str, ActorEntry]) -> dict[str, ActorEntry]:
    """Each alias written with a straight apostrophe also with a typographic
    one: "Donetsk People’s Republic", "Kata’ib Hezbollah"."""
    for alias, entry in list(table.items()):
        if "'" in alias:
            table.setdefault(alias.replace("'", "’"), replace(entry, alias=alias.replace("'", "’")))
    return table


@lru_cache(maxsize=4)
def _actor_index(user: tuple[ActorEntry, ...]) -> dict[str, ActorEntry]:
    return _primary_entries(_table_with(user))


def actor_named(actor: str) -> ActorEntry | None:
    """The entry that stands for the actor called ``actor`` ("Russia", "NATO").

    >>> actor_named("Russia").code, actor_named("NATO").kind
    ('RUS', 'alliance')
    """
    return _actor_index(_USER).get(actor)


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_FIRST_WORD = re.compile(r"\w+")
# Capitalised words that open a sentence or clause and so never join a name.
_FUNCTION_WORDS = frozenset("""a an the and or but nor for so yet as at by in of on to up with from into onto
    over under after before since until while when where if though although because than that this these those
    his her its their our my your we they he she it i said says told also then now why how what who which
    meanwhile however monday tuesday wednesday thursday friday saturday sunday""".split())


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    return frozenset(read_lexicon_lines("actors_name_heads.txt"))


@lru_cache(maxsize=4)
def _by_first_word(user: tuple[ActorEntry, ...]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for alias in _table_with(user):
        first = _FIRST_WORD.match(alias)
        if first is None or first.start() != 0:
            raise ValueError(f"actor alias {alias!r} must start with a letter or digit")
        index.setdefault(first.group(), []).append(alias)
    return {word: tuple(sorted(aliases, key=len, reverse=True)) for word, aliases in index.items()}


_WORD_BEFORE = re.compile(r"([A-Z][\w'’.\-]*) $")
_WORD_AFTER = re.compile(r" ([A-Z][\w'’\-]*)")


def _joins_name_before(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or before.group(1).endswith("."):  # "... Seoul. Jordan said": a sentence ends
        return False
    return before.group(1).lower() not in _FUNCTION_WORDS


def _word_after(text: str, end: int) -> str | None:
    after = _WORD_AFTER.match(text, end)
    return after.group(1) if after else None


def _raw_mentions(text: str, user: tuple[ActorEntry, ...]) -> list[tuple[int, int, ActorEntry]]:
    """Longest alias matches, left to right, before context resolution."""
    table = _table_with(user)
    index = _by_first_word(user)
    heads = _name_heads()
    found: list[tuple[int, int, ActorEntry]] = []
    position = 0
    for word in _WORD.finditer(text):
        start = word.start()
        if start < position:
            continue
        aliases = index.get(word.group())
        if not aliases or (start and text[start - 1] in "._" ) or (start and text[start - 1].isalnum()):
            continue
        for alias in aliases:
            end = start + len(alias)
            # a hyphen may follow: "U.S.-led", "Kremlin-backed", "US-South Korean" name the actor
            if not text.startswith(alias, start) or (end < len(text) and (text[end].isalnum() or text[end] == "_")):
                continue
            entry = table[alias]
            after = _word_after(text, end)
            if entry.standalone and (_joins_name_before(text, start) or (after and after.lower() not in _FUNCTION_WORDS)):
                continue
            if entry.kind in _STATE_KINDS and after in heads:
                # "Washington Post", "Indian Ocean", "South Stream": a longer name, not the state
                entry = ActorEntry(alias, "", "none", "")
                end = _WORD_AFTER.match(text, end).end()
            found.append((start, end, entry))
            position = end
            break
    return found


def _evidence(raw: Iterable[tuple[int, int, ActorEntry]]) -> Counter[str]:
    """How often each country is named without ambiguity."""
    return Counter(entry.country for _, _, entry in raw if entry.kind != "none" and not entry.candidates)


def _resolve(entry: ActorEntry, evidence: Counter[str], user: tuple[ActorEntry, ...]) -> ActorEntry | None:
    index = _actor_index(user)
    best, best_count = None, 0
    for number, name in enumerate(entry.candidates):
        candidate = index[name]
        count = evidence.get(candidate.country, 0)
        if number == 0:
            count += sum(evidence.get(state, 0) for state in entry.support)
        if count > best_count:
            best, best_count = candidate, count
    if best is None and entry.default:
        best = index[entry.default]
    return best


TextOrDocument = Union[str, "Document"]


def find_actors(text: TextOrDocument, *, context: TextOrDocument | None = None) -> list[ActorMention]:
    """All actor mentions in ``text`` (a string or a Document), left to right.

    Short forms resolve from ``context`` (default: ``text`` itself; pass the
    whole article when ``text`` is a part of it).

    >>> [m.actor for m in find_actors("The Kingdom denied it.", context="Saudi Arabia and Jordan met. Riyadh said no.")]
    ['Saudi Arabia']
    >>> [m.actor for m in find_actors("Crimean Self-Defense Forces blocked the road.")]
    []
    """
    from rhetoric.text.document import Document

    if isinstance(text, Document) and context is None:
        return text.actor_mentions
    source = text.text if isinstance(text, Document) else text
    return list(_find(source, _context_text(context), _USER))


def _context_text(context: TextOrDocument | None) -> str | None:
    if context is None:
        return None
    return context if isinstance(context, str) else context.text


# no-break, thin and other Unicode spaces ("Vladimir\u00a0Putin", typeset by many
# news sites): matched as a plain space, offset for offset
_UNICODE_SPACES = str.maketrans({c: " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                                                 "\u2007\u2008\u2009\u200a\u202f\u205f\u3000"})


def _find(text: str, context: str | None, user: tuple[ActorEntry, ...]) -> tuple[ActorMention, ...]:
    raw = _raw_mentions(text.translate(_UNICODE_SPACES), user)
    if any(entry.candidates for _, _, entry in raw):
        evidence = _evidence(raw if context is None else _raw_mentions(context.translate(_UNICODE_SPACES), user))
    mentions = []
    for start, end, entry in raw:
        if entry.candidates:
            resolved = _resolve(entry, evidence, user)
            if resolved is None:
                continue
            entry = resolved
        if entry.kind == "none":
            continue
        mentions.append(ActorMention(start, end, text[start:end], entry.actor, entry.kind, entry.country, entry.code))
    return tuple(mentions)


def dominant_states(text: TextOrDocument, limit: int = 3) -> list[str]:
    """The states (and bodies) an article names most often, most first.

    >>> dominant_states("Kyiv said Moscow lied. Russia denied it. Ukrainian troops moved.")
    ['Ukraine', 'Russia']
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in find_actors(text):
        if mention.kind in _STATE_KINDS:
            counts[mention.country] += 1
            first.setdefault(mention.country, mention.start)
    return sorted(counts, key=lambda name: (-counts[name], first[name]))[:limit]


def actor_entry(alias: str) -> ActorEntry | None:
    """The entry for an exact alias (also tried without a leading "the ");
    a short form gives its default or first candidate.

    >>> actor_entry("the OSCE").actor, actor_entry("Atlantis")
    ('OSCE', None)
    """
    table = actor_table()
    entry = table.get(alias)
    if entry is None and alias.lower().startswith("the "):
        entry = table.get(alias[4:])
    if entry is None or entry.kind == "none":
        return None
    return entry


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    return {name: _split(adjectives)[0] for _, name, _, adjectives, _ in _state_rows() if _split(adjectives)}


def state_adjective(state: str) -> str | None:
    """A state's adjective (the first of ``actors_states.tsv``), or None.

    >>> state_adjective("North Korea"), state_adjective("Japan"), state_adjective("NATO")
    ('North Korean', 'Japanese', None)
    """
    return _adjectives().get(state)


def canonical_country(name: str) -> str | None:
    """The country (or body) an alias belongs to, or None.

    >>> canonical_country("the Kim regime"), canonical_country("Atlantis")
    ('North Korea', None)
    """
    entry = actor_entry(name.strip())
    return entry.country if entry else None


# --------------------------------------------------------------------------
# A researcher's own actors
# --------------------------------------------------------------------------

_USER_COLUMNS = ("alias", "actor", "kind", "country")


def load_actors_file(path: str | Path) -> tuple[ActorEntry, ...]:
    """Read a user actors table: tab-separated ``alias, actor, kind, country``
    with that header row; ``#`` lines are comments; ``country`` may be empty
    (then the actor itself). Raises :class:`ActorsFileError` naming the file
    and row of the first bad line.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "actors.tsv"
    >>> _ = path.write_text("alias\\tactor\\tkind\\tcountry\\nJNIM\\tJNIM\\torganisation\\t\\n")
    >>> load_actors_file(path)[0].country
    'JNIM'
    """
    path = Path(path)
    try:
        content = path.read_text(encoding="utf-8-sig")  # a spreadsheet's byte-order mark is no part of the header
    except FileNotFoundError:
        raise ActorsFileError(f"actors file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ActorsFileError(f"actors file {path}: cannot read it ({exc})") from None
    entries: list[ActorEntry] = []
    header_seen = False
    for number, row in enumerate(csv.reader(io.StringIO(content), delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in row]
        if not header_seen:
            if tuple(cell.lower() for cell in cells[:4]) != _USER_COLUMNS:
                raise ActorsFileError(f"{path}, row {number}: the first row must be the header "
                                      f"{chr(9).join(_USER_COLUMNS)!r} (tab-separated), got {chr(9).join(cells)!r}")
            header_seen = True
            continue
        if len(cells) < 3 or len(cells) > 4:
            raise ActorsFileError(f"{path}, row {number}: expected 4 tab-separated columns "
                                  f"(alias, actor, kind, country), got {len(cells)}")
        alias, actor, kind = cells[:3]
        country = cells[3] if len(cells) == 4 and cells[3] else actor
        if not alias or not actor:
            raise ActorsFileError(f"{path}, row {number}: alias and actor must not be empty")
        if kind not in ACTOR_KINDS:
            raise ActorsFileError(f"{path}, row {number}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
        if not _FIRST_WORD.match(alias):
            raise ActorsFileError(f"{path}, row {number}: alias {alias!r} must start with a letter or digit")
        entries.append(ActorEntry(alias, actor, kind, country))
    if not header_seen:
        raise ActorsFileError(f"{path}: no header row {chr(9).join(_USER_COLUMNS)!r}")
    return tuple(entries)


def user_actors() -> tuple[ActorEntry, ...]:
    """The user entries in use (empty by default)."""
    return _USER


#: Caches of other modules that hold results computed with the actor table.
_DEPENDENT_CACHES = ("rhetoric.extract.quotes.extractor:_quotes_of",)


@contextlib.contextmanager
def use_actors(entries: Iterable[ActorEntry]) -> Iterator[None]:
    """Within the block, the gazetteer includes ``entries`` (loaded after the
    shipped tables, so they win on equal aliases).

    >>> with use_actors([ActorEntry("Wakanda", "Wakanda", "state", "Wakanda")]):
    ...     [m.actor for m in find_actors("Wakanda protested.")]
    ['Wakanda']
    >>> find_actors("Wakanda protested.")
    []
    """
    global _USER
    previous, _USER = _USER, tuple(entries)
    changed = previous != _USER
    if changed:
        _clear_dependent_caches()
    try:
        yield
    finally:
        _USER = previous
        if changed:
            _clear_dependent_caches()


def _clear_dependent_caches() -> None:
    import sys

    for dotted in _DEPENDENT_CACHES:
        module_name, _, attribute = dotted.partition(":")
        module = sys.modules.get(module_name)
        cache = getattr(module, attribute, None) if module else None
        if cache is not None and hasattr(cache, "cache_clear"):
            cache.cache_clear()
