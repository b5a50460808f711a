"""Problems with input, reported as values so one bad file never stops the build."""
from __future__ import annotations

import os
import signal
from dataclasses import dataclass

FAULT = "PARTYORG_FAULT"
BESIDE_PARENT = "PARTYORG_BESIDE_PARENT"  # set in a forked process working beside the build: the build's PID
# Where PARTYORG_FAULT can kill a build, in the order a build passes them: the state
# database's last write of the build is half done; the published database is half filled;
# every page is in the staging folder; the journal (or the new folder) is ready but not yet
# in place; the journal is in place and half carried out; the journal is carried out but not
# yet removed; the new folder has been swapped in, the old one not yet removed.
FAULT_POINTS = ("mid-state", "mid-database", "after-staging", "before-publication", "mid-journal", "after-journal",
                "after-swap")


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


def fault_point(name: str) -> None:
    """Kill this process here, as `kill -9` would, if PARTYORG_FAULT names this point (the
    tests' way to show what each moment of a build leaves behind)."""
    assert name in FAULT_POINTS, name
    if os.environ.get(FAULT) == name:
        parent = os.environ.get(BESIDE_PARENT)
        if parent:  # a process working beside the build (site/beside): the build is killed with it
            os.kill(int(parent), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)
