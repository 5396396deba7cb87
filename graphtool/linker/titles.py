"""Names a title introduces: its ``Name:`` prefix and the subject it names.

A title's prefix is a name (Clover, ZeRO-Infinity, T3, Lagrangian PINNs) or rhetoric
and description ("Decoding at the Speed of Thought:", "Optimizing LLM Inference:");
a descriptive prefix still counts when the abstract presents it, and a long form that
the abstract defines counts when it is the title's subject. The title also gives the
kind of what a paper introduces (:func:`_guess_kind`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Lexicon
from .patterns import (
    _MATH,
    _NAMEY,
    _RE_VERSION_WORD,
    _RE_WE_PRESENT,
    _TITLE_STOP,
    _norm,
)


def _title_name(prefix: str, long_of: dict, abbr_of: dict, lexicon: Lexicon) -> bool:
    """Is a title's "Prefix:" a name (Clover, ZeRO-Infinity, T3) or rhetoric and
    description ("LLM & HPC:", "Incentive-Based Federated Learning:")?"""
    p = _MATH.sub(r"\1", prefix).strip()
    words = p.split()
    if not words or len(words) > 4 or any(w.lower() in _TITLE_STOP for w in words):
        return False
    if any(w.isalpha() and w.islower() and w not in _JOINING for w in words[1:]):
        return False  # a sentence: "CPU-Limits kill Performance:" (a verb in lower case)
    if len(words) == 1:
        return p[0].isupper() or bool(_NAMEY.search(p))
    if len(words) == 2 and _RE_VERSION_WORD.match(words[1]) and words[0][0].isupper():
        return True  # a name and its version: "Arctic-Embed 2.0:", "Tacotron 2:"
    if words[0].endswith("ing") and len(words[0]) > 5 and words[0][1:].islower():
        return False  # "Optimizing LLM Inference:", "Challenging GPU Dominance:"
    generic = [lexicon.is_blocked(w) or lexicon.is_blocked(w.rstrip("s")) for w in words]
    if any(_capsy(w) and not g for w, g in zip(words, generic, strict=True)):
        return True
    if generic[-1] and _capsy(words[-1]) and words[-2][0].isupper():
        return True  # a named kind of a generic class: "Lagrangian PINNs", "Speculative MoE"
    return _norm(p) in abbr_of


# Lower-case words a name's words may be joined with ("Ring Attention with Blockwise …").
_JOINING = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or",
                      "the", "to", "via", "with"})  # fmt: skip


def _capsy(word: str) -> bool:
    """Name-shaped, or two capitals in one hyphen-free part (ZeRO, GPT; not
    "Incentive-Based")."""
    return bool(_NAMEY.search(word)) or any(
        sum(map(str.isupper, part)) >= 2 for part in word.split("-")
    )


def _presented_in(prefix: str, abstract: str, trig: dict[str, list[int]]) -> bool:
    """Does the abstract present a title's descriptive "Prefix:" as its own thing
    ("Speculative Actions:" … "we propose speculative actions, a lossless framework")?"""
    words = prefix.split()
    if not 2 <= len(words) <= 4 or not words[0][:1].isupper():
        return False
    # "Imagine yourself: …" / "we introduce Imagine yourself, a …": a name with a word in
    # lower case only where the abstract writes it exactly so
    exact = not all(w[:1].isupper() for w in words)
    key = prefix if exact else prefix.lower()
    for pos in trig.get("we", ()):
        m = _RE_WE_PRESENT.match(abstract, pos)
        seg = abstract[m.end() : m.end() + len(key)] if m else ""
        if m and (seg if exact else seg.lower()) == key:
            after = abstract[m.end() + len(key) : m.end() + len(key) + 1]
            if not after or not after.isalnum():
                return True
    return False


# A title that opens with the paper's own name ("InfiniteHBD: Building …").
_RE_OWN_PREFIX = re.compile(r"\s*[A-Z][\w\-+.]*[A-Z0-9][\w\-+.]*\s*:")


def _in_title_as_name(long_form: str, title: str) -> bool:
    """Is a defined long form the title's subject ("Parallel Vertex Diffusion for …",
    "… with Training-free Speculative Jacobi Decoding")?"""
    key = _norm(long_form)
    if _norm(title).startswith(key):
        # "Reconfigurable Holographic Surfaces and Near Field Communication for …": two
        # technologies the paper studies, not a name it presents
        after = title[len(long_form) :] if title.startswith(long_form) else ""
        rest = re.match(r"\s*(\w+)", after)
        return not (rest and rest.group(1) in ("and", "or", "vs", "versus"))
    if _RE_OWN_PREFIX.match(title):
        return False  # "InfiniteHBD: … with Optical Circuit Switching Transceivers": its means
    for m in re.finditer(r"\b(?:with|via|using|through)\s+", title):
        rest = title[m.end() :]
        skip_one = rest.split(" ", 1)[-1]
        for r in (rest, skip_one):
            if _norm(r).startswith(key):
                # "… with Neural Tangent Kernel-Justified Plasticity": the long form only
                # qualifies the title's subject (a hyphen joins it to the next word)
                return not _hyphen_joined(r, long_form)
    return False


def _hyphen_joined(text: str, long_form: str) -> bool:
    """Does ``text``, which starts with ``long_form``, join it to a next word by a hyphen?"""
    n = len(long_form)
    return text[:n].casefold() == long_form.casefold() and text[n : n + 1] == "-"


@lru_cache(maxsize=4096)
def _guess_kind(title: str, abstract: str = "", name: str = "") -> str:
    """The kind of what a paper introduces: a dataset when its title says so, or when
    its abstract presents ``name`` as one ("we introduce a new dataset, FactKG", "HFTBench,
    a high frequency trading benchmark"); else a system.

    Example:
        >>> _guess_kind("FactKG: Fact Verification via Reasoning on Knowledge Graphs",
        ...             "we introduce a new dataset, FactKG: Fact Verification", "FactKG")
        'dataset'
        >>> _guess_kind("Orca: Progressive Learning", "we evaluate Orca on the BBH dataset",
        ...             "Orca")
        'system'
        >>> _guess_kind("FooNet", "We present FooNet, a model with strong benchmark results.",
        ...             "FooNet")
        'system'
    """
    if _DATASET_TITLE.search(title):
        return "dataset"
    if name and abstract and _DATASET_WORD.search(abstract):
        i = abstract.find(name)
        while i >= 0:
            end = i + len(name)
            if _DATASET_BEFORE.search(abstract, max(0, i - 80), i) or _DATASET_AFTER.match(
                abstract, end, end + 80
            ):
                return "dataset"
            i = abstract.find(name, end)
    return "system"


_DATASET_TITLE = re.compile(r"\b(?:dataset|benchmark|corpus|suite)\b", re.IGNORECASE)
_DATASET_WORD = re.compile(r"\b(?:dataset|benchmark|corpus|suite)s?\b", re.IGNORECASE)
_DATASET_BEFORE = re.compile(
    r"\b(?:introduc|present|propos|contribut|releas|construct|creat|curat|collect|buil)\w*\s+"
    r"(?:a|an|the|our|two|three|four)\s+(?:[\w-]+\s+){0,3}(?:dataset|benchmark|corpus|suite)s?\s*"
    r"(?:,|:|called|named|dubbed|termed)?\s*$",
    re.IGNORECASE,
)
# "HFTBench, a high-frequency trading benchmark": up to three modifiers, none a head noun
# or a preposition ("FooNet, a model with strong benchmark results" is no dataset)
_DATASET_AFTER = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:a|an)\s+"
    r"(?:(?!(?:model|method|system|framework|approach|tool|with|on|for|that|of|in)\b)"
    r"[\w-]+\s+){0,3}?(?:dataset|benchmark|corpus|suite)\b",
    re.IGNORECASE,
)
