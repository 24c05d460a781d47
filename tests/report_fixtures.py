"""Processed tables for the report tests, built in a temporary folder.

The sample corpus (data/raw/sample/articles) plus one hostile article is run
through :func:`rhetoric.extract_corpus`; then quotes, threats and devices
rows are written by hand for the hostile article (spans over its markup, a
speaker name that is markup), so the reports' escaping is tested whatever
the extractors find.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from rhetoric import extract_corpus
from rhetoric.pipeline import SCHEMAS
from rhetoric.io.store import read_table, write_table

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ARTICLES = ROOT / "data" / "raw" / "sample" / "articles"
NOTEBOOKS = ROOT / "notebooks"
#: A corpus shaped like a user's own data: id, title and text only (see its README).
USER_CORPUS = ROOT / "tests" / "fixtures" / "user_corpus"

HOSTILE_ID = "hostile-markup"
HOSTILE_ARTICLE = """---
id: hostile-markup
title: <script>alert(1)</script> Ministry warns <img src=x onerror=alert(1)>
outlet: <b onmouseover=alert(1)>Evil Wire</b>
date: 2026-05-01
url: javascript:alert(1)
---
Officials said <script>alert(1)</script> had been found in the statement.

"<img src=x onerror=alert(1)> We will respond," said the spokesman, pointing to <a href="javascript:alert(1)">this link</a>.

The ministry warned of a decisive response <svg onload=alert(1)> if the drills went ahead.
"""

#: The markup a report must show as text and never turn into elements.
HOSTILE_SNIPPETS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", 'href="javascript:alert(1)"',
                    "<svg onload=alert(1)>")


def build_processed(folder: Path, *, n_sample: int | None = None, hostile: bool = True) -> Path:
    """Extract a corpus into ``folder/processed/<corpus>/`` and return that
    processed folder (its name is the corpus name, ``small``)."""
    raw = folder / "raw"
    raw.mkdir(parents=True)
    files = sorted(SAMPLE_ARTICLES.glob("*.txt"))
    for file in files[:n_sample] if n_sample is not None else files:
        shutil.copy(file, raw / file.name)
    if hostile:
        (raw / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    processed = folder / "processed" / "small"
    extract_corpus(raw, processed)
    if hostile:
        _add_hostile_rows(processed)
    return processed


def build_user_processed(folder: Path) -> Path:
    """Extract the user-shaped fixture corpus into ``folder/processed/user/``
    (read from its ``articles/`` folder, as ``rhetoric extract`` does)."""
    from rhetoric.io.corpus import articles_folder

    processed = folder / "processed" / "user"
    extract_corpus(articles_folder(USER_CORPUS), processed)
    return processed


def figure_pngs(page: str) -> list[bytes]:
    """The inline PNG figures of an exported report page."""
    import base64
    import re

    return [base64.b64decode(data) for data in re.findall(r'<img[^>]+src="data:image/png;base64,([^"]+)"', page)]


def figure_is_empty(png: bytes) -> bool:
    """True if a figure shows no data: no coloured pixels at all (axes,
    grid, ticks and text are black, white or grey; bars, points and lines
    are coloured)."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    pixels = image.get_flattened_data() if hasattr(image, "get_flattened_data") else image.getdata()
    coloured = sum(1 for r, g, b in pixels if max(r, g, b) - min(r, g, b) > 20)
    return coloured < 0.001 * image.width * image.height


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def _add_hostile_rows(processed: Path) -> None:
    articles = read_table(processed / "articles.parquet")
    text = articles.set_index("doc_id").loc[HOSTILE_ID, "text"]
    q0, q1 = _span(text, "<img src=x onerror=alert(1)> We will respond,")
    s0, s1 = _span(text, "the spokesman")
    t0, t1 = _span(text, "decisive response <svg onload=alert(1)>")
    d0, d1 = _span(text, "<script>alert(1)</script>")
    rows = {
        "quotes": [{"doc_id": HOSTILE_ID, "quote_id": 0, "kind": "direct", "content": text[q0:q1], "content_start": q0,
                    "content_end": q1, "cue": "said", "cue_start": None, "cue_end": None, "speaker": text[s0:s1],
                    "speaker_start": s0, "speaker_end": s1, "speaker_name": "<img src=x onerror=alert(1)>",
                    "speaker_title": "<script>alert(1)</script>", "speaker_affiliation": "javascript:alert(1)",
                    "compound": -0.4}],
        "threats": [{"doc_id": HOSTILE_ID, "start": t0, "end": t1, "text": text[t0:t1], "sentence_start": t0,
                     "sentence_end": t1, "kind": "warning", "actor": "<script>alert(1)</script>", "target": "<b>x</b>",
                     "conditional": True, "modality": None, "cameo": "138", "intensity": 6.0, "evidence": ["warned"]}],
        "devices": [{"doc_id": HOSTILE_ID, "start": d0, "end": d1, "text": text[d0:d1], "device": "loaded_language",
                     "evidence": ["script"]}],
    }
    for name, new_rows in rows.items():
        schema = SCHEMAS[name]
        table = read_table(processed / f"{name}.parquet")
        fields = [f for f in schema.names]
        new = pd.DataFrame([{f: row.get(f) for f in fields} for row in new_rows], columns=fields)
        combined = pd.concat([table[fields], new], ignore_index=True) if len(table) else new
        write_table(combined, schema, processed / f"{name}.parquet")


class _Collector:
    """Start tags, attributes, script bodies and visible text of an HTML page."""

    def __init__(self, page: str) -> None:
        from html.parser import HTMLParser

        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        collector = self

        class Parser(HTMLParser):
            in_script = False

            def handle_starttag(self, tag, attrs):
                collector.tags.append((tag, attrs))
                self.in_script = tag == "script"

            def handle_endtag(self, tag):
                if tag == "script":
                    self.in_script = False

            def handle_data(self, data):
                (collector.scripts if self.in_script else collector.text).append(data)

        parser = Parser(convert_charrefs=True)
        parser.feed(page)
        parser.close()


def assert_no_markup_from_data(page: str) -> str:
    """Parse ``page`` and fail if any element, handler or URL came from the
    hostile data; return the page's visible text."""
    parsed = _Collector(page)
    for tag, attrs in parsed.tags:
        assert tag != "svg", "an <svg> element in the page"
        if tag == "img":  # figures are inline PNGs; an image pointing anywhere else came from the data
            source = dict(attrs).get("src") or ""
            assert source.startswith("data:image/png;base64,") and "onerror" not in dict(attrs), f"<img src={source[:60]!r}>"
        for name, value in attrs:
            value = value or ""
            assert "alert(1)" not in value or not (name.startswith("on") or name in ("href", "src")), (tag, name, value)
            assert not name.startswith("on") or "alert" not in value, (tag, name, value)
            assert "javascript:" not in value.lower(), (tag, name, value)
        if tag == "a":
            href = dict(attrs).get("href") or ""
            assert not href.lower().startswith("javascript"), href
    assert not any("alert(1)" in script for script in parsed.scripts), "a script element carries the data"
    return "".join(parsed.text)
