"""What a command run in a process of its own keeps until the process ends.

A ``graphtool`` command on 100,000 papers holds millions of small objects (papers,
mentions, the graph). Freeing them one by one, when the functions that made them return
and again when the interpreter shuts down, takes seconds of a command's wall time that
nobody needs: the process ends right after, and the system takes its memory back at once.
So :func:`graphtool.cli.run` sets :data:`kept` to a list, the functions that end a
command's work (a store's ``build`` and ``add``) hand their working sets to :func:`keep`
as they return, and the process ends with ``os._exit`` once its output is flushed (mypy
ends the same way). Only at the end: kept earlier, a working set would add to the peak
memory of the work that follows (identity's, about 200 MB at 100,000 papers). Called from
Python (a notebook, a test), :data:`kept` is None and nothing is kept: every object is
freed as usual.
"""

from __future__ import annotations

#: Where kept objects go: a list in a ``graphtool`` process of its own, else None.
kept: list | None = None


def keep(*objects: object) -> None:
    """Keep ``objects`` alive until the process ends, where a command runs in a process
    of its own (:data:`kept` is a list); else do nothing.

    Example:
        >>> keep({"big": list(range(3))})  # called from Python: nothing is kept
        >>> kept is None
        True
    """
    if kept is not None:
        kept.append(objects)
