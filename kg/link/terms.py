"""Content terms of an item: jieba tokens, synonyms folded, without the words every item of the genre uses."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.text import normal_line

# Words that carry no object: verbs of effort, degree words and the genre's framing. Two items
# sharing only these share nothing a reader would call the same problem.
GENERIC = frozenset(
    """
    加强 强化 加大 推进 推动 深化 深入 持续 进一步 不断 全面 切实 积极 健全 完善 建立 落实 开展 提升 提高 增强
    推行 实施 坚持 做好 抓好 注重 扎实 着力 狠抓 打造 构建 形成 巩固 拓展 优化 创新 充实 补强 壮大 搭建 努力
    工作 方面 情况 问题 作用 建设 发展 质量 成效 效果 实效 效能 良好 营造 氛围 环境 各项 各类 相关 有关 重点
    不足 不够 不强 不高 有待 仍然 仍 还 较 较为 相对 部分 个别 存在 需要 需 仍显 明显 短板 薄弱 欠缺 偏弱 一些
    我镇 我乡 全镇 全乡 街道 本镇 镇 乡 村 社区 镇村 村级 乡级 镇级 全年 今年 明年 年度 下一步 一是 二是 三是
    法治 法治建设 法治政府 政府 党委 我们 以及 并且 同时 通过 按照 围绕 结合 根据 进行 实现 确保 要求 目标 任务
    措施 主要 少数 广大 真正 不断 及时 各部门 部门 单位 具体 事务 行为 方式方法 方面 工作人员 人员 机制 制度 体系
    作人 一步 还有 由于 从而 导致 影响 此前 往往 这种 但是 表现 其他 其它 可以 能够 已经 目前 当前 今后 逐步
    """.split()
)

# Words that name a field of the work, not a thing in it. Two items sharing only 执法 may be about
# equipment and about leniency; a link needs a shared word that names the object or the shortfall.
FIELD = frozenset(
    """
    执法 行政 宣传 教育 传教 法律 依法 法规 管理 服务 基层 治理 活动 辖区 规范 组织
    """.split()
)

# Words a reader takes as the same: who is meant, and what kind of shortfall.
SYNONYMS = {
    "百姓": "群众", "公众": "群众", "居民": "群众", "村民": "群众", "老百姓": "群众", "民众": "群众", "全民": "群众",
    "党员干部": "干部", "领导干部": "干部", "镇村干部": "干部", "村干部": "干部", "公职人员": "干部",
    "观念": "意识", "素质": "意识", "素养": "意识", "自觉性": "意识", "法治意识": "意识", "法律意识": "意识",
    "守法意识": "意识", "用法意识": "意识",
    "普法": "宣传", "法治宣传": "宣传", "普法宣传": "宣传", "宣传教育": "宣传", "法治宣传教育": "宣传",
    "普法宣传教育": "宣传", "普及": "宣传", "法治教育": "宣传",
    "本领": "能力", "水平": "能力", "专业性": "专业", "专业化": "专业",
    "执法队伍": "执法人员", "执法队": "执法人员", "执法力量": "执法人员",
    # The capacity to enforce and to administer by law is one quality, however a report words it.
    "执法能力": "依法行政能力", "执法水平": "依法行政能力", "执法专业性": "依法行政能力",
    "执法专业化": "依法行政能力", "依法行政水平": "依法行政能力", "执法素质": "依法行政能力",
    "调解力量": "调解队伍", "调解员队伍": "调解队伍", "调解组织": "调解队伍",
    "法治方式": "依法办事", "法治思维": "依法办事", "依法处理": "依法办事",
    "智慧": "数字化", "信息化": "数字化", "智能化": "数字化", "网络化": "数字化",
    "宣传栏": "宣传阵地", "普法阵地": "宣传阵地", "法治阵地": "宣传阵地",
    "资金": "经费", "财力": "经费", "财政": "经费",
    "法律知识": "法律", "法律法规": "法律",
}

_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{3,}")


@lru_cache(maxsize=1)
def _cutter():
    """jieba taught the theme keywords; search mode also yields a compound's parts (执法能力 → 执法, 能力)."""
    from kg.text import segment
    from kg.link.themes import load_themes

    words = {w for t in load_themes() for w in t.keywords} | set(SYNONYMS)
    tokenizer = segment.tokenizer((word for word in words if _WORD.fullmatch(word)), freq=20000)
    return lambda text: list(tokenizer.cut_for_search(text))


def term_surfaces(text: str) -> list[tuple[str, str]]:
    """(term, the words as written) for each content token of `text`, in order, synonyms folded."""
    # Linking profiles the same lines again and again: a heading, its body, the plans joined to a shortcoming,
    # within a report and then beside each adjacent year. jieba cuts each run of its word characters on its own
    # (no run holds a line break) and what lies between yields single characters and spaces, never content
    # terms; so lines, and runs within them, can be cut (and cached) one by one.
    return [pair for line in text.split("\n") for pair in _line_surfaces(line)]


@lru_cache(maxsize=4096)
def _line_surfaces(line: str) -> tuple[tuple[str, str], ...]:
    return tuple(pair for run in _run_pattern().findall(normal_line(line)) for pair in _run_surfaces(run))


@lru_cache(maxsize=1)
def _run_pattern():
    from kg.text.segment import jieba  # imported there without the slow pkg_resources

    return jieba.re_han_default  # what `Tokenizer.cut` splits a text into before segmenting each run


@lru_cache(maxsize=8192)
def _run_surfaces(run: str) -> tuple[tuple[str, str], ...]:
    out = []
    for surface in _cutter()(run):
        surface = surface.strip()
        token = SYNONYMS.get(surface, surface)
        if _WORD.fullmatch(token) and token not in GENERIC:
            out.append((token, surface))
    return tuple(out)


def terms(text: str) -> list[str]:
    """Content tokens of `text`, in order, repeats kept, synonyms folded."""
    return [term for term, _surface in term_surfaces(text)]
