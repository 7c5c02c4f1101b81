"""`kg eval GOLD_DIR REPORTS_DIR`: the tables, the JSON object, and the acceptance floors on the shared gold."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli

ITEM_FLOORS = {  # the extraction issue: header facts, sections, items and lexicon entities
    "township": 1.0, "county": 1.0, "year": 1.0, "doc_number": 1.0,
    "sections": 0.95, "shortcomings": 0.95, "plans": 0.95, "laws": 0.95,
    "measures": 0.90, "documents": 0.90, "persons": 0.90, "metrics": 0.90,
    "campaigns": 0.85,
}


def run_eval(gold_dir, reports_dir, *options):
    return CliRunner().invoke(cli, ["eval", str(gold_dir), str(reports_dir), *options])


def run_json(gold_dir, reports_dir) -> dict:
    result = run_eval(gold_dir, reports_dir, "--json")
    assert result.stdout.lstrip().startswith("{"), result.output
    return json.loads(result.stdout)


def below(micro: dict, floors: dict) -> dict:
    """Fields under their floor, with the score they reached (None: not scored at all)."""
    return {f: (micro.get(f) or {}).get("f1") for f, floor in floors.items()
            if (micro.get(f) or {}).get("f1") is None or micro[f]["f1"] < floor}


def test_eval_has_help():
    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert result.exit_code == 0 and "F1" in result.output


def test_a_missing_report_exits_1_naming_it_and_scores_it_as_missed(tmp_path):
    gold = {"file": "z.txt", "complete": True, "township": "青石镇", "county": None, "year": 2023,
            "doc_number": None, "sections": [], "measures": [], "laws": ["民法典"], "documents": [],
            "campaigns": [], "metrics": [], "persons": [], "shortcomings": [], "plans": [], "links": []}
    (tmp_path / "z.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    result = run_eval(tmp_path, tmp_path)
    assert result.exit_code == 1
    assert "z.txt" in result.stderr and "kg: error:" in result.stderr
    assert "laws" in result.stdout and "F1 by file" in result.stdout
    data = run_json(tmp_path, tmp_path)
    assert data["micro"]["laws"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1}
    assert set(data) >= {"micro", "files", "errors"} and list(data["files"]) == ["z.txt"]


def test_bad_gold_is_a_one_line_error(tmp_path):
    (tmp_path / "x.json").write_text("[1, 2]", "utf-8")
    result = run_eval(tmp_path, tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: ") and "x.json" in result.stderr and "Traceback" not in result.output


@pytest.mark.shared
def test_seed_json_has_every_gold_field_per_file(shared):
    data = run_json(shared / "gold" / "seeds", shared / "corpus" / "seeds")
    names = sorted(p.name for p in (shared / "corpus" / "seeds").glob("*.txt"))
    assert sorted(data["files"]) == names
    for field in ITEM_FLOORS:
        assert field in data["micro"], field
    assert "links" in data["micro"]


@pytest.mark.shared
@pytest.mark.parametrize("folder", ["seeds", "chains"])
def test_extraction_meets_its_floors(shared, folder):
    data = run_json(shared / "gold" / folder, shared / "corpus" / folder)
    assert data["errors"] == []
    assert below(data["micro"], ITEM_FLOORS) == {}


@pytest.mark.shared
def test_within_report_links_meet_their_floor(shared):
    data = run_json(shared / "gold" / "seeds", shared / "corpus" / "seeds")
    assert below(data["micro"], {"links": 0.85}) == {}


@pytest.mark.shared
def test_cross_year_chains_meet_their_floors(shared):
    data = run_json(shared / "gold" / "chains", shared / "corpus" / "chains")
    assert below(data["micro"], {"follow_up": 0.80, "recurrence": 0.80}) == {}


MISSES_REPORT = """青石县白沙镇2023年法治政府建设情况报告
一、主要工作
（一）健全学法制度。全年集中学法12次。
（二）规范行政执法。执法人员均持证上岗。
二、存在的问题
（一）执法力量薄弱。
（二）群众法治意识不强。
三、下一步打算
（一）充实执法队伍。
白沙镇人民政府
2024年1月5日
"""


def test_misses_list_each_missed_gold_item_and_each_unmatched_extracted_item(tmp_path):
    (tmp_path / "baisha.txt").write_text(MISSES_REPORT, "utf-8")
    gold = {"file": "baisha.txt", "complete": True, "township": "白沙镇", "county": "青石县", "year": 2023,
            "doc_number": None,
            "sections": [{"kind": "measures", "heading": "一、主要工作"},
                         {"kind": "shortcomings", "heading": "二、存在的问题"},
                         {"kind": "plans", "heading": "三、下一步打算"}],
            "measures": [{"heading": "健全学法制度", "section": 0}, {"heading": "规范行政执法", "section": 0}],
            "laws": [], "documents": [], "campaigns": [], "metrics": [], "persons": [],
            "shortcomings": ["执法力量薄弱", "村级调解组织作用发挥不够"], "plans": ["充实执法队伍"], "links": []}
    (tmp_path / "baisha.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    result = run_eval(tmp_path, tmp_path, "--misses")
    assert result.exit_code == 0, result.output
    misses = result.stdout.split("misses (")[1]
    block = misses.split("shortcomings")[1]
    assert "- 村级调解组织作用发挥不够" in block and "+ 群众法治意识不强" in block
    assert "执法力量薄弱" not in misses and "measures" not in misses
    data = json.loads(run_eval(tmp_path, tmp_path, "--misses", "--json").stdout)
    assert data["misses"]["baisha.txt"]["shortcomings"] == {
        "missed": ["村级调解组织作用发挥不够"], "unmatched": ["群众法治意识不强"]}
