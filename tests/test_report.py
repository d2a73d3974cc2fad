"""The evidence report: spans found without offsets, escaping, and the page in a real browser.

The browser tests drive Debian's chromium (installed by the Makefile when
missing) through Playwright's Python client pointed at /usr/bin/chromium; they
are skipped only when no chromium exists at all, which `make test` prevents.
The screenshot is saved to tests/artifacts/report.png.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pbmine import extract
from pbmine.report import (build_report, collect, documents_for, phrase_span, place_names, place_span,
                           report_data, write_report)

from conftest import SEEDS

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = ("市南区\n评定“五星级”党支部 10 个。<script>window.__pwned = 1</script>"
           "<img src=x onerror=\"window.__pwned = 2\">设立 8 个党员先锋岗。{{SCRIPT}}</script><!--\n")


@pytest.mark.parametrize("sentence,phrase,number,expected", [
    ("评定“五星级”党支部 89 个、机关党建示范点 6 个", "五星级党支部", "89", "五星级”党支部"),
    ("打造示范点14个,示范点再增", "示范点", "14", "示范点"),        # the nearest of two
    ("好评率达100%", "好评率", "100", "好评率"),
    ("设立 8 个岗位", "党员先锋岗", "8", None),                      # not in the sentence
])
def test_phrase_span_nearest_the_number(sentence, phrase, number, expected):
    text = "标题\n" + sentence + "。"
    start = text.index(number)
    span = phrase_span(text, sentence, phrase, start, start + len(number))
    assert (text[span[0]:span[1]] if span else None) == expected
    if span:
        assert span[0] >= text.index(sentence)


@pytest.mark.parametrize("text,region,expected_at", [
    ("市南区\n全区评定 10 个。", "市南区", 0),
    ("平度市评定 89 个,市南区 10 个。", "市南区", None),        # the mention after the number is not it
    ("长岛开展活动,设立 8 个。", "长岛综合试验区", 0),            # short form
    ("设立 8 个。", "市北区", None),
])
def test_place_span_is_the_nearest_mention_before(text, region, expected_at):
    start = text.index("8" if "8 个" in text else ("89" if "89" in text else "10"))
    span = place_span(text, text.split("\n")[-1], region, start, start + 1)
    assert (span[0] if span else None) == expected_at


def test_place_names():
    assert place_names("长岛综合试验区") == ["长岛综合试验区", "长岛"]
    assert place_names("市南区") == ["市南区", "市南"]
    assert place_names("县") == ["县"]


def test_offsets_columns_are_used_when_present(seed_claims):
    frame, texts, _ = collect([SEEDS / "001_132740b646042620.txt"])
    row = frame.index[frame["metric"] == "五星支部"][0]
    frame = frame.assign(phrase_start=pd.NA, phrase_end=pd.NA, region_start=pd.NA, region_end=pd.NA,
                         region_source=pd.NA).astype({"phrase_start": "Int64", "phrase_end": "Int64",
                                                      "region_start": "Int64", "region_end": "Int64"})
    frame.loc[row, ["phrase_start", "phrase_end", "region_start", "region_end"]] = [3, 5, 0, 2]
    frame.loc[row, "region_source"] = "heading"
    data = report_data(frame, texts)
    f = {name: i for i, name in enumerate(data["fields"])}
    claim = data["claims"][list(frame.index).index(row)]
    assert claim[f["phrase_start"]] == 3 and claim[f["place_start"]] == 0
    assert claim[f["place_how"]] == "offsets" and claim[f["region_source"]] == "heading"


def test_every_seed_claim_has_its_number_and_most_their_phrase(seed_claims):
    frame, texts, errors = collect([SEEDS])
    assert not errors and len(frame) == len(seed_claims)
    data = report_data(frame, texts)
    f = {name: i for i, name in enumerate(data["fields"])}
    docs = {i: texts[d["id"]] for i, d in enumerate(data["docs"])}
    for c in data["claims"]:
        assert docs[c[f["doc"]]][c[f["start"]]:c[f["end"]]] == c[f["number"]]
    with_phrase = sum(c[f["phrase_start"]] is not None for c in data["claims"])
    with_place = sum(c[f["place_start"]] is not None for c in data["claims"])
    assert with_phrase / len(data["claims"]) > 0.9 and with_place / len(data["claims"]) > 0.9
    assert {r["metric"] for r in data["rankings"]} >= {"五星支部", "好评率", "党员干部"}


def test_hostile_text_cannot_leave_its_script_block(tmp_path):
    doc = tmp_path / "evil.txt"
    doc.write_text(HOSTILE, encoding="utf-8")
    frame, texts, _ = collect([doc])
    page = build_report(frame, texts)
    # the page has exactly the two script elements it brings (data, code) plus one per document
    assert len(re.findall(r"<script\b", page)) == 3
    assert "<img" not in page and "window.__pwned" in page           # kept, as escaped JSON text
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", page)   # no other script may run


def test_claims_file_with_a_missing_document_shows_its_sentences(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("市南区\n评定“五星级”党支部 10 个、四星支部 21 个。\n", encoding="utf-8")
    frame, _, _ = collect([doc])
    doc.unlink()
    lines = []
    texts, failed = documents_for(frame, on_error=lines.append)
    assert failed == 1 and texts == {"a": None} and "a.txt" in lines[0] and "\n" not in lines[0]
    data = report_data(frame, texts)
    f = {name: i for i, name in enumerate(data["fields"])}
    assert data["docs"][0]["partial"]
    for c in data["claims"]:
        assert c[f["snippet"]].count(c[f["number"]]) >= 1


def test_changed_document_is_not_marked_at_stale_offsets(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("设立 8 个党员先锋岗。\n", encoding="utf-8")
    frame, _, _ = collect([doc])
    doc.write_text("前言。设立 9 个党员先锋岗。\n", encoding="utf-8")
    texts, failed = documents_for(frame)
    assert failed == 1 and texts["a"] is None


def test_write_report_replaces_atomically_and_keeps_mode(tmp_path):
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    frame, texts, _ = collect([SEEDS / "003_a138ed16a2d7f8cc.txt"])
    write_report(target, frame, texts)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ---------------------------------------------------------------- in the browser

needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (make test installs it)")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, viewport={"width": 1500, "height": 950},
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield context
        context.close()


def _open(browser, path: Path):
    page = browser.new_page()
    problems, requests = [], []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    return page, problems, requests


@needs_browser
def test_seed_report_in_chromium(browser, tmp_path, seed_claims):
    from typer.testing import CliRunner
    from pbmine.cli import app

    out = tmp_path / "report.html"
    res = CliRunner().invoke(app, ["report", str(SEEDS), "-o", str(out)])
    assert res.exit_code == 0, res.output
    page, problems, requests = _open(browser, out)
    docs = page.eval_on_selector_all("#doc-select option", "os => os.map(o => o.value)")
    assert len(docs) == seed_claims["doc_id"].nunique() == 4

    # one number highlight per claim, document by document (each loads on demand)
    marked = 0
    for value in docs:
        page.select_option("#doc-select", value)
        ids = page.eval_on_selector_all("#doc-text span[id^='c']", "s => s.map(x => x.id)")
        assert len(ids) == len(set(ids))
        marked += len(ids)
        assert page.locator("#doc-text .p").count() > 0 and page.locator("#doc-text .g").count() > 0
    assert marked == len(seed_claims)

    # clicking a number shows its claim in the panel
    page.select_option("#doc-select", docs[1])
    page.locator("#doc-text span.n", has_text="89").first.click()
    panel = page.inner_text("#panel")
    assert "五星支部" in panel and "平度市" in panel and "370283" in panel and "89" in panel

    # the table filters, and a row jumps to its highlight
    page.select_option("#f-metric", "好评率")
    assert page.locator("#claims tbody tr").count() == 2
    assert "2 of 164" in page.inner_text("#table-count").replace(",", "")
    page.locator("#claims tbody tr", has_text="李沧区").click()
    assert page.locator("#doc-text span.n.active").inner_text() == "99.83"
    page.select_option("#f-metric", "")
    page.select_option("#f-kind", "money")
    assert page.locator("#claims tbody tr").count() == (seed_claims["kind"] == "money").sum()
    page.select_option("#f-kind", "")

    # sorting by value, largest first
    page.click("#claims th[data-field='label']")
    firsts = page.eval_on_selector_all("#claims tbody tr", "rs => rs.slice(0, 3).map(r => Number(r.dataset.claim))")
    values = page.evaluate("ids => ids.map(i => JSON.parse(document.getElementById('report-data').textContent).claims[i][3])", firsts)
    assert values == sorted(values, reverse=True)

    # the ranking is compare's
    bars = page.eval_on_selector_all("#ranking .bar-row .region", "s => s.map(x => x.textContent)")
    assert bars == ["西海岸新区", "平度市", "即墨区", "市北区", "市南区"]
    page.locator("#ranking .bar-row").nth(1).click()
    assert "平度市" in page.inner_text("#panel")

    page.select_option("#f-metric", "")
    page.select_option("#f-region", "")
    page.select_option("#doc-select", docs[1])
    page.locator("#doc-text span.n", has_text="89").first.click()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"))
    assert problems == []
    assert all(u.startswith("file://") or u.startswith("data:") for u in requests), requests


@needs_browser
def test_hostile_markup_never_runs(browser, tmp_path):
    doc = tmp_path / "evil.txt"
    doc.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "evil.html"
    frame, texts, _ = collect([doc])
    write_report(out, frame, texts, title="<script>window.__pwned = 3</script>")
    page, problems, _ = _open(browser, out)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#doc-text img").count() == 0
    text = page.inner_text("#doc-text")
    assert "<script>window.__pwned = 1</script>" in text and "onerror" in text and "{{SCRIPT}}" in text
    assert "<script>" in page.inner_text("h1")
    assert problems == []


@needs_browser
def test_large_report_stays_a_small_page(browser, tmp_path):
    """1,000 documents and 50,000 claims: only the open document and one table page are in the DOM."""
    sentence = "评定“五星级”党支部 {n} 个。"
    texts, rows = {}, []
    for d in range(1000):
        doc_id = f"d{d:04d}"
        parts, at = ["市南区\n"], 4
        for k in range(50):
            s = sentence.format(n=k + d)
            start = at + s.index(str(k + d))
            rows.append({"doc_id": doc_id, "metric": "五星支部", "phrase": "五星级党支部", "value": float(k + d),
                         "unit": "个", "kind": "count", "start": start, "end": start + len(str(k + d)),
                         "number": str(k + d), "sentence": s, "sentence_index": k, "region": f"区{d % 40}",
                         "year": 2024})
            parts.append(s)
            at += len(s)
        texts[doc_id] = "".join(parts)
    from pbmine.schema import conform
    frame = conform(pd.DataFrame(rows))
    out = write_report(tmp_path / "big.html", frame, texts)
    page, problems, _ = _open(browser, out)
    assert page.evaluate("document.getElementsByTagName('*').length") < 6000
    assert "50,000" in page.inner_text("#table-count")
    page.select_option("#doc-select", "999")
    assert page.locator("#doc-text span[id^='c']").count() == 50
    assert problems == []
