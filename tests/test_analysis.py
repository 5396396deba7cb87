"""Centrality and communities."""

from __future__ import annotations

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
