"""Word .docx: the body's paragraphs and table cells in document order.

Paragraphs are separated by a blank line, like the paragraphs of the .txt
reports; a table row is one line with its cells split by tabs (as the HTML
reader does), a cell's own paragraphs joined by a space. Headers, footers and
comments are page furniture and are left out.
"""
from __future__ import annotations

import io
import zipfile

from .base import Reject, size_text

_BODY = "word/document.xml"
_XML_PER_BYTE = 8   # the body's XML may be this many times --max-size before it is refused (zip bombs)


def read_docx(data: bytes, max_bytes: int) -> str:
    """The text of a .docx file; Reject with a one-line reason when it has none or is broken."""
    _check_container(data, max_bytes)
    try:
        import docx   # python-docx; imported here so that text-only runs do not pay for lxml
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
    except Reject:
        raise
    except Exception as err:   # python-docx and lxml raise many kinds for a broken file
        raise Reject(f"cannot read .docx: {type(err).__name__}: {err}") from None
    text = "\n\n".join(block for block in blocks if block.strip())
    if not text.strip():
        raise Reject("no text in .docx")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_container(data: bytes, max_bytes: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(_BODY)
    except KeyError:
        raise Reject("not a .docx: no word/document.xml inside (a renamed ZIP?)") from None
    except (zipfile.BadZipFile, OSError, ValueError):
        raise Reject("not a .docx: not a ZIP container (a renamed or damaged file?)") from None
    if info.file_size > _XML_PER_BYTE * max_bytes:
        raise Reject(f"too large: its text unpacks to {size_text(info.file_size)}, "
                     f"over {_XML_PER_BYTE}× the limit of {size_text(max_bytes)} (see --max-size)")


def _blocks(container):
    """Paragraph texts and table rows of a document or a table cell, in order."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            yield "\n".join(_table_rows(item))
        else:
            yield item.text


def _table_rows(table):
    for row in table.rows:
        cells = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:   # a merged cell repeats
                continue
            previous = cell._tc
            cells.append(" ".join(" ".join(part.split()) for part in _blocks(cell) if part.strip()))
        line = "\t".join(cells).strip()
        if line:
            yield line
