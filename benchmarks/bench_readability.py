"""Can a researcher read the map? Measured in headless Chromium at the view it opens with.

    python benchmarks/bench_readability.py                 # bundled corpus + llm-systems-2025
    python benchmarks/bench_readability.py my.jsonl --repeat 3 --shots docs/

For each corpus the default map (``graphtool map``: full view, default
``--max-nodes``) is written and opened from ``file://`` at 1600×1000 in Debian's
Chromium (driven by Playwright). Through the page's ``window.graphtoolMap`` hook it
prints:

* labels: the node labels drawn at the opening view (community labels counted
  apart);
* overlap: the share of drawn labels (node and community) whose box meets another;
* coherence: for each drawn node inside the canvas, the share of its 10 nearest
  drawn neighbours in screen space that are in its own community, averaged
  (chance is about 0.05);
* TTI: time to interactive, as ``bench_map.py`` measures it (the network's first
  ``afterDrawing`` after layout, then the next main-thread task), median of
  ``--repeat``;
* CPU: process CPU seconds to write the full map and the papers view (median of
  ``--repeat``), and their ratio.

``--shots DIR`` also saves a screenshot of each opening view (``DIR/map-<name>.png``).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_map import HOOK  # noqa: E402

import graphtool as gt  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
VIEWPORT = {"width": 1600, "height": 1000}


def overlap_share(boxes: list[dict]) -> float:
    """The share of boxes that meet at least one other box (touching edges do not count)."""
    hit = set()
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            if (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
                    and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]):  # fmt: skip
                hit.update((i, j))
    return len(hit) / len(boxes) if boxes else 0.0


def coherence(positions: dict, rect: dict, k: int = 10) -> float:
    """Mean share of each on-screen node's k nearest on-screen nodes in its community."""
    rows = [
        (p["x"], p["y"], p["community"])
        for p in positions.values()
        if rect["x"] <= p["x"] <= rect["x"] + rect["width"]
        and rect["y"] <= p["y"] <= rect["y"] + rect["height"]
    ]
    if len(rows) <= k:
        return float("nan")
    xy = np.array([r[:2] for r in rows], dtype=float)
    comm = np.array([r[2] for r in rows])
    _, idx = cKDTree(xy).query(xy, k=k + 1)
    return float((comm[idx[:, 1:]] == comm[:, None]).mean())


def open_map(browser, path: Path, timeout: float = 120.0):
    page = browser.new_page(viewport=VIEWPORT)
    page.add_init_script(HOOK)
    page.goto(path.resolve().as_uri(), wait_until="commit")
    deadline = time.monotonic() + timeout
    tti = None
    while tti is None and time.monotonic() < deadline:
        tti = page.evaluate("window.__bench && window.__bench.interactive || null")
        if tti is None:
            page.wait_for_timeout(50)
    return page, (tti / 1000 if tti is not None else None)


def cpu(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times)


def measure(browser, name: str, G, tmp: Path, repeat: int, shots: Path | None) -> dict:
    full, papers = tmp / f"{name}.html", tmp / f"{name}-papers.html"
    cpu_full = cpu(lambda: gt.render(G, full, title=f"graphtool map: {name}"), repeat)
    cpu_papers = cpu(lambda: gt.render(G, papers, view="papers"), repeat)
    ttis = []
    for k in range(repeat):
        page, tti = open_map(browser, full)
        ttis.append(tti)
        if k == 0:
            page.wait_for_selector("body[data-drawn='1']")
            if not page.evaluate("typeof window.graphtoolMap === 'object'"):
                labels = overlap = coh = None
            else:
                boxes = page.evaluate("graphtoolMap.labelBoxes()")
                rect = page.locator("#network").bounding_box()
                labels = sum(1 for b in boxes if "community" not in b)
                overlap = overlap_share(boxes)
                coh = coherence(page.evaluate("graphtoolMap.nodePositions()"), rect)
            meta = page.evaluate("graphtool.data.meta")
            if shots:
                shots.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(shots / f"map-{name}.png"))
        page.close()
    done = [t for t in ttis if t is not None]
    return {
        "map": name,
        "drawn": meta["drawn"],
        "nodes": G.number_of_nodes(),
        "labels": labels,
        "overlap": overlap,
        "coherence": coh,
        "tti": statistics.median(done) if len(done) == len(ttis) else None,
        "cpu_full": cpu_full,
        "cpu_papers": cpu_papers,
        "bytes": full.stat().st_size,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", help="default: the bundled corpus and llm-systems-2025")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shots", type=Path, default=None, help="save opening-view screenshots here")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        sys.exit("needs Debian's chromium on PATH")
    corpora = args.corpora or [str(gt.bundled_corpus()), str(ROOT / "data/llm-systems-2025.jsonl")]
    tmp = Path(tempfile.mkdtemp(prefix="bench-readability-"))
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=ARGS)
        for path in corpora:
            name = "bundled" if Path(path) == Path(gt.bundled_corpus()) else Path(path).stem
            G = gt.build_graph(gt.read(path))
            rows.append(measure(browser, name, G, tmp, args.repeat, args.shots))
            print(f"  measured {name}", file=sys.stderr, flush=True)
        browser.close()
    print(f"\nopening view at 1600×1000, headless Chromium; median of {args.repeat}")
    head = ("map", "drawn of nodes", "labels", "overlapping", "coherence", "TTI",
            "CPU full", "CPU papers", "papers/full", "page size")  # fmt: skip
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for r in rows:
        cells = [
            r["map"],
            f"{r['drawn']:,} of {r['nodes']:,}",
            "-" if r["labels"] is None else str(r["labels"]),
            "-" if r["overlap"] is None else f"{r['overlap']:.1%}",
            "-" if r["coherence"] is None else f"{r['coherence']:.2f}",
            "-" if r["tti"] is None else f"{r['tti']:.2f} s",
            f"{r['cpu_full']:.2f} s",
            f"{r['cpu_papers']:.2f} s",
            f"{r['cpu_papers'] / r['cpu_full']:.1f}×",
            f"{r['bytes'] / 1e6:.1f} MB",
        ]
        print(" | ".join(cells))


if __name__ == "__main__":
    main()
