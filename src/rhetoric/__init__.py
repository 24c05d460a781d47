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

from rhetoric.text.document import Document, as_document
from rhetoric.text.actors import ActorMention, find_actors
from rhetoric.io.corpus import Corpus, CorpusError, load_corpus
from rhetoric.extract.devices import Device, extract_devices
from rhetoric.extract.framing import FrameScore, frame_scores, score_frames
from rhetoric.extract.quotes import Quote, extract_quotes
from rhetoric.sentiment.vader import Sentiment, domain_sentiment, score_sentiment
from rhetoric.sentiment.targeted import ActorSentiment, actor_sentiment, actor_sentiment_summary, target_sentiment
from rhetoric.text.sentences import Sentence, split_sentences
from rhetoric.extract.threats import Threat, extract_threats
from rhetoric.pipeline import Tables, analyze, analyze_dask, extract_corpus
from rhetoric.reporting.reports import record
from rhetoric.ml.featurizer import RhetoricFeaturizer
from rhetoric.ml.classifier import FrameClassifier

__all__ = [
    "__version__",
    "Document", "as_document",
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
