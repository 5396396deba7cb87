"""Read paper collections into :class:`~graphtool.model.Paper` records.

Formats: the listing format (a saved web page: header lines, then a title line and
its abstract line per paper), JSON Lines, JSON arrays (or ``{"data": [...]}``),
BibTeX, CSV/TSV, arXiv API Atom feeds, Semantic Scholar and OpenAlex JSON, RIS,
Web of Science plain-text and tab-delimited exports, Scopus CSV (the last ten in
:mod:`graphtool.readers`). The format is chosen by extension and
content; ``format=`` overrides it. Several files, or a folder, are read together.

The same paper read twice (from one source or several) is merged
(:mod:`graphtool.merge`), and references are then pointed at the corpus papers they
name; ``Corpus.merges`` says which records were merged and why.

Bad records (no title, no abstract, broken JSON) are collected with their file and
line; the good ones still load. :func:`read` raises :class:`BadRecords` listing
them unless ``skip_bad=True``, in which case ``Corpus.skipped`` holds them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import BadRecords, InputError
from .merge import Merge, merge_papers, resolve_references
from .model import Paper
from .readers import read_arxiv, read_bibtex, read_csv, read_openalex, read_s2, read_tsv
from .readers.apis import api_paper, json_records
from .readers.records import make_paper as _make_paper
from .readers.records import parse_json, split_lines
from .readers.ris import read_ris
from .readers.scopus import read_scopus
from .readers.wos import read_wos, read_wos_tab

PathLike = str | os.PathLike

#: Extension → format name. A folder is read file by file with this table.
EXTENSIONS = {
    ".txt": "listing",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".xml": "arxiv",
    ".atom": "arxiv",
    ".ris": "ris",
    ".ciw": "wos",
}

#: Formats whose reader takes a ``columns`` mapping (``--columns``).
TABULAR = ("csv", "tsv")


class Corpus(list):
    """A list of papers that also says what was skipped while reading.

    Example:
        >>> c = Corpus([Paper("a", "A", "Text.")])
        >>> len(c), c.skipped
        (1, [])
    """

    def __init__(self, papers: Iterable[Paper] = (), skipped: list[InputError] | None = None):
        super().__init__(papers)
        self.skipped: list[InputError] = list(skipped or [])
        #: ``(kept record's source, merged record's source)`` per merge.
        self.merged: list[tuple[str, str]] = []
        #: The same merges, with the paper id and the reason.
        self.merges: list[Merge] = []
        #: ``(file, format, records read)`` per input file, in reading order.
        self.files: list[tuple[str, str, int]] = []
        #: ``(file, what it is)`` per file of a folder left unread: not a corpus.
        self.ignored: list[tuple[str, str]] = []


def bundled_corpus() -> Path:
    """Path of the example corpus shipped with graphtool (89 papers).

    Example:
        >>> bundled_corpus().name
        'parallel-papers.txt'
    """
    from ._resources import data_path

    return data_path("parallel-papers.txt")


def read(
    paths: PathLike | Iterable[PathLike | dict | Paper] | Any,
    format: str | None = None,
    skip_bad: bool = False,
    encoding: str = "utf-8",
    columns: str | dict[str, str] | None = None,
) -> Corpus:
    """Read files, folders, records or a DataFrame into a :class:`Corpus` of papers.

    ``paths`` is a path, or any iterable of paths, dicts (records with ``title``,
    ``abstract``, ``id``, ``year``, ``month``, ``date``, ``authors``, ``doi``,
    ``arxiv``, ``references``…, or Semantic Scholar / OpenAlex objects) and
    :class:`Paper` objects, or a pandas DataFrame (one record a row; pandas is
    imported only when a DataFrame is given). A bad record is reported by its place,
    ``record 3: record has no abstract`` (``row 3`` in a DataFrame: its index label).

    Paper ids are the record's own ``id`` when it has one, else a slug of the
    title; a repeated id gets ``-2``, ``-3``… unless the title is the same too, in
    which case the repeat is the same paper and is merged away. Records that share
    a DOI or arXiv id, or have nearly the same title, are merged too
    (:func:`graphtool.merge.merge_papers`). ``columns`` maps CSV/TSV header names
    (``{"abstract": "Summary"}`` or ``"abstract=Summary"``).

    Example:
        >>> papers = read(bundled_corpus())
        >>> len(papers), papers[0].title[:12]
        (89, 'ASGDiffusion')
        >>> [p.id for p in read([{"id": "1", "title": "T", "abstract": "We propose Foo."}])]
        ['1']
        >>> try:
        ...     read([{"title": "T", "abstract": "A."}, {"title": "No abstract"}])
        ... except BadRecords as e:
        ...     print(e.errors[0])
        record 2: record has no abstract (title 'No abstract')

    Raises:
        BadRecords: some records were bad and ``skip_bad`` is false (the good
            papers are in ``err.papers``).
        InputError: a file cannot be read at all.
    """
    if isinstance(paths, (str, os.PathLike, dict, Paper)):
        paths = [paths]
    from .readers.tabular import parse_columns

    column_map = parse_columns(columns)
    papers: list[Paper] = []
    errors: list[InputError] = []
    files: list[tuple[str, str, int]] = []
    if _is_frame(paths):
        found = list(_frame_records(paths))
        paths = []
    else:
        found, paths = _split_records(paths)
    if found:
        count = 0
        for loc, item in found:
            paper = item if isinstance(item, (Paper, InputError)) else _record_paper(item, loc)
            if isinstance(paper, InputError):
                errors.append(paper)
            else:
                papers.append(paper)
                count += 1
        files.append(("<records>", "records", count))
    ignored: list[tuple[str, str]] = []
    for path in _expand(paths, ignored):
        fmt = format or detect_format(path, encoding)
        reader = READERS.get(fmt)
        if reader is None:
            raise InputError(
                f"unknown format {fmt!r}; choose one of: {', '.join(sorted(READERS))}",
                str(path),
            )
        text = _read_text(path, encoding)
        if not text.strip():
            errors.append(InputError("the file is empty", str(path)))
            continue
        items = (
            reader(text, str(path), columns=column_map)  # type: ignore[call-arg]
            if fmt in TABULAR
            else reader(text, str(path))
        )
        count = 0
        for item in items:
            if isinstance(item, InputError):
                errors.append(item)
            else:
                papers.append(item)
                count += 1
        files.append((str(path), fmt, count))
    corpus = _dedupe(papers)
    if len(files) > 1:  # one file's citations were matched to its titles by its reader
        corpus[:] = resolve_cited_titles(corpus)
    corpus.skipped = errors
    corpus.files = files
    corpus.ignored = ignored
    if errors and not skip_bad:
        raise BadRecords(errors, corpus)
    return corpus


def as_papers(data: PathLike | Iterable | Any) -> list[Paper]:
    """Papers from anything :func:`read` takes; a list of :class:`Paper` is kept as is.

    Example:
        >>> [p.title for p in as_papers([{"title": "T", "abstract": "A."}])]
        ['T']
    """
    if isinstance(data, (str, os.PathLike, dict, Paper)) or _is_frame(data):
        return list(read(data))
    items = list(data)
    if all(isinstance(p, Paper) for p in items):
        return items
    return list(read(items))


def _is_frame(obj: object) -> bool:
    """Whether ``obj`` is a pandas DataFrame (checked without importing pandas)."""
    return type(obj).__module__.startswith("pandas") and hasattr(obj, "to_dict")


def _frame_records(df: Any) -> Iterator[tuple[str, dict]]:
    """``(location, record)`` for each row of a DataFrame; missing cells become ``None``."""
    import pandas as pd

    columns = [str(c) for c in df.columns]
    for label, row in zip(df.index, df.itertuples(index=False, name=None), strict=True):
        record = {}
        for col, value in zip(columns, row, strict=True):
            if isinstance(value, (list, tuple, dict)):
                pass
            elif getattr(value, "ndim", 0):  # an array in a cell: its items
                value = value.tolist()
            elif pd.isna(value):
                value = None
            elif isinstance(value, pd.Timestamp):
                value = value.date().isoformat()
            elif hasattr(value, "item") and not isinstance(value, (str, bytes)):
                value = value.item()  # numpy scalar -> Python
            record[col] = value
        yield f"row {label}", record


def _split_records(items: Iterable) -> tuple[list[tuple[str, object]], list[PathLike]]:
    """Records (dicts, Papers, anything else: a bad record) apart from paths."""
    records: list[tuple[str, object]] = []
    paths: list[PathLike] = []
    for n, item in enumerate(items, 1):
        if isinstance(item, (str, os.PathLike)):
            paths.append(item)
        elif isinstance(item, (dict, Paper)):
            records.append((f"record {n}", item))
        else:
            what = type(item).__name__
            bad = InputError(f"expected a dict, a Paper or a path, got {what}", f"record {n}")
            records.append((f"record {n}", bad))
    return records, paths


def _record_paper(record: object, loc: str) -> Paper | InputError:
    if isinstance(record, dict):  # as df.to_dict("records") gives them
        record = {k: _plain(v) for k, v in record.items()}
    return api_paper(record, loc)


def _plain(v: object) -> object:
    """A cell value as plain Python: NaN, ``pd.NA`` and ``NaT`` are ``None``, an array
    its list, a numpy number its Python number."""
    if (isinstance(v, float) and v != v) or type(v).__name__ in ("NAType", "NaTType"):
        return None
    if getattr(v, "ndim", 0):
        return v.tolist()
    if hasattr(v, "item") and hasattr(v, "dtype"):
        return v.item()
    return v


def detect_format(path: PathLike, encoding: str = "utf-8") -> str:
    """Guess a file's format from its extension, then from its first characters.

    Example:
        >>> detect_format(bundled_corpus())
        'listing'
    """
    path = Path(path)
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt and fmt not in ("json", "listing", "csv", "tsv"):
        return fmt
    head = _read_text(path, encoding)[:4096].lstrip()
    export = _detect_export(head)
    if export:
        return export
    if fmt and fmt != "json":
        return fmt
    if head.startswith(("[", "{")):
        if '"paperId"' in head or '"citedPaper"' in head:
            return "s2"
        if "abstract_inverted_index" in head or '"https://openalex.org/W' in head:
            return "openalex"
    if fmt:
        return fmt
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            parse_json(first, str(path))
            return "jsonl"
        except InputError:
            return "json"
    if head.startswith("<") and "<feed" in head:
        return "arxiv"
    if re.search(r"(?m)^\s*@\s*[a-zA-Z]+\s*[{(]", head):
        return "bibtex"
    first = head.split("\n", 1)[0].lower()
    if "title" in first and "abstract" in first:
        return "tsv" if "\t" in first else "csv"
    return "listing"


def _detect_export(head: str) -> str | None:
    """RIS, Web of Science (plain text or tab-delimited) or Scopus CSV, from content."""
    from .readers.scopus import is_scopus_header

    first = head.split("\n", 1)[0].rstrip("\r")
    if re.match(r"TY  - ", first):
        return "ris"
    if re.match(r"FN (Clarivate|Thomson|ISI)", first) or (
        first.startswith("PT ") and re.search(r"(?m)^(TI|AU) ", head)
    ):
        return "wos"
    if first.startswith("PT\t") and "\tTI\t" in first:
        return "wos-tab"
    if is_scopus_header(first):
        return "scopus"
    return None


#: Keys of which a corpus file's first records show at least one.
_CORPUS_KEYS = frozenset(
    "title abstract display_name data results papers paperId citedPaper citingPaper".split()
)


def not_a_corpus(path: PathLike) -> str | None:
    """What a file in a folder is when it is clearly not a corpus (a graphtool lexicon,
    an evaluation set), else ``None``. Only files found in a folder are checked: a
    file named on its own is always read.

    Example:
        >>> from graphtool._resources import data_path
        >>> not_a_corpus(data_path("lexicon/names.jsonl"))
        'a lexicon'
        >>> not_a_corpus(bundled_corpus()) is None
        True
    """
    path = Path(path)
    if path.suffix.lower() not in (".json", ".jsonl", ".ndjson"):
        return None
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            head = f.read(2048).lstrip("\ufeff").lstrip()
    except OSError:
        return None
    if head.startswith("#"):  # JSON Lines with comments: graphtool's own data files
        return "an evaluation set" if "gold" in path.name.lower() else "a lexicon"
    first = re.search(r"\{[^{}]*", head)
    if first and '"abstract"' not in first.group(0):
        keys = re.findall(r'"(\w+)"\s*:', first.group(0))
        if {"introduces", "mentions"} & set(keys):
            return "an evaluation set"
        if "name" in keys and "kind" in keys:
            return "a lexicon"
    keys = set(re.findall(r'"(\w+)"\s*:', head))
    if keys and not keys & _CORPUS_KEYS:
        return "a data file"
    return None


def _expand(
    paths: Iterable[PathLike], ignored: list[tuple[str, str]] | None = None
) -> Iterator[Path]:
    for p in paths:
        if not str(p).strip():
            raise InputError("an empty path names no file (give a file or a folder)", repr(p))
        path = Path(p)
        if path.is_dir():
            found = sorted(
                f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in EXTENSIONS
            )
            if not found:
                raise InputError("folder holds no supported file", str(path))
            for f in found:
                what = not_a_corpus(f)
                if what and ignored is not None:
                    ignored.append((str(f), what))
                elif not what:
                    yield f
        elif path.exists():
            yield path
        else:
            raise InputError("no such file", str(path))


def _read_text(path: Path, encoding: str) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror}", str(path)) from None
    utf16 = _looks_utf16(raw)
    if encoding.lower().replace("-", "") == "utf8" and raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"  # a byte-order mark says so (Web of Science "Win" exports)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError(
            f"bytes that are not {encoding} at byte {e.start}"
            + (
                f"; the file looks like UTF-16: pass --encoding {utf16}"
                if utf16
                else "; pass --encoding (e.g. --encoding latin-1) if the file uses another encoding"
            ),
            f"{path}:{line}",
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", str(path)) from None
    if utf16 and "\x00" in text and not encoding.lower().replace("_", "-").startswith("utf-16"):
        # UTF-16 without a byte-order mark decodes as UTF-8 too: into NUL-laced text
        raise InputError(
            f"the file looks like UTF-16 (every other byte is zero), not {encoding}; "
            f"pass --encoding {utf16}",
            str(path),
        )
    return text.lstrip("\ufeff")


def _looks_utf16(raw: bytes) -> str | None:
    """The ``--encoding`` of a file that looks like UTF-16: a byte-order mark
    (``utf-16``), or zero bytes in every other place of the first KB (ASCII text saved
    as UTF-16 without a mark: ``utf-16-le`` or ``utf-16-be``); else None."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    head = raw[:1024]
    if len(head) < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) * 4 < len(head):
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


