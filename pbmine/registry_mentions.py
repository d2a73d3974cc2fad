"""Which registry names the text holds are mentions of places (a mixin of ``places.PlaceMentions``).

The registry lists 620,000 villages and communities, many named like words (中心村, 新建社区) or
like each other. A name found in the text is a mention unless it is a kind of unit on its own
(中心村党委), a verb on residents or a count (组织|村民, 新建|社区337个), or part of a quoted term
(“黑三星村”); a village the report names with its 村 is also its stem alone (大米庄); an ambiguous
county (和平区) is the reading whose villages the report names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .divisions import VILLAGE_SUFFIXES, find_locals
from .phrase_stream import CLOSE_QUOTES, OPEN_QUOTES
from .place_types import Mention
from .segment import get_segmenter

NUMBER_START = re.compile(r"[0-9０-９]|[一二两三四五六七八九十百千]+[个家所处]")  # 337个, 三个
MAX_READINGS = 6  # an ambiguous county name is settled by its villages only among this many readings


class RegistryMentions:
    """Filters on registry names found in a document (needs ``doc``, ``c``, ``gaz``, ``registry``,
    ``mentions``, ``resolved``, ``local_names``, ``resolve`` and ``starts_word``)."""

    def _settle_by_locals(self) -> None:
        """和平区 (天津 or 沈阳) in a report on 南市街: an ambiguous county is the reading whose
        registry lists townships or villages the report names, where only one reading does."""
        for surface in {m[2] for m in self.mentions}:
            place = self.resolve(surface)
            if place is None or place.adcode or place.level != "district":
                continue
            readings = [c for c in self.gaz.candidates(surface) if c.level == "district" and c.adcode]
            if not 1 < len(readings) <= MAX_READINGS:
                continue
            named = [c for c in readings if any(
                e - b >= 3 for b, e, _ in find_locals(self.doc.text, self.registry.locals_under({c.adcode[:6]}),
                                                      self.starts_word))]
            if len(named) == 1:
                self.resolved[surface] = named[0]

    def _is_stem(self, surface: str) -> bool:
        """A short form (吉安, 晋州), not the division's own name (晋州市)."""
        place = self.resolve(surface)
        return place is None or place.name != surface

    def _not_generic(self, found: list[Mention]) -> list[Mention]:
        """A registry name that is also a common word (中心村, 联村, 示范村) is a place only written
        right after its township (城峰镇中心村); on its own it is the word (中心村党委)."""
        generic = self.c["local_not_names"]
        level_word = tuple(self.c["registry_not_followed_by"])  # 新建|村级: 新建村 is not named
        committee = tuple(self.c["short_registry_not_followed_by"])  # 老|村委会主任: 老村 is not named
        text = self.doc.text
        stems = {f[2][:-len(x)] for f in found for x in VILLAGE_SUFFIXES
                 if f[2].endswith(x) and len(f[2]) - len(x) >= 2}  # 奇榜村 -> 奇榜
        return [m for k, m in enumerate(found) if (m[2] not in generic or (k > 0 and self._in_town(found[k - 1], m)))
                and not text.startswith(level_word, m[1]) and not self._verb_on_residents(m)
                and not (m[1] - m[0] == 2 and text.startswith(committee, m[1]))
                and not self._verb_on_count(m) and not any(text.endswith(st, 0, m[0]) for st in stems)
                and not self.in_pair_word(m[1])]
        # (奇榜|新村: after the stem of a village the text names, a registry 新村 is a part of that village)

    def _not_township_stems(self, found: list[Mention]) -> list[Mention]:
        """良村镇…。良村属革命老区: a village of a township the text names, whose name is the township's
        without its 镇 or 乡, is that township's short name (as 良村 for 良村镇), not the village."""
        towns = {m[2]: [e for e in self.local_names.get(m[2]) or () if e.level == "township"] for m in found}
        out = []
        for m in found:
            own = [t for x in self.c["township_stem_suffixes"] for t in towns.get(m[2] + x, ())]
            villages = [e for e in self.local_names.get(m[2]) or () if e.level == "village"]
            if own and villages and all(any(v.code.startswith(t.code) for t in own) for v in villages):
                continue
            out.append(m)
        return out

    def in_pair_word(self, end: int) -> bool:
        """联系苏木乡|镇: the name's last character opens a pair word (乡镇), so the name is not one."""
        return self.doc.text.startswith(tuple(self.c["registry_pair_words"]), end - 1)

    def _not_quoted_terms(self, found: list[Mention]) -> list[Mention]:
        """“黑三星村”缘何变成示范村: a registry name inside a short quoted term it does not fill is part
        of the term (a nickname, a brand), not a mention of the place."""
        text = self.doc.text
        out = []
        for m in found:
            a, b = m[0], m[1]
            lo = max(text.rfind(q, max(0, a - 6), a) for q in OPEN_QUOTES)
            hi = min((k for k in (text.find(q, b, b + 6) for q in CLOSE_QUOTES) if k >= 0), default=-1)
            term = text[lo + 1:hi] if lo >= 0 and hi >= 0 else ""
            if term and term != m[2] and not any(ch in term for ch in "，,。；;、" + OPEN_QUOTES):
                continue
            out.append(m)
        return out

    def _with_village_stems(self, found: list[Mention]) -> list[Mention]:
        """大米庄村党支部… 大米庄是大钟庄镇所辖的…村: a registry village the report names with its 村 is
        also written without it; its stem (three characters, or two ending as a settlement does:
        张庄, 李屯) starting a word and followed by no suffix is the village too (`village_stems`
        maps it to the registry's name)."""
        text = self.doc.text
        ends = tuple(self.c["settlement_ends"])
        stems = {m[2][:-1]: m[2] for m in found if m[2].endswith("村") and
                 (len(m[2]) >= 4 or len(m[2]) == 3 and m[2][1] in ends)}
        self.village_stems = stems
        if not stems:
            return found
        names = {m[2] for m in (*found, *self.mentions)}
        taken = [(m[0], m[1]) for m in (*found, *self.mentions)]
        more = []
        for stem, name in stems.items():
            if any(n != name and n.startswith(stem) for n in names):
                continue  # 北庄镇 and 北庄村: 北庄 alone may be either
            for k in (m.start() for m in re.finditer(re.escape(stem), text)):
                end = k + len(stem)
                if text.startswith(tuple(self.c["local_suffixes"]), end) or text[end:end + 1] in self.c["stem_not_followed_by"] \
                        or any(a < end and k < b for a, b in taken) or not self.starts_word(k) \
                        or "、" in (text[k - 1:k], text[end:end + 1]) or NUMBER_START.match(text, end) \
                        or text[k - 1:k] == "“" and text[end:end + 1] != "”":
                    continue  # (柏桥、丁湾、明湾三个贫困村: members of a list; “泉岗辉白”: a brand)
                more.append((k, end, stem))
        return sorted(found + more) if more else found

    def _in_town(self, town: Mention, village: Mention) -> bool:
        """城峰镇|中心村: the village is written right after a township it lies in (not 增期乡|联村党委,
        a 联村 of another county)."""
        if town[1] != village[0]:
            return False
        codes = [t.code for t in self.local_names.get(town[2])]
        return any(v.code.startswith(c) for v in self.local_names.get(village[2]) for c in codes)

    def _verb_on_residents(self, m: Mention) -> bool:
        """组织|村民筑堤, 带领|村民: a verb before 村民 is no village named 组织村 (but 团结村民委员会 is);
        建设|村(社区)党群服务中心: nor before the generic 村(社区), villages and communities."""
        text, name = self.doc.text, m[2]
        glosses = tuple(self.c["generic_village_glosses"])
        glossed = next((g for g in glosses if name.endswith("村" + g)), "")  # 建设村(社区) read as one name
        if glossed:
            name = name[: -len(glossed)]
        elif not name.endswith("村"):
            return False
        else:
            residents = text.startswith("民", m[1]) and not text.startswith(tuple(self.c["committee_words"]), m[1] + 1)
            if not residents and not text.startswith(glosses, m[1]):
                return False
        return all(t.tag.startswith("v") for t in get_segmenter().tokens(name[:-1]))

    def _verb_on_count(self, m: Mention) -> bool:
        """新建|社区337个, 联建|村3个: a registry name whose stem is a verb that introduces a count,
        followed by a number, is that verb and the counted units, not a community named 新建社区."""
        stem = next((m[2][: -len(s)] for s in VILLAGE_SUFFIXES if m[2].endswith(s)), None)
        return stem in count_verbs() and NUMBER_START.match(self.doc.text, m[1]) is not None


@lru_cache(maxsize=1)
def count_verbs() -> frozenset[str]:
    """The verbs that introduce what is counted (grammar.toml's actions: 新建, 联建, 评定)."""
    from .lexicon import default_lexicon
    return frozenset(default_lexicon().grammar["metric"]["actions"])
