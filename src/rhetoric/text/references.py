"""Actor references resolved within the article: words that refer to an actor
without naming it.

Ordered named rules (:data:`REFERENCE_RULES`, in
:mod:`rhetoric.text.reference_rules`) over the article's
:class:`~rhetoric.text.discourse.Discourse` (its quotes with their speakers'
states, gazetteer mentions and the people it names):

1. ``speaker``: a quote's speaker span ("she said") stands for the
   speaker's state: its affiliation, else the one of another quote of the
   same person, a gazetteer person of that name, a state word where the
   article describes the person, or the state of the dateline;
2. ``first_person``: "we", "our", "I" inside a quotation → its speaker's state;
3. ``name``: a quoted person's name written again ("Osmayev") → their state;
4. ``pronoun``: "he"/"she"/"him"/"his"/"her" → the nearest preceding person
   of a compatible gender; "they"/"them"/"their" → the nearest preceding
   group, people or state; inside a direct quotation never its speaker;
5. ``pair``: "the two men", "both sides" → the two persons or states named last;
6. ``description``: "the government", "the regime", "the gov't" → the state
   named last before it in its sentence, else the article's dominant state;
7. ``forces``: "troops", "special forces units" with no state word of their
   own → the state named last in their sentence or the one before;
8. ``group``: "the separatists", "rebel fighters" → the group's label.

A reference never overlaps a gazetteer mention (that is a name, not a
reference); each span is resolved by the first rule that gives it (a pair
gives its span two references, one per state).

>>> doc = Document('Sergei Lavrov, the Russian foreign minister, said on Monday: "We will respond." '
...                'He then met the president. Officials said the ministry agreed.')
>>> [(r.text, r.state, r.via) for r in actor_references(doc)]
[('We', 'Russia', 'first_person'), ('He', 'Russia', 'pronoun'), ('the president', 'Russia', 'description'), ('the ministry', 'Russia', 'description')]
>>> doc = Document("Trump met Kim Jong Un in Singapore. The meeting came months after the two men traded taunts.")
>>> [(r.text, r.state, r.via) for r in actor_references(doc)]
[('the two men', 'North Korea', 'pair'), ('the two men', 'United States', 'pair')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rhetoric.text.discourse import Discourse
from rhetoric.text.document import Document, as_document
from rhetoric.text.reference_rules import REFERENCE_RULES

__all__ = ["ActorReference", "actor_references", "REFERENCE_RULES"]

ReferenceVia = Literal["speaker", "first_person", "name", "pronoun", "pair", "description", "forces", "group"]


@dataclass(frozen=True)
class ActorReference:
    """A span that refers to an actor without naming it: ``text ==
    doc.text[start:end]``; ``state`` is the state or body it stands for
    (a gazetteer country name, or a group label such as "separatists");
    ``via`` names the rule that resolved it."""

    start: int
    end: int
    text: str
    state: str
    via: ReferenceVia


def actor_references(text: str | Document) -> list[ActorReference]:
    """Every actor reference of an article, in text order (see the module
    doc); ``Document.actor_references`` computes them once per Document."""
    doc = as_document(text)
    discourse = doc.discourse
    taken = sorted((m.start, m.end) for m in doc.actor_mentions)
    result: list[ActorReference] = []
    for via, rule in REFERENCE_RULES:
        found = {}
        for start, end, state in rule(discourse):
            if (start, end, state) not in found and not _overlaps(taken, start, end):
                found[start, end, state] = ActorReference(start, end, doc.text[start:end], state, via)
        result.extend(found.values())
        taken = sorted(taken + [(r.start, r.end) for r in found.values()])
    return sorted(result, key=lambda r: (r.start, r.end, r.state))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    from bisect import bisect_left

    index = bisect_left(spans, (end, end))
    return any(s < end and e > start for s, e in spans[max(0, index - 8):index])
