"""Reader stage, text and HTML: paths to decoded texts; every bad input becomes a one-line ReadError."""
from __future__ import annotations

import io
import json
import os
import pickle
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from pbmine.readers import SUFFIXES, Notice, ReadError, Source, iter_paths, read_source, read_sources
from pbmine.readers import paths as reader_paths
from pbmine.readers import text as reader_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "seeds_gold"

# ~200 characters of a typical report, simplified (GB2312-encodable).
REPORT_ZH = (
    "突出示范引领，以上率下推动模范机关建设。落实“一把手”主责，班子成员“一岗双责”制度，"
    "制定模范机关创建任务清单。领导班子带头深入企业、社区开展专题调研，形成调研报告91篇、"
    "基层好建议好点子59个。建强机关党的基层组织体系，通过支部自评、实地验收，评定“三星支部”"
    "205个、“四星支部”21个、“五星支部”10个，全年发展党员1,200名，比上年增长12.5%。"
)
# The same kind of text in traditional characters (Big5-encodable).
REPORT_TW = (
    "突出組織保障，以系統合力推動模範機關建設。建強機關黨的基層組織體系，通過支部自評、實地驗收，"
    "評定「三星支部」205個、「四星支部」21個、「五星支部」10個。利用市南區紅色資源，在中山路歷史"
    "城區保護更新等項目現場打造區直機關黨建「第一課堂」。嚴肅黨內政治生活，落實雙重組織生活制度。"
)


def noise(seed: int, low: int, high: int, size: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(low, high) for _ in range(size))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def reason_of(path: Path) -> str:
    with pytest.raises(ReadError) as info:
        read_source(path)
    return info.value.reason


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize(
    ("label", "data", "expected"),
    [
        ("utf-8", REPORT_ZH.encode("utf-8"), REPORT_ZH),
        ("utf-8 with BOM", b"\xef\xbb\xbf" + REPORT_ZH.encode("utf-8"), REPORT_ZH),
        ("utf-16-le BOM", b"\xff\xfe" + REPORT_ZH.encode("utf-16-le"), REPORT_ZH),
        ("utf-16-be BOM", b"\xfe\xff" + REPORT_ZH.encode("utf-16-be"), REPORT_ZH),
        ("utf-16 (python BOM)", REPORT_ZH.encode("utf-16"), REPORT_ZH),
        ("utf-32 BOM", REPORT_ZH.encode("utf-32"), REPORT_ZH),
        ("gb18030", REPORT_ZH.encode("gb18030"), REPORT_ZH),
        ("gbk", REPORT_ZH.encode("gbk"), REPORT_ZH),
        ("gb2312", REPORT_ZH.encode("gb2312"), REPORT_ZH),
        ("gbk very short", "党员".encode("gbk"), "党员"),
        ("gbk one character", "党".encode("gbk"), "党"),
        ("gbk short with digits", "发展党员205名。".encode("gbk"), "发展党员205名。"),
        ("gbk traditional (GBK extension)", "黨員人數205名".encode("gbk"), "黨員人數205名"),
        ("big5", REPORT_TW.encode("big5"), REPORT_TW),
        ("big5 very short", "黨員".encode("big5"), "黨員"),
        ("cp950", REPORT_TW.encode("cp950"), REPORT_TW),
        ("gb18030 four-byte character", "㐀党员𠀀".encode("gb18030"), "㐀党员𠀀"),
        # Not Chinese: the detector (charset-normalizer) is the fallback.
        ("shift_jis via detector", "党員の人数は二百五名です。活動報告書を作成しました。".encode("shift_jis"),
         "党員の人数は二百五名です。活動報告書を作成しました。"),
        ("cp1251 via detector", "Отчёт о работе партийной организации. Принято 205 членов.".encode("cp1251"),
         "Отчёт о работе партийной организации. Принято 205 членов."),
    ],
)
def test_encodings_are_detected(tmp_path, label, data, expected):
    source = read_source(write(tmp_path, "doc.txt", data))
    assert source.text == expected, label


