"""rhetoric: the computational study of rhetoric in news about international
security — quoted officials, threats and shows of force, rhetorical devices,
sentiment and framing — as tidy pandas tables.

>>> import rhetoric
>>> [s.text for s in rhetoric.split_sentences("Seoul protested. Tokyo agreed.")]
['Seoul protested.', 'Tokyo agreed.']
"""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("rhetoric")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

from rhetoric.actors import ActorMention, find_actors
from rhetoric.corpus import Corpus, CorpusError, load_corpus
from rhetoric.devices import Device, extract_devices
from rhetoric.framing import FrameScore, frame_scores, score_frames
from rhetoric.quotes import Quote, extract_quotes
from rhetoric.sentiment import Sentiment, domain_sentiment, sentiment
from rhetoric.targeted import ActorSentiment, actor_sentiment, actor_sentiment_summary, target_sentiment
from rhetoric.text import Sentence, split_sentences
from rhetoric.threats import Threat, extract_threats
from rhetoric.pipeline import Tables, analyze, analyze_dask, extract_corpus
from rhetoric.reports import record
from rhetoric.featurizer import RhetoricFeaturizer
from rhetoric.classifier import FrameClassifier

__all__ = [
    "__version__",
    "ActorMention", "find_actors",
    "Corpus", "CorpusError", "load_corpus",
    "Device", "extract_devices",
    "FrameScore", "frame_scores", "score_frames",
    "FrameClassifier", "RhetoricFeaturizer",
    "Quote", "extract_quotes",
    "Sentiment", "sentiment", "domain_sentiment",
    "ActorSentiment", "actor_sentiment", "actor_sentiment_summary", "target_sentiment",
    "Sentence", "split_sentences",
    "Threat", "extract_threats",
    "Tables", "analyze", "analyze_dask", "extract_corpus",
    "record",
]
