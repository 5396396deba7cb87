"""graphtool at 10k, 100k (and 1M) papers: CPU time of each stage, wall time, peak RSS,
page size; the store's table command, ``add`` and ``--dask``.

Run:  python benchmarks/bench_scale.py                  # 10,000 and 100,000 papers
      python benchmarks/bench_scale.py --sizes 10000    # one size
      python benchmarks/bench_scale.py --sizes 1000000 --no-map   # 1M (long; optional)
      python benchmarks/bench_scale.py --sizes 100000 --dask 1,2  # Dask LocalCluster speed-up

Corpora are synthetic and deterministic (seed 11): the sentences of the real abstracts
in ``data/`` (llm-systems-2025.jsonl and the example corpus, about 1,300 papers)
recombined across papers (a paper keeps the opening sentences of one real paper and
takes the others from random papers), and titles made distinct: a coined name in front
of the first half of one real title and the second half of another (the name the paper
coins replaces the real paper's own name in its sentences, so each paper introduces
one, as real ones do). They are written as JSON Lines to a temporary folder.

Per size, in this process (CPU = user + system of this process and its finished
workers, in seconds; wall in seconds):

* read (the JSON Lines reader), merge (``merge_papers`` + references), link (on every
  core, ``--jobs`` default), build (``build_graph``), store (writing the ``.gtdb``),
  centrality (PageRank over papers), communities (``gt.communities``), map page
  (``gt.render`` with the default ``--max-nodes``), and the page's size;

and as a user runs them (each its own process; wall, peak RSS of that process):

* ``graphtool map corpus.jsonl`` (the issue's "map of 100k papers");
* ``graphtool build corpus.jsonl -o field.gtdb``;
* ``graphtool centrality field.gtdb --metric pagerank --kind paper --top 10``;
* ``graphtool add field.gtdb new.jsonl`` with 1,000 new papers, against the build
  (``--check-add``: and whether the store it leaves equals a build from scratch).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import graphtool as gt  # noqa: E402
from graphtool import analysis, corpus, merge, parallel, store  # noqa: E402
from graphtool.text import sentence_spans  # noqa: E402

DATA = ROOT / "data"
GRAPHTOOL = [sys.executable, "-m", "graphtool.cli"]

_SYLLABLES = [
    "ka", "lo", "mi", "ne", "ru", "ta", "vo", "zen", "qui", "dra", "pho", "sil", "tor",
    "bex", "cya", "gul", "hin", "jor", "mav", "nix", "orb", "pel", "rho", "sy", "tu",
    "vek", "wyn", "xan", "yel", "zu",
]  # fmt: skip


def coined_name(k: int) -> str:
    """A distinct, pronounceable system name for paper ``k`` (Kalomi, Zenrutor, …)."""
    parts = []
    k += len(_SYLLABLES) ** 2  # at least three syllables
    while k:
        k, r = divmod(k, len(_SYLLABLES))
        parts.append(_SYLLABLES[r])
    return "".join(parts).capitalize()


def _real_papers() -> list[gt.Paper]:
    papers = list(gt.read(DATA / "llm-systems-2025.jsonl")) + list(gt.read(gt.bundled_corpus()))
    return [p for p in papers if len(p.abstract) >= 200]


def _own_name(title: str) -> str | None:
    head, sep, _ = title.partition(":")
    if sep and 1 < len(head) <= 24 and " " not in head.strip():
        return head.strip()
    return None


def synthetic(n: int, seed: int = 11, start: int = 0) -> list[dict]:
    """``n`` synthetic paper records (papers ``start`` … ``start + n - 1``)."""
    real = _real_papers()
    sentences = [
        [p.abstract[a:b] for a, b in sentence_spans(p.abstract) if b - a > 20] for p in real
    ]
    halves = [p.title.partition(":")[2].strip() or p.title for p in real]
    rows = []
    for k in range(start, start + n):
        rng = random.Random(seed * 1_000_003 + k)
        i, j = rng.randrange(len(real)), rng.randrange(len(real))
        name = coined_name(k)
        a, b = halves[i].split(), halves[j].split()
        title = f"{name}: {' '.join(a[: max(1, len(a) // 2)] + b[len(b) // 2 :])}"
        own = _own_name(real[i].title)
        body = sentences[i][:2] or [real[i].abstract]
        if own:
            body = [re.sub(rf"\b{re.escape(own)}\b", name, s) for s in body]
        for _ in range(rng.randint(2, 4)):
            other = sentences[rng.randrange(len(real))]
            if other:
                body.append(other[rng.randrange(len(other))])
        rows.append(
            {
                "id": f"syn{k:07d}",
                "title": title,
                "abstract": " ".join(body),
                "year": 2020 + k % 6,
            }
        )
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def _cpu() -> float:
    s = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


class Stages:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float, str]] = []

    def run(self, name: str, fn, note=lambda r: ""):
        c, w = _cpu(), time.perf_counter()
        result = fn()
        self.rows.append((name, _cpu() - c, time.perf_counter() - w, note(result)))
        print(f"  {name:<12} CPU {self.rows[-1][1]:8.1f} s   wall {self.rows[-1][2]:8.1f} s"
              f"   {self.rows[-1][3]}", flush=True)  # fmt: skip
        return result


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def command(args: list[str], label: str) -> tuple[float, float]:
    """Run a graphtool command in its own process: (wall s, peak RSS MB of it)."""
    wrapper = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(p.returncode, r.ru_maxrss)\n"
    )
    w = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *GRAPHTOOL, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    wall = time.perf_counter() - w
    rc, rss = out.stdout.split()
    if rc != "0":
        raise SystemExit(f"{label} failed ({rc})")
    print(f"  {label:<58} wall {wall:7.1f} s   peak RSS {int(rss) / 1024:7.0f} MB", flush=True)
    return wall, int(rss) / 1024


def in_process(path: Path, tmp: Path, jobs: int | None, draw: bool) -> None:
    st = Stages()
    w0 = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    raw = st.run("read", lambda: [p for p in corpus.read_jsonl(text, str(path))])
    papers = st.run(
        "merge",
        lambda: merge.resolve_references(merge.merge_papers(raw)[0]),
        lambda r: f"{len(raw)} records -> {len(r)} papers",
    )
    raw = text = None  # free them
    lexicon = gt.Lexicon.load()
    linked = st.run(
        "link",
        lambda: parallel.link_corpus(papers, lexicon, jobs=jobs),
        lambda r: f"{len(r[0])} mentions, jobs={jobs or parallel.default_jobs()}",
    )
    mentions, intros = linked
    G = st.run(
        "build",
        lambda: gt.build_graph(papers, mentions),
        lambda g: f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges",
    )
    db = tmp / "inproc.gtdb"
    st.run(
        "store",
        lambda: store.write(db, papers, mentions, G, intros),
        lambda p: f"{p.stat().st_size / 1e6:.0f} MB",
    )
    st.run("centrality", lambda: analysis.centrality(G, "pagerank", kind="paper"))
    st.run("communities", lambda: analysis.communities(G), lambda c: f"{len(c)} communities")
    if draw:
        page = tmp / "page.html"
        st.run("map page", lambda: gt.render(G, page), lambda p: f"{p.stat().st_size / 1e6:.1f} MB")
    total = sum(r[1] for r in st.rows)
    print(f"  {'total':<12} CPU {total:8.1f} s   wall {time.perf_counter() - w0:8.1f} s"
          f"   peak RSS {_rss_mb():.0f} MB", flush=True)  # fmt: skip


def as_user(path: Path, tmp: Path, n: int, draw: bool, check: bool = False) -> None:
    db = tmp / "field.gtdb"
    if draw:
        command(["map", str(path), "-o", str(tmp / "map.html"), "-q"], f"graphtool map ({n:,})")
        print(f"  {'page size':<58} {(tmp / 'map.html').stat().st_size / 1e6:.1f} MB")
    build, _ = command(["build", str(path), "-o", str(db), "-q"], f"graphtool build ({n:,})")
    command(
        ["centrality", str(db), "--metric", "pagerank", "--kind", "paper", "--top", "10"],
        "graphtool centrality STORE --metric pagerank --kind paper --top 10",
    )
    new = write_jsonl(tmp / "new.jsonl", synthetic(1000, start=n))
    add, _ = command(["add", str(db), str(new), "-q"], "graphtool add STORE new.jsonl (1,000)")
    print(f"  add / build: {add / build:.1%}", flush=True)
    if check:
        whole = tmp / "whole.gtdb"
        command(["build", str(path), str(new), "-o", str(whole), "-q"], "graphtool build (all)")
        print(f"  add == build from scratch: {_same(db, whole)}", flush=True)


def _same(a: Path, b: Path) -> str:
    """Whether two stores give back the same papers, mentions, graph and PageRank."""
    sa, sb = store.Store(a), store.Store(b)
    for what, get in (
        ("papers", lambda s: list(s.papers())),
        ("mentions", lambda s: s.mentions()),
        ("graph", lambda s: (lambda G: (G.graph, list(G.nodes(data=True)),
                                        list(G.edges(keys=True, data=True))))(s.graph())),
        ("pagerank", lambda s: s.centrality("pagerank")),
    ):  # fmt: skip
        if get(sa) != get(sb):
            return f"no ({what} differ)"
    return "yes (papers, mentions, nodes, edges, PageRank)"


def _machine_cpu() -> float:
    """CPU seconds every process on this machine has used (``/proc/stat``)."""
    with open("/proc/stat") as f:
        ticks = [int(v) for v in f.readline().split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # less idle, iowait


def _loop(n: int, out) -> None:
    """The control workload: a pure-Python loop (no memory traffic); puts its CPU s."""
    c = time.process_time()
    x = 0
    for i in range(n):
        x = (x * 31 + i) & 0xFFFFF
    out.put(time.process_time() - c)


def control(n: int = 30_000_000) -> float:
    """The same pure-Python loop in one process, then in two at once: the speed-up
    two processes get on this machine right now (2.0 on two free cores)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    walls = []
    for k in (1, 2):
        q = ctx.Queue()
        procs = [ctx.Process(target=_loop, args=(n, q)) for _ in range(k)]
        t, busy = time.perf_counter(), _machine_cpu()
        for p in procs:
            p.start()
        cpu = sum(q.get() for _ in procs)
        for p in procs:
            p.join()
        walls.append(time.perf_counter() - t)
        others = max(0.0, _machine_cpu() - busy - cpu)
        print(f"  control loop, {k} process(es) at once: wall {walls[-1]:5.2f} s, "
              f"CPU {cpu:5.2f} s; rest of the machine {others:.1f} s CPU meanwhile",
              flush=True)  # fmt: skip
    ratio = 2 * walls[0] / walls[1]
    print(f"  control speed-up of 2 processes: {ratio:.2f}x", flush=True)
    return ratio


