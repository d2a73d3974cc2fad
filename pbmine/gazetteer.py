"""China's administrative divisions, plus a few non-administrative zones, as places.

What: turns a place name found in a report (``市南区``, ``青岛``, ``西海岸新区``,
``北京市朝阳区``) into a structured :class:`Place`, and finds such names in text.

Why this way:

* The division list is cpca's bundled ``cpca/resources/adcodes.csv`` (3,511
  rows, about 2016 vintage), read straight from the installed package without
  importing cpca: ``import cpca`` costs ~0.1 s (it pulls in ``pkg_resources``
  and builds its own matcher), reading the CSV costs a few ms.
* ``data/renamed.csv`` (hand-kept) brings that table up to date: renames and
  code moves since then redirect the old name to the current division
  (``即墨市`` -> ``即墨区`` 370215), new divisions are added (``龙华区`` in 深圳),
  abolished ones stay resolvable as they were (old reports still name them),
  and ``长岛县`` redirects to the zone that now covers its islands.
* ``data/zones.csv`` (hand-kept) lists areas that reports treat as regions but
  that are not divisions (national new areas, pilot and functional zones).
  A zone carries its parent's province and city, and the adcode of the division
  it coincides with, if any, so joins on adcode work.

Name forms and where they count:

* Exact names -- official full names (current and former), zone names and
  their aliases, and ``黔南州``/``宽甸县`` forms of autonomous prefectures and
  counties -- are known to :meth:`Gazetteer.candidates`, :meth:`Gazetteer.resolve`
  and :meth:`Gazetteer.find`.
* Short forms (the name minus 省/市/区/县/旗/自治州/地区/...; ``青岛``, ``平度``,
  ``市南``, ``浦东``) are known to candidates/resolve, where a caller hands over a
  name it already believes is a place. Stems that are ordinary words (``城关``,
  ``新城``, ``城中``...) are not short forms at all.
* :meth:`Gazetteer.find` scans running text, so it only uses the short forms of
  provinces and prefecture-level cities (``山东``, ``青岛``, ``三亚``), minus those
  that are common words (``中山``, ``朝阳``, ``大同``, ``来宾``, ``安康``...), and
  never fires them before 路/街/大道/大学 (``中山路``, ``山东路``). County and district
  short forms are never searched: ``市南`` sits in ``城市南部``, ``平度`` in ``水平度``,
  ``西湖`` is a lake, ``城关`` a town. Generic full names (``城区``, ``郊区``,
  ``新城区``, ``老城区``, ``市中区``...) only count right after their own city or
  province (``晋城市城区``), and two-character county names (``兴县``, ``临县``)
  only at a clean boundary (``振兴县域``, ``莅临县委`` do not fire). A name ending in
  区 is dropped before 域/县 (区域, 区县), one ending in 市 before 场 (市场, but
  ``胶州市场监管局`` stays), and any match is dropped when a blocker word overlaps
  its edge (``确保定期`` is not 保定, ``黄河北岸`` not 河北, ``推广东部`` not 广东).
  find() favours precision: it misses places named only by an unsafe short form.
"""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from .gazetteer_index import (_LEVEL_RANK, _PREPOSITIONS, _STREET_AFTER, _TWO_CHAR_BAD_NEXT, _W, LEVELS, NameIndex,
                              Place, _Entry, _is_cjk, _join_full, _read_cpca, _read_own)

__all__ = ["Place", "Gazetteer", "LEVELS"]

MEMO_NAMES = 50_000   # names whose context-free reading is remembered (a bound over a long crawl)
_UNKNOWN = object()


