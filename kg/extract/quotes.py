"""Quoted strings a report presents as a named activity, method or model (“村民说事”制度, 推行“月学一法”).

A report quotes many things: titles of local campaigns, but also idioms (“老大难”), roles (“人民调解员”),
goal formulas (“小事不出村…”), platforms (“中国普法”公众号) and adjectives (“一站式”). A quote becomes a
campaign when nothing marks it as one of those and the text around it presents it as an activity: a
verb that launches or applies it before, a word that names its kind after, or a neighbouring quote
that is one.
"""

from __future__ import annotations

import re

from kg.text import lexicon
from kg.text.spans import Spans
from kg.extract.titles import known_law
from kg.text import compact, normalize

_QUOTE = re.compile(r"“([^“”\n]{2,40})”")
# Verbs that launch, apply or hold up a named practice, at the end of the clause before the quote.
_VERB_BEFORE = re.compile(
    r"(开展|推行|推进|落实|实施|执行|实行|打造|培育|践行|深化|创建|开设|建立|探索|围绕|结合|以|依托|参与|适用|"
    r"擦亮|推广|推动|启动|组织|举办|争创|评为|命名为|评选|持续|深入|扎实)[\u4e00-\u9fff]{0,4}$"
)
# Words after the quote that name what it is: a campaign, system, model, brand, service…
_KIND_AFTER = re.compile(
    r"^(?:专项行动|专项斗争|行动|活动|制度|机制|模式|工作模式|改革|普法|品牌|创建|评选|工程|经验|服务|管理|"
    r"为主题|主题|宣传月|宣传周|责任制|集体决策|的方式|联调|流程|联合检查|基层治理|矛盾化解|示范)"
)
_KIND_AT_END = re.compile(r"(?:行动|活动|制度|机制|模式|品牌|中心|流程|检查|工程)$")
# After the quote: it is a platform, a goal, a principle, a trait or a problem, not a campaign.
_NOT_AFTER = re.compile(
    r"^(?:的局面|的原则|的工作格局|格局|的防护墙|的模范|为(?:工作|总体|奋斗|发展)?目标|的(?:工作|总体|发展)?(?:思路|理念|目标|定位|方针)|"
    r"(?:工作|总体|发展)?(?:思路|理念|定位|方针)|的要求|要求|为主线|为标准|为导向|为原则|为核心|为重点|为遵循|为指引|为要求|等平台|平台|公众号|微信|微博|网站|客户端|问卷|人群|纠纷|作用|"
    r"不够|不足|讲话|精神|专栏|现象|问题|思想|意识|难题|心态|局面|思维)"
)
_NOT_TEXT = re.compile(r"(公众号|问卷|平台|网站|客户端|APP|发布|讲话|精神|思想|建设)$|的模范")
_ROLE_END = re.compile(r"(员|者|师|长|手|官)$")
_LINKERS = re.compile(r"^[、，,及和与\s]*$")
_CHAR_LIST = re.compile(r"^[\u4e00-\u9fff](?:、[\u4e00-\u9fff]){1,5}$")
# 先审查、后上会, 先调解后诉讼: a rule of order for a procedure, not a named activity.
_ORDER_RULE = re.compile(r"^先[\u4e00-\u9fff]{1,6}[、，,]?后[\u4e00-\u9fff]{1,6}$")
_TRAILING_KIND = re.compile(r"(制度|机制|模式|工作)$")


def _rejected(inner: str, after: str) -> bool:
    key = normalize(inner)
    if key in lexicon.not_campaigns() or compact(inner) in lexicon.not_campaigns():
        return True
    if len(compact(inner)) <= 2 or _NOT_TEXT.search(inner) or (len(inner) <= 6 and _ROLE_END.search(inner)):
        return True
    if known_law(inner):  # “民法典” as a theme is a law cited, not a campaign
        return True
    if inner.endswith("式") or (len(compact(inner)) <= 3 and inner.endswith("化")):
        return True
    if len(re.split(r"[、，,]", inner)) >= 4 or _ORDER_RULE.match(inner):  # a goal, duty or order formula
        return True
    return bool(_NOT_AFTER.match(after))


def _clause_before(text: str, start: int) -> str:
    return re.split(r"[。；;！？\n，,、”]", text[max(0, start - 20) : start])[-1]


def _clause_after(text: str, end: int) -> str:
    return re.split(r"[。；;！？\n，,、“]", text[end : end + 20])[0]


def _extend_char_list(text: str, inner: str, end: int) -> tuple[str, int]:
    """“办、审、定”三分离制度 names 办、审、定三分离: a list of single characters needs the word after it."""
    if not _CHAR_LIST.match(inner):
        return inner, end
    tail = _TRAILING_KIND.sub("", _clause_after(text, end))
    return inner + tail, end + len(tail)


def quoted_campaigns(text: str, blocked: list[tuple[int, int]], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, name) of quoted campaigns; `blocked` spans hold none, `found` are campaigns already read."""
    quotes = [(m.start(), m.end(), m.group(1).strip()) for m in _QUOTE.finditer(text)]
    # Per quote: True a campaign, False not one, None undecided until its neighbours are known.
    status: list[bool | None] = []
    blocked_spans, found_spans = Spans(blocked), Spans((s, e) for s, e, _ in found)
    for start, end, inner in quotes:
        if blocked_spans.overlaps(start, end):
            status.append(False)
        elif found_spans.overlaps(start, end):
            status.append(True)
        elif _rejected(inner, _clause_after(text, end)):
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
    for (start, end, inner), state in zip(quotes, status):
        if not state or found_spans.overlaps(start, end):
            continue
        key = compact(inner)
        if any(key in other and key != other for other in keys):
            continue  # “一会”“三员” after “一会三员一网格”: parts of a name already found
        name, stop = _extend_char_list(text, inner, end)
        accepted.append((start, stop, name))
        keys.add(compact(name))
    return accepted


def _presented(text: str, start: int, end: int, inner: str) -> bool:
    """The text around the quote presents it as a practice: launched or applied before, or its kind named after."""
    after = _clause_after(text, end)
    if after.startswith("的") and not _KIND_AFTER.match(after) and len(compact(inner)) <= 3:
        return False  # “点对点”的…服务: a trait of something else
    before = _clause_before(text, start)
    return bool(_VERB_BEFORE.search(before) or _KIND_AFTER.match(after) or _KIND_AT_END.search(after))
