"""Score rhetoric.extract_devices against the PTC training articles.

PTC (Propaganda Techniques Corpus, Da San Martino et al. 2019, SemEval-2020
task 11) is not shipped with rhetoric; pass the folder that holds
``train-articles/`` and ``train-task2-TC.labels``::

    PYTHONPATH=src python benchmarks/devices_ptc.py ../shared/datasets/ptc --split heldout

Split (deterministic): articles with an even numeric id form the *tune* half
(the only half used to choose lexicon entries), odd ids the *heldout* half.

Our device kinds are mapped to PTC techniques::

    loaded_language -> Loaded_Language
    name_calling    -> Name_Calling,Labeling
    appeal_to_fear  -> Appeal_to_fear-prejudice
    exaggeration    -> Exaggeration,Minimisation

(hedge and booster have no PTC counterpart and are not scored.)

Matching rules, per technique, within each article:

* overlap (the headline figure): a predicted span is correct if it shares at
  least one character with a gold span of the same technique; a gold span is
  found if at least one predicted span of that technique overlaps it.
  P = correct predictions / predictions, R = found gold spans / gold spans.
* partial credit (SemEval-2020 task 11 SI scoring, stricter): each
  prediction earns the fraction of its characters covered by the gold spans
  it overlaps (precision side) and each gold span the fraction of its
  characters covered by overlapping predictions (recall side).

``--lexeme-precision KIND`` prints, for every lexicon entry of KIND that
fires on the tune half, how often the spans it is part of are correct
(overlap rule), with each article's weight capped at two firings so that one
article repeating a word cannot decide its fate. The lexicon headers say
which entries were dropped on these figures (tune half only, never the
held-out half).

``--candidates KIND`` instead prints lexicon candidates mined from the tune
half: words and word pairs by how often they fall inside gold spans of the
technique, with their in-span rate. These are for a human to review when
writing the lexicon files; they are never written into the package.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from rhetoric.extract.devices import _lexicons, _tokenize, extract_devices

TECHNIQUES = {
    "loaded_language": "Loaded_Language",
    "name_calling": "Name_Calling,Labeling",
    "appeal_to_fear": "Appeal_to_fear-prejudice",
    "exaggeration": "Exaggeration,Minimisation",
}

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")


def load_ptc(root: Path, split: str) -> tuple[dict[str, str], dict[str, dict[str, list[tuple[int, int]]]]]:
    """Articles ``{id: text}`` of the split and gold ``{id: {technique: spans}}``."""
    texts: dict[str, str] = {}
    for path in sorted((root / "train-articles").glob("article*.txt")):
        article_id = path.stem[len("article"):]
        parity = int(article_id) % 2
        if split == "all" or (split == "tune" and parity == 0) or (split == "heldout" and parity == 1):
            texts[article_id] = path.read_text(encoding="utf-8")
    gold: dict[str, dict[str, list[tuple[int, int]]]] = {i: defaultdict(list) for i in texts}
    for line in (root / "train-task2-TC.labels").read_text(encoding="utf-8").splitlines():
        article_id, technique, start, end = line.split("\t")
        if article_id in gold:
            gold[article_id][technique].append((int(start), int(end)))
    return texts, gold


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _covered(span: tuple[int, int], others: list[tuple[int, int]]) -> float:
    """Fraction of ``span``'s characters covered by the union of ``others``."""
    chars = set()
    for other in others:
        chars.update(range(max(span[0], other[0]), min(span[1], other[1])))
    return len(chars) / max(1, span[1] - span[0])


def _prf(p_num: float, p_den: int, r_num: float, r_den: int) -> tuple[float, float, float]:
    precision = p_num / p_den if p_den else 0.0
    recall = r_num / r_den if r_den else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(root: Path, split: str, show_misses: int = 0) -> None:
    texts, gold = load_ptc(root, split)
    began = time.perf_counter()
    predicted = {i: extract_devices(t) for i, t in texts.items()}
    elapsed = time.perf_counter() - began
    n_tokens = sum(len(_WORD.findall(t)) for t in texts.values())
    print(f"PTC split={split}: {len(texts)} articles, {n_tokens} word tokens, "
          f"{len(texts) / elapsed:.1f} articles/s ({elapsed:.2f} s, one process)")
    print(f"{'technique':28} {'gold':>5} {'pred':>5} | overlap P    R    F1  | partial P    R    F1")
    for kind, technique in TECHNIQUES.items():
        n_gold = n_pred = pred_ok = gold_ok = 0
        pred_credit = gold_credit = 0.0
        misses: list[str] = []
        false_alarms: list[str] = []
        for article_id, text in texts.items():
            g = gold[article_id].get(technique, [])
            p = [(d.start, d.end) for d in predicted[article_id] if d.device == kind]
            n_gold += len(g)
            n_pred += len(p)
            for span in p:
                hits = [s for s in g if _overlap(span, s)]
                pred_ok += bool(hits)
                pred_credit += _covered(span, hits)
                if not hits:
                    false_alarms.append(text[span[0]:span[1]])
            for span in g:
                hits = [s for s in p if _overlap(span, s)]
                gold_ok += bool(hits)
                gold_credit += _covered(span, hits)
                if not hits:
                    misses.append(text[span[0]:span[1]])
        op, orr, of = _prf(pred_ok, n_pred, gold_ok, n_gold)
        pp, pr, pf = _prf(pred_credit, n_pred, gold_credit, n_gold)
        print(f"{technique:28} {n_gold:5d} {n_pred:5d} | {op:.3f} {orr:.3f} {of:.3f} | {pp:.3f} {pr:.3f} {pf:.3f}")
        if show_misses:
            print("   missed:", " | ".join(m.replace("\n", " ")[:60] for m in misses[:show_misses]))
            print("   false alarms:", " | ".join(m.replace("\n", " ")[:60] for m in false_alarms[:show_misses]))


