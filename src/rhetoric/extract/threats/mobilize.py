"""Shows of force found on their frame (CAMEO 15 EXHIBIT FORCE POSTURE).

Deployments, build-ups and reinforcements, forces put on alert, exercises and
drills, patrols, flights and sailings near a rival, missile tests,
mobilisation and parades, announced or planned ones too: each rule is a row
of ``lexicons/force_cues.tsv``; an everyday cue word ("deployed", "exercise",
"increase") needs a military word of ``lexicons/force_nouns.txt`` in its
clause. The negatives, in order: a cue that only dates another event
("during the allies' drills"), the verb "exercise" in "exercise restraint /
its right", negated or denied ("no plans to deploy"), withdrawals ("pulled
back its troops", "bring our soldiers home"), hedged or recommended ones
("could deploy", "should hold exercises": capability and advice, not an
announcement; "urged NATO to send troops": an appeal), stopped or denied ones ("will halt its missile tests", "the
exercises ended", "denied that the rocket was a weapons test"), sentences
of analysts or habits ("analysts said a test would...", "has typically
responded to drills"), and generic
statements about a kind of action ("the deployment of allied forces is one
of the most important aspects of membership").

>>> [(c.rule, c.cameo, c.actor) for c in force_frame_candidates(as_context(
...     "Russia put its troops on combat alert near the border."))]
[('alert', '152', 'Russia')]
>>> force_frame_candidates(as_context("Moscow pulled back the troops it had deployed near the border."))
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rhetoric.extract.threats.actors import (
    Attribution,
    agent_mentions,
    bare_determiner,
    attribute,
    clean_mention,
    is_actor_phrase,
    is_force_owner,
    subject_before,
    target_after,
)
from rhetoric.extract.threats.candidates import Candidate, strip_span
from rhetoric.extract.threats.context import ArticleContext
from rhetoric.extract.threats.frames import as_context
from rhetoric.extract.threats.grammar import frame_patterns
from rhetoric.extract.threats.scan import AnchoredRules
from rhetoric.lexicons import read_lexicon_lines, read_lexicon_table

__all__ = ["force_frame_candidates", "as_context"]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    cameo: str
    requires: str


@lru_cache(maxsize=1)
def _cues() -> tuple[AnchoredRules, dict[str, _Rule]]:
    rules: dict[str, _Rule] = {}
    parts = []
    for name, pattern, cameo, requires, anchors in read_lexicon_table("force_cues.tsv"):
        rules[name] = _Rule(name, cameo, requires)
        parts.append((name, pattern, anchors))
    return AnchoredRules(parts), rules


@lru_cache(maxsize=1)
def _force_nouns() -> re.Pattern[str]:
    words = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in read_lexicon_lines("force_nouns.txt")]
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(words).replace(r"\ ", r"\s+"), re.IGNORECASE)


_NEGATED = re.compile(r"(?:\b(?:not|never|no|nor|without|refused\s+to|declined\s+to|den(?:y|ies|ied|ying)|"
                      r"ruled\s+out|rejected)|n[’']t)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
# withdrawals and pull-backs are not shows of force (CODEBOOK: SHOW_OF_FORCE, NOT)
WITHDRAWAL = re.compile(r"\b(?:withdr[ae]w\w*|pull(?:s|ed|ing)?\s+(?:back|out)|pullback|pull-out|retreat\w*|"
                         r"demobili[sz]\w*|scal(?:e|ed|ing)\s+back|end(?:s|ed)?\s+(?:the\s+)?(?:exercise|drill)s?|"
                         r"(?:return(?:ed|ing)?|back)\s+to\s+(?:their|its)\s+(?:permanent\s+|home\s+)?(?:bases?|barracks|garrisons?)|back\s+home|"
                         r"bring\w*\s+(?:[\w’']+\s+){0,3}(?:back|home))\b", re.IGNORECASE)
# the verb "exercise" of a right or a virtue, not a military exercise
EXERCISE_VERB = re.compile(r"\bexercis(?:e|es|ed|ing)\s+(?:(?:its|their|his|her|our|the|full|great|greater|more|"
                           r"maximum|some|any)\s+)?(?:restraint|caution|power|influence|control|rights?|leadership|"
                           r"patience|judge?ment|sovereignty|veto|option|authority)\b", re.IGNORECASE)
_HEDGED = re.compile(r"\b(?:could|can|should|might|may|must|ought\s+to|possible|able\s+to|ability\s+to|"
                     r"capable\s+of|if|requir\w+|need(?:s|ed)?\s+to|needs|assum\w+|predict\w*|speculat\w*|scenarios?|"
                     r"urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon|for)|ask(?:s|ed|ing)?|appeal\w*|"
                     r"reluctan\w*|unwilling\w*|need\s+for|oppos(?:e|es|ed|ing|ition)|"
                     r"(?:little|no)\s+(?:interest|appetite|desire|intention|plans?)\s+(?:in|to|of))\b",
                     re.IGNORECASE)
_GENERIC = re.compile(r"\W*(?:is|are|was|were|remains?|would\s+be|will\s+be|could\s+be)\s+(?!(?:\w+ed|code-?named|held|begun|run|"
                      r"seen|shown|under\s*way|underway|being|set|due|to|in|on|at|near|off|around|taking|going|expected|"
                      r"scheduled|planned)\b)", re.IGNORECASE)
# "the deployment to the border could cost $200 million": a modal on what the
# action costs or takes hedges the figure, not the action
_ITS_MEASURE = re.compile(r"\s*(?:[\w,.$-]+\s+){0,4}?(?:could|may|might|can)\s+(?:eventually\s+|ultimately\s+)?"
                          r"(?:cost|last|take|involve|include|reach|total|number|require)\b", re.IGNORECASE)
# "The key deterrent is therefore deployment of ...": a kind of action named
# as a predicate noun
PREDICATE_NOUN = re.compile(r"\b(?:is|are|remains?|would\s+be)\s+(?:therefore\s+|thus\s+|also\s+)?(?:the\s+|a\s+)?"
                             r"(?:[\w-]+\s+)?$", re.IGNORECASE)
_NOMINAL_CUE = re.compile(r"(?:re)?deployments?$|stationing$|build-?ups?$|concentrations?$|reinforcements?$|"
                          r"mobili[sz]ation$", re.IGNORECASE)
_NOT_HAPPENED = re.compile(r"\s*(?:[\w,’'-]+\s+){0,6}?(?:not|never)\s+(?:yet\s+)?(?:happened|materiali[sz]ed|taken\s+place|"
                           r"occurred|come)\b", re.IGNORECASE)
_NOMINAL = re.compile(r"(?:deployment|stationing|build-?up|concentration|reinforcement|mobili[sz]ation|exercise|drill)s?\b(?:\s+\S+){0,15}?"
                      r"(?=\s+(?:is|are|was|were|remains?|would|will|could)\b)", re.IGNORECASE)
_FORCE_OBJECT = re.compile(r"\s*(?:(?:the|its|their|our|his|her|a|an|number\s+of|size\s+of)\s+){0,3}(?:[\w-]+\s+){0,2}"
                           r"(?:troops|forces|soldiers|units|personnel|(?<!digital\s)(?<!online\s)(?<!retail\s)(?<!market\s)(?<!media\s)"
                           r"(?<!web\s)(?<!commercial\s)(?<!business\s)presence|warships|ships|jets|aircraft|bombers|"
                           r"missiles|deployments?|garrisons?|contingents?|battalions?|brigades?|divisions?|fleet|"
                           r"patrols|military\s+presence)\b(?![’'])", re.IGNORECASE)  # not "troops' morale"
# a build-up named by what it builds: "the military build-up", "a troop
# buildup", "naval reinforcements"
_FORCE_MODIFIER = re.compile(r"\b(?:military|troop|troops|naval|army|armou?red|missile|force|forces['’])\s+$",
                             re.IGNORECASE)
# the agent of a passive show of force ("drills conducted by the Northern Fleet")
EVENT_AGENT = re.compile(r"\b(?:planned|conducted|held|staged|led|organi[sz]ed|carried\s+out|launched|deployed|sent|"
                       r"ordered|announced)\s+by\s+(?P<np>(?:the\s+)?[^,;.“”\"]{1,60}?)(?=\s+(?:to|in|on|at|after|near|"
                       r"over|for|with)\b|[,;.“”\"]|$)", re.IGNORECASE)
_STOPPED = re.compile(r"\b(?:stop\w*|halt\w*|suspend\w*|cancel\w*|freez\w*|scrap\w*|call\w*\s+off|prohibit\w*|"
                      r"ban\w*|moratorium|end(?:s|ed|ing)?|disrupt\w*|postpon\w*|delay\w*|curtail\w*|"
                      r"scal\w+\s+(?:down|back)|reduc(?:e|es|ing)|limit(?:s|ing)?|cut(?:s|ting)?\s+back(?:\s+on)?)\b"
                      r"(?:\s+[\w’'\"/-]+){0,5}\s*$", re.IGNORECASE)
_ALERT_BEFORE = re.compile(r"\b(?:on|to|at|put|placed|raised|increased|heightened|high|higher|full|combat|maximum|"
                           r"war|battle|red|state\s+of)\s*(?:\w+\s+)?[-\s]*$", re.IGNORECASE)
# "fired missiles during the allies' drills": a time word before a show of force
_TIME_REFERENCE = re.compile(r"\b(?P<word>during|amid|ahead\s+of|before|after|since|until|between)\s+(?:[\w’'-]+\s+){0,4}$",
                             re.IGNORECASE)
_STOPPED_AFTER = re.compile(r"\s*(?:[\w’'-]+\s+){0,4}(?:ended|end|ends|(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
                            r"(?:\w+ly\s+)?(?:cancel+ed|suspended|called\s+off|scrapped|postponed|delayed|put\s+off)|"
                            r"passed\s+without)\b", re.IGNORECASE)
DENIAL = frame_patterns()["denial"]  # "denied", "ruled out": the one list (threat_frames.tsv)
# "calls upon Iran not to undertake any activity such as test launches"
_PROHIBITED = re.compile(r"\b(?:not|never)\s+to\b|\brefrain\w*\s+from\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:!?—–]|,\s+(?:but|while|although|as|and\s+(?:the|a|it|he|she|they))\b")
_FORCE_WINDOW = 80
_SUBORDINATE_LEAD = re.compile(r"\W*(?:if|in\s+case|unless|should|as|while|after|before|when|once|although|though|"
                               r"because|since)\b[^,;]*,", re.IGNORECASE)
# an exercise with a code name is a military one ("the second exercise is code-named ‘Maximum Thunder’")
_CODE_NAMED = re.compile(r"\s*,?\s*(?:(?:is|are|was|were|will\s+be|has\s+been)\s+)?(?:code-?named|codenamed|dubbed)\b",
                         re.IGNORECASE)


# where forces are sent: a send verb's forces come before it ("sent troops to
# the border"), so forces after it are the goal, not what is sent
GOAL = re.compile(r"\b(?:to|into|towards?|for)\b", re.IGNORECASE)


_QUANTITY_TO = re.compile(r"\s(?:up|close)\s+to\s+(?=(?:about\s+|some\s+)?[\d,.]+|(?:a|one|two|three|several)\s+"
                          r"(?:dozen|hundred|thousand))", re.IGNORECASE)


def _sent_to_forces(phrase: str) -> bool:
    """Whether a send phrase names forces only as its goal ("sent around 30
    requests to military units"), after the verb and its object."""
    phrase = _QUANTITY_TO.sub(" ", phrase)  # "send up to 15,000 troops": a number, not a goal
    words = phrase.split(maxsplit=2)
    return len(words) == 3 and GOAL.search(words[2]) is not None


def _clause_bounds(text: str, sentence_start: int, sentence_end: int, start: int, end: int) -> tuple[int, int]:
    left = sentence_start
    for match in re.finditer(r"[;:]|,\s+(?:but|while|although)\b", text[sentence_start:start]):
        left = sentence_start + match.end()
    match = _CLAUSE_END.search(text, end, sentence_end)
    return left, match.start() if match else sentence_end


def force_frame_candidates(ctx: ArticleContext) -> list[Candidate]:
    """Show-of-force candidates from the frame rules, one per clause, in text order."""
    pattern, rules = _cues()
    text = ctx.text
    found: list[Candidate] = []
    taken_until = -1
    for name, match in pattern.matches(text, ctx.words):
        if match.start() < taken_until:
            continue
        rule = rules[name]
        sentence = ctx.sentence_at(match.start())
        if sentence is None:
            continue
        if rule.name == "send_forces" and _sent_to_forces(match.group()):
            continue  # "sent around 30 requests to military units": the forces are not what is sent
        left, right = _clause_bounds(text, sentence.start, sentence.end, match.start(), match.end())
        clause = text[left:right]
        window = text[max(sentence.start, match.start() - _FORCE_WINDOW):min(sentence.end, match.end() + _FORCE_WINDOW)]
        if rule.requires == "force" and not _force_nouns().search(window):
            continue
        if civilian_setting().search(clause):
            continue  # "hospitals on alert", "police deployed to the scene", "mobilize voters": not forces
        if rule.requires == "alert" and not (_ALERT_BEFORE.search(text[max(sentence.start, match.start() - 30):match.start()])
                                             and _force_nouns().search(window)):
            continue  # forces put on alert, not hospitals or a country's health service
        if rule.requires == "force_object" and not (_FORCE_OBJECT.match(text, match.end(), right) or (
                _NOMINAL_CUE.match(match.group().strip())
                and _FORCE_MODIFIER.search(text, max(left, match.start() - 30), match.start()))):
            continue  # what builds up: "increased its troops", "a military build-up"
        if rule.requires == "force_object" and _bare_presence(ctx, match, right, sentence.start, sentence.end):
            continue  # "boost its presence in Asian markets": a presence is a force's only when states act
        if rule.requires == "exercise":
            if EXERCISE_VERB.match(text, match.start()) or not (
                    _force_nouns().search(window) or _CODE_NAMED.match(text, match.end(), sentence.end)
                    or _states_exercise(ctx, match, sentence.start, sentence.end)):
                continue
        # "fired missiles during the allies' drills": the drills are still
        # reported (the codebook codes the sentence), and their owner is the
        # phrase after the time word, not the clause's subject
        dated = _TIME_REFERENCE.search(text, max(left, match.start() - 50), match.start())
        if dated:
            left = dated.end("word")
        if _NEGATED.search(text[max(left, match.start() - 60):match.start()]) or _PROHIBITED.search(text, left, match.start()):
            continue
        if WITHDRAWAL.search(clause):
            continue
        lead = text[left:match.start()]
        after = " ".join(text[match.end():right].split()[:4])
        if (_HEDGED.search(lead) or (_HEDGED.search(after) and not _ITS_MEASURE.match(text, match.end(), right))
                or _STOPPED.search(lead)):
            continue
        if (_STOPPED_AFTER.match(text, match.end(), right) or DENIAL.search(lead)
                or _NOT_HAPPENED.match(text, match.end(), right)):
            continue
        if frame_patterns()["analyst"].search(sentence.text) or (
                frame_patterns()["habitual"].search(sentence.text)):
            continue  # analysts' forecasts and habitual patterns are not events
        nominal = _NOMINAL.match(text, match.start(), right)
        if nominal and _GENERIC.match(text, nominal.end(), right):
            continue
        if _NOMINAL_CUE.match(match.group()) and PREDICATE_NOUN.search(lead):
            continue
        subject_start, subject = subject_before(text, left, match.start())
        by = EVENT_AGENT.search(text, match.start(), right)
        if by:
            actor = attribute(ctx, by.group("np"), by.start("np"), match.start())
        elif bare_determiner(subject):
            # "One drill ... has been carried out": no agent named before the noun
            subject_start, subject = match.start(), ""
            actor = Attribution(None, None, None)
        else:
            actor = attribute(ctx, subject, subject_start, match.start(), speaker_first=False)
        if not actor.mention or not is_force_owner(actor.mention):
            # not from a leading subordinate clause ("In case North Korea failed to get the message, ...")
            subordinate = _SUBORDINATE_LEAD.match(text, sentence.start, match.start())
            lead_start = subordinate.end() if subordinate else sentence.start
            lead_mention = clean_mention(text[lead_start:match.start()])
            if is_force_owner(lead_mention):
                actor = attribute(ctx, lead_mention, lead_start, match.start(), speaker_first=False)
        if actor.state is None and (not actor.mention or not is_force_owner(actor.mention)):
            mentions = agent_mentions(ctx, sentence.start, sentence.end)
            if mentions:
                actor = attribute(ctx, mentions[0].text, mentions[0].start, match.start())
        if actor.state is None and actor.mention and not is_force_owner(actor.mention):
            actor = Attribution(None, None, None)  # "the second (exercise)", "the influx of residents": no actor named
        owner = _noun_owner(ctx, max(left, match.start() - 60), match) if _NOMINAL_CUE.match(match.group().strip()) else None
        if owner is not None:
            actor = owner  # "officials reported a Russian military build-up": the build-up is Russia's
        start = subject_start if subject and len(subject.split()) <= 10 else match.start()
        start, end = strip_span(text, start, right)
        if end <= start:
            continue
        target_mention, target = target_after(ctx, match.end(), end, actor.state)
        found.append(Candidate(start, end, sentence, "show_of_force", rule.cameo, actor.state, target, False, None,
                               [match.group().strip(), f"rule:{rule.name}"], actor_mention=actor.mention,
                               target_mention=target_mention, rule=rule.name))
        taken_until = max(match.end(), end)
    return found


_BARE_PRESENCE = re.compile(r"\s*(?:(?:the|its|their|our|his|her|a|an)\s+)?(?:(?:[\w-]+)\s+)?presence\b", re.IGNORECASE)
_MILITARY_PRESENCE = re.compile(r"\b(?:military|naval|troop|armed|army|air|security|force|forces|nato|alliance)\b",
                                re.IGNORECASE)


def _bare_presence(ctx: ArticleContext, match: re.Match[str], right: int, sentence_start: int, sentence_end: int) -> bool:
    """Whether the cue's object is a presence with no military word ("its
    presence in Asian markets") in a sentence naming no state or alliance."""
    found = _BARE_PRESENCE.match(ctx.text, match.end(), right)
    if found is None or _MILITARY_PRESENCE.search(found.group()):
        return False
    return not any(m.kind in ("state", "alliance") for m in ctx.actors_in(sentence_start, sentence_end))


# the owner premodifying a nominal show of force: "a Russian military build-up",
# "NATO's deployment", "the Chinese troop concentration"
_NOUN_OWNER = re.compile(r"(?:\b(?:a|an|the|this|that|any)\s+)?(?:(?:new|massive|large|major|huge|continued|"
                         r"further|recent|ongoing|significant|renewed)\s+)?(?P<owner>(?-i:[A-Z])[\w.’'-]*"
                         r"(?:\s+(?-i:[A-Z])[\w.’'-]*){0,3}?)(?:['’]s?)?\s+(?:(?:military|troop|troops|naval|army|"
                         r"armou?red|missile|force|forces['’]|air|ground|nuclear)\s+){0,2}$", re.IGNORECASE)


def _noun_owner(ctx: ArticleContext, left: int, match: re.Match[str]) -> Attribution | None:
    """The actor premodifying a nominal cue, when the modifier names one (else None)."""
    found = _NOUN_OWNER.search(ctx.text, left, match.start())
    name = re.sub(r"[’']s?$", "", found.group("owner")) if found else ""
    if not name or not is_actor_phrase(name):
        return None
    owner = attribute(ctx, name, found.start("owner"), match.start(), speaker_first=False)
    return owner if owner.state is not None else None


# an exercise that is no drill of forces: "fire drills", "an exercise in diplomacy", "drills for oil"
_CIVIL_BEFORE = re.compile(r"\b(?:fire|earthquake|evacuation|emergency|safety|lockdown|tornado|tsunami|shooter|"
                           r"disaster|classroom|writing|paper|spelling)\s+$", re.IGNORECASE)
_FIGURATIVE_AFTER = re.compile(r"\W*(?:(?:in|of)\s+(?!(?:the|a|an|its|their|our|his|her)\b)(?-i:[a-z])|for\s+oil\b)",
                               re.IGNORECASE)


def _states_exercise(ctx: ArticleContext, match: re.Match[str], sentence_start: int, sentence_end: int) -> bool:
    """Whether exercises are held or judged by states in their sentence ("The
    exercises were condemned by Seoul as a provocation"): a state's
    exercises are military ones, unless they are civil ("fire drills") or
    figurative ("an exercise in diplomacy")."""
    text = ctx.text
    if _CIVIL_BEFORE.search(text, max(sentence_start, match.start() - 20), match.start()) or \
            _FIGURATIVE_AFTER.match(text, match.end(), sentence_end):
        return False
    return any(m.kind in ("state", "alliance") for m in ctx.actors_in(sentence_start, sentence_end))


def whole_words(parts: list[str]) -> re.Pattern[str]:
    """The alternation of ``parts`` as whole words, case-insensitive."""
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(parts), re.IGNORECASE)


@lru_cache(maxsize=1)
def civilian_setting() -> re.Pattern[str]:
    """The negative rows of ``force_postures.tsv`` for a civilian setting
    (health, an emergency scene, political mobilisation, a figurative army, a
    force noun modifying a civilian head): "Hospitals on high alert", "police
    deployed to the scene of the shooting", "mobilize voters", "fired a
    five-word missile at Hillary", "military families" are not shows of
    force. (The broad rule of :mod:`.posture` applies every negative row;
    the frame rules apply these.)

    >>> bool(civilian_setting().search("Madagascar Hospitals On High Alert"))
    True
    """
    return whole_words([pattern for cls, name, _c, _n, pattern, _w in read_lexicon_table("force_postures.tsv")
                        if cls == "negative" and name in ("health", "emergency", "political", "figurative", "civilian")])
