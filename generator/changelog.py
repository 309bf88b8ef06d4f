"""What changed in each update: articles added, corrected and removed (issue 14, point 7).

Two files in the docs folder root, beside `published-ids.txt`, carry the history:

* `content-hashes.txt`: one `<id> <hash>` line per article the docs folder shows, the hash
  over what a reader sees of it (`content_hash`);
* `changes.txt`: the updates so far, oldest first: `update N`, then `+ id` (added), `~ id`
  (corrected) and `- id` (removed) lines.

A build reads both from the docs folder it replaces, compares the hashes with the articles
it publishes and, when anything differs, appends one update. Nothing here reads a clock:
an update is numbered, and the same seeds over the same docs folder give the same bytes
(a second build adds nothing). A build into an empty folder starts at update 1.

Everything but `read_history` is pure.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from generator.errors import BuildError
from generator.models import LocalizedArticle
from generator.record_lines import record_lines

CHANGES_FILE = "changes.txt"
HASHES_FILE = "content-hashes.txt"
HASH_CHARS = 16
_MARKS = {"+": "added", "~": "corrected", "-": "removed"}
_CHANGES_HEADER = (
    "# Every update of the digest, oldest first: `+` article added, `~` corrected, `-` removed.",
    "# Written by `python -m generator build` from content-hashes.txt; do not edit by hand.",
)
_HASHES_HEADER = (
    "# What each published article showed at the last build (id, hash of its text and metadata).",
    "# Written by `python -m generator build`, which compares it to find what changed; do not edit.",
)


@dataclass(frozen=True, slots=True)
class Update:
    number: int
    added: tuple[str, ...] = ()
    corrected: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.corrected or self.removed)


@dataclass(frozen=True, slots=True)
class History:
    """The updates so far and the state (id -> hash) the last one published."""

    updates: tuple[Update, ...] = ()
    hashes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


def content_hash(loc: LocalizedArticle) -> str:
    """A hash of what a reader sees of an article in either language (text, metadata, English).

    Related lists, neighbours and keywords are left out: they follow other articles or the
    analysis, and an update lists what editors changed.
    """
    a, raw = loc.article, loc.article.raw
    facts = {
        "title": raw.title,
        "subtitle": raw.subtitle,
        "kind": raw.kind.value,
        "body": raw.body,
        "date": raw.date,
        "outlet": raw.outlet,
        "page": raw.page,
        "url": raw.url,
        "region": a.region.adcode,
        "topics": [a.topics.primary, *a.topics.secondary],
        "en": [[text.text, text.state.value] for text in (loc.title_en, loc.subtitle_en, loc.summary_en)],
    }
    encoded = json.dumps(facts, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha1(encoded).hexdigest()[:HASH_CHARS]


def next_history(history: History, current: Mapping[str, str]) -> History:
    """The history after publishing `current` (id -> content hash): one more update when anything differs."""
    before = history.hashes
    update = Update(
        number=len(history.updates) + 1,
        added=tuple(sorted(set(current) - set(before))),
        corrected=tuple(sorted(i for i in set(current) & set(before) if current[i] != before[i])),
        removed=tuple(sorted(set(before) - set(current))),
    )
    updates = history.updates if update.empty else (*history.updates, update)
    return History(updates=updates, hashes=MappingProxyType(dict(sorted(current.items()))))


def format_changes(history: History) -> str:
    lines = list(_CHANGES_HEADER)
    for update in history.updates:
        lines.append(f"update {update.number}")
        for mark, ids in (("+", update.added), ("~", update.corrected), ("-", update.removed)):
            lines.extend(f"{mark} {i}" for i in ids)
    return "\n".join(lines) + "\n"


def format_hashes(history: History) -> str:
    return "\n".join((*_HASHES_HEADER, *(f"{i} {h}" for i, h in sorted(history.hashes.items())))) + "\n"


def parse_history(changes: str, hashes: str, *, where: Path | str = ".") -> History:
    """The history in the two files' texts; a BuildError naming the file and line when malformed.

    Both files are read as the union of a merge (`record_lines`). Two pull requests merged one
    after the other both wrote the update after the last common one: `update 6` twice, with
    different articles. The second header names an update that exists, and its lines join
    it, so the merged history says that update 6 added both. An id with two hashes (both
    sides corrected it) keeps the later one: the next build compares and lists it if needed.
    """
    updates: list[dict[str, set[str]]] = []
    current: dict[str, set[str]] | None = None
    for number, line in record_lines(changes):
        head, _, rest = line.partition(" ")
        if head == "update" and rest.isdigit() and 1 <= int(rest) <= len(updates) + 1:
            if int(rest) == len(updates) + 1:
                updates.append({kind: set() for kind in _MARKS.values()})
            current = updates[int(rest) - 1]
        elif head in _MARKS and rest and current is not None:
            current[_MARKS[head]].add(rest)  # a set: a union merge may repeat a line
        else:
            expected = len(updates) + 1
            raise BuildError(f"{Path(where) / CHANGES_FILE}:{number}: expected `update {expected}` or `+ id`: {line!r}")
    state: dict[str, str] = {}
    for number, line in record_lines(hashes):
        article_id, _, digest = line.partition(" ")
        if not digest or " " in digest:
            raise BuildError(f"{Path(where) / HASHES_FILE}:{number}: not an `id hash` line: {line!r}")
        state[article_id] = digest
    return History(
        updates=tuple(
            Update(index, *(tuple(sorted(update[kind])) for kind in _MARKS.values()))
            for index, update in enumerate(updates, start=1)
        ),
        hashes=MappingProxyType(dict(sorted(state.items()))),
    )


def read_history(docs_dir: Path) -> History:
    """The history kept in the docs folder a build replaces (empty where there is none yet)."""
    texts = []
    for name in (CHANGES_FILE, HASHES_FILE):
        try:
            texts.append((docs_dir / name).read_text(encoding="utf-8"))
        except FileNotFoundError:
            texts.append("")
        except (OSError, UnicodeDecodeError) as exc:
            raise BuildError(f"{docs_dir / name}: cannot read the history of updates: {exc}") from exc
    return parse_history(texts[0], texts[1], where=docs_dir)
