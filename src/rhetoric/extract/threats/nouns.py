"""Threat nouns that name an actor's statement: "Pyongyang's latest threats".

The frame rules read "threats to VP", "threats of war" and "issued threats";
this rule reads the noun "threat(s)" / "warning(s)" / "ultimatum" when the
sentence names whose statement it is (CAMEO 13 THREATEN reported as a noun)
rather than a danger ("the terrorist threat", "a threat to stability").
The rules, in order:

1. owned — a possessive actor ("Kim's", "Russia's", "his", "their"), an
   actor adjective before a plural ("North Korean threats"; "the Russian
   threat" is a danger) or an agent after a plural ("threats from / by Iran";
   "the threat from Iran" is a danger);
2. a statement, not a danger — not "threat to ..." ("Russia's threat to
   European security"; "threat to VP" is the frame rules'), and a warning names a harm or consequence in its
   clause ("his warnings of war", not "her warning about the weather");
3. not negated ("no threats"), not analysts' talk, not a question.

A headline's colon attribution may name a harm with no verb at all ("Merkel:
more sanctions if Russia escalates"); :func:`colon_headline_candidates`
reads it as the speaker's threat when a condition follows the harm.

The sentence need not be the actor's own: "Washington dismissed
Pyongyang's threats" reports Pyongyang's threats (CODEBOOK: a sentence that
reports the other's threatening statement).

>>> [(c.kind, c.actor_mention, c.actor) for c in noun_candidates(as_context(
...     "Washington dismissed Pyongyang's latest threats as bluster."))]
[('threat', 'Pyongyang', 'North Korea')]
>>> noun_candidates(as_context("Iran's threat to regional stability is growing."))
[]
"""

from __future__ import annotations

import re

from rhetoric.extract.threats.actors import attribute, is_actor_phrase, target_after
from rhetoric.extract.threats.candidates import HEADLINE_WORDS, Candidate, colon_speaker, strip_span
from rhetoric.extract.threats.coding import harm_code
from rhetoric.extract.threats.context import ArticleContext
from rhetoric.extract.threats.frames import CONDITION, SPEECH, as_context
from rhetoric.extract.threats.grammar import frame_patterns
from rhetoric.text.actors import find_actors

__all__ = ["noun_candidates", "colon_headline_candidates", "as_context"]

_NOUN = re.compile(r"(?<![\w-])(?P<noun>threats?|warnings?|ultimatums?)(?![\w-])", re.IGNORECASE)
# "Kim's (latest nuclear) threats", "his threats": the owner before the noun
_MODIFIERS = (r"(?:(?:latest|new|fresh|repeated|renewed|recent|earlier|previous|veiled|explicit|direct|open|"
              r"public|nuclear|military|verbal|bellicose|warlike|dire|stern|stark|blunt|final|last|"
              r"[\w-]+-worded|(?-i:[a-z][\w-]*))\s+){0,3}$")
_OWNER = re.compile(r"(?:(?P<owner>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)['’]s?|\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir))\s+"
                    + _MODIFIERS)
_ADJECTIVE = re.compile(r"(?P<owner>(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*(?:an|ian|ese|ish|i|ic))\s+(?:(?:[\w-]+)\s+){0,1}$")
_AGENT = re.compile(r"\s+(?:from|by)\s+(?P<agent>(?:the\s+)?(?:[A-Z][\w.-]*\s*){1,4})")
# "the threat of (new) sanctions (from ...)": the harm the noun names
_HARM_OF = re.compile(r"\s+of\s+(?:[\w-]+\s+){0,2}?[\w-]+(?=\s+(?:from|by)\s)", re.IGNORECASE)
# a sentence framed as a threat by the writer: "In a (thinly veiled) warning to Kiev, X said ..."
_FRAMING = re.compile(r"\W*In\s+(?:what\s+(?:was|is)\s+(?:widely\s+)?(?:seen|read)\s+as\s+)?an?\s+(?:[\w-]+\s+){0,3}?"
                      r"(?P<noun>threat|warning|ultimatum)(?:\s+to\s+[^,]{1,60})?,\s*", re.IGNORECASE)
