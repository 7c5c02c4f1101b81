"""Text → outline: header facts, top-level sections with their kinds, and the numbered items inside them.

Numbering in these reports is a convention, not a grammar: 一、 > （一） > 1. > （1） is usual, but
offices start at any family, skip levels, write （3） for （三）, repeat a number, or enumerate inline
(一是…二是…). So the top level is the family the document nests the others under (markers.top_style),
and the item level of a section is the first other marker style that opens a line in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from kg import model
from kg.errors import StructureError
from kg.structure.groups import group_titles, stating_titles
from kg.structure.header import lines_of, read_header
from kg.structure.kinds import KIND_ORDER, SECTIONS_TSV, kinds_named, lead_in_kind, states_shortfall, vocabulary  # noqa: F401 (API)
from kg.structure.sectionkind import classify, classify_all, part_kind, told_by_lines  # noqa: F401 (API)
from kg.structure.nodes import Node
from kg.structure.markers import (
    BULLETS, MARKERS as _MARKERS, decor_end, line_marker, number as _number, trim_decor,
)
from kg.structure.alike import in_brackets, opens_plan
from kg.structure.asides import aside_heads, turns_to_plans
from kg.structure.columns import header_cells, split_columns, table_items
from kg.structure.cuts import best_cut, blank_blocks
from kg.structure.cutoff import cut_heading
from kg.structure.labels import cut_nodes, past_label, past_tokens
from kg.structure.connectives import (
    split_connected, split_enumerated, split_listed, split_musts, split_openers,
)
from kg.structure.remedies import remedied_sentences, remedy_follows, split_remedies
from kg.structure.tops import (before_tools, closing_start, headless_body, is_numbered_label, is_plain_heading,
                               top_headings)
from kg.structure.unmarked import TIME_LABEL_RE, bare_lines, closed_alike, headed_paragraphs, timed_lines
from kg.model import Header, Section, Source
from kg.model import evidence
from kg.text import sentences

ITEMIZED = {"measures": "measure", "duty": "measure", "shortcomings": "shortcoming", "plans": "plan"}

_CN = "一二三四五六七八九十"
# 一是/二是 (or 一要/二要) inside a paragraph: after a clause or sentence end, never inside a word (统一是, 统一要求).
# 首先，…其次，…最后，… counts the same way, the last word closing the run.
# 第一个问题是…，第二个问题是… counts the same way too.
_INLINE_RE = re.compile(rf"(?:(?<=[。；;：:，,！？!?\s*])|^)(?:([{_CN}]{{1,3}})[是要]|(首先|其次|再次|最后)[,，]\s*"
                        rf"|第([{_CN}]{{1,3}})(?:个|项|点|条)[\u4e00-\u9fff]{{0,3}}?是)", re.M)
_SEQUENCE = {"首先": 1, "其次": 2, "再次": 3}
# 问题主要有：1.…；2.…；3.… (or ①…；②…): numbers running inside a paragraph, each after a clause end or colon.
# 一、…；二、… runs the same way after 我镇将：. A circled number is a marker wherever it stands, so a run of them
# may start straight after the words that announce it (存在以下不足①…；②…).
# A run may also open with a 1. right after the words that announce it (主要问题有1.…；2.…), and a bullet repeated
# inside a paragraph (存在问题：• …；• …) counts its items by their order.
_INLINE_DIGIT_RE = re.compile(
    r"(?<=[。；;：:])[ \t]*(?:(\d{1,2})[.、．](?!\d)|[(（](\d{1,2})[)）]|([一二三四五六七八九十]{1,2})、|([" + BULLETS + r"]))"
    r"|([①-⑳])|(?<=[\u4e00-\u9fff])(1)[.、．](?=[\u4e00-\u9fff])"
    # a bracketed number marks itself, so a run of them may go on with nothing before each (…滞后（2）矛盾…)
    r"|[(（](\d{1,2})[)）](?=[\u4e00-\u9fff])"
    # （一）…。（二）…。 after a sentence end: a paragraph that runs its numbered items on (a duty told in one paragraph)
    r"|(?<=[。；;：:])[ \t]*[(（]([一二三四五六七八九十]{1,2})[)）]")
_CLAUSE_END = "。；;！？!?\n"
# The title of an aspect, not an item: 客观方面, 主观原因, 体制机制方面, 外部因素.
# A frame of place names an aspect as well: 在依法决策上, 在执法监督中, 决策领域, 基层层面.
# So does a title that groups plans by time (近期目标, 长远任务) and one that says its aspect holds problems
# (思想认识方面的问题, 工作机制方面存在的不足).
_ASPECT_RE = re.compile(
    r"[\u4e00-\u9fff]{0,6}(?:方面|领域|层面)(?:存在)?(?:的)?(?:问题|不足|短板)?|[\u4e00-\u9fff]{0,4}(?:原因|因素)"
    r"|在[\u4e00-\u9fff]{2,8}[上中]|(?:近期|短期|中期|长期|长远|远期|当前|今后)(?:目标|任务|打算|重点)")
_COUNTED_RE = re.compile(r"之?(?:[一二三四五六七八九十]{1,3}|\d{1,2})$")
_LEAD_PHRASE_RE = re.compile(r"[^,，、\"“”]{2,15}")
_MAX_LEAD_IN = 12  # characters of a lead-in naming a half of a combined section (存在的主要问题：)
_TITLE_WORDS_RE = re.compile(r"报告|总结|法治|依法")
# A heading that ends in a colon with its body after it on the same line: the heading is short and plain. A saying
# quoted after the colon that closes the line (居民说：“办事顺心多了”) is the heading's own words, not a body.
_RUN_ON_HEADING_RE = re.compile(r"([^。，,；;：:！？!?\n]{2,20})[:：]\s*(?=\S)(?!\"[^\"\n]{1,30}\"\s*$)")
# Words of a title that reports work done (存在问题整改情况, 问题整改成效): such a part is a measure.
_DONE_RE = re.compile(r"情况|成效|成果|落实|完成")
# A label inside a paragraph, after a sentence or clause: 问题是…；打算是…, or 问题：….
_INLINE_LABEL_RE = re.compile(r"(?:(?<=[。；;\n])|^)[^\S\n]*([\u4e00-\u9fff]{2,4})(?:是|\s*:)\s*", re.M)
_SHORT_LABEL_RE = re.compile(r"([\u4e00-\u9fff]{2,4})\s*[:：]\s*")


@dataclass(frozen=True)
class Block:
    """A stretch of a section whose items are of one kind (a combined 问题及打算 section has two)."""

    kind: str
    section: int
    start: int
    end: int
    parse: str
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Outline:
    header: Header
    sections: tuple[Section, ...]
    nodes: tuple[Node, ...]  # section headings, then the item headings of each block, in text order
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...]
    # (problem item start, remedy item start): a problem answered in its own item by a plan (……。对此，我们将……)
    pairs: tuple[tuple[int, int], ...] = ()

    def items(self, kind: str) -> tuple[Node, ...]:
        """Item headings of one item kind (measure, shortcoming, plan) in text order."""
        return tuple(node for block in self.blocks if ITEMIZED.get(block.kind) == kind for node in block.items)


_ASIDES = ("()", "[]")  # the brackets of an aside in an item's line, in the normal form: （牵头：…）, 【责任单位：…】


def clause_end(norm: str, start: int, limit: int) -> int:
    """End of the heading or first clause that starts at `start`: the first 。/；or line end, without `**` or `</b>`."""
    pos = start
    while pos < limit and norm[pos] not in _CLAUSE_END:
        if norm[pos] == ":" and _LEAD_PHRASE_RE.fullmatch(norm, start, pos) and not in_brackets(norm, start, pos, _ASIDES):
            break  # 强化组织保障：乡党委……: a short lead phrase before a colon is the heading
        if norm[pos] == "-" and norm.startswith("--", pos) and pos > start and _LEAD_PHRASE_RE.fullmatch(norm, start, pos):
            break  # 执法协同机制不健全——与……: a short title before a dash heads what explains it, as before a colon
        pos += 1
    pos = trim_decor(norm, start, pos)
    while pos > start and norm[pos - 1] in " \t:：":
        pos -= 1
    return pos


def parse(source: Source) -> Outline:
    """The outline of one report; raises StructureError when the text has no report structure."""
    norm, text = source.norm, source.text
    lines = lines_of(norm)
    # A page opening that stops inside a heading: the text ends before that line (and before any page tools a
    # copied page puts under the text).
    kept = before_tools(lines)
    if cut_heading(lines[:kept]):
        lines = lines[: kept - 1] + lines[kept:]
    tops, top, numbered_start = top_headings(lines)
    if not tops and not any(_TITLE_WORDS_RE.search(line.text) for line in lines[:5]):
        raise StructureError(source.path, "no report structure (no numbered section headings and no report title)")
    warnings = []
    if not tops:  # no headings at all: the body after the hand-over line is one section without a heading
        headless = headless_body(lines, closing_start(lines, 0))
        tops = [headless] if headless is not None else []
    tail_start = closing_start(lines, tops[-1].end if tops else 0)
    head_end = tops[0].start if tops else tail_start
    # The header reader still looks up to the first numbered heading, as it did before bare headings were sections.
    header = read_header(source, max(head_end, numbered_start or 0), tail_start, tail_start)
    if not tops:
        warnings.append("no section headings found")
    # Items may use any family but the top one; 第一部分 holds sections, never items, unless it is the top.
    item_styles = tuple(s for s, _ in _MARKERS if s != top and (s != "part" or top == "part"))

    # A document that heads two paragraphs of one section with bare lines heads its items that way: then a lone
    # heading over one paragraph elsewhere is an item heading too, not a lead-in. Asked only of a section that is
    # one such heading and one paragraph, and then read once for the whole document.
    @cache
    def heads_paragraphs() -> bool:
        return any(
            headed_paragraphs(lines_of(norm, line.end, tops[pos + 1].start if pos + 1 < len(tops) else tail_start))
            for pos, line in enumerate(tops))

    spans = []  # (style, number, marker length, heading start, heading end, body start, end) of each section
    for index, line in enumerate(tops):
        style, number, length = (line_marker(line.text, (top,)) if top in dict(_MARKERS) else None) or (
            "plain", index + 1, 0)
        end = tops[index + 1].start if index + 1 < len(tops) else tail_start
        end = _rstrip(norm, line.start, end)
        heading_end = clause_end(norm, line.start, line.end) if "。" in line.text[:-1] else line.end
        heading_end = trim_decor(norm, line.start + length, heading_end)
        body_start = line.end
        # A question is asked whole (问一：…做了哪些事？), as is a label counted by a number before a short title
        # (关键词三：突破): their colon labels them and hands over to nothing.
        whole = norm[line.start:line.end].rstrip().endswith("?") or is_numbered_label(line.text)
        run_on = None if whole else _RUN_ON_HEADING_RE.match(norm, line.start + length, line.end)
        if run_on:  # 二、存在的问题：一是…；二是…: the body goes on after the heading's colon, on its own line
            heading_end, body_start = run_on.end(1), run_on.end()
        if length and heading_end <= line.start + length:  # 一、 alone on its line: the heading is on the next
            below = next((other for other in lines if other.start > line.end), None)
            if below is not None and below.start < end and is_plain_heading(below.text):
                heading_end = body_start = below.end
        # From the number (or a bare heading's first word), not from `<p><b>` or `**` before it.
        heading_start = min(decor_end(norm, line.start), line.start + length) if length else decor_end(norm, line.start)
        spans.append((style, number, length, heading_start, heading_end, body_start, end))
    # Kinds are read off the matched form, so full-width or traditional headings classify alike; each section's
    # kind weighs the kinds of those around it.
    kinds = classify_all([(norm[line.start + span[2] : span[4]], norm[span[5] : span[6]])
                          for line, span in zip(tops, spans)], header.year)

    sections, nodes, blocks, pairs = [], [], [], []
    for index, (line, kind) in enumerate(zip(tops, kinds)):
        style, number, length, heading_start, heading_end, body_start, end = spans[index]
        heading = text[heading_start:heading_end]
        # the problems read so far: as many plans often answer them, a prior for a plans body nothing else cuts
        problems = sum(len(block.items) for block in blocks if block.kind == "shortcomings")
        section_blocks, section_pairs = _blocks(source, index, kind, norm[line.start : heading_end], body_start, end,
                                                item_styles, warnings, heads_paragraphs, problems)
        sections.append(Section(
            index=index, kind=kind, heading=heading,
            evidence=evidence(source.path, text, heading_start, heading_end),
            start=line.start, end=end, parse=section_blocks[0].parse,
        ))
        # The node starts where its heading does, past Markdown or HTML leftovers (**一、, >1、) before the number.
        nodes.append(Node(1, style, number, text[heading_start : line.start + length], heading,
                          heading_start, max(heading_start, min(line.start + length, heading_end)), heading_end, end,
                          index))
        pairs.extend(section_pairs)
        for block in section_blocks:
            nodes.extend(block.items)
            blocks.append(block)
            if block.parse == model.PARSE_FAILED:
                warnings.append(f"section {heading!r}: no items could be made out of its body")
    return Outline(header, tuple(sections), tuple(nodes), tuple(blocks), tuple(warnings), tuple(pairs))


def _rstrip(norm: str, start: int, end: int) -> int:
    while end > start and norm[end - 1].isspace():
        end -= 1
    return end


def _blocks(source, index, kind, heading, body_start, end, styles, warnings,
            heads_paragraphs=lambda: False, problems=0) -> tuple[list[Block], list]:
    """The blocks of one section, and the (problem, remedy) pairs of items that answer their own problem;
    `problems`: how many problems the sections before it hold."""
    if kind not in ITEMIZED:
        return [Block(kind, index, body_start, end, model.PARSE_NOT_ITEMIZED, ())], []
    if kind in ("measures", "duty"):
        asides = _split_asides(source, index, kind, body_start, end, styles, warnings)
        if asides:
            return asides, _answered(asides)
    parse_kind, items = _itemize(source, index, body_start, end, styles, warnings, heads_paragraphs)
    if kind in ("shortcomings", "plans") and parse_kind == model.PARSE_FAILED:
        # nothing the outline reads as items (phrases apart by runs of spaces): the best scored cut, if any
        pieces = best_cut(source.norm, body_start, end, kind)
        if pieces:
            empty = Node(2, "cut", 1, "", "", body_start, body_start, body_start, end, index)
            parse_kind, items = model.PARSE_PARAGRAPH, cut_nodes(source, empty, pieces, clause_end, _rstrip)
    if (kind in ("shortcomings", "plans") and parse_kind == model.PARSE_NUMBERED and items
            and source.norm[body_start : items[0].start].strip()):  # a line before the first marked one
        titles = stating_titles(lines_of(source.norm, body_start, end), styles, kind)
        if titles:  # unmarked titles that state the kind over marked steps: the titles are the items
            spans = [(line.start, line.start, "paragraph", n) for n, line in enumerate(titles, 1)]
            parse_kind, items = model.PARSE_PARAGRAPH, _nodes(source, index, spans, end, paragraph_ends=False)
    if kind in ("measures", "duty") and parse_kind == model.PARSE_NUMBERED:
        told = _split_told_parts(source, index, kind, body_start, end, items, styles, warnings)
        if told:
            return told, _answered(told)
    if (kind in ("shortcomings", "plans") and parse_kind == model.PARSE_INLINE and len(items) >= 2
            and items[0].marker.startswith("首先")):
        # 首先…其次…再次…。此外，…: a connective after the counted run adds its last item, as it would a paragraph's
        items = [*items[:-1], *split_connected(source.norm, source.text, items[-1], clause_end, _rstrip)]
    items = _split_paragraph(source, kind, parse_kind, items, problems)
    items = _regrouped(source, kind, parse_kind, items, body_start, end)
    items = past_tokens(source, kind, [past_label(source, kind, item, clause_end) for item in items], clause_end)
    named = [k for k in kinds_named(heading) if k in ITEMIZED]
    blocks, pairs = [], []
    # Sub-parts: the heading names two kinds (问题及打算), or every item of a problems or plans section is the
    # title of one (（一）存在的问题 （二）原因分析), whose own numbered lines are then the items. Measures keep
    # their （一） level, as the gold rules read them.
    # Sub-parts by aspect (（一）客观方面 （二）主观方面) hold the section's own kind, their numbered lines its items.
    # So are titles of any wording that state nothing and group numbered lines of their own (（一）决策环节).
    aspects = kind in ("shortcomings", "plans") and len(items) >= 2 and (all(
        _ASPECT_RE.fullmatch(source.norm, item.text_start, item.text_end) for item in items) or (
        parse_kind == model.PARSE_NUMBERED and group_titles(source.norm, items, end, styles, kind)))
    # Sub-parts that name a kind or an aspect (（一）存在问题 / （二）产生原因) split the section alike.
    combined = aspects or len(set(ITEMIZED[k] for k in named)) > 1 or (
        kind in ("shortcomings", "plans") and len(items) >= 2
        and all(_names_item_kind(source.norm, item) or _ASPECT_RE.fullmatch(source.norm, item.text_start, item.text_end)
                for item in items))
    if combined and parse_kind == model.PARSE_NUMBERED:
        blocks, pairs = _split_combined(source, index, items, end, styles, warnings, kind if aspects else None,
                                        aspect_kind=kind, problems=problems)
        if not blocks and len(named) == 2:
            blocks = _split_topics(source, index, items, end, styles, warnings)
            pairs = _answered(blocks)
    if (combined or kind in ("shortcomings", "plans")) and not blocks:
        # Labels of both kinds (问题：…/对策：…, or 问题<TAB>… rows) split a section whose heading names one
        blocks = _split_lead_ins(source, index, body_start, end, styles, warnings)
        pairs = _answered(blocks)
    if combined and not blocks and len(named) == 2:
        blocks, pairs = _column_blocks(source, index, named, body_start, end)
    if kind == "shortcomings" and not blocks and len(named) < 2:
        # Rows of a problem and its remedy under a heading that names problems only (问题与改进): the right cells
        # open plans (争取…, 开展…), two in three at least, and the left ones mostly do not (依申请公开… opens like
        # 申请… by chance), so the table holds both kinds whatever the heading says.
        blocks, pairs = _column_blocks(source, index, ["shortcomings", "plans"], body_start, end, header_names=True)
        rows = list(zip(*(block.items for block in blocks)))
        opens = [[opens_plan(source.norm[cell.text_start : cell.text_end]) for cell in row] for row in rows]
        left, right = sum(row[0] for row in opens), sum(row[1] for row in opens)
        if rows and not (right * 3 >= len(rows) * 2 and left * 2 <= len(rows) and left < right):
            blocks, pairs = [], []
    if (combined or kind in ("shortcomings", "plans")) and not blocks and parse_kind != model.PARSE_NUMBERED:
        # Halves told without labels (……一是…。 / 下一步，我镇将重点做好以下工作：一是…): a lead sentence before a
        # list turns the section to the kind it names, as it does inside a section of work done. Items carry
        # their own remedies (（一）……。整改措施：…, 一是……。整改措施：…), which split_remedies reads.
        # Under a heading that names one kind, a half counts only when its lead names the other.
        blocks = _split_asides(source, index, kind, body_start, end, styles, warnings, paragraphs=True)
        if not combined and all(block.kind == kind for block in blocks):
            blocks = []
        pairs = _answered(blocks)
    blocks = blocks or [Block(kind, index, body_start, end, parse_kind, tuple(items))]
    out = []
    for block in blocks:
        if block.kind != "shortcomings" or not block.items:
            out.append(block)
            continue
        problems = block.items
        if block.parse == model.PARSE_NUMBERED:
            problems = _with_trailing_causes(source, problems)
        if remedy_follows(source.norm, problems[-1].end, block.end):
            # 一是…；二是…。 then a paragraph 针对第一个问题，…: the last item reaches it, so it is read as its remedies
            problems = (*problems[:-1], replace(problems[-1], end=_rstrip(source.norm, problems[-1].start, block.end)))
        problems, remedies, found = split_remedies(source.norm, source.text, problems, clause_end, _rstrip)
        if len(remedies) == 1:  # one turn to the future (下一步，我镇将A，B，C。) may name several plans
            pieces = best_cut(source.norm, remedies[0].text_start, remedies[0].end, "plans", intended=True)
            if pieces:  # plans for the section as a whole, no longer the answer of the problem before
                remedies, found = cut_nodes(source, remedies[0], pieces, clause_end, _rstrip), []
                if len(problems) == 1:  # and what comes before the turn may name several problems (A；B；C。为此，将…)
                    cut = best_cut(source.norm, problems[0].start, problems[0].end, "shortcomings")
                    problems = cut_nodes(source, problems[0], cut, clause_end, _rstrip) if cut else problems
        out.append(Block(block.kind, index, block.start, block.end, block.parse, tuple(problems)))
        if remedies:
            out.append(Block("plans", index, remedies[0].start, block.end, block.parse, tuple(remedies)))
            pairs.extend(found)
    return out, pairs


# A paragraph that turns from the problems to their causes (究其原因，一是…；二是…): the causes are shortcomings too.
_CAUSE_TURN_RE = re.compile(r"\n[^\S\n]*(?:究其原因|分析原因|原因(?:主要)?(?:在于|有|是))[,，:：]?")


def _with_trailing_causes(source, problems) -> tuple[Node, ...]:
    """Numbered problems whose last item's body ends with a paragraph of causes counted in it (究其原因，一是…；
    二是…。): the causes are items of their own, two or more, and the last problem stops before them. A single
    cause line (原因：…) stays with its problem, as it explains only that one."""
    last = problems[-1]
    turn = _CAUSE_TURN_RE.search(source.norm, last.text_end, last.end)
    if not turn:
        return problems
    counted = list(_INLINE_RE.finditer(source.norm, turn.end(), last.end))
    if len(counted) < 2 or source.norm[turn.end() : counted[0].start()].strip():
        return problems
    causes = []
    for number, found in enumerate(counted, 1):
        stop = _rstrip(source.norm, found.end(), counted[number].start() if number < len(counted) else last.end)
        causes.append(replace(last, style="inline", number=number, marker=source.text[found.start() : found.end()],
                              start=found.start(), text_start=found.end(),
                              text_end=clause_end(source.norm, found.end(), stop), end=stop))
    causes = [replace(node, heading=source.text[node.text_start : node.text_end]) for node in causes]
    cut = replace(last, end=_rstrip(source.norm, last.start, turn.start()))
    return (*problems[:-1], cut, *causes)


def _split_paragraph(source, kind, parse_kind, items, problems=0) -> list[Node]:
    """The problems or plans a single paragraph runs together (…。另一方面，…; A；B；C。; 要…。要…。), one item each;
    `problems`: how many problems the report has read before a plans paragraph."""
    if kind not in ("shortcomings", "plans") or parse_kind != model.PARSE_PARAGRAPH or len(items) != 1:
        return items
    paragraph = items[0]
    remedied = remedied_sentences(source.norm, paragraph.text_start, paragraph.end) if kind == "shortcomings" else []
    if remedied:  # ……不熟悉，解决办法是…。……，解决办法是…。: a problem and its remedy to a sentence
        return cut_nodes(source, paragraph, remedied, clause_end, _rstrip)
    # Words that enumerate (另外，…; ……：A；B；C; 要…。要…。) are the document's own marks: their cut stands.
    for split in (split_connected, split_listed, split_musts):
        items = split(source.norm, source.text, paragraph, clause_end, _rstrip)
        if len(items) > 1:
            if split is split_connected and kind == "plans" and not items[0].marker:
                # A。B。C。同时，D。: the plans before the first connective may be items of their own, as the
                # connective only adds its last; the score reads them as it reads any paragraph. (A problem's
                # sentence without a connective stays with the one before it: it explains, as figures do.)
                pieces = best_cut(source.norm, items[0].start, items[0].end, kind)
                if pieces:
                    items = [*cut_nodes(source, items[0], pieces, clause_end, _rstrip), *items[1:]]
                    items = [replace(item, number=number) for number, item in enumerate(items, 1)]
            return items
    # Openings alike and 、 lists are read off the words, which may be alike by chance: their cut is one candidate
    # of the score beside the others, the paragraph whole another, ties going to the splitter.
    items = split_openers(source.norm, source.text, paragraph, clause_end, _rstrip)
    if len(items) == 1:
        items = split_enumerated(source.norm, source.text, paragraph, clause_end, _rstrip, kind)
    own = [(item.text_start, item.end) for item in items] if len(items) > 1 else None
    pieces = best_cut(source.norm, paragraph.start, paragraph.end, kind, own=own,
                      answering=problems if kind == "plans" else 0)
    return cut_nodes(source, paragraph, pieces, clause_end, _rstrip) if pieces else items


def _regrouped(source, kind, parse_kind, items, start, end) -> list[Node]:
    """Lines taken one item each while blank lines group them (a heading sentence over its explanation): the
    groups, when they read better as items of the kind than the lines do."""
    if (kind not in ("shortcomings", "plans") or parse_kind != model.PARSE_PARAGRAPH or len(items) < 2
            or not blank_blocks(source.norm, start, end)):
        return items
    pieces = best_cut(source.norm, start, end, kind, own=[(item.start, item.end) for item in items])
    return cut_nodes(source, items[0], pieces, clause_end, _rstrip) if pieces else items


def _column_blocks(source, index, kinds, start, end, header_names=False) -> tuple[list[Block], list]:
    """A two-column table of problems and remedies: a block per column, of the kinds in `kinds`, rows paired."""
    rows = split_columns(source.norm, source.text, index, start, end, clause_end,
                         lambda cell: lead_in_kind(cell, tuple(ITEMIZED)), header_names)
    if not rows:
        return [], []
    blocks = [Block(kinds[column], index, start, end, model.PARSE_PARAGRAPH, tuple(row[column] for row in rows))
              for column in (0, 1)]
    return blocks, [(left.start, right.start) for left, right in rows] if kinds == ["shortcomings", "plans"] else []


def _header_kinds(source, start, end) -> list[str]:
    """The kinds a two-column table's header names (问题 | 整改措施), [] for any other body."""
    cells = header_cells(source.norm, start, end)
    kinds = [lead_in_kind(cell, ("shortcomings", "plans")) for cell in cells]
    return kinds if len(cells) == 2 and None not in kinds and len(set(kinds)) == 2 else []


