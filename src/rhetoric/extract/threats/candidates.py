"""Verbal threats from the predicate grammar: a harm predicate governed by a
future, modal, vow or threaten frame; spans, conditions, ultimatums, and the
actor and target of each candidate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rhetoric.extract.threats.actors import clean_mention, elided_thing_subject, is_actor_phrase, is_inanimate_phrase
from rhetoric.extract.threats.context import ArticleContext
from rhetoric.extract.threats.grammar import (
    ACCORDING_TO,
    ACTOR_KINDS,
    ANY_CONDITION,
    BELIEF,
    CLAUSE_BREAK,
    CONTINUATION,
    FULL_STOP,
    GAP_FILLER,
    HEDGE,
    LEADING_CONDITION,
    NAME_TOKEN,
    NEGATION,
    NUCLEAR,
    ORGANISATION_NP,
    PERSONAL_SUBJECT,
    QUOTES,
    TERMS_SETTER,
    TRAILING_CONDITION,
    canonical_state,
    compiled_grammar,
    frame_patterns,
    obliged_subject,
    period_ends_abbreviation,
    title_patterns,
)
from rhetoric.text.actors import ActorMention
from rhetoric.text.sentences import (
    Sentence,
)

# --------------------------------------------------------------------------
# Verbal threats.


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    sentence: Sentence
    kind: str
    cameo: str
    actor: str | None
    target: str | None
    conditional: bool
    modality: str | None
    evidence: list[str]
    actor_mention: str | None = None
    target_mention: str | None = None
    rule: str = "predicate"


# a hostile act as the subject is a condition ("an attack on our citizens
# would be considered an attack on Russia", "a strike on Iran would bring ..."):
# the codebook's "any X would"
ACT_AS_CONDITION = re.compile(r"\s*(?:an?|any|one|another|such\s+an?)\s+(?:[\w-]+\s+)?(?:attack|strike|invasion|"
                              r"incursion|aggression|attempt|violation|provocation|move|intervention|offensive|"
                              r"interference|annexation|blockade)"
                              r"(?:\s+(?:on|against|by|to|of|into|in)\b|(?=\s+(?:would|will|shall)\b|\s*$))",
                              re.IGNORECASE)


# the terms an "or" completes: an obligation, a demand or an order, or the
# act demanded ("Leave now or be destroyed", "must pay or face a cut-off")
TERMS_BEFORE_OR = re.compile(r"\b(?:must|should|has\s+to|have\s+to|had\s+to|needs?\s+to|ought\s+to|better|either|told|"
                             r"tells?|ordered|orders?|demand(?:s|ed)?|warn(?:s|ed)?|gave|given|give[sn]?|ultimatum|"
                             r"stop|halt|leave|surrender|withdraw|comply|pay|release|hand\s+over|back\s+down|cease|"
                             r"disarm|retreat|quit|end)\b", re.IGNORECASE)


def _modal_before(text: str, sentence: Sentence, position: int) -> tuple[re.Match[str], str] | None:
    """The nearest frame word before ``position`` in the sentence with an
    acceptable gap (adverbs, "not hesitate to", "continue to" …)."""
    window_start = max(sentence.start, position - 90)
    window = text[window_start:position]
    last = None
    for match in frame_patterns()["modal"].finditer(window):
        last = match
    if last is None:
        return None
    gap = window[last.end():]
    value = last.lastgroup.split("_", 1)[1] if last.lastgroup else "will"
    if value == "or":
        return (last, value) if not gap.strip(" " + QUOTES) else None
    if re.search(r"[.;:!?]", gap):
        return None
    if last.group().strip().lower() in ("will", "would", "shall") and re.match(r"\s*to\s", gap):
        return None  # "his will to be executed": the noun, not the modal
    words = [w.strip(QUOTES + ",") for w in gap.split()]
    words = [w for w in words if w]
    if len(words) > 6:
        return None
    if words and not (words[-1].lower() == "to" or all(w.lower() in GAP_FILLER or w.lower().endswith("ly")
                                                        for w in words)):
        return None
    return last, value


def _clause_start(text: str, lower: int, position: int) -> int:
    start = lower
    for match in CLAUSE_BREAK.finditer(text, lower, position):
        start = match.end()
    return start


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    if 0 < start < end and text[start] in "’'" and text[start - 1].isalpha():
        while start > 0 and text[start - 1].isalpha():
            start -= 1  # "(we)’ll destroy you": a clitic modal keeps its pronoun
    while start < end and (text[start].isspace() or text[start] in QUOTES + ",;:—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?—–"):
        end -= 1
    # Drop a leading/trailing quote mark with no partner inside the span.
    while end > start and text[end - 1] in "”\"":
        inner = text[start:end - 1]
        if "“" in inner or inner.count('"') % 2 == 1:
            break
        end -= 1
        while end > start and text[end - 1] in ".,;:!?":
            end -= 1
    for word in ("and ", "but ", "And ", "But ", "so ", "then "):
        if text.startswith(word, start):
            start += len(word)
    return start, end


def extend_end(text: str, sentence: Sentence, position: int) -> int:
    """End of the predicate's clause, plus a trailing condition."""
    limit = sentence.end
    for stop in FULL_STOP.finditer(text, position, limit):
        if not period_ends_abbreviation(text, stop.start(), position):
            limit = stop.start()
            break
    match = re.compile(r"[,;:!?—–]").search(text, position, limit)
    end = match.start() if match else limit
    words = text[position:end].split()
    if len(words) > 30:
        end = position + len(" ".join(words[:30]))
    if TRAILING_CONDITION.match(text, end, limit) or TRAILING_CONDITION.match(text[end:limit]):
        more = re.compile(r"[;:!?—–]|[”\"]\s*,").search(text, end + 1, limit)
        end = more.start() if more else limit
    return end


