"""Turn papers and mentions into one ``networkx.MultiDiGraph``, and derive views of it.

Nodes: ``paper:<id>`` (kind ``paper``: title, abstract, year, authors, url) and
``entity:<slug>`` (kind system/model/dataset/hardware/method/other: name, family,
aliases). Edges carry ``relation`` and are keyed by it:

==============  =====================  =============================================
relation        from → to              evidence
==============  =====================  =============================================
introduces      paper → entity         surface, sentence, field, start, end, how
mentions        paper → entity         idem; ``count`` = distinct surfaces seen
uses            paper → method         idem
variant_of      entity → entity        FlashAttention-2 → FlashAttention
builds_on       paper → paper          ``via`` (what A names), ``entity`` (what B
                                       introduces), A's ``sentence``, ``basis``
                                       (what backs "B introduced it": ``lexicon``,
                                       ``title``, ``abstract`` or ``again``)
cites           paper → paper          when the input carries references
==============  =====================  =============================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

import networkx as nx

from .identity import Link, known_names, resolve
from .model import Mention, Paper, slugify

#: Edge relations in drawing order.
RELATIONS = ("introduces", "mentions", "uses", "variant_of", "builds_on", "cites")
ENTITY_RELATIONS = ("introduces", "mentions", "uses")


def paper_node(paper_id: str) -> str:
    """Graph node id of a paper.

    Example:
        >>> paper_node("2403.01234")
        'paper:2403.01234'
    """
    return f"paper:{paper_id}"


def entity_node(name: str) -> str:
    """Graph node id of an entity, from its canonical name.

    Example:
        >>> entity_node("FlashAttention-2")
        'entity:flashattention-2'
    """
    return f"entity:{slugify(name)}"


def build_graph(
    papers: Iterable[Paper] | Any,
    mentions: Iterable[Mention] | None = None,
    lexicon=None,
    jobs: int | None = None,
) -> nx.MultiDiGraph:
    """One graph of papers, entities and the evidence that joins them.

    ``mentions`` default to ``graphtool.link(papers)``. Paper → paper
    ``builds_on`` edges are inferred: A builds on B when A mentions what B
    introduces, or a variant of the same family (A names ZeRO++, B introduces
    ZeRO-Infinity: both ZeRO); the edge names both and carries A's sentence. A bare
    family name (DeepSpeed) links only to the paper that introduces it, and when
    both years are known A must not be older than B. ``papers`` may also be anything
    :func:`graphtool.read` takes: a path, records (dicts) or a pandas DataFrame.
    ``jobs``: the processes that attribute the mentions of a large corpus to what they
    name (default: every core; the same graph whatever their number).

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.read(gt.bundled_corpus()))
        >>> G.nodes["entity:medusa"]["kind"]
        'system'
    """
    from .corpus import as_papers

    papers = as_papers(papers)  # paths, records and DataFrames too
    if mentions is None:
        from .linker import Linker

        mentions = Linker(lexicon).link(papers)
    mentions, links = resolve(papers, mentions, _known_names(lexicon), jobs=jobs)
    return assemble(papers, mentions, links)


def assemble(papers: list[Paper], mentions: list[Mention], links: list[Link]) -> nx.MultiDiGraph:
    """The graph of papers and of mentions and links that :func:`~graphtool.identity.resolve`
    gave (what :func:`build_graph` does after resolving).

    Example:
        >>> import graphtool as gt
        >>> from graphtool.identity import resolve
        >>> ps = gt.read(gt.bundled_corpus())
        >>> ms, links = resolve(ps, gt.link(ps), _known_names(None))
        >>> assemble(ps, ms, links).number_of_edges() == build_graph(ps).number_of_edges()
        True
    """
    G = nx.MultiDiGraph()
    for p in papers:
        G.add_node(paper_node(p.id), **paper_attrs(p))
    known_papers = {p.id for p in papers}

    families: dict[str, str] = {}
    eid = lru_cache(maxsize=None)(entity_node)  # a name's node id, worked out once
    attrs, succ = G._node, G._succ  # networkx's own dicts: one lookup, not a view's
    for m in mentions:
        if m.paper not in known_papers:
            continue
        nid = eid(m.entity)
        node = attrs.get(nid)
        if node is None:
            G.add_node(nid, **_entity_attrs(m))
            node = attrs[nid]
        _note_mention(node, m)
        families[m.entity] = m.family or m.entity
        src = paper_node(m.paper)
        keys = succ[src].get(nid)
        if keys is not None and m.relation in keys:
            keys[m.relation]["count"] += 1
            continue
        G.add_edge(src, nid, key=m.relation, **_mention_edge_attrs(m))

    _add_variants(G, families, mentions, eid)
    _add_builds_on(G, links, eid)
    _add_citations(G, papers)
    return G


def paper_attrs(p: Paper) -> dict:
    """The attributes of a paper's node.

    Example:
        >>> paper_attrs(Paper("a", "T", "Abstract.", year=2024))["label"]
        'T'
    """
    return dict(
        kind="paper",
        id=p.id,
        label=p.title,
        title=p.title,
        abstract=p.abstract,
        year=p.year,
        month=p.month,
        authors=list(p.authors),
        url=p.url,
        source=p.source,
        external_refs=p.external_refs,
    )


class Parts:
    """The graph :func:`assemble` builds, without building it: every node in its
    order, with its kind and family, the attributes of the nodes asked for, the out-edges
    of a node asked for, and the ends of every edge (for PageRank). A store's ``add``
    writes only the rows of the nodes and edges that changed from these. Checked
    against :func:`assemble`, node for node and edge for edge (``tests/test_graph.py``).

    Example:
        >>> import graphtool as gt
        >>> from graphtool.identity import resolve
        >>> ps = gt.read(gt.bundled_corpus())
        >>> ms, links = resolve(ps, gt.link(ps), _known_names(None))
        >>> G, parts = assemble(ps, ms, links), Parts(ps, ms, links)
        >>> parts.order == list(G) and parts.attrs("entity:medusa") == G.nodes["entity:medusa"]
        True
        >>> parts.out_edges("paper:" + ps[0].id) == list(G.out_edges(
        ...     "paper:" + ps[0].id, keys=True, data=True))
        True
    """

    def __init__(
        self,
        papers: list[Paper],
        mentions: list[Mention],
        links: list[Link],
        wanted: Callable[[str], bool] = lambda n: True,
    ) -> None:
        """``wanted``: the entity nodes whose attributes :meth:`attrs` gives (the
        others are not worked out)."""
        self.papers = {paper_node(p.id): p for p in papers}
        eid = self.eid = lru_cache(maxsize=None)(entity_node)
        known_papers = {p.id for p in papers}
        kind: dict[str, str] = {}  # entity node -> its kind, in the order assemble adds them
        family: dict[str, str] = {}
        attrs: dict[str, dict] = {}
        families: dict[str, str] = {}
        self.mentions: dict[str, list[Mention]] = {}  # by paper node
        ends: list[tuple[str, str]] = []
        kinds: dict[str, str] = {}  # a name's kind, as its last mention gives it
        seen: dict[str, set[tuple[str, str]]] = {}  # per paper node, its (entity, relation)s
        last, u = None, None
        for m in mentions:
            kinds[m.entity] = m.kind
            if m.paper != last:
                last = m.paper
                u = paper_node(m.paper) if m.paper in known_papers else None
                if u is not None:
                    of_paper = self.mentions.setdefault(u, [])
                    edges = seen.setdefault(u, set())
            if u is None:
                continue
            nid = eid(m.entity)
            if nid not in kind:
                kind[nid] = m.kind
                family[nid] = m.family or m.entity
                if wanted(nid):
                    attrs[nid] = _entity_attrs(m)
            node = attrs.get(nid)
            if node is not None:
                _note_mention(node, m)
            families[m.entity] = m.family or m.entity
            of_paper.append(m)
            if (nid, m.relation) not in edges:  # one edge per paper, entity and relation
                edges.add((nid, m.relation))
                ends.append((u, nid))
        del seen
        # the edges as _add_variants adds them
        variants: dict[str, dict[str, None]] = {}
        for nid, fid, fam, fam_kind in _variant_pairs(families, kinds, eid):
            if fid not in kind:
                kind[fid] = fam_kind
                family[fid] = fam
                if wanted(fid):
                    attrs[fid] = _family_attrs(fam, fam_kind)
            variants.setdefault(nid, {})[fid] = None
        self.links: dict[str, list[Link]] = {}
        for link in links:
            if link.a in known_papers and link.b in known_papers:
                self.links.setdefault(paper_node(link.a), []).append(link)
        self.order = [*self.papers, *kind]
        self.kind, self.family, self._attrs, self.variants = kind, family, attrs, variants
        self.known_papers = known_papers
        self._links_of: dict[str, dict[str, dict[str, dict]]] = {}
        ends += [(u, v) for u, vs in variants.items() for v in vs]
        self.linking = [u for u, p in self.papers.items() if u in self.links or p.references]
        for u in self.linking:
            ends += [(u, v) for v, keys in self._paper_links(u).items() for _ in keys]
        self.ends = ends  # of every edge, once per edge

    def kind_of(self, n: str) -> str | None:
        """A node's kind."""
        return "paper" if n in self.papers else self.kind.get(n)

    def attrs(self, n: str) -> dict:
        """A node's attributes (an entity node's only where ``wanted``)."""
        p = self.papers.get(n)
        return paper_attrs(p) if p is not None else self._attrs[n]

    def _mention_edges(self, ms: list[Mention]) -> dict[str, dict[str, dict]]:
        out: dict[str, dict[str, dict]] = {}
        for m in ms:
            keys = out.setdefault(self.eid(m.entity), {})
            if m.relation in keys:
                keys[m.relation]["count"] += 1
                continue
            keys[m.relation] = _mention_edge_attrs(m)
        return out

    def _paper_links(self, u: str) -> dict[str, dict[str, dict]]:
        """A paper's builds_on and cites edges, as :func:`_add_builds_on` and
        :func:`_add_citations` add them (worked out once)."""
        out = self._links_of.get(u)
        if out is None:
            out = self._links_of[u] = self._work_out_links(u)
        return out

    def _work_out_links(self, u: str) -> dict[str, dict[str, dict]]:
        out: dict[str, dict[str, dict]] = {}
        for link in self.links.get(u, ()):
            names = [{"via": link.via, "entity": link.entity, "surface": link.surface}]
            keys = out.setdefault(paper_node(link.b), {})
            if "builds_on" in keys:
                keys["builds_on"]["names"] += names
                continue
            family = self.family.get(self.eid(link.entity), link.entity)
            keys["builds_on"] = _builds_on_attrs(link, family, names)
        p = self.papers[u]
        for ref in p.references:
            if ref in self.known_papers and ref != p.id:
                out.setdefault(paper_node(ref), {})["cites"] = {"relation": "cites"}
        return out

    def paper_links(self, u: str) -> list[tuple[str, str, dict]]:
        """A paper's builds_on and cites edges, in order: ``(target, key, attributes)``."""
        return [(v, k, a) for v, keys in self._paper_links(u).items() for k, a in keys.items()]

    def out_edges(self, u: str) -> list[tuple[str, str, str, dict]]:
        """A node's out-edges as ``G.out_edges(u, keys=True, data=True)`` lists them."""
        if u not in self.papers:
            return [
                (u, v, "variant_of", {"relation": "variant_of"}) for v in self.variants.get(u, ())
            ]
        out = self._mention_edges(self.mentions.get(u, []))
        for v, keys in self._paper_links(u).items():  # no paper is an entity node
            out[v] = keys
        return [(u, v, k, a) for v, keys in out.items() for k, a in keys.items()]


