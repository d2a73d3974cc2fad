"""The pbmine command line: thin typer wrappers around the library."""
from __future__ import annotations

import codecs
import json
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
from .lexicon import LexiconError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="Mine quantified claims from Chinese party-building and government work reports.")
err = Console(stderr=True)
out = Console()

Paths = Annotated[Optional[list[Path]], typer.Argument(
    help="Files or folders (recursive: .txt .md .html .htm .docx .pdf); - reads standard input. "
         "None: the bundled sample reports.", show_default=False)]
LexiconOpt = Annotated[Optional[Path], typer.Option(
    "--lexicon", help="A TOML file of metric aliases merged over the bundled ones.")]
MaxSizeOpt = Annotated[str, typer.Option(
    "--max-size", help="Skip files larger than this (e.g. 50MB, 500KB, or bytes).")]
EncodingOpt = Annotated[Optional[str], typer.Option(
    "--encoding", help="Decode text and HTML files with this encoding (e.g. gbk, big5) instead of detecting it.")]


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


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _report(message: str) -> None:
    err.print(f"[yellow]skipped[/yellow] {message}", highlight=False, soft_wrap=True)


def _note(message: str) -> None:
    err.print(f"[cyan]note[/cyan] {message}", highlight=False, soft_wrap=True)


def _read_options(max_size: str, encoding: str | None) -> dict:
    """--max-size and --encoding as read_sources takes them; a bad value is a usage error."""
    try:
        max_bytes = api.parse_size(max_size)
    except ValueError as exc:
        _fail(f"--max-size: {exc}")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            _fail(f"--encoding: unknown encoding {encoding!r} (e.g. gbk, big5, utf-16)")
    return {"max_bytes": max_bytes, "encoding": encoding, "on_notice": _note}


def _lexicon(path: Path | None):
    try:
        return api.load_lexicon(path)
    except LexiconError as exc:
        _fail(str(exc))


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
    reading = _read_options(max_size, encoding)
    for doc_id, rows in api.segment(paths, lexicon=lex, on_error=_report, **reading):
        for sentence in rows:
            if format is SegFormat.text:
                sys.stdout.write(" ".join(t.text for t in sentence.tokens) + "\n")
            else:
                for t in sentence.tokens:
                    sys.stdout.write(json.dumps({"doc_id": doc_id, "sentence": sentence.index, "token": t.text,
                                                 "start": t.start, "end": t.end}, ensure_ascii=False) + "\n")


@app.command()
def extract(paths: Paths = None,
            output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Where to write the table.")] = None,
            format: Annotated[TableFormat, typer.Option("--format", "-f", help="parquet (to -o, default claims.parquet), or csv/jsonl (to -o or stdout).")] = TableFormat.parquet,
            lexicon: LexiconOpt = None, max_size: MaxSizeOpt = "50MB",
            encoding: EncodingOpt = None) -> None:
    """Extract every quantified claim into a table, one row a claim.

    Example: [bold]pbmine extract reports/ -o claims.parquet[/bold]; with no
    paths it runs on the bundled sample reports. A file that cannot be read is
    reported in one line and skipped; the exit code is then 1.
    """
    lex = _lexicon(lexicon)
    reading = _read_options(max_size, encoding)
    if format is TableFormat.parquet:
        target = output or Path("claims.parquet")
        result = api.extract(paths, lexicon=lex, output=target, on_error=_report, keep=False, **reading)
    else:
        result = api.extract(paths, lexicon=lex, on_error=_report, **reading)
        frame = result.frame
        if format is TableFormat.csv:
            text = frame.to_csv(index=False)
        else:
            text = frame.to_json(orient="records", lines=True, force_ascii=False)
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        target = output
    err.print(f"[bold]{result.documents}[/bold] documents, [bold]{result.claims}[/bold] claims, "
              f"[bold]{len(result.regions)}[/bold] regions, [bold]{len(result.metrics)}[/bold] metrics"
              + (f" -> {target}" if target else "")
              + (f", [red]{len(result.errors)} skipped[/red]" if result.errors else ""), highlight=False)
    if result.errors:
        raise typer.Exit(1)


def _claims(paths, claims_file: Path | None, lexicon: Path | None) -> pd.DataFrame:
    if claims_file is not None:
        if paths:
            _fail("give either PATHS or --claims, not both")
        try:
            return api.read_claims(claims_file)
        except (OSError, ValueError) as exc:
            _fail(f"{claims_file}: cannot read claims table: {exc}")
    return api.extract(paths, lexicon=_lexicon(lexicon), on_error=_report).frame


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
    frame = _claims(paths, claims, lexicon)
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
    table = api.metrics_summary(_claims(paths, claims, lexicon)).head(top)
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


if __name__ == "__main__":  # pragma: no cover
    app()
