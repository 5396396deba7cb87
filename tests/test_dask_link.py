"""Linking on a Dask cluster gives the store and the mentions of a local build."""

from __future__ import annotations

import itertools
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


def _flat(tmp_path, n=None, name="flat.jsonl") -> Path:
    """The fixture corpus as JSON Lines with one paper a line (as gt.read gives them)."""
    papers = gt.read(DATA / "llm-systems-2025.jsonl")[:n]
    path = tmp_path / name
    with path.open("w", encoding="utf-8") as f:
        for p in papers:
            rec = {"id": p.id, "title": p.title, "abstract": p.abstract, "year": p.year}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def test_workers_reading_the_file_write_the_mentions_of_one_process(client, tmp_path):
    path = _flat(tmp_path)
    expected = [m.to_record() for m in gt.Linker().link(gt.read(path))]
    out = tmp_path / "mentions"
    seen = []
    done = dask_link.link_files(path, out, client=client, partitions=7, progress=seen.append)
    assert done.path == out and done.partitions == 7 and len(done.files) == 7
    assert sorted(p.name for p in out.iterdir()) == [f"part-{i:05d}.parquet" for i in range(7)]
    assert dask_link.read_mentions(out) == expected
    assert (done.papers, done.mentions) == (len(gt.read(path)), len(expected))
    assert done.names > 500 and done.moved == 0
    assert seen[-1] == done.papers and seen == sorted(seen)
    # the folder is one table for Parquet readers
    assert pq.read_table(out).num_rows == len(expected)
    # a second run replaces the folder, with fewer parts
    again = dask_link.link_files(path, out, client=client, partitions=3)
    assert len(list(out.iterdir())) == 3 and dask_link.read_mentions(out) == expected
    assert again.mentions == done.mentions


def test_bad_lines_are_named_by_their_line_in_the_file(client, tmp_path):
    path = _flat(tmp_path, 60)
    lines = path.read_text(encoding="utf-8").splitlines(True)
    lines[45] = '{"id": "broken", "title": "No abstract"}\n'
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(gt.GraphtoolError) as err:
        dask_link.link_files(path, tmp_path / "m", client=client, partitions=4)
    assert f"{path}:46: record has no abstract" in str(err.value)
    assert not (tmp_path / "m").exists()
    done = dask_link.link_files(path, tmp_path / "m", client=client, partitions=4, skip_bad=True)
    assert done.papers == 59 and [e.location for e in done.skipped] == [f"{path}:46"]


def test_a_repeated_id_is_refused(client, tmp_path):
    path = _flat(tmp_path, 20)
    first = path.read_text(encoding="utf-8").splitlines(True)[0]
    with path.open("a", encoding="utf-8") as f:
        f.write(first)
    with pytest.raises(gt.GraphtoolError, match="repeats"):
        dask_link.link_files(path, tmp_path / "m", client=client, partitions=2)


def test_a_folder_with_other_files_is_not_replaced(client, tmp_path):
    keep = tmp_path / "notes"
    keep.mkdir()
    (keep / "mine.txt").write_text("keep me")
    with pytest.raises(gt.GraphtoolError, match="other files"):
        dask_link.link_files(_flat(tmp_path, 5), keep, client=client)
    assert (keep / "mine.txt").read_text() == "keep me"


def test_byte_ranges_are_whole_lines_covering_the_file(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"a": 1}\r\n{"b": "\xe2\x80\xa8"}\n\n{"c": 3}')  # CRLF, U+2028, no last \n
    raw = path.read_bytes()
    for parts in range(1, 12):
        ranges = dask_link.byte_ranges(path, parts)
        assert ranges[0][0] == 0 and ranges[-1][1] == len(raw)
        assert all(a < b for a, b in ranges) and len(ranges) <= parts
        assert all(b1 == a2 for (_, b1), (a2, _) in itertools.pairwise(ranges))
        assert all(raw[b - 1 : b] == b"\n" for _, b in ranges[:-1])


def test_a_worker_leaving_between_the_passes_loses_nothing(monkeypatch):
    # pass 2 of its partitions goes to the worker left, which reads the papers again
    papers = gt.read(DATA / "llm-systems-2025.jsonl")[:300]
    cluster = dd.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    c = dd.Client(cluster)

    class Leaving(gt.Linker):
        def corpus_names(self, intros):
            c.retire_workers(workers=[sorted(c.scheduler_info()["workers"])[0]])
            return super().corpus_names(intros)

    moved = []
    two_passes = dask_link._two_passes

    def counting(*args):
        for i, result in two_passes(*args):
            moved.append(result["moved"])
            yield i, result

    monkeypatch.setattr(dask_link, "Linker", Leaving)
    monkeypatch.setattr(dask_link, "WORKER_CHECK_S", 0.5)
    monkeypatch.setattr(dask_link, "_two_passes", counting)
    try:
        mentions, _ = dask_link.link(papers, client=c, partitions=6)
    finally:
        c.close()
        cluster.close()
    expected = gt.Linker().link(papers)
    assert [(m, m.aliases) for m in mentions] == [(m, m.aliases) for m in expected]
    assert len(moved) == 6 and 0 < sum(moved) < 6
