"""Measure the title-merge threshold on a JSON Lines corpus (see docs/formats.md).

Prints the most similar pairs of distinct papers (records with different arXiv ids)
and, for edits a second source typically makes to a title, the share of edited titles
that still reach each threshold.

    python scripts/measure_title_threshold.py CORPUS.jsonl
"""

from __future__ import annotations

import json
import random
import re
import sys

import numpy as np
from rapidfuzz import fuzz, process

from graphtool.merge import _numbers, normalize_title


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f if line.strip()]
    titles = [r["title"] for r in recs]
    norms = [normalize_title(t) for t in titles]
    base = [re.sub(r"v\d+$", "", str(r.get("id", i))) for i, r in enumerate(recs)]
    M = process.cdist(norms, norms, scorer=fuzz.ratio, workers=1)
    np.fill_diagonal(M, 0)
    pairs = sorted(
        ((M[i, j], i, j) for i, j in np.argwhere(M >= 80) if i < j and base[i] != base[j]),
        reverse=True,
    )
    print(f"{len(recs)} records; most similar distinct papers (title ratio, numbers equal):")
    for s, i, j in pairs[:5]:
        same_numbers = _numbers(norms[i]) == _numbers(norms[j])
        print(f"  {s:5.1f} {same_numbers!s:5} {titles[i][:60]} || {titles[j][:60]}")
    rng = random.Random(0)
    stop = {"a", "an", "the", "of", "for", "with", "on", "in", "and", "to", "via"}

    def typo(t):
        w = t.split()
        k = [i for i, x in enumerate(w) if len(x) > 4 and x.isalpha()]
        if not k:
            return None
        i = rng.choice(k)
        p = rng.randrange(1, len(w[i]) - 1)
        w[i] = w[i][:p] + w[i][p + 1] + w[i][p] + w[i][p + 2 :]
        return " ".join(w)

    def drop_stopword(t):
        w = t.split()
        k = [i for i, x in enumerate(w) if x.lower() in stop]
        if not k:
            return None
        i = rng.choice(k)
        return " ".join(w[:i] + w[i + 1 :])

    def british(t):
        s = re.sub(r"iz(e|ing|ation)", r"is\1", t)
        return s if s != t else None

    def add_word(t):
        w = t.split()
        w.insert(rng.randrange(len(w)), "Efficient")
        return " ".join(w)

    def change_word(t):
        w = t.split()
        k = [i for i, x in enumerate(w) if len(x) > 3 and x.isalpha()]
        if not k:
            return None
        w[rng.choice(k)] = "Fast"
        return " ".join(w)

    edits = {"typo": typo, "drop stopword": drop_stopword, "british": british,
             "add word": add_word, "change word": change_word}  # fmt: skip
    for name, edit in edits.items():
        scores = np.array([fuzz.ratio(normalize_title(t), normalize_title(e))
                           for t in titles if (e := edit(t))])  # fmt: skip
        share = "  ".join(f">={t}: {np.mean(scores >= t):4.0%}" for t in (85, 90, 92, 93, 95))
        print(f"  {name:14s} min {scores.min():5.1f}  {share}")


if __name__ == "__main__":
    main(sys.argv[1])
