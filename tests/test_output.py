"""Writing outputs: all or nothing, through symlinks, never over a folder."""

from __future__ import annotations

import pytest

import graphtool as gt
from graphtool.output import write_all_atomic, write_atomic


def test_write_through_a_symlink_keeps_the_link(tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text("old")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_folder_is_not_overwritten(tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(gt.GraphtoolError, match=r"out: is a folder; give a file name to write"):
        write_atomic(tmp_path / "out", "x")
    assert (tmp_path / "out").is_dir()


def test_all_or_nothing(tmp_path):
    good = tmp_path / "a.csv"
    good.write_text("before")
    (tmp_path / "b.csv").mkdir()
    with pytest.raises(gt.GraphtoolError):
        write_all_atomic({good: "after", tmp_path / "b.csv": "x"})
    assert good.read_text() == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_parent_folders_are_created(tmp_path):
    out = write_atomic(tmp_path / "new" / "dir" / "m.html", "x")
    assert out.read_text() == "x"
