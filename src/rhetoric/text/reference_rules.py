"""The rules of :mod:`rhetoric.text.references`, one small function each.

Every rule takes the article's :class:`~rhetoric.text.discourse.Discourse`
and yields ``(start, end, state)`` for the spans it resolves; the order of
:data:`REFERENCE_RULES` decides which rule a span belongs to.

>>> from rhetoric.text.document import Document
>>> doc = Document("Kyiv said Russian soldiers crossed the border. Troops were seen near Kharkiv.")
>>> list(forces_rule(Discourse(doc)))
[(18, 26, 'Russia'), (47, 53, 'Russia')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache

from rhetoric.lexicons import read_lexicon_lines, read_lexicon_table
from rhetoric.text.discourse import Discourse, Entity, _groups

__all__ = ["REFERENCE_RULES", "speaker_rule", "first_person_rule", "name_rule", "pronoun_rule", "pair_rule",
           "description_rule", "forces_rule", "group_rule"]

Resolved = Iterator[tuple[int, int, str]]

_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Uu]s|[Oo]urs?|I|[Mm]e|[Mm]y)\b")
_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er)\b")
_PLURAL = re.compile(r"\b(?:[Tt]hey|[Tt]hem|[Tt]heir)\b")
# "it" as the subject of a speech verb: "It warned", "it has also said", "It would respond, it said"
_IT_SPEAKS = re.compile(r"\b[Ii]t\s+(?:(?:has|had|would|will|also|again|then|later|previously|repeatedly)\s+){0,2}(?=\w)")
_IT_KINDS = ("state", "organisation", "alliance")
_IT = re.compile(r"[Ii]t")
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_OBJECTS = {"him", "her", "them"}
_PERSON_SENTENCES_BACK = 3   # "he" / "she": the person named in this or the three sentences before
_GROUP_SENTENCES_BACK = 1    # "they": the group or state named in this sentence or the one before
_FORCE_SENTENCES_BACK = 2
_CLAUSE_BREAK = re.compile(r"[,;:(—–]|\b(?:that|who|which|whom|and|but|because|when|after|before|while|if|as)\b")
_GROUP_KINDS = ("group", "people", "organisation", "alliance")  # a state is "it", not "they"
_OWNER_KINDS = ("state", "people", "organisation", "alliance")  # whose forces
_FORCE_OWNER_KINDS = _OWNER_KINDS + ("person",)  # "Putin ordered drills. The troops ...": his state's
# a capitalised word before a force noun that is no name: "The troops", "Some soldiers"
_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "some", "its", "their", "his", "her", "our", "many",
                          "more", "other", "all", "both", "several", "about", "over", "nearly", "around", "up", "only"})
# after "its" or "their", only a state's own organs: "its government", not "its union"
_ORGANS_OF_A_STATE = frozenset({"government", "army", "military", "armed forces", "navy", "air force", "leadership",
                                "parliament", "authorities", "security forces", "regime"})
_STATE_KINDS = ("state", "people")


# --------------------------------------------------------------------------
# quotes and names
# --------------------------------------------------------------------------

def speaker_rule(discourse: Discourse) -> Resolved:
    """A quote's speaker span ("she said", "the spokesman") stands for the speaker's state."""
    for quote, (state, _) in zip(discourse.doc.quotes, discourse.speaker_states):
        if state and quote.speaker_start is not None and quote.speaker_end is not None:
            yield quote.speaker_start, quote.speaker_end, state


def first_person_rule(discourse: Discourse) -> Resolved:
    """"we", "us", "our", "I", "my" inside a quotation stand for its speaker's state
    (a quotation continued in the next sentence is one quote with one speaker);
    a speaker "he" / "she" / "they" takes the state of the person or group it
    refers to (:func:`pronoun_rule`'s search)."""
    text = discourse.doc.text
    for quote, (state, _) in zip(discourse.doc.quotes, discourse.speaker_states):
        if not state and quote.speaker_start is not None and quote.speaker_end is not None:
            state = _pronoun_speaker_state(discourse, quote.speaker_start, text[quote.speaker_start:quote.speaker_end])
        if state:
            for match in _FIRST_PERSON.finditer(text, quote.content_start, quote.content_end):
                yield match.start(), match.end(), state


def _pronoun_speaker_state(discourse: Discourse, start: int, speaker: str) -> str | None:
    """The state of a pronoun speaker ("he added"), or None."""
    if _PERSONAL.fullmatch(speaker):
        entity = _antecedent(discourse, start, speaker, ("person",), _PERSON_SENTENCES_BACK, [])
    elif _PLURAL.fullmatch(speaker):
        entity = _antecedent(discourse, start, speaker, _GROUP_KINDS, _GROUP_SENTENCES_BACK, [])
    else:
        return None
    return entity.state if entity is not None else None


def name_rule(discourse: Discourse) -> Resolved:
    """A quoted person's name written again ("Osmayev" after "Adam Osmayev
    said") stands for that person's state."""
    for entity in discourse.entities:
        if entity.kind == "person" and entity.state and entity.text.split()[-1] in entity.name.split():
            yield entity.start, entity.end, entity.state


# --------------------------------------------------------------------------
# pronouns
# --------------------------------------------------------------------------

def _direct_quote_at(discourse: Discourse, position: int) -> int | None:
    """Index in ``doc.quotes`` of the direct quotation containing ``position``, or None."""
    starts, spans = discourse.direct_quotes
    index = bisect_right(starts, position) - 1
    while index >= 0:
        start, end, quote_index = spans[index]
        if position < end:
            return quote_index
        index -= 1
        if index >= 0 and spans[index][1] <= start:
            break  # quotations do not nest: an earlier one that ends before this one cannot hold it
    return None


def _sentence_index(discourse: Discourse, position: int) -> int:
    return bisect_right(discourse.sentence_starts, position) - 1


def _earliest(discourse: Discourse, position: int, sentences_back: int) -> int:
    index = _sentence_index(discourse, position)
    return discourse.doc.sentences[max(0, index - sentences_back)].start if index >= 0 else 0


def _candidates(discourse: Discourse, position: int, sentences_back: int, chain: list[Entity]) -> Iterator[Entity]:
    """Possible antecedents in the order of Hobbs's (1978) search: the
    pronoun's own sentence right to left from the pronoun, then each earlier
    sentence left to right (its subject first). ``chain`` holds the pronouns
    already resolved, which later pronouns may refer to in turn."""
    sentences = discourse.doc.sentences
    index = _sentence_index(discourse, position)
    if index < 0:
        return

    chain_starts = [e.start for e in chain]

    def inside(start: int, end: int) -> list[Entity]:
        resolved = [e for e in chain[bisect_left(chain_starts, start):bisect_left(chain_starts, end)] if e.end <= end]
        found = discourse.between(start, end)
        return sorted(found + resolved, key=lambda e: e.start) if resolved else found

    yield from reversed(inside(sentences[index].start, position))
    for earlier in range(index - 1, max(-1, index - 1 - sentences_back), -1):
        yield from inside(sentences[earlier].start, sentences[earlier].end)


# a plural common noun after a determiner, number or "of": "the demonstrators", "50 gunmen", "thousands of protesters"
_PLURAL_NOUN = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Mm]any|[Ss]ome|[Aa]ll|[Mm]ost|[Ss]everal|[Oo]ther|[Bb]oth|"
                          r"[Ff]ew|of|\d[\d,]*)\s+(?:[a-z][\w\-]*\s+)?([a-z][a-z\-]*[^sui\W]s)\b")


