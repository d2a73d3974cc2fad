"""What every reader returns or raises: Source, ReadError, Notice, and the reading options."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

MAX_BYTES = 50 * 1024 * 1024   # default --max-size: reports are small; anything bigger is a mistake
STDIN = "-"                    # the PATH that means standard input
STDIN_NAME = "<stdin>"         # how standard input is named in messages and the path column


class ReadError(Exception):
    """A document that could not be read; str() is one line: '<path>: <reason>'."""

    failed = True   # counts as input that failed (exit code 1)

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = os.fsdecode(path)
        self.reason = reason
        super().__init__(self.path, self.reason)   # keeps it picklable

    def __str__(self) -> str:
        return one_line(f"{self.path}: {self.reason}")


class Notice(ReadError):
    """Something the user should know that is not a failure: bytes replaced, files skipped by a walk.

    A subclass of ReadError so that a caller that only knows ReadError still reports it.
    """

    failed = False


@dataclass(frozen=True)
class Source:
    """One decoded document."""

    doc_id: str     # file name without its extension (e.g. '001_132740b646042620'); 'stdin' for -
    path: str       # as given / found
    text: str       # decoded text the offsets of all later stages refer to
    format: str = "text"                 # text, html, docx or pdf
    encoding: str | None = None          # the codec the bytes were decoded with (text and HTML)
    simplified: str | None = None        # text with Traditional characters made Simplified, same length
    notices: tuple[str, ...] = ()        # one-line remarks on how it was read (bytes replaced...)
    digest: str | None = field(default=None, compare=False, repr=False)  # sha256 of a file's bytes as read

    @property
    def analysis_text(self) -> str:
        """What extraction reads: `simplified` when the document has Traditional characters.

        It has the length of `text`, character for character, so every offset found in it
        slices `text` too.
        """
        return self.text if self.simplified is None else self.simplified


@dataclass(frozen=True)
class ReadOptions:
    """How to read: the size limit (bytes) and an encoding forced instead of detected."""

    max_bytes: int = MAX_BYTES
    encoding: str | None = None


class Reject(Exception):
    """Internal: the reason a file is refused; read_source adds the path."""


def one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


def os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    return (err.strerror or str(err) or type(err).__name__).lower()


def size_text(size: int) -> str:
    """50 MB, 1.5 MB, 200 KB, 10 bytes: the way --max-size is shown."""
    if size >= 2**20:
        mb = size / 2**20
        return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def too_large(size: int, limit: int) -> str:
    return f"too large ({size_text(size)}; the limit is {size_text(limit)}, see --max-size)"


_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 2**20, "mb": 2**20, "g": 2**30, "gb": 2**30}


def parse_size(text: str) -> int:
    """'50MB', '500 KB', '2g' or a number of bytes; binary units (1 MB = 1,048,576 bytes)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    unit = match.group(2).lower() if match else ""
    if not match or unit not in _UNITS:
        raise ValueError(f"not a size: {text!r} (e.g. 50MB, 500KB, 1GB)")
    size = int(float(match.group(1)) * _UNITS[unit])
    if size <= 0:
        raise ValueError(f"must be more than 0 bytes: {text!r}")
    return size
