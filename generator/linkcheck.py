"""Check every internal link and anchor of a built site (both languages).

MkDocs validates links between Markdown pages; this checks what the browser gets:
every `href`/`src` in every HTML page must resolve to a file of the site, and every
`#fragment` to an element id in the target page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# Material's own 404 page uses absolute links rooted at site_url; it is served by a web
# server for any missing path, so its links are not relative to its own location.
SKIP_PAGES = frozenset({"404.html", "en/404.html"})
_METADATA_RELS = frozenset({"canonical", "alternate"})
_LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


@dataclass(frozen=True, slots=True)
class BrokenLink:
    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target} ({self.reason})"


_REFRESH_URL = re.compile(r"^\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?(.+?)\s*$", re.IGNORECASE)


def refresh_target(content: str) -> str | None:
    """The address of a `<meta http-equiv="refresh" content="0; url=...">`, quotes removed; None if it names none."""
    match = _REFRESH_URL.match(content)
    if match is None:
        return None
    url = match.group(1)
    if len(url) >= 2 and url[0] == url[-1] and url[0] in "'\"":
        url = url[1:-1]
    return url or None


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            value = values.get(key)
            if value and (key == "id" or tag == "a"):
                self.ids.add(value)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            # A redirect page (generator.render.gone) sends the reader on by its refresh target.
            target = refresh_target(values.get("content") or "")
            if target is not None:
                self.links.append(target)
            return
        attr = _LINK_ATTRS.get(tag)
        target = values.get(attr) if attr else None
        if target is None:
            return
        rel = set((values.get("rel") or "").lower().split())
        if tag == "link" and rel & _METADATA_RELS and urlsplit(target).scheme in ("http", "https"):
            # canonical / alternate name the page's public address; nothing is fetched.
            return
        self.links.append(target)


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def check_site(site: Path) -> tuple[BrokenLink, ...]:
    """Every broken internal link or anchor in `site`, sorted; external links are reported too."""
    site = site.resolve()
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}
    parsed = {rel: _parse(path) for rel, path in pages.items()}
    broken: list[BrokenLink] = []
    for rel, parser in parsed.items():
        if rel in SKIP_PAGES:
            continue
        for link in parser.links:
            broken.extend(_check_link(site, rel, link, parsed))
    return tuple(sorted(set(broken), key=lambda b: (b.page, b.target)))


def _check_link(site: Path, page: str, link: str, parsed: dict[str, _PageParser]) -> Iterable[BrokenLink]:
    parts = urlsplit(link)
    if parts.scheme in ("mailto", "data", "blob"):
        return
    if parts.scheme or parts.netloc:
        yield BrokenLink(page, link, "points to another host")
        return
    if parts.path.startswith("/"):
        yield BrokenLink(page, link, "absolute path: breaks from file:// and under a sub-path")
        return
    base = PurePosixPath(page).parent
    target_rel = PurePosixPath(*(base / unquote(parts.path)).parts) if parts.path else PurePosixPath(page)
    normal: list[str] = []
    for part in target_rel.parts:
        if part == "..":
            if not normal:
                yield BrokenLink(page, link, "leaves the site folder")
                return
            normal.pop()
        elif part != ".":
            normal.append(part)
    target = "/".join(normal)
    path = site.joinpath(*normal) if normal else site
    if path.is_dir():
        target = f"{target}/index.html".lstrip("/")
        path = path / "index.html"
    if not path.is_file():
        yield BrokenLink(page, link, "no such file")
        return
    if parts.fragment and target in parsed and unquote(parts.fragment) not in parsed[target].ids:
        yield BrokenLink(page, link, "no such anchor")