def _plural_noun_before(discourse: Discourse, position: int) -> int | None:
    """Where the last plural common noun that is no actor stands between the
    start of the pronoun's sentence and the pronoun, or None."""
    index = _sentence_index(discourse, position)
    if index < 0:
        return None
    start = discourse.doc.sentences[index].start
    last = None
    for match in _PLURAL_NOUN.finditer(discourse.doc.text, start, position):
        if not discourse.between(match.start(1), match.end(1)):
            last = match.start(1)
    return last


def _same_clause(text: str, antecedent: Entity, position: int) -> bool:
    """No clause boundary between an antecedent and an object pronoun after it
    ("Trump met him": him is not Trump)."""
    between = text[antecedent.end:position]
    return "." not in between and not _CLAUSE_BREAK.search(between)


def _antecedent(discourse: Discourse, position: int, word: str, kinds: tuple[str, ...],
                sentences_back: int, chain: list[Entity]) -> Entity | None:
    """The first possible antecedent (:func:`_candidates`) a pronoun can refer
    to: of a compatible kind and gender; in a direct quotation, not its
    speaker ("he" in a speaker's words is someone else; "they" is not the
    speaker's side); for an object pronoun, not the subject of its own clause
    nor that subject named elsewhere ("Trump's move to meet him": not Trump)."""
    text = discourse.doc.text
    gender = _GENDER.get(word.lower())
    quote_index = _direct_quote_at(discourse, position)
    speaker_name = speaker_state = None
    if quote_index is not None:
        quote = discourse.doc.quotes[quote_index]
        speaker_name, speaker_state = quote.speaker_name, discourse.speaker_states[quote_index][0]
    bound: set[str] = set()  # the subject of an object pronoun's clause, wherever else it is named
    blocked_from = _plural_noun_before(discourse, position) if kinds == _GROUP_KINDS else None
    for entity in _candidates(discourse, position, sentences_back, chain):
        if blocked_from is not None and entity.start < blocked_from:
            return None  # "the demonstrators ... their hands": a plural noun nearer than any actor
        if entity.kind not in kinds or (gender and entity.gender and entity.gender != gender):
            continue
        if quote_index is not None and (entity.name == speaker_name if kinds == ("person",)
                                        else entity.state == speaker_state):
            continue
        if word.lower() in _OBJECTS and _same_clause(text, entity, position) and \
                _sentence_index(discourse, entity.start) == _sentence_index(discourse, position):
            bound.add(entity.name)
            continue
        if entity.name in bound:
            continue
        return entity
    return None


