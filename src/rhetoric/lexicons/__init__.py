"""Lexicons shipped with rhetoric: plain-text data files, each opening with a
comment header (lines starting with ``#``) that gives its source, purpose and
licence.

>>> "U.S." in read_lexicon_lines("abbreviations.txt")
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["read_lexicon_lines", "read_lexicon_table", "lexicon_text"]


@lru_cache(maxsize=None)
def lexicon_text(name: str) -> str:
    """The raw text of the lexicon file ``name`` (UTF-8)."""
    return resources.files("rhetoric.lexicons").joinpath(name).read_text(encoding="utf-8")


def read_lexicon_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a lexicon, stripped."""
    lines = (line.strip() for line in lexicon_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def read_lexicon_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated lexicon (comment lines skipped; the first
    non-comment line is the header and is skipped too)."""
    rows = [tuple(cell.strip() for cell in line.split("\t")) for line in read_lexicon_lines(name)]
    return tuple(rows[1:])
