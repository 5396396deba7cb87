"""The linker end to end: the example corpus linked, records, evidence, user lexicons,
review cases. Each finder has its own module: test_linker_{titles,intros,definitions,scan,
discovery}.py."""

from __future__ import annotations

import graphtool as gt
from graphtool.model import Paper
from graphtool.text import sentence_spans

GENERIC = {"GPU", "GPUs", "LLM", "LLMs", "TTS", "AR", "NAR", "KV", "SOTA", "HR", "CPU"}


def _mentions_of(mentions, paper_id):
    return [m for m in mentions if m.paper == paper_id]


def _link_one(title, abstract, **kw):
    return gt.link([Paper("p", title, abstract)], **kw)


def _named(ms):
    return {(m.surface, m.entity, m.family) for m in ms if m.kind != "method"}


def _introduced(title, abstract="A sentence."):
    return [(m.entity, m.aliases) for m in _link_one(title, abstract) if m.relation == "introduces"]


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


def test_evidence_offsets_point_at_the_surface(mentions, papers):
    texts = {p.id: p for p in papers}
    for m in mentions:
        text = getattr(texts[m.paper], m.field)
        assert text[m.start : m.end] == m.surface
        assert m.sentence in text


def test_user_lexicon_adds_names_aliases_and_blocks(tmp_path):
    f = tmp_path / "mine.jsonl"
    f.write_text(
        "# my lab's names\n"
        '{"name": "Quokka", "kind": "system", "family": "Marsupial", "aliases": ["QKA"]}\n'
        '{"block": ["Medusa"]}\n'
    )
    lex = gt.Lexicon.load(extra=[f])
    s = "We compare Quokka and QKA against Medusa heads."
    got = _named(gt.link([Paper("p", "T", s)], lexicon=lex))
    assert ("Quokka", "Quokka", "Marsupial") in got and ("QKA", "Quokka", "Marsupial") in got
    assert not any(surface == "Medusa" for surface, _, _ in got)


def test_bad_user_lexicon_names_file_and_line(tmp_path):
    import pytest

    f = tmp_path / "bad.jsonl"
    f.write_text('{"name": "X", "kind": "gadget"}\n')
    with pytest.raises(gt.InputError, match=r"bad\.jsonl:1: lexicon entry 'X' has kind 'gadget'"):
        gt.Lexicon.load(extra=[f])


def test_review_cases_stay_fixed():
    # a standard at the end of a sentence
    found = {m.surface for m in _link_one("T", "We implement TLS per RFC 8446.")}
    assert "RFC 8446" in found
    # a string blocked after a first link() is blocked in the next one
    linker = gt.Linker()
    papers = [Paper("p", "T", "We compare with GrendelNet on A100s.")]
    assert "GrendelNet" in {m.surface for m in linker.link(papers)}
    linker.lexicon.block(["GrendelNet"])
    assert "GrendelNet" not in {m.surface for m in linker.link(papers)}
    # naming contexts work with an empty lexicon
    ms = gt.Linker(lexicon=gt.Lexicon()).link(
        [Paper("p", "T", "Our method is faster than Grendelbach and compared with Kingsnake.")]
    )
    assert {m.surface for m in ms} == {"Grendelbach", "Kingsnake"}
    # a title's introduction does not hide the abstract's
    a = "We outline the design of PolicySmith, a framework for caching."
    title = "SuperLongNamedSystemForCachingPoliciesX: Caching policies"
    assert "PolicySmith" in {e for e, _ in _introduced(title, a)}
    # any whitespace around the phrases and separators
    s = "In this work we\npropose Speculative Jacobi Decoding (SJD) to accelerate sampling."
    assert [e for e, _ in _introduced("T", s)] == ["SJD"]
    assert [e for e, _ in _introduced("GrendelNet --\tfast caching")] == ["GrendelNet"]
    assert [e for e, _ in _introduced("Caching with GrendelNet:\xa0a study")] == ["GrendelNet"]
    # full-width brackets and arrows around a naming context
    s = "Baselines（e.g. Grendelbach）are slow. It is faster →than Kingsnake."
    assert {"Grendelbach", "Kingsnake"} <= {m.surface for m in _link_one("T", s)}


def test_evidence_covers_a_name_across_a_false_sentence_boundary():
    s = (
        "This paper presents a performance evaluation of three prominent NoSQL key-value "
        "stores: Redis, Aerospike, and Dragonfly, using the Yahoo! Cloud Serving Benchmark "
        "(YCSB). Results follow."
    )
    for m in _link_one("A title", s):
        assert m.surface in m.sentence, m


def test_latex_in_a_title_is_cleaned_where_the_text_enters():
    papers = gt.read([{
        "title": "PanGu-$α$: Large-scale Autoregressive Pretrained Chinese Language Models",
        "abstract": "We present PanGu-$\\alpha$, with up to 200B parameters.",
    }])  # fmt: skip
    assert papers[0].title.startswith("PanGu-α: Large-scale")
    assert "PanGu-α, with" in papers[0].abstract
    G = gt.build_graph(papers)
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert "PanGu-α" in labels and not any("$" in label for label in labels)


def test_what_a_graphtool_process_makes_with_the_collector_paused_is_frozen_after(monkeypatch):
    # In a graphtool process (its objects live until it ends) the collector's first pass
    # after a pause would walk everything made meanwhile: it is frozen instead. Called
    # from Python, nothing is frozen: every object stays collectable.
    import gc

    from graphtool import _lifetime
    from graphtool.linker import _gc_paused

    assert gc.isenabled()
    gc.unfreeze()
    with _gc_paused():
        made = [[i] for i in range(1000)]
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    monkeypatch.setattr(_lifetime, "kept", [])
    try:
        with _gc_paused():
            made += [[i] for i in range(1000)]
        assert gc.isenabled() and gc.get_freeze_count() >= 2000
    finally:
        gc.unfreeze()
