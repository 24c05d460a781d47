"""The pipeline: every extractor over every article, into tidy tables.

Each article becomes one :class:`~rhetoric.text.document.Document`, handed to
every extractor of :data:`EXTRACTORS` (:func:`analyze_article`), so its
sentences, quote marks, speech cues, quotes and sentence scores are computed
once; an extractor that fails is logged and recorded in the errors table.
The articles table's features come from :func:`rhetoric.features.article_features`.
Articles are processed in chunks, in order, on an engine of
:mod:`rhetoric.io.engines` (this process, local worker processes, or a Dask
cluster), and the rows land in one table per feature family, with the
schemas of :mod:`rhetoric.io.tables`.

>>> from rhetoric.io.corpus import load_corpus
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Talks\\n\\nThe talks went well. Seoul was pleased.")
>>> tables = analyze(load_corpus(folder).articles)
>>> tables.sentences[["sent_id", "text"]].values.tolist()
[[0, 'Talks'], [1, 'The talks went well.'], [2, 'Seoul was pleased.']]
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import logging
import operator
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from rhetoric.extract.devices import extract_devices
from rhetoric.extract.framing import score_frames
from rhetoric.extract.quotes import extract_quotes
from rhetoric.extract.threats import extract_threats, threat_salience
from rhetoric.features import article_features
from rhetoric.io.corpus import Article, CorpusError, LoadError, corpus_files, iter_corpus, MAX_TEXT_CHARS
from rhetoric.io.manifest import build_manifest
from rhetoric.io.engines import ENGINES, dask_client, dask_workers, default_jobs, import_dask_dataframe, map_chunks
from rhetoric.io.store import TableWriter, remove_stale_temporaries, sha256_file, write_json
from rhetoric.io.tables import (ARTICLE_TABLES, EXTRACTOR_TABLES, SCHEMAS, TABLE_NAMES, Tables, arrow_table,
                                concat_tables, schema_of)
from rhetoric.sentiment.targeted import actor_sentiment
from rhetoric.text.document import Document
from rhetoric.extract.officials import OfficialsAggregator
from rhetoric.text.actors import ActorEntry, load_actors_file, use_actors

__all__ = [
    "Tables",
    "TABLE_NAMES",
    "SCHEMAS",
    "EXTRACTORS",
    "analyze",
    "analyze_dask",
    "analyze_article",
    "extract_corpus",
    "schema_of",
    "build_manifest",
    "ExtractSummary",
    "DEFAULT_CHUNK_SIZE",
    "ENGINES",
]

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 256


#: Extractor tables: name → (function over a Document, its dataclass, extra leading columns, extra trailing columns).
EXTRACTORS: dict[str, tuple[Callable[[Document], list], type, list, list]] = {
    name: (function, *EXTRACTOR_TABLES[name]) for name, function in (
        ("quotes", extract_quotes),
        ("threats", extract_threats),
        ("devices", extract_devices),
        ("frames", score_frames),
        ("actor_sentiment", actor_sentiment),
    )
}


# --------------------------------------------------------------------------
# One article
# --------------------------------------------------------------------------

@dataclass
class ArticleResult:
    """Rows of every table for one article, plus errors met analysing it."""

    rows: dict[str, list[dict[str, Any]]]
    errors: list[dict[str, Any]] = field(default_factory=list)


def analyze_article(article: Article) -> ArticleResult:
    """Run every extractor over one article, sharing one
    :class:`~rhetoric.text.document.Document`. An extractor that fails leaves
    its table without rows for this article and an error row (stage = the
    extractor's table), and the error is logged; the others still run."""
    doc = Document(article.text, article.doc_id)
    key = {"doc_id": article.doc_id}
    rows: dict[str, list[dict[str, Any]]] = {}
    errors: list[dict[str, Any]] = []

    def failed(stage: str, what: str, exc: Exception) -> None:
        logger.warning("%s: %s failed on %s", article.source, what, article.doc_id, exc_info=exc)
        errors.append({"source": article.source, "line": None, "doc_id": article.doc_id,
                       "error": f"{what} failed: {type(exc).__name__}: {exc}", "action": "kept", "stage": stage})

    sentence_rows = []
    for sentence in doc.sentences:
        scores = doc.sentiment(sentence.start, sentence.end)
        sentence_rows.append({**key, "sent_id": sentence.sent_id, "start": sentence.start, "end": sentence.end,
                              "text": sentence.text, "compound": scores.compound, "pos": scores.pos,
                              "neu": scores.neu, "neg": scores.neg,
                              "compound_domain": doc.sentiment(sentence.start, sentence.end, domain=True).compound})
    rows["sentences"] = sentence_rows

    found: dict[str, list] = {}
    for name, (function, _cls, _lead, _tail) in EXTRACTORS.items():
        try:
            found[name] = function(doc)
            rows[name] = [{**key, **_as_row(item)} for item in found[name]]
        except Exception as exc:  # recorded in the errors table; the other tables of this article are kept
            failed(name, name, exc)
            found[name], rows[name] = [], []
    try:
        speaker_states = doc.discourse.speaker_states if found["quotes"] else []  # in doc.quotes order, as the rows
    except Exception as exc:  # recorded in the errors table; the quotes keep no speaker state
        failed("quotes", "speaker_states", exc)
        speaker_states = []
    for number, (row, quote) in enumerate(zip(rows["quotes"], found["quotes"])):
        row["quote_id"] = number
        row["compound"] = doc.sentiment(quote.content_start, quote.content_end).compound
        row["speaker_state"], row["speaker_state_rule"] = (speaker_states[number] if number < len(speaker_states)
                                                           else (None, None))

    try:
        salience = threat_salience(doc)
    except Exception as exc:  # recorded in the errors table
        failed("threats", "threat_salience", exc)
        salience = None
    features = article_features(doc, compounds=[row["compound"] for row in sentence_rows], quotes=found["quotes"],
                                threats=found["threats"], devices=found["devices"], threat_salience=salience)
    rows["articles"] = [{
        **dataclasses.asdict(article),
        "n_tokens": features.n_tokens, "n_sentences": features.n_sentences,
        "mean_compound": features.mean_compound, "share_negative": features.share_negative,
        "n_quotes": features.n_quotes, "n_threats": features.n_threats, "n_show_of_force": features.n_show_of_force,
        "threat_salience": features.threat_salience,
        **{f"{kind}_per_1k": value for kind, value in features.per_1k.items()},
    }]
    return ArticleResult(rows, errors)


@functools.lru_cache(maxsize=None)
def _field_getter(cls: type) -> tuple[tuple[str, ...], Callable[[Any], Any]]:
    names = tuple(field.name for field in dataclasses.fields(cls))
    return names, operator.attrgetter(*names)


def _as_row(item: Any) -> dict[str, Any]:
    """``dataclasses.asdict(item)`` for the flat dataclasses of the tables,
    about ten times faster: their fields hold only immutable values (the
    types :func:`schema_of` accepts), so a shallow copy is the same dict."""
    names, getter = _field_getter(type(item))
    if len(names) == 1:
        return {names[0]: getter(item)}
    return dict(zip(names, getter(item)))


@dataclass(frozen=True)
class ChunkResult:
    """Every per-article table of one chunk of articles, as Arrow tables
    (compact to send between processes, written to Parquet as they are)."""

    n_articles: int
    tables: dict[str, pa.Table]


def _analyze_chunk(items: list[Article | LoadError], actors: tuple[ActorEntry, ...] = ()) -> ChunkResult:
    """Analyse a chunk of articles in order (the unit of work of every
    engine); load errors met among them become rows of its errors table.
    ``actors``: the user's actor entries, added to the gazetteer meanwhile."""
    with use_actors(actors):
        return _analyze_items(items)


def _analyze_items(items: list[Article | LoadError]) -> ChunkResult:
    collected: dict[str, list[dict[str, Any]]] = {name: [] for name in ARTICLE_TABLES}
    n_articles = 0
    for item in items:
        if isinstance(item, LoadError):
            collected["errors"].append({**dataclasses.asdict(item), "stage": "load"})
            continue
        result = analyze_article(item)
        for name, rows in result.rows.items():
            collected[name].extend(rows)
        collected["errors"].extend(result.errors)
        n_articles += 1
    return ChunkResult(n_articles, {name: arrow_table(name, rows) for name, rows in collected.items()})


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


@contextlib.contextmanager
def _engine_session(engine: str, jobs: int | None, client: Any, scheduler: str | None,
                    actors: tuple[ActorEntry, ...] = ()) -> Iterator[tuple[Callable[[Iterable[list]], Iterator[ChunkResult]], dict[str, Any]]]:
    """``(run, description)``: ``run(chunks)`` yields each chunk's
    :class:`ChunkResult` in order on the chosen engine; ``description`` is
    the manifest's ``engine`` record."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    work = functools.partial(_analyze_chunk, actors=actors) if actors else _analyze_chunk
    if engine == "local":
        if client is not None or scheduler is not None:
            raise ValueError("client= and scheduler= choose a Dask cluster: pass engine='dask' too")
        jobs = jobs or default_jobs()
        yield (lambda chunks: map_chunks(work, chunks, engine="local", jobs=jobs)), {"name": "local", "jobs": jobs}
        return
    with contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(dask_client(scheduler, jobs=jobs))
        # "LocalCluster" when the client runs one, "scheduler" for a cluster reached by address.
        cluster = type(client.cluster).__name__ if getattr(client, "cluster", None) is not None else "scheduler"
        description = {"name": "dask", "jobs": dask_workers(client), "cluster": cluster}
        yield (lambda chunks: map_chunks(work, chunks, engine="dask", client=client)), description


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    return arrow_table(name, rows).to_pandas()


def _articles_from_frame(articles: pd.DataFrame, source_prefix: str = "") -> Iterator[Article]:
    for position, record in enumerate(articles.to_dict("records")):
        date = record.get("date")
        if date is not None and not isinstance(date, dt.date) or (isinstance(date, float) and date != date):
            date = None if pd.isna(date) else pd.Timestamp(date).date()
        if isinstance(date, pd.Timestamp):
            date = date.date()
        yield Article(
            doc_id=str(record["doc_id"]),
            source=str(_none_if_missing(record.get("source")) or f"{source_prefix}row {position}"),
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


#: In-memory analysis splits a frame into at least this many articles a chunk.
_MIN_CHUNK = 32


def analyze(articles: pd.DataFrame, *, errors: pd.DataFrame | None = None, engine: str = "local",
            jobs: int | None = None, client: Any = None, scheduler: str | None = None,
            chunk_size: int = DEFAULT_CHUNK_SIZE, progress: bool = False,
            frame_model: str | os.PathLike[str] | None = None,
            actors: str | os.PathLike[str] | None = None) -> Tables:
    """Analyse an articles frame (as from :func:`rhetoric.load_corpus`) into Tables.

    ``errors`` (a load_corpus errors frame) is carried into the errors table.
    ``frame_model`` (a model saved by ``rhetoric frames train``) adds each
    article's class probabilities to the frames table, scheme
    ``classifier:<model file name>``. ``actors`` (a user actors TSV, see
    :func:`rhetoric.text.actors.load_actors_file`) extends the gazetteer.
    The engine only changes where the work runs; the tables are the same:

    - ``engine="local"``: ``jobs`` worker processes (default: one per
      core; a frame of a few dozen articles runs in this process);
    - ``engine="dask"``: the Dask cluster of ``client`` (a
      ``distributed.Client``), or the one at ``scheduler`` (an address), or
      else a LocalCluster of ``jobs`` workers started for the call. Needs
      ``pip install 'rhetoric[dask]'``.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"doc_id": ["a"], "text": ["Seoul protested. Tokyo agreed."]})
    >>> analyze(frame, jobs=1).sentences.text.tolist()
    ['Seoul protested.', 'Tokyo agreed.']
    """
    from tqdm.auto import tqdm

    parts: dict[str, list[pa.Table]] = {name: [] for name in ARTICLE_TABLES}
    if errors is not None and len(errors):
        parts["errors"].append(arrow_table("errors", [{**row, "stage": "load"} for row in errors.to_dict("records")]))
    officials = OfficialsAggregator()
    model = _FrameModel(frame_model) if frame_model is not None else None
    user_actors = load_actors_file(actors) if actors is not None else ()
    with _engine_session(engine, jobs, client, scheduler, user_actors) as (run, description):
        # Several chunks a worker, so that a frame keeps every worker busy.
        size = min(chunk_size, max(_MIN_CHUNK, -(-len(articles) // (4 * description["jobs"]))))
        bar = tqdm(total=len(articles), unit="article", disable=not progress, file=sys.stderr)
        for result in run(_chunks(_articles_from_frame(articles), size)):
            for name, table in result.tables.items():
                parts[name].append(table)
            if model is not None:
                parts["frames"].append(arrow_table("frames", model.rows(result.tables["articles"])))
            officials.add(result.tables["quotes"].to_pylist())
            bar.update(result.n_articles)
        bar.close()
    frames = {name: concat_tables(name, tables).to_pandas() for name, tables in parts.items()}
    frames["officials"] = _frame("officials", officials.rows())
    return Tables(**frames)


class _FrameModel:
    """A trained :class:`~rhetoric.ml.classifier.FrameClassifier` (saved by
    ``rhetoric frames train``) applied to whole articles: its class
    probabilities become frames-table rows of scheme ``classifier:<name>``.
    Load only model files you trust: they are pickles."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        import joblib

        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"frame model {self.path} does not exist")
        self.model = joblib.load(self.path)
        if not hasattr(self.model, "predict_proba"):
            raise ValueError(f"{self.path} is not a classifier with predict_proba")
        self.scheme = f"classifier:{self.path.stem}"
        self.sha256 = sha256_file(self.path)

    def rows(self, articles: pa.Table) -> list[dict[str, Any]]:
        if not articles.num_rows:
            return []
        doc_ids = articles.column("doc_id").to_pylist()
        probabilities = self.model.predict_proba(articles.column("text").to_pylist())
        classes = [str(c) for c in self.model.classes_]
        return [{"doc_id": doc_id, "scheme": self.scheme, "frame": label, "score": round(float(p), 6), "evidence": []}
                for doc_id, row in zip(doc_ids, probabilities) for label, p in zip(classes, row)]

    def describe(self) -> dict[str, str]:
        return {"file": self.path.name, "sha256": self.sha256, "scheme": self.scheme}


