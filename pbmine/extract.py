"""The pipeline: read → sections and sentences → quantities → metric, region, period → rows.

`extract_text` does one document in memory; `extract` walks files and
folders, reports a bad file in one line and goes on, and can stream the
rows to a Parquet file batch by batch so that nothing already extracted is
lost if a later document fails or the run is stopped. Each file is one task
(outcome.py) done here, by `jobs` worker processes (parallel.py) or by a
Dask cluster (cluster.py): the rows are the same whichever does it.
"""
from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from .lexicon import Lexicon, load_lexicon
from .metrics import MetricFinder
from .neighbours import from_neighbours, not_places, with_group
from .periods import PeriodResolver
from .quantities import find_quantities
from .glosses import GlossMap, gloss_map
from .outcome import Outcome, Reading, extract_task, fewer_collections, source_digest
from .plan import SourceList, plan, previous_table, run_metadata
from .readers import MAX_BYTES, ReadError, Source, read_sources
from .regions import RegionResolver
from .roles import Roles, refine
from .schema import COLUMNS, Claim, arrow_schema, rows_frame, rows_table, to_frame
from .sections import Document, split_document
from .tables import table_quantities
from .written import as_written, written_name, written_unit
from .segment import get_segmenter

if TYPE_CHECKING:
    import pandas as pd

_REGION, _METRIC, _SHA256 = COLUMNS.index("region"), COLUMNS.index("metric"), COLUMNS.index("sha256")


def bundled_seeds() -> Path:
    """The sample reports shipped with pbmine (inside the package, or beside it in a checkout)."""
    inside = resources.files("pbmine") / "seeds"
    if inside.is_dir():
        return Path(str(inside))
    return Path(__file__).resolve().parent.parent / "seeds"