def window_matches(doc: ArticleContext, pattern: re.Pattern[str], positions: list[int], before: int,
                    after: int) -> list[re.Match[str]]:
    """Matches of ``pattern`` in windows around anchor positions (within the
    paragraph), each match once, in text order."""
    found: dict[int, re.Match[str]] = {}
    windows: list[list[int]] = []
    for position in positions:  # sorted: merge overlapping windows of one paragraph
        p_start, p_end = doc.paragraph_bounds(position)
        lower, upper = max(p_start, position - before), min(p_end, position + after)
        if windows and lower <= windows[-1][1] and windows[-1][0] >= p_start:
            windows[-1][1] = max(windows[-1][1], upper)
        else:
            windows.append([lower, upper])
    for lower, upper in windows:
        while lower < upper:
            match = pattern.search(doc.text, lower, upper)
            if match is None:
                break
            found.setdefault(match.start(), match)
            lower = match.end() if match.end() > match.start() else match.start() + 1
    return [found[start] for start in sorted(found)]


def _predicate_matches(doc: ArticleContext) -> list[re.Match[str]]:
    grammar = compiled_grammar()
    modal = window_matches(doc, grammar.modal_predicates, doc.modal_anchors, 0, 90)
    static = window_matches(doc, grammar.static_predicates, doc.static_anchors, 100, 60)
    merged: dict[int, re.Match[str]] = {m.start(): m for m in static}
    merged.update((m.start(), m) for m in modal)
    return [merged[start] for start in sorted(merged)]


