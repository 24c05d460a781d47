"""The report notebooks: committed clean, parameterised by literals, and
every one of them executes on a small corpus (sample articles plus a hostile
one) without letting the hostile text become markup."""

from __future__ import annotations

import ast
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import pytest

import re

from report_fixtures import (HOSTILE_ID, HOSTILE_SNIPPETS, NOTEBOOKS, assert_no_markup_from_data, build_processed,
                             build_user_processed, figure_is_empty, figure_pngs)
from rhetoric.reporting.reports import KERNEL_NAME, template_parameters

ALL_NOTEBOOKS = sorted(NOTEBOOKS.rglob("*.ipynb"))
REPORT_TEMPLATES = ["corpus_overview", "sentiment_report", "framing_report", "article_report"]


def test_every_expected_notebook_exists():
    names = {path.stem for path in ALL_NOTEBOOKS}
    assert set(REPORT_TEMPLATES) <= names
    assert len([p for p in ALL_NOTEBOOKS if p.parent.name == "exploratory"]) >= 2


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.relative_to(NOTEBOOKS).as_posix())
def test_notebook_is_committed_clean(path: Path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code), "notebook carries outputs"
    assert "papermill" not in notebook.metadata
    # first code cell: the parameters, literal values only
    assert "parameters" in code[0].metadata.get("tags", [])
    for node in ast.parse(code[0].source).body:
        assert isinstance(node, ast.Assign)
        ast.literal_eval(node.value)
    assert template_parameters(path)
    # a markdown header states the question
    headers = [cell.source for cell in notebook.cells if cell.cell_type == "markdown" and cell.source.startswith("# ")]
    assert headers, "no '# ' header"
    # no absolute paths of a machine
    assert "/work/" not in path.read_text(encoding="utf-8") and "/home/" not in path.read_text(encoding="utf-8")
    # JupyterLab opens it on the project's kernel, not on whatever python3 is
    assert notebook.metadata["kernelspec"]["name"] == KERNEL_NAME


@pytest.mark.parametrize("name", REPORT_TEMPLATES)
def test_report_notebooks_hold_no_extraction_logic(name: str):
    source = "\n".join(cell.source for cell in nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4).cells
                       if cell.cell_type == "code")
    for call in ("extract_quotes", "extract_threats", "extract_devices", "score_frames", "split_sentences",
                 "score_sentiment(", "re.", "groupby(\"doc_id\")", "<span", "<mark"):
        assert call not in source, f"{name} does {call} itself; that belongs in the library"
    # figures carry titles and axis labels
    assert source.count("plt.subplots") <= source.count("title=")
    assert "xlabel=" in source and "ylabel=" in source


def _render(args: tuple[str, str, dict, str]) -> tuple[str, str | None, dict, str | None]:
    from rhetoric.reporting.reports import ReportFailed, render_report

    template, outdir, parameters, name = args
    try:
        result = render_report(template, outdir, parameters, name=name)
        return name, None, result.records, result.html.read_text(encoding="utf-8")
    except ReportFailed as exc:
        return name, f"{exc}", {}, None


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[str | None, dict, str | None, Path]]:
    folder = tmp_path_factory.mktemp("notebooks")
    processed = build_processed(folder, n_sample=6)
    out = folder / "reports"
    common = {"corpus": processed.name, "processed_root": str(processed.parent)}
    jobs = [(str(NOTEBOOKS / f"{name}.ipynb"), str(out), dict(common), name) for name in REPORT_TEMPLATES[:3]]
    jobs.append((str(NOTEBOOKS / "article_report.ipynb"), str(out), {**common, "doc_id": HOSTILE_ID}, "article_report"))
    jobs.append((str(NOTEBOOKS / "sentiment_report.ipynb"), str(out),
                 {**common, "start_date": "2030-01-01"}, "sentiment_report-empty"))
    for path in sorted((NOTEBOOKS / "exploratory").glob("*.ipynb")):
        jobs.append((str(path), str(out), {}, path.stem))
    # the corpus shaped like a user's own data: id, title and text only
    user = build_user_processed(folder)
    on_user = {"corpus": user.name, "processed_root": str(user.parent)}
    for name in REPORT_TEMPLATES[:3]:
        jobs.append((str(NOTEBOOKS / f"{name}.ipynb"), str(out), dict(on_user), f"user-{name}"))
    for group_by in ("month", "all"):
        jobs.append((str(NOTEBOOKS / "framing_report.ipynb"), str(out), {**on_user, "group_by": group_by},
                     f"user-framing_report-{group_by}"))
    for doc_id in USER_DOCS:
        jobs.append((str(NOTEBOOKS / "article_report.ipynb"), str(out), {**on_user, "doc_id": doc_id}, f"user-article-{doc_id}"))
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_render, jobs))
    return {name: (error, records, page, out) for name, error, records, page in results}


