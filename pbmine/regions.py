"""Decide which place each claim is about.

The report's own place comes from ``report_place.py`` (title, source lines,
lead). A heading that names a place (``市南区``, ``海棠区委组织部:``) or a
department (``市住建局:``) opens a section about that place. Inside a section, a
place that opens a sentence or a clause (``其中，宁海路街道…``, ``其中城东社区42项``)
takes the figures that follow it, the unit a paragraph is about holds while the
text stays on it, and a scope word right before a figure (``全市47家``) gives it
the enclosing city or province. The places a document names come from
``places.py``, a sentence's subject from ``subjects.py``, the paragraph's unit from
``paragraph_place.py``, a scope word's whole from ``scope.py``; the cue words are in
``data/regions.toml``.
"""
from __future__ import annotations

import bisect
import re

from .gazetteer import Gazetteer, Place
from .places import CLAUSE_BREAKS, PlaceMentions, Region, cues, local_place, prefix_of
from .paragraph_place import LEVEL_RANK, ParagraphPlace
from .report_place import ReportPlace
from .report_voice import ReportVoice
from .scope import FigureScope
from .subjects import SentenceSubject
from .sections import Document, Line, Sentence

BYLINE = re.compile(r"\S[\s\u3000]+[\u4e00-\u9fff·]{2,4}(?:[\s\u3000]+[\u4e00-\u9fff·]{2,4})*$")  # …组织部 刘钿
YEAR_OPENER = r"(?:19|20)\d{2}年(?:以来|来|度)?"


