"""Render article_report for N articles two ways and print the times.

1. A shell loop, per article: ``papermill`` CLI, then
   ``jupyter nbconvert --to html --no-input`` (what papermill users write).
2. ``rhetoric batch -j 2`` (process pool, papermill's Python API,
   in-process HTMLExporter, a new kernel per job: the default).
3. ``rhetoric batch -j 2 --reuse-kernels`` (kernels reset and reused per worker).

Usage:
    PYTHONPATH=src python benchmarks/batch_reports.py [--n 24] [--jobs 2] [--processed DIR]

Without --processed the sample corpus (data/raw/sample/articles) is extracted
into a temporary folder first; with fewer articles than N, doc ids repeat
(each repeat is a separate job with its own output name). Times are wall
clock on this machine as it is (state the load when quoting them).
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "notebooks" / "article_report.ipynb"


def run(command: list[str] | str, *, shell: bool = False, env: dict) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, shell=shell, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            executable="/bin/bash" if shell else None)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"command failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=24, help="article reports to render (default: 24)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for rhetoric batch (default: 2)")
    parser.add_argument("--processed", type=Path, help="a processed corpus folder (default: extract the sample corpus)")
    parser.add_argument("--skip-reuse", action="store_true", help="do not time the --reuse-kernels variant")
    args = parser.parse_args()

    import pyarrow.parquet as pq

    from rhetoric import extract_corpus
    from rhetoric.reporting.reports import kernel_name

    work = Path(tempfile.mkdtemp(prefix="rhetoric-bench-"))
    processed = args.processed
    if processed is None:
        processed = work / "processed" / "sample"
        extract_corpus(ROOT / "data" / "raw" / "sample" / "articles", processed)
    processed = processed.resolve()
    doc_ids = pq.read_table(processed / "articles.parquet", columns=["doc_id"]).column("doc_id").to_pylist()
    picked = [doc_ids[i % len(doc_ids)] for i in range(args.n)]
    kernel = kernel_name()
    bindir = Path(sys.executable).parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    common = ["-p", "corpus", processed.name, "-p", "processed_root", str(processed.parent)]

    # 1. shell loop of papermill CLI + nbconvert CLI
    loop_dir = work / "loop"
    loop_dir.mkdir()
    lines = ["set -e"]
    for number, doc in enumerate(picked):
        out = loop_dir / f"{number:03d}-{doc}.ipynb"
        lines.append(" ".join(shlex.quote(str(part)) for part in [
            bindir / "papermill", TEMPLATE, out, "-k", kernel, "--cwd", TEMPLATE.parent, *common, "-p", "doc_id", doc]))
        lines.append(" ".join(shlex.quote(str(part)) for part in [
            bindir / "jupyter", "nbconvert", "--to", "html", "--no-input", out]))
    script = work / "loop.sh"
    script.write_text("\n".join(lines) + "\n")
    load_before = os.getloadavg()
    loop_seconds = run(["bash", str(script)], env=env)

    # 2. rhetoric batch
    grid = work / "grid.yml"
    grid_lines = [f"- {{doc_id: '{doc}'}}" for doc in picked]
    grid.write_text("\n".join(grid_lines) + "\n")
    rhetoric = [sys.executable, "-m", "rhetoric", "batch", str(TEMPLATE), "--grid", str(grid), "-j", str(args.jobs), "-q", *common]
    batch_seconds = run(rhetoric + ["-o", str(work / "batch")], env=env)
    reuse_seconds = None if args.skip_reuse else run(rhetoric + ["--reuse-kernels", "-o", str(work / "reuse")], env=env)
    load_after = os.getloadavg()

    n_html = len(list(loop_dir.glob("*.html")))
    n_batch = len([p for p in (work / "batch").glob("*.html") if p.name != "index.html"])
    print(f"article_report x {args.n} ({len(set(picked))} distinct articles from {processed}); kernel '{kernel}'")
    print(f"  shell loop (papermill CLI + nbconvert --no-input): {loop_seconds:7.1f} s  ({loop_seconds / args.n:.2f} s/report, {n_html} html)")
    print(f"  rhetoric batch -j {args.jobs}:                        {batch_seconds:7.1f} s  ({batch_seconds / args.n:.2f} s/report, {n_batch} html)")
    if reuse_seconds is not None:
        print(f"  rhetoric batch -j {args.jobs} --reuse-kernels:        {reuse_seconds:7.1f} s  ({reuse_seconds / args.n:.2f} s/report)")
    print(f"  speedup (loop / batch): {loop_seconds / batch_seconds:.1f}x"
          + (f"; with --reuse-kernels: {loop_seconds / reuse_seconds:.1f}x" if reuse_seconds else ""))
    print(f"  load average before {load_before[0]:.1f}, after {load_after[0]:.1f} on {os.cpu_count()} CPUs; outputs in {work}")


if __name__ == "__main__":
    main()
