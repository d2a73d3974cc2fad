"""A progress line on stderr for runs that take more than a second.

Documents done, claims found and MB/s, drawn by rich and removed when the
run ends. Hidden when stderr is not a terminal (a log file, a pipe, CI) or
with --quiet, so redirected output never carries control sequences.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class ExtractProgress:
    """Call `advance(n_bytes, n_claims)` after each document; use as a context manager."""

    def __init__(self, console: Console, quiet: bool = False, delay: float = 1.0,
                 clock: Callable[[], float] = time.monotonic):
        self.enabled = not quiet and console.is_terminal
        self.console, self.delay, self.clock = console, delay, clock
        self.documents = self.claims = self.bytes = 0
        self._start = clock()
        self._bar: Progress | None = None
        self._task = None

    def __enter__(self) -> "ExtractProgress":
        self._start = self.clock()
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def text(self) -> str:
        elapsed = max(self.clock() - self._start, 1e-9)
        return (f"{self.documents:,} documents · {self.claims:,} claims · "
                f"{self.bytes / 1e6 / elapsed:.2f} MB/s")

    def advance(self, n_bytes: int, n_claims: int) -> None:
        self.documents += 1
        self.claims += n_claims
        self.bytes += n_bytes
        if not self.enabled:
            return
        if self._bar is None:
            if self.clock() - self._start < self.delay:
                return
            self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=self.console, transient=True)
            self._task = self._bar.add_task(self.text(), total=None)
            self._bar.start()
        self._bar.update(self._task, description=self.text())

    def on_document(self, done, claims) -> None:
        """The `extract(on_document=...)` hook: `done` is an Outcome (its `size` in bytes) or a Source."""
        size = getattr(done, "size", None)
        if size is None:
            size = len(done.text.encode("utf-8", "replace"))
        self.advance(size, len(claims))
