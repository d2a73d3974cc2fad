"""The place a sentence is about when one opens it.

After a time phrase or 其中 (其中，宁海路街道…), a chain of places that is not one of a list, a
location, an address or the start of a body's name (江口县黔农农机专业合作社); a unit after where it
lies (地处…的阳屲村), a residential compound opening with what it is (红湖公园城小区是…), a unit inside
a place described before it (河南省重点革命老区镇舞钢市尹集镇), or a thing the sentence places in a
unit (嘉地中心是…石门二路街道…的楼宇). ``regions.RegionResolver`` mixes this in; the cue words are in
``data/regions.toml``.
"""
from __future__ import annotations

from .paragraph_place import LEVEL_RANK
from .places import CLAUSE_BREAKS, Region, local_place, prefix_of
from .registry_mentions import NUMBER_START
from .sections import Sentence
from .segment import get_segmenter


class SentenceSubject:
    """The subject place of a sentence or clause (a mixin of RegionResolver: needs ``doc``,
    ``places``, ``report``, ``c``, the compiled cue patterns and ``chain_at``)."""

    def _subject_at(self, pos: int, end: int) -> Region | None:
        """A place that opens the text at `pos` as its subject (not one of a list, not a location)."""
        text = self.doc.text
        while pos < end and text[pos] in " \u3000":
            pos += 1
        example = self._example_at(pos, end)
        if example is not None:
            return example
        m = self.opener_at.match(text, pos)
        if m:
            after = m.end()
            region, stop = self.chain_at(after, end)
            locative = m.group() in self.c["locative_openers"]
            if region is not None and (not locative or text[stop:stop + 1] in "，," or NUMBER_START.match(text, stop)):
                # (在泽州县17个乡镇中,…: the place the count right after it is of)
                return region if self._is_subject(region, stop) else None
            if region is not None and self._scene_at(region, stop, end):
                return region
            if not locative:
                pos = after
                while pos < end and text[pos] in "，, \u3000":
                    pos += 1
        region, stop = self.chain_at(pos, end)
        if region is None:
            return self._compound_subject(pos, end) or self._located_subject(pos, end)
        if text[max(0, pos - 6):pos].rstrip(" \u3000\n").endswith(tuple(self.c["location_verbs"])):
            return None  # 小后冲村隶属于\n云南省…八街镇: a wrapped line's chain is where the unit before lies
        region = self._described_inside(region, stop, end) or region
        return region if self._is_subject(region, stop if region.end is None else region.end) else None

    def _described_inside(self, region: Region, stop: int, end: int) -> Region | None:
        """河南省|重点革命老区镇|舞钢市尹集镇召开…: a place, a description of a unit ending in its level, then
        a chain inside the place: the chain is the subject, the first place its description's scope."""
        p = region.place
        if p is None or not p.adcode:
            return None
        text = self.doc.text
        for k in range(stop + 3, min(end, stop + 13)):
            if text[k - 1] in CLAUSE_BREAKS or text[k - 1] in "、的":
                return None
            if (k in self.places.starts or k in self.places.local_starts) and self.described_rx.fullmatch(text, stop, k) \
                    and not any(t.tag == "v" for t in get_segmenter().tokens(text[stop:k])):  # (表彰|先进乡镇: an act)
                inner, _ = self.chain_at(k, end)
                q = inner.place if inner is not None else None
                if q is not None and LEVEL_RANK.get(q.level, 2) > LEVEL_RANK.get(p.level, 2) \
                        and (q.adcode or "").startswith(prefix_of(p)):
                    return inner
        return None

    def _scene_at(self, region: Region, stop: int, end: int) -> bool:
        """在…佟二堡镇曹家村生态园新增设的婚礼场地,…: a township or village opening a locative clause
        with a thing in it (a park, a yard, a field) sets the scene of its sentence; a clause of
        circumstance (…的带领下, …召开的全县现场会上) does not."""
        p = region.place
        if p is None or p.level not in ("township", "village"):
            return False
        text = self.doc.text
        comma = min((k for k in (text.find("，", stop, end), text.find(",", stop, end)) if k >= 0), default=-1)
        if comma < 0 or comma - stop > self.c["scene_span"] or text[stop:stop + 1] in "、的和与及":
            return False
        clause = text[stop:comma]
        if any(b in clause for b in CLAUSE_BREAKS) or self._names_place_in(stop, comma):
            return False
        return not clause.endswith(tuple(self.c["circumstance_ends"]))

    def _names_place_in(self, start: int, stop: int) -> bool:
        return any(start <= m[0] < stop for m in (*self.places.mentions, *self.places.local_mentions))

    def _located_subject(self, pos: int, end: int) -> Region | None:
        """地处渭北干旱山区的阳屲村,村支书…: a unit opening its sentence after where it lies (地处…的)
        and before a comma is the sentence's subject."""
        m = self.located_rx.match(self.doc.text, pos, end)
        if m is None:
            return None
        region, stop = self.chain_at(m.end(), end)
        if region is None or region.place is None or region.place.level not in ("township", "village") \
                or self.doc.text[stop:stop + 1] not in "，,":
            return None
        return region

    def _thing_located(self, pos: int, end: int) -> Region | None:
        """嘉地中心是静安区石门二路街道…的高档商务楼宇, “十黑大院”是…小院之一,位于蔡家寺村元塘社: a thing (a
        building, a yard) the sentence places in a township or village, where no place opens it: that
        unit is where its figures are (the last one named, the most specific)."""
        text = self.doc.text
        first = self.thing_located_rx.search(text, pos, end)
        if first is None or first.start() - pos < 2 or not text.endswith(tuple(self.c["located_things"]), pos, first.start()) \
                or any(pos <= m[0] < first.start() for m in (*self.places.mentions, *self.places.local_mentions)):
            return None  # (位于…镇东南部,是该镇下辖行政村: the village, its subject, left unsaid)
        found = None
        for m in self.thing_located_rx.finditer(text, first.start(), end):
            region, _ = self.chain_at(m.end(), end)
            if region is not None and region.place is not None and region.place.level in ("township", "village"):
                found = region
        return found

    def _compound_subject(self, pos: int, end: int) -> Region | None:
        """紅湖公園城小區是崇義社區最大的…小區: a residential compound opening a sentence, then a verb of
        what it is or has, is the sentence's subject, inside the region in force."""
        name = self.places.compound_at(pos, end, "subject_compound_suffixes")
        if name is None or not self.doc.text.startswith(tuple(self.c["compound_subject_verbs"]), pos + len(name)):
            return None
        base = self._base_place()
        return Region(name, local_place(name, base)).because("sentence", pos, pos + len(name))

    def _example_at(self, pos: int, end: int) -> Region | None:
        """以静安区为例，…: the place the clause holds up as the example is what follows is about."""
        text = self.doc.text
        for opener, closer in self.c["example_frames"]:
            if text.startswith(opener, pos):
                region, stop = self.chain_at(pos + len(opener), end)
                if region is not None and text.startswith(closer, stop):
                    return region
        return None

    def _is_subject(self, region: Region, stop: int) -> bool:
        text = self.doc.text
        if region.start is not None and region.start in self.places.starts and self.places.is_media(region.start):
            return False  # 滨州日报讯(记者…)今年…: the outlet's place is no subject
        if any(text.startswith(w, stop) for w in self.c["list_markers"]) or self._is_address(stop) \
                or self.places.closes_member_list(stop) or self._told_on_day(stop):
            return False  # 海棠区、吉阳区…: a list of places; 双柏村3组村民…: a person's address; 左贡县26日介绍: who told
        if self._is_organ(stop) and self.organ_in_list.match(text, stop) or self._branch_of_list(stop):
            return False  # 青岛市委政策研究室、贝林自然博物馆…等7家共建单位, 高桥村党支部、…等8个: one body of a list
        if self._above_report(region) and self.named_body.match(text, stop) and not self._verb_at(stop):
            return False  # 江口县黔农农机专业合作社… in a village's report: the county begins a body's name
            # (but 后腰村股份经济合作社: the village's own; 定山镇|成立…公司: a verb follows)
        # as written, the name must end in a suffix: a bare short form (青岛|自贸片区) modifies a noun
        if text[:stop].endswith(self.places.name_suffixes) or self._ends_local(stop):
            return True  # (a local name ends in its own suffix: 丹江街, 巴音塔拉嘎查, 高行居委)
        return self._stem_acts(stop)

    def _branch_of_list(self, stop: int) -> bool:
        """高桥村党支部、小西关社区党支部等8个基层党组织: a unit's own branch, then 、 or 等: one of a list."""
        text = self.doc.text
        organ = next((w for w in self.c["village_organs"] if text.startswith(w, stop)), None)
        return organ is not None and text[stop + len(organ):stop + len(organ) + 1] in ("、", "等")

    def _ends_local(self, stop: int) -> bool:
        return self.places.local_ending_at(stop) is not None

    def _above_report(self, region: Region) -> bool:
        r = self.report.place if self.report is not None else None
        return r is not None and region.place is not None and \
            LEVEL_RANK.get(region.place.level, 2) < LEVEL_RANK.get(r.level, 2)

    def _verb_at(self, pos: int) -> bool:
        """A verb at `pos`, an adverb and then a verb, or a set phrase (福安|不断丰富…, 江华|坚持…)."""
        after = get_segmenter().tokens(self.doc.text[pos:pos + 8])
        if len(after) > 1 and after[0].tag in ("d", "ad"):
            after = after[1:]
        return bool(after) and (after[0].tag.startswith("v") and after[0].tag != "vn" or after[0].tag == "l")

    def _stem_acts(self, stop: int) -> bool:
        """江华坚持党建引领…, 固原在108个村投入…: a county's or city's stem followed by a verb, or by a
        preposition that opens what it does, is the subject of its sentence; so is a city's stem whose
        measure follows it (南京地区生产总值为16908亿元)."""
        ends = self.places.by_end.get(stop, ())
        opens = self.doc.text.startswith(tuple(self.c["subject_prepositions"]), stop) and \
            not self.doc.text.startswith(tuple(self.c["scene_prepositions"]), stop)  # (沅江在此蜿蜒而过: a river)
        if any(m[2] in self.places.stems for m in ends):
            return self._verb_at(stop) or opens
        measured = self.doc.text.startswith(tuple(self.c["stem_measures"]), stop)  # 南京|地区生产总值为16908亿元
        return (opens or measured) and any(self._city_stem(m) for m in ends)

    def _city_stem(self, m: tuple[int, int, str]) -> bool:
        p = self.places.resolve(m[2])
        return p is not None and p.level == "city" and p.name != m[2] and not m[2].endswith(self.places.name_suffixes)

    def sentence_subject(self, sentence: Sentence) -> Region | None:
        """The place a sentence is about when it opens with one (after a time phrase or 其中)."""
        if sentence.index not in self._subjects:
            text = sentence.text
            m = self.opener_rx.match(text)
            start = sentence.start + (m.end() if m else 0)
            self._subjects[sentence.index] = self._subject_at(start, sentence.end) or self._thing_located(start, sentence.end)
        return self._subjects[sentence.index]
