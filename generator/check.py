"""`python -m generator check`: everything a pull request must keep true, in one list.

Sources and sidecars valid, translation memory valid, every English field reviewed
(each missing or machine-only entry named by its msgctxt, with the command to run next),
`docs_src/` up to date with the seeds, export valid against the schema, both strict
MkDocs builds, no broken links. Every check runs even when an earlier one fails, so a
reviewer sees all problems at once.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from generator.changelog import read_history
from generator.config import Settings
from generator.errors import GeneratorError
from generator.linkcheck import check_site
from generator.models import TranslationState
from generator.pipeline import Content, compute, is_sidecar_problem, render_docs
from generator.published import read_record
from generator.render.export import export_json, load_schema
from generator.site import build_site
from generator.translate.memory import (
    FUZZY,
    Segment,
    coverage,
    entry_state,
    memory_from_catalog,
    read_catalog,
)

# What to run next when English is missing or unreviewed (printed under the check).
EXTRACT_COMMAND = "python -m generator translations extract"
FILL_COMMAND = "python -m generator translations fill --backend NAME"


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    problems: tuple[str, ...]
    hint: str = ""  # what to do next when the check fails

    @property
    def ok(self) -> bool:
        return not self.problems


def _sources(content: Content, settings: Settings) -> tuple[str, ...]:
    problems = [str(problem) for problem in content.problems]
    if not content.articles:
        problems.append(f"{settings.seeds_dir}: no article found in any seed")
    return tuple(problems)


def _translations(settings: Settings) -> tuple[str, ...]:
    po = settings.translations
    if not po.is_file():
        return ()
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return (f"{po}: cannot check: msgfmt (Debian package gettext) is not installed",)
    result = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    return tuple(line for line in result.stderr.splitlines() if line.strip()) if result.returncode else ()


class Gap:
    """Why a segment's English is not reviewed (the words a reviewer reads)."""

    NOT_IN_PO = "not in the PO file yet"
    SOURCE_CHANGED = "the Chinese changed since the entry was made"
    MISSING = "no English yet"
    HINT = "English is a hint from a similar sentence (fuzzy, with #| msgid): update it"
    MACHINE = "machine draft (fuzzy), not reviewed"


@dataclass(frozen=True, slots=True)
class TranslationGap:
    context: str  # msgctxt, e.g. 003-f2e52fa04076f08f-0c94f240e4:summary:2
    source: str  # msgid, the Chinese
    reason: str  # one of Gap's texts


def translation_gaps(segments: Sequence[Segment], catalog: polib.POFile) -> tuple[TranslationGap, ...]:
    """Every current segment whose English is not reviewed, in the PO file's order (pure).

    Only the exact (msgctxt, msgid) entry counts, as in `translations status`: a
    segment whose entry is absent or names other Chinese needs `translations extract`.
    """
    active = [e for e in catalog if not e.obsolete]
    by_key = {(e.msgctxt or "", e.msgid): e for e in active}
    contexts = {e.msgctxt or "" for e in active}
    gaps = []
    for segment in segments:
        entry = by_key.get((segment.context, segment.source))
        if entry is None:
            reason = Gap.SOURCE_CHANGED if segment.context in contexts else Gap.NOT_IN_PO
        else:
            state = entry_state(entry)
            if state is TranslationState.REVIEWED:
                continue
            if state is TranslationState.MACHINE:
                reason = Gap.MACHINE
            elif FUZZY in entry.flags and entry.previous_msgid:
                reason = Gap.HINT
            else:
                reason = Gap.MISSING
        gaps.append(TranslationGap(segment.context, segment.source, reason))
    return tuple(gaps)


def _excerpt(text: str, limit: int = 24) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def translation_coverage(
    segments: Sequence[Segment], catalog: polib.POFile, *, po_name: str = "translations/en.po"
) -> CheckResult:
    """The translation coverage check: its name carries the reviewed share; each
    missing or machine-only entry is one problem naming its msgctxt (pure)."""
    _groups, total = coverage(segments, memory_from_catalog(catalog))
    name = (
        f"English reviewed: {total.reviewed_percent:.1f}% of {total.total} fields "
        f"({total.machine} machine, {total.missing} missing)"
    )
    gaps = translation_gaps(segments, catalog)
    if not gaps:
        return CheckResult(name, ())
    problems = tuple(f"{gap.context}: {gap.reason} ({_excerpt(gap.source)})" for gap in gaps)
    hint = (
        f"run `{EXTRACT_COMMAND}`, then write or review the English of these entries in {po_name} "
        "(Poedit, Weblate or a text editor; delete the `#, fuzzy` line of each entry you have reviewed); "
        f"`{FILL_COMMAND}` can draft the missing ones for review. See CONTRIBUTING.md"
    )
    return CheckResult(name, problems, hint=hint)


def _coverage_check(content: Content, settings: Settings) -> CheckResult:
    from generator.translate.glossary import load_glossary
    from generator.translate.segments import content_segments

    segments = content_segments((loc.article for loc in content.articles), load_glossary())
    try:
        catalog = read_catalog(settings.translations)
    except GeneratorError as exc:
        return CheckResult("English reviewed", (str(exc),))
    return translation_coverage(segments, catalog, po_name=_shown(settings.translations, settings.root))


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _docs_up_to_date(content: Content, settings: Settings) -> tuple[str, ...]:
    if any(is_sidecar_problem(problem) for problem in content.problems):
        # The build refuses to run with a bad sidecar, so there is nothing to compare with.
        return ("not compared: a sidecar is invalid (see above); the build refuses to run until it is fixed",)
    docs = settings.docs_dir
    try:
        expected = render_docs(content, settings, published=read_record(docs), history=read_history(docs))
    except GeneratorError as exc:  # a broken record of published ids, named with its line
        return (str(exc),)
    actual = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()} if docs.is_dir() else set()
    problems = [f"docs_src/{rel}: missing" for rel in sorted(set(expected) - actual)]
    problems += [f"docs_src/{rel}: no longer generated (stale)" for rel in sorted(actual - set(expected))]
    for rel in sorted(set(expected) & actual):
        if (docs / rel).read_text(encoding="utf-8") != expected[rel]:
            problems.append(f"docs_src/{rel}: differs from what the seeds produce")
    if problems:
        problems.insert(0, "docs_src/ is not up to date: run `python -m generator build` and commit it")
    return tuple(problems)


def _export(content: Content) -> tuple[str, ...]:
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema())
    document = json.loads(export_json(content.articles))
    return tuple(
        f"export: {'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    )


def _site_and_links(settings: Settings) -> tuple[tuple[str, ...], tuple[str, ...]]:
    with tempfile.TemporaryDirectory(prefix="digest-check-") as tmp:
        site = Path(tmp) / "site"
        try:
            build_site(settings, site_dir=site)
        except GeneratorError as exc:
            return (str(exc),), ("skipped: the site did not build",)
        return (), tuple(str(link) for link in check_site(site))


def run_checks(settings: Settings, *, progress: Callable[[str], None] = lambda _: None) -> tuple[CheckResult, ...]:
    """Run every check against the seeds and the committed docs folder."""
    progress("reading seeds")
    content = compute(settings, sidecar_errors_fatal=False)
    results = [
        CheckResult("sources and sidecars", _sources(content, settings)),
        CheckResult("translation memory (msgfmt --check)", _translations(settings)),
        _coverage_check(content, settings),
        CheckResult("docs_src/ up to date", _docs_up_to_date(content, settings)),
        CheckResult("export valid against the schema", _export(content)),
    ]
    progress("building both sites (strict)")
    build_problems, link_problems = _site_and_links(settings)
    results.append(CheckResult("strict MkDocs builds", build_problems))
    results.append(CheckResult("internal links and anchors", link_problems))
    return tuple(results)
