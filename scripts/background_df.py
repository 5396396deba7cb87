"""Write the background document frequencies behind identity's similarity.

``graphtool.identity`` compares two papers by a TF-IDF cosine whose IDF comes from a fixed
table (``data/lexicon/idf.json``), not from the corpus at hand, so that the cosine of two
papers depends on those two papers only: a build and an ``add`` then take the same
decisions. This script counts, for every word, the number of distinct abstracts (title and
abstract, as identity reads them) that hold it, over the real abstracts bundled in
``data/``. Words seen in a single abstract are left out: a word not in the table gets the
IDF of a word seen once (the table's largest).

    python scripts/background_df.py            # rewrites data/lexicon/idf.json
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import graphtool as gt  # noqa: E402
from graphtool.identity import _analyzer  # noqa: E402

CORPORA = ("llm-systems-2025.jsonl", "deepscholar-dev.jsonl", "parallel-papers.txt")


def main() -> None:
    """Count the words of the bundled abstracts and write the table.

    Example:
        $ python scripts/background_df.py
        1635 abstracts, 7801 words seen in two or more -> data/lexicon/idf.json
    """
    analyze = _analyzer()
    seen: set[str] = set()
    df: Counter[str] = Counter()
    for name in CORPORA:
        for p in gt.read(ROOT / "data" / name):
            text = f"{p.title}. {p.abstract}"
            if text in seen:
                continue  # the same paper in two corpora counts once
            seen.add(text)
            df.update(set(analyze(text)))
    table = [[w, n] for w, n in sorted(df.items()) if n >= 2]
    out = ROOT / "data" / "lexicon" / "idf.json"
    comment = (
        "Background document frequencies of graphtool.identity's similarity, written by "
        "scripts/background_df.py from the abstracts of "
        + ", ".join(CORPORA)
        + ": documents = abstracts counted; df = [word, abstracts holding it] pairs (words "
        "seen once are left out: they, and words not in the table, get the largest IDF)."
    )
    head = json.dumps({"_comment": comment, "documents": len(seen)}, ensure_ascii=False)
    pairs = ",\n".join(json.dumps(p, ensure_ascii=False) for p in table)
    out.write_text(f'{head[:-1]},\n"df": [\n{pairs}\n]}}\n', encoding="utf-8")
    print(f"{len(seen)} abstracts, {len(table)} words seen in two or more -> {out}")


if __name__ == "__main__":
    main()
