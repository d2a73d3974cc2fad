"""Reader stage: turn the user's paths into decoded document texts, one module a format.

`read_sources` walks PATHS (paths.py) and reads each file by what it is:
plain text with its encoding detected (text.py), HTML (html.py), Word .docx
(docx.py), PDF with a text layer (pdf.py); .doc and .wps are named as
unsupported. Every later stage keeps offsets into `Source.text`, so the text
and HTML readers change as little as they can (a byte-order mark goes, \\r\\n
and \\r become \\n). Traditional Chinese is given a Simplified twin of the same
length for extraction (traditional.py). Bad input never raises past
`read_sources`: it becomes a one-line ReadError, and what the user should know
about a file that was read is a Notice.
"""
from __future__ import annotations

import hashlib
import os
import stat
import sys
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from .base import (MAX_BYTES, STDIN, STDIN_NAME, Notice, ReadError, ReadOptions, Reject, Source, os_reason,
                   parse_size, size_text, too_large)
from .docx import read_docx
from .html import looks_like_html, read_html
from .paths import SUFFIXES, UNSUPPORTED, iter_paths, unsupported_reason
from .pdf import read_pdf
from .sniff import magic_kind
from .text import Decoded, read_text
from .traditional import to_simplified

__all__ = ["MAX_BYTES", "SUFFIXES", "Notice", "ReadError", "ReadOptions", "Source", "iter_paths",
           "parse_size", "read_bytes", "read_source", "read_sources"]

HTML_SUFFIXES = (".html", ".htm")


def read_sources(paths: Iterable[str | os.PathLike] | str | os.PathLike, max_bytes: int = MAX_BYTES,
                 encoding: str | None = None) -> Iterator[Source | ReadError]:
    """iter_paths + read_source, never raising for one bad file, so the caller reports it and goes on.

    Yields a Source for each document read, a ReadError for each that failed, and a
    Notice (a ReadError with `failed = False`) for what the user should know: bytes
    replaced in a document that was kept, files a folder walk skipped.
    """
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            source = read_source(item, max_bytes=max_bytes, encoding=encoding)
        except ReadError as err:
            yield err
            continue
        for notice in source.notices:
            yield Notice(source.path, notice)
        yield source


def read_source(path: str | os.PathLike, max_bytes: int = MAX_BYTES, encoding: str | None = None) -> Source:
    """Read one file ('-': standard input) or raise ReadError with a clear reason."""
    name = os.fsdecode(path)
    stdin = name == STDIN
    shown = STDIN_NAME if stdin else name
    suffix = "" if stdin else Path(name).suffix.lower()
    try:
        if suffix in UNSUPPORTED:
            raise Reject(unsupported_reason(suffix))
        data = _read_stdin(max_bytes) if stdin else _read_file(Path(name), max_bytes)
        source = read_bytes(data, name=shown, suffix=suffix, options=ReadOptions(max_bytes, encoding))
    except Reject as reject:
        raise ReadError(shown, str(reject)) from None
    if stdin:
        return Source(**{**source.__dict__, "doc_id": "stdin"})
    return replace(source, digest=hashlib.sha256(data).hexdigest())  # the bytes are at hand: not read twice


def read_bytes(data: bytes, name: str = "doc", suffix: str = "", options: ReadOptions = ReadOptions()) -> Source:
    """A document from its bytes, read by what they are (the suffix decides only between text kinds)."""
    if not data:
        raise Reject("empty file")
    kind = magic_kind(data)
    notices: list[str] = []
    encoding = None
    if kind == "PDF" or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        fmt = "pdf"
        text, notices = read_pdf(data)
    elif suffix == ".pdf":
        raise Reject("not a PDF: no %PDF- header (a renamed file?)")
    elif kind == "DOCX" or suffix == ".docx":
        fmt = "docx"
        text = read_docx(data, options.max_bytes)
    else:
        fmt, decoded = _read_markup_or_text(data, suffix, options.encoding)
        text, encoding = decoded.text, decoded.encoding
        notices = [decoded.notice] if decoded.notice else []
    return Source(doc_id=Path(name).stem, path=name, text=text, format=fmt, encoding=encoding,
                  simplified=to_simplified(text), notices=tuple(notices))


def _read_markup_or_text(data: bytes, suffix: str, encoding: str | None) -> tuple[str, Decoded]:
    """HTML by its suffix or by its first tag (a page saved as .txt); otherwise plain text."""
    if suffix in HTML_SUFFIXES:
        return "html", read_html(data, encoding)
    decoded = read_text(data, encoding)
    if looks_like_html(decoded.text):
        return "html", read_html(data, encoding)
    return "text", decoded


def _read_file(p: Path, max_bytes: int) -> bytes:
    """The whole file, after checking it is a regular file of a sane size."""
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise Reject("is a directory")
        if not stat.S_ISREG(info.st_mode):   # a FIFO or device would block or never end
            raise Reject("not a regular file")
        if info.st_size > max_bytes:
            raise Reject(too_large(info.st_size, max_bytes))
        with p.open("rb") as handle:
            # its size and a byte more (a buffer of max_bytes for every file costs more than the read);
            # the file may have grown since stat: then the rest, up to the limit and a byte
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as err:
        raise Reject(os_reason(err)) from None
    except ValueError:   # e.g. a NUL character in the name
        raise Reject("invalid path") from None
    if len(data) > max_bytes:
        raise Reject(too_large(len(data), max_bytes))
    return data


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise Reject("standard input is closed")
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, ValueError) as err:
        raise Reject(f"cannot read standard input: {err}") from None
    if len(data) > max_bytes:
        raise Reject(f"too large (over the limit of {size_text(max_bytes)}, see --max-size)")
    return data
