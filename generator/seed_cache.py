"""A content-hash cache of per-seed results (`generator.seedmap`), one file per entry.

An entry's key hashes everything its result is made from: the seed's name and bytes, the
bytes of any sidecar beside it, the stage and its cross-file inputs (the corpus years), and
the version of the code and data (every file of the `generator` package and the versions
of the libraries whose output we keep). So a changed seed, sidecar, year, library or line
of code misses, and only that seed's work is done again.

Entries are written atomically (a temporary file renamed over the entry), and one that
cannot be read, does not unpickle, or holds another key or type is ignored and replaced:
a bad entry costs time, never correctness. The folder is a cache: deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.seedmap import Seed

log = logging.getLogger(__name__)

FORMAT = "digest-seed-cache-1"
# Libraries whose behaviour is part of a result: segmentation, script conversion, the line
# model's decoder, MinHash, numbers, date parsing, YAML sidecars.
LIBRARIES = ("jieba", "OpenCC", "python-crfsuite", "datasketch", "numpy", "cn2an", "PyYAML", "pypinyin")
PACKAGE_DIR = Path(__file__).resolve().parent


def package_version(name: str) -> str:
    """The installed version of a distribution, "-" when it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def code_version(package_dir: Path = PACKAGE_DIR, libraries: Iterable[str] = LIBRARIES) -> str:
    """Hash of every file of the package (code and data, by relative path) and the library versions."""
    digest = hashlib.sha256(FORMAT.encode())
    digest.update(sys.version.encode())
    for name in libraries:
        digest.update(f"\0{name}={package_version(name)}".encode())
    files = sorted(
        p for p in package_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )
    for path in files:
        digest.update(b"\0" + path.relative_to(package_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _is_linked(path: Path, seeds_dir: Path) -> bool:
    return any(p.is_symlink() for p in (path, *path.parents) if p.is_relative_to(seeds_dir))


def seed_key(seed_bytes: bytes, sidecars: Sequence[bytes | None], *, name: str, version: str) -> str:
    """The key of one seed's work: its name, bytes and sidecars' bytes, and the code version."""
    digest = hashlib.sha256(version.encode())
    digest.update(b"\0name\0" + name.encode("utf-8", "surrogateescape"))
    digest.update(b"\0seed\0" + hashlib.sha256(seed_bytes).digest())
    for sidecar in sidecars:
        digest.update(b"\0sidecar\0" + (hashlib.sha256(sidecar).digest() if sidecar is not None else b"none"))
    return digest.hexdigest()


class SeedCache:
    """Per-seed results under `folder`, keyed by content (see the module docstring)."""

    def __init__(self, folder: Path, *, version: str | None = None) -> None:
        self.folder = folder
        self.version = version if version is not None else code_version()

    def keys(self, seeds: Sequence[Seed]) -> Mapping[str, str | None]:
        """Each seed's key; None for a seed never cached (a clash of names, a symbolic
        link, a file that cannot be read now: its task reports why)."""
        from generator.ingest.read import sidecar_paths

        keys: dict[str, str | None] = {}
        for seed in seeds:
            seeds_dir = seed.path.parents[len(Path(seed.name).parts) - 1]
            if seed.collision is not None or _is_linked(seed.path, seeds_dir):
                keys[seed.name] = None
                continue
            try:
                sidecars = [p.read_bytes() if p.is_file() else None for p in sidecar_paths(seed.path)]
                keys[seed.name] = seed_key(seed.path.read_bytes(), sidecars, name=seed.name, version=self.version)
            except OSError:
                keys[seed.name] = None
        return keys

    def _path(self, stage: str, key: str) -> Path:
        return self.folder / key[:2] / f"{key}-{hashlib.sha256(stage.encode()).hexdigest()[:16]}.pickle"

    def get(self, stage: str, key: str) -> Any:
        """The stored result, or None (missing, unreadable, corrupt, or not this entry)."""
        path = self._path(stage, key)
        try:
            stored = pickle.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        # Any bad entry (truncated, from another version of a class, not a pickle) is a
        # miss: the work is done again, so a damaged cache can never give wrong output.
        except Exception as exc:
            log.debug("cache entry %s ignored: %s", path, exc)
            return None
        if not (isinstance(stored, tuple) and len(stored) == 3 and stored[:2] == (key, stage)):
            log.debug("cache entry %s ignored: it is not the entry for this key", path)
            return None
        return stored[2]

    def put(self, stage: str, key: str, value: object) -> None:
        """Store `value` atomically; a cache that cannot be written only costs the next run time."""
        path = self._path(stage, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
            try:
                with os.fdopen(handle, "wb") as out:
                    pickle.dump((key, stage, value), out, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as exc:
            log.info("cache not written (%s): %s", path, exc)
