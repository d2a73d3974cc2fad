"""HTML: the text a browser shows, one line per block (tables: cells split by tabs).

Decoding is that of plain text (a page saved as GBK reads as GBK); the text then
comes from lexbor's repaired tree, so the offsets of later stages refer to what
the page shows, not to its markup.
"""
from __future__ import annotations

import re

# selectolax binds lexbor, a fast HTML5 parser that repairs broken markup the way browsers do.
from selectolax.lexbor import LexborHTMLParser

from .base import Reject
from .text import Decoded, decode, normalise_newlines


def read_html(data: bytes, encoding: str | None = None) -> Decoded:
    """The visible text of an HTML file; Reject when it is empty or has no text."""
    decoded = decode(data, encoding)
    markup = normalise_newlines(decoded.text)
    if not markup.strip():
        raise Reject("empty file")
    text = html_text(markup)
    if not text.strip():
        raise Reject("no text in HTML")
    return Decoded(text, decoded.encoding, decoded.notice)


def looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:65536]) is not None


_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html(?:[\s>/]|$))",
    re.IGNORECASE | re.DOTALL,
)

# Not shown on the page, or page chrome rather than the report.
_DROP = frozenset({
    "script", "style", "nav", "header", "footer", "noscript", "template", "head", "title",
    "iframe", "object", "embed", "svg", "math", "canvas", "audio", "video", "select",
})
# Paragraph-level blocks get a blank line around them, like paragraphs in the .txt reports.
_PARAGRAPHS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl",
    "hr", "figure",
})
# Line-level blocks start and end a line.
_LINES = frozenset({
    "div", "li", "tr", "dt", "dd", "section", "article", "main", "aside", "address", "caption",
    "figcaption", "form", "fieldset", "legend", "details", "summary", "center", "dialog", "menu",
    "thead", "tbody", "tfoot", "body", "html", "option",
})
_CELLS = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# A source line break between two Chinese characters is not a space (CSS Text segment-break rule).
_CJK_LINE_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\n\r\f]*(?=[{_CJK}])")


def html_text(markup: str) -> str:
    """The visible text of an HTML page, one line per block, entities decoded."""
    try:
        tree = LexborHTMLParser(markup)
        root = tree.body if tree.body is not None else tree.root
    except Exception as err:   # lexbor repairs nearly anything; a failure is one bad file, not a crash
        raise Reject(f"cannot parse HTML ({type(err).__name__})") from None
    if root is None:
        return ""
    out = _TextBuilder()
    stack: list[tuple[object, bool]] = [(root, False)]
    pre = 0
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            out.leave(tag)
            if tag == "pre":
                pre -= 1
            continue
        if tag == "-text":
            out.text(node.text_content or "", preformatted=pre > 0)
            continue
        if not tag or tag[0] in "-_!" or tag in _DROP or _is_hidden(node):   # comments, doctype
            continue
        out.enter(tag)
        if tag == "pre":
            pre += 1
        stack.append((node, True))
        children = list(node.iter(include_text=True))
        stack.extend((child, False) for child in reversed(children))
    return out.result()


def _is_hidden(node) -> bool:
    attrs = node.attributes
    return "hidden" in attrs or bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))


class _TextBuilder:
    """Collects text runs and the line breaks and spaces the HTML layout puts between them."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.newlines = 0     # line breaks owed before the next text
        self.space = False    # collapsed whitespace owed before the next text
        self.cell = False     # a table cell ended on this line

    def enter(self, tag: str) -> None:
        if tag == "br":
            self.newlines += 1
        elif tag in _PARAGRAPHS:
            self.newlines = max(self.newlines, 2)
        elif tag in _LINES:
            self.newlines = max(self.newlines, 1)

    def leave(self, tag: str) -> None:
        if tag in _PARAGRAPHS:
            self.newlines = max(self.newlines, 2)
        elif tag in _LINES:
            self.newlines = max(self.newlines, 1)
        elif tag in _CELLS:
            self.cell = True

    def text(self, raw: str, preformatted: bool) -> None:
        if preformatted:
            for i, line in enumerate(raw.replace("\r\n", "\n").split("\n")):
                if i:
                    self.newlines += 1
                if line:
                    self._emit(line)
            return
        collapsed = _HTML_SPACE.sub(" ", _CJK_LINE_BREAK.sub("", raw))
        core = collapsed.strip(" ")
        if collapsed.startswith(" "):
            self.space = True
        if core:
            self._emit(core)
            self.space = collapsed.endswith(" ")

    def _emit(self, run: str) -> None:
        if self.parts:
            if self.newlines:
                self.parts.append("\n" * min(self.newlines, 2))
            elif self.cell:
                self.parts.append("\t")
            elif self.space:
                self.parts.append(" ")
        self.parts.append(run)
        self.newlines = 0
        self.space = self.cell = False

    def result(self) -> str:
        lines = [line.rstrip() for line in "".join(self.parts).split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
