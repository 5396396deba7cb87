"""Do two linker processes run at full speed on this machine? The linker's two passes on
one process, then on two at once (each half the papers), beside a control workload (a
pure-Python loop) on one and two processes, in the same run.

Run:  python benchmarks/bench_cores.py                      # 20,000 synthetic papers
      python benchmarks/bench_cores.py --papers 100000 --repeat 3

For each: the wall time, the CPU seconds of the processes, and the CPU seconds the rest
of the machine used meanwhile (other people's work on a shared machine). Two variants of
the linker: ``own`` (each process builds its Linker and its automaton of the corpus's
names, as a Dask worker does) and ``shared`` (built once before the fork, so the two
processes share those pages, as ``--jobs`` does). A speed-up of 2 processes well under 2
with the rest of the machine idle would point at the linker (memory traffic, a shared
cache); the same shortfall in the control loop points at the machine.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_scale import _machine_cpu, synthetic, write_jsonl  # noqa: E402

import graphtool as gt  # noqa: E402
from graphtool.linker import Linker  # noqa: E402
from graphtool.parallel import chunks, two_pass_linker  # noqa: E402

_state: dict = {}  # set before the fork: papers, lexicon, names, the shared Linker


def _loop(a: int, b: int) -> dict:
    c = time.process_time()
    x = 0
    for i in range(_state["loop"] * (b - a) // len(_state["papers"])):
        x = (x * 31 + i) & 0xFFFFF
    return {"loop": time.process_time() - c}


def _own(a: int, b: int) -> dict:
    gc.disable()
    papers, names = _state["papers"][a:b], _state["names"]
    c0 = time.process_time()
    linker = two_pass_linker(_state["lexicon"])
    for p in papers:
        linker.introductions(p, keep=True)
    c1 = time.process_time()
    linker.link_named([], names)  # builds the automaton of the corpus's names
    c2 = time.process_time()
    linker.link_named(papers, names)
    return {"pass 1": c1 - c0, "automaton": c2 - c1, "pass 2": time.process_time() - c2}


def _shared(a: int, b: int) -> dict:
    gc.disable()
    papers, names, linker = _state["papers"][a:b], _state["names"], _state["linker"]
    c0 = time.process_time()
    for p in papers:
        linker.introductions(p, keep=True)
    c1 = time.process_time()
    linker.link_named(papers, names)
    return {"pass 1": c1 - c0, "pass 2": time.process_time() - c1}


def _child(fn, a: int, b: int, out) -> None:
    out.put(fn(a, b))


def run(fn, k: int) -> float:
    ctx = multiprocessing.get_context("fork")
    q = ctx.Queue()
    n = len(_state["papers"])
    procs = [ctx.Process(target=_child, args=(fn, a, b, q)) for a, b in chunks(n, k)]
    t, busy = time.perf_counter(), _machine_cpu()
    for p in procs:
        p.start()
    found = [q.get() for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - t
    per = [sum(r.values()) for r in found]
    others = max(0.0, _machine_cpu() - busy - sum(per))
    phases = "  ".join(f"{key} {sum(r[key] for r in found):.2f}" for key in found[0])
    print(f"  {fn.__name__.strip('_'):<7} {k} process(es): wall {wall:6.2f} s   CPU "
          f"{' + '.join(f'{c:.2f}' for c in per)} s ({phases});"
          f" rest of the machine {others:.1f} s CPU meanwhile", flush=True)  # fmt: skip
    return wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--papers", type=int, default=20000, help="synthetic papers to link")
    ap.add_argument("--repeat", type=int, default=2, help="rounds (1 then 2 processes each)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        papers = gt.read(write_jsonl(Path(d) / "c.jsonl", synthetic(args.papers)))
    lexicon = gt.Lexicon.load()
    finder = Linker(lexicon)  # the names, found by another Linker: the shared one starts cold
    names = finder.corpus_names(finder.introductions(p) for p in papers)
    linker = two_pass_linker(lexicon)
    linker.link_named([], names)
    _state.update(papers=papers, lexicon=lexicon, names=names, linker=linker, loop=50_000_000)
    gc.freeze()
    print(f"{len(papers):,} papers, {len(names):,} names of their own")
    for _ in range(args.repeat):
        for fn in (_loop, _own, _shared):
            one, two = run(fn, 1), run(fn, 2)
            print(f"    speed-up of 2 processes: {one / two:.2f}x", flush=True)


if __name__ == "__main__":
    main()
