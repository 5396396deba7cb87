"""BibTeX (``.bib``): Zotero, Mendeley, Google Scholar and hand-written files.

Parsed with bibtexparser 2 (``@string`` macros resolved, braces and quotes
removed, LaTeX accents decoded to Unicode: ``G{\\"o}del`` → ``Gödel``). The paper
id is the entry's citation key; ``doi``, ``eprint`` (arXiv), ``url``, ``year``,
``author`` and ``abstract`` fill the rest. An arXiv id is also read from
``journal = {arXiv preprint arXiv:…}`` and arXiv URLs.

A ``%`` inside a field's braces or quotes is text (``{70% Size}``), as BibTeX reads
it, not a LaTeX comment: only lines outside entries are comments.

A broken entry (unbalanced braces, a missing ``=`` …) is reported with its line
and key, ``refs.bib:12 (entry vaswani2017)``, and the entries after it still load.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from ..errors import InputError
from ..model import Paper
from .ids import norm_arxiv
from .records import make_paper

_KEY = re.compile(r"@\s*\w+\s*[{(]\s*([^,\s{}()]+)")
# A "%" not escaped by a backslash (an even number of them before it).
_BARE_PERCENT = re.compile(r"(?<!\\)((?:\\\\)*)%")
# The field name before the point where a missing "=" stopped the parser.
_LAST_FIELD = re.compile(r"[,{(]\s*([\w\-:.]+)\s*$")


def _protect_percent(value: str) -> str:
    """``70% Size`` -> ``70\\% Size``: the LaTeX decoder reads a bare ``%`` as the
    start of a comment and drops the rest of the line; in a BibTeX field it is text.

    Example:
        >>> _protect_percent("70% Size, 100\\\\% Accuracy")
        '70\\\\% Size, 100\\\\% Accuracy'
    """
    return _BARE_PERCENT.sub(r"\1\\%", value) if "%" in value else value


def _loc(source: str, line0: int | None, key: str | None) -> str:
    where = f"{source}:{line0 + 1}" if line0 is not None else source
    return f"{where} (entry {key})" if key else where


def _braces_problem(raw: str) -> str | None:
    depth = 0
    for ch in raw:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return "unbalanced braces: a '}' closes nothing"
    if depth > 0:
        return f"unbalanced braces: {depth} '{{' never closed"
    return None


def _failure(block, raw: str, source: str, key: str | None) -> InputError:
    """What is wrong with an entry the parser gave up on (a missing ``=`` is named
    at the line where the parser stopped)."""
    err = getattr(block, "error", None)
    reason = str(getattr(err, "abort_reason", "") or "")
    if "Expected a `=`" in reason:
        m = _LAST_FIELD.search(raw)
        field = m.group(1) if m else "a field"
        line = (block.start_line or 0) + raw.count("\n")
        return InputError(
            f"field {field!r} has no '=' after its name; write {field} = {{...}}",
            _loc(source, line, key),
        )
    problem = _braces_problem(raw) or "malformed entry (expected key = {value}, …)"
    return InputError(problem, _loc(source, block.start_line, key))


def read_bibtex(text: str, source: str) -> Iterator[Paper | InputError]:
    """Papers from a BibTeX file, one per entry (``@comment``/``@preamble`` ignored).

    Example:
        >>> bib = '''@string{nips = "NeurIPS"}
        ... @inproceedings{vaswani2017,
        ...   title = {Attention Is {All} You Need},
        ...   author = {Vaswani, Ashish and G{\\\\"o}del, Kurt},
        ...   booktitle = nips, year = 2017, eprint = {1706.03762},
        ...   abstract = {The dominant sequence transduction models.}}'''
        >>> p = next(read_bibtex(bib, "refs.bib"))
        >>> p.id, p.title, p.authors, p.arxiv, p.source
        ('vaswani2017', 'Attention Is All You Need', ('Ashish Vaswani', 'Kurt Gödel'), \
'1706.03762', 'refs.bib:2 (entry vaswani2017)')
    """
    try:
        import bibtexparser
        from bibtexparser import middlewares as mw
        from bibtexparser.model import (
            DuplicateBlockKeyBlock,
            DuplicateFieldKeyBlock,
            ParsingFailedBlock,
        )

        class ProtectPercent(mw.BlockMiddleware):
            """Escape bare ``%`` in field values before the LaTeX decoding."""

            def transform_entry(self, entry, library):
                for f in entry.fields:
                    if isinstance(f.value, str):
                        f.value = _protect_percent(f.value)
                return entry

    except ImportError:  # pragma: no cover - a declared dependency
        yield InputError("reading BibTeX needs bibtexparser>=2: pip install bibtexparser", source)
        return
    log = logging.getLogger("bibtexparser")
    level, log.level = log.level, logging.CRITICAL + 1
    try:
        lib = bibtexparser.parse_string(
            text,
            append_middleware=[
                ProtectPercent(),
                mw.LatexDecodingMiddleware(),
                mw.SeparateCoAuthors(),
                mw.SplitNameParts(),
            ],
        )
    except Exception as e:  # the parser's own failures become a located error
        yield InputError(f"cannot parse BibTeX: {e}", source)
        return
    finally:
        log.level = level
    found = [*lib.entries, *lib.failed_blocks]
    order = sorted(range(len(found)), key=lambda i: (found[i].start_line or 0, i))
    blocks = [found[i] for i in order]
    strings = {s.key.lower(): str(s.value) for s in lib.strings}
    for block in blocks:
        raw = getattr(block, "raw", "") or ""
        if isinstance(block, ParsingFailedBlock):
            m = _KEY.search(raw)
            key = m.group(1) if m else None
            loc = _loc(source, block.start_line, key)
            if isinstance(block, DuplicateBlockKeyBlock):
                yield InputError(f"duplicate entry key {block.key!r}", loc)
            elif isinstance(block, DuplicateFieldKeyBlock):
                fields = ", ".join(sorted(block.duplicate_keys))
                yield InputError(f"field given twice: {fields}", loc)
            elif raw.lstrip().lower().startswith(("@string", "@preamble", "@comment")):
                yield InputError("malformed @string/@preamble/@comment block", loc)
            else:
                yield _failure(block, raw, source, key)
            continue
        yield _entry_paper(block, source, strings)


_ATOM = r'(?:"[^"]*"|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[\w.:-]+)'
_CONCAT = re.compile(rf"\s*{_ATOM}\s*(?:#\s*{_ATOM}\s*)+")


def _concat(value: object, strings: dict[str, str]) -> object:
    """Resolve ``"Proc. " # nips`` concatenations the parser leaves as written."""
    if not isinstance(value, str) or "#" not in value or not _CONCAT.fullmatch(value):
        return value
    out = []
    for part in re.findall(_ATOM, value):
        part = part.strip()
        if part[:1] in '"{':
            out.append(part[1:-1])
        else:
            out.append(strings.get(part.lower(), part))
    return "".join(out)


