"""Which thing a name means, across papers: one entity per meaning, and true "builds on" links.

The linker finds names paper by paper. This stage looks at the whole corpus at once and
decides, for every mention of a name that some corpus paper introduces, whether it is
*that* paper's artefact:

* **Introductions are checked first.** A paper that only surveys a name, reports that it
  "has been proposed" or "has emerged", proposes "a variant of" it, or defines a common task
  acronym for the reader ("Semi-Supervised Learning (SSL) … aims to") introduces nothing;
  a phrase that the corpus writes in lower case as a general term ("semi-supervised
  learning") is a concept, not an artefact.
* **One entity per meaning.** Two papers that introduce the same string (Prism, PRISM), or
  a paper whose name is also a known lexicon entity of another kind (a simulator named
  Frontier, the Frontier supercomputer), give distinct entities. Where a name has more than
  one meaning, each introduced meaning is named with its long form or its paper's subject
  ("Prism (Unleashing GPU Sharing for…)", "Frontier (Simulating the Next Generation…)"),
  and mentions that cannot be attributed stay on the plain name.
* **A mention links to an introducing paper only when the evidence agrees:** the same case
  (Spark ≠ SPARK), no conflicting long form of its own, a compatible kind (the "Frontier
  supercomputer" is hardware), not newer than the citing paper, and, for names that are
  short or dictionary-like (two- and three-letter acronyms, "Prism", "Aurora"), abstracts
  that share distinctive vocabulary (a TF-IDF cosine with a fixed background IDF, so
  that it depends on the two papers only). The weaker the name, the
  more similarity it needs. A multi-word name inside a longer capitalised name is not a
  mention of it ("Memory Access" in "Multipath Memory Access").
* **An inference needs more than the cited paper's own word** (:func:`_basis`): the mention
  always stays, but ``builds_on`` is drawn only where the lexicon knows the paper as the
  name's source, or its title is headed by a distinctive name, or a coined name the lexicon
  knows is presented as the object of "we propose"; the edge's ``basis`` says which.
* **Versions.** A mention links to the paper that introduced that exact artefact; Llama 3 is
  not LLaMA. A version-less family name (DeepSpeed, ZeRO-series) may link to a paper that
  introduced a member of the family: that link is marked ``via_family`` and weaker.

Everything is linear in the number of mentions plus the vectors of the papers compared; no
loop over all pairs.
"""

from __future__ import annotations

import json
import pickle
import re
import struct
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache, partial

import numpy as np

from ._resources import data_path
from .linker.patterns import _norm
from .model import Mention, Paper
from .text import abbreviation_definitions, capitals_differ, case_compatible


@dataclass(frozen=True, slots=True)
class Link:
    """A inferred to build on B: A names the artefact B introduces.

    Example:
        >>> Link("clover", "medusa", "Medusa", "Medusa", "Medusa", "We beat Medusa.", 0.9).b
        'medusa'
    """

    a: str
    b: str
    via: str  # the entity A names
    entity: str  # the entity B introduces
    surface: str  # as A writes it
    sentence: str  # A's sentence
    confidence: float
    via_family: bool = False
    similarity: float = 0.0
    # what backs "B introduced it": "lexicon" (the lexicon's entity, by its source paper or
    # the corpus's history), "title" (B's title is the name: "MixMatch: …"), "abstract"
    # (B's abstract presents a coined name the lexicon knows), "again" (A presents it again)
    basis: str = "lexicon"


@dataclass
class _Meaning:
    """One introduced artefact: a name, the paper(s) that present it, its long form."""

    name: str
    kind: str
    family: str
    papers: list[str]
    surfaces: set[str]
    long_form: str | None
    display: str = ""
    confirmed: bool = False  # the lexicon's entity, by its source paper or a machine's title
    # the lexicon knows a thing of this name but not its source: a mention may mean either
    homonym: bool = False
    # the lexicon's name, but another artefact (a simulator named Frontier): a mention the
    # linker read as the lexicon's entity is this one only by how it is written
    foreign: bool = False
    known: bool = False  # the lexicon holds a name of this spelling (of whatever kind)
    # foreign, and the lexicon gives its own thing's source paper: the name is that one's
    # ("CLIP" is OpenAI's, not the corpus's "CLIP: Client-Side Invariant Pruning")
    elsewhere: bool = False


@lru_cache(maxsize=1)
def _cues() -> dict:
    with open(data_path("lexicon", "identity.json"), encoding="utf-8") as f:
        return json.load(f)


# Others' work reported: "… has been proposed", "… has emerged", "… was introduced by".
_NOT_INTRO = re.compile(
    r"\b(?:ha(?:s|ve|d)\s+(?:recently\s+|also\s+|already\s+)?"
    r"(?:been\s+(?:proposed|introduced|developed)|emerged)"
    r"|(?:is|are|was|were)\s+(?:recently\s+)?(?:proposed|introduced)\s+by)\b",
    re.IGNORECASE,
)
# A survey or review as the paper's genre ("A Survey of Mamba", "LLMs: A Survey"), not the
# word in a topic ("Automated Code Review with LLMs").
_SURVEY = re.compile(
    r"\b(?:survey|review|overview|tutorial|primer)\s+(?:of|on)\b"
    r"|\b(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:survey|review|overview|tutorial|primer)\s*(?:$|[:.])"
    r"|^(?:survey|review|overview)\b|\bsystematic\s+(?:literature\s+)?review\b",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"\b(?:we|our|this\s+(?:paper|work|article|study)|here|propos\w*|introduc\w*|present\w*|"
    r"develop\w*|design\w*|term\w*|dub\w*|call\w*|nam(?:e|ed))\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z][a-z'-]+")


@lru_cache(maxsize=65536)
def _name_class(name: str) -> str:
    """What kind of name ``name`` is, by its letters and how common it is as an English word:
    "short" (three letters or fewer), "dictionary" (a common word, or words: "Prism",
    "Sudoku", "You Only Train Once"), "acronym" (four or five capitals that are no word:
    "LVIS"), "rare_word" (a word, though rare: "Generalist") or "coined" ("FlashAttention",
    "MixMatch", "Boltzmann Generators").

    Example:
        >>> [_name_class(n) for n in ("DP", "Prism", "LVIS", "FlashAttention")]
        ['short', 'dictionary', 'acronym', 'coined']
    """
    from wordfreq import zipf_frequency

    core = re.sub(r"[-_ ]?v?\d+(\.\d+)*$", "", name).strip() or name
    letters = re.sub(r"[^A-Za-z]", "", core)
    if len(letters) <= 3:
        return "short"
    if " " in core:
        words = core.lower().split()
        return "dictionary" if all(zipf_frequency(w, "en") >= 3.0 for w in words) else "coined"
    z = zipf_frequency(core.lower(), "en")
    if core.isupper() and len(letters) <= 5:
        return "acronym" if z < 3.0 else "dictionary"
    if z >= 3.0:
        return "dictionary"
    return "rare_word" if z >= 2.0 else "coined"


def _weakness(name: str) -> float:
    """How much context a name needs before it can be attributed, in TF-IDF cosine.

    Short acronyms and dictionary words need the most; coined names ("FlashAttention",
    "vLLM", "EcoServe") need none.

    Example:
        >>> _weakness("FlashAttention")
        0.0
    """
    return _cues()["need"].get(_name_class(name), 0.0)


def _key(s: str) -> str:
    return _norm(s)  # the linker's comparison key: no case, spaces, hyphens; Greek spelled


def _cue_kind(sentence: str, surface: str, start: int | None = None) -> str | None:
    """The kind the words around a mention give it: "the Frontier supercomputer" and
    "on Frontier's GPUs" are hardware, "the Kingsnake dataset" a dataset, and so is a
    class noun just before it ("the current supercomputing cluster, Frontier,",
    "datasets such as Kingsnake").

    Example:
        >>> _cue_kind("the top supercomputing cluster, Frontier, which", "Frontier")
        'hardware'
        >>> _cue_kind("we run Frontier on eight nodes", "Frontier") is None
        True
    """
    i = sentence.find(surface) if start is None else start
    if i < 0:
        return None
    before = _WORD.findall(sentence[max(0, i - 40) : i].lower())[-1:]
    after = _WORD.findall(sentence[i + len(surface) : i + len(surface) + 40].lower())[:2]
    if after and after[0] in ("'s", "s") and len(after) > 1:
        after = after[1:]  # "Frontier's nodes"
    head = after[:1]
    if head == ["machine"] and after[1:] == ["learning"]:
        head = []  # "machine learning" names no machine
    listed = _RE_LISTED_AFTER.match(sentence, i + len(surface))
    if listed:  # "experiments on Pheme and Twitter16 datasets": the list's head noun
        head = [listed.group(1).lower()]
    cls = _CLASS_BEFORE.search(sentence[max(0, i - 60) : i])
    appos = _RE_APPOSITION_AFTER.match(sentence, i + len(surface))
    if appos:  # "Aurora, a foundational deep learning model originally designed for …"
        head = ""  # the apposition's head noun: its last word before a clause or an adverb
        for w in appos.group(1).lower().split():
            if w in _CLAUSE_WORDS or (w.endswith("ly") and head):
                break
            head = w
        kind = next((k for k, ws in _cues()["kind_cues"].items() if head in ws), None)
        if kind is not None:
            return kind
    for kind, words in _cues()["kind_cues"].items():
        if set(head) & set(words) or set(before) & set(_cues()["kind_before"].get(kind, [])):
            return kind
        if cls and cls.group(1).lower() in words:
            return kind
    return None


# A name that a list's last item and its head noun follow ("Pheme and Twitter16 datasets")
_RE_LISTED_AFTER = re.compile(r"(?:,\s*[\w.+-]+)*,?\s+(?:and|or|&)\s+[\w.+-]+\s+([a-z]+)\b")
# An apposition right after a name: its first words, up to a clause word, may hold its class
_RE_APPOSITION_AFTER = re.compile(r",\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,5}[\w-]+)")
_CLAUSE_WORDS = frozenset(
    "that which who whose for to with of in on by from and or as at via using behind across"
    " over under into onto through between among within without than is are was were has"
    " have designed built developed trained used based".split()
)
# A class noun right before a name: an apposition ("cluster, Frontier") or a Hearst
# pattern ("clusters such as Frontier", "datasets like Kingsnake and …").
_CLASS_BEFORE = re.compile(
    r"\b([a-z]+)(?:,\s*|,?\s+(?:such\s+as|like|including|namely|e\.g\.,?)\s+"
    r"(?:[A-Z][\w.-]*,?\s+(?:and\s+|or\s+)?){0,3})$"
)


def _paper_cue(a: Paper, surface: str) -> str | None:
    """The kind a paper's words give a name anywhere it writes it: one paper, one sense
    ("infrastructure like Frontier, equipped with AMD GPUs" in a paper that later says
    "the supercomputing cluster, Frontier")."""
    if a.abstract.count(surface) + a.title.count(surface) < 2:
        return None  # written once: its sentence said all there is
    return _paper_cues(a.title, a.abstract, surface)


@lru_cache(maxsize=65536)
def _paper_cues(title: str, abstract: str, surface: str) -> str | None:
    pattern = re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])")
    for text in (title, abstract):
        for hit in pattern.finditer(text):
            cue = _cue_kind(text, surface, hit.start())
            if cue is not None:
                return cue
    return None


def _compatible(cue: str | None, kind: str) -> bool:
    if cue is None or cue == kind:
        return True
    soft = {"system", "method", "model", "other"}
    return cue in soft and kind in soft


# compiled once: identity runs these on every candidate mention (some 400,000 times in an
# add to a 100,000-paper store), where a pattern string costs a lookup in re's cache
_RE_WORD_BEFORE = re.compile(r"([A-Za-z][\w]*)[ \-]$")
_RE_WORD_AFTER = re.compile(r"[ \-]([A-Za-z][\w]*)")
_RE_PREFIX_WORD = re.compile(r"(?<![\w.'’])([A-Za-z][\w]*)[\s\-]+$")
_RE_CAPITALS_BEFORE = re.compile(r"(?:[A-Z][\w-]*[ ]){1,2}$")
_RE_CAPITALS_AFTER = re.compile(r"(?:[ ][A-Z][\w-]*){1,2}")


def _inside_longer_name(text: str, start: int, end: int, surface: str) -> bool:
    """A multi-word name inside a longer capitalised one ("Memory Access" in "Multipath
    Memory Access", "First" in "Shortest-Job-First")."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 30]
    m = _RE_WORD_BEFORE.search(before)
    if (
        m
        and m.group(1)[0].isupper()
        and m.group(1).casefold() not in _FUNCTION_WORDS  # "Result showed In FIDRS framework"
        and m.group(1).casefold() not in _TITLE_VERBS  # "… Table Discovery Using DSI"
        and not _sentence_start(text, start - len(m.group(0)))
    ):
        return True
    m = _RE_WORD_AFTER.match(after)
    return bool(m and m.group(1)[0].isupper() and " " in surface.strip())


def _prefixed(text: str, start: int, known: set[str] | frozenset[str]) -> bool:
    """Is the name at ``start`` the end of a longer name: right after a capitalised word
    that is no function word, does not open the sentence and is no name the lexicon knows
    (``known``: its names in lower case; "Grounding DINO", "Vision Mamba RNN (VMRNN)",
    "Spatial DPO"; but "Microsoft COCO", "Nvidia Jetson" are COCO and Jetson)?

    Example:
        >>> _prefixed("We fine-tune Grounding DINO on it.", 23, set())
        True
        >>> _prefixed("We compare with DINO.", 16, set())
        False
        >>> _prefixed("Microsoft COCO", 10, {"microsoft"})
        False
        >>> _prefixed("in the 70B Chinchilla model", 11, set()), _prefixed("Vanilla BERT", 8, set())
        (False, False)
    """
    m = _RE_PREFIX_WORD.search(text[max(0, start - 30) : start])
    if not m or not m.group(1)[0].isupper() or _sentence_start(text, start - len(m.group(0))):
        return False  # "70B Chinchilla", "3D RoPE": a size, no word
    word = m.group(1).casefold()
    if word in _FUNCTION_WORDS or word in _cues()["modifiers_before"]:
        return False  # "Vanilla BERT", "Frozen DINO"
    return word not in known


def _in_capitalised_run(text: str, start: int, end: int) -> bool:
    """Is the name one of three or more capitalised words in a row ("Specialized Generalist
    Models (SGMs) aim to …")?"""
    before = _RE_CAPITALS_BEFORE.search(text[max(0, start - 40) : start])
    after = _RE_CAPITALS_AFTER.match(text[end : end + 40])
    n = 1
    for part in (before.group(0).split() if before else []) + (
        after.group(0).split() if after else []
    ):
        if part.casefold() not in _FUNCTION_WORDS:
            n += 1
    return n >= 3


_RE_OUR_PROPOSED = re.compile(r"\b[Oo]ur\s+(?:proposed|new|novel)\s+$")
_FUNCTION_WORDS = frozenset(
    "a an and as at by for from in into of on or our the this that these to we with its".split()
)

# words a title-case title capitalises before a name that are no part of it
_TITLE_VERBS = frozenset(
    "using via through leveraging towards toward beyond versus vs without over under across "
    "between against than like unlike meets".split()
)


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j < 0 or text[j] in ".!?:;"


#: Columns of the hashed term space (scikit-learn's ``HashingVectorizer``): a word's column
#: depends on the word alone, so two papers' vectors never depend on the rest of the corpus.
_N_FEATURES = 1 << 20
_TOKENS = r"(?u)\b[A-Za-z][A-Za-z0-9\-]+\b"


@lru_cache(maxsize=1)
def _hasher():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        n_features=_N_FEATURES,
        stop_words="english",
        token_pattern=_TOKENS,
        alternate_sign=False,
        norm=None,
        dtype=np.float64,
    )


