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
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
from rapidfuzz import fuzz, process

from .lexicon import LexEntry, Lexicon, case_sensitive, spelling_variants
from .model import Mention, Paper
from .text import Sentences, abbreviation_definitions

CONFIDENCE = {
    "title": 0.95,
    "intro": 0.85,
    "definition": 0.9,
    "lexicon": 0.95,
    "lexicon-case": 0.85,
    "corpus": 0.9,
    "variant": 0.9,
    "method": 0.9,
    "fuzzy": 0.75,
    "discovered": 0.6,
}

# Words that make a title prefix rhetorical rather than a name.
_TITLE_STOP = frozenset(
    """
    a an the of at to in on for with and or is are be beyond towards toward when why how
    what which who from into via by not no do does can could should your you we our it its
    this that these those all more less yet need just than as about over under through
    without vs versus one two my me us let lets make making rethinking revisiting
    understanding
    """.split()
)
_INTRO_VERB = r"(?:propose|introduce|present|develop|design|build|release|describe|name|call|offer)"
_NAME = (
    r"[A-Z0-9$][\w\-+.$α-ωΑ-Ω]*[\w+$α-ω]|[A-Z]"
    r"|[a-z][a-z0-9]*(?:-?[A-Z][\w]*)+"  # mllm-NPU, beLLMan, vLLM
)
_MULTI_NAME = rf"(?:{_NAME})(?:[ ](?:{_NAME})){{0,3}}"
# A name, perhaps in quotes: "called “Medusa”".
_QUOTED_MULTI_NAME = rf"[\"“']?({_MULTI_NAME})[\"”']?"
# An introduced name ends at punctuation or at a word that goes on with the sentence.
_NAME_ENDS = r"(?=\s*[,.;:(]|\s+(?:--|—|-|which|that|to|as|for|is|in|with|a|an)\b)"
# From an introducing verb to the name it introduces: "a novel", "the new unified".
_INTRO_TAIL = (
    r"(?:(?:a|an|the|our)\s+)?(?:(?:novel|new|simple|general|efficient|unified)\s+)*"
    r"(?:[\w\-]+\s+){0,2}"
)
_RE_WE_PROPOSE = re.compile(
    rf"\b[Ww]e\s+(?:also\s+|further\s+|then\s+)?{_INTRO_VERB}[sd]?\s+"
    rf"(?:(?:a|an|the|our)\s+[^.;:]{{0,120}}?,?\s+(?:called|named|termed|dubbed|namely)\s+)?"
    rf"({_MULTI_NAME}){_NAME_ENDS}"
)
# "This paper presents the DDF Pipeline, a …"
_RE_THIS_PAPER = re.compile(
    r"[Tt]his\s+(?:paper|work|article|study|report)\s+(?:also\s+)?"
    r"(?:propos|introduc|present|describ)es\s+(?:the\s+)?"
    rf"({_MULTI_NAME}){_NAME_ENDS}"
)
# "with named X", "the named X": "named" as an adjective, naming nothing
_RE_ADJECTIVE_NAMED = re.compile(r"\b(?:with|the|a|an|of|to|for|by|on|in|and|or|are)\s+$")
_RE_CALLED = re.compile(
    rf"\b(?:called|named|termed|dubbed|namely|coined)\s+{_QUOTED_MULTI_NAME}"
    rf"(?=\s*[,.;:(]|\s+(?:--|—|which|that|to|as|for|is|in|with)\b)"
)
_RE_OUR_NAME = re.compile(
    rf"\b[Oo]ur\s+({_NAME})\s+(?:library|framework|system|method|model|tool|approach"
    r"|algorithm|dataset|benchmark|engine|compiler|runtime|design|architecture|platform)\b"
)
_RE_CALLED_LOWER = re.compile(
    r"\b(?:called|termed|dubbed|namely)\s+([a-z][a-z\-]+(?:\s[a-z][a-z\-]+){0,2})(?=\s*[,(])"
)
# What may stand right before a defined long form that a paper introduces, from a
# "we …" or "called …" phrase to the long form: "we propose a novel <Long Form (LF)>".
_RE_INTRO_LEAD = re.compile(
    rf"(?:[Ww]e\s+(?:also\s+|further\s+|then\s+)?{_INTRO_VERB}[sd]?\s+{_INTRO_TAIL}"
    r"|(?:called|named|termed|dubbed|namely|coined)\s+)"
)
_RE_WE_PRESENT = re.compile(
    r"[Ww]e\s+(?:also\s+)?(?:propose|introduce|present|develop|design)[sd]?\s+"
    r"(?:(?:a|an|the)\s+)?"
)
_RE_JOINED_VERB = re.compile(rf"(?:\band|,|\balso|\bthen|\bto)\s+{_INTRO_VERB}[sd]?\s+")
_RE_INTRO_TAIL = re.compile(_INTRO_TAIL)
# Words that, between "we" and "NAME, a …", make the sentence present NAME.
_RE_PRESENTING = re.compile(
    r"\b(?:propos|introduc|present|develop|design|outlin|describ|releas|creat|devis"
    r"|contribut|offer)"
)
_RE_MULTI_NAME_QUOTED = re.compile(_QUOTED_MULTI_NAME)
_RE_AFTER_NAME = re.compile(r"\s*(?:[,.;:]|$|(?:that|which|to|for|as|is|with|and|in|on)\b)")
# "we learn a slim communication block, ComMDM, to coordinate ...": a noun of this
# list, then ", NAME, ", within 120 characters of "we" and in the same clause.
_APPOSITION_NOUNS = frozenset(
    """framework system method model module block approach algorithm technique library
    engine pipeline architecture dataset benchmark tool network mechanism strategy scheme
    variant""".split()
)
_RE_COMMA_NAME = re.compile(rf",\s+({_NAME}),\s")
_RE_CLAUSE_END = re.compile(r"[.;:]")
# "... with C4: A Communication-Driven ...": a name introduced inside a title.
_RE_TITLE_INNER = re.compile(
    r"\b(?:with|via|using|by|through)\s+([A-Za-z][\w\-+.]*[A-Z0-9][\w\-+.]*)(?=:\s)"
)
_RE_APPOSITION = re.compile(  # used with .match(text, sentence_start)
    rf"[\"“']?({_NAME})[\"”']?(?:\s*\([^)]*\))?\s*(?:,|--|—|:)\s+(?:a|an|the|which is a)\s+"
)
_RE_TITLE_PREFIX = re.compile(r"^\s*([^:]{1,60}?)\s*(?::|\s--\s|\s—\s)\s*\S")
_MATH = re.compile(r"\$([^$]{1,12})\$")

