"""Render the graph as one self-contained, offline, interactive HTML map.

The page (``templates/map.html``, its styles ``map.css`` and its script, split by
concern into the ``SCRIPTS`` files, all inlined when the page is written) is ours;
the canvas is vis-network, whose script and stylesheet are inlined from the copy
pyvis ships, so the file opens from
``file://`` with no network and no server. Everything the page shows travels as
JSON inside a ``<script type="application/json">`` block with ``<``, ``>`` and
``&`` escaped, and the page only ever puts corpus text into the DOM as text.

Positions are computed here (a force-directed layout with a fixed seed, rounded to
integers), so the map opens already laid out with physics off, and the same graph
gives the same bytes. Three views of one graph can be drawn:

* ``full``: papers and the entities they name (every relation of the graph);
* ``papers``: papers joined by shared entities (:func:`graphtool.paper_graph`);
* ``entities``: entities joined by co-occurrence (:func:`graphtool.entity_graph`).

Communities and their labels always come from :func:`graphtool.communities` and
:func:`graphtool.community_labels` on the full graph, so the map names them exactly
as the CLI and the Python API do, whatever the view.
"""

from __future__ import annotations

import heapq
import html as _html
import json
import math
import os
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import networkx as nx
import numpy as np
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from scipy.spatial import cKDTree

from .analysis import (
    BETWEENNESS_EXACT_MAX,
    METRICS,
    betweenness_sample,
    centrality_scores,
    communities,
    community_labels,
)
from .graph import (
    ENTITY_RELATIONS,
    SimplePairs,
    entity_graph,
    paper_graph,
    papers_of,
    simple_graph,
)
from .output import write_atomic

VIEWS = ("full", "papers", "entities")
COLORS = ("community", "kind", "year")
SIZES = METRICS
#: Default ``max_nodes``: above this the map keeps the most central nodes.
MAX_NODES = 2000
#: Betweenness is shipped for panels while it is exact (or always, when it sizes
#: the nodes: beyond this many nodes it is then sampled, and the page says so).
BETWEENNESS_MAX = BETWEENNESS_EXACT_MAX
#: The papers view keeps each paper's strongest links to other papers.
BACKBONE_PER_PAPER = 3
#: Links from a drawn node to nodes not drawn that the page carries (the most
#: central first) ...
LINKS_OUT = 40
#: ... and fewer when those links and the nodes they name would take more than this
#: many characters of the page (see _links_out): with drawn nodes capped too, the
#: page stays under 20 MB at any corpus size.
LINKS_BUDGET = 12_000_000
#: A view with more nodes than this opens as an overview (see :func:`map_data`).
OVERVIEW_AT = 1000
#: A method named by this share of the papers is a generic concept.
GENERIC_SHARE = 0.15

SHAPES = {
    "paper": "dot",
    "system": "diamond",
    "model": "triangle",
    "dataset": "square",
    "hardware": "triangleDown",
    "method": "star",
    "other": "hexagon",
}
SYMBOLS = {
    "paper": "●",
    "system": "◆",
    "model": "▲",
    "dataset": "■",
    "hardware": "▼",
    "method": "★",
    "other": "⬢",
}
KIND_COLORS = {
    "paper": "#4e79a7",
    "system": "#e15759",
    "model": "#f28e2b",
    "dataset": "#59a14f",
    "hardware": "#9c755f",
    "method": "#b07aa1",
    "other": "#bab0ac",
}
#: Community colours: 24 that stay apart from one another (no second orange or
#: blue of nearly the same hue); :func:`community_colors` gives neighbouring
#: communities the most different ones.
PALETTE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
    "#bcbd22", "#17becf", "#393b79", "#f7b6d2", "#98df8a", "#ffbb78", "#aec7e8",
    "#637939", "#7b4173", "#00a087", "#ff9896", "#c49c94", "#f0e442", "#00e07f",
    "#ff1493", "#800000", "#a6761d",
]  # fmt: skip
OTHER_COMMUNITY = "#c7c7c7"
EDGE_COLORS = {
    "introduces": "#2b7a0b",
    "mentions": "#9aa0a6",
    "uses": "#c9b3d6",
    "variant_of": "#e15759",
    "builds_on": "#1f3b73",
    "cites": "#555555",
    "shares": "#8fa8c8",
    "co_occurs": "#c0a7b8",
}
#: force_layout iterations inside a community region, at most (a region is small
#: and starts compact, so it settles sooner than a whole map; a piece of a few
#: nodes sooner still: see _group_iterations).
GROUP_ITERATIONS = 150


def _group_iterations(n: int) -> int:
    return min(GROUP_ITERATIONS, 40 + 2 * n)


_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_TEMPLATES = Path(__file__).parent / "templates"
#: The page's script, by concern, in the order it is inlined (one scope).
SCRIPTS = ("map-core.js", "map-labels.js", "map-filters.js", "map-panel.js", "map-search.js")
_EVIDENCE_KEYS = ("surface", "sentence", "field", "via", "entity", "how", "basis")


# ---------------------------------------------------------------- layout


