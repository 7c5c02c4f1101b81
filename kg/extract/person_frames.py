"""Frames that tie a span to a person whatever follows it, each with its weight: the name in it is scored.

- a label and a colon before it: 负责人：X, 联系人：X (and the body in brackets before: 综治中心（负责人：X）);
- a profession after it: X警官带队, X老师为…, X教授解读, X律师) — the text before the name qualifies it;
- an appointment after a list of names: X任组长，Y、Z任副组长;
- an award before it: 被评为“…”的（村民）X;
- a line that opens with it and a colon before a sentence: X：以前…。(a speaker quoted in the report);
- a table row written with spaces: 成员    X    所长.
"""

from __future__ import annotations

import re
from functools import cache, partial

from kg.text import lexicon
from kg.text.lexicon import either
from kg.extract import person_score

_words = partial(lexicon.words, "person_words")
MAX_QUALIFIER = 12  # characters of the body before a bracket or a name that qualify the role (区人民法院)
MAX_AWARD = 24  # characters of an award's title in quotes
MIN_SPEECH = 8  # characters of a sentence after a speaker's colon
LABEL, PROFESSION, APPOINTED, AWARD, ROW = 3.0, 3.0, 3.0, 3.0, 3.0
TITLE = 2.0  # a title right before the span ties it as a frame does, but only a clean cut after it closes the name
SPEECH = 2.0  # a line's opening and a colon is a weaker tie: headings and labels open lines too


@cache
def _patterns() -> dict[str, re.Pattern]:
    roles = lexicon.longest_first(row["role"] for row in lexicon.table("roles"))
    # a class of the titles' first characters before the list of titles: most positions fail on one character test
    opens = "(?=[" + "".join(sorted({re.escape(role[0]) for role in roles})) + "])"
    return {
        "label": re.compile(rf"(?P<label>{either(_words('colon_label'))}):[ ]*"),
        "appointed": re.compile(rf"任{opens}(?P<post>{either(roles)})(?=[,。;、\n])"),
        "award": re.compile(rf"被评为\"(?P<award>[^\"\n]{{2,{MAX_AWARD}}})\"的(?:{either(_words('kind_of_person'))})?"),
        # the speech is a sentence: it opens with a character and holds a comma or a full stop (索引号：****** is a field)
        # lines are found by their newline, a literal the scan skips to (a title's first line is neither)
        "speech": re.compile(rf"\n(?P<name>[^\s:,。]{{2,13}}):(?=[\u4e00-\u9fff][^\n]{{{MIN_SPEECH},}}?[,。])"),
        "row": re.compile(rf"\n{opens}(?P<label>{either(roles)}) {{2,}}(?=\S)"),
    }


def _qualifiers(norm: str, pos: int) -> str:
    """The words before `pos` back to the clause's start (区人民法院 before 鲍某法官), kept as part of the role."""
    stops = lexicon.chars("person_words", "role_left_stop")
    left = pos
    while left > 0 and pos - left < MAX_QUALIFIER and person_score.is_han(norm[left - 1]) and norm[left - 1] not in stops:
        left -= 1
    return norm[left:pos]


def found(norm: str):
    """(start, end, name, role) for each name a frame ties to a person, in text order per frame."""
    yield from _labelled(norm)
    yield from _professions(norm)
    yield from _appointed(norm)
    yield from _awarded(norm)
    yield from _speakers(norm)
    yield from _rows(norm)


def after_title(norm: str, pos: int) -> list[tuple[int, str]]:
    """人大主席伍国栋全面负责, 部长祁连山牵头: a name after a title that no rule read, when the span scores as a name
    and the dictionary cuts the text after it; a word after the title (高度重视, 周密部署) scores too low."""
    name = person_score.best_from(norm, pos, TITLE)
    return [(pos, name)] if name else []


@cache
def _label_ends() -> tuple[str, ...]:
    return tuple({label[-1] + ":" for label in _words("colon_label")})


def _labelled(norm: str):
    if not any(end in norm for end in _label_ends()):
        return  # a plain test for the label's last character and the colon spares the scan on most reports
    for match in _patterns()["label"].finditer(norm):
        name = person_score.best_from(norm, match.end(), LABEL)
        if name:
            label = match.group("label")
            body = _qualifiers(norm, match.start() - 1) if match.start() and norm[match.start() - 1] == "(" else ""
            yield match.end(), match.end() + len(name), name, body + label


def _professions(norm: str):
    # each profession found by a plain search (they are few and short); a regex alternation would test every position
    for word in _words("profession_after"):
        at = norm.find(word)
        while at >= 0:
            if not norm.startswith(_words("not_after_profession"), at + len(word)):
                start = person_score.best_before(norm, at, PROFESSION)
                if start is not None:
                    yield start, at, norm[start:at], _qualifiers(norm, start) + word
            at = norm.find(word, at + len(word))


def _appointed(norm: str):
    for match in _patterns()["appointed"].finditer(norm):
        end = match.start()
        while (start := person_score.best_before(norm, end, APPOINTED)) is not None:
            yield start, end, norm[start:end], match.group("post")
            if start == 0 or norm[start - 1] != "、":
                break
            end = start - 1


def _awarded(norm: str):
    for match in _patterns()["award"].finditer(norm):
        name = person_score.best_from(norm, match.end(), AWARD)
        if name:
            yield match.end(), match.end() + len(name), name, match.group("award")


def _speakers(norm: str):
    for match in _patterns()["speech"].finditer(norm):
        start, end = match.start("name"), match.end("name")
        if person_score.best_from(norm, start, SPEECH, ends=(end,)):
            yield start, end, norm[start:end], ""


def _rows(norm: str):
    for match in _patterns()["row"].finditer(norm):
        start = match.end()
        stop = norm.find("  ", start, start + 2 * person_score.MAX_DOTTED_PART + 2)
        if stop < 0:
            continue  # a row's name cell ends where the next cell's spaces begin
        if person_score.best_from(norm, start, ROW, ends=(stop,)):
            post = norm[stop:].lstrip(" ").split("\n", 1)[0].strip()
            yield start, stop, norm[start:stop], post or match.group("label")
