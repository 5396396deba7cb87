"""The command line, through click's CliRunner."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from graphtool.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_map_on_bundled_corpus_writes_offline_html(tmp_path):
    out = tmp_path / "map.html"
    r = run("map", "-o", out, "-q")
    assert r.exit_code == 0, r.output
    assert f"wrote {out}" in r.output and "89 paper" in r.output
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>")
    assert "<script src" not in html and "<link " not in html
    assert not list(tmp_path.glob(".map.html.*")), "no temporary file left behind"


def test_map_on_jsonl_fixture(tmp_path, fixtures):
    out = tmp_path / "m.html"
    r = run("map", fixtures / "small.jsonl", "-o", out)
    assert r.exit_code == 0, r.output
    assert "3 paper" in r.output
    assert "Hydrant" in out.read_text()


def test_map_open_says_where_the_file_is_without_a_browser(tmp_path, monkeypatch):
    monkeypatch.setattr("webbrowser.open", lambda uri: False)
    out = tmp_path / "m.html"
    r = run("map", "-o", out, "--open")
    assert r.exit_code == 0
    assert f"no browser found; open {out.resolve().as_uri()} yourself" in r.output


def test_link_writes_the_jsonl_contract(tmp_path, fixtures):
    out = tmp_path / "mentions.jsonl"
    r = run("link", fixtures / "small.jsonl", "-o", out)
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    medusa = [r for r in recs if r["entity"] == "Medusa"]
    assert medusa and medusa[0]["paper"] == "2401.00001"
    assert medusa[0]["relation"] == "mentions" and "Medusa" in medusa[0]["sentence"]
    for key in ("paper", "title", "entity", "kind", "family", "relation", "surface",
                "sentence", "how", "confidence", "start", "end", "field"):  # fmt: skip
        assert key in medusa[0]


def test_link_to_stdout_on_bundled_corpus():
    r = run("link", "-q")
    assert r.exit_code == 0
    recs = [json.loads(line) for line in r.output.splitlines()]
    assert any(r["entity"] == "FlashAttention-2" for r in recs)


def test_centrality_table_and_json(fixtures):
    r = run("centrality", "--metric", "pagerank", "--kind", "paper", "--top", "15", "-q")
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].split() == ["rank", "pagerank", "kind", "name"]
    assert len(lines) == 2 + 15
    r = run("centrality", fixtures / "small.jsonl", "--kind", "paper", "--json")
    rows = json.loads(r.output)
    assert [row["rank"] for row in rows] == [1, 2, 3]
    assert {row["kind"] for row in rows} == {"paper"}


def test_bad_input_exits_non_zero_with_file_and_line(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"title": "Good", "abstract": "Fine."}\n{"title": \n')
    out = tmp_path / "map.html"
    r = run("map", f, "-o", out)
    assert r.exit_code == 1
    assert f"{f}:2: broken JSON" in r.output
    assert "Traceback" not in r.output
    assert not out.exists()
    r = run("map", f, "-o", out, "--skip-bad")
    assert r.exit_code == 0
    assert "skipped 1 bad record(s)" in r.output
    assert out.exists()


def test_missing_corpus_is_a_clear_error(tmp_path):
    r = run("link", tmp_path / "nope.jsonl")
    assert r.exit_code == 1
    assert "nope.jsonl: no such file" in r.output


def test_installed_console_script_works_from_any_directory(tmp_path):
    """The README's first command: the installed `graphtool map` finds its bundled corpus."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    exe = Path(sys.executable).parent / "graphtool"
    if not exe.exists():
        if os.environ.get("CI"):
            pytest.fail("the graphtool console script is not installed next to python")
        pytest.skip("graphtool is not installed in this environment")
    r = subprocess.run(
        [str(exe), "map", "-q"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "outputs" / "map.html").exists()
    assert "89 paper" in r.stdout


def test_the_program_ends_with_its_status_and_all_its_output(tmp_path):
    """`graphtool` in a process of its own ends without freeing what it built one object
    at a time (graphtool._lifetime): its output still arrives whole through a pipe, its
    store is complete, and its exit status is the command's."""
    import subprocess
    import sys

    import graphtool as gt

    def program(*args):
        return subprocess.run(
            [sys.executable, "-m", "graphtool.cli", *map(str, args)],
            cwd=tmp_path, capture_output=True, text=True, timeout=300,
        )  # fmt: skip

    corpus = gt.bundled_corpus()
    r = program("build", corpus, "-o", tmp_path / "f.gtdb", "-q")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("wrote ") and "89 papers" in r.stdout
    nodes = int(re.search(r"(\d+) nodes", r.stdout).group(1))
    r = program("centrality", tmp_path / "f.gtdb", "--top", "5000", "--json", "-q")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)  # all of it: a cut-off JSON would not parse
    assert len(rows) == nodes > 300
    assert rows == json.loads(run("centrality", corpus, "--top", "5000", "--json", "-q").output)
    r = program("centrality", tmp_path / "missing.jsonl")
    assert r.returncode == 1
    assert "missing.jsonl: no such file" in r.stderr


