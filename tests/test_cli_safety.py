"""The command line never loses a user's table and says what went wrong in one line (issue 8).

Signals and concurrent runs use real `pbmine` processes on a generated folder: 200 small
reports (the first batch of rows, written within a second) then 300 copies of the seeds,
so a run is certainly mid-way when its temporary file first holds rows. The tests poll for
that file; nothing here sleeps a fixed time or asserts on timing.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pbmine.cli import app
from pbmine.plan import table_sources

from conftest import SEEDS

PBMINE = str(Path(sys.executable).with_name("pbmine"))
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def stray(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".pbmine-tmp", ".lock")))


def lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    for i in range(200):
        (folder / f"a{i:03}.txt").write_text(f"市南区\n设立 {i + 1} 个党员先锋岗。\n", encoding="utf-8")
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(300):
        shutil.copy(seeds[i % len(seeds)], folder / f"b{i:03}.txt")
    return folder


@pytest.fixture
def kept(tmp_path) -> Path:
    """A table written by an earlier run, which no later run may destroy."""
    target = tmp_path / "keep.parquet"
    assert run("extract", "-o", target).exit_code == 0
    return target


def start(*args, cwd=None, env=None) -> subprocess.Popen:
    return subprocess.Popen([PBMINE, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=cwd, env=env, text=True, encoding="utf-8",
                            # a run started from a non-interactive shell may inherit SIGINT ignored
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def wait_for_rows_in_temp(proc: subprocess.Popen, target: Path, limit: float = 120) -> Path:
    """Poll until the run's temporary file holds its first batch: the run is mid-way."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        for temp in target.parent.glob(f".{target.name}.*.pbmine-tmp"):
            try:
                if temp.stat().st_size > 0:
                    return temp
            except FileNotFoundError:
                pass
        assert proc.poll() is None, f"the run ended before it was caught mid-way: {proc.communicate()}"
        time.sleep(0.02)
    proc.kill()
    raise AssertionError("no temporary file with rows appeared")


# ---------------------------------------------------------------- killed and interrupted runs (defects 1, 3)

def test_sigkill_mid_run_leaves_the_previous_table_intact(big, kept):
    before = snapshot(kept)
    proc = start("extract", big, "-o", kept)
    wait_for_rows_in_temp(proc, kept)
    proc.kill()
    proc.communicate()
    assert snapshot(kept) == before
    assert len(pd.read_parquet(kept)) > 150  # readable, every row of the first run
    # the next run clears what the killed one left, and still refuses to replace on nothing read
    res = run("extract", kept.parent / "seedz", "-o", kept)
    assert res.exit_code == 1 and stray(kept.parent) == [] and snapshot(kept) == before


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_mid_run_says_so_and_leaves_the_table(big, kept, sig):
    before = snapshot(kept)
    proc = start("extract", big, "-o", kept)
    wait_for_rows_in_temp(proc, kept)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    [line] = lines(err)
    assert line.startswith("interrupted after ") and line.endswith(f" documents; {kept} unchanged")
    assert 200 <= int(line.split()[2]) < 500
    assert snapshot(kept) == before and stray(kept.parent) == []
    assert not kept.with_name("keep.partial.parquet").exists()


def test_keep_partial_writes_the_rows_done_under_a_clear_name(big, kept):
    before = snapshot(kept)
    proc = start("extract", big, "-o", kept, "--keep-partial")
    wait_for_rows_in_temp(proc, kept)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    partial = kept.with_name("keep.partial.parquet")
    assert proc.returncode == 130
    [line] = lines(err)
    done = int(line.split()[2])
    assert line.endswith(f"{kept} unchanged; rows so far kept in {partial}")
    assert snapshot(kept) == before and stray(kept.parent) == []
    rows = pd.read_parquet(partial)
    assert rows["path"].nunique() == done  # every document done, and only those (all have claims)
    assert set(rows["doc_id"]) >= {f"a{i:03}" for i in range(200)}