USER_DOCS = ("strait-drills-long", "headline-only-1", "odd-speakers")


def test_every_template_executes(rendered):
    failures = {name: error for name, (error, _, _, _) in rendered.items() if error}
    assert not failures
    assert len(rendered) >= 7 + 3 + 2 + len(USER_DOCS)


def _visible(page: str) -> str:
    return assert_no_markup_from_data(page)


@pytest.mark.parametrize("prefix", ["", "user-"], ids=["sample", "user-corpus"])
def test_no_empty_figure_and_no_nan(rendered, prefix):
    """Every report on both corpora: every figure shows data, no text reads
    "nan", no error output, and each report has its figures."""
    names = [name for name in rendered if name.startswith(prefix) and (prefix or not name.startswith("user-"))
             and name != "sentiment_report-empty" and not name.startswith("0")]
    assert len(names) >= 4
    for name in names:
        page = rendered[name][2]
        text = _visible(page)
        found = re.search(r".{0,40}\b(nan|NaN|NaT)\b.{0,40}", text, re.S)
        assert found is None, f"{name}: {found.group(0) if found else ''!r}"
        executed = nbformat.read(rendered[name][3] / f"{name}.ipynb", as_version=4)
        outputs = [o for cell in executed.cells for o in cell.get("outputs", [])]
        noise = [o for o in outputs if o.get("output_type") == "error" or o.get("name") == "stderr"]
        assert not noise, f"{name}: warnings or errors shown to the reader: {noise[:2]}"
        pngs = figure_pngs(page)
        if any(template in name for template in REPORT_TEMPLATES[:3]) or name.endswith("strait-drills-long"):
            assert pngs, f"{name} shows no figure at all"
        for number, png in enumerate(pngs):
            assert not figure_is_empty(png), f"{name}: figure {number} is empty"


def test_user_corpus_reads_as_one_group_with_notes(rendered):
    overview = _visible(rendered["user-corpus_overview"][2])
    assert "The articles carry no dates, so they cannot be counted per month." in overview
    assert "This corpus names no outlet" in overview and "all articles" in overview
    assert "headlines or short items" in overview  # the two headline-only articles
    framing = _visible(rendered["user-framing_report"][2])
    # threats were found: no "No threats found" anywhere, and the CAMEO categories are shown
    assert "No threats found" not in framing
    assert "13 Threaten" in framing and "15 Exhibit force posture" in framing
    assert "cannot be shown over time" in framing
    # the Semetko & Valkenburg items carry their questions, not bare codes
    assert "con1: Does the story reflect disagreement" in framing
    month = _visible(rendered["user-framing_report-month"][2])
    assert "cannot be grouped by month" in month
    # speakers without an affiliation stay in the most-quoted table
    assert "Grace Achieng" in overview and "Lin Chao-wei" in overview


def test_user_article_headers_hold_no_nan(rendered):
    for doc_id in USER_DOCS:
        page = rendered[f"user-article-{doc_id}"][2]
        header = re.search(r'<p class="rh-meta">(.*?)</p>', page).group(1)
        assert header == "no outlet, date or link given"
        assert rendered[f"user-article-{doc_id}"][1]["title"]


def test_reports_record_values(rendered):
    assert rendered["corpus_overview"][1]["articles"] == 7
    # the hand-written rows plus whatever the extractors find in the hostile article
    assert rendered["article_report"][1]["quotes"] >= 1 and rendered["article_report"][1]["threats"] >= 1
    assert rendered["sentiment_report-empty"][1] == {"articles": 0, "mean_compound": None}
    out = rendered["article_report"][3]
    assert json.loads((out / "article_report.records.json").read_text()) == rendered["article_report"][1]


def test_empty_selection_reads_as_notes(rendered):
    page = rendered["sentiment_report-empty"][2]
    assert "No articles in this selection." in page and "Traceback" not in page


def test_hostile_article_renders_as_text(rendered):
    page = rendered["article_report"][2]
    text = assert_no_markup_from_data(page)
    for snippet in HOSTILE_SNIPPETS:
        assert snippet in text, f"{snippet!r} is not shown as text"
    assert "javascript:alert(1)" in text  # the url, shown but never linked
    for name in ("corpus_overview", "sentiment_report", "framing_report"):
        assert_no_markup_from_data(rendered[name][2])


def test_saved_notebooks_hold_no_machine_paths(rendered):
    out = rendered["article_report"][3]
    notebook = json.loads((out / "article_report.ipynb").read_text(encoding="utf-8"))
    meta = notebook["metadata"]["papermill"]
    assert meta["input_path"] == "article_report.ipynb" and meta["output_path"] == "article_report.ipynb"
    assert "environment_variables" not in meta
    assert str(NOTEBOOKS.parent) not in json.dumps(notebook["metadata"])
