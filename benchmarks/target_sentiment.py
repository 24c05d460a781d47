"""Target-dependent sentiment on NewsMTSC: plain sentence VADER vs rhetoric.target_sentiment.

Usage: python benchmarks/target_sentiment.py PATH/TO/newsmtsc/train.jsonl [--all]

NewsMTSC (Hamborg & Donnay 2021) gives news sentences with target mentions
and the polarity toward each (2 negative, 4 neutral, 6 positive). Only its
train split is available to us, so the shipped model was trained on 80% of it
and this script scores the other 20%: the *held-out* part, chosen by a hash
of the story/article id (see :func:`article_id`; stories reported by
several outlets stay on one side), never seen in training. ``--all`` also prints the figures on the training part
(optimistic: the model has seen it).

Matching rule: each (sentence, target) pair is one item; a score > 0.05 is
positive, < -0.05 negative, otherwise neutral (Hutto & Gilbert's cut-offs);
the figure is 3-class macro-F1 with per-class precision, recall and F1.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}
LABELS = (-1, 0, 1)
NAMES = {-1: "negative", 0: "neutral", 1: "positive"}
HELDOUT_BUCKETS = 5  # 1 in 5 articles is held out


def article_id(primary_gid: str) -> str:
    """The unit of the split. AllSides ids read ``allsides_<article>_<story>_…``
    and several outlets' articles share a story, so AllSides items are grouped
    by story (no story is on both sides of the split); POLUSA ids read
    ``polusa_v1_<article>_…`` and are grouped by article."""
    fields = primary_gid.split("_")
    if fields[0] == "allsides" and len(fields) > 2:
        return "allsides_story_" + fields[2]
    return "_".join(fields[:3])


def is_heldout(primary_gid: str) -> bool:
    """True for the stories/articles the model never trains on (SHA-256 of :func:`article_id`, 1 in 5)."""
    digest = hashlib.sha256(article_id(primary_gid).encode("utf-8")).hexdigest()
    return int(digest, 16) % HELDOUT_BUCKETS == 0


def load_items(path: str | Path) -> list[dict]:
    """One item per (sentence, target): text, start, end, label, gid, heldout."""
    items = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text, gid = record["sentence_normalized"], record["primary_gid"]
            for target in record["targets"]:
                items.append({"text": text, "start": target["from"], "end": target["to"],
                              "label": POLARITY[target["polarity"]], "gid": gid, "heldout": is_heldout(gid)})
    return items


def polarity(score: float) -> int:
    return 1 if score > 0.05 else (-1 if score < -0.05 else 0)


def report(name: str, gold: list[int], predicted: list[int]) -> float:
    from sklearn.metrics import precision_recall_fscore_support
    precision, recall, f1, support = precision_recall_fscore_support(gold, predicted, labels=list(LABELS), zero_division=0)
    macro = sum(f1) / len(f1)
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
    print(f"{name}: macro-F1 {macro:.3f}  accuracy {accuracy:.3f}")
    for k, label in enumerate(LABELS):
        print(f"    {NAMES[label]:<8}  P {precision[k]:.3f}  R {recall[k]:.3f}  F1 {f1[k]:.3f}  (n={support[k]})")
    return macro


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    from rhetoric.sentiment.vader import score_sentiment
    from rhetoric.sentiment.targeted import _model, target_sentiment

    items = load_items(argv[0])
    parts = [("held-out", [i for i in items if i["heldout"]])]
    if "--all" in argv:
        parts.append(("training part (seen in training)", [i for i in items if not i["heldout"]]))
    print(f"NewsMTSC {argv[0]}: {len(items)} targets; held-out {len(parts[0][1])} targets "
          f"from {len({i['gid'] for i in parts[0][1]})} sentences")
    print(f"model: {_model().training.get('description', '?')}")
    for title, part in parts:
        gold = [item["label"] for item in part]
        print(f"\n== {title}: {len(part)} targets ==")
        report("sentence VADER (vaderSentiment compound of the whole sentence)", gold,
               [polarity(score_sentiment(item["text"]).compound) for item in part])
        began = time.perf_counter()
        scores = [target_sentiment(item["text"], item["start"], item["end"]) for item in part]
        seconds = time.perf_counter() - began
        report("rhetoric.target_sentiment", gold, [polarity(score) for score in scores])
        print(f"    ({len(part) / seconds:.0f} targets/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
