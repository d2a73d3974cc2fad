"""The user's PATHS expanded to files: folders walked, standard input named, problems as ReadError."""
from __future__ import annotations

import hashlib
import os
import stat
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from .base import STDIN, Notice, ReadError, os_reason
from .sniff import UNSUPPORTED_HINT

SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")   # what a folder walk picks up
UNSUPPORTED = {".doc": "Word 97-2003 .doc", ".wps": "WPS Office .wps"}
_READS = " ".join(SUFFIXES)
NO_DOCUMENTS = f"no {_READS} files in directory"


def iter_paths(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> Iterator[Path | str | ReadError]:
    """Expand files and folders in order; problems are yielded as ReadError, never raised.

    Folders are walked recursively in sorted order, keeping SUFFIXES only and skipping
    hidden names and symlinked folders (no loops); a .doc or .wps found is a ReadError
    with a hint, and the other files skipped are counted in one Notice per folder given.
    A file given explicitly is read whatever its suffix; '-' is yielded as is (standard
    input, once). A file reached twice is yielded once.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):   # one path, not an iterable of characters
        paths = [paths]
    seen: set[bytes] = set()
    for raw in paths:
        name = os.fsdecode(raw)
        if name == STDIN:   # a file named - is ./-
            if STDIN not in seen:
                seen.add(STDIN)
                yield STDIN
            continue
        if not name:
            yield ReadError(name, "no such file or directory")
            continue
        path = Path(name)
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except OSError as err:
            yield ReadError(name, os_reason(err))
            continue
        except ValueError:   # e.g. a NUL character in the name
            yield ReadError(name, "invalid path")
            continue
        if not is_dir:
            if _first_visit(path, seen):
                yield path
            continue
        yield from _walk_folder(name, path, seen)


def _walk_folder(name: str, path: Path, seen: set[bytes]) -> Iterator[Path | ReadError]:
    skipped: Counter[str] = Counter()
    found = False
    for item in _walk(path, skipped):
        if isinstance(item, ReadError):
            if item.reason.startswith("unsupported"):
                found = True
            yield item
            continue
        found = True
        if _first_visit(item, seen):
            yield item
    if not found:
        yield ReadError(name, NO_DOCUMENTS + (f" ({skipped_text(skipped)})" if skipped else ""))
    elif skipped:
        yield Notice(name, f"{skipped_text(skipped)} (a folder walk reads {_READS})")


def skipped_text(skipped: Counter[str]) -> str:
    """'3 files skipped: 2 .png, 1 without a suffix'."""
    total = sum(skipped.values())
    parts = ", ".join(f"{n} {kind}" for kind, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{total} file{'s' if total != 1 else ''} skipped: {parts}"


def _walk(folder: Path, skipped: Counter[str]) -> Iterator[Path | ReadError]:
    """Depth-first walk, entries sorted by name, so the order is the same on every machine."""
    try:   # names only, not DirEntry objects: a folder of a million reports is ~80 MB less
        with os.scandir(folder) as it:
            names = sorted(e.name for e in it if not e.name.startswith("."))
    except OSError as err:
        yield ReadError(str(folder), os_reason(err))
        return
    for name in names:
        path = folder / name
        try:
            mode = os.lstat(path).st_mode
            if stat.S_ISDIR(mode):
                yield from _walk(path, skipped)
                continue
            is_file = stat.S_ISREG(mode) or (stat.S_ISLNK(mode) and path.is_file())   # follows a symlinked file
        except OSError as err:
            yield ReadError(str(path), os_reason(err))
            continue
        if not is_file:
            continue
        suffix = path.suffix.lower()
        if suffix in SUFFIXES:
            yield path
        elif suffix in UNSUPPORTED:
            yield ReadError(str(path), unsupported_reason(suffix))
        else:
            skipped[suffix or "without a suffix"] += 1


def unsupported_reason(suffix: str) -> str:
    return f"unsupported format: {UNSUPPORTED[suffix]}; {UNSUPPORTED_HINT}"


def _first_visit(path: Path, seen: set[bytes]) -> bool:
    """Whether the real file behind `path` is new; `seen` keeps 16-byte digests of real paths
    (a third of the memory of the paths over a national crawl; a collision is beyond reach)."""
    key = hashlib.blake2b(os.fsencode(os.path.realpath(path)), digest_size=16).digest()
    if key in seen:
        return False
    seen.add(key)
    return True
