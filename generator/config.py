"""One typed `Settings` object, built once from command-line options and the environment.

Every path is resolved to an absolute path when the settings are made, so no later
stage depends on the current directory.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.errors import ConfigError

LANGUAGES = ("zh", "en")
"""Chinese is the site root; English lives under `en/`."""

SITE_URL_ENV = "DIGEST_SITE_URL"
"""Overrides `site_url` of mkdocs.yml (the Pages workflow sets it to the Pages address)."""
_SITE_URL_RE = re.compile(r"^https?://[^/\s]+(/\S*)?/$")


def project_root() -> Path:
    """The folder holding `mkdocs.yml` and `generator/` (the checkout)."""
    return Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a build needs to know. Made by `load_settings`, never mutated."""

    root: Path
    seeds_dir: Path
    docs_dir: Path
    site_dir: Path
    mkdocs_config: Path  # Chinese site; the English one is `mkdocs.en.yml` beside it
    strict: bool = False
    # The translation memory (gettext PO); load_settings makes it absolute.
    translations: Path = Path("translations/en.po")
    # Public address of the Chinese site (the English one is `<site_url>en/`), from
    # DIGEST_SITE_URL; None means `site_url` of mkdocs.yml (see generator.site.site_urls).
    site_url: str | None = None
    # Processes for the per-seed work (`generator.seedmap`); 1 runs it in this process.
    jobs: int = 1
    # Folder of the per-seed cache (`generator.seed_cache`); None: no cache.
    cache_dir: Path | None = None
    # Where the per-seed work runs: "local" (this process, or a pool of `jobs` processes) or
    # "dask" (`generator.dask_executor`: the cluster at `scheduler`, else `jobs` local workers).
    executor: str = "local"
    scheduler: str | None = None

    @property
    def mkdocs_config_en(self) -> Path:
        return self.mkdocs_config.with_name("mkdocs.en.yml")

    def with_paths(self, **paths: Path) -> Settings:
        resolved: dict[str, Any] = {k: Path(v).resolve() for k, v in paths.items()}
        return replace(self, **resolved)


def source_date_epoch_valid(value: str) -> bool:
    """What MkDocs and the zip accept: empty (unset) or non-negative whole seconds."""
    stripped = value.strip()
    return stripped == "" or (stripped.isascii() and stripped.isdigit())


def normalise_site_url(value: str) -> str | None:
    """An absolute http(s) URL ending with "/" (one is added), or None if `value` is not one.

    `actions/configure-pages` gives its `base_url` without the final slash.
    """
    url = value.strip()
    if url and not url.endswith("/"):
        url += "/"
    return url if _SITE_URL_RE.match(url) else None


EXECUTORS = ("local", "dask")
# What `distributed.Client` takes: [protocol://]host:port (a host name, IPv4, or [IPv6]).
_SCHEDULER_RE = re.compile(
    r"(?:(?:tcp|tls|ws|wss)://)?(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:]+\]):\d{1,5}"
)


