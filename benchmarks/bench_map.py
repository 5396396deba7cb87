"""How fast the map becomes interactive, against pyvis's stock output of the same graph.

    python benchmarks/bench_map.py                 # 500, 2,000 and 5,000 nodes
    python benchmarks/bench_map.py --sizes 5000 --repeat 5 --pyvis-repeat 3

For each size a synthetic corpus graph is built (70 % papers, 30 % entities in
communities, about four edges per node: m ≈ 4n), then written twice:

* ours: ``graphtool.render(G, max_nodes=None)`` (every node drawn; positions
  precomputed, physics off);
* pyvis stock: ``pyvis.network.Network(directed=True, cdn_resources="in_line")``,
  ``from_nx`` of the same nodes and edges (labels, titles, kinds as groups), its own
  template and default options (physics on, stabilisation 1,000 iterations,
  vis's improvedLayout). Stock pyvis pulls Bootstrap from a CDN, which this
  machine cannot reach; those two tags are removed (nothing on the page uses them
  for the network), and vis-network is inlined by pyvis itself, so both pages load
  the same vis-network 9.1.2 from the file, offline.

Both pages are opened from ``file://`` in headless Chromium (Debian's, driven by
Playwright) at 1400×900. *Interactive* means: the network's first ``afterDrawing``
event after it has finished laying out (for a physics page, after vis's
``stabilizationIterationsDone``; ours has nothing to wait for), and then the next
task on the main thread has run, i.e. the page has drawn and can take input. The
time is ``performance.now()`` at that moment, counted from the start of navigation.
Each figure is the median of ``--repeat`` runs (``--pyvis-repeat`` for pyvis's
slow page); a run that takes longer than
``--timeout`` seconds is reported as ``>T``.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import graphtool as gt

KINDS = ("system", "model", "dataset", "hardware", "method")

# Runs before any page script: wraps vis.Network as the page's vis-network script
# defines it, and records when the network is drawn and the main thread is free.
HOOK = """
(() => {
  window.__bench = {};
  let visObj;
  Object.defineProperty(window, "vis", {configurable: true, get() { return visObj; }, set(v) {
    visObj = v;
    let Real;
    Object.defineProperty(v, "Network", {configurable: true, enumerable: true,
      get() { return Real && Wrapped; }, set(x) { Real = x; }});
    function Wrapped(container, data, options) {
      const net = new Real(container, data, options);
      const physics = net.physics.options.enabled && net.physics.options.stabilization.enabled;
      let settled = !physics;
      net.on("stabilizationIterationsDone", () => { settled = true; });
      net.on("afterDrawing", () => {
        if (!settled || window.__bench.drawn) return;
        window.__bench.drawn = performance.now();
        setTimeout(() => { window.__bench.interactive = performance.now(); }, 0);
      });
      return net;
    }
  }});
})();
"""


def synthetic(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A corpus-shaped graph of ``n`` nodes and about ``4 n`` edges."""
    rng = np.random.default_rng(seed)
    n_papers = int(n * 0.7)
    n_ents = n - n_papers
    groups = max(4, int(math.sqrt(n) / 2))
    G = nx.MultiDiGraph()
    ent_group = rng.integers(0, groups, n_ents)
    by_group = [np.flatnonzero(ent_group == g) for g in range(groups)]
    for e in range(n_ents):
        name = f"Entity {e}"
        G.add_node(f"entity:e{e}", kind=KINDS[e % len(KINDS)], label=name, name=name,
                   family=name, aliases=[], surfaces=[])  # fmt: skip
    per_paper = 4 * n / n_papers
    for p in range(n_papers):
        title = f"Paper {p}: a study of things"
        G.add_node(f"paper:p{p}", kind="paper", id=f"p{p}", label=title, title=title,
                   abstract="", year=2015 + p % 10, authors=[], url=None)  # fmt: skip
        g = rng.integers(0, groups)
        k = max(1, rng.poisson(per_paper))
        for _ in range(k):
            pool = by_group[g] if rng.random() < 0.85 and len(by_group[g]) else np.arange(n_ents)
            e = int(rng.choice(pool))
            rel = "mentions" if rng.random() < 0.8 else "uses"
            G.add_edge(f"paper:p{p}", f"entity:e{e}", key=rel, relation=rel,
                       sentence="", surface="", field="abstract")  # fmt: skip
    return G


