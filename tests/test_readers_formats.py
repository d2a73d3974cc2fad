""".docx and .pdf readers, standard input, --max-size/--encoding, and the mixed folder of issue 8.

The documents are made here from the seed reports: python-docx writes the .docx,
reportlab the .pdf (with its built-in Adobe CID font STSong-Light, so no font file
is needed on a fresh machine).
"""
from __future__ import annotations

import collections
import html
import io
import re
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbmine import api
from pbmine.readers import Notice, ReadError, Source, read_source, read_sources
from pbmine.readers.base import Reject, parse_size
from pbmine.readers.docx import read_docx
from pbmine.readers.pdf import NO_TEXT

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "001_132740b646042620.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
PARAGRAPHS = [p.strip() for p in SEED_TEXT.split("\n") if p.strip()]
PBMINE = [sys.executable, "-m", "pbmine.cli"]
KEY = ["metric", "value", "unit", "region", "qualifier", "year", "kind"]


def claims_of(frame: pd.DataFrame) -> collections.Counter:
    return collections.Counter(map(tuple, frame[KEY].astype(str).values.tolist()))


def seed_claims() -> collections.Counter:
    return claims_of(api.extract([SEED]).frame)


def squash(text: str) -> str:
    return re.sub(r"\s", "", text)


# ---------------------------------------------------------------- makers

def make_docx(path: Path, paragraphs=PARAGRAPHS, table=None) -> Path:
    import docx
    document = docx.Document()
    for i, paragraph in enumerate(paragraphs):
        document.add_paragraph(paragraph)
        if table and i == 1:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
    document.save(path)
    return path


def make_pdf(path: Path, paragraphs=PARAGRAPHS, columns: int = 1, page_numbers: bool = False,
             encrypt: str | None = None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK", spaceAfter=6)

    def number(canvas, doc):
        if page_numbers:
            canvas.setFont("STSong-Light", 9)
            canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")

    doc = BaseDocTemplate(str(path), pagesize=A4, encrypt=encrypt)
    width = (doc.width - 20) / columns
    frames = [Frame(doc.leftMargin + i * (width + 20), doc.bottomMargin, width, doc.height) for i in range(columns)]
    doc.addPageTemplates([PageTemplate(frames=frames, onPage=number)])
    doc.build([Paragraph(escape(p), style) for p in paragraphs])
    return path


def make_pdf_without_text(path: Path) -> Path:
    from reportlab.pdfgen import canvas
    page = canvas.Canvas(str(path))
    page.rect(50, 50, 400, 600, fill=1)   # what a scan is to a text reader: marks, no text
    page.save()
    return path


def written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- .docx

def test_docx_paragraphs_and_table_cells_in_document_order(tmp_path):
    table = [["指标", "数量"], ["五星支部", "10个"], ["四星支部", "21个"]]
    path = make_docx(tmp_path / "r.docx", ["标题", "第一段。", "", "第二段。"], table)
    source = read_source(path)
    assert source.format == "docx" and source.doc_id == "r"
    assert source.text == "标题\n\n第一段。\n\n指标\t数量\n五星支部\t10个\n四星支部\t21个\n\n第二段。"


def test_docx_merged_cells_are_read_once(tmp_path):
    import docx
    document = docx.Document()
    grid = document.add_table(rows=2, cols=3)
    grid.cell(0, 0).merge(grid.cell(0, 1)).text = "合并"
    grid.cell(0, 2).text = "右"
    grid.cell(1, 0).text = "甲"
    document.save(tmp_path / "m.docx")
    assert read_source(tmp_path / "m.docx").text == "合并\t右\n甲"


def test_docx_of_a_seed_gives_the_seed_claims(tmp_path):
    path = make_docx(tmp_path / "seed.docx")
    assert squash(read_source(path).text) == squash(SEED_TEXT)
    assert claims_of(api.extract([path]).frame) == seed_claims()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "not a .docx: not a ZIP container"),
        (b"plain text saved as .docx", "not a .docx: not a ZIP container"),
    ],
)
def test_broken_docx(tmp_path, data, reason):
    (tmp_path / "x.docx").write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_source(tmp_path / "x.docx")
    assert info.value.reason.startswith(reason)


