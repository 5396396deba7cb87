"""The project store: a corpus read, merged and linked once, kept in one SQLite file.

``graphtool build CORPUS… -o field.gtdb`` writes it; every command then accepts the
store where it accepts corpus files, and ``gt.open("field.gtdb")`` returns the graph.
One file holds

========================  ======================================================
table                     rows
========================  ======================================================
``meta``                  ``schema_version``, the graphtool version, graph attributes
``papers``                one per merged paper, in corpus order (``record``: JSON)
``papers_fts``            SQLite FTS5 index of titles and abstracts (``search``)
``introductions``         what each paper presents (pass 1 of the linker), for ``add``
``mentions``              every mention with its evidence (``record``: a JSON array; a
                          sentence the paper's text holds as ``[0 title or 1 abstract,
                          start, end]``, schema 6), as the linker found it, and what
                          identity made of it (``resolved``: NULL where nothing, ``-``
                          where dropped, else the changed fields)
``nodes``, ``edges``      the graph; attributes as JSON, whatever they are
``entities``              a view of the entity nodes
``merges``                which records were merged into which paper, and why
``scores``                PageRank of every node (``graphtool centrality`` reads it): one
                          row per metric, the node ids (a JSON array) and their scores
                          (float64 bytes), so that ``add`` writes two values, not a row
                          per node (schema 5)
``links``                 per paper, a digest of its links to papers (for ``add``)
``vectors``               the similarity vectors identity worked out (a cache for ``add``)
``decisions``             identity's attributions, with a digest of what each weighed
                          (a cache for ``add``: the same evidence, the same decision) and
                          its best two scores (schema 4: a group that gained meanings,
                          or whose papers' text changed, is weighed again against those
                          meanings only)
``concepts``              per long name the papers introduce, in how many papers it is
                          written as a general term and used at all (identity's
                          general terms; schema 6: an add counts the changed papers
                          and the new names only)
========================  ======================================================

A store is written to a temporary file next to it and renamed over the old one at the
end, so a build that fails or is killed leaves the previous store as it was.

Example:
    >>> import graphtool as gt, tempfile, os
    >>> papers = gt.read(gt.bundled_corpus())
    >>> path = os.path.join(tempfile.mkdtemp(), "field.gtdb")
    >>> _ = build(papers, path, jobs=1)
    >>> G = open_graph(path)
    >>> G.number_of_nodes() == gt.build_graph(papers).number_of_nodes()
    True
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import ahocorasick
import networkx as nx

from . import _lifetime, analysis, parallel
from . import graph as graph_mod
from .corpus import Corpus
from .errors import GraphtoolError
from .identity import Worked, concept_counts, resolve, vector_arrays, vector_text
from .lexicon import LexEntry, Lexicon
from .linker import Linker, _gc_paused
from .merge import Merge, merge_papers, resolve_references
from .model import Mention, Paper

#: Bumped when the tables change; a store of another version is refused, not misread.
SCHEMA_VERSION = 6
#: The first bytes of every SQLite file: a store is recognised by content, not by name.
SQLITE_HEADER = b"SQLite format 3\x00"
#: Suffix ``graphtool build`` suggests (any name works).
SUFFIX = ".gtdb"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE papers (pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
                     abstract TEXT NOT NULL, year INTEGER, record TEXT NOT NULL);
CREATE VIRTUAL TABLE papers_fts USING fts5(title, abstract, content='papers',
    content_rowid='pos', tokenize='porter unicode61 remove_diacritics 2');
CREATE TABLE introductions (paper INTEGER NOT NULL, entry TEXT NOT NULL);
CREATE TABLE mentions (pos INTEGER PRIMARY KEY, paper TEXT NOT NULL, entity TEXT NOT NULL,
                       relation TEXT NOT NULL, record TEXT NOT NULL, resolved TEXT);
CREATE TABLE nodes (pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT,
                    attrs TEXT NOT NULL);
CREATE TABLE edges (pos INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL,
                    key TEXT, relation TEXT, attrs TEXT NOT NULL);
CREATE TABLE merges (pos INTEGER PRIMARY KEY, paper TEXT, kept TEXT, merged TEXT, why TEXT);
CREATE TABLE scores (metric TEXT PRIMARY KEY, nodes TEXT NOT NULL, vals BLOB NOT NULL);
CREATE TABLE links (paper TEXT PRIMARY KEY, digest TEXT NOT NULL);
CREATE TABLE vectors (paper TEXT PRIMARY KEY, columns BLOB NOT NULL, vals BLOB NOT NULL);
CREATE TABLE concepts (key TEXT PRIMARY KEY, lower INTEGER NOT NULL, used INTEGER NOT NULL);
CREATE TABLE decisions (paper TEXT NOT NULL, field TEXT NOT NULL, start INTEGER NOT NULL,
                        end_ INTEGER NOT NULL, entity TEXT NOT NULL, surface TEXT NOT NULL,
                        family INTEGER NOT NULL, digest TEXT NOT NULL, meaning INTEGER NOT NULL,
                        score REAL NOT NULL, size INTEGER, candidates INTEGER, first REAL,
                        second REAL, first_at INTEGER, second_at INTEGER);
CREATE VIEW entities AS
    SELECT id, kind, json_extract(attrs, '$.name') AS name,
           json_extract(attrs, '$.family') AS family, attrs
    FROM nodes WHERE kind IS NOT 'paper';
"""
#: The tables a store of this schema has (a store missing one is refused: rebuild it).
_TABLES = frozenset(re.findall(r"CREATE (?:VIRTUAL )?TABLE (\w+)", _SCHEMA))
_INDEXES = """
CREATE INDEX mentions_paper ON mentions (paper);
CREATE INDEX edges_source ON edges (source);
CREATE INDEX edges_target ON edges (target);
CREATE INDEX introductions_paper ON introductions (paper);
"""

#: Where rows go (``pos``), so that ``add`` can put new rows between old ones and the
#: store reads back in the order a build writes: a paper's mentions at
#: ``paper position << _MENTION_BITS`` on (meta ``positions`` = ``sparse``; stores
#: written before have ``dense`` positions, which ``add`` rewrites whole), nodes
#: ``1 << _NODE_GAP`` apart, edges in the order of their source node, then their own.
_MENTION_BITS = 24
_NODE_GAP = 16
_EDGES_IN_ORDER = (
    "SELECT e.source, e.target, e.key, e.attrs FROM nodes n "
    "JOIN edges e ON e.source = n.id ORDER BY n.pos, e.pos"
)

#: Centralities computed when a store is written, so that ``graphtool centrality
#: STORE`` answers without loading the graph (the others are computed on demand).
STORED_METRICS = ("pagerank",)


# ------------------------------------------------------------------ JSON that keeps tuples


_LEAVES = frozenset({str, int, float, bool, type(None)})


def _plain(x):
    t = type(x)
    if t is dict:
        return {k: v if type(v) in _LEAVES else _plain(v) for k, v in x.items()}
    if t is list:
        return [v if type(v) in _LEAVES else _plain(v) for v in x]
    if t is tuple:
        return {"__tuple__": [v if type(v) in _LEAVES else _plain(v) for v in x]}
    if t is set or t is frozenset:
        return {"__set__": sorted(_plain(v) for v in x)}
    return x


def _revive(d: dict):
    if len(d) == 1:
        if "__tuple__" in d:
            return tuple(d["__tuple__"])
        if "__set__" in d:
            return set(d["__set__"])
    return d


def dumps(value) -> str:
    """JSON of an attribute value that :func:`loads` turns back into the same value,
    tuples and sets included.

    Example:
        >>> loads(dumps({"aliases": ("A", "B"), "n": [1, 2]}))
        {'aliases': ('A', 'B'), 'n': [1, 2]}
    """
    return _ENCODE(_plain(value))


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def loads(text: str):
    """The value :func:`dumps` wrote.

    Example:
        >>> loads('{"__tuple__": [1, 2]}')
        (1, 2)
    """
    return _DECODER.decode(text)


_DECODER = json.JSONDecoder(object_hook=_revive)


def _loads_many(texts: Sequence[str]) -> list:
    """``[loads(t) for t in texts]``, in one pass of the C decoder (turning tuples and
    sets back on the way where any text holds one)."""
    if not texts:
        return []
    joined = "[" + ",".join(texts) + "]"
    if "__tuple__" in joined or "__set__" in joined:
        return _DECODER.decode(joined)
    return json.loads(joined)


def _expanded(texts: Sequence[str], owners: Sequence[tuple[str, str] | None]) -> list:
    """:func:`_loads_many`, with the spans of a paper's text put back (:func:`_expand`)."""
    values = _loads_many(texts)
    for i, t in enumerate(texts):
        if "__span__" in t:
            _expand(values[i], owners[i])
    return values


# ----------------------------------------------------------------------------- detection


def is_store(path: str | os.PathLike) -> bool:
    """Whether ``path`` is an SQLite file (so a store, whatever its name).

    Example:
        >>> is_store("data/parallel-papers.txt")
        False
    """
    try:
        with open(path, "rb") as f:
            return f.read(16) == SQLITE_HEADER
    except OSError:
        return False


# -------------------------------------------------------------------------------- writing


