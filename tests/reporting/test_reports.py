"""rhetoric report: parameters checked before any kernel starts, literal-only
injection, safe output names, records, and the HTML export."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from report_fixtures import NOTEBOOKS, build_processed
from rhetoric.reporting.batch import read_manifest
from rhetoric.cli import main
from rhetoric.reporting.reports import (RECORD_MIMETYPE, ParameterError, check_literal, export_html, inside, notebook_records,
                              parse_cli_value, record, safe_name, template_parameters, validate_parameters)

SENTIMENT = NOTEBOOKS / "sentiment_report.ipynb"


def test_template_parameters_reads_the_literal_defaults():
    defaults = template_parameters(SENTIMENT)
    assert defaults["corpus"] == "sample" and defaults["group_by"] == "outlet"
    assert defaults["start_date"] is None and defaults["actors"] == []


def test_template_without_literal_parameters_is_refused(tmp_path):
    path = tmp_path / "t.ipynb"
    cell = new_code_cell("import os\nroot = os.getcwd()", metadata={"tags": ["parameters"]})
    nbformat.write(new_notebook(cells=[cell]), path)
    with pytest.raises(ParameterError, match="'root' is not a literal"):
        template_parameters(path)
    nbformat.write(new_notebook(cells=[new_code_cell("x = 1")]), path)
    with pytest.raises(ParameterError, match="no code cell tagged 'parameters'"):
        template_parameters(path)


@pytest.mark.parametrize("parameters, message", [
    ({"nn": 5}, "unknown parameter 'nn'"),
    ({"group_by": 3}, "must be str"),
    ({"actors": "North Korea"}, "must be list"),
    ({"n_quotes": 2.5}, "must be int"),
    ({"n_quotes": float("nan")}, "must be a literal value"),
    ({"corpus": object()}, "must be a literal value"),
])
def test_validate_parameters_rejects(parameters, message):
    with pytest.raises(ParameterError, match=message):
        validate_parameters(SENTIMENT, parameters)


def test_validate_parameters_accepts():
    assert validate_parameters(SENTIMENT, {"start_date": "2026-01-01", "actors": ["North Korea"], "n_quotes": 3})


@pytest.mark.parametrize("value", ['x"; import os; os.system("echo owned") #', "a\\\"b", "\n__import__('os')\n", "é\u2028"])
def test_strings_are_injected_as_literals(value):
    check_literal("corpus", value)  # papermill's translation of these evaluates back to the same string
    from papermill.translators import PythonTranslator
    import ast

    assert ast.literal_eval(PythonTranslator.translate(value)) == value


def test_cli_values():
    assert parse_cli_value("5") == 5 and parse_cli_value("'5'") == "5" and parse_cli_value("sample") == "sample"
    assert parse_cli_value("__import__('os')") == "__import__('os')"  # not a literal: stays a string


def test_report_usage_errors_exit_2_before_any_kernel(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["report", str(SENTIMENT), "-p", "nn", "5", "-o", str(out)]) == 2
    assert "unknown parameter 'nn'" in capsys.readouterr().err
    assert main(["report", str(SENTIMENT), "-p", "group_by", "3", "-o", str(out)]) == 2
    assert "parameter 'group_by' of sentiment_report.ipynb must be str" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "missing.ipynb"), "-o", str(out)]) == 2
    assert not out.exists()


def test_safe_name_and_inside(tmp_path):
    for hostile in ("../x", "/etc/passwd", "..", ".hidden", "a/../../b", "x\x00y", "😀" * 100, ""):
        name = safe_name(hostile)
        assert inside(tmp_path, name + ".html").parent == tmp_path.resolve()
        assert not name.startswith(".") and len(name) <= 89
    assert safe_name("a/b") != safe_name("a_b")  # changed names keep a hash of the original
    with pytest.raises(ValueError):
        inside(tmp_path, "../x.html")


def test_record_outputs_are_collected_and_hidden_from_html():
    cell = new_code_cell("", outputs=[
        new_output("display_data", data={RECORD_MIMETYPE: {"name": "n", "value": 3}}),
        new_output("stream", name="stdout", text="<b>kept as text</b>\n"),
        new_output("display_data", data={RECORD_MIMETYPE: {"name": "n", "value": 4}}),
    ])
    notebook = new_notebook(cells=[new_markdown_cell("# Q"), cell])
    assert notebook_records(notebook) == {"n": 4}
    page = export_html(notebook)
    assert RECORD_MIMETYPE not in page and "&lt;b&gt;kept as text&lt;/b&gt;" in page
    assert len(notebook.cells[1].outputs) == 3  # the notebook itself is not modified


def test_record_checks_values():
    import numpy as np

    assert record("x", np.float64(1.5)) is None
    with pytest.raises(TypeError):
        record("x", {1, 2})
    with pytest.raises(ValueError):
        record("", 1)


def test_report_runs_and_fails_with_exit_codes(tmp_path, capsys):
    processed = build_processed(tmp_path, n_sample=3, hostile=False)
    out = tmp_path / "reports"
    root = ["-p", "corpus", processed.name, "-p", "processed_root", str(processed.parent)]
    template = NOTEBOOKS / "article_report.ipynb"
    assert main(["report", str(template), *root, "-p", "doc_id", "no-such-doc", "-o", str(out), "--name", "../../bad"]) == 1
    err = capsys.readouterr().err
    assert "LookupError" in err and "executed notebook kept" in err
    written = sorted(p.name for p in out.iterdir())
    assert all(not name.startswith("..") for name in written) and not (tmp_path / "bad.html").exists()
    entry = read_manifest(out)[0]
    assert entry["status"] == "failed" and entry["error"]["name"] == "LookupError"
    assert "failed" in (out / "index.html").read_text()
    notebook = json.loads(next(out.glob("*.ipynb")).read_text())
    assert notebook["metadata"]["papermill"]["input_path"] == "article_report.ipynb"
    assert str(Path.cwd()) not in json.dumps(notebook["metadata"])


def test_templates_declare_allowed_values_checked_before_a_kernel(tmp_path):
    from rhetoric.reporting.reports import MissingTables, render_report, template_choices

    for name in ("sentiment_report", "framing_report"):
        assert template_choices(NOTEBOOKS / f"{name}.ipynb") == {"group_by": ["outlet", "month", "all"]}
    with pytest.raises(ParameterError, match="must be one of 'outlet', 'month', 'all'; got 'country'"):
        validate_parameters(SENTIMENT, {"group_by": "country"})
    cell = new_code_cell('mode = "a"  # allowed: ["a", "b"]\nn = 1', metadata={"tags": ["parameters"]})
    path = tmp_path / "t.ipynb"
    nbformat.write(new_notebook(cells=[cell]), path)
    assert template_choices(path) == {"mode": ["a", "b"]}
    assert validate_parameters(path, {"mode": "b", "n": 2})
    # a missing corpus is found before any kernel starts, and nothing is written
    with pytest.raises(MissingTables, match="no extracted tables for corpus 'nowhere'"):
        render_report(SENTIMENT, tmp_path / "out", {"corpus": "nowhere"})
    assert not (tmp_path / "out").exists()
