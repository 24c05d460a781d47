"""The pipeline: every extractor over every article, into tidy tables.

Each article is analysed by a pure function of its text
(:func:`analyze_article`); articles are processed in chunks, in order,
optionally across worker processes, and the rows land in one table per
feature family. Table schemas are derived from the extractors' dataclasses,
so a field added to ``Quote`` is a column of the quotes table.

>>> from rhetoric.corpus import load_corpus
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Talks\\n\\nThe talks went well. Seoul was pleased.")
>>> tables = analyze(load_corpus(folder).articles)
>>> tables.sentences[["sent_id", "text"]].values.tolist()
[[0, 'Talks'], [1, 'The talks went well.'], [2, 'Seoul was pleased.']]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
import types
import typing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from rhetoric import __version__
from rhetoric.corpus import Article, CorpusError, LoadError, corpus_files, iter_corpus, MAX_TEXT_CHARS
from rhetoric.devices import DEVICE_KINDS, Device, extract_devices
from rhetoric.framing import FrameScore, score_frames
from rhetoric.quotes import Quote, extract_quotes
from rhetoric.sentiment import NEGATIVE_THRESHOLD, VADER_IMPLEMENTATION, sentiment
from rhetoric.store import TableWriter, sha256_file, write_json
from rhetoric.targeted import ActorSentiment, actor_sentiment
from rhetoric.text import count_tokens, split_sentences
from rhetoric.threats import Threat, extract_threats, threat_salience

__all__ = [
    "Tables",
    "TABLE_NAMES",
    "SCHEMAS",
    "analyze",
    "analyze_article",
    "extract_corpus",
    "ExtractSummary",
    "DEFAULT_CHUNK_SIZE",
]

DEFAULT_CHUNK_SIZE = 256


# --------------------------------------------------------------------------
# Schemas
# --------------------------------------------------------------------------

def _arrow_type(hint: Any) -> pa.DataType:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {hint}")
        return _arrow_type(inner[0])
    if origin in (tuple, list):
        return pa.list_(_arrow_type(typing.get_args(hint)[0]))
    simple = {int: pa.int64(), float: pa.float64(), str: pa.string(), bool: pa.bool_(), dt.date: pa.date32()}
    if hint in simple:
        return simple[hint]
    raise TypeError(f"no Arrow type for {hint!r}")


def schema_of(cls: type, before: list[tuple[str, pa.DataType]] = (), after: list[tuple[str, pa.DataType]] = ()) -> pa.Schema:
    """An Arrow schema: ``before`` columns, the dataclass's fields, ``after`` columns."""
    hints = typing.get_type_hints(cls)
    middle = [(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(cls)]
    return pa.schema(list(before) + middle + list(after))


_DOC = [("doc_id", pa.string())]

#: Extractor tables: name → (function over text, its dataclass, extra leading columns, extra trailing columns).
EXTRACTORS: dict[str, tuple[Callable[[str], list], type, list, list]] = {
    "quotes": (extract_quotes, Quote, [("quote_id", pa.int64())], [("compound", pa.float64())]),
    "threats": (extract_threats, Threat, [], []),
    "devices": (extract_devices, Device, [], []),
    "frames": (score_frames, FrameScore, [], []),
    "actor_sentiment": (actor_sentiment, ActorSentiment, [], []),
}

_ARTICLE_FEATURES = [
    ("n_tokens", pa.int64()),
    ("n_sentences", pa.int64()),
    ("mean_compound", pa.float64()),
    ("share_negative", pa.float64()),
    ("n_quotes", pa.int64()),
    ("n_threats", pa.int64()),
    ("n_show_of_force", pa.int64()),
    ("threat_salience", pa.float64()),
] + [(f"{kind}_per_1k", pa.float64()) for kind in DEVICE_KINDS]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": schema_of(Article, after=_ARTICLE_FEATURES),
    "sentences": pa.schema(_DOC + [
        ("sent_id", pa.int64()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
        ("compound", pa.float64()), ("pos", pa.float64()), ("neu", pa.float64()), ("neg", pa.float64()),
        ("compound_domain", pa.float64()),  # opt-in domain lexicon (sentiment(..., domain=True)); base columns untouched
    ]),
    **{name: schema_of(cls, _DOC + lead, tail) for name, (_, cls, lead, tail) in EXTRACTORS.items()},
    "officials": pa.schema([
        ("speaker_name", pa.string()), ("titles", pa.list_(pa.string())), ("affiliation", pa.string()),
        ("n_quotes", pa.int64()), ("n_docs", pa.int64()), ("mean_compound", pa.float64()),
    ]),
    "errors": schema_of(LoadError, after=[("stage", pa.string())]),
}
TABLE_NAMES: tuple[str, ...] = tuple(SCHEMAS)


# --------------------------------------------------------------------------
# One article
# --------------------------------------------------------------------------

@dataclass
class ArticleResult:
    """Rows of every table for one article, plus errors met analysing it."""

    rows: dict[str, list[dict[str, Any]]]
    errors: list[dict[str, Any]] = field(default_factory=list)


def analyze_article(article: Article) -> ArticleResult:
    """Run every extractor over one article. An extractor that fails leaves
    its table without rows for this article and an error row; the others
    still run."""
    text = article.text
    doc = {"doc_id": article.doc_id}
    rows: dict[str, list[dict[str, Any]]] = {}
    errors: list[dict[str, Any]] = []

    sentence_rows = []
    for sentence in split_sentences(text):
        scores = sentiment(sentence.text)
        sentence_rows.append({**doc, "sent_id": sentence.sent_id, "start": sentence.start, "end": sentence.end,
                              "text": sentence.text, "compound": scores.compound, "pos": scores.pos,
                              "neu": scores.neu, "neg": scores.neg,
                              "compound_domain": sentiment(sentence.text, domain=True).compound})
    rows["sentences"] = sentence_rows

    for name, (function, _cls, _lead, _tail) in EXTRACTORS.items():
        try:
            found = function(text)
            table_rows = [{**doc, **dataclasses.asdict(item)} for item in found]
        except Exception as exc:  # keep the other tables of this article
            errors.append({"source": article.source, "line": None, "doc_id": article.doc_id,
                           "error": f"{name} failed: {type(exc).__name__}: {exc}", "action": "kept", "stage": name})
            table_rows = []
        rows[name] = table_rows
    for number, row in enumerate(rows["quotes"]):
        row["quote_id"] = number
        row["compound"] = sentiment(row["content"]).compound

    n_tokens = count_tokens(text)
    compounds = [row["compound"] for row in sentence_rows]
    device_counts = Counter(row["device"] for row in rows["devices"])
    try:
        salience = threat_salience(text)
    except Exception as exc:
        errors.append({"source": article.source, "line": None, "doc_id": article.doc_id,
                       "error": f"threat_salience failed: {type(exc).__name__}: {exc}", "action": "kept", "stage": "threats"})
        salience = None
    features = {
        "n_tokens": n_tokens,
        "n_sentences": len(sentence_rows),
        "mean_compound": sum(compounds) / len(compounds) if compounds else None,
        "share_negative": sum(c < NEGATIVE_THRESHOLD for c in compounds) / len(compounds) if compounds else None,
        "n_quotes": len(rows["quotes"]),
        "n_threats": sum(row["kind"] != "show_of_force" for row in rows["threats"]),
        "n_show_of_force": sum(row["kind"] == "show_of_force" for row in rows["threats"]),
        "threat_salience": salience,
        **{f"{kind}_per_1k": (1000 * device_counts[kind] / n_tokens if n_tokens else 0.0) for kind in DEVICE_KINDS},
    }
    rows["articles"] = [{**dataclasses.asdict(article), **features}]
    return ArticleResult(rows, errors)


def _analyze_chunk(articles: list[Article]) -> list[ArticleResult]:
    return [analyze_article(article) for article in articles]


# --------------------------------------------------------------------------
# Officials: an aggregate over all quotes, built incrementally
# --------------------------------------------------------------------------

class _OfficialsAggregator:
    """Who was quoted how often, in how many articles, with which titles and
    affiliation, and the mean compound of what they said."""

    def __init__(self) -> None:
        self._stats: dict[str, dict[str, Any]] = {}

    def add(self, quote_rows: Iterable[dict[str, Any]]) -> None:
        seen_docs: set[tuple[str, str]] = set()
        for row in quote_rows:
            name = row.get("speaker_name")
            if not name:
                continue
            stats = self._stats.setdefault(name, {"titles": Counter(), "affiliations": Counter(),
                                                  "n_quotes": 0, "n_docs": 0, "compound_sum": 0.0})
            stats["n_quotes"] += 1
            stats["compound_sum"] += row["compound"]
            if row.get("speaker_title"):
                stats["titles"][row["speaker_title"]] += 1
            if row.get("speaker_affiliation"):
                stats["affiliations"][row["speaker_affiliation"]] += 1
            if (row["doc_id"], name) not in seen_docs:
                seen_docs.add((row["doc_id"], name))
                stats["n_docs"] += 1

    def rows(self) -> list[dict[str, Any]]:
        result = []
        for name in sorted(self._stats):
            stats = self._stats[name]
            affiliations = sorted(stats["affiliations"].items(), key=lambda item: (-item[1], item[0]))
            result.append({
                "speaker_name": name,
                "titles": sorted(stats["titles"]),
                "affiliation": affiliations[0][0] if affiliations else None,
                "n_quotes": stats["n_quotes"],
                "n_docs": stats["n_docs"],
                "mean_compound": round(stats["compound_sum"] / stats["n_quotes"], 6),
            })
        return result


# --------------------------------------------------------------------------
# Many articles
# --------------------------------------------------------------------------

def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_chunks(chunks: Iterable[list[Article]], jobs: int) -> Iterator[list[ArticleResult]]:
    """Analyse chunks in order; with ``jobs > 1`` across worker processes,
    keeping at most ``2 * jobs`` chunks in flight so memory stays flat."""
    if jobs <= 1:
        for chunk in chunks:
            yield _analyze_chunk(chunk)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_analyze_chunk, chunk))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


