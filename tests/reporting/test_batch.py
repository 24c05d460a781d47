"""rhetoric batch: fault isolation, manifest, index, --resume, collect,
safe names, and a kill -9 in the middle of a run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from report_fixtures import HOSTILE_ID, NOTEBOOKS, ROOT, assert_no_markup_from_data, build_processed
from rhetoric.reporting.batch import collect, expand_grid, make_jobs, read_manifest
from rhetoric.cli import main
from rhetoric.reporting.reports import ParameterError

TEMPLATE = NOTEBOOKS / "article_report.ipynb"
DOCS = ["mw-2026-01-09-icbm-launch", "cs-2026-01-14-bomber-flight"]


@pytest.fixture(scope="module")
def processed(tmp_path_factory) -> Path:
    return build_processed(tmp_path_factory.mktemp("batch"), n_sample=None)


def _grid(folder: Path, processed: Path, docs: list[str]) -> Path:
    grid = folder / "grid.yml"
    lines = [f"corpus: {processed.name}", f"processed_root: '{processed.parent}'", "doc_id:"]
    lines += [f"  - '{doc}'" for doc in docs]
    grid.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return grid


def test_expand_grid_product_and_list():
    assert expand_grid({"a": [1, 2], "b": ["x"]}) == [{"a": 1, "b": "x"}, {"a": 2, "b": "x"}]
    assert expand_grid({"actors": [["North Korea"], []]}) == [{"actors": ["North Korea"]}, {"actors": []}]
    with pytest.raises(ParameterError):
        expand_grid("nonsense")


def test_job_names_stay_inside_outdir(processed):
    jobs = make_jobs(TEMPLATE, grid=[{"doc_id": "../../escape"}, {"doc_id": "/etc/passwd"}, {"doc_id": "ok-id"}],
                     fixed={"corpus": processed.name, "processed_root": str(processed.parent)})
    names = [job.name for job in jobs]
    assert all("/" not in name and not name.startswith(".") for name in names)
    assert names[2] == "article_report-ok-id"
    assert len(set(names)) == 3


def test_each_doc_makes_one_job_per_article(processed):
    jobs = make_jobs(TEMPLATE, each_doc=str(processed))
    assert len(jobs) == 27 and {job.name for job in jobs} >= set(DOCS) | {HOSTILE_ID}
    assert all(job.parameters["corpus"] == processed.name for job in jobs)
    assert not Path(jobs[0].parameters["processed_root"]).is_absolute()


def test_batch_usage_errors_exit_2(tmp_path, processed, capsys):
    bad = tmp_path / "bad.yml"
    bad.write_text("doc_id: [1, 2]\n")  # doc_id is a str parameter
    assert main(["batch", str(TEMPLATE), "--grid", str(bad), "-o", str(tmp_path / "out")]) == 2
    assert "must be str" in capsys.readouterr().err
    bad.write_text("no_such_parameter: [1]\n")
    assert main(["batch", str(TEMPLATE), "--grid", str(bad), "-o", str(tmp_path / "out")]) == 2
    assert "unknown parameter 'no_such_parameter'" in capsys.readouterr().err
    bad.write_text("doc_id: [a\n")
    assert main(["batch", str(TEMPLATE), "--grid", str(bad), "-o", str(tmp_path / "out")]) == 2
    assert main(["batch", str(TEMPLATE), "--each-doc", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()  # nothing ran, nothing written


def test_failing_job_is_isolated_then_resume_skips_successes(tmp_path, processed, capsys):
    grid = _grid(tmp_path, processed, DOCS[:1] + ["no-such-article", HOSTILE_ID])
    out = tmp_path / "out"
    assert main(["batch", str(TEMPLATE), "--grid", str(grid), "-j", "2", "-o", str(out), "-q"]) == 1
    entries = {entry["parameters"]["doc_id"]: entry for entry in read_manifest(out)}
    assert len(entries) == 3
    failed = entries["no-such-article"]
    assert failed["status"] == "failed"
    assert failed["error"]["name"] == "LookupError" and "no-such-article" in failed["error"]["message"]
    assert isinstance(failed["error"]["cell"], int)
    assert (out / f"{failed['job']}.ipynb").is_file()  # the executed notebook is kept, with the error
    kept = nbformat.read(out / f"{failed['job']}.ipynb", as_version=4)
    assert any(o.get("output_type") == "error" for c in kept.cells for o in c.get("outputs", []))
    for doc in (DOCS[0], HOSTILE_ID):
        assert entries[doc]["status"] == "succeeded" and entries[doc]["seconds"] > 0
        assert entries[doc]["records"]["sentences"] > 0
        assert (out / f"{entries[doc]['job']}.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    text = assert_no_markup_from_data(index)
    assert "1 failed" in text and "LookupError" in text
    # the articles index lists each article's title beside its id
    assert entries[DOCS[0]]["records"]["title"] and entries[DOCS[0]]["records"]["title"] in text
    assert index.count('class="failed"') == 1 and index.count('class="succeeded"') == 2

    # --resume: the successes are skipped; only the failed job runs again
    assert main(["batch", str(TEMPLATE), "--grid", str(grid), "-o", str(out), "--resume"]) == 1
    assert "1 run, 2 unchanged (skipped), 1 failed" in capsys.readouterr().err
    after = {entry["parameters"]["doc_id"]: entry for entry in read_manifest(out)}
    assert after[DOCS[0]] == entries[DOCS[0]]

    # collect: one row per job and recorded name, parameters as columns
    table = collect(out)
    assert {"job", "doc_id", "corpus", "name", "value"} <= set(table.columns)
    row = table[(table["doc_id"] == HOSTILE_ID) & (table["name"] == "quotes")]
    assert len(row) == 1 and row["value"].item() >= 1
    assert set(table[table["doc_id"] == DOCS[0]]["name"]) == {"title", "sentences", "mean_compound", "quotes", "threats"}
    assert main(["batch", "collect", str(out), "-o", str(tmp_path / "values.csv")]) == 0
    assert "doc_id" in (tmp_path / "values.csv").read_text().splitlines()[0]


def test_resume_runs_nothing_when_nothing_changed(tmp_path, processed, capsys):
    grid = _grid(tmp_path, processed, DOCS)
    out = tmp_path / "out"
    assert main(["batch", str(TEMPLATE), "--grid", str(grid), "-o", str(out), "-j", "1"]) == 0
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html") if p.name != "index.html"}
    capsys.readouterr()
    assert main(["batch", str(TEMPLATE), "--grid", str(grid), "-o", str(out), "--resume"]) == 0
    assert "0 run, 2 unchanged (skipped), 0 failed" in capsys.readouterr().err
    assert stamps == {p.name: p.stat().st_mtime_ns for p in out.glob("*.html") if p.name != "index.html"}
    # a changed template is a changed job
    changed = tmp_path / "article_report.ipynb"
    changed.write_text(TEMPLATE.read_text().replace("The text", "The full text"))
    grid_rel = _grid(tmp_path, processed, DOCS[:1])
    assert main(["batch", str(changed), "--grid", str(grid_rel), "-o", str(out), "--resume", "-q"]) == 0
    assert read_manifest(out)[0]["key"] != json.loads((out / "manifest.jsonl").read_text().splitlines()[1])["key"]


def test_kill_9_leaves_no_partial_output_and_resume_finishes(tmp_path, processed):
    docs = sorted(p.stem for p in (ROOT / "data" / "raw" / "sample" / "articles").glob("*.txt"))[:5]
    grid = _grid(tmp_path, processed, docs)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "rhetoric", "batch", str(TEMPLATE), "--grid", str(grid), "-o", str(out), "-j", "1", "-q"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(read_manifest(out)) < 2:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done_before = read_manifest(out)
    assert 2 <= len(done_before) < 5, "the kill came too late to test anything"
    for path in out.glob("*.ipynb"):  # every notebook under a final name is complete
        nbformat.read(path, as_version=4)
    for path in out.glob("*.html"):
        assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")
    time.sleep(1.5)  # the orphaned worker and kernel notice their parent is gone
    result = subprocess.run(command[:-1] + ["--resume"], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"{5 - len(done_before)} run, {len(done_before)} unchanged" in result.stderr
    entries = read_manifest(out)
    assert [e["parameters"]["doc_id"] for e in entries] == docs and all(e["status"] == "succeeded" for e in entries)
    assert not list(out.glob(".*"))  # no temporary files left


def test_top_index_counts_jobs_and_failures_in_sub_folders(tmp_path, processed):
    """A folder of folders (reports/ over reports/<corpus>/articles/) counts
    every job below it and lists the failures, instead of "0 jobs"."""
    grid = _grid(tmp_path, processed, DOCS[:1] + ["no-such-article"])
    articles = tmp_path / "reports" / "small" / "articles"
    assert main(["batch", str(TEMPLATE), "--grid", str(grid), "-o", str(articles), "-q", "-j", "1"]) == 1
    assert main(["batch", "index", str(tmp_path / "reports" / "small")]) == 0
    assert main(["batch", "index", str(tmp_path / "reports"), "--title", "all reports"]) == 0
    text = assert_no_markup_from_data((tmp_path / "reports" / "index.html").read_text(encoding="utf-8"))
    assert "2 jobs (here and in sub-folders), 1 succeeded, 1 failed." in text
    assert "small/articles/" in text and "LookupError" in text and "no-such-article" in text
