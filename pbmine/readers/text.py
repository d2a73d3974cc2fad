"""Plain text: bytes to str, with the encoding detected (or forced with --encoding).

Order: a byte-order mark; strict UTF-8; UTF-8 with a few bad bytes (replaced, and
said); GB18030 and Big5 scored for plausible Chinese; charset-normalizer last.
Only \\r\\n and \\r become \\n: later stages keep offsets into this text.
"""
from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# charset-normalizer is the detector `requests` depends on: actively maintained,
# MIT-licensed, pure Python with optional speedups. It is only the fallback here.
from charset_normalizer import from_bytes

from .base import Reject
from .sniff import CONTROL_BYTES, MAX_CONTROL, SAMPLE, binary_reason, check_not_binary

CANNOT_DECODE = "cannot decode: not UTF-8, GB18030 or another known encoding (try --encoding)"

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
_MAX_BAD_CHARS = 0.01   # share of control/unassigned/private-use characters a detector result may have
# UTF-8 with bad bytes is still UTF-8 when they are rare: at most 3, or 1 in 100 bytes, and at
# least 4 well-formed non-ASCII characters for each bad byte (GBK read as UTF-8 has almost none).
_UTF8_MAX_BAD_SHARE = 0.01
_UTF8_GOOD_PER_BAD = 4
_CONTROL_CHARS = frozenset(CONTROL_BYTES.decode("ascii"))


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    notice: str | None = None   # e.g. '2 invalid UTF-8 bytes replaced with U+FFFD (first at byte 99)'


def read_text(data: bytes, encoding: str | None = None) -> Decoded:
    """Decoded, newline-normalised text of a plain-text file; Reject when it is none."""
    decoded = decode(data, encoding)
    text = normalise_newlines(decoded.text)
    if not text.strip():
        raise Reject("empty file")
    return Decoded(text, decoded.encoding, decoded.notice)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Bytes to text: BOM, then strict UTF-8, lenient UTF-8, scored Chinese codecs, the detector."""
    if encoding is not None:
        return _decode_forced(data, encoding)
    if data.startswith(_UTF8_BOM):   # a BOM says UTF-8: no guessing after it
        data = data[len(_UTF8_BOM):]
        if not data:
            raise Reject("empty file")
        check_not_binary(data)
        decoded = _decode_utf8(data)
        if decoded is None:
            raise Reject(CANNOT_DECODE)
        return decoded
    if not data:
        raise Reject("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data[len(bom):], codec)
    check_not_binary(data)
    decoded = _decode_utf8(data)
    if decoded is not None and decoded.notice is not None:  # lenient: a few bytes were not UTF-8
        chinese = _decode_chinese(data)  # 乐借俯也僻 in GBK is 1 bad byte and 4 odd characters as UTF-8
        if chinese is not None and (_plausibility(chinese.text) or 0) >= _PLAUSIBLE:
            return chinese
    if decoded is not None:
        return decoded
    decoded = _decode_chinese(data)
    if decoded is None:
        decoded = _decode_detected(data)
    if decoded is None:
        raise Reject(CANNOT_DECODE)
    return decoded


def _decode_forced(data: bytes, encoding: str) -> Decoded:
    """--encoding: no guessing; a BOM of that encoding is dropped, bad bytes are replaced and counted."""
    codec = codecs.lookup(encoding).name
    if not data:
        raise Reject("empty file")
    text, bad, first = _decode_counting(data, codec)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text or _control_share(text) > MAX_CONTROL:
        raise Reject(binary_reason(None))
    return Decoded(text, codec, _replaced_notice(bad, first, encoding) if bad else None)


def _decode_bom(body: bytes, codec: str) -> Decoded:
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        raise Reject(CANNOT_DECODE) from None
    if not text.strip():
        raise Reject("empty file")
    if "\x00" in text or _control_share(text) > MAX_CONTROL:   # as for bytes in check_not_binary
        raise Reject(binary_reason(None))
    return Decoded(text, codec)


def _decode_utf8(data: bytes) -> Decoded | None:
    """UTF-8, or UTF-8 but for a few bad bytes (a corrupted or cut file): replaced and counted."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text, bad, first = _decode_counting(data, "utf-8")
    good = sum(1 for char in text if "\x80" <= char != "\ufffd")
    if bad > max(3, _UTF8_MAX_BAD_SHARE * len(data)) or good < _UTF8_GOOD_PER_BAD * bad:
        return None
    return Decoded(text, "utf-8", _replaced_notice(bad, first, "UTF-8"))


_counts: list[tuple[int, int]] = []


def _count_and_replace(err: UnicodeDecodeError) -> tuple[str, int]:
    _counts.append((err.start, err.end))
    return "\ufffd", err.end


codecs.register_error("pbmine-count", _count_and_replace)


def _decode_counting(data: bytes, codec: str) -> tuple[str, int, int]:
    """(text, bytes replaced with U+FFFD, offset of the first one)."""
    _counts.clear()
    try:
        text = data.decode(codec, errors="pbmine-count")
        bad = sum(end - start for start, end in _counts)
        first = _counts[0][0] if _counts else -1
    finally:
        _counts.clear()
    return text, bad, first


def _replaced_notice(bad: int, first: int, encoding: str) -> str:
    plural = "byte" if bad == 1 else "bytes"
    return f"{bad} invalid {encoding} {plural} replaced with U+FFFD (first at byte {first}); the rest is kept"


def _decode_chinese(data: bytes) -> Decoded | None:
    """Try GB18030 and Big5 before the detector: it misreads short Chinese texts (e.g. as cp949)."""
    best: tuple[float, Decoded] | None = None
    unscored: Decoded | None = None   # decodes that gave no hanzi at all (only ASCII and punctuation)
    for codec in _CHINESE_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if score is None:
            unscored = unscored if unscored is not None else Decoded(text, codec)
        elif best is None or score > best[0]:
            best = (score, Decoded(text, codec))
    if best is not None and best[0] >= _PLAUSIBLE:
        return best[1]
    return unscored


def _decode_detected(data: bytes) -> Decoded | None:
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
    return Decoded(text, match.encoding)


def _plausibility(text: str) -> float | None:
    """Share of common hanzi among significant characters; None when there are none.

    Right GB/Big5 decodes of Chinese score near 1; decoding with the wrong one gives
    rare hanzi, kana, Greek, box drawing and private-use characters and scores low.
    """
    common = common_hanzi()
    good = bad = 0
    for char in text[:SAMPLE]:
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
def common_hanzi() -> frozenset[str]:
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
    sample = text[:SAMPLE]
    bad = sum(1 for char in sample if _is_bad_char(char))
    return bad / max(len(sample), 1)


def _control_share(text: str) -> float:
    sample = text[:SAMPLE]
    controls = sum(1 for char in sample if char in _CONTROL_CHARS)
    return controls / max(len(sample), 1)


def _is_bad_char(char: str) -> bool:
    if char in "\t\n\r\f\v":
        return False
    return char == "\ufffd" or unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs")
