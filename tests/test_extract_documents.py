"""Documents: every 《》 title that is not a law, once, with its evidence; titles without 《》 are not documents."""

from __future__ import annotations

import pytest

from kg.extract import documents
from kg.read import make_source


def titles(text: str) -> list[str]:
    return [d.title for d in documents.extract(make_source("t.txt", text, "utf-8"), ())]


def test_local_plans_books_and_township_copies_are_documents_laws_are_not():
    text = ("印发《青山镇2024年普法依法治理工作要点》，学习《习近平法治思想学习纲要》和《中华人民共和国宪法》，"
            "制定《青山镇党政主要负责人履行推进法治建设第一责任人职责》。")
    assert titles(text) == ["青山镇2024年普法依法治理工作要点", "习近平法治思想学习纲要",
                            "青山镇党政主要负责人履行推进法治建设第一责任人职责"]


def test_a_repeated_title_is_one_document_at_its_first_mention():
    text = "制定《法治宣传教育实施方案》。\n落实《法治宣传教育实施方案》要求。"
    [doc] = documents.extract(make_source("t.txt", text, "utf-8"), ())
    assert (doc.evidence.start, doc.evidence.end) == (3, 13)
    assert text[doc.evidence.start:doc.evidence.end] == doc.title


def test_a_title_without_brackets_is_not_a_document():
    assert titles("学习习近平法治思想学习纲要和县委关于普法工作的要点。") == []


@pytest.mark.shared
def test_documents_of_a_real_report(corpus_texts):
    found = titles(corpus_texts["001_e2fabbbe98248fdd.txt"])
    assert "双龙镇党政主要负责人履行推进法治建设第一责任人职责" in found
    assert "习近平法治思想学习纲要" in found
    assert "宪法" not in found and "中华人民共和国民法典" not in found
