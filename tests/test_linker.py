"""The linker: introduced names, lexicon names and variants, methods, evidence, traps."""

from __future__ import annotations

import graphtool as gt
from graphtool.model import Paper
from graphtool.text import sentence_spans

GENERIC = {"GPU", "GPUs", "LLM", "LLMs", "TTS", "AR", "NAR", "KV", "SOTA", "HR", "CPU"}


def _mentions_of(mentions, paper_id):
    return [m for m in mentions if m.paper == paper_id]


def test_clover_mentions_medusa_with_the_sentence(mentions, by_title):
    clover = by_title[
        "Clover: Regressive Lightweight Speculative Decoding with Sequential Knowledge"
    ]
    medusa = [m for m in _mentions_of(mentions, clover.id) if m.entity == "Medusa"]
    assert medusa, "Clover's abstract names Medusa"
    m = medusa[0]
    assert (m.kind, m.relation, m.how) == ("system", "mentions", "lexicon")
    assert "Medusa" in m.sentence and m.sentence in clover.abstract
    assert clover.abstract[m.start : m.end] == "Medusa"


def test_gla_mentions_flashattention_2(mentions, by_title):
    gla = by_title["Gated Linear Attention Transformers with Hardware-Efficient Training"]
    fa = [m for m in _mentions_of(mentions, gla.id) if m.entity == "FlashAttention-2"]
    assert fa and fa[0].family == "FlashAttention"
    assert "FlashAttention-2" in fa[0].sentence


def test_title_prefix_and_we_propose_introduce_names(mentions, by_title):
    def introduced(title):
        return {m.entity for m in _mentions_of(mentions, by_title[title].id)
                if m.relation == "introduces"}  # fmt: skip

    assert "Clover" in introduced(
        "Clover: Regressive Lightweight Speculative Decoding with Sequential Knowledge"
    )
    assert "ZeRO-Infinity" in introduced(
        "ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning"
    )
    assert "EDLM" in introduced("Energy-Based Diffusion Language Models for Text Generation")
    rhetorical = [t for t in by_title if t.startswith("Decoding at the Speed of Thought")]
    assert rhetorical and not any(
        m.how == "title" for m in _mentions_of(mentions, by_title[rhetorical[0]].id)
    )


def test_definition_makes_long_form_an_alias():
    p = Paper("x", "Energy-Based Diffusion Language Models",
              "To fix this, we propose Energy-based Diffusion Language Model (EDLM), an "
              "energy-based model. EDLM is fast.")  # fmt: skip
    intro = [m for m in gt.link([p]) if m.relation == "introduces"]
    assert [m.entity for m in intro] == ["EDLM"]
    assert intro[0].aliases == ("Energy-based Diffusion Language Model",)


def test_generic_acronyms_are_never_systems(mentions):
    named = {m.surface for m in mentions if m.kind != "method"}
    assert not named & GENERIC


def test_zero_family_variants_resolve_to_one_family(mentions, by_title):
    frontier = by_title[
        "Scaling Large Language Model Training on Frontier with Low-Bandwidth Partitioning"
    ]
    zero = {m.entity: m.family for m in _mentions_of(mentions, frontier.id)
            if m.family == "ZeRO"}  # fmt: skip
    assert {"ZeRO++", "ZeRO-3"} <= set(zero)


def test_corpus_introduced_names_link_across_papers(fixtures):
    ms = gt.link(gt.read(fixtures / "small.jsonl"))
    hydrant = [(m.paper, m.relation) for m in ms if m.entity == "Hydrant"]
    assert ("2401.00001", "introduces") in hydrant
    assert ("2401.00002", "mentions") in hydrant


def test_plain_words_are_not_case_variants_of_names():
    p = Paper("x", "A Note", "We start from zero and support multiple heads, like Medusa.")
    assert {m.entity for m in gt.link([p]) if m.kind != "method"} == {"Medusa"}


def test_sentence_splitter_keeps_abbreviations_and_numbers_together():
    t = ("Methods, e.g. Medusa, beat others et al. reported. It reaches 2.5x on v1.5 "
         "vs. v1.4. Done.")  # fmt: skip
    assert [t[s:e] for s, e in sentence_spans(t)] == [
        "Methods, e.g. Medusa, beat others et al. reported.",
        "It reaches 2.5x on v1.5 vs. v1.4.",
        "Done.",
    ]


def test_link_records_keep_the_contract(mentions):
    rec = mentions[0].to_record()
    for key in ("paper", "title", "entity", "kind", "family", "relation", "surface",
                "sentence", "how", "confidence", "start", "end", "field"):  # fmt: skip
        assert key in rec
