"""`kg trace`: a table per shortcoming with its marks and evidence, and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "link"

# The command reads files through the whole extraction pipeline.
pytest.importorskip("kg.extract.campaigns", reason="the pipeline's entity extractors are not in the tree yet")


def test_trace_prints_plans_follow_up_and_recurrence():
    result = CliRunner().invoke(cli, ["trace", "--township", "松岭镇", str(FIXTURES)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "[✓→↻] 松岭镇 2022 问题1：执法人员专业能力不足" in out
    assert "→ 2023年落实：提升综合执法能力" in out
    assert "↻ 2023年再现：持证执法人员仍然偏少" in out
    assert "[✗] 松岭镇 2022 问题3" in out
    assert "未提供下一年度报告" in out  # 2023 has no 2024 report


def test_trace_year_limits_the_rows():
    result = CliRunner().invoke(cli, ["trace", "--township", "松岭镇", "--year", "2023", str(FIXTURES)])
    assert result.exit_code == 0, result.output
    assert "2022 问题" not in result.output and "2023 问题1" in result.output


def test_unknown_township_and_bad_threshold_fail_with_one_line():
    runner = CliRunner()
    result = runner.invoke(cli, ["trace", "--township", "白云镇", str(FIXTURES)])
    assert result.exit_code == 1 and "no report of 白云镇" in result.output
    result = runner.invoke(cli, ["trace", "--township", "松岭镇", "--threshold", "x=1", str(FIXTURES)])
    assert result.exit_code == 1 and "unknown threshold" in result.output


def test_trace_without_paths_says_what_to_give():
    result = CliRunner().invoke(cli, ["trace", "--township", "松岭镇"])
    assert result.exit_code == 2 and "report files" in result.output
