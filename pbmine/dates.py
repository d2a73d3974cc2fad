"""The years a report's text writes, and the year the report itself is about.

Years are read as written (2023年, 二〇二三年, 截至20231231日), with what makes one a frame for what
follows (2012年，全村…), a comparison's base (比上年) or a founding (成立于2001年). The report's own
year comes from its title (2024年…工作综述), a year its lead states for its data, its date line
(发布日期:2025-03-05), else the latest year its text names; a government work report reviews the
year before it was delivered. ``periods.PeriodResolver`` gives each claim its year from these.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .numbers import parse_number
from .sections import Document

# 2023年 or 截至20231231日; the lookahead for the first character lets the engine skip the rest (3x faster)
YEAR = re.compile(r"(?=[12截])(?<![\d.])(?:((?:19|20)\d{2})\s*年(?!代)|截(?:至|止)((?:19|20)\d{2})(?=\d{2,4}日))")
HAN_YEAR = re.compile(r"([一二][〇零○O0九]{1}[〇零○O0一二三四五六七八九]{2})年(?!代)")
HAN_DIGITS = {"〇": "0", "零": "0", "○": "0", "O": "0", "0": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}

YEAR_SPAN = re.compile(r"(?=[12])(?<!\d)((?:19|20)\d{2})\s*(?:年(?:\d{1,2}月(?:份)?)?)?\s*[~～\-—至到]\s*((?:19|20)\d{2})\s*年")
DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})")
SPACED_DATE = re.compile(r"((?:19|20)\d{2})\s+(\d{1,2})\s*/\s*(\d{1,2})(?!\d)")  # a page's 2022 05/ 13 10:36
MONTH_LINE = re.compile(r"[（(]?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*[)）]?")  # (2023年4月) under an issuer

# a page's 09.04.2017 (day.month.year) or 10/12/2011 (which is the month is unknown: no month)
DAY_MONTH_YEAR = re.compile(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})(?![\d./])")


def years_in(text: str) -> list[tuple[int, int]]:
    """(position, year) of every year written in `text`: 2023年, 二〇二三年, 截至20211231日."""
    found = [(m.start(), int(m.group(1) or m.group(2))) for m in YEAR.finditer(text)]
    found += [(m.start(), int("".join(HAN_DIGITS[c] for c in m.group(1)))) for m in HAN_YEAR.finditer(text)]
    return sorted(found)


def frames(text: str, pos: int) -> bool:
    """2012年，全村…; 2012年全村…; 截至2012年底…; 2016年以来…; 2022年是…之年; 2021年换届后，…: a year set
    as the frame of what follows (not 2021年建成5所学校, a fact of that year alone)."""
    m = re.match(r"(?:19|20)\d{2}\s*年(?:底|末|以来|来|初|度)?[，,]|(?:19|20)\d{2}\s*年(?:底|末|以来)"
                 r"|(?:19|20)\d{2}\s*年全[村镇乡县市区省州旗]|(?:19|20)\d{2}\s*年是"
                 r"|(?:19|20)\d{2}\s*年[\u4e00-\u9fff]{1,6}?(?:以后|之后|后)[，,]", text[pos:pos + 16]) \
        or time_clause().match(text, pos)  # (2022年是…关键之年: the year the paragraph is about)
    return bool(m) or "截" in text[max(0, pos - 3):pos + 1]


BARE_YEAR = re.compile(r"(?:19|20)\d{2}年?")
SINCE = re.compile(r"(?:19|20)\d{2}\s*年(?:\d{1,2}月(?:份)?)?(?:以来|来)")


SPACED_YEAR = re.compile(r"(?=2)(?<![\d.])(20\d{2}) (?=[\u4e00-\u9fff])")  # “2022 海外华文媒体…行”: an event's year


def is_base(text: str, pos: int) -> bool:
    """比上年, 较2019年, 与去年同期相比: the year compared against, not the figure's; so is a price
    base (按2020年不变价格计算)."""
    return text[max(0, pos - 2):pos].endswith(tuple(words()["comparison_markers"])) or \
        text.startswith(tuple(words()["price_bases"]), pos + 5)


def is_founding(text: str, pos: int) -> bool:
    """社区成立于2001年7月: when something began, not the year of the figures around it."""
    return text[max(0, pos - 4):pos].endswith(tuple(words()["founding_markers"]))


def first_year(text: str) -> int | None:
    found = years_in(text)
    return found[0][1] if found else None


@lru_cache(maxsize=1)
def words() -> dict:
    return tomllib.loads((resources.files("pbmine") / "data" / "time.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def time_clause() -> re.Pattern:
    """2019年旧城改造启动时，…: a clause of that year's time (time.toml time_clause_ends) frames what follows."""
    ends = "|".join(map(re.escape, words()["time_clause_ends"]))
    return re.compile(rf"(?:19|20)\d{{2}}\s*年[^，,。；;：:]{{1,12}}(?:{ends})[，,]")


