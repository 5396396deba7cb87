"""The examples in the docstrings of every module run (they are the manual)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "graphtool",
    "graphtool.model",
    "graphtool.errors",
    "graphtool.lexicon",
    "graphtool.text",
    "graphtool.linker",
    "graphtool.linker.titles",
    "graphtool.identity",
    "graphtool.output",
    "graphtool.graph",
    "graphtool.htmlmap",
    "graphtool.evaluate",
    "graphtool._resources",
    "graphtool.corpus",
    "graphtool.merge",
    "graphtool.parallel",
    "graphtool.dask_link",
    "graphtool.store",
    "graphtool.readers.ids",
    "graphtool.readers.records",
    "graphtool.readers.bibtex",
    "graphtool.readers.tabular",
    "graphtool.readers.arxiv",
    "graphtool.readers.apis",
    "graphtool.readers.citations",
    "graphtool.readers.ris",
    "graphtool.readers.wos",
    "graphtool.readers.scopus",
    "graphtool.analysis",
    "graphtool.export",
    "graphtool.frames",
    "graphtool.cli",
    "graphtool.trends",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
