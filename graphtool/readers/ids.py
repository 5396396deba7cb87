"""Identifiers papers carry across sources: DOIs, arXiv ids, and typed ids.

Every source names a paper its own way (a DOI URL, ``arXiv:1706.03762v5``, a
Semantic Scholar ``paperId``, an OpenAlex ``W`` URL). These helpers bring them to
one spelling, so that the same paper read from two sources, or cited by one and
present in another, is recognised. Typed ids are written ``kind:value``
(``s2:204e3073…``, ``openalex:W2963403868``, ``doi:10.1145/…``, ``arxiv:1706.03762``).
"""

from __future__ import annotations

import re

_DOI = re.compile(r"(10\.\d{4,9}/\S+)", re.IGNORECASE)
_ARXIV_NEW = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])", re.IGNORECASE)
_ARXIV_OLD = re.compile(r"\b([a-z][a-z.-]+/\d{7})(?:v\d+)?\b", re.IGNORECASE)
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.IGNORECASE)
_OPENALEX = re.compile(r"^(?:https?://openalex\.org/|openalex:)?(W\d+)$", re.IGNORECASE)


def norm_doi(value: object) -> str | None:
    """A DOI in lower case without its URL or ``doi:`` prefix; ``None`` if there is none.

    Example:
        >>> norm_doi("https://doi.org/10.1145/3458817.3476209")
        '10.1145/3458817.3476209'
        >>> norm_doi("DOI: 10.48550/arXiv.1706.03762.") is None, norm_doi("n/a")
        (False, None)
    """
    if not value:
        return None
    m = _DOI.search(str(value))
    if not m:
        return None
    return m.group(1).rstrip(".,;)").lower()


def norm_arxiv(value: object) -> str | None:
    """An arXiv id without version suffix, URL or ``arXiv:`` prefix; ``None`` if none.

    Old-style ids keep their archive (``hep-th/9901001``). A DOI of the form
    ``10.48550/arXiv.NNNN.NNNNN`` is an arXiv id too.

    Example:
        >>> norm_arxiv("http://arxiv.org/abs/1706.03762v7")
        '1706.03762'
        >>> norm_arxiv("arXiv:hep-th/9901001v2"), norm_arxiv("10.48550/arXiv.2307.08691")
        ('hep-th/9901001', '2307.08691')
        >>> norm_arxiv("2023") is None
        True
    """
    if not value:
        return None
    s = str(value).strip()
    doi = norm_doi(s)
    if doi:
        m = _ARXIV_DOI.match(doi)
        if not m:
            return None
        s = m.group(1)
    m = _ARXIV_NEW.search(s)
    if m:
        return m.group(1)
    m = _ARXIV_OLD.search(s)
    if m and ("arxiv" in s.lower() or re.fullmatch(r"[a-z.-]+/\d{7}(v\d+)?", s, re.I)):
        return m.group(1).lower()
    return None


_ARXIV_YYMM = re.compile(r"^(?:[a-z.-]+/)?(\d{2})(\d{2})")


def arxiv_date(arxiv_id: str | None) -> tuple[int, int] | None:
    """The year and month an arXiv id was first submitted, read off the id itself.

    New-style ids start ``YYMM`` (since April 2007); old-style ids are
    ``archive/YYMMNNN`` (1991 to March 2007).

    Example:
        >>> arxiv_date("2409.12345"), arxiv_date("hep-th/9901001"), arxiv_date(None)
        ((2024, 9), (1999, 1), None)
    """
    if not arxiv_id:
        return None
    m = _ARXIV_YYMM.match(arxiv_id)
    if not m:
        return None
    yy, mm = int(m.group(1)), int(m.group(2))
    if not 1 <= mm <= 12:
        return None
    year = 1900 + yy if yy >= 91 else 2000 + yy
    return year, mm


def ref_keys(ref: str) -> list[str]:
    """Every key a reference may be known by, most specific first.

    A reference is one id or several alternatives joined by ``|`` (a Semantic
    Scholar reference with a ``paperId`` and a DOI is ``s2:…|doi:…``). Bare DOIs,
    arXiv ids and OpenAlex URLs are typed; the raw string is kept as a key too, so
    a reference to a corpus record's own ``id`` still resolves.

    Example:
        >>> ref_keys("https://openalex.org/W2963403868")
        ['openalex:W2963403868', 'https://openalex.org/W2963403868']
        >>> ref_keys("s2:abc|doi:10.1145/X")
        ['s2:abc', 'doi:10.1145/x']
        >>> ref_keys("arXiv:1706.03762v5")
        ['arxiv:1706.03762', 'arXiv:1706.03762v5']
    """
    keys: list[str] = []

    def add(k: str) -> None:
        if k and k not in keys:
            keys.append(k)

    for alt in (a.strip() for a in str(ref).split("|")):
        if not alt:
            continue
        kind, _, value = alt.partition(":")
        if kind == "doi" and value:
            doi = norm_doi(value)
            arx = norm_arxiv(doi)
            add(f"arxiv:{arx}" if arx else "")
            add(f"doi:{doi}" if doi else alt)
            continue
        if kind in ("s2", "arxiv", "openalex") and value:
            if kind == "arxiv":
                add(f"arxiv:{norm_arxiv(value) or value}")
            elif kind == "openalex":
                m = _OPENALEX.match(value)
                add(f"openalex:{m.group(1).upper()}" if m else alt)
            else:
                add(alt)
            continue
        m = _OPENALEX.match(alt)
        if m:
            add(f"openalex:{m.group(1).upper()}")
        else:
            doi = norm_doi(alt)
            arx = norm_arxiv(alt)
            if arx:
                add(f"arxiv:{arx}")
            if doi:
                add(f"doi:{doi}")
        add(alt)
    return keys


def paper_keys(paper) -> list[str]:
    """The keys under which a paper can be found: its id, DOI, arXiv id and extra ids.

    Example:
        >>> from graphtool.model import Paper
        >>> paper_keys(Paper("vaswani2017", "T", "A.", doi="10.1/x", arxiv="1706.03762"))
        ['vaswani2017', 'doi:10.1/x', 'arxiv:1706.03762']
    """
    keys = [paper.id]
    if paper.doi:
        keys.append(f"doi:{paper.doi}")
    if paper.arxiv:
        keys.append(f"arxiv:{paper.arxiv}")
    keys += [k for k in paper.extra_ids if k not in keys]
    return keys


def typed_keys(paper) -> list[str]:
    """The keys that prove identity (DOI, arXiv id, a source's own paper id), not the
    free-form ``id`` a file may give (``1``, ``2``… clash across files).

    Example:
        >>> from graphtool.model import Paper
        >>> typed_keys(Paper("1", "T", "A.", arxiv="1706.03762", extra_ids=("s2:ab",)))
        ['arxiv:1706.03762', 's2:ab']
    """
    return [k for k in paper_keys(paper)[1:] if ":" in k]