@lru_cache(maxsize=1)
def reviewed_year() -> re.Pattern:
    """回顾2022, 回望2023年: the year a text says it looks back on (time.toml reviewed_year_words)."""
    return re.compile(r"(?:%s)\s*((?:19|20)\d{2})(?!\d)" % "|".join(map(re.escape, words()["reviewed_year_words"])))


@dataclass
class ReportDate:
    year: int | None         # the year the report's figures belong to
    date_year: int | None    # the year of its date line, for 今年/去年
    early: bool = False      # dated in its first month (time.toml early_months): it looks back on the year before
    now: int | None = None   # the year its 目前 means, where that is not `year` (a work report's year of delivery)


def report_date(doc: Document) -> ReportDate:
    """The year the report's figures belong to, and the year it is dated.

    The title's year wins (二〇二三年…统计公报); else a year the lead states for
    its data (截至2023年底, 2023年，全县…) if it is the date line's year or the
    one before; else the date line's year; else the latest year the text names
    (a story tells its past on the way to its present).
    A government work report reviews the year before it was delivered, unless
    it was delivered in the last quarter (2021年…政府工作报告, 2020年12月27日).
    """
    w = words()
    date_year = date_month = None
    title_year = None
    delivered = None
    for line in doc.lines[:12]:
        s = line.stripped
        if not s:
            continue
        if date_year is None and BARE_YEAR.fullmatch(s):
            date_year = int(s[:4])  # 2019 on a line of its own, then 10/15齐鲁晚报: a page's date split in two
            continue
        if date_year is None and (month_line := MONTH_LINE.fullmatch(s)):
            date_year, date_month = int(month_line.group(1)), int(month_line.group(2))
            continue  # 乌鲁木齐市统计局 / (2023年4月): when it was issued, not the year it is about
        m = DATE.search(s) or (SPACED_DATE.match(s) if len(s) < 30 else None)
        labelled = any(lbl in s for lbl in w["date_labels"])
        if date_year is None and not m and (len(s) < 40 or labelled) and (dmy := DAY_MONTH_YEAR.search(s)):
            date_year = int(dmy.group(4))  # 09.04.2017  06:42; 时间:10/12/2011 13:31:00  来源:北京晨报
            date_month = int(dmy.group(3)) if dmy.group(2) == "." else None
            continue
        if m and (labelled or len(s) < 80) and date_year is None:
            date_year, date_month = int(m.group(1)), int(m.group(2))
            if delivered is None and not labelled:
                delivered = (int(m.group(1)), int(m.group(2)))
        if title_year is None and not m and (line.looks_like_heading or len(s) < 60 and not s.endswith("。")):
            title_year = first_year(s)
            looked_back = reviewed_year().search(s)
            if looked_back and line.looks_like_heading:
                return ReportDate(int(looked_back.group(1)), int(looked_back.group(1)))  # 之回顾2022: its figures' year
    if date_year is None:  # a date line at the end (news items put it there)
        for line in doc.lines[-8:]:
            m = DATE.search(line.stripped)
            if m and any(lbl in line.stripped for lbl in w["date_labels"]):
                date_year = int(m.group(1))
    if date_year is None:
        date_year = _anniversary_year(doc.text, w["anniversaries"])
    lead_year = _lead_year(doc, date_year)
    first = latest_year(doc.text)  # with no date anywhere, the latest year the text names
    head = "".join("".join(ln.stripped.split()) for ln in doc.lines[:4])  # 政 府 工 作 报 告
    opening = "".join(ln.stripped for ln in doc.lines[:6])
    progress = any(word in head for word in w["progress_titles"])  # 政府工作报告目标任务半年完成情况
    if not progress and (any(word in head for word in w["review_titles"]) or any(word in opening for word in w["review_voice"])):
        looked_back = reviewed_year().search(opening)
        if delivered is not None:
            review = delivered[0] if delivered[1] >= 10 else delivered[0] - 1
        elif looked_back:
            review = int(looked_back.group(1))  # 发布时间:2024-12-01 (a repost) … 回望2023年山西…: that year
        else:
            review = title_year - 1 if title_year else None
        if review:
            given = delivered[0] if delivered else (title_year or date_year)
            return ReportDate(review, given, now=given)  # 目前 in a report reviewing 2024: its own 2025
    if lead_year and date_year is None and first and lead_year < first - 1:
        lead_year = None  # 1961年,田家英来到浙江… then 2020年,罗星街道…: a dateless story opening on its past
    record = _opening_year(doc)
    if lead_year is None and date_year and record and record < date_year - 1 and record == first \
            and not any(word in doc.text for word in (*w["now_words"], *w["relative_years"])):
        lead_year = record  # 日期:2015-03-05, then 1997年辖51个村…: a record of 1997 reposted (nothing later, no 现在)
    year = title_year or lead_year or date_year or first
    if title_year and date_year == title_year + 1 and date_month is not None and date_month <= 3:
        return ReportDate(year, title_year)  # 2022年工作总结, dated 2023-01-12: its 今年 is 2022
    early = year == date_year and date_month is not None and date_month <= w["early_months"]
    if early and _opens_since(doc, date_year - 1):
        return ReportDate(date_year - 1, date_year, early)  # 2024年01月08日 … 2023年以来,白沙…: the year just ended
    return ReportDate(year, date_year or year, early)