def build(
    papers: Sequence[Paper],
    path: str | os.PathLike,
    lexicon: Lexicon | None = None,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    lexicon_files: Sequence[str] = (),
    dask: str | None = None,
    parquet: str | os.PathLike | None = None,
) -> Path:
    """Link ``papers`` (on ``jobs`` worker processes, or on the Dask cluster ``dask``:
    a scheduler address or ``"local"``), build the graph and write the store to
    ``path`` atomically; returns the path. ``parquet``: also write the mentions
    there as a Parquet file.

    Example:
        >>> import graphtool as gt, tempfile, os
        >>> out = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "a.gtdb"))
        >>> is_store(out)
        True
    """
    lexicon = lexicon if lexicon is not None else Lexicon.load(extra=lexicon_files)
    papers = list(papers) if not isinstance(papers, Corpus) else papers
    if dask:
        from . import dask_link

        mentions, intros = dask_link.link(papers, dask, lexicon, workers=jobs, progress=progress)
    else:
        mentions, intros = parallel.link_corpus(papers, lexicon, jobs=jobs, progress=progress)
    if parquet is not None:
        from . import dask_link

        dask_link.write_parquet(mentions, parquet)
    merges = list(getattr(papers, "merges", []) or [])
    with _gc_paused():  # many small objects and no reference cycles: no collector passes
        vectors: dict = {}
        memo: dict = {}
        counts = _long_name_counts(papers, intros)  # identity's general terms, kept for add
        resolved, links = resolve(
            papers, mentions, graph_mod._known_names(None), vectors, memo, counted=lambda: counts,
            jobs=jobs,
        )  # fmt: skip
        G = graph_mod.assemble(papers, resolved, links)
        out = write(
            path, papers, mentions, G, intros, merges, lexicon_files, resolved, vectors, memo,
            counts,
        )  # fmt: skip
        _lifetime.keep(locals())  # in a graphtool process: not freed one by one on return
        return out