def pronoun_rule(discourse: Discourse) -> Resolved:
    """"he"/"she"/"him"/"his"/"her" → a person of a compatible gender in its
    sentence or the three before; "they"/"them"/"their" → a group, people or
    organisation in its sentence or the one before; "it" as the subject of a
    speech verb ("It warned") → a state or organisation there; searched as
    :func:`_candidates` says, and the pronoun takes its antecedent's state."""
    text = discourse.doc.text
    for pattern, kinds, back in ((_PERSONAL, ("person",), _PERSON_SENTENCES_BACK),
                                 (_PLURAL, _GROUP_KINDS, _GROUP_SENTENCES_BACK),
                                 (_IT_SPEAKS, _IT_KINDS, _GROUP_SENTENCES_BACK)):
        chain: list[Entity] = []
        for match in pattern.finditer(text):
            if pattern is _IT_SPEAKS:
                cues = discourse.doc.speech_cues.between(match.end(), match.end() + 30)
                if not cues or cues[0][0] != match.end():
                    continue  # an "it" that does not speak is most often a thing, not an actor
                match = _IT.match(text, match.start())
            entity = _antecedent(discourse, match.start(), match.group(), kinds, back, chain)
            if entity is not None:
                chain.append(Entity(match.start(), match.end(), match.group(), entity.kind, entity.name,
                                    entity.state, entity.gender))
                if entity.state:
                    yield match.start(), match.end(), entity.state


# --------------------------------------------------------------------------
# descriptions
# --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _pairs() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = {noun.lower(): kind for noun, kind in read_lexicon_table("actor_pairs.tsv")}
    nouns = "|".join(re.escape(noun) for noun in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"\b(?:[Tt]he\s+two|[Bb]oth)\s+({nouns})\b", re.IGNORECASE), kinds


def pair_rule(discourse: Discourse) -> Resolved:
    """"the two men", "both leaders" → the two persons named last before it
    (with different states); "the two countries", "both sides" → the two
    states named last before it. Each of the two is a reference of the span."""
    pattern, kinds = _pairs()
    for match in pattern.finditer(discourse.doc.text):
        wanted = ("person",) if kinds[match.group(1).lower()] == "persons" else _STATE_KINDS
        states: list[str] = []
        for entity in discourse.preceding(match.start(), _earliest(discourse, match.start(), 6)):
            if entity.kind in wanted and entity.state and entity.state not in states:
                states.append(entity.state)
                if len(states) == 2:
                    break
        if len(states) == 2:
            for state in states:
                yield match.start(), match.end(), state


@lru_cache(maxsize=1)
def _descriptions() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = read_lexicon_table("actor_descriptions.tsv")
    targets = {description.lower(): target for description, target in rows if target != "modifier"}
    modifiers = "|".join(re.escape(m) for description, target in rows if target == "modifier"
                         for m in (description,))
    heads = "|".join(re.escape(w) for w in sorted(targets, key=len, reverse=True))
    # "the", "its", then up to two modifiers: "the interim government", "the country's military"
    pattern = re.compile(rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?:{modifiers})\s+){{0,2}}((?i:{heads}))"
                         r"(?![-\w’'])(?!\s+of\b)")
    return pattern, targets


_IN_AFTER = re.compile(r"\s+in\s+(?:the\s+)?")


def _state_named_after(discourse: Discourse, end: int, link: re.Pattern[str],
                       kinds: tuple[str, ...] = _STATE_KINDS) -> str | None:
    """The state named right after ``end`` and ``link``: "the government in
    Kyiv", "the forces of the Russian Federation"."""
    after = link.match(discourse.doc.text, end)
    if after is None:
        return None
    named = [e for e in discourse.between(after.end(), after.end() + 60) if e.start == after.end()]
    return named[0].state if named and named[0].kind in kinds and named[0].state else None


def _state_before(discourse: Discourse, position: int, earliest: int,
                  kinds: tuple[str, ...] = _STATE_KINDS) -> str | None:
    text = discourse.doc.text
    for entity in discourse.preceding(position, earliest):
        if entity.kind in kinds and entity.state and not _side_word(text, entity.start, entity.end):
            return entity.state
    return None