# Version / size suffixes that make a family member: GPT-4o, LLaMA-2-70B, ZeRO-3,
# Qwen2.5-7B, Mixtral 8x7B, ZeRO++, ZeRO-series.
_SUFFIX = re.compile(
    r"(?:\+\+|-series|-family"
    r"|(?:[-]?|[ ](?=\d))(?:v?\d+(?:\.\d+)*[a-z]?|\d+x\d+[BbMm])"
    r"(?:[- ](?:\d+(?:\.\d+)?[BbMmKk]|\d+x\d+[BbMm]))?"
    r"(?:-(?:Instruct|Chat|Base|Turbo|mini|Mini|Pro|Plus|Large|Small|Medium|XL|Coder|Math|VL))*"
    r"|-(?:\d+(?:\.\d+)?[BbMm]|Instruct|Chat|Turbo|mini|Pro|Plus|Large|XL|VL)\b)"
    r"(?![\w+])"
)

# An unseen name: internal capitals, letters with digits, ++ — or a capitalised word
# right after a naming context.
_TOKEN_TAIL = r"[\w]*(?:[-.][A-Za-z0-9]\w*)*(?:\+\+)?"
_NAMEY = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]{2}|[A-Za-z]\d|\d[A-Za-z]|\+\+$")
_RE_QUANTITY = re.compile(r"\d+(?:\.\d+)?(?:[xX×%]|[A-Za-z]{1,2})?")
_DATASET_SUFFIX = re.compile(r"[ -](?:19|20)\d\d(?:[ ][A-Z][a-z]-[A-Z][a-z])?(?![\w])")
_STYLIZED = re.compile(r"[A-Z]{2}[a-z]{3,}")  # "COmputation": a styled word, no name
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+$")
_RE_MULTIPLIER = re.compile(r"\d+[x×](?=[A-Z])")
# "the Kingsnake dataset", "the CarlaSC and Waymo datasets", "the Stanford Cars dataset":
# capitalised words that a dataset noun names.
_RE_DATASET_CUE = re.compile(
    r"the ((?:[A-Z][\w\-+]*[ ]){0,2}[A-Z][\w\-+]*)(?: and ([A-Z][\w\-+]*))?"
    r" (?:datasets?|benchmarks?|benchmark suites?|corpus|corpora)\b"
)
# Words that after an organisation name no product: "a Google Cluster", "Meta Research".
_GENERIC_HEADS = frozenset(
    """Cluster Clusters Cloud Clouds Server Servers Platform Platforms Service Services Device
    Devices Machine Machines System Systems Network Networks Data Center Centers Datacenter
    Datacenters Research Team Teams Lab Labs Inc Corporation Company Engineers Researchers Users
    Customers Model Models Chip Chips Hardware Software Product Products Workload Workloads
    Trace Traces Stack Infrastructure Ecosystem""".split()
)
# Capitalised words (and a model number or Pro/Max/Ultra) right after an organisation.
_RE_PRODUCT = re.compile(
    r" ((?:[A-Z][\w+]*(?:-[\w+]+)*)(?: [A-Z][\w+]*(?:-[\w+]+)*){0,2}"
    r"(?: (?:\d{1,3}[a-z]?|Pro|Max|Ultra|Plus|Mini))?)(?![\w-])"
)
_RE_DEVICE = re.compile(r" (?:Pro|Max|Ultra|Plus|Mini)$")  # "Vision Pro" (not "Office 365")
# "X.509", "H.264": a letter, a dot and a number name a standard.
_RE_STANDARD = re.compile(r"[A-Z]\.\d{3}")
# "Grendel-GS", "Sentence-BERT": a capitalised word joined to an acronym (not a
# prefix: "Cross-NAT", "Multi-GPU").
_RE_WORD_ACRONYM = re.compile(
    r"(?!(?:Non|Cross|Multi|Pre|Post|Intra|Inter|Sub|Semi|Anti|Co|Hyper|Ultra|Super)-)"
    r"[A-Z][a-z]{2,}-([A-Z]{2,})"
)
_RE_WORD_CHAIN = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)+")
# Capitalised words run together: HuggingFace, DeepSpeed, PyTorch (not MultiPL-E).
_RE_CAMEL_WORDS = re.compile(r"(?:[A-Z][a-z]+){2,}")
# "FIPS 203", "ISO/IEC TR 3445", "RFC 8446": an acronym and a number (not a year).
_RE_ACRONYM_NUMBER = re.compile(
    r"((?:[A-Z]{2,6}/)?[A-Z]{2,6}(?: [A-Z]{2,3})?) (?!(?:19|20)\d\d\b)\d{3,5}(?![\w%-]|\.\w)"
)
# Tokens with two "signal" characters (capitals, digits, +): vLLM, A100, GPT-4, C++.
_RE_SIGNAL = re.compile(r"[A-Z0-9+][a-z_\-.]*[A-Z0-9+][\w\-.+]*")
_RE_CONTEXT_NAME = re.compile(
    r"(?:compared?\s+(?:with|to|against)|than|outperform(?:s|ing|ed)?|over|against"
    r"|built\s+(?:on|upon)(?:\s+top\s+of)?|based\s+on|such\s+as|e\.g\.,?|including|like"
    r"|extends?|integrated?\s+(?:with|into)|on\s+top\s+of|versus|vs\.?)\s+(?:the\s+)?"
    rf"([A-Z]{_TOKEN_TAIL})(?![\w$])"
)
_RE_LIST_NEXT = re.compile(
    rf"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)([A-Z]{_TOKEN_TAIL})(?![\w$])"
)
_RE_NEXT_CAP = re.compile(r"[ -][A-Z][a-z]")
_RE_MODIFIER = re.compile(
    r"-(?:based|like|style|aware|enabled|powered|driven|specific|compatible|optimized"
    r"|accelerated|native|centric|level|scale|wise|free)$",
    re.IGNORECASE,
)
_NOT_NAME_TOKEN = re.compile(
    r"^(?:\d+[A-Za-z]{0,2}|[A-Za-z]\d{0,2}|(?:FP|BF|INT|UINT|FP|W|A|O|Q|L|K|N|M|E)\d+"
    r"|W\d+A\d+(?:KV\d+)?"  # quantisation settings: W4A16, W8A8KV8
    r"|\d+(?:\.\d+)?[xX]|[xX]\d+|[Tt]op-?(?:\d+|[kKpP])|\d+[DdKkMmBbGgTt][a-z]?"
    r"|[KMGTPEZ]iB|\w*FLOP[Ss]?|[A-Z]\d[A-Z]\d?"
    r"|[KMGT]?[Bb]ps|\w{0,3}(?:CO2|CH4|N2O|H2O)(?:e|eq)?"  # units: Gbps, ExaFLOPS, MTCO2e
    r"|[A-Z][a-z]+(?:19|20)\d\d[a-z]?"  # citation keys: Karp1972
    r"|A\d+(?:\.\d+)?B(?:-\d+(?:\.\d+)?B)?"  # active parameters: A3B, A1B-7B
    r"|(?:non|cross|multi|pre|post|intra|inter|sub|semi|anti|co)-\w.*)$"
)


