"""Engines: local processes and Dask give the same tables, stream in
bounded chunks, and a missing Dask install says which extra to install."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from rhetoric import analyze, extract_corpus, load_corpus
from rhetoric.cli import main
from rhetoric.io.engines import MissingOptionalDependency, dask_client, map_chunks
from rhetoric.pipeline import TABLE_NAMES, analyze_dask
from rhetoric.io.store import read_table, sha256_file

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw" / "sample" / "articles"


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of 2 single-threaded worker processes (loopback only)."""
    with dask_client(jobs=2) as running:
        yield running


@pytest.fixture(scope="module")
def sample():
    return load_corpus(SAMPLE)


def _hashes(folder: Path) -> dict[str, str]:
    return {name: sha256_file(folder / f"{name}.parquet") for name in TABLE_NAMES}


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text())


def test_local_one_and_two_processes_and_dask_write_the_same_bytes(tmp_path, client):
    extract_corpus(SAMPLE, tmp_path / "one", jobs=1, chunk_size=4)
    extract_corpus(SAMPLE, tmp_path / "two", jobs=2, chunk_size=4)
    extract_corpus(SAMPLE, tmp_path / "dask", engine="dask", client=client, chunk_size=4)
    one = _hashes(tmp_path / "one")
    assert _hashes(tmp_path / "two") == one
    assert _hashes(tmp_path / "dask") == one
    sentences = read_table(tmp_path / "one" / "sentences.parquet")
    assert sentences["doc_id"].nunique() == 26 and len(sentences) > 500
    assert _manifest(tmp_path / "one")["engine"] == {"name": "local", "jobs": 1}
    assert _manifest(tmp_path / "two")["engine"] == {"name": "local", "jobs": 2}
    assert _manifest(tmp_path / "dask")["engine"] == {"name": "dask", "jobs": 2, "cluster": "LocalCluster"}
    # apart from the engine record, the manifests agree
    manifests = [_manifest(tmp_path / name) for name in ("one", "two", "dask")]
    for manifest in manifests:
        del manifest["engine"]
    assert manifests[0] == manifests[1] == manifests[2]


def test_analyze_gives_equal_tables_on_every_engine(sample, client):
    reference = analyze(sample.articles, errors=sample.errors, jobs=1)
    two = analyze(sample.articles, errors=sample.errors, jobs=2, chunk_size=3)
    on_dask = analyze(sample.articles, errors=sample.errors, engine="dask", client=client, chunk_size=5)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(two[name], reference[name], obj=name)
        pd.testing.assert_frame_equal(on_dask[name], reference[name], obj=name)
    assert len(reference.sentences) > 500
    assert reference.articles.doc_id.tolist() == sample.articles.doc_id.tolist()


def test_analyze_dask_takes_a_dask_dataframe(sample, client):
    import dask
    import dask.dataframe as dd

    reference = analyze(sample.articles, jobs=1)
    tables = analyze_dask(dd.from_pandas(sample.articles, npartitions=4))
    assert set(tables) == set(TABLE_NAMES)
    computed = dask.compute(*tables.values())
    for name, frame in zip(tables, computed):
        pd.testing.assert_frame_equal(frame.reset_index(drop=True), reference[name], obj=name)
    assert computed[0].date.map(type).eq(dt.date).all()  # dates stay dates


def test_a_corpus_of_many_chunks_gives_the_rows_of_one_chunk(tmp_path):
    extract_corpus(SAMPLE, tmp_path / "whole", jobs=1, chunk_size=1000)
    extract_corpus(SAMPLE, tmp_path / "chunked", jobs=2, chunk_size=3)
    extract_corpus(SAMPLE, tmp_path / "again", jobs=1, chunk_size=3)
    # 26 articles in chunks of 3: nine row groups
    assert pq.ParquetFile(tmp_path / "chunked" / "sentences.parquet").num_row_groups == 9
    assert pq.ParquetFile(tmp_path / "whole" / "sentences.parquet").num_row_groups == 1
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(read_table(tmp_path / "chunked" / f"{name}.parquet"),
                                      read_table(tmp_path / "whole" / f"{name}.parquet"), obj=name)
    assert _hashes(tmp_path / "chunked") == _hashes(tmp_path / "again")
    assert _manifest(tmp_path / "whole")["tables"]["articles"]["rows"] == 26


def test_load_errors_keep_their_place_whatever_the_read_ahead(tmp_path):
    corpus = tmp_path / "raw"
    corpus.mkdir()
    lines = []
    for number in range(12):
        lines.append(json.dumps({"id": f"a{number}", "text": f"Seoul protested launch number {number}. Tokyo agreed."}))
        if number % 4 == 1:
            lines.append("{not json")
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n")
    one = extract_corpus(corpus, tmp_path / "one", jobs=1, chunk_size=2)
    two = extract_corpus(corpus, tmp_path / "two", jobs=2, chunk_size=2)
    assert one.n_articles == two.n_articles == 12 and one.n_skipped == two.n_skipped == 3
    assert _hashes(tmp_path / "one") == _hashes(tmp_path / "two")
    errors = read_table(tmp_path / "two" / "errors.parquet")
    assert errors["line"].tolist() == [3, 8, 13] and set(errors["stage"]) == {"load"}


