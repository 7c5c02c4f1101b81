"""Scored readings of a report's township and county, each with the text it was read from.

The year's readings are in kg.structure.yearclues; the cues and weights of all three are here.

Every place a report may state a fact gives a clue with a weight for how much that place says:
the title and the issuing organ say most, a passing mention in the body least. A fact is the value
whose clues weigh most (`choose`). The national division table adds weight to names it knows and
to a county that holds the township; it never adds a name the text does not give. The cues and
weights come from layouts written for the tests and from real report openings used as development
data; no rule names a file or a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.model import Clue, Source
from kg.structure.clauses import neighbour, ranks_the_township, spoken_of_as_other, visited, works_under
from kg.structure.barenames import own_rank, short_street_offices, slogan_townships, title_townships
from kg.structure.placenames import PlaceName, bare_name, county_names, township_names
from kg.model import evidence
from kg.text import lexicon
from kg.text.divisions import divisions
from kg.text.places import TOWN_SUFFIX_PATTERN

# Cue → weight. The labels are shown by `kg extract --dry-run`.
TITLE, ISSUER, ADDRESSEE, METADATA = "标题", "发文机关或落款", "主送", "信息公开字段"
ORGAN, REPORT_LINE, SUBJECT, BODY, SELF = "机关名称", "报告说明句", "导语主语", "正文提及", "我镇等指代"
CITED, CITY_PAIR, COUNTY_YEAR, TABLE, TABLE_PAIR = "引用文件标题", "市区连写", "县名加年份", "区划表收录", "区划表:辖该乡镇"
HEAD_LINE, OPENING, FIRST_HEADING, DOC_NUMBER, SIGNED = "标题区", "导语开头", "首个标题", "文号年份减一", "落款日期"
BODY_YEAR, SLOGAN, DATED, LOCATED = "正文年份", "法治口号中的地名", "标题下日期", "位于某县"
SHORT_STREET, TOWN_PAIR, ADDRESS, BARE_TITLE = "街道简称", "县乡连写", "地址", "标题开头的无后缀地名"
SITE, PUBLISHED, CRUMB, FIRM = "网站名称或主办单位", "发布日期", "网页路径", "法律服务机构名称"
CHAIN, PAGE_LINE, SUPERIOR, LONE = "上级逐级列举", "网页短行", "在其领导下或按其部署", "正文唯一县名"
MEMBER = "本乡镇所属县"
# A title or issuing organ outweighs any number of passing mentions; the table only tips close calls.
WEIGHTS = {
    TITLE: 6.0, ISSUER: 5.0, ADDRESSEE: 5.0, METADATA: 3.0, ORGAN: 3.0, REPORT_LINE: 3.0,
    SUBJECT: 3.0, BODY: 1.0, SELF: 0.5, CITED: 3.0, CITY_PAIR: 3.0, COUNTY_YEAR: 2.0, TABLE: 1.0,
    TABLE_PAIR: 3.0, HEAD_LINE: 3.0, OPENING: 3.0, FIRST_HEADING: 2.0, DOC_NUMBER: 2.0, SIGNED: 1.5,
    BODY_YEAR: 0.25, SLOGAN: 1.0, SHORT_STREET: 1.0, DATED: 1.5, LOCATED: 3.0, SITE: 2.0,
    BARE_TITLE: 2.0,  # the title's opening name without its rank (红埠2024年…报告): read only where no name has a suffix
    TOWN_PAIR: 3.0,  # a county run straight into the report's township (Y县Z乡人民政府大院) says where it lies
    ADDRESS: 2.0,  # the office's address (地址：Y区滨江路18号) says where it is, as page chrome does
    PUBLISHED: 0.5,  # a page is posted some time after the report is written: the weakest word on the year
    CRUMB: 3.0,  # the column a page is filed under (首页 > 乡镇信息公开 > 白露乡) says whose page it is
    # A law firm or notary office a township engages is named after the county it works in (聘请Y县某某律师事务所):
    # less than an organ of the county says, more than a passing mention.
    FIRM: 2.0,
    # The superiors listed from the province down (传达学习省、X市和Y市会议精神): the last, lowest is the county above the
    # township, as an organ of it says.
    CHAIN: 3.0,
    # Any short line of a page's opening or close that names one county-level unit (a column tag, a reporter's credit,
    # a 所属地区 field, an 印发 line): the page's chrome belongs to the county the township lies in, but says it
    # less than a field whose label the lexicon knows.
    PAGE_LINE: 1.5,
    # The superior the report says it works under (在Y县委、县政府的领导下, 经Y县委同意, 按照Y县…的部署), the nearest
    # named where several are: what the report says of its own place in the hierarchy, more than an organ named
    # in passing says.
    SUPERIOR: 4.0,
    # The county the report ranks its township among (作为Y区人口最多的街道, 是Y县唯一的民族乡): what the report says
    # of its own place, as the superior it works under is.
    MEMBER: 4.0,
    # The one county-level unit a report names at all, in passing (积极配合Y县创建…), when nothing else names one: a
    # township speaks of its own county far more than of others, and the places it speaks of as others (visited,
    # neighbouring, bordering) are left out. The weakest word on the county: any other clue outweighs it.
    LONE: 0.5,
}
# A page line that points to other pages (上一篇：…, 相关链接) names other places, not the page's own.
_LINK_LINE_RE = re.compile(r"\s*(?:上一[篇条页]|下一[篇条页]|相关(?:链接|阅读|文章|新闻)|友情链接|推荐阅读)")
# A label over a list of other pages' headlines (往期推荐, 热点新闻): the short lines under it name other places.
_LINK_LIST_RE = re.compile(r"\s*(?:延伸阅读|猜你喜欢|往期(?:推荐|回顾|精选)|热点(?:推荐|新闻|信息)|更多(?:新闻|阅读))\s*$")
MAX_PAGE_LINE = 40  # characters of a line of chrome: a longer line is prose


def is_link_line(text: str) -> bool:
    """Whether a line points to another page (上一篇：某乡…报告): its names and title are that page's."""
    return bool(_LINK_LINE_RE.match(text.strip()))
