"""Unseen names: name-shaped tokens and capitalised words in a naming context.

CamelCase, internal capitals, letters with digits, ``++``, a word joined to an acronym
(Grendel-GS), standards (FIPS 203, X.509), capitalised words after "compared with",
"such as X, Y and Z", after an organisation ("AWS Lambda") or before a dataset noun
("the Kingsnake dataset"); near spellings of known names resolve to them with
rapidfuzz. :class:`Discoverer` holds the methods of :class:`~graphtool.linker.Linker`
that find and judge them (each token's verdict is cached).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from ..lexicon import LexEntry
from .patterns import (
    _COMMON,
    _GENERIC_HEADS,
    _MAX_TOKEN,
    _NAMEY,
    _NOT_NAME_TOKEN,
    _RE_ACRONYM_NUMBER,
    _RE_CONTEXT_NAME,
    _RE_DATASET_CUE,
    _RE_DEVICE,
    _RE_LIST_NEXT,
    _RE_MODIFIER,
    _RE_MULTIPLIER,
    _RE_NEXT_CAP,
    _RE_POSSESSIVE,
    _RE_PRODUCT,
    _RE_QUANTITY,
    _RE_SIGNAL,
    _RE_STANDARD,
    _RE_WORD_ACRONYM,
    _RE_WORD_CHAIN,
    _STYLIZED,
    _norm,
)
from .scan import _Hit


class Discoverer:
    """Unseen names, for :class:`~graphtool.linker.Linker`."""

    def _discover(
        self, text: str, hits: list[_Hit], context: Iterable[int], title_case: bool = False
    ) -> list[_Hit]:
        """Unseen names: name-shaped tokens anywhere, capitalised words after a
        naming context ("compared with X", "built on top of X", "such as X, Y")."""
        cands: dict[int, tuple[int, str, bool]] = {}
        shapes = self._shapes
        for m in _RE_SIGNAL.finditer(text):
            s, e = m.span()
            while s > 0 and (
                text[s - 1].isalpha() or (text[s - 1] == "-" and text[s - 2 : s - 1].isalnum())
            ):
                s -= 1
            if s > 0 and text[s - 1] in "$\\/_":
                continue
            raw = text[s:e]
            shape = shapes.get(raw, False)
            if shape is False:
                shape = self._name_shape(raw)
                if len(shapes) < 200_000:
                    shapes[raw] = shape
            if shape is not None:
                cands[s + shape[0]] = (s + shape[0] + len(shape[1]), shape[1], True)
            elif text[e : e + 1] in (" ", "/") and text[e + 1 : e + 2] != " ":
                m = _RE_ACRONYM_NUMBER.match(text, s)  # "FIPS 203", "ISO/IEC 27001"
                if m and not self.lexicon.is_blocked(m.group(1)):
                    cands[s] = (m.end(), m.group(), True)
        for pos in context:
            m = _RE_CONTEXT_NAME.match(text, pos)
            if not m:
                continue
            pos = m.start(1)
            cands.setdefault(pos, (m.end(1), m.group(1), False))
            end = m.end(1)
            while True:  # the rest of a list: "such as X, Y and Z"
                nxt = _RE_LIST_NEXT.match(text, end)
                if not nxt:
                    break
                cands.setdefault(nxt.start(1), (nxt.end(1), nxt.group(1), False))
                end = nxt.end(1)
        products: dict[int, str] = {}
        orgs = self.lexicon.organisations if title_case is False else ()
        for h in hits:  # "AWS Lambda", "AMD Kria", "Meta Quest 3": an organisation's product
            if h.entry.name in orgs and text.startswith(" ", h.end):
                m = _RE_PRODUCT.match(text, h.end)
                if m:
                    name = self._product_name(m.group(1))
                    if name:
                        cands.setdefault(m.start(1), (m.start(1) + len(name), name, False))
                        products[m.start(1)] = name
        named_data: set[int] = set()
        if "the " in text and ("dataset" in text or "benchmark" in text or "corpus" in text):
            for m in _RE_DATASET_CUE.finditer(text):  # "on the Kingsnake dataset"
                if m.start() and text[m.start() - 1].isalnum():
                    continue
                for g in (1, 2):
                    if m.group(g):
                        cands.setdefault(m.start(g), (m.end(g), m.group(g), False))
                        named_data.add(m.start(g))
        if not cands:
            return []
        taken = [(h.start, h.end) for h in hits]
        out = []
        for s in sorted(cands):
            e, tok, namey = cands[s]
            if taken and _overlaps(taken, s, e):
                continue
            judged = self._judge(tok, namey)
            if judged is None:
                continue
            tok, namey, entry, how = judged
            e = s + len(tok)
            if not namey and _RE_NEXT_CAP.match(text, e):
                continue  # "such as Grammatical Error Correction": a phrase
            if not namey and _RE_POSSESSIVE.match(text, e):
                continue  # "Marks' technique", "Lovász's lemma": a person's
            if s in named_data and how == "discovered":
                entry = LexEntry(entry.name, "dataset")
            elif s in products and how == "discovered" and _RE_DEVICE.search(tok):
                entry = LexEntry(entry.name, "hardware")
            out.append(_Hit(s, e, tok, entry, how))
        return out

    def _product_name(self, words: str) -> str | None:
        """The product name in the capitalised words after an organisation, without
        generic trailing words ("Core Ultra SoC" -> "Core Ultra"), or None when a
        word is a known name or a generic one ("NVIDIA GPUs", "Google Cloud")."""
        parts = words.split(" ")
        while parts and (self.lexicon.is_blocked(parts[-1]) or parts[-1] in _GENERIC_HEADS):
            parts.pop()
        if not parts or any(self.lexicon.is_blocked(p) or self._lookup(p) for p in parts):
            return None
        if len(parts) == 1 and not parts[0][1:].islower() and _NAMEY.search(parts[0]):
            return None  # name-shaped on its own (WSE2): found as such
        return " ".join(parts)

    def _name_shape(self, raw: str) -> tuple[int, str] | None:
        """A token found by ``_RE_SIGNAL`` as a candidate name: its offset and text
        ("8xH800" is H800 at 2), or None when it is not name-shaped."""
        if len(raw) > _MAX_TOKEN:
            return None  # thousands of letters in one token: no name
        tok = raw.split("--", 1)[0].rstrip(".-_")  # "MegaScope--that", "F1_"
        shift = 0
        mult = _RE_MULTIPLIER.match(tok)
        if mult:  # "8xH800": eight H800s
            shift, tok = mult.end(), tok[mult.end() :]
        if not tok[:1].isalpha():
            return None
        if _NAMEY.search(tok) or _RE_STANDARD.fullmatch(tok):
            return shift, tok
        m = _RE_WORD_ACRONYM.fullmatch(tok)  # "Grendel-GS", not "Multi-GPU"
        if m and not self.lexicon.is_blocked(m.group(1)):
            return shift, tok
        return None

    def _judge(self, tok: str, namey: bool) -> tuple[str, bool, LexEntry, str] | None:
        """Is a candidate token a name, and which? (cached: the answer depends on the
        token alone). Returns the token without a "-based"-like modifier, whether it
        is name-shaped, its entity and how it was found."""
        key = (tok, namey)
        if key in self._judged:
            return self._judged[key]
        found = self._judge_token(tok, namey)
        if len(self._judged) < 200_000:
            self._judged[key] = found
        return found

    def _judge_token(self, tok: str, namey: bool) -> tuple[str, bool, LexEntry, str] | None:
        if len(tok) > _MAX_TOKEN:
            return None  # a token this long is no name (and would be slow to judge)
        trimmed = _RE_MODIFIER.sub("", tok)
        if trimmed != tok:
            tok = trimmed
            namey = bool(_NAMEY.search(tok))
        if (
            len(tok) < 2
            or tok.endswith(".")
            or _STYLIZED.fullmatch(tok)
            or _NOT_NAME_TOKEN.match(tok)
            or self.lexicon.is_blocked(tok)
            or self._generic_compound(tok)
        ):
            return None
        if not namey and (len(tok) < 3 or (tok.isupper() and len(tok) <= 3) or _is_plain_word(tok)):
            return None
        if not namey and tok.count("-") >= 2 and _RE_WORD_CHAIN.fullmatch(tok):
            return None  # "First-Come-First-Served": a phrase
        standard = _RE_STANDARD.fullmatch(tok) or _RE_ACRONYM_NUMBER.fullmatch(tok)
        known = None if standard else self._fuzzy_lookup(tok)  # RTX 6000 is no RTX A6000
        if known is not None:
            return tok, namey, known, "fuzzy"
        return tok, namey, LexEntry(tok, "other" if standard else "system"), "discovered"

    def _generic_compound(self, tok: str) -> bool:
        """SSD-GPU, LLM-system, MoE-LLMs: hyphen-joined generic parts make no name."""
        parts = tok.split("-")
        return len(parts) > 1 and all(
            p.islower() or self.lexicon.is_blocked(p) or _RE_QUANTITY.fullmatch(p) for p in parts
        )

    def _fuzzy_lookup(self, tok: str) -> LexEntry | None:
        key = _norm(tok)
        if key in self._by_norm:
            return self._by_norm[key]
        if len(key) < 7:
            return None
        got = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=92)
        if got is None:
            return None
        cand = got[0]
        if re.sub(r"\D", "", cand) != re.sub(r"\D", "", key) or cand[:3] != key[:3]:
            return None
        return self._by_norm[cand]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` overlap one of ``spans`` (sorted and disjoint)?"""
    i = bisect_left(spans, (end,))  # the spans that start before ``end``: [:i]
    return i > 0 and spans[i - 1][1] > start


def _is_plain_word(tok: str) -> bool:
    return tok in _COMMON or (tok[0].isupper() and tok[1:].islower() and len(tok) < 4)