def load_settings(
    *,
    seeds: str | os.PathLike[str] | None = None,
    docs: str | os.PathLike[str] | None = None,
    site: str | os.PathLike[str] | None = None,
    strict: bool | None = None,
    root: Path | None = None,
    jobs: int | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    no_cache: bool = False,
    cache_by_default: bool = False,
    executor: str | None = None,
    scheduler: str | None = None,
) -> Settings:
    """Build settings from explicit options, then `DIGEST_*` environment variables, then defaults.

    Environment: `DIGEST_SEEDS`, `DIGEST_DOCS`, `DIGEST_SITE`, `DIGEST_STRICT` (1/true/yes),
    `DIGEST_TRANSLATIONS` (the PO translation memory, default `translations/en.po`),
    `DIGEST_SITE_URL` (public address of the site; default `site_url` of mkdocs.yml),
    `DIGEST_JOBS` (processes for the per-seed work, default 1: the serial path; the command
    line defaults to the number of cores), `DIGEST_CACHE_DIR` (the per-seed cache; without it
    no cache, unless `cache_by_default`, as the command line asks: `.cache/digest`),
    `DIGEST_NO_CACHE` (1/true/yes: no cache whatever else says so), `DIGEST_EXECUTOR`
    (`local` or `dask`) and `DIGEST_SCHEDULER` (a Dask scheduler's address).
    Every problem is collected and reported at once.
    """
    base = (root or project_root()).resolve()
    env = os.environ

    def pick(option: str | os.PathLike[str] | None, var: str, default: str) -> Path:
        # What a user typed is relative to where they typed it; defaults to the project.
        given = option if option is not None else env.get(var)
        if given:
            return Path(given).expanduser().resolve()
        return (base / default).resolve()

    seeds_dir = pick(seeds, "DIGEST_SEEDS", "seeds")
    docs_dir = pick(docs, "DIGEST_DOCS", "docs_src")
    site_dir = pick(site, "DIGEST_SITE", "site")
    translations = pick(None, "DIGEST_TRANSLATIONS", "translations/en.po")
    if strict is None:
        strict = env.get("DIGEST_STRICT", "").strip().lower() in {"1", "true", "yes", "on"}

    problems = []
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch is not None and not source_date_epoch_valid(epoch):
        problems.append(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {epoch!r}")
    site_url = None
    given_url = env.get(SITE_URL_ENV, "").strip()
    if given_url:
        site_url = normalise_site_url(given_url)
        if site_url is None:
            problems.append(f"{SITE_URL_ENV} must be an absolute http(s) URL, got {given_url!r}")
    if not seeds_dir.is_dir():
        problems.append(f"seeds folder not found: {seeds_dir}")
    config = base / "mkdocs.yml"
    if not config.is_file():
        problems.append(f"MkDocs configuration not found: {config}")
    if docs_dir == seeds_dir or site_dir == seeds_dir:
        problems.append("the output folders must differ from the seeds folder")
    for out in (docs_dir, site_dir):
        if out in (base, Path(out.anchor)) or base.is_relative_to(out):
            problems.append(f"refusing to use {out} as an output folder: it contains the project")
    if jobs is None:
        given_jobs = env.get("DIGEST_JOBS", "").strip()
        if given_jobs and not given_jobs.isdigit():
            problems.append(f"DIGEST_JOBS must be a whole number, got {given_jobs!r}")
        jobs = int(given_jobs) if given_jobs.isdigit() else 1
    no_cache = no_cache or env.get("DIGEST_NO_CACHE", "").strip().lower() in {"1", "true", "yes", "on"}
    wants_cache = cache_dir is not None or bool(env.get("DIGEST_CACHE_DIR")) or cache_by_default
    cache = None if no_cache or not wants_cache else pick(cache_dir, "DIGEST_CACHE_DIR", ".cache/digest")
    if jobs < 1:
        problems.append(f"--jobs must be at least 1, got {jobs}")
    executor = (executor or env.get("DIGEST_EXECUTOR", "") or "local").strip().lower()
    scheduler = (scheduler or env.get("DIGEST_SCHEDULER", "")).strip() or None
    if executor not in EXECUTORS:
        problems.append(f"--executor must be one of {', '.join(EXECUTORS)}, got {executor!r}")
    if scheduler is not None and executor != "dask":
        problems.append("--scheduler names a Dask scheduler: it needs --executor dask")
    elif scheduler is not None and not _SCHEDULER_RE.fullmatch(scheduler):
        problems.append(f"--scheduler must be a Dask scheduler address such as tcp://10.0.0.5:8786, got {scheduler!r}")
    if problems:
        raise ConfigError("; ".join(problems))
    return Settings(
        root=base,
        seeds_dir=seeds_dir,
        docs_dir=docs_dir,
        site_dir=site_dir,
        mkdocs_config=config,
        strict=bool(strict),
        translations=translations,
        site_url=site_url,
        jobs=jobs or 1,
        cache_dir=cache,
        executor=executor,
        scheduler=scheduler,
    )