# ------------------------------------------------------- formats, analysis and export


def test_every_format_reads_from_the_command_line(fixtures):
    for name in ("refs.bib", "zotero.csv", "papers.tsv", "arxiv.xml", "s2.json", "openalex.json"):
        r = run("entities", fixtures / name, "--json", "-q")
        assert r.exit_code == 0, (name, r.output)
        assert isinstance(json.loads(r.output), list)


def test_report_says_what_was_read_and_merged(fixtures):
    r = run("entities", fixtures / "refs.bib", fixtures / "s2.json", "--report", "--json")
    assert r.exit_code == 0, r.output
    assert f"read {fixtures / 'refs.bib'} (bibtex): 4 record(s)" in r.output
    assert f"read {fixtures / 's2.json'} (s2): 6 record(s)" in r.output
    assert (
        f"  {fixtures / 's2.json'}: record 4 -> kwon2023 (same DOI 10.1145/3600006.3613165; "
        f"first read at {fixtures / 'refs.bib'}:15 (entry kwon2023))"
    ) in r.output
    assert "6 paper(s)" in r.output


def test_columns_option(tmp_path):
    f = tmp_path / "sheet.csv"
    f.write_text("Name,Summary Text\nZeRO-Lite,We present ZeRO-Lite which extends ZeRO-3.\n")
    r = run("entities", f)
    assert r.exit_code == 1
    assert f"{f}:1: no title column; the header has: 'Name', 'Summary Text'" in r.output
    r = run("entities", f, "--columns", "title=Name,abstract=Summary Text", "--json")
    assert r.exit_code == 0, r.output
    assert "ZeRO-Lite" in {row["entity"] for row in json.loads(r.output)}


def test_entities_table_json_csv(fixtures):
    r = run("entities", fixtures / "s2.json", "--kind", "system", "--min-papers", "2", "-q")
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].split() == ["papers", "kind", "entity", "family", "introduced_by", "aliases"]
    assert any(line.split()[2] == "FlashAttention" for line in lines[2:])
    rows = json.loads(run("entities", fixtures / "s2.json", "--kind", "system", "--json").output)
    fa = next(r for r in rows if r["entity"] == "FlashAttention")
    assert fa["introduced_by"] == ["2205.14135"] and fa["mentioned_by"] == ["2307.08691",
                                                                            "2401.10774"]  # fmt: skip
    csv_out = run("entities", fixtures / "s2.json", "--kind", "system", "--csv").output
    assert csv_out.splitlines()[0].startswith("entity,node,kind,family,aliases,papers")
    assert "2307.08691; 2401.10774" in csv_out


def test_communities_stable_between_runs():
    a = run("communities", "--json", "-q")
    b = run("communities", "--json", "-q")
    assert a.exit_code == 0 and a.output == b.output
    rows = json.loads(a.output)
    assert rows[0]["community"] == 1 and rows[0]["label"] and rows[0]["members"]


def test_path_resolves_names_and_shows_evidence(fixtures):
    r = run("path", fixtures / "s2.json", "flash attention", "dejavu")
    assert r.exit_code == 0, r.output
    assert "'flash attention' -> FlashAttention (entity:flashattention)" in r.output
    hops = json.loads(run("path", fixtures / "s2.json", "flash attention", "dejavu", "--json",
                          "-q").output)  # fmt: skip
    assert hops[0]["from"] == "FlashAttention" and hops[-1]["to"] == "Deja Vu"
    assert any("PagedAttention" in h["evidence"] for h in hops)
    r = run("path", fixtures / "s2.json", "flash attention", "no such thing at all")
    assert r.exit_code == 1 and "no paper or entity matches 'no such thing at all'" in r.output
    assert "Traceback" not in r.output