def test_gbk_does_not_depend_on_the_detector(tmp_path, monkeypatch):
    """The detector misreads short GBK (as cp949); gb18030 is tried and scored first."""
    def boom(*args, **kwargs):
        raise AssertionError("detector asked")
    monkeypatch.setattr(reader_text, "from_bytes", boom)
    for text in (REPORT_ZH, "党员", "党员人数"):
        assert read_source(write(tmp_path, "doc.txt", text.encode("gbk"))).text == text


def test_detector_failure_is_a_read_error(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("detector bug")
    monkeypatch.setattr(reader_text, "from_bytes", boom)
    path = write(tmp_path, "doc.txt", "Déjà vu, café.".encode("cp1252"))
    assert reason_of(path).startswith("cannot decode")


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("half utf-8, half gbk", REPORT_ZH[:100].encode("utf-8") + REPORT_ZH[100:].encode("gbk")),
        ("half gbk, half big5", REPORT_ZH.encode("gbk") + REPORT_TW.encode("big5")),
        ("high-byte noise", noise(1, 128, 256, 400)),
        ("utf-8 BOM then gbk", b"\xef\xbb\xbf" + REPORT_ZH.encode("gbk")),
        ("utf-16 BOM, odd length", b"\xff\xfe" + "党员".encode("utf-16-le") + b"\x00"),
    ],
)
def test_undecodable_text_is_refused(tmp_path, label, data):
    reason = reason_of(write(tmp_path, "doc.txt", data))
    assert reason.startswith("cannot decode: not UTF-8, GB18030 or another known encoding"), label


ZH = REPORT_ZH.encode()


@pytest.mark.parametrize(
    ("label", "data", "replaced", "at", "kept"),
    [
        ("one corrupt byte", ZH[:99] + b"\xff" + ZH[99:], 1, 99, REPORT_ZH),
        ("cut in the middle of a character", ZH[:-1], 2, len(ZH) - 3, REPORT_ZH[:-1]),
        ("a character's first byte lost", ZH[:30] + ZH[31:], 2, 30, REPORT_ZH[:10] + REPORT_ZH[11:]),
        ("short, one bad byte", "党员人数二百零五名".encode() + b"\xff" + "发展".encode(), 1, 27, "党员人数二百零五名发展"),
        ("three bad bytes apart", ZH[:9] + b"\x80" + ZH[9:90] + b"\xfe" + ZH[90:295] + b"\xc0" + ZH[295:], 3, 9,
         REPORT_ZH),
        ("a bad byte after a BOM", b"\xef\xbb\xbf" + ZH[:99] + b"\xff" + ZH[99:], 1, 99, REPORT_ZH),
    ],
)
def test_a_few_bad_utf8_bytes_are_replaced_and_the_document_kept(tmp_path, label, data, replaced, at, kept):
    """Issue 8 item 10: one bad byte no longer loses the document; a notice says how many."""
    path = write(tmp_path, "doc.txt", data)
    source = read_source(path)
    assert source.encoding == "utf-8"
    assert "\ufffd" in source.text and source.text.replace("\ufffd", "") == kept, label
    plural = "byte" if replaced == 1 else "bytes"
    assert source.notices == (f"{replaced} invalid UTF-8 {plural} replaced with U+FFFD (first at byte {at}); "
                              "the rest is kept",)
    items = list(read_sources(path))
    assert [type(i) for i in items] == [Notice, Source]
    assert not items[0].failed and str(items[0]).startswith(f"{path}: {replaced} invalid UTF-8")


def test_many_bad_bytes_are_not_utf8(tmp_path):
    """One bad byte in 50 is corruption, not UTF-8 with a few slips: refused, not kept half-garbled."""
    data = b"".join(ZH[i:i + 50] + b"\xff" for i in range(0, len(ZH), 50))
    assert reason_of(write(tmp_path, "doc.txt", data)).startswith("cannot decode")


# ---------------------------------------------------------------- text is kept as is

@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a\r\nb\r\n", "a\nb\n"),
        (b"a\rb\r", "a\nb\n"),
        (b"a\r\n\r\nb\rc\nd", "a\n\nb\nc\nd"),
        (b"a\r\r\nb", "a\n\nb"),
    ],
)
def test_newlines_are_normalised(tmp_path, data, expected):
    assert read_source(write(tmp_path, "doc.txt", data)).text == expected


