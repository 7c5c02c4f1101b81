"""Quoted strings a report presents as a named activity, method or model (“村民说事”制度, 推行“月学一法”).

A report quotes many things: titles of local campaigns, but also idioms (“老大难”), roles (“人民调解员”),
goal formulas (“小事不出村…”), platforms (“中国普法”公众号) and adjectives (“一站式”). A quote becomes a
campaign when nothing marks it as one of those and the text around it presents it as an activity: a
verb that launches or applies it before, a word that names its kind after, or a neighbouring quote
that is one.
"""

from __future__ import annotations

import re
from functools import cache, partial

from kg.text import lexicon
from kg.text.lexicon import either
from kg.text.spans import Spans
from kg.extract.titles import known_law
from kg.text import compact, normalize

MAX_QUOTE = 40  # characters; a longer quotation is a citation of prose, not a name
CONTEXT = 20  # characters before and after a quote read as the clause that presents it
SHORT_ROLE = 6  # characters; a quote this short ending like a role word (…员, …师) names a role
MAX_FORMULA_PARTS = 4  # a quote listing this many parts is a goal or duty formula (“小事不出村、大事不出镇…”)
# Curly quotes, or straight ones paired in order along a line, as a text typed without a Chinese keyboard has them.
_QUOTE = re.compile(rf"“([^“”\n]{{2,{MAX_QUOTE}}})”|\"([^\"“”\n]{{2,{MAX_QUOTE}}})\"")


_words = partial(lexicon.words, "quote_words")  # the words of one use, in file order


@cache
def _patterns() -> dict[str, re.Pattern]:
    """The rules' regexes, built once from ontology/lexicons/quote_words.tsv."""
    return {
        "verb_before": re.compile(rf"{either(_words('verb_before'))}[\u4e00-\u9fff]{{0,4}}$"),
        "kind_after": re.compile("^" + either(_words("kind_after"))),
        "theme_after": re.compile("^" + either(_words("theme_after"))),
        "object_verb": re.compile(rf"{either(_words('object_verb'))}[\u4e00-\u9fff]{{0,2}}$"),
        "kind_at_end": re.compile(either(_words("kind_at_end")) + "$"),
        "not_after": re.compile(
            rf"""^(?:
                {either(_words("not_after"))}                                  # 的原则, 平台, 问题…
              | 为(?:工作|总体|奋斗|发展)?目标                                  # …为目标: a goal
              | 的(?:工作|总体|发展)?(?:思路|理念|目标|定位|方针)                # …的工作思路: a guiding idea
              | (?:工作|总体|发展)?(?:思路|理念|定位|方针)
            )""",
            re.VERBOSE,
        ),
        "not_text": re.compile(either(_words("not_ending")) + "$|的模范"),
        "role_end": re.compile(either(_words("role_ending")) + "$"),
        # 被评为全区“民族团结进步模范个人”, 获评“优秀人民调解员”: an honour given to a person, no practice
        "honour_before": re.compile(rf"{either(_words('honour_verb'))}[\u4e00-\u9fff]{{0,4}}$"),
        "person_honour_end": re.compile("(?:" + either(_words("role_ending")) + "|" + either(_words("person_honour_ending")) + ")$"),
        "team_end": re.compile(either(_words("team_ending")) + "$"),
        # “和事佬”工作室, “老娘舅”调解工作室: a team or studio named by the quote before it
        "team_after": re.compile(rf"^[\u4e00-\u9fff]{{0,4}}?{either(_words('team_ending'))}"),
        # “枫桥式”派出所创建, “枫桥式”街道评选: a model title whose 式 describes what is created
        "model_after": re.compile(rf"^[\u4e00-\u9fff]{{1,6}}?{either(_words('model_after'))}"),
    }


