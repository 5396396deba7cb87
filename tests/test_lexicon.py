"""The lexicon: loading, spelling variants, case rules, and bad user files."""

from __future__ import annotations

import pytest

import graphtool as gt
from graphtool.lexicon import case_sensitive, spelling_variants


def test_bundled_lexicon_loads_with_families_and_blocks():
    lex = gt.Lexicon.load()
    assert lex["FlashAttention-2"].family == "FlashAttention"
    assert lex["ZeRO-Infinity"].family == "ZeRO"
    assert lex.is_blocked("GPUs") and lex.is_blocked("LLM")
    assert sum(e.kind == "method" for e in lex.entries.values()) >= 40


def test_spelling_variants_and_case_rules():
    assert spelling_variants("Megatron-LM") == ["Megatron-LM", "Megatron LM", "MegatronLM"]
    assert "Flash Attention" in spelling_variants("FlashAttention")
    assert case_sensitive("Medusa", "system") and case_sensitive("OPT", "model")
    assert not case_sensitive("LLaMA", "model") and not case_sensitive("kv cache", "method")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"name": "X", "kind": "gadget"}', "lexicon entry 'X' has kind 'gadget'"),
        ('{"kind": "system"}', "lexicon entry has no name"),
        ('{"name": "X", "kind": "system", "aliases": 5}', '"aliases" must be a list of strings'),
        ('{"name": "X", "kind": "system", "aliases": [5]}', '"aliases" must be a list of strings'),
        ('{"name": "X", "kind": "system", "family": 5}', '"family" must be a string'),
        ('{"block": 5}', '"block" must be a string or a list of strings'),
        ('{"organisations": [1]}', '"organisations" must be a string or a list of strings'),
        ('{"name": "X", "kind": ', "broken JSON in lexicon"),
        ("[1, 2]", "lexicon line is not a JSON object"),
        ('{"source_of": "NoSuchName", "introduced_by": {}}', "which no lexicon entry before it"),
        ('{"source_of": "BERT", "introduced_by": 5}', '"introduced_by" must be an object'),
    ],
)
def test_bad_user_lexicon_lines_name_file_and_line(tmp_path, line, message):
    f = tmp_path / "mine.jsonl"
    f.write_text("# comment\n" + line + "\n")
    with pytest.raises(gt.InputError) as err:
        gt.Lexicon.load(extra=[f])
    assert str(err.value).startswith(f"{f}:2: ")
    assert message in str(err.value)


def test_user_lexicon_nested_a_thousand_deep_is_a_located_error(tmp_path):
    f = tmp_path / "deep.jsonl"
    f.write_text('{"name": "X", "kind": "system", "aliases": ' + "[" * 1000 + "]" * 1000 + "}\n")
    with pytest.raises(gt.InputError) as err:
        gt.Lexicon.load(extra=[f])
    assert str(err.value).startswith(f"{f}:1: JSON in lexicon nested too deeply")


def test_user_lexicon_lone_surrogate_is_replaced(tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text('{"name": "Quokka\\ud800", "kind": "system", "aliases": ["Q\\udfffK"]}\n')
    lex = gt.Lexicon.load(extra=[f], bundled=False)
    (entry,) = lex.entries.values()
    assert (entry.name, entry.aliases) == ("Quokka\ufffd", ("Q\ufffdK",))


def test_known_names_carry_the_paper_that_introduced_them():
    # names.jsonl holds BERT, DINO and PPO by hand; their source papers come from the Papers
    # with Code archive (pwc-sources.jsonl), where the archive means the same thing
    lex = gt.Lexicon.load()
    assert lex["DINO"].introduced_by["arxiv"] == "2104.14294"
    assert lex["PPO"].introduced_by["title"] == "Proximal Policy Optimization Algorithms"
    # a homonym keeps none: our Hydra (draft heads) is not the archive's (distillation),
    # our SAC (Soft Actor-Critic) not its Switchable Atrous Convolution
    assert lex["Hydra"].introduced_by is None and lex["SAC"].introduced_by is None


def test_a_user_lexicon_can_give_a_known_name_its_source(tmp_path):
    f = tmp_path / "mine.jsonl"
    f.write_text(
        '{"name": "Quokka", "kind": "system"}\n'
        '{"source_of": "Quokka", "introduced_by": {"arxiv": "2401.00001", "title": "Quokka"}}\n'
    )
    lex = gt.Lexicon.load(extra=[f], bundled=False)
    assert lex["Quokka"].introduced_by == {"arxiv": "2401.00001", "title": "Quokka"}
