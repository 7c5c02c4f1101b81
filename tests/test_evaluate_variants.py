"""The layout-invariance harness: each layout really changes the text, and the reader scores the same in all of them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.evaluate.layouts import LAYOUTS, Layout
from kg.evaluate.variants import TOLERANCE, evaluate_variants
from kg.extract.report import extract_report
from kg.read import read_source

LAYOUTS_DIR = Path(__file__).parent / "fixtures" / "layouts"
STRUCTURE_FIELDS = ("sections", "measures", "shortcomings", "plans")


@pytest.fixture
def standard(tmp_path) -> Path:
    for name in ("standard.txt", "standard.json"):
        shutil.copy(LAYOUTS_DIR / name, tmp_path / name)
    return tmp_path


def test_at_least_twelve_layouts_each_changing_the_text_or_its_bytes():
    text = (LAYOUTS_DIR / "standard.txt").read_text("utf-8")
    gold = json.loads((LAYOUTS_DIR / "standard.json").read_text("utf-8"))
    changed = [layout.name for layout in LAYOUTS[1:]
               if layout.transform(text, gold)[0] != text or layout.encoding != "utf-8"]
    assert len(changed) == len(LAYOUTS) - 1 >= 12


def test_renumbering_moves_every_heading_into_the_new_family_and_the_gold_with_it():
    text = (LAYOUTS_DIR / "standard.txt").read_text("utf-8")
    gold = json.loads((LAYOUTS_DIR / "standard.json").read_text("utf-8"))
    layout = next(layout for layout in LAYOUTS if layout.name == "top-1.-items-(1)")
    varied, varied_gold = layout.transform(text, gold)
    assert "一、" not in varied and "（一）" not in varied
    assert "1.2023年度推进法治政府建设的主要举措和成效" in varied.split("\n")
    assert "①落实述法制度。班子成员年终述法全覆盖。" in varied.split("\n")  # the level below items
    assert [s["heading"] for s in varied_gold["sections"]] == ["1.2023年度推进法治政府建设的主要举措和成效",
                                                               "2.存在的问题", "3.下一步工作打算"]
    assert gold["sections"][0]["heading"].startswith("一、")  # the original gold is left as it was


def test_page_chrome_dates_the_page_after_the_year_of_work_instead_of_changing_that_year():
    # The reader takes a 成文日期 field as a clue to the year: a chrome date from another year would change a fact.
    text = (LAYOUTS_DIR / "standard.txt").read_text("utf-8")
    gold = json.loads((LAYOUTS_DIR / "standard.json").read_text("utf-8"))
    layout = next(layout for layout in LAYOUTS if layout.name == "web-chrome")
    for year in (2019, 2023):
        varied, _ = layout.transform(text, {**gold, "year": year})
        assert f"发文日期：{year + 1}-01-20" in varied.split("\n")


def test_every_layout_of_a_report_of_our_own_scores_as_the_report_itself(standard):
    result = evaluate_variants(standard, standard)
    assert result["errors"] == []
    assert set(result["layouts"]) == {layout.name for layout in LAYOUTS}
    # Every field, metrics too: the plans half of a combined section states no facts (每季度一次 is planned).
    assert {name: d for name, d in result["drops"].items() if d} == {}
    assert result["layouts"]["original"]["shortcomings"]["f1"] == 1.0
    # The title names the county, and the body names it too: only the merged section changes the gold.
    assert result["declared"] == {"combined-section": {"sections": 1}}


def test_the_command_prints_one_row_per_layout(standard):
    result = CliRunner().invoke(cli, ["eval", "--variants", str(standard), str(standard)])
    assert result.exit_code == 0, result.output
    table = result.stdout.split("\n\n")[0]  # the rows, then the notes after a blank line
    rows = [line.split()[0] for line in table.splitlines()[1:]]
    assert rows == [layout.name for layout in LAYOUTS]
    assert "layouts within it on every field:" in result.stdout
    assert "  combined-section: sections 1" in result.stdout.splitlines()  # the gold it changed, said aloud
    as_json = json.loads(CliRunner().invoke(cli, ["eval", "--variants", "--json", str(standard), str(standard)]).stdout)
    assert set(as_json["layouts"]) == set(rows)


@pytest.mark.shared
def test_structure_is_layout_invariant_on_a_sample_of_the_shared_gold(shared):
    result = evaluate_variants(shared / "gold" / "seeds", shared / "corpus" / "seeds", limit=2)
    assert result["errors"] == []
    below = {(name, field): drop for name, drops in result["drops"].items() for field, drop in drops.items()
             if field in STRUCTURE_FIELDS and drop > TOLERANCE}
    assert below == {}


def test_removing_the_title_that_alone_named_the_county_leaves_the_gold_county_null():
    layout = next(layout for layout in LAYOUTS if layout.name == "no-title")
    gold = {"county": "芦沟县", "township": "青檀镇", "sections": []}
    text, varied = layout.transform("芦沟县青檀镇2022年法治建设工作报告\n县委、县政府：\n青檀镇全年工作如下。\n", gold)
    assert "芦沟县" not in text and varied["county"] is None and gold["county"] == "芦沟县"
    _, kept = layout.transform("芦沟县青檀镇2022年法治建设工作报告\n中共芦沟县委：\n青檀镇全年工作如下。\n", gold)
    assert kept["county"] == "芦沟县"


def _layout(name: str):
    return next(layout for layout in LAYOUTS if layout.name == name)


# A report of our own with a table of contents and a heading whose number stands on a line of its own.
_CONTENTS_TEXT = """青柳镇2023年法治政府建设情况报告

