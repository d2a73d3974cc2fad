"""Speed and memory of `pbmine extract`, against references measured in the same run.

    python examples/benchmark.py [--copies 50]

Machines here are shared and noisy, so figures are ratios against work done
in the same process on the same text: plain jieba segmentation of every
sentence (the cost any segmenting tool pays), and a bare regex for a number
followed by a measure word (the floor). Memory is the peak resident size
while streaming the corpus to Parquet, against the size of the corpus.
"""
from __future__ import annotations

import argparse
import re
import resource
import shutil
import tempfile
import time
from pathlib import Path

import jieba

from pbmine import extract
from pbmine.extract import bundled_seeds
from pbmine.readers import read_sources
from pbmine.sections import split_document

BARE = re.compile(r"\d+(?:\.\d+)?\s*[万亿]?\s*[个名家件项次条篇份处人户]")


def best_of(fn, runs=3):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=50, help="copies of the four seed reports (default 50)")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="pbmine-bench-"))
    try:
        for i in range(a.copies):
            for f in bundled_seeds().glob("*.txt"):
                shutil.copy(f, tmp / f"{f.stem}_{i}.txt")
        texts = [s.text for s in read_sources([tmp])]
        chars = sum(map(len, texts))
        mbytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        extract([bundled_seeds()])  # warm up: dictionaries, gazetteer, jieba
        jieba.initialize()
        sentences = [s.text for t in texts for s in split_document("d", t).sentences]

        t_pbmine = best_of(lambda: extract([tmp], output=tmp / "claims.parquet"), runs=2)
        t_jieba = best_of(lambda: [list(jieba.cut(s)) for s in sentences])
        t_regex = best_of(lambda: [BARE.findall(t) for t in texts])
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        claims = len(extract([tmp]).frame)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"corpus: {len(texts)} documents, {chars:,} characters, {mbytes:.2f} MB UTF-8, {claims:,} claims")
    print(f"pbmine extract (read, split, find, attach, write Parquet): {t_pbmine:.2f} s  "
          f"= {mbytes / t_pbmine:.2f} MB/s, {len(texts) / t_pbmine:.0f} documents/s")
    print(f"reference jieba.cut of the same sentences:                {t_jieba:.2f} s  = {mbytes / t_jieba:.2f} MB/s")
    print(f"reference bare regex (number + measure word):             {t_regex:.3f} s")
    print(f"ratio pbmine / jieba segmentation: {t_pbmine / t_jieba:.2f}x")
    print(f"peak resident memory: {rss_mb:.0f} MB for a {mbytes:.1f} MB corpus (streaming to Parquet)")


if __name__ == "__main__":
    main()
