"""Every command through typer's CliRunner, as a user types it."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from pbmine.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def test_segment_text_and_jsonl(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("命名 51 个五星级党支部。推动双报到。\n", encoding="utf-8")
    res = run("segment", str(doc))
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0].split() == ["命名", "51", "个", "五星级党支部", "。"]
    res = run("segment", str(doc), "--format", "jsonl")
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    text = doc.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["token"] for r in rows)
    assert {r["doc_id"] for r in rows} == {"a"}


def test_extract_bundled_to_parquet(tmp_path):
    out = tmp_path / "claims.parquet"
    res = run("extract", "-o", str(out))
    assert res.exit_code == 0, res.output
    frame = pd.read_parquet(out)
    assert frame["doc_id"].nunique() == 4 and len(frame) > 150
    assert "4 documents" in res.stderr


def test_extract_csv_and_jsonl_to_stdout(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("群众好评率达100%。\n", encoding="utf-8")
    res = run("extract", str(doc), "--format", "csv")
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0].startswith("doc_id,metric,phrase,value")
    res = run("extract", str(doc), "--format", "jsonl")
    assert json.loads(res.stdout.splitlines()[0])["metric"] == "好评率"


def test_extract_reports_bad_files_and_keeps_the_rest(tmp_path):
    (tmp_path / "ok.txt").write_text("设立 179 个党员先锋岗。\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "c.parquet"
    res = run("extract", str(tmp_path), str(tmp_path / "nope.txt"), "-o", str(out))
    assert res.exit_code == 1
    assert "bad.txt" in res.stderr and "nope.txt" in res.stderr
    assert len(pd.read_parquet(out)) == 1


def test_compare_csv_ranks_the_seeds():
    res = run("compare", "--metric", "五星支部", "--format", "csv")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0] == "rank,region,value,unit,qualifier,doc_id,sentence"
    assert [ln.split(",")[1:3] for ln in lines[1:]] == [
        ["西海岸新区", "125.0"], ["平度市", "89.0"], ["即墨区", "75.0"], ["市北区", "51.0"], ["市南区", "10.0"]]


def test_compare_table_and_json(tmp_path):
    res = run("compare", "--metric", "好评率")
    assert res.exit_code == 0
    assert res.stdout.index("长岛综合试验区") < res.stdout.index("李沧区")
    res = run("compare", "-m", "好评率", "--format", "json")
    assert [r["region"] for r in json.loads(res.stdout)] == ["长岛综合试验区", "李沧区"]


def test_compare_from_claims_file_with_level_and_year(tmp_path):
    out = tmp_path / "c.parquet"
    run("extract", "-o", str(out))
    res = run("compare", "-m", "五星支部", "--claims", str(out), "--level", "city", "--format", "csv")
    assert res.exit_code == 0 and "青岛市,350.0" in res.stdout
    res = run("compare", "-m", "好评率", "--claims", str(out), "--level", "city")
    assert res.exit_code == 2 and "cannot be added" in res.stderr
    res = run("compare", "-m", "好评率", "--claims", str(out), "--year", "2024", "--format", "csv")
    assert res.stdout.count("\n") == 2


def test_unknown_metric_exits_2_with_suggestions():
    res = run("compare", "--metric", "五星")
    assert res.exit_code == 2
    assert "五星支部" in res.stderr


def test_metrics_lists_comparable_metrics():
    res = run("metrics", "--format", "csv", "-n", "5")
    assert res.exit_code == 0
    rows = res.stdout.splitlines()
    assert rows[0] == "metric,regions,claims,unit,kind" and len(rows) == 6


def test_lexicon_option(tmp_path):
    lex = tmp_path / "lex.toml"
    lex.write_text('[metrics."支部"]\naliases = ["五星级党支部"]\n', encoding="utf-8")
    res = run("compare", "-m", "支部", "--lexicon", str(lex), "--format", "csv")
    assert res.exit_code == 0 and "市北区" in res.stdout
    res = run("extract", "--lexicon", str(tmp_path / "none.toml"))
    assert res.exit_code == 2 and "none.toml" in res.stderr


@pytest.mark.parametrize("command", ["segment", "extract", "compare", "metrics"])
def test_help_has_an_example(command):
    res = run(command, "--help")
    assert res.exit_code == 0 and "Example" in res.stdout
