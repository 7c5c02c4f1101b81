"""Problems and plans written as parallel lists: the plan at a problem's place, on evidence, and only when the report
writes that way (kg/link/parallel.py). The reports are fictional."""

from __future__ import annotations

from kg.link import Thresholds, link_report, trace
from kg.link.trace import format_rows
from kg.link.within import BY_POSITION

from test_link import read

REPORT = """栖霞县{township}2023年法治政府建设情况报告

一、主要工作举措及成效
（一）加强组织领导。镇党委召开专题会议4次，研究部署法治政府建设工作。
（二）规范行政执法。全年办理行政处罚案件21件。
{measure}
二、存在的问题
{problems}
三、下一步工作计划
{plans}"""

PROBLEMS = """（一）执法人员专业能力不足，持证执法人员仅5名。
（二）村民法治意识不强，遇事找关系多于找法律。
（三）镇村两级统筹推进力度不够。
"""
ENFORCEMENT = "（{}）加强执法队伍建设，组织执法人员参加专业培训和资格考试。\n"
PUBLICITY = "（{}）开展送法进村活动，推进普法宣传进农户。\n"
COORDINATION = "（{}）健全法治建设议事协调机制，定期研究解决重点难点问题。\n"


def plans(*lines: str) -> str:
    return "".join(line.format(n) for line, n in zip(lines, "一二三"))


def written(tmp_path, name, problems, plan_text, measure=""):
    path = tmp_path / f"{name}-2023.txt"
    path.write_text(REPORT.format(township=name, measure=measure, problems=problems, plans=plan_text), encoding="utf-8")
    return read(path)


def linked(tmp_path, name, problems, plan_text, measure="", thresholds=None, sizes=(3, 3)):
    report = written(tmp_path, name, problems, plan_text, measure)
    assert (len(report.shortcomings), len(report.plans)) == sizes  # the test is about links, not reading
    report = link_report(report) if thresholds is None else link_report(report, thresholds)
    return {(l.target_ordinal, l.source_ordinal): l for l in report.links if l.kind == "addresses"}


def test_in_parallel_lists_a_problem_takes_the_plan_at_its_place_on_a_shared_theme(tmp_path):
    links = linked(tmp_path, "青岩镇", PROBLEMS, plans(ENFORCEMENT, PUBLICITY, COORDINATION))
    assert (0, 0) in links and links[0, 0].method != BY_POSITION  # worded alike, linked by its words
    # 法治意识不强 and 送法进村/普法宣传 share no word, only the publicity theme; their place links them.
    assert links[1, 1].method == BY_POSITION and "publicity" in links[1, 1].themes
    # 统筹推进力度 and 议事协调机制 share neither word nor theme, but the other two problems took their own-place
    # plans and nothing else: the report answers point by point, so the last plan answers the last problem.
    assert links[2, 2].method == BY_POSITION and not links[2, 2].terms and not links[2, 2].themes
    assert set(links) == {(0, 0), (1, 1), (2, 2)}


def test_plans_in_another_order_get_nothing_for_their_place(tmp_path):
    # The publicity plan stands at the publicity problem's place by chance: the enforcement problem's plan is last,
    # so the report does not answer point by point and a place means nothing.
    links = linked(tmp_path, "青石镇", PROBLEMS, plans(COORDINATION, PUBLICITY, ENFORCEMENT))
    assert (0, 2) in links  # still linked by its words
    assert not any(l.method == BY_POSITION for l in links.values())
    assert not any(s == 1 for s, _ in links)


def test_a_plan_carrying_on_a_measure_is_not_linked_for_its_place(tmp_path):
    # The publicity plan continues this year's 送法进村 measure: at the problem's place, it need not answer it.
    measure = "（三）开展送法进村活动。全年送法进村12场。\n"
    links = linked(tmp_path, "青溪镇", PROBLEMS, plans(ENFORCEMENT, PUBLICITY, COORDINATION), measure)
    assert set(links) == {(0, 0)}


