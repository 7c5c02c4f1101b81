"""`kg trace`: a table per shortcoming with its marks and evidence, and one-line errors."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "link"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_trace_prints_plans_follow_up_and_recurrence():
    result = CliRunner().invoke(cli, ["trace", "--township", "松岭镇", str(FIXTURES)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("标记：有计划＝")  # the legend comes first, in Chinese
    assert "[有计划·已落实·再现] 松岭镇 2022 问题1：执法人员专业能力不足" in out
    assert "→ 2023年落实：提升综合执法能力  (0.66;" in out  # each link with its score
    assert "↻ 2023年再现：持证执法人员仍然偏少" in out
    assert "[无计划·未落实] 松岭镇 2022 问题3" in out
    assert "[有计划·次年未收录] 松岭镇 2023 问题1" in out  # 2023 has no 2024 report
    assert "未提供下一年度报告" in out
    assert "合计：问题 5 个，已列入计划 4 个" in out


def test_planned_without_follow_up_and_weak_links_have_their_own_tags():
    result = CliRunner().invoke(cli, ["trace", "--township", "云岫镇", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    # planned, next year's report shows no follow-through; and its recurrence scores under the confirmation line
    assert "[有计划·未落实·再现待核实] 云岫镇 2023 问题4" in result.output
    assert "待核实;" in result.output and "再次出现 0 个（另有 1 个待核实）" in result.output


def test_trace_year_limits_the_rows():
    result = CliRunner().invoke(cli, ["trace", "--township", "松岭镇", "--year", "2023", str(FIXTURES)])
    assert result.exit_code == 0, result.output
    assert "2022 问题" not in result.output and "2023 问题1" in result.output


def test_unknown_township_and_bad_threshold_fail_with_one_line():
    runner = CliRunner()
    result = runner.invoke(cli, ["trace", "--township", "白云镇", str(FIXTURES)])
    assert result.exit_code == 1 and "no report of 白云镇" in result.output
    # a bad option is a usage error (2), like click's own, not a bad input file (1)
    result = runner.invoke(cli, ["trace", "--township", "松岭镇", "--threshold", "x=1", str(FIXTURES)])
    assert result.exit_code == 2 and "unknown threshold" in result.output


def test_trace_reads_the_store_when_given_no_files(cli_store_dir):
    runner = CliRunner()
    from_store = runner.invoke(cli, ["trace", "--township", "澜桥街道", "--store", cli_store_dir])
    assert from_store.exit_code == 0, from_store.output
    from_files = runner.invoke(cli, ["trace", "--township", "澜桥街道", str(EXAMPLES / "lanqiao_2023.txt"),
                                     str(EXAMPLES / "lanqiao_2024.txt")])
    assert from_files.exit_code == 0, from_files.output
    assert from_store.output == from_files.output
    assert "2023 问题1" in from_store.output and "2024年落实" in from_store.output


def test_trace_of_a_township_not_in_the_store_says_so(cli_store_dir):
    result = CliRunner().invoke(cli, ["trace", "--township", "白云镇", "--store", cli_store_dir])
    assert result.exit_code == 1
    assert "no report of 白云镇 is in the store" in result.output


def test_trace_from_the_store_works_from_another_directory(tmp_path, monkeypatch):
    import shutil

    loaded_from = tmp_path / "office"
    (loaded_from / "reports").mkdir(parents=True)
    for name in ("lanqiao_2023.txt", "lanqiao_2024.txt"):
        shutil.copy(EXAMPLES / name, loaded_from / "reports" / name)
    store = str(tmp_path / "store")
    monkeypatch.chdir(loaded_from)
    runner = CliRunner()
    loaded = runner.invoke(cli, ["load", "reports", "--store", store, "--jobs", "1"])
    assert loaded.exit_code == 0, loaded.output
    monkeypatch.chdir(tmp_path)  # where the relative path reports/… no longer exists
    result = runner.invoke(cli, ["trace", "--township", "澜桥街道", "--store", store])
    assert result.exit_code == 0, result.output
    assert "2023 问题1" in result.output and "2024年落实" in result.output


def test_trace_from_the_store_names_a_file_changed_since_its_load_and_leaves_it_out(tmp_path, monkeypatch):
    import shutil

    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("lanqiao_2023.txt", "lanqiao_2024.txt"):
        shutil.copy(EXAMPLES / name, reports / name)
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(cli, ["load", str(reports), "--store", store, "--jobs", "1"]).exit_code == 0
    edited = reports / "lanqiao_2024.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("2024年", "2025年"), encoding="utf-8")
    result = runner.invoke(cli, ["trace", "--township", "澜桥街道", "--store", store])
    assert result.exit_code == 1
    assert f"kg: error: {edited}: changed since it was loaded" in result.stderr
    assert "2023 问题1" in result.stdout and "2024年落实" not in result.stdout  # the 2023 report alone
