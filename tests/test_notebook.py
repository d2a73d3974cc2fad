"""examples/quickstart.ipynb runs top to bottom (nbclient) and shows what it promises."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")

NOTEBOOK = Path(__file__).parent.parent / "examples" / "quickstart.ipynb"


def test_quickstart_runs_top_to_bottom(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert re.search(r"^4 documents, \d+ claims, \d+ regions$", text, re.M)
    assert "西海岸新区" in text and "平度市" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)         # the chart was drawn
    assert "Glyph" not in text                                           # no missing-glyph warning
    assert "【125】" in text
    assert (tmp_path / "report.html").stat().st_size > 10_000
