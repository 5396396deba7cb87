"""How systems and methods rise and fall: mentions per period, and their bursts.

For each entity, the number of papers per period (year, or month) that name it, and
its bursts found with Kleinberg's burst detection (two states, as CiteSpace uses it):
J. Kleinberg, "Bursty and Hierarchical Structure in Streams", KDD 2002, section 4
(the "enumerating" model for documents that arrive in batches).

In period ``t`` there are ``d[t]`` papers, ``r[t]`` of which name the entity. The
base state expects the share ``p0 = sum(r) / sum(d)``; the burst state ``p1 = s * p0``
(``s = 2``, capped below 1). A period costs ``-ln(C(d, r) p^r (1 - p)^(d - r))`` in a
state, moving up to the burst state costs ``gamma * ln(n)`` (``n`` periods, ``gamma
= 1``), moving down is free, and the cheapest state sequence (Viterbi) marks the
bursts. A burst's *strength* is what the burst state saves over the base state in its
periods (the sum of ``cost0 - cost1``), the weight Kleinberg defines and CiteSpace
reports as "Strength".
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from .model import Mention, Paper

PERIODS = ("auto", "year", "month")
#: The paper -> entity relations that count as naming it.
_NAMING = frozenset(("introduces", "mentions", "uses"))


@dataclass(frozen=True)
class Burst:
    """A run of periods in the burst state, with its strength.

    Example:
        >>> Burst("2024", "2025", 3.2).span
        '2024–2025'
    """

    start: str
    end: str
    strength: float

    @property
    def span(self) -> str:
        """``start–end``, or the one period."""
        return self.start if self.start == self.end else f"{self.start}–{self.end}"


@dataclass
class Trend:
    """One entity's papers per period and its bursts.

    Example:
        >>> t = Trend("Medusa", "system", [0, 2, 5])
        >>> t.total
        7
    """

    entity: str
    kind: str
    counts: list[int]
    bursts: list[Burst] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Papers that name the entity, over every period."""
        return sum(self.counts)

    @property
    def strength(self) -> float:
        """The strongest burst's strength (0 without a burst)."""
        return max((b.strength for b in self.bursts), default=0.0)


@dataclass
class Trends:
    """The periods, the papers in each, and a :class:`Trend` per entity.

    ``undated`` counts the papers left out because they have no year.

    Example:
        >>> t = Trends(["2024", "2025"], [4, 6], [Trend("Medusa", "system", [1, 3])])
        >>> t.rows[0].total, t.by
        (4, 'year')
    """

    periods: list[str]
    papers: list[int]
    rows: list[Trend]
    undated: int = 0
    by: str = "year"


def _cost(r: int, d: int, p: float) -> float:
    """``-ln`` of the binomial probability of ``r`` hits in ``d`` at rate ``p``."""
    if d == 0:
        return 0.0
    log_choose = math.lgamma(d + 1) - math.lgamma(r + 1) - math.lgamma(d - r + 1)
    return -(log_choose + r * math.log(p) + (d - r) * math.log(1 - p))


def burst_states(
    r: list[int], d: list[int], s: float = 2.0, gamma: float = 1.0
) -> tuple[list[int], list[float]]:
    """Kleinberg's two-state burst detection: the cheapest state (0 base, 1 burst) per
    period, and what the burst state saves in each period (``cost0 - cost1``).

    Example:
        >>> states, _ = burst_states([1, 1, 1, 8, 9, 1, 1], [20] * 7)
        >>> states
        [0, 0, 0, 1, 1, 0, 0]
        >>> burst_states([2, 2, 2], [10, 10, 10])[0]
        [0, 0, 0]
    """
    if len(r) != len(d):
        raise ValueError("r and d must have one value per period")
    n = len(r)
    if n == 0 or sum(d) == 0 or sum(r) == 0:
        return [0] * n, [0.0] * n
    p0 = sum(r) / sum(d)
    if p0 >= 1:
        return [0] * n, [0.0] * n
    p1 = min(s * p0, 0.9999)
    up = gamma * math.log(n) if n > 1 else gamma
    cost = [[_cost(r[t], d[t], p) for p in (p0, p1)] for t in range(n)]
    # Viterbi over two states; the stream starts in the base state
    best = [cost[0][0], up + cost[0][1]]
    back: list[list[int]] = []
    for t in range(1, n):
        stay0, from1_to0 = best[0], best[1]
        to1_from0, stay1 = best[0] + up, best[1]
        prev0 = 0 if stay0 <= from1_to0 else 1
        prev1 = 0 if to1_from0 < stay1 else 1
        best = [
            min(stay0, from1_to0) + cost[t][0],
            min(to1_from0, stay1) + cost[t][1],
        ]
        back.append([prev0, prev1])
    state = 0 if best[0] <= best[1] else 1
    states = [state]
    for t in range(n - 2, -1, -1):
        state = back[t][state]
        states.append(state)
    states.reverse()
    return states, [c0 - c1 for c0, c1 in cost]


