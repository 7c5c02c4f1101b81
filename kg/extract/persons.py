"""Persons: named individuals who act in the township's work, with the role the text gives them.

Reports name people in a few fixed shapes: a title before the name (乡党委书记滕某某), an appointment
after it (律师张某、李某担任村（居）法律顾问; 王某同志任镇长; 赵某律师为政府法律顾问) and the head of a
body (成立以张某为组长的…领导小组). A name is a common surname and one or two characters, and the words
after it must read as the start of what the person does; a name cited as doctrine (习近平法治思想,
…总书记) is not a person acting in the township.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, partial

from kg.text import lexicon
from kg.text.lexicon import either
from kg.model import Person, Section, Source
from kg.model import evidence
from kg.text.spans import Spans
from kg.extract import person_frames, person_score
from kg.extract.person_score import COMMON_WORD_FREQUENCY
from kg.extract.person_lexicon import role_re as _role_re, roles, surname_at as _surname_at
from kg.extract.person_lexicon import not_in_given, surnames, titles_in
from kg.extract.person_lexicon import MAX_ROLE_PREFIX, dictionary as _dictionary, multi_char_acts as _multi_char_acts
from kg.extract.person_lexicon import multi_char_acts_re as _multi_char_acts_re, name_parts_re as _name_parts
from kg.extract.person_lexicon import qualifiers_start as _qualifiers_start
from kg.extract.person_lexicon import roles_longest_first as _roles_longest_first

# Punctuation after which a name is complete (the words are in person_words.tsv, uses act and follow).
_MARKS_AFTER_NAME = (",", "。", ";", "(", "）", ")", "\n", " ", "\t")  # a tab ends a table cell
_BOUNDARY = set(",。;:!?\n()\"")
_NAME_LIST_SEP = "、和"
_CONJOINED = tuple("和与及")  # after a title these join another title or body, however often 和 is a surname
# What closes a labelled list of names (组长：甲；副组长：乙、丙。); spaces too, as between the fields of a
# signature line (党工委书记：甲　　办事处主任：乙).
_LIST_END = "\n(;,。 \t"
NAME_SIZES = (3, 2, 4)  # a name read back from the word after it: three characters is the common length, then two, four
BODY_WINDOW = 40  # characters after a head's title searched for the body they head (…的青禾镇法治建设领导小组)
ROLE_SEARCH_BEFORE, ROLE_SEARCH_AFTER = 40, 80  # window around a name where its role phrase is written
MAX_POST = 16  # characters of a post after 担任 or in brackets (村（居）法律顾问); a longer run is a clause
# Characters after a name that any test of what follows it reads (a post in brackets, 等5名律师, an act): a window,
# not the rest of the report, so that each test costs the same wherever the name stands.
AFTER_WINDOW = 32


def _after(norm: str, end: int) -> str:
    return norm[end : end + AFTER_WINDOW]


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    name: str
    role: str


_words = partial(lexicon.words, "person_words")  # the words of one use, in file order


@cache
def _follow() -> tuple[str, ...]:
    """Words that may follow a name: what the person does next, or how the text goes on."""
    return (*_words("act"), *_words("follow"), *_MARKS_AFTER_NAME)


@cache
def _patterns() -> dict[str, re.Pattern]:
    """The rules' regexes, built once from person_words.tsv."""
    return {
        # 同志任镇长, 担任村（居）法律顾问: the post runs to the clause's end or to 的.
        "appoint": re.compile(
            rf"(?:同志)?{either(_words('appoint'))}(?P<role>[^,。;:!?\n、]{{2,{MAX_POST}}}?)(?=[,。;:!?\n、]|$|的)"
        ),
        "head": re.compile(rf"以(?=\S{{2,4}}为{either(_words('head_title'))})"),
        "body": re.compile(rf"的[^,。;:!?\n]*?({either(_words('body'))})"),
        # 罗某（女，镇妇联主席）: a short note (sex, people) and a comma may stand before the post in the bracket
        "bracketed": re.compile(rf"\((?:[\u4e00-\u9fff]{{1,6}},)?(?P<role>[\u4e00-\u9fff]{{2,{MAX_POST}}})\)"),
        "aside": re.compile(rf"\([\u4e00-\u9fff]{{1,{MAX_POST}}}\)"),  # 主席（兼）, 镇长助理（挂职）: an aside on a post
        "doctrine": re.compile(either(_words("doctrine_after"))),
        "task": re.compile(rf"(?:具体)?负责[^,。;:!?\n]{{2,{MAX_POST}}}?(?=[,。;:!?\n]|$)"),
        # 吴某、郑某两名律师担任…, 甲、乙等5名律师, 甲、乙两位同志负责…: after the names, how many they are and what.
        "counted": re.compile(rf"等?(?:[两二三四五六七八九十]|\d{{1,2}})[名位]({either((*_words('title_after'), '同志'))})"),
    }


