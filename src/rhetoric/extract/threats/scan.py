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
from collections.abc import Iterable, Iterator
from functools import lru_cache

__all__ = ["AnchoredRules"]

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

    def matches(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        """(rule name, match) left to right; at one position the first rule in
        order that matches wins, and later matches start after its end."""
        lowered = text.lower()
        positions: list[tuple[int, str]] = []
        for word in set(_TOKEN.findall(lowered)):
            names = self._cache.get(word)
            if names is None:
                names = self._cache[word] = self._rules_for(word)
            if names:
                for found in _word_pattern(word).finditer(lowered):
                    start = found.start()
                    if start == 0 or not (lowered[start - 1].isalnum() or lowered[start - 1] in "_'’-"):
                        positions.append((start, word))
        positions.sort()
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


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    # A literal prefix lets the regex engine skip ahead fast; the left word
    # boundary is checked by the caller.
    return re.compile(r"%s(?![\w'’-])" % re.escape(word))
