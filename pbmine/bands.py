"""Bands inside a noun phrase: 5-10万元的|村, 35岁及以下|党员, 36岁至45岁的|党员, 本科及以上|学历.

A band is a category bound written with numbers or a schooling level; it belongs to the
phrase of the figure after it, though its numbers are no claim. ``phrases.PhraseFinder``
mixes this in; the words (``bounds``, ``band_joiners``, ``age_units``, ``schooling``,
money units) are in ``data/grammar.toml``.
"""
from __future__ import annotations

from .phrase_stream import Item


class Bands:
    """Where a band ending at an item starts (a mixin of PhraseFinder: needs its word lists)."""

    def _unit_band(self, items: list[Item], j: int) -> int | None:
        """Where a band of a measure ending at item j starts (5-10万元 before 的), else None."""
        if j < 3 or items[j].kind != "word" or not items[j].text.endswith(self.money_units) \
                or not (items[j - 1].text.isdigit() and items[j - 2].text in self.band_joiners
                        and items[j - 3].text.isdigit()):
            return None
        return j - 3

    def _schooling_band(self, items: list[Item], j: int) -> int | None:
        """Where a schooling bound ending at item j starts: 本科及以上, 大专以上."""
        if items[j].text not in self.bounds:
            return None
        k = j - 1
        if k >= 0 and items[k].text == "及":
            k -= 1
        return k if k >= 0 and items[k].text in self.schooling else None

    def _age_band(self, items: list[Item], j: int) -> int | None:
        """Where an age band ending at item j starts: 35岁以下, 35岁及以下, 36至59岁, 26-35岁."""
        k = j
        if items[k].text in self.bounds:
            k -= 1
            if k >= 0 and items[k].text == "及":
                k -= 1
        elif items[k].text not in self.age_units or k == 0 or not items[k - 1].text.isdigit():
            return None
        if k < 1 or items[k].text not in self.age_units or not items[k - 1].text.isdigit():
            return None
        k -= 1
        if k >= 2 and items[k - 1].text in self.band_joiners and items[k - 2].text.isdigit():
            k -= 2  # 36至59岁
        elif k >= 3 and items[k - 1].text in self.band_joiners and items[k - 2].text in self.age_units \
                and items[k - 3].text.isdigit():
            k -= 3  # 36岁至45岁
        return k

    def _age_band_after(self, items: list[Item], j: int) -> int | None:
        """Where an age band starting at item j ends: 3000多名|35岁以下|年轻干部 (the band is part of what follows)."""
        k = j
        if k + 1 >= len(items) or not items[k].text.isdigit() or items[k + 1].text not in self.age_units:
            return None
        k += 2
        if k < len(items) and items[k].text == "及":
            k += 1
        if k < len(items) and items[k].text in self.bounds:
            return k
        return None
