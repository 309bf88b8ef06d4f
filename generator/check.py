"""`python -m generator check`: everything a pull request must keep true, in one list.

Sources and sidecars valid, translation memory valid, `docs_src/` up to date with the
seeds, export valid against the schema, both strict MkDocs builds, no broken links.
Every check runs even when an earlier one fails, so a reviewer sees all problems at once.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.config import Settings
from generator.errors import GeneratorError
from generator.linkcheck import check_site
from generator.pipeline import Content, compute, render_docs
from generator.render.export import export_json, load_schema
from generator.site import build_site


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _sources(content: Content, settings: Settings) -> tuple[str, ...]:
    problems = [str(problem) for problem in content.problems]
    if not content.articles:
        problems.append(f"{settings.seeds_dir}: no article found in any seed")
    return tuple(problems)


def _translations(settings: Settings) -> tuple[str, ...]:
    po = settings.root / "translations" / "en.po"
    if not po.is_file():
        return ()
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return (f"{po}: cannot check: msgfmt (Debian package gettext) is not installed",)
    result = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    return tuple(line for line in result.stderr.splitlines() if line.strip()) if result.returncode else ()


def _docs_up_to_date(content: Content, settings: Settings) -> tuple[str, ...]:
    expected = render_docs(content, settings)
    docs = settings.docs_dir
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
    content = compute(settings)
    results = [
        CheckResult("sources and sidecars", _sources(content, settings)),
        CheckResult("translation memory (msgfmt --check)", _translations(settings)),
        CheckResult("docs_src/ up to date", _docs_up_to_date(content, settings)),
        CheckResult("export valid against the schema", _export(content)),
    ]
    progress("building both sites (strict)")
    build_problems, link_problems = _site_and_links(settings)
    results.append(CheckResult("strict MkDocs builds", build_problems))
    results.append(CheckResult("internal links and anchors", link_problems))
    return tuple(results)
