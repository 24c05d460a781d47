"""Sentiment toward targets and actors, as opposed to a sentence's overall tone.

:func:`target_sentiment` scores the text's sentiment toward one mention
(``text[start:end]``): "Congress moved to censure Mr. Trump" is negative
toward Trump although VADER finds the sentence neutral. It is a small
multinomial logistic regression over transparent features — VADER scores of
the sentence, of the clause around the mention and of the words either side
of it; the words near the mention, with their side; whether the mention is the
object, subject or passive subject of a verb that casts its object in a bad or
good light (``lexicons/target_roles.tsv``); whether it is quoted or speaking.
It was trained (``benchmarks/train_target_sentiment.py``) on 80% of the
NewsMTSC training sentences (Hamborg & Donnay 2021), split by story/article;
the weights ship in ``models/target_sentiment.json.gz`` (plain JSON, no
pickle) and the remaining 20% gives the held-out figure of
``benchmarks/target_sentiment.py``: 3-class macro-F1 0.649, against 0.521 for
plain sentence VADER on the same items. NewsMTSC is US political news; on
security news the model is untested against gold labels, and it misses some
negations ("will never accept a nuclear North Korea"). The features and
weights live in :mod:`rhetoric.sentiment.target_model`, the clauses and
speakers in :mod:`rhetoric.sentiment.voices`.

:func:`actor_sentiment` applies it to every actor mention
(:func:`rhetoric.text.actors.find_actors`) and every word that refers to an
actor without naming it ("he", "the ministry": ``Document.actor_references``;
column ``via``), and keeps apart who is speaking: a U.S.
official's quote about North Korea is sentiment toward North Korea
``voiced_by`` the United States. Each row also carries the raw VADER compound
of the clause around the mention and, in its own column, the domain-mode
compound of that clause (:func:`rhetoric.sentiment.vader.score_sentiment` with
``domain=True``).

Speakers come from the Document's quotes (:func:`rhetoric.extract.quotes.extract_quotes`)
when they hold the mention, else from a light fallback: the Document's paired
quotation marks (:mod:`rhetoric.text.quotemarks`, multi-paragraph quotes
included) with "…," X said / said X / X said: around them, and reported speech
in the mention's sentence ("X said (that) …", "…, X said.", "according to X").
``voiced_by`` is the country of the first actor named in the speaker, so an
unaffiliated "the spokesman" gives a speaker but no ``voiced_by``.

Article-level mean sentiment toward each actor is a group-by on the
actor_sentiment table — ``tables.actor_sentiment.groupby(["doc_id",
"country"]).compound.mean()`` (or ``"actor"`` for the Pentagon apart from the
United States; add ``"voiced_by"`` to keep the voices apart) — or
:func:`actor_sentiment_summary` on rows or records.

>>> text = "Congress moved to censure Mr. Trump."
>>> target_sentiment(text, 29, 34) < -0.05
True
>>> [(row.mention, row.voiced_by) for row in actor_sentiment(
...     'North Korea\\'s state media accused "the U.S. imperialists" of seeking war.')]
[('North Korea', None), ('U.S.', 'North Korea')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rhetoric.sentiment.target_model import (MODEL_FILE, _clip, _document_scorer, _features, _model, _Prepared,
                                             _prepare, _probabilities, _score, _sentence_around, target_features)
from rhetoric.sentiment.voices import (_INVERTED_SPEAKER_BEFORE, _PARENTHETICAL, _TRAILING_ATTRIBUTION, _affiliation,
                                       _clause_breaks, _clause_in_sentence, _quote_chains, _speaker_after,
                                       _speaker_before, _trim_speaker, clause_span)
from rhetoric.text.document import Document, as_document

#: The Document layers actor sentiment reads.
USES = ("sentences", "actor_mentions", "quotes", "quote_marks", "sentiment", "discourse", "actor_references")

__all__ = [
    "USES",
    "ActorSentiment",
    "actor_sentiment",
    "actor_sentiment_summary",
    "target_sentiment",
    "target_probabilities",
    "target_features",
    "clause_span",
    "MODEL_FILE",
]



@dataclass(frozen=True, slots=True)
class ActorSentiment:
    """Sentiment toward one actor mention; offsets index the given text.

    ``compound`` is :func:`target_sentiment` toward the mention;
    ``compound_clause`` is plain VADER of the clause
    ``text[clause_start:clause_end]`` around it and ``compound_domain`` the
    same clause scored in domain mode. ``speaker`` (``text[speaker_start:
    speaker_end]``) is who voices the sentiment when the mention sits in a
    quotation or reported speech, ``voiced_by`` the country (or body) that
    speaker belongs to when it names one; both are None in the outlet's own
    narration. ``via`` is "gazetteer" for a name the actor table knows, else
    the reference rule that resolved a word naming no actor ("pronoun": "he"
    after Putin; "description": "the ministry"; see
    :mod:`rhetoric.text.references`).
    """

    start: int
    end: int
    mention: str
    actor: str
    country: str
    sent_id: int
    clause_start: int
    clause_end: int
    in_quote: bool
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    voiced_by: str | None
    compound: float
    compound_clause: float
    compound_domain: float
    via: str = "gazetteer"


def target_probabilities(text: str | Document, start: int, end: int) -> dict[int, float]:
    """Model probabilities {-1: negative, 0: neutral, 1: positive} toward
    ``text[start:end]``, judged within the sentence that holds it.

    >>> p = target_probabilities("Seoul praised Tokyo for its help.", 14, 19)
    >>> round(sum(p.values()), 6), max(p, key=p.get)
    (1.0, 1)
    """
    doc = as_document(text)
    span = _clip(doc.text, start, end)
    if span is None:
        return {-1: 0.0, 0: 1.0, 1: 0.0}
    start, end = span
    s_start, s_end = _sentence_around(doc, start, end)
    sentence = doc.text[s_start:s_end]
    return _probabilities(_features(sentence, start - s_start, end - s_start, _prepare(sentence),
                                    _document_scorer(doc, s_start)))


def target_sentiment(text: str | Document, start: int, end: int) -> float:
    """Sentiment of ``text`` toward the mention ``text[start:end]``, in [-1, 1].

    The score is the model's P(positive) − P(negative), placed so that
    Hutto & Gilbert's cut-offs (> 0.05 positive, < -0.05 negative) return the
    model's most probable class. Only the sentence holding the mention is
    read. Empty or out-of-range spans score 0.0.

    >>> text = "Congress moved to censure Mr. Trump."
    >>> target_sentiment(text, 29, 34) < -0.05
    True
    >>> target_sentiment(text, 5, 5)
    0.0
    """
    doc = as_document(text)
    span = _clip(doc.text, start, end)
    if span is None:
        return 0.0
    return _score(target_probabilities(doc, *span))


# --------------------------------------------------------------------------
# Actor-targeted sentiment
# --------------------------------------------------------------------------

def actor_sentiment(text: str | Document) -> list[ActorSentiment]:
    """Sentiment toward each actor mention in ``text`` (a string or a
    :class:`~rhetoric.text.document.Document`), left to right.

    >>> rows = actor_sentiment('"Pyongyang\\'s reckless provocation must stop," Defense Secretary Hale said. '
    ...                        'Seoul praised Washington for its support.')
    >>> [(r.actor, r.voiced_by, r.speaker, r.compound < -0.05) for r in rows]
    [('North Korea', 'United States', 'Defense Secretary Hale', True), ('South Korea', None, None, False), ('United States', 'South Korea', 'Seoul', False)]
    >>> rows[0].compound_clause > rows[0].compound_domain
    True
    """
    if not isinstance(text, (str, Document)) or not text:
        return []
    doc = as_document(text)
    text = doc.text
    mentions = _targets(doc)
    if not mentions:
        return []
    sentences = doc.sentences
    quote_spans = _quote_chains(doc)
    speakers_by_quote: dict[tuple[int, int], tuple[tuple[int, int] | None, str | None]] = {}
    for quote, (speaker_state, _rule) in zip(doc.quotes, doc.discourse.speaker_states):
        span = None
        if quote.speaker_start is not None and quote.speaker_end is not None:
            span = (quote.speaker_start, quote.speaker_end)
        affiliation = None
        if quote.speaker_affiliation:
            affiliation = _affiliation(quote.speaker_affiliation, (0, len(quote.speaker_affiliation)))
        if affiliation is None:
            affiliation = _affiliation(text, span)
        if affiliation is None:
            affiliation = speaker_state  # found through the article: "Glazyev, Mr Putin's adviser"
        speakers_by_quote[(quote.content_start, quote.content_end)] = (span, affiliation)

    rows: list[ActorSentiment] = []
    sentence_index = 0
    prepared: dict[str, _Prepared] = {}
    clause_breaks: dict[tuple[int, int], list[tuple[int, int, bool]]] = {}
    for mention in mentions:
        while sentence_index + 1 < len(sentences) and sentences[sentence_index].end <= mention.start:
            sentence_index += 1
        if sentences and sentences[sentence_index].start <= mention.start < sentences[sentence_index].end:
            sentence = sentences[sentence_index]
            s_start, s_end, sent_id = sentence.start, max(sentence.end, mention.end), sentence.sent_id
        else:
            s_start, s_end, sent_id = 0, len(text), -1
        sentence_text = text[s_start:s_end]
        if sentence_text not in prepared:
            prepared[sentence_text] = _prepare(sentence_text)
        probabilities = _probabilities(_features(sentence_text, mention.start - s_start, mention.end - s_start,
                                                 prepared[sentence_text], _document_scorer(doc, s_start)))
        if (s_start, s_end) not in clause_breaks:
            clause_breaks[s_start, s_end] = _clause_breaks(text, s_start, s_end)
        clause_start, clause_end = _clause_in_sentence(text, s_start, s_end, mention.start, mention.end,
                                                       clause_breaks[s_start, s_end])
        speaker, voiced_by, in_quote = _voice(text, mention.start, mention.end, s_start, s_end,
                                              sentences, quote_spans, speakers_by_quote)
        rows.append(ActorSentiment(
            start=mention.start, end=mention.end, mention=mention.text, actor=mention.actor,
            country=mention.country, sent_id=sent_id, clause_start=clause_start, clause_end=clause_end,
            in_quote=in_quote, speaker=text[speaker[0]:speaker[1]] if speaker else None,
            speaker_start=speaker[0] if speaker else None, speaker_end=speaker[1] if speaker else None,
            voiced_by=voiced_by, compound=_score(probabilities),
            compound_clause=doc.sentiment(clause_start, clause_end).compound,
            compound_domain=doc.sentiment(clause_start, clause_end, domain=True).compound,
            via=mention.via,
        ))
    return rows


@dataclass(frozen=True, slots=True)
class _Target:
    start: int
    end: int
    text: str
    actor: str
    country: str
    via: str


def _targets(doc: Document) -> list[_Target]:
    """The spans sentiment is scored toward, in text order: every gazetteer
    mention, and every actor reference (``Document.actor_references``) except
    a quote's speaker span and "we" in a speaker's own words, which voice
    sentiment rather than receive it."""
    found = [_Target(m.start, m.end, m.text, m.actor, m.country, "gazetteer") for m in doc.actor_mentions]
    found += [_Target(r.start, r.end, r.text, r.state, r.state, r.via) for r in doc.actor_references
              if r.via not in ("speaker", "first_person")]
    return sorted(found, key=lambda t: (t.start, t.end))


def _voice(text: str, start: int, end: int, s_start: int, s_end: int, sentences: list,
           quote_spans: list[tuple[int, int, int, int]],
           speakers_by_quote: dict[tuple[int, int], tuple[tuple[int, int] | None, str | None]],
           ) -> tuple[tuple[int, int] | None, str | None, bool]:
    """(speaker span, voiced_by, in_quote) for a mention at [start, end)."""
    # 1. A quote from rhetoric.extract.quotes holding the mention.
    for (q_start, q_end), (span, affiliation) in speakers_by_quote.items():
        if q_start <= start and end <= q_end:
            return span, affiliation, True
        if span and span[0] <= start < span[1]:  # the mention names the speaker
            return None, None, False
    # 2. Our own quotation marks.
    for q_start, q_end, chain_open, chain_close in quote_spans:
        if q_start <= start and end <= q_end:
            closing_sentence = next((s for s in sentences if s.start <= chain_close - 1 < s.end), None)
            speaker = _speaker_after(text, chain_close, closing_sentence.end if closing_sentence else len(text))
            if speaker is None:
                index = next((k for k, s in enumerate(sentences) if s.start <= chain_open < s.end), None)
                if index is not None:
                    speaker = _speaker_before(text, sentences[index].start, chain_open)
                    if speaker is None and index > 0 and sentences[index - 1].start < chain_open:
                        previous = sentences[index - 1]
                        if previous.text.rstrip().endswith(":") or sentences[index].start == chain_open:
                            speaker = _speaker_before(text, previous.start, previous.end)
                            closing = max(text.rfind('"', previous.start, previous.end),
                                          text.rfind("”", previous.start, previous.end))
                            if speaker is None and closing >= 0:  # '"…," said Ri. "…"'
                                speaker = _speaker_after(text, closing + 1, previous.end)
            return _own_voice(speaker, start, end, text, in_quote=True)
    # 3. Reported speech in the mention's sentence: "X said (that) … mention"
    #    or "mention …, X said." A mention in an inverted attribution
    #    ("…, said a South Korean official") is the speaker itself.
    inverted = _INVERTED_SPEAKER_BEFORE.search(text, s_start, start)
    if inverted is not None:
        previous_comma = text.rfind(",", s_start, inverted.start())
        if previous_comma < 0 or not _PARENTHETICAL.match(text, previous_comma + 1):
            return None, None, False  # not "Ri, in a statement, said …"
    speaker = _speaker_before(text, s_start, start)
    if speaker is None:
        tail = _TRAILING_ATTRIBUTION.search(text, end, s_end)
        if tail is not None:
            group = "speaker" if tail.group("speaker") else "according"
            speaker = _trim_speaker(text, tail.start(group), tail.end(group))
    return _own_voice(speaker, start, end, text, in_quote=False)


def _own_voice(speaker: tuple[int, int] | None, start: int, end: int, text: str, *, in_quote: bool,
               ) -> tuple[tuple[int, int] | None, str | None, bool]:
    if speaker is None or (speaker[0] <= start < speaker[1]):
        # No speaker, or the mention is the speaker itself.
        return None, None, in_quote
    return speaker, _affiliation(text, speaker), in_quote


def actor_sentiment_summary(rows: Iterable[ActorSentiment | Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Mean sentiment toward each actor: one dict per (doc_id, actor,
    country, voiced_by) with ``n_mentions`` and the means of ``compound``,
    ``compound_clause`` and ``compound_domain``. Rows may be ActorSentiment
    objects or actor_sentiment table records (with ``doc_id``); on the
    table, ``tables.actor_sentiment.groupby(["doc_id", "actor"]).compound.mean()``
    is the same figure.

    >>> summary = actor_sentiment_summary(actor_sentiment("Seoul praised Tokyo. Seoul thanked Tokyo."))
    >>> [(s["actor"], s["n_mentions"]) for s in summary]
    [('Japan', 2), ('South Korea', 2)]
    """
    groups: dict[tuple, list[Mapping[str, Any]]] = {}
    for row in rows:
        record = row if isinstance(row, Mapping) else {name: getattr(row, name) for name in row.__slots__}
        key = tuple(_none_if_missing(record.get(name)) for name in ("doc_id", "actor", "country", "voiced_by"))
        groups.setdefault(key, []).append(record)
    summary = []
    for key in sorted(groups, key=lambda k: tuple("" if part is None else str(part) for part in k)):
        members = groups[key]
        doc_id, actor, country, voiced_by = key
        summary.append({
            "doc_id": doc_id, "actor": actor, "country": country, "voiced_by": voiced_by,
            "n_mentions": len(members),
            **{f"mean_{column}": round(sum(m[column] for m in members) / len(members), 6)
               for column in ("compound", "compound_clause", "compound_domain")},
        })
    return summary


def _none_if_missing(value: Any) -> Any:
    """None for None and NaN (how a table's empty string cells come back from pandas)."""
    return None if value is None or (isinstance(value, float) and value != value) else value

