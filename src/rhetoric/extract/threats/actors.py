"""Who threatens or shows force, and at whom: the subject noun phrase of a cue,
whether it names an actor, the mention as written and the state behind it.

The mention is always kept as written ("the Polish parliament", "Hezbollah",
"President Recep Tayyip Erdogan"); the state comes from the actor gazetteer
(:mod:`rhetoric.text.actors`) when it knows the mention. A pronoun or a bare
"the ministry" is resolved within the article: to the speaker of the quotation
holding the cue, else to the most recent named speaker or actor before it.

>>> subject_before("Moscow has repeatedly ", 0, len("Moscow has repeatedly "))
(0, 'Moscow')
>>> is_actor_phrase("the conflict"), is_actor_phrase("the Polish parliament"), is_actor_phrase("Hezbollah")
(False, True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rhetoric.extract.threats.coding import harm_span
from rhetoric.extract.threats.context import ArticleContext
from rhetoric.extract.threats.grammar import (
    ACTOR_KINDS,
    canonical_state,
    frame_patterns,
    word_list,
    word_list_alternation,
)
from rhetoric.lexicons import read_lexicon_table
from rhetoric.text.actors import ActorMention, find_actors

__all__ = ["subject_before", "is_actor_phrase", "clean_mention", "elided_thing_subject", "is_inanimate_phrase",
           "Attribution", "attribute", "target_after", "agent_mentions", "bare_determiner", "object_target",
           "actor_acts_after", "refers_to_actor", "held_place"]

# A clause boundary before a cue: punctuation, a relative or complement word,
# a coordinating conjunction before a new subject, a quote mark.
_CLAUSE_BOUNDARY = re.compile(
    r"[;:(—–“”\"]|,\s+(?!(?:who|which)\b)|\b(?:that|which|who|whom|when|while|as|because|after|before|but|and|"
    r"if|unless|although|though|where|since|said|says|say|told|tells|added|stated|declared|announced|"
    r"stressed|insisted|warned|according\s+to)\s+", re.IGNORECASE)
_AUXILIARY_TAIL = re.compile(
    r"(?:(?:^|\s+)(?:has|have|had|is|are|was|were|will|would|could|may|might|also|again|repeatedly|already|now|then|"
    r"earlier|later|once|even|still|openly|publicly|reportedly|allegedly|officially|previously|recently|"
    r"just|not|never|never\s+once|\w+ly|however,?|meanwhile,?|though,?|instead,?|too,?|while|whereas|"
    # catenative verbs and a headline's bare "to" ("Russia continues to
    # mass troops", "US to send warship"): the subject ends before them
    r"to|continu(?:e|es|ed)|beg[iau]ns?|start(?:s|ed)?|plan(?:s|ned)?|prepar(?:e|es|ed|ing)|intend(?:s|ed)?|"
    r"decid(?:e|es|ed)|seem(?:s|ed)?|appear(?:s|ed)?|going|set|due|expected|about|ready|preparing|planning))+\s*$",
    re.IGNORECASE)
_PRONOUNS = word_list("personal_pronouns")
# a time phrase between a subject and its verb ("the ministry on Monday warned",
# "Kiev, which last week vowed", "who on Saturday night released")
_TIME_TAIL = re.compile(r"(?:(?:^|,?\s+)(?:on|last|this|next|earlier|later|late|early)\s+(?:this\s+|last\s+)?(?:Monday|Tuesday|"
                        r"Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|night|morning|evening|"
                        r"afternoon|January|February|March|April|May|June|July|August|September|October|November|"
                        r"December)(?:\s+(?:night|morning|evening|afternoon))?,?)+\s*$")
# the name before ", who" / ", which" (a relative's antecedent)
_ANTECEDENT = re.compile(r"((?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|of\s+the|de|al)\s+)?[A-Z][\w'’.-]*){0,6}),"
                         r"\s+(?:who|which)\s+$")
# a contracted auxiliary on a pronoun subject ("I’ve", "we’d", "they'll")
_CLITIC_TAIL = re.compile(r"(?<=\w)['’](?:ve|d|ll|s|re|m)$", re.IGNORECASE)
# a relative clause set off by commas that closes right before the cue
_CLOSED_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;:“”\"]{1,120},\s*$", re.IGNORECASE)
_TRAILING_RELATIVE = re.compile(r"\s+(?:who|which|that)$", re.IGNORECASE)
_COPULA_BEFORE = re.compile(r"^.*\b(?:is|was|are|were|being|been|be)\s+", re.IGNORECASE)
# a name of two or more capitalised words ends right before the appositive
_NAME_BEFORE_APPOSITIVE = re.compile(r"[A-Z][\w'’.-]+\s+(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]+$")
# an appositive set off by commas right before the cue ("Richard Conroy, the founder of X, has ...")
_CLOSED_APPOSITIVE = re.compile(r"(?<=[A-Za-z]),\s+(?:the|a|an)\s+[^,;:“”\"]{1,80},\s*$", re.IGNORECASE)
# only an auxiliary after a comma: the subject is before the comma ("Kenya, which ..., has issued")
_BARE_AUXILIARY = re.compile(r",\s*(?:(?:has|have|had|is|are|was|were|will|would|also|repeatedly|\w+ly)\s+)+$",
                             re.IGNORECASE)
_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those|its|his|her|their|our|some|both)\s+", re.IGNORECASE)
# a capitalised name ("Hezbollah", "Erdogan") or an acronym ("G7", "IRGC")
_NAME = re.compile(r"(?<![\w'’])(?:[A-Z][\w'’.-]*[a-z][\w'’.-]*|[A-Z][A-Z0-9&-]{1,6}(?![\w'’]))")
_SENTENCE_INITIAL_WORDS = word_list("sentence_initial")
_MONTHS_DAYS = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                          r"April|May|June|July|August|September|October|November|December)$")


_TOLD_BEFORE = re.compile(r"\b(?:told|tells|tell)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _audience() -> re.Pattern[str]:
    """Whom "told" names before its clause ("reporters", "the BBC"), from ``threat_word_lists.tsv``."""
    return re.compile(r"(?:%s)\s+" % word_list_alternation("audience"), re.IGNORECASE)


@lru_cache(maxsize=1)
def _actor_nouns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(actor-noun pattern, thing-noun pattern) from ``actor_nouns.tsv``."""
    parts: dict[str, list[str]] = {"actor": [], "thing": []}
    for word, role in read_lexicon_table("actor_nouns.tsv"):
        parts[role].append(re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word))
    return tuple(re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(parts[role]), re.IGNORECASE)
                 for role in ("actor", "thing"))  # type: ignore[return-value]


