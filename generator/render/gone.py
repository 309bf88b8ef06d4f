"""Pages of published ids that have no article any more (pure): redirects and removal notices.

A moved id gets a small static HTML page at the address MkDocs gave the old article
(`articles/<old>.html`: the site uses `use_directory_urls: false`, so it works from
`file://`). It sends the reader on with a relative meta refresh, which needs neither a
server nor JavaScript, keeps a `#fragment` when JavaScript runs, and shows a link for
everyone else. MkDocs copies it as it is; `generator.linkcheck` checks both its link
and its refresh target. A removed id gets a Markdown page in both languages that says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from generator.config import LANGUAGES
from generator.published import Gone
from generator.render.indexes import section
from generator.render.markdown import front_matter
from generator.render.views import SiteTemplates, article_path

HTML_LANG = {"zh": "zh-Hans", "en": "en"}


def redirect_path(article_id: str) -> str:
    """Docs path of a moved id's redirect: the built address of its old article page."""
    return article_path(article_id).removesuffix(".md") + ".html"


def redirect_html(target_id: str, *, lang: str, t: Mapping[str, str], site_url: str) -> str:
    """A page in `articles/` that sends the reader to the article `target_id` beside it."""
    href = escape(redirect_path(target_id).removeprefix("articles/"))
    canonical = escape(site_url + redirect_path(target_id))
    title = escape(f"{t['moved_title']} - {t['site_title']}")
    return (
        "<!doctype html>\n"
        f'<html lang="{HTML_LANG[lang]}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f"<title>{title}</title>\n"
        # Only to keep a `#fragment`, which a meta refresh drops; the refresh works without it.
        f'<script>location.replace("{href}" + location.hash)</script>\n'
        "</head>\n"
        "<body>\n"
        f'<p>{escape(t["moved_text"])} <a href="{href}">{escape(target_id)}</a></p>\n'
        "</body>\n"
        "</html>\n"
    )


def removed_markdown(article_id: str, *, lang: str, templates: SiteTemplates) -> str:
    """The notice at a removed article's address, in the site's own layout."""
    t = templates.strings[lang]
    page = article_path(article_id)
    meta = {
        "title": t["removed_title"],
        "hide": ["navigation"],
        "digest_section": section(page),
        "robots": "noindex",
        "search": {"exclude": True},  # Material's search plugin: the notice is not a result
    }
    template = templates.env.get_template("removed.md.j2")
    return template.render(t=t, id=article_id, page=page, front_matter=front_matter(meta))


def gone_files(gone: Iterable[Gone], *, templates: SiteTemplates, site_urls: Mapping[str, str]) -> dict[str, str]:
    """The redirect or removal page of every gone id, in both languages, keyed by docs path."""
    files: dict[str, str] = {}
    for item in gone:
        for lang in LANGUAGES:
            if item.moved_to is None:
                files[f"{lang}/{article_path(item.id)}"] = removed_markdown(item.id, lang=lang, templates=templates)
            else:
                t = templates.strings[lang]
                html = redirect_html(item.moved_to, lang=lang, t=t, site_url=site_urls[lang])
                files[f"{lang}/{redirect_path(item.id)}"] = html
    return files