def test_newlines_normalised_in_utf16_and_gbk(tmp_path):
    assert read_source(write(tmp_path, "a.txt", "党员\r\n人数\r".encode("utf-16"))).text == "党员\n人数\n"
    assert read_source(write(tmp_path, "b.txt", "党员\r\n人数".encode("gbk"))).text == "党员\n人数"


def test_nothing_else_changes(tmp_path):
    """Later stages slice this text by offset: no stripping, no width folding, no NFKC."""
    text = "\n\n  　　标题  \n\t第１季度发展党员２０５名，ＡＢＣ\xa0ﬁ①\u200b。  \n\n\n"
    source = read_source(write(tmp_path, "doc.md", text.encode("utf-8")))
    assert source.text == text


def test_markdown_is_not_html(tmp_path):
    text = "# 标题\n\n<div>内联 HTML</div> 与 **加粗** 保持原样\n"
    assert read_source(write(tmp_path, "doc.md", text.encode())).text == text


# ---------------------------------------------------------------- binary, empty, large

def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>党员</w:document>")
    return buffer.getvalue()


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "PNG"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        (_zip_bytes(), "ZIP"),
        (b"PK\x03\x04truncated", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "GZIP"),
        (b"\x7fELF\x02\x01\x01" + bytes(9), "ELF executable"),
    ],
)
def test_binary_files_name_their_kind(tmp_path, data, kind):
    reason = reason_of(write(tmp_path, "report.txt", data))
    assert reason.startswith(f"binary file (looks like {kind})")
    assert "not a document pbmine reads" in reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
         "cannot read PDF (PDFSyntaxError): damaged or not a PDF"),
        (_docx_bytes(), "cannot read .docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
         "unsupported format: a Word 97-2003 .doc (or .wps/.xls) file; open it in Word or WPS and save it as .docx or PDF"),
    ],
)
def test_documents_renamed_txt_are_read_by_what_they_are(tmp_path, data, reason):
    """A PDF, .docx or .doc saved as .txt goes to its own reader (here: broken ones), not the text decoder."""
    assert reason_of(write(tmp_path, "report.txt", data)).startswith(reason)


@pytest.mark.parametrize(
    "data",
    [
        "党员人数".encode("utf-8") + b"\x00\x00" + b"more",                 # NUL bytes
        "党员 205 名".encode("utf-16-le"),                                  # UTF-16 without a BOM
        noise(2, 1, 32, 300) + b"text",  # control bytes, no NUL
        b"\xff\xfe" + "\x01\x02\x03\x04\x05\x06党".encode("utf-16-le"),      # BOM, then controls
        b"\xff\xfe" + "党员\x00人数".encode("utf-16-le"),                    # BOM, then a NUL character
    ],
)
def test_binary_without_magic_is_refused(tmp_path, data):
    reason = reason_of(write(tmp_path, "doc.txt", data))
    assert reason.startswith("binary file")
    assert "not a document pbmine reads" in reason


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b" \r\n\t\n\r", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n", "\u3000\u3000\n".encode(),
     "  \n".encode("utf-16"), b"\xff\xfe"],
)
def test_empty_files(tmp_path, data):
    assert reason_of(write(tmp_path, "doc.txt", data)) == "empty file"


def test_empty_html_file(tmp_path):
    assert reason_of(write(tmp_path, "doc.html", b"\n  \n")) == "empty file"


def test_too_large_file_is_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:       # sparse: costs no disk space
        handle.truncate(50 * 2**20 + 1)
    reason = reason_of(path)
    assert reason.startswith("too large")
    assert "50 MB" in reason


