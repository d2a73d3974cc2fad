"""Reproduces the pypdf / pdfminer.six table of the README's *Input* section.

    pip install pypdf reportlab            # pdfminer.six comes with pbmine
    apt-get install fonts-wqy-microhei     # for the embedded-font PDFs (skipped without it)
    python examples/compare_pdf_readers.py

Makes PDFs from the four seed reports (1 and 2 columns; Adobe's CID font STSong-Light,
and WenQuanYi Micro Hei embedded), then counts per reader the characters lost and the
characters out of order (not in the longest matching blocks) against the seed, ignoring
whitespace. pbmine's own reader is the last column.
"""
from __future__ import annotations

import collections
import difflib
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from test_readers_formats import make_pdf  # noqa: E402

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def with_font(path: Path, paragraphs, columns: int) -> Path:
    """make_pdf with an embedded TrueType font instead of the CID one."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
    from xml.sax.saxutils import escape
    pdfmetrics.registerFont(TTFont("wqy", str(WQY), subfontIndex=0))
    style = ParagraphStyle("zh", fontName="wqy", fontSize=11, leading=16, wordWrap="CJK", spaceAfter=6)
    doc = BaseDocTemplate(str(path), pagesize=A4)
    width = (doc.width - 20) / columns
    doc.addPageTemplates([PageTemplate(frames=[Frame(doc.leftMargin + i * (width + 20), doc.bottomMargin,
                                                     width, doc.height) for i in range(columns)])])
    doc.build([Paragraph(escape(p), style) for p in paragraphs])
    return path


def readers():
    from pdfminer.high_level import extract_text
    from pypdf import PdfReader
    from pbmine.readers import read_source
    return {
        "pypdf": lambda p: "".join(page.extract_text() or "" for page in PdfReader(p).pages),
        "pdfminer.six": lambda p: extract_text(p),
        "pbmine": lambda p: read_source(p).text,
    }


def main() -> None:
    fonts = ["cid"] + (["embedded"] if WQY.exists() else [])
    if not WQY.exists():
        print(f"{WQY} missing: embedded-font PDFs skipped")
    table = collections.defaultdict(lambda: [0, 0])
    with tempfile.TemporaryDirectory() as tmp:
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
            want = re.sub(r"\s", "", text)
            for font in fonts:
                for columns in (1, 2):
                    path = Path(tmp) / f"{seed.stem}.{font}.{columns}.pdf"
                    if font == "cid":
                        make_pdf(path, paragraphs, columns=columns)
                    else:
                        with_font(path, paragraphs, columns)
                    for name, read in readers().items():
                        got = re.sub(r"\s", "", read(str(path)))
                        lost = sum((collections.Counter(want) - collections.Counter(got)).values())
                        matched = sum(b.size for b in difflib.SequenceMatcher(None, got, want, autojunk=False)
                                      .get_matching_blocks())
                        row = table[(font, columns, name)]
                        row[0] += lost
                        row[1] += len(want) - matched - lost
    print("font      columns  reader        lost  out_of_order")
    for (font, columns, name), (lost, moved) in sorted(table.items()):
        print(f"{font:9} {columns:7}  {name:12} {lost:5} {moved:13}")


if __name__ == "__main__":
    main()
