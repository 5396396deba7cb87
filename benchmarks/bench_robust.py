"""Robustness benchmark: linking time per character, from 10 KB to 1 MB abstracts,
for real text and for adversarial inputs; and the nested-quantifier check of the
linker's regular expressions.

Run:  python benchmarks/bench_robust.py              (all inputs, 10 KB .. 1 MB)
      python benchmarks/bench_robust.py --max 100000 (quicker)
      python benchmarks/bench_robust.py --redos      (the nested-quantifier check only)

Each input is one paper whose abstract is built to the given size; the time is one
``Linker.link`` call (the lexicon is loaded once, before). Linear time shows as a
flat µs/char row: the last column is the ratio of µs/char at the two largest sizes
(about 1 is linear; quadratic time gives 10). At 10 KB the fixed cost of one call
(the automaton rebuilt with the paper's own names, a few ms) still shows.

Inputs:
  real          the real abstracts of data/llm-systems-2025.jsonl, joined into one
  we-propose    "We propose Foo (" repeated (#7 of issue 13: quadratic before)
  caps-token    one all-capitals token (#6: quadratic before)
  lower-caps    "x" then capitals, one token (#5's shape, made long)
  url-dots      "www." then one "a.a.a…" token (the link finder was quadratic)
  appositions   "We build Xn, a tool. " repeated (intro rules, definitions)
  introduces    "We introduce Abnx, a tool. " repeated (quadratic before)
  definitions   "Alpha Beta Gamma (ABG) " repeated (abbreviation definitions)
  such-as       "such as A1, B2, … and Z9" lists
  hyphen-run    "Medusa (MD), " then one "a-a-a…" run (shared-head definitions: quadratic
                before the thirteenth sitting's review)
And the reproducer of #5 ("We propose x" + "A" * n + "!") at n = 30 and 60.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphtool.linker import Linker  # noqa: E402
from graphtool.model import Paper  # noqa: E402


def _real(n: int) -> str:
    lines = (ROOT / "data" / "llm-systems-2025.jsonl").read_text(encoding="utf-8").splitlines()
    parts = [json.loads(line)["abstract"] for line in lines if line.strip()]
    out, size, i = [], 0, 0
    while size < n:
        a = parts[i % len(parts)]
        out.append(a)
        size += len(a) + 1
        i += 1
    return " ".join(out)[:n]


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _numbered(unit: str, n: int) -> str:
    return "".join(unit.format(i) for i in range(n // (len(unit) - 2) + 1))[:n]


INPUTS = {
    "real": _real,
    "we-propose": lambda n: _repeat("We propose Foo (", n),
    "caps-token": lambda n: "A" * n,
    "lower-caps": lambda n: "We propose x" + "A" * (n - 13) + "!",
    "url-dots": lambda n: "See www." + _repeat("a.", n - 8),
    "appositions": lambda n: _numbered("We build X{}z, a tool. ", n),
    "introduces": lambda n: _numbered("We introduce Ab{}x, a tool. ", n),
    "definitions": lambda n: _repeat("Alpha Beta Gamma (ABG) ", n),
    "such-as": lambda n: _repeat("We compare with baselines such as A1, B2, C3 and Z9. ", n),
    "hyphen-run": lambda n: "We use Medusa (MD), " + _repeat("a-", n - 20),
}

SIZES = (10_000, 100_000, 1_000_000)


def time_link(linker: Linker, abstract: str, title: str = "T") -> float:
    """Seconds for one ``link`` call on one paper (best of 3: the machine is shared)."""
    paper = Paper("x", title, abstract)
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        linker.link([paper])
        best = min(best, time.perf_counter() - t0)
    return best


def scaling(max_size: int) -> None:
    linker = Linker()
    time_link(linker, _real(10_000))  # warm up (first-call set-up is not per character)
    sizes = [s for s in SIZES if s <= max_size]
    head = "".join(f"{s // 1000:>8} KB" for s in sizes)
    print(f"{'input':<13}{head}   (µs/char)  ratio of the last two")
    for name, make in INPUTS.items():
        per_char = []
        for s in sizes:
            text = make(s)
            per_char.append(time_link(linker, text) / len(text) * 1e6)
        cells = "".join(f"{v:>11.3f}" for v in per_char)
        ratio = per_char[-1] / per_char[-2] if len(per_char) > 1 else 1.0
        print(f"{name:<13}{cells}   {ratio:.2f}", flush=True)
    for n in (30, 60):
        text = "We propose x" + "A" * n + "!"
        print(f"#5 reproducer, {n} letters: {time_link(linker, text) * 1e3:.2f} ms")
    title = "Fast with " + "a" * 50_000 + ": a study"
    print(f"title 'with <50k-char token>:': {time_link(linker, 'An abstract.', title):.3f} s")


def redos() -> int:
    """The nested-quantifier check of tests/test_linker_robust.py on every compiled
    pattern of the linker package and text.py; returns the number of patterns it flags.
    (regexploit, the pip-installable ReDoS linter, was tried first: it flagged none of
    the seven patterns that were exponential before issue 13, so it is not used.)"""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_linker_robust import compiled_patterns, nested_quantifiers

    flagged = 0
    checked = 0
    for name, value in sorted(compiled_patterns().items()):
        checked += 1
        if nested_quantifiers(value.pattern, value.flags & ~re.UNICODE):
            flagged += 1
            print(f"  {name}: nested quantifiers over the same characters")
    print(f"nested-quantifier check: {checked} patterns, {flagged} flagged")
    return flagged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max", type=int, default=1_000_000, help="largest abstract (chars)")
    ap.add_argument("--redos", action="store_true", help="only the regex check")
    args = ap.parse_args()
    redos()
    if not args.redos:
        scaling(args.max)


if __name__ == "__main__":
    main()
