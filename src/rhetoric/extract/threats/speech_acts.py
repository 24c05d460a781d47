"""The broad threat rule: an actor's threat speech act or stated intention to coerce.

The cue frames of :mod:`.frames` and the predicate grammar name phrases;
this last pass names the phenomenon of CAMEO 13 THREATEN instead, for
sentences those passes left without a threat: an actor that threatens,
warns, vows or pledges, or that says it will, would, is ready, prepared or
determined to, intends or plans to do something coercive (any act of
``lexicons/harm_acts.tsv``: force, sanctions, cutting supplies, breaking off
relations, expulsions, bans, arrests, "consequences", "a response"). The
words are rows of ``lexicons/threat_speech_acts.tsv``. The rules, in order:

1. a cue — a threat speech act, a future / readiness / intention modal, or
   (only as the actor's own stated option: quoted, or after its own speech
   verb) "could / may";
2. a coercive act within ``_REACH`` words after a speech act in its clause,
   starting within ``_MODAL_REACH`` after a modal whose predicate is coercive (not
   "will be subject to", "will lead to war", "will give up", "would
   probably"); a modal needs a specific act (not a bare "action",
   "measures" or "response") unless a condition, "any", a consequence
   noun ("costs", "a price") or a speech act of warning frames it. Two
   contingent forms need no act from the lexicon: a warning of the warner's
   own act ("Turkey warned it would block the accession unless Stockholm
   changed course"), and a harm as the subject of a passive, stated by a
   speaker ("further sanctions will be imposed if Russia does not change
   course, Merkel said");
3. an actor — the subject is an actor phrase (a state, government, leader,
   official, ministry, army, armed group, party, organisation: not "the
   crisis", not "sanctions"), or the cue is inside a quotation with a
   speaker;
4. not the harm of a third party — "Kiev warned that Russia would invade"
   reports a danger, not a threat, unless the embedded subject is the
   speaker itself ("we", "it", the same state);
5. the shared negatives of the frame rules: negation, denial, accusation,
   analysts' speculation, hedged narration, habitual mentions, questions;
   and not a past harm ("would have attacked").

>>> [(c.kind, c.cameo, c.actor_mention, c.conditional) for c in speech_act_candidates(as_context(
...     "Moscow said it would cut off gas supplies to Kiev unless the debt was paid."))]
[('threat', '1312', 'Moscow', True)]
>>> speech_act_candidates(as_context("Kiev warned that Russia would invade eastern Ukraine."))
[]
>>> speech_act_candidates(as_context("Sanctions would hurt the Russian economy."))
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rhetoric.extract.threats.actors import (actor_acts_after, attribute, clean_mention, is_actor_phrase, refers_to_actor,
                                             subject_before, target_after)
from rhetoric.extract.threats.candidates import (CHARACTERISING, HEADLINE_WORDS, VICTIM_PREDICATE, Candidate, characterises,
                                                 colon_speaker, stated_by_an_actor, strip_span, trailing_speaker)
from rhetoric.extract.threats.coding import harm_code
from rhetoric.extract.threats.context import ArticleContext
from rhetoric.extract.threats.frames import (NEGATED_ACT, CONDITION, EMBEDDED_QUESTION, QUESTION_REACH, SPEECH, _negative,
                                             as_context, MODAL_PERFECT, hypothetical_cue, offers_cooperation)
from rhetoric.extract.threats.dangers import EMBEDDED_MODAL, warned_of_danger, warning_of_danger
from rhetoric.extract.threats.grammar import BELIEF, frame_patterns, word_list_alternation
from rhetoric.extract.threats.scan import CLITIC_START, WordIndex, first_match_per_sentence
from rhetoric.lexicons import read_lexicon_table
from rhetoric.text.sentences import Sentence

__all__ = ["speech_act_candidates", "as_context"]

_REACH = 12  # words between a speech act and its coercive act
_MODAL_REACH = 8  # words between a modal and its coercive act (the predicate or its object)
# a modal whose predicate is not the actor doing something coercive: a passive
# or state ("will be subject to", "would be unable to"), giving up, stopping,
# an outcome ("will lead to war", "would expect"), a hedge ("would probably"),
# a speech verb ("would declare")
_NOT_COERCIVE = re.compile(r"\s*(?:not\s+|never\s+|only\s+|always\s+|eventually\s+|ultimately\s+|finally\s+)?"
                           r"(?:be\b(?!\s+(?:forced|ready|prepared|met|"
                           r"answered|punished|crushed|destroyed|wiped|annihilated|hit|attacked|sanctioned|expelled|held|targeted|"
                           r"arrested|prosecuted|banned|blocked|cut|(?:[\w-]+\s+)?(?:consequences|costs?|repercussions|retaliation|"
                           r"reprisals?)|a\s+(?:[\w-]+\s+)?(?:price|response)|no\s+mercy))|"
                           r"give\s+up|lose|win|lead|expect|sit|welcome|need|avoid|probably|likely|possibly|perhaps|"
                           r"support|back|favou?r|vote|know|have\s+to|no\s+longer|"
                           # a speech verb: what follows is said, not done ("St. Paul would declare the old penalty")
                           r"say|declare|argue|write|tell|note|insist|claim|explain|describe|"
                           r"certainly\s+not|hardly|rather)\b",
                           re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:!?—–]|,\s+(?:but|while|although|whereas|and\s+(?:the|a|it|he|she|they))\b")  # a "." inside a sentence is an abbreviation ("U.S.")
_PERSONAL = frozenset("i we you he she they it".split())
_THAT = re.compile(r"\s*(?:[\w’'.-]+\s+){0,4}?(?:that|of|about)\s+", re.IGNORECASE)
_EMBEDDED_MODAL = re.compile(r"\b" + EMBEDDED_MODAL, re.IGNORECASE)
_CONSEQUENCE = re.compile(r"\b(?:consequences|price|cost|costs|regret|response|retaliation|reprisals?|sanctions|"
                          r"measures|isolation)\b", re.IGNORECASE)

_THIRD_PERSON = frozenset("he she they it".split())
# "Moscow announced its intention to ...": the speaker's own intention noun
_POSSESSIVE = frozenset("its their his her our my".split())
# "Iran's supreme leader said the country would ...": the speaker's own state
_OWN_ORGANS = frozenset({"the country", "the nation", "the government", "the state", "the military", "the army",
                         "the armed forces"})
# the speaker's own forces or weapons as the subject ("Iran said its missiles
# would hit any ship", "“Our navy will sink them”"): the speaker threatens
_OWN_FORCES = re.compile(r"(?:its|our|their|his|her|my)\s+(?:[\w-]+\s+){0,2}?(?:%s|%s|%s)" % (
    word_list_alternation("military"), word_list_alternation("weapon"), word_list_alternation("platform")),
    re.IGNORECASE)
_WARN = re.compile(r"\bwarn\w*\b", re.IGNORECASE)
_RELATIVE_PASSIVE = re.compile(r"\b(?:who|which|that)\s+$", re.IGNORECASE)
_BE_NEXT = re.compile(r"\s+(?:also\s+|soon\s+)?be\s", re.IGNORECASE)
_ANY = re.compile(r"\bany\b", re.IGNORECASE)
# "warned of / against / about ...": no embedded clause follows
_PREPOSITION_NEXT = re.compile(r"\s*(?:of|against|about|on|over|not|to)\b", re.IGNORECASE)
_OF_NEXT = re.compile(r"\s+(?:of|about)\b", re.IGNORECASE)
_THAT_NEXT = re.compile(r"\s+that\b", re.IGNORECASE)
_THAT_LEAD = re.compile(r"^(?:that|if)\s+", re.IGNORECASE)
_PROTECT = re.compile(r"\s+(?:protect|defend|intervene)\b", re.IGNORECASE)
_DO_SO = re.compile(r"\s+do\s+(?:so|it|that|the\s+same)\b", re.IGNORECASE)
# "warned (on Sunday) that it would ...": the warner's own act announced
_OWN_ACT_NEXT = re.compile(r"\s+(?:(?:on|in|at|last|this)\s+[\w-]+\s+)?(?:that\s+)?(?:it|they|we)\s+"
                           r"(?:would|will|could|shall)\s+", re.IGNORECASE)
_LATER_CONDITION = re.compile(r"\b(?:if|unless|should|in\s+case|in\s+the\s+event(?:\s+that)?)\s+", re.IGNORECASE)
# another side's decision as the condition's subject ("if the bill becomes law", "if the sale goes ahead")
_DECISION = re.compile(r"(?:the|a|any|such\s+a|this|that)\s+(?:[\w-]+\s+){0,2}?(?:bill|law|legislation|resolution|motion|"
                       r"sanctions|sale|visit|deployment|referendum|vote|move|decision|deal|step)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Cue:
    cls: str
    name: str
    kind: str


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, _Cue], WordIndex]:
    parts, cues, anchors = [], {}, []
    for cls, name, kind, pattern, words in read_lexicon_table("threat_speech_acts.tsv"):
        anchors.extend(words.split())
        if cls not in ("act", "modal", "option"):
            raise ValueError(f"threat_speech_acts.tsv: unknown class {cls!r} in row {name!r}")
        cues[f"c_{name}"] = _Cue(cls, name, kind)
        parts.append(f"(?P<c_{name}>{pattern})")
    return re.compile(r"(?:(?<![\w-])|%s)(?:%s)(?![\w'’-])" % (CLITIC_START, "|".join(parts)), re.IGNORECASE), cues, \
        WordIndex(anchors)


def _third_party_harm(ctx: ArticleContext, cue_end: int, end: int, actor_state: str | None) -> bool:
    """Whether a warning's content is another actor's harmful act (a danger reported)."""
    text = ctx.text
    that = _THAT.match(text, cue_end, end)
    if not that:
        return False
    modal = _EMBEDDED_MODAL.search(text, that.end(), end)
    if not modal:
        return False
    if VICTIM_PREDICATE.match(text, modal.end(), end):
        return False  # "warned that Russia would face costs": consequences for the addressee
    embedded = clean_mention(text[that.end():modal.start()])
    if not embedded or embedded.split()[-1].lower() in _PERSONAL or _CONSEQUENCE.search(embedded):
        return False
    if not is_actor_phrase(embedded):
        return False
    state = ctx.resolve(embedded, that.end(), use_focus=False)
    return state is None or state != actor_state


# "further sanctions will be imposed if Russia does not change course, Merkel
# said": a harm named as the subject of a passive or "follow", made contingent;
# who states it threatens, the condition's subject is warned
_HARM_SUBJECT = re.compile(r"(?:(?:the|further|more|new|additional|tougher|harsher|wider|broader|sectoral|economic|"
                           r"punitive|fresh|other|such|these|those|its|their|our)\s+)*(?:sanctions|penalties|measures|"
                           r"restrictions|tariffs|(?:military\s+)?force|(?:air\s+)?strikes|costs|consequences)",
                           re.IGNORECASE)
_IMPOSED = re.compile(r"\s*(?:only\s+|then\s+|also\s+|certainly\s+|surely\s+|inevitably\s+)?(?:be\s+(?:imposed|expanded|"
                      r"extended|tightened|broadened|widened|increased|introduced|stepped\s+up|ramped\s+up|toughened|"
                      r"intensified|slapped|applied|used|adopted|taken|considered)|follow|come)\b", re.IGNORECASE)


def _imposed_harm(text: str, sentence_start: int, modal_start: int, modal_end: int, clause_end: int) -> str | None:
    """The harm of "SUBJECT will be imposed / will follow if ...", a harm made
    contingent on another's behaviour with the harm itself the subject, or None."""
    imposed = _IMPOSED.match(text, modal_end, clause_end)
    if imposed is None or not _LATER_CONDITION.search(text, imposed.end(), clause_end):
        return None
    subject = subject_before(text, sentence_start, modal_start)[1].strip()
    return subject if _HARM_SUBJECT.fullmatch(subject) else None