def bursts(
    r: list[int], d: list[int], periods: list[str], s: float = 2.0, gamma: float = 1.0
) -> list[Burst]:
    """The bursts of one entity: runs of the burst state, with their strength.

    Example:
        >>> bursts([0, 1, 0, 9, 8, 1], [20] * 6, ["1", "2", "3", "4", "5", "6"])
        [Burst(start='4', end='5', strength=6.99...)]
    """
    states, saved = burst_states(r, d, s, gamma)
    out: list[Burst] = []
    t = 0
    while t < len(states):
        if states[t] != 1:
            t += 1
            continue
        start = t
        while t < len(states) and states[t] == 1:
            t += 1
        strength = sum(saved[start:t])
        out.append(Burst(periods[start], periods[t - 1], round(strength, 4)))
    return out


def _period(p: Paper, by: str) -> str | None:
    if p.year is None:
        return None
    if by == "month":
        month = getattr(p, "month", None)
        return f"{p.year}-{month:02d}" if month else None
    return str(p.year)


def _all_periods(keys: Iterable[str], by: str) -> list[str]:
    """Every period from the first to the last, empty ones included."""
    keys = sorted(set(keys))
    if not keys:
        return []
    if by == "year":
        return [str(y) for y in range(int(keys[0]), int(keys[-1]) + 1)]
    y, m = map(int, keys[0].split("-"))
    last = tuple(map(int, keys[-1].split("-")))
    out = []
    while (y, m) <= last:
        out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def trends(
    papers: Iterable[Paper],
    mentions: Iterable[Mention] | None = None,
    kind: str | Iterable[str] | None = None,
    entities: Iterable[str] | None = None,
    top: int = 10,
    by: str = "auto",
    s: float = 2.0,
    gamma: float = 1.0,
    graph: nx.MultiDiGraph | None = None,
    lexicon=None,
) -> Trends:
    """Papers per period naming each entity, for the ``top`` entities (most papers
    first) or the ``entities`` named, with their Kleinberg bursts.

    The entities are the graph's: each name as identity resolved it, so "DP" counts
    apart as data parallelism, DP (differential privacy) and DP (dirichlet process).
    They come from ``graph`` (a :func:`~graphtool.build_graph` of ``papers``) when it is
    given, else from ``build_graph(papers, mentions, lexicon)``: ``mentions`` are the
    linker's (``gt.link``'s, with the same ``lexicon``; linked here when None), not mentions
    identity has already resolved. Give one of ``graph`` and ``mentions``.

    ``by`` is ``year``, ``month`` or ``auto`` (months when every dated paper has one
    and the corpus spans at most three years). Papers without a year are left out
    and counted in ``undated``; with no dated paper at all this raises
    :class:`~graphtool.errors.GraphtoolError`.

    Example:
        >>> import graphtool as gt
        >>> recs = [{"title": f"P{i}", "abstract": "We use Medusa." if i > 5 else "We study X.",
        ...          "year": 2018 + i % 8} for i in range(16)]
        >>> t = trends(gt.read(recs), by="year")
        >>> t.periods[:3], t.rows[0].entity, t.rows[0].counts
        (['2018', '2019', '2020'], 'Medusa', [1, 1, 1, 1, 1, 1, 2, 2])
    """
    from .errors import GraphtoolError

    papers = list(papers)
    if by not in PERIODS:
        raise GraphtoolError(f"unknown period {by!r}; choose one of: {', '.join(PERIODS)}")
    dated = [p for p in papers if p.year is not None]
    if not dated:
        raise GraphtoolError(
            "no paper has a year, so there is no trend to show; years come from a year "
            "field, a date or an arXiv id (2409.12345 is September 2024)"
        )
    if by == "auto":
        span = max(p.year for p in dated) - min(p.year for p in dated)
        monthly = all(getattr(p, "month", None) for p in dated)
        by = "month" if monthly and span <= 3 else "year"
    where = {p.id: _period(p, by) for p in papers}
    undated = sum(1 for k in where.values() if k is None)
    periods = _all_periods((k for k in where.values() if k), by)
    index = {k: i for i, k in enumerate(periods)}
    per_period = [0] * len(periods)
    for k in where.values():
        if k:
            per_period[index[k]] += 1
    if graph is None:
        from .graph import build_graph

        graph = build_graph(papers, None if mentions is None else list(mentions), lexicon)
    elif mentions is not None:
        raise GraphtoolError("give trends() a graph or mentions, not both")
    kinds = {kind} if isinstance(kind, str) else set(kind or ())
    wanted = {e.casefold() for e in entities} if entities else None
    seen: dict[str, set[str]] = defaultdict(set)
    kind_of: dict[str, str] = {}
    nodes = graph.nodes
    for u, v, rel in graph.edges(keys=True):
        if rel not in _NAMING or not u.startswith("paper:"):
            continue
        node = nodes[v]
        name, k = node["name"], node["kind"]
        if kinds and k not in kinds:
            continue
        if wanted is not None and name.casefold() not in wanted:
            continue
        pid = nodes[u].get("id", u[len("paper:") :])
        if where.get(pid):
            seen[name].add(pid)
            kind_of[name] = k
    rows = []
    for name, ids in seen.items():
        counts = [0] * len(periods)
        for pid in ids:
            counts[index[where[pid]]] += 1
        rows.append(Trend(name, kind_of[name], counts))
    rows.sort(key=lambda t: (-t.total, t.entity.casefold(), t.entity))
    if top and wanted is None:
        rows = rows[:top]
    for t in rows:
        t.bursts = bursts(t.counts, per_period, periods, s, gamma)
    return Trends(periods, per_period, rows, undated, by)


