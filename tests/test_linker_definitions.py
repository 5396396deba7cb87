"""The linker's definitions (graphtool/linker/definitions.py): abbreviations a paper
defines for a known entity or for a name no lexicon knows."""

from __future__ import annotations

import graphtool as gt
from graphtool.model import Paper


def _link_one(title, abstract, **kw):
    return gt.link([Paper("p", title, abstract)], **kw)


def test_defined_abbreviation_of_a_method_links_to_the_method():
    s = (
        "Employing speculative decoding (SD) can further accelerate MoE inference by drafting "
        "multiple tokens per step. SD verifies them in parallel."
    )
    sd = [m for m in _link_one("T", s) if m.entity == "speculative decoding"]
    assert {m.surface for m in sd} == {"speculative decoding", "SD"}
    assert {m.relation for m in sd} == {"uses"}


def test_dataset_years_and_defined_unknown_names():
    s = (
        "We evaluate on IWSLT 2017 De-En and WMT 2014 De-En translation. We describe the "
        "training schemes such as those used in eXtended PINNs (XPINN), and XPINN again."
    )
    got = {(m.surface, m.entity, m.family, m.how) for m in _link_one("T", s)}
    assert ("IWSLT 2017 De-En", "IWSLT-2017 De-En", "IWSLT", "variant") in got or any(
        surface == "IWSLT 2017 De-En" and fam == "IWSLT" for surface, _, fam, _ in got
    )
    assert any(surface == "WMT 2014 De-En" and fam == "WMT" for surface, _, fam, _ in got)
    xpinn = {(surface, how) for surface, ent, _, how in got if ent == "XPINN"}
    assert xpinn == {("eXtended PINNs", "discovered"), ("XPINN", "discovered")}
