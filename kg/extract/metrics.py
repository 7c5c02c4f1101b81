"""Metrics: every number with a unit that states a fact or achievement, with what it counts.

A report writes a count in two orders: "建成1个公共法律服务站" (the counted noun follows the number) and
"发放宣传资料25000余份" (the phrase before the number says what was counted). The order is read from
what follows the unit; the indicator is the noun phrase after it or the clause before it.
Numbers that name something (三项制度, “一次办”, 《…两个确立…》) or order it (第三) are left out (kg/extract/factual.py
says which figures state no fact), and plans are not facts, so plan sections are skipped.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, partial

from kg.text import lexicon
from kg.text.lexicon import either
from kg.extract import counted as shape, factual, persons, tablefigures
from kg.extract.person_lexicon import roles_longest_first
from kg.model import Item, Metric, Person, Section, Source
from kg.text.numerals import CHINESE_CHARS, Quantity, approx_before, find_quantities, unit_kinds
from kg.model import evidence
from kg.text import segment
from kg.text.script import to_simplified
from kg.text.spans import Spans

SKIPPED_SECTIONS = ("plans",)
MAX_INDICATOR = 18  # characters; a longer clause keeps its last words, which name what was counted
NOUN_WINDOW = 30  # characters after a unit searched for the counted noun phrase; a phrase runs out well before
MAX_NOTE = 20  # characters of a note in brackets between a phrase and its count; a longer bracket is prose of its own
MAX_SHARED_SUBJECT = 10  # characters; longer "subjects" of one shared number (A、B均为100%) are clauses, not names

_BOUNDARY = shape.BOUNDARY
_QUOTES = "\"'“”‘’"
_NOT_PLAIN_RE = re.compile(rf"[{re.escape(_QUOTES)}\s]")  # \s is str.isspace's set: quotes and spaces go
_EDGE = "、,，;；:：. "
_CJK = shape.CJK
_ASIDE = re.compile(r"\([\u4e00-\u9fff、]{1,4}\)")  # 村（社区）: up to four characters in brackets qualify a noun
_STOP_TAGS = {"v", "vd", "vg", "d", "dg", "p", "c", "u", "uj", "ul", "uz", "uv", "ud", "ug", "r", "m", "t", "f"}
_CONJUNCTIONS = ("、", "和", "及", "与")
# 5名队员中有2名, 12个村中有4个村: the noun, then 中有 (among them there are) and the count of some of them
_AMONG = re.compile(r"([\u4e00-\u9fff]{0,7}[^\W\d_其])中有$")
_ITEM_MARK = re.compile(r"[一二三四五六七八九十]{1,2}是")  # 二是: the mark of an item in a paragraph's enumeration
_AMONG_END = "中有"  # asked first: nearly no phrase ends so
# 受理复议和诉讼案件分别为3件、1件: the counts after 分别 go to the joined subjects in turn; so do the changes
# after 分别下降 (刑事案件、治安案件同比分别下降22%、15%).
_RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|有|占比|占|下降|上升|增长|提高|降低|减少|增加)?\s*$")
# 不予处罚或从轻处罚的案件分别为34件、19件: before 分别, 或 joins the subjects as 和 does.
_RESPECTIVE_CONJUNCTIONS = (*_CONJUNCTIONS, "或")
AS_WRITTEN_WINDOW = 200  # characters either side of a figure whose spelling an indicator takes in a traditional text
RESPECTIVELY_WINDOW = 6  # characters before the first count searched for 分别为


_words = partial(lexicon.words, "metric_words")  # the words of one use, in file order


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(_words("stop"))


@cache
def _negations() -> frozenset[str]:
    return frozenset(_words("negation"))


@cache
def _patterns() -> dict[str, re.Pattern]:
    """The rules' regexes, built once from ontology/lexicons/metric_words.tsv."""
    return {
        "change": re.compile(either(_words("change"))),
        "trail": re.compile(
            rf"""(?:
                {either(_words("trail"))}                  # 分别为, 达到, 共计…
              | 由(?:上年|去年|上一年|原来|以前)?(?:同期)?的?  # 由上年(同期)的27件降至11件: the start of a change
            )$""",
            re.VERBOSE,
        ),
        "judgement": re.compile(either(_words("judgement")) + "$"),
        "preposition_end": re.compile(either(_words("preposition_end")) + "$"),
        # 将全年任务细化为5个方面22项: the thing divided, before the verb that divides it.
        "divided": re.compile(rf"^(?:将|把)?(?P<whole>.+?){either(_words('divide'))}(?:为|成)$"),
        "linked": re.compile(rf"^(?P<subjects>.+?[、和及与].+?){either(_words('shared'))}$"),
        # what an office owns, up to the noun that says a number follows (…大队|执法人员数量)
        "owned": re.compile(rf"^.+?(?:{either(_words('owner'))})(?P<owned>[^、,]{{2,}}(?:{either(_words('amount'))}))$"),
        "editor_note": re.compile(rf"^[ \t*]*(?:{either(_words('editor_note'))})\s*[:：].*$", re.M),
    }