def analyze_dask(articles: Any, *, actors: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Analyse a dask DataFrame of articles into one lazy dask DataFrame per table.

    ``articles`` has the columns of :func:`rhetoric.load_corpus` (``doc_id``
    and ``text`` required; ``source``, ``title``, ``outlet``, ``date``,
    ``url`` optional; a missing ``source`` becomes ``"partition P row R"``).
    Each partition is analysed once, by one task, whichever tables are
    asked for; the per-article tables keep the partitions of ``articles``
    (row order within a partition as in the input) and ``officials`` is one
    partition aggregated over all quotes; ``actors`` (a user actors TSV)
    extends the gazetteer on every worker. Nothing runs until you compute —
    compute the tables together so each partition is analysed only once::

        tables = analyze_dask(ddf)
        articles, sentences = dask.compute(tables["articles"], tables["sentences"])

    or write them with ``tables[name].to_parquet(...)``. Tables are the same,
    with the same dtypes, as :func:`analyze` gives for the same articles
    (indexes aside: each partition's rows are numbered from 0). Needs
    ``pip install 'rhetoric[dask]'``.

    >>> import dask.dataframe as dd, pandas as pd
    >>> frame = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Seoul protested.", "Tokyo agreed. Talks went well."]})
    >>> tables = analyze_dask(dd.from_pandas(frame, npartitions=2))
    >>> tables["sentences"].compute(scheduler="sync").text.tolist()
    ['Seoul protested.', 'Tokyo agreed.', 'Talks went well.']
    """
    dd = import_dask_dataframe()
    import dask
    from dask import delayed

    user_actors = load_actors_file(actors) if actors is not None else ()
    analysed = [delayed(_analyze_partition, pure=True)(part, number, user_actors)
                for number, part in enumerate(articles.to_delayed())]
    officials = delayed(_officials_frame, pure=True)([result["quotes"] for result in analysed])
    # Keep pandas' dtypes (dask would turn the date and list columns into strings).
    with dask.config.set({"dataframe.convert-string": False}):
        tables = {name: dd.from_delayed([result[name] for result in analysed], meta=_empty_frame(name), verify_meta=False)
                  for name in ARTICLE_TABLES}
        tables["officials"] = dd.from_delayed([officials], meta=_empty_frame("officials"), verify_meta=False)
    return {name: tables[name] for name in TABLE_NAMES}


def _empty_frame(name: str) -> pd.DataFrame:
    return SCHEMAS[name].empty_table().to_pandas()


def _analyze_partition(articles: pd.DataFrame, number: int, actors: tuple[ActorEntry, ...] = ()) -> dict[str, pd.DataFrame]:
    result = _analyze_chunk(list(_articles_from_frame(articles, source_prefix=f"partition {number} ")), actors)
    return {name: table.to_pandas() for name, table in result.tables.items()}


def _officials_frame(quote_frames: list[pd.DataFrame]) -> pd.DataFrame:
    officials = OfficialsAggregator()
    for frame in quote_frames:
        officials.add(pa.Table.from_pandas(frame, schema=SCHEMAS["quotes"], preserve_index=False).to_pylist())
    return _frame("officials", officials.rows())


@dataclass(frozen=True)
class ExtractSummary:
    """What :func:`extract_corpus` did."""

    outdir: Path
    n_articles: int
    n_skipped: int
    n_errors: int
    rows: dict[str, int]
    seconds: float
    engine: dict[str, Any] = field(default_factory=dict)


def extract_corpus(input_path: str | os.PathLike[str], outdir: str | os.PathLike[str], *, engine: str = "local",
                   jobs: int | None = None, client: Any = None, scheduler: str | None = None,
                   chunk_size: int = DEFAULT_CHUNK_SIZE, strict: bool = False, max_chars: int = MAX_TEXT_CHARS,
                   progress: bool = False, frame_model: str | os.PathLike[str] | None = None,
                   actors: str | os.PathLike[str] | None = None) -> ExtractSummary:
    """Stream the corpus at ``input_path`` through the pipeline into
    ``outdir/<table>.parquet`` and ``outdir/manifest.json``.

    Input is read and output written chunk by chunk (``chunk_size`` inputs
    a chunk, one Parquet row group per chunk), with only a few chunks in
    flight, so memory does not grow with the corpus. Rows keep input order,
    and for a given ``chunk_size`` the files are byte-identical whatever the
    engine and number of workers. ``engine``, ``jobs``, ``client`` and
    ``scheduler`` choose where the work runs, as for :func:`analyze`
    (default: local, one worker process per core). Every table appears
    under its final name only when complete; the manifest is written last.
    With ``strict=True`` the first load or analysis error raises
    :class:`~rhetoric.io.corpus.CorpusError` and nothing is written.
    ``frame_model`` adds a trained classifier's class probabilities to the
    frames table, as in :func:`analyze`; the manifest records its SHA-256.
    ``actors`` is a user actors TSV loaded after the shipped gazetteer
    (default: ``actors.tsv`` beside the corpus, if there is one); the
    manifest records its name, entry count and SHA-256.
    """
    import time

    from tqdm.auto import tqdm

    started = time.perf_counter()
    outdir = Path(outdir)
    files = corpus_files(input_path)
    counts: Counter[str] = Counter()
    model = _FrameModel(frame_model) if frame_model is not None else None
    actors_path = Path(actors) if actors is not None else _actors_beside(Path(input_path))
    user_actors = load_actors_file(actors_path) if actors_path is not None else ()

    def inputs() -> Iterator[Article | LoadError]:
        # Load errors travel with their chunk, so the errors table has the
        # same order whatever the engine reads ahead.
        for item in iter_corpus(input_path, max_chars=max_chars):
            if isinstance(item, LoadError):
                if strict:
                    raise CorpusError(item.message())
                counts["skipped" if item.action == "skipped" else "kept_with_error"] += 1
            yield item

    with _engine_session(engine, jobs, client, scheduler, user_actors) as (run, description):
        outdir.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(outdir, [f"{name}.parquet" for name in TABLE_NAMES] + ["manifest.json"])
        writers = {name: TableWriter(outdir / f"{name}.parquet", SCHEMAS[name]) for name in ARTICLE_TABLES}
        officials = OfficialsAggregator()
        bar = tqdm(unit="article", disable=not progress, file=sys.stderr, desc=f"extract ({description['name']})")
        try:
            for result in run(_chunks(inputs(), chunk_size)):
                errors = result.tables["errors"]
                if strict and errors.num_rows:
                    first = errors.slice(0, 1).to_pylist()[0]
                    raise CorpusError(f"{first['source']}: {first['error']}")
                for name, table in result.tables.items():
                    writers[name].write(table)
                if model is not None:
                    writers["frames"].write(model.rows(result.tables["articles"]))
                officials.add(result.tables["quotes"].to_pylist())
                counts["articles"] += result.n_articles
                bar.update(result.n_articles)
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
        parameters={"chunk_size": chunk_size, "strict": strict, "max_chars": max_chars,
                    "frame_model": model.describe() if model is not None else None,
                    "actors": ({"file": actors_path.name, "entries": len(user_actors), "sha256": sha256_file(actors_path)}
                               if actors_path is not None else None)},
        engine=description,
        rows=rows,
    )
    write_json(manifest, manifest_path)
    return ExtractSummary(outdir, counts["articles"], counts["skipped"], rows["errors"], rows,
                          time.perf_counter() - started, description)


def _actors_beside(input_path: Path) -> Path | None:
    """``actors.tsv`` next to the corpus file or folder, if there is one."""
    candidate = input_path.resolve().parent / "actors.tsv"
    return candidate if candidate.is_file() and candidate != input_path.resolve() else None
