"""Which lines head the top-level sections of a report, and where its closing lines begin.

A report's top level is its own numbering family (markers.top_style), one level below bare heading lines
when it has them (2023年工作回顾), bare headings that name a kind (存在问题, 【下步打算】, ◆ 主要工作) when it
has no numbering, or a first run of items without a heading (a two-level report) followed by headings
that name kinds. The closing is 特此报告, the signature and the date, and a copied page's tools.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.structure.header import Line, is_date, is_issuer
from kg.structure.kinds import kinds_named
from kg.structure.markers import NOT_TOP, decor_end, line_marker, top_style, trim_decor
from kg.text import lexicon

# A heading line of its own: short, no sentence punctuation, no colon of a lead-in (…报告如下：).
_PLAIN_HEADING_RE = re.compile(r"^[^。，,；;：:！？!?]{2,30}$")
_MAX_TOOL_LINE = 40  # characters of a line of page tools; a longer line is text
_CLOSING_RE = re.compile(r"^(?:特此报告|特此汇报|以上报告|专此报告|此报)[。.]?$")
_TITLE_LINE_RE = re.compile(r"报告|总结|^\d{4}年\d{1,2}月")
_LEADER_RE = re.compile(r"[\s.·…．-]*\d*\s*$")  # 一、基本情况……………1: the dots and page number of a contents line
# A line of a table of contents by its own shape: dot leaders and a page number closing it (三、下一步打算……5). It
# heads no section, whether or not the body repeats the headings it lists (a page opening may stop before them).
_CONTENTS_LINE_RE = re.compile(r"(?:…{2,}|[.·．]{4,}|[-—]{4,})\s*\d{1,3}\s*$")
# Item families a document may use for its sections instead, when their lines are bare headings.
_HEADING_FAMILIES = ("ordinal",)
_APPENDIX_RE = re.compile(r"^(?:附件|附表)\s*[\d一二三四五六七八九十]*\s*(?:[:：]|$)")


def top_headings(lines):
    """(lines that open top-level sections, their family, where the first numbered one starts).

    The document's own top family, one level below bare heading lines when it has them, else bare
    headings from the section vocabulary.
    """
    marked = []
    for index, line in enumerate(lines):
        found = line_marker(line.text)
        if found and not _CONTENTS_LINE_RE.search(line.text):
            marked.append((index, found[0], found[1]))
    asked = _questions(lines) or _between_rules(lines)
    if asked:
        return [lines[i] for i in asked], "plain", None
    style = top_style(marked, _heading_families(lines, marked))
    if style is not None:
        marked = _without_contents(lines, marked, style)
        labelled = _labels_over(lines, marked, style)
        if labelled:
            return [lines[i] for i in labelled], "plain", None
        nested = _family_at_two_levels(lines, marked, style)
        if nested:
            return [lines[i] for i in nested], "plain", None
        found, last = [], 0
        for index, line_style, number in marked:
            if line_style == style and number > last:
                found.append(index)
                last = number
        plain = _plain_headings(lines, found, [i for i, line_style, number in marked if line_style == style and number == 1])
        if plain:
            return [lines[i] for i in plain], "plain", lines[found[0]].start
        later = _headless_first(lines, found, marked)
        if later:
            first = lines[found[0]]
            # A heading naming its kind right over the run (◎ 工作开展情况 with no preamble before it) heads it.
            over = lines[found[0] - 1] if found[0] > 0 else None
            if over is not None and (_is_vocabulary_heading(over.text) or _shaped_like(over.text, later)):
                return [over, *later], "vocabulary", None
            return [Line(first.start, first.start, ""), *later], "vocabulary", None
        return [lines[i] for i in sorted(found + _framing(lines, found))], style, None
    headings = [line for line in lines if _is_vocabulary_heading(line.text) and not _CONTENTS_LINE_RE.search(line.text)]
    return _symbol_siblings(lines, headings), "vocabulary", None


def _symbol_siblings(lines, headings):
    """The vocabulary headings and their siblings: when every heading opens with one symbol (☆ 年度工作开展情况 /
    ☆ 来年工作安排), each other short heading-like line opening with it (☆ 工作中的短板, a kind named in no word of the
    vocabulary) stands at the same level. Only when the symbol marks heading lines alone, each over lines of another
    kind (⊙ items, prose): a symbol that also opens sentences, or runs line after line, marks items."""
    glyphs = {_bullet_glyph(line.text) for line in headings}
    if len(glyphs) != 1 or None in glyphs:
        return headings
    glyph = glyphs.pop()
    marked = [pos for pos, line in enumerate(lines)
              if _bullet_glyph(line.text) == glyph and not _CONTENTS_LINE_RE.search(line.text)]
    if len(marked) <= len(headings) or not all(is_plain_heading(lines[pos].text) for pos in marked):
        return headings
    if any(later - earlier < 2 for earlier, later in zip(marked, marked[1:])) or marked[-1] + 1 >= len(lines):
        return headings
    return [lines[pos] for pos in marked]


def _bullet_glyph(text: str) -> str | None:
    """The symbol a line opens with as a bullet (☆, ◆), past any decoration; None for any other line."""
    if not text or text[0].isalnum():  # most lines open on a word: no marker to read
        return None
    found = line_marker(text)
    if found is None or found[0] != "bullet":
        return None
    return text[decor_end(text, 0) :][:1] or None


# The line that hands over to the body (现将有关情况报告如下。/ 报告如下：).
_HAND_OVER_RE = re.compile(r"如下\s*[。:：]?\s*$")
_MIN_HEADLESS_PARAGRAPHS = 3


# A preamble opens on the time the report covers (2024年，…; 今年以来，…): a work paragraph opens on its own subject.
_PREAMBLE_OPENING_RE = re.compile(r"(?:(?:19|20)\d{2}\s*年度?|今年以来|一年来|过去的?一年|本年度)")


def headless_body(lines, end: int):
    """The start of the body of a report that has no headings at all, as one section without a heading: the line
    after the one that hands over to it (…现将情况报告如下。), or, with no such line, after a first paragraph that
    opens on the year as a preamble does, when prose paragraphs follow it; else None."""
    for pos, line in enumerate(lines[:8]):
        if line.start >= end or not _HAND_OVER_RE.search(line.text):
            continue
        found = _prose_after(lines, pos, end)
        if found is not None:
            return found
    prose = next((pos for pos, line in enumerate(lines[:8]) if line.start < end and _is_body_prose(line.text)), None)
    if prose is not None and _PREAMBLE_OPENING_RE.match(lines[prose].text.lstrip()):
        return _prose_after(lines, prose, end)
    return None


def _prose_after(lines, pos: int, end: int):
    paragraphs = [other for other in lines[pos + 1:] if other.start < end and _is_body_prose(other.text)]
    if len(paragraphs) >= _MIN_HEADLESS_PARAGRAPHS:
        first = paragraphs[0]
        return Line(first.start, first.start, "")
    return None


def _heading_families(lines, marked) -> tuple[str, ...]:
    """Families that usually open items or paragraphs (第一，) but here number bare heading lines once through
    (第一项 重点工作 / 第二项 存在问题): then they number the sections."""
    families = []
    for family in _HEADING_FAMILIES:
        own = [(index, number) for index, style, number in marked if style == family]
        if len(own) < 2 or [number for _, number in own] != list(range(1, len(own) + 1)):
            continue
        words = [lines[index].text[line_marker(lines[index].text)[2]:] for index, _ in own]
        if all(is_plain_heading(text) for text in words):
            families.append(family)
    return tuple(families)


def _family_at_two_levels(lines, marked, style: str) -> list[int]:
    """The section lines when one family numbers both sections and their items (一、工作情况 / 一、压实责任 /
    二、推进执法 / 二、存在的问题 / 一、…), told apart only by nesting; [] when the family is used once.

    A line after which the family restarts at 1 heads a section. So does the next section number when it
    does not continue the items (a section without items).
    """
    own = [(index, number) for index, line_style, number in marked if line_style == style]
    # Next to it, or after a lead sentence only: a heading of another kind between (◆ 存在问题, 贰、存在不足)
    # makes the 1 the items of that heading's section.
    def opens_items(i: int, j: int, number: int) -> bool:
        return number == 1 and all(_is_body_prose(lines[k].text) for k in range(i + 1, j))

    restarts = [pos for pos, ((i, _), (j, b)) in enumerate(zip(own, own[1:])) if opens_items(i, j, b)]
    # One restart tells the levels apart only right under the first line: 一、工作情况 / 一、… 三、… / 二、存在问题
    # (a later lone restart may be a list of its own, or a second document).
    if len(restarts) < 2 and restarts != [0]:
        return []
    tops, last_top, last_item = [], 0, 0
    for pos, (index, number) in enumerate(own):
        heads = pos + 1 < len(own) and opens_items(index, *own[pos + 1])
        if number == last_top + 1 and (heads or number != last_item + 1):
            tops.append(index)
            last_top, last_item = number, 0
        else:
            last_item = number
    return tops if len(tops) >= 2 else []


def _without_contents(lines, marked, style: str):
    """The marked lines without a table of contents: a first run of top headings, one line after another with
    nothing between them, that the body repeats from 1 again (目录 / 一、基本情况 / 二、主要工作 … 一、基本情况)."""
    firsts = [k for k, (_, line_style, number) in enumerate(marked) if line_style == style and number == 1]
    if len(firsts) < 2:
        return marked
    run = marked[firsts[0] : firsts[1]]
    indices = [index for index, _, _ in run]
    if len(run) < 2 or any(b - a != 1 for a, b in zip(indices, indices[1:])) or any(s != style for _, s, _ in run):
        return marked
    repeated = [index for index, line_style, _ in marked[firsts[1]:] if line_style == style][: len(run)]
    if [_entry(lines[i].text) for i in indices] != [_entry(lines[i].text) for i in repeated]:
        return marked
    return marked[firsts[1]:]


def _entry(text: str) -> str:
    """A heading as a table of contents lists it: without dot leaders and page number, nor the `**` or tags
    that the body may put round the heading and the contents not."""
    return _LEADER_RE.sub("", text[decor_end(text, 0) : trim_decor(text, 0, len(text))])


def _names_kind(text: str, style: str | None) -> bool:
    """A line of a section family (第一部分 存在的不足) whose words name a kind of section."""
    if style is None or style in NOT_TOP:
        return False
    return bool(kinds_named(text[line_marker(text)[2]:]))


def _headless_first(lines, numbered: list[int], marked) -> list:
    """Headings naming a kind (存在的不足, 第一部分 下一步打算) after a numbered run that nothing is nested under:
    that run is the items of a first section written without a heading, and those lines head the sections after it.

    A two-level report puts its work done as （一）（二） straight under the opening prose; numbered sections
    would have items below them or would number the problems and plans as well.
    """
    if len(numbered) < 2:
        return []
    styles = {i: line_style for i, line_style, _ in marked}
    vocabulary = [i for i, line in enumerate(lines) if i > numbered[-1] and _is_vocabulary_heading(line.text)]
    # Under a bare heading (存在的问题和下一步打算), numbered lines naming a kind ((一)存在的问题) are its sub-parts.
    first_bare = vocabulary[0] if vocabulary else len(lines)
    bare = sorted(vocabulary + [i for i in range(numbered[-1] + 1, first_bare) if _names_kind(lines[i].text, styles.get(i))])
    if not bare:
        return []
    styles_before = {line_style for i, line_style, _ in marked if i < bare[0] and line_style not in NOT_TOP}
    if len(styles_before) > 1:
        return []
    # Items say what was done on their own line (加强组织领导。街道党工委……); a section heading stands alone.
    if not all("。" in lines[i].text for i in numbered):
        return []
    return [lines[i] for i in bare]


def _framing(lines, found: list[int]) -> list[int]:
    """Bare lines before the first numbered heading or after the last that name a section of their own (写在前面, 结语,
    其他需要说明的事项), each over prose of its own: a preface or a closing framing the numbered body. Below the title, and
    above the signature."""
    if not found:
        return []
    end = closing_start(lines, lines[found[-1]].end)
    around = [*range(1, found[0]), *range(found[-1] + 1, len(lines))]
    return [i for i in around if lines[i].start < end and i + 1 < len(lines) and lines[i + 1].start < end
            and _names_other(lines[i].text) and _is_body_prose(lines[i + 1].text)]


def _names_other(text: str) -> bool:
    # 附件2 over a cover opens an attached document, not a section of it
    return "other" in kinds_named(text) and _is_vocabulary_heading(text) and not _APPENDIX_RE.match(text)


def _shaped_like(text: str, headings) -> bool:
    """A heading line that names no kind (【年度回顾】) but is framed as every heading after it is (【短板弱项】,
    【来年打算】): one bracket, or one pair of `**`, round a short phrase."""
    frame = _frame(text)
    return frame is not None and is_plain_heading(_FRAMED_RE[frame].match(text.strip()).group(1)) and all(
        _frame(line.text) == frame for line in headings)


_FRAMED_RE = {"bracket": re.compile(r"^\[([^\[\]]{2,25})\]$"), "bold": re.compile(r"^\*\*([^*]{2,25})\*\*$")}


def _frame(text: str) -> str | None:
    stripped = text.strip()
    return next((name for name, pattern in _FRAMED_RE.items() if pattern.match(stripped)), None)


def _is_vocabulary_heading(text: str) -> bool:
    """A short unnumbered line that names a section kind (存在问题, 下一步打算), with any `**` or tags around it.

    A title line (…工作情况报告) may carry a kind word too; it heads the document, not a section. A line
    that is one bracket ([存在问题], 【】 in the text) is such a heading; a bracket opening a line is an item.
    """
    core = text[decor_end(text, 0) : trim_decor(text, 0, len(text))]
    if _FRAMED_RE["bracket"].match(core):
        core = core[1:-1]
    else:
        core = _unnumbered(core)
        if core is None:
            return False
    return (len(core) <= 25 and not re.search(r"[。，,;；]", core) and bool(kinds_named(core))
            and not _TITLE_LINE_RE.search(core))


def _plain_headings(lines, numbered: list[int], firsts: list[int]) -> list[int]:
    """Unnumbered heading lines (2023年工作回顾) that each open a run of the numbered family, if the body has them.

    Such a line stands after the opening prose and right before a heading numbered 1; the numbered
    headings are then one level below it.
    """
    if not numbered:
        return []
    body_start = next((i for i, line in enumerate(lines) if _is_body_prose(line.text)), None)
    if body_start is None or body_start >= numbered[0]:
        return []
    plain = [i - 1 for i in firsts if i - 1 > body_start and _heads_run(lines[i - 1].text)]
    if not plain:
        return []
    # A bare heading that names its kind (主要工作及成效 over 一是… lines) heads a section of the same level,
    # the first one too when the body opens with it rather than with prose (title / 2023年工作情况 / (Ⅰ)…).
    named = [i for i in range(max(1, body_start - 1), len(lines)) if _is_vocabulary_heading(lines[i].text)]
    plain = sorted(set(plain) | set(named))
    plain = _lettered_before(lines, plain, body_start) + plain
    plain = _glyph_before(lines, plain, body_start) + plain
    if plain[0] >= numbered[0] or numbered[0] - 1 not in plain:
        return []
    return plain


def _glyph_before(lines, plain: list[int], body_start: int) -> list[int]:
    """Heading lines before the first plain heading found that open with the one symbol every plain heading opens with
    (◆ 做了什么 before ◆ 差在哪里 and ◆ 往哪里走, when only the later ones open numbered runs): a section whose items
    are set apart in 【】 or left bare has no run of numbers to be found by."""
    if len(plain) < 2:
        return []
    glyphs = {_bullet_glyph(lines[i].text) for i in plain}
    if len(glyphs) != 1 or None in glyphs:
        return []
    glyph = glyphs.pop()
    return [i for i in range(body_start + 1, plain[0])
            if _bullet_glyph(lines[i].text) == glyph and _heads_run(lines[i].text)]


# A capital letter numbering a heading as English lists do (A. 镇情, B．领头雁); the normal form writes ． as '.'.
_LETTER_RE = re.compile(r"([A-Z])\s*[.、]\s*(?=[\u4e00-\u9fff])")


def _lettered_before(lines, plain: list[int], body_start: int) -> list[int]:
    """Heading lines lettered in sequence before the first plain heading found (A. 镇情 before B. 领头雁 … when only
    B. onwards open numbered runs): a section of prose under a lettered heading has no run to be found by."""
    letters = [_LETTER_RE.match(lines[i].text) for i in plain]
    if len(letters) < 2 or not all(letters) or any(
            ord(b.group(1)) - ord(a.group(1)) != 1 for a, b in zip(letters, letters[1:])):
        return []
    found, wanted = [], ord(letters[0].group(1)) - 1
    for i in range(plain[0] - 1, body_start, -1):
        match = _LETTER_RE.match(lines[i].text)
        if match is None:
            continue
        if ord(match.group(1)) != wanted or not is_plain_heading(lines[i].text):
            break
        found.insert(0, i)
        wanted -= 1
    return found


# A report told as questions and answers (问一：…？ / 答：…): each question heads a section, the answer is its body.
_QUESTION_RE = re.compile(r"问\s*[一二三四五六七八九十\d]{0,3}\s*:")
_ANSWER_RE = re.compile(r"答\s*:")


# A line of nothing but a repeated mark (＊　＊　＊, ***, ———, ~~~): a rule that sets text apart, not text.
_RULE_RE = re.compile(r"(?:[*＊※·—\-~～=＝#_]\s*){3,}")


def _between_rules(lines) -> list[int]:
    """Short lines set between two rules (＊　＊　＊ / 这一年，我们做了这些 / ＊　＊　＊), two or more of them: headings."""
    if sum(1 for line in lines if line.text[:1] in _RULE_OPENERS) < 4:  # most reports: no rule at all
        return []
    rules = [_RULE_RE.fullmatch(line.text.strip()) is not None for line in lines]
    found = [i for i in range(1, len(lines) - 1)
             if rules[i - 1] and rules[i + 1] and not rules[i] and len(lines[i].text) <= _MAX_RULED_HEADING]
    return found if len(found) >= 2 else []


_RULE_OPENERS = frozenset("*＊※·—-~～=＝#_")
_MAX_RULED_HEADING = 30


def _questions(lines) -> list[int]:
    """The question lines of a report in 问/答 form, each right over a line opening 答：; [] unless two or more."""
    if not any(line.text.startswith("答") for line in lines):  # most reports: no answer line at all
        return []
    asked = [i for i, (line, below) in enumerate(zip(lines, lines[1:]))
             if _QUESTION_RE.match(line.text) and _ANSWER_RE.match(below.text)]
    return asked if len(asked) >= 2 else []


# A bare label closed by a colon on a line of its own (盘点：): a lead-in inside a section when one stands over a run,
# the section's heading when every run of the top family stands under one. So is a label counted by a number, with a
# short title after its colon (关键词一：落实, 第1站：起步), a family no numbering list knows.
_LABEL_LINE_RE = re.compile(
    r"[\u4e00-\u9fff]{2,6}\s*:$"
    r"|[\u4e00-\u9fff]{0,4}?(?:[一二三四五六七八九十]{1,2}|\d{1,2})[\u4e00-\u9fff]{0,2}\s*:\s*[^:。，,；;!?！？]{1,12}$")


def is_numbered_label(text: str) -> bool:
    """A line that is a label counted by a number and a short title after its colon (关键词三：突破, 第3站：歇脚)."""
    return _LABEL_LINE_RE.fullmatch(text) is not None and not text.rstrip().endswith(":")


def _labels_over(lines, marked, style: str) -> list[int]:
    """The label lines over the runs of the top family (盘点： / 1.… / 体检： / 1.…), when two or more runs each stand
    right under one, below the title; else []. Told apart before the family is taken for two levels, where a label
    would read as a lead-in between a heading and its items."""
    over = [i - 1 for i, line_style, number in marked if line_style == style and number == 1]
    if len(over) < 2 or not all(i > 0 and _LABEL_LINE_RE.match(lines[i].text) for i in over):
        return []
    return over


def _heads_run(text: str) -> bool:
    """A bare heading line over a numbered run: a plain heading, or a bullet before a single character (◇ 行), which
    the bullet marks as a heading where a lone character alone would be a fragment."""
    if is_plain_heading(text):
        return True
    found = line_marker(text)
    return found is not None and found[0] == "bullet" and bool(_LONE_WORD_RE.match(text[found[2]:]))


_LONE_WORD_RE = re.compile(r"^\s*[\u4e00-\u9fff]\s*$")


def _is_body_prose(text: str) -> bool:
    return "。" in text or text.endswith((":", "：")) or len(text) > 60


def is_plain_heading(text: str) -> bool:
    bare = _unnumbered(text)
    return (bare is not None and bool(_PLAIN_HEADING_RE.match(bare)) and not _TITLE_LINE_RE.search(bare)
            and not is_issuer(bare) and not is_date(bare))


def _unnumbered(text: str) -> str | None:
    """A line's words when no number opens it; a bullet (◆ 主要工作) counts as none. None for a numbered line."""
    found = line_marker(text)
    if found is None:
        return text
    return text[found[2]:] if found[0] == "bullet" else None


