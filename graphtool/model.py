"""Plain data passed between the stages: papers in, mentions out.

Every stage of graphtool (read → link → build → analyze → render) hands the next
one these frozen records, so each stage can be used and tested on its own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

ENTITY_KINDS = ("system", "model", "dataset", "hardware", "method", "other")
RELATIONS = ("introduces", "mentions", "uses")


@dataclass(frozen=True, slots=True)
class Paper:
    """One paper: what a reader yields and every later stage consumes.

    Example:
        >>> Paper(id="clover", title="Clover: ...", abstract="We compare with Medusa.").id
        'clover'
    """

    id: str
    title: str
    abstract: str
    year: int | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    references: tuple[str, ...] = ()
    doi: str | None = None
    arxiv: str | None = None
    source: str = ""
    extra_ids: tuple[str, ...] = ()
    external_refs: int = 0
    month: int | None = None

    @property
    def when(self) -> tuple[int, int] | None:
        """``(year, month)`` for ordering papers in time; month 0 when only the year is known.

        Example:
            >>> Paper("a", "T", "A.", year=2024, month=9).when, Paper("b", "T", "A.").when
            ((2024, 9), None)
        """
        if self.year is None:
            return None
        return (self.year, self.month or 0)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named thing or a method concept that papers introduce, mention or use.

    Example:
        >>> Entity(id="flashattention-2", name="FlashAttention-2", kind="system",
        ...        family="FlashAttention").family
        'FlashAttention'
    """

    id: str
    name: str
    kind: str
    family: str | None = None
    aliases: tuple[str, ...] = ()
    introduced_by: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One finding of the linker, with the sentence that proves it.

    ``start``/``end`` are character offsets of ``surface`` in the paper's
    ``field`` (``title`` or ``abstract``).

    Example:
        >>> m = Mention(paper="clover", entity="Medusa", kind="system", family="Medusa",
        ...             relation="mentions", surface="Medusa", field="abstract",
        ...             start=10, end=16, sentence="We beat Medusa.", confidence=0.95,
        ...             how="lexicon")
        >>> m.relation
        'mentions'
    """

    paper: str
    entity: str
    kind: str
    family: str
    relation: str
    surface: str
    field: str
    start: int
    end: int
    sentence: str
    confidence: float
    how: str
    title: str = ""
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def to_record(self) -> dict:
        """The JSON Lines record ``graphtool link`` writes (a stable contract).

        Example:
            >>> sorted(Mention("p", "X", "system", "X", "mentions", "X", "abstract",
            ...                0, 1, "X.", 0.9, "lexicon").to_record())[:3]
            ['confidence', 'end', 'entity']
        """
        return {
            "paper": self.paper,
            "title": self.title,
            "entity": self.entity,
            "entity_id": slugify(self.entity),
            "kind": self.kind,
            "family": self.family,
            "relation": self.relation,
            "surface": self.surface,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "how": self.how,
            "confidence": round(self.confidence, 3),
        }


_SLUG_DROP = re.compile(r"[^a-z0-9+.]+")


def slugify(text: str, max_len: int = 80) -> str:
    """A stable, readable id for a title or a name.

    Accents are folded, case is dropped, runs of other characters become ``-``;
    ``+`` and ``.`` are kept so that ZeRO++ and ZeRO, GPT-3.5 and GPT-35 differ.

    Example:
        >>> slugify("PanGu-α: Large-scale Autoregressive Models")
        'pangu-a-large-scale-autoregressive-models'
        >>> slugify("ZeRO++")
        'zero++'
    """
    if text.isascii():  # nothing to fold (NFKD leaves ASCII as it is)
        text = text.lower()
    else:
        text = text.replace("α", "a").replace("β", "b").replace("γ", "g")
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    slug = _SLUG_DROP.sub("-", text).strip("-.")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] or slug[:max_len]
    return slug or "untitled"
