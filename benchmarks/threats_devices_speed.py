"""Throughput of rhetoric.extract_threats and rhetoric.extract_devices together.

    PYTHONPATH=src python benchmarks/threats_devices_speed.py [ARTICLES_DIR] [--words 500] [--repeat 5]

Articles of about ``--words`` words are built deterministically from a corpus
folder (default: the bundled sample corpus): the paragraphs of all articles,
in sorted doc_id order, are dealt out in turn and appended to an article until
it reaches the word count, so every benchmark article is real running news
text made of whole paragraphs. One process, one core; the best of
``--repeat`` passes is reported as articles/s for threats alone, devices
alone, and both together (the figure issue 4 asks for: >= 500 articles/s),
then the threat cost proper: CPU ms per article of ``extract_threats`` on
Documents whose shared layers (sentences, actors, quotes) are already
computed, as inside the pipeline (issue 13's target: <= 2 ms per 500 words).
CPU time (time.process_time) is printed next to wall time because the
machine is shared. No assertion: timings depend on machine load.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rhetoric import load_corpus
from rhetoric.extract.devices import extract_devices
from rhetoric.text.sentences import count_tokens, split_paragraphs
from rhetoric.extract.threats import extract_threats
from rhetoric.text.document import Document

ROOT = Path(__file__).resolve().parents[1]


def build_articles(texts: list[str], words: int) -> list[str]:
    """Whole paragraphs, dealt in order, into articles of >= ``words`` words."""
    paragraphs = [text[start:end] for text in texts for start, end in split_paragraphs(text)]
    articles: list[str] = []
    current: list[str] = []
    size = 0
    for paragraph in paragraphs:
        current.append(paragraph)
        size += count_tokens(paragraph)
        if size >= words:
            articles.append("\n\n".join(current))
            current, size = [], 0
    return articles


def best_of(repeat: int, function, texts: list[str]) -> tuple[float, float, int]:
    """(best wall seconds, best CPU seconds, items found) over ``repeat`` passes."""
    wall = cpu = float("inf")
    found = 0
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        found = sum(len(function(text)) for text in texts)
        wall = min(wall, time.perf_counter() - began)
        cpu = min(cpu, time.process_time() - began_cpu)
    return wall, cpu, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="?", default=str(ROOT / "data" / "raw" / "sample" / "articles"))
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    corpus = load_corpus(args.articles).articles.sort_values("doc_id")
    texts = build_articles(list(corpus["text"]), args.words)
    mean_words = sum(count_tokens(t) for t in texts) / max(len(texts), 1)
    extract_threats(texts[0])  # compile patterns, load lexicons
    extract_devices(texts[0])

    def both(text: str) -> list:
        return extract_threats(text) + extract_devices(text)

    print(f"{len(texts)} articles, {mean_words:.0f} words on average (built from {args.articles})")
    for name, function in (("threats", extract_threats), ("devices", extract_devices), ("threats+devices", both)):
        wall, cpu, found = best_of(args.repeat, function, texts)
        print(f"{name:16s} {len(texts) / wall:7.0f} articles/s wall, {len(texts) / cpu:7.0f} articles/s CPU "
              f"(best of {args.repeat}; {found} spans)")
    # Inside the pipeline the Document's shared layers (sentences, actor
    # mentions, discourse, quotes) are computed once for every extractor: the
    # threat cost proper is extract_threats on a Document that already has them.
    best = float("inf")
    for _ in range(args.repeat):
        documents = [_with_shared_layers(Document(text)) for text in texts]
        began = time.process_time()
        for document in documents:
            extract_threats(document)
        best = min(best, time.process_time() - began)
    print(f"threats on shared Document layers: {1000 * best / len(texts):.2f} CPU ms/article "
          f"({1000 * best / len(texts) * 500 / mean_words:.2f} per 500 words; best of {args.repeat})")


def _with_shared_layers(document: Document) -> Document:
    for layer in ("sentences", "speech_cues", "quote_marks", "actor_mentions", "discourse", "quotes",
                  "actor_references"):
        getattr(document, layer)
    return document


if __name__ == "__main__":
    main()
