"""Where a text names a township or a county: each suffix (镇, 乡, 街道; 县, 市, 区, 旗) and the name before it.

A name's end is its suffix; its start is the hard part, since prose runs straight into it
(结合荷城街道实际, 不断规范街道办事处). The national table gives the start when it knows the place;
otherwise words before the name that a segmenter tags as verbs, adverbs, prepositions and the like
are cut off, and a stem that still holds such words is prose, not a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterator

from kg.text.divisions import divisions
from kg.text.places import TOWN_SUFFIX_PATTERN, TOWN_SUFFIXES
from kg.text.segment import pos_tags
from kg.text.segment import default_words

_CJK = re.compile(r"[\u4e00-\u9fff]")
_TOWN_SUFFIX_RE = re.compile(TOWN_SUFFIX_PATTERN)
_COUNTY_SUFFIX_RE = re.compile(r"自治县|自治旗|县|市|区|旗")
# A suffix followed by one of these is part of a common word (乡村, 镇村, 县城, 市场, 区域), not a name's end.
# A county suffix right before a township's (新市镇, 城区街道) is inside the township's name.
_NOT_END = {
    "乡": "村镇贤土情愁音里亲下长", "镇": "村街域区长", "街道": "", "苏木": "",
    "县": "域级乡镇长", "市": "场民容貌值级区县长镇乡街", "区": "域划间别块县长镇乡街", "旗": "帜舰号手",
    "自治县": "", "自治旗": "",
}
# A suffix after one of these is the end of a common word (下乡, 城乡, 家乡, 乡镇, 村镇, 社区, 辖区, 景区), not
# of a name the table does not know.
# 城市 (文明城市, 智慧城市) too: a county-level city of that ending is one the table knows.
# 撤县, 设市, 设区 (撤县设市, 设区的市): abolishing a county or setting up a city or a district, not a name.
_NOT_AFTER = {"乡": "下城家老返同故他异还回思梦", "镇": "乡村", "区": "社小园景辖片山库街矿牧设", "市": "城设", "县": "撤"}
# Characters never inside a name that the table does not know: function words, and the words of rank and body.
_STOPS = set("的地得在与及和了对将把被由从向为是等各全我本该其之以于到赴往至经年度委府省县区市旗乡镇党政办处")
# 和 joins two names (县委和白露镇) but is also inside names (南高和乡, 和坪街道): a stop only when a name of
# two characters or more follows it.
_SOFT_STOPS = set("和")
# Segmenter tags of words that stand before a name in prose (结合, 深入, 根据) or inside prose.
_LEADING_TAGS = ("v", "vn", "vd", "d", "ad", "p", "c", "u", "r", "i", "l", "y", "e", "o", "z", "zg", "t")
_PROSE_TAGS = ("d", "ad", "p", "c", "u", "i", "l", "y", "e")
# A name does not end in a verb, numeral, measure or direction word (纳入镇, 依法治县, 三县, 一区).
_NOT_LAST_TAGS = ("v", "m", "q", "b", "f")
_PLACE_TAGS = ("nr", "ns", "nz")
# Locative words that close a frame opened by 在 (在…的环境下, 在…过程中): a noun before one is the frame's, not a name.
_LOCATIVES = set("下中上里内外")
# Areas set up for development (a state-level new area, a development zone) are no county-level division: one the
# table does not know as a district (浦东新区 it does) is not a report's county.
_ZONE_ENDS = ("新区", "开发区", "示范区", "试验区")
_ROAD_WORDS = ("路", "街", "巷", "桥")
_PREFIXES = ("中国共产党", "中共")
_MAX_STEM = 8
# An autonomous county or banner writes its peoples between its name and its suffix (酉岭土家族苗族自治县): the
# peoples, words of the segmenter ending in 族, lengthen the run before the suffix but are no prose of it.
_AUTONOMOUS = ("自治县", "自治旗")
_MAX_PEOPLES = 10  # characters the peoples of an autonomous county may add to its run (拉祜族佤族布朗族傣族)


@dataclass(frozen=True)
class PlaceName:
    """A name found in the text: its span in the normal form, the name with its suffix, and table confirmation."""

    start: int
    end: int
    name: str
    suffix: str
    confirmed: bool  # the national table knows a place of this name and level
    bounded: bool = True  # the name starts where the prose around it breaks (punctuation, 县, 中共, a line)
    common_word: bool = False  # the stem is one ordinary word (充分发挥, 清高): a name only on a line of its own


def run_before(norm: str, pos: int, floor: int, longest: int = _MAX_STEM) -> int:
    """Start of the run of CJK characters that ends at pos, at most `longest` long."""
    start = pos
    while start > max(floor, pos - longest) and _CJK.match(norm[start - 1]):
        start -= 1
    return start


def _tag(word: str) -> str:
    return pos_tags().get(word) or ""


_NUMERALS = set("0123456789〇零○一二三四五六七八九十百千")


def _cut(run: str, town: bool = False, after_number: bool = False) -> int:
    """Where a name can start in the run: after its last stop character or prefix.

    `town`: the run stands before a township's suffix; `after_number`: a figure stands right before the run."""
    cut = 0
    for i, ch in enumerate(run):
        # A county's suffix right before the township's, after a character of the name, is in its name (东市镇).
        inside = town and i == len(run) - 1 and ch in "县市区" and i > 0 and run[i - 1] not in _STOPS
        if ch in _STOPS and (ch not in _SOFT_STOPS or len(run) - i - 1 >= 2) and not inside:
            cut = i + 1
    # A stop character may open a word that runs on past it (全会, 会和市 in 全会和市委): a name starts at a word's
    # start, so the cut moves to the end of that word. Not after a figure, whose unit closes it (2021年|青禾县).
    unit = after_number if cut == 1 else run[cut - 2] in _NUMERALS if cut > 1 else False
    if 0 < cut < len(run) and not unit:
        at = 0
        for word in default_words(run):
            if at < cut < at + len(word):
                cut = at + len(word)
                break
            at += len(word)
    for prefix in _PREFIXES:
        at = run.rfind(prefix, cut)
        if at >= 0:
            cut = at + len(prefix)
    return cut


