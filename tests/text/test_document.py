"""The Document: every layer computed once, shared by the extractors; no cache keyed by text."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import rhetoric
from rhetoric.text.document import LAYERS, Document, as_document

TEXT = ("“We are ready,” South Korean Defense Minister Park Seung-ho said on Monday. "
        "KCNA said the drills were “a rehearsal for invasion”.\n\n"
        "Resolution No. 2397 passed. The U.S. Air Force flew two B-52 bombers.")


def test_layers_are_computed_once_and_shared():
    doc = Document(TEXT, "a")
    assert doc.quotes is doc.quotes and doc.sentences is doc.sentences and doc.quote_marks is doc.quote_marks
    quotes = rhetoric.extract_quotes(doc)
    assert quotes == doc.quotes and all(a is b for a, b in zip(quotes, doc.quotes))
    assert quotes is not doc.quotes  # callers get their own list
    assert [q.kind for q in quotes] == ["direct", "mixed"]
    # actor sentiment reads the Document's quotes: the speaker comes from the quote extractor
    rows = rhetoric.actor_sentiment(doc)
    assert all(a is b for a, b in zip(rhetoric.extract_quotes(doc), quotes))
    assert [r.mention for r in rows][:2] == ["South Korean", "KCNA"]


def test_one_sentence_splitter_with_the_number_rule():
    doc = Document(TEXT)
    assert [s.text for s in doc.sentences][-2:] == ["Resolution No. 2397 passed.",
                                                     "The U.S. Air Force flew two B-52 bombers."]
    assert doc.sentence_at(doc.text.index("2397")).text == "Resolution No. 2397 passed."
    assert [(m.closed, doc.text[m.content_start:m.content_end]) for m in doc.quote_marks] == [
        (True, "We are ready,"), (True, "a rehearsal for invasion")]
    assert [doc.text[a:b] for a, b in doc.speech_cues.between(0, len(doc.text))] == ["said", "said"]


def test_sentiment_is_scored_once_per_span_and_equals_vader():
    doc = Document(TEXT)
    first = doc.sentences[0]
    scores = doc.sentiment(first.start, first.end)
    assert scores is doc.sentiment(first.start, first.end)
    assert scores == rhetoric.score_sentiment(first.text)
    assert doc.sentiment(first.start, first.end, domain=True) == rhetoric.score_sentiment(first.text, domain=True)


def test_extractors_take_a_string_or_a_document_alike():
    doc = Document(TEXT)
    for extract in (rhetoric.extract_quotes, rhetoric.extract_devices, rhetoric.score_frames,
                    rhetoric.actor_sentiment):
        assert extract(TEXT) == extract(doc), extract.__name__
    assert as_document(doc) is doc and not Document("")


def test_document_rejects_what_is_not_text():
    with pytest.raises(TypeError, match="Document text must be str, not bytes"):
        Document(b"Seoul")


def test_each_extractor_declares_the_layers_it_uses():
    from rhetoric.extract import devices, framing, quotes
    from rhetoric.sentiment import targeted

    for module in (quotes, devices, framing, targeted):
        assert module.USES and set(module.USES) <= set(LAYERS), module.__name__
        for layer in module.USES:
            assert hasattr(Document("x"), layer), layer


def _functions_cached_by_text():
    found = []
    for info in pkgutil.walk_packages(rhetoric.__path__, "rhetoric."):
        if info.name.startswith(("rhetoric.reporting", "rhetoric.cli", "rhetoric.__main__")):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if callable(value) and hasattr(value, "cache_info") and getattr(value, "__module__", "") == info.name:
                parameters = inspect.signature(value).parameters
                if any(p in parameters for p in ("text", "sentence", "article", "paragraph")):
                    found.append(f"{info.name}.{name}")
    return found


#: Caches by text still needed by code written before the Document (see the comment at each).
TRANSITIONAL = ["rhetoric.text.sentences._split_sentences_transitional"]


def test_no_cache_is_keyed_by_text():
    assert _functions_cached_by_text() == TRANSITIONAL
