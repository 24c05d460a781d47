"""Threat phrases and show-of-force events.

A transparent pattern grammar over sentences. A verbal threat is a harm
predicate ("strike first", "pay a heavy price", "be met with an overwhelming
response", "impose sanctions") governed by a future, modal, vow or threaten
frame ("will", "would", "vowed to", "is ready to", "threatens to", "or"),
optionally made contingent by a condition ("if", "unless", "any … would",
"whoever", "or face"). A show of force is a military action reported as a
signal (bomber flights, drills, deployments, launches, port calls, parades),
found on its verb phrase and kept apart from verbal threats.

Negatives the grammar leaves out: analysts' hypotheticals (the speaker is an
analyst or expert), denials ("denied that any strike was planned"), hedged
predictions ("would likely"), threats by things that are not actors
("climate change threatens farmers": no security actor, no harm predicate),
habitual or historical mentions, and nominal references ("the threat").

The actor is the state that threatens: the speaker's state when the threat
sits in a quotation or reported speech, otherwise the clause subject's state.
Quotations come from :func:`rhetoric.extract.quotes.extract_quotes` when it finds any,
else from a light fallback (quote marks plus a nearby "X said").

The lexicons (``threat_predicates.tsv``, ``threat_frames.tsv``,
``show_of_force.tsv``, ``cameo_threats.tsv``, ``threat_words.txt``,
``official_titles.tsv``) hold every cue word, so the grammar can be read and
extended without touching code.

>>> [(t.text, t.kind, t.actor, t.target, t.cameo) for t in extract_threats(
...     "Trump threatens to “totally destroy” North Korea.")]
[('Trump threatens to “totally destroy” North Korea', 'threat', 'United States', 'North Korea', '1384')]
>>> extract_threats("Climate change threatens farmers.")
[]
"""

from __future__ import annotations

from dataclasses import dataclass

from rhetoric.extract.threats.candidates import (
    mark_ultimatums,
    merge_candidates,
    resolve_verbal,
    verbal_candidates,
)
from rhetoric.extract.threats.context import ArticleContext
from rhetoric.extract.threats.force import force_candidates
from rhetoric.extract.threats.grammar import goldstein_intensity
from rhetoric.text.document import Document, as_document

__all__ = ["Threat", "extract_threats"]


@dataclass(frozen=True, slots=True)
class Threat:
    """A threat phrase; offsets index the text given to :func:`extract_threats`."""

    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    kind: str  # "threat" | "warning" | "ultimatum" | "show_of_force"
    actor: str | None
    target: str | None
    conditional: bool
    modality: str | None
    cameo: str
    intensity: float
    evidence: tuple[str, ...]



# --------------------------------------------------------------------------
# Public API.


def extract_threats(text_or_document: str | Document) -> list[Threat]:
    """All threat phrases and show-of-force events in an article, in text order.

    >>> [(t.text, t.kind, t.actor, t.conditional, t.cameo) for t in extract_threats(
    ...     "North Korea warned that any military exercises near its territory "
    ...     "would not be taken lightly.")]
    [('any military exercises near its territory would not be taken lightly', 'warning', 'North Korea', True, '130')]
    >>> [(t.text, t.kind, t.actor) for t in extract_threats(
    ...     "Two U.S. B-1B bombers flew over South Korea on Wednesday.")]
    [('flew over South Korea', 'show_of_force', 'United States')]
    >>> extract_threats("The ministry denied that any strike was planned.")
    []
    """
    if not isinstance(text_or_document, (str, Document)):
        return []
    document = as_document(text_or_document)
    text = document.text
    if not text.strip():
        return []
    doc = ArticleContext(document)
    verbal = [c for c in merge_candidates(verbal_candidates(doc)) if resolve_verbal(doc, c)]
    mark_ultimatums(doc, verbal)
    verbal = merge_candidates(verbal)
    forces = [f for f in force_candidates(doc)
              if not any(f.start < v.end and v.start < f.end for v in verbal)]
    threats = []
    for c in sorted(verbal + forces, key=lambda c: (c.start, c.end)):
        evidence = tuple(dict.fromkeys(e for e in c.evidence if e and not e.startswith("\x00")))
        bounds = doc.exact_sentence_bounds(c.start, c.end)
        threats.append(Threat(
            start=c.start, end=c.end, text=text[c.start:c.end],
            sentence_start=bounds[0], sentence_end=bounds[1],
            kind=c.kind, actor=c.actor, target=c.target if c.target != c.actor else None,
            conditional=c.conditional, modality=c.modality, cameo=c.cameo,
            intensity=goldstein_intensity(c.cameo), evidence=evidence,
        ))
    return threats

