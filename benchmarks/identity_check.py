"""Proof that a refactor moved nothing: extract a corpus and compare every table
with a saved run, byte for byte, and row by row where they differ.

    python benchmarks/identity_check.py data/raw/sample/articles --baseline /work/baseline/sample
    python benchmarks/identity_check.py CORPUS --baseline SAVED_OUTDIR [--outdir NEW_OUTDIR] [--jobs N]

The corpus is extracted with ``rhetoric extract`` into ``--outdir`` (a temporary
folder by default); each table of the baseline's manifest is then compared:

- ``identical``: the Parquet files have the same sha256;
- otherwise the tables are read and compared as data: added and removed rows
  (keyed on every column), and for tables of the same length the first rows
  whose cells differ, column by column.

Exit code 0 when every table is byte-identical, 1 otherwise. The manifest's
other fields (versions, parameters, lexicon hashes) are printed when they
differ but never fail the check: they describe the run, not its results.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

SHOW_ROWS = 8


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def extract(corpus: Path, outdir: Path, jobs: int) -> None:
    command = [sys.executable, "-m", "rhetoric", "extract", str(corpus), "-o", str(outdir), "-j", str(jobs), "-q"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in (0, 3):
        sys.exit(f"rhetoric extract failed ({done.returncode}):\n{done.stderr}")


def _cell(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 90 else text[:87] + "..."


def compare_table(name: str, old_path: Path, new_path: Path) -> bool:
    """Print how table ``name`` differs; True when byte-identical."""
    if not new_path.exists():
        print(f"{name:16} MISSING in the new run")
        return False
    if _sha256(old_path) == _sha256(new_path):
        print(f"{name:16} identical")
        return True
    import pandas as pd

    old, new = pd.read_parquet(old_path), pd.read_parquet(new_path)
    print(f"{name:16} DIFFERS: {len(old)} rows before, {len(new)} after")
    if list(old.columns) != list(new.columns) or list(old.dtypes.astype(str)) != list(new.dtypes.astype(str)):
        print("  schema before:", dict(zip(old.columns, old.dtypes.astype(str))))
        print("  schema after: ", dict(zip(new.columns, new.dtypes.astype(str))))
    common = [c for c in old.columns if c in new.columns]
    if len(old) == len(new):
        shown = 0
        for row in range(len(old)):
            diffs = [(c, old.iloc[row][c], new.iloc[row][c]) for c in common
                     if not _same(old.iloc[row][c], new.iloc[row][c])]
            if diffs:
                shown += 1
                if shown <= SHOW_ROWS:
                    print(f"  row {row}: " + "; ".join(f"{c}: {_cell(a)} -> {_cell(b)}" for c, a, b in diffs))
        print(f"  {shown} rows differ" if shown else "  same cells; the bytes differ (metadata or encoding)")
        return False
    def keys(frame):
        return pd.Series([repr(tuple(row)) for row in frame[common].itertuples(index=False)], index=frame.index)

    old_keys, new_keys = keys(old), keys(new)
    removed = old[~old_keys.isin(set(new_keys))]
    added = new[~new_keys.isin(set(old_keys))]
    for label, rows in (("removed", removed), ("added", added)):
        print(f"  {len(rows)} rows {label}")
        for _, row in rows.head(SHOW_ROWS).iterrows():
            print("   ", {c: _cell(row[c]) for c in common[:8]})
    return False


def _same(a: object, b: object) -> bool:
    try:
        import pandas as pd

        if pd.isna(a) and pd.isna(b):
            return True
    except (TypeError, ValueError):
        pass
    return bool(a == b) if not hasattr(a, "__len__") or isinstance(a, str) else list(a) == list(b)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--baseline", type=Path, required=True, help="a folder written by rhetoric extract")
    parser.add_argument("--outdir", type=Path, help="where to extract (default: a temporary folder)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    manifest = json.loads((args.baseline / "manifest.json").read_text())
    with tempfile.TemporaryDirectory() as scratch:
        outdir = args.outdir or Path(scratch) / "tables"
        extract(args.corpus, outdir, args.jobs)
        new_manifest = json.loads((outdir / "manifest.json").read_text())
        print(f"corpus {args.corpus} vs baseline {args.baseline}")
        results = [compare_table(name, args.baseline / entry["file"], outdir / entry["file"])
                   for name, entry in sorted(manifest["tables"].items())]
        extra = sorted(set(new_manifest["tables"]) - set(manifest["tables"]))
        if extra:
            print("new tables (not in the baseline):", ", ".join(extra))
        for field in sorted(set(manifest) | set(new_manifest)):
            if field not in ("tables", "input") and manifest.get(field) != new_manifest.get(field):
                print(f"manifest {field}: {_cell(manifest.get(field))} -> {_cell(new_manifest.get(field))}")
    print(f"{sum(results)}/{len(results)} tables byte-identical")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
