"""The broad show-of-force rule: a force noun and a posture word in one clause.

The cue frames of :mod:`.mobilize` name phrases ("massed troops", "put on
alert"); this last pass names the phenomenon of CAMEO 15 EXHIBIT FORCE
POSTURE instead: a clause that names armed forces or their platforms and a
word of deployment, build-up, alert, exercise, patrol, flight, sailing,
weapons test or mobilisation, in any tense, announced or planned. The word
classes are rows of ``lexicons/force_postures.tsv``; a posture word pairs
only with the force kinds it can govern ("flew" an aircraft, "test-fired" a
weapon). The rules, in order:

1. paired — a force word of a kind the posture word needs, within
   ``_REACH`` words in the same clause (war games, manoeuvres and plural
   drills and exercises need none);
2. not another event — the clause reports no fighting, withdrawal, arms
   transfer, training or aid, truce or disaster relief (CAMEO codes those
   elsewhere);
3. not hedged — no negation, denial, speculation, condition or appeal in
   the ``_HEDGE_REACH`` words before the posture word in its clause ("urged NATO to send troops"), no
   capability or possibility ("can deploy") and no halt ("will halt its
   missile tests") anywhere in it;
4. not a time reference — "during the drills", "after its January missile
   launch" date another event; not habitual ("has typically responded to
   drills") and not negated right after ("the test did not violate");
5. not another sense — the posture word modifying another noun ("flight
   deck", "launch vehicle"), sending a signal or a message;
6. not a definite mention of an event the article already reported, talked
   about rather than reported ("NATO said it was watching the build-up"),
   unless the clause gives its scale or its predicate reports the event
   ("the drills began on Monday");
7. not generic — a kind of action talked about ("the deployment of allied
   forces is one of the most important aspects", "the key deterrent is
   deployment of ...");
8. not analysts' speculation (an analyst, expert or observer who says,
   thinks or expects it).

>>> [(c.rule, c.cameo, c.actor_mention) for c in posture_candidates(as_context(
...     "Turkey has amassed troops and tanks on the Syrian border."))]
[('posture_deploy', '154', 'Turkey')]
>>> posture_candidates(as_context("Russian troops shelled the town, killing six."))
[]
>>> posture_candidates(as_context("Analysts said China could send warships to the strait."))
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rhetoric.extract.threats.actors import (Attribution, agent_mentions, attribute, bare_determiner, clean_mention,
                                              is_actor_phrase, is_force_owner, subject_before, target_after)
from rhetoric.extract.threats.candidates import Candidate, strip_span
from rhetoric.extract.threats.context import ArticleContext
from rhetoric.extract.threats.frames import as_context
from rhetoric.extract.threats.grammar import frame_patterns, period_ends_abbreviation
from rhetoric.extract.threats.mobilize import DENIAL, EVENT_AGENT, EXERCISE_VERB, GOAL, PREDICATE_NOUN, whole_words
from rhetoric.extract.threats.scan import WordIndex, first_match_per_sentence
from rhetoric.lexicons import read_lexicon_table

__all__ = ["posture_candidates", "as_context"]

_REACH = 10  # words between the posture word and its force noun
_HEDGE_REACH = 8  # words before the posture word a hedge governs
_CLAUSE_BREAK = re.compile(r"[;:!?—–()]|,\s+(?:but|while|although|whereas|though|after|before|as|when|because)\b|"
                           r"\.\s", re.IGNORECASE)
_TIME_REFERENCE = re.compile(r"\b(?:during|amid|amidst|throughout)\s+(?:[\w’'-]+\s+){0,4}$", re.IGNORECASE)
# a nominal posture word after a temporal preposition dates another event
# ("after its January missile launch")
_TIME_BEFORE_NOUN = re.compile(r"\b(?:after|before|since|following|until|ahead\s+of|around|in\s+response\s+to|"
                               r"responded\s+to|response\s+to|defined\s+(?:\w+\s+){0,3}by)\s+(?:[\w’'-]+\s+){0,4}$",
                               re.IGNORECASE)
_HABITUAL = re.compile(r"\b(?:every|each\s+time|whenever|typically|usually|routinely|often|tend\w*\s+to)\b", re.IGNORECASE)
_NEGATED_AFTER = re.compile(r"\W*(?:[\w’'-]+\s+){0,2}?(?:not|never|\w*n[’']t)\b", re.IGNORECASE)
_POSSESSIVE_TIME = re.compile(r"\b(?:last|this|next)\s+(?:week|month|year|spring|summer|autumn|fall|winter)[’']s\s+"
                              r"(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
# a kind of action talked about, not an event: "the deployment of allied
# forces is one of the most important aspects", "the key deterrent is
# deployment of ..."
_NOUN_POSTURE = re.compile(r"(?:\w+ments?|stationing|\w+ations?|build-?ups?|exercises|drills|manoeuvres|maneuvers|"
                           r"patrols|flights|tests|presence|surge)$", re.IGNORECASE)
_GENERIC_AFTER = re.compile(r"[^;:.]*?\b(?:is|are|remains?|would\s+be|will\s+be)\s+(?:\w+\s+){0,3}?(?:one\s+of|important|"
                            r"key|crucial|essential|vital|necessary|critical|the\s+best|the\s+only)\b", re.IGNORECASE)
# the posture word as a modifier of another noun ("flight deck", "launch
# vehicle") or sending something other than forces ("sending the wrong signal")
_OTHER_SENSE = re.compile(r"\s+(?:(?:a|an|the|its|their|wrong|clear|strong|mixed)\s+){0,2}(?:decks?|vehicles?|pads?|sites?|"
                          r"crews?|paths?|plans?|windows?|attendants?|schools?|bans?|moratorium|ranges?|signals?|"
                          r"messages?|letters?|delegations?|envoys?|notes?)\b", re.IGNORECASE)
# "the build-up", "this launch", "the drills were a prelude to war": a
# definite mention of an event the article has already reported, talked
# about rather than reported; kept when the clause gives its scale (a number)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|these|those)\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
# ... unless its predicate reports the event itself: "the exercises are being
# held in three regions", "the drills began on Monday", "the deployment will
# involve 600 troops"
_EVENT_PREDICATE = re.compile(r"\s+(?:[\w,’'-]+\s+){0,6}?(?:(?:is|are|was|were|will\s+be|would\s+be|has\s+been|have\s+been)\s+"
                              r"(?:being\s+)?(?:held|staged|conducted|carried\s+out|launched|under\s*way)|"
                              r"beg[iau]ns?|start(?:s|ed)?|continu(?:e|es|ed)|(?:took|take|takes|will\s+take)\s+place|"
                              r"involv(?:e|es|ed|ing)|(?:will\s+)?last(?:s|ed)?\s+(?:until|for|through))\b", re.IGNORECASE)
_SCALE = re.compile(r"(?<![\w-])\d[\d,.]*(?![\w-])|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)\b",
                    re.IGNORECASE)
# analysts' speculation: an analyst who says, thinks or expects
_SPEAKS = re.compile(r"\W*(?:[\w’'-]+\W+){0,12}?(?:said|say|says|believe\w*|think\w*|thought|expect\w*|predict\w*|"
                     r"warn\w*|fear\w*|suspect\w*|estimat\w*|argu\w*|note\w*|wrote|writes)\b", re.IGNORECASE)
_INFLECTED = re.compile(r"(?:ed|ing|al)$")
_ACCORDING_TO = re.compile(r"according\s+to\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|this|that|its|their|his|her|our|such)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Posture:
    name: str
    cameo: str
    needs: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, _Posture], re.Pattern[str], re.Pattern[str], re.Pattern[str],
                        WordIndex]:
    forces, postures, negatives, hedges, anchors = [], [], [], [], []
    kinds: dict[str, _Posture] = {}
    for cls, name, cameo, needs, pattern, words in read_lexicon_table("force_postures.tsv"):
        anchors.extend(words.split())
        if cls == "force":
            forces.append(f"(?P<f_{name}>{pattern})")
        elif cls == "posture":
            kinds[f"p_{name}"] = _Posture(name, cameo, frozenset(needs.split()) - {"-"})
            postures.append(f"(?P<p_{name}>{pattern})")
        elif cls == "negative":
            negatives.append(pattern)
        elif cls == "hedge":
            hedges.append(pattern)
        else:
            raise ValueError(f"force_postures.tsv: unknown class {cls!r} in row {name!r}")

    return (whole_words(postures), kinds, whole_words(forces), whole_words(negatives), whole_words(hedges),
            WordIndex(anchors))


def _clause(text: str, lower: int, upper: int, start: int, end: int) -> tuple[int, int]:
    left = lower
    for match in _CLAUSE_BREAK.finditer(text, lower, start):
        if not _abbreviation_stop(text, match):
            left = match.end()
    right = upper
    for match in _CLAUSE_BREAK.finditer(text, end, upper):
        if not _abbreviation_stop(text, match):
            right = match.start()
            break
    return left, right


def _abbreviation_stop(text: str, match: re.Match[str]) -> bool:
    """Whether a full stop the clause pattern found ends an abbreviation or an
    initial ("Harry S. Truman", "Mr. Assad", "U.S. forces"), not a clause."""
    return match.group().startswith(".") and period_ends_abbreviation(text, match.start())


def _paired(text: str, left: int, right: int, start: int, end: int, needs: frozenset[str]) -> bool:
    forces = _lexicon()[2]
    before = text[left:start].split()[-_REACH:]
    after = text[end:right].split()[:_REACH]
    window = " ".join(before) + " " + text[start:end] + " " + " ".join(after)
    for match in forces.finditer(window):
        if match.start() <= len(" ".join(before)) < match.end():
            continue  # the posture word itself
        kind = next(name[2:] for name, value in match.groupdict().items() if value)
        if kind in needs:
            return True
    return False


_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|in\s+preparation\s+for|in\s+anticipation\s+of|preparing\s+for|to\s+prepare\s+for|"
                       r"before\s+(?:an?|the)\s+(?:expected|planned|possible|anticipated|looming|threatened|feared)\b)",
                       re.IGNORECASE)
_SEND = re.compile(r"(?:sen[dt]|sending|dispatch|order)", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[\w-]+ly\s+)?$", re.IGNORECASE)
_IN_PROPER_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z]+\s+$")


def _headline(sentence: str) -> bool:
    """Whether the sentence is title-cased (a headline), where every word is capitalised."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def posture_candidates(ctx: ArticleContext, skip: frozenset[int] = frozenset()) -> list[Candidate]:
    """Show-of-force candidates from the broad rule, one per sentence, in text order.

    ``skip`` holds the start offsets of sentences that already have a show of force.
    """
    postures, kinds, _forces, negatives, hedges, index = _lexicon()
    text = ctx.text
    found: list[Candidate] = []
    done: set[int] = set(skip)
    for match, sentence in first_match_per_sentence(text, ctx.words, postures, index, ctx.sentence_at, done):
        posture = kinds[next(name for name, value in match.groupdict().items() if value and name.startswith("p_"))]
        left, right = _clause(text, sentence.start, sentence.end, match.start(), match.end())
        if posture.needs and not _paired(text, left, right, match.start(), match.end(), posture.needs):
            continue
        near = " ".join(text[left:match.start()].split()[-_HEDGE_REACH:])
        # fighting the build-up prepares for ("ahead of an expected offensive") is not fighting reported
        ahead = _AHEAD_OF.search(text, match.end(), right)
        if negatives.search(text, left, ahead.start() if ahead else right) or hedges.search(near) or DENIAL.search(
                text, sentence.start, match.start()):
            continue
        lead = text[max(left, match.start() - 60):match.start()]
        nominal = bool(_NOUN_POSTURE.match(match.group())) or posture.name in ("test", "flight")
        if _TIME_REFERENCE.search(lead) or (nominal and (_TIME_BEFORE_NOUN.search(lead) or _POSSESSIVE_TIME.search(lead))):
            continue
        if _HABITUAL.search(text, left, match.start()) or _NEGATED_AFTER.match(text, match.end(), right):
            continue
        passive = posture.name == "move" and not match.group().lower().endswith("ing") and bool(
            _PASSIVE_BEFORE.search(text, left, match.start()))  # "were sent", not "has been sending"
        if posture.name == "move" and not passive and " " not in match.group().strip() and not _INFLECTED.search(
                match.group()) and (_ARTICLE_BEFORE.search(text, left, match.start())
                or not _paired(text, match.end(), right, match.end(), match.end(), posture.needs)):
            continue  # "a risky move", "orders": the base form is a verb with its force object after it
        if posture.name == "exercise" and EXERCISE_VERB.match(text, match.start()):
            continue
        if posture.name == "move" and _SEND.match(match.group()):
            goal = GOAL.search(text, match.end(), right)
            object_end = goal.start() if goal else right
            if passive and not _paired(text, left, match.start(), match.start(), match.start(), posture.needs):
                continue  # "troops were sent to the border": in the passive, forces are the subject
            if not passive and not _paired(text, match.end(), object_end, match.end(), match.end(), posture.needs):
                continue  # "sending him options", "sent 30 requests to military units": forces must be the object
        if _IN_PROPER_NAME.search(text, max(sentence.start, match.start() - 30), match.start()) and \
                match.group()[:1].isupper() and not _headline(sentence.text):
            continue  # "Border Patrol agents": a name, not a patrol
        if _OTHER_SENSE.match(text, match.end(), right):
            continue
        if (_NOUN_POSTURE.match(match.group()) or posture.name in ("test", "flight", "move")) and _DEFINITE_BEFORE.search(
                text, left, match.start()) and not _SCALE.search(text, left, right) \
                and not _EVENT_PREDICATE.match(text, match.end(), right):
            continue
        if _NOUN_POSTURE.match(match.group()) and (_GENERIC_AFTER.match(text, match.end(), right)
                                                    or PREDICATE_NOUN.search(text, left, match.start())):
            continue
        analyst = frame_patterns()["analyst"].search(sentence.text)
        if analyst and (_SPEAKS.match(sentence.text, analyst.end()) or _ACCORDING_TO.search(
                sentence.text[:analyst.start()])):
            continue
        subject_start, subject = subject_before(text, left, match.start())
        by = EVENT_AGENT.search(text, match.start(), right)
        if by is not None and is_force_owner(by.group("np")):
            # "a routine event organized by the NATO Allied Air Command"
            actor = attribute(ctx, by.group("np"), by.start("np"), match.start(), speaker_first=False)
        elif bare_determiner(subject):
            # "The exercises are being held": no agent named before the noun
            subject_start, subject = match.start(), ""
            actor = Attribution(None, None, None)
        else:
            actor = attribute(ctx, subject, subject_start, match.start(), speaker_first=False)
        if not actor.mention or not is_force_owner(actor.mention):
            lead = clean_mention(text[sentence.start:match.start()])
            if is_force_owner(lead):
                actor = attribute(ctx, lead, sentence.start, match.start(), speaker_first=False)
        if actor.state is None and (not actor.mention or not is_force_owner(actor.mention)):
            mentions = agent_mentions(ctx, sentence.start, sentence.end)
            if mentions:
                actor = attribute(ctx, mentions[0].text, mentions[0].start, match.start())
        start = subject_start if subject and len(subject.split()) <= 10 else match.start()
        start, end = strip_span(text, max(start, left), right)
        if end <= start:
            continue
        target_mention, target = target_after(ctx, match.end(), end, actor.state)
        found.append(Candidate(start, end, sentence, "show_of_force", posture.cameo, actor.state, target, False, None,
                               [match.group().strip(), f"rule:posture_{posture.name}"], actor_mention=actor.mention,
                               target_mention=target_mention, rule=f"posture_{posture.name}"))
        done.add(sentence.start)
    return found
