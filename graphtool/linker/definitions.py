"""Abbreviation definitions, "Full Name (ABBR)", and the aliases a paper defines.

:func:`_definitions` finds the definitions of a text (see
:func:`graphtool.text.abbreviation_definitions`); :class:`DefinitionFinder` turns the
ones that name a known entity ("speculative decoding (SD)") or a name no lexicon
knows ("eXtended PINNs (XPINN)") into keys that the scan finds in that paper only.
"""

from __future__ import annotations

import re

from ..lexicon import LexEntry
from ..text import abbreviation_definitions
from .patterns import (
    _NAMEY,
    _norm,
)
from .scan import _Finder, _Target


def _definitions(text: str) -> list[tuple[str, str, int, int]]:
    return abbreviation_definitions(text) if "(" in text else []


class DefinitionFinder:
    """The aliases a paper defines, for :class:`~graphtool.linker.Linker`."""

    def _local_aliases(self, defs: list[tuple[str, str, int, int]], own: set[str] | None = None):
        """Abbreviations the text defines for a known entity: "speculative decoding (SD)"."""
        if not defs:
            return None
        keys: dict[str, list[_Target]] = {}
        for abbr, long_form, _, _ in defs:
            if self.lexicon.is_blocked(abbr):
                continue
            entry = None
            for t in self._lookup(long_form):
                entry = t.entry
            how = "lexicon"
            if entry is None:
                # "eXtended PINNs (XPINN)": a defined name that no lexicon knows
                if (own and _norm(abbr) in own) or not _NAMEY.search(long_form):
                    continue
                if len(long_form.split()) < 2 or self.lexicon.is_blocked(long_form):
                    continue
                entry, how = (
                    LexEntry(abbr, _phrase_kind(long_form), abbr, (long_form,)),
                    "discovered",
                )
                keys.setdefault(long_form.lower(), []).append(_Target(long_form, entry, True, how))
            keys.setdefault(abbr.lower(), []).append(_Target(abbr, entry, True, how))
        return _Finder(keys) if keys else None


def _phrase_kind(long_form: str) -> str:
    low = long_form.lower()
    if re.search(r"\b(dataset|benchmark|corpus|suite)\b", low):
        return "dataset"
    if re.search(r"\b(unit|processor|accelerator|chip)\b", low):
        return "hardware"
    return "system"