def force_layout(
    n: int,
    edges: np.ndarray,
    weights: np.ndarray | None = None,
    seed: int = 42,
    iterations: int | None = None,
) -> np.ndarray:
    """Force-directed positions for nodes ``0..n-1`` joined by ``edges`` (an ``m×2``
    integer array), as an ``n×2`` float array.

    ForceAtlas2-style forces (linear attraction along edges, degree-weighted
    repulsion, a little gravity so islands stay near), made fast enough for
    thousands of nodes: repulsion is exact between nodes closer than a few edge
    lengths (a k-d tree finds them) and, farther away, comes from the centres of
    mass of a coarse grid. Seeded and deterministic.

    Example:
        >>> pos = force_layout(3, np.array([[0, 1], [1, 2]]))
        >>> pos.shape
        (3, 2)
        >>> bool((pos == force_layout(3, np.array([[0, 1], [1, 2]]))).all())
        True
    """
    pos = np.zeros((n, 2))
    if n <= 1:
        return pos
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    ei, ej = edges[:, 0], edges[:, 1]
    w = np.ones(len(edges)) if weights is None else np.asarray(weights, dtype=float)
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, (n, 2))
    if iterations is None:
        iterations = 300 if n <= 500 else 200 if n <= 2000 else 140
    mass = np.sqrt(1.0 + np.bincount(np.concatenate([ei, ej]), minlength=n).astype(float))
    t0, near, grid, gravity, kr = side / 4, 4.0, 24, 0.01, 2.0
    for it in range(iterations):
        temp = t0 * (1 - it / iterations) + 0.05
        disp = np.zeros((n, 2))
        d = pos[ei] - pos[ej]
        f = d * (np.sqrt((d * d).sum(1)) * w)[:, None]
        for c in (0, 1):
            disp[:, c] -= np.bincount(ei, f[:, c], n) - np.bincount(ej, f[:, c], n)
        lo = pos.min(0)
        cs = float((pos.max(0) - lo).max()) / grid + 1e-9
        cell = np.minimum(((pos - lo) / cs).astype(np.int64), grid - 1)
        cid = cell[:, 0] * grid + cell[:, 1]
        cm = np.bincount(cid, mass, grid * grid)
        full = cm > 0
        cx = np.bincount(cid, mass * pos[:, 0], grid * grid)[full] / cm[full]
        cy = np.bincount(cid, mass * pos[:, 1], grid * grid)[full] / cm[full]
        cm = cm[full]
        dx = pos[:, :1] - cx[None, :]
        dy = pos[:, 1:] - cy[None, :]
        inv = kr * cm[None, :] / (dx * dx + dy * dy + cs * cs / 4)
        disp[:, 0] += mass * (dx * inv).sum(1)
        disp[:, 1] += mass * (dy * inv).sum(1)
        pairs = cKDTree(pos).query_pairs(near, output_type="ndarray")
        if len(pairs):
            a, b = pairs[:, 0], pairs[:, 1]
            d = pos[a] - pos[b]
            f = d * (kr * mass[a] * mass[b] / ((d * d).sum(1) + 0.01))[:, None]
            for c in (0, 1):
                disp[:, c] += np.bincount(a, f[:, c], n) - np.bincount(b, f[:, c], n)
        disp -= pos * (gravity * mass)[:, None]
        disp /= mass[:, None]
        length = np.sqrt((disp * disp).sum(1)) + 1e-9
        pos += disp * (np.minimum(length, temp) / length)[:, None]
    return pos


def components(G: nx.Graph) -> Iterator[tuple[list[str], np.ndarray, np.ndarray]]:
    """The connected components :func:`layout` lays out, largest first, each as its
    sorted nodes, its edges (an ``m×2`` array of indices into them) and the edge
    weights (scaled to a mean of 1 over the whole graph, clipped to 0.25…4).

    Example:
        >>> g = nx.Graph([("a", "b"), ("c", "d"), ("d", "e")])
        >>> [(comp, e.tolist()) for comp, e, _ in components(g)]
        [(['c', 'd', 'e'], [[0, 1], [1, 2]]), (['a', 'b'], [[0, 1]])]
    """
    H = simple_graph(G)
    comps = sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0]))
    mean_w = np.mean([w for *_, w in H.edges(data="weight")] or [1.0])
    for comp in comps:
        index = {v: i for i, v in enumerate(comp)}
        sub = H.subgraph(comp).edges(data="weight")
        rows = sorted((*sorted((index[u], index[v])), float(w)) for u, v, w in sub)
        edges = np.array([r[:2] for r in rows], dtype=np.int64).reshape(-1, 2)
        w = np.clip(np.array([r[2] for r in rows], dtype=float) / mean_w, 0.25, 4.0)
        yield comp, edges, w


def _shape(
    n: int, edges: np.ndarray, w: np.ndarray, seed: int, cache: dict, iterations: int | None = None
) -> np.ndarray:
    """force_layout, computed once per small shape (islands repeat a few shapes)."""
    if n > 8:
        return force_layout(n, edges, w, seed=seed, iterations=iterations)
    key = (n, edges.tobytes(), w.tobytes())
    if key not in cache:
        cache[key] = force_layout(n, edges, w, seed=seed, iterations=iterations)
    return cache[key].copy()


def _separate(centre: np.ndarray, radius: np.ndarray, gap: float, rounds: int = 120) -> np.ndarray:
    """Push discs apart until none overlaps (a large disc moves less than a small one)."""
    c = centre.copy()
    n = len(c)
    if n < 2:
        return c
    mass = radius * radius + 1e-9
    reach = 2 * float(radius.max()) + gap
    for _ in range(rounds):
        pairs = cKDTree(c).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        a, b = pairs[:, 0], pairs[:, 1]
        d = c[a] - c[b]
        dist = np.sqrt((d * d).sum(1)) + 1e-9
        over = radius[a] + radius[b] + gap - dist
        keep = over > 1e-6
        if not keep.any():
            break
        a, b, d, dist, over = a[keep], b[keep], d[keep], dist[keep], over[keep]
        push = d / dist[:, None] * over[:, None] * 0.5
        wa = mass[b] / (mass[a] + mass[b])
        # a disc pushed by many at once moves by their mean push, not their sum
        hits = np.maximum(np.bincount(a, None, n) + np.bincount(b, None, n), 1)
        step = np.zeros((n, 2))
        for k in (0, 1):
            step[:, k] += np.bincount(a, push[:, k] * wa, n)
            step[:, k] -= np.bincount(b, push[:, k] * (1 - wa), n)
        c += step / np.sqrt(hits)[:, None]
    return c