# A breadcrumb's step separators, after a word or a space: not the end of a tag left in a text (<p>). Sites also
# step with arrows (首页 → 乡镇之窗) and with slashes set apart by spaces (首页 / 区县频道); a slash between
# words or figures (人/次, 2024/01/05) is no step.
CRUMB_RE = re.compile(r"\s*(?<=[\s\u4e00-\u9fff)）\]】])(?:>+|»|›|→|(?<=\s)/(?=\s))\s*")
# A breadcrumb also shows as a line led by its label (当前位置：首页 区县 Y区), whatever separates its steps, or as
# steps apart by a dash or bar with spaces round it, two or more (首页 - 区县 - Y区); one such mark is a title's
# site part (关于…的报告 | Y县人民政府), not a path.
_CRUMB_LABEL_RE = re.compile(r"\s*您?(?:当前|现在|目前)?(?:所在|的)?位置\s*[:：]")
_SPACED_STEP_RE = re.compile(r"\s[|\-—–]+\s")


def is_crumb(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] is a breadcrumb line (首页 > 信息公开 > 白露乡)."""
    end = len(text) if end is None else end
    return bool(CRUMB_RE.search(text, start, end) or _CRUMB_LABEL_RE.match(text, start, end)
                or len(_SPACED_STEP_RE.findall(text, start, end)) >= 2)

# An organ's name, not a road named after it (城关镇政府路8号, an address in a page's footer).
_TOWN_ORGAN_RE = re.compile(r"(?:人民政府|政府|党委|党工委|委员会|办事处|人大|纪委|委)(?![路街巷])")
# A bureau's name runs up to six characters before 局 (市场监督管理局); 局 closing an ordinary word (格局, 大局) is none.
_COUNTY_ORGAN_RE = re.compile(
    r"(?:县|区|市|旗)?(?:委|人民政府|政府|人大|政协|法院|人民法院|检察院|人民检察院"
    r"|[\u4e00-\u9fff]{1,6}?(?<![格布大开结僵棋残变当])局|(?:全面)?依法治)"
)
# An address field: the county it names is where the office stands.
_ADDRESS_RE = re.compile(r"地\s*址\s*[:：]")
# A legal service body named after its county: a law firm, notary office or legal service office (Y县正衡律师事务所).
_FIRM_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:律师事务所|公证处|法律服务所)")
# Where the township lies or to which county it belongs (位于, 地处, 隶属于): the county named next is its own.
_LOCATED_RE = re.compile(r"(?:位于|地处|隶属于|隶属|属于)$")
_REPORT_LINE_RE = re.compile(r"现将|现就|现对|(?:报告|汇报|总结)如下")
_SELF_RE = re.compile(rf"(?:我|本|全)({TOWN_SUFFIX_PATTERN})")
_SUBJECT_BEFORE = "，,。；;：:\n"
# A 信息公开 field's label ends at its separator: a colon, a table cell's bar or tab, or the bracket round
# the label ([ 发布机构 ] …).
_FIELD_END = r"\s*(?:[:：|\t]|[\]】])"


def field_labels(key: str, *more: str) -> str:
    """A regex group of the page lexicon's labels for one field (发布机构, 发文机关, 发布单位 for 发布机构) and `more`."""
    labels = [row["word"] for row in lexicon.table("html_chrome") if row["use"] == "field" and row["key"] == key]
    return lexicon.either(lexicon.longest_first([*labels, *more]))


