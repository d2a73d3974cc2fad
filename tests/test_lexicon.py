"""The data files load, and a user's alias file merges over them."""
from __future__ import annotations

import pytest

from pbmine import extract_text, load_lexicon
from pbmine.lexicon import LexiconError, default_lexicon


def test_bundled_lexicon_loads():
    lex = default_lexicon()
    assert lex.canonical("五星级党支部") == "五星支部"
    assert lex.units["人次"].kind == "count" and lex.units["年"].claim is False


def test_user_lexicon_merges(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[metrics."志愿者"]\naliases = ["党员志愿者", "志愿服务者"]\n', encoding="utf-8")
    lex = load_lexicon(path)
    assert lex.canonical("党员志愿者") == "志愿者"
    assert lex.canonical("五星级党支部") == "五星支部"  # bundled aliases stay
    claims = extract_text("招募党员志愿者300名。", lexicon=lex)
    assert claims["metric"].tolist() == ["志愿者"]


@pytest.mark.parametrize("content", ["[metrics", '[metrics."x"]\naliases = "not a list"\n'])
def test_bad_lexicon_is_a_clear_error(tmp_path, content):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.toml"):
        load_lexicon(path)
