"""The ``graphtool`` command: a thin layer of click commands over the library."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import re
import sys
import warnings
import webbrowser
from pathlib import Path

import click

from . import _lifetime, analysis, corpus, graph, htmlmap, parallel
from . import export as export_mod
from . import store as store_mod
from . import trends as trends_mod
from .errors import BadRecords, DataWarning, GraphtoolError
from .lexicon import Lexicon
from .model import ENTITY_KINDS
from .output import csv_safe, write_atomic

#: Node kinds a --kind option accepts.
NODE_KINDS = ("paper", *ENTITY_KINDS)


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def _handle_errors(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except GraphtoolError as e:
            _fail(str(e))
        except OSError as e:
            _fail(f"{e.filename or ''}: {e.strerror}" if e.filename else str(e))

    return wrapper


def _remember(ctx: click.Context, param: click.Parameter, value):
    ctx.meta[f"graphtool.{param.name}"] = value
    return value


class InputFormat(click.Choice):
    """``--format``: the input format; an output format given there points to ``--to``.

    Example:
        >>> InputFormat(["bibtex", "jsonl"]).convert("jsonl", None, None)
        'jsonl'
    """

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            if str(value).lower() in export_mod.FORMATS:
                self.fail(
                    f"{value!r} is an output format: write it with --to {value} (or -f "
                    f"{value}); --format names the input format, one of: "
                    f"{', '.join(self.choices)}",
                    param,
                    ctx,
                )
            raise


def corpus_options(fn):
    """CORPUS arguments and the reading/linking options every command shares."""
    options = [
        click.argument("corpus_paths", metavar="[CORPUS]...", nargs=-1, type=click.Path()),
        click.option(
            "--format",
            "fmt",
            type=InputFormat(sorted(corpus.READERS)),
            help="Input format (default: from extension and content).",
        ),
        click.option("--skip-bad", is_flag=True, help="Load the good records, report the bad."),
        click.option("--encoding", default="utf-8", show_default=True, help="Input encoding."),
        click.option(
            "--lexicon",
            "lexicons",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False),
            help="Extra lexicon file (JSON Lines); repeatable.",
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress or notes on stderr."),
        # Stored in the click context rather than passed as parameters, so that every
        # command (map included) gets them without a change to its signature.
        click.option(
            "--columns",
            expose_value=False,
            callback=_remember,
            metavar="FIELD=NAME,...",
            help="CSV/TSV header names to use, e.g. title=Title,abstract=Abstract.",
        ),
        click.option(
            "--report",
            is_flag=True,
            expose_value=False,
            callback=_remember,
            help="Say what was read from each file and which records were merged.",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            default=None,
            expose_value=False,
            callback=_remember,
            help="Processes that link and attribute mentions (default: every core), e.g. -j 1.",
        ),
    ]
    for opt in reversed(options):
        fn = opt(fn)
    return fn


class Session:
    """What one command read and linked, built once and shared by its steps."""

    def __init__(self, paths, fmt, skip_bad, encoding, lexicons, quiet):
        _lifetime.keep(self)  # it lives as long as its command: not freed when that returns
        self.quiet = quiet
        self.paths = list(paths) or [str(corpus.bundled_corpus())]
        meta = ctx.meta if (ctx := click.get_current_context(silent=True)) else {}
        self.jobs = meta.get("graphtool.jobs")
        self.store = None
        self._mentions = None
        self._graph = None
        stores = [p for p in self.paths if store_mod.is_store(p)]
        if stores:
            if len(self.paths) > 1:
                raise GraphtoolError(
                    "a store is read alone, not with other inputs; "
                    "add files to it with: graphtool add STORE FILE...",
                    stores[0],
                )
            self.store = store_mod.Store(stores[0])
            if lexicons:
                self.note("note: --lexicon is used when a store is built, not when it is read")
            self.papers = self.store.papers()
            if meta.get("graphtool.report"):
                for line in read_report(self.papers):
                    click.echo(line, err=True)
            self.lexicon = None
            return
        try:
            self.papers = corpus.read(
                self.paths,
                format=fmt,
                skip_bad=skip_bad,
                encoding=encoding,
                columns=meta.get("graphtool.columns"),
            )
        except BadRecords as e:
            raise GraphtoolError(str(e)) from None
        kinds: dict[str, list[str]] = {}
        for path, what in self.papers.ignored:
            kinds.setdefault(what, []).append(path)
        for what, paths in kinds.items():
            self.note(
                f"skipped {len(paths)} file(s) that are {what.split(' ', 1)[1]}s, not corpora "
                f"(name a file to read it anyway): {', '.join(paths)}"
            )
        if meta.get("graphtool.report"):
            for line in read_report(self.papers):
                click.echo(line, err=True)
        if self.papers.skipped:
            self.note(f"skipped {len(self.papers.skipped)} bad record(s):")
            for err in self.papers.skipped:
                self.note(f"  {err}")
        if not self.papers:
            raise GraphtoolError("no papers to work on", ", ".join(self.paths))
        self.lexicon = Lexicon.load(extra=lexicons)
        _settle()

    def note(self, msg: str) -> None:
        if not self.quiet:
            click.echo(msg, err=True)

    def step(self, msg: str) -> None:
        """Progress of a long step: on a terminal only, never with --quiet."""
        if not self.quiet and sys.stderr.isatty():
            click.echo(f"{msg}…", err=True)

    def progress(self, label: str, total: int):
        """A progress bar on a terminal for long work, else nothing: a context manager
        giving ``step(done)``."""
        return _Progress(label, total, not self.quiet and sys.stderr.isatty() and total >= 200)

    @property
    def mentions(self):
        if self._mentions is None:
            if self.store is not None:
                self._mentions = self.store.mentions()
            else:
                with self.progress("Linking", len(self.papers)) as step:
                    self._mentions = parallel.link(
                        self.papers, self.lexicon, jobs=self.jobs, progress=step
                    )
            _settle()
        return self._mentions

    @property
    def resolved(self) -> list:
        """The mentions as the graph sees them: after the identity stage, so that a name
        with two meanings in the corpus is two entities (see graphtool.identity)."""
        from .identity import resolve

        return resolve(
            self.papers, self.mentions, graph._known_names(self.lexicon), jobs=self.jobs
        )[0]

    @property
    def graph(self):
        if self._graph is None:
            if self.store is not None:
                self._graph = self.store.graph()
            else:
                self._graph = graph.build_graph(
                    self.papers, self.mentions, self.lexicon, jobs=self.jobs
                )
            _settle()
        return self._graph


#: True when the command runs in a process of its own (:func:`run`), not called from
#: Python (a test's CliRunner, a notebook) whose objects must stay collectable.
_OWN_PROCESS = False


def _settle() -> None:
    """What a command has built so far lives until its process exits: keep the
    garbage collector from walking it again and again (at 100,000 papers each full
    collection walks millions of objects; 10-15% of a map's CPU)."""
    if _OWN_PROCESS:
        gc.freeze()


class _Progress:
    def __init__(self, label: str, total: int, show: bool) -> None:
        self.label, self.total, self.show = label, total, show
        self.bar = None
        self.done = 0

    def __enter__(self):
        if self.show:
            self.bar = click.progressbar(length=self.total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        return self.step

    def step(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n - self.done)
            self.done = n

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphtool", prog_name="graphtool")
def main() -> None:
    """graphtool: link the systems and methods paper abstracts name, and map them.

    \b
    graphtool map                          # bundled example corpus -> outputs/map.html
    graphtool map papers.jsonl --open      # your corpus, opened in the browser
    graphtool link papers.jsonl -o mentions.jsonl
    graphtool centrality papers.jsonl --kind paper --top 15
    """


@main.command("map")
@corpus_options
@click.option(
    "-o",
    "--output",
    default="outputs/map.html",
    show_default=True,
    type=click.Path(),
    help="Where to write the page, e.g. -o field.html.",
)
@click.option(
    "--view",
    type=click.Choice(htmlmap.VIEWS),
    default="full",
    show_default=True,
    help="What to draw: papers and entities (full), papers joined by shared entities "
    "weighted by rarity (papers), or entities joined by co-occurrence (entities); "
    "e.g. --view papers.",
)
@click.option(
    "--color",
    type=click.Choice(htmlmap.COLORS),
    default="community",
    show_default=True,
    help="What the node colours show, e.g. --color year (switchable in the page).",
)
@click.option(
    "--size",
    type=click.Choice(htmlmap.SIZES),
    default="pagerank",
    show_default=True,
    help="Centrality that sizes the nodes and picks the kept ones, e.g. --size degree.",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=0),
    default=htmlmap.MAX_NODES,
    show_default=True,
    help="Draw at most this many nodes, the most central; a view of more than this or "
    "1,000 nodes opens as an overview (no entity named by one paper only, no node left "
    "without a link). The page says what was left out. 0 draws all, e.g. --max-nodes 0.",
)
@click.option(
    "--title",
    default=None,
    help='Page title (default: from the corpus name), e.g. --title "LLM serving".',
)
@click.option("--open", "open_browser", is_flag=True, help="Open the map in the browser.")
@_handle_errors
def map_cmd(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet, output, view, color, size,
            max_nodes, title, open_browser):  # fmt: skip
    """Write the interactive HTML map of CORPUS (default: the bundled example).

    The file works offline and from file://: every script is inside it. Search,
    filters, the evidence panel and PNG export are in the page; positions are
    computed beforehand, so even thousands of nodes open at once.

    \b
    Example:
        graphtool map                               # -> outputs/map.html
        graphtool map papers.jsonl -o field.html --open
        graphtool map --view papers --color year --size degree
        graphtool map big.jsonl --max-nodes 500     # the 500 most central nodes
    """
    s = Session(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet)
    if color == "year" and not any(p.year for p in s.papers):
        s.note(
            "no paper has a year, so --color year draws every node grey; years come from a "
            "year field, a date or an arXiv id"
        )
    G = s.graph
    name = title or f"graphtool map: {Path(s.paths[0]).name}"
    out = htmlmap.render(
        G,
        output,
        title=name,
        view=view,
        color=color,
        size=size,
        max_nodes=max_nodes,
        progress=s.step,
    )
    kinds = {}
    for _, k in G.nodes(data="kind"):
        kinds[k] = kinds.get(k, 0) + 1
    summary = ", ".join(f"{v} {k}" for k, v in sorted(kinds.items()))
    view_note = "" if view == "full" else f"{view} view of "
    meta = out.meta  # what the page counted (the whole graph's edges, unlinked papers…)
    alone = meta["unlinked"]
    alone_note = f"; {alone} of {kinds.get('paper', 0)} papers link to nothing" if alone else ""
    click.echo(f"wrote {out} ({view_note}{summary}; {meta['graph_edges']} edges{alone_note})")
    if meta["left_out"]:
        s.note(
            f"drew the {meta['drawn']} most central of {meta['in_view']} nodes ({size}); "
            f"--max-nodes 0 draws them all"
        )
        why = []
        if meta["single_left_out"]:
            why.append(f"{meta['single_left_out']} entities named by one paper only")
        if meta["lonely_left_out"]:
            why.append(f"{meta['lonely_left_out']} nodes with no link to the rest")
        if why:
            s.note("an overview: left out " + " and ".join(why))
    if open_browser:
        uri = out.resolve().as_uri()
        if not webbrowser.open(uri):
            click.echo(f"no browser found; open {uri} yourself", err=True)


@main.command("link")
@corpus_options
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    default=None,
    help="Write JSON Lines here (default: standard output).",
)
@_handle_errors
def link_cmd(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet, output):
    """Write every mention in CORPUS as JSON Lines, one object a line, as the graph
    sees it: a name with two meanings in the corpus is two entities ("DP (differential
    privacy)", "DP (dirichlet process)").

    Keys: paper, title, entity, entity_id, kind, family, relation, surface,
    field, start, end, sentence, how, confidence.

    \b
    Example:
        graphtool link papers.jsonl -o outputs/mentions.jsonl
        graphtool link | jq -r 'select(.kind=="system") .entity' | sort | uniq -c
    """
    s = Session(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet)
    mentions = s.resolved
    lines = "".join(
        json.dumps(m.to_record(), ensure_ascii=False, sort_keys=False) + "\n" for m in mentions
    )
    if output:
        write_atomic(output, lines)
        s.note(f"wrote {len(mentions)} mentions of {len(s.papers)} papers to {output}")
    else:
        click.echo(lines, nl=False)


