"""Verbal threats found on their frame, whatever harm follows it (CAMEO 13).

"ACTOR threatened / vowed / swore to VP", "warned (X) that / of / against",
"is ready to VP" (with a harm or a condition), "will / would VP-harm if /
unless ...", "or face", "issued an ultimatum", "all options are on the table",
"approved the use of force": each rule is a row of ``lexicons/threat_cues.tsv``
with a requirement (an actor as subject, a harm act, a condition). Every rule
then passes the same negatives, in order:

1. negated — "did not threaten", "never vowed", "no threat";
2. denial — "denied that it would strike", "ruled out";
3. accusation — "accused NATO of threatening Russia";
4. analyst — analysts', experts' or journalists' speculation;
5. hedged narration — "Russia could threaten ..." outside reported speech;
6. habitual — "had threatened strikes during almost every exercise";
7. question — "Would Trump be willing to fight?" outside a quotation.

>>> [(c.rule, c.kind, c.cameo, c.conditional) for c in frame_candidates(as_context(
...     "The G7 threatened Russia with broad economic sanctions in case of further escalation."))]
[('threaten_with', 'threat', '1312', True)]
>>> frame_candidates(as_context("Moscow accused NATO of threatening Russia."))
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rhetoric.extract.threats.actors import (
    Attribution,
    attribute,
    clean_mention,
    is_actor_phrase,
    actor_acts_after,
    is_inanimate_phrase,
    refers_to_actor,
    subject_before,
    target_after,
)
from rhetoric.extract.threats.candidates import (VICTIM_PREDICATE, Candidate, characterises, extend_end, named_state,
                                                 reports_another, stated_by_an_actor, strip_span, trailing_speaker)
from rhetoric.extract.threats.coding import harm_code, refine
from rhetoric.extract.threats.context import ArticleContext
from rhetoric.extract.threats.dangers import (CONDITION_SUBJECT, EMBEDDED_SUBJECT, hazard_warning, warned_of_danger,
                                              warning_of_danger)
from rhetoric.extract.threats.grammar import (BELIEF, DEFIANT_RELATIVE, DIRECTIVE, TERMS_SETTER, frame_patterns,
                                             obliged_subject, word_list_alternation)
from rhetoric.extract.threats.scan import AnchoredRules
from rhetoric.lexicons import read_lexicon_table
from rhetoric.text.document import Document, as_document

if TYPE_CHECKING:
    from rhetoric.text.sentences import Sentence

__all__ = ["frame_candidates", "as_context", "offers_cooperation", "CONDITION", "MODAL_PERFECT", "SPEECH"]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    kind: str
    cameo: str
    requires: str


@lru_cache(maxsize=1)
def _cues() -> tuple[AnchoredRules, dict[str, _Rule]]:
    rules: dict[str, _Rule] = {}
    parts = []
    for name, pattern, kind, cameo, requires, anchors in read_lexicon_table("threat_cues.tsv"):
        rules[name] = _Rule(name, kind, cameo, requires)
        parts.append((name, pattern, anchors))
    return AnchoredRules(parts), rules


# A stated condition on the target's behaviour (CODEBOOK: if / unless / or /
# in case / should X ... / any X would ...), searched over a whole sentence.
# Not the "condition" rows of threat_frames.tsv, which the predicate grammar
# reads over the threat's own span only: their bare "any" ("will target any
# ship") would make every sentence with an "any" in it conditional (tried:
# sample conditional agreement 0.928 -> 0.921, two codebook cases fail).
CONDITION = re.compile(
    r"\b(?:if|unless|as long as|so long as|in case|in the event|or else|otherwise|whoever|anyone who|"
    r"those who|or face|or risk|until|once|" + DEFIANT_RELATIVE + r"|in\s+(?:a|any|the)\s+(?:situation|case)\s+(?:when|where)|"
    r"for\s+(?:violating|breaking|refusing|failing|defying|ignoring|crossing)|(?:failure|refusal)\s+to)\b|"
    # coercion: a threat made to get something done ("was threatened ... to keep quiet")
    r"\b(?:was|were|been|being)\s+[“\"]?threatened[”\"]?(?:\s+by\s+[^,;.]{1,60}?)?\s+(?:into|to)\s+\w+|"
    r"\bunder\s+threat\W+(?:\w+\s+){0,2}?to\s+\w+|\bshould\s+(?:there|the|they|it|he|she|we|you|any|anyone)\s+\w+|"
    # "(, / and) should Russia escalate": an inverted condition with a named subject opens its
    # clause; "Kiev should remember the war" is advice
    r"(?:(?<![\w’'-]\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bor\s))\bshould\s+\w+\s+\w+\b|\bany\s+(?:[\w-]+\s+){0,5}?(?:would|will|shall)\b|\bor\s+(?:we|they|it|he|she|you)\s+will\b|"
    # "any" with a relative clause on what the target does ("will hit any ship that enters its waters")
    r"\bany(?:one|body)?\s+(?:[\w-]+\s+){0,3}?(?:that|who|which)\s+(?!(?:is|are|was|were|has|have|had)\b)[a-z]+|"
    # "any attempt / move / effort to ...": if the target tries
    r"\bany\s+(?:[\w-]+\s+){0,2}?(?:attempts?|efforts?|moves?|bids?|plans?)\s+(?:by\s+[^,;.]{1,40}?\s+)?to\b|"
    # the addressee's act as the subject ("warned Finland that joining NATO would bring a response")
    r"\bwarn\w*\s+(?:[\w'’-]+\s+){0,4}?that\s+[a-z]+ing\s+(?:[\w'’-]+\s+){0,6}?(?:would|will)\b",
    re.IGNORECASE)
_FROM_WEAPONS = re.compile(r"\s+from\s+(?:(?:its|our|their|his|the)\s+)?(?:[\w-]+\s+)?(?:rockets|missiles|strikes|"
                           r"attacks|bombs|drones|fire|retaliation|reach|wrath|weapons|fighters|army|forces)\b",
                           re.IGNORECASE)
_CONDITION_RULES = frozenset({"warn_against", "or_face", "ultimatum", "deadline", "demand_deadline", "on_notice"})
_NEGATED = re.compile(r"(?:\b(?:not|never|no|nor|without|refused\s+to|declined\s+to|stopped\s+short\s+of)|n[’']t)"
                      r"\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# a threat denied or played down; playing a show of force down does not undo it (mobilize.DENIAL)
_DENIAL = re.compile(r"%s|\b(?:played\s+down|downplayed)\b" % frame_patterns()["denial"].pattern, re.IGNORECASE)
_ACCUSATION = re.compile(r"\b(?:accus\w+|blam\w+|charg(?:ed|es|ing)|criticiz\w+|criticis\w+|condemn\w+|"
                         r"denounc\w+|alleg\w+)\b[^.;,]{0,80}?\b(?:of|for|over)\s*$", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:could|might|may|likely|possibly|perhaps|probably)\s+(?:[\w-]+\s+){0,1}$", re.IGNORECASE)
SPEECH = re.compile(r"\b(?:said|says|say|told|tells|stated|declared|announced|added|stressed|insisted|"
                     r"according\s+to|warned|wrote|suggested|signall?ed|signals|hinted|hints|indicated|reported|"
                     r"promis\w*|pledg\w*|vow\w*|insist\w*|claim\w*)\b", re.IGNORECASE)
_PAST_EVENT = re.compile(r"\b(?:imposed|slapped|levied|introduced|adopted|expanded|extended|lifted|eased|"
                         r"approved|enacted|announced|unveiled|hit|targeted)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:will|would|could|may|might|shall|ready|prepared|threat\w*|warn\w*)\b", re.IGNORECASE)
_OBJECT_WORDS = 6  # words after "threatened" where its harmful object must be named
# the complement's own verb is one of cooperation (CAMEO 03-08): "[ready to]
# resume talks", "[swore that] they would support him", "[pledged to] fully help"
_COOPERATIVE_VERB = re.compile(r"\s*(?:to\s+|(?:that\s+)?(?:[\w'’-]+\s+){1,4}?(?:will|would|shall|could|'ll|’ll|'d|’d)\s+)?"
                               r"(?:(?:also|continue\s+to|fully|further|always|still|then|immediately|quickly|gladly|"
                               r"happily|willingly|be\s+able\s+to)\s+)*(?P<verb>%s)\b(?P<object>(?:\W+[\w'’-]+){0,2})"
                               % word_list_alternation("cooperative"), re.IGNORECASE)


def offers_cooperation(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether the words at ``start`` are an act of cooperation, not a harm:
    "resume talks", "support Kiev until the war ends", "lift sanctions"; not
    "resume armed struggle" or "help crush the rebels" (a harm act in the
    verb's next two words).

    >>> offers_cooperation(" to resume talks if Washington lifts sanctions"), offers_cooperation(" to resume armed struggle")
    (True, False)
    """
    match = _COOPERATIVE_VERB.match(text, start, len(text) if end is None else end)
    return match is not None and harm_code(match.group("verb") + match.group("object")) is None


