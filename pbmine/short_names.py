"""Names that give only part of a division's name: county stems (天柱, 犍为) and development zones.

A county may be named by its stem where the document names its province or city, or where a
placeless report writes the stem again and again (桦川); a zone (X经济技术开发区, X工业园区) is read by
pattern and hangs under the place its stem, or the name before it, resolves to. Part of
``PlaceMentions`` (``places.py``), which finds the full names first.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import Place
from .place_types import OPENING_CHARS, Mention, common_stems, cues, prefix_of
from .segment import get_segmenter


@lru_cache(maxsize=1)
def _zone_patterns() -> tuple[list[str], re.Pattern, re.Pattern]:
    """The zone suffixes longest first, the zone pattern, and the bare suffixes: a zone's stem is
    2 to 8 characters, so no zone starts more than 8 before the first suffix in the text."""
    longest_first = sorted(cues()["zone_suffixes"], key=len, reverse=True)
    suffixes = "|".join(map(re.escape, longest_first))
    return longest_first, re.compile(rf"[\u4e00-\u9fff]{{2,8}}?(?:{suffixes})"), re.compile(suffixes)


def _zone_under(name: str, parent: Place) -> Place:
    """A zone named by pattern, hung under the place its stem (or the name before it) resolves to."""
    return Place(name, parent.full + name, parent.province, parent.city,
                 parent.district or (parent.name if parent.level == "district" else None), parent.adcode, "zone")


class ShortNames:
    """County stems and zones, for a PlaceMentions (its document, gazetteer and cues)."""

    def _with_stems(self, mentions: list[Mention]) -> list[Mention]:
        """Add counties named by their stem (贵州天柱, 犍为用活…, 黎平): the stems of the counties
        under the provinces and cities the document names, where the stem is a word of its own."""
        text = self.doc.text
        self.stems: set[str] = set()
        ctx = {}
        named: set[str] = set()  # counties named in full: their stems count anywhere (江华瑶族自治县…江华坚持…)
        after: dict[int, str] = {}  # where a province or city ends: its code prefix (上海|浦东, one word to jieba)
        for m in mentions:
            place = self.gaz.resolve(m[2])
            if place is not None and place.adcode and place.level in ("province", "city"):
                ctx[place.adcode[: 2 if place.level == "province" else 4]] = True
                after[m[1]] = place.adcode[: 2 if place.level == "province" else 4]
            elif place is not None and place.adcode and place.level == "district":
                named.add(place.adcode)
        if not ctx:  # 海曙党员队伍持续壮大: a title naming its county by a stem that only it has
            title = next((ln for ln in self.doc.lines if ln.stripped), None)
            every = self.gaz.county_stems(("",))
            words = [t.text for t in get_segmenter().tokens(title.text)] if title else []
            stems = {w: every[w] for w in words if w in every}
            if not mentions:  # 新桦川…桦川振兴: a report naming no place but its county's stem, again and again
                stems.update(self._repeated_stems(every))
        else:
            stems = self.gaz.county_stems(tuple(sorted(ctx)))
        own = {stem: place for stem, place in self.gaz.county_stems(tuple(sorted({a[:4] for a in named}))).items()
               if place.adcode in named} if named else {}
        stems = {**stems, **own}
        opening = min(len(text), OPENING_CHARS)
        cities = any(len(k) == 4 for k in ctx) or bool(own)
        taken = [(m[0], m[1]) for m in mentions]
        added = []
        common = common_stems()
        pairs = self._pairs() if len(stems) > 200 else None  # many stems: most are ruled out by a set lookup
        for stem, place in stems.items():
            if stem in common and stem not in own or pairs is not None and stem[:2] not in pairs:
                continue  # 资源, 和平, 平安: a word of the language before it is a county (古田 once 古田县 is named)
            at = text.find(stem)
            if at < 0 or (not cities and at >= opening):
                continue  # with only a province named, the stem must be in the title or lead
            while at >= 0:
                end = at + len(stem)
                if not any(a < end and at < b for a, b in taken) and (self._is_word(at, end) or (
                        place.adcode or "").startswith(after.get(at, "-")) and end in self._cuts(at, end + 6)):
                    added.append((at, end, stem))
                    self.resolved[stem] = place
                    self.stems.add(stem)
                at = text.find(stem, end)
        if not added:
            return mentions
        return sorted(mentions + added)

    def _repeated_stems(self, every: dict[str, Place]) -> dict[str, Place]:
        """The county stems a text without any other place name writes as a word at least twice
        (one stem only: two would leave the report's county in doubt)."""
        text = self.doc.text
        common = common_stems()
        found = {}
        pairs = self._pairs()
        for stem, place in every.items():
            if stem[:2] not in pairs or stem in common or text.count(stem) < 2:
                continue
            at, words = text.find(stem), 0
            while at >= 0 and words < 2:
                words += self._is_word(at, at + len(stem))
                at = text.find(stem, at + len(stem))
            if words >= 2:
                found[stem] = place
        return found if len(found) == 1 else {}

    def _pairs(self) -> set[str]:
        """Every two characters in a row of the text: a county stem (two or more) starts with one."""
        text = self.doc.text
        return {text[k:k + 2] for k in range(len(text) - 1)}

    def _is_word(self, start: int, end: int) -> bool:
        """The segmenter cuts the text at both ends of the stem (not 公正安全 for 正安)."""
        cuts = self._cuts(start - 6, end + 6)
        return start in cuts and end in cuts

    def _with_zones(self, mentions: list[Mention]) -> list[Mention]:
        """Add development zones named by pattern (山亭经济开发区, 西宁经济技术开发区东川工业园区):
        a zone whose stem is a place, or that follows a place or zone, hangs under it."""
        text = self.doc.text
        c = self.c
        longest_first, zone_rx, suffix_rx = _zone_patterns()
        zones: list[Mention] = []
        by_end = {m[1]: m for m in mentions}
        self.pattern_zones: dict[str, Place] = {}  # zone name -> the place it hangs under
        first = suffix_rx.search(text)  # most reports name no zone: one quick scan, not the full one
        for m in zone_rx.finditer(text, max(0, first.start() - 8)) if first else ():
            start, end = m.span()
            if end in by_end:  # the gazetteer knows this zone (西海岸新区)
                continue
            suffix = next(x for x in longest_first if m.group().endswith(x))
            parent = None
            stem_end = end - len(suffix)
            inside = [x for x in mentions if start <= x[0] and x[1] <= stem_end]
            if inside:  # 枣庄市山亭经济开发区: the zone starts after the chain that names its parent
                last = inside[-1]
                start = last[1] if stem_end - last[1] >= 2 else last[0]
            for k in range(start, stem_end):  # the stem: a place name ending where the suffix starts
                stem_text = text[k:end - len(suffix)]
                if len(stem_text) < 2:
                    break
                place = self.gaz.resolve(stem_text) if stem_text not in c["zone_bad_stems"] else None
                if place is not None and not place.ambiguous:
                    parent, start = place, k
                    break
            before = by_end.get(start) or (zones[-1] if zones and zones[-1][1] == start else None)
            if before is not None:  # 新疆维吾尔自治区|乌鲁木齐高新区: the stem's city, if it lies in the place before
                outer = self.resolved.get(before[2]) or self.gaz.resolve(before[2])
                if parent is None or outer is not None and not (parent.adcode or "").startswith(prefix_of(outer)):
                    parent = outer
            if parent is None or text[start:stem_end] in c["zone_bad_stems"]:
                continue  # (渭南市|现有工业园区20个: a count of the city's zones, none named)
            name = text[start:end]
            same = self._bracketed_division(end, parent)
            if same is not None:  # 乌鲁木齐高新区(新市区): the zone is the district it names in brackets
                self.resolved[name] = self.resolved[same.name] = same
                zones += [(start, end, name), (end + 1, end + 1 + len(same.name), same.name)]
                continue
            self.resolved[name] = _zone_under(name, parent)
            self.pattern_zones[name] = parent
            zones.append((start, end, name))
        zones += self._bare_zones(mentions, zones)
        if not zones:
            self.mention_starts = [m[0] for m in mentions]
            return mentions
        kept = [m for m in mentions if not any(z[0] <= m[0] < z[1] or z[0] < m[1] <= z[1] for z in zones)]
        out = sorted(kept + zones)
        self.mention_starts = [m[0] for m in out]
        return out

    def _bracketed_division(self, end: int, parent: Place) -> Place | None:
        """The county or district of the zone's city named in brackets right after it, if any."""
        text = self.doc.text
        close = self.c["alias_brackets"].get(text[end:end + 1])
        stop = text.find(close, end + 1, end + 10) if close else -1
        place = self.gaz.resolve(text[end + 1:stop]) if stop > end + 1 else None
        city = parent.city or parent.name
        return place if place is not None and place.level == "district" and place.city == city else None

    def _bare_zones(self, mentions: list[Mention], zones: list[Mention]) -> list[Mention]:
        """高新区 alone in the opening of a report that names one city (珠海): the city's zone,
        wherever the text writes it; not 全市高新区 or 各经开区, kinds of zone."""
        text = self.doc.text
        c = self.c
        words = [w for w in c["bare_zone_words"] if w in text[:OPENING_CHARS]]
        if not words:
            return []
        cities = {p.city or p.name for p in (self.gaz.resolve(m[2]) for m in mentions)
                  if p is not None and p.adcode and p.level in ("city", "district", "zone")}
        if len(cities) != 1:
            return []
        city = self.gaz.resolve(next(iter(cities)))
        if city is None or city.level != "city":
            return []
        named = {z[2][-len(w):]: self.resolved[z[2]] for z in zones for w in words if z[2].endswith(w)}
        taken = [(m[0], m[1]) for m in mentions + zones]
        found = []
        for word in words:
            for m in re.finditer(re.escape(word), text):
                start, end = m.span()
                if any(a < end and start < b for a, b in taken) or text.endswith(tuple(c["zone_bad_stems"]), 0, start) \
                        or text[start - 1:start] in c["bare_zone_not_after"]:
                    continue
                if word in named:  # 乌鲁木齐高新区(新市区)…高新区: the zone the report has named in full
                    self.resolved[word] = named[word]
                else:
                    self.resolved[word] = _zone_under(word, city)
                    self.pattern_zones[word] = city
                found.append((start, end, word))
        return found
