"""Command-line interface: `python -m generator COMMAND`.

The only place that turns errors into exit codes. Each command's docstring is its help.
"""

from __future__ import annotations

import functools
import http.server
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from generator import __version__
from generator.cli_support import configure_logging, fail_on_errors
from generator.cli_training import train_splitter, train_topics
from generator.cli_translations import translations
from generator.config import Settings, load_settings
from generator.errors import ConfigError
from generator.executors import default_jobs
from generator.interrupt import sigterm_as_exit

F = TypeVar("F", bound=Callable[..., Any])


def _common_options(func: F) -> F:
    func = click.option(
        "--strict/--no-strict", default=None, help="Make every warning fatal, bad seeds included (env DIGEST_STRICT)."
    )(func)
    func = click.option(
        "--docs", type=click.Path(file_okay=False), default=None, help="Generated Markdown folder [docs_src]."
    )(func)
    func = click.option("--seeds", type=click.Path(file_okay=False), default=None, help="Seed folder [seeds].")(func)
    return func


def _scale_options(func: F) -> F:
    """--jobs, the executor and the cache: how the per-seed work runs (never what it gives)."""
    func = click.option(
        "--scheduler",
        default=None,
        metavar="ADDR",
        help="With --executor dask: the scheduler, e.g. tcp://10.0.0.5:8786 [a local cluster of --jobs workers]"
        " (env DIGEST_SCHEDULER).",
    )(func)
    func = click.option(
        "--executor",
        type=click.Choice(["local", "dask"]),
        default=None,
        help="Where the per-seed work runs: local processes, or a Dask cluster [local] (env DIGEST_EXECUTOR).",
    )(func)
    func = click.option("--no-cache", is_flag=True, help="Neither read nor write the per-seed cache.")(func)
    func = click.option(
        "--cache-dir",
        type=click.Path(file_okay=False),
        default=None,
        help="Per-seed cache folder [.cache/digest] (env DIGEST_CACHE_DIR).",
    )(func)
    func = click.option(
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help="Processes for the per-seed work [number of cores] (env DIGEST_JOBS); 1 runs it serially.",
    )(func)
    return func


def _settings(
    seeds: str | None,
    docs: str | None,
    strict: bool | None,
    site: str | None = None,
    *,
    jobs: int | None = None,
    cache_dir: str | None = None,
    no_cache: bool = False,
    executor: str | None = None,
    scheduler: str | None = None,
) -> Settings:
    if jobs is None and not os.environ.get("DIGEST_JOBS"):
        jobs = default_jobs()
    return load_settings(
        seeds=seeds,
        docs=docs,
        site=site,
        strict=strict,
        jobs=jobs,
        cache_dir=cache_dir,
        no_cache=no_cache,
        cache_by_default=True,
        executor=executor,
        scheduler=scheduler,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="digest")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.pass_context
def main(ctx: click.Context, verbose: int) -> None:
    """digest: raw Chinese news dumps in, a bilingual searchable static site out.

    \b
    Typical use:
      python -m generator build      # seeds/ -> docs_src/
      python -m generator site       # build + MkDocs for both languages -> site/
      python -m generator serve      # the same, then preview on http://127.0.0.1:8000/
    """
    configure_logging(verbose)
    # SIGTERM runs every cleanup (MkDocs children, temporary folders, partial files) like Ctrl-C.
    ctx.with_resource(sigterm_as_exit())
    level = logging.WARNING - 10 * verbose
    # jieba logs its dictionary loading at DEBUG on its own handler, and resets its level
    # when imported: import it first, then quiet it.
    import jieba

    jieba.setLogLevel(max(level, logging.INFO))


def _build(settings: Settings) -> None:
    from generator.pipeline import run

    report = run(settings)
    for problem in report.problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"{report.articles} articles, {report.pages} files written to {report.docs_dir}")


def _build_site(settings: Settings, *, shards: int | None = None) -> Path:
    """The docs folder, then both sites from it; returns the site folder."""
    from generator.pipeline import release_resources
    from generator.site import build_site

    _build(settings)
    release_resources()  # the MkDocs builds get the memory the analysis held
    return build_site(settings, shards=shards)


@main.command()
@_common_options
@_scale_options
@fail_on_errors
def build(seeds: str | None, docs: str | None, strict: bool | None, **scale: Any) -> None:
    """Generate the Markdown of both languages from the seeds.

    Example: python -m generator build --seeds seeds --docs docs_src

    The docs folder is replaced atomically: a failed or killed build leaves the
    previous one intact. A bad seed is reported and skipped (fatal with --strict).
    """
    _build(_settings(seeds, docs, strict, **scale))


