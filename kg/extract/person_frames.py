"""Frames that tie a span to a person whatever follows it, each with its weight: the name in it is scored.

Before the name (its start is fixed, its end scored):
- a label and a colon: 负责人：X, 起草人：X, （执笔：X）, 所长：X, and the body in brackets before: 综治中心（负责人：X）;
- an award or a name people give: 被评为“…”的（村民）X, 被群众称为“…”的X;
- who a person is, a word that is no title: 村民X, 居民代表X, 村医X;
- a line's opening and a colon before a sentence: X：以前…。 (a speaker quoted in the report);
- a table row written with spaces: 成员    X    所长, and a line of a roll: 1. X　村调解员.
After it (its end is fixed, its start scored; names joined by 、 before it are read back too):
- a profession or a form of address: X警官, X老师, X教授, X女士, X同志;
- an office title: 以X书记为组长, 司法所X所长带队, 包片领导X副镇长 (the titles are found once, by persons.py's scan);
Between a title and an act of office (a slot): 纪委书记强盛带队, 执法队员占春华审核, 律师温暖，, 主任庞大海同志 — two frames
fix both ends, so a given name that is a word (强盛, 温暖) or a family name that is mostly a word (占) is read there.
- an appointment to a post: X任组长, Y、Z任副组长, X为镇政府法律顾问;
- a count of the people just named: X、Y两位副镇长, X等12名退休干部, X、Y二人;
- a profile: X，女，1961年生;
- the members a body is made of: 由甲、乙、丙组成的…小组.
"""

from __future__ import annotations

import re
from functools import cache, partial

from kg.text import lexicon
from kg.text import segment
from kg.text.lexicon import either
from kg.extract import person_score
from kg.extract.person_lexicon import multi_char_acts, multi_char_acts_re, not_in_given, qualifiers_start, role_re, roles
from kg.extract.person_lexicon import roles_longest_first

_words = partial(lexicon.words, "person_words")
MAX_QUALIFIER = 12  # characters of the body before a bracket or a name that qualify the role (区人民法院)
MAX_AWARD = 24  # characters of an award's title in quotes
MIN_SPEECH = 8  # characters of a sentence after a speaker's colon
MAX_POST = 16  # characters of a post after 任/为 (乡政府法律顾问); a longer run is a clause
MAX_LABEL = 8  # characters before a colon searched for a label
STRONG = 3.0  # a frame that says a person stands there: the name needs only a fair score
TITLE = 2.0  # a title or a kind of person before the span: only a clean cut after it closes the name
SPEECH = 2.0  # a line's opening and a colon is a weaker tie: headings and labels open lines too
SLOT = 2 * TITLE  # a title before the span and an act of office after it: two frames, one at each end
MAX_SLOT = 4  # characters of a name in a slot (a family name of two and a given name of two)
_SLOT_CLOSERS = ",。;、("  # punctuation or a bracket (an aside: 主任X（兼）) right after a name in a slot
_SPACES = " "
_CLAUSE_END = ",。;:!?、\n"
_NUMERALS = "0123456789两二三四五六七八九十"
MAX_MEMBERS = 40  # characters between 由 and 组成 of a list of names (eight names and their 、)
MAX_COUNT = 4  # numerals of a count before its classifier (等126名)
_CONJUNCTIONS = "和与及、"


@cache
def _labels() -> tuple[str, ...]:
    """Labels before a colon and a name: the sign-off words and every title (所长：X)."""
    return lexicon.longest_first((*_words("colon_label"), *roles_longest_first()))


