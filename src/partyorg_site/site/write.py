"""write: pages -> a complete new site, published only when every file is written.

Every file a build makes is first written into a staging folder beside the output; a
failed or interrupted build leaves the last good site untouched. Publication then takes
one of two ways:

- **whole**: with no previous site to build on (first build, --clean), the staging folder
  and the old site swap names in one step (renameat2's exchange), and the old site is
  removed afterwards.
- **patch**: with a previous site, the staging folder holds only the files that changed.
  Their list, and the files to delete, are written into a journal first; renaming the
  journal into place is the moment the new build is published, and the renames it lists
  follow. A build killed after that moment is finished by the next one before anything
  else (`_finish_publication`), so the output is always one whole build or, for the few
  milliseconds of the renames, on its way to the next. (Hard-linking the 13,000 unchanged
  pages of a 10,000-article archive into a fresh folder cost 1.5-3 s of every one-article
  rebuild on this machine.) `PUBLISHING` is held while the renames run, so a server in the
  same process never hands out a page from between two builds.

A marker file says "partyorg-site built this": an output folder without it is never
replaced, so a mistyped --output cannot wipe someone's files. An OS lock (`flock`) on a
file beside the output keeps two builds apart; the kernel drops it when its process ends,
however it ends, so a killed build never leaves a lock behind that blocks the next (the
PID once written into the file could be read back as 0, or as a stranger's PID).

`PARTYORG_FAULT=<point>` kills the build with SIGKILL at one of the named points of
publication (errors.FAULT_POINTS), so the tests can show what each moment leaves behind.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import functools
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Callable

from partyorg_site.errors import fault_point

MARKER = ".partyorg-site"  # JSON: what built this folder, and the digest of every file in it
LAYOUT = 2  # the marker's format: 2 lists every file (static ones included), so a patch knows what to delete
FIXED_MTIME = 946684800  # 2000-01-01: file times carry no build clock
PUBLISHING = threading.RLock()  # held while files are renamed into the output
_HELD_LOCKS: set[int] = set()  # descriptors of the locks this process holds; closed in forked children


class OutputError(Exception):
    pass


class SiteWriter:
    """Collects a build's files in a staging folder; `commit` publishes them."""

    def __init__(self, output: Path, reuse_pages: bool = True):
        self.output = output.resolve()
        self._prefix = f"{self.output}{os.sep}"  # for os.path.isfile: no Path made per kept page
        if self.output.exists() and not self.output.is_dir():
            raise OutputError(f"{self.output}: is a file, not a folder; choose a folder for --output")
        try:
            self.output.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise OutputError(f"{self.output}: cannot be made, a file is in its path; choose another --output") from None
        if self.output.exists() and not (self.output / MARKER).exists() and any(self.output.iterdir()):
            raise OutputError(f"{self.output}: exists, is not empty and was not built by partyorg-site; "
                              "refusing to replace it (choose another --output or empty it)")
        self.lock = self.output.parent / f".{self.output.name}.lock"
        self.journal = self.output.parent / f".{self.output.name}.publishing"
        self.lock_descriptor: int | None = _take_lock(self.lock, self.output)
        try:
            self._finish_publication()
            self._remove_leftovers()
            self.staging = Path(tempfile.mkdtemp(prefix=f".{self.output.name}-build-", dir=self.output.parent))
        except BaseException:  # a process that goes on (serve) must not keep the lock
            self.release()
            raise
        self.written: list[str] = []
        self.kept = 0
        self.previous = self._read_manifest() if reuse_pages else None
        self.patch = self.previous is not None  # publish by patching the previous site
        self.previous = self.previous or {}
        self.manifest: dict[str, str] = {}

    def _remove_leftovers(self) -> None:
        """Staging folders of builds that were killed, and replaced sites whose removal has
        not finished: we hold the lock, so no build uses them. They are removed in the
        background, as the last build's own old site may still be going (deleting 10,000
        files here took a second of a one-article rebuild)."""
        for pattern in (f".{self.output.name}-build-*", f".{self.output.name}-old-*"):
            for folder in self.output.parent.glob(pattern):
                _remove_in_background(folder)

    def _read_manifest(self) -> dict[str, str] | None:
        """The previous build's digest of every file, if it can be patched."""
        try:
            marker = json.loads((self.output / MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(marker, dict) or marker.get("layout") != LAYOUT or not isinstance(marker.get("files"), dict):
            return None
        return marker["files"]

    def unchanged(self, path: str, digest: str) -> bool:
        """True if the previous build wrote this file from the same inputs (and it is still
        there); then it stays as it is instead of being made again."""
        if not self._still_there(path, digest):
            return False
        self.kept += 1
        return True

    def _still_there(self, path: str, digest: str) -> bool:
        self.manifest[path] = digest
        return self.previous.get(path) == digest and self._is_file(path)

    def _is_file(self, path: str) -> bool:
        """Whether the previous build's file is still there: asked of every kept page, and a
        Path made for each cost a third of the stage (13,000 pages at 10,000 articles)."""
        return os.path.isfile(self._prefix + path)

    def write(self, path: str, content: str | bytes, digest: str | None = None) -> None:
        """Write a file; with a digest of its inputs (or the one `unchanged` was given), a
        later build may keep it; without, its content is its digest."""
        write_file(self.staging, path, content)
        self.written.append(path)
        if digest is not None:
            self.manifest[path] = digest
        elif path not in self.manifest:
            self.manifest[path] = content_digest(content)

    def write_if_changed(self, path: str, content: str | bytes | StoredFile, group: str) -> None:
        """Write a file unless the previous build wrote the same bytes; either way it is
        recorded under `group` (see keep_all) with its content's digest. A StoredFile's
        content is read only if it has to be written."""
        digest = content.digest if isinstance(content, StoredFile) else content_digest(content)
        self.manifest[path] = f"{group} {digest}"
        if self.previous.get(path, "").endswith(f" {digest}") and self._is_file(path):
            return
        self.write(path, content.read() if isinstance(content, StoredFile) else content, digest=self.manifest[path])

    def keep_all(self, group: str) -> bool:
        """Keep every file the previous build wrote in this group (the archive-wide files,
        whose group is the digest of every input, when no article changed), or none of
        them: False unless every one is still there, so that none is half kept."""
        previous = {path: digest for path, digest in self.previous.items() if digest.split(" ", 1)[0] == group}
        if not previous or not all(self._is_file(path) for path in previous):
            return False
        self.manifest.update(previous)
        return True

    def written_elsewhere(self, paths: list[str]) -> None:
        """Files a worker process wrote into the staging folder (see pipeline.render_pages)."""
        self.written.extend(paths)

    def copy_tree(self, source: Path, prefix: str) -> None:
        """A folder's files (the theme's static files), each copied only if it changed."""
        if not source.is_dir():
            return
        for file in sorted(p for p in source.rglob("*") if p.is_file()):
            path, content = f"{prefix}{file.relative_to(source).as_posix()}", file.read_bytes()
            if not self._still_there(path, content_digest(content)):
                self.write(path, content)

    def commit(self) -> None:
        """Publish the build: as a patch to the previous site when it changes fewer files
        than it keeps, else the staging folder whole."""
        fault_point("after-staging")
        self.write(MARKER, json.dumps({"generator": "partyorg-site", "layout": LAYOUT,
                                       "note": "This folder is built by partyorg-site; it is replaced on each build.",
                                       "files": dict(sorted(self.manifest.items()))}, indent=0) + "\n")
        written = set(self.written)
        kept = [path for path in self.manifest if path not in written] if self.patch else []
        patch = self.patch and self.output.is_dir() and len(written) <= len(kept)
        if not patch:
            # Most files are new (a template changed): renaming each into the old site costs
            # more than linking the few kept ones into the new folder and swapping it in.
            for path in kept:
                _link(self.output / path, self.staging / path)
        folders = set()
        for path in self.written:
            os.utime(self.staging / path, (FIXED_MTIME, FIXED_MTIME))
            folders.update(Path(path).parents)
        for path in ([] if patch else kept):
            folders.update(Path(path).parents)
        for folder in folders:
            os.utime(self.staging / folder, (FIXED_MTIME, FIXED_MTIME))
        if patch:
            self._publish_patch()
        else:
            self._publish_whole()
        os.utime(self.output, (FIXED_MTIME, FIXED_MTIME))
        self.release()

    def _publish_whole(self) -> None:
        """Swap the staging folder in, in one atomic exchange of the two folders where the
        system has one (Linux), so that a build killed at any moment leaves either the old
        site or the new one at the output's path, never none; the previous site (now at the
        staging folder's name, which the next build would remove if this one is killed) is
        removed only afterwards."""
        previous = None
        with PUBLISHING:
            fault_point("before-publication")
            if not self.output.exists():
                os.rename(self.staging, self.output)
            elif _exchange(self.staging, self.output):
                previous = self.staging
            else:  # no exchange here: two renames, with the output missing between them
                previous = Path(tempfile.mkdtemp(prefix=f".{self.output.name}-old-", dir=self.output.parent))
                os.rename(self.output, previous / "site")
                os.rename(self.staging, self.output)
        fault_point("after-swap")
        if previous:
            _remove_in_background(previous)

    def _publish_patch(self) -> None:
        """Write the journal (the files to move in, the files to delete; the marker last),
        rename it into place (the moment of publication), then carry it out."""
        moves = [path for path in self.written if path != MARKER] + [MARKER]
        deletions = sorted(set(self.previous) - set(self.manifest))
        pending = self.journal.with_name(self.journal.name + ".tmp")
        pending.write_text(json.dumps({"staging": self.staging.name, "move": moves, "delete": deletions}),
                           encoding="utf-8")
        with open(pending, "rb") as handle:  # on disk before it can be acted on
            os.fsync(handle.fileno())
        fault_point("before-publication")
        os.replace(pending, self.journal)
        self._finish_publication()

    def _finish_publication(self) -> None:
        """Carry out a published journal: this build's, or that of a build killed while it
        carried out its own (each step can be done twice)."""
        try:
            journal = json.loads(self.journal.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except ValueError:  # cannot happen (written whole, then renamed); never act on a torn one
            self.journal.unlink()
            return
        staging = self.output.parent / journal["staging"]
        touched = set()
        with PUBLISHING:
            for number, path in enumerate(journal["move"]):
                if number == len(journal["move"]) // 2:
                    fault_point("mid-journal")
                source, target = staging / path, self.output / path
                if source.is_file() or source.is_symlink():
                    _move(source, target)
                touched.add(Path(path).parent)
            for path in journal["delete"]:
                (self.output / path).unlink(missing_ok=True)
                folder = Path(path).parent
                while folder != Path(".") and _remove_if_empty(self.output / folder):
                    folder = folder.parent
                touched.add(folder)
            for folder in touched:
                for each in (folder, *folder.parents):
                    if (self.output / each).is_dir():
                        os.utime(self.output / each, (FIXED_MTIME, FIXED_MTIME))
        fault_point("after-journal")
        self.journal.unlink()
        shutil.rmtree(staging, ignore_errors=True)

    def abort(self) -> None:
        """Give up the build. Before publication its staging folder goes; after (the
        renames were cut short) the folder is what the journal needs, and the next build
        finishes the publication."""
        if not self.journal.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
        self.release()

    def release(self) -> None:
        """Remove the lock file, then let go of the lock (in that order: a build that opened
        the file before it was removed finds, once it holds the lock, that it holds a lock
        on a file no longer there, and tries again)."""
        if self.lock_descriptor is None:
            return
        try:
            self.lock.unlink()
        except FileNotFoundError:
            pass
        _HELD_LOCKS.discard(self.lock_descriptor)
        os.close(self.lock_descriptor)
        self.lock_descriptor = None


def _take_lock(lock: Path, output: Path) -> int:
    """An exclusive flock on the lock file, or OutputError if another build holds it. The
    file's content (this build's PID) is for people; whether it is empty, or names a dead
    or living process, decides nothing."""
    while True:
        descriptor = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise OutputError(f"another build is writing {output} (it holds {lock}); wait for it to finish") from None
        try:
            same_file = os.fstat(descriptor).st_ino == os.stat(lock).st_ino
        except FileNotFoundError:  # the build before us removed it between our open and our lock
            same_file = False
        if same_file:
            break
        os.close(descriptor)
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"{os.getpid()}\n".encode())
    _HELD_LOCKS.add(descriptor)
    return descriptor


def _forget_locks_in_child() -> None:
    """A forked worker (pipeline.render_pages) must not keep the build's lock alive if the
    build is killed: its copy of the descriptor is closed (the parent's still holds it)."""
    for descriptor in list(_HELD_LOCKS):
        try:
            os.close(descriptor)
        except OSError:
            pass
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_forget_locks_in_child)


def content_digest(content: str | bytes) -> str:
    """What a file's manifest entry says of its bytes."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return "bytes-" + hashlib.blake2b(data, digest_size=16).hexdigest()


class StoredFile:
    """A file kept elsewhere (the search index's, in the state database) by its content's
    digest: written only where the previous build's is not the same, and read only then
    (reading back and hashing the index's 10 MB cost a tenth of a one-article rebuild)."""

    __slots__ = ("digest", "read")

    def __init__(self, digest: str, read: Callable[[], str | bytes]):
        self.digest, self.read = digest, read


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders' names in one step (Linux's renameat2 with RENAME_EXCHANGE); False
    where the system or its file system cannot, and nothing was changed."""
    function = getattr(_libc(), "renameat2", None)
    if function is None:
        return False
    at_cwd, rename_exchange = -100, 2
    if function(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EPERM, errno.EXDEV, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


@functools.lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _move(source: Path, target: Path) -> None:
    """Rename a new file over the old one; a folder (or nothing) in its way is dealt with."""
    try:
        os.replace(source, target)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
    except IsADirectoryError:
        shutil.rmtree(target)
        os.replace(source, target)


def _remove_if_empty(folder: Path) -> bool:
    try:
        folder.rmdir()
        return True
    except OSError:
        return False


def _remove_in_background(folder: Path) -> None:
    """The replaced site is already out of the way (renamed); deleting its thousands of
    files need not hold up the build. A child process does it; if it is killed, the next
    build removes the leftover folder (SiteWriter._remove_leftovers)."""
    try:
        subprocess.Popen(["rm", "-rf", "--", str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def write_file(root: Path, path: str, content: str | bytes) -> None:
    """Write one file of the site under `root`; a path that could leave it is refused."""
    if path.startswith("/") or ".." in path.split("/") or "\0" in path:
        raise OutputError(f"refusing to write outside the site: {path!r}")
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)