def extract(source: Source, sections: tuple[Section, ...], people: tuple[Person, ...] | None = None,
            plans: tuple[Item, ...] = (), title_end: int = 0) -> tuple[Metric, ...]:
    """Every metric in the report body, in text order; `people` (read when not given) never name an indicator.

    `plans` are skipped wherever they stand, as in the plans half of a combined 问题及打算 section.
    `title_end`: where the report's own title ends; what stands before it (a compilation's 编者按 about the whole
    county) is not this report's.
    """
    # A traditional text is read in its simplified form, as its norm is (the same length, so the same offsets):
    # the words and tags that find an indicator are simplified; the indicator is then spelled as written.
    shown, norm = source.text, source.norm
    traditional = ("script", "traditional") in source.metadata
    text = to_simplified(shown) if traditional else shown
    names = tuple(p.name for p in (persons.extract(source, sections) if people is None else people))
    if traditional:
        names = tuple(to_simplified(name) for name in names)
    skipped = [(s.start, s.end) for s in sections if s.kind in SKIPPED_SECTIONS]
    skipped += [(min(p.body_start, p.evidence.start), p.body_end) for p in plans]
    # An editor's note before a compiled report counts for the compilation, wherever the report's title is.
    skipped += [match.span() for match in _patterns()["editor_note"].finditer(norm)]
    skipped += factual.plan_sentences(norm)
    skipped = Spans((a, b) for a, b in skipped if a < b)  # a bisection a figure, not a look at every span
    body_start = max(_first_line_end(text), title_end)
    metrics: list[Metric] = []
    previous: tuple[Quantity, tuple[str, ...]] | None = None
    # 共计3批次120人次参加培训: a count with nothing of its own shares what the count right after it counts.
    waiting: list[Quantity] = []
    spread: tuple[list[str], int] | None = None  # the subjects of a 分别为 list, and whose turn is next
    phrase_end = partial(_phrase_after, norm)
    for quantity in find_quantities(norm):
        if quantity.start < body_start or skipped.overlaps(quantity.start, quantity.start + 1):
            continue
        quantity = _zero_fact(norm, quantity)
        if (factual.no_fact(text, norm, quantity, phrase_end)
                or (quantity.unit == shape.HOUSEHOLD_UNIT and shape.household(norm, quantity, names))
                or (previous is not None and shape.threshold_of_count_before(norm, quantity, previous[0].end))):
            continue
        if names and shape.refers_to_named(norm, quantity, names):
            previous = (quantity, ())  # 两人全年讲法3次: the persons open the clause; what follows them is the next count's
            continue
        named = _compared(norm, quantity, previous, _indicators(norm, text, quantity, previous))
        counts_people = quantity.unit in _words("person_unit")
        indicators = tuple(dict.fromkeys(i for i in (_without_names(i, names, counts_people) for i in named) if i))
        if named and not indicators:
            # 舒某、龙某等5名律师: only people stood before the number, so what follows it is what was counted.
            after = _clean(text[quantity.end : _phrase_after(norm, quantity.end, quantity.unit)])
            indicators = _nonempty(after) if _without_names(after, names) == after else ()
            title = _title_over_names(named[0], names) or _glossed_title_before(norm, text, named[0], quantity.start, names)
            if title and (not after or after.startswith("同志") or _tag((lexicon.tokens(after) or [""])[0]).startswith("v")):
                # 宣讲员甲、乙等17人深入牧场, 包村干部甲、乙等26名同志分片包村: a verb or 同志 after the count, which
                # name no kind of people, so the title before the names counts them
                indicators = (title,)
        spread = _respective(norm, previous, quantity, spread)
        if spread is not None:
            subjects, turn = spread
            # the metric of the count before, named by the whole list, takes the list's first subject; its indicator
            # is already spelled as written, so the list is compared in the text's own characters (traditional)
            whole = previous[1][0] if previous[1] else None
            if whole and traditional:
                whole = _as_written(whole, text, shown, previous[0].start)
            if turn == 1 and metrics and metrics[-1].evidence.start == previous[0].start and metrics[-1].indicator == whole:
                first = subjects[0]
                metrics[-1] = replace(metrics[-1], indicator=_as_written(first, text, shown, previous[0].start) if traditional else first)
            indicators = (subjects[turn],)
            spread = (subjects, turn + 1) if turn + 1 < len(subjects) else None
        if waiting and norm[waiting[-1].end : quantity.start].strip() == "":
            pending = waiting
        else:
            pending = []
        waiting = [] if indicators else [*pending, quantity]
        each = shape.each_listed(norm, quantity, previous[0].end if previous else 0) if indicators else 0
        previous = (quantity, indicators)
        if each:  # 宪法、民法典宣讲各3场: the figure once for each thing listed, 各 no part of its name
            indicators = tuple(i.removesuffix(shape.EACH) for i in indicators for _ in range(each))
        metrics.extend(
            Metric(
                indicator=_as_written(indicator, text, shown, counted.start) if traditional else indicator,
                value=counted.value,
                unit=counted.unit,
                approx=counted.approx,
                evidence=evidence(source.path, shown, counted.start, counted.end),
                upper=counted.upper,
            )
            for counted in ((*pending, quantity) if indicators else ())
            for indicator in indicators
        )
    # 受理（件） over rows of bare numbers: figures whose unit only a table's header gives, merged in text order
    tabled = [m for m in tablefigures.extract(source.path, shown, norm)
              if m.evidence.start >= body_start and not skipped.overlaps(m.evidence.start, m.evidence.start + 1)]
    return tuple(sorted((*metrics, *tabled), key=lambda m: m.evidence.start)) if tabled else tuple(metrics)


