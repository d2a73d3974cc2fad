"""Writing a claims table never destroys one: pbmine.output and the writing side of extract().

Regression tests for issue 8: a killed, failed or interrupted run, a mistyped input
path, a bad target or a second writer must leave an existing table byte for byte as
it was; the table says how it was made and --update re-reads only what changed.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pbmine import __version__, extract, load_lexicon, table_sources
from pbmine.extract import Extractor, Interrupted, as_paths
from pbmine.output import OutputError, TableWriter, check_target, partial_name
from pbmine.schema import ARROW_SCHEMA, SCHEMA_VERSION, to_arrow, to_frame

REPORT = "市南区\n形成调研报告 91 篇，设立 179 个党员先锋岗。\n"


def snapshot(path: Path) -> tuple[bytes, int]:
    """What must not change: the bytes and the modification time."""
    return path.read_bytes(), path.stat().st_mtime_ns


def leftovers(folder: Path) -> list[str]:
    """Temporary and lock files a run must not leave behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".pbmine-tmp", ".lock")))


@pytest.fixture
def table(tmp_path):
    """An existing claims table written by a first run, and the folder it came from."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(REPORT, encoding="utf-8")
    (reports / "b.txt").write_text("即墨区\n认定党支部 75 个。\n", encoding="utf-8")
    target = tmp_path / "keep.parquet"
    extract([reports], output=target)
    return target, reports


# ---------------------------------------------------------------- check_target (defect 5)

@pytest.mark.parametrize("name, fmt, message", [
    ("nodir/x.parquet", "parquet", "folder nodir does not exist"),
    ("nodir/x.csv", "csv", "folder nodir does not exist"),
    ("a/b/c/x.jsonl", "jsonl", "does not exist"),
    (".", "parquet", "is a folder"),
    ("sub", "csv", "is a folder"),
    ("x.parquet", "xlsx", "unknown output format"),
])
def test_a_target_that_can_never_be_written_is_refused(tmp_path, monkeypatch, name, fmt, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    with pytest.raises(OutputError, match=message) as err:
        check_target(name, fmt)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("name", ["-", "x.parquet", "sub/x.csv", "existing.parquet"])
def test_a_writable_target_passes(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "existing.parquet").write_bytes(b"old")
    check_target(name, "csv" if name.endswith(".csv") else "parquet")


def test_a_bad_target_fails_before_any_document_is_read(tmp_path):
    read = []
    with pytest.raises(OutputError):
        extract([tmp_path / "missing.txt"], output=tmp_path / "nodir" / "x.parquet", on_error=read.append)
    assert read == []  # refused before the inputs were looked at
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("target, partial", [
    ("claims.parquet", "claims.partial.parquet"),
    ("out/c.csv", "out/c.partial.csv"),
    ("t.jsonl", "t.partial.jsonl"),
])
def test_partial_name(target, partial):
    assert partial_name(target) == Path(partial)


# ---------------------------------------------------------------- TableWriter

def rows(n: int) -> pa.Table:
    return to_arrow(pd.concat([extract_rows()] * n, ignore_index=True))


def extract_rows() -> pd.DataFrame:
    return to_frame(Extractor().text(REPORT, "a", "a.txt"))


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_the_target_is_untouched_until_commit(tmp_path, fmt):
    target = tmp_path / f"t.{fmt}"
    target.write_bytes(b"previous table")
    before = snapshot(target)
    writer = TableWriter(target, fmt, ARROW_SCHEMA)
    writer.write(rows(2))
    temp = Path(writer.temp)
    assert temp.parent == tmp_path and temp.exists()  # beside the target: the rename stays on one disk
    assert snapshot(target) == before
    writer.commit()
    assert not temp.exists() and leftovers(tmp_path) == []
    if fmt == "parquet":
        assert len(pd.read_parquet(target)) == 4
    elif fmt == "csv":
        assert len(pd.read_csv(target)) == 4
    else:
        assert [json.loads(line)["value"] for line in target.read_text(encoding="utf-8").splitlines()] == [
            91.0, 179.0, 91.0, 179.0]


@pytest.mark.parametrize("keep_partial", [False, True])
def test_abort_leaves_the_target_as_it_was(tmp_path, keep_partial):
    target = tmp_path / "t.parquet"
    target.write_bytes(b"previous table")
    before = snapshot(target)
    writer = TableWriter(target, "parquet", ARROW_SCHEMA)
    writer.write(rows(1))
    kept = writer.abort(keep_partial=keep_partial)
    assert snapshot(target) == before and leftovers(tmp_path) == []
    if keep_partial:
        assert kept == tmp_path / "t.partial.parquet" and len(pd.read_parquet(kept)) == 2
    else:
        assert kept is None and not (tmp_path / "t.partial.parquet").exists()


def test_a_second_writer_of_one_target_is_refused_until_the_first_ends(tmp_path):
    target = tmp_path / "t.parquet"
    first = TableWriter(target, "parquet", ARROW_SCHEMA)
    with pytest.raises(OutputError, match="another pbmine run is writing"):
        TableWriter(target, "parquet", ARROW_SCHEMA)
    with pytest.raises(OutputError):
        TableWriter(str(tmp_path / "." / "t.parquet"), "parquet", ARROW_SCHEMA)  # same file, other spelling
    other = TableWriter(tmp_path / "other.parquet", "parquet", ARROW_SCHEMA)  # another target is free
    other.abort()
    first.write(rows(1))
    first.commit()
    second = TableWriter(target, "parquet", ARROW_SCHEMA)  # free again once the first is done
    second.abort()
    assert len(pd.read_parquet(target)) == 2 and leftovers(tmp_path) == []


def test_commit_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "t.parquet"
    target.write_bytes(b"old")
    target.chmod(0o640)
    writer = TableWriter(target, "parquet", ARROW_SCHEMA)
    writer.commit()
    assert target.stat().st_mode & 0o777 == 0o640
    assert pd.read_parquet(target).empty  # an empty run still writes a valid table with every column
    assert list(pd.read_parquet(target).columns) == ARROW_SCHEMA.names


def test_stale_temp_files_of_a_killed_run_are_cleared_by_the_next(tmp_path):
    target = tmp_path / "t.parquet"
    stale = tmp_path / ".t.parquet.abc123.pbmine-tmp"  # what SIGKILL leaves behind
    stale.write_bytes(b"PAR1half")
    unrelated = tmp_path / ".other.parquet.abc123.pbmine-tmp"
    unrelated.write_bytes(b"PAR1")
    writer = TableWriter(target, "parquet", ARROW_SCHEMA)
    writer.commit()
    assert not stale.exists() and unrelated.exists()


# ---------------------------------------------------------------- extract(): runs that must not write

def test_a_mistyped_input_path_leaves_the_table_unchanged(table, tmp_path):
    """Defect 2: `extract seedz -o keep.parquet` used to replace a 164-row table by a 0-row one."""
    target, _ = table
    before = snapshot(target)
    errors = []
    result = extract([tmp_path / "seedz"], output=target, on_error=errors.append)
    assert result.unchanged and result.documents == 0
    assert len(errors) == 1 and "seedz" in errors[0]
    assert snapshot(target) == before and leftovers(tmp_path) == []


def test_a_run_that_reads_nothing_into_a_new_target_writes_an_empty_valid_table(tmp_path):
    target = tmp_path / "new.parquet"
    result = extract([tmp_path / "nope.txt"], output=target, on_error=lambda m: None)
    assert not result.unchanged and pd.read_parquet(target).empty


@pytest.mark.parametrize("where, stop, raised", [
    ("extract", KeyboardInterrupt, Interrupted),      # Ctrl-C or SIGTERM while a document is read
    ("write", KeyboardInterrupt, Interrupted),        # ... or while a batch is written
    ("write", OSError(28, "No space left on device"), OSError),  # the disk fills up
    ("write", MemoryError, MemoryError),
])
def test_a_run_stopped_mid_way_leaves_the_table_unchanged(table, monkeypatch, where, stop, raised):
    """Defects 1 and 3: whatever stops a run, the previous table stays whole and readable."""
    target, reports = table
    before = snapshot(target)
    for i in range(6):
        (reports / f"r{i}.txt").write_text(REPORT, encoding="utf-8")
    calls = []
    owner, name = (Extractor, "text") if where == "extract" else (TableWriter, "write")
    real = getattr(owner, name)

    def stop_at_fifth(self, *args, **kwargs):
        calls.append(args)
        if len(calls) == (5 if where == "extract" else 3):
            raise stop
        return real(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, stop_at_fifth)
    with pytest.raises(raised) as err:
        extract([reports], output=target, batch_docs=2)  # two batches were already written
    assert snapshot(target) == before and leftovers(target.parent) == []
    pd.read_parquet(target)  # still readable
    if raised is Interrupted:
        done = 4 if where == "extract" else 6  # batches of 2: the third write follows document 6
        assert err.value.documents == done and err.value.partial is None
        assert str(err.value) == f"interrupted after {done} documents"


def test_a_document_that_fails_is_reported_and_the_rest_is_written(table, monkeypatch):
    target, reports = table
    real = Extractor.text

    def fail_on_b(self, text, doc_id="doc", path=None):
        if doc_id == "b":
            raise RecursionError("too deep")
        return real(self, text, doc_id, path)

    monkeypatch.setattr(Extractor, "text", fail_on_b)
    errors = []
    result = extract([reports], output=target, on_error=errors.append)
    assert len(errors) == 1 and "b.txt: extraction failed: RecursionError: too deep" in errors[0]
    assert result.documents == 1 and set(pd.read_parquet(target)["doc_id"]) == {"a"}


@pytest.mark.parametrize("batch_docs", [1, 3, 200])  # rows all written, some pending, all pending
def test_keep_partial_keeps_every_document_done(table, monkeypatch, batch_docs):
    target, reports = table
    before = snapshot(target)
    for i in range(6):
        (reports / f"r{i}.txt").write_text(REPORT, encoding="utf-8")
    real = Extractor.text

    def stop_at_r3(self, text, doc_id="doc", path=None):
        if doc_id == "r3":
            raise KeyboardInterrupt
        return real(self, text, doc_id, path)

    monkeypatch.setattr(Extractor, "text", stop_at_r3)
    with pytest.raises(Interrupted) as err:
        extract([reports], output=target, batch_docs=batch_docs, keep_partial=True)
    partial = target.with_name("keep.partial.parquet")
    assert err.value.partial == partial and err.value.documents == 5  # a, b, r0, r1, r2
    kept = pd.read_parquet(partial)
    assert sorted(kept["doc_id"].unique()) == ["a", "b", "r0", "r1", "r2"]
    assert snapshot(target) == before


def test_keep_partial_with_nothing_done_writes_no_partial_file(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")

    def interrupted(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Extractor, "text", interrupted)
    with pytest.raises(Interrupted) as err:
        extract([tmp_path], output=tmp_path / "c.parquet", keep_partial=True)
    assert err.value.partial is None and err.value.documents == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


# ---------------------------------------------------------------- paths as users type them (defect 6)

@pytest.mark.parametrize("given, expected", [
    ("reports", ["reports"]),
    ("/abs/reports", ["/abs/reports"]),
    (b"reports", [b"reports"]),
    (Path("reports"), [Path("reports")]),
    (["a.txt", Path("b")], ["a.txt", Path("b")]),
    (("a.txt",), ["a.txt"]),
    (None, []),
    ([], []),
])
def test_as_paths_takes_one_path_or_many(given, expected):
    assert as_paths(given) == expected


@pytest.mark.parametrize("spell", [str, Path, lambda p: os.fsencode(str(p)), lambda p: [str(p)]])
def test_extract_takes_a_path_as_a_string(tmp_path, spell):
    """`extract("reports")` used to iterate the characters (and walk / for an absolute path)."""
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    errors = []
    result = extract(spell(tmp_path), on_error=errors.append)
    assert errors == [] and result.documents == 1
    assert result.frame["value"].tolist() == [91.0, 179.0]


def test_extract_takes_a_relative_string(tmp_path, monkeypatch):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = extract("reports")
    assert result.documents == 1 and not result.errors


# ---------------------------------------------------------------- what the table says (defects 8, 13)

def test_a_million_digit_number_is_not_stored(tmp_path):
    """Defect 8: a number of a million digits was stored as value = inf (and crashed compare)."""
    doc = tmp_path / "huge.txt"
    doc.write_text("市南区\n设立" + "9" * 10**6 + "个党员先锋岗，设立 179 个党员先锋岗。\n", encoding="utf-8")
    result = extract([doc], output=tmp_path / "c.parquet")
    stored = pd.read_parquet(tmp_path / "c.parquet")
    assert stored["value"].tolist() == result.frame["value"].tolist() == [179.0]
    assert result.errors == []


def test_year_reads_back_as_the_api_gives_it(tmp_path):
    """Defect 13: year read back from Parquet as float64 but was Int64 in the API frame."""
    (tmp_path / "a.txt").write_text("2023年，设立 179 个党员先锋岗。\n形成调研报告 91 篇。\n", encoding="utf-8")
    result = extract([tmp_path], output=tmp_path / "c.parquet")
    back = pd.read_parquet(tmp_path / "c.parquet")
    assert str(result.frame["year"].dtype) == str(back["year"].dtype) == "Int64"
    assert back["year"].tolist() == result.frame["year"].tolist()
    assert back["year"].isna().any() or back["year"].notna().all()  # nulls survive as <NA>, not NaN
    pd.testing.assert_frame_equal(back, result.frame, check_dtype=True)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_metadata(path: Path) -> dict[str, str]:
    return {k.decode(): v.decode() for k, v in pq.read_metadata(path).metadata.items()}


def test_the_table_says_how_it_was_made(table, tmp_path):
    target, reports = table
    meta = table_metadata(target)
    assert meta["pbmine.version"] == __version__
    assert meta["pbmine.schema_version"] == SCHEMA_VERSION
    assert meta["pbmine.lexicon_sha256"] == load_lexicon().fingerprint()
    assert json.loads(meta["pbmine.sources"]) == []  # every document has claims: its sha256 is in its rows
    back = pd.read_parquet(target)
    assert dict(zip(back["path"], back["sha256"])) == {str(reports / n): sha256(reports / n) for n in ("a.txt", "b.txt")}
    assert table_sources(target) == {str(reports / n): sha256(reports / n) for n in ("a.txt", "b.txt")}


def test_a_document_without_claims_is_listed_in_the_metadata(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("没有数字的一段话。\n", encoding="utf-8")
    extract([tmp_path], output=tmp_path / "c.parquet")
    listed = json.loads(table_metadata(tmp_path / "c.parquet")["pbmine.sources"])
    assert listed == [{"path": str(tmp_path / "empty.txt"), "sha256": sha256(tmp_path / "empty.txt")}]
    assert set(table_sources(tmp_path / "c.parquet")) == {str(tmp_path / "a.txt"), str(tmp_path / "empty.txt")}
    read = []  # --update re-reads neither: the claimless one is known by its listed sha256
    extract([tmp_path], update=tmp_path / "c.parquet", on_document=lambda o, rows: read.append(o.reused))
    assert read == [True, True]


def test_update_of_a_schema_3_table_fills_the_sha256_column(table):
    target, reports = table
    old = pq.read_table(target).drop_columns(["sha256"])
    listed = [{"path": str(reports / n), "sha256": sha256(reports / n)} for n in ("a.txt", "b.txt")]
    meta = {**old.schema.metadata, b"pbmine.schema_version": b"3", b"pbmine.sources": json.dumps(listed).encode()}
    pq.write_table(old.replace_schema_metadata(meta), target)
    result = extract([reports], update=target)
    assert result.reused == 2
    back = pd.read_parquet(target)
    assert dict(zip(back["path"], back["sha256"])) == {s["path"]: s["sha256"] for s in listed}


def test_the_lexicon_hash_follows_the_lexicon(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[metrics."调研"]\naliases = ["调研报告"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    extract([tmp_path / "a.txt"], output=tmp_path / "c.parquet", lexicon=load_lexicon(mine))
    assert table_metadata(tmp_path / "c.parquet")["pbmine.lexicon_sha256"] == load_lexicon(mine).fingerprint()
    assert load_lexicon(mine).fingerprint() != load_lexicon().fingerprint()


# ---------------------------------------------------------------- --update

def test_update_re_reads_only_new_or_changed_files(table, monkeypatch):
    target, reports = table
    (reports / "b.txt").write_text("即墨区\n认定党支部 80 个。\n", encoding="utf-8")     # changed
    (reports / "c.txt").write_text("平度市\n评定五星级党支部 89 个。\n", encoding="utf-8")  # new
    read = []
    real = Extractor.text
    monkeypatch.setattr(Extractor, "text", lambda self, text, doc_id="doc", path=None: (
        read.append(doc_id), real(self, text, doc_id, path))[1])
    result = extract([reports], update=target)
    assert read == ["b", "c"] and result.reused == 1 and result.documents == 3
    back = pd.read_parquet(target)
    assert back.groupby("doc_id")["value"].apply(sorted).to_dict() == {
        "a": [91.0, 179.0], "b": [80.0], "c": [89.0]}
    assert table_sources(target) == {str(reports / n): sha256(reports / n) for n in ("a.txt", "b.txt", "c.txt")}


def test_update_drops_the_rows_of_removed_files(table):
    target, reports = table
    (reports / "b.txt").unlink()
    result = extract([reports], update=target)
    back = pd.read_parquet(target)
    assert set(back["doc_id"]) == {"a"} and result.reused == 1 and result.documents == 1
    assert list(table_sources(target)) == [str(reports / "a.txt")]


def test_update_with_nothing_changed_keeps_every_row(table):
    target, reports = table
    before = pd.read_parquet(target)
    result = extract([reports], update=target)
    assert result.reused == 2 and result.documents == 2
    pd.testing.assert_frame_equal(pd.read_parquet(target), before)


def test_update_of_one_new_file_keeps_the_others(table, tmp_path):
    target, reports = table
    extra = tmp_path / "extra.txt"
    extra.write_text("平度市\n评定五星级党支部 89 个。\n", encoding="utf-8")
    result = extract([extra], update=target)
    assert result.reused == 2
    assert sorted(pd.read_parquet(target)["doc_id"].unique()) == ["a", "b", "extra"]


def test_update_with_the_same_files_spelt_otherwise_does_not_duplicate_rows(table, monkeypatch):
    """The table was made from an absolute path; the update names the folder relative to here."""
    target, reports = table
    monkeypatch.chdir(reports.parent)
    result = extract(["reports"], update=target)
    back = pd.read_parquet(target)
    assert result.reused == 2 and len(back) == 3 and not back.duplicated(["doc_id", "start"]).any()
    again = extract(["reports"], update=target)  # the rows and the source list still agree
    assert again.reused == 2 and len(pd.read_parquet(target)) == 3


def test_update_into_another_output_leaves_the_old_table(table, tmp_path):
    target, reports = table
    before = snapshot(target)
    (reports / "b.txt").unlink()
    extract([reports], update=target, output=tmp_path / "new.parquet")
    assert snapshot(target) == before
    assert set(pd.read_parquet(tmp_path / "new.parquet")["doc_id"]) == {"a"}


@pytest.mark.parametrize("content, message", [
    (None, "not a table written by pbmine"),          # a Parquet file without pbmine's metadata
    (b"not parquet at all", "update.parquet"),        # not Parquet: the message names the file
])
def test_update_of_a_foreign_file_is_refused_and_left_alone(tmp_path, content, message):
    target = tmp_path / "update.parquet"
    if content is None:
        pq.write_table(pa.table({"x": [1]}), target)
    else:
        target.write_bytes(content)
    before = snapshot(target)
    with pytest.raises(ValueError, match=message):
        extract([tmp_path], update=target)
    assert snapshot(target) == before and leftovers(tmp_path) == []
