"""Sentence spans and abbreviation definitions."""

from __future__ import annotations

import pytest

from graphtool.text import Sentences, abbreviation_definitions, sentence_spans


def test_sentences_do_not_break_at_abbreviations_or_numbers():
    t = "Compared with Medusa et al. (2024), i.e. the baseline, we gain 2.5x. Version v1.5 is out."
    assert [t[s:e] for s, e in sentence_spans(t)] == [
        "Compared with Medusa et al. (2024), i.e. the baseline, we gain 2.5x.",
        "Version v1.5 is out.",
    ]
    assert Sentences("A title. Not split", whole=True).at(10) == "A title. Not split"


def test_definitions_both_ways_and_unusual_capitals():
    defs = abbreviation_definitions(
        "we propose Energy-based Diffusion Language Model (EDLM), and eXtended PINNs (XPINN) "
        "use non-autoregressive (NAR) decoding."
    )
    got = {a: lf for a, lf, _, _ in defs}
    assert got == {
        "EDLM": "Energy-based Diffusion Language Model",
        "XPINN": "eXtended PINNs",
        "NAR": "non-autoregressive",
    }


def test_a_parenthesis_that_is_no_abbreviation_is_ignored():
    assert abbreviation_definitions("as shown before (see below) and (2024)") == []


def test_a_plain_word_is_no_long_form_of_an_acronym_its_inner_letters_spell():
    from graphtool.text import abbreviation_definitions

    got = abbreviation_definitions("we introduce the emotion disentangling encoder (EDE) to")
    assert [(a, lf) for a, lf, _, _ in got] == [("EDE", "emotion disentangling encoder")]
    # a one-word long form whose parts spell it stays one ("electroencephalography (EEG)")
    got = abbreviation_definitions("signals from electroencephalography (EEG) and more")
    assert [(a, lf) for a, lf, _, _ in got] == [("EEG", "electroencephalography")]


def test_spellings_in_other_capitals_are_other_names_only_with_two_capitals_each():
    from graphtool.text import capitals_differ

    assert capitals_differ("TABNet", "TabNet")  # a medical segmentation net, Google's TabNet
    assert capitals_differ("MONet", "MoNet")
    assert not capitals_differ("Deepspeed", "DeepSpeed")  # a common misspelling, one name
    assert not capitals_differ("Flash-Attention", "FlashAttention")
    assert not capitals_differ("TabNet", "TabNet")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Schwartz–Hearst alone takes "policy optimization" for PPO (the p of "optimization")
        ("fine-tune it with the proximal policy optimization (PPO) loss",
         ("PPO", "proximal policy optimization")),
        ("prompting with Tree of Thoughts (ToT) helps", ("ToT", "Tree of Thoughts")),
        # hyphenated words whose parts spell it stay as they are; no word before them is taken
        ("we scale through test-time scaling (TTS) and more", ("TTS", "test-time scaling")),
        ("solved by branch-and-bound (B&B) search", ("B&B", "branch-and-bound")),
        # nor across a sentence's end, nor from a function word
        ("We use proximal. Policy Optimization (PPO) here", ("PPO", "Policy Optimization")),
        ("with augmentative and alternative communication (AAC) aids",
         ("AAC", "alternative communication")),
    ],
)  # fmt: skip
def test_a_long_form_whose_initials_spell_it_beats_the_shorter_run_inner_letters_spell(text, want):
    assert [(a, lf) for a, lf, _, _ in abbreviation_definitions(text)] == [want]


def test_a_count_unit_after_a_digit_is_no_capital_of_the_name():
    from graphtool.text import capitals_differ, case_compatible

    assert case_compatible("GSM8k", ["GSM8K"]) and not capitals_differ("GSM8k", "GSM8K")
    assert case_compatible("Llama-3-8b", ["Llama-3-8B"])
    assert not case_compatible("SPARK", ["Spark"])  # capitals elsewhere still tell names apart


def test_acronyms_of_words_that_share_one_head_noun():
    # llm-systems-2025.jsonl, MegatronApp: the head noun is written once, after the last
    text = (
        "While frameworks such as Megatron-LM successfully integrate tensor (TP), pipeline "
        "(PP), and data (DP) parallelism to enable trillion-parameter training"
    )
    assert [d[:2] for d in abbreviation_definitions(text)] == [
        ("TP", "tensor parallelism"),
        ("PP", "pipeline parallelism"),
        ("DP", "data parallelism"),
    ]
    # not a shared head: a hyphenated word, a function word, a list of two (as often a verb
    # follows them: "partition the model")
    for text in (
        "tensor (TP), pipeline (PP), and data (DP) parallelism-based training",
        "tensor (TP), pipeline (PP), and data (DP) per node",
        "Schemes such as tensor (TP), and pipeline (PP) partition the model",
    ):
        assert not [d for d in abbreviation_definitions(text) if " " in d[1]], text
