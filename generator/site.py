"""MkDocs builds: one per language, assembled into one site folder, swapped in atomically.

Each language is its own MkDocs build (its own search index): Chinese at the site root,
English under `en/`. The builds run as two `python -m mkdocs` processes in parallel
(jieba and MkDocs keep global state, and the machine has two cores). Each gets a
generated configuration with absolute paths, so docs and site folders can be anywhere.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
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
    settings: Settings, lang: str, config_path: Path, *, docs: Path, scratch: Path
) -> tuple[subprocess.Popen[str], Path]:
    """Start the MkDocs build of one language into `scratch/site-LANG`; (process, its log file)."""
    out = scratch / f"site-{lang}"
    config = language_config(settings, lang, config_path, docs=docs, site=out, scratch=scratch)
    config_file = scratch / f"mkdocs.{lang}.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    log_file = scratch / f"mkdocs.{lang}.log"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file)]
    with log_file.open("w", encoding="utf-8") as handle:
        proc = subprocess.Popen(
            cmd, cwd=settings.root, stdout=handle, stderr=subprocess.STDOUT, text=True, env=_build_env()
        )
    return proc, log_file


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


def build_site(settings: Settings, *, docs_dir: Path | None = None, site_dir: Path | None = None) -> Path:
    """Build both languages from `docs_dir` into `site_dir` (replaced atomically). Returns it."""
    docs = (docs_dir or settings.docs_dir).resolve()
    target = (site_dir or settings.site_dir).resolve()
    for lang in ("zh", "en"):
        if not (docs / lang / "index.md").is_file():
            raise BuildError(f"{docs / lang}: no generated pages; run `python -m generator build` first")
    configs = {"zh": settings.mkdocs_config, "en": settings.mkdocs_config_en}
    # Both folders are removed on failure, after the children writing into them have stopped.
    with (
        tempfile.TemporaryDirectory(prefix="digest-mkdocs-") as scratch_name,
        staged_dir(target, pause="swap-site") as staging,
    ):
        scratch = Path(scratch_name)
        procs: dict[str, tuple[subprocess.Popen[str], Path]] = {}
        try:
            for lang, config_path in configs.items():
                procs[lang] = _start_mkdocs(settings, lang, config_path, docs=docs, scratch=scratch)
            pause_point("mkdocs", children=[proc.pid for proc, _ in procs.values()])
            failures = []
            for lang, (proc, log_file) in procs.items():
                code = proc.wait()
                output = log_file.read_text(encoding="utf-8").strip()
                if code != 0:
                    failures.append(f"MkDocs build of the {lang} site failed (exit {code}):\n{output}")
                elif output:
                    log.info("mkdocs (%s): %s", lang, output)
        finally:
            # An error, Ctrl-C or SIGTERM (see generator.interrupt) must not leave MkDocs running.
            stop_processes([proc for proc, _ in procs.values()])
        if failures:
            raise BuildError("\n".join(failures))
        shutil.copytree(scratch / "site-zh", staging, dirs_exist_ok=True)
        shutil.copytree(scratch / "site-en", staging / "en")
    return target
