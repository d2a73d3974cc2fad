"""The evidence report: one self-contained HTML file an analyst opens from disk.

Every claim is marked in its document (the number, its metric phrase, and
the place that gave its region), a claims table filters, sorts and jumps to
a mark, and every metric two or more regions report gets the same ranked
bar chart `compare` prints. The page (`templates/report.*`) is inline CSS and
JS with a Content-Security-Policy that allows no network request and no
script but its own (by hash), so a document's `<script>` or `onerror=`
markup is shown as text and never runs. Each document is its own JSON block,
parsed and drawn only when opened, so 1,000 documents stay one small DOM.

Spans come from the claims' columns where they exist (`phrase_start/end`,
`region_start/end`); otherwise the phrase is looked up in the claim's
sentence nearest the number, and the place as the nearest mention of the
region's name before the number.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import pandas as pd

from . import __version__
from .compare import comparable_metrics, compare, format_value
from .readers import ReadError, read_source

QUOTES = "“”\"‘’'「」『』《》〈〉 \u3000"
PLACE_SUFFIXES = ("综合试验区", "经济技术开发区", "高新区", "新区", "自治州", "自治县", "街道", "社区",
                  "省", "市", "区", "县", "镇", "乡", "村")
CLAIM_FIELDS = ["doc", "metric", "phrase", "value", "label", "unit", "kind", "qualifier", "region",
                "region_full", "adcode", "region_level", "region_source", "year", "period", "section",
                "start", "end", "number", "phrase_start", "phrase_end", "place_start", "place_end",
                "place_how", "snippet"]


def collect(paths, lexicon=None, on_error: Callable[[str], None] | None = None,
            on_document: Callable | None = None) -> tuple[pd.DataFrame, dict[str, str], list[str]]:
    """Extract `paths` keeping each document's text: (claims, {doc_id: text}, error lines)."""
    from .extract import bundled_seeds, iter_claims
    from .schema import to_frame

    errors: list[str] = []

    def note(msg: str) -> None:
        errors.append(msg)
        if on_error:
            on_error(msg)

    texts: dict[str, str] = {}
    rows = []
    for source, claims in iter_claims(list(paths) if paths else [bundled_seeds()], lexicon, note):
        if on_document:
            on_document(source, claims)
        texts[source.doc_id] = source.text
        rows.extend(claims)
    return to_frame(rows), texts, errors


def documents_for(claims: pd.DataFrame, on_error: Callable[[str], None] | None = None
                  ) -> tuple[dict[str, str | None], int]:
    """Read again the documents a claims table came from; None for one that is gone or changed.

    Returns the texts and how many could not be used (each reported in one line).
    """
    texts: dict[str, str | None] = {}
    failed = 0
    for doc_id, group in claims.groupby("doc_id", sort=False):
        path = group["path"].dropna().iloc[0] if group["path"].notna().any() else None
        text = None
        if path is None:
            reason = f"{doc_id}: no path in the claims table: showing its sentences only"
        else:
            try:
                text = read_source(path).text
                reason = None
            except ReadError as exc:
                reason = f"{exc}: showing its sentences only"
        if text is not None and not _offsets_fit(text, group):
            text, reason = None, f"{path}: changed since the claims were extracted: showing its sentences only"
        if reason:
            failed += 1
            if on_error:
                on_error(reason)
        texts[str(doc_id)] = text
    return texts, failed


def _offsets_fit(text: str, group: pd.DataFrame) -> bool:
    return all(text[s:e] == n for s, e, n in zip(group["start"], group["end"], group["number"]))


def _sentences_text(group: pd.DataFrame) -> tuple[str, list[int]]:
    """A stand-in document made of a claim group's sentences, and each claim's new start."""
    order = group.sort_values(["sentence_index", "start"])
    pieces, at, where = [], 0, {}
    for idx, sentence in order.drop_duplicates("sentence_index")[["sentence_index", "sentence"]].values:
        where[idx] = (at, sentence)
        pieces.append(sentence)
        at += len(sentence) + 2
    starts, used = [], set()
    for idx, number in zip(group["sentence_index"], group["number"]):
        base, sentence = where[idx]
        hit = sentence.find(number)
        while hit >= 0 and (base + hit) in used:
            hit = sentence.find(number, hit + 1)
        hit = max(hit, 0)
        used.add(base + hit)
        starts.append(base + hit)
    return "\n\n".join(pieces), starts