@dataclass(slots=True)
class _Target:
    """What one automaton key can be: an entity with its case rule."""

    surface: str
    entry: LexEntry
    case: bool
    how: str


class Linker:
    """Finds mentions in papers with one lexicon; reuse it across corpora.

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

    # ------------------------------------------------------------------ building

    def _targets(self, entries: Iterable[LexEntry], how: str) -> dict[str, list[_Target]]:
        keys: dict[str, list[_Target]] = {}
        for entry in entries:
            method = entry.kind == "method"
            seen: set[str] = set()
            for s in (entry.name, *entry.aliases):
                if how == "corpus" and s != entry.name and not _name_like(s):
                    continue  # "Log-based anomaly detection" is no name elsewhere
                for v in spelling_variants(s, method=method):
                    if v in seen or (not method and self.lexicon.is_blocked(v)):
                        continue
                    seen.add(v)
                    t = _Target(v, entry, case_sensitive(v, entry.kind), how)
                    keys.setdefault(v.lower(), []).append(t)
                    if not method and (
                        v[-1].isupper()
                        or v[-1].isdigit()
                        or (entry.kind == "hardware" and v[-1].islower() and v[-1] != "s")
                    ):
                        plural = v + "s"  # H100s, ConvLSTMs, Jetsons
                        keys.setdefault(plural.lower(), []).append(
                            _Target(plural, entry, t.case, how)
                        )
        return keys

    @staticmethod
    def _automaton(
        keys: dict[str, list[_Target]], context: bool = False
    ) -> ahocorasick.Automaton | None:
        """One automaton over padded keys; ``context=True`` adds the naming-context
        phrases ("compared with", "such as"), so the scan reports where they are."""
        if not keys and not context:
            return None
        merged: dict[str, list[_Target]] = {}
        for k, targets in keys.items():  # "megatron-lm" and "megatron lm" share a key
            merged.setdefault(_pad(k), []).extend(targets)
        a = ahocorasick.Automaton()
        for k, targets in merged.items():
            # exact spellings first, so "Megatron-LM" is found as written
            a.add_word(k, (len(k), targets, False))
        if context:
            for k in CONTEXT_KEYS:
                a.add_word(k, (len(k), merged.get(k, []), True))
        a.make_automaton()
        return a

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

    def _find_intros(self, paper: Paper, title_info: tuple, abstract_info: tuple) -> list[_Intro]:
        found: dict[str, _Intro] = {}
        abstract_defs, trig = abstract_info
        defs = abstract_defs + [(a, lf, s, -1) for a, lf, s, _ in title_info[0]]
        long_of = {a: lf for a, lf, _, _ in defs}
        abbr_of = {_norm(lf): a for a, lf, _, _ in defs}

        def add(surface: str, field: str, start: int, how: str, lower_ok: bool = False) -> None:
            cut = self._organisation_prefix(surface)
            if cut:  # "this paper introduces Huawei CloudMatrix": Huawei's CloudMatrix
                surface, start = surface[cut:], start + cut
            name = _MATH.sub(r"\1", surface).strip(" -—")
            if not _valid_intro(name, self.lexicon, lower_ok):
                return
            aliases = []
            if name in long_of:
                aliases.append(long_of[name])
            elif _norm(name) in abbr_of:
                aliases.append(name)
                name = abbr_of[_norm(name)]
                if self.lexicon.is_blocked(name):
                    return  # "we then introduce Service Level Agreements (SLAs)"
            if surface != name and surface not in aliases:
                aliases.append(surface)
            known = self._by_norm.get(_norm(name)) or self._method_named(name)
            if known is not None:
                entry = known
            else:
                entry = LexEntry(name, _guess_kind(paper.title), name, tuple(aliases))
            key = _norm(name)
            if key not in found:
                found[key] = _Intro(entry, surface, field, start, how)
            else:
                old = found[key].entry
                if surface != old.name and surface not in aliases:
                    aliases.append(surface)
                if old.name not in self.lexicon.entries:
                    extra = tuple(a for a in aliases if a not in old.aliases)
                    old.aliases = old.aliases + extra

        title = paper.title
        has_sep = ":" in title or "--" in title or "—" in title
        m = _RE_TITLE_PREFIX.match(title) if has_sep else None
        if m and (
            _title_name(m.group(1), long_of, abbr_of, self.lexicon)
            or _presented_in(m.group(1), paper.abstract, trig)
        ):
            add(m.group(1), "title", m.start(1), "title")
        if ":" in title:
            for m in _RE_TITLE_INNER.finditer(title):
                add(m.group(1), "title", m.start(1), "title")
        text = paper.abstract
        for kind, rxs in (
            ("we", (_RE_WE_PROPOSE,)),
            ("called", (_RE_CALLED,)),
            ("our", (_RE_OUR_NAME,)),
            ("this", (_RE_THIS_PAPER,)),
        ):
            for pos in trig.get(kind, ()):
                if kind == "called" and _RE_ADJECTIVE_NAMED.search(text, max(0, pos - 6), pos):
                    continue  # "requests with named Kubernetes service endpoints"
                for rx in rxs:
                    m = rx.match(text, pos)
                    if m:
                        add(m.group(1), "abstract", m.start(1), "intro")
        for pos in trig.get("we", ()):
            m = _noun_apposition(text, pos)
            if m and _NAMEY.search(m.group(1)):
                add(m.group(1), "abstract", m.start(1), "intro")
        for pos in trig.get("called", ()):
            m = _RE_CALLED_LOWER.match(text, pos)
            if m and not self._lookup(m.group(1)) and not self.lexicon.is_blocked(m.group(1)):
                add(m.group(1), "abstract", m.start(1), "intro", lower_ok=True)
        for pos in trig.get("apposition", ()):
            # "NAME, a …" opens its sentence: look for that start just before the comma
            head = text[max(0, pos - 60) : pos]
            cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
            if cut >= 0:
                s = pos - len(head) + cut + 2
            elif pos <= 60:
                s = 0
            else:
                continue
            m = _RE_APPOSITION.match(text, s, min(len(text), pos + 40))
            if m and (_NAMEY.search(m.group(1)) or _norm(m.group(1)) in found):
                add(m.group(1), "abstract", m.start(1), "intro")
            elif not m:
                self._presented_apposition(text, pos, trig, found, add)
        # "we introduce convolutional state space models (ConvSSM)": a definition
        # right after an introducing verb, or one whose long form is in the title.
        for abbr, long_form, lstart, astart in defs:
            if astart < 0:
                continue
            if not (_intro_lead(text, lstart, trig) or _in_title_as_name(long_form, paper.title)):
                continue
            if self._lookup(long_form):
                continue
            words = long_form.split()
            titled = sum(w[0].isupper() for w in words) * 2 >= len(words)
            if titled or _RE_AFTER_NAME.match(text, astart + len(abbr) + 1):
                add(abbr, "abstract", astart, "definition")
        return list(found.values())

    def _presented_apposition(self, text: str, comma: int, trig: dict, found: dict, add) -> None:
        """ "We outline the design and implementation of PolicySmith, a framework …":
        "NAME, a …" inside a sentence whose "we" presents something, for a NAME no
        lexicon knows and no other rule has found there."""
        if not text[comma - 1 : comma].isalnum():
            return  # no name right before the comma
        we = [p for p in trig.get("we", ()) if comma - 150 <= p < comma]
        if not we or _RE_CLAUSE_END.search(text, we[-1], comma):
            return
        if not _RE_PRESENTING.search(text, we[-1], comma):
            return
        if any(
            f.field == "abstract" and f.start < comma <= f.start + len(f.surface) + 1
            for f in found.values()
        ):
            return  # "we introduce Ladder Residual, a …": taken whole already
        lo = comma  # the name: up to four capitalised words before the comma
        for _ in range(4):
            j = text.rfind(" ", we[-1] + 2, lo - 1)
            if j < 0 or not (text[j + 1 : j + 2].isupper() or text[j + 1 : j + 2].isdigit()):
                break
            lo = j + 1
        m = _RE_MULTI_NAME_QUOTED.fullmatch(text, lo, comma) if lo < comma else None
        if not m or self._lookup(m.group(1)) or self.lexicon.is_blocked(m.group(1)):
            return
        name = m.group(1)
        if " " in name or _NAMEY.search(name) or (name[1:].islower() and len(name) > 3):
            add(name, "abstract", m.start(1), "intro")

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
                    aliases=e.aliases,
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
                        how="lexicon" if h.how in ("lexicon-case", "method", "corpus") else h.how,
                        title=paper.title,
                        aliases=e.aliases,
                    )
                )
        return out

    def _local_aliases(self, defs: list[tuple[str, str, int, int]], own: set[str] | None = None):
        """Abbreviations the text defines for a known entity: "speculative decoding (SD)"."""
        if not defs:
            return None
        keys: dict[str, list[_Target]] = {}
        for abbr, long_form, _, _ in defs:
            if self.lexicon.is_blocked(abbr):
                continue
            entry = None
            for t in self._lookup(long_form):
                entry = t.entry
            how = "lexicon"
            if entry is None:
                # "eXtended PINNs (XPINN)": a defined name that no lexicon knows
                if (own and _norm(abbr) in own) or not _NAMEY.search(long_form):
                    continue
                if len(long_form.split()) < 2 or self.lexicon.is_blocked(long_form):
                    continue
                entry, how = (
                    LexEntry(abbr, _phrase_kind(long_form), abbr, (long_form,)),
                    "discovered",
                )
                keys.setdefault(long_form.lower(), []).append(_Target(long_form, entry, True, how))
            keys.setdefault(abbr.lower(), []).append(_Target(abbr, entry, True, how))
        return _Finder(keys) if keys else None

    def _organisation_prefix(self, surface: str) -> int:
        """Where the name starts after a leading organisation ("Huawei CloudMatrix",
        "Google Cloud Spanner" -> the offset of the product), or 0."""
        if " " not in surface:
            return 0
        words = surface.split(" ")
        for k in (2, 1):
            if len(words) > k:
                known = self._by_norm.get(_norm(" ".join(words[:k])))
                if known is not None and known.name in self.lexicon.organisations:
                    return len(" ".join(words[:k])) + 1
        return 0

    def _method_named(self, name: str) -> LexEntry | None:
        """The method concept ``name`` spells, if any: a paper that introduces
        "Sequence Parallelism" introduces the concept, not a new system."""
        for t in self._lookup(name):
            if t.entry.kind == "method":
                return t.entry
        return None

    def _lookup(self, surface: str) -> list[_Target]:
        if self._base is None:
            return []
        hit = self._base.get(_pad(surface.lower()), None)
        return hit[1] if hit else []

    def _scan(self, text: str, padded: str, auto, context: list[int] | None = None) -> list[_Hit]:
        """Lexicon hits in ``text``: one Aho–Corasick pass over ``padded`` (the
        lower-cased text with punctuation turned into spaces, see :func:`_padded`),
        so keys (padded with spaces) match whole words only; case, boundary and
        suffix rules are then checked on the text. Where naming-context phrases
        start is appended to ``context``."""
        if auto is None or not text:
            return []
        hits = []
        n = len(text)
        for end_idx, (length, targets, ctx) in auto.iter(padded):
            start = end_idx - length + 1
            if ctx:
                if context is not None:
                    context.append(start)
                if not targets:
                    continue
            end = end_idx - 1
            if start and not _left_ok(text, start):
                continue
            span = text[start:end]
            exact = [t for t in targets if t.surface == span]
            cands = exact or [
                t
                for t in targets
                if not t.case and (_namey_case(span) or _joined_case(span, t.surface))
            ]
            for t in cands:
                entry, how = t.entry, t.how
                if how == "lexicon" and entry.kind == "method":
                    how = "method"
                elif how == "lexicon" and not exact:
                    how = "lexicon-case"
                e2 = end
                m = _DATASET_SUFFIX.match(text, end) if entry.kind == "dataset" else None
                if m:  # "WMT 2014 De-En"
                    entry, how, e2 = self._variant(entry, text[end : m.end()]), "variant", m.end()
                elif entry.kind != "method" and end < n and _may_suffix(text, end):
                    m = _SUFFIX.match(text, end)
                    if m and m.end() > end:
                        entry, how = self._variant(entry, text[end : m.end()]), "variant"
                        e2 = m.end()
                if not _right_ok(text, e2):
                    continue
                hits.append(_Hit(start, e2, text[start:e2], entry, how))
                break
        return hits

    def _variant(self, entry: LexEntry, suffix: str) -> LexEntry:
        if suffix in ("-series", "-family"):
            return entry
        name = entry.name + ("-" + suffix.lstrip(" -") if suffix[0] in " -" else suffix)
        known = self._by_norm.get(_norm(name))
        if known is not None:
            return known
        return LexEntry(name, entry.kind, entry.family)

    def _discover(
        self, text: str, hits: list[_Hit], context: Iterable[int], title_case: bool = False
    ) -> list[_Hit]:
        """Unseen names: name-shaped tokens anywhere, capitalised words after a
        naming context ("compared with X", "built on top of X", "such as X, Y")."""
        cands: dict[int, tuple[int, str, bool]] = {}
        shapes = self._shapes
        for m in _RE_SIGNAL.finditer(text):
            s, e = m.span()
            while s > 0 and (
                text[s - 1].isalpha() or (text[s - 1] == "-" and text[s - 2 : s - 1].isalnum())
            ):
                s -= 1
            if s > 0 and text[s - 1] in "$\\/_":
                continue
            raw = text[s:e]
            shape = shapes.get(raw, False)
            if shape is False:
                shape = self._name_shape(raw)
                if len(shapes) < 200_000:
                    shapes[raw] = shape
            if shape is not None:
                cands[s + shape[0]] = (s + shape[0] + len(shape[1]), shape[1], True)
            elif text[e : e + 1] in (" ", "/") and text[e + 1 : e + 2] != " ":
                m = _RE_ACRONYM_NUMBER.match(text, s)  # "FIPS 203", "ISO/IEC 27001"
                if m and not self.lexicon.is_blocked(m.group(1)):
                    cands[s] = (m.end(), m.group(), True)
        for pos in context:
            m = _RE_CONTEXT_NAME.match(text, pos)
            if not m:
                continue
            pos = m.start(1)
            cands.setdefault(pos, (m.end(1), m.group(1), False))
            end = m.end(1)
            while True:  # the rest of a list: "such as X, Y and Z"
                nxt = _RE_LIST_NEXT.match(text, end)
                if not nxt:
                    break
                cands.setdefault(nxt.start(1), (nxt.end(1), nxt.group(1), False))
                end = nxt.end(1)
        products: dict[int, str] = {}
        orgs = self.lexicon.organisations if title_case is False else ()
        for h in hits:  # "AWS Lambda", "AMD Kria", "Meta Quest 3": an organisation's product
            if h.entry.name in orgs and text.startswith(" ", h.end):
                m = _RE_PRODUCT.match(text, h.end)
                if m:
                    name = self._product_name(m.group(1))
                    if name:
                        cands.setdefault(m.start(1), (m.start(1) + len(name), name, False))
                        products[m.start(1)] = name
        named_data: set[int] = set()
        if "the " in text and ("dataset" in text or "benchmark" in text or "corpus" in text):
            for m in _RE_DATASET_CUE.finditer(text):  # "on the Kingsnake dataset"
                if m.start() and text[m.start() - 1].isalnum():
                    continue
                for g in (1, 2):
                    if m.group(g):
                        cands.setdefault(m.start(g), (m.end(g), m.group(g), False))
                        named_data.add(m.start(g))
        if not cands:
            return []
        taken = [(h.start, h.end) for h in hits]
        out = []
        for s in sorted(cands):
            e, tok, namey = cands[s]
            if taken and _overlaps(taken, s, e):
                continue
            judged = self._judge(tok, namey)
            if judged is None:
                continue
            tok, namey, entry, how = judged
            e = s + len(tok)
            if not namey and _RE_NEXT_CAP.match(text, e):
                continue  # "such as Grammatical Error Correction": a phrase
            if s in named_data and how == "discovered":
                entry = LexEntry(entry.name, "dataset")
            elif s in products and how == "discovered" and _RE_DEVICE.search(tok):
                entry = LexEntry(entry.name, "hardware")
            out.append(_Hit(s, e, tok, entry, how))
        return out

    def _product_name(self, words: str) -> str | None:
        """The product name in the capitalised words after an organisation, without
        generic trailing words ("Core Ultra SoC" -> "Core Ultra"), or None when a
        word is a known name or a generic one ("NVIDIA GPUs", "Google Cloud")."""
        parts = words.split(" ")
        while parts and (self.lexicon.is_blocked(parts[-1]) or parts[-1] in _GENERIC_HEADS):
            parts.pop()
        if not parts or any(self.lexicon.is_blocked(p) or self._lookup(p) for p in parts):
            return None
        if len(parts) == 1 and not parts[0][1:].islower() and _NAMEY.search(parts[0]):
            return None  # name-shaped on its own (WSE2): found as such
        return " ".join(parts)

    def _name_shape(self, raw: str) -> tuple[int, str] | None:
        """A token found by ``_RE_SIGNAL`` as a candidate name: its offset and text
        ("8xH800" is H800 at 2), or None when it is not name-shaped."""
        tok = raw.split("--", 1)[0].rstrip(".-_")  # "MegaScope--that", "F1_"
        shift = 0
        mult = _RE_MULTIPLIER.match(tok)
        if mult:  # "8xH800": eight H800s
            shift, tok = mult.end(), tok[mult.end() :]
        if not tok[:1].isalpha():
            return None
        if _NAMEY.search(tok) or _RE_STANDARD.fullmatch(tok):
            return shift, tok
        m = _RE_WORD_ACRONYM.fullmatch(tok)  # "Grendel-GS", not "Multi-GPU"
        if m and not self.lexicon.is_blocked(m.group(1)):
            return shift, tok
        return None

    def _judge(self, tok: str, namey: bool) -> tuple[str, bool, LexEntry, str] | None:
        """Is a candidate token a name, and which? (cached: the answer depends on the
        token alone). Returns the token without a "-based"-like modifier, whether it
        is name-shaped, its entity and how it was found."""
        key = (tok, namey)
        if key in self._judged:
            return self._judged[key]
        found = self._judge_token(tok, namey)
        if len(self._judged) < 200_000:
            self._judged[key] = found
        return found

    def _judge_token(self, tok: str, namey: bool) -> tuple[str, bool, LexEntry, str] | None:
        trimmed = _RE_MODIFIER.sub("", tok)
        if trimmed != tok:
            tok = trimmed
            namey = bool(_NAMEY.search(tok))
        if (
            len(tok) < 2
            or tok.endswith(".")
            or _STYLIZED.fullmatch(tok)
            or _NOT_NAME_TOKEN.match(tok)
            or self.lexicon.is_blocked(tok)
            or self._generic_compound(tok)
        ):
            return None
        if not namey and (len(tok) < 3 or (tok.isupper() and len(tok) <= 3) or _is_plain_word(tok)):
            return None
        if not namey and tok.count("-") >= 2 and _RE_WORD_CHAIN.fullmatch(tok):
            return None  # "First-Come-First-Served": a phrase
        standard = _RE_STANDARD.fullmatch(tok) or _RE_ACRONYM_NUMBER.fullmatch(tok)
        known = None if standard else self._fuzzy_lookup(tok)  # RTX 6000 is no RTX A6000
        if known is not None:
            return tok, namey, known, "fuzzy"
        return tok, namey, LexEntry(tok, "other" if standard else "system"), "discovered"

    def _generic_compound(self, tok: str) -> bool:
        """SSD-GPU, LLM-system, MoE-LLMs: hyphen-joined generic parts make no name."""
        parts = tok.split("-")
        return len(parts) > 1 and all(
            p.islower() or self.lexicon.is_blocked(p) or _RE_QUANTITY.fullmatch(p) for p in parts
        )

    def _fuzzy_lookup(self, tok: str) -> LexEntry | None:
        key = _norm(tok)
        if key in self._by_norm:
            return self._by_norm[key]
        if len(key) < 7:
            return None
        got = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=92)
        if got is None:
            return None
        cand = got[0]
        if re.sub(r"\D", "", cand) != re.sub(r"\D", "", key) or cand[:3] != key[:3]:
            return None
        return self._by_norm[cand]


@contextmanager
def _gc_paused():
    """Linking allocates many small objects and makes no reference cycles, so the
    cyclic collector's passes over the growing heap are pure cost: pause it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    surface: str
    entry: LexEntry
    how: str


