"""The name index of the gazetteer: China's divisions, zones and renames, and every form of their names.

Built once a process from cpca's bundled ``adcodes.csv`` and the hand-kept
``data/renamed.csv`` and ``data/zones.csv``; which name forms count where is
explained in ``gazetteer.py``. The word lists are ``data/gazetteer.toml``.
"""
from __future__ import annotations

import importlib.util
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import ahocorasick

LEVELS = ("province", "city", "district", "zone")
_LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}

def _words() -> dict:
    return tomllib.loads((resources.files("pbmine") / "data" / "gazetteer.toml").read_text(encoding="utf-8"))


_W = _words()  # the word lists, as data (data/gazetteer.toml)
_PLACEHOLDERS = set(_W["placeholders"])
_PROVINCE_SUFFIXES = tuple(_W["province_suffixes"])
_CITY_SUFFIXES = tuple(_W["city_suffixes"])
_DISTRICT_SUFFIXES = tuple(_W["district_suffixes"])
_SHORT_STOP = set(_W["short_stop"])
_GENERIC_NAMES = set(_W["generic_names"])
_FIND_DENY_SHORT = set(_W["find_deny_short"])
_BLOCKERS = tuple(_W["blockers"])
_STREET_AFTER = re.compile(_W["street_after"])
_PREPOSITIONS = set(_W["prepositions"])
_TWO_CHAR_BAD_NEXT = set(_W["two_char_bad_next"])

_MUNICIPALITY_CODES = {"11", "12", "31", "50"}


@dataclass(frozen=True)
class Place:
    """A province, prefecture-level city, county-level division or zone.

    ``city`` is the prefecture-level city; for a municipality's district (and the
    municipality itself) it is the municipality (``北京市``); for a county-level
    unit administered directly by its province (``仙桃市``, ``五指山市``) it is None.
    An ambiguous name resolves to a Place whose ``adcode`` is None and whose
    province/city are filled only where all readings agree (see ``ambiguous``).
    """

    name: str
    full: str
    province: str | None
    city: str | None
    district: str | None
    adcode: str | None
    level: str

    @property
    def ambiguous(self) -> bool:
        """True for the placeholder :meth:`Gazetteer.resolve` returns when it will not guess."""
        return self.adcode is None and self.level != "zone"


@dataclass(frozen=True)
class _Entry:
    """One reading of a surface form: the place, and how the form names it."""

    place: Place
    short: bool  # a short form (青岛) rather than an exact name (青岛市)
    findable: bool  # may fire in find()