def test_two_runs_to_one_target_the_second_is_refused(big, tmp_path):
    target = tmp_path / "c.parquet"
    first = start("extract", big, "-o", target)
    wait_for_rows_in_temp(first, target)
    second = subprocess.run([PBMINE, "extract", str(SEEDS), "-o", str(target)],
                            capture_output=True, text=True, encoding="utf-8")
    assert second.returncode == 2
    assert lines(second.stderr) == [f"error: {target}: another pbmine run is writing this file; "
                                    "wait for it or choose another -o"]
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    rows = pd.read_parquet(target)
    assert rows["path"].nunique() == 500 and stray(tmp_path) == []


# ---------------------------------------------------------------- runs that must not write (defects 2, 5)

def test_a_mistyped_path_leaves_an_existing_table_untouched(kept):
    before = snapshot(kept)
    res = run("extract", "seedz", "-o", kept)
    assert res.exit_code == 1
    assert lines(res.stderr) == ["skipped seedz: no such file or directory",
                                 f"0 documents, 0 claims, 0 regions, 0 metrics {kept} unchanged "
                                 "(nothing was read), 1 skipped"]
    assert snapshot(kept) == before and stray(kept.parent) == []


@pytest.mark.parametrize("args, message", [
    (["-o", "nodir/x.parquet"], "error: nodir/x.parquet: folder nodir does not exist"),
    (["--format", "csv", "-o", "nodir/x.csv"], "error: nodir/x.csv: folder nodir does not exist"),
    (["--format", "jsonl", "-o", "nodir/x.jsonl"], "error: nodir/x.jsonl: folder nodir does not exist"),
    (["-o", "some_folder"], "error: some_folder: is a folder; give a file name such as some_folder/claims.parquet"),
    (["--update", "nope.parquet"], "error: nope.parquet: no such file (--update needs a table written by pbmine extract)"),
    (["--update", "some_folder"], "error: some_folder: is a folder"),
    (["--lexicon", "nope.toml"], "error: nope.toml: cannot read lexicon"),
])
def test_a_bad_target_is_one_line_and_exit_2_before_any_work(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "some_folder").mkdir()
    res = run("extract", "missing.txt", *args)
    assert res.exit_code == 2
    [line] = lines(res.stderr)
    assert line.startswith(message)  # nothing was read first: no 'skipped missing.txt'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["some_folder"]


def test_update_of_a_table_pbmine_did_not_write_is_a_usage_error(tmp_path):
    foreign = tmp_path / "other.parquet"
    foreign.write_bytes(b"not parquet")
    before = snapshot(foreign)
    res = run("extract", SEEDS, "--update", foreign)
    assert res.exit_code == 2
    [line] = lines(res.stderr)
    assert line.startswith(f"error: {foreign}: ")
    assert snapshot(foreign) == before


# ---------------------------------------------------------------- --update through the command