def test_size_limit_is_an_option(tmp_path):
    path = write(tmp_path, "doc.txt", b"x" * 11)
    with pytest.raises(ReadError) as info:
        read_source(path, max_bytes=10)
    assert info.value.reason == "too large (11 bytes; the limit is 10 bytes, see --max-size)"
    assert read_source(write(tmp_path, "ok.txt", b"x" * 10), max_bytes=10).text == "x" * 10
    assert [type(i) for i in read_sources([path, tmp_path / "ok.txt"], max_bytes=10)] == [ReadError, Source]


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><title>页面标题</title><style>p { color: red }</style>
<script>var skip = "脚本";</script></head>
<body>
<header>网站首页 | 关于我们</header>
<nav><a href="/">首页</a><a href="/news">新闻</a></nav>
<div class="TRS_Editor">
  <h1>强化党建引领</h1>
  <p>　　形成调研报告 91 篇&amp;清单&nbsp;60 份&#12290;</p>
  <p>第一行<br>第二行<br><br><br><br>第三行</p>
  <ul><li>甲</li><li>乙</li></ul>
  <table><tr><td>三星支部</td><td>205 个</td></tr><tr><th>四星支部</th><td>21 个</td></tr></table>
  <p>建强机关
     党的基层组织 <b>体系</b>，通过</p>
  <div hidden>隐藏的</div><span style="display: none">也隐藏</span>
  <noscript>请开启脚本</noscript><!-- 注释 -->
