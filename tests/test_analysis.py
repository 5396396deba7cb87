"""Centrality and communities."""

from __future__ import annotations

import networkx as nx
import pytest

import graphtool as gt


@pytest.mark.parametrize("metric", ["degree", "pagerank", "betweenness", "eigenvector"])
def test_centrality_sorted_with_ties_by_id(graph, metric):
    rows = gt.centrality(graph, metric, kind="paper")
    assert len(rows) == 89
    assert all(n.startswith("paper:") for n, _ in rows)
    keys = [(-round(s, 12), n) for n, s in rows]
    assert keys == sorted(keys)


def test_unknown_metric_is_a_clear_error(graph):
    with pytest.raises(ValueError, match="unknown metric 'fame'"):
        gt.centrality(graph, "fame")


def test_communities_partition_the_graph_deterministically(graph):
    a = gt.communities(graph)
    b = gt.communities(graph)
    assert a == b
    assert sum(len(c) for c in a) == graph.number_of_nodes()
    labels = gt.community_labels(graph, a)
    assert len(labels) == len(a) and all(labels)


# ---------------------------------------------------------- records for the CLI tables


@pytest.fixture(scope="module")
def s2_graph():
    from pathlib import Path

    return gt.build_graph(gt.read(Path(__file__).parent / "fixtures" / "s2.json"))


def test_entities_records(graph):
    from graphtool.analysis import entities

    rows = entities(graph, kind="system", min_papers=2)
    assert rows and all(r["kind"] == "system" and r["papers"] >= 2 for r in rows)
    medusa = next(r for r in rows if r["entity"] == "Medusa")
    assert medusa["node"] == "entity:medusa" and medusa["family"] == "Medusa"
    assert medusa["introduced_by"] == [] and len(medusa["mentioned_by"]) >= 2  # not in corpus
    assert any(r["introduced_by"] for r in entities(graph, kind="system"))
    keys = [(-r["papers"], r["entity"].casefold()) for r in rows]
    assert keys == sorted(keys)


def test_community_table_is_stable_and_labelled(graph):
    from graphtool.analysis import community_table

    a = community_table(graph)
    b = community_table(gt.build_graph(gt.read(gt.bundled_corpus())))
    assert [(r["label"], r["members"]) for r in a] == [(r["label"], r["members"]) for r in b]
    assert sum(r["size"] for r in a) == graph.number_of_nodes()
    assert all(r["label"] for r in a) and a[0]["size"] >= a[-1]["size"]


def test_resolve_fuzzy_names(s2_graph):
    from graphtool.analysis import resolve

    assert resolve(s2_graph, "flash attention") == "entity:flashattention"
    assert resolve(s2_graph, "FlashAttention-2") == "entity:flashattention-2"
    assert resolve(s2_graph, "2401.10774") == "paper:2401.10774"
    assert resolve(s2_graph, "Attention is all you need") == "paper:1706.03762"
    assert resolve(s2_graph, "PagedAtention") == "entity:pagedattention"  # a typo
    with pytest.raises(gt.GraphtoolError, match="no paper or entity matches 'zzzz'"):
        resolve(s2_graph, "zzzz")


def test_path_hops_carry_evidence(s2_graph):
    from graphtool.analysis import path

    hops = path(s2_graph, "FlashAttention-2: Faster Attention with Better Parallelism and "
                "Work Partitioning", "2205.14135")  # fmt: skip
    assert len(hops) == 1
    assert hops[0]["relation"] == "builds_on"
    assert hops[0]["evidence"].startswith("FlashAttention exploits the asymmetric GPU memory")
    hops = path(s2_graph, "dejavu", "flash attention")
    assert [h["step"] for h in hops] == list(range(1, len(hops) + 1))
    assert hops[0]["from"] == "Deja Vu" and hops[-1]["to"] == "FlashAttention"
    assert all(h["evidence"] for h in hops)