def subject_before(text: str, lower: int, position: int) -> tuple[int, str]:
    """The subject noun phrase ending just before ``position`` (a cue), within
    ``[lower, position)``: the text after the last clause boundary, without a
    trailing auxiliary or adverb. Returns (start, phrase)."""
    segment = text[lower:position]
    bare = _BARE_AUXILIARY.search(segment)
    if bare is not None and bare.start() > 0:
        return subject_before(text, lower, lower + bare.start() + 1)
    appositive = _CLOSED_APPOSITIVE.search(segment)
    if appositive is not None and _NAME_BEFORE_APPOSITIVE.search(segment, 0, appositive.start()):
        return subject_before(text, lower, lower + appositive.start())
    cut = 0
    for match in _CLAUSE_BOUNDARY.finditer(segment):
        if segment[match.end():].strip():
            cut = match.end()
    relative = _CLOSED_RELATIVE.search(segment)
    if relative is not None and relative.start() > 0:
        # "The bombers, which took off from Guam, conducted": the subject is
        # before the relative clause
        return subject_before(text, lower, lower + relative.start())
    if cut and _TOLD_BEFORE.search(segment, 0, cut):
        audience = _audience().match(segment, cut)
        if audience is not None and segment[audience.end():].strip():
            cut = audience.end()  # "told reporters Bacon had threatened": the clause's subject follows the audience
    phrase = segment[cut:]
    time = _TIME_TAIL.search(phrase)
    if time and time.start() > 0:
        phrase = phrase[:time.start()]
    elif time and cut:
        # only a time phrase after the boundary: the subject is before it
        # ("Mayor Schaaf, who on Saturday night released": the relative's antecedent)
        antecedent = _antecedent_before(segment, cut, lower)
        if antecedent is not None:
            return antecedent
        return subject_before(text, lower, lower + cut - 1) if cut > 1 else (lower, "")
    tail = _AUXILIARY_TAIL.search(phrase)
    if tail:
        phrase = phrase[:tail.start()]
    if not phrase.strip() and cut:
        # "X, however, warned": the phrase before the parenthetical
        return subject_before(text, lower, lower + cut - 1) if cut > 1 else (lower, "")
    stripped = _CLITIC_TAIL.sub("", phrase.strip(" ,"))
    if stripped.lower() in ("that", "which", "who", "whom"):
        antecedent = _antecedent_before(segment, cut, lower) if stripped.lower() in ("who", "which") else None
        # "... slammed Mayor Schaaf, who released": the name before the comma
        return antecedent if antecedent is not None else (position, "")
    relative_end = _TRAILING_RELATIVE.search(stripped)
    if relative_end is not None:
        antecedent = _ANTECEDENT.search(segment.rstrip() + " ")
        if antecedent is not None and antecedent.start(1) >= cut:
            # "... slammed Mayor Schaaf, who (released)": the name before the comma
            return lower + antecedent.start(1), antecedent.group(1)
        # "... and bully who (has pledged)", "This was the same Clinton who": the antecedent
        stripped = _COPULA_BEFORE.sub("", stripped[:relative_end.start()])
        owner = None
        for owner in _PREDICATE_OWNER.finditer(segment, 0, cut + len(phrase)):
            pass
        if owner is not None and stripped and stripped == stripped.lower():
            # "Donald Trump is a serial liar, ... and bully who has pledged": the
            # predicate nouns describe the subject, who is the one who pledged
            return lower + owner.start("np"), owner.group("np")
    return lower + cut + (len(phrase) - len(phrase.lstrip(" ,"))), stripped


