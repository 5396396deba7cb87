"""Text utilities shared by the linker: sentence spans and abbreviation definitions."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

# Words after which a full stop does not end a sentence ("e.g.", "et al.", "Fig."),
# and single capitals (initials).
_NO_SPLIT_AFTER = (
    "e.g", "i.e", "vs", "etc", "et al", "cf", "approx", "resp", "Fig", "Figs", "Eq", "Eqs",
    "Sec", "Tab", "No", "Ref", "Refs", "Dr", "Mr", "Ms", "Prof", "St", "Inc", "Ltd", "Corp",
    "v", "ver", "al", "ca", "incl", "w.r.t", "a.k.a", "U.S",
)  # fmt: skip
_KEEP = "".join(rf"(?<!\b{re.escape(w)}[.!?])" for w in _NO_SPLIT_AFTER)
# A boundary: end punctuation (not after one of those words), optional closing
# quote/bracket, whitespace, then something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?]" + _KEEP + r"(?<!\b[A-Z][.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``.

    Does not cut after "e.g.", "i.e.", "vs.", "et al.", single initials, inside
    decimals or version numbers ("3.5", "v1.5").

    Example:
        >>> t = "We beat Medusa, e.g. by 2.5x. It runs on v1.5 vs. v1.4 hardware. Done."
        >>> [t[s:e] for s, e in sentence_spans(t)]
        ['We beat Medusa, e.g. by 2.5x.', 'It runs on v1.5 vs. v1.4 hardware.', 'Done.']
    """
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() + 1
        while end < len(text) and text[end] in "\"')]":
            end += 1
        spans.append((start, end))
        start = m.end()
    rest = text[start:].rstrip()
    if rest:
        spans.append((start, start + len(rest)))
    return spans


