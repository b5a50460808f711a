"""write: pages -> a complete new site, swapped in only when every file is written.

The site is rendered into a temporary folder beside the output, then renamed into
place, so a failed or interrupted build leaves the last good site untouched. A marker
file says "partyorg-site built this": an output folder without it is never replaced,
so a mistyped --output cannot wipe someone's files. A lock file keeps two builds apart.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

MARKER = ".partyorg-site"  # JSON: what built this folder, and the digest of every page
FIXED_MTIME = 946684800  # 2000-01-01: file times carry no build clock


class OutputError(Exception):
    pass


class SiteWriter:
    """Collects files into a staging folder; `commit` swaps it in for the output."""

    def __init__(self, output: Path, reuse_pages: bool = True):
        self.output = output.resolve()
        self.output.parent.mkdir(parents=True, exist_ok=True)
        if self.output.exists() and not (self.output / MARKER).exists() and any(self.output.iterdir()):
            raise OutputError(f"{self.output}: exists, is not empty and was not built by partyorg-site; "
                              "refusing to replace it (choose another --output or empty it)")
        self.lock = self.output.parent / f".{self.output.name}.lock"
        try:
            descriptor = os.open(self.lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            os.write(descriptor, str(os.getpid()).encode())
            os.close(descriptor)
        except FileExistsError:
            if not _stale(self.lock):
                raise OutputError(f"another build is writing {self.output} (lock {self.lock}); "
                                  "wait for it, or delete the lock if no build is running") from None
            self.lock.write_text(str(os.getpid()))
        self._remove_leftovers()
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.output.name}-build-", dir=self.output.parent))
        self.written: list[str] = []
        self.kept = 0
        self.kept_paths: list[str] = []
        self.previous = self._read_manifest() if reuse_pages else {}
        self.manifest: dict[str, str] = {}

    def _remove_leftovers(self) -> None:
        """Staging folders of builds that were killed, and replaced sites whose removal has
        not finished: we hold the lock, so no build uses them. They are removed in the
        background, as the last build's own old site may still be going (deleting 10,000
        files here took a second of a one-article rebuild)."""
        for pattern in (f".{self.output.name}-build-*", f".{self.output.name}-old-*"):
            for folder in self.output.parent.glob(pattern):
                _remove_in_background(folder)

    def _read_manifest(self) -> dict[str, str]:
        try:
            return json.loads((self.output / MARKER).read_text(encoding="utf-8")).get("pages", {})
        except (OSError, ValueError, AttributeError):
            return {}

    def unchanged(self, path: str, digest: str) -> bool:
        """True if the previous build wrote this page from the same inputs; then the old
        file is taken over (hard-linked) instead of rendered again."""
        self.manifest[path] = digest
        if self.previous.get(path) != digest or not (self.output / path).is_file():
            return False
        self._take_over(path)
        self.kept += 1
        return True

    def _take_over(self, path: str) -> None:
        target = self.staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(self.output / path, target)
        except OSError:
            shutil.copyfile(self.output / path, target)
        self.written.append(path)
        self.kept_paths.append(path)

    def write(self, path: str, content: str | bytes, digest: str | None = None) -> None:
        """Write a file; with a digest of its inputs, a later build may take it over."""
        write_file(self.staging, path, content)
        self.written.append(path)
        if digest is not None:
            self.manifest[path] = digest

    def keep_all(self, digest: str) -> bool:
        """Take over every file the previous build wrote from inputs with this digest (the
        archive-wide files, when no article changed), or none of them: False unless every
        one is still there, so that no file is half taken over and half written."""
        paths = [path for path, old in self.previous.items() if old == digest]
        if not paths or not all((self.output / path).is_file() for path in paths):
            return False
        for path in paths:
            self.manifest[path] = digest
            self._take_over(path)
        return True

    def written_elsewhere(self, paths: list[str]) -> None:
        """Files a worker process wrote into the staging folder (see pipeline.render_pages)."""
        self.written.extend(paths)

    def copy_tree(self, source: Path, prefix: str) -> None:
        if not source.is_dir():
            return
        for file in sorted(p for p in source.rglob("*") if p.is_file()):
            self.write(f"{prefix}{file.relative_to(source).as_posix()}", file.read_bytes())

    def commit(self) -> None:
        """Swap the staging folder in; the previous site is removed only afterwards."""
        self.write(MARKER, json.dumps({"generator": "partyorg-site", "note": "This folder is built by partyorg-site; "
                                       "it is replaced whole on each build.",
                                       "pages": dict(sorted(self.manifest.items()))}, indent=0) + "\n")
        kept = set(self.kept_paths)  # hard links to files that already carry the fixed time
        folders = set()
        for path in self.written:
            if path not in kept:
                os.utime(self.staging / path, (FIXED_MTIME, FIXED_MTIME))
            folders.update(Path(path).parents)
        for folder in folders:
            os.utime(self.staging / folder, (FIXED_MTIME, FIXED_MTIME))
        previous = None
        if self.output.exists():
            previous = Path(tempfile.mkdtemp(prefix=f".{self.output.name}-old-", dir=self.output.parent))
            os.rename(self.output, previous / "site")
        os.rename(self.staging, self.output)
        os.utime(self.output, (FIXED_MTIME, FIXED_MTIME))
        if previous:
            _remove_in_background(previous)
        self.release()

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self.release()

    def release(self) -> None:
        try:
            self.lock.unlink()
        except FileNotFoundError:
            pass


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


def _stale(lock: Path) -> bool:
    """A lock left by a build that no longer runs (killed) may be taken over."""
    try:
        pid = int(lock.read_text().strip() or 0)
        os.kill(pid, 0)
        return False
    except (ValueError, ProcessLookupError):
        return True
    except PermissionError:
        return False
