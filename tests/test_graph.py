"""The graph: nodes and attributes, inferred builds_on edges with their evidence."""

from __future__ import annotations

import networkx as nx

import graphtool as gt


def _paper(G, title):
    return next(n for n, d in G.nodes(data=True) if d.get("title") == title)


def test_nodes_have_kinds_and_attributes(graph):
    assert isinstance(graph, nx.MultiDiGraph)
    for _n, d in graph.nodes(data=True):
        assert d["kind"] in ("paper", "system", "model", "dataset", "hardware", "method", "other")
        if d["kind"] == "paper":
            assert d["title"] and d["abstract"]
        else:
            assert d["name"] and d["family"] is not None and isinstance(d["aliases"], list)
    assert sum(1 for _, k in graph.nodes(data="kind") if k == "paper") == 89
    for _, _, k, d in graph.edges(keys=True, data=True):
        assert d["relation"] == k


def test_clover_edge_to_medusa_carries_the_sentence(graph):
    clover = _paper(
        graph, "Clover: Regressive Lightweight Speculative Decoding with Sequential Knowledge"
    )
    edge = graph.edges[clover, "entity:medusa", "mentions"]
    assert "Medusa" in edge["sentence"]


def test_another_member_of_a_family_is_no_builds_on(graph):
    """The Frontier training paper tunes ZeRO++ and ZeRO-3; ZeRO-Infinity is another member
    of the ZeRO family, so its paper is not what the training paper builds on."""
    a = _paper(graph, "Scaling Large Language Model Training on Frontier with Low-Bandwidth "
               "Partitioning")  # fmt: skip
    b = _paper(graph, "ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning")
    assert not graph.has_edge(a, b, "builds_on")
    assert graph.has_edge(a, "entity:zero++", "mentions")
    assert graph.has_edge("entity:zero++", "entity:zero", "variant_of")


def test_bundled_corpus_builds_on_mpirigen_to_monocoder(graph):
    a = _paper(graph, "MPIrigen: MPI Code Generation through Domain-Specific Language Models")
    b = _paper(graph, "MonoCoder: Domain-Specific Code Language Model for HPC Codes and Tasks")
    edge = graph.edges[a, b, "builds_on"]
    assert edge["via"] == "MonoCoder" and "MonoCoder" in edge["sentence"]
    assert edge["via_family"] is False


def test_variant_of_edges_join_family_members(graph):
    assert graph.has_edge("entity:flashattention-2", "entity:flashattention", "variant_of")
    assert graph.has_edge("entity:zero++", "entity:zero", "variant_of")


def test_builds_on_between_corpus_papers_of_a_fixture(fixtures):
    G = gt.build_graph(gt.read(fixtures / "small.jsonl"))
    edge = G.edges["paper:2401.00002", "paper:2401.00001", "builds_on"]
    assert edge["via"] == "Hydrant" and "Hydrant" in edge["sentence"]
    assert not G.has_edge("paper:2401.00001", "paper:2401.00001", "builds_on")


def test_same_input_same_graph(papers):
    a = gt.build_graph(papers)
    b = gt.build_graph(gt.read(gt.bundled_corpus()))
    assert sorted(a.nodes) == sorted(b.nodes)
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))


def test_derived_views(graph):
    P = gt.paper_graph(graph)
    assert P.number_of_nodes() == 89 and P.number_of_edges() > 0
    E = gt.entity_graph(graph)
    assert all(d["kind"] != "paper" for _, d in E.nodes(data=True))
    inf = gt.influence_graph(graph)
    assert all(d["relation"] in ("builds_on", "cites") for _, _, d in inf.edges(data=True))


def test_parts_give_the_assembled_graph_node_for_node_and_edge_for_edge(papers, mentions):
    # what a store's add writes from, without building the graph: the same nodes in the
    # same order, attributes, out-edges (mentions, variants, builds_on, cites) and pairs
    from collections import Counter
    from dataclasses import replace

    from graphtool.graph import Parts, SimplePairs, _known_names, assemble
    from graphtool.identity import resolve

    ids = [p.id for p in papers]
    cited = [replace(p, references=(ids[i - 1], ids[i - 1], p.id, "elsewhere")) if i % 3 else p
             for i, p in enumerate(papers)]  # fmt: skip
    ms, links = resolve(cited, mentions, _known_names(None))
    G, parts = assemble(cited, ms, links), Parts(cited, ms, links)
    assert parts.order == list(G)
    assert [(n, list(parts.attrs(n).items())) for n in G] == [
        (n, list(a.items())) for n, a in G.nodes(data=True)
    ]
    assert [parts.kind_of(n) for n in G] == [k for _, k in G.nodes(data="kind")]
    assert [e for n in G for e in parts.out_edges(n)] == list(G.edges(keys=True, data=True))
    assert {k for _, _, k in G.edges(keys=True)} >= {"variant_of", "builds_on", "cites"}
    assert Counter(parts.ends) == Counter(G.edges())
    a, b = SimplePairs.of(G), SimplePairs.from_edges(parts.order, parts.ends)
    assert a.nodes == b.nodes
    assert (a.first.tolist(), a.second.tolist(), a.weight.tolist()) == (
        b.first.tolist(), b.second.tolist(), b.weight.tolist()
    )  # fmt: skip
    # the attributes of the entities not asked for are not worked out
    few = Parts(cited, ms, links, lambda n: n == "entity:medusa")
    assert few.attrs("entity:medusa") == G.nodes["entity:medusa"]
    assert few.order == parts.order
