"""MkDocs builds: one per language, assembled into one site folder, swapped in atomically.

Each language is its own MkDocs build (its own search index): Chinese at the site root,
English under `en/`. The builds run as two `python -m mkdocs` processes in parallel
(jieba and MkDocs keep global state, and the machine has two cores). Each gets a
generated configuration with absolute paths, so docs and site folders can be anywhere.
"""

from __future__ import annotations

import gzip
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.config import SITE_URL_ENV, Settings
from generator.errors import BuildError
from generator.interrupt import pause_point
from generator.render.feeds import check_site_url
from generator.write import staged_dir

log = logging.getLogger(__name__)

# Paths inside an MkDocs configuration that are relative to the configuration file.
_PATH_KEYS = ("docs_dir", "site_dir")


def _merge(parent: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    """MkDocs' INHERIT rule: dictionaries merge recursively, everything else is replaced."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_mkdocs_config(path: Path) -> dict[str, Any]:
    """Read an MkDocs YAML file, following INHERIT."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(f"{path}: cannot read MkDocs configuration: {exc}") from exc
    parent = data.pop("INHERIT", None)
    if parent:
        return _merge(load_mkdocs_config(path.parent / parent), data)
    return dict(data)


def site_urls(settings: Settings) -> dict[str, str]:
    """Absolute URL of each language's home: the one `site_url` setting, and `en/` below it.

    The setting is `DIGEST_SITE_URL` when set (`settings.site_url`), else `site_url` of
    mkdocs.yml. The English site is always built into `en/` of the same site folder, so
    its address is derived here and any `site_url` in mkdocs.en.yml is overridden.
    """
    if settings.site_url:
        zh = check_site_url(settings.site_url, where=SITE_URL_ENV)
    else:
        url = load_mkdocs_config(settings.mkdocs_config).get("site_url") or ""
        zh = check_site_url(str(url), where=str(settings.mkdocs_config))
    return {"zh": zh, "en": zh + "en/"}


def jieba_dictionary_text(text: str) -> str:
    """A jieba dictionary without our comment lines: jieba reads every line as a word."""
    return "".join(f"{line}\n" for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def resolve_config(
    config: Mapping[str, Any], *, base: Path, docs_dir: Path, site_dir: Path, scratch: Path | None = None
) -> dict[str, Any]:
    """Make every relative path absolute against `base` and point at the given folders.

    With `scratch`, jieba dictionaries are copied there without comment lines.
    """
    resolved = dict(config)
    resolved["docs_dir"] = str(docs_dir)
    resolved["site_dir"] = str(site_dir)
    theme = dict(resolved.get("theme") or {})
    if "custom_dir" in theme:
        theme["custom_dir"] = str((base / theme["custom_dir"]).resolve())
    resolved["theme"] = theme
    plugins = []
    for plugin in resolved.get("plugins") or []:
        if isinstance(plugin, Mapping):
            ((name, options),) = plugin.items()
            options = dict(options or {})
            for key in ("jieba_dict", "jieba_dict_user"):
                if key in options:
                    source = (base / options[key]).resolve()
                    if scratch is not None and source.is_file():
                        clean = scratch / f"{key}.txt"
                        clean.write_text(jieba_dictionary_text(source.read_text(encoding="utf-8")), encoding="utf-8")
                        source = clean
                    options[key] = str(source)
            plugins.append({name: options})
        else:
            plugins.append(plugin)
    resolved["plugins"] = plugins
    if "hooks" in resolved:
        resolved["hooks"] = [str((base / hook).resolve()) for hook in resolved["hooks"]]
    return resolved


def _build_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material 9.8 prints an end-of-life banner
    return env


def language_config(
    settings: Settings, lang: str, config_path: Path, *, docs: Path, site: Path, scratch: Path | None = None
) -> dict[str, Any]:
    """The generated MkDocs configuration of one language: absolute paths, the one site URL."""
    config = resolve_config(
        load_mkdocs_config(config_path), base=settings.root, docs_dir=docs / lang, site_dir=site, scratch=scratch
    )
    config["site_url"] = site_urls(settings)[lang]
    return config


def _start_mkdocs(
    settings: Settings, build: MkDocsBuild, config_path: Path, *, docs: Path, scratch: Path
) -> tuple[subprocess.Popen[str], Path]:
    """Start one MkDocs build into `scratch/site-NAME`; (process, its log file)."""
    out = scratch / f"site-{build.name}"
    config = language_config(settings, build.lang, config_path, docs=docs, site=out, scratch=scratch)
    if build.exclude:
        config["exclude_docs"] = "\n".join(filter(None, (config.get("exclude_docs"), build.exclude)))
    config_file = scratch / f"mkdocs.{build.name}.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    log_file = scratch / f"mkdocs.{build.name}.log"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file)]
    with log_file.open("w", encoding="utf-8") as handle:
        proc = subprocess.Popen(
            cmd, cwd=settings.root, stdout=handle, stderr=subprocess.STDOUT, text=True, env=_build_env()
        )
    return proc, log_file


# --- sharded builds -----------------------------------------------------------------------------
# MkDocs holds every page of a build in memory and runs on one core. A large corpus is built
# as several MkDocs builds of one language each: the main one (every page but the articles')
# and shards of the article pages, chosen by the last character of the article id (a hex
# digit of its hash: shards of even size). Each build reads the whole docs folder and
# `exclude_docs` leaves out what is not its own: MkDocs still resolves and rewrites links to
# an excluded page (at INFO level) and keeps the navigation, so every page comes out as one
# build would make it. The shards' `articles/` folders and sitemaps join the main build's.

ARTICLE_ID_ENDS = "0123456789abcdef"
SHARD_PAGES = 10_000
"""Article pages per MkDocs build when the count is chosen automatically."""


@dataclass(frozen=True, slots=True)
class MkDocsBuild:
    """One MkDocs run: a language, a name for its scratch folder, what it leaves out."""

    lang: str
    name: str
    exclude: str = ""  # extra `exclude_docs` lines (gitignore syntax)
    articles_only: bool = False  # a shard: only its `articles/` folder and sitemap are kept


def shard_count(docs: Path, requested: int | None) -> int:
    """Article shards per language: `requested`, or one per SHARD_PAGES article pages."""
    if requested is None:
        pages = sum(1 for _ in (docs / "zh" / "articles").glob("*.md"))
        requested = -(-pages // SHARD_PAGES) if pages > SHARD_PAGES else 1
    if requested < 1:
        raise BuildError(f"--mkdocs-shards must be at least 1, not {requested}")
    return min(requested, len(ARTICLE_ID_ENDS))


def mkdocs_builds(shards: int) -> list[MkDocsBuild]:
    """The MkDocs runs of both languages: one each, or a main build and `shards` article shards."""
    if shards <= 1:
        return [MkDocsBuild("zh", "zh"), MkDocsBuild("en", "en")]
    builds = []
    for lang in ("zh", "en"):
        builds.append(MkDocsBuild(lang, lang, exclude=f"/articles/*[{ARTICLE_ID_ENDS}].md"))
        for number in range(shards):
            ends = ARTICLE_ID_ENDS[number::shards]
            builds.append(
                MkDocsBuild(
                    lang,
                    f"{lang}-{number + 1}",
                    exclude=f"/*\n!/articles/\n/articles/*\n!/articles/*[{ends}].md",
                    articles_only=True,
                )
            )
    return builds


_SITEMAP_URL_RE = re.compile(r"^ *<url>.*?</url>\n", re.MULTILINE | re.DOTALL)
_SITEMAP_LOC_RE = re.compile(r"<loc>(.*?)</loc>")


def merge_sitemaps(main: str, shards: list[str]) -> str:
    """The main build's sitemap with the shards' pages, every entry sorted by address."""
    entries = {entry for text in (main, *shards) for entry in _SITEMAP_URL_RE.findall(text)}
    head = _SITEMAP_URL_RE.sub("", main).rstrip().removesuffix("</urlset>")
    ordered = sorted(entries, key=lambda entry: _SITEMAP_LOC_RE.findall(entry)[0])
    return head + "".join(ordered) + "</urlset>\n"


def _write_sitemap(folder: Path, text: str) -> None:
    from mkdocs.utils import get_build_timestamp

    (folder / "sitemap.xml").write_text(text, encoding="utf-8")
    with (
        (folder / "sitemap.xml.gz").open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=get_build_timestamp()) as packed,
    ):
        packed.write(text.encode("utf-8"))


def stop_processes(procs: list[subprocess.Popen[str]], *, grace: float = 10.0) -> None:
    """Terminate those still running, wait for each, kill any that ignores SIGTERM for `grace` seconds."""
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def build_site(
    settings: Settings, *, docs_dir: Path | None = None, site_dir: Path | None = None, shards: int | None = None
) -> Path:
    """Build both languages from `docs_dir` into `site_dir` (replaced atomically). Returns it.

    `shards` (None: one per SHARD_PAGES article pages) splits each language's article pages
    over that many MkDocs builds beside the main one; at most `settings.jobs` (and at least
    two: the languages) run at a time.
    """
    docs = (docs_dir or settings.docs_dir).resolve()
    target = (site_dir or settings.site_dir).resolve()
    for lang in ("zh", "en"):
        if not (docs / lang / "index.md").is_file():
            raise BuildError(f"{docs / lang}: no generated pages; run `python -m generator build` first")
    configs = {"zh": settings.mkdocs_config, "en": settings.mkdocs_config_en}
    builds = mkdocs_builds(shard_count(docs, shards))
    at_once = max(2, settings.jobs)
    # Both folders are removed on failure, after the children writing into them have stopped.
    with (
        tempfile.TemporaryDirectory(prefix="digest-mkdocs-") as scratch_name,
        staged_dir(target, pause="swap-site") as staging,
    ):
        scratch = Path(scratch_name)
        running: list[tuple[MkDocsBuild, subprocess.Popen[str], Path]] = []
        failure: str | None = None
        try:
            pending = list(builds)
            paused = False
            while pending or running:
                while pending and len(running) < at_once:
                    build = pending.pop(0)
                    running.append(
                        (build, *_start_mkdocs(settings, build, configs[build.lang], docs=docs, scratch=scratch))
                    )
                if not paused:
                    pause_point("mkdocs", children=[proc.pid for _, proc, _ in running])
                    paused = True
                build, proc, log_file = running.pop(0)
                code = proc.wait()
                output = log_file.read_text(encoding="utf-8").strip()
                if code != 0:
                    failure = f"MkDocs build of the {build.name} site failed (exit {code}):\n{output}"
                    break
                if output:
                    log.info("mkdocs (%s): %s", build.name, output)
        finally:
            # An error, Ctrl-C or SIGTERM (see generator.interrupt) must not leave MkDocs running.
            stop_processes([proc for _, proc, _ in running])
        if failure is not None:
            raise BuildError(failure)
        for lang, folder in (("zh", staging), ("en", staging / "en")):
            shutil.copytree(scratch / f"site-{lang}", folder, dirs_exist_ok=lang == "zh")
            shards_of_lang = [b for b in builds if b.lang == lang and b.articles_only]
            for build in shards_of_lang:
                shutil.copytree(scratch / f"site-{build.name}" / "articles", folder / "articles", dirs_exist_ok=True)
            if shards_of_lang:
                main = (folder / "sitemap.xml").read_text(encoding="utf-8")
                parts = [
                    (scratch / f"site-{b.name}" / "sitemap.xml").read_text(encoding="utf-8") for b in shards_of_lang
                ]
                _write_sitemap(folder, merge_sitemaps(main, parts))
    return target
