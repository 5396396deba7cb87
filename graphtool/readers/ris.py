"""RIS (``.ris``): what Zotero, Mendeley, EndNote, Scopus and Web of Science export.

Parsed with rispy, one record (``TY  -`` … ``ER  -``) at a time, so a broken record
is reported by its line (``refs.ris:12``) and the others still load. Fields:
``TI``/``T1`` title, ``AB``/``N2`` abstract, ``AU``/``A1`` authors, ``PY``/``Y1``
year, ``DA`` date (``2024/07/21/``: year and month), ``DO`` DOI, ``UR`` link, ``ID``
the record's id. Scopus writes its cited references as ``N1  - References: …``;
they are resolved to the papers of the same file (:mod:`.citations`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import InputError
from ..model import Paper
from .citations import month_of, paper_id, split_scopus_refs, with_references
from .ids import norm_arxiv, norm_doi

_TAG = re.compile(r"^([A-Z][A-Z0-9])  -( |$)")
_EID = re.compile(r"eid=(2-s2\.0-\d+)")


def ris_chunks(text: str, start: str = "TY", end: str = "ER") -> Iterator[tuple[int, str]]:
    """``(first line number, text)`` of each record, from its start tag to its end tag.

    Example:
        >>> [n for n, _ in ris_chunks("TY  - JOUR\\nTI  - A\\nER  - \\n\\nTY  - JOUR\\nER  - ")]
        [1, 5]
    """
    lines = text.splitlines()
    first = None
    for n, line in enumerate(lines, 1):
        tag = line[:2]
        if tag == start and first is None:
            first = n
        elif tag == end and first is not None:
            yield first, "\n".join(lines[first - 1 : n])
            first = None
    if first is not None:
        yield first, "\n".join(lines[first - 1 :])


def _one(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "").strip()


def read_ris(text: str, source: str) -> Iterator[Paper | InputError]:
    """Papers from a RIS file, one per record.

    Example:
        >>> ris = '''TY  - JOUR
        ... TI  - Clover: Regressive Lightweight Speculative Decoding
        ... AU  - Xiao, Bin
        ... PY  - 2024
        ... DA  - 2024/05/01/
        ... AB  - We propose Clover, which beats Medusa.
        ... DO  - 10.48550/arXiv.2405.00263
        ... ER  - '''
        >>> p = next(read_ris(ris, "refs.ris"))
        >>> p.id, p.title[:6], p.year, p.authors, p.source
        ('2405.00263', 'Clover', 2024, ('Xiao, Bin',), 'refs.ris:1')
    """
    import rispy

    found: list[tuple[str, dict | InputError]] = []
    chunks = list(ris_chunks(text))
    if not chunks:
        yield InputError("no RIS record (a record starts with a 'TY  - ' line)", source)
        return
    for n, chunk in chunks:
        loc = f"{source}:{n}"
        if not chunk.splitlines()[-1].startswith("ER"):
            found.append((loc, InputError("record not closed by an 'ER  - ' line", loc)))
            continue
        try:
            entries = rispy.loads(chunk, skip_unknown_tags=True)
        except Exception as e:  # rispy's own failures become a located error
            found.append((loc, InputError(f"cannot parse RIS record: {e}", loc)))
            continue
        if len(entries) != 1:
            found.append((loc, InputError("malformed RIS record", loc)))
            continue
        found.append((loc, _record(entries[0])))
    yield from with_references(found)


def _record(e: dict) -> dict:
    title = _one(e.get("title") or e.get("primary_title") or e.get("translated_title"))
    doi = _one(e.get("doi")) or None
    urls = [str(u) for u in (e.get("urls") or []) if u]
    eid = next((m.group(1) for u in urls if (m := _EID.search(u))), None)
    date = _one(e.get("date")) or _one(e.get("publication_year")) or _one(e.get("year"))
    year = _one(e.get("year")) or _one(e.get("publication_year")) or date
    notes = e.get("notes") or []
    if isinstance(notes, str):
        notes = [notes]
    cited: list[str] = []
    for note in notes:
        note = str(note)
        if note.startswith("References:"):
            cited += split_scopus_refs(note[len("References:") :])
    own = _one(e.get("id")) or eid
    arxiv = next((norm_arxiv(u) for u in urls if "arxiv.org/" in u), None)
    return {
        "id": arxiv if arxiv and not own and not norm_doi(doi) else paper_id(doi, own, title),
        "title": title,
        "abstract": _one(e.get("abstract") or e.get("notes_abstract")),
        "year": year[:4] if re.match(r"\d{4}", year) else (year or None),
        "month": month_of(date),
        "date": date or None,
        "authors": list(e.get("authors") or e.get("first_authors") or []),
        "doi": doi,
        "url": urls[0] if urls else None,
        "extra_ids": [f"scopus:{eid}"] if eid else [],
        "cited": cited,
    }
