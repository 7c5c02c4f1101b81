"""A small township written by hand (two years, links, citations, metrics) for picture and briefing tests."""

from __future__ import annotations

from kg.viz.data import CitationRow, ItemRow, LinkRow, MetricRow, ReportInfo, TownshipData

K23, K24 = "示例县/柳溪镇/2023/liuxi_2023", "示例县/柳溪镇/2024/liuxi_2024"
HOSTILE = '<img src=x onerror="window.__pwned=1">未落实的问题<script>window.__pwned=1</script>'


def item(key, year, kind, ordinal, text, sentence=None):
    return ItemRow(key, year, kind, ordinal, text, sentence or f"{text}，这是原文句子。", f"examples/{key.rsplit('/', 1)[1]}.txt")


def township(hostile: bool = False) -> TownshipData:
    data = TownshipData("柳溪镇", "示例县")
    data.reports = [
        ReportInfo(K23, 2023, "柳溪镇2023年法治政府建设情况报告", "examples/liuxi_2023.txt"),
        ReportInfo(K24, 2024, "柳溪镇2024年法治政府建设情况报告", "examples/liuxi_2024.txt"),
    ]
    data.items = [
        item(K23, 2023, "Measure", 1, "强化法治宣传教育"),
        item(K23, 2023, "Measure", 2, "推进矛盾纠纷多元化解"),
        item(K23, 2023, "Shortcoming", 1, "法治宣传形式单一"),
        item(K23, 2023, "Shortcoming", 2, HOSTILE if hostile else "行政执法人员专业能力不足"),
        item(K23, 2023, "Shortcoming", 3, "合法性审查力量薄弱"),
        item(K23, 2023, "Plan", 1, "创新普法宣传方式"),
        item(K23, 2023, "Plan", 2, "加强执法人员培训"),
        item(K24, 2024, "Measure", 1, "开展“法律明白人”培训，创新普法形式"),
        item(K24, 2024, "Shortcoming", 1, "合法性审查力量仍然薄弱"),
        item(K24, 2024, "Plan", 1, "配齐法律顾问"),
    ]
    data.links = [
        LinkRow("ADDRESSES", (K23, "Plan", 1), (K23, "Shortcoming", 1), 0.8),
        LinkRow("ADDRESSES", (K23, "Plan", 2), (K23, "Shortcoming", 2), 0.7),
        LinkRow("FOLLOWS_UP", (K24, "Measure", 1), (K23, "Plan", 1), 0.6),
        LinkRow("FOLLOWS_UP", (K24, "Measure", 1), (K23, "Shortcoming", 1), 0.5),
        LinkRow("RECURS", (K24, "Shortcoming", 1), (K23, "Shortcoming", 3), 0.9),
        LinkRow("ADDRESSES", (K24, "Plan", 1), (K24, "Shortcoming", 1), 0.7),
    ]
    law_sentence = HOSTILE if hostile else "组织学习《中华人民共和国宪法》《民法典》。"
    data.citations = [
        CitationRow(K23, 2023, "Law", "宪法", law_sentence, "examples/liuxi_2023.txt"),
        CitationRow(K23, 2023, "Law", "民法典", "组织学习《中华人民共和国宪法》《民法典》。", "examples/liuxi_2023.txt"),
        CitationRow(K24, 2024, "Law", "宪法", "开展宪法宣传周活动。", "examples/liuxi_2024.txt"),
        CitationRow(K24, 2024, "Campaign", "宪法宣传周", "开展宪法宣传周活动。", "examples/liuxi_2024.txt"),
    ]
    data.metrics = [
        MetricRow(K23, 2023, "调解矛盾纠纷", 36, "件", False, "全年调解矛盾纠纷36件。", "examples/liuxi_2023.txt"),
        MetricRow(K24, 2024, "开展普法活动", 20, "场", True, "开展普法活动20余场。", "examples/liuxi_2024.txt"),
    ]
    return data