def _analyzer():
    """The words identity's similarity sees in a text (lower case, English stop words out).

    Example:
        >>> _analyzer()("We present FlashAttention, an IO-aware attention.")
        ['present', 'flashattention', 'io-aware', 'attention']
    """
    return _hasher().build_analyzer()


@lru_cache(maxsize=1)
def _idf() -> np.ndarray:
    """The IDF of every hashed column, from the background table ``lexicon/idf.json``
    (scikit-learn's smoothed IDF, ``ln((1 + n) / (1 + df)) + 1``); a word not in the table
    has the IDF of a word seen once, the largest. Two table words in one column: the
    smaller IDF."""
    with open(data_path("lexicon", "idf.json"), encoding="utf-8") as f:
        table = json.load(f)
    n = table["documents"]
    idf = np.full(_N_FEATURES, np.log((1 + n) / 2) + 1)
    words = [w for w, _ in table["df"]]
    if words:
        df = np.array([n for _, n in table["df"]], dtype=np.float64)
        coo = _hasher().transform(words).tocoo()
        np.minimum.at(idf, coo.col, np.log((1 + n) / (1 + df[coo.row])) + 1)
    return idf


def _vectors(texts: Iterable[str]):
    """Sublinear TF × the background IDF, L2-normalised, each row's columns sorted: the
    rows whose dot product is the cosine."""
    from sklearn.preprocessing import normalize

    X = _hasher().transform(texts)
    X.sum_duplicates()
    X.data = (np.log(X.data) + 1.0) * _idf()[X.indices]
    X = normalize(X, copy=False)
    X.sort_indices()  # each row's terms in column order: the order the sums take
    return X


