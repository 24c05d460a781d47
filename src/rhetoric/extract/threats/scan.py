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

__all__ = ["AnchoredRules", "CLITIC_START", "WORD_START", "WordIndex", "first_match_per_sentence", "starts_word", "words"]

_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")
# where a word starts: not inside a word, nor after an apostrophe that ends one
# ("Korea's"); a quote mark opening a phrase ("warned of 'fire and fury'",
# PolNeAR's ''...'') does not hide the word after it
WORD_START = r"(?<![\w-])(?<!\w['’])"
# where a clitic anchor ("*’ll") starts: its apostrophe right after a word ("we’ll")
CLITIC_START = r"(?<=\w)(?=['’])"


class AnchoredRules:
    """Named patterns, each indexed by the words it can start with.

    An anchor is a word ("warned"), a stem ending in ``*`` ("vow*"), or a
    clitic starting with ``*`` ("*’ll": the pattern is tried where a word
    ends in it, as in "we’ll").

    >>> rules = AnchoredRules([("future", r"(?:will|’ll)\\s+strike", "will *’ll")])
    >>> [m.group() for _name, m in rules.matches("We’ll strike, and they will strike.")]
    ['’ll strike', 'will strike']
    """

    def __init__(self, rules: Iterable[tuple[str, str, str]]) -> None:
        self.order: dict[str, int] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._exact: dict[str, list[str]] = {}
        self._prefix: dict[str, list[str]] = {}
        self._clitics: dict[str, list[str]] = {}
        for index, (name, pattern, anchors) in enumerate(rules):
            self.order[name] = index
            # at a word start, or at a clitic's apostrophe right after a word
            self._patterns[name] = re.compile(r"(?:%s|%s)(?:%s)" % (WORD_START, CLITIC_START, pattern), re.IGNORECASE)
            for word in anchors.lower().split():
                if word.startswith("*"):
                    self._clitics.setdefault(word[1:], []).append(name)
                elif word.endswith("*"):
                    self._prefix.setdefault(word[:-1], []).append(name)
                else:
                    self._exact.setdefault(word, []).append(name)
        self._lengths = sorted({len(p) for p in self._prefix})
        self._cache: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = {}

    def _rules_for(self, word: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """(offset in the word, rule names in order) where rules may start."""
        names = list(self._exact.get(word, ()))
        for length in self._lengths:
            if length > len(word):
                break
            names.extend(self._prefix.get(word[:length], ()))
        found = [(0, names)] if names else []
        for clitic, rules in self._clitics.items() if may_host_clitic(word) else ():
            offset = clitic_offset(word, clitic)
            if offset is not None:
                found.append((offset, list(rules)))
        return tuple((offset, tuple(sorted(set(rules), key=self.order.__getitem__))) for offset, rules in found)

    def matches(self, text: str, tokens: list[tuple[int, str]] | None = None) -> Iterator[tuple[str, re.Match[str]]]:
        """(rule name, match) left to right; at one position the first rule in
        order that matches wins, and later matches start after its end.
        ``tokens``: the text's :func:`words`, when already computed."""
        tokens = words(text) if tokens is None else tokens
        cache = self._cache
        # the rules of each distinct word once, then one pass keeps the anchors
        anchors = {word for word in {word for _start, word in tokens}
                   if (cache[word] if word in cache else cache.setdefault(word, self._rules_for(word)))}
        positions = [(start, word) for start, word in tokens if word in anchors and starts_word(text, start)]
        taken_until = -1
        patterns = self._patterns
        for start, word in positions:
            for offset, names in cache[word]:
                if start + offset < taken_until:
                    continue
                for name in names:
                    match = patterns[name].match(text, start + offset)
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
        self._exact = frozenset(w for w in words if not w.endswith("*") and not w.startswith("*"))
        self._prefixes = tuple(sorted({w[:-1] for w in words if w.endswith("*")}))
        self._clitics = tuple(sorted({w[1:] for w in words if w.startswith("*")}))

    def positions(self, text: str | list[tuple[int, str]]) -> list[int]:
        """Start offsets of the words of ``text`` (or of its :func:`words`) that
        are anchors, and of the clitics ("*’ll": the "’ll" of "we’ll"), in order."""
        exact, prefixes, clitics = self._exact, self._prefixes, self._clitics
        tokens = words(text) if isinstance(text, str) else text
        # each distinct word tested once, then one pass keeps the anchors
        distinct = {word for _start, word in tokens}
        anchors = {word for word in distinct if word in exact or word.startswith(prefixes)}
        found = [start for start, word in tokens if word in anchors]
        if clitics:
            hosts = {word: offset for word in distinct if may_host_clitic(word) for clitic in clitics
                     if (offset := clitic_offset(word, clitic)) is not None}
            if hosts:
                found = sorted(found + [start + hosts[word] for start, word in tokens if word in hosts])
        return found


def may_host_clitic(word: str) -> bool:
    """Whether a word can end in a clitic: a clitic starts with its apostrophe (CLITIC_START)."""
    return "'" in word or "’" in word


def starts_word(text: str, start: int) -> bool:
    """Whether a word found at ``start`` begins a word (see WORD_START).

    >>> starts_word("of 'fire", 4), starts_word("90's", 3), starts_word("re-deploy", 3)
    (True, False, False)
    """
    if not start:
        return True
    before = text[start - 1]
    if before.isalnum() or before in "_-":
        return False
    return not (before in "'’" and start > 1 and (text[start - 2].isalnum() or text[start - 2] == "_"))


def clitic_offset(word: str, clitic: str) -> int | None:
    """Where ``clitic`` ("’ll") starts in ``word`` ("we’ll": 2), when the word ends in it after a host."""
    return len(word) - len(clitic) if len(word) > len(clitic) and word.endswith(clitic) else None


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