def dask_speedup(path: Path, workers: list[int], repeat: int = 1) -> None:
    """Link the JSON Lines file on LocalClusters of each size (``link_files``: the
    workers read their byte ranges and write Parquet); the time counts from a started
    cluster whose workers have imported graphtool (start-up is printed apart).

    Beside the wall time: the workers' CPU seconds (each worker's), the client's (it
    runs the scheduler too), and the CPU the rest of the machine used meanwhile (other
    people's work on a shared machine: what it takes from two workers). The control
    loop runs before and after, in the same run."""
    import resource

    from graphtool import dask_link

    def me() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    warm = path.with_name("warm.jsonl")
    with path.open("rb") as f:
        warm.write_bytes(b"".join(f.readline() for _ in range(200)))
    out = path.with_name("mentions")
    before = control()
    best: dict[int, tuple[float, float, float]] = {}
    for _ in range(repeat):
        for w in workers:
            t = time.perf_counter()
            client = dask_link.client_for("local", workers=w)
            dask_link.link_files(warm, out, client=client)  # workers import graphtool, pyarrow
            start = time.perf_counter() - t
            cpu0 = client.run(time.process_time)
            t, c, busy = time.perf_counter(), me(), _machine_cpu()
            done = dask_link.link_files(path, out, client=client)
            wall = time.perf_counter() - t
            client_cpu, machine = me() - c, _machine_cpu() - busy
            cpu1 = client.run(time.process_time)
            dask_link.close(client)
            per = sorted((cpu1[k] - cpu0[k] for k in cpu1), reverse=True)
            others = max(0.0, machine - sum(per) - client_cpu)
            serial = done.wall.get("names", 0.0)
            # on free cores the slowest worker's CPU time (plus the client's serial
            # step) would be the wall time
            free = per[0] + serial
            if w not in best or wall < best[w][0]:
                best[w] = (wall, free, others)
            phases = "  ".join(f"{k} {v:.1f}" for k, v in done.cpu.items())
            print(f"  dask LocalCluster {w} worker(s): link {wall:7.1f} s wall "
                  f"(start-up {start:.1f} s)  {done.papers:,} papers -> {done.mentions:,} "
                  f"mentions in {done.partitions} Parquet files", flush=True)  # fmt: skip
            print(f"      worker CPU {' + '.join(f'{p:.1f}' for p in per)} s ({phases});"
                  f" client {client_cpu:.1f} s; names step {serial:.1f} s wall;"
                  f" rest of the machine {others:.1f} s CPU meanwhile;"
                  f" tasks moved {done.moved}", flush=True)  # fmt: skip
    shutil.rmtree(out, ignore_errors=True)
    after = control()
    if len(best) > 1:
        base = best[workers[0]]
        for w in workers[1:]:
            print(f"  speed-up {workers[0]} -> {w} workers: {base[0] / best[w][0]:.2f}x wall "
                  f"(best of {repeat}; control loop {before:.2f}x before, {after:.2f}x after);"
                  f" from CPU time on free cores: {base[1] / best[w][1]:.2f}x",
                  flush=True)  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    ap.add_argument("--jobs", type=int, default=None, help="linking processes (default: all)")
    ap.add_argument("--no-map", action="store_true", help="skip the map page and graphtool map")
    ap.add_argument("--no-cli", action="store_true", help="skip the commands run as a user")
    ap.add_argument(
        "--check-add",
        action="store_true",
        help="build the corpus with the added papers from "
        "scratch too, and compare it with the store the add updated",
    )
    ap.add_argument("--dask", default="", help="worker counts for a Dask LocalCluster, e.g. 1,2")
    ap.add_argument("--repeat", type=int, default=1, help="Dask runs per worker count (best kept)")
    ap.add_argument(
        "--no-stages", action="store_true", help="skip the in-process stages (read … map page)"
    )
    args = ap.parse_args()
    print(f"cores: {parallel.default_jobs()}  python {sys.version.split()[0]}")
    for n in [int(s) for s in args.sizes.split(",") if s]:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as d:
            tmp = Path(d)
            t = time.perf_counter()
            path = write_jsonl(tmp / f"synthetic-{n}.jsonl", synthetic(n))
            size = path.stat().st_size / 1e6
            print(f"\n== {n:,} papers ({size:.0f} MB of JSON Lines, made in "
                  f"{time.perf_counter() - t:.0f} s)", flush=True)  # fmt: skip
            if not args.no_stages:
                in_process(path, tmp, args.jobs, not args.no_map)
            if not args.no_cli:
                as_user(path, tmp, n, not args.no_map, args.check_add)
            if args.dask:
                dask_speedup(path, [int(w) for w in args.dask.split(",")], args.repeat)
        os.sync()


if __name__ == "__main__":
    main()
