"""The same paper seen twice: merge records, then resolve references to corpus papers.

Two records are the same paper when they share an identifying id (a DOI, an
arXiv id without its version, a Semantic Scholar or OpenAlex id), or else when
their normalised titles are nearly the same (:data:`TITLE_THRESHOLD`) and name the
same numbers (so "GPT-3 Technical Report" and "GPT-4 Technical Report" stay two
papers). Records that give the same free-form ``id`` with the same title are one
paper; the same ``id`` with another title is another paper, renamed ``id-2``.

The merged paper keeps the first record's id and title, the longest abstract and
author list, the earliest year, every id of every record and all references.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from .model import Paper
from .readers.ids import paper_keys, ref_keys, typed_keys

#: Lowest :func:`title_similarity` (0–100) at which two titles alone make one paper.
#: Measured on the 1,205 abstracts of llm-systems-2025 (1,104 distinct papers): two
#: distinct papers reach at most 91.2 ("Interactive High-Performance Visualization
#: for Astronomy and Cosmology" vs "In-Situ High Performance …"), while the same title
#: with a typo, a dropped "the"/"of", British spelling, other case, punctuation or
#: LaTeX braces scores 92.3–100 (every one of 1,205 edited titles ≥ 93 except a few
#: dropped stop-words at 92.3–93).
TITLE_THRESHOLD = 93.0

#: Between this and :data:`TITLE_THRESHOLD`, titles merge only when the abstracts
#: agree too (:data:`ABSTRACT_THRESHOLD`): a title reworded between preprint and
#: publication ("Fast" for "Efficient", one word added) keeps its abstract, while the
#: distinct papers with titles this close have abstracts at most 77 alike.
TITLE_WITH_ABSTRACT = 85.0
ABSTRACT_THRESHOLD = 90.0
#: Abstracts shorter than this ("No abstract available.") confirm nothing.
MIN_ABSTRACT = 100

#: Titles shorter than this (normalised) only merge when equal.
MIN_FUZZY_LENGTH = 20


@dataclass(frozen=True)
class Merge:
    """One record folded into another paper, and why.

    Example:
        >>> Merge("1706.03762", "a.bib:3 (entry v)", "b.xml: record 1", "same arXiv id").why
        'same arXiv id'
    """

    paper: str
    kept: str
    merged: str
    why: str


def normalize_title(title: str) -> str:
    """Title folded for comparison: accents, case, LaTeX braces and punctuation dropped.

    Example:
        >>> normalize_title("{BERT}: Pre-training of Deep Bidirectional Transformers!")
        'bert pre training of deep bidirectional transformers'
        >>> normalize_title("Gödel & ZeRO++")
        'godel and zero++'
    """
    t = title
    if not t.isascii():
        t = unicodedata.normalize("NFKD", t)
        t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.casefold()
    t = t.replace("&", " and ")
    t = re.sub(r"[^\w+]+|_", " ", t)
    return " ".join(t.split())


def _numbers(norm: str) -> list[str]:
    return re.findall(r"\d+", norm)


def title_similarity(a: str, b: str) -> float:
    """Similarity (0–100) of two titles as the merge sees them: the normalised
    Indel ratio, or 0 when they name different numbers (GPT-3 vs GPT-4, Llama 2 vs 3).

    Example:
        >>> title_similarity("Attention Is All You Need", "Attention is all you need.")
        100.0
        >>> title_similarity("GPT-3 Technical Report", "GPT-4 Technical Report")
        0.0
    """
    na, nb = normalize_title(a), normalize_title(b)
    if _numbers(na) != _numbers(nb):
        return 0.0
    return float(fuzz.ratio(na, nb))


def merge_papers(
    papers: Iterable[Paper], threshold: float = TITLE_THRESHOLD, known: int = 0
) -> tuple[list[Paper], list[Merge]]:
    """Fold the records of the same paper together, in input order.

    The first ``known`` records are papers merged before (a store's): they are not
    compared with each other again, only the records after them are.

    Ids are looked up first; a title is then compared only with the earlier titles
    of its blocks (:func:`blocking_keys`), so the merge grows with the corpus and
    not with its square, and makes the merges of comparing every pair.

    Example:
        >>> a = Paper("vaswani2017", "Attention Is All You Need", "Short.", year=2017,
        ...           arxiv="1706.03762")
        >>> b = Paper("1706.03762", "Attention is all you need", "A longer abstract.",
        ...           arxiv="1706.03762", extra_ids=("s2:204e",))
        >>> out, merges = merge_papers([a, b])
        >>> [(p.id, p.abstract, p.extra_ids) for p in out]
        [('vaswani2017', 'A longer abstract.', ('1706.03762', 's2:204e'))]
        >>> merges[0].why
        'same arXiv id 1706.03762'
    """
    records = list(papers)
    titles = [normalize_title(p.title) for p in records]
    rarity = _token_counts(titles)
    blocked = [
        blocking_keys(norm, rarity) if len(norm) >= MIN_FUZZY_LENGTH else [] for norm in titles
    ]
    close = _close_pairs(titles, blocked, min(threshold, TITLE_WITH_ABSTRACT), known)
    out: list[Paper] = []
    merges: list[Merge] = []
    by_key: dict[str, int] = {}  # typed key -> index in out
    by_id: dict[str, int] = {}
    norms: list[str] = []
    by_norm: dict[str, list[int]] = {}
    kept: dict[int, int] = {}  # a record that became a paper -> its index in out
    for n, (p, norm) in enumerate(zip(records, titles, strict=True)):
        target, why = None, ""
        for k in typed_keys(p) if n >= known else ():
            if k in by_key:
                target, why = by_key[k], _why(k)
                break
        if target is None and p.id in by_id and n >= known:
            i = by_id[p.id]
            if normalize_title(out[i].title) == norm:
                target, why = i, "same id and title"
        if target is None and n >= known:
            # the earlier records of its blocks that became papers, with their scores
            scored = {kept[i]: score for i, score in close.get(n, {}).items() if i in kept}
            target, why = _title_match(p, norm, out, norms, by_norm.get(norm, []), scored,
                                       threshold)  # fmt: skip
        if target is not None:
            merges.append(Merge(out[target].id, out[target].source, p.source, why))
            out[target] = combine(out[target], p)
            for k in typed_keys(out[target]):
                by_key.setdefault(k, target)
            continue
        if p.id in by_id:
            n = 2
            while f"{p.id}-{n}" in by_id:
                n += 1
            p = replace(p, id=f"{p.id}-{n}")
        i = len(out)
        out.append(p)
        by_id[p.id] = i
        for k in typed_keys(p):
            by_key.setdefault(k, i)
        norms.append(norm)
        by_norm.setdefault(norm, []).append(i)
        kept[n] = i
    return out, merges


#: Blocks of at least this many titles are scored by rapidfuzz's ``cdist`` (in C, on
#: every core), a slice of rows at a time; smaller ones pair by pair.
CDIST_BLOCK = 24
CDIST_ROWS = 256


def _close_pairs(
    titles: list[str], blocked: list[list[tuple[str, ...]]], cutoff: float, known: int = 0
) -> dict[int, dict[int, float]]:
    """For each record ``j`` (from ``known`` on), the earlier records ``i`` that share a
    block with it and whose titles score at least ``cutoff`` (``fuzz.ratio``), with the
    score: ``{j: {i: score}}``. The merge then keeps the ones that became papers, which
    are exactly the titles the blocks held when ``j`` was read. Found block by block,
    all at once, so that the big blocks of a large corpus are scored in C.

    Example:
        >>> t = ["attention is all you need", "attention is all you need!", "other"]
        >>> close = _close_pairs(t, [[("", "w", "need")]] * 2 + [[]], 85.0)
        >>> {j: {i: round(score, 1) for i, score in c.items()} for j, c in close.items()}
        {1: {0: 98.0}}
    """
    import numpy as np

    members: dict[tuple[str, ...], list[int]] = {}
    # only the blocks of the records from ``known`` on are looked at (in the same order)
    wanted = {k for keys in blocked[known:] for k in keys} if known else None
    for i, keys in enumerate(blocked):
        for k in keys:
            if wanted is None or k in wanted:
                members.setdefault(k, []).append(i)
    close: dict[int, dict[int, float]] = {}
    for ids in members.values():
        if len(ids) < 2 or ids[-1] < known:
            continue
        if len(ids) < CDIST_BLOCK:
            for b in range(1, len(ids)):
                j = ids[b]
                if j < known:
                    continue
                for i in ids[:b]:
                    score = fuzz.ratio(titles[j], titles[i], score_cutoff=cutoff)
                    if score:
                        close.setdefault(j, {})[i] = score
            continue
        texts = [titles[i] for i in ids]
        start = next(b for b, j in enumerate(ids) if j >= known)
        for a in range(max(start, 1), len(ids), CDIST_ROWS):
            rows = texts[a : a + CDIST_ROWS]
            m = process.cdist(
                rows,
                texts[: a + len(rows)],
                scorer=fuzz.ratio,
                score_cutoff=cutoff,
                dtype=np.float64,
                workers=-1,
            )
            r, c = np.nonzero(m)
            earlier = c < r + a
            for x, y, score in zip(
                r[earlier].tolist(),
                c[earlier].tolist(),
                m[r[earlier], c[earlier]].tolist(),
                strict=True,
            ):
                close.setdefault(ids[x + a], {})[ids[y]] = score
    return close


#: A title is compared with the titles that share one of its words held by at most
#: this many titles, or one of its :data:`BLOCK_WORDS` rarest words…
BLOCK_RARE = 20
BLOCK_WORDS = 4
#: …or its first or its last this many characters, and name the same numbers.
BLOCK_AFFIX = 12


def _token_counts(norms: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for norm in norms:
        for w in set(norm.split()):
            counts[w] = counts.get(w, 0) + 1
    return counts


def blocking_keys(norm: str, counts: dict[str, int]) -> list[tuple[str, ...]]:
    """The blocks of a normalised title: its words that at most :data:`BLOCK_RARE`
    titles hold (``counts``), at least its :data:`BLOCK_WORDS` rarest, and its first and last
    :data:`BLOCK_AFFIX` characters, each with the numbers it names (titles that
    name other numbers never merge). Titles close enough to merge share a block
    unless an edit changes each of their less common words and both ends: on the
    titles of llm-systems-2025 with one to six random character edits each, 50 of
    3,592 mergeable pairs (1.4%) were missed, and none with typos, case, punctuation,
    a dropped or a reworded word (``tests/test_merge.py``). More words per title
    find more of the heavily edited ones and cost more: 100,000 synthetic titles
    merge in 11 s of CPU with these settings.

    Example:
        >>> counts = {"attention": 3, "is": 900, "all": 500, "you": 400, "need": 2}
        >>> [k[2] for k in blocking_keys("attention is all you need", counts)]
        ['need', 'attention', 'you', 'all', 'attention is', 'all you need']
    """
    nums = " ".join(_numbers(norm))
    words = sorted(set(norm.split()), key=lambda w: (counts.get(w, 0), w))
    words = [w for i, w in enumerate(words) if i < BLOCK_WORDS or counts.get(w, 0) <= BLOCK_RARE]
    return [
        *((nums, "w", w) for w in words),
        (nums, "<", norm[:BLOCK_AFFIX]),
        (nums, ">", norm[-BLOCK_AFFIX:]),
    ]


def _why(key: str) -> str:
    kind, _, value = key.partition(":")
    names = {"doi": "DOI", "arxiv": "arXiv id", "s2": "Semantic Scholar id",
             "openalex": "OpenAlex id"}  # fmt: skip
    return f"same {names.get(kind, kind + ' id')} {value}"


def _title_match(
    p: Paper,
    norm: str,
    out: list[Paper],
    norms: list[str],
    same: list[int],
    scored: dict[int, float],
    threshold: float,
) -> tuple[int | None, str]:
    candidates = list(same)
    if scored:
        found = sorted(scored.items(), key=lambda r: (-r[1], r[0]))
        candidates += [i for i, _ in found if i not in candidates]
    for i in candidates:
        if _numbers(norms[i]) != _numbers(norm) or _conflict(out[i], p):
            continue
        score = fuzz.ratio(norms[i], norm)
        if score == 100:
            return i, "same title"
        if score >= threshold:
            return i, f"similar titles ({score:.1f})"
        agree = abstract_similarity(out[i].abstract, p.abstract)
        if agree >= ABSTRACT_THRESHOLD:
            return i, f"similar titles ({score:.1f}) and abstracts ({agree:.1f})"
    return None, ""


def abstract_similarity(a: str, b: str) -> float:
    """Similarity (0–100) of two abstracts, 0 when either is too short to tell.

    Example:
        >>> abstract_similarity("No abstract available.", "No abstract available.")
        0.0
    """
    if min(len(a), len(b)) < MIN_ABSTRACT:
        return 0.0
    return float(fuzz.ratio(normalize_title(a), normalize_title(b)))


def _conflict(a: Paper, b: Paper) -> bool:
    """Two records that carry different arXiv ids are different papers."""
    return bool(a.arxiv and b.arxiv and a.arxiv != b.arxiv)


def combine(a: Paper, b: Paper) -> Paper:
    """One paper from two records of it: ``a``'s id and title, the richest of the rest.

    Example:
        >>> p = combine(Paper("x", "T", "Short.", year=2024, doi="10.1/a"),
        ...             Paper("y", "T", "Much longer.", year=2023, authors=("A",)))
        >>> p.id, p.abstract, p.year, p.authors, p.extra_ids
        ('x', 'Much longer.', 2023, ('A',), ('y',))
    """
    doi, arxiv = a.doi or b.doi, a.arxiv or b.arxiv
    have = {a.id, f"doi:{doi}", f"arxiv:{arxiv}", *a.extra_ids}
    extra = a.extra_ids + tuple(k for k in paper_keys(b) if k not in have)
    first = min((p for p in (a, b) if p.when), key=lambda p: p.when, default=None)
    return replace(
        a,
        title=a.title or b.title,
        abstract=max((a.abstract, b.abstract), key=len),
        year=first.year if first else None,
        month=first.month if first else None,
        authors=max((a.authors, b.authors), key=len),
        url=a.url or b.url,
        references=tuple(dict.fromkeys(a.references + b.references)),
        doi=doi,
        arxiv=arxiv,
        extra_ids=tuple(dict.fromkeys(extra)),
        external_refs=max(a.external_refs, b.external_refs),
    )


def resolve_references(papers: list[Paper]) -> list[Paper]:
    """Point each reference at the corpus paper it names (by any of its ids), and
    count the references that are not in the corpus in ``external_refs``.

    Resolved references become corpus paper ids (so ``cites`` edges join them);
    the others keep their most specific key.

    Example:
        >>> a = Paper("a", "A", "x", references=("arxiv:1706.03762", "doi:10.9/zz"))
        >>> b = Paper("vaswani2017", "B", "y", arxiv="1706.03762")
        >>> [(p.references, p.external_refs) for p in resolve_references([a, b])]
        [(('vaswani2017', 'doi:10.9/zz'), 1), ((), 0)]
    """
    index: dict[str, str] = {}
    for p in papers:
        for k in paper_keys(p):
            index.setdefault(k, p.id)
    out = []
    for p in papers:
        inside: list[str] = []
        outside: list[str] = []
        for ref in p.references:
            keys = ref_keys(ref)
            hit = next((index[k] for k in keys if k in index), None)
            if hit is not None:
                if hit != p.id and hit not in inside:
                    inside.append(hit)
            elif keys and keys[0] not in outside:
                outside.append(keys[0])
        if not p.references:
            out.append(p)
            continue
        out.append(replace(p, references=tuple(inside + outside), external_refs=len(outside)))
    return out