def _entry_paper(entry, source: str, strings: dict[str, str]) -> Paper | InputError:
    loc = _loc(source, entry.start_line, entry.key)
    f = {k.lower(): _concat(v.value, strings) for k, v in entry.fields_dict.items()}
    try:
        authors = [_name(a) for a in f.get("author") or []]
    except TypeError:
        authors = [str(f.get("author"))]
    eprint = str(f.get("eprint") or "")
    prefix = str(f.get("archiveprefix") or f.get("eprinttype") or "").lower()
    arxiv = None
    if eprint and (prefix in ("", "arxiv")):
        arxiv = norm_arxiv(eprint)
    for field in ("journal", "url", "note", "howpublished"):
        value = str(f.get(field) or "")
        if not arxiv and ("arxiv" in value.lower() or "corr" in value.lower()):
            arxiv = norm_arxiv(value.replace("abs/", ""))
    record = {
        "id": entry.key,
        "title": _str(f.get("title")),
        "abstract": _str(f.get("abstract")),
        "year": _str(f.get("year")) or _str(f.get("date"))[:4] or None,
        "month": _str(f.get("month")),
        "date": _str(f.get("date")),
        "authors": [a for a in authors if a],
        "url": _str(f.get("url")),
        "doi": _str(f.get("doi")),
        "arxiv": arxiv,
    }
    return make_paper(record, loc)


def _str(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("{", "").replace("}", "").replace("~", " ").strip()


def _name(author) -> str:
    """``Vaswani, Ashish`` (split by the parser) → ``Ashish Vaswani``."""
    parts = getattr(author, "first", None)
    if parts is None:
        return _str(author)
    words = [*author.first, *author.von, *author.last]
    name = " ".join(_str(w) for w in words if w)
    if author.jr:
        name += ", " + " ".join(_str(w) for w in author.jr)
    return name