# "Donald Trump is a serial liar, ...": a name and the predicate nouns that describe it
_PREDICATE_OWNER = re.compile(r"(?P<np>(?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*){0,3})"
                              r"(?:(?:\s+(?-i:[a-z])[\w’'-]*){1,6}?\s+and)?\s+(?:is|was|remains|has\s+been)"
                              r"\s+(?:(?:also|now|still|simply|just)\s+)?(?:an?|the)\s+")


def _antecedent_before(segment: str, end: int, lower: int) -> tuple[int, str] | None:
    """(start in the text, name) of the name that ``segment[:end]``'s closing ", who " / ", which " refers to."""
    antecedent = _ANTECEDENT.search(segment, 0, end)
    return (lower + antecedent.start(1), antecedent.group(1)) if antecedent is not None else None


def is_actor_phrase(phrase: str) -> bool:
    """Whether a noun phrase names an actor (not "the crisis", "climate change")."""
    phrase = phrase.strip()
    if not phrase:
        return False
    actor_nouns, thing_nouns = _actor_nouns()
    words = phrase.split()
    head = words[-1].lower().strip(".,'’")
    if head in _PRONOUNS and head != "it":
        return True
    if frame_patterns()["analyst"].search(phrase) or is_inanimate_phrase(phrase):
        return False
    # the head decides: a prepositional phrase after it ("a campaign against
    # the army", "support for a terrorist organization") does not make the
    # phrase an actor, unless the head is a role within one ("the head of the
    # ministry", "members of the junta")
    first = words[0].strip("“\"'‘").lower()
    if first.endswith("ing") and len(first) > 5 and first not in _PRONOUNS and not find_actors(words[0]):
        return False  # "Dislodging Syrian leader Bashar al-Assad", "Following the Father General's"
    core, rest = _split_head(_TRAILING_TIME.sub("", phrase))
    core_head = core.split()[-1].lower().strip(".,'’") if core.split() else ""
    if rest and core_head in _ROLE_HEADS:
        # an office is an actor whatever it is of ("the minister of the
        # economy"); a part or member is one of an actor ("members of the junta")
        return bool(actor_nouns.fullmatch(core_head)) or is_actor_phrase(rest)
    if core_head in _PRONOUNS and core_head != "it":
        return True
    if thing_nouns.fullmatch(core_head) or _DETERMINER_ONLY.fullmatch(core_head):
        return False  # "the crisis"; a determiner or numeral alone ("One drill ..."): no head noun
    if actor_nouns.fullmatch(core_head):
        return True  # "the ministry"; "government efforts" is headed by "efforts"
    names = [n for n in _NAME.findall(core) if n not in _SENTENCE_INITIAL_WORDS and not _MONTHS_DAYS.match(n)]
    # a capitalised word heads the phrase ("President Recep Tayyip Erdogan",
    # "Hezbollah"), not a capitalised first word before a common noun
    # ("Simply expressing support", "It's resistance")
    if names and _NAME.fullmatch(core.split()[-1].strip(".,")) is not None:
        return True
    head_at = len(core.rstrip(" .,'’")) - 1
    # a gazetteer mention ending at the head ("pro-Russian separatists"; not
    # "Iranian missile tests")
    return any(m.kind in ACTOR_KINDS and m.end > head_at for m in find_actors(core))


# a lower-case common noun just before a name, after a determiner ("the attack ISIS")
_STRAY_NOUN = re.compile(r"(?:^|\s)(?:the|a|an|this|that)\s+(?-i:[a-z][a-z-]+)\s+$", re.IGNORECASE)


