"""Word segmentation with jieba and the bundled domain dictionary.

The dictionary (``data/userdict.txt``, jieba's user-dict format) keeps the
vocabulary of party-building reports whole: 五星级党支部, 党员先锋岗, 双报到.
One tokenizer is built per process; loading it twice would double jieba's
start-up cost.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)

USERDICT = resources.files("pbmine") / "data" / "userdict.txt"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    tag: str  # jieba's part-of-speech tag from its dictionary ('x' when unknown)


class Segmenter:
    """jieba plus the domain dictionary, with dictionary part-of-speech tags."""

    def __init__(self, extra_words: tuple[str, ...] = ()):
        self.tokenizer = jieba.Tokenizer()
        self.tags: dict[str, str] = dict(jieba.posseg.dt.word_tag_tab)
        with USERDICT.open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if parts:
                    self._add(parts[0], int(parts[1]) if len(parts) > 1 else None,
                              parts[2] if len(parts) > 2 else "n")
        for word in extra_words:
            self._add(word, None, "n")

    def _add(self, word: str, freq: int | None, tag: str) -> None:
        self.tokenizer.add_word(word, freq, tag)
        self.tags[word] = tag

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        """Tokens of `text` with offsets shifted by `offset` (the text's place in its document)."""
        out = []
        for word, start, end in self.tokenizer.tokenize(text):
            out.append(Token(word, start + offset, end + offset, self.tags.get(word, "x")))
        return out


@lru_cache(maxsize=4)
def get_segmenter(extra_words: tuple[str, ...] = ()) -> Segmenter:
    """The process-wide segmenter (built once; jieba's dictionary load is the slow part)."""
    return Segmenter(extra_words)
