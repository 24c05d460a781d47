"""FrameClassifier as a scikit-learn estimator, and the `rhetoric frames` CLI."""

from __future__ import annotations

import csv
import hashlib
import json
import pickle

import joblib
import numpy as np
import pandas as pd
import pytest
import sklearn
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

import rhetoric
from rhetoric import FrameClassifier
from rhetoric.cli import main

DIPLOMACY = [
    "Diplomats from Seoul and Pyongyang held talks at the truce village.",
    "The envoys agreed to resume talks on denuclearization next month.",
    "Officials said the talks in Geneva were constructive and frank.",
    "Both Koreas restored the hotline and pledged further dialogue.",
    "The foreign ministers met for talks on easing tensions.",
    "A new round of talks was announced after the summit.",
    "Negotiators said the dialogue would continue despite the launch.",
    "China urged all parties to return to talks and dialogue.",
]
MILITARY = [
    "North Korea fired two ballistic missiles into the sea on Sunday.",
    "U.S. bombers flew over the peninsula with South Korean fighter jets.",
    "Artillery units fired shells into the waters off the west coast.",
    "The army staged live-fire drills with tanks and missiles.",
    "A submarine fired a missile from the waters off Sinpo.",
    "Fighter jets and bombers joined the annual air drills.",
    "The military said it fired warning shots at the border.",
    "Missiles were fired as the drills began near the border.",
]
ECONOMY = [
    "Sanctions cut coal exports and hit the economy hard.",
    "Trade with China fell and prices rose in the markets.",
    "The won slumped as investors sold shares and exports fell.",
    "Fuel prices rose after sanctions closed the shipping routes.",
    "Factories closed and the economy shrank as trade collapsed.",
    "Exports of seafood were banned, cutting trade revenue.",
    "Rice prices doubled in the markets of the border towns.",
    "New sanctions target banks that finance trade and exports.",
]
TEXTS = DIPLOMACY + MILITARY + ECONOMY
LABELS = ["diplomacy"] * 8 + ["military"] * 8 + ["economy"] * 8
NEW = ["The envoys held talks and promised more dialogue.",
       "Bombers and fighter jets flew drills as missiles were fired.",
       "Exports fell and prices rose as sanctions hit trade."]


@pytest.fixture(scope="module")
def fitted() -> FrameClassifier:
    return FrameClassifier().fit(TEXTS, LABELS)


def test_fit_predict_proba(fitted):
    assert fitted.classes_.tolist() == ["diplomacy", "economy", "military"]
    assert fitted.predict(NEW).tolist() == ["diplomacy", "military", "economy"]
    proba = fitted.predict_proba(NEW)
    assert proba.shape == (3, 3)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert (proba.argmax(axis=1) == [0, 2, 1]).all()
    assert fitted.decision_function(NEW).shape == (3, 3)
    assert fitted.score(TEXTS, LABELS) == 1.0
    assert "word__talks" in fitted.top_features(5)["diplomacy"]


def test_deterministic_and_picklable(fitted):
    again = FrameClassifier().fit(TEXTS, LABELS)
    assert np.array_equal(again.predict_proba(NEW), fitted.predict_proba(NEW))
    restored = pickle.loads(pickle.dumps(fitted))
    assert np.array_equal(restored.predict_proba(NEW), fitted.predict_proba(NEW))


def test_clone_and_params():
    model = FrameClassifier(C=3.0, char_ngram_range=(3, 4), classifier="linear_svm")
    copy = clone(model)
    assert copy.get_params() == model.get_params()
    assert copy.get_params()["C"] == 3.0
    copy.set_params(C=0.5, char_ngram_range=None)
    assert copy.C == 0.5 and model.C == 3.0
    with pytest.raises(NotFittedError):
        copy.predict(NEW)
    fitted_clone = clone(FrameClassifier().fit(TEXTS, LABELS))
    assert not hasattr(fitted_clone, "pipeline_")


def test_cross_validate_and_grid_search():
    cv = StratifiedKFold(n_splits=4, shuffle=True, random_state=0)
    result = cross_validate(FrameClassifier(), TEXTS, LABELS, cv=cv, scoring=["accuracy", "f1_macro"])
    assert len(result["test_accuracy"]) == 4
    assert result["test_accuracy"].mean() >= 0.75  # cue words are shared within each class
    grid = GridSearchCV(FrameClassifier(), {"C": [1.0, 10.0]}, cv=cv).fit(TEXTS, LABELS)
    assert grid.best_params_["C"] in (1.0, 10.0)


