"""Write the graph for other tools: GEXF (Gephi), GraphML (Cytoscape, yEd, networkx),
node-link JSON (notebooks, D3) and a pair of CSV files (spreadsheets, pandas).

Conventions, the same in every format so a file reads back into the same graph:

* Node ids are the graph's (``paper:<id>``, ``entity:<slug>``); an edge's key is its
  ``relation``.
* GraphML, GEXF and CSV cannot hold lists: a list attribute (``authors``,
  ``aliases``, ``surfaces``) is written as a JSON array in a string
  (``["Tri Dao", "Daniel Y. Fu"]``), which :func:`load` (or ``json.loads``) turns
  back into a list. JSON keeps lists as lists.
* A missing value (``None``) is left out (GraphML/GEXF) or empty (CSV); JSON writes
  ``null``.
* An attribute keeps one type across the file (``year`` an integer, ``confidence``
  a float, everything else a string), as GraphML requires.
* CSV: ``-o out.csv`` writes ``out.nodes.csv`` and ``out.edges.csv``; a path without
  ``.csv`` is a folder that gets ``nodes.csv`` and ``edges.csv``.
* A paper's own ``id`` attribute is written as ``paper_id`` (``id`` is the node id
  in node-link JSON, GEXF and the CSV files).
* Nodes and edges are sorted, so the same graph gives the same bytes.
* GraphML and GEXF are XML 1.0, which cannot hold control characters (other than
  tab, newline and carriage return), lone surrogates, U+FFFE or U+FFFF: they are
  dropped from ids and values, and a :class:`~graphtool.errors.DataWarning` says how
  many (the CLI prints it as a note). JSON and CSV keep every character.
* CSV: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return (or ``'``) gets a ``'`` in front, so a spreadsheet shows it as text instead
  of running it as a formula (:func:`graphtool.output.csv_safe`); :func:`load`
  removes it again.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import warnings
from pathlib import Path

import networkx as nx

from .errors import DataWarning, GraphtoolError
from .htmlmap import KIND_COLORS
from .output import csv_safe, csv_unsafe, write_all_atomic, write_atomic

FORMATS = ("gexf", "graphml", "json", "csv")

#: Attributes that hold lists in the graph.
LIST_ATTRS = ("authors", "aliases", "surfaces", "names")
INT_ATTRS = ("year", "month", "start", "end", "count", "external_refs")
FLOAT_ATTRS = ("confidence", "strength", "similarity")
BOOL_ATTRS = ("via_family",)


def _flat_value(key: str, value: object) -> object:
    if isinstance(value, (list, tuple, set)):
        return json.dumps(list(value), ensure_ascii=False, sort_keys=True)
    if key in INT_ATTRS:
        return int(value)  # type: ignore[arg-type]
    if key in FLOAT_ATTRS:
        return float(value)  # type: ignore[arg-type]
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return value
    return str(value)


def _out_name(key: str) -> str:
    return "paper_id" if key == "id" else key


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` that GraphML and GEXF can hold: lists as JSON strings, no
    ``None``, one type per attribute, nodes and edges in sorted order.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("paper:a", kind="paper", authors=["X", "Y"], year=None)
        >>> flat_graph(G).nodes["paper:a"]
        {'kind': 'paper', 'authors': '["X", "Y"]'}
    """
    F = nx.MultiDiGraph()
    for n, d in sorted(G.nodes(data=True)):
        F.add_node(n, **{_out_name(k): _flat_value(k, v) for k, v in d.items() if v is not None})
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        F.add_edge(u, v, key=k, **{a: _flat_value(a, x) for a, x in d.items() if x is not None})
    return F


# What XML 1.0 cannot hold (https://www.w3.org/TR/xml/#charsets).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(F: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, int]:
    """A copy of a flat graph (:func:`flat_graph`) without the characters XML 1.0
    cannot hold, in node ids and string values, and how many were dropped.

    Example:
        >>> F = nx.MultiDiGraph()
        >>> F.add_node("paper:a", title="Ctl \x01 x")
        >>> H, dropped = xml_safe(F)
        >>> H.nodes["paper:a"]["title"], dropped
        ('Ctl  x', 1)
    """
    dropped = 0

    def clean(value: object) -> object:
        nonlocal dropped
        if isinstance(value, str) and not value.isprintable():  # a cheap first check
            value, n = _NOT_XML.subn("", value)
            dropped += n
        return value

    H = nx.MultiDiGraph()
    for n, d in F.nodes(data=True):
        H.add_node(clean(n), **{k: clean(v) for k, v in d.items()})
    for u, v, k, d in F.edges(keys=True, data=True):
        H.add_edge(clean(u), clean(v), key=clean(k), **{a: clean(x) for a, x in d.items()})
    return H, dropped


