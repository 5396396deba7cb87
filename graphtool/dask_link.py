"""Linking on a Dask cluster, and mentions as Parquet (``pip install 'graphtool[dask]'``).

The papers are cut into partitions and sent to the workers; pass 1 (what each paper
introduces) runs there, the client gathers the corpus's own names in paper order
(:meth:`Linker.corpus_names`) and broadcasts them, and pass 2 (the mentions) runs on
the same partitions. The result is the same list as ``Linker().link(papers)``.

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

import os
import tempfile
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import GraphtoolError
from .lexicon import LexEntry, Lexicon
from .linker import Linker
from .model import Mention, Paper
from .parallel import chunks, default_jobs

#: Mention columns of the Parquet file, in order (the ``graphtool link`` record).
PARQUET_COLUMNS = (
    "paper", "title", "entity", "entity_id", "kind", "family", "relation", "surface",
    "field", "start", "end", "sentence", "how", "confidence",
)  # fmt: skip

#: How long to wait for a scheduler that does not answer.
CONNECT_TIMEOUT = "30s"

_cache: dict = {}  # on each worker: the run's Linker, kept across its tasks


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
    instead of ``scheduler``.

    Example:
        >>> import graphtool as gt
        >>> ms, _ = link(gt.read(gt.bundled_corpus()), "local", workers=2)  # doctest: +SKIP
    """
    papers = list(papers)
    lexicon = lexicon if lexicon is not None else Lexicon.load()
    own = client is None
    if own:
        client = client_for(scheduler, workers)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        ranges = chunks(len(papers), partitions or 4 * n_workers)
        run = uuid.uuid4().hex  # a fresh Linker per run on every worker
        [lex] = client.scatter([lexicon], broadcast=True, hash=False)
        parts = client.scatter([papers[a:b] for a, b in ranges], hash=False)
        found = client.gather(client.map(_introductions, parts, lexicon=lex, run=run, pure=False))
        intros = [e for part in found for e in part]
        names = Linker(lexicon).corpus_names(intros)
        [shared] = client.scatter([names], broadcast=True, hash=False)  # a dict alone is split
        futures = client.map(_mentions, parts, names=shared, lexicon=lex, run=run, pure=False)
        mentions: list[Mention] = []
        for (_, end), future in zip(ranges, futures, strict=True):
            mentions.extend(future.result())
            if progress is not None:
                progress(end)
        return mentions, intros
    finally:
        if own:
            close(client)


def _linker(lexicon: Lexicon, run: str) -> Linker:
    if _cache.get("run") != run:
        _cache.clear()
        _cache.update(run=run, linker=Linker(lexicon))
    return _cache["linker"]


def _introductions(papers: list[Paper], lexicon: Lexicon, run: str) -> list[list[LexEntry]]:
    linker = _linker(lexicon, run)
    return [linker.introductions(p, keep=True) for p in papers]  # pass 2 runs by the data


def _mentions(
    papers: list[Paper], names: dict[str, LexEntry], lexicon: Lexicon, run: str
) -> list[Mention]:
    return _linker(lexicon, run).link_named(papers, names)


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
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise GraphtoolError("Parquet needs pyarrow: pip install 'graphtool[dask]'") from None
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    records = [m.to_record() for m in mentions]
    table = pa.table({c: [r[c] for r in records] for c in PARQUET_COLUMNS})
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
