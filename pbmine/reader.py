"""Reader stage: turn the user's paths into decoded document texts.

Every later stage keeps offsets into `Source.text`, so the reader changes as
little as it can: it strips a byte-order mark and turns \\r\\n and \\r into \\n,
nothing else (HTML is the exception: its text is what the page shows).
Bad input never raises past `read_sources`; it becomes a one-line ReadError.
"""
from __future__ import annotations

import io
import os
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

# charset-normalizer is the detector `requests` depends on: actively maintained,
# MIT-licensed, pure Python with optional speedups. It is only the fallback here.
from charset_normalizer import from_bytes
# selectolax binds lexbor, a fast HTML5 parser that repairs broken markup the way browsers do.
from selectolax.lexbor import LexborHTMLParser

__all__ = ["SUFFIXES", "MAX_BYTES", "ReadError", "Source", "iter_paths", "read_source", "read_sources"]

SUFFIXES = (".txt", ".md", ".html", ".htm")   # what a folder walk picks up
HTML_SUFFIXES = (".html", ".htm")
MAX_BYTES = 50 * 1024 * 1024                   # reports are small; anything bigger is a mistake

CANNOT_DECODE = "cannot decode: not UTF-8, GB18030 or another known encoding"
NO_DOCUMENTS = "no .txt/.md/.html files in directory"


class ReadError(Exception):
    """A document that could not be read; str() is one line: '<path>: <reason>'."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = os.fsdecode(path)
        self.reason = reason
        super().__init__(self.path, self.reason)   # keeps it picklable

    def __str__(self) -> str:
        return _one_line(f"{self.path}: {self.reason}")


@dataclass(frozen=True)
class Source:
    """One decoded document."""

    doc_id: str     # file name without its extension (e.g. '001_132740b646042620')
    path: str       # as given / found
    text: str       # decoded text the offsets of all later stages refer to


class _Reject(Exception):
    """Internal: the reason a file is refused; read_source adds the path."""


# ---------------------------------------------------------------- paths

def iter_paths(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> Iterator[Path | ReadError]:
    """Expand files and folders in order; problems are yielded as ReadError, never raised.

    Folders are walked recursively in sorted order, keeping SUFFIXES only and skipping
    hidden names and symlinked folders (no loops). A file given explicitly is read
    whatever its suffix. A file reached twice is yielded once.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):   # one path, not an iterable of characters
        paths = [paths]
    seen: set[str] = set()
    for raw in paths:
        name = os.fsdecode(raw)
        if not name:
            yield ReadError(name, "no such file or directory")
            continue
        path = Path(name)
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except OSError as err:
            yield ReadError(name, _os_reason(err))
            continue
        except ValueError:   # e.g. a NUL character in the name
            yield ReadError(name, "invalid path")
            continue
        if not is_dir:
            if _first_visit(path, seen):
                yield path
            continue
        found = False
        for item in _walk(path):
            if isinstance(item, ReadError):
                yield item
                continue
            found = True
            if _first_visit(item, seen):
                yield item
        if not found:
            yield ReadError(name, NO_DOCUMENTS)


