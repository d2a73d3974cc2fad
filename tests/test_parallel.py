"""--jobs N: worker processes give the rows and messages of one process, in the same order."""
from __future__ import annotations

import os
import shutil

import pandas as pd
import pytest

from conftest import BLIND, REAL, REPORTS, SEEDS
from pbmine.extract import POOL_MIN_FILES, Extractor, default_jobs, extract
from pbmine.plan import plan
from pbmine.lexicon import load_lexicon
from pbmine.outcome import Outcome, Reading, extract_task
from pbmine.parallel import _split, _work, map_tasks
from pbmine.schema import read_claims

EVERY_REPORT = [SEEDS, REPORTS, BLIND, REAL]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """Good reports with bad files between them: messages must keep their place."""
    d = tmp_path_factory.mktemp("mixed")
    (d / "a_good.txt").write_text("市南区\n形成调研报告 91 篇。\n", encoding="utf-8")
    (d / "b_empty.txt").write_text("", encoding="utf-8")
    (d / "c_binary.pdf").write_bytes(b"not a pdf at all")
    (d / "d_good.txt").write_text("平度市\n评定五星级党支部 89 个。\n", encoding="utf-8")
    (d / "e_note.png").write_bytes(b"\x89PNG")   # skipped by the walk: a notice
    return [d, d / "missing.txt", *EVERY_REPORT]


def one_process(paths):
    extractor = Extractor()
    return [step if isinstance(step, Outcome) else extract_task(extractor, step[0], Reading(), step[1])
            for step in plan(paths, None, Reading())]


def test_workers_give_the_same_outcomes_in_the_same_order(mixed):
    expected = one_process(mixed)
    assert sum(1 for o in expected if o.rows) > 60
    assert sum(1 for o in expected for failed, _ in o.messages if failed) == 3
    assert sum(1 for o in expected for failed, _ in o.messages if not failed) == 1
    assert list(map_tasks(plan(mixed, None, Reading()), None, Reading(), jobs=2, chunk_tasks=3)) == expected


def test_workers_use_a_given_lexicon(tmp_path):
    lex_file = tmp_path / "lex.toml"
    lex_file.write_text('[metrics."志愿者"]\naliases = ["党员志愿者"]\n', encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("招募党员志愿者300名。\n", encoding="utf-8")
    [got] = map_tasks([(doc, None)], load_lexicon(lex_file), Reading(), jobs=2)
    assert [r[1] for r in got.rows] == ["志愿者"]
    [got] = map_tasks([(doc, None)], None, Reading(), jobs=2)
    assert [r[1] for r in got.rows] != ["志愿者"]


@pytest.fixture(scope="module")
def larger(tmp_path_factory):
    d = tmp_path_factory.mktemp("larger")
    for copy in range(2):
        for folder in EVERY_REPORT:
            shutil.copytree(folder, d / f"{copy}_{folder.name}_{folder.parent.name}")
    return d


def test_extract_jobs_2_equals_jobs_1_on_a_larger_run(larger, tmp_path):
    one = extract([larger], jobs=1, output=tmp_path / "one.parquet")
    two = extract([larger], jobs=2, output=tmp_path / "two.parquet")
    assert one.documents == two.documents >= POOL_MIN_FILES
    pd.testing.assert_frame_equal(one.frame, two.frame)
    # what was written: the same rows, types and the same source list
    pd.testing.assert_frame_equal(read_claims(tmp_path / "two.parquet"), read_claims(tmp_path / "one.parquet"))
    import pyarrow.parquet as pq
    meta = [pq.read_metadata(tmp_path / f"{n}.parquet").metadata[b"pbmine.sources"] for n in ("one", "two")]
    assert meta[0] == meta[1]
    assert (one.claims, one.regions, one.metrics, one.errors) == (two.claims, two.regions, two.metrics, two.errors)


def test_update_with_jobs_keeps_unchanged_files_and_redoes_changed_ones(larger, tmp_path):
    work = tmp_path / "in"
    shutil.copytree(larger, work)
    table = tmp_path / "t.parquet"
    first = extract([work], jobs=2, output=table)
    changed = sorted(work.rglob("*.txt"))[3]
    changed.write_text("市南区\n设立 7 个党员先锋岗。\n", encoding="utf-8")
    again = extract([work], jobs=2, update=table)
    fresh = extract([work], jobs=1)
    assert again.reused == first.documents - 1
    pd.testing.assert_frame_equal(read_claims(table), fresh.frame)


def test_few_files_stay_in_one_process(monkeypatch, tmp_path):
    import pbmine.parallel
    monkeypatch.setattr(pbmine.parallel, "map_tasks", lambda *a, **k: pytest.fail("started workers"))
    assert extract([SEEDS], jobs=2).documents == 4


def test_default_jobs_is_the_cores_we_may_use():
    assert 1 <= default_jobs() <= (os.cpu_count() or 1)


@pytest.mark.parametrize("steps, chunks", [
    (["m", ("a", None)], [(["m", ("a", None)], [("a", None)])]),
    ([("a", None), "m", ("b", None), "n"], [([("a", None)], [("a", None)]),
                                            (["m", ("b", None), "n"], [("b", None)])]),
    (["m"], [(["m"], [])]),
])
def test_a_lost_chunk_is_split_one_task_each_keeping_messages_in_place(steps, chunks):
    assert _split(steps) == chunks


def die_on_poison(chunk):
    """A worker's task that kills its process on a file named poison.txt (as an OOM kill would)."""
    if any(os.path.basename(str(task)) == "poison.txt" for task, _ in chunk):
        os._exit(1)
    return _work(chunk)


def test_a_worker_that_dies_costs_only_its_file(tmp_path):
    for i in range(12):
        (tmp_path / f"r{i:02d}.txt").write_text(f"设立{i + 1}个党员先锋岗。\n", encoding="utf-8")
    (tmp_path / "r05a").mkdir()
    (tmp_path / "r05a" / "poison.txt").write_text("设立99个党员先锋岗。\n", encoding="utf-8")
    got = list(map_tasks(plan([tmp_path], None, Reading()), None, Reading(), jobs=2, chunk_tasks=4,
                         work=die_on_poison))
    errors = [line for o in got for failed, line in o.messages if failed]
    assert len(got) == 13 and errors == [f"{tmp_path / 'r05a' / 'poison.txt'}: extraction failed: "
                                         "the worker process died"]
    expected = [Outcome(o.path, messages=((True, errors[0]),)) if o.path.endswith("poison.txt") else o
                for o in one_process([tmp_path])]
    assert got == expected   # every other file's rows, in order
