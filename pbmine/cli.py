"""The pbmine command line: thin typer wrappers around the library."""
from __future__ import annotations

import json
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from . import api
from .compare import NotAdditive, UnknownMetric, format_value
from .extract import Interrupted
from .lexicon import LexiconError
from .output import OutputError, check_target

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="Mine quantified claims from Chinese party-building and government work reports.")
out = Console()

Paths = Annotated[Optional[list[Path]], typer.Argument(
    help="Files or folders (recursive: .txt .md .html). None: the bundled sample reports.", show_default=False)]
LexiconOpt = Annotated[Optional[Path], typer.Option(
    "--lexicon", help="A TOML file of metric aliases merged over the bundled ones.")]


class SegFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


class TableFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


class ShowFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class Level(str, Enum):
    district = "district"
    city = "city"
    province = "province"


def _line(message: str) -> None:
    """One line on stderr, never wrapped (rich wraps at 80 columns when stderr is a file)."""
    sys.stderr.write(" ".join(message.split("\n")) + "\n")
    sys.stderr.flush()


def _fail(message: str, code: int = 2) -> None:
    _line(f"error: {message}")
    raise typer.Exit(code)


def _report(message: str) -> None:
    _line(f"skipped {message}")


def _lexicon(path: Path | None):
    try:
        return api.load_lexicon(path)
    except LexiconError as exc:
        _fail(str(exc))


@app.command()
def segment(paths: Paths = None,
            format: Annotated[SegFormat, typer.Option("--format", "-f")] = SegFormat.text,
            lexicon: LexiconOpt = None) -> None:
    """Segment reports into words with jieba and the domain dictionary.

    One sentence a line, words separated by spaces; --format jsonl gives one
    token a line with doc_id, sentence, token, start, end (offsets into the
    document).

    Example: [bold]pbmine segment seeds/001_132740b646042620.txt | head[/bold]
    """
    lex = _lexicon(lexicon)
    errors = _Errors()
    for doc_id, rows in api.segment(paths, lexicon=lex, on_error=errors):
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
            lexicon: LexiconOpt = None) -> None:
    """Extract every quantified claim into a table, one row a claim.

    Example: [bold]pbmine extract reports/ -o claims.parquet[/bold]; with no
    paths it runs on the bundled sample reports. A file that cannot be read is
    reported in one line and skipped; the exit code is then 1. The table is
    written beside its target and renamed into place at the end, so a killed or
    interrupted run leaves an existing table unchanged.
    """
    lex = _lexicon(lexicon)
    target = output if output is not None else (
        str(update) if update else "claims.parquet" if format is TableFormat.parquet else "-")
    try:
        check_target(target, format.value)
        if update is not None and not update.is_file():
            _fail(f"{update}: no such file (--update needs a table written by pbmine extract)")
        previous = signal.signal(signal.SIGTERM, _sigterm_as_ctrl_c)
        try:
            result = api.extract(paths, lexicon=lex, output=target, format=format.value, on_error=_report,
                                 keep=False, keep_partial=keep_partial, update=update)
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


def _sigterm_as_ctrl_c(signum, frame):
    """SIGTERM stops a run the way Ctrl-C does: cleanly, leaving the target as it was."""
    raise KeyboardInterrupt


