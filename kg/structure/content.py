"""What the sentences under a heading state: shortfalls, intentions, results, requests, a profile of the place.

A section's kind is read from this when its heading names none or names one its body contradicts
(补齐短板 over work done, 问题和不足的改进措施 over plans). Each sentence is read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.structure.alike import opens_plan
from kg.structure.kinds import cues, shortfall_match, states_shortfall
from kg.structure.markers import line_marker
from kg.text import sentences
from kg.text.lexicon import either, longest_first, table, words

# A figure states a result; an item's number ((1), 1., 2、) and a date (2023年, 12月25日) do not.
_RESULT_NUMBER_RE = re.compile(r"(?<![(（\d])\d+(?!\d|\s*[年月日号]|\s*[)）.、．](?!\d))")
# A figure that is aimed at (争取新增5名, 不少于3次), a quota for each (每个村培养2名) or a range (1至2项) is a target,
# not a result. A quota met is told in work done beside other figures (每村配备1名法律顾问，…化解纠纷86件), which read as
# results still.
_TARGET_RE = re.compile(
    r"(?:争取|力争|确保|目标|计划|拟|预计|不少于|不低于|至少|每个?(?:村|户|组|社区|学校|企业))[^，。；,;：:]{0,12}?\d+"
    r"|\d+(?:\.\d+)?\s*(?:至|到|~|～|—|-)\s*\d+")
# A shortfall named as the object of a remedy (补齐执法力量短板, 解决……问题) is what was fixed, not one stated.
_REMEDY_VERBS = "补齐|补足|补强|补上|弥补|破解|克服|解决|整改|针对|聚焦|围绕"
_REMEDIED_RE = re.compile(rf"(?:{_REMEDY_VERBS})[^，。；,;]{{0,10}}?(?:短板|不足|问题|弱项|差距|薄弱环节|难题|堵点|痛点)")
_REMEDY_VERB_RE = re.compile(_REMEDY_VERBS)
_REMEDY_REACH = 16  # a verb (2), what it reaches over (10), a word of shortfall inside the object (4)
# A request to those above (建议县里……, 恳请上级……) asks for something; the township neither did it nor plans it.
_REQUEST_RE = re.compile(r"(?:建议|恳请|请求|提请|希望)")
# Words that limit what was done (仅为75%, 只有2名, 尚未开展, 难以覆盖): a sentence with one may state a shortfall in
# words no lexicon lists, so a heading naming problems is not overruled where they occur.
_LIMITING_RE = re.compile(r"仅|只有|尚未|未能|难以|不到|不够|偏")
# A lesson drawn (领导重视是关键, 队伍建设是…的基础): what a thing is to the work, not what was done or is lacking.
_LESSON_RE = re.compile(r"是(?:[^，。；,;]{0,12}的)?(?:关键|基础|根本|保障|前提|核心|动力|根本保证|生命线|法宝)")
# A due date before the verb that would close the work (年底前完成, 年内实现全覆盖) sets a task, so the verb states no
# result: work done says when it was done (6月完成), not by when it must be.
# A deadline that comes round again (每月5日前完成, 每季度末前报送) sets a standing task in the same way.
_DUE_DATE_RE = re.compile(r"(?:(?:\d+|[〇一二三四五六七八九十]+)?(?:年底|年末|月底|月末|季度末|年内|限期|期限内)前?"
                          r"|每(?:月|季度|周|年)\d{1,2}日前)(?:全部|全面)?(?:完成|实现|建成|到位|落实)")
# A sentence whose subject is the township's leader (镇党委书记X…, 乡长X带头…, 党工委主要负责人…): the leaders' own duty.
# The title opens the sentence; one named later (组织村支部书记参加培训) is an object of the work.
_LEADER_SUBJECT_RE = re.compile(
    r"(?:(?:镇|乡|街道)?(?:党委|党工委|政府|人民政府|办事处)?(?:书记|主要负责人|主要领导|一把手)|镇长|乡长|(?:街道)?办事处主任)")
# A sentence that opens by reporting what residents complain of (有群众反映…, 一些商户抱怨…) states a shortfall in their
# words, whatever words they use; one naming their complaints as the object of the work (针对群众反映的…) opens otherwise,
# 说, 提出 and 提到 count only before the words said (村民说：…, 有群众提出，…; not 村民说事, 群众提出的诉求), and praise
# reported (群众反映良好) is none.
_COMPLAINT_RE = re.compile(
    r"(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])?\s*(?:有的|有|一些|部分|不少|个别)?"
    r"(?:群众|村民|居民|商户|企业|办事群众|外出务工人员|返乡人员|当事人)[^，。；,;]{0,8}?(?:反映|抱怨|反馈|(?:说|提出|提到)(?=[，,：:]))")
# The township or one of its bodies opening a sentence as its subject (我镇…, 本乡…, 镇党委…, 我们…): a sentence that
# tells what it does. A task line opens on its verb (按月归档…) or its object (把…).
_TELLER_RE = re.compile(r"(?:我|本|全)(?:镇|乡|街道|们)|(?:镇|乡|街道)(?:党委|党工委|政府|人民政府|办事处)")
# What a township has under it, counted (镇辖27个行政村, 辖8个社区): a profile's words, as 下辖 (a cue) is.
_JURISDICTION_RE = re.compile(r"(?<!下)辖\s*[\d一二三四五六七八九十两]+\s*个")
_PRAISE_RE = re.compile(r"良好|满意|好评|称赞|点赞|认可")
_NOT_PAST_RE = re.compile(r"了解|为了|除了")
# What a clause aims at (确保剩余任务上半年完成, 力争全面完成): its word of a result is the aim, not a result. 争取到
# (obtained) tells what was got.
_AIMED_RE = re.compile(r"(?:确保|力争|争取(?!到))[^，。；,;：:]{0,16}")
# 全年 after a verb of planning is the span of what is planned (制定全年法治宣传月历, 谋划全年重点工作), not the time over
# which work was done (全年办理案件58件).
_PLANNED_YEAR_RE = re.compile(r"(?<=制定|编制|拟定|谋划|部署|安排|明确|确定)全年")
# A figure under a word that limits it (仅有9人, 只有2名) tells how little there is: a shortfall's measure, not a result.
# The words are the lexicon's (statement_morphemes, scarce), as the shapes of a problem read them.
_LIMITED_FIGURE_RE = re.compile(r"(?:%s)\d+(?:\.\d+)?" % either(longest_first(words("statement_morphemes", "scarce"))))
_MIN_SENTENCE = 4  # characters of a sentence worth reading; a bare marker or heading fragment is not


@dataclass(frozen=True)
class Reading:
    """Shares of a body's sentences by what they state, and its count of profile words."""

    sentences: int = 0
    problems: float = 0.0  # state a shortfall (not one named as what a remedy fixes)
    limits: float = 0.0  # limit what was done (仅, 尚未, 难以)
    intentions: float = 0.0  # carry a word of what is to be done (进一步, 加强, 力争)
    opens_intention: float = 0.0  # open with a verb of intention (建立…, 推行…), past any item number
    results: float = 0.0  # state a result: a figure (past any item number, no target) or a word of the past (已)
    requests: float = 0.0  # open with a request to those above (建议……)
    lessons: float = 0.0  # draw a lesson (……是关键, ……是…的基础)
    leads: float = 0.0  # open on the township's leader (镇党委书记X…)
    profile: int = 0  # profile words (位于, 总面积, 户籍人口)
    told: float = 0.0  # open on the township or one of its bodies as subject (我镇…, 镇政府…): they tell, not task


