"""Figures in tables written as text, whose units stand in the header, the row label or a caption.

Statistics bulletins print tables; as text they become rows of cells::

    单位：亿元
    指标 | 指标值 | 同比增长（±%）
    地区生产总值 | 4000.5 | 10.0
    大牲畜（万头） | 96.9 | 8.7

A table pasted one cell a line (a web page's table copied as text: 总量 / (亿元) / 地区生产总值 /
19349.31) is read the same way, its header's glosses naming the columns (`_stacked_quantities`).

A bare number in a cell is a claim when the table says what it measures: the
row label's gloss (万头) first, then the column header's (产量（万吨）), then
the caption's 单位; a 单位 column gives each row's unit (粮食 | 吨 | 848656). A column whose header names a growth (同比增长, 比上年增长,
±%) holds changes: -1.6 is a fall of 1.6 %. A number the table gives no unit
for is not read. Cells that carry their own unit (96个) are found by the
quantity grammar like any text. The cue words are in ``data/grammar.toml``
(``[tables]``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .quantities import Quantity, find_quantities
from .sections import Document, Line

SEPARATOR = re.compile(r"[|｜]")
NUMBER = re.compile(r"[-−－+＋]?\d+(?:\.\d+)?")
# A table printed with spaces for rules: a label (粮 食, #夏粮), then numbers (199008.5 6.3)
SPACED_ROW = re.compile(r"\s*([^\s\d|｜][^|｜]*?)((?:[ \t\u3000]+[-−－+＋]?\d+(?:\.\d+)?)+)\s*")
GLOSS = re.compile(r"[（(]([^）)]{1,10})[）)]")
CAPTION_UNIT = re.compile(r"单位\s*[:：]\s*([^\s，,；;。]{1,6})")
CAPTION_LINES = 3  # how far above a table its 单位 line may stand
STACKED_ROWS = 3  # a table pasted one cell a line has at least this many rows with numbers
STACKED_HEADER_LINES = 6  # how far above its first row a stacked table's header may stand


@dataclass(frozen=True)
class Column:
    unit: str | None   # as written in the header (万吨, %, 亿元), None when it names none
    growth: bool       # a change against a base (同比增长, ±%)
    share: str | None = None  # a share column's name (构成, 比重): the cell is the row's share
    units: bool = False       # a 单位 column: each row's cell there is the row's unit


def table_quantities(doc: Document, lex: Lexicon) -> dict[int, list[Quantity]]:
    """Quantities of the bare numbers in table rows, by line index, in document offsets."""
    words = lex.grammar["tables"]
    out: dict[int, list[Quantity]] = {}
    for block in _blocks(doc.lines):
        columns: list[Column] | None = None  # a table without a header row says nothing of its units
        caption = carried = None
        for row in block:
            if not _is_data(row):
                if not _is_header(row):
                    continue  # 分产业 | -- | --: a group label inside the table
                caption = _caption_unit(doc.lines, row.index)  # a header opens a table (or the next one)
                columns = [_column(cell, words) for cell in _cells(row)]
                carried = None
            elif columns is not None:
                gloss = GLOSS.search(_cells(row)[0][2])
                carried = gloss.group(1) if gloss else carried  # 大牲畜（万头）, then #黄牛及肉牛, 奶牛: still 万头
                found = _row(row, columns, caption, carried, lex)
                if found:
                    out[row.index] = found
    for index, found in _stacked_quantities(doc.lines, words, lex).items():
        out.setdefault(index, found)
    return out


def _stacked_quantities(lines: list[Line], words: dict, lex: Lexicon) -> dict[int, list[Quantity]]:
    """A web table pasted one cell a line: a header whose glosses name its value columns (总量 /
    (亿元) / 比上年同期 / 增长(%)), then rows of a label line and one number line a column
    (地区生产总值 / 19349.31 / -5.7), group labels (按产业分) between. Each number is read with its
    column's unit and counts what its label names."""
    body = [ln for ln in lines if ln.stripped]
    out: dict[int, list[Quantity]] = {}
    k = 0
    while k + 1 < len(body):
        if not (_is_stack_label(body[k]) and NUMBER.fullmatch(body[k + 1].stripped)):
            k += 1
            continue  # a table starts at a row with numbers, under its header
        rows, end = _stacked_rows(body, k)
        columns = _stacked_header(body, k, words, lex) if len(rows) >= STACKED_ROWS else None
        if columns is None or any(len(numbers) != len(columns) for _, numbers in rows):
            k = max(end, k + 1)
            continue
        for label, numbers in rows:
            name = GLOSS.sub("", label.stripped).lstrip("#＃ ").strip()
            for line, column in zip(numbers, columns):
                q = _cell(line.start + len(line.text) - len(line.text.lstrip()), line.stripped, column, None, lex)
                if q is not None:
                    q.row = name
                    out[line.index] = [q]
        k = end
    return out