def _split_lead_ins(source, index, start, end, styles, warnings) -> list[Block]:
    """A combined section whose halves open with a lead-in (存在问题：一是…。 下步打算：一是…): a block per lead-in."""
    norm = source.norm
    heads = []
    for line in lines_of(norm, start, end):
        # A table row whose first cell names its kind (问题<TAB>……, 措施<TAB>……) leads in as a label does.
        colon = min((pos for pos in (line.text.find(":"), line.text.find("\t")) if pos > 0), default=-1)
        lead = line.text[decor_end(line.text, 0) : colon] if 0 < colon <= _MAX_LEAD_IN else ""
        # A label in brackets ([问题]…, [措施]… in the normal form of 【】) leads in as one before a colon does.
        opening = decor_end(line.text, 0)
        close = line.text.find("]", opening)
        if line.text.startswith("[", opening) and 0 < close - opening <= _MAX_LEAD_IN:
            lead, colon = line.text[opening + 1 : close], close
        # 问题一：/对策一：, 问题2：: a count after the label leaves it the label it is
        kind = lead_in_kind(_COUNTED_RE.sub("", lead), tuple(ITEMIZED)) if lead else None
        if kind:
            heads.append((line.start, line.start + colon + 1, kind))
    if len({ITEMIZED[kind] for _, _, kind in heads}) < 2:
        return []
    blocks = []
    for pos, (head_start, body_start, kind) in enumerate(heads):
        stop = heads[pos + 1][0] if pos + 1 < len(heads) else end
        body_end = _rstrip(norm, head_start, stop)
        parse_kind, sub = _itemize(source, index, body_start, body_end, styles, warnings)
        if parse_kind == model.PARSE_FAILED:  # a bare phrase after its label (问题<TAB>学法针对性不强) is the item
            parse_kind, sub = model.PARSE_PARAGRAPH, _nodes(source, index, [(body_start, body_start, "paragraph", 1)],
                                                            body_end, paragraph_ends=False)
        blocks.append(Block(kind, index, head_start, stop, parse_kind, tuple(sub)))
    return blocks