@dataclass
class Tables:
    """One pandas DataFrame per table; ``doc_id`` joins them."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    threats: pd.DataFrame
    devices: pd.DataFrame
    frames: pd.DataFrame
    actor_sentiment: pd.DataFrame
    officials: pd.DataFrame
    errors: pd.DataFrame

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        for name in TABLE_NAMES:
            yield name, getattr(self, name)


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    schema = SCHEMAS[name]
    columns = {column: [row.get(column) for row in rows] for column in schema.names}
    return pa.Table.from_pydict(columns, schema=schema).to_pandas()


def _articles_from_frame(articles: pd.DataFrame) -> Iterator[Article]:
    for position, record in enumerate(articles.to_dict("records")):
        date = record.get("date")
        if date is not None and not isinstance(date, dt.date) or (isinstance(date, float) and date != date):
            date = None if pd.isna(date) else pd.Timestamp(date).date()
        if isinstance(date, pd.Timestamp):
            date = date.date()
        yield Article(
            doc_id=str(record["doc_id"]),
            source=str(record.get("source") or f"row {position}"),
            title=_none_if_missing(record.get("title")),
            outlet=_none_if_missing(record.get("outlet")),
            date=date,
            url=_none_if_missing(record.get("url")),
            text=str(record["text"]),
        )


def _none_if_missing(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    return value


def analyze(articles: pd.DataFrame, *, errors: pd.DataFrame | None = None, jobs: int = 1,
            chunk_size: int = DEFAULT_CHUNK_SIZE, progress: bool = False) -> Tables:
    """Analyse an articles frame (as from :func:`rhetoric.load_corpus`) into Tables.

    ``errors`` (a load_corpus errors frame) is carried into the errors table.
    ``jobs`` > 1 uses that many worker processes; the tables are the same.
    """
    from tqdm.auto import tqdm

    collected: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_NAMES}
    officials = _OfficialsAggregator()
    if errors is not None:
        collected["errors"].extend({**row, "stage": "load"} for row in errors.to_dict("records"))
    bar = tqdm(total=len(articles), unit="article", disable=not progress, file=sys.stderr)
    for results in _run_chunks(_chunks(_articles_from_frame(articles), chunk_size), jobs):
        for result in results:
            for name, rows in result.rows.items():
                collected[name].extend(rows)
            officials.add(result.rows["quotes"])
            collected["errors"].extend(result.errors)
        bar.update(len(results))
    bar.close()
    collected["officials"] = officials.rows()
    return Tables(**{name: _frame(name, rows) for name, rows in collected.items()})


@dataclass(frozen=True)
class ExtractSummary:
    """What :func:`extract_corpus` did."""

    outdir: Path
    n_articles: int
    n_skipped: int
    n_errors: int
    rows: dict[str, int]
    seconds: float


def extract_corpus(input_path: str | os.PathLike[str], outdir: str | os.PathLike[str], *, jobs: int = 1,
                   chunk_size: int = DEFAULT_CHUNK_SIZE, strict: bool = False, max_chars: int = MAX_TEXT_CHARS,
                   progress: bool = False) -> ExtractSummary:
    """Stream the corpus at ``input_path`` through the pipeline into
    ``outdir/<table>.parquet`` and ``outdir/manifest.json``.

    Input is read and output written chunk by chunk (one Parquet row group
    per chunk), so memory does not grow with the corpus. Every table appears
    under its final name only when complete; the manifest is written last.
    With ``strict=True`` the first load or analysis error raises
    :class:`~rhetoric.corpus.CorpusError` and nothing is written.
    """
    import time

    from tqdm.auto import tqdm

    started = time.perf_counter()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    files = corpus_files(input_path)
    writers = {name: TableWriter(outdir / f"{name}.parquet", SCHEMAS[name]) for name in TABLE_NAMES if name != "officials"}
    officials = _OfficialsAggregator()
    counts = Counter()
    bar = tqdm(unit="article", disable=not progress, file=sys.stderr, desc="extract")

    def articles_only() -> Iterator[Article]:
        for item in iter_corpus(input_path, max_chars=max_chars):
            if isinstance(item, LoadError):
                if strict:
                    raise CorpusError(item.message())
                counts["skipped" if item.action == "skipped" else "kept_with_error"] += 1
                writers["errors"].write([{**dataclasses.asdict(item), "stage": "load"}])
            else:
                yield item

    try:
        for results in _run_chunks(_chunks(articles_only(), chunk_size), jobs):
            batch: dict[str, list[dict[str, Any]]] = {name: [] for name in writers}
            for result in results:
                for name, rows in result.rows.items():
                    batch[name].extend(rows)
                if result.errors and strict:
                    raise CorpusError(f"{result.errors[0]['source']}: {result.errors[0]['error']}")
                batch["errors"].extend(result.errors)
                officials.add(result.rows["quotes"])
            for name, rows in batch.items():
                writers[name].write(rows)
            counts["articles"] += len(results)
            bar.update(len(results))
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    finally:
        bar.close()

    manifest_path = outdir / "manifest.json"
    manifest_path.unlink(missing_ok=True)  # no manifest = an incomplete output folder
    for writer in writers.values():
        writer.close()
    official_writer = TableWriter(outdir / "officials.parquet", SCHEMAS["officials"])
    official_writer.write(officials.rows())
    official_writer.close()

    rows = {name: writer.rows for name, writer in writers.items()}
    rows["officials"] = official_writer.rows
    manifest = build_manifest(
        input_path, files, outdir,
        parameters={"chunk_size": chunk_size, "strict": strict, "max_chars": max_chars},
        engine={"name": "local", "jobs": jobs},
        rows=rows,
    )
    write_json(manifest, manifest_path)
    return ExtractSummary(outdir, counts["articles"], counts["skipped"], rows["errors"], rows,
                          time.perf_counter() - started)


def build_manifest(input_path: str | os.PathLike[str], files: list[Path], outdir: Path, *,
                   parameters: dict[str, Any], engine: dict[str, Any], rows: dict[str, int]) -> dict[str, Any]:
    """The provenance record written beside every output: versions,
    parameters, input hashes, row counts and output hashes. It holds no
    timestamps and no absolute paths, so equal runs give equal manifests."""
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    return {
        "rhetoric_version": __version__,
        "python": ".".join(map(str, sys.version_info[:3])),
        "dependencies": {name: installed(name) for name in
                         ("pandas", "pyarrow", "nltk", "vaderSentiment", "scikit-learn", "numpy")},
        "vader_implementation": VADER_IMPLEMENTATION,
        "parameters": parameters,
        "engine": engine,
        "input": {
            "path": _portable(Path(input_path)),
            "files": [{"path": _portable(file), "bytes": file.stat().st_size, "sha256": sha256_file(file)} for file in files],
        },
        "tables": {name: {"file": f"{name}.parquet", "rows": rows[name],
                          "sha256": sha256_file(outdir / f"{name}.parquet")} for name in TABLE_NAMES},
    }


def _portable(path: Path) -> str:
    """A path relative to the working directory when it lies below it, so
    manifests do not record where a machine keeps its files."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix() if not path.is_absolute() else path.name