def ours(G: nx.MultiDiGraph, path: Path) -> float:
    t = time.perf_counter()
    gt.render(G, path, title="ours", max_nodes=None)
    return time.perf_counter() - t


def pyvis_stock(G: nx.MultiDiGraph, path: Path) -> float:
    from pyvis.network import Network

    t = time.perf_counter()
    H = nx.Graph()
    for v, d in G.nodes(data=True):
        H.add_node(v, label=d.get("name") or d.get("title"), title=d.get("title") or d.get("name"),
                   group=d["kind"])  # fmt: skip
    H.add_edges_from((u, v) for u, v, _ in G.edges(keys=True))
    net = Network(directed=True, cdn_resources="in_line", height="860px", width="100%")
    net.from_nx(H)
    html = net.generate_html()
    html = re.sub(r"<link\s+href=\"https://cdn\.jsdelivr\.net[^>]*>", "", html)
    html = re.sub(r"<script\s+src=\"https://cdn\.jsdelivr\.net[^>]*>\s*</script>", "", html)
    assert "https://cdn" not in html, "a CDN reference is left in the pyvis page"
    path.write_text(html, encoding="utf-8")
    return time.perf_counter() - t


def measure(browser, path: Path, timeout: float) -> float | None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.add_init_script(HOOK)
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith("file:") else None)
    try:
        page.goto(path.resolve().as_uri(), wait_until="commit")
        # poll from here: the page's CSP forbids the eval that wait_for_function needs,
        # and the figure is taken inside the page, so polling does not change it
        deadline = time.monotonic() + timeout
        value = None
        while value is None and time.monotonic() < deadline:
            value = page.evaluate("window.__bench && window.__bench.interactive || null")
            if value is None:
                page.wait_for_timeout(50)
        if value is not None:
            value /= 1000
    except Exception as e:  # a crashed page is a result here
        print(f"  {path.name}: {type(e).__name__}: {str(e).splitlines()[0]}", file=sys.stderr)
        value = None
    finally:
        page.close()
    assert not external, f"{path.name} fetched {external[:3]}"
    return value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    ap.add_argument("--repeat", type=int, default=3, help="runs of our page per size")
    ap.add_argument("--pyvis-repeat", type=int, default=1,
                    help="runs of pyvis's (slow) page; 0 skips it")  # fmt: skip
    ap.add_argument("--timeout", type=float, default=180.0)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        sys.exit("needs Debian's chromium on PATH")
    tmp = Path(tempfile.mkdtemp(prefix="bench-map-"))
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=exe,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        for n in args.sizes:
            G = synthetic(n)
            a, b = tmp / f"ours-{n}.html", tmp / f"pyvis-{n}.html"
            build_a = ours(G, a)
            build_b = pyvis_stock(G, b) if args.pyvis_repeat else None
            ta = [measure(browser, a, args.timeout) for _ in range(args.repeat)]
            tb = [measure(browser, b, args.timeout) for _ in range(args.pyvis_repeat)]
            size_b = b.stat().st_size / n if build_b else None
            rows.append((n, G.number_of_edges(), _median(ta), _median(tb), build_a, build_b,
                         a.stat().st_size / n, size_b))  # fmt: skip
            print(f"  measured {n} nodes", file=sys.stderr, flush=True)
        browser.close()
    print(f"\ntime to interactive, headless {_version(exe)}; median of {args.repeat} (ours), "
          f"{args.pyvis_repeat} (pyvis)")  # fmt: skip
    head = ("nodes", "edges", "ours TTI", "pyvis TTI", "ratio", "ours build", "pyvis build",
            "ours B/node", "pyvis B/node")  # fmt: skip
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for n, m, ta, tb, ba, bb, sa, sb in rows:
        ratio = f"{tb / ta:.1f}×" if ta and tb else "-"
        skip = not args.pyvis_repeat
        print(f"{n:,} | {m:,} | {_s(ta, args.timeout)} | {'-' if skip else _s(tb, args.timeout)} | "
              f"{ratio} | {ba:.1f} s | {'-' if skip else f'{bb:.1f} s'} | {sa:,.0f} | "
              f"{'-' if skip else f'{sb:,.0f}'}")  # fmt: skip


def _median(xs):
    done = [x for x in xs if x is not None]
    return statistics.median(done) if xs and len(done) == len(xs) else None


def _s(x, timeout):
    return f"{x:.2f} s" if x is not None else f">{timeout:.0f} s"


def _version(exe: str) -> str:
    import subprocess

    try:
        return subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