def _as_written(indicator: str, read: str, shown: str, near: int) -> str:
    """The indicator read in the simplified form, in the characters the text writes around `near`."""
    lo, hi = max(0, near - AS_WRITTEN_WINDOW), near + AS_WRITTEN_WINDOW
    written = dict(zip(read[lo:hi], shown[lo:hi]))
    return "".join(written.get(ch, ch) for ch in indicator)


def _first_line_end(text: str) -> int:
    """End of the title line: dates and numbers in it are never metrics (0 when the text is one line).

    A first line that is a sentence (……三项重点工作，现报告如下：) is the opening of a text without a title: 0.
    """
    stripped = len(text) - len(text.lstrip())
    newline = text.find("\n", stripped)
    if newline < 0:
        return 0
    first = text[stripped:newline].strip()
    sentence = "。" in first or (first.endswith(("：", ":")) and ("，" in first or "," in first))
    return 0 if sentence else newline


def _zero_fact(norm: str, quantity: Quantity) -> Quantity:
    """无一起 / 未发生一起 → 0 起; other quantities pass through unchanged."""
    number = quantity.number
    if number.chinese and number.value == 1 and norm[number.start] == "一":
        if any(norm.endswith(word, 0, number.start) for word in _words("zero")):
            return replace(quantity, number=replace(number, value=0.0, approx=False))
    return quantity


