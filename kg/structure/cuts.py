"""Ways to cut the body of a problems or plans block into items, and a score for how much a cut's pieces look
like items of that kind.

A report lists its problems and plans in more ways than rules for each way can follow, so each way is a
candidate: blocks parted by blank lines, cells parted by spaces or bars, sentences, ；-clauses, pieces opened by
tokens that count (第一，/其一/一方面), phrases listed with 、 and 和, clauses of one sentence that open alike or
are framed alike (更加注重…，更加突出…; 在决策方面…，在执法方面…), and the clauses of a sentence announced as a list.
A piece that only explains the one before it (原因在于…), or the figures after a problem, join it; a lead before
the list and a closing piece about it are left out. A candidate counts with 2–10 pieces, none a fragment, two in
three stating the kind (a shortfall anywhere; an intention at the opening, past a label), or all opening alike;
its score is that share plus half the ratio of its shortest piece to its longest.

When no cut scores, the cuts are scored again with pieces that state their kind by the shape of their words
(shapes.py: 不匹配, 把关松, 还需提高; 进一步…), a first piece naming only a count of what follows (还有一些地方…)
left out as a lead; and a plans body cut into as many pieces, built alike, as the problems before it answers them.

The splitters of connectives.py that read a cut off the words (openings alike, 、 lists) offer it as one more
candidate, which wins ties and stands when the score cannot read it (its words unknown to the lexicons). An explanation after a problem (全镇仅有3名执法人员，难以满足
需要。) states nothing of its own, so such a paragraph stays whole: a wrong cut costs more than a missed one.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.structure.alike import intends, intention_at, is_lead, past_lead
from kg.structure.kinds import states_shortfall
from kg.structure.labels import TIME_LEAD_RE, label_end
from kg.structure.remedies import opens_remedy
from kg.structure.shapes import built_alike, counts_lead, equal_rank, heads_explanation, holds_shaped_list
from kg.structure.shapes import holds_figure, opens_intention_shaped, opens_with_frequency, states_shortfall_shaped
from kg.structure.spans import CLAUSE_ENDS, COMMA_ENDS, SENTENCE_ENDS, Span, is_cjk, letters
from kg.structure.spans import pieces as pieces_of

_MIN_PIECE = 6  # characters of a statement; a shorter piece is a fragment
_MIN_ITEMS, _MAX_ITEMS = 2, 10
_MIN_STATING = 2 / 3  # share of pieces that must state the kind
_ALIKE_WEIGHT = 0.5
_OWN_BONUS = 0.05  # ties go to the cut the document's own marks made
_FRAME_MIN = 3  # clauses of one sentence opening with the same two characters: a run of items
_FRAME_SPAN = 10  # characters from a clause's first to the word that frames it (在依法决策方面)
_MAX_GAP = 1  # clauses between two openings of a run that continue the item before (……，学用脱节，)
# A sentence that explains the one before it belongs to it: the cause of a problem, an example.
_EXPLAINS_RE = re.compile(
    r"\s*(?:原因(?:在于|是|主要是|主要在于)|究其原因|主要(?:是由于|原因是|在于)|这(?:是因为|主要是|导致)|之所以|"
    r"比如|例如|如[^\u4e00-\u9fff]|其中[,，]"
    # a reading of the fact before it (……被撤销。这说明…): the fact shows the problem the reading names
    r"|这(?:说明|表明|反映出?|暴露出?)|由此可见|可见[,，])")
# Work already done (已建成, 累计): a piece holding it reports, it does not plan.
_RESULT_RE = re.compile(r"已|累计|了[，,。；;]|完成了")
# A cell: text up to a run of two spaces, a bar (｜ is | in the normal form) or a line end.
_CELL_RE = re.compile(r"[^\s|](?:[^\n \t\u3000|]|[ \t\u3000](?![ \t\u3000|]))*")
# A last piece that speaks of the list as a whole: no item of it.
# A sentence that is only a short quoted phrase: a label (“人少事多”), not a statement.
_QUOTED_RE = re.compile(r"\"[^\"。；;]{2,12}\"")
_CLOSING_RE = re.compile(r"\s*(?:这些|上述|以上|总的来看|总体来看|总之|对此|对于这些)")
_OPENING_COMMA_RE = re.compile(r"[\u4e00-\u9fff]{4,8}[,，]")
_BLANK_LINE_RE = re.compile(r"\n[ \t\u3000]*\n")
_LIST_SEP_RE = re.compile(r"、")
_LAST_JOIN_RE = re.compile(r"(?:以及|和|及)")
# The verb that introduces a list inside its sentence (问题主要在于A、B和C, 表现为A、B及C).
_INTRO_RE = re.compile(r"(?:在于|表现为|主要是|包括|集中在)")
_NUMERALS = "一二三四五六七八九十"
# Counting tokens by family: 第一，/第二、, 其一，/其二, 一方面/另一方面; the first may follow a lead in its clause
# (下一步，第一，…), the others open a clause.
_COUNTERS = tuple(re.compile(pattern) for pattern in (
    r"(?:(?<=[。;；,，:：\n])|^)\s*(第[一二三四五六七八九十])[,，、:：]",
    # 第一件，…第二件，…: the ordinal with the thing counted, the same one after each (件, 项, 步)
    r"(?:(?<=[。;；,，:：\n])|^)\s*(第[一二三四五六七八九十])([\u4e00-\u9fff])[,，、:：]",
    r"(?:(?<=[。;；,，:：\n])|^)\s*(其[一二三四五六七八九十])[,，、:：是]",
    r"(?:(?<=[。;；,，:：\n])|(?<=[\u4e00-\u9fff]))(另一|一)方面",
    # the stems count as numerals do (甲、…；乙、…；丙、…)
    r"(?:(?<=[。;；,，:：\n])|^)\s*([甲乙丙丁戊己庚辛])[、.．]",
))
_STEMS = "甲乙丙丁戊己庚辛"


def best_cut(norm: str, start: int, end: int, kind: str, own: list[Span] | None = None,
             intended: bool = False, answering: int = 0) -> list[Span] | None:
    """The pieces of norm[start:end] that best read as items of `kind`, or None when no cut reads as two or
    more items (or the document's own cut `own` reads best). `intended`: what stands before the body says it
    will be done (……我镇将), so every piece of it is a plan. `answering`: how many problems the report states
    before a plans body."""
    if end - start < _MIN_ITEMS * _MIN_PIECE:
        return None  # too short to hold two items
    best, best_score = None, 0.0
    # A lead before a colon that says what will be done (我镇将：, 重点抓好：) makes every piece after it a plan.
    body = past_lead(norm, start, end)
    intended = kind == "plans" and (intended or (body > start and bool(intends(norm, start, body))))
    cuts = list(_candidates(norm, start, body, end, kind, listed=body > start or intended))
    if own:
        # A cut of the document's own shape that the listed words cannot read stands, unless the shape of the
        # words reads another cut better than it reads this one.
        best_score = _score(norm, own, kind) + _OWN_BONUS
        if best_score == _OWN_BONUS:
            return _shaped_cut(norm, cuts, kind, answering, own)
    for pieces, counted in cuts:
        if own and _same_cut(pieces, own):
            continue  # the document's cut again, without its markers: it stands as it was read
        score = _score(norm, pieces, kind, intended)
        # a cut at the same places as the counted one gives way to it, which leaves its tokens (第一件，) out: the
        # two differ in score only by the tokens' share of each piece's length
        if score > best_score or (counted and score and best is not None and _same_cut(pieces, best)):
            best, best_score = pieces, score
    if best is None and not own:
        best = _shaped_cut(norm, cuts, kind, answering)
    return best


def _shaped_cut(norm: str, cuts, kind: str, answering: int, own: list[Span] | None = None) -> list[Span] | None:
    """The best cut when pieces may state their kind by the shape of their words (shapes.py), asked only of a
    body no cut of the listed words reads; a first piece that only names a count of what follows is a lead.
    Plans as many as the problems before them, each built alike (the same count of clauses), answer them:
    verbs no list holds (配强…，…。盯紧…，…。) then count as intentions. A cut `own` of the document's shape
    gives way only to one that reads better; None when it stands."""
    best, best_score = None, 0.0
    if own:
        best_score = _score(norm, own, kind, shaped=True) + _OWN_BONUS
    for pieces, _ in cuts:
        if own and _same_cut(pieces, own):
            continue
        if len(pieces) > _MIN_ITEMS and (counts_lead(norm, *pieces[0], len(pieces) - 1)
                                         or _general_lead(norm, pieces, kind)):
            pieces = pieces[1:]
        if not equal_rank(norm, pieces) or heads_explanation(pieces):
            continue  # a title over what explains it (参与渠道偏窄 / 公众参与……。, 力量薄弱。司法所只有……。) is one item
        siblings = kind == "plans" and len(pieces) == answering and built_alike(norm, pieces)
        score = _score(norm, pieces, kind, intended=siblings, shaped=True)
        if score > best_score:
            best, best_score = pieces, score
    return best


def _general_lead(norm: str, pieces: list[Span], kind: str) -> bool:
    """Whether the first problem piece leads in without stating anything (在征求意见中，我们听到了不少批评。): it
    states a shortfall neither by listed words nor by their shape, is shorter than every piece after it, and every
    one of those states one, so it speaks of them all rather than being one of them. Plans are left alone: a plan
    opens with a verb no list holds (把…纳入…) as often as a lead does."""
    if kind != "shortcomings":
        return False
    def stating(a: int, b: int) -> bool:
        return states_shortfall(norm, a, b) or states_shortfall_shaped(norm, a, b)
    (a, b), rest = pieces[0], pieces[1:]
    return (b - a < min(y - x for x, y in rest) and not stating(a, b)
            and all(stating(x, y) for x, y in rest))


def _same_cut(pieces: list[Span], own: list[Span]) -> bool:
    """Whether two cuts part the body at the same places (their pieces end together, give or take a mark)."""
    return len(pieces) == len(own) and all(abs(b - own_b) <= 1 for (_, b), (_, own_b) in zip(pieces, own))


def blank_blocks(norm: str, start: int, end: int) -> list[Span]:
    """Stretches of consecutive lines parted by blank lines, when at least one holds two lines or more."""
    if not _BLANK_LINE_RE.search(norm, start, end):
        return []
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


def _candidates(norm: str, start: int, body: int, end: int, kind: str, listed: bool):
    """(pieces, whether tokens that count opened them) of each way of cutting the body, `body` past a lead before a
    colon; `listed`: a lead before a colon, or one saying what will be done, announces a list, so the clauses of
    one sentence may be its items."""
    yield blank_blocks(norm, start, end), False
    yield _cells(norm, start, end), False
    sentences = pieces_of(norm, body, end, SENTENCE_ENDS)
    clauses = pieces_of(norm, body, end, CLAUSE_ENDS)
    for cut in (sentences, clauses):
        pieces = _closed(norm, _dropped_lead(norm, cut))
        yield _explained(norm, pieces), False
        yield _grouped(norm, pieces, kind), False
    yield _under_quoted(norm, sentences), False
    # A lead sentence (……还有一些短板。) announces a list as a lead before a colon does.
    after = sentences
    if len(sentences) >= _MIN_ITEMS and is_lead(norm, *sentences[0]):
        body, listed, after = sentences[1][0], True, sentences[1:]
        clauses = [clause for clause in clauses if clause[0] >= body]
    yield _counted(norm, body, end), True
    if len(sentences) == 1 or (listed and len(after) == 1):
        yield _enumerated(norm, *after[0]), False
    commas = _closed(norm, pieces_of(norm, body, end, COMMA_ENDS))
    yield _framed(norm, commas), False
    # The clauses of one sentence are items only where no sentence or ；-clause parts the list: a comma inside
    # an item (加强培训，提升能力；建立制度，…) is no boundary of one.
    if listed and len(clauses) < _MIN_ITEMS:
        yield commas, False


def _counted(norm: str, start: int, end: int) -> list[Span]:
    """Pieces opened by tokens that count 1, 2, 3… inside the text (第一，…；第二，…, 其一…其二…, 一方面…另一方面…),
    however the count is written, each after a clause or sentence boundary or the lead before the first."""
    for family in _COUNTERS:
        tokens, expected, counted = [], 1, None
        for found in family.finditer(norm, start, end):
            thing = found.group(2) if family.groups > 1 else None
            if _count_of(found.group(1)) == expected and (expected == 1 or thing == counted):
                counted = thing
                tokens.append((found.start(1), found.end()))
                expected += 1
        if len(tokens) >= _MIN_ITEMS:  # each piece is the text after its token, up to the next token
            return [(after, stop) for (_, after), (stop, _) in zip(tokens, [*tokens[1:], (end, end)])]
    return []


def _enumerated(norm: str, start: int, end: int) -> list[Span]:
    """Phrases of one sentence listed with 、 and closed by 和/及 (……在于A、B和C。), three or more, the first past
    the verb that introduces them."""
    seps = [found.start() for found in _LIST_SEP_RE.finditer(norm, start, end)]
    if len(seps) < _FRAME_MIN - 2:
        return []
    last = None
    for found in _LAST_JOIN_RE.finditer(norm, seps[-1] + 1, end):
        last = found
    if last is None:
        return []
    bounds = [start, *seps, last.start()]
    parts = [(a + (1 if n else 0), b) for n, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    parts.append((last.end(), end))
    intro = None
    for intro in _INTRO_RE.finditer(norm, *parts[0]):
        pass
    if intro is not None:
        parts[0] = (intro.end(), parts[0][1])
    return parts if len(parts) >= _FRAME_MIN else []


def _count_of(token: str) -> int:
    if token in _STEMS:
        return _STEMS.find(token) + 1
    return 2 if token == "另一" else _NUMERALS.find(token[-1]) + 1


def _cells(norm: str, start: int, end: int) -> list[Span]:
    """Stretches of lines parted by runs of spaces or bars (强队伍：…    严程序：…, A｜B｜C), when a line holds two
    or more."""
    cells = [(m.start(), m.end()) for m in _CELL_RE.finditer(norm, start, end)]
    lines = len({norm.count("\n", start, a) for a, _ in cells})
    return cells if len(cells) > lines else []


def _dropped_lead(norm: str, pieces: list[Span]) -> list[Span]:
    """Pieces without a first one that only leads in: it ends in a colon or on a category's name, or it names only
    a count of what follows (还有一些地方做得不好, 还存在“三个不相适应”)."""
    if len(pieces) >= _MIN_ITEMS and is_lead(norm, *pieces[0]):
        return pieces[1:]
    if len(pieces) > _MIN_ITEMS and counts_lead(norm, *pieces[0], len(pieces) - 1):
        return pieces[1:]
    return pieces


def _closed(norm: str, pieces: list[Span]) -> list[Span]:
    """Pieces without a closing one that speaks of the list as a whole (这些问题，需要…, 总的来看，…)."""
    return pieces[:-1] if len(pieces) > 2 and _CLOSING_RE.match(norm, *pieces[-1]) else pieces


def _grouped(norm: str, pieces: list[Span], kind: str) -> list[Span]:
    """Pieces gathered from each one that states the kind over those after it that do not (a problem, then the
    figures that show it), when every group holds the same number of pieces, two or more: a regular alternation."""
    if kind != "shortcomings" or len(pieces) < 2 * _MIN_ITEMS:
        return []
    stating = [states_shortfall(norm, a, b) for a, b in pieces]
    if not stating[0]:
        return []
    starts = [n for n, flag in enumerate(stating) if flag]
    sizes = {m - n for n, m in zip(starts, [*starts[1:], len(pieces)])}
    if len(starts) < _MIN_ITEMS or len(sizes) != 1 or sizes == {1}:
        return []
    return [(pieces[n][0], pieces[m - 1][1]) for n, m in zip(starts, [*starts[1:], len(pieces)])]


def _under_quoted(norm: str, sentences: list[Span]) -> list[Span]:
    """Sentences gathered under each sentence that is only a quoted phrase (“人少事多”。…。“学用脱节”。…), the
    first sentence one of them: a label heading what follows it, two or more."""
    quoted = [n for n, (a, b) in enumerate(sentences) if _QUOTED_RE.fullmatch(norm, a, b)]
    if len(quoted) < _MIN_ITEMS or quoted[0] != 0 or any(m - n < 2 for n, m in zip(quoted, quoted[1:])):
        return []
    return [(sentences[n][0], sentences[m - 1][1]) for n, m in zip(quoted, [*quoted[1:], len(sentences)])]


def _explained(norm: str, pieces: list[Span]) -> list[Span]:
    """Pieces with each explaining piece (原因在于…) joined to the one before it."""
    out = []
    for a, b in pieces:
        if out and _EXPLAINS_RE.match(norm, a, b):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _explains_within(norm: str, start: int, end: int) -> bool:
    """Whether a sentence after the first of a piece explains or reads the one before it (……。这说明…): the piece
    is one problem told with its reading, not a list of siblings."""
    return any(_EXPLAINS_RE.match(norm, a, b) for a, b in pieces_of(norm, start, end, SENTENCE_ENDS)[1:])


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
    # the last reaches as far as each before it does (既要A，B，也要C，D，更要E，F): the clauses after it are its own
    # when every item before spans the same count of clauses and they make that count up; else they close
    widths = {m - n for n, m in zip(starts, starts[1:])}
    width = widths.pop() if len(widths) == 1 else 1
    last = starts[-1] + (width - 1 if len(clauses) - starts[-1] == width else 0)
    items.append((clauses[starts[-1]][0], clauses[last][1]))
    # the first opening may stand as far before the run as one opening may stand after another (我乡既要…，争取…，
    # 也要…，…，更要…): the item reaches from it to the run
    for back in range(starts[0] - 1, max(starts[0] - _MAX_GAP - 2, -1), -1):
        a, b = clauses[back]
        found = next((pos for pos in range(a, b) if opens(norm, pos, b)), -1)
        if found >= 0:
            items.insert(0, (found, clauses[starts[0] - 1][1]))
            break
    return items if len(items) >= _FRAME_MIN else []


def _run(norm: str, clauses: list[Span]):
    """(test of the shared opening at a position, indexes of the clauses opening with it) of the longest run, or
    None."""
    keys = Counter()
    firsts = Counter(norm[a] for a, _ in clauses)
    for a, b in clauses:
        if is_cjk(norm, a, a + 2):
            keys[("pair", norm[a : a + 2])] += 1
            keys[("word", norm[a + 1])] += 1
            if firsts[norm[a]] >= _FRAME_MIN - 1:
                # a frame: the same first character and a word shortly after it (在决策方面…，在执法方面…)
                # once per clause, in reading order: most_common breaks ties by first insertion, so no set here
                keys.update(dict.fromkeys(("frame", (norm[a], norm[i : i + 2])) for i in range(a + 2, min(b - 1, a + _FRAME_SPAN))).keys())
    best, best_reach = None, 0
    for (shape, key), count in keys.most_common():
        if count < _FRAME_MIN - 1:
            break
        if shape == "pair":
            def opens(text, pos, end, key=key):
                return text.startswith(key, pos, end)
        elif shape == "word":
            def opens(text, pos, end, key=key):
                return pos + 2 <= end and text[pos + 1] == key and is_cjk(text, pos, pos + 1)
        else:
            def opens(text, pos, end, key=key):
                return text[pos] == key[0] and text.find(key[1], pos + 2, min(end, pos + _FRAME_SPAN + 1)) >= 0
        starts = [n for n, (a, b) in enumerate(clauses) if opens(norm, a, b)]
        if shape == "word" and len({norm[clauses[n][0]] for n in starts}) < len(starts):
            continue  # the same first character too: a pair, counted as one
        if any(m - n > _MAX_GAP + 1 for n, m in zip(starts, starts[1:])):
            continue  # openings far apart are words that recur, not a run
        # How far the run reaches, counting the clause before it when the opening stands inside it (全镇在…，在…，在…):
        # of tied openings (在…法工 and 在…工作 both open the last two), the one that takes in the first clause wins.
        before = clauses[starts[0] - 1] if starts and starts[0] > 0 else None
        reach = len(starts) + (before is not None and any(opens(norm, pos, before[1]) for pos in range(*before)))
        if best is None or reach > best_reach:
            best, best_reach = (opens, starts), reach
    return best


def _score(norm: str, pieces: list[Span], kind: str, intended: bool = False, shaped: bool = False) -> float:
    """Share of the pieces that state the kind plus how alike they are; 0 for no plausible list. `shaped`: a piece
    may state its kind by the shape of its words too."""
    if not _MIN_ITEMS <= len(pieces) <= _MAX_ITEMS:
        return 0.0
    if any(letters(norm, a, b) < _MIN_PIECE for a, b in pieces):
        return 0.0
    if kind == "plans" and any(_RESULT_RE.search(norm, a, b) for a, b in pieces):
        return 0.0
    alike_openings = len(pieces) >= _FRAME_MIN and (len({norm[a : a + 2] for a, _ in pieces}) == 1 or (
        kind == "plans" and all(_framed_opening(norm, a, b) for a, b in pieces)))
    # a plan labelled by when it is due is a plan whatever its verb
    timed = sum(bool(TIME_LEAD_RE.match(norm, a, b)) for a, b in pieces)
    pieces = [(label_end(norm, a, b), b) for a, b in pieces]
    if kind == "shortcomings":
        if any(_holds_list(norm, a, b) or opens_remedy(norm, a, b) for a, b in pieces):
            return 0.0  # a piece whose ；-clauses each state a problem is a list; one opening 解决办法是… a remedy
        if shaped and any(holds_shaped_list(norm, a, b) and not _explains_within(norm, a, b) for a, b in pieces):
            return 0.0  # read by shape, a piece of sentences that each state a problem is a list as well
        # figures state the problems of a list whose every piece holds one (还有5个村没有…, 只有6人持证)
        figures = shaped and all(holds_figure(norm, a, b) for a, b in pieces)
        stating = sum(states_shortfall(norm, a, b) or (shaped and states_shortfall_shaped(norm, a, b, figures))
                      for a, b in pieces)
        # siblings by their shape (有的…，有的…，有的…; 有时…。偶尔…。时常…。) once one of them states a shortfall
        often = len(pieces) >= _FRAME_MIN and all(opens_with_frequency(norm, a, b) for a, b in pieces)
        stating = len(pieces) if (alike_openings or often) and stating else stating
    else:
        stating = len(pieces) if intended or alike_openings or timed == len(pieces) else sum(
            intention_at(norm, a, b) or (shaped and opens_intention_shaped(norm, a, b)) for a, b in pieces)
    share = stating / len(pieces)
    if share < _MIN_STATING:
        return 0.0
    lengths = [b - a for a, b in pieces]
    return share + _ALIKE_WEIGHT * min(lengths) / max(lengths)


def _holds_list(norm: str, start: int, end: int) -> bool:
    """Whether a piece holds two or more ；-clauses that each state a shortfall."""
    if norm.find("；", start, end) < 0 and norm.find(";", start, end) < 0:
        return False
    clauses = pieces_of(norm, start, end, "；;")
    return len(clauses) >= _MIN_ITEMS and all(states_shortfall(norm, a, b) for a, b in clauses)


def _framed_opening(norm: str, start: int, end: int) -> bool:
    """Whether a piece opens with a short phrase of its own before a comma (紧盯执法规范，…): a plan framed as its
    aim, as the others beside it are."""
    comma = _OPENING_COMMA_RE.match(norm, start, end)
    return comma is not None and comma.end() < end
