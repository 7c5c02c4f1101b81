"""Write N synthetic township reports by recombining the sample reports in examples/.

Each synthetic report takes its layout (which sections, in which order) from one sample, each
section from a sample with a section of that kind, then gives it a new township, county and year,
jittered numbers, reshuffled items and a varied heading style. Townships get runs of consecutive
years that follow a sample chain, so cross-year links have something to find. Report i depends only
on the seed and i, so the first 1,000 of a 10,000 corpus are the 1,000 corpus.

    python bench/generate.py OUT_DIR --reports 10000 [--seed 7] [--examples examples]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.structure import outline as structure  # noqa: E402
from kg.read import iter_report_paths, read_source  # noqa: E402
from kg.text import normalize  # noqa: E402
from kg.read.counters import chinese as cn  # noqa: E402  一 … 九十九, as a writer numbers headings

# Characters common in Chinese place names; none may end a name for the header parser (县, 镇, 的, …).
SYLLABLES = "青石河山林桥湾坪岭溪龙凤安平清新和兴丰永长高东西南北白黄红金马杨柳桃花竹松梅云岩江湖泉塘沙田庄营口集店铺寨坝洲阳宁顺福华"
TOWN_SUFFIXES = (("镇", 6), ("乡", 3), ("街道", 1))
COUNTY_SUFFIXES = (("县", 7), ("区", 2), ("市", 1))
TOWNS_PER_COUNTY = 20
FIRST_YEAR = 2016
TITLES = (
    "{county}{town}关于{year}年度法治政府建设情况的报告",
    "{county}{town}人民政府关于{year}年法治政府建设工作情况的报告",
    "{town}{year}年度法治政府建设工作报告",
    "{county}{town}{year}年法治政府建设情况报告",
)
# Section heading styles the genre uses: 一、 and 第一部分.
TOP_STYLES = ("cn", "cn", "cn", "part")
ITEM_STYLES = {
    "paren_cn": lambda n: f"（{cn(n)}）",
    "paren_num": lambda n: f"（{n}）",
    "num": lambda n: f"{n}.",
    "cn": lambda n: f"{cn(n)}、",
}
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# Counts written in digits (12场, 3600余人); not years, dates, numbers in 〔〕, decimals or list markers.
_COUNT_RE = re.compile(r"(?<![\d.〔\[（(第])(\d{1,5})(?![\d.年月日号、)）%])")


@dataclass(frozen=True)
class Part:
    """One top-level section of a sample: its kind, heading without marker, and body split into items."""

    kind: str
    heading: str
    intro: str  # body text before the first numbered item
    items: tuple[str, ...]  # numbered items without their markers; empty when the body is kept whole
    item_style: str | None
    body_styles: frozenset  # marker styles inside item bodies, which a new item style must not reuse
    year: int
    township: str
    county: str | None


@dataclass(frozen=True)
class Sample:
    township: str
    county: str | None
    year: int
    preamble: str
    parts: tuple[Part, ...]
    closing: str


def _parts(source, outline, header) -> tuple[Part, ...]:
    text = source.text
    parts = []
    for section in outline.sections:
        nodes = [n for n in outline.nodes if n.level == 1 and n.section == section.index]
        heading = text[nodes[0].text_start : nodes[0].text_end] if nodes else section.heading
        body_start = nodes[0].text_end if nodes else section.start + len(section.heading)
        blocks = [b for b in outline.blocks if b.section == section.index]
        numbered = (len(blocks) == 1 and blocks[0].parse == "numbered" and blocks[0].items
                    and blocks[0].items[0].style in ITEM_STYLES)
        if numbered:
            items = blocks[0].items
            intro = text[body_start : items[0].start]
            bodies = tuple(text[n.text_start : n.end] for n in items)
            styles = set()
            for body in bodies:
                for line in body.splitlines()[1:]:
                    found = structure.line_marker(normalize(line).strip())
                    if found:
                        styles.add(found[0])
            parts.append(Part(section.kind, heading, intro, bodies, items[0].style, frozenset(styles),
                              header.year, header.township, header.county))
        else:
            parts.append(Part(section.kind, heading, text[body_start : section.end], (), None, frozenset(),
                              header.year, header.township, header.county))
    return tuple(parts)


@lru_cache(maxsize=4)
def samples(examples: str) -> tuple[Sample, ...]:
    """The sample reports under `examples`, parsed once."""
    found = []
    for path in iter_report_paths([examples]):
        source = read_source(path)
        outline = structure.parse(source)
        header = outline.header
        if not (outline.sections and header.township and header.year):
            continue
        title_end = header.evidence.end if header.evidence else 0
        preamble = source.text[title_end : outline.sections[0].start]
        closing = source.text[outline.sections[-1].end :]
        found.append(Sample(header.township, header.county, header.year, preamble,
                            _parts(source, outline, header), closing))
    if not found:
        raise SystemExit(f"generate: no usable sample reports under {examples}")
    return tuple(found)


def samples_digest(examples: str | Path) -> str:
    """A digest of the sample texts and this generator, so a kept corpus is remade when either changes."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in iter_report_paths([examples]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def lineages(pool: tuple[Sample, ...]) -> list[list[Sample]]:
    """Samples grouped by township, in year order: the chains a synthetic township follows."""
    groups: dict[str, list[Sample]] = {}
    for sample in pool:
        groups.setdefault(sample.township, []).append(sample)
    return [sorted(group, key=lambda s: s.year) for _, group in sorted(groups.items())]