def words_before(run: str, town: bool = False, road: bool = False, after_number: bool = False,
                 peoples: bool = False) -> tuple[list[str], bool]:
    """The words of the name-like end of the prose before a suffix, and whether none had to be cut as prose.

    `road`: the suffix is a street office's (街道), whose name may be a road's. `peoples`: an autonomous county's
    (自治县), whose peoples at the run's end are set aside while the prose before its name is cut."""
    run = run[_cut(run, town, after_number):]
    if not run:
        return [], True

    words = list(default_words(run))
    kept = len(words)
    while peoples and kept > 1 and len(words[kept - 1]) > 1 and words[kept - 1].endswith("族"):
        kept -= 1
    words, named_peoples = words[:kept], words[kept:]
    bounded = True
    # An unknown name falls apart into single characters (望|澜, 青|东|顺) whose tags mean nothing, so only
    # words of two or more characters are cut as prose; one-character function words are stops already.
    while len(words) > 1 and (len("".join(words)) > 6 or len(words[0]) > 1 and _leads(words)):
        # A street office is often named after its road (丰收路街道, 解放路街道): a word before the road's
        # character is the road's name, not prose, when it starts the run.
        if road and len(words) == 2 and words[1] in _ROAD_WORDS and bounded:
            break
        # A preposition (按照, 根据) opens the noun phrase that follows it, and a time word (近期, 今年) ends
        # where the sentence's subject starts: the name still starts at a boundary.
        if _tag(words.pop(0)) not in ("p", "t"):
            bounded = False
    # So does a verb or a set phrase of verbs (认真落实, 贯彻) before what the dictionary cannot cut (瓯|南) or
    # knows as a place (赣北): the name is its object, and starts where the verb ends.
    if not bounded and _object_of_verb(run, words):
        bounded = True
    # A verb of two characters or more inside the run, after a word of two (街道|聘请|鹭|浦), ends the prose: the name
    # is its object and starts after it, when two characters at least are left for it.
    words = _after_last(words, lambda at: at > 0 and len(words[at]) > 1 and len(words[at - 1]) > 1
                        and _tag(words[at]) == "v")
    return words + named_peoples, bounded


def _leads(words: list[str]) -> bool:
    """Whether the first word stands before a name in prose: a verb, adverb, preposition and the like, or a word of
    kind (主动, 定期: tagged b) that qualifies such a word after it (主动融入)."""
    tag = _tag(words[0])
    return tag.startswith(_LEADING_TAGS) or tag == "b" and len(words) > 2 and len(words[1]) > 1 \
        and _tag(words[1]).startswith(_LEADING_TAGS)


