"""FrameClassifier vs a plain TF-IDF + LogisticRegression baseline on real news text.

Usage::

    python benchmarks/frame_classifier.py /work/shared/datasets/ptc [--variants]

Data: the Propaganda Techniques Corpus v2 training articles (Da San Martino et
al. 2019; SemEval-2020 task 11), read from PATH, never copied. Construction of
the multi-class task: every article line (the corpus has one sentence per
line; the title line included) whose overlapping gold spans
(``train-task2-TC.labels``, span [start, end) overlapping the line) carry
exactly ONE technique becomes an example, labelled with that technique; lines
with no span, or with spans of two or more techniques, are left out. Text = the
whole line, so the model must find the technique in the sentence, not in the
span.

Protocol: the same StratifiedKFold(5, shuffle=True, random_state=0) splits for
every model; accuracy and macro-F1 are averaged over the five test folds.

- baseline: ``make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000))``
  (scikit-learn defaults: word unigrams, C=1, no class weights);
- FrameClassifier(): word 1-2-gram + char 2-5-gram TF-IDF (sublinear tf),
  balanced class weights, logistic regression with C=10;
- with ``--variants`` also FrameClassifier(rhetoric_features=True) and
  FrameClassifier(classifier="linear_svm", C=0.3).

Timings are wall-clock on whatever else the machine is running.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from rhetoric import FrameClassifier  # noqa: E402


def load_ptc_sentences(root: Path) -> tuple[list[str], list[str]]:
    """Single-technique lines of the PTC training articles and their technique."""
    spans: dict[str, list[tuple[str, int, int]]] = collections.defaultdict(list)
    for line in (root / "train-task2-TC.labels").read_text(encoding="utf-8").splitlines():
        if line.strip():
            article, technique, start, end = line.split("\t")
            spans[article].append((technique, int(start), int(end)))
    texts, labels = [], []
    for path in sorted((root / "train-articles").glob("article*.txt")):
        article = path.stem[len("article"):]
        text = path.read_text(encoding="utf-8")
        position = 0
        for line in text.split("\n"):
            start, end = position, position + len(line)
            position = end + 1
            if not line.strip():
                continue
            techniques = {t for t, a, b in spans.get(article, ()) if a < end and b > start}
            if len(techniques) == 1:
                texts.append(line)
                labels.append(techniques.pop())
    return texts, labels


def evaluate(name: str, model, texts: list[str], labels: list[str], cv) -> dict[str, float]:
    started = time.perf_counter()
    scores = cross_validate(model, texts, labels, cv=cv, scoring=["accuracy", "f1_macro"])
    seconds = time.perf_counter() - started
    result = {"accuracy": scores["test_accuracy"].mean(), "accuracy_sd": scores["test_accuracy"].std(),
              "macro_f1": scores["test_f1_macro"].mean(), "macro_f1_sd": scores["test_f1_macro"].std()}
    print(f"{name:<44} accuracy {result['accuracy']:.3f} ± {result['accuracy_sd']:.3f}   "
          f"macro-F1 {result['macro_f1']:.3f} ± {result['macro_f1_sd']:.3f}   ({seconds:.0f} s)", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="the PTC folder (train-articles/, train-task2-TC.labels)")
    parser.add_argument("--variants", action="store_true", help="also run rhetoric_features=True and linear_svm")
    args = parser.parse_args(argv)

    texts, labels = load_ptc_sentences(args.path)
    counts = collections.Counter(labels)
    majority = counts.most_common(1)[0][1] / len(labels)
    print(f"PTC single-technique sentences: {len(texts)} texts, {len(counts)} techniques; "
          f"majority class {counts.most_common(1)[0][0]} = {majority:.3f} of texts")
    print("  " + ", ".join(f"{label} {n}" for label, n in counts.most_common()))
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)

    baseline = evaluate("plain TF-IDF + LogisticRegression", make_pipeline(
        TfidfVectorizer(), LogisticRegression(max_iter=1000)), texts, labels, cv)
    ours = evaluate("FrameClassifier()", FrameClassifier(), texts, labels, cv)
    print(f"FrameClassifier - baseline: accuracy {ours['accuracy'] - baseline['accuracy']:+.3f}, "
          f"macro-F1 {ours['macro_f1'] - baseline['macro_f1']:+.3f}")
    if args.variants:
        evaluate("FrameClassifier(rhetoric_features=True)", FrameClassifier(rhetoric_features=True),
                 texts, labels, cv)
        evaluate("FrameClassifier(classifier='linear_svm', C=0.3)",
                 FrameClassifier(classifier="linear_svm", C=0.3), texts, labels, cv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
