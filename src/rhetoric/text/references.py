"""Actor references resolved within the article: words that refer to an actor
without naming it.

Four ordered rules, each a small function over a :class:`Document` (its
sentences, quotes with their speakers, and gazetteer mentions):

1. ``speaker``: a quote's speaker span ("she said", "the spokesman")
   stands for the speaker's affiliation; a speaker without one takes the
   affiliation another quote of the same person has in the article.
2. ``first_person``: "we", "us", "our", "I", "my" inside a quotation whose
   speaker's affiliation is known stand for that affiliation.
3. ``pronoun``: "He"/"She" opening a sentence outside quotations refers to
   the person last quoted or named before it (up to three sentences back),
   whose affiliation it takes.
4. ``description``: a definite description from ``lexicons/actor_descriptions.tsv``
   ("the government", "the Armed Forces", "the Agency") resolves to the
   state named last before it in its sentence, else to the state the
   article names most (its organs and leaders counted: "the FBI",
   "Putin"); one naming a body ("the Agency": IAEA) only when the article
   names that body. ("the Commission", "the Alliance" are already gazetteer
   short forms.)

A reference never overlaps a gazetteer mention (that is a name, not a
reference), and each span is resolved once, by the first rule that gives it.

>>> doc = Document('Sergei Lavrov, the Russian foreign minister, said on Monday: "We will respond." '
...                'He then met the president. Officials said the ministry agreed.')
>>> [(r.text, r.state, r.via) for r in actor_references(doc)]
[('We', 'Russia', 'first_person'), ('He', 'Russia', 'pronoun'), ('the president', 'Russia', 'description'), ('the ministry', 'Russia', 'description')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rhetoric.lexicons import read_lexicon_table
from rhetoric.text.actors import actor_entry, actor_named
from rhetoric.text.document import Document, as_document

__all__ = ["ActorReference", "actor_references", "REFERENCE_RULES"]

ReferenceVia = Literal["speaker", "first_person", "pronoun", "description"]

_STATE_KINDS = ("state", "people")
_SENTENCES_BACK = 3
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Uu]s|[Oo]urs?|I|[Mm]e|[Mm]y)\b")
_SUBJECT_PRONOUN = re.compile(r"(?:He|She)\b")


@dataclass(frozen=True)
class ActorReference:
    """A span that refers to an actor without naming it: ``text ==
    doc.text[start:end]``; ``state`` is the state or body it stands for
    (a gazetteer country name); ``via`` names the rule that resolved it."""

    start: int
    end: int
    text: str
    state: str
    via: ReferenceVia


def _is_state(name: str) -> bool:
    entry = actor_named(name)
    return entry is not None and entry.kind == "state"


def _country(affiliation: str | None) -> str | None:
    if not affiliation:
        return None
    entry = actor_entry(affiliation)
    return entry.country if entry is not None else affiliation


def _speaker_states(doc: Document) -> list[str | None]:
    """Each quote's speaker state: its affiliation, else the affiliation
    another quote of the same speaker_name has in the article."""
    by_name: dict[str, str] = {}
    for quote in doc.quotes:
        state = _country(quote.speaker_affiliation)
        if quote.speaker_name and state:
            by_name.setdefault(quote.speaker_name, state)
    return [_country(q.speaker_affiliation) or by_name.get(q.speaker_name or "") for q in doc.quotes]


def _speaker_rule(doc: Document) -> Iterator[ActorReference]:
    for quote, state in zip(doc.quotes, _speaker_states(doc)):
        if state and quote.speaker_start is not None and quote.speaker_end is not None:
            yield ActorReference(quote.speaker_start, quote.speaker_end,
                                 doc.text[quote.speaker_start:quote.speaker_end], state, "speaker")


def _first_person_rule(doc: Document) -> Iterator[ActorReference]:
    for quote, state in zip(doc.quotes, _speaker_states(doc)):
        if not state:
            continue
        for match in _FIRST_PERSON.finditer(doc.text, quote.content_start, quote.content_end):
            yield ActorReference(match.start(), match.end(), match.group(), state, "first_person")


def _antecedents(doc: Document) -> list[tuple[int, str]]:
    """(position, state) of every person quoted or named, in text order."""
    found = [(quote.speaker_start, state) for quote, state in zip(doc.quotes, _speaker_states(doc))
             if state and quote.speaker_start is not None]
    found += [(m.start, m.country) for m in doc.actor_mentions if m.kind == "person" and m.country]
    return sorted(found)


def _inside_quote(doc: Document, position: int) -> bool:
    return any(q.content_start <= position < q.content_end for q in doc.quotes)


def _pronoun_rule(doc: Document) -> Iterator[ActorReference]:
    antecedents = _antecedents(doc)
    positions = [position for position, _ in antecedents]
    for index, sentence in enumerate(doc.sentences):
        match = _SUBJECT_PRONOUN.match(sentence.text)
        if not match or _inside_quote(doc, sentence.start):
            continue
        start = sentence.start + match.start()
        earliest = doc.sentences[max(0, index - _SENTENCES_BACK)].start
        before = bisect_right(positions, start - 1)
        if before and positions[before - 1] >= earliest:
            yield ActorReference(start, start + len(match.group()), match.group(), antecedents[before - 1][1], "pronoun")


@lru_cache(maxsize=1)
def _descriptions() -> tuple[re.Pattern[str], dict[str, str]]:
    targets = {description.lower(): target for description, target in read_lexicon_table("actor_descriptions.tsv")}
    words = sorted(targets, key=len, reverse=True)
    pattern = re.compile(r"\b[Tt]he\s+(" + "|".join(re.escape(w) for w in words) + r")\b(?![-\w])(?!\s+of\b)",
                         re.IGNORECASE)
    return pattern, targets


def _description_rule(doc: Document) -> Iterator[ActorReference]:
    pattern, targets = _descriptions()
    states = [(m.start, m.country) for m in doc.actor_mentions if m.kind in _STATE_KINDS]
    positions = [position for position, _ in states]
    named = {m.country for m in doc.actor_mentions} | {m.actor for m in doc.actor_mentions}
    # the article's state: named most, counting its organs and leaders ("the FBI", "Putin") too
    counts = Counter(m.country for m in doc.actor_mentions if m.country and _is_state(m.country))
    dominant = counts.most_common(1)[0][0] if counts else None  # ties: the state named first
    for match in pattern.finditer(doc.text):
        target = targets[match.group(1).lower()]
        if target != "state":
            state: str | None = target if target in named else None
        else:
            sentence = doc.sentence_at(match.start())
            earliest = sentence.start if sentence is not None else match.start()
            before = bisect_right(positions, match.start() - 1)
            state = states[before - 1][1] if before and positions[before - 1] >= earliest else dominant
        if state:
            yield ActorReference(match.start(), match.end(), match.group(), state, "description")


#: The rules in order; a span is resolved by the first rule that gives it.
REFERENCE_RULES: tuple[tuple[str, Callable[[Document], Iterator[ActorReference]]], ...] = (
    ("speaker", _speaker_rule),
    ("first_person", _first_person_rule),
    ("pronoun", _pronoun_rule),
    ("description", _description_rule),
)


def actor_references(text: str | Document) -> list[ActorReference]:
    """Every actor reference of an article, in text order (see the module
    doc); ``Document.actor_references`` computes them once per Document."""
    doc = as_document(text)
    taken = [(m.start, m.end) for m in doc.actor_mentions]
    result: list[ActorReference] = []
    for _, rule in REFERENCE_RULES:
        for reference in rule(doc):
            if any(reference.start < end and reference.end > start for start, end in taken):
                continue
            taken.append((reference.start, reference.end))
            result.append(reference)
    return sorted(result, key=lambda r: (r.start, r.end))
