"""The ``rhetoric`` command.

Exit codes: 0 success; 1 a failure (``--strict`` met a bad input, a report
or a batch job failed); 2 a usage error (bad option, unknown parameter, missing input);
3 the run finished but skipped some inputs (listed in the errors table).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    from rhetoric import __version__
    from rhetoric.corpus import MAX_TEXT_CHARS
    from rhetoric.engines import ENGINES, default_jobs
    from rhetoric.pipeline import DEFAULT_CHUNK_SIZE

    parser = argparse.ArgumentParser(
        prog="rhetoric",
        description="Rhetoric in news about international security: extract quotes, threats, "
                    "rhetorical devices, sentiment and frames into tables, and render reports.",
        epilog="Run 'rhetoric COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"rhetoric {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="analyse a corpus into Parquet tables",
        description="Read the articles under INPUT (.txt/.md files, .csv or .jsonl; a file or a folder) and "
                    "write one Parquet table per feature family plus manifest.json into OUTDIR. "
                    "Bad files and rows are skipped and listed in errors.parquet.",
        epilog="Exit codes: 0 all read and analysed; 3 finished but some inputs were skipped; "
               "1 --strict met a bad input (nothing written); 2 usage error (also: --engine dask "
               "without the rhetoric[dask] extra). Running on a Dask cluster: see docs/scaling.md.",
    )
    extract.add_argument("input", metavar="INPUT", help="corpus file or folder (never modified)")
    extract.add_argument("-o", "--outdir", required=True, metavar="OUTDIR", help="folder for the tables")
    extract.add_argument("--engine", choices=ENGINES, default="local",
                         help="where the work runs: 'local' worker processes (default) or a Dask cluster "
                              "(needs pip install 'rhetoric[dask]'); the tables are the same")
    extract.add_argument("-j", "--jobs", type=_positive_int, default=None, metavar="N",
                         help=f"worker processes, or LocalCluster workers with --engine dask "
                              f"(default: the number of cores, {default_jobs()} here; the tables are identical for any N)")
    extract.add_argument("--scheduler", metavar="ADDRESS",
                         help="with --engine dask: the address of a running Dask scheduler (e.g. tcp://10.0.0.5:8786); "
                              "default: start a LocalCluster on this machine (loopback only)")
    extract.add_argument("--dashboard", action="store_true",
                         help="with --engine dask and no --scheduler: serve the Dask dashboard on 127.0.0.1:8787")
    extract.add_argument("--chunk-size", type=_positive_int, default=DEFAULT_CHUNK_SIZE, metavar="N",
                         help=f"articles per chunk and Parquet row group (default: {DEFAULT_CHUNK_SIZE})")
    extract.add_argument("--max-chars", type=_positive_int, default=MAX_TEXT_CHARS, metavar="N",
                         help=f"skip articles longer than N characters (default: {MAX_TEXT_CHARS:,})")
    extract.add_argument("--strict", action="store_true", help="fail on the first bad file, row or article")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    extract.set_defaults(handler=_cmd_extract)

    report = commands.add_parser(
        "report", help="render one parameterized report notebook to .ipynb and .html",
        description="Execute TEMPLATE with papermill (parameters checked against its 'parameters' cell first) "
                    "and export HTML with the code hidden.",
    )
    report.add_argument("template", metavar="TEMPLATE", help="notebook with a cell tagged 'parameters'")
    report.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help="set a parameter (VALUE is read as a Python literal, else as a string); repeatable")
    report.add_argument("-o", "--outdir", default="reports", metavar="OUTDIR", help="output folder (default: reports)")
    report.add_argument("--name", help="output file name without extension (default: the template's)")
    report.add_argument("--timeout", type=_positive_int, metavar="SECONDS", help="fail a cell that runs longer")
    report.set_defaults(handler=_cmd_report)

    batch = commands.add_parser(
        "batch", help="render a template for many parameter sets in worker processes",
        description="Render TEMPLATE once per parameter set of GRID (or per article of CORPUS) into OUTDIR, in "
                    "N worker processes. A failing job never stops the others. OUTDIR gets <job>.ipynb, "
                    "<job>.html, <job>.records.json, manifest.jsonl (a line per job) and index.html. "
                    "Also: 'rhetoric batch collect OUTDIR' (recorded values as one table) and "
                    "'rhetoric batch index OUTDIR' (rewrite index.html).",
        epilog="GRID is YAML: a mapping of parameter -> list of values (their product), or a list of parameter "
               "mappings. Exit codes: 0 every job succeeded; 1 some failed (see the manifest); 2 usage error.",
    )
    batch.add_argument("template", metavar="TEMPLATE", help="notebook with a cell tagged 'parameters'")
    batch.add_argument("--grid", metavar="GRID.yml", help="parameter sets (YAML)")
    batch.add_argument("--each-doc", metavar="CORPUS",
                       help="one job per article of a processed corpus (name under the template's processed_root, or folder)")
    batch.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                       help="a parameter for every job (VALUE read as a Python literal, else a string); repeatable")
    batch.add_argument("-j", "--jobs", type=_positive_int, default=2, metavar="N", help="worker processes (default: 2)")
    batch.add_argument("--resume", action="store_true",
                       help="skip jobs that succeeded before with the same template, parameters, input tables and version")
    batch.add_argument("-o", "--outdir", default="reports/batch", metavar="OUTDIR", help="output folder (default: reports/batch)")
    batch.add_argument("--timeout", type=_positive_int, metavar="SECONDS", help="fail a cell that runs longer")
    batch.add_argument("--reuse-kernels", action="store_true",
                       help="faster: a worker resets and reuses its kernel after a successful job "
                            "(default: a new kernel for every job, so no state passes between reports)")
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    batch.set_defaults(handler=_cmd_batch)
    return parser


def _cmd_extract(args: argparse.Namespace) -> int:
    from rhetoric.corpus import CorpusError
    from rhetoric.engines import MissingOptionalDependency, dask_client
    from rhetoric.pipeline import extract_corpus

    if not Path(args.input).exists():
        print(f"rhetoric extract: error: input {args.input!r} does not exist", file=sys.stderr)
        return EXIT_USAGE
    if args.engine != "dask" and (args.scheduler or args.dashboard):
        print("rhetoric extract: error: --scheduler and --dashboard need --engine dask", file=sys.stderr)
        return EXIT_USAGE
    try:
        with contextlib.ExitStack() as stack:
            client = None
            if args.engine == "dask" and args.dashboard and not args.scheduler:
                client = stack.enter_context(dask_client(jobs=args.jobs, dashboard=True))
                print(f"rhetoric extract: Dask dashboard at {client.dashboard_link}", file=sys.stderr)
            summary = extract_corpus(args.input, args.outdir, engine=args.engine, jobs=args.jobs, client=client,
                                     scheduler=args.scheduler, chunk_size=args.chunk_size, strict=args.strict,
                                     max_chars=args.max_chars, progress=not args.quiet)
    except MissingOptionalDependency as exc:
        print(f"rhetoric extract: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CorpusError as exc:
        print(f"rhetoric extract: error (--strict): {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not args.quiet:
        engine = summary.engine
        where = f"{engine['jobs']} local process{'es' if engine['jobs'] != 1 else ''}" if engine["name"] == "local" \
            else f"Dask, {engine['jobs']} worker thread{'s' if engine['jobs'] != 1 else ''}"
        print(f"rhetoric extract: {summary.n_articles} articles analysed, {summary.n_skipped} inputs skipped, "
              f"{summary.n_errors} errors recorded -> {args.outdir} ({summary.seconds:.1f} s, {where})", file=sys.stderr)
    return EXIT_SKIPPED if summary.n_skipped else EXIT_OK


def _parameters(pairs: list[list[str]]) -> dict:
    from rhetoric.reports import parse_cli_value

    return {name: parse_cli_value(value) for name, value in pairs}


def _cmd_report(args: argparse.Namespace) -> int:
    import time

    from rhetoric import __version__
    from rhetoric.batch import job_key, record_run
    from rhetoric.reports import ParameterError, ReportFailed, render_report, safe_name, validate_parameters

    parameters = _parameters(args.parameter)
    template = Path(args.template)
    try:
        if not template.is_file():
            raise FileNotFoundError(f"template {args.template!r} does not exist")
        validate_parameters(template, parameters)
    except (ParameterError, FileNotFoundError, ValueError, SyntaxError) as exc:
        print(f"rhetoric report: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    name = safe_name(args.name or template.stem)
    entry = {"job": name, "template": template.name, "parameters": parameters, "key": job_key(template, parameters),
             "rhetoric_version": __version__, "notebook": f"{name}.ipynb", "html": f"{name}.html",
             "status": "failed", "error": None, "records": {}}
    started = time.perf_counter()
    code = EXIT_OK
    try:
        result = render_report(template, args.outdir, parameters, name=name, execution_timeout=args.timeout)
        entry.update(status="succeeded", records=result.records)
        print(f"rhetoric report: wrote {result.notebook} and {result.html}", file=sys.stderr)
    except ReportFailed as exc:
        entry.update(error={"name": exc.ename, "message": exc.evalue, "cell": exc.cell}, records=exc.result.records)
        print(f"rhetoric report: {exc} (executed notebook kept: {exc.result.notebook})", file=sys.stderr)
        code = EXIT_FAILED
    except Exception as exc:  # no kernel, unwritable folder …
        entry.update(error={"name": type(exc).__name__, "message": str(exc), "cell": None})
        print(f"rhetoric report: {template.name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        code = EXIT_FAILED
    entry["seconds"] = round(time.perf_counter() - started, 2)
    record_run(args.outdir, [entry])
    return code


def _cmd_batch(args: argparse.Namespace) -> int:
    from rhetoric.batch import make_jobs, read_grid, run_batch
    from rhetoric.reports import ParameterError

    template = Path(args.template)
    try:
        if not template.is_file():
            raise FileNotFoundError(f"template {args.template!r} does not exist")
        if args.grid is None and args.each_doc is None and not args.parameter:
            raise ParameterError("give --grid GRID.yml, --each-doc CORPUS or -p NAME VALUE")
        grid = read_grid(args.grid) if args.grid else None
        jobs = make_jobs(template, grid=grid, each_doc=args.each_doc, fixed=_parameters(args.parameter))
    except (ParameterError, FileNotFoundError, ValueError, SyntaxError) as exc:
        print(f"rhetoric batch: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not jobs:
        print("rhetoric batch: error: the grid gives no jobs", file=sys.stderr)
        return EXIT_USAGE
    result = run_batch(template, jobs, args.outdir, workers=args.jobs, resume=args.resume,
                       progress=not args.quiet, execution_timeout=args.timeout,
                       reuse_kernels=args.reuse_kernels)
    failed = result.failed
    if not args.quiet:
        print(f"rhetoric batch: {len(jobs)} jobs: {result.ran} run, {result.skipped} unchanged (skipped), "
              f"{len(failed)} failed -> {Path(args.outdir) / 'index.html'} ({result.seconds:.1f} s)", file=sys.stderr)
    for entry in failed:
        error = entry.get("error") or {}
        print(f"rhetoric batch: FAILED {entry['job']}: {error.get('name')}: {error.get('message')}"
              + (f" (cell {error['cell']})" if error.get("cell") is not None else ""), file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _cmd_batch_collect(args: argparse.Namespace) -> int:
    from rhetoric.batch import MANIFEST, collect

    if not (Path(args.outdir) / MANIFEST).is_file():
        print(f"rhetoric batch collect: error: no {MANIFEST} in {args.outdir!r}", file=sys.stderr)
        return EXIT_USAGE
    table = collect(args.outdir)
    if args.output and args.output.endswith(".jsonl"):
        text = table.to_json(orient="records", lines=True, force_ascii=False)
    else:
        text = table.to_csv(index=False)
    if args.output:
        from rhetoric.store import atomic_path

        with atomic_path(args.output) as tmp:
            tmp.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _cmd_batch_index(args: argparse.Namespace) -> int:
    from rhetoric.batch import write_index

    if not Path(args.outdir).is_dir():
        print(f"rhetoric batch index: error: {args.outdir!r} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    print(f"rhetoric batch index: wrote {write_index(args.outdir, args.title)}", file=sys.stderr)
    return EXIT_OK


def _batch_tool_parser(tool: str) -> argparse.ArgumentParser:
    if tool == "collect":
        parser = argparse.ArgumentParser(
            prog="rhetoric batch collect",
            description="Gather the values notebooks stored with rhetoric.record() into one tidy table "
                        "(a row per job and name, the job's parameters as columns).")
        parser.add_argument("outdir", metavar="OUTDIR", help="a batch output folder (with manifest.jsonl)")
        parser.add_argument("-o", "--output", metavar="FILE", help="write CSV (or JSON Lines if FILE ends in .jsonl); default: CSV on stdout")
        parser.set_defaults(handler=_cmd_batch_collect)
    else:
        parser = argparse.ArgumentParser(
            prog="rhetoric batch index",
            description="Rewrite OUTDIR/index.html from OUTDIR/manifest.jsonl, linking sub-folders that have an index.")
        parser.add_argument("outdir", metavar="OUTDIR")
        parser.add_argument("--title", help="page title")
        parser.set_defaults(handler=_cmd_batch_index)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) >= 2 and argv[0] == "batch" and argv[1] in ("collect", "index"):
        args = _batch_tool_parser(argv[1]).parse_args(argv[2:])
        return args.handler(args)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