def is_inanimate_phrase(phrase: str) -> bool:
    """Whether a subject phrase is headed by a thing, not an actor ("the
    storm", "rising seas", "Hurricane Irma": a hazard's name), so its "will
    strike" is a forecast, not a threat (CODEBOOK: inanimate subjects).

    >>> is_inanimate_phrase("A solar storm"), is_inanimate_phrase("Hurricane Irma"), is_inanimate_phrase("Iran")
    (True, True, False)
    """
    thing_nouns = _actor_nouns()[1]
    core = _split_head(_TRAILING_TIME.sub("", phrase.strip(" ,")))[0].split()
    if not core:
        return False
    head = core[-1].lower().strip(".,'’")
    # "Hurricane Irma", "Storm Ciara": the hazard names the name after it
    return bool(thing_nouns.fullmatch(head)) or (len(core) == 2 and bool(thing_nouns.fullmatch(core[0])))


# a sentence that opens with a noun phrase: a determiner and up to four words before its head
_OPENING_NP = re.compile(r"\s*[“\"‘']?(?:the|this|that|these|those|a|an|its|his|her|their|our|such)\s+"
                         r"(?P<np>(?:[\w’'-]+\s+){0,4}[\w’'-]+)", re.IGNORECASE)
_ELIDED = re.compile(r"\W*(?:and|but|or|then)?\W*", re.IGNORECASE)


def elided_thing_subject(text: str, sentence_start: int, clause: int, cue: int) -> bool:
    """Whether a cue's clause has no subject of its own ("…, and will
    destroy") and the sentence's opening noun phrase, which it shares, is
    headed by a thing ("This document insults …, and will destroy …").

    >>> text = "This dimwitted document insults young people, and will destroy the Church."
    >>> elided_thing_subject(text, 0, text.index(" and") + 1, text.index("will"))
    True
    """
    if clause <= sentence_start or not _ELIDED.fullmatch(text[clause:cue]):
        return False
    opening = _OPENING_NP.match(text, sentence_start)
    if opening is None:
        return False
    words = opening.group("np").split()
    return any(is_inanimate_phrase(" ".join(words[:n])) for n in range(1, len(words) + 1))


def is_force_owner(phrase: str) -> bool:
    """Whether a phrase names whose forces act: an actor phrase, or forces
    qualified by a state ("The U.S. warmongers", "Iranian speedboats")."""
    return is_actor_phrase(phrase) or any(m.kind in ACTOR_KINDS for m in find_actors(phrase))


_TRAILING_TIME = re.compile(r"(?:,?\s+(?:last|this|next|earlier|later|on|in|early|late)\s+(?:year|week|month|night|"
                            r"weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                            r"March|April|May|June|July|August|September|October|November|December)|"
                            r",?\s+(?:yesterday|today|tonight|again|also|now|then|repeatedly))+\s*$", re.IGNORECASE)
_HEAD_PP = re.compile(r"\s(?:of|for|to|in|on|at|from|with|against|about|over|under|near|toward|towards)\s",
                      re.IGNORECASE)
_ROLE_HEADS = frozenset("head heads member members part leadership representative representatives spokesman "
                        "spokeswoman spokesperson spokespeople chief chiefs leader leaders commander commanders "
                        "envoy envoys officials official minister ministers secretary".split())


def _split_head(phrase: str) -> tuple[str, str]:
    """The phrase up to its first preposition, and what follows it."""
    cut = _HEAD_PP.search(phrase)
    if cut is None:
        return phrase, ""
    return phrase[:cut.start()], phrase[cut.end():]


_VERB_CUT = re.compile(
    r"\s(?:(?!(?:armed|united|allied|combined|advanced|alleged|so-called|unidentified|unnamed|embattled|"
    r"elected|self-proclaimed|deposed|exiled)\b)[a-z]\w*ed|has|have|had|is|are|was|were|will|would|can|could|"
    r"may|might|must|shall|should|gave|give|gives|began|begins|begin|held|holds|hold|sent|sends|send|put|puts|"
    r"took|takes|take|made|makes|make|plans?|says?|said|told|tells|tell|urged|urges|announces?|announced|also|then|now|who|which|that|"
    # irregular past tenses ("He met the envoy, praised the deal and vowed ...")
    r"met|spoke|came|went|saw|found|got|kept|brought|stood|wrote|won|lost|paid|ran|sought|chose|drew|fought|"
    r"broke|built|bought|rose|fell|became|grew|threw|spent|withdrew|struck|taught|flew|overflew|drove|sank|shot|"
    r"swept|led|"
    # a headline's present tense before forces ("Putin orders military drills")
    r"orders|deploys|moves|masses|stages|launches|conducts|flies|sails|fires|tests|dispatches|readies|"
    r"mobili[sz]es|boosts|bolsters|reinforces|steps|ramps|"
    # a headline's speech act or claim ("Germany pledges to expand", "North Korea claims nuclear test"),
    # a raising verb ("seems to be") and a connective adverb ("Erdogan thus moved")
    r"pledges|vows|warns|threatens|claims|builds|seems?|seemed|appears?|happens?|tends?|thus|therefore)\b")