def _stacked_rows(body: list[Line], k: int) -> tuple[list[tuple[Line, list[Line]]], int]:
    """The rows from body[k] on: each a label line and the number lines under it (all rows with
    numbers have as many); a label with none is a group label. Returns them and where they end."""
    rows: list[tuple[Line, list[Line]]] = []
    width = None
    while k < len(body) and _is_stack_label(body[k]):
        j = k + 1
        while j < len(body) and NUMBER.fullmatch(body[j].stripped):
            j += 1
        numbers = body[k + 1:j]
        if numbers and width not in (None, len(numbers)):
            break
        if numbers:
            width = len(numbers)
            rows.append((body[k], numbers))
        elif j < len(body) and not _is_stack_label(body[j]):
            break
        k = j
    return rows, k


def _stacked_header(body: list[Line], k: int, words: dict, lex: Lexicon) -> list[Column] | None:
    """The value columns the lines above a stacked table's first row name: one for each unit gloss
    there ((亿元), 增长(%)), a growth where the gloss's line or the line above it names a change."""
    columns: list[Column] = []
    for at in range(max(0, k - STACKED_HEADER_LINES), k):
        text = body[at].stripped
        if NUMBER.search(text.replace("%", "")) and not GLOSS.fullmatch(text):
            columns = []  # a line of figures or a date: the header starts after it
            continue
        for gloss in GLOSS.finditer(text):
            unit = gloss.group(1).strip("±+-")
            if _parse("1" + unit, lex) is None:
                continue  # 生产(chǎn)总值: a gloss that is no unit
            above = body[at - 1].stripped if at else ""
            growth = any(w in text or w in above for w in words["growth_headers"]) and unit == "%"
            columns.append(Column(unit, growth))
    return columns or None


def _is_stack_label(line: Line) -> bool:
    s = line.stripped
    return 0 < len(s) <= 20 and not NUMBER.fullmatch(s) and not any(ch in s for ch in "。，,；;：:|｜")


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of consecutive lines of two or more cells (cells ruled by |, or by spaces under a header
    whose words gloss their units: 产品名称 产量(吨) 比上年增长%)."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    spaced = _spaced_tables(lines)
    for line in lines:
        if (len(SEPARATOR.findall(line.text)) >= 1 or line.index in spaced) and line.stripped:
            current.append(line)
            continue
        if current and _is_group_label(line):
            continue  # 期末畜禽存栏: a label over the rows that follow, inside the table
        if len(current) >= 2:
            blocks.append(current)
        current = []
    if len(current) >= 2:
        blocks.append(current)
    return blocks


def _spaced_tables(lines: list[Line]) -> set[int]:
    """The lines of tables ruled by spaces: a header of two or more words, one of them glossing a unit
    or naming a change, then at least two rows of a label and numbers."""
    out: set[int] = set()
    for k, line in enumerate(lines[:-2]):
        cells = line.stripped.split()
        if SEPARATOR.search(line.text) or len(cells) < 2 or NUMBER.search(line.stripped) \
                or not any(GLOSS.search(c) or c.endswith("%") for c in cells):
            continue
        rows = [ln for ln in _run(lines, k + 1)]
        if len(rows) >= 2:
            out.add(line.index)
            out.update(ln.index for ln in rows)
    return out


def _run(lines: list[Line], k: int):
    """The rows ruled by spaces from line k on (a blank line between rows does not end them)."""
    while k < len(lines):
        line = lines[k]
        if line.stripped and not SPACED_ROW.fullmatch(line.text):
            return
        if line.stripped:
            yield line
        k += 1


