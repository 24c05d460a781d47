"""People's names in an article: which word of a name the article repeats,
whether a speaker_name is a person's, and where a name is written again.

>>> family_name("Vladimir Putin"), family_name("Kim Jong-un", "North Korea")
('Putin', 'Kim')
>>> text = "Adam Osmanov said so. Osmanov Street was empty. Mr Osmanov left."
>>> [text[a:b] for a, b in name_occurrences(text, "Adam Osmanov", None)]
['Adam Osmanov', 'Osmanov']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from rhetoric.lexicons import read_lexicon_lines
from rhetoric.text.actors import actor_entry

if TYPE_CHECKING:
    from rhetoric.extract.quotes import Quote

__all__ = ["family_name", "is_person_name", "is_full_person_name", "whole_words", "name_occurrences",
           "HONORIFIC_GENDER"]

HONORIFIC_GENDER = {"Mr": "m", "Mr.": "m", "Mrs": "f", "Mrs.": "f", "Ms": "f", "Ms.": "f", "Miss": "f"}
# East Asian names in English news keep the family name first ("Kim Jong Un": Kim);
# Chicago Manual of Style 17th ed., 8.14-8.16.
_FAMILY_NAME_FIRST = frozenset({"China", "Taiwan", "North Korea", "South Korea", "Vietnam"})
_NAME_WORD = re.compile(r"[A-Z][\w'’\-]*\.?$")
_NAME_PARTICLES = frozenset({"de", "da", "van", "von", "bin", "al", "el", "la", "le", "ibn", "der", "del", "di"})


def family_name(name: str, state: str | None = None) -> str:
    """The word of a person's name that the article repeats alone: the last
    ("Vladimir Putin": Putin), or the first for an East Asian state's person.

    >>> family_name("Adam Osmayev"), family_name("Kim Jong-un", "North Korea")
    ('Osmayev', 'Kim')
    """
    words = name.split()
    return words[0] if state in _FAMILY_NAME_FIRST and len(words) >= 2 else words[-1]


def is_person_name(name: str | None) -> bool:
    """A speaker_name that is a person's name: capitalised words, not a known non-person actor."""
    if not name:
        return False
    words = name.split()
    if not 1 <= len(words) <= 5 or not all(_NAME_WORD.match(w) or w in _NAME_PARTICLES for w in words):
        return False
    entry = actor_entry(name)
    return entry is None or entry.kind == "person"


def is_full_person_name(quote: Quote) -> bool:
    """A speaker_name known to be a person's: two or more words, or one with a title or honorific."""
    name = quote.speaker_name
    speaker = f" {quote.speaker or ''} "
    if not is_person_name(name) or any(f" {word} {name} " in speaker or f" {word} the {name} " in speaker
                                        for word in ("of", "in", "at", "from")):
        return False  # "Prime Minister of Crimea": a place, not a name
    return len((name or "").split()) >= 2 or bool(quote.speaker_title) or \
        (quote.speaker or "").split()[0] in HONORIFIC_GENDER


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Lower-case words that may stand before a name without being part of it."""
    from rhetoric.extract.quotes.lexicon import _HONORIFICS

    return frozenset(read_lexicon_lines("office_heads.txt")) | frozenset(_HONORIFICS) | {
        "vice", "deputy", "foreign", "defence", "defense", "prime", "chief", "former", "acting", "interior"}


_NEXT_NAME_WORD = re.compile(r"\s+([A-Z][\w\-]*)")
_PREVIOUS_NAME_WORD = re.compile(r"([A-Z][\w\-]*)(\.?)\s+$")


def whole_words(text: str, words: Iterable[str]) -> Iterable[tuple[int, int]]:
    """(start, end) of each occurrence of any of ``words`` in ``text`` as a
    whole word (no letter, digit or hyphen either side), longest first at a
    position, in text order."""
    found: dict[int, int] = {}
    for word in sorted(set(words), key=len, reverse=True):
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-_")) and \
                    (end == len(text) or not (text[end].isalnum() or text[end] in "-_")) and start not in found:
                found[start] = end
            start = text.find(word, start + 1)
    return sorted(found.items())


def name_occurrences(text: str, name: str, state: str | None) -> Iterable[tuple[int, int]]:
    """Where ``text`` writes the person ``name`` in full or by family name alone,
    not as part of another name ("Kim" in "Kim Jong Il" is not Kim Jong Un)."""
    words = name.split()
    own = set(words)
    last_end = -1
    for start, end in whole_words(text, [name] + ([family_name(name, state)] if len(words) >= 2 else [])):
        if start < last_end:
            continue  # the family name inside the full name
        after = _NEXT_NAME_WORD.match(text, end, min(len(text), end + 30))
        if after and after.group(1) not in own:
            continue  # "Glazyev Street", "Kim Jong Il"
        before = _PREVIOUS_NAME_WORD.search(text, max(0, start - 30), start)
        if before and before.group(1) not in own and before.group(1).lower() not in _title_words() \
                and not before.group(2) and not _opens_sentence(text, before.start()):
            continue  # another given name: "Ramzan Kadyrov" is not "Akhmad Kadyrov"
        last_end = end
        yield start, end


def _opens_sentence(text: str, position: int) -> bool:
    head = text[max(0, position - 3):position].rstrip(" “\"'‘")
    return not head or head[-1] in ".!?\n"