def _by_group(G: nx.Graph, groups: dict[str, int], seed: int) -> dict[str, np.ndarray]:
    """Community regions: each group laid out on its own inside a disc, the discs
    placed by how strongly the groups are joined, then pushed apart."""
    H = simple_graph(G)
    nodes = sorted(H)
    gid = {v: groups.get(v, -1) for v in nodes}
    size = Counter(gid.values())
    # nodes alone in their group (or in none) share one region of loose nodes
    loose = [v for v in nodes if gid[v] < 0 or size[gid[v]] == 1]
    keys = sorted({gid[v] for v in nodes} - {gid[v] for v in loose})
    slot = {g: i for i, g in enumerate(keys)}
    member_of = {v: slot[gid[v]] for v in nodes if gid[v] in slot}
    member_of.update(dict.fromkeys(loose, len(keys)))
    n_groups = len(keys) + (1 if loose else 0)
    members: list[list[str]] = [[] for _ in range(n_groups)]
    for v in nodes:
        members[member_of[v]].append(v)
    mean_w = np.mean([w for *_, w in H.edges(data="weight")] or [1.0])
    inner: list[list[tuple[int, int, float]]] = [[] for _ in range(n_groups)]
    between: dict[tuple[int, int], float] = {}
    local = {}
    for ms in members:
        local.update({v: i for i, v in enumerate(ms)})
    for u, v, w in H.edges(data="weight"):
        a, b = member_of[u], member_of[v]
        if a == b:
            i, j = sorted((local[u], local[v]))
            inner[a].append((i, j, float(w)))
        else:
            key = (min(a, b), max(a, b))
            between[key] = between.get(key, 0.0) + float(w)
    cache: dict = {}
    shapes, radius = [], np.zeros(n_groups)
    for g, ms in enumerate(members):
        rows = sorted(inner[g])
        edges = np.array([r[:2] for r in rows], dtype=np.int64).reshape(-1, 2)
        w = np.clip(np.array([r[2] for r in rows], dtype=float) / mean_w, 0.25, 4.0)
        if g == len(keys):  # the loose nodes: a square grid
            side = math.ceil(math.sqrt(len(ms)))
            pos = np.array([(i % side, i // side) for i in range(len(ms))], dtype=float)
        elif len(ms) > 1:
            pos = _islands(len(ms), edges, w, seed, cache)
        else:
            pos = np.zeros((1, 2))
        pos = pos - pos.mean(0)
        r = math.sqrt(len(ms)) * 0.9 + 0.6
        extent = float(np.percentile(np.sqrt((pos * pos).sum(1)), 95)) if len(ms) > 1 else 0.0
        shapes.append(pos * (r / extent) if extent > 0 else pos)
        radius[g] = max(r, float(np.sqrt((shapes[-1] ** 2).sum(1)).max()) * 0.9)
    pairs = sorted(between)
    edges = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    bw = np.array([between[p] for p in pairs], dtype=float)
    bw = np.clip(bw / (bw.mean() if len(bw) else 1.0), 0.25, 4.0)
    centre = force_layout(n_groups, edges, bw, seed=seed) if n_groups > 1 else np.zeros((1, 2))
    # bring the centres to the discs' scale, packed tight (the separation that
    # follows opens just the room each disc needs): each centre keeps its direction
    # and its distance becomes its rank's share of a disc that holds them all, so an
    # island community the force sent far away comes back to the rim
    centre -= np.average(centre, axis=0, weights=radius * radius)
    dist = np.sqrt((centre**2).sum(1))
    rank = np.empty(n_groups)
    rank[np.argsort(dist, kind="stable")] = np.arange(n_groups)
    reach = 1.1 * math.sqrt(float((radius**2).sum()))
    unit = centre / np.maximum(dist, 1e-9)[:, None]
    centre = unit * (reach * np.sqrt((rank + 0.5) / n_groups))[:, None]
    centre = _separate(centre, radius, gap=1.0, rounds=300)
    return {v: shapes[member_of[v]][local[v]] + centre[member_of[v]] for v in nodes}


def layout(
    G: nx.Graph,
    seed: int = 42,
    scale: float = 14.0,
    groups: dict[str, int] | None = None,
) -> dict[str, tuple[int, int]]:
    """Integer x, y positions (pixels at zoom 1) for every node of ``G``.

    ``G`` may be the graph :func:`graphtool.build_graph` returns or any view of it.
    With ``groups`` (node → community number, as :func:`graphtool.communities`
    gives them), the map is drawn as regions, the way VOSviewer separates clusters:
    each community is laid out on its own inside a disc sized by its members, and
    the discs are placed by how strongly the communities are joined, then pushed
    apart so that no two overlap. Without ``groups``, each connected component is
    laid out on its own (:func:`force_layout`; heavier edges pull harder, scaled
    to a mean of 1 and clipped to 0.25…4), then the components are packed in rows,
    largest first. Fixed seed, rounded coordinates: the same graph always gets the
    same picture.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> pos = layout(G)
        >>> pos == layout(gt.build_graph(gt.read(gt.bundled_corpus())))
        True
        >>> groups = {n: i for i, c in enumerate(gt.communities(G)) for n in c}
        >>> layout(G, groups=groups) == layout(G, groups=groups)
        True
    """
    if G.number_of_nodes() == 0:
        return {}
    if groups is not None:
        found = _by_group(G, groups, seed)
        comps = [sorted(found)]
        placed = [(comps[0], np.array([found[v] for v in comps[0]]))]
    else:
        placed = _packed(G, seed)
    allpos = np.concatenate([p for _, p in placed])
    centre = (allpos.min(0) + allpos.max(0)) / 2
    if 2 <= len(allpos) < 300:
        # small maps: spread them so that neighbours sit ~110 px apart and
        # labels do not pile up once the page fits the view
        nearest = cKDTree(allpos).query(allpos, k=2)[0][:, 1]
        scale = max(scale, 110.0 / max(float(np.median(nearest)), 1e-6))
    out: dict[str, tuple[int, int]] = {}
    for comp, pos in placed:
        for v, (px, py) in zip(comp, pos - centre, strict=True):
            out[v] = (round(float(px) * scale), round(float(py) * scale))
    return out


def _packed(G: nx.Graph, seed: int) -> list[tuple[list[str], np.ndarray]]:
    """Each component laid out on its own, packed in rows (:func:`_shelf`)."""
    cache: dict = {}
    comps, shapes = [], []
    for comp, edges, w in components(G):
        comps.append(comp)
        shapes.append(_shape(len(comp), edges, w, seed, cache))
    return list(zip(comps, _shelf(shapes), strict=True))


def _shelf(shapes: list[np.ndarray], gap: float = 2.0) -> list[np.ndarray]:
    """Shelf packing, in the order given: rows no wider than the first shape or the
    square root of the total area."""
    boxes = []
    for pos in shapes:
        lo, hi = pos.min(0), pos.max(0)
        boxes.append((pos - lo, np.maximum(hi - lo, 1.0)))
    area = sum(float((b[0] + gap) * (b[1] + gap)) for _, b in boxes)
    width = max(float(boxes[0][1][0]), math.sqrt(area))
    x = y = row_h = 0.0
    placed = []
    for pos, (bw, bh) in boxes:
        if x > 0 and x + bw > width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        placed.append(pos + np.array([x, y]))
        x += float(bw) + gap
        row_h = max(row_h, float(bh))
    return placed


def _islands(n: int, edges: np.ndarray, w: np.ndarray, seed: int, cache: dict) -> np.ndarray:
    """A community's members: each connected piece laid out on its own (pieces
    left apart would drift away from each other), then packed, largest first."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    adj = coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    count, label = connected_components(adj, directed=False)
    if count == 1:
        return _shape(n, edges, w, seed, cache, _group_iterations(n))
    pieces = sorted(
        (np.flatnonzero(label == c) for c in range(count)), key=lambda m: (-len(m), int(m[0]))
    )
    shapes = []
    for m in pieces:
        where = np.full(n, -1)
        where[m] = np.arange(len(m))
        keep = (where[edges[:, 0]] >= 0) if len(edges) else np.zeros(0, dtype=bool)
        sub = where[edges[keep]].reshape(-1, 2)
        shapes.append(_shape(len(m), sub, w[keep], seed, cache, _group_iterations(len(m))))
    pos = np.zeros((n, 2))
    for m, p in zip(pieces, _shelf(shapes, gap=1.0), strict=True):
        pos[m] = p
    return pos


# ---------------------------------------------------------------- data for the page


def _view(G: nx.MultiDiGraph, view: str) -> nx.Graph:
    if view == "full":
        return G
    if view == "papers":
        return paper_graph(G)
    if view == "entities":
        return entity_graph(G)
    raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")


def _short_label(d: dict) -> str:
    """A node's label on the canvas: a paper's short name ("Clover" for "Clover:
    Closed-Loop…") or its title cut at 32 characters; an entity's name."""
    if d.get("kind") != "paper":
        return str(d.get("name") or d.get("label") or "")
    title = re.sub(r"\$([^$]{1,20})\$", r"\1", str(d.get("title") or d.get("label") or ""))
    head = title.split(":", 1)[0].strip()
    if ":" in title and 2 <= len(head) <= 30:
        return head
    return title if len(title) <= 32 else title[:30].rstrip() + "…"


def _utf16(text: str, offset: int) -> int:
    """A Python character offset as the UTF-16 offset JavaScript strings use."""
    return len(text[:offset].encode("utf-16-le")) // 2


def _num(x: float) -> float:
    """Six significant digits: stable bytes, enough for a panel."""
    return float(f"{x:.6g}")


def _node_info(G: nx.MultiDiGraph, n: str, drawn: bool = True) -> dict:
    """What a panel shows of a node; a paper that is not drawn travels without its
    abstract and authors, so the page stays small at any corpus size."""
    d = G.nodes[n]
    info = {}
    if d["kind"] == "paper":
        keys = ("id", "title", "abstract", "url", "authors", "year")
        if not drawn:
            keys = ("id", "title", "url", "year")
    else:
        keys = ("name", "family", "aliases")
    for key in keys:
        value = d.get(key)
        if value not in (None, "", [], ()):
            info[key] = list(value) if isinstance(value, (list, tuple)) else value
    return info


def _evidence(G: nx.MultiDiGraph, u: str, d: dict) -> dict:
    ev = {key: d[key] for key in _EVIDENCE_KEYS if d.get(key) not in (None, "")}
    field = d.get("field")
    if field in ("title", "abstract") and "start" in d and "end" in d:
        text = str(G.nodes[u].get(field) or "")
        ev["start"], ev["end"] = _utf16(text, d["start"]), _utf16(text, d["end"])
    if "confidence" in d:
        ev["confidence"] = round(float(d["confidence"]), 3)
    if d.get("via_family"):
        ev["via_family"] = True  # the panel says the link is to a family member, and weaker
    return ev


def _color_distance(a: str, b: str) -> float:
    """A perceptual distance between two ``#rrggbb`` colours ("redmean")."""
    r1, g1, b1 = (int(a[i : i + 2], 16) for i in (1, 3, 5))
    r2, g2, b2 = (int(b[i : i + 2], 16) for i in (1, 3, 5))
    rm = (r1 + r2) / 2
    dr, dg, db = r1 - r2, g1 - g2, b1 - b2
    return math.sqrt((2 + rm / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rm) / 256) * db * db)


def community_colors(
    G: nx.MultiDiGraph, comms: list[set[str]], pairs: SimplePairs | None = None
) -> list[str]:
    """A colour per community: the largest communities take ``PALETTE`` colours in
    turn, each the one farthest from the colours of the communities it is joined
    to (ties: palette order); communities beyond the palette are grey.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> colors = community_colors(G, gt.communities(G))
        >>> len(set(colors[:20])) == 20
        True
    """
    comm_of = {n: i for i, c in enumerate(comms) for n in c}
    joined: dict[int, set[int]] = {}
    if pairs is None and G.is_multigraph():
        pairs = SimplePairs.of(G)
    if pairs is not None:  # the communities each joined pair of nodes spans
        of = np.array([comm_of.get(n, -1) for n in pairs.nodes], dtype=np.int64)
        a, b = of[pairs.first], of[pairs.second]
        across = (a != b) & (a >= 0) & (b >= 0)
        spans = set(zip(a[across].tolist(), b[across].tolist(), strict=True))
    else:
        spans = {(comm_of.get(u, -1), comm_of.get(v, -1)) for u, v in G.edges()}
    for a, b in spans:
        if a != b and a >= 0 and b >= 0:
            joined.setdefault(a, set()).add(b)
            joined.setdefault(b, set()).add(a)
    out: list[str] = []
    free = list(PALETTE)
    for i in range(len(comms)):
        if not free:
            out.append(OTHER_COMMUNITY)
            continue
        near = [out[j] for j in joined.get(i, {}) if j < i and out[j] != OTHER_COMMUNITY]

        def gap(c: str, near: list[str] = near) -> float:
            return min((_color_distance(c, n) for n in near), default=0.0)

        best = max(free, key=lambda c: (gap(c), -free.index(c)))
        free.remove(best)
        out.append(best)
    return out


def paper_backbone(G: nx.MultiDiGraph, per_node: int = 3) -> tuple[nx.Graph, int]:
    """The backbone of :func:`graphtool.paper_graph`: each paper keeps its
    ``per_node`` strongest links (weights as there; ties by the other paper's id),
    and an edge stays when either end keeps it. Returned with the number of edges of
    the whole paper graph, which is never built: the paper × paper weights come
    from one sparse product, so a corpus whose common entities join millions of
    pairs of papers still costs seconds.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> B, total = paper_backbone(G)
        >>> total == gt.paper_graph(G).number_of_edges() > B.number_of_edges()
        True
        >>> max(d for _, d in B.degree()) > 3 >= min(d for _, d in B.degree() if d)
        True
    """
    from scipy.sparse import csr_matrix

    papers = papers_of(G)
    pidx = {p: i for i, p in enumerate(papers)}
    names: dict[int, set[str]] = {}
    rows, cols, vals = [], [], []
    ents = sorted(n for n, k in G.nodes(data="kind") if k != "paper")
    for j, ent in enumerate(ents):
        ps = sorted({u for u, _, k in G.in_edges(ent, keys=True) if k in ENTITY_RELATIONS})
        if len(ps) < 2:
            continue
        for p in ps:
            rows.append(pidx[p])
            cols.append(j)
            vals.append(1.0 / (len(ps) - 1))
            names.setdefault(pidx[p], set()).add(ent)
    B = nx.Graph()
    B.add_nodes_from((n, G.nodes[n]) for n in papers)
    if not rows:
        return B, 0
    M = csr_matrix((vals, (rows, cols)), shape=(len(papers), len(ents)))
    A = (M @ (M > 0).T.astype(float)).tocsr()
    A.setdiag(0)
    A.eliminate_zeros()
    keep: set[tuple[int, int]] = set()
    for i in range(len(papers)):
        lo, hi = A.indptr[i], A.indptr[i + 1]
        if lo == hi:
            continue
        js, ws = A.indices[lo:hi], A.data[lo:hi]
        best = np.lexsort((js, -np.round(ws, 9)))[:per_node]
        keep.update((min(i, int(j)), max(i, int(j))) for j in js[best])
    for i, j in sorted(keep):
        shared = sorted(G.nodes[e]["name"] for e in names[i] & names[j])
        B.add_edge(papers[i], papers[j], weight=float(A[i, j]), shared=shared)
    return B, A.nnz // 2


def generic_entities(G: nx.MultiDiGraph, share: float = GENERIC_SHARE) -> set[str]:
    """Generic method concepts: methods named by at least ``share`` of the papers
    (and by 5 or more), or a one-word method that heads a family of others
    ("generation", "training"). The map draws them small, behind a filter.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> "entity:medusa" in generic_entities(G)
        False
    """
    n_papers = sum(1 for _, k in G.nodes(data="kind") if k == "paper")
    families = Counter(str(d.get("family")) for n, d in G.nodes(data=True) if d["kind"] != "paper")
    out = set()
    for n, d in G.nodes(data=True):
        if d["kind"] != "method":
            continue
        papers = sum(1 for _, _, k in G.in_edges(n, keys=True) if k in ENTITY_RELATIONS)
        name = str(d.get("name") or "")
        head = " " not in name and name == name.lower() and families[name] >= 3
        if head or (papers >= 5 and papers >= share * n_papers):
            out.add(n)
    return out


def _papers_naming(G: nx.MultiDiGraph) -> Counter:
    """How many distinct papers name each entity."""
    named: Counter = Counter()
    for v, kind in G.nodes(data="kind"):
        if kind != "paper":
            count = sum(1 for keys in G._pred[v].values() if not _NAMING.isdisjoint(keys))
            if count:
                named[v] = count
    return named


_NAMING = frozenset(ENTITY_RELATIONS)


def _linked_to(V: nx.Graph, pairs: SimplePairs | None, kept: set[str]) -> set[str]:
    """The nodes of ``V`` joined to a node of ``kept`` (other than themselves)."""
    if pairs is None:
        U = V.to_undirected(as_view=True) if V.is_directed() else V
        return {n for n in V if any(m in kept for m in U[n] if m != n)}
    keep = np.array([n in kept for n in pairs.nodes], dtype=bool)
    near = np.zeros(len(pairs.nodes), dtype=bool)
    near[pairs.first[keep[pairs.second]]] = True
    near[pairs.second[keep[pairs.first]]] = True
    return {pairs.nodes[i] for i in np.flatnonzero(near).tolist()}


def _drawn_links(
    G: nx.MultiDiGraph, drawn: list[str], drawn_set: set[str], place: dict[str, int]
) -> tuple[list[tuple], dict[str, tuple[list, int]]]:
    """The edges ``(u, v, key, data)`` of ``G`` between drawn nodes; and for each drawn
    node with links to nodes not drawn, its first ``LINKS_OUT`` such edges, ordered by
    the other end's place in ``place`` (the most central first; then by node id, then
    by ``(u, v, key)``) as ``(place, other, edge)`` rows, with how many nodes not drawn
    it links to in all. A hub named by most of the corpus costs a walk over its
    neighbours, not a sort of its edges."""
    inside: list[tuple] = []
    outward: dict[str, tuple[list, int]] = {}
    last = len(place)
    for n in drawn:
        succ, pred = G._succ[n], G._pred[n]
        for v, keys in succ.items():
            if v in drawn_set:
                inside.extend((n, v, k, d) for k, d in keys.items())
        others = {v for v in succ if v not in drawn_set}
        others.update(u for u in pred if u not in drawn_set)
        if not others:
            continue
        rows: list = []
        for there in heapq.nsmallest(LINKS_OUT, others, key=lambda x: (place.get(x, last), x)):
            edges = [(n, there, k, d) for k, d in succ.get(there, {}).items()]
            edges += [(there, n, k, d) for k, d in pred.get(there, {}).items()]
            edges.sort(key=lambda e: e[:3])
            rows.extend((place.get(there, last), there, e) for e in edges)
            if len(rows) >= LINKS_OUT:
                break
        outward[n] = (rows[:LINKS_OUT], len(others))
    return inside, outward


def _links_out(
    G: nx.MultiDiGraph,
    inside: list[tuple],
    outward: dict[str, list],
    evidence_of: Callable[[tuple], dict],
) -> int:
    """How many links to nodes not drawn each drawn node keeps (its most central ones
    first, ``outward``'s order): ``LINKS_OUT``, or fewer when the page would otherwise
    carry more than ``LINKS_BUDGET`` characters of links and of nodes not drawn, so
    that its size is bounded by what it draws, whatever the size of the corpus."""
    total = sum(_cost(e[2], evidence_of(e)) for e in inside)
    carried: set[str] = set()
    order = sorted(outward)
    for k in range(LINKS_OUT):
        for here in order:
            rows = outward[here]
            if k >= len(rows):
                continue
            _, there, e = rows[k]
            total += _cost(e[2], evidence_of(e))
            if there not in carried:
                carried.add(there)
                total += _cost(there, _node_info(G, there, drawn=False)) + 60
        if total > LINKS_BUDGET:
            return k
    return LINKS_OUT


def _cost(head: str, info: dict) -> int:
    """About how many characters a page row of these values takes."""
    return 24 + len(head) + sum(len(k) + 6 + len(str(v)) for k, v in info.items())


def _edge_count(G: nx.Graph) -> int:
    """``G.number_of_edges()``, without networkx's walk over every node's degree."""
    if G.is_multigraph() and G.is_directed():
        return sum(len(keys) for nbrs in G._succ.values() for keys in nbrs.values())
    return G.number_of_edges()


def _mean_year(G: nx.MultiDiGraph, n: str) -> float | None:
    """The average year of the papers naming entity ``n``."""
    attrs = G._node
    ys = [
        y
        for u, keys in G._pred[n].items()
        if not _NAMING.isdisjoint(keys) and (y := attrs[u].get("year"))
    ]
    return round(sum(ys) / len(ys), 1) if ys else None


def map_data(
    G: nx.MultiDiGraph,
    view: str = "full",
    color: str = "community",
    size: str = "pagerank",
    max_nodes: int | None = MAX_NODES,
    center: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Everything the page draws and shows, as plain JSON-ready data.

    ``nodes`` rows are ``[id, label, kind, community, x, y, year, scores, ranks,
    info]``; the first ``meta["drawn"]`` of them are on the canvas, the rest are
    named in a panel only (a left-out paper an entity cites, say). ``links`` are
    the graph's relations that touch a drawn node ``[from, to, relation,
    evidence]`` (indices into ``nodes``); ``edges`` are the drawn edges of the
    ``papers`` and ``entities`` views (``None`` in the full view, whose edges are
    the links between drawn nodes).

    Positions come from :func:`layout` with the communities as regions. The papers
    view keeps a backbone (each paper's ``BACKBONE_PER_PAPER`` strongest links, see
    :func:`paper_backbone`). A view of more than ``OVERVIEW_AT`` nodes, or more than
    ``max_nodes``, is an overview: entities named by one paper only, and nodes left
    with no link, are not drawn (``meta`` counts them), and the rest are cut to the
    ``max_nodes`` most central. ``meta["generic"]`` lists the generic method
    concepts (:func:`generic_entities`) the page draws small.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> data = map_data(G, view="papers", max_nodes=20)
        >>> data["meta"]["drawn"], data["meta"]["left_out"]
        (20, 69)
    """
    if color not in COLORS:
        raise ValueError(f"unknown color {color!r}; choose one of {', '.join(COLORS)}")
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; choose one of {', '.join(SIZES)}")
    say = progress or (lambda step: None)
    say(f"building the {view} view")
    shares_total = None
    if view == "papers":
        V, shares_total = paper_backbone(G, BACKBONE_PER_PAPER)
    else:
        V = _view(G, view)
    # the simple graph under a multigraph view, as arrays: centrality, communities and
    # the overview read it, and it is found once (see graphtool.graph.SimplePairs)
    pairs = SimplePairs.of(V) if V.is_multigraph() else None
    metrics = ["pagerank", "degree"]
    if V.number_of_nodes() <= BETWEENNESS_MAX or size == "betweenness":
        metrics.append("betweenness")
    if size not in metrics:
        metrics.append(size)
    say("ranking nodes (" + ", ".join(metrics) + ")")
    scores = {m: centrality_scores(V, m, pairs) for m in metrics}
    order = {
        m: sorted(scores[m], key=lambda n, s=scores[m]: (-round(s[n], 12), n)) for m in metrics
    }
    ranked = order[size]
    limit = max_nodes if max_nodes and max_nodes > 0 else len(ranked)
    single: list[str] = []
    lonely: list[str] = []
    if max_nodes and len(ranked) > min(limit, OVERVIEW_AT):
        # an overview: entities named by one paper alone, then the nodes left with
        # no link to the rest, wait for a smaller map (or --max-nodes 0)
        named = _papers_naming(G)
        single = [n for n in ranked if G.nodes[n]["kind"] != "paper" and named[n] < 2]
        kept = set(ranked) - set(single)
        linked = _linked_to(V, pairs, kept)
        lonely = [n for n in ranked if n in kept and n not in linked]
        kept -= set(lonely)
    out = set(single) | set(lonely)
    drawn = sorted([n for n in ranked if n not in out][:limit])
    drawn_set = set(drawn)
    generic = sorted(generic_entities(G) & drawn_set)

    # ranks per metric among the view's nodes of the same kind
    kind_of = {n: G.nodes[n]["kind"] for n in V}
    ranks: dict[str, dict[str, int]] = {m: {} for m in metrics}
    for m in metrics:
        seen: dict[str, int] = {}
        for n in order[m]:
            seen[kind_of[n]] = seen.get(kind_of[n], 0) + 1
            ranks[m][n] = seen[kind_of[n]]
    kind_totals: dict[str, int] = {}
    for k in kind_of.values():
        kind_totals[k] = kind_totals.get(k, 0) + 1

    say("finding communities")
    comms = communities(G, pairs=pairs if V is G else None)
    comm_of = {n: i for i, c in enumerate(comms) for n in c}

    # the relations of the full graph that touch a drawn node (for the panels): all
    # between drawn nodes; to nodes not drawn, each drawn node's most central ones, as
    # many as the page's budget allows (LINKS_OUT at most; the page says how many more)
    place = {n: i for i, n in enumerate(ranked)}
    link_rows, outward = _drawn_links(G, drawn, drawn_set, place)
    evidence: dict[tuple, dict] = {}

    def evidence_of(e: tuple) -> dict:
        if e[:3] not in evidence:
            evidence[e[:3]] = _evidence(G, e[0], e[3])
        return evidence[e[:3]]

    per_node = _links_out(G, link_rows, {n: rows for n, (rows, _) in outward.items()}, evidence_of)
    more: dict[str, int] = {}
    for here, (rows, linked) in outward.items():
        kept = rows[:per_node]
        link_rows.extend(r[2] for r in kept)
        if others := linked - len({r[1] for r in kept}):
            more[here] = others
    link_rows.sort(key=lambda e: e[:3])
    referenced = sorted({x for u, v, *_ in link_rows for x in (u, v)} - drawn_set)
    table = drawn + referenced
    index = {n: i for i, n in enumerate(table)}
    # the communities the page names: those of the nodes it carries
    shown = sorted({comm_of[n] for n in table if n in comm_of})
    labels = dict(zip(shown, community_labels(G, [comms[i] for i in shown]), strict=True))
    colors = community_colors(G, comms, pairs if V is G else None)

    say(f"laying out {len(drawn)} nodes")
    # the drawn part of the view, walked in the view's own order (V.subgraph would
    # walk a small part in the order of a set, which changes from run to run)
    D = nx.subgraph_view(V, filter_node=drawn_set.__contains__)
    pos = layout(D, groups=comm_of)
    rows = []
    for n in table:
        d = G.nodes[n]
        x, y = pos.get(n, (None, None))
        # an entity's year is the average year of the papers naming it (VOSviewer's
        # overlay: old topics dark, new ones bright)
        year = d.get("year") if d["kind"] == "paper" else _mean_year(G, n)
        in_view = n in scores["pagerank"]
        rows.append(
            [
                n,
                _short_label(d),
                d["kind"],
                comm_of.get(n, -1),
                x,
                y,
                year or None,
                [_num(scores[m][n]) for m in metrics] if in_view else None,
                [ranks[m][n] for m in metrics] if in_view else None,
                _node_info(G, n, drawn=n in drawn_set),
            ]
        )
    links = [[index[u], index[v], k, evidence_of((u, v, k, d))] for u, v, k, d in link_rows]

    edges = None
    if view != "full":
        relation = "shares" if view == "papers" else "co_occurs"
        edges = []
        for u, v, d in sorted(D.edges(data=True), key=lambda e: e[:2]):
            a, b = sorted((index[u], index[v]))
            shared = sorted(d.get("shared", []))
            edges.append([a, b, relation, _num(d.get("weight", 1)), shared])

    drawn_comm: dict[int, int] = {}
    for n in drawn:
        drawn_comm[comm_of[n]] = drawn_comm.get(comm_of[n], 0) + 1
    order_kinds = [*SHAPES, *sorted({G.nodes[n]["kind"] for n in table} - set(SHAPES))]
    kinds_present = [k for k in order_kinds if any(G.nodes[n]["kind"] == k for n in table)]
    present = {k for *_, k, _ in link_rows} | {e[2] for e in edges or []}
    rel_order = [*EDGE_COLORS, *sorted(present - set(EDGE_COLORS))]
    relations_present = [r for r in rel_order if r in present]
    left_out = len(ranked) - len(drawn)
    return {
        "meta": {
            "version": 1,
            "view": view,
            "color": color,
            "size": size,
            "metrics": metrics,
            "drawn": len(drawn),
            "in_view": len(ranked),
            "left_out": left_out,
            "max_nodes": limit if left_out else None,
            "kind_totals": kind_totals,
            "graph_nodes": G.number_of_nodes(),
            "graph_edges": _edge_count(G),
            "unlinked": sum(
                1
                for n, k in G.nodes(data="kind")
                if k == "paper" and not (G._succ[n] or G._pred[n])
            )
            if G.is_directed()
            else sum(1 for n, k in G.nodes(data="kind") if k == "paper" and not G.degree(n)),
            "single_left_out": len(single),
            "lonely_left_out": len(lonely),
            "generic": [index[n] for n in generic],
            "generic_share": GENERIC_SHARE,
            "shares_total": shares_total,
            "backbone_per_paper": BACKBONE_PER_PAPER if shares_total is not None else None,
            "center": index.get(center) if center is not None else None,
            "more_links": {str(index[n]): c for n, c in sorted(more.items())},
            "betweenness_sample": (betweenness_sample(V) if "betweenness" in metrics else None),
        },
        "nodes": rows,
        "links": links,
        "edges": edges,
        "communities": [
            {
                "id": i,
                "label": labels[i],
                "size": len(comms[i]),
                "drawn": drawn_comm.get(i, 0),
                "color": colors[i],
            }
            for i in shown
        ],
        "kinds": [
            {
                "kind": k,
                "shape": SHAPES.get(k, SHAPES["other"]),
                "symbol": SYMBOLS.get(k, SYMBOLS["other"]),
                "color": KIND_COLORS.get(k, KIND_COLORS["other"]),
            }
            for k in kinds_present
        ],
        "relations": [[r, EDGE_COLORS.get(r, "#999999")] for r in relations_present],
    }


def _script_json(obj: object) -> str:
    """JSON that is safe inside a <script> element: no "</script>", no "<!--"."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _size_arg(size: str, size_by: str | None) -> str:
    if size_by is not None:
        warnings.warn("size_by= is now size=", DeprecationWarning, stacklevel=3)
        return size_by
    return size


def render_html(
    G: nx.MultiDiGraph,
    title: str = "graphtool map",
    *,
    view: str = "full",
    color: str = "community",
    size: str = "pagerank",
    max_nodes: int | None = MAX_NODES,
    size_by: str | None = None,
    center: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> str:
    """The map as one HTML string (nothing fetched at run time).

    ``view`` is ``full``, ``papers`` or ``entities``; ``color`` is ``community``,
    ``kind`` or ``year``; ``size`` a centrality (``pagerank``, ``degree``,
    ``betweenness``, ``eigenvector``); ``max_nodes`` keeps the most central nodes
    of a larger graph (``None`` or 0: all), and the page says how many it left out;
    ``center`` (a node id) is marked as the centre of an ego map; ``progress`` is
    called with the name of each long step as it starts.

    Example:
        >>> import graphtool as gt
        >>> html = render_html(gt.build_graph(gt.read(gt.bundled_corpus())), view="papers")
        >>> "<script src=" in html, html.startswith("<!DOCTYPE html>")
        (False, True)
    """
    size = _size_arg(size, size_by)
    data = map_data(
        G, view=view, color=color, size=size, max_nodes=max_nodes, center=center, progress=progress
    )
    return _page(data, title)


def _page(data: dict, title: str) -> str:
    """The page around :func:`map_data`'s data: template, styles and scripts inlined."""
    env = Environment(
        loader=FileSystemLoader(str(_TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    env.filters["script_json"] = _script_json
    tpl = env.get_template("map.html")
    return tpl.render(
        title=title,
        css=(_TEMPLATES / "map.css").read_text(encoding="utf-8"),
        js="\n".join((_TEMPLATES / name).read_text(encoding="utf-8") for name in SCRIPTS),
        vis_js=(_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(_VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        data=data,
        meta=data["meta"],
    )


# ---------------------------------------------------------------- notebooks


def iframe(html: str, height: int = 640) -> str:
    """``html`` as an ``<iframe srcdoc=…>``: the page travels inside the attribute
    (escaped), so notebooks show it without a server or a file.

    The frame is sandboxed: its scripts run, in an origin of their own.

    Example:
        >>> iframe('<p title="a">x & y</p>', height=100)[:66]
        '<iframe srcdoc="&lt;p title=&quot;a&quot;&gt;x &amp; y&lt;/p&gt;" '
    """
    return (
        f'<iframe srcdoc="{_html.escape(html, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads" '
        'title="graphtool map"></iframe>'
    )


class MapView:
    """A rendered map that Jupyter, JupyterLab and VS Code show inline.

    Example:
        >>> import graphtool as gt
        >>> m = gt.show(gt.build_graph(gt.read(gt.bundled_corpus())), view="entities")
        >>> m._repr_html_().startswith("<iframe srcdoc=")
        True
    """

    def __init__(self, html: str, height: int = 640):
        self.html = html
        self.height = height

    def _repr_html_(self) -> str:
        return iframe(self.html, self.height)

    def __repr__(self) -> str:
        # what a terminal shows (a notebook shows the map): say how to see it
        return (
            f"<graphtool map, {len(self.html):,} bytes of HTML: it shows inline in Jupyter, "
            "JupyterLab or VS Code; in a terminal write it with .save('map.html') or "
            "gt.render(G, 'map.html') and open that file>"
        )

    def save(self, path: str | os.PathLike) -> Path:
        """Write the page to ``path`` (atomically) and return the path.

        Example:
            >>> import tempfile, pathlib
            >>> MapView("<!DOCTYPE html>").save(pathlib.Path(tempfile.mkdtemp()) / "m.html").name
            'm.html'
        """
        return write_atomic(path, self.html)


class MapPath(type(Path())):  # type: ignore[misc]
    """The path :func:`render` returns: a plain :class:`pathlib.Path` that a
    notebook also shows as the map itself.

    Example:
        >>> import graphtool as gt, tempfile, pathlib
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> p = gt.render(G, pathlib.Path(tempfile.mkdtemp()) / "m.html")
        >>> isinstance(p, pathlib.Path), p._repr_html_().startswith("<iframe")
        (True, True)
    """

    def _repr_html_(self) -> str:
        return iframe(self.read_text(encoding="utf-8"))


def render(
    G: nx.MultiDiGraph,
    path: str | os.PathLike = "outputs/map.html",
    title: str = "graphtool map",
    *,
    view: str = "full",
    color: str = "community",
    size: str = "pagerank",
    max_nodes: int | None = MAX_NODES,
    size_by: str | None = None,
    center: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Write the interactive map of ``G`` to ``path`` and return the path.

    Options as for :func:`render_html`. The returned path also displays the map
    inline when it is the last value of a notebook cell; its ``meta`` says what the
    page draws and what it left out (``drawn``, ``left_out``, ``single_left_out``…).

    Example:
        >>> import graphtool as gt, tempfile, pathlib
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> out = gt.render(G, pathlib.Path(tempfile.mkdtemp()) / "map.html", view="papers")
        >>> out.read_text().startswith("<!DOCTYPE html>")
        True
    """
    size = _size_arg(size, size_by)
    data = map_data(
        G, view=view, color=color, size=size, max_nodes=max_nodes, center=center, progress=progress
    )
    out = MapPath(write_atomic(path, _page(data, title)))
    out.meta = data["meta"]
    return out


def show(
    G: nx.MultiDiGraph,
    title: str = "graphtool map",
    *,
    height: int = 640,
    view: str = "full",
    color: str = "community",
    size: str = "pagerank",
    max_nodes: int | None = MAX_NODES,
) -> MapView:
    """The map, for a notebook: display the returned object (or leave it as the
    cell's value) to see it inline; ``.save(path)`` writes the same page.

    Works in JupyterLab, classic Notebook and VS Code: the page is embedded whole
    in an ``<iframe srcdoc>``, so nothing is served or fetched.

    Example:
        >>> import graphtool as gt
        >>> m = gt.show(gt.build_graph(gt.read(gt.bundled_corpus())), color="year")
        >>> "graph-data" in m.html
        True
    """
    text = render_html(G, title, view=view, color=color, size=size, max_nodes=max_nodes)
    return MapView(text, height=height)
