"""rhetoric: the computational study of rhetoric in news about international
security — quoted officials, threats and shows of force, rhetorical devices,
sentiment and framing — as tidy pandas tables.

The names below are loaded on first use, so ``import rhetoric`` stays light
(no pandas, scikit-learn, NLTK or Dask until a function needs them).

>>> import rhetoric
>>> [s.text for s in rhetoric.split_sentences("Seoul protested. Tokyo agreed.")]
['Seoul protested.', 'Tokyo agreed.']

The package logs to the ``rhetoric`` logger (an extractor that fails on an
article is logged there and recorded in the errors table); it has a
NullHandler, so nothing is printed unless you configure logging.
"""

from __future__ import annotations

import importlib
import logging
from importlib.metadata import PackageNotFoundError, version as _version
from typing import TYPE_CHECKING, Any

try:
    __version__ = _version("rhetoric")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

logging.getLogger(__name__).addHandler(logging.NullHandler())

#: Public name → the module that defines it (imported on first access).
_EXPORTS: dict[str, str] = {
    "Document": "rhetoric.text.document", "as_document": "rhetoric.text.document",
    "ActorMention": "rhetoric.text.actors", "find_actors": "rhetoric.text.actors",
    "Sentence": "rhetoric.text.sentences", "split_sentences": "rhetoric.text.sentences",
    "Corpus": "rhetoric.io.corpus", "CorpusError": "rhetoric.io.corpus", "load_corpus": "rhetoric.io.corpus",
    "Device": "rhetoric.extract.devices", "extract_devices": "rhetoric.extract.devices",
    "FrameScore": "rhetoric.extract.framing", "score_frames": "rhetoric.extract.framing",
    "Quote": "rhetoric.extract.quotes", "extract_quotes": "rhetoric.extract.quotes",
    "Threat": "rhetoric.extract.threats", "extract_threats": "rhetoric.extract.threats",
    "Sentiment": "rhetoric.sentiment.vader", "score_sentiment": "rhetoric.sentiment.vader",
    "ActorSentiment": "rhetoric.sentiment.targeted", "actor_sentiment": "rhetoric.sentiment.targeted",
    "actor_sentiment_summary": "rhetoric.sentiment.targeted", "target_sentiment": "rhetoric.sentiment.targeted",
    "ArticleFeatures": "rhetoric.features", "article_features": "rhetoric.features",
    "Tables": "rhetoric.io.tables",
    "analyze": "rhetoric.pipeline", "analyze_dask": "rhetoric.pipeline", "extract_corpus": "rhetoric.pipeline",
    "record": "rhetoric.reporting.reports",
    "RhetoricFeaturizer": "rhetoric.ml.featurizer",
    "FrameClassifier": "rhetoric.ml.classifier",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rhetoric' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:  # for type checkers and IDEs: the same names, imported eagerly
    from rhetoric.extract.devices import Device, extract_devices
    from rhetoric.extract.framing import FrameScore, score_frames
    from rhetoric.extract.quotes import Quote, extract_quotes
    from rhetoric.extract.threats import Threat, extract_threats
    from rhetoric.features import ArticleFeatures, article_features
    from rhetoric.io.corpus import Corpus, CorpusError, load_corpus
    from rhetoric.io.tables import Tables
    from rhetoric.ml.classifier import FrameClassifier
    from rhetoric.ml.featurizer import RhetoricFeaturizer
    from rhetoric.pipeline import analyze, analyze_dask, extract_corpus
    from rhetoric.reporting.reports import record
    from rhetoric.sentiment.targeted import ActorSentiment, actor_sentiment, actor_sentiment_summary, target_sentiment
    from rhetoric.sentiment.vader import Sentiment, score_sentiment
    from rhetoric.text.actors import ActorMention, find_actors
    from rhetoric.text.document import Document, as_document
    from rhetoric.text.sentences import Sentence, split_sentences
