"""Web of Science exports: plain text (``savedrecs.txt``, ``.ciw``) and tab-delimited.

Both use the Web of Science field tags: ``TI`` title, ``AB`` abstract, ``AU``/``AF``
authors, ``PY`` year, ``PD`` publication date (``JUL 21``: the month), ``EA`` early
access date, ``DI`` DOI, ``UT`` the record's accession number (``WOS:…``) and ``CR``
the cited references, which are resolved to the papers of the same file by DOI or by
first author, year, volume and first page (:mod:`.citations`). The plain text is
parsed with rispy's Web of Science parser, one record (``PT`` … ``ER``) at a time so
that a broken record is reported by its line; the tab-delimited export (a header row
of tags, ``PT	AU	…``) with the csv module.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from ..errors import InputError
from ..model import Paper
from .citations import month_of, paper_id, with_references, wos_key
from .ris import ris_chunks


def read_wos(text: str, source: str) -> Iterator[Paper | InputError]:
    """Papers from a Web of Science plain-text export, one per record.

    Example:
        >>> txt = '''FN Clarivate Analytics Web of Science
        ... VR 1.0
        ... PT J
        ... AU Leviathan, Y
        ... TI Fast Inference from Transformers via
        ...    Speculative Decoding
        ... AB We introduce speculative decoding.
        ... PD JUL
        ... PY 2023
        ... UT WOS:001004994000033
        ... ER
        ... EF'''
        >>> p = next(read_wos(txt, "savedrecs.txt"))
        >>> p.id, p.title, p.year, p.source
        ('WOS:001004994000033', 'Fast Inference from Transformers via Speculative Decoding', \
2023, 'savedrecs.txt:3')
    """
    import rispy

    chunks = list(ris_chunks(text, start="PT", end="ER"))
    if not chunks:
        yield InputError("no Web of Science record (a record starts with a 'PT ' line)", source)
        return
    found: list[tuple[str, dict | InputError]] = []
    for n, chunk in chunks:
        loc = f"{source}:{n}"
        if not chunk.splitlines()[-1].startswith("ER"):
            found.append((loc, InputError("record not closed by an 'ER' line", loc)))
            continue
        try:
            entries = rispy.loads(chunk, implementation=rispy.WokParser, skip_unknown_tags=True)
        except Exception as e:  # rispy's own failures become a located error
            found.append((loc, InputError(f"cannot parse Web of Science record: {e}", loc)))
            continue
        if len(entries) != 1:
            found.append((loc, InputError("malformed Web of Science record", loc)))
            continue
        e = entries[0]
        found.append((loc, _record({tag: e.get(key) for tag, key in _KEYS.items()})))
    yield from with_references(found)


def read_wos_tab(text: str, source: str) -> Iterator[Paper | InputError]:
    """Papers from a Web of Science tab-delimited export (a header row of field tags).

    Example:
        >>> tab = ("PT\\tAU\\tTI\\tAB\\tPY\\tPD\\tUT\\n"
        ...        "J\\tLi, Y; Wei, F\\tEAGLE\\tWe propose EAGLE.\\t2024\\tJUL 21\\tWOS:1\\n")
        >>> [(p.id, p.authors, p.year) for p in read_wos_tab(tab, "savedrecs.txt")]
        [('WOS:1', ('Li, Y', 'Wei, F'), 2024)]
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if not header or "TI" not in [h.strip().lstrip("\ufeff") for h in header]:
        yield InputError("no header row of Web of Science tags (PT, AU, TI, AB, …)", f"{source}:1")
        return
    tags = [h.strip().lstrip("\ufeff") for h in header]
    found: list[tuple[str, dict | InputError]] = []
    for row in reader:
        loc = f"{source}:{reader.line_num}"
        if not any(c.strip() for c in row):
            continue
        fields = {t: row[i] for i, t in enumerate(tags) if i < len(row) and row[i].strip()}
        for tag in ("AU", "AF", "CR"):
            if tag in fields:
                fields[tag] = [v.strip() for v in fields[tag].split(";") if v.strip()]
        found.append((loc, _record(fields)))
    yield from with_references(found)


_KEYS = {
    "TI": "document_title",
    "AB": "abstract",
    "AU": "authors",
    "AF": "author_full_name",
    "PY": "publication_year",
    "PD": "publication_date",
    "EA": "early_access_date",
    "DI": "doi",
    "UT": "accession_number",
    "CR": "cited_references",
    "VL": "volume",
    "BP": "beginning_page",
    "AR": "article_number",
}


def _str(v: object) -> str:
    if isinstance(v, list):
        v = " ".join(str(x) for x in v)
    return re.sub(r"\s+", " ", str(v or "")).strip()


def _record(f: dict) -> dict:
    title = _str(f.get("TI"))
    doi = _str(f.get("DI")) or None
    authors = f.get("AF") or f.get("AU") or []
    if isinstance(authors, str):
        authors = [authors]
    short = f.get("AU") or authors
    year = _str(f.get("PY")) or _str(f.get("EA"))[-4:]
    month = month_of(f.get("PD")) or month_of(f.get("EA"))
    cited = f.get("CR") or []
    if isinstance(cited, str):
        cited = [cited]
    return {
        "id": paper_id(doi, _str(f.get("UT")), title),
        "title": title,
        "abstract": _str(f.get("AB")),
        "year": year or None,
        "month": month,
        "date": f"{year}-{month:02d}" if year and month else (year or None),
        "authors": [_str(a) for a in authors],
        "doi": doi,
        "extra_ids": [f"wos:{_str(f.get('UT')).removeprefix('WOS:')}"] if f.get("UT") else [],
        "cited": [_str(c) for c in cited],
        "wos": wos_key(
            _str(short[0]) if short else "",
            year,
            _str(f.get("VL")),
            _str(f.get("BP")) or _str(f.get("AR")),
        ),
    }
