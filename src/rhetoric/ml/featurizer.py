"""Raw texts → numeric rhetoric features, as a scikit-learn transformer.

:class:`RhetoricFeaturizer` turns each text into one row of named features:

- ``log_tokens``: log(1 + word tokens);
- ``mean_compound``, ``share_negative``, ``share_positive``: VADER compound
  score averaged over sentences, and the share of sentences below -0.05 /
  above 0.05 (Hutto & Gilbert's cut-offs); 0.0 (neutral) for a text without
  sentences, where the articles table has None, since estimators need a number;
- ``threats_per_1k``, ``show_of_force_per_1k``: :func:`rhetoric.extract_threats`
  threats and shows of force per 1,000 tokens (a show of force is not a threat,
  as in the articles table's ``n_threats`` and ``n_show_of_force``);
- ``<device>_per_1k``: :func:`rhetoric.extract_devices` spans per 1,000 tokens
  for each kind in :data:`rhetoric.extract.devices.DEVICE_KINDS`;
- ``<scheme>__<frame>``: every frame score of :func:`rhetoric.score_frames`.

It learns nothing (``fit`` only records the feature names), so it can sit in a
:class:`~sklearn.pipeline.Pipeline` before any estimator; scale its output
(e.g. :class:`~sklearn.preprocessing.StandardScaler`) for linear models.

>>> featurizer = RhetoricFeaturizer(schemes=("security",))
>>> X = featurizer.fit_transform(["Talks resumed.", "They called it an act of war."])
>>> X.shape == (2, len(featurizer.get_feature_names_out()))
True
>>> float(X[1, list(featurizer.get_feature_names_out()).index("security__act_of_war")])
1.0
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from rhetoric.extract.devices import DEVICE_KINDS, extract_devices
from rhetoric.extract.framing import SCHEMES, score_frames
from rhetoric.extract.threats import extract_threats
from rhetoric.features import article_features
from rhetoric.text.document import Document

__all__ = ["RhetoricFeaturizer", "as_texts"]

_SENTIMENT = ("mean_compound", "share_negative", "share_positive")
_THREATS = ("threats_per_1k", "show_of_force_per_1k")


def as_texts(X: Any) -> list[str]:
    """A list of strings from a list, tuple, 1-D array, pandas Series or a
    one-column 2-D array/DataFrame of texts; missing values become ``""``.

    >>> as_texts(["a", None, 3])
    ['a', '', '3']
    """
    if isinstance(X, str):
        raise TypeError("expected a collection of texts, got a single string; wrap it in a list")
    if hasattr(X, "columns"):  # DataFrame
        if X.shape[1] != 1:
            raise ValueError(f"expected one column of texts, got {X.shape[1]} columns")
        X = X.iloc[:, 0]
    array = np.asarray(X, dtype=object)
    if array.ndim == 2:
        if array.shape[1] != 1:
            raise ValueError(f"expected one column of texts, got shape {array.shape}")
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(f"expected a 1-D collection of texts, got shape {array.shape}")
    texts = []
    for value in array:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            texts.append("")
        else:
            texts.append(value if isinstance(value, str) else str(value))
    return texts


class RhetoricFeaturizer(TransformerMixin, BaseEstimator):
    """Transform raw texts into rhetoric features (see the module docstring).

    Parameters
    ----------
    sentiment, threats, devices : bool
        Include the sentiment, threat-rate and device-rate features.
    schemes : sequence of str or None
        Frame schemes to include (keys of :data:`rhetoric.extract.framing.SCHEMES`);
        ``None`` means all, ``()`` none.
    """

    def __init__(self, sentiment: bool = True, threats: bool = True, devices: bool = True,
                 schemes: Sequence[str] | None = None) -> None:
        self.sentiment = sentiment
        self.threats = threats
        self.devices = devices
        self.schemes = schemes

    def _schemes(self) -> tuple[str, ...]:
        if self.schemes is None:
            return tuple(SCHEMES)
        unknown = [s for s in self.schemes if s not in SCHEMES]
        if unknown:
            raise ValueError(f"unknown frame scheme(s) {unknown}; known: {list(SCHEMES)}")
        return tuple(self.schemes)

    def _names(self) -> list[str]:
        names = ["log_tokens"]
        if self.sentiment:
            names += _SENTIMENT
        if self.threats:
            names += _THREATS
        if self.devices:
            names += [f"{kind}_per_1k" for kind in DEVICE_KINDS]
        for scheme in self._schemes():
            names += [f"{scheme}__{frame}" for frame in SCHEMES[scheme]]
        return names

    def fit(self, X: Iterable[str], y: Any = None) -> "RhetoricFeaturizer":
        """Check the parameters and record the feature names; learns nothing from X."""
        self.feature_names_out_ = np.asarray(self._names(), dtype=object)
        return self

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The names of the output columns, in order."""
        return np.asarray(self._names(), dtype=object)

    def _row(self, text: str, schemes: tuple[str, ...]) -> list[float]:
        doc = Document(text)
        compounds = [doc.sentiment(s.start, s.end).compound for s in doc.sentences] if self.sentiment else []
        threats = extract_threats(doc.text) if self.threats else None
        features = article_features(doc, compounds=compounds, threats=threats,
                                    devices=extract_devices(doc) if self.devices else None)
        n_tokens = features.n_tokens
        row = [math.log1p(n_tokens)]
        if self.sentiment:
            row += [features.mean_compound or 0.0, features.share_negative or 0.0, features.share_positive or 0.0]
        if self.threats:
            row += [1000 * features.n_threats / n_tokens if n_tokens else 0.0,
                    1000 * features.n_show_of_force / n_tokens if n_tokens else 0.0]
        if self.devices:
            row += [features.per_1k[kind] for kind in DEVICE_KINDS]
        if schemes:
            scores = {(f.scheme, f.frame): f.score for f in score_frames(doc)}
            for scheme in schemes:
                row += [scores.get((scheme, frame), 0.0) for frame in SCHEMES[scheme]]
        return row

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """A float array of shape (n_texts, n_features)."""
        texts = as_texts(X)
        schemes = self._schemes()
        rows = [self._row(text, schemes) for text in texts]
        return np.asarray(rows, dtype=np.float64).reshape(len(texts), len(self._names()))

    def __sklearn_tags__(self):  # texts in, no fitting needed
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = False
        return tags
