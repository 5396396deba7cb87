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
