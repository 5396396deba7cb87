"""Shared fixtures: the example corpus read and linked once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

import graphtool as gt

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def papers():
    return gt.read(gt.bundled_corpus())


@pytest.fixture(scope="session")
def mentions(papers):
    return gt.link(papers)


@pytest.fixture(scope="session")
def graph(papers, mentions):
    return gt.build_graph(papers, mentions)


@pytest.fixture(scope="session")
def by_title(papers):
    return {p.title: p for p in papers}


@pytest.fixture
def fixtures():
    return FIXTURES


def pytest_collection_modifyitems(session, config, items):
    """The Dask tests run last: a distributed Client leaves threads running in the test
    process (its IO loop, an offload pool), and graphtool forks processes only where no
    other thread runs (a forked child could inherit a lock a thread holds), so the tests
    of its forked paths (an add's halves, identity's shared attribution, PageRank beside
    the writes) must run before them. The order is otherwise kept."""
    items.sort(key=lambda item: "test_dask_link.py" in item.nodeid)
