"""Article-level features: the one definition behind the articles table
(:mod:`rhetoric.pipeline`) and :class:`rhetoric.ml.featurizer.RhetoricFeaturizer`.

- ``n_tokens``, ``n_sentences``: word tokens (:func:`rhetoric.text.sentences.count_tokens`)
  and sentences of the article;
- ``mean_compound``, ``share_negative``, ``share_positive``: the VADER
  compound score averaged over sentences and the share of sentences below
  -0.05 / above 0.05 (Hutto & Gilbert's cut-offs); None for an article
  without sentences, whose sentiment is undefined, not neutral;
- ``n_quotes``; ``n_threats`` (threats only) and ``n_show_of_force``
  (shows of force only): a show of force is a CAMEO 15 event, not a threat;
- ``per_1k``: device spans per 1,000 tokens for each device kind (0.0 for an
  article without tokens).

>>> from rhetoric.text.document import Document
>>> doc = Document("Seoul protested. Tokyo agreed.")
>>> f = article_features(doc, compounds=[-0.2, 0.3], quotes=[], threats=[], devices=[])
>>> f.n_sentences, f.mean_compound, f.share_negative, f.share_positive, f.n_threats
(2, 0.04999999999999999, 0.5, 0.5, 0)
>>> article_features(Document(""), compounds=[]).mean_compound is None
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rhetoric.extract.devices import DEVICE_KINDS
from rhetoric.sentiment.vader import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD

if TYPE_CHECKING:
    from rhetoric.extract.devices import Device
    from rhetoric.extract.quotes import Quote
    from rhetoric.extract.threats import Threat
    from rhetoric.text.document import Document

__all__ = ["ArticleFeatures", "article_features"]


@dataclass(frozen=True)
class ArticleFeatures:
    """The features of one article (see the module docstring); a count is None
    when its extractor was not run."""

    n_tokens: int
    n_sentences: int
    mean_compound: float | None
    share_negative: float | None
    share_positive: float | None
    n_quotes: int | None = None
    n_threats: int | None = None
    n_show_of_force: int | None = None
    threat_salience: float | None = None
    per_1k: dict[str, float] = field(default_factory=dict)


def article_features(doc: Document, *, compounds: Sequence[float], quotes: Sequence[Quote] | None = None,
                     threats: Sequence[Threat] | None = None, devices: Sequence[Device] | None = None,
                     threat_salience: float | None = None) -> ArticleFeatures:
    """The features of ``doc`` from what the extractors found in it.

    ``compounds`` are the VADER compound scores of its sentences, in order.
    """
    n_tokens = doc.n_tokens
    n = len(compounds)
    per_1k: dict[str, float] = {}
    if devices is not None:
        counts = Counter(device.device for device in devices)
        per_1k = {kind: (1000 * counts[kind] / n_tokens if n_tokens else 0.0) for kind in DEVICE_KINDS}
    return ArticleFeatures(
        n_tokens=n_tokens,
        n_sentences=n,
        mean_compound=sum(compounds) / n if n else None,
        share_negative=sum(c < NEGATIVE_THRESHOLD for c in compounds) / n if n else None,
        share_positive=sum(c > POSITIVE_THRESHOLD for c in compounds) / n if n else None,
        n_quotes=len(quotes) if quotes is not None else None,
        n_threats=sum(t.kind != "show_of_force" for t in threats) if threats is not None else None,
        n_show_of_force=sum(t.kind == "show_of_force" for t in threats) if threats is not None else None,
        threat_salience=threat_salience,
        per_1k=per_1k,
    )