def test_neighbors_table_and_html(fixtures, tmp_path):
    r = run("neighbors", fixtures / "s2.json", "PagedAttention", "--depth", "1", "--csv", "-q")
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0] == "distance,kind,name,node,via,relation"
    assert lines[1] == "0,system,PagedAttention,entity:pagedattention,,"
    out = tmp_path / "ego.html"
    r = run("neighbors", fixtures / "s2.json", "PagedAttention", "--html", out, "-q")
    assert r.exit_code == 0, r.output
    assert f"wrote {out}" in r.output and "PagedAttention" in out.read_text()


def test_compare_on_a_fixture_with_references(fixtures):
    r = run("compare", fixtures / "s2.json", "-q")
    assert r.exit_code == 0, r.output
    assert "6 of 6 papers carry references; 7 citations between corpus papers." in r.output
    assert "confirmed by a citation: 2 (67%); unconfirmed: 1; unchecked: 0." in r.output
    assert (
        "citations the text explains: 2 of 7 (29%); of the 2 whose citing abstract names what the cited paper introduces: 2 (100%)."
        in r.output
    )
    assert "Medusa runs on FlashAttention kernels" in r.output
    data = json.loads(run("compare", fixtures / "s2.json", "--json", "-q").output)
    assert data["summary"]["confirmed"] == 2
    rows = run("compare", fixtures / "s2.json", "--csv", "-q").output.splitlines()
    assert rows[0] == "status,from,to,from_title,to_title,via,entity,evidence,nameable"
    assert len(rows) == 1 + 3 + 5


def test_compare_without_references_is_a_clear_error(fixtures):
    r = run("compare", fixtures / "small.jsonl")
    assert r.exit_code == 1
    assert "the input carries no references, so there is nothing to compare with" in r.output


def test_export_every_format(fixtures, tmp_path):
    import networkx as nx

    for fmt, name in (("gexf", "g.gexf"), ("graphml", "g.graphml"), ("json", "g.json")):
        out = tmp_path / name
        r = run("export", fixtures / "s2.json", "-f", fmt, "-o", out, "-q")
        assert r.exit_code == 0, r.output
        assert r.output == f"wrote {out}\n"
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() > 6
    r = run("export", fixtures / "s2.json", "-f", "csv", "-o", tmp_path / "g.csv", "-q")
    assert r.output.splitlines() == [f"wrote {tmp_path / 'g.nodes.csv'}",
                                     f"wrote {tmp_path / 'g.edges.csv'}"]  # fmt: skip
    assert not list(tmp_path.glob(".*")), "no temporary file left behind"


def test_bad_input_in_new_formats_exits_non_zero(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{ok, title={Fine Paper}, abstract={We present Fine.}}\n"
                   "@article{broken, title={Open {brace}, abstract={x}}\n")  # fmt: skip
    r = run("entities", bib)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert f"{bib}:2 (entry broken): unbalanced braces: 1 '{{' never closed" in r.output
    r = run("entities", bib, "--skip-bad", "--json")
    assert r.exit_code == 0
    assert "skipped 1 bad record(s):" in r.output


def test_centrality_csv():
    r = run("centrality", "--kind", "paper", "--top", "3", "--csv", "-q")
    assert r.exit_code == 0
    assert r.output.splitlines()[0] == "rank,node,kind,name,pagerank"
    assert len(r.output.splitlines()) == 4


def test_map_views_and_options(tmp_path):
    out = tmp_path / "p.html"
    r = run("map", "-o", out, "--view", "papers", "--color", "year", "--size", "degree", "-q")
    assert r.exit_code == 0, r.output
    text = out.read_text()
    assert '"view":"papers"' in text and '"color":"year"' in text and '"size":"degree"' in text
    r = run("map", "-o", out, "--view", "entities", "--max-nodes", "30")
    assert r.exit_code == 0, r.output
    import graphtool as gt

    n = gt.entity_graph(gt.build_graph(gt.read(gt.bundled_corpus()))).number_of_nodes()
    assert (
        f"drew the 30 most central of {n} nodes (pagerank); --max-nodes 0 draws them all"
        in r.output
    )
    assert f'"left_out":{n - 30}' in out.read_text()
    r = run("map", "-o", out, "--max-nodes", "0", "-q")
    assert r.exit_code == 0 and '"left_out":0' in out.read_text()


