"""Find the named systems, models, datasets, hardware and shared methods in papers.

For every paper the linker reports :class:`~graphtool.model.Mention` records, each
with the surface string as written, its offsets, the sentence that proves it, how
it was found and a confidence:

``title``       a title's ``Name:`` prefix ("Clover: ...") — the paper introduces it
``intro``       "we propose/introduce/present NAME", "NAME, a ...", "called NAME"
``definition``  "Full Name (ABBR)": both strings become aliases of one entity
``lexicon``     a known name from the lexicon, or a name another corpus paper introduces
``variant``     a known family with a version suffix: GPT-4o, LLaMA-2-70B, ZeRO-3
``fuzzy``       a near spelling of a known name (rapidfuzz)
``discovered``  an unknown string used as a name (CamelCase, digits, "compared with X")

Names introduced by any paper of the corpus become linkable in every other
abstract, so a mention of a corpus paper's system links to that paper.

The multi-pattern scan is one Aho–Corasick automaton (pyahocorasick) over the
lower-cased text; case rules, word boundaries and longest-match selection are
applied to its hits.

One module per finder: :mod:`~graphtool.linker.titles` (a title's names),
:mod:`~graphtool.linker.intros` (introductions in the abstract),
:mod:`~graphtool.linker.definitions` (abbreviation definitions and local aliases),
:mod:`~graphtool.linker.scan` (the lexicon scan), :mod:`~graphtool.linker.discovery`
(unseen names), over the shared :mod:`~graphtool.linker.patterns`. This module
holds :class:`Linker`, which combines them, and :func:`link`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass

import ahocorasick

from .. import _lifetime
from ..lexicon import LexEntry, Lexicon
from ..model import Mention, Paper
from ..text import Sentences
from .definitions import DefinitionFinder, _definitions
from .discovery import Discoverer
from .intros import IntroFinder, _triggers
from .patterns import _PLAIN_WORD, _RE_OTHER_SPACE, _lower, _norm
from .scan import Scanner, _heads, _Hit, _outside_urls, _select
from .scan import _padded as _padded
from .titles import _guess_kind as _guess_kind

CONFIDENCE = {
    "title": 0.95,
    "intro": 0.85,
    "definition": 0.9,
    "lexicon": 0.95,
    "lexicon-case": 0.85,
    "spelled": 0.85,
    "corpus": 0.9,
    "variant": 0.9,
    "method": 0.9,
    "fuzzy": 0.75,
    "discovered": 0.6,
}


class Linker(IntroFinder, DefinitionFinder, Scanner, Discoverer):
    """Finds mentions in papers with one lexicon; reuse it across corpora.

    The finders are mixins of this package's modules (:class:`IntroFinder`,
    :class:`DefinitionFinder`, :class:`Scanner`, :class:`Discoverer`); the state they
    share and the public methods are here.

    Example:
        >>> from graphtool.model import Paper
        >>> p = Paper("clover", "Clover: Regressive Lightweight Speculative Decoding",
        ...           "Clover outperforms Medusa on Vicuna-7B.")
        >>> sorted({(m.entity, m.relation) for m in Linker().link([p])})[:2]
        [('Clover', 'introduces'), ('Medusa', 'mentions')]
    """

    def __init__(self, lexicon: Lexicon | None = None, discover: bool = True) -> None:
        self.lexicon = lexicon if lexicon is not None else Lexicon.load()
        self.discover = discover
        self._base_keys = self._targets(self.lexicon.entries.values(), "lexicon")
        self._base = self._automaton(self._base_keys, context=True)
        self._by_norm: dict[str, LexEntry] = {}
        for e in self.lexicon.entries.values():
            if e.kind != "method":
                for s in (e.name, *e.aliases):
                    self._by_norm.setdefault(_norm(s), e)
        self._fuzzy_keys = sorted(k for k in self._by_norm if len(k) >= 6)
        self._judged: dict[tuple[str, bool], tuple | None] = {}
        self._shapes: dict[str, tuple[int, str] | None] = {}
        self._lexicon_state: tuple[int, int, int] = (0, 0, 0)
        self._named: tuple[tuple[str, ...], ahocorasick.Automaton | None] | None = None
        self._kept: dict[int, tuple[Paper, _Prepared]] = {}

    # ------------------------------------------------------------------- linking

    def link(
        self,
        papers: Iterable[Paper],
        progress: Callable[[int], None] | None = None,
    ) -> list[Mention]:
        """All mentions in ``papers``, in paper order then text order.

        ``progress`` (optional) is called with the number of papers done, in steps.

        Example:
            >>> from graphtool.corpus import read, bundled_corpus
            >>> ms = Linker().link(read(bundled_corpus()))
            >>> any(m.entity == "Medusa" for m in ms)
            True
        """
        state = (
            len(self.lexicon.entries),
            len(self.lexicon.blocked),
            len(self.lexicon.organisations),
        )
        if state != self._lexicon_state:  # the lexicon changed: cached verdicts may be wrong
            self._judged.clear()
            self._shapes.clear()
            self._lexicon_state = state
            self._named = None
            self._kept.clear()
        with _gc_paused():
            return self._link(list(papers), progress)

    def _link(self, papers: list[Paper], progress: Callable[[int], None] | None) -> list[Mention]:
        # Pass 1: what each paper introduces.
        prepared = [self._prepare(p) for p in papers]
        corpus_entries = self.corpus_names([i.entry for i in prep.intros] for prep in prepared)
        # Pass 2: scan every text with the lexicon plus the corpus's own names.
        auto = self._corpus_automaton(corpus_entries)
        out: list[Mention] = []
        for i, p in enumerate(papers, 1):
            prep, prepared[i - 1] = prepared[i - 1], None  # free as we go
            out.extend(self._link_paper(p, prep, auto))
            if progress is not None and (i % 200 == 0 or i == len(papers)):
                progress(i)
        return out

    def corpus_names(self, introductions: Iterable[Iterable[LexEntry]]) -> dict[str, LexEntry]:
        """The corpus's own names from each paper's :meth:`introductions`, in paper
        order: the first paper to present a name that the lexicon lacks defines it.

        Example:
            >>> p = Paper("x", "T3: Transparent Tracking", "We propose T3, a co-design.")
            >>> lk = Linker()
            >>> list(lk.corpus_names([lk.introductions(p)]))
            ['T3']
        """
        names: dict[str, LexEntry] = {}
        for entries in introductions:
            for entry in entries:
                if entry.name not in self.lexicon.entries and entry.name not in names:
                    names[entry.name] = entry
        return names

    def link_named(self, papers: Iterable[Paper], names: dict[str, LexEntry]) -> list[Mention]:
        """Pass 2 alone: the mentions in ``papers`` when the corpus's own names
        (:meth:`corpus_names`) are known, e.g. found by other processes over a larger
        corpus (:mod:`graphtool.parallel`). ``link`` is both passes over one corpus.

        Example:
            >>> a = Paper("a", "T3: Transparent Tracking", "We propose T3, a co-design.")
            >>> b = Paper("b", "Other", "We extend T3 to clusters.")
            >>> lk = Linker()
            >>> names = lk.corpus_names([lk.introductions(a)])
            >>> [(m.entity, m.relation) for m in lk.link_named([b], names)]
            [('T3', 'mentions')]
        """
        self.link([])  # resets the cached verdicts if the lexicon changed
        key = tuple(names)
        if self._named is None or self._named[0] != key:  # one automaton per set of names
            self._named = (key, self._corpus_automaton(names))
        auto = self._named[1]
        with _gc_paused():
            return [m for p in papers for m in self._link_paper(p, self._prepared(p), auto)]

    def _corpus_automaton(self, corpus_entries: dict[str, LexEntry]):
        if corpus_entries:
            keys = {k: list(v) for k, v in self._base_keys.items()}
            for k, v in self._targets(corpus_entries.values(), "corpus").items():
                keys.setdefault(k, []).extend(v)
            return self._automaton(keys, context=True)
        return self._base

    def _prepare(self, paper: Paper) -> _Prepared:
        # introduction phrases count in the abstract; a title's names come from its form
        title = (_definitions(paper.title), {})
        low = _lower(paper.abstract)
        if not low.isprintable():  # "we\npropose": the phrase searches look for spaces
            low = _RE_OTHER_SPACE.sub(" ", low)
        abstract = (_definitions(paper.abstract), _triggers(low))
        # pass 2 needs the definitions again, not the phrase positions
        return _Prepared(self._find_intros(paper, title, abstract), title[0], abstract[0])

    def introductions(self, paper: Paper, keep: bool = False) -> list[LexEntry]:
        """The names ``paper`` itself presents, each with its aliases.

        ``keep=True`` keeps this pass's work on ``paper`` for the next
        :meth:`link_named` of the same object, which then does not redo it.

        Example:
            >>> p = Paper("x", "T3: Transparent Tracking & Triggering",
            ...           "We propose T3, a hardware-software co-design.")
            >>> [e.name for e in Linker().introductions(p)]
            ['T3']
        """
        prep = self._prepare(paper)
        if keep:
            self._kept[id(paper)] = (paper, prep)
        return [f.entry for f in prep.intros]

    def _prepared(self, paper: Paper) -> _Prepared:
        kept = self._kept.pop(id(paper), None)
        return kept[1] if kept is not None and kept[0] is paper else self._prepare(paper)

    def _written(self, paper: Paper, e: LexEntry) -> tuple[str, ...]:
        """The aliases of a name a paper introduces: of a lexicon name, only those the paper
        writes (a system named C4 is not the "Colossal Clean Crawled Corpus"), all of them
        in the paper the lexicon names as the source."""
        if not e.aliases or e.name not in self.lexicon.entries:
            return e.aliases
        if paper.arxiv and (e.introduced_by or {}).get("arxiv") == paper.arxiv:
            return e.aliases
        text = _norm(f"{paper.title} {paper.abstract}")
        return tuple(a for a in e.aliases if _norm(a) in text)

    def _link_paper(self, paper: Paper, prep: _Prepared, auto) -> list[Mention]:
        intro_records = prep.intros
        own = {f.entry.name for f in intro_records}
        out: list[Mention] = []
        seen: set[tuple[str, str, str]] = set()
        split: dict[str, Sentences] = {}

        def sentences(field: str) -> Sentences:  # split each field once, when needed
            if field not in split:
                text = paper.title if field == "title" else paper.abstract
                split[field] = Sentences(text, whole=field == "title")  # a title is one
            return split[field]

        for intro in intro_records:
            e = intro.entry
            sent = sentences(intro.field).covering(intro.start, intro.start + len(intro.surface))
            seen.add((e.name, intro.surface, intro.field))
            out.append(
                Mention(
                    paper=paper.id,
                    entity=e.name,
                    kind=e.kind,
                    family=e.family,
                    relation="introduces",
                    surface=intro.surface,
                    field=intro.field,
                    start=intro.start,
                    end=intro.start + len(intro.surface),
                    sentence=sent,
                    confidence=CONFIDENCE[intro.how],
                    how=intro.how,
                    title=paper.title,
                    aliases=self._written(paper, e),
                )
            )
        for field, text, fdefs in (
            ("title", paper.title, prep.title),
            ("abstract", paper.abstract, prep.abstract),
        ):
            padded = _padded(text)
            context: list[int] = []
            hits = self._scan(text, padded, auto, context)
            hits += [  # the paper's own names where it introduces them: not mentions
                _Hit(f.start, f.start + len(f.surface), f.surface, f.entry, "title")
                for f in intro_records
                if f.field == field
            ]
            if fdefs:
                own_keys = {
                    _norm(n) for f in intro_records for n in (f.entry.name, *f.entry.aliases)
                }
                hits += self._scan(text, padded, self._local_aliases(fdefs, own_keys))
            hits = _select(hits)
            if self.discover:
                found = self._discover(text, hits, sorted(set(context)), field == "title")
                hits = _select(hits + found)
            if "://" in text or "www." in text:
                hits = _outside_urls(text, hits)
            if field == "title":  # title case: "Block" or "Holmes" there is any word
                hits = [h for h in hits if not _PLAIN_WORD.match(h.surface)]
            if not hits:
                continue
            sents = sentences(field)
            for h in hits:
                e = h.entry
                if (e.name, h.surface, field) in seen:
                    continue
                seen.add((e.name, h.surface, field))
                if e.name in own:
                    continue  # the paper's own name, already reported as introduced
                if h.how == "spelled" and _heads(paper.title, h.surface):
                    continue  # "Blockwise Parallel Decoding for …": the paper presents it
                relation = "uses" if e.kind == "method" else "mentions"
                out.append(
                    Mention(
                        paper=paper.id,
                        entity=e.name,
                        kind=e.kind,
                        family=e.family,
                        relation=relation,
                        surface=h.surface,
                        field=field,
                        start=h.start,
                        end=h.end,
                        sentence=sents.covering(h.start, h.end),
                        confidence=CONFIDENCE[h.how],
                        how="lexicon"
                        if h.how in ("lexicon-case", "method", "corpus", "spelled")
                        else h.how,
                        title=paper.title,
                        aliases=e.aliases,
                    )
                )
        return out


@contextmanager
def _gc_paused():
    """Linking allocates many small objects and makes no reference cycles, so the
    cyclic collector's passes over the growing heap are pure cost: pause it. In a
    ``graphtool`` process (:mod:`graphtool._lifetime`), what was made meanwhile lives until
    the process ends: frozen (never walked) before the collector runs again, whose first
    pass would otherwise walk all of it once (two seconds after an add at 100,000 papers)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if _lifetime.kept is not None:
                gc.freeze()
            gc.enable()


@dataclass(slots=True)
class _Prepared:
    """Pass-1 results for one paper: its introductions, and per field the
    abbreviation definitions (``(abbr, long_form, long_start, abbr_start)``)."""

    intros: list
    title: list
    abstract: list


def link(
    papers: Iterable[Paper],
    lexicon: Lexicon | None = None,
    discover: bool = True,
) -> list[Mention]:
    """Mentions of named entities and methods in ``papers`` (see :class:`Linker`).

    Example:
        >>> import graphtool as gt
        >>> ms = gt.link(gt.read(gt.bundled_corpus()))
        >>> {"introduces", "mentions", "uses"} <= {m.relation for m in ms}
        True
    """
    return Linker(lexicon, discover=discover).link(papers)
