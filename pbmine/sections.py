"""Split a document into lines, headings and sentences, keeping offsets.

Reports put a region or a department alone on a line (``市南区``,
``海棠区委组织部:``) to open a section; everything after it, up to the next
such heading, is about that place. Sentences end at 。！？； and at line ends.
"""
from __future__ import annotations

import re
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


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        lines.append(Line(i, pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


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