def test_chunks_are_read_lazily_and_results_come_in_order(client):
    consumed = []

    def chunks():
        for number in range(40):
            consumed.append(number)
            yield [number, 1]

    for engine, options in (("local", {"jobs": 2}), ("dask", {"client": client})):
        consumed.clear()
        results = map_chunks(sum, chunks(), engine=engine, **options)
        assert next(results) == 1
        assert len(consumed) <= 4, engine  # 2 workers: at most 2 x 2 chunks in flight
        assert list(results) == [number + 1 for number in range(1, 40)], engine
        assert len(consumed) == 40


def test_cli_runs_the_dask_engine_on_a_scheduler_address(tmp_path, client, capsys):
    code = main(["extract", str(SAMPLE), "-o", str(tmp_path / "cli"), "--engine", "dask",
                 "--scheduler", client.scheduler.address, "--chunk-size", "4", "-q"])
    assert code == 0
    extract_corpus(SAMPLE, tmp_path / "local", jobs=1, chunk_size=4)
    assert _hashes(tmp_path / "cli") == _hashes(tmp_path / "local")
    assert _manifest(tmp_path / "cli")["engine"] == {"name": "dask", "jobs": 2, "cluster": "scheduler"}


def test_dask_engine_starts_its_own_local_cluster(tmp_path, sample):
    tables = analyze(sample.articles.head(6), engine="dask", jobs=2, chunk_size=2)
    reference = analyze(sample.articles.head(6), jobs=1)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(tables[name], reference[name], obj=name)


def test_cli_defaults_to_one_process_per_core_and_checks_options(tmp_path, capsys):
    from rhetoric.io.engines import default_jobs

    assert main(["extract", str(SAMPLE), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert _manifest(tmp_path / "out")["engine"] == {"name": "local", "jobs": default_jobs()}
    assert main(["extract", str(SAMPLE), "-o", str(tmp_path / "bad"), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--engine dask" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["extract", str(SAMPLE), "-o", str(tmp_path / "bad"), "--engine", "spark"])


def test_unknown_engines_and_misplaced_clients_are_refused(sample, client):
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        analyze(sample.articles, engine="spark")
    with pytest.raises(ValueError, match="engine='dask'"):
        analyze(sample.articles, client=client)
    with pytest.raises(ValueError, match="at least 1"):
        analyze(sample.articles, jobs=0)


@pytest.fixture()
def without_dask(monkeypatch):
    """Make ``import dask``, ``import dask.dataframe`` and ``import distributed``
    fail as they do when the extra is not installed (a None entry in
    sys.modules makes the import system raise ImportError)."""
    for module in ("dask", "dask.dataframe", "distributed"):
        monkeypatch.setitem(sys.modules, module, None)


def test_a_missing_dask_install_names_the_extra(tmp_path, sample, without_dask, capsys):
    with pytest.raises(MissingOptionalDependency, match=r"pip install 'rhetoric\[dask\]'"):
        analyze(sample.articles, engine="dask")
    with pytest.raises(MissingOptionalDependency, match=r"rhetoric\[dask\]"):
        analyze_dask(object())
    assert main(["extract", str(SAMPLE), "-o", str(tmp_path / "out"), "--engine", "dask", "-q"]) == 2
    err = capsys.readouterr().err
    assert "rhetoric[dask]" in err and "dask" in err
    assert not (tmp_path / "out" / "manifest.json").exists()
    # the local engine needs no Dask
    assert analyze(sample.articles.head(2), jobs=1).articles.doc_id.tolist() == sample.articles.doc_id.head(2).tolist()


def test_strict_stops_a_parallel_run_without_writing_anything(tmp_path):
    from rhetoric import CorpusError

    corpus = tmp_path / "raw"
    corpus.mkdir()
    lines = [json.dumps({"id": f"a{n}", "text": f"Seoul protested launch {n}. Tokyo agreed."}) for n in range(30)]
    lines.insert(25, "{not json")
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n")
    with pytest.raises(CorpusError, match="line 26"):
        extract_corpus(corpus, tmp_path / "out", jobs=2, chunk_size=2, strict=True)
    assert list((tmp_path / "out").iterdir()) == []


def test_rows_of_every_extractor_dataclass_are_what_asdict_gives():
    import dataclasses
    import typing

    from rhetoric.pipeline import EXTRACTORS, _as_row

    samples = {int: 7, float: 0.25, str: "Seoul", bool: True, dt.date: dt.date(2026, 3, 2)}

    def value(hint):
        if typing.get_origin(hint) is typing.Literal:
            return typing.get_args(hint)[0]
        if typing.get_origin(hint) in (tuple, list):
            return ("minister", "spokesman")
        inner = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return samples[inner[0] if inner else hint]

    for name, (_function, cls, _lead, _tail) in EXTRACTORS.items():
        hints = typing.get_type_hints(cls)
        item = cls(**{field.name: value(hints[field.name]) for field in dataclasses.fields(cls)})
        assert _as_row(item) == dataclasses.asdict(item), name
        assert list(_as_row(item)) == [field.name for field in dataclasses.fields(cls)], name
