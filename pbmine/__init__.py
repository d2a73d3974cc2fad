"""pbmine: quantified claims from Chinese party-building and government work reports."""
import sys
import types

__version__ = "0.1.0"

__all__ = ["COLUMNS", "compare", "extract", "extract_text", "load_lexicon", "metrics_summary",
           "read_claims", "segment", "table_sources", "__version__"]


def __getattr__(name: str):
    """The library's entry points, imported on first use (`pbmine --help` needs none of them)."""
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Package(types.ModuleType):
    """`pbmine.extract`, `.compare`, `.segment` stay the functions when their modules are imported
    (the import system would set the attribute to the module; `from pbmine.extract import X` is unchanged)."""

    def __setattr__(self, name, value):
        if name in __all__ and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
