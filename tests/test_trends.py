"""Trends: papers per period, Kleinberg bursts, the `graphtool trends` command and its chart."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import graphtool as gt
from graphtool.cli import main
from graphtool.trends import burst_states, bursts, chart_html, trends


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_kleinberg_marks_the_burst_and_nothing_in_a_flat_stream():
    d = [50] * 10
    r = [2, 3, 2, 2, 15, 18, 14, 2, 3, 2]
    states, _ = burst_states(r, d)
    assert states == [0, 0, 0, 0, 1, 1, 1, 0, 0, 0]
    assert burst_states([5] * 10, d)[0] == [0] * 10
    # a higher gamma makes entering the burst state dearer: a one-period blip is ignored
    assert burst_states([2, 2, 6, 2, 2], [50] * 5, gamma=3.0)[0] == [0] * 5


def test_burst_strength_is_the_saving_of_the_burst_state():
    # Kleinberg's weight: sum over the burst of cost(base) - cost(burst), computed by hand
    import math

    b = bursts([0, 1, 0, 9, 8, 1], [20] * 6, list("abcdef"))
    p0 = 19 / 120
    p1 = 2 * p0
    by_hand = sum(r * math.log(p1 / p0) + (20 - r) * math.log((1 - p1) / (1 - p0)) for r in (9, 8))
    assert [(x.start, x.end) for x in b] == [("d", "e")]
    assert b[0].strength == pytest.approx(by_hand, abs=1e-3)


RECORDS = [
    {"id": f"p{i}", "title": f"Paper {i}", "year": 2016 + i // 4,
     "abstract": "We extend Medusa heads." if 12 <= i < 20 else "We evaluate on ImageNet."}
    for i in range(32)
]  # fmt: skip


def test_trends_counts_papers_per_year_with_empty_years_kept():
    t = trends(gt.read(RECORDS), by="year")
    assert t.periods == [str(y) for y in range(2016, 2024)]
    assert t.papers == [4] * 8
    medusa = next(r for r in t.rows if r.entity == "Medusa")
    assert medusa.counts == [0, 0, 0, 4, 4, 0, 0, 0]
    assert [b.span for b in medusa.bursts] == ["2019–2020"]


def test_trends_without_any_year_says_so():
    with pytest.raises(gt.GraphtoolError, match="no paper has a year"):
        trends(gt.read([{"title": "T", "abstract": "We use Medusa."}]))


def test_cli_trends_prints_a_table_and_writes_an_offline_chart(tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    out = tmp_path / "trends.html"
    r = run("trends", f, "-o", out, "--by", "year")
    assert r.exit_code == 0, r.output
    assert "papers per year, 2016 to 2023" in r.output
    row = next(line for line in r.output.splitlines() if "Medusa" in line)
    assert "2019–2020" in row and "system" in row
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org", "")
    assert "Medusa (8) burst 2019–2020" in page
    # the same input gives the same bytes
    run("trends", f, "-o", tmp_path / "again.html", "--by", "year", "-q")
    assert (tmp_path / "again.html").read_bytes() == out.read_bytes()


def test_cli_trends_entity_kind_and_json(tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    r = run("trends", f, "--entity", "medusa", "--json", "-o", tmp_path / "t.html", "-q")
    rows = json.loads(r.output)
    assert [x["entity"] for x in rows] == ["Medusa"]
    assert rows[0]["per_period"]["2019"] == 4 and rows[0]["burst"] == "2019–2020"
    r = run("trends", f, "--kind", "dataset", "--json", "-o", tmp_path / "t.html", "-q")
    assert {x["kind"] for x in json.loads(r.output)} == {"dataset"}


def test_cli_trends_without_years_fails_with_a_message(tmp_path):
    r = run("trends", "-o", tmp_path / "t.html")  # the bundled corpus has no years
    assert r.exit_code == 1
    assert "no paper has a year" in r.output
    assert not (tmp_path / "t.html").exists()


def test_chart_escapes_names_from_papers():
    from graphtool.trends import Trend, Trends

    t = Trends(["2020", "2021"], [3, 3], [Trend("<img src=x onerror=alert(1)>", "system", [1, 3])])
    page = chart_html(t, title="<t>")
    assert "<img" not in page and "&lt;img src=x" in page and "&lt;t&gt;" in page


def test_cli_trends_csv_has_a_column_per_period_and_unknown_entities_fail(tmp_path):
    import csv
    import io

    f = tmp_path / "p.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    r = run("trends", f, "--csv", "--by", "year", "-o", tmp_path / "t.html", "-q")
    rows = list(csv.DictReader(io.StringIO(r.output)))
    medusa = next(x for x in rows if x["entity"] == "Medusa")
    assert (medusa["2019"], medusa["2020"], medusa["2016"]) == ("4", "4", "0")
    r = run("trends", f, "--entity", "Medusa", "--kind", "dataset", "-o", tmp_path / "u.html")
    assert r.exit_code == 1 and "no dated paper names Medusa" in r.output


def test_trends_count_the_graphs_entities_one_per_meaning():
    # llm-systems-2025.jsonl writes DP for differential privacy, a Dirichlet process and
    # data parallelism; the trends counted the linker's one "DP" (12 papers in its chart)
    llm = gt.read(gt.bundled_corpus().parent / "llm-systems-2025.jsonl")
    G = gt.build_graph(llm)
    t = trends(llm, graph=G, top=0)
    namers: dict[str, set[str]] = {}
    for u, v, k in G.edges(keys=True):
        if k in ("introduces", "mentions", "uses") and u.startswith("paper:"):
            namers.setdefault(G.nodes[v]["name"], set()).add(u)
    for row in t.rows:
        assert row.total == len(namers[row.entity]), row.entity
    names = {row.entity for row in t.rows}
    assert {"DP (differential privacy)", "DP (dirichlet process)", "data parallelism"} <= names
    assert "DP" not in names
    # from the linker's mentions: the same rows as from their graph, not the linker's names
    small = [p for p in llm if p.id in ("2510.23931", "2510.07132", "2507.19845", "2508.07505")]
    raw = gt.link(small)
    assert "DP" in {m.entity for m in raw}  # the linker's one name for three things
    rows = [(r.entity, r.total) for r in trends(small, raw, top=0).rows]
    assert rows == [
        (r.entity, r.total) for r in trends(small, graph=gt.build_graph(small), top=0).rows
    ]
    assert "DP" not in dict(rows) and dict(rows)["data parallelism"] == 1
    with pytest.raises(gt.GraphtoolError, match="not both"):
        trends(small, raw, graph=G)