class Extractor:
    """Turns documents into claims with one lexicon (and one segmenter) for the whole run."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lex = lexicon or load_lexicon()
        self.finder = MetricFinder(self.lex, get_segmenter(tuple(self.lex.user_words)))
        self.roles = Roles.of(self.lex)

    def document(self, doc: Document, original: str | None = None) -> list[Claim]:
        """The claims of one split document.

        `original` is the text as read when `doc.text` is its Simplified twin of the same
        length (a Traditional document): number, sentence and section are quoted from it.
        """
        quoted = doc.text if original is None else original
        regions = RegionResolver(doc)
        periods = PeriodResolver(doc)
        self.finder.places = {m[2] for m in regions.places.mentions} | {m[2] for m in regions.places.local_mentions}
        claims: list[Claim] = []
        lines: list[int] = []  # the paragraph of each claim
        headings: dict[int, str | None] = {}  # the section heading of each paragraph with claims
        cells = table_quantities(doc, self.lex)
        for sent in doc.sentences:
            # (a paragraph's line breaks, in a text wrapped or setting figures alone on lines: 322\n亿元)
            quantities = find_quantities(sent.text.replace("\n", " ") if "\n" in sent.text else sent.text, self.lex)
            for q in quantities:  # sentence offsets -> document offsets
                q.start += sent.start
                q.end += sent.start
                q.outer_start += sent.start
                q.outer_end += sent.start
            if sent.line in cells:
                quantities = _with_cells(quantities, cells[sent.line], sent)
            quantities = [q for q in quantities if not regions.places.names_span(q.start, q.end)]  # 七户乡八户村
            if not quantities:
                continue
            attachments = self.finder.attach(sent.text, sent.start, quantities)
            phrases = refine(self.roles, sent.text, sent.start, quantities, [a.phrase for a in attachments])
            regions.figures([q.outer_end for q in quantities])
            found = regions.respective(sent, [q.start for q in quantities],
                                       [regions.region_for(sent, q.start) for q in quantities])
            phrases = not_places(phrases, found, quantities, self.finder.unit_metrics, self.finder.places,
                                 sent.text, sent.start, self.finder.list_head)
            if sent.line not in headings:  # the walk back to the heading, once a paragraph
                headings[sent.line] = _section_heading(doc, sent, quoted)
            section = headings[sent.line]
            for q, att, phrase, region in zip(quantities, attachments, phrases, found):
                phrase = phrase or ""
                lines.append(sent.line)
                written = phrase if original is None else as_written(phrase, sent, q, doc.text, quoted)
                fields = region.fields() if region else {}
                if original is not None and fields:
                    fields["region"] = written_name(fields["region"], region, doc.text, quoted)
                claims.append(Claim(
                    doc_id=doc.doc_id, metric=self.lex.canonical(phrase), phrase=written,
                    value=q.value, unit=q.unit if original is None else written_unit(q, doc.text, quoted),
                    kind=q.kind, start=q.start, end=q.end,
                    number=quoted[q.start:q.end], sentence=quoted[sent.start:sent.end], sentence_index=sent.index,
                    qualifier=q.qualifier, value_high=q.value_high, direction=q.direction,
                    action=att.action, year=periods.year_for(sent, q.start),
                    period=periods.period_for(sent, q.start),
                    section=section, path=doc.path,
                    **fields,
                ))
        return with_group(from_neighbours(claims, lines, self.lex), lines, self.lex)

    def text(self, text: str, doc_id: str = "doc", path: str | None = None) -> list[Claim]:
        """The claims of one text; figures out of range (a run of thousands of digits) are none.
        A lone surrogate (only a Python caller can pass one) reads as U+FFFD, offsets kept."""
        text = LONE_SURROGATE.sub("\ufffd", text)
        glosses = gloss_map(text)
        if glosses is not None:
            return self._glossed(glosses, None, doc_id, path)
        return [c for c in self.document(split_document(doc_id, text, path)) if _in_range(c.value)]

    def source(self, source: Source) -> list[Claim]:
        """The claims of a document as read: found in its Simplified twin, quoted from the original."""
        glosses = gloss_map(source.text)
        if glosses is not None:
            return self._glossed(glosses, source.simplified, source.doc_id, source.path)
        if source.simplified is None:
            return self.text(source.text, source.doc_id, source.path)
        doc = split_document(source.doc_id, source.simplified, source.path)
        return [c for c in self.document(doc, source.text) if _in_range(c.value)]

    def _glossed(self, glosses: GlossMap, simplified: str | None, doc_id: str, path: str | None) -> list[Claim]:
        """社區(qū)服務: read without the pinyin glosses, offsets and quotes taken back to the original."""
        if simplified is None:
            doc = split_document(doc_id, glosses.text, path)
            claims = self.document(doc)
        else:
            doc = split_document(doc_id, glosses.strip(simplified), path)
            claims = self.document(doc, glosses.text)
        out = []
        for c in claims:
            if not _in_range(c.value):
                continue
            sent = doc.sentences[c.sentence_index]
            c.start, c.end = glosses.start(c.start), glosses.end(c.end)
            c.number = glosses.original[c.start:c.end]
            c.sentence = glosses.original[glosses.start(sent.start):glosses.end(sent.end)]
            if c.region_start is not None and c.region_end is not None:
                c.region_start, c.region_end = glosses.start(c.region_start), glosses.end(c.region_end)
            out.append(c)
        return out


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _with_cells(quantities: list, cells: list, sent) -> list:
    """The sentence's quantities and the bare table cells inside it that nothing else covers."""
    inside = [c for c in cells if sent.start <= c.start and c.end <= sent.end
              and not any(q.outer_start < c.end and c.start < q.outer_end for q in quantities)]
    return sorted(quantities + inside, key=lambda q: q.start) if inside else quantities


def _section_heading(doc: Document, sent, quoted: str) -> str | None:
    for line in reversed(doc.lines[: sent.line]):
        if line.looks_like_heading and line.stripped:
            return quoted[line.start:line.end].strip(" \t\u3000\u00a0")
    return None


