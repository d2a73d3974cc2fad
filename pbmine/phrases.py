"""Noun phrases beside a number, in the stream of one sentence's words, quoted names and quantities.

The stream is made in ``phrase_stream.py``; a phrase is read forward from a number
(设立179个|党员先锋岗) or backward to the verb that stops it (打造示范点|14个). What
the phrase *is* for each number (the list it belongs to, a relative clause, a
subject) is decided in ``metrics.py``. The word lists are in ``data/grammar.toml``.
"""
from __future__ import annotations

import re

from .bands import Bands
from .phrase_checks import PhraseChecks
from .lexicon import QUOTES as QUOTE_MARKS, Lexicon
from .phrase_stream import CLAUSE_BREAK, LIST_BREAK, Item, ItemStream, next_break, prev_break  # noqa: F401
from .phrase_stream import join_items as _join  # (CLAUSE_BREAK, _join re-exported)
from .segment import Segmenter, read_userdict

NON_NOUN_TAGS = ("p", "c", "d", "r", "u", "f", "m", "t", "y", "e", "o")
UNIT_GLOSS = re.compile(r"[（(][^）)]{1,10}[）)]")


class PhraseFinder(Bands, PhraseChecks, ItemStream):
    """Reads noun phrases with one lexicon and one segmenter."""

    def __init__(self, lex: Lexicon, seg: Segmenter):
        g = lex.grammar["metric"]
        self.lex, self.seg = lex, seg
        self.linking = set(g["linking"]) | set(lex.qualifiers_before)
        self.change = set(lex.grammar["change"]["up"]) | set(lex.grammar["change"]["down"])
        self.actions = set(g["actions"])
        self.user_nouns = frozenset(w for w, _, tag in read_userdict() if tag and tag.startswith("n"))
        self.stops = set(g["stops"])
        self.not_metric = set(g["not_metric"])
        self.negations = set(g.get("negations", []))
        self.calculation_verbs = tuple(g["calculation_verbs"])
        self.comparison = set(g.get("comparison", []))
        self.respectively = set(g.get("respectively", []))
        self.share_verbs = set(g.get("share_verbs", []))
        self.share_adverbs = set(g.get("share_adverbs", []))
        self.share_copulas = set(g.get("share_copulas", []))
        self.share_having = set(g.get("share_having", []))
        self.event_units = set(g.get("event_units", []))
        self.subset_words = tuple(g["subset_words"])
        self.frame_words = tuple(g["frame_words"])
        self.list_joiners = tuple(g["list_joiners"])
        self.list_item_openers = set(g["list_item_openers"])
        self.from_words = tuple(lex.grammar["change"]["from"])
        self.to_words = set(lex.grammar["change"]["to"])
        self.level_links = frozenset(g["level_links"])
        self.comparison_ends = frozenset(g["comparison_ends"])
        self.span_openers = frozenset(g["span_openers"])
        self.span_ends = tuple(g["span_ends"])
        self.relational = set(g["relational"])
        self.selection = set(g["selection"])
        self.money_verbs = set(g["money_verbs"])
        self.measure_nouns = set(g["measure_nouns"])
        self.generic_measures = set(g["generic_measures"])
        self.bounds = tuple(lex.grammar["threshold"]["bound_words"])
        self.schooling = frozenset(lex.grammar["metric"]["schooling_levels"])
        self.average_words = frozenset(g["average_words"])
        self.change_adverbs = frozenset(g["change_adverbs"])
        self.above_verbs = frozenset(g["above_verbs"])
        self.scope_initials = tuple(g["scope_initials"])
        self.township = re.compile(g["township_pattern"])
        self.glosses = tuple(g["glosses"])
        self.comparatives = set(g["comparatives"])
        self.heads = set(g["shared_heads"])
        self.head_endings = tuple(g["shared_head_endings"])
        self.unit_metrics = dict(g["unit_metrics"])
        links = "|".join(map(re.escape, sorted(g["list_head_links"], key=len, reverse=True)))
        scopes = "".join(map(re.escape, g["list_head_scopes"]))
        self.list_head = re.compile(  # 各村|集体经济收入|分别为:  (neighbours.not_places)
            rf"(?:[{scopes}][村镇乡社区街道县市区]{{1,2}})?([\u4e00-\u9fff]{{2,12}}?)(?:(?:{links})[:：]?|[:：])")
        self.unit_begins = {u: tuple(rest) for u, rest in g["unit_begins_noun"].items()}
        self.unit_gainsays = {unit: tuple(heads) for unit, heads in g["unit_gainsays"].items()}
        self.bare_totals = frozenset(g["bare_totals"])
        self.verb_adverbs = frozenset(g["verb_adverbs"])
        self.modifier_adverbs = frozenset(g["modifier_adverbs"])
        self.unit_nouns = frozenset(g["unit_nouns"])
        self.unit_predicates = tuple(g["unit_predicates"])
        self.household_nouns = frozenset(g["household_nouns"])
        self._long_unit_nouns = tuple(u for u in self.unit_nouns if len(u) >= 2)
        self.fused = set(g["fused_verbs"])
        self.suffix_nouns = frozenset(g["suffix_nouns"])
        self.zero_words = frozenset(g["zero_words"])
        self.dateline = re.compile(g["dateline"])
        self.band_joiners = set(g["age_band_joiners"])
        self.age_units = {u for u, unit in lex.units.items() if unit.kind == "age"}
        # units of a sum, a length, an area, a mass or a share (not a count): after them a verb says what for
        self.kind_verbs = frozenset(g["kind_verbs"])
        self.shared_heads = tuple(sorted(self.heads, key=len, reverse=True))  # (as endings: 非公和社会组织党支部)
        self.money_units = tuple(u for u, unit in lex.units.items() if unit.kind == "money")
        self.measured = tuple(u for u, unit in lex.units.items()
                              if unit.claim and unit.kind in ("money", "length", "area", "measure", "percent"))
        self.places = None  # set per document: surfaces of place names, never a metric

    def _nounish(self, item: Item) -> bool:
        if item.kind == "quote":
            return True
        if item.kind != "word" or item.text in self.stops:
            return False
        if item.text in self.actions or item.text in self.linking:
            return False
        return not item.tag.startswith(NON_NOUN_TAGS)

    def forward(self, items: list[Item], i: int, verb_first: bool = False) -> list[Item]:
        """The noun phrase right after item i (设立179个|党员先锋岗).

        With `verb_first`, a phrase may open with a verb (形成390余张|整改清单,
        有11家|达到…标准): the fallback when no noun phrase stands on either side.
        """
        out: list[Item] = []
        j = i + 1
        while j < len(items):
            it = items[j]
            if it.kind == "space":
                j += 1
                continue
            if not out and self._is_place(it):
                break  # 耕地面积6198亩|丁湾村辖…: a place after the figure opens the next clause
            band = self._age_band_after(items, j) if not out else None
            if band is not None and band + 1 < len(items) and self._nounish(items[band + 1]):
                out += items[j:band + 1]  # 3000多名|35岁以下|年轻干部: an age band opening what is counted
                j = band + 1
                continue
            if not out and it.kind == "word" and it.text in self.not_metric and (j + 1 == len(items) or items[j + 1].kind == "punct"):
                break  # 突破4万亿元|大关、稳增长…: a gloss on the figure ends what follows it (not 全国|劳动模范)
            if not out and it.text in self.verb_adverbs and j + 2 < len(items) and items[j + 1].tag.startswith("v") \
                    and items[j + 2].text == "的":
                break  # 102部|新加装的电梯: an adverb opening a relative clause (not 新考录|大学生)
            if not out and self._adverb_verb(items, i, j):
                if items[i].text.endswith(self.measured):
                    break  # 投入6884.3万元|新发展村级集体经济项目: a sum is spent on what follows
                j += 2  # 12家|新成立|居民区党支部: the adverb and its verb modify what is counted
                continue
            if not out and it.text in self.negations and j + 2 < len(items) and items[j + 1].tag[:1] in ("v", "n") \
                    and items[j + 2].kind == "word" and items[j + 2].tag.startswith("n") and not self._is_place(items[j + 2]):
                out += items[j:j + 2]  # 8个|未摘帽|贫困县, 395个|未退出|贫困村: a negated verb modifies the noun
                j += 2
                continue
            if out and it.kind == "word" and it.text.replace(".", "").isdigit():
                break  # 315个行政村集体经济收入|5万元以上的: a threshold's numeral ends the phrase
            if not out and it.kind == "punct" and it.text in ("(", "（"):
                break  # 基层组织421个|(党委10个…): a bracket after the figure opens its breakdown
            if not out and it.kind == "quote" and it.text.startswith(("(", "（")):
                j += 1  # 人均分红达到9075.5元|(不含政策性收入): a note on the figure, not what it counts
                continue
            if out and it.kind == "word" and it.text in self.bounds or (
                    out and it.text == "及" and j + 1 < len(items) and items[j + 1].text in self.bounds):
                out.append(it)  # 三星级及以上|村党组织, 副科级以上|领导干部: a category bound inside the phrase
                j += 1
                continue
            if it.kind == "word" and it.tag == "c" and out and (
                    all(o.tag[:1] in ("a", "i", "l", "b", "z") for o in out) or self._shares_head(items, j, out)):
                conjunct = self.forward(items, j, verb_first=True)  # 软弱涣散和工作滞后|党支部
                k = next_break(items, j + 1)
                if conjunct and not any(items[m].kind == "qty" for m in range(j + 1, k)):
                    out.append(it)
                    out += conjunct
                break
            if it.kind == "punct" and it.text in LIST_BREAK and out:
                # 规上、准规上工业企业: coordination of nouns, unless a quantity follows
                k = next_break(items, j + 1)
                if any(items[m].kind == "qty" for m in range(j + 1, k)):
                    break
                conjunct = self.forward(items, j, verb_first=True)
                if not conjunct:
                    break
                out.append(it)
                out += conjunct
                break
            if not out and it.kind == "word" and it.tag == "m" and j + 1 < len(items) \
                    and items[j + 1].kind == "word" and items[j + 1].tag.startswith("n"):
                out.append(it)  # 15间|五层|商铺: a numeral modifier of the noun
                j += 1
                continue
            if out and out[-1].kind == "quote" and it.kind == "word" \
                    and out[-1].text.strip(QUOTE_MARKS) + it.text in self.user_nouns:
                out.append(it)  # 24个|“两新”组织|党组织: the quoted term and the word after it are one noun
                j += 1
                continue
            verb = it.kind == "word" and it.tag.startswith("v") and it.tag != "vn"
            if it.kind == "word" and (verb or not self._nounish(it)):
                first = not out and verb_first and (it.tag.startswith("v") or it.text in self.linking)
                aspect = verb_first and len(out) == 1 and it.text in ("了", "过", "着")
                if aspect:
                    j += 1  # 担任了|村党组织书记
                    continue
                if verb_first and len(out) == 1 and out[0].tag.startswith("v") and verb \
                        and (j + 1 == len(items) or items[j + 1].kind == "punct"):
                    out.append(it)  # 帮助160余人|解决就业;: a verb and the verb it governs, ending the clause
                    break
                purpose = not out and items[i].kind == "qty" and items[i].text.endswith(self.measured) \
                    and not self._compound_end(items, j)  # 160亩|租赁林地, 120亩|闲散土地: a kind of land
                if not (first or not purpose and self._modifier_verb(items, j, out)):
                    # 投入资金437万元|用于乡镇…, 写字楼2000平方米|用于租赁: after a sum or an area, a verb
                    # opens what it is for (after a count it may modify the noun: 226个|创新成果)
                    break
            elif not self._nounish(it):
                break
            out.append(it)
            j += 1
        while out and out[-1].kind == "punct":
            out.pop()
        if out and all(o.text in self.not_metric or o.text in self.linking for o in out):
            return []  # 突破百亿元|大关, 3700平方米|的: a gloss or a particle, not what it counts
        return out

    def backward(self, items: list[Item], i: int) -> tuple[list[Item], str | None]:
        """The noun phrase before item i (打造示范点|14个) and the verb that stops it."""
        out: list[Item] = []
        j = i - 1
        skipping = True  # linking words right before the number: 达, 共计, 增长
        conjunct = False  # a 和/及 was taken: the rest is its left noun
        item_joined = False  # ... in the item of a 、-list the walk is in (交通和通信类、教育文化和娱乐类: one each)
        changed = False  # a change word was skipped (…投入|年均增长5%: what grew)
        while j >= 0:
            it = items[j]
            if it.kind == "space":
                j -= 1
                continue
            if skipping and it.kind == "word" and (it.text in self.linking or it.text in self.change
                                                   or it.text in self.comparatives or it.text in self.glosses
                                                   or it.text in self.change_adverbs
                                                   or it.text in self.respectively or it.text.isdigit()):
                changed = changed or it.text in self.change
                j -= 1
                continue
            if skipping and it.kind == "punct" and it.text in ("-", "－", "+", "＋"):
                j -= 1  # 自然增长率为-3.19‰: the sign is the figure's
                continue
            if skipping and not out and it.kind == "punct" and it.text in (":", "：") and j > 0 \
                    and self._nounish(items[j - 1]) and self._is_label(items, j - 1):
                j -= 1  # 辖区面积:约0.49平方公里: a field's label names what its value counts
                continue
            if skipping and it.kind == "punct" and it.text in ("(", "（"):
                j -= 1  # 供暖(1.37万件): a figure in brackets glosses the noun before it
                continue
            if skipping and it.kind == "punct" and it.text in "，," and j > 0 and items[j - 1].text in self.frame_words:
                j -= 2  # 重点企业中，有9家…: the frame 'among X' before the figure
                continue
            if skipping and it.kind == "word" and it.tag.startswith("d") and it.text not in self.negations \
                    and it.text not in self.stops:
                j -= 1  # 村集体经济收入|率先|达到5万元: an adverb before the verb
                continue
            if skipping and it.kind == "word" and it.tag == "m" and it.text.endswith(self.span_ends) \
                    and j > 0 and items[j - 1].text in self.span_openers:
                j -= 2  # 粮食产量|连续三年|超过800亿斤: how long it has held, not what
                continue
            if skipping and it.kind == "word" and (it.tag.startswith("t") or it.text in self.not_metric):
                j -= 1  # 由9月份的89.2%升至96.4%, 约占全国的六成: a time or a scope before the figure
                continue
            if skipping and (it.kind == "qty" or it.text in self.zero_words) and self._is_from_value(items, j):
                j -= 1  # 从年初的32%提升至60%: the metric stands before 从
                continue
            if skipping and it.kind == "word" and it.text.endswith(self.calculation_verbs):
                at = self._calculation_start(items, j)
                if at is not None:
                    j = at - 1  # 工业增加值|按可比价格计算|下降1.8%: how it was computed, not what
                    continue
            skipping = False
            at = j - 1 if it.text == "的" else j
            band = self._unit_band(items, at) if out and (at < j or out[-1].text == "的") else None
            if band is not None:
                out += [items[m] for m in range(j, band - 1, -1)]  # 5-10万元的|村占比: the band is what is counted
                j = band - 1
                continue
            if it.kind == "punct" and it.text in LIST_BREAK and out:
                k = prev_break(items, j - 1)
                if any(items[m].kind == "qty" for m in range(k, j)):
                    break
                out.append(it)
                item_joined = False
                j -= 1
                continue
            if it.kind == "word" and it.text in self.actions:
                if len(out) == 1 and out[0].kind == "word" and (len(out[0].text) == 1
                                                                or out[0].text in self.measure_nouns):
                    out.append(it)  # 办结|率, 改造|面积: the head takes its verb along
                    j -= 1
                    continue
                if not out and changed and j > 0 and self._nounish(items[j - 1]):
                    out.append(it)  # 研发经费投入|年均增长5%: the verb is what grew, a noun of its object
                    j -= 1
                    continue
                return self._verb_off(out, conjunct)[::-1], it.text
            if it.kind == "word" and it.text in self.negations and out:
                out.append(it)  # 不|文明游览行为
                j -= 1
                continue
            if it.text in self.frame_words and out and j > 0 and self._nounish(items[j - 1]):
                out.append(it)  # 党务干部|中|40岁以下的: the group the figure is taken from
                j -= 1
                continue
            if it.text == "的" and out and out[0].text in self.relational:
                out.append(it)  # 外出务工的|占比: the share needs what it is a share of
                j -= 1
                continue
            if it.text == "的" and out and j > 0 and (aged := self._age_band(items, j - 1)) is not None:
                out += [items[m] for m in range(j - 1, aged - 1, -1)]  # 36岁至45岁的|党员7.3万名: the band is the group's
                j = aged - 1
                continue
            band = self._age_band(items, j)
            if band is None and not out:
                band = self._schooling_band(items, j)  # 本科及以上|6190人 (大专以上文化程度 is a noun's)
            if band is not None:
                out += [items[m] for m in range(j, band - 1, -1)]  # 35岁以下|党员占比, 35岁及以下|48.5万名
                j = band - 1
                continue
            bound = j - 1 if it.text == "的" else j
            if (out or bound == j) and bound >= 1 and items[bound].text in self.bounds:
                k = bound - 1  # 收入10万元以上的|村达83%, 20万元以上|村达100%: the threshold is part of what is counted
                while k >= 0 and bound - 1 - k < 3 and items[k].kind == "word" and (
                        items[k].tag in ("m", "x", "q") or items[k].tag == "b" and _NUMERAL.match(items[k].text)):
                    k -= 1  # (四星级|以上: a grade the tagger reads as a distinguishing word)
                if k < bound - 1 and _NUMERAL.match(items[k + 1].text):
                    alone = not out  # 总收入达10万元以上|有3个: the threshold, then what reached it
                    out += [items[m] for m in range(j, k, -1)]
                    j = k
                    if alone and j >= 0 and items[j].kind == "word" and items[j].text in self.linking:
                        j -= 1
                    continue
            if it.kind == "word" and it.tag in ("c", "p") and it.text in self.list_joiners and out and not item_joined \
                    and j > 0 and self._nounish(items[j - 1]) and not self._is_place(items[j - 1]):
                out.append(it)  # 社会保障和就业|4.07亿元, 收入和支出|分别达…: one name, or a list 分别 splits
                conjunct = item_joined = True
                j -= 1
                continue
            if it.text in self.list_item_openers and out and (j == 0 or items[j - 1].text in LIST_BREAK
                                                              or items[j - 1].kind == "punct"):
                out.append(it)  # 教育文化和娱乐类、|其他|用品及服务类; ,其他用品及服务同比上涨: the item's own word
                j -= 1
                continue
            if it.kind == "word" and self._scope_word(it) or it.text in self.not_metric:
                break  # 我县, 全集团: who, not what
            if not self._nounish(it) or it.text in self.not_metric or self.dateline.search(it.text):
                break  # 新区|海洋生产总值: a region word opens the clause, not the metric; 6月21日讯|: a dateline
            out.append(it)
            j -= 1
        while out and out[-1].kind == "punct":
            out.pop()
        return self._verb_off(out, conjunct)[::-1], self._action_before(items, j)

    def _is_label(self, items: list[Item], j: int) -> bool:
        """The noun phrase ending at item j opens its cell, line or clause (| 辖区面积: …, 面积: …)."""
        k = j
        while k >= 0 and items[k].kind == "word" and self._nounish(items[k]) and j - k < 4:
            k -= 1
        while k >= 0 and items[k].kind == "space":
            k -= 1
        return k < 0 or items[k].kind == "punct" and items[k].text in ("|", "｜", "，", ",", "；", ";", "。", "\n")

    @staticmethod
    def _verb_off(out: list[Item], conjunct: bool) -> list[Item]:
        """服务|大学生及商户, 配强|网格长和专职网格员: the verb that takes a pair is not part of it."""
        while conjunct and len(out) > 1 and out[-1].kind == "word" and out[-1].tag.startswith(("v", "x")):
            out.pop()
        return out

    def _scope_word(self, item: Item) -> bool:
        """全县, 我县, 全集团: a scope or a speaker, never part of a metric."""
        t = item.text
        return 2 <= len(t) <= 3 and t.startswith(self.scope_initials) and (
            t[1] in "市省区县州旗镇乡村盟" or item.tag == "x")

    def _is_place(self, item: Item) -> bool:
        return bool(self.places) and item.text in self.places

    def _is_from_value(self, items: list[Item], j: int) -> bool:
        """Item j is the starting value of a change (覆盖率由2022年的76.2%|提高到93.5%)."""
        k = j - 1
        while k >= 0 and j - k <= 6 and not (items[k].kind in ("punct", "qty")):
            if items[k].text in self.from_words:
                return True
            k -= 1
        return False

    def _action_before(self, items: list[Item], j: int) -> str | None:
        while j >= 0 and items[j].kind not in ("punct", "qty"):
            if items[j].kind == "word" and items[j].text in self.actions:
                return items[j].text
            j -= 1
        return None



_NUMERAL = re.compile(r"^[0-9０-９.一二三四五六七八九十百千万两]+")