@dataclass(slots=True)
class _Prepared:
    """Pass-1 results for one paper: its introductions, and per field the
    abbreviation definitions (``(abbr, long_form, long_start, abbr_start)``)."""

    intros: list
    title: list
    abstract: list


#: Naming-context phrases, as padded automaton keys: the scan that finds the names
#: also reports where these are, and ``_RE_CONTEXT_NAME`` checks each one.
CONTEXT_KEYS = (
    " compare", " than ", " outperform", " over ", " against ", " built on ",
    " built upon ", " based on ", " such as ", " e g ", " including ", " like ",
    " extend", " integrate", " on top of ", " versus ", " vs ",
)  # fmt: skip

# Pass-1 phrases, each found by a search with a literal prefix (fast in ``re``):
# "called", "termed", "dubbed", "coined", "named" all end in "ed ".
_RE_CALLED_TRIGGER = re.compile(
    r"ed (?:(?<=called )|(?<=termed )|(?<=dubbed )|(?<=coined )|(?<=named ))"
)
_RE_THIS_TRIGGER = re.compile(r"this\s+(?:paper|work|article|study|report)\s")
_RE_APPOSITION_TRIGGER = re.compile(r", (?:an? |the |which is a )")
_RE_DASH_TRIGGER = re.compile(r" (?:-- an?|— a) ")


