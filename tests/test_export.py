"""Exports: GEXF, GraphML, node-link JSON and the CSV pair each read back into the same graph."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import graphtool as gt
from graphtool.export import csv_paths, export, flat_graph, load


@pytest.fixture(scope="module")
def G():
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures"
    return gt.build_graph(gt.read([fixtures / "s2.json", fixtures / "small.jsonl"]))


def _set(d):
    """Attributes that are set (GraphML, GEXF and CSV leave missing values out)."""
    return {k: v for k, v in d.items() if v is not None}


def _same(G, H):
    assert sorted(H.nodes) == sorted(G.nodes)
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))
    for n, d in G.nodes(data=True):
        assert _set(H.nodes[n]) == _set(d), n
    for u, v, k, d in G.edges(keys=True, data=True):
        assert _set(H.edges[u, v, k]) == _set(d), (u, v, k)


@pytest.mark.parametrize("name", ["g.graphml", "g.gexf", "g.json", "g.csv"])
def test_round_trip_through_networkx(G, tmp_path, name):
    written = export(G, tmp_path / name)
    assert all(p.exists() for p in written)
    _same(G, load(written[0]))


def test_graphml_is_plain_networkx_readable(G, tmp_path):
    (out,) = export(G, tmp_path / "g.graphml")
    H = nx.read_graphml(out, force_multigraph=True, edge_key_type=str)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    paper = H.nodes["paper:2309.06180"]
    assert json.loads(paper["authors"]) == ["Woosuk Kwon", "Ion Stoica"]
    assert paper["year"] == 2023 and paper["external_refs"] == 1
    assert "url" in paper and "doi" not in paper
    # GraphML keys: one type per attribute
    root = ET.parse(out).getroot()
    keys = [
        (k.get("for"), k.get("attr.name"))
        for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")
    ]
    assert len(keys) == len(set(keys))


def test_gexf_is_valid_xml_for_gephi(G, tmp_path):
    (out,) = export(G, tmp_path / "g.gexf", "gexf")
    text = out.read_text()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text.encode())
    assert root.tag == "{http://www.gexf.net/1.2draft}gexf"
    assert "lastmodifieddate" not in text
    H = nx.read_gexf(out)
    assert H.number_of_edges() == G.number_of_edges()


def test_node_link_json(G, tmp_path):
    (out,) = export(G, tmp_path / "g.json")
    data = json.loads(out.read_text())
    H = nx.node_link_graph(data, edges="edges")
    assert isinstance(H, nx.MultiDiGraph) and H.number_of_edges() == G.number_of_edges()
    assert H.nodes["paper:2309.06180"]["authors"] == ["Woosuk Kwon", "Ion Stoica"]


def test_csv_pair(G, tmp_path):
    nodes, edges = export(G, tmp_path / "graph.csv")
    assert (nodes.name, edges.name) == ("graph.nodes.csv", "graph.edges.csv")
    rows = list(csv.DictReader(nodes.open()))
    assert list(rows[0])[:3] == ["id", "kind", "label"]
    assert len(rows) == G.number_of_nodes()
    erows = list(csv.DictReader(edges.open()))
    assert list(erows[0])[:3] == ["source", "target", "relation"]
    cites = [r for r in erows if r["relation"] == "cites"]
    assert {"source": "paper:2403.01876", "target": "paper:2309.06180"}.items() <= cites[-1].items()
    assert [str(p) for p in csv_paths(tmp_path / "dir")] == [
        str(tmp_path / "dir" / "nodes.csv"), str(tmp_path / "dir" / "edges.csv")
    ]  # fmt: skip


def test_same_graph_same_bytes(G, tmp_path):
    for fmt in ("gexf", "graphml", "json"):
        a = export(G, tmp_path / f"a.{fmt}")[0].read_bytes()
        b = export(gt.build_graph(gt.read([p for p in _inputs()])), tmp_path / f"b.{fmt}")[0]
        assert a == b.read_bytes(), fmt


def _inputs():
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures"
    return [fixtures / "s2.json", fixtures / "small.jsonl"]


def test_flat_graph_drops_none_and_serialises_lists():
    G = nx.MultiDiGraph()
    G.add_node("paper:a", kind="paper", authors=["X"], url=None, year=2020)
    F = flat_graph(G)
    assert F.nodes["paper:a"] == {"kind": "paper", "authors": '["X"]', "year": 2020}


def test_unknown_format(G, tmp_path):
    with pytest.raises(gt.GraphtoolError, match="unknown export format 'dot'"):
        export(G, tmp_path / "g.dot")


# --------------------------------------------------------------- issue 13: reliability


def _papers_graph(**fields):
    p = gt.Paper(fields.pop("id", "p1"), fields.pop("title", "A Title"),
                 fields.pop("abstract", "We use Medusa here."), source="x.jsonl:1",
                 **fields)  # fmt: skip
    return gt.build_graph([p])


@pytest.mark.parametrize("name", ["c.graphml", "c.gexf"])
def test_xml_exports_drop_forbidden_characters_and_say_so(tmp_path, name):
    G = _papers_graph(id="p\x02", title="Ctl \x01 x \ud800 y \ufffe", url="http://a/\x1f")
    with pytest.warns(gt.errors.DataWarning, match=r"dropped \d+ character\(s\) that XML 1.0"):
        (out,) = export(G, tmp_path / name)
    ET.parse(out)  # well-formed
    H = load(out)
    assert H.nodes["paper:p"]["title"] == "Ctl  x  y "
    assert H.nodes["paper:p"]["url"] == "http://a/"
    assert sorted(H.nodes) == sorted(n.replace("\x02", "") for n in G.nodes)


def test_csv_cells_that_would_run_as_formulas_are_neutralised_and_read_back(tmp_path):
    G = _papers_graph(id="=cmd|' /C calc'!A0", title="=HYPERLINK(\"http://x\",\"y\")",
                      url="+http://x", authors=("@SUM(1)", "-2+3", "\t=1", "'quoted"))  # fmt: skip
    nodes_path, edges_path = export(G, tmp_path / "g.csv")
    rows = list(csv.DictReader(nodes_path.open(newline="")))
    paper = next(r for r in rows if r["kind"] == "paper")
    assert paper["title"] == '\'=HYPERLINK("http://x","y")'
    assert paper["url"] == "'+http://x" and paper["paper_id"] == "'=cmd|' /C calc'!A0"
    cells = [c for r in rows for c in r.values()] + [
        c for r in csv.DictReader(edges_path.open(newline="")) for c in r.values()
    ]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    _same(G, load(nodes_path))  # load() gives the exact text back


def test_csv_pair_onto_an_existing_file_says_what_to_do(tmp_path):
    (tmp_path / "out").write_text("mine")
    with pytest.raises(gt.GraphtoolError) as err:
        export(_papers_graph(), tmp_path / "out", "csv")
    assert str(err.value).startswith(f"{tmp_path / 'out'}: is a file, but the CSV pair")
    assert "out.csv -> out.nodes.csv and out.edges.csv" in str(err.value)
    assert (tmp_path / "out").read_text() == "mine"
