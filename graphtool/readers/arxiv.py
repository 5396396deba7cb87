"""arXiv API Atom XML: the feed ``export.arxiv.org/api/query`` returns.

Each ``<entry>`` is a paper: its id is the arXiv id without version suffix
(``http://arxiv.org/abs/1706.03762v7`` → ``1706.03762``), ``<summary>`` is the
abstract, ``<published>`` gives the year, ``<arxiv:doi>`` the DOI. The API's own
error entries (``<id>http://arxiv.org/api/errors#…``) are reported as bad records.
Malformed XML is reported with the parser's line and column.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from ..errors import InputError
from ..model import Paper
from .ids import norm_arxiv
from .records import clean_text, make_paper

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"


def read_arxiv(text: str, source: str) -> Iterator[Paper | InputError]:
    """Papers from an arXiv API Atom feed.

    Example:
        >>> feed = '''<feed xmlns="http://www.w3.org/2005/Atom"><entry>
        ...   <id>http://arxiv.org/abs/2307.08691v1</id>
        ...   <published>2023-07-17T17:50:36Z</published>
        ...   <title>FlashAttention-2: Faster Attention with
        ...     Better Parallelism</title>
        ...   <summary>Scaling Transformers to longer sequence lengths.</summary>
        ...   <author><name>Tri Dao</name></author></entry></feed>'''
        >>> [(p.id, p.title, p.year, p.authors) for p in read_arxiv(feed, "q.xml")]
        [('2307.08691', 'FlashAttention-2: Faster Attention with Better Parallelism', \
2023, ('Tri Dao',))]
    """
    if "<!ENTITY" in text or "<!DOCTYPE" in text:
        yield InputError("XML with a DTD or entities is not accepted (arXiv feeds have none)",
                         source)  # fmt: skip
        return
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        line, col = e.position
        yield InputError(f"invalid XML: {_reason(e)} (line {line}, column {col + 1})",
                         f"{source}:{line}")  # fmt: skip
        return
    if root.tag != f"{ATOM}feed":
        yield InputError(f"expected an Atom <feed> from the arXiv API, found <{_local(root.tag)}>",
                         source)  # fmt: skip
        return
    for n, entry in enumerate(root.iter(f"{ATOM}entry"), 1):
        loc = f"{source}: entry {n}"
        raw_id = clean_text(entry.findtext(f"{ATOM}id"))
        if "arxiv.org/api/errors" in raw_id:
            msg = clean_text(entry.findtext(f"{ATOM}summary")) or "error"
            yield InputError(f"the arXiv API returned an error: {msg}", loc)
            continue
        arxiv = norm_arxiv(raw_id)
        if arxiv:
            loc = f"{source}: entry {n} ({arxiv})"
        url = None
        for link in entry.findall(f"{ATOM}link"):
            if link.get("rel") == "alternate" and link.get("href"):
                url = link.get("href")
        record = {
            "id": arxiv or raw_id or None,
            "title": entry.findtext(f"{ATOM}title"),
            "abstract": entry.findtext(f"{ATOM}summary"),
            "year": clean_text(entry.findtext(f"{ATOM}published"))[:4] or None,
            "date": clean_text(entry.findtext(f"{ATOM}published")),
            "authors": [
                clean_text(a.findtext(f"{ATOM}name")) for a in entry.findall(f"{ATOM}author")
            ],
            "url": url or (f"https://arxiv.org/abs/{arxiv}" if arxiv else None),
            "doi": entry.findtext(f"{ARXIV}doi"),
            "arxiv": arxiv,
        }
        yield make_paper(record, loc)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _reason(e: ET.ParseError) -> str:
    msg = str(e)
    return msg.split(":", 1)[0] if ": line" in msg else msg
