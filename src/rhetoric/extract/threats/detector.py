"""Threats and shows of force in an article (CAMEO 13 THREATEN, 15 EXHIBIT FORCE POSTURE).

Three passes over one :class:`~rhetoric.text.document.Document`, each an
ordered list of small named rules whose cue words live in the lexicons:

1. the predicate grammar (:mod:`.candidates`): a harm predicate ("strike
   first", "pay a heavy price", "impose sanctions") governed by a future,
   modal, vow or threaten frame, with its condition and ultimatum;
2. the frame rules (:mod:`.frames`): "ACTOR threatened / vowed / warned /
   is ready to VP", "will / would VP-harm if ...", "or face", "issued an
   ultimatum", whatever the harm, for threats the predicate grammar does not
   already hold;
3. shows of force (:mod:`.force`, :mod:`.mobilize`): deployments, build-ups,
   alerts, exercises, patrols, flights, missile tests, mobilisation;
4. the broad rules, for sentences the cue frames left empty: an actor's
   threat speech act or stated intention governing a coercive act
   (:mod:`.speech_acts`), an owned threat noun ("Pyongyang's latest
   threats", :mod:`.nouns`), a verbless colon headline ("Merkel: more
   sanctions if Russia escalates", :mod:`.nouns`), and (:mod:`.posture`): a
   force noun and a posture word in one clause, for sentences the cue frames
   left empty.

Negatives: harmful acts that happened, analysts' speculation, the noun
"threat" for a danger, inanimate subjects, accusations, denials, negation,
withdrawals. Each item keeps the mention of its actor as written
(``actor_mention``) and the state when the actor gazetteer knows it
(``actor``), the CAMEO sub-code (:mod:`.coding`) and its Goldstein weight.

>>> [(t.text, t.kind, t.actor, t.target, t.cameo) for t in extract_threats(
...     "Trump threatens to “totally destroy” North Korea.")]
[('Trump threatens to “totally destroy” North Korea', 'threat', 'United States', 'North Korea', '1384')]
>>> extract_threats("Climate change threatens farmers.")
[]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from rhetoric.extract.threats.actors import (attribute, bare_determiner, clean_mention, is_actor_phrase, object_target,
                                            subject_before)
from rhetoric.extract.threats.candidates import (
    SPEAKER_ACTS,
    Candidate,
    mark_ultimatums,
    merge_candidates,
    resolve_verbal,
    trailing_speaker,
    verbal_candidates,
)
from rhetoric.extract.threats.coding import intensity
from rhetoric.extract.threats.context import ArticleContext
from rhetoric.extract.threats.force import force_candidates
from rhetoric.extract.threats.frames import SPEECH, frame_candidates
from rhetoric.extract.threats.grammar import TERMS_SETTER
from rhetoric.extract.threats.mobilize import force_frame_candidates
from rhetoric.extract.threats.posture import posture_candidates
from rhetoric.extract.threats.nouns import colon_headline_candidates, noun_candidates
from rhetoric.extract.threats.speech_acts import speech_act_candidates
from rhetoric.text.document import Document, as_document

__all__ = ["Threat", "ThreatKind", "extract_threats"]

ThreatKind = Literal["threat", "warning", "ultimatum", "show_of_force"]


@dataclass(frozen=True, slots=True)
class Threat:
    """A threat or show of force; offsets index the article text.

    ``actor`` / ``target`` are states (or organisations) when the actor
    gazetteer knows them; ``actor_mention`` / ``target_mention`` are the
    mentions as written (a pronoun resolved within the article). When the
    sentence names no target, ``target_mention`` is the threat's object as
    written ("sue the Guardian"), and failing that ``target`` is the side the
    article sets against the actor (evidence "target:article"). ``cameo`` is
    the CAMEO code (1312 sanctions, 1313 relations, 138x force, 139
    ultimatum, 150-154 shows of force, ...), ``intensity`` its Goldstein
    (1992) weight, ``evidence`` the cue words and the rule that fired.
    """

    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    kind: ThreatKind
    actor: str | None
    target: str | None
    conditional: bool
    modality: str | None
    cameo: str
    intensity: float
    evidence: tuple[str, ...]
    actor_mention: str | None = None
    target_mention: str | None = None



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
    ctx = ArticleContext(document)
    verbal = [c for c in merge_candidates(verbal_candidates(ctx)) if resolve_verbal(ctx, c)]
    mark_ultimatums(ctx, verbal)
    verbal = merge_candidates(verbal)
    for candidate in verbal:
        _add_mentions(ctx, candidate)
    # one item per frame: a frame rule adds a threat only to a sentence the
    # predicate grammar left empty; likewise one show of force per sentence
    # from the frame rules
    # ("warns Kiev of grave consequences" is one warning: a frame inside another
    # frame's words is its content, unless it is the same frame again, a second
    # act: "warned that ... and warned its partners about ...")
    framed: list[Candidate] = []
    for candidate in frame_candidates(ctx):
        if _same_sentence(candidate, verbal) or any(
                f.rule != candidate.rule and f.start <= _cue_at(ctx.text, candidate) < f.end for f in framed):
            continue
        framed.append(candidate)
    verbal += framed
    # the broad threat rule last, for sentences the cue frames left empty
    verbal += speech_act_candidates(ctx, _sentences_held(ctx, verbal))
    verbal += noun_candidates(ctx, _sentences_held(ctx, verbal))
    verbal += colon_headline_candidates(ctx, _sentences_held(ctx, verbal))
    forces: list[Candidate] = []
    # a threat's span runs from its subject: a show of force in a clause before
    # the threat's cue ("Russia put troops on alert and warned Kiev ...") is its own
    verbal_cues = [(v.start, _cue_at(ctx.text, v), v.end) for v in verbal]
    for candidate in force_candidates(ctx) + force_frame_candidates(ctx):
        cue_at = _cue_at(ctx.text, candidate)
        inside_verbal = any(start <= cue_at < end and not (cue_at < cue and _COORDINATED.search(ctx.text, cue_at, cue))
                            for start, cue, end in verbal_cues)
        if not inside_verbal and not _overlaps(candidate, forces) and not (
                candidate.rule != "predicate" and _same_sentence(candidate, forces)):
            if candidate.actor_mention is None:
                _add_mentions(ctx, candidate)
            forces.append(candidate)
    # the broad rule last: a force noun and a posture word in one clause,
    # for sentences the cue frames left without a show of force
    for candidate in posture_candidates(ctx, _sentences_held(ctx, forces)):
        if not any(v.start <= candidate.start < v.end for v in verbal) or not _same_sentence(candidate, verbal):
            forces.append(candidate)
    threats = []
    acting = Counter(c.actor for c in verbal + forces if c.actor)  # who threatens or shows force, how often
    opponents: dict[str, str | None] = {}  # the side set against each actor, once per article
    for c in sorted(verbal + forces, key=lambda c: (c.start, c.end)):
        bounds = ctx.exact_sentence_bounds(c.start, c.end)
        target, target_mention = _target(ctx, c, acting, opponents)
        evidence = tuple(dict.fromkeys(e for e in c.evidence if e and not e.startswith("\x00")))
        threats.append(Threat(
            start=c.start, end=c.end, text=text[c.start:c.end],
            sentence_start=bounds[0], sentence_end=bounds[1],
            kind=c.kind, actor=c.actor, target=target,  # type: ignore[arg-type]
            conditional=c.conditional, modality=c.modality, cameo=c.cameo,
            intensity=intensity(c.cameo), evidence=evidence,
            actor_mention=c.actor_mention or None, target_mention=target_mention or None,
        ))
    return threats


_COORDINATED = re.compile(r"\band\b|;")


def _cue_at(text: str, candidate: Candidate) -> int:
    """Where a candidate's cue words start in ``text`` (its start if they are not found)."""
    cue = _cue(candidate)
    at = text.find(cue, candidate.start, candidate.end) if cue else -1
    return candidate.start if at < 0 else at