def closing_start(lines, after: int) -> int:
    """Where the closing lines (特此报告, signature, date) begin, or the end of the text if there are none.

    The tools of a web page the text was copied from (【打印本页】【关闭窗口】) close it too.
    """
    # An appendix after the signature (附件：…指标完成情况) is no part of the last section: the closing
    # before it is where the body ends.
    appendix = next((i for i, line in enumerate(lines) if i and line.start >= after and _APPENDIX_RE.match(line.text)), None)
    if appendix is not None:
        signed = closing_start(lines[:appendix], after)
        if signed < lines[appendix - 1].end:
            return signed
    kept = before_tools(lines, after)
    if kept < len(lines):
        return min(closing_start(lines[:kept], after), lines[kept].start)
    closing = None
    for line in reversed(lines):
        if line.start < after:
            break
        plain = line_marker(line.text) is None
        if _CLOSING_RE.match(line.text) or is_date(line.text) or (plain and is_issuer(line.text)):
            closing = line
        else:
            break
    if closing is None:
        return lines[-1].end if lines else 0
    run = [line for line in lines if line.start >= closing.start]
    if not any(_CLOSING_RE.match(line.text) or is_date(line.text) for line in run):
        return lines[-1].end
    return closing.start


def before_tools(lines, after: int = 0) -> int:
    """How many of `lines` come before the tools at the foot of a copied page (【打印本页】【关闭窗口】)."""
    kept = len(lines)
    while kept > 1 and lines[kept - 1].start >= after and _is_page_tool(lines[kept - 1].text):
        kept -= 1
    return kept


def _is_page_tool(text: str) -> bool:
    return len(text) <= _MAX_TOOL_LINE and "。" not in text and bool(_page_tools_re().search(text))


@lru_cache(maxsize=1)
def _page_tools_re() -> re.Pattern:
    return re.compile(lexicon.either(lexicon.words("html_chrome", "page_tool")))
