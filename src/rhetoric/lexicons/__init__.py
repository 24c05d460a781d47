"""Lexicons shipped with rhetoric: plain-text data files, each opening with a
comment header (lines starting with ``#``) that gives its purpose, source and
licence. This module is the one loader: every extractor reads its lexicons
through it, and :func:`lexicon_hashes` gives the sha256 of each file for the
manifest, since editing a lexicon is the documented way to extend the rules.

>>> "U.S." in read_lexicon_lines("abbreviations.txt")
True
>>> info = lexicon_info("abbreviations.txt")
>>> info.licence
'CC0.'
>>> info.purpose.startswith("the abbreviation list for NLTK's Punkt")
True
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["read_lexicon_lines", "read_lexicon_table", "lexicon_text", "lexicon_info", "lexicon_names",
           "lexicon_hashes", "LexiconInfo"]

_SUFFIXES = (".txt", ".tsv")
# A header field: "Purpose:", "Source:", "Sources:", "Licence:" at the start of
# a header line or after the end of a sentence within one.
_FIELD = re.compile(r"(?:^|(?<=[.)]\s))(Purpose|Sources?|Licen[cs]e|Format)\s*:\s*", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class LexiconInfo:
    """A lexicon file's header, parsed: ``purpose``, ``source`` and ``licence``
    are the texts of those fields (None when missing); ``header`` is the whole
    comment block without its ``#`` marks."""

    name: str
    purpose: str | None
    source: str | None
    licence: str | None
    header: str
    sha256: str


@lru_cache(maxsize=None)
def _raw(name: str) -> bytes:
    if "/" in name or "\\" in name or not name.endswith(_SUFFIXES):
        raise ValueError(f"not a lexicon file name: {name!r}")
    path = resources.files("rhetoric.lexicons").joinpath(name)
    if not path.is_file():
        raise FileNotFoundError(f"no lexicon {name!r} in rhetoric/lexicons (known: {', '.join(lexicon_names())})")
    return path.read_bytes()


def lexicon_text(name: str) -> str:
    """The raw text of the lexicon file ``name`` (UTF-8)."""
    return _raw(name).decode("utf-8")


def read_lexicon_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a lexicon, stripped."""
    lines = (line.strip() for line in lexicon_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def read_lexicon_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated lexicon (comment lines skipped; the first
    non-comment line is the header and is skipped too)."""
    rows = [tuple(cell.strip() for cell in line.split("\t")) for line in read_lexicon_lines(name)]
    return tuple(rows[1:])


def lexicon_names() -> tuple[str, ...]:
    """The file names of every shipped lexicon, sorted."""
    folder = resources.files("rhetoric.lexicons")
    return tuple(sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(_SUFFIXES)))


@lru_cache(maxsize=None)
def lexicon_info(name: str) -> LexiconInfo:
    """The header of lexicon ``name`` as :class:`LexiconInfo`."""
    header_lines = []
    for line in lexicon_text(name).splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        header_lines.append(stripped.lstrip("#").strip())
    header = "\n".join(header_lines)
    fields: dict[str, str] = {}
    matches = list(_FIELD.finditer(header))
    for match, following in zip(matches, matches[1:] + [None]):
        key = match.group(1).lower().rstrip("s").replace("license", "licence")
        end = following.start() if following is not None else len(header)
        value = " ".join(header[match.end():end].split())
        if key == "licence":  # the licence is its first sentence; notes may follow
            value = re.split(r"(?<=\.)\s", value, maxsplit=1)[0]
        fields.setdefault(key, value)
    return LexiconInfo(name, fields.get("purpose"), fields.get("source"), fields.get("licence"), header,
                       hashlib.sha256(_raw(name)).hexdigest())


def lexicon_hashes() -> dict[str, str]:
    """File name → sha256 of every shipped lexicon (recorded in each manifest)."""
    return {name: lexicon_info(name).sha256 for name in lexicon_names()}