def test_update_re_extracts_only_what_changed(tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(SEEDS, reports)
    target = tmp_path / "c.parquet"
    assert run("extract", reports, "-o", target).exit_code == 0
    first = pd.read_parquet(target)
    names = sorted(p.name for p in reports.glob("*.txt"))
    changed = reports / names[0]
    changed.write_text("市南区\n设立 179 个党员先锋岗。\n", encoding="utf-8")
    (reports / names[1]).unlink()
    res = run("extract", reports, "--update", target)
    assert res.exit_code == 0, res.stderr
    [line] = lines(res.stderr)
    assert line.startswith("3 documents (2 unchanged, kept), ") and line.endswith(f"-> {target}")
    after = pd.read_parquet(target)
    assert after[after["path"] == str(changed)]["value"].tolist() == [179.0]
    assert str(reports / names[1]) not in set(after["path"])
    for name in names[2:]:  # the unchanged files keep their rows as they were
        old, new = (f[f["path"] == str(reports / name)].reset_index(drop=True) for f in (first, after))
        pd.testing.assert_frame_equal(old, new)
    meta = pq.read_metadata(target).metadata
    assert {k.decode() for k in meta} >= {"pbmine.version", "pbmine.schema_version", "pbmine.lexicon_sha256",
                                          "pbmine.sources"}
    sources = table_sources(target)
    assert sorted(sources) == sorted(str(reports / n) for n in [names[0], *names[2:]])
    assert all(len(digest) == 64 for digest in sources.values())


# ---------------------------------------------------------------- -o - (standard output)

@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_dash_writes_a_valid_table_to_stdout(tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    res = run("extract", SEEDS, "-o", "-", "--format", fmt)
    assert res.exit_code == 0, res.stderr
    data = io.BytesIO(res.stdout_bytes)
    if fmt == "csv":
        table = pd.read_csv(data)
    elif fmt == "jsonl":
        table = pd.read_json(data, lines=True)
    else:
        table = pd.read_parquet(data)
        assert b"pbmine.sources" in pq.read_metadata(io.BytesIO(res.stdout_bytes)).metadata
    assert len(table) > 150 and table["doc_id"].nunique() == 4
    assert lines(res.stderr)[-1].endswith("-> standard output")
    assert list(tmp_path.iterdir()) == []  # nothing left in the working folder


def test_an_interrupted_run_to_stdout_prints_no_half_table(big, tmp_path):
    proc = start("extract", big, "-o", "-", "--format", "csv", env={**os.environ, "TMPDIR": str(tmp_path)})
    deadline = time.monotonic() + 120
    while not any(tmp_path.glob(".-.*.pbmine-tmp")):  # stdout's temporary file is in TMPDIR
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and out == ""
    [line] = lines(err)
    assert line.startswith("interrupted after ") and line.endswith("; nothing written to standard output")


# ---------------------------------------------------------------- exit codes and one-line messages (defect 12)

@pytest.mark.parametrize("args", [
    ["segment", "nope"],
    ["metrics", "nope"],
    ["compare", "--metric", "五星支部", "nope"],
    ["extract", "nope", "--format", "csv"],
])
def test_a_missing_input_exits_1_and_is_named(args):
    res = run(*args)
    assert res.exit_code == 1
    assert "skipped nope: no such file or directory" in lines(res.stderr)


@pytest.mark.parametrize("args", [
    ["segment", "nope", SEEDS],
    ["metrics", "nope", SEEDS],
    ["compare", "--metric", "五星支部", "nope", SEEDS],
])
def test_one_missing_input_among_good_ones_still_gives_the_output_and_exit_1(args):
    res = run(*args)
    assert res.exit_code == 1 and res.stdout.strip()
    assert "skipped nope: no such file or directory" in lines(res.stderr)


@pytest.mark.parametrize("command", [["compare", "--metric", "五星支部"], ["metrics"]])
@pytest.mark.parametrize("claims, message", [
    ("nope.parquet", "error: nope.parquet: no such file"),
    (".", "error: .: is a folder, not a claims table"),
    ("bad.parquet", "error: bad.parquet: cannot read claims table"),
])
def test_a_bad_claims_file_is_named(tmp_path, monkeypatch, command, claims, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    res = run(*command, "--claims", claims)
    assert res.exit_code == 1
    [line] = lines(res.stderr)
    assert line.startswith(message)


def test_error_lines_are_not_wrapped_when_stderr_is_a_file(tmp_path):
    long_name = tmp_path / ("a_very_long_folder_name_" * 4) / ("report_" * 8 + ".txt")
    with open(tmp_path / "err.txt", "w") as err:
        proc = subprocess.run([PBMINE, "segment", str(long_name), "nope"], stdout=subprocess.DEVNULL,
                              stderr=err, env={**os.environ, "COLUMNS": "40"})
    assert proc.returncode == 1
    assert (tmp_path / "err.txt").read_text().splitlines() == [
        f"skipped {long_name}: no such file or directory", "skipped nope: no such file or directory"]


# ---------------------------------------------------------------- lexicon files (defect 9)

@pytest.mark.parametrize("content, message", [
    ("words = [1, 2]\n", "words must be a list of non-empty strings"),
    ('words = ["红色 物业"]\n', "words must be a list of non-empty strings without spaces"),
    ('words = "红色物业"\n', "words must be a list"),
    ('[metrics."志愿者"]\naliases = ["党员志愿者"]\nwords = ["红色物业"]\n', "unknown key 'words' in metrics.志愿者"),
    ('[metrics."志愿者"]\naliases = ["党员志愿者"]\n[words]\nx = 1\n', "words must be a list"),
    ('metric = {}\n', "unknown key 'metric'"),
    ('[metrics."志愿者"]\nalias = ["党员志愿者"]\n', "unknown key 'alias' in metrics.志愿者"),
    ('[metrics."志愿者"]\naliases = [1]\n', "aliases must be a list of non-empty strings"),
    ("[metrics\n", "cannot read lexicon"),
])
@pytest.mark.parametrize("command", [["extract", "--format", "csv"], ["segment"], ["metrics"]])
def test_a_bad_lexicon_is_one_line_naming_the_key_and_exit_2(tmp_path, content, message, command):
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text(content, encoding="utf-8")
    res = run(*command, "--lexicon", lexicon)
    assert res.exit_code == 2
    [line] = lines(res.stderr)
    assert line.startswith(f"error: {lexicon}: ") and message in line


def test_the_readme_lexicon_example_adds_its_words(tmp_path):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text(block, encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("打造红色物业 12 个，招募党员志愿者 300 名。\n", encoding="utf-8")
    res = run("segment", doc, "--lexicon", lexicon)
    assert res.exit_code == 0 and "红色物业" in res.stdout.split()
    res = run("extract", doc, "--format", "jsonl", "--lexicon", lexicon)
    assert "志愿者" in {json.loads(line)["metric"] for line in res.stdout.splitlines()}


# ---------------------------------------------------------------- a million digits through compare (defect 8)

def test_compare_on_a_document_with_a_million_digit_number(tmp_path):
    doc = tmp_path / "huge.txt"
    doc.write_text("市南区\n评定五星级党支部" + "9" * 10**6 + "个。\n市北区\n评定五星级党支部 12 个。\n",
                   encoding="utf-8")
    target = tmp_path / "c.parquet"
    assert run("extract", doc, "-o", target).exit_code == 0
    assert pd.read_parquet(target)["value"].abs().max() < float("inf")
    res = run("compare", "--metric", "五星支部", "--claims", target)
    assert res.exit_code == 0, res.output
    assert "市北区" in res.stdout and "12" in res.stdout


def test_extract_in_process_gives_back_the_callers_sigterm_handler(tmp_path):
    before = signal.getsignal(signal.SIGTERM)
    assert run("extract", SEEDS, "-o", tmp_path / "c.parquet").exit_code == 0
    assert signal.getsignal(signal.SIGTERM) is before


# ---------------------------------------------------------------- --jobs: the same guarantees with workers

def test_jobs_2_to_stdout_and_to_a_file_give_the_rows_of_one_process(big, tmp_path):
    one = run("extract", big, "-o", tmp_path / "one.parquet", "--jobs", "1")
    two = run("extract", big, "-o", tmp_path / "two.parquet", "--jobs", "2")
    piped = runner.invoke(app, ["extract", str(big), "-o", "-", "--format", "csv", "--jobs", "2"])
    assert one.exit_code == two.exit_code == piped.exit_code == 0
    first = pd.read_parquet(tmp_path / "one.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "two.parquet"), first)
    assert len(pd.read_csv(io.StringIO(piped.stdout_bytes.decode("utf-8")))) == len(first)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_jobs_2_interrupted_leaves_the_table_and_no_worker(big, kept, sig):
    before = snapshot(kept)
    proc = start("extract", big, "-o", kept, "--jobs", "2")
    wait_for_rows_in_temp(proc, kept)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)   # returns only once no worker holds stderr open
    assert proc.returncode == 130
    [line] = lines(err)
    assert line.startswith("interrupted after ") and line.endswith(f" documents; {kept} unchanged")
    assert snapshot(kept) == before and stray(kept.parent) == []


def test_jobs_2_killed_leaves_the_table_and_no_worker(big, kept):
    before = snapshot(kept)
    proc = start("extract", big, "-o", kept, "--jobs", "2")
    wait_for_rows_in_temp(proc, kept)
    proc.kill()
    proc.communicate(timeout=60)   # would hang if a worker outlived the parent, holding the pipes
    assert snapshot(kept) == before
