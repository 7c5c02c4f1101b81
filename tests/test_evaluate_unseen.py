"""The held-out reports: layouts nobody tuned the reader for, scored against gold written before it ran on them.

Floors are the issue's targets (every header field and the section tree ≥ 0.95, persons and metrics ≥ 0.93)
and, for the other fields, a little under what the reader reached when the set was added, so that a change
losing a layout fails here even when the shared corpus still scores the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import evaluate

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"
FLOORS = {
    "township": 0.95, "county": 0.95, "year": 0.95, "doc_number": 0.95,
    "sections": 0.95, "measures": 0.95, "shortcomings": 0.95, "plans": 0.95,
    "persons": 0.93, "metrics": 0.93,
    "laws": 0.9, "documents": 0.9, "campaigns": 0.9, "links": 0.9,
}
# Each report has a layout of its own: one whose items are lost must fail even if the others carry the average.
FILE_FLOOR = 0.75
ITEM_FIELDS = ("sections", "measures", "shortcomings", "plans")
# Shapes that held-out batches were missed on and that are not read yet. (Sections numbered with a full-width bar
# (一｜工作成效, batch 13m2), the lone 一) item and the heading cut by the end of an opening, from batches 30-30d
# reproducing real pages, batch 34's report pasted out of a Word file with its line breaks turned to spaces, batch
# 33c's section headed 存在的问题 whose sentences state their problems only by their grammar (……这方面亟须改进), and
# batch 33d's problems told by figures (12场法治讲座只完成了7场) are read now.)
# They are listed, not hidden: their test below is a strict xfail, so it turns red the day the reader reads them,
# and the entry is removed then. (Batch 38p's problems under titles before a colon, 乡本级：A；B。, are read now.)
# (Batch 38p's problems told as dated incidents in one paragraph, 3月，…被评为不合格。7月，…到县里上访。, batch 35's
# opening cut off inside a measures item written in unmarked present tense, batch 13c2's ☆ section lines over ⊙ items,
# and batch 38pb's work paragraphs closing with 不足的是，… are read now.)
# (Batch 38pc's remedy lines opening with →, plans under count labels, 两项机制：…, sentences of plans before a
# connective and problems opening with adverbs of frequency, 有时…。偶尔…。时常…。, are read now.)
NOT_YET_READ: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def scores():
    return evaluate(UNSEEN, UNSEEN)


def test_every_held_out_report_has_gold_and_is_read(scores):
    # Most are typed text; some are pages saved from a site (.html), read with their markup.
    reports = sorted(p.name for p in UNSEEN.iterdir() if p.suffix in (".txt", ".html"))
    assert len(reports) >= 10
    assert sorted(p.stem for p in UNSEEN.glob("*.json")) == sorted(Path(name).stem for name in reports)
    assert scores["errors"] == []
    assert sorted(scores["files"]) == reports


@pytest.mark.parametrize("field", FLOORS)
def test_each_field_holds_its_floor(scores, field):
    assert scores["micro"][field]["f1"] >= FLOORS[field], scores["micro"][field]


@pytest.mark.parametrize("field", ITEM_FIELDS)
def test_no_layout_loses_its_sections_or_items(scores, field):
    # A page opening (gold `complete: false`) is annotated for its header and sections only: its items are not scored.
    low = {
        name: s[field]["f1"] for name, s in scores["files"].items()
        if field in s and s[field]["f1"] < FILE_FLOOR and (name, field) not in NOT_YET_READ
    }
    assert low == {}


@pytest.mark.xfail(strict=True, reason="a shape the reader does not read yet (NOT_YET_READ)")
@pytest.mark.parametrize("name, field", sorted(NOT_YET_READ))
def test_shapes_not_yet_read(scores, name, field):
    assert scores["files"][name][field]["f1"] >= FILE_FLOOR