def test_neighbors_and_ego_graph(s2_graph):
    from graphtool.analysis import ego_graph, neighbors

    rows = neighbors(s2_graph, "PagedAttention", depth=1)
    assert rows[0] == {"distance": 0, "kind": "system", "name": "PagedAttention",
                       "node": "entity:pagedattention", "via": None, "relation": None}  # fmt: skip
    by_name = {r["name"][:20]: r for r in rows[1:]}
    assert by_name["Efficient Memory Man"]["relation"] == "introduced by"
    assert by_name["DéjàVu: KV-cache Str"]["relation"] == "mentioned by"
    sub = ego_graph(s2_graph, "PagedAttention", depth=1)
    assert sorted(sub.nodes) == sorted(r["node"] for r in rows)


def test_compare_on_references(s2_graph):
    from graphtool.analysis import compare

    result = compare(s2_graph)
    assert result["summary"] == {
        "papers": 6, "papers_with_references": 6, "inferred": 3, "checked": 3,
        "confirmed": 2, "unconfirmed": 1, "unchecked": 0, "citations": 7, "explained": 2,
        "unexplained": 5, "precision": 0.6667, "recall": 0.2857,
        "nameable": 2, "nameable_explained": 2, "nameable_recall": 1.0,
    }  # fmt: skip
    unconfirmed = [r for r in result["rows"] if r["status"] == "unconfirmed"]
    # Medusa names bare "FlashAttention": that links to the FlashAttention paper only,
    # not to the FlashAttention-2 paper (a bare family name is no variant).
    assert {(r["from"], r["to"]) for r in unconfirmed} == {("2401.10774", "2205.14135")}
    assert unconfirmed[0]["evidence"] == (
        "Medusa runs on FlashAttention kernels and achieves over 2.2x speedup."
    )
    confirmed = {(r["from"], r["to"]) for r in result["rows"] if r["status"] == "confirmed"}
    assert confirmed == {("2307.08691", "2205.14135"), ("2403.01876", "2309.06180")}


def test_compare_marks_papers_without_references_unchecked(fixtures):
    G = gt.build_graph(gt.read(fixtures / "small.jsonl"))
    from graphtool.analysis import compare

    s = compare(G)["summary"]
    assert s["inferred"] >= 1 and s["unchecked"] == s["inferred"] and s["precision"] is None


def test_names_no_other_paper_uses_do_not_make_a_paper_central(graph):
    """The Codex-evaluation paper names ~20 languages and tools nobody else names;
    those leaves score 0 and do not lift it to the top of the paper ranking."""
    rows = gt.centrality(graph, "pagerank")
    scores = dict(rows)
    leaf = "entity:kernelabstractions.jl"
    assert graph.has_node(leaf) and scores[leaf] == 0.0
    papers = [n for n, _ in gt.centrality(graph, "pagerank", kind="paper")]
    codex = next(n for n in papers if "OpenAI Codex for HPC" in graph.nodes[n]["title"])
    assert papers.index(codex) >= 3
    degree = [n for n, _ in gt.centrality(graph, "degree", kind="paper")]
    assert degree[0] == codex  # degree still counts every link


def test_centrality_kind_accepts_plurals_and_rejects_unknown_kinds(graph):
    import pytest

    assert gt.centrality(graph, "pagerank", kind="papers") == gt.centrality(
        graph, "pagerank", kind="paper"
    )
    assert len(gt.centrality(graph, "degree", kind="Systems")) > 10
    with pytest.raises(ValueError, match=r"unknown kind 'venue'; choose one of: paper, system"):
        gt.centrality(graph, "pagerank", kind="venue")


# ---------------------------------------------------------- betweenness and labels


def test_betweenness_is_sampled_beyond_a_size_and_says_so(graph, monkeypatch):
    from graphtool import analysis

    assert analysis.betweenness_sample(graph) is None
    exact = dict(gt.centrality(graph, "betweenness"))
    monkeypatch.setattr(analysis, "BETWEENNESS_EXACT_MAX", 50)
    monkeypatch.setattr(analysis, "BETWEENNESS_SAMPLE", 40)
    assert analysis.betweenness_sample(graph) == 40
    sampled = gt.centrality(graph, "betweenness")
    assert {n for n, _ in sampled} == set(exact), "every node still gets a score"
    assert dict(sampled) != exact, "an estimate, not the exact figure"
    assert sampled == gt.centrality(graph, "betweenness"), "seeded: the same estimate each run"