def records(t: Trends) -> list[dict]:
    """One record per entity, for a table, ``--json`` or ``--csv``.

    Example:
        >>> t = Trends(["2024", "2025"], [4, 4], [Trend("Medusa", "system", [0, 3])])
        >>> records(t)[0]["per_period"]
        {'2024': 0, '2025': 3}
    """
    out = []
    for i, row in enumerate(t.rows, 1):
        peak = max(range(len(row.counts)), key=lambda j: (row.counts[j], -j)) if row.counts else 0
        out.append(
            {
                "rank": i,
                "entity": row.entity,
                "kind": row.kind,
                "papers": row.total,
                "first": next((t.periods[j] for j, c in enumerate(row.counts) if c), None),
                "peak": t.periods[peak] if t.periods else None,
                "trend": sparkline(
                    [c / d if d else 0.0 for c, d in zip(row.counts, t.papers, strict=True)]
                ),
                "burst": ", ".join(b.span for b in row.bursts),
                "strength": round(row.strength, 2) if row.bursts else None,
                "per_period": dict(zip(t.periods, row.counts, strict=True)),
            }
        )
    return out


_BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(counts: list[float]) -> str:
    """Counts (or shares) as a row of block characters ("·" for zero).

    Example:
        >>> sparkline([0, 1, 4, 8])
        '·▁▄█'
    """
    hi = max(counts, default=0)
    if not hi:
        return "·" * len(counts)
    return "".join("·" if c <= 0 else _BLOCKS[min(7, math.ceil(c * 8 / hi) - 1)] for c in counts)


