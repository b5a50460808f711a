"""Problems with input, reported as values so one bad file never stops the build."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong with one input file: where, and what a person should do about it.

    Problems are values, not exceptions: the build collects them, reports them as
    `file:line: message` and carries on with the rest of the archive.
    """

    file: str
    message: str
    line: int | None = None
    kind: str = "error"  # "error": the file was not loaded; "warning": it was, with a caveat

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class ArticleError(Exception):
    """Raised inside the loader for a file that cannot become a record; turned into a Problem."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
