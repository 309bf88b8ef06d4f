from __future__ import annotations

from pathlib import Path

import pytest

from generator.linkcheck import check_site, refresh_target


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for rel, html in pages.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return tmp_path


def test_good_links_and_anchors_pass(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": '<a href="a/b.html#x">b</a><a href="#top">t</a><p id="top"></p><a href="en/">en</a>',
            "a/b.html": '<h2 id="x">x</h2><a href="../index.html">home</a><script src="../s.js"></script>',
            "en/index.html": '<a href="../a/b.html">b</a>',
            "s.js": "",
        },
    )
    assert check_site(site) == ()


def test_broken_file_anchor_host_and_escape_are_reported(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": (
                '<a href="missing.html">m</a><a href="a.html#nope">n</a>'
                '<img src="https://cdn.example/x.png"><a href="../../etc/passwd">e</a><link href="/abs.css">'
            ),
            "a.html": '<p id="yes"></p>',
        },
    )
    reasons = {(b.target, b.reason) for b in check_site(site)}
    assert reasons == {
        ("missing.html", "no such file"),
        ("a.html#nope", "no such anchor"),
        ("https://cdn.example/x.png", "points to another host"),
        ("../../etc/passwd", "leaves the site folder"),
        ("/abs.css", "absolute path: breaks from file:// and under a sub-path"),
    }


def test_built_site_has_no_broken_links(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    broken = check_site(site)
    assert broken == (), "\n".join(map(str, broken))


def test_a_redirect_page_is_checked_by_its_refresh_target(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "articles/new.html": "<h1>new</h1>",
            "articles/old.html": '<meta http-equiv="refresh" content="0; url=new.html"><a href="new.html">new</a>',
            "articles/lost.html": '<meta http-equiv="Refresh" content="0;URL=\'gone.html\'">',
        },
    )
    assert [(b.page, b.target, b.reason) for b in check_site(site)] == [
        ("articles/lost.html", "gone.html", "no such file")
    ]


@pytest.mark.parametrize(
    ("content", "target"),
    [
        ("0; url=a.html", "a.html"),
        ("5;URL='b.html#x'", "b.html#x"),
        ('0, url="c.html"', "c.html"),
        ("0; d.html", "d.html"),
        ("30", None),
        ("", None),
    ],
)
def test_refresh_target(content: str, target: str | None) -> None:
    assert refresh_target(content) == target
