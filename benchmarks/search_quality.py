"""Site search at scale: 30 queries against grep, index size, time to the first result.

Usage: .venv/bin/python benchmarks/search_quality.py [--articles 1000] [--corpus FILE] [--keep DIR]

Builds a synthetic raw corpus of N articles (one plain file each, with a sidecar date):
sentences drawn at random from the articles of seeds/ (and, with --corpus, from the
paragraphs of a JSON-lines file such as ../shared/corpus/articles.jsonl, read at run time),
with counts changed, and headlines made of clauses from the same pool. Then runs the real
pipeline and both MkDocs builds, and measures:

* quality: 30 queries chosen from the corpus by a fixed seed (10 body-only Chinese words,
  5 place names, 5 numbers, 5 headlines, 5 English words on the English site). Truth is
  grep on the article texts: the Chinese title and body (a number must not be part of a
  longer number), or for English words the English title and summary, any word of the
  Results come from the site's search worker,
  in Chromium over http (every result, not only those on screen); region and topic pages
  are skipped. Recall over all results, precision over the first 10 articles.
* size: bytes of assets/search/ per language (and gzipped, as a server would send it).
* speed: headless Chromium, a fresh page per query: typing the query into the search box
  until the first result is shown, over http and over file://, and the same measured from
  the start of the page load.

Prints Markdown tables; BENCHMARKS.md §5 records the results.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import platform
import random
import re
import statistics
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyse.gazetteer import load_gazetteer  # noqa: E402
from generator.config import load_settings  # noqa: E402
from generator.pipeline import compute, run  # noqa: E402
from generator.site import build_site  # noqa: E402

_SENTENCE = re.compile(r"[^。！？]+[。！？]")
_COUNT = re.compile(r"\d+(?=[家人户个吨项亩头件元万亿名辆台])")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def sentence_pool(corpus: Path | None) -> list[str]:
    settings = load_settings(seeds=ROOT / "seeds")
    texts = [loc.article.raw.body for loc in compute(settings).articles]
    if corpus is not None:
        for line in corpus.read_text(encoding="utf-8").splitlines():
            texts.extend(json.loads(line).get("paragraphs") or [])
    pool = sorted({s.strip() for text in texts for s in _SENTENCE.findall(text) if 12 <= len(s.strip()) <= 160})
    return pool


def make_corpus(target: Path, articles: int, pool: list[str], rng: random.Random) -> None:
    clauses = sorted({c for s in pool for c in re.split(r"[，。！？；：、]", s) if 6 <= len(c) <= 14})
    for i in range(articles):
        title = f"{rng.choice(clauses)} {rng.choice(clauses)}"
        count = rng.randint(6, 24)
        sentences = [_COUNT.sub(lambda m: str(rng.randint(2, 9999)), rng.choice(pool)) for _ in range(count)]
        paragraphs = ["".join(sentences[j : j + 3]) for j in range(0, len(sentences), 3)]
        (target / f"n{i:05d}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        month, day = rng.randint(1, 6), rng.randint(1, 28)
        (target / f"n{i:05d}.txt.yml").write_text(f"date: 2020-{month:02d}-{day:02d}\n", encoding="utf-8")


def norm(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


def choose_queries(zh: list[dict], en: list[dict], rng: random.Random) -> list[tuple[str, str, str]]:
    """(kind, site, query) x 30, from the built corpus (fixed seed)."""
    import jieba

    bodies = [norm(a["body_zh"]) for a in zh]
    titles = [norm(a["title_zh"]) for a in zh]
    n = len(zh)
    words: dict[str, int] = {}
    for body in bodies[:400]:
        for word in set(jieba.cut(body)):
            if 2 <= len(word) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in word):
                words[word] = words.get(word, 0) + 1
    body_only = sorted(
        w
        for w, c in words.items()
        if c >= 2 and not any(w in t for t in titles) and sum(w in b for b in bodies) < n / 5
    )
    places = sorted({name for a in zh for name in a["regions_mentioned"] if sum(name in b for b in bodies) >= 2})
    numbers = sorted({m for b in bodies[:400] for m in re.findall(r"(?<!\d)\d{2,4}(?!\d)", b)})
    headlines = sorted({a["title_zh"] for a in zh if a["title_zh"] and not a["duplicate_of"]})
    gazetteer = load_gazetteer()
    english = []
    for name in places:
        names_en = {division.en for division in gazetteer.by_name(name) if division.en}
        if len(names_en) == 1:
            english.append((names_en.pop(), name))
    queries = [("body-only word", "zh", q) for q in rng.sample(body_only, 10)]
    queries += [("place name", "zh", q) for q in rng.sample(places, min(5, len(places)))]
    queries += [("number", "zh", q) for q in rng.sample(numbers, 5)]
    queries += [("headline", "zh", q) for q in rng.sample(headlines, 5)]
    # Cross-language: an English place name on the English site finds the Chinese texts naming it.
    queries += [("English place name", "en", f"{en_name}={zh_name}") for en_name, zh_name in rng.sample(english, 5)]
    return queries[:30]


def truth(kind: str, query: str, zh: list[dict], en: list[dict]) -> set[str]:
    if kind == "English place name":
        query = query.split("=", 1)[1]  # the Chinese name: grep the Chinese texts for it
    q = norm(query)
    if kind == "number":
        pattern = re.compile(rf"(?<![0-9]){re.escape(q)}(?![0-9])")
        return {a["id"] for a in zh if pattern.search(norm((a["title_zh"] or "") + "\n" + a["body_zh"]))}
    if kind in ("place name", "English place name"):
        # The article's own region (its page's breadcrumb) counts as naming the place.
        region = lambda a: " ".join(a["region"].get(k) or "" for k in ("province", "city", "county"))  # noqa: E731
        return {a["id"] for a in zh if q in norm((a["title_zh"] or "") + "\n" + a["body_zh"] + "\n" + region(a))}
    return {a["id"] for a in zh if q in norm((a["title_zh"] or "") + "\n" + a["body_zh"])}


_WORKER_QUERY = """async ([worker, queries]) => {
  const w = new Worker(worker);
  const answers = [];
  let resolve;
  w.onmessage = ev => resolve(ev.data);
  const ask = msg => new Promise(r => { resolve = r; w.postMessage(msg); });
  await ask({type: 0, data: {config: {}, docs: [], options: {}}});
  for (const q of queries) {
    const reply = await ask({type: 2, data: q});
    answers.push(reply.data.items.map(group => group[0].location));
  }
  w.terminate();
  return answers;
}"""


def article_ids(locations: list[str]) -> list[str]:
    return [m.group(1) for loc in locations if (m := re.match(r"articles/([^/#?]+)\.html", loc))]


def time_first_result(browser, url: str, query: str) -> tuple[float, float]:
    """(seconds from typing to the first result, from the start of the page load)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.click("label.md-search__icon, .md-search__input")
    start = time.perf_counter()
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=60000)
    typed = time.perf_counter() - start
    since_load = page.evaluate("() => performance.now()") / 1000
    context.close()
    return typed, since_load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, help="JSON lines with `paragraphs` (../shared/corpus/articles.jsonl)")
    parser.add_argument("--keep", type=Path, help="build here and keep the site (default: a temporary folder)")
    parser.add_argument("--seed", type=int, default=20200312)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = args.keep or Path(tmp_name)
        seeds = tmp / "seeds"
        seeds.mkdir(parents=True, exist_ok=True)
        pool = sentence_pool(args.corpus)
        make_corpus(seeds, args.articles, pool, rng)
        settings = load_settings(seeds=seeds, docs=tmp / "docs", site=tmp / "site", root=ROOT)
        start = time.perf_counter()
        run(settings)
        t_generate = time.perf_counter() - start
        start = time.perf_counter()
        build_site(settings)
        t_mkdocs = time.perf_counter() - start
        site = tmp / "site"
        zh = json.loads((tmp / "docs" / "zh" / "articles.json").read_text(encoding="utf-8"))["articles"]
        en = zh  # one export holds both languages' fields
        queries = choose_queries(zh, en, rng)

        sizes = {}
        for lang, root in (("zh", site), ("en", site / "en")):
            files = sorted((root / "assets" / "search").glob("*.js"))
            raw = sum(f.stat().st_size for f in files)
            packed = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
            table = (root / "assets" / "search" / "docs.js").stat().st_size
            sizes[lang] = (raw, packed, table, len(files))

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, format: str, *a: object) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        http_root = f"http://127.0.0.1:{server.server_address[1]}/"
        rows = []
        timings: dict[str, list[tuple[float, float]]] = {"http": [], "file": []}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            for lang, prefix in (("zh", ""), ("en", "en/")):
                mine = [q for q in queries if q[1] == lang]
                page.goto(http_root + prefix + "index.html")
                typed = [q.split("=", 1)[0] for _, _, q in mine]
                answers = page.evaluate(_WORKER_QUERY, ["assets/javascripts/digest-search.js", typed])
                for (kind, _, query), locations in zip(mine, answers, strict=True):
                    found = article_ids(locations)
                    expected = truth(kind, query, zh, en)
                    top = found[:10]
                    recall = len(expected & set(found)) / len(expected) if expected else 1.0
                    precision = sum(i in expected for i in top) / len(top) if top else (1.0 if not expected else 0.0)
                    rows.append((kind, lang, query, len(expected), len(found), recall, precision))
            page.close()
            timed = [q for q in queries if q[0] in ("body-only word", "place name")][:6]
            for _kind, lang, query in timed:
                prefix, query = ("" if lang == "zh" else "en/"), query.split("=", 1)[0]
                timings["http"].append(time_first_result(browser, http_root + prefix + "index.html", query))
                timings["file"].append(time_first_result(browser, (site / prefix / "index.html").as_uri(), query))
            browser.close()
        server.shutdown()

    print(f"corpus: {len(zh)} articles from {args.articles} synthetic files ({len(pool)} pool sentences)")
    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}")
    print(f"generator {t_generate:.1f} s, MkDocs both languages {t_mkdocs:.1f} s\n")
    print("| kind | site | query | grep | found | recall | precision@10 |")
    print("|---|---|---|---:|---:|---:|---:|")
    for kind, lang, query, expected, found, recall, precision in rows:
        print(f"| {kind} | {lang} | {query} | {expected} | {found} | {recall:.2f} | {precision:.2f} |")
    mean_r = statistics.mean(r[5] for r in rows)
    mean_p = statistics.mean(r[6] for r in rows)
    print(f"\nmean over {len(rows)} queries: recall {mean_r:.3f}, precision@10 {mean_p:.3f}")
    print(f"min: recall {min(r[5] for r in rows):.2f}, precision@10 {min(r[6] for r in rows):.2f}\n")
    print("| language | index bytes | gzipped | of which page table | files |")
    print("|---|---:|---:|---:|---:|")
    for lang, (raw, packed, table, count) in sizes.items():
        print(f"| {lang} | {raw:,} | {packed:,} | {table:,} | {count} |")
    print("\n| protocol | typing -> first result, median (max) | page load -> first result, median (max) |")
    print("|---|---|---|")
    for protocol, values in timings.items():
        typed = [v[0] for v in values]
        loaded = [v[1] for v in values]
        print(
            f"| {protocol} | {statistics.median(typed):.2f} s ({max(typed):.2f}) "
            f"| {statistics.median(loaded):.2f} s ({max(loaded):.2f}) |"
        )


if __name__ == "__main__":
    main()
