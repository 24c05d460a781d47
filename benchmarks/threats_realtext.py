"""Threats and shows of force on real news: sentence-level scores beside a keyword search.

    PYTHONPATH=src python benchmarks/threats_realtext.py PATH [--misses A|B] [--source ukraine_dev]

PATH is a folder of ``*_dev.jsonl`` files in the layout of the shared threats
development data (one sentence a line: source, article, position, text,
threat, show_of_force, actors, actor_states, targets, conditional; see its
README and CODEBOOK). Nothing from PATH is copied or kept.

Matching rule (printed with the figures):
- each article is rebuilt as a user would feed it: the headline (position 0)
  on its own line, a blank line, then the other sentences joined by single
  spaces; :func:`rhetoric.extract.threats.extract_threats` runs on the whole
  article (one Document);
- a predicted item counts for every gold sentence its span overlaps (at least
  one character); kind ``show_of_force`` predicts SHOW_OF_FORCE, every other
  kind predicts THREAT;
- sentence-level precision / recall / F1 per label, a gold ``null`` (borderline)
  sentence left out of that label's scoring;
- actor accuracy: over sentences that are gold- and predicted-positive for a
  label, the share where some predicted item's ``actor_mention`` or ``actor``
  (state) matches some gold ``actors`` or ``actor_states`` entry. Two names
  match when, lower-cased, without a leading "the" and possessive "'s", one
  equals the other or holds it as whole words ("Putin" ~ "Vladimir Putin",
  "Russian" ~ "Russia" via the demonym stem). A gold sentence with no actor
  and no state is left out;
- conditional accuracy: over gold- and predicted-positive THREAT sentences
  whose gold ``conditional`` is not null, the share where "some predicted
  threat item in the sentence is conditional" equals the gold value;
- target accuracy: over gold- and predicted-positive sentences with a gold
  ``targets`` entry, the share where some predicted item's ``target_mention``
  or ``target`` matches a gold target (names matched as for actors);
- halves: half A = articles at even index in file order (tuned on), half B =
  odd index (checked on);
- keyword search baseline: a sentence is THREAT when it matches
  ``threat|warn|vow|ultimatum|retaliat...`` and SHOW_OF_FORCE when it matches
  ``deploy|troops|drills|exercises|patrols...`` (patterns below); its actor is
  the first actor the gazetteer (rhetoric.text.actors.find_actors) finds in the
  sentence, its target the first one of another state, its conditional is "the
  sentence has if / unless / in case / or face".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rhetoric.extract.threats import extract_threats
from rhetoric.text.actors import find_actors
from rhetoric.text.document import Document

THREAT_KEYWORDS = re.compile(
    r"\b(?:threat\w*|warn\w*|vow\w*|ultimatum\w*|retaliat\w*|menac\w*|intimidat\w*|sanction\w*|"
    r"pledg\w*|swore|promis\w*|or face|consequences)\b", re.IGNORECASE)
FORCE_KEYWORDS = re.compile(
    r"\b(?:deploy\w*|troops|drills?|exercises?|patrol\w*|manoeuvres?|maneuvers?|mobili[sz]\w*|"
    r"warships?|bombers?|missile tests?|build-?up|massed|reinforce\w*|alert)\b", re.IGNORECASE)
CONDITION_KEYWORDS = re.compile(r"\b(?:if|unless|in case|or face|or else|should)\b", re.IGNORECASE)

LABELS = ("threat", "show_of_force")


@dataclass
class Sentence:
    article: str
    start: int
    end: int
    gold: dict[str, bool | None]
    actors: list[str]
    conditional: bool | None
    text: str
    targets: list[str] = field(default_factory=list)


@dataclass
class Article:
    name: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)


def load(path: Path) -> list[Article]:
    """Articles of one development file, rebuilt as the dataset README says."""
    by_article: dict[str, list[dict]] = {}
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{line_number}: not JSON ({exc})") from None
            by_article.setdefault(row["article"], []).append(row)
    articles = []
    for name, rows in by_article.items():
        rows.sort(key=lambda r: r["position"])
        pieces: list[str] = []
        article = Article(name, "")
        cursor = 0
        for index, row in enumerate(rows):
            separator = "" if index == 0 else ("\n\n" if index == 1 else " ")
            cursor += len(separator)
            pieces.append(separator + row["text"])
            names = [n for n in (row.get("actors") or []) + (row.get("actor_states") or []) if n]
            article.sentences.append(Sentence(name, cursor, cursor + len(row["text"]),
                                              {label: row[label] for label in LABELS}, names,
                                              row.get("conditional"), row["text"],
                                              [t for t in row.get("targets") or [] if t]))
            cursor += len(row["text"])
        article.text = "".join(pieces)
        articles.append(article)
    return articles


_NAME_NOISE = re.compile(r"\([^)]*\)|\b(?:the|a|an)\b|['’]s\b|[^\w\s-]", re.IGNORECASE)


def _name_forms(name: str) -> set[str]:
    """Lower-case forms of a name: the name, its parts split on ';' '/' ' and '."""
    forms = set()
    for part in re.split(r";|/|,|\band\b", name):
        cleaned = " ".join(_NAME_NOISE.sub(" ", part).lower().split())
        if cleaned:
            forms.add(cleaned)
    return forms


def _stem(word: str) -> str:
    for suffix in ("ians", "ian", "ans", "an", "ese", "ish", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def names_match(predicted: str | None, gold: list[str]) -> bool:
    if not predicted:
        return False
    for p in _name_forms(predicted):
        p_words = [_stem(w) for w in p.split()]
        for g in gold:
            for form in _name_forms(g):
                g_words = [_stem(w) for w in form.split()]
                short, long_ = sorted((p_words, g_words), key=len)
                if short and any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1)):
                    return True
    return False


@dataclass
class Prediction:
    labels: set[str] = field(default_factory=set)
    actors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    targets: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    conditional: bool = False
    items: list = field(default_factory=list)


def predict_detector(article: Article) -> list[Prediction]:
    doc = Document(article.text, doc_id=article.name)
    found = extract_threats(doc)
    predictions = [Prediction() for _ in article.sentences]
    for item in found:
        label = "show_of_force" if item.kind == "show_of_force" else "threat"
        for index, sentence in enumerate(article.sentences):
            if sentence.start < item.end and item.start < sentence.end:
                prediction = predictions[index]
                prediction.labels.add(label)
                prediction.items.append(item)
                for name in (getattr(item, "actor_mention", None), item.actor):
                    if name:
                        prediction.actors[label].append(name)
                for name in (item.target_mention, item.target):
                    if name:
                        prediction.targets[label].append(name)
                if label == "threat" and item.conditional:
                    prediction.conditional = True
    return predictions


def predict_keywords(article: Article) -> list[Prediction]:
    predictions = []
    for sentence in article.sentences:
        prediction = Prediction()
        if THREAT_KEYWORDS.search(sentence.text):
            prediction.labels.add("threat")
        if FORCE_KEYWORDS.search(sentence.text):
            prediction.labels.add("show_of_force")
        mentions = find_actors(sentence.text)
        for label in prediction.labels:
            if mentions:
                prediction.actors[label] += [mentions[0].text, mentions[0].country or mentions[0].actor]
            first = (mentions[0].country or mentions[0].actor) if mentions else None
            others = [m for m in mentions if (m.country or m.actor) != first]
            if others:
                prediction.targets[label] += [others[0].text, others[0].country or others[0].actor]
        prediction.conditional = bool(CONDITION_KEYWORDS.search(sentence.text))
        predictions.append(prediction)
    return predictions


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    actor_right: int = 0
    actor_total: int = 0
    cond_right: int = 0
    cond_total: int = 0
    target_right: int = 0
    target_total: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(articles: list[Article], predictions: list[list[Prediction]],
          misses: list[tuple[str, str, Sentence, Prediction]] | None = None) -> dict[str, Score]:
    scores = {label: Score() for label in LABELS}
    for article, predicted in zip(articles, predictions):
        for sentence, prediction in zip(article.sentences, predicted):
            for label in LABELS:
                gold = sentence.gold[label]
                if gold is None:
                    continue
                s = scores[label]
                hit = label in prediction.labels
                if hit and gold:
                    s.tp += 1
                    if sentence.actors:
                        s.actor_total += 1
                        right = any(names_match(name, sentence.actors) for name in prediction.actors[label])
                        s.actor_right += right
                        if not right and misses is not None:
                            misses.append(("ACTOR", label, sentence, prediction))
                    if sentence.targets:
                        s.target_total += 1
                        s.target_right += any(names_match(name, sentence.targets)
                                              for name in prediction.targets[label])
                    if label == "threat" and sentence.conditional is not None:
                        s.cond_total += 1
                        s.cond_right += prediction.conditional == sentence.conditional
                        if prediction.conditional != sentence.conditional and misses is not None:
                            misses.append(("COND", label, sentence, prediction))
                elif hit:
                    s.fp += 1
                    if misses is not None:
                        misses.append(("FP", label, sentence, prediction))
                elif gold:
                    s.fn += 1
                    if misses is not None:
                        misses.append(("FN", label, sentence, prediction))
    return scores


def _row(name: str, s: Score) -> str:
    p, r, f = s.prf()
    actor = f"{s.actor_right / s.actor_total:.2f} ({s.actor_total})" if s.actor_total else "  -     "
    cond = f"{s.cond_right / s.cond_total:.2f} ({s.cond_total})" if s.cond_total else "  -     "
    target = f"{s.target_right / s.target_total:.2f} ({s.target_total})" if s.target_total else "  -     "
    return (f"    {name:<14} P={p:.2f} R={r:.2f} F1={f:.2f}  tp={s.tp:<3} fp={s.fp:<3} fn={s.fn:<3} actor={actor}  "
            f"cond={cond}  target={target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="folder holding ukraine_dev.jsonl / ptc_dev.jsonl")
    parser.add_argument("--misses", choices=("A",), help="print the errors of half A (the tuning half; half B is for checking only)")
    parser.add_argument("--source", help="only this file stem (e.g. ukraine_dev)")
    args = parser.parse_args(argv)
    files = sorted(args.path.glob("*_dev.jsonl"))
    if args.source:
        files = [f for f in files if f.stem == args.source]
    if not files:
        print(f"error: no *_dev.jsonl files in {args.path}", file=sys.stderr)
        return 2
    print(__doc__.split("Matching rule (printed with the figures):\n")[1].split('"""')[0].rstrip())
    print()
    for path in files:
        articles = load(path)
        for half, parity in (("A", 0), ("B", 1)):
            chosen = [a for i, a in enumerate(articles) if i % 2 == parity]
            started = time.perf_counter()
            predicted = [predict_detector(a) for a in chosen]
            elapsed = time.perf_counter() - started
            misses: list = [] if args.misses == half else None  # type: ignore[assignment]
            ours = score(chosen, predicted, misses)
            baseline = score(chosen, [predict_keywords(a) for a in chosen])
            print(f"{path.stem} half {half}: {len(chosen)} articles, "
                  f"{sum(len(a.sentences) for a in chosen)} sentences, {len(chosen) / elapsed:.0f} articles/s "
                  "(a fresh Document per article: sentences, actors and quotes included)")
            for label in LABELS:
                print(_row(label, ours[label]))
                print(_row("  keywords", baseline[label]))
            if misses:
                for what, label, sentence, prediction in misses:
                    items = "; ".join(f"{t.kind}:{t.cameo}:{getattr(t, 'actor_mention', None)}/{t.actor}:"
                                      f"{'c' if t.conditional else ''}[{t.text[:70]}]" for t in prediction.items)
                    print(f"  {what:<5} {label:<13} {sentence.article} gold={sentence.actors[:2]} "
                          f"cond={sentence.conditional} | {sentence.text[:260]}\n          -> {items}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
