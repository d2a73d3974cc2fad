"""The pipeline: read → sections and sentences → quantities → metric, region, period → rows.

`extract_text` does one document in memory; `extract` walks files and
folders, reports a bad file in one line and goes on, and can stream the
rows to a Parquet file batch by batch so that nothing already extracted is
lost if a later document fails or the run is stopped.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd

from .lexicon import Lexicon, load_lexicon
from .metrics import MetricFinder
from .periods import PeriodResolver
from .quantities import find_quantities
from .readers import MAX_BYTES, ReadError, Source, read_sources
from .regions import RegionResolver
from .schema import ARROW_SCHEMA, Claim, to_arrow, to_frame
from .sections import Document, split_document
from .segment import get_segmenter


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

    def document(self, doc: Document, original: str | None = None) -> list[Claim]:
        """The claims of one split document.

        `original` is the text as read when `doc.text` is its Simplified twin of the same
        length (a Traditional document): number, sentence and section are quoted from it.
        """
        quoted = doc.text if original is None else original
        regions = RegionResolver(doc)
        periods = PeriodResolver(doc)
        self.finder.places = {surface for _, _, surface in regions.mentions}
        claims: list[Claim] = []
        for sent in doc.sentences:
            quantities = find_quantities(sent.text, self.lex)
            if not quantities:
                continue
            for q in quantities:  # sentence offsets -> document offsets
                q.start += sent.start
                q.end += sent.start
                q.outer_start += sent.start
                q.outer_end += sent.start
            attachments = self.finder.attach(sent.text, sent.start, quantities)
            for q, att in zip(quantities, attachments):
                phrase = att.phrase or ""
                region = regions.region_for(sent, q.start)
                claims.append(Claim(
                    doc_id=doc.doc_id, metric=self.lex.canonical(phrase), phrase=phrase,
                    value=q.value, unit=q.unit, kind=q.kind, start=q.start, end=q.end,
                    number=quoted[q.start:q.end], sentence=quoted[sent.start:sent.end], sentence_index=sent.index,
                    qualifier=q.qualifier, value_high=q.value_high, direction=q.direction,
                    action=att.action, year=periods.year_for(sent, q.start),
                    period=periods.period_for(sent, q.start),
                    section=_section_heading(doc, sent, quoted), path=doc.path,
                    **(region.fields() if region else {}),
                ))
        return claims

    def text(self, text: str, doc_id: str = "doc", path: str | None = None) -> list[Claim]:
        return self.document(split_document(doc_id, text, path))

    def source(self, source: Source) -> list[Claim]:
        """The claims of a document as read: found in its Simplified twin, quoted from the original."""
        doc = split_document(source.doc_id, source.analysis_text, source.path)
        return self.document(doc, None if source.simplified is None else source.text)


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

    frame: pd.DataFrame
    documents: int = 0
    errors: list[str] = field(default_factory=list)
    claims: int = 0
    regions: set[str] = field(default_factory=set)
    metrics: set[str] = field(default_factory=set)


def iter_claims(paths: Iterable[str | os.PathLike] | None = None, lexicon: Lexicon | None = None,
                on_error: Callable[[str], None] | None = None, max_bytes: int = MAX_BYTES,
                encoding: str | None = None,
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
        try:
            claims = extractor.source(item)
        except Exception as exc:  # one bad document must not end the run
            if on_error:
                on_error(f"{item.path}: extraction failed: {type(exc).__name__}: {exc}")
            continue
        yield item, claims


def _path_list(paths) -> list:
    """One path (as users type it) or several; none means the bundled seeds."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        return [paths]
    return list(paths) if paths else [bundled_seeds()]


def extract(paths: Iterable[str | os.PathLike] | None = None, lexicon: Lexicon | None = None,
            output: str | os.PathLike | None = None, batch_docs: int = 200,
            on_error: Callable[[str], None] | None = None, keep: bool = True,
            max_bytes: int = MAX_BYTES, encoding: str | None = None,
            on_notice: Callable[[str], None] | None = None) -> ExtractResult:
    """Claims of files and folders (the bundled seeds when `paths` is empty).

    With `output`, rows are written to Parquet every `batch_docs` documents, so
    a failure later in a long run keeps what came before it; with `keep=False`
    they are not also held in memory (for corpora larger than memory).
    """
    errors: list[str] = []

    def note(msg: str) -> None:
        errors.append(msg)
        if on_error:
            on_error(msg)

    writer = None
    frames: list[pd.DataFrame] = []
    batch: list[Claim] = []
    try:
        if output is not None:
            import pyarrow.parquet as pq
            writer = pq.ParquetWriter(str(output), ARROW_SCHEMA)
        result = ExtractResult(to_frame([]), errors=errors)
        for _, claims in iter_claims(paths, lexicon, note, max_bytes, encoding, on_notice):
            result.documents += 1
            result.claims += len(claims)
            result.regions.update(c.region for c in claims if c.region)
            result.metrics.update(c.metric for c in claims if c.metric)
            batch.extend(claims)
            if result.documents % batch_docs == 0:
                frame = _flush(batch, writer)
                if keep:
                    frames.append(frame)
                batch = []
        frame = _flush(batch, writer)
        if keep:
            frames.append(frame)
    finally:
        if writer is not None:
            writer.close()
    result.frame = pd.concat(frames, ignore_index=True) if frames else to_frame([])
    return result


def _flush(batch: list[Claim], writer) -> pd.DataFrame:
    frame = to_frame(batch)
    if writer is not None and len(frame):
        writer.write_table(to_arrow(frame))
    return frame
