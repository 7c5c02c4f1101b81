"""The surnames and titles of the lexicons, and where a text writes them: what every reader of people looks up."""

from __future__ import annotations

import re
from functools import cache

import ahocorasick

from kg.text import lexicon
from kg.text import segment
from kg.text.lexicon import either

MAX_ROLE_PREFIX = 12  # characters of qualifying words before a title (乡 + 司法所 + 所长); longer runs are a clause


@cache
def surnames() -> tuple[str, ...]:
    """Compound surnames first, so 欧阳 is tried before 欧; not the rare ones, which only a frame may read."""
    return lexicon.longest_first(row["surname"] for row in lexicon.table("surnames") if row.get("weight") != "rare")


@cache
def rare_surnames() -> frozenset[str]:
    """Family names that are far more often words (占, 单于): a name opens with one only inside a frame."""
    return frozenset(row["surname"] for row in lexicon.table("surnames") if row.get("weight") == "rare")


@cache
def surname_set() -> frozenset[str]:
    return frozenset(surnames())


def surname_at(norm: str, pos: int) -> str | None:
    """The surname standing at `pos`, a compound one (欧阳) before a single one (欧): a set lookup, since this
    is asked at every character that could open a name."""
    known = surname_set()
    two = norm[pos : pos + 2]
    if len(two) == 2 and two in known:
        return two
    one = norm[pos : pos + 1]
    return one if one and one in known else None


@cache
def dictionary() -> tuple[dict[str, str], dict[str, int]]:
    """The segmenter's part-of-speech tags and word counts, which every test of a word against a name reads."""
    return segment.pos_tags(), segment.default().FREQ


@cache
def name_parts_re() -> re.Pattern:
    """The name parts of traditions without family names as one pattern, longest first, so that a match at a position
    is the longest part there."""
    return re.compile("|".join(map(re.escape, lexicon.longest_first(lexicon.words("name_parts")))))


@cache
def multi_char_acts() -> tuple[str, ...]:
    """The acts of two or more characters a person does after their name (带领, 主持)."""
    return tuple(word for word in lexicon.words("person_words", "act") if len(word) > 1)


@cache
def multi_char_acts_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, lexicon.longest_first(multi_char_acts()))))


def qualifiers_start(norm: str, pos: int) -> int:
    """Where the words qualifying a title or a name at `pos` begin (乡 + 司法所 before 所长, 区人民法院 before 鲍某法官):
    back to the clause's start, a word that stops a role (a verb, a preposition), or MAX_ROLE_PREFIX characters."""
    stops = lexicon.chars("person_words", "role_left_stop")
    left = pos
    while left > 0 and pos - left < MAX_ROLE_PREFIX and "\u4e00" <= norm[left - 1] <= "\u9fff" and norm[left - 1] not in stops:
        left -= 1
    if pos - left < 2:
        return left
    # 包片领导副镇长: a title right before another is a second post, and the one nearest the name is the role
    adjacent = next((role for role in roles_longest_first() if norm.endswith(role, left, pos)), None)
    if adjacent is not None and len(adjacent) > 1:
        return pos
    # 群众这样评价网格员, 其中金叶社区书记: the words up to a pronoun of two characters (这样, 其中) are a clause; after
    # it, the words qualify the title only when they name a place or a body (金叶社区), else they are the clause's verb
    # (评价). A pronoun of one character (我镇, 该村) points at the body itself.
    if not any(norm[at : at + 2] in _pronouns() for at in range(left, pos - 1)):
        return left  # most runs hold no pronoun: a set lookup per character before the segmenter is asked
    offset = left
    for word in lexicon.tokens(norm[left:pos]):
        offset += len(word)
        if len(word) > 1 and segment.pos_tags().get(word, "").startswith("r"):
            places = lexicon.chars("person_words", "not_in_framed")
            left = offset if any(ch in places for ch in norm[offset:pos]) else pos
    return left


@cache
def _pronouns() -> frozenset[str]:
    """The first two characters of the dictionary's pronouns of two or more characters (这样, 其中, 如此)."""
    return frozenset(word[:2] for word, tag in segment.pos_tags().items() if tag.startswith("r") and len(word) > 1)


@cache
def not_in_given() -> frozenset[str]:
    """Characters the rules never read in a given name: suffixes and function words anywhere, title endings (长, 记, 员)
    too, as they read a name back from what follows it."""
    return lexicon.chars("person_words", "not_in_name") | lexicon.chars("person_words", "title_end")


@cache
def roles() -> dict[str, str]:
    return {row["role"]: row.get("kind", "office") for row in lexicon.table("roles")}


@cache
def role_re() -> re.Pattern:
    return re.compile(either(roles_longest_first()))


@cache
def _title_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for role in roles():
        automaton.add_word(role, role)
    automaton.make_automaton()
    return automaton


def titles_in(norm: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, title) for every title of the text, leftmost and longest and none overlapping, as a scan with the
    longest-first alternation finds them; one pass of an automaton costs the same however many titles the table holds.
    Plain tuples: a report holds hundreds of titles, and the frames read each of them."""
    return tuple((end + 1 - len(role), end + 1, role) for end, role in _title_automaton().iter_long(norm))


@cache
def roles_longest_first() -> tuple[str, ...]:
    """Every title, longest first: the first that a phrase ends with is the longest (书记员 before 书记)."""
    return lexicon.longest_first(roles())
