"""Many reports at once: a process pool of papermill runs with a manifest.

``rhetoric batch TEMPLATE --grid GRID.yml`` (or ``--each-doc CORPUS``) turns
a template into one job per parameter set and runs the jobs in worker
*processes* (never threads). A worker starts the kernel for its next job,
and imports the usual libraries in it, while the current one runs, which
hides most of the kernel start-up. Every job gets a fresh kernel unless
``reuse_kernels=True`` (``--reuse-kernels``), see :func:`run_batch`.

Per job the output folder gets ``<job>.ipynb``, ``<job>.html`` and, if the
notebook called :func:`rhetoric.record`, ``<job>.records.json``, each
written under a temporary name and renamed when complete. A failing job
keeps its executed notebook (with the error) and never stops the others.
``manifest.jsonl`` holds one line per job: its parameters, status, seconds,
error (name, message, cell), records and a key over everything that
determines the output (template bytes, parameters, input tables, rhetoric
version); ``--resume`` skips jobs whose key is unchanged and that succeeded.
``index.html`` lists every job with its status and links.

>>> expand_grid({"group_by": ["outlet", "month"], "corpus": "sample"})
[{'group_by': 'outlet', 'corpus': 'sample'}, {'group_by': 'month', 'corpus': 'sample'}]
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import logging
import os
import queue
import sys
import time
import urllib.parse
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rhetoric.reporting.reports import (ParameterError, ReportFailed, check_inputs, inside, kernel_manager, kernel_name,
                                        processed_folder, render_report, safe_name, start_kernel, validate_parameters)
from rhetoric.io.store import atomic_path, sha256_file

log = logging.getLogger(__name__)

__all__ = [
    "Job", "BatchResult", "expand_grid", "read_grid", "make_jobs", "run_batch", "collect",
    "read_manifest", "write_index", "record_run",
]

MANIFEST = "manifest.jsonl"
INDEX = "index.html"

#: Imported in a standby kernel before it is handed to a job (modules only,
#: no names are left in the notebook's namespace).
PRELOAD_MODULES = ("numpy", "pandas", "pyarrow.parquet", "matplotlib.pyplot", "seaborn", "rhetoric", "rhetoric.reporting.display")


@dataclass(frozen=True)
class Job:
    """One report to render: its output name (a safe file stem) and parameters."""

    name: str
    parameters: dict[str, Any]


@dataclass
class BatchResult:
    """What :func:`run_batch` did: the manifest entries of every job, in job order."""

    outdir: Path
    entries: list[dict[str, Any]]
    ran: int
    skipped: int
    seconds: float

    @property
    def failed(self) -> list[dict[str, Any]]:
        return [entry for entry in self.entries if entry["status"] != "succeeded"]


# --------------------------------------------------------------------------
# Jobs
# --------------------------------------------------------------------------

def expand_grid(grid: Mapping[str, Any] | list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Parameter sets from a grid: a mapping of name → list of values gives
    their product (a scalar counts as a one-value list; a list-valued
    parameter needs a list of lists); a list of mappings is taken as is.

    >>> expand_grid([{"doc_id": "a"}, {"doc_id": "b"}])
    [{'doc_id': 'a'}, {'doc_id': 'b'}]
    """
    if isinstance(grid, list):
        if not all(isinstance(item, Mapping) for item in grid):
            raise ParameterError("a grid list must hold one mapping of parameters per job")
        return [dict(item) for item in grid]
    if not isinstance(grid, Mapping):
        raise ParameterError("a grid is a mapping of parameter -> list of values, or a list of parameter mappings")
    names = list(grid)
    values = [grid[name] if isinstance(grid[name], list) else [grid[name]] for name in names]
    return [dict(zip(names, combination)) for combination in itertools.product(*values)]


