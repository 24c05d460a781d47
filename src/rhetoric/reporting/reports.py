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
import copy
import hashlib
import json
import math
import os
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from rhetoric.io.store import atomic_path

log = logging.getLogger(__name__)

__all__ = [
    "ParameterError", "MissingTables", "template_parameters", "template_choices", "validate_parameters",
    "check_inputs", "prepare_outdir", "processed_folder", "kernel_manager", "start_kernel", "render_report", "ReportResult",
    "KernelStartError", "KERNEL_NAME", "record", "RECORD_MIMETYPE", "notebook_records", "safe_name", "export_html",
]

#: The Jupyter kernel `make` registers for the project's virtual environment.
KERNEL_NAME = "rhetoric"


class ParameterError(ValueError):
    """A parameter that the template does not declare, of the wrong type, or
    not one of the values it allows."""


class MissingTables(FileNotFoundError):
    """The processed corpus a report would read does not exist."""


class OutputError(OSError):
    """The output folder cannot be created or written."""


def template_parameters(template: str | os.PathLike[str]) -> dict[str, Any]:
    """The defaults in the template's ``parameters`` cell, as Python values.

    >>> sorted(template_parameters("notebooks/sentiment_report.ipynb"))[:2]  # doctest: +SKIP
    ['corpus', 'group_by']
    """
    return _literal_assignments(_parameters_source(template), template)


