"""What the bibliographic exports (RIS, Web of Science, Scopus) share: their dates,
and their cited references, resolved to the papers of the same file.

A reference in these exports is a line of text, not an id:

* Web of Science ``CR``: ``Leviathan Y, 2023, PR MACH LEARN RES, V202, P19274`` and,
  when known, ``…, DOI 10.48550/arXiv.2211.17192``;
* Scopus ``References`` (and Scopus RIS ``N1 - References:``):
  ``Leviathan Y., Kalman M., Fast inference from transformers via speculative
  decoding, Proceedings of Machine Learning Research, 202, (2023)``.

A reference resolves to a paper of the same file by its DOI, else (Scopus) by a title
that the reference contains, else (Web of Science) by first author, year, volume and
first page. Resolved references become that paper's id, so ``graphtool`` draws a
``cites`` edge; a reference with a DOI keeps it (``doi:…``) so that a paper read from
another file can still match it; the rest are kept as written and counted as
references outside the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import InputError
from ..model import Paper, slugify
from .ids import norm_arxiv, norm_doi
from .records import make_paper

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for m in names
}


def month_of(text: object) -> int | None:
    """The month a date string names: ``JUL 21``, ``2023 JUL``, ``2024/07/21/``,
    ``2024-07``; ``None`` when it names none (``SPR``, ``2024``).

    Example:
        >>> month_of("JUL 21"), month_of("2024/07/21/"), month_of("2024-11"), month_of("SPR")
        (7, 7, 11, None)
    """
    s = str(text or "").strip().lower()
    if not s:
        return None
    m = re.match(r"\d{4}[/-](\d{1,2})(?:[/-]|$)", s)
    if m:
        month = int(m.group(1))
        return month if 1 <= month <= 12 else None
    for word in re.findall(r"[a-z]+", s):
        if word in MONTHS:
            return MONTHS[word]
    return None


def paper_id(doi: str | None, own: str | None, title: str) -> str:
    """The id of an exported record: its arXiv id, else DOI, else the database's own
    id (``WOS:…``, a Scopus EID), else a slug of its title.

    Example:
        >>> paper_id("10.48550/arXiv.2401.10774", "WOS:1", "Medusa")
        '2401.10774'
        >>> paper_id(None, "2-s2.0-85203812345", "EAGLE")
        '2-s2.0-85203812345'
    """
    return norm_arxiv(doi) or norm_doi(doi) or (own or "").strip() or slugify(title)


_DROP = re.compile(r"[^a-z0-9+.]+")


def fast_slug(text: str, max_len: int = 400) -> str:
    """:func:`~graphtool.model.slugify`, quicker on ASCII text (most citations), with
    the same result.

    Example:
        >>> ref = "Vaswani A., Attention Is All You Need, (2017)"
        >>> fast_slug(ref) == slugify(ref, max_len=400), fast_slug("Déjà Vu")
        (True, 'deja-vu')
    """
    if not text.isascii():
        return slugify(text, max_len=max_len)
    slug = _DROP.sub("-", text.lower()).strip("-.")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] or slug[:max_len]
    return slug or "untitled"


def title_key(title: str) -> str:
    """How titles are compared: a slug (case, accents and punctuation dropped).

    Example:
        >>> title_key("Medusa: Simple LLM") == title_key("MEDUSA - simple LLM")
        True
    """
    return fast_slug(title, max_len=400)


def wos_key(author: str, year: object, volume: object, page: object) -> str | None:
    """The key a Web of Science record and its citations share: first author's surname,
    year, volume and first page.

    Example:
        >>> wos_key("Leviathan, Y", "2023", "202", "19274")
        'leviathan|2023|202|19274'
    """
    surname = re.split(r"[,\s]", str(author or "").strip(), maxsplit=1)[0].lower()
    year, volume, page = (str(x or "").strip() for x in (year, volume, page))
    if not (surname and year and page):
        return None
    return f"{surname}|{year}|{volume}|{page}"


def wos_ref_key(ref: str) -> str | None:
    """:func:`wos_key` of a ``CR`` line: ``Leviathan Y, 2023, PR MACH LEARN RES, V202, P19274``.

    Example:
        >>> wos_ref_key("Leviathan Y, 2023, PR MACH LEARN RES, V202, P19274")
        'leviathan|2023|202|19274'
    """
    parts = [p.strip() for p in ref.split(",")]
    if len(parts) < 3 or not re.fullmatch(r"\d{4}", parts[1]):
        return None
    volume = next((p[1:] for p in parts[2:] if re.fullmatch(r"V\w+", p)), "")
    page = next((p[1:] for p in parts[2:] if re.fullmatch(r"P\w+", p)), "")
    return wos_key(parts[0], parts[1], volume, page)


class RefIndex:
    """The papers of one file, by DOI, arXiv id, title and Web of Science key.

    Example:
        >>> idx = RefIndex()
        >>> idx.add("p1", title="Fast Inference from Transformers via Speculative Decoding")
        >>> idx.resolve("Leviathan Y., Fast inference from transformers via speculative "
        ...             "decoding, Proc. ICML, 202, (2023)")
        'p1'
        >>> idx.resolve("Stern M., Blockwise parallel decoding, (2018)")
        'Stern M., Blockwise parallel decoding, (2018)'
        >>> idx.resolve("Chen C, 2023, ARXIV, DOI 10.48550/arXiv.2302.01318")
        'doi:10.48550/arxiv.2302.01318'
    """

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}
        self._titles = None

    def add(self, pid: str, title: str = "", doi: str | None = None, wos: str | None = None):
        """Register a paper under every key it can be cited by."""
        for key in (
            f"doi:{norm_doi(doi)}" if norm_doi(doi) else "",
            f"arxiv:{norm_arxiv(doi)}" if norm_arxiv(doi) else "",
            f"title:{title_key(title)}" if title else "",
            f"wos:{wos}" if wos else "",
        ):
            if key:
                self.keys.setdefault(key, pid)

    def resolve(self, ref: str) -> str:
        """The id of the paper ``ref`` cites if it is in the file; else ``doi:…`` when
        the reference has a DOI; else the reference as written."""
        doi = norm_doi(ref)
        if doi:
            for key in (f"doi:{doi}", f"arxiv:{norm_arxiv(doi)}"):
                if key in self.keys:
                    return self.keys[key]
        wos = wos_ref_key(ref)
        if wos and f"wos:{wos}" in self.keys:
            return self.keys[f"wos:{wos}"]
        hit = self.find_title(ref)
        if hit:
            return hit
        return f"doi:{doi}" if doi else ref.strip()

    def find_title(self, ref: str) -> str | None:
        """The paper whose whole title the reference contains (the longest), found with
        one Aho-Corasick scan of the reference's slug."""
        if self._titles is None:
            import ahocorasick

            self._titles = ahocorasick.Automaton()
            for key, pid in self.keys.items():
                if key.startswith("title:") and len(key) >= 6 + 12:
                    self._titles.add_word(f"-{key[6:]}-", (len(key), pid))
            if len(self._titles):
                self._titles.make_automaton()
        if not len(self._titles):
            return None
        best = max(
            self._titles.iter(f"-{fast_slug(ref, max_len=4000)}-"),
            default=None,
            key=lambda h: h[1][0],
        )
        return best[1][1] if best else None


