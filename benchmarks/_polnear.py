"""Read PolNeAR (Newell, Margolin & Ruths, LREC 2018) attribution annotations.

PolNeAR ships brat standoff files (``<split>/attributions/<article>_<annotator>.ann``)
next to the raw texts (``<split>/text/<article>.txt``). Each ``E`` line links an
Attribution trigger to its Source, Cue and Content (and sometimes Content2)
text-bound annotations; spans may be discontinuous (``start end;start end``).
Articles annotated by several annotators (agreement checks) are read once,
from the annotator file that sorts first.

Used by benchmarks only; no PolNeAR text is copied into the project.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int]


@dataclass
class GoldAttribution:
    content: list[Span]
    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)


@dataclass
class Article:
    name: str
    text: str
    attributions: list[GoldAttribution]


_SPAN = re.compile(r"(\d+) (\d+)")


def _parse_spans(field_text: str) -> list[Span]:
    return [(int(a), int(b)) for a, b in _SPAN.findall(field_text)]


def parse_ann(ann: str) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        key, body = parts[0], parts[1]
        if key.startswith("T"):
            label, _, rest = body.partition(" ")
            spans[key] = (label, _parse_spans(rest))
        elif key.startswith("E"):
            roles: dict[str, list[str]] = {}
            for item in body.split():
                role, _, target = item.partition(":")
                roles.setdefault(role, []).append(target)
            events.append(roles)
    result = []
    for roles in events:
        if not any(r.startswith("Attribution") for r in roles):
            continue

        def collect(*names: str) -> list[Span]:
            out: list[Span] = []
            for name in names:
                for target in roles.get(name, []):
                    if target in spans:
                        out.extend(spans[target][1])
            return sorted(out)

        content = collect("Content", "Content2")
        if not content:
            continue
        result.append(GoldAttribution(content, collect("Cue"), collect("Source")))
    return result


def load_split(root: str | Path, split: str = "train") -> list[Article]:
    """Articles of one PolNeAR split (``train``, ``dev``), sorted by name."""
    base = Path(root)
    if (base / "data").is_dir():
        base = base / "data"
    base = base / split
    chosen: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, ann)
    articles = []
    for name, ann in sorted(chosen.items()):
        text_path = base / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        # newline="" keeps "\r\n" so brat offsets stay aligned.
        with open(text_path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        articles.append(Article(name, text, parse_ann(ann.read_text(encoding="utf-8"))))
    return articles