def _parameters_source(template: str | os.PathLike[str]) -> str:
    import nbformat

    notebook = nbformat.read(template, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return cell.source
    raise ParameterError(f"{template}: no code cell tagged 'parameters'")


_ALLOWED = re.compile(r"#.*?\ballowed:\s*(\[.*\])")


def template_choices(template: str | os.PathLike[str]) -> dict[str, list[Any]]:
    """The allowed values a template declares for its parameters: a comment
    ``# allowed: [...]`` (a Python list literal) on the line of the
    assignment, e.g. ``group_by = "outlet"  # allowed: ["outlet", "month", "all"]``.
    :func:`validate_parameters` refuses any other value."""
    return _choices(_parameters_source(template), template)


def _choices(source: str, template: Any) -> dict[str, list[Any]]:
    lines = source.splitlines()
    choices: dict[str, list[Any]] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.Assign) or len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            continue
        match = _ALLOWED.search(lines[node.lineno - 1])
        if match:
            try:
                values = ast.literal_eval(match.group(1))
            except (ValueError, SyntaxError):
                raise ParameterError(f"{template}: the allowed values of {node.targets[0].id!r} are not a list literal") from None
            choices[node.targets[0].id] = list(values)
    return choices


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
    be declared there, its value of the default's type (an int is accepted
    for a float; anything for a default of None) and, if the template
    declares allowed values (:func:`template_choices`), one of them."""
    source = _parameters_source(template)
    defaults = _literal_assignments(source, template)
    choices = _choices(source, template)
    for name, value in parameters.items():
        if not isinstance(name, str) or not name.isidentifier():
            raise ParameterError(f"parameter name {name!r} is not a Python identifier")
        check_literal(name, value)
        if name not in defaults:
            raise ParameterError(f"unknown parameter {name!r} for {Path(template).name}; it declares: {', '.join(sorted(defaults))}")
        default = defaults[name]
        numeric = isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool)
        if default is not None and value is not None and not numeric and type(value) is not type(default):
            raise ParameterError(
                f"parameter {name!r} of {Path(template).name} must be {_type_name(default)} "
                f"(default {default!r}), got {_type_name(value)} {value!r}")
        if name in choices and value not in choices[name]:
            raise ParameterError(
                f"parameter {name!r} of {Path(template).name} must be one of "
                f"{', '.join(map(repr, choices[name]))}; got {value!r}")
    return parameters


def check_literal(name: str, value: Any) -> None:
    """Raise ParameterError unless ``value`` is a plain literal (str, int,
    finite float, bool, None, or a list/tuple/dict of those) that papermill
    will inject as code which evaluates back to exactly ``value``.

    >>> check_literal("n", 3); check_literal("when", ["2026-01-01", None])
    >>> check_literal("x", float("nan"))
    Traceback (most recent call last):
    ...
    rhetoric.reporting.reports.ParameterError: parameter 'x' must be a literal value (str, int, finite float, bool, None, list, dict), got float nan
    """
    def plain(item: Any) -> bool:
        if item is None or isinstance(item, (str, bool, int)):
            return True
        if isinstance(item, float):
            return math.isfinite(item)
        if isinstance(item, (list, tuple)):
            return all(plain(x) for x in item)
        if isinstance(item, dict):
            return all(isinstance(k, str) and plain(v) for k, v in item.items())
        return False

    if not plain(value):
        raise ParameterError(f"parameter {name!r} must be a literal value (str, int, finite float, bool, None, list, dict), "
                             f"got {_type_name(value)} {value!r}")
    from papermill.translators import PythonTranslator

    code = PythonTranslator.translate(value)
    try:
        round_trip = ast.literal_eval(code)
    except (ValueError, SyntaxError):
        round_trip = object()
    if _normalise(round_trip) != _normalise(value):
        raise ParameterError(f"parameter {name!r}: {value!r} cannot be passed safely as a literal")


def _normalise(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_normalise(v) for v in value]
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    return value


def processed_folder(template: str | os.PathLike[str], parameters: dict[str, Any]) -> Path | None:
    """The processed corpus folder a report reads (``processed_root/corpus``,
    the root taken relative to the template's folder, where the kernel
    runs), or None if the template takes no corpus."""
    template = Path(template)
    merged = {**template_parameters(template), **parameters}
    corpus, root = merged.get("corpus"), merged.get("processed_root")
    if not isinstance(corpus, str) or not isinstance(root, str):
        return None
    return (template.parent / root / corpus).resolve()


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when below it, else absolute."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def check_inputs(template: str | os.PathLike[str], parameters: dict[str, Any]) -> dict[str, Any]:
    """:func:`validate_parameters`, then check that the processed corpus the
    report reads exists (:class:`MissingTables` names the folder it looked
    in and the command that makes it); no kernel is started."""
    validate_parameters(template, parameters)
    folder = processed_folder(template, parameters)
    if folder is not None and not (folder / "articles.parquet").is_file():
        corpus = folder.name
        raise MissingTables(
            f"no extracted tables for corpus {corpus!r}: {_shown(folder)}/articles.parquet does not exist "
            f"(processed_root is taken relative to {_shown(Path(template).resolve().parent)}/); "
            f"run `rhetoric extract data/raw/{corpus} -o {_shown(folder)}` first")
    return parameters


def prepare_outdir(outdir: str | os.PathLike[str]) -> Path:
    """Create ``outdir`` if needed and check that files can be written in
    it; :class:`OutputError` names the folder and the reason otherwise."""
    import tempfile

    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"output folder {str(outdir)!r} is an existing file, not a folder")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=outdir, prefix=".rhetoric-write-test-"):
            pass
    except OSError as exc:
        raise OutputError(f"cannot write to output folder {str(outdir)!r}: {exc.strerror or exc}") from None
    return outdir


def parse_cli_value(text: str) -> Any:
    """A ``-p NAME VALUE`` value: a Python literal if it parses as one, else the string.

    >>> parse_cli_value("3"), parse_cli_value("['a']"), parse_cli_value("outlet"), parse_cli_value("None")
    (3, ['a'], 'outlet', None)
    """
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(text: str, *, max_length: int = 80) -> str:
    """``text`` made safe as one file name: only letters, digits, ``.``,
    ``_`` and ``-``, no leading dot, at most ``max_length`` characters; when
    anything had to change, a short hash of the original keeps names distinct.

    >>> safe_name("mw-2026-01-09-icbm-launch")
    'mw-2026-01-09-icbm-launch'
    >>> safe_name("../../etc/passwd")
    'etc_passwd-3754d6cb'
    >>> safe_name("")
    'unnamed-e3b0c442'
    """
    cleaned = _UNSAFE.sub("_", text).strip("._-")[:max_length].rstrip("._-")
    if cleaned == text and cleaned:
        return cleaned
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{cleaned or 'unnamed'}-{digest}"


def inside(folder: str | os.PathLike[str], name: str) -> Path:
    """``folder/name``, refusing any name that would resolve outside ``folder``."""
    folder = Path(folder).resolve()
    path = (folder / name).resolve()
    if path.parent != folder:
        raise ValueError(f"output name {name!r} would leave {folder}")
    return path


# --------------------------------------------------------------------------
# Recording values from inside a notebook
# --------------------------------------------------------------------------

#: The MIME type of the outputs :func:`record` leaves in a notebook.
RECORD_MIMETYPE = "application/vnd.rhetoric.record+json"


def _jsonable(name: str, value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if hasattr(value, "item") and callable(value.item) and getattr(value, "ndim", 0) == 0:  # numpy scalar
        return _jsonable(name, value.item())
    if isinstance(value, (list, tuple)):
        return [_jsonable(name, v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(name, v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"record({name!r}, ...): cannot store a {type(value).__name__}; "
                    "record numbers, strings, booleans, None, or lists/dicts of them")


def record(name: str, value: Any) -> None:
    """Store ``value`` under ``name`` beside the executed notebook.

    Call it in a report notebook; ``rhetoric report`` and ``rhetoric batch``
    collect the values into ``<job>.records.json`` and the batch manifest,
    and ``rhetoric batch collect OUTDIR`` gathers them into one table. The
    value must be JSON-like (numbers, strings, booleans, None, lists, dicts;
    numpy scalars and dates are converted; NaN becomes None). Outside a
    notebook it only checks the value.

    >>> record("n_articles", 26)
    >>> record("frame", object())
    Traceback (most recent call last):
    ...
    TypeError: record('frame', ...): cannot store a object; record numbers, strings, booleans, None, or lists/dicts of them
    """
    if not isinstance(name, str) or not name:
        raise ValueError("record() needs a non-empty string name")
    stored = _jsonable(name, value)
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython is a dependency through ipykernel
        return
    if get_ipython() is not None:
        display({RECORD_MIMETYPE: {"name": name, "value": stored}}, raw=True)


def notebook_records(notebook: Any) -> dict[str, Any]:
    """The values :func:`record` stored in an executed notebook (the last
    one wins for a name recorded twice), in the order first recorded."""
    values: dict[str, Any] = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if RECORD_MIMETYPE in data:
                item = data[RECORD_MIMETYPE]
                if isinstance(item, dict) and "name" in item:
                    values[str(item["name"])] = item.get("value")
    return values


# --------------------------------------------------------------------------
# Running one report
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportResult:
    """The files one report run wrote, and what it recorded."""

    notebook: Path
    html: Path
    records: dict[str, Any]


class ReportFailed(RuntimeError):
    """The notebook raised; its executed copy (with the error) was still saved."""

    def __init__(self, message: str, *, ename: str, evalue: str, cell: int | None, result: ReportResult) -> None:
        super().__init__(message)
        self.ename, self.evalue, self.cell, self.result = ename, evalue, cell, result


def kernel_name() -> str:
    """The project's kernel (``rhetoric``) if registered, else ``python3``."""
    from jupyter_client.kernelspec import KernelSpecManager

    return KERNEL_NAME if KERNEL_NAME in KernelSpecManager().find_kernel_specs() else "python3"