@main.command()
@_common_options
@click.option("--site", type=click.Path(file_okay=False), default=None, help="Output site folder [site].")
@click.option(
    "--mkdocs-shards",
    type=click.IntRange(1, 16),
    default=None,
    help="Split each language's article pages over N MkDocs builds beside the main one;"
    " 1: one build a language [one per 10,000 article pages].",
)
@_scale_options
@fail_on_errors
def site(
    seeds: str | None, docs: str | None, strict: bool | None, site: str | None, mkdocs_shards: int | None, **scale: Any
) -> None:
    """Generate the Markdown, then build the Chinese (site root) and English (en/) sites.

    Example: python -m generator site && open site/index.html

    The MkDocs builds run with --strict. The site folder is replaced atomically and
    works from a web server or straight from disk (file://). A large corpus is built in
    shards (--mkdocs-shards): the article pages of each language split over several
    MkDocs builds run side by side (up to --jobs at a time), joined under one root.
    """

    target = _build_site(_settings(seeds, docs, strict, site, **scale), shards=mkdocs_shards)
    click.echo(f"site built: {target / 'index.html'} (English: {target / 'en' / 'index.html'})")


@main.command()
@_common_options
@click.option("--site", type=click.Path(file_okay=False), default=None, help="Output site folder [site].")
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1.")
@click.option("--no-build", is_flag=True, help="Serve the existing site folder as it is.")
@fail_on_errors
def serve(
    seeds: str | None, docs: str | None, strict: bool | None, site: str | None, port: int, no_build: bool
) -> None:
    """Build the site, then serve both languages on http://127.0.0.1:PORT/ for preview.

    Example: python -m generator serve --port 8000   (Ctrl-C stops it)
    """

    settings = _settings(seeds, docs, strict, site)
    if not no_build:
        _build_site(settings)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(settings.site_dir))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise ConfigError(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}; choose another --port") from exc
    with server:
        click.echo(f"serving {settings.site_dir} on http://127.0.0.1:{port}/ (English: /en/)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


@main.command()
@click.option("--seeds", type=click.Path(file_okay=False), default=None, help="Seed folder [seeds].")
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="JSON file to write ('-' for stdout).")
@click.option("--strict/--no-strict", default=None, help="Make every warning fatal, bad seeds included.")
@_scale_options
@fail_on_errors
def export(seeds: str | None, out: str, strict: bool | None, **scale: Any) -> None:
    """Write every article as JSON valid against articles.schema.json.

    Example: python -m generator export --seeds seeds --out articles.json
    """
    from generator.pipeline import compute
    from generator.render.export import export_json
    from generator.write import write_file

    settings = _settings(seeds, None, strict, **scale)
    content = compute(settings)
    for problem in content.problems:
        click.echo(f"warning: {problem}", err=True)
    text = export_json(content.articles)
    if out == "-":
        sys.stdout.write(text)
    else:
        write_file(Path(out), text)
        click.echo(f"{len(content.articles)} articles written to {out}", err=True)


@main.command()
@_common_options
@click.option("--site", type=click.Path(file_okay=False), default=None, help="Output site folder [site].")
@click.option("--out", type=click.Path(dir_okay=False), default="dist/digest-site.zip", show_default=True)
@click.option("--no-build", is_flag=True, help="Zip the existing site folder as it is.")
@fail_on_errors
def offline(
    seeds: str | None, docs: str | None, strict: bool | None, site: str | None, out: str, no_build: bool
) -> None:
    """Build the site and write a zip of it that works unzipped, from disk (file://).

    Example: python -m generator offline --out dist/digest-site.zip

    Unzip and open digest-site/index.html: navigation, language switch and search work
    without a server and without network.
    """
    from generator.offline import zip_site

    settings = _settings(seeds, docs, strict, site)
    if not no_build:
        _build_site(settings)
    path = zip_site(settings.site_dir, Path(out))
    click.echo(f"offline site: {path} (unzip, then open digest-site/index.html)")


@main.command()
@click.option("--seeds", type=click.Path(file_okay=False), default=None, help="Seed folder [seeds].")
@click.option("--docs", type=click.Path(file_okay=False), default=None, help="Committed Markdown folder [docs_src].")
@fail_on_errors
def check(seeds: str | None, docs: str | None) -> None:
    """Check a pull request: sources, sidecars, translations, docs_src, export, builds, links.

    Example: python -m generator check

    Exits non-zero with a readable list of problems; every check runs even after a failure.
    English that is missing or only machine-drafted is listed entry by entry (msgctxt
    such as 003-f2e52fa04076f08f-0c94f240e4:summary:2) with the command to run next.
    """
    from generator.check import run_checks

    results = run_checks(_settings(seeds, docs, False), progress=lambda step: click.echo(f"... {step}", err=True))
    for result in results:
        click.echo(f"{'ok  ' if result.ok else 'FAIL'} {result.name}")
        for problem in result.problems:
            click.echo(f"       - {problem}")
        if result.hint and not result.ok:
            click.echo(f"       next: {result.hint}")
    failed = sum(not r.ok for r in results)
    if failed:
        raise click.ClickException(f"{failed} of {len(results)} checks failed")
    click.echo(f"all {len(results)} checks passed")


main.add_command(translations)
main.add_command(train_splitter)
main.add_command(train_topics)
