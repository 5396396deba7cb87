"""Linking on a Dask cluster, and mentions as Parquet (``pip install 'graphtool[dask]'``).

Two ways in, both the linker's two passes (:mod:`graphtool.parallel`) over partitions:

* :func:`link_files` links JSON Lines files where little has to travel. Each worker
  reads its own byte range of the file, runs pass 1 (what each paper introduces) and
  keeps its papers; only the names a partition introduces come back to the client,
  which orders them as one process would (:meth:`Linker.corpus_names`) and broadcasts
  them; pass 2 (the mentions) runs on the worker that holds the partition and writes
  its mentions straight to a Parquet file, one ``part-NNNNN.parquet`` per partition in
  one folder (DuckDB, Dask, pandas and Spark read the folder as one table).
* :func:`link` links papers already read by the client (``graphtool build --dask``,
  which merges and writes the store there): the partitions are scattered, pass 1
  returns what each paper introduces, pass 2 returns the mentions as plain columns
  (rebuilt into :class:`Mention` objects on the client). The result is the same list
  as ``Linker().link(papers)``.

``scheduler`` is a Dask scheduler address (``tcp://10.0.0.5:8786``, as printed by
``dask scheduler``) or ``local``: a :class:`dask.distributed.LocalCluster` of worker
processes on this machine.

Example:
    >>> import graphtool as gt
    >>> papers = gt.read(gt.bundled_corpus())
    >>> ms, intros = link(papers, "local", workers=1)  # doctest: +SKIP
    >>> ms == gt.link(papers)  # doctest: +SKIP
    True
"""

from __future__ import annotations

import gc
import itertools
import os
import pickle
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GraphtoolError, InputError
from .lexicon import LexEntry, Lexicon
from .linker import Linker, _gc_paused
from .model import Mention, Paper, slugify
from .parallel import chunks, default_jobs, two_pass_linker

#: Mention columns of the Parquet file, in order (the ``graphtool link`` record).
PARQUET_COLUMNS = (
    "paper", "title", "entity", "entity_id", "kind", "family", "relation", "surface",
    "field", "start", "end", "sentence", "how", "confidence",
)  # fmt: skip

#: Mention fields, in the order :class:`Mention` takes them.
_FIELDS = Mention.__slots__

#: How long to wait for a scheduler that does not answer.
CONNECT_TIMEOUT = "30s"

#: How often (seconds) pass 2 checks that the workers holding its partitions are there.
WORKER_CHECK_S = 10

#: Partitions per worker unless told: enough to balance, few enough that the
#: per-partition cost (a task, a Parquet file) stays small.
PARTITIONS_PER_WORKER = 4

_cache: dict = {}  # on each worker: the run's Linker, kept across its tasks
_parts: dict = {}  # on each worker: the papers of its partitions, between the passes


def _require():
    try:
        import dask.distributed as dd
    except ImportError:
        raise GraphtoolError(
            "--dask needs Dask: pip install 'graphtool[dask]'", "dask.distributed"
        ) from None
    return dd