@main.command("centrality")
@corpus_options
@click.option(
    "--metric",
    type=click.Choice(analysis.METRICS),
    default="pagerank",
    show_default=True,
    help="The centrality, e.g. --metric betweenness.",
)
@click.option(
    "--kind",
    type=click.Choice(NODE_KINDS),
    default=None,
    help="Only nodes of this kind, e.g. --kind paper.",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=15,
    show_default=True,
    help="Rows to show (0: all).",
)
@click.option("--json", "as_json", is_flag=True, help="JSON records instead of a table.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV rows instead of a table.")
@_handle_errors
def centrality_cmd(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet, metric, kind, top,
                   as_json, as_csv=False):  # fmt: skip
    """Rank the nodes of CORPUS's graph by a centrality.

    \b
    Example:
        graphtool centrality --metric pagerank --kind paper --top 15
        graphtool centrality papers.jsonl --metric betweenness --kind system --json
    """
    s = Session(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet)
    stored = s.store.centrality(metric, kind) if s.store is not None else None
    sample = None
    if stored is not None:  # computed when the store was built: no graph to load
        rows = stored[:top] if top else stored
        attrs = s.store.node_attrs(n for n, _ in rows)
    else:
        G = s.graph
        sample = analysis.betweenness_sample(G) if metric == "betweenness" else None
        if sample:
            s.step(f"estimating betweenness from {sample} sampled nodes")
        rows = analysis.centrality(G, metric, kind=kind)
        if top:
            rows = rows[:top]
        attrs = G.nodes
    records = [
        {
            "rank": i,
            "node": n,
            "kind": attrs[n]["kind"],
            "name": attrs[n].get("title") or attrs[n].get("name"),
            metric: round(score, 6),
        }
        for i, (n, score) in enumerate(rows, 1)
    ]
    if as_json or as_csv:
        _emit(records, ["rank", metric, "kind", "name"], as_json, as_csv)
    else:
        click.echo(_table(records, ["rank", metric, "kind", "name"]))
    if sample:
        sys.stdout.flush()
        s.note(
            f"betweenness is sampled: estimated from {sample} seeded source nodes "
            f"(exact only up to {analysis.BETWEENNESS_EXACT_MAX} nodes)"
        )