def _cue(candidate: Candidate) -> str:
    """The cue words a candidate's evidence starts with ("" if none)."""
    return next((e for e in candidate.evidence if e and not e.startswith(("rule:", "\x00"))), "")


def _target(ctx: ArticleContext, c: Candidate, acting: Counter[str],
            opponents: dict[str, str | None]) -> tuple[str | None, str | None]:
    """(target, target_mention) of a candidate: the state or body its rules
    named; else, for a threat, its object as written ("sue the Guardian");
    else the side the article sets against the actor (the codebook's target
    "clearly implied"), marked "target:article" in the evidence."""
    target = c.target if c.target != c.actor else None
    mention = c.target_mention if target or c.target_mention else None
    if mention is None and c.kind != "show_of_force":
        mention = object_target(ctx.text, c.start, c.end, _cue(c))
        if mention and c.actor_mention and mention.lower() in c.actor_mention.lower():
            mention = None
    if target is None and mention is None and c.actor:
        if c.actor not in opponents:
            opponents[c.actor] = ctx.opponent_of(c.actor, acting)
        target = opponents[c.actor]
        if target is not None:
            c.evidence.append("target:article")
    return target, mention


def _sentences_held(ctx: ArticleContext, candidates: list[Candidate]) -> frozenset[int]:
    """Start offsets of the sentences the candidates' spans touch (an ultimatum can span two)."""
    held = set()
    for c in candidates:
        held.add(c.sentence.start)
        last = ctx.sentence_at(max(c.start, c.end - 1))
        if last is not None:
            held.add(last.start)
    return frozenset(held)


