"""Threat salience: the rate of threat words per 1,000 tokens."""

from __future__ import annotations

import re
from functools import lru_cache

from rhetoric.extract.threats.grammar import threat_word_pattern
from rhetoric.lexicons import read_lexicon_lines
from rhetoric.text.sentences import (
    count_tokens,
)


def threat_salience(text: str) -> float:
    """Threat-word rate per 1,000 tokens (vocabulary: ``lexicons/threat_words.txt``).

    >>> round(threat_salience("Pyongyang threatened a nuclear strike. Seoul shrugged."), 1)
    428.6
    >>> threat_salience("")
    0.0
    """
    if not isinstance(text, str):
        return 0.0
    tokens = count_tokens(text)
    if tokens == 0:
        return 0.0
    return 1000.0 * _count_threat_words(text) / tokens


_RUN = re.compile(r"[\w-]+")


@lru_cache(maxsize=1)
def _threat_vocabulary() -> tuple[frozenset[str], tuple[str, ...]] | None:
    """(whole words, prefixes) of ``threat_words.txt``, lower-cased, when
    every entry is ASCII letters and hyphens (else None)."""
    words, prefixes = set(), []
    for entry in read_lexicon_lines("threat_words.txt"):
        stem = entry[:-1] if entry.endswith("*") else entry
        if not re.fullmatch(r"[A-Za-z][A-Za-z-]*", stem):
            return None
        (prefixes.append(stem.lower()) if entry.endswith("*") else words.add(stem.lower()))
    return frozenset(words), tuple(prefixes)


def _count_threat_words(text: str) -> int:
    r"""``len(threat_word_pattern().findall(text))``, faster: the pattern's matches
    are whole runs of word characters and hyphens (it is bounded by
    ``(?<![\w-])`` and ``(?![\w-])`` and its entries are letters and
    hyphens), so each run either is a match or holds none. ASCII runs are
    compared lower-cased with the entries; other runs go to the pattern."""
    vocabulary = _threat_vocabulary()
    if vocabulary is None:
        return len(threat_word_pattern().findall(text))
    words, prefixes = vocabulary
    pattern = threat_word_pattern()
    count = 0
    for run in _RUN.findall(text):
        if run.isascii():
            lowered = run.lower()
            if lowered in words or lowered.startswith(prefixes):
                count += 1
        elif pattern.fullmatch(run):
            count += 1
    return count
