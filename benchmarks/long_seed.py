"""One very large seed through `python -m generator export`: wall time and peak memory.

Usage: .venv/bin/python benchmarks/long_seed.py [--mb 30] [--shape mixed|line|lines|repeated] [--keep DIR]

Writes a seed of about `--mb` megabytes (UTF-8) of invented, realistic Chinese news text
into a temporary folder and times `python -m generator export --seeds DIR --out FILE` on
it in a child process: wall time, and the child's peak resident memory from
`resource.getrusage(RUSAGE_CHILDREN)`. Shapes:

* `line`: one headline, then the whole text on one huge line (scraped pages do this);
* `lines`: PDF-dump style, paragraphs wrapped every 14-24 characters: hundreds of
  thousands of short lines, with headlines between articles;
* `repeated`: one sentence over and over, several copies a line;
* `mixed` (default): a third of the size in each shape, in that order, in one file.

Seeds above 32 MiB are refused by design (`generator/ingest/read.py`); 30 MB is under.
Prints one Markdown table row for BENCHMARKS.md. Nothing here is run by the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PLACES = ("武川县", "乌兰察布市", "锡林郭勒盟", "赤峰市", "四子王旗", "焦作市", "达茂旗", "土默特左旗", "鄂尔多斯市")
PEOPLE = ("王明亮", "张丽", "赵一鸣", "白云飞", "何国栋", "刘世凯", "李建国")
TEMPLATES = (
    "{place}{n}家重点工业企业全部复工复产，日均用工{m}人。",
    "截至{month}月{day}日，{place}已储备化肥{m}吨、种子{k}吨，能够满足春播需要。",
    "{place}税务局推行非接触式办税，累计为{n}户纳税人减免税费{m}万元。",
    "全区疫情防控不放松，{place}春耕生产有序推进，已完成播种{n}万亩。",
    "{place}马铃薯种薯繁育基地日前开始春播，今年计划繁育种薯{n}万亩。",
    "记者从{place}商务局了解到，全市{n}家商场超市恢复营业，生活物资供应充足。",
    "“我们每天检测体温{k}次，工人安心，企业放心。”{place}一家企业负责人{person}说。",
    "{place}开通首条冷链物流专线，牛羊肉当天即可运抵京津市场，每周发运{n}车。",
    "据介绍，{place}为返岗务工人员开行专车{n}趟，点对点送达{m}人。",
    "{place}组织干部群众参加义务植树活动，苗木调运工作基本完成，共栽植{n}株。",
    "{place}供电公司为{n}处疫情防控检测点安装临时电源，保障检测点用电。",
    "目前，{place}规模以上工业企业复工率达到{k}%，较上周提高{day}个百分点。",
)
HEADLINES = ("{place}复工复产加速跑", "{place}扎实做好春耕备耕", "{place}精准施策助企纾困", "冷链专线直通京津")


def sentence(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        place=rng.choice(PLACES),
        person=rng.choice(PEOPLE),
        n=rng.randint(2, 9999),
        m=rng.randint(2, 99999),
        k=rng.randint(2, 99),
        month=rng.randint(1, 4),
        day=rng.randint(1, 28),
    )


def headline(rng: random.Random) -> str:
    return rng.choice(HEADLINES).format(place=rng.choice(PLACES))


def lead(rng: random.Random) -> str:
    return f"本报{rng.choice(PLACES)}{rng.randint(1, 4)}月{rng.randint(1, 28)}日电 （记者 {rng.choice(PEOPLE)}）"


def one_line(rng: random.Random, size: int) -> list[str]:
    parts, total = [lead(rng)], 0
    while total < size:
        parts.append(sentence(rng))
        total += len(parts[-1].encode("utf-8"))
    return [headline(rng), "".join(parts)]


def short_lines(rng: random.Random, size: int) -> list[str]:
    lines: list[str] = []
    total = 0
    while total < size:
        article = [lead(rng) + sentence(rng)] + [sentence(rng) for _ in range(rng.randint(3, 30))]
        for paragraph in article:
            width = rng.randint(14, 24)
            lines.extend(paragraph[i : i + width] for i in range(0, len(paragraph), width))
        lines += [f"（{rng.choice(PEOPLE)}）", "", headline(rng), ""]
        total += sum(len(p.encode("utf-8")) for p in article)
    return lines


def repeated(rng: random.Random, size: int) -> list[str]:
    text = sentence(rng)
    per_line = 3
    count = max(1, size // (len(text.encode("utf-8")) * per_line))
    return [headline(rng), lead(rng) + text, *([text * per_line] * count)]


SHAPES: dict[str, Callable[[random.Random, int], list[str]]] = {
    "line": one_line,
    "lines": short_lines,
    "repeated": repeated,
}


def write_seed(folder: Path, megabytes: float, shape: str, seed: int = 2020) -> Path:
    rng = random.Random(seed)
    size = int(megabytes * 1_000_000)
    parts = list(SHAPES) if shape == "mixed" else [shape]
    lines: list[str] = []
    for part in parts:
        lines += [*SHAPES[part](rng, size // len(parts)), "", ""]
    path = folder / f"long_{shape}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_export(seeds: Path, out: Path) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds and peak RSS (MiB) of the export child process."""
    command = [sys.executable, "-m", "generator", "export", "--seeds", str(seeds), "--out", str(out)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    # ru_maxrss is in KiB on Linux: the largest of the waited-for children, here the only one.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=30.0, help="seed size in megabytes (UTF-8) [30]")
    parser.add_argument("--shape", choices=["mixed", *SHAPES], default="mixed", help="text shape [mixed]")
    parser.add_argument("--keep", type=Path, default=None, help="write the seed and export here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digest-long-seed-") as tmp:
        work = args.keep or Path(tmp)
        seeds = work / "seeds"
        seeds.mkdir(parents=True, exist_ok=True)
        seed = write_seed(seeds, args.mb, args.shape)
        text = seed.read_text(encoding="utf-8")
        out = work / "articles.json"
        wall, peak, result = run_export(seeds, out)
        if result.returncode != 0:
            sys.stderr.write(result.stderr[-4000:])
            print(f"export failed with status {result.returncode}", file=sys.stderr)
            return 1
        articles = len(json.loads(out.read_text(encoding="utf-8"))["articles"])
        warnings = sum(1 for line in result.stderr.splitlines() if line.startswith("warning"))
        print(f"<!-- {platform.python_version()}, {os.cpu_count()} cores; command: {' '.join(sys.argv)} -->")
        print("| seed | shape | bytes | characters | lines | articles | warnings | wall s | peak RSS MiB |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        print(
            f"| {seed.name} | {args.shape} | {seed.stat().st_size:,} | {len(text):,} | {text.count(chr(10)):,} "
            f"| {articles:,} | {warnings} | {wall:.1f} | {peak:,.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