目  录
一、主要工作
二、存在的问题
三、下一步打算

一、主要工作
（一）加强学法。镇党委中心组专题学法4次。
二、
存在的问题
（一）执法力量薄弱。
（二）宣传形式单一。
三、下一步打算
（一）充实执法力量。
"""
_CONTENTS_GOLD = {
    "sections": [{"kind": "measures", "heading": "一、主要工作"}, {"kind": "shortcomings", "heading": "二、存在的问题"},
                 {"kind": "plans", "heading": "三、下一步打算"}],
    "measures": [{"heading": "加强学法", "section": 0}],
    "shortcomings": ["执法力量薄弱", "宣传形式单一"], "plans": ["充实执法力量"],
}


def test_renumbering_takes_the_body_headings_not_the_contents_and_renumbers_both():
    varied, gold = _layout("top-1.-items-(1)").transform(_CONTENTS_TEXT, _CONTENTS_GOLD)
    lines = varied.split("\n")
    assert lines[3:6] == ["1.主要工作", "2.存在的问题", "3.下一步打算"]  # the contents, as the body now numbers it
    assert lines[7:9] == ["1.主要工作", "（1）加强学法。镇党委中心组专题学法4次。"]
    assert lines[9:11] == ["2.", "存在的问题"]  # the number stays on its own line
    assert [s["heading"] for s in gold["sections"]] == ["1.主要工作", "2.存在的问题", "3.下一步打算"]


def test_combining_merges_a_heading_split_over_two_lines_and_its_contents_entry():
    varied, gold = _layout("combined-section").transform(_CONTENTS_TEXT, _CONTENTS_GOLD)
    lines = varied.split("\n")
    assert lines[3:6] == ["一、主要工作", "二、存在的问题和下一步打算", ""]
    assert "存在的问题" not in lines and "三、下一步打算" not in lines
    assert lines[8:15] == ["二、存在的问题和下一步打算", "（一）存在的问题", "1.执法力量薄弱。", "2.宣传形式单一。",
                           "（二）下一步打算", "1.充实执法力量。", ""]
    assert [s["heading"] for s in gold["sections"]] == ["一、主要工作", "二、存在的问题和下一步打算"]


def test_combining_leaves_a_report_whose_headings_it_cannot_find_as_it_is():
    gold = {**_CONTENTS_GOLD, "sections": [*_CONTENTS_GOLD["sections"][:2], {"kind": "plans", "heading": "三、明年打算"}]}
    assert _layout("combined-section").transform(_CONTENTS_TEXT, gold) == (_CONTENTS_TEXT, gold)


def test_inlining_problems_keeps_sub_part_titles_and_the_plans_of_a_combined_section_on_their_lines():
    text = """柏溪乡2022年法治政府建设情况报告
一、主要工作
（一）加强学法。全年学法6次。
二、存在问题和下步打算
（一）客观方面
1.财力有限。
2.地域分散。
（二）主观方面
1.认识不到位。
（三）下步打算
1.加大投入。
"""
    gold = {"sections": [{"kind": "measures", "heading": "一、主要工作"},
                         {"kind": "shortcomings", "heading": "二、存在问题和下步打算"}],
            "measures": [{"heading": "加强学法", "section": 0}],
            "shortcomings": ["财力有限", "地域分散", "认识不到位"], "plans": ["加大投入"]}
    varied, _ = _layout("problems-inline").transform(text, gold)
    assert varied.split("\n")[4:] == ["（一）客观方面", "一是财力有限；二是地域分散。", "（二）主观方面", "一是认识不到位。",
                                      "（三）下步打算", "1.加大投入。", ""]


def test_removing_the_title_declares_null_or_drops_what_the_title_alone_named():
    text = "芦沟县青檀镇2022年度述职述法报告\n2022年，本人认真履行法治建设第一责任人职责。\n一、学习宪法和民法典\n"
    gold = {"county": "芦沟县", "township": "青檀镇", "sections": [], "laws": ["宪法", "民法典"],
            "campaigns": [["述法", "年终述法"], ["4·15全民国家安全教育日"]], "persons": [{"name": "周启明", "role": "镇长"}]}
    _, varied = _layout("no-title").transform(text, gold)
    assert varied["county"] is None and varied["township"] is None  # no reader could give them now
    assert varied["laws"] == ["宪法", "民法典"]  # the body names them too
    # 述法 stood in the title only; a spelling the text never had is kept, as is a person it never named
    assert varied["campaigns"] == [["4·15全民国家安全教育日"]]
    assert varied["persons"] == gold["persons"]
    _, kept = _layout("no-title").transform(text.replace("本人", "青檀镇镇长本人"), gold)
    assert kept["township"] == "青檀镇"
    _, bare = _layout("no-title").transform(text.replace("本人", "法治青檀建设中本人"), gold)
    assert bare["township"] == "青檀镇"  # the name without its suffix still names it


def test_a_line_below_a_measure_that_reads_like_a_later_plan_stays_at_its_own_level():
    text = ("苇塘镇2023年法治政府建设情况报告\n一、主要工作\n（一）创新普法形式\n1.开展主题普法。宣讲12场。\n"
            "2.推进精准普法。宣讲26场。\n二、存在的问题\n（一）普法针对性不强。\n三、下一步打算\n（一）推进精准普法。\n")
    gold = {"sections": [{"kind": "measures", "heading": "一、主要工作"}, {"kind": "shortcomings", "heading": "二、存在的问题"},
                         {"kind": "plans", "heading": "三、下一步打算"}],
            "measures": [{"heading": "创新普法形式", "section": 0}], "shortcomings": ["普法针对性不强"], "plans": ["推进精准普法"]}
    varied, _ = _layout("top-1.-items-(1)").transform(text, gold)
    assert varied.split("\n")[1:5] == ["1.主要工作", "（1）创新普法形式", "①开展主题普法。宣讲12场。", "②推进精准普法。宣讲26场。"]
    assert varied.split("\n")[-2] == "（1）推进精准普法。"


def test_traditional_keeps_the_simplified_spellings_of_a_campaign_beside_the_traditional_ones():
    gold = {"sections": [], "campaigns": [["扫黑除恶", "扫黑除恶常态化斗争"], ["枫桥经验"]], "laws": ["宪法"]}
    text, varied = _layout("traditional").transform("开展扫黑除恶常态化斗争，坚持发展新时代枫桥经验，学习宪法。", gold)
    assert "掃黑除惡常態化鬥爭" in text
    assert varied["campaigns"] == [["掃黑除惡", "掃黑除惡常態化鬥爭", "扫黑除恶", "扫黑除恶常态化斗争"], ["楓橋經驗", "枫桥经验"]]
    assert varied["laws"] == ["憲法"]  # quoted text is quoted as written
    assert gold["campaigns"][0] == ["扫黑除恶", "扫黑除恶常态化斗争"]


def test_misses_list_per_layout_only_what_the_original_does_not_miss(standard):
    # A layout of our own that drops the first problem: that problem is its one added miss.
    def drop_first_problem(text: str, gold: dict) -> tuple[str, dict]:
        return "\n".join(line for line in text.split("\n") if not line.startswith("（一）执法人员专业能力不足")), gold

    dropped = Layout("drop-first-problem", "the first problem left out", drop_first_problem)
    result = evaluate_variants(standard, standard, layouts=(LAYOUTS[0], LAYOUTS[1], dropped), misses=True)
    assert set(result["misses"]) == {"drop-first-problem"}  # the renumbered layout adds none
    added = result["misses"]["drop-first-problem"]["standard.txt"]
    assert added["shortcomings"]["missed"] == ["执法人员专业能力不足"]
    assert "shortcomings" in result["drops"]["drop-first-problem"]


def test_the_command_with_misses_says_when_no_layout_adds_one(standard):
    result = CliRunner().invoke(cli, ["eval", "--variants", "--misses", str(standard), str(standard)])
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith("no layout misses anything the original does not")


def test_a_miss_the_original_has_too_is_not_added_by_the_traditional_layout(standard):
    # The original misses whatever it misses in simplified spelling; the same miss in traditional is no new one.
    gold = json.loads((standard / "standard.json").read_text("utf-8"))
    gold["campaigns"] = [*gold.get("campaigns", []), ["无人提及的专项行动"]]
    (standard / "standard.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    traditional = next(layout for layout in LAYOUTS if layout.name == "traditional")
    result = evaluate_variants(standard, standard, layouts=(LAYOUTS[0], traditional), misses=True)
    assert result["layouts"]["original"]["campaigns"]["f1"] < 1.0  # the original misses it
    assert "campaigns" not in result["misses"].get("traditional", {}).get("standard.txt", {})


@pytest.mark.parametrize(("head", "kept"), [
    ("岚川县枫口镇文件\n枫口委发〔2024〕3号\n关于枫口镇2023年度法治政府建设情况的报告\n县委、县政府：\n",
     ["岚川县枫口镇文件", "枫口委发〔2024〕3号", "县委、县政府："]),
    ("首页 > 政务公开 > 法治政府建设年度报告\n枫口镇人民政府关于2023年度法治政府建设\n工作的报告\n",
     ["首页 > 政务公开 > 法治政府建设年度报告"]),
    ("岚川县枫口镇\n2023年法治政府建设情况报告\n", []),
    ("县委、县政府：\n", ["县委、县政府："]),  # no title: the page is left as it is
], ids=["under-issuer-and-number", "broken-after-jianshe", "broken-after-the-place", "addressee-only"])
def test_removing_the_title_takes_the_title_lines_and_nothing_above_them(head, kept):
    body = "2023年，枫口镇依法履职。\n一、主要工作\n（一）开展学法。全年4次。\n"
    gold = {"county": "岚川县", "township": "枫口镇", "sections": [{"kind": "measures", "heading": "一、主要工作"}],
            "measures": [{"heading": "开展学法", "section": 0}]}
    varied, _ = _layout("no-title").transform(head + body, gold)
    assert varied.split("\n")[: len(kept)] == kept
    assert varied.endswith(body) and len(varied.split("\n")) == len(kept) + len(body.split("\n"))


def test_traditional_gold_quotes_take_the_characters_the_converted_text_gives_them():
    # Conversion reads words in context: a line cut inside 复议 converts 复 alone, and the gold must say what
    # the converted text says, or a reader that reads the law right is scored wrong.
    from kg.evaluate.layouts import traditional
    text = "青禾镇2023年法治政府建设情况报告\n组织学习《中华人民共和国行政复\n议法》。\n"
    converted, gold = traditional(text, {"laws": ["中华人民共和国行政复议法"], "sections": []})
    start = converted.index("《") + 1
    assert gold["laws"] == [converted[start:converted.index("》")].replace("\n", "")]


# A page whose county only its chrome names (the site's name after the <title>'s separator, the breadcrumb), and whose
# document number only its 信息公开 fields state.
CHROME_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>石桥乡2024年法治政府建设情况报告-青岚县人民政府</title></head><body>
<div class="nav">首页 &gt; 青岚县 &gt; 乡镇动态</div>
<table class="info"><tr><td>发文字号：</td><td>石政发〔2025〕2号</td><td>发布日期：</td><td>2025-01-12</td></tr></table>
<div class="article">
<h1>石桥乡2024年法治政府建设情况报告</h1>
<p>2024年，石桥乡党委、政府坚持依法行政，现将有关情况报告如下：</p>
<p>一、主要举措和成效</p>
<p>（一）压实领导责任。乡党委专题研究法治工作4次。</p>
<p>（二）规范行政执法。全年办理行政处罚案件9件，无一被复议纠错。</p>
<p>二、存在的问题</p>
<p>（一）干部学法的主动性还不够强。</p>
<p>三、下一步工作打算</p>
<p>（一）健全学法制度，每季度组织一次集中学法。</p>
<p>石桥乡人民政府</p><p>2025年1月10日</p>
</div></body></html>
"""
CHROME_GOLD = {
    "file": "shiqiaoxiang_2024.html", "complete": False, "township": "石桥乡", "county": "青岚县", "year": 2024,
    "doc_number": "石政发〔2025〕2号",
    "sections": [{"kind": "measures", "heading": "一、主要举措和成效"}, {"kind": "shortcomings", "heading": "二、存在的问题"},
                 {"kind": "plans", "heading": "三、下一步工作打算"}],
}


def test_a_page_keeps_the_county_and_number_its_chrome_gives_in_every_layout(tmp_path):
    (tmp_path / "shiqiaoxiang_2024.html").write_text(CHROME_PAGE, "utf-8")
    (tmp_path / "shiqiaoxiang_2024.json").write_text(json.dumps(CHROME_GOLD, ensure_ascii=False), "utf-8")
    plain = json.loads(CliRunner().invoke(cli, ["eval", str(tmp_path), str(tmp_path), "--json"]).output)
    assert plain["micro"]["county"]["f1"] == 1.0
    result = evaluate_variants(tmp_path, tmp_path)
    assert result["errors"] == []
    for name, scores in result["layouts"].items():  # the original too: saved as text, the page keeps its chrome
        assert (name, scores["county"]["f1"], scores["township"]["f1"], scores["doc_number"]["f1"]) == (name, 1.0, 1.0, 1.0)
    assert "county" not in result["declared"].get("no-title", {})  # the page still names it without the title line


# A fictional report: headed measures over one-sentence problems and plans, under headings that name no kind.
_BRACKET_TEXT = """芦荡湾乡2024年法治建设工作报告

今年以来，芦荡湾乡在白沙县委、县政府的领导下推进依法行政，现将有关情况报告如下。

◆ 做了什么
1.抓学法。乡党委理论学习中心组专题学习行政复议法4次。
2.抓执法。全年开展联合执法检查26次，立案查处违法行为5起。

◆ 差在哪里
1.村级调解员年龄偏大，业务培训跟不上。
2.执法文书制作不够规范。

◆ 往哪里走
1.每年组织调解员集中培训两次。
2.开展执法案卷季度评查。

芦荡湾乡人民政府
2025年1月8日
"""
_BRACKET_GOLD = {
    "sections": [{"heading": "◆ 做了什么", "kind": "measures"}, {"heading": "◆ 差在哪里", "kind": "shortcomings"},
                 {"heading": "◆ 往哪里走", "kind": "plans"}],
    "measures": [{"heading": "抓学法", "section": 0}, {"heading": "抓执法", "section": 0}],
    "shortcomings": ["村级调解员年龄偏大，业务培训跟不上", "执法文书制作不够规范"],
    "plans": ["每年组织调解员集中培训两次", "开展执法案卷季度评查"],
}