def _table(records: list[dict], columns: list[str], width: int | None = None) -> str:
    """An aligned table (rich) that fits the terminal: numbers right-aligned, long text
    columns shrunk to one common width and cut with "…". The width is the terminal's
    (or ``COLUMNS``); piped with neither, text cells are cut at 90 characters only.

    Example:
        >>> print(_table([{"rank": 1, "name": "A very long title " * 5}], ["rank", "name"], 40))
        rank   name
        ────────────────────────────────────────
           1   A very long title A very long ti…
    """
    import io
    import shutil

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    if width is None and (sys.stdout.isatty() or os.environ.get("COLUMNS")):
        width = shutil.get_terminal_size((120, 24)).columns
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="")
    places = {c: _places([r.get(c) for r in records]) for c in columns}
    cells = [[_cell(r.get(c), places[c]) for c in columns] for r in records]
    numeric = [
        any(r.get(c) is not None for r in records)
        and all(r.get(c) is None or (isinstance(r.get(c), (int, float))
                                     and not isinstance(r.get(c), bool)) for r in records)
        for c in columns
    ]  # fmt: skip
    natural = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    long = [not num and n > 12 for num, n in zip(numeric, natural, strict=True)]
    if width is None:  # piped: no terminal to fit, only very long cells are cut
        widths = [min(n, 90) if lg else n for n, lg in zip(natural, long, strict=True)]
        width = sum(widths) + 3 * (len(columns) - 1)
    else:
        widths = _fit(natural, long, width - 3 * (len(columns) - 1))
    for c, num, w in zip(columns, numeric, widths, strict=True):
        table.add_column(
            c, justify="right" if num else "left", no_wrap=True, overflow="ellipsis", width=w
        )
    for row in cells:
        table.add_row(*(Text(v) for v in row))
    buf = io.StringIO()
    console = Console(
        file=buf, width=width, color_system=None, highlight=False, emoji=False, markup=False,
        legacy_windows=False,
    )  # fmt: skip
    console.print(table)
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines() if line.strip())