def _indicators(norm: str, text: str, quantity: Quantity, previous: tuple[Quantity, tuple[str, ...]] | None) -> tuple[str, ...]:
    """What the quantity counts; two or more when one number serves coordinated subjects (A、B均为100%)."""
    if previous is not None:
        gap = norm[previous[0].end : quantity.start].strip()
        # 拆除违法建筑2处约380m², 培训5批次14人次, 学法4轮、三批次: one thing counted twice
        # 记录仪4台、2只录音笔: a noun after the second count's unit is a thing of its own (asked last: the cheap tests
        # say no for most figures)
        if (previous[1] and (gap in ("", "、", *approx_before()) or _patterns()["change"].fullmatch(gap) or shape.joins_same_thing(gap))
                and not (gap == "、" and _phrase_after(norm, quantity.end, quantity.unit) > quantity.end)):
            return previous[1]
    floor = previous[0].end if previous else 0
    left, right = _clause_before(norm, quantity.start, floor)
    before = text[left:right]
    # 持证率不高，仅为75%; 配备专职调解员，共计69人。: a clause that is only the link (its lead words already
    # skipped), the count closing it; the clause before names what was counted.
    start = shape.clause_start(norm, left, floor)
    link_only = norm[start - 1 : start] == "," and not _patterns()["trail"].sub("", _plain(before))
    # Punctuation closes the clause; a line break may be a wrap in mid-sentence (全年5项\n重大决策…).
    closes = quantity.end == len(norm) or norm[quantity.end] in ",。;!?"
    if link_only and (_plain(before) or closes):
        earlier, _ = _clause_before(norm, start - 1, floor)
        subject = _patterns()["judgement"].sub("", _plain(text[earlier : start - 1]))
        if subject:
            return _nonempty(_clean(subject))
        if previous is not None and previous[1] and previous[0].end == start - 1:
            # 成功率较上年提升2.3个百分点，达到97.6%: the clause before ends on its own count; its subject is this one's.
            subject = _before_comparison(previous[1][0])
            if subject:
                return (subject,)
    if norm[start - 1 : start] == "(" and not _patterns()["trail"].sub("", _plain(before)):
        # 研究涉法事项（全年共计17项）: a count in brackets with nothing of its own but link words counts the phrase
        # before the brackets
        earlier, _ = _clause_before(norm, start - 1, floor)
        subject = _clean(text[earlier : start - 1])
        if subject:
            return (subject,)
    if norm[start - 1 : start] == ")" and not _plain(before):
        # 查处违法行为（含违法建设、占道经营）八十多起: a note in brackets between a phrase and its count says more of
        # the phrase; the phrase counts, with a short qualifier kept (规范性文件（草案）3件, as 村（社区） is)
        opening = norm.rfind("(", max(floor, start - 1 - MAX_NOTE), start - 1)
        if opening > floor and norm.find(")", opening, start - 1) < 0:
            earlier, _ = _clause_before(norm, opening, floor)
            note = text[opening : start] if _ASIDE.fullmatch(norm[opening:start]) else ""
            subject = _clean(text[earlier:opening] + note)
            if _plain(text[earlier:opening]) and subject:
                return (subject,)
    if quantity.unit == "%" and norm.startswith("的", quantity.end) and _scope_only(_plain(before)):
        # 三分之二的村建成法治文化广场, 乡里三分之一以上的村…: a share opening its clause, or after no more than the
        # place it is a share in; what it is a share of follows 的.
        return _nonempty(_clean(text[quantity.end + 1 : shape.clause_end(norm, quantity.end + 1)]))
    if quantity.upper and quantity.unit in _words("person_unit") and norm.startswith("的", quantity.end):
        # 组建3—5人的网格巡查小组42个: a range of people tied by 的 to a group gives the groups' size; the group is named
        noun_end = _phrase_after(norm, quantity.end + 1, quantity.unit)
        group = _clean(text[quantity.end + 1 : noun_end])
        if group:
            return (group,)
    linked = bool(_patterns()["preposition_end"].fullmatch(_plain(norm[left:right])))
    bounded = shape.counted_after_bound(norm, quantity, shape.clause_end(norm, quantity.end), linked)
    if bounded:  # 配齐不少于3人的调解员: the noun after 的 is counted, up to a verb that follows it
        noun_end = _phrase_after(norm, bounded[0], quantity.unit)
        return _nonempty(_clean(text[bounded[0] : noun_end if noun_end > bounded[0] else bounded[1]]))
    if norm.endswith(_AMONG_END, left, right) and _AMONG.search(_plain(norm[left:right])):
        # 5名队员中有2名还未取得执法证: some of those counted before; what the clause says of them names them
        said = _clean(text[quantity.end : shape.clause_end(norm, quantity.end)])
        if said:
            return (said,)
    if quantity.value == 0:
        after_end = shape.clause_end(norm, quantity.end)  # 无一起…插手具体案件处理: the event that never happened
    else:
        after_end = _phrase_after(norm, quantity.end, quantity.unit)
    after = norm[quantity.end : after_end]
    described = _described_after(norm, quantity.end, after, quantity.unit) if quantity.value else None
    if described:
        return _nonempty(_clean(text[described[0] : described[1]]))
    if after and (quantity.value == 0 or not _counts_before(norm, norm[left:right], after, after_end, quantity.end, quantity.unit)):
        return _nonempty(_clean(text[quantity.end : after_end]))
    if previous is not None and _names_previous_parts(norm, text, previous, quantity):
        return _whole_divided(norm, text, previous[0])  # 5个方面22项: 22 counts the tasks, not the 方面
    if not _plain(before):
        label = _clean(_label(norm, text, left))  # 调解纠纷：86件: a figure in a list of labelled lines
        return _nonempty(label or (_link_words(text, start, right) if link_only else ""))
    # Matched on the normal form (均為 in traditional script reads 均为); the subjects keep the text's own characters.
    plain, plain_norm = _plain(before), _plain(norm[left:right])
    linked = _patterns()["linked"].match(plain_norm) if len(plain_norm) == len(plain) else None
    if linked:
        subjects = _split_like(plain[: linked.end("subjects")], plain_norm[: linked.end("subjects")])
        # A rate is named by its subject however long (规范性文件合法性审查率、备案率均为100%); other long parts are clauses.
        # A考试和B考试参考率、合格率均达100%: the rates closing the list share the figure; what 和 joined before them
        # (the exams they are rates of) is no rate of its own
        rates = _rates_closing(subjects)
        if rates:
            return rates
        if all(0 < len(subject) <= (MAX_INDICATOR if subject.endswith("率") else MAX_SHARED_SUBJECT) for subject in subjects):
            return tuple(subjects)
    named = _without_owner(_clean(before))
    if left == floor and named.startswith("的"):
        named = named[1:]  # 3—5人的网格巡查小组42个: the 的 that tied the figure before to this noun is no part of it
    return _nonempty(named or (_link_words(text, start, right) if link_only else ""))


def _rates_closing(subjects: list[str]) -> tuple[str, ...]:
    """The two or more subjects at the end of a list that each name a rate (…参考率, 合格率), or ()."""
    count = 0
    while count < len(subjects) and subjects[len(subjects) - 1 - count].endswith("率"):
        count += 1
    rates = subjects[len(subjects) - count :]
    if count < 2 or count == len(subjects) or not all(0 < len(rate) <= MAX_INDICATOR for rate in rates):
        return ()
    return tuple(rates)


