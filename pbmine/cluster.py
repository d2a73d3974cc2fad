"""`--engine dask`: the same per-file extraction over partitions of the file list on a Dask cluster.

The client walks the folders; each partition (a run of consecutive files) is
one task that reads and extracts them with the function one process uses
(outcome.py), with an extractor built once per worker process, and writes one
Parquet part, `part-00000.parquet`, ... in file order, so the dataset read
back in part order has the rows of one process in the same order. A part is
written under a hidden temporary name and renamed when complete: a failed or
retried task never leaves half a part, and readers (pandas, pyarrow, DuckDB)
skip hidden names. Messages come back from the tasks and are reported in file
order, as in one process.

Nothing already written is destroyed: the parts go to a hidden folder beside
the target, which takes the target's place only when every part is written
(the target may be missing, empty, or a dataset an earlier run wrote; any
other folder is refused). A run that read no document leaves it as it was.

Without a scheduler address a `LocalCluster` of `workers` processes is
started and stopped. Workers must see the files and the output folder at the
same paths (a shared file system); relative paths are resolved against the
client's working directory and reported as given. Needs the optional extra:
``pip install 'pbmine[dask]'``.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from . import __version__
from .extract import Extractor, ExtractResult, _path_list
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .outcome import Outcome, Reading, extract_task, message
from .output import OutputError, _lock, _unlock, is_dataset
from .readers import MAX_BYTES, ReadError, iter_paths, read_source
from .readers.base import STDIN
from .schema import SCHEMA_VERSION

MAX_PART_FILES = 200   # files a partition at most (a part is written when its task ends)
PARTS_PER_WORKER = 4   # at least this many partitions a worker, so a slow one does not hold up the run


class OutputExists(FileExistsError):
    """The output folder holds something that is not a pbmine dataset: it is never written over."""


class DaskMissing(ImportError):
    """Dask is an optional extra."""


_extractors: dict[str, Extractor] = {}


def _extractor(lexicon: Lexicon | None) -> Extractor:
    """The worker process's extractor for this lexicon, built on its first task."""
    key = lexicon.fingerprint() if lexicon is not None else ""
    if key not in _extractors:
        _extractors.clear()
        _extractors[key] = Extractor(lexicon)
    return _extractors[key]


def extract_part(index: int, steps: list, folder: str, cwd: str, lexicon: Lexicon | None,
                 reading: Reading) -> list[Outcome]:
    """One partition: extract its files, write `part-<index>.parquet` atomically; the outcomes
    without their rows (counts only), in order."""
    import pyarrow.parquet as pq

    from .schema import rows_table

    extractor = _extractor(lexicon)
    done: list[Outcome] = []
    rows: list[tuple] = []
    sources: list[dict] = []
    for step in steps:
        if isinstance(step, Outcome):
            done.append(step)
            continue
        task, _ = step
        shown = None
        if not hasattr(task, "text") and not os.path.isabs(task):
            task, shown = os.path.join(cwd, task), os.fsdecode(task)
        outcome = extract_task(extractor, task, reading, shown=shown)
        if outcome.rows is not None:
            rows.extend(outcome.rows)
            if not outcome.rows:  # the others' sha256 is in their rows
                sources.append({"path": outcome.path, "sha256": outcome.digest})
            outcome.rows = _summary(outcome.rows)
        done.append(outcome)
    final = Path(folder, f"part-{index:05d}.parquet")
    temp = Path(folder, f".{final.name}.{uuid.uuid4().hex}.tmp")
    table = rows_table(rows)
    table = table.replace_schema_metadata({**table.schema.metadata, **_metadata(extractor.lex, sources)})
    try:
        pq.write_table(table, temp)
        os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)
    return done


def _summary(rows: list[tuple]) -> list[tuple]:
    """What the client counts of a document's rows: (region, metric) per row."""
    from .extract import _METRIC, _REGION

    return [(r[_REGION], r[_METRIC]) for r in rows]


def _metadata(lex: Lexicon, sources: list[dict]) -> dict[str, str]:
    return {"pbmine.version": __version__, "pbmine.schema_version": SCHEMA_VERSION,
            "pbmine.lexicon_sha256": lex.fingerprint(),
            "pbmine.sources": json.dumps(sources, ensure_ascii=False)}


