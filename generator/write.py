"""Atomic output: a whole folder is replaced at once, or a file at once, never half.

A build writes the new tree into a hidden sibling folder, then swaps it with the old
one. On Linux the swap is one `renameat2(RENAME_EXCHANGE)` call, so there is no moment
without a complete folder; elsewhere it is two renames, and `recover` repairs the rare
interruption between them at the next run.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from generator.errors import BuildError
from generator.interrupt import pause_point

log = logging.getLogger(__name__)

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def libc_handle() -> ctypes.CDLL | None:
    """The C library, where there is one to load (None elsewhere)."""
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True) if name else None
    except OSError:
        return None


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two existing paths; False where the system cannot."""
    libc = libc_handle()
    func = getattr(libc, "renameat2", None) if libc else None
    if func is None:
        return False
    result = func(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def _old_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def recover(target: Path) -> None:
    """Undo an interrupted two-rename swap and remove leftovers of killed builds."""
    old = _old_name(target)
    if old.exists() and not target.exists():
        old.rename(target)
    if old.exists():
        shutil.rmtree(old)
    for stale in target.parent.glob(f".{target.name}.new-*"):
        shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def staged_dir(target: Path, *, pause: str | None = None) -> Iterator[Path]:
    """Yield an empty folder beside `target`; on success it replaces `target` atomically.

    If the body raises (or the process dies), `target` is left exactly as it was.
    `pause` names the test pause point just before the swap (`generator.interrupt`).
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    staging.chmod(0o777 & ~current_umask())  # mkdtemp makes it private; the result is a normal folder
    try:
        yield staging
        if pause:
            pause_point(pause)
        if not target.exists():
            staging.rename(target)
            return
        if _exchange(staging, target):
            previous = staging
        else:
            previous = _old_name(target)
            target.rename(previous)
            staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # The new tree is in place: failing to delete the old one must not fail the build
    # (`recover` deletes it next time).
    try:
        shutil.rmtree(previous)
    except OSError as exc:
        log.warning("%s: the previous output stays in %s until the next build (%s)", target, previous, exc)


def safe_relative(path: str) -> PurePosixPath:
    """Check a generated relative path: no absolute paths, no `..`, no empty parts."""
    pure = PurePosixPath(path)
    # Check the raw parts: PurePosixPath would silently fold "a//b" and "./a".
    if path.startswith("/") or any(part in ("", ".", "..") for part in path.split("/")) or "\\" in path:
        raise BuildError(f"refusing to write outside the output folder: {path!r}")
    return pure


def write_tree(target: Path, files: Mapping[str, str | bytes], *, pause: str | None = None) -> None:
    """Replace folder `target` with exactly `files` (relative path -> content), atomically.

    Files whose bytes did not change are carried over (hard links), not rewritten.
    """
    checked = {safe_relative(p): content for p, content in files.items()}
    folded: dict[str, PurePosixPath] = {}
    for rel in checked:
        key = str(rel).casefold()
        if key in folded:
            # Two pages for one path (or paths equal on case-insensitive disks): refuse.
            raise BuildError(f"two outputs for one path: {folded[key]} and {rel}")
        folded[key] = rel
    previous = target.resolve() if target.is_dir() else None
    mode = 0o666 & ~current_umask()
    with staged_dir(target, pause=pause) as staging:
        made: set[Path] = set()
        for rel in sorted(checked):
            dest = staging.joinpath(*rel.parts)
            if dest.parent not in made:
                dest.parent.mkdir(parents=True, exist_ok=True)
                made.add(dest.parent)
            content = checked[rel]
            data = content.encode("utf-8") if isinstance(content, str) else content
            if previous is not None and _kept(previous.joinpath(*rel.parts), data, mode, dest):
                continue
            dest.write_bytes(data)


def _kept(old: Path, data: bytes, mode: int, dest: Path) -> bool:
    """Link `old` at `dest` when it is a regular file holding exactly `data` with `mode`.

    An unchanged output keeps its bytes, inode and mtime (tools that compare times, rsync,
    a reader's browser cache see no change); the swap stays atomic because the new tree
    is still complete before it replaces the old. Anything else (a symlink, another
    mode, a file system without hard links) is written afresh.
    """
    try:
        info = os.lstat(old)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data) or stat.S_IMODE(info.st_mode) != mode:
            return False
        if old.read_bytes() != data:
            return False
        os.link(old, dest, follow_symlinks=False)
    except OSError:
        return False
    return True


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere the only way to read it is to set it
    os.umask(mask)
    return mask


def publish(tmp: Path, target: Path) -> None:
    """Give a finished temporary file the mode a plain `open()` would, then rename it over `target`.

    `mkstemp` makes files 0600 whatever the umask; an export or zip is meant for others.
    """
    os.chmod(tmp, 0o666 & ~current_umask())
    os.replace(tmp, target)


def write_file(target: Path, content: str | bytes) -> None:
    """Write one file atomically: a temporary file in the same folder, then rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        publish(Path(tmp), target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
