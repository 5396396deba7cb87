"""One reader per family of input formats; :mod:`graphtool.corpus` is the front.

Each reader takes a file's text and its name and yields a
:class:`~graphtool.model.Paper` or an :class:`~graphtool.errors.InputError` per
record, so one bad record never hides the good ones:

==========  ================================  ======================================
format      reader                            files
==========  ================================  ======================================
bibtex      :func:`bibtex.read_bibtex`        ``.bib`` (Zotero, Mendeley, Scholar)
csv / tsv   :func:`tabular.read_csv` / tsv    ``.csv``, ``.tsv`` with a header row
arxiv       :func:`arxiv.read_arxiv`          arXiv API Atom feeds (``.xml``, ``.atom``)
s2          :func:`apis.read_s2`              Semantic Scholar Graph API JSON
openalex    :func:`apis.read_openalex`        OpenAlex works JSON
ris         :func:`ris.read_ris`              ``.ris`` (Zotero, EndNote, Scopus, WoS)
wos         :func:`wos.read_wos`              Web of Science plain text (``.txt``,
                                              ``.ciw``)
wos-tab     :func:`wos.read_wos_tab`          Web of Science tab-delimited (``.txt``)
scopus      :func:`scopus.read_scopus`        Scopus CSV export (``.csv``)
==========  ================================  ======================================

The last four are recognised from their content (RIS's ``TY  -``, Web of Science's
``FN``/``PT`` tags, Scopus' ``EID`` column); their cited references are resolved to
the papers of the same file (:mod:`.citations`).

The listing, JSON Lines and plain JSON readers live in :mod:`graphtool.corpus`.
"""

from .apis import read_openalex, read_s2
from .arxiv import read_arxiv
from .bibtex import read_bibtex
from .records import make_paper
from .ris import read_ris
from .scopus import read_scopus
from .tabular import parse_columns, read_csv, read_tsv
from .wos import read_wos, read_wos_tab

__all__ = [
    "make_paper",
    "parse_columns",
    "read_arxiv",
    "read_bibtex",
    "read_csv",
    "read_openalex",
    "read_ris",
    "read_s2",
    "read_scopus",
    "read_tsv",
    "read_wos",
    "read_wos_tab",
]