def _own_conditional_act(text: str, cue_end: int, clause_end: int) -> bool:
    """Whether a warning announces the warner's own act made contingent on
    another's behaviour ("Turkey warned it would block the accession unless
    Stockholm changed course"): warned of, one's own act is coercive whatever
    the verb, as the codebook's "if X, we will Y" reads."""
    own = _OWN_ACT_NEXT.match(text, cue_end, clause_end)
    if own is None:
        return False
    if (_NOT_COERCIVE.match(text, own.end() - 1) or NEGATED_ACT.match(text, own.end() - 1)
            or VICTIM_PREDICATE.match(text, own.end() - 1, clause_end)):
        return False  # "warned it would not survive", "they would pay": no act of its own
    condition = _LATER_CONDITION.search(text, own.end(), clause_end)
    if condition is None:
        return False
    # the condition is another's behaviour: an actor or its decision leads the clause ("if NATO moved
    # closer"), not a state of the world ("if inflation persisted")
    return bool(_DECISION.match(text, condition.end(), clause_end)) or actor_acts_after(text, condition.end(), clause_end)


def _headline_colon(text: str, sentence: Sentence, position: int) -> bool:
    """Whether a headline's colon attribution states the option ("Erdogan:
    Turkey may launch an operation in Syria within days")."""
    return len(sentence.text.split()) <= HEADLINE_WORDS and colon_speaker(text, sentence, position) is not None


