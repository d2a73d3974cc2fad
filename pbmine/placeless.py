"""The place of a report that names no division of its own, or only in passing.

A title set in spaced letters (甘 霖 镇); the one township the opening names, looked up in the
whole registry, and a community right after it; a local outlet's place (福州新闻网讯); one province
the text names while speaking as a province (全省, 我省). ``report_place.ReportPlace`` tries these
once its title, source lines and lead have named nothing. A mixin of ``regions.RegionResolver``
(needs ``doc``, ``places``, ``gaz`` and ``c``).
"""
from __future__ import annotations

import re

from .divisions import VILLAGE_SUFFIXES, find_locals
from .place_types import clause_before
from .places import OPENING_CHARS, Region, registry_place
from .sections import Line

SPACED = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,5}")  # 甘 霖 镇


class PlacelessReport:
    """Fallbacks for a report's place, for a RegionResolver."""

    def _province_voiced(self) -> Region | None:
        """全省上下认真贯彻…视察贵州重要讲话精神: a report naming no place of its own but one province
        (in passing: a leader's tour of it), that speaks as a province (全省, 我省: twice), is that province's."""
        provinces = {p.adcode: (m, p) for m in self.places.mentions
                     if (p := self.places.resolve(m[2])) is not None and p.level == "province" and p.adcode}
        if len(provinces) != 1 or sum(self.doc.text.count(w) for w in self.c["province_words"]) < 2:
            return None
        m, p = next(iter(provinces.values()))
        return self.places.region(p, m[2]).because("report", m[0], m[1])

    def _spaced(self, line: Line) -> Region | None:
        """甘 霖 镇: a title set in spaced letters names the place its letters spell."""
        text = line.stripped
        if not SPACED.fullmatch(text):
            return None
        name = "".join(text.split())
        if not self.places.local_rx.fullmatch(name) or not self.places.may_be_local(name):
            return None
        start = line.start + line.text.index(text[0])
        return self.places.local_region(name, None).because("title", start, start + len(text))

    def _media_place(self) -> Region | None:
        """福州新闻网…讯, 福州日报记者…全市: with no place named but the outlet's, a local outlet's
        place is the report's."""
        for start, end, surface in self.places.mentions:
            if start >= OPENING_CHARS:
                break
            if self.places.is_media(start):
                place = self.places.resolve(surface)
                if place is not None:
                    return self.places.region(place, surface).because("report", start, end)
        return None

    def _township_named(self, start: int, end: int) -> Region | None:
        """A township the opening names while no division is named at all (合村乡 in a county
        that is never named): looked up in the whole registry, kept if the name is unique; a name
        several townships share is the report's when it is the one township the opening names and
        the report names it again (——在山门镇第十三届人民代表大会…，我代表山门镇…) or it opens a clause
        (…在县委、县政府的坚强领导下，中都街道深入贯彻…)."""
        found = find_locals(self.doc.text[start:end], self.places.registry.townships,
                            lambda k: self.places.starts_word(start + k))  # (结合|市镇包保 names no 合市镇)
        text = self.doc.text
        for m_start, m_end, name in found:
            clause = clause_before(text, start + m_start - 12, start + m_start)
            if any(w in clause for w in self.c["neighbour_openers"]):
                continue  # 东邻底圩乡、南接者兔乡、西隔丘北县温浏乡: a neighbour, not the report's township
            entries = self.places.registry.township_anywhere(name)
            if len(entries) == 1:
                return Region(name, registry_place(entries[0], self.gaz), "lead", start + m_start, start + m_end)
        names = {name for _, _, name in found}
        opens = bool(found) and text[start + found[0][0] - 1:start + found[0][0]] in ("，", ",", "\n", "")  # ,中都街道深入…
        if len(names) == 1 and (text.count(found[0][2]) >= 2 or opens) and not self.places.mentions:
            m_start, m_end, name = found[0]
            return self.places.local_region(name, None).because("lead", start + m_start, start + m_end)
        return None

    def _village_after(self, region: Region | None) -> Region | None:
        """南区街道环城社区党群服务中心启用, then 环城社区 again and again: the one township a report names,
        with no division named at all, then right after it a village or community of its own that the
        text names again: the village (the registry, with no county to look under, cannot vouch)."""
        if region is None or region.end is None or self.places.mentions:
            return region
        text = self.doc.text
        name = self.places.pattern_local_at(region.end, min(len(text), region.end + 8), False)
        if not name or not name.endswith(VILLAGE_SUFFIXES) or text.count(name) < 2:
            return region
        return self.places.local_region(name, region.place).because("lead", region.end, region.end + len(name))
