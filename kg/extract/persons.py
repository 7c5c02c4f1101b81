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
from functools import cache

from kg.text.lexicon import LEXICON_DIR, read_table
from kg.model import Person, Section, Source
from kg.text import evidence

# Words that may follow a name: what the person does next, or how the text goes on.
_FOLLOW = (
    "同志", "律师", "法官", "担任", "兼任", "任", "为", "和", "与", "及", "、", ",", "。", ";", "或", "对", "带头",
    "带领", "带队", "牵头", "负责", "全年", "年内", "坚持", "严格", "亲自", "认真", "组织", "主持", "召集", "出庭",
    "率先", "多次", "先后", "在", "于", "等", "是", "的", "深入", "走访", "参加", "参与", "到", "前往", "讲授",
    "作", "做", "主动", "始终", "高度", "定期", "专题", "研究", "召开", "听取", "审阅", "签订", "分管", "具体",
    "(", "）", ")", "\n", " ", "也", "还", "同时", "每", "先", "将", "把", "就", "要求", "强调", "指出",
)
# What a person does right after the name: a given name that is also a word (建国, 多多) needs one.
_ACTS = tuple(word for word in _FOLLOW if len(word) > 1 or word in "任为对在于和与、")
_NOT_IN_NAME = set("镇乡村县区市省党委政府办所局会的和与及在对为任是等年月日长记员")
_DOCTRINE_AFTER = ("总书记", "法治思想", "新时代", "思想", "同志关于", "重要讲话", "重要指示")
_BOUNDARY = set(",。;:!?\n、()\"")
# Words that end a role phrase on its left: the clause's verb or preposition, not part of the title.
_ROLE_LEFT_STOP = set("由以是和与及或将把被对在请聘任为经先全均已还并都再又也就才向给让等了着过的地得")
_APPOINT = re.compile(r"(?:同志)?(?:担任|兼任|任|为)(?P<role>[^,。;:!?\n、]{2,16}?)(?=[,。;:!?\n、]|$|的)")
_NAME_LIST_SEP = "、和"


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    name: str
    role: str


@cache
def surnames() -> tuple[str, ...]:
    """Compound surnames first, so 欧阳 is tried before 欧."""
    names = [row["surname"] for row in read_table(LEXICON_DIR / "surnames.tsv")]
    return tuple(sorted(dict.fromkeys(names), key=len, reverse=True))


@cache
def roles() -> dict[str, str]:
    return {row["role"]: row.get("kind", "office") for row in read_table(LEXICON_DIR / "roles.tsv")}