def _other_speaker(ctx: ArticleContext, lower: int, speech: re.Match[str], state: str | None) -> bool:
    """Whether the speech verb before a modal has a named speaker of another state."""
    start, speaker = subject_before(ctx.text, lower, speech.start())
    speaker = clean_mention(speaker)
    if speaker and speaker.split()[-1].lower() in _PERSONAL:
        return False
    if not is_actor_phrase(speaker):
        speaker = ""
    speaker_state = attribute(ctx, speaker, start, speech.start()).state if speaker else None
    if speaker_state is None and speech.group().lower().startswith("warn"):
        # "Kiev warned that Russia would invade", "having been warned by a
        # contact that the police would arrest her": who warns that a named
        # other will act reports a danger (the same side is not shown)
        return True
    # a known speaker of another state reports another's intention, not its own
    return speaker_state is not None and state is not None and speaker_state != state


def _stated_by_actor(ctx: ArticleContext, sentence: Sentence, start: int, end: int, subject_start: int,
                     subject: str) -> bool:
    """Whether a trailing attribution after a comma in ``[start, end)`` names
    the option's own side as who states it ("Moscow could seize Western
    assets, a Kremlin aide said"), not an analyst or another state's official
    ("Russia could invade, a U.S. official said": a forecast)."""
    for comma in re.finditer(",", ctx.text[start:end]):
        speaker = trailing_speaker(ctx, sentence, start + comma.start())
        if speaker is not None:
            if frame_patterns()["analyst"].search(speaker[0]):
                return False
            speaker_state = attribute(ctx, speaker[0], speaker[1], speaker[1]).state
            subject_state = attribute(ctx, subject, subject_start, start).state
            return speaker_state is not None and speaker_state == subject_state
    return False


