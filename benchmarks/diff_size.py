"""How many files of docs_src/ a small content change touches (issue 14, point 3).

Usage: .venv/bin/python benchmarks/diff_size.py [--paths]

Builds the docs folder into temporary folders with `python -m generator build`'s own
pipeline (`generator.pipeline.run`): once from the project's seeds (the baseline, starting
from a copy of the committed docs_src/, which holds the record of published ids), then
once per scenario, each starting from a copy of the baseline as a pull request would:

* add one new article (a plain seed, datelined after every shipped article);
* add one old article (the same text datelined in February: a back-filled story);
* correct one translation (the English title of one article in a copy of en.po);
* correct one sidecar (an outlet stated for one seed).

Prints a Markdown table of files added / changed / removed per scenario, with the changed
files sorted into kinds (the article's own pages, other article pages, listings, feeds,
search shards, other); `--paths` also lists every file added, changed or removed.
BENCHMARKS.md records the results.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import Settings, load_settings  # noqa: E402
from generator.pipeline import run  # noqa: E402

# A plain seed of one article: a headline, a dated lead naming a prefecture, ~600 characters.
NEW_ARTICLE = """扎兰屯市重点项目陆续复工

本报呼伦贝尔{month}月{day}日电 （记者 王北）连日来，扎兰屯市在抓好疫情防控的同时，组织重点项目
有序复工复产。截至目前，全市列入计划的42个重点项目中已有31个复工，复工率达到73.8%，
到岗工人2100余人。

扎兰屯市成立了重点项目服务专班，实行一个项目、一名领导、一套班子、一抓到底的包联制度，
帮助企业协调解决用工、用地、资金和原材料运输等方面的困难。对返岗工人实行健康监测和
分区作业，施工现场每天消毒两次，确保防疫和施工两不误。

在扎兰屯市经济开发区，一家农畜产品加工企业的新生产线正在加紧安装。企业负责人介绍，
生产线投产后每年可加工玉米20万吨，带动周边1000多户农民增收。市工信局还为中小企业
发放稳岗补贴380万元，落实减免租金和延期缴纳社会保险费等政策，帮助企业渡过难关。

扎兰屯市有关负责人表示，下一步将继续强化要素保障，推动更多项目尽快开工，
力争上半年完成固定资产投资12亿元。
"""


def _settings(seeds: Path, docs: Path, translations: Path) -> Settings:
    return dataclasses.replace(load_settings(seeds=seeds, docs=docs, root=ROOT), translations=translations)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


_ARTICLE = re.compile(r"^(?:zh|en)/articles/(?P<id>[^/]+)\.(?:md|html)$")


def _kind(path: str, own: frozenset[str]) -> str:
    match = _ARTICLE.match(path)
    if match:
        return "own article pages" if match.group("id") in own else "other article pages"
    if "/assets/search/" in path:
        return "search shards"
    if path.endswith("feed.xml"):
        return "feeds"
    if path.endswith(".md"):
        return "listings"
    return "other"


def _diff(before: dict[str, bytes], after: dict[str, bytes]) -> tuple[list[str], list[str], list[str]]:
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(p for p in set(before) & set(after) if before[p] != after[p])
    return added, changed, removed


def _own_ids(before: dict[str, bytes], after: dict[str, bytes], touched_ids: frozenset[str]) -> frozenset[str]:
    """The articles the scenario is about: new pages, plus the ids it edits."""
    new = {m.group("id") for p in set(after) - set(before) if (m := _ARTICLE.match(p))}
    return frozenset(new) | touched_ids


def _po_title_edit(po: Path) -> str:
    """Change the English of the first reviewed title in a copy of en.po; returns its article id."""
    text = po.read_text(encoding="utf-8")
    match = re.search(r'msgctxt "(?P<id>[^"]+):title"\nmsgid "[^"]*"\nmsgstr "(?P<en>[^"]+)"', text)
    if match is None:
        raise SystemExit(f"{po}: no reviewed title to edit")
    start, end = match.span("en")
    po.write_text(text[:start] + match.group("en") + " (corrected)" + text[end:], encoding="utf-8")
    return match.group("id")


def main(argv: list[str]) -> int:
    show_paths = "--paths" in argv
    with tempfile.TemporaryDirectory(prefix="digest-diff-") as scratch_name:
        scratch = Path(scratch_name)
        seeds = scratch / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)
        po = scratch / "en.po"
        shutil.copy(ROOT / "translations" / "en.po", po)
        base_docs = scratch / "base"
        shutil.copytree(ROOT / "docs_src", base_docs)
        run(_settings(seeds, base_docs, po))
        before = _files(base_docs)

        def scenario(name: str, change: Callable[[Path, Path], frozenset[str]]) -> tuple[str, Counter[str], int, int]:
            work = scratch / name.replace(" ", "-")
            shutil.copytree(seeds, work / "seeds")
            shutil.copy(po, work / "en.po")
            shutil.copytree(base_docs, work / "docs")
            touched = change(work / "seeds", work / "en.po")
            run(_settings(work / "seeds", work / "docs", work / "en.po"))
            after = _files(work / "docs")
            added, changed, removed = _diff(before, after)
            own = _own_ids(before, after, touched)
            kinds = Counter(_kind(p, own) for p in changed)
            if show_paths:
                print(f"## {name}")
                marked = [*(f"+ {p}" for p in added), *(f"~ {p}" for p in changed), *(f"- {p}" for p in removed)]
                print("\n".join(marked))
            return name, kinds, len(added), len(removed)

        def add_article(month: int, day: int) -> Callable[[Path, Path], frozenset[str]]:
            def change(seed_dir: Path, _po: Path) -> frozenset[str]:
                text = NEW_ARTICLE.format(month=month, day=day)
                (seed_dir / "900_new_article.txt").write_text(text, encoding="utf-8")
                return frozenset()

            return change

        def correct_translation(_seed_dir: Path, po_file: Path) -> frozenset[str]:
            return frozenset({_po_title_edit(po_file)})

        def correct_sidecar(seed_dir: Path, _po: Path) -> frozenset[str]:
            seed = sorted(p for p in seed_dir.iterdir() if p.suffix == ".txt")[-1]
            seed.with_suffix(".yml").write_text("outlet: 测试日报\n", encoding="utf-8")
            # Every article of that seed is "own": their ids begin with the seed's slug.
            stem = re.sub(r"[^a-z0-9]+", "-", seed.stem.lower()).strip("-")
            ids = (m.group("id") for p in before if (m := _ARTICLE.match(p)))
            return frozenset(i for i in ids if i.startswith(stem))

        results = [
            scenario("add one new article", add_article(3, 31)),
            scenario("add one old article", add_article(2, 20)),
            scenario("correct one translation", correct_translation),
            scenario("correct one sidecar", correct_sidecar),
        ]
    columns = ("own article pages", "other article pages", "listings", "feeds", "search shards", "other")
    print(f"baseline: {len(before)} files in the docs folder")
    print()
    print("| scenario | added | removed | changed | " + " | ".join(columns) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(columns))
    for name, kinds, added, removed in results:
        cells = " | ".join(str(kinds.get(c, 0)) for c in columns)
        print(f"| {name} | {added} | {removed} | {sum(kinds.values())} | {cells} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
