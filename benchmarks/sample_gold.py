"""Quotes and threats against the sample corpus's gold annotations.

    PYTHONPATH=src python benchmarks/sample_gold.py [ARTICLES_DIR] [GOLD_JSONL]

Matching rules (see rhetoric.evaluate): quotes by content span, greedy
one-to-one, overlap >= 50% of both spans; threats by phrase span, greedy
one-to-one, overlap >= 50% of the shorter span. Agreement figures are over the
matched pairs. Note: the threat lexicons were developed while looking at this
corpus, so its threat figures are not a held-out measurement.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rhetoric.evaluate import score_sample_gold

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    articles = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "raw" / "sample" / "articles"
    gold = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "data" / "raw" / "sample" / "gold.jsonl"
    for family, scores in score_sample_gold(articles, gold).items():
        print(f"{family} ({scores['rule']}): P={scores['precision']:.3f} R={scores['recall']:.3f} F1={scores['f1']:.3f} "
              f"(tp={scores['tp']} pred={scores['predicted']} gold={scores['gold']})")
        print("   on matches: " + ", ".join(f"{k}={v:.3f}" for k, v in scores.items() if k.endswith(("agrees", "overlaps"))))


if __name__ == "__main__":
    main()