def clean_mention(phrase: str) -> str:
    """A subject phrase trimmed to the mention: no leading conjunction or
    adverb, nothing from its first verb on, no trailing comma, at most 8
    words (the last ones).

    >>> clean_mention("Russia's president Vladimir Putin gave the order to launch an")
    "Russia's president Vladimir Putin"
    """
    phrase = phrase.strip(" ,“”\"'’")  # "we’(ll)": the clitic's apostrophe
    phrase = re.sub(r"\s+[-–—]$", "", phrase)  # "GOP front-runner Donald Trump - (who ...)": a dash's opening
    if phrase.endswith(")") and "(" not in phrase:
        phrase = phrase[:-1]  # "this guy (Trump) is": the parenthesis's close
    if phrase.endswith(".") and not _ABBREVIATION_END.search(phrase):
        phrase = phrase[:-1]  # "veto threats from the White House.": the sentence's full stop
    lead = _LEADING_ADVERBIAL.match(phrase)
    if lead:
        # "(who) on Saturday night released": what follows the time may be the verb
        phrase = "" if _VERB_CUT.match(" " + phrase[lead.end():]) else phrase[lead.end():]
    verb = _VERB_CUT.search(phrase)
    if verb:
        phrase = phrase[:verb.start()]
    words = phrase.split()
    while len(words) > 1 and (_DANGLING_WORD.fullmatch(words[-1]) or _FLOATING_QUANTIFIER.fullmatch(words[-1])):
        words.pop()  # "Hundreds of Russian soldiers in (unmarked uniforms)", "the two nations each": a cut's leftover
    if len(words) > 1 and words[0].lower() == "with":
        words.pop(0)  # "with Cruz recently promising to ...": an absolute clause's subject
    if len(words) > 1 and words[-1] in _SUBJECT_PRONOUNS and words[-2].lower() not in ("and", "or"):
        return words[-1]  # "if unable to do so I (will)": the subject is the pronoun, not the clause before it
    return " ".join(words[-8:])


# what can open a subject phrase without being part of the mention: a
# conjunction or adverb, a time ("Days ago", "earlier this week", "In 2018"), a
# discourse marker ("No,", "Not only did", "According to")
_TIME_WORDS = r"(?:week|weekend|month|year|night|morning|afternoon|evening|day|Monday|Tuesday|Wednesday|Thursday|" \
              r"Friday|Saturday|Sunday)s?"
_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:and|but|so|then|also|now|meanwhile|however|yet|still|earlier|later|recently|indeed|instead|yesterday|"
    r"today|tonight|(?:no|yes|well)(?=,)|only|not\s+only\s+(?:did|does|do|has|have|had|was|is|will)|according\s+to|"
    r"(?:in\s+)?(?:1[89]|20)\d\d|(?:(?:\w+|a\s+few|several)\s+)?(?:days?|weeks?|months?|years?)\s+ago|"
    r"(?:on|last|this|next|earlier|later|late|early|over\s+the)\s+(?:this\s+|last\s+|on\s+)?%s(?:\s+%s)?)(?![\w'’-])[\s,]*)+"
    % (_TIME_WORDS, _TIME_WORDS), re.IGNORECASE)
_SUBJECT_PRONOUNS = frozenset({"I", "we", "We", "he", "He", "she", "She", "they", "They"})


_FLOATING_QUANTIFIER = re.compile(r"(?:each|both|alone)", re.IGNORECASE)
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.)+$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St|Gen|Col|Lt|Sgt|Dr|Mr|Mrs|Ms|Gov|Sen|Rep)\.$")
_DANGLING_WORD = re.compile(r"(?:of|in|on|at|for|with|from|by|to|and|or|the|a|an)", re.IGNORECASE)


class Attribution:
    """An actor: the mention as written, its start, and the state (or None)."""

    __slots__ = ("mention", "start", "state")

    def __init__(self, mention: str | None, start: int | None, state: str | None) -> None:
        self.mention, self.start, self.state = mention, start, state