</div>
<footer>版权所有 2024</footer>
</body></html>
"""

PAGE_TEXT = (
    "强化党建引领\n\n"
    "\u3000\u3000形成调研报告 91 篇&清单\xa060 份。\n\n"
    "第一行\n第二行\n\n第三行\n\n"
    "甲\n乙\n\n"
    "三星支部\t205 个\n四星支部\t21 个\n\n"
    "建强机关党的基层组织 体系，通过"
)


def test_html_visible_text_with_block_lines(tmp_path):
    assert read_source(write(tmp_path, "page.html", PAGE.encode())).text == PAGE_TEXT


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<html><body><p>第一段<div>第二段 共 205 个<p>截断的<span>文", "第一段\n\n第二段 共 205 个\n\n截断的文"),
        ("<p>没有 html 标签</p><p>第二段", "没有 html 标签\n\n第二段"),
        ("<html><body><div><div><p>深<b>层</div>未闭合</table></td>", "深层\n\n未闭合"),
        ("<html><body><p>截断的属性 <a href=\"http://x", "截断的属性"),
        ("<div>a</div><div>b</div><div>c</div>", "a\nb\nc"),
        ("<p>1</p>\n\n\n<p>2</p><br><br><br><p>3</p>", "1\n\n2\n\n3"),
        ("<pre>  保留\n    空白</pre>", "  保留\n    空白"),
        ("<p>&lt;党&gt; &quot;引号&quot; &#x4e2d;&#22269; &unknown;</p>", "<党> \"引号\" 中国 &unknown;"),
    ],
)
def test_broken_html_still_gives_text(tmp_path, markup, expected):
    assert read_source(write(tmp_path, "page.htm", markup.encode())).text == expected


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>只有标题</title><script>x()</script></head><body></body></html>",
        "<!DOCTYPE html><html><body><nav>菜单</nav><footer>页脚</footer><!-- 注释 --></body></html>",
        "<html><body><img src=a.png><br><br></body></html>",
        "<html><body><p>&nbsp;&nbsp;</p><p>\u3000</p></body></html>",
    ],
)
def test_html_without_text(tmp_path, markup):
    assert reason_of(write(tmp_path, "page.html", markup.encode())) == "no text in HTML"


@pytest.mark.parametrize(
    "start",
    ["<!DOCTYPE html>", "<!doctype HTML>", "<html>", "  \n<html lang=zh>",
     '<?xml version="1.0"?>\n<!DOCTYPE html>', "<!-- saved page -->\n<html>"],
)
def test_html_detected_by_content_in_txt(tmp_path, start):
    data = f"{start}<body><p>段落一</p><script>no()</script><p>段落二</p></body></html>".encode()
    assert read_source(write(tmp_path, "page.txt", data)).text == "段落一\n\n段落二"


def test_gbk_html_page(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
            f"<body><p>{REPORT_ZH}</p></body></html>")
    assert read_source(write(tmp_path, "page.html", page.encode("gbk"))).text == REPORT_ZH


def test_html_with_crlf_and_bom(tmp_path):
    page = "\ufeff<html>\r\n<body>\r\n<p>一</p>\r\n<p>二\r\n三</p></body></html>\r\n"
    assert read_source(write(tmp_path, "page.html", page.encode())).text == "一\n\n二三"


# ---------------------------------------------------------------- paths

def test_missing_path_is_a_read_error_not_an_exception(tmp_path):
    missing = tmp_path / "nope.txt"
    [item] = list(iter_paths([missing]))
    assert isinstance(item, ReadError)
    assert item.reason == "no such file or directory"
    assert str(item) == f"{missing}: no such file or directory"
    assert reason_of(missing) == "no such file or directory"
    assert [str(e) for e in read_sources([missing])] == [f"{missing}: no such file or directory"]


def test_empty_path_string():
    [item] = list(iter_paths([""]))
    assert isinstance(item, ReadError) and item.reason == "no such file or directory"


def test_folder_walk_is_recursive_sorted_and_filtered(tmp_path):
    for name in ["b.txt", "a.md", "c.HTML", "d.htm", "e.pdf", "f.docx", "notes", ".hidden.txt",
                 "sub/z.txt", "sub/a.txt", "sub/.git/x.txt", ".cache/y.txt", "a0/x.txt", "README",
                 "scan.PNG", "sub/photo.png", "table.xlsx"]:
        write(tmp_path, name, b"x")
    *found, notice = iter_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.md", "a0/x.txt", "b.txt", "c.HTML", "d.htm", "e.pdf", "f.docx", "sub/a.txt", "sub/z.txt"]
    assert isinstance(notice, Notice) and not notice.failed
    assert str(notice) == (f"{tmp_path}: 5 files skipped: 2 .png, 2 without a suffix, 1 .xlsx "
                           "(a folder walk reads .txt .md .html .htm .docx .pdf)")


@pytest.mark.parametrize(("name", "kind"), [("old.doc", "Word 97-2003 .doc"), ("sub/wps.WPS", "WPS Office .wps")])
def test_folder_walk_names_doc_and_wps_as_unsupported(tmp_path, name, kind):
    write(tmp_path, "a.txt", "正文".encode())
    write(tmp_path, name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))
    items = list(read_sources([tmp_path]))
    assert [type(i) for i in items] == [Source, ReadError]
    assert items[1].failed
    assert str(items[1]) == (f"{tmp_path / name}: unsupported format: {kind}; "
                             "open it in Word or WPS and save it as .docx or PDF")
    [explicit] = list(read_sources([tmp_path / name]))
    assert isinstance(explicit, ReadError) and explicit.reason.startswith("unsupported format")


def test_folder_order_is_stable_whatever_the_creation_order(tmp_path):
    names = [f"{i:03d}_doc.txt" for i in range(30)]
    for name in random.Random(3).sample(names, len(names)):
        write(tmp_path, name, b"x")
    assert [p.name for p in iter_paths(tmp_path)] == names


def test_explicit_file_is_read_whatever_its_suffix(tmp_path):
    for name in ["report.TXT", "report.dat", "report", ".hidden.txt"]:
        path = write(tmp_path, name, "正文".encode())
        [item] = list(read_sources([path]))
        assert isinstance(item, Source) and item.text == "正文"


def test_paths_keep_argument_order_and_each_file_once(tmp_path):
    a = write(tmp_path, "d1/a.txt", b"a")
    b = write(tmp_path, "d2/b.txt", b"b")
    items = list(iter_paths([tmp_path / "d2", str(a), tmp_path / "d1", b]))
    assert items == [b, a]


@pytest.mark.parametrize("order", [
    ["top", "top/sub"], ["top/sub", "top"],                      # overlapping folders, either way
    ["top/sub/b.txt", "top"], ["top", "top/sub/b.txt"],          # a file named and walked
    ["top", "other"], ["other", "top"],                           # a symlink into another argument
    ["top", "./top/../top/sub"],                                  # the same folder spelled otherwise
])
def test_each_real_file_once_however_arguments_overlap(tmp_path, monkeypatch, order):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "top/a.txt", b"a")
    write(tmp_path, "top/sub/b.txt", b"b")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "0link.txt").symlink_to(tmp_path / "top" / "a.txt")
    reached = [os.path.realpath(p) for p in iter_paths(order)]
    assert len(reached) == len(set(reached))
    expected = {"a.txt", "b.txt"} if "top" in order else {"b.txt"}
    assert {os.path.basename(p) for p in reached} == expected


def test_a_file_a_walk_skips_is_still_read_when_named(tmp_path):
    write(tmp_path, "top/a.txt", b"a")
    notes = write(tmp_path, "top/notes.dat", b"n")
    hidden = write(tmp_path, "top/.draft.txt", b"h")
    items = [p for p in iter_paths([tmp_path / "top", notes, hidden]) if isinstance(p, Path)]
    assert [p.name for p in items] == ["a.txt", "notes.dat", ".draft.txt"]


def test_a_symlink_sorted_before_its_target_gives_the_file_once(tmp_path):
    write(tmp_path, "real/b.txt", b"b")
    (tmp_path / "real" / "a_link.txt").symlink_to(tmp_path / "real" / "b.txt")
    assert [os.path.realpath(p) for p in iter_paths([tmp_path / "real"])] == [os.path.realpath(tmp_path / "real" / "b.txt")]


def test_single_path_is_not_iterated_as_characters(tmp_path):
    path = write(tmp_path, "doc.txt", b"x")
    assert list(iter_paths(str(path))) == [path]
    assert [s.text for s in read_sources(path)] == ["x"]


@pytest.mark.parametrize(("names", "why"), [
    ([], ""),
    (["scan.png", "photo.PNG", "notes", ".hidden.txt", ".sub/a.txt"], " (3 files skipped: 2 .png, 1 without a suffix)"),
])
def test_folder_without_documents(tmp_path, names, why):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in names:
        write(folder, name, b"x")
    [item] = list(read_sources([folder]))
    assert isinstance(item, ReadError) and item.failed
    assert item.reason == "no .txt .md .html .htm .docx .pdf files in directory" + why
    assert item.path == str(folder)


def test_symlinked_folders_are_not_followed(tmp_path):
    write(tmp_path, "real/a.txt", b"a")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "real" / "link.txt").symlink_to(tmp_path / "real" / "a.txt")
    assert [p.name for p in iter_paths([tmp_path / "real"])] == ["a.txt"]   # link.txt is the same file


def test_read_source_on_a_directory_or_fifo(tmp_path):
    assert reason_of(tmp_path) == "is a directory"
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        assert reason_of(fifo) == "not a regular file"


def test_permission_error_is_reported(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", b"x")
    real_open = Path.open

    def denied(self, *args, **kwargs):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    [item] = list(read_sources([path]))
    assert isinstance(item, ReadError)
    assert str(item) == f"{path}: permission denied"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_real_unreadable_file_and_folder(tmp_path):
    path = write(tmp_path, "docs/secret.txt", b"x")
    locked = write(tmp_path, "docs/locked/a.txt", b"x").parent
    path.chmod(0)
    locked.chmod(0)
    try:
        items = list(read_sources([tmp_path / "docs"]))
    finally:
        path.chmod(0o644)
        locked.chmod(0o755)
    assert [str(i) for i in items] == [f"{locked}: permission denied", f"{path}: permission denied"]


def test_unreadable_subfolder_does_not_stop_the_walk(tmp_path, monkeypatch):
    write(tmp_path, "a/x.txt", b"x")
    write(tmp_path, "b/y.txt", b"y")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "a":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(reader_paths.os, "scandir", scandir)
    items = list(read_sources([tmp_path]))
    assert isinstance(items[0], ReadError) and items[0].reason == "permission denied"
    assert isinstance(items[1], Source) and items[1].text == "y"


def test_read_sources_goes_on_after_bad_files(tmp_path):
    write(tmp_path, "docs/1_good.txt", "第一".encode("gbk"))
    write(tmp_path, "docs/2_binary.txt", b"%PDF-1.4 ...")
    write(tmp_path, "docs/3_empty.md", b"")
    write(tmp_path, "docs/4_good.html", "<p>第四</p>".encode())
    items = list(read_sources([tmp_path / "docs", tmp_path / "missing", tmp_path / "empty_dir"]))
    kinds = [(type(i).__name__, getattr(i, "doc_id", None) or i.reason) for i in items]
    assert kinds == [
        ("Source", "1_good"),
        ("ReadError", "cannot read PDF (PDFSyntaxError): damaged or not a PDF"),
        ("ReadError", "empty file"),
        ("Source", "4_good"),
        ("ReadError", "no such file or directory"),
        ("ReadError", "no such file or directory"),
    ]


def test_source_fields(tmp_path):
    path = write(tmp_path, "001_132740b646042620.txt", "正文".encode())
    source = read_source(path)
    assert source == Source(doc_id="001_132740b646042620", path=str(path), text="正文", encoding="utf-8")
    assert source.format == "text" and source.simplified is None and source.analysis_text == "正文"
    with pytest.raises(AttributeError):
        source.text = "x"   # frozen


def test_read_error_is_one_line_and_picklable():
    err = ReadError("dir/a\nb.txt", "permission denied\nreally")
    assert "\n" not in str(err)
    assert str(ReadError("a.txt", "empty file")) == "a.txt: empty file"
    copy = pickle.loads(pickle.dumps(ReadError(Path("a.txt"), "empty file")))
    assert (copy.path, copy.reason, str(copy)) == ("a.txt", "empty file", "a.txt: empty file")


def test_suffixes_constant():
    assert SUFFIXES == (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


def test_seed_reports_keep_gold_quotes():
    """The shipped seeds read as themselves, and every gold quote is in the text."""
    sources = [s for s in read_sources([SEEDS]) if isinstance(s, Source)]
    assert [s.doc_id for s in sources] == sorted(p.stem for p in GOLD.glob("*.jsonl"))
    for source in sources:
        assert source.text == Path(source.path).read_text(encoding="utf-8")
        for line in (GOLD / f"{source.doc_id}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                assert json.loads(line)["quote"] in source.text


# ---------------------------------------------------------------- properties

PREFIXES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<html><body>", b"<!DOCTYPE html>",
            b"%PDF-", b"PK\x03\x04", "党员".encode("gbk"), "黨員".encode("big5")]
SUFFIX_NAMES = ["doc.txt", "doc.html", "doc.md"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=600), name=st.sampled_from(SUFFIX_NAMES))
def test_any_bytes_give_a_source_or_a_read_error(tmp_path, prefix, body, name):
    path = write(tmp_path, name, prefix + body)
    try:
        source = read_source(path)
    except ReadError as err:
        assert err.reason and "\n" not in str(err)
        return
    assert isinstance(source, Source)
    assert "\r" not in source.text and source.text.strip()


# Text a UTF-8 file can hold: no surrogates, no control characters but tab and newlines.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n\r"), min_size=1)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_round_trip(tmp_path, text, encoding):
    """Any text a file can hold reads back as itself, newlines aside (utf-8-sig, utf-16/32 carry a BOM)."""
    assume(text.strip() and not text.startswith("\ufeff") and not text.lstrip().startswith("<"))
    path = write(tmp_path, "doc.txt", text.encode(encoding))
    assert read_source(path).text == text.replace("\r\n", "\n").replace("\r", "\n")


HANZI_LEVEL1 = sorted(reader_text.common_hanzi() & {bytes((a, b)).decode("gb2312")
                                                for a in range(0xB0, 0xD8) for b in range(0xA1, 0xFE)
                                                if (a, b) <= (0xD7, 0xF9)})
GBK_TEXT = st.text(st.sampled_from(HANZI_LEVEL1 + list("，。、“”：；（）《》％ 0123456789abcXYZ\n")), min_size=1)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=GBK_TEXT)
@example(text="乐借俯也僻")  # one bad byte and four odd characters as UTF-8: read as lenient UTF-8 once
def test_gbk_round_trip(tmp_path, text):
    """Any common simplified text in GBK reads back, unless its bytes happen to be valid UTF-8."""
    data = text.encode("gbk")
    assume(text.strip())
    try:
        data.decode("utf-8")
        assume(False)   # UTF-8 wins for bytes valid in both (only ever a few characters long)
    except UnicodeDecodeError:
        pass
    assert read_source(write(tmp_path, "doc.txt", data)).text == text


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\0"), min_size=1), max_size=20))
def test_a_folder_s_names_held_as_one_string_come_back_as_they_were(names):
    from pbmine.readers.paths import _joined, _split
    assert list(_split(_joined(sorted(names)))) == sorted(names)
