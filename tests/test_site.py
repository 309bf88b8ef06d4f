"""End to end: seeds -> docs_src -> both MkDocs sites, in temporary folders."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from generator.changelog import read_history
from generator.config import Settings
from generator.pipeline import compute, render_docs, run
from generator.published import read_record
from generator.render.export import export_json, load_schema
from generator.render.views import region_chain
from generator.site import load_mkdocs_config

pytestmark = pytest.mark.site
SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schema" / "articles.schema.json"
ROOT = Path(__file__).resolve().parents[1]
ATOM = "{http://www.w3.org/2005/Atom}"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_every_article_has_a_page_in_both_languages(built_site: tuple[Path, Path]) -> None:
    docs, site = built_site
    zh = sorted(p.name for p in (docs / "zh" / "articles").glob("*.md"))
    en = sorted(p.name for p in (docs / "en" / "articles").glob("*.md"))
    assert zh and zh == en
    for name in zh:
        html_name = name.replace(".md", ".html")
        assert (site / "articles" / html_name).is_file()
        assert (site / "en" / "articles" / html_name).is_file()


def test_both_languages_have_home_region_and_topic_pages(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    for root, lang in ((site, "zh-Hans"), (site / "en", "en")):
        for page in ("index.html", "regions/index.html", "topics/index.html"):
            html = (root / page).read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html, page
        assert (root / "search" / "search_index.json").is_file()
        assert (root / "search" / "search_index.js").is_file()  # offline plugin, for file://
    assert "首页" in (site / "index.html").read_text(encoding="utf-8")
    assert "Home" in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_each_language_has_its_own_search_index(built_site: tuple[Path, Path]) -> None:
    """Each language has the digest's bigram index (render.search); Material's lunr index is empty."""
    _, site = built_site
    tables = {}
    for lang, root in (("zh", site), ("en", site / "en")):
        material = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert material["docs"] == []  # every page is `search: exclude`: lunr would cut queries
        docs = (root / "assets" / "search" / "docs.js").read_text(encoding="utf-8")
        assert docs.startswith("digestSearchDocs(")
        tables[lang] = json.loads("[" + docs.removeprefix("digestSearchDocs(").removesuffix(");\n") + "]")[1]
        assert (root / "assets" / "javascripts" / "digest-search.js").is_file()
        assert '"search": "assets/javascripts/digest-search.js"' in (root / "index.html").read_text(encoding="utf-8")
    assert [row[0] for row in tables["zh"]] == [row[0] for row in tables["en"]]  # same pages, same order
    assert tables["zh"] != tables["en"]  # titles and previews in each language


def test_language_switcher_links_to_the_same_page(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    article = sorted((site / "articles").glob("*.html"))[0]
    zh_html = article.read_text(encoding="utf-8")
    assert f'href="../en/articles/{article.name}" hreflang="en"' in zh_html
    en_html = (site / "en" / "articles" / article.name).read_text(encoding="utf-8")
    assert f'href="../../articles/{article.name}" hreflang="zh-Hans"' in en_html
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="./en/index.html" hreflang="en"' in home
    for page in (site / "404.html", site / "en" / "404.html"):
        assert not re.search(r'href="//', page.read_text(encoding="utf-8")), page


def test_no_reference_to_other_hosts_in_html(built_site: tuple[Path, Path]) -> None:
    """Nothing a browser fetches points elsewhere; `rel="canonical"` names the published URL, never fetched."""
    _, site = built_site
    tag = re.compile(r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>", re.I)
    foreign = re.compile(r'(?:src|href|data)="(?:https?:)?//', re.I)
    for page in site.rglob("*.html"):
        for element in tag.findall(page.read_text(encoding="utf-8")):
            if 'rel="canonical"' in element:
                continue
            assert not foreign.search(element), (page, element)


def test_docs_build_is_deterministic(project_settings: Settings, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    run(project_settings.with_paths(docs_dir=first))
    run(project_settings.with_paths(docs_dir=second))
    assert _tree(first) == _tree(second)


def test_committed_docs_src_is_up_to_date(project_settings: Settings) -> None:
    """docs_src/ is committed: regenerating from seeds/ must change nothing."""
    docs = project_settings.root / "docs_src"
    expected = render_docs(
        compute(project_settings), project_settings, published=read_record(docs), history=read_history(docs)
    )
    actual = {k: v.decode("utf-8") for k, v in _tree(docs).items()}
    assert sorted(actual) == sorted(expected), "run `make build` and commit docs_src/"
    changed = [path for path in expected if actual[path] != expected[path]]
    assert not changed, f"docs_src/ is stale ({len(changed)} files); run `make build` and commit it"


def test_export_is_valid_against_both_schemas(project_settings: Settings) -> None:
    document = json.loads(export_json(compute(project_settings).articles))
    assert document["articles"]
    jsonschema.Draft202012Validator(load_schema()).validate(document)
    if SHARED_SCHEMA.is_file():  # the team's original, when the shelf is beside the checkout
        jsonschema.Draft202012Validator(json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))).validate(document)
        # Ours may add fields (date_basis), never change one the shared contract defines.
        ours, shared = load_schema(), json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))
        mine, theirs = ours["$defs"]["article"], shared["$defs"]["article"]
        assert set(theirs["required"]) <= set(mine["required"])
        assert {k: mine["properties"][k] for k in theirs["properties"]} == theirs["properties"]
        assert {k: v for k, v in ours.items() if k != "$defs"} == {k: v for k, v in shared.items() if k != "$defs"}


def test_export_pages_point_at_generated_files(built_site: tuple[Path, Path], project_settings: Settings) -> None:
    docs, _ = built_site
    document = json.loads(export_json(compute(project_settings).articles))
    for article in document["articles"]:
        assert (docs / article["pages"]["zh"]).is_file()
        assert (docs / article["pages"]["en"]).is_file()


# --- the reader's site (issue 6) ---

PAGE_TYPES = ("index.html", "regions/index.html", "topics/index.html", "timeline.html", "sources.html")


class _Outline(HTMLParser):
    """Headings of the page content, and the charts with the ids they are labelled by."""

    def __init__(self) -> None:
        super().__init__()
        self.in_content = 0
        self.levels: list[int] = []
        self.charts: list[dict[str, str | None]] = []
        self.ids: dict[str, str] = {}
        self._open: str | None = None
        self.lang_blocks: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article" and "md-content__inner" in (a.get("class") or ""):
            self.in_content += 1
        if not self.in_content:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        if tag == "svg" and a.get("role") == "img":
            self.charts.append(a)
        if tag == "details":
            self.lang_blocks.append(a.get("lang"))
        if tag in ("title", "desc") and a.get("id"):
            self._open = a["id"]
            self.ids[a["id"]] = ""

    def handle_data(self, data: str) -> None:
        if self._open:
            self.ids[self._open] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "desc"):
            self._open = None
        if tag == "article" and self.in_content:
            self.in_content -= 1


def _outline(page: Path) -> _Outline:
    parser = _Outline()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_every_page_type_exists_in_both_languages_with_its_lang(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    region = sorted((site / "regions").glob("1*.html"))[0].name
    topic = sorted(p.name for p in (site / "topics").glob("*.html") if p.name != "index.html")[0]
    for root, lang in ((site, "zh-Hans"), (site / "en", "en")):
        for page in (*PAGE_TYPES, f"regions/{region}", f"topics/{topic}"):
            html = (root / page).read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html, (root, page)
        # Small explicit nav: the five sections as tabs, never the article list.
        tabs = re.findall(r'class="md-tabs__item', (root / "index.html").read_text(encoding="utf-8"))
        assert len(tabs) == 5
        home = (root / "index.html").read_text(encoding="utf-8")
        # One copy of the export, at the site root: the English home links one folder up.
        href = "articles.json" if root == site else "../articles.json"
        assert (root / href).is_file() and f'href="{href}"' in home
    assert not (site / "en" / "articles.json").exists()


def test_region_pages_exist_for_every_level_of_every_article(
    built_site: tuple[Path, Path], project_settings: Settings
) -> None:
    _, site = built_site
    for loc in compute(project_settings).articles:
        for code, _, _ in region_chain(loc.article.region):
            for root in (site, site / "en"):
                assert (root / "regions" / f"{code}.html").is_file(), code


def test_headings_never_skip_a_level(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        levels = _outline(page).levels
        assert levels and levels[0] == 1, page
        assert all(b - a <= 1 for a, b in pairwise(levels)), (page, levels)


def test_charts_have_accessible_names_and_a_data_table(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    for root in (site, site / "en"):
        for page in ("sources.html", "regions/index.html", "topics/index.html", "timeline.html"):
            outline = _outline(root / page)
            assert outline.charts, page
            for chart in outline.charts:
                names = (chart.get("aria-labelledby") or "").split()
                assert len(names) == 2 and all(outline.ids.get(n, "").strip() for n in names), (page, chart)
            html = (root / page).read_text(encoding="utf-8")
            assert "<table>" in html and '<script type="text/javascript">window.pygal' not in html


def test_english_article_links_to_the_chinese_text_instead_of_carrying_it(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    for page in sorted((site / "en" / "articles").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        (href,) = re.findall(r'<p class="digest-original"><a href="([^"]+)" hreflang="zh-Hans">', html)
        chinese = (page.parent / href.split("#")[0]).resolve()
        assert chinese == (site / "articles" / page.name).resolve() and href.endswith("#text")
        assert 'id="text"' in chinese.read_text(encoding="utf-8")
        assert _outline(page).lang_blocks == []  # no folded copy of the text


def test_search_index_holds_articles_regions_and_topics(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    for root in (site, site / "en"):
        docs = (root / "assets" / "search" / "docs.js").read_text(encoding="utf-8")
        rows = json.loads("[" + docs.removeprefix("digestSearchDocs(").removesuffix(");\n") + "]")[1]
        kinds = {row[0].split("/")[0] for row in rows}
        assert kinds == {"articles", "regions", "topics"}
        assert all((root / row[0]).is_file() for row in rows)


def test_feeds_are_atom_with_absolute_links_from_site_url(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    zh_url = load_mkdocs_config(ROOT / "mkdocs.yml")["site_url"]
    en_url = zh_url + "en/"  # derived in code (generator.site.site_urls), not configured twice
    for root, url in ((site, zh_url), (site / "en", en_url)):
        feed = ET.fromstring((root / "feed.xml").read_bytes())
        assert feed.tag == ATOM + "feed"
        entries = feed.findall(ATOM + "entry")
        assert entries
        for entry in entries:
            link = entry.find(ATOM + "link").get("href")
            # an article, or an update of the digest on the page of what changed
            assert link.startswith((url + "articles/", url + "changes.html#update-"))
            # the link names a page that exists in the built site
            assert (root / link.removeprefix(url).partition("#")[0]).is_file()
        head = (root / "index.html").read_text(encoding="utf-8")
        assert 'type="application/atom+xml"' in head


def test_jieba_dictionary_for_search_drops_comment_lines() -> None:
    from generator.site import jieba_dictionary_text

    text = "# comment\n复工复产 2000 n\n\n  # indented\n呼伦贝尔市\n"
    assert jieba_dictionary_text(text) == "复工复产 2000 n\n呼伦贝尔市\n"


def test_page_highlighting_splits_queries_on_headline_punctuation() -> None:
    """Material highlights the query on the page opened, split on `separator` only."""
    plugins = load_mkdocs_config(ROOT / "mkdocs.yml")["plugins"]
    search = next(p["search"] for p in plugins if isinstance(p, dict) and "search" in p)
    words = [w for w in re.split(search["separator"], "复工复产“加速跑”：呼伦贝尔（市）《意见》") if w]
    assert words == ["复工复产", "加速跑", "呼伦贝尔", "市", "意见"]


def test_site_build_is_reproducible_with_source_date_epoch(
    built_site: tuple[Path, Path], project_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two MkDocs builds of the same docs are byte-identical when SOURCE_DATE_EPOCH is set."""
    from generator.site import build_site

    docs, _ = built_site
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1585699200")
    first = build_site(project_settings, docs_dir=docs, site_dir=tmp_path / "one")
    second = build_site(project_settings, docs_dir=docs, site_dir=tmp_path / "two")
    a, b = _tree(first), _tree(second)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


