"""The unit a paragraph is about: which village, community or township holds its figures.

A unit that opens a sentence holds the paragraph's later sentences (华溪村地处…。…带动全村132户养蜂),
unless it was one example (其中…, a unit opening a later sentence that the next does not refer back
to); a word of the unit's level refers back to it (该村, 全村; 该镇), and a word of the whole (全县,
全镇 after a 社区) returns the figures to the region in force. Part of ``RegionResolver``
(``regions.py``), which decides the clause and sentence first.
"""
from __future__ import annotations

import bisect
import re

from .place_types import cue_rx
from .divisions import VILLAGE_SUFFIXES
from .places import CLAUSE_BREAKS, TOWNSHIP_SUFFIXES, Region  # 全镇, 该乡, 全街道
from .sections import Line, Sentence

FOCUS_WINDOW = 1500  # how far back a paragraph's unit still holds (keeps a figure's work bounded)
SPEAKER_WINDOW = 30  # how far after a quote the speaker's unit may be named
LEVEL_RANK = {"province": 0, "city": 1, "district": 2, "zone": 2, "township": 3, "village": 4}


class ParagraphPlace:
    """The paragraph's unit, for a RegionResolver (its document, places and cues)."""

    _address_rx: re.Pattern | None = None   # built on first use (the cue words are data)

    def paragraph_subject(self, sentence: Sentence) -> Region | None:
        """The place the closest earlier sentence of the paragraph opened with (华溪村地处…。
        …带动全村132户养蜂) holds on; one brought in by 其中 holds for its own sentence only, and so
        does a village or township opening a sentence after the first, unless the next sentence
        refers back to it (全村, 该社区).
        Memoised, so a paragraph of thousands of sentences costs one pass."""
        k = sentence.index
        todo = []
        while k not in self._carried:
            todo.append(k)
            prev = self.doc.sentences[k - 1] if k > 0 else None
            if prev is None or prev.line != self.doc.sentences[k].line:
                self._carried[k] = None
                todo.pop()
                break
            k -= 1
        for k in reversed(todo):
            prev = self.doc.sentences[k - 1]
            own = None if prev.text.lstrip().startswith(tuple(self.c["subject_openers"])) \
                and not self._sets_the_scene(prev) else self.sentence_subject(prev)
            if own is not None and own.place is not None and own.place.level in ("township", "village") \
                    and k - 1 > 0 and self.doc.sentences[k - 2].line == prev.line \
                    and not any(w in self.doc.sentences[k].text for w in self._anaphors_of(own)):
                own = None  # 秦都区陕广社区依托…。筑牢…: a unit opening a later sentence is an example
            self._carried[k] = own or self._carried[k - 1]
        return self._carried[sentence.index]

    def _sets_the_scene(self, sentence: Sentence) -> bool:
        """在河口县,一场跨境联合志愿服务活动成为亮点。: a paragraph's first sentence opening on 在, a county
        and a comma sets where the whole paragraph happens."""
        first = sentence.index == 0 or self.doc.sentences[sentence.index - 1].line != sentence.line
        text = sentence.text.lstrip()
        opener = next((w for w in self.c["locative_openers"] if text.startswith(w)), None)
        if not first or opener is None:
            return False
        at = sentence.start + len(sentence.text) - len(text) + len(opener)
        region, end = self.chain_at(at, sentence.end)
        return region is not None and region.place is not None and region.place.level == "district" \
            and self.doc.text[end:end + 1] in "，,"

    def _names_whole(self, lo: int, hi: int) -> bool:
        """A whole word (全县, 县委) between lo and hi that is not the end of a place's name (孙吴县委)."""
        return self._last_whole(lo, hi) is not None

    def _last_whole(self, lo: int, hi: int, own: tuple[str, ...] = ()) -> int | None:
        """Where the last whole word between lo and hi ends, if there is one (not one of `own`, the
        words of the unit's own level: 全乡 refers to a township in force, it does not leave it)."""
        text = self.doc.text
        last = None
        for w in self.c["whole_words"]:
            if w in own:
                continue
            at = text.find(w, lo, hi)
            while at >= 0:
                if not self.places.by_end.get(at + 1):  # 孙吴县|委: the 县 ends a name, 县委 is its office
                    last = max(last or 0, at + len(w))
                at = text.find(w, at + 1, hi)
        return last

    def _anaphors_of(self, unit: Region) -> list[str]:
        """The words that refer back to a unit of its level (该村, 全村 to a village; 该镇 to a township)."""
        village = unit.place is not None and unit.place.level == "village"
        if village and unit.name.endswith(tuple(self.c["subject_compound_suffixes"])):
            return self.c["anaphors_compound"]  # 该小区, 小区现有…: a compound's own words
        return self.c["anaphors_village"] if village else self.c["anaphors_township"]

    def _back_to_whole(self, sentence: Sentence, start: int, held: Region) -> bool:
        """凤岭社区党群服务中心迁入…。在全镇11个村建立了…: a whole word above the unit in force, before
        the figure in its sentence, returns the figure to the whole (全镇 after a 社区; not after a 镇)."""
        if held.place is None:
            return False
        left = self.doc.text[sentence.start:start]
        for word in self.c["whole_words"]:
            if word in left:
                level = "township" if word.endswith(TOWNSHIP_SUFFIXES) or word in self.c["township_organs"] \
                    else "district"  # (镇党委 is the township's, as 全镇 is)
                if LEVEL_RANK.get(held.place.level, 2) > LEVEL_RANK.get(level, 2):
                    return True
        return False

    def _speaker(self, sentence: Sentence, start: int, base: Region | None) -> Region | None:
        """“…我们村今年收入106万元…”保靖县吕洞山镇排捧村党支部书记龙长金说: a figure in the quote that
        opens a paragraph is the speaker's unit, named right after the quote with the speaker's post."""
        text = self.doc.text
        line = self.doc.lines[sentence.line]
        lead = line.start + len(line.text) - len(line.text.lstrip(" \u3000\t"))
        quote = text.find("“", lead, start)
        if quote < 0 or quote > lead and not self.dateline_rx.fullmatch(text[lead:quote]):
            return None  # (本报讯 (刘桐) “我们流转…: a dateline may stand before the quote)
        lead = quote
        close = text.find("”", start, line.end)
        if close < 0 or "”" in text[lead:start]:
            return None
        k = bisect.bisect_left(self.places.local_ends, close + 1)
        found = None
        while k < len(self.places.local_mentions) and self.places.local_mentions[k][0] < close + SPEAKER_WINDOW:
            m = self.places.local_mentions[k]
            found, k = m, k + 1
            if not (k < len(self.places.local_mentions) and self.places.local_mentions[k][0] == m[1]):
                break  # 吕洞山镇|排捧村: the chain's last unit
        if found is None or not any(w in text[found[1]:found[1] + 12] for w in self.c["speaker_posts"]):
            return None
        return self._unit_if_inside(found, start, base, "paragraph", since=start)

    def _focus(self, sentence: Sentence, start: int, base: Region | None) -> Region | None:
        """The village, community or township the paragraph is about (在七汲镇王村，…该村现有耕地4200亩),
        while the text stays on it: until a word returns it to the whole (全县, 该市) or a division is
        named. With no such unit in the paragraph, an anaphor (该村, 村里) takes the last one named
        in the paragraphs just before."""
        speaker = self._speaker(sentence, start, base) or self._person_s_unit(sentence, start, base)
        if speaker is not None:
            return speaker
        text = self.doc.text
        line = self.doc.lines[sentence.line]
        anaphors = (*self.c["anaphors_village"], *self.c["anaphors_township"])
        k = bisect.bisect_right(self.places.local_ends, start) - 1
        floor = max(line.start, start - FOCUS_WINDOW)  # a unit named further back no longer holds
        while k >= 0 and self.places.local_mentions[k][0] >= floor:
            m = self.places.local_mentions[k]
            if self._in_brackets(line, m[0], start) or self._is_neighbour(m) or self._is_address(m[1]):
                k -= 1  # 38个贫困村（2016年出列广顺镇花红村…）: an aside; 北与苏子沟镇相接: a neighbour
                continue
            in_sentence = m[0] >= sentence.start
            if in_sentence and text.endswith(tuple(self.c["partner_words"]), sentence.start, m[0]):
                k -= 1  # 该市…党组织与暨阳街道的15个社区结对: a partner of the subject, not the unit it is about
                continue
            if not in_sentence and self._is_affiliation(m[1]):
                k -= 1  # 板仓社区党员文芳…。这个200余平方米的课堂…: a person's unit holds only their sentence
                continue
            if not self._listed(m):  # 马当镇四联村等7个村, 城关镇李家台村、…赵湾镇华山村等: one of a list
                example = self._is_example(line.start, m[0])
                opens = self._opens_paragraph(line, m[0]) or self._headed_by(line, m[2])
                referred = any(w in text[max(m[1], sentence.start):start] for w in anaphors)
                if in_sentence or (not example and (opens or referred)):
                    if opens and not in_sentence:
                        subject = self._first_subject(line, m)
                        if subject is not m:  # …是我旗…的嘎查: what its own sentence says of it is no return
                            return self._unit_if_inside(subject, start, base, "paragraph", since=m[1])
                    return self._unit_if_inside(m, start, base, "paragraph")
                return None
            k -= 1
        before = text[max(line.start, start - FOCUS_WINDOW):start]
        if not self._refers_back(before, anaphors) and not self._demonstrative_at(line, start):
            return None
        while k >= 0 and self._is_address(self.places.local_mentions[k][1]):
            k -= 1  # 双柏村3组村民…: where a person lives is nothing an anaphor refers to
        if k >= 0 and self.places.local_mentions[k][0] >= self.doc.lines[max(0, sentence.line - 3)].start:
            return self._unit_if_inside(self.places.local_mentions[k], start, base, "anaphora")
        return None

    def _listed(self, m: tuple[int, int, str]) -> bool:
        """A unit, or a township with its village after it, that is one item of a list (、 either side, 等);
        not a township heading a list of its own villages (兴隆镇小椴村、陈天宇村: the township's)."""
        text = self.doc.text
        item = self.places.local_starts.get(m[1], m)  # 城关镇|李家台村、: the township's village ends the item
        if item is not m and text[item[1]:item[1] + 1] == "、":
            after = self.places.local_starts.get(item[1] + 1)
            name = after[2] if after else self.places.pattern_local_at(item[1] + 1, min(len(text), item[1] + 9), False)
            return not (name and name.endswith(VILLAGE_SUFFIXES))  # (、棕溪镇王院村: pairs of units)
        return text.startswith(tuple(self.c["list_markers"]), item[1]) or text[m[0] - 1:m[0]] == "、" \
            or self.places.closes_member_list(item[1])

    def _demonstrative_at(self, line: Line, start: int) -> bool:
        """这个贫困发生率曾高达94.5%的大石山村完成…: a demonstrative phrase of a village, opened before the
        figure in its clause (and closed after it, maybe), refers back to the village named before."""
        text = self.doc.text
        lo = max([line.start] + [text.rfind(ch, line.start, start) + 1 for ch in CLAUSE_BREAKS])
        ends = [k for k in (text.find(ch, start, line.end) for ch in CLAUSE_BREAKS) if k >= 0]
        return any(m.start() < start for m in self.demonstrative_rx.finditer(text, lo, min(ends, default=line.end)))

    def _refers_back(self, text: str, anaphors: tuple[str, ...]) -> bool:
        """An anaphor standing as a word of its own (村集体, not 农村集体经济's 村集体)."""
        inside = tuple(self.c["anaphor_not_after"])
        for w in anaphors:
            at = text.find(w)
            while at >= 0:
                if not (w.startswith("村") and text.endswith(inside, 0, at)):
                    return True
                at = text.find(w, at + 1)
        return False

    def _is_neighbour(self, m: tuple[int, int, str]) -> bool:
        """东与东大营子镇接壤, 西与南马峪村、益临店村相邻, 位于牧牛镇中心: a unit in a clause saying what
        borders the paragraph's unit, or where it lies."""
        text = self.doc.text
        lo = max(text.rfind(ch, 0, m[0]) for ch in CLAUSE_BREAKS)
        hi = min((k for k in (text.find(ch, m[1]) for ch in CLAUSE_BREAKS) if k >= 0), default=len(text))
        if text.endswith(tuple(self.c["location_verbs"]), lo + 1, m[0]):
            return True  # 牧牛河村位于|牧牛镇中心: where the unit lies
        return any(w in text[lo + 1:hi] for w in self.c["border_words"])

    def _is_affiliation(self, end: int) -> bool:
        """板仓社区|党员文芳: the unit a named person belongs to."""
        return self._affiliated_name(end) is not None

    def _affiliated_name(self, end: int) -> str | None:
        """The name of the person a unit ending at `end` is written before (久安村村民|马得臣), if any."""
        text = self.doc.text
        word = next((w for w in self.c["affiliation_words"] if text.startswith(w, end)), None)
        at = end + len(word) if word else -1
        if word is None or at >= len(text) or text[at] not in self.c["surnames"]:
            return None
        m = re.match(r"[\u4e00-\u9fff]{1,2}", text[at + 1:at + 3])
        return text[at:at + 1 + len(m.group())] if m else None

    def _official_name(self, end: int) -> str | None:
        """The name of the official a unit ending at `end` is written before with their post
        (丰泽社区党总支书记|陈雪娥), if any."""
        m = cue_rx(r"[\u4e00-\u9fff]{{0,4}}?(?:{})((?:{})[\u4e00-\u9fff]{{2}})", "speaker_posts", "surnames").match(
            self.doc.text, end)
        return m.group(1) if m else None

    def _person_s_unit(self, sentence: Sentence, start: int, base: Region | None) -> Region | None:
        """久安村村民马得臣深有体会…。(next paragraph) 马得臣是…种植大户，种植面积近百亩: a paragraph about a
        person named before with their unit holds that unit; so does one opening on an official named
        with their unit's post (丰泽社区党总支书记陈雪娥…。陈雪娥介绍，…机关党员有1265人)."""
        line = self.doc.lines[sentence.line]
        text = self.doc.text
        k = bisect.bisect_right(self.places.local_ends, line.start) - 1
        while k >= 0 and self.places.local_mentions[k][0] >= line.start - FOCUS_WINDOW:
            m = self.places.local_mentions[k]
            name = self._affiliated_name(m[1]) or self._official_name(m[1])
            if name and len(name) == 3 and text.startswith(name, line.start + len(line.text) - len(line.text.lstrip())):
                return self._unit_if_inside(m, start, base, "paragraph", since=line.start)
            k -= 1
        return None

    def _is_address(self, end: int) -> bool:
        """双柏村|3组村民彭德权…: a village and its group before a resident is where a person lives."""
        if self._address_rx is None:
            residents = "|".join(map(re.escape, self.c["resident_words"]))
            groups = "|".join(map(re.escape, self.c["address_groups"]))
            self._address_rx = re.compile(rf"[\d一二三四五六七八九十]{{1,3}}(?:{groups})(?:{residents})")
        return bool(self._address_rx.match(self.doc.text, end))

    def _in_brackets(self, line: Line, pos: int, stop: int) -> bool:
        """The mention at `pos` stands inside brackets that close before `stop`."""
        text = self.doc.text
        opened = max(text.rfind("（", line.start, pos), text.rfind("(", line.start, pos))
        if opened < 0 or any(ch in "）)" for ch in text[opened:pos]):
            return False
        return any(ch in "）)" for ch in text[pos:stop])

    def _is_example(self, floor: int, pos: int) -> bool:
        """其中七汲镇王村…, 如王村…: the unit is named as one example (the marker may stand
        before the township or county the unit is written under)."""
        window = self.doc.text[max(floor, pos - 12):pos]
        for w in self.c["example_markers"]:
            at = window.rfind(w)
            if at >= 0 and not any(ch in CLAUSE_BREAKS + "、" for ch in window[at:]):
                return True
        return False

    def _first_of(self, line: Line) -> Sentence | None:
        """The paragraph's first sentence (all lines' found in one pass, on first use)."""
        if not self._first_sentence:
            for sent in reversed(self.doc.sentences):
                self._first_sentence[sent.line] = sent
        return self._first_sentence.get(line.index)

    def _opens_paragraph(self, line: Line, pos: int) -> bool:
        """The unit is named in the paragraph's first sentence (驱车…来到…巴吉村。)."""
        first = self._first_of(line)
        if first is not None and self._states_point(first) and first.index + 1 < len(self.doc.sentences):
            after = self.doc.sentences[first.index + 1]  # 一是完善志愿服务机制。成立…社区商居联合会…
            return after.line == line.index and pos < after.end
        return first is not None and pos < first.end

    def _headed_by(self, line: Line, name: str) -> bool:
        """(一)增城区荔城街锦绣社区。锦绣社区成立于…: a paragraph whose short first sentence names the
        unit is about it, wherever the paragraph names it again."""
        first = self._first_of(line)
        return first is not None and len(first.text.strip()) <= self.c["point_max_chars"] and name in first.text

    def _states_point(self, sentence: Sentence) -> bool:
        """一是完善志愿服务机制。, 资源不同,思路一致。: a short first sentence that states the paragraph's
        point (an enumerator, or no place and no figure), so the next sentence opens the paragraph."""
        text = sentence.text.strip()
        if len(text) > self.c["point_max_chars"]:
            return False
        return text.startswith(tuple(self.c["point_openers"])) or not any(ch.isdigit() for ch in text) \
            and not self._names_any(sentence.start, sentence.end)

    def _names_any(self, start: int, end: int) -> bool:
        lo = bisect.bisect_left(self.places.mention_starts, start)
        return lo < len(self.places.mentions) and self.places.mentions[lo][0] < end \
            or any(start <= m[0] < end for m in self.places.local_mentions)

    @staticmethod
    def _elsewhere(unit, base) -> bool:
        """厲莊鎮 in a report whose lead set it in 海头镇海脐村: a township that is not the village's
        own is another place, which its paragraph is about (its own township is the village's whole)."""
        return base.level == "village" and unit.level == "township" and bool(unit.adcode and base.adcode) \
            and not base.adcode.startswith(unit.adcode)

    def _first_subject(self, line: Line, m: tuple[int, int, str]) -> tuple[int, int, str]:
        """巴音塔拉嘎查是…搬迁至乌盖苏木移民村新组建的嘎查。总人口264户…: the unit the paragraph's
        first sentence opens with, not one named later in it, holds for the sentences after."""
        first = self._first_of(line)
        if first is None:
            return m
        opener = self.opener_rx.match(first.text)
        subject = self.places.local_starts.get(first.start + (opener.end() if opener else 0))
        return subject if subject is not None and subject[0] < m[0] else m

    def _unit_if_inside(self, m: tuple[int, int, str], start: int, base: Region | None,
                        why: str, since: int | None = None) -> Region | None:
        village = m[2].endswith(tuple(self.c["village_suffixes"]))
        own = () if village else (*self.c["anaphors_township"], *self.c["township_organs"])
        whole = self._last_whole(since or m[1], start, own)
        if whole is not None:
            back = self.c["returning_village" if village else "returning_township"]
            if not self._refers_back(self.doc.text[whole:start], tuple(back)):
                return None  # the text has returned to the whole (but 全市…启动以来，村里…: back on the unit)
        lo = bisect.bisect_left(self.places.mention_starts, since or m[1])
        while lo < len(self.places.mentions) and self.places.mentions[lo][0] < start:
            if not self._is_organ(self.places.mentions[lo][1]) and not self._is_neighbour(self.places.mentions[lo]):
                return None  # a division named since (but 该村利用孙吴县委组织部注入的…: an office, not a place)
            lo += 1
        region = self.places.local_region(m[2], base.place if base else None)
        if base is not None and base.place is not None and region.place is not None and \
                LEVEL_RANK.get(region.place.level, 2) <= LEVEL_RANK.get(base.place.level, 2) \
                and not self._elsewhere(region.place, base.place):
            return None  # not a unit inside the region in force
        return region.because(why, m[0], m[1])