def _split_asides(source, index, kind, start, end, styles, warnings, paragraphs=False) -> list[Block]:
    """Work done, then the problems and plans its section tells after lead-ins (存在问题：…), a block for each.

    `paragraphs`: only lead-ins that open a paragraph count; a label inside an item (……。整改措施：…) is its remedy.
    """
    heads = aside_heads(source.norm, start, end, unlisted=paragraphs)
    if paragraphs and any(decor_end(source.norm, source.norm.rfind("\n", 0, head) + 1) < head for head, _, _ in heads):
        return []
    if not heads:
        return []
    blocks = []
    for pos, (head_start, body_start, head_kind) in enumerate([(start, start, kind), *heads]):
        stop = heads[pos][0] if pos < len(heads) else end
        stop = _rstrip(source.norm, head_start, stop)
        parse_kind, items = _itemize(source, index, body_start, stop, styles, warnings)
        # The problems or plans after a turn may run together in one paragraph as any paragraph's do (A；B；C。).
        items = _split_paragraph(source, head_kind, parse_kind, items)
        if pos and head_kind == "plans" and len(items) == 1 and turns_to_plans(source.norm, head_start):
            # 新的一年，我镇将A。B。C。: the opening says what every sentence after it is, a plan each.
            spans = list(sentences(source.norm, items[0].text_start, items[0].end))
            if len(spans) > 1:
                items = cut_nodes(source, items[0], spans, clause_end, _rstrip)
        blocks.append(Block(head_kind, index, head_start, stop, parse_kind, tuple(items)))
    return blocks