def split_scopus_refs(text: object) -> list[str]:
    """A Scopus ``References`` cell (references joined by ``; ``) as a list.

    Example:
        >>> split_scopus_refs("Cai T., Medusa, (2024); Stern M., Blockwise decoding, (2018)")
        ['Cai T., Medusa, (2024)', 'Stern M., Blockwise decoding, (2018)']
    """
    return [r.strip() for r in re.split(r";\s+(?=\S)", str(text or "")) if r.strip()]


def with_references(found: list[tuple[str, dict | InputError]]) -> Iterator[Paper | InputError]:
    """The papers of one export, their cited references (``cited``) pointed at the papers
    of the same file where they can be (by DOI, title or Web of Science key); errors pass
    through in place.

    Example:
        >>> recs = [("x.ris:1", {"id": "a", "title": "Speculative Decoding", "abstract": "A.",
        ...                      "cited": []}),
        ...         ("x.ris:9", {"id": "b", "title": "B", "abstract": "B.",
        ...                      "cited": ["Leviathan Y., Speculative decoding, (2023)"]})]
        >>> [p.references for p in with_references(recs)]
        [(), ('a',)]
    """
    index = RefIndex()
    for _, rec in found:
        if isinstance(rec, dict):
            index.add(rec["id"], rec["title"], rec.get("doi"), rec.get("wos"))
    for loc, rec in found:
        if isinstance(rec, InputError):
            yield rec
            continue
        rec.pop("wos", None)
        rec["references"] = [index.resolve(r) for r in rec.pop("cited", [])]
        yield make_paper(rec, loc)
