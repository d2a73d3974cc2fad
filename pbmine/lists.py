"""Figures given as a list or a pair (解决率、满意率分别达到93.1%和91.4%; 分别占…的41.8%、34.6%; 10万元以上的村…;
由1000亩发展到2236亩): each item of the list takes its figure in order, a shared head or modifier goes to
every item, a threshold's subjects are the things that reached it, and a change's starting value and new
level both measure what stands before 由/从. Part of ``MetricFinder`` (``metrics.py``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .phrases import Item, _join
from .quantities import Quantity


@dataclass
class Attachment:
    """What a quantity counts (its phrase) and the verb that introduces it."""

    phrase: str | None
    action: str | None


class ListRoles:
    """The phrases of listed figures, for a MetricFinder (its word lists and phrase walkers)."""

    def _groups(self, items: list[Item], where: dict[int, int], count: int) -> list[list[int]]:
        """The runs of figures joined by 和/、 (8%和8.1%), by their indexes."""
        groups: list[list[int]] = []
        current: list[int] = []
        for qi in range(count):
            if current and all(it.kind == "space" or it.text in self.list_joiners
                               for it in items[where[current[-1]] + 1: where[qi]]):
                current.append(qi)
            else:
                current = [qi]
                groups.append(current)
        return groups

    def _respectively(self, items: list[Item], where: dict[int, int], found: list) -> None:
        """解决率、满意率分别达到93.1%和91.4%: the listed phrases go to the figures in order."""
        groups = self._groups(items, where, len(found))
        names: list[str] | None = None
        for group in groups:
            first = where[group[0]]
            j = first - 1
            while j >= 0 and (items[j].kind == "space" or items[j].text in self.linking
                              or items[j].text in self.change or _year_item(items, j)):  # (分别是|2011年的|1.65倍)
                if items[j].text in self.respectively:
                    break
                j -= 1
            if len(group) < 2:
                continue
            if self._shares_of_list(items, first):
                names = names if names and len(names) == len(group) else self._counted_before(items, where, group, found)
                if names:
                    for qi, name in zip(group, names):  # …分别为922.51万元、…,分别占农业总产值的41.8%、…
                        found[qi] = Attachment(name, found[qi].action if found[qi] else None)
                    continue
            phrase = found[group[0]].phrase if found[group[0]] else None
            parts = self._list_parts(phrase or "", len(group))
            if j < 0 or items[j].text not in self.respectively:
                if len(parts) < 2 or len(parts) != len(group) or any(found[qi] and found[qi].phrase != phrase
                                                                     for qi in group[1:]):
                    continue  # 集体收入和人均收入增长1.8倍、3.4倍: as if 分别, where the counts agree
                names = None
            if len(parts) == len(group):
                names = self._shared_tail(self._shared_head(self._shared_modifier(parts)))
            elif len(parts) == 1 and names and phrase not in names:
                names = None  # 覆盖率分别达100%、100%: a phrase of its own, not the list before
            elif len(parts) <= 1 and not names and j > 0 and items[j - 1].kind == "punct":
                # 完成营业税784万元,城建税128万元,…,|分别比上年增长93%、59%、…: a clause opening with 分别
                names = self._counted_before(items, where, group, found, marks="、，,")
            if names and len(names) == len(group):
                for qi, name in zip(group, names):
                    found[qi] = Attachment(name, found[qi].action if found[qi] else None)

    def _levels_after_changes(self, items: list[Item], where: dict[int, int], found: list,
                              quantities: list[Quantity]) -> None:
        """城镇和农村居民收入分别增长8%和8.1%,达到48620元和20660元: as many levels as changes, after a
        comma and a level word, are the levels of the things that changed, in order."""
        groups = self._groups(items, where, len(found))
        for before, group in zip(groups, groups[1:]):
            if len(group) < 2 or len(group) != len(before) or any(found[q] and found[q].phrase for q in group):
                continue
            if any(quantities[q].kind != "growth" for q in before) \
                    or any(quantities[q].kind in ("percent", "growth", "multiple") for q in group):
                continue
            between = items[where[before[-1]] + 1:where[group[0]]]
            words = [it.text for it in between if it.kind not in ("punct", "space") and it.text not in self.respectively]
            names = [found[q].phrase if found[q] else None for q in before]
            if len(words) == 1 and words[0] in self.level_links and any(it.kind == "punct" for it in between) \
                    and all(names) and len(set(names)) == len(names):
                for qi, name in zip(group, names):
                    found[qi] = Attachment(name, found[qi].action if found[qi] else None)

    @staticmethod
    def _counted_before(items: list[Item], where: dict[int, int], group: list[int], found: list,
                        marks: str = "、") -> list[str] | None:
        """三无村共4个、倒挂村共12个、拆迁村共15个,分别占调研总数的3.5%、…: as many figures just before the
        shares, listed with 、 and each with a phrase of its own, are what the shares are of, in order."""
        first = group[0]
        if first < len(group):
            return None
        listed = range(first - len(group), first)
        if any(not any(it.text in marks for it in items[where[q] + 1:where[q + 1]]) for q in listed[:-1]):
            return None  # (在116个调查村中,倒挂村共12个、…: the whole, then the list)
        before = [found[q].phrase if found[q] else None for q in listed]
        return before if all(before) and len(set(before)) == len(before) else None

    def _from_and_to(self, items: list[Item], where: dict[int, int], found: list) -> None:
        """种植面积由2016年的1000亩发展到2236亩, 流转土地由800亩扩增至1650亩: the starting value and the
        new level of a change both measure what stands before 由/从, not the verb between them."""
        for qi in range(len(found) - 1):
            i, k = where[qi], where[qi + 1]
            between = items[i + 1:k]
            if not self._is_from_value(items, i) or not between or len(between) > 4 \
                    or any(it.kind != "word" for it in between) \
                    or not any(it.text.endswith(tuple(self.to_words)) for it in between):
                continue
            j = i - 1
            while j >= 0 and items[j].text not in self.from_words:
                j -= 1
            while j > 0 and items[j - 1].tag.startswith("d"):
                j -= 1  # 比例|也|由…: an adverb before 由
            name = _join(self.backward(items, j)[0]) if j > 0 else None
            if name:
                for q in (qi, qi + 1):
                    found[q] = Attachment(name, found[q].action if found[q] else None)

    def _threshold_subjects(self, found: list) -> None:
        """收入5万元以上的296个,10万元以上的128个: a threshold standing alone takes what the
        threshold before it in the sentence was of (收入10万元以上)."""
        tail = _threshold_tail(self.bounds)
        for qi in range(1, len(found)):
            here, before = found[qi], found[qi - 1]
            if here is None or before is None or not here.phrase or not before.phrase:
                continue
            if tail.fullmatch(here.phrase) and (m := tail.search(before.phrase)) and m.start() > 0:
                found[qi] = Attachment(before.phrase[:m.start()] + here.phrase, here.action)

    def _share_is(self, items: list[Item], i: int, q: Quantity) -> list[Item]:
        """90%以上为个体工商户, 90%以上都是山区: a share with a bound, then a copula, is the share of
        what it says (not 满意率98%为历年最高: no bound, the phrase before names it)."""
        if q.kind != "percent" or q.qualifier not in ("at_least", "at_most"):
            return []
        k = i + 1
        while k < len(items) and (items[k].kind == "space" or items[k].text in self.share_adverbs):
            k += 1
        if k < len(items) and items[k].text in self.share_copulas:
            return self.forward(items, k)
        if k < len(items) and items[k].text in self.share_having:
            return self.forward(items, k, verb_first=True)  # 都具有|大专以上学历
        return []

    def _list_parts(self, phrase: str, count: int) -> list[str]:
        """The items of a listed phrase; where the joiners give more items than figures, the
        enumeration comma alone separates them (热带经济作物、瓜菜与水果、畜牧: 瓜菜与水果 is one)."""
        parts = [p for p in re.split("|".join(map(re.escape, self.list_joiners)), phrase) if p]
        if len(parts) > count:
            by_comma = [p for p in phrase.split("、") if p]
            if len(by_comma) == count:
                return by_comma
        return parts

    def _shares_of_list(self, items: list[Item], first: int) -> bool:
        """分别占农业总产值的|41.8%、…, 分别占|3.5%、…: the shares of the whole, one for each item listed before."""
        k = first - 1
        while k >= 0 and items[k].kind == "space":
            k -= 1
        if k > 0 and items[k].text in self.share_verbs and items[k - 1].text in self.respectively:
            return True  # 分别占|3.5%、10.3%
        if k < 0 or items[k].text != "的":
            return False
        for j in range(k - 1, max(-1, k - 6), -1):
            if items[j].text in self.share_verbs:
                return j > 0 and items[j - 1].text in self.respectively
        return False

    def _shared_head(self, parts: list[str]) -> list[str]:
        """非公有制企业、社会组织党组织分别有…: the last item's head (党组织) is the others' too, where
        each of them is at most two words and none names a head of its own."""
        last = [t.text for t in self.seg.tokens(parts[-1])]
        if len(last) < 2 or not (last[-1] in self.heads or last[-1].endswith(self.head_endings)):
            return parts  # (a rate is a head too: 非公企业和社会组织党组织|组建率)
        head = last[-1] if len(last[-1]) > 1 or len(last) < 3 else last[-2] + last[-1]  # 组建|率
        if any(len(self.seg.tokens(p)) > 2 or p.endswith(head) for p in parts[:-1]):
            return parts
        return [*(p + head for p in parts[:-1]), parts[-1]]

    def _shared_tail(self, parts: list[str]) -> list[str]:
        """城镇和农村居民人均可支配收入, 城镇居民、农村居民人均可支配收入: an item shorter than the last,
        ending where the last item's words run parallel to it, takes the rest of the last item."""
        last = [t.text for t in self.seg.tokens(parts[-1])]
        out = []
        for p in parts[:-1]:
            words = [t.text for t in self.seg.tokens(p)]
            n = len(words)
            if p.endswith(last[-1]):
                out.append(p)  # 女干部、少数民族干部: each names its own head
            elif n == 1 and len(parts[-1]) > len(p) + 1 and not parts[-1].startswith(p):
                out.append(p + parts[-1][len(p):])  # 城镇|和|农村居民…: as many characters as the item
            elif n >= 2 and len(last) > n and words[1:] == last[1:n]:
                out.append(p + "".join(last[n:]))  # 城镇居民、农村居民…: the same words after the first
            else:
                out.append(p)
        return [*out, parts[-1]]

    def _shared_modifier(self, parts: list[str]) -> list[str]:
        """一般公共预算收入和支出: the first item's modifier (一般公共预算) is the others' too,
        where each of them is one word as long as the first item's head."""
        first = [t.text for t in self.seg.tokens(parts[0])]
        if len(first) < 2 or not all(len(self.seg.tokens(p)) == 1 and len(p) == len(first[-1]) for p in parts[1:]):
            return parts  # 收入|支出 are parallel heads; 集体收入 and 人均收入 share nothing
        modifier = "".join(first[:-1])
        return [parts[0], *(modifier + p for p in parts[1:])]


@lru_cache(maxsize=4)
def _threshold_tail(bounds: tuple[str, ...]) -> re.Pattern:
    """A threshold at the end of a phrase: 5万元以上, 20名及以上."""
    words = "|".join(map(re.escape, sorted(bounds, key=len, reverse=True)))
    return re.compile(rf"[0-9０-９.一二三四五六七八九十百千万亿两]+[^0-9０-９.]{{0,3}}?(?:{words})$")


def _year_item(items: list[Item], j: int) -> bool:
    """2011|年 of 分别是2011年的1.65倍: the year of a comparison's base, between 分别 and its figures."""
    text = items[j].text
    if text == "年":
        return j > 0 and bool(_YEAR_DIGITS.fullmatch(items[j - 1].text))
    return bool(_YEAR_DIGITS.fullmatch(text)) and j + 1 < len(items) and items[j + 1].text == "年"


_YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")