def write(
    path: str | os.PathLike,
    papers: Sequence[Paper],
    mentions: Sequence[Mention],
    G: nx.MultiDiGraph,
    intros: Sequence[Sequence[LexEntry]],
    merges: Sequence[Merge] = (),
    lexicon_files: Sequence[str] = (),
    resolved: Sequence[Mention] | None = None,
    vectors: dict | None = None,
    memo: dict | None = None,
    concepts: dict[str, tuple[int, int]] | None = None,
) -> Path:
    """Write a store of these papers, mentions and graph to ``path``: to a temporary
    file in the same folder, in one transaction, then renamed over ``path``; on any
    failure (or a kill) the previous file at ``path`` is untouched. ``resolved``: the
    mentions as :func:`~graphtool.identity.resolve` gave them for the graph (resolved
    here when not given); ``vectors``: the papers' similarity vectors it worked out,
    by paper id, and the attributions it decided (``memo``), both kept for ``add``;
    ``concepts``: the counts of the long names the papers introduce
    (:func:`_long_name_counts`, counted here when not given), kept for ``add``.

    Example:
        >>> import graphtool as gt, tempfile, os
        >>> ps = gt.read(gt.bundled_corpus())[:3]
        >>> ms = gt.link(ps)
        >>> p = write(os.path.join(tempfile.mkdtemp(), "s.gtdb"), ps, ms,
        ...           gt.build_graph(ps, ms), [[] for _ in ps])
        >>> len(Store(p).papers())
        3
    """
    from . import __version__

    if resolved is None:
        resolved = resolve(papers, mentions, graph_mod._known_names(None))[0]
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and not target.is_file():
        raise GraphtoolError("is not a file", str(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode = OFF")  # a temporary file: the rename commits
            con.execute("PRAGMA synchronous = OFF")
            con.executescript(_SCHEMA)
            con.execute("BEGIN")
            meta = {
                "schema_version": str(SCHEMA_VERSION),
                "graphtool_version": __version__,
                "graph": dumps(dict(G.graph)),
                "lexicon_files": dumps(list(lexicon_files)),
                "identity": _identity_key(),
            }
            con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            con.executemany(
                "INSERT INTO papers VALUES (?, ?, ?, ?, ?, ?)",
                (
                    (i, p.id, p.title, p.abstract, p.year, dumps(_paper_record(p)))
                    for i, p in enumerate(papers)
                ),
            )
            con.execute("INSERT INTO papers_fts (papers_fts) VALUES ('rebuild')")
            con.executemany(
                "INSERT INTO introductions VALUES (?, ?)",
                ((i, dumps(dict(vars(e)))) for i, es in enumerate(intros) for e in es),
            )
            texts = {p.id: (p.title, p.abstract) for p in papers}
            by_node = {graph_mod.paper_node(p.id): (p.title, p.abstract) for p in papers}
            places = _mention_positions(papers, mentions)
            con.execute(
                "INSERT INTO meta VALUES ('positions', ?)",
                ("dense" if places is None else "sparse",),
            )
            con.executemany(
                "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
                (
                    (i, m.paper, m.entity, m.relation, dumps(_mention_record(m, texts)), r)
                    for i, m, r in zip(
                        places or range(len(mentions)),
                        mentions,
                        _resolutions(mentions, resolved),
                        strict=True,
                    )
                ),
            )
            con.executemany(
                "INSERT INTO nodes VALUES (?, ?, ?, ?)",
                (
                    (i << _NODE_GAP, n, a.get("kind"), dumps(_squeeze(a, by_node.get(n))))
                    for i, (n, a) in enumerate(G.nodes(data=True))
                ),
            )
            con.executemany(
                "INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?)",
                (
                    (i, u, v, dumps(k), a.get("relation"), dumps(_squeeze(a, by_node.get(u))))
                    for i, (u, v, k, a) in enumerate(G.edges(keys=True, data=True))
                ),
            )
            for metric in STORED_METRICS:
                con.execute(
                    _INSERT_SCORES, _scores_row(metric, dict(analysis.centrality(G, metric)))
                )
            con.executemany(
                "INSERT INTO merges VALUES (?, ?, ?, ?, ?)",
                ((i, m.paper, m.kept, m.merged, m.why) for i, m in enumerate(merges)),
            )
            if vectors:
                con.executemany(
                    "INSERT INTO vectors VALUES (?, ?, ?)",
                    _vector_rows((p.id, vectors[p.id]) for p in papers if p.id in vectors),
                )
            if memo:
                con.executemany(_INSERT_DECISION, _decision_rows(memo))
            con.executemany("INSERT INTO links VALUES (?, ?)", _link_digests(G).items())
            if concepts is None:
                concepts = _long_name_counts(papers, intros)
            con.executemany(_INSERT_CONCEPT, _concept_rows(concepts))
            for statement in _INDEXES.strip().split(";"):
                if statement.strip():
                    con.execute(statement)
            con.execute("COMMIT")
        finally:
            con.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _mention_positions(papers: Sequence[Paper], mentions: Sequence[Mention]) -> list[int] | None:
    """Each mention's ``pos``: its paper's position, shifted, plus its rank in the paper;
    None when the mentions are not in paper order (they then keep dense positions)."""
    index = {p.id: i for i, p in enumerate(papers)}
    out: list[int] = []
    last, seq = -1, 0
    for m in mentions:
        i = index.get(m.paper)
        if i is None or i < last:
            return None
        seq = seq + 1 if i == last else 0
        if seq >> _MENTION_BITS:
            return None
        last = i
        out.append((i << _MENTION_BITS) + seq)
    return out


_INSERT_DECISION = f"INSERT INTO decisions VALUES ({', '.join('?' * 16)})"


def _decision_rows(memo: dict):
    for (paper, field, start, end, entity, surface, family), v in memo.items():
        weighed = v[3:] if len(v) == 9 else (None,) * 6
        yield paper, field, start, end, entity, surface, int(family), *v[:3], *weighed


_INSERT_SCORES = "INSERT OR REPLACE INTO scores VALUES (?, ?, ?)"


def _scores_row(metric: str, scores: dict[str, float]) -> tuple[str, str, bytes]:
    """A ``scores`` row: the metric, its nodes (a JSON array) and their scores (float64).

    Example:
        >>> _scores_row("pagerank", {"paper:a": 0.75, "entity:b": 0.25})[:2]
        ('pagerank', '["paper:a", "entity:b"]')
    """
    import numpy as np

    values = np.fromiter(scores.values(), np.float64, len(scores))
    return metric, json.dumps(list(scores), ensure_ascii=False), values.tobytes()


_INSERT_CONCEPT = "INSERT INTO concepts VALUES (?, ?, ?)"


def _concept_rows(counts: dict[str, tuple[int, int]]):
    return ((key, lower, used) for key, (lower, used) in sorted(counts.items()))


@functools.lru_cache(maxsize=1)
def _identity_key() -> str:
    """A digest of the rules behind identity's decisions: graphtool's code (identity reads
    text helpers, the linker's name keys and the lexicon's kinds), its word lists and
    background IDF, and the versions of the libraries that weigh words (scikit-learn's
    hashing, wordfreq's frequencies, numpy). The vectors and decisions a store keeps are
    used again only under the same rules.

    Example:
        >>> len(_identity_key())
        32
    """
    import hashlib
    from importlib.metadata import version

    from ._resources import data_path

    package = Path(__file__).parent
    h = hashlib.blake2b(digest_size=16)
    paths = sorted(package.rglob("*.py")) + sorted(data_path("lexicon").glob("*.json*"))
    for path in paths:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for lib in ("scikit-learn", "wordfreq", "numpy"):
        h.update(f"{lib}={version(lib)}".encode())
    return h.hexdigest()


def _vector_rows(items: Iterable[tuple[str, tuple]]):
    import numpy as np

    for pid, (cols, vals) in items:
        yield pid, np.asarray(cols, np.int32).tobytes(), np.asarray(vals, np.float64).tobytes()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Strings at least this long that a paper's title or abstract holds are stored as
#: a reference to it (a sentence as its offsets), not again.
_SQUEEZE = 20
_COLUMNS = ("paper", "entity", "relation")
#: A stored mention's ``record``: a JSON array of these fields (all of a mention's but
#: its columns), in this order; its ``aliases`` as an array. A mention is made of them
#: positionally (:meth:`Store._stored`) where its fields come in this order.
_RECORD = tuple(f for f in Mention.__slots__ if f not in _COLUMNS)
_RECORD_IN_ORDER = Mention.__slots__ == (
    "paper", "entity", "kind", "family", "relation", "surface", "field", "start", "end",
    "sentence", "confidence", "how", "title", "aliases",
)  # fmt: skip


def _squeeze(attrs: dict, texts: tuple[str, str] | None) -> dict:
    """``attrs`` with the strings that the paper's title or abstract holds replaced by
    where they are in it (a sentence, the abstract itself): what :func:`_expand` undoes."""
    if texts is None:
        return attrs
    out = {}
    for k, v in attrs.items():
        if type(v) is str and len(v) >= _SQUEEZE:
            for field, text in zip(("title", "abstract"), texts, strict=True):
                i = text.find(v)
                if i >= 0:
                    v = {"__span__": [field, i, i + len(v)]}
                    break
        out[k] = v
    return out


def _expand(attrs: dict, texts: tuple[str, str] | None) -> dict:
    if texts is None:
        return attrs
    for k, v in attrs.items():
        if type(v) is dict and len(v) == 1 and "__span__" in v:
            field, i, j = v["__span__"]
            attrs[k] = texts[field == "abstract"][i:j]
    return attrs


def _paper_record(p: Paper) -> dict:
    # title and abstract are columns of their own
    return {f: getattr(p, f) for f in Paper.__slots__ if f != "title" and f != "abstract"}


def _mention_record(m: Mention, texts: dict[str, tuple[str, str]]) -> list:
    """The fields of :data:`_RECORD`, the long strings its paper's text holds as spans
    (:func:`_squeeze`), each an array ``[0 title or 1 abstract, start, end]`` (schema 6;
    an object before: arrays are read back without a dict per span).

    Example:
        >>> m = Mention("p", "Medusa", "system", "Medusa", "mentions", "Medusa", "abstract",
        ...             8, 14, "We beat Medusa on long prompts.", 0.95, "lexicon", "T")
        >>> rec = _mention_record(m, {"p": ("T", "We beat Medusa on long prompts.")})
        >>> rec[:6]
        ['system', 'Medusa', 'Medusa', 'abstract', 8, 14]
        >>> rec[6:]
        [[1, 0, 31], 0.95, 'lexicon', 'T', []]
    """
    rec = _squeeze({f: getattr(m, f) for f in _RECORD}, texts.get(m.paper))
    rec["aliases"] = list(rec["aliases"])
    return [
        [int(x["__span__"][0] == "abstract"), *x["__span__"][1:]] if type(x) is dict else x
        for x in rec.values()
    ]


#: ``resolved`` of a mention that identity dropped (a field's name, no entity).
_DROPPED = "-"


def _resolutions(raw: Sequence[Mention], resolved: Sequence[Mention]) -> list[str | None]:
    """Per mention of ``raw``, what :func:`~graphtool.identity.resolve` made of it:
    None where nothing, :data:`_DROPPED`, or the JSON of the fields it changed
    (``resolved`` holds the mentions it kept, in order, at the same places)."""
    out: list[str | None] = []
    j, n = 0, len(resolved)
    for m in raw:
        r = resolved[j] if j < n else None
        if r is m:
            out.append(None)
        elif r is not None and (r.paper, r.field, r.start, r.end, r.surface) == (
            m.paper, m.field, m.start, m.end, m.surface
        ):  # fmt: skip
            diff = {f: v for f in Mention.__slots__ if (v := getattr(r, f)) != getattr(m, f)}
            out.append(dumps(diff) if diff else None)
        else:
            out.append(_DROPPED)
            continue
        j += 1
    if j != n:
        raise ValueError("resolved mentions out of step with the linker's")
    return out


def _resolved(m: Mention, resolution: str | None) -> Mention | None:
    """The mention as identity left it (:func:`_resolutions` undone)."""
    if resolution is None:
        return m
    if resolution == _DROPPED:
        return None
    return replace(m, **loads(resolution))


# -------------------------------------------------------------------------------- reading


class Store:
    """An open store: its papers, mentions and graph, each read when first asked for.

    Example:
        >>> import graphtool as gt, tempfile, os
        >>> path = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "f.gtdb"))
        >>> st = Store(path)
        >>> st.search("speculative decoding")[0]["title"][:10]
        'Clover: Re'
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GraphtoolError("no such store", str(self.path))
        if not is_store(self.path):
            raise GraphtoolError("not a graphtool store (not an SQLite file)", str(self.path))
        if Path(f"{self.path}-journal").exists():
            _recover(self.path)
        try:
            self.con = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
            rows = dict(self.con.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as e:
            raise GraphtoolError(f"not a graphtool store ({e})", str(self.path)) from None
        version = rows.get("schema_version")
        tables = {r[0] for r in self.con.execute("SELECT name FROM sqlite_master")}
        if version == str(SCHEMA_VERSION) and not tables >= _TABLES:
            version = f"{version} without the tables {', '.join(sorted(_TABLES - tables))}"
        if version != str(SCHEMA_VERSION):
            raise GraphtoolError(
                f"store schema version {version}, this graphtool reads {SCHEMA_VERSION}: "
                "rebuild it with graphtool build",
                str(self.path),
            )
        self.meta = rows
        self._papers: Corpus | None = None

    @property
    def lexicon_files(self) -> list[str]:
        """The ``--lexicon`` files the store was built with.

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> Store(p).lexicon_files
            []
        """
        return loads(self.meta.get("lexicon_files", "[]"))

    def papers(self) -> Corpus:
        """The papers, in corpus order, as a :class:`~graphtool.corpus.Corpus` (with its merges).

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> len(Store(p).papers())
            89
        """
        if self._papers is None:
            rows = self.con.execute(
                "SELECT title, abstract, record FROM papers ORDER BY pos"
            ).fetchall()
            records = _loads_many([r for _, _, r in rows])
            corpus = Corpus(
                Paper(title=t, abstract=a, **rec)
                for (t, a, _), rec in zip(rows, records, strict=True)
            )
            corpus.merges = [
                Merge(*r)
                for r in self.con.execute(
                    "SELECT paper, kept, merged, why FROM merges ORDER BY pos"
                )
            ]
            corpus.merged = [(m.kept, m.merged) for m in corpus.merges]
            self._papers = corpus
        return self._papers

    def mentions(self) -> list[Mention]:
        """Every mention, in paper order then text order.

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> Store(p).mentions() == gt.link(gt.read(gt.bundled_corpus()))
            True
        """
        with _gc_paused():
            return self._mentions()

    def _mentions(self) -> list[Mention]:
        return self._stored()[0]

    def _stored(self) -> tuple[list[Mention], list[str | None]]:
        """The mentions as the linker found them, and per mention what identity made
        of it (the ``resolved`` column: see :func:`_resolutions`)."""
        texts = self._texts()
        rows = self.con.execute(
            "SELECT paper, entity, relation, record, resolved FROM mentions ORDER BY pos"
        ).fetchall()
        records = json.loads("[" + ",".join([r[3] for r in rows]) + "]")  # arrays: no hook
        raw = []
        for (p, e, r, _, _), v in zip(rows, records, strict=True):
            own = texts.get(p)  # a span (an array: the aliases are the only other) read there
            if _RECORD_IN_ORDER:
                x = v if own is None else [
                    own[y[0]][y[1] : y[2]] if type(y) is list else y for y in v[:10]
                ]  # fmt: skip
                raw.append(Mention(p, e, x[0], x[1], r, x[2], x[3], x[4], x[5], x[6], x[7],
                                   x[8], x[9], tuple(v[10])))  # fmt: skip
            else:
                rec = dict(zip(_RECORD, v, strict=True))
                for f, y in rec.items():
                    if type(y) is list and f != "aliases" and own is not None:
                        rec[f] = own[y[0]][y[1] : y[2]]
                rec["aliases"] = tuple(rec["aliases"])
                raw.append(Mention(paper=p, entity=e, relation=r, **rec))
        return raw, [r[4] for r in rows]

    def _texts(self) -> dict[str, tuple[str, str]]:
        if self._papers is not None:  # read already
            return {p.id: (p.title, p.abstract) for p in self._papers}
        return {i: (t, a) for i, t, a in self.con.execute("SELECT id, title, abstract FROM papers")}

    def vectors(self) -> dict:
        """The similarity vectors identity worked out (:class:`~graphtool.identity._Similarity`),
        by paper id: column and value arrays.

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> cols, vals = next(iter(Store(p).vectors().values()))
            >>> round(float((vals ** 2).sum()), 6)
            1.0
        """
        import numpy as np

        return {
            pid: (np.frombuffer(cols, np.int32), np.frombuffer(vals, np.float64))
            for pid, cols, vals in self.con.execute("SELECT paper, columns, vals FROM vectors")
        }

    def decisions(self) -> dict:
        """Identity's attributions as the store keeps them (``resolve``'s ``memo``).

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> len(Store(p).decisions()) > 0
            True
        """
        return self._decisions()[0]

    def _decisions(self) -> tuple[dict, dict]:
        """:meth:`decisions`, and the row each is kept in (its ``rowid``), by the same key:
        an add rewrites only the rows of the decisions that changed."""
        memo, rows = {}, {}
        for r in self.con.execute("SELECT rowid, * FROM decisions"):
            key = (r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]))
            memo[key], rows[key] = r[8:], r[0]
        return memo, rows

    def concepts(self) -> dict[str, tuple[int, int]]:
        """The kept counts of the long names the papers introduce (identity's general
        terms: :func:`_long_name_counts`), by lower-case name.

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> Store(p).concepts()["big little decoder"]
            (0, 1)
        """
        return {k: (lo, used) for k, lo, used in self.con.execute("SELECT * FROM concepts")}

    def introductions(self) -> list[list[LexEntry]]:
        """What each paper presents (the linker's pass 1), in paper order.

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> sum(map(len, Store(p).introductions())) > 10
            True
        """
        out: list[list[LexEntry]] = [[] for _ in range(self.count())]
        rows = self.con.execute("SELECT paper, entry FROM introductions ORDER BY rowid").fetchall()
        for (pos, _), entry in zip(rows, _loads_many([e for _, e in rows]), strict=True):
            out[pos].append(LexEntry(**entry))  # decoded in one pass of the C decoder
        return out

    def count(self) -> int:
        """How many papers the store holds.

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> Store(p).count()
            89
        """
        return self.con.execute("SELECT count(*) FROM papers").fetchone()[0]

    def counts(self) -> dict[str, int]:
        """How many papers, mentions, nodes and edges the store holds.

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> Store(p).counts()["papers"]
            89
        """
        return {
            t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("papers", "mentions", "nodes", "edges")
        }

    def graph(self) -> nx.MultiDiGraph:
        """The graph, node for node and edge for edge as it was built.

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> Store(p).graph().nodes["entity:medusa"]["kind"]
            'system'
        """
        with _gc_paused():
            return self._graph()

    def _graph(self) -> nx.MultiDiGraph:
        G = nx.MultiDiGraph()
        G.graph.update(loads(self.meta.get("graph", "{}")))
        by_node = {graph_mod.paper_node(i): t for i, t in self._texts().items()}
        rows = self.con.execute("SELECT id, attrs FROM nodes ORDER BY pos").fetchall()
        attrs = _expanded([a for _, a in rows], [by_node.get(n) for n, _ in rows])
        G.add_nodes_from(zip((n for n, _ in rows), attrs, strict=True))
        del rows, attrs
        rows = self.con.execute(_EDGES_IN_ORDER).fetchall()
        keys = _loads_many([r[2] for r in rows])
        attrs = _expanded([r[3] for r in rows], [by_node.get(r[0]) for r in rows])
        G.add_edges_from((u, v, k, a) for (u, v, _, _), k, a in zip(rows, keys, attrs, strict=True))
        return G

    def centrality(self, metric: str, kind: str | None = None) -> list[tuple[str, float]] | None:
        """:func:`graphtool.centrality` of the stored graph, as computed when the store
        was written, without loading the graph; None for a metric not stored
        (:data:`STORED_METRICS`).

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> papers = gt.read(gt.bundled_corpus())
            >>> p = build(papers, os.path.join(tempfile.mkdtemp(), "x"))
            >>> Store(p).centrality("pagerank", "paper") == gt.centrality(
            ...     gt.build_graph(papers), "pagerank", kind="paper")
            True
        """
        if metric not in STORED_METRICS:
            return None
        import numpy as np

        got = self.con.execute("SELECT nodes, vals FROM scores WHERE metric = ?", (metric,))
        nodes, vals = got.fetchone() or ("[]", b"")
        rows = list(zip(json.loads(nodes), np.frombuffer(vals, np.float64).tolist(), strict=True))
        if kind is not None:
            of_kind = {
                n for (n,) in self.con.execute("SELECT id FROM nodes WHERE kind = ?", (kind,))
            }
            rows = [r for r in rows if r[0] in of_kind]
        rows.sort(key=lambda r: (-round(r[1], 12), r[0]))  # as graphtool.centrality sorts
        return rows

    def node_attrs(self, nodes: Iterable[str]) -> dict[str, dict]:
        """The attributes of a few nodes, read without loading the graph.

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> Store(p).node_attrs(["entity:medusa"])["entity:medusa"]["name"]
            'Medusa'
        """
        nodes = list(nodes)
        texts = self._texts_of([n.removeprefix("paper:") for n in nodes if n.startswith("paper:")])
        out = {}
        for i in range(0, len(nodes), 500):
            part = nodes[i : i + 500]
            marks = ",".join("?" * len(part))
            for n, a in self.con.execute(
                f"SELECT id, attrs FROM nodes WHERE id IN ({marks})", part
            ):
                owner = texts.get(n.removeprefix("paper:")) if n.startswith("paper:") else None
                out[n] = _expand(loads(a), owner)
        return out

    def _texts_of(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        out = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            marks = ",".join("?" * len(part))
            sql = f"SELECT id, title, abstract FROM papers WHERE id IN ({marks})"
            out.update({i: (t, a) for i, t, a in self.con.execute(sql, part)})
        return out

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Papers whose title or abstract hold every word of ``query`` (stemmed, case
        and accents ignored; a phrase in double quotes must appear as written), best
        first (BM25), each with a snippet of the abstract.

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> len(Store(p).search('"pipeline parallelism" bubbles', limit=3)) > 0
            True
        """
        match = fts_query(query)
        if not match:
            raise GraphtoolError("nothing to search for", str(self.path))
        try:
            rows = self._search(match, limit)
        except sqlite3.OperationalError as e:
            raise GraphtoolError(f"cannot search for {query!r}: {e}", str(self.path)) from None
        return [
            {"paper": i, "year": y, "title": t, "snippet": s, "score": round(-sc, 3)}
            for i, y, t, s, sc in rows
        ]

    def _search(self, match: str, limit: int) -> list[tuple]:
        return self.con.execute(
            "SELECT p.id, p.year, p.title, snippet(papers_fts, 1, '[', ']', '…', 16), "
            "bm25(papers_fts, 2.0, 1.0) AS score FROM papers_fts "
            "JOIN papers p ON p.pos = papers_fts.rowid "
            "WHERE papers_fts MATCH ? ORDER BY score, p.pos LIMIT ?",
            (match, limit),
        ).fetchall()

    def close(self) -> None:
        """Close the database.

        Example:
            >>> import graphtool as gt, tempfile, os
            >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
            >>> Store(p).close()
        """
        self.con.close()


def _recover(path: Path) -> None:
    """Roll back what an add killed midway left in the store (SQLite does it when the
    store is next opened for writing; a read-only opening cannot)."""
    try:
        con = sqlite3.connect(path)
        try:
            con.execute("SELECT count(*) FROM meta").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        pass  # not writable here: the read-only opening says what is wrong


def fts_query(text: str) -> str:
    """An FTS5 query from what a user types: every word required, quoted phrases kept
    as phrases, no FTS5 operator taken from the text.

    Example:
        >>> fts_query('"speculative decoding" tree-based')
        '"speculative decoding" "tree-based"'
    """
    parts: list[str] = []
    for i, chunk in enumerate(text.split('"')):
        if i % 2:  # inside quotes: a phrase
            if chunk.strip():
                parts.append('"' + chunk.strip() + '"')
        else:
            parts.extend(f'"{w}"' for w in chunk.split())
    return " ".join(parts)


def open_graph(path: str | os.PathLike) -> nx.MultiDiGraph:
    """The graph kept in the store at ``path`` (``gt.open``).

    Example:
        >>> import graphtool as gt, tempfile, os
        >>> p = build(gt.read(gt.bundled_corpus()), os.path.join(tempfile.mkdtemp(), "x"))
        >>> gt.open(p).number_of_nodes() > 89
        True
    """
    st = Store(path)
    try:
        return st.graph()
    finally:
        st.close()


# ---------------------------------------------------------------------------------- adding


def add(
    path: str | os.PathLike,
    new: Sequence[Paper],
    lexicon: Lexicon | None = None,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Add the records ``new`` to the store at ``path``: merged with the stored papers,
    only the new (or newly merged) papers linked, and the old papers re-checked only
    where a name that appeared or changed with them occurs. The store then equals a
    build of the whole corpus from scratch. Returns counts of what was done. Unless
    ``jobs`` is 1, the merge and linking, and the new papers' similarity vectors, are
    worked out in forked processes while the store is read (:class:`_LinkedAhead`,
    :class:`_VectorsAhead`).

    Example:
        >>> import graphtool as gt, tempfile, os
        >>> ps = gt.read(gt.bundled_corpus())
        >>> p = build(ps[:80], os.path.join(tempfile.mkdtemp(), "x"))
        >>> add(p, ps[80:])["added"]
        9
    """
    ahead = _VectorsAhead(new, jobs)  # on another core, while the store is read
    half = _LinkedAhead()  # started once the stored papers are read
    try:
        with _gc_paused():  # many small objects and no reference cycles: no collector passes
            return _add(path, new, lexicon, jobs, progress, ahead, half)
    finally:
        ahead.close()
        half.close()


class _Forked:
    """A process an add forks to work beside it, and the add's end of its pipe (see
    :class:`_VectorsAhead` and :class:`_LinkedAhead`)."""

    proc = conn = None

    @staticmethod
    def worth(n: int, jobs: int | None) -> bool:
        """Is forking for ``n`` papers worth it? Not with ``jobs`` 1, nor for an add large
        enough to link on worker processes (they use every core), nor where fork is not the
        start method or where other threads run (a forked child could inherit a held
        lock)."""
        return jobs != 1 and n < max(parallel.MIN_PARALLEL, ADD_IN_PROCESS) and parallel.can_fork()

    def _fork(self, target: Callable, args: tuple, duplex: bool = True) -> None:
        """Start ``target(*args, its end of the pipe)`` in a forked process."""
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self.conn, theirs = ctx.Pipe(duplex)
        self.proc = ctx.Process(target=target, args=(*args, theirs), daemon=True)
        self.proc.start()
        theirs.close()

    def close(self) -> None:
        """Stop the process (where it still runs) and release it."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self.proc is not None:
            if self.proc.is_alive():
                self.proc.terminate()
            self.proc.join()
            self.proc = None


class _VectorsAhead(_Forked):
    """The similarity vectors of the new records' texts (see
    :func:`graphtool.identity.vector_text`), worked out in a forked process while the
    add reads the store; that process then works out the vectors identity asks for
    (:meth:`vectorize`: stored papers' that no build needed before), so the add itself
    never imports scikit-learn (a second). A vector depends on its paper's text only,
    so it is the one identity would work out (the same bits). Nothing is started with
    ``jobs`` 1, for an add large enough to link on worker processes (they use every
    core), where fork is not the start method, or where other threads run (a forked
    child could inherit a held lock).

    Example:
        >>> from graphtool import Paper
        >>> ahead = _VectorsAhead([Paper("a", "Prism", "GPU sharing.")], jobs=2)
        >>> ahead.take().get("Prism. GPU sharing.", "not started") is not None
        True
        >>> indptr, cols, vals = ahead.vectorize(["Radio bursts.", "Prism. GPU sharing."])
        >>> ahead.close(); indptr.tolist(), len(cols) == len(vals)
        ([0, 2, 5], True)
    """

    def __init__(self, papers: Sequence[Paper], jobs: int | None) -> None:
        self.texts = list(dict.fromkeys(vector_text(p) for p in papers))
        self.taken = False
        if self.texts and self.worth(len(self.texts), jobs):
            self._fork(_vectors_of, (self.texts,))

    def take(self) -> dict[str, tuple]:
        """Text -> (columns, values), as :class:`~graphtool.identity._Similarity` keeps
        them; empty where nothing was started or the process failed."""
        got = self._ask(None) if not self.taken else None
        self.taken = True
        if got is None:
            return {}
        indptr, indices, data = got
        return {
            t: (indices[indptr[k] : indptr[k + 1]], data[indptr[k] : indptr[k + 1]])
            for k, t in enumerate(self.texts)
        }

    def vectorize(self, texts: list[str]) -> tuple:
        """:func:`graphtool.identity.vector_arrays` of ``texts``, worked out by the
        process (here where it is gone)."""
        if not self.taken:
            self.take()  # the first answer is the new records' vectors
        got = self._ask(texts)
        return got if got is not None else vector_arrays(texts)

    def _ask(self, texts: list[str] | None):
        if self.conn is None:
            return None
        try:
            if texts is not None:
                self.conn.send(texts)
            return self.conn.recv()
        except (EOFError, OSError):
            self.close()
            return None


def _vectors_of(texts: list[str], conn) -> None:
    try:
        while texts is not None:
            conn.send(vector_arrays(texts))
            texts = conn.recv()
    except (EOFError, OSError):
        pass  # the add is over
    finally:
        conn.close()


def _add(
    path: str | os.PathLike,
    new: Sequence[Paper],
    lexicon: Lexicon | None,
    jobs: int | None,
    progress: Callable[[int], None] | None,
    ahead: _VectorsAhead,
    half: _LinkedAhead,
) -> dict:
    st = Store(path)
    try:
        if lexicon is None:
            lexicon = Lexicon.load(extra=st.lexicon_files)
        lexicon_files = st.lexicon_files
        sparse = st.meta.get("positions") == "sparse"
        old = st.papers()
        old_intros = st.introductions()
        kept_counts = _KeptCounts(path, old, old_intros, st.concepts())
    finally:
        st.close()
    # the merge and the linking on another core, while this process reads the rest
    half.start(old, old_intros, new, lexicon, jobs, kept_counts)
    st = Store(path)
    try:
        st._papers = old  # read already: the spans of the stored mentions are read in them
        old_mentions, old_res = st._stored()
        # what identity worked out before, where its rules are the same as this one's
        kept = st.meta.get("identity") == _identity_key()
        vectors = st.vectors() if kept else {}
        memo, memo_rows = st._decisions() if kept else ({}, None)
    finally:
        st.close()
    worked = Worked()  # while the linking half works: what identity asks of single mentions
    if half.conn is not None:
        for _ in worked.ahead(old, old_mentions, (k[0] for k in memo)):
            if half.ready():
                break
    linked = half.take()
    if linked is None:  # not started (or it failed): here
        linked = _linked(old, old_intros, new, lexicon, jobs, progress)
    elif progress is not None:
        progress(len(linked.relink))
    papers = Corpus(old[x] if type(x) is int else x for x in linked.papers)
    papers.merges = old.merges + list(getattr(new, "merges", None) or []) + linked.merges
    papers.merged = [(m.kept, m.merged) for m in papers.merges]
    merges, changed, redo, relink = linked.merges, linked.changed, linked.redo, linked.relink
    before = {p.id: i for i, p in enumerate(old)}
    fresh = [i for i in changed if papers[i].id not in before]
    intros = [
        old_intros[before[p.id]] if p.id in before else [] for p in papers
    ]  # old papers keep their introductions unless their text changed
    for i, found in zip(redo, linked.intros, strict=True):
        intros[i] = found
    by_paper: dict[str, list[Mention]] = {}
    for m in old_mentions:
        by_paper.setdefault(m.paper, []).append(m)
    for i in relink:
        by_paper[papers[i].id] = []
    for m in linked.found:
        by_paper.setdefault(m.paper, []).append(m)
    mentions = [m for p in papers for m in by_paper.get(p.id, [])]
    del by_paper
    for i in changed:  # a vector is of a paper's text
        vectors.pop(papers[i].id, None)
    stored_vectors = set(vectors)
    ready = ahead.take()  # the new records' vectors, worked out meanwhile
    for i in changed:
        v = ready.get(vector_text(papers[i]))
        if v is not None:
            vectors[papers[i].id] = v
    stale = [papers[i].id for i in redo]  # their text changed: weighed again
    memo_before = dict(memo)  # resolve leaves its own decisions in memo
    counts: list[dict[str, tuple[int, int]]] = []

    def counted() -> dict[str, tuple[int, int]]:  # the linking half's, else here
        got = half.counted()
        if got is None:
            got = _long_name_counts(papers, intros, kept_counts, changed)
        counts.append(got)
        return got

    resolved, links = resolve(
        papers, mentions, graph_mod._known_names(None), vectors, memo, stale, ahead.vectorize,
        counted, worked, jobs,
    )  # fmt: skip
    concepts = counts[0] if counts else _long_name_counts(papers, intros, kept_counts, changed)
    in_place = sparse and all(papers[i].id == p.id for i, p in enumerate(old))
    done = _Done(mentions, resolved, (old_mentions, old_res), changed, redo, relink)
    done.links = links
    done.vectors = [  # in the papers' order, however they were worked out
        (p.id, vectors[p.id]) for p in papers if p.id in vectors and p.id not in stored_vectors
    ]
    done.memo = memo
    done.memo_kept = None if memo_rows is None else (memo_before, memo_rows)
    done.concepts = concepts
    done.jobs = jobs
    if not in_place or not _update(path, papers, intros, papers.merges[len(old.merges) :], done):
        G = graph_mod.assemble(papers, resolved, links)
        write(
            path, papers, mentions, G, intros, papers.merges, lexicon_files, resolved, vectors,
            memo, concepts,
        )  # fmt: skip
    _lifetime.keep(locals())  # in a graphtool process: not freed one by one on return
    return {
        "added": len(fresh),
        "merged": len(merges),
        "rechecked": linked.rechecked,
        "linked": len(relink),
        "papers": len(papers),
    }


class _Linked:
    """What the first half of an add works out from the stored papers and their
    introductions (:func:`_linked`), in few bytes: the papers after the merge, each as
    its index among the stored ones where it is that paper unchanged, else the paper;
    the new merges; the indexes of the papers that changed, of those whose
    introductions were found again (``redo``, with them: ``intros``) and of those
    linked again (``relink``, with their mentions: ``found``); how many stored papers
    were re-checked for new names."""

    def __init__(self, papers, merges, changed, redo, intros, relink, found, rechecked) -> None:
        self.papers, self.merges, self.changed = papers, merges, changed
        self.redo, self.intros, self.relink = redo, intros, relink
        self.found, self.rechecked = found, rechecked


def _linked(
    old: Sequence[Paper],
    old_intros: list[list[LexEntry]],
    new: Sequence[Paper],
    lexicon: Lexicon,
    jobs: int | None,
    progress: Callable[[int], None] | None,
) -> _Linked:
    """The merge of the new records with the stored papers, the introductions of the
    papers whose text changed, and the mentions of the papers linked again: the new and
    changed ones, and the stored ones that hold a name that appeared or changed."""
    merged, merges = merge_papers([*old, *new], known=len(old))
    papers = resolve_references(merged)
    linker = Linker(lexicon)
    before = {p.id: (i, p) for i, p in enumerate(old)}
    changed = [i for i, p in enumerate(papers) if before.get(p.id, (0, None))[1] != p]
    intros = [
        old_intros[before[p.id][0]] if p.id in before else [] for p in papers
    ]  # old papers keep their introductions unless their text changed
    redo = [i for i in changed if _text_changed(before, papers[i])]
    for i, found in zip(redo, _intros(linker, [papers[i] for i in redo], jobs), strict=True):
        intros[i] = found
    old_names = linker.corpus_names(old_intros)
    names = linker.corpus_names(intros)
    moved = [e for n, e in names.items() if old_names.get(n) != e]
    moved += [e for n, e in old_names.items() if names.get(n) != e]
    recheck = _containing(papers, moved, exclude=set(changed))
    relink = sorted(set(changed) | set(recheck))
    found = _link_named(linker, [papers[i] for i in relink], names, jobs, progress)
    changed_at = set(changed)
    out = _Linked(
        [p if i in changed_at else before[p.id][0] for i, p in enumerate(papers)],
        merges, changed, redo, [intros[i] for i in redo], relink, found, len(recheck),
    )  # fmt: skip
    out.whole = (papers, intros)  # not sent: for _long_name_counts
    return out


def _long_name_counts(
    papers: Sequence[Paper],
    intros: Sequence[Sequence[LexEntry]],
    kept: _KeptCounts | None = None,
    changed: Sequence[int] = (),
) -> dict[str, tuple[int, int]]:
    """:func:`graphtool.identity.concept_counts` of the long names the papers introduce
    (those that identity weighs as maybe general terms, with any it finds itself).
    ``kept``: a store's counts before an add, and the papers and introductions they
    are of; only the papers that changed since (their indexes in ``papers``:
    ``changed``) are counted then (their stored text out, their text now in), and the
    stored papers for a name the store did not count (found through its full-text
    index): the same counts as counting every paper.

    Example:
        >>> from graphtool import Paper
        >>> from graphtool.lexicon import LexEntry
        >>> ps = [Paper("a", "T", "Big Little Decoder (BiLD) is fast."),
        ...       Paper("b", "T", "We study big little decoder designs.")]
        >>> _long_name_counts(ps, [[LexEntry("BiLD", "method", aliases=("Big Little Decoder",))],
        ...                        []])
        {'big little decoder': (1, 2)}
    """
    keys = _long_keys(intros)
    if kept is None:
        return concept_counts(papers, keys)
    return kept.after(papers, keys, changed)


def _long_keys(intros: Iterable[Iterable[LexEntry]]) -> set[str]:
    return {
        a.lower()
        for found in intros
        for e in found
        for a in (e.name, *e.aliases)
        if " " in a and not a.islower()
    }


class _KeptCounts:
    """A store's kept counts of long names (:func:`_long_name_counts` of ``old``, the
    stored papers, for the names of their introductions ``old_intros``), and the
    store's path for its full-text index."""

    def __init__(self, path, old, old_intros, counts: dict[str, tuple[int, int]]) -> None:
        self.path, self.old, self.counts = path, old, counts
        self.keys = _long_keys(old_intros)

    def after(
        self, papers: Sequence[Paper], keys: set[str], changed: Sequence[int]
    ) -> dict[str, tuple[int, int]]:
        """The counts for ``keys`` over ``papers``: the stored ``old`` ones unless at
        ``changed`` indexes (each paper counts once per name, so counts add up)."""
        at = {p.id: i for i, p in enumerate(self.old)}
        came = [papers[i] for i in changed]
        gone = [self.old[at[p.id]] for p in came if p.id in at]  # as they were stored
        known = keys & self.keys
        out = {k: list(self.counts.get(k, (0, 0))) for k in known}
        for sign, group in ((-1, gone), (1, came)):
            for k, (lower, used) in concept_counts(group, known).items():
                out[k][0] += sign * lower
                out[k][1] += sign * used
        fresh = keys - self.keys
        if fresh:  # counted in the stored papers that may hold one, and the changed ones
            others = self._holding(fresh, papers, changed)
            for k, v in concept_counts([*others, *came], fresh).items():
                out[k] = list(v)
        return {k: (v[0], v[1]) for k, v in sorted(out.items()) if v[1]}

    def _holding(self, keys: set[str], papers: Sequence[Paper], changed: Sequence[int]) -> list:
        """The stored papers, unchanged since, that may write one of ``keys``: those the
        full-text index finds the phrase in (its tokens in a row: every paper that
        holds it as :func:`~graphtool.identity.concept_counts` looks for it, and maybe
        more), and every one whose text is not ASCII (tokens there may differ); all of
        them where the index cannot say."""
        found: set[int] | None = set()
        try:
            con = sqlite3.connect(Path(self.path).resolve().as_uri() + "?mode=ro", uri=True)
            try:
                for k in sorted(keys):
                    phrase = '"' + k.replace('"', '""') + '"'
                    found.update(
                        r for (r,) in con.execute(_FTS_ROWS, (phrase,))
                    )  # fmt: skip
            finally:
                con.close()
        except sqlite3.Error:
            found = None
        now = {papers[i].id for i in changed}  # counted as they are now
        return [
            p
            for i, p in enumerate(self.old)  # i: its row in the index
            if p.id not in now
            and (found is None or i in found or not (p.title.isascii() and p.abstract.isascii()))
        ]


_FTS_ROWS = "SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?"


class _LinkedAhead(_Forked):
    """:func:`_linked`, run in a forked process (it has the stored papers and their
    introductions from the add, without a copy), while the add reads the rest of the
    store (the mentions, the vectors and decisions): the two take about as long, and
    neither needs the other's. Not started with ``jobs`` 1, for an add large enough to link on
    worker processes (they use every core), where fork is not the start method, or
    where other threads run; :meth:`take` then gives None, as it does where the process
    failed, and the add works it out itself. An error the half raises is raised again.

    Example:
        >>> import graphtool as gt, tempfile, os
        >>> ps = gt.read(gt.bundled_corpus())
        >>> p = build(ps[:80], os.path.join(tempfile.mkdtemp(), "x"))
        >>> st, half = Store(p), _LinkedAhead()
        >>> old, intros = st.papers(), st.introductions()
        >>> half.start(old, intros, ps[80:], Lexicon.load(), 2)
        >>> linked = half.take() or _linked(old, intros, ps[80:], Lexicon.load(), 2, None)
        >>> counts = half.counted(); half.close()
        >>> [x for x in linked.papers if type(x) is not int] == [p for p in ps if p.id in {
        ...     x.id for x in linked.papers if type(x) is not int}], len(linked.changed)
        (True, 9)
        >>> counts is None or counts["big little decoder"] == (0, 1)  # not a general term
        True
    """

    def start(
        self,
        old: Sequence[Paper],
        old_intros: list[list[LexEntry]],
        new: Sequence[Paper],
        lexicon: Lexicon,
        jobs: int | None,
        kept: _KeptCounts | None = None,
    ) -> None:
        """Fork the process (where it is worth it, above); ``kept``: the store's counts
        of long names, which it brings up to date (:func:`_long_name_counts`)."""
        if self.worth(len(new), jobs):
            self._fork(_linked_in, (old, old_intros, new, lexicon, jobs, kept), duplex=False)

    def ready(self) -> bool:
        """Has the process an answer (or is there none to wait for)?"""
        try:
            return self.conn is None or self.conn.poll()
        except (EOFError, OSError):
            return True

    def take(self) -> _Linked | None:
        """What :func:`_linked` gave (None where nothing was started or it failed)."""
        return self._next()

    def counted(self) -> dict[str, tuple[int, int]] | None:
        """Then :func:`_long_name_counts` of the papers after the merge, which the
        process works out while the add reads its result (None where it failed)."""
        return self._next()

    def _next(self):
        if self.conn is None:
            return None
        try:
            ok, value = self.conn.recv()
        except (EOFError, OSError):
            self.close()
            return None
        if not ok:
            self.close()
            raise value
        return value


def _linked_in(old, old_intros, new, lexicon, jobs, kept, conn) -> None:
    try:
        try:
            linked = _linked(old, old_intros, new, lexicon, jobs, None)
        except Exception as e:  # raised again in the add
            conn.send((False, e))
            return
        papers, intros = linked.whole
        del linked.whole
        conn.send((True, linked))
        try:
            counts = _long_name_counts(papers, intros, kept, linked.changed)
        except Exception:
            return  # the add counts them itself
        conn.send((True, counts))
    except (EOFError, OSError):
        pass  # the add is over
    finally:
        conn.close()


class _Done:
    """What an add worked out: the mentions (as linked and as resolved now; as stored
    before the add, with what identity made of each: ``old``) and which papers changed
    (their indexes), had their introductions found again (``redo``) or were linked
    again (``relink``)."""

    jobs: int | None = None  # the add's: PageRank on another core unless 1

    def __init__(self, mentions, resolved, old, changed, redo, relink) -> None:
        self.mentions, self.resolved, self.old = mentions, resolved, old
        self.changed, self.redo, self.relink = changed, redo, relink
        self.links: list = []  # identity's links between papers
        self.vectors: list = []  # the similarity vectors worked out: (paper id, vector)
        self.memo: dict = {}  # identity's attributions
        # the attributions stored before and their rows (None: none kept, all rewritten)
        self.memo_kept: tuple[dict, dict] | None = None
        self.concepts: dict = {}  # the counts of the long names (_long_name_counts)


def _update(
    path: str | os.PathLike,
    papers: Sequence[Paper],
    intros: Sequence[Sequence[LexEntry]],
    merges: Sequence[Merge],
    done: _Done,
) -> bool:
    """Write into the store at ``path``, in place and in one transaction, only the rows
    an add changed: the new and changed papers (and their full-text entries), their
    introductions, the mentions of the papers linked again or that identity now reads
    otherwise, the nodes and the edges whose attributes or order changed (looked at
    only where a mention, a link or a citation changed), the new merges, PageRank and
    the meta. A crash
    leaves SQLite's journal, and the store is rolled back to what it was when next
    opened. False (nothing written) where the positions left no room: write it whole.
    """
    from . import __version__

    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = DELETE")
        con.execute("PRAGMA synchronous = FULL")
        con.execute("BEGIN IMMEDIATE")
        try:
            if not _update_rows(con, papers, intros, merges, done):
                con.execute("ROLLBACK")
                return False
            con.execute("UPDATE meta SET value = ? WHERE key = 'graphtool_version'", (__version__,))
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
    finally:
        con.close()
    return True


def _update_rows(con, papers, intros, merges, done: _Done) -> bool:
    changed, redo = done.changed, done.redo
    texts = {p.id: (p.title, p.abstract) for p in papers}
    by_node = {graph_mod.paper_node(p.id): (p.title, p.abstract) for p in papers}
    stored = con.execute("SELECT count(*) FROM papers").fetchone()[0]
    for i in changed:
        p = papers[i]
        row = (p.id, p.title, p.abstract, p.year, dumps(_paper_record(p)))
        if i < stored:
            title, abstract = con.execute(
                "SELECT title, abstract FROM papers WHERE pos = ?", (i,)
            ).fetchone()
            con.execute(
                "INSERT INTO papers_fts (papers_fts, rowid, title, abstract) "
                "VALUES ('delete', ?, ?, ?)",
                (i, title, abstract),
            )
            con.execute(
                "UPDATE papers SET id = ?, title = ?, abstract = ?, year = ?, record = ? "
                "WHERE pos = ?",
                (*row, i),
            )
        else:
            con.execute("INSERT INTO papers VALUES (?, ?, ?, ?, ?, ?)", (i, *row))
        con.execute(
            "INSERT INTO papers_fts (rowid, title, abstract) VALUES (?, ?, ?)",
            (i, p.title, p.abstract),
        )
    for i in redo:
        con.execute("DELETE FROM introductions WHERE paper = ?", (i,))
        con.executemany(
            "INSERT INTO introductions VALUES (?, ?)",
            ((i, dumps(dict(vars(e)))) for e in intros[i]),
        )
    # the papers linked again, and those whose mentions identity now reads otherwise
    # (a name they use got a meaning, a family member, a sense, …): their mention rows
    # (what identity made of each mention, as stored, compared paper by paper)
    now_res = _resolutions(done.mentions, done.resolved)
    new_at, old_at = _ranges(done.mentions), _ranges(done.old[0])
    old_ms, old_res = done.old
    rewrite = {papers[i].id: i for i in done.relink}
    for i, p in enumerate(papers):
        if p.id not in rewrite:
            a, b = new_at.get(p.id, (0, 0))
            c, d = old_at.get(p.id, (0, 0))
            if now_res[a:b] != old_res[c:d]:
                rewrite[p.id] = i
    rows = []
    for pid, i in rewrite.items():
        a, b = new_at.get(pid, (0, 0))
        if (b - a) >> _MENTION_BITS:
            return False
        for k in range(b - a):
            m = done.mentions[a + k]
            rows.append(
                ((i << _MENTION_BITS) + k, m.paper, m.entity, m.relation,
                 dumps(_mention_record(m, texts)), now_res[a + k])
            )  # fmt: skip
    con.executemany("DELETE FROM mentions WHERE paper = ?", ((p,) for p in rewrite))
    con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)", rows)
    del rows
    # the nodes whose attributes may have changed: those of the papers above and of the
    # entities (and their families) they named before or name now; all others were
    # built from the same mentions
    eid = functools.lru_cache(maxsize=None)(graph_mod.entity_node)
    touched = {graph_mod.paper_node(p) for p in rewrite}
    for pid in rewrite:
        c, d = old_at.get(pid, (0, 0))
        for m, r in zip(old_ms[c:d], old_res[c:d], strict=True):
            if r != _DROPPED:
                was = m if r is None else _resolved(m, r)
                touched.add(eid(was.entity))
                touched.add(eid(was.family or was.entity))
    for m in done.resolved:
        if m.paper in rewrite:
            touched.add(eid(m.entity))
            touched.add(eid(m.family or m.entity))
    del now_res
    dirty = {graph_mod.paper_node(papers[i].id) for i in changed}
    nodes = con.execute("SELECT pos, id, kind FROM nodes").fetchall()
    stored = {n for _, n, _ in nodes}
    # the graph's parts, the attributes only of the nodes new or touched (not built)
    parts = graph_mod.Parts(
        papers, done.resolved, done.links, lambda n: n in touched or n not in stored
    )
    scores = _ScoresAhead(parts, done.jobs)  # on another core, while the rows are written
    try:
        if not _update_nodes(con, parts, by_node, dirty, touched, nodes):
            return False
        _update_edges(con, parts, by_node, dirty, touched, stored)
        if con.execute("SELECT value FROM meta WHERE key = 'identity'").fetchone() != (
            _identity_key(),
        ):  # worked out by other rules: all of them go
            con.execute("DELETE FROM vectors")
            con.execute("INSERT OR REPLACE INTO meta VALUES ('identity', ?)", (_identity_key(),))
        con.executemany("DELETE FROM vectors WHERE paper = ?", ((papers[i].id,) for i in changed))
        con.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", _vector_rows(done.vectors)
        )
        _update_decisions(con, done.memo, done.memo_kept)
        con.execute("DELETE FROM concepts")
        con.executemany(_INSERT_CONCEPT, _concept_rows(done.concepts))
        start = con.execute("SELECT coalesce(max(pos), -1) + 1 FROM merges").fetchone()[0]
        con.executemany(
            "INSERT INTO merges VALUES (?, ?, ?, ?, ?)",
            ((start + i, m.paper, m.kept, m.merged, m.why) for i, m in enumerate(merges)),
        )
        con.executemany(_INSERT_SCORES, scores.rows())
    finally:
        scores.close()  # (where the rows were not asked for: it stops)
    return True


