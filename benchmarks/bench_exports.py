"""Reading speed of the bibliographic exports (RIS, Web of Science, Scopus CSV).

Writes synthetic exports of N records, each citing 40 references (30 % of them papers
of the same file, the rest outside it), in a temporary folder, and times
``graphtool.read`` on each, references resolved included.

    python benchmarks/bench_exports.py            # 5,000 records a file
    python benchmarks/bench_exports.py --n 1000
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from pathlib import Path

import graphtool as gt

WORDS = (
    "fast scalable efficient parallel decoding inference serving memory attention sparse graph "
    "training distributed model language large systems cache kernel compiler scheduling"
).split()


def _titles(n: int, rng: random.Random) -> list[str]:
    out = []
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 10))]
        out.append(" ".join([words[0].capitalize(), *words[1:]]) + f" {i}")
    return out


def _refs(titles: list[str], rng: random.Random, scopus: bool) -> list[str]:
    refs = []
    for k in range(40):
        if scopus:
            title = rng.choice(titles) if rng.random() < 0.3 else f"Outside paper {rng.random()}"
            refs.append(f"Author{k} A., Other B., {title}, Proc. Conf., 12, pp. 1-10, (2020)")
        elif rng.random() < 0.3:
            i = rng.randrange(len(titles))
            refs.append(f"Author{i} A, 2020, PROC CONF, V{i % 50}, P{i}")
        else:
            refs.append(f"Outside{k} B, 2019, J OTHER, V3, P{rng.randint(1, 10**6)}")
    return refs


def write_files(n: int, folder: Path) -> dict[str, Path]:
    """One export of ``n`` records per format; the same titles in each."""
    rng = random.Random(7)
    titles = _titles(n, rng)
    abstract = "We study {}. It is a system with many parts and measured results."
    scopus = folder / "scopus.csv"
    with open(scopus, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Authors", "Title", "Year", "Source title", "DOI", "Abstract", "References",
                    "EID"])  # fmt: skip
        for i, t in enumerate(titles):
            refs = "; ".join(_refs(titles, rng, scopus=True))
            w.writerow(["A B.", t, 2020, "Conf", "", abstract.format(t.lower()), refs, f"2-s{i}"])
    ris = folder / "scopus.ris"
    with open(ris, "w", encoding="utf-8") as f:
        for t in titles:
            refs = "; ".join(_refs(titles, rng, scopus=True))
            ab = abstract.format(t.lower())
            f.write(f"TY  - JOUR\nAU  - B, A.\nTI  - {t}\nPY  - 2020\nDA  - 2020/05/01/\n"
                    f"AB  - {ab}\nN1  - References: {refs}\nER  - \n\n")  # fmt: skip
    wos = folder / "savedrecs.txt"
    with open(wos, "w", encoding="utf-8") as f:
        f.write("FN Clarivate Analytics Web of Science\nVR 1.0\n")
        for i, t in enumerate(titles):
            cr = "\n   ".join(_refs(titles, rng, scopus=False))
            f.write(f"PT J\nAU Author{i}, A\nTI {t}\nAB {abstract.format(t.lower())}\nCR {cr}\n"
                    f"PY 2020\nPD MAY\nVL {i % 50}\nBP {i}\nUT WOS:{i:015d}\nER\n\n")  # fmt: skip
        f.write("EF\n")
    return {"scopus": scopus, "ris": ris, "wos": wos}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=5000, help="records a file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        files = write_files(args.n, Path(d))
        print(f"{args.n:,} records a file, 40 references each")
        print("| format | MB | read (s) | records/s | cites resolved |")
        print("| --- | --- | --- | --- | --- |")
        for fmt, path in files.items():
            t0 = time.perf_counter()
            papers = gt.read(path)
            dt = time.perf_counter() - t0
            ids = {p.id for p in papers}
            cites = sum(1 for p in papers for r in p.references if r in ids)
            mb = path.stat().st_size / 1e6
            print(f"| {fmt} | {mb:.1f} | {dt:.2f} | {args.n / dt:,.0f} | {cites:,} |")


if __name__ == "__main__":
    main()