@cache
def _patterns() -> dict[str, re.Pattern]:
    roles = roles_longest_first()
    kinds = either(lexicon.longest_first(_words("kind_of_person")))
    return {
        # the speech is a sentence: it opens with a character and holds a comma or a full stop (索引号：****** is a field)
        # lines are found by their newline, a literal the scan skips to (a title's first line is neither)
        "speech": re.compile(rf"\n(?P<name>[^\s:,。]{{2,13}}):(?=[\u4e00-\u9fff][^\n]{{{MIN_SPEECH},}}?[,。])"),
        "second_field": re.compile(rf"[及和与、/](?:{either(lexicon.longest_first(_words('contact_field')))})$"),
        "row": re.compile(rf"\n(?P<label>{either(roles)}) {{2,}}(?=\S)"),
        # a line of a roll: an optional number, the name, spaces, and the post, which ends with a title (1. 甲　村调解员)
        "roll": re.compile(rf"\n(?:\d{{1,2}}[.、]|\(\d{{1,2}}\))? ?(?P<name>[^\s\d.、()]{{2,{2 * person_score.MAX_DOTTED_PART + 1}}}) +"
                           rf"(?P<post>[^\s]{{2,{MAX_POST}}})(?=\n|$)"),
        "post_after": re.compile(rf"{either(lexicon.longest_first(_words('appoint')))}(?P<post>[^{_CLAUSE_END}]{{1,{MAX_POST}}})"
                                 rf"(?=[{_CLAUSE_END}])"),
        # Every other anchor of the frames in one scan of the text, each alternative a group; the post after a verb
        # of appointment is looked at, not consumed, so that a name inside it is still an anchor's.
        "anchor": re.compile(
            rf"(?=[{_first_characters()}])"  # one class test at each position before the alternatives are tried
            rf"(?:(?P<award>{either(lexicon.longest_first(_words('epithet')))}\"(?P<title>[^\"\n]{{2,{MAX_AWARD}}})\"的(?:{kinds})?)"
            rf"|(?P<kind>{kinds})"
            rf"|(?P<honour>{either(lexicon.longest_first(_words('honour')))})"
            # a form of address is found by its last character with the rest behind it: 法 and 民 open too many words
            rf"|(?P<address>{'|'.join(f'(?<={re.escape(w[:-1])}){re.escape(w[-1])}' for w in _addresses())})"
            rf"|(?P<appoint>{either(lexicon.longest_first(_words('appoint')))})"
            # the post must end with a title's last character, tested in the scan rather than after it
            rf"(?=(?P<post>[^{_CLAUSE_END}]{{0,{MAX_POST - 1}}}[{_last_characters()}])[{_CLAUSE_END}])"
            # a count is found by its classifier after a numeral (digits are too common a first character to scan for);
            # the numerals and 等 before it are read back by the handler
            rf"|(?P<count>(?<=[{_NUMERALS}])[名位]|(?<=[两二三])人)"
            rf"|(?P<profile>(?<=,)[男女],)"
            rf"|(?P<colon>:))"
        ),
    }


def _last_characters() -> str:
    """The characters a title ends with, as a regex class's contents."""
    return "".join(sorted({re.escape(role[-1]) for role in roles_longest_first()}))


def _first_characters() -> str:
    """The characters an anchor can open with, as a regex class's contents."""
    words = (*_words("kind_of_person"), *_words("appoint"), *_words("epithet"), *_words("honour"))
    lasts = {re.escape(word[-1]) for word in _addresses()}
    return "".join(sorted({re.escape(word[0]) for word in words} | lasts)) + r"名位人男女:"


@cache
def _addresses() -> tuple[str, ...]:
    """Professions and forms of address written after a name, longest first (检察官 before 警官's 官)."""
    return lexicon.longest_first((*_words("profession_after"), "同志"))


def _qualifiers(norm: str, pos: int) -> str:
    """The words before `pos` back to the clause's start (区人民法院 before 鲍某法官), kept as part of the role."""
    return norm[qualifiers_start(norm, pos) : pos]


def _skip_spaces(norm: str, pos: int, most: int = 3) -> int:
    end = pos
    while end < len(norm) and end - pos < most and norm[end] == _SPACES:
        end += 1
    return end


def found(norm: str, read: frozenset[int] = frozenset(), titles: tuple = ()):
    """(start, end, name, role) for each name a frame ties to a person.

    `read` holds where the names the rules read start and end: a frame beside one is not scored again (镇长X同志任…).
    `titles` are (start, end, title) where the text writes the titles of the roles, which the caller has scanned for already."""
    yield from _before_offices(norm, titles, read)
    yield from _slots(norm, titles, read)
    yield from _composed(norm, read)
    handlers = _handlers()
    for match in _patterns()["anchor"].finditer(norm):
        yield from handlers[_group(match)](norm, match, read)
    yield from _speakers(norm, read)
    yield from _rows(norm, read)
    yield from _rolls(norm, read)


