"""Tests on the words around a figure that the phrase finder's walks ask (a mixin of
``phrases.PhraseFinder``): whether a verb modifies a noun (创新成果, 新成立|居民区党支部), names a kind
of it (租赁|林地), or a method of computing stands before a figure (按可比价格计算)."""
from __future__ import annotations

from .phrase_stream import Item


class PhraseChecks:
    """Needs the finder's word lists (glosses, shared_heads, kind_verbs, modifier_adverbs, actions,
    stops, linking) and its ``forward``, ``_nounish`` and ``_is_place``."""

    def _calculation_start(self, items: list[Item], j: int) -> int | None:
        """Where 按可比价格计算 (a method of computing, holding a gloss word) starts, if it ends at j."""
        for k in range(j, max(-1, j - 6), -1):
            if items[k].kind != "word":
                return None
            if items[k].text.startswith("按"):
                method = "".join(it.text for it in items[k:j + 1])
                return k if any(g in method for g in self.glosses) else None
        return None

    def _shares_head(self, items: list[Item], j: int, out: list[Item]) -> bool:
        """非公经济|和|社会组织党组织: the conjunct ends in a head the phrase so far lacks, so both share it."""
        if "".join(o.text for o in out).endswith(self.shared_heads):
            return False
        conjunct = "".join(o.text for o in self.forward(items, j))
        return conjunct.endswith(self.shared_heads)

    def _compound_end(self, items: list[Item], j: int) -> bool:
        """A verb, then one noun that ends the clause (租赁|林地，): the verb names a kind of the noun."""
        k = j + 1
        if items[j].text not in self.kind_verbs or k >= len(items) or items[k].kind != "word" \
                or not items[k].tag.startswith("n") or self._is_place(items[k]):
            return False
        return k + 1 == len(items) or items[k + 1].kind == "punct" or items[k + 1].text == "的"

    def _adverb_verb(self, items: list[Item], i: int, j: int) -> bool:
        """新成立|居民区党支部 after a figure: an adverb, its verb and a noun (no 的 between)."""
        if items[i].kind != "qty" or items[j].text not in self.modifier_adverbs or j + 2 >= len(items):
            return False
        verb, noun = items[j + 1], items[j + 2]
        return verb.kind == "word" and verb.tag.startswith("v") and noun.kind == "word" \
            and self._nounish(noun) and not self._is_place(noun)

    def _modifier_verb(self, items: list[Item], j: int, out: list[Item]) -> bool:
        """A verb inside a noun phrase (乡村振兴工作队, 创新成果): not an action, a noun follows."""
        it = items[j]
        if not it.tag.startswith("v") or it.text in self.actions or it.text in self.stops or it.text in self.linking:
            return False
        nxt = items[j + 1] if j + 1 < len(items) else None
        return nxt is not None and self._nounish(nxt)
