"""The one error type graphtool raises for bad input, with where it happened."""

from __future__ import annotations


class GraphtoolError(Exception):
    """Bad input or an impossible request, reported without a traceback.

    ``location`` names the file and the line or record (``papers.jsonl:12``).

    Example:
        >>> str(GraphtoolError("missing title", location="papers.jsonl:3"))
        'papers.jsonl:3: missing title'
    """

    def __init__(self, message: str, location: str | None = None) -> None:
        self.message = message
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class InputError(GraphtoolError):
    """A malformed corpus file or record.

    Example:
        >>> isinstance(InputError("broken JSON", "a.jsonl:2"), GraphtoolError)
        True
    """


class BadRecords(InputError):
    """Some records of a corpus were bad; ``papers`` holds the good ones.

    Raised by :func:`graphtool.read` unless ``skip_bad=True``; the message lists
    every bad record with its file and line.

    Example:
        >>> e = BadRecords([InputError("no title", "x.jsonl:2")], papers=[])
        >>> e.errors[0].location
        'x.jsonl:2'
    """

    def __init__(self, errors: list[InputError], papers: list) -> None:
        self.errors = errors
        self.papers = papers
        lines = "\n".join(f"  {e}" for e in errors[:20])
        more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
        if papers:
            head = (
                f"{len(errors)} bad record(s); fix them or pass --skip-bad to load the "
                f"{len(papers)} good ones:"
            )
        else:
            head = f"{len(errors)} bad record(s) and no good one:"
        super().__init__(f"{head}\n{lines}{more}")


class DataWarning(UserWarning):
    """Output that had to change the data to be valid: characters that XML 1.0
    cannot hold were dropped from a GraphML or GEXF export. The CLI prints it as a
    note; in Python it is a regular warning (``warnings.catch_warnings``).

    Example:
        >>> issubclass(DataWarning, UserWarning)
        True
    """
