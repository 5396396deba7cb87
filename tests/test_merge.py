"""The same paper from many sources: merged by id, else by a close title; never two papers."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

from graphtool.corpus import read
from graphtool.merge import (
    TITLE_THRESHOLD,
    combine,
    merge_papers,
    normalize_title,
    resolve_references,
    title_similarity,
)
from graphtool.model import Paper

ABSTRACT = (
    "We present a system that serves large language models with paged key-value cache "
    "memory, reaching two to four times the throughput of the previous systems."
)


def test_threshold_separates_small_edits_from_distinct_papers():
    same = [
        ("Attention Is All You Need", "Attention is all you need."),
        ("Efficient Memory Management for Large Language Model Serving with PagedAttention",
         "Efficient Memory Managment for Large Language Model Serving with PagedAttention"),
        ("Optimizing Distributed Training on Frontier for Large Language Models",
         "Optimising Distributed Training on Frontier for Large Language Models"),
        ("Scaling Laws for Neural Language Models", "Scaling Laws for the Neural Language Models"),
        ("{DéjàVu}: {KV}-cache Streaming", "DejaVu: KV-cache streaming"),
    ]  # fmt: skip
    for a, b in same:
        assert title_similarity(a, b) >= TITLE_THRESHOLD, (a, b)
    distinct = [
        ("GPT-3 Technical Report", "GPT-4 Technical Report"),
        ("Llama 2: Open Foundation and Fine-Tuned Chat Models",
         "Llama 3: Open Foundation and Fine-Tuned Chat Models"),
        # the closest two distinct papers of llm-systems-2025 (91.2)
        ("Interactive High-Performance Visualization for Astronomy and Cosmology",
         "In-Situ High Performance Visualization for Astronomy & Cosmology"),
    ]  # fmt: skip
    for a, b in distinct:
        assert title_similarity(a, b) < TITLE_THRESHOLD, (a, b)


def test_gpt3_and_gpt4_reports_do_not_merge():
    a = Paper("a", "GPT-3 Technical Report", ABSTRACT)
    b = Paper("b", "GPT-4 Technical Report", ABSTRACT)
    out, merges = merge_papers([a, b])
    assert [p.id for p in out] == ["a", "b"] and merges == []


def test_merge_by_doi_and_arxiv_versions():
    a = Paper("kwon2023", "Efficient Memory Management", "Short.", doi="10.1145/3600006.3613165")
    b = Paper("x", "Another Title Entirely", "A much longer abstract.", doi="10.1145/3600006.3613165",
              arxiv="2309.06180")  # fmt: skip
    c = Paper("2309.06180v2", "Efficient memory management", "Tiny.", arxiv="2309.06180")
    out, merges = merge_papers([a, b, c])
    assert len(out) == 1
    p = out[0]
    assert p.id == "kwon2023" and p.abstract == "A much longer abstract."
    assert p.arxiv == "2309.06180" and "x" in p.extra_ids and "2309.06180v2" in p.extra_ids
    assert [m.why for m in merges] == ["same DOI 10.1145/3600006.3613165",
                                       "same arXiv id 2309.06180"]  # fmt: skip


def test_reworded_title_merges_only_when_the_abstracts_agree():
    a = Paper("a", "Efficient Serving of Large Language Models with Paged Memory", ABSTRACT)
    b = Paper("b", "Fast Serving of Large Language Models with Paged Memory", ABSTRACT + " ")
    c = Paper("c", "Fast Serving of Large Language Models with Paged Memory",
              "A different abstract about something else entirely, long enough to be compared "
              "with the other one and found to differ.")  # fmt: skip
    sim = title_similarity(a.title, b.title)
    assert 85 <= sim < TITLE_THRESHOLD
    out, merges = merge_papers([a, b])
    assert len(out) == 1 and merges[0].why.startswith("similar titles (")
    assert "and abstracts (100.0)" in merges[0].why
    out, _ = merge_papers([a, c])
    assert len(out) == 2


def test_different_arxiv_ids_never_merge_by_title():
    a = Paper("a", "Scaling Large Language Model Training", ABSTRACT, arxiv="2401.00001")
    b = Paper("b", "Scaling Large Language Model Training", ABSTRACT, arxiv="2402.00002")
    assert len(merge_papers([a, b])[0]) == 2


def test_combine_keeps_richest_fields():
    a = Paper("a", "T", "Short.", year=2024, authors=("X",), url="u1", references=("r1",))
    b = Paper("b", "T", "Longer one.", year=2023, authors=("X", "Y"), references=("r1", "r2"),
              doi="10.1145/1")  # fmt: skip
    p = combine(a, b)
    assert (p.id, p.abstract, p.year, p.authors, p.url, p.references, p.doi) == (
        "a", "Longer one.", 2023, ("X", "Y"), "u1", ("r1", "r2"), "10.1145/1"
    )  # fmt: skip
    assert p.extra_ids == ("b",)


def test_references_resolve_through_any_id():
    a = Paper("a", "A", "x", references=("https://openalex.org/W9", "doi:10.1145/ZZ", "gone"))
    b = Paper("b", "B", "y", extra_ids=("openalex:W9",))
    c = Paper("c", "C", "z", doi="10.1145/zz")
    out = resolve_references([a, b, c])
    assert out[0].references == ("b", "c", "gone") and out[0].external_refs == 1


def test_normalize_title():
    assert normalize_title("Attention Is {All} You Need!") == "attention is all you need"


def test_duplicated_arxiv_records_of_a_crawl_are_merged(tmp_path):
    # as in llm-systems-2025: the same paper once as 2510.27656 and once as
    # 2510.27656v1 with a placeholder abstract
    f = tmp_path / "crawl.jsonl"
    rows = [
        {"id": "2510.27656", "title": "RDMA Point-to-Point Communication for LLM Systems",
         "abstract": ABSTRACT, "url": "http://arxiv.org/abs/2510.27656"},
        {"id": "2510.27656v1", "title": "RDMA Point-to-Point Communication for LLM Systems",
         "abstract": "No abstract available.", "authors": ["Unknown Author"],
         "url": "http://arxiv.org/abs/2510.27656v1"},
    ]  # fmt: skip
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    papers = read(f)
    assert [p.id for p in papers] == ["2510.27656"]
    assert papers[0].abstract == ABSTRACT
    assert papers.merges[0].why == "same arXiv id 2510.27656"


# --- the blocked merge makes the same merges as the all-pairs merge it replaced ---

DATA = Path(__file__).parent.parent / "data"
EXPECTED = Path(__file__).parent / "expected" / "merge.json"


def perturbed_rows(rows: list[dict], seed: int = 11) -> list[dict]:
    """Every third record again with an edited title (typo, dropped word, case,
    punctuation, rewording, two deletions), half of them with another abstract."""
    rng = random.Random(seed)
    out = []
    for i, r in enumerate(rows):
        out.append(r)
        if i % 3:
            continue
        t = r["title"]
        edit = (i // 3) % 6
        if edit == 0 and len(t) > 4:
            k = rng.randrange(1, len(t) - 2)
            t = t[:k] + t[k + 1] + t[k] + t[k + 2 :]
        elif edit == 1:
            words = t.split()
            drop = [
                j for j, w in enumerate(words) if w.lower() in {"the", "of", "for", "a", "with"}
            ]
            t = " ".join(w for j, w in enumerate(words) if j not in drop[:1]) if drop else t.lower()
        elif edit == 2:
            t = t.upper()
        elif edit == 3:
            t = t.replace(":", " -") + "."
        elif edit == 4:
            t = t.replace("Efficient", "Fast", 1) if "Efficient" in t else "Towards " + t
        elif len(t) > 10:
            k = rng.randrange(1, len(t) // 2)
            t = t[:k] + t[k + 1 : -3] + t[-2:]
        other = rows[rng.randrange(len(rows))]["abstract"]
        out.append({"id": f"copy{i}", "title": t, "abstract": r["abstract"] if i % 2 else other})
    return out


def _src(source: str) -> str:
    return source.rpartition("/")[2]  # the file name, not where the checkout lies


def merge_outcome(papers) -> dict:
    ids = [p.id for p in papers]
    return {
        "papers": len(ids),
        "ids_sha256": hashlib.sha256("\n".join(ids).encode()).hexdigest(),
        "merges": [[m.paper, _src(m.kept), _src(m.merged), m.why] for m in papers.merges],
    }


def merge_cases(tmp_path: Path) -> dict:
    rows = [json.loads(line) for line in (DATA / "llm-systems-2025.jsonl").open()]
    edited = tmp_path / "edited.jsonl"
    edited.write_text("".join(json.dumps(r) + "\n" for r in perturbed_rows(rows)))
    fixtures = Path(__file__).parent / "fixtures"
    inputs = {
        "llm-systems-2025": [DATA / "llm-systems-2025.jsonl"],
        "parallel-papers": [DATA / "parallel-papers.txt"],
        "fixtures": sorted(f for f in fixtures.iterdir() if f.is_file()),  # as frozen
        "llm-systems-2025-edited": [edited],
    }
    return {name: merge_outcome(read(paths, skip_bad=True)) for name, paths in inputs.items()}


def test_blocked_merge_makes_the_merges_of_the_all_pairs_merge(tmp_path):
    # EXPECTED was written by the all-pairs merge (every title against every title)
    expected = json.loads(EXPECTED.read_text())
    got = merge_cases(tmp_path)
    for name in expected:
        assert got[name]["merges"] == expected[name]["merges"], name
        assert got[name] == expected[name], name
    assert len(expected["llm-systems-2025-edited"]["merges"]) > 400


def test_a_merge_after_known_records_scores_only_their_blocks_and_the_same_pairs():
    # an add merges its records after a store's papers (``known``): only the blocks that
    # hold a new record are formed and scored; the close pairs of the new records are
    # those of scoring every block, in the same order (one block is big: cdist)
    from graphtool.merge import CDIST_BLOCK, _close_pairs, _token_counts, blocking_keys

    papers = read(Path(__file__).parent.parent / "data" / "llm-systems-2025.jsonl")
    rng = random.Random(5)
    titles = [normalize_title(p.title) for p in papers]
    titles += [t.replace("e", "a", 1) for t in rng.sample(titles, 150)]  # near duplicates
    titles += [
        f"efficient serving of large language models with {a}{b} cache"
        for a in "pqrstuvw" for b in "xyzkj"
    ]  # fmt: skip
    rng.shuffle(titles)
    counts = _token_counts(titles)
    blocked = [blocking_keys(t, counts) if len(t) >= 20 else [] for t in titles]
    every = _close_pairs(titles, blocked, 85.0)
    assert max(len(v) for v in every.values()) >= CDIST_BLOCK // 2
    for known in (1, 600, *sorted(every)[-40::13], len(titles) - 1):  # each with its pairs
        got = _close_pairs(titles, blocked, 85.0, known)
        want = {j: c for j, c in every.items() if j >= known}
        assert [(j, list(c.items())) for j, c in got.items()] == [
            (j, list(c.items())) for j, c in want.items()
        ]
        assert got or known == len(titles) - 1
