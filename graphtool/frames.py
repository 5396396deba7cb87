"""pandas DataFrames of the linked results, for notebooks.

pandas is optional (``pip install 'graphtool[pandas]'``) and imported only when one
of these functions is called. The columns are the contracts of the command line:

* :func:`mentions_frame`: the keys ``graphtool link`` writes (``paper``, ``title``,
  ``entity``, ``entity_id``, ``kind``, ``family``, ``relation``, ``surface``,
  ``field``, ``start``, ``end``, ``sentence``, ``how``, ``confidence``);
* :func:`entities_frame`: what ``graphtool entities --json`` gives (``entity``,
  ``node``, ``kind``, ``family``, ``aliases``, ``papers``, ``introduced_by``,
  ``mentioned_by``);
* :func:`centrality_frame`: ``rank``, ``node``, ``kind``, ``name`` and the metric,
  as ``graphtool centrality --json``;
* :func:`papers_frame`: one row a paper (``id``, ``title``, ``year``, ``month``,
  ``authors``, ``doi``, ``arxiv``, ``url``, ``references``, ``abstract``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from .model import Mention

#: Columns of :func:`mentions_frame`, in the order ``graphtool link`` writes them.
MENTION_COLUMNS = (
    "paper",
    "title",
    "entity",
    "entity_id",
    "kind",
    "family",
    "relation",
    "surface",
    "field",
    "start",
    "end",
    "sentence",
    "how",
    "confidence",
)
ENTITY_COLUMNS = (
    "entity",
    "node",
    "kind",
    "family",
    "aliases",
    "papers",
    "introduced_by",
    "mentioned_by",
)
PAPER_COLUMNS = (
    "id",
    "title",
    "year",
    "month",
    "authors",
    "doi",
    "arxiv",
    "url",
    "references",
    "abstract",
)


def _pandas():
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        from .errors import GraphtoolError

        raise GraphtoolError(
            "DataFrames need pandas: pip install 'graphtool[pandas]' (or pip install pandas)"
        ) from None
    return pd


def mentions_frame(data: Iterable[Mention] | Any, lexicon=None) -> Any:
    """Every mention as a DataFrame row, with the columns of ``graphtool link``.

    ``data`` is a list of :class:`Mention` (from :func:`graphtool.link`), or papers in
    any form :func:`graphtool.read` takes (paths, records, a DataFrame), which are
    then linked.

    Example:
        >>> import graphtool as gt
        >>> df = gt.mentions_frame([{"id": "p1", "title": "Clover: fast decoding",
        ...     "abstract": "We propose Clover. It beats Medusa on speed."}])
        >>> df[["paper", "entity", "relation"]].values.tolist()
        [['p1', 'Clover', 'introduces'], ['p1', 'Medusa', 'mentions']]
        >>> list(df.columns) == list(gt.frames.MENTION_COLUMNS)
        True
    """
    pd = _pandas()
    if isinstance(data, list) and all(isinstance(m, Mention) for m in data):
        mentions: list[Mention] = data
    else:
        from .corpus import as_papers
        from .linker import link

        mentions = link(as_papers(data), lexicon=lexicon)
    rows = [m.to_record() for m in mentions]
    return pd.DataFrame(rows, columns=list(MENTION_COLUMNS))


def entities_frame(G: nx.MultiDiGraph, kind: str | None = None, min_papers: int = 1) -> Any:
    """Every entity of ``G`` as a DataFrame row (most papers first), as
    ``graphtool entities --json``.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.bundled_corpus())
        >>> df = gt.entities_frame(G, kind="system")
        >>> list(df.columns)[:4], bool((df["kind"] == "system").all())
        (['entity', 'node', 'kind', 'family'], True)
    """
    from .analysis import entities

    pd = _pandas()
    return pd.DataFrame(entities(G, kind=kind, min_papers=min_papers), columns=list(ENTITY_COLUMNS))


def centrality_frame(G: nx.MultiDiGraph, metric: str = "pagerank", kind: str | None = None) -> Any:
    """The nodes of ``G`` ranked by a centrality, as ``graphtool centrality --json``:
    columns ``rank``, ``node``, ``kind``, ``name`` and the metric.

    Example:
        >>> import graphtool as gt
        >>> G = gt.build_graph(gt.bundled_corpus())
        >>> df = gt.centrality_frame(G, "degree", kind="paper")
        >>> list(df.columns), int(df["rank"].iloc[0])
        (['rank', 'node', 'kind', 'name', 'degree'], 1)
    """
    from .analysis import centrality

    pd = _pandas()
    rows = [
        {
            "rank": i,
            "node": n,
            "kind": G.nodes[n]["kind"],
            "name": G.nodes[n].get("title") or G.nodes[n].get("name"),
            metric: score,
        }
        for i, (n, score) in enumerate(centrality(G, metric, kind=kind), 1)
    ]
    return pd.DataFrame(rows, columns=["rank", "node", "kind", "name", metric])


def papers_frame(data: Any) -> Any:
    """Papers (anything :func:`graphtool.read` takes) as a DataFrame, one row a paper.

    Example:
        >>> import graphtool as gt
        >>> df = gt.papers_frame([{"id": "x", "title": "T", "abstract": "A.", "year": 2024}])
        >>> df[["id", "title", "year"]].values.tolist()
        [['x', 'T', 2024]]
    """
    from .corpus import as_papers

    pd = _pandas()
    rows = [
        {
            "id": p.id,
            "title": p.title,
            "year": p.year,
            "month": getattr(p, "month", None),
            "authors": list(p.authors),
            "doi": p.doi,
            "arxiv": p.arxiv,
            "url": p.url,
            "references": list(p.references),
            "abstract": p.abstract,
        }
        for p in as_papers(data)
    ]
    df = pd.DataFrame(rows, columns=list(PAPER_COLUMNS))
    for col in ("year", "month"):
        df[col] = df[col].astype("Int64")
    return df
