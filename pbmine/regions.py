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

import bisect
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .divisions import Local, Registry, find_locals, is_numeral_name
from .gazetteer import Gazetteer, Place
from .sections import Document, Line, Sentence
from .segment import get_segmenter

OPENING_CHARS = 400  # how much of a report's start may name the report's place
FOCUS_WINDOW = 1500  # how far back a paragraph's unit still holds (keeps a figure's work bounded)
LEVEL_RANK = {"province": 0, "city": 1, "district": 2, "zone": 2, "township": 3, "village": 4}
NOT_NAME_TAGS = ("v", "p", "c", "d", "r", "q", "f", "t", "u")  # tags no place name carries
CLAUSE_BREAKS = "，,；;：:。！？!?"
YEAR_OPENER = r"(?:19|20)\d{2}年(?:以来|来|度)?"


@lru_cache(maxsize=1)
def cues() -> dict:
    return tomllib.loads((resources.files("pbmine") / "data" / "regions.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def common_stems() -> frozenset[str]:
    text = (resources.files("pbmine") / "data" / "common_stems.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@dataclass(frozen=True)
class Region:
    """The place a claim is about, with the name the report uses for it."""

    name: str
    place: Place | None
    source: str | None = None   # why: title, lead, report, heading, sentence, paragraph, anaphora, scope
    start: int | None = None    # the mention that gave it, when there is one
    end: int | None = None

    def because(self, source: str, start: int | None = None, end: int | None = None) -> "Region":
        return Region(self.name, self.place, source, start if start is not None else self.start,
                      end if end is not None else self.end)

    def fields(self) -> dict:
        p = self.place
        return {
            "region": self.name,
            "region_source": self.source,
            "region_start": self.start,
            "region_end": self.end,
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


def _prefix(place: Place) -> str:
    """The code prefix of the divisions under `place`."""
    if place.level == "province":
        return place.adcode[:2]
    if place.level == "city":
        return place.adcode[:4]
    return place.adcode[:6] if len(place.adcode) <= 6 else place.adcode


def registry_place(local: Local, gaz: Gazetteer) -> Place:
    """A township or village of the registry, with its county's province, city and district."""
    county = gaz.by_adcode(local.county)
    if county is None:
        return Place(local.name, local.name, None, None, None, local.code, local.level)
    district = county.name if county.level == "district" else county.district
    return Place(local.name, county.full + local.name, county.province, county.city, district,
                 local.code, local.level)


class RegionResolver:
    """Region of every claim of one document."""

    def __init__(self, doc: Document, gaz: Gazetteer | None = None):
        self.doc = doc
        self.gaz = gaz or Gazetteer.default()
        self.c = c = cues()
        openers = "|".join(map(re.escape, sorted(c["sentence_openers"], key=len, reverse=True)))
        self.opener_rx = re.compile(rf"^(?:{YEAR_OPENER}|{openers})[，,、\s]*")
        self.name_suffixes = tuple(c["name_suffixes"])
        self._resolved: dict[str, Place | None] = {}
        self.mentions = self._with_zones(self._with_stems(self.gaz.find(doc.text)))
        self.starts = {m[0]: m for m in self.mentions}
        self._by_end: dict[int, list[tuple[int, int, str]]] = {}
        for m in self.mentions:
            self._by_end.setdefault(m[1], []).append(m)
        self.context = [cands[0] for cands in (self.gaz.candidates(m[2]) for m in self.mentions)
                        if len(cands) == 1]
        self.registry = Registry.default()
        self.local_names = self.registry.locals_under(*self._chain_prefixes())
        self.local_mentions = [m for m in find_locals(doc.text, self.local_names, self._starts_word)
                               if not any(g[0] < m[1] and g[1] > m[0] for g in self._near(m[0]))]
        self.local_starts = {m[0]: m for m in self.local_mentions}
        self._local_ends = [m[1] for m in self.local_mentions]
        suffixes = "|".join(c["local_suffixes"])
        self.local_rx = re.compile(rf"[\u4e00-\u9fff]{{2,5}}?(?:{suffixes})")
        if self.local_names:
            self._add_own_locals()
        self.report: Region | None = None  # set below; chains met while finding it hang under nothing
        self.surface = self._preferred_surfaces()
        self.report = self._report_region()
        self.section_of_line = self._sections()
        self._subjects: dict[int, Region | None] = {}
        self._carried: dict[int, Region | None] = {}
        self._first_sentence: dict[int, Sentence | None] = {}

    # -- names ----------------------------------------------------------
    def _near(self, pos: int) -> list[tuple[int, int, str]]:
        """The division mentions that may overlap a name starting at `pos` (bisect, not a scan)."""
        k = bisect.bisect_left(self._mention_starts, pos - 12)
        out = []
        while k < len(self.mentions) and self.mentions[k][0] < pos + 12:
            out.append(self.mentions[k])
            k += 1
        return out

    def _with_stems(self, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Add counties named by their stem (贵州天柱, 犍为用活…, 黎平): the stems of the counties
        under the provinces and cities the document names, where the stem is a word of its own."""
        text = self.doc.text
        self.stems: set[str] = set()
        ctx = {}
        for m in mentions:
            place = self.gaz.resolve(m[2])
            if place is not None and place.adcode and place.level in ("province", "city"):
                ctx[place.adcode[: 2 if place.level == "province" else 4]] = True
        if not ctx:  # 海曙党员队伍持续壮大: a title naming its county by a stem that only it has
            title = next((ln for ln in self.doc.lines if ln.stripped), None)
            every = self.gaz.county_stems(("",))
            words = [t.text for t in get_segmenter().tokens(title.text)] if title else []
            stems = {w: every[w] for w in words if w in every}
        else:
            stems = self.gaz.county_stems(tuple(sorted(ctx)))
        opening = min(len(text), OPENING_CHARS)
        cities = any(len(k) == 4 for k in ctx)
        taken = [(m[0], m[1]) for m in mentions]
        added = []
        common = common_stems()
        for stem, place in stems.items():
            if stem in common:
                continue  # 资源, 和平, 平安: a word of the language before it is a county
            at = text.find(stem)
            if at < 0 or (not cities and at >= opening):
                continue  # with only a province named, the stem must be in the title or lead
            while at >= 0:
                end = at + len(stem)
                if not any(a < end and at < b for a, b in taken) and self._is_word(at, end):
                    added.append((at, end, stem))
                    self._resolved[stem] = place
                    self.stems.add(stem)
                at = text.find(stem, end)
        if not added:
            return mentions
        return sorted(mentions + added)

    def _cuts(self, lo: int, hi: int) -> set[int]:
        """Where the segmenter cuts the text between lo and hi (a few characters around a name)."""
        lo, hi = max(0, lo), min(len(self.doc.text), hi)
        return {t.start for t in get_segmenter().tokens(self.doc.text[lo:hi], lo)} | {hi}

    def _starts_word(self, start: int) -> bool:
        """The segmenter cuts the text where a short name would start (not 示范|村 -> 范村)."""
        text = self.doc.text
        if start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff" or text[start - 1] in self.c["name_may_follow"]:
            return True  # after punctuation, or after the township or county it lies in (中益乡华溪村)
        return start in self._cuts(start - 6, start + 6)

    def _is_word(self, start: int, end: int) -> bool:
        """The segmenter cuts the text at both ends of the stem (not 公正安全 for 正安)."""
        cuts = self._cuts(start - 6, end + 6)
        return start in cuts and end in cuts

    def _with_zones(self, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Add development zones named by pattern (山亭经济开发区, 西宁经济技术开发区东川工业园区):
        a zone whose stem is a place, or that follows a place or zone, hangs under it."""
        text = self.doc.text
        c = self.c
        longest_first = sorted(c["zone_suffixes"], key=len, reverse=True)
        suffixes = "|".join(map(re.escape, longest_first))
        zones: list[tuple[int, int, str]] = []
        by_end = {m[1]: m for m in mentions}
        self.pattern_zones: dict[str, Place] = {}  # zone name -> the place it hangs under
        for m in re.finditer(rf"[\u4e00-\u9fff]{{2,8}}?(?:{suffixes})", text):
            start, end = m.span()
            if end in by_end:  # the gazetteer knows this zone (西海岸新区)
                continue
            suffix = next(x for x in longest_first if m.group().endswith(x))
            parent = None
            for k in range(start, end - len(suffix)):  # the stem: a place name ending where the suffix starts
                stem_text = text[k:end - len(suffix)]
                if len(stem_text) < 2:
                    break
                place = self.gaz.resolve(stem_text) if stem_text not in c["zone_bad_stems"] else None
                if place is not None and not place.ambiguous:
                    parent, start = place, k
                    break
            before = by_end.get(start) or (zones[-1] if zones and zones[-1][1] == start else None)
            if before is not None:
                parent = self._resolved.get(before[2]) or self.gaz.resolve(before[2])
            if parent is None:
                continue
            name = text[start:end]
            place = Place(name, parent.full + name, parent.province, parent.city,
                          parent.district or (parent.name if parent.level == "district" else None),
                          parent.adcode, "zone")
            self._resolved[name] = place
            self.pattern_zones[name] = parent
            zones.append((start, end, name))
        if not zones:
            self._mention_starts = [m[0] for m in mentions]
            return mentions
        kept = [m for m in mentions if not any(z[0] <= m[0] < z[1] or z[0] < m[1] <= z[1] for z in zones)]
        out = sorted(kept + zones)
        self._mention_starts = [m[0] for m in out]
        return out

    def _chain_prefixes(self) -> tuple[set[str], set[str]]:
        """Code prefixes of the places the document names: townships under any of them, villages
        under its counties and cities (under its provinces only when it names nothing smaller)."""
        places = [p for p in (self.resolve(m[2]) for m in self.mentions) if p is not None and p.adcode]
        by_level: dict[str, set[str]] = {"district": set(), "city": set(), "province": set()}
        for p in places:
            lvl = "district" if p.level in ("district", "zone") else p.level
            if lvl in by_level:
                by_level[lvl].add(p.adcode[: {"district": 6, "city": 4, "province": 2}[lvl]])
        smaller = by_level["district"] | by_level["city"]
        return smaller | by_level["province"], smaller or by_level["province"]

    def resolve(self, surface: str) -> Place | None:
        if surface not in self._resolved:
            self._resolved[surface] = self.gaz.resolve(surface, self.context)
        return self._resolved[surface]

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
        """A 街道/镇/村/社区 name starting at `pos` (南街街道, 田家沟村), or None.

        Where the document's region chain is known, only names the registry lists
        under it count; elsewhere the suffix pattern with its negative word lists."""
        limit = end if end is not None else len(self.doc.text)
        if self.local_names:
            m = self.local_starts.get(pos)
            return m[2] if m is not None and m[1] <= limit else None
        return self._pattern_local_at(pos, limit, longer)

    def _add_own_locals(self) -> None:
        """A village or community the registry lacks (renamed, or written 付竹村 for 傅竹村) still
        counts where the report itself vouches for it: it opens a line (象山社区位于…; a title's
        付竹村调研) and passes the suffix rules. Its other mentions in the text count too."""
        text = self.doc.text
        names = set()
        for line in self.doc.lines:
            lead = line.start + len(line.text) - len(line.text.lstrip(" \u3000\t"))
            for pos in (lead, *(k + 1 for k in range(line.start, min(line.end, line.start + 40))
                                 if text[k] in "—-－:：" and line.looks_like_heading)):
                name = self._pattern_local_at(pos, line.end, False)
                if name and not self.local_names.get(name):
                    names.add(name)
        if not names:
            return
        taken = [(m[0], m[1]) for m in self.local_mentions]
        for name in names:
            at = text.find(name)
            while at >= 0:
                if not any(a < at + len(name) and at < b for a, b in taken):
                    self.local_mentions.append((at, at + len(name), name))
                at = text.find(name, at + len(name))
        self.local_mentions.sort()
        self.local_starts = {m[0]: m for m in self.local_mentions}
        self._local_ends = [m[1] for m in self.local_mentions]

    def _pattern_local_at(self, pos: int, limit: int, longer: bool) -> str | None:
        m = self.local_rx.match(self.doc.text, pos, limit)
        if not m:
            return None
        name = m.group()
        if name[0] in self.c["local_bad_first"] or any(w in name for w in self.c["local_not_names"]) \
                or any(ch in self.c["local_bad_chars"] for ch in name) or is_numeral_name(name):
            return None
        stem = name[: -2] if name.endswith(("街道", "社区")) else name[:-1]
        longest = (4 if name.endswith(("街道", "社区")) else 3) + (1 if longer else 0)
        if self.doc.text[m.end():m.end() + 1] in self.c["local_not_followed_by"]:
            return None  # 村庄, 村民, 镇级: the suffix starts a word
        banned = ("v", "p", "c", "d") if longer else NOT_NAME_TAGS
        if not 2 <= len(stem) <= longest or any(t.tag.startswith(banned) for t in get_segmenter().tokens(stem)):
            return None  # 选优配强村, 驻区单位向社区: a verb or a function word, not a name
        if any(m2[0] < m.end() and m2[1] > pos for m2 in self._near(pos)):
            return None  # a division name, not a local one
        return name

    def local_region(self, name: str, parent: Place | None) -> Region:
        """The Region of a local name: its registry entry (under `parent` when several), else a
        place hung under `parent`."""
        entries = self.local_names.get(name) if self.local_names else None
        if entries:
            fitting = [e for e in entries if parent is not None and parent.adcode
                       and e.code.startswith(_prefix(parent))] or entries
            return Region(name, registry_place(fitting[0], self.gaz))
        return Region(name, local_place(name, parent))

    def chain_at(self, pos: int, limit: int | None = None) -> tuple[Region | None, int]:
        """The place named by the chain of names starting at `pos` (深圳市南山区, 湄潭县兴隆镇) and its end."""
        region, end = None, pos
        while end in self.starts and (limit is None or end < limit):
            _, m_end, surface = self.starts[end]
            place = self.resolve(surface)
            region = (self.region(place, surface) if place else Region(surface, None)).because("sentence", pos, m_end)
            end = m_end
        for _ in range(2):  # 草海镇新华村: a township, then a village in it
            local = self._local_at(end, limit)
            if not local:
                break
            region = self.local_region(local, region.place if region else self._base_place()).because(
                "sentence", end, end + len(local))
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
        for group, why in ((titled, "title"), (sourced, "report")):
            for line in group:
                found = self._first_chain(line.start, line.end)
                if found:
                    return found.because(why)
        opening = min(len(self.doc.text), OPENING_CHARS)
        found = [r for r in (self._first_chain(0, opening), self._township_named(0, opening)) if r is not None]
        first = min(found, key=lambda r: r.start if r.start is not None else opening, default=None)
        return first.because("lead") if first else None

    def _first_chain(self, start: int, end: int) -> Region | None:
        """The first place named between start and end (a division chain, a zone, a township or
        village of the registry, or a local name opening the line), skipping newspapers and datelines."""
        text = self.doc.text
        for pos in range(start, end):
            if (pos in self.starts or pos in self.local_starts) and not self._is_media(pos):
                region, _ = self.chain_at(pos, end)
                if region is not None:
                    return region
        line_text = text[start:end].lstrip()
        lead = start + len(text[start:end]) - len(line_text)
        local = self._local_at(lead, end)
        return self.local_region(local, None).because("title", lead, lead + len(local)) if local else None

    def _township_named(self, start: int, end: int) -> Region | None:
        """A township the opening names while no division is named at all (合村乡 in a county
        that is never named): looked up in the whole registry, kept only if the name is unique."""
        found = find_locals(self.doc.text[start:end], self.registry.townships)
        for m_start, m_end, name in found:
            entries = self.registry.township_anywhere(name)
            if len(entries) == 1:
                return Region(name, registry_place(entries[0], self.gaz), "lead", start + m_start, start + m_end)
        return None

    def _is_media(self, pos: int) -> bool:
        """吉林日报讯, 枣庄新闻网, 新华社拉萨12月10日电: a newspaper or a dateline, not a subject."""
        text = self.doc.text
        m = self.starts.get(pos) or self.local_starts.get(pos)
        end = m[1]
        if any(text.startswith(w, end) for w in self.c["media_suffixes"]):
            return True
        return any(text.endswith(a, 0, pos) for a in self.c["dateline_agencies"])

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
                if region.place is not None and region.place.level in ("township", "village") and self.report \
                        and not self.local_names:
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
        """The region of a figure at `start` in `sentence`, with why it was chosen (`source`)."""
        base = self.section_of_line.get(sentence.line, self.report)
        region = self._region_for(sentence, start)
        if region is not None and region.name in self.pattern_zones and self.report is not None \
                and region.name != self.report.name and self._inside(self.report, self.pattern_zones[region.name]):
            return base  # 青岛自贸片区 in a report on 西海岸新区: a zone within the report's own region
        return region

    def _inside(self, region: Region, parent: Place) -> bool:
        p = region.place
        if p is None or parent.adcode is None or p.adcode is None:
            return False
        return p.adcode != parent.adcode and p.adcode.startswith(_prefix(parent)) \
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
        subject = self.sentence_subject(sentence)
        if subject is not None:
            return subject.because("sentence")
        held = self.paragraph_subject(sentence)
        if held is not None:
            return held.because("paragraph")
        return self._focus(sentence, start, base) or base

    def _focus(self, sentence: Sentence, start: int, base: Region | None) -> Region | None:
        """The village, community or township the paragraph is about (在七汲镇王村，…该村现有耕地4200亩),
        while the text stays on it: until a word returns it to the whole (全县, 该市) or a division is
        named. With no such unit in the paragraph, an anaphor (该村, 村里) takes the last one named
        in the paragraphs just before."""
        text = self.doc.text
        line = self.doc.lines[sentence.line]
        anaphors = (*self.c["anaphors_village"], *self.c["anaphors_township"])
        k = bisect.bisect_right(self._local_ends, start) - 1
        floor = max(line.start, start - FOCUS_WINDOW)  # a unit named further back no longer holds
        while k >= 0 and self.local_mentions[k][0] >= floor:
            m = self.local_mentions[k]
            if text[m[1]:m[1] + 1] not in "、和与及":
                in_sentence = m[0] >= sentence.start
                example = self._is_example(line.start, m[0])
                opens = self._opens_paragraph(line, m[0])
                referred = any(w in text[m[1]:start] for w in anaphors)
                if in_sentence or (not example and (opens or referred)):
                    return self._unit_if_inside(m, start, base, "paragraph")
                return None
            k -= 1
        before = text[max(line.start, start - FOCUS_WINDOW):start]
        if not any(w in before for w in anaphors):
            return None
        if k >= 0 and self.local_mentions[k][0] >= self.doc.lines[max(0, sentence.line - 3)].start:
            return self._unit_if_inside(self.local_mentions[k], start, base, "anaphora")
        return None

    def _is_example(self, floor: int, pos: int) -> bool:
        """其中七汲镇王村…, 如王村…: the unit is named as one example (the marker may stand
        before the township or county the unit is written under)."""
        window = self.doc.text[max(floor, pos - 12):pos]
        for w in self.c["example_markers"]:
            at = window.rfind(w)
            if at >= 0 and not any(ch in CLAUSE_BREAKS + "、" for ch in window[at:]):
                return True
        return False

    def _opens_paragraph(self, line: Line, pos: int) -> bool:
        """The unit is named in the paragraph's first sentence (驱车…来到…巴吉村。)."""
        if not self._first_sentence:
            for sent in reversed(self.doc.sentences):  # one pass: each line's first sentence
                self._first_sentence[sent.line] = sent
        first = self._first_sentence.get(line.index)
        return first is not None and pos < first.end

    def _unit_if_inside(self, m: tuple[int, int, str], start: int, base: Region | None,
                        why: str) -> Region | None:
        text = self.doc.text
        between = text[m[1]:start]
        if any(w in between for w in self.c["whole_words"]):
            return None  # the text has returned to the whole
        lo = bisect.bisect_left(self._mention_starts, m[1])
        if lo < len(self.mentions) and self.mentions[lo][0] < start:
            return None  # a division named since
        region = self.local_region(m[2], base.place if base else None)
        if base is not None and base.place is not None and region.place is not None and \
                LEVEL_RANK.get(region.place.level, 2) <= LEVEL_RANK.get(base.place.level, 2):
            return None  # not a unit inside the region in force
        return region.because(why, m[0], m[1])

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
        lo = bisect.bisect_left(self._mention_starts, start)
        return (lo < len(self.mentions) and self.mentions[lo][0] < end) or any(
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
                    own = self._own_level(word, base)
                    found = own if own is not None else self._enclosing(base, level)
                    return found.because("scope", clause_start + at, clause_start + at + len(word)) \
                        if found else None
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
        return 0 < len(gap) <= 8 and any(gap.startswith(f) for f in self.c["scope_fillers"]) \
            and not any(w in gap for w in ["的", *self.c["locatives"], *self.c["list_markers"]])

    def _place_before(self, clause_start: int, start: int) -> Region | None:
        """A place named directly before the figure (其中城东社区42项, 城阳区10个)."""
        left = self._strip_fillers(self.doc.text[clause_start:start])
        stop = clause_start + len(left)
        for m_start, m_end, surface in self._ending_at(stop):
            if clause_start <= m_start:
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
            return self.local_region(local, self._base_place()).because("sentence", k, stop)
        return None

    def _ending_at(self, stop: int) -> list[tuple[int, int, str]]:
        return self._by_end.get(stop, [])

    def _after_locative(self, pos: int, floor: int) -> bool:
        text = self.doc.text
        return any(text.startswith(w, pos - len(w)) and pos - len(w) >= floor for w in self.c["locatives"])