_RE_OTHER_SPACE = re.compile(r"[^\S ]")


def _lower(text: str) -> str:
    """``text`` in lower case, keeping every offset (a few letters grow when lowered)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def _word_at(low: str, i: int) -> bool:
    return i == 0 or not low[i - 1].isalnum()


def _find_all(low: str, needle: str) -> list[int]:
    out = []
    i = low.find(needle)
    while i >= 0:
        if _word_at(low, i):
            out.append(i)
        i = low.find(needle, i + 1)
    return out


def _triggers(low: str) -> dict[str, list[int]]:
    """Where the introduction rules may start in a lower-cased text: "we …",
    "called/named/termed/dubbed/coined/namely …", "our …", ", a …"."""
    trig: dict[str, list[int]] = {}
    if not low:
        return trig
    for kind, needle in (("we", "we "), ("our", "our ")):
        found = _find_all(low, needle)
        if found:
            trig[kind] = found
    this = [m.start() for m in _RE_THIS_TRIGGER.finditer(low) if _word_at(low, m.start())]
    if this:
        trig["this"] = this
    called = _find_all(low, "namely ")
    for m in _RE_CALLED_TRIGGER.finditer(low):
        i = m.start() - (3 if low.startswith("nam", m.start() - 3) else 4)
        if _word_at(low, i):
            called.append(i)
    if called:
        trig["called"] = sorted(called)
    appos = [m.start() for m in _RE_APPOSITION_TRIGGER.finditer(low)]
    if "--" in low or "—" in low:
        appos = sorted(appos + [m.start() for m in _RE_DASH_TRIGGER.finditer(low)])
    if appos:
        trig["apposition"] = appos
    return trig


_RE_URL = re.compile(r"(?:https?://|www\.)\S+|\b\S+\.(?:com|org|io|net|html)\S*")


def _outside_urls(text: str, hits: list) -> list:
    """Drop hits inside URLs: a name that occurs only in a link is not a mention."""
    spans = [m.span() for m in _RE_URL.finditer(text)]
    return [h for h in hits if not any(a <= h.start < b for a, b in spans)]


@dataclass(slots=True)
class _Intro:
    entry: LexEntry
    surface: str
    field: str
    start: int
    how: str


_GREEK = str.maketrans({"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "μ": "mu"})


def _definitions(text: str) -> list[tuple[str, str, int, int]]:
    return abbreviation_definitions(text) if "(" in text else []


# Punctuation becomes a space for the scan (same length, so offsets hold); "+" stays
# (C++, ZeRO++), and so do letters and digits of every script.
class _SpaceTable(dict):
    """``str.translate`` table: every character that is not a letter, a digit or "+"
    becomes a space; filled in as characters are met, so all of Unicode is covered."""

    def __missing__(self, code: int) -> int | str:
        value = code if chr(code).isalnum() or code == 43 else " "
        self[code] = value
        return value


_SPACES = _SpaceTable()


def _pad(key: str) -> str:
    """An automaton key: lower case, punctuation as spaces, a space on each side."""
    return " " + key.lower().translate(_SPACES) + " "


_ASCII_SPACES = bytes(
    (ord(chr(c).lower()) if chr(c).isalnum() or c == 43 else 32) for c in range(128)
) + bytes(128)


def _padded(text: str) -> str:
    """The text the automaton scans: like :func:`_pad`, keeping every offset."""
    if text.isascii():  # most abstracts: a byte table is faster
        return " " + text.encode("ascii").translate(_ASCII_SPACES).decode("ascii") + " "
    return " " + _lower(text).translate(_SPACES) + " "


class _Finder:
    """The few keys a paper defines for itself ("speculative decoding (SD)"), found
    with ``str.find``: same interface as the automaton, no automaton to build."""

    __slots__ = ("keys",)

    def __init__(self, keys: dict[str, list[_Target]]) -> None:
        merged: dict[str, list[_Target]] = {}
        for k, targets in keys.items():
            merged.setdefault(_pad(k), []).extend(targets)
        self.keys = merged

    def iter(self, padded: str):
        found = []
        for k, targets in self.keys.items():
            n = len(k)
            i = padded.find(k)
            while i >= 0:
                found.append((i + n - 1, -n, (n, targets, False)))
                i = padded.find(k, i + 1)
        found.sort(key=lambda f: f[:2])
        return [(end, value) for end, _, value in found]


@lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    """Comparison key of a name: no case, spaces, hyphens or $; Greek letters spelled."""
    return re.sub(r"[\s\-_$]+", "", s.translate(_GREEK)).casefold()


def _namey_case(s: str) -> bool:
    """A case variant of a mixed-case name counts only when it still looks like a
    name (LLAMA, Flash-Attention-2), not like a word ("zero" is not ZeRO)."""
    return any(map(str.isupper, s[1:])) or any(map(str.isdigit, s))


def _joined_case(span: str, surface: str) -> bool:
    """A long compound name written as one capitalised word ("Huggingface" for
    HuggingFace, "Deepspeed"): still a name, unlike a short one ("Zero")."""
    return (
        len(span) >= 8
        and span[0].isupper()
        and span[1:].islower()
        and span.isalpha()
        and _RE_CAMEL_WORDS.fullmatch(surface) is not None
    )


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _may_suffix(text: str, end: int) -> bool:
    """Can a version suffix (see ``_SUFFIX``) start at ``end``? A cheap first check."""
    c = text[end]
    if c == " ":
        return text[end + 1 : end + 2].isdigit()
    return c in "+-v" or c.isdigit()


def _left_ok(text: str, start: int) -> bool:
    if start == 0:
        return True
    prev = text[start - 1]
    if prev.isalnum() or prev in "_$":
        return False
    return not (prev in "-." and start >= 2 and text[start - 2].isalnum())


def _right_ok(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    nxt = text[end]
    if nxt.isalnum() or nxt in "_+$":
        return False
    if nxt in "-." and end + 1 < len(text):
        after = text[end + 1]
        if nxt == "." and after.isalnum():
            return False
        if nxt == "-" and (after.isupper() or after.isdigit() or after in "$\\"):
            return False  # a longer name: ZeRO-Infinity, PanGu-$α$
    return True


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Longest first, then leftmost; no two selected hits overlap."""
    if len(hits) < 2:
        return hits
    hits.sort(key=_start)
    prev_end = -1
    for h in hits:
        if h.start < prev_end:
            break
        prev_end = h.end
    else:
        return hits  # the common case: nothing overlaps
    chosen: list[_Hit] = []
    for h in sorted(hits, key=_longest_first):
        for c in chosen:
            if h.start < c.end and c.start < h.end:
                break
        else:
            chosen.append(h)
    chosen.sort(key=_start)
    return chosen