def _object_of_verb(run: str, words: list[str]) -> bool:
    """Whether `words`, the end of `run`, follow a cut verb word and are a name's stem: unknown characters or a place."""
    stem = "".join(words)
    cut = run[: len(run) - len(stem)]
    before = list(default_words(cut)) if cut else []
    return (bool(before) and len(before[-1]) > 1 and _tag(before[-1]).startswith(("v", "z"))
            and 2 <= len(stem) <= 3 and (all(len(w) == 1 for w in words) or len(words) == 1 and _tag(stem) in _PLACE_TAGS))


def _after_county_word(words: list[str], suffix: str, known) -> list[str]:
    """The words after the last one that, with the suffix, is a county the table knows, when two characters or more
    follow it: a county's name does not hold another county's, so that word is the sentence's."""
    return _after_last(words, lambda at: len(words[at]) > 1 and known(words[at] + suffix))


def _after_last(words: list[str], ends_prose) -> list[str]:
    """The words after the last one at which `ends_prose(index)` holds, when two characters or more follow it (a
    name's least stem); all the words when there is none."""
    for at in range(len(words) - 2, -1, -1):
        if ends_prose(at) and len("".join(words[at + 1:])) >= 2:
            return words[at + 1:]
    return words


def _framed(norm: str, pos: int, words: list[str]) -> bool:
    """Whether the words before pos end in a noun and a locative word that close a frame 在 opened earlier in the clause
    (在制度完善的环境下街道…, 在新形势下镇…): the frame's noun, not a name. The dictionary may hold the noun and the
    locative as one word (新形势下), so the noun is read off the characters before the locative."""
    stem = "".join(words)
    if len(stem) < 3 or stem[-1] not in _LOCATIVES:
        return False
    noun = default_words(stem[:-1])[-1]
    if len(noun) < 2 or _tag(noun) in ("", *_PLACE_TAGS):
        return False
    start = max(norm.rfind(mark, max(0, pos - _FRAME), pos) for mark in "，,。；;：:\n")
    return "在" in norm[max(start + 1, pos - _FRAME): pos]


_FRAME = 30  # characters before a locative word searched for the 在 that opens its frame


def segmented_stem(words: list[str]) -> str | None:
    """The name's stem, or None when the words are prose (an adverb inside, a verb or measure word at the end)."""
    if not words:
        return None
    # A name the dictionary does not know falls apart into single characters (白|露): their tags say nothing.
    if all(len(word) == 1 for word in words):
        return "".join(words)
    # One word the segmenter calls an adverb or conjunction may still be a name (永新, 长安): left to the
    # caller, who counts it only on a line of its own kind. Such a word among others is prose.
    if len(words) > 1 and any(_tag(word).startswith(_PROSE_TAGS) for word in words):
        return None
    # 依法治县, 依法治区: the rule-of-law formula, not a place.
    if words[-1] == "治":
        return None
    # A one-character last word is likely part of an unknown name (桃溪|安); a longer one is a word. One
    # direction word alone may be a name (北岸区): as one ordinary word it counts only on a line of its own
    # kind (PlaceName.common_word).
    last = _tag(words[-1]) if len(words[-1]) > 1 else ""
    if last.startswith(_NOT_LAST_TAGS) and not (last == "f" and len(words) == 1) or last == "z":
        return None
    return "".join(words)


def _place_word_before(run: str, suffix: str) -> bool:
    """Whether the end of a common word before the suffix (城 of 城乡) closes a place's name instead (丰城乡, 岑城乡):
    the name-like end of the run is two characters, standing alone after a boundary, that the dictionary knows
    as a place (丰城) or not at all (岑城); prose runs longer into it (统筹城乡, 缩小城乡差距)."""
    if suffix not in TOWN_SUFFIXES:
        return False  # 片区, 社区, 景区: a district's suffix closes words far more often than names
    tail = run[_cut(run, True):]
    return len(tail) == 2 and tail[0] not in _SOFT_STOPS and (_tag(tail) in _PLACE_TAGS or not _tag(tail))


def _rank_opens(norm: str, stem_start: int) -> bool:
    """Whether a one-character stem starting at stem_start follows a rank character (县, 市, 区, 乡, 镇) that opens a
    name (县前街道, 市中街道, 镇溪镇, 乡溪镇): nothing of a name stands before the rank, only a boundary or a function
    word (在, 的); after a name it is that county's suffix (桐溪市沙镇)."""
    at = stem_start - 1
    if at < 0 or norm[at] not in "县市区乡镇":
        return False
    return at == 0 or not _CJK.match(norm[at - 1]) or norm[at - 1] in _STOPS