def _described_after(norm: str, end: int, after: str, unit: str) -> tuple[int, int] | None:
    """选聘2家在征地拆迁等领域经验丰富的律所: a preposition right after the unit opens what describes the counted
    noun, which stands after the clause's last 的; its span, or None."""
    if not after or after[0] not in _preposition_starts():
        return None  # nearly every figure: no preposition can start what follows it, so no words are cut
    first = lexicon.tokens(after)[:1]
    if not first or not _tag(first[0]).startswith("p"):
        return None
    clause_end = shape.clause_end(norm, end)
    tie = norm.rfind("的", end, clause_end)
    if tie < 0:
        return None
    noun_end = _phrase_after(norm, tie + 1, unit)
    return (tie + 1, noun_end) if noun_end > tie + 1 else None


@cache
def _preposition_starts() -> frozenset[str]:
    """The first characters of every word the tagger reads as a preposition."""
    return frozenset(word[0] for word, tag in _tags().items() if tag.startswith("p"))


def _link_words(text: str, start: int, end: int) -> str:
    """每村不少于2场，全年累计26场: when nothing before a clause of link words names its count, the words with their
    scope (全年累计) are all the text says of it, and the fact is kept rather than lost."""
    return _plain(text[start:end]).strip(_EDGE)


@cache
def _amount_words() -> tuple[str, ...]:
    return _words("amount")


def _without_owner(indicator: str) -> str:
    """镇综合行政执法大队执法人员数量 → 执法人员数量: the number of a thing an office holds is named by the thing."""
    if not indicator.endswith(_amount_words()):
        return indicator  # nearly every indicator: not the number of anything an office holds
    owned = _patterns()["owned"].match(indicator)
    return owned.group("owned") if owned else indicator


_COMPARISON_RE = re.compile(r"同比|环比|较|比上年|比去年")


def _before_comparison(indicator: str) -> str:
    """调解成功率较2022年提升 → 调解成功率: the thing compared, without the comparison ("" when none is made)."""
    match = _COMPARISON_RE.search(indicator)
    return _clean(indicator[: match.start()]) if match and match.start() > 0 else ""


def _respective(norm: str, previous, quantity: Quantity, spread):
    """(subjects, turn) when this count continues a 分别为 list (A和B分别为3件、1件), else None."""
    if previous is None or norm[previous[0].end : quantity.start].strip() not in _CONJUNCTIONS:
        return None
    if spread is not None:
        return spread
    if len(previous[1]) != 1 or not _RESPECTIVELY.search(norm, max(0, previous[0].start - RESPECTIVELY_WINDOW),
                                                          previous[0].start):
        return None
    subjects = _respective_subjects(previous[1][0])
    return (subjects, 1) if len(subjects) >= 2 and all(subjects) else None


def _respective_subjects(indicator: str) -> list[str]:
    """刑事案件、治安案件同比分别下降 → 刑事案件同比下降, 治安案件同比下降: each subject with the words the list shares."""
    cut = indicator.rfind("分别")
    if cut < 0:
        return _split_subjects(indicator, _RESPECTIVE_CONJUNCTIONS)
    head, verb = indicator[:cut], indicator[cut + len("分别") :]
    compare = next((word for word in _words("compare") if head.endswith(word)), "")
    subjects = _split_subjects(head[: len(head) - len(compare)], _RESPECTIVE_CONJUNCTIONS)
    shared = compare + ("" if verb in ("为", "是", "有") else verb)
    return [subject + shared if subject else subject for subject in subjects]


def _compared(norm: str, quantity: Quantity, previous, indicators: tuple[str, ...]) -> tuple[str, ...]:
    """受理案件32件，同比增长15%: a change against last year is a change of the count before it in the sentence."""
    if previous is None or not previous[1] or len(indicators) != 1:
        return indicators
    if not indicators[0].startswith(_words("compare")) or shape.SENTENCE_END.search(norm, previous[0].end, quantity.start):
        return indicators
    return tuple(subject + indicators[0] for subject in previous[1])


_HOUSEHOLD = "一家"
_HONORIFIC = "同志"


def _without_names(indicator: str, names: tuple[str, ...], people: bool = False) -> str:
    """镇长李华带领执法人员 → 执法人员: what the person led or did, never the person."""
    cut = max((indicator.rfind(name) + len(name) for name in names if name in indicator), default=-1)
    cut = max(cut, shape.households_end(indicator))  # 浦家村宋某某一家等: households named by their heads
    if cut < 0:
        return indicator
    rest = indicator[cut:].lstrip("、和及与")
    if rest.startswith(_HOUSEHOLD):
        rest = rest[len(_HOUSEHOLD) :]  # 宋某一家等15户: the household is the person's, as the name is
    if rest.startswith(_HONORIFIC + "等"):
        rest = rest[len(_HONORIFIC) :]  # 闻某同志等4人: the honorific belongs to the name
    if rest.startswith("等"):
        rest = rest[1:]  # 舒某、龙某等5名律师: 等 closes the names, it is nothing counted
    tokens = lexicon.tokens(rest) if people and rest else []
    if len(tokens) > 1 and _tag(tokens[0]) == "p":
        # 请律师某某为干部职工90余人讲授…: the preposition after the name ties it to the people counted; before a
        # count of anything else (为困难群众代理案件6件) it belongs to what was done
        rest = rest[len(tokens[0]) :]
    act = next((word for word in lexicon.words("person_words", "act") if len(word) > 1 and rest.startswith(word)), "")
    return _clean(rest[len(act) :])


