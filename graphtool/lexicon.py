"""Known names: systems, models, datasets, hardware, method concepts, and blocked strings.

A lexicon is data, not code: JSON Lines files, one object a line, ``#`` lines are
comments. Two kinds of line::

    {"name": "FlashAttention-2", "kind": "system", "family": "FlashAttention",
     "aliases": ["FlashAttention v2"]}
    {"block": ["GPU", "LLM", "SOTA"]}
    {"organisations": ["NVIDIA", "AWS"]}

``kind`` is one of system, model, dataset, hardware, method, other; ``family``
defaults to the name; ``aliases`` are other strings for the same entity. Spelling
variants (hyphen, space or nothing between parts; "Flash Attention" for
"FlashAttention"; plurals of method names) are generated, so a file lists each
entity once. ``block`` strings are never reported as named entities.
``organisations`` names entities that are companies or institutions: capitalised
words right after one are read as its product ("AWS Lambda", "AMD Kria").

The bundled lexicon lives in ``data/lexicon/*.jsonl``; users add their own files with
``Lexicon.load(extra=[...])`` or ``graphtool link --lexicon FILE``; a user's entry
with the same name replaces the bundled one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import ENTITY_KINDS
from .readers.records import parse_json, split_lines

_CAMEL_SPLIT = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})")
_MIXED = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]|[A-Za-z]\d|\d[A-Za-z]")


@dataclass
class LexEntry:
    """One lexicon entity: its canonical name, kind, family, aliases.

    Example:
        >>> LexEntry("Medusa", "system").family
        'Medusa'
    """

    name: str
    kind: str
    family: str = ""
    aliases: tuple[str, ...] = ()
    introduced_by: dict | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if not self.family:
            self.family = self.name


@dataclass
class Lexicon:
    """Entities by canonical name, plus the blocked strings.

    Example:
        >>> lex = Lexicon.load()
        >>> lex["FlashAttention-2"].family
        'FlashAttention'
        >>> lex.is_blocked("GPU")
        True
    """

    entries: dict[str, LexEntry] = field(default_factory=dict)
    blocked: set[str] = field(default_factory=set)
    organisations: set[str] = field(default_factory=set)

    def __getitem__(self, name: str) -> LexEntry:
        return self.entries[name]

    def __contains__(self, name: object) -> bool:
        return name in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: LexEntry) -> None:
        """Add (or replace) an entity.

        Example:
            >>> lex = Lexicon(); lex.add(LexEntry("Orca", "system")); len(lex)
            1
        """
        self.entries[entry.name] = entry

    def block(self, names: Iterable[str]) -> None:
        """Mark strings as never being named entities (compared case-insensitively
        for all-caps acronyms and their plurals).

        Example:
            >>> lex = Lexicon(); lex.block(["GPU"]); lex.is_blocked("GPUs")
            True
        """
        for n in names:
            self.blocked.add(n)
            self.blocked.add(n.casefold())

    def is_blocked(self, surface: str) -> bool:
        """Whether ``surface`` (or its singular) is a blocked string.

        Example:
            >>> Lexicon(blocked={"LLM", "llm"}).is_blocked("LLMs")
            True
        """
        if surface in self.blocked or surface.casefold() in self.blocked:
            return True
        if surface.endswith("s") and len(surface) > 2:
            if surface.endswith("es") and len(surface) > 3 and self.is_blocked(surface[:-2]):
                return True  # "OSes", "IDEs"
            return self.is_blocked(surface[:-1])
        return False

    def surfaces(self) -> Iterator[tuple[str, LexEntry, bool]]:
        """Every string the linker looks for: ``(surface, entry, case_sensitive)``.

        Example:
            >>> lex = Lexicon(); lex.add(LexEntry("FlashAttention", "system"))
            >>> sorted(s for s, _, _ in lex.surfaces())
            ['Flash Attention', 'Flash-Attention', 'FlashAttention']
        """
        for entry in self.entries.values():
            seen: set[str] = set()
            for s in (entry.name, *entry.aliases):
                for v in spelling_variants(s, method=entry.kind == "method"):
                    if v in seen or (self.is_blocked(v) and entry.kind != "method"):
                        continue
                    seen.add(v)
                    yield v, entry, case_sensitive(v, entry.kind)

    @classmethod
    def load(cls, extra: Iterable[str | os.PathLike] = (), bundled: bool = True) -> Lexicon:
        """The bundled lexicon, then each ``extra`` file on top of it.

        Example:
            >>> len(Lexicon.load()) > 500
            True
        """
        from ._resources import data_path

        lex = cls()
        files: list[Path] = []
        if bundled:
            files += sorted(data_path("lexicon").glob("*.jsonl"))
        files += [Path(p) for p in extra]
        for f in files:
            lex._load_file(f)
        return lex

    def _load_file(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"cannot read lexicon: {e}", str(path)) from None
        for n, line in enumerate(split_lines(text), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            loc = f"{path}:{n}"
            obj = parse_json(
                line, str(path), line=n, what="JSON in lexicon"
            )  # located error: broken, too deep
            if not isinstance(obj, dict):
                raise InputError("lexicon line is not a JSON object", loc)
            if "block" in obj or "organisations" in obj:
                key = "block" if "block" in obj else "organisations"
                names = obj[key]
                names = [names] if isinstance(names, str) else names
                if not isinstance(names, list) or not all(isinstance(x, str) for x in names):
                    raise InputError(f'"{key}" must be a string or a list of strings', loc)
                if key == "block":
                    self.block(names)
                else:
                    self.organisations.update(n.strip() for n in names)
                continue
            if "source_of" in obj:  # the paper that introduced an entity given before
                self._source(obj, loc)
                continue
            name, kind = obj.get("name"), obj.get("kind")
            if not isinstance(name, str) or not name.strip():
                raise InputError("lexicon entry has no name", loc)
            if kind not in ENTITY_KINDS:
                raise InputError(
                    f"lexicon entry {name!r} has kind {kind!r}; use one of "
                    + ", ".join(ENTITY_KINDS),
                    loc,
                )
            aliases = obj.get("aliases") or []
            if isinstance(aliases, str):
                aliases = [aliases]
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise InputError(
                    f'lexicon entry {name!r}: "aliases" must be a list of strings', loc
                )
            if not isinstance(obj.get("family") or "", str):
                raise InputError(f'lexicon entry {name!r}: "family" must be a string', loc)
            self.add(
                LexEntry(
                    name=name.strip(),
                    kind=kind,
                    family=(obj.get("family") or "").strip(),
                    aliases=tuple(a.strip() for a in aliases if a and a.strip()),
                    introduced_by=obj.get("introduced_by"),
                    source=loc,
                )
            )

    def _source(self, obj: dict, loc: str) -> None:
        """``{"source_of": NAME, "introduced_by": {"title", "arxiv", "year"}}``: NAME's
        introducing paper, for an entity a file before this one (or this one) gives."""
        name, src = obj.get("source_of"), obj.get("introduced_by")
        if not isinstance(name, str) or name.strip() not in self.entries:
            raise InputError(f"source for {name!r}, which no lexicon entry before it names", loc)
        if not isinstance(src, dict) or not all(isinstance(k, str) for k in src):
            raise InputError(f'source for {name!r}: "introduced_by" must be an object', loc)
        self.entries[name.strip()].introduced_by = src


def spelling_variants(name: str, method: bool = False) -> list[str]:
    """The surface forms generated for one lexicon string.

    Parts joined by hyphen, space or nothing ("Megatron-LM", "Megatron LM",
    "MegatronLM"), CamelCase split ("Flash Attention"); for method concepts,
    lower case and the plural of the last word.

    Example:
        >>> spelling_variants("Megatron-LM")
        ['Megatron-LM', 'Megatron LM', 'MegatronLM']
        >>> spelling_variants("pipeline parallelism", method=True)[:3]
        ['pipeline parallelism', 'pipeline-parallelism', 'pipeline parallelisms']
    """
    base = name.lower() if method else name
    out = [base]

    def add(s: str) -> None:
        if s and s not in out:
            out.append(s)

    if "-" in base:
        add(base.replace("-", " "))
        if not method:
            add(base.replace("-", ""))
    if " " in base:
        add(base.replace(" ", "-"))
        if not method and all(len(w) > 1 for w in base.split()):
            add(base.replace(" ", ""))
    if not method and _CAMEL_SPLIT.search(base):
        split = _CAMEL_SPLIT.sub(" ", base)
        add(split)
        add(split.replace(" ", "-"))
    if method:
        for s in list(out):
            if s[-1].isalpha() and not s.endswith("s"):
                add(s + ("es" if s.endswith(("x", "ch", "sh")) else "s"))
    return out


#: Lexicon files derived from another source rather than curated as names: their long forms
#: are a method's descriptive title as often as a name ("Contextual Word Vectors").
DERIVED_FILES = ("pwc-names.jsonl",)


def is_derived(entry: LexEntry) -> bool:
    """Was ``entry`` read from a derived lexicon file (:data:`DERIVED_FILES`)?

    Example:
        >>> is_derived(LexEntry("CoVe", "model", source="data/lexicon/pwc-names.jsonl:178"))
        True
    """
    path = entry.source.rsplit(":", 1)[0]
    return path.endswith(DERIVED_FILES)


def case_sensitive(surface: str, kind: str) -> bool:
    """Whether a surface must match with its exact case.

    Method concepts match in any case. A name with mixed case, or letters and
    digits (LLaMA, vLLM, FlashAttention, Qwen2), is unlikely to be an ordinary word
    and matches in any case ("Llama" finds LLaMA); a plain capitalised word
    (Medusa, Clover) or a short acronym (OPT, T4) must match exactly.

    Example:
        >>> case_sensitive("Medusa", "system"), case_sensitive("LLaMA", "model")
        (True, False)
    """
    if kind == "method":
        return False
    return not (len(surface) >= 4 and _MIXED.search(surface))
