"""The kind of a top-level section, weighed from its heading, what its body states, and where it stands.

A heading names its kind most of the time (存在的问题, 下一步打算), and then it decides, unless the body plainly
says otherwise: work done under a heading that names the shortfalls it remedied (补齐短板弱项，取得新成效), plans
after the problems under a heading that names those problems (针对上述问题和不足的改进措施). A heading that names no
kind (回顾篇, 家底怎么样？, “进”字发力) is decided by its body: problems are written with 不足/有待/薄弱, plans state
what is to be done and no results yet, requests ask those above (建议县里…), a profile gives area and population.
Where the body alone does not settle it, a word of the heading that leans one way (看差距, 哪些地方还不够, 再出发)
counts if the body bears it out. Reports put problems after the work done and plans after the problems; a section
after the plans is rarely work done, and a report seldom ends on its work done (task lines at its end are plans). The kinds that none of this settles are decided together, as the most likely
sequence of kinds given each body's shares and that order, so a section's neighbours place it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg import model
from kg.errors import StructureError
from kg.resources import data_dir
from kg.structure.asides import TIME_AHEAD, before_closing_aside
from kg.structure.content import (Reading, incidents_share, may_open_with_marker, read_body, states_no_shortfall,
                                  titled_parts)
from kg.structure.kinds import kinds_at, kinds_named, patterns_by_kind, vocabulary
from kg.structure.markers import line_marker
from kg.structure.shapes import shortfall_share_shaped
from kg.text import sentences
from kg.text.lexicon import read_table

HINTS_TSV = data_dir("ontology") / "lexicons" / "section_hints.tsv"
_YEAR_IN_HEADING_RE = re.compile(r"((?:19|20)\d{2})\s*年")
# A body that opens on a later year than the report's (2023年，我镇将重点做好以下工作：) speaks of the future,
# whatever its heading says (乘势而上).
_OPENING_YEAR_RE = re.compile(r"\s*(?:\*\*)?((?:19|20)\d{2})\s*年")
# Shares of a body's sentences that carry a kind's cues, measured on the shared reports: problem sections
# run 0.3–1.0 against at most 0.07 for work done; plan sections 0.27–0.88 future wording, most with under
# 0.2 results.
_PROBLEM_SHARE = 0.4
_PLAN_SHARE = 0.25
_RESULT_SHARE = 0.2
_PROFILE_CUES = 2
# A body contradicts its heading only when it is plain about it: not one sentence states a shortfall and a third
# or more state results (work done; item headings state neither), or half open on what is to be done, at most a
# third state a result and fewer than _PROBLEM_SHARE a shortfall (plans, after the problems were told).
_CONTRARY_SHARE = 0.5
_FEW_RESULTS = 1 / 3
_REQUEST_SHARE = 0.5
# A quarter of a body's sentences stating shortfalls bears out a heading that leans to problems.
_SOME_PROBLEMS = 0.25
# A share of one or two sentences says too little against a heading (执法车辆已超年限，…未到位。).
_CONTRARY_SENTENCES = 3
# A closing after the plans says in a sentence or two that the work goes on (…永远在路上。我们将…).
_CLOSING_SENTENCES = 2
# A body opening on the township's leader (镇党委书记X把法治建设…, 乡长X带头…), past any item number or white space.
_LEADER_OPENING_RE = re.compile(r"\s*(?:[(（][一二三四五六七八九十\d]+[)）])?[^，。；,;\n]{0,12}?(?:书记|镇长|乡长|主任|一把手|主要负责人|主要领导)")


def classify(heading: str, report_year: int | None = None, body: str = "", after_problems: bool = False,
             after_plans: bool = False, after_work: bool = False) -> str:
    """The kind of a top-level section from its heading and its body.

    `after_problems`, `after_plans`, `after_work`: a section of problems, of plans, of work done (or duty) comes
    before this one.
    """
    # A concession closing the work told (……办理案件21件。不足的是，…) is an aside of it, not what the body is about.
    return _decide(heading, report_year, before_closing_aside(body), after_problems, after_plans, after_work)[0]


def classify_all(parts, report_year: int | None = None) -> list[str]:
    """The kinds of a report's top-level sections, given as (heading, body) in order.

    Each is decided in turn, knowing the kinds before it; then, in a report with no problems section, the section
    right before the plans that nothing settled (it fell to work done) and that follows the work done is problems,
    where its body states one. Last, the kinds nothing settled are chosen together, as the most likely sequence given
    their bodies and the usual order of a report (most_likely_sequence); settled kinds stay as they are.
    """
    # A concession closing the work told (……办理案件21件。不足的是，…) is an aside of it, not what the body is about;
    # the last body is asked whole whether the text was cut short inside it.
    cut_short = bool(parts) and _cut_short(parts[-1][1])
    parts = [(heading, before_closing_aside(body)) for heading, body in parts]
    kinds, settled = [], []
    for heading, body in parts:
        kind, sure = _decide(heading, report_year, body, "shortcomings" in kinds, "plans" in kinds,
                             "measures" in kinds or "duty" in kinds)
        kinds.append(kind)
        settled.append(sure)
    # Only the section right before the first plans, in a report with no problems section of its own.
    pos = kinds.index("plans") - 1 if "plans" in kinds and "shortcomings" not in kinds else -1
    if pos > 0 and not settled[pos] and ("measures" in kinds[:pos] or "duty" in kinds[:pos]):
        reading = read_body(parts[pos][1])
        if reading.problems > 0 and reading.results <= _FEW_RESULTS:
            kinds[pos] = "shortcomings"
            settled[pos] = True
    if all(settled):
        return kinds
    readings = [None if sure else read_body(body) for sure, (_, body) in zip(settled, parts)]
    return most_likely_sequence(kinds, settled, readings, ends_report=not cut_short)


def most_likely_sequence(kinds: list[str], settled: list[bool], readings: list[Reading | None],
                         ends_report: bool = True) -> list[str]:
    """The kinds of a report's sections as the most likely sequence: settled sections keep their kind, and each section
    nothing settled takes the kind that best fits its body and the order reports keep around it (work done, then
    problems, then plans; duty first or last; other anywhere), so a section is placed by its neighbours too.
    `readings`: the bodies' readings, needed only for the sections not settled. `ends_report`: False when the text
    was cut short inside the last section, so where it stops says nothing of where the report ends.
    """
    # best[kind] = (score, path) of the best sequence so far ending in kind; one step per section, five kinds each.
    best: dict[str | None, tuple[float, list[str]]] = {None: (0.0, [])}
    for kind, sure, reading in zip(kinds, settled, readings):
        fits = {kind: 0.0} if sure else _content_fit(reading)
        step = {}
        for candidate, fit in fits.items():
            score, path = max(((prior + _order_cost(last, candidate) + _before_work(path, candidate), path)
                               for last, (prior, path) in best.items()), key=lambda pair: pair[0])
            step[candidate] = (score + _FIT_WEIGHT * fit, [*path, candidate])
        best = step
    # Only a last body of task lines is weighed by where reports end: elsewhere the end says too little to count. And
    # only after work done: a report of a profile or a duty and task lines has told no work if those are its plans.
    end = (_END_COST if ends_report and readings and readings[-1] is not None and _states_only_tasks(readings[-1])
           else {})
    return max(best.values(), key=lambda pair: pair[0] + (
        end.get(pair[1][-1], 0.0) if "measures" in pair[1][:-1] else 0.0))[1]


# How far a body's shares count against the order: a body plainly of one kind (a share of 1.0) outweighs any step
# forward or aside in the order, and a step back but for one from the plans.
_FIT_WEIGHT = 3.0
# Work done is what a section that states nothing in particular is most likely to be (most silent headings head it).
_WORK_PRIOR = 0.2
# Task lines at the end of a report, after the work done (see _END_COST), are plans; anywhere else the work done.
_TASKS_FIT = 0.3
# The cost of each step between work done, problems and plans, from the order reports keep (None: the first section).
# Work done runs over several sections more often than it turns, so a third of a body stating shortfalls does not turn
# it; work done after the problems is the remedies taken (问题 → 针对问题采取的措施); after the plans, little but duty or
# other comes, so a body has to be plain to be work done or problems there.
_ORDER_COST = {
    None: {"measures": 0.0, "shortcomings": -2.0, "plans": -3.0},
    "measures": {"measures": 0.0, "shortcomings": -0.5, "plans": -1.0},
    "shortcomings": {"measures": -1.5, "shortcomings": -1.0, "plans": 0.0},
    "plans": {"measures": -6.0, "shortcomings": -3.0, "plans": -1.0},
}
# Reports end on the plans (or a word of duty or a closing) far more often than on the work done: a report that stops
# after its work done has no plans at all, which is rare.
_END_COST = {"measures": -1.0}
_ORDER_COST_START_ASIDE = {"duty": 0.0, "other": -0.5}  # a profile or the leaders' duty may open a report
_ORDER_COST_ASIDE = -0.5  # into or out of a section of duty or other, which stand first, last or between


# Plans after a profile or the leaders' duty with no work done or problems before them cost what plans opening a report
# do: a report tells its work before its plans, so task lines there are the work done.
_PLANS_BEFORE_WORK = _ORDER_COST[None]["plans"] - _ORDER_COST_ASIDE


def _before_work(path: list[str], kind: str) -> float:
    """The cost of plans that would follow only sections of profile or duty (a path with no work done or problems)."""
    if kind != "plans" or not path or "measures" in path or "shortcomings" in path:
        return 0.0
    return _PLANS_BEFORE_WORK


def _order_cost(last: str | None, kind: str) -> float:
    """The cost of a section of `kind` after one of `last` (None: the first section), from the order reports keep."""
    if last is None and kind in _ORDER_COST_START_ASIDE:
        return _ORDER_COST_START_ASIDE[kind]
    if kind in ("duty", "other") or last == "other":
        return _ORDER_COST_ASIDE
    return _ORDER_COST["measures" if last == "duty" else last][kind]


def _content_fit(reading: Reading) -> dict[str, float]:
    """How well a body fits each kind, from the shares of its sentences that state what that kind states."""
    return {
        # Figures in sentences whose subject is the township's leader are the leader's duty done, not the work's.
        "measures": _WORK_PRIOR + reading.results * (1 - reading.leads),
        "shortcomings": reading.problems,
        # Plans state results seldom (under a fifth of their sentences): half stating results rules them out. Words of
        # what is to be strengthened (加强, 完善) count half: work done is written with them as often.
        # A body of task lines that state no result, no shortfall and nothing else (按月归档…。招录…。) is as likely a
        # list of what is to be done as the work done, whatever its verbs: its place decides.
        "plans": max(reading.opens_intention, reading.intentions / 2,
                     _TASKS_FIT if _states_only_tasks(reading) else 0.0) * max(0.0, 1 - 2 * reading.results),
        "duty": reading.leads,
        "other": max(reading.requests, reading.lessons),
    }


def _states_only_tasks(reading: Reading) -> bool:
    """Whether two or more sentences are task lines: none states a result, shortfall, limit, request, lesson or
    profile, or opens on the township or its leader as the subject that tells what was done (我镇积极开展…)."""
    return reading.sentences >= 2 and not (reading.results or reading.problems or reading.limits or reading.requests
                                           or reading.lessons or reading.leads or reading.profile or reading.told)


def _decide(heading: str, report_year: int | None, body: str, after_problems: bool, after_plans: bool,
            after_work: bool) -> tuple[str, bool]:
    """(kind, whether evidence settled it rather than the fall-back to work done)."""
    named = kinds_named(heading)
    if "duty" in named:
        return "duty", True
    stated = next((kind for kind in ("shortcomings", "plans") if kind in named), None)
    exposed = (stated is None and not named and _EXPOSED_RE.search(heading) is not None
               and not _REMEDIED_HEADING_RE.search(heading))
    if exposed:
        stated = "shortcomings"  # the heading's head noun is the problems the work brought to light
    if stated == "shortcomings":  # only a problems heading has been seen over another kind's body
        # Before the problems, only a body without a word of shortfall can be work done: most are ruled out at once.
        if not after_problems and not states_no_shortfall(body):
            return "shortcomings", True
        kind = _unless_contradicted(read_body(body), after_problems)
        # The heading's kind loses only to plain contrary content: a body whose sentences state shortfalls by their
        # grammar, in words no list holds (……这方面亟须改进), is not plainly work done. Asked only here, where the
        # heading is about to be overruled, so an ordinary body is never read this way.
        if kind == "measures" and shortfall_share_shaped(body) >= _SOME_PROBLEMS:
            kind = "shortcomings"
        # Under a heading whose head noun is the problems brought to light, incidents that went wrong (3月，…案卷被评为
        # 不合格。7月，…到县里上访。) are those problems, told as events with a figure or two and no word of shortfall.
        if kind == "measures" and exposed and incidents_share(body) >= _SOME_PROBLEMS:
            kind = "shortcomings"
        return kind, True
    if stated == "plans" and not (after_work or after_problems):
        # Plans never open a report: before any work done, a plans word over results (年度工作计划执行情况) is work done.
        reading = read_body(body)
        if reading.sentences >= _CONTRARY_SENTENCES and reading.results >= _CONTRARY_SHARE and not reading.problems:
            return "measures", True
    if stated:
        return stated, True
    years = [int(y) for y in _YEAR_IN_HEADING_RE.findall(heading)]
    if report_year and years and min(years) > report_year:
        return "plans", True
    if report_year and years and max(years) <= report_year:
        # A past year over what that year lacked (2023年的短板): the year places it, the body says it is problems.
        if "other" not in named and "shortcomings" in hinted(heading):
            reading = read_body(body)
            if reading.problems >= _SOME_PROBLEMS and reading.results < _CONTRARY_SHARE:
                return "shortcomings", True
        return ("measures" if "other" not in named else "other"), True
    for kind in ("measures", "other"):
        if kind in named:
            return kind, True
    opening = _OPENING_YEAR_RE.match(body)
    if report_year and opening and int(opening.group(1)) > report_year:
        return "plans", True
    # After the problems or the plans, a body whose sentences have the township's leader for subject is the leaders'
    # duty, told last (镇党委书记X…。镇长Y…。), whether it counts what they did or not.
    if (after_problems or after_plans) and read_body(body).leads >= _CONTRARY_SHARE:
        return "duty", True
    if after_plans and _closes(body):
        return "other", True
    # A body that opens by naming its kind (下一阶段，我镇将…, 镇党委书记…履行…第一责任人职责) is of that kind.
    lead = _lead_kind(body)
    if lead:
        return lead, True
    # A heading that leans to the leader's duty (一把手抓法治) over a body that opens on the leader is the duty section.
    if "duty" in hinted(heading) and _LEADER_OPENING_RE.match(body):
        return "duty", True
    reading = read_body(body)
    found = _from_body(reading, after_problems, after_plans)
    if found:
        return found, True
    # Parts under titles of no kind whose first part states shortfalls (（一）“病灶” / （二）“药方”): a section of problems
    # and what is to be done about them, read as problems, as a section titled for both is.
    parts = titled_parts(body)
    if parts and told_by_lines(parts[0], after_problems=False) == "shortcomings":
        return "shortcomings", True
    return _leaning(heading, reading, after_problems)


# A heading whose head noun is what the work exposed (工作中暴露的问题, 检查发现的不足, 执法中反映出的短板): it names
# problems by its grammar, with no word of the section vocabulary. A remedy verb before it (整改巡察发现的问题) makes
# the problems the object of work done, so the heading must end on them.
_EXPOSED_RE = re.compile(r"(?:暴露|显现|显露|反映|发现|查摆|查找|检视|排查|遇到|碰到)[出来]{0,2}的[\u4e00-\u9fff]{0,4}?"
                         r"(?:问题|不足|短板|差距)[\s。.:：]*$")
_REMEDIED_HEADING_RE = re.compile(r"整改|解决|破解|针对|聚焦|补齐|化解|回应")


# A text cut short inside a sentence: its last line runs on past a clause mark and stops on a word, no mark after it
# (……落实法定程序，推动法律顾问全程参与，确保). A whole report's last body ends on a sentence mark or a bare task line.
_CLAUSE_MARKS, _SENTENCE_MARKS = "，,、", "。！？!?；;:："
_HAN_END_RE = re.compile(r"[\u4e00-\u9fff]\s*$")
# Words of the time to come or of intent: a body that has one may be plans whether or not the text was cut short.
_INTENT_RE = re.compile(rf"{TIME_AHEAD}|将|拟|计划|打算|力争|争取")


def _cut_short(body: str) -> bool:
    """Whether the text stops inside the last section's unfinished sentence, in a body with no word of the time to
    come or of intent: its verbs alone (聚焦…细化…推动…确保) then say nothing of plans at the report's end."""
    tail = body.rstrip()
    tail = tail[tail.rfind("\n") + 1 :]  # the last line alone: an earlier one says nothing of where the text stops
    # What runs on after the line's last sentence mark: a clause mark in it and a word at its end. (Found by one
    # pass from the end, not by a pattern tried at each clause mark of a long line.)
    tail = tail[max(tail.rfind(mark) for mark in _SENTENCE_MARKS) + 1 :]
    unfinished = any(mark in tail for mark in _CLAUSE_MARKS) and _HAN_END_RE.search(tail[-2:]) is not None
    return unfinished and _INTENT_RE.search(body) is None


