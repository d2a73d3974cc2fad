"""One input in, its Outcome out: the unit of work every engine shares.

In one process, in `--jobs` worker processes and in Dask tasks the same
function reads a file and extracts it, so the rows cannot differ between
them. An Outcome is small and picklable: the rows as plain tuples in column
order (each with the file's sha256), the sha256 (for --update and the source list), its size (for
the progress line) and the one-line messages (failures and notices) in the
order they arose. An Outcome whose rows are None is no document: a file that
could not be read or extracted, or a message from the folder walk.
"""
from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .readers import MAX_BYTES, Notice, ReadError, Source, read_source
from .schema import claim_rows

Task = Path | str | Source   # a path to read, or a document already read (standard input)


@dataclass(frozen=True)
class Reading:
    """How files are read (the --max-size and --encoding of a run)."""

    max_bytes: int = MAX_BYTES
    encoding: str | None = None


@dataclass
class Outcome:
    path: str
    rows: list[tuple] | None = None        # None: not a document (failed, or only a message)
    digest: str | None = None              # sha256 of the file's bytes (of the text for standard input)
    size: int = 0                          # bytes of the document's text, for the progress line
    messages: tuple[tuple[bool, str], ...] = ()   # (failed?, one line), in order
    reused: bool = False                   # rows --update kept from the previous table


def message(item: ReadError) -> Outcome:
    """A walk's error or notice, in its place among the documents."""
    return Outcome(item.path, messages=((item.failed, str(item)),))


def extract_task(extractor, task: Task, reading: Reading = Reading(), digest: str | None = None,
                 shown: str | None = None) -> Outcome:
    """Read and extract one document; never raises for a bad one.

    `shown` is the path as the user gave it when `task` is that path made absolute
    (a cluster worker in another folder): rows and messages name `shown`.
    """
    if isinstance(task, Source):
        source = task
    else:
        try:
            source = read_source(task, max_bytes=reading.max_bytes, encoding=reading.encoding)
        except ReadError as err:
            err = ReadError(shown, err.reason) if shown else err
            return Outcome(err.path, messages=((True, str(err)),))
        if shown:
            source = Source(**{**source.__dict__, "path": shown})
    messages = [(False, str(Notice(source.path, n))) for n in source.notices]
    try:
        claims = extractor.source(source)
    except Exception as exc:  # one bad document must not end the run
        messages.append((True, f"{source.path}: extraction failed: {type(exc).__name__}: {exc}"))
        return Outcome(source.path, messages=tuple(messages))
    if digest is None:
        digest = source_digest(source, task)
    for claim in claims:
        claim.sha256 = digest
    return Outcome(source.path, claim_rows(claims), digest, len(source.text.encode("utf-8", "replace")),
                   tuple(messages))


def source_digest(source: Source, task: Task | None = None) -> str:
    """The sha256 of a document's file (of its text when it has no file: standard input)."""
    path = source.path if task is None or isinstance(task, Source) else task
    return source.digest or file_digest(path) or text_digest(source)


def file_digest(path) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except (OSError, ValueError):
        return None


def text_digest(source: Source) -> str:
    return hashlib.sha256(source.text.encode("utf-8")).hexdigest()


GC_THRESHOLDS = (20_000, 20, 20)   # during a run; Python's default is (700, 10, 10)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cyclic collector less often while documents are extracted. A document makes
    hundreds of thousands of short-lived objects (tokens, matches, items) that reference counting
    frees, and each collection of the oldest generation walks every object kept for the run (the
    gazetteer, the lexicon, the registry tables): with the defaults that walking took about a
    tenth of a run on the benchmark's corpus. The thresholds are restored afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