def _is_group_label(line: Line) -> bool:
    s = line.stripped
    return 0 < len(s) <= 12 and not NUMBER.search(s) and not s.endswith(("。", "：", ":"))


def _cells(line: Line) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell, in document offsets, stripped."""
    if not SEPARATOR.search(line.text):
        return _spaced_cells(line)
    cells = []
    pos = 0
    parts = SEPARATOR.split(line.text)
    for part in parts:
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        start = line.start + pos + lead
        cells.append((start, start + len(text), text))
        pos += len(part) + 1
    return cells


def _spaced_cells(line: Line) -> list[tuple[int, int, str]]:
    """The cells of a row ruled by spaces: its label whole (粮 食), then each number; a header's words."""
    m = SPACED_ROW.fullmatch(line.text)
    if m is None:
        return [(line.start + w.start(), line.start + w.end(), w.group()) for w in re.finditer(r"\S+", line.text)]
    label = (line.start + m.start(1), line.start + m.end(1), m.group(1).strip())
    return [label] + [(line.start + m.start(2) + n.start(), line.start + m.start(2) + n.end(), n.group())
                      for n in NUMBER.finditer(m.group(2))]


def _is_data(line: Line) -> bool:
    return any(NUMBER.fullmatch(text) for _, _, text in _cells(line)[1:])


def _is_header(line: Line) -> bool:
    """指标 | 绝对数(万元) | 增长(%): two or more cells of words (not a caption with empty cells,
    not a group label with dashes)."""
    return sum(1 for _, _, text in _cells(line) if re.search(r"[\u4e00-\u9fff]", text)) >= 2


def _caption_unit(lines: list[Line], header: int) -> str | None:
    for line in reversed(lines[max(0, header - CAPTION_LINES):header]):
        m = CAPTION_UNIT.search(line.text)
        if m:
            return m.group(1)
    return None


def _column(cell: tuple[int, int, str], words: dict) -> Column:
    text = cell[2]
    gloss = GLOSS.search(text)
    unit = gloss.group(1).strip("±+-") if gloss else None
    growth = any(w in text for w in words["growth_headers"])
    name = GLOSS.sub("", text).strip()
    share = name if any(w in name for w in words["share_headers"]) else None
    return Column(unit or None, growth, share, name in words["unit_headers"])


def _row(row: Line, columns: list[Column], caption: str | None, own_unit: str | None,
         lex: Lexicon) -> list[Quantity]:
    cells = _cells(row)
    found = []
    own_unit = own_unit or _unit_cell(cells, columns)
    for k, (start, end, text) in enumerate(cells[1:], start=1):
        if not NUMBER.fullmatch(text) or k >= len(columns):
            continue
        q = _cell(start, text, columns[k], own_unit or columns[k].unit or caption, lex)
        if q is not None:
            found.append(q)
    return found


def _cell(start: int, text: str, column: Column, unit: str | None, lex: Lexicon) -> Quantity | None:
    """The quantity of one cell's bare number: a growth in a growth column (-1.6: a fall of 1.6 %),
    else the number in `unit` (none when no unit is given, or the number is negative)."""
    negative = text[0] in "-−－"
    digits = text.lstrip("-−－+＋")
    at = start + (len(text) - len(digits))
    if column.growth:
        q = _parse(("下降" if negative else "增长") + digits + "%", lex)
    else:
        unit = unit or column.unit
        q = _parse(digits + unit, lex) if unit and not negative else None
    if q is None:
        return None
    q.start, q.end = at, at + len(digits)
    q.outer_start, q.outer_end = at, at + len(digits)
    q.column = column.share
    return q


def _unit_cell(cells: list[tuple[int, int, str]], columns: list[Column]) -> str | None:
    """The row's unit written in the table's 单位 column (吨, 万头), if it has one."""
    for k, column in enumerate(columns[: len(cells)]):
        text = cells[k][2]
        if column.units and text and not NUMBER.search(text) and len(text) <= 6:
            return text
    return None


def _parse(written: str, lex: Lexicon) -> Quantity | None:
    """The quantity of a number written with the unit the table gives it (540.4万吨)."""
    found = find_quantities(written, lex)
    return found[0] if len(found) == 1 else None
