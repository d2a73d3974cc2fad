"""The place a report is about: from its title, its source lines or its lead.

The most specific place of the first chain of names there (深圳市南山区 -> 南山区,
福州市鼓楼区南街街道 -> 南街街道), skipping newspapers, datelines, the office that
told the reporter, where something lies (地处…), neighbours (东邻…) and lists of
places; a village named once in a township the report keeps naming gives way to
the township; a title naming two villages is about their township; with nothing
named, the fallbacks of ``placeless.py`` (a local outlet's place, a lone township or
province). Which whole the report keeps naming or speaks as
(a county, a city) is ``report_voice.py``; the figures' own places are decided in
``regions.py``.
"""
from __future__ import annotations

import re

from .divisions import VILLAGE_SUFFIXES
from .gazetteer import Place
from .paragraph_place import LEVEL_RANK
from .placeless import PlacelessReport
from .phrase_stream import OPEN_QUOTES
from .place_types import clause_after, clause_before
from .places import OPENING_CHARS, Region, cue_rx, prefix_of, registry_place
from .sections import Line

SINCE_CLAUSE = re.compile(r"[^，,。；;：:\n]{0,24}?以来[，,]")  # the rest of a clause of time after a place
SENTENCE_END = re.compile("[。！？\n]")
TOLD_ON_DAY = re.compile(r"(?:\d{1,2}月)?\d{1,2}日|官方")  # 左贡县26日介绍, 左贡县官方介绍: a place told the reporter
PAGE_LABEL = re.compile(r"第\s*[0-9０-９一二三四五六七八九十]+\s*版")  # 第20版:全域党建·雄安新区: a newspaper's page