def _closes(body: str) -> bool:
    """Whether a body after the plans closes the report (法治建设永远在路上。我们将…): one short paragraph, no
    figure and no shortfall. Plans after plans are tasks, told one by one, not a sentence or two of resolve."""
    text = body.strip()
    if not text or "\n" in text:
        return False
    reading = read_body(text)
    return 0 < reading.sentences <= _CLOSING_SENTENCES and not (reading.results or reading.problems)


def _lead_kind(body: str) -> str | None:
    """The duty or plans a body's first sentence names at its opening (下一步，…) or, for duty, anywhere in it;
    None when the body opens with an item, whose words are the item's own."""
    first = next(iter(sentences(body)), None)
    if first is None:
        return None
    sentence = body[first[0] : first[1]].strip()
    if not sentence or (may_open_with_marker(sentence) and line_marker(sentence)):
        return None
    named = kinds_named(sentence)
    if "duty" in named:
        return "duty"
    if ("plans" in named and _opens_on_plans(sentence)) or _FUTURE_OPENING_RE.match(sentence):
        return "plans"
    return None


def _opens_on_plans(sentence: str) -> bool:
    return any(sentence.startswith(phrase) for phrase, kind in vocabulary() if kind == "plans")


# A body opening on the time to come and what the township will do then (接下来，我镇将…; 新的一年，我们要…). 将 alone
# opens work done as often (镇党委将法治建设纳入…): the time word comes first.
_FUTURE_OPENING_RE = re.compile(rf"(?:{TIME_AHEAD})[^。；;]{{0,12}}?(?:将|要|拟|计划|打算)")


