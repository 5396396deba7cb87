"""Render the graph as one self-contained, offline, interactive HTML map.

pyvis builds the vis-network node and edge records; the page around them is ours
(``templates/map.html``): vis-network's script and stylesheet are inlined from the
copy pyvis ships, so the file opens from ``file://`` with no network. Corpus text
travels as JSON inside a ``<script type="application/json">`` block with ``<``,
``>`` and ``&`` escaped, and the page only ever puts it into the DOM as text.

Positions are computed here (networkx spring layout, fixed seed), so the map opens
already laid out with physics off, and the same graph gives the same bytes.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from .analysis import centrality, communities, community_labels
from .graph import simple_graph

SHAPES = {
    "paper": "dot",
    "system": "diamond",
    "model": "triangle",
    "dataset": "square",
    "hardware": "triangleDown",
    "method": "star",
    "other": "hexagon",
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
    "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
    "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
]  # fmt: skip
EDGE_COLORS = {
    "introduces": "#2b7a0b",
    "mentions": "#9aa0a6",
    "uses": "#c9b3d6",
    "variant_of": "#e15759",
    "builds_on": "#1f3b73",
    "cites": "#555555",
}
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_TEMPLATES = Path(__file__).parent / "templates"


def layout(G: nx.MultiDiGraph, seed: int = 42) -> dict[str, tuple[int, int]]:
    """Integer x, y positions for every node (spring layout, fixed seed).

    Example:
        >>> import graphtool as gt
        >>> pos = layout(gt.build_graph(gt.read(gt.bundled_corpus())))
        >>> pos == layout(gt.build_graph(gt.read(gt.bundled_corpus())))
        True
    """
    H = simple_graph(G)
    if H.number_of_nodes() == 0:
        return {}
    n = H.number_of_nodes()
    raw = nx.spring_layout(H, seed=seed, k=1.5 / math.sqrt(n), iterations=80, weight=None)
    scale = 120 * math.sqrt(n)
    return {v: (round(float(x) * scale), round(float(y) * scale)) for v, (x, y) in raw.items()}


def _data(G: nx.MultiDiGraph, size_by: str = "pagerank") -> dict:
    comms = communities(G)
    labels = community_labels(G, comms)
    comm_of = {n: i for i, c in enumerate(comms) for n in c}
    scores = dict(centrality(G, size_by))
    top = max(scores.values(), default=1.0) or 1.0
    pos = layout(G)
    net = Network(directed=True)
    for n in sorted(G.nodes):
        d = G.nodes[n]
        kind = d["kind"]
        c = comm_of.get(n, 0)
        label = d.get("label", n)
        if kind == "paper" and len(label) > 40:
            label = label[:38].rstrip() + "…"
        x, y = pos.get(n, (0, 0))
        net.add_node(
            n,
            label=label,
            shape=SHAPES.get(kind, "dot"),
            color=PALETTE[c % len(PALETTE)],
            size=round(8 + 32 * math.sqrt(scores.get(n, 0.0) / top), 2),
            x=x,
            y=y,
            physics=False,
            kind=kind,
            group=c,
        )
    for u, v, k in sorted(G.edges(keys=True)):
        net.add_edge(
            u,
            v,
            id=f"{u}|{k}|{v}",
            relation=k,
            color=EDGE_COLORS.get(k, "#999999"),
            arrows="to",
            dashes=k in ("builds_on", "cites"),
            width=2 if k in ("builds_on", "introduces") else 1,
        )
    nodes, edges, *_ = net.get_network_data()
    info = {}
    for n in sorted(G.nodes):
        d = G.nodes[n]
        rec = {"kind": d["kind"], "community": comm_of.get(n, 0), "score": scores.get(n, 0.0)}
        for key in ("title", "abstract", "year", "url", "id", "name", "family", "aliases"):
            if d.get(key) not in (None, "", []):
                rec[key] = d[key]
        info[n] = rec
    evidence = {}
    for u, v, k, d in sorted(G.edges(keys=True, data=True)):
        ev = {
            key: d[key]
            for key in ("surface", "sentence", "field", "start", "end", "via", "entity", "how")
            if key in d
        }
        if "confidence" in d:
            ev["confidence"] = round(float(d["confidence"]), 3)
        evidence[f"{u}|{k}|{v}"] = ev
    return {
        "nodes": nodes,
        "edges": edges,
        "info": info,
        "evidence": evidence,
        "communities": [
            {"id": i, "label": labels[i], "size": len(c), "color": PALETTE[i % len(PALETTE)]}
            for i, c in enumerate(comms)
        ],
        "kinds": {k: {"shape": SHAPES[k], "color": KIND_COLORS[k]} for k in SHAPES},
        "relations": EDGE_COLORS,
        "size_by": size_by,
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


def render_html(G: nx.MultiDiGraph, title: str = "graphtool map", size_by: str = "pagerank") -> str:
    """The map as one HTML string (nothing fetched at run time).

    Example:
        >>> import graphtool as gt
        >>> html = render_html(gt.build_graph(gt.read(gt.bundled_corpus())))
        >>> "<script src=" in html
        False
    """
    env = Environment(
        loader=FileSystemLoader(str(_TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    env.filters["script_json"] = _script_json
    tpl = env.get_template("map.html")
    return tpl.render(
        title=title,
        vis_js=(_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(_VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        data=_data(G, size_by),
        n_nodes=G.number_of_nodes(),
        n_edges=G.number_of_edges(),
    )


def write_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file and a rename, so a
    failure never leaves a half-written file.

    Example:
        >>> import tempfile, pathlib
        >>> p = write_atomic(pathlib.Path(tempfile.mkdtemp()) / "x.txt", "hi")
        >>> p.read_text()
        'hi'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def render(
    G: nx.MultiDiGraph,
    path: str | os.PathLike = "outputs/map.html",
    title: str = "graphtool map",
    size_by: str = "pagerank",
) -> Path:
    """Write the interactive map of ``G`` to ``path`` and return the path.

    Example:
        >>> import graphtool as gt, tempfile, pathlib
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> out = gt.render(G, pathlib.Path(tempfile.mkdtemp()) / "map.html")
        >>> out.read_text().startswith("<!DOCTYPE html>")
        True
    """
    return write_atomic(path, render_html(G, title=title, size_by=size_by))