def _single_stem(norm: str, match: re.Match, stem: str) -> bool:
    """Whether a one-character stem the table does not know is a name (沙镇, 渠县) rather than a common word
    (集镇, 城镇, 林区, 辖区): it stands after a boundary or a county's suffix (桐溪市沙镇), and with its suffix
    it is no word of the dictionary; a county (渠县) may be one the dictionary files as a place."""
    before = norm[match.start() - 2: match.start() - 1]
    if before and _CJK.match(before) and before not in "县市区旗" and not norm.startswith("中共", match.start() - 3):
        return False
    tag = _tag(stem + match.group())
    return not tag or match.group() in COUNTY_SUFFIXES and tag in _PLACE_TAGS


def _confirmed(run: str, suffix: str, known, min_stem: int) -> str | None:
    """The longest tail of run that, with the suffix, is a name the table knows."""
    for size in range(len(run), min_stem - 1, -1):
        name = run[len(run) - size:] + suffix
        if known(name):
            return name
    return None


_MAX_PREFECTURE = 8  # characters of a prefecture's name with its 市, 州 or 盟


def _after_prefecture(norm: str, pos: int) -> bool:
    """Whether the text just before pos is the full name of a prefecture the table knows (阳泉市 before 郊区)."""
    if norm[pos - 1: pos] not in ("市", "州", "盟"):
        return False
    table = divisions()
    return any(table.is_above_county(norm[pos - size: pos]) for size in range(3, min(_MAX_PREFECTURE, pos) + 1))


def _extended(words: list[str], stem: str) -> str | None:
    """溪龙坝 for the table's 龙坝, 银杏大街 for its 大街, 新江桥 for its 江桥: characters before a known stem
    belong to the name when the words they make are unknown single characters, place-like names, or a
    word that runs on into the stem; an ordinary word there (利用北坡镇) is the sentence's."""
    joined = "".join(words)
    # 原 alone before a known name is "former" (原白沙乡), not part of it.
    if not joined.endswith(stem) or len(joined) == len(stem) or joined[: len(joined) - len(stem)] == "原":
        return None
    head_end, pos = len(joined) - len(stem), 0
    for word in words:
        if pos + len(word) <= head_end and len(word) > 1 and _tag(word) not in _PLACE_TAGS:
            return None
        pos += len(word)
    return joined