#: Fewest nodes for which an add works out PageRank in a forked process (below, here).
SCORES_AHEAD_NODES = 50_000


class _ScoresAhead(_Forked):
    """The ``scores`` rows (:data:`STORED_METRICS`) of the graph an add's
    :class:`~graphtool.graph.Parts` describe, worked out in a forked process while the
    add writes the nodes and edges (the same function of the same parts: the same
    scores); here, where nothing was started (``jobs`` 1, a small graph: see
    :data:`SCORES_AHEAD_NODES`, no fork) or the process failed.

    Example:
        >>> import graphtool as gt
        >>> from graphtool.identity import resolve
        >>> ps = gt.read(gt.bundled_corpus())[:40]
        >>> ms, links = resolve(ps, gt.link(ps))
        >>> rows = _ScoresAhead(graph_mod.Parts(ps, ms, links), jobs=1).rows()
        >>> [metric for metric, _, _ in rows]
        ['pagerank']
    """

    def __init__(self, parts: graph_mod.Parts, jobs: int | None) -> None:
        self.parts = parts
        if len(parts.order) >= SCORES_AHEAD_NODES and self.worth(0, jobs):
            self._fork(_scores_in, (parts,), duplex=False)

    def rows(self) -> list[tuple[str, str, bytes]]:
        """The rows, as :func:`_score_rows` gives them."""
        try:
            if self.conn is not None:
                return self.conn.recv()
        except (EOFError, OSError):
            pass  # it failed: worked out here
        finally:
            self.close()
        return _score_rows(self.parts)