def test_empty_docx_and_zip_without_body(tmp_path):
    make_docx(tmp_path / "empty.docx", [])
    import zipfile
    with zipfile.ZipFile(tmp_path / "zip.docx", "w") as archive:
        archive.writestr("a.txt", "x")
    reasons = [i.reason for i in read_sources([tmp_path / "empty.docx", tmp_path / "zip.docx"])]
    assert reasons == ["no text in .docx", "not a .docx: no word/document.xml inside (a renamed ZIP?)"]


def test_docx_body_larger_than_the_limit_is_refused(tmp_path):
    path = make_docx(tmp_path / "big.docx", ["党员" * 5000])
    with pytest.raises(Reject, match="too large: its text unpacks to"):
        read_docx(path.read_bytes(), max_bytes=1000)


# ---------------------------------------------------------------- .pdf

@pytest.mark.parametrize("columns", [1, 2])
def test_pdf_of_a_seed_gives_the_seed_text_and_claims(tmp_path, columns):
    """Wrapped lines are joined again and two columns read left then right."""
    path = make_pdf(tmp_path / "seed.pdf", columns=columns, page_numbers=True)
    source = read_source(path)
    assert source.format == "pdf"
    assert squash(source.text) == squash(SEED_TEXT)
    assert source.text.count("\n\n") == len(PARAGRAPHS) - 1   # one paragraph a paragraph, no page numbers
    assert claims_of(api.extract([path]).frame) == seed_claims()


