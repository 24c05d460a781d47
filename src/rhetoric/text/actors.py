"""Actor mentions: states, alliances, organisations and leaders in news text.

Aliases live in ``lexicons/actors.tsv`` (alias, actor, kind, country), so a
researcher extends the table without touching code.

>>> [(m.text, m.actor, m.country) for m in find_actors("Pyongyang warned Washington and the Pentagon.")]
[('Pyongyang', 'North Korea', 'North Korea'), ('Washington', 'United States', 'United States'), ('Pentagon', 'Pentagon', 'United States')]
>>> canonical_country("South Korean")
'South Korea'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rhetoric.lexicons import read_lexicon_table

__all__ = ["ActorMention", "ActorEntry", "find_actors", "actor_entry", "canonical_country", "actor_table"]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One alias of an actor, from ``lexicons/actors.tsv``."""

    alias: str
    actor: str
    kind: str
    country: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention of an actor: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    actor: str
    kind: str
    country: str


@lru_cache(maxsize=1)
def actor_table() -> dict[str, ActorEntry]:
    """Alias → entry, from the shipped lexicon."""
    table: dict[str, ActorEntry] = {}
    for row in read_lexicon_table("actors.tsv"):
        alias, actor, kind, country = row[:4]
        table[alias] = ActorEntry(alias, actor, kind, country)
    return table


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    aliases = sorted(actor_table(), key=len, reverse=True)
    alternation = "|".join(re.escape(alias) for alias in aliases)
    # Word boundaries that also work for aliases ending in a period ("U.S.").
    return re.compile(r"(?<![\w.])(?:%s)(?![\w-])" % alternation)


def find_actors(text: str) -> list[ActorMention]:
    """All actor mentions in ``text``, left to right, longest alias first."""
    mentions = []
    for match in _alias_pattern().finditer(text):
        entry = actor_table()[match.group()]
        mentions.append(
            ActorMention(match.start(), match.end(), match.group(), entry.actor, entry.kind, entry.country)
        )
    return mentions


def actor_entry(alias: str) -> ActorEntry | None:
    """The entry for an exact alias (also tried without a leading "the ")."""
    table = actor_table()
    if alias in table:
        return table[alias]
    if alias.lower().startswith("the ") and alias[4:] in table:
        return table[alias[4:]]
    return None


def canonical_country(name: str) -> str | None:
    """The country (or body) an alias belongs to, or None.

    >>> canonical_country("the Kim regime"), canonical_country("Atlantis")
    ('North Korea', None)
    """
    entry = actor_entry(name.strip())
    return entry.country if entry else None
