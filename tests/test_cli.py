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
