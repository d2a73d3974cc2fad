"""The user's PATHS expanded to files: folders walked, standard input named, problems as ReadError."""
from __future__ import annotations

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
    seen = _Visits()
    stdin_read = False
    for raw in paths:
        name = os.fsdecode(raw)
        if name == STDIN:   # a file named - is ./-
            if not stdin_read:
                stdin_read = True
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
            if seen.first_file(path):
                yield path
            continue
        yield from _walk_folder(name, path, seen)


def _walk_folder(name: str, path: Path, seen: _Visits) -> Iterator[Path | ReadError]:
    if os.path.realpath(path) in seen.folders:   # walked already, as or inside another argument
        return
    skipped: Counter[str] = Counter()
    found = False
    for item in _walk(path, skipped, seen):
        if isinstance(item, ReadError):
            if item.reason.startswith("unsupported"):
                found = True
            yield item
            continue
        found = True
        if seen.first_walked(item):
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


def _walk(folder: Path, skipped: Counter[str], seen: _Visits) -> Iterator[Path | ReadError]:
    """Depth-first walk, entries sorted by name, so the order is the same on every machine;
    a folder another argument has walked already is not walked again."""
    real = os.path.realpath(folder)
    if real in seen.folders:
        return
    try:   # names only, not DirEntry objects: a folder of a million reports is ~80 MB less
        with os.scandir(folder) as it:
            names = _joined(sorted(e.name for e in it if not e.name.startswith(".")))
    except OSError as err:
        yield ReadError(str(folder), os_reason(err))
        return
    seen.folders.add(real)
    for name in _split(names):
        path = folder / name
        try:
            mode = os.lstat(path).st_mode
            if stat.S_ISDIR(mode):
                yield from _walk(path, skipped, seen)
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


def _joined(names: list[str]) -> str:
    """A folder's sorted names as one string, NUL between them (no name holds a NUL): held while
    its files are read, it takes a quarter of the memory of a list of strings (a crawl's folder of
    a million reports: about 60 MB less for the whole run)."""
    return "\0".join(names)


def _split(joined: str) -> Iterator[str]:
    pos = 0
    while pos < len(joined):
        end = joined.find("\0", pos)
        end = len(joined) if end < 0 else end
        yield joined[pos:end]
        pos = end + 1


def unsupported_reason(suffix: str) -> str:
    return f"unsupported format: {UNSUPPORTED[suffix]}; {UNSUPPORTED_HINT}"


class _Visits:
    """Which real files a run has reached, in memory that does not grow with the files.

    A folder walk does not follow symlinked folders, so a walk reaches a file twice only
    through a symlinked file or a folder that another argument walks too: the real paths of
    the folders walked are kept (a crawl has thousands of folders for a million files),
    and of the files named on the command line or reached through a symlink (a few).
    """

    def __init__(self) -> None:
        self.folders: set[str] = set()   # real paths of the folders listed
        self.files: set[str] = set()
        self._parent: tuple[Path | None, str] = (None, "")   # the last folder's real path

    def first_walked(self, path: Path) -> bool:
        """A file a walk found: a regular file is new unless named or linked to before."""
        if path.is_symlink():
            return self.first_file(path)
        if not self.files:
            return True
        if self._parent[0] != path.parent:
            self._parent = (path.parent, os.path.realpath(path.parent))
        return os.path.join(self._parent[1], path.name) not in self.files

    def first_file(self, path: Path) -> bool:
        """A file given by name, or a symlinked file: new unless read already, by name or in a walk."""
        real = os.path.realpath(path)
        folder, name = os.path.split(real)
        if real in self.files or (folder in self.folders and _walk_takes(name)):
            return False
        self.files.add(real)
        return True


def _walk_takes(name: str) -> bool:
    """Whether a folder walk yields a file of this name (given that it is a regular file)."""
    return not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES
