"""Scoring rules of `kg eval` on small hand-made gold and reports: what counts as a match, and what it costs."""

from __future__ import annotations

import json
from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import GoldError
from kg.evaluate import evaluate, format_tables
from kg.evaluate.chains import score_chains
from kg.evaluate.match import assign, match_texts, similarity, texts_match
from kg.evaluate.run import drop_unannotated, summarize
from kg.evaluate.score import Count, FileScore, score_links, score_report
from kg.model import Campaign, Evidence, Header, Item, Link, Metric, Person, Report, Section
from kg.read import make_source

EV = Evidence(source="t.txt", start=0, end=1, sentence="")


def item(kind: str, text: str, ordinal: int, section: int = 0) -> Item:
    return Item(kind=kind, text=text, section=section, ordinal=ordinal, evidence=EV, body_start=0, body_end=1)


def report(text: str = "正文", name: str = "t.txt", header: Header | None = None, **fields) -> Report:
    items = {
        kind: tuple(item(kind[:-1], t, i) for i, t in enumerate(fields.pop(kind, ())))
        for kind in ("measures", "shortcomings", "plans")
    }
    sections = tuple(
        Section(index=i, kind=k, heading=h, evidence=EV, start=0, end=1, parse="numbered")
        for i, (k, h) in enumerate(fields.pop("sections", ()))
    )
    header = header or Header(township="青石镇", county="南山县", year=2023)
    return Report(source=make_source(name, text, "utf-8"), header=header, sections=sections, **items, **fields)


def gold(**fields) -> dict:
    base = {"file": "t.txt", "complete": True, "township": "青石镇", "county": "南山县", "year": 2023,
            "doc_number": None, "sections": [], "measures": [], "laws": [], "documents": [], "campaigns": [],
            "metrics": [], "persons": [], "shortcomings": [], "plans": [], "links": []}
    return {**base, **fields}


def counts(g: dict, r: Report | None, name: str) -> tuple[int, int, int]:
    c = score_report(g, r)[0][name]
    return c.tp, c.fp, c.fn


# --- the text rule --------------------------------------------------------------------------------

def test_jaccard_of_exactly_one_half_matches_and_just_below_does_not():
    assert similarity("法治宣传教育", "法治宣传培训") == 0.5
    assert texts_match("法治宣传教育", "法治宣传培训")
    assert similarity("法治宣传教育活动", "法治宣传培训") == pytest.approx(0.4)
    assert not texts_match("法治宣传教育活动", "法治宣传培训")


def test_punctuation_spaces_and_width_are_ignored():
    assert similarity("加强组织领导。", "加 强，组织领导") == 1.0
    assert similarity("“一村一法律顾问”", '"一村一法律顾问"') == 1.0


def test_containment_matches_however_long_the_other_text():
    long_text = "加强组织领导，压实主体责任，确保各项工作落到实处，切实把法治建设摆上重要议事日程"
    assert similarity("加强组织领导", long_text) == 1.0
    assert counts(gold(measures=[{"heading": "加强组织领导", "section": 0}]),
                  report(measures=[long_text]), "measures") == (1, 0, 0)


def test_each_gold_item_matches_at_most_one_extracted_item():
    g = gold(plans=["加大普法宣传力度"])
    assert counts(g, report(plans=["加大普法宣传力度", "加大普法宣传力度"]), "plans") == (1, 1, 0)
    g = gold(plans=["加大普法宣传力度", "加大普法宣传力度"])
    assert counts(g, report(plans=["加大普法宣传力度"]), "plans") == (1, 0, 1)


def test_matching_finds_the_most_pairs_where_best_first_would_not():
    # Gold 0 matches both extracted items and prefers 0; gold 1 matches only extracted 0.
    gold_texts = ["执法培训", "执法人员培训"]
    found = ["执法培训", "开展执法培训考核"]
    assert texts_match(gold_texts[1], found[0]) and not texts_match(gold_texts[1], found[1])
    assert match_texts(gold_texts, found) == {0: 1, 1: 0}
    assert assign(2, 3, {(0, 0): 1.0, (0, 2): 0.6, (1, 0): 0.7}) == {0: 2, 1: 0}


def test_sections_match_on_kind_as_well_as_heading():
    g = gold(sections=[{"kind": "shortcomings", "heading": "三、存在的问题"}])
    assert counts(g, report(sections=[("shortcomings", "三、存在的问题和不足")]), "sections") == (1, 0, 0)
    assert counts(g, report(sections=[("plans", "三、存在的问题和不足")]), "sections") == (0, 1, 1)


def test_a_section_without_a_heading_is_neither_found_nor_missed():
    # The gold lists headed sections only; work told before any heading (or in a report with none) is read as a
    # section without one, which the gold cannot list.
    g = gold(sections=[{"kind": "shortcomings", "heading": "存在的不足"}])
    found = report(sections=[("measures", ""), ("shortcomings", "存在的不足")])
    assert counts(g, found, "sections") == (1, 0, 0)
    assert counts(gold(sections=[]), report(sections=[("measures", "")]), "sections") == (0, 0, 0)


def test_persons_match_on_name_whatever_the_role_and_a_name_is_one_person():
    g = gold(persons=[{"name": "张翼", "role": "领导小组组长"}])
    found = (Person(name="张翼", role="组长", evidence=EV), Person(name="李明", role="法律顾问", evidence=EV),
             Person(name="张翼", role="领导小组组长", evidence=EV))
    assert counts(g, report(persons=found), "persons") == (1, 1, 0)


# --- exact fields ---------------------------------------------------------------------------------

def test_laws_match_on_exact_normalized_name_and_repeats_are_one_node():
    from kg.model import Law

    g = gold(laws=["民法典", "行政处罚法"])
    found = tuple(Law(name=n, evidence=EV) for n in ("民法典", "《民法典》", "行政复议法"))
    assert counts(g, report(laws=found), "laws") == (1, 1, 1)


def test_a_campaign_matches_any_accepted_spelling_by_name_or_surface():
    day = ["4·15全民国家安全教育日", "全民国家安全教育日", "4.15"]
    g = gold(campaigns=[day, ["枫桥经验", "新时代枫桥经验"]])
    found = (
        Campaign(name="全民国家安全教育日", surface="4·15全民国家安全教育日", evidence=EV),
        Campaign(name="全民国家安全教育日", surface="4.15", evidence=EV),  # the same node again
        Campaign(name="群众路线", surface="新时代枫桥经验", evidence=EV),  # canonical name off, surface right
        Campaign(name="一岗双责", surface="一岗双责", evidence=EV),
    )
    assert counts(g, report(campaigns=found), "campaigns") == (2, 1, 0)


def test_one_extracted_campaign_cannot_satisfy_two_gold_nodes():
    g = gold(campaigns=[["宪法宣传周"], ["宪法宣传周活动", "宪法宣传周"]])
    found = (Campaign(name="宪法宣传周", surface="宪法宣传周", evidence=EV),)
    assert counts(g, report(campaigns=found), "campaigns") == (1, 0, 1)


def metric(indicator, value, unit):
    return Metric(indicator=indicator, value=value, unit=unit, approx=False, evidence=EV)


@pytest.mark.parametrize("found, expected", [
    (metric("发放宣传资料", 25000, "份"), (1, 0, 0)),
    (metric("发放各类宣传资料", 25000.0, "份"), (1, 0, 0)),
    (metric("发放宣传资料", 2500, "份"), (0, 1, 1)),
    (metric("发放宣传资料", 25000, "张"), (0, 1, 1)),
    (metric("接受群众咨询", 25000, "份"), (0, 1, 1)),
])
def test_metrics_need_value_unit_and_an_overlapping_indicator(found, expected):
    g = gold(metrics=[{"indicator": "发放宣传资料", "value": 25000, "unit": "份", "approx": True}])
    assert counts(g, report(metrics=(found,)), "metrics") == expected


def test_percent_is_a_unit_not_punctuation():
    g = gold(metrics=[{"indicator": "行政复议纠错率", "value": 100, "unit": "%", "approx": False}])
    assert counts(g, report(metrics=(metric("行政复议纠错率", 100, "%"),)), "metrics") == (1, 0, 0)
    assert counts(g, report(metrics=(metric("行政复议纠错率", 100, "个"),)), "metrics") == (0, 1, 1)


def test_a_unit_is_one_word_in_either_script():
    # a traditional report's gold writes the classifier as the text does; the reader gives it in simplified script
    g = gold(metrics=[{"indicator": "依申請公開事項", "value": 2, "unit": "項", "approx": False}])
    assert counts(g, report(metrics=(metric("依申請公開事項", 2, "项"),)), "metrics") == (1, 0, 0)
    assert counts(g, report(metrics=(metric("依申請公開事項", 2, "件"),)), "metrics") == (0, 1, 1)


# --- header ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("want, got, expected", [
    (None, None, (1, 0, 0)),
    ("南山县", "南山县", (1, 0, 0)),
    ("南山县", None, (0, 0, 1)),
    (None, "南山县", (0, 1, 0)),
    ("南山县", "北山县", (0, 1, 1)),
])
def test_header_fields_score_nulls_as_values(want, got, expected):
    r = report(header=Header(township="青石镇", county=got, year=2023))
    assert counts(gold(county=want), r, "county") == expected


def test_doc_number_brackets_compare_across_widths():
    r = report(header=Header(township="青石镇", county="南山县", year=2023, doc_number="青委文[2024]9号"))
    assert counts(gold(doc_number="青委文〔2024〕9号"), r, "doc_number") == (1, 0, 0)


