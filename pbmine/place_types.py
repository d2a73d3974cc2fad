"""The types and cue words the place modules share: a Region, a local Place, code prefixes.

Kept apart so that ``places.py`` and ``short_names.py`` both build on them; ``places`` re-exports
them for the attribution modules.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .divisions import Local
from .gazetteer import Gazetteer, Place

OPENING_CHARS = 400  # how much of a report's start may name the report's place
NOT_NAME_TAGS = ("v", "p", "c", "d", "r", "q", "f", "t", "u", "l", "ad")  # tags no place name carries (l: 发展壮大; ad: 充实)
CLAUSE_BREAKS = "，,；;：:。！？!?"
_CLAUSE_SPLIT = re.compile(f"[{CLAUSE_BREAKS}\n]")


def clause_before(text: str, lo: int, pos: int) -> str:
    """The part of text[lo:pos] after its last clause break: the clause that runs up to `pos`."""
    return _CLAUSE_SPLIT.split(text[max(0, lo):pos])[-1]


def clause_after(text: str, pos: int, hi: int) -> str:
    """The part of text[pos:hi] before its first clause break."""
    return _CLAUSE_SPLIT.split(text[pos:hi], 1)[0]

Mention = tuple[int, int, str]  # (start, end, surface)


@lru_cache(maxsize=1)
def cues() -> dict:
    c = tomllib.loads((resources.files("pbmine") / "data" / "regions.toml").read_text(encoding="utf-8"))
    for key in ("subject_openers", "scope_fillers"):  # tried longest first, sorted once a process
        c[key] = sorted(c[key], key=len, reverse=True)
    return c


@lru_cache(maxsize=32)
def cue_rx(template: str, *keys: str) -> re.Pattern:
    """A pattern over regions.toml word lists, compiled once a process: each {} of `template` is
    the alternation of one key's words, longest first (literal braces are doubled)."""
    c = cues()
    return re.compile(template.format(*("|".join(map(re.escape, sorted(set(c[k]), key=len, reverse=True)))
                                        for k in keys)))


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


def prefix_of(place: Place) -> str:
    """The code prefix of the divisions under `place`."""
    if place.level == "province":
        return place.adcode[:2]
    if place.level == "city":
        return place.adcode[:4]
    if place.level == "zone":  # a zone carries the code of the division it is found under (淮南高新区: 340400)
        code = place.adcode[:6]
        while code.endswith("00") and len(code) > 2:
            code = code[:-2]
        return code
    return place.adcode[:6] if len(place.adcode) <= 6 else place.adcode


def registry_place(local: Local, gaz: Gazetteer) -> Place:
    """A township or village of the registry, with its county's province, city and district."""
    county = gaz.by_adcode(local.county)
    if county is None:  # a zone's code the gazetteer lacks (340871, 安庆经开区): its city or province holds it
        above = gaz.by_adcode(local.county[:4] + "00") or gaz.by_adcode(local.county[:2] + "0000")
        if above is None:
            return Place(local.name, local.name, None, None, None, local.code, local.level)
        return Place(local.name, above.full + local.name, above.province, above.city, None, local.code, local.level)
    district = county.name if county.level == "district" else county.district
    return Place(local.name, county.full + local.name, county.province, county.city, district,
                 local.code, local.level)
