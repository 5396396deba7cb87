"""Linking on every core: the linker's two passes, each spread over worker processes.

Pass 1 finds what each paper introduces (:meth:`Linker.introductions`); the corpus's
own names are then gathered in paper order (:meth:`Linker.corpus_names`), exactly as
one process would, and handed to every worker for pass 2, which finds the mentions
(:meth:`Linker.link_named`). Papers go to the workers in contiguous chunks and the
chunks' mentions are joined in order, so the output is the same as ``--jobs 1``.

Example:
    >>> import graphtool as gt
    >>> papers = gt.read(gt.bundled_corpus())
    >>> link(papers, jobs=2) == gt.link(papers)
    True
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import operator
import os
import pickle
import threading
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from .lexicon import LexEntry, Lexicon
from .linker import Linker
from .model import Mention, Paper

#: Below this many papers, linking stays in this process (starting workers costs more).
MIN_PARALLEL = 400

_worker: dict = {}


def default_jobs() -> int:
    """How many worker processes ``--jobs`` means by default: the usable cores.

    Example:
        >>> default_jobs() >= 1
        True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """May this process fork a worker that shares its memory? Only where fork is a start
    method, no other thread runs (a forked child could inherit a lock a thread holds) and
    this process is no daemon (which may have no children).

    Example:
        >>> isinstance(can_fork(), bool)
        True
    """
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )


def chunks(n: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` contiguous ``(start, end)`` ranges covering ``range(n)``, sizes within one.

    Example:
        >>> chunks(10, 3)
        [(0, 4), (4, 7), (7, 10)]
    """
    parts = max(1, min(parts, n))
    size, extra = divmod(n, parts)
    out, start = [], 0
    for i in range(parts):
        end = start + size + (i < extra)
        out.append((start, end))
        start = end
    return out


def link(
    papers: Sequence[Paper],
    lexicon: Lexicon | None = None,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    min_parallel: int = MIN_PARALLEL,
) -> list[Mention]:
    """All mentions in ``papers``, linked by ``jobs`` worker processes (default: every
    core); the same list as ``Linker(lexicon).link(papers)``.

    ``progress`` is called with the number of papers whose mentions are done.

    Example:
        >>> from graphtool.model import Paper
        >>> ps = [Paper("a", "T3: Transparent Tracking", "We propose T3."),
        ...       Paper("b", "Other", "We extend T3 to clusters.")]
        >>> [(m.paper, m.entity, m.relation) for m in link(ps, jobs=2, min_parallel=0)]
        [('a', 'T3', 'introduces'), ('b', 'T3', 'mentions')]
    """
    papers = list(papers)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or len(papers) < max(2, min_parallel):  # progress every 200 papers
        return Linker(lexicon).link(papers, progress=progress)
    return link_corpus(papers, lexicon, jobs, progress, min_parallel)[0]


def link_corpus(
    papers: Sequence[Paper],
    lexicon: Lexicon | None = None,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    min_parallel: int = MIN_PARALLEL,
) -> tuple[list[Mention], list[list[LexEntry]]]:
    """:func:`link`, and what each paper introduces (pass 1), in paper order.

    Example:
        >>> from graphtool.model import Paper
        >>> ms, intros = link_corpus([Paper("a", "T3: Transparent Tracking", "We propose T3.")])
        >>> [[e.name for e in es] for es in intros]
        [['T3']]
    """
    papers = list(papers)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    linker = two_pass_linker(lexicon)
    if jobs == 1 or len(papers) < max(2, min_parallel):
        intros = [linker.introductions(p, keep=True) for p in papers]
        mentions = linker.link_named(papers, linker.corpus_names(intros))
        if progress is not None:
            progress(len(papers))
        return mentions, intros
    # one process per range, kept for both passes, so pass 2 reuses pass 1's work
    ranges = chunks(len(papers), jobs)
    ctx = _context()
    conns, procs = [], []
    try:
        for a, b in ranges:
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(theirs, linker.lexicon, papers[a:b]))
            proc.daemon = True
            proc.start()
            theirs.close()
            conns.append(mine)
            procs.append(proc)
        intros = [e for conn in conns for e in _receive(conn)]
        names = pickle.dumps(linker.corpus_names(intros), protocol=pickle.HIGHEST_PROTOCOL)
        for conn in conns:
            conn.send_bytes(names)  # pickled once for every worker
        mentions: list[Mention] = []
        for (_, end), conn in zip(ranges, conns, strict=True):
            mentions.extend(unpack(_receive(conn)))
            if progress is not None:
                progress(end)
        return mentions, intros
    finally:
        for conn in conns:
            conn.close()
        for proc in procs:
            proc.join(timeout=10)
            if proc.is_alive():
                proc.terminate()


def two_pass_linker(lexicon: Lexicon | None = None) -> Linker:
    """A Linker ready for :meth:`Linker.introductions` with ``keep=True`` then
    :meth:`Linker.link_named`: a new Linker's first ``link``/``link_named`` drops the
    kept pass-1 work (it resets its caches, having seen no lexicon yet), so pass 2
    would redo pass 1's work on every paper; one empty ``link`` first settles that.

    Example:
        >>> from graphtool.model import Paper
        >>> lk = two_pass_linker()
        >>> p = Paper("a", "T3: Transparent Tracking", "We propose T3.")
        >>> names = lk.corpus_names([lk.introductions(p, keep=True)])
        >>> [m.entity for m in lk.link_named([p], names)], len(lk._kept)
        (['T3'], 0)
    """
    linker = Linker(lexicon)
    linker.link([])
    return linker


def _context():
    methods = multiprocessing.get_all_start_methods()
    # fork hands the papers and the lexicon to the workers without copying them; with
    # other threads running (a Dask client, a notebook's) a forked child could inherit a
    # held lock, so then the workers start fresh and receive them pickled
    if threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _serve(conn, lexicon: Lexicon, papers: list[Paper]) -> None:
    """One worker of :func:`link_corpus`: pass 1, wait for the names, pass 2."""
    gc.disable()  # many small objects, no cycles, and the process ends with the work
    try:
        linker = two_pass_linker(lexicon)
        conn.send(("ok", [linker.introductions(p, keep=True) for p in papers]))
        names = pickle.loads(conn.recv_bytes())
        conn.send(("ok", pack(linker.link_named(papers, names))))
    except BaseException:
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


_FIELDS = tuple(f.name for f in dataclasses.fields(Mention))
_SETTERS = tuple(getattr(Mention, name).__set__ for name in _FIELDS)


def pack(mentions: list[Mention]) -> list[tuple]:
    """Mentions as plain tuples of their fields, to send to another process: a frozen
    dataclass pickles through ``__setstate__``, which asks for its fields again for
    every object (at 100,000 papers, seconds for half a million mentions).

    Example:
        >>> m = Mention("p", "X", "system", "X", "mentions", "X", "abstract", 0, 1, "X.",
        ...             0.9, "lexicon", aliases=("Ex",))
        >>> [(x, x.aliases) for x in unpack(pack([m]))] == [(m, ("Ex",))]
        True
    """
    get = operator.attrgetter(*_FIELDS)
    return [get(m) for m in mentions]


def unpack(rows: list[tuple]) -> list[Mention]:
    """The mentions :func:`pack` made tuples of."""
    new = object.__new__
    out = []
    for row in rows:
        m = new(Mention)
        for put, value in zip(_SETTERS, row, strict=True):
            put(m, value)
        out.append(m)
    return out


def _receive(conn):
    try:
        kind, value = conn.recv()
    except EOFError:
        raise RuntimeError("a linking worker process died") from None
    if kind == "error":
        raise RuntimeError(f"a linking worker failed:\n{value}")
    return value


def introductions(
    papers: Sequence[Paper], lexicon: Lexicon | None = None, jobs: int | None = None
) -> list[list[LexEntry]]:
    """Pass 1 alone on ``jobs`` processes: what each paper introduces.

    Example:
        >>> from graphtool.model import Paper
        >>> ps = [Paper("a", "T3: Transparent Tracking", "We propose T3.")]
        >>> [[e.name for e in es] for es in introductions(ps, jobs=1)]
        [['T3']]
    """
    papers = list(papers)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or len(papers) < 2:
        linker = Linker(lexicon)
        return [linker.introductions(p) for p in papers]
    with _pool(jobs, lexicon or Linker(lexicon).lexicon, papers) as pool:
        return [e for part in pool.map(_introductions, chunks(len(papers), jobs * 4)) for e in part]


def link_named(
    papers: Sequence[Paper],
    names: dict[str, LexEntry],
    lexicon: Lexicon | None = None,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Mention]:
    """Pass 2 alone on ``jobs`` processes: :meth:`Linker.link_named` of ``papers``.

    Example:
        >>> from graphtool.model import Paper
        >>> lk = Linker()
        >>> a = Paper("a", "T3: Tracking", "We propose T3.")
        >>> names = lk.corpus_names([lk.introductions(a)])
        >>> [m.entity for m in link_named([Paper("b", "B", "We extend T3.")], names, jobs=1)]
        ['T3']
    """
    papers = list(papers)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or len(papers) < 2:
        out = Linker(lexicon).link_named(papers, names)
        if progress is not None:
            progress(len(papers))
        return out
    with _pool(jobs, lexicon or Linker(lexicon).lexicon, papers) as pool:
        return _mentions_in(pool, chunks(len(papers), jobs * 4), names, progress)


def _pool(jobs: int, lexicon: Lexicon, papers: list[Paper]) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        jobs, mp_context=_context(), initializer=_init, initargs=(lexicon, papers)
    )


def _mentions_in(pool, ranges, names, progress) -> list[Mention]:
    out: list[Mention] = []
    parts = pool.map(_mentions, ranges, [names] * len(ranges))
    for (_, end), part in zip(ranges, parts, strict=True):
        out.extend(part)
        if progress is not None:
            progress(end)
    return out


def _init(lexicon: Lexicon, papers: list[Paper]) -> None:
    _worker["linker"] = Linker(lexicon)
    _worker["papers"] = papers


def _introductions(span: tuple[int, int]) -> list[list[LexEntry]]:
    linker: Linker = _worker["linker"]
    return [linker.introductions(p) for p in _worker["papers"][span[0] : span[1]]]


def _mentions(span: tuple[int, int], names: dict[str, LexEntry]) -> list[Mention]:
    linker: Linker = _worker["linker"]
    return linker.link_named(_worker["papers"][span[0] : span[1]], names)