def _xml_graph(G: nx.MultiDiGraph, fmt: str) -> nx.MultiDiGraph:
    F, dropped = xml_safe(flat_graph(G))
    if dropped:
        warnings.warn(
            DataWarning(
                f"{fmt}: dropped {dropped} character(s) that XML 1.0 cannot hold (control "
                "characters, lone surrogates); the JSON and CSV exports keep them"
            ),
            stacklevel=3,
        )
    return F


def to_gexf(G: nx.MultiDiGraph) -> str:
    """GEXF 1.2 text for Gephi, nodes coloured by kind.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("entity:x", kind="system", label="X")
        >>> to_gexf(G).startswith('<?xml version=')
        True
    """
    F = _xml_graph(G, "GEXF")
    for _n, d in F.nodes(data=True):
        color = KIND_COLORS.get(str(d.get("kind")), "#bab0ac").lstrip("#")
        r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
        d["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
    body = "\n".join(nx.generate_gexf(F))
    body = re.sub(r' lastmodifieddate="[^"]*"', "", body, count=1)  # same graph, same bytes
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def to_graphml(G: nx.MultiDiGraph) -> str:
    """GraphML text for Cytoscape, yEd and ``networkx.read_graphml``.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> _ = G.add_edge("a", "b", key="cites", relation="cites")
        >>> H = nx.read_graphml(io.BytesIO(to_graphml(G).encode()), force_multigraph=True)
        >>> sorted(H.edges(keys=True, data="relation"))
        [('a', 'b', 'cites', 'cites')]
    """
    return "\n".join(nx.generate_graphml(_xml_graph(G, "GraphML"))) + "\n"


def to_json(G: nx.MultiDiGraph) -> str:
    """Node-link JSON (``nodes``, ``edges``; ``networkx.node_link_graph(data,
    edges="edges")`` reads it back).

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("a", authors=["X"])
        >>> json.loads(to_json(G))["nodes"]
        [{'authors': ['X'], 'id': 'a'}]
    """
    nodes = [
        {**{_out_name(k): v for k, v in d.items()}, "id": n} for n, d in sorted(G.nodes(data=True))
    ]
    edges = [
        {**d, "source": u, "target": v, "key": k}
        for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3])
    ]
    data = {"directed": True, "multigraph": True, "graph": {}, "nodes": nodes, "edges": edges}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def to_csv(G: nx.MultiDiGraph) -> tuple[str, str]:
    """Two CSV texts, nodes (``id``, ``kind``, ``label``, then every attribute) and
    edges (``source``, ``target``, ``relation``, then every attribute).

    Example:
        >>> G = nx.MultiDiGraph()
        >>> _ = G.add_edge("a", "b", key="cites", relation="cites")
        >>> to_csv(G)[1].splitlines()
        ['source,target,relation', 'a,b,cites']
    """
    F = flat_graph(G)
    node_keys = sorted({k for _, d in F.nodes(data=True) for k in d} - {"id", "kind", "label"})
    node_cols = ["id", "kind", "label", *node_keys]
    edge_keys = sorted({k for *_, d in F.edges(keys=True, data=True) for k in d} - {"relation"})
    edge_cols = ["source", "target", "relation", *edge_keys]

    def table(columns: list[str], rows: list[dict]) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows({k: csv_safe(v) for k, v in row.items()} for row in rows)
        return buf.getvalue()

    nodes = [{**d, "id": n} for n, d in F.nodes(data=True)]
    edges = [{**d, "source": u, "target": v, "relation": k} for u, v, k, d in
             F.edges(keys=True, data=True)]  # fmt: skip
    return table(node_cols, nodes), table(edge_cols, edges)


def csv_paths(path: str | os.PathLike) -> tuple[Path, Path]:
    """Where the CSV pair goes: ``out.csv`` → ``out.nodes.csv``, ``out.edges.csv``;
    a folder → ``folder/nodes.csv``, ``folder/edges.csv``.

    Example:
        >>> [p.name for p in csv_paths("outputs/graph.csv")]
        ['graph.nodes.csv', 'graph.edges.csv']
        >>> [str(p) for p in csv_paths("outputs/graph")]
        ['outputs/graph/nodes.csv', 'outputs/graph/edges.csv']
    """
    path = Path(path)
    if path.suffix.lower() == ".csv":
        stem = path.with_suffix("")
        return Path(f"{stem}.nodes.csv"), Path(f"{stem}.edges.csv")
    return path / "nodes.csv", path / "edges.csv"


