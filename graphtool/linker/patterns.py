"""Shared regular expressions, word lists and name keys of the linker.

What the finders of :mod:`graphtool.linker` have in common: the name shapes and
introducing phrases as regular expressions (searched with literal prefixes or
matched at positions that a cheap search found), the word lists of
``data/lexicon/linker-words.json`` (loaded once, at import), and the comparison key
of a name (:func:`_norm`). It finds nothing on its own.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from .._resources import data_path


def _load_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/lexicon/linker-words.json``, each as a set."""
    with open(data_path("lexicon", "linker-words.json"), encoding="utf-8") as f:
        data = json.load(f)
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


_WORDS = _load_words()

# Words that make a title prefix rhetorical rather than a name.
_TITLE_STOP = _WORDS["title_stop"]
# Adverbs between "we" and its verb ("we first develop", "we therefore propose").
_ADVERB = (
    r"(?:(?:also|further|then|first|now|here|therefore|thus|hence|additionally|finally|next)"
    r"\s+)?"
)
_INTRO_VERB = r"(?:propose|introduce|present|develop|design|build|release|describe|name|call|offer)"
_NAME = (
    r"[A-Z0-9$][\w\-+.$α-ωΑ-Ω]*[\w+$α-ω]|[A-Z]"
    # mllm-NPU, beLLMan, vLLM; written without a nested quantifier (linear time)
    r"|[a-z][a-z0-9]*-?[A-Z]\w*(?:-[A-Z]\w*)*"
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
    rf"\b[Ww]e\s+{_ADVERB}{_INTRO_VERB}[sd]?\s+"
    rf"(?:(?:a|an|the|our)\s+[^.;:]{{0,120}}?,?\s+(?:called|named|termed|dubbed|namely)\s+)?"
    rf"({_MULTI_NAME}){_NAME_ENDS}"
)
# "This paper presents the DDF Pipeline, a …"
_RE_THIS_PAPER = re.compile(
    r"[Tt]his\s+(?:paper|work|article|study|report)\s+(?:also\s+|then\s+|further\s+)?"
    r"(?:(?:propos|introduc|describ)es|presents)\s+(?:the\s+)?"
    rf"({_MULTI_NAME}){_NAME_ENDS}"
)
# "with named X", "the named X": "named" as an adjective, naming nothing
_RE_ADJECTIVE_NAMED = re.compile(r"\b(?:with|the|a|an|of|to|for|by|on|in|and|or|are)\s+$")
_RE_CALLED = re.compile(
    rf"\b(?:called|named|termed|dubbed|namely|coined|designated)\s+(?:as\s+)?"
    rf"{_QUOTED_MULTI_NAME}(?=\s*[,.;:(]|\s+(?:--|—|which|that|to|as|for|is|in|with)\b)"
)
# "a modification of FairRec (named as FairRecPlus)": the whole bracket names it
_RE_CALLED_BRACKET = re.compile(
    rf"\((?:called|named|termed|dubbed|designated)\s+(?:as\s+)?{_QUOTED_MULTI_NAME}\)"
)
_RE_OUR_NAME = re.compile(
    rf"\b[Oo]ur\s+(?:proposed\s+|new\s+|novel\s+)?({_NAME})\s+"
    r"(?:library|framework|system|method|model|tool|approach|algorithm|dataset|benchmark|engine|compiler|runtime|design|architecture|platform)\b"
)
_RE_CALLED_LOWER = re.compile(
    r"\b(?:called|termed|dubbed|namely)\s+([a-z][a-z\-]+(?:\s[a-z][a-z\-]+){0,2})(?=\s*[,(])"
)
# 'a small module, named "loss prediction module," to …': a quoted name in lower case
_RE_CALLED_QUOTED_LOWER = re.compile(
    r"\b(?:called|named|termed|dubbed|coined)\s+[\"“]"
    r"([a-z][a-z\-]+(?:\s[a-z][a-z\-]+){1,3}),?[\"”]"
)
# What may stand right before a defined long form that a paper introduces, from a
# "we …" or "called …" phrase to the long form: "we propose a novel <Long Form (LF)>".
_RE_INTRO_LEAD = re.compile(
    rf"(?:[Ww]e\s+{_ADVERB}{_INTRO_VERB}[sd]?\s+{_INTRO_TAIL}"
    r"|[Tt]his\s+(?:paper|work|article|study|report)\s+(?:also\s+|then\s+|further\s+)?"
    rf"(?:(?:propos|introduc|describ)es|presents)\s+{_INTRO_TAIL}"
    r"|(?:called|named|termed|dubbed|namely|coined)\s+(?:the\s+)?)[\"“]?"
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
_APPOSITION_NOUNS = _WORDS["apposition_nouns"]
_RE_COMMA_NAME = re.compile(rf",\s+({_NAME}),\s")
_RE_CLAUSE_END = re.compile(r"[.;:]")
# "... with C4: A Communication-Driven ...": a name introduced inside a title.
_RE_TITLE_INNER = re.compile(
    r"\b(?:with|via|using|by|through)\s+([A-Za-z](?=[\w\-+.]*[A-Z0-9])[\w\-+.]*)(?=:\s)"
)
_RE_APPOSITION = re.compile(  # used with .match(text, sentence_start)
    rf"[\"“']?({_NAME})[\"”']?(?:\s*\([^)]*\))?\s*(?:,|--|—|:)\s+(?:a|an|the|which is a)\s+"
)
_RE_TITLE_PREFIX = re.compile(r"^\s*([^:]{1,60}?)\s*(?::|\s--\s|\s—\s)\s*\S")
# "This work, BarServe, achieves …": a name in apposition to "this work".
_RE_THIS_WORK_NAME = re.compile(
    rf"[Tt]his\s+(?:work|paper|system|framework|approach|tool|library|design),\s+({_NAME}),\s"
)
# "we develop the MERGE algorithm", "This paper presents the NCCLX collective communication
# framework": a name-shaped word before the noun it names (groups: "This", the verb, the
# name, the words between)
_RE_WE_THE_NAME_NOUN = re.compile(
    rf"(?:[Ww]e\s+{_ADVERB}"
    r"|([Tt]his)\s+(?:paper|work|article|study|report)\s+(?:also\s+|then\s+|further\s+)?)"
    rf"({_INTRO_VERB}[sd]?|(?:propos|introduc)es|presents)\s+(?:the|our)\s+"
    rf"(?:(?:new|novel)\s+)?({_NAME})\s+((?:[a-z][a-z\-]+\s+){{0,2}})"
    r"(?:algorithm|system|framework|method|library|scheduler"
    r"|protocol|engine|compiler|runtime|technique|approach|mechanism|architecture|tool"
    r"|dataset|benchmark|platform|pipeline|policy|accelerator)s?\b"
)
# "which we term QuOverlap", "we call it X", "we dub this approach X".
_RE_WE_TERM = re.compile(
    rf"[Ww]e\s+(?:term|call|dub|name|coin)\s+(?:it|this|them|these|(?:this|the)\s+\w+\s+)?\s*"
    rf"{_QUOTED_MULTI_NAME}(?=\s*[,.;:(]|\s+(?:--|—|which|that|to|as|for|is|in|with|and)\b)"
)
# "by proposing a self-attention based sequential model (SASRec)": a name in brackets
# after an introducing verb, whose letters do not spell the words before it.
_RE_PROPOSING_BRACKET = re.compile(
    r"(?:[Ww]e\s+(?:propose|introduce|present|develop|design)|proposing|introducing"
    rf"|presenting|developing|designing)\b[^.;()]{{0,100}}\(({_NAME})\)"
)
# "We design three policies: Fair Share (FSP), Priority Queue (PQP) and …": definitions
# listed after a colon that an introducing "we" leads up to.
_RE_LIST_LEAD = re.compile(
    rf"[Ww]e\s+{_ADVERB}(?:propose|introduce|present|develop|design)[sd]?"
    r"\b[^.;:]{0,120}:\s"
)
_RE_LISTED_DEF = re.compile(
    r"((?:[A-Z][\w\-]*\s){0,4}[A-Z][\w\-]*)\s\(([A-Z][A-Za-z0-9\-]{1,10})(?:,[^()]{1,60})?\)"
    r"(?=,|\s+and\b|\.|$)"
)
# "we introduce two new benchmarks: HFTBench, a trading simulation, and StreetFighter, a …"
_RE_LISTED_APPOSITION = re.compile(rf"({_MULTI_NAME}),\s+(?:an?|the)\s")
# "we propose a doubly-adaptive approach AdaCalib.": a name right after the noun it names
# The nouns of a made thing that a name may follow or stand in apposition to.
_ARTEFACT_NOUN = (
    r"approach|framework|system|method|model|algorithm|library|tool|benchmark|dataset"
    r"|scheduler|engine|compiler|runtime|architecture|platform|technique|mechanism|protocol"
    r"|pipeline|strategy"
)
_RE_WE_NOUN_NAME = re.compile(
    rf"[Ww]e\s+{_ADVERB}{_INTRO_VERB}[sd]?\s+(?:a|an|the|our)\s+"
    rf"(?:[\w\-]+\s+){{0,4}}?(?:{_ARTEFACT_NOUN})\s+({_NAME}){_NAME_ENDS}"
)
# "we introduce two new algorithms, Rennala NIGT and Malenia NIGT, which …", "propose two
# calibration methods, namely Gaussian calibration and Gamma calibration": a counted list
# (matched at a "we": the verb is the paper's own, or joined to it by "and")
_RE_COUNTED_LEAD = re.compile(
    rf"[Ww]e\s+{_ADVERB}(?:[^.;:]{{0,120}}?\band\s+)?{_INTRO_VERB}[sd]?"
    r"\s+(two|three|four|five|[2-5])\s+(?:(?!of\b|for\b|to\b|in\b|on\b|with\b|from\b)[\w\-]+\s+)"
    r"{0,3}?(?:algorithms|methods|techniques|models|systems|frameworks|schedulers|policies"
    r"|protocols|benchmarks|datasets|strategies|mechanisms|architectures|approaches|heuristics"
    r"|metrics|optimizations|primitives|designs|tools|libraries|kernels|estimators|modules"
    r"|components|variants|losses|attacks|defenses|indexes|operators|solvers)"
    r"(,\s+namely|:|,)\s+"
)
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
# One item of such a list: a name, or (after "namely" or a colon) a capitalised word and
# up to two words in lower case ("Gaussian calibration").
_RE_COUNTED_ITEM = re.compile(_MULTI_NAME)
_RE_COUNTED_ITEM_LOOSE = re.compile(rf"(?:{_NAME})(?:[ ](?!and\b|or\b)[a-z][a-z\-]+){{1,2}}")
_RE_COUNTED_SEP = re.compile(r",\s+and\s+|,\s+|\s+and\s+")
# "We present a novel approach, Ring Attention with Blockwise Transformers (Ring
# Attention), which …": a noun, then its long name and the short name in brackets.
_RE_WE_NOUN_LONG_SHORT = re.compile(
    rf"[Ww]e\s+{_ADVERB}(?:propose|introduce|present|develop|design|build"
    r"|release|offer)[sd]?\s+(?:a|an|the|our)\s+"
    r"(?:(?!prior\b|existing\b|standard\b|widely\b|used\b|popular\b|baseline\b|classic"
    r"|conventional\b|state-of-the-art\b|previous\b|well-known\b)[\w\-]+\s+){0,5}?"
    rf"(?:{_ARTEFACT_NOUN}|metric|paradigm),\s+"
    r"([A-Z][\w\-]*(?:\s(?:(?:with|of|for|and|via|in|on|to|the)\s)?[A-Z0-9][\w\-]*){1,8})"
    rf"\s\(({_NAME}(?:\s{_NAME})?)\)(?=\s*[,.;:]|\s+(?:which|that|to|for|is)\b)"
)


def _we_new_noun(words: int, nouns: str) -> str:
    """ "we propose a new … paradigm, ": the lead the two patterns below share."""
    return (
        rf"[Ww]e\s+{_ADVERB}(?:propose|introduce|present|develop|design)[sd]?\s+(?:a|an)\s+"
        rf"(?:novel|new)\s+(?:[\w\-]+\s+){{0,{words}}}?(?:{_ARTEFACT_NOUN}|{nouns}),\s+"
    )


# "we propose a new parallelism paradigm, elastic sequence parallelism (ESP), to …": a new
# noun, then a lower-case long form whose initials are exactly the capitals in brackets
_RE_WE_NEW_NOUN_LOWER_LONG = re.compile(
    _we_new_noun(3, "metric|paradigm")
    + r"([a-z][a-z\-]*(?:\s[a-z][a-z\-]*){1,5})\s\(([A-Z]{2,6})\)"
    r"(?=\s*[,.;:]|\s+(?:which|that|to|for)\b)"
)
# "we propose a novel graph convolutional network architecture, Graph Stacked Hourglass
# Networks, for …": a new noun, then a capitalised name of two to six words in apposition
_RE_WE_NEW_NOUN_LONG_NAME = re.compile(
    _we_new_noun(5, "network|paradigm|metric") + r"([A-Z][\w\-]*(?:\s[A-Z0-9][\w\-]*){1,5}),\s"
)
# "Our approach, implemented in GraphGuard, uses …": the paper's own tool
# (an aside: ", implemented in NAME," — not the toolchain of "is implemented in OpenMPI for")
_RE_OUR_IMPLEMENTED_IN = re.compile(
    r"\b[Oo]ur\s+(?:[\w\-]+\s+){0,2}?(?:approach|system|method|technique|design|framework|tool"
    r"|algorithm|prototype|solution|idea|implementation)s?"
    rf"(?:,\s+implemented\s+in\s+({_NAME}),|,?\s+(?:is\s+|was\s+)?implemented\s+as\s+"
    rf"({_NAME}){_NAME_ENDS}|,\s+({_NAME}),\s)"
)  # or its name in apposition: "Our framework, TERAIO, is developed for …"
_RE_VERSION_WORD = re.compile(r"v?\d+(?:\.\d+)*[a-z]?$")
_MATH = re.compile(r"\$([^$]{1,12})\$")

# Version / size suffixes that make a family member: GPT-4o, LLaMA-2-70B, ZeRO-3,
# Qwen2.5-7B, Mixtral 8x7B, ZeRO++, ZeRO-series.
_SUFFIX = re.compile(
    r"(?:\+\+|-series|-family"
    r"|(?:[-]?|[ ](?=\d))(?:v?\d+(?:\.\d+)*[a-z]?|\d+x\d+[BbMm])"
    r"(?:[- ](?:\d+(?:\.\d+)?[BbMmKk]|\d+x\d+[BbMm]))?"
    r"(?:-(?:Instruct|Chat|Base|Turbo|mini|Mini|Pro|Plus|Large|Small|Medium|XL|Coder|Math|VL))*"
    r"|-(?:\d+(?:\.\d+)?[BbMm]|Instruct|Chat|Turbo|mini|Pro|Plus|Large|Small|Medium|XL|VL)\b)"
    r"(?![\w+])"
)

# An unseen name: internal capitals, letters with digits, ++ — or a capitalised word
# right after a naming context.
_TOKEN_TAIL = r"[\w]*(?:[-.][A-Za-z0-9]\w*)*(?:\+\+)?"
# (only searched for: "[A-Z]{2}[a-z]{2}" finds what "[A-Z]{2,}[a-z]{2}" finds, in linear time)
_NAMEY = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]{2}|[A-Za-z]\d|\d[A-Za-z]|\+\+$")
# "64", "7B", "2.5x", "7B-parameter", "70B-scale": a quantity, no name
_RE_QUANTITY = re.compile(
    r"\d+(?:\.\d+)?(?:[xX×%]|[A-Za-z]{1,2})?(?:-(?:parameters?|params?|scale|sized?|level|bit|way))?"
)
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
_GENERIC_HEADS = _WORDS["generic_heads"]
# Capitalised words (and a model number or Pro/Max/Ultra) right after an organisation.
_RE_PRODUCT = re.compile(
    r" ((?:[A-Z][\w+]*(?:-[\w+]+)*)(?: [A-Z][\w+]*(?:-[\w+]+)*){0,2}"
    r"(?: (?:\d{1,3}[a-z]?|Pro|Max|Ultra|Plus|Mini))?)(?![\w-])"
)
_RE_DEVICE = re.compile(r" (?:Pro|Max|Ultra|Plus|Mini)$")  # "Vision Pro" (not "Office 365")
# "X.509", "H.264": a letter, a dot and a number name a standard.
_RE_STANDARD = re.compile(r"[A-Z]\.\d{3}")
# A capitalised word in the possessive names a person: "Marks' technique", "Lovász's
# lemma" (a plural possessive, or 's before a word for a result or a method).
_RE_POSSESSIVE = re.compile(
    r"(?<=s)['\u2019](?![\w'\u2019])|['\u2019]s (?:technique|method|theorem|lemma|conjecture|"
    r"inequality|bound|argument|construction|algorithm|approach|framework|model)s?\b"
)
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
#: A token longer than this is no name (bounds the work on one huge token).
_MAX_TOKEN = 200
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
# Capitalised words that are no name on their own (see ``_is_plain_word``).
_COMMON = _WORDS["common_words"]

_RE_OTHER_SPACE = re.compile(r"[^\S ]")


def _lower(text: str) -> str:
    """``text`` in lower case, keeping every offset (a few letters grow when lowered)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


_GREEK = str.maketrans({"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "μ": "mu"})


@lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    """Comparison key of a name: no case, spaces, hyphens or $; Greek letters spelled."""
    return re.sub(r"[\s\-_$]+", "", s.translate(_GREEK)).casefold()