@lru_cache(maxsize=32)
def read_body(body: str) -> Reading:
    """The reading of a section's body, one pass over its sentences (kept for the few bodies read again when the kinds
    of all sections are weighed together)."""
    spans = [body[s:e].strip() for s, e in sentences(body)]
    spans = [s for s in spans if len(s) > _MIN_SENTENCE]
    if not spans:
        return Reading()
    counts = [0, 0, 0, 0, 0, 0, 0, 0, 0]
    leader = False  # whether the sentence that opened a run of 一是/二是… has the township's leader for subject
    for sentence in spans:
        flags = _flags(sentence)
        # 二是…, 三是… go on with the subject of the sentence that opened the run (书记X…：一是…；二是…；三是…).
        if _GOES_ON_RE.match(sentence):
            flags = flags[:7] + (leader,) + flags[8:]
        else:
            leader = flags[7]
        for pos, flag in enumerate(flags):
            counts[pos] += flag
    n = len(spans)
    profile = sum(body.count(cue) for cue, kind in cues() if kind == "other") + len(_JURISDICTION_RE.findall(body))
    problems, intentions, opens, results, requests, limits, lessons, leads, told = (count / n for count in counts)
    return Reading(n, problems, limits, intentions, opens, results, requests, lessons, leads, profile, told)


