"""RhetoricFeaturizer: raw texts to named numeric features, alone and in a Pipeline."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from rhetoric import RhetoricFeaturizer
from rhetoric.extract.devices import DEVICE_KINDS
from rhetoric.extract.framing import SCHEMES, score_frames
from rhetoric.sentiment.vader import score_sentiment
from rhetoric.text.sentences import count_tokens, split_sentences

TEXTS = [
    "The talks were a great success. Both sides agreed to meet again.",
    "Pyongyang called the drills an act of war. It vowed merciless retaliation.",
    "",
]


def test_shape_and_names():
    featurizer = RhetoricFeaturizer().fit(TEXTS)
    X = featurizer.transform(TEXTS)
    names = list(featurizer.get_feature_names_out())
    n_frames = sum(len(frames) for frames in SCHEMES.values())
    assert X.shape == (3, 1 + 3 + 2 + len(DEVICE_KINDS) + n_frames) == (3, len(names))
    assert X.dtype == np.float64 and np.isfinite(X).all()
    assert names[:4] == ["log_tokens", "mean_compound", "share_negative", "share_positive"]
    assert "security__act_of_war" in names and "semetko_valkenburg_items__con2" in names
    assert len(set(names)) == len(names)


def test_values_match_the_underlying_measures():
    featurizer = RhetoricFeaturizer().fit(TEXTS)
    X = featurizer.transform(TEXTS)
    column = {name: j for j, name in enumerate(featurizer.get_feature_names_out())}
    for i, text in enumerate(TEXTS):
        compounds = [score_sentiment(s.text).compound for s in split_sentences(text)]
        assert X[i, column["log_tokens"]] == pytest.approx(np.log1p(count_tokens(text)))
        assert X[i, column["mean_compound"]] == pytest.approx(np.mean(compounds) if compounds else 0.0)
        assert X[i, column["share_negative"]] == (np.mean([c < -0.05 for c in compounds]) if compounds else 0.0)
        for row in score_frames(text):
            assert X[i, column[f"{row.scheme}__{row.frame}"]] == row.score
    assert X[0, column["mean_compound"]] > 0.3          # "a great success"
    assert X[1, column["share_negative"]] == 0.5         # "merciless retaliation"; VADER has no "act of war"
    assert X[1, column["security__act_of_war"]] == 0.5
    assert X[2].tolist() == [0.0] * X.shape[1]           # the empty text


def test_featurizer_and_articles_table_agree():
    """One definition of the article features: the featurizer's rates are the
    articles table's counts per 1,000 tokens; shows of force are not threats."""
    from rhetoric import analyze

    texts = ["North Korea threatened to strike Guam. Two B-52 bombers flew over the peninsula on Monday.",
             "The talks were a great success."]
    tables = analyze(pd.DataFrame({"doc_id": ["a", "b"], "text": texts}), jobs=1)
    featurizer = RhetoricFeaturizer(schemes=()).fit(texts)
    X = featurizer.transform(texts)
    column = {name: j for j, name in enumerate(featurizer.get_feature_names_out())}
    for i, article in enumerate(tables.articles.itertuples()):
        per_1k = 1000 / article.n_tokens
        assert X[i, column["threats_per_1k"]] == pytest.approx(article.n_threats * per_1k)
        assert X[i, column["show_of_force_per_1k"]] == pytest.approx(article.n_show_of_force * per_1k)
        assert X[i, column["mean_compound"]] == pytest.approx(article.mean_compound)
        for kind in DEVICE_KINDS:
            assert X[i, column[f"{kind}_per_1k"]] == getattr(article, f"{kind}_per_1k")
    assert tables.articles.n_threats.tolist()[0] >= 1 and tables.articles.n_show_of_force.tolist()[0] >= 1


def test_parameters_select_blocks():
    featurizer = RhetoricFeaturizer(sentiment=False, threats=False, devices=False, schemes=("security",))
    names = list(featurizer.fit(TEXTS).get_feature_names_out())
    assert names == ["log_tokens"] + [f"security__{f}" for f in SCHEMES["security"]]
    assert featurizer.transform(TEXTS).shape == (3, len(names))
    with pytest.raises(ValueError, match="unknown frame scheme"):
        RhetoricFeaturizer(schemes=("nope",)).fit(TEXTS)


def test_accepts_series_and_one_column_frame():
    featurizer = RhetoricFeaturizer(schemes=("security",))
    expected = featurizer.fit_transform(TEXTS)
    assert np.array_equal(featurizer.transform(pd.Series(TEXTS)), expected)
    assert np.array_equal(featurizer.transform(pd.DataFrame({"text": TEXTS})), expected)
    with pytest.raises(TypeError):
        featurizer.transform("a single string")


def test_in_a_pipeline_before_a_classifier():
    texts = ["Talks resumed and diplomats praised the calm dialogue."] * 4 + [
        "They denounced the act of war and threatened merciless retaliation."] * 4
    labels = ["dove"] * 4 + ["hawk"] * 4
    pipeline = make_pipeline(RhetoricFeaturizer(schemes=("security",)), StandardScaler(), LogisticRegression())
    pipeline.fit(texts, labels)
    assert pipeline.predict(["Envoys held calm talks.", "An act of war, they said, promising retaliation."]).tolist() == [
        "dove", "hawk"]
    assert list(pipeline[:-1].get_feature_names_out())[:1] == ["log_tokens"]


def test_clone_keeps_parameters():
    featurizer = RhetoricFeaturizer(devices=False, schemes=("policy_frames",))
    copy = clone(featurizer)
    assert copy.get_params() == featurizer.get_params()