# --------------------------------------------------------------------------- listing


def _is_abstract(line: str) -> bool:
    return len(line) > 250 or (len(line) > 100 and line.rstrip().endswith("."))


def read_listing(text: str, source: str) -> Iterator[Paper | InputError]:
    """Papers from a saved listing page: a title line, then its abstract line.

    Lines before the first title/abstract pair (the page's header) are skipped.
    A title with no abstract after it, or an abstract with no title, is a bad record.

    Example:
        >>> body = "Header\\n\\nT: A Title\\n\\n" + "An abstract sentence. " * 10
        >>> [p.title for p in read_listing(body, "x.txt")]
        ['T: A Title']
    """
    lines = [(n, line.strip()) for n, line in enumerate(split_lines(text), 1) if line.strip()]
    i = 0
    started = False
    while i < len(lines):
        n, line = lines[i]
        nxt = lines[i + 1][1] if i + 1 < len(lines) else None
        if not _is_abstract(line) and nxt is not None and _is_abstract(nxt):
            started = True
            yield _make_paper(
                {"title": line, "abstract": nxt}, f"{source}:{n}", source_line=f"{source}:{n}"
            )
            i += 2
            continue
        if started:
            what = "abstract without a title" if _is_abstract(line) else "title without an abstract"
            yield InputError(f"{what}: {line[:60]!r}", f"{source}:{n}")
        i += 1
    if not started and lines:
        yield InputError(
            "read as a listing page, but no title line is followed by an abstract line; "
            "if the file is in another format, name it with --format",
            source,
        )