_LINKERS = re.compile(r"^[、，,及和与\s]*$")
_CHAR_LIST = re.compile(r"^[\u4e00-\u9fff](?:、[\u4e00-\u9fff]){1,5}$")
# 先审查、后上会, 先调解后诉讼: a rule of order for a procedure, not a named activity.
_ORDER_RULE = re.compile(r"^先[\u4e00-\u9fff]{1,6}[、，,]?后[\u4e00-\u9fff]{1,6}$")
# 周研判、月调度、季通报: a rhythm of work, each part opening with its period, is how work is run, no named activity.
_RHYTHM = re.compile(r"^[日周旬月季年][\u4e00-\u9fff]{1,4}(?:[、，,][日周旬月季年][\u4e00-\u9fff]{1,4})+$")
# 一对一, 点对点, 面对面: the same word on both sides of 对 describes how a service is given.
_FACE_TO_FACE = re.compile(r"([\u4e00-\u9fff]{1,2})对\1")
_TRAILING_KIND = re.compile(r"(制度|机制|模式|工作)$")
# “3+X”, “1+3+N”: a formula of numbers and letters; it names a model only with its kind after it (“3+X”网格工作模式),
# while a formula of hours or staff alone (“5+2”值班) describes how something is run.
_FORMULA = re.compile(r"[0-9A-Za-z]+(?:\+[0-9A-Za-z]+)+")
# 谁主管谁负责, 谁审批谁负责: a rule of who answers for what, as 谁办理谁负责 is; 谁执法谁普法 assigns publicity and stays.
_ANSWERS_FOR = re.compile(r"^谁[\u4e00-\u9fff]{1,3}谁负责$")
# 由“大水漫灌”向“精准滴灌”转变: a change from one manner of working to another; neither quote names an activity.
_FROM_BEFORE = frozenset("由从")
_TO_BETWEEN = frozenset(("向", "到", "转向", "转为", "变为"))


def _rejected(inner: str, after: str) -> bool:
    key = normalize(inner)
    if key in lexicon.not_campaigns() or compact(inner) in lexicon.not_campaigns():
        return True
    patterns = _patterns()
    if (len(compact(inner)) <= 2 and not _FORMULA.fullmatch(inner)) or patterns["not_text"].search(inner) or (
            len(inner) <= SHORT_ROLE and patterns["role_end"].search(inner) and not _pairing(inner)):
        return True
    if known_law(inner):  # “民法典” as a theme is a law cited, not a campaign
        return True
    if inner.endswith("式") and not patterns["model_after"].match(after):
        return True  # “一站式”服务: an adjective, unless the clause goes on to create a model of that style
    if len(compact(inner)) <= 3 and inner.endswith("化"):
        return True
    if _ANSWERS_FOR.match(inner):
        return True
    if _FACE_TO_FACE.fullmatch(inner):
        return True  # “一对一”服务, “面对面”: a manner of serving, as 一站式 is
    if ((len(re.split(r"[、，,]", inner)) >= MAX_FORMULA_PARTS and not patterns["theme_after"].match(after))
            or _ORDER_RULE.match(inner) or _RHYTHM.match(inner)):
        # a goal, duty, order or rhythm formula; but one the text takes as its theme (以“学法、懂法、守法、用法”为主题)
        # is the slogan of a campaign
        return True
    parts = inner.split("+")
    if len(parts) > 1 and all(patterns["role_end"].search(part) for part in parts):
        return True  # “队员+网格员+志愿者”: who takes part, not a named practice
    return bool(patterns["not_after"].match(after))


def _person_honour(text: str, start: int, inner: str) -> bool:
    """获评“优秀人民调解员”: a quote after a verb of honour that ends as a person's title names what one person won."""
    patterns = _patterns()
    return bool(patterns["person_honour_end"].search(inner) and not inner.startswith(_words("honour_brand"))
                and patterns["honour_before"].search(_clause_before(text, start)))


def _contrasted(text: str, quotes: list[tuple[int, int, str]]) -> set[int]:
    """Indices of the two quotes of each 由“A”向“B” (from A to B): manners of working set against each other."""
    out: set[int] = set()
    for i in range(len(quotes) - 1):
        start, end, _ = quotes[i]
        if text[start - 1 : start] in _FROM_BEFORE and text[end : quotes[i + 1][0]] in _TO_BETWEEN:
            out.update((i, i + 1))
    return out


def _pairing(inner: str) -> bool:
    """“小手拉大手”, “老党员带新党员”: one party, a character that joins them, and another party ending as the first
    does; a slogan of method, no role."""
    return any(inner[i - 1] == inner[-1] for i in range(2, len(inner) - 2))


def _clause_before(text: str, start: int) -> str:
    return re.split(r"[。；;！？\n，,、”\"]", text[max(0, start - CONTEXT) : start])[-1]


def _clause_after(text: str, end: int) -> str:
    return re.split(r"[。；;！？\n，,、“\"]", text[end : end + CONTEXT])[0]


