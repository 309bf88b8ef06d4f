"""The short summary a pull request's check posts: articles added, changed and removed, and
translation coverage, from two JSON exports (`python -m generator export`).

    python -m generator.pr_summary --base base.json --head head.json >> "$GITHUB_STEP_SUMMARY"

Articles are matched by id and compared by a hash of their exported content. An article
whose id changed (ids come from the seed's name and the article's text, so a re-cut text
or the one-off migration from date-prefixed ids gives a new id; a corrected date never
does) is matched to its old self by source file and Chinese title, and reported as
changed, with `id` among the changed fields. Everything but `main` is pure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Article = Mapping[str, Any]

STATES = ("reviewed", "machine", "missing")
"""Translation states of an English field, as exported in `translation_status`."""
LIST_LIMIT = 30
"""Rows per list in the summary; the rest are counted, not listed."""
OUTCOME_MARKS = {"success": "✅ passed", "failure": "❌ failed", "cancelled": "⏹ cancelled", "skipped": "⏭ skipped"}


def content_hash(article: Article) -> str:
    """SHA-256 of the article's export, canonical JSON (key order and spacing do not matter)."""
    canonical = json.dumps(article, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Changed:
    old: Article
    new: Article
    fields: tuple[str, ...]  # top-level export keys whose values differ, sorted


@dataclass(frozen=True, slots=True)
class Diff:
    added: tuple[Article, ...]
    changed: tuple[Changed, ...]
    removed: tuple[Article, ...]
    unchanged: int


def _fields(old: Article, new: Article) -> tuple[str, ...]:
    return tuple(sorted(key for key in set(old) | set(new) if old.get(key) != new.get(key)))


def _origin(article: Article) -> tuple[str, str]:
    source = article.get("source") or {}
    return (str(source.get("file", "")), str(article.get("title_zh") or ""))


def compare(base: Sequence[Article], head: Sequence[Article]) -> Diff:
    """What a pull request does to the articles: matched by id, compared by content hash."""
    old = {str(a["id"]): a for a in base}
    new = {str(a["id"]): a for a in head}
    changed = [
        Changed(old[i], new[i], _fields(old[i], new[i]))
        for i in sorted(old.keys() & new.keys())
        if content_hash(old[i]) != content_hash(new[i])
    ]
    unchanged = len(old.keys() & new.keys()) - len(changed)
    gone = [old[i] for i in sorted(old.keys() - new.keys())]
    fresh = [new[i] for i in sorted(new.keys() - old.keys())]
    # An article whose text was re-cut has a new id: pair it with its old self when that is unambiguous.
    gone_by = Counter(_origin(a) for a in gone)
    fresh_by = Counter(_origin(a) for a in fresh)
    pairs = {key for key in gone_by.keys() & fresh_by.keys() if gone_by[key] == fresh_by[key] == 1 and key[1]}
    moved_old = {_origin(a): a for a in gone if _origin(a) in pairs}
    for article in fresh:
        if _origin(article) in pairs:
            before = moved_old[_origin(article)]
            changed.append(Changed(before, article, _fields(before, article)))
    changed.sort(key=lambda c: str(c.new["id"]))
    return Diff(
        added=tuple(a for a in fresh if _origin(a) not in pairs),
        changed=tuple(changed),
        removed=tuple(a for a in gone if _origin(a) not in pairs),
        unchanged=unchanged,
    )


@dataclass(frozen=True, slots=True)
class Coverage:
    """English fields of the exported articles by state, and the articles not fully reviewed."""

    counts: Mapping[str, int]  # state -> number of fields
    unreviewed: tuple[tuple[str, tuple[str, ...]], ...]  # (article id, ("summary_en: machine", ...))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def reviewed_percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * self.counts.get("reviewed", 0) / self.total


def translation_coverage(articles: Sequence[Article]) -> Coverage:
    """Count the `translation_status` of every article's English fields."""
    counts = dict.fromkeys(STATES, 0)
    unreviewed = []
    for article in sorted(articles, key=lambda a: str(a["id"])):
        status: Mapping[str, str] = article.get("translation_status") or {}
        for state in status.values():
            counts[state] = counts.get(state, 0) + 1
        gaps = tuple(f"{field}: {state}" for field, state in sorted(status.items()) if state != "reviewed")
        if gaps:
            unreviewed.append((str(article["id"]), gaps))
    return Coverage(counts=counts, unreviewed=tuple(unreviewed))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _text(value: object) -> str:
    """Export text made safe for one Markdown table cell or list item."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value or "").split()))


def _title(article: Article) -> str:
    title = article.get("title_en") or article.get("title_zh") or "(untitled)"
    return _text(title)


def _article_line(article: Article, note: str = "") -> str:
    return f"- `{article['id']}` {_title(article)}{f' — {note}' if note else ''}"


def _limited(lines: Sequence[str], limit: int) -> list[str]:
    shown = list(lines[:limit])
    if len(lines) > limit:
        shown.append(f"- … and {len(lines) - limit} more")
    return shown


def _coverage_line(label: str, cov: Coverage) -> str:
    counts = cov.counts
    return (
        f"| {label} | {counts.get('reviewed', 0)} | {counts.get('machine', 0)} | {counts.get('missing', 0)} "
        f"| {cov.reviewed_percent:.1f}% |"
    )


def render(
    diff: Diff | None,
    head: Coverage,
    *,
    base: Coverage | None = None,
    results: Sequence[tuple[str, str]] = (),
    limit: int = LIST_LIMIT,
) -> str:
    """The summary as GitHub-flavoured Markdown (`diff` None: the base could not be exported)."""
    out = ["## Content of this pull request", ""]
    if results:
        out += ["| step | result |", "|---|---|"]
        out += [f"| {_text(name)} | {OUTCOME_MARKS.get(outcome, _text(outcome))} |" for name, outcome in results]
        out.append("")
    if diff is None:
        out += ["The base branch could not be exported, so added / changed / removed articles are not shown.", ""]
    else:
        out.append(
            f"**{len(diff.added)} added, {len(diff.changed)} changed, {len(diff.removed)} removed** "
            f"({diff.unchanged} unchanged)."
        )
        out.append("")
        for heading, lines in (
            ("Added", [_article_line(a) for a in diff.added]),
            ("Changed", [_article_line(c.new, "changed: " + ", ".join(c.fields)) for c in diff.changed]),
            ("Removed", [_article_line(a) for a in diff.removed]),
        ):
            if lines:
                out += [f"### {heading}", "", *_limited(lines, limit), ""]
    out += ["### English translation", "", "| | reviewed | machine | missing | reviewed % |", "|---|---|---|---|---|"]
    out.append(_coverage_line("this pull request", head))
    if base is not None:
        out.append(_coverage_line("base branch", base))
    out.append("")
    if head.unreviewed:
        out.append("Articles whose English is not fully reviewed:")
        out.append("")
        out += _limited([f"- `{i}`: {', '.join(gaps)}" for i, gaps in head.unreviewed], limit)
        out.append("")
        out.append(
            "`python -m generator check` names every entry (msgctxt) to translate or review in "
            "`translations/en.po`; see CONTRIBUTING.md."
        )
        out.append("")
    return "\n".join(out)


def load_export(path: Path) -> list[Article]:
    """The articles of an export file (or of `articles.json` in a folder)."""
    file = path / "articles.json" if path.is_dir() else path
    document = json.loads(file.read_text(encoding="utf-8"))
    articles = document["articles"] if isinstance(document, Mapping) else document
    return list(articles)


def _result(text: str) -> tuple[str, str]:
    name, sep, outcome = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=OUTCOME, got {text!r}")
    return name.strip(), outcome.strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.pr_summary",
        description="Markdown summary of a pull request's content: articles added, changed, removed "
        "(against the base branch's export) and English translation coverage.",
        epilog="Example: python -m generator.pr_summary --base base.json --head head.json "
        '--result "tests=success" >> "$GITHUB_STEP_SUMMARY"',
    )
    parser.add_argument("--head", type=Path, required=True, help="export of the pull request (file or folder)")
    parser.add_argument("--base", type=Path, help="export of the base branch; absent or missing: no diff")
    parser.add_argument(
        "--result", type=_result, action="append", default=[], help="NAME=OUTCOME of a workflow step, repeatable"
    )
    args = parser.parse_args(argv)
    head = load_export(args.head)
    base = None
    if args.base is not None and args.base.exists():
        try:
            base = load_export(args.base)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(f"warning: cannot read the base export {args.base}: {exc}", file=sys.stderr)
    diff = compare(base, head) if base is not None else None
    text = render(
        diff,
        translation_coverage(head),
        base=translation_coverage(base) if base is not None else None,
        results=args.result,
    )
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