# ----------------------------------------------------------------------------- JSON


def read_jsonl(text: str, source: str) -> Iterator[Paper | InputError]:
    """Papers from JSON Lines: one ``{id?, title, abstract, year?, ...}`` object a line.

    Lines end at ``\\n`` (or ``\\r\\n``) only: a U+2028 inside a string is text.

    Example:
        >>> line = '{"id": "p1", "title": "T", "abstract": "A."}'
        >>> [p.id for p in read_jsonl(line, "x.jsonl")]
        ['p1']
    """
    for n, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue
        try:
            record = parse_json(line, source, line=n)
        except InputError as e:
            yield e
            continue
        yield api_paper(record, f"{source}:{n}")


def read_json(text: str, source: str) -> Iterator[Paper | InputError]:
    """Papers from a JSON array of records, an object with a ``data``/``results``/
    ``papers`` list, one record, or JSON Lines saved as ``.json``.

    Example:
        >>> [p.title for p in read_json('[{"title": "T", "abstract": "A."}]', "x.json")]
        ['T']
    """
    for loc, record in json_records(text, source):
        yield record if isinstance(record, InputError) else api_paper(record, loc)


def _dedupe(papers: list[Paper]) -> Corpus:
    merged, merges = merge_papers(papers)
    out = Corpus(resolve_references(merged))
    out.merges = merges
    out.merged = [(m.kept, m.merged) for m in merges]
    return out