def _known_names(lexicon) -> dict:
    """The names the lexicon knows (they keep their identity against corpus names)."""
    if lexicon is None:
        return _bundled_names()
    return known_names(lexicon)


@lru_cache(maxsize=1)
def _bundled_names() -> dict:
    from .lexicon import Lexicon

    return known_names(Lexicon.load())


def _add_variants(
    G: nx.MultiDiGraph, families: dict[str, str], mentions: list[Mention], eid=entity_node
) -> None:
    kinds = {m.entity: m.kind for m in mentions}
    for nid, fid, family, kind in _variant_pairs(families, kinds, eid):
        if fid not in G:
            G.add_node(fid, **_family_attrs(family, kind))
        G.add_edge(nid, fid, key="variant_of", relation="variant_of")


def _variant_pairs(families: dict[str, str], kinds: dict[str, str], eid):
    """(name's node, family's node, family, its kind) for each name of another family's:
    the ``variant_of`` edges, in the order the graph adds them."""
    # most names are their own family: sort only the others (the same order)
    for name, family in sorted((n, f) for n, f in families.items() if f and f != n):
        fid = eid(family)
        if fid != eid(name):
            yield eid(name), fid, family, kinds.get(family, kinds[name])


def _entity_attrs(m: Mention) -> dict:
    """A new entity node's attributes, from its first mention."""
    return dict(
        kind=m.kind,
        label=m.entity,
        name=m.entity,
        family=m.family or m.entity,
        aliases=_distinct_aliases(m.aliases),
        surfaces=[],
    )