_PERSONAL = frozenset("i we you he she they".split())
_FUTURE = re.compile(r"\b(?:will|would|shall|'ll|’ll|going\s+to|warn\w*|threat\w*|face|faces|facing|risk\w*)\b",
                     re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are|get|got)\s+$", re.IGNORECASE)
_PARTICIPLE = re.compile(r"\w+ing\b")
_CLAUSE_LEAD = re.compile(r";|,\s+(?:while|but|whereas|and|although)\b|\b(?:while|but|whereas)\s", re.IGNORECASE)
_WITH_HARM = re.compile(r"[”\"]?\s+with\s+")
# the passive agent of a coercion before "under threat" ("was forced by the security services, under threat of")
_COERCED_BY = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+by\s+"
                         r"(?P<np>(?:the\s+)?[^,;.“”\"]{1,60}?)\s*,?\s*$", re.IGNORECASE)
_BY_AGENT = re.compile(r"[”\"]?\s+by\s+(?P<np>(?:the\s+)?[^,;.“”\"]{1,60}?)(?=\s+(?:to|in|after|over|when|for|with)\b"
                       r"|\s*[,;.“”\"—–]|\s+--|$)")


# a belief, hope or fear about what someone would do: not their statement
# an embedded question or a purpose clause holds the modal ("understand why
# Facebook would ban", "asked if she would vote", "so he would know")
# ("asked Trump how he would handle ..., if he would have ..."), read
# QUESTION_REACH characters back
EMBEDDED_QUESTION = re.compile(r"\b(?:why|how|whether|what|asked\s+if|wondered\s+if|so\s+that|so)\s+(?:[^,;:]{0,50}?)$|"
                               r"\b(?:asked|asking|asks|wondered|wondering)\s+(?:[\w.’'-]+\s+){0,3}?"
                               r"(?:if|whether|how|what|why|when)\s+[^;:.?!“”\"]{0,100}$",
                               re.IGNORECASE)