def _value(v):
    """A JSON-safe cell: None for NA/NaN/inf, plain int/float/str otherwise."""
    if v is None or v is pd.NA:
        return None
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def _col(row: dict, name: str):
    v = row.get(name)
    return None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v


def _phrase_pattern(phrase: str) -> re.Pattern | None:
    chars = [c for c in phrase if c not in QUOTES]
    if not chars:
        return None
    gap = f"[{re.escape(QUOTES)}]*"
    return re.compile(gap.join(re.escape(c) for c in chars))


def _sentence_span(text: str, sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the claim's sentence stands in the document (the number's own span if it is not found)."""
    if sentence:
        at = text.find(sentence, max(0, end - len(sentence)))
        if 0 <= at <= start:
            return at, at + len(sentence)
    return start, end


def phrase_span(text: str, sentence: str, phrase: str, start: int, end: int) -> tuple[int, int] | None:
    """The metric phrase in the document: its occurrence in the sentence nearest the number."""
    pattern = _phrase_pattern(phrase or "")
    if pattern is None:
        return None
    lo, hi = _sentence_span(text, sentence, start, end)
    best = None
    for m in pattern.finditer(text, lo, hi):
        if m.start() < end and m.end() > start:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best is None or distance < best[0]:
            best = (distance, m.start(), m.end())
    return (best[1], best[2]) if best else None


def place_names(region: str) -> list[str]:
    """The region's name and its short form (长岛综合试验区 -> 长岛), longest first."""
    names = [region]
    for suffix in PLACE_SUFFIXES:
        if region.endswith(suffix) and len(region) - len(suffix) >= 2:
            names.append(region[: -len(suffix)])
            break
    return names


def place_span(text: str, sentence: str, region: str, start: int, end: int) -> tuple[int, int] | None:
    """The nearest mention of the region before the number: in its sentence, else earlier in the document."""
    if not region:
        return None
    lo, _ = _sentence_span(text, sentence, start, end)
    for bound in (lo, 0):
        best = None
        for name in place_names(region):
            at = text.rfind(name, bound, start)
            if at >= 0 and (best is None or at > best[0]):
                best = (at, at + len(name))
        if best:
            return best
    return None


def _spans(row: dict, text: str, start: int, end: int, use_offsets: bool = True) -> tuple:
    """(phrase_start, phrase_end, place_start, place_end, how the place was found).

    `use_offsets=False` for a stand-in text, where the table's document offsets do not apply.
    """
    sentence = _col(row, "sentence") or ""
    ps, pe = (_col(row, "phrase_start"), _col(row, "phrase_end")) if use_offsets else (None, None)
    if ps is None or pe is None:
        found = phrase_span(text, sentence, _col(row, "phrase") or "", start, end)
        ps, pe = found if found else (None, None)
    gs, ge, how = (_col(row, "region_start"), _col(row, "region_end"), "offsets") if use_offsets else (None,) * 3
    if gs is None or ge is None:
        found = place_span(text, sentence, _col(row, "region") or "", start, end)
        gs, ge, how = (*found, "nearest mention before the figure") if found else (None, None, None)
    return ps, pe, gs, ge, how


def _snippet(text: str, start: int, end: int, width: int = 18) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    left = text[lo:start].split("\n")[-1]
    right = text[end:hi].split("\n")[0]
    return ("…" if lo and left == text[lo:start] else "") + left + text[start:end] + right + "…"


