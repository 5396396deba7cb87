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


# --------------------------------------------------------------- issue 13: reliability


def test_csv_safe_neutralises_formulas_and_round_trips():
    from graphtool.output import csv_safe, csv_unsafe

    for text in ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "'=1", "''"]:
        cell = csv_safe(text)
        assert cell.startswith("'"), text
        assert csv_unsafe(cell) == text
    assert csv_safe("Medusa") == "Medusa" and csv_safe(-1.5) == -1.5 and csv_safe(3) == 3


def test_read_only_folder_names_the_path_given_not_the_temp_file(tmp_path, monkeypatch):
    import tempfile

    def refuse(prefix, dir):  # root ignores permissions: refuse the way a read-only folder does
        raise PermissionError(13, "Permission denied", f"{dir}/{prefix}abcd1234")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(gt.GraphtoolError) as e:
        write_atomic(tmp_path / "map.html", "x")
    msg = str(e.value)
    assert msg.startswith(f"{tmp_path / 'map.html'}: cannot write here: Permission denied")
    assert "read-only" in msg and ".map.html." not in msg


def test_a_stale_temp_file_of_a_killed_run_is_removed_by_the_next_write(tmp_path):
    out = tmp_path / "map.html"
    out.write_text("old")
    stale = tmp_path / ".map.html.k1ll3d_x"  # what mkstemp made before a SIGKILL
    stale.write_text("half")
    other = tmp_path / ".other.html.k1ll3d_x"  # another output's temp file: not ours
    other.write_text("x")
    write_atomic(out, "new")
    assert out.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.html.k1ll3d_x", "map.html"]


def test_sigterm_while_writing_leaves_the_old_file_and_no_temp_file(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "map.html"
    out.write_text("old")
    code = (
        "from graphtool.output import write_atomic\n"
        "text = 'x' * 30_000_000\n"
        "print('ready', flush=True)\n"
        f"while True: write_atomic({str(out)!r}, text)\n"
    )
    for delay in (0.05, 0.2):
        p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
        assert p.stdout.readline() == b"ready\n"
        time.sleep(delay)
        p.send_signal(signal.SIGTERM)
        assert p.wait(timeout=60) == -signal.SIGTERM  # ends as SIGTERM ends it
        p.stdout.close()
        assert [f.name for f in tmp_path.iterdir()] == ["map.html"]
        assert out.read_text()[:3] in ("old", "xxx")


def test_concurrent_writers_of_a_pair_never_mix_their_files(tmp_path):
    import threading

    nodes, edges = tmp_path / "g.nodes.csv", tmp_path / "g.edges.csv"
    big = "y" * 200_000  # long enough that the two writes overlap

    errors = []

    def writer(tag, barrier):
        barrier.wait()
        try:
            write_all_atomic({nodes: f"{tag}\n{big}", edges: f"{tag}\n{big}"})
        except Exception as e:  # without the lock: a temp file removed under a writer
            errors.append(e)

    mixed = 0
    for r in range(60):
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=writer, args=(f"{r}{w}", barrier)) for w in "ab"]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        mixed += nodes.read_text()[:4] != edges.read_text()[:4]
    assert mixed == 0 and errors == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.edges.csv", "g.nodes.csv"]