SHARED_WORD_PROBLEMS = """（一）司法所人少事多，精力投入不足。
（二）执法装备落后，执法记录仪数量不足。
（三）村民法治意识不强，遇事找关系多于找法律。
"""
SHARED_WORD_PLANS = """（一）完善干部学法制度，把法治教育纳入干部培训。
（二）加大执法装备投入，为执法人员配齐执法记录仪。
（三）深入开展普法宣传，推动法律知识进村入户。
"""


def test_an_accidental_shared_word_yields_to_the_plans_own_problem(tmp_path):
    links = linked(tmp_path, "青枫镇", SHARED_WORD_PROBLEMS, SHARED_WORD_PLANS)
    # 投入 in 精力投入不足 and in 执法装备投入 is not one object; the equipment plan answers the equipment problem.
    assert (1, 1) in links and (0, 1) not in links
    assert links[2, 2].method == BY_POSITION
    # The staffing problem has no plan of its own; the report answers point by point, so the plan at its place is
    # offered for its place alone, and shown as to be checked (待核实), never as a confirmed link.
    assert {p for s, p in links if s == 0} == {0}
    assert links[0, 0].method == BY_POSITION and links[0, 0].score < Thresholds().addresses_confirmed


def test_the_position_rule_can_be_switched_off(tmp_path):
    links = linked(tmp_path, "青柳镇", SHARED_WORD_PROBLEMS, SHARED_WORD_PLANS, thresholds=Thresholds(by_position=False))
    assert (0, 1) in links and "投入" in links[0, 1].terms
    assert not any(l.method == BY_POSITION for l in links.values())


def test_trace_says_which_plan_was_linked_for_its_place(tmp_path):
    report = written(tmp_path, "青岩镇", PROBLEMS, plans(ENFORCEMENT, PUBLICITY, COORDINATION))
    rows = trace([report], "青岩镇")
    assert [bool(row.plans) for row in rows] == [True, True, True]
    assert not rows[0].plans[0].by_place and rows[1].plans[0].by_place and rows[2].plans[0].by_place
    text = format_rows(rows)
    assert text.count("按序对应") == 3  # the reasons of the two plans linked for their place, and the legend


def test_a_briefing_says_which_plan_was_linked_for_its_place(tmp_path, fresh):
    from docx import Document

    from kg.brief.township import write_briefing
    from kg.load.loader import load_paths

    folder = tmp_path / "in"
    folder.mkdir()
    written(folder, "青岩镇", PROBLEMS, plans(ENFORCEMENT, PUBLICITY, COORDINATION))
    store = fresh()
    load_paths(store, [folder], progress=False)
    briefing = write_briefing(store, "青岩镇", tmp_path / "b.html")
    placed = [(c.shortcoming.text, p.text) for c in briefing.chains for p in c.plans if c.placed(p)]
    assert placed == [("村民法治意识不强，遇事找关系多于找法律", "开展送法进村活动，推进普法宣传进农户"),
                      ("镇村两级统筹推进力度不够", "健全法治建设议事协调机制，定期研究解决重点难点问题")]
    html = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert html.count("，按序对应") == 2 and "标“按序对应”者" in html
    write_briefing(store, "青岩镇", tmp_path / "b.docx")
    lines = [p.text for p in Document(str(tmp_path / "b.docx")).paragraphs]
    assert sum("按序对应）" in line or "按序对应，" in line for line in lines) == 2


TWO_PROBLEMS = """（一）村里调解纠纷仍靠老办法，调解员多凭经验办事。
（二）部分村民遇到矛盾先想到上访。
"""
TWO_PLANS = """（一）组织调解员参加调解技能培训，提高调解纠纷的水平。
（二）抓住赶集日办好“法律门诊”。
"""


def test_two_point_by_point_lists_link_the_unworded_pair_by_place(tmp_path):
    links = linked(tmp_path, "石湾镇", TWO_PROBLEMS, TWO_PLANS, sizes=(2, 2))
    assert (0, 0) in links and links[0, 0].method != BY_POSITION
    # 上访 and 法律门诊 share no word: the place links them, as a link to be checked.
    assert links[1, 1].method == BY_POSITION and links[1, 1].score < Thresholds().addresses_confirmed
    assert set(links) == {(0, 0), (1, 1)}


