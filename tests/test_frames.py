"""DataFrames in and out, as a notebook user calls them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import graphtool as gt
from graphtool.cli import main

pd = pytest.importorskip("pandas")

RECORDS = [
    {
        "id": "p1",
        "title": "Clover: fast decoding",
        "abstract": "We propose Clover. It beats Medusa.",
    },
    {"id": "p2", "title": "A study", "abstract": "We compare Clover with Medusa on A100 GPUs."},
]


def test_mentions_frame_has_the_link_contract_columns_and_rows(fixtures):
    df = gt.mentions_frame(pd.DataFrame(RECORDS))
    assert list(df.columns) == list(gt.frames.MENTION_COLUMNS)
    rows = set(map(tuple, df[["paper", "entity", "relation"]].values.tolist()))
    assert ("p1", "Clover", "introduces") in rows and ("p2", "Clover", "mentions") in rows
    # the same records as graphtool link writes them
    out = CliRunner().invoke(main, ["link", str(fixtures / "small.jsonl")]).output
    cli = [json.loads(line) for line in out.splitlines()]
    assert gt.mentions_frame(gt.read(fixtures / "small.jsonl")).to_dict("records") == cli


def test_mentions_frame_of_mentions_and_of_nothing():
    ms = gt.link(gt.read(RECORDS))
    assert len(gt.mentions_frame(ms)) == len(ms)
    empty = gt.mentions_frame([])
    assert empty.empty and list(empty.columns) == list(gt.frames.MENTION_COLUMNS)


def test_entities_and_centrality_frames(graph):
    ents = gt.entities_frame(graph, kind="system", min_papers=2)
    assert set(ents["kind"]) == {"system"} and (ents["papers"] >= 2).all()
    assert "Medusa" in set(ents["entity"])
    cent = gt.centrality_frame(graph, "pagerank", kind="paper")
    assert list(cent.columns) == ["rank", "node", "kind", "name", "pagerank"]
    assert cent["pagerank"].is_monotonic_decreasing and cent["rank"].tolist()[:3] == [1, 2, 3]
    assert cent["node"].str.startswith("paper:").all()


def test_papers_frame_round_trips_through_read():
    df = gt.papers_frame(RECORDS)
    assert df["id"].tolist() == ["p1", "p2"]
    assert [p.id for p in gt.read(df[["id", "title", "abstract"]])] == ["p1", "p2"]
