"""Writing output files safely: all or nothing, never half a file.

* Every file goes to a temporary ``.NAME.XXXXXXXX`` beside its target and is renamed
  into place only when every file of the write is complete.
* Writers of the same folder take turns (an exclusive ``flock`` on the folder, where
  the system has it), so two runs writing the CSV pair never mix their files.
* On an error, Ctrl-C or SIGTERM the temporary files are removed; the temporary
  files a killed run (SIGKILL, a power cut) left behind are removed by the next
  write to the same path.
* Text that no encoding can write (a lone surrogate) is written as ``?``.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

from .errors import GraphtoolError

try:  # POSIX; elsewhere writes are not serialised
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection").
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def csv_safe(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a string starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return gets a ``'`` in front (as OWASP
    advises against formula injection), and so does one that starts with ``'``, so
    that :func:`csv_unsafe` gives back the exact text. Numbers are left alone.

    Example:
        >>> csv_safe("=1+1"), csv_safe("-1"), csv_safe(-1.5), csv_safe("a")
        ("'=1+1", "'-1", -1.5, 'a')
    """
    if isinstance(value, str) and value.startswith((*CSV_FORMULA_START, "'")):
        return "'" + value
    return value


def csv_unsafe(value: str) -> str:
    """The text :func:`csv_safe` was given back from its cell.

    Example:
        >>> csv_unsafe("'=1+1"), csv_unsafe("''x"), csv_unsafe("x")
        ('=1+1', "'x", 'x')
    """
    return value[1:] if value.startswith("'") else value


def _temp_pattern(real: Path) -> re.Pattern:
    # mkstemp's names: the prefix, then 8 characters of [a-z0-9_]
    return re.compile(re.escape(f".{real.name}.") + r"[a-z0-9_]{8}")


def _remove_stale(real: Path) -> None:
    """Remove the temporary files of ``real`` that a killed run left (called while
    holding the folder's lock, so no live writer owns one)."""
    pattern = _temp_pattern(real)
    try:
        names = os.listdir(real.parent)
    except OSError:
        return
    for name in names:
        if pattern.fullmatch(name):
            path = real.parent / name
            with contextlib.suppress(OSError):
                if stat.S_ISREG(path.lstat().st_mode):
                    path.unlink()


@contextlib.contextmanager
def _folder_lock(folders: list[Path]) -> Iterator[bool]:
    """Hold an exclusive lock on each folder (in a fixed order: no deadlock); yields
    whether every folder is locked."""
    fds = []
    locked = fcntl is not None
    try:
        if fcntl is not None:
            for folder in sorted(set(folders)):
                try:
                    fd = os.open(folder, os.O_RDONLY)
                    fds.append(fd)
                    fcntl.flock(fd, fcntl.LOCK_EX)
                except OSError:
                    locked = False  # not lockable here: write without the lock
        yield locked
    finally:
        for fd in fds:
            os.close(fd)  # closing releases the lock


class _Terminated(BaseException):
    """SIGTERM arrived while writing: unwind (removing the temporary files), then
    let the signal do what it would have done."""


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """While writing, turn SIGTERM into an exception so that the cleanup removes the
    temporary files; then the signal is delivered again to whatever handled it before
    (by default: the process ends, as it would have)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.getsignal(signal.SIGTERM)
    if old is signal.SIG_IGN or old is None:
        yield  # SIGTERM is ignored (or handled outside Python): nothing to unwind
        return

    def handler(signum, frame):
        raise _Terminated()

    signal.signal(signal.SIGTERM, handler)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, old)
        signal.raise_signal(signal.SIGTERM)  # the old handler, or the default: exit
        raise GraphtoolError("stopped by SIGTERM while writing") from None
    finally:
        signal.signal(signal.SIGTERM, old)


def _open_error(e: OSError, shown: Path) -> GraphtoolError:
    """An OS error while writing ``shown``, said of the path the user gave."""
    what = e.strerror or str(e)
    if isinstance(e, PermissionError):
        return GraphtoolError(
            f"cannot write here: {what} (is the folder {shown.parent} read-only?); "
            "choose another place with -o",
            str(shown),
        )
    if isinstance(e, (FileExistsError, NotADirectoryError)):
        return GraphtoolError(
            f"cannot write here: a file stands where a folder is needed ({what})",
            str(shown),
        )
    return GraphtoolError(f"cannot write: {what}", str(shown))


def write_all_atomic(files: Mapping[str | os.PathLike, str]) -> list[Path]:
    """Write several text files so that either all of them change or none does.

    Each goes to a temporary file beside its target first; only when every one is
    written are they renamed into place. Writers of the same folder take turns, so
    two runs never leave a mix of their files. A symlink keeps pointing where it did
    (its target is written); a device or pipe (``/dev/stdout``) is written directly.
    Parent folders are created. On an error, Ctrl-C or SIGTERM nothing is left
    behind; temporary files of a killed run are removed by the next write.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> [p.name for p in write_all_atomic({d / "a.csv": "x", d / "b.csv": "y"})]
        ['a.csv', 'b.csv']

    Raises:
        GraphtoolError: a target is a folder, or cannot be written (the message
            names the path given, not the temporary file).
    """
    plan = [(Path(p), _target(p), text) for p, text in files.items()]
    for shown, real, _ in plan:
        try:
            real.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise _open_error(e, shown) from None
    with _sigterm_unwinds(), _folder_lock([real.parent for _, real, _ in plan]) as locked:
        _write_locked(plan, clean_stale=locked)
    return [p for p, _, _ in plan]


def _write_locked(plan: list[tuple[Path, Path, str]], clean_stale: bool) -> None:
    """Write ``plan`` (user's path, real path, text); ``clean_stale``: the folders are
    locked, so temporary files of the targets are a killed run's, to remove."""
    temps: list[tuple[str, Path]] = []
    try:
        for shown, real, text in plan:
            if real.exists() and not stat.S_ISREG(real.stat().st_mode):
                continue  # a device or a pipe: written directly below
            if clean_stale:
                _remove_stale(real)
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", dir=str(real.parent))
            except OSError as e:
                raise _open_error(e, shown) from None
            temps.append((tmp, real))
            with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="\n") as f:
                f.write(text)
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        for shown, real, text in plan:
            if real.exists() and not stat.S_ISREG(real.stat().st_mode):
                try:
                    with open(real, "w", encoding="utf-8", errors="replace", newline="\n") as f:
                        f.write(text)
                except OSError as e:
                    raise _open_error(e, shown) from None
        _rename_all(temps)
    except BaseException:
        for tmp, _ in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise


def _rename_all(temps: list[tuple[str, Path]]) -> None:
    """Rename every temporary file into place, SIGTERM held back meanwhile (so a
    pair is renamed whole; the signal is handled right after)."""
    mask = getattr(signal, "pthread_sigmask", None)
    before = None
    if mask is not None and threading.current_thread() is threading.main_thread():
        before = mask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        for tmp, real in temps:
            os.replace(tmp, real)
    finally:
        if before is not None:
            mask(signal.SIG_SETMASK, before)


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