def test_no_link_by_place_alone_when_the_lists_differ_in_length(tmp_path):
    extra = TWO_PLANS + "（三）每季度评查一次调解卷宗。\n"
    links = linked(tmp_path, "石滩镇", TWO_PROBLEMS, extra, sizes=(2, 3))
    assert 1 not in {s for s, _ in links}


def test_no_link_by_place_alone_for_a_plan_that_speaks_of_another_problem(tmp_path):
    # The second plan works on mediators again, the first problem's object: it is no answer to 上访 by its place.
    plan_text = TWO_PLANS.replace("抓住赶集日办好“法律门诊”", "为调解员订阅法律书刊")
    links = linked(tmp_path, "石峡镇", TWO_PROBLEMS, plan_text, sizes=(2, 2))
    assert (0, 0) in links and (1, 1) not in links


def test_no_link_by_place_alone_when_most_problems_found_no_plan(tmp_path):
    problems = TWO_PROBLEMS + "（三）镇财政对法治工作的保障偏少。\n"
    plan_text = TWO_PLANS + "（三）筹建镇级法治文化长廊。\n"
    links = linked(tmp_path, "石岭镇", problems, plan_text, sizes=(3, 3))
    # One problem of three found its plan by its words: too little to read the lists as answering point by point.
    assert set(links) == {(0, 0)}


RUN_PROBLEMS = """（一）人民调解员年龄偏大，调解技能跟不上新类型纠纷。
（二）村级公共法律服务点偏少，群众咨询不便。
"""
RUN_PLANS = """（一）组织人民调解员参加调解技能轮训。
（二）从退休教师中选聘一批兼职人民调解员。
（三）在每个村设立公共法律服务点。
（四）开通镇级法律咨询热线，方便群众咨询。
"""


def test_each_problem_takes_the_run_of_plans_at_its_place(tmp_path):
    links = linked(tmp_path, "石桥镇", RUN_PROBLEMS, RUN_PLANS, sizes=(2, 4))
    # Two plans for each problem, in turn: the second of each run shares a word with its problem and is linked
    # though the first plan of the run scores far higher.
    assert set(links) == {(0, 0), (0, 1), (1, 2), (1, 3)}


def test_runs_are_not_read_when_a_problem_found_a_plan_outside_its_run():
    from kg.link.parallel import fill_runs, runs

    groups = runs([0, 1], [0, 1, 2, 3])
    assert groups == {0: (0, 1), 1: (2, 3)}
    evidence = {(0, 1), (1, 3)}
    # The first problem's words found the last plan: the plans do not come in runs, and nothing is added.
    assert fill_runs({0: [0, 3], 1: [2]}, groups, evidence) == ({0: [0, 3], 1: [2]}, set())
    # A problem without a plan: no runs either.
    assert fill_runs({0: [0], 1: []}, groups, evidence) == ({0: [0], 1: []}, set())
    assert fill_runs({0: [0], 1: [2]}, groups, evidence) == ({0: [0, 1], 1: [2, 3]}, {(0, 1), (1, 3)})
    assert runs([0, 1], [0, 1, 2]) == {} and runs([0, 1, 2], [0, 1, 2]) == {}


def test_a_plan_carrying_on_a_measure_is_linked_by_place_in_point_by_point_lists_on_a_shared_theme(tmp_path):
    # The clinic plan carries on this year's clinic measure, and shares only 经验, by chance, with the mediation
    # problem; it shares the people's-complaints field with the problem at its place, and answers it there.
    measure = "（三）办好赶集日“法律门诊”。全年坐诊24次。\n"
    plan_text = TWO_PLANS.replace("抓住赶集日办好“法律门诊”", "办好赶集日“法律门诊”，推广邻镇引导信访人依法维权的经验")
    links = linked(tmp_path, "石门镇", TWO_PROBLEMS, plan_text, measure, sizes=(2, 2))
    assert links[1, 1].method == BY_POSITION and (0, 1) not in links
