"""The role a figure plays next to its noun phrase: a share of a group, a change, a category.

`metrics.MetricFinder` finds the noun phrase beside each number. Some numbers
are not a level of that phrase, and ranking them as one would be wrong:

* a share names its group, not its denominator: 女党员80.86万名,占党员总数的29.10%
  is the share of 女党员; 流动人口占总人口的42% the share of 流动人口;
* an absolute change is not the level: 党员5.2万名,较上年净增1200名 gives 党员净增;
  增幅为3.4%, 降幅7.66% are 增幅/降幅;
* a category bound belongs to the metric though it is not a claim:
  35岁及以下党员7.3万名 is 35岁及以下党员, 大专及以上学历党员 keeps 大专及.

The cue words are data (``grammar.toml``, ``[roles]``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .quantities import Quantity

CLAUSE = "，,；;。！？!?：:"
SHARE_GAP = 8  # at most this far after the figure before it a bare 占比 is that figure's share
TAIL = 48  # how far before a figure its role words can stand (bounds the work on a long line)


@dataclass
class Roles:
    """Compiled role patterns for one lexicon."""

    share: re.Pattern
    bound_before: re.Pattern
    bound_head: re.Pattern
    rate_words: tuple[str, ...]
    change: re.Pattern
    linking: tuple[str, ...]
    change_words: tuple[str, ...]
    subject_openers: tuple[str, ...]
    respectively: tuple[str, ...] = ()
    distance: "Distance | None" = None
    density_markers: tuple[str, ...] = ()
    density_units: tuple[str, ...] = ()
    density_metric: str = ""
    change_adverbs: tuple[str, ...] = ()
    rate_changes: tuple[str, ...] = ()
    rate_comparisons: tuple[str, ...] = ()
    point_units: tuple[str, ...] = ()
    copula_subject: re.Pattern | None = None
    per_words: tuple[str, ...] = ()
    bare_shares: tuple[str, ...] = ()
    level_words: tuple[str, ...] = ()
    list_joiners: tuple[str, ...] = ()

    @classmethod
    def of(cls, lex: Lexicon) -> "Roles":
        g = lex.grammar["roles"]
        heads = "|".join(map(re.escape, g["bound_heads"]))
        bounds = "|".join(map(re.escape, sorted(lex.grammar["threshold"]["bound_words"], key=len, reverse=True)))
        linking = "|".join(map(re.escape, sorted(g["share_linking"], key=len, reverse=True)))
        comparators = "|".join(map(re.escape, g["comparators"]))
        changes = "|".join(map(re.escape, sorted(g["change_words"], key=len, reverse=True)))
        always = "|".join(map(re.escape, g["always_change"]))
        totals = "|".join(map(re.escape, g["share_totals"]))
        return cls(
            share=re.compile(rf"(?:约)?占(?:到)?(?:[^{CLAUSE}]{{1,16}}?的|[^{CLAUSE}]{{1,12}}?(?:{totals}))?"
                             rf"(?:比重|比例)?(?:{linking})?$"),
            bound_before=re.compile(rf"(?:\d+(?:\.\d+)?岁|{heads})(?:{bounds})(?:学历)?的?$"),
            bound_head=re.compile(rf"(?:\d+(?:\.\d+)?岁|{heads})及?$"),
            rate_words=tuple(g["rate_words"]),
            change=re.compile(rf"(?:(?:{comparators})[^{CLAUSE}]{{0,12}}?(?:{changes})|(?:{always}))(?:了)?$"),
            linking=tuple(sorted(g["share_linking"], key=len, reverse=True)),
            change_words=tuple(sorted({*g["change_words"], *g["always_change"]}, key=len, reverse=True)),
            subject_openers=tuple(g["subject_openers"]),
            respectively=tuple(lex.grammar["metric"]["respectively"]),
            distance=Distance.of(g),
            density_markers=tuple(g["density_markers"]), density_units=tuple(g["density_units"]),
            density_metric=g["density_metric"],
            change_adverbs=tuple(sorted(lex.grammar["metric"]["change_adverbs"], key=len, reverse=True)),
            rate_changes=tuple(g["rate_changes"]),
            rate_comparisons=tuple(g["rate_comparisons"]), point_units=tuple(g["point_units"]),
            copula_subject=re.compile(rf"([\u4e00-\u9fff]{{2,12}}?)(?:{'|'.join(g['copula_adverbs'])})?(?:{'|'.join(g['copulas'])})"),
            per_words=tuple(sorted(g["per_words"], key=len, reverse=True)),
            bare_shares=tuple(g["bare_shares"]),
            level_words=tuple(sorted(g["level_words"], key=len, reverse=True)),
            list_joiners=tuple(lex.grammar["metric"]["list_joiners"]),
        )


def refine(roles: Roles, sentence: str, offset: int, quantities: list[Quantity],
           phrases: list[str | None]) -> list[str | None]:
    """The metric phrase of each quantity of one sentence, with its role applied."""
    out = list(phrases)
    for k, q in enumerate(quantities):
        at = q.outer_start - offset
        left = sentence[max(0, at - TAIL):at]  # every pattern here is anchored at the figure
        clause = left[max(map(left.rfind, CLAUSE)) + 1:]
        phrase = out[k]
        reference = roles.distance.reference(clause, sentence[q.outer_end - offset:]) \
            if roles.distance and q.unit in roles.distance.units else None
        if reference:
            phrase = f"距{reference}距离"  # 距县城45公里, 位于冯原镇政府南2公里处
        elif q.unit in roles.density_units and any(w in clause for w in roles.density_markers):
            phrase = roles.density_metric  # 每平方公里不足5人
        elif q.unit == "%" and roles.share.search(clause) and not _names_ratio(clause):
            phrase = _group(roles, clause, out, k) or _clause_subject_before(roles, left, clause) or phrase
        else:
            rate = _rate_word(roles, clause) or _compared_rate(roles, clause, q)
            if rate:
                phrase = rate if not phrase or rate in phrase else phrase + rate
            elif q.kind == "growth" and q.direction and phrase \
                    and (verb := _change_verb(roles, _listed_clause(roles, sentence, offset, quantities, k) or clause)) \
                    and verb not in phrase:
                phrase = phrase + verb  # 地区生产总值…比上年增长3.8%: the growth of the output, not the output
            elif q.kind not in ("percent", "growth", "multiple") and (verb := _bare_change(roles, clause, quantities, k)) \
                    and out[k - 1] and verb not in out[k - 1] \
                    and (phrase in (None, phrases[k - 1]) or not _ahead(sentence, offset, q, phrase)):
                # 烤烟种植面积2.23万亩,增加0.13万亩: the level's change; 与…19612368人相比,增加2280727人: the
                # change of what the finder named past the comparison's base
                phrase = (out[k - 1] if phrase in (None, phrases[k - 1]) else phrase) + verb
            elif q.kind not in ("percent", "growth", "multiple") and roles.change.search(clause):
                matched = roles.change.search(clause).group().removesuffix("了")
                verb = next(w for w in roles.change_words if matched.endswith(w))
                own = phrase if phrase and not matched.endswith(phrase) else None  # 同比增加|25.2吨, 比上年多增: no phrase
                base = own or _previous(out, k)
                if base and verb not in base:
                    phrase = base + verb
        phrase = phrase.lstrip("、，,；;：: ") if phrase else phrase
        if phrase in roles.level_words and k and out[k - 1] and q.outer_start - quantities[k - 1].outer_end <= SHARE_GAP:
            head = next((out[k - 1][len(w):] for w in roles.level_words if out[k - 1].startswith(w)), out[k - 1])
            phrase = phrase + head  # 545名网格员(县级4人、乡级13人): 县级网格员, 乡级网格员
        phrase = _average_of_previous(roles, phrase, out, quantities, k)
        if phrase in roles.bare_shares and k and out[k - 1] and phrase not in out[k - 1] \
                and q.outer_start - quantities[k - 1].outer_end <= SHARE_GAP:
            before = next((out[k - 1][:-len(w)] for w in roles.change_words if out[k - 1].endswith(w)), out[k - 1])
            phrase = (before or out[k - 1]) + phrase  # 35岁以下干部106名、占比69.3%: the share of the figure before
        phrase = _per_unit(roles, clause, phrase)
        out[k] = _with_bound(roles, sentence, at, phrase) or None
    return out


@dataclass
class Distance:
    """距县城45公里, 离家不到500米, 位于毛坝镇集镇西面16公里处: the place a length is measured from."""

    units: tuple[str, ...]
    opener: re.Pattern    # the last distance or location word of the clause, and what follows it
    fillers: tuple[str, ...]
    direction: re.Pattern
    ends: tuple[str, ...]
    not_after: str
    located: frozenset[str]  # the location words (位于…处): they need a direction or an end word

    @classmethod
    def of(cls, g: dict) -> "Distance":
        words = "|".join(map(re.escape, sorted(g["distance_openers"] + g["location_openers"], key=len, reverse=True)))
        return cls(tuple(g["distance_units"]),
                   re.compile(rf"(?P<w>{words})(?P<ref>(?:(?!{words}).)*)$"),
                   tuple(sorted(g["distance_fillers"], key=len, reverse=True)),
                   re.compile(rf"{g['directions']}$"), tuple(g["distance_ends"]), g["distance_not_after"],
                   frozenset(g["location_openers"]))

    def reference(self, clause: str, after: str) -> str | None:
        m = self.opener.search(clause)
        if m is None:
            return None
        word, ref = m.group("w"), m.group("ref")
        if len(word) == 1 and m.start() > 0 and clause[m.start() - 1] in self.not_after:
            return None  # 脱离, 隔离: a word, not a distance
        head, _, last = ref.rpartition("、")
        if head and head.endswith(self.units):
            ref = last  # 距城区20公里、济村乡政府|3公里: the next place of the list the 距 governs
        for filler in self.fillers:
            ref = ref.removesuffix(filler)
        located = word in self.located
        d = self.direction.search(ref)
        if d:
            ref = ref[:d.start()]
        for filler in self.fillers:
            ref = ref.removesuffix(filler)
        if located and not (d or after.startswith(self.ends)):
            return None  # 位于…镇, 总面积12平方公里: a place, not a distance
        return ref if 1 <= len(ref) <= 16 and re.fullmatch(r"[\u4e00-\u9fff]+", ref) else None


def _group(roles: Roles, clause: str, out: list[str | None], k: int) -> str | None:
    """The group a share is of: the subject before 占 in its clause, else the figure before it."""
    at = clause.rfind("占")
    subject = clause[:at].strip()
    head, _, tail = subject.rpartition("、")
    if re.search(r"[0-9０-９%]", head):
        subject = tail  # 优秀农民工占40.7%、致富带头人占28.2%: each item of the list is its own group
    for word in roles.subject_openers:
        subject = subject.removeprefix(word)
    subject = subject.removesuffix("的")
    for word in roles.respectively:
        subject = subject.removesuffix(word)  # 党员分别占…: 党员
    if not subject and clause[:at].strip():
        return None  # 分别占农业总产值的41.8%、…: each figure's group is the item listed for it
    if 2 <= len(subject) <= 16 and re.fullmatch(r"[\u4e00-\u9fff0-9.岁\-~～—]+", subject):  # 26-35岁的占…
        return subject
    return out[k - 1] if k > 0 else None


def _clause_subject_before(roles: Roles, left: str, clause: str) -> str | None:
    """工人和农民仍是党员队伍主体,占总数的36.3%: a share clause with no group of its own and no figure
    before it is of the subject of the clause before (what it is: 仍是…)."""
    if clause[:clause.rfind("占")].strip():
        return None
    before = left[:len(left) - len(clause)].rstrip("，, ")
    prev = before[max(map(before.rfind, CLAUSE)) + 1:]
    m = roles.copula_subject.match(prev)
    return m.group(1) if m else None


def _names_ratio(clause: str) -> bool:
    """占全市的比重为24.8%: the phrase names the ratio itself (the gold's 比重), keep it."""
    return any(w in clause[clause.rfind("占"):] for w in ("比重", "比例"))


def _rate_word(roles: Roles, clause: str) -> str | None:
    """The rate word right before the figure (降幅7.66%), or before the change of the rate
    (增速提高4.1个百分点: 增速提高)."""
    tail = _without_linking(roles, clause.rstrip())
    word = next((w for w in roles.rate_words if tail.endswith(w)), None)
    if word is None:
        moved = next((v for v in roles.rate_changes if tail.endswith(v)), None)
        if moved is not None:
            word = next((w + moved for w in roles.rate_words if tail.endswith(w + moved)), None)
    return word


def _compared_rate(roles: Roles, clause: str, q: Quantity) -> str | None:
    """增速高于全市平均1.1个百分点, 增速比上年提高1.5个百分点: a gap in points between a rate word and
    the figure, across a comparison, is a gap of that rate (生产总值增速), not of the level before it."""
    if q.unit not in roles.point_units:
        return None
    at = max((clause.rfind(w), w) for w in roles.rate_words)
    if at[0] < 0 or not any(c in clause[at[0]:] for c in roles.rate_comparisons):
        return None
    return at[1]


def _without_linking(roles: Roles, tail: str) -> str:
    """The clause before a figure without the linking word it ends in (增速|为, 增长|达)."""
    word = next((w for w in roles.linking if tail.endswith(w)), None)
    return tail[: -len(word)] if word else tail


def _listed_clause(roles: Roles, sentence: str, offset: int, quantities: list[Quantity], k: int) -> str | None:
    """分别增长8%和|8.1%: a growth figure listed right after another has that figure's clause (its change word)."""
    first = k
    while first and quantities[first - 1].kind == "growth" \
            and sentence[quantities[first - 1].outer_end - offset:quantities[first].outer_start - offset].strip() in roles.list_joiners:
        first -= 1
    if first == k:
        return None
    at = quantities[first].outer_start - offset
    left = sentence[max(0, at - TAIL):at]
    return left[max(map(left.rfind, CLAUSE)) + 1:]


def _change_verb(roles: Roles, clause: str) -> str | None:
    """The change word right before a growth figure (增长, 下降; 增长了, 下降为), of two characters
    or more: 集体收入…比增7.6% stays 集体收入."""
    tail = _without_linking(roles, clause.rstrip().removesuffix("了")).removesuffix("了")
    verb = next((w for w in roles.change_words if len(w) > 1 and tail.endswith(w)), None)  # (not 比|增7.6%)
    if verb is None:
        return None
    adverb = next((a for a in roles.change_adverbs if tail.endswith(a + verb)), "")
    return adverb + verb  # 两年平均增长6.2%: the output's 平均增长, not its growth of the year


def _average_of_previous(roles: Roles, phrase: str | None, out: list[str | None], quantities: list[Quantity],
                         k: int) -> str | None:
    """经营性收入8.46亿元,村均592万元,增长21.9%: a bare per-unit word (村均, 户均), or it and a change,
    right after a figure is the average of that figure (村均…经营性收入), and its change that average's."""
    if not phrase or not k or not out[k - 1] or quantities[k].outer_start - quantities[k - 1].outer_end > SHARE_GAP:
        return phrase
    per, tail = phrase, ""
    for w in roles.change_words:
        if phrase.endswith(w) and phrase[:-len(w)] in roles.per_words:
            per, tail = phrase[:-len(w)], w
            break
    if per not in roles.per_words:
        return phrase
    before = out[k - 1]
    if before.startswith(per) and before != per:
        return before if before.endswith(tail) else before + tail  # (…村均592万元,增长21.9%: the average grew)
    if quantities[k].unit == quantities[k - 1].unit and per not in before and not tail:
        other = next((w for w in roles.per_words if before.startswith(w)), "")  # 户均现金, 人均…: not 人均户均
        return per + before[len(other):]
    return phrase


def _per_unit(roles: Roles, clause: str, phrase: str | None) -> str | None:
    """分红40万元,户均1万3千元, 户均分得现金56630.3元: a clause opened by a per-unit word is an
    average, not the total: the word goes before the phrase."""
    word = next((w for w in roles.per_words if clause.lstrip(" \u3000").startswith(w)), None)
    if word is None or not phrase or word in phrase:
        return phrase
    other = next((w for w in roles.per_words if phrase.startswith(w)), "")  # 户均…,人均…: not 人均户均
    return word + phrase[len(other):]


def _bare_change(roles: Roles, clause: str, quantities: list[Quantity], k: int) -> str | None:
    """A clause that is only a change word (,增加0.13万亩), right after a figure of the same unit:
    the change of that figure, though no comparator (比上年) is written."""
    word = clause.strip(" \u3000")
    if k == 0 or word not in roles.change_words or len(word) < 2 or quantities[k - 1].unit != quantities[k].unit:
        return None
    return word


def _ahead(sentence: str, offset: int, q: Quantity, phrase: str) -> bool:
    """增加300个|岗位: the phrase follows the figure (what was added), not a level's name before it."""
    end = q.outer_end - offset
    return phrase in sentence[end:end + len(phrase) + SHARE_GAP]


def _previous(out: list[str | None], k: int) -> str | None:
    return next((p for p in reversed(out[:k]) if p), None)


def _with_bound(roles: Roles, sentence: str, at: int, phrase: str | None) -> str | None:
    """35岁及以下|党员 -> 35岁及以下党员; 大专及|以上学历党员 -> 大专及以上学历党员."""
    if not phrase:
        return phrase
    where = sentence.rfind(phrase, max(0, at - TAIL - len(phrase)), at)
    if where <= 0:
        return phrase
    left = sentence[max(0, where - TAIL):where]
    if phrase.startswith(("以上", "以下", "及以上", "及以下")):
        m = roles.bound_head.search(left)
    else:
        m = roles.bound_before.search(left)
    return m.group().removesuffix("的") + phrase if m else phrase  # 35岁及以下的党员 -> 35岁及以下党员