def report_data(claims: pd.DataFrame, texts: dict[str, str | None], title: str | None = None) -> dict:
    """Everything the page shows, as plain JSON-able data."""
    docs, claim_rows, index = [], [], {}
    doc_ids = list(dict.fromkeys(claims["doc_id"].astype(str))) if len(claims) else []
    doc_ids += [d for d in texts if d not in doc_ids]
    by_doc = {d: g for d, g in claims.groupby(claims["doc_id"].astype(str), sort=False)} if len(claims) else {}
    for doc_no, doc_id in enumerate(doc_ids):
        group = by_doc.get(doc_id, claims.iloc[0:0])
        text = texts.get(doc_id)
        starts = list(group["start"])
        partial = text is None
        if partial:
            text, starts = _sentences_text(group) if len(group) else ("", [])
        path = group["path"].dropna().iloc[0] if len(group) and group["path"].notna().any() else None
        docs.append({"id": doc_id, "path": None if path is None else str(path), "text": text,
                     "claims": len(group), "partial": partial})
        for start, row in zip(starts, group.to_dict("records")):
            start = int(start)
            end = start + (int(row["end"]) - int(row["start"]))
            ps, pe, gs, ge, how = _spans(row, text, start, end, use_offsets=not partial)
            index[(doc_id, int(row["start"]))] = len(claim_rows)
            cells = {**row, "doc": doc_no, "start": start, "end": end, "phrase_start": ps, "phrase_end": pe,
                     "place_start": gs, "place_end": ge, "place_how": how,
                     "label": format_value(row["value"], _col(row, "qualifier"), _col(row, "value_high")),
                     "snippet": _snippet(text, start, end)}
            claim_rows.append([_value(cells.get(f)) for f in CLAIM_FIELDS])
    return {"title": title or "pbmine evidence report", "version": __version__,
            "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "fields": CLAIM_FIELDS, "claims": claim_rows, "docs": docs,
            "rankings": rankings(claims, index)}


def rankings(claims: pd.DataFrame, index: dict) -> list[dict]:
    """The `compare` ranking of every metric two or more regions report (one per unit)."""
    out = []
    if claims.empty:
        return out
    for metric in comparable_metrics(claims, 2)["metric"]:
        table = compare(claims, metric, min_regions=2)
        for (unit, kind), g in table.groupby([table["unit"].fillna(""), table["kind"].fillna("")], sort=False):
            out.append({
                "metric": metric, "unit": unit, "kind": kind, "rule": table.attrs["rule"],
                "rows": [{"rank": int(r.rank), "region": str(r.region), "value": _value(r.value),
                          "label": format_value(r.value, _col(r._asdict(), "qualifier"), _col(r._asdict(), "value_high")),
                          "claims": int(r.claims),
                          "claim": index.get((str(r.doc_id).split(", ")[0], None if pd.isna(r.start) else int(r.start)))}
                         for r in g.itertuples()],
            })
    return out


def _json_for_script(data) -> str:
    """JSON that cannot close its <script> element or open a comment: <, >, & and line separators escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                     ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _template(name: str) -> str:
    return (resources.files("pbmine") / "templates" / name).read_text(encoding="utf-8")


def build_report(claims: pd.DataFrame, texts: dict[str, str | None], title: str | None = None) -> str:
    """The report as one HTML string."""
    data = report_data(claims, texts, title)
    docs = data.pop("docs")
    meta = [{k: d[k] for k in ("id", "path", "claims", "partial")} for d in docs]
    script = _template("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    blocks = "\n".join(f'<script type="application/json" id="doc-{i}">{_json_for_script(d["text"])}</script>'
                       for i, d in enumerate(docs))
    values = {"TITLE": html.escape(data["title"]), "SCRIPT_HASH": digest, "STYLE": _template("report.css"),
              "DATA": _json_for_script({**data, "docs": meta}), "DOCS": blocks, "SCRIPT": script}
    # one pass over the template: a document that contains "{{SCRIPT}}" stays text
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], _template("report.html"))


def write_report(path: str | os.PathLike, claims: pd.DataFrame, texts: dict[str, str | None],
                 title: str | None = None) -> Path:
    """Write the report beside its target and rename it into place, so an old report is never half-overwritten."""
    path = Path(path)
    page = build_report(claims, texts, title)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(page)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
