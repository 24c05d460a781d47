import subprocess
import sys

import pytest

from rhetoric.cli import main


def test_help_lists_commands(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "extract" in out and "report" in out


def test_extract_help_documents_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    out = capsys.readouterr().out
    assert "--strict" in out and "Exit codes" in out


def test_extract_exit_codes(small_corpus, tmp_path, capsys):
    assert main(["extract", str(small_corpus), "-o", str(tmp_path / "ok"), "-q"]) == 0
    assert (tmp_path / "ok" / "manifest.json").exists()

    assert main(["extract", str(tmp_path / "missing"), "-o", str(tmp_path / "x")]) == 2
    assert "does not exist" in capsys.readouterr().err

    (small_corpus / "bad.jsonl").write_text("{oops\n")
    assert main(["extract", str(small_corpus), "-o", str(tmp_path / "skipped")]) == 3
    assert "1 inputs skipped" in capsys.readouterr().err

    assert main(["extract", str(small_corpus), "-o", str(tmp_path / "strict"), "--strict", "-q"]) == 1
    assert "bad.jsonl, line 1: malformed JSON" in capsys.readouterr().err
    assert not (tmp_path / "strict" / "manifest.json").exists()
    assert not any(p.suffix == ".parquet" for p in (tmp_path / "strict").iterdir())


def test_usage_error_exits_2(tmp_path):
    result = subprocess.run([sys.executable, "-m", "rhetoric", "extract", str(tmp_path), "-o", str(tmp_path), "--jobs", "0"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "must be at least 1" in result.stderr


# --------------------------------------------------------------------------
# Issue 14: a user's own corpus, and user errors reported early, without tracebacks
# --------------------------------------------------------------------------

from pathlib import Path  # noqa: E402

from report_fixtures import NOTEBOOKS, USER_CORPUS, build_user_processed  # noqa: E402
from rhetoric.io.store import read_table  # noqa: E402

FRAMING = NOTEBOOKS / "framing_report.ipynb"


@pytest.fixture(scope="module")
def user_tables(tmp_path_factory) -> Path:
    return build_user_processed(tmp_path_factory.mktemp("user"))


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rhetoric", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


def test_extract_reads_a_corpus_folder_with_or_without_articles(tmp_path, capsys):
    # data/raw/<name>/articles/ beside notes: only articles/ is read
    assert main(["extract", str(USER_CORPUS), "-o", str(tmp_path / "with"), "-q"]) == 0
    with_articles = read_table(tmp_path / "with" / "articles.parquet")
    assert len(with_articles) == 8 and "README" not in set(with_articles["doc_id"])
    # data/raw/<name>/ holding the file itself
    flat = tmp_path / "raw" / "flat"
    flat.mkdir(parents=True)
    (flat / "news.jsonl").write_bytes((USER_CORPUS / "articles" / "news.jsonl").read_bytes())
    assert main(["extract", str(flat), "-o", str(tmp_path / "without")]) == 0
    assert "reading the articles in" not in capsys.readouterr().err
    without = read_table(tmp_path / "without" / "articles.parquet")
    assert without["doc_id"].tolist() == with_articles["doc_id"].tolist()
    # sources are relative to the input root, so both runs name the rows alike
    assert without["source"].tolist() == with_articles["source"].tolist() == [f"news.jsonl:{n}" for n in range(1, 9)]


def test_extract_output_that_cannot_be_a_folder_exits_2(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("not a folder\n")
    result = _cli("extract", str(USER_CORPUS), "-o", str(readme))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"output folder '{readme}' is an existing file, not a folder" in result.stderr
    assert readme.read_text() == "not a folder\n"
    result = _cli("extract", str(USER_CORPUS), "-o", "/proc/x")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cannot write to output folder '/proc/x'" in result.stderr


def test_report_refuses_a_value_the_template_does_not_allow(tmp_path, user_tables):
    out = tmp_path / "out"
    result = _cli("report", str(FRAMING), "-p", "corpus", user_tables.name, "-p", "processed_root",
                  str(user_tables.parent), "-p", "group_by", "country", "-o", str(out))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "parameter 'group_by' of framing_report.ipynb must be one of 'outlet', 'month', 'all'; got 'country'" in result.stderr
    assert not out.exists()  # refused before a kernel started or anything was written
    # `source` is a column of the articles table but no grouping: refused too (it gave one bar per article)
    assert main(["report", str(FRAMING), "-p", "group_by", "source", "-o", str(out)]) == 2
    assert main(["batch", str(FRAMING), "-p", "group_by", "country", "-o", str(out)]) == 2
    assert not out.exists()


def test_report_on_a_missing_corpus_names_the_folder_before_a_kernel_starts(tmp_path):
    out = tmp_path / "out"
    result = _cli("report", str(FRAMING), "-p", "corpus", "ukr2", "-p", "processed_root", str(tmp_path / "processed"),
                  "-o", str(out))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{tmp_path / 'processed' / 'ukr2'}/articles.parquet does not exist" in result.stderr
    assert f"rhetoric extract data/raw/ukr2 -o {tmp_path / 'processed' / 'ukr2'}" in result.stderr
    assert not out.exists()
    # with the default processed_root (../data/processed from notebooks/), the path is the repository's
    result = _cli("report", "notebooks/framing_report.ipynb", "-p", "corpus", "ukr2", "-o", str(out),
                  cwd=NOTEBOOKS.parent)
    assert result.returncode == 2 and "data/processed/ukr2/articles.parquet does not exist" in result.stderr
    assert "../data" not in result.stderr


def test_report_to_an_unwritable_folder_exits_2_before_running(tmp_path, user_tables):
    result = _cli("report", str(NOTEBOOKS / "corpus_overview.ipynb"), "-p", "corpus", user_tables.name,
                  "-p", "processed_root", str(user_tables.parent), "-o", "/proc/x")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cannot write to output folder '/proc/x'" in result.stderr


def test_report_runs_quietly_on_the_user_corpus(tmp_path, user_tables):
    """A real run: no kernel warnings (ipykernel's 'running over TCP without
    encryption', 'parent appears to have exited'), only the line naming the outputs."""
    result = _cli("report", str(NOTEBOOKS / "corpus_overview.ipynb"), "-p", "corpus", user_tables.name,
                  "-p", "processed_root", str(user_tables.parent), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "without encryption" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"rhetoric report: wrote {tmp_path / 'out' / 'corpus_overview.ipynb'} and {tmp_path / 'out' / 'corpus_overview.html'}"]
