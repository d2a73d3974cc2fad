"""Speed and memory of `pbmine extract` as a user runs it, against references in the same run.

    python examples/benchmark.py                 # 10 MB corpus: the table of the README
    python examples/benchmark.py --size 1GB      # memory on a large corpus (pbmine, one job, only)

Every figure is a whole command in a fresh process, start-up included, timed
from outside (median of --runs): `pbmine extract` with one job, two jobs and
a two-worker Dask LocalCluster; a `jieba.lcut` loop, an `rjieba.cut` loop and
a regex digit scan over the same files. The machine is shared, so the table
gives ratios against the references measured in the same run, and says when
the load of other processes is too high for two jobs to show their speed-up.
Peak memory is the largest resident size of any process of the command
(os.wait4), so with --jobs it is the largest worker's or the parent's.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "tests" / "data" / "reports", ROOT / "tests" / "data" / "blind" / "reports",
           ROOT / "tests" / "data" / "real" / "reports"]
PBMINE = str(Path(sys.executable).with_name("pbmine"))

LOOP = """
import sys, pathlib
{setup}
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    text = p.read_text(encoding="utf-8")
    {work}
"""
REFERENCES = {
    "jieba.lcut": ("import jieba, logging; jieba.setLogLevel(logging.WARNING)", "jieba.lcut(text)"),
    "rjieba.cut": ("import rjieba", "rjieba.cut(text)"),
    "regex digit scan": ("import re; rx = re.compile(r'\\d+(?:\\.\\d+)?')", "rx.findall(text)"),
}


def parse_size(text: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?B)", text.strip().upper())
    if not m:
        raise argparse.ArgumentTypeError(f"{text!r}: give a size such as 10MB or 1GB")
    return int(float(m.group(1)) * {"B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9}[m.group(2)])


def make_corpus(folder: Path, size: int) -> tuple[int, int]:
    """Copies of every report of the repository until `size` bytes; (files, bytes)."""
    reports = [p for d in SOURCES if d.is_dir() for p in sorted(d.glob("*.txt"))]
    files = total = 0
    while total < size:
        for p in reports:
            shutil.copyfile(p, folder / f"{files:07d}_{p.name}")
            files += 1
            total += p.stat().st_size
            if total >= size:
                break
    return files, total


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak resident MB of any process of the command)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode not in (0,):
        sys.exit(f"benchmark: {' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return seconds, usage.ru_maxrss / 1024


def median_run(make_cmd, cwd: Path, runs: int) -> tuple[float, float]:
    results = []
    for i in range(runs):
        results.append(run(make_cmd(i), cwd))
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=parse_size, default=parse_size("10MB"),
                    help="corpus size, copies of the repository's reports (default 10MB); "
                         "above 100MB only pbmine extract with one job is run, for its memory")
    ap.add_argument("--runs", type=int, default=3, help="runs of each command; the median is shown (default 3)")
    a = ap.parse_args()
    memory_only = a.size > 100e6
    runs = 1 if memory_only else a.runs
    tmp = Path(tempfile.mkdtemp(prefix="pbmine-bench-"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        files, nbytes = make_corpus(corpus, a.size)
        mb = nbytes / 1e6
        print(f"corpus: {files:,} files, {mb:,.1f} MB (copies of the repository's reports); "
              f"{os.cpu_count()} cores; median of {runs} run(s); python {sys.version.split()[0]}")
        load_before = os.getloadavg()[0]
        rows: list[tuple[str, float, float | None]] = []   # (what, seconds, peak MB)

        def pbmine(name: str, *args: str, folder: bool = False):
            out = lambda i: str(tmp / (f"ds{name}{i}" if folder else f"c{name}{i}.parquet"))  # noqa: E731
            return median_run(lambda i: [PBMINE, "extract", str(corpus), "-o", out(i), *args], tmp, runs)

        t, rss = pbmine("1", "--jobs", "1")
        rows.append(("pbmine extract --jobs 1", t, rss))
        if not memory_only:
            t, rss = pbmine("2", "--jobs", "2")
            rows.append(("pbmine extract --jobs 2", t, rss))
            t, rss = pbmine("d", "--engine", "dask", "--jobs", "2", folder=True)
            rows.append(("pbmine extract --engine dask (LocalCluster, 2 workers)", t, rss))
            for name, (setup, work) in REFERENCES.items():
                t, rss = median_run(lambda i: [sys.executable, "-c", LOOP.format(setup=setup, work=work), str(corpus)],
                                    tmp, runs)
                rows.append((f"{name} loop (reference)", t, rss))
        load_after = os.getloadavg()[0]
        helps = [run([PBMINE, "--help"], tmp)[0] for _ in range(5)]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    t = {name: secs for name, secs, _ in rows}
    print()
    print("| command (whole process, start-up included) | seconds | MB/s | peak RSS MB |")
    print("| --- | ---: | ---: | ---: |")
    for name, secs, rss in rows:
        print(f"| {name} | {secs:.2f} | {mb / secs:.2f} | {rss:.0f} |")
    print(f"| pbmine --help (median of 5) | {statistics.median(helps):.2f} | | |")
    print()
    one = t["pbmine extract --jobs 1"]
    peak, help_s = rows[0][2], statistics.median(helps)
    print(f"peak RSS, pbmine extract --jobs 1 on {mb:,.1f} MB: {peak:.0f} MB (target < 300 MB: "
          f"{'met' if peak < 300 else 'NOT met'})")
    print(f"pbmine --help: {help_s:.2f} s (target < 0.5 s: {'met' if help_s < 0.5 else 'NOT met'})")
    if memory_only:
        return
    jieba_t = t["jieba.lcut loop (reference)"]
    ratio = jieba_t / one
    print(f"pbmine --jobs 1 throughput / jieba.lcut throughput: {ratio:.2f}x (target >= 2: "
          f"{'met' if ratio >= 2 else 'NOT met'})")
    print(f"pbmine --jobs 2 / --jobs 1 throughput: {one / t['pbmine extract --jobs 2']:.2f}x (target >= 1.7 on two free cores)")
    dask_t = t["pbmine extract --engine dask (LocalCluster, 2 workers)"]
    print(f"pbmine --engine dask / --jobs 1 throughput: {one / dask_t:.2f}x (cluster start-up included)")
    print(f"rjieba.cut and the regex scan are {one / t['rjieba.cut loop (reference)']:.1f}x and "
          f"{one / t['regex digit scan loop (reference)']:.1f}x faster than pbmine --jobs 1")
    cores = os.cpu_count() or 1
    load = max(load_before, load_after)
    if load > 0.5:
        print(f"note: load average {load:.1f} on {cores} cores around the run (other processes): "
              + ("too loaded for two jobs to show their speed-up; rerun on an idle machine"
                 if load > cores - 1.5 else "the parallel figures may understate"))


if __name__ == "__main__":
    main()