def _split_told_parts(source, index, kind, start, end, items, styles, warnings) -> list[Block]:
    """A section of work done whose last numbered parts are titled for problems or plans ((四)存在的不足 /
    (五)下一步打算), each with its own numbered lines: a block for the work done and one for each such part."""
    norm = source.norm
    heads = []
    for pos, item in enumerate(items):
        below = norm[item.text_end : items[pos + 1].start if pos + 1 < len(items) else end]
        told = _told_kind(norm, item) or (pos and _bare_title(norm, item) and told_by_lines(below, bool(heads)))
        if told:
            heads.append((pos, item, told))
    if not heads or heads[0][0] == 0:
        return []
    first = heads[0][1]
    blocks = [Block(kind, index, start, first.start, model.PARSE_NUMBERED, tuple(items[: heads[0][0]]))]
    for n, (_, item, told) in enumerate(heads):
        stop = _rstrip(norm, item.start, heads[n + 1][1].start if n + 1 < len(heads) else end)
        sub_styles = tuple(style for style in styles if style != item.style)
        parse_kind, sub = _itemize(source, index, item.text_end, stop, sub_styles, warnings)
        blocks.append(Block(told, index, item.start, stop, parse_kind, tuple(sub)))
    return blocks


def _told_kind(norm: str, item: Node) -> str | None:
    """The kind a part's bare title names (存在的不足, 下一步打算) when the part is told below it, not done."""
    if not _bare_title(norm, item):
        return None
    return next((k for k in kinds_named(norm[item.text_start : item.text_end]) if k in ("shortcomings", "plans")), None)


