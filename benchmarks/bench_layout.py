"""Map layout time: by community regions (what the map draws now) against packed
components (the layout before regions), and against laying out every connected
component on its own (before small islands were shared).

    python benchmarks/bench_layout.py                      # data/llm-systems-2025.jsonl
    python benchmarks/bench_layout.py my-papers.jsonl --repeat 5
    python benchmarks/bench_layout.py --synthetic 5000     # bench_map's 5,000-node graph

Prints the node, edge and component counts and the median seconds of each. (The
component layouts give each component the same shape: force_layout is
deterministic.) Communities are computed once, outside the timing, as the map does.
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
    ap.add_argument("--synthetic", type=int, default=0, help="a synthetic graph of N nodes")
    args = ap.parse_args()
    if args.synthetic:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from bench_map import synthetic

        G, name = synthetic(args.synthetic), f"synthetic {args.synthetic:,}"
    else:
        G, name = gt.build_graph(gt.read(args.corpus)), Path(args.corpus).name
    comps = [len(c) for c in nx.connected_components(simple_graph(G))]
    small = sum(1 for n in comps if n <= 8)
    groups = {n: i for i, c in enumerate(gt.communities(G)) for n in c}
    regions, _ = _median_seconds(lambda: layout(G, groups=groups), args.repeat)
    ours, _ = _median_seconds(lambda: layout(G), args.repeat)
    base, _ = _median_seconds(lambda: every_island(G), args.repeat)
    print(f"{name}: {G.number_of_nodes():,} nodes, ", end="")
    print(f"{G.number_of_edges():,} edges, {len(comps)} components ({small} of 8 nodes or fewer)")
    print(f"by community regions (map):  {regions:6.2f} s (median of {args.repeat})")
    print(f"packed components (before):  {ours:6.2f} s")
    print(f"every component on its own:  {base:6.2f} s")
    print(f"regions vs before: {ours / regions:.2f}x")


if __name__ == "__main__":
    main()