QUESTION_REACH = 120
_LEADING_IF = re.compile(r"\s*(?:that\s+)?(?:if|unless|should|once|in\s+case)\b", re.IGNORECASE)
_POSE = re.compile(r"\b(?:pose[sd]?|posing|constitut\w*|represent\w*|present(?:s|ed)?|remains?|is|was|as)\s+(?:a|an|the)\s+"
                   r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# a modal perfect is a counterfactual or a guess about the past ("would have
# attacked", "could have instead led him to open fire"); not "would have to"
MODAL_PERFECT = re.compile(r"\s*(?:not\s+|never\s+)?have\s+(?:[\w-]+ly\s+|instead\s+|already\s+|never\s+|not\s+)?"
                           r"(?:\w+(?:ed|en)|been|done|gone|made|led|sent|seen|shot|hit|put|set|kept|left|brought|fought|struck|run|won|begun|"
                           r"had|got|known|said|told|thought|held|built|lost|paid|found)\b", re.IGNORECASE)
# a harmful act negated right after its modal ("I will not destroy it",
# "would no longer release"); not the threat idioms built on a negation
# ("will not hesitate", "would not be tolerated", "will not go unanswered",
# "will not allow", "will not stand idly by")
NEGATED_ACT = re.compile(r"\s*(?:not|never|no\s+longer|n[’']t)\s+(?!(?:hesitate|tolerate|be|go|allow|accept|stand|sit|"
                          r"rule|let|permit|back|shy|flinch|rest|remain|stay)\b)", re.IGNORECASE)
# the subject receives the threats ("he received death threats"): a report of
# threats with no actor, unless "by" names one
_RECEIVED = re.compile(r"\b(?:receiv\w*|got|get|gets|getting|faced|faces|facing|face|reported|endur\w*|suffer\w*|"
                       r"(?:live|lives|lived|living)\s+with|subjected\s+to|targets?\s+of|victims?\s+of)\s+(?:[\w-]+\s+){0,2}$",
                       re.IGNORECASE)


# "whether X will heal or face rupture": an alternative question, not an ultimatum's terms
_ALTERNATIVE = re.compile(r"\bwhether\b", re.IGNORECASE)
# the speaker's own side suffers the consequences ("we will not avoid / we will face ... consequences")
_FIRST_PERSON_SUFFERS = re.compile(r"\b(?:[Ww]e|I)\b(?:\s+[\w’'-]+){0,6}?\s+(?:avoid|avert|prevent|escape|face|suffer|bear)\b"
                                   r"(?:\s+[\w’'-]+){0,3}?\s+(?:consequences|price|reprisals?|retribution)\b")


def _warning_to_another(ctx: ArticleContext, cue_start: int, cue_end: int, subject: str, subject_start: int,
                        actor_state: str | None) -> bool:
    """Whether "X warned (Y) against ..." is a warning to another actor: Y
    names an actor of another state than X ("Obama warned the Chinese leader
    not to ...", "the U.S. warned the Kurds against ..."; not "warned the Fed
    against buying bonds", "warned voters"), or, with no Y, X is itself a
    state or organisation ("Iran and Turkey warned against ..."; not "the
    Pope warned against ...")."""
    addressee = re.match(r"\s*warn\w*\s+(?P<np>[^,]+?)(?:,|\s+against\b|\s+not\s+to\b)", ctx.text[cue_start:cue_end])
    if addressee is None or addressee.group("np").lower() in ("against", "not"):
        return any(m.kind not in ("person", "people") for m in ctx.actors_in(subject_start, subject_start + len(subject)))
    np_start = cue_start + addressee.start("np")
    mentions = [m for m in ctx.actors_in(np_start, np_start + len(addressee.group("np")))]
    if not mentions and not is_actor_phrase(addressee.group("np")):
        return False
    states = {m.country or m.actor for m in mentions}
    return not states or actor_state is None or actor_state not in states


def as_context(text_or_document: str | Document) -> ArticleContext:
    """The per-article context the rules read (for examples and tests)."""
    return ArticleContext(as_document(text_or_document))


_COORDINATED = re.compile(r"(?:,\s*)?\b(?:and|but|or|then)\s+(?:(?:also|later|again|even|now|has|have|had|was|"
                          r"were)\s+)*$", re.IGNORECASE)
_RELATIVE = re.compile(r",?\s*\b(?:who|which)\s+(?:(?:last|this|next|year|week|month|also|then|later|earlier|once|both|all|"
                       r"has|have|had|is|are|was|were|again|\w+ly)\s+){0,3}$", re.IGNORECASE)
# an introductory adverbial before the subject: a time or place phrase, or a
# participial clause ("Citing the rhetoric, the president ...")
_INTRODUCTION = re.compile(r"^(?:(?:In|On|At|By|After|Before|During|Since|Last|Earlier|Later|Amid|Despite|Following)\b[^,]{0,40}"
                           r"|(?-i:[A-Z][a-z]+ing)\b[^,]{0,60}),\s*")


def _shared_subject(text: str, sentence_start: int, cue_start: int, subject_start: int,
                    subject: str) -> tuple[int, str]:
    """The subject a coordinated, relative or participial verb shares ("In
    April, Trump called the plan a disgrace and threatened to ...", "Senator
    Cruz, who last year threatened to ...", "Trump, the nominee, has been
    scathing, threatening to ..."), else the subject as found."""
    lead = text[sentence_start:cue_start]
    relative = _RELATIVE.search(lead)
    if relative:
        start, np = subject_before(text, sentence_start, sentence_start + relative.start())
        np = clean_mention(np)
        if np and is_actor_phrase(np):
            return start, np
    participle = _PARTICIPLE.match(text, cue_start) is not None and lead.rstrip().endswith(",")
    if _COORDINATED.search(lead) or not subject.strip() or participle:
        intro = _INTRODUCTION.match(lead)
        offset = intro.end() if intro else 0
        np = clean_mention(lead[offset:])
        head = clean_mention(lead[offset:].split(",")[0])
        if head and is_actor_phrase(head):
            np = head  # "Mr. Trump, in a freewheeling style, spoke ..., and even threatening": the appositive's head
        first = lead[offset:].strip()
        if np and is_actor_phrase(np) and first.startswith(np.split()[0]):
            return sentence_start + offset, np
    return subject_start, subject


def _another_actors_act(ctx: ArticleContext, rule: str, sentence_start: int, match: re.Match[str], end: int,
                        subject: str, subject_start: int, actor_state: str | None) -> bool:
    """Whether a "warned that Y would ..." or a reported "Y would ..." gives
    another actor's act than the speaker's (:func:`.candidates.reports_another`),
    unless Y is the one who would suffer ("Ukraine would pay a heavy price")."""
    text = ctx.text
    if rule == "warn_that":
        embedded = EMBEDDED_SUBJECT.match(text, match.end(), end)
        return embedded is not None and not VICTIM_PREDICATE.match(text, embedded.end(), end) and reports_another(
            ctx, actor_state, True, embedded.group("np"), embedded.start("np"))
    if rule not in ("conditional_future", "ready_to") or VICTIM_PREDICATE.match(text, match.end(), end):
        return False  # "Kiev said Moscow was ready to invade": a claim about another's readiness, too
    speaker, speech = _reporting_speaker(ctx, sentence_start, subject_start)
    if speech is None:
        return False
    return reports_another(ctx, speaker.state, speech.group().lower().startswith("warn"), subject, subject_start)


def _reporting_speaker(ctx: ArticleContext, sentence_start: int, before: int
                       ) -> tuple[Attribution, re.Match[str] | None]:
    """Who speaks the clause at ``before``, and the speech verb: the subject of
    the last speech verb before it in the sentence, else the state of the
    quotation it stands in, else no one."""
    text = ctx.text
    speech = None
    for speech in SPEECH.finditer(text, sentence_start, before):
        pass
    if speech is not None:
        speaker_start, speaker = subject_before(text, sentence_start, speech.start())
        if clean_mention(speaker):
            return attribute(ctx, speaker, speaker_start, speech.start()), speech
    elif ctx.inside_quote(before):
        quote = ctx.quote_at(before, before + 1)
        return Attribution(None, None, quote[2] if quote else None), None
    return Attribution(None, None, None), speech


def _actor_subject(subject: str) -> bool:
    """Whether the subject before a cue names an actor, read up to its verb
    ("Brussels raised the [threat of sanctions]")."""
    return is_actor_phrase(subject) or is_actor_phrase(clean_mention(subject))


def _requirement_met(rule: _Rule, ctx: ArticleContext, sentence_text: str, subject: str, quoted: bool,
                     complement: str, clause: str, cue: str = "", referred: bool = False) -> bool:
    needs = rule.requires
    if needs == "none":
        return True
    actor_subject = referred or _actor_subject(subject)  # "It" counts where the article resolves it to an actor
    if needs == "actor":
        # inside a quotation a pronoun or an empty subject is the speaker
        return actor_subject or (
            quoted and (not subject or subject.split()[-1].lower() in _PERSONAL))
    if needs == "agent":
        # an agentless "X is threatened (with collapse)" is the danger sense,
        # and so is an inanimate agent ("threatened by the war"); a threat
        # names an actor as its agent ("by the ministry") or quotes the word
        by = _BY_AGENT.match(complement)
        return bool(by and is_actor_phrase(clean_mention(by.group("np")))) or complement.startswith(("”", '"')) or (
            bool(_WITH_HARM.match(complement)) and harm_code(complement[:60]) is not None)  # "threatened with arrest"
    if needs == "coercion":
        code = harm_code(complement[:60])
        by = _BY_AGENT.search(complement[:80]) or _BY_AGENT.search(clause[-(len(complement) + 80):])
        return (code is not None and code[:3] in ("131", "132", "137", "139")) or bool(
            by and is_actor_phrase(clean_mention(by.group("np"))))
    if needs in ("actor+harm", "harm|condition") and offers_cooperation(complement):
        return False  # "ready to resume talks if ...", "vowed to support Kiev until ...": an offer, not a threat
    if needs == "actor+harm":
        # "vowed to crush the rebels", "vowed revenge", not "vowed to rebuild the bridge"
        actor = actor_subject or (quoted and (not subject or subject.split()[-1].lower() in _PERSONAL))
        # a condition frames a vow of any act; "until" only when another actor must act ("vowed to fight
        # on until Kiev withdrew", not "vowed to stay in the campaign until the convention")
        return actor and (harm_code(cue + complement[:120]) is not None or any(
            found.group().lower() != "until" or actor_acts_after(sentence_text, found.end())
            for found in CONDITION.finditer(sentence_text)))
    if needs == "actor+object_harm":
        # "threatened military action", "threatened a more crippling ban": the harm is the object
        # "threatened foreign journalists who ...": an actor as the object is the one threatened
        return actor_subject and (harm_code(" ".join(complement.split()[:_OBJECT_WORDS])) is not None
                                  or _actor_object(complement))
    if needs == "future":
        return bool(_FUTURE.search(clause)) and (quoted or actor_subject)
    harm = harm_code(complement[:200 if rule.name.startswith("warn") else 120]) is not None
    condition = bool(CONDITION.search(sentence_text))
    if needs == "harm":
        return harm
    if needs == "harm|condition":
        # a condition frames readiness for a new act, not for carrying on with one
        # that names no harm ("determined to continue addressing it on its own")
        return harm or (condition and not _CARRY_ON.match(complement))
    if needs == "harm+condition":
        near = harm_code(" ".join(complement.split()[:5]))
        # "Any attack on Iranian soil would draw a response, the spokesman
        # said": a condition as the subject, the one who speaks threatens
        spoken_condition = bool(CONDITION_SUBJECT.match(subject)) and bool(SPEECH.search(sentence_text))
        if spoken_condition:
            return harm_code(complement[:80]) is not None
        return (near is not None and near != "130" and (condition or bool(SPEECH.search(sentence_text)))
                and (quoted or actor_subject))
    if needs == "unrealised":
        return not (_PAST_EVENT.search(clause) and not _MODAL.search(clause))
    raise ValueError(f"threat_cues.tsv: unknown requirement {needs!r} for rule {rule.name!r}")


_CARRY_ON = re.compile(r"\s*(?:continue|keep|go\s+on|carry\s+on|persist|press\s+on)\b", re.IGNORECASE)
_OBJECT_END = re.compile(r"\s+(?:who|which|that|if|unless|with|over|in|on|at|after|before|for|to|and|but)\b|[,;:.!?—–]",
                         re.IGNORECASE)


def _actor_object(complement: str) -> bool:
    """Whether the complement opens with an actor noun phrase ("foreign troops who ...")."""
    stop = _OBJECT_END.search(complement)
    phrase = complement[:stop.start()] if stop else complement
    return 0 < len(phrase.split()) <= 4 and is_actor_phrase(phrase)


def _negative(ctx: ArticleContext, sentence_start: int, cue_start: int, subject: str, quoted: bool) -> str | None:
    """The name of the first negative rule that applies to the cue, or None."""
    text = ctx.text
    before = text[max(sentence_start, cue_start - 40):cue_start]
    lead = text[sentence_start:cue_start]
    if (_NEGATED.search(before) and not re.search(r"not\s+(?:only|hesitate)\s+$", before)) or re.search(
            r"\b(?:ever|neither|nobody|no\s+one)\b", before, re.IGNORECASE):
        return "negated"
    clause_lead = lead
    for boundary in _CLAUSE_LEAD.finditer(lead):
        clause_lead = lead[boundary.end():]
    if _PARTICIPLE.match(text, cue_start) and lead.rstrip().endswith(","):
        clause_lead = ""  # "Tehran rejected the proposal, threatening to ...": what is rejected is not the threat
    if _DENIAL.search(clause_lead):
        return "denial"
    if _DOCUMENT_SUBJECT.search(before):
        return "a document's effect"
    if _ACCUSATION.search(lead[-120:] if len(lead) > 120 else lead):
        return "accusation"
    analyst = frame_patterns()["analyst"]
    found = analyst.search(lead)
    if found and SPEECH.search(lead, found.end()):
        return "analyst"
    if analyst.search(subject) or re.search(r"\b(?:analysts?|experts?|observers?|commentators?)\s+(?:[\w-]+\s+)?"
                                            r"(?:said|say|says|believe|think|warn|warned|fear|expect)\b", lead):
        return "analyst"
    if not quoted and _HEDGE.search(before) and not SPEECH.search(lead):
        return "hedged narration"
    sentence = ctx.sentence_at(cue_start)
    cue = ctx.text[cue_start:cue_start + 14]
    if sentence is not None and re.match(r"\w+ed\b", cue) and frame_patterns()["habitual"].search(sentence.text):
        return "habitual"
    if sentence is not None and not quoted and sentence.text.rstrip(" ”\"'’").endswith("?"):
        return "question"
    return None


# "passed a measure that would ban ...", "a bill which threatens to ...": what a
# text would do once in force, not an actor's threat
_DOCUMENT_SUBJECT = re.compile(r"\b(?:bills?|measures?|laws?|legislation|proposals?|amendments?|resolutions?|orders?|"
                               r"decrees?|rules?|regulations?|polic(?:y|ies)|provisions?|initiatives?|ordinances?|"
                               r"referendums?|ballot\s+measures?|plans?)\s+(?:that|which)\s+(?:[\w-]+ly\s+)?$",
                               re.IGNORECASE)


# the cue is the verb of a condition ("If Iran warns about an attack, ...",
# "If the junta threatens to expel him, Paris will ..."): a case imagined, not a threat made
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|whether|in\s+case)\b[^,;:—–“”\"]*$", re.IGNORECASE)
_SPEECH_ACT_RULES = ("threaten", "vow", "pledge", "warn")


