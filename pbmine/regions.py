"""Decide which place each claim is about.

The report's own place comes from its title, source lines and first
sentences (the most specific place of the first chain of names there:
深圳市南山区 -> 南山区, 福州市鼓楼区南街街道 -> 南街街道). A heading that names a
place (``市南区``, ``海棠区委组织部:``) or a department (``市住建局:``) opens a
section about that place. Inside a section, a place that opens a sentence or
a clause (``其中，宁海路街道…``, ``其中城东社区42项``) takes the figures that
follow it, and a scope word right before a figure (``全市47家``) gives it
the enclosing city or province. Division names and parents come from the
gazetteer; 街道/镇/村/社区 are read by pattern and hang under the place in
force; the cue words are in ``data/regions.toml``.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .gazetteer import Gazetteer, Place
from .sections import Document, Line, Sentence
from .segment import get_segmenter

OPENING_CHARS = 400  # how much of a report's start may name the report's place
LEVEL_RANK = {"province": 0, "city": 1, "district": 2, "zone": 2, "township": 3, "village": 4}
NOT_NAME_TAGS = ("v", "p", "c", "d", "r", "q", "f", "t", "u")  # tags no place name carries
CLAUSE_BREAKS = "，,；;：:。！？!?"
YEAR_OPENER = r"(?:19|20)\d{2}年(?:以来|来|度)?"


@lru_cache(maxsize=1)
def cues() -> dict:
    return tomllib.loads((resources.files("pbmine") / "data" / "regions.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Region:
    """The place a claim is about, with the name the report uses for it."""

    name: str
    place: Place | None

    def fields(self) -> dict:
        p = self.place
        return {
            "region": self.name,
            "region_full": p.full if p else None,
            "province": p.province if p else None,
            "city": p.city if p else None,
            "district": p.district if p else None,
            "adcode": p.adcode if p else None,
            "region_level": p.level if p else None,
        }


def local_place(name: str, parent: Place | None) -> Place:
    """A 社区/街道/镇/村 inside `parent`: the gazetteer does not list them, their parent does."""
    level = "village" if name.endswith(tuple(cues()["village_suffixes"])) else "township"
    if parent is None:
        return Place(name, name, None, None, None, None, level)
    district = parent.district or (parent.name if parent.level in ("district", "zone") else None)
    return Place(name, parent.full + name, parent.province, parent.city, district, parent.adcode, level)


class RegionResolver:
    """Region of every claim of one document."""

    def __init__(self, doc: Document, gaz: Gazetteer | None = None):
        self.doc = doc
        self.gaz = gaz or Gazetteer.default()
        self.c = c = cues()
        openers = "|".join(map(re.escape, sorted(c["sentence_openers"], key=len, reverse=True)))
        self.opener_rx = re.compile(rf"^(?:{YEAR_OPENER}|{openers})[，,、\s]*")
        self.name_suffixes = tuple(c["name_suffixes"])
        self.mentions = self.gaz.find(doc.text)
        self.starts = {m[0]: m for m in self.mentions}
        self.context = [cands[0] for cands in (self.gaz.candidates(m[2]) for m in self.mentions)
                        if len(cands) == 1]
        self._resolved: dict[str, Place | None] = {}
        self.report: Region | None = None  # set below; chains met while finding it hang under nothing
        self.surface = self._preferred_surfaces()
        suffixes = "|".join(c["local_suffixes"])
        self.local_rx = re.compile(rf"[\u4e00-\u9fff]{{2,5}}?(?:{suffixes})")
        self.report = self._report_region()
        self.section_of_line = self._sections()
        self._subjects: dict[int, Region | None] = {}
        self._carried: dict[int, Region | None] = {}

    # -- names ----------------------------------------------------------
    def resolve(self, surface: str) -> Place | None:
        if surface not in self._resolved:
            self._resolved[surface] = self.gaz.resolve(surface, self.context)
        return self._resolved[surface]

    @staticmethod
    def _key(place: Place) -> str:
        return place.adcode or f"{place.level}:{place.name}"

    def _preferred_surfaces(self) -> dict[str, str]:
        """The name the report uses most for each place, preferring names with a suffix (长岛综合试验区 over 长岛)."""
        counts: dict[str, Counter] = {}
        for _, _, surface in self.mentions:
            place = self.resolve(surface)
            if place is not None:
                counts.setdefault(self._key(place), Counter())[surface] += 1
        out = {}
        for key, counter in counts.items():
            place = self.resolve(next(iter(counter)))
            suffixed = [s for s in counter if s.endswith(self.name_suffixes)]
            if not suffixed:
                out[key] = place.name  # only 三亚 or 青岛 written: give the division's name
                continue
            best = max(suffixed, key=lambda s: (counter[s], -len(s)))  # a tie goes to the shorter (石柱县)
            out[key] = place.name if best.endswith(place.name) else best  # 青岛西海岸新区 -> 西海岸新区
        return out

    def region(self, place: Place | None, surface: str) -> Region:
        name = self.surface.get(self._key(place), surface) if place else surface
        return Region(name, place)

    def _local_at(self, pos: int, end: int | None = None, longer: bool = False) -> str | None:
        """A 街道/镇/村/社区 name starting at `pos` (南街街道, 田家沟村), or None."""
        m = self.local_rx.match(self.doc.text, pos, end if end is not None else len(self.doc.text))
        if not m:
            return None
        name = m.group()
        if name[0] in self.c["local_bad_first"] or any(w in name for w in self.c["local_not_names"]) \
                or any(ch in self.c["local_bad_chars"] for ch in name):
            return None
        stem = name[: -2] if name.endswith(("街道", "社区")) else name[:-1]
        longest = (4 if name.endswith(("街道", "社区")) else 3) + (1 if longer else 0)
        if self.doc.text[m.end():m.end() + 1] in self.c["local_not_followed_by"]:
            return None  # 村庄, 村民, 镇级: the suffix starts a word
        banned = ("v", "p", "c", "d") if longer else NOT_NAME_TAGS
        if not 2 <= len(stem) <= longest or any(t.tag.startswith(banned) for t in get_segmenter().tokens(stem)):
            return None  # 选优配强村, 驻区单位向社区: a verb or a function word, not a name
        if any(m2[0] < m.end() and m2[1] > pos for m2 in self.mentions):
            return None  # a division name, not a local one
        return name

    def chain_at(self, pos: int, limit: int | None = None) -> tuple[Region | None, int]:
        """The place named by the chain of names starting at `pos` (深圳市南山区, 湄潭县兴隆镇) and its end."""
        region, end = None, pos
        while end in self.starts and (limit is None or end < limit):
            _, m_end, surface = self.starts[end]
            place = self.resolve(surface)
            region = self.region(place, surface) if place else Region(surface, None)
            end = m_end
        for _ in range(2):  # 草海镇新华村: a township, then a village in it
            local = self._local_at(end, limit)
            if not local:
                break
            region = Region(local, local_place(local, region.place if region else self._base_place()))
            end += len(local)
        return region, end

    def _base_place(self) -> Place | None:
        return self.report.place if self.report else None

    # -- the report and its sections -------------------------------------
    def _report_region(self) -> Region | None:
        """The report's own place: from the title, source lines or first sentences."""
        title_end = self._title_end()
        lines = [ln for ln in self.doc.lines if ln.stripped]
        titled = [ln for ln in lines if ln.start < title_end]
        sourced = [ln for ln in lines if self._is_source_line(ln)]
        for group in (titled, sourced):
            for line in group:
                found = self._first_chain(line.start, line.end)
                if found:
                    return found
        for m_start, _, _ in self.mentions:
            if m_start < OPENING_CHARS:
                return self.chain_at(m_start)[0]
        return None

    def _first_chain(self, start: int, end: int) -> Region | None:
        """The first place named between start and end: a division chain, or a local name opening the line."""
        text = self.doc.text
        for pos in range(start, end):
            if pos in self.starts:
                return self.chain_at(pos, end)[0]
        line_text = text[start:end].lstrip()
        lead = start + len(text[start:end]) - len(line_text)
        local = self._local_at(lead, end)
        return Region(local, local_place(local, None)) if local else None

    def _title_end(self) -> int:
        """Where the title block ends: at the first line that reads as running text."""
        for line in self.doc.lines:
            s = line.stripped
            if len(s) >= 60 or s.endswith(("。", "！", "？")):
                return line.start
        return 0

    def _is_source_line(self, line: Line) -> bool:
        s = line.stripped
        return any(s.startswith(lbl) or f"{lbl}:" in s or f"{lbl}：" in s for lbl in self.c["source_labels"])

    def _sections(self) -> dict[int, Region | None]:
        """Region in force on each line, switched by headings."""
        current = self.report
        out: dict[int, Region | None] = {}
        for line in self.doc.lines:
            if line.looks_like_heading:
                found = self._heading_region(line)
                if found is not None:
                    current = found
            out[line.index] = current
        return out

    def _heading_region(self, line: Line) -> Region | None:
        s = line.stripped
        lead = line.start + line.text.find(s)
        region, end = self.chain_at(lead, line.end)
        if region is not None:
            rest = self.doc.text[end:line.end].strip().rstrip(":：")
            if not rest or s[-1] in ":：" or any(rest.startswith(x) for x in self.c["heading_suffixes"]):
                if region.place is not None and region.place.level in ("township", "village") and self.report:
                    region = Region(region.name, local_place(region.name, self.report.place))
                return region
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
        if p is None or level not in ("city", "province"):
            return region
        if LEVEL_RANK.get(p.level, 2) <= LEVEL_RANK[level]:
            return region
        parent = self.gaz.parent(p, level) if p.adcode or p.level in ("district", "zone", "city") else None
        if parent is None and p.city and level == "city":
            parent = self.gaz.resolve(p.city, self.context)
        if parent is None and p.province and level == "province":
            parent = self.gaz.resolve(p.province, self.context)
        return self.region(parent, parent.name) if parent else region

    # -- sentences and claims --------------------------------------------
    def _subject_at(self, pos: int, end: int) -> Region | None:
        """A place that opens the text at `pos` as its subject (not one of a list, not a location)."""
        text = self.doc.text
        while pos < end and text[pos] in " \u3000":
            pos += 1
        for opener in sorted(self.c["subject_openers"], key=len, reverse=True):
            if text.startswith(opener, pos):
                after = pos + len(opener)
                region, stop = self.chain_at(after, end)
                locative = opener in self.c["locative_openers"]
                if region is not None and (not locative or text[stop:stop + 1] in "，,"):
                    return region if self._is_subject(region, stop) else None
                if not locative:
                    pos = after
                    while pos < end and text[pos] in "，, \u3000":
                        pos += 1
                break
        region, stop = self.chain_at(pos, end)
        if region is None:
            return None
        return region if self._is_subject(region, stop) else None

    def _is_subject(self, region: Region, stop: int) -> bool:
        text = self.doc.text
        if any(text.startswith(w, stop) for w in self.c["list_markers"]):
            return False  # 海棠区、吉阳区…: a list of places
        # as written, the name must end in a suffix: a bare short form (青岛|自贸片区) modifies a noun
        return text[:stop].endswith(self.name_suffixes)

    def sentence_subject(self, sentence: Sentence) -> Region | None:
        """The place a sentence is about when it opens with one (after a time phrase or 其中)."""
        if sentence.index not in self._subjects:
            text = sentence.text
            m = self.opener_rx.match(text)
            start = sentence.start + (m.end() if m else 0)
            self._subjects[sentence.index] = self._subject_at(start, sentence.end)
        return self._subjects[sentence.index]

    def paragraph_subject(self, sentence: Sentence) -> Region | None:
        """The place the closest earlier sentence of the paragraph opened with (华溪村地处…。
        …带动全村132户养蜂) holds on; one brought in by 其中 holds for its own sentence only.
        Memoised, so a paragraph of thousands of sentences costs one pass."""
        k = sentence.index
        todo = []
        while k not in self._carried:
            todo.append(k)
            prev = self.doc.sentences[k - 1] if k > 0 else None
            if prev is None or prev.line != self.doc.sentences[k].line:
                self._carried[k] = None
                todo.pop()
                break
            k -= 1
        for k in reversed(todo):
            prev = self.doc.sentences[k - 1]
            own = None if prev.text.lstrip().startswith(tuple(self.c["subject_openers"])) else self.sentence_subject(prev)
            self._carried[k] = own or self._carried[k - 1]
        return self._carried[sentence.index]

    def region_for(self, sentence: Sentence, start: int) -> Region | None:
        """The region of a figure at `start` in `sentence`."""
        base = self.section_of_line.get(sentence.line, self.report)
        clause_start = self._clause_start(sentence, start)
        scope = self._scope(clause_start, start, base)
        if scope is not None:
            return scope
        here = self._place_before(clause_start, start) or self._subject_at(clause_start, start)
        if here is not None:
            return here
        carried = self._clause_chain(sentence, clause_start)
        if carried is not None:
            return carried or base
        return self.sentence_subject(sentence) or self.paragraph_subject(sentence) or base

    def _clause_chain(self, sentence: Sentence, clause_start: int) -> Region | bool | None:
        """The subject of an earlier clause of the sentence carries on (察素齐镇今年完成改造14个，
        改造面积约21万平方米); a clause opening with a location (在…的…中) ends it: False."""
        text = self.doc.text
        starts = [sentence.start] + [k + 1 for k in range(sentence.start, clause_start - 1)
                                     if text[k] in CLAUSE_BREAKS]
        carried: Region | bool | None = None
        for k in starts:
            opener = text[k:k + 1]
            subject = self._subject_at(k, clause_start)
            if subject is not None:
                carried = subject
            elif opener in self.c["locative_openers"] and self._names_place(k, clause_start):
                carried = False
        if text[clause_start:clause_start + 1] in self.c["locative_openers"] and \
                self._names_place(clause_start, len(text)):
            return False
        return carried

    def _names_place(self, start: int, limit: int) -> bool:
        """Whether the clause at `start` (在星光岛社区的…中) names a place of its own."""
        end = start
        while end < limit and self.doc.text[end] not in CLAUSE_BREAKS:
            end += 1
        return any(start <= m[0] < end for m in self.mentions) or any(
            self._local_at(k, end) for k in range(start, end - 1))

    def _clause_start(self, sentence: Sentence, pos: int) -> int:
        text = self.doc.text
        i = pos - 1
        while i >= sentence.start and text[i] not in CLAUSE_BREAKS:
            i -= 1
        return i + 1

    def _strip_fillers(self, left: str) -> str:
        left = left.rstrip()
        for filler in sorted(self.c["scope_fillers"], key=len, reverse=True):
            if left.endswith(filler):
                return left[: -len(filler)]
        return left

    def _scope(self, clause_start: int, start: int, base: Region | None) -> Region | None:
        """全市/全省 right before the figure (全市47家, 全州现有行政村2187个)."""
        left = self._strip_fillers(self.doc.text[clause_start:start])
        for word, level in self.c["scope_words"].items():
            if level in ("city", "province") and base is not None and base.place is not None:
                at = left.rfind(word)
                if at >= 0 and (at + len(word) == len(left) or self._nounish_gap(left[at + len(word):])):
                    return self._enclosing(base, level)
        return None

    def _nounish_gap(self, gap: str) -> bool:
        """全州|现有行政村|2187个: a filler and a short noun between the scope word and the figure
        (but 占全市|比重41.4% is the region's share of the city, not the city's figure)."""
        return 0 < len(gap) <= 8 and any(gap.startswith(f) for f in self.c["scope_fillers"]) \
            and not any(w in gap for w in ["的", *self.c["locatives"], *self.c["list_markers"]])

    def _place_before(self, clause_start: int, start: int) -> Region | None:
        """A place named directly before the figure (其中城东社区42项, 城阳区10个)."""
        left = self._strip_fillers(self.doc.text[clause_start:start])
        stop = clause_start + len(left)
        for m_start, m_end, surface in self.mentions:
            if clause_start <= m_start and m_end == stop:
                region, _ = self.chain_at(m_start, stop)
                if region is not None and not self._after_locative(m_start, clause_start):
                    return region
        # 其中城东社区42项, 、十八里店乡4087件: a local name filling the gap from the last break to the figure
        k = stop
        while k > clause_start and self.doc.text[k - 1] not in "、，,：:；;":
            k -= 1
        for opener in sorted(self.c["subject_openers"], key=len, reverse=True):
            if self.doc.text.startswith(opener, k) and opener not in self.c["locative_openers"]:
                k += len(opener)
                break
        local = self._local_at(k, stop, longer=True)
        if local and k + len(local) == stop:
            return Region(local, local_place(local, self._base_place()))
        return None

    def _after_locative(self, pos: int, floor: int) -> bool:
        text = self.doc.text
        return any(text.startswith(w, pos - len(w)) and pos - len(w) >= floor for w in self.c["locatives"])
