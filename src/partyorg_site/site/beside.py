"""beside: one part of a build run in a forked process next to the main one.

A one-article rebuild at 10,000 articles spent about half a second making the archive-wide
files (records file, search index, published database, feeds) after the page list, the
page digests and the rendering, none of which depends on them; the machine's other core
sat idle the whole time. `Beside` forks the building process once (the child inherits the
archive as it is, nothing is pickled on the way in), runs a function there and hands its
result (or the exception it raised) back through a pipe when asked for it.

The child never outlives the build: it is killed with its parent (PR_SET_PDEATHSIG, where
Linux has it) and by `abandon` when the build fails; it leaves through os._exit, so no
cleanup of the parent's (removing the staging folder, releasing the lock, closing the state
database) ever runs in it. A child that dies without a result is reported as an error, and
the build publishes nothing.
"""
from __future__ import annotations

import ctypes
import os
import pickle
import signal
import traceback
from typing import Callable, Generic, TypeVar

from partyorg_site.errors import BESIDE_PARENT

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1


class Beside(Generic[T]):
    """`work()` running in a forked child; `result()` waits for it."""

    def __init__(self, work: Callable[[], T]):
        parent = os.getpid()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            _run_child(work, write, parent)
        os.close(write)
        self.pid: int | None = pid
        self.read = read

    def result(self) -> T:
        """The child's result; its exception raised here; ChildProcessError if it died."""
        assert self.pid is not None
        with os.fdopen(self.read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if not data:
            raise ChildProcessError(f"the build's second process ended without its work done (status {status})")
        kind, value = pickle.loads(data)
        if kind == "error":
            raise value
        return value

    def abandon(self) -> None:
        """Stop the child (the build failed or was interrupted)."""
        if self.pid is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        self.pid = None
        try:
            os.close(self.read)
        except OSError:
            pass


def _run_child(work: Callable[[], T], write: int, parent: int) -> None:
    status = 1
    try:
        _die_with_parent(parent)
        os.environ[BESIDE_PARENT] = str(parent)  # PARTYORG_FAULT here kills the build, as kill -9 would
        try:
            outcome: tuple[str, object] = ("ok", work())
        except BaseException as exc:  # handed to the parent, which raises it
            outcome = ("error", exc)
        try:
            data = pickle.dumps(outcome)
        except Exception:  # an exception that cannot be pickled: its text
            data = pickle.dumps(("error", RuntimeError("".join(traceback.format_exception(outcome[1]))))
                                if outcome[0] == "error" else ("error", RuntimeError("result not picklable")))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when its parent dies (a build killed with -9
    leaves no worker behind writing into its staging folder)."""
    try:
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # the process's own symbols: libc's
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # died before the request took effect
        os._exit(1)