def hypothetical_cue(text: str, sentence_start: int, cue_start: int) -> bool:
    """Whether a threatening or warning verb is the verb of an if-clause.

    >>> hypothetical_cue("If Iran warns about an attack, the agencies act.", 0, 8)
    True
    >>> hypothetical_cue("If Paris refuses, the junta threatened to expel him.", 0, 28)
    False
    """
    return _HYPOTHETICAL.search(text, sentence_start, cue_start) is not None


def _complement_end(text: str, sentence: Sentence, rule: str, cue_end: int) -> int:
    """Where a cue's complement ends: its clause, or the sentence for the rules
    whose threat is the main clause ("warned that if X, Y would ...")."""
    end = extend_end(text, sentence, cue_end)
    if rule in _CONDITION_RULES or rule == "ultimatum" or _LEADING_IF.match(text, cue_end, end):
        end = max(end, sentence.end)
    return end


def _may_name_harm(complement: str) -> bool:
    """Whether a "harm+condition" complement can meet its requirement (see
    _requirement_met): a harm in its first five words or 80 characters."""
    return harm_code(" ".join(complement.split()[:5])) is not None or harm_code(complement[:80]) is not None


def frame_candidates(ctx: ArticleContext) -> list[Candidate]:
    """Threat candidates from the frame rules, in text order."""
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
        # the complement's end, early only where it decides the cheap test below
        end = _complement_end(text, sentence, rule.name, match.end()) if rule.requires == "harm+condition" else -1
        if end >= 0 and not _may_name_harm(text[match.end():end]):
            continue  # "will" with no harm after it: most matches, rejected before the subject is read
        subject_start, subject = subject_before(text, sentence.start, match.start())
        quoted = ctx.inside_quote(match.start())
        if _negative(ctx, sentence.start, match.start(), subject, quoted):
            continue
        if not _actor_subject(subject) and not quoted:
            subject_start, subject = _shared_subject(text, sentence.start, match.start(), subject_start, subject)
        if rule.name.startswith("warn") and _PASSIVE_BEFORE.search(text, max(sentence.start, match.start() - 12),
                                                                    match.start()):
            # "having been warned by a trusted contact that ...": a passive
            # warning is a threat only when its agent is an actor
            by = _BY_AGENT.match(text, match.end(), sentence.end)
            if not (by and is_actor_phrase(by.group("np"))):
                continue
        if end < 0:
            end = _complement_end(text, sentence, rule.name, match.end())
        complement = text[match.end():end]
        clause = text[subject_start:end]
        if not _requirement_met(rule, ctx, sentence.text, subject, quoted, complement, clause, match.group(),
                                refers_to_actor(ctx, subject, subject_start)):
            continue
        if rule.name == "conditional_future" and (NEGATED_ACT.match(complement) or MODAL_PERFECT.match(complement)
                                                  or is_inanimate_phrase(subject)
                                                  or characterises(text, subject_start, match.start(), end)):
            continue  # "will not destroy", "would have attacked", "the strategy will emerge to destroy", "only a fool would"
        if rule.name == "conditional_future" and not quoted and not stated_by_an_actor(ctx, sentence, end):
            continue  # "…, one protester shouted": no actor speaks; "…, analysts predicted": a forecast
        if rule.name.startswith(_SPEECH_ACT_RULES) and hypothetical_cue(text, sentence.start, match.start()):
            continue
        if rule.name == "warning_noun" and hazard_warning(text, match.start(), sentence.end):
            continue  # "issued warnings over the possible spread of Ebola": a hazard, not a threat
        if rule.name == "nowhere_safe" and not (ctx.actors_in(match.start(), match.end())
                                                 or _FROM_WEAPONS.match(text, match.end(), sentence.end)):
            continue  # "no place would be safe until the fires are out": whose places, or from what, is not said
        if rule.name in ("conditional_future", "ready_to") and not quoted and (
                BELIEF.search(text, max(sentence.start, match.start() - 60), match.start())
                or EMBEDDED_QUESTION.search(text, max(sentence.start, match.start() - QUESTION_REACH),
                                            match.start())):
            continue  # "Democrats fear that he would be punished", "asked if she would be prepared to"
        if rule.name == "threat_noun" and _POSE.search(text, max(sentence.start, match.start() - 30), match.start()):
            continue  # "could pose a threat to gun rights": a danger
        if rule.name == "or_face" and "risk" in match.group().lower() and not DIRECTIVE.search(
                text, sentence.start, match.start()):
            continue  # "needs to attract a suitor or risk being overtaken": a necessity, not terms set
        if rule.name == "or_face" and _ALTERNATIVE.search(text, sentence.start, match.start()):
            continue  # "whether the party will heal itself or face rupture": alternatives weighed, not terms set
        if rule.name == "consequences" and _FIRST_PERSON_SUFFERS.search(text, max(sentence.start, match.start() - 60),
                                                                         match.end()):
            continue  # "we will not be able to avoid catastrophic consequences": a lament, no one threatened
        if rule.name in ("kinds_of_threats", "made_threats", "threat_noun") and _RECEIVED.search(
                text, max(sentence.start, match.start() - 40), match.start()) and not _BY_AGENT.match(
                text, match.end(), sentence.end):
            continue
        if rule.name == "warn_that" and match.group().lower().endswith("that") and not quoted and \
                warning_of_danger(ctx, match.end(), end):
            continue
        if rule.name == "warn_that" and not match.group().lower().endswith("that") and warned_of_danger(
                complement, bool(CONDITION.search(sentence.text))):
            continue  # "warned of a Russian invasion", "warns of sonic attacks": a danger, not a response threatened
        start = subject_start if subject and len(subject.split()) <= 10 else match.start()
        start, end = strip_span(text, start, max(end, match.end()))
        if end <= start:
            continue
        setter = TERMS_SETTER.search(text, sentence.start, match.start()) if rule.name == "or_face" else None
        told = rule.name == "face_unless" or (rule.name == "or_face" and obliged_subject(text, sentence.start,
                                                                                         match.start()))
        told_start, told_subject = subject_start, subject
        if told:
            # "Kiev must pay its debts or face a cut-off, Gazprom said": the
            # subject is the one told; who tells is the speaker, if named
            speaker = trailing_speaker(ctx, sentence, match.end())
            subject_start, subject = (speaker[1], clean_mention(speaker[0])) if speaker else (match.start(), "")
        elif setter is not None and ctx.actors_in(sentence.start, setter.start()):
            # "Washington told Tehran to halt enrichment or face new sanctions":
            # the one who sets the terms, not the one told
            subject_start, subject = sentence.start, clean_mention(text[sentence.start:setter.start()])
        elif rule.name in ("or_face", "ultimatum", "deadline", "nowhere_safe") and not is_actor_phrase(
                clean_mention(subject)):
            # "The mayor told the strikers to return to work or face dismissal":
            # the one who sets the terms is the sentence's subject
            subject_start, subject = sentence.start, clean_mention(text[sentence.start:match.start()])
        if told:
            # the speaker's own state only: the article's focus is the one told
            actor = Attribution(subject or None, subject_start if subject else None,
                                named_state(ctx, subject_start, subject_start + len(subject)) if subject else None)
        else:
            actor = attribute(ctx, subject, subject_start, match.start())
        if not quoted and _another_actors_act(ctx, rule.name, sentence.start, match, end, subject, subject_start,
                                              actor.state):
            continue  # "Kiev warned that Russia would invade": a danger reported, not a threat
        if rule.name == "warn_against" and harm_code(complement[:120]) is None and not _warning_to_another(
                ctx, match.start(), match.end(), subject, subject_start, actor.state):
            continue  # "Graham warned fellow senators against ...": advice, not a warning to an actor
        target_mention, target = target_after(ctx, match.start(), end, actor.state)
        if rule.name == "face_unless" and told_subject:
            # "Mexico faces tariffs unless ...": the one who would face them
            target_mention = clean_mention(told_subject) or None
            target = named_state(ctx, told_start, told_start + len(told_subject))
        if rule.name == "conditional_future" and subject and VICTIM_PREDICATE.match(text, match.end(), end):
            # "the EU warned that Russia would be hit with sanctions": the
            # subject is the one who would suffer; who speaks threatens
            victim = clean_mention(subject)
            actor = _reporting_speaker(ctx, sentence.start, subject_start)[0]
            target_mention, target = victim or None, named_state(ctx, subject_start, subject_start + len(subject))
            if target is not None and target == actor.state:
                target = None
        elif rule.name == "conditional_future" and subject and CONDITION_SUBJECT.match(clean_mention(subject)):
            # "Iran said any attack on its soil would trigger a war": the subject is the
            # condition; who speaks threatens
            speaker, speech = _reporting_speaker(ctx, sentence.start, subject_start)
            if speech is not None and speaker.mention:
                actor = speaker
        if rule.name == "under_threat":
            agent = _COERCED_BY.search(text, subject_start, match.start())
            if agent is not None and is_actor_phrase(clean_mention(agent.group("np"))):
                # "Campbell was required by the Russians, under threat, to ...": who coerces threatens
                actor = attribute(ctx, agent.group("np"), agent.start("np"), match.start(), speaker_first=False)
                target_mention, target = clean_mention(subject) or None, None
        if rule.name == "threatened_passive":
            by = _BY_AGENT.match(text, match.end(), sentence.end)
            if by:
                actor = attribute(ctx, by.group("np"), by.start("np"), match.start())
            else:
                actor = attribute(ctx, "", match.start(), match.start())
                actor.mention = actor.state = None
            target_mention, target = subject or None, None
        conditional = rule.name in _CONDITION_RULES or bool(CONDITION.search(text, sentence.start, sentence.end))
        found.append(Candidate(
            start, end, sentence, rule.kind, refine(rule.cameo, text[match.start():end]), actor.state, target, conditional,
            None, [match.group().strip(), f"rule:{rule.name}"], actor_mention=actor.mention,
            target_mention=target_mention, rule=rule.name))
        taken_until = match.end()
    return found