def _score_rows(parts: graph_mod.Parts) -> list[tuple[str, str, bytes]]:
    pairs = graph_mod.SimplePairs.from_edges(parts.order, parts.ends)
    return [
        _scores_row(metric, analysis.centrality_scores(_Kinds(parts), metric, pairs))
        for metric in STORED_METRICS
    ]


def _scores_in(parts: graph_mod.Parts, conn) -> None:
    try:
        conn.send(_score_rows(parts))
    except (Exception, KeyboardInterrupt):
        pass  # nothing sent: the add works them out itself
    finally:
        conn.close()


def _update_decisions(con, memo: dict, kept: tuple[dict, dict] | None) -> None:
    """The decisions table made to hold ``memo``: where the stored ones were read
    (``kept``: them, and the row of each), only the rows of the decisions that changed or
    went are deleted and those that changed or are new written; else all rewritten."""
    if kept is None:
        con.execute("DELETE FROM decisions")
        con.executemany(_INSERT_DECISION, _decision_rows(memo))
        return
    before, rows = kept
    con.executemany(
        "DELETE FROM decisions WHERE rowid = ?",
        ((r,) for k, r in rows.items() if memo.get(k) != before[k]),
    )
    con.executemany(
        _INSERT_DECISION, _decision_rows({k: v for k, v in memo.items() if before.get(k) != v})
    )


