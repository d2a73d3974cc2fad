"""The progress line: shown on a terminal after a second, never on a file or with --quiet."""
from __future__ import annotations

import io

import pytest
from rich.console import Console

from pbmine.progress import ExtractProgress


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.mark.parametrize("terminal,quiet,elapsed,shown", [
    (True, False, 1.5, True),
    (True, False, 0.5, False),     # a quick run never draws
    (True, True, 5.0, False),      # --quiet
    (False, False, 5.0, False),    # stderr is a file or a pipe
])
def test_when_the_bar_is_shown(terminal, quiet, elapsed, shown):
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=terminal, width=100)
    clock = Clock()
    with ExtractProgress(console, quiet=quiet, clock=clock) as progress:
        progress.advance(1000, 3)
        clock.now = elapsed
        progress.advance(2_000_000, 4)
        assert progress.shown is shown
        assert progress.documents == 2 and progress.claims == 7
    if not terminal:
        assert buf.getvalue() == ""


def test_text_has_documents_claims_and_speed():
    clock = Clock()
    progress = ExtractProgress(Console(file=io.StringIO()), clock=clock)
    progress.advance(3_000_000, 12)
    clock.now = 2.0
    assert progress.text() == "1 documents · 12 claims · 1.50 MB/s"