def _side_word(text: str, start: int, end: int) -> bool:
    """Whether a state's name is part of a side word ("pro-Russian",
    "anti-Kyiv", "Kremlin-backed"): it names a side, not the state."""
    return text[max(0, start - 5):start].lower().endswith(("pro-", "anti-")) or \
        text[end:end + 7].lower().startswith(("-backed", "-allied", "-leaning"))


def description_rule(discourse: Discourse) -> Resolved:
    """A definite description of ``lexicons/actor_descriptions.tsv`` ("the
    government", "the interim government", "the country's army", "its
    armed forces", "the gov't") → the state named right after it ("the
    government in Kyiv"), else the state named last before it in its
    sentence, else the article's dominant state; one naming a body ("the
    Agency": IAEA) only when the article names that body."""
    pattern, targets = _descriptions()
    doc = discourse.doc
    named = {m.country for m in doc.actor_mentions} | {m.actor for m in doc.actor_mentions}
    for match in pattern.finditer(doc.text):
        if not match.group().startswith(("the", "The")) and match.group(1).lower() not in _ORGANS_OF_A_STATE:
            continue
        target = targets[match.group(1).lower()]
        if target != "state":
            state: str | None = target if target in named else None
        else:
            state = _state_named_after(discourse, match.end(), _IN_AFTER) or \
                _state_before(discourse, match.start(), _earliest(discourse, match.start(), 0)) or discourse.dominant
        if state:
            yield match.start(), match.end(), state


@lru_cache(maxsize=1)
def _forces() -> re.Pattern[str]:
    nouns = sorted(read_lexicon_lines("actor_forces.txt"), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in nouns) + r")\b", re.IGNORECASE)


_GOVERNMENT_WORDS = frozenset({"government", "regime", "pro-government", "loyalist"})
_OWNER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")
_SIDE_WORD = re.compile(r"\b(?:pro|anti)-\w+\s+(?:\w+\s+)?$|-backed\s+(?:\w+\s+)?$", re.IGNORECASE)


def forces_rule(discourse: Discourse) -> Resolved:
    """A force noun of ``lexicons/actor_forces.txt`` ("troops", "special
    forces units", "the warships") → the state named right after it ("the
    forces of the Russian Federation"), else the state named last before it
    in its sentence or the one before; not when a side word stands before it
    ("pro-Russian forces", "Kremlin-backed troops": whose they are is not
    said), a group word ("rebel forces": rule ``group``) or a capitalised word
    that is no state ("Self-Defense Forces": a name)."""
    text = discourse.doc.text
    groups = _groups()[1]
    for match in _forces().finditer(text):
        head = text[max(0, match.start() - 40):match.start()]
        before = head.split()[-1] if head.split() and head.endswith(" ") else ""
        if before.lower() in _GOVERNMENT_WORDS:
            # "government forces", "regime troops": the state whose government the article is about
            state = _state_before(discourse, match.start(), _earliest(discourse, match.start(), 0),
                                  _FORCE_OWNER_KINDS) or discourse.dominant
            if state:
                yield len(head.rstrip()) - len(before) + match.start() - len(head), match.end(), state
            continue
        if _SIDE_WORD.search(head) or before.lower() in groups or (
                before[:1].isupper() and before.lower() not in _DETERMINERS
                and not discourse.between(match.start() - len(before) - 1, match.start())):
            continue  # "pro-Russian forces", "rebel forces", "Self-defense forces": not a state's, or named
        if _OWNER_AFTER.match(text, match.end()):
            owner = _state_named_after(discourse, match.end(), _OWNER_AFTER, _OWNER_KINDS)
            if owner:
                yield match.start(), match.end(), owner  # "the forces of the Russian Federation"
            continue
        state = _state_before(discourse, match.start(), _earliest(discourse, match.start(), _FORCE_SENTENCES_BACK),
                              _FORCE_OWNER_KINDS)
        if state:
            yield match.start(), match.end(), state


def group_rule(discourse: Discourse) -> Resolved:
    """A group noun of ``lexicons/actor_groups.tsv`` ("the separatists",
    "rebel fighters") → that group's actor label ("separatists")."""
    yield from discourse.group_nouns


#: The rules in order; a span is resolved by the first rule that gives it.
REFERENCE_RULES: tuple[tuple[str, Callable[[Discourse], Resolved]], ...] = (
    ("speaker", speaker_rule),
    ("first_person", first_person_rule),
    ("name", name_rule),
    ("pronoun", pronoun_rule),
    ("pair", pair_rule),
    ("description", description_rule),
    ("forces", forces_rule),
    ("group", group_rule),
)
