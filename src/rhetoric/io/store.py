"""Writing tables and manifests atomically and reproducibly.

Every file is written to a temporary name in the destination folder and
renamed over the final name only when complete, so a crash never leaves a
half-written table where a finished one belongs. Parquet files are written
with fixed settings (no timestamps, fixed row-group boundaries), so the same
rows give the same bytes.

>>> import pandas as pd, pyarrow as pa, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> schema = pa.schema([("doc_id", pa.string()), ("n", pa.int64())])
>>> path = write_table(pd.DataFrame({"doc_id": ["a"], "n": [1]}), schema, out / "t.parquet")
>>> read_table(path).to_dict("records")
[{'doc_id': 'a', 'n': 1}]
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

__all__ = [
    "atomic_path",
    "write_table",
    "read_table",
    "TableWriter",
    "write_json",
    "sha256_file",
    "remove_stale_temporaries",
    "PARQUET_OPTIONS",
]

#: Fixed writer options: part of what makes outputs byte-identical.
PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
}


@contextlib.contextmanager
def atomic_path(final: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``final``; rename it over ``final`` on
    success, delete it on failure."""
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; give the usual mode
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: str | os.PathLike[str], final_names: list[str]) -> list[Path]:
    """Delete temporary files that :func:`atomic_path` left beside
    ``final_names`` in ``folder`` when a run was killed (``kill -9`` gives it
    no chance to clean up). Returns what was removed. Two runs must not write
    into the same folder at once.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / ".t.parquet.abc123.tmp").write_bytes(b"half")
    >>> [p.name for p in remove_stale_temporaries(folder, ["t.parquet"])]
    ['.t.parquet.abc123.tmp']
    """
    removed = []
    folder = Path(folder)
    for name in final_names:
        for stale in folder.glob(f".{name}.*.tmp"):
            stale.unlink(missing_ok=True)
            removed.append(stale)
    return sorted(removed)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _to_arrow(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    missing = [name for name in schema.names if name not in frame.columns]
    if missing:
        raise ValueError(f"table is missing columns {missing}")
    arrays = []
    for field in schema:
        values = frame[field.name].tolist()
        arrays.append(pa.array([None if _is_missing(v) else v for v in values], type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    return value is pd.NaT or value is pd.NA


def write_table(frame: pd.DataFrame, schema: pa.Schema, path: str | os.PathLike[str]) -> Path:
    """Write ``frame`` (columns as in ``schema``) to Parquet atomically."""
    table = _to_arrow(frame, schema)
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp, **PARQUET_OPTIONS)
    return Path(path)


def read_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a Parquet table written by rhetoric into pandas."""
    return pq.read_table(path).to_pandas()


class TableWriter:
    """Stream rows into one Parquet file, one row group per ``write`` call;
    the file appears under its final name only on :meth:`close`.

    >>> import pyarrow as pa, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.parquet"
    >>> with TableWriter(out, pa.schema([("x", pa.int64())])) as writer:
    ...     writer.write([{"x": 1}, {"x": 2}]); writer.write([{"x": 3}])
    >>> read_table(out)["x"].tolist()
    [1, 2, 3]
    """

    def __init__(self, path: str | os.PathLike[str], schema: pa.Schema) -> None:
        self.path = Path(path)
        self.schema = schema
        self.rows = 0
        self._context = atomic_path(self.path)
        self._tmp = self._context.__enter__()
        self._writer = pq.ParquetWriter(self._tmp, schema, **PARQUET_OPTIONS)

    def write(self, rows: list[dict[str, Any]] | pa.Table) -> None:
        """Append ``rows`` (dicts keyed by column, or an Arrow table of this
        schema) as one row group; nothing is written for no rows."""
        if isinstance(rows, pa.Table):
            table = rows if rows.schema.equals(self.schema) else rows.select(self.schema.names).cast(self.schema)
        elif rows:
            columns = {name: [row.get(name) for row in rows] for name in self.schema.names}
            table = pa.Table.from_pydict(columns, schema=self.schema)
        else:
            return
        if table.num_rows == 0:
            return
        self._writer.write_table(table, row_group_size=table.num_rows)
        self.rows += table.num_rows

    def close(self) -> Path:
        if self.rows == 0:
            # An empty table still gets its schema and one (empty) row group.
            self._writer.write_table(self.schema.empty_table())
        self._writer.close()
        self._context.__exit__(None, None, None)
        return self.path

    def abort(self) -> None:
        """Discard the temporary file; the final path is left untouched."""
        with contextlib.suppress(Exception):
            self._writer.close()
        with contextlib.suppress(BaseException):
            self._context.__exit__(RuntimeError, RuntimeError("aborted"), None)

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def write_json(data: Any, path: str | os.PathLike[str]) -> Path:
    """Write JSON atomically, keys sorted, so equal data gives equal bytes."""
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return Path(path)


def sha256_file(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
