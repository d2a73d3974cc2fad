"""Give each claim the year and the period its figure belongs to.

The report's year comes from its title (``2024年…工作综述``), else its date
line (``发布日期:2025-03-05``, ``2022-12-31 08:19``), else the first year its
text names. A year written in the claim's sentence before the figure, or at
the head of its paragraph, wins over the report's; 今年/去年 are counted from
the report's date. Periods (前三季度, 上半年, 1-9月, 截至9月底) are read from
the sentence.
"""
from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .numbers import parse_number
from .sections import Document, Sentence

# 2023年 or 截至20231231日; the lookahead for the first character lets the engine skip the rest (3x faster)
YEAR = re.compile(r"(?=[12截])(?<![\d.])(?:((?:19|20)\d{2})\s*年(?!代)|截(?:至|止)((?:19|20)\d{2})(?=\d{2,4}日))")
HAN_YEAR = re.compile(r"([一二][〇零○O0九]{1}[〇零○O0一二三四五六七八九]{2})年(?!代)")
HAN_DIGITS = {"〇": "0", "零": "0", "○": "0", "O": "0", "0": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
TOP_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[部分章])")
YEAR_SPAN = re.compile(r"(?=[12])(?<!\d)((?:19|20)\d{2})\s*(?:年(?:\d{1,2}月(?:份)?)?)?\s*[~～\-—至到]\s*((?:19|20)\d{2})\s*年")
DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})")
SPACED_DATE = re.compile(r"((?:19|20)\d{2})\s+(\d{1,2})\s*/\s*(\d{1,2})(?!\d)")  # a page's 2022 05/ 13 10:36
YEAR_MONTH = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月")  # 2024年5月 on a line of its own: a date, no section
# a page's 09.04.2017 (day.month.year) or 10/12/2011 (which is the month is unknown: no month)
DAY_MONTH_YEAR = re.compile(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})(?![\d./])")
MONTH_SPAN = re.compile(r"(?=\d)(?<!\d)(\d{1,2})\s*[-~～至到—]\s*(\d{1,2})\s*月(?:份)?")
CUTOFF = re.compile(r"截(?:至|止)(?:到)?\s*(?:(?:19|20)\d{2}\s*年)?\s*(?:\d{1,2}\s*月(?:底|末|份)?(?:\d{1,2}日)?|目前|年底|年末|底|末|上半年末?)")


ASIDE = re.compile(r"[（(][^（）()]*[)）]")


def _ordinal(heading: str) -> int | None:
    """一、 -> 1, 十二、 -> 12, 第三部分 -> 3."""
    digits = re.sub(r"[^一二三四五六七八九十]", "", heading)
    try:
        return int(parse_number(digits))
    except ValueError:
        return None


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
STARTING = re.compile(r"(?:19|20)\d{2}\s*年(?:\d{1,2}月(?:份)?)?起[，,]")  # 2011年10月起，西藏已连续选派…
FROM_ON = re.compile(r"(?:19|20)\d{2}\s*年(?:\d{1,2}月(?:份)?)?起")  # 从2011年10月起 (but 2006年起,… is when it began)
SPACED_YEAR = re.compile(r"(?=2)(?<![\d.])(20\d{2}) (?=[\u4e00-\u9fff])")  # “2022 海外华文媒体…行”: an event's year


def is_base(text: str, pos: int) -> bool:
    """比上年, 较2019年, 与去年同期相比: the year compared against, not the figure's."""
    return text[max(0, pos - 2):pos].endswith(tuple(words()["comparison_markers"]))


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
            looked_back = re.search(r"(?:%s)\s*((?:19|20)\d{2})(?!\d)" % "|".join(w["reviewed_year_words"]), s)
            if looked_back and line.looks_like_heading:
                return ReportDate(int(looked_back.group(1)), int(looked_back.group(1)))  # 之回顾2022: its figures' year
    if date_year is None:  # a date line at the end (news items put it there)
        for line in doc.lines[-8:]:
            m = DATE.search(line.stripped)
            if m and any(lbl in line.stripped for lbl in w["date_labels"]):
                date_year = int(m.group(1))
    lead_year = _lead_year(doc, date_year)
    first = latest_year(doc.text)  # with no date anywhere, the latest year the text names
    head = "".join("".join(ln.stripped.split()) for ln in doc.lines[:4])  # 政 府 工 作 报 告
    opening = "".join(ln.stripped for ln in doc.lines[:6])
    if any(word in head for word in w["review_titles"]) or any(word in opening for word in w["review_voice"]):
        looked_back = re.search(r"(?:%s)\s*((?:19|20)\d{2})(?!\d)" % "|".join(w["reviewed_year_words"]), opening)
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
            return framing[0][1]
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