def _walk(folder: Path) -> Iterator[Path | ReadError]:
    """Depth-first walk, entries sorted by name, so the order is the same on every machine."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        yield ReadError(str(folder), _os_reason(err))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
                continue
            is_file = entry.is_file()   # follows a symlinked file
        except OSError as err:
            yield ReadError(str(path), _os_reason(err))
            continue
        if is_file and entry.name.lower().endswith(SUFFIXES):
            yield path


def _first_visit(path: Path, seen: set[str]) -> bool:
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    return (err.strerror or str(err) or type(err).__name__).lower()


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


# ---------------------------------------------------------------- reading

def read_source(path: str | os.PathLike) -> Source:
    """Read one file or raise ReadError with a clear reason."""
    name = os.fsdecode(path)
    p = Path(name)
    try:
        text = _decode(_read_bytes(p))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise _Reject("empty file")
        if p.suffix.lower() in HTML_SUFFIXES or _looks_like_html(text):
            text = _html_text(text)
            if not text.strip():
                raise _Reject("no text in HTML")
    except _Reject as reject:
        raise ReadError(name, str(reject)) from None
    return Source(doc_id=p.stem, path=name, text=text)


def _read_bytes(p: Path) -> bytes:
    """The whole file, after checking it is a regular file of a sane size."""
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _Reject("is a directory")
        if not stat.S_ISREG(info.st_mode):   # a FIFO or device would block or never end
            raise _Reject("not a regular file")
        if info.st_size > MAX_BYTES:
            raise _Reject(_too_large(info.st_size))
        with p.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)   # the file may have grown since stat
    except OSError as err:
        raise _Reject(_os_reason(err)) from None
    except ValueError:   # e.g. a NUL character in the name
        raise _Reject("invalid path") from None
    if len(data) > MAX_BYTES:
        raise _Reject(_too_large(len(data)))
    return data


def read_sources(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> Iterator[Source | ReadError]:
    """iter_paths + read_source, never raising for one bad file, so the caller reports it and goes on."""
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            yield read_source(item)
        except ReadError as err:
            yield err


def _too_large(size: int) -> str:
    return f"too large ({size / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB)"


# ---------------------------------------------------------------- decoding

_UTF8_BOM = b"\xef\xbb\xbf"
_BOMS = (   # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Multi-byte Chinese codecs tried (and scored) before the detector; ties go to the earlier one.
# gb18030 is a superset of GBK and GB2312; cp950 and big5hkscs extend Big5.
_CHINESE_CODECS = ("gb18030", "cp950", "big5hkscs")
_PLAUSIBLE = 0.8        # share of common hanzi among the significant characters
_MAX_CONTROL = 0.05     # share of control bytes (or characters) above which a file is binary
_MAX_BAD_CHARS = 0.01   # share of control/unassigned/private-use characters a detector result may have
_SAMPLE = 200_000       # characters or bytes looked at by the heuristics


def _decode(data: bytes) -> str:
    """Bytes to text: BOM, then strict UTF-8, then scored Chinese codecs, then the detector."""
    if data.startswith(_UTF8_BOM):   # a BOM says UTF-8: no guessing after it
        data = data[len(_UTF8_BOM):]
        if not data:
            raise _Reject("empty file")
        _check_not_binary(data)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise _Reject(CANNOT_DECODE + _utf8_hint(data, err)) from None
    if not data:
        raise _Reject("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise _Reject(CANNOT_DECODE) from None
            if not text.strip():
                raise _Reject("empty file")
            if "\x00" in text or _control_share(text) > _MAX_CONTROL:   # as for bytes below
                raise _Reject(_binary_reason(None))
            return text
    _check_not_binary(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    text = _decode_chinese(data)
    if text is None:
        text = _decode_detected(data)
    if text is None:
        raise _Reject(CANNOT_DECODE + _utf8_hint(data, utf8_error))
    return text


def _utf8_hint(data: bytes, err: UnicodeDecodeError) -> str:
    """Point at the bad byte when the file is UTF-8 but for a few bytes (a cut or corrupted file)."""
    replaced = data.decode("utf-8", errors="replace").count("\ufffd")
    if replaced > max(3, len(data) // 1000):
        return ""
    return f" (invalid UTF-8 at byte {err.start})"


def _decode_chinese(data: bytes) -> str | None:
    """Try GB18030 and Big5 before the detector: it misreads short Chinese texts (e.g. as cp949)."""
    best: tuple[float, str] | None = None
    unscored: str | None = None   # decodes that gave no hanzi at all (only ASCII and punctuation)
    for codec in _CHINESE_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if score is None:
            unscored = unscored if unscored is not None else text
        elif best is None or score > best[0]:
            best = (score, text)
    if best is not None and best[0] >= _PLAUSIBLE:
        return best[1]
    return unscored


def _decode_detected(data: bytes) -> str | None:
    """Ask charset-normalizer; accept its answer only if it is clean text."""
    try:
        match = from_bytes(data).best()
    except Exception:   # a third-party heuristic must not turn one odd file into a crash
        return None
    if match is None:
        return None
    text = str(match)
    if "\x00" in text or "\ufffd" in text or _bad_share(text) > _MAX_BAD_CHARS:
        return None
    return text


def _plausibility(text: str) -> float | None:
    """Share of common hanzi among significant characters; None when there are none.

    Right GB/Big5 decodes of Chinese score near 1; decoding with the wrong one gives
    rare hanzi, kana, Greek, box drawing and private-use characters and scores low.
    """
    common = _common_hanzi()
    good = bad = 0
    for char in text[:_SAMPLE]:
        if char < "\x80" or char.isspace() or _is_neutral(char):
            continue
        if char in common:
            good += 1
        else:
            bad += 1
    return None if good + bad == 0 else good / (good + bad)


def _is_neutral(char: str) -> bool:
    """Punctuation and symbols Chinese reports use (“”、①、√、％); they say nothing about the codec."""
    code = ord(char)
    return (
        0xA1 <= code <= 0xBF or code in (0xD7, 0xF7)
        or 0x2000 <= code <= 0x24FF or 0x25A0 <= code <= 0x2BFF   # not box drawing: mojibake has it
        or 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF65
    )


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """GB2312 level-1 (3755 common simplified) plus Big5 frequent (5401 common traditional) hanzi."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            if lead == 0xC6 and trail > 0x7E:
                break
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def _bad_share(text: str) -> float:
    sample = text[:_SAMPLE]
    bad = sum(1 for char in sample if _is_bad_char(char))
    return bad / max(len(sample), 1)


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE]
    controls = sum(1 for char in sample if char in _CONTROL_CHARS)
    return controls / max(len(sample), 1)