def extract_text(text: str, doc_id: str = "doc", lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Claims of one text as a DataFrame (the notebook entry point)."""
    return to_frame(Extractor(lexicon).text(text, doc_id))


@dataclass
class ExtractResult:
    """What a run produced: the claims (unless streamed only), counts and the one-line errors."""

    rows: list[tuple] = field(default_factory=list, repr=False)  # kept rows, in COLUMNS order
    documents: int = 0
    errors: list[str] = field(default_factory=list)
    claims: int = 0
    regions: set[str] = field(default_factory=set)
    metrics: set[str] = field(default_factory=set)
    output: str | None = None      # where the table was written
    unchanged: bool = False        # nothing was read, so an existing table was left as it was
    reused: int = 0                # documents whose claims --update kept without re-reading

    @cached_property
    def frame(self) -> pd.DataFrame:
        """The kept claims as a pandas DataFrame (empty when they were only streamed to a file)."""
        return rows_frame(self.rows)

    def count(self, rows: list[tuple]) -> None:
        """Add one document's rows to the counts."""
        self.documents += 1
        self.claims += len(rows)
        self.regions.update(r[_REGION] for r in rows if r[_REGION] is not None)
        self.metrics.update(r[_METRIC] for r in rows if r[_METRIC])


class Interrupted(Exception):
    """Ctrl-C (or SIGTERM) during a run: the target is unchanged, or its rows kept under `partial`."""

    def __init__(self, documents: int, target: str | None, partial: Path | None):
        super().__init__(f"interrupted after {documents} documents")
        self.documents, self.target, self.partial = documents, target, partial


def as_paths(paths) -> list:
    """A path or a list of paths (a string is one path, never its characters)."""
    if paths is None:
        return []
    if isinstance(paths, (str, bytes, os.PathLike)):
        return [paths]
    return list(paths)


def _path_list(paths) -> list:
    """One path (as users type it) or several; none means the bundled seeds."""
    return as_paths(paths) or [bundled_seeds()]


def iter_claims(paths: Iterable[str | os.PathLike] | str | os.PathLike | None = None,
                lexicon: Lexicon | None = None, on_error: Callable[[str], None] | None = None,
                max_bytes: int = MAX_BYTES, encoding: str | None = None,
                on_notice: Callable[[str], None] | None = None) -> Iterator[tuple[Source, list[Claim]]]:
    """(source, claims) for every readable document; bad ones go to `on_error` as one line,
    remarks that are no failure (bytes replaced, files a folder walk skipped) to `on_notice`."""
    extractor = Extractor(lexicon)
    for item in read_sources(_path_list(paths), max_bytes=max_bytes, encoding=encoding):
        if isinstance(item, ReadError):
            report = on_error if item.failed else on_notice
            if report:
                report(str(item))
            continue
        claims = _claims_of(extractor, item, on_error)
        if claims is not None:
            digest = source_digest(item)
            for claim in claims:
                claim.sha256 = digest
            yield item, claims


def _claims_of(extractor: Extractor, item: Source, on_error) -> list[Claim] | None:
    try:
        return extractor.source(item)
    except Exception as exc:  # one bad document must not end the run
        if on_error:
            on_error(f"{item.path}: extraction failed: {type(exc).__name__}: {exc}")
        return None


MAX_VALUE = 1e18  # a figure beyond this (a run of thousands of digits) is not a claim about a region


def _in_range(value: float) -> bool:
    return math.isfinite(value) and abs(value) <= MAX_VALUE


def default_jobs() -> int:
    """The cores this process may run on (the default of --jobs)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


BATCH_ROWS = 50_000   # a batch of rows is written once it is this long, however few documents


def extract(paths: Iterable[str | os.PathLike] | str | os.PathLike | None = None,
            lexicon: Lexicon | None = None, output: str | os.PathLike | None = None,
            batch_docs: int = 200, on_error: Callable[[str], None] | None = None, keep: bool = True,
            format: str = "parquet", keep_partial: bool = False,
            update: str | os.PathLike | None = None,
            on_document: Callable[[Outcome, list[tuple]], None] | None = None,
            max_bytes: int = MAX_BYTES, encoding: str | None = None,
            on_notice: Callable[[str], None] | None = None, jobs: int = 1) -> ExtractResult:
    """Claims of files and folders (the bundled seeds when `paths` is empty).

    With `output` (a file, or "-" for standard output) the rows are written in
    `format` (parquet, csv, jsonl) to a temporary file beside it, batch by
    batch, and renamed into place only when the run ends; a run that is
    killed or interrupted leaves an existing table as it was, and a run that
    read no document does not replace it. With `keep=False` the rows are not
    also held in memory (for corpora larger than memory).

    With `update` (an existing Parquet table written by pbmine), only new or
    changed files are extracted (by sha256 of their bytes); the claims of
    unchanged files are kept and those of changed or removed files dropped;
    the result replaces `update` unless another `output` is given.

    `jobs` > 1 extracts in that many worker processes (parallel.py); the rows,
    their order and the messages are those of one process.

    `on_document(outcome, rows)` is called after each document (progress bars;
    `outcome.size` is its size in bytes, `outcome.reused` says --update kept it).
    """
    from .output import TableWriter

    errors: list[str] = []

    def note(msg: str) -> None:
        errors.append(msg)
        if on_error:
            on_error(msg)

    lex = lexicon or load_lexicon()
    if update is not None:
        output = output if output is not None else update
        format = "parquet"
    result = ExtractResult(errors=errors, output=None if output is None else os.fsdecode(output))
    pending: list[tuple] = []  # rows not yet handed to the writer (one row group a batch)
    pending_docs = 0
    sources = SourceList()
    writer = None
    try:  # the writer is made inside: a Ctrl-C at any point leaves no temporary file or lock behind
        writer = TableWriter(output, format, arrow_schema()) if output is not None else None
        previous = previous_table(update) if update is not None else None
        reading = Reading(max_bytes, encoding)
        for outcome in _outcomes(plan(_path_list(paths), previous, reading), lex, reading, jobs):
            for failed, line in outcome.messages:
                (note if failed else on_notice or (lambda _: None))(line)
            rows = outcome.rows
            if rows is None:
                continue
            if on_document:
                on_document(outcome, rows)
            if outcome.reused and rows and rows[0][_SHA256] is None:  # kept from a table of schema 3
                rows = [row[:_SHA256] + (outcome.digest,) + row[_SHA256 + 1:] for row in rows]
            result.count(rows)
            result.reused += outcome.reused
            if not rows:  # a document's sha256 is in its rows; the metadata lists those without any
                sources.add(outcome.path, outcome.digest)
            if keep:
                result.rows.extend(rows)
            if writer is not None and rows:
                pending.extend(rows)
                pending_docs += 1
                if pending_docs >= batch_docs or len(pending) >= BATCH_ROWS:
                    writer.write(rows_table(pending))
                    pending, pending_docs = [], 0
        if writer is not None:
            if pending:
                writer.write(rows_table(pending))
                pending = []
            if result.documents == 0 and writer.target != "-" and os.path.exists(writer.target):
                writer.abort()
                result.unchanged = True
            else:
                writer.commit(run_metadata(lex, sources))
    except KeyboardInterrupt:
        if writer is not None and keep_partial and pending:
            writer.write(rows_table(pending))
        partial = writer.abort(keep_partial) if writer is not None else None
        raise Interrupted(result.documents, result.output, partial) from None
    except BaseException:
        if writer is not None and not writer.closed:
            writer.abort()
        raise
    return result


POOL_MIN_FILES = 16   # fewer files than this stay in one process: starting workers would cost more


def _outcomes(plan: Iterator[Outcome | tuple], lex: Lexicon, reading: Reading, jobs: int) -> Iterator[Outcome]:
    """The plan's outcomes in order: ready ones as they are, tasks extracted here or by `jobs` workers."""
    if jobs > 1:
        ahead = list(islice(plan, POOL_MIN_FILES))
        plan = chain(ahead, plan)
        if sum(isinstance(p, tuple) for p in ahead) >= POOL_MIN_FILES:
            from .parallel import map_tasks

            yield from map_tasks(plan, lex, reading, jobs)
            return
    extractor = None
    with fewer_collections():
        for step in plan:
            if isinstance(step, Outcome):
                yield step
                continue
            extractor = extractor or Extractor(lex)
            yield extract_task(extractor, *step[:1], reading, *step[1:])