def test_bracketed_items_set_headings_apart_and_leave_one_sentence_lists_numbered(tmp_path):
    layout = next(layout for layout in LAYOUTS if layout.name == "items-【】")
    varied, _ = layout.transform(_BRACKET_TEXT, _BRACKET_GOLD)
    assert "【抓学法】乡党委理论学习中心组" in varied and "1.抓学法" not in varied
    # the problems and plans have no headings: a bracket round a whole sentence would read as one more section heading
    assert "1.村级调解员年龄偏大，业务培训跟不上。" in varied and "【执法文书制作不够规范】" not in varied
    assert "1.每年组织调解员集中培训两次。" in varied
    # and the reader takes the varied text as it takes the original: same sections, same items
    readings = []
    for name, text in (("original.txt", _BRACKET_TEXT), ("varied.txt", varied)):
        (tmp_path / name).write_text(text, "utf-8")
        rep = extract_report(read_source(tmp_path / name))
        readings.append(([(s.heading.strip("◆ "), s.kind) for s in rep.sections],
                         [[item.text for item in rep.items(kind)] for kind in ("measure", "shortcoming", "plan")]))
    assert readings[0] == readings[1]
    assert [kind for _, kind in readings[1][0]] == ["measures", "shortcomings", "plans"]


def test_problems_inline_joins_a_list_keeps_its_parting_blank_and_leaves_lone_problems_with_their_remedies():
    layout = next(layout for layout in LAYOUTS if layout.name == "problems-inline")
    listed = _BRACKET_TEXT
    varied, _ = layout.transform(listed, _BRACKET_GOLD)
    assert "一是村级调解员年龄偏大，业务培训跟不上；二是执法文书制作不够规范。\n\n◆ 往哪里走" in varied
    paired = listed.replace("1.村级调解员年龄偏大，业务培训跟不上。\n2.执法文书制作不够规范。\n",
                            "1.村级调解员年龄偏大，业务培训跟不上。\n→ 集中培训调解员\n2.执法文书制作不够规范。\n→ 评查执法案卷\n")
    varied, _ = layout.transform(paired, _BRACKET_GOLD)
    # one problem before each remedy is no list: 一是… 一是… would be written by no one
    assert "一是" not in varied and "1.村级调解员年龄偏大" in varied and "2.执法文书制作不够规范" in varied