def kernel_manager(kernel: str | None = None) -> Any:
    """A (not yet started) kernel manager for ``kernel`` (default:
    :func:`kernel_name`). Where pyzmq has CurveZMQ and the kernelspec
    declares it (``ipykernel install`` does), the kernel's sockets are
    encrypted (jupyter_client's ``transport_encryption="auto"``), which also
    keeps ipykernel from warning that it runs over TCP without encryption."""
    from jupyter_client.manager import KernelManager

    options: dict[str, Any] = {"kernel_name": kernel or kernel_name()}
    if "transport_encryption" in KernelManager.class_trait_names():
        import zmq

        if zmq.has("curve"):
            options["transport_encryption"] = "auto"
    return KernelManager(**options)


#: How often a kernel that dies while starting is replaced by a new one.
KERNEL_START_ATTEMPTS = 4


class KernelStartError(RuntimeError):
    """No kernel could be started (every attempt died before it was ready)."""


def start_kernel(kernel: str | None = None, cwd: str | os.PathLike[str] | None = None, *,
                 timeout: float = 60, attempts: int = KERNEL_START_ATTEMPTS) -> Any:
    """A started kernel manager whose kernel has answered ``kernel_info``.

    Jupyter's clients choose the kernel's ports and the kernel binds them a
    moment later, so when several kernels start at once (a batch, parallel
    tests) one may find its port taken and die ("Address already in use",
    jupyter/jupyter_client and nteract/papermill#511). Such a kernel is shut
    down and a new one, with new ports, started, up to ``attempts`` times;
    each retry is logged.
    """
    last: BaseException | None = None
    for attempt in range(1, attempts + 1):
        km = kernel_manager(kernel)
        km.start_kernel(cwd=None if cwd is None else str(cwd))
        client = km.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=timeout)
            return km
        except RuntimeError as exc:  # died before replying, or not ready in time
            last = exc
            log.warning("kernel %r did not start (attempt %d of %d): %s", km.kernel_name, attempt, attempts, exc)
            try:
                km.shutdown_kernel(now=True)
            except Exception as shutdown_error:  # noqa: BLE001 - already dead is fine
                log.debug("shutting down a dead kernel: %s", shutdown_error)
        finally:
            client.stop_channels()
    raise KernelStartError(f"no kernel {kernel or kernel_name()!r} could be started in {attempts} attempts: {last}")


