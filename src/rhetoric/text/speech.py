"""Speech cues: the verbs and phrases that attribute speech ("said", "warned",
"according to"), from ``lexicons/speech_verbs.tsv``.

A :class:`~rhetoric.text.document.Document` scans its text for cues once
(``doc.speech_cues``); extractors look them up by position.

>>> cues = SpeechCues.find("Kim warned that talks were over, KCNA said.")
>>> [("Kim warned that talks were over, KCNA said."[a:b]) for a, b in cues.spans]
['warned', 'said']
>>> cues.between(0, 20)
[(4, 10)]
>>> cue_kind("according to"), cue_lemma("warned")
('according', 'warn')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from rhetoric.lexicons import read_lexicon_table

__all__ = ["SpeechCues", "cue_kind", "cue_lemma", "speech_cue_pattern"]

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class _CueLexicon:
    kinds: dict[str, str]    # lowercased form -> speech | object | according
    lemmas: dict[str, str]   # lowercased form -> lemma


@lru_cache(maxsize=1)
def _cue_lexicon() -> _CueLexicon:
    rows = read_lexicon_table("speech_verbs.tsv")
    return _CueLexicon({row[0].lower(): row[2] for row in rows if len(row) >= 3},
                       {row[0].lower(): row[1] for row in rows if len(row) >= 2})


def cue_kind(form: str) -> str:
    """``speech``, ``object`` (takes an addressee or object: "told", "accused")
    or ``according`` for a cue as written (case and spacing ignored)."""
    return _cue_lexicon().kinds.get(_SPACE.sub(" ", form.lower()), "speech")


def cue_lemma(form: str) -> str | None:
    """The lemma of a cue form ("warned" -> "warn"), or None."""
    return _cue_lexicon().lemmas.get(form.lower())


def _trie_regex(words: list[str]) -> str:
    """A regular expression matching any of ``words``, factored as a trie so
    each position is tested against a few characters, not every word."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char).replace(r"\ ", r"\s+") + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)
        return "(?:%s)?" % body if ends else body

    return build(trie)


@lru_cache(maxsize=1)
def speech_cue_pattern() -> re.Pattern[str]:
    """Every cue form of the lexicon, lowercase only ("States", "State
    Department" are not cues), plus a sentence-opening "According to"."""
    forms = set(_cue_lexicon().kinds)
    forms.add("According to")
    return re.compile(r"(?<![\w\-’'])(?:%s)(?![\w\-])" % _trie_regex(sorted(forms)))


@dataclass(frozen=True)
class SpeechCues:
    """The speech cues of one text, as ``(start, end)`` spans in text order."""

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]

    @classmethod
    def find(cls, text: str) -> SpeechCues:
        spans = tuple(match.span() for match in speech_cue_pattern().finditer(text))
        return cls(spans, tuple(span[0] for span in spans))

    def between(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The cues starting at or after ``lo`` and ending at or before ``hi``
        (stops at the first cue that ends after ``hi``)."""
        result = []
        spans = self.spans
        for index in range(bisect_left(self.starts, lo), len(spans)):
            if spans[index][1] > hi:
                break
            result.append(spans[index])
        return result
