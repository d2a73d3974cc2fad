"""PDF with a text layer, through pdfminer.six's layout analysis.

pdfminer.six rather than pypdf: both decode the Chinese of embedded and of
non-embedded (Adobe CID) fonts alike, but pypdf returns text in the order the
content stream draws it, and pdfminer in the order of the page (see the README).
Its text boxes and line coordinates also let the reader undo the line wrapping:
Chinese sentences wrap mid-word, and later stages end a sentence at a line end.
A line that reaches the right edge of its column continues on the next line
(without a space between Chinese characters); paragraphs are separated by a
blank line, and page numbers alone on a line are dropped.
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

from .base import Reject

NO_TEXT = ("no text layer (a scanned PDF?): pbmine reads the text of a PDF, not its images; "
           "run OCR first, e.g. ocrmypdf -l chi_sim")
_PAGE_NUMBER = re.compile(r"[\s\-—–－·]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*共?\s*\d{1,4}\s*页?)?[\s\-—–－·]*")
_UNMAPPED = re.compile(r"\(cid:\d+\)")
_SENTENCE_END = tuple("。！？!?；;：:")
_MAX_UNMAPPED = 0.2   # share of glyphs without a Unicode value above which the text is useless


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    width: float          # of one character, on average
    left: float           # edges of the column the line is in
    right: float
    first_in_box: bool    # pdfminer starts a text box here (a paragraph, or a column's top)


def read_pdf(data: bytes) -> tuple[str, list[str]]:
    """(text, notices) of a PDF; Reject when it has no usable text."""
    text = _paragraphs(_lines(data))
    glyphs = len(text) - text.count("\n") - text.count(" ")
    unmapped = len(_UNMAPPED.findall(text))
    if not text.strip():
        raise Reject(NO_TEXT)
    notices = []
    if unmapped:
        if unmapped > _MAX_UNMAPPED * max(glyphs, 1):
            raise Reject(f"cannot decode the PDF's text: {unmapped} glyphs have no Unicode value "
                         "(fonts without a ToUnicode map); run OCR on it")
        text = _UNMAPPED.sub("\ufffd", text)
        notices.append(f"{unmapped} PDF glyphs without a Unicode value replaced with U+FFFD")
    return text, notices


def _lines(data: bytes) -> list[_Line]:
    """Every text line of every page in reading order, with its column's edges."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)   # it warns about every odd object
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    lines: list[_Line] = []
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            lines.extend(_page_lines(page))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise Reject("encrypted PDF: it needs a password; save an unprotected copy") from None
    except Exception as err:   # pdfminer raises many kinds for a damaged file
        if lines:   # a damaged tail: keep the pages read
            return lines
        raise Reject(f"cannot read PDF ({type(err).__name__}): damaged or not a PDF") from None
    return lines


def _page_lines(page):
    from pdfminer.layout import LTTextBox, LTTextLine

    boxes = [item for item in page if isinstance(item, LTTextBox)]
    for column in _columns(boxes):
        right = max(box.x1 for box in column)
        left = min(box.x0 for box in column)
        for box in column:
            lines = [item for item in box if isinstance(item, LTTextLine)]
            texts = [item.get_text().replace("\n", "") for item in lines]
            kept = [(item, text) for item, text in zip(lines, texts) if text.strip()]
            if len(kept) == 1 and _PAGE_NUMBER.fullmatch(kept[0][1]):
                continue
            for index, (item, text) in enumerate(kept):
                yield _Line(text, item.x0, item.x1, item.width / max(len(text), 1), left, right, index == 0)


def _paragraphs(lines: list[_Line]) -> str:
    paragraphs: list[str] = []
    current: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if previous is not None and not _continues(previous, line):
            paragraphs.append("".join(current))
            current = []
        if current and _needs_space(current[-1], line.text):
            current.append(" ")
        current.append(line.text.strip(" ") if current else line.text.rstrip(" "))
        previous = line
    if current:
        paragraphs.append("".join(current))
    return "\n\n".join(p for p in paragraphs if p.strip())


def _continues(previous: _Line, line: _Line) -> bool:
    """Does `line` go on with the paragraph of `previous`? Yes when previous fills its column."""
    if previous.x1 < previous.right - 2 * previous.width:
        return False    # a short line ends its paragraph
    if line.x0 > line.left + 1.5 * line.width:
        return False    # an indented first line starts one
    if line.first_in_box and previous.text.rstrip().endswith(_SENTENCE_END):
        return False    # a new text box after a finished sentence: a new paragraph
    return True


def _needs_space(before: str, after: str) -> bool:
    """Latin words wrapped at a line end need their space back; Chinese characters do not."""
    a, b = before[-1:], after.lstrip(" ")[:1]
    return bool(a and b) and a.isascii() and b.isascii() and a.isalnum() and b.isalnum()


def _columns(boxes: list) -> list[list]:
    """Boxes in reading order, grouped by column.

    Boxes whose horizontal extents overlap belong to one column. When the page splits
    into columns that no box spans, they are read left to right, each top to bottom;
    otherwise (one column, or a title across columns) pdfminer's order is kept.
    """
    if not boxes:
        return []
    groups: list[list] = []
    for box in sorted(boxes, key=lambda b: b.x0):
        if groups and box.x0 < max(b.x1 for b in groups[-1]) - 1:
            groups[-1].append(box)
        else:
            groups.append([box])
    if len(groups) == 1:
        return [boxes]
    order = {id(box): i for i, box in enumerate(boxes)}
    return [sorted(group, key=lambda b: (-round(b.y1), order[id(b)])) for group in groups]