# The second and later members of a run of 一是…；二是… (or 一要…；二要…), which keep the subject the run opened with.
_GOES_ON_RE = re.compile(r"[二三四五六七八九十]{1,2}[是要]")


@lru_cache(maxsize=4096)
def _flags(sentence: str) -> tuple[bool, ...]:
    """What one sentence states, in the order of read_body's counts. Cached: a part of work done is read again by
    its own lines (told_by_lines) after its section was read whole, and its sentences are the section's."""
    opening = after_marker(sentence)
    due = _DUE_DATE_RE.search(sentence) is not None
    return (bool(_states_problem(sentence)), bool(due or _intends(sentence)), bool(opens_plan(opening)),
            bool(_states_result(_DUE_DATE_RE.sub("", opening) if due else opening)),
            bool(_REQUEST_RE.match(opening)), bool(_LIMITING_RE.search(sentence)),
            bool(_LESSON_RE.search(sentence)), bool(_LEADER_SUBJECT_RE.match(opening)),
            bool(_TELLER_RE.match(opening)))


# A part's title: at most a dozen characters after its number, no sentence or clause mark (（一）“病灶”, 1.短处).
_MAX_TITLE = 12
_TITLE_MARKS_RE = re.compile(r"[。；;，,：:！？!?]")


def titled_parts(body: str) -> list[str]:
    """The text under each title of a body that opens with a numbered title on its own line and holds two or more
    (（一）“病灶” / 1.…… / （二）“药方” / 1.……), in order; [] for any other body. A title's family is the first one's."""
    opening = body.lstrip().split("\n", 1)[0].strip()
    first = line_marker(opening) if opening else None
    if first is None or not _is_title(opening, first[2]):  # most bodies: their first line is no title
        return []
    lines = [line for line in (line.strip() for line in body.splitlines()) if line]
    parts: list[list[str]] = []
    for line in lines:
        found = line_marker(line, (first[0],))
        if found and _is_title(line, found[2]):
            parts.append([])
        else:
            parts[-1].append(line)
    return ["\n".join(part) for part in parts] if len(parts) >= 2 and all(parts) else []


def _is_title(line: str, marker_end: int) -> bool:
    title = line[marker_end:]
    return 0 < len(title) <= _MAX_TITLE and not _TITLE_MARKS_RE.search(title)


def states_no_shortfall(body: str) -> bool:
    """Whether no part of a body states or hints at a shortfall, before reading it by sentence.

    Most bodies under a problems heading state one early, with no remedy verb just before it: that word settles it,
    for a remedied span (解决……问题) opens with its verb at most _REMEDY_REACH characters before any word inside it.
    """
    hits = [m.start() for m in (shortfall_match(body), _LIMITING_RE.search(body)) if m]
    if not hits:
        return True
    first = min(hits)
    if not _REMEDY_VERB_RE.search(body, max(0, first - _REMEDY_REACH), first + 1):
        return False
    bare = _REMEDIED_RE.sub("", body)
    return not states_shortfall(bare) and not _LIMITING_RE.search(bare)


def incidents_share(body: str) -> float:
    """The share of a body's sentences that tell an incident that went wrong (……被评为不合格, ……到县里上访).
    Read only where a heading names problems and the body is about to overrule it."""
    spans = [body[s:e] for s, e in sentences(body)]
    spans = [s for s in spans if len(s.strip()) > _MIN_SENTENCE]
    if not spans:
        return 0.0
    pattern = _outcome_re()
    return sum(1 for s in spans if pattern.search(s)) / len(spans)


@lru_cache(maxsize=1)
def _outcome_re() -> re.Pattern:
    return re.compile(either(longest_first(row["outcome"] for row in table("incident_outcomes"))))


