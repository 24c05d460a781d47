"""The ``rhetoric`` command.

Exit codes: 0 success; 1 a failure (``--strict`` met a bad input, a report
or a batch job failed); 2 a usage error (bad option, unknown parameter, missing input);
3 the run finished but skipped some inputs (listed in the errors table).
"""

from __future__ import annotations

import argparse
import contextlib
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
    from rhetoric.io.corpus import MAX_TEXT_CHARS
    from rhetoric.io.engines import ENGINES, default_jobs
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
    extract.add_argument("input", metavar="INPUT",
                         help="corpus file or folder (never modified); a folder holding an articles/ subfolder, "
                              "like data/raw/NAME/, is read from articles/")
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
    extract.add_argument("--frame-model", metavar="MODEL",
                         help="a model saved by 'rhetoric frames train': its class probabilities per article go into "
                              "the frames table (scheme 'classifier:<MODEL name>'); load only models you trust")
    extract.add_argument("--actors", metavar="FILE",
                         help="your own actors (tab-separated alias, actor, kind, country; see README), loaded after "
                              "the shipped gazetteer; default: actors.tsv beside INPUT, if there is one")
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

    _add_frames_parser(commands)
    return parser


# --------------------------------------------------------------------------
# rhetoric frames train / predict
# --------------------------------------------------------------------------

_TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".parquet")


def _add_frames_parser(commands: argparse._SubParsersAction) -> None:
    frames = commands.add_parser(
        "frames", help="train and apply your own frame classifier",
        description="Train a FrameClassifier (word + character n-gram TF-IDF, class-balanced logistic "
                    "regression) on labelled texts, or label new texts with a trained model.",
        epilog="Exit codes: 0 success; 2 usage error (missing file or column, too few examples per class).",
    )
    actions = frames.add_subparsers(dest="frames_command", metavar="ACTION")

    train = actions.add_parser(
        "train", help="cross-validate, then fit and save a model",
        description="Read LABELS (.csv, .tsv, .jsonl or .parquet), print stratified k-fold cross-validated "
                    "accuracy, macro-F1 and per-class precision/recall/F1, then fit on all rows and save the "
                    "model (joblib) to MODEL with a JSON sidecar MODEL.json (versions, classes, parameters, "
                    "data SHA-256, cross-validation figures).",
        epilog="Rows with an empty text or label are dropped (and counted). Every class needs at least as "
               "many examples as folds. Exit codes: 0 saved; 2 usage error.",
    )
    train.add_argument("labels", metavar="LABELS", help="labelled texts: .csv, .tsv, .jsonl or .parquet")
    train.add_argument("--text-col", default="text", metavar="NAME", help="column with the texts (default: text)")
    train.add_argument("--label-col", default="label", metavar="NAME", help="column with the labels (default: label)")
    train.add_argument("-o", "--output", required=True, metavar="MODEL", help="where to save the model (e.g. frames.joblib)")
    train.add_argument("--folds", type=_positive_int, default=5, metavar="K", help="cross-validation folds (default: 5; 1 skips CV)")
    train.add_argument("--seed", type=int, default=0, help="seed of the fold shuffle (default: 0)")
    train.add_argument("--C", type=float, default=None, metavar="C", help="inverse regularisation strength (default: FrameClassifier's)")
    train.add_argument("--classifier", choices=("logistic", "linear_svm"), default="logistic", help="linear model (default: logistic)")
    train.add_argument("--rhetoric-features", action="store_true", help="add the RhetoricFeaturizer features (slower)")
    train.set_defaults(handler=_cmd_frames_train)

    predict = actions.add_parser(
        "predict", help="label texts with a saved model",
        description="Label the texts in INPUT with MODEL and write one row per text to OUT (.csv or .parquet): "
                    "INPUT's other columns (or doc_id, title, outlet, date for a corpus), the predicted label and "
                    "one probability column per class. INPUT is a table (.csv, .tsv, .jsonl, .parquet) with a "
                    "text column, or a corpus folder / article files as for 'rhetoric extract'.",
        epilog="A model file is a pickle: load only models you trust. Exit codes: 0 written; 2 usage error.",
    )
    predict.add_argument("model", metavar="MODEL", help="a model saved by 'rhetoric frames train'")
    predict.add_argument("input", metavar="INPUT", help="table of texts, or a corpus folder or file")
    predict.add_argument("-o", "--output", required=True, metavar="OUT", help="output file, .csv or .parquet")
    predict.add_argument("--text-col", default="text", metavar="NAME", help="column with the texts in a table (default: text)")
    predict.add_argument("--keep-text", action="store_true", help="copy the text column into OUT too")
    predict.set_defaults(handler=_cmd_frames_predict)
    frames.set_defaults(handler=lambda args: _frames_usage(frames))


def _frames_usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


class _UsageError(Exception):
    """A problem with the user's input: message printed, exit 2."""


def _read_labelled_table(path: Path) -> "pd.DataFrame":  # noqa: F821 (pandas imported lazily)
    import pandas as pd

    suffix = path.suffix.lower()
    if not path.is_file():
        raise _UsageError(f"{path} does not exist or is not a file")
    if suffix not in _TABLE_SUFFIXES:
        raise _UsageError(f"{path}: expected a {', '.join(_TABLE_SUFFIXES)} file")
    try:
        if suffix == ".parquet":
            return pd.read_parquet(path)
        if suffix == ".jsonl":
            return pd.read_json(path, lines=True, dtype=False)
        return pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",", dtype=str, keep_default_na=False)
    except Exception as exc:  # unreadable table: the user's input
        raise _UsageError(f"cannot read {path}: {type(exc).__name__}: {exc}") from None


def _require_columns(frame: "pd.DataFrame", path: Path, *columns: str) -> None:  # noqa: F821
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise _UsageError(f"{path}: no column {', '.join(map(repr, missing))}; "
                          f"columns are: {', '.join(map(str, frame.columns))}")


def _cmd_frames_train(args: argparse.Namespace) -> int:
    try:
        return _frames_train(args)
    except _UsageError as exc:
        print(f"rhetoric frames train: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _frames_train(args: argparse.Namespace) -> int:
    import json

    import joblib
    import numpy as np
    import sklearn
    from sklearn.base import clone
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
    from sklearn.model_selection import StratifiedKFold

    from rhetoric import __version__
    from rhetoric.ml.classifier import FrameClassifier
    from rhetoric.io.store import sha256_file, write_json

    path = Path(args.labels)
    frame = _read_labelled_table(path)
    _require_columns(frame, path, args.text_col, args.label_col)
    texts = frame[args.text_col].map(lambda v: "" if v is None or v != v else str(v))
    labels = frame[args.label_col].map(lambda v: "" if v is None or v != v else str(v).strip())
    keep = (texts.str.strip() != "") & (labels != "")
    n_dropped = int((~keep).sum())
    texts, labels = texts[keep].tolist(), labels[keep].to_numpy(dtype=object)
    classes, counts = np.unique(labels, return_counts=True) if len(labels) else (np.array([]), np.array([]))
    if len(classes) < 2:
        raise _UsageError(f"{path}: need at least two labels in {args.label_col!r}, found {len(classes)}")
    need = max(args.folds, 2)
    too_few = {str(c): int(n) for c, n in zip(classes, counts) if n < need}
    if too_few:
        listed = ", ".join(f"{c!r} ({n})" for c, n in sorted(too_few.items()))
        raise _UsageError(f"every label needs at least {need} examples for {args.folds}-fold cross-validation; "
                          f"too few: {listed}. Add examples, merge or drop these labels, or lower --folds.")

    params: dict[str, object] = {"classifier": args.classifier, "rhetoric_features": args.rhetoric_features}
    if args.C is not None:
        params["C"] = args.C
    model = FrameClassifier(**params)
    print(f"rhetoric frames train: {len(texts)} texts, {len(classes)} labels"
          + (f" ({n_dropped} rows with an empty text or label dropped)" if n_dropped else ""))

    cv: dict[str, object] = {"folds": args.folds}
    if args.folds > 1:
        splitter = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=args.seed)
        predicted = np.empty(len(labels), dtype=object)
        fold_acc, fold_f1 = [], []
        text_array = np.asarray(texts, dtype=object)
        for train_idx, test_idx in splitter.split(text_array, labels):
            fold_model = clone(model).fit(text_array[train_idx], labels[train_idx])
            predicted[test_idx] = fold_model.predict(text_array[test_idx])
            fold_acc.append(accuracy_score(labels[test_idx], predicted[test_idx]))
            fold_f1.append(f1_score(labels[test_idx], predicted[test_idx], average="macro", zero_division=0))
        precision, recall, f1, support = precision_recall_fscore_support(
            labels, predicted, labels=classes, zero_division=0)
        print(f"stratified {args.folds}-fold cross-validation (seed {args.seed}):")
        print(f"  accuracy  {np.mean(fold_acc):.3f} ± {np.std(fold_acc):.3f}")
        print(f"  macro-F1  {np.mean(fold_f1):.3f} ± {np.std(fold_f1):.3f}")
        width = max(len("label"), *(len(str(c)) for c in classes))
        print(f"  {'label':<{width}}  precision  recall     F1  support")
        per_class = {}
        for c, p, r, f, n in zip(classes, precision, recall, f1, support):
            print(f"  {str(c):<{width}}  {p:9.3f}  {r:6.3f}  {f:5.3f}  {int(n):7d}")
            per_class[str(c)] = {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(n)}
        cv.update(seed=args.seed, accuracy=float(np.mean(fold_acc)), accuracy_sd=float(np.std(fold_acc)),
                  macro_f1=float(np.mean(fold_f1)), macro_f1_sd=float(np.std(fold_f1)), per_class=per_class)

    model.fit(texts, labels)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, output)
    sidecar = Path(str(output) + ".json")
    write_json({
        "rhetoric_version": __version__,
        "sklearn_version": sklearn.__version__,
        "python_version": sys.version.split()[0],
        "estimator": "rhetoric.ml.classifier.FrameClassifier",
        "params": json.loads(json.dumps(model.get_params(), default=str)),
        "classes": [str(c) for c in model.classes_],
        "data": {"path": str(path), "sha256": sha256_file(path), "text_col": args.text_col,
                 "label_col": args.label_col, "n_examples": len(texts), "n_dropped": n_dropped,
                 "class_counts": {str(c): int(n) for c, n in zip(classes, counts)}},
        "cross_validation": cv,
    }, sidecar)
    print(f"rhetoric frames train: saved {output} and {sidecar}")
    return EXIT_OK


def _cmd_frames_predict(args: argparse.Namespace) -> int:
    try:
        return _frames_predict(args)
    except _UsageError as exc:
        print(f"rhetoric frames predict: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _frames_predict(args: argparse.Namespace) -> int:
    import joblib

    from rhetoric.io.corpus import load_corpus

    model_path, input_path, output = Path(args.model), Path(args.input), Path(args.output)
    if output.suffix.lower() not in (".csv", ".parquet"):
        raise _UsageError(f"output {output} must end in .csv or .parquet")
    if not model_path.is_file():
        raise _UsageError(f"model {model_path} does not exist")
    try:
        model = joblib.load(model_path)
    except Exception as exc:
        raise _UsageError(f"cannot load model {model_path}: {type(exc).__name__}: {exc}") from None
    if not (hasattr(model, "predict_proba") and hasattr(model, "classes_")):
        raise _UsageError(f"{model_path} does not hold a fitted classifier")
    if not input_path.exists():
        raise _UsageError(f"input {input_path} does not exist")

    if input_path.is_file() and input_path.suffix.lower() in _TABLE_SUFFIXES:
        table = _read_labelled_table(input_path)
        _require_columns(table, input_path, args.text_col)
        texts = table[args.text_col].map(lambda v: "" if v is None or v != v else str(v)).tolist()
        keep = [c for c in table.columns if args.keep_text or c != args.text_col]
        result = table[keep].reset_index(drop=True)
    else:
        corpus = load_corpus(input_path)
        articles = corpus.articles
        texts = articles["text"].tolist()
        keep = ["doc_id", "title", "outlet", "date"] + (["text"] if args.keep_text else [])
        result = articles[[c for c in keep if c in articles.columns]].reset_index(drop=True)
        if len(corpus.errors):
            print(f"rhetoric frames predict: {len(corpus.errors)} inputs could not be read and were skipped",
                  file=sys.stderr)
    if not texts:
        raise _UsageError(f"no texts found in {input_path}")
    probabilities = model.predict_proba(texts)
    result = result.copy()
    result["predicted"] = [str(c) for c in model.classes_[probabilities.argmax(axis=1)]]
    for j, label in enumerate(model.classes_):
        result[f"proba_{label}"] = probabilities[:, j]
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.suffix.lower() == ".csv":
        result.to_csv(output, index=False)
    else:
        result.to_parquet(output, index=False)
    print(f"rhetoric frames predict: labelled {len(texts)} texts -> {output}", file=sys.stderr)
    return EXIT_OK



def _cmd_extract(args: argparse.Namespace) -> int:
    from rhetoric.io.corpus import CorpusError, articles_folder
    from rhetoric.io.engines import MissingOptionalDependency, dask_client
    from rhetoric.pipeline import extract_corpus
    from rhetoric.reporting.reports import OutputError, prepare_outdir
    from rhetoric.text.actors import ActorsFileError

    if not Path(args.input).exists():
        print(f"rhetoric extract: error: input {args.input!r} does not exist", file=sys.stderr)
        return EXIT_USAGE
    if args.engine != "dask" and (args.scheduler or args.dashboard):
        print("rhetoric extract: error: --scheduler and --dashboard need --engine dask", file=sys.stderr)
        return EXIT_USAGE
    source = articles_folder(args.input)
    if source != Path(args.input) and not args.quiet:
        print(f"rhetoric extract: reading the articles in {source.as_posix()}/", file=sys.stderr)
    args.input = str(source)
    try:
        prepare_outdir(args.outdir)
    except OutputError as exc:
        print(f"rhetoric extract: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        with contextlib.ExitStack() as stack:
            client = None
            if args.engine == "dask" and args.dashboard and not args.scheduler:
                client = stack.enter_context(dask_client(jobs=args.jobs, dashboard=True))
                print(f"rhetoric extract: Dask dashboard at {client.dashboard_link}", file=sys.stderr)
            summary = extract_corpus(args.input, args.outdir, engine=args.engine, jobs=args.jobs, client=client,
                                     scheduler=args.scheduler, chunk_size=args.chunk_size, strict=args.strict,
                                     max_chars=args.max_chars, progress=not args.quiet,
                                     frame_model=args.frame_model, actors=args.actors)
    except (MissingOptionalDependency, FileNotFoundError, ActorsFileError) as exc:
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
    from rhetoric.reporting.reports import parse_cli_value

    return {name: parse_cli_value(value) for name, value in pairs}


def _cmd_report(args: argparse.Namespace) -> int:
    import time

    from rhetoric import __version__
    from rhetoric.reporting.batch import job_key, record_run
    from rhetoric.reporting.reports import (OutputError, ParameterError, ReportFailed, check_inputs, prepare_outdir,
                                            render_report, safe_name)

    parameters = _parameters(args.parameter)
    template = Path(args.template)
    try:
        if not template.is_file():
            raise FileNotFoundError(f"template {args.template!r} does not exist")
        check_inputs(template, parameters)
        prepare_outdir(args.outdir)
    except (ParameterError, OutputError, FileNotFoundError, ValueError, SyntaxError) as exc:
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
    from rhetoric.reporting.batch import make_jobs, read_grid, run_batch
    from rhetoric.reporting.reports import OutputError, ParameterError, prepare_outdir

    template = Path(args.template)
    try:
        if not template.is_file():
            raise FileNotFoundError(f"template {args.template!r} does not exist")
        if args.grid is None and args.each_doc is None and not args.parameter:
            raise ParameterError("give --grid GRID.yml, --each-doc CORPUS or -p NAME VALUE")
        grid = read_grid(args.grid) if args.grid else None
        jobs = make_jobs(template, grid=grid, each_doc=args.each_doc, fixed=_parameters(args.parameter))
        if jobs:
            prepare_outdir(args.outdir)
    except (ParameterError, OutputError, FileNotFoundError, ValueError, SyntaxError) as exc:
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
    from rhetoric.reporting.batch import MANIFEST, collect

    if not (Path(args.outdir) / MANIFEST).is_file():
        print(f"rhetoric batch collect: error: no {MANIFEST} in {args.outdir!r}", file=sys.stderr)
        return EXIT_USAGE
    table = collect(args.outdir)
    if args.output and args.output.endswith(".jsonl"):
        text = table.to_json(orient="records", lines=True, force_ascii=False)
    else:
        text = table.to_csv(index=False)
    if args.output:
        from rhetoric.io.store import atomic_path

        with atomic_path(args.output) as tmp:
            tmp.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _cmd_batch_index(args: argparse.Namespace) -> int:
    from rhetoric.reporting.batch import write_index

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
