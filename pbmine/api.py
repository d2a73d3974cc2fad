"""The library behind the command line: what a notebook calls.

    >>> from pbmine import api
    >>> claims = api.extract(["reports/"]).frame          # a pandas DataFrame
    >>> api.compare(claims, "五星支部")                     # ranked regions
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .compare import compare, metrics_summary
from .extract import ExtractResult, as_paths, bundled_seeds, extract, extract_text
from .lexicon import Lexicon, load_lexicon
from .reader import ReadError, read_sources
from .schema import COLUMNS, read_claims, write_parquet
from .sections import split_document
from .segment import Token, get_segmenter

__all__ = ["COLUMNS", "ExtractResult", "bundled_seeds", "compare", "extract", "extract_text",
           "load_lexicon", "metrics_summary", "read_claims", "segment", "write_parquet"]


@dataclass
class SegmentedSentence:
    index: int
    start: int
    end: int
    tokens: list[Token]


def segment(paths: Iterable | str | None = None, lexicon: Lexicon | None = None,
            on_error: Callable[[str], None] | None = None) -> Iterator[tuple[str, list[SegmentedSentence]]]:
    """(doc_id, sentences with tokens) for each readable document; offsets are into the document."""
    seg = get_segmenter(tuple(lexicon.user_words) if lexicon else ())
    for item in read_sources(as_paths(paths) or [bundled_seeds()]):
        if isinstance(item, ReadError):
            if on_error:
                on_error(str(item))
            continue
        doc = split_document(item.doc_id, item.text, item.path)
        yield item.doc_id, [SegmentedSentence(s.index, s.start, s.end, seg.tokens(s.text, s.start))
                            for s in doc.sentences]
