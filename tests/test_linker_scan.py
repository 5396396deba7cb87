"""The linker's lexicon scan (graphtool/linker/scan.py): known names, their spelling
variants, version suffixes and case rules; distinct things stay distinct."""

from __future__ import annotations

import graphtool as gt
from graphtool.model import Paper


def _link_one(title, abstract, **kw):
    return gt.link([Paper("p", title, abstract)], **kw)


def _names_in(abstract):
    """The surfaces of the named (non-method) mentions in one abstract."""
    return {m.surface for m in _link_one("T", abstract) if m.kind != "method"}


def _named(ms):
    return {(m.surface, m.entity, m.family) for m in ms if m.kind != "method"}


def test_plain_words_are_not_case_variants_of_names():
    p = Paper("x", "A Note", "We start from zero and support multiple heads, like Medusa.")
    assert {m.entity for m in gt.link([p]) if m.kind != "method"} == {"Medusa"}


def test_variants_resolve_to_one_entity_and_family():
    s = (
        "For training speed, our Triton-based implementation performs comparably to "
        "CUDA-optimized FlashAttention-2 (Dao, 2023), and to FlashAttention2 or Flash "
        "Attention kernels."
    )
    fa = {(m.surface, m.family) for m in _link_one("T", s) if m.family == "FlashAttention"}
    assert fa == {
        ("FlashAttention-2", "FlashAttention"),
        ("FlashAttention2", "FlashAttention"),
        ("Flash Attention", "FlashAttention"),
    }
    assert {m.entity for m in _link_one("T", s) if m.surface == "FlashAttention2"} == {
        "FlashAttention-2"
    }
    s = (
        "However, methods like ZeRO-3 that drastically reduce GPU memory pressure often incur "
        "heavy communication. Established efforts such as ZeRO++ use secondary partitions. "
        "CO2 exhibits seamless integration with well-established ZeRO-series optimizers."
    )
    zero = {(m.surface, m.entity) for m in _link_one("T", s) if m.family == "ZeRO"}
    assert zero == {("ZeRO-3", "ZeRO-3"), ("ZeRO++", "ZeRO++"), ("ZeRO-series", "ZeRO")}
    s = (
        "We implement NanoFlow on NVIDIA GPUs and evaluate end-to-end serving throughput on "
        "several popular models such as LLaMA-2-70B, Mixtral 8x7B, LLaMA-3-8B, etc. We also "
        "train Llama-3.1-8B with Megatron LM."
    )
    got = _named(_link_one("T", s))
    assert ("LLaMA-2-70B", "LLaMA-2-70B", "LLaMA") in got
    assert ("Llama-3.1-8B", "LLaMA-3.1-8B", "LLaMA") in got
    assert ("Megatron LM", "Megatron-LM", "Megatron") in got


def test_distinct_things_stay_distinct():
    s = "Large language models like GPT-4 are resource-intensive, unlike GPT-3."
    gpt = {(m.entity, m.family) for m in _link_one("T", s) if m.family == "GPT"}
    assert gpt == {("GPT-4", "GPT"), ("GPT-3", "GPT")}
    s = (
        "ConvSSM combines the tensor modeling ideas of ConvLSTM with the long sequence modeling "
        "approaches of state space methods such as S4 and S5."
    )
    ents = {m.entity for m in _link_one("T", s)}
    assert {"S4", "S5"} <= ents
    s = "We introduce Video-Infinity, a distributed inference pipeline, and FlashRNN kernels."
    ms = _link_one("T", s)
    assert not any(m.family in ("ZeRO", "FlashAttention") for m in ms)
    s = (
        "AutoStudio employs three agents based on large language models (LLMs) to handle "
        "interactions, along with a stable diffusion (SD) based agent for generating images."
    )
    assert not any(m.entity == "speculative decoding" for m in _link_one("T", s))


def test_names_inside_urls_are_not_mentions():
    s = "Code is available at https://github.com/adney11/Splitwiser and www.FooBar.io/Zed9."
    assert not [m for m in _link_one("T", s) if m.kind != "method"]


def test_method_taxonomy_has_surface_forms():
    lex = gt.Lexicon.load()
    methods = [e for e in lex.entries.values() if e.kind == "method"]
    assert len(methods) >= 40
    s = (
        "We combine pipeline-parallel training with tensor parallelism and mixture-of-experts "
        "layers, plus knowledge distillation."
    )
    uses = {m.entity for m in _link_one("T", s) if m.relation == "uses"}
    assert {"pipeline parallelism", "tensor parallelism", "mixture of experts",
            "knowledge distillation"} <= uses  # fmt: skip


def test_long_compound_names_in_one_capitalised_word_and_hardware_plurals():
    s = (
        "We implement our proposed multiprocessing design on two widely-used and independent "
        "LLM architectures: Huggingface and vLLM. Edge accelerators such as Nvidia Jetsons are "
        "becoming an integral part of the computing continuum. Multiple techniques have been "
        "proposed to mitigate these overheads."
    )
    found = {m.surface: m.entity for m in _link_one("A title", s)}
    assert found["Huggingface"] == "Hugging Face"
    assert found["Jetsons"] == "Jetson"
    assert "Multiple" not in found  # an English word, not MultiPL-E