def test_a_failed_extraction_misses_every_gold_entry():
    g = gold(shortcomings=["执法力量不足", "群众法律意识不强"], doc_number=None)
    assert counts(g, None, "shortcomings") == (0, 0, 2)
    assert counts(g, None, "doc_number") == (0, 0, 1)


# --- links ----------------------------------------------------------------------------------------

def addresses(plan: int, shortcoming: int) -> Link:
    return Link(kind="addresses", source_report="r", source_kind="plan", source_ordinal=plan,
                target_report="r", target_kind="shortcoming", target_ordinal=shortcoming, score=1.0, method="t")


def test_links_are_pairs_mapped_through_the_item_matches():
    g = gold(shortcomings=["执法人员专业能力不足", "群众法律意识淡薄"], plans=["加强执法队伍培训", "深化普法宣传"],
             links=[{"shortcoming": 0, "plans": [0]}, {"shortcoming": 1, "plans": [1]}])
    # Extracted in another order: the positions differ, the pairs must still meet.
    r = report(shortcomings=["群众法律意识淡薄", "执法人员专业能力不足"], plans=["深化普法宣传", "加强执法队伍培训"],
               links=(addresses(1, 1), addresses(1, 0)))
    c = score_links(g, r, score_report(g, r)[1])
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)


def test_a_gold_link_whose_plan_was_not_extracted_is_missed():
    g = gold(shortcomings=["执法人员专业能力不足"], plans=["加强执法队伍培训"],
             links=[{"shortcoming": 0, "plans": [0]}])
    r = report(shortcomings=["执法人员专业能力不足"], plans=[])
    c = score_links(g, r, score_report(g, r)[1])
    assert (c.tp, c.fp, c.fn) == (0, 0, 1)


# --- reports cut short ----------------------------------------------------------------------------

def test_a_cut_short_report_is_not_blamed_for_sections_its_text_lacks():
    sections = [{"kind": "measures", "heading": "一、主要工作"}, {"kind": "plans", "heading": "三、下一步打算"}]
    r = report(text="一、主要工作\n（一）加强组织领导", sections=[("measures", "一、主要工作")])
    assert counts(gold(sections=sections, complete=False), r, "sections") == (1, 0, 0)
    assert counts(gold(sections=sections, complete=True), r, "sections") == (1, 0, 1)


def test_a_field_a_cut_short_gold_leaves_out_is_not_scored():
    g = gold(complete=False, shortcomings=["执法人员专业能力不足"])
    del g["plans"], g["links"]
    c, _ = score_report(g, report(plans=["加大普法宣传"]))
    drop_unannotated(g, c)
    assert "plans" not in c and "links" not in c and "shortcomings" in c


def test_an_opening_whose_gold_lists_no_items_is_scored_on_header_and_sections_only():
    # A web page cut short is annotated for its header and sections; its empty item lists say only that
    # the cut came first, so items the reader finds in what is left are not false positives.
    g = gold(complete=False)
    c, _ = score_report(g, report(plans=["加大普法宣传"]))
    drop_unannotated(g, c)
    assert {"township", "county", "year", "sections"} <= set(c)
    assert not {"plans", "measures", "shortcomings", "laws", "persons"} & set(c)


# --- cross-year chains ----------------------------------------------------------------------------

def chain_files(cross_links_ok=True):
    old_gold = gold(file="a.txt", year=2022, shortcomings=["执法人员专业能力不足", "调解队伍专业化程度不高"],
                    plans=["加强执法队伍培训"], links=[{"shortcoming": 0, "plans": [0]}, {"shortcoming": 1, "plans": []}])
    new_gold = gold(file="b.txt", year=2023, measures=[{"heading": "组织执法人员参加资格考试", "section": 0}],
                    shortcomings=["村级调解队伍后继乏人"])
    old = report(name="a.txt", header=Header(township="青石镇", year=2022), shortcomings=old_gold["shortcomings"],
                 plans=old_gold["plans"], links=(addresses(0, 0),))
    new = report(name="b.txt", header=Header(township="青石镇", year=2023 if cross_links_ok else 2025),
                 measures=["组织执法人员参加资格考试"], shortcomings=["村级调解队伍后继乏人"])
    files = []
    for g, r in ((old_gold, old), (new_gold, new)):
        files.append(FileScore(g["file"], g, r, score_report(g, r)[1]))
    return files


CHAINS = [
    {"township": "青石镇", "year": 2022, "shortcoming": "执法人员专业能力不足", "plans": ["加强执法队伍培训"],
     "followed_up_by": ["组织执法人员参加资格考试"], "recurs_as": None},
    {"township": "青石镇", "year": 2022, "shortcoming": "调解队伍专业化程度不高", "plans": [],
     "followed_up_by": [], "recurs_as": "村级调解队伍后继乏人"},
]


