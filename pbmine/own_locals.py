"""Townships, villages and communities named by the suffix pattern, and the names a local place goes by.

A local name the registry lacks (renamed, or written 付竹村 for 傅竹村) counts where the report vouches
for it: it opens a line, or follows its township or county. ``pattern_local_at`` reads such a name
by its suffix and the word lists of ``data/regions.toml``; ``local_region`` gives a local name its
Region, under the name the report writes first (丰泽居民区 over the registry's 丰泽社区). Part of
``PlaceMentions`` (``places.py``).
"""
from __future__ import annotations

from .divisions import SEP, VILLAGE_SUFFIXES, as_community, community_names, is_numeral_name
from .gazetteer import Place
from .place_types import NOT_NAME_TAGS, Region, cue_rx, local_place, prefix_of, registry_place
from .segment import get_segmenter


class OwnLocals:
    """Local names by pattern, for a PlaceMentions (its document, registry names and cues)."""

    def _add_own_locals(self) -> None:
        """A village or community the registry lacks (renamed, or written 付竹村 for 傅竹村) still
        counts where the report itself vouches for it: it opens a line (象山社区位于…; a title's
        付竹村调研) and passes the suffix rules. Its other mentions in the text count too."""
        text = self.doc.text
        names = set()
        for line in self.doc.lines:
            lead = line.start + len(line.text) - len(line.text.lstrip(" \u3000\t"))
            marks = (k + 1 for k in range(line.start, min(line.end, line.start + 40))
                     if text[k] in "—-－:：") if line.looks_like_heading else ()  # a heading's parts
            for pos in (lead, *marks):
                name = self.pattern_local_at(pos, line.end, False) or self._located_at(pos, line.end) \
                    or self._compound_located_at(pos, line.end)
                if name and not self.local_names.get(name):
                    names.add(name)
        for start, end, name in self.local_mentions:  # 远口镇青云村: the township vouches for its village
            if name.endswith(("镇", "乡", "街道", "苏木", "办事处")):
                village = self.pattern_local_at(end, min(len(text), end + 8), False)
                if village and village.endswith(VILLAGE_SUFFIXES) and not self.local_names.get(village):
                    names.add(village)
        for start, end, surface in self.mentions:  # 武穴田家镇街道 (the registry writes 田镇街道), 莱西市水集二村
            place = self.resolve(surface)  # (merged after the registry's year): the county vouches
            if place is not None and place.level in ("district", "zone"):
                town = self.pattern_local_at(end, min(len(text), end + 8), True)  # 格尔木市唐古拉山镇
                if town and not self.local_names.get(town) \
                        and not text.startswith(tuple(self.c["village_collective_words"]), end + len(town)):
                    names.add(town)
        names |= self._secretaries_units()
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
        self.local_ends = [m[1] for m in self.local_mentions]

    def _secretaries_units(self) -> set[str]:
        """…代表,额日登高毕嘎查党支部书记。去年,该嘎查…: a village the registry lacks (written 额日登高毕 for
        its 额尔敦高毕) counts where its own organisation follows its name and an anaphor of its kind
        (该嘎查, 该村) refers back to it later."""
        text = self.doc.text
        found = set()
        for organ in self.c["village_organs"]:
            at = text.find(organ)
            while at >= 0:
                for suffix in VILLAGE_SUFFIXES:
                    if text.endswith(suffix, 0, at) and any(text.find(w, at) >= 0 for w in self.back_words(suffix)):
                        found |= self._name_ending_at(at)
                at = text.find(organ, at + len(organ))
        return {n for n in found if not self.local_names.get(n)}

    def back_words(self, suffix: str) -> list[str]:
        """The words that refer back to a unit named with this suffix (该嘎查 to a 嘎查, 该村 to a 村)."""
        return [w for w in self.c["returning_village"] if w.startswith("该") and w.endswith(suffix)]

    def _name_ending_at(self, end: int) -> set[str]:
        """The name by the suffix pattern that ends at `end`: the longest one after a punctuation
        mark, else the shortest that starts a word (its stem may read as words: 额日登高毕, a
        transliteration, holds 登高)."""
        text = self.doc.text
        starts = range(end - 3, max(-1, end - 9), -1)
        after_mark = [k for k in starts if k == 0 or not "\u4e00" <= text[k - 1] <= "\u9fff"]
        for k in (*after_mark[::-1], *[k for k in starts if self.starts_word(k)]):
            name = text[k:end]
            if self.local_rx.fullmatch(name) and self.may_be_local(name) \
                    and not any(m[0] < end and m[1] > k for m in self.near(k)):
                return {name}
        return set()

    def _placeholder_at(self, pos: int, limit: int) -> str | None:
        text = self.doc.text
        stem = next((w for w in self.c["placeholder_stems"] if text.startswith(w, pos)), None)
        if stem is None:
            return None
        end = pos + len(stem)
        suffix = next((x for x in self.local_suffixes if text.startswith(x, end) and end + len(x) <= limit), None)
        if suffix is None or text[end + len(suffix):end + len(suffix) + 1] in self.c["local_not_followed_by"]:
            return None
        return stem + suffix

    def _located_at(self, pos: int, limit: int) -> str | None:
        """中秋村位于阳平镇东南部: a name opening its line with where it lies is a name, whatever the
        tagger reads its stem as (中秋, a festival); so is one the registry lists somewhere in China
        opening its line with when it was founded (盛和家园社区成立于2011年: 盛 read as a verb)."""
        text = self.doc.text
        m = self.local_rx.match(text, pos, limit)
        if m is None:
            return None
        if text.startswith(tuple(self.c["location_verbs"]), m.end()):
            name = self.pattern_local_at(pos, limit, True)  # (the cheap test first: local_at asks at every place of a chain)
            if name is None and m.group().endswith(VILLAGE_SUFFIXES) and self.may_be_local(m.group()) \
                    and self.doc.text.rfind("\n", 0, pos) < 0:
                name = m.group()  # 小后冲村隶属于…, opening the text: a name whatever the tagger reads 冲 as
            return name if name and text.startswith(tuple(self.c["location_verbs"]), pos + len(name)) else None
        name = m.group()
        if text.startswith(tuple(self.c["founded_verbs"]), m.end()) and self.may_be_local(name) \
                and name.endswith(VILLAGE_SUFFIXES) and self._listed_anywhere(name):
            return name
        return None

    def _listed_anywhere(self, name: str) -> bool:
        trie = self.registry.villages
        return next(trie.iterkeys(name[::-1] + SEP), None) is not None

    def _compound_located_at(self, pos: int, limit: int) -> str | None:
        """长新小区位于长宁路491弄: a residential compound opening its line with where it lies is a
        unit the report is about (not a kind of compound: 老旧小区位于…). Not where the text names a
        community of the same stem (美林园社区, then 美林园小区坐落在…): the estate is that community's."""
        name = self.compound_at(pos, limit)
        if not name or not self.doc.text.startswith(tuple(self.c["location_verbs"]), pos + len(name)):
            return None
        stem = next(name[: -len(x)] for x in self.c["compound_suffixes"] if name.endswith(x))
        return None if stem + "社区" in self.doc.text else name

    def compound_at(self, pos: int, limit: int, kinds: str = "compound_suffixes") -> str | None:
        """The residential compound named at `pos` (书香门第小区), not a kind of compound (老旧小区);
        `kinds` names the list of suffixes (a subject may also be a 家园: 康营家园是…)."""
        m = cue_rx(r"[\u4e00-\u9fff]{{2,6}}?(?:{})", kinds).match(self.doc.text, pos, limit)
        if m is None:
            return None
        stem = next(m.group()[: -len(x)] for x in self.c[kinds] if m.group().endswith(x))
        if any(w in stem for w in self.c["compound_not_names"]) or not self.may_be_local(m.group()):
            return None
        return m.group()

    def may_be_local(self, name: str) -> bool:
        """What the suffix pattern found passes its word lists (not 典型村, 八成村, 社区的, 重点老区村); a natural
        village (丙凤自然村) is read as the village it names."""
        name = natural_village(name)
        return not (name[0] in self.c["local_bad_first"] or any(w in name for w in self.c["local_not_names"])
                    or name.startswith(tuple(self.c["local_bad_openers"]))
                    or any(ch in self.c["local_bad_chars"] for ch in name) or is_numeral_name(name))

    def pattern_local_at(self, pos: int, limit: int, longer: bool) -> str | None:
        held = self._placeholder_at(pos, limit)
        if held:
            return held  # XX乡2020年基层党建…: an anonymised report names its unit by a placeholder
        m = self.local_rx.match(self.doc.text, pos, limit)
        if not m:
            return None
        name = m.group()
        if not self.may_be_local(name):
            return None
        end = m.end()
        if name.endswith(("镇", "乡")) and self.doc.text.startswith("街道", end) and end + 2 <= limit:
            name, end = name + "街道", end + 2  # 天生港镇街道, 田家镇街道: a 街道 named for the town it was
        suffix = next(x for x in self.local_suffixes if name.endswith(x))
        stem = name[:-len(suffix)]
        if stem in self.local_suffixes:
            return None  # 社区居委会: the community's committee, not a 居委 named 社区
        longest = min(4, 2 + len(suffix)) + (1 if longer else 0)  # 华溪|村, 象山|社区, 晶海|社居委
        if name.endswith("镇街道"):
            stem, longest = name[:-3], longest - 1
        if self.doc.text[end:end + 1] in self.c["local_not_followed_by"] or \
                self.doc.text[end:end + 1] in self.c["suffix_words"].get(suffix, ()):
            return None  # 村庄, 村民, 镇级, 乡村: the suffix starts a word
        banned = ("v", "p", "c", "d", "l", "ad") if longer else NOT_NAME_TAGS
        tokens = get_segmenter().tokens(stem)
        named = len(tokens) > 1 and tokens[0].tag == "ns"  # 西街|关村: a place word opens the name
        if not 2 <= len(stem) <= longest or not named and any(t.tag.startswith(banned) for t in tokens):
            return None  # 选优配强村, 驻区单位向社区: a verb or a function word, not a name
        if any(m2[0] < end and m2[1] > pos for m2 in self.near(pos)):
            return None  # a division name, not a local one
        if name.endswith("街道") and self.doc.text.startswith("社区", end) and end + 2 <= limit \
                and (pos == 0 or self.doc.text[pos - 1] in "\n \u3000") \
                and not (self.local_names and self.local_names.get(name)):
            return name + "社区"  # 王城街道社区位于王城镇…: a community named 街道, opening its line
        return name

    def unlisted_village_at(self, pos: int, limit: int) -> str | None:
        """店头镇|前细柳村坚持…: a village the registry does not list (renamed, merged), right after its
        township in a chain, written more than once; 前/后/东… may open its name (a locative word alone)."""
        m = self.local_rx.match(self.doc.text, pos, limit)
        if not m or not m.group().endswith(tuple(self.c["unlisted_village_suffixes"])) or not self.may_be_local(m.group()):
            return None
        name, end = m.group(), m.end()
        suffix = next(x for x in self.local_suffixes if name.endswith(x))
        stem = name[:-len(suffix)]
        if not 2 <= len(stem) <= 3 or self.doc.text.count(name) < 2 \
                or self.doc.text[end:end + 1] in (*self.c["local_not_followed_by"], *self.c["suffix_words"].get(suffix, ())):
            return None
        tokens = get_segmenter().tokens(stem)
        if tokens[0].text in self.c["village_name_openers"] and len(tokens) > 1:
            tokens = tokens[1:]
        if any(t.tag.startswith(NOT_NAME_TAGS) for t in tokens) or any(g[0] < end and g[1] > pos for g in self.near(pos)):
            return None
        return name

    def local_region(self, name: str, parent: Place | None) -> Region:
        """The Region of a local name: its registry entry (under `parent` when several), else a
        place hung under `parent`."""
        entries = self.local_names.get(self.village_stems.get(name, name)) if self.local_names else None
        if entries:
            fitting = [e for e in entries if parent is not None and parent.adcode
                       and e.code.startswith(prefix_of(parent))] or entries
            entry = fitting[0]
            return Region(self._first_written(entry.name, name), registry_place(entry, self.gaz))
        village = natural_village(name)  # 丙凤自然村 is the village 丙凤村: so named where the text writes that
        if village != name and village in self.doc.text:
            name = village
        community = as_community(name)  # 高行居委 … 高行居民区党总支: one community, the name written first
        if community is not None:
            name = self._first_written(community, name)
        return Region(name, local_place(name, parent))

    def _first_written(self, full: str, name: str) -> str:
        """Of a registry name and the form written here, the one the report writes first: a heading
        丹江街道 over 丹江街位于… below it, a title 三源浦朝鲜镇 over 三源浦朝鲜族镇 in the text; one place
        keeps one name (丰泽居民区 written first, 丰泽社区党总支 later: 丰泽居民区)."""
        if name.endswith(tuple("村" + g for g in self.c["generic_village_glosses"])):
            return full  # 武塘村(社区): the registry's 武塘社区
        at = self.doc.text.find(full)
        first = full if 0 <= at <= self.doc.text.find(name) else name  # (丹江街 inside 丹江街道 is the same place)
        # 家门口巡礼——高行居委 over 高行居民区党总支 below: the registry's 高行社区
        written = [(k, form) for form in community_names(full) if (k := self.doc.text.find(form)) >= 0]
        if written and min(written)[0] < self.doc.text.find(first):
            return min(written)[1]
        return first


def natural_village(name: str) -> str:
    """丙凤自然村 -> 丙凤村: a natural village by the name of the village it is (自然村 alone stays)."""
    return name[:-3] + "村" if name.endswith("自然村") and len(name) > 4 else name