def verbal_candidates(doc: ArticleContext) -> list[Candidate]:
    text = doc.text
    grammar = compiled_grammar()
    entries = grammar.predicates
    frames = frame_patterns()
    candidates: list[Candidate] = []
    for match in _predicate_matches(doc):
        entry = entries[match.lastgroup]
        sentence = doc.sentence_at(match.start())
        if sentence is None or match.end() > sentence.end:
            continue
        modality = None
        frame_start = match.start()
        evidence = [match.group().strip(" " + QUOTES)]
        if entry.frame != "static":
            found = _modal_before(text, sentence, match.start())
            if found is None:
                continue
            modal, modality = found
            frame_start = max(sentence.start, match.start() - 90) + modal.start()
            if modality == "or" and not TERMS_BEFORE_OR.search(text, sentence.start, frame_start):
                continue  # "support for a terrorist organization or attack": two nouns, no terms set
            gap = text[frame_start:match.start()]
            after_modal = text[frame_start + len(modal.group()):match.start() + 12]
            if HEDGE.match(after_modal):
                continue
            if modality != "or" and NEGATION.search(gap) and not re.search(r"not hesitate|not only", gap):
                continue
            if modality == "threaten":
                modality = "threaten"
            evidence.insert(0, modal.group().strip())
        # Span: leading condition / short subject … predicate … trailing condition.
        clause = _clause_start(text, sentence.start, frame_start)
        subject = text[clause:frame_start]
        start = frame_start
        any_condition = ANY_CONDITION.search(subject)
        if any_condition:
            start = clause + any_condition.start()
        elif len(subject.split()) <= 6 or modality == "or":
            start = clause
        leading = None
        for lead in LEADING_CONDITION.finditer(text, sentence.start, clause):
            before = text[sentence.start:lead.start()].rstrip(" " + QUOTES)
            if not before or before[-1] in ",;:—" or before.endswith("that"):
                leading = lead
        if leading is not None and len(text[leading.start():frame_start].split()) <= 25:
            start = leading.start()
        end = extend_end(text, sentence, match.end())
        start, end = strip_span(text, start, end)
        if end <= start:
            continue
        span_text = text[start:end]
        conditional = bool(frames["condition"].search(span_text)) or modality == "or" or bool(
            ANY_CONDITION.search(text, max(sentence.start, frame_start - 60), frame_start)) or bool(
            ACT_AS_CONDITION.match(text, clause, frame_start))
        if entry.frame == "conditional" and not conditional:
            continue
        cameo = entry.cameo
        if cameo.startswith("138") and NUCLEAR.search(span_text):
            cameo = "1385"
        candidates.append(Candidate(start, end, sentence, entry.kind, cameo, None, None, conditional,
                                     modality, evidence))
        # Remember the subject segment for actor/target resolution.
        candidates[-1].evidence.append("\x00%d:%d:%s:%s" % (clause, frame_start, entry.role, entry.frame))
    return candidates


def merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    rank = {"ultimatum": 3, "threat": 2, "warning": 1, "show_of_force": 0}
    merged: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if merged and candidate.start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, candidate.end)
            if rank[candidate.kind] > rank[last.kind]:
                last.kind = candidate.kind
            if last.cameo == "130" or (len(candidate.cameo) > len(last.cameo) and candidate.cameo != "130"):
                last.cameo = candidate.cameo if candidate.cameo != "130" else last.cameo
            last.conditional = last.conditional or candidate.conditional
            last.modality = last.modality or candidate.modality
            last.evidence.extend(e for e in candidate.evidence if e not in last.evidence and not e.startswith("\x00"))
        else:
            merged.append(candidate)
    return merged


def _governing_speaker(doc: ArticleContext, sentence: Sentence, position: int) -> tuple[str, int, bool] | None:
    """The speech verb whose complement holds ``position``: (np, np start, is_denial)."""
    text = doc.text
    best = None
    for verb in doc.speech_verbs():
        if verb.start() < sentence.start:
            continue
        if verb.start() >= position:
            break
        best = verb
    frames = frame_patterns()
    if best is not None:
        np, np_start = doc.speech_subject(best)
        denial = bool(frames["denial"].search(text, max(sentence.start, best.start() - 30), position))
        return np, np_start, denial
    denial_match = frames["denial"].search(text, sentence.start, position)
    if denial_match:
        return "", sentence.start, True
    colon = colon_speaker(text, sentence, position)
    return (colon[0], colon[1], False) if colon else None  # "Erdogan: We will enter Syria if necessary"


#: words a headline holds at most: a colon attribution in a longer sentence is a
#: transcript's speaker label ("DB: Even the attorney ..."), not a headline's
HEADLINE_WORDS = 16


def colon_speaker(text: str, sentence: Sentence, position: int) -> tuple[str, int] | None:
    """(np, start) of a headline's colon attribution before ``position``
    ("Erdogan: Turkey may launch an operation"), or None."""
    colon = _COLON_SPEAKER.match(text, sentence.start, position)
    if colon and not _NOT_A_SPEAKER.search(colon.group("np")) and is_actor_phrase(clean_mention(colon.group("np"))):
        return colon.group("np"), colon.start("np")
    return None


# a headline's colon attribution: "Erdogan: We will enter Syria", "Iran's Khamenei: Israel will ..."
_COLON_SPEAKER = re.compile(r"\s*(?P<np>(?-i:[A-Z])[\w.’'-]*(?:\s+[\w.’'-]+){0,4}?)\s*:\s+(?=\S)")
_NOT_A_SPEAKER = re.compile(r"\b(?:note|update|updated|breaking|watch|exclusive|opinion|analysis|comment|photos?|video|"
                            r"editorial|report|live|timeline|q|a)\s*$", re.IGNORECASE)


