"""The lexicon scan: known names, corpus names and naming contexts in one pass.

One Aho–Corasick automaton (pyahocorasick) over the lower-cased text with
punctuation as spaces (:func:`_padded`) finds every lexicon key, every name the
corpus introduces and the naming-context phrases (``CONTEXT_KEYS``); case rules,
word boundaries, version suffixes (GPT-4o, ZeRO-3) and longest-match selection
(:func:`_select`) are then applied to its hits. :class:`Scanner` holds the
methods of :class:`~graphtool.linker.Linker` that build and run the automaton.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from ..lexicon import LexEntry, case_sensitive, is_derived, spelling_variants
from .patterns import (
    _DATASET_SUFFIX,
    _NAMEY,
    _RE_CAMEL_WORDS,
    _SUFFIX,
    _lower,
    _norm,
)


@dataclass(slots=True)
class _Target:
    """What one automaton key can be: an entity with its case rule."""

    surface: str
    entry: LexEntry
    case: bool
    how: str
    long_form: bool = False  # a curated name's long form, found in lower case too


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    surface: str
    entry: LexEntry
    how: str


class Scanner:
    """The lexicon scan of :class:`~graphtool.linker.Linker`: building the automaton
    and finding its keys in a text (``self.lexicon``, ``self._base``, ``self._by_norm``
    are set by ``Linker.__init__``)."""

    def _targets(self, entries: Iterable[LexEntry], how: str) -> dict[str, list[_Target]]:
        keys: dict[str, list[_Target]] = {}
        for entry in entries:
            method = entry.kind == "method"
            seen: set[str] = set()
            for s in (entry.name, *entry.aliases):
                if how == "corpus" and s != entry.name and not _name_like(s):
                    continue  # "Log-based anomaly detection" is no name elsewhere
                for v in spelling_variants(s, method=method):
                    if v in seen or (not method and self.lexicon.is_blocked(v)):
                        continue
                    seen.add(v)
                    t = _Target(v, entry, case_sensitive(v, entry.kind), how)
                    t.long_form = _is_long_form(v, entry, how)
                    keys.setdefault(v.lower(), []).append(t)
                    if not method and (
                        v[-1].isupper()
                        or v[-1].isdigit()
                        or (entry.kind == "hardware" and v[-1].islower() and v[-1] != "s")
                    ):
                        plural = v + "s"  # H100s, ConvLSTMs, Jetsons
                        keys.setdefault(plural.lower(), []).append(
                            _Target(plural, entry, t.case, how)
                        )
        return keys

    @staticmethod
    def _automaton(
        keys: dict[str, list[_Target]], context: bool = False
    ) -> ahocorasick.Automaton | None:
        """One automaton over padded keys; ``context=True`` adds the naming-context
        phrases ("compared with", "such as"), so the scan reports where they are."""
        if not keys and not context:
            return None
        merged: dict[str, list[_Target]] = {}
        for k, targets in keys.items():  # "megatron-lm" and "megatron lm" share a key
            merged.setdefault(_pad(k), []).extend(targets)
        a = ahocorasick.Automaton()
        for k, targets in merged.items():
            # exact spellings first, so "Megatron-LM" is found as written
            a.add_word(k, (len(k), targets, False))
        if context:
            for k in CONTEXT_KEYS:
                a.add_word(k, (len(k), merged.get(k, []), True))
        a.make_automaton()
        return a

    def _lookup(self, surface: str) -> list[_Target]:
        if self._base is None:
            return []
        hit = self._base.get(_pad(surface.lower()), None)
        return hit[1] if hit else []

    def _scan(self, text: str, padded: str, auto, context: list[int] | None = None) -> list[_Hit]:
        """Lexicon hits in ``text``: one Aho–Corasick pass over ``padded`` (the
        lower-cased text with punctuation turned into spaces, see :func:`_padded`),
        so keys (padded with spaces) match whole words only; case, boundary and
        suffix rules are then checked on the text. Where naming-context phrases
        start is appended to ``context``."""
        if auto is None or not text:
            return []
        hits = []
        n = len(text)
        for end_idx, (length, targets, ctx) in auto.iter(padded):
            start = end_idx - length + 1
            if ctx:
                if context is not None:
                    context.append(start)
                if not targets:
                    continue
            end = end_idx - 1
            if start and not _left_ok(text, start):
                continue
            span = text[start:end]
            exact = [t for t in targets if t.surface == span]
            cands = exact or [
                t
                for t in targets
                if not t.case and (_namey_case(span) or _joined_case(span, t.surface))
            ]
            spelled = False
            if not cands:  # "direct preference optimization": DPO spelled out
                cands = [t for t in targets if _spelled_out(t, span)]
                if cands and not _spelled_here(text, end, cands[0].entry.name):
                    continue
                spelled = True
            for t in cands:
                entry, how = t.entry, t.how
                if spelled:
                    how = "spelled"
                elif how == "lexicon" and entry.kind == "method":
                    how = "method"
                elif how == "lexicon" and not exact:
                    how = "lexicon-case"
                e2 = end
                m = _DATASET_SUFFIX.match(text, end) if entry.kind == "dataset" else None
                if m:  # "WMT 2014 De-En"
                    entry, how, e2 = self._variant(entry, text[end : m.end()]), "variant", m.end()
                elif entry.kind != "method" and end < n and _may_suffix(text, end):
                    m = _SUFFIX.match(text, end)
                    if m and m.end() > end:
                        entry, how = self._variant(entry, text[end : m.end()]), "variant"
                        e2 = m.end()
                if not _right_ok(text, e2):
                    continue
                hits.append(_Hit(start, e2, text[start:e2], entry, how))
                break
        return hits

    def _variant(self, entry: LexEntry, suffix: str) -> LexEntry:
        if suffix in ("-series", "-family"):
            return entry
        name = entry.name + ("-" + suffix.lstrip(" -") if suffix[0] in " -" else suffix)
        known = self._by_norm.get(_norm(name))
        if known is not None:
            return known
        return LexEntry(name, entry.kind, entry.family)


#: Naming-context phrases, as padded automaton keys: the scan that finds the names
#: also reports where these are, and ``_RE_CONTEXT_NAME`` checks each one.
CONTEXT_KEYS = (
    " compare", " than ", " outperform", " over ", " against ", " built on ",
    " built upon ", " based on ", " such as ", " e g ", " including ", " like ",
    " extend", " integrate", " on top of ", " versus ", " vs ",
)  # fmt: skip


# A link: "http://…", "www.…", or a run of non-spaces holding ".com" (…) from its first
# word character on (group 1). The second form is tried only where a run starts, so
# the search is linear in the text (searched from every word start, it was quadratic).
_RE_URL = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)[^\w\s]*(\w\S*\.(?:com|org|io|net|html)\S*)")


def _outside_urls(text: str, hits: list) -> list:
    """Drop hits inside URLs: a name that occurs only in a link is not a mention."""
    spans = [m.span(1) if m.group(1) else m.span() for m in _RE_URL.finditer(text)]
    if not spans:
        return hits
    starts = [a for a, _ in spans]  # sorted and disjoint: one bisect per hit
    out = []
    for h in hits:
        i = bisect_right(starts, h.start) - 1
        if i < 0 or h.start >= spans[i][1]:
            out.append(h)
    return out


# Punctuation becomes a space for the scan (same length, so offsets hold); "+" stays
# (C++, ZeRO++), and so do letters and digits of every script.
class _SpaceTable(dict):
    """``str.translate`` table: every character that is not a letter, a digit or "+"
    becomes a space; filled in as characters are met, so all of Unicode is covered."""

    def __missing__(self, code: int) -> int | str:
        value = code if chr(code).isalnum() or code == 43 else " "
        self[code] = value
        return value


_SPACES = _SpaceTable()


def _pad(key: str) -> str:
    """An automaton key: lower case, punctuation as spaces, a space on each side."""
    return " " + key.lower().translate(_SPACES) + " "


_ASCII_SPACES = bytes(
    (ord(chr(c).lower()) if chr(c).isalnum() or c == 43 else 32) for c in range(128)
) + bytes(128)


def _padded(text: str) -> str:
    """The text the automaton scans: like :func:`_pad`, keeping every offset."""
    if text.isascii():  # most abstracts: a byte table is faster
        return " " + text.encode("ascii").translate(_ASCII_SPACES).decode("ascii") + " "
    return " " + _lower(text).translate(_SPACES) + " "


class _Finder:
    """The few keys a paper defines for itself ("speculative decoding (SD)"), found
    with ``str.find``: same interface as the automaton, no automaton to build."""

    __slots__ = ("keys",)

    def __init__(self, keys: dict[str, list[_Target]]) -> None:
        merged: dict[str, list[_Target]] = {}
        for k, targets in keys.items():
            merged.setdefault(_pad(k), []).extend(targets)
        self.keys = merged

    def iter(self, padded: str):
        found = []
        for k, targets in self.keys.items():
            n = len(k)
            i = padded.find(k)
            while i >= 0:
                found.append((i + n - 1, -n, (n, targets, False)))
                i = padded.find(k, i + 1)
        found.sort(key=lambda f: f[:2])
        return [(end, value) for end, _, value in found]


def _spelled_out(t: _Target, span: str) -> bool:
    """Is ``span``, in lower case, the long form ``t`` spelled out (see :func:`_is_long_form`)?"""
    return t.long_form and span.islower()


def _is_long_form(surface: str, entry: LexEntry, how: str) -> bool:
    """A curated name's long form of three words or more, which written in lower case is
    the name spelled out ("direct preference optimization" for DPO, "low-rank adaptation"
    for LoRA), not words. Only an alias that is a long form (not the name's own
    spellings: "needle in a haystack", "distributed data parallel" stay words), of a name
    a person curated (the long forms derived from Papers with Code are often plain
    descriptions: "contextual word vectors"); two words ("vision transformer") stay words.
    Worked out once per automaton key, when the automaton is built."""
    if how != "lexicon" or entry.kind == "method" or surface.islower():
        return False
    key = _norm(surface)
    return (
        len(_RE_WORDS.findall(surface)) >= 3
        and key != _norm(entry.name)
        and any(_norm(a) == key for a in entry.aliases)
        and not is_derived(entry)
    )


_RE_WORDS = re.compile(r"[^\W_]+")
# What follows a spelled-out name: "(RA-DPO)", an abbreviation, or "models" (a class,
# or "modeling" with it)
_RE_AFTER_SPELLED = re.compile(
    r"\s*(?:\(\s*((?=[^()\s]*[A-Z])[^()\s]{1,20})\s*\)|(model(?:s|ing|ling)?)\b)"
)


def _spelled_here(text: str, end: int, name: str) -> bool:
    """Does a lower-case long form ending at ``text[end]`` name the artefact itself? Not
    when an abbreviation other than the name follows ("retrieval-augmented direct
    preference optimization (RA-DPO)": a fragment of the paper's own variant's long
    form) or "model(s)" ("structured state space models": the class, not S4); a year or a
    lower-case aside in parentheses is neither.

    Example:
        >>> t = "we use direct preference optimization (RA-DPO) and direct preference"
        >>> _spelled_here(t, 38, "DPO"), _spelled_here(t + " optimization (2023)", 113, "DPO")
        (False, True)
    """
    m = _RE_AFTER_SPELLED.match(text, end)
    if m is None:
        return True
    if m.group(2):
        return False
    return _norm(m.group(1).rstrip("s")) == _norm(name) or _norm(m.group(1)) == _norm(name)


def _heads(title: str, phrase: str) -> bool:
    """Does ``title`` present ``phrase`` (any case, hyphens or spaces between its words): open
    with it, or write it with capitals ("Token-level Proximal Policy Optimization for …": its
    own variant's name)? A title that writes it in lower case only uses it ("Aligning small
    models with direct preference optimization").

    Example:
        >>> _heads("Blockwise Parallel Decoding for Deep Models", "blockwise parallel decoding")
        True
        >>> _heads("Token-level Proximal Policy Optimization", "proximal policy optimization")
        True
        >>> _heads("Aligning models with direct preference optimization", "direct preference")
        False
    """
    words = _RE_WORDS.findall(phrase.lower())
    if not title or not words:
        return False
    pattern = r"(?<![^\W_])" + r"[\s-]+".join(map(re.escape, words)) + r"(?![^\W_])"
    for m in re.finditer(pattern, title, re.IGNORECASE):
        if not title[: m.start()].strip(" \t\"'([") or not m.group(0).islower():
            return True
    return False


def _namey_case(s: str) -> bool:
    """A case variant of a mixed-case name counts only when it still looks like a
    name (LLAMA, Flash-Attention-2), not like a word ("zero" is not ZeRO)."""
    return any(map(str.isupper, s[1:])) or any(map(str.isdigit, s))


def _joined_case(span: str, surface: str) -> bool:
    """A long compound name written as one capitalised word ("Huggingface" for
    HuggingFace, "Deepspeed"): still a name, unlike a short one ("Zero")."""
    return (
        len(span) >= 8
        and span[0].isupper()
        and span[1:].islower()
        and span.isalpha()
        and _RE_CAMEL_WORDS.fullmatch(surface) is not None
    )


def _may_suffix(text: str, end: int) -> bool:
    """Can a version suffix (see ``_SUFFIX``) start at ``end``? A cheap first check."""
    c = text[end]
    if c == " ":
        return text[end + 1 : end + 2].isdigit()
    return c in "+-v" or c.isdigit()


def _left_ok(text: str, start: int) -> bool:
    if start == 0:
        return True
    prev = text[start - 1]
    if prev.isalnum() or prev in "_$":
        return False
    return not (prev in "-." and start >= 2 and text[start - 2].isalnum())


def _right_ok(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    nxt = text[end]
    if nxt.isalnum() or nxt in "_+$":
        return False
    if nxt in "-." and end + 1 < len(text):
        after = text[end + 1]
        if nxt == "." and after.isalnum():
            return False
        if nxt == "-" and after.isupper() and _RE_TITLE_MODIFIER.match(text, end + 1):
            return True  # "Mojo: MLIR-Based …", "MCP-Enabled Agents": a title-case modifier
        if nxt == "-" and (after.isupper() or after.isdigit() or after in "$\\"):
            return False  # a longer name: ZeRO-Infinity, PanGu-$α$
    return True


# The adjective a title-case compound makes of a name ("MLIR-Based", "GPT-Guided"): the name
# ends before the hyphen, as it does before "-based" in running text.
_RE_TITLE_MODIFIER = re.compile(
    r"(?:Based|Driven|Guided|Powered|Enhanced|Assisted|Augmented|Aware|Inspired|Style"
    r"|Like|Centric|Free|Native|Specific|Oriented|Agnostic|Generated|Empowered|Enabled"
    r"|Tuned|Backed|Accelerated|Integrated|Mediated|Supervised|Only|Compatible|Initialized"
    r"|Optimized|Trained|Distilled|Informed)"
    r"(?![\w-])"
)


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Longest first, then leftmost; no two selected hits overlap."""
    if len(hits) < 2:
        return hits
    hits.sort(key=_start)
    prev_end = -1
    for h in hits:
        if h.start < prev_end:
            break
        prev_end = h.end
    else:
        return hits  # the common case: nothing overlaps
    chosen: list[_Hit] = []
    # the characters the chosen hits cover: one look-up per hit, not one per chosen hit
    taken = bytearray(max(h.end for h in hits) + 1)
    for h in sorted(hits, key=_longest_first):
        if taken.find(1, h.start, h.end) < 0:
            chosen.append(h)
            taken[h.start : h.end] = b"\x01" * (h.end - h.start)
    chosen.sort(key=_start)
    return chosen


def _start(h: _Hit) -> int:
    return h.start


def _longest_first(h: _Hit) -> tuple[int, int]:
    return h.start - h.end, h.start


def _name_like(s: str) -> bool:
    """A string that reads as a name: name-shaped, or most words capitalised."""
    words = s.split()
    if _NAMEY.search(s) or len(words) == 1:
        return True
    return sum(w[0].isupper() for w in words[1:]) * 2 >= len(words) - 1