def _group(match: re.Match) -> str:
    """The alternative that matched; the last group closed may be one inside it (an award's title, a post)."""
    if match.lastgroup in _handlers():
        return match.lastgroup
    return "award" if match.group("award") is not None else "appoint"


@cache
def _handlers() -> dict:
    return {"award": _awarded, "kind": _kinds, "honour": _honoured, "address": _addressed, "appoint": _appointed, "count": _counted,
            "profile": _profiles, "colon": _labelled}


def after_title(norm: str, pos: int) -> list[tuple[int, str]]:
    """人大主席伍国栋全面负责, 部长祁连山牵头, 调解员 方某，…: a name after a title that no rule read, when the span
    scores as a name and the dictionary cuts the text after it; a word after the title (高度重视, 亲自部署) scores too low."""
    start = _skip_spaces(norm, pos, 2)
    name = person_score.best_from(norm, start, TITLE)
    return [(start, name)] if name else []


@cache
def _offices() -> frozenset[str]:
    """Titles of a post (书记, 所长, 副镇长), not professions (read as forms of address) or list labels (成员)."""
    return frozenset(row["role"] for row in lexicon.table("roles") if row.get("kind", "office") == "office")


@cache
def _not_before_a_title() -> frozenset[str]:
    """Characters that end no name before a title: body and place suffixes, function words, prepositions."""
    return not_in_given() | lexicon.chars("person_words", "preposition")


def _before_offices(norm: str, titles: tuple, read: frozenset[int]):
    """以X书记为组长, 司法所X所长带队, 包片领导X副镇长: a name written before the office title it holds. Only the title
    frames it, so the name is scored as after a title; the words before the name (镇司法所) qualify the title."""
    barred, offices = _not_before_a_title(), _offices()
    for at, title_end, title_text in titles:
        before = norm[at - 1] if at >= 2 else ""
        # most titles follow the body or place they belong to (镇党委书记, 司法所所长), whose last character ends no name,
        # or a verb or preposition (由党委书记, 经法律顾问), or a word a given name would be (主要负责人, 发挥法律顾问)
        if not "\u4e00" <= before <= "\u9fff" or before in barred or title_text not in offices:
            continue
        if person_score.common_word(norm[at - 2 : at]) or norm[at - 1] in person_score.COUNT_CHARACTERS:
            continue
        if person_score.ends_a_word(norm, at, title_end):
            continue  # 习近平总书记: the title is the tail of a longer word (总书记), whose head is no name's
        for n, (start, end) in enumerate(_names_back(norm, at, TITLE, read)):
            if not person_score.qualifies_title(norm[start:end]):
                break  # 苏木党委书记, 配齐法治副校长, 两位副镇长: a place, a word or a count before the title
            if n == 0 and person_score.ends_with_verb(norm[start:end]) and heads_a_noun(norm, title_end):
                break  # 张贴法律顾问照片: a verb and its object, the title qualifying a thing (王涛所长讲话 is a name)
            yield start, end, norm[start:end], _qualifiers(norm, start) + title_text


def heads_a_noun(norm: str, pos: int) -> bool:
    """Whether a common noun follows `pos` (法律顾问照片, 桂园社区): then the words before it may qualify that thing
    rather than name a person; asked only where a name was read there."""
    word = segment.default_words(norm[pos : pos + MAX_SLOT], hmm=True)[0] if pos < len(norm) else ""
    return (len(word) > 1 and segment.pos_tags().get(word) == "n" and word not in roles()
            and segment.default().FREQ.get(word, 0) >= person_score.COMMON_WORD_FREQUENCY)


def _slots(norm: str, titles: tuple, read: frozenset[int]):
    """纪委书记强盛带队, 律师温暖，: a name between a title and an act of office or punctuation, which no rule read."""
    for _, title_end, title_text in titles:
        if title_end in read or roles().get(title_text) == "label":
            continue
        name = slot_after(norm, title_end) or closed_by(norm, title_end, _SEXED)
        if name:
            yield title_end, title_end + len(name), name, _qualifiers(norm, title_end - len(title_text)) + title_text


