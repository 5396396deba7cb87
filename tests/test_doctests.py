"""The examples in the docstrings of the reading, merging, analysis and export modules run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "graphtool.corpus",
    "graphtool.merge",
    "graphtool.readers.ids",
    "graphtool.readers.records",
    "graphtool.readers.bibtex",
    "graphtool.readers.tabular",
    "graphtool.readers.arxiv",
    "graphtool.readers.apis",
    "graphtool.analysis",
    "graphtool.export",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
