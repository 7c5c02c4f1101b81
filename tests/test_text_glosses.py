"""Pinyin glosses printed after a page's characters (鎮(zhèn)) are read past, and evidence still indexes the file."""

from __future__ import annotations

from kg.extract.report import extract_report
from kg.read import make_source
from kg.text import compact
from kg.text.glosses import strip_glosses
from kg.text.pasted import readable

# Our own fictional opening in traditional script, glossed as some sites gloss theirs.
GLOSSED = """桃塢鄉(xiāng)2023年法治政府建設(shè)情況報告
2023年,在栗山縣(xiàn)委、縣(xiàn)政府的領(lǐng)導(dǎo)下,桃塢鄉(xiāng)堅持依法行政,現(xiàn)將工作情況報告如下:
一、主要工作
(一)落實(shí)第一責(zé)任人職責(zé)
鄉(xiāng)黨委把法治建設(shè)作爲年度工作的一個(gè)重點(diǎn),全年召開(kāi)專題(tí)會(huì)議(yì)3次,審查合同協(xié)議(yì)11份。
"""


def test_a_glossed_page_reads_its_figures_without_counting_a_glossed_one():
    report = extract_report(make_source("taowu_2023.txt", GLOSSED, "utf-8"))
    assert report.header.county == "栗山县" and report.header.year == 2023
    assert [compact(m.text) for m in report.measures] == ["落實第一責任人職責"]
    # 一個(gè)重點 is "a priority", not a count; the glossed meeting and contract figures are read with their words
    assert sorted((m.value, m.unit, compact(m.indicator)[-4:]) for m in report.metrics) == [
        (3, "次", "專題會議"), (11, "份", "合同協議")]


def test_evidence_of_a_glossed_page_indexes_the_file_as_it_is():
    report = extract_report(make_source("taowu_2023.txt", GLOSSED, "utf-8"))
    assert report.source.text == GLOSSED
    for metric in report.metrics:
        assert GLOSSED[metric.evidence.start:metric.evidence.end].endswith(metric.unit)
    shown = GLOSSED[report.measures[0].evidence.start:report.measures[0].evidence.end]
    assert shown == "落實(shí)第一責(zé)任人職責"  # the glosses inside the heading are in its evidence


def test_brackets_that_are_no_gloss_stay():
    # Latin in brackets, a syllable without a tone mark, or one toned syllable alone is not a page's glossing
    for text in ("依法治理(Rule of law)工作,", "法治政府(de)建设(lǐ)工作", "全年开展(ā)活动3次。"):
        assert strip_glosses(text) is None
    assert readable("鎮(zhèn)政府(fǔ)召開(kāi)會議") is not None
