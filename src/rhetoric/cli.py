"""The ``rhetoric`` command.

Exit codes: 0 success; 1 a failure (``--strict`` met a bad input, a report
failed); 2 a usage error (bad option, unknown parameter, missing input);
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
    report.set_defaults(handler=_cmd_report)
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


def _cmd_report(args: argparse.Namespace) -> int:
    from rhetoric.reports import ParameterError, parse_cli_value, render_report

    parameters = {name: parse_cli_value(value) for name, value in args.parameter}
    try:
        result = render_report(args.template, args.outdir, parameters, name=args.name)
    except (ParameterError, FileNotFoundError) as exc:
        print(f"rhetoric report: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # the notebook itself failed
        print(f"rhetoric report: {Path(args.template).name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"rhetoric report: wrote {result.notebook} and {result.html}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
