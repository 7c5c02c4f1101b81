"""The bundled examples: each reads as examples/README.md says, and none repeats a sentence of the real reports."""

from __future__ import annotations

import re
from functools import cache

import pytest

from conftest import EXAMPLES
from kg.structure import outline as structure
from kg.extract import measures, plans, shortcomings
from kg.read import read_source
from kg.text import compact

NONE = "—"
STORY_HEADING = re.compile(r"^### (\S+) (\d{4}) → (\d{4})$")
TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def readme_tables() -> list[tuple[str, list[list[str]]]]:
    """Every table of the README with the heading above it, header row and separator left out."""
    found, heading, rows = [], "", None
    for line in (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if rows is None:
                rows = []  # the header row
            elif not set("".join(cells)) <= set("-: "):
                rows.append(cells)
            continue
        if rows is not None:
            found.append((heading, rows))
            rows = None
        if line.startswith("#"):
            heading = line
    return found


HEADERS = next(rows for heading, rows in readme_tables() if "Headers" in heading)
STORIES = [(STORY_HEADING.match(h).groups(), rows) for h, rows in readme_tables() if STORY_HEADING.match(h)]
DISTRACTORS = next(rows for heading, rows in readme_tables() if "Distractors" in heading)


@cache
def items_of(township: str, year: int) -> dict[str, list[str]]:
    (name,) = [row[0] for row in HEADERS if row[1] == township and int(row[3]) == year]
    source = read_source(EXAMPLES / name)
    outline = structure.parse(source)
    return {kind: [compact(item.text) for item in module.extract(source, outline)]
            for kind, module in (("measure", measures), ("shortcoming", shortcomings), ("plan", plans))}


def test_the_readme_describes_three_townships_over_two_years():
    assert len(HEADERS) == 6 and sorted(p.name for p in EXAMPLES.glob("*.txt")) == sorted(r[0] for r in HEADERS)
    assert {township[-1] for (township, _, _), _ in STORIES} == {"镇", "乡", "道"}
    assert len(DISTRACTORS) == len(STORIES) == 3


@pytest.mark.parametrize("row", HEADERS, ids=lambda row: row[0])
def test_header_facts_are_read_as_the_readme_says(row):
    name, township, county, year, doc_number = row
    header = structure.parse(read_source(EXAMPLES / name)).header
    assert header.township == township
    assert header.county == (None if county == NONE else county)
    assert header.year == int(year)
    assert header.doc_number == (None if doc_number == NONE else doc_number)


@pytest.mark.parametrize(("story", "rows"), STORIES, ids=lambda value: value[0] if isinstance(value, tuple) else "")
def test_each_story_names_the_items_the_reports_hold(story, rows):
    township, first, second = story
    before, after = items_of(township, int(first)), items_of(township, int(second))
    assert before["shortcoming"] == [compact(row[0]) for row in rows], "every first-year shortcoming, in order"
    for _, plan, measure, recurrence in rows:
        assert plan == NONE or compact(plan) in before["plan"]
        assert measure == NONE or compact(measure) in after["measure"]
        assert recurrence == NONE or compact(recurrence) in after["shortcoming"]


@pytest.mark.parametrize(("story", "rows"), STORIES, ids=lambda value: value[0] if isinstance(value, tuple) else "")
def test_each_story_has_every_case_a_linker_must_tell_apart(story, rows):
    assert any(plan != NONE and measure != NONE for _, plan, measure, _ in rows), "planned and carried out"
    assert any(plan == NONE for _, plan, _, _ in rows), "a shortcoming nothing plans for"
    assert any(recurrence != NONE for *_, recurrence in rows), "a problem that comes back"


@pytest.mark.parametrize("row", DISTRACTORS, ids=lambda row: row[0])
def test_each_distractor_is_a_next_year_measure_beside_an_unrelated_shortcoming(row):
    township, measure, shortcoming, _ = row
    ((_, first, second),) = [story for story, _ in STORIES if story[0] == township]
    assert compact(measure) in items_of(township, int(second))["measure"]
    assert compact(shortcoming) in items_of(township, int(first))["shortcoming"]
    (story_row,) = [r for story, rows in STORIES if story[0] == township for r in rows if r[0] == shortcoming]
    assert compact(story_row[2]) != compact(measure)


@pytest.mark.shared
def test_no_example_repeats_a_sentence_of_the_real_reports(shared):
    real = "".join(compact(p.read_text(encoding="utf-8")) for p in sorted((shared / "corpus").rglob("*.txt")))
    for path in sorted(EXAMPLES.glob("*.txt")):
        for sentence in re.split(r"[。；！？\n]", path.read_text(encoding="utf-8")):
            # Set phrases and the prescribed section headings are shared by every report; prose must not be.
            if TOP_HEADING.match(sentence) and "，" not in sentence:
                continue
            if len(compact(sentence)) >= 20:
                assert compact(sentence) not in real, f"{path.name}: {sentence}"
