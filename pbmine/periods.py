"""Give each claim the year and the period its figure belongs to.

A year written in the claim's sentence before the figure, or at the head of its paragraph or
section, wins over the report's own year (``dates.report_date``: its title, lead or date line);
今年/去年 are counted from the report's date. Periods (前三季度, 上半年, 1-9月, 截至9月底) are read
from the sentence.
"""
from __future__ import annotations

import bisect
import re

from .dates import DATE, SINCE, YEAR_SPAN, frames, is_base, is_founding, report_date, words, years_in
from .numbers import parse_number
from .sections import Document, Sentence

TOP_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[部分章])")
YEAR_MONTH = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月")  # 2024年5月 on a line of its own: a date, no section
MONTH_SPAN = re.compile(r"(?=\d)(?<!\d)(\d{1,2})\s*[-~～至到—]\s*(\d{1,2})\s*月(?:份)?")
CUTOFF = re.compile(r"截(?:至|止)(?:到)?\s*(?:(?:19|20)\d{2}\s*年)?\s*(?:\d{1,2}\s*月(?:底|末|份)?(?:\d{1,2}日)?|目前|年底|年末|底|末|上半年末?)")
ASIDE = re.compile(r"[（(][^（）()]*[)）]")
FROM_ON = re.compile(r"(?:19|20)\d{2}\s*年(?:\d{1,2}月(?:份)?)?起")  # 从2011年10月起 (but 2006年起,… is when it began)
SPAN_TO_NOW = re.compile(r"(?<![0-9年])(?:[一二两三四五六七八九十几多]{1,3}|近)年(?:以)?来")  # 三年来, 近年来, 十多年来
VALUE_OF_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:底|末)?的\d")  # 从2017年的111.8亿元提高至…: a value's year, no frame
STARTING = re.compile(r"(?:19|20)\d{2}\s*年(?:\d{1,2}月(?:份)?)?起[，,]")  # 2011年10月起，西藏已连续选派…


def _ordinal(heading: str) -> int | None:
    """一、 -> 1, 十二、 -> 12, 第三部分 -> 3."""
    digits = re.sub(r"[^一二三四五六七八九十]", "", heading)
    try:
        return int(parse_number(digits))
    except ValueError:
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
        self.said = re.compile(r"[^，,。；;：:\n]{1,16}?(?:%s)[，,:：]" % "|".join(map(re.escape, w["speech_verbs"])))
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
        title = next((ln.stripped for ln in self.doc.lines if ln.stripped), None)
        for line in self.doc.lines:
            s = line.stripped
            if s and not line.looks_like_heading:
                body = True
            elif s and (body or TOP_HEADING.match(s)) and not DATE.search(s) and not YEAR_MONTH.fullmatch(s) \
                    and s != title:  # (a repost's title printed again under it is no section's heading)
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
            said = self.said.match(line.text)  # 邓辉在报告中说,|2018年涪城全区…: the year opens what was said
            head = line.text[:said.end() + 12] if said else line.text[:12]
            found = [self._since(line.text, pos, y, line.start) for pos, y in years_in(head)
                     if not is_base(line.text, pos) and not is_founding(line.text, pos)
                     and not self._is_category(line.text[:pos + 40], pos) and not VALUE_OF_YEAR.match(line.text, pos)]
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
        found = self._year_in(before, sentence.start, floor)
        if found is None and SPAN_TO_NOW.search(before):
            return self.section_year.get(sentence.line) or self.date.year  # 三年来,…累计投入73.7万元: up to now
        return found or self._paragraph_year(sentence) or self.section_year.get(sentence.line) or self.date.year

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
