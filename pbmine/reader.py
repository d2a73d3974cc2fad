"""Kept so that `from pbmine.reader import ...` still works: the readers are the package pbmine.readers."""
from .readers import *  # noqa: F401,F403
from .readers import MAX_BYTES, SUFFIXES, Notice, ReadError, Source, iter_paths, read_source, read_sources  # noqa: F401
