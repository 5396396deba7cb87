"""One plain record (a dict of fields) → one :class:`Paper` or one :class:`InputError`.

Every reader turns its own shape (a BibTeX entry, a CSV row, an Atom entry, a
Semantic Scholar or OpenAlex object) into a flat record with these keys, and this
module checks it and builds the paper, so the rules (title and abstract required,
year a number, ids normalised) are the same for every format:

``title``, ``abstract`` (required); ``id``, ``year``, ``authors`` (a list, or a
string split on ``;`` and `` and ``), ``url``, ``doi``, ``arxiv``, ``references``
(ids; alternatives joined by ``|``), ``extra_ids`` (typed ``kind:value`` ids).
"""

from __future__ import annotations

import json
import re

from ..errors import InputError
from ..model import Paper, slugify
from .ids import arxiv_date, norm_arxiv, norm_doi

_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (``"\\ud800"`` from a JSON escape: no character,
    and no encoding can write it) replaced by U+FFFD, the replacement character.

    Example:
        >>> no_surrogates("T \\ud800 x")
        'T \\ufffd x'
    """
    return _SURROGATE.sub("\ufffd", text) if not text.isascii() else text


def clean_text(value: object) -> str:
    """Collapse whitespace; a list becomes its items joined by spaces; ``None`` is ``""``.
    Lone surrogates become U+FFFD (:func:`no_surrogates`).

    Example:
        >>> clean_text("  Attention\\n  is   all ")
        'Attention is all'
    """
    if value is None:
        return ""
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    # str.split() cuts at the characters re's \s matches (str.isspace), and strips
    return no_surrogates(" ".join(str(value).split()))


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, split at ``\\n``, ``\\r\\n`` and ``\\r`` only: U+2028,
    U+2029, U+0085 and the other separators ``str.splitlines`` also cuts at are text
    (JSON strings may hold them).

    Example:
        >>> split_lines('{"t": "a\\u2028b"}\\r\\n{"t": "c"}')
        ['{"t": "a\\u2028b"}', '{"t": "c"}']
    """
    return _NEWLINE.split(text)


_NEWLINE = re.compile(r"\r\n|\r|\n")
#: Nesting of arrays and objects past this depth is named in the error when a record
#: is too deep for the parser.
MAX_JSON_DEPTH = 200


def parse_json(text: str, loc: str, line: int | None = None, what: str = "JSON") -> object:
    """``json.loads(text)``, or an :class:`InputError` that says where and what to do:
    broken JSON (with the line and column), nesting too deep for the parser (located
    where it passes :data:`MAX_JSON_DEPTH` levels), a number too long to read.
    ``loc`` is the file (with ``line``: the line ``text`` starts at, for JSON Lines);
    ``what`` names the text in messages.

    Example:
        >>> parse_json('{"a": [1]}', "x.json")
        {'a': [1]}
        >>> parse_json('{"a": ' + '[' * 5000, "x.jsonl", line=3)
        Traceback (most recent call last):
        ...
        graphtool.errors.InputError: x.jsonl:3: JSON nested too deeply (past 200 levels \
at column 206); flatten the record
    """

    def where(pos: int) -> tuple[str, int]:
        n = text.count("\n", 0, pos)
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        return (f"{loc}:{(line or 1) + n}" if line or n else f"{loc}:1"), col

    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        at, col = where(e.pos)
        raise InputError(f"broken {what}: {e.msg} (column {col})", at) from None
    except RecursionError:  # deeper than the parser can go
        deep = _too_deep(text)
        at, col = where(deep or 0)
        raise InputError(
            f"{what} nested too deeply (past {MAX_JSON_DEPTH} levels at column {col}); "
            "flatten the record",
            at,
        ) from None
    except ValueError as e:  # a number of thousands of digits
        m = re.search(r"\d{4000,}", text)
        at, col = where(m.start() if m else 0)
        raise InputError(
            f"a number too long to read ({len(m.group()) if m else 'thousands of'} digits, "
            f"column {col}): {str(e).split(';')[0]}; write it as a string",
            at,
        ) from None
    if _SURROGATE_ESCAPE.search(text):  # "\ud800": a lone surrogate may have been read
        value = _replace_surrogates(value)
    return value


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _replace_surrogates(value: object) -> object:
    """``value`` (parsed JSON) with :func:`no_surrogates` applied to every string, keys
    included; without recursion, so any depth the parser allowed is fine."""
    if isinstance(value, str):
        return no_surrogates(value)
    if not isinstance(value, (list, dict)):
        return value
    root = [value]
    stack: list[tuple[object, object]] = [(root, 0)]
    while stack:
        parent, key = stack.pop()
        item = parent[key]  # type: ignore[index]
        if isinstance(item, str):
            parent[key] = no_surrogates(item)  # type: ignore[index]
        elif isinstance(item, list):
            stack.extend((item, i) for i in range(len(item)))
        elif isinstance(item, dict):
            fixed = {no_surrogates(k): v for k, v in item.items()}
            item.clear()
            item.update(fixed)
            stack.extend((item, k) for k in item)
    return root[0]


