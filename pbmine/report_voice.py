"""Which whole a report speaks for, beyond the first place its title or lead names.

A title's or lead's list of villages is about the township or county written before them (金石镇黄厝巷村、
翁厝村; 嘉鱼县陆水村、港东村…); a lead setting scenes in units of different cities is about the widest
division its line names (清晨的珠海茂盛社区…;午后的广州三眼井社区…广东…).

A title's county over a village the report keeps naming (封丘:… 耿村…耿村), a lead's village in a county
or city the report keeps naming (江华瑶族自治县大圩镇长山村…。江华坚持…), a lead naming only its
province in a report that speaks as a city (我代表市人民政府…全市). Part of ``RegionResolver``
(``regions.py``), beside ``ReportPlace`` (``report_place.py``), which finds the first place.
"""
from __future__ import annotations

import bisect

from .divisions import VILLAGE_SUFFIXES
from .paragraph_place import LEVEL_RANK
from .place_types import clause_before
from .places import Region, prefix_of

HONOUR_REACH = 80  # how far back in its clause an honour verb may stand before the honours it lists
CASE_REACH = 30  # how far after 以 its 为例 may close: the case is named in one short phrase
KEEP_NAMING_RATIO = 2  # a lead village named more than twice yields only to a place named this many times as often


class ReportVoice:
    """The whole a report keeps naming or speaks as, for a RegionResolver (its document, places and cues)."""

    def _village_named_most(self, region: Region, title_end: int, opening: int) -> Region:
        """封丘:党建引领… then …封丘县留光镇耿村文化广场… 如今的耿村…: a title naming a county or
        city, a lead whose first chain ends in a registry village of it, and a report naming that
        village five times or more (three, where the title names it too), and twice as often as the
        title's place: the village."""
        p = region.place
        if p is None or p.level not in ("city", "district") or not p.adcode or region.start is None:
            return region
        lead = self._first_chain(title_end, opening)
        q = lead.place if lead is not None else None
        if q is None or q.level != "village" or not (q.adcode or "").startswith(prefix_of(p)):
            return region
        named = self.doc.text.count(lead.name)
        title_place = sum(1 for m in self.places.mentions if (r := self.places.resolve(m[2])) is not None
                          and r.adcode == p.adcode)
        least = 3 if lead.name in self.doc.text[:title_end] else 5  # 湖南宁远:小山沟的许家村…: the title names it too
        return lead.because("lead") if named >= least and named >= 2 * title_place else region

    def _outlet_voiced(self, region: Region) -> Region:
        """福鼎新闻网讯 竹洋村…;油坑村…。2017年,我市…全市…: a lead's village named once or twice, under
        a local outlet's dateline naming a city (the village's, where the registry places it), in a
        report that speaks as a city (全市, 我市, twice or more): the report is about the outlet's city."""
        p = region.place
        if p is None or p.level != "village" or self._bare_count(self.c["city_words"]) < 2 \
                or self.doc.text.count(region.name) > 2 and self._villages_on_line(region) < 3:
            return region  # (竹洋村…;油坑村…;三佛塔村…: a lead listing villages' results names examples)
        media = self._media_place()
        q = media.place if media is not None else None
        if q is None or q.level not in ("city", "district") or not q.name.endswith("市") \
                or p.adcode and not p.adcode.startswith(prefix_of(q)):
            return region
        return media

    def _village_kept(self, region: Region) -> Region:
        """…出现在凤城市边门镇那家村的村路上。…被选派到边门镇谢家村担任驻村第一书记…谢家村…: a lead's
        village the report names once or twice, while it names another village four times or more and
        twice as often, is the scene; the other village is what the report is about."""
        p = region.place
        if p is None or p.level != "village":
            return region
        counts: dict[str, list] = {}
        for m in self.places.local_mentions:
            if m[2].endswith(VILLAGE_SUFFIXES):
                counts.setdefault(m[2], []).append(m)
        own = len(counts.get(region.name, ())) or 1
        best = max(counts, key=lambda n: len(counts[n]), default=None)
        if best is None or best == region.name or own > 2 or len(counts[best]) < max(4, 2 * own):
            return region
        start, end, name = counts[best][0]
        other = self.places.local_region(name, None)
        q = other.place
        if p.adcode and q is not None and q.adcode and q.adcode[:9] != p.adcode[:9]:
            return region  # (another township's village: no scene of this one)
        return other.because("lead", start, end)

    def _villages_on_line(self, region: Region) -> int:
        """How many villages the line of `region` names."""
        return len(self._units_on_line(region, self.doc.text.rfind("\n", 0, region.start or 0) + 1))

    def _units_on_line(self, region: Region, start: int, chained: bool = False) -> set[str]:
        """The villages and communities named from `start` to the end of the line of `region` (with
        `chained`, only those written after a division: 广州|三眼井社区)."""
        text = self.doc.text
        end = text.find("\n", region.start or 0) % (len(text) + 1)
        return {m[2] for m in self.places.local_mentions if start <= m[0] < end and m[2].endswith(VILLAGE_SUFFIXES)
                and (not chained or any(d in self.places.mentions for d in self.places.by_end.get(m[0], ())))}

    def _keeps_naming(self, region: Region) -> Region:
        """江华瑶族自治县大圩镇长山村蔬菜基地…。江华坚持党建引领…: a lead about a village the report
        names at most twice, in a county (else a city) it names three times or more, is a report about
        that county or city (the village keeps the figures of its own sentences). A word that can only
        mean a county (该旗, 全县), or a city's (全市), counts as naming it, once it is named on its own; a
        place opening a quoted honour (获“安庆市十大感恩人物”) does not."""
        p = region.place
        if p is None or p.level != "village" or not p.adcode:
            return region
        times = self._times_named(region)
        if times > 2 * KEEP_NAMING_RATIO:
            return region
        quotes, grades = tuple(self.c["name_quotes"]), tuple(self.c["honour_grades"])
        county = self.gaz.by_adcode(p.adcode[:6])
        county_city = county is not None and county.level == "district" and county.name.endswith("市")
        for level, width in (("district", 6), ("city", 4), ("province", 2)):  # 锡林郭勒盟 for a herder's 嘎查
            named = [m for m in self.places.mentions  # on its own: not the head of a chain down to a unit
                     if (q := self.places.resolve(m[2])) is not None and q.level == level
                     and q.adcode[:width] == p.adcode[:width]
                     and m[1] not in self.places.local_starts and m[1] not in self.places.starts
                     and not self.places.is_media(m[0])  # 本网河北唐山讯: a dateline names no subject
                     and not self.doc.text.endswith(quotes, 0, m[0])  # 获“安庆市十大感恩人物”: an honour
                     and not self.doc.text.startswith(grades, m[1])  # 山东省|省级文明社区: a grade of honour
                     and not self._in_honour(m[0])]  # 荣获…、长沙市优秀基层党组织: an honour's name
            words = self._county_words() if level == "district" else self._province_words() if level == "province" \
                else 0 if county_city else self._bare_count(self.c["city_words"])  # (全市 of 栖霞市 is no 烟台)
            if named and len(named) + words >= 3 and (times <= 2 or len(named) >= KEEP_NAMING_RATIO * times):
                start, end, surface = named[0]
                return self.places.region(self.places.resolve(surface), surface).because("lead", start, end)
        return region

    def _lead_compound(self, region: Region, lead: Region | None, title_end: int) -> Region:
        """小区党支部 居民“主心骨” 四川广元利州区…, then 在四川广元利州区南河街道开云世家小区里…: a title's
        county or city that speaks of a compound (小区), and a lead whose first chain runs from that
        place down to one residential compound: the compound."""
        p = region.place
        if p is None or p.level not in ("city", "district") or not p.adcode:
            return region
        q = lead.place if lead is not None else None
        if q is None or q.level != "village" or not lead.name.endswith(tuple(self.c["compound_suffixes"])) \
                or not (q.adcode or "").startswith(prefix_of(p)) \
                or not any(w in self.doc.text[:title_end] for w in self.c["compound_suffixes"]):
            return region
        return lead.because("lead")

    def _lead_county(self, region: Region, lead: Region | None) -> Region:
        """山西:运城党建引领网格治理, then 运城市临猗县突出…, 临猗县按照…, 该县…: a title's city whose lead
        opens on one of its counties, named again on its own and with the county's words (该县, 全县)
        more often than the city's (全市), is a report about that county."""
        p, q = region.place, lead.place if lead is not None else None
        if p is None or p.level != "city" or not p.adcode or q is None or q.level != "district" \
                or not (q.adcode or "").startswith(p.adcode[:4]):
            return region
        named = sum(1 for m in self.places.mentions if m[0] >= lead.end and self.places.resolve(m[2]) == q)
        city = sum(1 for m in self.places.mentions if m[0] >= lead.end and self.places.resolve(m[2]) == p)
        words = self._county_words()
        if named >= 1 and named + words >= 3 and words > self._bare_count(self.c["city_words"]) + city:
            return lead.because("lead")
        return region

    def _written_under(self, surface: str, start: int, end: int) -> Region | None:
        """The first place of the span, where the text writes it right after `surface` and the two open a
        clause (…战斗力,湘潭市雨湖区九华街道以…; not 走进乌鲁木齐市沙依巴克区八一街道的…: a scene)."""
        found = self._first_chain(start, end)
        text = self.doc.text
        if found is None or found.start is None or not text.endswith(surface, 0, found.start):
            return None
        head = found.start - len(surface)
        return found if head == start or text[head - 1:head] in "，,；;" else None

    def _case_studied(self, start: int, end: int) -> Region | None:
        """本文以杨浦区区域化党建的探索实践为例: the place a study takes as its case is its subject."""
        text = self.doc.text
        for opener, closer in self.c["case_frames"]:
            at = text.find(opener, start, end)
            while at >= 0:
                pos = at + len(opener)
                close = text.find(closer, pos, min(end, pos + CASE_REACH))
                if close > pos and not any(ch in text[pos:close] for ch in "，,。；;"):
                    region, _ = self.chain_at(pos, close) if pos in self.places.starts else (None, 0)
                    if region is not None:
                        return region
                at = text.find(opener, at + 1, end)
        return None

    def _times_named(self, region: Region) -> int:
        """How often the text names a village; one the registry does not list (placed under its
        township, 店头镇|前细柳村) by its stem too (在前细柳召开), as the registry's stems are found."""
        village = region.name
        if len(region.place.adcode) >= 12:
            return self.doc.text.count(village)
        stem = next((village[:-len(x)] for x in VILLAGE_SUFFIXES if village.endswith(x)), village)
        return self.doc.text.count(stem if len(stem) >= 2 else village)

    def _city_voiced(self, region: Region) -> Region:
        """向大会报告…全市各项事业…新玉林: a lead naming only its province, in a report that speaks
        as a city (全市, 我市) and not as the province, is about the one city of that province it
        names most, at least twice."""
        p = region.place
        text = self.doc.text
        voiced = any(w in text for w in self.c["city_voice"])  # 我代表市人民政府: it may compare itself with 全省
        if p is None or p.level != "province" or not p.adcode or self._bare_count(self.c["city_words"]) < 2 \
                or self._province_words() and not voiced:
            return region
        named: dict[str, list] = {}
        for m in self.places.mentions:  # the city, and its districts (云冈 for 大同)
            q = self.places.resolve(m[2])
            if q is not None and q.level in ("city", "district") and q.adcode[:2] == p.adcode[:2] and q.city:
                named.setdefault(q.city, []).append(m)
        counts = {city: len(ms) + self._stem_count(city, ms) for city, ms in named.items()}
        ranked = sorted(counts, key=counts.get, reverse=True)
        if not ranked or counts[ranked[0]] < 2 or (len(ranked) > 1 and counts[ranked[1]] == counts[ranked[0]]):
            return region
        city = self.gaz.resolve(ranked[0])
        at = next((m for m in named[ranked[0]] if m[2] in (city.name, city.name[:-1])), None) if city else None
        if city is None:
            return region
        if at is None:  # 大同 (a word too, so never found alone): the city of the districts it names
            return self.places.region(city, city.name).because("lead")
        return self.places.region(city, at[2]).because("lead", at[0], at[1])

    def _city_named_most(self, region: Region) -> Region:
        """内蒙古4200公里长的边境线…, then 锡林郭勒盟 four times: a lead's province, in a report that names
        one city of it (with its counties) at least three times and more often than the province, is
        about that city."""
        p = region.place
        if p is None or p.level != "province" or not p.adcode:
            return region
        own = 0
        named: dict[str, list] = {}
        for m in self.places.mentions:
            q = self.places.resolve(m[2])
            if q is None or not q.adcode or q.adcode[:2] != p.adcode[:2]:
                continue
            if q.level == "province":
                own += 1
            elif q.city:
                named.setdefault(q.city, []).append(m)
        ranked = sorted(named, key=lambda c: len(named[c]), reverse=True)
        if not ranked or len(named[ranked[0]]) < 3 or len(named[ranked[0]]) <= own \
                or len(ranked) > 1 and len(named[ranked[1]]) == len(named[ranked[0]]):
            return region
        city = self.gaz.resolve(ranked[0])
        at = next((m for m in named[ranked[0]] if city is not None and m[2] in (city.name, city.name[:-1])), None)
        if city is None or at is None:
            return region
        return self.places.region(city, at[2]).because("lead", at[0], at[1])

    def _stem_count(self, city: str, mentions: list) -> int:
        """How often the text writes the city's short name where the finder skips it (大同, a word):
        counted only for a city whose districts the text names."""
        stem = city[:-1] if city.endswith("市") else city
        if any(m[2] in (city, stem) for m in mentions) or len(stem) < 2:
            return 0
        return self.doc.text.count(stem)

    def _province_words(self) -> int:
        """全省, 我省; and 自治区 on its own (自治区每年选派…, not the end of 西藏自治区)."""
        text = self.doc.text
        return sum(text.count(w) for w in self.c["province_words"]) + self._bare_count(self.c["province_bare_words"])

    def _in_honour(self, pos: int) -> bool:
        """先后荣获湖南省文明社区、长沙市优秀基层党组织: a place in a clause after an honour verb."""
        clause = clause_before(self.doc.text, pos - HONOUR_REACH, pos)
        return any(w in clause for w in self.c["honour_verbs"])

    def _bare_count(self, words: list[str]) -> int:
        """How often the words stand on their own: not the end of a place's name (西藏自治区), nor
        right after one (玉林市人民政府)."""
        text, bare = self.doc.text, 0
        for word in words:
            at = text.find(word)
            while at >= 0:
                bare += not self.places.ending_at(at + len(word)) and not self.places.ending_at(at)
                at = text.find(word, at + 1)
        return bare

    def _county_words(self) -> int:
        text = self.doc.text
        return sum(text.count(w) for w in self.c["county_words"])

    def _of_list(self, region: Region, lead: bool = False) -> Region:
        """金石镇黄厝巷村、翁厝村党群服务中心揭牌: a title naming two villages is about the township
        they are written under; a lead listing villages (嘉鱼县陆水村、港东村…) about the township or
        county written before them."""
        text = self.doc.text
        if region.end is None or region.place is None or region.place.level != "village" \
                or not text.startswith(tuple(self.c["list_markers"]), region.end) \
                or not (self.places.local_at(region.end + 1)
                        or self.places.pattern_local_at(region.end + 1, region.end + 9, False)):
            return region
        return self._parent_local(region) or (self._parent_division(region) if lead else None) or region

    def _parent_local(self, region: Region) -> Region | None:
        """The township written right before a village (金石镇|黄厝巷村)."""
        k = bisect.bisect_left(self.places.local_ends, region.start)
        if k < len(self.places.local_mentions) and self.places.local_mentions[k][1] == region.start:
            start, end, name = self.places.local_mentions[k]
            if name != region.name and not name.endswith(VILLAGE_SUFFIXES):
                county = self.gaz.by_adcode(region.place.adcode[:6]) if region.place.adcode else None
                return self.places.local_region(name, county).because("title", start, end)
        return None

    def _parent_division(self, region: Region) -> Region | None:
        """The county or city written right before a village (嘉鱼县|陆水村)."""
        m = next((m for m in self.places.by_end.get(region.start, ()) if m in self.places.mentions), None)
        place = self.places.resolve(m[2]) if m else None
        if place is None or place.level not in ("district", "city"):
            return None
        return self.places.region(place, m[2]).because("lead", m[0], m[1])

    def _whole_of_scenes(self, region: Region) -> Region | None:
        """清晨的珠海茂盛社区…;午后的广州三眼井社区…;傍晚的开平塘口墟…广东2.65万个行政村: a lead naming
        units of different counties, each after its city or county, sets scenes; the report is about the
        widest division its line names on its own."""
        text = self.doc.text
        stop = text.find("\n", region.start) % (len(text) + 1)
        units = self._units_on_line(region, region.start, chained=True)
        counties = {q.adcode[:6] for n in units if (q := self.places.local_region(n, None).place) is not None and q.adcode}
        if len(counties) < 2:
            return None
        found = [(m, place) for m in self.places.mentions if region.start < m[0] < stop
                 and m[1] not in self.places.local_starts and m[1] not in self.places.starts and not self.places.is_media(m[0])
                 and (place := self.places.resolve(m[2])) is not None and place.level in ("province", "city", "district")]
        if not found:
            return None
        m, place = min(found, key=lambda mp: LEVEL_RANK.get(mp[1].level, 2))
        return self.places.region(place, m[2]).because("lead", m[0], m[1])