def extract(source: Source, sections: tuple[Section, ...]) -> tuple[Person, ...]:
    """Each named person once, with the role the text gives at their first mention."""
    norm = source.norm
    titles = titles_in(norm)  # one scan of the titles, read after and before the names they frame
    found = sorted(
        (*_after_titles(norm, titles), *_before_titles(norm), *_heads_of_bodies(norm), *_comrades(norm), *_bracketed_roles(norm),
         *_table_columns(norm)),
        key=lambda f: f.start,
    )
    doctrine = _doctrine_names(norm)
    found = _with_framed(found, norm, titles)
    names = {item.name for item in found}
    seen: dict[str, Person] = {}
    for item in found:
        if item.name[:-1] in names and item.name[-1] in lexicon.chars("person_words", "all_of"):
            continue  # 乡长罗娟均在…: 罗娟 named elsewhere, so 均 is the adverb "both", not a third character
        if _in_slogan(norm, item.start, item.end):
            continue  # “主任领学、科长研学、干部普学”: the pairs of a slogan are a title and a verb, not a title and a name
        if item.name not in seen and item.name not in doctrine:
            name = "".join(source.text[item.start : item.end].split())  # 温  强 is 温强; the evidence keeps the spaces
            role = _as_written(source.text, norm, item.role, item.start)
            seen[item.name] = Person(name, role, evidence(source.path, source.text, item.start, item.end))
    return tuple(seen.values())


_PAIR_STOPS = frozenset('、",。;:!?()\n \t')
MAX_PAIR = 10  # characters of one pair of a parallel list (镇党委书记 + 领学)


def _in_slogan(norm: str, start: int, end: int) -> bool:
    """Whether the name norm[start:end] ends a pair of a parallel 、-list whose neighbour pair is a title and a word of
    the same length and last character that no name opens (科长研学 beside 干部普学): the pairs are a slogan's title and
    verb. Names side by side (主任李明、科长王明) each open with a family name, so a list of them is kept."""
    own = start
    while own > 0 and start - own < MAX_PAIR and norm[own - 1] not in _PAIR_STOPS:
        own -= 1
    neighbours = []
    if norm[end : end + 1] == "、":
        stop = end + 1
        while stop < len(norm) and stop - end <= MAX_PAIR and norm[stop] not in _PAIR_STOPS:
            stop += 1
        neighbours.append((end + 1, stop))
    if own > 0 and norm[own - 1] == "、":
        first = own - 1
        while first > 0 and own - first <= MAX_PAIR and norm[first - 1] not in _PAIR_STOPS:
            first -= 1
        neighbours.append((first, own - 1))
    size = end - start
    for first, stop in neighbours:
        word_at = stop - size
        if (word_at > first and norm[stop - 1] == norm[end - 1] and norm.endswith(_pair_heads(), first, word_at)
                and not person_score.may_open_name(norm, word_at)):
            return True
    return False


@cache
def _pair_heads() -> tuple[str, ...]:
    """What opens a pair of a parallel list about people: a title or a kind of person (干部, 党员)."""
    return (*_roles_longest_first(), *_words("kind_of_person"))


def _with_framed(found: list[_Found], norm: str, titles: tuple[tuple[int, int, str], ...]) -> list[_Found]:
    """The rules' names, then each name a frame ties to a person (person_frames) that no rule read there."""
    names = {item.name for item in found}
    spans = [(item.start, item.end) for item in found]
    read = frozenset(edge for span in spans for edge in span)
    taken = Spans(spans)  # a bisection a frame's name, not a look at every name read
    framed = [_Found(start, end, name, role) for start, end, name, role in person_frames.found(norm, read, titles)
              if name not in names and not taken.overlaps(start, end)]
    extra = []
    # two frames may read overlapping spans (牧民甲·乙同志: the kind from the left, 同志 back from the right): the longer
    # reading is the name, a part of it no second person
    for item in sorted(framed, key=lambda f: f.start - f.end):
        if not taken.overlaps(item.start, item.end):
            taken.add(item.start, item.end)
            extra.append(item)
    return sorted((*found, *extra), key=lambda f: f.start) if extra else found


def _as_written(text: str, norm: str, phrase: str, near: int) -> str:
    """`phrase` (found in the normal form) as the original text writes it: 村（居）, not 村(居)."""
    at = norm.find(phrase, max(0, near - ROLE_SEARCH_BEFORE), near + ROLE_SEARCH_AFTER)
    return text[at : at + len(phrase)] if at >= 0 else phrase