def after_marker(sentence: str) -> str:
    """A sentence without the item number that opens it (（一）, 1., 一是)."""
    found = line_marker(sentence) if may_open_with_marker(sentence) else None
    return sentence[found[2]:] if found else sentence


def may_open_with_marker(sentence: str) -> bool:
    """Whether a sentence may open with a numbering marker: most open with a word, which none of them is.

    Labels (问题一：) are let go: what follows them is read the same with them or without.
    """
    first = sentence[:1]
    return bool(first) and (not "\u4e00" <= first <= "\u9fff" or first in _MARKER_IDEOGRAPHS)


# Ideographs that open a numbering marker: numerals, 第, capital numerals, heavenly stems, 上中下篇.
_MARKER_IDEOGRAPHS = frozenset("一二三四五六七八九十第壹贰叁肆伍陆柒捌玖拾甲乙丙丁戊己庚辛壬癸上中下")


def _states_problem(sentence: str) -> bool:
    if _COMPLAINT_RE.match(sentence) and not _PRAISE_RE.search(sentence):
        return True
    if not _falls_short(sentence):
        return False
    return _falls_short(_REMEDIED_RE.sub("", sentence)) if _REMEDIED_RE.search(sentence) else True


def _falls_short(text: str) -> bool:
    return states_shortfall(text) or _SHORT_PREDICATE_RE.search(text) is not None


# Shortfalls told by their grammar rather than by a word of the lexicon: an action not taken (部分村未建立…,
# 没有配备…; not 未发生 or 从未出现, which report a good record, nor 未成年, 未来, nor a slogan's 没有终点), and a plain
# predicate of too little closing a clause (能力弱，, 人员少、, 周期长。, 执行难。, 纠纷多发。; not 减少, 排忧解难, 组长).
# The one-character predicates are the lexicon's (statement_morphemes, lack), which shapes.py reads as well; 弱, 少 and
# 难 are written here with the words they close that are no shortfall, and 长 and 多发 are this reading's own.
_SHORT_PREDICATE_RE = re.compile(
    r"(?<![从均并尚])(?:未(?!发生|出现|造成|引发|成年|来|雨|曾|满|经)[\u4e00-\u9fff]|没有(?=[\u4e00-\u9fff]{3}))"
    r"|(?<=[\u4e00-\u9fff]{2})(?:(?<![减扶])弱|(?<![减不缺])少|(?<![解困])难|多发|(?<![组镇乡所站队院局县区村科股社市])长"
    r"|[%s])"
    r"(?=[，。；,;、！？!?]|$)" % "".join(c for c in words("statement_morphemes", "lack") if c not in "弱少难"))


def _intends(sentence: str) -> bool:
    return bool(_cue_re("plans").search(sentence))


def _states_result(sentence: str) -> bool:
    if "了" in sentence:  # 了 marks the past; inside 了解, 为了, 除了 it is part of another word
        sentence = _NOT_PAST_RE.sub("", sentence)
    if "全年" in sentence:  # the year a plan spans (制定全年宣传月历) tells of no year's work done
        sentence = _PLANNED_YEAR_RE.sub("", sentence)
    if "每" in sentence:  # a routine (每月召开一次例会) is how often a thing is to be done, not a thing done
        sentence = _routine_re().sub("", sentence)
    if "确保" in sentence or "力争" in sentence or "争取" in sentence:
        sentence = _AIMED_RE.sub("", sentence)
    if _cue_re("measures").search(sentence):
        return True
    if _TARGET_RE.search(sentence):
        sentence = _TARGET_RE.sub("", sentence)
    if "仅" in sentence or "只" in sentence:  # most sentences have neither, and are not scanned again
        sentence = _LIMITED_FIGURE_RE.sub("", sentence)
    return bool(_RESULT_NUMBER_RE.search(sentence))


@lru_cache(maxsize=1)
def _routine_re() -> re.Pattern:
    """A word of a result right after a word of recurrence (每月召开, 每季度开展): a routine set, not a result."""
    return re.compile(r"每(?:半年|季度|季|月|周|年)(?:至少)?" + _cue_re("measures").pattern)


@lru_cache(maxsize=4)
def _cue_re(kind: str) -> re.Pattern:
    return re.compile(either(longest_first(cue for cue, k in cues() if k == kind)))