_SEXED = ("(女)", "(男)", "(女,", "(男,")  # a person's sex in brackets, said of nobody else
_MAX_UNKNOWN = 4  # characters of a name no lexicon knows, read between two frames that each say a person stands there


def closed_by(norm: str, start: int, closers: tuple[str, ...], words: bool = True) -> str | None:
    """武装部长年华（女）, 牧民朝克图一家: a span of two to four characters between a frame that opens a name and one that
    says only a person stands before it (a sex in brackets, a household), whatever its family name or words; the span holds
    no function word, place or body character (not_in_framed), no punctuation, and no title or act. Without `words`, no
    common word either: a household closes a span less surely than a sex does (村民小组一家一户 is no household of 小组)."""
    window = norm[start + 2 : start + _MAX_UNKNOWN + 3]
    if not any(closer in window for closer in closers):
        return None  # asked after every title and kind: most have no closer near, and a substring test says so at once
    barred = _not_framed()
    for end in range(start + 2, min(len(norm), start + _MAX_UNKNOWN) + 1):
        if not person_score.is_han(norm[end - 1]) or norm[end - 1] in barred:
            return None
        if norm.startswith(closers, end):
            span = norm[start:end]
            if role_re().search(span) or multi_char_acts_re().search(span):
                return None
            if not words and any(person_score.common_word(word) for word in segment.default_words(span, hmm=True)):
                return None
            return span
    return None


@cache
def _not_framed() -> frozenset[str]:
    return lexicon.chars("person_words", "not_in_framed")


def slot_after(norm: str, start: int, acts_only: bool = False, listed: bool = False) -> str | None:
    """The name at `start` (right after a title or a kind of person) that ends where an act of office, a verb or
    punctuation begins; asked only where a name can open. With `acts_only`, only an act closes it: a kind of person
    heads nouns as often as names (居民公约，, 村民小组). With `listed` (the slot follows a name and 、), a preposition of
    the dictionary closes it too (甲、和某某用方言…): after a title it may end a word instead (法律顾问平台运用)."""
    if not person_score.may_open_name(norm, start):
        return None
    stop = min(len(norm), start + MAX_SLOT) + 1
    ends = tuple(end for end in range(start + 2, stop)
                 if (norm.startswith(_long_acts(), end) if acts_only
                     else _closes_slot(norm, end) or (listed and segment.pos_tags().get(norm[end : end + 1]) == "p")))
    # 法律顾问周末预约服务: a common time word (周末, 夜间) before a verb of the dictionary says when the thing is done, not
    # who does it; an act of office or punctuation after it still closes a name (书记夏天带头)
    ends = tuple(end for end in ends if not _time_word(norm[start:end]) or end >= len(norm) or norm[end] in _SLOT_CLOSERS
                 or norm.startswith(_slot_acts(), end))
    if norm[start] in _CONJUNCTIONS:
        # 乡党委书记和志强把…: 和 is a family name when the person alone does what follows; 镇长和高远同志一同…, 律师和
        # 公职律师: a second person or title joined to the first, who act together (同志, 一同, 分别)
        # 老人和儿童的…, 领导和责任站所: a common word after 和 (儿童), or one the slot's end cuts (责|任), is what 和 joins
        ends = tuple(end for end in ends if not norm.startswith(_together(), end) and not norm.startswith(_titles(), end)
                     and not person_score.common_word(norm[start + 1 : end]) and not person_score.crossed(norm, end))
    return person_score.best_from(norm, start, SLOT, ends=ends, slot=True) if ends else None


def _time_word(word: str) -> bool:
    """A common word the dictionary tags a time (周末 654, 夜间 1,398): when something is done."""
    return segment.pos_tags().get(word) == "t" and segment.default().FREQ.get(word, 0) >= person_score.COMMON_WORD_FREQUENCY