@cache
def _role_re() -> re.Pattern:
    words = sorted(roles(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def extract(source: Source, sections: tuple[Section, ...]) -> tuple[Person, ...]:
    """Each named person once, with the role the text gives at their first mention."""
    norm = source.norm
    found = sorted(
        (*_after_titles(norm), *_before_titles(norm), *_heads_of_bodies(norm), *_comrades(norm)),
        key=lambda f: f.start,
    )
    seen: dict[str, Person] = {}
    for item in found:
        if item.name not in seen:
            name = source.text[item.start : item.end]
            role = _as_written(source.text, norm, item.role, item.start)
            seen[item.name] = Person(name, role, evidence(source.path, source.text, item.start, item.end))
    return tuple(seen.values())


def _as_written(text: str, norm: str, phrase: str, near: int) -> str:
    """`phrase` (found in the normal form) as the original text writes it: 村（居）, not 村(居)."""
    at = norm.find(phrase, max(0, near - 40), near + 80)
    return text[at : at + len(phrase)] if at >= 0 else phrase


def name_at(norm: str, pos: int) -> str | None:
    """The person's name starting at `pos`, if a surname and one or two given characters stand there."""
    surname = next((s for s in surnames() if norm.startswith(s, pos)), None)
    if surname is None:
        return None
    given_at = pos + len(surname)
    candidates = [norm[pos : given_at + n] for n in (2, 1) if given_at + n <= len(norm)]
    for candidate in candidates:
        given = candidate[len(surname) :]
        if not all("\u4e00" <= ch <= "\u9fff" and ch not in _NOT_IN_NAME for ch in given):
            continue
        if _is_common_word(candidate) or _is_common_word(candidate[: len(surname) + 1]):
            continue  # 全程参与, 单位负责: an ordinary word, not a surname and a given name
        rest = norm[pos + len(candidate) :]
        if rest.startswith(_DOCTRINE_AFTER):
            return None
        if _is_common_word(given) and not rest.startswith(_ACTS):
            continue  # 全覆盖，: a word; 李建国亲自…: a name, for a person acts next
        if not rest or rest.startswith(_FOLLOW):
            return candidate
    return None


COMMON_WORD_FREQUENCY = 100  # jieba's counts: 全程 361, 单位 17532; rare words (海东 9) may be given names


def _is_common_word(word: str) -> bool:
    """A frequent dictionary word that is not a person's name (全程, 单位) is no name."""
    tags, frequencies = _dictionary()
    tag = tags.get(word)
    return len(word) > 1 and tag is not None and not tag.startswith("nr") and frequencies.get(word, 0) >= COMMON_WORD_FREQUENCY


@cache
def _dictionary() -> tuple[dict[str, str], dict[str, int]]:
    from kg.text import segment

    return segment.pos_tags(), segment.default().FREQ


def _role_phrase(norm: str, start: int, end: int) -> str:
    """The title with the words the text puts before it (乡 + 司法所 + 所长), back to the clause's verb."""
    left = start
    while left > 0 and start - left < 12:
        ch = norm[left - 1]
        if ch in _BOUNDARY or ch in _ROLE_LEFT_STOP or not "\u4e00" <= ch <= "\u9fff":
            break
        left -= 1
    return norm[left:end]


def _appointed_role(norm: str, pos: int) -> str | None:
    """The post after 担任/任/为 at `pos` (after the name and an optional 同志/律师)."""
    for title in ("律师", "法官"):
        if norm.startswith(title, pos):
            pos += len(title)
    match = _APPOINT.match(norm, pos)
    return match.group("role") if match else None


def _names_from(norm: str, pos: int) -> list[tuple[int, str]]:
    """One name at `pos` and the names joined to it by 、 or 和 (律师张某、李某担任…)."""
    out = []
    while True:
        name = name_at(norm, pos)
        if name is None:
            return out
        out.append((pos, name))
        pos += len(name)
        if pos < len(norm) and norm[pos] in _NAME_LIST_SEP:
            pos += 1
        else:
            return out


def _after_titles(norm: str):
    """乡党委书记滕某某…; 律师事务所律师张某、李某担任村（居）法律顾问."""
    for match in _role_re().finditer(norm):
        names = _names_from(norm, match.end())
        if not names:
            continue
        last_end = names[-1][0] + len(names[-1][1])
        appointed = _appointed_role(norm, last_end)
        if roles()[match.group()] == "profession" or len(names) > 1:
            role = appointed or match.group()
        else:
            role = _role_phrase(norm, match.start(), match.end())
        for pos, name in names:
            yield _Found(pos, pos + len(name), name, role)


def _before_titles(norm: str):
    """赵某律师担任镇政府法律顾问: a name before a profession, appointed to a post."""
    for title in ("律师", "法官"):
        for match in re.finditer(title, norm):
            for size in (3, 2, 4):
                pos = match.start() - size
                if pos < 0 or name_at(norm, pos) != norm[pos : match.start()]:
                    continue
                role = _appointed_role(norm, match.start())
                if role:
                    yield _Found(pos, match.start(), norm[pos : match.start()], role)
                break


def _heads_of_bodies(norm: str):
    """成立以张某为组长的…领导小组: the head of the body, named by the body and the title."""
    for match in re.finditer(r"以(?=\S{2,4}为(?:副?组长|主任|总指挥))", norm):
        name = name_at(norm, match.end())
        if not name:
            continue
        title_at = match.end() + len(name) + 1
        title = _role_re().match(norm, title_at)
        if not title:
            continue
        tail = norm[title.end() : title.end() + 40]
        body = re.match(r"的[^,。;:!?\n]*?(领导小组|工作小组|委员会|指挥部|小组)", tail)
        role = (body.group(1) if body else "") + title.group()
        yield _Found(match.end(), match.end() + len(name), name, role)


def _comrades(norm: str):
    """王某同志任镇长: a name, 同志, then the post."""
    for match in re.finditer("同志", norm):
        for size in (3, 2, 4):
            pos = match.start() - size
            if pos < 0 or name_at(norm, pos) != norm[pos : match.start()]:
                continue
            role = _appointed_role(norm, match.end())
            if role:
                yield _Found(pos, match.start(), norm[pos : match.start()], role)
            break