def _community_graph(papers: int, org_share: int):
    """Papers that all name NVIDIA (kind other) and some name a system, Medusa."""
    from graphtool.model import Mention, Paper

    ps, ms = [], []
    for i in range(papers):
        ps.append(Paper(f"p{i}", f"Paper {i}", "It runs on NVIDIA and names Medusa."))
        ms.append(Mention(f"p{i}", "NVIDIA", "other", "NVIDIA", "mentions", "NVIDIA",
                          "abstract", 11, 17, "It runs on NVIDIA.", 0.9, "lexicon"))  # fmt: skip
        if i % org_share == 0:
            ms.append(Mention(f"p{i}", "Medusa", "system", "Medusa", "mentions", "Medusa",
                              "abstract", 28, 34, "names Medusa.", 0.9, "lexicon"))  # fmt: skip
    return gt.build_graph(ps, ms)


def test_community_labels_prefer_systems_over_organisations():
    G = _community_graph(6, 2)
    label = gt.community_labels(G, [set(G)], top=2)[0]
    assert label == "Medusa · NVIDIA"


def test_community_labels_name_what_is_distinctive(graph):
    labels = gt.community_labels(graph, gt.communities(graph))
    assert len(set(labels)) == len(labels), "no two communities share a label"
    # a name every community uses says little: none leads more than three labels
    leads = [label.split(" · ")[0] for label in labels]
    assert max(leads.count(x) for x in leads) <= 3


def test_leiden_communities_partition_the_graph_deterministically(graph):
    from graphtool import analysis

    a = analysis.communities(graph, method="leiden")
    assert a == analysis.communities(graph, method="leiden")
    assert sorted(n for c in a for n in c) == sorted(graph)
    assert [len(c) for c in a] == sorted((len(c) for c in a), reverse=True)
    assert 1 < len(a) < graph.number_of_nodes()


def test_auto_uses_leiden_only_on_large_graphs_and_louvain_without_igraph(graph, monkeypatch):
    from graphtool import analysis

    louvain = analysis.communities(graph, method="louvain")
    assert analysis.communities(graph) == louvain  # small graph: unchanged by igraph
    monkeypatch.setattr(analysis, "LEIDEN_MIN_NODES", 0)
    assert analysis.communities(graph) == analysis.communities(graph, method="leiden")
    monkeypatch.setattr(analysis, "_leiden_available", lambda: False)
    assert analysis.communities(graph) == louvain


def test_pagerank_and_degree_from_the_pairs_are_networkx_on_the_simple_graph(graph):
    from graphtool import analysis

    H = gt.simple_graph(graph)
    core = analysis._core(H)
    want = {n: 0.0 for n in H if n not in core} | nx.pagerank(core, weight="weight")
    assert analysis.centrality_scores(graph, "pagerank") == want
    assert analysis.centrality_scores(graph, "degree") == nx.degree_centrality(H)
    pairs = gt.graph.SimplePairs.of(graph)
    assert [(pairs.nodes[a], pairs.nodes[b]) for a, b in zip(
        pairs.first[pairs.edge_order()].tolist(), pairs.second[pairs.edge_order()].tolist(),
        strict=True)] == list(H.edges())  # fmt: skip


def test_leiden_gives_a_node_joined_to_one_other_its_neighbours_community(graph):
    from graphtool import analysis

    G = graph.copy()
    G.add_edge("paper:leaf-a", "entity:medusa", key="mentions")
    G.add_edge("paper:pair-a", "entity:pair-b", key="mentions")
    G.add_node("paper:alone", kind="paper")
    comms = analysis.communities(G, method="leiden")
    of = {n: i for i, c in enumerate(comms) for n in c}
    assert sorted(n for c in comms for n in c) == sorted(G)
    H = gt.simple_graph(G)
    for n in H:
        if H.degree(n) == 1:
            (m,) = H[n]
            assert of[n] == of[m]
    assert {"paper:pair-a", "entity:pair-b"} in comms and {"paper:alone"} in comms
