"""--engine dask: a partitioned Parquet dataset with the rows of one process, in order."""
from __future__ import annotations

import pandas as pd
import pyarrow.dataset as ds
import pytest

from conftest import BLIND, REAL, REPORTS, SEEDS

pytest.importorskip("distributed")

from pbmine.cluster import OutputExists, check_folder, extract_dataset, partitions  # noqa: E402
from pbmine.extract import extract  # noqa: E402
from pbmine.schema import COLUMNS, arrow_schema, read_claims  # noqa: E402


@pytest.mark.parametrize("n, workers, sizes", [
    (0, 2, []),
    (1, 2, [1]),
    (9, 2, [2, 2, 2, 2, 1]),            # at least 4 parts a worker
    (23, 2, [3] * 7 + [2]),
    (5000, 2, [200] * 25),              # at most 200 files a part
])
def test_partitions_are_consecutive_runs(n, workers, sizes):
    parts = partitions(list(range(n)), workers)
    assert [len(p) for p in parts] == sizes
    assert [x for p in parts for x in p] == list(range(n))


def test_a_folder_that_is_not_a_pbmine_dataset_is_refused_and_left_alone(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "part-00000.parquet").write_bytes(b"keep me")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    (tmp_path / "file").write_text("x")
    for name in ("old", "mine", "file"):
        with pytest.raises(OutputExists):
            check_folder(tmp_path / name)
        with pytest.raises(OutputExists):
            extract_dataset([SEEDS], tmp_path / name, workers=1)
    assert (tmp_path / "old" / "part-00000.parquet").read_bytes() == b"keep me"
    assert (tmp_path / "mine" / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "mine", "old"]   # no temporary left
    (tmp_path / "empty").mkdir()
    assert check_folder(tmp_path / "empty") == tmp_path / "empty"
    assert check_folder(tmp_path / "new") == tmp_path / "new"


def test_a_two_worker_cluster_gives_the_rows_of_one_process(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    paths = [SEEDS, bad, tmp_path / "missing.txt", REPORTS, BLIND, REAL]
    one = extract(paths)
    errors = []
    out = tmp_path / "claims"
    result = extract_dataset(paths, out, workers=2, on_error=errors.append)
    assert errors == one.errors and len(errors) == 2
    assert (result.documents, result.claims, result.regions, result.metrics) == \
        (one.documents, one.claims, one.regions, one.metrics)
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"part-{i:05d}.parquet" for i in range(len(names))] and len(names) >= 4
    pd.testing.assert_frame_equal(read_claims(out), one.frame)
    assert list(pd.read_parquet(out).columns) == COLUMNS
    assert ds.dataset(out).schema.equals(arrow_schema(), check_metadata=False)
    from typer.testing import CliRunner

    from pbmine.cli import app
    listed = CliRunner().invoke(app, ["metrics", "--claims", str(out), "--format", "csv"])
    assert listed.exit_code == 0 and listed.output.startswith("metric,")   # a dataset reads as a table
    # a second run replaces the dataset an earlier run wrote, only once all its parts are there
    again = extract_dataset([SEEDS], out, workers=2)
    assert again.documents == 4
    pd.testing.assert_frame_equal(read_claims(out), extract([SEEDS]).frame)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims", "in"]   # nothing hidden left beside it


@pytest.fixture
def scheduler(tmp_path):
    """`dask scheduler` and one `dask worker` on loopback, as the README starts them."""
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = str(Path(sys.executable).with_name("dask"))
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        procs.append(subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-dashboard"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path))
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


def test_the_readme_recipe_a_running_scheduler_and_worker(scheduler, tmp_path, monkeypatch):
    """Relative paths, a worker started in another folder; the command as the README gives it."""
    from distributed import Client
    from typer.testing import CliRunner

    from pbmine.cli import app

    monkeypatch.chdir(SEEDS.parent)
    with Client(scheduler, timeout=60) as client:
        client.wait_for_workers(1, timeout=60)
    res = CliRunner().invoke(app, ["extract", "seeds", "--engine", "dask", "--scheduler", scheduler,
                                   "-o", str(tmp_path / "claims")])
    assert res.exit_code == 0, res.output
    pd.testing.assert_frame_equal(read_claims(tmp_path / "claims"), extract(["seeds"]).frame)