def _start(h: _Hit) -> int:
    return h.start


def _longest_first(h: _Hit) -> tuple[int, int]:
    return h.start - h.end, h.start


def _noun_apposition(text: str, pos: int) -> re.Match | None:
    """At a "we" (``pos``): "we learn a slim communication block, ComMDM, …" — the
    match of ", NAME, " after the first listed noun that is followed by one."""
    if text[pos] not in "Ww" or not text[pos + 2 : pos + 3].isspace():
        return None
    begin = pos + 3
    stop = _RE_CLAUSE_END.search(text, begin, begin + 140)
    limit = stop.start() if stop else begin + 140
    c = text.find(",", begin, limit + 1)
    while c >= 0:
        w = c
        while w > begin and (text[w - 1].isalnum() or text[w - 1] == "_"):
            w -= 1
        if w - begin <= 120 and text[w:c] in _APPOSITION_NOUNS:
            m = _RE_COMMA_NAME.match(text, c)
            if m:
                return m
        c = text.find(",", c + 1, limit + 1)
    return None


def _presented_in(prefix: str, abstract: str, trig: dict[str, list[int]]) -> bool:
    """Does the abstract present a title's descriptive "Prefix:" as its own thing
    ("Speculative Actions:" … "we propose speculative actions, a lossless framework")?"""
    words = prefix.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    key = prefix.lower()
    for pos in trig.get("we", ()):
        m = _RE_WE_PRESENT.match(abstract, pos)
        if m and abstract[m.end() : m.end() + len(key)].lower() == key:
            after = abstract[m.end() + len(key) : m.end() + len(key) + 1]
            if not after or not after.isalnum():
                return True
    return False