def speech_act_candidates(ctx: ArticleContext, skip: frozenset[int] = frozenset()) -> list[Candidate]:
    """Threat candidates from the broad rule, one per sentence, in text order.

    ``skip`` holds the start offsets of sentences that already have a threat.
    """
    pattern, cues, index = _lexicon()
    text = ctx.text
    found: list[Candidate] = []
    done: set[int] = set(skip)
    for match, sentence in first_match_per_sentence(text, ctx.words, pattern, index, ctx.sentence_at, done):
        cue = cues[match.lastgroup]  # type: ignore[index]
        stop = _CLAUSE_END.search(text, match.end(), sentence.end)
        clause_end = stop.start() if stop else sentence.end
        words = text[match.end():clause_end].split()[:_REACH]
        if cue.cls == "act" and hypothetical_cue(text, sentence.start, match.start()):
            continue  # "If Iran warns about an attack, ...": imagined, not made
        if offers_cooperation(text, match.end(), clause_end):
            continue  # "pledged to support Kiev until the war ends", "would resume talks if": an offer
        imposed_harm = _imposed_harm(text, sentence.start, match.start(), match.end(), clause_end) \
            if cue.name == "will" else None
        imposed = imposed_harm is not None
        if cue.cls != "act":
            if not imposed and (_NOT_COERCIVE.match(text, match.end()) or NEGATED_ACT.match(text, match.end())):
                continue
            asked = EMBEDDED_QUESTION.search(text, max(sentence.start, match.start() - QUESTION_REACH), match.start())
            if asked or sentence.text.rstrip(" ”\"'’").endswith("?"):
                continue  # a question asked, not an intention stated
            if not ctx.inside_quote(match.start()) and BELIEF.search(text, max(sentence.start, match.start() - 60),
                                                                     match.start()):
                continue  # "had no reason to believe Paddock would launch the shooting": a belief, not a threat
            near = " ".join(words[:_MODAL_REACH])
            code = harm_code(" ".join(words), len(near))  # the act starts within the modal's reach
            if imposed_harm is not None:
                code = harm_code(imposed_harm)
            own_act = False
        else:
            near = " ".join(words)
            code = harm_code(near)
            if code is None and cue.name == "reserve_right" and _DO_SO.match(text, match.end()):
                code = harm_code(text[sentence.start:match.start()])  # "hoped not to use force, but reserved the right to do so"
            if code is None and cue.name == "reserve_right" and _PROTECT.match(text, match.end()):
                code = "130"  # "reserved the right to protect its interests": force held in reserve
            own_act = code is None and cue.name == "warn" and _own_conditional_act(text, match.end(), clause_end)
            if own_act:
                code = "130"
        complement = near
        if code is None:
            continue
        quoted = ctx.inside_quote(match.start())
        subject_start, subject = subject_before(text, sentence.start, match.start())
        lead = text[sentence.start:match.start()]
        condition = bool(CONDITION.search(text, sentence.start, sentence.end))
        if cue.cls != "act":
            if code == "130" and not (condition or _WARN.search(lead)
                                      or _ANY.search(complement) or _CONSEQUENCE.search(complement)):
                continue  # "will take action", "would respond": too bare without a condition or warning
            if MODAL_PERFECT.match(text, match.end()):
                continue  # "would have attacked": a counterfactual past
            if characterises(text, sentence.start, match.start(), clause_end) or CHARACTERISING.match(subject):
                continue  # "only a fool would attack": a characterisation, not an intention
            if not quoted and not stated_by_an_actor(ctx, sentence, match.end()):
                continue  # "…, his campaign manager predicted": a forecast, a claim, or no actor speaking
        if cue.cls == "option" and not (quoted or SPEECH.search(lead) or _headline_colon(text, sentence, match.start())
                                        or _stated_by_actor(ctx, sentence, match.end(), clause_end, subject_start,
                                                            subject)):
            continue  # "Russia could invade" in narration is speculation
        if cue.cls == "option" and _RELATIVE_PASSIVE.search(lead) and _BE_NEXT.match(text, match.end()):
            continue  # "our allies who may be targeted": victims described, not an option stated
        speech = None
        for speech in SPEECH.finditer(text, sentence.start, match.start()):
            pass
        if speech is not None and cue.cls != "act":
            # "he suggested Moscow could intervene": the modal's subject follows the speech verb
            subject_start, subject = subject_before(text, speech.end(), match.start())
            subject = _THAT_LEAD.sub("", subject)
        mention = clean_mention(subject)
        personal = bool(mention) and mention.split()[-1].lower() in _PERSONAL
        own_forces = bool(_OWN_FORCES.fullmatch(mention))
        reported = speech is not None and (not mention or personal or mention.lower() in _POSSESSIVE
                                           or mention.lower() == "there"
                                           or mention.lower() in _OWN_ORGANS or own_forces or imposed)
        trailing = trailing_speaker(ctx, sentence, match.end()) if imposed and speech is None else None
        if trailing is not None and (frame_patterns()["analyst"].search(trailing[0])
                                     or not is_actor_phrase(clean_mention(trailing[0]))):
            trailing = None  # "..., analysts said": a forecast
        if imposed and not (reported or trailing or quoted):
            continue  # "sanctions would follow if ..." in narration states no one's threat
        if not (is_actor_phrase(mention) or refers_to_actor(ctx, subject, subject_start)
                or (quoted and (not mention or personal or own_forces or imposed))
                or reported or trailing):
            continue  # "it would" after "Moscow said": the speaker's own intention
        if cue.cls != "act" and personal and mention.split()[-1].lower() in ("i", "we") and VICTIM_PREDICATE.match(
                text, match.end()):
            continue  # "I would regret it", "we will pay the price": a lament, no one threatened
        if (quoted and cue.cls != "act" and personal and mention.split()[-1].lower() in _THIRD_PERSON
                and not VICTIM_PREDICATE.match(text, match.end())):
            continue  # inside a quotation "he would shoot" is someone else's act, not the speaker's threat
        if _negative(ctx, sentence.start, match.start(), subject, quoted):
            continue
        if reported and not quoted:
            speaker_start, speaker = subject_before(text, sentence.start, speech.start())  # type: ignore[union-attr]
            actor = attribute(ctx, speaker, speaker_start, speech.start())  # type: ignore[union-attr]
            subject_start = speaker_start
        elif trailing is not None:
            actor = attribute(ctx, trailing[0], trailing[1], trailing[1])
        else:
            actor = attribute(ctx, subject, subject_start, match.start())
        if cue.name == "warn" and _third_party_harm(ctx, match.end(), clause_end, actor.state):
            continue
        if cue.name == "warn" and not quoted and not own_act:
            # "warned (that) the tariffs would raise prices": a danger foreseen
            that = _THAT_NEXT.match(text, match.end(), clause_end)
            embedded = that.end() if that else None if _PREPOSITION_NEXT.match(text, match.end()) else match.end()
            if embedded is not None and warning_of_danger(ctx, embedded, clause_end):
                continue
        of = _OF_NEXT.match(text, match.end(), clause_end) if cue.name == "warn" else None
        if of and warned_of_danger(text[of.end():clause_end], bool(CONDITION.search(sentence.text))):
            continue  # "warned of a Russian invasion": a danger foreseen
        if cue.cls != "act" and speech is not None and not personal and not quoted and _other_speaker(
                ctx, sentence.start, speech, actor.state):
            continue  # "Kiev warned that Russia would invade": another's harm reported, not a threat
        start = subject_start if subject and len(subject.split()) <= 10 else match.start()
        start, end = strip_span(text, start, clause_end)
        if end <= start:
            continue
        target_mention, target = target_after(ctx, match.end(), end, actor.state)
        found.append(Candidate(
            start, end, sentence, cue.kind, code, actor.state, target, condition, None,
            [match.group().strip(), f"rule:speech_act_{cue.name}"], actor_mention=actor.mention,
            target_mention=target_mention, rule=f"speech_act_{cue.name}"))
        done.add(sentence.start)
    return found
