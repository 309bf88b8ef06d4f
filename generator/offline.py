"""A zip of the whole built site that works when unzipped and opened from disk.

Entries are sorted and stamped with one fixed time (SOURCE_DATE_EPOCH, or 1980-01-01,
the zip format's earliest date), so the same site gives the same zip, byte for byte.
"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

from generator.config import source_date_epoch_valid
from generator.errors import BuildError, ConfigError
from generator.interrupt import pause_point
from generator.write import publish

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _stamp() -> tuple[int, int, int, int, int, int]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return _ZIP_EPOCH
    if not source_date_epoch_valid(epoch):
        raise ConfigError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {epoch!r}")
    moment = time.gmtime(max(int(epoch), 315532800))  # zip cannot store dates before 1980
    return (moment.tm_year, moment.tm_mon, moment.tm_mday, moment.tm_hour, moment.tm_min, moment.tm_sec)


def zip_site(site_dir: Path, out: Path, *, folder: str = "digest-site") -> Path:
    """Write `out` (atomically) holding `site_dir` under `folder/`; return `out`."""
    if not (site_dir / "index.html").is_file():
        raise BuildError(f"{site_dir}: no built site; run `python -m generator site` first")
    stamp = _stamp()
    tmp = out.with_name(f".{out.name}.partial")
    out.parent.mkdir(parents=True, exist_ok=True)
    # finally: an error, Ctrl-C or SIGTERM (turned into an exception by the CLI) leaves no .partial.
    try:
        with tmp.open("wb") as handle:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
                for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
                    info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    archive.writestr(info, path.read_bytes())
                    pause_point("zip")
            handle.flush()
            os.fsync(handle.fileno())
        publish(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out
