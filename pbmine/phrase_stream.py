"""The stream of one sentence: its words, quoted names, brackets, punctuation and quantities, in order.

The text between the quantities is segmented once; a quoted name (“五星级党支部”) and a short
gloss in brackets (老年食堂(助餐点)) stay one item, a note on the figures (同比增长(下同)2.5%)
is space, and any other bracket is punctuation (a break). ``phrases.py`` reads noun phrases
from this stream.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import QUOTES
from .quantities import Quantity
from .segment import Token

OPEN_QUOTES, CLOSE_QUOTES = "“‘「『《", "”’」』》"
CLAUSE_BREAK = set("，。！？；：,!?;:…\n（）()【】[]—")
LIST_BREAK = set("、")
FOOTNOTE = re.compile(r"[\[［〔【﹝]\d{1,2}[\]］〕】﹞]")
_PLAIN_END = re.compile(f"[{OPEN_QUOTES}(（]|{FOOTNOTE.pattern}")  # where a run of plain words ends


@dataclass(slots=True)
class Item:
    """A token, a quoted name or a quantity in the stream of one sentence."""

    text: str
    start: int
    end: int
    kind: str  # "word", "quote", "punct", "qty"
    tag: str = ""
    qty: int = -1  # index of the quantity for kind == "qty"

class ItemStream:
    """Turns a sentence into items, for a PhraseFinder (its lexicon, segmenter, glosses and fused verbs)."""

    def stream(self, text: str, offset: int, quantities: list[Quantity]) -> list[Item]:
        """Words, quoted names, punctuation and quantities of a sentence, in order."""
        items: list[Item] = []
        pos = 0
        for qi, q in enumerate(quantities):
            items += self._words(text[pos: q.outer_start - offset], offset + pos)
            items.append(Item(text[q.outer_start - offset: q.outer_end - offset], q.outer_start,
                              q.outer_end, "qty", qty=qi))
            pos = q.outer_end - offset
        items += self._words(text[pos:], offset + pos)
        return items

    def _words(self, chunk: str, offset: int) -> list[Item]:
        items: list[Item] = []
        i = 0
        while i < len(chunk):
            ch = chunk[i]
            if ch in OPEN_QUOTES:
                close = CLOSE_QUOTES[OPEN_QUOTES.index(ch)]
                j = chunk.find(close, i + 1)
                if 0 < j - i <= 30:
                    inner = chunk[i + 1: j]
                    items.append(Item(inner, offset + i, offset + j + 1, "quote", "n"))
                    i = j + 1
                    continue
            note = FOOTNOTE.match(chunk, i)
            if note:  # 地区生产总值[2]174.99亿元: a footnote mark is not a break
                items.append(Item(note.group(), offset + i, offset + note.end(), "space"))
                i = note.end()
                continue
            if ch in "(（":
                j = chunk.find(")" if ch == "(" else "）", i + 1)
                if 0 < j - i <= 16 and (any(g in chunk[i + 1: j] for g in self.glosses)
                                        or i == 0 and chunk[i + 1: j] in self.lex.units):
                    items.append(Item(chunk[i: j + 1], offset + i, offset + j + 1, "space"))
                    i = j + 1  # 同比增长(下同)2.5%, 415头(只): a note on the figures, not part of any phrase
                    continue
                if 0 < j - i <= 10 and all(c.isalpha() or c in "、，," for c in chunk[i + 1: j]):
                    # 老年食堂(助餐点), 信用社区(村)试点: a short gloss stays with its noun
                    items.append(Item(chunk[i: j + 1], offset + i, offset + j + 1, "quote", "n"))
                    i = j + 1
                    continue
                items.append(Item(ch, offset + i, offset + i + 1, "punct"))  # 421个|(党委10个…: a break
                i += 1
                continue
            stop = _PLAIN_END.search(chunk, i)  # the next quote, bracket or footnote mark
            j = stop.start() if stop else len(chunk)
            for tok in self.seg.tokens(chunk[i:j], offset + i):
                if tok.tag == "x" and len(tok.text) > 1 and tok.text[-1] in self.fused and _kind(tok.text) == "word":
                    # 以上的村达|83%: a word the segmenter guessed, fused with the linking verb after it
                    items.append(Item(tok.text[:-1], tok.start, tok.end - 1, "word", "n"))
                    items.append(Item(tok.text[-1], tok.end - 1, tok.end, "word", "v"))
                    continue
                item = self._item(tok)
                if tok.text in self.suffix_nouns and tok.tag == "m" and items and items[-1].kind == "word" \
                        and items[-1].tag[:1] in ("n", "v"):
                    item.tag = "n"  # 服务|点35个, 处理|点: a noun's suffix, not a numeral (一点)
                items.append(item)
            i = max(j, i + 1) if j == i else j
        return items

    @staticmethod
    def _item(tok: Token) -> Item:
        t = tok.text
        kind = _KINDS.get(t)
        if kind is None:
            kind = _kind(t)
            if len(_KINDS) < 200_000:  # bounded: a crawl of odd tokens must not grow it forever
                _KINDS[t] = kind
        return Item(t, tok.start, tok.end, kind, tok.tag if kind == "word" else "")


_KINDS: dict[str, str] = {}  # token text -> space, punct or word (a few thousand distinct tokens a corpus)


def _kind(t: str) -> str:
    if not t.strip():
        return "space"
    if all(ch in CLAUSE_BREAK or ch in LIST_BREAK or ch in QUOTES or not ch.isalnum() for ch in t):
        return "punct"
    return "word"


MAX_PHRASE = 24


def join_items(items: list[Item]) -> str | None:
    """The text of a phrase's items, quotes dropped, at most MAX_PHRASE characters (a list's more)."""
    text = "".join(it.text for it in items).strip()
    text = "".join(ch for ch in text if ch not in QUOTES)
    limit = MAX_PHRASE * min(3, 1 + text.count("、"))  # a list's items are split later, each its own phrase
    if len(text) > limit:
        text = text[-limit:]
    return text or None


def next_break(items: list[Item], j: int) -> int:
    """The index of the first clause or list break at or after j (len(items) if none)."""
    while j < len(items) and not (items[j].kind == "punct" and items[j].text[0] in CLAUSE_BREAK | LIST_BREAK):
        j += 1
    return j


def prev_break(items: list[Item], j: int) -> int:
    """The index just after the last clause or list break at or before j (0 if none)."""
    while j >= 0 and not (items[j].kind == "punct" and items[j].text[0] in CLAUSE_BREAK | LIST_BREAK):
        j -= 1
    return j + 1
