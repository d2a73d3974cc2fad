"""pbmine: quantified claims from Chinese party-building and government work reports."""
__version__ = "0.1.0"

from .api import COLUMNS, compare, extract, extract_text, load_lexicon, metrics_summary, read_claims, segment  # noqa: E402
__all__ = ["COLUMNS", "compare", "extract", "extract_text", "load_lexicon", "metrics_summary",
           "read_claims", "segment", "__version__"]
