"""Scale: raw corpora of N articles in our real input layouts, timed stage by stage.

Usage:
    .venv/bin/python benchmarks/scale.py --articles 1000 [--stages] [--profile 30]
        [--build --jobs 1 --jobs 2 [--dask]] [--site] [--incremental] [--keep DIR]

The corpus is made by the layout synthesiser (`generator.training.synth`) from the shared
article corpus: e-paper pages, scraped web pages, multi-page scrapes, plain dumps and pages
of one-line briefs, in UTF-8, GB18030, CP950 and UTF-16, about one page in five in
Traditional characters. Pages are added until the corpus holds at least N articles (the
synthesiser's gold count; the splitter may find a few more or fewer). The shared corpus has
about 200 articles, so at N = 1,000 most articles are printed several times, as wire copy is:
the near-duplicate detector links them.

What is reported (Markdown rows for BENCHMARKS.md):

* `--stages`: in one process, serially, each stage of `pipeline.compute` and the render and
  write phases, against the floor: one `jieba.cut` pass over every article's title and body
  with a fresh `jieba.Tokenizer` whose dictionary is already loaded.
* `--profile K`: cProfile of the analysis stage, the K functions with the most own time.
* `--build`: `python -m generator build` in a child process (per `--jobs` value): wall time,
  CPU seconds of the whole process tree over wall time (cores used), and the peak of the
  summed proportional set size of the process tree (sampled every 50 ms from /proc; pages
  shared by forked workers count once). With `--dask`, each also with `--executor dask` (a
  local cluster of as many worker processes, started by the build), and whether its docs
  folder is byte-identical to the local run's.
* `--site`: `python -m generator site` (raw pages to both finished sites, no cache) beside two
  stock MkDocs + Material builds of the same Markdown, already written (Material's own search
  indexing every page, the same short navigation), and the search index sizes.
* `--incremental`: with a fresh cache folder, a first build, an unchanged rebuild, and a
  rebuild after one seed changed (one character of one article).

Nothing here is run by the tests; speed is never asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLES_PER_ROUND_ESTIMATE = 15  # one page of each of the five layouts holds about this many articles


def make_corpus(target: Path, articles: int, *, seed: int = 1) -> int:
    """Write synthetic raw pages holding at least `articles` articles into `target`; the count written."""
    from generator.training.corpus import load_corpus
    from generator.training.synth import synthesise

    corpus = load_corpus()
    rounds = max(1, articles // ARTICLES_PER_ROUND_ESTIMATE)
    while True:
        pages = synthesise(corpus, seed=seed, pages_per_layout=rounds)
        count = sum(len(page.articles) for page in pages)
        if count >= articles:
            break
        rounds += max(1, (articles - count) // ARTICLES_PER_ROUND_ESTIMATE)
    for page in pages:
        path = target / page.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page.data)
    return count


def _timed(func: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def stages(seeds: Path, tmp: Path, profile: int) -> None:
    """Each stage once, serially, in this process; the floor; optionally a profile of analysis."""
    import jieba

    from generator.analyse.article import analyse_articles
    from generator.analyse.segment import load_segmenter
    from generator.analyse.topic_model import load_topic_model
    from generator.analyse.topics import load_taxonomy
    from generator.config import load_settings
    from generator.ingest import ingest_seeds
    from generator.ingest.tagger import load_tagger
    from generator.pipeline import Content, render_docs
    from generator.published import read_record
    from generator.translate import load_memory, localize
    from generator.write import write_tree

    jieba.setLogLevel(60)
    settings = load_settings(seeds=seeds, docs=tmp / "docs", site=tmp / "site")
    t_load, _ = _timed(lambda: (load_segmenter(), load_tagger(), load_topic_model(), load_taxonomy()))
    tagger = load_tagger()
    t_ingest, ingested = _timed(lambda: ingest_seeds(seeds, tagger=tagger))
    raws = ingested.articles  # type: ignore[attr-defined]
    taxonomy, model = load_taxonomy(), load_topic_model()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    t_analyse, analysed = _timed(lambda: analyse_articles(raws, taxonomy=taxonomy, topic_model=model))
    if profiler:
        profiler.disable()
    memory = load_memory(settings.translations)
    t_localise, localised = _timed(lambda: tuple(localize(a, memory=memory) for a in analysed))  # type: ignore[attr-defined]
    content = Content(articles=localised, problems=(), taxonomy=taxonomy)  # type: ignore[arg-type]
    t_render, files = _timed(lambda: render_docs(content, settings, published=read_record(settings.docs_dir)))
    t_write, _ = _timed(lambda: write_tree(settings.docs_dir, files))  # type: ignore[arg-type]

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    text = "\n".join(f"{a.title or ''}\n{a.body}" for a in raws)
    t_floor, _ = _timed(lambda: list(tokenizer.cut(text)))

    chars = len(text)
    print(f"corpus: {len(raws)} articles, {chars:,} characters of title and body\n")
    print("| stage (one process, serial) | seconds | x floor |")
    print("|---|---:|---:|")
    rows = [
        ("resources (segmenter, tagger, topic model, taxonomy)", t_load),
        ("ingest (read, clean, split)", t_ingest),
        ("analyse (regions, topics, figures, keywords, dates, summary, duplicates)", t_analyse),
        ("localise", t_localise),
        ("render Markdown, both languages", t_render),
        ("write docs folder", t_write),
    ]
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / t_floor:.2f} |")
    generator_total = t_ingest + t_analyse + t_localise + t_render + t_write
    print(f"| **generator, all stages** | **{generator_total:.2f}** | **{generator_total / t_floor:.2f}** |")
    print(f"| floor: one jieba.cut pass | {t_floor:.2f} | 1.00 |")
    if profiler:
        print()
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(profile)


def _tree_memory_kb(pid: int) -> int:
    """Memory of `pid` and every descendant, in KiB (Linux /proc): proportional set size where
    the kernel gives it, else resident set size."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm", encoding="ascii") as statm:
                pages = int(statm.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += _pss_kb(current) or rss.get(current, 0)
        stack.extend(children.get(current, ()))
    return total


def _pss_kb(pid: int) -> int | None:
    """Proportional set size of `pid` in KiB: a page shared by n processes counts 1/n (pool
    workers forked from the driver share its tables; summed RSS would count them per worker)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def run_measured(cmd: Sequence[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run `cmd`: (wall seconds, CPU seconds of the process tree, peak summed PSS in MiB)."""
    before = os.times()
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_memory_kb(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = os.times()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, peak // 1024


def _build_cmd(
    seeds: Path, docs: Path, jobs: int | None, *, cache: bool = False, command: str = "build", site: Path | None = None
) -> list[str]:
    """`generator build` (or `site` into `site`); without `cache`, with --no-cache (the default
    cache folder would answer every run after the first)."""
    cmd = [sys.executable, "-m", "generator", command, "--seeds", str(seeds), "--docs", str(docs)]
    cmd += ["--site", str(site)] if site is not None else []
    cmd += [] if cache else ["--no-cache"]
    return [*cmd, "--jobs", str(jobs)] if jobs is not None else cmd


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def builds(seeds: Path, tmp: Path, jobs: Sequence[int | None], env: dict[str, str], *, dask: bool = False) -> None:
    """Each --jobs value on local processes, and with `dask` on a local Dask cluster of as many
    worker processes (started by the build: its start-up and the workers' loading included)."""
    print("\n| `generator build` | wall s | CPU s | cores used | peak memory (process tree) | output |")
    print("|---|---:|---:|---:|---:|---|")
    for job in jobs:
        local = tmp / f"docs-{job}"
        wall, cpu, peak = run_measured(_build_cmd(seeds, local, job), env)
        name = f"--jobs {job}" if job is not None else "default jobs"
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {cpu / wall:.2f} | {peak} MB | reference |")
        if dask:
            on_dask = tmp / f"docs-dask-{job}"
            cmd = [*_build_cmd(seeds, on_dask, job), "--executor", "dask"]
            wall, cpu, peak = run_measured(cmd, env)
            same = "identical" if _tree(on_dask) == _tree(local) else "DIFFERENT"
            print(f"| {name} --executor dask | {wall:.1f} | {cpu:.1f} | {cpu / wall:.2f} | {peak} MB | {same} |")


def _stock_config(docs: Path, site: Path, language: str) -> str:
    """A stock MkDocs + Material configuration: Material's own search plugin, the site's
    markdown extensions and short navigation (from mkdocs.yml), no theme overrides."""
    from generator.site import load_mkdocs_config

    ours = load_mkdocs_config(ROOT / "mkdocs.yml")
    config = {
        "site_name": "stock",
        "docs_dir": str(docs),
        "site_dir": str(site),
        "use_directory_urls": False,
        "theme": {"name": "material", "language": language},
        "plugins": ["search"],
        "markdown_extensions": ours["markdown_extensions"],
        "nav": ["index.md"],
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def _stock_docs(source: Path, target: Path) -> None:
    """The digest's Markdown for one language as a stock user would feed it to MkDocs:
    every page in Material's own search index (our pages opt out of it for the digest's)."""
    shutil.copytree(source, target)
    for page in target.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("search:\n  exclude: true\n", "", 1), encoding="utf-8")


def sites(seeds: Path, tmp: Path, jobs: int | None, env: dict[str, str]) -> None:
    """Raw pages to both finished sites (`generator site`, no cache) beside two stock MkDocs +
    Material builds of the same Markdown (already written: the user's Markdown in a stock
    set-up, Material's own search plugin indexing every page, the same short navigation)."""
    docs, site = tmp / "docs-site", tmp / "site"
    ours = run_measured(_build_cmd(seeds, docs, jobs, command="site", site=site), env)
    rows = [("`generator site`: raw pages to both sites", ours, _index_mb(site))]
    stock_wall, stock_cpu, stock_peak = 0.0, 0.0, 0
    for language in ("zh", "en"):
        stock_docs, stock_site = tmp / f"stock-docs-{language}", tmp / f"stock-site-{language}"
        _stock_docs(docs / language, stock_docs)
        config = tmp / f"stock-{language}.yml"
        config.write_text(_stock_config(stock_docs, stock_site, language), encoding="utf-8")
        wall, cpu, peak = run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], env)
        rows.append((f"stock MkDocs + Material, {language} Markdown", (wall, cpu, peak), _index_mb(stock_site)))
        stock_wall, stock_cpu, stock_peak = stock_wall + wall, stock_cpu + cpu, max(stock_peak, peak)
    rows.append(("stock, both languages one after the other", (stock_wall, stock_cpu, stock_peak), ""))
    print("\n| raw pages to a finished site | wall s | CPU s | cores used | peak memory | search index |")
    print("|---|---:|---:|---:|---:|---|")
    for name, (wall, cpu, peak), index in rows:
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {cpu / wall:.2f} | {peak} MB | {index} |")
    print(f"\nratio digest / stock: {ours[0] / stock_wall:.2f}")


