"""Centrality, communities and their labels, on the graph ``build_graph`` returns."""

from __future__ import annotations

import math
from collections import Counter

import networkx as nx

from .graph import ENTITY_RELATIONS, simple_graph

METRICS = ("degree", "pagerank", "betweenness", "eigenvector")
SEED = 42


def centrality(
    G: nx.MultiDiGraph, metric: str = "pagerank", kind: str | None = None
) -> list[tuple[str, float]]:
    """Nodes ranked by a centrality, highest first, ties broken by node id.

    Computed on the undirected weighted graph under ``G`` (see
    :func:`graphtool.graph.simple_graph`), so a paper ranks high when it shares
    much with the rest of the corpus. ``kind`` keeps only nodes of that kind
    (``paper``, ``system``, ``method``…) in the result.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> top = gt.centrality(G, "pagerank", kind="paper")[:3]
        >>> len(top), top[0][0].startswith("paper:")
        (3, True)
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; choose one of {', '.join(METRICS)}")
    H = simple_graph(G)
    if H.number_of_nodes() == 0:
        return []
    if metric == "degree":
        scores = nx.degree_centrality(H) if H.number_of_nodes() > 1 else {n: 0.0 for n in H}
    elif metric == "pagerank":
        scores = nx.pagerank(H, weight="weight")
    elif metric == "betweenness":
        scores = nx.betweenness_centrality(H, seed=SEED)
    else:
        scores = _eigenvector(H)
    rows = [
        (n, float(s)) for n, s in scores.items() if kind is None or H.nodes[n].get("kind") == kind
    ]
    rows.sort(key=lambda r: (-round(r[1], 12), r[0]))
    return rows


def _eigenvector(H: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality per connected component (scaled by component size),
    so that a graph of several islands still gets a score for every node."""
    scores: dict[str, float] = {}
    n = H.number_of_nodes()
    for comp in sorted(nx.connected_components(H), key=lambda c: (-len(c), min(c))):
        if len(comp) < 3:
            scores.update({c: 0.0 for c in comp})
            continue
        sub = H.subgraph(comp)
        ev = nx.eigenvector_centrality_numpy(sub, weight="weight")
        scale = len(comp) / n
        scores.update({k: abs(v) * scale for k, v in ev.items()})
    return scores


def communities(G: nx.MultiDiGraph, resolution: float = 1.0) -> list[set[str]]:
    """Louvain communities (fixed seed), largest first, ties by smallest node id.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> cs = gt.communities(G)
        >>> sum(len(c) for c in cs) == G.number_of_nodes()
        True
    """
    H = simple_graph(G)
    found = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=SEED)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(c)))


def community_labels(G: nx.MultiDiGraph, comms: list[set[str]], top: int = 3) -> list[str]:
    """A label per community: its most characteristic entities, joined by " · ".

    An entity is characteristic when many of the community's papers name it and
    few papers outside do (a tf-idf-like score); ties go by name.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> labels = community_labels(G, gt.communities(G))
        >>> isinstance(labels[0], str)
        True
    """
    n_papers = max(1, sum(1 for _, k in G.nodes(data="kind") if k == "paper"))
    df: Counter[str] = Counter()
    for _u, v, k in G.edges(keys=True):
        if k in ENTITY_RELATIONS:
            df[v] += 1
    labels = []
    for comm in comms:
        tf: Counter[str] = Counter()
        for node in comm:
            if G.nodes[node]["kind"] == "paper":
                for _, v, k in G.out_edges(node, keys=True):
                    if k in ENTITY_RELATIONS:
                        tf[v] += 1
            else:
                tf[node] += 0.5
        scored = sorted(
            ((-tf[e] * math.log(1 + n_papers / max(1, df[e])), G.nodes[e]["name"]) for e in tf),
        )
        names = [name for _, name in scored[:top]]
        if not names:
            papers = sorted(G.nodes[n].get("title", n) for n in comm)
            names = [papers[0][:40]] if papers else ["(empty)"]
        labels.append(" · ".join(names))
    return labels