_COLORS = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
)  # fmt: skip


#: The chart draws the first this many entities (the table lists them all).
CHART_LINES = 10


def chart_html(t: Trends, title: str = "graphtool trends") -> str:
    """A self-contained HTML page (inline SVG, no script, no network): one line per
    entity (the first :data:`CHART_LINES`), its share of the period's papers, bursts
    drawn as thick segments.

    Example:
        >>> page = chart_html(Trends(["2024", "2025"], [4, 4], [Trend("<b>", "system", [1, 3])]))
        >>> "<svg" in page and "&lt;b&gt;" in page and "<b>" not in page
        True
    """
    esc = html.escape
    W, H, left, right, top_, bottom = 960, 420, 56, 220, 40, 48
    n = len(t.periods)
    rows = t.rows[:CHART_LINES]
    shares = [[c / d if d else 0.0 for c, d in zip(r.counts, t.papers, strict=True)] for r in rows]
    top = max((v for row in shares for v in row), default=0.0) or 1.0
    step = next(
        (x for x in (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2) if top / x <= 6),
        0.2,
    )
    ticks = math.ceil(top / step - 1e-9)
    ymax = ticks * step

    def x(i: int) -> float:
        return left + (W - left - right) * (i / (n - 1) if n > 1 else 0.5)

    def y(v: float) -> float:
        return top_ + (H - top_ - bottom) * (1 - v / ymax)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" '
        f'height="{H}" font-family="sans-serif" font-size="12">',
        f'<rect width="{W}" height="{H}" fill="#fff"/>',
        f'<text x="{left}" y="22" font-size="15" font-weight="bold">{esc(title)}</text>',
    ]
    for k in range(ticks + 1):
        v = step * k
        parts.append(
            f'<line x1="{left}" x2="{W - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#eee"/>'
            f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" fill="#555">'
            f"{v:.{0 if step >= 0.01 else 1}%}</text>"
        )
    step = max(1, math.ceil(n / 12))
    for i, p in enumerate(t.periods):
        if i % step == 0 or i == n - 1:
            parts.append(
                f'<text x="{x(i):.1f}" y="{H - bottom + 18}" text-anchor="middle" '
                f'fill="#555">{esc(p)}</text>'
            )
    parts.append(
        f'<text x="{left}" y="{H - 8}" fill="#555">share of the period\'s papers that name '
        f"each entity; thick: a burst (Kleinberg, s=2, γ=1)</text>"
    )
    for j, (row, vals) in enumerate(zip(rows, shares, strict=True)):
        color = _COLORS[j % len(_COLORS)]
        pts = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(vals))
        parts.append(
            f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="1.5">'
            f"<title>{esc(row.entity)}</title></polyline>"
        )
        index = {p: i for i, p in enumerate(t.periods)}
        for b in row.bursts:
            a, z = index[b.start], index[b.end]
            seg = " ".join(f"{x(i):.1f},{y(vals[i]):.1f}" for i in range(a, z + 1))
            if a == z:
                parts.append(
                    f'<circle cx="{x(a):.1f}" cy="{y(vals[a]):.1f}" r="4" fill="{color}"/>'
                )
            else:
                parts.append(
                    f'<polyline points="{seg}" fill="none" stroke="{color}" stroke-width="5" '
                    f'stroke-linecap="round"/>'
                )
        ly = top_ + 6 + j * 20
        label = f"{row.entity} ({row.total})"
        if row.bursts:
            label += f" burst {row.bursts[0].span}"
        parts.append(
            f'<rect x="{W - right + 14}" y="{ly - 9}" width="12" height="12" fill="{color}"/>'
            f'<text x="{W - right + 32}" y="{ly + 1}">{esc(label)}</text>'
        )
    parts.append("</svg>")
    svg = "\n".join(parts)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<title>{esc(title)}</title></head>\n<body style="margin:16px">\n{svg}\n</body></html>\n'
    )