def _index_mb(site: Path) -> str:
    """Size of the search index of each language's site under `site`: the digest's shards
    (`assets/search/`) plus Material's `search/search_index.json`."""
    sizes = []
    for root in sorted({p.parent.parent for p in site.rglob("search_index.json")}):
        files = [root / "search" / "search_index.json", *(root / "assets" / "search").glob("*")]
        sizes.append(sum(p.stat().st_size for p in files if p.is_file()) / 1e6)
    return " / ".join(f"{size:.1f} MB" for size in sizes)


def incremental(seeds: Path, tmp: Path, jobs: int | None, env: dict[str, str]) -> None:
    cache = tmp / "cache"
    env = {**env, "DIGEST_CACHE_DIR": str(cache)}
    docs = tmp / "docs-incremental"
    cmd = _build_cmd(seeds, docs, jobs, cache=True)
    cold = run_measured(cmd, env)
    warm = run_measured(cmd, env)
    first = sorted(p for p in seeds.rglob("*.txt"))[0]
    data = first.read_bytes()
    # One character of the page's last article changes: a new article text, a new id, one seed to redo.
    first.write_bytes(data.rstrip() + "。\n".encode() if data[:2] not in (b"\xff\xfe", b"\xfe\xff") else data)
    changed = run_measured(cmd, env)
    print("\n| `generator build` with the cache | wall s | CPU s | peak memory |")
    print("|---|---:|---:|---:|")
    for name, (wall, cpu, peak) in (("cold cache", cold), ("nothing changed", warm), ("one seed changed", changed)):
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {peak} MB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--stages", action="store_true", help="time each stage in this process")
    parser.add_argument("--profile", type=int, default=0, metavar="K", help="profile analysis, print K rows")
    parser.add_argument("--build", action="store_true", help="time `generator build` in a child process")
    parser.add_argument("--jobs", type=int, action="append", help="--jobs values for --build (repeatable)")
    parser.add_argument("--incremental", action="store_true", help="time rebuilds with the cache")
    parser.add_argument("--site", action="store_true", help="`generator site` beside two stock MkDocs builds")
    parser.add_argument("--dask", action="store_true", help="with --build: also on a local Dask cluster")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()

    env = {k: v for k, v in os.environ.items() if k not in {"DIGEST_STRICT"}}
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        seeds = args.keep or tmp / "seeds"
        seeds.mkdir(parents=True, exist_ok=True)
        count = make_corpus(seeds, args.articles)
        files = sum(1 for p in seeds.rglob("*") if p.is_file())
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        print(f"corpus: {files} files, {count} articles by the synthesiser's count\n")
        if args.stages or args.profile:
            stages(seeds, tmp, args.profile)
        if args.build:
            builds(seeds, tmp, args.jobs or [None], env, dask=args.dask)
        if args.site:
            sites(seeds, tmp, (args.jobs or [None])[0], env)
        if args.incremental:
            incremental(seeds, tmp, (args.jobs or [None])[0], env)
        shutil.rmtree(tmp / "docs", ignore_errors=True)


if __name__ == "__main__":
    main()