def _quote_holding(ctx: ArticleContext, position: int):
    best = None
    for quote in ctx.document.quotes:
        if quote.content_start <= position < quote.content_end:
            if best is None or quote.content_end - quote.content_start < best.content_end - best.content_start:
                best = quote
    return best


_LEADING_NAME = re.compile(r"(?:[A-Z][\w'’.-]*[a-z][\w'’.-]*(?:\s+|,\s*)){1,4}")


def _leading_name(ctx: ArticleContext, position: int) -> Attribution | None:
    """The name that opens one of the three sentences before ``position``
    ("Sergei Lavrov spoke ...", "Mr Glazyev told ..."), the usual antecedent
    of a following "he" or "she"."""
    current = ctx.sentence_at(position)
    for sentence in ctx.sentences_before(position, 4):
        if current is not None and sentence.start == current.start:
            continue
        match = _LEADING_NAME.match(sentence.text.lstrip("“\"'‘ "))
        if match:
            name = match.group().strip(" ,")
            words = name.split()
            if len(words) >= 2 and words[0] not in _SENTENCE_INITIAL_WORDS and not any(
                    m.kind in ("state", "alliance") for m in find_actors(name)):
                state = ctx.resolve(name, sentence.start, use_focus=False)
                return Attribution(name, sentence.start, None if state == "ANALYST" else state)
    return None


def _antecedent(ctx: ArticleContext, position: int) -> Attribution | None:
    """The nearest named speaker (quotations) or named actor before ``position``."""
    best_speaker = None
    for quote in ctx.document.quotes:
        if quote.speaker_start is not None and quote.speaker_start < position and quote.speaker:
            name = quote.speaker_name or quote.speaker
            if name.lower() not in _PRONOUNS and (best_speaker is None or quote.speaker_start > best_speaker[0]):
                best_speaker = (quote.speaker_start, name, quote.speaker_affiliation)
    best_actor = None
    for mention in ctx.document.actor_mentions:
        if mention.end > position:
            break
        if mention.kind in ACTOR_KINDS:
            best_actor = mention
    named = _leading_name(ctx, position)
    if named is not None and (best_speaker is None or named.start > best_speaker[0]):
        return named
    if best_speaker and (best_actor is None or best_speaker[0] >= best_actor.start - 200):
        state = best_speaker[2] or ctx.resolve(best_speaker[1], best_speaker[0], use_focus=False)
        return Attribution(best_speaker[1], best_speaker[0], state)
    if best_actor is not None:
        return Attribution(best_actor.text, best_actor.start, canonical_state(best_actor))
    return None


def attribute(ctx: ArticleContext, subject: str, subject_start: int, cue_start: int,
              speaker_first: bool = True) -> Attribution:
    """The actor of a cue: the quotation's speaker when the cue is quoted (or
    its subject is a pronoun), else the subject phrase and its state. With
    ``speaker_first=False`` (shows of force: the actor is who moves forces,
    not who reports it) a named actor subject wins over the speaker."""
    mention = clean_mention(subject)
    quote = _quote_holding(ctx, cue_start)
    pronoun = mention.lower() in _PRONOUNS or not mention
    if not speaker_first and not pronoun and is_force_owner(mention):
        quote = None
    if pronoun and quote is not None and quote.speaker and quote.speaker.lower() in _PRONOUNS:
        named = _leading_name(ctx, subject_start)
        if named is not None:
            return named
    if quote is not None and quote.speaker and (pronoun or quote.kind == "direct"):
        name = quote.speaker_name or quote.speaker
        if name.lower() not in _PRONOUNS:
            state = quote.speaker_affiliation or ctx.resolve(name, quote.speaker_start or cue_start, use_focus=True)
            if not pronoun and quote.kind != "direct":
                state = ctx.resolve(mention, subject_start, use_focus=True) or state
            return Attribution(name if pronoun or quote.kind == "direct" else mention, quote.speaker_start, state)
    if pronoun:
        antecedent = _antecedent(ctx, subject_start)
        if antecedent is not None:
            if antecedent.state is None:
                antecedent.state = _referred_state(ctx, subject_start, subject_start + len(subject))
            return antecedent
        return Attribution(mention or None, subject_start if mention else None,
                           _referred_state(ctx, subject_start, subject_start + len(subject)) if mention else None)
    state = None
    at = subject.rfind(mention) if mention else -1
    # the names in the mention as cut, not in the verb phrase cut off it ("helicopters (flew over the rebel-held town)")
    subject_end = subject_start + (at + len(mention) if at >= 0 else len(subject))
    mentions = [m for m in ctx.actors_in(subject_start, subject_end + 1) if m.kind in ACTOR_KINDS]
    if _OPENING_CLAUSE.match(mention):
        # "To deal with the threat the US has deployed": the subject follows the
        # opening purpose or participle clause; without a comma, the last name in it
        mention = mentions[-1].text if mentions else ""
        mentions = mentions[-1:]
    if mentions:
        state = canonical_state(mentions[0])
        if mentions[-1].kind == "people" and mention.endswith(mentions[-1].text) and \
                mention[:-len(mentions[-1].text)].split()[-1:] in (["of"], ["in"], ["from"], ["by"], ["with"]):
            mention = mentions[-1].text  # "The arrival of Russian (reinforcements)": the adjective's noun was cut
        elif mention.endswith(mentions[-1].text) and _STRAY_NOUN.search(mention[:-len(mentions[-1].text)]) and \
                not _actor_nouns()[0].fullmatch(mention[:-len(mentions[-1].text)].split()[-1]):
            mention = mentions[-1].text  # "(twice before) the attack ISIS (warned)": a stray noun before the name
    else:
        state = ctx.resolve(mention, subject_start, use_focus=False)
        if state == "ANALYST":
            state = None
        if state is None and _DETERMINERS.match(mention) and _actor_nouns()[0].search(mention):
            antecedent = _antecedent(ctx, subject_start)  # "the ministry": the actor in focus
            state = antecedent.state if antecedent else None
    if state is None:
        state = _referred_state(ctx, subject_start, subject_end)
    return Attribution(mention, subject_start, state)