def read_grid(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Parameter sets from a YAML (or JSON) grid file; see :func:`expand_grid`."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ParameterError(f"{path}: not valid YAML: {exc}") from None
    if data is None:
        raise ParameterError(f"{path}: the grid is empty")
    return expand_grid(data)


def _processed_folder(template: Path, parameters: Mapping[str, Any]) -> Path | None:
    return processed_folder(template, dict(parameters))


def each_doc_parameters(template: Path, corpus: str, fixed: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One parameter set per article of a processed corpus. ``corpus`` is a
    corpus name under the template's ``processed_root`` or a path to a
    processed folder (one holding ``articles.parquet``)."""
    import pyarrow.parquet as pq

    given = Path(corpus)
    if (given / "articles.parquet").is_file():
        folder = given.resolve()
        root = os.path.relpath(folder.parent, template.parent.resolve())
        base = {"corpus": folder.name, "processed_root": Path(root).as_posix()}
    else:
        base = {"corpus": corpus}
        folder = _processed_folder(template, {**fixed, **base})
        if folder is None or not (folder / "articles.parquet").is_file():
            raise FileNotFoundError(f"--each-doc {corpus}: no articles.parquet in {folder or corpus}; "
                                    "give a corpus name under the template's processed_root or a processed folder")
    doc_ids = pq.read_table(folder / "articles.parquet", columns=["doc_id"]).column("doc_id").to_pylist()
    return [{**base, "doc_id": doc_id} for doc_id in doc_ids]


def make_jobs(template: str | os.PathLike[str], *, grid: list[dict[str, Any]] | None = None,
              each_doc: str | None = None, fixed: Mapping[str, Any] | None = None) -> list[Job]:
    """The jobs of a batch: every grid parameter set (times every article
    with ``each_doc``), over the ``fixed`` parameters, each validated
    against the template. Names come from the parameters that vary (the
    doc_id alone for ``each_doc``), sanitised to safe file names."""
    template = Path(template)
    fixed = dict(fixed or {})
    sets = [dict(fixed)]
    if grid:
        sets = [{**fixed, **item} for item in grid]
    if each_doc is not None:
        docs = each_doc_parameters(template, each_doc, fixed)
        sets = [{**item, **doc} for item in sets for doc in docs]
    checked: set[str] = set()
    for parameters in sets:
        validate_parameters(template, parameters)
        folder = str(_processed_folder(template, parameters))
        if folder not in checked:  # the input tables, once per folder
            check_inputs(template, parameters)
            checked.add(folder)
    varying = [name for name in dict.fromkeys(k for item in sets for k in item)
               if len({json.dumps(item.get(name), sort_keys=True, default=str) for item in sets}) > 1]
    jobs, taken = [], set()
    for parameters in sets:
        if each_doc is not None:
            parts = [str(parameters["doc_id"])] + [_short(parameters.get(n)) for n in varying if n != "doc_id"]
            name = safe_name("-".join(parts))
        else:
            parts = [template.stem] + [_short(parameters.get(n)) for n in varying]
            name = "-".join(safe_name(p, max_length=40) for p in parts)
        name = safe_name(name, max_length=120)
        unique, counter = name, 2
        while unique in taken:
            unique, counter = f"{name}-{counter}", counter + 1
        taken.add(unique)
        jobs.append(Job(unique, parameters))
    return jobs


def _short(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)


# --------------------------------------------------------------------------
# Keys for --resume
# --------------------------------------------------------------------------

def input_fingerprint(template: Path, parameters: Mapping[str, Any]) -> str:
    """A hash of the input tables a report reads: the processed corpus's
    manifest.json (which holds every table's SHA-256), or the tables
    themselves if there is no manifest; ``"none"`` if the template takes no
    corpus, ``"missing"`` if the folder does not exist."""
    folder = _processed_folder(template, parameters)
    if folder is None:
        return "none"
    if (folder / "manifest.json").is_file():
        return sha256_file(folder / "manifest.json")
    tables = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not tables:
        return "missing"
    digest = hashlib.sha256()
    for table in tables:
        digest.update(f"{table.name}:{sha256_file(table)}\n".encode())
    return digest.hexdigest()


def job_key(template: Path, parameters: Mapping[str, Any], template_sha: str | None = None) -> str:
    """What determines a job's output: template bytes, parameters, input
    tables and the rhetoric version, as one SHA-256."""
    from rhetoric import __version__

    material = {
        "template": template_sha or sha256_file(template),
        "parameters": parameters,
        "inputs": input_fingerprint(template, parameters),
        "rhetoric": __version__,
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True, default=str).encode()).hexdigest()


# --------------------------------------------------------------------------
# Manifest and index
# --------------------------------------------------------------------------

def read_manifest(outdir: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The manifest entries of ``outdir``, the last one per job name, in
    first-seen order. Lines that do not parse (a run killed mid-write) are
    ignored."""
    path = Path(outdir) / MANIFEST
    entries: dict[str, dict[str, Any]] = {}
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("job"), str):
                entries[entry["job"]] = entry
    return list(entries.values())


def _append_journal(outdir: Path, entry: dict[str, Any]) -> None:
    with open(outdir / MANIFEST, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, sort_keys=True, ensure_ascii=False, default=str) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _write_manifest(outdir: Path, entries: list[dict[str, Any]]) -> None:
    with atomic_path(outdir / MANIFEST) as tmp:
        tmp.write_text("".join(json.dumps(e, sort_keys=True, ensure_ascii=False, default=str) + "\n" for e in entries),
                       encoding="utf-8")


def _merge(previous: list[dict[str, Any]], current: list[dict[str, Any]]) -> list[dict[str, Any]]:
    names = {entry["job"] for entry in current}
    return [entry for entry in previous if entry["job"] not in names] + current


def _href(outdir: Path, file: str | None) -> str | None:
    if not file or not (outdir / file).is_file():
        return None
    return html.escape(urllib.parse.quote(file), quote=True)


def _sub_folders(outdir: Path, depth: int = 3) -> list[tuple[str, list[dict[str, Any]]]]:
    """Every folder below ``outdir`` (up to ``depth`` levels) with a batch
    manifest or an index, as (relative path, manifest entries), sorted."""
    found = []
    for level in range(1, depth + 1):
        for index in sorted(outdir.glob("/".join(["*"] * level))):
            if index.is_dir() and ((index / MANIFEST).is_file() or (index / INDEX).is_file()):
                found.append((index.relative_to(outdir).as_posix(), read_manifest(index)))
    return sorted(found)


def write_index(outdir: str | os.PathLike[str], title: str | None = None) -> Path:
    """Write ``outdir/index.html``: every job of the manifest with its
    status, title (when the notebook recorded one), parameters, time, error
    and links; then every sub-folder with an index or a manifest, with its
    job counts, and the failed jobs in them. The counts at the top are of
    this folder and its sub-folders together. Everything taken from the
    data is escaped."""
    outdir = Path(outdir)
    entries = read_manifest(outdir)
    title = title or f"Reports in {outdir.resolve().name}"
    esc = lambda value: html.escape("" if value is None else str(value), quote=True)  # noqa: E731
    link = lambda path, label: f'<a href="{html.escape(urllib.parse.quote(path), quote=True)}">{esc(label)}</a>'  # noqa: E731
    titled = any(isinstance((entry.get("records") or {}).get("title"), str) for entry in entries)

    def error_text(entry: dict[str, Any]) -> str:
        error = entry.get("error") or {}
        text = f"{error.get('name', '')}: {error.get('message', '')}" if error else ""
        if error.get("cell") is not None:
            text += f" (cell {error['cell']})"
        return text

    rows = []
    for entry in entries:
        status = entry.get("status", "?")
        links = []
        for label, key in (("report", "html"), ("notebook", "notebook")):
            href = _href(outdir, entry.get(key))
            if href:
                links.append(f'<a href="{href}">{label}</a>')
        parameters = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False, default=str)}" for k, v in entry.get("parameters", {}).items())
        title_cell = f"<td>{esc((entry.get('records') or {}).get('title'))}</td>" if titled else ""
        rows.append(
            f'<tr class="{esc(status)}"><td>{esc(entry["job"])}</td>{title_cell}<td>{esc(entry.get("template"))}</td>'
            f'<td class="status">{esc(status)}</td><td>{esc(parameters)}</td>'
            f'<td class="num">{esc(entry.get("seconds"))}</td><td>{" ".join(links)}</td><td>{esc(error_text(entry))}</td></tr>')

    folders = _sub_folders(outdir)
    n_jobs = len(entries) + sum(len(found) for _, found in folders)
    n_failed = sum(e.get("status") != "succeeded" for e in entries) + sum(
        e.get("status") != "succeeded" for _, found in folders for e in found)
    folder_rows, folder_failures = [], []
    for name, found in folders:
        failed = [e for e in found if e.get("status") != "succeeded"]
        target = link(f"{name}/{INDEX}", f"{name}/") if (outdir / name / INDEX).is_file() else esc(f"{name}/")
        folder_rows.append(f'<tr class="{"failed" if failed else "succeeded"}"><td>{target}</td><td class="num">{len(found)}</td>'
                           f'<td class="num">{len(found) - len(failed)}</td><td class="num status">{len(failed)}</td></tr>')
        for entry in failed:
            notebook = f"{name}/{entry.get('notebook')}" if entry.get("notebook") else None
            shown = link(notebook, "notebook") if notebook and (outdir / notebook).is_file() else ""
            folder_failures.append(f'<li>{esc(name)}/{esc(entry["job"])}: {esc(error_text(entry))} {shown}</li>')
    folder_part = ""
    if folders:
        folder_part = ("<h2>Folders</h2><table><thead><tr><th>folder</th><th>jobs</th><th>succeeded</th><th>failed</th></tr></thead>"
                       f"<tbody>{''.join(folder_rows)}</tbody></table>")
        if folder_failures:
            folder_part += f'<h2>Failed in sub-folders</h2><ul class="failures">{"".join(folder_failures)}</ul>'
    where = " (here and in sub-folders)" if folders else ""
    jobs_part = ""
    if entries:
        jobs_part = (f"<h2>Jobs here</h2><table><thead><tr><th>job</th>{'<th>title</th>' if titled else ''}<th>template</th>"
                     "<th>status</th><th>parameters</th><th>seconds</th><th>output</th><th>error</th></tr></thead>\n<tbody>\n"
                     + "\n".join(rows) + "\n</tbody></table>")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{esc(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; }} td, th {{ border-bottom: 1px solid #ddd; padding: .3em .6em; text-align: left; vertical-align: top; }}
tr.failed td.status {{ color: #b91c1c; font-weight: bold; }} tr.succeeded td.status {{ color: #15803d; }}
td.num {{ text-align: right; }} ul.failures {{ color: #b91c1c; }}
</style></head><body>
<h1>{esc(title)}</h1>
<p>{n_jobs} jobs{where}, {n_jobs - n_failed} succeeded, {n_failed} failed.</p>
{folder_part}
{jobs_part}
</body></html>
"""
    path = outdir / INDEX
    with atomic_path(path) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return path


def record_run(outdir: str | os.PathLike[str], entries: list[dict[str, Any]]) -> None:
    """Merge ``entries`` into ``outdir/manifest.jsonl`` (replacing earlier
    entries of the same jobs) and rewrite ``index.html``."""
    outdir = Path(outdir)
    _write_manifest(outdir, _merge(read_manifest(outdir), entries))
    write_index(outdir)


# --------------------------------------------------------------------------
# Workers
# --------------------------------------------------------------------------

_KERNEL: str | None = None
_CWD: str | None = None
_REUSE = True
_STANDBY: Any = None  # (kernel manager, client, preparation msg id): the next job's kernel, starting
_CURRENT: Any = None  # a kernel manager that ran a job successfully and was reset, for reuse


def kernel_prepare(cwd: str) -> None:
    """Run inside a new kernel: import :data:`PRELOAD_MODULES`, remember
    matplotlib's settings, and move to ``cwd``. Leaves no names behind."""
    import importlib

    for module in PRELOAD_MODULES:
        try:
            importlib.import_module(module)
        except Exception:
            pass
    try:
        import matplotlib

        matplotlib._rhetoric_rc = dict(matplotlib.rcParams)
    except Exception:
        pass
    os.chdir(cwd)


def kernel_reset(cwd: str) -> None:
    """Run inside a kernel between two jobs: close figures, restore the
    matplotlib settings :func:`kernel_prepare` saw, delete every name the
    notebook defined (as ``%reset -f``), start a new history session (the
    execution count restarts at 1), and move back to ``cwd``."""
    from IPython import get_ipython

    try:
        import matplotlib
        import matplotlib.pyplot as plt

        plt.close("all")
        saved = getattr(matplotlib, "_rhetoric_rc", None)
        if saved:
            matplotlib.rcParams.update(saved)
    except Exception:
        pass
    get_ipython().reset(new_session=True)  # what %reset -f does, plus a new history session and count
    os.chdir(cwd)


def _worker_init(kernel: str, cwd: str, reuse: bool) -> None:
    global _KERNEL, _CWD, _REUSE
    _KERNEL, _CWD, _REUSE = kernel, cwd, reuse
    if sys.platform.startswith("linux"):  # die with the parent, even on kill -9
        try:
            import ctypes
            import signal

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except Exception:
            pass
    import multiprocessing.util

    multiprocessing.util.Finalize(None, _drop_kernels, exitpriority=10)


def _send(km: Any, code: str) -> Any:
    client = km.client()
    client.start_channels()
    return client, client.execute(code, silent=True, store_history=False)


def _wait(km: Any, client: Any, msg_id: str, timeout: float = 120) -> bool:
    """Wait for the reply to ``msg_id``; True if the code ran without error,
    False on an error, a timeout or a kernel that died meanwhile."""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            try:
                reply = client.get_shell_msg(timeout=min(1.0, max(0.1, deadline - time.monotonic())))
            except queue.Empty:
                if not km.is_alive():
                    return False
                continue
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return reply.get("content", {}).get("status") == "ok"
        return False
    finally:
        client.stop_channels()


_PREPARE = "import rhetoric.reporting.batch as _rh_batch\n_rh_batch.kernel_prepare({cwd!r})\ndel _rh_batch\n"


def _start_kernel() -> Any:
    """A kernel starting in the background, with its preparation sent."""
    km = kernel_manager(_KERNEL)
    km.start_kernel(cwd=_CWD)
    client, msg_id = _send(km, _PREPARE.format(cwd=_CWD))
    return km, client, msg_id


def _shutdown(km: Any) -> None:
    try:
        km.shutdown_kernel(now=True)
    except Exception:
        pass


def _drop_kernels() -> None:
    global _STANDBY, _CURRENT
    if _STANDBY is not None:
        km, client, _ = _STANDBY
        client.stop_channels()
        _shutdown(km)
    if _CURRENT is not None:
        _shutdown(_CURRENT)
    _STANDBY = _CURRENT = None


def _take_kernel(prestart_next: bool) -> tuple[Any, str]:
    global _STANDBY, _CURRENT
    if _CURRENT is not None and _CURRENT.is_alive():
        km, _CURRENT = _CURRENT, None
        return km, "reused"
    _CURRENT = None
    standby, _STANDBY = _STANDBY, None
    km, client, msg_id = standby if standby is not None else _start_kernel()
    if not _wait(km, client, msg_id):
        # it died starting or never answered, mostly a port another kernel
        # took (a kernel whose socket bind failed can linger alive but deaf):
        # drop it and start one that is known to be ready, retrying
        # (reports.start_kernel)
        log.warning("a prestarted kernel did not get ready (%s); starting a new one",
                    "alive" if km.is_alive() else "dead")
        _shutdown(km)
        km = start_kernel(_KERNEL, _CWD)
        _wait(km, *_send(km, _PREPARE.format(cwd=_CWD)))
    if prestart_next and not _REUSE:
        _STANDBY = _start_kernel()  # boots while this job runs
    return km, "fresh"


def _run_job(template: str, outdir: str, job: Job, prestart_next: bool, execution_timeout: float | None) -> dict[str, Any]:
    """Render one job in this worker process; never raises. A kernel that
    ran a job successfully is reset and kept for the next job (unless
    fresh kernels were asked for); after a failure it is discarded."""
    global _CURRENT
    started = time.perf_counter()
    km = None
    entry: dict[str, Any] = {"status": "failed", "error": None, "records": {}}
    try:
        km, entry["kernel"] = _take_kernel(prestart_next)
        result = render_report(template, outdir, job.parameters, name=job.name, km=km, kernel=_KERNEL,
                               execution_timeout=execution_timeout)
        entry.update(status="succeeded", records=result.records)
    except ReportFailed as exc:
        entry.update(error={"name": exc.ename, "message": exc.evalue, "cell": exc.cell}, records=exc.result.records)
    except BaseException as exc:  # noqa: BLE001 - a job's failure must never stop the batch
        entry.update(error={"name": type(exc).__name__, "message": str(exc), "cell": None})
    finally:
        if km is not None:
            kept = False
            if _REUSE and entry["status"] == "succeeded" and km.is_alive():
                client, msg_id = _send(km, f"import rhetoric.reporting.batch as _rh_batch\n_rh_batch.kernel_reset({_CWD!r})\n")
                kept = _wait(km, client, msg_id, timeout=30)
            if kept:
                _CURRENT = km
            else:
                _shutdown(km)
    entry["seconds"] = round(time.perf_counter() - started, 2)
    return entry


# --------------------------------------------------------------------------
# The batch
# --------------------------------------------------------------------------

def run_batch(template: str | os.PathLike[str], jobs: list[Job], outdir: str | os.PathLike[str], *, workers: int = 2,
              resume: bool = False, progress: bool = True, execution_timeout: float | None = None,
              kernel: str | None = None, reuse_kernels: bool = False) -> BatchResult:
    """Render every job into ``outdir`` with ``workers`` processes; see the
    module docstring. Returns the manifest entries; a failed job is an entry
    with ``status == "failed"``, never an exception.

    By default every job gets a new kernel (started while the previous job
    runs), so no state can pass from one report to the next. With
    ``reuse_kernels=True`` a worker keeps its kernel after a success, with
    the namespace deleted (``%reset -f``), figures closed, matplotlib settings
    restored and the working directory reset; imported modules stay loaded,
    which saves ~2.5 s of kernel start and imports per job but lets a
    template that changes a library's module state affect the next job."""
    from tqdm.auto import tqdm

    from rhetoric import __version__

    started = time.perf_counter()
    template = Path(template)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    template_sha = sha256_file(template)
    previous = read_manifest(outdir)
    before = {entry["job"]: entry for entry in previous}
    entries: dict[str, dict[str, Any]] = {}
    todo: list[tuple[Job, str]] = []
    for job in jobs:
        inside(outdir, f"{job.name}.ipynb")  # refuses names that would leave outdir
        for stale in outdir.glob(f".{job.name}.*"):  # temporary files of a run that was killed
            stale.unlink(missing_ok=True)
        key = job_key(template, job.parameters, template_sha)
        old = before.get(job.name)
        if (resume and old and old.get("status") == "succeeded" and old.get("key") == key
                and (outdir / f"{job.name}.html").is_file() and (outdir / f"{job.name}.ipynb").is_file()):
            entries[job.name] = old
        else:
            todo.append((job, key))

    def base(job: Job, key: str) -> dict[str, Any]:
        return {"job": job.name, "template": template.name, "parameters": job.parameters, "key": key,
                "rhetoric_version": __version__, "notebook": f"{job.name}.ipynb", "html": f"{job.name}.html"}

    if todo:
        kernel = kernel or kernel_name()
        n_workers = max(1, min(workers, len(todo)))
        bar = None
        cwd = str(template.parent.resolve())
        with ProcessPoolExecutor(max_workers=n_workers, initializer=_worker_init,
                                 initargs=(kernel, cwd, reuse_kernels)) as pool:
            futures = {pool.submit(_run_job, str(template), str(outdir), job, index < len(todo) - n_workers,
                                   execution_timeout): (job, key)
                       for index, (job, key) in enumerate(todo)}
            bar = tqdm(total=len(todo), unit="report", desc="batch", disable=not progress, file=sys.stderr)
            failures = 0
            for future in as_completed(futures):
                job, key = futures[future]
                try:
                    outcome = future.result()
                except BrokenProcessPool as exc:
                    outcome = {"status": "failed", "seconds": None, "records": {},
                               "error": {"name": "WorkerDied", "message": f"the worker process running this job died ({exc})", "cell": None}}
                entry = {**base(job, key), **outcome}
                if entry["status"] != "succeeded":
                    failures += 1
                entries[job.name] = entry
                _append_journal(outdir, entry)
                bar.set_postfix(failed=failures)
                bar.update(1)
            bar.close()
    ordered = [entries[job.name] for job in jobs]
    record_run(outdir, ordered)
    return BatchResult(outdir, ordered, ran=len(todo), skipped=len(jobs) - len(todo),
                       seconds=time.perf_counter() - started)


# --------------------------------------------------------------------------
# Collecting recorded values
# --------------------------------------------------------------------------

def collect(outdir: str | os.PathLike[str]):
    """One tidy table of the values the notebooks recorded with
    :func:`rhetoric.record`: a row per (job, name), with the job's
    parameters as columns, then ``name`` and ``value``. Jobs that recorded
    nothing have no rows.

    >>> collect("/nonexistent").columns.tolist()
    ['job', 'template', 'status', 'name', 'value']
    """
    import pandas as pd

    rows, parameter_names = [], {}
    for entry in read_manifest(outdir):
        parameters = entry.get("parameters") or {}
        parameter_names.update(dict.fromkeys(parameters))
        for name, value in (entry.get("records") or {}).items():
            rows.append({"job": entry["job"], "template": entry.get("template"), "status": entry.get("status"),
                         **parameters, "name": name, "value": value})
    columns = ["job", "template", "status", *[p for p in parameter_names if p not in ("job", "name", "value")], "name", "value"]
    return pd.DataFrame(rows, columns=columns)
