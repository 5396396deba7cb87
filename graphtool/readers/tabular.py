"""CSV and TSV with a header row: spreadsheets, Zotero/Scopus/Web of Science exports.

Columns ``title`` and ``abstract`` are required; ``id``, ``year``, ``authors``,
``url``, ``doi``, ``arxiv`` and ``references`` are read when present. Header names
are matched without regard to case, and the usual names of the big exporters are
known (Zotero's ``Abstract Note`` and ``Publication Year``, Scopus' ``Authors``,
Web of Science's ``TI``/``AB``/``PY``/``AU``/``DI``). Other names are mapped with
``columns={"abstract": "Summary"}`` (``--columns abstract=Summary`` on the command
line). Authors and references are split on ``;``.

A ``.csv`` file whose header has semicolons and no commas is read with ``;`` (as
spreadsheets in many locales save it). A cell may be as long as the file (the csv
module's default limit of 131,072 characters is lifted while reading).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping

from ..errors import InputError
from ..model import Paper
from .records import make_paper

#: Fields a column can fill, and the header names known for each (lower case).
KNOWN_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "ti", "article title", "document title", "paper title"),
    "abstract": ("abstract", "ab", "abstract note", "summary"),
    "id": ("id", "key", "paper id", "paperid", "ut (unique wos id)", "eid"),
    "year": ("year", "py", "publication year", "pubyear"),
    "authors": ("authors", "author", "au", "author full names", "creators"),
    "url": ("url", "link"),
    "doi": ("doi", "di"),
    "arxiv": ("arxiv", "arxiv id", "arxiv_id", "eprint"),
    "references": ("references", "cited references", "cr", "refs"),
}


def parse_columns(spec: str | Mapping[str, str] | None) -> dict[str, str]:
    """``title=Title,abstract=Abstract`` → ``{"title": "Title", "abstract": "Abstract"}``.

    Example:
        >>> parse_columns("title=Article Title, abstract=Summary")
        {'title': 'Article Title', 'abstract': 'Summary'}

    Raises:
        InputError: a part is not ``field=Column`` or names an unknown field.
    """
    if not spec:
        return {}
    if isinstance(spec, Mapping):
        pairs = list(spec.items())
    else:
        pairs = []
        for part in spec.split(","):
            if not part.strip():
                continue
            field, eq, column = part.partition("=")
            if not eq or not field.strip() or not column.strip():
                raise InputError(f"--columns: expected field=Column, got {part.strip()!r}")
            pairs.append((field, column))
    out = {}
    for field, column in pairs:
        field = field.strip().lower()
        if field not in KNOWN_COLUMNS:
            raise InputError(
                f"--columns: unknown field {field!r}; choose from: {', '.join(KNOWN_COLUMNS)}"
            )
        out[field] = column.strip()
    return out


def read_csv(
    text: str, source: str, columns: Mapping[str, str] | None = None, delimiter: str = ","
) -> Iterator[Paper | InputError]:
    """Papers from CSV with a header row, one per row; ``file:line`` locates each.

    Example:
        >>> rows = "Title,Abstract Note,Publication Year\\nT,An abstract.,2024\\n"
        >>> [(p.title, p.year, p.source) for p in read_csv(rows, "zotero.csv")]
        [('T', 2024, 'zotero.csv:2')]
    """
    first = text.split("\n", 1)[0]
    if delimiter == "," and ";" in first and "," not in first:
        delimiter = ";"
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # a cell can be the whole file
    try:
        yield from _rows(text, source, columns, delimiter)
    finally:
        csv.field_size_limit(limit)


def _rows(
    text: str, source: str, columns: Mapping[str, str] | None, delimiter: str
) -> Iterator[Paper | InputError]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as e:
        yield InputError(f"broken header row: {e}", f"{source}:1")
        return
    if not header or not any(h.strip() for h in header):
        yield InputError("no header row (the first line must name the columns)", f"{source}:1")
        return
    try:
        index = _map_header(header, parse_columns(columns))
    except InputError as e:
        yield InputError(e.message, f"{source}:1")
        return
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield InputError(f"broken row: {e}", f"{source}:{line}")
            line = reader.line_num + 1
            continue
        loc = f"{source}:{line}"
        line = reader.line_num + 1
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(header):
            yield InputError(
                f"row has {len(row)} fields but the header has {len(header)} "
                "(an unquoted delimiter in a value?)",
                loc,
            )
            continue
        record = {f: row[i] for f, i in index.items() if i < len(row)}
        for f in ("authors", "references"):
            if record.get(f):
                record[f] = [v.strip() for v in record[f].split(";") if v.strip()]
        yield make_paper(record, loc)


def read_tsv(
    text: str, source: str, columns: Mapping[str, str] | None = None
) -> Iterator[Paper | InputError]:
    """Papers from tab-separated values with a header row (see :func:`read_csv`).

    Example:
        >>> [p.id for p in read_tsv("id\\ttitle\\tabstract\\nx1\\tT\\tA.\\n", "a.tsv")]
        ['x1']
    """
    return read_csv(text, source, columns, delimiter="\t")


def _map_header(header: list[str], columns: dict[str, str]) -> dict[str, int]:
    names = [h.strip().lstrip("\ufeff") for h in header]
    lower = {n.lower(): i for i, n in reversed(list(enumerate(names)))}
    index: dict[str, int] = {}
    for field, known in KNOWN_COLUMNS.items():
        if field in columns:
            wanted = columns[field]
            if wanted.lower() not in lower:
                raise InputError(
                    f"no column {wanted!r} (given for {field}); the header has: "
                    + ", ".join(repr(n) for n in names)
                )
            index[field] = lower[wanted.lower()]
            continue
        for name in known:
            if name in lower:
                index[field] = lower[name]
                break
    for field in ("title", "abstract"):
        if field not in index:
            raise InputError(
                f"no {field} column; the header has: {', '.join(repr(n) for n in names)}; "
                f"name the right one with --columns {field}=NAME"
            )
    return index