def partitions(steps: list, workers: int, max_files: int = MAX_PART_FILES) -> list[list]:
    """Consecutive runs of `steps`: at least PARTS_PER_WORKER a worker, at most `max_files` each."""
    if not steps:
        return []
    size = max(1, min(max_files, -(-len(steps) // (workers * PARTS_PER_WORKER))))
    return [steps[i:i + size] for i in range(0, len(steps), size)]


def check_folder(output: str | os.PathLike) -> Path:
    """The output folder, or OutputExists when it holds anything but an earlier pbmine dataset."""
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise OutputExists(f"{folder}: is a file; --engine dask writes a folder of Parquet parts")
    if folder.is_dir() and any(n for n in os.listdir(folder) if not n.startswith(".")) and not is_dataset(folder):
        raise OutputExists(f"{folder}: a folder that is not a pbmine dataset; give -o a new or empty folder")
    parent = folder.resolve().parent
    if not parent.is_dir():
        raise OutputError(f"{folder}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{folder}: folder {parent} is not writable")
    return folder


def _plan(paths, reading: Reading) -> list:
    steps: list = []
    for item in iter_paths(_path_list(paths)):
        if isinstance(item, ReadError):
            steps.append(message(item))
        elif item == STDIN:   # read here: a worker has no standard input
            try:
                steps.append((read_source(item, max_bytes=reading.max_bytes, encoding=reading.encoding), None))
            except ReadError as err:
                steps.append(message(err))
        else:
            steps.append((os.fsdecode(item), None))
    return steps


def extract_dataset(paths: Iterable[str | os.PathLike] | None, output: str | os.PathLike,
                    lexicon: Lexicon | None = None, scheduler: str | None = None, workers: int = 2,
                    on_error: Callable[[str], None] | None = None, max_bytes: int = MAX_BYTES,
                    encoding: str | None = None,
                    on_notice: Callable[[str], None] | None = None) -> ExtractResult:
    """Claims of files and folders written as a partitioned Parquet dataset in `output` by Dask.

    `scheduler` is the address of a running scheduler (tcp://host:8786); without
    one a LocalCluster of `workers` single-threaded worker processes is used.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskMissing("--engine dask needs Dask: pip install 'pbmine[dask]'") from exc
    folder = check_folder(output)
    lex = lexicon or load_lexicon()
    shipped = None if lex is default_lexicon() else lex
    reading = Reading(max_bytes, encoding)
    result = ExtractResult(output=os.fsdecode(output))
    lock = _lock(str(folder))
    temp = folder.resolve().parent / f".{folder.name}.{uuid.uuid4().hex}.pbmine-tmp"
    try:
        temp.mkdir()
        outcomes = _run(Client, LocalCluster, scheduler, workers, _plan(paths, reading), str(temp),
                        shipped, reading)
        for outcome in outcomes:
            for failed, line in outcome.messages:
                if failed:
                    result.errors.append(line)
                report = on_error if failed else on_notice
                if report:
                    report(line)
            if outcome.rows is not None:
                result.documents += 1
                result.claims += len(outcome.rows)
                result.regions.update(r for r, _ in outcome.rows if r is not None)
                result.metrics.update(m for _, m in outcome.rows if m)
        if result.documents == 0 and folder.exists():
            result.unchanged = True
        else:
            _swap(temp, folder)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        _unlock(*lock)
    return result


def _run(Client, LocalCluster, scheduler, workers: int, steps: list, where: str, lexicon, reading) -> list[Outcome]:
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        with client:
            n = len(client.scheduler_info().get("workers", {})) or workers
            if lexicon is not None:  # sent once; each worker keeps one copy, so one extractor
                lexicon = client.scatter(lexicon, broadcast=True)
            run = uuid.uuid4().hex
            futures = [client.submit(extract_part, i, part, where, os.getcwd(), lexicon, reading,
                                     key=f"pbmine-part-{i}-{run}", retries=2, pure=False)
                       for i, part in enumerate(partitions(steps, n))]
            return [outcome for part in client.gather(futures) for outcome in part]
    finally:
        if cluster is not None:
            cluster.close()


def _swap(temp: Path, folder: Path) -> None:
    """Put the new dataset in the target's place; the earlier one goes only once the new one is there."""
    if not folder.exists():
        os.replace(temp, folder)
        return
    old = folder.resolve().parent / f".{folder.name}.{uuid.uuid4().hex}.pbmine-old"
    os.replace(folder, old)
    try:
        os.replace(temp, folder)
    except OSError:
        os.replace(old, folder)
        raise
    shutil.rmtree(old, ignore_errors=True)