def _join_full(*parts: str | None) -> str:
    out: list[str] = []
    for p in parts:
        if p and (not out or out[-1] != p):
            out.append(p)
    return "".join(out)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _read_cpca(name: str) -> str:
    """Text of a file in cpca's resources, located without importing cpca (slow)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None:
        raise ModuleNotFoundError("pbmine.gazetteer needs the cpca package (cpca>=0.5.5)")
    for loc in spec.submodule_search_locations or ():
        path = Path(loc) / "resources" / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    # e.g. a zipped install: let importlib.resources find it (imports cpca).
    return resources.files("cpca.resources").joinpath(name).read_text(encoding="utf-8")


def _read_own(name: str) -> str:
    return resources.files("pbmine").joinpath("data", name).read_text(encoding="utf-8")


class NameIndex:
    """Builds the gazetteer's tables: places by code, names and their forms, the text automaton."""

    @staticmethod
    def _nation_forms(text: str) -> list[str]:
        """Ethnic names as they appear inside division names, with and without 族, longest first."""
        forms = {"各族"}
        for line in text.splitlines():
            n = line.strip()
            if n:
                forms.add(n)
                if n.endswith("族") and len(n) > 2:
                    forms.add(n[:-1])
        return sorted(forms, key=len, reverse=True)

    @staticmethod
    def _apply_renames(raw: dict[str, str], rows: list[dict]) -> list[tuple[str, str, str, str]]:
        """Update cpca's table with renamed.csv; return (old_code, old_name, new_code, new_name) redirects."""
        redirects = []
        for r in rows:
            old, new = r["old_adcode"].strip(), r["new_adcode"].strip()
            kind = r["kind"].strip()
            if old and kind in ("renamed", "moved", "zone") and raw.get(old) == r["old_name"].strip():
                del raw[old]
                redirects.append((old, r["old_name"].strip(), new, r["new_name"].strip()))
        for r in rows:
            new = r["new_adcode"].strip()
            if new and new not in raw:
                raw[new] = r["new_name"].strip()
        return redirects

    def _build_divisions(self, raw: dict[str, str]) -> None:
        """Places for every real row of the (updated) table, with parents from the code prefixes."""
        municipalities = {c[:2] for c in raw if c.endswith("0000") and c[:2] in _MUNICIPALITY_CODES}
        order = sorted(raw, key=lambda c: (0 if c.endswith("0000") else 1 if c.endswith("00") else 2, c))
        for code in order:
            name = raw[code]
            if name in _PLACEHOLDERS:
                continue
            pcode, ccode = code[:2] + "0000", code[:4] + "00"
            province = raw.get(pcode)
            if code == pcode:
                muni = code[:2] in municipalities
                place = Place(name, name, name, name if muni else None, None, code, "province")
                self._provinces[name] = place
                if muni:
                    self._cities[(name, name)] = place
            elif code == ccode:
                place = Place(name, _join_full(province, name), province, name, None, code, "city")
                self._cities[(province, name)] = place
            else:
                cname = raw.get(ccode)
                if cname in _PLACEHOLDERS or cname is None:
                    city = province if code[:2] in municipalities else None
                else:
                    city = cname
                place = Place(name, _join_full(province, city, name), province, city, name, code, "district")
            self._by_adcode[code] = place
            self._add_names(place)

    def _build_zones(self, rows: list[dict]) -> dict[str, Place]:
        """Places for zones.csv: level "zone", parent's province/city, coinciding adcode."""
        zones = {}
        for r in rows:
            name = r["name"].strip()
            parent = self._by_adcode.get(r["parent_adcode"].strip())
            province = parent.province if parent else None
            city = parent.city if parent else None
            adcode = r.get("coincides_adcode", "").strip() or None
            place = Place(name, _join_full(province, city, name), province, city, None, adcode, "zone")
            zones[name] = place
            self._add(name, place, short=False, findable=True)
            for alias in filter(None, (a.strip() for a in r.get("aliases", "").split("|"))):
                self._add(alias, place, short=False, findable=True)
            for alias in filter(None, (a.strip() for a in r.get("weak_aliases", "").split("|"))):
                self._add(alias, place, short=True, findable=False)
            if adcode and adcode not in self._by_adcode:
                self._by_adcode[adcode] = place  # e.g. 370634, the former 长岛县
        return zones

    def _add_redirects(self, redirects, zones: dict[str, Place]) -> None:
        """Former names (and codes) of renamed divisions point at their successor."""
        for old_code, old_name, new_code, new_name in redirects:
            target = self._by_adcode.get(new_code) if new_code else zones.get(new_name)
            if target is None:
                continue
            self._add(old_name, target, short=False, findable=True)
            self._by_adcode.setdefault(old_code, target)
            for s in self._short_forms(old_name, target.level):
                self._add(s, target, short=True, findable=False)

    def _add(self, form: str, place: Place, *, short: bool, findable: bool) -> None:
        entries = self._index[form]
        for i, e in enumerate(entries):
            if e.place == place:
                if e.short and not short or findable and not e.findable:
                    entries[i] = _Entry(place, e.short and short, e.findable or findable)
                return
        entries.append(_Entry(place, short, findable))

    def _add_names(self, place: Place) -> None:
        """Register a division's full name, derived exact forms and short forms."""
        name = place.name
        self._add(name, place, short=False, findable=True)
        for suffix, one in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
            if name.endswith(suffix):
                stem = self._strip_nations(name[: -len(suffix)])
                if len(stem) >= 2:
                    self._add(stem + one, place, short=False, findable=True)
        if name.endswith("族区"):  # 管城回族区 is written 管城区 too
            stem = self._strip_nations(name[:-1])
            if len(stem) >= 2 and stem != name[:-1]:
                self._add(stem + "区", place, short=False, findable=True)
        for s in self._short_forms(name, place.level):
            findable = place.level == "province" or (place.level == "city" and s not in _FIND_DENY_SHORT)
            self._add(s, place, short=True, findable=findable)

    def _strip_nations(self, stem: str) -> str:
        changed = True
        while changed and stem:
            changed = False
            for n in self._nations:
                if stem.endswith(n) and len(stem) > len(n):
                    stem, changed = stem[: -len(n)], True
                    break
        if stem.endswith("族") and len(stem) >= 3 and stem in self._nations:
            stem = stem[:-1]  # 鄂温克族自治旗: named for its people alone, written 鄂温克旗
        return stem

    def _short_forms(self, name: str, level: str) -> list[str]:
        """The safe short forms of a division name (see module doc)."""
        suffixes = {"province": _PROVINCE_SUFFIXES, "city": _CITY_SUFFIXES}.get(level, _DISTRICT_SUFFIXES)
        for suf in suffixes:
            if not name.endswith(suf) or len(name) <= len(suf):
                continue
            stem = name[: -len(suf)]
            if suf in ("林区", "矿区", "新区") and len(stem) < (3 if suf == "林区" else 2):
                continue  # 万柏林区 is 万柏林 + 区, not 万柏 + 林区
            if suf.startswith("自治") or stem.endswith("族"):
                stripped = self._strip_nations(stem)
                stem = stripped if len(stripped) >= 2 else stem  # 内蒙古: not 内 + 蒙古
            if level == "district" and suf == "旗" and stem[-1:] in "左右前后中翼":
                return []
            if len(stem) >= 2 and stem not in _SHORT_STOP and stem != name:
                return [stem]
            return []
        return []

    def _build_automaton(self) -> None:
        """One Aho-Corasick automaton over every findable form plus the blocker words, on their
        UTF-16 bytes (see `forms_in`)."""
        auto = ahocorasick.Automaton()
        self._find_info: dict[str, tuple[bool, bool, bool]] = {}
        for form, entries in self._index.items():
            find_entries = [e for e in entries if e.findable]
            if not find_entries:
                continue
            exact = [e for e in find_entries if not e.short]
            generic = form in _GENERIC_NAMES
            two_char = len(form) == 2 and any(e.place.level == "district" for e in exact)
            only_short = not exact
            self._find_info[form] = (only_short, generic, two_char)
            auto.add_word(_utf16(form), (form, False))
        for word in _BLOCKERS:
            if word not in self._find_info:
                auto.add_word(_utf16(word), (word, True))
        auto.make_automaton()
        self._auto = auto
        # every form, for splitting compound names such as 山东省青岛市市南区
        every = ahocorasick.Automaton()
        for form in self._index:
            every.add_word(form, form)
        every.make_automaton()
        self._every = every

    def forms_in(self, text: str):
        """(end, (form, is_blocker)) of every findable form and blocker word in `text`, overlapping,
        in the automaton's order; `end` is the index of the form's last character.

        The automaton walks the text's UTF-16 bytes (each a latin-1 character): a node has at most
        256 children then, where the first characters of the forms are over a thousand and
        pyahocorasick looks a child up by a linear scan (3.5x faster, the same matches). A form
        starts on an even byte; a match across two characters' bytes is dropped."""
        for end, found in self._auto.iter(_utf16(text)):
            if (end + 1 - 2 * len(found[0])) % 2 == 0:
                yield end // 2, found


_OUTSIDE_BMP = re.compile("[\U00010000-\U0010ffff\ud800-\udfff]")


def _utf16(text: str) -> str:
    """`text` as its UTF-16 bytes, one latin-1 character a byte. A character outside the Basic
    Multilingual Plane (or a lone surrogate) counts as U+FFFD, so that every character has two
    bytes: no place name holds one."""
    try:
        data = text.encode("utf-16-be")
    except UnicodeEncodeError:  # a lone surrogate
        data = b""
    if len(data) != 2 * len(text):
        data = _OUTSIDE_BMP.sub("\ufffd", text).encode("utf-16-be")
    return data.decode("latin-1")
