"""Attach to each quantity the thing it counts (its metric) and the verb that introduces it.

The number may stand before the noun phrase (设立179个党员先锋岗) or after it
(打造示范点14个, 好评率达100%). Within one sentence the text between the
quantities is segmented once, quoted names are kept whole, and each quantity
looks forward for a noun phrase, then backward, then to its neighbours in a
list (53处、259栋老旧小区), then to a relative clause (…表现优秀的年轻干部) and
last to the predicate (有11家达到…标准). The word lists that steer this are in
``data/grammar.toml``; listed figures and thresholds are read in ``lists.py``.
"""
from __future__ import annotations


from .lexicon import QUOTES
from .phrases import CLAUSE_BREAK, UNIT_GLOSS, Item, PhraseFinder, _join
from .lists import Attachment, ListRoles
from .quantities import Quantity


class MetricFinder(ListRoles, PhraseFinder):
    """Finds the metric phrase of every quantity of a sentence."""

    def topic(self, items: list[Item], i: int) -> list[Item]:
        """The object written before its verb (这样的站点|西湖区已建成|128个, 老旧小区|改造|9个)."""
        j = i - 1
        while j >= 0 and (items[j].kind == "space" or items[j].kind == "word" and items[j].text in self.linking):
            j -= 1
        if j < 0 or items[j].kind != "word" or items[j].text not in self.actions:
            return []
        j -= 1
        if j >= 0 and items[j].kind == "word" and items[j].text in self.actions:
            j -= 1  # 5G基站|完成|开通|238个: an action before the action
        while j >= 0 and (items[j].kind == "space" or items[j].kind == "word" and (
                items[j].text in self.linking or items[j].text in self.stops and items[j].tag.startswith("d")
                or self._is_place(items[j]))):
            j -= 1
        if j < 0 or not (items[j].kind in ("word", "quote") and self._nounish(items[j])) \
                or items[j].tag == "nt":
            return []  # (中国移动|完成开通|98个: an organisation does it, it is not what is counted)
        phrase, _ = self.backward(items, j + 1)
        return phrase

    def _above_average(self, items: list[Item], k: int) -> list[Item]:
        """X高于全市平均水平12645元 counts X, not the average it is set against: the phrase before the
        comparing verb (empty when the clause opens on it: the figure before is then what it counts)."""
        j = k - 1
        while j >= 0 and (items[j].kind == "space" or items[j].kind == "word" and self._scope_word(items[j])):
            j -= 1
        if j < 0 or items[j].text not in self.above_verbs:
            return items[k:k + 1]
        phrase, _ = self.backward(items, j)
        return phrase

    def compared(self, items: list[Item], i: int) -> list[Item]:
        """X是Y的2.7倍 counts X, not Y: the noun phrase before 是."""
        j = i - 1
        while j >= 0 and items[j].kind == "space":
            j -= 1
        if j < 0 or items[j].text != "的":
            return []
        while j >= 0 and not (items[j].kind == "punct" and items[j].text[0] in CLAUSE_BREAK) and items[j].kind != "qty":
            if items[j].kind == "word" and items[j].text in self.comparison:
                phrase, _ = self.backward(items, j)
                return phrase
            j -= 1
        return []

    def relative_head(self, items: list[Item], i: int) -> list[Item]:
        """The head noun after 的 in the same clause (选拔50余名在…中表现优秀的|年轻干部)."""
        j = i + 1
        while j < len(items) and not (items[j].kind == "punct" and items[j].text[0] in CLAUSE_BREAK):
            if items[j].kind == "qty":
                return []
            if items[j].kind == "word" and items[j].text == "的" and j - i <= 12:
                return self.forward(items, j)
            j += 1
        return []

    def attach(self, text: str, offset: int, quantities: list[Quantity]) -> list[Attachment]:
        """A phrase and an action for each quantity of one sentence.

        Order of preference: a noun phrase after the number, one before it
        (after it when the number is itself a modifier: 涵盖五大方面的19条|建设指标),
        the phrase of the next quantity of a list (53处、259栋老旧小区), the head
        of a relative clause, a verb phrase after the number, the verb before it
        (惠及800余人次), and last the phrase of the previous quantity
        (同比增长8.8%).
        """
        items = self.stream(text, offset, quantities)
        where = {it.qty: n for n, it in enumerate(items) if it.kind == "qty"}
        n = len(quantities)
        found: list[Attachment | None] = [None] * n
        actions: list[str | None] = [None] * n
        adjacent_action: list[bool] = [False] * n
        ahead: list[bool] = [False] * n  # the phrase stands after the number (设立179个|党员先锋岗)
        cells = self._row_headers(text, offset, quantities)
        fwd_span: list[tuple[int, int] | None] = [None] * n  # where each quantity's phrase after it stands
        for qi in range(n):
            i = where[qi]
            if cells[qi]:  # 社区党组织 | 96个 | +12.4%; 第一产业 | 56789 | 5.25 | 16.6 (构成)
                found[qi] = Attachment(cells[qi] + (quantities[qi].column or ""), None)
                continue
            fwd = self.forward(items, i) or self._share_is(items, i, quantities[qi])
            of_what = not fwd
            fwd = fwd or self._of_what(items, i)
            if fwd and all(it.tag[:1] in ("i", "l", "a") for it in fwd):
                fwd = self._head_after(items, items.index(fwd[-1])) or fwd  # 16家各具特色的|共富工坊
            elif fwd and self._clause_like(fwd) and not fwd[0].tag.startswith("n"):  # (群众|走…的路子: its subject)
                head = self._head_after(items, items.index(fwd[-1]))
                if head and head[0].tag.startswith("n") and head[0].tag != "vn" and not any(it.text == "、" for it in head):
                    fwd = head  # 2000多名走出深山的|农牧民群众, 25名“打擂”的|村党组织书记: a relative clause's head
            bwd, action = self.backward(items, i)
            if bwd and qi and fwd_span[qi - 1] == (bwd[0].start, bwd[-1].end) \
                    and (_join(bwd) in self.unit_nouns or _join(bwd) in self.household_nouns) \
                    and where[qi - 1] + 1 + len(bwd) == i and quantities[qi].unit in self.unit_metrics:
                bwd = []  # 105个村|1944户: the units between are what the figure before counts, and 户 names
                # its own (but 57个行政村两委班子成员|357人, 236处水面|5300余亩: the phrase is this one's)
            if fwd and not of_what and not any(it.tag.startswith("v") for it in fwd):
                fwd_span[qi] = (fwd[0].start, fwd[-1].end)  # (a noun: 12个村|抱团种植青贮玉米3400亩 is no list)
            if of_what and fwd and bwd and bwd[-1].text.endswith(tuple(self.measure_nouns)):
                fwd = []  # 一栋面积为90平方米的|村级组织活动中心: the measure named before, not what has it
            elif of_what and fwd and quantities[qi].kind == "money" and _join(bwd) in self.money_verbs \
                    and items[i - 1] is bwd[-1]:
                fwd = fwd + bwd  # 投资500万元的|天麻种植基地: the base's investment
            event = quantities[qi].unit_text in self.event_units
            if not fwd:
                bwd = self.compared(items, i) or bwd
            if bwd and _join(bwd) in self.average_words:
                bwd = self._above_average(items, items.index(bwd[0]))  # 人均收入|高于全市平均水平|12645元
            if bwd and (all(self._is_place(it) or it.kind == "punct" for it in bwd)
                        or self.township.match(_join(bwd) or "")):
                bwd = []  # 其中咸丰县|56名, 望京街道|5213件: a place is where, not what
            if bwd and _join(bwd) in self.generic_measures:
                bwd = self._subject_of(items, bwd[0]) + bwd  # 第一产业实现|增加值|153.6亿元
            if bwd and action and event and self._action_adjacent(items, bwd[0], action):
                bwd = [Item(action, 0, 0, "word", "v")] + bwd  # 走访|辖区居民|1.2万余户次
            if not fwd and not bwd and action and event:
                bwd = self.topic(items, i) + [Item(action, 0, 0, "word", "v")]  # 入户走访|12.6万户次
            elif not fwd and not bwd and action in self.money_verbs and quantities[qi].kind == "money":
                bwd = [Item(action, 0, 0, "word", "v")]  # 刘永俊瞄准婚宴市场，投入40万元: the sum is what was put in
            elif not fwd and not bwd and action in self.selection:
                bwd = self.previous_object(items, i)  # …命名示范单位60家，我市市直机关入选9家
            elif not fwd and not bwd:
                bwd = self.topic(items, i)
            actions[qi] = action
            adjacent_action[qi] = bool(action) and not bwd
            if bwd and not fwd and self._after_de(items, i):
                fwd = self.forward(items, i, verb_first=True)  # 涵盖五大方面的19条|建设指标
            elif bwd and not fwd and self._after_you(items, i):
                bwd = bwd + self.forward(items, i, verb_first=True)  # 医疗机构有11家|达到…标准
            if fwd and bwd and i + 1 < len(items) and items[i + 1].kind == "space":
                fwd = []  # 党员277.84万名 基层党组织…: a headline's next part is no phrase when one stands before the figure
            phrase = fwd or bwd
            begun = self.unit_begins.get(quantities[qi].unit_text[-1:], ())
            if fwd and fwd[0].text.startswith(tuple(begun)):
                phrase = [Item(quantities[qi].unit_text[-1], 0, 0, "word", "n")] + fwd  # 2400万人|口: the unit begins 人口
            if phrase:
                found[qi] = Attachment(_join(phrase), action)
                ahead[qi] = bool(fwd)
        self._respectively(items, where, found)
        self._levels_after_changes(items, where, found, quantities)
        self._from_and_to(items, where, found)
        self._threshold_subjects(found)
        for qi in range(n - 2, -1, -1):  # the next quantity of a list: 53处、259栋老旧小区
            if found[qi] is None and found[qi + 1] is not None and self._listed(items, where[qi], where[qi + 1]):
                found[qi] = Attachment(found[qi + 1].phrase, actions[qi] or found[qi + 1].action)
        for qi in range(n):
            if found[qi] is not None:
                continue
            i = where[qi]
            phrase = _join(self.relative_head(items, i)) or _join(self.forward(items, i, verb_first=True))
            if not phrase and adjacent_action[qi]:
                # 开展“过硬党支部”评选,命名154个: the object of the clause before, else the verb
                event = quantities[qi].unit_text in self.event_units
                phrase = (None if event else _join(self.previous_object(items, i))) or actions[qi]
            if not phrase:
                phrase = self._previous_phrase(found, quantities, qi, ahead, items, where)
            found[qi] = Attachment(phrase, actions[qi])
        for qi, a in enumerate(found):
            before = found[qi - 1].phrase if qi else None
            if a.phrase in self.bare_totals and before and not before.endswith(tuple(self.bare_totals)) \
                    and quantities[qi - 1].unit == quantities[qi].unit:
                a.phrase = found[qi - 1].phrase + a.phrase  # 新增规模工业企业24家,总数达到159家: the 企业's total
            if a.phrase:
                a.phrase = self._units_counted(self._counted_head(a.phrase, quantities[qi].unit), quantities[qi])
        return found  # type: ignore[return-value]

    def _counted_head(self, phrase: str, unit: str) -> str:
        """总人口264户611人, 全村人口1666人,478户: a head its unit gainsays (人口 counted in 户) takes
        what the unit counts (总人口户数), so the households are not ranked against the people."""
        heads = self.unit_gainsays.get(unit)
        return phrase + self.unit_metrics[unit] if heads and phrase.endswith(heads) else phrase

    def _units_counted(self, phrase: str, q: Quantity) -> str:
        """181个行政村收入均超10万元: a count of units followed by what they earn counts the units."""
        for word in self.unit_predicates:
            head = phrase.removesuffix(word)
            if head != phrase and head in self.unit_nouns and q.kind == "count":
                return head
        return phrase

    def _previous_phrase(self, found: list, quantities: list[Quantity], qi: int, ahead: list[bool],
                         items: list[Item], where: dict[int, int]) -> str | None:
        """同比增长8.8%: a change, a share or a figure in the same unit (or a sum in another currency:
        125043元,折算为17745美元) counts what the figure before it counts; in another unit it counts
        what its unit names (辖9个村民小组,886户2595人: 户数, 人口)."""
        q = quantities[qi]
        for pj in range(qi - 1, -1, -1):
            if any(it.text in self.comparison_ends for it in items[where[pj] + 1:where[qi]]):
                continue  # 与2010年的19612368人相比,增加2280727人: a comparison's base is not what changed
            if found[pj] is not None and found[pj].phrase:
                beside = all(it.kind in ("punct", "space") or it.text in self.change or it.text in self.to_words
                             for it in items[where[pj] + 1:where[qi]])  # 由106户323人减少到1户3人
                own = self._counts_own_unit(found[pj].phrase)  # 总户数4629户、13642人; 村民小组4个,165户
                if self._level_after_change(quantities[pj], q, items[where[pj] + 1:where[qi]]):
                    return found[pj].phrase  # 地方财政收入增长6.9%,达到32.1亿元: the level of what grew
                if quantities[pj].unit == q.unit or q.kind in ("percent", "growth", "multiple") or q.direction \
                        or q.kind == "money" == quantities[pj].kind \
                        or (not ahead[pj] and beside and not own):
                    return found[pj].phrase  # 总人口1592户,5407人; 干部培训53期6900余人次: the subject before both
                break  # 辖9个村民小组,886户; 总面积41.2平方公里,共有1056户: that phrase counts that figure alone
        ahead[qi] = True  # a unit's name counts this figure alone
        return self.unit_metrics.get(q.unit)

    def _level_after_change(self, change: Quantity, q: Quantity, between: list[Item]) -> bool:
        """A change in percent, then a comma and a level word (增长6.9%,达到32.1亿元)."""
        words = [it.text for it in between if it.kind not in ("punct", "space")]
        return change.kind == "growth" and q.kind not in ("percent", "growth", "multiple") \
            and len(words) == 1 and words[0] in self.level_links \
            and any(it.kind == "punct" for it in between)

    def _counts_own_unit(self, phrase: str) -> bool:
        """辖区面积, 户数 (a measure noun) or 村民小组, 行政村 (units of a place): a phrase that counts
        its own unit, whose figure's subject a figure in another unit does not share."""
        return phrase.endswith(tuple(self.measure_nouns)) or phrase in self.unit_nouns \
            or phrase.endswith(self._long_unit_nouns)

    def _subject_of(self, items: list[Item], first: Item) -> list[Item]:
        """The noun phrase before the verb that precedes `first` (畜牧业|实现|增加值): whose measure it is."""
        k = items.index(first) - 1
        while k >= 0 and items[k].kind == "space":
            k -= 1
        if k <= 0 or not (items[k].kind == "word" and items[k].tag.startswith("v")):
            return []
        phrase, _ = self.backward(items, k)
        if not phrase or any(self._is_place(it) or self._scope_word(it) for it in phrase):
            return []
        return phrase

    @staticmethod
    def _action_adjacent(items: list[Item], first: Item, action: str) -> bool:
        k = items.index(first) - 1
        while k >= 0 and items[k].kind == "space":
            k -= 1
        return k >= 0 and items[k].text == action

    def previous_object(self, items: list[Item], i: int) -> list[Item]:
        """The last noun phrase of the clause before item i's clause."""
        j = i - 1
        while j >= 0 and not (items[j].kind == "punct" and items[j].text[0] in CLAUSE_BREAK):
            j -= 1
        j -= 1
        while j >= 0 and items[j].kind in ("word", "space") and not self._nounish(items[j]):
            j -= 1
        if j >= 0 and items[j].kind == "qty":  # 收集问题诉求3120条，已办结2987条
            phrase = self.forward(items, j) or self.backward(items, j)[0]
            return phrase
        if j < 0 or not (items[j].kind == "quote" or items[j].kind == "word" and self._nounish(items[j])):
            return []
        phrase, _ = self.backward(items, j + 1)
        return phrase

    def _of_what(self, items: list[Item], i: int) -> list[Item]:
        """约5%的|党支部: a share followed by 的 and a noun is a share of that noun."""
        j = i + 1
        while j < len(items) and items[j].kind == "space":
            j += 1
        if j >= len(items) or items[j].text != "的":
            return []
        phrase = self.forward(items, j, verb_first=True)  # 3700平方米的|超市 (tagged a verb)
        k = j + 1 + len(phrase)
        return [] if k < len(items) and items[k].kind == "qty" else phrase

    @staticmethod
    def _row_headers(text: str, offset: int, quantities: list[Quantity]) -> list[str | None]:
        """In a table row written as text (社区党组织 | 96个 | +12.4%), a cell holding only a
        figure counts what the row's first cell names."""
        out: list[str | None] = [q.row for q in quantities]  # 地区生产总值 over 19349.31: a stacked table's label
        if "|" not in text and "｜" not in text:
            return out
        bounds = [-1] + [k for k, ch in enumerate(text) if ch in "|｜"] + [len(text)]
        cells = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
        first = next((k for k, (a, b) in enumerate(cells) if text[a:b].strip()), 0)  # | 生产总值 | 万元 |: ruled at the edge
        cells = cells[first:]
        head = "".join(ch for ch in text[cells[0][0]:cells[0][1]].strip() if ch not in QUOTES)
        head = UNIT_GLOSS.sub("", head).lstrip("#＃").strip()  # 猪（万头）, #水稻: the label without its unit
        for qi, q in enumerate(quantities):
            s, e = q.outer_start - offset, q.outer_end - offset
            for k, (a, b) in enumerate(cells):
                if a <= s and e <= b and k > 0:
                    rest = (text[a:s] + text[e:b]).strip(" \t\u3000+-－")
                    if not rest and head:
                        out[qi] = head
        return out

    @staticmethod
    def _word_before(items: list[Item], i: int) -> str:
        j = i - 1
        while j >= 0 and items[j].kind == "space":
            j -= 1
        return items[j].text if j >= 0 else ""

    @staticmethod
    def _clause_like(fwd: list[Item]) -> bool:
        """A phrase that reads as a clause (a verb in it, or a quoted term alone), not a noun phrase."""
        return any(it.tag.startswith("v") and it.tag != "vn" for it in fwd) or len(fwd) == 1 and fwd[0].kind == "quote"

    def _head_after(self, items: list[Item], j: int) -> list[Item]:
        """The noun after a 的 that follows item j (各具特色|的|共富工坊)."""
        if j + 2 < len(items) and items[j + 1].text == "的":
            return self.forward(items, j + 1)
        return []

    def _after_de(self, items: list[Item], i: int) -> bool:
        """The number is itself inside a modifier: X的19条Y counts Y."""
        return self._word_before(items, i) == "的"

    def _after_you(self, items: list[Item], i: int) -> bool:
        """A subset: X有11家… counts those of X that did what follows."""
        return self._word_before(items, i) in self.subset_words

    @staticmethod
    def _listed(items: list[Item], i: int, k: int) -> bool:
        """Only 、 or spaces between two quantities (53处、259栋; 6批 1187名)."""
        return all(it.kind == "space" or it.text == "、" for it in items[i + 1: k])