def _extend_char_list(text: str, inner: str, end: int) -> tuple[str, int]:
    """“办、审、定”三分离制度 names 办、审、定三分离: a list of single characters needs the word after it."""
    if not _CHAR_LIST.match(inner):
        return inner, end
    tail = _TRAILING_KIND.sub("", _clause_after(text, end))
    return inner + tail, end + len(tail)


def _extend_model(text: str, inner: str, end: int) -> tuple[str, int]:
    """“枫桥式”司法所创建 names 枫桥式司法所创建: a quoted style needs what is created after it."""
    model = _patterns()["model_after"].match(_clause_after(text, end)) if inner.endswith("式") else None
    return (inner + model.group(), end + model.end()) if model else (inner, end)


def quoted_campaigns(text: str, blocked: list[tuple[int, int]], found: list[tuple[int, int, str]],
                     shown: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, name) of quoted campaigns; `blocked` spans hold none, `found` are campaigns already read.

    `text` is read for the words that present a quote (simplified, for a report in traditional characters);
    names are taken from `shown`, the report's own text at the same offsets.
    """
    shown = text if shown is None else shown
    matches = list(_QUOTE.finditer(text))
    quotes = [(m.start(), m.end(), m.group(m.lastindex).strip()) for m in matches]
    as_shown = [shown[m.start(m.lastindex) : m.end(m.lastindex)].strip() for m in matches]
    # Per quote: True a campaign, False not one, None undecided until its neighbours are known.
    status: list[bool | None] = []
    blocked_spans, found_spans = Spans(blocked), Spans((s, e) for s, e, _ in found)
    contrasted = _contrasted(text, quotes)
    for i, (start, end, inner) in enumerate(quotes):
        if blocked_spans.overlaps(start, end) or i in contrasted:
            status.append(False)
        elif found_spans.overlaps(start, end):
            status.append(True)
        elif _rejected(inner, _clause_after(text, end)) or _person_honour(text, start, inner):
            status.append(False)
        elif _presented(text, start, end, inner):
            status.append(True)
        else:
            status.append(None)
    # Quotes listed side by side (“以案释说”“以案促改”, “法律明白人”、“普法志愿者”) share their kind.
    changed = True
    while changed:
        changed = False
        for i, state in enumerate(status):
            if state is not None:
                continue
            left = i > 0 and status[i - 1] and _LINKERS.match(text[quotes[i - 1][1] : quotes[i][0]])
            right = i + 1 < len(quotes) and status[i + 1] and _LINKERS.match(text[quotes[i][1] : quotes[i + 1][0]])
            if left or right:
                status[i] = changed = True
    accepted: list[tuple[int, int, str]] = []
    keys = {compact(name) for *_, name in found}
    for (start, end, inner), state, written in zip(quotes, status, as_shown):
        if not state or found_spans.overlaps(start, end):
            continue
        key = compact(inner)
        if any(key in other and key != other for other in keys) and not _patterns()["kind_after"].match(_clause_after(text, end)):
            # “一会”“三员” after “一会三员一网格”: parts of a name already found; but “送法进村”活动 after a theme
            # “送法进村、法润X” names its own activity
            continue
        name, stop = _extend_model(text, *_extend_char_list(text, inner, end))
        accepted.append((start, stop, written + shown[end:stop]))
        keys.add(compact(name))
    return accepted


def _presented(text: str, start: int, end: int, inner: str) -> bool:
    """The text around the quote presents it as a practice: launched or applied before, or its kind named after."""
    after = _clause_after(text, end)
    patterns = _patterns()
    if after.startswith("的") and not patterns["kind_after"].match(after) and len(compact(inner)) <= 3:
        return False  # “点对点”的…服务: a trait of something else
    if _FORMULA.fullmatch(inner):
        return bool(patterns["kind_after"].match(after) or patterns["kind_at_end"].search(after) or patterns["team_after"].match(after))
    before = _clause_before(text, start)
    # “老周调解工作室”, “红袖标调解队”: a team or studio with a name of its own is a named practice wherever it stands.
    return bool(patterns["verb_before"].search(before) or patterns["kind_after"].match(after) or patterns["kind_at_end"].search(after)
                or (not after.strip() and patterns["object_verb"].search(before))
                or patterns["team_end"].search(inner) or patterns["team_after"].match(after)
                or (inner.endswith("式") and patterns["model_after"].match(after)))