def name_at(norm: str, pos: int) -> str | None:
    """The person's name starting at `pos`: a surname and one or two given characters, or parts of a name of a
    tradition without surnames (白玛央金: 白 is a surname too, but 白玛 is a part)."""
    return _name_with_surname(norm, pos) or _name_of_parts(norm, pos)


MAX_PAD = 3  # spaces a typist puts inside a two-character name to line it up with three-character ones (温  强)


def _name_with_surname(norm: str, pos: int) -> str | None:
    surname = _surname_at(norm, pos)
    if surname is None:
        return None
    given_at = pos + len(surname)
    pad = len(norm[given_at : given_at + MAX_PAD + 1]) - len(norm[given_at : given_at + MAX_PAD + 1].lstrip(" "))
    if 0 < pad <= MAX_PAD and len(surname) == 1:
        given = norm[given_at + pad : given_at + pad + 1]
        if given and "\u4e00" <= given <= "\u9fff" and given not in not_in_given():
            end = given_at + pad + 1
            if _name_ends_before(_after(norm, end)):
                return norm[pos:end]  # 镇长温  强任组长: a two-character name padded with spaces
        return None
    if given_at < len(norm) and norm[given_at] == " ":
        return None
    if norm.startswith(_roles_longest_first(), given_at):
        return None  # 主任任副主任: 任 is the verb before a post, not a surname
    candidates = [norm[pos : given_at + n] for n in (2, 1) if given_at + n <= len(norm)]
    if len(candidates) == 2 and norm.startswith(_multi_char_acts(), given_at + 1):
        candidates.reverse()  # 文博担任组长: the act 担任 starts inside the longer reading, so the name is 文博
    elif len(candidates) == 2 and _all_of_a_list(norm, pos, given_at + 1):
        candidates.reverse()  # 何某、罗娟均在…: 均 says "both", so the list's last name ends before it
    for candidate in candidates:
        given = candidate[len(surname) :]
        if not all("\u4e00" <= ch <= "\u9fff" and ch not in not_in_given() for ch in given):
            continue
        opening = candidate[: len(surname) + 1]
        rest = _after(norm, pos + len(candidate))
        if _is_common_word(candidate) or (_is_common_word(opening) and not _is_place(opening) and not _acts_next(rest)):
            continue  # 全程参与, 单位负责: an ordinary word, not a surname and a given name (but 魏国强, 吴国华 are names)
        if rest.startswith(_words("doctrine_after")):
            return None
        if _is_common_word(given) and not (rest.startswith(_words("act")) or _bracketed_post(rest)):
            continue  # 全覆盖，: a word; 李建国亲自… or 李建国（镇党委副书记）: a name, for a person acts or holds a post next
        if _name_ends_before(rest):
            return candidate
    return None


def _acts_next(rest: str) -> bool:
    """站长黄土根具体负责…: an act of two or more characters, or a post in brackets, right after a name whose opening is a
    word (黄土) shows a name there; one character (与, 为) does not, since it may go on an ordinary word (全程参与)."""
    if rest.startswith((*_words("title_after"), "同志")):
        return False  # 法律顾问赵律师: a profession after the run is no act; the run may be a word and a surname (顾问赵)
    return rest.startswith(_multi_char_acts()) or _bracketed_post(rest)


MAX_PARTS_NAME = 8  # characters of a name of two parts at most (额尔德尼 + 巴特尔 is seven)


def _name_of_parts(norm: str, pos: int) -> str | None:
    """扎西多吉, 达瓦, 其其格: a name of one or two parts of a tradition without family names, standing at `pos`,
    the longer reading first, when the text goes on as after a name."""
    match = _name_parts().match(norm, pos)
    if match is None:
        return None
    first = match.group()
    following = _name_parts().match(norm, pos + len(first))
    second = following.group() if following else None
    for name in ((first + second) if second else None, first):
        if name and _name_ends_before(_after(norm, pos + len(name))) and not norm.startswith(_words("doctrine_after"), pos + len(name)):
            return name
    return None


def _name_ends_before(rest: str) -> bool:
    """True when the text after a name reads as what follows a name: an act, punctuation, a verb, 均 and an act,
    or the number of the people just named (两名律师)."""
    if rest.startswith(_profession_words()):
        return False  # 由广信律师事务所: 律师 opens the name of a firm there, not the title after a name
    if not rest or rest.startswith(_follow()) or _verb_follows(rest) or _patterns()["counted"].match(rest):
        return True
    return rest[:1] in lexicon.chars("person_words", "all_of") and rest[1:].startswith(_follow())