def _distinct_aliases(aliases: Iterable[str]) -> list[str]:
    """Sorted aliases, less a lower-case one that another writes with capitals: "Quantum
    Federated Learning" and "quantum federated learning" are one long form, shown once.

    Example:
        >>> _distinct_aliases(["quantum federated learning", "Quantum Federated Learning"])
        ['Quantum Federated Learning']
    """
    out = set(aliases)
    capitalised = {a.casefold() for a in out if not a.islower()}
    return sorted(a for a in out if not (a.islower() and a.casefold() in capitalised))


def _note_mention(node: dict, m: Mention) -> None:
    """An entity node's spellings, and its aliases where the mention introduces it."""
    if m.surface not in node["surfaces"]:
        node["surfaces"].append(m.surface)
    if m.relation == "introduces":
        node["aliases"] = _distinct_aliases([*node["aliases"], *m.aliases])


def _mention_edge_attrs(m: Mention) -> dict:
    """A paper → entity edge's attributes, from the paper's first mention of that relation."""
    return dict(
        relation=m.relation,
        surface=m.surface,
        sentence=m.sentence,
        field=m.field,
        start=m.start,
        end=m.end,
        how=m.how,
        confidence=m.confidence,
        count=1,
    )


def _builds_on_attrs(link: Link, family: str, names: list[dict]) -> dict:
    """A ``builds_on`` edge's attributes, from the first link of its paper pair."""
    return dict(
        relation="builds_on",
        via=link.via,
        entity=link.entity,
        family=family,
        sentence=link.sentence,
        surface=link.surface,
        via_family=link.via_family,
        similarity=link.similarity,
        confidence=link.confidence,
        names=names,
        basis=link.basis,
    )