def export(G: nx.MultiDiGraph, path: str | os.PathLike, fmt: str | None = None) -> list[Path]:
    """Write ``G`` to ``path`` as ``fmt`` (default: from the extension); returns the
    files written (two for CSV). Each file is written atomically.

    Example:
        >>> import graphtool as gt, tempfile
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> out = export(G, tempfile.mkdtemp() + "/graph.graphml")
        >>> nx.read_graphml(out[0]).number_of_nodes() == G.number_of_nodes()
        True

    Raises:
        GraphtoolError: the format is unknown.
    """
    if fmt is None:
        fmt = Path(path).suffix.lower().lstrip(".") or "csv"
        fmt = {"xml": "graphml"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise GraphtoolError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt == "csv":
        if Path(path).suffix.lower() != ".csv" and Path(path).is_file():
            raise GraphtoolError(
                "is a file, but the CSV pair is written into a folder "
                "(nodes.csv, edges.csv); give a folder, or a name ending in .csv "
                "(out.csv -> out.nodes.csv and out.edges.csv)",
                str(path),
            )
        nodes_path, edges_path = csv_paths(path)
        nodes, edges = to_csv(G)
        return write_all_atomic({nodes_path: nodes, edges_path: edges})
    text = {"gexf": to_gexf, "graphml": to_graphml, "json": to_json}[fmt](G)
    return [write_atomic(path, text)]


def load(path: str | os.PathLike, fmt: str | None = None) -> nx.MultiDiGraph:
    """Read an export back into a ``MultiDiGraph``, list attributes restored.

    Example:
        >>> import graphtool as gt, tempfile
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> out = export(G, tempfile.mkdtemp() + "/g.gexf")
        >>> H = load(out[0])
        >>> H.nodes["entity:medusa"]["aliases"] == G.nodes["entity:medusa"]["aliases"]
        True
    """
    path = Path(path)
    fmt = fmt or {"xml": "graphml"}.get(path.suffix.lower().lstrip("."), path.suffix[1:].lower())
    if fmt == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        H = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    elif fmt == "graphml":
        H = nx.read_graphml(path, force_multigraph=True, edge_key_type=str)
    elif fmt == "gexf":
        H = nx.read_gexf(path)
        for _, d in H.nodes(data=True):
            d.pop("viz", None)
            if d.get("label") is None:
                d.pop("label", None)
        for *_, d in H.edges(data=True):
            d.pop("id", None)
    elif fmt == "csv":
        H = _load_csv(*csv_paths(path.parent / path.name.replace(".nodes.csv", ".csv")
                                 if path.name.endswith(".nodes.csv") else path))  # fmt: skip
    else:
        raise GraphtoolError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    M = nx.MultiDiGraph()
    for n, d in H.nodes(data=True):
        _unflatten(d)
        M.add_node(n, **d)
    edges = H.edges(keys=True, data=True) if H.is_multigraph() else H.edges(data=True)
    for u, v, *rest in edges:
        d = rest[-1]
        _unflatten(d)
        M.add_edge(u, v, key=d.get("relation", rest[0] if len(rest) > 1 else None), **d)
    return M


def _unflatten(d: dict) -> None:
    if "paper_id" in d:
        d["id"] = d.pop("paper_id")
    for k in LIST_ATTRS:
        if isinstance(d.get(k), str):
            d[k] = json.loads(d[k])
    for k in BOOL_ATTRS:
        if isinstance(d.get(k), str):
            d[k] = d[k] == "true"


def _load_csv(nodes_path: Path, edges_path: Path) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    with open(nodes_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            n = csv_unsafe(row.pop("id"))
            H.add_node(n, **{k: _typed(k, v) for k, v in row.items() if v != ""})
    with open(edges_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            u, v = csv_unsafe(row.pop("source")), csv_unsafe(row.pop("target"))
            k = csv_unsafe(row["relation"])
            H.add_edge(u, v, key=k, **{a: _typed(a, x) for a, x in row.items() if x != ""})
    return H


def _typed(key: str, value: str) -> object:
    if key in BOOL_ATTRS:
        return value == "true"
    if key in INT_ATTRS:
        return int(value)
    if key in FLOAT_ATTRS:
        return float(value)
    return csv_unsafe(value)
