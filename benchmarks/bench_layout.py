"""Map layout time on a real corpus: graphtool's layout against laying out every
connected component on its own (what it did before small islands were shared).

    python benchmarks/bench_layout.py                      # data/llm-systems-2025.jsonl
    python benchmarks/bench_layout.py my-papers.jsonl --repeat 5

Prints the node, edge and component counts, the median seconds of both and their
ratio. (Both give each component the same shape: force_layout is deterministic.)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import graphtool as gt  # noqa: E402
from graphtool.graph import simple_graph  # noqa: E402
from graphtool.htmlmap import components, force_layout, layout  # noqa: E402


def every_island(G: nx.Graph, seed: int = 42) -> list[np.ndarray]:
    """The baseline: force_layout on each component, as layout() prepares them."""
    return [force_layout(len(comp), edges, w, seed=seed) for comp, edges, w in components(G)]


def _median_seconds(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "data" / "llm-systems-2025.jsonl"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    G = gt.build_graph(gt.read(args.corpus))
    comps = [len(c) for c in nx.connected_components(simple_graph(G))]
    small = sum(1 for n in comps if n <= 8)
    ours, _ = _median_seconds(lambda: layout(G), args.repeat)
    base, _ = _median_seconds(lambda: every_island(G), args.repeat)
    print(f"{Path(args.corpus).name}: {G.number_of_nodes():,} nodes, ", end="")
    print(f"{G.number_of_edges():,} edges, {len(comps)} components ({small} of 8 nodes or fewer)")
    print(f"layout():                    {ours:6.2f} s (median of {args.repeat})")
    print(f"every component on its own:  {base:6.2f} s")
    print(f"ratio: {base / ours:.1f}x faster")


if __name__ == "__main__":
    main()