def _intro_lead(text: str, lstart: int, trig: dict[str, list[int]]) -> bool:
    """Does an introducing phrase ("we propose a novel", "called") lead up to
    ``lstart``, within 150 characters?"""
    for kind in ("we", "called"):
        for pos in trig.get(kind, ()):
            if lstart - 150 <= pos < lstart and _RE_INTRO_LEAD.fullmatch(text, pos, lstart):
                return True
    # "we identify the limits of X and propose Long Form (LF)": the verb joined to an
    # earlier "we" of the same sentence
    for pos in trig.get("we", ()):
        if lstart - 250 <= pos < lstart and not _RE_CLAUSE_END.search(text, pos, lstart):
            for m in _RE_JOINED_VERB.finditer(text, pos + 3, lstart):
                if _RE_INTRO_TAIL.fullmatch(text, m.end(), lstart):
                    return True
    return False


def _in_title_as_name(long_form: str, title: str) -> bool:
    """Is a defined long form the title's subject ("Parallel Vertex Diffusion for …",
    "… with Training-free Speculative Jacobi Decoding")?"""
    key = _norm(long_form)
    if _norm(title).startswith(key):
        return True
    for m in re.finditer(r"\b(?:with|via|using|through)\s+", title):
        rest = title[m.end() :]
        skip_one = rest.split(" ", 1)[-1]
        if _norm(rest).startswith(key) or _norm(skip_one).startswith(key):
            return True
    return False


