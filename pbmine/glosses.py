"""Pinyin glosses inside words (社區(qū)服務, 4000萬(wàn)元): read as if absent.

Some mirrors of Traditional pages put the reading of a character after it, in
brackets, in the middle of names, numbers and units. The extractor reads the
text without them (so 社區(qū) is 社區, 萬(wàn)元 is 萬元), and `GlossMap` takes
every offset of a claim back to the text as read, so quotes and offsets are the
original's. The pinyin letters are data (``grammar.toml`` [gloss]).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import load_lexicon


@lru_cache(maxsize=1)
def gloss_pattern() -> re.Pattern:
    g = load_lexicon().grammar["gloss"]
    letters, most, vowels = g["pinyin_letters"], int(g["max_letters"]), g["pinyin_vowels"]
    # (a space some mirrors set after the gloss, 黨(dang) 員, 與(yu) 2012, goes with it: the text runs on)
    return re.compile(rf"(?<=[\u3400-\u9fff])[(（](?=[^)）]*[{vowels}])[{letters}]{{1,{most}}}[)）] ?")


class GlossMap:
    """A text without its glosses, and where each of its characters stands in the original."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.original = text
        keep: list[str] = []
        self._at: list[int] = []  # original offset of each character kept, then len(text)
        pos = 0
        for start, end in spans:
            keep.append(text[pos:start])
            self._at.extend(range(pos, start))
            pos = end
        keep.append(text[pos:])
        self._at.extend(range(pos, len(text)))
        self._at.append(len(text))
        self.text = "".join(keep)
        self.spans = spans

    def start(self, pos: int) -> int:
        """The original offset of a span's start."""
        return self._at[pos]

    def end(self, pos: int) -> int:
        """The original offset of a span's end (just after its last character)."""
        return self._at[pos - 1] + 1 if pos > 0 else 0

    def strip(self, twin: str) -> str:
        """The same glosses cut from a twin of the original of the same length (its Simplified form)."""
        parts, pos = [], 0
        for start, end in self.spans:
            parts.append(twin[pos:start])
            pos = end
        parts.append(twin[pos:])
        return "".join(parts)


def gloss_map(text: str) -> GlossMap | None:
    """The text's GlossMap, or None when it has no gloss (the usual case: one search)."""
    spans = [m.span() for m in gloss_pattern().finditer(text)]
    return GlossMap(text, spans) if spans else None
