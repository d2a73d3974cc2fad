"""Writing a claims table without ever destroying what was there.

Every table (Parquet, csv, jsonl) is written to a temporary file beside its
target and renamed into place only when the run ends well, so a run that is
killed, interrupted or fails leaves the previous table whole and readable. A
lock beside the target stops two runs from writing the same file at once. A
run that read no document does not replace an existing table. ``-`` as the
target writes to standard output (after the run, in one piece).
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

FORMATS = ("parquet", "csv", "jsonl")
PART = re.compile(r"part-\d{5,}\.parquet")   # a part of a dataset `extract --engine dask` wrote
STDOUT = "-"
TEMP_SUFFIX = ".pbmine-tmp"
# Batches of rows are held as Arrow tables and written as one Parquet row group of about this
# size: a row group's footer entry is ~25 KB held in memory until the file is closed (and
# as much again while closing), so 200 documents a group grew a 496,000-file run by ~150 MB.
ROW_GROUP_BYTES = 8 << 20


class OutputError(ValueError):
    """The output target cannot be written (a usage error: nothing was extracted yet)."""


def check_target(target: str | os.PathLike, fmt: str = "parquet") -> None:
    """Refuse, before any work is done, a target that can never be written."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")
    name = os.fsdecode(target)
    if name == STDOUT:
        return
    path = Path(name)
    if path.is_dir():
        raise OutputError(f"{name}: is a folder; give a file name such as {path / ('claims.' + fmt)}")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{name}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{name}: folder {parent} is not writable")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(f"{name}: file is not writable")


def partial_name(target: str | os.PathLike) -> Path:
    """Where --keep-partial puts the rows of an interrupted run: claims.partial.parquet."""
    path = Path(target)
    return path.with_name(f"{path.stem}.partial{path.suffix}")


class TableWriter:
    """Batches of rows into a temporary file beside `target`; `commit` renames it into place."""

    def __init__(self, target: str | os.PathLike, fmt: str, schema: pa.Schema):
        check_target(target, fmt)
        self.target = os.fsdecode(target)
        self.fmt, self.schema = fmt, schema
        self.to_stdout = self.target == STDOUT
        folder = None if self.to_stdout else (os.path.dirname(self.target) or ".")
        self._lock = None if self.to_stdout else _lock(self.target)
        prefix = f".{os.path.basename(self.target)}."
        if folder is not None:
            _clear_stale(folder, prefix)
        fd, self.temp = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=folder)
        os.close(fd)
        self._parquet = None
        self._held: list[pa.Table] = []   # batches not yet written as a row group
        self._held_bytes = 0
        self._text = None
        self.rows = 0
        self.closed = False

    def write(self, table: pa.Table) -> None:
        """Append rows (an Arrow table with `schema`'s columns)."""
        if self.fmt == "parquet":
            self._held.append(table)
            self._held_bytes += table.nbytes
            if self._held_bytes >= ROW_GROUP_BYTES or self._parquet is None:
                self._write_row_group()  # (the first batch at once: the file shows the run under way)
        else:
            if self._text is None:
                self._text = open(self.temp, "w", encoding="utf-8", newline="")
            frame = table.to_pandas()
            if self.fmt == "csv":
                frame.to_csv(self._text, index=False, header=self.rows == 0)
            else:
                for record in frame.to_dict(orient="records"):
                    self._text.write(json.dumps(_jsonable(record), ensure_ascii=False) + "\n")
        self.rows += table.num_rows

    def _open_parquet(self) -> None:
        if self._parquet is None:
            import pyarrow.parquet as pq
            self._parquet = pq.ParquetWriter(self.temp, self.schema)

    def _write_row_group(self) -> None:
        """The batches held, as one row group."""
        if not self._held:
            return
        import pyarrow as pa
        self._open_parquet()
        table = pa.concat_tables(self._held)
        self._held, self._held_bytes = [], 0
        self._parquet.write_table(table, row_group_size=table.num_rows)

    def _close_files(self, metadata: dict[str, str] | None = None) -> None:
        if self.fmt == "parquet":
            self._write_row_group()
            self._open_parquet()  # with no rows, still a valid, empty table
            if metadata:
                self._parquet.add_key_value_metadata(metadata)
            self._parquet.close()
        elif self._text is None:
            with open(self.temp, "w", encoding="utf-8") as f:
                if self.fmt == "csv":
                    f.write(",".join(self.schema.names) + "\n")
        else:
            self._text.close()

    def commit(self, metadata: dict[str, str] | None = None) -> None:
        """Finish the file and put it in place of the target (or copy it to standard output)."""
        try:
            self._close_files(metadata)
            if self.to_stdout:
                with open(self.temp, "rb") as f:
                    shutil.copyfileobj(f, sys.stdout.buffer)
                sys.stdout.buffer.flush()
                os.unlink(self.temp)
            else:
                if os.path.exists(self.target):
                    shutil.copymode(self.target, self.temp)
                else:
                    os.chmod(self.temp, 0o666 & ~_umask())
                os.replace(self.temp, self.target)
        finally:
            self._finish()

    def abort(self, keep_partial: bool = False) -> Path | None:
        """Drop the temporary file, leaving the target as it was; or keep it under a partial name."""
        kept = None
        try:
            self._close_files()
            if keep_partial and self.rows and not self.to_stdout:
                kept = partial_name(self.target)
                os.replace(self.temp, kept)
        except Exception:  # closing a half-written file must not hide why we stopped
            pass
        finally:
            if os.path.exists(self.temp):
                os.unlink(self.temp)
            self._finish()
        return kept

    def _finish(self) -> None:
        self.closed = True
        if self._lock is not None:
            _unlock(*self._lock)
            self._lock = None


def _clear_stale(folder: str, prefix: str) -> None:
    """Remove temporary files that a killed run (SIGKILL, power loss) left beside the target.

    Only called with the target's lock held, so no live run can own one of them.
    """
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(TEMP_SUFFIX):
            try:
                os.unlink(os.path.join(folder, name))
            except OSError:
                pass


def _lock(target: str) -> tuple[int, str]:
    """An exclusive lock beside the target, or OutputError if another run holds it."""
    path = os.path.join(os.path.dirname(target) or ".", f".{os.path.basename(target)}.lock")
    while True:
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise OutputError(f"{target}: another pbmine run is writing this file; wait for it or choose "
                              "another -o") from None
        try:  # the run before us may have unlinked this lock file after we opened it: lock the new one
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                return fd, path
        except FileNotFoundError:
            pass
        os.close(fd)


def _unlock(fd: int, path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _jsonable(record: dict) -> dict:
    import pandas as pd

    out = {}
    for key, value in record.items():
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            out[key] = None
        elif hasattr(value, "item"):  # numpy scalars
            out[key] = value.item()
        else:
            out[key] = value
    return out


def is_dataset(folder) -> bool:
    """A folder holding only Parquet parts that pbmine wrote (hidden names aside)."""
    import pyarrow.parquet as pq

    names = [n for n in os.listdir(folder) if not n.startswith((".", "_"))]
    for name in names:
        if not PART.fullmatch(name):
            return False
        try:
            if b"pbmine.schema_version" not in (pq.read_metadata(os.path.join(folder, name)).metadata or {}):
                return False
        except (OSError, ValueError):
            return False
    return bool(names)