class _Errors:
    """Reports each unreadable input in one line and remembers that one failed (exit code 1)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, message: str) -> None:
        self.count += 1
        _report(message)

    def exit_if_any(self) -> None:
        if self.count:
            raise typer.Exit(1)


def _claims(paths, claims_file: Path | None, lexicon: Path | None, errors: _Errors) -> pd.DataFrame:
    if claims_file is not None:
        if paths:
            _fail("give either PATHS or --claims, not both")
        if not claims_file.exists():
            _fail(f"{claims_file}: no such file", 1)
        if claims_file.is_dir():
            _fail(f"{claims_file}: is a folder, not a claims table", 1)
        try:
            return api.read_claims(claims_file)
        except (OSError, ValueError) as exc:
            _fail(f"{claims_file}: cannot read claims table: {exc}", 1)
    frame = api.extract(paths, lexicon=_lexicon(lexicon), on_error=errors).frame
    if errors.count and frame.empty:
        _fail("no claims: none of the inputs could be read", 1)
    return frame


@app.command()
def compare(metric: Annotated[str, typer.Option("--metric", "-m", help="Canonical metric (see `pbmine metrics`).")],
            paths: Paths = None,
            claims: Annotated[Optional[Path], typer.Option("--claims", help="A table written by `pbmine extract`.")] = None,
            level: Annotated[Level, typer.Option("--level", help="Roll districts up to city or province (counts only).")] = Level.district,
            year: Annotated[Optional[int], typer.Option("--year", help="Only figures of this year.")] = None,
            format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.table,
            lexicon: LexiconOpt = None) -> None:
    """Rank regions on one metric, with the evidence behind each figure.

    Example: [bold]pbmine compare --metric 五星支部[/bold] (bundled reports), or
    [bold]pbmine compare --metric 好评率 --claims claims.parquet --format csv[/bold].
    """
    errors = _Errors()
    frame = _claims(paths, claims, lexicon, errors)
    try:
        table = api.compare(frame, metric, level=level.value, year=year)
    except UnknownMetric as exc:
        _fail(str(exc))
    except NotAdditive as exc:
        _fail(str(exc))
    columns = ["rank", "region", "value", "unit", "qualifier", "doc_id", "sentence"]
    if format is ShowFormat.csv:
        sys.stdout.write(table[columns].to_csv(index=False))
    elif format is ShowFormat.json:
        sys.stdout.write(table[columns].to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        out.print(_ranking(table, metric, level.value))
    errors.exit_if_any()


def _ranking(table: pd.DataFrame, metric: str, level: str) -> Table:
    t = Table(title=f"{metric} by {level}", title_justify="left")
    for name, kw in (("#", {"justify": "right"}), ("region", {}), ("value", {"justify": "right"}),
                     ("unit", {}), ("", {"min_width": 12}), ("evidence", {"overflow": "fold"})):
        t.add_column(name, **kw)
    top = table["value"].max() if len(table) else 0
    for row in table.itertuples():
        bar = "█" * max(1, round(12 * row.value / top)) if top else ""
        sentence = _around(row.sentence, getattr(row, "number", None) or "")
        t.add_row(str(row.rank), row.region, format_value(row.value, row.qualifier, getattr(row, "value_high", None)),
                  row.unit, bar, f"[dim]{row.doc_id}[/dim] {sentence}")
    return t


def _around(sentence: str, number: str, before: int = 22, after: int = 14) -> str:
    """The part of a sentence around its figure, so the evidence shows what was counted."""
    at = sentence.find(number) if number else -1
    if at < 0 or len(sentence) <= before + after + len(number):
        return sentence if len(sentence) <= 60 else sentence[:57] + "…"
    lo, hi = max(0, at - before), min(len(sentence), at + len(number) + after)
    return ("…" if lo else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")


@app.command()
def metrics(paths: Paths = None,
            claims: Annotated[Optional[Path], typer.Option("--claims", help="A table written by `pbmine extract`.")] = None,
            top: Annotated[int, typer.Option("--top", "-n", help="How many metrics to list.")] = 30,
            format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.table,
            lexicon: LexiconOpt = None) -> None:
    """List the metrics with how many claims and regions each has, most comparable first.

    Example: [bold]pbmine metrics --claims claims.parquet -n 10[/bold]
    """
    errors = _Errors()
    table = api.metrics_summary(_claims(paths, claims, lexicon, errors)).head(top)
    if format is ShowFormat.csv:
        sys.stdout.write(table.to_csv(index=False))
    elif format is ShowFormat.json:
        sys.stdout.write(table.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        t = Table(title="metrics, most comparable first", title_justify="left")
        for col in ("metric", "regions", "claims", "unit", "kind"):
            t.add_column(col, justify="right" if col in ("regions", "claims") else "left")
        for row in table.itertuples(index=False):
            t.add_row(row.metric, str(row.regions), str(row.claims), str(row.unit), str(row.kind))
        out.print(t)
    errors.exit_if_any()


if __name__ == "__main__":  # pragma: no cover
    app()
