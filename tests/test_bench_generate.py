"""bench/generate.py: deterministic synthetic reports shaped like the samples, with townships followed across years."""

from __future__ import annotations

import statistics
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import bench_generator

from kg.structure import outline as structure
from kg.read import iter_report_paths, read_source

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generate():
    return bench_generator()


def _outlines(folder: Path):
    return {p.name: structure.parse(read_source(p)) for p in iter_report_paths([folder])}


def test_same_seed_same_files_and_a_smaller_corpus_is_a_prefix(generate, tmp_path):
    big = generate.generate(tmp_path / "a", 60, seed=5)
    again = generate.generate(tmp_path / "b", 60, seed=5)
    small = generate.generate(tmp_path / "c", 20, seed=5)
    other = generate.generate(tmp_path / "d", 20, seed=6)
    assert [p.read_bytes() for p in big] == [p.read_bytes() for p in again]
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in big[:20]]
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in small]


def test_the_parser_reads_each_report_as_the_generator_meant_it(generate, tmp_path):
    plans = {f"r{p.index:06d}_{p.year}.txt": p for p in generate.plans(120, 9, 3)}
    generate.generate(tmp_path, 120, seed=9)
    outlines = _outlines(tmp_path)
    assert len(outlines) == 120
    for name, outline in outlines.items():
        plan = plans[name]
        assert (outline.header.township, outline.header.year) == (plan.township, plan.year), name
        # Some titles leave the county out, as offices do; `kg load` then infers it from the other years.
        assert outline.header.county in (plan.county, None), name
        assert not outline.warnings, (name, outline.warnings)


def test_items_per_report_match_the_samples(generate, tmp_path):
    generate.generate(tmp_path, 150, seed=2)
    made, samples = _outlines(tmp_path).values(), _outlines(ROOT / "examples").values()
    for kind in ("measure", "shortcoming", "plan"):
        mean_made = statistics.mean(len(o.items(kind)) for o in made)
        mean_samples = statistics.mean(len(o.items(kind)) for o in samples)
        assert abs(mean_made - mean_samples) <= 0.25 * mean_samples, kind


def test_townships_run_over_consecutive_years(generate):
    years = defaultdict(list)
    for plan in generate.plans(500, 7, 3):
        years[(plan.county, plan.township)].append(plan.year)
    chains = [ys for ys in years.values() if len(ys) > 1]
    assert len(chains) >= len(years) // 2
    assert all(ys == list(range(ys[0], ys[0] + len(ys))) for ys in years.values())


def test_numbers_vary_but_years_and_document_numbers_stay_well_formed(generate):
    import random

    text = "2023年，开展普法活动12场，覆盖群众3600余人，〔2024〕5号文件，满意率98.5%。"
    jittered = generate._jitter(text, random.Random(1))
    assert "2023年" in jittered and "〔2024〕5号" in jittered and "98.5%" in jittered
    assert jittered != text
    assert generate._shift_years(text, 2) .startswith("2025年")
