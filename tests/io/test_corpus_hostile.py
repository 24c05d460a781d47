"""Issue 8: a corpus folder that mixes good articles with hostile input."""

import codecs
import json
from pathlib import Path

import pandas as pd

from rhetoric.cli import main
from rhetoric.io.store import read_table

from conftest import BOMBER_ARTICLE, TALKS_ARTICLE

GOOD_CSV_ROW = "Seoul and Tokyo agreed to share missile-warning data in real time, officials said."


def _hostile_folder(root: Path) -> Path:
    folder = root / "raw"
    (folder / "nested").mkdir(parents=True)
    (folder / "bomber.txt").write_text(BOMBER_ARTICLE, encoding="utf-8")
    (folder / "nested" / "talks.md").write_text(TALKS_ARTICLE, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes("Pyongyang\u2019s d\xe9fil\xe9 of missiles.".encode("cp1252"))
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "Kyiv talks\n\nEnvoys met in Kyiv.".encode("utf-16-le"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "huge.txt").write_text("Missiles. " * 2_000_000)  # 20 MB
    (folder / "no_text.csv").write_text("title,body\nA,B\n")
    (folder / "one_nul.txt").write_bytes(b"Kyiv talks resume\n\nEnvoys met in Kyiv\x00 on Monday, officials said.")
    (folder / "broken.csv").write_text(
        f"id,text\ncsv-good,\"{GOOD_CSV_ROW}\"\ncsv-broken,\"an unclosed \"quoted\" field\n"
        "csv-after,\"The row after the broken one is read too.\"\n")
    (folder / "rows.jsonl").write_text("\n".join([
        json.dumps({"id": "j-good", "text": "Beijing urged restraint on all sides."}),
        '{"id": "j-bad", "text": "no closing brace"',
        json.dumps({"id": "test-talks", "text": "A second article claiming an existing id."}),
        json.dumps({"id": "../../escape", "text": "An id that tries to climb out of the output folder."}),
        json.dumps({"id": "a/b", "text": "An id with a slash in it."}),
    ]) + "\n")
    return folder


def test_hostile_corpus_keeps_every_good_article_and_names_every_bad_item(tmp_path, capsys):
    folder = _hostile_folder(tmp_path)
    outdir = tmp_path / "out"
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}

    code = main(["extract", str(folder), "-o", str(outdir), "--max-chars", "1000000"])

    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert code == 3, "some inputs were skipped"
    articles = read_table(outdir / "articles.parquet")
    assert sorted(articles["doc_id"]) == sorted([
        "test-bomber-flight", "test-talks", "utf16", "one_nul", "csv-good", "csv-after", "j-good",
        articles.loc[articles["text"].str.startswith("An id that tries"), "doc_id"].item(),
        articles.loc[articles["text"].str.startswith("An id with a slash"), "doc_id"].item(),
    ])
    assert not articles["doc_id"].str.contains("/").any()

    errors = read_table(outdir / "errors.parquet")
    by_file = {}
    for row in errors.itertuples():
        by_file.setdefault(Path(row.source).name, []).append(
            (None if pd.isna(row.line) else int(row.line), row.action, row.error))
    assert by_file["binary.txt"] == [(None, "skipped", "binary file (contains NUL bytes and is not UTF-8), not text")]
    # one stray NUL byte does not make a file binary: the article is kept, the byte removed, a row says so
    assert by_file["one_nul.txt"] == [(None, "kept", "removed 1 control character (NUL) from the text")]
    assert articles.set_index("doc_id").loc["one_nul", "text"].endswith("met in Kyiv on Monday, officials said.")
    assert by_file["latin1.txt"][0][2].startswith("not valid UTF-8: byte 0x92")
    assert by_file["empty.txt"] == [(None, "skipped", "empty text")]
    assert by_file["huge.txt"][0][2] == "file of 20,000,000 bytes is larger than the limit of 1,000,000 characters an article"
    assert by_file["no_text.csv"] == [(1, "skipped", "no 'text' column (columns: title, body)")]
    # a malformed quoted row is skipped alone; the next row is read
    assert by_file["broken.csv"] == [(3, "skipped", "malformed CSV row: ',' expected after '\"'; row skipped")]
    assert articles.set_index("doc_id").loc["csv-after", "source"] == "broken.csv:4"
    # every path is relative to the input root, so the tables do not depend on where the corpus lives
    assert not errors["source"].str.startswith("/").any() and not articles["source"].str.startswith("/").any()
    assert set(errors["source"]) >= {"binary.txt", "broken.csv", "rows.jsonl"}
    jsonl = {line: (action, error) for line, action, error in by_file["rows.jsonl"]}
    assert jsonl[2][0] == "skipped" and jsonl[2][1].startswith("malformed JSON")
    assert jsonl[3] == ("skipped", "duplicate id 'test-talks' (first seen at nested/talks.md)")
    assert jsonl[4][0] == "kept" and "'../../escape' is not a safe identifier" in jsonl[4][1]
    assert jsonl[5][0] == "kept" and "'a/b' is not a safe identifier" in jsonl[5][1]

    skipped = int((errors["action"] == "skipped").sum())
    assert skipped == 8
    assert f"{len(articles)} articles analysed, {skipped} inputs skipped" in summary

    # Nothing was written outside OUTDIR, and the input is untouched.
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if outdir not in p.parents and p != outdir}
    assert after == before
    assert sorted(p.name for p in outdir.iterdir()) == sorted(
        [f"{name}.parquet" for name in ("articles", "sentences", "quotes", "officials", "threats", "devices",
                                         "frames", "actor_sentiment", "errors")] + ["manifest.json"])
