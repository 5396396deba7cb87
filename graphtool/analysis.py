"""Centrality, communities and their labels, on the graph ``build_graph`` returns."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import networkx as nx

from .graph import ENTITY_RELATIONS, SimplePairs, simple_graph
from .text import case_compatible

METRICS = ("degree", "pagerank", "betweenness", "eigenvector")
SEED = 42
#: Betweenness is exact up to this many nodes (of the graph it is computed on);
#: above, it is estimated from ``BETWEENNESS_SAMPLE`` seeded source nodes.
BETWEENNESS_EXACT_MAX = 1000
BETWEENNESS_SAMPLE = 300
#: How much a community label prefers an entity of each kind (organisations,
#: languages and other names weigh least).
LABEL_KIND_WEIGHT = {
    "method": 1.0,
    "system": 1.0,
    "model": 1.0,
    "dataset": 0.8,
    "hardware": 0.5,
    "other": 0.3,
}


def _core(H: nx.Graph) -> nx.Graph:
    """``H`` without the entities that only one node links to (see :func:`centrality`)."""
    return H.subgraph(n for n, d in H.degree() if d > 1 or H.nodes[n].get("kind") == "paper")


def betweenness_sample(G: nx.Graph) -> int | None:
    """How many source nodes :func:`centrality` samples for betweenness on ``G``;
    ``None`` when it is exact (graphs of at most ``BETWEENNESS_EXACT_MAX`` nodes).

    Example:
        >>> import graphtool as gt
        >>> betweenness_sample(gt.build_graph(gt.read(gt.bundled_corpus()))) is None
        True
    """
    n = _core(simple_graph(G)).number_of_nodes()
    return min(BETWEENNESS_SAMPLE, n) if n > BETWEENNESS_EXACT_MAX else None


def centrality(
    G: nx.MultiDiGraph, metric: str = "pagerank", kind: str | None = None
) -> list[tuple[str, float]]:
    """Nodes ranked by a centrality, highest first, ties broken by node id.

    Computed on the undirected weighted graph under ``G`` (see
    :func:`graphtool.graph.simple_graph`), so a paper ranks high when it shares
    much with the rest of the corpus. For pagerank, betweenness and eigenvector,
    entities that only one node links to (a name one paper alone uses) are left out
    of the computation and score 0: they join nothing, and would otherwise make a
    paper rank high merely for naming many things nobody else names. Degree counts
    every link. Betweenness is exact up to ``BETWEENNESS_EXACT_MAX`` nodes and,
    beyond, networkx's estimate from ``BETWEENNESS_SAMPLE`` seeded sources (see
    :func:`betweenness_sample`). ``kind`` keeps only nodes of that kind (``paper``,
    ``system``, ``method``…; plurals such as ``papers`` are accepted) in the result; an
    unknown kind raises :class:`ValueError` naming the kinds.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> top = gt.centrality(G, "pagerank", kind="paper")[:3]
        >>> len(top), top[0][0].startswith("paper:")
        (3, True)
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; choose one of {', '.join(METRICS)}")
    kind = node_kind(kind)
    scores = centrality_scores(G, metric)
    rows = [
        (n, float(s)) for n, s in scores.items() if kind is None or G.nodes[n].get("kind") == kind
    ]
    rows.sort(key=lambda r: (-round(r[1], 12), r[0]))
    return rows


