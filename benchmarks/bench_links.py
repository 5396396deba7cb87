"""Links benchmark: are the inferred ``builds_on`` edges true, and are real citations found?

Run:  python benchmarks/bench_links.py            (dev labels; prints every edge judged wrong)
      python benchmarks/bench_links.py --blind    (adds the blind labels: look once, at the end)
      python benchmarks/bench_links.py --list     (also prints every edge with its label)
      python benchmarks/bench_links.py --blind --only arxiv-2026-07-27-29   (one set)

Corpora: data/deepscholar-dev.jsonl (references dropped before linking, kept to compare),
data/llm-systems-2025.jsonl, and the three bundled corpora read as one ("combined": only its
edges between papers of two corpora; its pairs were labelled in the sixth sitting, after the
engineers had read those edges, so its figure is a dev figure), and, with --blind, the fresh
sets of daily arXiv listings (cs.AI / cs.LG), each read with the bundled corpora and the sets
before it, of which only the edges with an end in the set count: "arxiv-ai-2025-11" (1,389
papers of November 2025), "arxiv-ai-2026-03" (1,425 of March 2026), "arxiv-ai-2025-10-2026-03"
and "arxiv-ai-2025-10-11" (1,070 and 945 papers of other October, November and March listings,
in no earlier set; those four scored in the seventh sitting) and "arxiv-ai-2025-10-late" (1,043
of late October 2025), "arxiv-ai-2025-09-10" (968 of 1 September and early October 2025),
"arxiv-ai-2025-06-08" (1,053 of June to August 2025) and "arxiv-ai-2025-06-07" (750 of other
June and July 2025 listings) and "arxiv-2025-06-2026-02" (2,345 of June 2025 listings of all of
cs and of 25 February 2026, from two other copies of the daily listings), all five eighth
sitting, and, ninth sitting, "arxiv-2025-06-13-24" (1,489 of 13 and 24 June 2025),
"arxiv-2025-06-17" (974 of 17 June 2025), "arxiv-2026-06-07" (984 of 10 June and 15 July 2026)
and "arxiv-2026-06-07b" (747 of 24 June and 22 July 2026), whose pools were drawn with the
eighth sitting's code (so they hold every edge of either rules) and each scored once with both,
and, tenth sitting, "arxiv-2026-06-07c" (681 of 17 June, 8 and 21 July 2026), "arxiv-2026-06-07d"
(662 of 18 June, 9 and 14 July 2026, drawn after the sitting's rules were final) and
"deepscholar-test" (data/eval/deepscholar-test.jsonl: the other half of DeepScholar-Bench, read
alone, with its real citations; its nameable citations are in citations-gold.jsonl under its
corpus name), each scored once with the tenth and the ninth sitting's final rules.
Each was scored once, before its pairs were read; rules were then written from it
(data/README.md).
Labels (data/eval/links-gold.jsonl) were made by annotators who never saw
graphtool's rules: for a pool of candidate pairs (A names a string that B may introduce), each
pair is `right` (A names B's artefact), `other_version` (another member or version of its
family) or `wrong`. Pairs are split into a dev and a blind half by citing paper.

Measures, per corpus and set:
* builds_on precision: right / labelled edges (other_version and wrong count against it);
  edges outside the labelled pool are counted as unlabelled and listed;
* precision against real citations (deepscholar: edges from papers that carry references);
* recall of the nameable citations (data/eval/citations-gold.jsonl: real citations whose
  citing abstract names what the cited paper introduces, labelled the same way), and recall
  against all real citations.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import graphtool as gt  # noqa: E402

DATA = ROOT / "data"
TEST = DATA / "eval" / "deepscholar-test.jsonl"
#: The fresh link sets (data/eval/NAME.jsonl), in the order they were drawn and scored.
FRESH = [
    "arxiv-ai-2025-11",
    "arxiv-ai-2026-03",
    "arxiv-ai-2025-10-2026-03",
    "arxiv-ai-2025-10-11",
    "arxiv-ai-2025-10-late",
    "arxiv-ai-2025-09-10",
    "arxiv-ai-2025-06-08",
    "arxiv-ai-2025-06-07",
    "arxiv-2025-06-2026-02",
    "arxiv-2025-06-13-24",
    "arxiv-2025-06-17",
    "arxiv-2026-06-07",
    "arxiv-2026-06-07b",
    "arxiv-2026-06-07c",
    "arxiv-2026-06-07d",
    "arxiv-2026-07-01",
    "arxiv-2026-07-02",
    "arxiv-2026-07-03",
    "arxiv-2026-07-10-17",
    "arxiv-2026-07-23-24",
    "arxiv-2026-07-28",
    "arxiv-2026-07-27-29",
    "arxiv-2026-07-13-20",
]


def _jsonl(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines if x.strip() and not x.startswith("#")]


def edges(path: Path | list[Path]) -> tuple[list[dict], dict[str, set[str]], set[str]]:
    papers = gt.read(path)  # several files: read together, duplicates merged
    refs = {p.id: set(p.references) for p in papers if p.references}
    G = gt.build_graph([replace(p, references=()) for p in papers])
    out = []
    for u, v, k, d in G.edges(keys=True, data=True):
        if k == "builds_on":
            out.append({"a": u[6:], "b": v[6:], **d, "a_title": G.nodes[u]["title"],
                        "b_title": G.nodes[v]["title"],
                        "presented": _presented(G, v, d)})  # fmt: skip
    return sorted(out, key=lambda e: (e["a"], e["b"])), refs, {p.id for p in papers}


def _label(e: dict, gold: dict) -> dict | None:
    rows = gold.get((e["a"], e["b"]))
    if not rows:
        return None
    said = {str(n.get("surface", "")).casefold() for n in e.get("names", [])}
    said |= {e["via"].casefold(), e["surface"].casefold(), e["entity"].casefold()}
    for r in rows:
        if r["name_in_a"].casefold() in said or r["name_in_b"].casefold() in said:
            return r
    return rows[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--blind", action="store_true", help="score the blind half too")
    ap.add_argument("--list", action="store_true", help="print every edge with its label")
    ap.add_argument(
        "--only", help="comma-separated corpus or set names to score (e.g. a new fresh set)"
    )
    args = ap.parse_args()
    gold_rows = _jsonl(DATA / "eval" / "links-gold.jsonl")
    cites = _jsonl(DATA / "eval" / "citations-gold.jsonl")
    sets = ["dev", "blind"] if args.blind else ["dev"]
    bundled = [DATA / "llm-systems-2025.jsonl", DATA / "deepscholar-dev.jsonl",
               DATA / "parallel-papers.txt"]  # fmt: skip
    # (name, what is read, which edges count, the set of an edge no label names)
    corpora = [("deepscholar-dev", DATA / "deepscholar-dev.jsonl", None, None),
               ("llm-systems-2025", DATA / "llm-systems-2025.jsonl", None, None),
               ("combined", bundled, "between", "dev"),
               # the other half of DeepScholar-Bench (tenth sitting), read alone: all blind
               ("deepscholar-test", TEST, None, "blind")]  # fmt: skip
    earlier: list[Path] = []
    for name in FRESH:  # each fresh set read with the sets before it, newest first
        earlier.insert(0, DATA / "eval" / f"{name}.jsonl")
        corpora.append((name, [*earlier, *bundled], "fresh", "blind"))
    table = []
    by_presented: dict[str, Counter] = {
        k: Counter() for k in ("lexicon", "title", "abstract", "again")
    }
    only = set(args.only.split(",")) if args.only else None
    for name, path, which, default in corpora:
        if default == "blind" and not args.blind:
            continue  # all of it blind: read only when asked
        if only is not None and name not in only:
            continue
        es, refs, ids = edges(path)
        if which == "between":
            # the three corpora read as one: only the edges between two of them (those
            # inside one are scored in its own rows); all labelled after they were read
            source = {p.id: str(f) for f in path for p in gt.read(f)}
            es = [e for e in es if source.get(e["a"]) != source.get(e["b"])]
            refs = {}
        elif which == "fresh":
            # papers no rule was written from, read with the bundled corpora: the edges
            # with a fresh end (from or to one of them)
            new = {p.id for p in gt.read(path[0])}
            es = [e for e in es if e["a"] in new or e["b"] in new]
            refs = {}
        gold: dict[tuple[str, str], list[dict]] = {}
        set_of: dict[str, str] = {}
        for r in gold_rows:
            if r["corpus"] == name:
                gold.setdefault((r["a"], r["b"]), []).append(r)
                set_of[r["a"]] = r["set"]
        for s in sets:
            mine = [
                e for e in es if set_of.get(e["a"], default or _set_for(e["a"])) == s
            ]  # the combined corpus was labelled after its edges were read: all dev
            counts: Counter = Counter()
            for e in mine:
                r = _label(e, gold)
                lab = r["label"] if r else "unlabelled"
                counts[lab] += 1
                if which == "fresh":
                    by_presented[e["presented"]][lab] += 1
                family = " (via family)" if e.get("via_family") else ""
                if args.list or lab in ("wrong", "other_version", "unlabelled"):
                    print(f"  [{name}/{s}] {lab:13} {e['via']!r}{family} "
                          f"{e['a_title'][:45]!r} -> {e['b_title'][:45]!r}")  # fmt: skip
            labelled = counts["right"] + counts["other_version"] + counts["wrong"]
            exact = Counter(
                (_label(e, gold) or {"label": "unlabelled"})["label"]
                for e in mine
                if not e.get("via_family")
            )
            n_exact = exact["right"] + exact["other_version"] + exact["wrong"]
            have_pairs = {(e["a"], e["b"]) for e in mine}
            rights = {
                (a, b)
                for (a, b), rows in gold.items()
                if set_of.get(a) == s
                and any(r["label"] == "right" for r in rows)
                and a in ids
                and b in ids  # not two records of one paper, merged
            }
            prec = counts["right"] / labelled if labelled else float("nan")
            row = {"corpus": name, "set": s, "edges": len(mine), **counts,
                   "precision": round(prec, 3),
                   "exact_precision": f"{exact['right']}/{n_exact}"
                   + (f" = {exact['right'] / n_exact:.3f}" if n_exact else ""),
                   "right_found": f"{len(rights & have_pairs)}/{len(rights)}"}  # fmt: skip
            if refs:
                cites_here = [c for c in cites if c.get("corpus", "deepscholar-dev") == name]
                from_citing = [e for e in mine if e["a"] in refs]
                hit = sum(e["b"] in refs[e["a"]] for e in from_citing)
                row["vs_citations"] = f"{hit}/{len(from_citing)}"
                nameable = [c for c in cites_here if c["set"] == s and c["label"] == "yes"]
                have = {(e["a"], e["b"]) for e in es}
                found = [c for c in nameable if (c["citing"], c["cited"]) in have]
                row["nameable_recall"] = f"{len(found)}/{len(nameable)}"
                for c in nameable:
                    if (c["citing"], c["cited"]) not in have:
                        print(f"  [{name}/{s}] missed nameable: {c['name']!r} "
                              f"{c['citing']} -> {c['cited']}")  # fmt: skip
                real = sum(1 for a in refs if _set_for_cite(a, cites_here) == s for _ in refs[a])
                found_all = sum(
                    1 for a in refs if _set_for_cite(a, cites_here) == s
                    for b in refs[a] if (a, b) in have
                )  # fmt: skip
                row["all_citations_recall"] = f"{found_all}/{real}"
            table.append(row)
    print()
    keys = ["corpus", "set", "edges", "right", "other_version", "wrong", "unlabelled",
            "precision", "exact_precision", "right_found", "vs_citations", "nameable_recall",
            "all_citations_recall"]  # fmt: skip
    print(" | ".join(keys))
    for row in table:
        print(" | ".join(str(row.get(k, "")) for k in keys))
    if any(by_presented.values()):
        # the fresh sets' edges together, by how the cited paper presents the name
        print("\nfresh sets, by what backs the edge (basis) | edges | right | precision")
        for k, c in by_presented.items():
            n = c["right"] + c["other_version"] + c["wrong"]
            print(f"{k} | {sum(c.values())} | {c['right']} | "
                  + (f"{c['right'] / n:.3f}" if n else "nan"))  # fmt: skip


def _presented(G, b: str, d: dict) -> str:
    """What backs the edge (its ``basis``): "lexicon" (the lexicon's entity, by its source
    paper or the corpus's history), "title" (the cited paper's title is the name),
    "abstract" (a coined name the lexicon knows, presented in the abstract) or "again"."""
    return d.get("basis", "lexicon")


def _set_for(a: str) -> str:
    import hashlib

    return "blind" if int(hashlib.sha1(a.encode()).hexdigest(), 16) % 2 else "dev"


def _set_for_cite(a: str, cites: list[dict]) -> str:
    return next((c["set"] for c in cites if c["citing"] == a), _set_for(a))


if __name__ == "__main__":
    main()