class _Kinds:
    """What :func:`graphtool.analysis.centrality_scores` reads of a multigraph when it is
    given its pairs (PageRank, degree): the kind of each node, here from the graph's
    :class:`~graphtool.graph.Parts`."""

    def __init__(self, parts: graph_mod.Parts) -> None:
        self.nodes = _NodeKinds(parts)

    def is_multigraph(self) -> bool:
        return True


class _NodeKinds:
    def __init__(self, parts: graph_mod.Parts) -> None:
        self.parts = parts

    def __getitem__(self, n: str) -> dict:
        return {"kind": self.parts.kind_of(n)}


def _update_nodes(
    con, parts: graph_mod.Parts, by_node: dict, dirty: set[str], touched: set[str], rows: list
) -> bool:
    """The nodes whose attributes changed, rewritten; the new ones, and the ones that
    moved in the order, put between the old ones that keep their place (the longest run
    of stored nodes still in order). False where there is no room between two. ``dirty``:
    the nodes of papers whose text changed (their stored spans point into the old text:
    compared as written, not as values); ``touched``: the stored nodes whose attributes
    may have changed (the others keep their rows unread); ``rows``: the stored nodes'
    ``pos, id, kind``."""
    old = {n: (pos, kind) for pos, n, kind in rows}
    # the stored attributes of the touched nodes as values (spans read from the papers'
    # texts): a node whose attributes equal them keeps its row as it is
    text = _attrs_of(con, "nodes", [n for n in touched if n in old])
    values = _expanded(list(text.values()), [by_node.get(n) for n in text])
    stored = {n: (old[n][1], v) for n, v in zip(text, values, strict=True)}
    del values
    new = []
    for n in parts.order:
        if n in old and n not in touched:
            new.append((n, old[n][1], None))  # its stored row as it is
            continue
        a = parts.attrs(n)
        kind = a.get("kind")
        if n in old and n not in dirty and stored.get(n) == (kind, a):
            new.append((n, kind, None))
        else:
            new.append((n, kind, dumps(_squeeze(a, by_node.get(n)))))
    del stored
    place: list[int | None] = [old[n][0] if n in old else None for n, _, _ in new]
    keep = _increasing(place)
    for k in range(len(place)):
        if k not in keep:
            place[k] = None
    k = 0
    while k < len(new):
        if place[k] is not None:
            k += 1
            continue
        end = k
        while end < len(new) and place[end] is None:
            end += 1
        lo = place[k - 1] if k else -1
        hi = place[end] if end < len(new) else lo + ((end - k + 1) << _NODE_GAP)
        step = (hi - lo) // (end - k + 1)
        if step < 1:
            return False
        for j in range(k, end):
            place[j] = lo + step * (j - k + 1)
        k = end
    kept = {new[k][0] for k in keep}
    moved = _attrs_of(
        con, "nodes", [n for k, (n, _, a) in enumerate(new) if a is None and k not in keep]
    )  # stored rows that move: written again as they were
    con.executemany(
        "DELETE FROM nodes WHERE pos = ?",
        ((pos,) for n, (pos, _) in old.items() if n not in kept),
    )
    con.executemany(
        "UPDATE nodes SET kind = ?, attrs = ? WHERE pos = ?",
        (
            (kind, attrs, place[k])
            for k, (n, kind, attrs) in enumerate(new)
            if k in keep and attrs is not None and text.get(n) != attrs
        ),
    )
    con.executemany(
        "INSERT INTO nodes VALUES (?, ?, ?, ?)",
        (
            (place[k], n, kind, moved[n] if attrs is None else attrs)
            for k, (n, kind, attrs) in enumerate(new)
            if k not in keep
        ),
    )
    return True


