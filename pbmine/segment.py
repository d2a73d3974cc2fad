"""Word segmentation with jieba's dictionary and the bundled domain dictionary.

The segmenter is rjieba (jieba's algorithm and dictionary in Rust, MIT): the
same tokens and dictionary tags as jieba with the same words added, at more
than ten times the speed and a third of the memory. The domain dictionary
(``data/userdict.txt``, jieba's user-dict format) keeps the vocabulary of
party-building reports whole: 五星级党支部, 党员先锋岗, 双报到.

One segmenter is built per process and per set of extra words:
``get_segmenter()`` and ``get_segmenter(())`` are the same one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

USERDICT = resources.files("pbmine") / "data" / "userdict.txt"



# jieba cuts a run of letters, digits and - . + # & _ % that its dictionary does
# not know at each mark (2025-03-05 -> 2025 - 03 - 05) keeping decimals and
# percentages whole (98.5%); rjieba keeps the run whole. The same cut, here:
_JOINED = re.compile(r"[-.+#&_%]")
_JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


MEMO_WORDS = 200_000   # distinct words whose final tag is remembered


class Token(NamedTuple):
    text: str
    start: int
    end: int
    tag: str  # the dictionary's part-of-speech tag ('x' when the dictionary does not know the word)


_token = tuple.__new__   # Token(...) without its Python-level __new__: hundreds of thousands a run


@lru_cache(maxsize=1)
def read_userdict() -> tuple[tuple[str, int | None, str], ...]:
    """(word, frequency or None, tag) of every line of the bundled domain dictionary (read once: the
    segmenter and the phrase finder both ask)."""
    words = []
    with USERDICT.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                words.append((parts[0], int(parts[1]) if len(parts) > 1 else None,
                              parts[2] if len(parts) > 2 else "n"))
    return tuple(words)


class Segmenter:
    """jieba's dictionary plus the domain dictionary, with dictionary part-of-speech tags."""

    def __init__(self, extra_words: tuple[str, ...] = ()):
        import rjieba

        # `import rjieba` already built a dictionary (its module-level functions'):
        # without extra words that one is used rather than a second (0.12 s, 24 MB).
        # It then holds the domain words too, for rjieba.cut in this process.
        self._jieba = rjieba.tag.__self__ if not extra_words else rjieba.Jieba()
        # The tags the rules were written against: a domain word's own tag, a
        # dictionary word's tag, and 'x' for a word the dictionary does not
        # know (rjieba would guess one from the characters or its HMM).
        self._own: dict[str, str] = {}
        for word, freq, tag in read_userdict():
            self._add(word, freq, tag)
        for word in extra_words:
            self._add(word, None, "n")
        self._tag = self._jieba.tag
        self._known = self._jieba.has_word
        self._final: dict[str, str | None] = {}   # word -> its tag, None: cut it as jieba does

    def _add(self, word: str, freq: int | None, tag: str) -> None:
        self._jieba.add_word(word, freq, tag)
        self._own[word] = tag

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        """Tokens of `text` with offsets shifted by `offset` (the text's place in its document)."""
        out = []
        append = out.append
        start = offset
        final = self._final
        for word, tag in self._tag(text):
            tag = final[word] if word in final else self._final_tag(word, tag)
            if tag is None:
                for piece in _JIEBA_SKIP.split(word):
                    if piece:
                        append(_token(Token, (piece, start, start + len(piece), "x")))
                        start += len(piece)
                continue
            end = start + len(word)
            append(_token(Token, (word, start, end, tag)))
            start = end
        return out

    def _final_tag(self, word: str, tag: str) -> str | None:
        """The tag the rules expect for `word` (None: a run jieba would cut), remembered."""
        if word in self._own:
            final = self._own[word]
        elif self._known(word):
            final = tag
        elif len(word) > 1 and _JOINED.search(word):
            final = None
        else:
            final = "x"
        if len(self._final) >= MEMO_WORDS:   # a bound on memory over a national crawl
            self._final.clear()
        self._final[word] = final
        return final


def get_segmenter(extra_words: tuple[str, ...] | list[str] = ()) -> Segmenter:
    """The process-wide segmenter for these extra words (built once)."""
    return _segmenter(tuple(extra_words))


@lru_cache(maxsize=4)
def _segmenter(extra_words: tuple[str, ...]) -> Segmenter:
    return Segmenter(extra_words)