def _title_over_names(indicator: str, names: tuple[str, ...]) -> str:
    """宣讲员甲、乙等 → 宣讲员: the title written before a list of names closed by 等, or nothing."""
    if not indicator.endswith("等"):
        return ""
    first = min((indicator.find(name) for name in names if name in indicator), default=-1)
    title = indicator[:first] if first > 0 else ""
    # 德古（民间调解人）甲、乙等: the title may gloss a local word in brackets
    title = title.rstrip("）)")
    title = _clean(title)
    # 成立由副主任闻某等: the words up to a preposition before the title say what was done, not who
    tokens = lexicon.tokens(title)
    cut = max((i + 1 for i, token in enumerate(tokens) if _tag(token) == "p"), default=0)
    title = "".join(tokens[cut:])
    if title.endswith(roles_longest_first()):
        return title
    # 司法所干部晁某等: the words right before the names describe them even when no title word closes them
    return title if len(title) >= 2 else ""


def _glossed_title_before(norm: str, text: str, indicator: str, before: int, names: tuple[str, ...]) -> str:
    """聘请德古（民间调解人）甲、乙等12人: names closed by 等 right after a bracket that glosses their title; the clause
    read before the count starts after the bracket, so the title is read back from it."""
    at = text.rfind(indicator, max(0, before - MAX_INDICATOR * 2), before)
    if at <= 0 or not indicator.endswith("等") or norm[at - 1] != ")":
        return ""
    start = shape.clause_start(norm, at - 1)
    return _title_over_names(text[start:at] + indicator, names)


def _names_previous_parts(norm: str, text: str, previous: tuple[Quantity, tuple[str, ...]], quantity: Quantity) -> bool:
    """True when only the previous count's noun stands between the two counts (5个方面22项)."""
    gap = norm[previous[0].end : quantity.start]
    # 两人全年主持专题学法5次: a time or scope opening the words between is a clause of its own, whose count is its own
    return (bool(gap) and all(_CJK.match(ch) for ch in gap) and previous[1] == (_clean(text[previous[0].end : quantity.start]),)
            and not shape.clause_lead().match(gap))


def _whole_divided(norm: str, text: str, first: Quantity) -> tuple[str, ...]:
    """将全年任务细化为5个方面22项 → 全年任务: what the parts of the first count divide."""
    left, right = _clause_before(norm, first.start, 0)
    divided = _patterns()["divided"].match(_plain(text[left:right]))
    return _nonempty(_clean(divided.group("whole"))) if divided else ()


def _label(norm: str, text: str, start: int) -> str:
    """The label before a colon that a figure follows right after ("受理矛盾纠纷：86件"), else ""."""
    colon = start - 1
    while colon >= 0 and norm[colon] == " ":
        colon -= 1
    if colon < 0 or norm[colon] != ":":
        return ""
    left = shape.clause_start(norm, colon)
    label = text[left:colon]
    return label if 0 < len(_plain(label)) <= MAX_INDICATOR else ""


def _split_like(text: str, norm: str) -> list[str]:
    """`text` cut into subjects where its normal form `norm` (same length) splits: 執法人員持證率、… as 执法人员持证率、…."""
    parts, start, pos = [], 0, 0
    for token in lexicon.tokens(norm):
        if token in _CONJUNCTIONS:
            parts.append(text[start:pos])
            start = pos + len(token)
        pos += len(token)
    return [_clean(part) for part in (*parts, text[start:])]


def _split_subjects(text: str, conjunctions: tuple[str, ...] = _CONJUNCTIONS) -> list[str]:
    """及时受理率、按期办结率 → two subjects; 和/及/与 split only as words of their own (及时 stays whole)."""
    parts, current = [], ""
    for token in lexicon.tokens(text):
        if token in conjunctions:
            parts.append(current)
            current = ""
        else:
            current += token
    return [_clean(part) for part in (*parts, current)]


def _nonempty(indicator: str) -> tuple[str, ...]:
    return (indicator,) if indicator else ()