def cross_year(prev: Report, nxt: Report) -> tuple[Link, ...]:
    follows = Link(kind="follows_up", source_report=nxt.key, source_kind="measure", source_ordinal=0,
                   target_report=prev.key, target_kind="plan", target_ordinal=0, score=1.0, method="t")
    wrong = Link(kind="recurs", source_report=nxt.key, source_kind="shortcoming", source_ordinal=0,
                 target_report=prev.key, target_kind="shortcoming", target_ordinal=0, score=1.0, method="t")
    return (follows, wrong)


def test_follow_up_goes_through_the_plan_that_addresses_the_shortcoming():
    errors = []
    scores = score_chains(CHAINS, chain_files(), cross_year, "chains.json", errors)
    follow, recur = scores["a.txt"]["follow_up"], scores["a.txt"]["recurrence"]
    assert (follow.tp, follow.fp, follow.fn) == (1, 0, 0)
    assert (recur.tp, recur.fp, recur.fn) == (0, 1, 1)  # recurs named the wrong earlier shortcoming
    assert errors == [] and "b.txt" not in scores


def test_reports_are_paired_by_their_own_headers():
    scores = score_chains(CHAINS, chain_files(cross_links_ok=False), cross_year, "chains.json", [])
    follow = scores["a.txt"]["follow_up"]
    assert (follow.tp, follow.fp, follow.fn) == (0, 0, 1)


def test_a_chain_naming_text_outside_the_gold_is_a_gold_error():
    bad = [dict(CHAINS[0], shortcoming="完全不同的一句话")]
    with pytest.raises(GoldError, match="chains.json"):
        score_chains(bad, chain_files(), cross_year, "chains.json", [])


# --- the folder ------------------------------------------------------------------------------------

def test_nothing_to_find_and_nothing_found_is_perfect():
    assert Count().scores()["f1"] == 1.0
    assert Count(fn=3).scores()["f1"] == 0.0


def test_a_gold_file_without_its_report_is_an_error_and_all_misses(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "reports").mkdir()
    (tmp_path / "gold" / "x.json").write_text(json.dumps(gold(file="x.txt", plans=["加大普法宣传"])), "utf-8")
    result = evaluate(tmp_path / "gold", tmp_path / "reports")
    assert result["errors"] and "x.txt" in result["errors"][0]
    assert result["micro"]["plans"]["fn"] == 1 and result["micro"]["township"]["fn"] == 1
    table = format_tables(result)
    assert "plans" in table and "could not be scored" in table


def test_malformed_gold_names_the_file(tmp_path):
    (tmp_path / "bad.json").write_text("{not json", "utf-8")
    with pytest.raises(GoldError, match="bad.json"):
        evaluate(tmp_path, tmp_path)
    (tmp_path / "bad.json").write_text(json.dumps({"file": "bad.txt", "township": "青石镇"}), "utf-8")
    with pytest.raises(GoldError, match="bad.json: missing"):
        evaluate(tmp_path, tmp_path)


def test_an_empty_gold_folder_is_an_error(tmp_path):
    with pytest.raises(GoldError, match="no gold"):
        evaluate(tmp_path, tmp_path)


def test_a_skipped_field_says_why_in_json_and_table():
    result = summarize({"a.txt": {"plans": Count(tp=1)}}, {"links": "not scored: no linker"}, [], ["links: why"])
    assert result["micro"]["links"]["f1"] is None and result["micro"]["links"]["skipped"]
    assert result["micro"]["plans"]["f1"] == 1.0
    assert "not scored: no linker" in format_tables(result)


# --- the assignment is a maximum matching ---------------------------------------------------------

def brute_force_size(n_rows: int, n_cols: int, edges) -> int:
    if n_rows > n_cols:
        return brute_force_size(n_cols, n_rows, {(j, i) for i, j in edges})
    return max(sum((i, cols[i]) in edges for i in range(n_rows)) for cols in permutations(range(n_cols), n_rows))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.data())
def test_assign_pairs_along_edges_only_once_and_as_many_as_possible(n_rows, n_cols, data):
    cells = [(i, j) for i in range(n_rows) for j in range(n_cols)]
    chosen = data.draw(st.lists(st.sampled_from(cells), unique=True))
    weights = data.draw(st.lists(st.floats(0.5, 1.0), min_size=len(chosen), max_size=len(chosen)))
    edges = dict(zip(chosen, weights))
    pairs = assign(n_rows, n_cols, edges)
    assert all(pair in edges for pair in pairs.items())
    assert len(set(pairs.values())) == len(pairs)
    assert len(pairs) == brute_force_size(n_rows, n_cols, set(edges))
