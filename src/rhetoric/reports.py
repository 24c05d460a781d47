"""Rendering parameterized report notebooks with papermill.

A template is a notebook whose first code cell, tagged ``parameters``, holds
literal assignments. :func:`render_report` checks the given parameters against
that cell before any kernel starts (papermill itself only warns), executes
the notebook through papermill's Python API with the project's kernel, strips
machine paths from the saved notebook, and exports HTML with the code hidden
(nbconvert's HTMLExporter, in-process).
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from rhetoric.store import atomic_path

__all__ = ["ParameterError", "template_parameters", "validate_parameters", "render_report", "ReportResult", "KERNEL_NAME"]

#: The Jupyter kernel `make` registers for the project's virtual environment.
KERNEL_NAME = "rhetoric"


class ParameterError(ValueError):
    """A parameter that the template does not declare, or of the wrong type."""


def template_parameters(template: str | os.PathLike[str]) -> dict[str, Any]:
    """The defaults in the template's ``parameters`` cell, as Python values.

    >>> sorted(template_parameters("notebooks/sentiment_report.ipynb"))[:2]  # doctest: +SKIP
    ['corpus', 'group_by']
    """
    notebook = nbformat.read(template, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return _literal_assignments(cell.source, template)
    raise ParameterError(f"{template}: no code cell tagged 'parameters'")


def _literal_assignments(source: str, template: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for node in ast.parse(source).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if not isinstance(target, ast.Name):
                    continue
                try:
                    values[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    raise ParameterError(f"{template}: parameter {target.id!r} is not a literal value") from None
    return values


def _type_name(value: Any) -> str:
    return "None" if value is None else type(value).__name__


def validate_parameters(template: str | os.PathLike[str], parameters: dict[str, Any]) -> dict[str, Any]:
    """Check ``parameters`` against the template's defaults: every name must
    be declared there, and its value of the default's type (an int is
    accepted for a float; anything for a default of None)."""
    defaults = template_parameters(template)
    for name, value in parameters.items():
        if name not in defaults:
            raise ParameterError(f"unknown parameter {name!r} for {Path(template).name}; it declares: {', '.join(sorted(defaults))}")
        default = defaults[name]
        if default is None or value is None:
            continue
        if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            continue
        if type(value) is not type(default):
            raise ParameterError(
                f"parameter {name!r} of {Path(template).name} must be {_type_name(default)} "
                f"(default {default!r}), got {_type_name(value)} {value!r}")
    return parameters


def parse_cli_value(text: str) -> Any:
    """A ``-p NAME VALUE`` value: a Python literal if it parses as one, else the string."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


@dataclass(frozen=True)
class ReportResult:
    notebook: Path
    html: Path


def _kernel_name() -> str | None:
    from jupyter_client.kernelspec import KernelSpecManager

    return KERNEL_NAME if KERNEL_NAME in KernelSpecManager().find_kernel_specs() else None


def render_report(template: str | os.PathLike[str], outdir: str | os.PathLike[str], parameters: dict[str, Any] | None = None,
                  *, name: str | None = None, kernel_name: str | None = None) -> ReportResult:
    """Execute ``template`` with ``parameters`` into ``outdir/<name>.ipynb``
    and ``outdir/<name>.html`` (code hidden). The notebook runs with its own
    folder as working directory, as in Jupyter."""
    import papermill as pm
    from nbconvert import HTMLExporter

    template = Path(template)
    parameters = validate_parameters(template, dict(parameters or {}))
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    name = name or template.stem
    out_notebook = outdir / f"{name}.ipynb"
    out_html = outdir / f"{name}.html"
    with atomic_path(out_notebook) as tmp:
        tmp_ipynb = tmp.with_suffix(".ipynb")
        try:
            pm.execute_notebook(
                str(template), str(tmp_ipynb), parameters=parameters,
                kernel_name=kernel_name or _kernel_name(), cwd=str(template.parent.resolve()),
                progress_bar=False, log_output=False,
            )
            notebook = nbformat.read(tmp_ipynb, as_version=4)
        finally:
            tmp_ipynb.unlink(missing_ok=True)
        meta = notebook.metadata.get("papermill", {})
        meta["input_path"] = template.name
        meta["output_path"] = out_notebook.name
        nbformat.write(notebook, tmp)
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(notebook)
    with atomic_path(out_html) as tmp:
        tmp.write_text(body, encoding="utf-8")
    return ReportResult(out_notebook, out_html)
