"""Boundaries to compact SVG path data: projection, Douglas-Peucker simplification, encoding.

Used at build time by ``manage.py build_maps``; nothing here runs while serving a page.
"""

import math

# A plain equirectangular projection, widened by the cosine of Morocco's middle latitude so
# shapes keep their proportions; the map is small enough that nothing better is needed.
WEST, EAST, SOUTH, NORTH = -17.2, -0.9, 20.7, 36.1
WIDTH = 1000
COS = math.cos(math.radians((SOUTH + NORTH) / 2))
SCALE = WIDTH / ((EAST - WEST) * COS)
HEIGHT = round((NORTH - SOUTH) * SCALE)


def project(lon: float, lat: float) -> tuple[float, float]:
    return ((lon - WEST) * COS * SCALE, (NORTH - lat) * SCALE)


def _distance(point, start, end) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (rings have thousands of points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > far:
                far, index = d, i
        if far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The area centroid of a ring (the mean of its points if it has no area)."""
    twice_area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        twice_area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(twice_area) < 1e-9:
        return (sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))
    return (cx / (3 * twice_area), cy / (3 * twice_area))


def _inside(x: float, y: float, points: list[tuple[float, float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _edge_distance(x: float, y: float, points: list[tuple[float, float]]) -> float:
    nearest = math.inf
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        dx, dy = x2 - x1, y2 - y1
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
        nearest = min(nearest, math.hypot(x - x1 - t * dx, y - y1 - t * dy))
    return nearest


def label_point(points: list[tuple[float, float]], steps: int = 24) -> tuple[float, float]:
    """Where a label sits best: the grid point inside the ring farthest from its edges.

    The centroid of a long or bent shape (L'Oriental, the coast) can fall on a neighbour.
    """
    xs, ys = [x for x, _ in points], [y for _, y in points]
    best, where = -1.0, centroid(points)
    for i in range(1, steps):
        for j in range(1, steps):
            x = min(xs) + (max(xs) - min(xs)) * i / steps
            y = min(ys) + (max(ys) - min(ys)) * j / steps
            if _inside(x, y, points):
                room = _edge_distance(x, y, points)
                if room > best:
                    best, where = room, (x, y)
    return where


def path_data(points: list[tuple[int, int]]) -> str:
    """``M x y`` then relative moves, integers only: the shortest path text."""
    x0, y0 = points[0]
    parts = [f"M{x0} {y0}"]
    previous = points[0]
    moves = []
    for x, y in points[1:]:
        dx, dy = x - previous[0], y - previous[1]
        if dx or dy:
            moves.append(f"{dx}" + (f"{dy}" if dy < 0 else f" {dy}"))
            previous = (x, y)
    return parts[0] + "l" + " ".join(moves).replace(" -", "-") + "z"


def shape(lonlat: list[tuple[float, float]], tolerance: float) -> dict:
    projected = [project(lon, lat) for lon, lat in lonlat]
    simplified = simplify(projected, tolerance)
    rounded = [(round(x), round(y)) for x, y in simplified]
    xs, ys = [x for x, _ in rounded], [y for _, y in rounded]
    label_x, label_y = label_point(simplified)
    return {
        "d": path_data(rounded),
        "x": round(label_x),
        "y": round(label_y),
        "box": [min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)],
    }
