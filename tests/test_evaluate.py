"""Scoring the linker against annotated papers."""

from __future__ import annotations

import graphtool as gt
from graphtool.evaluate import load_gold, score
from graphtool.model import Paper


def test_score_counts_strict_relaxed_and_introductions():
    p = Paper("p", "Hydrant: Many Heads", "Hydrant beats Medusa and GPT-4 on A100 GPUs.")
    gold = [
        {
            "title": p.title,
            "introduces": ["Hydrant"],
            "aliases": {},
            "components": [],
            "mentions": [
                {"surface": "Medusa", "canonical": "Medusa", "family": "Medusa", "type": "system"},
                {"surface": "GPT-4", "canonical": "GPT-4", "family": "GPT", "type": "model"},
                {"surface": "Orca", "canonical": "Orca", "family": "Orca", "type": "system"},
            ],
        }
    ]
    report = score(gold, [p], gt.link([p]))
    strict = report.scores["strict/all"]
    assert (strict.tp, strict.fn) == (2, 1)  # Orca is not in the text: a miss
    assert strict.fp == 1  # A100 is not annotated here: a false positive
    assert report.scores["introduces/all"].tp == 1
    assert ("Hydrant: Many Heads", "Orca", "system") in report.misses
    assert "strict/all" in report.table()


def test_bundled_gold_sets_load_and_name_corpus_papers():
    from graphtool._resources import data_path

    seed = load_gold(data_path("eval", "seed-dev-gold.json"))
    held = load_gold(data_path("eval", "llm-systems-gold.json"))
    assert len(seed) == 30 and len(held) == 30
    titles = {p.title for p in gt.read(gt.bundled_corpus())}
    assert all(g["title"] in titles for g in seed)


def test_the_relaxed_match_pairs_the_same_spelling_first():
    # "… of MCP-Enabled LLM Agents" then "the Model Context Protocol (MCP)": two right
    # mentions, whatever order the paper writes them in
    p = Paper("p", "Characterization of MCP-Enabled LLM Agents",
              "We study the Model Context Protocol (MCP) and how agents call MCP servers.")  # fmt: skip
    rows = [
        {
            "surface": "Model Context Protocol",
            "canonical": "MCP",
            "family": "MCP",
            "type": "system",
        },
        {"surface": "MCP", "canonical": "MCP", "family": "MCP", "type": "system"},
    ]
    gold = [{"title": p.title, "introduces": [], "aliases": {}, "components": [], "mentions": rows}]
    relaxed = score(gold, [p], gt.link([p])).scores["relaxed/all"]
    assert (relaxed.tp, relaxed.fp, relaxed.fn) == (2, 0, 0)