@cache
def _profession_words() -> tuple[str, ...]:
    """Words a profession opens (律师事务所, 法官助理): after them the profession is no title after a name."""
    return tuple(title + tail for title in _words("title_after") for tail in _words("not_after_profession"))


def _all_of_a_list(norm: str, pos: int, at: int) -> bool:
    """True when a name joined to another (、 or 和 before it) is followed at `at` by 均/都 and then an act."""
    return (pos > 0 and norm[pos - 1] in _NAME_LIST_SEP and norm[at : at + 1] in lexicon.chars("person_words", "all_of")
            and norm.startswith(_follow(), at + 1))


VERB_WINDOW = 6  # characters after a name segmented to see whether a verb of two or more characters opens them


def _verb_follows(rest: str) -> bool:
    """律师陈某审查把关: a name may be followed straight by what the person does, a verb of the dictionary."""
    words = lexicon.tokens(rest[:VERB_WINDOW])[:2]
    if len(words) == 2 and len(words[0]) > 1 and _dictionary()[0].get(words[0], "") in ("d", "ad"):
        words = words[1:]  # 洛桑丹增常年深入牧场: an adverb of two characters may stand between the name and its verb
    first = words[:1]
    if not first or len(first[0]) < 2 or first[0] in roles():
        return False  # 主任任双组长: the dictionary tags 组长 a verb, but a title names a post, not an act
    return _dictionary()[0].get(first[0], "") in ("v", "vn")




def _is_common_word(word: str) -> bool:
    """A frequent dictionary word that is not a person's name (全程, 单位) is no name."""
    tags, frequencies = _dictionary()
    tag = tags.get(word)
    return len(word) > 1 and tag is not None and not tag.startswith("nr") and frequencies.get(word, 0) >= COMMON_WORD_FREQUENCY


def _is_place(word: str) -> bool:
    """An old state or a place (魏国, 吴国, 秦国) opening a three-character name is the start of a given name."""
    return _dictionary()[0].get(word, "") == "ns"


def _role_phrase(norm: str, start: int, end: int) -> str:
    """The title with the words the text puts before it (乡 + 司法所 + 所长), back to the clause's verb.

    Posts held together are one role: 镇党委书记、镇长王明 holds both.
    """
    left = _qualifiers_start(norm, start)
    while left > 1 and norm[left - 1] == "、":
        joint = next((role for role in _roles_longest_first() if norm.endswith(role, 0, left - 1)), None)
        if joint is None or roles()[joint] != "office" or norm.endswith(_words("appoint"), 0, left - 1 - len(joint)):
            break  # 任组长、办事处主任某某: the post before 、 was given to someone else
        left = _qualifiers_start(norm, left - 1 - len(joint))
    return norm[left:end]


def _appointed_role(norm: str, pos: int) -> str | None:
    """The post after 担任/任/为 at `pos` (after the name and an optional 同志/律师)."""
    for title in _words("title_after"):
        if norm.startswith(title, pos):
            pos += len(title)
    match = _patterns()["appoint"].match(norm, pos)
    return match.group("role") if match else None


def _bracketed_post(rest: str) -> bool:
    """Whether `rest` opens with a post in brackets (（乡党委副书记）), as only a person's name is followed by."""
    match = _patterns()["bracketed"].match(rest)
    return match is not None and _role_re().search(match.group("role")) is not None


def _names_from(norm: str, pos: int, posts: bool = False) -> list[tuple[int, str]]:
    """One name at `pos` and the names joined to it by 、 or 和 (律师张某、李某担任…).

    With `posts`, each name of a labelled list may carry its post in brackets before the 、 (副组长：甲（镇长）、乙（…）).
    """
    out = []
    while True:
        name = name_at(norm, pos)
        if name is None and out and norm[pos - 1] == "、":
            # 调解员许某、黄妈祖生被评为…: a later name of the list, read from what follows it as after a title
            # (阿苏惹格走村入户: with no act of office after it, the span that scores best as a name after a title)
            spans = _framed(norm, pos) or [(at, span) for at, span in person_frames.after_title(norm, pos)
                                            if not person_frames.heads_a_noun(norm, at + len(span))]
            name = spans[0][1] if spans else None  # (甲、桂园社区书记乙: a span before a noun qualifies it)
        if name is None and pos > 0 and norm[pos - 1] == "、" and norm[pos : pos + 1] in _CONJOINED:
            # 甲、和某某用…: after a name and 、, 和 joins nothing, so it is a family name when the span closes as a
            # slot does (an act, a preposition, punctuation): the 、 frames its start as a title would
            name = person_frames.slot_after(norm, pos, listed=True)
        if name is None:
            return out
        out.append((pos, name))
        pos += len(name)
        if norm.startswith("(", pos):
            # 副组长：甲（镇长）、乙; 调解员甲（右一）、乙（右二）: a post or an aside (where one stands in a photo) in
            # brackets after each name of a list; without `posts`, only a short aside, as a longer bracket is a clause
            close = norm.find(")", pos, pos + (MAX_POST if posts else MAX_ASIDE) + 2)
            if close > 0 and norm[close + 1 : close + 2] in tuple(_NAME_LIST_SEP):
                pos = close + 1
        if pos < len(norm) and norm[pos] in _NAME_LIST_SEP:
            pos += 1
        else:
            return out


