"""Give each claim the year and the period its figure belongs to.

The report's year comes from its title (``2024年…工作综述``), else its date
line (``发布日期:2025-03-05``, ``2022-12-31 08:19``), else the first year its
text names. A year written in the claim's sentence before the figure, or at
the head of its paragraph, wins over the report's; 今年/去年 are counted from
the report's date. Periods (前三季度, 上半年, 1-9月, 截至9月底) are read from
the sentence.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .sections import Document, Sentence

YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年(?!代)")
YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[~～\-—至到]\s*((?:19|20)\d{2})\s*年")
DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})")
MONTH_SPAN = re.compile(r"(?<!\d)(\d{1,2})\s*[-~～至到—]\s*(\d{1,2})\s*月(?:份)?")
CUTOFF = re.compile(r"截(?:至|止)(?:到)?\s*(?:(?:19|20)\d{2}\s*年)?\s*(?:\d{1,2}\s*月(?:底|末|份)?(?:\d{1,2}日)?|目前|年底|年末|上半年末?)")


@lru_cache(maxsize=1)
def words() -> dict:
    return tomllib.loads((resources.files("pbmine") / "data" / "time.toml").read_text(encoding="utf-8"))


@dataclass
class ReportDate:
    year: int | None         # the year the report's figures belong to
    date_year: int | None    # the year of its date line, for 今年/去年


def report_date(doc: Document) -> ReportDate:
    """The report's year from its title, date line or first year named."""
    w = words()
    date_year = None
    title_year = None
    for line in doc.lines[:12]:
        s = line.stripped
        if not s:
            continue
        m = DATE.search(s)
        labelled = any(lbl in s for lbl in w["date_labels"])
        if m and (labelled or len(s) < 80) and date_year is None:
            date_year = int(m.group(1))
        if title_year is None and not m and (line.looks_like_heading or len(s) < 60 and not s.endswith("。")):
            y = YEAR.search(s)
            if y:
                title_year = int(y.group(1))
    if date_year is None:  # a date line at the end (news items put it there)
        for line in doc.lines[-8:]:
            m = DATE.search(line.stripped)
            if m and any(lbl in line.stripped for lbl in w["date_labels"]):
                date_year = int(m.group(1))
    first = YEAR.search(doc.text)
    year = title_year or date_year or (int(first.group(1)) if first else None)
    return ReportDate(year, date_year or year)


class PeriodResolver:
    """Year and period of every claim of one document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.date = report_date(doc)
        w = words()
        self.periods = sorted(w["periods"], key=len, reverse=True)
        self.relative = w["relative_years"]
        self._para_year: dict[int, int | None] = {}

    def _year_in(self, text: str) -> int | None:
        """The last year named in `text` (a span 2021~2022年 gives its end)."""
        best, pos = None, -1
        for m in YEAR_SPAN.finditer(text):
            if m.start() > pos:
                best, pos = int(m.group(2)), m.start()
        for m in YEAR.finditer(text):
            if m.start() > pos:
                best, pos = int(m.group(1)), m.start()
        for word, delta in self.relative.items():
            at = text.rfind(word)
            if at > pos and self.date.date_year:
                best, pos = self.date.date_year + delta, at
        return best

    def _paragraph_year(self, sentence: Sentence) -> int | None:
        """A year that opens the paragraph (2024年，长岛综合试验区…) holds for all of it."""
        if sentence.line not in self._para_year:
            line = self.doc.lines[sentence.line]
            head = line.text[:12]
            m = YEAR.search(head)
            self._para_year[sentence.line] = int(m.group(1)) if m else None
        return self._para_year[sentence.line]

    def year_for(self, sentence: Sentence, start: int) -> int | None:
        before = self.doc.text[sentence.start:start]
        return self._year_in(before) or self._paragraph_year(sentence) or self.date.year

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
