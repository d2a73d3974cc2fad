"""Every command through typer's CliRunner, as a user types it."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

import pbmine
from pbmine.cli import app

from conftest import SEEDS as SEEDS_DIR

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
    assert lines[0].startswith("rank,region,value,unit,qualifier,doc_id,sentence,kind,value_high,year,claims,agg")
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
    for level in ("district", "city"):   # issue 8.7: no KeyError, one line naming metric and year
        res = run("compare", "-m", "五星支部", "--claims", str(out), "--level", level, "--year", "2024")
        assert res.exit_code == 2 and res.stdout == ""
        assert res.stderr.strip() == "error: no 五星支部 figures for 2024; its figures carry no year"


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


@pytest.mark.parametrize("command", ["segment", "extract", "compare", "metrics", "report"])
def test_help_has_an_example(command):
    res = run(command, "--help")
    assert res.exit_code == 0 and "Example" in res.stdout


def test_compare_agg_says_the_rule_and_the_claims_behind_each_figure():
    res = run("compare", "-m", "党员干部", "--agg", "sum", "--format", "markdown")
    assert res.exit_code == 0, res.output
    assert "### 党员干部 in 名 by district" in res.stdout and "### 党员干部 in 批 by district" in res.stdout
    assert "_--agg sum: all figures of a region added up; n = claims behind each figure_" in res.stdout
    assert "| 1 | 平度市 | 9,082 | 名 | 2 |" in res.stdout
    res = run("compare", "-m", "党员干部", "--agg", "all", "--format", "json")
    rows = json.loads(res.stdout)
    assert [(r["region"], r["value"], r["claims"]) for r in rows if r["region"] == "平度市"] == [
        ("平度市", 7612.0, 2), ("平度市", 1470.0, 2)]
    assert {r["agg"] for r in rows} == {"all"}
    flat = " ".join(run("compare", "-m", "党员干部").stdout.split())
    assert "--agg latest: latest year, then the largest count or the first stated rate" in flat
    assert "n = claims behind each figure" in flat


def test_compare_unit_top_and_refusals():
    res = run("compare", "-m", "党员干部", "--unit", "批", "--format", "csv")
    assert res.exit_code == 0 and [ln.split(",")[1] for ln in res.stdout.splitlines()[1:]] == ["胶州市"]
    res = run("compare", "-m", "五星支部", "--top", "2", "--format", "csv")
    assert len(res.stdout.splitlines()) == 3
    res = run("compare", "-m", "好评率", "--agg", "sum")
    assert res.exit_code == 2 and "cannot be added up" in res.stderr
    res = run("compare", "-m", "五星支部", "--agg", "median")
    assert res.exit_code == 2


def test_compare_without_metric_lists_what_can_be_ranked():
    res = run("compare", "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = res.stdout.splitlines()
    assert rows[0] == "metric,regions,claims,unit,kind" and rows[1].startswith("五星支部,5,")
    assert all(int(r.split(",")[1]) >= 2 for r in rows[1:])
    res = run("compare", "--min-regions", "4", "--format", "csv")
    assert [r.split(",")[0] for r in res.stdout.splitlines()[1:]] == ["五星支部", "党员干部", "党建示范点"]


def test_compare_chart_png_and_bad_suffix(tmp_path):
    pytest.importorskip("matplotlib")
    chart = tmp_path / "rank.png"
    res = run("compare", "-m", "五星支部", "--chart", str(chart))
    assert res.exit_code == 0, res.output
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    res = run("compare", "-m", "五星支部", "--chart", str(tmp_path / "rank.jpg"))
    assert res.exit_code == 2 and "rank.jpg" in res.stderr


def test_compare_and_metrics_name_a_missing_input(tmp_path):
    res = run("compare", "-m", "五星支部", str(tmp_path / "nope.txt"))
    assert res.exit_code == 1 and "nope.txt" in res.stderr       # an input failed (and nothing was read)
    res = run("metrics", str(SEEDS_DIR), str(tmp_path / "nope.txt"), "--format", "csv")
    assert res.exit_code == 1 and "nope.txt" in res.stderr and "五星支部" in res.stdout
    res = run("compare", "-m", "五星支部", "--claims", str(tmp_path / "nope.parquet"))
    assert res.exit_code == 1 and res.stderr.strip() == f"error: {tmp_path / 'nope.parquet'}: no such file"


def test_version():
    res = run("--version")
    assert res.exit_code == 0 and res.stdout.strip() == f"pbmine {pbmine.__version__}"


def test_report_from_paths_and_from_claims(tmp_path):
    out = tmp_path / "r.html"
    res = run("report", str(SEEDS_DIR), "-o", str(out))
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh">' in page and '<meta charset="utf-8">' in page
    claims = tmp_path / "c.parquet"
    run("extract", str(SEEDS_DIR), "-o", str(claims))
    res = run("report", "--claims", str(claims), "-o", str(tmp_path / "r2.html"), "--title", "青岛 2024")
    assert res.exit_code == 0, res.output
    assert "<title>青岛 2024</title>" in (tmp_path / "r2.html").read_text(encoding="utf-8")
    res = run("report", "-o", str(tmp_path / "no" / "r.html"))
    assert res.exit_code == 2 and "r.html" in res.stderr


def test_no_progress_bar_when_stderr_is_not_a_terminal():
    res = run("extract", "--format", "csv")
    assert "\x1b[" not in res.stderr and "MB/s" not in res.stderr


def test_help_imports_neither_pandas_nor_the_extractor():
    """`pbmine --help` starts fast: heavy modules are imported only by the commands that need them."""
    import subprocess
    import sys

    code = ("import sys; from pbmine.cli import app; "
            "print(sorted({'pandas', 'pyarrow', 'rjieba', 'jieba', 'numpy', 'pbmine.extract'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_extract_to_a_file_does_not_import_pandas(tmp_path):
    import subprocess
    import sys

    code = ("import sys; from typer.testing import CliRunner; from pbmine.cli import app; "
            f"r = CliRunner().invoke(app, ['extract', '-o', {str(tmp_path / 'c.parquet')!r}, '-j', '1']); "
            "print(r.exit_code, 'pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]