def test_in_a_pipeline_and_other_options():
    pipeline = Pipeline([("lower", FunctionTransformer(lambda xs: [x.lower() for x in xs])),
                         ("classify", FrameClassifier(lowercase=True))])
    assert pipeline.fit(TEXTS, LABELS).predict(NEW).tolist() == ["diplomacy", "military", "economy"]
    svm = FrameClassifier(classifier="linear_svm", char_ngram_range=None, C=1.0).fit(TEXTS, LABELS)
    assert svm.predict(NEW).tolist() == ["diplomacy", "military", "economy"]
    assert np.allclose(svm.predict_proba(NEW).sum(axis=1), 1.0)
    lexical = FrameClassifier(rhetoric_features=True).fit(TEXTS, LABELS)
    assert lexical.predict(NEW).tolist() == ["diplomacy", "military", "economy"]


def test_bad_training_input():
    with pytest.raises(ValueError, match="two classes"):
        FrameClassifier().fit(TEXTS[:3], ["a"] * 3)
    with pytest.raises(ValueError, match="one label per text"):
        FrameClassifier().fit(TEXTS, LABELS[:-1])
    with pytest.raises(ValueError, match="classifier must be"):
        FrameClassifier(classifier="forest").fit(TEXTS, LABELS)
    with pytest.raises(TypeError):
        FrameClassifier().fit("one string", ["a"])


# --- CLI ---------------------------------------------------------------------

def _write_labels(path, texts=TEXTS, labels=LABELS):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["sentence", "frame", "source"])
        writer.writerows((t, l, f"s{i}") for i, (t, l) in enumerate(zip(texts, labels)))
    return path


def test_cli_train_predict_round_trip(tmp_path, capsys):
    labels_csv = _write_labels(tmp_path / "labels.csv")
    model_path = tmp_path / "models" / "frames.joblib"
    assert main(["frames", "train", str(labels_csv), "--text-col", "sentence", "--label-col", "frame",
                 "-o", str(model_path), "--folds", "4"]) == 0
    out = capsys.readouterr().out
    assert "24 texts, 3 labels" in out and "stratified 4-fold" in out
    assert "accuracy" in out and "macro-F1" in out
    assert all(label in out for label in ("diplomacy", "military", "economy"))

    sidecar = json.loads((tmp_path / "models" / "frames.joblib.json").read_text())
    assert sidecar["classes"] == ["diplomacy", "economy", "military"]
    assert sidecar["data"]["sha256"] == hashlib.sha256(labels_csv.read_bytes()).hexdigest()
    assert sidecar["sklearn_version"] == sklearn.__version__
    assert sidecar["rhetoric_version"] == rhetoric.__version__
    assert sidecar["params"]["class_weight"] == "balanced"
    assert 0.0 <= sidecar["cross_validation"]["accuracy"] <= 1.0
    assert set(sidecar["cross_validation"]["per_class"]) == {"diplomacy", "economy", "military"}

    model = joblib.load(model_path)
    new_csv = tmp_path / "new.csv"
    pd.DataFrame({"id": [1, 2, 3], "sentence": NEW}).to_csv(new_csv, index=False)
    for out_name in ("pred.csv", "pred.parquet"):
        out_path = tmp_path / out_name
        assert main(["frames", "predict", str(model_path), str(new_csv), "--text-col", "sentence",
                     "-o", str(out_path)]) == 0
        result = pd.read_csv(out_path) if out_name.endswith(".csv") else pd.read_parquet(out_path)
        assert result.columns.tolist() == ["id", "predicted", "proba_diplomacy", "proba_economy", "proba_military"]
        assert result["predicted"].tolist() == model.predict(NEW).tolist() == ["diplomacy", "military", "economy"]
        assert np.allclose(result.filter(like="proba_").to_numpy(), model.predict_proba(NEW))