def _attrs_of(con, table: str, ids: list[str]) -> dict[str, str]:
    """The stored ``attrs`` of these nodes (``table`` nodes), as written, in the order of
    ``ids``."""
    found: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        marks = ",".join("?" * len(part))
        found.update(con.execute(f"SELECT id, attrs FROM {table} WHERE id IN ({marks})", part))
    return {n: found[n] for n in ids if n in found}


def _increasing(seq: Sequence[int | None]) -> set[int]:
    """Indexes of a longest strictly increasing run of the values of ``seq`` (None
    skipped), not necessarily contiguous."""
    given = [v for v in seq if v is not None]
    if all(a < b for a, b in itertools.pairwise(given)):  # all of them (an add's usual case)
        return {k for k, v in enumerate(seq) if v is not None}
    tails: list[int] = []  # the smallest last value of a run of each length
    ends: list[int] = []  # its index
    before = [-1] * len(seq)
    for k, v in enumerate(seq):
        if v is None:
            continue
        j = bisect.bisect_left(tails, v)
        if j == len(tails):
            tails.append(v)
            ends.append(k)
        else:
            tails[j], ends[j] = v, k
        before[k] = ends[j - 1] if j else -1
    out: set[int] = set()
    k = ends[-1] if ends else -1
    while k >= 0:
        out.add(k)
        k = before[k]
    return out