_OPENING_CLAUSE = re.compile(r"(?:in\s+order\s+)?to\s+[a-z]|faced\s+with\b|facing\s", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:near|to|into|toward|towards|along|off|over|in|on|at|against|around|across|inside|"
                           r"within|outside)\s+(?:the\s+|a\s+)?(?:[\w’'-]+\s+)?$", re.IGNORECASE)
_DETERMINER_ONLY = re.compile(r"(?:the|a|an|this|that|these|those|such|one|another|each|every)", re.IGNORECASE)


def bare_determiner(subject: str) -> bool:
    """Whether a subject phrase is only a determiner ("The exercises are
    held": the posture noun itself was the head)."""
    return _DETERMINER_ONLY.fullmatch(subject.strip()) is not None


def agent_mentions(ctx: ArticleContext, start: int, end: int) -> list[Any]:
    """Actor mentions in ``[start, end)`` that can be an agent: not the
    place of a preposition ("drills near the Ukrainian border", "sent to
    Poland": where, not who)."""
    return [m for m in ctx.actors_in(start, end) if not _PLACE_BEFORE.search(ctx.text, max(start, m.start - 40), m.start)
            and not held_place(ctx.text, m)]


# a compound adjective of a place: "the rebel-held town" names where, not who
_HELD_BY = re.compile(r"-(?:held|controlled|occupied|administered|run)\b", re.IGNORECASE)


def held_place(text: str, mention: ActorMention) -> bool:
    """Whether ``mention`` opens a place's compound adjective ("the rebel-held town"), not an agent."""
    return bool(_HELD_BY.match(text, mention.end))


# a finite verb after the condition's subject: "-s" / "-ed" forms and common irregular ones
_FINITE_VERB = re.compile(r"[a-z]+(?:ed|es|s)|withdrew|left|met|gave|took|came|did|does|is|are|was|were|has|have|had|"
                          r"stops?|agrees?|complies|pulls|leaves|releases|ends?|lays?|laid|gets?|got|puts?|halts?")


def actor_acts_after(text: str, position: int, end: int | None = None) -> bool:
    """Whether the words after ``position`` open with an actor and its verb:
    a condition on another's behaviour ("until Kiev withdrew its forces", "if
    NATO moved closer"), not on the world ("until the convention", "if
    inflation persisted")."""
    words = text[position:end].split()[:5]
    return any(_FINITE_VERB.fullmatch(words[n]) is not None and is_actor_phrase(" ".join(words[:n]))
               for n in range(1, len(words)))

def refers_to_actor(ctx: ArticleContext, subject: str, start: int) -> bool:
    """Whether a subject "it" is one the article's reference layer resolves
    to a state or organisation ("ISIS ... It vowed a wider war"); an "it"
    that does not speak is most often a thing, and stays no actor."""
    stripped = subject.strip()
    if stripped.lower() != "it":
        return False
    offset = subject.find(stripped)
    return _referred_state(ctx, start + offset, start + offset + len(stripped)) is not None