def _bare_title(norm: str, item: Node) -> bool:
    """Whether an item is a short title alone on its line that says nothing was done (no 情况, 成效)."""
    title = norm[item.text_start : item.text_end]
    line_end = norm.find("\n", item.text_end)
    return not (len(title) > _MAX_LEAD_IN or _DONE_RE.search(title)
                or norm[item.text_end : line_end if line_end >= 0 else None].strip())


def _names_item_kind(norm: str, item: Node) -> bool:
    return any(k in ITEMIZED for k in kinds_named(norm[item.text_start : item.text_end]))


def _split_combined(source, index, items, end, styles, warnings, kind=None, aspect_kind=None,
                    problems=0) -> tuple[list[Block], list]:
    """A section such as 存在的问题及下一步打算: each sub-heading that names a kind opens a block of its own.

    `kind`: the kind of every sub-heading, when they are aspects of one kind rather than naming kinds.
    `aspect_kind`: the kind of a sub-heading that names an aspect (产生原因) beside others that name kinds.
    `problems`: how many problems the sections before it hold; a plans sub-part adds those of the parts before it.
    """
    def named_by(item):
        title = source.norm[item.text_start : item.text_end]
        named = kinds_named(title)
        if not any(k in ITEMIZED for k in named) and aspect_kind and _ASPECT_RE.fullmatch(title):
            return [aspect_kind]
        return named
    heads = [(item, [kind] if kind else named_by(item)) for item in items]
    heads = [(item, next(k for k in named if k in ITEMIZED)) for item, named in heads
             if any(k in ITEMIZED for k in named)]
    if len(heads) < 2:
        return [], []
    if kind == "shortcomings":  # titles of no kind (（一）哪里还弱 / （二）怎么来补): a later one may hold the plans
        heads = [(item, part_kind(source.norm[item.text_end : heads[pos + 1][0].start if pos + 1 < len(heads) else end])
                  if pos else head_kind) for pos, (item, head_kind) in enumerate(heads)]
    blocks, pairs = [], []
    for pos, (item, kind) in enumerate(heads):
        stop = heads[pos + 1][0].start if pos + 1 < len(heads) else end
        sub_styles = tuple(s for s in styles if s != item.style)
        # A part told topic by topic (（一）行政执法方面 / 问题：… / 打算：…) holds both kinds behind its labels.
        labelled = _split_lead_ins(source, index, item.text_end, _rstrip(source.norm, item.start, stop), sub_styles, warnings)
        if labelled:
            blocks.extend(labelled)
            pairs.extend(_answered(labelled))
            continue
        # A sub-part holding a table whose header names both kinds (问题 | 整改措施): one block per column.
        columns = _header_kinds(source, item.text_end, stop)
        tabled, paired = _column_blocks(source, index, columns, item.text_end, _rstrip(source.norm, item.start, stop)) \
            if columns else ([], [])
        if tabled:
            blocks.extend(tabled)
            pairs.extend(paired)
            continue
        parse_kind, sub = _itemize(source, index, item.text_end, _rstrip(source.norm, item.start, stop),
                                   sub_styles, warnings)
        # A sub-part is read as a section of its kind is: its one paragraph may hold several items.
        stated = problems + sum(len(block.items) for block in blocks if block.kind == "shortcomings")
        sub = _split_paragraph(source, kind, parse_kind, sub, stated)
        blocks.append(Block(kind, index, item.start, stop, parse_kind, tuple(sub)))
    return blocks, pairs


