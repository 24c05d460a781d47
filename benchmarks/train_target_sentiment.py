"""Train the model behind rhetoric.target_sentiment and write
src/rhetoric/models/target_sentiment.json.gz.

Usage: python benchmarks/train_target_sentiment.py PATH/TO/newsmtsc/train.jsonl

Trains on the NewsMTSC stories/articles that benchmarks/target_sentiment.py does NOT
hold out (4 in 5, by hash of the story or article id). Features are
rhetoric.sentiment.targeted.target_features; features seen in fewer than 2 training
items are dropped; the regularisation strength C of a multinomial
LogisticRegression (lbfgs, balanced class weights) is chosen by 5-fold
cross-validation grouped by story/article, on the training part only, for macro-F1.
Deterministic: no random state is involved (fold order is fixed by sorting).
The weights are written as plain JSON (gzip, fixed mtime), not a pickle, so
the model loads with any scikit-learn version or none.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from target_sentiment import LABELS, article_id, load_items  # noqa: E402

C_GRID = (0.02, 0.05, 0.1, 0.2, 0.5)
MIN_COUNT = 2
OUT = Path(__file__).resolve().parents[1] / "src" / "rhetoric" / "models" / "target_sentiment.json.gz"


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    import sklearn
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    from rhetoric.sentiment.targeted import _probabilities, _model, target_features

    items = [item for item in load_items(argv[0]) if not item["heldout"]]
    features = [target_features(item["text"], item["start"], item["end"]) for item in items]
    labels = np.array([item["label"] for item in items])
    groups = np.array([article_id(item["gid"]) for item in items])

    counts: dict[str, int] = {}
    for row in features:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    kept = {name for name, n in counts.items() if n >= MIN_COUNT}
    features = [{k: v for k, v in row.items() if k in kept} for row in features]
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(features)
    print(f"training part: {len(items)} targets, {len(set(groups))} articles, {matrix.shape[1]} features")

    def model(c: float) -> LogisticRegression:
        return LogisticRegression(C=c, max_iter=5000, class_weight="balanced")

    folds = list(GroupKFold(n_splits=5).split(matrix, labels, groups))
    best_c, best_f1 = None, -1.0
    for c in C_GRID:
        scores = []
        for train, test in folds:
            fitted = model(c).fit(matrix[train], labels[train])
            scores.append(f1_score(labels[test], fitted.predict(matrix[test]), average="macro"))
        mean = float(np.mean(scores))
        print(f"  C={c}: grouped 5-fold CV macro-F1 {mean:.3f} (± {np.std(scores):.3f})")
        if mean > best_f1:
            best_c, best_f1 = c, mean
    final = model(best_c).fit(matrix, labels)
    assert tuple(final.classes_) == LABELS
    names = vectorizer.get_feature_names_out()
    weights = {str(name): [round(float(w), 6) for w in final.coef_[:, j]]
               for j, name in enumerate(names) if np.any(np.abs(final.coef_[:, j]) >= 5e-7)}
    payload = {
        "format": 1,
        "classes": list(LABELS),
        "intercept": [round(float(b), 6) for b in final.intercept_],
        "weights": weights,
        "training": {
            "description": (f"multinomial logistic regression, C={best_c}, {len(weights)} features, trained on "
                            f"{len(items)} NewsMTSC train targets (4 in 5 stories/articles by SHA-256 of the id)"),
            "data": "NewsMTSC train.jsonl (Hamborg & Donnay 2021), items whose benchmarks/target_sentiment.article_id has sha256 % 5 != 0",
            "n_targets": len(items),
            "C": best_c,
            "cv_macro_f1": round(best_f1, 4),
            "min_feature_count": MIN_COUNT,
            "scikit_learn": sklearn.__version__,
        },
    }
    blob = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode("utf-8")
    OUT.write_bytes(gzip.compress(blob, compresslevel=9, mtime=0))
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB), C={best_c}, CV macro-F1 {best_f1:.3f}")

    # The shipped scorer must reproduce scikit-learn's probabilities.
    _model.cache_clear()
    reference = final.predict_proba(matrix[:200])
    for k in range(200):
        ours = _probabilities(features[k])
        assert max(abs(ours[label] - reference[k][j]) for j, label in enumerate(LABELS)) < 1e-4, k
    print("check: shipped scorer equals predict_proba on 200 items")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