def _too_deep(text: str) -> int | None:
    """The offset where the nesting of ``[`` and ``{`` (outside strings) first goes past
    :data:`MAX_JSON_DEPTH`, or None. Only counted when the text has that many brackets."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return None
    depth = 0
    for m in _JSON_TOKENS.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return m.start()
        elif c in "]}":
            depth -= 1
    return None


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


_MATH = re.compile(r"\$(?=\S)([^$]{1,40}?)(?<=\S)\$")


def latex_math(text: str) -> str:
    r"""Short inline LaTeX math as the text it shows: ``PanGu-$α$`` and
    ``PanGu-$\alpha$`` become ``PanGu-α``; prices (``$5 and $10``) stay as written.

    Example:
        >>> latex_math("PanGu-$\\alpha$ beats PanGu-$α$ at $O(n^2)$ for $5 and $10")
        'PanGu-α beats PanGu-α at O(n^2) for $5 and $10'
    """
    if "$" not in text:
        return text
    from pylatexenc.latex2text import LatexNodes2Text

    convert = LatexNodes2Text(math_mode="text").latex_to_text

    def one(m: re.Match) -> str:
        try:
            return convert(m.group(1)).strip() or m.group(0)
        except Exception:  # not LaTeX after all: keep it as written
            return m.group(0)

    return _MATH.sub(one, text)


_FONT = re.compile(
    r"\\(?:emph|textit|textbf|texttt|textsc|textsf|textrm|textsl|textup|textmd|textnormal"
    r"|underline|uline|mbox)\{([^{}]{0,200})\}"
    r"|\{\\(?:em|it|bf|tt|sc|sf|rm)\s+([^{}]{0,200})\}"
)


def latex_fonts(text: str) -> str:
    r"""LaTeX font commands as the words they set: ``{\em FairRec}``, ``\emph{null space}``
    and ``\underline{Y}ou`` become ``FairRec``, ``null space`` and ``You``.

    Example:
        >>> latex_fonts(r"our proposed {\em FairRec} algorithm and the \emph{null space}")
        'our proposed FairRec algorithm and the null space'
    """
    for _ in range(3):  # nested: "\textit{Multi \textbf{P}ose}"
        if "\\" not in text:
            break
        text, n = _FONT.subn(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
        if not n:
            break
    return text


def latex_text(text: str) -> str:
    r"""Inline math and font commands as the text they show (:func:`latex_math`,
    :func:`latex_fonts`).

    Example:
        >>> latex_text(r"\textit{In Silico} tests of PanGu-$\alpha$")
        'In Silico tests of PanGu-α'
    """
    return latex_fonts(latex_math(text))


def as_list(value: object, field: str) -> list:
    """A record's list field: ``[]`` when missing, the list itself, or a clear error.

    Example:
        >>> as_list(None, "references"), as_list(["a"], "references")
        ([], ['a'])
        >>> as_list(5, "references")
        Traceback (most recent call last):
        ...
        TypeError: 'references' should be a list, not int
    """
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    raise TypeError(f"{field!r} should be a list, not {type(value).__name__}")


def split_authors(value: object) -> tuple[str, ...]:
    """Author names from a list (of strings or ``{"name": …}`` objects) or a string.

    Example:
        >>> split_authors("Vaswani, Ashish; Shazeer, Noam")
        ('Vaswani, Ashish', 'Shazeer, Noam')
        >>> split_authors([{"name": "A. Author"}, "B. Author"])
        ('A. Author', 'B. Author')
    """
    if not value:
        return ()
    if isinstance(value, str):
        value = [a.strip() for a in re.split(r";| and ", value) if a.strip()]
    if not isinstance(value, (list, tuple)):
        value = [value]
    names = []
    for a in value:
        if isinstance(a, dict):
            a = a.get("name") or " ".join(str(a.get(k) or "") for k in ("given", "family")).strip()
        name = clean_text(a)
        if name:
            names.append(name)
    return tuple(names)


def make_paper(record: object, loc: str, source_line: str | None = None) -> Paper | InputError:
    """Check one flat record and build its :class:`Paper`, or say what is wrong with it.

    The id is the record's ``id``, else a slug of the title. A DOI of the form
    ``10.48550/arXiv.…`` also fills ``arxiv``.

    Example:
        >>> make_paper({"title": "T", "abstract": "A.", "doi": "https://doi.org/10.1145/X"},
        ...            "x.csv:2").doi
        '10.1145/x'
        >>> str(make_paper({"title": "T"}, "x.csv:3"))
        "x.csv:3: record has no abstract (title 'T')"
    """
    if not isinstance(record, dict):
        return InputError(f"expected a JSON object, got {type(record).__name__}", loc)
    loc = no_surrogates(loc)
    title = latex_text(clean_text(record.get("title")))
    abstract = latex_text(clean_text(record.get("abstract")))
    if not title:
        return InputError("record has no title", loc)
    if not abstract:
        return InputError(f"record has no abstract (title {title[:50]!r})", loc)
    year = record.get("year")
    if year in ("", None):
        year = None
    else:
        m = re.match(r"\s*(\d{4})", str(year))
        if not m:
            return InputError(f"year is not a number: {year!r}", loc)
        year = int(m.group(1))
    refs = record.get("references") or ()
    if isinstance(refs, str):
        refs = [r for r in re.split(r"[;\s]+", refs) if r]
    if not isinstance(refs, (list, tuple)):
        refs = [refs]
    refs = tuple(
        clean_text(r.get("id") or r.get("paperId") or "") if isinstance(r, dict) else clean_text(r)
        for r in refs
        if r is not None
    )
    doi = norm_doi(record.get("doi"))
    rid = record.get("id")
    url = clean_text(record.get("url"))
    arxiv = norm_arxiv(record.get("arxiv")) or norm_arxiv(doi)
    if not arxiv and "arxiv.org/" in url:
        arxiv = norm_arxiv(url)
    if not arxiv and re.fullmatch(r"\d{4}\.\d{4,5}(v\d+)?", clean_text(rid)):
        arxiv = norm_arxiv(clean_text(rid))
    year, month = _when(year, record, arxiv)
    pid = clean_text(rid) if rid not in (None, "") else slugify(title)
    extra = as_list(record.get("extra_ids"), "extra_ids")
    return Paper(
        id=pid,
        title=title,
        abstract=abstract,
        year=year,
        authors=split_authors(record.get("authors")),
        url=url or None,
        references=tuple(r for r in refs if r),
        doi=doi,
        arxiv=arxiv,
        source=source_line or loc,
        extra_ids=tuple(dict.fromkeys(clean_text(e) for e in extra if e)),
        month=month,
    )


_DATE = re.compile(r"\s*(\d{4})(?:[-/.](\d{1,2}))?")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def _month(value: object) -> int | None:
    """A month from ``9``, ``"09"``, ``"Sep"`` or ``"September"``; ``None`` otherwise."""
    s = clean_text(value).lower()
    if s.isdigit():
        return int(s) if 1 <= int(s) <= 12 else None
    return _MONTHS.get(s[:3]) if len(s) >= 3 else None


def _when(year: int | None, record: dict, arxiv: str | None) -> tuple[int | None, int | None]:
    """The year and month of a record: its ``year`` and ``month``, else its ``date``
    (``2024-09-17``), else the month its arXiv id was submitted in.

    A month is kept only when it agrees with the year given.

    Example:
        >>> _when(None, {"date": "2024-09-17"}, None), _when(2024, {}, "2409.1")
        ((2024, 9), (2024, 9))
        >>> _when(2025, {}, "2409.1"), _when(None, {}, "2409.1")
        ((2025, None), (2024, 9))
    """
    month = _month(record.get("month")) if year is not None else None
    for key in ("date", "published", "publication_date", "publicationDate"):
        m = _DATE.match(clean_text(record.get(key)))
        if not m:
            continue
        y, mo = int(m.group(1)), int(m.group(2)) if m.group(2) else None
        if mo is not None and not 1 <= mo <= 12:
            mo = None
        if year is None:
            year, month = y, mo
        elif y == year and month is None:
            month = mo
        break
    from_id = arxiv_date(arxiv)
    if from_id and (year is None or (year == from_id[0] and month is None)):
        year, month = from_id
    return year, month
