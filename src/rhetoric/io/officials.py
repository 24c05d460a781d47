"""The officials table: who was quoted how often, in how many articles, with
which titles and affiliation, aggregated over the quotes table chunk by chunk.

>>> officials = OfficialsAggregator()
>>> officials.add([{"doc_id": "a", "speaker_name": "Hale", "compound": 0.5, "speaker_title": "Secretary",
...                 "speaker_affiliation": "United States"}])
>>> officials.rows()[0]["n_quotes"], officials.rows()[0]["titles"]
(1, ['Secretary'])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

__all__ = ["OfficialsAggregator"]


class OfficialsAggregator:
    """Who was quoted how often, in how many articles, with which titles and
    affiliation, and the mean compound of what they said."""

    def __init__(self) -> None:
        self._stats: dict[str, dict[str, Any]] = {}

    def add(self, quote_rows: Iterable[dict[str, Any]]) -> None:
        seen_docs: set[tuple[str, str]] = set()
        for row in quote_rows:
            name = row.get("speaker_name")
            if not name:
                continue
            stats = self._stats.setdefault(name, {"titles": Counter(), "affiliations": Counter(),
                                                  "n_quotes": 0, "n_docs": 0, "compound_sum": 0.0})
            stats["n_quotes"] += 1
            stats["compound_sum"] += row["compound"]
            if row.get("speaker_title"):
                stats["titles"][row["speaker_title"]] += 1
            if row.get("speaker_affiliation"):
                stats["affiliations"][row["speaker_affiliation"]] += 1
            if (row["doc_id"], name) not in seen_docs:
                seen_docs.add((row["doc_id"], name))
                stats["n_docs"] += 1

    def rows(self) -> list[dict[str, Any]]:
        result = []
        for name in sorted(self._stats):
            stats = self._stats[name]
            affiliations = sorted(stats["affiliations"].items(), key=lambda item: (-item[1], item[0]))
            result.append({
                "speaker_name": name,
                "titles": sorted(stats["titles"]),
                "affiliation": affiliations[0][0] if affiliations else None,
                "n_quotes": stats["n_quotes"],
                "n_docs": stats["n_docs"],
                "mean_compound": round(stats["compound_sum"] / stats["n_quotes"], 6),
            })
        return result