def _from_body(reading: Reading, after_problems: bool, after_plans: bool = False) -> str | None:
    if not reading.sentences:
        return None
    if reading.profile >= _PROFILE_CUES and reading.profile >= reading.sentences / 2:
        return "other"
    if reading.requests >= _REQUEST_SHARE:
        return "other"
    if reading.problems >= _PROBLEM_SHARE:
        return "shortcomings"
    # After the plans, a body that states no intention and no run of results (a note on the figures, a closing
    # word) is no part of the work done or of the plans.
    if (after_plans and not (reading.intentions or reading.opens_intention)
            and not (reading.results >= _CONTRARY_SHARE and reading.sentences >= 2)):
        return "other"
    # Plans are written as things to strengthen and state no results yet; so is much of the work done
    # (加强…, 健全…), so only a section after the problems, where plans stand, is read as plans.
    if after_problems and reading.intentions >= _PLAN_SHARE and reading.results < _RESULT_SHARE:
        return "plans"
    # After the problems, a body that states no result at all (开展…培训 / 规范…程序) is what is to be done.
    if after_problems and reading.results == 0 and reading.sentences >= 2:
        return "plans"
    return None


def _unless_contradicted(reading: Reading, after_problems: bool) -> str:
    """Problems, as the heading names them, unless the body plainly states work done or plans."""
    if (not after_problems and reading.sentences >= _CONTRARY_SENTENCES and not (reading.problems or reading.limits)
            and reading.results >= _FEW_RESULTS):
        return "measures"
    if (after_problems and reading.problems < _PROBLEM_SHARE and reading.results <= _FEW_RESULTS
            and reading.opens_intention >= _CONTRARY_SHARE):
        return "plans"
    return "shortcomings"


