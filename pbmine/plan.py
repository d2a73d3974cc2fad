"""What a run does with each input, and what it records about them.

`plan` walks the paths and says, in order, what becomes of each: a message
from the walk, a file --update keeps from the previous table (by the sha256
of its bytes), or a task to read and extract (outcome.py), done in this
process or by workers. `SourceList` and `run_metadata` are what the Parquet
file says about how it was made.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator

from . import __version__
from .lexicon import Lexicon
from .outcome import Outcome, Reading, file_digest, message
from .readers import ReadError, iter_paths, read_source
from .readers.base import STDIN
from .schema import COLUMNS, SCHEMA_VERSION, table_rows

_PATH, _SHA256 = COLUMNS.index("path"), COLUMNS.index("sha256")


def plan(paths: list, previous, reading: Reading) -> Iterator[Outcome | tuple]:
    """What to do for each input, in order: an Outcome already known (a walk's message, a file
    --update keeps) or a task `(path or source, sha256 or None)` to read and extract."""
    old_frame, old_sources = previous or ({}, {})
    # the same file may be named otherwise this time (relative, absolute, ./): match by real path,
    # and keep the old spelling for a reused file so that its rows and the source list agree
    old_by_real = {os.path.realpath(p): p for p in old_sources}
    seen: set[str] = set()
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield message(item)
            continue
        if item == STDIN:  # read here: a worker process has no standard input
            try:
                yield (read_source(item, max_bytes=reading.max_bytes, encoding=reading.encoding), None)
            except ReadError as err:
                yield message(err)
            continue
        if previous is None:
            yield (item, None)
            continue
        path = os.fsdecode(item)
        real = os.path.realpath(path)
        seen.add(real)
        digest = file_digest(path)
        old_path = old_by_real.get(real)
        if digest is not None and old_path is not None and old_sources[old_path] == digest:
            yield Outcome(old_path, old_frame.get(old_path, []), digest, reused=True)
        else:
            yield (item, digest)
    for path, digest in old_sources.items():  # files outside PATHS that are still there, unchanged
        if os.path.realpath(path) not in seen and file_digest(path) == digest:
            yield Outcome(path, old_frame.get(path, []), digest, reused=True)


def previous_table(update) -> tuple[dict[str, list[tuple]], dict[str, str]]:
    """The rows by path and the {path: sha256} of sources of a table written by pbmine."""
    import pyarrow.parquet as pq

    try:
        meta = pq.read_metadata(update).metadata or {}
    except (OSError, ValueError) as exc:  # unreadable, or not Parquet (pyarrow's ArrowInvalid)
        raise ValueError(f"{os.fsdecode(update)}: cannot read as a Parquet table: {exc}") from None
    if b"pbmine.sources" not in meta:
        raise ValueError(f"{os.fsdecode(update)}: not a table written by pbmine extract (no source list)")
    by_path: dict[str, list[tuple]] = {}
    for row in table_rows(pq.read_table(update)):
        by_path.setdefault(row[_PATH], []).append(row)
    return by_path, _sources(meta, ((path, rows[0][_SHA256]) for path, rows in by_path.items()))


def table_sources(path) -> dict[str, str]:
    """{path: sha256} of every document a table written by `pbmine extract` was made from: those
    with claims from its `sha256` column, those without from its metadata (`pbmine.sources`)."""
    import pyarrow.parquet as pq

    meta = pq.read_metadata(path).metadata or {}
    names = [c for c in ("path", "sha256") if c in pq.read_schema(path).names]
    table = pq.read_table(path, columns=names)
    digests = table.column("sha256").to_pylist() if "sha256" in names else [None] * table.num_rows
    return _sources(meta, zip(table.column("path").to_pylist(), digests))


def _sources(meta: dict, digests: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """The metadata's list (every source up to schema 3; since, those without rows), then the
    (path, sha256) the rows carry."""
    sources = {s["path"]: s["sha256"] for s in json.loads(meta.get(b"pbmine.sources", b"[]"))}
    for path, digest in digests:
        if digest is not None:
            sources[path] = digest
    return sources


class SourceList:
    """The path and sha256 of each document of a run that gave no claims (the others' are in their
    rows), kept as the JSON text the Parquet metadata holds (`[{"path": ..., "sha256": ...}, ...]`)
    and built as the run goes; memory grows only with the documents that have no claims."""

    def __init__(self) -> None:
        self._json = bytearray(b"[")
        self.count = 0

    def add(self, path: str, digest: str | None) -> None:
        if self.count:
            self._json += b", "
        self._json += json.dumps({"path": path, "sha256": digest}, ensure_ascii=False).encode("utf-8")
        self.count += 1

    def json(self) -> bytes:
        """The JSON text, once: the buffer is handed over, not copied twice (tens of MB on a crawl)."""
        self._json += b"]"
        data, self._json = bytes(self._json), bytearray()
        return data


def run_metadata(lex: Lexicon, sources: SourceList) -> dict[str, str | bytes]:
    """What the Parquet file says about how it was made."""
    return {
        "pbmine.version": __version__,
        "pbmine.schema_version": SCHEMA_VERSION,
        "pbmine.lexicon_sha256": lex.fingerprint(),
        "pbmine.sources": sources.json(),
    }
