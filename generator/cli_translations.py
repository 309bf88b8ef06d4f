"""`python -m generator translations ...`: the translation memory commands.

Domain errors become `ClickException` here, at the command line, and nowhere else.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
import polib

from generator.cli_support import fail_on_errors
from generator.config import Settings, load_settings
from generator.translate.memory import (
    Coverage,
    MergeReport,
    Segment,
    coverage,
    load_memory,
    merge,
    read_catalog,
    update_catalog,
)


def _settings(seeds: str | None, po: str | None) -> Settings:
    settings = load_settings(seeds=seeds)
    return settings.with_paths(translations=Path(po)) if po else settings


def _current_segments(settings: Settings) -> tuple[Segment, ...]:
    """Every translatable segment of the content the seeds produce now."""
    # The whole pipeline is imported only by the commands that read the seeds.
    from generator.pipeline import compute
    from generator.translate.glossary import load_glossary
    from generator.translate.segments import content_segments

    content = compute(settings)
    for problem in content.problems:
        click.echo(f"warning: {problem}", err=True)
    return content_segments((loc.article for loc in content.articles), load_glossary())


_SEEDS = click.option("--seeds", type=click.Path(file_okay=False), default=None, help="Seed folder [seeds].")
_PO = click.option(
    "--po", type=click.Path(dir_okay=False), default=None, help="PO file [translations/en.po, env DIGEST_TRANSLATIONS]."
)


@click.group()
def translations() -> None:
    """Manage translations/en.po, the reviewed English translation memory.

    Example: python -m generator translations status
    """


@translations.command()
@_SEEDS
@_PO
@fail_on_errors
def extract(seeds: str | None, po: str | None) -> None:
    """Update the PO file from the current content, keeping every translation.

    Example: python -m generator translations extract

    One entry per article title, subtitle and summary sentence (msgctxt
    `<article id>:title`, `…:subtitle`, `…:summary:1` …) and per glossary term.
    Vanished entries become obsolete (#~); when an article's id changed, the English
    of unchanged Chinese text is carried over.
    """
    settings = _settings(seeds, po)
    segments = _current_segments(settings)
    reports: list[MergeReport] = []

    def merged(current: polib.POFile) -> polib.POFile:
        catalog, merge_report = merge(current, segments)
        reports.append(merge_report)
        return catalog

    # Merged with the file as it is under the lock now, not as it was before reading the seeds.
    update_catalog(settings.translations, merged)
    (report,) = reports
    click.echo(
        f"{settings.translations}: {len(segments)} segments; {report.kept} kept, {report.carried} carried over, "
        f"{report.fuzzy_matched} fuzzy from similar text, {report.added} new, {report.obsoleted} made obsolete"
    )


def _row(c: Coverage) -> str:
    return f"{c.group:<28} {c.reviewed:>8} {c.machine:>8} {c.missing:>8} {c.reviewed_percent:>9.1f}%"


@translations.command()
@_SEEDS
@_PO
@click.option("--check", is_flag=True, help="Exit with status 1 when reviewed coverage is below --min.")
@click.option(
    "--min",
    "minimum",
    type=click.FloatRange(0, 100),
    default=100.0,
    show_default=True,
    help="Percent reviewed required by --check.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only the total.")
@fail_on_errors
def status(seeds: str | None, po: str | None, check: bool, minimum: float, quiet: bool) -> None:
    """Print translation coverage per article and in total: reviewed / machine / missing.

    Example: python -m generator translations status --check --min 100

    Coverage is of the current content: run `extract` after the seeds change. With
    --check the command fails when the reviewed share is below --min percent.
    """
    settings = _settings(seeds, po)
    groups, total = coverage(_current_segments(settings), load_memory(settings.translations))
    header = f"{'article':<28} {'reviewed':>8} {'machine':>8} {'missing':>8} {'reviewed%':>10}"
    if not quiet:
        click.echo(header)
        for group in groups:
            click.echo(_row(group))
    click.echo(_row(total))
    if check and total.reviewed_percent < minimum:
        raise click.ClickException(f"reviewed coverage {total.reviewed_percent:.1f}% is below {minimum:g}%")


@translations.command()
@_PO
@click.option(
    "--backend", "backend_name", default="none", show_default=True, help="none, openai, ctranslate2 (alias argos)."
)
@click.option(
    "--url", default=None, help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 [env DIGEST_MT_URL]."
)
@click.option("--model", default=None, help="Model name at the endpoint [env DIGEST_MT_MODEL].")
@click.option(
    "--model-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="CTranslate2/Argos model folder [env DIGEST_MT_MODEL_DIR].",
)
@click.option("--batch-size", type=click.IntRange(1, 256), default=None, help="Segments per request [8].")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None, help="Seconds per request [60].")
@click.option("--retries", type=click.IntRange(0, 10), default=None, help="Retries after a failed request [2].")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Draft at most this many entries.")
@fail_on_errors
def fill(
    po: str | None,
    backend_name: str,
    url: str | None,
    model: str | None,
    model_dir: str | None,
    batch_size: int | None,
    timeout: float | None,
    retries: int | None,
    limit: int | None,
) -> None:
    """Draft the missing entries of the PO file with a machine backend, stored `#, fuzzy`.

    Example: python -m generator translations fill --backend openai --url http://127.0.0.1:11434/v1 --model qwen2.5:7b

    The API key, if the endpoint needs one, is read from DIGEST_MT_API_KEY. Drafts
    count as machine translations until a reviewer edits them and removes the fuzzy
    flag. The default backend, none, drafts nothing. Drafts are saved after every
    batch, merged with the file as it is then (safe beside `extract` or a reviewer);
    an answer that is not English is rejected with a warning.
    """
    from generator.translate.backends import config_from_env, make_backend
    from generator.translate.fill import fill_file, missing_entries

    settings = _settings(None, po)
    config = config_from_env(
        os.environ, url=url, model=model, model_dir=model_dir, batch_size=batch_size, timeout=timeout, retries=retries
    )
    backend = make_backend(backend_name, config)
    report = fill_file(settings.translations, backend, limit=limit, batch_size=config.batch_size)
    still = len(missing_entries(read_catalog(settings.translations, missing_ok=False)))
    notes = []
    if report.rejected:
        notes.append(f"{report.rejected} answers rejected as not English")
    if report.changed_meanwhile:
        notes.append(f"{report.changed_meanwhile} drafts not stored: their entries changed meanwhile")
    extra = f" ({'; '.join(notes)})" if notes else ""
    click.echo(f"{settings.translations}: {report.drafted} drafted by {backend.name}, {still} still missing{extra}")