def _counts_before(norm: str, before: str, after: str, after_end: int, unit_end: int, unit: str = "") -> bool:
    """True when the words after the unit do not name what was counted, so the clause before does."""
    before = _plain(before)
    if not before or before[-1] in "、,的":
        return False
    closes_clause = after_end >= len(norm) or norm[after_end] in _BOUNDARY or norm[after_end] == "、"
    if closes_clause and unit in _words("person_unit") and _only_verbs(after) and not before.endswith(_words("possess")):
        return True  # 带动全镇2300余户签约。: people act, so the verb after them is theirs; the clause before counts them
    if _patterns()["preposition_end"].search(before):
        return False
    if len(before) <= MAX_SCOPE + 2 and _patterns()["trail"].sub("", before) in _scopes():
        return False  # 全乡共19人持有执法证: the place holds the people counted; what they do or have names them
    if before.endswith(_words("possess")):
        return False  # 下辖9个社区，: what the township has is the noun after the number, however short
    if shape.counts_event_before(before, unit) or (
            shape.runs_into_next_figure(norm, after_end) and not shape.threshold_follows(norm, after_end)):
        return True  # 召开会议5次研究…, 发放手册600册律师讲座3次: the words after belong to the next clause or figure
    if shape.per_unit(before):
        return False  # 每人联系2至3个村: a per-person count counts the noun after it
    if shape.event_after_verb(before, _plain(after), unit):
        return False  # 召开3次会议, 开展2次培训: the verb holds the event after the count, and the event is counted
    if before.endswith("等") and closes_clause and not norm.startswith("同志", unit_end) and _tag((lexicon.tokens(_plain(after)) or [""])[0])[:1] in ("n", "j"):
        return False  # 哈萨克族、汉族、回族等6个民族: the list closed by 等 gives examples of the noun after, which is counted
    if _directions_listed(before):
        return False  # 划分东、西2个片区: the listed directions say which areas; the areas after them are counted
    if closes_clause and len(_plain(after)) <= 2:
        return True  # 开展专项审计19个村。: the count belongs to the action before it
    first = lexicon.tokens(norm[unit_end:after_end])[:1]
    # 成员共计318人参加…: a linking word (共计, 达到) before the number is no verb; the noun before it is what was counted.
    last = lexicon.tokens(_patterns()["trail"].sub("", before) or before)[-1:]
    # 干部95人参加考试, 事项32项逐项明确: a verb or adverb after the unit, a noun before the number
    # (社区各有一名签约律师: a verb before the number leaves the noun after it as what is counted).
    verb_after = bool(first) and (first[0] in _stop_words() or _tag(first[0]) in _STOP_TAGS)
    if (verb_after and unit in _NOUN_CLASSIFIERS and _tag(first[0]).startswith("v") and first[0] not in _stop_words()
            and not (last and _tag(last[0]).startswith("n") and len(first[0]) > 1)):
        # 12个站所负责人: 个 counts a thing, so what follows it is a noun the tagger read as a verb (a verb of one
        # character there is a noun's first); after a noun (组建宣讲团5个深入各村) the count closes that noun and a
        # verb of two characters opens what it did
        verb_after = False
    if first and not verb_after and unit in _words("person_unit") and norm.startswith("《", unit_end + len(first[0])):
        verb_after = True  # 干部职工90余人讲授《行政处罚法》: a word taking a title is a verb, the people's act
    if unit_kinds().get(unit) == "money" and first:
        verb_after = verb_after or _tag(first[0]).startswith("v")  # 投入资金12.6万元建设…: money is spent on the verb
    if before.endswith("等") and (verb_after or norm.startswith("同志", unit_end)):
        # 讲座、咨询等20场开展…, 甲、乙等17人深入…, 甲、乙等26名同志…: 等 closes the list that was counted; a verb or
        # 同志, which names no kind of people, follows
        return True
    if last and last[0] in _stop_words():
        return False  # 7个社区各有一名签约律师: 各有 leads to what is counted
    return verb_after and bool(last) and _tag(last[0]) not in _STOP_TAGS


def _directions_listed(before: str) -> bool:
    """东、西 or 南、中、北 closing the words before a count: one-character places joined by 、."""
    directions = lexicon.chars("metric_words", "direction_char")
    parts = before[-5:].split("、")
    return len(parts) >= 2 and all(len(part) >= 1 and part[-1] in directions for part in parts) and all(
        len(part) == 1 for part in parts[1:])


@cache
def _scopes() -> frozenset[str]:
    return frozenset(_words("scope"))


# classifiers that count things only; a verb never follows them directly
_NOUN_CLASSIFIERS = ("个",)


MAX_SCOPE = 4  # characters of a place or scope before a share (全乡, 辖区内); longer words before it say more


def _scope_only(words: str) -> bool:
    """"" or a short place with no verb (乡里, 全镇): nothing before a share that could be what it measures."""
    return not words or (len(words) <= MAX_SCOPE and not any(_tag(t).startswith("v") for t in lexicon.tokens(words)))


def _only_verbs(words: str) -> bool:
    """签约, 参加: the words are a verb and nothing else (no noun that could be what was counted)."""
    tokens = lexicon.tokens(_plain(words))
    return bool(tokens) and all(_tag(token).startswith("v") for token in tokens)


