"""The library behind the command line: what a notebook calls.

    >>> from pbmine import api
    >>> claims = api.extract(["reports/"]).frame          # a pandas DataFrame
    >>> api.compare(claims, "五星支部")                     # ranked regions
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .compare import compare, metrics_summary
from .extract import ExtractResult, _path_list, bundled_seeds, default_jobs, extract, extract_text
from .lexicon import Lexicon, load_lexicon
from .plan import table_sources
from .readers import MAX_BYTES, ReadError, parse_size, read_sources
from .schema import COLUMNS, read_claims, write_parquet
from .sections import split_document
from .segment import Token, get_segmenter

__all__ = ["COLUMNS", "ExtractResult", "bundled_seeds", "default_jobs", "compare", "extract", "extract_text",
           "load_lexicon", "metrics_summary", "parse_size", "read_claims", "segment", "table_sources", "write_parquet"]


@dataclass
class SegmentedSentence:
    index: int
    start: int
    end: int
    tokens: list[Token]


def segment(paths: Iterable | str | None = None, lexicon: Lexicon | None = None,
            on_error: Callable[[str], None] | None = None, max_bytes: int = MAX_BYTES,
            encoding: str | None = None,
            on_notice: Callable[[str], None] | None = None) -> Iterator[tuple[str, list[SegmentedSentence]]]:
    """(doc_id, sentences with tokens) for each readable document; offsets are into the document.

    A Traditional document is segmented in its Simplified twin; tokens quote the original.
    """
    seg = get_segmenter(tuple(lexicon.user_words) if lexicon else ())
    for item in read_sources(_path_list(paths), max_bytes=max_bytes, encoding=encoding):
        if isinstance(item, ReadError):
            report = on_error if item.failed else on_notice
            if report:
                report(str(item))
            continue
        doc = split_document(item.doc_id, item.analysis_text, item.path)
        yield item.doc_id, [SegmentedSentence(s.index, s.start, s.end, _quoted(seg.tokens(s.text, s.start), item.text))
                            for s in doc.sentences]


def _quoted(tokens: list[Token], text: str) -> list[Token]:
    return [t if text[t.start:t.end] == t.text else Token(text[t.start:t.end], t.start, t.end, t.tag) for t in tokens]
