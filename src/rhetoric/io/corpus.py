"""Reading a corpus of news articles: text files, CSV or JSON Lines.

Formats (a folder may mix them; it is read recursively in sorted path order,
hidden files skipped):

- ``.txt`` / ``.md``: one article per file. An optional front-matter header
  (``---`` line, ``key: value`` YAML lines, ``---`` line) gives ``id``,
  ``title``, ``outlet`` (or ``source``), ``date``, ``url``. Without a title,
  the first non-empty line is the title. The text is the body after the
  header, stripped; the id defaults to the file name without its extension.
- ``.csv``: a header row with a ``text`` column; optional ``id``, ``title``,
  ``outlet`` (or ``source``), ``date``, ``url``.
- ``.jsonl`` / ``.ndjson``: one JSON object per line with the same fields.

Nothing is ever written to the input. A bad file, row or line never stops the
load: it becomes a row of the errors table (``source``, ``line``, ``doc_id``,
``error``, ``action``) and the rest is read. ``strict=True`` raises
:class:`CorpusError` on the first problem instead.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Drills resume\\n\\nSeoul and Washington began drills.")
>>> corpus = load_corpus(folder)
>>> corpus.articles[["doc_id", "title"]].values.tolist(), len(corpus.errors)
([['a', 'Drills resume']], 0)
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import pandas as pd
import yaml

__all__ = [
    "Article",
    "LoadError",
    "Corpus",
    "CorpusError",
    "load_corpus",
    "iter_corpus",
    "corpus_files",
    "MAX_TEXT_CHARS",
    "ARTICLE_FILE_SUFFIXES",
]

#: Articles longer than this (characters) are skipped with an error rather
#: than analysed: a scraped page this long is almost never one news article,
#: and it would dominate time and memory. Pass ``max_chars`` to change it.
MAX_TEXT_CHARS = 1_000_000
TEXT_SUFFIXES = (".txt", ".md")
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
ARTICLE_FILE_SUFFIXES = TEXT_SUFFIXES + TABLE_SUFFIXES
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
_OUTLET_KEYS = ("outlet", "source")


class CorpusError(ValueError):
    """Raised by ``load_corpus(..., strict=True)`` on the first bad item."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from the corpus."""

    doc_id: str
    source: str
    title: str | None
    outlet: str | None
    date: dt.date | None
    url: str | None
    text: str


@dataclass(frozen=True, slots=True)
class LoadError:
    """A problem met while reading: where, what, and what was done about it."""

    source: str
    line: int | None
    doc_id: str | None
    error: str
    action: str  # "skipped" (nothing of it is analysed) or "kept" (analysed, field dropped)

    def message(self) -> str:
        where = self.source if self.line is None else f"{self.source}, line {self.line}"
        return f"{where}: {self.error} ({self.action})"


@dataclass(frozen=True)
class Corpus:
    """The result of :func:`load_corpus`: an articles frame and an errors frame."""

    articles: pd.DataFrame
    errors: pd.DataFrame

    def __iter__(self):  # allows ``articles, errors = load_corpus(path)``
        return iter((self.articles, self.errors))


ARTICLE_COLUMNS = [f.name for f in fields(Article)]
ERROR_COLUMNS = [f.name for f in fields(LoadError)]


class _Problem(Exception):
    """Internal: a problem with one item, turned into a LoadError."""


def load_corpus(path: str | os.PathLike[str], *, strict: bool = False, max_chars: int = MAX_TEXT_CHARS) -> Corpus:
    """Read every article under ``path`` (a file or a folder) into a Corpus.

    ``articles`` has the columns doc_id, source, title, outlet, date (a real
    ``datetime.date``), url, text; ``errors`` has source, line, doc_id, error,
    action.
    """
    articles: list[Article] = []
    errors: list[LoadError] = []
    for item in iter_corpus(path, max_chars=max_chars):
        if isinstance(item, LoadError):
            if strict:
                raise CorpusError(item.message())
            errors.append(item)
        else:
            articles.append(item)
    error_frame = pd.DataFrame([asdict(e) for e in errors], columns=ERROR_COLUMNS)
    error_frame["line"] = error_frame["line"].astype("Int64")
    return Corpus(pd.DataFrame([asdict(a) for a in articles], columns=ARTICLE_COLUMNS), error_frame)


