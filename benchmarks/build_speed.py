"""Build speed, phase by phase, against the floor set by jieba's own segmentation speed.

Usage: .venv/bin/python benchmarks/build_speed.py [--copies 10] [--repeat 3] [--mkdocs]

The corpus is the seeds folder copied N times, each copy made distinct (a count such as
128家 is changed in every line that has one; dates stay valid), so every article gets its
own id and page; copies are linked as near-duplicates, so index pages list one of each.
Prints a Markdown table of medians; BENCHMARKS.md records the results.
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyse.article import analyse_articles  # noqa: E402
from generator.analyse.segment import load_segmenter  # noqa: E402
from generator.analyse.topic_model import load_topic_model  # noqa: E402
from generator.analyse.topics import load_taxonomy  # noqa: E402
from generator.config import load_settings  # noqa: E402
from generator.ingest import ingest_seeds  # noqa: E402
from generator.pipeline import Content, render_docs  # noqa: E402
from generator.published import read_record  # noqa: E402
from generator.site import build_site  # noqa: E402
from generator.translate import load_memory, localize  # noqa: E402
from generator.write import write_tree  # noqa: E402

# A count before a unit (128家, 40423吨), never a date or year, so dates stay valid.
_FIRST_COUNT = re.compile(r"\d+(?=[家人户个吨项亩头件元万亿])")


def make_corpus(target: Path, copies: int) -> None:
    for copy in range(copies):
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            text = seed.read_text(encoding="utf-8-sig")
            # Change one number per line so every copy is a distinct article, not a duplicate.
            lines = [
                _FIRST_COUNT.sub(lambda m, c=copy: str(int(m.group()) + c * 7919), line, count=1)
                for line in text.splitlines()
            ]
            (target / f"c{copy:03d}_{seed.name}").write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(func: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mkdocs", action="store_true", help="also time the two MkDocs builds")
    args = parser.parse_args()

    import jieba

    jieba.setLogLevel(60)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        seeds = tmp / "seeds"
        seeds.mkdir()
        make_corpus(seeds, args.copies)
        settings = load_settings(seeds=seeds, docs=tmp / "docs", site=tmp / "site")
        taxonomy = load_taxonomy()
        topic_model = load_topic_model()

        t_ingest, ingested = timed(lambda: ingest_seeds(seeds), args.repeat)
        articles = ingested.articles  # type: ignore[attr-defined]
        chars = sum(len(a.body) for a in articles)

        def analyse_cold() -> object:
            # The segmenter caches segmentations per text: clear it, or repeats measure the cache.
            load_segmenter().forget()
            return analyse_articles(articles, taxonomy=taxonomy, topic_model=topic_model)

        load_segmenter()  # dictionary loading is a fixed start-up cost, reported apart
        t_analyse, analysed = timed(analyse_cold, args.repeat)
        memory = load_memory(settings.translations)
        t_localize, localized = timed(
            lambda: tuple(localize(a, memory=memory) for a in analysed),
            args.repeat,  # type: ignore[attr-defined]
        )
        content = Content(articles=localized, problems=(), taxonomy=taxonomy)  # type: ignore[arg-type]
        published = read_record(settings.docs_dir)
        t_render, files = timed(lambda: render_docs(content, settings, published=published), args.repeat)
        t_write, _ = timed(lambda: write_tree(settings.docs_dir, files), args.repeat)  # type: ignore[arg-type]

        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        text = "\n".join(a.body for a in articles)
        t_cut, _ = timed(lambda: list(tokenizer.cut(text)), args.repeat)

        rows = [
            ("ingest (read, clean, split)", t_ingest),
            ("analyse (regions, topics, figures, keywords, summary, duplicates)", t_analyse),
            ("localise (translation memory)", t_localize),
            ("render Markdown, both languages", t_render),
            ("write docs_src atomically", t_write),
            ("floor: one jieba.cut pass over all article text", t_cut),
        ]
        if args.mkdocs:
            t_site, _ = timed(lambda: build_site(settings), 1)
            rows.append(("MkDocs, both languages in parallel (1 run)", t_site))
        shutil.rmtree(tmp / "docs", ignore_errors=True)

    print(f"corpus: {len(articles)} articles, {chars:,} characters ({args.copies} copies of seeds/)")
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, medians of {args.repeat}\n")
    print("| phase | seconds | characters/s |")
    print("|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} | {chars / seconds:,.0f} |")


if __name__ == "__main__":
    main()
