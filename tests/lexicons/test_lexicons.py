"""The lexicon loader: every shipped lexicon documents itself, and its hash is in the manifest."""

from __future__ import annotations

import hashlib
import json
from importlib import resources

import pytest

from rhetoric.lexicons import lexicon_hashes, lexicon_info, lexicon_names, read_lexicon_lines


def test_every_lexicon_has_purpose_source_and_licence():
    names = lexicon_names()
    assert len(names) >= 20 and "speech_verbs.tsv" in names
    for name in names:
        info = lexicon_info(name)
        assert info.purpose and len(info.purpose) > 20, f"{name}: no 'Purpose:' in its header"
        assert info.source and len(info.source) > 10, f"{name}: no 'Source:' in its header"
        assert info.licence and ("CC0" in info.licence or "CC-BY" in info.licence or "MIT" in info.licence), \
            f"{name}: no 'Licence:' in its header"


def test_header_fields_are_read_from_the_file():
    info = lexicon_info("speech_verbs.tsv")
    assert info.purpose.startswith("rhetoric.extract.quotes finds attributions")
    assert info.licence == "CC0."
    assert "Purpose:" in info.header and not info.header.startswith("#")


def test_hashes_are_the_files_sha256():
    hashes = lexicon_hashes()
    assert set(hashes) == set(lexicon_names())
    raw = resources.files("rhetoric.lexicons").joinpath("abbreviations.txt").read_bytes()
    assert hashes["abbreviations.txt"] == hashlib.sha256(raw).hexdigest()


def test_unknown_or_unsafe_names_are_refused():
    with pytest.raises(FileNotFoundError, match="no lexicon 'missing.tsv'"):
        read_lexicon_lines("missing.tsv")
    with pytest.raises(ValueError, match="not a lexicon file name"):
        read_lexicon_lines("../__init__.py")


def test_manifest_records_every_lexicon_hash(tmp_path):
    from rhetoric import extract_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Seoul protested. Tokyo agreed.")
    extract_corpus(corpus, tmp_path / "out", jobs=1)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["lexicons"] == lexicon_hashes()
