"""Ways to cut the body of a problems or plans block into items, and a score for how much a cut's pieces look
like items of that kind.

A report lists its problems and plans in more ways than rules for each way can follow: sentences or ；-clauses
of one paragraph, clauses of one sentence opening alike (更加注重…，更加突出…), blocks of lines parted by blank
lines, lines. Each way is a candidate; a candidate counts when it has a plausible number of pieces (2–10), none
a fragment, and two in three of them state the kind (a shortfall anywhere in a problem, an intention at the
opening of a plan, or pieces that open alike). The best scores highest on the share that states the kind plus
how alike the pieces are in length. Before scoring, a piece that only explains the one before it
(原因在于…, 究其原因…) joins it, and a lead before the list (……存在以下问题：) is left out.

The splitters of connectives.py run first; this reads what they leave whole, a body whose lines the outline took
one item each while blank lines group them (a heading sentence over its explanation), and a body where the
outline found no items at all. An explanation after a problem (全镇仅有3名执法人员，难以满足需要。) states nothing
of its own, so such a paragraph stays whole: a wrong cut costs more than a missed one.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.structure.alike import intends, intention_at, is_lead, past_lead
from kg.structure.kinds import states_shortfall

Span = tuple[int, int]

_MIN_PIECE = 6  # characters of a statement; a shorter piece is a fragment
_MIN_ITEMS, _MAX_ITEMS = 2, 10
_MIN_STATING = 2 / 3  # share of pieces that must state the kind
_ALIKE_WEIGHT = 0.5
_OWN_BONUS = 0.05  # ties go to the cut the document's own marks made
_FRAME_MIN = 3  # clauses of one sentence opening with the same two characters: a run of items
_MAX_GAP = 1  # clauses between two openings of a run that continue the item before (……，学用脱节，)
# A sentence that explains the one before it belongs to it: the cause of a problem, an example.
_EXPLAINS_RE = re.compile(
    r"\s*(?:原因(?:在于|是|主要是|主要在于)|究其原因|主要(?:是由于|原因是|在于)|这(?:是因为|主要是|导致)|之所以|"
    r"比如|例如|如[^\u4e00-\u9fff]|其中[,，])")
# Work already done (已建成, 累计): a piece holding it reports, it does not plan.
_RESULT_RE = re.compile(r"已|累计|了[，,。；;]|完成了")
_CELL_RE = re.compile(r"\S(?:[^\n \t\u3000]|[ \t\u3000](?![ \t\u3000]))*")
# A time before a comma labels a plan by when it is due (一季度，…, 6月底前，…), as one before a colon does; a
# year does not (2025年，我镇将… opens a lead).
TIME_LEAD_RE = re.compile(
    r"\s*(?:第?[一二三四1-4]\s*季度|[上下]半年|年[初中底]|\d{1,2}\s*月(?:份|底|中旬|上旬|下旬)?前?)\s*[,，:]\s*")
_FIELD_LABEL_RE = re.compile(r"\s*[\u4e00-\u9fff]{2,6}\s*:\s*")
_MODALS = "要将"
# 要/将 before a verb, not in a word (要求, 要点, 将来)
_MODAL_RE = re.compile(r"[要将](?![求点素来近])(?=[\u4e00-\u9fff])")
_SENTENCE_ENDS = "。！？!?"
_CLAUSE_ENDS = "。；;！？!?"
_COMMA_ENDS = "。；;！？!?,，"


def best_cut(norm: str, start: int, end: int, kind: str, own: list[Span] | None = None) -> list[Span] | None:
    """The pieces of norm[start:end] that best read as items of `kind`, or None when no cut reads as two or
    more items (or the document's own cut `own` reads best)."""
    best, best_score = None, 0.0
    if own:
        best, best_score = None, _score(norm, own, kind) + _OWN_BONUS
    # A lead before a colon that says what will be done (我镇将：, 重点抓好：) makes every piece after it a plan.
    body = past_lead(norm, start, end)
    intended = kind == "plans" and body > start and bool(intends(norm, start, body))
    for pieces in _candidates(norm, start, end):
        score = _score(norm, pieces, kind, intended)
        if score > best_score:
            best, best_score = pieces, score
    return best


def blank_blocks(norm: str, start: int, end: int) -> list[Span]:
    """Stretches of consecutive lines parted by blank lines, when at least one holds two lines or more."""
    blocks, block_start, lines_in, pos, multi = [], None, 0, start, False
    while pos < end:
        line_end = norm.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        if norm[pos:line_end].strip():
            if block_start is None:
                block_start, lines_in = pos, 0
            lines_in += 1
            last_end = line_end
        elif block_start is not None:
            blocks.append((block_start, last_end))
            multi = multi or lines_in > 1
            block_start = None
        pos = line_end + 1
    if block_start is not None:
        blocks.append((block_start, last_end))
        multi = multi or lines_in > 1
    return blocks if multi and len(blocks) >= _MIN_ITEMS else []


def _candidates(norm: str, start: int, end: int):
    body = past_lead(norm, start, end)
    yield blank_blocks(norm, start, end)
    yield _cells(norm, start, end)
    for ends in (_SENTENCE_ENDS, _CLAUSE_ENDS):
        yield _explained(norm, _dropped_lead(norm, _pieces(norm, body, end, ends)))
    yield _framed(norm, _pieces(norm, body, end, _COMMA_ENDS))


def _pieces(norm: str, start: int, end: int, ends: str) -> list[Span]:
    """(start, end) of each piece of norm[start:end] cut after the characters in `ends`, blanks left out."""
    pieces, piece_start = [], start
    for pos in range(start, end + 1):
        if pos == end or norm[pos] in ends or norm[pos] == "\n":
            a, b = piece_start, pos
            while a < b and norm[a].isspace():
                a += 1
            if b > a:
                pieces.append((a, b))
            piece_start = pos + 1
    return pieces


def _cells(norm: str, start: int, end: int) -> list[Span]:
    """Stretches of lines parted by runs of spaces (强队伍：…    严程序：…), when a line holds two or more."""
    cells = [(m.start(), m.end()) for m in _CELL_RE.finditer(norm, start, end)]
    lines = len({norm.count("\n", start, a) for a, _ in cells})
    return cells if len(cells) > lines else []


def _dropped_lead(norm: str, pieces: list[Span]) -> list[Span]:
    return pieces[1:] if len(pieces) > 2 and is_lead(norm, *pieces[0]) else pieces


def _explained(norm: str, pieces: list[Span]) -> list[Span]:
    """Pieces with each explaining piece (原因在于…) joined to the one before it."""
    out = []
    for a, b in pieces:
        if out and _EXPLAINS_RE.match(norm, a, b):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _framed(norm: str, clauses: list[Span]) -> list[Span]:
    """Clauses of one sentence that open alike, three or more: with the same two characters (更加注重…，更加突出…)
    or the same word after one character each (既有…，也有…，还有…). Each is an item reaching to the next, a short
    clause between them (……，学用脱节，) belonging to the one before; the opening of the first may stand inside
    the clause before the run, after a lead or a quotation mark (我乡将更加…, 提出“要把…), and clauses after the
    last that open otherwise close the sentence (不断提升…), no item."""
    if len(clauses) < _FRAME_MIN - 1:
        return []
    run = _run(norm, clauses)
    if not run:
        return []
    opens, starts = run
    items = [(clauses[n][0], clauses[m - 1][1]) for n, m in zip(starts, starts[1:])]
    items.append(clauses[starts[-1]])
    if starts[0] > 0:
        a, b = clauses[starts[0] - 1]
        found = next((pos for pos in range(a, b) if opens(norm, pos, b)), -1)
        if found >= 0:
            items.insert(0, (found, b))
    return items if len(items) >= _FRAME_MIN else []


def _run(norm: str, clauses: list[Span]):
    """(test of the shared opening at a position, indexes of the clauses opening with it) of the longest run, or
    None."""
    keys = Counter()
    for a, _ in clauses:
        if _cjk(norm, a, a + 2):
            keys[("pair", norm[a : a + 2])] += 1
            keys[("word", norm[a + 1])] += 1
    best = None
    for (shape, key), count in keys.most_common():
        if count < _FRAME_MIN - 1:
            break
        if shape == "pair":
            def opens(text, pos, end, key=key):
                return text.startswith(key, pos, end)
        else:
            def opens(text, pos, end, key=key):
                return pos + 2 <= end and text[pos + 1] == key and _cjk(text, pos, pos + 1)
        starts = [n for n, (a, b) in enumerate(clauses) if opens(norm, a, b)]
        if shape == "word" and len({norm[clauses[n][0]] for n in starts}) < len(starts):
            continue  # the same first character too: a pair, counted as one
        if any(m - n > _MAX_GAP + 1 for n, m in zip(starts, starts[1:])):
            continue  # openings far apart are words that recur, not a run
        if best is None or len(starts) > len(best[1]):
            best = (opens, starts)
    return best


def _cjk(norm: str, start: int, end: int) -> bool:
    return end <= len(norm) and all("\u4e00" <= ch <= "\u9fff" for ch in norm[start:end])


def _score(norm: str, pieces: list[Span], kind: str, intended: bool = False) -> float:
    """Share of the pieces that state the kind plus how alike they are; 0 for no plausible list."""
    if not _MIN_ITEMS <= len(pieces) <= _MAX_ITEMS:
        return 0.0
    if any(_letters(norm, a, b) < _MIN_PIECE for a, b in pieces):
        return 0.0
    if kind == "plans" and any(_RESULT_RE.search(norm, a, b) for a, b in pieces):
        return 0.0
    alike_openings = len(pieces) >= _FRAME_MIN and len({norm[a : a + 2] for a, _ in pieces}) == 1
    # a plan labelled by when it is due is a plan whatever its verb
    timed = sum(bool(TIME_LEAD_RE.match(norm, a, b)) for a, b in pieces)
    pieces = [(label_end(norm, a, b), b) for a, b in pieces]
    if kind == "shortcomings":
        stating = sum(states_shortfall(norm, a, b) for a, b in pieces)
        # siblings by their shape (有的…，有的…，有的…) once one of them states a shortfall
        stating = len(pieces) if alike_openings and stating else stating
    else:
        stating = len(pieces) if intended or alike_openings or timed == len(pieces) else sum(
            intention_at(norm, a, b) for a, b in pieces)
    share = stating / len(pieces)
    if share < _MIN_STATING:
        return 0.0
    lengths = [b - a for a, b in pieces]
    return share + _ALIKE_WEIGHT * min(lengths) / max(lengths)


def shared_modal(norm: str, pieces: list[Span]) -> str:
    """要 or 将 when every piece of a cut opens with it before a verb (要健全…。要落实…。): a marker, as 一要 is."""
    if len(pieces) < _MIN_ITEMS:
        return ""
    first = norm[pieces[0][0]]
    if first not in _MODALS or any(not _MODAL_RE.match(norm, a, b) or norm[a] != first for a, b in pieces):
        return ""
    return first


def label_end(norm: str, start: int, end: int) -> int:
    """Past a label before an item's text: a time (一季度，) or a short phrase before a colon (强队伍：)."""
    label = TIME_LEAD_RE.match(norm, start, end) or _FIELD_LABEL_RE.match(norm, start, end)
    return label.end() if label and label.end() < end else start


def _letters(norm: str, start: int, end: int) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in norm[start:end])


