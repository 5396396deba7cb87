"""Score the linker against hand-annotated papers (the gold format of ``data/eval``).

A gold file is a JSON array; each paper has ``title``, ``introduces`` (names),
``aliases`` (name → other strings), ``components`` and ``mentions`` (one row per
distinct surface: ``surface``, ``canonical``, ``family``, ``type``). Named
mentions are scored two ways:

* strict: a predicted surface equals a gold surface (or canonical name);
* relaxed: they share a word (case-insensitive), e.g. "Llama-3" vs "LLaMA-3-8B".

Introduced names count as found when the predicted name or one of its aliases
equals the gold name or one of its aliases (ignoring case, spaces, hyphens, ``$``).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .model import Mention, Paper
from .readers.records import latex_text

GOLD_KINDS = ("system", "model", "dataset", "hardware", "other")


@dataclass
class Score:
    """Counts and the rates derived from them.

    Example:
        >>> s = Score(tp=9, fp=1, fn=3); (s.precision, s.recall, round(s.f1, 3))
        (0.9, 0.75, 0.818)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores by measure and kind, with the misses and false positives listed.

    Example:
        >>> Report().scores
        {}
    """

    scores: dict[str, Score] = field(default_factory=dict)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)

    def score(self, key: str) -> Score:
        return self.scores.setdefault(key, Score())

    def table(self) -> str:
        """The scores as an aligned text table.

        Example:
            >>> r = Report(); r.score("strict/all").tp += 1; print(r.table().split()[0])
            measure
        """
        lines = [f"{'measure':<24}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for key in sorted(self.scores, key=_order):
            s = self.scores[key]
            lines.append(
                f"{key:<24}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                f"{s.tp:>6}{s.fp:>6}{s.fn:>6}"
            )
        return "\n".join(lines)


def _order(key: str) -> tuple:
    a, _, b = key.partition("/")
    return (a, b != "all", b)


def load_gold(path: str | Path) -> list[dict]:
    """Read a gold file (a JSON array of annotated papers).

    Example:
        >>> from graphtool._resources import data_path
        >>> len(load_gold(data_path("eval", "seed-dev-gold.json")))
        30
    """
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    for g in gold:  # titles as graphtool reads them: "PanGu-$α$" is read as "PanGu-α"
        if isinstance(g, dict) and isinstance(g.get("title"), str):
            g["title"] = latex_text(g["title"])
    return gold


def _key(s: str) -> str:
    return re.sub(r"[\s\-_$]+", "", s).casefold()


def _words(s: str) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9+]+", s.casefold()) if w}


def score(gold: list[dict], papers: list[Paper], mentions: list[Mention]) -> Report:
    """Precision, recall and F1 of named mentions (strict, relaxed, per kind) and of
    introduced names, for the gold papers found in ``papers`` by title.

    Example:
        >>> import graphtool as gt
        >>> from graphtool._resources import data_path
        >>> ps = gt.read(gt.bundled_corpus())
        >>> r = score(load_gold(data_path("eval", "seed-dev-gold.json")), ps, gt.link(ps))
        >>> r.scores["strict/all"].tp > 0
        True
    """
    by_title: dict[str, Paper] = {}
    for p in papers:  # a title seen twice (a record and its stub): keep the fuller one
        if len(p.abstract) > len(by_title.get(p.title, p).abstract) or p.title not in by_title:
            by_title[p.title] = p
    by_paper: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_paper[m.paper].append(m)
    report = Report()
    for g in gold:
        p = by_title.get(g["title"]) or by_title.get(latex_text(g["title"]))
        if p is None:
            raise ValueError(f"gold paper not in the corpus: {g['title']!r}")
        ms = by_paper[p.id]
        own = _own_names(g)
        _score_mentions(report, g, p, ms, own)
        _score_intros(report, g, p, ms)
    return report


def _own_names(g: dict) -> set[str]:
    names = set(g.get("introduces", [])) | set(g.get("components", []))
    for k, vs in g.get("aliases", {}).items():
        names.add(k)
        names.update(vs)
    return {_key(n) for n in names}


def _score_mentions(report: Report, g: dict, p: Paper, ms: list[Mention], own: set[str]) -> None:
    gold_rows = g.get("mentions", [])
    pred = {}
    for m in ms:
        if m.relation != "mentions" or m.kind == "method":
            continue
        pred.setdefault(m.surface, m)
    # strict
    matched_pred: set[str] = set()
    for row in gold_rows:
        hit = next(
            (s for s in pred if s == row["surface"] or _key(s) == _key(row["surface"])), None
        )
        kind = row["type"]
        if hit is not None:
            matched_pred.add(hit)
            report.score("strict/all").tp += 1
            report.score(f"strict/{kind}").tp += 1
        else:
            report.score("strict/all").fn += 1
            report.score(f"strict/{kind}").fn += 1
            report.misses.append((p.title[:50], row["surface"], kind))
    for s, m in pred.items():
        if s in matched_pred:
            continue
        if _key(s) in own:
            continue  # the paper's own name: scored under introductions
        report.score("strict/all").fp += 1
        report.score(f"strict/{m.kind}").fp += 1
        report.false_positives.append((p.title[:50], s, m.kind))
    # relaxed: overlapping words; the same spelling first, so that the order in which the
    # paper writes a name and its abbreviation does not decide what matches what
    used: set[str] = set()
    hits: dict[int, str] = {}
    for i, row in enumerate(gold_rows):
        same = next((s for s in pred if s not in used and _key(s) == _key(row["surface"])), None)
        if same is not None:
            used.add(same)
            hits[i] = same
    for i, row in enumerate(gold_rows):
        if i in hits:
            report.score("relaxed/all").tp += 1
            continue
        gw = _words(row["surface"]) | _words(row["canonical"])
        hit = next((s for s in pred if s not in used and _words(s) & gw), None)
        if hit is not None:
            used.add(hit)
            report.score("relaxed/all").tp += 1
        else:
            report.score("relaxed/all").fn += 1
    for s in pred:
        if s not in used and _key(s) not in own:
            report.score("relaxed/all").fp += 1


def _score_intros(report: Report, g: dict, p: Paper, ms: list[Mention]) -> None:
    gold = []
    for name in g.get("introduces", []):
        keys = {_key(name)} | {_key(a) for a in g.get("aliases", {}).get(name, [])}
        gold.append((name, keys))
    pred = []
    for m in ms:
        if m.relation == "introduces":
            keys = {_key(m.entity), _key(m.surface)} | {_key(a) for a in m.aliases}
            if all(keys.isdisjoint(k) for _, k in pred):
                pred.append((m.entity, keys))
    matched = set()
    for name, keys in gold:
        hit = next((i for i, (_, k) in enumerate(pred) if k & keys and i not in matched), None)
        if hit is None:
            report.score("introduces/all").fn += 1
            report.misses.append((p.title[:50], name, "introduces"))
        else:
            matched.add(hit)
            report.score("introduces/all").tp += 1
    own = _own_names(g)
    for i, (name, keys) in enumerate(pred):
        if i not in matched and keys.isdisjoint(own):  # a component or alias is no error
            report.score("introduces/all").fp += 1
            report.false_positives.append((p.title[:50], name, "introduces"))