def corpus_files(path: str | os.PathLike[str]) -> list[Path]:
    """The files that make up the corpus at ``path``, in reading order."""
    root = Path(path)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise FileNotFoundError(f"corpus path does not exist: {root}")
    found = []
    for file in root.rglob("*"):
        relative = file.relative_to(root)
        if any(part.startswith(".") for part in relative.parts) or not file.is_file():
            continue
        found.append(file)
    return sorted(found, key=lambda f: f.relative_to(root).as_posix())


def iter_corpus(path: str | os.PathLike[str], *, max_chars: int = MAX_TEXT_CHARS) -> Iterator[Article | LoadError]:
    """Yield articles and load errors in reading order, streaming.

    Duplicate ids are detected across the whole corpus: the first article
    with an id wins, later ones become errors.
    """
    root = Path(path)
    files = corpus_files(root)
    seen: dict[str, str] = {}
    for file in files:
        name = source_name(root, file)
        for item in _read_file(file, name, max_chars):
            if isinstance(item, Article):
                first = seen.get(item.doc_id)
                if first is not None:
                    line = _line_of(item.source)
                    yield LoadError(name, line, item.doc_id, f"duplicate id {item.doc_id!r} (first seen at {first})", "skipped")
                    continue
                seen[item.doc_id] = item.source
            yield item


def source_name(root: str | os.PathLike[str], file: str | os.PathLike[str]) -> str:
    """How ``file`` is named in the tables: relative to the corpus ``root``
    (the folder given, or the file's own name when a file was given), so the
    tables do not change when the corpus folder moves.

    >>> source_name("/data/raw/ukraine", "/data/raw/ukraine/2014/kyiv.txt"), source_name("/x/ukr.jsonl", "/x/ukr.jsonl")
    ('2014/kyiv.txt', 'ukr.jsonl')
    """
    root, file = Path(root), Path(file)
    try:
        relative = file.relative_to(root).as_posix()
    except ValueError:
        return file.name
    return file.name if relative == "." else relative


def articles_folder(path: str | os.PathLike[str]) -> Path:
    """The folder to read for a corpus given as ``path``: ``path/articles``
    when ``path`` is a folder holding an ``articles/`` subfolder (the layout
    of ``data/raw/<name>/``, where notes and gold files may sit beside the
    articles), else ``path`` itself.

    >>> import pathlib, tempfile
    >>> corpus = pathlib.Path(tempfile.mkdtemp()); (corpus / "articles").mkdir()
    >>> articles_folder(corpus) == corpus / "articles", articles_folder(corpus / "articles") == corpus / "articles"
    (True, True)
    """
    path = Path(path)
    return path / "articles" if path.is_dir() and (path / "articles").is_dir() else path


def _line_of(source: str) -> int | None:
    head, _, tail = source.rpartition(":")
    return int(tail) if head and tail.isdigit() else None


def _read_file(file: Path, name: str, max_chars: int) -> Iterator[Article | LoadError]:
    suffix = file.suffix.lower()
    if suffix not in ARTICLE_FILE_SUFFIXES:
        yield LoadError(name, None, None, f"unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(ARTICLE_FILE_SUFFIXES)}", "skipped")
        return
    try:
        if suffix in TEXT_SUFFIXES:
            size = file.stat().st_size
            # UTF-8 needs at least one byte per character, UTF-16 at most four.
            if size > 4 * max_chars + 4096:
                raise _Problem(f"file of {size:,} bytes is larger than the limit of {max_chars:,} characters an article")
            content, removed = _without_controls(_decode(file.read_bytes()))
            yield from _with_note(_read_text_file(content, file, name, max_chars), name, None, removed)
        elif suffix == ".csv":
            yield from _read_csv(file, name, max_chars)
        else:
            yield from _read_jsonl(file, name, max_chars)
    except _Problem as problem:
        yield LoadError(name, None, None, str(problem), "skipped")
    except OSError as exc:
        yield LoadError(name, None, None, f"cannot read file: {exc.strerror or exc}", "skipped")


#: Control characters that have no place in an article (C0 controls other
#: than tab, newline, form feed and carriage return, and DEL).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: A text with more than 8 such control characters making up more than this
#: share is taken for a binary file; otherwise they are removed and the text kept.
MAX_CONTROL_SHARE = 0.05