def client_for(scheduler: str, workers: int | None = None):
    """A Dask client: on a new LocalCluster (``scheduler="local"``, ``workers``
    processes of one thread, default every core) or connected to ``scheduler``.

    Example:
        >>> client = client_for("local", workers=1)  # doctest: +SKIP
        >>> client.close()  # doctest: +SKIP
    """
    dd = _require()
    if scheduler == "local":
        cluster = dd.LocalCluster(
            n_workers=workers or default_jobs(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never in the way of another
        )
        client = dd.Client(cluster)
        client._graphtool_cluster = cluster
        return client
    try:
        return dd.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except OSError as e:
        raise GraphtoolError(f"cannot reach the Dask scheduler ({e})", scheduler) from None


def close(client) -> None:
    """Close ``client``, and its LocalCluster if :func:`client_for` started one.

    Example:
        >>> close(client_for("local", workers=1))  # doctest: +SKIP
    """
    cluster = getattr(client, "_graphtool_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


@contextmanager
def _client(client, scheduler: str, workers: int | None):
    own = client is None
    if own:
        client = client_for(scheduler, workers)
    try:
        yield client
    finally:
        if own:
            close(client)


def _n_workers(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


# ----------------------------------------------------------------- what travels
#
# Everything a task takes or returns travels as one pickled ``bytes`` of plain values
# (tuples, lists, strings): Dask ships bytes as they are, while a dict of 100,000
# LexEntry objects handed to ``scatter`` took 8 s (2 s of the client's CPU) to reach
# one worker, and unpickling dataclasses costs several times unpickling tuples.


def _pack(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _rows(entries: Iterable[LexEntry]) -> list[tuple]:
    return [(e.name, e.kind, e.family, e.aliases, e.introduced_by, e.source) for e in entries]


def _entries(rows: Iterable[tuple]) -> list[LexEntry]:
    return [LexEntry(*r) for r in rows]


def _as_columns(mentions: Sequence[Mention]) -> list[list]:
    """One list per :class:`Mention` field (``map(Mention, *columns)`` rebuilds them)."""
    return [[getattr(m, f) for m in mentions] for f in _FIELDS]


# ----------------------------------------------------------------- on the workers


def _state(lexicon: bytes, run: str) -> dict:
    """This worker's state for ``run``: its Linker (one per run, kept across tasks)."""
    if _cache.get("run") != run:
        _forget(None)
        _cache.update(run=run, linker=two_pass_linker(pickle.loads(lexicon)))
    return _cache


def _forget(run: str | None) -> None:
    """Drop a finished run's Linker and papers on this worker (all runs: ``None``)."""
    if run is None or _cache.get("run") == run:
        _cache.clear()
        _parts.clear()
        gc.unfreeze()


def _papers(source: bytes | tuple[str, int, int]) -> tuple[list[Paper], list, int]:
    """A partition's papers: pickled by the client, or bytes ``start:end`` of a JSON
    Lines file (with its bad lines and its number of lines)."""
    if isinstance(source, bytes):
        return pickle.loads(source), [], 0
    return _read_range(*source)


def _pass1(key: str, source, lexicon: bytes, run: str, rows: bool) -> bytes:
    """Pass 1 of one partition: its papers (kept on this worker for pass 2) and what
    they introduce: per paper (``rows``), or the partition's new names in order."""
    from dask.distributed import get_worker

    with _gc_paused():
        c = time.process_time()
        papers, errors, lines = _papers(source)
        c1 = time.process_time()
        linker: Linker = _state(lexicon, run)["linker"]
        intros = [linker.introductions(p, keep=True) for p in papers]
        _parts[key] = papers
        out = {
            "worker": get_worker().address,
            "papers": len(papers),
            "errors": errors,
            "lines": lines,
        }
        if rows:
            out["intros"] = [_rows(es) for es in intros]
        else:
            out["ids"] = [p.id for p in papers]
            out["names"] = _rows(linker.corpus_names(intros).values())
        out["cpu"] = {"read": c1 - c, "introductions": time.process_time() - c1}
        packed = _pack(out)
    gc.freeze()  # what is kept now is never garbage: later collections skip it
    return packed


def _pass2(key: str, source, names: bytes, lexicon: bytes, run: str, out: str | None) -> bytes:
    """Pass 2 of one partition: its mentions, written to the Parquet file ``out``
    (counts come back), or returned as columns; the papers are read again if this
    worker does not hold them."""
    with _gc_paused():
        c = time.process_time()
        state = _state(lexicon, run)
        if state.get("names_of") is not names:  # once per run on each worker
            state["names"] = {r[0]: e for r, e in zip(*_unpacked_names(names), strict=True)}
            state["names_of"] = names
        papers = _parts.pop(key, None)
        moved = papers is None  # another worker ran pass 1 (it left, or the task moved)
        if moved:
            papers = _papers(source)[0]
        mentions = state["linker"].link_named(papers, state["names"])
        c1 = time.process_time()
        result = {"papers": len(papers), "mentions": len(mentions), "moved": moved}
        if out is not None:
            write_parquet(mentions, out)
            result["file"] = out
        else:
            result["columns"] = _as_columns(mentions)
        result["cpu"] = {"mentions": c1 - c, "parquet": time.process_time() - c1}
        return _pack(result)


def _unpacked_names(names: bytes) -> tuple[list[tuple], list[LexEntry]]:
    rows = pickle.loads(names)
    return rows, _entries(rows)


def _two_passes(client, sources, lexicon, rows, outs, on_pass1):
    """Run pass 1 on every partition, hand its results to ``on_pass1`` (which returns
    the corpus's names), broadcast them, and yield each partition's pass 2 result as
    it completes (``(index, result)``)."""
    from dask.distributed import wait

    run = uuid.uuid4().hex  # a fresh Linker per run on every worker
    keys = [f"{run}-{i}" for i in range(len(sources))]
    try:
        [lex] = client.scatter([_pack(lexicon)], broadcast=True, hash=False)
        pass1 = client.map(
            _pass1,
            keys,
            sources,
            lexicon=lex,
            run=run,
            rows=rows,
            pure=False,
            key=[f"pass1-{k}" for k in keys],
        )
        found = [pickle.loads(f.result()) for f in pass1]
        del pass1
        names = on_pass1(found)
        [shared] = client.scatter([_pack(_rows(names.values()))], broadcast=True, hash=False)

        def submit(i: int, where: str | None):
            return client.submit(
                _pass2, keys[i], sources[i], names=shared, lexicon=lex, run=run, out=outs[i],
                pure=False, key=f"pass2-{keys[i]}" + ("" if where else "-again"),
                workers=[where] if where else None, allow_other_workers=False,
            )  # fmt: skip

        # each partition's pass 2 on the worker that holds its papers, never stolen by
        # another (which would read and introduce them again); if that worker leaves,
        # the partition goes to any worker, which reads it again
        pending = {submit(i, part["worker"]): (i, part["worker"]) for i, part in enumerate(found)}
        while pending:
            try:
                done = wait(list(pending), WORKER_CHECK_S, return_when="FIRST_COMPLETED").done
            except TimeoutError:
                done = set()
            for future in done:
                i, _ = pending.pop(future)
                yield i, pickle.loads(future.result())
                future.release()
            if not done:
                alive = set(client.scheduler_info().get("workers", {}))
                for future, (i, where) in list(pending.items()):
                    if where is not None and where not in alive:
                        del pending[future]
                        future.cancel()
                        pending[submit(i, None)] = (i, None)
    finally:
        client.run(_forget, run)


# ---------------------------------------------------------------- papers in memory


def link(
    papers: Sequence[Paper],
    scheduler: str = "local",
    lexicon: Lexicon | None = None,
    workers: int | None = None,
    partitions: int | None = None,
    progress: Callable[[int], None] | None = None,
    client=None,
) -> tuple[list[Mention], list[list[LexEntry]]]:
    """The mentions of ``papers`` and what each introduces, linked on a Dask cluster;
    the same as :func:`graphtool.parallel.link_corpus`.

    ``partitions`` defaults to four per worker. ``client``: an open Dask client to use
    instead of ``scheduler``. ``progress`` is called with the number of papers whose
    mentions are back.

    Example:
        >>> import graphtool as gt
        >>> ms, _ = link(gt.read(gt.bundled_corpus()), "local", workers=2)  # doctest: +SKIP
    """
    papers = list(papers)
    lexicon = lexicon if lexicon is not None else Lexicon.load()
    intros: list[list[LexEntry]] = []

    def names_of(found: list[dict]) -> dict[str, LexEntry]:
        for part in found:
            intros.extend(_entries(es) for es in part.pop("intros"))
        return Linker(lexicon).corpus_names(intros)

    with _client(client, scheduler, workers) as client:
        n = partitions or PARTITIONS_PER_WORKER * _n_workers(client)
        ranges = chunks(len(papers), n)
        sources = client.scatter([_pack(papers[a:b]) for a, b in ranges], hash=False)
        parts: list[list[Mention] | None] = [None] * len(ranges)
        done = 0
        outs = [None] * len(ranges)
        for i, result in _two_passes(client, sources, lexicon, True, outs, names_of):
            parts[i] = list(map(Mention, *result["columns"]))
            done += result["papers"]
            if progress is not None:
                progress(done)
        del sources
    return [m for part in parts for m in part or ()], intros


# ------------------------------------------------------------- JSON Lines on workers


@dataclass
class Linked:
    """What :func:`link_files` did: the Parquet folder, the counts, and the CPU
    seconds the workers spent in each phase.

    Example:
        >>> Linked(Path("m"), papers=2, mentions=5, names=1, partitions=1).papers
        2
    """

    path: Path
    papers: int
    mentions: int
    names: int
    partitions: int
    files: list[Path] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=dict)
    wall: dict[str, float] = field(default_factory=dict)
    moved: int = 0


def byte_ranges(path: str | os.PathLike, parts: int) -> list[tuple[int, int]]:
    """About ``parts`` ranges of ``path``'s bytes of equal size, each a run of whole
    lines (cut after a ``\\n``), covering the file; empty ranges are left out.

    Example:
        >>> import tempfile, os
        >>> p = os.path.join(tempfile.mkdtemp(), "x.jsonl")
        >>> with open(p, "wb") as f:
        ...     _ = f.write(b"aaaa\\nbb\\ncccccc\\nd\\n")
        >>> byte_ranges(p, 3)
        [(0, 5), (5, 15), (15, 17)]
    """
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as f:
        for k in range(1, max(1, parts)):
            at = size * k // parts
            if at <= cuts[-1]:
                continue
            f.seek(at - 1)
            cut = at - 1 + len(f.readline())  # the end of the line holding byte at - 1
            if cuts[-1] < cut < size:
                cuts.append(cut)
    cuts.append(size)
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def link_files(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    out: str | os.PathLike,
    scheduler: str = "local",
    lexicon: Lexicon | None = None,
    workers: int | None = None,
    partitions: int | None = None,
    progress: Callable[[int], None] | None = None,
    client=None,
    skip_bad: bool = False,
) -> Linked:
    """Link JSON Lines files on a Dask cluster, the workers reading the files and
    writing the mentions: a folder ``out`` of Parquet files, one per partition, whose
    rows in file order are the mentions ``Linker().link(gt.read(paths))`` finds.

    Each line is one paper, as the file says: records are not merged and an id must
    not repeat (``graphtool build`` merges). The files and ``out`` must be at the same
    path on every worker (one machine, or a shared file system). ``out`` is written
    beside it and renamed into place at the end (an ``out`` that holds anything but
    ``part-*.parquet`` files is refused, not replaced). ``progress`` is called with the
    number of papers whose mentions are written.

    Example:
        >>> import graphtool as gt
        >>> done = link_files("big.jsonl", "mentions", "local", workers=2)  # doctest: +SKIP
        >>> import duckdb  # doctest: +SKIP
        >>> duckdb.sql("SELECT count(*) FROM 'mentions/*.parquet'").fetchone()  # doctest: +SKIP
        (4632019,)
    """
    files = [Path(paths)] if isinstance(paths, (str, os.PathLike)) else [Path(p) for p in paths]
    for f in files:
        if not f.is_file():
            raise InputError("no such file", str(f))
    lexicon = lexicon if lexicon is not None else Lexicon.load()
    target = Path(out)
    if target.is_dir() and any(not p.match("part-*.parquet") for p in target.iterdir()):
        raise GraphtoolError("is a folder with other files in it; name a new folder", str(out))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        with _client(client, scheduler, workers) as client:
            done = _link_files(client, files, tmp, lexicon, partitions, progress, skip_bad)
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        os.replace(tmp, target)
        done.path = target
        done.files = [target / f.name for f in done.files]
        return done
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _link_files(client, files, tmp, lexicon, partitions, progress, skip_bad) -> Linked:
    n = partitions or PARTITIONS_PER_WORKER * _n_workers(client)
    sizes = [f.stat().st_size for f in files]
    total = sum(sizes) or 1
    sources = [  # (file, start, end): the files' bytes in about n ranges of whole lines
        (str(f), a, b)
        for f, size in zip(files, sizes, strict=True)
        for a, b in byte_ranges(f, max(1, round(n * size / total)))
    ]
    outs = [str(tmp / f"part-{i:05d}.parquet") for i in range(len(sources))]
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    clock = [time.perf_counter()]
    counts: dict[str, int] = {"papers": 0, "names": 0}
    errors: list[InputError] = []

    def names_of(found: list[dict]) -> dict[str, LexEntry]:
        wall["read + introductions"] = time.perf_counter() - clock[0]
        clock[0] = time.perf_counter()
        line: dict[str, int] = {}  # the bad lines, numbered in their file
        for (path, _, _), part in zip(sources, found, strict=True):
            base = line.get(path, 0)
            errors.extend(InputError(msg, f"{path}:{base + k}") for k, msg in part["errors"])
            line[path] = base + part["lines"]
        if errors and not skip_bad:
            listed = "".join(f"\n  {e}" for e in errors[:20])
            more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
            raise InputError(
                f"{len(errors)} bad record(s); fix them or pass skip_bad=True to link the "
                f"good ones:{listed}{more}"
            )
        seen: set[str] = set()
        for part in found:
            for pid in part.pop("ids"):
                if pid in seen:
                    raise InputError(
                        f"paper id {pid!r} repeats; link_files links each line as one paper "
                        "(graphtool build merges repeated records)",
                        ", ".join(map(str, files)),
                    )
                seen.add(pid)
        # the corpus's own names in paper order, as one process gathers them
        names: dict[str, LexEntry] = {}
        for part in found:
            for entry in _entries(part.pop("names")):
                names.setdefault(entry.name, entry)
        counts.update(papers=len(seen), names=len(names))
        for k in ("read", "introductions"):
            cpu[k] = sum(p["cpu"][k] for p in found)
        wall["names"] = time.perf_counter() - clock[0]
        clock[0] = time.perf_counter()
        return names

    results: list[dict | None] = [None] * len(sources)
    done = 0
    for i, result in _two_passes(client, sources, lexicon, False, outs, names_of):
        results[i] = result
        done += result["papers"]
        if progress is not None:
            progress(done)
    wall["mentions + parquet"] = time.perf_counter() - clock[0]
    for k in ("mentions", "parquet"):
        cpu[k] = sum(r["cpu"][k] for r in results if r)
    return Linked(
        path=tmp,
        papers=counts["papers"],
        mentions=sum(r["mentions"] for r in results if r),
        names=counts["names"],
        partitions=len(sources),
        files=[Path(r["file"]) for r in results if r],
        skipped=errors,
        cpu=cpu,
        wall=wall,
        moved=sum(r["moved"] for r in results if r),
    )


def _read_range(path: str, start: int, end: int) -> tuple[list[Paper], list, int]:
    """The papers of bytes ``start:end`` of a JSON Lines file, its bad lines as
    ``(line in the range, message)``, and how many lines the range holds."""
    from .corpus import read_jsonl

    with open(path, "rb") as f:
        f.seek(start)
        raw = f.read(end - start)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            f"bytes that are not UTF-8 at byte {start + e.start}; link_files reads UTF-8", path
        ) from None
    if start == 0:
        text = text.lstrip("\ufeff")
    papers, errors = [], []
    for item in read_jsonl(text, path):
        if isinstance(item, InputError):
            errors.append((int((item.location or "0").rsplit(":", 1)[-1]), item.message))
        else:
            papers.append(item)
    lines = raw.count(b"\n") + (1 if raw and not raw.endswith(b"\n") else 0)
    return papers, errors, lines


# -------------------------------------------------------------------------- Parquet


def _table(mentions: Sequence[Mention]):
    """The mentions as a pyarrow Table of :data:`PARQUET_COLUMNS` (the values of
    :meth:`Mention.to_record`)."""
    import pyarrow as pa

    slugs: dict[str, str] = {}
    entity = [m.entity for m in mentions]
    for name in entity:
        if name not in slugs:
            slugs[name] = slugify(name)
    cols = {
        "paper": [m.paper for m in mentions],
        "title": [m.title for m in mentions],
        "entity": entity,
        "entity_id": [slugs[e] for e in entity],
        "kind": [m.kind for m in mentions],
        "family": [m.family for m in mentions],
        "relation": [m.relation for m in mentions],
        "surface": [m.surface for m in mentions],
        "field": [m.field for m in mentions],
        "start": [m.start for m in mentions],
        "end": [m.end for m in mentions],
        "sentence": [m.sentence for m in mentions],
        "how": [m.how for m in mentions],
        "confidence": [round(m.confidence, 3) for m in mentions],
    }
    types = {"start": pa.int64(), "end": pa.int64(), "confidence": pa.float64()}
    return pa.table({c: pa.array(v, type=types.get(c, pa.string())) for c, v in cols.items()})


def write_parquet(mentions: Sequence[Mention], path: str | os.PathLike) -> Path:
    """Write ``mentions`` as one Parquet file (the columns of ``graphtool link``), to a
    temporary file renamed at the end; DuckDB, Dask, pandas and Spark read it.

    Example:
        >>> import graphtool as gt, tempfile, os
        >>> ms = gt.link(gt.read(gt.bundled_corpus()))
        >>> out = write_parquet(ms, os.path.join(tempfile.mkdtemp(), "m.parquet"))
        >>> import pyarrow.parquet as pq
        >>> pq.read_table(out).num_rows == len(ms)
        True
    """
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise GraphtoolError("Parquet needs pyarrow: pip install 'graphtool[dask]'") from None
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    table = _table(mentions)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp, row_group_size=100_000)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def read_mentions(path: str | os.PathLike) -> list[dict]:
    """The mention records of a Parquet file or a folder of them (as
    :func:`link_files` writes), in order.

    Example:
        >>> import graphtool as gt, tempfile, os
        >>> ms = gt.link(gt.read(gt.bundled_corpus()))
        >>> out = write_parquet(ms, os.path.join(tempfile.mkdtemp(), "m.parquet"))
        >>> read_mentions(out) == [m.to_record() for m in ms]
        True
    """
    import pyarrow.parquet as pq

    p = Path(path)
    files = sorted(p.glob("part-*.parquet")) if p.is_dir() else [p]
    return [r for f in files for r in pq.read_table(f).to_pylist()]