def candidates(root: Path, kind: str, min_count: int, limit: int) -> None:
    """Print words and word pairs that often fall inside gold spans (tune half only)."""
    texts, gold = load_ptc(root, "tune")
    technique = TECHNIQUES[kind]
    inside: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for article_id, text in texts.items():
        spans = gold[article_id].get(technique, [])
        words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
        grams = [(w, s, e) for w, s, e in words]
        grams += [(f"{a[0]} {b[0]}", a[1], b[2]) for a, b in zip(words, words[1:])
                  if "\n" not in text[a[2]:b[1]]]
        for gram, start, end in grams:
            total[gram] += 1
            if any(s <= start and end <= e for s, e in spans):
                inside[gram] += 1
    rows = [(inside[g], inside[g] / total[g], g) for g in inside if inside[g] >= min_count]
    rows.sort(key=lambda r: (-r[1] * r[0] ** 0.5, r[2]))
    for n_in, rate, gram in rows[:limit]:
        print(f"{n_in:4d} {total[gram]:5d} {rate:.2f}  {gram}")


LEXICON_OF = {"loaded_language": "loaded_language", "name_calling": "name_calling"}
ARTICLE_CAP = 2


def lexeme_precision(root: Path, kind: str, min_fires: float, below: float) -> None:
    """Per lexicon entry: capped firings, capped correct firings, precision (tune half only)."""
    texts, gold = load_ptc(root, "tune")
    technique = TECHNIQUES[kind]
    lexicon = _lexicons()[LEXICON_OF[kind]]
    fires: defaultdict[str, float] = defaultdict(float)
    correct: defaultdict[str, float] = defaultdict(float)
    articles: defaultdict[str, int] = defaultdict(int)
    for article_id, text in texts.items():
        spans = gold[article_id].get(technique, [])
        tokens = _tokenize(text)
        starts = {span[0]: index for index, span in enumerate(tokens.spans)}
        here: Counter[str] = Counter()
        here_ok: Counter[str] = Counter()
        for device in extract_devices(text):
            if device.device != kind:
                continue
            ok = any(_overlap((device.start, device.end), s) for s in spans)
            index = starts.get(device.start)
            terms = set()
            while index is not None and index < len(tokens.spans) and tokens.spans[index][0] < device.end:
                hit = lexicon.match(tokens, index)
                if hit is not None:
                    terms.add(hit[2])
                index += 1
            for term in terms:
                here[term] += 1
                here_ok[term] += ok
        for term, n in here.items():
            weight = min(1.0, ARTICLE_CAP / n)
            fires[term] += n * weight
            correct[term] += here_ok[term] * weight
            articles[term] += 1
    rows = sorted(fires, key=lambda t: (correct[t] / fires[t], -fires[t], t))
    for term in rows:
        precision = correct[term] / fires[term]
        if fires[term] >= min_fires and precision < below:
            print(f"{fires[term]:6.1f} {correct[term]:6.1f} {precision:.2f} {articles[term]:4d}\t{term}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="PTC folder (train-articles/, train-task2-TC.labels)")
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N",
                        help="print N missed gold spans and N false alarms per technique")
    parser.add_argument("--candidates", choices=tuple(TECHNIQUES), help="mine lexicon candidates (tune half)")
    parser.add_argument("--lexeme-precision", choices=tuple(LEXICON_OF),
                        help="per-lexicon-entry precision on the tune half")
    parser.add_argument("--min-fires", type=float, default=0.0, help="with --lexeme-precision")
    parser.add_argument("--below", type=float, default=1.01, help="with --lexeme-precision: only entries below")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args(argv)
    if args.lexeme_precision:
        lexeme_precision(args.path, args.lexeme_precision, args.min_fires, args.below)
    elif args.candidates:
        candidates(args.path, args.candidates, args.min_count, args.limit)
    else:
        score(args.path, args.split, args.show_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