def _split_topics(source, index, items, end, styles, warnings) -> list[Block]:
    """A combined section told topic by topic with its labels inside each topic's paragraph ((一)关于执法。问题是…；
    打算是…。): a block per label; the topic titles are no items. [] unless every topic holds a label."""
    norm = source.norm
    heads = []
    for pos, item in enumerate(items):
        stop = items[pos + 1].start if pos + 1 < len(items) else end
        found = [(m.start(1), m.end(), kind) for m in _INLINE_LABEL_RE.finditer(norm, item.text_end, stop)
                 if (kind := lead_in_kind(m.group(1), tuple(ITEMIZED)))]
        if not found:
            return []
        heads.extend((*head, stop) for head in found)
    if len({ITEMIZED[kind] for _, _, kind, _ in heads}) < 2:
        return []
    blocks = []
    for pos, (head_start, body_start, kind, topic_end) in enumerate(heads):
        stop = min(heads[pos + 1][0], topic_end) if pos + 1 < len(heads) else topic_end
        body_end = _rstrip(norm, head_start, stop)
        node = _nodes(source, index, [(body_start, body_start, "paragraph", 1)], body_end, paragraph_ends=False)
        blocks.append(Block(kind, index, head_start, stop, model.PARSE_PARAGRAPH, tuple(node)))
    return blocks


