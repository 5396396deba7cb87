"""JSON from the scholarly APIs: Semantic Scholar's Graph API and OpenAlex works.

Both come as one object, a list, a wrapper (``{"data": [...]}`` from Semantic
Scholar, ``{"results": [...]}`` from OpenAlex) or JSON Lines. Each record is
recognised by its shape, so the plain JSON readers read them too:

* Semantic Scholar: ``paperId``, ``externalIds`` (``DOI``, ``ArXiv``…),
  ``references[].paperId``; a ``{"citedPaper": {...}}`` wrapper (the references
  endpoint) is unwrapped.
* OpenAlex: ``id`` ``https://openalex.org/W…``, ``abstract_inverted_index``
  (rebuilt into the abstract), ``referenced_works``, ``authorships``.

Ids: the arXiv id when there is one, else the DOI, else the source's own id; all
of them are kept (``s2:…``, ``openalex:W…``) so the same paper from both APIs, or
from an arXiv feed, is merged, and references between them resolve.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..errors import InputError
from ..model import Paper
from .ids import norm_arxiv, norm_doi
from .records import as_list, clean_text, make_paper, parse_json, split_lines

Record = dict


def is_s2(record: object) -> bool:
    """Whether a JSON object is a Semantic Scholar paper.

    Example:
        >>> is_s2({"paperId": "abc", "title": "T"}), is_s2({"title": "T"})
        (True, False)
    """
    return isinstance(record, dict) and (
        "paperId" in record or "citedPaper" in record or "citingPaper" in record
    )


def is_openalex(record: object) -> bool:
    """Whether a JSON object is an OpenAlex work.

    Example:
        >>> is_openalex({"id": "https://openalex.org/W1", "title": "T"})
        True
    """
    return isinstance(record, dict) and (
        "abstract_inverted_index" in record
        or str(record.get("id") or "").startswith("https://openalex.org/W")
    )


def s2_record(r: dict) -> Record:
    """A Semantic Scholar paper as a flat record for :func:`make_paper`.

    Example:
        >>> rec = s2_record({"paperId": "204e30", "title": "Attention Is All You Need",
        ...     "abstract": "The dominant models.", "year": 2017,
        ...     "externalIds": {"ArXiv": "1706.03762", "DOI": "10.48550/arXiv.1706.03762"},
        ...     "references": [{"paperId": "4550a4"}, {"paperId": None, "title": "LSTM"}]})
        >>> rec["id"], rec["extra_ids"], rec["references"]
        ('1706.03762', ['s2:204e30'], ['s2:4550a4', 'title:LSTM'])
    """
    for wrap in ("citedPaper", "citingPaper"):
        if isinstance(r.get(wrap), dict):
            r = r[wrap]
    ext = r.get("externalIds") if isinstance(r.get("externalIds"), dict) else {}
    arxiv = norm_arxiv(ext.get("ArXiv"))
    doi = norm_doi(ext.get("DOI"))
    pid = clean_text(r.get("paperId"))
    extra = [f"s2:{pid}"] if pid else []
    extra += [f"{k.lower()}:{v}" for k, v in sorted(ext.items()) if k not in ("ArXiv", "DOI") and v]
    refs = []
    for ref in as_list(r.get("references"), "references"):
        if isinstance(ref, dict):
            cited = ref.get("citedPaper")
            key = _s2_ref(cited if isinstance(cited, dict) else ref)
        else:
            key = clean_text(ref)
        if key:
            refs.append(key)
    return {
        "id": arxiv or doi or pid or None,
        "title": r.get("title"),
        "abstract": r.get("abstract"),
        "year": r.get("year") or (str(r.get("publicationDate") or "")[:4] or None),
        "date": r.get("publicationDate"),
        "authors": r.get("authors") or [],
        "url": r.get("url") or (f"https://arxiv.org/abs/{arxiv}" if arxiv else None),
        "doi": doi,
        "arxiv": arxiv,
        "references": refs,
        "extra_ids": extra,
    }


def _s2_ref(ref: dict) -> str:
    ext = ref.get("externalIds") if isinstance(ref.get("externalIds"), dict) else {}
    alts = []
    if ref.get("paperId"):
        alts.append(f"s2:{clean_text(ref['paperId'])}")
    if ext.get("ArXiv"):
        alts.append(f"arxiv:{clean_text(ext['ArXiv'])}")
    if ext.get("DOI"):
        alts.append(f"doi:{clean_text(ext['DOI'])}")
    if not alts and ref.get("title"):
        alts.append(f"title:{clean_text(ref['title'])}")
    return "|".join(alts)


def rebuild_abstract(index: object) -> str | None:
    """The text of an OpenAlex ``abstract_inverted_index`` ({word: [positions]}).

    Returns ``None`` when the index is not of that shape.

    Example:
        >>> rebuild_abstract({"We": [0], "scale": [1, 3], "and": [2]})
        'We scale and scale'
    """
    if index is None:
        return ""
    if not isinstance(index, dict):
        return None
    words: dict[int, str] = {}
    for word, positions in index.items():
        if not isinstance(positions, list):
            return None
        for pos in positions:
            if not isinstance(pos, int) or isinstance(pos, bool) or pos < 0:
                return None
            words[pos] = word
    return " ".join(words[i] for i in sorted(words))


def openalex_record(r: dict) -> Record | str:
    """An OpenAlex work as a flat record, or the reason it cannot be one.

    Example:
        >>> rec = openalex_record({"id": "https://openalex.org/W2963403868",
        ...     "doi": "https://doi.org/10.48550/arxiv.1706.03762",
        ...     "title": "Attention Is All You Need", "publication_year": 2017,
        ...     "abstract_inverted_index": {"The": [0], "dominant": [1], "models.": [2]},
        ...     "referenced_works": ["https://openalex.org/W1"]})
        >>> rec["id"], rec["abstract"], rec["extra_ids"], rec["references"]
        ('1706.03762', 'The dominant models.', ['openalex:W2963403868'], ['openalex:W1'])
    """
    abstract = rebuild_abstract(r.get("abstract_inverted_index"))
    if abstract is None:
        return "abstract_inverted_index is not an object of {word: [positions]}"
    wid = clean_text(r.get("id")).rsplit("/", 1)[-1]
    ids = r.get("ids") if isinstance(r.get("ids"), dict) else {}
    doi = norm_doi(r.get("doi") or ids.get("doi"))
    arxiv = norm_arxiv(doi)
    urls = []
    for loc in [r.get("primary_location"), *as_list(r.get("locations"), "locations")]:
        if isinstance(loc, dict) and loc.get("landing_page_url"):
            urls.append(str(loc["landing_page_url"]))
    for u in urls:
        if not arxiv and "arxiv.org/" in u:
            arxiv = norm_arxiv(u)
    extra = [f"openalex:{wid}"] if wid else []
    extra += [f"{k}:{clean_text(v).rsplit('/', 1)[-1]}" for k, v in sorted(ids.items())
              if k in ("mag", "pmid", "pmcid") and v]  # fmt: skip
    authors = []
    for a in as_list(r.get("authorships"), "authorships"):
        if isinstance(a, dict):
            who = a.get("author") if isinstance(a.get("author"), dict) else {}
            authors.append(who.get("display_name") or a.get("raw_author_name") or "")
    works = as_list(r.get("referenced_works"), "referenced_works")
    refs = [f"openalex:{clean_text(w).rsplit('/', 1)[-1]}" for w in works if w]
    return {
        "id": arxiv or doi or wid or None,
        "title": r.get("title") or r.get("display_name"),
        "abstract": abstract,
        "year": r.get("publication_year") or (str(r.get("publication_date") or "")[:4] or None),
        "date": r.get("publication_date"),
        "authors": [a for a in authors if a],
        "url": (urls[0] if urls else None) or (r.get("doi") or None),
        "doi": doi,
        "arxiv": arxiv,
        "references": refs,
        "extra_ids": extra,
    }


def api_paper(record: object, loc: str) -> Paper | InputError:
    """A Semantic Scholar or OpenAlex record (recognised by shape), or any plain
    record, as a :class:`Paper`.

    Example:
        >>> api_paper({"paperId": "a1", "title": "T", "abstract": "A."}, "s2.json: record 1").id
        'a1'
    """
    try:
        if is_openalex(record):
            rec = openalex_record(record)
            if isinstance(rec, str):
                return InputError(rec, loc)
            return make_paper(rec, loc)
        if is_s2(record):
            return make_paper(s2_record(record), loc)
        return make_paper(record, loc)
    except (TypeError, AttributeError, ValueError, KeyError) as e:
        # a field of an unexpected type ("references": 5): this record is bad, not the run
        return InputError(f"unexpected value in record: {e}", loc)
    except RecursionError:  # a field of lists in lists, hundreds deep
        return InputError("a value nested too deeply in the record", loc)


def json_records(text: str, source: str) -> Iterator[tuple[str, object]]:
    """``(location, record)`` for each record of a JSON document or of JSON Lines.

    A document is an object, an array, or a wrapper object with a ``data``,
    ``results``, ``papers`` or ``records`` list; anything that does not parse as
    one document is read as JSON Lines. A broken line yields an :class:`InputError`
    as its record.

    Example:
        >>> [loc for loc, _ in json_records('{"data": [{"a": 1}, {"b": 2}]}', "s.json")]
        ['s.json: record 1', 's.json: record 2']
    """
    try:
        doc = parse_json(text, source)
    except InputError as e:
        all_lines = split_lines(text)
        first = next((ln for ln in all_lines if ln.strip()), "")
        try:
            parse_json(first, source)
            lines = True
        except InputError:
            lines = False
        if not lines:
            yield e.location or source, e
            return
        for n, line in enumerate(all_lines, 1):
            if not line.strip():
                continue
            try:
                yield f"{source}:{n}", parse_json(line, source, line=n)
            except InputError as e2:
                yield f"{source}:{n}", e2
        return
    if isinstance(doc, dict):
        for key in ("data", "results", "papers", "records"):
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
        else:
            doc = [doc]
    if not isinstance(doc, list):
        yield source, InputError("expected a JSON object or an array of paper records", source)
        return
    for i, record in enumerate(doc, 1):
        yield f"{source}: record {i}", record


def _read_api(
    text: str, source: str, kind: str, check: Callable[[object], bool]
) -> Iterator[Paper | InputError]:
    for loc, record in json_records(text, source):
        if isinstance(record, InputError):
            yield record
        elif not isinstance(record, dict):
            yield InputError(f"expected a JSON object, got {type(record).__name__}", loc)
        elif not check(record):
            keys = ", ".join(str(k) for k in list(record)[:6])
            yield InputError(f"not a {kind} record (keys: {keys})", loc)
        else:
            yield api_paper(record, loc)


def read_s2(text: str, source: str) -> Iterator[Paper | InputError]:
    """Papers from Semantic Scholar Graph API JSON (a paper, a list, ``{"data": [...]}``).

    Example:
        >>> doc = '{"data": [{"paperId": "a1", "title": "T", "abstract": "A."}]}'
        >>> [p.id for p in read_s2(doc, "s2.json")]
        ['a1']
    """
    return _read_api(text, source, "Semantic Scholar", is_s2)


def read_openalex(text: str, source: str) -> Iterator[Paper | InputError]:
    """Papers from OpenAlex works JSON (a work, a list, ``{"results": [...]}``).

    Example:
        >>> w = '{"id": "https://openalex.org/W9", "title": "T", '
        >>> w += '"abstract_inverted_index": {"A.": [0]}}'
        >>> [p.id for p in read_openalex(w, "oa.json")]
        ['W9']
    """
    return _read_api(text, source, "OpenAlex work", is_openalex)