def test_map_rejects_unknown_choices(tmp_path):
    r = run("map", "-o", tmp_path / "x.html", "--view", "galaxy")
    assert r.exit_code == 2 and "galaxy" in r.output
    r = run("map", "-o", tmp_path / "x.html", "--max-nodes", "-3")
    assert r.exit_code == 2


def test_map_help_documents_every_option_with_an_example():
    r = run("map", "--help")
    for opt in ("--view", "--color", "--size", "--max-nodes", "--output", "--title"):
        assert opt in r.output
    for example in ("--view papers", "--color year", "--size degree", "--max-nodes 0"):
        assert example in r.output


def test_output_folder_and_bad_numbers_are_clear_errors(tmp_path):
    (tmp_path / "d").mkdir()
    r = run("link", "-o", tmp_path / "d", "-q")
    assert r.exit_code == 1 and "d: is a folder; give a file name to write" in r.output
    r = run("centrality", "--top", "-1")
    assert r.exit_code == 2 and "-1 is not in the range x>=0" in r.output
    r = run("centrality", "--kind", "systems")
    assert r.exit_code == 2 and "'systems' is not one of" in r.output
    r = run("centrality", "--json", "--csv", "-q")
    assert r.exit_code == 1 and "choose one of --json and --csv" in r.output


def test_path_with_a_corpus_and_one_name_says_what_is_missing():
    from graphtool.corpus import bundled_corpus

    r = run("path", bundled_corpus(), "Medusa")
    assert r.exit_code == 1
    assert "is a corpus file, so two names must follow it" in r.output


# ------------------------------------------------------------ tables that fit


def run_in(columns: int, *args):
    runner = CliRunner(env={"COLUMNS": str(columns)})
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_path_table_fits_a_100_column_terminal_with_ellipses():
    r = run_in(100, "path", "Clover", "flash attention", "-q")
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].split() == ["step", "from", "relation", "to", "evidence"]
    assert max(len(line) for line in lines) <= 100
    assert any(line.endswith("…") for line in lines)
    assert "variant_of" in r.output  # the short columns are never cut


def test_communities_table_fits_and_members_are_most_central_first(graph):
    r = run_in(80, "communities", "-q")
    assert max(len(line) for line in r.output.splitlines()) <= 80
    rows = json.loads(run("communities", "--json", "-q").output)
    rank = dict(__import__("graphtool").centrality(graph, "pagerank"))
    for row in rows[:3]:
        papers = [n for n in row["nodes"] if n.startswith("paper:")]
        assert papers == sorted(papers, key=lambda n: -rank[n])
        assert row["nodes"][: len(papers)] == papers


def test_compare_and_entities_tables_show_titles_where_json_keeps_ids(fixtures):
    r = run_in(200, "compare", fixtures / "s2.json", "-q")
    assert "Medusa: Simple LLM Inference" in r.output and "2401.10774" not in r.output
    r = run_in(200, "entities", fixtures / "small.jsonl", "-q")
    js = json.loads(run("entities", fixtures / "small.jsonl", "--json", "-q").output)
    intro = next(e for e in js if e["introduced_by"])
    assert intro["introduced_by"][0] in {"2401.00001", "2401.00002", "2401.00003"}
    assert intro["introduced_by"][0] not in r.output


def test_table_cells_from_papers_are_text_not_markup(tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_text(json.dumps({"id": "x", "title": "[bold]Zeta[/bold]: a system",
                             "abstract": "We propose Zeta, a system."}) + "\n")  # fmt: skip
    r = run_in(120, "centrality", f, "--kind", "paper", "-q")
    assert "[bold]Zeta[/bold]: a system" in r.output


# ------------------------------------------------------------ traps


def test_export_with_format_gexf_points_to_to(tmp_path):
    r = run("export", "--format", "gexf", "-o", tmp_path / "g.gexf")
    assert r.exit_code == 2
    assert "'gexf' is an output format: write it with --to gexf" in r.output
    assert not (tmp_path / "g.gexf").exists()


def test_path_with_one_name_says_the_target_is_missing():
    r = run("path", "Clover")
    assert r.exit_code == 2
    assert "Missing argument TARGET" in r.output and "SOURCE" not in r.output.split("Error:")[1]
    r = run("path")
    assert "Missing arguments SOURCE and TARGET" in r.output


def test_path_with_a_corpus_and_two_names_still_works(fixtures):
    r = run("path", fixtures / "small.jsonl", "Hydrant", "Medusa", "--json", "-q")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)[0]["from"] == "Hydrant"


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and r.output.startswith("graphtool, version ")