class Sentences:
    """Find the sentence around an offset quickly (the spans are computed once).
    ``whole=True`` takes the text as one sentence (a title).

    Example:
        >>> s = Sentences("One. Two here.")
        >>> s.at(6)
        'Two here.'
    """

    def __init__(self, text: str, whole: bool = False) -> None:
        self.text = text
        self.spans = ([] if whole else sentence_spans(text)) or [(0, len(text))]
        self._starts = [s for s, _ in self.spans]

    def span_at(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``offset``.

        Example:
            >>> Sentences("One. Two.").span_at(5)
            (5, 9)
        """
        i = max(0, bisect_right(self._starts, offset) - 1)
        return self.spans[i]

    def covering(self, start: int, end: int) -> str:
        """The sentence holding ``start``, extended to the one holding ``end - 1`` when
        a name spans a false boundary ("Yahoo! Cloud Serving Benchmark").

        Example:
            >>> t = "We use the Yahoo! Cloud Serving Benchmark. It is old."
            >>> Sentences(t).covering(11, 41)
            'We use the Yahoo! Cloud Serving Benchmark.'
        """
        s, e = self.span_at(start)
        if end > e:
            e = self.span_at(end - 1)[1]
        return self.text[s:e]

    def at(self, offset: int) -> str:
        """The sentence holding ``offset``.

        Example:
            >>> Sentences("One. Two.").at(0)
            'One.'
        """
        s, e = self.span_at(offset)
        return self.text[s:e]


_PAREN = re.compile(r"\(([^()]{1,20})\)")
_WORD = re.compile(r"[\w$α-ωΑ-Ω][\w\-$α-ωΑ-Ω'+]*")


def abbreviation_definitions(text: str) -> list[tuple[str, str, int, int]]:
    """``Long Form (ABBR)`` definitions, found with the Schwartz–Hearst algorithm.

    Returns ``(abbr, long_form, long_start, abbr_start)`` tuples; the long form is
    the shortest run of words before the bracket whose letters spell the
    abbreviation in order, the first letter at a word start, or, for acronyms given to
    words that share one head noun written after the last of them, the word and the head
    ("tensor (TP), pipeline (PP), and data (DP) parallelism": "data parallelism", which
    then does not stand in the text from ``long_start`` on).

    Example:
        >>> abbreviation_definitions("we propose Adaptive Projected Guidance (APG), a fix")
        [('APG', 'Adaptive Projected Guidance', 11, 40)]
        >>> abbreviation_definitions("speculative decoding (SD) is fast")[0][:2]
        ('SD', 'speculative decoding')
        >>> abbreviation_definitions('a "Declarative Data Pipeline" (DDP) architecture')[0][:2]
        ('DDP', 'Declarative Data Pipeline')
        >>> abbreviation_definitions("with the proximal policy optimization (PPO) objective")[0][:2]
        ('PPO', 'proximal policy optimization')
    """
    out = []
    for m in _PAREN.finditer(text):
        abbr = m.group(1).strip()
        core = abbr[:-1] if abbr.endswith("s") and abbr[:-1].isupper() else abbr
        if not _looks_like_abbr(abbr):
            continue
        # only the few words before the bracket can be the long form: look at a window
        lo = max(0, m.start() - 300)
        before = text[lo : m.start()].rstrip()
        letters = [c for c in core.lower() if c.isalnum()]
        max_words = min(len(letters) + 5, 2 * len(letters))
        window = _last_words(before, max_words, cut=lo > 0)
        if not window:
            continue
        found = _match_long_form(letters, before, window)
        if found is not None and len(letters) > 1:
            # "emotion disentangling encoder (EDE)": not "encoder", whose inner letters
            # spell it, and "proximal policy optimization (PPO)": not "policy optimization"
            # (the p of "optimization"), but the words whose initials spell it, where they do
            # (a run of words split by hyphens spells "test-time scaling (TTS)": keep it)
            initials = _initials(letters, window)
            parts = [w for w in re.split(r"[\s-]+", before[found:].strip()) if w]
            if (
                initials is not None
                and initials < found
                and len(parts) < len(letters)
                and not re.search(r"[.;:!?]", before[initials:found])  # no sentence's end
                and before[initials:].split(None, 1)[0].casefold() not in _LEAD_WORDS
            ):  # (nor "and alternative communication" for "augmentative and …")
                found = initials
        if found is not None and (found > 0 or lo == 0):
            long_form = before[found:].strip()
            if long_form[-1:] in _CLOSE_QUOTES and long_form[-1:] not in long_form[:-1]:
                long_form = long_form[:-1].rstrip()  # 'a "Declarative Data Pipeline" (DDP)'
            out.append((abbr, long_form, lo + found, m.start(1)))
    shared = _shared_head_definitions(text) if "), " in text else {}
    if shared:  # "tensor (TP), pipeline (PP), and data (DP) parallelism"
        out = [d for d in out if d[3] not in shared] + list(shared.values())
        out.sort(key=lambda d: d[3])
    return out


# "tensor (TP), pipeline (PP), and data (DP) parallelism": words that each take an
# acronym and share the head noun written once after the last of them
# (a word starts only where no letter or hyphen is before it: from every boundary inside
# a long hyphenated run the search would be quadratic)
_RE_SHARED_MEMBER = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z-]*) \(([A-Z]{2,4})\)")
_RE_SHARED_JOIN = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_RE_SHARED_HEAD = re.compile(r" ([a-z]{3,})(?![\w-])")


def _shared_head_definitions(text: str) -> dict[int, tuple[str, str, int, int]]:
    """Definitions of acronyms given to words that share one head noun, written after the
    last of them ("tensor (TP), pipeline (PP), and data (DP) parallelism": DP is "data
    parallelism"), by where each acronym starts. Every acronym must be its word's initial
    then the head's, there must be three members at least (two read as often as a verb
    after them: "tensor (TP) and pipeline (PP) partition the model"), and the head is one
    word of lower-case letters, no function word and not joined by a hyphen ("…
    parallelism-based training").

    Example:
        >>> found = _shared_head_definitions(
        ...     "integrate tensor (TP), pipeline (PP), and data (DP) parallelism to train")
        >>> [d[:2] for d in found.values()]
        [('TP', 'tensor parallelism'), ('PP', 'pipeline parallelism'), ('DP', 'data parallelism')]
        >>> _shared_head_definitions("We use tensor (TP), pipeline (PP) and data (DP) at once.")
        {}
    """
    out: dict[int, tuple[str, str, int, int]] = {}
    members = list(_RE_SHARED_MEMBER.finditer(text))
    i = 0
    while i < len(members):
        run = [members[i]]
        while i + 1 < len(members) and _RE_SHARED_JOIN.fullmatch(
            text, run[-1].end(), members[i + 1].start()
        ):
            i += 1
            run.append(members[i])
        i += 1
        head = _RE_SHARED_HEAD.match(text, run[-1].end())
        if len(run) < 3 or head is None or head.group(1) in _HEAD_NOT:
            continue
        noun = head.group(1)
        if all(m.group(2) == (m.group(1)[0] + noun[0]).upper() for m in run):
            for m in run:
                out[m.start(2)] = (m.group(2), f"{m.group(1)} {noun}", m.start(1), m.start(2))
    return out


#: Words that follow a list of acronyms without being its head ("… and data (DP) for each").
_HEAD_NOT = frozenset(
    "a an and are as at be by can for from has have in into is of on or per that the their "
    "then these this to via was were which while with".split()
)

_CLOSE_QUOTES = "\"”'’"
_LEAD_WORDS = frozenset("a an and as at by for from in into of on or the to via with".split())


def _initials(letters: list[str], window: list[re.Match]) -> int | None:
    """Where the last ``len(letters)`` words start when their initials spell
    ``letters``, or None."""
    words = window[-len(letters) :]
    if len(words) == len(letters) and all(
        w.group(0)[:1].lower() == c for w, c in zip(words, letters, strict=True)
    ):
        return words[0].start()
    return None


def _last_words(before: str, n: int, cut: bool) -> list[re.Match]:
    """The last ``n`` words of ``before``; its first word does not count when
    ``cut`` (the window may have cut it). Reads only the tail it needs."""
    pos = max(0, len(before) - 16 * n)
    while True:
        words = list(_WORD.finditer(before, pos))
        if pos > 0 or cut:
            words = words[1:]  # may be cut
        if len(words) >= n or pos == 0:
            return words[-n:]
        pos = 0  # few long words: read it all


def _looks_like_abbr(s: str) -> bool:
    if not (2 <= len(s) <= 12) or " " in s:
        return False
    if not s[0].isalnum() or sum(map(str.isupper, s)) < 2:
        return False
    return sum(map(str.isalpha, s)) >= 2


def _match_long_form(letters: list[str], before: str, window: list[re.Match]) -> int | None:
    """Schwartz–Hearst: scan right to left, each abbreviation character matching in
    order; the first one must start a word."""
    s_idx = len(letters) - 1
    l_idx = len(before) - 1
    start_limit = window[0].start()
    low = before.lower()
    while s_idx >= 0:
        c = letters[s_idx]
        while l_idx >= start_limit and (
            low[l_idx] != c or (s_idx == 0 and l_idx > 0 and not _word_start(before, l_idx))
        ):
            l_idx -= 1
        if l_idx < start_limit:
            return None
        l_idx -= 1
        s_idx -= 1
    # extend to the start of the word
    l_idx += 1
    while l_idx > 0 and (before[l_idx - 1].isalnum() or before[l_idx - 1] in "-$"):
        l_idx -= 1
    long_form = before[l_idx:]
    n_words = len(long_form.split())
    if n_words > len(letters) + 2 or n_words < 1:
        return None
    if len(long_form.strip()) <= len(letters):
        return None
    return l_idx


def _word_start(text: str, i: int) -> bool:
    """A word starts at ``i`` — or a capital sits second in a word ("eXtended")."""
    if not text[i - 1].isalnum():
        return True
    return text[i].isupper() and text[i - 1].islower() and (i < 2 or not text[i - 2].isalnum())


_SEPARATORS = re.compile(r"[\s\-_]+")


_UNIT = re.compile(r"(?<=\d)[KMB](?![A-Za-z])")


@lru_cache(maxsize=1 << 16)
def _flat(s: str) -> str:
    """``s`` without separators, a size's unit in lower case ("GSM8K" and "GSM8k", "8B"
    and "8b" are one spelling: a count, not a capital)."""
    return _UNIT.sub(lambda m: m.group(0).lower(), _SEPARATORS.sub("", s))


def capitals_differ(surface: str, form: str) -> bool:
    """Are two spellings of one string in other capitals, each with two or more ("TABNet" and
    "TabNet", "MONet" and "MoNet": likely two names; "Deepspeed" and "DeepSpeed" not)?

    Example:
        >>> capitals_differ("TABNet", "TabNet"), capitals_differ("Deepspeed", "DeepSpeed")
        (True, False)
        >>> capitals_differ("GSM8k", "GSM8K")
        False
    """
    a, b = _flat(surface), _flat(form)
    if a == b or a.casefold() != b.casefold():
        return False
    if sum(c.isupper() for c in a) < 2 or sum(c.isupper() for c in b) < 2:
        return False
    return [c.isupper() for c in a] != [c.isupper() for c in b]


def case_compatible(surface: str, forms: Iterable[str]) -> bool:
    """Does ``surface`` spell one of ``forms`` in a compatible case? "Spark" is not
    "SPARK", "PRISM" is not "Prism", but "Flash-Attention" is "FlashAttention".

    Example:
        >>> case_compatible("SPARK", ["Spark"]), case_compatible("Flash-Attention",
        ...                                                      ["FlashAttention"])
        (False, True)
    """
    flat = _flat(surface)
    for f in forms:
        g = _flat(f)
        if flat == g:
            return True
        if flat.casefold() != g.casefold():
            continue
        if flat.isupper() or g.isupper() or flat.islower() or g.islower():
            continue  # all capitals against any other case: another name
        if flat[0] == g[0]:
            return True
    return False