def _closes_slot(norm: str, end: int) -> bool:
    """What may follow a name in a slot: punctuation, an act (带队, 同志, 在, 任), a household (一家), or a verb of the
    dictionary (审核, 组织)."""
    if end >= len(norm) or norm[end] in _SLOT_CLOSERS or norm.startswith(_slot_acts(), end):
        return True
    if norm[end] in _prepositions():
        return True  # 书记和志强把…, 所长X对…: a preposition opens what the person does to something
    word = segment.default_words(norm[end : end + MAX_SLOT], hmm=True)[0]
    return len(word) > 1 and segment.pos_tags().get(word, "") in ("v", "vn") and word not in roles()


@cache
def _titles() -> tuple[str, ...]:
    """Titles and professions, longest first: after 和 and a span, a title makes the span its qualifier (和公职律师)."""
    return lexicon.longest_first((*roles_longest_first(), *_words("profession_after")))


@cache
def _together() -> tuple[str, ...]:
    """What follows two people joined by 和: 同志 after the second, or an act they share (一同, 分别)."""
    return ("同志", *_words("together"))


@cache
def _prepositions() -> frozenset[str]:
    return lexicon.chars("person_words", "preposition")


@cache
def _long_acts() -> tuple[str, ...]:
    """Acts of two or more characters, and a household (一家): what closes a slot after a kind of person."""
    return (*multi_char_acts(), *_words("family"))


@cache
def _slot_acts() -> tuple[str, ...]:
    """Every act but a conjunction (和, 与, 、), which may join a word to the next as well as a name: after a title, what
    the person does next closes the slot, even in one character (书记严明在…, 乡长代红任…)."""
    return (*_long_acts(), *(word for word in _words("act") if len(word) == 1 and word not in _CONJUNCTIONS))


def _composed(norm: str, read: frozenset[int]):
    """由甲、乙、丙组成的“…”调解小组: the names between 由 and 组成 are the body's members, when names fill the run."""
    at = norm.find("组成")
    while at >= 0:
        # most bodies are made of kinds of people or units (由镇村干部组成): a name must be able to end before 组成,
        # and 由 must open the run within a list's length
        if at < 3 or norm[at - 1] in _not_before_a_title() or norm.rfind("由", max(0, at - MAX_MEMBERS), at - 2) < 0:
            at = norm.find("组成", at + 2)
            continue
        names = list(_names_back(norm, at, STRONG, read))
        if names and norm[names[-1][0] - 1 : names[-1][0]] != "由":
            names = _members_back(norm, at, read)  # 由甲、乙、占某组成: the read-back stopped inside the list (桂芝 of 占桂芝)
        if names and norm[names[-1][0] - 1 : names[-1][0]] == "由":
            body = re.match(rf"的?([^{_CLAUSE_END}]{{1,{MAX_POST}}})", norm[at + 2 : at + 2 + MAX_POST + 1])
            role = (body.group(1).replace('"', "") if body else "") + "成员"
            for start, end in reversed(names):
                yield start, end, norm[start:end], role
        at = norm.find("组成", at + 2)


def _members_back(norm: str, end: int, read: frozenset[int]) -> list[tuple[int, int]]:
    """The members between 由 and 组成 read back as spans that tile the run, each opened by 、 or 由 and closed by 、 or
    组成, so framed at both ends as a slot is (a rare family name such as 占 is read there). Asked only where the plain
    read-back found a name but stopped before 由; one tiling or none."""
    members = []
    while end not in read:
        starts = [start for start in person_score.starts_before(norm, end) if start > 0 and norm[start - 1] in "、由"
                  and (value := person_score.score(norm, start, end, (), slot=True)) is not None
                  and value + SLOT >= person_score.THRESHOLD]
        if len(starts) != 1:
            return []
        members.append((starts[0], end))
        if norm[starts[0] - 1] == "由":
            return members
        end = starts[0] - 1
    return []


def _names_back(norm: str, end: int, weight: float, read: frozenset[int]):
    """The name ending at `end` and those joined to it by 、 before it (甲、乙任副组长): (start, end) each; none when a
    rule read the name there (and so the list it ends)."""
    if end in read or not person_score.may_end_name(norm, end):
        return
    while (start := person_score.best_before(norm, end, weight)) is not None:
        yield start, end
        if start == 0 or norm[start - 1] != "、":
            return
        end = start - 1