def vector_arrays(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The vectors of ``texts`` (:func:`_vectors`) as the CSR arrays ``indptr``,
    ``indices`` (columns) and ``data`` (values): text ``k``'s columns are
    ``indices[indptr[k]:indptr[k + 1]]``.

    Example:
        >>> indptr, cols, vals = vector_arrays(["GPU sharing.", "LLM serving with GPUs."])
        >>> indptr.tolist(), round(float((vals[indptr[1]:] ** 2).sum()), 6)
        ([0, 2, 5], 1.0)
    """
    X = _vectors(texts)
    return X.indptr, X.indices, X.data


@lru_cache(maxsize=65536)
def _name_columns(forms: tuple[str, ...]) -> frozenset[int]:
    # the columns _hasher() gives these words, worked out here: a name's few words do not
    # need scikit-learn, whose import cost an add's process 0.76 s (tests/test_identity.py
    # checks them against it)
    return frozenset(
        _column(w) for form in forms for w in _WORD.findall(form.lower()) if w not in _STOP_WORDS
    )


_WORD = re.compile(_TOKENS)


def _column(word: str) -> int:
    """The column scikit-learn's ``HashingVectorizer`` (``alternate_sign=False``) puts a
    word in: the absolute value of its signed 32-bit MurmurHash3 (seed 0, of its UTF-8
    bytes), modulo the number of columns.

    Example:
        >>> _column("infinigen") == _column("infinigen") < _N_FEATURES
        True
    """
    return abs(_murmur3(word.encode("utf-8"))) % _N_FEATURES


def _murmur3(data: bytes) -> int:
    """MurmurHash3 (x86, 32 bits, seed 0) of ``data``, signed, as
    ``sklearn.utils.murmurhash3_32`` gives it.

    Example:
        >>> _murmur3(b"foo")
        -156908512
    """
    h = 0
    n = len(data)
    end = n - n % 4
    for (k,) in struct.iter_unpack("<I", data[:end]):
        k = (k * 0xCC9E2D51) & 0xFFFFFFFF
        k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
        h ^= (k * 0x1B873593) & 0xFFFFFFFF
        h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
        h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    if n > end:
        k = int.from_bytes(data[end:], "little")
        k = (k * 0xCC9E2D51) & 0xFFFFFFFF
        k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
        h ^= (k * 0x1B873593) & 0xFFFFFFFF
    h ^= n
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    h ^= h >> 16
    return h - (1 << 32) if h & 0x80000000 else h


#: scikit-learn's English stop words (``ENGLISH_STOP_WORDS``, which :func:`_hasher` drops),
#: for :func:`_name_columns` (the same list: ``tests/test_identity.py``).
_STOP_WORDS = frozenset(
    """
a about above across after afterwards again against all almost alone along already also
although always am among amongst amoungst amount an and another any anyhow anyone anything
anyway anywhere are around as at back be became because become becomes becoming been before
beforehand behind being below beside besides between beyond bill both bottom but by call can
cannot cant co con could couldnt cry de describe detail do done down due during each eg eight
either eleven else elsewhere empty enough etc even ever every everyone everything everywhere
except few fifteen fifty fill find fire first five for former formerly forty found four from
front full further get give go had has hasnt have he hence her here hereafter hereby herein
hereupon hers herself him himself his how however hundred i ie if in inc indeed interest into
is it its itself keep last latter latterly least less ltd made many may me meanwhile might
mill mine more moreover most mostly move much must my myself name namely neither never
nevertheless next nine no nobody none noone nor not nothing now nowhere of off often on once
one only onto or other others otherwise our ours ourselves out over own part per perhaps
please put rather re same see seem seemed seeming seems serious several she should show side
since sincere six sixty so some somehow someone something sometime sometimes somewhere still
such system take ten than that the their them themselves then thence there thereafter thereby
therefore therein thereupon these they thick thin third this those though three through
throughout thru thus to together too top toward towards twelve twenty two un under until up
upon us very via was we well were what whatever when whence whenever where whereafter whereas
whereby wherein whereupon wherever whether which while whither who whoever whole whom whose
why will with within without would yet you your yours yourself yourselves
""".split()
)


def name_columns(forms: Iterable[str]) -> frozenset[int]:
    """The hashed columns of the words of a name's spellings (:func:`_analyzer`'s words).

    Example:
        >>> name_columns(["InfiniGen"]) == name_columns(["infinigen"])
        True
    """
    return _name_columns(tuple(sorted({f for f in forms if f})))


def vector_text(p: Paper) -> str:
    """The text of a paper that its similarity vector is of (:func:`_vectors`).

    Example:
        >>> vector_text(Paper("a", "Prism", "GPU sharing."))
        'Prism. GPU sharing.'
    """
    return f"{p.title}. {p.abstract}"


class _Similarity:
    """TF-IDF cosine between two papers' titles and abstracts: sublinear TF, hashed words
    and a fixed background IDF (:func:`_idf`), so that the cosine of two papers depends on
    those two papers only, whatever else the corpus holds (other identity rules still read
    the corpus: the lower-case use of long names, who used a name first, how many papers
    present it).

    The attribution asks, for every paper that names one of a group of meanings, its
    cosine with the papers that introduce them: :meth:`focus` computes those as one
    sparse product per group (in chunks of the naming papers, each when first asked),
    instead of one small product per pair. Each cosine is the sum of the products of
    the shared terms in column order, as ``numpy.dot`` of the two rows' shared entries
    sums them (the same value, to the last bits of floating point).

    Example:
        >>> a = Paper("a", "Prism", "GPU sharing for LLM serving with memory swapping.")
        >>> b = Paper("b", "Fast serving", "LLM serving with GPU sharing.")
        >>> c = Paper("c", "Radio", "Detecting fast radio bursts on FPGA boards.")
        >>> _Similarity([a, b, c])("a", "b") == _Similarity([a, b])("a", "b") > 0.3
        True
        >>> _Similarity([a, b, c])("a", "c")
        0.0
    """

    #: Largest block of cosines computed at once (naming papers × introducing papers).
    BLOCK = 1 << 21

    def __init__(
        self,
        papers: list[Paper],
        vectors: dict[str, tuple[np.ndarray, np.ndarray]] | None = None,
        vectorize: Callable[[list[str]], tuple] | None = None,
    ) -> None:
        self.row = {p.id: i for i, p in enumerate(papers)}
        self._vectorize = vectorize  # texts -> their vectors (default: vector_arrays)
        self.papers = papers
        self._vec: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # row -> columns, values
        # ``vectors``: paper id -> its vector, worked out before (a store keeps them: a
        # paper's vector depends on its own text only); the ones worked out here are
        # added to it
        self._known = vectors
        for pid, v in (vectors or {}).items():
            if pid in self.row:
                self._vec[self.row[pid]] = v
        self._blocks: dict[int, tuple] = {}
        self._block: tuple | None = None
        self._apart_of: tuple | None = None  # see apart
        self._texts: dict[str, str] = {}
        self._spare: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # see prefetch

    def text_of(self, pid: str) -> str:
        """A paper's title and abstract, case-folded (kept: a presenter is asked often)."""
        text = self._texts.get(pid)
        if text is None:
            p = self.papers[self.row[pid]]
            text = self._texts[pid] = f"{p.title} {p.abstract}".casefold()
        return text

    def prepare(self, ids: Iterable[str]) -> None:
        """Work out the vectors of these papers now, in one batch (each paper's vector is
        otherwise worked out when a cosine first asks for it: only those are)."""
        self._ensure([self.row[i] for i in ids if i in self.row])

    def _ensure(self, rows: Iterable[int]) -> None:
        need = [i for i in dict.fromkeys(rows) if i not in self._vec]
        if not need:
            return
        if self._spare:  # worked out ahead (see prefetch): known from their first use
            for i in need:
                v = self._spare.pop(i, None)
                if v is not None:
                    self._vec[i] = v
                    if self._known is not None:
                        self._known[self.papers[i].id] = v
            need = [i for i in need if i not in self._vec]
            if not need:
                return
        texts = [vector_text(self.papers[i]) for i in need]
        indptr, indices, data = (self._vectorize or vector_arrays)(texts)
        for k, i in enumerate(need):
            s, e = indptr[k], indptr[k + 1]
            self._vec[i] = (indices[s:e], data[s:e])
            if self._known is not None:
                self._known[self.papers[i].id] = self._vec[i]

    def prefetch(self, ids: Iterable[str]) -> None:
        """Work out now, in one batch, the vectors of these papers not known yet, and keep
        them aside: each is known (and kept in ``vectors``) only once a cosine asks for
        it, as if worked out then (see :class:`_Attribution`: its forked processes find
        them there instead of asking ``vectorize``)."""
        need = sorted(
            {self.row[i] for i in ids if i in self.row} - self._vec.keys() - self._spare.keys()
        )
        if need:
            texts = [vector_text(self.papers[i]) for i in need]
            indptr, indices, data = (self._vectorize or vector_arrays)(texts)
            for k, i in enumerate(need):
                self._spare[i] = (
                    indices[indptr[k] : indptr[k + 1]],
                    data[indptr[k] : indptr[k + 1]],
                )

    def note_known(self) -> None:
        """Note the vectors known now (in a process forked to attribute a share of the
        mentions: see :class:`_Attribution`); :meth:`worked_out` gives those worked out
        since."""
        self._since = len(self._known) if self._known is not None else 0

    def worked_out(self) -> list[tuple[str, tuple[np.ndarray, np.ndarray]]]:
        """The vectors worked out since :meth:`note_known` (where they are kept: ``vectors``)."""
        return [] if self._known is None else list(self._known.items())[self._since :]

    def adopt(self, vectors: Iterable[tuple[str, tuple[np.ndarray, np.ndarray]]]) -> None:
        """Take vectors another process worked out (:meth:`worked_out`)."""
        for pid, v in vectors:
            i = self.row.get(pid)
            if i is not None and i not in self._vec:
                self._vec[i] = v
                if self._known is not None:
                    self._known[pid] = v

    def _matrix(self, rows: list[int]):
        """The vectors of ``rows``, in that order, as the rows of a CSR matrix."""
        from scipy.sparse import csr_matrix

        self._ensure(rows)
        parts = [self._vec[i] for i in rows]
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(c) for c, _ in parts], out=indptr[1:])
        indices = np.concatenate([c for c, _ in parts]) if parts else np.zeros(0, np.int32)
        data = np.concatenate([d for _, d in parts]) if parts else np.zeros(0)
        return csr_matrix((data, indices, indptr), shape=(len(rows), _N_FEATURES))

    def focus(
        self, group: object, askers: Iterable[str], introducers: Iterable[str] | None = None
    ) -> None:
        """The next calls ask for the cosines of ``askers`` with ``introducers`` (by
        default the papers that introduce the meanings of ``group``): one block for the
        group (kept while it lives); ``group`` None: no block."""
        if group is None:
            self._block = None
            return
        found = self._blocks.get(id(group))
        if found is None or found[0] is not group:
            rows = {a: i for i, a in enumerate(sorted({a for a in askers if a in self.row}))}
            if introducers is None:
                introducers = (b for x in group for b in x.papers[:9])
            intro = dict.fromkeys(b for b in introducers if b in self.row)
            cols = {b: j for j, b in enumerate(intro)}
            chunk = max(1, self.BLOCK // max(1, len(cols)))
            found = (group, rows, cols, chunk, {})
            self._blocks[id(group)] = found
        self._block = found

    def __call__(self, a: str, b: str) -> float:
        blk = self._block
        if blk is not None and b in blk[2]:
            row, cols = self.cosines(a)
            if row is not None:
                return float(row[cols[b]])
        ia, ib = self.row.get(a), self.row.get(b)
        if ia is None or ib is None:
            return 0.0
        return self._cosine(ia, ib)

    def cosines(self, a: str) -> tuple[np.ndarray | None, dict[str, int]]:
        """Paper ``a``'s cosines with the focused block's papers (a row of it, computed
        when first asked) and the block's column of each paper; (None, {}) where ``a``
        is not one of the block's rows."""
        blk = self._block
        if blk is None:
            return None, {}
        _, rows, cols, chunk, parts = blk
        i = rows.get(a)
        if i is None:
            return None, {}
        part = parts.get(i // chunk)
        if part is None:
            part = parts[i // chunk] = self._part(rows, cols, i // chunk, chunk)
        return part[i % chunk], cols

    def _part(self, rows: dict, cols: dict, k: int, chunk: int) -> np.ndarray:
        asked = [self.row[a] for a in list(rows)[k * chunk : (k + 1) * chunk]]
        intro = [self.row[b] for b in cols]
        self._ensure(asked + intro)  # one batch for the vectors not worked out yet
        return _product(self._matrix(asked), self._matrix(intro))

    def apart(self, a: str, b: str, words: frozenset[int], least: int = 0) -> float | None:
        """The cosine of papers ``a`` and ``b`` without the hashed columns ``words`` (a
        name's own words: two papers that write the same coined name share it whatever
        they mean by it), each vector normalised again over the columns left; None where
        either paper has fewer than ``least`` other words (too little text to judge by).

        Example:
            >>> a = Paper("a", "InfiniGen", "We render 3D scenes with the InfiniGen engine.")
            >>> b = Paper("b", "InfiniGen", "InfiniGen manages the KV cache of LLM serving.")
            >>> s = _Similarity([a, b])
            >>> s("a", "b") > 0.1, s.apart("a", "b", name_columns(["InfiniGen"]))
            (True, 0.0)
            >>> s.apart("a", "b", name_columns(["InfiniGen"]), least=20) is None
            True
        """
        ia, ib = self.row.get(a), self.row.get(b)
        if ia is None or ib is None:
            return None
        self._ensure((ia, ib))
        (ca, da), (cb, db) = self._vec[ia], self._vec[ib]
        last = self._apart_of  # a's entries, as last asked (the same for each b of a name)
        if last is not None and last[0] == ia and last[1] is words:
            wa = last[2]
        else:
            wa = _entries(ca, da, words)
            self._apart_of = (ia, words, wa)
        wb = _entries(cb, db, words)
        if least and min(len(ca) - len(wa), len(cb) - len(wb)) < least:
            return None
        # the whole cosine less the name's terms (each row is L2-normalised)
        dot = self(a, b) - sum(v * wb[c] for c, v in wa.items() if c in wb)
        na = 1.0 - sum(v * v for v in wa.values())
        nb = 1.0 - sum(v * v for v in wb.values())
        return 0.0 if na <= 1e-12 or nb <= 1e-12 else max(0.0, dot) / float(np.sqrt(na * nb))

    def _cosine(self, ia: int, ib: int) -> float:
        self._ensure((ia, ib))
        # rows L2-normalised, columns sorted: the cosine is the dot product
        (ca, da), (cb, db) = self._vec[ia], self._vec[ib]
        ca, da = ca.tolist(), da.tolist()
        db = dict(zip(cb.tolist(), db.tolist(), strict=True))
        total = 0.0
        for c, v in zip(ca, da, strict=True):
            w = db.get(c)
            if w is not None:
                total += v * w
        return total


def _product(A, B) -> np.ndarray:
    """``(A @ B.T).toarray()`` of two CSR matrices whose rows have sorted columns, the
    same values to the last bit, over the columns ``B`` uses only: the product of the
    whole matrices turns ``B.T`` into CSR over all 2^20 hashed columns (two arrays of
    that length each time), where ``B``'s few thousand columns are enough. A row of
    ``A`` keeps its entries in those columns in the same order, so each cosine sums the
    same products in the same order (a column ``B`` lacks adds no product).

    Example:
        >>> from scipy.sparse import csr_matrix
        >>> A = csr_matrix(np.array([[0.6, 0.0, 0.8, 0.0], [0.0, 1.0, 0.0, 0.0]]))
        >>> B = csr_matrix(np.array([[0.0, 0.0, 0.6, 0.8], [1.0, 0.0, 0.0, 0.0]]))
        >>> _product(A, B).tolist() == (A @ B.T).toarray().tolist()
        True
    """
    from scipy.sparse import csr_matrix

    used = np.unique(B.indices)  # sorted: a column keeps its place among them
    if len(used) == 0 or A.nnz == 0:
        return np.zeros((A.shape[0], B.shape[0]))
    at = np.searchsorted(used, A.indices)
    keep = used[np.minimum(at, len(used) - 1)] == A.indices
    kept = np.zeros(len(keep) + 1, dtype=np.int64)  # how many entries kept before each
    np.cumsum(keep, out=kept[1:])
    indptr = kept[A.indptr]
    a = csr_matrix((A.data[keep], at[keep], indptr), shape=(A.shape[0], len(used)))
    b_cols = np.searchsorted(used, B.indices)
    b = csr_matrix((B.data, b_cols, B.indptr), shape=(B.shape[0], len(used)))
    return (a @ b.T).toarray()


def _entries(cols: np.ndarray, vals: np.ndarray, words: frozenset[int]) -> dict[int, float]:
    """The values of a vector (its sorted columns and their values) in the columns ``words``
    it has."""
    n = len(cols)
    if not words or not n:
        return {}
    ws = list(words)  # in the set's order, as a loop over it: the sums over them keep it
    at = np.minimum(np.searchsorted(cols, ws), n - 1)  # all of them in one call
    found = (cols[at] == ws).tolist()
    values = vals[at].tolist()
    return {w: v for w, v, hit in zip(ws, values, found, strict=True) if hit}


def credited(m: Mention, paper: Paper) -> bool:
    """Does the paper really present what the linker read as an introduction?

    Not when it only surveys the name, reports that the name "has been proposed" or "has
    emerged", proposes "a variant of" it, or defines a task or field acronym for the reader
    with no word of its own ("Semi-Supervised Learning (SSL) … aims to").

    Example:
        >>> p = Paper("s", "A Survey of Mamba", "Recently, a novel architecture named Mamba "
        ...           "has emerged as a promising alternative.")
        >>> m = Mention("s", "Mamba", "system", "Mamba", "introduces", "Mamba", "abstract", 44,
        ...             49, p.abstract, 0.85, "intro")
        >>> credited(m, p)
        False
    """
    if m.relation != "introduces":
        return True
    s = m.sentence
    if m.field == "abstract":
        tail = s[s.find(m.surface) + len(m.surface) :] if m.surface in s else s
        if _NOT_INTRO.search(tail[:160]) and not re.search(r"\b(?:we|our)\b", s, re.I):
            return False
        head = s[: s.find(m.surface)] if m.surface in s else ""
        if re.search(r"\bvariant\s+of\s*$|\bextension\s+of\s*$", head, re.I):
            return False
    if _SURVEY.search(paper.title):
        return False  # a survey or review presents others' work
    if m.how == "definition" and _category_or_used(m):
        return False
    if m.how == "definition" and not _LEAD.search(s):
        at_title = paper.title.split(":")[0].strip()
        if _key(at_title) not in {_key(m.surface), _key(m.entity), *map(_key, m.aliases)}:
            return False  # a field's acronym spelled out for the reader
    return True


_CATEGORY_AFTER = re.compile(
    r"\)\s*(?:\w+[\s-]+){0,2}?(?:approach|method|framework|model|algorithm|system|scheme|"
    r"technique|paradigm|setting|task|problem)s?,?\s+(?:called|named|dubbed|termed|coined)\b",
    re.IGNORECASE,
)
_USED_BEFORE = re.compile(
    r"\b(?:apply|applies|applying|use|uses|using|adopt|adopts|adopting|employ|employs|"
    r"employing|leverage|leverages|leveraging|utili[sz]e|utili[sz]es|utili[sz]ing|"
    r"incorporate|incorporates|incorporating|via|through)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


class Worked:
    """What identity works out from one mention or one text alone, kept where it was
    worked out before it was asked for: whether a paper credits an introduction
    (:func:`credited`), and a text's abbreviation definitions
    (:func:`~graphtool.text.abbreviation_definitions`). Pure functions of what they are
    keyed by, so a value worked out ahead is the one :func:`resolve` would work out. A
    store's ``add`` works them out for the stored papers while it waits for its forked
    linking half (:meth:`ahead`); a build asks for each once, as before.

    Example:
        >>> p = Paper("s", "A Survey of Mamba", "Mamba (MB) has emerged as an alternative.")
        >>> m = Mention("s", "Mamba", "system", "Mamba", "introduces", "Mamba", "abstract", 0,
        ...             5, p.abstract, 0.85, "intro")
        >>> w = Worked()
        >>> sum(1 for _ in w.ahead([p], [m], ["s"])), w.credited(m, p), w.definitions(p.abstract)
        (1, False, [('MB', 'Mamba', 0, 7)])
    """

    def __init__(self) -> None:
        # by the mention object's id (it is kept, so the id is not reused): the mention
        # itself, the title it was worked out with, and the answer
        self._credited: dict[int, tuple[Mention, str, bool]] = {}
        self._defs: dict[str, list] = {}

    def credited(self, m: Mention, paper: Paper) -> bool:
        """:func:`credited` (it reads the mention and the paper's title)."""
        if self._credited:
            got = self._credited.get(id(m))
            if got is not None and got[0] is m and got[1] == paper.title:
                return got[2]
        return credited(m, paper)

    def definitions(self, text: str) -> list[tuple[str, str, int, int]]:
        """:func:`~graphtool.text.abbreviation_definitions` of ``text``."""
        if self._defs:
            got = self._defs.get(text)
            if got is not None:
                return got
        return abbreviation_definitions(text)

    def ahead(
        self,
        papers: Iterable[Paper],
        mentions: Iterable[Mention],
        weighed: Iterable[str] | None = None,
        every: int = 2000,
    ) -> Iterator[None]:
        """Work out, and keep, whether each introduction of ``mentions`` is credited,
        then the definitions of the titles and abstracts of the papers whose mentions
        identity weighs (``weighed``: their ids, a store's decisions'; by default the
        papers that mention a name), yielding after each ``every`` of them: the caller
        stops when it has something else to do."""
        by_id = {p.id: p for p in papers}
        users: dict[str, None] = {}
        k = 0
        for m in mentions:
            p = by_id.get(m.paper)
            if p is None:
                continue
            if m.relation == "introduces":
                self._credited[id(m)] = (m, p.title, credited(m, p))
                k += 1
                if k % every == 0:
                    yield
            elif weighed is None:
                users[m.paper] = None
        for pid in users if weighed is None else dict.fromkeys(weighed):
            if pid not in by_id:
                continue
            for text in (by_id[pid].title, by_id[pid].abstract):
                if "(" in text and text not in self._defs:
                    self._defs[text] = abbreviation_definitions(text)
                    k += 1
                    if k % every == 0:
                        yield
        yield


def _titled(m: Mention, paper: Paper | None) -> bool:
    """Does the paper's title define the introduced name ("Federated Active Learning
    (F-AL): …"), or is the long form the abstract defines for it ("which we call proximal
    policy optimization (PPO)") the title's subject? Not a title's descriptive prefix
    ("Differential Privacy: Gradient Leakage Attacks …")."""
    if paper is None:
        return False
    if m.field == "title":  # and the abstract presents it: "the proposed F-AL", "our F-AL"
        names = [a for a in (m.entity, *m.aliases) if f"({a})" in paper.title]
        return bool(names) and any(
            re.search(rf"\b(?:proposed|our|we\s+(?:propose|present|introduce))\s+(?:[\w-]+\s+)?"
                      rf"{re.escape(n)}\b", paper.abstract, re.IGNORECASE)
            for n in (m.entity, *m.aliases)
        )  # fmt: skip
    if m.how != "definition":
        return False
    from .linker.titles import _in_title_as_name

    return any(" " in a and _in_title_as_name(a, paper.title) for a in m.aliases)


def _category_or_used(m: Mention) -> bool:
    """A definition that names a category ("an Open-set Semi-Supervised Learning (OSSL)
    approach called OpenMatch") or a technique the paper applies ("we propose to apply
    active learning (AL)"), not what the paper presents."""
    s = m.sentence
    at = s.find(f"({m.surface}")
    if at < 0:
        return False
    if _CATEGORY_AFTER.match(s, at + 1 + len(m.surface)):
        return True
    long_form = next((a for a in m.aliases if " " in a), None)
    if long_form:
        lf = s.rfind(long_form, 0, at + 1)
        if lf > 0 and _USED_BEFORE.search(s[max(0, lf - 40) : lf]):
            return True
    return False


def _concepts(
    papers: list[Paper], names: set[str], counted: dict[str, tuple[int, int]] | None = None
) -> set[str]:
    """Multi-word names that the corpus writes in lower case, as general terms: more than
    a third of the papers that use the phrase write it so (see :func:`_written_as_term`).
    ``counted``: :func:`concept_counts` of these papers worked out before, for some of
    the names' keys (the others are counted here)."""
    if not names:
        return set()
    counted = counted or {}
    counts = {**concept_counts(papers, {n.lower() for n in names} - counted.keys()), **counted}
    return {n for n in names if (c := counts.get(n.lower(), (0, 0)))[0] >= 2 and c[0] * 3 > c[1]}


def concept_counts(papers: Iterable[Paper], keys: Iterable[str]) -> dict[str, tuple[int, int]]:
    """For each lower-case phrase of ``keys``, in how many papers it is written as a
    general term (:func:`_written_as_term`) and in how many it is used at all, as a
    whole phrase, in any case (the counts :func:`_concepts` weighs; a phrase no paper
    uses is left out).

    Example:
        >>> ps = [Paper("a", "T", "We use Bayesian optimization."),
        ...       Paper("b", "T", "Bayesian Optimization (BO) helps.")]
        >>> concept_counts(ps, ["bayesian optimization", "gaussian process"])
        {'bayesian optimization': (1, 2)}
    """
    keys = set(keys)
    if not keys:
        return {}
    import ahocorasick

    auto = ahocorasick.Automaton()
    for key in keys:  # one key for "Bayesian Optimization" and "Bayesian optimization"
        auto.add_word(key, key)
    auto.make_automaton()
    lower: dict[str, set[str]] = defaultdict(set)
    used: dict[str, set[str]] = defaultdict(set)
    for p in papers:
        text = f"{p.title}\n{p.abstract}"
        low = text.lower()
        for end, key in auto.iter(low):
            start = end - len(key) + 1
            if (start and low[start - 1].isalnum()) or low[end + 1 : end + 2].isalnum():
                continue
            used[key].add(p.id)
            if _written_as_term(text[start : end + 1]):
                lower[key].add(p.id)
    return {key: (len(lower[key]), len(ps)) for key, ps in sorted(used.items())}


def _written_as_term(phrase: str) -> bool:
    """A phrase written as a general term: all in lower case, or only its first word
    capitalised ("Bayesian optimization", "Gaussian processes", "Frank-Wolfe algorithm": a
    name's adjective, or a sentence's first word)."""
    head, _, rest = phrase.partition(" ")
    return phrase.islower() or (bool(rest) and rest.islower() and not head.isupper())


def resolve(
    papers: Iterable[Paper],
    mentions: Iterable[Mention],
    known: dict[str, Known] | None = None,
    vectors: dict[str, tuple[np.ndarray, np.ndarray]] | None = None,
    memo: dict[tuple, tuple[str, int, float]] | None = None,
    stale: Iterable[str] = (),
    vectorize: Callable[[list[str]], tuple] | None = None,
    counted: Callable[[], dict[str, tuple[int, int]]] | None = None,
    worked: Worked | None = None,
    jobs: int | None = None,
) -> tuple[list[Mention], list[Link]]:
    """Give every mention the entity it means, and infer who builds on whom.

    ``known`` are the lexicon's names (see :func:`known_names`): a known name keeps its
    identity unless the corpus paper that introduces it is its source. Returns the
    mentions, with split meanings renamed, and the paper-to-paper links with their evidence.
    ``vectors``: the papers' similarity vectors worked out before, by paper id (a
    store's); the ones this call works out are added to it. ``memo``: the attributions
    decided before (a store's), each with a digest of the meanings it was weighed
    against: a mention whose paper and meanings are as they were keeps its decision
    without weighing it again, and one whose group of meanings gained meanings since (the
    first ones as they were), or has a paper whose text changed, is weighed against those
    meanings only, with the best two scores kept (the same decision as weighing them all;
    see :func:`_reweigh`); on return it holds this call's decisions. ``stale``:
    the ids of papers whose text changed since (their decisions are weighed again).
    ``vectorize``: what works out the vectors not given (:func:`vector_arrays`, or the
    same elsewhere: a store's add asks a process that has scikit-learn imported).
    ``counted``: gives :func:`concept_counts` of these papers for some keys, worked out
    elsewhere meanwhile (a store's add: by the process that linked the new papers).
    ``worked``: what was worked out ahead from single mentions and texts (:class:`Worked`).
    ``jobs``: the processes that attribute the mentions, each the mentions of its own
    names (default: every core; 1, or a corpus too small to gain by it: in this process;
    see :class:`_Attribution`). The same result whatever their number.

    Example:
        >>> a = Paper("a", "Prism: GPU Sharing for Cost-Efficient Serving",
        ...           "We present Prism, a GPU-sharing system for LLM serving.", year=2025)
        >>> b = Paper("b", "Fast FPGA Detection of Radio Bursts",
        ...           "Our pipeline uses a prism of filters on FPGA boards.", year=2025)
        >>> c = Paper("c", "Serving with Shared GPUs",
        ...           "Unlike Prism, our GPU-sharing scheduler for LLM serving adapts memory.",
        ...           year=2025)
        >>> from graphtool.linker import link
        >>> ms, links = resolve([a, b, c], link([a, b, c]))
        >>> [(x.a, x.b, x.via) for x in links]
        [('c', 'a', 'Prism')]
    """
    papers = list(papers)
    mentions = list(mentions)
    by_id = {p.id: p for p in papers}
    known = known or {}
    stale = set(stale)
    worked = worked if worked is not None else Worked()
    known_folded = {k.casefold() for k in known}  # "Nvidia" is NVIDIA (see _prefixed)

    # 1. Introductions the papers really make; the rest become mentions. A paper that the
    #    lexicon names as a name's source introduces it ("SAM" in the Segment Anything paper).
    source_of = {k.arxiv: name for name, k in known.items() if k.arxiv and k.kind != "method"}
    fixed: list[Mention] = []
    refused: set[str] = set()  # abbreviations defined for the reader: a field, no artefact
    kept: set[str] = set()
    for m in mentions:
        p = by_id.get(m.paper)
        if m.relation == "introduces" and p is not None and not worked.credited(m, p):
            if m.how == "definition":
                refused.add(m.entity)
            m = replace(m, relation="mentions", how="lexicon", confidence=min(m.confidence, 0.8))
        elif (
            m.relation == "mentions"
            and p is not None
            and p.arxiv
            and source_of.get(p.arxiv) == m.entity
        ):
            m = replace(m, relation="introduces", how="source")
        elif m.relation == "mentions" and p is not None and _long_form_title(m, p, known):
            m = replace(m, relation="introduces", how="title")
        if m.relation == "introduces":
            kept.add(m.entity)
        fixed.append(m)
    # "Semi-Supervised Learning (SSL) … aims to": a field's name, which the linker's second
    # pass found in other papers only because the first read it as an introduction; no
    # paper presents it and the lexicon does not know it: no named entity at all.
    fields = {e for e in refused - kept if e not in known}
    mentions = [m for m in fixed if m.entity not in fields] if fields else fixed

    # 2. The meanings: one per introducing paper, merged when they share a long form, or
    #    the exact name and most of their words (a journal version: FairRec, FairRec).
    sim = _Similarity(papers, vectors, vectorize)
    intros = [m for m in mentions if m.relation == "introduces" and m.kind != "method"]
    presenting: dict[str, set[str]] = defaultdict(set)
    for m in intros:
        presenting[m.entity.casefold()].add(m.paper)
    # the papers that present a name another paper presents too are compared pairwise
    # (another version of one artefact?): their vectors in one batch
    sim.prepare(b for ps in presenting.values() if len(ps) > 1 for b in sorted(ps))
    long_names = {a for m in intros for a in (m.entity, *m.aliases) if " " in a and not a.islower()}
    concepts = _concepts(papers, long_names, counted() if counted is not None else None)
    demoted: set[tuple[str, str]] = set()  # a general term, not an artefact: no introduction
    general: set[str] = set()  # the names of those general terms
    meanings: dict[str, list[_Meaning]] = defaultdict(list)  # casefold name -> meanings
    # per slot, the first meaning with a paper, a long form: ("paper", id) or key -> index
    first_of: dict[int, dict] = defaultdict(dict)
    for m in sorted(intros, key=lambda m: (m.entity, m.paper)):
        named = m.entity in known and known[m.entity].kind != "method"
        if not named and (
            m.entity in concepts or (m.aliases and all(a in concepts for a in m.aliases))
        ):  # a name the lexicon holds is a name, however the corpus writes its long form (PPO)
            general.add(m.entity.casefold())
            if not _titled(m, by_id.get(m.paper)):
                demoted.add((m.paper, m.entity))
            # The paper whose title presents the name ("Proximal Policy Optimization
            # Algorithms") introduces it; the corpus's general use of the term names no
            # artefact: no meaning that mentions of it could be attributed to.
            continue
        long_form = next((a for a in m.aliases if " " in a and a != m.entity), None)
        forms = {m.entity, m.surface, *(a for a in m.aliases if not a.islower())}
        slot = meanings[m.entity.casefold()]
        if len(slot) <= _FEW_MEANINGS:
            same = next(
                (
                    x
                    for x in slot
                    if (x.long_form and long_form and _key(x.long_form) == _key(long_form))
                    or m.paper in x.papers
                    or (x.name == m.entity and _other_version(m.paper, x.papers, by_id, sim))
                ),
                None,
            )
        else:  # a name many papers present is no one artefact: the same long form or paper
            # (the first meaning with either, looked up, not searched for)
            firsts = first_of[id(slot)]
            lf = firsts.get(_key(long_form)) if long_form else None
            found = [i for i in (firsts.get(("paper", m.paper)), lf) if i is not None]
            same = slot[min(found)] if found else None
        if same is not None:
            if m.paper not in same.papers:
                same.papers.append(m.paper)
                at = next(i for i, x in enumerate(slot) if x is same)
                first_of[id(slot)].setdefault(("paper", m.paper), at)
            same.surfaces |= forms
            continue
        firsts = first_of[id(slot)]
        firsts.setdefault(("paper", m.paper), len(slot))
        if long_form:
            firsts.setdefault(_key(long_form), len(slot))
        slot.append(_Meaning(m.entity, m.kind, m.family, [m.paper], forms, long_form))

    if demoted:
        demoting = {a for a, _ in demoted}  # their papers: most mentions are of none
        mentions = [
            _demote(m) if m.paper in demoting and (m.paper, m.entity) in demoted else m
            for m in mentions
        ]

    # 3. A meaning that is not the lexicon's entity of that name has its paper's kind; one
    #    that is, by its source paper, a machine's title or the corpus's own history, is
    #    attributed without asking for more context.
    users: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.relation != "introduces":
            users[m.entity.casefold()].add(m.paper)
    for slot in meanings.values():
        for x in slot:
            k = known.get(x.name)
            x.known = k is not None
            if k is not None and not _same_as_known(x, k, by_id):
                from .linker.titles import _guess_kind

                b = by_id[x.papers[0]]
                x.kind = _guess_kind(b.title, b.abstract, x.name)
                x.foreign = True
                x.elsewhere = bool(k.arxiv or k.title)
            elif k is not None and k.kind != "method":
                x.confirmed = (
                    bool(k.arxiv)
                    or k.kind == "hardware"
                    or _first_of_many(x, users.get(x.name.casefold(), set()), by_id)
                    or _presents_as(x, k, by_id)
                    or (  # "Denoising Diffusion Probabilistic Models" for DDPM
                        len(x.papers) == 1
                        and any(_opens_title(by_id[x.papers[0]].title, f) for f in k.long_forms)
                    )
                )
                x.homonym = not x.confirmed

    members_of: dict[str, list[_Meaning]] = defaultdict(list)  # family -> its members
    for slot in meanings.values():
        for x in slot:
            if x.family != x.name:
                members_of[x.family].append(x)

    # 4. Every mention of an introduced name: whose artefact is it?
    own_spans: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    own_folded: dict[str, set[str]] = defaultdict(set)  # the names each paper presents
    own_names: dict[str, list[str]] = defaultdict(list)  # for the links (6.)
    own_families: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.relation == "introduces":
            own_spans[m.paper].append((m.field, m.start, m.end))
            own_folded[m.paper].update(n.casefold() for n in (m.entity, m.surface))
            own_names[m.paper] += [m.entity, m.surface, *m.aliases]
            own_families[m.paper].add(m.family)
    att = _Attribution(
        meanings, members_of, general, by_id, known, known_folded, own_spans, own_folded,
        worked, memo, stale, sim, users,
    )  # fmt: skip
    decided: list[tuple[_Meaning, float, bool] | None] = [None] * len(mentions)
    chosen: list[int] = []  # the places of the mentions attributed (decided not None)
    unattributed: set[str] = set()  # names some mention uses in another sense
    acronyms: dict[int, str | None] = {}  # unattributed acronym mentions: their own long form
    spelled_out: dict[int, str] = {}  # "Differential Privacy" of a general term: its sense
    now: dict[tuple, tuple[str, int, float]] = {}  # the decisions made, for memo
    for i, d, u, acr, so, nw in att.run(mentions, jobs):  # in the mentions' order
        if d is not None:
            m = mentions[i]
            place, score, via = d
            group = members_of[m.family] if via else meanings[m.entity.casefold()]
            decided[i] = (group[place], score, via)
            chosen.append(i)
        if u is not None:
            unattributed.add(u)
        if acr is not False:  # (a long form, or None)
            acronyms[i] = acr
        if so is not None:
            spelled_out[i] = so
        if nw is not None:
            now[nw[0]] = nw[1]
    own_defs = att.own_defs  # A's own definitions and names, as far as worked out
    del att

    if memo is not None:
        memo.clear()
        memo.update(now)

    # 5. Display names: the plain name only where the corpus uses it in one sense.
    for key, slot in meanings.items():
        plural = (
            len(slot) > 1
            or (key in unattributed and not slot[0].confirmed)
            or any(not _same_as_known(x, known.get(x.name), by_id) for x in slot)
        )
        for x in slot:
            x.display = _disambiguated(x, by_id) if plural else x.name
            if plural and x.family == x.name:
                x.family = x.display  # its own family, not the plain string's

    sim.focus(None, ())
    # 6. The mentions, renamed to their meaning, and who builds on whom.
    senses = _acronym_senses(papers, mentions, acronyms, sim, known, worked.definitions)
    for i, name in spelled_out.items():
        senses[i] = replace(mentions[i], entity=name, family=name, aliases=(mentions[i].surface,))
    out: list[Mention] = []
    links: dict[tuple[str, str], Link] = {}
    named: set[tuple[str, str]] = set()  # (A, B): A names what B presents, an edge or not
    ages = _Ages(by_id)  # each paper's place in time, for _not_newer
    prior = _prior_users(mentions, decided, senses, by_id, chosen, ages)
    first_use: dict | None = None  # _first_use, worked out for the first abstract basis
    presenter: dict[tuple[str, str], _Meaning] = {}  # (name, paper): its first meaning with it
    bases: dict[tuple[int, str, bool], str | None] = {}  # see _basis_kept
    for key, slot in meanings.items():
        for x in slot:
            for b in x.papers:
                presenter.setdefault((key, b), x)
    for i, (m, d) in enumerate(zip(mentions, decided, strict=True)):
        if i in senses:
            out.append(senses[i])
            continue
        if m.relation == "introduces":
            x = presenter.get((m.entity.casefold(), m.paper))
            if x is not None and x.display != m.entity:
                m = replace(m, entity=x.display, kind=x.kind, family=x.family)
            out.append(m)
            continue
        if d is None:
            out.append(m)
            continue
        x, score, via_family = d
        if not via_family and x.display != m.entity:
            m = replace(m, entity=x.display, kind=x.kind, family=x.family)
        out.append(m)
        a = by_id[m.paper]
        if via_family and x.family in own_families.get(a.id, ()):
            continue  # A presents a member of the family too: siblings, neither builds on other
        member = None  # worked out for the first candidate with a basis (most have none)
        age = ages[a.id]
        for b in x.papers:
            if b == a.id or not _not_newer_age(age, ages[b]) or (x.display, b) in prior:
                continue
            if via_family and (a.when is None or by_id[b].when is None):
                continue  # a family link is weak: only where the dates say who came first
            named.add((a.id, b))
            # a score of 1 or more: A spells out the meaning's long form (see _weigh)
            basis = bases.get((id(x), b, score >= 1.0), _ASK)
            if basis is _ASK:
                basis = _basis_kept(bases, x, by_id[b], partial(sim, a.id, b), score >= 1.0)
            if basis is None:
                continue  # B's word alone that it introduced the name: a mention, no inference
            if basis == "abstract":
                if first_use is None:
                    first_use = _first_use(mentions, by_id)
                if _long_before(first_use.get(x.name.casefold()), by_id[b]):
                    continue  # others wrote the name a year before B presented it: not its coinage
            if member is None:
                # A's own artefact named after B's ("Dual-path Mamba", "Softmax-DPO"): a
                # family member
                member = via_family or _member(
                    m, a, x, _own_defs(a, own_defs, own_spans, worked), own_names
                )
            conf = round(m.confidence * (0.5 if member else 1.0), 3)
            link = Link(
                a.id, b, m.entity, x.display, m.surface, m.sentence, conf, member, score, basis
            )
            old = links.get((a.id, b))
            if old is None or (old.via_family, -old.confidence) > (link.via_family, -conf):
                links[(a.id, b)] = link
    # A later paper that presents the same artefact again (a journal version, a second
    # release) builds on the first, when their words agree.
    presented = {(m.paper, m.entity): m for m in out if m.relation == "introduces"}
    for slot in meanings.values():
        for x in slot:
            if len(x.papers) < 2:
                continue
            dated = sorted(
                (by_id[b].when, b) for b in x.papers if by_id[b].when is not None
            )  # by arXiv id where every one has one: the order they were submitted in
            if len(dated) > 1 and all(_arxiv_order(by_id[b]) for _, b in dated):
                dated.sort(key=lambda t: _arxiv_order(by_id[t[1]]))
            for when, a in dated[1:]:
                first = dated[0][1]
                m = presented.get((a, x.display))
                if m is None or when == dated[0][0] or not _other_version(a, [first], by_id, sim):
                    continue
                if (a, first) not in links:
                    links[(a, first)] = Link(
                        a, first, x.display, x.display, m.surface, m.sentence,
                        round(m.confidence, 3), False, round(min(sim(a, first), 1.0), 3),
                        "again",
                    )  # fmt: skip
    named |= set(links)
    for a, b in list(links):
        if (b, a) in named:  # each names the other (edge or not): which came first is unknown
            del links[(a, b)]
    return out, [links[k] for k in sorted(links)]


# a title's head: before ":", a spaced dash or an em dash (not before "for": "Automatic
# Differentiation for …", "Invariant Extended Kalman Filter for …" name general methods)
_TITLE_HEAD = re.compile(r"(.+?)(?::|\s+(?:--|[-–—])\s+|\s*—\s*)")
_BRACKET_TAIL = re.compile(r"\s*\([^()]*\)$")  # "FooServe (FS): …"
_RE_CAMEL = re.compile(r"[a-z][A-Z]")
_VERSION_TAIL = re.compile(r"[-_ ]?v?\d+(?:\.\d+)*$")
_NAME_END = r"(?![\w-])"  # a name ends where no word character or hyphen follows ("FooServe-2")


def _title_presents(x: _Meaning, p: Paper, opens: bool = False) -> bool:
    """Is ``p``'s title headed by the name or its long form ("MixMatch: A Holistic …",
    "Localist LLMs -- A …", "Fanar 2.0: …" for Fanar, "FooServe (FS): …", or a title that
    is the name)? With ``opens``, a title that opens with the long form will do ("Proximal
    Policy Optimization Algorithms" for PPO).

    Example:
        >>> x = _Meaning("FooServe", "system", "FooServe", ["p"], {"FooServe"}, None)
        >>> _title_presents(x, Paper("p", "FooServe 2.0 -- Serving Faster", ""))
        True
    """
    m = _TITLE_HEAD.match(p.title)
    head = _BRACKET_TAIL.sub("", (m.group(1) if m else p.title).strip())
    forms = [x.name, *([x.long_form] if x.long_form else [])]
    keys = {_key(f) for f in forms}
    if _key(head) in keys or _key(_VERSION_TAIL.sub("", head)) in keys:
        return True
    long = x.long_form if x.long_form and " " in x.long_form else None
    return bool(opens and long and re.match(re.escape(long) + _NAME_END, p.title, re.I))


# "we propose FooServe", "We present a serving framework called FooServe": a first-person
# presenting verb with the name as its object (no preposition between: not "we build on
# FooServe", "we describe how FooServe fails", "we develop probes for FooServe")
_GAP_WORD = (
    r"(?!(?:on|upon|for|to|with|from|of|in|into|over|against|how|that|why|whether|as)\s)\S+\s+"
)
_RE_WE_PRESENT = (
    r"\b(?:[Ww]e|[Tt]his\s+(?:paper|work|report|study))\s+(?:\w+\s+){0,2}?"
    r"(?:present|propos|introduc|develop|design|buil|releas|open-sourc|describ)\w*"
    rf"\s+(?:(?:{_GAP_WORD}){{0,3}}?|(?:{_GAP_WORD}){{0,6}}?(?:called|named|dubbed|termed)\s+)"
)


def _we_present(x: _Meaning, abstract: str) -> bool:
    """Does the abstract say it presents ``x`` itself: a first-person presenting verb with
    the name as its object ("we propose vLLM", "We present Gemma, a family …", "we
    present a serving system called FooServe"), not "a transformer called MusicGen" in a
    sentence about something else, nor "CodeBERT, a pre-trained language model, was
    fine-tuned", nor "we develop probes for MusicGen"?

    Example:
        >>> x = _Meaning("vLLM", "system", "vLLM", ["b"], {"vLLM"}, None)
        >>> _we_present(x, "We propose vLLM, a serving system.")
        True
        >>> _we_present(x, "We build on vLLM.")
        False
    """
    forms = sorted({x.name, *x.surfaces}, key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms if f)
    return bool(alt) and re.search(_RE_WE_PRESENT + f"(?:{alt}){_NAME_END}", abstract) is not None


def _others(name: str, abstract: str) -> bool:
    """Does ``abstract`` name ``name`` as someone else's: "systems like OpenAI's Whisper",
    "such as Whisper", "Google's BERT"?

    Example:
        >>> _others("Whisper", "even for state-of-the-art systems like OpenAI's Whisper.")
        True
        >>> _others("Whisper", "We present Whisper, a speech recognition model.")
        False
    """
    if name not in abstract:
        return False
    lead = r"(?:\b(?:like|such\s+as|including|e\.g\.,?)\s+(?:[A-Z][\w-]*'s\s+)?|\b[A-Z][\w-]*'s\s+)"
    return re.search(lead + re.escape(name) + _NAME_END, abstract) is not None


def _distinctive(name: str) -> bool:
    """Is ``name`` a name by its letters alone, not a word or a phrase of words: coined
    ("MixMatch"), an acronym that is no word ("LVIS"), written with a capital inside
    ("HoVer") or a digit ("FLUX.1 Kontext"); a phrase needs a word that is hardly English
    (Zipf frequency under 1.5: not "Generative AI", "Data Parallelism" or "Contrastive
    Adapter Tuning").

    Example:
        >>> [_distinctive(n) for n in ("MixMatch", "HoVer", "Sudoku", "Data Parallelism")]
        [True, True, False, False]
    """
    from wordfreq import zipf_frequency

    if _RE_CAMEL.search(name) or re.search(r"\d", name):
        return True
    if " " not in name.strip():
        return _name_class(name) in ("coined", "acronym")
    words = [w for w in re.split(r"[\s-]+", name) if w and not re.fullmatch(r"[A-Z]{1,5}s?", w)]
    return any(zipf_frequency(w.lower(), "en") < 1.5 for w in words)


def _basis(x: _Meaning, b: Paper, agree: Callable[[], float], spelled: bool = False) -> str | None:
    """What backs "paper ``b`` introduced ``x``" well enough to infer that a paper naming
    ``x`` builds on ``b`` (see :class:`Link`), or None: then the mention stays a mention.

    Many abstracts "introduce" what they only use ("using answer set programming (ASP)",
    "a 7B-parameter model"), so one abstract's word is not enough: the lexicon must know
    the paper as the name's source, or ``b``'s title must be headed by the name. A name the
    lexicon does not know must then be :func:`_distinctive`; a common word, a phrase of
    words or a short acronym ("Sudoku: Decomposing DRAM …" is no source of every Sudoku;
    "CAT: Contrastive Adapter Tuning") needs the two papers to agree strongly as well
    (``agree()``, the TF-IDF cosine of their texts, worked out only then; a long form both
    write is no such agreement: "automatic differentiation (AD)", unless ``b``'s title spells
    it as a whole phrase and the mention's paper spells it out, ``spelled``: "… Using
    Differentiable Search Index" and "Transformer Memory as a Differentiable Search Index").
    A name the lexicon knows without its source may be presented in the abstract when it is
    coined and the paper says it presents it (:func:`_we_present`: "we propose vLLM"; not "a
    music transformer called MusicGen").

    Example:
        >>> x = _Meaning("MixMatch", "method", "MixMatch", ["b"], {"MixMatch"}, None)
        >>> _basis(x, Paper("b", "MixMatch: A Holistic Approach", "We present MixMatch."), float)
        'title'
        >>> _basis(x, Paper("b", "Semi-Supervised Learning", "We present MixMatch."), float)
    """
    if x.confirmed:
        return "lexicon"
    if x.known:  # the lexicon knows a thing of this name, not that b is its source
        if _title_presents(x, b, opens=True):
            # not where b's abstract calls it another's: "systems like OpenAI's Whisper"
            return None if _others(x.name, b.abstract) else "title"
        coined = _name_class(x.name) == "coined"
        return "abstract" if coined and _we_present(x, b.abstract) else None
    spells = None  # whether b's title spells the name, worked out once where asked
    if not _title_presents(x, b):
        spells = _title_spells(x, b.title)
        if not spells:
            return None
    if _distinctive(x.name):
        return "title"
    if spelled and (spells if spells is not None else _title_spells(x, b.title)):
        return "title"
    return "title" if agree() >= _cues()["need"]["title_word"] else None


_ASK = object()  # not in a cache of _basis_kept's


def _basis_kept(
    cache: dict[tuple[int, str, bool], str | None],
    x: _Meaning,
    b: Paper,
    agree: Callable[[], float],
    spelled: bool,
) -> str | None:
    """:func:`_basis`, kept in ``cache`` by (meaning, ``b``'s id, ``spelled``) where it did
    not ask ``agree()`` (the one thing of the mentioning paper it reads): the many papers
    that name one meaning then ask it once. Where it asked, it is asked again each time.

    Example:
        >>> x = _Meaning("MixMatch", "method", "MixMatch", ["b"], {"MixMatch"}, None)
        >>> b, cache = Paper("b", "MixMatch: A Holistic Approach", ""), {}
        >>> _basis_kept(cache, x, b, float, False), cache == {(id(x), "b", False): "title"}
        ('title', True)
    """
    asked = False

    def agreed() -> float:
        nonlocal asked
        asked = True
        return agree()

    basis = _basis(x, b, agreed, spelled=spelled)
    if not asked:
        cache[(id(x), b.id, spelled)] = basis
    return basis


def _member(
    m: Mention,
    a: Paper,
    x: _Meaning,
    own: tuple[dict[str, str], list, list],
    own_names: dict[str, list[str]],
) -> bool:
    """Is ``a``'s mention ``m`` of meaning ``x`` a family member's, not ``x`` itself: inside
    one of ``a``'s own names or a long form it defines (``own``: :func:`_own_defs`), of a
    family, or ``a``'s own artefact is named after ``x`` (:func:`_named_after`)?"""
    text = f"{a.title} {a.abstract}".casefold() if _ACRONYM_NAME.fullmatch(x.name) else ""
    # the name the title presents ("Vision Mamba: Efficient Visual …")
    head = a.title.split(":", 1)[0].strip() if ":" in a.title else ""
    heads = [head] if head and _compound_name(head) else []
    return (
        _inside_own(m, own[1])
        or _headed_by(m, own[2])
        or _family_mention(m)
        or _named_after(own_names.get(a.id, ()), x.name, x.long_form, heads, text)
    )


def _long_form_title(m: Mention, p: Paper, known: dict[str, Known]) -> bool:
    """Is ``m`` the long form of a name the lexicon knows, with no source paper, that
    ``p``'s title is, or opens with as its head (:func:`_opens_title`: "Denoising Diffusion
    Probabilistic Models" presents DDPM; "Direct Preference Optimization with Unobserved
    Preference Heterogeneity" presents a variant)?

    Example:
        >>> k = {"DDPM": Known("model", long_forms=("Denoising Diffusion Probabilistic Models",))}
        >>> p = Paper("p", "Denoising Diffusion Probabilistic Models", "")
        >>> m = Mention("p", "DDPM", "model", "DDPM", "mentions",
        ...             "Denoising Diffusion Probabilistic Models", "title", 0, 40, "", 0.9,
        ...             "lexicon")
        >>> _long_form_title(m, p, k)
        True
    """
    k = known.get(m.entity)
    if k is None or k.kind == "method" or k.arxiv or k.title or m.field != "title":
        return False
    if m.start != 0 or " " not in m.surface or m.surface != p.title[m.start : m.end]:
        return False
    return m.surface.casefold() in {lf.casefold() for lf in k.long_forms} and _opens_title(
        p.title, m.surface
    )


def _opens_title(title: str, long_form: str) -> bool:
    """Is ``title`` the long form, or does it open with it as its head, before a colon or
    a dash ("Denoising Diffusion Probabilistic Models", "… Optimization: Your Language Model
    is …")? Not "… for Open-Domain Question Answering" (as many applications of a known
    thing are titled: "Soft Actor-Critic for Discrete Action Settings"), a survey ("…: A
    Survey") or a question.

    Example:
        >>> _opens_title("Denoising Diffusion Probabilistic Models", "Denoising Diffusion "
        ...              "Probabilistic Models")
        True
        >>> _opens_title("Vision Transformer for Small-Size Datasets", "Vision Transformer")
        False
    """
    n = len(long_form)
    if title[:n].casefold() != long_form.casefold() or _SURVEY.search(title) or "?" in title:
        return False
    return re.match(r"\s*(?:$|:|\s*(?:--|[-–—])\s)", title[n:]) is not None


def _title_spells(x: _Meaning, title: str) -> bool:
    """Does ``title`` hold the name's long form, or spell the name by the initials of a
    run of its words ("Self-Attentive Sequential Recommendation" for SASRec, "Transformer
    Memory as a Differentiable Search Index" for DSI)? Then the title presents the name
    as surely as one headed by it. The name needs three capitals at least: two letters
    are spelled by chance.

    Example:
        >>> x = _Meaning("SASRec", "model", "SASRec", ["b"], {"SASRec"}, None)
        >>> _title_spells(x, "Self-Attentive Sequential Recommendation")
        True
        >>> _title_spells(x, "Sequential Recommendation with Self-Attention")
        False
    """
    long = x.long_form if x.long_form and " " in x.long_form else None
    for m in re.finditer(r"(?<![\w-])" + re.escape(long) + _NAME_END, title, re.I) if long else ():
        if _presented_at(title, m.start(), m.end()):
            return True
    caps = "".join(c for c in x.name if c.isupper())
    if len(caps) < 3 or len(caps) * 2 < len(re.sub(r"[^A-Za-z]", "", x.name)) - 3:
        return False  # "Transformer": one capital; "BiGeaR", "SASRec": mostly capitals
    words = list(re.finditer(r"[^\s\-:,]+", title))
    for i in range(len(words) - len(caps) + 1):
        run = words[i : i + len(caps)]
        if (
            "".join(w.group()[0] for w in run).upper() == caps
            and run[0].group()[0].isalpha()
            and _presented_at(title, run[0].start(), run[-1].end())
        ):
            return True
    return False


# "… for Generalized Category Discovery", "… in Federated Learning": the task or field a
# title addresses, not what it presents
_RE_TASK_BEFORE = re.compile(r"\b(?:for|in|of|on|under|to|towards?|against)\s+$", re.IGNORECASE)


def _presented_at(title: str, start: int, end: int) -> bool:
    """Does the run of words at ``title[start:end]`` read as what the title presents: the
    whole title ("Self-Attentive Sequential Recommendation"), or words after its opening
    that no task preposition introduces ("… as a Differentiable Search Index", "… with
    Variational Score Distillation")? A title that opens with a method's or task's name
    and goes on ("Invariant Extended Kalman Filter for Autonomous Surface Vessels",
    "Generalized Category Discovery under the Long-Tailed Distribution") applies it."""
    if start == 0:
        return not title[end:].strip(" .")
    if _RE_TASK_BEFORE.search(title, 0, start):
        return False
    # the run is a whole phrase: after a colon, a dash or a word that opens one ("as a …",
    # "with …", "via …"), not the tail of a longer capitalised phrase ("Flexible Hardware-
    # Enabled Guarantees for …", "… Attention Multiple Instance Learning")
    before = re.search(r"([\w'-]+)[\s]+$|[:–—]\s*$|\s--\s*$", title[:start])
    if before is None or before.group(1) is None:
        return True
    word = before.group(1)
    return word.islower() or word.casefold() in _FUNCTION_WORDS | _TITLE_VERBS


@dataclass(frozen=True, slots=True)
class Known:
    """What the lexicon says of a name: its kind and, where known, its source paper;
    ``long_forms`` are its aliases with a space ("Denoising Diffusion Probabilistic
    Models"), and a method concept's other spellings ("data-parallel training")."""

    kind: str
    arxiv: str | None = None
    title: str | None = None
    canonical: str | None = None
    long_forms: tuple[str, ...] = ()


def known_names(lexicon) -> dict[str, Known]:
    """The lexicon's names, with kind and introducing paper; method concepts under each of
    their spellings (``canonical`` names the concept).

    Example:
        >>> from graphtool.lexicon import Lexicon
        >>> known = known_names(Lexicon.load())
        >>> known["Medusa"].kind, known["data parallelism"].kind
        ('system', 'method')
    """
    out = {}
    for e in lexicon.entries.values():
        if e.kind == "method":
            for a in (e.name, *e.aliases):
                out.setdefault(a.lower(), Known("method", canonical=e.name, long_forms=e.aliases))
            continue
        src = e.introduced_by or {}
        long_forms = tuple(a for a in e.aliases if " " in a)
        out[e.name] = Known(e.kind, src.get("arxiv"), src.get("title"), e.name, long_forms)
    return out


_HARDWARE_TITLE = re.compile(
    r"\b(?:supercomputer|exascale|system architecture|machine|cluster|chip|processor|"
    r"accelerator|node)s?\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _paper_key(title: str, abstract: str) -> str:
    return _key(f"{title} {abstract}")


def _writes(p: Paper | None, form: str) -> bool:
    """Does paper ``p`` write ``form`` (compared without case, spaces or hyphens)?"""
    return p is not None and _key(form) in _paper_key(p.title, p.abstract)


def _same_as_known(x: _Meaning, k: Known | None, by_id: dict[str, Paper]) -> bool:
    """Is what the corpus paper introduces the lexicon's entity of that name?

    Not when the lexicon knows another source paper, nor when the lexicon's entity is
    hardware and the paper presents no machine (a simulator named Frontier), nor when the
    lexicon spells the name out and the paper never does (a system named C4 is not the
    Colossal Clean Crawled Corpus)."""
    if k is None or k.kind == "method":
        return True
    papers = [by_id[b] for b in x.papers]
    if k.arxiv:  # its source paper, by arXiv id (any version) or, without one, by title
        from .merge import normalize_title
        from .readers.ids import norm_arxiv

        kid, title = norm_arxiv(k.arxiv), normalize_title(k.title or "")
        return any(
            (kid is not None and norm_arxiv(p.arxiv) == kid)
            or (title and normalize_title(p.title) == title)
            for p in papers
        )
    if k.long_forms and not any(_writes(p, lf) for p in papers for lf in k.long_forms):
        return False  # the C4 corpus is the "Colossal Clean Crawled Corpus", never written
    if k.kind == "hardware":
        return any(_HARDWARE_TITLE.search(p.title) for p in papers)
    return True


#: Fewest mentions of names with meanings for which :class:`_Attribution` forks processes
#: (below, one process is quicker than forking).
PARALLEL_MENTIONS = 20_000


class _Attribution:
    """Step 4 of :func:`resolve`: for each mention of an introduced name, the meaning the
    evidence supports, and what the mention says of its name (used in another sense, an
    acronym's own long form, a general term spelled out, the decision kept for ``memo``).

    A mention's outcome depends on its name's meanings and its own paper only (what is
    shared is caches of pure functions), so the names are shared out among ``jobs``
    processes forked here, each attributing the mentions of its own names, and the
    outcomes are taken in the mentions' order: the same result as in one process. A
    process's outcomes come back as plain values (the meaning as its place in its group);
    the similarity vectors it used come back too (a store keeps them). Where
    ``vectorize`` may be a pipe to another process (a store's add), the vectors the
    processes' names may ask for are worked out before they are forked
    (:meth:`_Similarity.prefetch`: 16 at 100,000 + 1,000 papers), so that no process but
    this one asks it. Where a process fails, its share is attributed here.

    Example:
        >>> ps = [Paper("a", "Prism: GPU Sharing", "We present Prism, a GPU-sharing system."),
        ...       Paper("c", "Serving", "Unlike Prism, our GPU-sharing scheduler adapts.")]
        >>> from graphtool.linker import link
        >>> [x.b for x in resolve(ps, link(ps), jobs=1)[1]]
        ['a']
    """

    def __init__(
        self, meanings, members_of, general, by_id, known, known_folded, own_spans,
        own_folded, worked, memo, stale, sim, users,
    ) -> None:  # fmt: skip
        self.meanings, self.members_of, self.general = meanings, members_of, general
        self.by_id, self.known, self.known_folded = by_id, known, known_folded
        self.own_spans, self.own_folded, self.worked = own_spans, own_folded, worked
        self.memo, self.stale, self.sim, self.users = memo, stale, sim, users
        self.own_defs: dict[str, tuple[dict[str, str], list, list]] = {}
        self.spelled: dict = {}  # the meanings of a slot each spelling fits
        self.digests: dict[int, tuple] = {}  # a group's evidence, as a digest (see memo)
        self.places: dict[int, dict[int, int]] = {}  # where each meaning stands in its group
        self.presenters: dict[int, set[str]] = {}  # per slot, its meanings' papers
        self.tails: dict[tuple[int, int], tuple] = {}  # a group's meanings added since

    def run(self, mentions: list[Mention], jobs: int | None) -> list[tuple]:
        """The outcomes ``(i, decided, unattributed, acronym, spelled_out, memo)`` (acronym
        False: none) of the mentions that have one, in the mentions' order."""
        parts = self._shares(mentions, jobs)
        if len(parts) == 1:
            return self.part(mentions, parts[0])
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        if self.sim._vectorize is not None:  # (a store's add: a pipe to another process,
            # which its forked processes must not ask): every vector their names may ask
            self.sim.prefetch(self._asked(mentions, [i for p in parts[1:] for i in p]))
        procs = []
        try:
            for share in parts[1:]:
                conn, theirs = ctx.Pipe(False)
                proc = ctx.Process(target=self._child, args=(mentions, share, theirs), daemon=True)
                proc.start()
                theirs.close()
                procs.append((proc, conn, share))
            out = self.part(mentions, parts[0])
            for proc, conn, share in procs:
                try:
                    got, vectors = pickle.loads(conn.recv_bytes())
                except (EOFError, OSError, pickle.UnpicklingError):  # it failed: its share here
                    got, vectors = self.part(mentions, share), ()
                finally:
                    conn.close()
                    proc.join()
                self.sim.adopt(vectors)
                out += got
        finally:
            for _, conn, _ in procs:  # (where this process failed: they end with it)
                conn.close()
        out.sort(key=lambda t: t[0])
        return out

    def _asked(self, mentions: list[Mention], share: list[int]) -> set[str]:
        """The papers whose vectors attributing the mentions at ``share`` may ask for:
        the users of their names and the papers presenting their meanings (a family's
        members')."""
        ids: set[str] = set()
        for key in {mentions[i].entity.casefold() for i in share}:
            ids |= self.users.get(key, set())
            for x in self.meanings.get(key, ()):
                ids.update(x.papers)
        for family in {mentions[i].family for i in share}:
            for x in self.members_of.get(family, ()):
                ids.update(x.papers)
        return ids

    def _shares(self, mentions: list[Mention], jobs: int | None) -> list[list[int]]:
        """The places of the mentions that may have an outcome (of a name with meanings,
        a family's, a general term's: a tenth of them in a large corpus), shared out by
        name, most mentions first, each name to the share with fewest; one share where
        forking would not pay or is unsafe."""
        from .parallel import can_fork, default_jobs

        by_name: dict[str, list[int]] = {}
        meanings, general, members_of = self.meanings, self.general, self.members_of
        for i, m in enumerate(mentions):
            if m.relation == "introduces":
                continue
            key = m.entity.casefold()
            if (
                key in meanings
                or key in general
                or (m.entity == m.family and m.family in members_of)
            ):
                by_name.setdefault(key, []).append(i)
        n = default_jobs() if jobs is None else max(1, jobs)
        total = sum(len(v) for v in by_name.values())
        if n == 1 or total < PARALLEL_MENTIONS or not can_fork():
            return [sorted(i for v in by_name.values() for i in v)]
        shares: list[list[int]] = [[] for _ in range(n)]
        for _, v in sorted(by_name.items(), key=lambda t: (-len(t[1]), t[0])):
            min(shares, key=len).extend(v)
        return [sorted(v) for v in shares if v] or [[]]

    def _child(self, mentions: list[Mention], share: list[int], conn) -> None:
        """A forked process's share: its outcomes and the vectors it worked out, sent."""
        try:
            self.sim._vectorize = None  # (worked out ahead: see run; else here)
            self.sim.note_known()
            got = self.part(mentions, share)
            conn.send_bytes(pickle.dumps((got, self.sim.worked_out()), pickle.HIGHEST_PROTOCOL))
        except (Exception, KeyboardInterrupt):  # nothing sent: the parent attributes the
            pass  # share (and so meets any error of it there, with its traceback)
        finally:
            conn.close()

    def part(self, mentions: list[Mention], share: Iterable[int]) -> list[tuple]:
        """The outcomes of the mentions at ``share``, in its order."""
        out = []
        for i in share:
            got = self.decide(i, mentions[i])
            if got is not None:
                out.append(got)
        return out

    def _defs(self, a: Paper) -> tuple[dict[str, str], list, list]:
        return _own_defs(a, self.own_defs, self.own_spans, self.worked)

    def _place(self, group: list[_Meaning]) -> dict[int, int]:
        got = self.places.get(id(group))
        if got is None:  # each meaning's place in its group, once
            got = self.places[id(group)] = {id(x): i for i, x in enumerate(group)}
        return got

    def decide(self, i: int, m: Mention) -> tuple | None:
        """Mention ``m``'s outcome (at place ``i``), or None where it has none."""
        if m.relation == "introduces":
            return None
        key = m.entity.casefold()
        slot = self.meanings.get(key)
        family_slot = None
        if not slot and m.entity == m.family and m.kind != "hardware":
            family_slot = self.members_of.get(m.family)  # "DeepSpeed": its members
        a = self.by_id.get(m.paper)
        if a is None:
            return None
        if not slot and not family_slot:
            if key in self.general and _ACRONYM.fullmatch(m.surface):
                # "DP" where the one paper presenting it means a general term: the
                # sense the mention's own paper spells out, as for any unclaimed acronym
                return (i, None, None, self._defs(a)[0].get(m.surface), None, None)
            if key in self.general and " " in m.surface and _ACRONYM.fullmatch(m.entity):
                return (i, None, None, False, _sense_name(m.entity, m.surface), None)
            return None
        # A's own definitions and names (_own_defs), worked out where a step reads them:
        # a decision kept from before (memo) reads none of them
        own = None
        # a name inside A's own ("Selective Gated Mamba (SIGMA)"): A's variant of it, a
        # family member below (see _inside_own); the name must stand on its own there
        # ("the Generalist Language Model": another name), as in any capitalised run
        if " " in m.surface.strip():
            own = self._defs(a)
            if any(
                f == m.field and s <= m.start and m.end <= e and e - s > m.end - m.start
                for f, s, e, _ in own[2]
            ):
                return None  # a fragment of a long form A defines ("Momentum Contrast and
                # Distillation (MCD)" holds no mention of Momentum Contrast)
        if m.surface.casefold() in self.own_folded.get(a.id, ()):
            return None  # A's own artefact, named like another's ("KoALA: …" and KOALA)
        if m.field == "abstract" and _prefixed(a.abstract, m.start, self.known_folded):
            own = own or self._defs(a)
            if not _headed_by(m, own[2]):
                # "Grounding DINO", "Vision Mamba RNN": a longer name that holds it, so the
                # name is used in another sense too, as when no meaning fits
                if (
                    slot
                    and a.id not in _presenters(slot, self.presenters)
                    and (_weakness(m.entity) > 0 or _ACRONYM.fullmatch(m.surface))
                ):
                    return (i, None, key, False, None, None)
                return None
        own_long = None
        if _ACRONYM.fullmatch(m.surface):
            own = own or self._defs(a)
            own_long = own[0].get(m.surface)
        if own_long and _is_concept(own_long, self.known):
            # "data parallelism (DP)": A spells it out as a method, not anyone's artefact
            return (i, None, key, own_long, None, None)
        group = slot or family_slot
        best = None
        nw = None
        sim, memo, stale = self.sim, self.memo, self.stale
        if memo is not None:  # decided before, on the same evidence?
            mkey = (m.paper, m.field, m.start, m.end, m.entity, m.surface, not slot)
            digest, moved = self.digests.get(id(group)) or self.digests.setdefault(
                id(group), (_digest(group), any(_stale(x, stale) for x in group))
            )  # its meanings, and whether a paper's text changed
            hit = memo.get(mkey) if a.id not in stale else None
            if hit is not None and hit[0] == digest and not moved and -1 <= hit[1] < len(group):
                best = (group[hit[1]], hit[2]) if hit[1] >= 0 else None
                weighed = hit[3:]
            else:
                defs = (own or self._defs(a))[0]
                n, good = _reweigh(
                    m, a, group, hit, (sim, self.users[key]), defs, not slot, self.spelled,
                    stale, self.tails,
                )  # fmt: skip
                best = _choose(good)
                places = self._place(group)
                top = [(score, places[id(x)]) for score, x in good[:2]]
                top += [(None, None)] * (2 - len(top))
                weighed = (len(group), min(n, 2), top[0][0], top[1][0], top[0][1], top[1][1])
            idx = -1 if best is None else self._place(group)[id(best[0])]
            nw = (mkey, (digest, idx, 0.0 if best is None else best[1], *weighed))
        else:
            sim.focus(group, self.users[key])  # the cosines this name asks for
            defs = (own or self._defs(a))[0]
            best = _attribute(m, a, group, sim, defs, family=not slot, spelled=self.spelled)
        if best is not None:
            return (i, (self._place(group)[id(best[0])], best[1], not slot), None, False, None, nw)
        u, acr = None, False
        if slot and a.id not in _presenters(slot, self.presenters):
            if _weakness(m.entity) > 0 or _ACRONYM.fullmatch(m.surface):
                u = key  # a weak name used in another sense: name them apart
            if _ACRONYM.fullmatch(m.surface):
                acr = own[0].get(m.surface)  # worked out above
        if nw is None and u is None and acr is False:
            return None
        return (i, None, u, acr, None, nw)


def _attribute(
    m: Mention,
    a: Paper,
    slot: list[_Meaning],
    sim: _Similarity,
    defs: dict[str, str],
    family: bool = False,
    spelled: dict | None = None,
) -> tuple[_Meaning, float] | None:
    """The one meaning the evidence supports for mention ``m`` in paper ``a``, or None.

    ``spelled``: a cache, for a slot and a spelling, of the meanings whose forms the
    spelling fits and what each needs (nothing of a meaning changes while the mentions
    are attributed)."""
    return _choose(_weigh(m, a, slot, sim, defs, family, spelled)[1])


#: What :func:`_weigh` found: how many meanings were candidates, and the ones the evidence
#: supports, best first (score, meaning).
Weighed = tuple[int, list[tuple[float, "_Meaning"]]]


def _weigh(
    m: Mention,
    a: Paper,
    slot: list[_Meaning],
    sim: _Similarity,
    defs: dict[str, str],
    family: bool = False,
    spelled: dict | None = None,
    others: int = 0,
) -> Weighed:
    """The meanings of ``slot`` that mention ``m`` in paper ``a`` may have (how many), and
    the two best the evidence supports with their scores, best first (on a tie, the earlier
    in the slot); :func:`_choose` takes the one. ``others``: the candidates of the meanings
    before ``slot`` in its group, weighed before (a slot is then the group's tail: the
    meanings added since)."""
    text = a.title if m.field == "title" else a.abstract
    if " " in m.surface.strip() and _inside_longer_name(text, m.start, m.end, m.surface):
        return 0, []
    if text[m.end : m.end + 1] == "(":
        return 0, []  # "CAT(0) Spaces": notation, no name
    if m.field == "title" and " " in m.surface.strip() and _RE_TASK_BEFORE.search(text, 0, m.start):
        return 0, []  # "… Pre-training for Dense Passage Retrieval": the task, not DPR
    if m.how == "fuzzy" and _key(m.surface) != _key(m.entity):
        return 0, []  # "Pyramid-RKV" is near PyramidKV in spelling: maybe another name
    if _RE_OUR_PROPOSED.search(text, max(0, m.start - 20), m.start):
        return 0, []  # "Our proposed Grounded Chain-of-Thought with Visual Evidence": A's own
    if m.surface.endswith("s") and not m.entity.endswith("s"):
        return 0, []  # "Linear Representations in VLLMs": a class of things, not vLLM
    # "the Generalist Language Model": maybe another name that opens with this one; a name
    # the lexicon confirms is still itself ("a Mamba Attention Module")
    longer = m.field != "title" and (
        _inside_longer_name(text, m.start, m.end, m.surface)  # "the Specialized Generalist …"
        or _in_capitalised_run(text, m.start, m.end)  # "the Generalist Language Model"
    )
    # "Generalist agents have emerged …", in a paper that writes "generalist agents" too: a
    # word capitalised where any word is, no name
    initial = (
        m.field != "title"
        and m.surface[1:].islower()
        and _sentence_start(text, m.start)
        and _holds_word(f"{a.title} {a.abstract}", m.surface.lower())
    )
    cue = _cue_kind(m.sentence, m.surface) or _paper_cue(a, m.surface)
    own_long = defs.get(m.surface)
    # "… with Proximal Policy Optimization (HAPPO)", "Direct Preference Optimization (DPO-P)":
    # a long form that A abbreviates otherwise names A's own variant
    paren = _RE_ABBR_AFTER.match(text, m.end) if " " in m.surface.strip() else None
    abbr = paren.group(1) if paren else None
    key = (id(slot), family, m.surface, m.entity)
    fits = spelled.get(key) if spelled is not None else None
    if fits is None:
        fits = [(x, _need(x, family, m.surface), x.long_form.casefold() if x.long_form else None)
                for x in slot
                if case_compatible(m.surface, forms := ({x.family} if family else x.surfaces))
                or (not x.foreign and case_compatible(m.entity, forms))]  # fmt: skip
        if spelled is not None:
            spelled[key] = fits
    cands = [
        t
        for t in fits
        if a.id not in t[0].papers  # so every paper that presents it is another than A
        and not ((longer or (initial and _weakness(m.surface) > 0)) and not t[0].confirmed)
        and not (own_long and _spelled_otherwise(own_long, t[0], m.surface, sim.text_of))
        # "the study of best-of-both-worlds (BOBW) algorithms": A writes in lower case, as a
        # general term, what the presenter capitalises as its name
        and not (
            own_long
            and own_long.islower()
            and not family
            and not t[0].known
            and any(
                _key(f) == _key(own_long) and not f.islower()
                for f in (t[0].long_form or "", *t[0].surfaces)
            )
        )
        and (cue is None or _compatible(cue, t[0].kind))
        and (abbr is None or _abbreviates(abbr, {t[0].name, *t[0].surfaces}))
    ]  # A spelling it out as something else, or a word nearby of another kind: not it
    if not cands:
        return 0, []
    good: list[tuple[float, _Meaning, list[str] | None]] = []
    row, cols = sim.cosines(a.id)  # A's cosines with the group's papers
    folded = a.abstract.casefold() if any(lf for _, _, lf in cands) else ""
    alone = len(cands) + others == 1
    apart = _cues()["need"]["apart"]
    for x, need, lf in cands:
        agrees = bool(lf) and lf in folded
        # alone and nothing to weigh: the cosine with the first paper is only reported
        bs = x.papers[:1] if alone and (need == 0.0 or agrees) else x.papers[:8]
        score = None
        if row is not None:  # read from the block: the same value as sim(a.id, b)
            if len(bs) == 1:
                j = cols.get(bs[0])
                score = None if j is None else row.item(j)
            else:
                js = [cols.get(b) for b in bs]
                score = None if None in js else float(row[js].max())
        if score is None:
            score = max(sim(a.id, b) for b in bs)
        if not agrees and (score < need or x.elsewhere):
            continue  # too little context; or a famous name, not spelt out as this one
        # a name only the corpus knows: that two papers share its words is no evidence
        # (checked below, best first, for the two best only: all that is read of ``good``)
        ask = None if agrees or x.confirmed or x.known else bs
        good.append((score + (1.0 if agrees else 0.0), x, ask))
    good.sort(key=lambda t: -t[0])
    best: list[tuple[float, _Meaning]] = []
    for score, x, ask in good:
        if ask is not None and _apart(m, x, a.id, ask, sim) < apart:
            continue  # the two share the name and little else: another thing of that name
        best.append((score, x))
        if len(best) == 2:
            break
    return len(cands), best


# An abbreviation in parentheses right after a long form: "(DPO)", "(DPO-P)", "(HAPPO)"
_RE_ABBR_AFTER = re.compile(r"\s*\(\s*((?=[^()\s,;]*[A-Z][^()\s,;]*[A-Z])[^()\s,;]{2,20})\s*\)")


def _abbreviates(abbr: str, forms: set[str]) -> bool:
    """Is ``abbr``, in parentheses after a long form, a name of the thing whose spellings are
    ``forms``, or one that only holds one of them as a part: a variant of it ("HAPPO" for
    "PPO", "DPO-P" for "DPO")?

    Example:
        >>> f = {"PPO", "Proximal Policy Optimization"}
        >>> [_abbreviates(a, f) for a in ("PPO", "HAPPO", "RL")]
        [True, False, True]
    """
    if case_compatible(abbr, forms):
        return True
    return not any(f in abbr for f in forms if len(f) >= 2 and not f.islower())


def _apart(m: Mention, x: _Meaning, a: str, bs: list[str], sim: _Similarity) -> float:
    """Paper ``a``'s best cosine with the papers ``bs`` presenting ``x``, leaving out the
    words of the name itself (:meth:`_Similarity.apart`); 1.0 where there is too little
    text to judge by (titles only, a sentence: no evidence either way)."""
    words = name_columns([m.surface, x.name, *x.surfaces])
    least = _cues()["apart_words"]
    got = [sim.apart(a, b, words, least) for b in bs]
    return 1.0 if None in got else max(got, default=1.0)


def _reweigh(
    m: Mention,
    a: Paper,
    group: list[_Meaning],
    hit: tuple | None,
    asked: tuple[_Similarity, set[str]],
    defs: dict[str, str],
    family: bool,
    spelled: dict,
    stale: set[str],
    tails: dict[tuple[int, int], tuple],
) -> Weighed:
    """:func:`_weigh` of mention ``m`` against ``group``. Where the decision kept (``hit``:
    see :func:`resolve`'s memo) weighed the first meanings of the group as they are now,
    only the meanings added since and those with a paper whose text changed (``stale``)
    are weighed, and the best two of then are taken with them: the same scores, so the
    same decision. Not where a single meaning was a candidate then (alone, it was weighed
    otherwise), nor where one of the best two then has a changed paper. ``asked``: the
    similarity and the papers that use the name (the cosines are worked out as one block
    of them with the papers of the meanings weighed)."""
    sim, askers = asked
    if (
        hit is not None
        and len(hit) == 9
        and hit[3] is not None
        and hit[4] != 1
        and -1 <= hit[1] < hit[3] <= len(group)
    ):
        size, n_then, firsts = hit[3], hit[4], hit[5:7]
        again = tails.get((id(group), size))
        if again is None:  # the first meanings' digest, which changed, and what to weigh
            moved = {i for i, x in enumerate(group[:size]) if _stale(x, stale)}
            again = tails[(id(group), size)] = (
                _digest(group[:size]),
                moved,
                [group[i] for i in sorted(moved)] + group[size:],
            )
        digest, moved, meanings = again
        at = [i for i in hit[7:9] if i is not None]
        if (
            digest == hit[0]
            and meanings
            and (not moved or n_then == 0 or (len(at) == 2 and moved.isdisjoint(at)))
        ):  # the best two then are still candidates, with the same scores
            others = 0 if moved and n_then == 0 else n_then if not moved else 2
            sim.focus(meanings, askers)  # the cosines with these meanings' papers only
            n, good = _weigh(m, a, meanings, sim, defs, family, spelled, others=others)
            before = [(score, group[i]) for score, i in zip(firsts, at, strict=False)]
            return others + n, sorted(before + good, key=lambda t: -t[0])
    sim.focus(group, askers)  # the cosines this name asks for
    return _weigh(m, a, group, sim, defs, family, spelled)


def _stale(x: _Meaning, stale: set[str]) -> bool:
    """Does a paper presenting ``x`` have a changed text (so changed cosines)?"""
    return bool(stale) and not stale.isdisjoint(x.papers)


def _choose(good: list[tuple[float, _Meaning | None]]) -> tuple[_Meaning, float] | None:
    """The best of the supported meanings (best first), and its score; None where none is,
    or two fit about as well."""
    if not good:
        return None
    if len(good) > 1 and good[0][0] - good[1][0] < _cues()["margin"]:
        return None  # two meanings fit about as well: keep the mention, infer nothing
    x = good[0][1]
    return None if x is None else (x, round(min(good[0][0], 1.0), 3))


def _digest(group: list[_Meaning]) -> str:
    """What :func:`_attribute` reads of a slot's meanings (every field of each, as the
    slot is when the mentions are attributed), as a digest (their papers' texts: see
    ``stale`` in :func:`resolve`)."""
    import hashlib
    from dataclasses import fields

    parts = []
    for x in group:
        parts.append(
            [sorted(v) if isinstance(v := getattr(x, f.name), set) else v for f in fields(x)]
        )
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def _spelled_otherwise(
    own_long: str, x: _Meaning, surface: str, text_of: Callable[[str], str] | None = None
) -> bool:
    """Does paper A spell the acronym ``surface`` out as something ``x`` is not? ``x``'s long
    form, or else its longer names ("Nonuniform-Tensor-Parallelism" for NTP), must be A's
    ("Next-Token Prediction (NTP)" is not it). A meaning with no longer form is A's only
    where a paper presenting it writes the words of A's ("Grade School Math 8K (GSM8K)" for
    the GSM8K dataset, "a dataset of … grade school math word problems"; not "Deep Research
    (DR)" for "DR. WELL", whose abstract never says "deep research"), when ``text_of`` gives
    a paper's text.

    Example:
        >>> x = _Meaning("Nonuniform-Tensor-Parallelism", "method", "Nonuniform-Tensor-Parallelism",
        ...              ["b"], {"Nonuniform-Tensor-Parallelism", "NTP"}, None)
        >>> _spelled_otherwise("Next-Token Prediction", x, "NTP")
        True
        >>> _spelled_otherwise("nonuniform tensor parallelism", x, "NTP")
        False
    """
    own = _key(own_long)
    if x.long_form:
        return _key(x.long_form) != own
    longer = [_key(f) for f in x.surfaces if len(_key(f)) > len(_key(surface))]
    if longer:
        return own not in longer
    words = [w for w in _WORD_OF.findall(own_long.casefold()) if len(w) > 2]
    if text_of is None or not words:
        return False
    stems = [re.compile(r"\b" + re.escape(w[: max(4, len(w) - 3)])) for w in words]
    return not any(all(st.search(text_of(b)) for st in stems) for b in x.papers)


_WORD_OF = re.compile(r"[a-z]+")


def _need(x: _Meaning, family: bool, surface: str = "") -> float:
    """The cosine a mention needs with the papers presenting ``x`` to be attributed to it:
    by the weaker of the name and the mention's spelling ("NTP" for
    Nonuniform-Tensor-Parallelism is a three-letter acronym, however coined the name), and
    some whenever the spelling is a case variant another name could have (PALM, PaLM)."""
    need = 0.0 if x.confirmed else _weakness(x.family if family else x.name)
    if surface and not x.confirmed:
        need = max(need, _weakness(surface))
    forms = [x.name, *x.surfaces]
    folded = surface.casefold()
    same = [f for f in forms if f.casefold() == folded]
    if (
        surface
        and not family
        and same
        and (
            not case_compatible(surface, forms)
            or all(capitals_differ(surface, f) for f in same)  # "TabNet" for "TABNet"
            # "block-scoring methods such as Quest" for QuEST: an English word, written as
            # one, for a name that capitals make
            or (
                surface[1:].islower()
                and all(sum(c.isupper() for c in f) > 1 for f in same)
                and _name_class(surface) == "dictionary"
            )
        )
    ):
        # all capitals for a mixed-case name ("a PALM-style analysis" for PaLM): maybe
        # another name; the context must agree, however well known the name
        need = max(need, _cues()["need"]["known"])
    if x.homonym and need > 0:  # "Orca" the serving system, known, or the Orca model?
        need = max(need, _cues()["need"]["known"])
    return need


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,4}s?")


def _acronym_senses(
    papers: list[Paper],
    mentions: list[Mention],
    acronyms: dict[int, str | None],
    sim: _Similarity,
    known: dict[str, Known],
    definitions: Callable[[str], list] = abbreviation_definitions,
) -> dict[int, Mention]:
    """An acronym mention that no introducing paper can claim ("DP" where a serving system
    named DP is in the corpus) takes the sense its own paper spells out ("data parallelism
    (DP)": the method concept), else the sense of the corpus papers it is most like; with
    no clear sense it stays the plain acronym, at half confidence."""
    if not acronyms:
        return {}
    wanted = {mentions[i].surface for i in acronyms}
    defined_here = re.compile(r"\((?:" + "|".join(map(re.escape, sorted(wanted))) + r")\)")
    definers: dict[str, dict[str, tuple[str, set[str]]]] = defaultdict(dict)
    for p in papers:
        if not defined_here.search(p.abstract):
            continue
        for abbr, lf, _, _ in definitions(p.abstract):
            if abbr in wanted:
                slot = definers[abbr].setdefault(_key(lf), (lf, set()))
                slot[1].add(p.id)
    askers: dict[str, set[str]] = defaultdict(set)
    for i in acronyms:
        askers[mentions[i].surface].add(mentions[i].paper)
    out: dict[int, Mention] = {}
    for i, own in sorted(acronyms.items()):
        m = mentions[i]
        sense = own
        if sense is None and m.surface in definers:
            group = definers[m.surface]  # the cosines this acronym asks for, as one block
            sim.focus(group, askers[m.surface], (b for _, ps in group.values() for b in ps))
        if sense is None:
            scored = sorted(
                (
                    (max(sim(m.paper, b) for b in ps), lf)
                    for lf, ps in definers.get(m.surface, {}).values()
                    if ps - {m.paper}
                ),
                reverse=True,
            )
            need = _cues()["need"]["short"]
            if (
                scored
                and scored[0][0] >= need
                and (len(scored) == 1 or scored[0][0] - scored[1][0] >= _cues()["margin"])
            ):
                sense = scored[0][1]
        if sense is None:  # no sense: none of the long forms other papers give it (not
            # the "Differential Privacy" of the paper that presents DP as a general term)
            others = definers.get(m.surface, {})
            aliases = tuple(a for a in m.aliases if _key(a) not in others)
            out[i] = replace(m, confidence=round(m.confidence * 0.5, 3), aliases=aliases)
            continue
        concept = known.get(sense.lower())
        if concept is not None and concept.kind == "method":
            out[i] = replace(
                m, entity=concept.canonical, kind="method", family=concept.canonical,
                relation="uses", how="definition", aliases=tuple(concept.long_forms),
            )  # fmt: skip
        else:  # its aliases are its sense's, not another sense's ("Dirichlet Process")
            name = _sense_name(m.surface, sense)
            out[i] = replace(m, entity=name, family=name, aliases=(sense,))
    return out


def _demote(m: Mention) -> Mention:
    """A general term read as an introduction ("Differential Privacy: …" for DP): a
    mention, named with its sense when it is an acronym."""
    long_form = next((a for a in m.aliases if " " in a), None)
    name = m.entity
    if long_form and _ACRONYM.fullmatch(m.entity):
        name = _sense_name(m.entity, long_form)
    return replace(m, relation="mentions", entity=name, family=name, how="lexicon")


def _sense_name(abbr: str, long_form: str) -> str:
    """ "DP (differential privacy)": an acronym with the sense a paper gives it; plain
    words in lower case, so that each paper's capitals give one name.

    Example:
        >>> _sense_name("DP", "Differential Privacy"), _sense_name("KV", "KeyValue store")
        ('DP (differential privacy)', 'KV (KeyValue store)')
    """
    words = long_form.split()
    plain = [w.lower() if w[1:].islower() or w.islower() else w for w in words]
    return f"{abbr} ({' '.join(plain)})"


def _is_concept(long_form: str, known: dict[str, Known]) -> bool:
    """Is ``long_form`` a method concept the lexicon knows ("data parallelism")?"""
    k = known.get(long_form.lower())
    return k is not None and k.kind == "method"


def _presenters(slot: list[_Meaning], cache: dict[int, set[str]]) -> set[str]:
    """The papers that present one of the meanings of ``slot`` (worked out once a slot:
    nothing of a meaning changes while the mentions are attributed)."""
    found = cache.get(id(slot))
    if found is None:
        found = cache[id(slot)] = {b for x in slot for b in x.papers}
    return found


def _inside_own(m: Mention, spans: list[tuple[str, int, int]]) -> bool:
    """Is the mention inside one of its paper's own names or their long forms (a span of
    :func:`_own_names`)?"""
    return any(f == m.field and s < m.end and m.start < e for f, s, e in spans)


def _headed_by(m: Mention, longs: list[tuple[str, int, int, str]]) -> bool:
    """Does the mention end a long form its paper defines ("Dual Interactive Mamba (DIM)":
    a Mamba of the paper's own; not "Vision Mamba RNN (VMRNN)", an RNN), in a sentence that
    does not set it against the paper's own ("Unlike Token-Level DPO (TDPO), our method …":
    another's variant)?"""
    return any(
        f == m.field and s < m.start and m.end == e for f, s, e, _ in longs
    ) and not _RE_OTHERS_WORK.search(m.sentence)


# a sentence that names others' work: a contrast, a comparison, an example of prior art
_RE_OTHERS_WORK = re.compile(
    r"\b(?:unlike|such\s+as|compared|comparison|than|versus|vs\.?|outperform\w*|baselines?|"
    r"existing|prior|previous|previously|state-of-the-art|e\.g\.|including|(?<![-\w])like)\b",
    re.IGNORECASE,
)


def _own_defs(
    a: Paper, cache: dict, own_spans: dict, worked: Worked
) -> tuple[dict[str, str], list, list]:
    if a.id not in cache:
        cache[a.id] = _own_names(a, own_spans.get(a.id, []), worked.definitions)
    return cache[a.id]


_RE_TITLE_USES = re.compile(
    r"\s(?:using|via|with|through|by|leveraging|on\s+top\s+of|built\s+on|based\s+on"
    r"|than|over|beyond|versus|vs\.?|against|unlike|compared\s+(?:to|with)|outperform\w*)\s",
    re.IGNORECASE,
)
_PLURAL_ES = re.compile(r"(?:ss|x|ch|sh)es$")  # "Gaussian processes": "… process"


def _own_names(
    a: Paper,
    intro_spans: list[tuple[str, int, int]],
    definitions: Callable[[str], list] = abbreviation_definitions,
) -> tuple[dict[str, str], list[tuple[str, int, int]], list[tuple[str, int, int, str]]]:
    """A paper's own abbreviation definitions (abbreviation -> long form), the spans
    of its own names (what it introduces, and the long forms it spells out), and the span
    of every long form it defines, with its abbreviation."""
    defs: dict[str, str] = {}
    spans = list(intro_spans)
    longs: list[tuple[str, int, int, str]] = []
    for field, text in (("title", a.title), ("abstract", a.abstract)):
        for abbr, lf, lstart, astart in definitions(text) if "(" in text else ():
            defs.setdefault(abbr, lf)
            longs.append((field, lstart, lstart + len(lf), abbr))
            if abbr[-1:] == "s" and abbr[-2:-1].isupper() and lf[-1:] == "s":
                # "Geospatial Foundation Models (GeoFMs)" spells out "GeoFM" as well
                defs.setdefault(abbr[:-1], lf[:-2] if _PLURAL_ES.search(lf) else lf[:-1])
            if any(f == field and s <= astart < e + 3 for f, s, e in intro_spans):
                spans.append((field, lstart, lstart + len(lf)))
    if ":" in a.title and any(f == "title" and s == 0 for f, s, _ in intro_spans):
        # "SIGMA: Selective Gated Mamba for …": the title describes its own name, up to
        # what it says the name uses ("FashionDPO: Fine-tune … using Direct Preference
        # Optimization" names DPO)
        cut = _RE_TITLE_USES.search(a.title, a.title.index(":"))
        spans.append(("title", 0, cut.start() if cut else len(a.title)))
        # "Mixture-of-Parallelisms: …" and "MoP delivers …": the initials of the title's
        # name are that name's, as if the paper had defined them
        words = re.findall(r"[^\s-]+", a.title[: a.title.index(":")])
        if 2 <= len(words) <= 6 and all(w[:1].isalpha() for w in words):
            initials = "".join(w[0] for w in words)
            for abbr in (initials, initials.upper()):
                defs.setdefault(abbr, a.title[: a.title.index(":")].strip())
    return defs, spans, longs


_FAMILY_AFTER = re.compile(r"(?:-|\s+)(?:family|families|series)\b", re.IGNORECASE)
_FAMILY_BEFORE = re.compile(
    r"\bfamil(?:y|ies)\s*(?:\(|:|,?\s+(?:such\s+as|like|including|e\.g\.,?))[^.()]*$",
    re.IGNORECASE,
)


def _family_mention(m: Mention) -> bool:
    """Does the mention name a family, not one artefact ("three popular LLM families (GPT,
    LLaMA, PaLM)", "the Llama family", "PaLM-series models")?

    Example:
        >>> from graphtool.model import Mention
        >>> s = "including three popular LLM families (GPT, LLaMA, PaLM), and discuss"
        >>> _family_mention(Mention("p", "PaLM", "model", "PaLM", "mentions", "PaLM",
        ...                         "abstract", 0, 4, s, 0.9, "lexicon"))
        True
    """
    s, surface = m.sentence, m.surface
    i = s.find(surface)
    if i < 0:
        return False
    return bool(
        _FAMILY_AFTER.match(s, i + len(surface)) or _FAMILY_BEFORE.search(s[max(0, i - 80) : i])
    )


def _named_after(
    own: Iterable[str],
    name: str,
    long_form: str | None = None,
    heads: Iterable[str] = (),
    text: str = "",
) -> bool:
    """Is one of a paper's own names a variant of ``name``: it holds the name as a word
    ("Dual-path Mamba", "Softmax-DPO"), its long form holds ``long_form`` ("Contrastive
    Activation Addition" for Activation Addition), or its acronym ends with the acronym
    ("RVRT" for VRT, "DecompDPO" for DPO)?

    Example:
        >>> _named_after(["Dual-path Mamba"], "Mamba")
        True
        >>> _named_after([], "Mamba", heads=["Vision Mamba"])
        True
        >>> _named_after([], "Mamba", heads=["Mamba Meets Graphs"])
        False
        >>> _named_after(["RVRT"], "VRT", "Video Restoration Transformer",
        ...              text="recurrent video restoration transformer with guided attention")
        True
        >>> _named_after(["TRACE"], "RACE", "ReAding Comprehension from Examinations", text="")
        False
        >>> _named_after(["DecompDPO"], "DPO")
        True
        >>> _named_after(["Token-level Proximal Policy Optimization"], "PPO",
        ...              "Proximal Policy Optimization")
        True
        >>> _named_after(["Mambo"], "Mamba"), _named_after(["VRT"], "VRT")
        (False, False)
    """
    own = [o for o in own if o and o != name]
    if any(_holds_word(o, name) for o in own):
        return True
    if any(o.endswith(" " + name) for o in heads):  # a title's "Vision Mamba: …"
        return True
    if (
        long_form
        and " " in long_form
        and any(_key(o) != _key(long_form) and _holds_word(o, long_form, re.I) for o in own)
    ):
        return True
    if _ACRONYM_NAME.fullmatch(name):
        # "DecompDPO"; an all-capital one ("RVRT") only where B's long form is A's too
        # ("TRACE" is no variant of the RACE dataset)
        return any(
            " " not in o
            and len(o) > len(name)
            and o.endswith(name)
            and o[-len(name) - 1] != "-"
            and (not o.isupper() or bool(long_form and text and long_form.casefold() in text))
            for o in own
        )
    return False


_NOT_A_MODIFIER = re.compile(
    r"\w+(?:ing|ly)|towards?|beyond|why|how|when|what|is|are|can|does|do|on|in|of|for|the|a|an",
    re.IGNORECASE,
)


def _compound_name(head: str) -> bool:
    """Is a title's head a name ("Vision Mamba", "Spatio-Temporal Mamba"), not a phrase
    around one ("Rationally Analyzing Shelby", "Revisiting Mamba", "Is Mamba Enough")?"""
    words = head.split()
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
        and not any(_NOT_A_MODIFIER.fullmatch(w) for w in words[:-1])
    )


_ACRONYM_NAME = re.compile(r"[A-Z]{3,}[0-9]*")


def _holds_word(text: str, name: str, flags: int = 0) -> bool:
    if name.casefold() not in text.casefold():
        return False
    return re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", text, flags) is not None


def _presents_as(x: _Meaning, k: Known, by_id: dict[str, Paper]) -> bool:
    """Does the paper present the lexicon's dataset as a dataset, in its own words ("we
    introduce GSM8K, a dataset of 8.5K … problems")? Then it is that dataset's source."""
    from .linker.titles import _guess_kind

    if k.kind != "dataset" or len(x.papers) != 1:
        return False
    b = by_id[x.papers[0]]
    return _guess_kind(b.title, b.abstract, x.name) == "dataset"


def _first_of_many(x: _Meaning, users: set[str], by_id: dict[str, Paper]) -> bool:
    """Is the introducing paper the corpus's source for a well-known name? It presents the
    name in its title ("BERT: …", "Microsoft COCO: …") or opens its title with the name's
    long form ("Proximal Policy Optimization Algorithms"), at least three other papers name
    it, and every one of them that is dated is no older than it."""
    if len(x.papers) != 1 or by_id[x.papers[0]].when is None:
        return False
    b = by_id[x.papers[0]]
    head = b.title.split(":")[0].casefold()
    if x.name.casefold() not in head and not (
        x.long_form and " " in x.long_form and head.startswith(x.long_form.casefold())
    ):  # "BERT: …", or the long form its title opens with: "Proximal Policy Optimization
        return False  # Algorithms" presents PPO
    others = [by_id[u] for u in users if u != b.id and u in by_id]
    dated = [p for p in others if p.when is not None]
    return len(others) >= 3 and len(dated) >= 3 and all(_not_newer(p, b) for p in dated)


_FEW_MEANINGS = 4  # papers presenting one name, beyond which no two are one artefact


def _other_version(a: str, papers: list[str], by_id: dict[str, Paper], sim: _Similarity) -> bool:
    """Does paper ``a`` present what ``papers`` present, in another version: dated, not in
    the same month as any of them, and with most of their words (a journal version)?"""
    when = by_id[a].when
    if when is None or any(by_id[b].when is None or by_id[b].when == when for b in papers):
        return False
    cfg = _cues()["same_artefact"]
    b = papers[0]  # the first paper that presented it
    score = sim(a, b)
    return score >= cfg["alone"] or (
        score >= cfg["same_authors"] and _share_author(by_id[a], by_id[b])
    )


def _share_author(a: Paper, b: Paper) -> bool:
    """Do two papers share an author (by family name; False when either lists none)?"""

    def names(p: Paper) -> set[str]:
        return {n.split()[-1].casefold() for n in p.authors if n.split()}

    return bool(names(a) & names(b))


_COINED = re.compile(r"[a-z][A-Z]|\d")  # vLLM, GraphRAG, Qwen2.5: not a word, not an acronym


def _first_use(
    mentions: list[Mention], by_id: dict[str, Paper]
) -> dict[str, tuple[tuple[int, int] | None, int | None]]:
    """When each name (case-folded) was first named by a corpus paper that does not present
    it: the earliest ``(year, month)`` (a paper's first version, see :func:`_month_of`) and,
    apart, the earliest year of the papers dated by their year alone (a year-only date must
    not hide a month-dated one)."""
    first: dict[str, tuple[tuple[int, int] | None, int | None]] = {}
    last, when = None, None  # the mentions come paper by paper: each paper dated once
    for m in mentions:
        if m.relation == "introduces":
            continue
        if m.paper != last:
            last, when = m.paper, _month_of(by_id[m.paper])
        if when is None:
            continue
        key = m.entity.casefold()
        month, year = first.get(key, (None, None))
        if when[1]:
            if month is None or when < month:
                first[key] = (when, year)
        elif year is None or when[0] < year:
            first[key] = (month, when[0])
    return first


def _month_of(p: Paper) -> tuple[int, int] | None:
    """A paper's first version, ``(year, month)``: by its new-style arXiv id where it has one
    (a listing may date a paper by a later version), else its date (month 0: year only).

    Example:
        >>> _month_of(Paper("2310.18450", "T", "A.", arxiv="2310.18450", year=2025, month=6))
        (2023, 10)
        >>> _month_of(Paper("x", "T", "A.", year=2024))
        (2024, 0)
    """
    order = _arxiv_order(p)
    if order is not None:
        return 2000 + order[0] // 100, order[0] % 100
    return p.when


def _long_before(used: tuple[tuple[int, int] | None, int | None] | None, b: Paper) -> bool:
    """Was a name in use (``used``, from :func:`_first_use`) a year or more before paper ``b``
    presented it? A product's name comes out some months before its paper (vLLM), not years
    (a clinical agent of 2026 named Pythia is not the model suite of 2023 that papers name).
    Where either date has no month, two years apart.

    Example:
        >>> _long_before(((2023, 4), None), Paper("b", "T", "A.", year=2026, month=7))
        True
        >>> _long_before(((2023, 6), None), Paper("b", "T", "A.", year=2023, month=9))
        False
        >>> _long_before(((2023, 3), 2023), Paper("b", "T", "A.", year=2024, month=6))
        True
    """
    when = _month_of(b)
    if used is None or when is None:
        return False
    month, year = used
    if month is not None:
        if when[1] and (when[0] - month[0]) * 12 + when[1] - month[1] >= 12:
            return True
        if not when[1] and when[0] - month[0] >= 2:
            return True
    return year is not None and when[0] - year >= 2


def _prior_users(
    mentions: list[Mention],
    decided: list,
    senses: dict,
    by_id: dict[str, Paper],
    chosen: Iterable[int] | None = None,
    ages: dict[str, tuple] | None = None,
) -> set[tuple[str, str]]:
    """The (meaning, introducing paper) pairs whose name a paper older than the introducer
    already writes in that meaning: the name was not coined there ("Agentic AI", "Gaussian
    process (GP)" presented by a paper while earlier ones use it), so nothing builds on it
    through that name. Family mentions ("the GPT family") do not count. Nor do products,
    which are released, and named, before a paper describes them: machines and models
    (TPU v4, Aurora, Llama 3), and coined names (vLLM was a released system before its
    paper), and names a paper's title presents ("Horovod: fast and easy distributed deep
    learning …" came out a year after Horovod); the rule is for names made of words that an
    abstract presents ("We first introduce Agentic AI, tracing its evolution …") and for
    acronyms defined there. ``chosen``: the places of the mentions with a decision, in
    order (by default every place is looked at); ``ages``: the papers' :func:`_age`, by
    id (:class:`_Ages`: worked out when first asked, by default)."""
    ages = ages if ages is not None else _Ages(by_id)
    titled = {
        (m.paper, m.entity.casefold())
        for m in mentions
        if m.relation == "introduces" and m.field == "title"
    }
    prior: set[tuple[str, str]] = set()
    if len(mentions) != len(decided):
        raise ValueError("a decision per mention")
    for i in range(len(decided)) if chosen is None else chosen:
        m, d = mentions[i], decided[i]
        if d is None or i in senses or m.relation == "introduces" or d[2] or _family_mention(m):
            continue
        if d[0].kind in ("hardware", "model"):
            continue
        if _COINED.search(d[0].name) and d[1] >= _cues()["need"]["known"]:
            continue  # a coined name an older paper of the same field uses: a release
        a = by_id[m.paper]
        age = ages[a.id]
        for b in d[0].papers:
            if (b, d[0].name.casefold()) in titled:
                continue  # its title presents it: the product's own paper
            if b != a.id and not _not_newer_age(age, ages[b]):
                prior.add((d[0].display, b))
    return prior


_ARXIV_NEW = re.compile(r"(\d{4})\.(\d{4,5})(?:v\d+)?$")


def _arxiv_order(p: Paper) -> tuple[int, int] | None:
    """Where a new-style arXiv id puts a paper in submission order: (YYMM, number)."""
    return _order_of_id(p.arxiv or "")


@lru_cache(maxsize=1 << 18)
def _order_of_id(arxiv: str) -> tuple[int, int] | None:
    m = _ARXIV_NEW.match(arxiv)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _not_newer(a: Paper, b: Paper) -> bool:
    """A paper does not build on a newer one: by arXiv id where both have one (numbered in
    the order they were submitted, within a month too, whatever date a listing gives),
    else by year and month where both are known."""
    return _not_newer_age(_age(a), _age(b))


def _age(p: Paper) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """What :func:`_not_newer` reads of a paper: its place in arXiv's order and its
    ``when`` (worked out once per paper where a loop asks often: :class:`_Ages`)."""
    return _arxiv_order(p), p.when


def _not_newer_age(ga: tuple, gb: tuple) -> bool:
    """:func:`_not_newer` of two papers' :func:`_age`."""
    oa, wa = ga
    ob, wb = gb
    if oa is not None and ob is not None:
        return oa >= ob
    if wa is None or wb is None:
        return True
    if wa[1] and wb[1]:
        return wa >= wb
    return wa[0] >= wb[0]


class _Ages(dict):
    """Paper id -> its :func:`_age`, worked out when first asked.

    Example:
        >>> ages = _Ages({"a": Paper("a", "T", "A.", year=2024), "b": Paper("b", "T", "B.")})
        >>> ages["a"], ages["b"]
        ((None, (2024, 0)), (None, None))
    """

    def __init__(self, by_id: dict[str, Paper]) -> None:
        super().__init__()
        self.by_id = by_id

    def __missing__(self, pid: str) -> tuple:
        got = self[pid] = _age(self.by_id[pid])
        return got


def _disambiguated(x: _Meaning, by_id: dict[str, Paper]) -> str:
    """ "Prism (Unleashing GPU Sharing for…)", "Frontier (Simulating the Next Generation…)"."""
    if x.long_form and _key(x.long_form) != _key(x.name):
        return f"{x.name} ({x.long_form})"
    title = by_id[x.papers[0]].title
    rest = title.split(":", 1)[1] if ":" in title else title
    words = rest.split()
    short = " ".join(words[:4]) + ("…" if len(words) > 4 else "")
    return f"{x.name} ({short.strip()})" if short.strip() else f"{x.name} ({x.papers[0]})"
