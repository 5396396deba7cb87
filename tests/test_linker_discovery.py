"""The linker's unseen names (graphtool/linker/discovery.py): name-shaped tokens,
naming contexts, standards, datasets, products; generic words are no names."""

from __future__ import annotations

import graphtool as gt
from graphtool.model import Paper


def _link_one(title, abstract, **kw):
    return gt.link([Paper("p", title, abstract)], **kw)


def _names_in(abstract):
    """The surfaces of the named (non-method) mentions in one abstract."""
    return {m.surface for m in _link_one("T", abstract) if m.kind != "method"}


def test_unseen_names_are_discovered_with_lower_confidence():
    s = (
        "In terms of acceleration metrics, we outperform all the single-model acceleration "
        "techniques, including Medusa and Hydrantix, and run on top of QuokkaServe with "
        "TinyLM-3B and Zorp++."
    )
    found = {m.surface: m for m in _link_one("T", s)}
    assert found["Medusa"].how == "lexicon"
    for name in ("Hydrantix", "QuokkaServe", "TinyLM-3B", "Zorp++"):
        assert found[name].how == "discovered", name
        assert found[name].confidence < found["Medusa"].confidence


def test_generic_words_and_acronyms_are_not_names():
    s = (
        "Training-free high-resolution (HR) image generation has garnered attention. Our "
        "Transformer uses the KV cache on GPUs for LLM serving, beating SOTA AR and NAR TTS "
        "systems. However, Existing methods fail."
    )
    named = _names_in(s)
    assert named == set()


def test_layers_operations_metrics_and_quantisation_settings_are_not_names():
    # real sentences of llm-systems-2025, and common metric and setting names
    s = (
        "These optimizations allow TokenWeave to perform communication and RMSNorm using only "
        "2-8 SMs. The accelerator can perform matrix multiplication (MatMul) operations. It is "
        "based on the gradients of linear layers with ReLU activations. We report mAP, IoU "
        "and CLIPScore under W4A16 and W8A8 settings."
    )
    named = _names_in(s)
    assert named == {"TokenWeave"}


def test_languages_and_styled_words_are_not_names():
    s = (
        "BhashaVerse covers languages such as Assamese, Awadhi, Bengali and Hindi, with "
        "Full COmmunication-COmputation overlap."
    )
    assert {m.surface for m in _link_one("T", s) if m.kind != "method"} == {"BhashaVerse"}


def test_standards_and_word_acronym_names_are_discovered():
    # real sentences of llm-systems-2025
    s = (
        "We detail the implementation of ML-KEM (FIPS 203) and ML-DSA (FIPS 204), integrated "
        "with Quantum Random Number Generators (QRNG) for cryptographic entropy. GlideinWMS "
        "has been one of the first middleware in the WLCG community to transition from X.509 "
        "to support also tokens. We incorporate a multi-GPU training backend adapted from "
        "Grendel-GS to enable scalable processing of large datasets. This paper introduces a "
        "formal, machine-readable semantic model for Cloud Engines, integrating the "
        "architectural taxonomy of ISO/IEC 22123 (Cloud Reference Architecture) with the "
        "security and compliance controls of ISO/IEC 27001:2022 and ISO/IEC TR 3445:2022."
    )
    found = {m.surface: m for m in _link_one("A title", s)}
    for name in (
        "FIPS 203",
        "FIPS 204",
        "X.509",
        "ISO/IEC 22123",
        "ISO/IEC 27001",
        "ISO/IEC TR 3445",
    ):
        assert (found[name].kind, found[name].how) == ("other", "discovered"), name
    assert found["Grendel-GS"].how == "discovered"
    assert "multi-GPU" not in found


def test_prefix_acronyms_years_and_gpu_numbers_are_not_standards():
    s = (
        "Lattica is a Decentralized Cross-NAT Communication Framework. We train on the GPU 100 "
        "times, as in CVPR 2024. CudaForge generalizes across GPUs (A100, RTX 6000, 4090)."
    )
    found = {m.surface: m for m in _link_one("A title", s)}
    assert not {"Cross-NAT", "GPU 100", "CVPR 2024"} & set(found)
    assert found["RTX 6000"].entity == "RTX 6000"  # not the RTX A6000 by a near spelling