def field_re(key: str, *more: str) -> re.Pattern:
    """A field label with its separator."""
    return re.compile(field_labels(key, *more) + _FIELD_END)


# 来源 names the office that posted the page.
_METADATA_RE = field_re("发布机构", "来源")


@dataclass(frozen=True)
class Zones:
    """Where a report's header lines are, as (start, end) spans of its text."""

    title: tuple[int, int] | None
    head: tuple[tuple[int, int], ...]  # lines before the first section that are not prose
    issuers: tuple[tuple[int, int], ...]  # issuing organ lines before the first section or in the signature
    addressee: tuple[int, int] | None
    head_end: int  # start of the first section
    body_end: int  # start of the signature
    tail: tuple[tuple[int, int], ...]  # signature lines


def _within(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def _clue(source: Source, field: str, value, cue: str, start: int, end: int, weight: float | None = None) -> Clue:
    return Clue(field, value, cue, WEIGHTS[cue] if weight is None else weight,
                evidence(source.path, source.text, start, end))


def _line_of(norm: str, pos: int) -> tuple[int, int]:
    return norm.rfind("\n", 0, pos) + 1, (norm.find("\n", pos) + 1 or len(norm) + 1) - 1


def _place_cue(source: Source, zones: Zones, place: PlaceName, organ_re) -> str:
    """The strongest cue a township or county name stands in."""
    norm = source.norm
    if zones.title and _within(place.start, [zones.title]):
        return TITLE
    if _within(place.start, zones.issuers):
        return ISSUER
    line_start, line_end = _line_of(norm, place.start)
    if place.start < zones.head_end and is_crumb(norm, line_start, line_end):
        return CRUMB
    if _METADATA_RE.search(norm, line_start, place.start):
        return METADATA
    if organ_re.match(norm, place.end):
        return ORGAN
    sentence = norm[max(line_start, _sentence_start(norm, place.start)): _sentence_end(norm, place.start)]
    if place.start < zones.head_end and _REPORT_LINE_RE.search(sentence):
        return REPORT_LINE
    before = norm[place.start - 1: place.start] if place.start else "\n"
    # A short line above the body that opens with a name and is no title is a headline of the site's other
    # news (白沙镇召开安全生产工作会议, in a sidebar saved with the page), not the preamble's subject.
    headline = place.start == line_start and _within(place.start, zones.head)
    if place.start < zones.head_end and (before in _SUBJECT_BEFORE or before == "年") and not headline:
        return SUBJECT
    return BODY


def _sentence_start(norm: str, pos: int) -> int:
    return max(norm.rfind(mark, 0, pos) for mark in "。；;\n") + 1


def _sentence_end(norm: str, pos: int) -> int:
    ends = [end for end in (norm.find(mark, pos) for mark in "。；;\n") if end >= 0]
    return min(ends) if ends else len(norm)


def township_clues(source: Source, zones: Zones, metadata_organ: str | None,
                   extra_titles: Iterable[tuple[int, int]] = ()) -> list[Clue]:
    """Readings of the township: every name with a township suffix, weighed by where it stands.

    `extra_titles`: further title lines (a page headline above the document's own title).
    """
    norm = source.norm
    extra_titles = list(extra_titles)
    clues, named, confirmed = [], [], set()
    # The ranks the report calls itself by (我街道, 本镇): a name of that rank opening the preamble is its own.
    selves = {match.group(1) for match in _SELF_RE.finditer(norm, 0, zones.body_end)}
    for place in township_names(norm, 0, len(norm)):
        if norm[place.start - 1: place.start] == "原":
            continue  # a former township (原石湾乡并入我镇, 街道（原鹿岗镇）): merged or renamed, not the one reporting
        cue = TITLE if _within(place.start, extra_titles) else _place_cue(source, zones, place, _TOWN_ORGAN_RE)
        cue = _in_prose(place, cue)
        if cue == BODY and place.start >= zones.body_end:
            continue  # an attachment or note after the signature
        if not _stands_alone(place, cue) and not _names_itself(norm, place, cue, selves):
            continue
        if cue != BODY:
            named.append(place)
        if place.confirmed:
            confirmed.add(place.name)
        clues.append(_clue(source, "township", place.name, cue, place.start, place.end))
    if metadata_organ:
        for place in township_names(metadata_organ):
            clues.append(Clue("township", place.name, METADATA, WEIGHTS[METADATA], page_field=f"发布机构：{metadata_organ}"))
            if place.confirmed:
                confirmed.add(place.name)
    # 我镇 / 本镇 speak of the last township named before them with the same suffix, in more than a passing mention.
    for match in _SELF_RE.finditer(norm, 0, zones.body_end):
        antecedent = next((p for p in reversed(named) if p.end <= match.start() and p.suffix == match.group(1)), None)
        if antecedent is not None:
            clues.append(_clue(source, "township", antecedent.name, SELF, match.start(), match.end()))
    clues += [Clue("township", name, TABLE, WEIGHTS[TABLE]) for name in sorted(confirmed)]
    return clues


_LINE_CUES = (TITLE, ISSUER, METADATA, ADDRESSEE, CRUMB)


def _in_prose(place: PlaceName, cue: str) -> str:
    """A name the table does not know, read only after cutting prose words off its front (不断|规范街道
    办事处), is a passing mention whatever follows it, unless it stands on a line of its own kind, after
    位于, or in a clause of the superior worked under (贯彻落实Y县…部署) or of the county the township is ranked
    among (作为Y区…的街道), whose opening word cuts the verb off a name that starts right after it."""
    return BODY if not place.confirmed and not place.bounded and cue not in (*_LINE_CUES, LOCATED, *_CLAUSE_CUES) else cue


def _stands_alone(place: PlaceName, cue: str) -> bool:
    """Whether a name counts where it stands: a long stem the table does not know is likely prose
    (祁海东同志任镇党委书记), and one ordinary word a common phrase (充分发挥镇依法治镇领导小组), unless
    it stands on a line of its own kind (title, issuer, metadata, addressee). In the clause of the superior
    worked under (在秀峰县委…领导下) an ordinary word is a name: the clause says what stands there."""
    if cue in _LINE_CUES or cue in (LOCATED, ADDRESS, TOWN_PAIR) or place.confirmed:
        return True
    return len(place.name) - len(place.suffix) <= 4 and (not place.common_word or cue in _CLAUSE_CUES)


# The verb of the report's sentence about itself (现将振兴街道…报告如下): what stands right after it is its subject.
_SELF_REPORT_VERB_RE = re.compile(r"现[将就对]$")


def _names_itself(norm: str, place: PlaceName, cue: str, selves: set[str]) -> bool:
    """Whether a name one ordinary word (振兴, 复兴) stands where the report names itself: right after 现将 in the
    sentence that says what follows (现将振兴街道…报告如下), or as the subject opening the preamble of a report that
    calls itself by the name's rank (振兴街道坚持… with 我街道 below). There the name has no other reading;
    elsewhere the word is read as a word (全面振兴街道经济, 推动振兴乡村). A subject is a name when it is one word of
    two characters, as names taken from ordinary words are (振兴, 胜利, 团结): a longer run opening a clause is the
    clause's verb phrase (充分发挥镇依法治镇领导小组作用), whatever the report calls itself."""
    if not place.bounded:
        return False
    if cue == SUBJECT:
        return place.suffix in selves and len(place.name) - len(place.suffix) == 2
    return cue == REPORT_LINE and bool(_SELF_REPORT_VERB_RE.search(norm, max(0, place.start - 2), place.start))


def county_clues(source: Source, zones: Zones, townships: Iterable[str], metadata_organ: str | None,
                 extra_titles: Iterable[tuple[int, int]] = (), sites: Iterable[tuple[str, str]] = ()) -> list[Clue]:
    """Readings of the county: names with a county suffix in the title, organs, addressee, cited titles.

    `extra_titles`: other lines shaped like the title (a page repeats it under its breadcrumbs and
    metadata), read as titles too. `sites`: (label, text) of the page's site name, footer owner (主办单位) and
    breadcrumb (网页路径, the label CRUMB), which a page read as HTML keeps as metadata once its chrome is dropped.
    """
    norm, table = source.norm, divisions()
    townships = [t for t in townships if t]
    titles = [span for span in (zones.title, *extra_titles) if span]
    clues, passing, elsewhere = [], [], set()
    places = list(county_names(norm, 0, len(norm)))
    ranks = _superior_ranks(norm, zones.body_end)
    below_county = bool(ranks) and "市" not in ranks  # led by 县委 or 区委 and never by 市委
    # A city the text itself puts above another unit, on a line of the header or in a list from the province down,
    # is the city above wherever it is named (a portal's name on the first line, 所属地区：X市 Y市 below it).
    chain = [_chain_rank(norm, at, places) for at in range(len(places))]
    formers = _former_names(norm, places)
    above = {place.name for at, place in enumerate(places)
             if at + 1 not in formers and _above_the_next(norm, zones, at, places) or chain[at] == "above"}
    for at, place in enumerate(places):
        if place.name in above or at in formers:
            continue
        cue = TITLE if _within(place.start, titles) else _county_cue(source, zones, place)
        if cue in _PROSE_CUES:
            if works_under(norm, place, places[at + 1].start if at + 1 < len(places) else None):
                cue = SUPERIOR
            elif ranks_the_township(norm, place):
                cue = MEMBER
            elif visited(norm, place) or neighbour(norm, place) or _runs_into_another(norm, place, townships):
                elsewhere.add(place.name)
                continue
        if cue == BODY and chain[at] == "lowest":
            cue = CHAIN
        elif cue == BODY and _on_page_line(norm, zones, place, places, above):
            cue = PAGE_LINE
        # A report led by 县委 or 区委 and never by 市委 lies below a county or district, not a city: a city
        # named outside its title is the prefecture above (the portal the page sits in).
        if below_county and place.suffix == "市" and cue != TITLE:
            continue
        cue = _in_prose(place, cue)
        # Anywhere in the text, even a footer's address (联系地址：Y县Z乡人民政府大院), a county written right before
        # the report's own township names that township's county, as 市 before 区 names the district's city.
        if cue == BODY and townships and norm.startswith(townships[0], place.end):
            cue = TOWN_PAIR
        weak = cue == BODY or len(place.name) - len(place.suffix) == 1 and WEIGHTS[cue] < WEIGHTS[ADDRESSEE]
        # A bare mention (宣传朝阳区新版产业政策), or a one-character name read from prose, counts only
        # when the table confirms that the county holds the report's township.
        if weak and not any(table.holds(place.name, town) for town in townships) or not _stands_alone(place, cue):
            # A name in passing that may be the one county named: a county or banner whose stem is a name, not words
            # (文明城市, 老城区 are none), in the report, not after its signature (相关新闻 and other pages' headlines);
            # a district named in passing is as often a part of a town (新城区建设).
            was_county = at + 1 in formers and places[at + 1].suffix in _PASSING_SUFFIXES
            if cue == BODY and (place.suffix in _PASSING_SUFFIXES or was_county) and place.start < zones.body_end \
                    and place.bounded \
                    and _stands_alone(place, cue) and len(place.name) - len(place.suffix) > 1 \
                    and bare_name(place.name[: -len(place.suffix)]):
                passing.append(place)
            continue
        clues.append(_clue(source, "county", place.name, cue, place.start, place.end))
    if metadata_organ:
        for place in county_names(metadata_organ):
            clues.append(Clue("county", place.name, METADATA, WEIGHTS[METADATA], page_field=f"发布机构：{metadata_organ}"))
    # The site's name, its owner and the breadcrumb a page read as HTML kept name one portal: a county they give
    # counts once, as the strongest of them says it (the breadcrumb's column, 网页路径, as one in the text does).
    site_names: dict[str, tuple[str, str]] = {}
    for label, text in sites:
        cue = CRUMB if label == CRUMB else SITE
        named = list(county_names(text))
        for at, place in enumerate(named):
            if not _above_the_next(text, None, at, named) and not (below_county and place.suffix == "市"):
                said = site_names.get(place.name)
                if said is None or WEIGHTS[cue] > WEIGHTS[said[1]]:
                    site_names[place.name] = (f"{label}：{text}", cue)
    # A breadcrumb kept as a field that the text also holds (a page whose path stayed in its article) counts once.
    in_text = {clue.value for clue in clues if clue.cue == CRUMB}
    clues += [Clue("county", name, cue, WEIGHTS[cue], page_field=said) for name, (said, cue) in site_names.items()
              if not (cue == CRUMB and name in in_text)]
    # A report led by an unnamed 县委 does not lie in the district it names in passing (宣传Y区新版产业政策).
    named = {place.name for at, place in enumerate(places) if at not in formers}
    if not clues and passing and len(named - elsewhere) == 1 and (
            not ranks or passing[0].suffix[-1] in ranks) and not any(
            spoken_of_as_other(norm, place) or _among_links(norm, place) for place in passing):
        clues.append(_clue(source, "county", passing[0].name, LONE, passing[0].start, passing[0].end))
    for name in {clue.value for clue in clues}:
        held = [town for town in townships if table.holds(name, town)]
        if held:
            clues.append(Clue("county", name, TABLE_PAIR, WEIGHTS[TABLE_PAIR]))
    return clues


def _former_names(norm: str, places: list[PlaceName]) -> set[int]:
    """Indices of places named as the former name of the place before them, in brackets right after it (Y市（原Y县）):
    the same place as that one, not another, and a city that was a county is a county-level city."""
    # The segmenter may keep 原 with the name (原枫岭县): the name then starts right after the bracket.
    return {at for at in range(1, len(places))
            if norm.startswith("(原", places[at - 1].end) and places[at].start - places[at - 1].end <= 2
            and norm.startswith(")", places[at].end)}


_TOWN_AFTER = 12  # characters after a county's name searched for a township's name run into it


def _runs_into_another(norm: str, place: PlaceName, townships: list[str]) -> bool:
    """Whether a county named in prose runs straight into a township other than the report's own (与X市Y区Z街道结对):
    it is named as that township's county, the place of a partner or a neighbour, as Y县 run into the report's own
    township names its county. The table's word that the county holds the report's township outweighs this."""
    if not townships or divisions().holds(place.name, townships[0]):
        return False
    town = next(township_names(norm, place.end, min(len(norm), place.end + _TOWN_AFTER)), None)
    return town is not None and town.start == place.end and town.name != townships[0]


_LINK_LIST = 6  # short lines after a link label (相关新闻, 往期推荐) that may be its list of other pages


def _among_links(norm: str, place: PlaceName) -> bool:
    """Whether the place stands on a link line (上一篇：…) or in the list of short lines under one (相关新闻 / headline
    / headline): those lines name other pages' places."""
    start, end = _line_of(norm, place.start)
    for _ in range(_LINK_LIST + 1):
        line = norm[start:end]
        if is_link_line(line) or _LINK_LIST_RE.match(line):
            return True
        if len(line.strip()) > MAX_PAGE_LINE or "。" in line or start == 0:
            return False
        start, end = _line_of(norm, start - 1)
    return False


# The suffixes of a name that counts when a report names it once, in passing (LONE).
_PASSING_SUFFIXES = ("县", "自治县", "旗", "自治旗")
# Cues of a name read in the body's prose, where the clause around it may say more of how the place stands to the
# township: above it, or a place visited.
_PROSE_CUES = (ORGAN, BODY, CITED, COUNTY_YEAR, CITY_PAIR)
# Cues read from the clause around the name (在…领导下, 作为…的街道): the clause says a name stands there.
_CLAUSE_CUES = (SUPERIOR, MEMBER)


# An unnamed superior's rank: 县委、县政府 (after a boundary, so that 南岭县委 is a named one, not a rank).
_RANK_RE = re.compile(r"(?:^|(?<=[在和与及、，,。；;：:“\s]))(县|区|市|旗)(?:委|人民政府|政府)")


def _superior_ranks(norm: str, end: int) -> set[str]:
    """The ranks (县, 区, 市, 旗) of the unnamed committees and governments a report says it works under."""
    return {match.group(1) for match in _RANK_RE.finditer(norm, 0, end)}


def _above_the_next(norm: str, zones: Zones | None, at: int, places: list[PlaceName]) -> bool:
    """A city the table does not hold as a county, named before another county-level unit on one line of the
    header or signature, is the city above it (首页 > 云州市人民政府 > 北岸区人民政府 > …): places are named
    from the higher down. So is one named above a breadcrumb that steps into another county-level unit (a
    prefecture's portal name over 首页 > 县市区 > 桐江市 > …). Without zones, norm is one line of page metadata.

    `places` are in text order and `at` is the city's index: only the names after it on its line, or in the
    header below it, are looked at.
    """
    place = places[at]
    if not place.name.endswith("市") or divisions().is_county(place.name):
        return False
    if zones is not None and zones.head_end <= place.start < zones.body_end:
        return False
    _, line_end = _line_of(norm, place.start)
    stop = zones.head_end if zones is not None and place.start < zones.head_end else line_end
    for other in places[at + 1:]:
        if other.start >= max(stop, line_end):
            break
        if other.name != place.name and (other.start < line_end or is_crumb(norm, *_line_of(norm, other.start))):
            return True
    return False


def _on_page_line(norm: str, zones: Zones, place: PlaceName, places: list[PlaceName], above: set[str]) -> bool:
    """Whether the place stands on a line of the page: above the title, or a short line with no sentence above
    the first section or below the signature's start; no link to other pages, and naming no other county-level
    unit (a neighbour list)."""
    if zones.head_end <= place.start < zones.body_end:
        return False
    start, end = _line_of(norm, place.start)
    line = norm[start:end]
    # Above the document's title every line is the page's, a note of its editor (编者按：…) as well as a column tag.
    above_title = zones.title is not None and end <= zones.title[0]
    if not above_title and (len(line.strip()) > MAX_PAGE_LINE or any(mark in line for mark in "。；;")) \
            or is_link_line(line):
        return False
    return all(other.name == place.name or other.name in above for other in places if start <= other.start < end)


# Superiors joined in a list (X市、Y市 / X市委和Y市委), and the province's rank that opens such a list from the top.
_JOIN_RE = re.compile(r"(?:委|人民政府|政府)?[、和及与]")
_PROVINCE_RE = re.compile(r"省(?:委|人民政府|政府)?[、和及与]$")


def _chain_rank(norm: str, at: int, places: list[PlaceName]) -> str | None:
    """Where places[at] stands in a list of superiors that opens with the province (省、X市和Y市): "above" for a
    city with a lower unit after it, "lowest" for the last, None outside such a list. Neighbours listed without
    the province (与X市、Y市交流) are no chain of command."""
    def joined(i: int) -> bool:
        return 0 <= i < len(places) - 1 and bool(_JOIN_RE.fullmatch(norm, places[i].end, places[i + 1].start))

    first = at
    while joined(first - 1):
        first -= 1
    last = at
    while joined(last):
        last += 1
    if first == last or not _PROVINCE_RE.search(norm, max(0, places[first].start - 6), places[first].start):
        return None
    if at < last:
        above = places[at].suffix == "市" and not divisions().is_county(places[at].name)
        return "above" if above else None
    return "lowest"


def slogan_clues(source: Source, zones: Zones, county: str | None,
                 extra_titles: Iterable[tuple[int, int]] = ()) -> list[Clue]:
    """Readings of a township the text names only without its suffix: in its 法治…建设 slogan or at its title's
    start, or a street office by its short name (某某街 for the table's 某某街道).

    Asked for only when no name with a suffix was found: without it such a report has no township at all. A name the
    table does not know takes the rank the report calls its own office by (街道按照…, 街党工委). `extra_titles`: further
    title lines (the page's 标题： field above the document's own title).
    """
    rank = own_rank(source.norm, zones.body_end)
    found = [_clue(source, "township", place.name, SLOGAN, place.start, place.end)
             for place in slogan_townships(source.norm, zones.body_end, county, rank)]
    titles = [span for span in (zones.title, *extra_titles) if span]
    found += [_clue(source, "township", place.name, BARE_TITLE, place.start, place.end)
              for place in title_townships(source.norm, titles, county, rank)]
    # A street office that calls itself by its street alone (鹤龙街坚持…), as the table confirms, reads the same way.
    return found + [_clue(source, "township", place.name, SHORT_STREET, place.start, place.end)
                    for place in short_street_offices(source.norm, zones.body_end, county, rank)]


def pair_clues(county: str, townships: Iterable[str]) -> list[Clue]:
    """A clue for each township the table places in the chosen county."""
    table = divisions()
    return [Clue("township", town, TABLE_PAIR, WEIGHTS[TABLE_PAIR]) for town in townships if table.holds(county, town)]


def _county_cue(source: Source, zones: Zones, place: PlaceName) -> str:
    norm = source.norm
    if zones.title and _within(place.start, [zones.title]):
        return TITLE
    if _within(place.start, zones.issuers):
        return ISSUER
    if zones.addressee and _within(place.start, [zones.addressee]):
        return ADDRESSEE
    line_start, line_end = _line_of(norm, place.start)
    if place.start < zones.head_end and is_crumb(norm, line_start, line_end):
        return CRUMB
    if _METADATA_RE.search(norm, line_start, place.start):
        return METADATA
    if _COUNTY_ORGAN_RE.match(norm, place.end):
        return ORGAN
    if _FIRM_RE.match(norm, place.end, line_end):
        return FIRM
    if _ADDRESS_RE.search(norm, line_start, place.start):
        return ADDRESS
    if _LOCATED_RE.search(norm, max(0, place.start - 3), place.start):  # 溪桥乡位于岚山县东北部, 隶属于蓉西区
        return LOCATED
    opening = norm.rfind("《", max(0, place.start - 12), place.start)
    if opening >= 0 and "》" not in norm[opening: place.start] and not re.search(
            r"[^\d年度]", norm[opening + 1: place.start].replace(" ", "")):
        return CITED
    if re.match(r"\s*(?:19|20)\d{2}\s*年", norm[place.end: place.end + 8]):
        return COUNTY_YEAR
    if norm[max(0, place.start - 1): place.start] == "市":
        return CITY_PAIR
    return BODY


def totals(clues: Iterable[Clue], field: str) -> list[tuple[object, float]]:
    """(value, summed weight) of one field's clues, heaviest first; ties go to the value read first."""
    sums: dict[object, float] = {}
    for clue in clues:
        if clue.field == field:
            sums[clue.value] = sums.get(clue.value, 0.0) + clue.weight
    return sorted(sums.items(), key=lambda item: -item[1])


# A close call between a city the table does not hold as county-level and a county, district or banner: the lower unit is
# the nearer to the township (a page sits in the portals above it; no county-level city holds a county or a district).
RANK_MARGIN = 1.5


def choose_county(clues: Iterable[Clue]):
    """The county whose clues weigh most; in a close call (within RANK_MARGIN) between a city the table does not know
    as a county-level city and a county, district or banner, the latter."""
    ranked = totals(clues, "county")
    if len(ranked) >= 2 and ranked[0][1] - ranked[1][1] < RANK_MARGIN and _lower(ranked[1][0], ranked[0][0]):
        return ranked[1][0]
    return ranked[0][0] if ranked else None


def _lower(name: str, city: str) -> bool:
    return city.endswith("市") and not divisions().is_county(city) and not name.endswith("市")


def choose(clues: Iterable[Clue], field: str):
    """The value whose clues weigh most, or None when there is no clue."""
    ranked = totals(clues, field)
    return ranked[0][0] if ranked else None