def trailing_speaker(doc: ArticleContext, sentence: Sentence, end: int) -> tuple[str, int] | None:
    """The speaker of a trailing attribution after ``end`` (", Gazprom said"): (phrase, start) or None."""
    text = doc.text
    tail = text[end:sentence.end]
    match = re.search(r"[,”\"]\s*(?:[”\"]\s*)?(?P<np>[^,“”\";]{1,100}?)\s+(?:said|says|told|added|warned|noted|"
                      r"wrote|reported|stated|vowed|pledged|declared|insisted|shouted|chanted|yelled|screamed)\b", tail)
    if match:
        return match.group("np"), end + match.start("np")
    match = re.search(r"[,”\"]\s*(?:said|says|told|added|warned)\s+(?P<np>[^,“”\";.]{1,100})", tail)
    if match:
        return match.group("np"), end + match.start("np")
    match = ACCORDING_TO.search(tail)
    if match:
        return match.group("np"), end + match.start("np")
    return None


def stated_by_an_actor(doc: ArticleContext, sentence: Sentence, end: int) -> bool:
    """False when the attribution trailing ``end`` forecasts or claims ("…,
    his campaign manager predicted") or names a speaker who is no actor
    ("…, one protester shouted"); True otherwise, also with no attribution.

    >>> from rhetoric.extract.threats.frames import as_context
    >>> ctx = as_context("They will kill us all, one protester shouted.")
    >>> stated_by_an_actor(ctx, ctx.sentence_at(0), 21)
    False
    """
    if _TRAILING_CLAIM.match(doc.text, end, sentence.end):
        return False
    trailing = trailing_speaker(doc, sentence, end)
    return trailing is None or is_actor_phrase(clean_mention(trailing[0])) or \
        named_state(doc, trailing[1], trailing[1] + len(trailing[0])) is not None


def named_state(doc: ArticleContext, start: int, end: int) -> str | None:
    """The state of the first actor the span ``[start, end)`` names itself, or
    None: no article focus ("Gazprom said" names none; the article's focus
    may be the one threatened)."""
    states = [canonical_state(m) for m in doc.actors_in(start, end) if m.kind in ACTOR_KINDS]
    return states[0] if states else None


_OWN = re.compile(r"^(?:(?:the|a|an)\s+)?(?:he|she|it|they|we|i|you|its|their|our|his|her|my|your)\b", re.IGNORECASE)
# after the modal: the embedded subject suffers the consequence ("Ukraine would pay a heavy price",
# "Moscow would then face sanctions", "Taipei would be punished", "banks would have their assets frozen");
# not its own act in the passive ("troops would be deployed") nor "be ready / forced to"
_SUFFERED = (r"punished|hit|sanctioned|attacked|targeted|destroyed|crushed|annihilated|wiped\s+out|expelled|"
             r"arrested|prosecuted|jailed|fined|banned|barred|excluded|isolated|struck|bombed|blockaded|cut\s+off|"
             r"held\s+(?:fully\s+|personally\s+)?(?:accountable|responsible)|made\s+to\s+pay|dealt\s+with|"
             r"met\s+with|shut\s+out|kicked\s+out|frozen|seized|confiscated|revoked|withdrawn|suspended|"
             r"cancell?ed|stripped|closed|blocked|repelled|repulsed|rebuffed|answered|avenged|"
             r"treated\s+as\s+(?:an?\s+)?(?:legitimate\s+|military\s+|hostile\s+|enemy\s+)?(?:targets?|enem(?:y|ies)|"
             r"combatants|invaders|occupiers|terrorists|aggressors?|criminals|traitors)")
_ADVERB = r"\s*(?:(?:\w+ly|then|also|still|soon|now|again|only|surely|certainly)\s+)?"
_HAVE_TAKEN = (r"have\s+(?:their|its|his|her|our|your|the)\s+(?:[\w'’-]+\s+){0,3}?"
               r"(?:revoked|withdrawn|frozen|seized|confiscated|stripped|suspended|terminated)\b")