def _answered(blocks) -> list[tuple[int, int]]:
    """(problem start, plan start) where one problem is told and the plans right after it answer it, as in a
    topic's 存在问题：… then 下步打算：…; a run of several problems leaves its plans unassigned."""
    pairs = []
    for problems, remedies in zip(blocks, blocks[1:]):
        if problems.kind == "shortcomings" and remedies.kind == "plans" and len(problems.items) == 1:
            pairs.extend((problems.items[0].start, plan.start) for plan in remedies.items)
    return pairs


def _itemize(source, index, start, end, styles, warnings, heads_paragraphs=lambda: False):
    """(how the items were found, item nodes) for the body norm[start:end] of one block."""
    norm = source.norm
    if not norm[start:end].strip():
        return model.PARSE_EMPTY, []
    body_lines = lines_of(norm, start, end)
    marked = []
    for line in body_lines:
        marker = line_marker(line.text, styles)
        if marker:
            marked.append((line, *marker))
    if marked and marked[0][1] == "inline":
        # 一是 opens a line, and 二是 may follow in the same paragraph; a new 一是 mid-paragraph is a sub-list.
        # The first 一是 of the block may follow a lead sentence (……还存在一些差距。一是…), the run going on
        # in the next paragraph (三是…): nothing was counted before it that it could be a sub-list of.
        spans, last = [], 0
        for match in _INLINE_RE.finditer(norm, start, end):
            number = _inline_number(match, last)
            line_start = max(norm.rfind("\n", 0, match.start()) + 1, start)  # a block may open mid-line
            at_line_start = decor_end(norm, line_start) >= match.start()
            if (number == 1 and (at_line_start or not spans)) or (last and number == last + 1):
                spans.append((match.start(), match.end(), "inline", number))
                last = number
        return model.PARSE_INLINE, _nodes(source, index, spans, end, paragraph_ends=False)
    if len(marked) == 1 and marked[0][0].start == start:
        # One marked line that opens the body and runs its list on (（1）…；（2）…；（3）…): the run's numbers
        spans = _digit_run(norm, start, end)
        if spans:
            return model.PARSE_INLINE, _nodes(source, index, spans, end, paragraph_ends=True)
    if marked:
        chosen = _item_lines(marked, source, warnings)
        spans = [(line.start, line.start + length, style, number) for line, style, number, length in chosen]
        return model.PARSE_NUMBERED, _nodes(source, index, spans, end, paragraph_ends=False)
    spans, last = [], 0
    for match in _INLINE_RE.finditer(norm, start, end):
        number = _inline_number(match, last)
        if number == 1 or number == last + 1:
            spans.append((match.start(), match.end(), "inline", number))
            last = number
    if not spans:
        spans = _digit_run(norm, start, end)
    if spans:
        return model.PARSE_INLINE, _nodes(source, index, spans, end, paragraph_ends=True)
    rows = table_items(norm, source.text, index, start, end, clause_end)
    if rows:
        return model.PARSE_PARAGRAPH, rows
    headed = headed_paragraphs(body_lines)
    if not headed and len(body_lines) == 2 and heads_paragraphs():
        headed = headed_paragraphs(body_lines, lone=True)
    if headed:
        spans = [(line.start, line.start, "paragraph", n) for n, line in enumerate(headed, 1)]
        return model.PARSE_PARAGRAPH, _nodes(source, index, spans, end, paragraph_ends=False)
    paragraphs = [line for line in body_lines
                  if not line.text.endswith((":", "：")) and re.search(r"[\u4e00-\u9fff]{4}", line.text)
                  and re.search(r"[。；;]", line.text)]
    bare = bare_lines(body_lines, paragraphs)
    if bare:
        spans = [(line.start, line.start, "paragraph", n) for n, line in enumerate(bare, 1)]
        return model.PARSE_PARAGRAPH, _nodes(source, index, spans, end, paragraph_ends=False)
    if paragraphs:
        spans = [(line.start, line.start, "paragraph", n) for n, line in enumerate(paragraphs, 1)]
        return model.PARSE_PARAGRAPH, _nodes(source, index, spans, end, paragraph_ends=False)
    timed = timed_lines(norm, body_lines) or closed_alike(body_lines)
    if timed:
        spans = [(line.start, line.start, "paragraph", n) for n, line in enumerate(timed, 1)]
        return model.PARSE_PARAGRAPH, _nodes(source, index, spans, end, paragraph_ends=False)
    return model.PARSE_FAILED, []


