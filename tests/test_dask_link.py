"""Linking on a Dask cluster gives the store and the mentions of a local build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphtool as gt
from graphtool import store
from graphtool.cli import main

dd = pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")
dask_link = pytest.importorskip("graphtool.dask_link")

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def client():
    cluster = dd.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    c = dd.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_two_workers_link_what_one_process_links(client):
    papers = gt.read(DATA / "llm-systems-2025.jsonl")
    dask_link.link(papers[:50], client=client)  # a run before on the same cluster
    mentions, intros = dask_link.link(papers, client=client, partitions=7)
    expected = gt.Linker().link(papers)
    assert [(m, m.aliases) for m in mentions] == [(m, m.aliases) for m in expected]
    assert len(intros) == len(papers) and sum(map(len, intros)) > 500


def test_a_store_built_on_dask_equals_a_local_build(tmp_path):
    from test_store import _same_store

    corpus = tmp_path / "part.jsonl"
    lines = (DATA / "llm-systems-2025.jsonl").read_text(encoding="utf-8").splitlines(True)
    corpus.write_text("".join(lines[:400]), encoding="utf-8")
    out = tmp_path / "field.gtdb"
    args = ["build", str(corpus), "-o", str(out), "--dask", "local", "-j", "2"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    parquet = tmp_path / "field.mentions.parquet"
    assert f"wrote {parquet} (the mentions)" in res.output
    local = store.build(gt.read(corpus), tmp_path / "local.gtdb", jobs=1)
    _same_store(out, local)
    table = pq.read_table(parquet)
    rows = table.to_pylist()
    assert rows == [m.to_record() for m in store.Store(local).mentions()]
    assert table.schema.names[:3] == ["paper", "title", "entity"]
    assert json.dumps(rows[0])  # plain values


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_link, "CONNECT_TIMEOUT", "1s")
    res = CliRunner().invoke(
        main,
        ["build", str(gt.bundled_corpus()), "-o", str(tmp_path / "x.gtdb"),
         "--dask", "tcp://127.0.0.1:9"],
    )  # fmt: skip
    assert res.exit_code == 1 and "cannot reach the Dask scheduler" in res.output
    assert not (tmp_path / "x.gtdb").exists()
