"""Hostile seed text is shown as text: never executed, never interpreted (issue: robustness)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.config import load_settings
from generator.pipeline import run
from generator.site import build_site

ROOT = Path(__file__).resolve().parent.parent

# Each payload sits inside otherwise ordinary Chinese news prose so the splitter keeps it.
PAYLOADS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    '<iframe src="https://evil.example/"></iframe>',
    "[点我](javascript:alert(1))",
    "[数据](data:text/html;base64,PHNjcmlwdD4=)",
    '<div onclick="alert(2)">原始HTML块</div>',
    "&lt;b&gt;实体&lt;/b&gt; &amp; &#x3C;",
    "# 假标题",
    "- 假列表",
    "| 甲 | 乙 |",
    "---",
    '!!! note "假提示"',
    '--8<-- "/etc/passwd"',
    "文字 {#evil .red}",
    "[TOC]",
    "脚注[^1]",
    "`反引号`",
    "{{ 7*7 }}",
    "{% include 'mkdocs.yml' %}",
    "{# 注释 #}",
]


HOSTILE_TITLE = "{{ 7*7 }}<b>某市</b>支持复工"
HOSTILE_TITLE_SEED = (
    f"{HOSTILE_TITLE}\n\n"
    "本报讯（记者 张三）为做好复工复产工作，某市出台多项措施，支持企业尽快恢复生产。"
    "截至目前，全市已有128家企业复工。\n\n"
    "相关部门表示，将继续落实各项政策，帮助企业解决困难。\n"
)


def hostile_seed() -> str:
    lines = ["本报讯（记者 张三）为做好复工复产工作，某市出台多项措施，支持企业尽快恢复生产。"]
    for i, payload in enumerate(PAYLOADS, 1):
        lines.append(f"第{i}项措施原文如下：{payload}，相关部门表示将继续落实。")
    lines += ["", "某市出台多项措施支持复工复产", ""]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("hostile")
    seeds = tmp / "seeds"
    seeds.mkdir()
    (seeds / "{{ 7*7 }} <b>.txt").write_text(hostile_seed(), encoding="utf-8")
    (seeds / "title.txt").write_text(HOSTILE_TITLE_SEED, encoding="utf-8")
    settings = load_settings(seeds=seeds, docs=tmp / "docs", site=tmp / "site", root=ROOT)
    run(settings)
    build_site(settings)
    return tmp / "docs", tmp / "site"


def _article_html(site: Path) -> str:
    pages = sorted((site / "articles").glob("*.html"))
    assert pages, "no article page built"
    return "\n".join(p.read_text(encoding="utf-8") for p in pages)


def _bodies(docs: Path) -> str:
    """The Markdown after each page's front matter (which is YAML data, never rendered)."""
    return "\n".join(
        p.read_text(encoding="utf-8").split("\n---\n", 1)[1] for p in (docs / "zh" / "articles").glob("*.md")
    )


def test_markdown_contains_no_live_syntax(hostile_build: tuple[Path, Path]) -> None:
    docs, _ = hostile_build
    text = _bodies(docs)
    live = (
        "<script",
        "<img",
        "<iframe",
        "<div",
        "<b>",
        "](javascript:",
        "{{ 7*7 }}",
        "{% include",
        "\n# 假",
        "\n--8<--",
    )
    for syntax in live:
        assert syntax not in text


class _Elements(HTMLParser):
    """Collects (tag, attributes) of every element and the text of every script."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def test_html_has_no_injected_elements_or_links(hostile_build: tuple[Path, Path]) -> None:
    _, site = hostile_build
    parser = _Elements()
    parser.feed(_article_html(site))
    for tag, attrs in parser.elements:
        assert tag not in ("iframe", "img") or "onerror" not in attrs, (tag, attrs)
        assert tag != "iframe", attrs
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        href = (attrs.get("href") or "").strip().lower()
        assert not href.startswith(("javascript:", "data:")), (tag, attrs)
    assert not any("alert" in script for script in parser.scripts)


@pytest.mark.browser
def test_browser_shows_payloads_as_text(browser, hostile_build: tuple[Path, Path], artifacts_dir: Path) -> None:
    _, site = hostile_build
    page_file = sorted((site / "articles").glob("*.html"))[0]
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(page_file.as_uri(), wait_until="networkidle")
    text = page.inner_text("article")
    injected = page.evaluate(
        "() => document.querySelectorAll('article iframe, article img[onerror], article [onclick], "
        'article a[href^="javascript:"], article a[href^="data:"]\').length'
    )
    page.screenshot(path=str(artifacts_dir / "hostile-article.png"), full_page=True)
    context.close()
    assert dialogs == []
    assert injected == 0
    for payload in ("<script>alert('xss')</script>", "{{ 7*7 }}", "[TOC]", "--8<--", "<img src=x onerror=alert(1)>"):
        assert payload in text, payload


def test_hostile_title_is_literal_in_markdown_and_html(hostile_build: tuple[Path, Path]) -> None:
    docs, site = hostile_build
    assert HOSTILE_TITLE not in _bodies(docs)  # only in escaped form
    pages = [p.read_text(encoding="utf-8") for p in (site / "articles").glob("*.html")]
    page = next(p for p in pages if "某市" in p and "支持复工" in p and "&lt;b&gt;" in p)
    assert "<b>某市</b>" not in page
    assert "<title>{{ 7*7 }}&lt;b&gt;某市&lt;/b&gt;支持复工" in page


@pytest.mark.browser
def test_browser_shows_hostile_title_as_text(browser, hostile_build: tuple[Path, Path]) -> None:
    _, site = hostile_build
    context = browser.new_context()
    page = context.new_page()
    for page_file in sorted((site / "articles").glob("*.html")):
        page.goto(page_file.as_uri(), wait_until="networkidle")
        if page.title().startswith("{{ 7*7 }}"):
            break
    else:
        pytest.fail("no page with the hostile title")
    heading = page.inner_text("article h1")
    bold = page.evaluate("() => document.querySelectorAll('article h1 b').length")
    context.close()
    assert heading == HOSTILE_TITLE
    assert bold == 0