def test_baichuan_small_is_found_like_baichuan_large():
    named = _names_in("We evaluate Baichuan-Large and Baichuan-Small on the benchmarks.")
    assert {"Baichuan-Large", "Baichuan-Small"} <= named


def test_a_title_case_modifier_after_a_hyphen_ends_the_name():
    # "A BERT-Based Ranker", "vLLM-Powered Serving": title case writes "-Based" where
    # running text writes "-based"; "ZeRO-Infinity" is still one longer name
    found = {m.surface for m in _link_one("A BERT-Based Ranker for vLLM-Powered Serving", "x.")}
    assert {"BERT", "vLLM"} <= found
    found = {
        m.surface for m in _link_one("BERT-Initialized Rankers on Triton-Optimized GPUs", "x.")
    }
    assert "BERT" in found
    assert "ZeRO-Infinity" in {m.surface for m in _link_one("Beyond ZeRO-Infinity", "x.")}
    assert "ZeRO" not in {m.surface for m in _link_one("Beyond ZeRO-Infinity", "x.")}


def test_a_long_form_of_three_words_in_lower_case_is_the_name_spelled_out():
    # real sentences (llm-systems-2025 and the fresh sets)
    dpo = _link_one(
        "T",
        "Then, we employ direct preference optimization to align the fine-tuned LLM with "
        "specific user preferences.",
    )
    assert {(m.surface, m.entity) for m in dpo if m.kind != "method"} == {
        ("direct preference optimization", "DPO")
    }
    lora = _link_one(
        "T",
        "LGT integrates three complementary components: (1) layer-wise training, (2)\n"
        "low-rank adaptation to fine-tune shallow layers and accelerate training.",
    )
    assert ("low-rank adaptation", "LoRA") in {(m.surface, m.entity) for m in lora}


def test_a_spelled_out_name_is_not_a_fragment_a_class_or_a_two_word_phrase():
    # the paper's own variant: "region-aware direct preference optimization (RA-DPO)"
    assert "DPO" not in {
        m.entity
        for m in _link_one(
            "T",
            "we introduce a geometry-appearance alignment module and a region-aware direct "
            "preference optimization (RA-DPO) strategy with motion-aware masking.",
        )
    }
    # a class of models, not S4
    assert "S4" not in {
        m.entity
        for m in _link_one(
            "T",
            "Many subquadratic-time architectures such as linear attention and structured "
            "state space models (SSMs) have been developed.",
        )
    }
    # two words in lower case stay words (a vision transformer is any such model)
    assert _names_in("We encode each image with a vision transformer and a text encoder.") == set()
    # the name's own spellings and derived long forms are no long forms: words stay words
    for words in (
        "making the process akin to finding a needle in a haystack.",  # 2510.10081
        "we develop a distributed data-parallel pipeline.",  # 2509.02481
        "Existing text generation inference engines waste memory.",
        "We train contextual word vectors on news.",  # CoVe, a Papers with Code long form
    ):
        assert _names_in(words) == set(), words
    # a year in parentheses is no other abbreviation
    assert ("direct preference optimization", "DPO") in {
        (m.surface, m.entity)
        for m in _link_one("T", "We use direct preference optimization (2023) for alignment.")
    }
    # its own defined abbreviation is the name: still the name
    ppo = _link_one("T", "We train the policy with proximal policy optimization (PPO) on MuJoCo.")
    assert {m.entity for m in ppo if m.surface == "proximal policy optimization"} == {"PPO"}


def test_a_paper_spelling_out_its_own_title_does_not_mention_it():
    ms = gt.link(
        [
            Paper(
                "1811.03115",
                "Blockwise Parallel Decoding for Deep Autoregressive Models",
                "We propose a novel blockwise parallel decoding scheme in which we make "
                "predictions for multiple time steps in parallel.",
            )
        ]
    )
    assert not [m for m in ms if m.surface == "blockwise parallel decoding"]
    # a title that writes it with capitals inside its own variant's name (deepscholar-dev:
    # "Token-level Proximal Policy Optimization for Query Generation"): not PPO spelled out
    (tppo,) = [
        p
        for p in gt.read(gt.bundled_corpus().parent / "deepscholar-dev.jsonl")
        if p.title.startswith("Token-level Proximal Policy Optimization")
    ]
    assert "proximal policy optimization" in tppo.abstract
    assert "PPO" not in {m.entity for m in gt.link([tppo])}
    # a title that only uses the name presents nothing: its mentions stay
    ms = _link_one(
        "Aligning small language models with direct preference optimization",
        "We apply direct preference optimization to small models.",
    )
    assert {(m.entity, m.field) for m in ms if m.kind != "method"} == {
        ("DPO", "title"),
        ("DPO", "abstract"),
    }
