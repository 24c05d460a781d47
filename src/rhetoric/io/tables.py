"""The tables rhetoric writes: their Arrow schemas and the :class:`Tables` bundle.

Schemas of the extractor tables are derived from the extractors'
dataclasses, so a field added to ``Quote`` is a column of the quotes table;
a ``Literal`` kind is a string column.

>>> SCHEMAS["quotes"].field("kind").type
DataType(string)
>>> TABLE_NAMES[:3]
('articles', 'sentences', 'quotes')
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from rhetoric.extract.devices import DEVICE_KINDS, Device
from rhetoric.extract.officials import OFFICIALS_SCHEMA
from rhetoric.extract.framing import FrameScore
from rhetoric.extract.quotes import Quote
from rhetoric.extract.threats import Threat
from rhetoric.io.corpus import Article, LoadError
from rhetoric.sentiment.targeted import ActorSentiment

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SCHEMAS", "TABLE_NAMES", "ARTICLE_TABLES", "EXTRACTOR_TABLES", "Tables", "schema_of", "arrow_table",
           "concat_tables", "ARTICLE_FEATURE_COLUMNS"]


def _arrow_type(hint: Any) -> pa.DataType:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {hint}")
        return _arrow_type(inner[0])
    if origin is typing.Literal:
        kinds = {type(value) for value in typing.get_args(hint)}
        if len(kinds) != 1:
            raise TypeError(f"unsupported Literal of mixed types {hint}")
        return _arrow_type(kinds.pop())
    if origin in (tuple, list):
        return pa.list_(_arrow_type(typing.get_args(hint)[0]))
    simple = {int: pa.int64(), float: pa.float64(), str: pa.string(), bool: pa.bool_(), dt.date: pa.date32()}
    if hint in simple:
        return simple[hint]
    raise TypeError(f"no Arrow type for {hint!r}")


def schema_of(cls: type, before: list[tuple[str, pa.DataType]] = (), after: list[tuple[str, pa.DataType]] = ()) -> pa.Schema:
    """An Arrow schema: ``before`` columns, the dataclass's fields, ``after`` columns."""
    hints = typing.get_type_hints(cls)
    middle = [(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(cls)]
    return pa.schema(list(before) + middle + list(after))


_DOC = [("doc_id", pa.string())]

#: Extractor tables: name → (the dataclass of a row, extra leading columns, extra trailing columns).
EXTRACTOR_TABLES: dict[str, tuple[type, list, list]] = {
    # speaker_state / speaker_state_rule: the state the speaker stands for, found
    # through the article (rhetoric.text.discourse.Discourse.speaker_states)
    "quotes": (Quote, [("quote_id", pa.int64())], [("compound", pa.float64()), ("speaker_state", pa.string()),
                                                  ("speaker_state_rule", pa.string())]),
    "threats": (Threat, [], []),
    "devices": (Device, [], []),
    "frames": (FrameScore, [], []),
    "actor_sentiment": (ActorSentiment, [], []),
}

#: Columns the articles table adds to an :class:`~rhetoric.io.corpus.Article` (see :mod:`rhetoric.features`).
ARTICLE_FEATURE_COLUMNS = [
    ("n_tokens", pa.int64()),
    ("n_sentences", pa.int64()),
    ("mean_compound", pa.float64()),
    ("share_negative", pa.float64()),
    ("n_quotes", pa.int64()),
    ("n_threats", pa.int64()),
    ("n_show_of_force", pa.int64()),
    ("threat_salience", pa.float64()),
] + [(f"{kind}_per_1k", pa.float64()) for kind in DEVICE_KINDS]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": schema_of(Article, after=ARTICLE_FEATURE_COLUMNS),
    "sentences": pa.schema(_DOC + [
        ("sent_id", pa.int64()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
        ("compound", pa.float64()), ("pos", pa.float64()), ("neu", pa.float64()), ("neg", pa.float64()),
        ("compound_domain", pa.float64()),  # opt-in domain lexicon (score_sentiment(..., domain=True)); base columns untouched
    ]),
    **{name: schema_of(cls, _DOC + lead, tail) for name, (cls, lead, tail) in EXTRACTOR_TABLES.items()},
    "officials": OFFICIALS_SCHEMA,  # one row a person (rhetoric.extract.officials)
    "errors": schema_of(LoadError, after=[("stage", pa.string())]),
}
TABLE_NAMES: tuple[str, ...] = tuple(SCHEMAS)
#: Tables with rows per article (every table but the corpus-wide aggregate ``officials``).
ARTICLE_TABLES: tuple[str, ...] = tuple(name for name in SCHEMAS if name != "officials")


def arrow_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows (dicts keyed by column) as an Arrow table of schema ``SCHEMAS[name]``."""
    schema = SCHEMAS[name]
    if not rows:
        return schema.empty_table()
    return pa.Table.from_pydict({column: [row.get(column) for row in rows] for column in schema.names}, schema=schema)


def concat_tables(name: str, tables: list[pa.Table]) -> pa.Table:
    """The non-empty ``tables`` of table ``name`` as one (the empty table if none)."""
    tables = [table for table in tables if table.num_rows]
    return pa.concat_tables(tables).combine_chunks() if tables else SCHEMAS[name].empty_table()


@dataclass
class Tables:
    """One pandas DataFrame per table; ``doc_id`` joins them."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    threats: pd.DataFrame
    devices: pd.DataFrame
    frames: pd.DataFrame
    actor_sentiment: pd.DataFrame
    officials: pd.DataFrame
    errors: pd.DataFrame

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        for name in TABLE_NAMES:
            yield name, getattr(self, name)

    def summary(self) -> str:
        """One line: how many rows each table holds."""
        return ", ".join(f"{len(table)} {name.replace('_', ' ')}" for name, table in self.items() if name != "errors")
