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


def test_map_views_and_options(tmp_path):
    out = tmp_path / "p.html"
    r = run("map", "-o", out, "--view", "papers", "--color", "year", "--size", "degree", "-q")
    assert r.exit_code == 0, r.output
    text = out.read_text()
    assert '"view":"papers"' in text and '"color":"year"' in text and '"size":"degree"' in text
    r = run("map", "-o", out, "--view", "entities", "--max-nodes", "30")
    assert r.exit_code == 0, r.output
    assert (
        "drew the 30 most central of 322 nodes (pagerank); --max-nodes 0 draws them all" in r.output
    )
    assert '"left_out":292' in out.read_text()
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