def _family_attrs(family: str, kind: str) -> dict:
    """A family node's attributes (a family no mention names by itself)."""
    return dict(kind=kind, label=family, name=family, family=family, aliases=[], surfaces=[])


def _add_builds_on(G: nx.MultiDiGraph, links: list[Link], eid=entity_node) -> None:
    """One ``builds_on`` edge per paper pair, carrying every name that links them."""
    attrs, succ = G._node, G._succ
    for link in links:
        u, b = paper_node(link.a), paper_node(link.b)
        if u not in attrs or b not in attrs:
            continue
        names = [{"via": link.via, "entity": link.entity, "surface": link.surface}]
        keys = succ[u].get(b)
        if keys is not None and "builds_on" in keys:
            keys["builds_on"]["names"] += names
            continue
        family = attrs[eid(link.entity)]["family"] if eid(link.entity) in attrs else link.entity
        G.add_edge(u, b, key="builds_on", **_builds_on_attrs(link, family, names))


def _add_citations(G: nx.MultiDiGraph, papers: list[Paper]) -> None:
    ids = {p.id for p in papers}
    for p in papers:
        for ref in p.references:
            if ref in ids and ref != p.id:
                G.add_edge(paper_node(p.id), paper_node(ref), key="cites", relation="cites")


def papers_of(G: nx.MultiDiGraph) -> list[str]:
    """Paper node ids, sorted.

    Example:
        >>> import graphtool as gt
        >>> len(papers_of(gt.build_graph(gt.read(gt.bundled_corpus()))))
        89
    """
    return sorted(n for n, k in G.nodes(data="kind") if k == "paper")


