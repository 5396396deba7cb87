"""Write ``data/lexicon/pwc-sources.jsonl``: the introducing paper of names.jsonl's names.

``names.jsonl`` is hand-curated and carries no source papers; ``pwc-names.jsonl`` omits
every name ``names.jsonl`` already holds, so the Papers with Code archive's source paper of
such a name (BERT, DINO, PPO, CLIP, …) was lost. This script takes it back: for each entity
of ``names.jsonl`` whose exact name is a method of the archive with an arXiv id, the
archive's paper becomes the entity's ``introduced_by`` (identity then knows which corpus
paper is its source, and a mention of it links there without asking for context), unless
the two are not one thing:

* the archive spells the name out otherwise than an alias of ours ("SAC" is Soft
  Actor-Critic here, Switchable Atrous Convolution there), or our entity belongs to a
  family the archive's paper never names (mLSTM of xLSTM, not Multiplicative LSTM);
* a homonym read by hand (``HOMONYMS``, with the reason).

    python scripts/pwc_sources.py     # rewrites data/lexicon/pwc-sources.jsonl
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT.parent / "shared" / "lexicon-sources" / "pwc-methods.jsonl"
OUT = ROOT / "data" / "lexicon" / "pwc-sources.jsonl"
#: Same name, another thing: read by hand in the archive and in names.jsonl's section.
HOMONYMS = {
    "DAPO": "ours: the 2025 RL algorithm; the archive's: a dialogue pre-training objective",
    "Hydra": "ours: draft heads for speculative decoding; the archive's: ensemble distillation",
}
HEADER = """\
# graphtool name lexicon, supplement: the paper that introduced each of some names.jsonl
# entities, from the Papers with Code methods archive (mid-2022 export of
# https://paperswithcode.com/methods), © Papers with Code, CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/); adapted (matched by exact name, checked
# against our aliases and families, homonyms removed) and shared under the same licence.
# Written by scripts/pwc_sources.py. Line: {"source_of": NAME, "introduced_by": {...}}
"""


def _fold(s: str) -> str:
    s = "".join(c for c in s.casefold() if c.isalnum())
    return s[:-1] if s.endswith("s") else s


def main() -> None:
    names = {}
    for line in (ROOT / "data" / "lexicon" / "names.jsonl").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            obj = json.loads(line)
            if "name" in obj:
                names[obj["name"]] = obj
    rows = []
    for line in ARCHIVE.read_text().splitlines():
        m = json.loads(line)
        ours = names.get(m["name"])
        if ours is None or not m.get("arxiv_id") or m["name"] in HOMONYMS:
            continue
        longs = [a for a in ours.get("aliases", []) if " " in a]
        full = m.get("full_name") or m["name"]
        if longs and _fold(full) != _fold(m["name"]) and _fold(full) not in map(_fold, longs):
            continue  # spelled out otherwise: another thing
        family = ours.get("family") or ours["name"]
        if (
            family != ours["name"]
            and _fold(family) not in _fold(m.get("paper_title") or "")
            and not m["name"].casefold().startswith(family.casefold())
        ):
            continue  # a member of a family the archive's paper never names
        src = {"title": m["paper_title"], "arxiv": m["arxiv_id"], "year": m["year_from_arxiv_id"]}
        rows.append({"source_of": m["name"], "introduced_by": src})
    rows.sort(key=lambda r: r["source_of"].casefold())
    text = HEADER + "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    OUT.write_text(text, encoding="utf-8")
    print(f"{len(rows)} sources -> {OUT}")


if __name__ == "__main__":
    main()