VICTIM_PREDICATE = re.compile(
    _ADVERB + r"(?:face|pay|suffer|bear|regret|feel|lose|have\s+to|"
    rf"be\s+(?:\w+ly\s+)?(?:{_SUFFERED})|{_HAVE_TAKEN})\b",
    re.IGNORECASE)
# the narrow part that only someone's decision brings about: "reporters would have their accreditation withdrawn"
HAVE_TAKEN = re.compile(_ADVERB + _HAVE_TAKEN, re.IGNORECASE)


def reports_another(doc: ArticleContext, speaker_state: str | None, warned: bool, subject: str,
                    subject_start: int) -> bool:
    """Whether a reported clause's agent is another actor than the one who
    speaks: "Kiev warned that Russia would invade" reports a danger (or a
    claim), not a threat by Kiev, and not Russia's own threat either. The
    subject must name its state itself ("Russian troops"; not "its forces",
    "they"); an unnamed speaker who warns of a named actor's act reports
    a danger too ("The mayor warned that the separatists would storm ...").

    >>> from rhetoric.extract.threats.frames import as_context
    >>> ctx = as_context("Kiev warned that Russia would invade.")
    >>> reports_another(ctx, "Ukraine", True, "Russia", 17), reports_another(ctx, "Russia", True, "Russia", 17)
    (True, False)
    """
    subject = subject.strip()
    if not subject or _OWN.match(subject) or not is_actor_phrase(clean_mention(subject)):
        return False  # "its forces", "they"; "any attack on Taiwan" is a condition, not an actor
    embedded = named_state(doc, subject_start, subject_start + len(subject))
    if embedded is None:
        return False
    return warned if speaker_state is None else embedded != speaker_state


# "any attack on the United States (would be met with ...)": in a condition, the one attacked is
# protected, not threatened
_PROTECTED = re.compile(r"\b(?:attacks?|aggression|incursions?|invasion|strikes?|assaults?|provocations?|"
                        r"encroachment)\s+(?:on|against|into|of|upon)\s+(?:the\s+)?$", re.IGNORECASE)


def _protected(text: str, mention: ActorMention) -> bool:
    """Whether the mention is the one attacked in "any attack on X"."""
    return _PROTECTED.search(text, max(0, mention.start - 40), mention.start) is not None


def pick_target(doc: ArticleContext, mentions: list[ActorMention], actor: str | None) -> str | None:
    for mention in mentions:
        if mention.kind not in ACTOR_KINDS:
            continue
        country = canonical_state(mention)
        if country != actor:
            return country
    return None


# marks a candidate whose actor is the speaker named after the clause, not its
# subject ("Kiev must pay or face a cut-off, Gazprom said"; "Iran will face
# sanctions, the president said"); read and removed by the detector
SPEAKER_ACTS = "\x00speaker_acts"


_FIRST_PERSON = re.compile(r"\b(?:we|i)\s*$", re.IGNORECASE)


# a statement's owner before a colon or "that": "Kim's statement was blunt:", "the ministry's warning that"
STATEMENT_OWNER = re.compile(r"(?P<np>(?:the\s+)?[\w.’'-]+(?:\s+[\w.’'-]+){0,3}?)['’]s\s+"
                             r"(?:latest\s+|new\s+|own\s+)?(?:statement|warning|message|response|reply|threat|"
                             r"remarks?|words|comments?|answer)\b", re.IGNORECASE)


# what may come before a sentence's subject: "Then the", "On Monday,"
_SUBJECT_LEAD = re.compile(r"\W*(?:(?:[A-Z]\w*|the|an?)\W+){0,3}?(?:the\s+|an?\s+)?", re.IGNORECASE)

# a subject that characterises whoever would act rather than naming an actor
CHARACTERISING = re.compile(r"\W*(?:(?:and|but|so|yet|then)\s+)?(?:only|no\s+one|nobody|"
                             r"no\s+(?:country|nation|state|army|one\s+else|sane|sensible|rational))\b", re.IGNORECASE)
# the writer's reading of an act, not a statement: "in the clearest signal yet
# that ...", "in what was seen as a message that ..."
_READING_OF_AN_ACT = re.compile(r"\bin\s+(?:(?:a|an|the)\s+|what\s+(?:was|is|were|are)\s+(?:widely\s+)?(?:seen|read|taken)\s+as\s+an?\s+)"
                                r"(?:[\w-]+\s+){0,2}?(?:signal|sign|message|indication|reminder)\s+(?:yet\s+)?that\s+$",
                                re.IGNORECASE)