def _fit(natural: list[int], shrinkable: list[bool], room: int) -> list[int]:
    """Column widths that fit ``room``: the shrinkable (long text) columns are capped at
    one common width, as wide as the room allows but not under 12.

    Example:
        >>> _fit([4, 80, 8, 200], [False, True, False, True], 60)
        [4, 24, 8, 24]
    """
    fixed = sum(n for n, s in zip(natural, shrinkable, strict=True) if not s)
    long = sorted(n for n, s in zip(natural, shrinkable, strict=True) if s)
    cap = max(long, default=0)
    if fixed + sum(long) > room and long:
        left, rest = room - fixed, len(long)
        for n in long:
            if n * rest <= left:
                left -= n
                rest -= 1
            else:
                break
        cap = max(12, left // rest if rest else 12)
    return [min(n, cap) if s else n for n, s in zip(natural, shrinkable, strict=True)]


def _places(values: list) -> int:
    """Decimal places that show every float of a column exactly, at most 6.

    Example:
        >>> _places([6.22, 0.5, None]), _places([0.0170423, 1.0]), _places(["a"])
        (2, 6, 6)
    """
    floats = [v for v in values if isinstance(v, float)]
    if not floats:
        return 6
    return next((d for d in range(7) if all(round(v, d) == v for v in floats)), 6)


def _cell(v, places: int = 6) -> str:
    if isinstance(v, float):
        return f"{v:.{places}f}"
    return "" if v is None else re.sub(r"[\r\n\t]+", " ", str(v))


# ------------------------------------------------------------------ formats & analysis


def read_report(papers: corpus.Corpus) -> list[str]:
    """What ``--report`` prints: each file with its format and records, then each merge."""
    lines = [f"read {path} ({fmt}): {n} record(s)" for path, fmt, n in papers.files]
    if papers.merges:
        lines.append(f"merged {len(papers.merges)} record(s) into papers read before them:")
        lines += [f"  {m.merged} -> {m.paper} ({m.why}; first read at {m.kept})"
                  for m in papers.merges]  # fmt: skip
    else:
        lines.append("merged no records")
    lines.append(f"{len(papers)} paper(s)")
    return lines


def table_options(fn):
    """``--json`` and ``--csv``: records instead of the aligned table."""
    fn = click.option("--csv", "as_csv", is_flag=True, help="CSV rows instead of a table.")(fn)
    return click.option("--json", "as_json", is_flag=True, help="JSON records instead of a table.")(
        fn
    )


def _emit(records: list[dict], columns: list[str], as_json: bool, as_csv: bool) -> None:
    """Print records as a table, as JSON (every field) or as CSV (every field, lists
    joined by "; ")."""
    if as_json and as_csv:
        raise GraphtoolError("choose one of --json and --csv")
    if as_json:
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    if as_csv:
        import csv
        import io

        fields = list(dict.fromkeys(k for r in records for k in r)) or columns
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for r in records:
            w.writerow({k: _csv_cell(v) for k, v in r.items()})
        click.echo(buf.getvalue(), nl=False)
        return
    shown = [{c: _show(r.get(c)) for c in columns} for r in records]
    click.echo(_table(shown, columns))


def _csv_cell(v):
    """One ``--csv`` cell: lists joined by "; ", and text that a spreadsheet would run
    as a formula (``=``, ``+``, ``-``, ``@`` …) shown as text (see ``output.csv_safe``)."""
    if isinstance(v, (list, tuple)):
        v = "; ".join(str(x) for x in v)
    return "" if v is None else csv_safe(v)


def _show(v):
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    return v


@main.command("entities")
@corpus_options
@click.option(
    "--kind",
    type=click.Choice(NODE_KINDS[1:]),
    default=None,
    help="Only this kind, e.g. --kind system.",
)
@click.option("--min-papers", type=click.IntRange(min=0), default=1, show_default=True,
              help="Only entities named by at least this many papers.")  # fmt: skip
@table_options
@_handle_errors
def entities_cmd(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet, kind: str | None,
                 min_papers: int, as_json: bool, as_csv: bool) -> None:  # fmt: skip
    """Every entity CORPUS names: kind, family, aliases, and the papers that
    introduce and mention it (most papers first).

    \b
    Example:
        graphtool entities papers.jsonl --kind system --min-papers 2
        graphtool entities refs.bib --json | jq '.[0]'
    """
    s = Session(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet)
    G = s.graph
    rows = analysis.entities(G, kind=kind, min_papers=min_papers)
    if not (as_json or as_csv):  # the table shows titles, the records keep the ids
        title = {d.get("id"): d.get("title") for _, d in G.nodes(data=True) if d["kind"] == "paper"}
        rows = [{**r, "introduced_by": [title.get(i, i) for i in r["introduced_by"]]}
                for r in rows]  # fmt: skip
    _emit(rows, ["papers", "kind", "entity", "family", "introduced_by", "aliases"], as_json, as_csv)


@main.command("communities")
@corpus_options
@click.option("--resolution", type=float, default=1.0, show_default=True,
              help="Louvain resolution: higher gives more, smaller communities.")  # fmt: skip
@table_options
@_handle_errors
def communities_cmd(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet, resolution: float,
                    as_json: bool, as_csv: bool) -> None:  # fmt: skip
    """Each community of CORPUS's graph: size, label (its most characteristic
    entities) and members. Fixed seed: the same input gives the same communities.

    \b
    Example:
        graphtool communities papers.jsonl
        graphtool communities --csv > communities.csv
    """
    s = Session(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet)
    rows = analysis.community_table(s.graph, resolution=resolution)
    _emit(rows, ["community", "size", "papers", "label", "members"], as_json, as_csv)


@main.command("path")
@corpus_options
@click.argument("source", required=False, metavar="SOURCE")
@click.argument("target", required=False, metavar="TARGET")
@table_options
@_handle_errors
def path_cmd(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet, source: str | None,
             target: str | None, as_json: bool, as_csv: bool) -> None:  # fmt: skip
    """The shortest explained chain from SOURCE to TARGET (papers or entities; names
    are matched loosely: "flash attention" finds FlashAttention), one hop a row with
    the sentence that proves it.

    \b
    Example:
        graphtool path papers.jsonl "Clover" "Medusa"
        graphtool path "flash attention" "ZeRO" --json
    """
    given = [v for v in (*corpus_paths, source, target) if v is not None]
    if len(given) < 2:
        missing = "argument TARGET" if given else "arguments SOURCE and TARGET"
        raise click.UsageError(
            f"Missing {missing}: give two names, e.g. graphtool path "
            f"{given[0] if given else 'Clover'} Medusa"
        )
    *corpus_paths, source, target = given
    if not corpus_paths and Path(source).is_file():
        raise GraphtoolError(
            f"{source} is a corpus file, so two names must follow it: "
            f"graphtool path {source} SOURCE TARGET"
        )
    s = Session(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet)
    G = s.graph
    for name in (source, target):
        node = analysis.resolve(G, name)
        s.note(f"{name!r} -> {G.nodes[node].get('title') or G.nodes[node].get('name')} ({node})")
    hops = analysis.path(G, source, target)
    _emit(hops, ["step", "from", "relation", "to", "evidence"], as_json, as_csv)


@main.command("neighbors")
@corpus_options
@click.argument("name")
@click.option(
    "--depth", type=click.IntRange(min=1), default=2, show_default=True, help="Hops from NAME."
)
@click.option("--html", "html_out", type=click.Path(), default=None,
              help="Write the ego network as an interactive map here instead.")  # fmt: skip
@table_options
@_handle_errors
def neighbors_cmd(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet, name: str, depth: int,
                  html_out: str | None, as_json: bool, as_csv: bool) -> None:  # fmt: skip
    """The ego network of NAME (a paper or an entity) in CORPUS: every node within
    --depth hops, with the relation that reaches it.

    \b
    Example:
        graphtool neighbors papers.jsonl Medusa --depth 1
        graphtool neighbors "flash attention" --html outputs/flash.html
    """
    s = Session(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet)
    G = s.graph
    if html_out:
        sub = analysis.ego_graph(G, name, depth)
        center = analysis.resolve(G, name)
        label = G.nodes[center].get("name") or G.nodes[center].get("title")
        out = htmlmap.render(
            sub, html_out, title=f"graphtool: {label} and its neighbours", center=center
        )
        click.echo(f"wrote {out} ({sub.number_of_nodes()} nodes, {sub.number_of_edges()} edges)")
        return
    rows = analysis.neighbors(G, name, depth)
    _emit(rows, ["distance", "kind", "name", "relation", "via"], as_json, as_csv)


@main.command("compare")
@corpus_options
@click.option("--all", "show_all", is_flag=True,
              help="List every pair (confirmed, unexplained…), not just unconfirmed.")  # fmt: skip
@table_options
@_handle_errors
def compare_cmd(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet, show_all: bool,
                as_json: bool, as_csv: bool) -> None:  # fmt: skip
    """How the inferred builds_on edges agree with the citations CORPUS carries
    (Semantic Scholar or OpenAlex references, a references column…): how many are
    confirmed, how many citations the text explains, and each unconfirmed edge with
    its evidence, so you can judge the linker on your own data.

    \b
    Example:
        graphtool compare s2-papers.json
        graphtool compare openalex.json --all --csv > agreement.csv
    """
    if as_json and as_csv:
        raise GraphtoolError("choose one of --json and --csv")
    s = Session(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet)
    result = analysis.compare(s.graph)
    m = result["summary"]
    if not m["citations"] and not m["papers_with_references"]:
        raise GraphtoolError(
            "the input carries no references, so there is nothing to compare with; "
            "use Semantic Scholar or OpenAlex JSON, or a references column"
        )
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    rows = result["rows"] if (show_all or as_csv) else [
        r for r in result["rows"] if r["status"] == "unconfirmed"
    ]  # fmt: skip
    if as_csv:
        _emit(rows, [], False, True)
        return
    pct = lambda x: "n/a" if x is None else f"{x:.0%}"  # noqa: E731
    click.echo(
        f"{m['papers_with_references']} of {m['papers']} papers carry references; "
        f"{m['citations']} citations between corpus papers.\n"
        f"inferred builds_on: {m['inferred']} ({m['checked']} checkable); "
        f"confirmed by a citation: {m['confirmed']} ({pct(m['precision'])}); "
        f"unconfirmed: {m['unconfirmed']}; unchecked: {m['unchecked']}.\n"
        f"citations the text explains: {m['explained']} of {m['citations']} "
        f"({pct(m['recall'])}); of the {m['nameable']} whose citing abstract names what "
        f"the cited paper introduces: {m['nameable_explained']} "
        f"({pct(m['nameable_recall'])})."
    )
    if rows:
        click.echo("")
        shown = [{**r, "from": r["from_title"], "to": r["to_title"]} for r in rows]
        _emit(shown, ["status", "from", "to", "via", "evidence"], False, False)


@main.command("trends")
@corpus_options
@click.option(
    "--entity",
    "names",
    multiple=True,
    help="Only this entity (names matched loosely); repeatable, e.g. --entity Medusa.",
)
@click.option(
    "--kind",
    "kinds",
    type=click.Choice(NODE_KINDS[1:]),
    multiple=True,
    help="Only entities of this kind; repeatable, e.g. --kind system.",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="The entities most papers name (0: all).",
)
@click.option(
    "--by",
    type=click.Choice(trends_mod.PERIODS),
    default="auto",
    show_default=True,
    help="Period: year, month, or auto (months for a corpus of up to three years).",
)
@click.option(
    "-o",
    "--output",
    default="outputs/trends.html",
    show_default=True,
    type=click.Path(),
    help="Where to write the chart (offline HTML with SVG).",
)
@table_options
@_handle_errors
def trends_cmd(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet, names, kinds, top, by,
               output, as_json, as_csv) -> None:  # fmt: skip
    """Papers per period that name each of the top entities of CORPUS, with the
    bursts found by Kleinberg's burst detection (two states, as CiteSpace uses it)
    and their strength; writes a chart of each entity's share of the papers.

    \b
    Example:
        graphtool trends data/llm-systems-2025.jsonl --kind system --top 8
        graphtool trends papers.jsonl --entity Medusa --entity EAGLE --by year
        graphtool trends library.ris --json | jq '.[0].per_period'
    """
    if as_json and as_csv:
        raise GraphtoolError("choose one of --json and --csv")
    s = Session(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet)
    entities = None
    if names:
        G = s.graph
        entities = []
        for name in names:
            node = analysis.resolve(G, name)
            if G.nodes[node]["kind"] == "paper":
                raise GraphtoolError(f"{name!r} names a paper, not an entity: {node}")
            entities.append(G.nodes[node]["name"])
    t = trends_mod.trends(s.papers, kind=kinds, entities=entities, top=top, by=by, graph=s.graph)
    if t.undated:
        what = "month" if t.by == "month" else "year"
        s.note(f"{t.undated} of {len(s.papers)} papers have no {what} and are left out")
    if not t.rows:
        what = (
            ", ".join(entities)
            if entities
            else "any entity" + (f" of kind {', '.join(kinds)}" if kinds else "")
        )
        raise GraphtoolError(f"no dated paper names {what}, so there is no trend to show")
    rows = trends_mod.records(t)
    if as_csv:  # one column per period
        flat = [{k: v for k, v in r.items() if k != "per_period"} | r["per_period"] for r in rows]
        _emit(flat, [], False, True)
    elif as_json:
        _emit(rows, [], True, False)
    else:
        click.echo(f"papers per {t.by}, {t.periods[0]} to {t.periods[-1]}:")
        _emit(rows, ["rank", "entity", "kind", "papers", "first", "peak", "trend", "burst",
                     "strength"], False, False)  # fmt: skip
    title = f"graphtool trends: {Path(s.paths[0]).name}"
    write_atomic(output, trends_mod.chart_html(t, title=title))
    drawn = min(len(t.rows), trends_mod.CHART_LINES)
    more = f" (the first {drawn} of {len(t.rows)} entities)" if drawn < len(t.rows) else ""
    s.note(f"wrote {output}{more}")


@main.command("export")
@corpus_options
@click.option("-f", "--to", "out_format", type=click.Choice(export_mod.FORMATS), default=None,
              help="Output format (default: from the extension of -o).")  # fmt: skip
@click.option("-o", "--output", required=True, type=click.Path(),
              help="File to write (CSV: out.csv -> out.nodes.csv + out.edges.csv).")  # fmt: skip
@_handle_errors
def export_cmd(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet, out_format: str | None,
               output: str) -> None:  # fmt: skip
    """Write CORPUS's graph for another tool: GEXF (Gephi), GraphML (Cytoscape,
    networkx), node-link JSON, or a pair of CSV files (nodes, edges). Lists are
    written as JSON arrays in GraphML, GEXF and CSV.

    \b
    Example:
        graphtool export papers.jsonl -f gexf -o outputs/graph.gexf
        graphtool export refs.bib s2.json -f csv -o outputs/graph.csv
    """
    s = Session(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet)
    G = s.graph
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataWarning)
        written = export_mod.export(G, output, out_format)
    for w in caught:
        s.note(f"note: {w.message}")
    for path in written:
        click.echo(f"wrote {path}")
    s.note(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges")


# ------------------------------------------------------------------- the project store


@main.command("build")
@corpus_options
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(),
    help="The store to write, e.g. -o field.gtdb (replaced only once complete).",
)
@click.option(
    "--dask",
    "scheduler",
    metavar="SCHEDULER|local",
    default=None,
    help="Link on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' "
    "(a LocalCluster of --jobs workers on this machine). Needs graphtool[dask].",
)
@click.option(
    "--parquet",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write every mention to this Parquet file (DuckDB, Dask, Spark read it); "
    "with --dask it defaults to OUTPUT with .mentions.parquet.",
)
@_handle_errors
def build_cmd(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet, output, scheduler,
              parquet):  # fmt: skip
    """Read, merge and link CORPUS once, and keep the result in a store (one SQLite
    file) that every command then reads in place of the corpus files.

    The store is written to a temporary file and renamed at the end: a build that
    fails or is killed leaves the previous store as it was.

    \b
    Example:
        graphtool build arxiv-cs-dc/ openalex.json -o field.gtdb --jobs 4
        graphtool build big.jsonl -o field.gtdb --dask tcp://10.0.0.5:8786
        graphtool centrality field.gtdb --metric pagerank --kind paper --top 10
        graphtool map field.gtdb -o field.html
    """
    s = Session(corpus_paths, fmt, skip_bad, encoding, lexicons, quiet)
    if s.store is not None:
        raise GraphtoolError(
            "is already a store; graphtool build reads corpus files", str(s.store.path)
        )
    if scheduler and parquet is None:
        parquet = str(Path(output).with_suffix(".mentions.parquet"))
    with s.progress("Linking", len(s.papers)) as step:
        out = store_mod.build(
            s.papers,
            output,
            lexicon=s.lexicon,
            jobs=s.jobs,
            progress=step,
            lexicon_files=[str(Path(f).resolve()) for f in lexicons],
            dask=scheduler,
            parquet=parquet,
        )
    click.echo(f"wrote {out} ({_store_summary(out)})")
    if parquet:
        click.echo(f"wrote {parquet} (the mentions)")