_FIELD_RE = re.compile(r"([\u4e00-\u9fff]{1,6})\s*:\s*")
_MAX_LABEL = 6  # characters of a label (时间节点, 工作任务); a longer heading says something itself
_MAX_BARE_LABEL = 2  # characters of a label that names a topic only (〔队伍〕, 【制度】)
_MIN_FIELDS = 2  # labelled fields on one line beside the first (时间节点：…；工作任务：…；责任人：…)


def field_heading(norm: str, head: Span, line_end: int, kind: str) -> Span | None:
    """The part of an item's line that states the item, when its heading `head` is only a label: a topic of two
    characters before the text (〔队伍〕执法人员…), or the first of several labelled fields (时间节点：3月底前；
    工作任务：…；责任人：…). The field that states the kind wins, else the longest; None when the heading is more
    than a label."""
    a, b = head
    if b - a > _MAX_LABEL or _letters(norm, a, b) == 0 or _states(norm, a, b, kind):
        return None
    rest = b
    while rest < line_end and norm[rest] in "]〕】）):： \t":
        rest += 1
    fields = [field for field in _pieces(norm, rest, line_end, _CLAUSE_ENDS) if _letters(norm, *field)]
    labelled = sum(bool(_FIELD_RE.match(norm, *field)) for field in fields)
    if not fields or (_letters(norm, a, b) > _MAX_BARE_LABEL and labelled < _MIN_FIELDS):
        return None
    values = []
    for fa, fb in fields:
        label = _FIELD_RE.match(norm, fa, fb)
        values.append((label.end() if label else fa, fb))
    stating = [value for value in values if _states(norm, *value, kind)]
    return max(stating or values, key=lambda value: value[1] - value[0])


def _states(norm: str, start: int, end: int, kind: str) -> bool:
    return states_shortfall(norm, start, end) if kind == "shortcomings" else intention_at(norm, start, end)
