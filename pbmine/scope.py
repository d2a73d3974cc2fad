"""A scope word right before a figure: 全市47家, 全州现有行政村2187个, 该县现有….

The word names the enclosing city or province of the region in force, or that region
itself where its level is the word's (全市 in a report about 桂平市), or the county last
named in the paragraph (该县). ``regions.RegionResolver`` mixes this in; the words are in
``data/regions.toml`` (``scope_words``, ``county_scope_words``, ``scope_fillers``).
"""
from __future__ import annotations

import bisect

from .places import Region


class FigureScope:
    """The scope a word right before a figure gives it (a mixin of RegionResolver: needs
    ``doc``, ``places``, ``report``, ``c`` and ``_enclosing``)."""

    def _strip_fillers(self, left: str) -> str:
        left = left.rstrip()
        for filler in self.c["scope_fillers"]:
            if left.endswith(filler):
                return left[: -len(filler)]
        return left

    def _scope(self, clause_start: int, start: int, base: Region | None) -> Region | None:
        """全市/全省 right before the figure (全市47家, 全州现有行政村2187个); 该区 above a street in force
        (荷叶地街道…。该区479名: 蜀山区)."""
        left = self._strip_fillers(self.doc.text[clause_start:start])
        if base is not None and base.place is not None and base.place.level in ("city", "province"):
            for word in self.c["county_scope_words"]:  # 古田有…之都美誉,全县约70%的人: in a city's report
                at = self._scope_word_at(left, word)
                if at >= 0:
                    county = self._county_named_before(clause_start, ("district",))
                    if county is not None:
                        return county.because("scope", clause_start + at, clause_start + at + len(word))
        for word, level in self.c["scope_words"].items():
            if base is None or base.place is None or level == "district" and base.place.level not in ("township", "village"):
                continue  # 该区 names a county only above a township or village in force
            if level in ("city", "province", "district"):
                at = self._scope_word_at(left, word)
                if at >= 0:
                    own = self._own_level(word, base) if level != "district" else self._county_named_before(clause_start)
                    if word.startswith("该") and level == "city":  # 延边州…,延吉市发挥…。在该市6个街道: the 市 last named
                        own = self._county_named_before(clause_start, ("district", "city"), "市") or own
                    found = own if own is not None else self._enclosing(base, level)
                    return found.because("scope", clause_start + at, clause_start + at + len(word)) \
                        if found else None
        return None

    def _scope_word_at(self, left: str, word: str) -> int:
        """Where `word` stands right before the figure in `left`, or across a filler and a short noun; else -1."""
        at = left.rfind(word)
        if at >= 0 and left.endswith(tuple(self.c["scope_bases"]), 0, at):
            return -1  # 制种量占全省43%, 高于全省近4个百分点: the whole is the base of a share or a gap
        return at if at >= 0 and (at + len(word) == len(left) or self._nounish_gap(left[at + len(word):])) else -1

    def _county_named_before(self, pos: int, levels: tuple[str, ...] = ("district", "zone"),
                             suffix: str = "") -> Region | None:
        """The county or district last named earlier in the paragraph, which 该县 refers back to
        (长汀县提供的材料显示，该县现有…); with a suffix, the last named with it (该市: 延吉市)."""
        line_start = self.doc.text.rfind("\n", 0, pos) + 1
        lo = bisect.bisect_left(self.places.mention_starts, line_start)
        hi = bisect.bisect_left(self.places.mention_starts, pos)
        for m in reversed(self.places.mentions[lo:hi]):
            p = self.places.resolve(m[2])
            if p is not None and p.level in levels and p.name.endswith(suffix):
                return self.places.region(p, m[2])
        return None

    def _own_level(self, word: str, base: Region) -> Region | None:
        """全市 in a report about a county-level city (桂平市) is that city, not its prefecture;
        likewise when the region in force sits under one."""
        for region in (base, self.report):
            p = region.place if region else None
            if p is not None and p.level == "district" and p.name.endswith(word[-1]):
                return region
        return None

    def _nounish_gap(self, gap: str) -> bool:
        """全州|现有行政村|2187个: a filler and a short noun between the scope word and the figure
        (but 占全市|比重41.4% is the region's share of the city, not the city's figure)."""
        if gap.endswith("的") and gap[:-1] in self.c["scope_fillers"]:
            return True  # 该县共有的|24个建档立卡贫困村
        return 0 < len(gap) <= 8 and any(gap.startswith(f) for f in self.c["scope_fillers"]) \
            and not any(w in gap for w in ["的", *self.c["locatives"], *self.c["list_markers"]])
