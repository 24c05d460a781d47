"""`import rhetoric` stays light: the heavy libraries load only when a function needs them."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("pandas", "pyarrow", "sklearn", "nltk", "dask", "distributed", "scipy", "numpy", "vaderSentiment",
         "papermill", "nbformat")


def _modules_after(code: str) -> set[str]:
    script = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in json.loads(done.stdout.strip().splitlines()[-1])}


def test_import_rhetoric_loads_no_heavy_library():
    loaded = _modules_after("import rhetoric")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_public_names_load_on_first_use():
    loaded = _modules_after("import rhetoric\nrhetoric.Document('Seoul protested.').quote_marks")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    # splitting sentences imports NLTK (whose package import pulls in scikit-learn itself)
    assert "nltk" in _modules_after("import rhetoric\nrhetoric.Document('Seoul protested.').sentences")
    loaded = _modules_after("import rhetoric\nrhetoric.FrameClassifier")
    assert "sklearn" in loaded


def test_every_public_name_resolves_and_dir_lists_it():
    import rhetoric

    for name in rhetoric.__all__:
        assert getattr(rhetoric, name) is not None, name
    assert set(rhetoric.__all__) <= set(dir(rhetoric))
    assert not hasattr(rhetoric, "frame_scores") and not hasattr(rhetoric, "domain_sentiment")
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        rhetoric.nonsense  # noqa: B018


def test_package_logger_has_a_null_handler():
    import logging

    import rhetoric  # noqa: F401

    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("rhetoric").handlers)
