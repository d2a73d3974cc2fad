"""Charts of a ranking: Chinese labels drawn with a font that has every glyph."""
from __future__ import annotations

import warnings

import pytest

matplotlib = pytest.importorskip("matplotlib")
fontTools = pytest.importorskip("fontTools.ttLib")

from pbmine import compare  # noqa: E402
from pbmine.chart import chart_figure, cjk_font_path, write_chart  # noqa: E402


def _labels(table) -> str:
    return "".join(table["region"]) + table.attrs["metric"] + "".join(table["unit"]) + "（）·"


def test_the_font_has_every_glyph_of_the_seed_rankings(seed_claims):
    with fontTools.TTFont(cjk_font_path(), lazy=True) as font:
        cmap = font.getBestCmap()
    text = "".join(_labels(compare(seed_claims, m)) for m in ("五星支部", "好评率", "党员干部", "党建示范点"))
    missing = {c for c in text if ord(c) not in cmap}
    assert missing == set()


def test_default_font_would_draw_boxes(seed_claims):
    """The check above can fail: matplotlib's own DejaVu Sans has none of these glyphs."""
    from matplotlib import font_manager
    with fontTools.TTFont(font_manager.findfont("DejaVu Sans"), lazy=True) as font:
        dejavu = font.getBestCmap()
    assert any(ord(c) not in dejavu for c in _labels(compare(seed_claims, "五星支部")))


@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_write_chart_warns_of_no_missing_glyph(seed_claims, tmp_path, suffix, magic):
    table = compare(seed_claims, "党员干部")
    with warnings.catch_warnings():
        warnings.simplefilter("error")          # "Glyph … missing from font(s)" would fail here
        path = write_chart(table, tmp_path / f"c{suffix}")
    assert path.read_bytes()[:5].startswith(magic)
    assert len(chart_figure(table).axes) == 2   # one panel per unit: 名 and 批


def test_write_chart_refuses_other_suffixes_and_empty_rankings(seed_claims, tmp_path):
    with pytest.raises(ValueError):
        write_chart(compare(seed_claims, "五星支部"), tmp_path / "c.jpg")
    with pytest.raises(ValueError):
        write_chart(compare(seed_claims, "五星支部", year=1999), tmp_path / "c.png")
