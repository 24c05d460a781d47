"""CPU cost of full extraction per article, by component, in this process.

Builds N articles of about 500 words like ``benchmarks/throughput.py``
(sentences drawn with a seeded generator), by default from the sample
corpus's sentences; ``--pool-jsonl PATH`` draws them instead from the
``sentence_normalized`` field of a JSON Lines file (e.g. NewsMTSC's
train.jsonl), a pool large enough that sentences seldom repeat across
articles, so caches that outlive one article cannot flatter the figure.
Runs :func:`rhetoric.pipeline.analyze_article` on every article and prints
CPU ms per article (``time.process_time``, so other load on the machine
matters less than with wall time) and articles per CPU-second; ``--profile``
adds a cProfile listing of the top functions by cumulative time;
``--references`` also prints the CPU cost of the actor-references layer
(``Document.actor_references``) on top of the quotes and actor mentions it
reads, which the pipeline has computed anyway.

Usage::

    python benchmarks/profile_article.py --n 300
    python benchmarks/profile_article.py --n 300 --pool-jsonl /work/shared/datasets/newsmtsc/train.jsonl
    python benchmarks/profile_article.py --n 200 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import SAMPLE, sentence_pool, synthetic_texts  # noqa: E402


def jsonl_pool(path: Path) -> list[str]:
    sentences = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("sentence_normalized")
            if text:
                sentences.add(text.strip())
    return sorted(sentences)


def articles(pool: list[str], n: int, *, words: int = 500, seed: int = 7):
    from rhetoric.io.corpus import Article

    return [Article(doc_id=f"syn-{number:07d}", title=f"Synthetic article {number}", outlet="Synthetic Wire",
                    date=dt.date(2026, 1, 1), url=None, text=text, source="synthetic")
            for number, text in enumerate(synthetic_texts(pool, n, words=words, seed=seed))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--pool-jsonl", type=Path, help="draw sentences from this JSON Lines file's sentence_normalized")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--references", action="store_true", help="also time Document.actor_references")
    args = parser.parse_args(argv)

    from rhetoric.pipeline import analyze_article

    pool = jsonl_pool(args.pool_jsonl) if args.pool_jsonl else sentence_pool(SAMPLE)
    corpus = articles(pool, args.n)
    analyze_article(articles(pool[:50], 1, seed=99)[0])  # warm up lexicons and models
    profiler = cProfile.Profile() if args.profile else None
    started = time.process_time()
    if profiler:
        profiler.enable()
    for article in corpus:
        analyze_article(article)
    if profiler:
        profiler.disable()
    seconds = time.process_time() - started
    print(f"pool: {len(pool)} sentences; {args.n} articles; {seconds * 1000 / args.n:.2f} CPU ms/article; "
          f"{args.n / seconds:.1f} articles per CPU-second" + (" (under cProfile)" if profiler else ""))
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
    if args.references:
        from rhetoric.text.document import Document

        Document(corpus[0].text).actor_references  # warm up: its imports and lexicons
        spent = 0.0
        for article in corpus:
            doc = Document(article.text, article.doc_id)
            doc.sentences, doc.quotes, doc.actor_mentions  # the layers the pipeline has already computed
            started = time.process_time()
            doc.actor_references
            spent += time.process_time() - started
        print(f"actor references: {spent * 1000 / args.n:.2f} CPU ms/article "
              f"({100 * spent / seconds:.1f}% of the per-article cost above)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