def _same_sentence(candidate: Candidate, others: list[Candidate]) -> bool:
    return any(o.sentence.start <= candidate.start < o.sentence.end or _overlaps(candidate, [o]) for o in others)


def _overlaps(candidate: Candidate, others: list[Candidate]) -> bool:
    return any(candidate.start < o.end and o.start < candidate.end for o in others)


_LEADING_CONDITION = re.compile(r"^(?:if|unless|should|once|any|whoever)\b", re.IGNORECASE)


def _add_mentions(ctx: ArticleContext, candidate: Candidate) -> None:
    """The actor as written for a predicate-grammar candidate (its state is already set)."""
    if candidate.actor_mention is not None:
        return  # named while resolving ("Kim's statement was blunt: ...")
    text = ctx.text
    sentence = candidate.sentence
    if SPEAKER_ACTS in candidate.evidence:
        # the subject was told or would suffer (resolve_verbal): the actor is the speaker, if named
        candidate.evidence.remove(SPEAKER_ACTS)
        speaker = trailing_speaker(ctx, sentence, candidate.end)
        candidate.actor_mention = clean_mention(speaker[0]) or None if speaker else None
        return
    frame = text.find(candidate.evidence[0], candidate.start, candidate.end) if candidate.evidence else -1
    cue = frame if frame > candidate.start else candidate.start
    speech = None
    for speech in SPEECH.finditer(text, sentence.start, cue):
        pass
    # "“ISIS warned us they would attack,” Perry said": a quotation that
    # reports another's threat names who threatens, not the one quoted
    reported_in_quote = speech is not None and ctx.inside_quote(cue) and ctx.same_quote(speech.start(), cue)
    if speech is not None and (not ctx.inside_quote(cue) or reported_in_quote):
        # "He warned that Russia would respond": the one who speaks threatens
        cue = speech.start()
    elif candidate.modality == "or" and not ctx.inside_quote(cue):
        setter = None
        for setter in TERMS_SETTER.finditer(text, sentence.start, cue):
            pass
        if setter is not None:
            cue = setter.start()  # "its military demanded that the allies halt the drills or face ...": who sets the terms
    subject_start, subject = subject_before(text, sentence.start, cue)
    if not subject or _LEADING_CONDITION.match(text, candidate.start):
        first = text[candidate.start:candidate.end].split(" ")
        subject_start, subject = candidate.start, " ".join(first[:1]) if first and first[0].lower() in (
            "he", "she", "they", "we", "it") else subject
    attribution = attribute(ctx, subject, subject_start, candidate.start,
                            speaker_first=not (reported_in_quote and is_actor_phrase(clean_mention(subject))))
    mention = attribution.mention if attribution.mention and not bare_determiner(attribution.mention) else None
    if candidate.actor and attribution.state is not None and attribution.state != candidate.actor:
        # the grammar's state and the phrase disagree: name the state's mention
        same = [m for m in ctx.actors_in(sentence.start, sentence.end) if (m.country or m.actor) == candidate.actor]
        mention = same[0].text if same else None
    elif candidate.actor and not mention:
        same = [m for m in ctx.actors_in(sentence.start, sentence.end) if (m.country or m.actor) == candidate.actor]
        mention = same[0].text if same else None
    candidate.actor_mention = mention
    if candidate.target and candidate.target_mention is None:
        same = [m for m in ctx.actors_in(sentence.start, sentence.end) if (m.country or m.actor) == candidate.target]
        candidate.target_mention = same[0].text if same else None
