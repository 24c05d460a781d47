"""Train-your-own frame (or technique, or stance) classifier over raw texts.

:class:`FrameClassifier` is a scikit-learn estimator: ``fit(texts, labels)``,
``predict``, ``predict_proba``, ``decision_function``, ``classes_``; it clones,
pickles and works inside :func:`~sklearn.model_selection.cross_validate`,
:class:`~sklearn.model_selection.GridSearchCV` and
:class:`~sklearn.pipeline.Pipeline`.

The model is a strong linear baseline for short-text classification: the
union of word 1–2-gram and character 2–5-gram TF-IDF (sublinear term
frequency), optionally the numeric rhetoric features of
:class:`rhetoric.RhetoricFeaturizer` (standardised), into a logistic
regression with balanced class weights (or a calibrated linear SVM). It is
deterministic: the same texts and labels give the same model.

>>> texts = ["talks resumed in Geneva", "diplomats met for talks", "envoys agreed to more talks",
...          "missiles were fired", "artillery fired shells", "a missile test was fired"] * 2
>>> labels = ["diplomacy"] * 3 + ["military"] * 3
>>> model = FrameClassifier().fit(texts, labels * 2)
>>> model.predict(["the envoys held talks", "they fired a missile"]).tolist()
['diplomacy', 'military']
>>> model.classes_.tolist()
['diplomacy', 'military']
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from rhetoric.ml.featurizer import RhetoricFeaturizer, as_texts

__all__ = ["FrameClassifier"]

_CLASSIFIERS = ("logistic", "linear_svm")


class FrameClassifier(ClassifierMixin, BaseEstimator):
    """Word + character n-gram TF-IDF into a class-balanced linear model.

    Parameters
    ----------
    C : float
        Inverse regularisation strength of the linear model.
    classifier : {"logistic", "linear_svm"}
        Logistic regression (probabilities of its own), or a linear SVM whose
        probabilities come from sigmoid calibration on 3 internal folds.
    word_ngram_range, char_ngram_range : (int, int)
        n-gram lengths of the word and character TF-IDF blocks
        (``char_ngram_range=None`` drops the character block).
    char_analyzer : {"char", "char_wb"}
        Character n-grams across word boundaries or inside words only.
    lowercase : bool
        Lower-case before counting n-grams.
    min_df : int
        Ignore n-grams seen in fewer training texts.
    class_weight : "balanced", dict or None
        Passed to the linear model; "balanced" weights classes inversely to
        their frequency.
    rhetoric_features : bool
        Append the standardised :class:`RhetoricFeaturizer` features.
    rhetoric_weight : float
        Multiplier of the rhetoric block in the feature union.
    max_iter : int
        Iterations of the solver.
    random_state : int
        Seed of the (SVM) solver; logistic regression (lbfgs) is deterministic.
    """

    def __init__(self, C: float = 10.0, classifier: str = "logistic",
                 word_ngram_range: tuple[int, int] = (1, 2), char_ngram_range: tuple[int, int] | None = (2, 5),
                 char_analyzer: str = "char", lowercase: bool = False, min_df: int = 1,
                 class_weight: Any = "balanced", rhetoric_features: bool = False, rhetoric_weight: float = 1.0,
                 max_iter: int = 3000, random_state: int = 0) -> None:
        self.C = C
        self.classifier = classifier
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.char_analyzer = char_analyzer
        self.lowercase = lowercase
        self.min_df = min_df
        self.class_weight = class_weight
        self.rhetoric_features = rhetoric_features
        self.rhetoric_weight = rhetoric_weight
        self.max_iter = max_iter
        self.random_state = random_state

    def _build(self) -> Pipeline:
        if self.classifier not in _CLASSIFIERS:
            raise ValueError(f"classifier must be one of {_CLASSIFIERS}, got {self.classifier!r}")
        blocks: list[tuple[str, Any]] = [
            ("word", TfidfVectorizer(analyzer="word", ngram_range=tuple(self.word_ngram_range),
                                     lowercase=self.lowercase, min_df=self.min_df, sublinear_tf=True,
                                     token_pattern=r"(?u)\b\w[\w'’]*\b")),
        ]
        if self.char_ngram_range is not None:
            blocks.append(("char", TfidfVectorizer(analyzer=self.char_analyzer,
                                                   ngram_range=tuple(self.char_ngram_range),
                                                   lowercase=self.lowercase, min_df=self.min_df,
                                                   sublinear_tf=True)))
        weights = {name: 1.0 for name, _ in blocks}
        if self.rhetoric_features:
            blocks.append(("rhetoric", Pipeline([("featurize", RhetoricFeaturizer()),
                                                 ("scale", StandardScaler())])))
            weights["rhetoric"] = float(self.rhetoric_weight)
        features = FeatureUnion(blocks, transformer_weights=weights)
        if self.classifier == "logistic":
            model: Any = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter,
                                            random_state=self.random_state)
        else:
            model = CalibratedClassifierCV(
                LinearSVC(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter,
                          random_state=self.random_state),
                method="sigmoid", cv=3)
        return Pipeline([("features", features), ("model", model)])

    def fit(self, X: Any, y: Any) -> "FrameClassifier":
        """Fit on raw texts ``X`` and their labels ``y``."""
        texts = as_texts(X)
        labels = np.asarray(y)
        if labels.ndim != 1 or len(labels) != len(texts):
            raise ValueError(f"expected one label per text: {len(texts)} texts, labels of shape {labels.shape}")
        if len(np.unique(labels)) < 2:
            raise ValueError("need at least two classes to train a classifier")
        self.pipeline_ = self._build().fit(texts, labels)
        self.classes_ = self.pipeline_.classes_
        return self

    def predict(self, X: Any) -> np.ndarray:
        """The predicted label of each text."""
        check_is_fitted(self, "pipeline_")
        return self.pipeline_.predict(as_texts(X))

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, columns in the order of ``classes_``."""
        check_is_fitted(self, "pipeline_")
        return self.pipeline_.predict_proba(as_texts(X))

    def decision_function(self, X: Any) -> np.ndarray:
        """Scores of the linear model (logistic) or calibrated SVM (log-probabilities)."""
        check_is_fitted(self, "pipeline_")
        texts = as_texts(X)
        if self.classifier == "logistic":
            return self.pipeline_.decision_function(texts)
        return np.log(np.clip(self.pipeline_.predict_proba(texts), 1e-12, None))

    def top_features(self, n: int = 10) -> dict[str, list[str]]:
        """The ``n`` highest-weighted features of each class (logistic only), for
        inspecting what the model learned. Binary models list the positive class
        under ``classes_[1]`` and the negative one under ``classes_[0]``."""
        check_is_fitted(self, "pipeline_")
        if self.classifier != "logistic":
            raise ValueError("top_features needs classifier='logistic'")
        names = self.pipeline_.named_steps["features"].get_feature_names_out()
        coef = self.pipeline_.named_steps["model"].coef_
        if coef.shape[0] == 1:
            coef = np.vstack([-coef[0], coef[0]])
        return {str(label): [str(names[i]) for i in np.argsort(-row, kind="stable")[:n]]
                for label, row in zip(self.classes_, coef)}

    def __sklearn_tags__(self):  # raw texts in
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags
