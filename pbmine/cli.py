"""The pbmine command line: thin typer wrappers around the library."""
from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console

from . import __version__
from .cli_options import (Agg, ClaimsOpt, EncodingOpt, Engine, LexiconOpt, Level, MaxSizeOpt, Paths, QuietOpt,
                          SegFormat, ShowFormat, TableFormat, _Errors, _fail, _lexicon, _line, _note, _read_options,
                          _report, _sigterm_as_ctrl_c, api, render)
from .output import OutputError, check_target, is_dataset
from .progress import ExtractProgress

if TYPE_CHECKING:
    import pandas as pd

# Arrow's buffers (the rows of each row group) from the C library's allocator, which gives freed
# blocks back: mimalloc, pyarrow's default, kept them (a 100 MB corpus: 291 MB peak -> 273 MB, the
# same time). Set before pyarrow is first imported; a user's own setting wins.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="Mine quantified claims from Chinese party-building and government work reports.")
err = Console(stderr=True)
out = Console()


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"pbmine {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """Mine quantified claims from Chinese party-building and government work reports."""


@app.command()
def segment(paths: Paths = None,
            format: Annotated[SegFormat, typer.Option("--format", "-f")] = SegFormat.text,
            lexicon: LexiconOpt = None, max_size: MaxSizeOpt = "50MB",
            encoding: EncodingOpt = None) -> None:
    """Segment reports into words with jieba and the domain dictionary.

    One sentence a line, words separated by spaces; --format jsonl gives one
    token a line with doc_id, sentence, token, start, end (offsets into the
    document).

    Example: [bold]pbmine segment seeds/001_132740b646042620.txt | head[/bold]
    """
    lex = _lexicon(lexicon)
    errors = _Errors()
    reading = _read_options(max_size, encoding)
    for doc_id, rows in api.segment(paths, lexicon=lex, on_error=errors, **reading):
        for sentence in rows:
            if format is SegFormat.text:
                sys.stdout.write(" ".join(t.text for t in sentence.tokens) + "\n")
            else:
                for t in sentence.tokens:
                    sys.stdout.write(json.dumps({"doc_id": doc_id, "sentence": sentence.index, "token": t.text,
                                                 "start": t.start, "end": t.end}, ensure_ascii=False) + "\n")
    errors.exit_if_any()


@app.command()
def extract(paths: Paths = None,
            output: Annotated[Optional[str], typer.Option("--output", "-o", help="Where to write the table (- for standard output). Default claims.parquet, or stdout for csv/jsonl.")] = None,
            format: Annotated[TableFormat, typer.Option("--format", "-f", help="parquet, csv or jsonl.")] = TableFormat.parquet,
            update: Annotated[Optional[Path], typer.Option("--update", help="Re-extract only new or changed files into this existing table.")] = None,
            keep_partial: Annotated[bool, typer.Option("--keep-partial", help="On Ctrl-C, keep the rows done so far as NAME.partial.parquet.")] = False,
            lexicon: LexiconOpt = None, quiet: QuietOpt = False, max_size: MaxSizeOpt = "50MB",
            encoding: EncodingOpt = None,
            jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: the machine's cores); the rows are those of one.")] = None,
            engine: Annotated[Engine, typer.Option("--engine", help="local (this machine) or dask (a Dask cluster; -o is then a folder of Parquet parts; needs pbmine[dask]).")] = Engine.local,
            scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="With --engine dask: a running scheduler, tcp://host:8786 (default: a local cluster of --jobs workers).")] = None) -> None:
    """Extract every quantified claim into a table, one row a claim.

    Example: [bold]pbmine extract reports/ -o claims.parquet[/bold]; with no
    paths it runs on the bundled sample reports. A file that cannot be read is
    reported in one line and skipped; the exit code is then 1. The table is
    written beside its target and renamed into place at the end, so a killed or
    interrupted run leaves an existing table unchanged.
    """
    from .extract import Interrupted, default_jobs, extract as run   # not api: no pandas on this path

    lex = _lexicon(lexicon)
    reading = _read_options(max_size, encoding)
    jobs = jobs or default_jobs()
    if engine is Engine.dask:
        _extract_dask(paths, lex, output, format, update, scheduler, jobs, reading)
        return
    if scheduler is not None:
        _fail("--scheduler needs --engine dask")
    target = output if output is not None else (
        str(update) if update else "claims.parquet" if format is TableFormat.parquet else "-")
    try:
        check_target(target, format.value)
        if update is not None and not update.is_file():
            _fail(f"{update}: no such file (--update needs a table written by pbmine extract)")
        previous = signal.signal(signal.SIGTERM, _sigterm_as_ctrl_c)
        try:
            with ExtractProgress(err, quiet) as progress:
                result = run(paths, lexicon=lex, output=target, format=format.value, on_error=_report,
                             keep=False, keep_partial=keep_partial, update=update,
                             on_document=progress.on_document, jobs=jobs, **reading)
        finally:  # called in-process (a notebook, a test), the caller's handler comes back
            signal.signal(signal.SIGTERM, previous)
    except OutputError as exc:
        _fail(str(exc))
    except ValueError as exc:  # --update on a table pbmine did not write
        _fail(str(exc))
    except Interrupted as stop:
        kept = f"; rows so far kept in {stop.partial}" if stop.partial else ""
        left = "nothing written to standard output" if stop.target == "-" else f"{stop.target} unchanged"
        _line(f"interrupted after {stop.documents} documents; {left}{kept}")
        raise typer.Exit(130)
    shown = "standard output" if target == "-" else target
    note = f"{shown} unchanged (nothing was read)" if result.unchanged else f"-> {shown}"
    reused = f" ({result.reused} unchanged, kept)" if result.reused else ""
    _line(f"{result.documents} documents{reused}, {result.claims} claims, {len(result.regions)} regions, "
          f"{len(result.metrics)} metrics {note}"
          + (f", {len(result.errors)} skipped" if result.errors else ""))
    if result.errors:
        raise typer.Exit(1)


def _extract_dask(paths, lex, output: str | None, format, update, scheduler: str | None, jobs: int,
                  reading: dict) -> None:
    """--engine dask: a partitioned Parquet dataset in the folder -o names."""
    from .cluster import DaskMissing, OutputExists, extract_dataset
    if update is not None or format is not TableFormat.parquet or output in (None, "-"):
        _fail("--engine dask writes a folder of Parquet parts: give -o FOLDER (no --update, --format or -o -)")
    try:
        result = extract_dataset(paths, output, lexicon=lex, scheduler=scheduler, workers=jobs,
                                 on_error=_report, **reading)
    except (DaskMissing, OutputExists, OutputError) as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _line(f"interrupted; {output} unchanged")
        raise typer.Exit(130)
    _line(f"{result.documents} documents, {result.claims} claims, {len(result.regions)} regions, "
          f"{len(result.metrics)} metrics -> {output}/" + (f", {len(result.errors)} skipped" if result.errors else ""))
    if result.errors:
        raise typer.Exit(1)


def _claims(paths, claims_file: Path | None, lexicon: Path | None, quiet: bool = False) -> tuple[pd.DataFrame, int]:
    """The claims to work on, and how many inputs could not be read."""
    if claims_file is not None:
        if paths:
            _fail("give either PATHS or --claims, not both")
        if not claims_file.exists():
            _fail(f"{claims_file}: no such file", 1)
        if claims_file.is_dir() and not is_dataset(claims_file):
            _fail(f"{claims_file}: is a folder, not a claims table (nor a dataset of --engine dask)", 1)
        try:
            return api.read_claims(claims_file), 0
        except (OSError, ValueError) as exc:
            _fail(f"{claims_file}: cannot read claims table: {exc}", 1)
    lex = _lexicon(lexicon)
    with ExtractProgress(err, quiet) as progress:
        result = api.extract(paths, lexicon=lex, on_error=_report, on_document=progress.on_document)
    if result.errors and result.frame.empty:
        _fail("no claims: none of the inputs could be read", 1)
    return result.frame, len(result.errors)


@app.command()
def compare(metric: Annotated[Optional[str], typer.Option("--metric", "-m", help="Canonical metric (see `pbmine metrics`). Without it: the metrics two or more regions report.")] = None,
            paths: Paths = None,
            claims: ClaimsOpt = None,
            level: Annotated[Level, typer.Option("--level", help="Roll districts up to city or province (counts only).")] = Level.district,
            year: Annotated[Optional[int], typer.Option("--year", help="Only figures of this year.")] = None,
            agg: Annotated[Agg, typer.Option("--agg", help="A region's figure when it has several claims: latest (latest year, then largest count or first stated rate), max, sum, mean, or all (every claim).")] = Agg("latest"),
            unit: Annotated[Optional[str], typer.Option("--unit", help="Only figures in this unit (a metric in several units is ranked once per unit).")] = None,
            top: Annotated[Optional[int], typer.Option("--top", "-n", min=1, help="Only the first N ranks (N metrics without --metric).")] = None,
            min_regions: Annotated[Optional[int], typer.Option("--min-regions", min=1, help="Leave out rankings (metrics) with fewer regions [default: 1 for a ranking, 2 for the list].")] = None,
            format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.table,
            chart: Annotated[Optional[Path], typer.Option("--chart", help="Also draw the ranking to FILE.png or FILE.svg (needs pbmine[chart]).")] = None,
            lexicon: LexiconOpt = None, quiet: QuietOpt = False) -> None:
    """Rank regions on one metric, saying how each figure was chosen and from how many claims.

    Example: [bold]pbmine compare --metric 五星支部[/bold] (bundled reports), or
    [bold]pbmine compare --metric 党员干部 --claims claims.parquet --agg all --format csv[/bold];
    [bold]pbmine compare[/bold] alone lists what can be ranked.
    """
    from .compare import NotAdditive, UnknownMetric, comparable_metrics

    if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
        _fail(f"{chart}: --chart writes .png or .svg")
    frame, failed = _claims(paths, claims, lexicon, quiet)
    if metric is None:
        _show_listing(comparable_metrics(frame, min_regions or 2).head(top or 30), format,
                      f"metrics at least {min_regions or 2} regions report, most comparable first")
        raise typer.Exit(1 if failed else 0)
    try:
        table = api.compare(frame, metric, level=level.value, year=year, agg=agg.value, unit=unit,
                            top=top, min_regions=min_regions or 1)
    except (UnknownMetric, NotAdditive, ValueError) as exc:
        _fail(str(exc))
    for note in table.attrs.get("notes", []) if not table.empty else []:
        _note(note)
    if table.empty:
        _fail("; ".join(table.attrs.get("notes") or [f"no {metric} figures"]))
    if format is ShowFormat.csv:
        sys.stdout.write(render.ranking_csv(table))
    elif format is ShowFormat.json:
        sys.stdout.write(render.ranking_json(table))
    elif format is ShowFormat.markdown:
        sys.stdout.write(render.ranking_markdown(table))
    else:
        for t in render.ranking_tables(table):
            out.print(t)
    if chart is not None:
        _write_chart(table, chart)
    raise typer.Exit(1 if failed else 0)


def _write_chart(table: pd.DataFrame, path: Path) -> None:
    from .chart import ChartUnavailable, write_chart
    try:
        write_chart(table, path)
    except ChartUnavailable as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{path}: cannot write chart: {exc.strerror or exc}", 1)
    err.print(f"chart -> {path}", highlight=False)


def _show_listing(table: pd.DataFrame, format: ShowFormat, heading: str) -> None:
    if format is ShowFormat.csv:
        sys.stdout.write(table.to_csv(index=False))
    elif format is ShowFormat.json:
        sys.stdout.write(table.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    elif format is ShowFormat.markdown:
        sys.stdout.write(render.listing_markdown(table))
    elif table.empty:
        _note(heading.replace("metrics", "no metric", 1).split(",")[0])
    else:
        out.print(render.listing_table(table, heading))


@app.command()
def metrics(paths: Paths = None,
            claims: ClaimsOpt = None,
            top: Annotated[int, typer.Option("--top", "-n", help="How many metrics to list.")] = 30,
            format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.table,
            lexicon: LexiconOpt = None, quiet: QuietOpt = False) -> None:
    """List the metrics with how many claims and regions each has, most comparable first.

    Example: [bold]pbmine metrics --claims claims.parquet -n 10[/bold]
    """
    frame, failed = _claims(paths, claims, lexicon, quiet)
    _show_listing(api.metrics_summary(frame).head(top), format, "metrics, most comparable first")
    raise typer.Exit(1 if failed else 0)


@app.command()
def report(paths: Paths = None,
           claims: ClaimsOpt = None,
           output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("report.html"),
           title: Annotated[Optional[str], typer.Option("--title", help="Heading of the report.")] = None,
           lexicon: LexiconOpt = None, quiet: QuietOpt = False) -> None:
    """Write the evidence as one self-contained HTML file: every claim highlighted in its document.

    Open it from disk in any browser (no network): documents with the number, the metric
    phrase and the place of each claim marked, a claims table that filters and sorts,
    and a ranked chart for every metric that two or more regions report.

    Example: [bold]pbmine report reports/ -o report.html[/bold], or
    [bold]pbmine report --claims claims.parquet -o report.html[/bold] (reads the documents again from their paths).
    """
    from .report import collect, documents_for, write_report
    if output.is_dir() or not output.parent.is_dir():
        _fail(f"{output}: not a file in an existing folder")
    if claims is not None:
        frame, failed = _claims(paths, claims, lexicon, quiet)
        texts, missing = documents_for(frame, on_error=_report)
        failed += missing
    else:
        with ExtractProgress(err, quiet) as progress:
            frame, texts, errors = collect(paths, _lexicon(lexicon), on_error=_report,
                                           on_document=progress.on_document)
        failed = len(errors)
    try:
        write_report(output, frame, texts, title=title)
    except OSError as exc:
        _fail(f"{output}: cannot write report: {exc.strerror or exc}", 1)
    err.print(f"[bold]{len(texts)}[/bold] documents, [bold]{len(frame)}[/bold] claims -> {output}",
              highlight=False)
    raise typer.Exit(1 if failed else 0)


if __name__ == "__main__":  # pragma: no cover
    app()