def test_sharded_mkdocs_builds_make_the_same_site(
    built_site: tuple[Path, Path], project_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Article pages split over three MkDocs builds per language: every page byte for byte
    what one build makes (links, navigation, language switch); the sitemaps list the same
    pages."""
    from generator.site import build_site

    docs, _ = built_site
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1585699200")
    whole = _tree(build_site(project_settings, docs_dir=docs, site_dir=tmp_path / "whole", shards=1))
    sharded = _tree(build_site(project_settings, docs_dir=docs, site_dir=tmp_path / "sharded", shards=3))
    assert sorted(whole) == sorted(sharded)
    differ = sorted(name for name in whole if whole[name] != sharded[name])
    assert differ == ["en/sitemap.xml", "en/sitemap.xml.gz", "sitemap.xml", "sitemap.xml.gz"]
    for name in ("sitemap.xml", "en/sitemap.xml"):
        locs = [re.findall(rb"<loc>(.*?)</loc>", tree[name]) for tree in (whole, sharded)]
        assert sorted(locs[0]) == locs[1] and len(locs[1]) == len(set(locs[1]))
    assert gzip.decompress(sharded["sitemap.xml.gz"]) == sharded["sitemap.xml"]


def test_shards_are_one_per_ten_thousand_article_pages_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import site
    from generator.errors import BuildError

    articles = tmp_path / "zh" / "articles"
    articles.mkdir(parents=True)
    for n in range(5):
        (articles / f"a-{n}.md").write_text("x", encoding="utf-8")
    assert site.shard_count(tmp_path, None) == 1
    monkeypatch.setattr(site, "SHARD_PAGES", 2)
    assert site.shard_count(tmp_path, None) == 3
    assert site.shard_count(tmp_path, 1) == 1 and site.shard_count(tmp_path, 40) == 16
    with pytest.raises(BuildError, match="at least 1"):
        site.shard_count(tmp_path, 0)
    builds = site.mkdocs_builds(3)
    assert [b.name for b in builds] == ["zh", "zh-1", "zh-2", "zh-3", "en", "en-1", "en-2", "en-3"]
    # Every hex digit an article id can end with belongs to exactly one shard.
    ends = [b.exclude.rsplit("[", 1)[1].split("]")[0] for b in builds if b.articles_only and b.lang == "zh"]
    assert sorted("".join(ends)) == sorted(site.ARTICLE_ID_ENDS)
