"""Sentence spans and abbreviation definitions."""

from __future__ import annotations

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