def _clause_before(norm: str, start: int, floor: int) -> tuple[int, int]:
    """Span of the clause before `start`, back to the last clause boundary or the previous quantity."""
    pos = start
    # The approximation word before a number (约, 近) is part of the number, not of the clause.
    if norm.endswith(approx_before(), 0, pos):
        pos -= len(next(word for word in approx_before() if norm.endswith(word, 0, pos)))
    left = shape.clause_start(norm, pos, floor)
    while left < pos:
        if norm[left] in " \"'":
            left += 1
            continue
        lead = shape.clause_lead().match(norm, left, pos)
        if lead and lead.end() > left:
            left = lead.end()
        elif norm[left] in lexicon.chars("metric_words", "lead_char") and lexicon.tokens(norm[left:pos])[:1] == [norm[left]]:
            left += 1  # 并/和/共 as words of their own; 及时, 共享 keep their first character
        else:
            break
    return left, pos


def _phrase_after(norm: str, pos: int, unit: str = "") -> int:
    """End of the counted noun phrase that starts right after a unit (== pos when there is none)."""
    if pos >= len(norm) or norm[pos] in lexicon.chars("metric_words", "stop_char"):
        return pos  # 重大事项15件均经集体讨论: an adverb after the unit, so no noun follows
    noun = shape.qualifier_end(norm, pos)
    if noun > pos:
        return max(_phrase_after(norm, noun, unit), noun) if noun < len(norm) and _CJK.match(norm[noun]) else pos
    if norm[pos] == '"':
        close = norm.find('"', pos + 1, pos + NOUN_WINDOW)
        return close + 1 if close > pos + 1 else pos
    if not _CJK.match(norm[pos]) or norm.startswith("的", pos) or _ITEM_MARK.match(norm, pos):
        return pos  # 新订制度3项二是…: the next item's mark opens a clause of its own, stop or no stop before it
    for word in approx_before():
        if norm.startswith(word, pos) and norm[pos + len(word) : pos + len(word) + 1].isdigit():
            return pos  # 2处约380m²: a second quantity of the same thing, no noun between
    change = _patterns()["change"].match(norm, pos)
    if change and change.end() < len(norm) and norm[change.end()] in CHINESE_CHARS:
        return pos  # 由上年的十八件下降至九件: the words after the unit lead to the next number, written in words
    stop = pos
    while stop < len(norm) and stop - pos < NOUN_WINDOW:
        aside = _ASIDE.match(norm, stop) if norm[stop] == "(" else None  # an aside opens with its bracket
        if aside:
            stop = aside.end()  # 村（社区）党组织书记: a short aside in brackets belongs to the noun
            continue
        if norm[stop] in _BOUNDARY or norm[stop] in "、\"" or norm[stop].isdigit():
            break
        stop += 1
    if stop < len(norm) and norm[stop].isdigit() and _patterns()["change"].fullmatch(norm[pos:stop]):
        return pos  # 由上年的27件降至11件: the words after the unit lead to the next number
    among = _AMONG.match(norm, pos, stop) if norm.endswith(_AMONG_END, pos, stop) else None
    if among:
        return among.end(1)  # 5名队员中有2名…: the noun before 中有 is counted; what follows counts some of them
    # 组织两次督导考评，: a verb closing the clause is used as a noun; 40名学生参加。: people act, so it is their verb.
    clause_ends = (stop >= len(norm) or norm[stop] in _BOUNDARY) and unit not in _words("person_unit")
    end, previous_tag = pos, ""
    for token in lexicon.tokens(norm[pos:stop]):
        tag = _tag(token)
        # A verb ends the phrase after a noun (村|推行); after a verbal noun it is part of it (督导|考评).
        closes = clause_ends and end + len(token) == stop
        if token in _stop_words() or (token in _negations() and unit not in _words("person_unit")) or (tag in _STOP_TAGS and previous_tag[:1] in ("n", "z", "j") and not closes):
            break
        if len(token) > 1 and token[-1] in lexicon.chars("metric_words", "stop_char") and token not in _tags():
            return end + len(token) - 1
        end += len(token)
        previous_tag = tag
    return end


@cache
def _tags() -> dict[str, str]:
    return segment.pos_tags()


def _tag(token: str) -> str:
    return _tags().get(token, "n")


def _plain(text: str) -> str:
    return _NOT_PLAIN_RE.sub("", text)


def _clean(text: str) -> str:
    """The indicator as a reader sees it: quotes dropped, linking words trimmed, long clauses cut to their end."""
    text = _plain(text)
    closing = text.find("》")
    if closing >= 0 and "《" not in text[:closing]:
        text = text[closing + 1 :]  # the tail of a title the clause boundary cut through
    text = text.strip(_EDGE)
    trimmed = _patterns()["trail"].sub("", text)
    if trimmed:
        text = trimmed
    if len(text) > MAX_INDICATOR:
        text = _keep_tail(text).lstrip(_EDGE)
    return text


def _keep_tail(text: str) -> str:
    tokens = lexicon.tokens(text)
    kept: list[str] = []
    for token in reversed(tokens):
        if kept and sum(map(len, kept)) + len(token) > MAX_INDICATOR:
            break
        kept.insert(0, token)
    while len(kept) > 1 and kept[0] in (*_CONJUNCTIONS, "并"):
        kept.pop(0)  # a cut through 结合A和B…: the tail starts after the conjunction
    return "".join(kept)
