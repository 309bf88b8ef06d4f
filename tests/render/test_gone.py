"""Pages of published ids without an article: a redirect when moved, a notice when removed."""

from __future__ import annotations

import re

import yaml

from generator.published import Gone
from generator.render.gone import gone_files, redirect_html, redirect_path, removed_markdown
from generator.render.views import SiteTemplates

URLS = {"zh": "https://d.example.org/", "en": "https://d.example.org/en/"}


def test_a_moved_id_redirects_relatively_from_its_old_address(templates: SiteTemplates) -> None:
    html = redirect_html("003-abc-0c94f240e4", lang="en", t=templates.strings["en"], site_url=URLS["en"])
    assert redirect_path("2020-03-12-0c94f240e4") == "articles/2020-03-12-0c94f240e4.html"
    # Relative, so it works from file:// and under any sub-path; a link for readers it does not move.
    assert '<meta http-equiv="refresh" content="0; url=003-abc-0c94f240e4.html">' in html
    assert '<a href="003-abc-0c94f240e4.html">' in html
    assert '<link rel="canonical" href="https://d.example.org/en/articles/003-abc-0c94f240e4.html">' in html
    assert '<html lang="en">' in html and '<meta name="robots" content="noindex">' in html


def test_a_removed_id_says_so_in_both_languages(templates: SiteTemplates) -> None:
    for lang, words, id_line in (
        ("zh", "文章已移除", "文章编号：undated-0123456789"),
        ("en", "Article removed", "Article id: undated-0123456789"),
    ):
        page = removed_markdown("undated-0123456789", lang=lang, templates=templates)
        _, front, body = page.split("---\n", 2)
        meta = yaml.safe_load(front)
        assert meta["title"] == words and meta["search"] == {"exclude": True} and meta["robots"] == "noindex"
        assert f"# {words}" in body and id_line in body
        assert re.search(r"\]\(\.\./timeline\.md\)", body) and re.search(r"\]\(\.\./index\.md\)", body)


def test_gone_files_cover_both_languages_at_the_old_paths(templates: SiteTemplates) -> None:
    files = gone_files([Gone("old-0123456789", "new-0123456789"), Gone("gone-9876543210", None)],
                       templates=templates, site_urls=URLS)  # fmt: skip
    assert sorted(files) == [
        "en/articles/gone-9876543210.md",
        "en/articles/old-0123456789.html",
        "zh/articles/gone-9876543210.md",
        "zh/articles/old-0123456789.html",
    ]
    assert '<html lang="zh-Hans">' in files["zh/articles/old-0123456789.html"]
