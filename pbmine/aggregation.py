"""The --agg rules of `compare`: how one figure a region is chosen from its claims (name -> rule).

Apart from compare.py so that the command line can offer the choices without importing pandas.
"""
AGG_RULES = {
    "latest": "latest year, then the largest count or the first stated rate",
    "max": "the largest figure of any year",
    "sum": "all figures of a region added up",
    "mean": "the mean of all figures of a region",
    "all": "every claim; regions in the order of their latest-year figure",
}
