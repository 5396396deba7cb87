"""The command line, through click's CliRunner."""

from __future__ import annotations

import json

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
    assert "citations the text explains: 2 of 7 (29%)." in r.output
    assert "Medusa runs on FlashAttention kernels" in r.output
    data = json.loads(run("compare", fixtures / "s2.json", "--json", "-q").output)
    assert data["summary"]["confirmed"] == 2
    rows = run("compare", fixtures / "s2.json", "--csv", "-q").output.splitlines()
    assert rows[0] == "status,from,to,from_title,to_title,via,entity,evidence"
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