def test_map_of_the_data_folder_skips_lexicons_and_evaluation_sets(tmp_path):
    from graphtool._resources import data_path

    r = CliRunner().invoke(main, ["map", str(data_path()), "-o", str(tmp_path / "m.html")])
    assert r.exit_code == 0, r.output
    assert "bad record" not in r.output
    assert "file(s) that are lexicons, not corpora" in r.output
    assert "file(s) that are evaluation sets, not corpora" in r.output
    assert "names.jsonl" in r.output and "seed-dev-gold.json" in r.output
    assert "that are data files, not corpora" in r.output  # lexicon/identity.json
    assert "identity.json" in r.output and "linker-words.json" in r.output


def test_a_lexicon_named_on_its_own_is_still_read_as_given(tmp_path):
    from graphtool._resources import data_path

    r = run("map", data_path("lexicon", "methods.jsonl"), "-o", tmp_path / "m.html")
    assert r.exit_code == 1 and "bad record" in r.output


def test_color_year_without_years_says_so(tmp_path):
    r = run("map", "--color", "year", "-o", tmp_path / "m.html")
    assert r.exit_code == 0
    assert "no paper has a year, so --color year draws every node grey" in r.output


def test_map_summary_counts_the_papers_that_link_to_nothing(tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_text(
        json.dumps({"id": "a", "title": "Clover: fast", "abstract": "We propose Clover."}) + "\n"
        + json.dumps({"id": "b", "title": "On things", "abstract": "We study it."}) + "\n"
    )  # fmt: skip
    r = run("map", f, "-o", tmp_path / "m.html", "-q")
    assert "; 1 of 2 papers link to nothing)" in r.output
    assert '"unlinked":1' in (tmp_path / "m.html").read_text()


def test_the_page_notice_says_how_many_papers_link_to_nothing(tmp_path):
    import os
    import shutil

    sync_api = pytest.importorskip("playwright.sync_api")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed")
        pytest.skip("chromium not installed")
    f = tmp_path / "p.jsonl"
    f.write_text(
        json.dumps({"id": "a", "title": "Clover: fast", "abstract": "We propose Clover."}) + "\n"
        + json.dumps({"id": "b", "title": "On things", "abstract": "We study it."}) + "\n"
    )  # fmt: skip
    out = tmp_path / "m.html"
    assert run("map", f, "-o", out, "-q").exit_code == 0
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(out.resolve().as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=30000)
        assert page.is_visible("#notice")
        assert "1 of 2 papers link to nothing" in page.inner_text("#notice")
        browser.close()


# --------------------------------------------------------------- issue 13: reliability


def _jsonl(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))  # ASCII escapes
    return path


def test_export_xml_with_control_characters_is_well_formed_with_a_note(tmp_path):
    from graphtool.export import load

    src = _jsonl(tmp_path / "c.jsonl", {"id": "c1", "title": "Ctl \u0001 x",
                                        "abstract": "We use Medusa \u0002 here."})  # fmt: skip
    for name in ("c.graphml", "c.gexf"):
        r = run("export", src, "-o", tmp_path / name)
        assert r.exit_code == 0, r.output
        assert "note: " in r.output and "that XML 1.0 cannot hold" in r.output
        assert load(tmp_path / name).nodes["paper:c1"]["title"] == "Ctl  x"


def test_every_csv_output_neutralises_formulas(tmp_path):
    src = _jsonl(
        tmp_path / "f.jsonl",
        {"id": "=1+1", "title": "=HYPERLINK(\"http://evil\")", "authors": ["@SUM(A1)"],
         "url": "+x", "abstract": "We propose =Evil, a system. It beats Medusa.",
         "references": ["p2"]},
        {"id": "p2", "title": "-2+3 Tricks", "abstract": "We use Medusa and FlashAttention."},
    )  # fmt: skip
    r = run("export", src, "--to", "csv", "-o", tmp_path / "g.csv")
    assert r.exit_code == 0, r.output
    texts = [(tmp_path / "g.nodes.csv").read_text(), (tmp_path / "g.edges.csv").read_text()]
    for cmd in (["entities"], ["communities"], ["centrality", "--kind", "paper"],
                ["neighbors", "Medusa"], ["path", "=1+1", "Medusa"], ["compare", "--all"]):  # fmt: skip
        r = run(cmd[0], src, *cmd[1:], "--csv", "-q")
        assert r.exit_code == 0, (cmd, r.output)
        texts.append(r.output)
    import csv
    import io

    cells = [c for t in texts for row in csv.reader(io.StringIO(t)) for c in row]
    assert '\'=HYPERLINK("http://evil")' in cells and "'-2+3 Tricks" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_lone_surrogate_in_a_title_gives_no_traceback(tmp_path):
    src = _jsonl(tmp_path / "s.jsonl", {"title": "T \ud800 x", "abstract": "We use Medusa."})
    for args in (["map", "-o", tmp_path / "m.html"], ["export", "-o", tmp_path / "g.json"],
                 ["communities"], ["entities", "--csv"]):  # fmt: skip
        r = run(args[0], src, *args[1:])
        assert r.exit_code == 0, (args, r.output)
    assert "T \ufffd x" in (tmp_path / "g.json").read_text(encoding="utf-8")