def _store_summary(path) -> str:
    st = store_mod.Store(path)
    try:
        n = st.counts()
    finally:
        st.close()
    return ", ".join(f"{v} {k}" for k, v in n.items())


@main.command("add")
@click.argument("store_path", metavar="STORE", type=click.Path())
@click.argument("corpus_paths", metavar="CORPUS...", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(corpus.READERS)),
    help="Input format (default: from extension and content).",
)
@click.option("--skip-bad", is_flag=True, help="Add the good records, report the bad.")
@click.option("--encoding", default="utf-8", show_default=True, help="Input encoding.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that link and attribute mentions (default: every core), e.g. -j 1.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress or notes on stderr.")
@_handle_errors
def add_cmd(store_path, corpus_paths, fmt, skip_bad, encoding, jobs, quiet):
    """Add the papers of CORPUS to STORE, linking only what is new.

    New records are merged with the stored papers; only new (or newly merged)
    papers are linked, and stored papers are re-checked only where a name that the
    new papers introduce occurs. The store is then what ``graphtool build`` of all
    the inputs would write, and is replaced only once complete.

    \b
    Example:
        graphtool add field.gtdb this-week.jsonl
    """
    st = store_mod.Store(store_path)
    st.close()
    try:
        new = corpus.read(corpus_paths, format=fmt, skip_bad=skip_bad, encoding=encoding)
    except BadRecords as e:
        raise GraphtoolError(str(e)) from None
    if new.skipped and not quiet:
        click.echo(f"skipped {len(new.skipped)} bad record(s):", err=True)
        for err in new.skipped:
            click.echo(f"  {err}", err=True)
    show = not quiet and sys.stderr.isatty()
    with _Progress("Linking", len(new), show and len(new) >= 200) as step:
        done = store_mod.add(store_path, new, jobs=jobs, progress=step)
    click.echo(
        f"added {done['added']} papers to {store_path} ({done['merged']} records merged "
        f"into others, {done['rechecked']} stored papers re-checked for new names; "
        f"{done['papers']} papers in all)"
    )


