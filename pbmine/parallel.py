"""`--jobs N`: extraction in N worker processes on one machine.

Each worker builds its extractor (lexicon, gazetteer, segmenter) once, in the
pool's initializer, then reads and extracts whole files (outcome.py, the same
function one process runs); the parent only walks the folders, collects rows
and writes them. Tasks go out in chunks and come back in input order, with a
bounded number of chunks in flight, so memory stays flat however many files
there are and the rows are those of one process, in the same order.

A worker that dies (killed, out of memory, a crash in native code) costs its
file, not the run: the chunks lost with the pool are run again one at a time
in a new pool, a chunk that kills it again one file at a time, and the file
that kills a worker on its own is reported as failed, in its place.

Workers ignore Ctrl-C and SIGTERM: the parent stops them (they finish the
task at hand, so that no half-sent result blocks the pool) and leaves the
output as it was.
They are spawned (a clean interpreter, none of the parent's threads) as the
parent's own children and die with it: a parent killed with SIGKILL leaves no
worker behind holding its output pipes open or blocked on a full result pipe.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .lexicon import Lexicon, default_lexicon
from .outcome import Outcome, Reading, extract_task

CHUNK_TASKS = 4        # files a task: enough to amortise the round trip, small enough to balance
IN_FLIGHT_PER_JOB = 4  # chunks queued a worker, so none waits while the parent collects
STOP_GRACE = 30.0      # seconds the running tasks have to finish after an interrupt

_extractor = None
_reading = Reading()


def _start(parent: int, lexicon: Lexicon | None, reading: Reading) -> None:
    global _extractor, _reading
    import gc

    from .extract import Extractor
    from .outcome import GC_THRESHOLDS

    gc.set_threshold(*GC_THRESHOLDS)   # a worker only extracts: see extract.fewer_collections

    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the parent decides what Ctrl-C or SIGTERM stops
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with(parent)
    _extractor, _reading = Extractor(lexicon), reading


def _die_with(parent: int) -> None:
    """Linux: be killed when the parent dies (SIGKILL included); it may have died already."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        return
    if os.getppid() != parent:
        os._exit(1)


_STOPS = {signal.SIGINT, signal.SIGTERM}


def _submit(pool: ProcessPoolExecutor, work: Callable, tasks: list):
    """pool.submit, which may spawn a worker: a Ctrl-C or SIGTERM then waits until the worker has
    all it was sent (else it dies reading half of it, printing a traceback), and comes right after.

    The handlers are held rather than the signals blocked: a signal may reach another thread
    (pyarrow's), and Python still runs the handler in the middle of the spawn."""
    held: list[int] = []
    try:
        previous = {s: signal.signal(s, lambda signum, frame: held.append(signum)) for s in _STOPS}
    except ValueError:   # not the main thread: no handler of ours can run here anyway
        return pool.submit(work, tasks)
    try:
        return pool.submit(work, tasks)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if held:
            signal.raise_signal(held[0])


def _work(chunk: list[tuple]) -> list[Outcome]:
    return [extract_task(_extractor, task, _reading, digest) for task, digest in chunk]


def map_tasks(plan: Iterable[Outcome | tuple], lexicon: Lexicon | None, reading: Reading, jobs: int,
              chunk_tasks: int = CHUNK_TASKS, work: Callable = _work) -> Iterator[Outcome]:
    """The plan's outcomes in its order: an Outcome as it is, a task `(path or source, sha256)`
    extracted by one of `jobs` worker processes."""
    if lexicon is default_lexicon():
        lexicon = None  # each worker loads its own rather than unpickling the bundled one
    context = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start,
                                   initargs=(os.getpid(), lexicon, reading))

    steps = iter(plan)
    pending: deque = deque()   # (steps, tasks, future or None) in input order
    careful: deque = deque()   # chunks lost with a broken pool: run one at a time, to find the culprit
    pool = new_pool()
    finished = False
    try:
        while True:
            if careful:
                chunk_steps, tasks = careful.popleft()
                try:
                    done = _submit(pool, work, tasks).result() if tasks else []
                except BrokenProcessPool:
                    pool = _renew(pool, new_pool)
                    if len(tasks) == 1:
                        done = [_died(tasks[0])]
                    else:  # one task a chunk, in order, each with the ready outcomes before it
                        careful.extendleft(reversed(_split(chunk_steps)))
                        continue
                yield from _merge(chunk_steps, done)
                continue
            while len(pending) < jobs * IN_FLIGHT_PER_JOB:
                chunk_steps, tasks = _next_chunk(steps, chunk_tasks)
                if not chunk_steps:
                    break
                pending.append((chunk_steps, tasks, _submit(pool, work, tasks) if tasks else None))
            if not pending:
                break
            chunk_steps, tasks, future = pending.popleft()
            try:
                done = future.result() if future is not None else []
            except BrokenProcessPool:  # which task killed it is unknown: every lost one is a suspect
                pool = _renew(pool, new_pool)
                careful.extend([(chunk_steps, tasks), *((s, t) for s, t, _ in pending)])
                pending.clear()
                continue
            yield from _merge(chunk_steps, done)
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:   # interrupted, or the caller stopped reading: end the workers now
            _stop(pool)


def _next_chunk(steps: Iterator, size: int) -> tuple[list, list[tuple]]:
    """The next steps up to and including the `size`th task, and those tasks."""
    chunk, tasks = [], []
    for step in steps:
        chunk.append(step)
        if isinstance(step, tuple):
            tasks.append(step)
            if len(tasks) == size:
                break
    return chunk, tasks


def _split(chunk_steps: list) -> list[tuple[list, list[tuple]]]:
    """A chunk as chunks of one task each (ready outcomes stay with the task after them)."""
    out, run = [], []
    for step in chunk_steps:
        run.append(step)
        if isinstance(step, tuple):
            out.append((run, [step]))
            run = []
    if run:
        out[-1][0].extend(run) if out else out.append((run, []))
    return out


def _merge(chunk_steps: list, done: list[Outcome]) -> Iterator[Outcome]:
    results = iter(done)
    for step in chunk_steps:
        yield next(results) if isinstance(step, tuple) else step


def _died(task: tuple) -> Outcome:
    item = task[0]
    name = item.path if hasattr(item, "path") else os.fsdecode(item)
    return Outcome(name, messages=((True, f"{name}: extraction failed: the worker process died"),))


def _renew(pool: ProcessPoolExecutor, new_pool: Callable[[], ProcessPoolExecutor]) -> ProcessPoolExecutor:
    _stop(pool)
    return new_pool()


def _stop(pool: ProcessPoolExecutor, grace: float = STOP_GRACE) -> None:
    """Stop the pool after an interrupt: no new task starts, the running ones finish (a worker killed
    while it sends its rows would leave the pool's reader thread waiting forever for the rest), then
    the workers exit; one still busy after `grace` seconds is killed."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.kill()
            process.join(1)
