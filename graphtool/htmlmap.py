"""Render the graph as one self-contained, offline, interactive HTML map.

The page (``templates/map.html``) is ours; the canvas is vis-network, whose script
and stylesheet are inlined from the copy pyvis ships, so the file opens from
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

import html as _html
import json
import math
import os
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import numpy as np
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from scipy.spatial import cKDTree

from .analysis import METRICS, centrality, communities, community_labels
from .graph import ENTITY_RELATIONS, entity_graph, paper_graph, simple_graph
from .output import write_atomic

VIEWS = ("full", "papers", "entities")
COLORS = ("community", "kind", "year")
SIZES = METRICS
#: Default ``max_nodes``: above this the map keeps the most central nodes.
MAX_NODES = 2000
#: Betweenness is exact and costly; it is shipped for panels up to this many nodes
#: (or always, when it sizes the nodes).
BETWEENNESS_MAX = 1500

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
PALETTE = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#bcbd22", "#17becf", "#393b79",
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
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_TEMPLATES = Path(__file__).parent / "templates"
_EVIDENCE_KEYS = ("surface", "sentence", "field", "via", "entity", "how")


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


def layout(G: nx.Graph, seed: int = 42, scale: float = 14.0) -> dict[str, tuple[int, int]]:
    """Integer x, y positions (pixels at zoom 1) for every node of ``G``.

    ``G`` may be the graph :func:`graphtool.build_graph` returns or any view of it.
    Each connected component is laid out on its own (:func:`force_layout`; heavier
    edges pull harder, scaled to a mean of 1 and clipped to 0.25…4), then the
    components are packed in rows, largest first, so islands sit beside the main
    map instead of drifting far away. Fixed seed, rounded coordinates: the same
    graph always gets the same picture.

    Example:
        >>> import graphtool as gt
        >>> pos = layout(gt.build_graph(gt.read(gt.bundled_corpus())))
        >>> pos == layout(gt.build_graph(gt.read(gt.bundled_corpus())))
        True
    """
    boxes = []
    # Small islands repeat the same few shapes (a paper and its one system): lay each
    # shape out once. The result is the same as laying every island out on its own.
    small: dict[tuple, np.ndarray] = {}
    for comp, edges, w in components(G):
        if len(comp) <= 8:
            shape = (len(comp), edges.tobytes(), w.tobytes())
            if shape not in small:
                small[shape] = force_layout(len(comp), edges, w, seed=seed)
            pos = small[shape].copy()
        else:
            pos = force_layout(len(comp), edges, w, seed=seed)
        lo, hi = pos.min(0), pos.max(0)
        boxes.append((comp, pos - lo, np.maximum(hi - lo, 1.0)))
    if not boxes:
        return {}
    # shelf packing: rows no wider than the main component (or the square of the total area)
    gap = 2.0
    area = sum(float((b[0] + gap) * (b[1] + gap)) for *_, b in boxes)
    width = max(float(boxes[0][2][0]), math.sqrt(area))
    out: dict[str, tuple[int, int]] = {}
    x = y = row_h = 0.0
    placed = []
    for comp, pos, (bw, bh) in boxes:
        if x > 0 and x + bw > width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        placed.append((comp, pos + np.array([x, y])))
        x += float(bw) + gap
        row_h = max(row_h, float(bh))
    allpos = np.concatenate([p for _, p in placed])
    centre = (allpos.min(0) + allpos.max(0)) / 2
    if 2 <= len(allpos) < 300:
        # small maps: spread them so that neighbours sit ~110 px apart and
        # labels do not pile up once the page fits the view
        nearest = cKDTree(allpos).query(allpos, k=2)[0][:, 1]
        scale = max(scale, 110.0 / max(float(np.median(nearest)), 1e-6))
    for comp, pos in placed:
        for v, (px, py) in zip(comp, pos - centre, strict=True):
            out[v] = (round(float(px) * scale), round(float(py) * scale))
    return out


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


def _node_info(G: nx.MultiDiGraph, n: str) -> dict:
    d = G.nodes[n]
    info = {}
    if d["kind"] == "paper":
        keys = ("id", "title", "abstract", "url", "authors", "year")
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
    return ev


def map_data(
    G: nx.MultiDiGraph,
    view: str = "full",
    color: str = "community",
    size: str = "pagerank",
    max_nodes: int | None = MAX_NODES,
) -> dict:
    """Everything the page draws and shows, as plain JSON-ready data.

    ``nodes`` rows are ``[id, label, kind, community, x, y, year, scores, ranks,
    info]``; the first ``meta["drawn"]`` of them are on the canvas, the rest are
    named in a panel only (a left-out paper an entity cites, say). ``links`` are
    the graph's relations that touch a drawn node ``[from, to, relation,
    evidence]`` (indices into ``nodes``); ``edges`` are the drawn edges of the
    ``papers`` and ``entities`` views (``None`` in the full view, whose edges are
    the links between drawn nodes).

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
    V = _view(G, view)
    metrics = ["pagerank", "degree"]
    if V.number_of_nodes() <= BETWEENNESS_MAX or size == "betweenness":
        metrics.append("betweenness")
    if size not in metrics:
        metrics.append(size)
    scores = {m: dict(centrality(V, m)) for m in metrics}
    ranked = sorted(scores[size], key=lambda n: (-round(scores[size][n], 12), n))
    limit = max_nodes if max_nodes and max_nodes > 0 else len(ranked)
    drawn = sorted(ranked[:limit])
    drawn_set = set(drawn)

    # ranks per metric among the view's nodes of the same kind
    kind_of = {n: G.nodes[n]["kind"] for n in V}
    ranks: dict[str, dict[str, int]] = {m: {} for m in metrics}
    for m in metrics:
        seen: dict[str, int] = {}
        for n in sorted(scores[m], key=lambda n: (-round(scores[m][n], 12), n)):
            seen[kind_of[n]] = seen.get(kind_of[n], 0) + 1
            ranks[m][n] = seen[kind_of[n]]
    kind_totals: dict[str, int] = {}
    for k in kind_of.values():
        kind_totals[k] = kind_totals.get(k, 0) + 1

    comms = communities(G)
    labels = community_labels(G, comms)
    comm_of = {n: i for i, c in enumerate(comms) for n in c}

    # the relations of the full graph that touch a drawn node (for the panels)
    link_rows = []
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        if u in drawn_set or v in drawn_set:
            link_rows.append((u, v, k, d))
    referenced = sorted({x for u, v, *_ in link_rows for x in (u, v)} - drawn_set)
    table = drawn + referenced
    index = {n: i for i, n in enumerate(table)}

    first_year: dict[str, int] = {}
    for u, v, k in G.edges(keys=True):
        year = G.nodes[u].get("year")
        if k in ENTITY_RELATIONS and year and (v not in first_year or year < first_year[v]):
            first_year[v] = year

    pos = layout(V.subgraph(drawn))
    rows = []
    for n in table:
        d = G.nodes[n]
        x, y = pos.get(n, (None, None))
        year = d.get("year") if d["kind"] == "paper" else first_year.get(n)
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
                _node_info(G, n),
            ]
        )
    links = [[index[u], index[v], k, _evidence(G, u, d)] for u, v, k, d in link_rows]

    edges = None
    if view != "full":
        relation = "shares" if view == "papers" else "co_occurs"
        edges = []
        for u, v, d in sorted(V.subgraph(drawn).edges(data=True), key=lambda e: e[:2]):
            a, b = sorted((index[u], index[v]))
            shared = sorted(d.get("shared", []))
            edges.append([a, b, relation, _num(d.get("weight", 1)), shared])

    drawn_comm: dict[int, int] = {}
    for n in drawn:
        drawn_comm[comm_of[n]] = drawn_comm.get(comm_of[n], 0) + 1
    order = [*SHAPES, *sorted({G.nodes[n]["kind"] for n in table} - set(SHAPES))]
    kinds_present = [k for k in order if any(G.nodes[n]["kind"] == k for n in table)]
    rel_order = [*EDGE_COLORS, *sorted({k for _, _, k in G.edges(keys=True)} - set(EDGE_COLORS))]
    present = {k for *_, k, _ in link_rows} | {e[2] for e in edges or []}
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
            "graph_edges": G.number_of_edges(),
            "unlinked": sum(1 for n, k in G.nodes(data="kind") if k == "paper" and not G.degree(n)),
        },
        "nodes": rows,
        "links": links,
        "edges": edges,
        "communities": [
            {
                "id": i,
                "label": labels[i],
                "size": len(c),
                "drawn": drawn_comm.get(i, 0),
                "color": PALETTE[i] if i < len(PALETTE) else OTHER_COMMUNITY,
            }
            for i, c in enumerate(comms)
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
) -> str:
    """The map as one HTML string (nothing fetched at run time).

    ``view`` is ``full``, ``papers`` or ``entities``; ``color`` is ``community``,
    ``kind`` or ``year``; ``size`` a centrality (``pagerank``, ``degree``,
    ``betweenness``, ``eigenvector``); ``max_nodes`` keeps the most central nodes
    of a larger graph (``None`` or 0: all), and the page says how many it left out.

    Example:
        >>> import graphtool as gt
        >>> html = render_html(gt.build_graph(gt.read(gt.bundled_corpus())), view="papers")
        >>> "<script src=" in html, html.startswith("<!DOCTYPE html>")
        (False, True)
    """
    size = _size_arg(size, size_by)
    env = Environment(
        loader=FileSystemLoader(str(_TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    env.filters["script_json"] = _script_json
    tpl = env.get_template("map.html")
    data = map_data(G, view=view, color=color, size=size, max_nodes=max_nodes)
    return tpl.render(
        title=title,
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
) -> Path:
    """Write the interactive map of ``G`` to ``path`` and return the path.

    Options as for :func:`render_html`. The returned path also displays the map
    inline when it is the last value of a notebook cell.

    Example:
        >>> import graphtool as gt, tempfile, pathlib
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> out = gt.render(G, pathlib.Path(tempfile.mkdtemp()) / "map.html", view="papers")
        >>> out.read_text().startswith("<!DOCTYPE html>")
        True
    """
    size = _size_arg(size, size_by)
    text = render_html(G, title, view=view, color=color, size=size, max_nodes=max_nodes)
    return MapPath(write_atomic(path, text))


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
