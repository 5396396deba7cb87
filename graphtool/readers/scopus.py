"""Scopus CSV exports, with Scopus' own default column names.

Columns read: ``Title``, ``Abstract``, ``Authors`` (``Li Y.; Wei F.``) or ``Author
full names``, ``Year``, ``DOI``, ``Link``, ``EID`` (the record's id when it has no
DOI) and ``References`` (cited references joined by ``; ``), which are resolved to
the papers of the same file by DOI or by the title they contain
(:mod:`.citations`). Scopus writes ``[No abstract available]`` for a missing
abstract: that record is reported as having none. The file is recognised by its
header (``EID`` with ``Source title`` or ``Link``), so no ``--columns`` is needed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from ..errors import InputError
from ..model import Paper
from .citations import paper_id, split_scopus_refs, with_references


def is_scopus_header(first_line: str) -> bool:
    """Whether a CSV header row is a Scopus export's.

    Example:
        >>> is_scopus_header('"Authors","Title","Year","Source title","Abstract","EID"')
        True
        >>> is_scopus_header("title,abstract,year")
        False
    """
    names = {n.strip().strip('"').lstrip("\ufeff").lower() for n in first_line.split(",")}
    return "eid" in names and "title" in names and bool({"source title", "link"} & names)


def read_scopus(text: str, source: str) -> Iterator[Paper | InputError]:
    """Papers from a Scopus CSV export, one per row.

    Example:
        >>> rows = ('"Authors","Title","Year","Source title","DOI","Abstract","EID"\\n'
        ...         '"Li Y.; Wei F.","EAGLE","2024","ICML","","We propose EAGLE.","2-s2.0-1"\\n')
        >>> [(p.id, p.authors, p.year, p.source) for p in read_scopus(rows, "scopus.csv")]
        [('2-s2.0-1', ('Li Y.', 'Wei F.'), 2024, 'scopus.csv:2')]
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as e:
        yield InputError(f"broken header row: {e}", f"{source}:1")
        return
    names = [h.strip().lstrip("\ufeff").lower() for h in header or []]
    if "title" not in names:
        yield InputError("no Title column: not a Scopus CSV export", f"{source}:1")
        return
    col = {n: i for i, n in reversed(list(enumerate(names)))}
    found: list[tuple[str, dict | InputError]] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            found.append((f"{source}:{line}", InputError(f"broken row: {e}", f"{source}:{line}")))
            line = reader.line_num + 1
            continue
        loc = f"{source}:{line}"
        line = reader.line_num + 1
        if not any(c.strip() for c in row):
            continue

        def get(name: str, row: list[str] = row) -> str:
            i = col.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        found.append((loc, _record(get)))
    yield from with_references(found)


def _record(get) -> dict:
    title = get("title")
    abstract = get("abstract")
    if abstract.lower().startswith("[no abstract available]"):
        abstract = ""
    # Scopus appends the publisher's copyright line to the abstract
    abstract = re.sub(r"\s*©\s*\d{4}.*$", "", abstract).strip() or abstract
    authors = get("authors") or get("author full names")
    doi = get("doi") or None
    eid = get("eid")
    return {
        "id": paper_id(doi, eid, title),
        "title": title,
        "abstract": abstract,
        "year": get("year") or None,
        "authors": [a.strip() for a in authors.split(";") if a.strip()],
        "doi": doi,
        "url": get("link") or None,
        "extra_ids": [f"scopus:{eid}"] if eid else [],
        "cited": split_scopus_refs(get("references")),
    }