class RegionResolver(SentenceSubject, FigureScope, ReportPlace, ReportVoice, ParagraphPlace):
    """Region of every claim of one document: the report's place, its sections, and the
    subject, scope or unit in force at each figure."""

    def __init__(self, doc: Document, gaz: Gazetteer | None = None):
        self.doc = doc
        self.places = PlaceMentions(doc, gaz)
        self.gaz = self.places.gaz
        self.c = c = cues()
        openers = "|".join(map(re.escape, sorted(c["sentence_openers"], key=len, reverse=True)))
        markers = "".join(re.escape(w) for w in c["list_markers"] if len(w) == 1)
        self.organ_in_list = re.compile(rf"[\u4e00-\u9fff]{{1,10}}[{markers}]")  # 市委政策研究室、…
        bodies = "|".join(map(re.escape, c["body_suffixes"]))
        self.named_body = re.compile(rf"[\u4e00-\u9fff]{{0,12}}?(?:{bodies})")
        self.opener_rx = re.compile(  # 据了解，近年来，…; 作为…集中区域，…
            rf"^(?:(?:{YEAR_OPENER}|{openers}|{c['since_clause']}|{c['role_clause']})[，,、\s]*)+")
        self._anaphors = (*c["anaphors_village"], *c["anaphors_township"])
        self.dateline_rx = re.compile(c["quote_dateline"])
        self.demonstrative_rx = re.compile(c["demonstrative_village"])  # 这个…的大石山村
        # the subject openers (其中, 在), longest first, as one pattern each: tried at every clause
        self.opener_at = re.compile("|".join(map(re.escape, c["subject_openers"])))
        self.described_rx = re.compile(rf"[\u4e00-\u9fff“”]{{1,10}}(?:{'|'.join(c['description_levels'])})")
        self.thing_located_rx = re.compile("|".join(map(re.escape, (*c["location_verbs"], *c["placing_copulas"]))))
        self.located_rx = re.compile(f"(?:{'|'.join(map(re.escape, c['location_verbs']))})[^，,。；;：:\n]{{1,20}}?的")
        self.plain_opener_at = re.compile("|".join(
            re.escape(o) for o in c["subject_openers"] if o not in c["locative_openers"]))
        self.report: Region | None = None  # set below; chains met while finding it hang under nothing
        self.report = self._report_region()
        self.section_of_line = self._sections()
        self._subjects: dict[int, Region | None] = {}
        self._carried: dict[int, Region | None] = {}
        self._first_sentence: dict[int, Sentence | None] = {}
        self._figure_breaks: list[int] = []  # ascending: figures are met in document order

    def chain_at(self, pos: int, limit: int | None = None) -> tuple[Region | None, int]:
        """The chain of names at `pos`; a township or village hangs under the report's place."""
        return self.places.chain_at(pos, limit, self._base_place())

    def _base_place(self) -> Place | None:
        return self.report.place if self.report else None

    def _sections(self) -> dict[int, Region | None]:
        """Region in force on each line, switched by headings."""
        current = self.report
        out: dict[int, Region | None] = {}
        previous = ""
        for line in self.doc.lines:
            if line.looks_like_heading and previous not in self.c["field_labels"]:  # (所屬地區 | 湖南省…: a field's value)
                found = self._heading_region(line)
                if found is not None:
                    current = found
            out[line.index] = current
            previous = line.stripped or previous
        return out

    def _heading_region(self, line: Line) -> Region | None:
        s = line.stripped
        lead = line.start + line.text.find(s)
        region, end = self.chain_at(lead, line.end)
        if region is not None:
            rest = self.doc.text[end:line.end].strip().rstrip(":：")
            if BYLINE.search(rest):
                return None  # 广东省潮州市潮安区委组织部 刘钿: who wrote it, not a section
            if rest.startswith(tuple(self.c["source_offices"])) and self._visits(end):
                return None  # 茂名市委办公室到沙琅镇开展…: an office visiting a place heads no section of its own
            if not rest or s[-1] in ":：" or any(rest.startswith(x) for x in self.c["heading_suffixes"]):
                if region.place is not None and region.place.level in ("township", "village") and self.report \
                        and not self.places.local_names:
                    region = Region(region.name, local_place(region.name, self.report.place))
                return region.because("heading")
            return None
        body = s.rstrip(":：")
        if s[-1] in ":：" or len(body) <= 12:
            level = self.c["department_prefixes"].get(body[:1])
            if level and any(m in body for m in self.c["department_markers"]):
                return self._report_at(level)
        return None

    def _report_at(self, level: str) -> Region | None:
        """The report's place, or its enclosing city/province (市住建局 in a district report)."""
        if self.report is None or self.report.place is None:
            return self.report
        return self._enclosing(self.report, level)

    def _enclosing(self, region: Region, level: str) -> Region | None:
        p = region.place
        if p is None or level not in ("city", "province", "district"):
            return region
        if LEVEL_RANK.get(p.level, 2) <= LEVEL_RANK[level]:
            return region
        if level == "district":  # a township's or village's county: the first six digits of its code
            county = self.gaz.by_adcode(p.adcode[:6]) if p.adcode and len(p.adcode) > 6 else None
            return self.places.region(county, county.name) if county else region
        parent = self.gaz.parent(p, level) if p.adcode or p.level in ("district", "zone", "city") else None
        if parent is None and p.city and level == "city":
            parent = self.gaz.resolve(p.city, self.places.context)
        if parent is None and p.province and level == "province":
            parent = self.gaz.resolve(p.province, self.places.context)
        return self.places.region(parent, parent.name) if parent else region

    def figures(self, ends: list[int]) -> None:
        """The ends of a sentence's figures (with their units). One directly followed by a place
        is a clause break (耕地面积6198亩|丁湾村辖8个村民小组): villages listed without punctuation."""
        starts = self.places.starts
        for end in ends:
            if (end in starts or end in self.places.local_starts) and \
                    (not self._figure_breaks or end > self._figure_breaks[-1]):
                self._figure_breaks.append(end)

    def _breaks_between(self, start: int, stop: int) -> list[int]:
        k = bisect.bisect_right(self._figure_breaks, start)
        return self._figure_breaks[k:bisect.bisect_right(self._figure_breaks, stop)]

    def region_for(self, sentence: Sentence, start: int) -> Region | None:
        """The region of a figure at `start` in `sentence`, with why it was chosen (`source`)."""
        base = self.section_of_line.get(sentence.line, self.report)
        region = self._region_for(sentence, start)
        if region is not None and region.name in self.places.pattern_zones and self.report is not None \
                and region.name != self.report.name and self._inside(self.report, self.places.pattern_zones[region.name]):
            return base  # 青岛自贸片区 in a report on 西海岸新区: a zone within the report's own region
        return region

    def respective(self, sentence: Sentence, starts: list[int], found: list[Region | None]) -> list[Region | None]:
        """盐城、泰州、扬州较上年分别增长4.6%、4.4%和4.3%: a list of places, then 分别 and as many figures
        in its clause: each figure is its own place's, in order."""
        text = self.doc.text
        out = list(found)
        for word in self.c["respective_words"]:
            at = text.find(word, sentence.start, sentence.end)
            while at >= 0:
                places = self._listed_places(sentence, at)
                stop = next((k for k in range(at, sentence.end) if text[k] in CLAUSE_BREAKS or text[k] == "\n"), sentence.end)
                figures = [k for k, start in enumerate(starts) if at < start < stop]
                if len(places) >= 2 and len(figures) == len(places):
                    for k, region in zip(figures, places):
                        out[k] = region.because("sentence")
                at = text.find(word, at + len(word), sentence.end)
        return out

    def _listed_places(self, sentence: Sentence, at: int) -> list[Region]:
        """The places listed with 、 (or 和, 及, 与) in the clause that ends at `at`."""
        text = self.doc.text
        start = max([sentence.start] + [text.rfind(ch, sentence.start, at) + 1 for ch in CLAUSE_BREAKS])
        places: list[Region] = []
        pos, last = start, None
        while pos < at:
            if pos in self.places.starts or pos in self.places.local_starts:
                region, stop = self.chain_at(pos, at)
                if region is not None and stop > pos:
                    if last is not None and text[last:pos] not in self.c["respective_joins"]:
                        return []  # 苏州以…, 南京: places not listed together
                    places.append(region)
                    pos = last = stop
                    continue
            pos += 1
        return places

    def _inside(self, region: Region, parent: Place) -> bool:
        p = region.place
        if p is None or parent.adcode is None or p.adcode is None:
            return False
        return p.adcode != parent.adcode and p.adcode.startswith(prefix_of(parent)) \
            and LEVEL_RANK.get(p.level, 2) > LEVEL_RANK.get(parent.level, 2)

    def _region_for(self, sentence: Sentence, start: int) -> Region | None:
        """The region of a figure, before zones inside the report's region are folded into it."""
        base = self.section_of_line.get(sentence.line, self.report)
        clause_start = self._clause_start(sentence, start)
        scope = self._scope(clause_start, start, base)
        if scope is not None:
            return scope
        here = self._place_before(clause_start, start) or self._subject_at(clause_start, start)
        if here is not None:
            return here.because("sentence")
        carried = self._clause_chain(sentence, clause_start)
        if carried is not None:
            return carried.because("sentence") if carried else base
        subject = self.sentence_subject(sentence) or self._organ_opening(sentence, base)
        if subject is not None:
            return subject.because("sentence")
        held = self.paragraph_subject(sentence)
        if held is not None and not self._back_to_whole(sentence, start, held):
            return held.because("paragraph")
        return self._focus(sentence, start, base) or base

    def _is_organ(self, end: int) -> bool:
        """孙吴县|委组织部, 县|政府: the division's name opens an office's name."""
        return self.doc.text.startswith(tuple(self.c["heading_suffixes"]), end)

    def _organ_opening(self, sentence: Sentence, base: Region | None) -> Region | None:
        """县委组织部积极争取…为29个空壳村注入资金1350万元: a sentence opened by an office of the county
        (city, province) is about that county, in a report about a place inside it."""
        if base is None or base.place is None:
            return None
        m = self.opener_rx.match(sentence.text)
        head = sentence.text[m.end() if m else 0:][:6]
        level = self.c["department_prefixes"].get(head[:1])
        if level is None or not head[1:].startswith(tuple(self.c["organ_words"])):
            return None
        if LEVEL_RANK.get(level, 2) >= LEVEL_RANK.get(base.place.level, 2):
            return None  # 县委 in a county report: the report's own place, nothing to change
        return self._own_level("全" + head[0], base) or self._enclosing(base, level)

    def _clause_chain(self, sentence: Sentence, clause_start: int) -> Region | bool | None:
        """The subject of an earlier clause of the sentence carries on (察素齐镇今年完成改造14个，
        改造面积约21万平方米); a clause opening with a location (在…的…中) ends it: False."""
        text = self.doc.text
        starts = sorted([sentence.start] + [k + 1 for k in range(sentence.start, clause_start - 1)
                                            if text[k] in CLAUSE_BREAKS]
                        + self._breaks_between(sentence.start, clause_start - 1))
        carried: Region | bool | None = None
        for k in starts:
            opener = text[k:k + 1]
            subject = self._subject_at(k, clause_start)
            if subject is not None:
                carried = subject
            elif opener in self.c["locative_openers"] and self.places.names_place(k, clause_start):
                carried = self._inside_place(k + 1, clause_start) or False
        if text[clause_start:clause_start + 1] in self.c["locative_openers"] and \
                self.places.names_place(clause_start, len(text)):
            return False
        return carried

    def _inside_place(self, pos: int, stop: int) -> Region | None:
        """在博依拉村村办工厂里，136名员工…, 在梅溪镇的甜橄榄基地，20个种植大户…: a clause set inside a
        unit's building or at its site is at that unit (not 在梅溪镇的带动下: an agent's frame)."""
        region, end = self.chain_at(pos, stop)
        if region is None or region.place is None or region.place.level not in ("township", "village"):
            return None
        rest = self.doc.text[end:stop].rstrip("，, ")
        if 0 < len(rest) <= 12 and rest.endswith(tuple(self.c["inside_words"])):
            return region
        site = rest.startswith("的") and 2 <= len(rest) <= 11 and not rest.endswith(tuple(self.c["frame_ends"]))
        return region if site else None

    def _clause_start(self, sentence: Sentence, pos: int) -> int:
        text = self.doc.text
        i = pos - 1
        while i >= sentence.start and text[i] not in CLAUSE_BREAKS:
            i -= 1
        soft = self._breaks_between(i + 1, pos)
        return soft[-1] if soft else i + 1

    def _place_before(self, clause_start: int, start: int) -> Region | None:
        """A place named directly before the figure (其中城东社区42项, 城阳区10个)."""
        left = self._strip_fillers(self.doc.text[clause_start:start])
        stop = clause_start + len(left)
        for m_start, m_end, surface in self.places.ending_at(stop):
            if clause_start <= m_start:
                region, _ = self.chain_at(m_start, stop)
                if region is not None and not self._after_locative(m_start, clause_start) \
                        and not self._measured_from(clause_start, m_start):
                    return region
        if self.places.closes_member_list(stop):
            return None  # 下辖大中村、天明村、新华村|4个行政村: the members counted, not their owner
        named = self.places.local_ending_at(stop)  # 该项目每年为道特淖尔镇56名…: the unit whose people are counted
        if named is not None and named[0] >= clause_start and not self._measured_from(clause_start, named[0]) and (
                self._after_recipient(named[0], clause_start) or not self._after_locative(named[0], clause_start)):
            return self.places.local_region(named[2], self._base_place()).because("sentence", named[0], stop)
        # 其中城东社区42项, 、十八里店乡4087件: a local name filling the gap from the last break to the figure
        k = stop
        while k > clause_start and self.doc.text[k - 1] not in "、，,：:；;":
            k -= 1
        m = self.plain_opener_at.match(self.doc.text, k)
        if m:
            k = m.end()
        local = self.places.local_at(k, stop, longer=True)
        if local and k + len(local) == stop:
            return self.places.local_region(local, self._base_place()).because("sentence", k, stop)
        return None

    def _measured_from(self, clause_start: int, pos: int) -> bool:
        """距离镇政府所在地舍伯吐镇|12.5公里: the place a distance is measured from is not the figure's
        subject, though words stand between the distance word and the place."""
        return any(w in self.doc.text[clause_start:pos] for w in self.c["distance_frames"])

    def _after_recipient(self, pos: int, floor: int) -> bool:
        text = self.doc.text
        return any(text.startswith(w, pos - len(w)) and pos - len(w) >= floor for w in self.c["recipient_words"])

    def _after_locative(self, pos: int, floor: int) -> bool:
        text = self.doc.text
        return any(text.startswith(w, pos - len(w)) and pos - len(w) >= floor for w in self.c["locatives"])
