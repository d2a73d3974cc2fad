"""Split a document into lines, headings and sentences, keeping offsets.

Reports put a region or a department alone on a line (``市南区``,
``海棠区委组织部:``) to open a section; everything after it, up to the next
such heading, is about that place. Sentences end at 。！？； and at line ends.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』)）]*|……")
MAX_HEADING = 30  # characters of a line that can still be a heading


@dataclass
class Line:
    """A line of the document (a paragraph, a title or a heading)."""

    index: int
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip(" \t\u3000\u00a0")

    @property
    def looks_like_heading(self) -> bool:
        """Short, with no sentence punctuation at its end: a title or a section heading."""
        s = self.stripped
        if not s or len(s) > MAX_HEADING:
            return False
        if s[-1] in "：:":
            return True
        return s[-1] not in "。！？!?；;，,、…" and "。" not in s


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    line: int


@dataclass
class Document:
    """A decoded document with its lines and sentences (offsets into `text`)."""

    doc_id: str
    text: str
    path: str | None = None
    lines: list[Line] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


WRAP_ENDS = "。！？!?；;：:”’」』)）…"  # a line ending so ends its paragraph, wrapped or not
MIN_WRAP = 20  # characters of the shortest line a text is wrapped at
TABLE_MARKS = ("|", "\t", "  ")  # between the cells of a table row
# A page that sets each figure on a line of its own (增长\n3.5%\n左右): a line of a number alone
# runs on into the next, and the line before it into it.
NUMBER_LINE = re.compile(r"[-+]?[0-9０-９][0-9０-９.,]*[%‰]?")


def split_lines(text: str) -> list[Line]:
    """The paragraphs of the text. In a text hard-wrapped at a width (a PDF's or a forum's lines of
    one length cut mid-sentence), a line of that width with no end punctuation runs on into the next:
    they are one paragraph (its text keeps the line breaks, so offsets stay the document's). So does
    a line before or of a figure set alone on its line."""
    raws = text.split("\n")
    width = _wrap_width(raws)
    lines, pos, start, joined = [], 0, 0, []
    for k, raw in enumerate(raws):
        joined.append(raw)
        pos += len(raw) + 1
        body = raw.rstrip()
        nxt = raws[k + 1].strip() if k + 1 < len(raws) else ""
        runs_on = bool(nxt) and _wraps(body) and (
            width is not None and width - 3 <= _width(body) <= width + 1
            or NUMBER_LINE.fullmatch(nxt) is not None or NUMBER_LINE.fullmatch(body.strip()) is not None)
        if not runs_on:
            chunk = "\n".join(joined)
            lines.append(Line(len(lines), start, start + len(chunk), chunk))
            start, joined = pos, []
    return lines


def _wraps(line: str) -> bool:
    """A line that may run on: no end punctuation, and no table row (cells parted by | or tabs)."""
    return line[-1:] not in WRAP_ENDS and not any(mark in line for mark in TABLE_MARKS)


def _width(line: str) -> int:
    """Display width: a Chinese character or full-width mark takes two columns, a digit or letter one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _wrap_width(raws: list[str]) -> int | None:
    """The width the text is hard-wrapped at: a display width that three or more lines without end
    punctuation share (within a column), or None."""
    lengths = [_width(r.rstrip()) for r in raws if len(r.rstrip()) >= MIN_WRAP and _wraps(r.rstrip())]
    if len(lengths) < 3:
        return None
    best = max(set(lengths), key=lambda n: sum(abs(m - n) <= 1 for m in lengths))
    return best if sum(abs(m - best) <= 1 for m in lengths) >= 3 else None


def split_sentences(line: Line, first_index: int = 0) -> list[Sentence]:
    """Sentences of one line, whitespace at their edges left out of the span."""
    out, pos = [], 0
    text = line.text
    cuts = [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    for cut in cuts:
        chunk = text[pos:cut]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            s = line.start + pos + lead
            out.append(Sentence(first_index + len(out), s, s + len(body), body, line.index))
        pos = cut
    return out


def split_document(doc_id: str, text: str, path: str | None = None) -> Document:
    """The document with its lines and sentences."""
    doc = Document(doc_id, text, path, split_lines(text))
    for line in doc.lines:
        doc.sentences.extend(split_sentences(line, len(doc.sentences)))
    return doc