class ReportPlace(PlacelessReport):
    """The report's own place, for a RegionResolver (its document, places and cues)."""

    def _report_region(self) -> Region | None:
        """The report's own place: from the title, source lines or first sentences."""
        title_end = self._title_end()
        lines = [ln for ln in self.doc.lines if ln.stripped]
        sourced = [ln for ln in lines if self._is_source_line(ln)]
        titled = [ln for ln in lines if ln.start < title_end and ln not in sourced  # (来源:房山区文明办 is no title,
                  and not self._is_byline(ln) and not PAGE_LABEL.match(ln.stripped)]  # nor 新甘肃·甘肃日报记者 谢晓玲,
        # nor a newspaper page's label, 第20版:全域党建·雄安新区)
        opening = min(len(self.doc.text), OPENING_CHARS)
        for group, why in ((titled, "title"), (sourced, "report")):
            for line in group:
                found = self._first_chain(line.start, line.end) or (self._spaced(line) if why == "title" else None)
                if found and why == "title" and self._unvouched(found):
                    lead = self._first_chain(title_end, opening)
                    if lead is not None and lead.place is not None and lead.place.adcode \
                            and lead.place.level == found.place.level and lead.name != found.name:
                        return self._whole_of_scenes(lead) or lead.because("lead")  # 高原山村的分红仪式 … 滴新村举行…
                if found:
                    found = self._narrowed(self._township_stem(self._stem_after(found)), line.end) if why == "title" \
                        else self._inside_publisher(found, line)
                    found = self._labelled(self._of_list(found).because(why), title_end)
                    if why == "title" and found.place is not None and found.place.level in ("city", "district"):
                        lead = self._first_chain(title_end, opening)  # (read once for both)
                        found = self._lead_village_kept(self._lead_compound(found, lead, title_end), lead)
                        found = self._lead_county(found, lead)
                    return self._village_named_most(found, title_end, opening) if why == "title" else found
        lead_from = max((ln.end for ln in lines if ln.start < title_end and self._is_byline(ln)), default=0)
        case = self._case_studied(lead_from, opening)
        if case is not None:
            return case.because("lead")  # 本文以杨浦区…为例
        chain = self._first_chain(lead_from, opening)
        if chain is not None and chain.place is not None and chain.place.level in ("township", "village"):
            listed = self._of_list(chain, lead=True)
            if listed is not chain:
                return listed.because("lead")  # 嘉鱼县陆水村、港东村…等8个村: the county they are written under
            whole = self._whole_of_scenes(chain)
            if whole is not None:
                return whole
            chain = self._village_kept(self._village_referred(self._compound_once(chain)))
            return self._outlet_voiced(self._keeps_naming(self._salient(chain)).because("lead"))  # 南通市崇川区天生港镇街道龙湖佳苑社区
        found = [r for r in (chain, self._village_after(self._township_named(0, opening))) if r is not None]
        first = min(found, key=lambda r: r.start if r.start is not None else opening, default=None)
        if first is not None:
            return self._city_named_most(self._city_voiced(first)).because("lead")
        media = self._media_place()
        return media.because("report") if media else self._province_voiced()

    def _compound_once(self, region: Region) -> Region:
        """在广西南宁市江南区江南路东社区东亚花苑小区,…, then 江南路东社区党委…: a lead's chain ending in a
        compound the text never names again, inside a community it names again: the community."""
        p = region.place
        if p is None or region.start is None or not region.name.endswith(tuple(self.c["compound_suffixes"])) \
                or self.doc.text.count(region.name) > 1:
            return region
        community = self.places.local_ending_at(region.start)
        if community is None or not community[2].endswith(VILLAGE_SUFFIXES) or self.doc.text.count(community[2]) < 2:
            return region
        place = Place(community[2], p.full[: -len(region.name)], p.province, p.city, p.district, p.adcode, "village")
        return Region(community[2], place, region.source, community[0], community[1])

    def _village_referred(self, region: Region) -> Region:
        """…是格日勒敖都苏木第三届党代会代表,额日登高毕嘎查党支部书记。去年,该嘎查…: a lead's township, then
        in the same sentence one of its villages that the text refers back to (该嘎查, 该村) while it
        never refers back to the township (该镇, 全镇): the report is about the village. So too a
        village opening the next sentence (…巴干乡气温渐暖。在代曲村专业养殖合作社,…) where the text
        then speaks as the village (村里, 全村: twice) and names no other village."""
        p = region.place
        if p is None or p.level != "township" or region.end is None:
            return region
        text = self.doc.text
        stop = self._sentence_stop(region.end)
        village = next((m for m in self.places.local_mentions if region.end <= m[0] < stop
                        and m[2].endswith(VILLAGE_SUFFIXES)), None)
        if any(w in text for w in self.c["anaphors_township"]):
            return region
        if village is None:
            return self._village_next(region, stop)
        if not any(text.find(w, village[1]) >= 0 for suffix in VILLAGE_SUFFIXES if village[2].endswith(suffix)
                   for w in self.places.back_words(suffix)):
            return region
        return self.places.local_region(village[2], region.place).because("lead", village[0], village[1])

    def _village_next(self, region: Region, stop: int) -> Region:
        """The one village the text names, opening the sentence after the township's (在代曲村…), then
        spoken of as its own at least twice (村里, 全村): that village."""
        text = self.doc.text
        nxt = self._sentence_stop(stop + 1)
        opener = self.opener_at.match(text, stop + 1)
        at = opener.end() if opener else stop + 1
        village = self.places.local_starts.get(at)
        if village is None or not village[2].endswith(VILLAGE_SUFFIXES) or village[1] > nxt:
            return region
        others = {m[2] for m in self.places.local_mentions if m[2] != village[2] and m[2] != region.name
                  and m[2].endswith(VILLAGE_SUFFIXES)}
        voiced = sum(text.count(w, village[1]) for w in (*self.c["returning_village"], *self.c["village_voice"]))
        if others or voiced < 2:
            return region
        return self.places.local_region(village[2], region.place).because("lead", village[0], village[1])

    def _lead_village_kept(self, region: Region, lead: Region | None) -> Region:
        """沙坪坝区激发流动党员…, then 沙坪坝区丰文街道三河村开会…; 村里, 我们村 and never the district
        again: a title's county whose lead runs down to a village, in a report that then speaks only
        of the village (two words that refer back to it; no word or name of the county, no other
        unit), is the village's."""
        p = region.place
        if p is None or p.level != "district" or not p.adcode:
            return region
        q = lead.place if lead is not None else None
        if q is None or q.level != "village" or not (q.adcode or "").startswith(prefix_of(p)) or lead.end is None:
            return region
        text = self.doc.text
        stop = self._sentence_stop(lead.end)
        later = [m for m in self.places.mentions if m[0] >= stop and (r := self.places.resolve(m[2])) is not None
                 and r.level in ("district", "city", "province")]
        others = [m for m in self.places.local_mentions if m[0] >= stop and m[2] != lead.name]
        referred = sum(text.count(w, stop) for w in (*self.c["returning_village"], *self.c["village_voice"]))
        if later or others or self._county_words() or referred < 2:
            return region
        return lead.because("lead")

    def _sentence_stop(self, pos: int) -> int:
        """Where the sentence holding `pos` ends (its 。, ！, ？ or line end; else the text's end)."""
        m = SENTENCE_END.search(self.doc.text, pos)
        return m.start() if m else len(self.doc.text)

    @staticmethod
    def _unvouched(region: Region) -> bool:
        """A village or township the title names by the suffix pattern alone (高原山村, 高原彝乡: no registry
        entry, no division around it), which a registry unit of its level the lead names outweighs."""
        p = region.place
        return p is not None and p.level in ("village", "township") and not p.adcode and not p.district \
            and not p.city

    def _opens_time_clause(self, pos: int, stop: int) -> bool:
        """今年，吉林省重点边境村建设启动以来，通化集安市坚持…: a place opening a line's clause of time
        (…以来，) is when, not who, where another place opens the clause after it."""
        text = self.doc.text
        m = SINCE_CLAUSE.match(text, stop)
        if not m or not (m.end() in self.places.starts or m.end() in self.places.local_starts):
            return False  # (2023年，三亚以…实施以来，市委组织部…: no other subject follows, 三亚 is it)
        line_start = text.rfind("\n", 0, pos) + 1
        head = text[line_start:pos].strip(" \u3000")
        return not head or bool(self.opener_rx.fullmatch(head))

    def _visits(self, stop: int) -> bool:
        """An office (市委办公室, 组织部) right after a place, then a verb of going and another place."""
        text = self.doc.text
        m = cue_rx(r"[\u4e00-\u9fff、]{{0,14}}?(?:{})", "visit_verbs").match(text[stop:stop + 20])
        return bool(m) and (stop + m.end() in self.places.starts or stop + m.end() in self.places.local_starts
                            or self.places.local_at(stop + m.end()) is not None)

    def _inside_publisher(self, region: Region, line: Line) -> Region:
        """来源:房山区文明办, then 房山区窦店镇田家园社区建成于…: with no title, the unit the lead opens with,
        inside the publisher's place, is what the report is about."""
        p = region.place
        if p is None or not p.adcode or p.level in ("township", "village"):
            return region
        after = [ln for ln in self.doc.lines if ln.start > line.start and ln.stripped
                 and not self._is_source_line(ln)][:2]  # (时间:2021-09-29党支部是…, then the lead)
        lead = next((r for r in (self._first_chain(ln.start, ln.end) for ln in after) if r is not None), None)
        q = lead.place if lead is not None else None
        if q is None or q.level not in ("township", "village") or not (q.adcode or "").startswith(prefix_of(p)):
            return region
        return lead.because("lead")

    def _stem_after(self, region: Region) -> Region:
        """甘肃白银:…, then 甘肃省白银市把…: a title's province (or city: 兰州城关…, then 兰州市城关区), then
        the stem of a city or county of it that the text names in full (白银, alone a word: silver; 城关,
        a stem too common to find alone): that city or county."""
        p = region.place
        if p is None or p.level not in ("province", "city") or not p.adcode or region.end is None:
            return region
        text = self.doc.text
        for start, _, surface in self.places.mentions:
            q = self.places.resolve(surface)
            if start <= region.end or q is None or not q.adcode or q.level not in ("city", "district") \
                    or not q.adcode.startswith(prefix_of(p)):
                continue
            for k in range(len(q.name) - 1, 1, -1):
                if text.startswith(q.name[:k], region.end):
                    return Region(q.name, q, "title", region.end, region.end + k)
        return region

    def _township_stem(self, region: Region) -> Region:
        """密云鼓楼解决4000多件诉求, 湖北襄阳黄龙:…: a title's county or city, then the stem of one
        township in it that the text writes in full (鼓楼街道, 黄龙镇): the township."""
        p = region.place
        if p is None or p.level not in ("city", "district") or not p.adcode or region.end is None:
            return region
        text = self.doc.text
        for n in (3, 2):
            stem = text[region.end:region.end + n]
            if len(stem) < n or not all("\u4e00" <= ch <= "\u9fff" for ch in stem):
                continue
            found = [(e, stem + suffix) for suffix in self.c["township_stem_suffixes"]
                     for e in self.places.registry.township_anywhere(stem + suffix) if e.code.startswith(prefix_of(p))]
            if len(found) == 1 and text.find(found[0][1], region.end + n) >= 0:
                entry, name = found[0]
                return Region(name, registry_place(entry, self.gaz), "title", region.end, region.end + n)
        return region

    def _narrowed(self, region: Region, end: int) -> Region:
        """[治国理政新实践重庆篇]破解…——重庆荣昌区扶持…, 祁东|河洲镇党建引领…: a place the title names
        first, then one inside it later in the title: the title's most specific place is the later."""
        p = region.place
        if p is None or p.level not in ("province", "city", "district") or not p.adcode or region.end is None:
            return region
        later = self._first_chain(region.end, end)
        q = later.place if later is not None else None
        if q is not None and LEVEL_RANK.get(q.level, 2) > LEVEL_RANK[p.level] \
                and (q.adcode or "").startswith(prefix_of(p)):
            return later
        return region

    def _labelled(self, region: Region, title_end: int) -> Region:
        """广东潮安:党建引领… 近年来,广东省潮州市潮安区归湖镇凤东村在党建引领下…: a title that labels its
        place (the place, then a colon, or in brackets: 「桂林平乐」响当当的…) names the area; a township or village inside it that opens
        the lead as its subject is what the report is about (薛店镇:… 薛店镇北张村以…: the village)."""
        p = region.place
        if region.end is None or p is None or p.level == "village" or not (p.adcode or p.level == "township"):
            return region
        inner = ("village",) if p.level == "township" else ("township", "village")  # 薛店镇: | 薛店镇北张村…
        text = self.doc.text
        surface = text[region.start:region.end] if region.start is not None else region.name
        labels = (surface + ":", surface + "：")  # 党建引领 | 屯留区跑出…, then 屯留区:党建引领…
        unit_word = p.level == "township" and any(w in text[region.end:title_end] for w in self.c["title_unit_words"])
        if text[region.end:region.end + 1] not in self.c["title_label_ends"] and not unit_word and not any(
                ln.stripped.startswith(labels) for ln in self.doc.lines if ln.start < title_end):
            return region  # (头屯河农场这个社区，很“红”: the title speaks of one unit of the township)
        lead = next((s for s in self.doc.sentences if s.start >= title_end  # (not 发布日期:… 来源:…)
                     and not self._is_source_line(self.doc.lines[s.line])), None)
        if lead is None:
            return region
        m = self.opener_rx.match(lead.text)
        subject = self._subject_at(lead.start + (m.end() if m else 0), lead.end)
        if subject is None and self._states_point(lead) and not lead.text.lstrip().startswith(tuple(OPEN_QUOTES)) \
                and lead.index + 1 < len(self.doc.sentences):
            lead = self.doc.sentences[lead.index + 1]  # 组织融建强根基,凝聚协同发展合力。|城关镇摒弃…
            m = self.opener_rx.match(lead.text)
            subject = self._subject_at(lead.start + (m.end() if m else 0), lead.end)
        subject = subject or (self._written_under(
            surface, lead.start, lead.end) if p.level != "township" else None)  # 为筑牢…,湘潭市雨湖区九华街道以…
        q = subject.place if subject is not None else None
        if q is None or q.level not in inner:
            return region
        if p.adcode and not (q.adcode or "").startswith(prefix_of(p)):  # 城关镇 of many counties: the title's one
            own = self.places.local_region(subject.name, p)
            if own.place is not None and (own.place.adcode or "").startswith(prefix_of(p)):
                subject, q = own.because(subject.source, subject.start, subject.end), own.place
        under = subject.start is not None and text.endswith(surface, 0, subject.start)  # written under it: 薛店镇北张村
        inside = (q.adcode or "").startswith(prefix_of(p)) or under if p.adcode else under  # (雨湖区九华街道 of 九华经开区)
        return subject.because("lead") if inside else region

    def _salient(self, region: Region) -> Region:
        """在…悦崃镇水桥村1400亩…基地: a village the lead names once, in a chain whose township the
        report keeps naming, is where one figure is; the report is about the township."""
        text = self.doc.text
        if region.start is None or region.place is None or region.place.level != "village" \
                or text.count(region.name) > 1:
            return region
        parent = self._parent_local(region)
        voiced = sum(text.count(w) for w in self.c["village_voice"])  # 我村, 全村: the report speaks as it
        if parent is not None and text.count(parent.name) >= 3 and voiced < 2:
            return parent.because("lead")
        return region

    def _first_chain(self, start: int, end: int) -> Region | None:
        """The first place named between start and end (a division chain, a zone, a township or
        village of the registry, or a local name opening the line), skipping newspapers and datelines."""
        text = self.doc.text
        hosted = teller = None
        for pos in range(start, end):
            if (pos in self.places.starts or pos in self.places.local_starts) and not self.places.is_media(pos):
                region, stop = self.chain_at(pos, end)
                if region is None:
                    continue
                listed = (text[stop:stop + 1] == "、" or text[pos - 1:pos] == "、") and \
                    region.place is not None and region.place.level not in ("township", "village")
                office = any(text.startswith(w, stop) for w in self.c["source_offices"])
                told = office and any(w in text[stop:stop + 14] for w in self.c["told_verbs"]) or (
                    text.endswith(tuple(self.c["told_openers"]), 0, pos)
                    and text.startswith(tuple(self.c["told_verbs"]), stop)) or self._told_on_day(stop)  # 记者从怀集县获悉
                visits = office and self._visits(stop)  # 茂名市委办公室到|沙琅镇…: the office's city is no subject
                clause = clause_before(text, max(start, pos - 12), pos)
                located = any(w in clause for w in (*self.c["location_verbs"], *self.c["neighbour_openers"],
                                                    *self.c["role_openers"], *self.c["distance_frames"])) or (
                    clause.endswith(tuple(self.c["origin_words"])) and text.startswith("的", stop)) \
                    or self._bordered(pos, stop)  # 来自苏州的宋先生, 南与山泉镇接壤
                organiser = text.endswith(tuple(self.c["organiser_before"]), 0, pos) and \
                    any(w in text[stop:stop + 12] for w in self.c["organiser_verbs"])
                if organiser:
                    hosted = hosted or region  # 由渭南市委宣传部组织的采访团走进…: the place visited, if any
                    continue
                media = self.places.outlet_after(stop)  # 本网河北唐山讯: a dateline
                if told:
                    teller = teller or region  # 从栖霞市委宣传部获悉,全市…: who told, if no one else is named
                    continue
                toured = clause.endswith(tuple(self.c["tour_verbs"])) or (
                    any(w in clause for w in self.c["locative_openers"])
                    and text.startswith(tuple(self.c["tour_verbs"]), stop))  # 总书记视察宁夏, 在宁夏考察时
                if listed or located or media or visits or toured or self._opens_time_clause(pos, stop):
                    continue  # 常熟、昆山、太仓三市, 地处…泰顺县…的罗阳镇: not its place
                return region
        for line in self.doc.lines:  # 巴音塔拉嘎查是我旗…: a local name opening a line of the span
            if line.end <= start or line.start >= end:
                continue
            lead = max(start, line.start) + len(line.text) - len(line.text.lstrip(" \u3000\t"))
            opener = self.opener_rx.match(text[lead:min(end, line.end)])
            sub = next((len(w) for w in self.c["title_openers"] if text.startswith(w, lead)), 0)
            for at in (lead, lead + opener.end()) if opener else (lead + sub,):  # 2024年，福民社区坚持…
                local = self.places.local_at(at, min(end, line.end))  # (——在金碧镇第十四届人民代表大会…)
                if local:
                    why = "title" if at == lead + sub else "lead"
                    return self.places.local_region(local, None).because(why, at, at + len(local))
        return hosted or teller

    def _bordered(self, pos: int, stop: int) -> bool:
        """南与山泉镇接壤, 同内蒙古交界: a place its clause says the subject borders."""
        text = self.doc.text
        after = clause_after(text, stop, stop + 12)
        return text.endswith(tuple(self.c["border_partners"]), 0, pos) and any(w in after for w in self.c["border_words"])

    def _told_on_day(self, stop: int) -> bool:
        """左贡县26日介绍,该县田妥镇亚中村…; 左贡县官方介绍,…: a place, the day (or 官方), then a verb of
        telling: who told, not the subject."""
        m = TOLD_ON_DAY.match(self.doc.text, stop)
        return bool(m) and self.doc.text.startswith(tuple(self.c["dated_told_verbs"]), m.end())

    def _title_end(self) -> int:
        """Where the title block ends: at the first line that reads as running text."""
        for line in self.doc.lines:
            s = line.stripped
            if len(s) >= 60 or s.endswith(("。", "！", "？")):
                return line.start
        return 0

    def _is_byline(self, line: Line) -> bool:
        """新甘肃·甘肃日报记者 谢晓玲 通讯员 刘欢欢: a short line naming who wrote the report."""
        s = line.stripped
        return len(s) < 60 and not s.endswith("。") and any(w in s for w in self.c["byline_words"])

    def _is_source_line(self, line: Line) -> bool:
        """来源:人民网, 2024-03-12 来源:科右前旗: a line that says where the text came from (not a figure's
        own source in brackets, 320户(2023年,来源:夹信子镇2023年度报告))."""
        s = line.stripped
        for lbl in self.c["source_labels"]:
            if s.startswith(lbl):
                return True
            for mark in (f"{lbl}:", f"{lbl}："):
                at = s.find(mark)
                if at >= 0 and s.count("(", 0, at) + s.count("（", 0, at) <= s.count(")", 0, at) + s.count("）", 0, at):
                    return True
        return False
