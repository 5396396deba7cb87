"""graphtool: a citation-graph explorer for research papers.

Read titles and abstracts, link the systems, models, datasets, hardware and methods
they name (with the sentence that proves each), build one networkx graph, rank and
group it, and render an offline interactive map.

Example:
    >>> import graphtool as gt
    >>> papers = gt.read(gt.bundled_corpus())
    >>> G = gt.build_graph(papers)
    >>> gt.centrality(G, "pagerank", kind="paper")[0][0].startswith("paper:")
    True
"""

from .analysis import centrality, communities, community_labels
from .corpus import Corpus, bundled_corpus, read
from .errors import BadRecords, GraphtoolError, InputError
from .frames import centrality_frame, entities_frame, mentions_frame, papers_frame
from .graph import (
    build_graph,
    entity_graph,
    entity_node,
    influence_graph,
    paper_graph,
    paper_node,
    simple_graph,
)
from .htmlmap import render, render_html, show
from .lexicon import Lexicon
from .linker import Linker, link
from .model import Entity, Mention, Paper
from .store import Store
from .store import open_graph as open

__version__ = "0.1.0"

__all__ = [
    "BadRecords",
    "Corpus",
    "Entity",
    "GraphtoolError",
    "InputError",
    "Lexicon",
    "Linker",
    "Mention",
    "Paper",
    "Store",
    "build_graph",
    "bundled_corpus",
    "centrality",
    "centrality_frame",
    "communities",
    "community_labels",
    "entities_frame",
    "entity_graph",
    "entity_node",
    "influence_graph",
    "link",
    "mentions_frame",
    "open",
    "paper_graph",
    "paper_node",
    "papers_frame",
    "read",
    "render",
    "render_html",
    "show",
    "simple_graph",
]
