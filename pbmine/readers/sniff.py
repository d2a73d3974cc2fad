"""What a file is, from its first bytes: the formats pbmine reads and the binary ones it names."""
from __future__ import annotations

import io
import zipfile

from .base import Reject

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
CONTROL_BYTES = bytes((*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F))
_NOT_CONTROL = bytes(b for b in range(256) if b not in CONTROL_BYTES)
MAX_CONTROL = 0.05     # share of control bytes (or characters) above which a file is binary
SAMPLE = 200_000       # bytes looked at

UNSUPPORTED_HINT = "open it in Word or WPS and save it as .docx or PDF"


def magic_kind(data: bytes) -> str | None:
    """'PDF', 'DOCX', 'PNG', ... for a known binary format; None for anything else."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return _zip_kind(data) if kind == "ZIP" else kind
    if data[4:8] == b"ftyp":
        return "MP4/MOV"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return data[8:12].decode().strip()
    return None


def check_not_binary(data: bytes) -> None:
    """Refuse bytes that are no text: a known binary format, NUL bytes, many control bytes."""
    kind = magic_kind(data)
    if kind is not None or b"\x00" in data:
        raise Reject(binary_reason(kind))
    sample = data[:SAMPLE]
    controls = len(sample.translate(None, _NOT_CONTROL))
    if controls > MAX_CONTROL * len(sample):
        raise Reject(binary_reason(None))


def binary_reason(kind: str | None) -> str:
    if kind == "DOC/XLS (OLE2)":
        return f"unsupported format: a Word 97-2003 .doc (or .wps/.xls) file; {UNSUPPORTED_HINT}"
    looks = f" (looks like {kind})" if kind else ""
    return f"binary file{looks}: not a document pbmine reads (.txt .md .html .docx .pdf)"


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
