"""The project store: built once, read by every command, added to, searched, and never
left half-written."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphtool as gt
from graphtool import store
from graphtool.cli import main

DATA = Path(__file__).parent.parent / "data"
ROWS = [json.loads(line) for line in (DATA / "llm-systems-2025.jsonl").open()]


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _graph_data(G):
    return (
        dict(G.graph),
        list(G.nodes(data=True)),
        list(G.edges(keys=True, data=True)),
    )


def _same_store(a: Path, b: Path) -> None:
    """Everything a store gives back is the same, in the same order: papers, merges,
    introductions, mentions, the graph, the stored PageRank, search, and the raw rows
    of every table but the positions' numbering."""
    sa, sb = store.Store(a), store.Store(b)
    assert list(sa.papers()) == list(sb.papers())
    # the same merges; add lists those of the new files, as read, before the ones into
    # stored papers, where a build lists them in record order
    assert sorted(map(repr, sa.papers().merges)) == sorted(map(repr, sb.papers().merges))
    ma, mb = sa.mentions(), sb.mentions()
    assert [(m, m.aliases) for m in ma] == [(m, m.aliases) for m in mb]
    assert sa.introductions() == sb.introductions()
    assert _graph_data(sa.graph()) == _graph_data(sb.graph())
    for kind in (None, "paper", "system"):
        ra, rb = sa.centrality("pagerank", kind), sb.centrality("pagerank", kind)
        assert [n for n, _ in ra] == [n for n, _ in rb]
        assert [s for _, s in ra] == pytest.approx([s for _, s in rb], rel=1e-9, abs=1e-15)
    for query in ("speculative decoding", '"pipeline parallelism"', "serving"):
        assert sa.search(query, limit=50) == sb.search(query, limit=50)
    assert sa.counts() == sb.counts()
    assert sa.decisions() == sb.decisions()  # what the next add takes as decided
    for table, columns in _ROWS.items():
        rows = f"SELECT {columns} FROM {table} ORDER BY pos"
        assert sa.con.execute(rows).fetchall() == sb.con.execute(rows).fetchall(), table
    edges = (
        "SELECT e.source, e.target, e.key, e.relation, e.attrs FROM nodes n "
        "JOIN edges e ON e.source = n.id ORDER BY n.pos, e.pos"
    )  # edges are read in the order of their source node, then their own
    assert sa.con.execute(edges).fetchall() == sb.con.execute(edges).fetchall()
    meta = "SELECT key, value FROM meta WHERE key NOT IN ('graphtool_version') ORDER BY key"
    assert sa.con.execute(meta).fetchall() == sb.con.execute(meta).fetchall()
    assert sa.concepts() == sb.concepts()  # identity's general terms, as counted
    concepts = "SELECT * FROM concepts ORDER BY key"
    assert sa.con.execute(concepts).fetchall() == sb.con.execute(concepts).fetchall()