def _after_titles(norm: str, titles: tuple[tuple[int, int, str], ...]):
    """乡党委书记滕某某…; 律师事务所律师张某、李某担任村（居）法律顾问."""
    for title_start, title_end, title_text in titles:
        kind = roles()[title_text]
        if norm[title_end : title_end + 1] in _CONJOINED:
            # 赵律师和公职律师马瑞: 和 joins a second title here; a slot alone says it is a family name (调解员和丽华、…)
            names = _names_after_conjunction(norm, title_end) if kind != "label" else []
            for pos, name in names:
                yield _Found(pos, pos + len(name), name, _role_phrase(norm, title_start, title_end))
            continue
        # 乡党委书记（兼乡长）某某, 镇长助理（挂职）某某: an aside on the post stands between the title and the name.
        aside = _patterns()["aside"].match(norm, title_end)
        at = aside.end() if aside else title_end
        if norm.startswith(")", at) and norm.rfind("(", max(0, title_start - MAX_POST), title_start) >= 0:
            at += 1  # 德古（民间调解人）甲、乙: a title glossing a local word in brackets; the names follow the bracket
        elif norm.startswith('"', at) and '"' in norm[max(0, title_start - MAX_ROLE_PREFIX) : title_start]:
            at += 1  # “法律明白人”甲: a title in quotes, as a report writes a named role of its own; the name follows
        if not aside and norm.startswith("(", at) and (listed := _bracketed_names(norm, at)):
            for pos, name in listed:  # 五名网格员（甲、乙、丙）: the names the title heads, in brackets after it
                yield _Found(pos, pos + len(name), name, title_text)
            continue
        # A label (成员) names people only as a list's or a table's: in prose it is a plain word (班子成员包案).
        names = _byline(norm, at) if kind == "label" else (_names_from(norm, at) or _byline(norm, at) or _framed(norm, at)
                                                            or person_frames.after_title(norm, at))
        if not names:
            continue
        last_end = names[-1][0] + len(names[-1][1])
        appointed = _appointed_role(norm, last_end)
        if kind == "profession" or len(names) > 1:
            # 律师某某为困难群众代理案件: 为 there is "for", not an appointment; a post ends with a title.
            role = appointed if appointed and appointed.endswith(_roles_longest_first()) else title_text
        else:
            role = _role_phrase(norm, title_start, at).strip('"')
        for pos, name in names:
            yield _Found(pos, pos + len(name), name, role)


def _names_after_conjunction(norm: str, pos: int) -> list[tuple[int, str]]:
    """The name a slot reads at `pos`, where a title is followed by 和 (a family name too), and the names of its list."""
    first = person_frames.slot_after(norm, pos)
    if not first:
        return []
    end = pos + len(first)
    return [(pos, first), *(_names_from(norm, end + 1) if norm.startswith("、", end) else [])]


def _bracketed_names(norm: str, pos: int) -> list[tuple[int, str]]:
    """（甲、乙、丙） at `pos`: the names of a list in brackets, when names fill the bracket and nothing else does."""
    names = _names_from(norm, pos + 1)
    end = names[-1][0] + len(names[-1][1]) if names else pos
    return names if names and norm.startswith(")", end) else []


MAX_ASIDE = 4  # characters of an aside in brackets after a name of a list in prose (右一, 女, 兼)
MAX_FRAMED = 6  # characters of a name read from its frame alone (图门吉日嘎拉 is six)


