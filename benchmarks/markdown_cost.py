"""What Python-Markdown spends on the parts of an article page (the largest share of MkDocs' time).

Usage:
    .venv/bin/python -m generator build --seeds SEEDS --docs /tmp/docs   # any corpus
    .venv/bin/python benchmarks/markdown_cost.py --docs /tmp/docs [--lang zh] [--pages 600]

Converts the first N article pages of one language with the extensions of mkdocs.yml, whole
and with one part left out or handed over as ready HTML: the story's text, the panel after it
(`<aside class="digest-panel">`: chips, keywords, the key-figures table), and the
related / by-date link lists (the headings marked `{ data-search-exclude }`); and as the site
converts them, with the ready HTML blocks set aside by `generator/mkdocs_hooks.py`. Prints
seconds per variant. Nothing here is run by the tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.mkdocs_hooks import set_aside  # noqa: E402 (after the path above)
from generator.site import load_mkdocs_config  # noqa: E402

TEXT_MARK = "{ #text }"
PANEL_MARK = '<aside class="digest-panel"'
LISTS_MARK = "{ data-search-exclude }"


def body(page: str) -> str:
    """The page without its front matter."""
    return page.split("---\n", 2)[2] if page.startswith("---\n") else page


def _lists_start(page: str) -> int:
    mark = page.index(LISTS_MARK)
    return page.rindex("\n## ", 0, mark) + 1


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and options the site's mkdocs.yml names."""
    names, configs = [], {}
    for item in load_mkdocs_config(ROOT / "mkdocs.yml")["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if options:
            configs[name] = options
    return markdown.Markdown(extensions=names, extension_configs=configs)


def convert_all(pages: Sequence[str]) -> float:
    md = site_markdown()
    start = time.perf_counter()
    for page in pages:
        md.reset()
        md.convert(page)
    return time.perf_counter() - start


def variants(html_of: Callable[[str], str]) -> dict[str, Callable[[str], str]]:
    return {
        "whole page": lambda p: p,
        "without the story's text": lambda p: p[: p.index(TEXT_MARK)] + p[p.index(PANEL_MARK) :],
        "without the panel": lambda p: p[: p.index(PANEL_MARK)] + p[_lists_start(p) :],
        "without the link lists": lambda p: p[: _lists_start(p)],
        "panel and lists as ready HTML": lambda p: p[: p.index(PANEL_MARK)] + "\n" + html_of(p[p.index(PANEL_MARK) :]),
        # What the site's hook hands Python-Markdown (the blocks go back in after conversion).
        "ready HTML blocks set aside (the site's hook)": lambda p: set_aside(p)[0],
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--lang", default="zh")
    parser.add_argument("--pages", type=int, default=600)
    args = parser.parse_args(argv)
    files = sorted((args.docs / args.lang / "articles").glob("*.md"))[: args.pages]
    pages = [body(f.read_text(encoding="utf-8")) for f in files]
    pages = [p for p in pages if TEXT_MARK in p and PANEL_MARK in p and LISTS_MARK in p]
    converter = site_markdown()

    def html_of(part: str) -> str:
        converter.reset()
        return converter.convert(part) + "\n"

    print(f"{len(pages)} article pages ({args.lang})\n")
    print("| variant | seconds |")
    print("|---|---:|")
    for name, make in variants(html_of).items():
        print(f"| {name} | {convert_all([make(p) for p in pages]):.2f} |")


if __name__ == "__main__":
    main()
