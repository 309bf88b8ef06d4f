"""The regions map (render/regionmap.py): drawn from literal squares, deterministic, every region a link."""

from __future__ import annotations

import math

from generator.render.regionmap import MapRegion, draw_map, legend, level, map_regions, prefecture_codes, project


def _square(lon: float, lat: float, size: float = 1.0) -> tuple[tuple[float, float], ...]:
    return ((lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat))


SHAPES = {
    "150000": (_square(110, 40, 2),),
    "150100": (_square(110, 40),),
    "150200": (_square(111, 40),),
    "150300": (_square(110, 41),),
}


def _draw(**overrides: object) -> str:
    shapes = project(SHAPES, ["150000"])
    regions, outlines = map_regions(
        ["150000"],
        shapes,
        counts={"150000": 5, "150100": 4, "150200": 1},
        labels={"150100": 'Hohhot "<City>"', "150200": "Baotou"},
        hrefs={"150100": "150100.html", "150200": "150200.html", "150300": "150300.html"},
    )
    return draw_map(
        regions,
        outlines=outlines,
        height=shapes.height,
        title="Map",
        description="Shaded <by> count",
        item="{label}: {count}",
    )


def test_each_region_with_articles_is_a_named_link_shaded_by_count() -> None:
    svg = _draw()
    assert svg.startswith("<svg") and svg.endswith("</svg>") and "\n" not in svg
    assert 'role="group"' in svg and "<desc" in svg and "Shaded &lt;by&gt; count" in svg
    assert '<a href="150100.html" aria-label="Hohhot &quot;&lt;City&gt;&quot;: 4">' in svg
    assert 'class="digest-map__level4"' in svg and 'class="digest-map__level1"' in svg
    # A prefecture with no article is drawn but is no link; the province outline is drawn on top.
    assert "150300.html" not in svg and svg.count("<a ") == 2
    assert svg.rindex("digest-map__outline") > svg.rindex("</a>")
    assert _draw() == svg  # same input, same bytes


def test_levels_and_legend() -> None:
    assert [level(n, 8) for n in (0, 1, 2, 3, 8)] == [0, 1, 1, 2, 4]
    text = legend([0, 1, 2, 8], none="none", heading="Articles")
    assert text.startswith('<p class="digest-map__legend">Articles: ')
    assert "none" in text and "1–2" in text and ">8</span>" in text


def test_no_shapes_no_map() -> None:
    assert draw_map([], height=0, title="t", description="d", item="{label}") == ""
    assert draw_map([MapRegion("1", "x", 1, None, "")], height=0, title="t", description="d", item="{label}") == ""
    assert project({}, ["150000"]).paths == {}


def test_projection_frames_the_prefectures_and_keeps_the_aspect() -> None:
    shapes = project(SHAPES, ["150000"])
    # Three unit squares, two degrees wide and high: 360 units wide, longitudes squeezed by
    # the cosine of the middle latitude (41), so the map is taller than wide.
    assert shapes.height == math.ceil(360 / math.cos(math.radians(41)))
    assert set(shapes.paths) == set(SHAPES)
    assert shapes.paths["150100"].startswith("M0 ")


def test_package_ships_the_prefectures_of_the_corpus_provinces() -> None:
    codes = prefecture_codes("150000")
    assert "150100" in codes and "152900" in codes and "150000" not in codes
    assert "410800" in prefecture_codes("410000")