def _framed(norm: str, pos: int) -> list[tuple[int, str]]:
    """A name no list knows, read from what frames it right after a title: 主席乌日娜同志, 书记朝鲁门、苏木达某某,
    书记夏天带头 (an act of two characters after it). No common word may stand in the run, except one a name may be
    (a time word or one tagged a name: 夏天)."""
    barred = lexicon.chars("person_words", "not_in_framed")
    if _opens_with_verb(norm, pos):
        return []  # 律师进嘎查开展…: a verb of one character opens what the person does (进, 到), not a name
    for size in range(2, MAX_FRAMED + 1):
        # the run grows by one character a step: only the new ones are tested (two at the first step)
        if any(not "\u4e00" <= ch <= "\u9fff" or ch in barred for ch in norm[pos + max(0, size - 2) : pos + size]) \
                or pos + size > len(norm):
            return []
        span, rest = norm[pos : pos + size], _after(norm, pos + size)
        if _role_re().search(span) or _multi_char_acts_re().search(span):
            return []  # 主任带队: an act or a title is no part of a name
        framed = ((rest.startswith("同志") and not rest.startswith(_words("doctrine_after")))
                  # 书记朝鲁门、苏木达…: a second title after 、 shows the first run was a name
                  or (rest.startswith("、") and _role_re().search(norm, pos + size + 1, pos + size + 1 + MAX_ROLE_PREFIX + 4)))
        # 苏木达孟根其其格分别主持, 所长白天带队: an act of two characters right after the run
        acted = (rest.startswith(_multi_char_acts()) and not rest.startswith((*_words("title_after"), "同志"))
                 and (size > 2 or _surname_at(norm, pos)))
        if not (framed or acted):
            continue
        if any(_is_common_word(word) and not _name_like_word(word) for word in lexicon.tokens(span)):
            continue  # 法律顾问制度、公职律师…: a common word (制度, 辅警) is no name, whatever frames it
        return [(pos, span)]
    return []


def _opens_with_verb(norm: str, pos: int) -> bool:
    """Whether a frequent verb of one character that opens no name (neither a family name nor a name's part) stands at
    `pos`: after a title it is what the person does (进, 走), and the run after it the place or the thing."""
    # the dictionary's two lookups first: most characters after a title are no frequent verb
    return person_score.frequent_verb(norm[pos : pos + 1]) and not (_surname_at(norm, pos) or _name_parts().match(norm, pos))


def _name_like_word(word: str) -> bool:
    """夏天, 杨帆: a dictionary word may be a given name after a title when it is a time word or tagged a name, not a
    noun, verb or adverb (全程, 单位, 亲自)."""
    tag = _dictionary()[0].get(word, "")
    return tag == "" or tag == "t" or tag.startswith("nr")


def _byline(norm: str, pos: int) -> list[tuple[int, str]]:
    """乡党委书记  林某 / 组长：林某（…）/ 副组长：甲、乙；/ 组长<TAB>林某<TAB>…: a title, spaces, a colon or a
    table's tab, then the names it heads.

    After spaces or a tab the name must end the line or its cell, or have its post in brackets (a byline); after a colon the
    title labels a list, and each name is followed by the list's punctuation.
    """
    start = pos
    while pos < len(norm) and norm[pos] in " :\t":  # a tab: the title and the name are cells of a table row
        pos += 1
    if pos == start:
        return []
    if ":" in norm[start:pos]:
        names = _names_from(norm, pos, posts=True)
        last = names[-1][0] + len(names[-1][1]) if names else pos
        return names if names and (last == len(norm) or norm[last] in _LIST_END) else []
    if "\t" in norm[start:pos] and "\t" in norm[norm.rfind("\n", 0, start) + 1 : start]:
        return []  # 姓名<TAB>职务<TAB>片区: a post in a later cell of a row is followed by another field, not by a name
    name = name_at(norm, pos)
    if name is None or not (pos + len(name) == len(norm) or norm[pos + len(name)] in "\n(\t"):
        return []
    return [(pos, name)]


def _table_columns(norm: str):
    """序号<TAB>问题<TAB>…<TAB>责任人 then 1<TAB>…<TAB>李某: a table whose header names a role over a column of names.

    Each row's cell in such a column is a person when it holds a name and nothing more. A header may head several
    columns of people (值班领导<TAB>联系人, 法律顾问<TAB>社区联系人); a 姓名 column is the one column of names.
    """
    columns: list[tuple[int, str]] | None = None  # (column, the role its header gives; under 姓名 the caption's title)
    posts = None
    pos = 0
    names_table = False  # whether the columns are a 姓名 table's, whose rows' post cells are data, not headers
    caption = ""  # the line of prose before a table (村法律顾问名单): the title a 姓名 column has no post cell for
    for line in norm.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue  # a blank line between rows, as a document exported with spacing has: the table goes on
        # a Markdown table (| 姓名 | 职务 |) separates its cells with bars where a typed one has tabs
        cells = line.split("|" if line.lstrip().startswith("|") else "\t")
        if len(cells) < 2:
            columns, caption = None, line
            continue
        named = [n for n, cell in enumerate(cells) if cell.strip() in _words("name_column")]
        # under a 姓名 header a row's post cell (镇长) is data, not the header of another table
        under_names = columns is not None and names_table
        heads = [] if under_names else [n for n, cell in enumerate(cells) if _heads_people(cell.strip())]
        if heads or named:
            # 姓名<TAB>职务: a column headed 姓名 holds the names, and each row's post is in the column headed 职务
            posts = next((n for n, cell in enumerate(cells) if cell.strip() in _words("post_column")), None)
            names_table = bool(named)
            columns = [(named[0], _caption_title(caption) if posts is None else "")] if named else [(n, cells[n].strip()) for n in heads]
            continue
        for column, role in columns or ():
            if column >= len(cells):
                continue
            cell = cells[column]
            at = start + sum(len(c) + 1 for c in cells[:column]) + len(cell) - len(cell.lstrip())
            name = name_at(norm, at) or _name_in_cell(norm, at, at + len(cell.strip()))
            if name and name == cell.strip():
                post = cells[posts].strip() if posts is not None and posts < len(cells) else role
                yield _Found(at, at + len(name), name, post or role)