# hyperbole on another's resolve ("will stop at nothing to", "will do anything to")
_STOP_AT_NOTHING = re.compile(r"\b(?:stop|stops|stopped)\s+at\s+nothing\b|\bdo\s+(?:anything|whatever\s+it\s+takes)\s+to\b",
                              re.IGNORECASE)


def characterises(text: str, subject_start: int, modal_start: int, end: int) -> bool:
    """Whether the clause characterises someone rather than states an intention:
    "only a fool would attack", "no one will invade us", or another's resolve
    in hyperbole ("the media will stop at nothing to destroy him"; not "we
    will stop at nothing to crush them").

    >>> s = "The opposition will stop at nothing to destroy us."
    >>> characterises(s, 0, 15, len(s)), characterises("We will stop at nothing to win.", 0, 3, 30)
    (True, False)
    """
    if CHARACTERISING.match(text, subject_start, modal_start):
        return True
    return bool(_STOP_AT_NOTHING.search(text, modal_start, end)) and not _FIRST_PERSON.search(
        text, subject_start, modal_start)


# a trailing attribution that forecasts or claims rather than states an intention
_TRAILING_CLAIM = re.compile(r"[^“”\"]*?[,”\"]\s*(?:[”\"]\s*)?[^,“”\";]{1,100}?\s+(?:predicted|predicts|forecast|"
                             r"forecasts|claimed|claims|alleged|alleges|speculated|feared|fears|argued|argues|"
                             r"suggested|reckoned|guessed|estimated|believes|thinks|wrote\s+in\s+an?\s+op-ed)\b")
# an opening quote mark right before the modal's clause: "the phrase “Israel must be wiped out”"
_OPENING_QUOTE_BEFORE = re.compile(r"[“\"](?=[^“”\"]*$)")


