"""Throughput, scaling and memory of full extraction (every table).

Builds a deterministic synthetic corpus of N articles of about 500 words
from the sentences of the sample corpus (data/raw/sample/articles, or the
folder given with --sentences-from), or reads a given corpus (--input), and
runs ``rhetoric.extract_corpus`` on it with the local engine at 1 and 2
processes and the Dask engine (LocalCluster) at 1 and 2 workers. It prints
articles/s, seconds and peak memory of each, then the peak memory at N and
4N articles (``--rss-n``, default: N) to show whether memory grows with the
corpus.

Each configuration runs in a fresh Python process, so imports and caches
of one do not help the next. Memory is reported three ways:

- main: peak RSS of the process that reads the input and writes the
  tables (``getrusage(RUSAGE_SELF)``);
- worker: the largest peak RSS among its worker processes
  (``getrusage(RUSAGE_CHILDREN)`` after they exit);
- total: the largest sum of RSS over the process and all its descendants,
  sampled every 0.1 s (needs psutil, which distributed installs).

Seconds are the extraction alone; the Dask LocalCluster start-up (spawning
workers that import rhetoric) is timed separately. Timings depend on
whatever else the machine runs: state it with the figures.

Usage::

    python benchmarks/throughput.py                   # N=2000, RSS at 2000 and 8000
    python benchmarks/throughput.py --n 2000 --rss-n 25000
    python benchmarks/throughput.py --input data/raw/sample/articles --no-rss
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "sample" / "articles"
OUTLETS = ("Synthetic Wire", "Synthetic Herald", "Synthetic Review", "Synthetic Post")
CONFIGURATIONS = ("local-1", "local-2", "dask-1", "dask-2")


# --------------------------------------------------------------------------
# The synthetic corpus
# --------------------------------------------------------------------------

def sentence_pool(folder: Path) -> list[str]:
    """Body sentences (at least 5 word tokens, ending a sentence) of every
    article under ``folder``, deduplicated, in a fixed order."""
    from rhetoric import load_corpus
    from rhetoric.text.sentences import count_tokens, split_sentences

    articles = load_corpus(folder).articles
    pool = {sentence.text for text in articles.text for sentence in split_sentences(text)
            if count_tokens(sentence.text) >= 5 and sentence.text.rstrip("”’\"')").endswith((".", "?", "!"))}
    if not pool:
        raise SystemExit(f"no sentences found under {folder}")
    return sorted(pool)


def synthetic_texts(pool: list[str], n_articles: int, *, words: int = 500, seed: int = 7) -> Iterator[str]:
    """``n_articles`` synthetic article texts: sentences drawn from ``pool``
    with a seeded generator until an article has ``words`` word tokens, three
    sentences a paragraph. The same arguments give the same texts."""
    from rhetoric.text.sentences import count_tokens

    lengths = [count_tokens(sentence) for sentence in pool]
    rng = random.Random(seed)
    for _ in range(n_articles):
        chosen: list[str] = []
        total = 0
        while total < words:
            index = rng.randrange(len(pool))
            chosen.append(pool[index])
            total += lengths[index]
        yield "\n\n".join(" ".join(chosen[i:i + 3]) for i in range(0, len(chosen), 3))


def build_corpus(pool: list[str], n_articles: int, path: Path, *, words: int = 500, seed: int = 7) -> Path:
    """Write :func:`synthetic_texts` as JSON Lines. The same arguments give
    the same bytes."""
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        for number, text in enumerate(synthetic_texts(pool, n_articles, words=words, seed=seed)):
            record = {
                "id": f"syn-{number:07d}",
                "title": f"Synthetic article {number}",
                "outlet": OUTLETS[number % len(OUTLETS)],
                "date": (dt.date(2026, 1, 1) + dt.timedelta(days=number % 365)).isoformat(),
                "text": text,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


# --------------------------------------------------------------------------
# One configuration, in a fresh process
# --------------------------------------------------------------------------

def _per_cpu_second(articles: int, cpu_seconds: float) -> str:
    # A small corpus can run in the main process only, leaving no worker CPU time.
    return f"{articles / cpu_seconds:.0f}" if cpu_seconds > 0 else "-"


def _sample_total_rss(stop: threading.Event, peak: list[int]) -> None:
    import psutil

    me = psutil.Process()
    while not stop.is_set():
        total = 0
        for process in [me, *me.children(recursive=True)]:
            try:
                total += process.memory_info().rss
            except psutil.Error:
                pass
        peak[0] = max(peak[0], total)
        stop.wait(0.1)


def _cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_child(corpus: str, outdir: str, engine: str, jobs: int, chunk_size: int) -> dict:
    """Run one extraction in this process and return its figures."""
    from rhetoric.io.engines import dask_client
    from rhetoric.pipeline import extract_corpus

    peak = [0]
    stop = threading.Event()
    sampler = None
    try:
        import psutil  # noqa: F401
        sampler = threading.Thread(target=_sample_total_rss, args=(stop, peak), daemon=True)
        sampler.start()
    except ImportError:
        pass
    startup = 0.0
    if engine == "dask":
        started = time.perf_counter()
        with dask_client(jobs=jobs) as client:
            client.run(lambda: __import__("rhetoric.pipeline"))  # workers import rhetoric before timing
            startup = time.perf_counter() - started
            before_workers = client.run(_cpu_seconds)
            before = _cpu_seconds()
            started = time.perf_counter()
            summary = extract_corpus(corpus, outdir, engine="dask", client=client, chunk_size=chunk_size)
            seconds = time.perf_counter() - started
            main_cpu = _cpu_seconds() - before
            after_workers = client.run(_cpu_seconds)
            worker_cpu = sum(after_workers[w] - before_workers[w] for w in after_workers)
    else:
        before, before_children = _cpu_seconds(), _cpu_seconds(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        summary = extract_corpus(corpus, outdir, engine="local", jobs=jobs, chunk_size=chunk_size)
        seconds = time.perf_counter() - started
        main_cpu = _cpu_seconds() - before
        worker_cpu = _cpu_seconds(resource.RUSAGE_CHILDREN) - before_children
    stop.set()
    if sampler is not None:
        sampler.join()
    kib = 1024  # ru_maxrss is in KiB on Linux
    return {
        "main_cpu": main_cpu,
        "worker_cpu": worker_cpu,
        "articles": summary.n_articles,
        "seconds": seconds,
        "startup": startup,
        "main_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib,
        "worker_rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kib,
        "total_rss": peak[0] or None,
        "rows": summary.rows,
    }


def run_configuration(corpus: Path, workdir: Path, name: str, chunk_size: int) -> dict:
    engine, jobs = name.split("-")
    outdir = workdir / f"out-{name}-{corpus.stem}"
    command = [sys.executable, __file__, "--child", str(corpus), str(outdir), engine, jobs, str(chunk_size)]
    result = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy())
    if result.returncode != 0:
        raise SystemExit(f"{name} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _mb(value: int | None) -> str:
    return "-" if value is None else f"{value / 2**20:,.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="synthetic articles for the throughput runs (default 2000)")
    parser.add_argument("--rss-n", type=int, default=None, help="N for the memory runs at N and 4N (default: --n)")
    parser.add_argument("--rss-config", default="local-2", choices=CONFIGURATIONS, help="configuration of the memory runs")
    parser.add_argument("--input", type=Path, help="benchmark this corpus instead of a synthetic one")
    parser.add_argument("--sentences-from", type=Path, default=SAMPLE,
                        help="corpus whose sentences make the synthetic articles (default: the sample corpus)")
    parser.add_argument("--configs", nargs="+", default=list(CONFIGURATIONS), choices=CONFIGURATIONS)
    parser.add_argument("--chunk-size", type=int, default=None, help="articles a chunk (default: the pipeline's)")
    parser.add_argument("--no-rss", action="store_true", help="skip the N vs 4N memory runs")
    parser.add_argument("--workdir", type=Path, help="where corpora and outputs go (default: a temporary folder)")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        corpus, outdir, engine, jobs, chunk_size = args.child
        print(json.dumps(run_child(corpus, outdir, engine, int(jobs), int(chunk_size))))
        return 0

    from rhetoric.pipeline import DEFAULT_CHUNK_SIZE

    chunk_size = args.chunk_size or DEFAULT_CHUNK_SIZE
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="rhetoric-throughput-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start; "
          f"chunk size {chunk_size}; work folder {workdir}")

    pool: list[str] = []
    if args.input is None or not args.no_rss:
        source = args.sentences_from
        if not source.exists():
            raise SystemExit(f"no sentence source at {source}: pass --sentences-from FOLDER (e.g. the seed articles)")
        pool = sentence_pool(source)
        print(f"synthetic articles: ~500 words each, drawn from {len(pool)} distinct sentences of {source}")

    if args.input is not None:
        corpus = args.input
        label = str(corpus)
    else:
        corpus = build_corpus(pool, args.n, workdir / f"synthetic-{args.n}.jsonl")
        label = f"{args.n} synthetic articles"

    print(f"\nthroughput on {label}")
    print(f"{'configuration':<14}{'articles':>9}{'seconds':>9}{'articles/s':>12}{'per worker':>12}"
          f"{'vs 1':>7}{'start-up s':>12}{'main MB':>9}{'worker MB':>11}{'total MB':>10}{'main CPU s':>12}{'worker CPU s':>14}{'art/CPU s':>11}")
    rates: dict[str, float] = {}
    reference_rows = None
    for name in args.configs:
        figures = run_configuration(corpus, workdir, name, chunk_size)
        rate = figures["articles"] / figures["seconds"]
        rates[name] = rate
        workers = int(name.split("-")[1])
        base = rates.get(name.split("-")[0] + "-1")
        speedup = f"{rate / base:.2f}" if base and workers > 1 else "-"
        print(f"{name:<14}{figures['articles']:>9}{figures['seconds']:>9.1f}{rate:>12.0f}{rate / workers:>12.0f}"
              f"{speedup:>7}{figures['startup']:>12.1f}{_mb(figures['main_rss']):>9}{_mb(figures['worker_rss']):>11}"
              f"{_mb(figures['total_rss']):>10}{figures['main_cpu']:>12.1f}{figures['worker_cpu']:>14.1f}"
              f"{_per_cpu_second(figures['articles'], figures['worker_cpu'] if name != 'local-1' else figures['main_cpu']):>11}")
        if reference_rows is None:
            reference_rows = figures["rows"]
        elif figures["rows"] != reference_rows:
            print(f"  WARNING: {name} wrote other row counts: {figures['rows']} vs {reference_rows}")

    if not args.no_rss:
        n = args.rss_n or args.n
        print(f"\npeak memory vs corpus size ({args.rss_config})")
        print(f"{'articles':>9}{'seconds':>9}{'articles/s':>12}{'main MB':>9}{'worker MB':>11}{'total MB':>10}")
        totals = []
        for size in (n, 4 * n):
            path = workdir / f"synthetic-{size}.jsonl"
            if not path.exists():
                build_corpus(pool, size, path)
            figures = run_configuration(path, workdir, args.rss_config, chunk_size)
            totals.append(figures["total_rss"] or figures["main_rss"] + figures["worker_rss"])
            print(f"{figures['articles']:>9}{figures['seconds']:>9.1f}{figures['articles'] / figures['seconds']:>12.0f}"
                  f"{_mb(figures['main_rss']):>9}{_mb(figures['worker_rss']):>11}{_mb(figures['total_rss']):>10}")
        print(f"total peak at 4N / at N: {totals[1] / totals[0]:.3f}")
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f} (on {os.cpu_count()} CPUs); 'art/CPU s' is articles "
          "per CPU-second of the processes that analyse (the main process for local-1, else the workers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
