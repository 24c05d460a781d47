"""Anchored matching: try a rule's pattern only where one of its anchor words
starts a word, so an article costs one pass over its words instead of one
regular-expression scan per rule.

>>> rules = AnchoredRules([("warn", r"warn(?:s|ed)?\\s+that", "warn warns warned"),
...                        ("vow", r"vow(?:s|ed)?\\s+to", "vow*")])
>>> [(name, m.group()) for name, m in rules.matches("He warned that they vowed to act.")]
[('warn', 'warned that'), ('vow', 'vowed to')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Iterator
from typing import Any

__all__ = ["AnchoredRules", "WordIndex", "first_match_per_sentence", "words"]

_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")


class AnchoredRules:
    """Named patterns, each indexed by the words it can start with."""

    def __init__(self, rules: Iterable[tuple[str, str, str]]) -> None:
        self.order: dict[str, int] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._exact: dict[str, list[str]] = {}
        self._prefix: dict[str, list[str]] = {}
        for index, (name, pattern, anchors) in enumerate(rules):
            self.order[name] = index
            self._patterns[name] = re.compile(r"(?<![\w'’-])(?:%s)" % pattern, re.IGNORECASE)
            for word in anchors.split():
                if word.endswith("*"):
                    self._prefix.setdefault(word[:-1].lower(), []).append(name)
                else:
                    self._exact.setdefault(word.lower(), []).append(name)
        self._lengths = sorted({len(p) for p in self._prefix})
        self._cache: dict[str, list[str]] = {}

    def _rules_for(self, word: str) -> list[str]:
        names = list(self._exact.get(word, ()))
        for length in self._lengths:
            if length > len(word):
                break
            names.extend(self._prefix.get(word[:length], ()))
        return sorted(set(names), key=self.order.__getitem__)

    def matches(self, text: str, tokens: list[tuple[int, str]] | None = None) -> Iterator[tuple[str, re.Match[str]]]:
        """(rule name, match) left to right; at one position the first rule in
        order that matches wins, and later matches start after its end.
        ``tokens``: the text's :func:`words`, when already computed."""
        lowered = text.lower()
        positions: list[tuple[int, str]] = []
        cache = self._cache
        for start, word in (words(text) if tokens is None else tokens):
            names = cache.get(word)
            if names is None:
                names = cache[word] = self._rules_for(word)
            if names and (start == 0 or not (lowered[start - 1].isalnum() or lowered[start - 1] in "_'’-")):
                positions.append((start, word))
        taken_until = -1
        for start, word in positions:
            if start < taken_until:
                continue
            for name in self._cache[word]:
                match = self._patterns[name].match(text, start)
                if match:
                    yield name, match
                    taken_until = match.end()
                    break


class WordIndex:
    """Word starts where a pattern can match: one pass over an article's words.

    >>> index = WordIndex(["deploy*", "sent"])
    >>> [(p, "They sent troops and redeployed tanks; deployment began."[p:p + 6]) for p in index.positions(
    ...     "They sent troops and redeployed tanks; deployment began.")]
    [(5, 'sent t'), (39, 'deploy')]
    """

    def __init__(self, anchors: Iterable[str]) -> None:
        words = [a.lower() for a in anchors if a and a != "-"]
        self._exact = frozenset(w for w in words if not w.endswith("*"))
        self._prefixes = tuple(sorted({w[:-1] for w in words if w.endswith("*")}))

    def positions(self, text: str | list[tuple[int, str]]) -> list[int]:
        """Start offsets of the words of ``text`` (or of its :func:`words`) that are anchors, in order."""
        exact, prefixes = self._exact, self._prefixes
        tokens = words(text) if isinstance(text, str) else text
        return [start for start, word in tokens if word in exact or word.startswith(prefixes)]


def words(text: str) -> list[tuple[int, str]]:
    """(start, lower-cased word) for every word of ``text``."""
    return [(token.start(), token.group()) for token in _TOKEN.finditer(text.lower())]


def first_match_per_sentence(text: str, tokens: list[tuple[int, str]], pattern: re.Pattern[str], index: WordIndex,
                             sentence_at: Callable[[int], Any], done: Container[int]) -> Iterator[tuple[re.Match[str], Any]]:
    """Leftmost non-overlapping matches of ``pattern`` tried at the anchor
    positions of ``index``, each with its sentence, skipping sentences whose
    start is in ``done``. ``done`` is read at every step, so a caller that adds
    a sentence's start after keeping a candidate gets at most one a sentence.

    >>> text = "They sent troops. They sent ships and sent jets."
    >>> [m.start() for m, s in first_match_per_sentence(
    ...     text, words(text), re.compile(r"sent"), WordIndex(["sent"]),
    ...     lambda p: type("S", (), {"start": 0 if p < 17 else 18})(), {18})]
    [5]
    """
    taken_until = -1
    for position in index.positions(tokens):
        if position < taken_until:
            continue
        match = pattern.match(text, position)
        if match is None:
            continue
        taken_until = match.end()
        sentence = sentence_at(match.start())
        if sentence is None or sentence.start in done:
            continue
        yield match, sentence
