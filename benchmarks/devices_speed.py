"""Throughput of rhetoric.extract_devices on the bundled sample corpus.

    PYTHONPATH=src python benchmarks/devices_speed.py [--words 500] [--repeat 5]

Each sample article is cut or repeated to about ``--words`` words so the
figure is per article of that length; one process, one core. Prints
articles/s by wall clock and by CPU time (time.process_time, the fairer
figure on a loaded machine); no assertion (machine load varies).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rhetoric import load_corpus
from rhetoric.extract.devices import extract_devices

ROOT = Path(__file__).resolve().parents[1]


def sized(text: str, words: int) -> str:
    tokens = text.split(" ")
    while len(tokens) < words:
        tokens += tokens
    return " ".join(tokens[:words])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    articles = load_corpus(ROOT / "data" / "raw" / "sample" / "articles").articles
    texts = [sized(t, args.words) for t in articles["text"]]
    extract_devices(texts[0])  # load lexicons
    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        n_devices = sum(len(extract_devices(t)) for t in texts)
        best = min(best, time.perf_counter() - began)
        best_cpu = min(best_cpu, time.process_time() - began_cpu)
    print(f"{len(texts)} articles of {args.words} words: {len(texts) / best:.0f} articles/s wall clock, "
          f"{len(texts) / best_cpu:.0f} articles/s CPU time (best of {args.repeat}), {n_devices} devices")


if __name__ == "__main__":
    main()
