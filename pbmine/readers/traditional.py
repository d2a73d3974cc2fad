"""Traditional Chinese read as Simplified for extraction, one character for one.

`評定五星級黨支部89個` must give the claims of `评定五星级党支部89个`. The table
(`data/t2s_chars.tsv`, from OpenCC) maps single characters only, so the converted
text has the length of the original and every offset found in it slices the
original too. Characters that Simplified text also uses (於 著 乾 後 …, those in
GB2312) are converted only in a document that is mostly Traditional.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

TABLE = resources.files("pbmine") / "data" / "t2s_chars.tsv"
TRADITIONAL_SHARE = 0.05   # share of hanzi that only Traditional text has, above which a document is Traditional


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], dict[int, str]]:
    """(characters only Traditional text uses, all of the table) as str.translate tables."""
    only: dict[int, str] = {}
    full: dict[int, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        trad, simp = line.split("\t")
        if ord(simp) > 0xFFFF:
            continue  # 篢 -> 𬕂: a Simplified form outside the common plane, which Simplified text (and the
            # registry: 织篢镇) does not write either; the character stays as written
        full[ord(trad)] = simp
        try:
            trad.encode("gb2312")
        except UnicodeEncodeError:
            only[ord(trad)] = simp
    return only, full


def to_simplified(text: str) -> str | None:
    """The text with Traditional characters made Simplified (same length), or None when none changed."""
    if _all_gb2312(text):
        return None  # no character outside GB2312, so none that only Traditional text uses
    only, full = _tables()
    converted = text.translate(only)
    if converted == text:
        return None
    if _is_mostly_traditional(text, converted):
        converted = text.translate(full)
    return converted


def fold(text: str) -> str:
    """Characters only Traditional text uses made Simplified (同德縣 -> 同德县; 乾县 stays): a key
    under which names written either way group together."""
    return text.translate(_tables()[0])


def _all_gb2312(text: str) -> bool:
    """Whether every character is in GB2312: the codec checks a text in a few microseconds, a
    translation table takes twenty times as long to find nothing to change."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _is_mostly_traditional(text: str, converted: str) -> bool:
    changed = sum(1 for a, b in zip(text, converted) if a != b)
    hanzi = sum(1 for char in text if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff")
    return changed >= TRADITIONAL_SHARE * max(hanzi, 1)