def told_by_lines(body: str, after_problems: bool) -> str | None:
    """The kind of a later part of work done whose bare title names none (（四）清醒认识), from its own lines:
    problems when they state shortfalls and no result, plans when, after such a part, they read as plans; else None."""
    reading = read_body(body)
    if reading.sentences < 2:
        return None
    # A figure may show a shortfall (仅有2名), so a line of one among shortfalls does not make the part work done.
    if reading.problems >= _PROBLEM_SHARE and reading.results < min(reading.problems, _CONTRARY_SHARE):
        return "shortcomings"
    if reading.results:
        return None
    return "plans" if after_problems and _unless_contradicted(reading, True) == "plans" else None


def part_kind(body: str) -> str:
    """The kind of a later part of a problems section whose title names none: plans when its lines read as plans
    (half open on what is to be done, few results, few shortfalls) or, as after the problems anywhere, when they
    state neither a result nor a shortfall; else problems as the section says."""
    reading = read_body(body)
    if reading.sentences >= 2 and not (reading.results or reading.problems or reading.limits):
        return "plans"
    return _unless_contradicted(reading, after_problems=True)


def _leaning(heading: str, reading: Reading, after_problems: bool) -> tuple[str, bool]:
    """A heading silent on its kind, and a body that alone does not settle it: the heading's leaning if the body
    bears it out (settled), else work done by default (not settled).

    Work done opens on what was strengthened (加强…, 推进…) as plans do, so before the problems a body bears out
    plans only when it states no result at all; and it bears out problems when a quarter of it states shortfalls.
    """
    plans_borne = reading.results <= _FEW_RESULTS if after_problems else reading.results == 0
    support = {
        "shortcomings": reading.problems if _SOME_PROBLEMS <= reading.problems and reading.results < _CONTRARY_SHARE
        else 0.0,
        "plans": reading.opens_intention if plans_borne and reading.opens_intention >= _CONTRARY_SHARE else 0.0,
        # Requests to those above, or lessons drawn (领导重视是关键) for half the body, with few shortfalls.
        "other": 1.0 if reading.requests >= _REQUEST_SHARE or (
            reading.lessons >= _CONTRARY_SHARE and reading.problems < _SOME_PROBLEMS) else 0.0,
        "duty": 0.0,  # read from the body's opening on the leader, above
        "measures": reading.results,
    }
    leaning = [kind for kind in hinted(heading) if support[kind] > 0]
    # A word of results beside another kind's sets it off (成绩背后的隐忧, 成效之下的短板): the other kind leads.
    leaning = [kind for kind in leaning if kind != "measures"] or leaning
    if leaning:
        return max(leaning, key=lambda kind: support[kind]), True  # the first named wins a tie
    return "measures", False


def hinted(heading: str) -> list[str]:
    """Kinds a heading leans towards by its words (差距, 再出发), in the order they occur."""
    return kinds_at(heading, _hint_patterns())


@lru_cache(maxsize=1)
def _hint_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    pairs = []
    for row in read_table(HINTS_TSV):
        hint, kind = row["hint"], row["kind"]
        if kind not in model.SECTION_KINDS:
            raise StructureError(HINTS_TSV, f"unknown section kind {kind!r} for {hint!r}")
        pairs.append((hint, kind))
    return patterns_by_kind(pairs)