def simple_graph(G: nx.MultiDiGraph | nx.Graph) -> nx.Graph:
    """The undirected simple graph under ``G``: one edge per joined pair, ``weight`` =
    number of relations between them. Centrality and communities run on it.

    ``G`` may also be a view such as :func:`paper_graph` (a simple graph): its edges
    keep their ``weight`` (default 1), summed over both directions of a digraph.

    Example:
        >>> import graphtool as gt
        >>> H = simple_graph(gt.build_graph(gt.read(gt.bundled_corpus())))
        >>> H.is_directed()
        False
        >>> P = gt.paper_graph(gt.build_graph(gt.read(gt.bundled_corpus())))
        >>> simple_graph(P).number_of_edges() == P.number_of_edges()
        True
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes(data=True)))
    if G.is_multigraph():
        # the pairs in the order a walk over the sorted edges first meets them, as the
        # networkx loop below would add them (the same graph, edge for edge)
        S = SimplePairs.of(G)
        nodes, adj = S.nodes, H._adj  # filled directly: add_edge per pair is 3x slower
        for a, b, w in zip(S.first.tolist(), S.second.tolist(), S.weight.tolist(), strict=True):
            u, v = nodes[a], nodes[b]
            adj[u][v] = adj[v][u] = {"weight": w}
        return H
    for u, v, w in sorted(G.edges(data="weight", default=1), key=lambda e: (e[0], e[1])):
        if u == v:
            continue
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


class SimplePairs:
    """The edges of :func:`simple_graph` of a multigraph as arrays, without building it:
    ``nodes`` sorted (a node's index is its place there), and per joined pair its two
    indices (``first`` < ``second``) and ``weight`` (the number of relations between
    them), the pairs in the order in which :func:`simple_graph` adds them (the walk
    over the sorted edges meets each pair first). Centrality and communities of a
    large graph run on these.

    Example:
        >>> g = nx.MultiDiGraph([("b", "a"), ("a", "b"), ("c", "a"), ("c", "c")])
        >>> S = SimplePairs.of(g)
        >>> S.nodes, S.first.tolist(), S.second.tolist(), S.weight.tolist()
        (['a', 'b', 'c'], [0, 0], [1, 2], [2, 1])
    """

    def __init__(self, nodes: list, first, second, weight) -> None:
        self.nodes = nodes
        self.first, self.second, self.weight = first, second, weight

    @classmethod
    def of(cls, G: nx.MultiDiGraph) -> SimplePairs:
        return cls.from_edges(G, G.edges())

    @classmethod
    def from_edges(cls, nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> SimplePairs:
        """The pairs of a multigraph given as its nodes and the ends of its edges (in any
        order: the same pairs as :meth:`of`).

        Example:
            >>> S = SimplePairs.from_edges("abc", [("c", "a"), ("b", "a"), ("a", "b")])
            >>> S.first.tolist(), S.second.tolist(), S.weight.tolist()
            ([0, 0], [1, 2], [2, 1])
        """
        import numpy as np

        nodes = sorted(nodes)
        index = {n: i for i, n in enumerate(nodes)}
        ends = [index[n] for e in edges for n in e]
        u, v = np.array(ends, dtype=np.int64).reshape(-1, 2).T
        keep = u != v
        u, v = u[keep], v[keep]
        order = np.lexsort((v, u))  # the sorted edges (node ids sort as their indices)
        lo, hi = np.minimum(u, v)[order], np.maximum(u, v)[order]
        code = lo * max(len(nodes), 1) + hi
        uniq, first_at, counts = np.unique(code, return_index=True, return_counts=True)
        seq = np.argsort(first_at, kind="stable")
        n = max(len(nodes), 1)
        return cls(nodes, uniq[seq] // n, uniq[seq] % n, counts[seq])

    def degree(self):
        """How many nodes each node is joined to (its degree in :func:`simple_graph`)."""
        import numpy as np

        n = len(self.nodes)
        return np.bincount(self.first, minlength=n) + np.bincount(self.second, minlength=n)

    def edge_order(self):
        """The pairs in the order ``simple_graph(G).edges()`` yields them: by the first
        node, then in the order that node met them."""
        import numpy as np

        return np.lexsort((np.arange(len(self.first)), self.first))


def paper_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Papers joined by the entities they share, weighted by how rare each one is
    (an entity named by k papers adds 1/(k-1) to each pair it joins).

    Example:
        >>> import graphtool as gt
        >>> P = paper_graph(gt.build_graph(gt.read(gt.bundled_corpus())))
        >>> {k for _, k in P.nodes(data="kind")}
        {'paper'}
    """
    P = nx.Graph()
    P.add_nodes_from((n, G.nodes[n]) for n in papers_of(G))
    for ent in sorted(n for n, k in G.nodes(data="kind") if k != "paper"):
        ps = sorted({u for u, _, k in G.in_edges(ent, keys=True) if k in ENTITY_RELATIONS})
        if len(ps) < 2:
            continue
        w = 1.0 / (len(ps) - 1)
        name = G.nodes[ent]["name"]
        for i, a in enumerate(ps):
            for b in ps[i + 1 :]:
                if P.has_edge(a, b):
                    P[a][b]["weight"] += w
                    P[a][b]["shared"].append(name)
                else:
                    P.add_edge(a, b, weight=w, shared=[name])
    return P


def entity_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Entities joined when the same paper names both; ``weight`` = number of papers.

    Example:
        >>> import graphtool as gt
        >>> E = entity_graph(gt.build_graph(gt.read(gt.bundled_corpus())))
        >>> "paper" in {k for _, k in E.nodes(data="kind")}
        False
    """
    E = nx.Graph()
    E.add_nodes_from(sorted((n, d) for n, d in G.nodes(data=True) if d["kind"] != "paper"))
    for p in papers_of(G):
        ents = sorted({v for _, v, k in G.out_edges(p, keys=True) if k in ENTITY_RELATIONS})
        for i, a in enumerate(ents):
            for b in ents[i + 1 :]:
                if E.has_edge(a, b):
                    E[a][b]["weight"] += 1
                else:
                    E.add_edge(a, b, weight=1)
    return E


def influence_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Papers with the directed ``builds_on`` and ``cites`` edges only.

    Example:
        >>> import graphtool as gt
        >>> I = influence_graph(gt.build_graph(gt.read(gt.bundled_corpus())))
        >>> I.is_directed()
        True
    """
    D = nx.DiGraph()
    D.add_nodes_from((n, G.nodes[n]) for n in papers_of(G))
    for u, v, k, d in sorted(G.edges(keys=True, data=True)):
        if k in ("builds_on", "cites"):
            D.add_edge(u, v, **d)
    return D
