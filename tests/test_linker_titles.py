"""The linker's title finder (graphtool/linker/titles.py): a title's ``Name:`` prefix
is a name or rhetoric; a descriptive prefix counts when the abstract presents it."""

from __future__ import annotations

import graphtool as gt
from graphtool.model import Paper


def _link_one(title, abstract, **kw):
    return gt.link([Paper("p", title, abstract)], **kw)


def _introduced(title, abstract="A sentence."):
    return [(m.entity, m.aliases) for m in _link_one(title, abstract) if m.relation == "introduces"]


def test_title_prefix_names_and_rhetorical_prefixes():
    cases = {
        "T3: Transparent Tracking & Triggering for Fine-grained Overlap of Compute & "
        "Collectives": "T3",
        "PanGu-$α$: Large-scale Autoregressive Pretrained Chinese Language Models with "
        "Auto-parallel Computation": "PanGu-α",
        "MV-Adapter: Multi-view Consistent Image Generation Made Easy": "MV-Adapter",
        "CO2: Efficient Distributed Training with Full Communication-Computation Overlap": "CO2",
    }
    for title, name in cases.items():
        intro = [m for m in _link_one(title, "An abstract.") if m.relation == "introduces"]
        assert [m.entity for m in intro] == [name], title
        assert intro[0].how == "title" and intro[0].field == "title"
    for title in (
        "Decoding at the Speed of Thought: Harnessing Parallel Decoding of Lexical Units",
        "Beyond the GPU: a study of parallel inference",
    ):
        assert not [m for m in _link_one(title, "An abstract.") if m.relation == "introduces"]


def test_descriptive_and_generic_title_prefixes_introduce_nothing():
    # real titles of llm-systems-2025 and the example corpus
    for title in (
        "LLM & HPC:Benchmarking DeepSeek's Performance in High-Performance Computing Tasks",
        "Incentive-Based Federated Learning: Architectural Elements and Future Directions",
        "Optimizing LLM Inference: Fluid-Guided Online Scheduling with Memory Constraints",
    ):
        assert _introduced(title) == [], title
    for title, name in (
        ("Lagrangian PINNs: A causality-conforming solution to failure modes of "
         "physics-informed neural networks", "Lagrangian PINNs"),
        ("PennyLane-Lightning MPI: A massively scalable quantum circuit simulator",
         "PennyLane-Lightning MPI"),
    ):  # fmt: skip
        assert [e for e, _ in _introduced(title)] == [name], title


def test_this_paper_presents_and_a_title_prefix_the_abstract_presents():
    # real sentences of llm-systems-2025
    s = (
        "This paper proposes TaiChi, an LLM serving system that unifies PD disaggregation and "
        "aggregation. To this end, this paper introduces XXXX, a novel run-time system."
    )
    assert [e for e, _ in _introduced("A title", s)] == ["TaiChi"]
    title = "Speculative Actions: A Lossless Framework for Faster Agentic Systems"
    s = (
        "Inspired by speculative execution in microprocessors, we propose speculative actions, "
        "a lossless framework for general agentic systems."
    )
    assert [e for e, _ in _introduced(title, s)] == ["Speculative Actions"]
    title = "Efficient Checkpointing: A Study of Storage"
    assert _introduced(title, "We study checkpointing on three clusters.") == []
