"""What the commands of cli.py share: their options and choices, lazily imported modules, and the
one-line messages on stderr (a bad input named in one line; a usage error exits 2)."""
from __future__ import annotations

import codecs
import importlib
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .aggregation import AGG_RULES
from .lexicon import LexiconError, load_lexicon

class _Lazy:
    """A module imported on first use: `pbmine --help` needs neither pandas nor the extractor."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self._name, __package__), attr)


api = _Lazy(".api")
readers = _Lazy(".readers")
render = _Lazy(".render")


Paths = Annotated[Optional[list[Path]], typer.Argument(
    help="Files or folders (recursive: .txt .md .html .htm .docx .pdf); - reads standard input. "
         "None: the bundled sample reports.", show_default=False)]
LexiconOpt = Annotated[Optional[Path], typer.Option(
    "--lexicon", help="A TOML file of metric aliases merged over the bundled ones.")]
MaxSizeOpt = Annotated[str, typer.Option(
    "--max-size", help="Skip files larger than this (e.g. 50MB, 500KB, or bytes).")]
EncodingOpt = Annotated[Optional[str], typer.Option(
    "--encoding", help="Decode text and HTML files with this encoding (e.g. gbk, big5) instead of detecting it.")]
ClaimsOpt = Annotated[Optional[Path], typer.Option("--claims", help="A table written by `pbmine extract`.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar on stderr.")]


class SegFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


class TableFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class ShowFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


Agg = Enum("Agg", {name: name for name in AGG_RULES}, type=str)


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


def _read_options(max_size: str, encoding: str | None) -> dict:
    """--max-size and --encoding as read_sources takes them; a bad value is a usage error."""
    try:
        max_bytes = readers.parse_size(max_size)
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
        return load_lexicon(path)
    except LexiconError as exc:
        _fail(str(exc))


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


def _note(message: str) -> None:
    _line(f"note: {message}")
