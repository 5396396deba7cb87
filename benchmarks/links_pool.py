"""Draw a pool of candidate `builds_on` pairs for annotators, from a fresh set of papers.

Run:  python benchmarks/links_pool.py NEW.jsonl [--with OLD.jsonl ...] -o pool.jsonl

NEW is read with the bundled corpora and every OLD set. The pool is:
* every `builds_on` edge with an end in NEW, with its evidence sentence;
* a string match wider than any rule: A in NEW writes a string that B presents (what the
  linker reads as an introduction, or a title's "Prefix:"), at most 10 pairs a string
  (``--per-name``),
  drawn with a fixed seed.
Each line carries both titles and abstracts, A's sentence and both spellings, for the
annotators' guide (data/eval/GUIDE-edges.md). Only counts are printed, so that the
engineer who draws a blind pool does not read it. The labels go to
data/eval/links-gold.jsonl (see data/README.md), and benchmarks/bench_links.py scores them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ahocorasick  # noqa: E402

import graphtool as gt  # noqa: E402

DATA = ROOT / "data"
BUNDLED = [DATA / "llm-systems-2025.jsonl", DATA / "deepscholar-dev.jsonl",
           DATA / "parallel-papers.txt"]  # fmt: skip
PER_NAME = 10


def _sentence_of(text: str, i: int) -> str:
    s = max(text.rfind(". ", 0, i), text.rfind("? ", 0, i), text.rfind("! ", 0, i))
    e = min([x for x in (text.find(". ", i), text.find("? ", i)) if x >= 0] or [len(text)])
    return text[s + 2 if s >= 0 else 0 : e + 1].strip()


def pool(
    new: Path, others: list[Path], seed: int = 20261127, per_name: int = PER_NAME
) -> list[dict]:
    """The candidate pairs for ``new`` read with the bundled corpora and ``others``."""
    fresh = {p.id for p in gt.read(new)}
    papers = [replace(p, references=()) for p in gt.read([new, *others, *BUNDLED])]
    by_id = {p.id: p for p in papers}
    fresh &= set(by_id)
    cands: dict[tuple[str, str, str], dict] = {}
    G = gt.build_graph(papers)
    for u, v, k, d in G.edges(keys=True, data=True):
        a, b = u[6:], v[6:]
        if k == "builds_on" and (a in fresh or b in fresh):
            cands[(a, b, d["via"].lower())] = {
                "a": a, "b": b, "name_in_b": d["entity"], "as_written_in_a": d["surface"],
                "a_sentence": d.get("sentence") or by_id[a].title,
            }  # fmt: skip
    presented: dict[str, set[str]] = defaultdict(set)
    for m in gt.link(papers):
        if m.relation == "introduces":
            presented[m.paper].update(s for s in (m.entity, m.surface, *m.aliases) if len(s) > 1)
    for p in papers:
        head = re.match(r"^\s*([^:]{2,40}?)\s*:", p.title)
        if head and len(head.group(1).split()) <= 4:
            presented[p.id].add(head.group(1).strip())
    names: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for b, spellings in presented.items():
        for s in spellings:
            names[s.lower()].add((b, s))
    auto = ahocorasick.Automaton()
    for k in names:
        auto.add_word(k, k)
    auto.make_automaton()
    pairs = {(a, b) for a, b, _ in cands}
    extra = []
    for p in sorted(papers, key=lambda p: p.id):
        if p.id not in fresh:
            continue
        for field in ("title", "abstract"):
            text = getattr(p, field)
            low = text.lower()
            for end, k in auto.iter(low):
                start = end - len(k) + 1
                if (start and low[start - 1].isalnum()) or low[end + 1 : end + 2].isalnum():
                    continue
                occ = text[start : end + 1]
                for b, s in sorted(names[k]):
                    if b == p.id or (p.id, b) in pairs or (occ.islower() and not s.islower()):
                        continue
                    sent = _sentence_of(text, start) if field == "abstract" else text
                    row = {"a": p.id, "b": b, "name_in_b": s, "as_written_in_a": occ,
                           "a_sentence": sent}  # fmt: skip
                    extra.append((k, (p.id, b, k), row))
    random.Random(seed).shuffle(extra)
    taken: dict[str, int] = defaultdict(int)
    for k, key, row in extra:
        if key in cands or (key[0], key[1]) in pairs or taken[k] >= per_name:
            continue
        taken[k] += 1
        pairs.add((key[0], key[1]))
        cands[key] = row
    rows = []
    for i, (_, row) in enumerate(sorted(cands.items())):
        a, b = by_id[row["a"]], by_id[row["b"]]
        rows.append({"pair": i, **row, "a_title": a.title, "b_title": b.title,
                     "b_abstract": b.abstract, "a_abstract": a.abstract})  # fmt: skip
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("new", type=Path, help="the fresh set (JSON Lines)")
    ap.add_argument("--with", dest="others", type=Path, nargs="*", default=[],
                    help="earlier sets read with it")  # fmt: skip
    ap.add_argument("-o", "--out", type=Path, required=True, help="the pool (JSON Lines)")
    ap.add_argument("--per-name", type=int, default=PER_NAME,
                    help="string-match pairs a name at most (every edge is always in)")  # fmt: skip
    args = ap.parse_args()
    rows = pool(args.new, args.others, per_name=args.per_name)
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} candidate pairs -> {args.out}")


if __name__ == "__main__":
    main()
