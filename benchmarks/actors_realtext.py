"""Actors on real text: gazetteer recall, full speaker names, officials (issue 12).

    PYTHONPATH=src python benchmarks/actors_realtext.py [SHARED_DATASETS] [DEVCORPUS_JSONL] [BEFORE_OFFICIALS]

Defaults: ../shared/datasets, ../devcorpora/ukraine_dev.jsonl and
../baseline/ukraine_dev/officials.parquet next to the project (any may be
missing; its part is then skipped). Nothing of the data is copied.

1. Actor-state recall on ``threats/{ukraine_dev,ptc_dev}.jsonl``. Each
   article is rebuilt as the dataset README says (headline, blank line,
   sentences joined by single spaces) and analysed whole. Gold: the
   ``actor_states`` of every coded sentence, split on ";" and " and ",
   mapped to the gazetteer's canonical name when it knows it. Rule: a gold
   state is found when an actor mention overlapping that sentence resolves to
   it (its actor or its country equals the gold name), with two mention sets:
   ``gazetteer`` (``find_actors`` over the article) and ``+speakers`` (also
   the affiliation of a quote speaker whose span lies in the sentence: "she
   said" resolved to an official of that state); for context only,
   ``+quoted`` also counts the speaker affiliation of a quote whose content
   overlaps the sentence (who says the words in it). ``+references``: the
   gazetteer and speakers plus every actor reference overlapping the sentence
   (``Document.actor_references``, ``rhetoric.text.references``: speaker
   spans and first person in quotes with the speaker's state, a quoted
   person's name written again, he/she/they by a Hobbs-order search, "the
   two men", "the government", "troops", "the separatists"), i.e. the
   mention resolves to the state through the article. Precision beside it:
   of the references overlapping coded sentences, the share whose state
   (canonical name) is among that sentence's gold actor_states or targets,
   per rule and half; a rule that tags everything with the article's main
   state shows up there. Keyword baseline: the gold
   state is found when its gold name ("Russia", "NATO") or one of pycountry's
   names for it (name, official name, common name) occurs in the sentence as
   an exact string. Reported per
   source and per half of the articles: A = even article index in file
   order, B = odd (study A, check B).
2. Full speaker names on PolNeAR dev (``polnear/``): predictions matched to
   gold speech attributions as in ``quotes_polnear.py`` (greedy one-to-one,
   overlap >= 50% of both content spans). Among matched predictions whose
   speaker_name is a person's name (not a gazetteer actor other than a
   person, no organisation noun) and whose article writes a full name (two
   or more capitalised words) ending in that name's last word, the share
   whose speaker_name is itself that full (two-word or longer) name.
   Baseline: the same share for the speaker span as written (no resolution).
3. Sample gold (data/raw/sample): speaker_name agreement on matched quotes
   (rhetoric.evaluate, rule mutual50).
4. Officials of the Ukraine development articles: officials with two or more
   name variants merged, and the top 20 by quotes (ties: articles, name),
   beside the BEFORE table; a "twice" flag marks a top-20 person whose
   surname another top-20 person row also has. Also: the BEFORE quotes
   (quotes.parquet beside the BEFORE officials) regrouped by today's merging
   rules, listing the people the BEFORE table split over several rows.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]

from rhetoric.extract.quotes import extract_quotes  # noqa: E402
from rhetoric.text.actors import actor_entry, dominant_states  # noqa: E402
from rhetoric.text.document import Document  # noqa: E402


# --------------------------------------------------------------------------
# 1. actor-state recall
# --------------------------------------------------------------------------

def _articles(path: Path) -> list[tuple[str, str, list[tuple[int, int, dict]]]]:
    by_article: dict[str, list[dict]] = defaultdict(list)
    order: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["article"] not in by_article:
            order.append(row["article"])
        by_article[row["article"]].append(row)
    result = []
    for name in order:
        rows = sorted(by_article[name], key=lambda r: r["position"])
        text, spans = "", []
        for row in rows:
            if row["position"] == 0:
                start = 0
                text = row["text"] + "\n\n"
            else:
                if not text.endswith("\n\n"):
                    text += " "
                start = len(text)
                text += row["text"]
            spans.append((start, start + len(row["text"]), row))
        result.append((name, text, spans))
    return result


def _gold_states(row: dict, field: str = "actor_states") -> set[str]:
    states = set()
    for value in row.get(field) or []:
        for part in re.split(r";|\band\b", value):
            part = re.sub(r"\s*\(.*?\)", "", part).strip()
            if part:
                states.add(_canonical(part))
    return states


def _canonical(name: str) -> str:
    entry = actor_entry(name) or actor_entry(f"the {name}")
    return entry.actor if entry is not None and entry.kind != "person" else name


def _pycountry_names() -> dict[str, set[str]]:
    """Canonical gold name → pycountry names of that country (via its ISO code)."""
    import pycountry

    names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        forms = {n for n in (country.name, getattr(country, "official_name", None),
                             getattr(country, "common_name", None)) if n}
        for form in forms:
            names.setdefault(_canonical(form), set()).update(forms)
    return names


def actor_recall(datasets: Path) -> None:
    keyword_names = _pycountry_names()
    print("1. Actor-state recall on coded sentences (rule: a mention overlapping the sentence resolves to the gold state)")
    print(f"   {'source':11s} {'half':4s} {'gold':>5s} {'keyword':>8s} {'gazetteer':>10s} {'+speakers':>10s} {'+quoted':>8s}"
          f" {'+references':>12s}")
    missed: dict[str, list[str]] = defaultdict(list)
    precision: dict[tuple[str, str], Counter] = {}
    for source in ("ukraine_dev", "ptc_dev"):
        path = datasets / "threats" / f"{source}.jsonl"
        if not path.exists():
            print(f"   {source}: {path} not found, skipped")
            continue
        counts = {half: [0, 0, 0, 0, 0, 0] for half in "AB"}
        for half in "AB":
            precision[source, half] = Counter()
        for index, (name, text, spans) in enumerate(_articles(path)):
            half = "A" if index % 2 == 0 else "B"
            doc = Document(text)
            mentions, quotes, references = doc.actor_mentions, doc.quotes, doc.actor_references
            main = dominant_states(doc, 1)
            for start, end, row in spans:
                gold = _gold_states(row)
                if not gold:
                    continue
                found = {m.actor for m in mentions if m.start < end and m.end > start} | \
                        {m.country for m in mentions if m.start < end and m.end > start}
                speakers = {_canonical(q.speaker_affiliation) for q in quotes if q.speaker_affiliation and
                            q.speaker_start is not None and start <= q.speaker_start < end}
                quoted = {_canonical(q.speaker_affiliation) for q in quotes if q.speaker_affiliation and
                          q.content_start < end and q.content_end > start}
                overlapping = [r for r in references if r.start < end and r.end > start]
                referred = {r.state for r in overlapping}
                allowed = gold | _gold_states(row, "targets")
                if main:  # the baseline that tags every coded sentence with the article's main state
                    precision[source, half]["main state", main[0] in allowed] += 1
                    precision[source, half]["main state recall", main[0] in gold] += 1
                for reference in overlapping:
                    right = _canonical(reference.state) in allowed
                    precision[source, half][reference.via, right] += 1
                    precision[source, half]["all", right] += 1
                sentence = row["text"]
                for state in gold:
                    counts[half][0] += 1
                    counts[half][1] += any(form in sentence for form in keyword_names.get(state, set()) | {state})
                    counts[half][2] += state in found
                    counts[half][3] += state in found or state in speakers
                    counts[half][4] += state in found or state in speakers or state in quoted
                    counts[half][5] += state in found or state in speakers or state in referred
                    if state not in found and state not in speakers and state not in referred and half == "A":
                        missed[source].append(f"{state}: {sentence[:90]}")
        for half in "AB":
            gold, *found_counts = counts[half]
            print(f"   {source:11s} {half:4s} {gold:5d} " + " ".join(f"{n / gold:{w}.3f}" for n, w in zip(found_counts, (8, 10, 10, 8, 12))))
        gold, *found_counts = [sum(counts[h][k] for h in "AB") for k in range(6)]
        print(f"   {source:11s} {'all':4s} {gold:5d} " + " ".join(f"{n / gold:{w}.3f}" for n, w in zip(found_counts, (8, 10, 10, 8, 12))))
    print("   precision of the references in coded sentences (rule: the reference's state is among the sentence's"
          " gold actor_states or targets; n = references)")
    vias = sorted({via for tally in precision.values() for via, _ in tally if via != "all" and "main" not in via})
    print(f"   {'source':11s} {'half':4s} " + " ".join(f"{via:>16s}" for via in ["all", *vias]))
    for (source, half), tally in precision.items():
        cells = []
        for via in ["all", *vias]:
            n = tally[via, True] + tally[via, False]
            cells.append(f"{tally[via, True] / n:.2f} (n={n:3d})" if n else f"{'-':>16s}")
        print(f"   {source:11s} {half:4s} " + " ".join(f"{cell:>16s}" for cell in cells))
    print("   baseline: every coded sentence tagged with its article's most-named state "
          "(precision as above; recall: the share of coded sentences whose gold holds it)")
    for (source, half), tally in precision.items():
        n = tally["main state", True] + tally["main state", False]
        if n:
            print(f"   {source:11s} {half:4s} precision {tally['main state', True] / n:.2f} "
                  f"recall {tally['main state recall', True] / n:.2f} (n={n})")
    if "-v" in sys.argv:
        for source, lines in missed.items():
            print(f"   missed in half A of {source}:")
            for line in lines:
                print("     " + line)


# --------------------------------------------------------------------------
# 2. full speaker names on PolNeAR dev
# --------------------------------------------------------------------------

_FULL_NAME = re.compile(r"\b[A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’\-]+)+")
_ORGANISATION_WORDS = {"ministry", "department", "office", "committee", "campaign", "party", "house", "council",
                       "agency", "news", "times", "post", "poll", "survey", "report", "statement", "group"}


def _is_person_name(name: str) -> bool:
    entry = actor_entry(name)
    if entry is not None and entry.kind != "person":
        return False
    words = name.split()
    return bool(words) and len(words) <= 5 and all(w[:1].isupper() for w in words) and \
        not any(w.lower() in _ORGANISATION_WORDS for w in words)


def _name_as_written(speaker: str) -> str:
    words = [w for w in speaker.split() if w[:1].isupper()]
    return " ".join(words[-2:]) if len(words) >= 2 else (words[-1] if words else "")


def full_names(datasets: Path) -> None:
    from _polnear import load_split
    from quotes_polnear import _chars, _is_speech_cue, _QUOTE_OPEN, _speech_forms, match

    root = datasets / "polnear"
    if not root.exists():
        print(f"2. PolNeAR: {root} not found, skipped")
        return
    forms = _speech_forms()
    full = resolved_full = written_full = 0
    for article in load_split(root, "dev"):
        text = article.text
        quotes = extract_quotes(text)
        gold = [_chars(g.content) for g in article.attributions
                if text[g.content[0][0]:g.content[-1][1]].lstrip().startswith(_QUOTE_OPEN)
                or _is_speech_cue(" ".join(text[a:b] for a, b in g.cue), forms)]
        pairs = match([_chars([(q.content_start, q.content_end)]) for q in quotes], gold)
        full_in_article = {m.group().split()[-1] for m in _FULL_NAME.finditer(text)}
        for i, _ in pairs:
            quote = quotes[i]
            name = quote.speaker_name
            if not name or not _is_person_name(name) or name.split()[-1] not in full_in_article:
                continue
            full += 1
            resolved_full += len(name.split()) >= 2
            written_full += len(_name_as_written(quote.speaker or "").split()) >= 2
    print("2. PolNeAR dev: matched speakers with a person name whose article gives a full name")
    if full:
        print(f"   n={full}: speaker_name is the full name {resolved_full / full:.3f}; "
              f"baseline (the speaker as written) {written_full / full:.3f}")


# --------------------------------------------------------------------------
# 3. sample gold, 4. officials
# --------------------------------------------------------------------------

def sample_agreement() -> None:
    from rhetoric.evaluate import score_sample_gold

    sample = ROOT / "data" / "raw" / "sample"
    scores = score_sample_gold(sample / "articles", sample / "gold.jsonl")["quotes"]
    print(f"3. Sample gold: speaker_name agreement on matched quotes {scores['speaker_name_agrees']:.3f} "
          f"(tp={scores['tp']}, rule {scores['rule']})")


def _top(frame, n: int = 20):
    return frame.sort_values(["n_quotes", "n_docs", "speaker_name"], ascending=[False, False, True]).head(n)


def _twice(names: list[str]) -> set[str]:
    surnames = defaultdict(list)
    for name in names:
        entry = actor_entry(name)
        if entry is not None and entry.kind != "person":
            continue
        surnames[name.split()[-1].strip(".,")].append(name)
    return {name for group in surnames.values() if len(group) > 1 for name in group}


def officials(devcorpus: Path, before_path: Path) -> None:
    import pandas as pd

    from rhetoric import load_corpus
    from rhetoric.pipeline import analyze

    if not devcorpus.exists():
        print(f"4. officials: {devcorpus} not found, skipped")
        return
    corpus = load_corpus(devcorpus)
    after = analyze(corpus.articles, jobs=1).officials
    print(f"4. Officials of {devcorpus.name}: {len(after)} officials, "
          f"{int((after['name_variants'].str.len() >= 2).sum())} with two or more merged name variants")
    tables = [("AFTER", after)]
    if before_path.exists():
        before = pd.read_parquet(before_path)
        tables.insert(0, ("BEFORE", before))
    before_quotes = before_path.with_name("quotes.parquet")
    if before_quotes.exists():
        from rhetoric.extract.officials import OfficialsAggregator

        regrouped = OfficialsAggregator()
        regrouped.add(pd.read_parquet(before_quotes).to_dict("records"))
        split = [r for r in regrouped.rows() if len(r["name_variants"]) > 1]
        print(f"   BEFORE quotes regrouped by today's rules: {len(split)} people were split over several rows:")
        for r in sorted(split, key=lambda r: (-r["n_quotes"], r["speaker_name"])):
            print(f"     {r['n_quotes']:3d}  {r['speaker_name']} <- {' | '.join(r['name_variants'])}")
    for label, table in tables:
        top = _top(table)
        twice = _twice(top["speaker_name"].tolist())
        print(f"   top 20 {label} ({len(twice)} rows of a person listed twice):")
        for row in top.itertuples():
            variants = f"  variants: {', '.join(row.name_variants)}" if label == "AFTER" and len(row.name_variants) > 1 else ""
            flag = "  <- twice" if row.speaker_name in twice else ""
            affiliation = row.affiliation if isinstance(row.affiliation, str) else "no affiliation"
            print(f"     {row.n_quotes:3d} {row.n_docs:2d}  {row.speaker_name} ({affiliation}){variants}{flag}")


def main() -> int:
    args = [arg for arg in sys.argv[1:] if not arg.startswith("-")]  # flags (-v) anywhere
    datasets = Path(args[0]) if len(args) > 0 else ROOT.parent / "shared" / "datasets"
    devcorpus = Path(args[1]) if len(args) > 1 else ROOT.parent / "devcorpora" / "ukraine_dev.jsonl"
    before = Path(args[2]) if len(args) > 2 else ROOT.parent / "baseline" / "ukraine_dev" / "officials.parquet"
    actor_recall(datasets)
    full_names(datasets)
    sample_agreement()
    officials(devcorpus, before)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