def _referred_state(ctx: ArticleContext, start: int, end: int) -> str | None:
    """The state the article's reference layer (``Document.actor_references``:
    a pronoun, "we" in a quotation, "the ministry") gives the span, if any."""
    if end <= start:
        return None
    for reference in ctx.document.actor_references:
        if reference.start < end and start < reference.end:
            return reference.state
    return None


# a partner, not a target: "in close coordination with the United States", "alongside British jets"
_PARTNER_BEFORE = re.compile(r"\b(?:(?:coordination|cooperation|conjunction|partnership|together|jointly|along)\s+with|"
                             r"alongside|joined\s+by|with\s+(?:the\s+)?(?:help|support|backing)\s+of)\s+(?:the\s+)?$",
                             re.IGNORECASE)


def target_after(ctx: ArticleContext, start: int, end: int, actor_state: str | None) -> tuple[str | None, str | None]:
    """(mention, state) of the first actor in ``[start, end)`` that is not the
    actor, nor a partner named with it ("in close coordination with the United States")."""
    for mention in ctx.actors_in(start, end):
        if mention.kind in ACTOR_KINDS and canonical_state(mention) != actor_state and not _PARTNER_BEFORE.search(
                ctx.text, max(0, mention.start - 40), mention.start) and not _reports(ctx.text, mention):
            return mention.text, canonical_state(mention)
    return None, None


# the noun phrase a threat is aimed at when the gazetteer knows no target:
# a pronoun, a determiner phrase or a capitalised name, up to a preposition,
# a complementiser or punctuation ("warned the Kurds against", "threatened
# him with", "to sue the Guardian for libel")
_OBJECT_NP = re.compile(
    r"[ \t\u00a0]+(?P<np>(?:him|her|them|us|you|me)\b|"
    r"(?:(?:the|its|his|their|our)\s+(?:[\w’'.-]+\s+){0,3}?[\w’'.-]+|"
    r"(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){0,3})"
    r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){0,3})?)"
    r"(?=\s+(?:against|with|of|that|to|not|if|over|for|from|in|on|unless|about|into|and|or|should|after|before)\b|"
    r"[\s]*[,.;:!?”\"—–)]|$)", re.IGNORECASE)
_THREAT_VERB = re.compile(r"(?:threaten(?:s|ed|ing)?|warn(?:s|ed|ing)?)\b", re.IGNORECASE)
_NOT_AN_OBJECT = re.compile(r"(?:(?:the|its|his|their|our)\s+)?(?:same|following|way|time|day|week|month|year|move|use|"
                            r"risk|possibility|prospect|idea|plan|right|people|world|country|region|situation|issue|"
                            r"capacity|capabilit\w*|abilit\w*|might|power|own)\b|(?:to|on|in|of|at|by|those|who|what|"
                            r"which|action|actions)\b", re.IGNORECASE)


def object_target(text: str, start: int, end: int, cue: str) -> str | None:
    """The object a threat is aimed at, as written, within ``[start, end)``:
    the threat verb's own object ("warned the Kurds against ...", "threatened
    him with ..."), else the harm act's ("threatened to sue the Guardian").

    >>> text = "Assange has threatened to sue the Guardian for libel."
    >>> object_target(text, 0, len(text), "threatened to")
    'the Guardian'
    """
    at = text.find(cue, start, end) if cue else -1
    after = at + len(cue) if at >= 0 else start
    found = None
    verb = _THREAT_VERB.match(cue) if at >= 0 else None
    if verb is not None:
        found = _OBJECT_NP.match(text, at + verb.end(), end)
    if found is None:
        harm = harm_span(text[after:end])
        if harm is not None:
            found = _OBJECT_NP.match(text, after + harm[1], end)
    if found is None or _NOT_AN_OBJECT.match(found.group("np")):
        return None
    return found.group("np")


# ", the Pentagon said": a trailing attribution's speaker
_COMMA_BEFORE = re.compile(r",\s*(?:[\w.’'-]+\s+){0,3}$")
_SAID_AFTER = re.compile(r"(?:\s+[\w.’'-]+){0,3}?\s+(?:said|says|told|added|stated|reported|announced|claimed)\b")


def _reports(text: str, mention: ActorMention) -> bool:
    """Whether a mention is the speaker of a trailing attribution (", the
    Pentagon said"): who reports is not the target."""
    return bool(_COMMA_BEFORE.search(text, max(0, mention.start - 40), mention.start)
                and _SAID_AFTER.match(text, mention.end))