def _labelled(norm: str, match: re.Match, read: frozenset[int]):
    colon = match.start()
    before = norm[max(0, colon - MAX_LABEL) : colon]
    # one test in C for any label; which label, only where there is one
    # （联系人及电话：甲，…）: a second field joined to the label (及电话) is what follows the name
    field = _patterns()["second_field"].search(before)
    if field:
        before = before[: field.start()]
    label = next(word for word in _labels() if before.endswith(word)) if before.endswith(_labels()) else None
    if label is None and before.endswith("人") and len(before) >= 3 and all(map(person_score.is_han, before[-3:])):
        label = before[-3:]  # 起草人, 审核人, 记录人: a sign-off word of a verb and 人
    if label is None:
        return
    start = _skip_spaces(norm, colon + 1)
    name = None if start in read else person_score.best_from(norm, start, STRONG)
    if name:
        at = colon - len(label)
        body = _qualifiers(norm, at - 1) if at > 0 and norm[at - 1] == "(" else ""
        yield start, start + len(name), name, body + label


def _awarded(norm: str, match: re.Match, read: frozenset[int]):
    name = None if match.end() in read else person_score.best_from(norm, match.end(), STRONG)
    if name:
        yield match.end(), match.end() + len(name), name, match.group("title")


def _honoured(norm: str, match: re.Match, read: frozenset[int]):
    """谭某被评为“…”, 甲、乙荣获…称号: the names before an honour, the honour as their role. The honour is a weaker tie
    than a title (places and bodies are honoured too: 东坪村被评为…), so the name must be cut cleanly on its own."""
    honour = re.match(rf"[^{_CLAUSE_END}]{{2,{MAX_AWARD}}}", norm[match.end() : match.end() + MAX_AWARD + 1])
    role = honour.group().replace('"', "") if honour else ""
    for start, end in _names_back(norm, match.start(), TITLE, read):
        yield start, end, norm[start:end], role


def _kinds(norm: str, match: re.Match, read: frozenset[int]):
    start, role = match.end(), match.group()
    opening = norm.rfind('"', max(0, match.start() - MAX_QUALIFIER), match.start())
    if norm.startswith('"', start) and opening >= 0:
        start += 1  # “法治带头人”甲: the kind in quotes, as a report names a role of its own
        role = norm[opening + 1 : match.end()]  # “法治大姐”: the whole name the township gives, not 大姐 alone
        if norm.startswith("(", start):
            start += 1  # “龚大爷”（龚某，退休工人）: the name the neighbours use, then the person's own in brackets
    # a span closed by a sex or a household is framed at both ends: it comes before a reading with a free end (图雅|格日)
    name = None if start in read else (closed_by(norm, start, _SEXED) or closed_by(norm, start, _words("family"), words=False)
                                       or person_score.best_from(norm, start, TITLE) or slot_after(norm, start, acts_only=True))
    while name and "某" not in name:  # 村民李某某与邻居…: a party to a case, its name withheld, is no actor
        yield start, start + len(name), name, role
        start += len(name) + 1  # 老党员甲、乙及…: the names the kind heads, joined by 、
        name = person_score.best_from(norm, start, TITLE) if norm[start - 1] == "、" and start not in read else None


def _speakers(norm: str, read: frozenset[int]):
    for match in _patterns()["speech"].finditer(norm):
        start, end = match.start("name"), match.end("name")
        if person_score.best_from(norm, start, SPEECH, ends=(end,)):
            yield start, end, norm[start:end], ""


def _rows(norm: str, read: frozenset[int]):
    for match in _patterns()["row"].finditer(norm):
        start = match.end()
        stop = norm.find("  ", start, start + 2 * person_score.MAX_DOTTED_PART + 2)
        if stop < 0:
            continue  # a row's name cell ends where the next cell's spaces begin
        if person_score.best_from(norm, start, STRONG, ends=(stop,)):
            post = norm[stop:].lstrip(" ").split("\n", 1)[0].strip()
            yield start, stop, norm[start:stop], post or match.group("label")


