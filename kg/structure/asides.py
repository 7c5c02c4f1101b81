"""Problems and plans told inside a section of work done, where a report has no sections for them.

Some reports close each topic with its own 存在问题：… and 下步打算：… paragraphs, end their last measure with
工作中也存在一些不足：一是…；二是…, or close the section with a paragraph of both behind long lead sentences
(在看到成绩的同时，我们也清醒地认识到存在的不足：一是…。下一步，我镇将着力做好以下工作：一是…). A lead-in naming a
kind, before a colon at a line's start or after a sentence end, opens a stretch of that kind that runs to the
next such lead-in or the section's end.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.resources import data_dir
from kg.structure.header import lines_of
from kg.structure.kinds import lead_in_kind
from kg.structure.markers import decor_end
from kg.text.lexicon import either, longest_first, read_table

MAX_LEAD_IN = 12  # characters of a lead-in label (工作中也存在一些不足); a longer clause before a colon is prose
MAX_LIST_LEAD = 40  # characters of a lead sentence that introduces a 一是… list
MAX_TIME_CLAUSE = 4  # 下一步, 明年: a clause opening the lead that says only when
_SENTENCE_END_RE = re.compile(r"[。!?！？]")
_CLAUSE_SEP_RE = re.compile(r"[,，、;；]")
# ……仍存在短板 / 还有一些不足 / 面临不少困难: a last clause saying that problems exist, before their list
# (为解决有关问题 says nothing of the kind).
_HAS_PROBLEMS_RE = re.compile(
    r"(?:存在|[还仍也尚]有|面临)着?[^,，。]{0,6}?(?:不足|问题|差距|短板|困难|薄弱环节|弱项)(?:和不足|和问题|和短板)?$")
# 我镇将 / 我们要 / 我街道拟: a last clause that says only who will do what follows, before the plans' list.
_WILL_RE = re.compile(r"\s*(?:我[\u4e00-\u9fff]{1,2}|我们)?(?:将|要|拟|计划)\s*")
# What opens an enumerated list right after the colon: 一是, 首先, 1., （1）, ①.
_LIST_OPENS_RE = re.compile(r"\s*(?:一[是要]|首先|第一[,，、]|1[.、．]|[(（]1[)）]|①)")


def aside_heads(norm: str, start: int, end: int, unlisted: bool = False) -> list[tuple[int, int, str]]:
    """(lead-in start, body start after its colon, kind) of each problems or plans lead-in in norm[start:end].

    `unlisted`: a long lead sentence counts before a list with no marks too (……还存在以下问题：A；B；C。), as in a
    section whose heading names both kinds, where each paragraph is one half."""
    heads = []
    last = norm.rfind("\n", start, _rstrip_end(norm, start, end)) + 1
    for line in lines_of(norm, start, end):
        starts = [decor_end(norm, line.start)]
        starts += [match.end() for match in _SENTENCE_END_RE.finditer(norm, line.start, line.end)]
        for lead_start in starts:
            colon = norm.find(":", lead_start, min(lead_start + MAX_LIST_LEAD + 1, line.end))
            if colon <= lead_start or _SENTENCE_END_RE.search(norm, lead_start, colon):
                continue
            kind = _kind_of_lead(norm[lead_start:colon], unlisted or _LIST_OPENS_RE.match(norm, colon + 1) is not None
                                 or _runs_clauses(norm, colon + 1, line.end))
            if kind:
                heads.append((lead_start, colon + 1, kind))
        # Only the last paragraph is asked, once: an aside there runs to the section's end.
        closing = None if unlisted or line.start < last else closing_aside(norm, line.start, line.end)
        if closing:
            heads.append(closing)
        turn = _FUTURE_TURN_RE.match(norm, starts[0], line.end)
        if turn and not any(start >= line.start and start < line.end for start, _, _ in heads):
            heads.append((starts[0], turn.end(), "plans"))
    return heads


# A paragraph opening on the time to come and who will act (新的一年，我镇将…; 明年，我们要…): its sentences are plans,
# with no colon or list to lead them in. 将 alone opens work done as often (镇党委将…纳入…): the time word comes first.
# The words of the time to come that open such a paragraph or a body (sectionkind reads them too).
TIME_AHEAD = "接下来|下一步|下步|下一阶段|今后|明年|来年|新的一年|新一年|未来"
_FUTURE_TURN_RE = re.compile(rf"(?:{TIME_AHEAD})[,，]?\s*(?:我[\u4e00-\u9fff]{{1,2}}|我们)(?:将|要|拟)")


def closing_aside(norm: str, start: int, end: int) -> tuple[int, int, str] | None:
    """(lead start, body start after its comma, kind) of a concession closing the paragraph norm[start:end]
    (……办理案件21件。不足的是，持证人员只有7人。), or None.

    Only after a sentence of the paragraph's own: a paragraph that opens on the concession is no aside of work
    done. Asked of a section's last paragraph alone, so that the aside runs to the section's end."""
    for match in _SENTENCE_END_RE.finditer(norm, start, end):
        lead = _closing_lead_re().match(norm, match.end(), end)
        if lead:
            return match.end(), lead.end(), _closing_kinds()[lead.group(1)]
    return None


def before_closing_aside(body: str) -> str:
    """A section's body without the concession closing its last paragraph (不足的是，…), which is no part of what
    the section is about; the body as it is when it has none."""
    norm = body.rstrip()
    start = norm.rfind("\n") + 1
    found = closing_aside(norm, start, len(norm))
    return body[: found[0]] if found else body


def _rstrip_end(norm: str, start: int, stop: int) -> int:
    while stop > start and norm[stop - 1].isspace():
        stop -= 1
    return stop


@lru_cache(maxsize=1)
def _closing_kinds() -> dict[str, str]:
    return {row["lead"]: row["kind"] for row in read_table(_CLOSING_TSV)}


@lru_cache(maxsize=1)
def _closing_lead_re() -> re.Pattern:
    return re.compile(r"\s*(%s)[,，]" % either(longest_first(_closing_kinds())))


_CLOSING_TSV = data_dir("ontology") / "lexicons" / "closing_asides.tsv"


def turns_to_plans(norm: str, start: int) -> bool:
    """Whether a paragraph at `start` turns to the plans by its opening words (新的一年，我镇将…)."""
    return _FUTURE_TURN_RE.match(norm, start) is not None


def _runs_clauses(norm: str, start: int, end: int) -> bool:
    """Whether what follows a colon runs as a list without marks: clauses apart by ；before the sentence's end."""
    stop = _SENTENCE_END_RE.search(norm, start, end)
    stop = stop.start() if stop else end
    return norm.count("；", start, stop) + norm.count(";", start, stop) >= 1


def _kind_of_lead(lead: str, opens_list: bool) -> str | None:
    """A short label names its kind anywhere in it; a long lead sentence before a list, in its last clause or
    in a time clause opening it (下一步，我镇将…) — so 针对存在的问题，我镇采取以下措施 stays work done."""
    if len(lead) <= MAX_LEAD_IN and not _CLAUSE_SEP_RE.search(lead):
        return lead_in_kind(lead)
    if not opens_list:
        return None
    clauses = [c for c in _CLAUSE_SEP_RE.split(lead) if c.strip()]
    if not clauses:
        return None
    opening = clauses[0] if len(clauses[0]) <= MAX_TIME_CLAUSE else ""
    named = lead_in_kind(clauses[-1]) or (lead_in_kind(opening) if opening else None)
    if named is None and _HAS_PROBLEMS_RE.search(clauses[-1]):
        return "shortcomings"
    if named is None and _WILL_RE.fullmatch(clauses[-1]):
        return "plans"
    return named
