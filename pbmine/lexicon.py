"""Linguistic knowledge, loaded from the data files in ``pbmine/data``.

Everything a rule needs to know about words (measure words, qualifiers,
metric aliases, context words) lives in TOML files next to this module, the
way spaCy keeps language data and jieba its dictionaries. A user can merge a
file of their own over the metric aliases (``--lexicon my_aliases.toml``).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA = resources.files("pbmine") / "data"


def _load(name: str) -> dict:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Unit:
    """A measure word as written, the unit the table writes and what kind of claim it makes."""

    text: str
    unit: str
    kind: str
    claim: bool = True
    needs_before: tuple[str, ...] = ()  # a word that must precede in the clause (年龄 for 岁)


class LexiconError(ValueError):
    """A user lexicon file that cannot be read or has the wrong shape."""


@dataclass(eq=False)  # hashed by identity: compiled grammars are cached per lexicon
class Lexicon:
    units: dict[str, Unit]
    qualifiers_before: dict[str, str]
    qualifiers_inside: dict[str, str]
    qualifiers_after: dict[str, str]
    not_before: tuple[str, ...]
    qualifiers_within: dict[str, list[str]]
    grammar: dict
    aliases: dict[str, str] = field(default_factory=dict)  # written form -> canonical
    user_words: tuple[str, ...] = ()

    def canonical(self, phrase: str) -> str:
        """Canonical metric name for a phrase, or the phrase itself."""
        return self.aliases.get(phrase, phrase)

    def fingerprint(self) -> str:
        """sha256 of what a user lexicon can change (aliases and words), for the table's metadata."""
        import hashlib
        import json
        blob = json.dumps([sorted(self.aliases.items()), list(self.user_words)], ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def merged(self, path: str | Path) -> "Lexicon":
        """A copy with the aliases (and words) of a user TOML file laid over these."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise LexiconError(f"{path}: cannot read lexicon: {exc}") from exc
        unknown = sorted(set(data) - {"metrics", "words"})
        if unknown:
            hint = " (top-level keys must come before the first [table] header)" if "metrics" in data else ""
            raise LexiconError(f"{path}: unknown key {unknown[0]!r}; a lexicon has only "
                               f"[metrics.NAME] tables and a top-level words list{hint}")
        metrics = data.get("metrics", {})
        if not isinstance(metrics, dict):
            raise LexiconError(f"{path}: [metrics] must be a table of canonical names")
        aliases = dict(self.aliases)
        for canonical, spec in metrics.items():
            if isinstance(spec, dict):
                extra = sorted(set(spec) - {"aliases"})
                if extra:
                    raise LexiconError(f"{path}: unknown key {extra[0]!r} in metrics.{canonical} "
                                       "(only aliases; a words list belongs before the first [table])")
                forms = spec.get("aliases", [])
            else:
                forms = spec
            if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                raise LexiconError(f"{path}: metrics.{canonical}.aliases must be a list of non-empty strings")
            for form in [canonical, *forms]:
                aliases[_strip_quotes(form)] = canonical
        words = data.get("words", [])
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() and not any(
                ch.isspace() for ch in w) for w in words):
            raise LexiconError(f"{path}: words must be a list of non-empty strings without spaces")
        return Lexicon(self.units, self.qualifiers_before, self.qualifiers_inside,
                       self.qualifiers_after, self.not_before, self.qualifiers_within, self.grammar,
                       aliases, tuple(self.user_words) + tuple(words))


QUOTES = "“”\"'‘’「」『』《》〈〉"


def _strip_quotes(text: str) -> str:
    return "".join(ch for ch in text if ch not in QUOTES)


def _flip(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: label for label, words in table.items() for word in words}


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled lexicon (loaded once per process)."""
    units: dict[str, Unit] = {}
    for group in _load("units.toml").values():
        for text in group["units"]:
            units[text] = Unit(text, group.get("unit", text), group["kind"], group.get("claim", True),
                               tuple(group.get("needs_before", ())))
    quals = _load("qualifiers.toml")
    aliases: dict[str, str] = {}
    for canonical, spec in _load("metrics.toml")["metrics"].items():
        for form in [canonical, *spec.get("aliases", [])]:
            aliases[_strip_quotes(form)] = canonical
    return Lexicon(
        units=units,
        qualifiers_before=_flip({k: v for k, v in quals["before"].items() if k != "not_before"}),
        qualifiers_inside=_flip(quals["inside"]),
        qualifiers_after=_flip(quals["after"]),
        not_before=tuple(quals["before"].get("not_before", [])),
        qualifiers_within=quals.get("within_clause", {}),
        grammar=_load("grammar.toml"),
        aliases=aliases,
    )


def load_lexicon(user_file: str | Path | None = None) -> Lexicon:
    """The bundled lexicon, with a user's TOML file merged over it when given."""
    lex = default_lexicon()
    return lex.merged(user_file) if user_file else lex