# non-force coercion (CAMEO 131x aid, sanctions, relations; 132x administrative; 134 talks)
_COERCION_CODES = ("131", "132", "134")
_TO = re.compile(r"\s+to\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:no|not|never|without|any)\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:!?—–]|\.(?:\s|$)")
# a threat that grows or looms is a danger ("Iran's growing threat, not only to Israel")
_DANGER_MODIFIER = re.compile(r"\b(?:growing|increasing|rising|mounting|looming|existential|potential|perceived|"
                              r"greatest|biggest|gravest|major|strategic|long-term|imminent|real|serious|security|"
                              r"terror(?:ist)?)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _owner(ctx: ArticleContext, sentence_start: int, position: int, end: int, plural: bool) -> tuple[str, int] | None:
    text = ctx.text
    lead = text[max(sentence_start, position - 80):position]
    offset = position - len(lead)
    found = _OWNER.search(lead)
    if found:
        group = "owner" if found.group("owner") else "pronoun"
        owner = found.group(group)
        if group == "pronoun" or is_actor_phrase(owner) or find_actors(owner):
            return owner, offset + found.start(group)
    found = _ADJECTIVE.search(lead) if plural else None
    if found and find_actors(found.group("owner")):
        # "North Korean threats" (a plural of statements; "the Russian threat" is a danger)
        return found.group("owner"), offset + found.start("owner")
    agent = _AGENT.match(text, end)
    harm = _HARM_OF.match(text, end)
    if agent is None and harm is not None and (harm_code(harm.group()) or "").startswith(_COERCION_CODES):
        # "the threat of sanctions from Washington": a coercive measure only an
        # actor can take is a statement; "the threat of an attack from Iran" is a danger
        agent, plural = _AGENT.match(text, harm.end()), True
    by = agent is not None and agent.group().lstrip().lower().startswith("by")
    if agent and (plural or by) and is_actor_phrase(agent.group("agent").strip()):
        # "threats from the White House" and "the threat by Trump" are
        # statements; "the threat from the Islamic State" is a danger
        return re.split(r"\.(?:\s|$)", agent.group("agent"))[0].strip(" .,"), agent.start("agent")  # not into the next sentence
    return None


def noun_candidates(ctx: ArticleContext, skip: frozenset[int] = frozenset()) -> list[Candidate]:
    """Threat candidates from owned threat nouns, one per sentence, in text order."""
    text = ctx.text
    found: list[Candidate] = []
    done: set[int] = set(skip)
    analyst = frame_patterns()["analyst"]
    for match in _NOUN.finditer(text):
        sentence = ctx.sentence_at(match.start())
        if sentence is None or sentence.start in done:
            continue
        if _NEGATED.search(text, max(sentence.start, match.start() - 30), match.start()):
            continue
        if _DANGER_MODIFIER.search(text, max(sentence.start, match.start() - 30), match.start()):
            continue  # "Iran's growing threat", "the existential threat": a danger, not a statement
        if _TO.match(text, match.end()):
            continue  # "threat to NP" is a danger; "threat to VP" is read by the frame rules
        stop = _CLAUSE_END.search(text, match.end(), sentence.end)
        clause_end = stop.start() if stop else sentence.end
        noun = match.group("noun").lower()
        code = harm_code(text[match.start():clause_end]) or "130"
        if noun.startswith("warning") and harm_code(text[sentence.start:clause_end]) is None:
            continue  # a warning about the weather is not a threat
        owner = _owner(ctx, sentence.start, match.start(), match.end(), noun.endswith("s"))
        framing = _FRAMING.match(text, sentence.start) if owner is None else None
        if framing is not None and framing.end("noun") == match.end():
            # "In a thinly veiled threat, the minister said ...": the speaker's words are the threat
            speech = SPEECH.search(text, framing.end(), sentence.end)
            subject = text[framing.end():speech.start()] if speech else ""
            if subject.strip() and len(subject.split()) <= 8 and is_actor_phrase(subject.strip(" ,")):
                owner = subject.strip(" ,"), framing.end() + len(subject) - len(subject.lstrip())
            clause_end = sentence.end
        if owner is None:
            continue
        if analyst.search(text, sentence.start, match.start()) or sentence.text.rstrip(" ”\"'’").endswith("?"):
            continue
        mention, mention_start = owner
        actor = attribute(ctx, mention, mention_start, match.start(), speaker_first=False)
        start, end = strip_span(text, min(mention_start, match.start()), clause_end)
        if end <= start:
            continue
        kind = "ultimatum" if noun.startswith("ultimatum") else "warning" if noun.startswith("warning") else "threat"
        found.append(Candidate(
            start, end, sentence, kind, "139" if kind == "ultimatum" else code, actor.state, None,
            bool(CONDITION.search(text, sentence.start, sentence.end)), None,
            [match.group(), "rule:owned_threat_noun"], actor_mention=actor.mention, rule="owned_threat_noun"))
        done.add(sentence.start)
    return found


_COLON = re.compile(r":\s")
_HEADLINE_HARM_WORDS = 6
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|do|does|did|be|been|"
                   r"\w+ed)\b", re.IGNORECASE)
_HEADLINE_CONDITION = re.compile(r"\b(?:if|unless|or\s+face|in\s+case)\b", re.IGNORECASE)


def colon_headline_candidates(ctx: ArticleContext, skip: frozenset[int] = frozenset()) -> list[Candidate]:
    """Threats of verbless colon headlines ("Merkel: more sanctions if Russia
    escalates"): a harm within the first words after the speaker's colon and a
    condition after it; the speaker threatens.

    >>> [(c.actor_mention, c.cameo, c.conditional) for c in colon_headline_candidates(as_context(
    ...     "Merkel: more sanctions if Russia escalates"))]
    [('Merkel', '1312', True)]
    """
    text = ctx.text
    found: list[Candidate] = []
    for colon in _COLON.finditer(text):
        sentence = ctx.sentence_at(colon.start())
        if sentence is None or sentence.start in skip:
            continue
        speaker = colon_speaker(text, sentence, colon.end() + 1)
        if speaker is None:
            continue
        rest = text[colon.end():sentence.end]
        words = rest.split()
        if len(words) > HEADLINE_WORDS:
            continue
        code = harm_code(" ".join(words[:_HEADLINE_HARM_WORDS]))
        condition = _HEADLINE_CONDITION.search(rest)
        if code is None or condition is None or harm_code(rest[:condition.start()]) is None or \
                _VERB.search(rest, 0, condition.start()):
            continue  # "Obama: Sanctions have worked, if slowly": a clause with its verb, read by the other rules
        actor = attribute(ctx, speaker[0], speaker[1], colon.start())
        target_mention, target = target_after(ctx, colon.end(), sentence.end, actor.state)
        start, end = strip_span(text, speaker[1], sentence.end)
        found.append(Candidate(start, end, sentence, "threat", code, actor.state, target, True, None,
                               [text[colon.end():colon.end() + condition.start()].strip(), "rule:colon_headline"],
                               actor_mention=actor.mention, target_mention=target_mention, rule="colon_headline"))
    return found
