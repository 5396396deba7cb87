"""Linking in worker processes gives exactly the mentions of linking in one."""

from __future__ import annotations

from pathlib import Path

import graphtool as gt
from graphtool import parallel
from graphtool.model import Paper

DATA = Path(__file__).parent.parent / "data"


def _records(mentions):
    return [(m, m.aliases) for m in mentions]


def test_two_workers_give_the_mentions_of_one_process():
    papers = gt.read(DATA / "llm-systems-2025.jsonl")
    one = gt.Linker().link(papers)
    two = parallel.link(papers, jobs=2)
    assert len(one) > 4000
    assert _records(two) == _records(one)


def test_a_name_introduced_in_one_chunk_is_found_in_the_others():
    # pass 1 gathers the corpus's names from every worker before any looks for mentions
    papers = [Paper("a", "Hydrant: Speculative Decoding", "We propose Hydrant, a method.")]
    papers += [Paper(f"p{i}", f"Paper {i}", "We compare with Hydrant.") for i in range(7)]
    got = parallel.link(papers, jobs=2, min_parallel=0)
    assert _records(got) == _records(gt.Linker().link(papers))
    assert {m.paper for m in got if m.entity == "Hydrant" and m.relation == "mentions"} == {
        f"p{i}" for i in range(7)
    }


def test_progress_reaches_every_paper():
    papers = gt.read(gt.bundled_corpus())
    seen = []
    parallel.link(papers, jobs=2, progress=seen.append, min_parallel=0)
    assert seen[-1] == len(papers) and seen == sorted(seen)


def test_chunks_cover_every_paper_once():
    assert parallel.chunks(10, 3) == [(0, 4), (4, 7), (7, 10)]
    assert parallel.chunks(2, 8) == [(0, 1), (1, 2)]


def test_link_command_writes_the_same_mentions_with_any_jobs(tmp_path):
    from click.testing import CliRunner

    from graphtool.cli import main

    corpus = str(DATA / "llm-systems-2025.jsonl")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"m{jobs}.jsonl"
        res = CliRunner().invoke(main, ["link", corpus, "-o", str(out), "--jobs", jobs, "-q"])
        assert res.exit_code == 0, res.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") > 4000


def test_with_other_threads_running_the_workers_start_fresh_and_agree():
    import threading

    papers = gt.read(gt.bundled_corpus())
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        got = parallel.link(papers, jobs=2, min_parallel=0)
    finally:
        stop.set()
        other.join()
    assert _records(got) == _records(gt.Linker().link(papers))
