"""Scoring extractors against gold annotations, with the matching rule stated.

Two span-matching rules, both greedy and one-to-one (the pair with the larger
overlap is taken first, ties by position):

- ``"mutual50"``: the overlap covers at least 50% of the gold span AND 50% of
  the predicted span (issue 3's rule for quotes, as used on PolNeAR);
- ``"shorter50"``: the overlap covers at least 50% of the shorter span (used
  for threat phrases, whose boundaries annotators draw differently).

>>> greedy_match([(0, 10), (20, 30)], [(2, 10), (40, 50)], rule="mutual50")
[(0, 0)]
>>> prf(tp=8, predicted=10, gold=16)
(0.8, 0.5, 0.6154)
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["greedy_match", "prf", "score_quotes", "score_threats", "score_sample_gold"]


def greedy_match(predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]],
                 rule: str = "mutual50") -> list[tuple[int, int]]:
    """Pairs ``(prediction index, gold index)`` matched under ``rule``."""
    if rule not in {"mutual50", "shorter50"}:
        raise ValueError(f"unknown matching rule {rule!r}; use 'mutual50' or 'shorter50'")
    candidates = []
    for i, (p_start, p_end) in enumerate(predicted):
        for j, (g_start, g_end) in enumerate(gold):
            overlap = min(p_end, g_end) - max(p_start, g_start)
            if overlap <= 0:
                continue
            if rule == "mutual50":
                ok = 2 * overlap >= g_end - g_start and 2 * overlap >= p_end - p_start
            else:
                ok = 2 * overlap >= min(p_end - p_start, g_end - g_start)
            if ok:
                candidates.append((-overlap, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1, rounded to 4 decimals (0 when undefined)."""
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def score_quotes(texts: dict[str, str], gold: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Quote content spans ("mutual50"), and on matches: kind, speaker mention
    overlap and speaker_name agreement."""
    from rhetoric.extract.quotes import extract_quotes

    tp = n_pred = n_gold = 0
    same_kind = speaker_overlap = same_name = 0
    for doc_id, text in texts.items():
        predicted = extract_quotes(text)
        wanted = gold.get(doc_id, [])
        pairs = greedy_match([(q.content_start, q.content_end) for q in predicted],
                             [(g["content_start"], g["content_end"]) for g in wanted])
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(predicted), n_gold + len(wanted)
        for i, j in pairs:
            q, g = predicted[i], wanted[j]
            same_kind += q.kind == g["kind"]
            same_name += (q.speaker_name or None) == (g["speaker_name"] or None)
            if g["speaker_start"] is None:
                speaker_overlap += q.speaker_start is None
            elif q.speaker_start is not None:
                speaker_overlap += min(q.speaker_end, g["speaker_end"]) > max(q.speaker_start, g["speaker_start"])
    precision, recall, f1 = prf(tp, n_pred, n_gold)
    return {"rule": "mutual50", "tp": tp, "predicted": n_pred, "gold": n_gold,
            "precision": precision, "recall": recall, "f1": f1,
            "kind_agrees": round(same_kind / tp, 4) if tp else 0.0,
            "speaker_overlaps": round(speaker_overlap / tp, 4) if tp else 0.0,
            "speaker_name_agrees": round(same_name / tp, 4) if tp else 0.0}


def score_threats(texts: dict[str, str], gold: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Threat phrase spans ("shorter50"), and on matches: kind, actor, target
    and conditional agreement."""
    from rhetoric.extract.threats import extract_threats

    tp = n_pred = n_gold = 0
    agree = {"kind": 0, "actor": 0, "target": 0, "conditional": 0}
    for doc_id, text in texts.items():
        predicted = extract_threats(text)
        wanted = gold.get(doc_id, [])
        pairs = greedy_match([(t.start, t.end) for t in predicted], [(g["start"], g["end"]) for g in wanted],
                             rule="shorter50")
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(predicted), n_gold + len(wanted)
        for i, j in pairs:
            for field in agree:
                agree[field] += getattr(predicted[i], field) == _gold_value(wanted[j], field)
    precision, recall, f1 = prf(tp, n_pred, n_gold)
    return {"rule": "shorter50", "tp": tp, "predicted": n_pred, "gold": n_gold,
            "precision": precision, "recall": recall, "f1": f1,
            **{f"{field}_agrees": round(count / tp, 4) if tp else 0.0 for field, count in agree.items()}}


def _gold_value(record: dict[str, Any], field: str) -> Any:
    value = record.get(field)
    return bool(value) if field == "conditional" else value


def score_sample_gold(articles: str | os.PathLike[str], gold_path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """Score quotes and threats on a corpus folder against a gold.jsonl in
    the sample corpus's format (see data/raw/sample/README.md)."""
    from rhetoric.io.corpus import load_corpus

    texts = dict(zip(*load_corpus(articles, strict=True).articles[["doc_id", "text"]].T.values))
    records = [json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return {
        "quotes": score_quotes(texts, {r["doc_id"]: r["quotes"] for r in records}),
        "threats": score_threats(texts, {r["doc_id"]: r["threats"] for r in records}),
    }
