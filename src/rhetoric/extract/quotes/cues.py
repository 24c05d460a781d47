"""Speech cues (``lexicons/speech_verbs.tsv``) found in a text: one scan, looked up by position."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from rhetoric.lexicons import read_lexicon_table
from rhetoric.extract.quotes.lexicon import _SPACE, _lexicons


class _LemmaTable(dict):
    def get(self, key, default=None):  # type: ignore[override]
        if not self:
            for row in read_lexicon_table("speech_verbs.tsv"):
                if len(row) >= 2:
                    self[row[0].lower()] = row[1]
        return super().get(key, default)


_LEMMA = _LemmaTable()


def _cue_kind(text: str, cue: tuple[int, int]) -> str:
    return _lexicons().cue_kind.get(_SPACE.sub(" ", text[cue[0]:cue[1]].lower()), "speech")


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
def _cue_regex() -> re.Pattern[str]:
    # lowercase forms only ("States", "State Department" are not cues), but a
    # sentence may open with "According to"
    forms = set(_lexicons().cue_kind)
    forms.add("According to")
    return re.compile(r"(?<![\w\-’'])(?:%s)(?![\w\-])" % _trie_regex(sorted(forms)))


@lru_cache(maxsize=4)
def _cue_spans(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Every cue of ``text`` (one scan per text; looked up by :func:`_cues`)."""
    spans = [match.span() for match in _cue_regex().finditer(text)]
    return [span[0] for span in spans], spans


def _cues(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    starts, spans = _cue_spans(text)
    first = bisect_left(starts, lo)
    result = []
    for index in range(first, len(spans)):
        if spans[index][1] > hi:
            break
        result.append(spans[index])
    return result


def _cue_or_end(text: str, start: int, end: int) -> bool:
    """Is text[start:end] empty, or does it open with a cue (", he added")?"""
    position = start
    while position < end and text[position] in " \t\n,":
        position += 1
    if position >= end:
        return True
    found = _cues(text, position, min(end, position + 40))
    return bool(found) and found[0][0] == position
