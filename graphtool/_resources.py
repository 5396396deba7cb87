"""Locate the data files bundled with graphtool (installed or in a checkout)."""

from __future__ import annotations

from pathlib import Path


def data_dir() -> Path:
    """The folder holding the bundled corpus and lexicon.

    Installed, it is the ``graphtool.data`` package; in a source checkout, ``data/``.

    Example:
        >>> (data_dir() / "parallel-papers.txt").exists()
        True
    """
    try:
        import graphtool.data as pkg

        for d in getattr(pkg, "__path__", []):
            if (Path(d) / "parallel-papers.txt").exists():
                return Path(d)
    except ImportError:
        pass
    return Path(__file__).resolve().parent.parent / "data"


def data_path(*parts: str) -> Path:
    """Path of one bundled data file.

    Example:
        >>> data_path("parallel-papers.txt").name
        'parallel-papers.txt'
    """
    return data_dir().joinpath(*parts)