def _kind_label(norm: str, start: int, end: int) -> re.Match | None:
    """A label before a colon that only names the item's kind (问题：…, 措施：…, 不足：…), or None."""
    label = _SHORT_LABEL_RE.match(norm, start, end)
    return label if label and lead_in_kind(label.group(1), tuple(ITEMIZED)) else None


def _digit_run(norm: str, start: int, end: int) -> list[tuple[int, int, str, int]]:
    """Spans of a run 1. 2. … inside a paragraph, counted from 1; none unless it reaches 2 (a lone 1. is prose)."""
    spans = []
    for match in _INLINE_DIGIT_RE.finditer(norm, start, end):
        digits = match.group(1) or match.group(2) or match.group(6) or match.group(7)
        cn, bullet, circled = match.group(3) or match.group(8), match.group(4), match.group(5)
        if bullet:
            number = len(spans) + 1
        else:
            number = int(digits) if digits else _number(cn) if cn else ord(circled) - ord("①") + 1
        if number == len(spans) + 1:
            spans.append((match.end() - len(match.group(0).lstrip()), match.end(), "inline", number))
    return spans if len(spans) >= 2 else []


def _inline_number(match: re.Match, last: int) -> int:
    """The count an inline marker stands for: 二是 → 2, 其次 → 2, 最后 → one after the item before it."""
    if match.group(1) or match.group(3):
        return _number(match.group(1) or match.group(3))
    word = match.group(2)
    return _SEQUENCE.get(word, last + 1 if last else 0)


def _item_lines(marked, source, warnings):
    """The marked lines at the item level: the first style seen, plus a stray （3） standing in for （三）."""
    style = marked[0][1]
    chosen, seen, numbers = [], set(), set()
    for entry in marked:
        line, line_style, number, _ = entry
        sibling = line_style == style
        stands_in = line_style in ("paren_num", "num", "num_paren") and line_style not in seen
        if not sibling and style == "paren_cn" and stands_in and chosen and number == len(chosen) + 1 >= 2:
            sibling = True
            warnings.append(f"{source.text[line.start:line.end][:20]!r}: {line_style} numbering used at the （一） level")
        if sibling:
            if number and number in numbers:  # 【】 and ● number by their order: 0 is no number
                warnings.append(f"{source.text[line.start:line.end][:20]!r}: number {number} repeated")
            numbers.add(number)
            chosen.append(entry)
            seen = set()
        else:
            seen.add(line_style)
    return chosen


def _nodes(source, index, spans, end, paragraph_ends) -> list[Node]:
    norm, text = source.norm, source.text
    nodes = []
    for pos, (start, text_start, style, number) in enumerate(spans):
        if style == "paragraph":  # a bare heading line keeps its `**`, `###` or `<b>` around no marker
            text_start = min(decor_end(norm, text_start), end)
        while text_start < end and norm[text_start] in " \t":
            text_start += 1
        stop = spans[pos + 1][0] if pos + 1 < len(spans) else end
        if norm.startswith("\n", text_start) and style != "paragraph":
            # A number alone on its line (（一） / 组织……): the item is the line below it
            while text_start < stop and norm[text_start].isspace():
                text_start += 1
        label = TIME_LABEL_RE.match(norm, text_start, end) or _kind_label(norm, text_start, end)
        if label:  # 2025年：完善……, 问题：……: a label says when or what kind; the heading follows it
            text_start = label.end()
        if paragraph_ends and pos + 1 == len(spans):
            line_end = norm.find("\n", text_start, end)
            stop = end if line_end < 0 else line_end
        stop = _rstrip(norm, start, stop)
        text_end = clause_end(norm, text_start, stop)
        if style == "paragraph":
            text_end = trim_decor(norm, text_start, text_end)
        if style == "bracket":  # 【强化学法】全年……: the bracket holds the heading
            close = norm.find("]", text_start, stop)
            text_end = close if close > 0 else text_end
        nodes.append(Node(2, style, number, text[start:text_start].strip(), text[text_start:text_end],
                          start, text_start, text_end, stop, index))
    return nodes