def test_pdf_read_in_page_order_not_stream_order(tmp_path):
    """The right column drawn first still comes second (pypdf gives the stream's order)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(tmp_path / "r.pdf"))
    page.setFont("STSong-Light", 12)
    page.drawString(320, 800, "右栏：发展党员100名。")
    page.drawString(50, 800, "左栏：评定五星支部10个。")
    page.save()
    text = read_source(tmp_path / "r.pdf").text
    assert text.index("左栏") < text.index("右栏")


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (make_pdf_without_text, NO_TEXT),
        (lambda p: make_pdf(p, ["加密的"], encrypt="secret"), "encrypted PDF: it needs a password"),
        (lambda p: written(p, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"), "cannot read PDF"),
        (lambda p: written(p, "正文".encode()), "not a PDF: no %PDF- header"),
    ],
)
def test_pdf_without_usable_text_is_one_line(tmp_path, make, reason):
    path = make(tmp_path / "scan.pdf")
    [item] = list(read_sources([path]))
    assert isinstance(item, ReadError) and item.failed
    assert item.reason.startswith(reason) and "\n" not in str(item)


# ---------------------------------------------------------------- the mixed folder of issue 8

def test_mixed_folder_gives_the_seed_claims_and_one_line_per_bad_file(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_gbk.txt").write_bytes(SEED_TEXT.encode("gbk"))
    (docs / "b_utf16.txt").write_bytes(SEED_TEXT.encode("utf-16"))
    (docs / "c_page.html").write_text(
        "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS) + "</body></html>",
        encoding="utf-8")
    make_docx(docs / "d_word.docx")
    make_pdf(docs / "e_print.pdf")
    (docs / "f_empty.txt").write_bytes(b"")
    (docs / "g_png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    out = tmp_path / "claims.parquet"
    run = subprocess.run([*PBMINE, "extract", str(docs), str(tmp_path / "missing.txt"), "-o", str(out)],
                         capture_output=True, text=True, env={"COLUMNS": "60", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 1, run.stderr
    problems = [line for line in run.stderr.splitlines() if line.startswith("skipped")]
    assert problems == [
        f"skipped {docs / 'f_empty.txt'}: empty file",
        f"skipped {docs / 'g_png.txt'}: binary file (looks like PNG): not a document pbmine reads "
        "(.txt .md .html .docx .pdf)",
        f"skipped {tmp_path / 'missing.txt'}: no such file or directory",
    ]
    frame = pd.read_parquet(out)
    expected = seed_claims()
    by_doc = {doc: claims_of(group) for doc, group in frame.groupby("doc_id")}
    assert sorted(by_doc) == ["a_gbk", "b_utf16", "c_page", "d_word", "e_print"]
    for doc, claims in by_doc.items():
        assert claims == expected, doc


# ---------------------------------------------------------------- standard input and options

def test_stdin_is_one_document(tmp_path):
    out = tmp_path / "c.csv"
    run = subprocess.run([*PBMINE, "extract", "-", "--format", "csv", "-o", str(out)],
                         input=SEED_TEXT.encode("gbk"), capture_output=True)
    assert run.returncode == 0, run.stderr.decode()
    frame = pd.read_csv(out)
    assert set(frame["doc_id"]) == {"stdin"} and set(frame["path"]) == {"<stdin>"}
    assert claims_of(frame.assign(year=frame["year"].astype("Int64"))) == seed_claims()


def test_stdin_pdf_and_empty_stdin(tmp_path):
    pdf = make_pdf(tmp_path / "p.pdf", ["评定五星支部10个。"]).read_bytes()
    run = subprocess.run([*PBMINE, "segment", "-"], input=pdf, capture_output=True)
    assert run.returncode == 0 and "五星支部" in run.stdout.decode()
    run = subprocess.run([*PBMINE, "extract", "-", "-o", str(tmp_path / "x.parquet")], input="",
                         capture_output=True, text=True)
    assert run.returncode == 1 and "skipped <stdin>: empty file" in run.stderr


@pytest.mark.parametrize(
    ("text", "size"),
    [("50MB", 50 * 2**20), ("50 mb", 50 * 2**20), ("500KB", 500 * 1024), ("1.5M", 3 * 2**19),
     ("2g", 2 * 2**30), ("1000", 1000), ("10b", 10)],
)
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "-5MB", "0", "5 parsecs", "1e9", "5MBB"])
def test_parse_size_refuses(text):
    with pytest.raises(ValueError):
        parse_size(text)


def test_max_size_and_encoding_options(tmp_path):
    (tmp_path / "big.txt").write_bytes(SEED_TEXT.encode())
    (tmp_path / "big5.txt").write_bytes("評定「五星支部」10個。".encode("big5"))
    run = subprocess.run([*PBMINE, "extract", str(tmp_path / "big.txt"), "--max-size", "1KB",
                          "-o", str(tmp_path / "a.parquet")], capture_output=True, text=True)
    assert run.returncode == 1
    assert "too large (12 KB; the limit is 1 KB, see --max-size)" in run.stderr
    run = subprocess.run([*PBMINE, "segment", str(tmp_path / "big5.txt"), "--encoding", "big5"],
                         capture_output=True, text=True)
    assert run.returncode == 0 and "評定" in run.stdout
    for option, value in (("--max-size", "lots"), ("--encoding", "klingon")):
        run = subprocess.run([*PBMINE, "extract", str(tmp_path / "big5.txt"), option, value],
                             capture_output=True, text=True)
        assert run.returncode == 2 and option in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_forced_encoding_replaces_and_counts_bad_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("党员".encode("gbk") + b"\xff" + "人数".encode("gbk"))
    source = read_source(path, encoding="gbk")
    assert source.text == "党员\ufffd人数" and source.encoding == "gbk"
    assert source.notices == ("1 invalid gbk byte replaced with U+FFFD (first at byte 4); the rest is kept",)
    items = list(read_sources(path, encoding="gbk"))
    assert isinstance(items[0], Notice) and isinstance(items[1], Source)


# ---------------------------------------------------------------- properties

NASTY = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200) | st.sampled_from(
    ["“未闭合的引号", "”", "「」『", "\x00\x01\x1b", "\u202e\u200b\ufeff", "1" * 5000, "<p>“</p>", "\r\r\n\x0c"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(NASTY, max_size=4))
def test_any_docx_text_gives_a_source_or_a_read_error(tmp_path, paragraphs):
    import docx
    document = docx.Document()
    for paragraph in paragraphs:
        try:
            document.add_paragraph(paragraph)
        except ValueError:   # python-docx refuses XML-incompatible characters when writing
            return
    document.save(tmp_path / "h.docx")
    try:
        source = read_source(tmp_path / "h.docx")
    except ReadError as err:
        assert "\n" not in str(err)
        return
    assert source.text.strip() and "\r" not in source.text
    assert len(source.analysis_text) == len(source.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=NASTY, encoding=st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"]),
       name=st.sampled_from(["a.txt", "a.html", "a.md", "a.pdf", "a.docx"]))
def test_any_text_in_any_encoding_gives_a_source_or_a_read_error(tmp_path, text, encoding, name):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    (tmp_path / name).write_bytes(data)
    for item in read_sources([tmp_path / name]):
        assert isinstance(item, (Source, ReadError))
        if isinstance(item, Source):
            assert len(item.analysis_text) == len(item.text)
        else:
            assert "\n" not in str(item)