def _decode(data: bytes) -> str:
    """``data`` as text: UTF-8 (an optional BOM dropped) or UTF-16 with a
    BOM. Raises _Problem if it does not decode or is mostly control bytes."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _Problem(f"invalid UTF-16 (with byte-order mark) at byte {exc.start}") from None
        return _normalise_newlines(text)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            raise _Problem("binary file (contains NUL bytes and is not UTF-8), not text") from None
        raise _Problem(f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None
    return _normalise_newlines(text)


def _without_controls(text: str) -> tuple[str, str | None]:
    r"""``text`` without stray control characters, and a note saying what
    was removed (None if nothing). Raises _Problem when they are so many
    that the input is binary rather than text.

    >>> _without_controls("Kyiv" + chr(0) + " talks")
    ('Kyiv talks', 'removed 1 control character (NUL) from the text')
    >>> _without_controls("x" + chr(1) * 20)
    Traceback (most recent call last):
    ...
    rhetoric.io.corpus._Problem: binary data (20 control characters in 21), not text
    """
    found = _CONTROL.findall(text)
    if not found:
        return text, None
    if len(found) > max(8, MAX_CONTROL_SHARE * len(text)):
        raise _Problem(f"binary data ({len(found):,} control characters in {len(text):,}), not text")
    names = sorted({"NUL" if c == "\x00" else f"0x{ord(c):02x}" for c in found})
    plural = "s" if len(found) != 1 else ""
    return _CONTROL.sub("", text), f"removed {len(found)} control character{plural} ({', '.join(names)}) from the text"


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _with_note(items: list[Article | LoadError], name: str, line: int | None, note: str | None) -> list[Article | LoadError]:
    """``items`` with a ``kept`` error row saying ``note`` about the article among them."""
    if note is None:
        return items
    article = next((item for item in items if isinstance(item, Article)), None)
    if article is None:
        return items
    return [LoadError(name, line, article.doc_id, note, "kept"), *items]


def _text_hash_id(text: str) -> str:
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)


def _read_text_file(content: str, file: Path, name: str, max_chars: int) -> list[Article | LoadError]:
    meta: dict[str, object] = {}
    body = content
    match = _FRONT_MATTER.match(content)
    if match:
        try:
            parsed = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            return [LoadError(name, line, None, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}", "skipped")]
        if not isinstance(parsed, dict):
            return [LoadError(name, 1, None, "front matter is not a mapping of 'key: value' lines", "skipped")]
        meta = {str(k).lower(): v for k, v in parsed.items()}
        body = content[match.end():]
    text = body.strip()
    if "title" not in meta or meta["title"] in (None, ""):
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), None)
        meta["title"] = first_line
    meta.setdefault("id", file.stem)
    return _make_article(meta, text, name, None, max_chars)


def _sniff_encoding(file: Path) -> str:
    with open(file, "rb") as handle:
        head = handle.read(4)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    return "utf-8"


class _ReplayableLines:
    """The lines of a file for :mod:`csv`, remembering those the current
    record took, so that after a malformed record the lines it swallowed
    (an unclosed quote runs on to the end of the file) can be read again."""

    def __init__(self, handle) -> None:
        self._handle = handle
        self._pending: list[str] = []
        self.taken: list[str] = []

    def __iter__(self) -> "_ReplayableLines":
        return self

    def __next__(self) -> str:
        line = self._pending.pop() if self._pending else next(self._handle)
        self.taken.append(line)
        return line

    def replay(self, lines: list[str]) -> None:
        self._pending.extend(reversed(lines))


def _read_csv(file: Path, name: str, max_chars: int) -> Iterator[Article | LoadError]:
    """Stream a CSV file row by row. A malformed row is skipped and reading
    goes on at the next line (the lines a broken quoted field ran over are
    read again)."""
    # A field may be as long as the article limit (the default limit is 128 KiB).
    csv.field_size_limit(max(csv.field_size_limit(), 4 * max_chars + 1))
    with open(file, encoding=_sniff_encoding(file), errors="strict", newline="") as handle:
        lines = _ReplayableLines(handle)
        reader = csv.reader(lines, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            yield LoadError(name, None, None, "empty CSV file (no header row)", "skipped")
            return
        except (csv.Error, UnicodeDecodeError) as exc:
            yield LoadError(name, 1, None, f"unreadable CSV header: {exc}", "skipped")
            return
        columns = [h.strip().lower() for h in header]
        if "text" not in columns:
            yield LoadError(name, 1, None, f"no 'text' column (columns: {', '.join(columns) or 'none'})", "skipped")
            return
        line = len(lines.taken)
        while True:
            start_line = line + 1
            lines.taken = []
            try:
                row = next(reader)
            except StopIteration:
                break
            except UnicodeDecodeError as exc:
                yield LoadError(name, start_line, None, f"not valid UTF-8 near this row ({exc.reason}); rest of the file not read", "skipped")
                break
            except csv.Error as exc:
                # Skip the row's first line; whatever else it swallowed is read again.
                yield LoadError(name, start_line, None, f"malformed CSV row: {exc}; row skipped", "skipped")
                lines.replay(lines.taken[1:])
                line = start_line
                continue
            line += len(lines.taken)
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                yield LoadError(name, start_line, None, f"row has {len(row)} fields, header has {len(columns)}", "skipped")
                continue
            record = dict(zip(columns, row))
            yield from _make_article(record, record.get("text", ""), name, start_line, max_chars)


def _read_jsonl(file: Path, name: str, max_chars: int) -> Iterator[Article | LoadError]:
    """Stream a JSON Lines file; a line longer than the limit is skipped
    without being held in memory."""
    limit = 4 * max_chars + 4096
    with open(file, "rb") as handle:
        number = 0
        while True:
            raw = handle.readline(limit)
            if not raw:
                break
            number += 1
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if len(raw) == limit and not raw.endswith(b"\n"):
                while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield LoadError(name, number, None, f"line longer than the limit of {max_chars:,} characters", "skipped")
                continue
            if not raw.strip():
                continue
            try:
                line_text, removed = _without_controls(raw.rstrip(b"\r\n").decode("utf-8"))
            except _Problem as problem:
                yield LoadError(name, number, None, f"{problem} on this line", "skipped")
                continue
            except UnicodeDecodeError as exc:
                yield LoadError(name, number, None, f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at column {exc.start + 1}", "skipped")
                continue
            try:
                record = json.loads(line_text)
            except json.JSONDecodeError as exc:
                yield LoadError(name, number, None, f"malformed JSON: {exc.msg.removesuffix(' at')} (column {exc.colno})", "skipped")
                continue
            if not isinstance(record, dict):
                yield LoadError(name, number, None, f"expected a JSON object, got {type(record).__name__}", "skipped")
                continue
            record = {str(k).lower(): v for k, v in record.items()}
            text = record.get("text")
            if not isinstance(text, str):
                reason = "no 'text' field" if text is None else f"'text' is {type(text).__name__}, not a string"
                yield LoadError(name, number, _clean(record.get("id")), reason, "skipped")
                continue
            yield from _with_note(_make_article(record, text, name, number, max_chars), name, number, removed)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _make_article(meta: dict, text: str, name: str, line: int | None, max_chars: int) -> list[Article | LoadError]:
    """Validate one record; returns the article (if usable) and any errors."""
    items: list[Article | LoadError] = []
    source = name if line is None else f"{name}:{line}"
    text = _normalise_newlines(text).strip()
    given_id = _clean(meta.get("id"))
    if not text:
        return [LoadError(name, line, given_id, "empty text", "skipped")]
    if len(text) > max_chars:
        return [LoadError(name, line, given_id, f"text of {len(text):,} characters exceeds the limit of {max_chars:,}", "skipped")]
    doc_id = _text_hash_id(text)
    if given_id is not None:
        if _SAFE_ID.match(given_id) and ".." not in given_id:
            doc_id = given_id
        else:
            items.append(LoadError(name, line, given_id, f"id {given_id!r} is not a safe identifier (letters, digits, '.', '_', '-'); used the text hash {doc_id} instead", "kept"))
    date = None
    raw_date = meta.get("date")
    if raw_date not in (None, ""):
        date = _parse_date(raw_date)
        if date is None:
            items.append(LoadError(name, line, doc_id, f"unreadable date {str(raw_date)!r}; date left empty", "kept"))
    outlet = next((_clean(meta.get(k)) for k in _OUTLET_KEYS if _clean(meta.get(k))), None)
    items.append(Article(doc_id, source, _clean(meta.get("title")), outlet, date, _clean(meta.get("url")), text))
    return items


def _parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", text) else _parse_loose_date(text)
    except ValueError:
        return None


def _parse_loose_date(text: str) -> dt.date | None:
    try:
        stamp = pd.to_datetime(text, errors="raise")
    except (ValueError, TypeError, OverflowError):
        return None
    return None if pd.isna(stamp) else stamp.date()