def _rolls(norm: str, read: frozenset[int]):
    for match in _patterns()["roll"].finditer(norm):
        start, end, post = match.start("name"), match.end("name"), match.group("post")
        if start not in read and post.endswith(_posts()) and person_score.best_from(norm, start, STRONG, ends=(end,)):
            yield start, end, norm[start:end], post


@cache
def _posts() -> tuple[str, ...]:
    """What the post of a roll's line ends with: a title (村调解员) or a kind of person (社区居民代表)."""
    return lexicon.longest_first((*roles_longest_first(), *_words("kind_of_person")))


def _addressed(norm: str, match: re.Match, read: frozenset[int]):
    """X警官, X老师, X女士, X同志: a profession or a form of address right after the name."""
    word = next(word for word in _addresses() if norm.endswith(word, 0, match.end()))
    at = match.end() - len(word)
    if word == "同志" and norm.endswith("等", 0, at):
        at -= 1  # 在甲、乙等同志的带领下: the names stand before 等
    if word == "同志" and at >= 2 and norm[at - 1] in "名位" and norm[at - 2] in _NUMERALS:
        return  # 甲、乙、丙三位同志: the count before 同志 frames the names (_counted), the numeral no given name
    if norm.startswith(_words("not_after_profession"), match.end()) or norm.startswith(_words("doctrine_after"), at):
        return
    post = _post_after(norm, match.end())  # 王某同志为驻村法律顾问: the post appointed after the address is the role
    for start, end in _names_back(norm, at, STRONG, read):
        yield start, end, norm[start:end], post or _qualifiers(norm, start) + ("" if word == "同志" else word)


def _post_after(norm: str, pos: int) -> str:
    """The post a verb of appointment right at `pos` gives, when it ends in a title (担任村法律顾问), else nothing."""
    match = _patterns()["post_after"].match(norm, pos)
    return match.group("post") if match and match.group("post").endswith(roles_longest_first()) else ""


def _appointed(norm: str, match: re.Match, read: frozenset[int]):
    """X任组长, Y、Z任副组长, X为镇政府法律顾问: names before a verb of appointment and a post ending in a title."""
    post = match.group("post")
    if not post.endswith(roles_longest_first()):
        return
    end = match.start() - (2 if norm.endswith("同志", 0, match.start()) else 0)
    for start, stop_at in _names_back(norm, end, STRONG, read):
        yield start, stop_at, norm[start:stop_at], post


def _counted(norm: str, match: re.Match, read: frozenset[int]):
    """X、Y两位副镇长, X等12名退休干部, X、Y二人: names followed by how many they are and, mostly, what."""
    at = match.start()
    end = at
    while end > 0 and at - end < MAX_COUNT and norm[end - 1] in _NUMERALS:
        end -= 1
    etc = end > 0 and norm[end - 1] == "等"
    end -= 1 if etc else 0
    after = norm[match.end() : match.end() + MAX_QUALIFIER]
    titled = after.startswith(roles_longest_first())
    if not (etc or titled or (match.group() == "人" and at - end == 1)):
        return  # 执法人员18名: a count after a word, not after names
    if end in read or not person_score.may_end_name(norm, end):
        return
    role = next(role for role in roles_longest_first() if after.startswith(role)) if titled else _nouns(after)
    for start, stop in _names_back(norm, end, STRONG, read):
        yield start, stop, norm[start:stop], role


def _nouns(text: str) -> str:
    """退休干部颁发…: the nouns a count goes on with, up to the first word that is none, as the people's role."""
    words = segment.default_words(text, hmm=True)
    tags = segment.pos_tags()
    out = ""
    for word in words[:3]:
        if not tags.get(word, "").startswith(("n", "v")) or (out and not tags.get(word, "").startswith("n")):
            break
        out += word
    return out


def _profiles(norm: str, match: re.Match, read: frozenset[int]):
    """方某，女，1961年生，退休教师: a name before a profile's sex."""
    for start, end in _names_back(norm, match.start() - 1, STRONG, read):
        yield start, end, norm[start:end], _qualifiers(norm, start).strip()