def _weighted(rng: random.Random, choices) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def place_name(number: int, salt: int) -> str:
    """Two or three syllables from a number; consecutive numbers under one salt never collide."""
    n = (number * 7919 + salt * 104729) % (len(SYLLABLES) ** 3)
    a, rest = divmod(n, len(SYLLABLES) ** 2)
    b, c = divmod(rest, len(SYLLABLES))
    name = SYLLABLES[b] + SYLLABLES[c]
    return (SYLLABLES[a] + name) if a % 3 == 0 else name


@dataclass(frozen=True)
class Plan:
    """Who and when report i is: its township, county, year and the sample it follows."""

    index: int
    township: str
    county: str
    year: int
    lineage: int
    step: int


def plans(n: int, seed: int, chains: int):
    """Yield the identity of reports 0..n-1: townships with runs of 1–5 consecutive years."""
    index, town = 0, 0
    while index < n:
        rng = random.Random(f"{seed}/town/{town}")
        county_no = town // TOWNS_PER_COUNTY
        county_rng = random.Random(f"{seed}/county/{county_no}")
        county = place_name(county_no, 1) + _weighted(county_rng, COUNTY_SUFFIXES)
        township = place_name(town, 2 + county_no) + _weighted(rng, TOWN_SUFFIXES)
        run = rng.choice((1, 2, 2, 3, 3, 3, 4, 5))
        start = rng.randint(FIRST_YEAR, 2025 - run)
        lineage = rng.randrange(chains)
        for step in range(run):
            if index >= n:
                return
            yield Plan(index, township, county, start + step, lineage, step)
            index += 1
        town += 1


def _rename(text: str, part_or_sample, township: str, county: str) -> str:
    if part_or_sample.county:
        text = text.replace(part_or_sample.county, county)
    return text.replace(part_or_sample.township, township)


def _shift_years(text: str, delta: int) -> str:
    return _YEAR_RE.sub(lambda m: str(int(m.group(1)) + delta), text) if delta else text


def _jitter(text: str, rng: random.Random) -> str:
    return _COUNT_RE.sub(lambda m: str(max(1, round(int(m.group(1)) * rng.uniform(0.6, 1.6)))), text)


def _section(part: Part, number: int, top_style: str, plan: Plan, rng: random.Random) -> str:
    marker = f"第{cn(number)}部分 " if top_style == "part" else f"{cn(number)}、"
    lines = [marker + part.heading.strip()]
    if part.items:
        items = list(part.items)
        if part.kind in ("measures", "duty") and rng.random() < 0.5:
            rng.shuffle(items)  # the order of work items is the office's choice
        free = [s for s in ITEM_STYLES if s not in part.body_styles and not (s == "cn" and top_style == "cn")]
        style = part.item_style if rng.random() < 0.7 or not free else rng.choice(free)
        body = part.intro.strip("\n")
        lines += [body] if body.strip() else []
        lines += [ITEM_STYLES[style](k) + item.strip("\n") for k, item in enumerate(items, 1)]
    else:
        lines.append(part.intro.strip("\n"))
    text = "\n".join(lines)
    text = _shift_years(_rename(text, part, plan.township, plan.county), plan.year - part.year)
    return _jitter(text, rng)


def report_text(plan: Plan, pool: tuple[Sample, ...], chains: list[list[Sample]], seed: int) -> str:
    """The text of one synthetic report."""
    rng = random.Random(f"{seed}/report/{plan.index}")
    chain = chains[plan.lineage]
    frame = chain[plan.step % len(chain)]
    by_kind: dict[str, list[Part]] = {}
    for sample in pool:
        for part in sample.parts:
            by_kind.setdefault(part.kind, []).append(part)
    top_style = rng.choice(TOP_STYLES)
    sections = []
    for number, own in enumerate(frame.parts, 1):
        # Mostly the frame's own section, so a chain's plans meet their follow-up next year.
        part = own if rng.random() < 0.6 else rng.choice(by_kind[own.kind])
        sections.append(_section(part, number, top_style, plan, rng))
    delta = plan.year - frame.year
    title = rng.choice(TITLES).format(county=plan.county, town=plan.township, year=plan.year)
    preamble = _shift_years(_rename(frame.preamble, frame, plan.township, plan.county), delta).strip("\n")
    closing = _shift_years(_rename(frame.closing, frame, plan.township, plan.county), delta).strip("\n")
    return "\n".join([title, _jitter(preamble, rng), *sections, closing]) + "\n"


def generate(out_dir: str | Path, n: int, seed: int = 7, examples: str | Path = ROOT / "examples") -> list[Path]:
    """Write n reports under out_dir (1,000 files a folder) and return their paths in order."""
    pool = samples(str(examples))
    chains = lineages(pool)
    out = Path(out_dir)
    written = []
    for plan in plans(n, seed, len(chains)):
        text = report_text(plan, pool, chains, seed)
        folder = out / f"{plan.index // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"r{plan.index:06d}_{plan.year}.txt"
        # One report in twenty in GB18030, as offices still save them.
        encoding = "gb18030" if random.Random(f"{seed}/enc/{plan.index}").random() < 0.05 else "utf-8"
        path.write_bytes(text.encode(encoding))
        written.append(path)
    return written


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--examples", default=str(ROOT / "examples"))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = generate(args.out_dir, args.reports, args.seed, args.examples)
    print(f"generate: {len(paths)} reports in {args.out_dir} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