def test_capitalised_words_a_dataset_noun_names_are_datasets():
    # real sentences of llm-systems-2025 and the example corpus
    s = (
        "In our experiments, the system achieves a 5.6X speedup on the Kingsnake dataset "
        "(4M Gaussians) using four GPUs compared to a single-GPU baseline. Extensive "
        "experiments on the CarlaSC and Waymo datasets demonstrate that DynamicCity "
        "significantly outperforms existing methods. The dataset is released, unlike the "
        "English dataset and the QA benchmark."
    )
    found = {m.surface: m for m in _link_one("A title", s)}
    for name in ("Kingsnake", "CarlaSC", "Waymo"):
        assert (found[name].kind, found[name].how) == ("dataset", "discovered"), name
    assert found["Kingsnake"].sentence.startswith("In our experiments")
    assert not {"The", "English", "QA"} & set(found)


def test_policies_and_top_k_are_not_names():
    s = (
        "Traditional strategies like First-Come-First-Serve (FCFS) often suffer from blocking. "
        "FourierCompress preserves performance, outperforming Top-k, QR, and SVD."
    )
    named = _names_in(s)
    assert named == {"FourierCompress"}


def test_capitalised_words_after_an_organisation_name_its_product(tmp_path):
    # real sentences of llm-systems-2025
    s = (
        "FaaS workflows, such as AWS Step Functions and Azure Durable Functions, are popular. "
        "Our initial F-BFQ accelerator design, deployed on the AMD Kria board, is fast. "
        "We deploy 17 LLMs on the Apple Vision Pro. Deploying LLMs on NVIDIA GPUs and "
        "NVIDIA H100 is costly."
    )
    found = {m.surface: m for m in _link_one("A title", s)}
    for name in ("Step Functions", "Durable Functions", "Kria", "Vision Pro"):
        assert found[name].how == "discovered", name
    assert found["Vision Pro"].kind == "hardware"
    assert "GPUs" not in found and found["H100"].how == "lexicon"
    # only after an organisation, and only in abstracts (a title capitalises every word)
    assert not {m.surface for m in _link_one("MPI Communication Patterns on AWS Lambda", "x.")} & {
        "Communication Patterns",
        "Lambda",
    }
    mine = tmp_path / "orgs.jsonl"
    mine.write_text('{"name": "Acme", "kind": "other"}\n{"organisations": ["Acme"]}\n')
    lex = gt.Lexicon.load(extra=[mine])
    ms = gt.link([Paper("p", "T", "We run it on the Acme Roadrunner cluster.")], lexicon=lex)
    assert "Roadrunner" in {m.surface for m in ms}


def test_units_citation_keys_parameter_counts_plurals_and_countries_are_not_names():
    # real sentences of llm-systems-2025
    s = (
        "Evaluations on two model series, A0.3B-2B and A1B-7B, demonstrate Linear-MoE "
        "achieves efficiency gains. The problem is NP-hard \\cite{Karp1972} for general "
        "graphs. This model makes these operating systems (OSes) incompatible by design. "
        "AERIS sustains 10.21 ExaFLOPS (mixed precision). Our estimates range from 150.5 "
        "MTCO2e in the most optimistic scenario. Deploy runners in regions with a low "
        "environmental impact such as France and the United Kingdom."
    )
    named = _names_in(s)
    assert named == {"Linear-MoE"}


def test_venues_with_a_year_are_not_entities():
    s = "This result appeared at STOC 2022 and PODC 2020; we improve it, as at NeurIPS 2023."
    assert _names_in(s) == set()


def test_a_persons_possessive_is_no_system():
    s = (
        "Using Marks' technique, we prove a lower bound for distributed coloring. "
        "We extend Marks’ technique and Naor's lemma. We compare with Quokka, a system."
    )
    named = _names_in(s)
    assert "Marks" not in named and "Naor" not in named
    assert "Quokka" in named