def centrality_scores(
    G: nx.MultiDiGraph | nx.Graph, metric: str, pairs: SimplePairs | None = None
) -> dict[str, float]:
    """Every node's score, as :func:`centrality` ranks them (unsorted). On a
    multigraph, degree and pagerank are computed from :class:`SimplePairs` (given as
    ``pairs``, or found here) without building :func:`simple_graph`: the same numbers,
    several times faster on a large graph.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> dict(centrality(G, "pagerank")) == centrality_scores(G, "pagerank")
        True
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; choose one of {', '.join(METRICS)}")
    if G.is_multigraph() and metric in ("degree", "pagerank"):
        S = pairs if pairs is not None else SimplePairs.of(G)
        if metric == "degree":
            return _degree_centrality(S)
        return _pagerank(G, S)
    H = simple_graph(G)
    if H.number_of_nodes() == 0:
        return {}
    if metric == "degree":
        scores = nx.degree_centrality(H) if H.number_of_nodes() > 1 else {n: 0.0 for n in H}
    else:
        core = _core(H)
        scores = dict.fromkeys((n for n in H if n not in core), 0.0)
        if core.number_of_nodes() == 0:
            pass
        elif metric == "pagerank":
            scores.update(nx.pagerank(core, weight="weight"))
        elif metric == "betweenness":
            n = core.number_of_nodes()
            k = min(BETWEENNESS_SAMPLE, n) if n > BETWEENNESS_EXACT_MAX else None
            # on a copy: a subgraph view is several times slower to walk
            scores.update(nx.betweenness_centrality(core.copy(), k=k, seed=SEED))
        else:
            scores.update(_eigenvector(core))
    return scores


def _degree_centrality(S: SimplePairs) -> dict[str, float]:
    """``nx.degree_centrality(simple_graph(G))`` from the pairs."""
    if len(S.nodes) <= 1:
        return dict.fromkeys(S.nodes, 0.0)
    s = 1.0 / (len(S.nodes) - 1.0)
    return {n: d * s for n, d in zip(S.nodes, S.degree().tolist(), strict=True)}


def _pagerank(G: nx.MultiDiGraph, S: SimplePairs) -> dict[str, float]:
    """PageRank of the core (see :func:`centrality`) from the pairs: networkx's
    ``_pagerank_scipy`` step for step on the same matrix (nodes in sorted order, the
    same weights), so the same scores; the nodes out of the core score 0."""
    import numpy as np
    import scipy as sp

    degree = S.degree()
    paper = np.array([G.nodes[n].get("kind") == "paper" for n in S.nodes], dtype=bool)
    in_core = (degree > 1) | paper if len(S.nodes) else paper
    scores = {n: 0.0 for n, c in zip(S.nodes, in_core.tolist(), strict=True) if not c}
    where = np.flatnonzero(in_core)
    N = len(where)
    if N == 0:
        return scores
    nodelist = [S.nodes[i] for i in where.tolist()]
    local = np.full(len(S.nodes), -1, dtype=np.int64)
    local[where] = np.arange(N)
    a, b = local[S.first], local[S.second]
    both = (a >= 0) & (b >= 0)
    a, b, w = a[both], b[both], S.weight[both].astype(float)
    A = sp.sparse.coo_array(
        (np.concatenate([w, w]), (np.concatenate([a, b]), np.concatenate([b, a]))),
        shape=(N, N),
        dtype=float,
    ).tocsr()
    # from here as networkx.algorithms.link_analysis.pagerank_alg._pagerank_scipy
    # (alpha 0.85, max_iter 100, tol 1e-06, no personalization)
    alpha, tol = 0.85, 1.0e-6
    Srow = A.sum(axis=1)
    Srow[Srow != 0] = 1.0 / Srow[Srow != 0]
    Q = sp.sparse.dia_array((Srow.T, 0), shape=A.shape).tocsr()
    A = Q @ A
    x = np.repeat(1.0 / N, N)
    p = np.repeat(1.0 / N, N)
    dangling_weights = p
    is_dangling = np.where(Srow == 0)[0]
    for _ in range(100):
        xlast = x
        x = alpha * (x @ A + sum(x[is_dangling]) * dangling_weights) + (1 - alpha) * p
        err = np.absolute(x - xlast).sum()
        if err < N * tol:
            scores.update(zip(nodelist, map(float, x), strict=True))
            return scores
    raise nx.PowerIterationFailedConvergence(100)


def unlinked(G: nx.MultiDiGraph) -> list[str]:
    """Papers that link to nothing: no entity found in them, no paper they build on or
    cite, none that builds on or cites them.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph([
        ...     {"id": "a", "title": "On things", "abstract": "We study it."},
        ...     {"id": "b", "title": "Medusa: heads", "abstract": "We propose Medusa."}])
        >>> unlinked(G)
        ['paper:a']
    """
    return sorted(n for n, k in G.nodes(data="kind") if k == "paper" and not G.degree(n))


def node_kind(kind: str | None) -> str | None:
    """A node kind as the graph spells it: ``papers`` → ``paper``; an unknown kind is a
    :class:`ValueError` that lists the kinds.

    Example:
        >>> node_kind("papers"), node_kind("System"), node_kind(None)
        ('paper', 'system', None)
        >>> node_kind("venue")
        Traceback (most recent call last):
        ...
        ValueError: unknown kind 'venue'; choose one of: paper, system, ... (plurals accepted)
    """
    if kind is None:
        return None
    from .model import ENTITY_KINDS

    kinds = ("paper", *ENTITY_KINDS)
    k = str(kind).strip().lower()
    if k not in kinds and k.endswith("s") and k[:-1] in kinds:
        k = k[:-1]
    if k not in kinds:
        raise ValueError(
            f"unknown kind {kind!r}; choose one of: {', '.join(kinds)} (plurals accepted)"
        )
    return k


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


#: From this many nodes on, communities come from igraph's Leiden when igraph is
#: installed (``pip install 'graphtool[fast]'``): on the 10,000-paper synthetic corpus
#: (21,783 nodes) it takes 0.7 s CPU against networkx Louvain's 2.4 s, with a higher
#: modularity (0.635 against 0.614). Smaller graphs keep Louvain, so their communities
#: do not change with what is installed.
LEIDEN_MIN_NODES = 5000
COMMUNITY_METHODS = ("auto", "louvain", "leiden")


def communities(
    G: nx.MultiDiGraph,
    resolution: float = 1.0,
    method: str = "auto",
    pairs: SimplePairs | None = None,
) -> list[set[str]]:
    """Communities (fixed seed), largest first, ties by smallest node id.

    ``method``: ``louvain`` (networkx), ``leiden`` (igraph, compiled, far faster on
    large graphs), or ``auto``: Leiden from :data:`LEIDEN_MIN_NODES` nodes
    when it is installed, else Louvain. Both maximise modularity at ``resolution``
    and give the same result for the same graph every time. ``pairs``, the graph's
    :class:`~graphtool.graph.SimplePairs` when the caller has them, saves finding them.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> cs = gt.communities(G)
        >>> sum(len(c) for c in cs) == G.number_of_nodes()
        True
    """
    if method not in COMMUNITY_METHODS:
        raise ValueError(f"method must be one of {', '.join(COMMUNITY_METHODS)}, not {method!r}")
    if method == "auto":
        big = G.number_of_nodes() >= LEIDEN_MIN_NODES
        method = "leiden" if big and _leiden_available() else "louvain"
    if method == "leiden":
        found = _leiden(G, resolution, pairs)
    else:
        found = nx.community.louvain_communities(
            simple_graph(G), weight="weight", resolution=resolution, seed=SEED
        )
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(c)))


def _leiden_available() -> bool:
    try:
        import igraph  # noqa: F401
    except ImportError:
        return False
    return True


def _leiden(G: nx.Graph, resolution: float, pairs: SimplePairs | None = None) -> list[set[str]]:
    """igraph's Leiden on ``simple_graph(G)`` (its nodes and its edges in its order;
    for a multigraph from :class:`SimplePairs`, ``pairs`` when the caller has them).

    A node joined to one other node only (a name one paper alone uses) is left out of
    the search and then joins its neighbour's community, where modularity wants it;
    two such nodes joined only to each other are a community, and a node joined to
    none is one. On the 100,000-paper synthetic corpus that leaves 120,000 of 218,000
    nodes out: 3.1 s of Leiden instead of 9.5, and a modularity of 0.675 instead of
    0.673 over the whole graph.
    """
    import random

    import igraph
    import numpy as np

    if G.is_multigraph():
        S = pairs if pairs is not None else SimplePairs.of(G)
        nodes = S.nodes
        order = S.edge_order()
        a, b, w = S.first[order], S.second[order], S.weight[order]
    else:
        H = simple_graph(G)
        nodes = list(H)
        index = {n: i for i, n in enumerate(nodes)}
        rows = [(index[u], index[v], x) for u, v, x in H.edges(data="weight", default=1.0)]
        a = np.array([r[0] for r in rows], dtype=np.int64)
        b = np.array([r[1] for r in rows], dtype=np.int64)
        w = np.array([r[2] for r in rows])
    n = len(nodes)
    degree = np.bincount(a, minlength=n) + np.bincount(b, minlength=n)
    core = np.flatnonzero(degree > 1)
    local = np.full(n, -1, dtype=np.int64)
    local[core] = np.arange(len(core))
    inner = (local[a] >= 0) & (local[b] >= 0)
    membership = np.full(n, -1, dtype=np.int64)
    count = 0
    if len(core):
        g = igraph.Graph(
            n=len(core),
            edges=list(zip(local[a][inner].tolist(), local[b][inner].tolist(), strict=True)),
        )
        g.es["weight"] = w[inner].tolist()
        igraph.set_random_number_generator(random.Random(SEED))
        try:
            found = g.community_leiden(
                objective_function="modularity",
                weights="weight",
                resolution=resolution,
                n_iterations=-1,  # until no node moves
            )
        finally:
            igraph.set_random_number_generator(random)
        membership[core] = found.membership
        count = len(found)
    leaf_a, leaf_b = degree[a] == 1, degree[b] == 1
    membership[a[leaf_a & ~leaf_b]] = membership[b[leaf_a & ~leaf_b]]
    membership[b[leaf_b & ~leaf_a]] = membership[a[leaf_b & ~leaf_a]]
    both = leaf_a & leaf_b  # a pair joined to nothing else
    membership[a[both]] = membership[b[both]] = count + np.arange(int(both.sum()))
    count += int(both.sum())
    alone = np.flatnonzero(degree == 0)
    membership[alone] = count + np.arange(len(alone))
    groups: dict[int, set[str]] = {}
    for node, c in zip(nodes, membership.tolist(), strict=True):
        groups.setdefault(c, set()).add(node)
    return list(groups.values())


def community_labels(G: nx.MultiDiGraph, comms: list[set[str]], top: int = 3) -> list[str]:
    """A label per community: its most distinctive entities, joined by " · ".

    An entity scores by how many of the community's papers name it, times the share
    of all the papers naming it that are in the community (a name every community
    uses says little about any one), times a preference for its kind
    (``LABEL_KIND_WEIGHT``: methods, systems and models over hardware, and
    organisations or languages last). Ties go by name. A community that names no
    entity is labelled by its first paper's short title.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> labels = community_labels(G, gt.communities(G))
        >>> isinstance(labels[0], str)
        True
    """
    df: dict[str, int] = {}  # the papers' relations to each entity, counted when needed
    # networkx's own dicts: the views cost a microsecond a lookup, over every edge
    attrs, succ, pred, relations = G._node, G._succ, G._pred, frozenset(ENTITY_RELATIONS)
    labels = []
    for comm in comms:
        tf: Counter[str] = Counter()
        for node in comm:
            if attrs[node]["kind"] == "paper":
                for v, keys in succ[node].items():
                    if n := len(relations.intersection(keys)):
                        tf[v] += n
            else:
                tf[node] += 0.5
        scored = []
        for e, f in tf.items():
            d = attrs[e]
            if e not in df:
                df[e] = sum(len(relations.intersection(keys)) for keys in pred[e].values())
            share = min(1.0, f / max(1, df[e]))
            weight = LABEL_KIND_WEIGHT.get(d["kind"], 0.3)
            scored.append((-f * share * weight, d.get("name") or e))
        names = [name for _, name in sorted(scored)[:top]]
        if not names:
            papers = sorted(G.nodes[n].get("title", n) for n in comm)
            names = [papers[0].split(":")[0][:40].strip()] if papers else ["(empty)"]
        labels.append(" · ".join(names))
    return labels


# ------------------------------------------------------------------ tables as records


def _display(G: nx.MultiDiGraph, node: str) -> str:
    d = G.nodes[node]
    return d.get("title") or d.get("name") or node


def _compact(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def resolve(G: nx.MultiDiGraph, name: str) -> str:
    """The node a user means by ``name``: a node id, a paper id or title, or an
    entity's name, alias or surface, matched exactly, then ignoring case, spaces and
    hyphens ("flash attention" → FlashAttention), then fuzzily (rapidfuzz, ≥ 85).

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> resolve(G, "flash attention"), resolve(G, "entity:medusa")
        ('entity:flashattention', 'entity:medusa')

    Raises:
        GraphtoolError: nothing is close; the message lists the closest names.
    """
    from rapidfuzz import fuzz, process

    from .errors import GraphtoolError

    if name in G:
        return name
    for prefix in ("paper:", "entity:"):
        if prefix + name in G:
            return prefix + name
    keys: dict[str, list[str]] = {}
    for n, d in sorted(G.nodes(data=True)):
        names = [
            d.get("id"),
            d.get("title"),
            d.get("name"),
            *(d.get("aliases") or []),
            *(d.get("surfaces") or []),
        ]
        for s in names:
            if s:
                keys.setdefault(str(s), []).append(n)
    folded: dict[str, list[str]] = {}
    compact: dict[str, list[str]] = {}
    for s, nodes in keys.items():
        folded.setdefault(s.casefold(), []).extend(nodes)
        compact.setdefault(_compact(s), []).extend(nodes)
    for table, key in ((keys, name), (folded, name.casefold()), (compact, _compact(name))):
        if key and key in table:
            return _prefer_entity(table[key])
    query = _compact(name)
    # a candidate much shorter than the query is no match ("Clover" is not "C++")
    choices = {k: k for k in compact if k and len(k) * 2 >= len(query)}
    found = process.extract(query, choices, scorer=fuzz.WRatio, limit=8)
    if found and found[0][1] >= 85:
        best = [k for k, s, _ in found if s == found[0][1]]
        return _prefer_entity(sorted(n for k in best for n in compact[k]))
    shown = list(dict.fromkeys(_display(G, compact[k][0])[:50] for k, _, _ in found))[:3]
    close = ", ".join(repr(s) for s in shown)
    raise GraphtoolError(
        f"no paper or entity matches {name!r}" + (f"; closest: {close}" if close else "")
    )


def _prefer_entity(nodes: list[str]) -> str:
    nodes = sorted(set(nodes))
    ents = [n for n in nodes if not n.startswith("paper:")]
    return (ents or nodes)[0]


def entities(G: nx.MultiDiGraph, kind: str | None = None, min_papers: int = 1) -> list[dict]:
    """Every entity with its kind, family, aliases and the papers that introduce and
    mention (or use) it; most papers first, then by name.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> rows = entities(G, kind="system", min_papers=2)
        >>> sorted(rows[0])[:4]
        ['aliases', 'entity', 'family', 'introduced_by']
    """
    kind = node_kind(kind)
    rows = []
    for n, d in G.nodes(data=True):
        if d["kind"] == "paper" or (kind and d["kind"] != kind):
            continue
        intro = sorted(
            {G.nodes[u]["id"] for u, _, k in G.in_edges(n, keys=True) if k == "introduces"}
        )
        named = sorted(
            {G.nodes[u]["id"] for u, _, k in G.in_edges(n, keys=True) if k in ("mentions", "uses")}
        )
        papers = len(set(intro) | set(named))
        if papers < min_papers:
            continue
        rows.append(
            {
                "entity": d["name"],
                "node": n,
                "kind": d["kind"],
                "family": d.get("family"),
                "aliases": list(d.get("aliases") or []),
                "papers": papers,
                "introduced_by": intro,
                "mentioned_by": named,
            }
        )
    rows.sort(key=lambda r: (-r["papers"], r["entity"].casefold(), r["node"]))
    return rows


def community_table(G: nx.MultiDiGraph, resolution: float = 1.0, top: int = 3) -> list[dict]:
    """Each community (fixed-seed Louvain, largest first) with its size, label (its
    most characteristic entities, see :func:`community_labels`) and members (papers,
    then entities, each by PageRank, most central first).

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> rows = community_table(G)
        >>> rows[0]["community"], rows[0]["size"] >= rows[-1]["size"]
        (1, True)
    """
    comms = communities(G, resolution)
    labels = community_labels(G, comms, top=top)
    rank = dict(centrality(G, "pagerank"))
    rows = []
    for i, (comm, label) in enumerate(zip(comms, labels, strict=True), 1):
        # papers first, each group most central first
        members = sorted(
            comm, key=lambda n: (G.nodes[n]["kind"] != "paper", -rank.get(n, 0.0), _display(G, n))
        )
        rows.append(
            {
                "community": i,
                "size": len(comm),
                "papers": sum(1 for n in comm if G.nodes[n]["kind"] == "paper"),
                "label": label,
                "members": [_display(G, n) for n in members],
                "nodes": members,
            }
        )
    return rows


#: Passive names of relations, for a hop walked against the edge's direction.
_REVERSE = {
    "introduces": "introduced by",
    "mentions": "mentioned by",
    "uses": "used by",
    "variant_of": "has variant",
    "builds_on": "built on by",
    "cites": "cited by",
}
_PREFERENCE = ("builds_on", "cites", "introduces", "mentions", "variant_of", "uses")


def _evidence(G: nx.MultiDiGraph, u: str, v: str, key: str) -> str:
    d = G.edges[u, v, key]
    if key == "cites":
        return f"{_display(G, u)[:60]!s} lists it in its references"
    if key == "variant_of":
        return f"{G.nodes[u]['name']} is a variant of {G.nodes[v]['name']}"
    sentence = d.get("sentence") or ""
    if key == "builds_on":
        return f"{sentence} (names {d.get('via')}; the other paper introduces {d.get('entity')})"
    return sentence


def _hop(G: nx.MultiDiGraph, a: str, b: str) -> dict:
    options = [(u, v, k) for u, v in ((a, b), (b, a)) if G.has_edge(u, v) for k in G[u][v]]
    u, v, k = min(options, key=lambda e: (_PREFERENCE.index(e[2]), e[0] != a))
    forward = u == a
    return {
        "from": _display(G, a),
        "relation": k if forward else _REVERSE[k],
        "to": _display(G, b),
        "evidence": _evidence(G, u, v, k),
        "from_node": a,
        "to_node": b,
        "edge": [u, v, k],
    }


def path(G: nx.MultiDiGraph, a: str, b: str) -> list[dict]:
    """The shortest explained chain between two papers or entities, one record per hop
    with its relation and evidence sentence. Names are resolved by :func:`resolve`.

    Hops may follow an edge either way (a paper "mentions" an entity, the entity is
    "mentioned by" the next paper); a hop through a generic method (``uses``) counts
    double, so a chain through named systems is preferred.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> hops = path(G, "FlashAttention-2", "FlashAttention")
        >>> hops[0]["relation"], hops[-1]["to"]
        ('variant_of', 'FlashAttention')

    Raises:
        GraphtoolError: a name matches nothing, or the two are not connected.
    """
    from .errors import GraphtoolError

    src, dst = resolve(G, a), resolve(G, b)
    if src == dst:
        return []
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes))
    for u, v, k in sorted(G.edges(keys=True)):
        if u == v:
            continue
        w = 2 if k == "uses" else 1
        if not H.has_edge(u, v) or H[u][v]["weight"] > w:
            H.add_edge(u, v, weight=w)
    try:
        nodes = nx.dijkstra_path(H, src, dst, weight="weight")
    except nx.NetworkXNoPath:
        raise GraphtoolError(
            f"{_display(G, src)!r} and {_display(G, dst)!r} are not connected"
        ) from None
    return [{"step": i, **_hop(G, x, y)} for i, (x, y) in enumerate(pairwise(nodes), 1)]


def ego_graph(G: nx.MultiDiGraph, name: str, depth: int = 2) -> nx.MultiDiGraph:
    """The part of ``G`` within ``depth`` hops (either direction) of one node.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> "entity:medusa" in ego_graph(G, "Medusa", depth=1)
        True
    """
    center = resolve(G, name)
    near = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center, depth)
    return G.subgraph(sorted(near)).copy()


def neighbors(G: nx.MultiDiGraph, name: str, depth: int = 2) -> list[dict]:
    """The ego network of a paper or entity as records: each node within ``depth``
    hops, its distance, and the relation that reaches it from the hop before.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> rows = neighbors(G, "Medusa", depth=1)
        >>> rows[0]["distance"], rows[0]["name"]
        (0, 'Medusa')
    """
    center = resolve(G, name)
    U = G.to_undirected(as_view=True)
    dist = nx.single_source_shortest_path_length(U, center, depth)
    rows = []
    for n, k in dist.items():
        row = {
            "distance": k,
            "kind": G.nodes[n]["kind"],
            "name": _display(G, n),
            "node": n,
            "via": None,
            "relation": None,
        }
        if k:
            parent = min(p for p in U[n] if dist.get(p) == k - 1)
            hop = _hop(G, parent, n)
            row["via"], row["relation"] = hop["from"], hop["relation"]
        rows.append(row)
    rows.sort(key=lambda r: (r["distance"], r["kind"] != "paper", r["name"].casefold(), r["node"]))
    return rows


def compare(G: nx.MultiDiGraph) -> dict:
    """How the inferred ``builds_on`` edges agree with the real ``cites`` edges.

    Only papers whose input carried a reference list can confirm anything, so an
    inferred edge from a paper without one is ``unchecked``. Returns ``summary``
    (counts, ``precision`` = confirmed / checked, ``recall`` = explained / citations)
    and ``rows``: one record per inferred edge (``confirmed``, ``unconfirmed``,
    ``unchecked``) and per citation the text does not explain (``unexplained``).

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> compare(G)["summary"]["citations"]
        0
    """
    papers = [n for n, k in G.nodes(data="kind") if k == "paper"]
    with_refs = {
        p
        for p in papers
        if G.nodes[p].get("external_refs")
        or any(k == "cites" for _, _, k in G.out_edges(p, keys=True))
    }
    builds = sorted((u, v) for u, v, k in G.edges(keys=True) if k == "builds_on")
    cites = sorted((u, v) for u, v, k in G.edges(keys=True) if k == "cites")
    cite_set, build_set = set(cites), set(builds)
    rows = []
    counts = Counter()
    nameable = {(u, v) for u, v in cites if _names_what_it_cites(G, u, v)}
    for u, v in builds:
        d = G.edges[u, v, "builds_on"]
        if u not in with_refs:
            status = "unchecked"
        elif (u, v) in cite_set:
            status = "confirmed"
        else:
            status = "unconfirmed"
        counts[status] += 1
        row = _pair(G, status, u, v, d.get("via"), d.get("entity"), d.get("sentence"))
        row["nameable"] = (u, v) in nameable
        rows.append(row)
    for u, v in cites:
        if (u, v) not in build_set:
            counts["unexplained"] += 1
            row = _pair(G, "unexplained", u, v, None, None, None)
            row["nameable"] = (u, v) in nameable
            rows.append(row)
    found = len(nameable & build_set)
    checked = counts["confirmed"] + counts["unconfirmed"]
    summary = {
        "papers": len(papers),
        "papers_with_references": len(with_refs),
        "inferred": len(builds),
        "checked": checked,
        "confirmed": counts["confirmed"],
        "unconfirmed": counts["unconfirmed"],
        "unchecked": counts["unchecked"],
        "citations": len(cites),
        "explained": len(cites) - counts["unexplained"],
        "unexplained": counts["unexplained"],
        "precision": round(counts["confirmed"] / checked, 4) if checked else None,
        "recall": round((len(cites) - counts["unexplained"]) / len(cites), 4) if cites else None,
        "nameable": len(nameable),
        "nameable_explained": found,
        "nameable_recall": round(found / len(nameable), 4) if nameable else None,
    }
    order = {"unconfirmed": 0, "confirmed": 1, "unexplained": 2, "unchecked": 3}
    rows.sort(key=lambda r: (order[r["status"]], r["from"], r["to"]))
    return {"summary": summary, "rows": rows}


def _names_what_it_cites(G: nx.MultiDiGraph, u: str, v: str) -> bool:
    """Does paper ``u``'s text name something paper ``v`` introduces (a case-compatible
    spelling of its name, an alias or the surface ``v`` wrote), as a whole word?"""
    names: set[str] = set()
    for _, e, k, d in G.out_edges(v, keys=True, data=True):
        if k == "introduces":
            node = G.nodes[e]
            base = str(node.get("name", "")).split(" (")[0]
            names |= {base, str(d.get("surface", "")), *node.get("aliases", [])}
    text = f"{G.nodes[u].get('title', '')} {G.nodes[u].get('abstract', '')}"
    for n in sorted(x for x in names if len(x) >= 2 and not x.islower()):
        for m in re.finditer(rf"(?<![\w-]){re.escape(n)}(?![\w])", text, re.IGNORECASE):
            if case_compatible(m.group(0), [n]):
                return True
    return False


def _pair(G, status, u, v, via, entity, sentence) -> dict:
    return {
        "status": status,
        "from": G.nodes[u]["id"],
        "to": G.nodes[v]["id"],
        "from_title": G.nodes[u]["title"],
        "to_title": G.nodes[v]["title"],
        "via": via,
        "entity": entity,
        "evidence": sentence,
    }
