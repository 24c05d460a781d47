"""What domain mode changes: VADER vs VADER + lexicons/security_valence.tsv.

Usage: python benchmarks/domain_sentiment.py [ARTICLES_FOLDER ...]
       (default: data/raw/sample/articles; e.g. also /work/shared/seeds)

Per sentence (rhetoric.split_sentences) it compares the base compound (the
sentences table's ``compound``) with the domain compound (``compound_domain``)
and prints: how many sentences change and in which direction, which domain
terms fire, the mean per outlet in both modes, the share of sentences that
cross VADER's ±0.05 cut-offs, and the biggest changes.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from rhetoric import load_corpus, split_sentences
from rhetoric.sentiment.vader import domain_lexicon, score_sentiment


def polarity(score: float) -> int:
    return 1 if score > 0.05 else (-1 if score < -0.05 else 0)


def main(argv: list[str]) -> int:
    folders = argv or ["data/raw/sample/articles"]
    terms = domain_lexicon()
    for folder in folders:
        articles = load_corpus(folder).articles
        rows = []
        for article in articles.itertuples():
            for sentence in split_sentences(article.text):
                base, domain = score_sentiment(sentence.text).compound, score_sentiment(sentence.text, domain=True).compound
                rows.append((article.outlet or "(no outlet)", sentence.text, base, domain))
        changed = [row for row in rows if row[2] != row[3]]
        fired = Counter(word for row in rows for word in re.findall(r"[\w-]+", row[1].lower()) if word in terms)
        crossed = Counter((polarity(b), polarity(d)) for _, _, b, d in rows if polarity(b) != polarity(d))
        print(f"== {folder}: {len(articles)} articles, {len(rows)} sentences ==")
        print(f"changed: {len(changed)} ({len(changed) / max(1, len(rows)):.1%}); lower {sum(d < b for *_, b, d in changed)}, "
              f"higher {sum(d > b for *_, b, d in changed)}")
        names = {-1: "neg", 0: "neu", 1: "pos"}
        print("class changes (base -> domain): " + (", ".join(f"{names[a]}->{names[b]} {n}" for (a, b), n in sorted(crossed.items())) or "none"))
        print("domain terms firing: " + ", ".join(f"{term} {n}" for term, n in fired.most_common(15)))
        print(f"{'outlet':<28} {'sentences':>9} {'compound':>9} {'domain':>9} {'%neg':>6} {'%neg dom':>8}")
        for outlet in sorted({row[0] for row in rows}):
            part = [row for row in rows if row[0] == outlet]
            base = sum(r[2] for r in part) / len(part)
            domain = sum(r[3] for r in part) / len(part)
            negative = sum(r[2] < -0.05 for r in part) / len(part)
            negative_domain = sum(r[3] < -0.05 for r in part) / len(part)
            print(f"{outlet:<28} {len(part):>9} {base:>9.3f} {domain:>9.3f} {negative:>6.1%} {negative_domain:>8.1%}")
        print("largest changes:")
        for outlet, text, base, domain in sorted(changed, key=lambda r: -abs(r[3] - r[2]))[:6]:
            print(f"  {base:+.3f} -> {domain:+.3f}  [{outlet}] {text[:110]}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