def _opens_since(doc: Document, year: int) -> bool:
    """Whether one of the first two paragraphs of running text opens with `year`年以来, or the first
    names `year`年度 (a report of January looking back on the year just ended: 举行2022年度…分红大会)."""
    running = [ln.stripped for ln in doc.lines[:15] if len(ln.stripped) >= 40 or ln.stripped.endswith("。")][:2]
    return any((m := SINCE.match(s)) and int(m.group()[:4]) == year for s in running) \
        or bool(running) and f"{year}年度" in running[0]


def latest_year(text: str) -> int | None:
    """The year a dateless text was written in, from the latest year it names: a founding year
    tells nothing, a plan's year (2023年将…) is the year after, and a year compared against or
    reached (比2019年, 达到2020年全年…的70%) the year before; a year's own plan (2017年计划目标)
    is that year."""
    w = words()
    found = []
    spaced = [(m.start(), int(m.group(1))) for m in SPACED_YEAR.finditer(text)
              if text[m.end()] not in w["not_after_spaced_year"]]
    for pos, year in years_in(text) + spaced:
        before, after = text[max(0, pos - 4):pos], text[pos + 4:pos + 9].lstrip(" 年")
        if is_founding(text, pos):
            continue
        if after.startswith(tuple(w["plan_nouns"])):
            found.append(year)
        elif is_base(text, pos) or (
                before.endswith(tuple(w["reached_markers"])) and after.startswith("全年")):
            found.append(year + 1)
        elif after.startswith(tuple(w["plan_markers"])):
            found.append(year - 1)
        else:
            found.append(year)
    return max(found, default=None)


def _anniversary_year(text: str, founded: dict[str, int]) -> int | None:
    """献给中国共产党成立91周年的厚礼: the year of the anniversary a dateless text names (2012)."""
    names = "|".join(map(re.escape, sorted(founded, key=len, reverse=True)))
    m = re.search(rf"({names})(\d{{1,3}}|[一二三四五六七八九十百]+)周年", text)
    if m is None:
        return None
    return founded[m.group(1)] + int(parse_number(m.group(2)))


def _lead_year(doc: Document, date_year: int | None) -> int | None:
    """A year the first paragraph of running text opens with or cuts its data off at."""
    for line in doc.lines[:15]:
        s = line.stripped
        if len(s) < 40 and not s.endswith("。"):
            continue
        head = s[:160]
        spans = [m.span() for m in YEAR_SPAN.finditer(head)]
        framing = [(pos, year) for pos, year in years_in(head) if frames(s, pos)
                   and not any(a <= pos < b for a, b in spans)
                   and (date_year is None or date_year - 1 <= year <= date_year)]
        framing.sort(key=lambda py: "截" not in s[max(0, py[0] - 3):py[0]])  # 截至2022年8月底 first
        if framing:
            pos, year = framing[0]
            if date_year is not None and year < date_year and SINCE.match(s, pos):
                return date_year  # 2022.03.29 … 2021年以来,川口村…: a span from that year up to the date
            return year
        span = YEAR_SPAN.search(head)  # 自2021年6月到2024年6月…以来: the span's end
        if span and (date_year is None or int(span.group(2)) <= date_year):
            return int(span.group(2))
        return None
    return None


def _opening_year(doc: Document) -> int | None:
    """The year the first line of running text opens with (1997年辖51个村…), not a span from it (2016年以来)."""
    for line in doc.lines[:15]:
        s = line.stripped
        if len(s) < 40 and not s.endswith("。"):
            continue
        m = YEAR.match(s)
        return int(m.group(1)) if m and m.group(1) and not SINCE.match(s) and not YEAR_SPAN.match(s) else None
    return None