@main.command("search")
@click.argument("store_path", metavar="STORE", type=click.Path())
@click.argument("query")
@click.option(
    "--top", type=click.IntRange(min=1), default=20, show_default=True, help="At most N papers."
)
@table_options
@_handle_errors
def search_cmd(store_path, query, top, as_json, as_csv):
    """Papers of STORE whose title or abstract holds every word of QUERY, best first.

    Words are matched stemmed and without case or accents ("decoders" finds
    "decoder"); words in double quotes must appear together, as a phrase.

    \b
    Example:
        graphtool search field.gtdb "speculative decoding"
        graphtool search field.gtdb '"pipeline parallelism" bubbles' --top 5 --json
    """
    if not store_mod.is_store(store_path):
        raise GraphtoolError(
            "not a graphtool store; make one with: graphtool build CORPUS... -o STORE",
            store_path,
        )
    st = store_mod.Store(store_path)
    try:
        rows = st.search(query, limit=top)
    finally:
        st.close()
    if not rows and not (as_json or as_csv):
        click.echo(f"no paper matches {query!r}")
        return
    _emit(rows, ["paper", "year", "title", "snippet"], as_json, as_csv)


def run() -> None:  # pragma: no cover
    """The ``graphtool`` program: :func:`main` in a process of its own. Once the command
    is done and its output flushed, the process ends without freeing what the command
    built one object at a time (:mod:`graphtool._lifetime`), with the command's exit
    status."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    _lifetime.kept = []
    try:
        main()
        status = 0
    except SystemExit as e:  # how click ends every command, well or not
        status = e.code
    if status is None:
        status = 0
    elif not isinstance(status, int):  # sys.exit("message")
        print(status, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        # a reader that stopped reading (| head), or a closed stream: nothing more to say
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