MAX_CAPTION = 40  # characters of a table's caption searched for its title: a longer line is prose, not a caption


def _caption_title(caption: str) -> str:
    """The last title a short caption names (东片区网格员名单: 网格员), the post of everyone a 姓名 table without a
    post column lists; none when the line before the table is long prose or names no title."""
    found = titles_in(caption) if len(caption) <= MAX_CAPTION else ()
    return found[-1][2] if found else ""


@cache
def _column_tails() -> tuple[str, ...]:
    return (*_words("column_tail"), *_words("colon_label"))


def _heads_people(header: str) -> bool:
    """Whether a table's header heads a column of people: a title (法律顾问), or words ending in what names people
    (值班领导, 社区联系人)."""
    return header in roles() or (0 < len(header) <= MAX_POST and header.endswith(_column_tails()))


def _name_in_cell(norm: str, pos: int, cell_end: int) -> str | None:
    """A cell under a names column that holds a surname and one to three characters and nothing more (朱大海): a
    given name that is a word (大海) needs no act after it there, since the column says what the cell holds. Any other
    cell holds a name when the whole cell scores as one (阿依努尔·买买提, 达瓦), the column being a strong frame."""
    surname = _surname_at(norm, pos)
    end = pos + len(surname or "")
    while surname and end < len(norm) and end - pos < 4 and "\u4e00" <= norm[end] <= "\u9fff":
        end += 1
    if surname and end > pos + len(surname) and norm[end : end + 1] in ("\t", "\n", "|", ""):
        return norm[pos:end]
    return person_score.best_from(norm, pos, person_frames.STRONG, ends=(cell_end,)) if cell_end > pos else None


def _before_titles(norm: str):
    """赵某律师担任镇政府法律顾问: a name before a profession, appointed to a post."""
    for title in _words("title_after"):
        yield from _named_before(norm, re.escape(title), appointment_after_marker=False)
    yield from _counted_before(norm)


def _task(norm: str, pos: int) -> str:
    """负责日常协调: what people named without a title are put in charge of, up to the clause's end."""
    match = _patterns()["task"].match(norm, pos)
    return match.group() if match else ""


def _counted_before(norm: str):
    """吴某、郑某两名律师担任镇村法律顾问: names joined by 、 or 和, then their number and profession."""
    for match in _patterns()["counted"].finditer(norm):
        role = _appointed_role(norm, match.end()) or _task(norm, match.end()) or match.group(1)
        end, names = match.start(), []
        while (pos := _name_ending_at(norm, end, at_clause_start=True)) is not None:
            names.insert(0, _Found(pos, end, norm[pos:end], role))
            if pos == 0 or norm[pos - 1] not in _NAME_LIST_SEP:
                break
            end = pos - 1
        yield from names


def _comrades(norm: str):
    """王某同志任镇长: a name, 同志, then the post."""
    yield from _named_before(norm, "同志", appointment_after_marker=True)


def _named_before(norm: str, marker: str, appointment_after_marker: bool):
    """A name written just before `marker`, with the post the text then appoints them to."""
    for match in re.finditer(marker, norm):
        pos = _name_ending_at(norm, match.start())
        if pos is None:
            continue
        role = _appointed_role(norm, match.end() if appointment_after_marker else match.start())
        if not role and not appointment_after_marker and _acts(_after(norm, match.end())) and _starts_a_word(norm, pos, match.end()):
            role = match.group()  # …合伙人陈某律师审核合同: a profession after the name, then what the person does
        if role:
            yield _Found(pos, match.start(), norm[pos : match.start()], role)


WORD_WINDOW = 6  # characters before a name segmented to see whether the name starts a word


