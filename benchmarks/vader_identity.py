"""Check that rhetoric.sentiment's faster VADER gives vaderSentiment's own scores.

rhetoric.sentiment.analyzer() re-implements ``polarity_scores`` for speed
and sentiment(text, domain=True) falls back to the base scores when no
domain-only term can be looked up; both must change no score. This script
compares, value by value (exact equality of the dicts), on:

- every sentence of the sample corpus and its clause-like pieces;
- every ``sentence_normalized`` of a JSON Lines file (default: NewsMTSC's
  train.jsonl under /work/shared/datasets, when present);
- word windows of 1-8 words slid over those sentences (the left/right
  contexts rhetoric.targeted scores), and a few hand-made texts exercising
  negation, "no", "least", "but", "kind of", idioms, capitals and emoji;

for base mode (``analyzer()`` vs a fresh ``SentimentIntensityAnalyzer``)
and domain mode (``sentiment(text, domain=True)`` and ``domain_analyzer()``
vs a reference analyzer given the same lexicon). It prints the counts and
every mismatch, and exits 1 if there is any.

Usage::

    python benchmarks/vader_identity.py [--jsonl PATH] [--windows-from N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWSMTSC = Path("/work/shared/datasets/newsmtsc/train.jsonl")

HAND_MADE = [
    "", "   ", "no", "No way this is good.", "There is no good reason, no doubt.", "not bad at all",
    "At least it isn't a horrible book.", "It is the least bad option.", "least good", "very least good",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "The book was only kind of good.", "kind of", "kind", "That was the bomb, to die for!", "yeah right",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", "Today SUX!", "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁", "Never so good. Never this bad.", "without doubt great",
    "He is not, never, without doubt the best, but no or nor worst???", "It isn't great and wasn't good",
    "“Provocation” and ‘imperialists’ denounced.", "The imperialists’ provocation!!", "DENUCLEARIZATION now",
    "sort of nice, kinda bad, hardly great", "no no no good", "No. Good.", "İstanbul was lovely",
    "ΑΣ great", "Great\u00a0success\u2003indeed", "bad\tbad\nbad", "A bus stop kiss of death",
]


def texts(jsonl: Path | None, windows_from: int) -> list[str]:
    from rhetoric import load_corpus
    from rhetoric.targeted import clause_span
    from rhetoric.text import split_sentences

    sentences: list[str] = []
    for text in load_corpus(ROOT / "data" / "raw" / "sample" / "articles").articles.text:
        sentences.extend(sentence.text for sentence in split_sentences(text))
        for paragraph in text.split("\n\n"):
            sentences.append(paragraph)
    if jsonl is not None and jsonl.exists():
        with open(jsonl, encoding="utf-8") as handle:
            for line in handle:
                sentence = json.loads(line).get("sentence_normalized")
                if sentence:
                    sentences.append(sentence)
    found = set(HAND_MADE) | set(sentences)
    for sentence in sentences[:windows_from]:
        words = sentence.split(" ")
        for size in range(1, 9):
            for start in range(0, len(words), 3):
                found.add(" ".join(words[start:start + size]))
        for position in range(0, len(sentence), 25):
            start, end = clause_span(sentence, position, min(len(sentence), position + 3))
            found.add(sentence[start:end])
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jsonl", type=Path, default=NEWSMTSC)
    parser.add_argument("--windows-from", type=int, default=3000, help="sentences to cut word windows from")
    args = parser.parse_args(argv)

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from rhetoric.sentiment import analyzer, domain_analyzer, sentiment

    reference = SentimentIntensityAnalyzer()
    reference_domain = SentimentIntensityAnalyzer()
    reference_domain.lexicon = dict(domain_analyzer().lexicon)
    corpus = texts(args.jsonl, args.windows_from)
    mismatches = 0
    timings = {"reference": 0.0, "rhetoric": 0.0}
    for text in corpus:
        started = time.process_time()
        expected = reference.polarity_scores(text)
        expected_domain = reference_domain.polarity_scores(text)
        timings["reference"] += time.process_time() - started
        started = time.process_time()
        got = analyzer().polarity_scores(text)
        got_domain = sentiment(text, domain=True)
        timings["rhetoric"] += time.process_time() - started
        domain_direct = domain_analyzer().polarity_scores(text)
        as_dict = {"neg": got_domain.neg, "neu": got_domain.neu, "pos": got_domain.pos, "compound": got_domain.compound}
        for label, left, right in (("base", got, expected), ("domain", as_dict, expected_domain),
                                   ("domain analyzer", domain_direct, expected_domain)):
            if left != right:
                mismatches += 1
                print(f"MISMATCH {label}: {text!r}: {left} != {right}")
    print(f"{len(corpus)} texts; {mismatches} mismatches; CPU s for base+domain: reference "
          f"{timings['reference']:.2f}, rhetoric {timings['rhetoric']:.2f}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
