"""Writing output files safely: all or nothing, never half a file."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import GraphtoolError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _target(path: str | os.PathLike) -> Path:
    """Where writing ``path`` really goes: through a symlink to its target; a folder
    is an error, named as the user wrote it."""
    path = Path(path)
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise GraphtoolError("is a folder; give a file name to write", str(path))
    return real


def write_all_atomic(files: Mapping[str | os.PathLike, str]) -> list[Path]:
    """Write several text files so that either all of them change or none does.

    Each goes to a temporary file beside its target first; only when every one is
    written are they renamed into place. A symlink keeps pointing where it did (its
    target is written); a device or pipe (``/dev/stdout``) is written directly.
    Parent folders are created.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> [p.name for p in write_all_atomic({d / "a.csv": "x", d / "b.csv": "y"})]
        ['a.csv', 'b.csv']
    """
    plan = [(Path(p), _target(p), text) for p, text in files.items()]
    temps: list[tuple[str, Path]] = []
    try:
        for _, real, text in plan:
            if real.exists() and not stat.S_ISREG(real.stat().st_mode):
                continue  # a device or a pipe: written directly below
            real.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", dir=str(real.parent))
            temps.append((tmp, real))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        for _, real, text in plan:
            if real.exists() and not stat.S_ISREG(real.stat().st_mode):
                with open(real, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
        for tmp, real in temps:
            os.replace(tmp, real)
    except BaseException:
        for tmp, _ in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise
    return [p for p, _, _ in plan]


def write_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file and a rename, so a
    failure never leaves a half-written file (see :func:`write_all_atomic`).

    Example:
        >>> import tempfile, pathlib
        >>> p = write_atomic(pathlib.Path(tempfile.mkdtemp()) / "x.txt", "hi")
        >>> p.read_text()
        'hi'
    """
    return write_all_atomic({path: text})[0]
