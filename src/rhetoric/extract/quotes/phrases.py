"""Speaker noun phrases left and right of a speech cue."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rhetoric.extract.quotes.lexicon import (
    _ADJECTIVES,
    _CAPITAL_STOP,
    _CONNECTORS,
    _DETERMINERS,
    _NEGATIONS,
    _PASSIVE,
    _PRE_CUE_SKIP,
    _PRONOUNS,
    _TOKEN,
    _WEEKDAYS,
    _lexicons,
)


@dataclass
class _Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


# a name written with a lowercase particle joined by a hyphen ("al-Burhan", "el-Sisi")
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|an|as|at|ash|az|bin|ibn|abu|ben)-[A-Z]")


def _is_capitalized(tok: _Tok) -> bool:
    return (tok.text[:1].isupper() or bool(_PARTICLE_NAME.match(tok.text))) and tok.low not in _CAPITAL_STOP


def _lexicon_base(low: str) -> str:
    """A lowercased token as the lexicons list it: no possessive, and no
    sentence-final period ("official." -> "official", but "gen." stays)."""
    base = re.sub(r"['’]s$", "", low)
    if base.endswith(".") and len(base) > 3:
        lex = _lexicons()
        if base not in lex.title_role and base not in lex.noun_kind:
            base = base[:-1]
    return base


#: Lowercase particles that join a given name to a surname ("van Houten", "bin Salman").
NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "du", "da", "di", "del", "della", "dos", "das",
                            "ter", "ten", "la", "le", "bin", "ibn", "al", "el"})


def _np_word(tok: _Tok) -> bool:
    """Can this token stand inside a speaker noun phrase?"""
    lex = _lexicons()
    low = tok.low
    if _is_capitalized(tok):
        return True
    base = _lexicon_base(low)
    return (base in lex.title_role or base in lex.noun_kind or base in _ADJECTIVES) and base not in _PRONOUNS


def _np_head(tok: _Tok) -> bool:
    lex = _lexicons()
    base = _lexicon_base(tok.low)
    if _is_capitalized(tok) and not re.search(r"['’]s$", tok.text):
        return True
    return lex.noun_kind.get(base, "").split("-")[0] in ("person", "group", "org", "document") or (
        lex.title_role.get(base) == "head")


def _looks_like_appositive(tokens: list[_Tok]) -> bool:
    if not tokens or len(tokens) > 22:
        return False
    first = tokens[0].low
    if first in ("who", "whose", "which", "a", "an", "the", "his", "her", "its", "their", "former", "now",
                 "then", "also", "both", "herself", "himself", "in", "at", "speaking", "citing", "according",
                 "another", "one", "chief", "head", "director", "president", "spokesman", "spokeswoman"):
        return True
    if first.isdigit():
        return True
    if tokens[0].text[:1].isupper() and any(t.low in ("of", "for", "at") or _lexicons().title_role.get(t.low) == "head"
                                            for t in tokens):
        return True
    if re.search(r"['’]s$", tokens[0].text):
        return True
    lex = _lexicons()
    if len(tokens) <= 12 and any(lex.title_role.get(t.low) == "head" or lex.noun_kind.get(t.low, "").startswith(
            ("person", "group", "org")) for t in tokens):
        return True
    return first in lex.title_role


def _opens_role(tok: _Tok) -> bool:
    """A determiner or a possessor ("Zelensky's", "their") that opens a role
    phrase (a possessive pronoun only at the start of its sentence: "Their
    leader, Denis Pushilin, said")."""
    return tok.low in ("a", "an", "the", "his", "her", "its", "their", "our") or tok.low.endswith(("'s", "’s"))


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our"})


def _name_after_role(segment: list[_Tok], before: list[_Tok]) -> bool:
    """A bare name set off by commas after a role ("A Taliban spokesman,
    Zabihullah Mujahid, said", "the head of the mission, Rimantas Vaitkus,
    said"): two to five capitalised words (or name particles) after a noun
    phrase, opened by a determiner, whose words include a title or person noun."""
    if not 2 <= len(segment) <= 5:
        return False
    lex = _lexicons()
    phrase: list[_Tok] = []
    for tok in reversed(before):
        if tok.text in (",", ";", ":", "“", "”", '"', "(", ")"):
            break
        if phrase and _opens_role(phrase[-1]) and tok.low not in _CONNECTORS:
            break  # the determiner or possessor opens the phrase, unless "of the" / "for the" continues it
        phrase.append(tok)
    if not phrase or not _opens_role(phrase[-1]) or not any(
            lex.title_role.get(t.low) == "head" or lex.noun_kind.get(t.low) == "person" for t in phrase):
        return False
    if phrase[-1].low in _POSSESSIVE_PRONOUNS and len(phrase) < len(before):
        return False  # "Emanuel fired his police chief, Garry McCarthy, acknowledging": an object, not the speaker
    return all(t.text[:1].isupper() or t.low in NAME_PARTICLES for t in segment) and segment[0].text[:1].isupper()


# an unnamed source placed by whom it is near: "sources close to the Kremlin",
# "a person familiar with the talks" (the source speaks, not the Kremlin)
_NEAR_WORDS = (("close", "to"), ("familiar", "with"), ("linked", "to"), ("loyal", "to"))
_SOURCE_NOUNS = frozenset("source sources people person persons official officials aide aides insider insiders diplomat "
                          "diplomats someone figure figures adviser advisers advisor advisors".split())
SOURCE_NEAR = re.compile(r"(?P<source>(?:(?:a|an|the|one|two|three|several|some|other)\s+)?(?:[\w-]+\s+){0,2}?"
                         r"(?:%s))\s+(?:%s)\s+(?P<near>.+)" % (
                             "|".join(sorted(_SOURCE_NOUNS, key=len, reverse=True)),
                             "|".join(r"%s\s+%s" % pair for pair in _NEAR_WORDS)), re.IGNORECASE)


def _source_before(tokens: list[_Tok], k: int) -> int:
    """Where the phrase starts when the noun phrase at ``k`` follows "sources close to" (else ``k``)."""
    if k < 3 or (tokens[k - 2].low, tokens[k - 1].low) not in _NEAR_WORDS or tokens[k - 3].low not in _SOURCE_NOUNS:
        return k
    j = k - 3
    for _ in range(3):  # "a senior source", "two people"
        if j - 1 >= 0 and (tokens[j - 1].low in _DETERMINERS or tokens[j - 1].text[:1].islower()
                           and tokens[j - 1].text.isalpha() and tokens[j - 1].low not in _CONNECTORS
                           and tokens[j - 1].low not in ("and", "or", "but", "nor", "as", "than")):
            j -= 1
            if tokens[j].low in _DETERMINERS:
                break
        else:
            break
    return j


def _speaker_left(text: str, lo: int, hi: int) -> tuple[int, int, list[tuple[int, int]]] | None | str:
    """The speaker noun phrase ending just before ``hi`` (a cue), searching no
    further left than ``lo``. Returns (start, end, appositive spans), None, or
    "negated" / "passive" when the cue should be ignored."""
    tokens = _tokens(text, lo, hi)
    i = len(tokens) - 1
    # auxiliaries, adverbs and time phrases between subject and cue
    skipped = 0
    while i >= 0 and skipped < 6:
        low = tokens[i].low
        if low in _NEGATIONS:
            return "negated"
        if low in _PASSIVE and skipped == 0:
            return "passive"
        if low in ("statement", "interview", "week", "morning", "night", "evening", "afternoon") and i >= 1 and \
                tokens[i - 1].low in ("the", "its", "his", "her", "their", "that"):
            break  # "the statement said": the noun is the speaker, not part of "in a statement"
        if tokens[i].text[:1].isupper() and low in ("will", "may", "can", "still", "even", "first", "just"):
            break  # a name ("Will wrote", "Theresa May said"), not an auxiliary or adverb
        if low in _PRE_CUE_SKIP or low.endswith("ly") and low not in ("ally", "italy", "holly") and not tokens[i].text[:1].isupper():
            i -= 1
            skipped += 1
            continue
        break
    if i >= 0 and tokens[i].low == "and" and i >= 1 and tokens[i - 1].text not in (",",):
        subject = _subject_of_clause(text, lo, tokens[i].start)
        return (subject[0], subject[1], []) if subject else None
    if i >= 0 and tokens[i].low in ("to", "that", "who", "which", "and"):
        return None  # "vowed to say", "officials who said": handled elsewhere
    appositives: list[tuple[int, int]] = []
    hops = 0
    while i >= 0 and tokens[i].text in (",", "—", "–") and hops < 3:
        j = i - 1
        while j >= 0 and tokens[j].text not in (",", "—", "–", "(", ";", ":", "“", "”", '"'):
            j -= 1
        segment = tokens[j + 1:i]
        if j < 0 or tokens[j].text not in (",", "—", "–") or not (
                _looks_like_appositive(segment) or _name_after_role(segment, tokens[max(0, j - 6):j])):
            return None
        appositives.append((segment[0].start, segment[-1].end) if segment else (tokens[i].start, tokens[i].start))
        i = j - 1
        hops += 1
    if i < 0:
        return None
    first = tokens[i]
    if first.low in _PRONOUNS:
        return (first.start, first.end, appositives)
    near = next((n for n in range(max(1, i - 6), i) if tokens[n - 1].low in _SOURCE_NOUNS
                 and (tokens[n].low, tokens[n + 1].low) in _NEAR_WORDS), None)
    if near is not None and all(t.text.replace("-", "").replace(".", "").isalnum() for t in tokens[near + 2:i + 1]):
        # "A person familiar with the talks said": the source, whatever the phrase after "with" ends in
        return (tokens[_source_before(tokens, near + 2)].start, tokens[i].end, appositives)
    if not _np_head(first):
        return None
    k = i
    while k - 1 >= 0:
        prev = tokens[k - 1]
        low = prev.low
        if low in _DETERMINERS:
            k -= 1
            if k - 1 >= 0 and tokens[k - 1].low in _CONNECTORS and k - 2 >= 0 and _np_word(tokens[k - 2]):
                k -= 2
                continue
            break
        if low in _CONNECTORS and k - 2 >= 0 and (_np_word(tokens[k - 2])) and tokens[k].text[:1].isupper() or (
                low in ("of", "for", "at", "by") and k - 2 >= 0 and _np_word(tokens[k - 2])):
            k -= 2
            continue
        if prev.text in ("-", "&") and k - 2 >= 0 and _np_word(tokens[k - 2]):
            k -= 2
            continue
        if low in NAME_PARTICLES and _is_capitalized(tokens[k]):
            # "Pieter van Houten", "Ursula von der Leyen": particles join a given name to the surname
            j = k - 1
            while j >= 0 and tokens[j].low in NAME_PARTICLES:
                j -= 1
            if j >= 0 and _is_capitalized(tokens[j]) and tokens[j].low not in _DETERMINERS:
                k = j
                continue
        if _np_word(prev):
            k -= 1
            continue
        # "a bearded 23-year-old veteran", "the second official": free adjectives after a determiner
        if k == i and prev.text[:1].islower() and prev.text.replace("-", "").isalnum():
            for width in (1, 2):
                if k - 1 - width >= 0 and tokens[k - 1 - width].low in ("the", "a", "an", "another", "one") and all(
                        t.text[:1].islower() and t.text.replace("-", "").isalnum() for t in tokens[k - width:k]):
                    k -= 1 + width
                    break
        break
    # trim a leading connector
    while k <= i and tokens[k].low in _CONNECTORS:
        k += 1
    if k > i:
        return None
    k = _source_before(tokens, k)
    return (tokens[k].start, tokens[i].end, appositives)


def _speaker_right(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The speaker noun phrase starting right after a cue at ``lo`` ("said Smith")."""
    tokens = _tokens(text, lo, hi)
    i = 0
    while i < len(tokens) and tokens[i].low in _WEEKDAYS | {"on", "today", "yesterday", "tonight"} and i < 2:
        i += 1
    if i >= len(tokens):
        return None
    start = i
    if tokens[i].low in _PRONOUNS:
        return (tokens[i].start, tokens[i].end)
    if tokens[i].low in _DETERMINERS:
        i += 1
        for width in (1, 2):
            if i + width < len(tokens) and all(t.text[:1].islower() and t.text.replace("-", "").isalnum() and
                                               not _np_word(t) for t in tokens[i:i + width]) and \
                    _np_head(tokens[i + width]) and not tokens[i + width].text[:1].isupper():
                i += width
                break
    last = None
    while i < len(tokens):
        tok = tokens[i]
        if _np_word(tok) and tok.text not in (",", "."):
            last = i
            i += 1
            continue
        if tok.low in _CONNECTORS | {"the", "a", "an"} and last is not None and i + 1 < len(tokens) and (
                _np_word(tokens[i + 1]) or tokens[i + 1].low in ("the", "a", "an")):
            i += 1
            continue
        break
    if last is None:
        return None
    source = next((s for s in range(start, min(last + 1, len(tokens) - 3)) if tokens[s].low in _SOURCE_NOUNS
                   and (tokens[s + 1].low, tokens[s + 2].low) in _NEAR_WORDS), None)
    if source is not None:
        # "said a person familiar with the talks": the whole phrase names the source
        j = source + 3
        while j < len(tokens) and tokens[j].low in _DETERMINERS:
            j += 1
        while j < len(tokens) and j < last + 8 and tokens[j].text.replace("-", "").replace(".", "").isalnum() and \
                tokens[j].low not in _CONNECTORS and tokens[j].low not in _WEEKDAYS | {"on", "today", "yesterday"}:
            last = j
            j += 1
    end_tok = tokens[last]
    end = end_tok.end
    if end_tok.text.endswith(".") and end_tok.text[:-1].lower() not in _lexicons().abbreviations and not re.fullmatch(
            r"(?:\w\.)+", end_tok.text):
        end -= 1
    if source is None and not _np_head(_Tok(end_tok.start, end, text[end_tok.start:end])):
        return None
    return (tokens[start].start, end)


def _subject_of_clause(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """First noun phrase of the clause that ends at ``hi`` (for ", saying …")."""
    tokens = _tokens(text, lo, hi)
    start_index = 0
    for index, tok in enumerate(tokens):
        if tok.low in ("while", "as", "and", "but", "when", "whereas") or tok.text == ";":
            start_index = index + 1
    if start_index < len(tokens) and (tokens[start_index].low.endswith("ing") or tokens[start_index].low == "asked"):
        # "Speaking to Al Jazeera from Munich, Leonid Kozhara ... called ..., saying": past the opener
        comma = next((i for i in range(start_index, len(tokens)) if tokens[i].text == ","), None)
        while comma is not None:
            start_index = comma + 1
            # "Speaking in Salem, New Hampshire, Trump said": a place's state after its town is the opener's too
            following = next((i for i in range(start_index, min(len(tokens), start_index + 4))
                              if tokens[i].text == ","), None)
            place = following is not None and all(t.text[:1].isupper() for t in tokens[start_index:following])
            comma = following if place and following > start_index else None
    for index in range(start_index, min(len(tokens), start_index + 3)):
        tok = tokens[index]
        if tok.low in _CAPITAL_STOP or tok.text in (",", "“", '"'):
            continue
        span = _speaker_right(text, tok.start, hi)
        if span is not None:
            return span
        break
    return None


# the wire's attribution by a medium: "Kim was quoted by KCNA as saying",
# "KCNA quoted Kim as saying", "Khamenei was quoted as saying"
_QUOTED_PASSIVE = re.compile(r"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:also\s+)?quoted\s+(?:by\s+[^,;:“”\"]{1,60}?\s+)?as\s+$",
                             re.IGNORECASE)
_QUOTED_ACTIVE = re.compile(r"\bquot(?:ed|es|ing)\s+", re.IGNORECASE)


def _quoted_as(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The speaker of "S was quoted (by M) as saying" or "M quoted S as saying", the cue "saying" at ``hi``."""
    passive = _QUOTED_PASSIVE.search(text, lo, hi)
    if passive is not None and passive.end() == hi:
        left = _speaker_left(text, lo, passive.start())
        return (left[0], left[1]) if isinstance(left, tuple) else None
    if not text[lo:hi].rstrip().endswith(" as"):
        return None
    for active in _QUOTED_ACTIVE.finditer(text, lo, hi):
        speaker = _speaker_right(text, active.end(), hi)
        if speaker is not None and re.fullmatch(r"\s+as\s+", text[speaker[1]:hi]):
            return speaker
    return None