class Gazetteer(NameIndex):
    """Lookup of Chinese divisions and zones by name, and search for them in text."""

    def __init__(self, adcodes_csv: str | None = None, zones_csv: str | None = None,
                 renamed_csv: str | None = None, nations_csv: str | None = None):
        """Build from CSV texts; None means the bundled/cpca file (tests may pass their own)."""
        adcodes_csv = _read_cpca("adcodes.csv") if adcodes_csv is None else adcodes_csv
        nations_csv = _read_cpca("56_nations.csv") if nations_csv is None else nations_csv
        zones_csv = _read_own("zones.csv") if zones_csv is None else zones_csv
        renamed_csv = _read_own("renamed.csv") if renamed_csv is None else renamed_csv

        self._by_adcode: dict[str, Place] = {}
        self._index: dict[str, list[_Entry]] = defaultdict(list)
        self._provinces: dict[str, Place] = {}
        self._cities: dict[tuple[str, str], Place] = {}
        self._nations = self._nation_forms(nations_csv)

        raw = {r["adcode"][:6]: r["name"].strip()
               for r in csv.DictReader(io.StringIO(adcodes_csv)) if r.get("adcode")}
        renamed = list(csv.DictReader(io.StringIO(renamed_csv)))
        redirects = self._apply_renames(raw, renamed)
        self._build_divisions(raw)
        zones = self._build_zones(list(csv.DictReader(io.StringIO(zones_csv))))
        self._add_redirects(redirects, zones)
        self._add_abbreviations()
        self._build_automaton()
        self._alone: dict[str, Place | None] = {}  # resolve() without context, by name

    def _add_abbreviations(self) -> None:
        """克州, 博州: irregular short names (data/gazetteer.toml), findable like full names."""
        for form, code in _W.get("abbreviations", {}).items():
            place = self._by_adcode.get(code)
            if place is not None:
                self._add(form, place, short=False, findable=True)

    @classmethod
    def default(cls) -> Gazetteer:
        """The process-wide gazetteer built from the bundled data (built once, then cached)."""
        return _default()

    def by_adcode(self, adcode: str) -> Place | None:
        """The place with this 6-digit (or 12-digit) code; former codes give their successor."""
        return self._by_adcode.get(str(adcode)[:6])

    def county_stems(self, prefixes: tuple[str, ...]) -> dict[str, Place]:
        """Short forms (海曙, 黎平, 犍为) of the current county-level divisions under the code
        prefixes (a province's 2 digits or a city's 4), kept only where one division has them."""
        return _county_stems(self, prefixes)

    def candidates(self, name: str) -> list[Place]:
        """Every place this name can denote: exact readings first, then short-form readings.

        A compound name (``北京市朝阳区``, ``山东省青岛市市南区``) gives the readings of its
        last part that fit the parts before it.
        """
        name = name.strip()
        entries = self._index.get(name)
        if entries:
            ordered = sorted(entries, key=lambda e: (e.short, _LEVEL_RANK[e.place.level], e.place.adcode or ""))
            return [e.place for e in ordered]
        parts = self._split(name)
        if not parts:
            return []
        ctx: list[Place] = []
        for part in parts[:-1]:
            p = self.resolve(part, ctx)
            if p is not None:
                ctx.append(p)
        last = self.candidates(parts[-1])
        best = max((self._score(c, ctx) for c in last), default=0)
        return [c for c in last if self._score(c, ctx) == best] if best else last

    def resolve(self, name: str, context: Iterable[Place] = ()) -> Place | None:
        """The place `name` denotes given the places around it; an ambiguous Place if it cannot tell.

        Order of preference: the readings closest to the context (same city, else
        same province); then exact names over short forms; among short forms only,
        the higher level (``吉林`` is the province, ``朝阳`` the city in 辽宁 unless the
        context says 北京). If several readings remain, the result is a Place with
        the shared name and level and adcode None (province/city only if shared);
        None if the name is unknown.
        """
        ctx = [c for c in context if c is not None]
        if not ctx:  # the same answer every time: worked out once a process
            alone = self._alone.get(name, _UNKNOWN)
            if alone is _UNKNOWN:
                if len(self._alone) >= MEMO_NAMES:
                    self._alone.clear()
                alone = self._alone[name] = self._resolve(name.strip(), ctx)
            return alone
        return self._resolve(name.strip(), ctx)

    def _resolve(self, name: str, ctx: list[Place]) -> Place | None:
        entries = self._index.get(name)
        if not entries:
            cands = self.candidates(name)  # compound names
            if not cands:
                return None
            entries = [_Entry(c, False, False) for c in cands]
        scored = [(self._score(e.place, ctx), e) for e in entries]
        best = max(s for s, _ in scored)
        survivors = [e for s, e in scored if s == best]
        if any(not e.short for e in survivors):
            survivors = [e for e in survivors if not e.short]
        else:
            top = min(_LEVEL_RANK[e.place.level] for e in survivors)
            survivors = [e for e in survivors if _LEVEL_RANK[e.place.level] == top]
        places = list(dict.fromkeys(e.place for e in survivors))
        if len(places) == 1:
            return places[0]
        return self._ambiguous(name, places)

    @staticmethod
    def _score(c: Place, ctx: list[Place]) -> int:
        """2 if some context place shares c's city, 1 if only its province, else 0."""
        best = 0
        for p in ctx:
            if c.province and c.province == p.province:
                if c.city and c.city == p.city:
                    return 2
                best = 1
        return best

    @staticmethod
    def _ambiguous(query: str, places: list[Place]) -> Place:
        names = {p.name for p in places}
        name = names.pop() if len(names) == 1 else query
        provinces = {p.province for p in places}
        province = provinces.pop() if len(provinces) == 1 else None
        cities = {(p.province, p.city) for p in places}
        city = cities.pop()[1] if len(cities) == 1 and province else None
        levels = sorted({p.level for p in places}, key=_LEVEL_RANK.get)
        level = levels[0]
        district = name if level == "district" else None
        return Place(name, _join_full(province, city, name), province, city, district, None, level)

    def parent(self, place: Place, level: str) -> Place | None:
        """The place at `level` ("province", "city" or "district") that contains `place`, maybe itself.

        A municipality is its own province and city; a province-administered county
        (仙桃市) has no city; a zone's district is the division it coincides with.
        """
        if level == "province":
            return self._provinces.get(place.province) if place.province else None
        if level == "city":
            if place.province is None or place.city is None:
                return None
            return self._cities.get((place.province, place.city))
        if level == "district":
            if place.level == "district":
                return place
            if place.level == "zone" and place.adcode:
                p = self._by_adcode.get(place.adcode)
                return p if p is not None and p.level == "district" else None
            return None
        if level == "zone":
            return place if place.level == "zone" else None
        raise ValueError(f"unknown level {level!r}; expected one of {LEVELS}")

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every mention of a known place in `text` as (start, end, surface form).

        Leftmost-longest, non-overlapping; short forms and generic names are
        filtered as described in the module doc.
        """
        if not text:
            return []
        matches = []
        blockers = []
        for end_idx, (form, is_blocker) in self.forms_in(text):
            start = end_idx - len(form) + 1
            (blockers if is_blocker else matches).append((start, end_idx + 1, form))
        matches.sort(key=lambda m: (m[0], m[0] - m[1]))
        out: list[tuple[int, int, str]] = []
        pos = 0
        for s, e, form in matches:
            if s < pos:
                continue
            if any(bs < e and s < be and not (s <= bs and be <= e) for bs, be, _ in blockers):
                continue
            only_short, generic, two_char = self._find_info[form]
            nxt = text[e:e + 1]
            # 区域 (area), 区县 (districts and counties), 市场 (market) are words
            if form.endswith("区") and nxt in ("域", "县") or \
                    form.endswith("市") and nxt == "场" and text[e + 1:e + 2] != "监":  # 胶州市场监管局 is fine
                continue
            if only_short and _STREET_AFTER.match(text, e):
                continue
            if generic or two_char:
                after_parent = bool(out) and out[-1][1] == s and self._is_parent_of(out[-1][2], form)
                if generic and not after_parent:
                    continue
                if two_char and not after_parent:
                    prev = text[s - 1] if s > 0 else ""
                    after_year = prev == "年" and s > 1 and text[s - 2].isdigit()  # 2022年嵩县…统计公报
                    if prev and _is_cjk(prev) and prev not in _PREPOSITIONS and not after_year \
                            or nxt in _TWO_CHAR_BAD_NEXT:
                        continue
            out.append((s, e, form))
            pos = e
        return out

    def _is_parent_of(self, outer: str, inner: str) -> bool:
        """Whether some reading of `outer` is the province or city of some reading of `inner`."""
        for o in self._index.get(outer, ()):
            op = o.place
            if op.level not in ("province", "city"):
                continue
            for i in self._index.get(inner, ()):
                ip = i.place
                if ip.province == op.province and (op.level == "province" or ip.city == op.city):
                    return True
        return False

    def _split(self, name: str) -> list[str] | None:
        """Split a compound name into known forms covering it exactly (fewest parts), or None."""
        n = len(name)
        ends: dict[int, list[int]] = defaultdict(list)
        for end_idx, form in self._every.iter(name):
            ends[end_idx - len(form) + 1].append(end_idx + 1)
        best: list[list[str] | None] = [None] * (n + 1)
        best[n] = []
        for i in range(n - 1, -1, -1):
            for j in ends.get(i, ()):
                rest = best[j]
                if rest is not None and (best[i] is None or len(rest) + 1 < len(best[i])):
                    best[i] = [name[i:j]] + rest
        parts = best[0]
        return parts if parts and len(parts) > 1 else None


@cache
def _county_stems(gaz: "Gazetteer", prefixes: tuple[str, ...]) -> dict[str, Place]:
    seen: dict[str, set[Place]] = defaultdict(set)
    every, by_province = _district_stems(gaz)
    picked = sorted({k for prefix in prefixes for k in (by_province.get(prefix[:2], ()) if len(prefix) >= 2
                                                         else range(len(every)))
                     if every[k][0].startswith(prefix)})
    for k in picked:  # in code-table order, as if all were filtered
        code, place, stems = every[k]
        for stem in stems:
            seen[stem].add(place)
    return {stem: next(iter(ps)) for stem, ps in seen.items() if len(ps) == 1}


@cache
def _district_stems(gaz: "Gazetteer") -> tuple[list[tuple[str, Place, list[str]]], dict[str, list[int]]]:
    """(code, place, short forms) of every current county-level division in code-table order, and
    their positions by province (two digits), worked out once: a new set of prefixes picks from them."""
    every = [(code, place, gaz._short_forms(place.name, "district")) for code, place in gaz._by_adcode.items()
             if place.level == "district" and place.adcode == code]
    by_province: dict[str, list[int]] = defaultdict(list)
    for k, (code, _, _) in enumerate(every):
        by_province[code[:2]].append(k)
    return every, dict(by_province)


@cache
def _default() -> Gazetteer:
    return Gazetteer()