def resolve_verbal(doc: ArticleContext, candidate: Candidate) -> bool:
    """Fill actor and target; False when the candidate is a report, not a threat."""
    text = doc.text
    sentence = candidate.sentence
    marker = next(e for e in candidate.evidence if e.startswith("\x00"))
    candidate.evidence.remove(marker)
    clause, frame_start, role, predicate_frame = marker[1:].split(":")
    clause, frame_start = int(clause), int(frame_start)
    if role == "agent" and ACT_AS_CONDITION.match(text, clause, frame_start):
        # "any intervention by ECOWAS would be considered a declaration of war":
        # the subject is the act set as condition; whoever would do it is warned,
        # and who warns is the speaker
        role = "victim"
    frames = frame_patterns()
    if frames["habitual"].search(text, sentence.start, candidate.start) and re.search(
            r"\bthreatened\b", text[sentence.start:candidate.end]):
        return False
    actor = None
    quote = doc.quote_at(candidate.start, candidate.end)
    if quote is None and BELIEF.search(text, max(sentence.start, frame_start - 60), frame_start):
        return False  # "had no reason to believe the gunman would launch the attack": a belief, no threat
    governing = _governing_speaker(doc, sentence, frame_start)
    if governing is not None and governing[2]:
        return False  # a denial
    if candidate.modality == "could" and (predicate_frame != "option" or not (
            quote is not None or governing is not None or trailing_speaker(doc, sentence, candidate.end))):
        # "could / may" only as an actor's stated option of what the addressee would face
        # ("Diplomats who break the rules could face expulsion, the ministry said"),
        # never the writer's forecast ("they may seize control")
        return False
    if quote is not None:
        actor = quote[2]
        if governing is not None and governing[0].strip() and \
                doc.same_quote(governing[1] + len(governing[0].rstrip()) - 1, frame_start) and \
                is_actor_phrase(clean_mention(governing[0])) and not _FIRST_PERSON.search(governing[0]):
            # "“ISIS warned us they would attack,” Perry said": the quotation
            # reports another's threat; who threatens is the one reported
            actor = doc.resolve(governing[0], governing[1], use_focus=True) or actor
        elif quote[0] > sentence.start + 2 and governing is not None:
            # a quoted fragment inside reported speech: the reporting verb's subject speaks
            country = doc.resolve(governing[0], governing[1], use_focus=True)
            actor = country or actor
    elif governing is not None:
        actor = doc.resolve(governing[0], governing[1], use_focus=True)
        warned = bool(re.search(r"\bwarn", text[governing[1]:clause], re.IGNORECASE))
        if role == "agent" and reports_another(doc, actor, warned, text[clause:frame_start], clause):
            return False  # "Kiev warned that Russia would invade": another's act reported
        if actor is None and role == "agent":
            # "The spokesman said Tehran would retaliate": a speaker naming no
            # state speaks for the clause's subject
            actor = doc.resolve(text[clause:frame_start], clause, use_focus=False)
    elif candidate.modality == "or" and obliged_subject(text, sentence.start, frame_start):
        # "Kiev must pay its debts or face a cut-off(, Gazprom said)": the
        # subject is told; who tells is the speaker when one is named
        trailing = trailing_speaker(doc, sentence, candidate.end)
        actor = named_state(doc, trailing[1], trailing[1] + len(trailing[0])) if trailing else None
        candidate.evidence.append(SPEAKER_ACTS)
    else:
        if not stated_by_an_actor(doc, sentence, candidate.end):
            return False
        trailing = trailing_speaker(doc, sentence, candidate.end)
        if trailing is not None and role == "agent" and reports_another(
                doc, doc.resolve(trailing[0], trailing[1], use_focus=False), False, text[clause:frame_start], clause):
            return False  # "Democrats will destroy this country, Trump said": another's act claimed
        if trailing is not None:
            actor = doc.resolve(trailing[0], trailing[1], use_focus=False)
            if actor is None:
                # "China will take all necessary measures, the foreign ministry
                # said": an organ naming no state speaks for the clause's subject
                # (not when the subject is the one who would suffer: "Iran will
                # face sanctions, the president said")
                actor = (doc.resolve(text[clause:frame_start], clause, use_focus=False) if role != "victim"
                         else None) or doc.resolve(trailing[0], trailing[1], use_focus=True)
            if role == "victim":
                candidate.evidence.append(SPEAKER_ACTS)
                if actor is not None and actor == doc.resolve(text[clause:frame_start], clause, use_focus=False):
                    actor = None  # the article's focus is the one who would suffer, not who speaks
        else:
            subject = text[clause:frame_start]
            directive = TERMS_SETTER.search(text, sentence.start, frame_start) if candidate.modality == "or" else None
            if directive is not None and doc.actors_in(sentence.start, directive.start()):
                # "Moscow gave Kiev until Monday to withdraw, or face ...": who sets the terms
                clause, subject = sentence.start, text[sentence.start:directive.start()]
            actor = doc.resolve(subject, clause, use_focus=True)
            owner = STATEMENT_OWNER.search(text, sentence.start, clause) if role == "victim" and directive is None \
                and quote is None else None
            if role == "victim" and owner is None and directive is None:
                # "The other bridge will be blasted if needed": the subject would
                # suffer, so who acts is the one the article was just telling of
                victim = named_state(doc, clause, frame_start)
                last = doc.last_subject_mention_before(sentence.start)
                actor = canonical_state(last) if last is not None else None
                if actor is None or actor == victim:
                    actor = None
                elif _SUBJECT_LEAD.fullmatch(text, doc.sentence_at(last.start).start, last.start):
                    candidate.actor_mention = last.text  # the subject itself; kept by the detector's mention step
                if candidate.actor_mention is None:
                    candidate.evidence.append(SPEAKER_ACTS)
            if owner is not None:
                # "Kim's statement was blunt: the United States would pay dearly":
                # the subject would suffer; who threatens owns the statement
                actor = doc.resolve(owner.group("np"), owner.start("np"), use_focus=False)
                candidate.actor_mention = owner.group("np")  # kept by the detector's mention step
    opening = _OPENING_QUOTE_BEFORE.search(text, sentence.start, frame_start) if role == "victim" and \
        governing is None and quote is None else None
    if opening is not None and opening.start() > sentence.start + 2:
        # "Iran tested missiles with the phrase “Israel must be wiped out”": a
        # quoted phrase in narration; the sufferer is not who threatens, the
        # actor the sentence names before the phrase is
        victim = named_state(doc, opening.end(), frame_start)
        before = [m for m in doc.actors_in(sentence.start, opening.start()) if m.kind in ACTOR_KINDS
                  and canonical_state(m) != victim]
        if before:
            actor = canonical_state(before[0])
            candidate.actor_mention = before[0].text
    if actor == "ANALYST":
        return False
    if _READING_OF_AN_ACT.search(text, max(sentence.start, clause - 80), clause):
        return False  # "bombers flew over Korea in a clear signal that Washington will not ...": the writer's reading
    if role == "agent" and characterises(text, clause, frame_start, candidate.end):
        return False  # "only a fool would attack", "no one will invade us": a characterisation, not an intention
    if role == "agent" and (is_inanimate_phrase(text[clause:frame_start])
                            or elided_thing_subject(text, sentence.start, clause, frame_start)):
        return False  # "the storm will strike Florida": a forecast about a thing, not an actor's threat
    if role == "victim" and _FIRST_PERSON.search(text[clause:frame_start].rstrip(QUOTES + ",")):
        return False  # "I would regret it", "we will be destroyed": a lament or a fear, no one threatened
    if candidate.modality == "must" and role == "agent" and not _FIRST_PERSON.search(text[clause:frame_start]):
        return False  # "they must cut ties with the militia": a demand on others, not the speaker's intention
    if candidate.modality in ("threaten", "vow") and quote is None and governing is None:
        # "rising seas threaten to destroy …": only actors threaten or vow
        subject = text[clause:frame_start]
        if not (doc.actors_in(clause, frame_start) or ORGANISATION_NP.search(subject)
                or PERSONAL_SUBJECT.search(subject) or title_patterns()[0].search(subject)
                or NAME_TOKEN.search(subject[1:])):
            return False
    if quote is None and governing is None and trailing_speaker(doc, sentence, candidate.end) is None:
        # narration: hedged forecasts by the writer are not threats
        if re.search(r"\b(?:could|might|may)\b", text[clause:frame_start]):
            return False
        if role == "victim" and actor is None and not candidate.conditional:
            return False  # "many others will be destroyed": the writer's forecast; no one threatens, on no terms
    candidate.actor = actor
    # Target: the victim subject, else the object, else the condition, else the sentence.
    # "any attack on the United States (would be met with ...)": who is attacked in the condition is protected
    subject_mentions = [m for m in doc.actors_in(clause, frame_start) if not _protected(text, m)]
    object_mentions = doc.actors_in(frame_start, candidate.end)
    condition_mentions = [m for m in doc.actors_in(candidate.start, frame_start) if not _protected(text, m)]
    target = None
    if role == "victim":
        target = pick_target(doc, subject_mentions, actor)
    target = target or pick_target(doc, object_mentions, actor) or pick_target(doc, condition_mentions, actor)
    if target is None:
        target = pick_target(doc, [m for m in doc.actors_in(sentence.start, sentence.end)
                                    if not (clause <= m.start < frame_start and role != "victim")
                                    and not (m.start < frame_start and _protected(text, m))], actor)
        if target is not None and governing is not None:
            speaker_mentions = doc.actors_in(governing[1], governing[1] + len(governing[0]))
            if any(canonical_state(m) == target for m in speaker_mentions):
                target = None
    candidate.target = target
    return True


def mark_ultimatums(doc: ArticleContext, candidates: list[Candidate]) -> None:
    text = doc.text
    deadline = frame_patterns()["deadline"]
    for candidate in candidates:
        sentence = candidate.sentence
        previous = doc.previous_sentence(sentence)
        if CONTINUATION.match(text, sentence.start, sentence.end) and previous is not None and deadline.search(
                text, previous.start, previous.end):
            start, _ = strip_span(text, previous.start, previous.end)
            close = re.compile(r"[”\"]").search(text, candidate.end, sentence.end)
            _, end = strip_span(text, sentence.start, close.start() if close else sentence.end)
            candidate.start, candidate.end = start, max(candidate.end, end)
            candidate.sentence = Sentence(previous.sent_id, previous.start, sentence.end,
                                          text[previous.start:sentence.end])
            candidate.kind, candidate.cameo, candidate.conditional = "ultimatum", "139", True
            candidate.evidence.append(deadline.search(text, previous.start, previous.end).group())
        elif deadline.search(text, sentence.start, sentence.end):
            found = deadline.search(text, sentence.start, sentence.end)
            candidate.kind, candidate.cameo, candidate.conditional = "ultimatum", "139", True
            candidate.evidence.append(found.group())