_ROWS = {
    "papers": "id, title, abstract, year, record",
    "mentions": "paper, entity, relation, record, resolved",
    "nodes": "id, kind, attrs",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The example corpus as a store, and the graph built from its files."""
    path = tmp_path_factory.mktemp("store") / "field.gtdb"
    papers = gt.read(gt.bundled_corpus())
    store.build(papers, path, jobs=1)
    return path, papers


def test_the_store_gives_back_the_graph_papers_and_mentions(built):
    path, papers = built
    mentions = gt.link(papers)
    G = gt.build_graph(papers, mentions)
    assert _graph_data(gt.open(path)) == _graph_data(G)
    st = store.Store(path)
    assert list(st.papers()) == list(papers)
    assert [(m, m.aliases) for m in st.mentions()] == [(m, m.aliases) for m in mentions]
    assert st.meta["schema_version"] == str(store.SCHEMA_VERSION)
    con = sqlite3.connect(path)
    names = {n for (n,) in con.execute("SELECT name FROM entities")}
    assert "Medusa" in names


def test_attributes_keep_their_types_through_json():
    value = {"aliases": ("A", "B"), "surfaces": ["x"], "n": 3, "s": {2, 1}, "none": None}
    assert store.loads(store.dumps(value)) == value


def test_commands_read_a_store_like_corpus_files(built, tmp_path):
    path, _ = built
    runner = CliRunner()
    args = ["centrality", "--metric", "pagerank", "--kind", "paper", "--top", "5", "--json"]
    from_files = runner.invoke(main, args)
    from_store = runner.invoke(main, [*args[:1], str(path), *args[1:]])
    assert from_store.exit_code == 0, from_store.output
    assert json.loads(from_store.output) == json.loads(from_files.output)
    for metric in ("degree", "betweenness"):  # stored, and computed from the graph
        args = ["centrality", "--metric", metric, "--top", "8", "--json"]
        from_store = runner.invoke(main, [*args[:1], str(path), *args[1:]])
        assert json.loads(from_store.output) == json.loads(runner.invoke(main, args).output)
    # recognised by its content, whatever its name
    renamed = tmp_path / "field.data"
    renamed.write_bytes(path.read_bytes())
    res = runner.invoke(main, ["path", str(renamed), "Clover", "Medusa"])
    assert res.exit_code == 0 and "Medusa" in res.output
    res = runner.invoke(main, ["map", str(renamed), "-o", str(tmp_path / "m.html"), "-q"])
    assert res.exit_code == 0, res.output
    assert "Medusa" in (tmp_path / "m.html").read_text()


def test_a_store_with_other_inputs_or_not_a_store_is_a_clear_error(built, tmp_path):
    path, _ = built
    runner = CliRunner()
    res = runner.invoke(main, ["entities", str(path), str(gt.bundled_corpus())])
    assert res.exit_code == 1 and "a store is read alone" in res.output
    other = tmp_path / "other.gtdb"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    res = runner.invoke(main, ["entities", str(other)])
    assert res.exit_code == 1 and f"{other}: not a graphtool store" in res.output
    assert "Traceback" not in res.output
    res = runner.invoke(main, ["search", str(gt.bundled_corpus()), "x"])
    assert res.exit_code == 1 and "not a graphtool store" in res.output


def test_a_store_of_another_schema_version_is_refused(built, tmp_path):
    path, _ = built
    old = tmp_path / "old.gtdb"
    old.write_bytes(path.read_bytes())
    con = sqlite3.connect(old)
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.commit()
    res = CliRunner().invoke(main, ["entities", str(old)])
    assert res.exit_code == 1
    assert "schema version 0" in res.output and "graphtool build" in res.output
    con.close()
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"id": "n", "title": "New", "abstract": "We present Foo."}) + "\n")
    # each older schema, refused with the advice to rebuild, not misread
    old_schemas = [
        # 2 kept each mention's record as a JSON object (3: an array)
        ("2", ["entities", "add"], None),
        # 3 kept no scores with identity's decisions (4 does, for add)
        ("3", ["add"], None),
        # 4 kept a scores row per node (5: one per metric)
        ("4", ["centrality", "add"], None),
        # 5 kept no counts of long names (6 does, for add)
        ("5", ["entities", "add"], "DROP TABLE concepts"),
    ]
    for version, commands, also in old_schemas:
        con = sqlite3.connect(old)
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
        if also:
            con.execute(also)
        con.commit()
        con.close()
        for command in commands:
            args = [command, str(old)] + ([str(new)] if command == "add" else [])
            res = CliRunner().invoke(main, args)
            assert res.exit_code == 1 and "Traceback" not in res.output
            assert f"schema version {version}" in res.output
            assert "rebuild it with graphtool build" in res.output
    # a store of this version written before one of its tables was added: refused, with
    # the same advice, not a traceback from the query that needs the table
    partial = tmp_path / "partial.gtdb"
    partial.write_bytes(path.read_bytes())
    con = sqlite3.connect(partial)
    con.execute("DROP TABLE links")
    con.commit()
    con.close()
    res = CliRunner().invoke(main, ["add", str(partial), str(new)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "without the tables links" in res.output and "graphtool build" in res.output


def test_search_finds_abstracts_by_words_and_phrases(built):
    path, _ = built
    res = CliRunner().invoke(main, ["search", str(path), "speculative decoding", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert rows and all("speculative" in (r["title"] + r["snippet"]).lower() for r in rows), rows
    assert any("Clover" in r["title"] for r in rows)
    # FTS5 operators typed by a user are words, not syntax
    res = CliRunner().invoke(main, ["search", str(path), 'NEAR( "unclosed AND *'])
    assert res.exit_code == 0 and "Traceback" not in res.output
    res = CliRunner().invoke(main, ["search", str(path), "zzzqqqxx"])
    assert res.exit_code == 0 and "no paper matches" in res.output


def test_build_command_writes_a_store_and_says_what_it_holds(tmp_path):
    out = tmp_path / "sub" / "field.gtdb"
    res = CliRunner().invoke(main, ["build", str(gt.bundled_corpus()), "-o", str(out), "-j", "1"])
    assert res.exit_code == 0, res.output
    assert f"wrote {out} (89 papers," in res.output
    assert store.is_store(out)
    assert [p.name for p in out.parent.iterdir()] == ["field.gtdb"]


def test_add_equals_a_build_from_scratch(tmp_path, monkeypatch):
    # the cut falls between two records of one paper (2509.13201 and its v1), and the
    # second half introduces names the first half mentions
    a = _jsonl(tmp_path / "a.jsonl", ROWS[:623])
    b = _jsonl(tmp_path / "b.jsonl", ROWS[623:])
    whole = store.build(gt.read([a, b]), tmp_path / "whole.gtdb", jobs=1)
    first = gt.read(a)
    grown = store.build(first, tmp_path / "grown.gtdb", jobs=1)
    inode = grown.stat().st_ino
    decided, rows = store.Store(grown)._decisions()
    monkeypatch.setattr(store, "ADD_IN_PROCESS", 0)  # link on two workers
    done = store.add(grown, gt.read(b), jobs=2)
    assert grown.stat().st_ino == inode  # updated in place, not written again
    # the decisions the add left as they were keep their rows; the others were rewritten
    now, rows_now = store.Store(grown)._decisions()
    same = [k for k, v in decided.items() if now.get(k) == v]
    assert 0 < len(same) < len(now)
    assert all(rows_now[k] == rows[k] for k in same)
    assert done["merged"] >= 1 and done["rechecked"] >= 1
    assert done["added"] == done["papers"] - len(first) == store.Store(whole).count() - len(first)
    _same_store(whole, grown)


@pytest.mark.parametrize("lost", [False, True])
def test_an_add_on_every_core_equals_a_build_on_one(tmp_path, monkeypatch, lost):
    # at scale an add shares the mentions' attribution out among forked processes and
    # works out PageRank on another core while it writes the rows (forced here on 1,205
    # papers); where that process is lost, the add works PageRank out itself
    from graphtool import identity

    a = _jsonl(tmp_path / "a.jsonl", ROWS[:900])
    b = _jsonl(tmp_path / "b.jsonl", ROWS[900:])
    whole = store.build(gt.read([a, b]), tmp_path / "whole.gtdb", jobs=1)
    grown = store.build(gt.read(a), tmp_path / "grown.gtdb", jobs=1)
    monkeypatch.setattr(identity, "PARALLEL_MENTIONS", 0)
    monkeypatch.setattr(store, "SCORES_AHEAD_NODES", 0)
    here: list[int] = []  # PageRank worked out in the add's own process
    real = store._score_rows
    monkeypatch.setattr(store, "_score_rows", lambda parts: here.append(1) or real(parts))
    if lost:
        monkeypatch.setattr(store, "_scores_in", lambda parts, conn: conn.close())
    store.add(grown, gt.read(b), jobs=2)
    assert len(here) == lost
    _same_store(whole, grown)


def test_add_rechecks_only_papers_holding_a_new_name(tmp_path):
    old = [
        {"id": f"p{i}", "title": f"Study {i} of serving", "abstract": text}
        for i, text in enumerate(
            ["We compare against Hydrant on long prompts.", "We tune batching for vLLM."]
        )
    ]
    new = [{"id": "h", "title": "Hydrant: Many-Headed Decoding",
            "abstract": "We present Hydrant, a decoding method."}]  # fmt: skip
    path = store.build(gt.read(_jsonl(tmp_path / "old.jsonl", old)), tmp_path / "s.gtdb")
    res = CliRunner().invoke(main, ["add", str(path), str(_jsonl(tmp_path / "new.jsonl", new))])
    assert res.exit_code == 0, res.output
    assert "added 1 papers" in res.output and "1 stored papers re-checked" in res.output
    G = gt.open(path)
    assert G.has_edge("paper:p0", "entity:hydrant")
    assert [r["paper"] for r in store.Store(path).search("many-headed decoding")] == ["h"]
    assert G.has_edge("paper:p0", "paper:h", key="builds_on")
    whole = store.build(
        gt.read([tmp_path / "old.jsonl", tmp_path / "new.jsonl"]), tmp_path / "w.gtdb"
    )
    _same_store(whole, path)


_BY_ID = {r["id"]: r for r in ROWS}


def _grow(tmp_path: Path, first: list[dict], then: list[dict]):
    """A store of ``first``, added ``then``: it must equal a build of both; its graph.
    The add takes its usual path: the merge and linking, and the new vectors, worked
    out in forked processes while it reads the store."""
    a = _jsonl(tmp_path / "first.jsonl", first)
    b = _jsonl(tmp_path / "then.jsonl", then)
    grown = store.build(gt.read(a), tmp_path / "grown.gtdb", jobs=1)
    store.add(grown, gt.read(b), jobs=2)
    _same_store(store.build(gt.read([a, b]), tmp_path / "whole.gtdb", jobs=1), grown)
    return gt.open(grown)


def test_an_add_that_gives_a_stored_name_a_second_meaning_equals_a_build(tmp_path):
    # The store holds one Prism (GPU sharing) and a paper that builds on it; the add
    # brings PRISM (performance modelling) and an FPGA paper with its own PRISM: the
    # stored entity is renamed to its meaning, as a build names it.
    user = {"id": "u", "title": "Sharing GPUs Among Served Models", "year": 2025,
            "date": "2025-09-01", "abstract": "Unlike Prism, our GPU-sharing scheduler for "
            "multi-LLM serving adapts KV cache memory across models."}  # fmt: skip
    G = _grow(
        tmp_path,
        [_BY_ID["2505.04021"], user],
        [_BY_ID["2510.15596"], _BY_ID["2508.14917"]],
    )
    names = sorted(d["name"] for n, d in G.nodes(data=True) if n.startswith("entity:prism"))
    assert len(names) == 3 and "Prism" not in names
    assert G.has_edge("paper:u", "paper:2505.04021", "builds_on")


def test_an_add_that_introduces_a_member_of_a_stored_family_equals_a_build(tmp_path):
    # "We extend DeepSpeed": stored as a plain mention; the added DeepSpeed-MoE paper
    # makes it a family link.
    a = {"id": "a", "title": "Sparse Experts at Scale", "year": 2023,
         "abstract": "We extend DeepSpeed to train mixture-of-experts models with expert "
         "parallelism and MoE inference."}  # fmt: skip
    b = {"id": "b", "title": "DeepSpeed-MoE: Advancing Mixture-of-Experts Inference and "
         "Training", "year": 2022, "abstract": "We present DeepSpeed-MoE, an end-to-end MoE "
         "training and inference solution as part of the DeepSpeed library."}  # fmt: skip
    G = _grow(tmp_path, [a], [b])
    assert G.edges["paper:a", "paper:b", "builds_on"]["via_family"] is True


def test_an_add_that_defines_a_stored_acronym_otherwise_equals_a_build(tmp_path):
    # DP is data parallelism in one stored paper and differential privacy in another; the
    # add brings a serving system named DP and DPMM-CFL's "Dirichlet Process (DP)".
    dp = {"id": "dp", "title": "DP: A Dynamic Partitioner for Serving LLMs", "year": 2025,
          "abstract": "We present DP, a dynamic partitioner that splits LLM serving requests "
          "across GPUs."}  # fmt: skip
    G = _grow(
        tmp_path,
        [_BY_ID["2509.16495"], _BY_ID["2508.07505"]],
        [dp, _BY_ID["2510.07132"], _BY_ID["2510.23931"]],
    )
    assert G.has_edge("paper:2509.16495", "entity:data-parallelism", "uses")
    assert G.has_edge("paper:2508.07505", "entity:dp-differential-privacy", "mentions")
    assert G.has_edge("paper:2510.07132", "entity:dp-dirichlet-process", "mentions")
    assert not [e for e in G.edges(keys=True) if e[2] == "builds_on"]


def test_an_add_of_a_stored_papers_other_version_equals_a_build(tmp_path):
    # The new record is the stored paper's v2 (merged into it, with its longer abstract
    # that now introduces a name) and a new paper names it.
    v1 = {"id": "2601.00001v1", "title": "Hydrant: Many-Headed Decoding for LLMs",
          "year": 2026, "abstract": "Decoding with many heads."}  # fmt: skip
    v2 = {"id": "2601.00001v2", "title": "Hydrant: Many-Headed Decoding for LLMs",
          "year": 2026, "abstract": "We present Hydrant, a decoding method with many heads "
          "that drafts tokens in parallel."}  # fmt: skip
    user = {"id": "u", "title": "Drafting Faster", "year": 2026,
            "abstract": "We compare against Hydrant on long prompts."}  # fmt: skip
    G = _grow(tmp_path, [v1], [v2, user])
    assert len([n for n, d in G.nodes(data=True) if d.get("kind") == "paper"]) == 2
    assert G.has_edge("paper:u", "entity:hydrant")


def test_an_add_that_makes_a_stored_name_a_general_term_equals_a_build(tmp_path):
    # The store holds the paper presenting "Token Expert Routing (TER)" and one that
    # builds on it; the added papers write "token expert routing" in lower case: a
    # general term, so the stored introduction and the builds_on edge go.
    a = {"id": "a", "title": "Routing Tokens Sparsely", "year": 2024,
         "abstract": "We present Token Expert Routing (TER), a scheme that sends each "
         "token to few experts."}  # fmt: skip
    b = {
        "id": "b",
        "title": "Serving Experts",
        "year": 2025,
        "abstract": "Unlike TER, our server batches expert calls across requests.",
    }
    c = {
        "id": "c",
        "title": "On routing",
        "year": 2025,
        "abstract": "Standard token "
        "expert routing wastes memory; we study token expert routing at scale.",
    }
    d = {
        "id": "d",
        "title": "More routing",
        "year": 2025,
        "abstract": "We revisit token expert routing for speech models.",
    }
    grown = _grow(tmp_path, [a, b], [c, d])
    assert not grown.has_edge("paper:b", "paper:a", "builds_on")
    assert not [v for _, v, k in grown.out_edges("paper:a", keys=True) if k == "introduces"]
    first = store.build(gt.read(tmp_path / "first.jsonl"), tmp_path / "first.gtdb", jobs=1)
    before = gt.open(first)  # before the add, b's TER was a's
    assert before.has_edge("paper:a", "entity:ter", "introduces")
    assert before.has_edge("paper:b", "entity:ter", "mentions")


def test_an_add_counts_long_names_only_where_papers_changed_and_equals_a_build(tmp_path):
    # The store keeps how many papers write each long name as a general term. An add
    # counts a name the store did not count in the stored papers its full-text index
    # finds it in (and in those whose text is not ASCII), and counts a stored paper
    # that merged with a longer record as it reads now, not as it was stored. Missing
    # a stored use, or counting the old text, would flip a general term here.
    def paper(pid, title, abstract, **more):
        return {"id": pid, "title": title, "abstract": abstract, "year": 2025, **more}

    first = [
        paper("a", "Faster Decoding", "We grow a speculative draft tree per request."),
        paper("b", "Décodage rapide", "Un café: each speculative draft tree is pruned."),
        paper("t", "Routing Tokens Sparsely", "We present Token Expert Routing (TER), a "
              "scheme that sends each token to few experts."),
        paper("c", "Sparse Experts at Scale", "Plain token expert routing wastes memory.",
              arxiv="2501.00001"),
        paper("x", "Unrelated", "Speculative Draft Tree is not what we study here."),
    ]  # fmt: skip
    then = [
        paper("n", "SDT: Speculative Draft Tree", "We present Speculative Draft Tree (SDT), "
              "a verifier for drafts."),
        paper("c2", "Sparse Experts at Scale", "We scale sparse experts to thousands of "
              "devices with a new placement of experts on hosts.", arxiv="2501.00001"),
        paper("e", "Routing Revisited", "We revisit token expert routing for speech."),
    ]  # fmt: skip
    G = _grow(tmp_path, first, then)
    grown = store.Store(tmp_path / "grown.gtdb")
    counts = grown.concepts()
    assert counts["speculative draft tree"] == (2, 4)  # a and b (not ASCII) in lower case
    assert counts["token expert routing"] == (1, 2)  # c no longer writes it: t and e
    assert not [v for _, v, k in G.out_edges("paper:n", keys=True) if k == "introduces"]
    assert G.has_edge("paper:t", "entity:ter", "introduces")


def test_an_add_where_two_papers_name_each_other_equals_a_build(tmp_path):
    # x names KestrelNet before the paper presenting it arrives; y names x's HydraServe:
    # each names the other, so neither builds on the other, even though only y's title
    # presents its name (x's HydraServe alone would back no edge); z still builds on y.
    x = {
        "id": "x",
        "title": "Mixture Serving at Scale",
        "year": 2025,
        "abstract": "We "
        "present HydraServe, a serving system. We compare against KestrelNet on routing.",
    }
    y = {
        "id": "y",
        "title": "KestrelNet: Fast Expert Routing",
        "year": 2025,
        "abstract": "We present KestrelNet, a router. We compare against HydraServe on serving.",
    }
    z = {"id": "z", "title": "Routing Again", "year": 2025,
         "abstract": "We extend KestrelNet to sparse experts on phones."}  # fmt: skip
    G = _grow(tmp_path, [x, z], [y])
    assert not G.has_edge("paper:x", "paper:y", "builds_on")
    assert not G.has_edge("paper:y", "paper:x", "builds_on")
    assert G.has_edge("paper:z", "paper:y", "builds_on")
    assert G.has_edge("paper:x", "entity:kestrelnet", "mentions")


def test_an_add_of_a_paper_a_stored_one_cites_or_duplicates_equals_a_build(tmp_path):
    # p cites q before q is in the store; the add brings q, and a second record of p
    # (its arXiv id) with a longer abstract: the stored paper's text, vectors and
    # attributions are worked out again.
    p = {
        "id": "2601.00002",
        "title": "Hydrant Serving",
        "year": 2026,
        "arxiv": "2601.00002",
        "abstract": "We compare against Kestrel.",
        "references": ["2512.00003"],
    }
    q = {
        "id": "2512.00003",
        "title": "Kestrel: Fast Expert Routing",
        "year": 2025,
        "abstract": "We present Kestrel, a router for sparse experts.",
    }
    p2 = {**p, "id": "p-v2", "abstract": "We compare against Kestrel, a router for sparse "
          "experts, on long prompts."}  # fmt: skip
    G = _grow(tmp_path, [p], [q, p2])
    assert G.has_edge("paper:2601.00002", "paper:2512.00003", "cites")
    assert G.has_edge("paper:2601.00002", "paper:2512.00003", "builds_on")


def test_an_add_under_other_identity_rules_works_everything_out_again(tmp_path):
    # The store's attributions and vectors were worked out by other rules (here: made
    # wrong, as other rules would have them): the add uses none of them.
    a = _jsonl(tmp_path / "a.jsonl", ROWS[:300])
    b = _jsonl(tmp_path / "b.jsonl", ROWS[300:360])
    grown = store.build(gt.read(a), tmp_path / "grown.gtdb", jobs=1)
    con = sqlite3.connect(grown)
    con.execute("UPDATE meta SET value = 'older rules' WHERE key = 'identity'")
    con.execute("UPDATE decisions SET meaning = -1")
    con.execute("UPDATE vectors SET vals = zeroblob(length(vals))")
    con.commit()
    con.close()
    store.add(grown, gt.read(b), jobs=1)
    _same_store(store.build(gt.read([a, b]), tmp_path / "whole.gtdb", jobs=1), grown)


KILLER = """
import os, signal, sys
import graphtool as gt
from graphtool import store
calls = [0]
real = store.dumps
def dumps(value):
    calls[0] += 1
    if calls[0] == 2000:  # in the middle of writing the mentions
        os.kill(os.getpid(), signal.SIGKILL)
    return real(value)
store.dumps = dumps
store.build(gt.read(sys.argv[2]), sys.argv[1], jobs=1)
"""


def test_a_build_killed_midway_leaves_the_previous_store_intact(built, tmp_path):
    path, papers = built
    target = tmp_path / "field.gtdb"
    target.write_bytes(path.read_bytes())
    before = target.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, str(target), str(DATA / "llm-systems-2025.jsonl")],
        capture_output=True,
    )
    assert proc.returncode == -9  # killed, not finished
    assert target.read_bytes() == before
    assert len(store.Store(target).papers()) == len(papers)
    # what the killed build left is a temporary file beside the store, never the store
    left = [p.name for p in tmp_path.iterdir() if p.name != "field.gtdb"]
    assert len(left) == 1 and left[0].startswith(".field.gtdb.") and left[0].endswith(".tmp")


ADD_KILLER = """
import os, signal, sys
import graphtool as gt
from graphtool import store
calls = [0]
real = store.dumps
def dumps(value):
    calls[0] += 1
    if calls[0] == int(sys.argv[3]):  # in the middle of writing what changed
        os.kill(os.getpid(), signal.SIGKILL)
    return real(value)
store.dumps = dumps
store.add(sys.argv[1], gt.read(sys.argv[2]), jobs=1)
"""


@pytest.mark.parametrize("when", [50, 500])  # the mentions; the changed edges
def test_an_add_killed_midway_leaves_the_previous_store_intact(built, tmp_path, when):
    path, papers = built
    target = tmp_path / "field.gtdb"
    target.write_bytes(path.read_bytes())
    before = store.Store(target)
    graph, mentions = _graph_data(before.graph()), before.mentions()
    before.close()
    new = _jsonl(tmp_path / "new.jsonl", ROWS[:40])
    proc = subprocess.run(
        [sys.executable, "-c", ADD_KILLER, str(target), str(new), str(when)],
        capture_output=True,
    )
    assert proc.returncode == -9, proc.stderr.decode()[-2000:]  # killed, not finished
    assert Path(f"{target}-journal").exists()  # killed inside the transaction
    st = store.Store(target)  # the store as it was: the same papers, mentions and graph
    assert len(st.papers()) == len(papers)
    assert st.mentions() == mentions and _graph_data(st.graph()) == graph
    st.close()
    # and an add after the crash works, and gives what a build gives
    store.add(target, gt.read(new), jobs=1)
    whole = store.build(gt.read([gt.bundled_corpus(), new]), tmp_path / "whole.gtdb", jobs=1)
    _same_store(whole, target)


def test_a_build_that_fails_removes_its_temporary_file(built, tmp_path, monkeypatch):
    path, papers = built
    target = tmp_path / "field.gtdb"
    target.write_bytes(path.read_bytes())

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "_mention_record", boom)
    with pytest.raises(OSError):
        store.build(papers[:5], target, jobs=1)
    assert [p.name for p in tmp_path.iterdir()] == ["field.gtdb"]
    assert target.read_bytes() == path.read_bytes()


def test_add_to_a_missing_store_or_from_a_bad_file_is_a_clear_error(built, tmp_path):
    path, _ = built
    runner = CliRunner()
    good = _jsonl(tmp_path / "new.jsonl", ROWS[:2])
    res = runner.invoke(main, ["add", str(tmp_path / "none.gtdb"), str(good)])
    assert res.exit_code == 1 and f"{tmp_path / 'none.gtdb'}: no such store" in res.output
    copy = tmp_path / "field.gtdb"
    copy.write_bytes(path.read_bytes())
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "title": "T", "abstract": "A"}\n{not json\n')
    res = runner.invoke(main, ["add", str(copy), str(bad)])
    assert res.exit_code == 1 and f"{bad}:2: broken JSON" in res.output
    assert "Traceback" not in res.output
    assert copy.read_bytes() == path.read_bytes()


def test_a_stored_paper_whose_text_grows_is_weighed_again(tmp_path):
    # A names Harbor (a dictionary word: it needs context) and builds on the paper that
    # presents it; A's second record (same arXiv id) adds "the Harbor dataset": a kind word
    # that makes A's Harbor another thing. The add must weigh A's mention again, not keep
    # its stored decision.
    a = {
        "id": "2601.00002",
        "title": "Prompt Caching",
        "year": 2026,
        "arxiv": "2601.00002",
        "abstract": "We cache prompts; Harbor is slow.",
    }
    b = {
        "id": "2512.00003",
        "year": 2025,
        "title": "Harbor: Sparse Expert Routing for Mixture-of-Experts Inference",
        "abstract": "We present Harbor, a token router for sparse mixture-of-experts "
        "inference that balances expert load across GPUs.",
    }
    a2 = {**a, "id": "a-v2", "abstract": a["abstract"] + " We release the Harbor dataset of "
          "harbour photos."}  # fmt: skip
    first = store.build(gt.read(_jsonl(tmp_path / "f.jsonl", [a, b])), tmp_path / "f.gtdb", jobs=1)
    assert gt.open(first).has_edge("paper:2601.00002", "paper:2512.00003", "builds_on")
    G = _grow(tmp_path, [a, b], [a2])
    assert not G.has_edge("paper:2601.00002", "paper:2512.00003", "builds_on")


def test_a_stored_introducers_text_change_weighs_its_names_mentions_again(tmp_path):
    # The paper presenting Harborix gets a longer abstract (a second record): the mentions of
    # Harborix elsewhere are weighed again against it, as a build would.
    a = {
        "id": "p",
        "title": "Routing Notes",
        "year": 2026,
        "abstract": "Harborix routes tokens to sparse experts on GPUs.",
    }
    b = {
        "id": "2512.00003",
        "title": "Harborix: Token Routing",
        "year": 2025,
        "arxiv": "2512.00003",
        "abstract": "We present Harborix, a router of tokens to sparse experts on GPUs.",
    }
    b2 = {
        **b,
        "id": "q-v2",
        "abstract": b["abstract"] + " It also covers telescopes, "
        "lighthouse maps, seaweed farms, violin tuning, marble quarries, orchard irrigation, "
        "glacier surveys, bakery logistics, tram timetables and beekeeping ledgers.",
    }
    first = store.build(gt.read(_jsonl(tmp_path / "f.jsonl", [a, b])), tmp_path / "f.gtdb", jobs=1)
    before = gt.open(first).edges["paper:p", "paper:2512.00003", "builds_on"]["similarity"]
    G = _grow(tmp_path, [a, b], [b2])
    assert G.edges["paper:p", "paper:2512.00003", "builds_on"]["similarity"] < before


def test_an_add_weighs_kept_decisions_only_against_a_new_meaning(tmp_path, monkeypatch):
    # Zorblat has two meanings in the store (a GPU scheduler, a robot planner); the add
    # brings a third (a sky-survey pipeline): the stored decisions are weighed against it
    # only, with the best two scores kept (m3, undecided before, now means the third), and
    # the store equals a build of everything (a changed text: test_identity.py)
    from graphtool import identity

    gpu = (
        "GPU cluster scheduling for deep learning training jobs with preemption, "
        "placement and fair sharing of accelerators across tenants"
    )
    bot = (
        "robot navigation in crowded indoor scenes with lidar mapping, path planning "
        "and obstacle avoidance for mobile robots"
    )
    sky = (
        "galaxy survey photometry and telescope image calibration for detecting faint "
        "transients in astronomical sky surveys"
    )
    first = [
        {
            "id": "2101.00001",
            "arxiv": "2101.00001",
            "year": 2021,
            "title": "Zorblat: Fair GPU Cluster Scheduling",
            "abstract": f"We present Zorblat, a scheduler for {gpu}.",
        },
        {
            "id": "2101.00002",
            "year": 2021,
            "title": "Zorblat: Crowd-Aware Robot Navigation",
            "abstract": f"We present Zorblat, a planner for {bot}.",
        },
        {
            "id": "m1",
            "year": 2023,
            "title": "Elastic Training Jobs",
            "abstract": f"We extend Zorblat to {gpu}, improving utilisation.",
        },
        {
            "id": "m2",
            "year": 2023,
            "title": "Indoor Robots",
            "abstract": f"Unlike Zorblat, our planner handles {bot} at night.",
        },
        {
            "id": "m3",
            "year": 2024,
            "title": "Transient Detection",
            "abstract": f"We compare with Zorblat for {sky}.",
        },
    ]
    then = [
        {"id": "2201.00009", "year": 2022, "title": "Zorblat: Calibrating Sky Surveys",
         "abstract": f"We present Zorblat, a pipeline for {sky}."},
    ]  # fmt: skip
    sizes = []
    weigh = identity._weigh

    def counted(m, a, slot, *rest, **kw):
        sizes.append(len(slot))
        return weigh(m, a, slot, *rest, **kw)

    monkeypatch.setattr(identity, "_weigh", counted)
    a = _jsonl(tmp_path / "first.jsonl", first)
    grown = store.build(gt.read(a), tmp_path / "grown.gtdb", jobs=1)
    assert sizes and set(sizes) == {2}  # the build weighs every mention against both
    sizes.clear()
    b = _jsonl(tmp_path / "then.jsonl", then)
    store.add(grown, gt.read(b), jobs=1)
    assert sizes == [1, 1, 1]  # m1, m2, m3: against the new meaning only
    monkeypatch.setattr(identity, "_weigh", weigh)
    _same_store(store.build(gt.read([a, b]), tmp_path / "whole.gtdb", jobs=1), grown)
    G = gt.open(grown)
    assert G.has_edge("paper:m3", "paper:2201.00009", "builds_on")
    assert G.has_edge("paper:m1", "paper:2101.00001", "builds_on")


def _vectors_by_text(papers):
    from graphtool import identity

    texts = [identity.vector_text(p) for p in papers]
    indptr, cols, vals = identity.vector_arrays(texts)
    return {t: (cols[indptr[k] : indptr[k + 1]], vals[indptr[k] : indptr[k + 1]])
            for k, t in enumerate(texts)}  # fmt: skip


def test_the_vectors_an_add_works_out_ahead_are_identitys_to_the_bit():
    # an add works out the new records' similarity vectors in a forked process while it
    # reads the store: they must be the ones identity would work out itself
    from graphtool import identity

    papers = list(gt.read(gt.bundled_corpus()))[:12]
    forks = threading.active_count() == 1  # not where the suite left threads running
    ahead = store._VectorsAhead(papers[:6], jobs=2)
    try:
        assert (ahead.proc is not None) == forks
        got = ahead.take() if forks else _vectors_by_text(papers[:6])
        # then the vectors identity asks for (stored papers' no build needed), there too
        asked = [identity.vector_text(p) for p in papers[6:]]
        indptr, cols, vals = ahead.vectorize(asked)
        assert not forks or ahead.proc.is_alive()
    finally:
        ahead.close()
    here = identity.vector_arrays(asked)
    assert [a.tobytes() for a in (indptr, cols, vals)] == [a.tobytes() for a in here]
    for k, text in enumerate(asked):
        got[text] = (cols[indptr[k] : indptr[k + 1]], vals[indptr[k] : indptr[k + 1]])
    X = identity._vectors([identity.vector_text(p) for p in papers])
    assert len(got) == len(papers)
    for k, p in enumerate(papers):
        cols, vals = got[identity.vector_text(p)]
        s, e = X.indptr[k], X.indptr[k + 1]
        assert cols.tolist() == X.indices[s:e].tolist()
        assert vals.tobytes() == X.data[s:e].tobytes()
    alone = store._VectorsAhead(papers, jobs=1)  # one process asked for: none started
    assert alone.proc is None and alone.take() == {}
    many = [gt.Paper(f"p{k}", f"Title {k}", "An abstract.") for k in range(store.ADD_IN_PROCESS)]
    alone = store._VectorsAhead(many, jobs=2)  # linked on every core: none started either
    assert alone.proc is None and alone.take() == {}
    left = store._VectorsAhead(papers, jobs=2)
    left.close()  # not taken (an add that failed): the process is ended, not left behind
    assert left.proc is None


def test_an_add_links_on_another_core_and_equals_a_build_whatever_that_core_does(
    tmp_path, monkeypatch
):
    # the merge and linking run in a forked process while the add reads the store: the
    # same store as a build, whether that process gives its result, dies (the add then
    # works it out itself) or raises (the add raises it: a clear message, no traceback)
    import os

    a = _jsonl(tmp_path / "a.jsonl", ROWS[:900])
    b = _jsonl(tmp_path / "b.jsonl", ROWS[900:1000])
    whole = store.build(gt.read([a, b]), tmp_path / "whole.gtdb", jobs=1)
    base = store.build(gt.read(a), tmp_path / "base.gtdb", jobs=1)
    taken = []
    take = store._LinkedAhead.take

    def spied(self):
        got = take(self)
        taken.append(got)
        return got

    monkeypatch.setattr(store._LinkedAhead, "take", spied)
    grown = tmp_path / "grown.gtdb"
    grown.write_bytes(base.read_bytes())
    done = store.add(grown, gt.read(b), jobs=2)
    forks = threading.active_count() == 1  # not where the suite left threads running
    assert taken and (taken[0] is not None) == forks
    assert not forks or done["rechecked"] == taken[0].rechecked
    _same_store(whole, grown)

    def dies(old, intros, new, lexicon, jobs, kept, conn):
        os._exit(3)

    monkeypatch.setattr(store, "_linked_in", dies)
    died = tmp_path / "died.gtdb"
    died.write_bytes(base.read_bytes())
    store.add(died, gt.read(b), jobs=2)
    assert taken[-1] is None
    _same_store(whole, died)

    def fails(*args):
        raise gt.GraphtoolError("cannot merge", "b.jsonl")

    monkeypatch.undo()
    monkeypatch.setattr(store, "_linked", fails)
    failed = tmp_path / "failed.gtdb"
    failed.write_bytes(base.read_bytes())
    with pytest.raises(gt.GraphtoolError, match="cannot merge"):
        store.add(failed, gt.read(b), jobs=2)
    assert failed.read_bytes() == base.read_bytes()


FORKED = """
import sys
import graphtool as gt
from graphtool import store
a, b, grown = sys.argv[1:4]
taken, take = [], store._LinkedAhead.take
store._LinkedAhead.take = lambda self: taken.append(take(self)) or taken[-1]
store.add(grown, gt.read(b), jobs=2)
print(taken[0] is not None)
"""


def test_an_add_in_a_fresh_process_takes_the_forked_path_and_equals_a_build(tmp_path):
    # in a process of its own (no threads the test suite left running), an add forks
    # its linking half and its vectors: the store equals a build from scratch
    a = _jsonl(tmp_path / "a.jsonl", ROWS[:600])
    b = _jsonl(tmp_path / "b.jsonl", ROWS[600:700])
    grown = store.build(gt.read(a), tmp_path / "grown.gtdb", jobs=1)
    run = subprocess.run(
        [sys.executable, "-c", FORKED, str(a), str(b), str(grown)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["True"]  # the linking half came from the forked process
    _same_store(store.build(gt.read([a, b]), tmp_path / "whole.gtdb", jobs=1), grown)


def test_an_add_links_its_papers_with_the_corpus_names_they_may_hold_alike():
    # an add links its papers against an automaton of the names found, folded, in them:
    # the same mentions as with every name of the corpus (of 1,205 real abstracts)
    from graphtool.linker import Linker

    papers = gt.read(DATA / "llm-systems-2025.jsonl")
    linker = Linker()
    names = linker.corpus_names(linker.introductions(p) for p in papers)
    some = papers[::40]
    held = store._named_in(some, names)
    assert 0 < len(held) < len(names) / 4
    assert Linker().link_named(some, held) == Linker().link_named(some, names)