def test_cli_predict_on_a_corpus_folder(tmp_path, small_corpus):
    labels_csv = _write_labels(tmp_path / "labels.csv")
    model_path = tmp_path / "m.joblib"
    assert main(["frames", "train", str(labels_csv), "--text-col", "sentence", "--label-col", "frame",
                 "-o", str(model_path), "--folds", "1"]) == 0
    assert main(["frames", "predict", str(model_path), str(small_corpus), "-o", str(tmp_path / "p.csv")]) == 0
    result = pd.read_csv(tmp_path / "p.csv")
    assert sorted(result["doc_id"]) == ["test-bomber-flight", "test-talks"]
    assert dict(zip(result["doc_id"], result["predicted"])) == {"test-bomber-flight": "military",
                                                                "test-talks": "diplomacy"}


def test_cli_errors_exit_2(tmp_path, capsys):
    labels_csv = _write_labels(tmp_path / "labels.csv")
    out = str(tmp_path / "m.joblib")
    assert main(["frames", "train", str(labels_csv), "-o", out]) == 2
    err = capsys.readouterr().err
    assert "no column 'text', 'label'" in err and "sentence, frame, source" in err

    few = _write_labels(tmp_path / "few.csv", TEXTS[:10], LABELS[:10])  # 8 diplomacy, 2 military
    assert main(["frames", "train", str(few), "--text-col", "sentence", "--label-col", "frame", "-o", out]) == 2
    assert "too few: 'military' (2)" in capsys.readouterr().err

    one = _write_labels(tmp_path / "one.csv", TEXTS[:8], LABELS[:8])
    assert main(["frames", "train", str(one), "--text-col", "sentence", "--label-col", "frame", "-o", out]) == 2
    assert "at least two labels" in capsys.readouterr().err

    assert main(["frames", "train", str(tmp_path / "missing.csv"), "-o", out]) == 2
    assert main(["frames", "predict", str(tmp_path / "missing.joblib"), str(labels_csv), "-o",
                 str(tmp_path / "p.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["frames", "predict", out, str(labels_csv), "-o", str(tmp_path / "p.xlsx")]) == 2
    assert "must end in .csv or .parquet" in capsys.readouterr().err
    assert not (tmp_path / "m.joblib").exists()


def test_extract_applies_a_trained_frame_model(small_corpus, tmp_path):
    import json

    import joblib

    from rhetoric.cli import main
    from rhetoric.ml.classifier import FrameClassifier
    from rhetoric.io.store import read_table

    texts = ["Bombers flew over the peninsula in a show of force.", "Warships sailed through the strait.",
             "Fighter jets escorted the bombers.", "Troops massed near the border.",
             "Envoys met for talks in Geneva.", "The ministers agreed to resume dialogue.",
             "Diplomats praised the constructive talks.", "Both sides signed a hotline agreement."]
    labels = ["force"] * 4 + ["diplomacy"] * 4
    model_path = tmp_path / "security.joblib"
    joblib.dump(FrameClassifier().fit(texts, labels), model_path)

    outdir = tmp_path / "out"
    assert main(["extract", str(small_corpus), "-o", str(outdir), "--jobs", "1", "-q",
                 "--frame-model", str(model_path)]) == 0
    frames = read_table(outdir / "frames.parquet")
    predicted = frames[frames["scheme"] == "classifier:security"]
    assert sorted(predicted["frame"].unique()) == ["diplomacy", "force"]
    totals = predicted.groupby("doc_id")["score"].sum()
    assert sorted(totals.index) == ["test-bomber-flight", "test-talks"]
    assert ((totals - 1).abs() < 1e-5).all()
    best = predicted.loc[predicted.groupby("doc_id")["score"].idxmax()].set_index("doc_id")["frame"]
    assert best["test-talks"] == "diplomacy"
    manifest = json.loads((outdir / "manifest.json").read_text())
    assert manifest["parameters"]["frame_model"]["file"] == "security.joblib"
    assert len(manifest["parameters"]["frame_model"]["sha256"]) == 64

    assert main(["extract", str(small_corpus), "-o", str(tmp_path / "x"), "-q",
                 "--frame-model", str(tmp_path / "missing.joblib")]) == 2

    from rhetoric import analyze, load_corpus

    tables = analyze(load_corpus(small_corpus).articles, jobs=1, frame_model=model_path)
    in_memory = tables.frames[tables.frames["scheme"] == "classifier:security"]
    assert in_memory[["doc_id", "frame", "score"]].values.tolist() == predicted[["doc_id", "frame", "score"]].values.tolist()