_EXPORTER = None


def export_html(notebook: Any) -> str:
    """HTML of an executed notebook with the code hidden, via nbconvert's
    HTMLExporter in-process. Record outputs are left out."""
    global _EXPORTER
    from nbconvert import HTMLExporter

    if _EXPORTER is None:
        _EXPORTER = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    shown = copy.deepcopy(notebook)
    for cell in shown.cells:
        if "outputs" in cell:
            cell.outputs = [o for o in cell.outputs if RECORD_MIMETYPE not in o.get("data", {})]
    body, _ = _EXPORTER.from_notebook_node(shown)
    return body


def _clean_metadata(notebook: Any, template: Path, out_notebook: Path) -> None:
    meta = notebook.metadata.get("papermill", {})
    meta["input_path"] = template.name
    meta["output_path"] = out_notebook.name
    meta.pop("environment_variables", None)


def _first_error(notebook: Any) -> tuple[str, str, int | None]:
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return output.get("ename", "Error"), output.get("evalue", ""), index
    return "Error", "", None


def render_report(template: str | os.PathLike[str], outdir: str | os.PathLike[str], parameters: dict[str, Any] | None = None,
                  *, name: str | None = None, kernel: str | None = None, km: Any = None,
                  execution_timeout: float | None = None) -> ReportResult:
    """Execute ``template`` with ``parameters`` into ``outdir/<name>.ipynb``,
    ``outdir/<name>.html`` (code hidden) and, when the notebook called
    :func:`record`, ``outdir/<name>.records.json``.

    Parameters and the input tables are checked first
    (:class:`ParameterError`, :class:`MissingTables`, :class:`OutputError`;
    no kernel started). The notebook runs with its own folder as working directory, as
    in Jupyter. Each file appears under its final name only when complete.
    If the notebook raises, the executed notebook and its HTML (showing the
    error) are still written and :class:`ReportFailed` is raised. ``km`` is
    an optional started kernel manager to run in (``rhetoric batch`` passes a
    fresh, pre-started kernel).
    """
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    template = Path(template)
    if not template.is_file():
        raise FileNotFoundError(f"template {str(template)!r} does not exist")
    parameters = check_inputs(template, dict(parameters or {}))
    outdir = prepare_outdir(outdir)
    name = safe_name(name or template.stem)
    out_notebook = inside(outdir, f"{name}.ipynb")
    out_html = inside(outdir, f"{name}.html")
    out_records = inside(outdir, f"{name}.records.json")
    failure: BaseException | None = None
    own_km = start_kernel(kernel, template.parent.resolve()) if km is None else None  # nbclient leaves a km it was given running
    with atomic_path(out_notebook) as tmp:
        tmp_ipynb = tmp.with_suffix(".ipynb")
        try:
            try:
                pm.execute_notebook(
                    str(template), str(tmp_ipynb), parameters=parameters,
                    kernel_name=kernel or kernel_name(), km=km if km is not None else own_km,
                    cwd=str(template.parent.resolve()),
                    progress_bar=False, log_output=False, shutdown_kernel="immediate",
                    execution_timeout=execution_timeout,
                )
            except PapermillExecutionError as exc:
                failure = exc
            except Exception as exc:  # dead kernel, timeout: papermill still saved what ran
                if not tmp_ipynb.exists():
                    raise
                failure = exc
            notebook = nbformat.read(tmp_ipynb, as_version=4)
        finally:
            tmp_ipynb.unlink(missing_ok=True)
            if own_km is not None and own_km.has_kernel:
                own_km.shutdown_kernel(now=True)
        _clean_metadata(notebook, template, out_notebook)
        nbformat.write(notebook, tmp)
    records = notebook_records(notebook)
    with atomic_path(out_html) as tmp:
        tmp.write_text(export_html(notebook), encoding="utf-8")
    if records:
        with atomic_path(out_records) as tmp:
            tmp.write_text(json.dumps(records, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        out_records.unlink(missing_ok=True)
    result = ReportResult(out_notebook, out_html, records)
    if failure is not None:
        if isinstance(failure, PapermillExecutionError):
            ename, evalue, cell = failure.ename, failure.evalue, failure.cell_index
        else:
            ename, evalue, cell = type(failure).__name__, str(failure), _first_error(notebook)[2]
        raise ReportFailed(f"{template.name} failed in cell {cell}: {ename}: {evalue}",
                           ename=ename, evalue=str(evalue), cell=cell, result=result) from None
    return result