def _name_like(s: str) -> bool:
    """A string that reads as a name: name-shaped, or most words capitalised."""
    words = s.split()
    if _NAMEY.search(s) or len(words) == 1:
        return True
    return sum(w[0].isupper() for w in words[1:]) * 2 >= len(words) - 1


def _valid_intro(name: str, lexicon: Lexicon, lower_ok: bool = False) -> bool:
    if not name or len(name) > 60 or lexicon.is_blocked(name):
        return False
    if len(set(name)) == 1:
        return False  # "XXXX": an anonymised name
    if _RE_MODIFIER.search(name):
        return False  # "our FL-based approach"
    words = name.split()
    if len(words) > 4 or any(w.lower() in _TITLE_STOP for w in words):
        return False
    if len(words) == 1 and _RE_QUANTITY.fullmatch(name):
        return False
    if lower_ok and len(words) >= 2:
        return True  # "namely hidden transfer, which ...": a named technique
    return (
        name[0].isupper()
        or name[0].isdigit()
        or bool(_NAMEY.search(name))
        or sum(c.isupper() for c in name) >= 2
    )


def _title_name(prefix: str, long_of: dict, abbr_of: dict, lexicon: Lexicon) -> bool:
    """Is a title's "Prefix:" a name (Clover, ZeRO-Infinity, T3) or rhetoric and
    description ("LLM & HPC:", "Incentive-Based Federated Learning:")?"""
    p = _MATH.sub(r"\1", prefix).strip()
    words = p.split()
    if not words or len(words) > 4 or any(w.lower() in _TITLE_STOP for w in words):
        return False
    if len(words) == 1:
        return p[0].isupper() or bool(_NAMEY.search(p))
    if words[0].endswith("ing") and len(words[0]) > 5 and words[0][1:].islower():
        return False  # "Optimizing LLM Inference:", "Challenging GPU Dominance:"
    generic = [lexicon.is_blocked(w) or lexicon.is_blocked(w.rstrip("s")) for w in words]
    if any(_capsy(w) and not g for w, g in zip(words, generic, strict=True)):
        return True
    if generic[-1] and _capsy(words[-1]) and words[-2][0].isupper():
        return True  # a named kind of a generic class: "Lagrangian PINNs", "Speculative MoE"
    return _norm(p) in abbr_of


def _capsy(word: str) -> bool:
    """Name-shaped, or two capitals in one hyphen-free part (ZeRO, GPT; not
    "Incentive-Based")."""
    return bool(_NAMEY.search(word)) or any(
        sum(map(str.isupper, part)) >= 2 for part in word.split("-")
    )


_COMMON = frozenset(
    """
    Transformer Transformers Attention Diffusion Table Figure Section Appendix Experiments
    Results However Moreover Furthermore Additionally Specifically Finally First Second
    Third Our Existing Previous Prior Recent Traditional Standard Baseline Baselines State
    Large Language Model Models Vision Image Video Speech Text Code
    """.split()
)


def _is_plain_word(tok: str) -> bool:
    return tok in _COMMON or (tok[0].isupper() and tok[1:].islower() and len(tok) < 4)


def _phrase_kind(long_form: str) -> str:
    low = long_form.lower()
    if re.search(r"\b(dataset|benchmark|corpus|suite)\b", low):
        return "dataset"
    if re.search(r"\b(unit|processor|accelerator|chip)\b", low):
        return "hardware"
    return "system"


@lru_cache(maxsize=4096)
def _guess_kind(title: str) -> str:
    t = title.lower()
    if re.search(r"\b(dataset|benchmark|corpus|suite)\b", t):
        return "dataset"
    return "system"


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
