"""Find the places a document names: divisions, county stems, zones, townships and villages.

Divisions (provinces to counties, and zones the gazetteer lists) come from
the gazetteer; county stems and development zones by pattern from
``short_names.py``.
Townships, villages and communities count only where the registry lists them
under the document's own chain of places, or where the report opens a line
with one (``divisions.py``; names by the suffix pattern in ``own_locals.py``; which registry names
are mentions in ``registry_mentions.py``). What a figure is *about* is decided from these mentions
in ``regions.py``.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from .divisions import MAX_NAME, SUFFIXES, VILLAGE_SUFFIXES, Registry, find_locals
from .gazetteer import Gazetteer, Place
from .place_types import (CLAUSE_BREAKS, NOT_NAME_TAGS, OPENING_CHARS, Mention, Region,  # noqa: F401 (re-exported)
                          cue_rx, cues, local_place, prefix_of, registry_place)
from .sections import Document
from .segment import get_segmenter
from .own_locals import OwnLocals
from .registry_mentions import RegistryMentions
from .short_names import ShortNames


TOWNSHIP_SUFFIXES = tuple(x for x in SUFFIXES if x not in VILLAGE_SUFFIXES)  # 镇, 乡, 街道, 苏木
DATELINE_DATE = re.compile(r"[\s\u3000]?(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:电|讯)")


class PlaceMentions(ShortNames, OwnLocals, RegistryMentions):
    """Every place one document names, and how to read a chain of names at a position."""

    def __init__(self, doc: Document, gaz: Gazetteer | None = None):
        self.doc = doc
        self.gaz = gaz or Gazetteer.default()
        self.c = c = cues()
        self.name_suffixes = tuple(c["name_suffixes"])
        self.resolved: dict[str, Place | None] = {}
        self.village_stems: dict[str, str] = {}  # 大米庄 -> 大米庄村 (_with_village_stems)
        self._index(self._not_in_bylines(self._with_zones(self._with_stems(self._starting_words(self.gaz.find(doc.text))))))
        self.registry = Registry.default()
        self._settle_by_locals()
        self.local_names = self.registry.locals_under(*self._chain_prefixes())
        found = self._not_township_stems(self._with_village_stems(self._not_quoted_terms(self._not_generic(
            find_locals(doc.text, self.local_names, self.starts_word)))))
        inside = [g for m in found for g in self.near(m[0]) if g[0] < m[1] and m[0] < g[1]
                  and not (g[0] <= m[0] and m[1] <= g[1]) and self._is_stem(g[2])]
        if inside:  # 吉安城村 of 冯原镇 in the registry, not the stem of 吉安市 inside it; 海头镇海脐村, not 镇海
            self._index([g for g in self.mentions if g not in inside])
        self.local_mentions = [m for m in found if not any(g[0] < m[1] and g[1] > m[0] for g in self.near(m[0]))]
        self.local_starts = {m[0]: m for m in self.local_mentions}
        self.local_ends = [m[1] for m in self.local_mentions]
        self.local_suffixes = sorted(c["local_suffixes"], key=len, reverse=True)
        suffixes = "|".join(self.local_suffixes)
        self.local_rx = re.compile(rf"[\u4e00-\u9fff]{{2,5}}?(?:{suffixes})")
        if self.local_names:
            self._add_own_locals()
        self.surface = self._preferred_surfaces()

    def _starting_words(self, found: list[Mention]) -> list[Mention]:
        """其中|山区74%: a division name must start a word (no 中山区 inside 其中山区), or follow
        another (吉林长春, 西藏昌都)."""
        ends = {m[1] for m in found}
        return [m for m in found if m[0] in ends or self.starts_word(m[0])]

    def _not_in_bylines(self, found: list[Mention]) -> list[Mention]:
        """(邓红岩 肖广平 记者高长利): reporters' names in a byline's brackets are no places (广平)."""
        byline = cue_rx(r"[（(][^（）()\n]{{0,40}}(?:{})[^（）()\n]{{0,40}}[)）]", "byline_words")
        spans = [m.span() for m in byline.finditer(self.doc.text[:OPENING_CHARS])]
        return [m for m in found if not any(a < m[0] and m[1] < b for a, b in spans)] if spans else found

    def _index(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        self.starts = {m[0]: m for m in mentions}
        self.by_end: dict[int, list[Mention]] = {}
        for m in mentions:
            self.by_end.setdefault(m[1], []).append(m)
        self.context = [cands[0] for cands in (self.gaz.candidates(m[2]) for m in mentions) if len(cands) == 1]

    def near(self, pos: int) -> list[Mention]:
        """The division mentions that may overlap a name starting at `pos` (bisect, not a scan)."""
        k = bisect.bisect_left(self.mention_starts, pos - 12)
        out = []
        while k < len(self.mentions) and self.mentions[k][0] < pos + 12:
            out.append(self.mentions[k])
            k += 1
        return out

    def names_span(self, start: int, end: int) -> bool:
        """A place name holds the span [start, end) (七户乡八户村: its numerals count nothing)."""
        k = bisect.bisect_right(self.local_ends, start)
        if k < len(self.local_mentions) and self.local_mentions[k][0] <= start and end <= self.local_mentions[k][1]:
            return True
        return any(m[0] <= start and end <= m[1] for m in self.near(start))

    def _cuts(self, lo: int, hi: int) -> set[int]:
        """Where the segmenter cuts the text between lo and hi (a few characters around a name)."""
        lo, hi = max(0, lo), min(len(self.doc.text), hi)
        return {t.start for t in get_segmenter().tokens(self.doc.text[lo:hi], lo)} | {hi}

    def starts_word(self, start: int) -> bool:
        """The segmenter cuts the text where a short name would start (not 示范|村 -> 范村)."""
        text = self.doc.text
        if start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff" or text[start - 1] in self.c["name_may_follow"] \
                or text[start - 1] in self.c["name_may_follow_abbreviations"] \
                or text.endswith(tuple(self.c["name_may_follow_words"]), 0, start):
            return True  # after punctuation, or after the township or county it lies in (中益乡华溪村)
        return start in self._cuts(start - 6, start + 6)

    def _chain_prefixes(self) -> tuple[set[str], set[str]]:
        """Code prefixes of the places the document names: townships under any of them, villages
        under its counties and cities. A report naming only provinces gets no registry villages (a
        province holds tens of thousands; on 123 real reports none was needed): a village it is
        about must open a line or follow its township."""
        places = [p for p in (self.resolve(m[2]) for m in self.mentions) if p is not None and p.adcode]
        by_level: dict[str, set[str]] = {"district": set(), "city": set(), "province": set()}
        for p in places:
            lvl = "district" if p.level in ("district", "zone") else p.level
            if lvl in by_level:
                by_level[lvl].add(p.adcode[: {"district": 6, "city": 4, "province": 2}[lvl]])
        smaller = by_level["district"] | by_level["city"] | self._stated_counties()
        # 荣水园第二社区 … 葛沽镇: a township unique in China vouches for its county, also where the text
        # names other places (来自苏州的宋先生, 马鞍山 a mountain)
        smaller |= self._counties_of_towns(by_level["province"])
        return smaller | by_level["province"], smaller

    def _stated_counties(self) -> set[str]:
        """行政代码:421281400001 (a directory's page on 桂花树社区): the county of a division code the
        opening states, where the registry has townships under it."""
        code = cue_rx(r"(?:{})[:：]?\s*(\d{{6}})(?:\d{{3}}|\d{{6}})?(?!\d)", "code_labels")
        return {m.group(1) for m in code.finditer(self.doc.text[:OPENING_CHARS]) if m.group(1) in self.registry.by_county}

    def _counties_of_towns(self, provinces: set[str]) -> set[str]:
        """The counties of the townships the opening names, where the registry has one township
        of the name (in the named province, if one is named), for a report naming no county."""
        towns = self.registry.townships
        out = set()
        for _, end, name in find_locals(self.doc.text[:OPENING_CHARS], towns):
            if self.in_pair_word(end):
                continue  # 联系苏木乡镇
            entries = towns[name]
            if len(entries) == 1 and (not provinces or entries[0].code[:2] in provinces):
                out.add(entries[0].county)
            elif len(entries) > 1:
                out |= self._county_by_village(end, entries)
        return out

    def _county_by_village(self, end: int, entries: list) -> set[str]:
        """长春路街道洛铜社区: of a township name several counties have, the county of the one whose
        village or community the text names right after it, and again later, where only one has it
        (named once, 南区街道环城社区党群服务中心 is the township's centre)."""
        text = self.doc.text
        window = text[end:end + MAX_NAME]
        names = self.registry.locals_under(set(), {e.county for e in entries})
        found = {e.county for k in range(2, len(window) + 1) if text.count(window[:k]) >= 2
                 for v in names.get(window[:k]) if v.level == "village" for e in entries if v.code.startswith(e.code)}
        return found if len(found) == 1 else set()

    def resolve(self, surface: str) -> Place | None:
        if surface not in self.resolved:
            self.resolved[surface] = self.gaz.resolve(surface, self.context)
        return self.resolved[surface]

    def _key(self, place: Place) -> str:
        if place.level == "zone" and place.name in self.pattern_zones:
            return f"zone:{place.name}"
        return place.adcode or f"{place.level}:{place.name}"

    def _preferred_surfaces(self) -> dict[str, str]:
        """The name the report uses most for each place, preferring names with a suffix (长岛综合试验区 over 长岛)."""
        counts: dict[str, Counter] = {}
        for _, _, surface in self.mentions:
            place = self.resolve(surface)
            if place is not None:  # a stem (胶州先锋) only counts where nothing else names the place
                counts.setdefault(self._key(place), Counter())[surface] += 0 if surface in self.stems else 1
        out = {}
        for key, counter in counts.items():
            place = self.resolve(next(iter(counter)))
            suffixed = [s for s in counter if s.endswith(self.name_suffixes) and s not in self.stems]
            if not suffixed:  # only 三亚 or 青岛 written: give the division's name, unless a reader never
                autonomous = self.c["autonomous_marker"] in place.name  # writes it (宁夏, not 宁夏回族自治区)
                out[key] = self._prefecture_name(place, counter) or (
                    max(counter, key=lambda s: (counter[s], len(s))) if autonomous else place.name)
                continue
            best = max(suffixed, key=lambda s: (counter[s], -len(s)))  # a tie goes to the shorter (石柱县)
            out[key] = place.name if best.endswith(place.name) else best  # 青岛西海岸新区 -> 西海岸新区
        return out

    def _prefecture_name(self, place: Place, counter: Counter) -> str | None:
        """昌都地区 written twice, 昌都市 never: a city the text names as the prefecture (地区) it was."""
        if place.level != "city":
            return None
        measures = tuple(self.c["stem_measures"])
        for stem in counter:
            name = stem + self.c["prefecture_word"]
            at, seen = self.doc.text.find(name), 0
            while at >= 0:
                seen += not self.doc.text.startswith(measures, at + len(stem))  # (昌都|地区生产总值)
                at = self.doc.text.find(name, at + 1)
            if seen >= 2:
                return name
        return None

    def region(self, place: Place | None, surface: str) -> Region:
        name = self.surface.get(self._key(place), surface) if place else surface
        return Region(name, place)

    def local_at(self, pos: int, end: int | None = None, longer: bool = False) -> str | None:
        """A 街道/镇/村/社区 name starting at `pos` (南街街道, 田家沟村), or None.

        Where the document's region chain is known, only names the registry lists
        under it count; elsewhere the suffix pattern with its negative word lists."""
        limit = end if end is not None else len(self.doc.text)
        if self.local_names:
            m = self.local_starts.get(pos)
            return m[2] if m is not None and m[1] <= limit else None
        return self.pattern_local_at(pos, limit, longer) or self._located_at(pos, limit)

    def closes_member_list(self, end: int) -> bool:
        """新华村|4个行政村: a count of units of the kind of the name ending at `end` ends a list of
        members (下辖大中村、天明村、新华村4个行政村), so the name is one of what is counted (but
        月牙湖乡|12个村 counts the township's villages); at the end of a list, the kind may have a modifier
        (古宅村、水峪村两个软弱涣散村)."""
        text = self.doc.text
        if text.endswith(VILLAGE_SUFFIXES, 0, end):
            kinds = "village"
        elif text.endswith(TOWNSHIP_SUFFIXES, 0, end):
            kinds = "township"
        else:
            return False
        counted = cue_rx(r"[0-9０-９一二两三四五六七八九十百]+(?:[个個]?|[个個](?P<modifier>[\u4e00-\u9fff]{{1,6}}?))(?:{})(?!{})",
                         f"member_kinds_{kinds}", "member_not_after").match(text, end)
        if counted is None:  # (a numeral, its measure word, a kind: not a part, 4个村民小组)
            return False
        return counted.group("modifier") is None or re.search(  # 古宅村、水峪村|两个软弱涣散村
            r"、[^、，,。；;：:\n]{2,12}$", text[max(0, end - 13):end]) is not None

    def local_ending_at(self, stop: int) -> Mention | None:
        """The township, village or community name found in the text that ends at `stop`."""
        k = bisect.bisect_left(self.local_ends, stop)
        return self.local_mentions[k] if k < len(self.local_ends) and self.local_ends[k] == stop else None

    def chain_at(self, pos: int, limit: int | None = None,
                 base: Place | None = None) -> tuple[Region | None, int]:
        """The place named by the chain of names starting at `pos` (深圳市南山区, 湄潭县兴隆镇) and its end."""
        region, end = None, pos
        while end in self.starts and (limit is None or end < limit):
            _, m_end, surface = self.starts[end]
            place = self.resolve(surface)
            region = (self.region(place, surface) if place else Region(surface, None)).because("sentence", pos, m_end)
            end = self._past_links(m_end, limit)
        for _ in range(2):  # 草海镇新华村: a township, then a village in it
            local = self.local_at(end, limit)
            if not local:
                break
            region = self.local_region(local, region.place if region else base).because(
                "sentence", end, end + len(local))
            end = self._past_links(end + len(local), limit)  # 双桥乡(街道)|武塘村(社区)
        if region is not None and region.place is not None and region.place.level == "township" \
                and region.place.adcode and self.local_names:
            unlisted = self.unlisted_village_at(end, len(self.doc.text) if limit is None else limit)
            if unlisted:
                region = self.local_region(unlisted, region.place).because("sentence", end, end + len(unlisted))
                end += len(unlisted)
        return self._compound_after(region, end, limit)

    def _compound_after(self, region: Region | None, end: int, limit: int | None) -> tuple[Region | None, int]:
        """苏州路社区|书香门第小区, 南河街道|开云世家小区: a residential compound the chain ends in."""
        p = region.place if region is not None else None
        if p is None or p.level not in ("township", "village"):
            return region, end
        name = self.compound_at(end, len(self.doc.text) if limit is None else limit)
        if name is None:
            return region, end
        return Region(name, local_place(name, p)).because("sentence", end, end + len(name)), end + len(name)

    def _past_links(self, end: int, limit: int | None) -> int:
        """阿拉尔市|五团|朝阳社区, 双桥乡|(街道)|武塘村: the end of links (a 兵团 division or regiment, a
        gloss of the level) that another place of the chain follows, or `end` itself."""
        m = _links_rx(self.c).match(self.doc.text, end, len(self.doc.text) if limit is None else limit)
        if m and (m.end() in self.starts or self.local_at(m.end(), limit)):
            return m.end()
        return end

    def is_media(self, pos: int) -> bool:
        """吉林日报讯, 枣庄新闻网, 新华社拉萨12月10日电: a newspaper or a dateline, not a subject."""
        text = self.doc.text
        m = self.starts.get(pos) or self.local_starts.get(pos)
        end = m[1]
        if self.outlet_after(end) and not (m[2].endswith(self.name_suffixes) and self._verb_of_telling(end)):
            return True  # (苏州发布 is an outlet; 苏州市发布该市GDP…, a city that announces)
        if DATELINE_DATE.match(text, end):
            return True  # 本报重庆9月4日电: where the story was filed, whoever filed it
        return any(text.endswith(a, 0, pos) for a in self.c["dateline_agencies"])

    def _verb_of_telling(self, end: int) -> bool:
        """发布 after a full name, then more of the clause: the place announces something."""
        text = self.doc.text
        verb = next((v for v in self.c["announcing_verbs"] if text.startswith(v, end)), None)
        after = end + len(verb) if verb else end
        return verb is not None and text[after:after + 1] not in ("", "\n", " ", "\u3000", "(", "（", "讯", "：", ":")

    def outlet_after(self, end: int) -> bool:
        """吉林|日报, 天津|北方网讯 (an outlet's own name, then 网讯): an outlet's name goes on after a
        place's (but not 江苏|网格治理)."""
        text = self.doc.text
        return not text.startswith(tuple(self.c["media_not_words"]), end) and (
            text.startswith(tuple(self.c["media_suffixes"]), end) or cue_rx(r"[\u4e00-\u9fff]{{1,4}}?(?:{})", "outlet_dateline_ends").match(text, end) is not None)

    def ending_at(self, stop: int) -> list[Mention]:
        return self.by_end.get(stop, [])

    def names_place(self, start: int, limit: int) -> bool:
        """Whether the clause at `start` (在星光岛社区的…中) names a place of its own."""
        end = start
        while end < limit and self.doc.text[end] not in CLAUSE_BREAKS:
            end += 1
        lo = bisect.bisect_left(self.mention_starts, start)
        return (lo < len(self.mentions) and self.mentions[lo][0] < end) or any(
            self.local_at(k, end) for k in range(start, end - 1))


@lru_cache(maxsize=1)
def _links_rx_of(links: tuple[str, ...]) -> re.Pattern:
    return re.compile("(?:%s)+" % "|".join(links))


def _links_rx(c: dict) -> re.Pattern:
    return _links_rx_of(tuple(c["chain_links"]))