def resolve_cited_titles(papers: list[Paper]) -> list[Paper]:
    """Point references written as citation text (a Scopus ``References`` entry) at the
    corpus paper whose whole title they contain, whichever file it came from.

    Example:
        >>> ref = "Cai T., Medusa: Simple LLM Inference Acceleration Framework, (2024)"
        >>> a = Paper("a", "EAGLE", "x", references=(ref,), external_refs=1)
        >>> b = Paper("b", "Medusa: Simple LLM Inference Acceleration Framework", "y")
        >>> [(p.references, p.external_refs) for p in resolve_cited_titles([a, b])][0]
        (('b',), 0)
    """
    from dataclasses import replace

    from .readers.citations import RefIndex

    ids = {p.id for p in papers}
    texts = [
        (i, r)
        for i, p in enumerate(papers)
        for r in p.references
        if r not in ids and ", " in r and " " in r.split(", ", 1)[1]
    ]
    if not texts:
        return papers
    index = RefIndex()
    for p in papers:
        index.add(p.id, p.title)
    out = list(papers)
    for i in sorted({i for i, _ in texts}):
        p = out[i]
        refs = []
        for r in p.references:
            hit = index.find_title(r) if r not in ids else None
            refs.append(hit if hit and hit != p.id else r)
        refs = list(dict.fromkeys(refs))
        outside = sum(1 for r in refs if r not in ids)
        out[i] = replace(p, references=tuple(refs), external_refs=outside)
    return out


READERS: dict[str, Callable[[str, str], Iterator[Paper | InputError]]] = {
    "listing": read_listing,
    "jsonl": read_jsonl,
    "json": read_json,
    "bibtex": read_bibtex,
    "csv": read_csv,
    "tsv": read_tsv,
    "arxiv": read_arxiv,
    "s2": read_s2,
    "openalex": read_openalex,
    "ris": read_ris,
    "wos": read_wos,
    "wos-tab": read_wos_tab,
    "scopus": read_scopus,
}