#: Paper-to-paper edges: an add changes them for papers whose mentions stay as they were
#: (a name they use got a new introducing paper, a new paper is cited).
_PAPER_LINKS = ("builds_on", "cites")


def _link_digests(G: nx.MultiDiGraph) -> dict[str, str]:
    """Per paper with links to papers, a digest of them (targets, keys, attributes, in
    order): ``add`` looks again at a paper's edges where it changed."""

    out = {}
    for u, nbrs in G._succ.items():
        if not u.startswith("paper:"):
            continue
        edges = [(v, k, a) for v, kd in nbrs.items() for k, a in kd.items() if k in _PAPER_LINKS]
        if edges:
            out[u] = _links_digest(edges)
    return out


def _links_digest(edges: list[tuple[str, str, dict]]) -> str:
    """The digest of a paper's links to papers: ``(target, key, attributes)`` in order."""
    import hashlib

    text = repr(edges).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


def _update_edges(
    con, parts: graph_mod.Parts, by_node: dict, dirty: set[str], touched: set[str], stored: set[str]
) -> None:
    """Each node's out-edges, from the first that changed on, rewritten (after all
    others: the rows before it stay); ``dirty`` as for :func:`_update_nodes`. Looked at:
    the ``touched`` nodes' edges, and every paper's links to papers (the others come
    from the same mentions), from the graph's ``parts``; ``stored``: the ids of the
    stored nodes (the edges of those no longer in the graph go)."""
    was_links = dict(con.execute("SELECT paper, digest FROM links"))
    now_links = {u: _links_digest(e) for u in parts.linking if (e := parts.paper_links(u))}
    nodes = set(parts.order)
    check = {u for u in parts.order if u in touched or u not in stored}
    check |= {u for u, d in now_links.items() if was_links.get(u) != d}
    check |= {u for u in was_links if u not in now_links and u in nodes}
    con.executemany(
        "DELETE FROM links WHERE paper = ?", ((u,) for u in was_links if u not in now_links)
    )
    con.executemany(
        "INSERT OR REPLACE INTO links VALUES (?, ?)",
        ((u, d) for u, d in now_links.items() if was_links.get(u) != d),
    )
    del was_links, now_links
    nxt = con.execute("SELECT coalesce(max(pos), -1) + 1 FROM edges").fetchone()[0]
    gone, new_rows = [], []
    todo = [u for u in parts.order if u in check]
    rows: dict[str, list[tuple]] = {}  # their stored edge rows, 500 nodes a query
    for i in range(0, len(todo), 500):
        part = todo[i : i + 500]
        marks = ",".join("?" * len(part))
        sql = f"SELECT source, pos, target, key, attrs FROM edges WHERE source IN ({marks})"
        for row in con.execute(sql + " ORDER BY pos", part):
            rows.setdefault(row[0], []).append(row[1:])
    for u in todo:
        owner = by_node.get(u)
        edges = parts.out_edges(u)
        out = [(v, k, a) for _, v, k, a in edges]
        was = rows.get(u, [])
        if u not in dirty and len(was) == len(out) and out:
            both = _loads_many([k for _, _, k, _ in was] + [a for _, _, _, a in was])
            keys, values = both[: len(was)], both[len(was) :]
            if owner is not None:
                for value in values:
                    _expand(value, owner)
            if out == [(x[1], xk, xa) for x, xk, xa in zip(was, keys, values, strict=True)]:
                continue  # the same edges, as values: their rows stay
        new = [(v, dumps(k), a.get("relation"), dumps(_squeeze(a, owner))) for _, v, k, a in edges]
        same = 0  # the rows as written that stay (the first ones: a new link comes last)
        while same < min(len(was), len(new)) and was[same][1:] == (
            new[same][0], new[same][1], new[same][3]
        ):  # fmt: skip
            same += 1
        if same == len(was) == len(new):
            continue
        gone += [pos for pos, _, _, _ in was[same:]]
        for v, k, relation, attrs in new[same:]:  # after the rows that stay
            new_rows.append((nxt, u, v, k, relation, attrs))
            nxt += 1
    for u in stored - nodes:  # edges of nodes gone
        gone += [pos for (pos,) in con.execute("SELECT pos FROM edges WHERE source = ?", (u,))]
    con.executemany("DELETE FROM edges WHERE pos = ?", ((p,) for p in gone))
    con.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?)", new_rows)


def _ranges(mentions: Sequence[Mention]) -> dict[str, tuple[int, int]]:
    """Where each paper's mentions are in ``mentions`` (which are in paper order)."""
    out: dict[str, tuple[int, int]] = {}
    start, last = 0, None
    for k, m in enumerate(mentions):
        if m.paper != last:
            if last is not None:
                out[last] = (start, k)
            start, last = k, m.paper
    if last is not None:
        out[last] = (start, len(mentions))
    return out


def _text_changed(before: dict, p: Paper) -> bool:
    if p.id not in before:
        return True
    q = before[p.id][1]
    return (q.title, q.abstract) != (p.title, p.abstract)


#: ``add`` links fewer papers than this in its own process: starting workers, each with
#: the automaton of every corpus name, costs more (1,000 papers against a 100,000-paper
#: store: 2.4 s wall in one process, 9.3 s on two workers).
ADD_IN_PROCESS = 5000


def _intros(linker: Linker, papers: list[Paper], jobs: int | None) -> list[list[LexEntry]]:
    if len(papers) < max(parallel.MIN_PARALLEL, ADD_IN_PROCESS) or jobs == 1:
        return [linker.introductions(p) for p in papers]
    return parallel.introductions(papers, linker.lexicon, jobs=jobs)


def _link_named(linker, papers, names, jobs, progress) -> list[Mention]:
    if len(papers) < max(parallel.MIN_PARALLEL, ADD_IN_PROCESS) or jobs == 1:
        out = linker.link_named(papers, _named_in(papers, names))
        if progress is not None:
            progress(len(papers))
        return out
    return parallel.link_named(papers, names, linker.lexicon, jobs=jobs, progress=progress)


_NOT_ALNUM = re.compile(r"[\W_]+")


#: The bytes :func:`_fold` drops from an ASCII text (all but lower-case letters and digits).
_NOT_ALNUM_BYTES = bytes(
    b for b in range(256) if not (ord("a") <= b <= ord("z") or ord("0") <= b <= ord("9"))
)


def _fold(text: str) -> str:
    """``text`` without case, accents, spaces or punctuation (an ASCII text as bytes, in
    one pass of ``bytes.translate``: the same characters, 4x faster).

    Example:
        >>> _fold("Flash-Attention 2"), _fold("Café_Net")
        ('flashattention2', 'cafenet')
    """
    if text.isascii():
        return text.encode().lower().translate(None, _NOT_ALNUM_BYTES).decode()
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", text).casefold())


def _named_in(papers: Sequence[Paper], names: dict[str, LexEntry]) -> dict[str, LexEntry]:
    """The corpus names that may occur in ``papers``: those one of whose spellings, folded
    (:func:`_fold`), is in a paper's folded title and abstract, in their order (every
    spelling variant the linker tries folds to the name's, or to it and a plural's "s").
    The linker finds the same mentions with these as with all (:meth:`Linker.link_named`),
    and an add that links 1,000 papers against a store of 100,000 builds its automaton of
    names from a few thousand instead of 120,000 (1.2 to 1.5 s; this search 0.45 s).

    Example:
        >>> from graphtool.lexicon import LexEntry
        >>> names = {n: LexEntry(n, "system") for n in ("Flash-Attention 2", "Medusa", "++")}
        >>> list(_named_in([Paper("a", "T", "Unlike FlashAttention2, ...")], names))
        ['Flash-Attention 2', '++']
    """
    keys: dict[str, list[str]] = {}
    found = set()  # and the names with nothing left to look for once folded
    for name, e in names.items():
        for s in (e.name, *e.aliases):
            key = _fold(s)
            if key:
                keys.setdefault(key, []).append(name)
            else:
                found.add(name)
    auto = _folded_automaton(keys)
    if auto is not None:
        for p in papers:
            for _, key in auto.iter(_fold(p.title + "\n" + p.abstract)):
                found.update(keys[key])
    return {n: e for n, e in names.items() if n in found}


def _folded_automaton(keys: Iterable[str]) -> ahocorasick.Automaton | None:
    """An automaton finding these folded spellings (each reported as itself), or None
    where there are none."""
    auto = ahocorasick.Automaton()
    for key in keys:
        auto.add_word(key, key)
    if not len(auto):
        return None
    auto.make_automaton()
    return auto


def _containing(papers: Sequence[Paper], entries: Iterable[LexEntry], exclude: set[int]):
    """Indexes of the papers whose title or abstract holds a spelling of one of
    ``entries`` from the start of a word, compared without case, accents, spaces or
    punctuation (so every spelling variant the linker tries is caught)."""
    auto = _folded_automaton(
        key for e in entries for s in (e.name, *e.aliases) if (key := _fold(s))
    )
    if auto is None:
        return []
    patterns: dict[str, re.Pattern] = {}
    out = []
    for i, p in enumerate(papers):
        if i in exclude:
            continue
        text = p.title + "\n" + p.abstract
        keys = {key for _, key in auto.iter(_fold(text))}
        if not keys:
            continue
        low = (
            unicodedata.normalize("NFKD", text).casefold()
            if not text.isascii()
            else text.casefold()
        )
        for key in keys:
            if key not in patterns:  # the key's characters from a word start, any separators
                patterns[key] = re.compile(r"(?<![^\W_])" + r"[\W_]*".join(map(re.escape, key)))
            if patterns[key].search(low):
                out.append(i)
                break
    return out


__all__ = [
    "SCHEMA_VERSION",
    "Store",
    "add",
    "build",
    "dumps",
    "fts_query",
    "is_store",
    "loads",
    "open_graph",
    "write",
]
