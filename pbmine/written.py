"""A Traditional document's claims quoted in its own characters.

Extraction reads a Simplified twin of the same length (``readers/traditional.py``); the phrase,
the region and the unit are then taken back from the text as read where they stand in it
(黨員, 同德縣, 個), while ``metric`` stays the Simplified canonical name.
"""
from __future__ import annotations

NEAR = 300  # how far around a short name its text is read for the characters of the full one


def as_written(phrase: str, sent, q, text: str, quoted: str) -> str:
    """The phrase in the characters of the text as read (黨員 in a Traditional report), where it
    stands as one piece of its sentence; a phrase pbmine put together (距县城距离) takes each
    character as its sentence writes it (距縣城距離), and the others as they are."""
    if not phrase:
        return phrase
    at = text.rfind(phrase, sent.start, q.start)
    if at < 0:
        at = text.find(phrase, q.end, sent.end)
    if at < 0 and q.row:
        at = text.rfind(phrase, 0, q.start)  # 地区生产总值 over 19349.31: a stacked table's label, lines above
    if at >= 0:
        return quoted[at:at + len(phrase)]
    chars = {a: b for a, b in zip(text[sent.start:sent.end], quoted[sent.start:sent.end]) if a != b}
    return "".join(chars.get(ch, ch) for ch in phrase)


def written_name(name: str, region, text: str, quoted: str) -> str:
    """A region's name in the characters of the text as read (同德縣), where the text names it so;
    a name it writes only in short (山東 for 山东省) takes each character as the text writes it."""
    at = region.start if region.start is not None and text.startswith(name, region.start) else text.find(name)
    if at >= 0:
        return quoted[at:at + len(name)]
    if region.start is not None and region.end is not None:  # (同德 for 同德县: 縣 from the text around it)
        lo, hi = max(0, region.start - NEAR), min(len(text), region.end + NEAR)
        chars = {a: b for a, b in zip(text[lo:hi], quoted[lo:hi]) if a != b}
        chars.update((a, b) for a, b in zip(text[region.start:region.end], quoted[region.start:region.end]) if a != b)
        return "".join(chars.get(ch, ch) for ch in name)
    return name


def written_unit(q, text: str, quoted: str) -> str:
    """The unit in the characters of the text as read (個, 畝), where it is written after the number."""
    at = text.find(q.unit, q.end, q.outer_end) if q.unit else -1
    return quoted[at:at + len(q.unit)] if at >= 0 else q.unit