def test_exponential_name_pattern_finishes(tmp_path):
    for n in (30, 60):  # 90 s at 30 letters before, x4 for every 2 more
        f = tmp_path / f"x{n}.txt"
        f.write_text("T\n" + "We propose x" + "A" * n + "!" + " filler" * 40 + ".\n")
        r = run("entities", f, "--json")
        assert r.exit_code == 0, r.output


def test_export_csv_pair_onto_an_existing_file(tmp_path):
    (tmp_path / "out").write_text("mine")
    r = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "out"), "-f", "csv", "-q"])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "is a file, but the CSV pair is written into a folder" in r.output


def test_betweenness_says_when_it_is_sampled(monkeypatch):
    import graphtool as gt
    from graphtool import analysis

    r = CliRunner().invoke(main, ["centrality", "--metric", "betweenness", "--top", "3"])
    assert r.exit_code == 0 and "sampled" not in r.output
    monkeypatch.setattr(analysis, "BETWEENNESS_EXACT_MAX", 50)
    r = CliRunner().invoke(main, ["centrality", "--metric", "betweenness", "--top", "3"])
    assert r.exit_code == 0, r.output
    k = analysis.betweenness_sample(gt.build_graph(gt.read(gt.bundled_corpus())))
    assert f"betweenness is sampled: estimated from {k} seeded source nodes" in r.output
    r = CliRunner().invoke(main, ["centrality", "--metric", "betweenness", "--top", "3", "-q"])
    assert "sampled" not in r.output


def test_neighbors_html_marks_the_centre(fixtures, tmp_path):
    out = tmp_path / "ego.html"
    r = run("neighbors", fixtures / "s2.json", "PagedAttention", "--html", out, "-q")
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text().split('id="graph-data">', 1)[1].split("</script>", 1)[0])
    assert data["nodes"][data["meta"]["center"]][0] == "entity:pagedattention"


def test_map_of_a_large_corpus_says_what_the_overview_left_out(tmp_path):
    from pathlib import Path

    corpus = Path(__file__).parents[1] / "data" / "llm-systems-2025.jsonl"
    out = tmp_path / "llm.html"
    r = CliRunner().invoke(main, ["map", str(corpus), "-o", str(out)])
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text().split('id="graph-data">', 1)[1].split("</script>", 1)[0])
    meta = data["meta"]
    assert f"drew the {meta['drawn']} most central of {meta['in_view']} nodes" in r.output
    assert (
        f"an overview: left out {meta['single_left_out']} entities named by one paper only "
        f"and {meta['lonely_left_out']} nodes with no link to the rest"
    ) in r.output


def test_link_writes_the_mentions_as_the_graph_sees_them(tmp_path):
    rows = [
        {"id": "dp", "title": "DP: A Dynamic Partitioner for Serving LLMs",
         "abstract": "We present DP, a dynamic partitioner that splits LLM serving requests "
                     "across GPUs."},
        {"id": "2509.16495", "title": "Serving with data parallelism",
         "abstract": "On the other hand, data parallelism (DP) obtains a higher throughput."},
    ]  # fmt: skip
    f = tmp_path / "p.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    r = run("link", f, "-q")
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in r.output.splitlines()]
    dp = {(x["paper"], x["entity"], x["relation"]) for x in recs if x["surface"] == "DP"}
    assert ("2509.16495", "data parallelism", "uses") in dp  # the method, not the system DP
    intro = {(x["entity"], x["relation"]) for x in recs if x["paper"] == "dp"}
    assert ("DP (A Dynamic Partitioner for…)", "introduces") in intro  # named apart