def _names(norm: str, start: int, end: int, suffix_re, known, min_stem: int,
           word_stems: bool = False) -> Iterator[PlaceName]:
    """`word_stems`: a known name whose stem is a common verb or adverb is not taken on the table's word."""
    for match in suffix_re.finditer(norm, start, end):
        suffix = match.group()
        following = norm[match.end(): match.end() + 1]
        if following and following in _NOT_END.get(suffix, "") and not (suffix == "县" and norm.startswith("乡镇", match.end())):
            continue
        # 县城 is the county seat: a name before it is the county's own (柘阳县城南片区), prose is not (推进县城建设).
        # So are 县乡镇, the county's townships (某某县乡镇专栏), against 县乡 of 县乡两级.
        seat = suffix == "县" and (following == "城" or norm.startswith("乡镇", match.end()))
        autonomous = suffix in _AUTONOMOUS
        run_start = run_before(norm, match.start(), start, _MAX_STEM + _MAX_PEOPLES if autonomous else _MAX_STEM)
        run = norm[run_start: match.start()]
        if not run:
            continue
        after_number = norm[run_start - 1: run_start] in _NUMERALS if run_start else False
        words, bounded = words_before(run, suffix in TOWN_SUFFIXES, suffix == "街道", after_number, autonomous)
        name = _confirmed(run, suffix, known, min_stem)
        confirmed, least = name is not None, min_stem
        if confirmed:
            stem = name[: -len(suffix)]
            # 联合乡 in 联合乡派出所 (joined with the township's police station): among 40,000 township
            # names some are common verbs, which are words of the sentence first (not so for counties: 奉节).
            confirmed = not (word_stems and _tag(stem).startswith(("v", "d", "a", "p", "c")))
            longer = _extended(words, stem) if bounded else None
            if longer is not None:
                name, confirmed = longer + suffix, False
            # 和县 in 市和县, 全县 in 全县: a one-character stem stands only after a boundary, or right after the
            # prefecture it lies in (阳泉市郊区, 某市城区: districts named by one character and 区). Elsewhere the
            # table's one-character name (铺镇) may be the end of a longer one it does not know (观澜铺镇), read below
            # as any unknown name is, with two characters at least.
            elif len(stem) == 1 and _CJK.match(norm[match.start() - 2: match.start() - 1] or " ") \
                    and not norm.startswith("中共", match.start() - 3) and not _after_prefecture(norm, match.start() - 1):
                name, confirmed, least = None, False, 2
            if name is not None:
                bounded = True
        if name is None:
            if run[-1] in _NOT_AFTER.get(suffix, "") and not _place_word_before(run, suffix):
                continue
            # A county's name does not hold another county's: a first word that is one with this suffix (会同 of 会同县)
            # before two characters more is a word of the sentence (会同枫林县司法局: a verb, together with).
            if suffix not in TOWN_SUFFIXES:
                words = _after_county_word(words, suffix, known)
            stem = segmented_stem(words)
            if stem is not None and _framed(norm, match.start(), words):
                continue
            if stem is not None and len(stem) == 1 and suffix in TOWN_SUFFIXES and _rank_opens(norm, match.start() - 1):
                stem = norm[match.start() - 2] + stem  # 县前街道, 市中街道: the rank character opens the name
            if stem is None or len(stem) < least or len(stem) == 1 and not _single_stem(norm, match, stem):
                continue
            # 原 closing a run of words before the rank is "the former" town or township (清理原镇政府签订的合同); a count
            # after it is of townships (原两乡合并).
            if len(words) > 1 and words[-1] == "原" and len(words[-2]) > 1 \
                    or stem[0] == "原" and all(ch in _NUMERALS or ch == "两" for ch in stem[1:]):
                continue
            # 原 opening a name the table does not know is "former" (原石湾乡并入我镇, 街道（原鹿岗镇）): the name follows it.
            if len(stem) >= 3 and stem[0] == "原":
                stem = stem[1:]
            name = stem + suffix
            if _tag(stem).startswith(_PROSE_TAGS):
                bounded = False
        common = not confirmed and len(words) == 1 and len(words[0]) > 1 and _tag(words[0]) not in ("", *_PLACE_TAGS)
        if seat and not confirmed and (not bounded or common or len(name) - len(suffix) < 2):
            continue
        # 旗 before 乡 or 镇 is inside a township's name (红旗乡, 红旗镇), unless the table knows the banner or 乡镇 follows
        # (某某旗乡镇, the banner's townships).
        if suffix == "旗" and following in ("乡", "镇") and not confirmed and not norm.startswith("乡镇", match.end()):
            continue
        # 县直 (县直部门, 县直单位) is the report's own county by its rank, as 县委 is: a word of the dictionary before it
        # that is no place (会同, together with) is the sentence's, even where the table knows it with 县 (会同县).
        if suffix == "县" and following == "直" and not norm.startswith("直属", match.end()) \
                and _tag(name[: -len(suffix)]) not in ("", *_PLACE_TAGS):
            continue
        yield PlaceName(match.end() - len(name), match.end(), name, suffix, confirmed, bounded, common)


def township_names(norm: str, start: int = 0, end: int | None = None) -> Iterator[PlaceName]:
    """Every township, town or street office named in norm[start:end]; a stem of one character only as _single_stem allows."""
    table = divisions()
    yield from _names(norm, start, len(norm) if end is None else end, _TOWN_SUFFIX_RE, table.is_township, 1, True)


def county_names(norm: str, start: int = 0, end: int | None = None) -> Iterator[PlaceName]:
    """Every county-level unit named in norm[start:end], prefecture cities left out (清远市 but not 英德市).

    One-character stems (渠县, 滑县) are kept; the caller weighs them by where they stand.
    """
    table = divisions()
    before = None
    for place in _names(norm, start, len(norm) if end is None else end, _COUNTY_SUFFIX_RE, table.is_county, 1):
        # A name run straight into another (澜州市北岸区) is the city above it, known to the table or not.
        if before is not None and before.end != place.start:
            yield before
        before = None if table.is_above_county(place.name) else place
        if before is not None and not place.confirmed and place.name.endswith(_ZONE_ENDS):
            before = None
    if before is not None:
        yield before


COUNTY_SUFFIXES = ("县", "市", "区", "旗")


def bare_name(stem: str) -> bool:
    """A place's name rather than a word (政府, 乡村, 基层): unknown single characters, or one place word."""
    words = list(default_words(stem))
    return all(len(word) == 1 for word in words) or len(words) == 1 and _tag(stem) in _PLACE_TAGS