class PeriodResolver:
    """Year and period of every claim of one document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.date = report_date(doc)
        w = words()
        self.periods = sorted(w["periods"], key=len, reverse=True)
        self.relative = w["relative_years"]
        self.now_words = w["now_words"]
        self.cumulative = tuple(w["cumulative_words"])
        self.that_year = w["that_year"]
        self.category_verbs = w["category_verbs"]
        self._para_year: dict[int, int | None] = {}
        self._frames: dict[int, list[tuple[int, int]]] = {}
        self.section_year = self._section_years()

    def _section_years(self) -> dict[int, int | None]:
        """A heading with a year (一、2022年工作回顾) gives it to the lines under it,
        until the next top-level heading (二、…) or heading with a year of its own. Headings
        numbered afresh from 一 under it (一、2023年工作回顾 … 一、提升城市品质 二、…) are its
        parts, and keep its year while they count on."""
        out: dict[int, int | None] = {}
        current = None
        nested = None  # the ordinal of the last part heading inside the year's section
        body = False
        for line in self.doc.lines:
            s = line.stripped
            if s and not line.looks_like_heading:
                body = True
            elif s and (body or TOP_HEADING.match(s)) and not DATE.search(s) and not YEAR_MONTH.fullmatch(s):
                y = years_in(s)
                top = TOP_HEADING.match(s)
                if y:
                    current, nested = y[-1][1], None
                elif top and current is not None:
                    k = _ordinal(top.group())
                    if k is not None and k == (nested or 0) + 1:
                        nested = k  # 一、 under 一、2023年工作回顾, then 二、…: its parts
                    else:
                        current, nested = None, None
            out[line.index] = current
        return out

    def _year_in(self, text: str, origin: int | None = None, floor: int | None = None) -> int | None:
        """The last year named in `text` (a span 2021~2022年 gives its end). `text` starts at
        document offset `origin`; 当年 looks back for its year as far as offset `floor`."""
        best, pos = None, -1
        for m in YEAR_SPAN.finditer(text):
            if m.start() > pos and not self._is_category(text, m.start()):
                best, pos = int(m.group(2)), m.start()
        for at, year in years_in(text):
            if at > pos and not is_base(text, at) and not is_founding(text, at) \
                    and not self._is_category(text, at):
                best, pos = self._since(text, at, year, origin), at
        for word, delta in self.relative.items():
            at = text.rfind(word)
            if at > pos and self.date.date_year and not is_base(text, at):
                best, pos = self.date.date_year + delta, at
        for word in self.that_year:
            at = text.rfind(word)
            if at > pos:
                ctx = text[:at] if origin is None else self.doc.text[floor:origin + at]
                best, pos = self._named_before(ctx, len(ctx)) or self.date.year, at
        for word in self.now_words:
            at = text.rfind(word)
            if at > pos and (self.date.now or self.date.year):
                best, pos = self.date.now or self.date.year, at  # 目前: the report's present
        return best

    def _is_category(self, text: str, at: int) -> bool:
        """1949年10月至1966年4月入党的占11.47%: the year names a group of members, not the figure's year."""
        rest = text[at:]
        return any(f"{verb}的" in rest for verb in self.category_verbs)

    def _named_before(self, text: str, at: int) -> int | None:
        """The last year named before `at` (当年 looks back to it)."""
        named = [y for pos, y in years_in(text[:at]) if not is_base(text, pos)]
        return named[-1] if named else None

    def _since(self, text: str, at: int, year: int, origin: int | None = None) -> int:
        """2021年以来… counts up to the report's own year (when that is later). Where that year is
        the lead's cutoff (截至2021年年底) and the page is dated later, a span opened before any
        cutoff is stated runs to the date (2016年以来… in a news item of 2022-04, then 截至2021年年底…)."""
        opened = text[max(0, at - 1):at] in ("从", "自")
        clause = re.match(r"[^，,；;。]{0,24}?以来", text[at:])  # 自2013年实施…以来
        since = SINCE.match(text, at) or (opened and (FROM_ON.match(text, at) or clause)) or (
            STARTING.match(text, at) and any(w in text[at:] for w in self.cumulative))  # (2006年起，领办两家: that year)
        now = self.date.year
        if since and now and self.date.date_year and now < self.date.date_year and self.date.now is None \
                and not self.date.early and year < now and origin is not None \
                and not CUTOFF.search(self.doc.text, 0, origin + at):
            return self.date.date_year
        if since and now and now > year:
            if self.date.early and year == now - 1:
                return year  # 2022年以来… in a report of 2023-01-11: the year just ended
            return now
        return year

    def _paragraph_year(self, sentence: Sentence) -> int | None:
        """A year that opens the paragraph (2024年，长岛综合试验区…) holds for it until a later sentence
        sets another frame (2022年初，…); else the last year an earlier sentence of the paragraph set as
        a frame (2012年，全村…。村域总面积…)."""
        line = self.doc.lines[sentence.line]
        if sentence.line not in self._para_year:
            found = [self._since(line.text, pos, y, line.start) for pos, y in years_in(line.text[:12])
                     if not is_base(line.text, pos) and not is_founding(line.text, pos)
                     and not self._is_category(line.text[:pos + 40], pos)]
            self._para_year[sentence.line] = found[0] if found else None
        head = self._para_year[sentence.line]
        frames_at = self._frames_of(sentence.line)
        k = bisect.bisect_left(frames_at, (sentence.start, 0)) - 1
        if k >= 0 and (head is None or frames_at[k][0] >= line.start + 12):
            return frames_at[k][1]  # 2018年，…。2022年初，…。…: a later frame of the paragraph takes over
        return head

    def _frames_of(self, index: int) -> list[tuple[int, int]]:
        """(document offset, year) of the years that frame what follows in a paragraph (one pass)."""
        if index not in self._frames:
            line = self.doc.lines[index]
            text = line.text
            asides = [m.span() for m in ASIDE.finditer(text)]  # (2013年底…将达到…): frames nothing after it
            self._frames[index] = [(line.start + pos, self._since(text, pos, y, line.start)) for pos, y in years_in(text)
                                   if not is_base(text, pos) and not self._is_range_start(text, pos)
                                   and frames(text, pos) and not any(a < pos < b for a, b in asides)]
        return self._frames[index]



    @staticmethod
    def _is_range_start(text: str, pos: int) -> bool:
        """2021年6月到2024年6月: the first year of a span is not the figures' year."""
        return bool(re.match(r"(?:19|20)\d{2}\s*年(?:\d{1,2}月)?(?:份)?\s*[至到—\-~～]", text[pos:pos + 12]))

    def year_for(self, sentence: Sentence, start: int) -> int | None:
        # (2013年底社区人口将达到15000人以上),流动人口2000人: a year in an aside closed before the figure is not its year
        before = ASIDE.sub(lambda m: " " * len(m.group()), self.doc.text[sentence.start:start])
        floor = self.doc.lines[max(0, sentence.line - 1)].start  # 当年 may look back into the paragraph before
        return self._year_in(before, sentence.start, floor) or self._paragraph_year(sentence) \
            or self.section_year.get(sentence.line) or self.date.year

    def period_for(self, sentence: Sentence, start: int) -> str | None:
        """The last period named before the figure; of two that end together the longer (前三季度, not 三季度)."""
        before = self.doc.text[sentence.start:start]
        best: tuple[int, int, str] | None = None  # (end, length, text)
        for p in self.periods:
            at = before.rfind(p)
            if at >= 0:
                cand = (at + len(p), len(p), p)
                best = max(best, cand) if best else cand
        for rx in (MONTH_SPAN, CUTOFF):
            for m in rx.finditer(before):
                text = m.group(0).strip()
                cand = (m.end(), len(text), text)
                best = max(best, cand) if best else cand
        return best[2] if best else None
