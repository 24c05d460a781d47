"""The provenance record written beside every output (``manifest.json``).

It holds versions, the sha256 of every shipped lexicon, parameters, input
and output hashes, and no timestamps or absolute paths, so equal runs give
equal manifests.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from rhetoric import __version__
from rhetoric.io.store import sha256_file
from rhetoric.io.tables import TABLE_NAMES
from rhetoric.lexicons import lexicon_hashes
from rhetoric.sentiment.vader import VADER_IMPLEMENTATION

__all__ = ["build_manifest"]


def build_manifest(input_path: str | os.PathLike[str], files: list[Path], outdir: Path, *,
                   parameters: dict[str, Any], engine: dict[str, Any], rows: dict[str, int]) -> dict[str, Any]:
    """The provenance record written beside every output: versions,
    the sha256 of every shipped lexicon (editing one is how rules are
    extended), parameters, input hashes, row counts and output hashes. It holds no
    timestamps and no absolute paths, so equal runs give equal manifests."""
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    return {
        "rhetoric_version": __version__,
        "python": ".".join(map(str, sys.version_info[:3])),
        "dependencies": {name: installed(name) for name in
                         ("pandas", "pyarrow", "nltk", "vaderSentiment", "scikit-learn", "numpy", "pycountry")},
        "vader_implementation": VADER_IMPLEMENTATION,
        "lexicons": lexicon_hashes(),
        "parameters": parameters,
        "engine": engine,
        "input": {
            "path": _portable(Path(input_path)),
            "files": [{"path": _portable(file), "bytes": file.stat().st_size, "sha256": sha256_file(file)} for file in files],
        },
        "tables": {name: {"file": f"{name}.parquet", "rows": rows[name],
                          "sha256": sha256_file(outdir / f"{name}.parquet")} for name in TABLE_NAMES},
    }


def _portable(path: Path) -> str:
    """A path relative to the working directory when it lies below it, so
    manifests do not record where a machine keeps its files."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix() if not path.is_absolute() else path.name