def _is_bad_char(char: str) -> bool:
    if char in "\t\n\r\f\v":
        return False
    return char == "\ufffd" or unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs")


# ---------------------------------------------------------------- binary files

_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "DOC/XLS (OLE2)"),
    (b"\x1f\x8b", "GZIP"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7Z"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite"),
)
# Control bytes other than \t \n \v \f \r and ESC; a text file has (almost) none.
_CONTROL_BYTES = bytes((*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F))
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CONTROL_CHARS = frozenset(_CONTROL_BYTES.decode("ascii"))


def _check_not_binary(data: bytes) -> None:
    kind = _magic_kind(data)
    if kind is not None or b"\x00" in data:
        raise _Reject(_binary_reason(kind))
    sample = data[:_SAMPLE]
    controls = len(sample.translate(None, _NOT_CONTROL))
    if controls > _MAX_CONTROL * len(sample):
        raise _Reject(_binary_reason(None))


def _binary_reason(kind: str | None) -> str:
    looks = f" (looks like {kind})" if kind else ""
    return f"binary file{looks}: not a text document (only .txt/.md/.html text is read)"


def _magic_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return _zip_kind(data) if kind == "ZIP" else kind
    if data[4:8] == b"ftyp":
        return "MP4/MOV"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return data[8:12].decode().strip()
    return None


def _zip_kind(data: bytes) -> str:
    """Name the office format inside a ZIP container (DOCX, XLSX, ODT, EPUB...)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except Exception:   # truncated or odd archive: still a ZIP
        return "ZIP"
    for prefix, kind in (("word/", "DOCX"), ("xl/", "XLSX"), ("ppt/", "PPTX")):
        if any(n.startswith(prefix) for n in names):
            return kind
    for marker, kind in ((b"opendocument.text", "ODT"), (b"opendocument.spreadsheet", "ODS"),
                         (b"epub", "EPUB")):
        if marker in mimetype:
            return kind
    return "ZIP"


# ---------------------------------------------------------------- HTML

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


def _looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:65536]) is not None


def _html_text(markup: str) -> str:
    """The visible text of an HTML page, one line per block, entities decoded."""
    try:
        tree = LexborHTMLParser(markup)
        root = tree.body if tree.body is not None else tree.root
    except Exception as err:   # lexbor repairs nearly anything; a failure is one bad file, not a crash
        raise _Reject(f"cannot parse HTML ({type(err).__name__})") from None
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
