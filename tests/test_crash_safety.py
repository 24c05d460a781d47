"""Issue 8: kill -9 `rhetoric extract` part-way, then rerun."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from rhetoric.io.corpus import load_corpus
from rhetoric.pipeline import TABLE_NAMES
from rhetoric.io.store import sha256_file

from conftest import SAMPLE_ARTICLES


def _big_corpus(path: Path, copies: int = 12) -> Path:
    articles = load_corpus(SAMPLE_ARTICLES).articles
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for row in articles.itertuples():
                handle.write(json.dumps({"id": f"{row.doc_id}-{copy}", "title": row.title, "outlet": row.outlet,
                                         "date": row.date.isoformat(), "text": row.text}) + "\n")
    return path


def _extract(corpus: Path, outdir: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "rhetoric", "extract", str(corpus), "-o", str(outdir),
               "--jobs", "1", "--chunk-size", "8", "-q"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_part_way(corpus: Path, outdir: Path) -> None:
    """Start an extraction and kill -9 it once some row groups are on disk."""
    process = _extract(corpus, outdir)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        partial = list(outdir.glob(".sentences.parquet.*.tmp")) if outdir.exists() else []
        if partial and partial[0].stat().st_size > 20_000:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the extraction finished before it could be killed; use a larger corpus"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def _final_files(outdir: Path) -> dict[str, str]:
    return {p.name: sha256_file(p) for p in sorted(outdir.iterdir()) if not p.name.startswith(".")}


def test_kill_9_leaves_no_partial_output_and_a_rerun_gives_the_same_bytes(tmp_path):
    corpus = _big_corpus(tmp_path / "corpus.jsonl")
    reference = tmp_path / "reference"
    assert _extract(corpus, reference).wait() == 0

    killed = tmp_path / "killed"
    _kill_part_way(corpus, killed)
    # Only hidden temporaries: no table or manifest under a final name.
    assert _final_files(killed) == {}
    assert any(p.name.endswith(".tmp") for p in killed.iterdir())

    assert _extract(corpus, killed).wait() == 0
    assert _final_files(killed) == _final_files(reference)
    assert not [p for p in killed.iterdir() if p.name.startswith(".")], "stale temporaries were cleaned up"


def test_kill_9_during_a_rerun_keeps_the_previous_complete_output(tmp_path):
    corpus = _big_corpus(tmp_path / "corpus.jsonl")
    outdir = tmp_path / "out"
    assert _extract(corpus, outdir).wait() == 0
    before = _final_files(outdir)

    _kill_part_way(corpus, outdir)

    assert _final_files(outdir) == before
    manifest = json.loads((outdir / "manifest.json").read_text())
    for name in TABLE_NAMES:
        assert manifest["tables"][name]["sha256"] == before[f"{name}.parquet"]