def _starts_a_word(norm: str, pos: int, end: int) -> bool:
    """法律顾问赵律师: a name read back from its end must start where a word starts, not inside one (顾问); the text is
    segmented from a little before the name to `end`."""
    left = max(0, pos - WORD_WINDOW)
    offset = left
    for token in lexicon.tokens(norm[left:end]):
        if offset == pos:
            return True
        offset += len(token)
    return offset == pos


def _acts(rest: str) -> bool:
    """Whether `rest` opens with what a person does: an act of two or more characters, or a verb of the dictionary."""
    return rest.startswith(_multi_char_acts()) or _verb_follows(rest)


def _name_ending_at(norm: str, end: int, at_clause_start: bool = False) -> int | None:
    """Where the name that ends at `end` starts, trying the likeliest lengths first.

    With `at_clause_start`, a length whose name opens the clause (after punctuation or a verb such as 由)
    is preferred: in 由周慧（镇党委书记）主持, 由 is a surname too, but here it is the preposition.
    """
    sizes = NAME_SIZES
    if at_clause_start:
        opens = [size for size in NAME_SIZES if end - size == 0 or _opens_clause(norm[end - size - 1 : end - size])]
        # ，由马俊、…: both readings open the clause; the one that starts with the preposition is the longer one.
        opens.sort(key=lambda size: norm[end - size] in lexicon.chars("person_words", "preposition"))
        sizes = (*opens, *(size for size in NAME_SIZES if size not in opens))
    longest = end - max(NAME_SIZES)
    if (longest >= 0 and len(_surname_at(norm, longest) or "") == 2 and name_at(norm, longest) == norm[longest:end]
            and _starts_a_word(norm, longest, end) and not norm.endswith(_roles_longest_first(), 0, longest + 1)):
        # 海来拉博同志: a family name of two characters (海来) before 来拉博, which reads as a name too; but in
        # 镇长孙某同志 the 长 of 镇长 starts no word, so 长孙 is no family name there
        return longest
    for size in sizes:
        pos = end - size
        if pos >= 0 and name_at(norm, pos) == norm[pos:end] and not _joins_a_title(norm, pos):
            return _first_part_before(norm, pos, end)
    return None


def _joins_a_title(norm: str, pos: int) -> bool:
    """律师和公职律师: 和 right after a title joins a second one; read back from the second, it opens no name (its
    surname is the conjunction), though a name may stand after it (镇长和王明同志)."""
    return norm[pos] in _CONJOINED and norm.endswith(_roles_longest_first(), 0, pos)


def _first_part_before(norm: str, pos: int, end: int) -> int:
    """拉巴次仁同志: read back from its end, a name (巴次仁, 次仁) may be the tail of a longer name of parts."""
    for start in range(max(0, end - MAX_PARTS_NAME), pos):
        if _name_of_parts(norm, start) == norm[start:end]:
            return start
    return pos


def _opens_clause(char: str) -> bool:
    return char in _BOUNDARY or char in lexicon.chars("person_words", "role_left_stop") or not "\u4e00" <= char <= "\u9fff"


def _bracketed_roles(norm: str):
    """周慧（镇党委书记）主持: a name with its post in brackets right after it."""
    for match in _patterns()["bracketed"].finditer(norm):
        role = match.group("role")
        if not role.endswith(_roles_longest_first()):
            continue  # (试行), (以下简称…): an aside, not a post
        end = match.start() - (len("同志") if norm.endswith("同志", 0, match.start()) else 0)  # 王明同志（镇长）
        pos = _name_ending_at(norm, end, at_clause_start=True)
        if pos is not None:
            yield _Found(pos, end, norm[pos:end], role)


def _doctrine_names(norm: str) -> frozenset[str]:
    """Names the text cites as doctrine (习近平法治思想, 习近平总书记, 以…同志为核心): never persons of this text."""
    names = set()
    for match in _patterns()["doctrine"].finditer(norm):
        for size in NAME_SIZES:
            pos = match.start() - size
            if pos >= 0 and norm.startswith(surnames(), pos):
                names.add(norm[pos : match.start()])
                break
    return frozenset(names)


def _heads_of_bodies(norm: str):
    """成立以张某为组长的…领导小组: the head of the body, named by the body and the title."""
    for match in _patterns()["head"].finditer(norm):
        name = name_at(norm, match.end())
        if not name:
            continue
        title_at = match.end() + len(name) + 1
        title = _role_re().match(norm, title_at)
        if not title:
            continue
        tail = norm[title.end() : title.end() + BODY_WINDOW]
        body = _patterns()["body"].match(tail)
        role = (body.group(1) if body else "") + title.group()
        yield _Found(match.end(), match.end() + len(name), name, role)
