"""Shows of force (CAMEO 15): military actions reported as signals, found on
their verb phrase."""

from __future__ import annotations

import re

from rhetoric.extract.threats.actors import held_place
from rhetoric.extract.threats.candidates import (
    Candidate,
    pick_target,
    strip_span,
    window_matches,
)
from rhetoric.extract.threats.context import ArticleContext
from rhetoric.extract.threats.grammar import (
    ACTOR_KINDS,
    AIMED_AT,
    FIRED_AT_TARGET,
    FORCE_END,
    FUTURE_BEFORE,
    HISTORICAL,
    MILITARY,
    NEGATED_BEFORE,
    PLATFORM,
    QUOTES,
    WEAPON,
    canonical_state,
    compiled_grammar,
)
from rhetoric.extract.threats.mobilize import WITHDRAWAL, civilian_setting

# --------------------------------------------------------------------------
# Shows of force.


def force_candidates(doc: ArticleContext) -> list[Candidate]:
    text = doc.text
    grammar = compiled_grammar()
    entries = grammar.force_cues
    candidates: list[Candidate] = []
    last_actor: str | None = None
    for match in window_matches(doc, grammar.force, doc.force_anchors, 30, 160):
        cue = entries[match.lastgroup]
        sentence = doc.sentence_at(match.start())
        if sentence is None or match.end() > sentence.end:
            continue
        lead = text[sentence.start:match.start()]
        dateline = max(lead.rfind("—"), lead.rfind("--"))
        subject_from = sentence.start + dateline + 1 if dateline >= 0 else sentence.start
        subject = text[subject_from:match.start()]
        clause_subject = re.split(r"[,;:(]|\bthat\b|\bwhich\b|\bwho\b", subject)[-1]
        if FUTURE_BEFORE.search(clause_subject if clause_subject.strip() else subject[-40:]):
            continue
        if NEGATED_BEFORE.search(subject[-30:]):
            continue
        if HISTORICAL.search(text, sentence.start, min(sentence.end, match.end() + 20)) or re.search(
                r"\b(?:typically|usually|routinely|whenever|each time|every time)\b", sentence.text, re.IGNORECASE):
            continue
        if doc.in_direct_quote(match.start(), sentence):
            continue
        end_match = FORCE_END.search(text, match.end(), sentence.end)
        end = end_match.start() if end_match else sentence.end
        start, end = strip_span(text, match.start(), end)
        phrase = text[start:end]
        if WITHDRAWAL.search(phrase):
            continue  # "ordered the troops back to their bases": a pull-back
        if civilian_setting().search(phrase):
            continue  # "fired a five-word missile at Hillary", "military families": not forces
        if FIRED_AT_TARGET.search(text, match.start(), sentence.end):
            continue  # "launched more than 150 rockets at Israel": an attack
        if cue.requires == "platform" and not (PLATFORM.search(subject) or PLATFORM.search(phrase)):
            continue
        clause_from = subject_from + len(subject) - len(clause_subject)
        clause_subject = clause_subject.strip(" " + QUOTES)
        if cue.requires == "military" and not (MILITARY.search(clause_subject) or PLATFORM.search(clause_subject)
                                               or doc.actors_in(clause_from, match.start())
                                               or MILITARY.search(subject) and not clause_subject.strip()):
            continue
        if cue.requires == "military" and civilian_setting().search(clause_subject):
            continue  # "Madagascar Hospitals On High Alert": a civilian body, not forces
        if cue.requires == "weapon" and not WEAPON.search(subject):
            continue
        actor = None
        if cue.voice == "passive":
            by = re.search(r"\bby\s+(?P<np>[^,;]{1,80})", text[match.end():sentence.end])
            if by:
                actor = doc._resolve_actors(by.group("np"))
        if actor is None:
            for lower in (clause_from, subject_from):
                mentions = [m for m in doc.actors_in(lower, match.start()) if m.kind in ACTOR_KINDS
                            and not held_place(text, m)]
                countries = [canonical_state(m) for m in mentions]
                if countries:
                    actor = "United States" if "United States" in countries and len(set(countries)) > 1 \
                        else countries[0]
                    break
        if actor is None:
            actor = last_actor or doc.last_actor_before(match.start())
        last_actor = actor
        target = None
        aimed = AIMED_AT.search(text, sentence.start, sentence.end)
        if aimed:
            target = pick_target(doc, doc.actors_in(aimed.end(), aimed.end() + 40), actor)
        if target is None:
            target = pick_target(doc, doc.actors_in(start, end), actor)
        candidates.append(Candidate(start, end, sentence, "show_of_force", cue.cameo, actor, target, False,
                                     None, [match.group().strip()]))
    return candidates
