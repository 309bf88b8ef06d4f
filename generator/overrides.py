"""Reviewed corrections of single articles: `seeds/overrides.yml`, keyed by article id.

A sidecar states facts about a whole seed file (outlet, issue date, page, url); this file
corrects what the analysis got wrong about one article::

    001-fb76a74e3fb916c1-93c1b6af01:
      title: 大兴安岭科学防火 确保森林无恙
      date: 2020-03-28
      region: 呼伦贝尔市          # or an adcode: 150700
      topics: {primary: ecology-and-environment, secondary: [agriculture-and-animal-husbandry]}
      kind: article
    002-442700f1404d18b4-22f50d58bb:
      drop: true                   # not an article (a notice box, page furniture)

Corrections apply after analysis and never change an id (ids come from the source alone,
`generator.analyse.article.article_id`), so a page and its English keep their address.
A dropped article's page becomes a "removed" notice (`generator.published`).

Parsing (`parse_overrides`) checks the file's shape; `apply_overrides` checks ids, region
names and topic codes against the build. Every problem names the file and line; a bad
file stops the build with one message and nothing is written. Only `read_overrides` reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

import yaml

from generator.analyse.gazetteer import Gazetteer
from generator.analyse.regions import region_of
from generator.analyse.topics import OTHER_CODE, Topic
from generator.errors import BuildError
from generator.models import AnalysedArticle, ArticleKind, DateBasis, Region, TopicAssignment

OVERRIDES_FILE = "overrides.yml"
"""In the seeds folder (a `.yml` beside no seed of that name, so never read as a sidecar)."""
KEYS = ("title", "subtitle", "date", "region", "topics", "kind", "drop")
_TOPIC_KEYS = ("primary", "secondary")


@dataclass(frozen=True, slots=True)
class Override:
    """The corrections of one article, as written; `lines` maps each key to its line."""

    id: str
    line: int
    title: str | None = None
    subtitle: str | None = None
    date: str | None = None
    region: str | None = None  # an adcode or a name, resolved against the gazetteer when applied
    primary: str | None = None
    secondary: tuple[str, ...] | None = None
    kind: ArticleKind | None = None
    drop: bool = False
    lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class Overrides:
    where: str  # the file, as errors name it
    items: tuple[Override, ...] = ()


class _Problem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def overrides_error(where: str, problems: Iterable[tuple[int, str]]) -> BuildError:
    """One error naming every problem of the file with its line (the build writes nothing)."""
    listed = "; ".join(f"{where}:{line}: {message}" for line, message in problems)
    return BuildError(f"bad overrides file: {listed} (fix it and run the command again; nothing was written)")


def _text(node: yaml.Node, key: str) -> str:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.ScalarNode) or node.tag.rsplit(":", 1)[-1] not in ("str", "int"):
        raise _Problem(line, f"`{key}` must be text")
    value = " ".join(str(node.value).split())
    if not value:
        raise _Problem(line, f"`{key}` must not be empty")
    return value


def _date(node: yaml.Node) -> str:
    line = node.start_mark.line + 1
    value = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise _Problem(line, f"`date` must be an ISO date like 2020-03-30, got {value!r}") from None


def _codes(node: yaml.Node, key: str) -> tuple[str, ...]:
    if isinstance(node, yaml.SequenceNode):
        return tuple(_text(item, key) for item in node.value)
    return (_text(node, key),)


def _topics(node: yaml.Node) -> tuple[str, tuple[str, ...]]:
    """(primary, secondary) from `{primary: a, secondary: [b]}` or the list `[a, b]`."""
    line = node.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode):
        codes = _codes(node, "topics")
        if not codes:
            raise _Problem(line, "`topics` needs a primary topic")
        return codes[0], codes[1:]
    if not isinstance(node, yaml.MappingNode):
        raise _Problem(line, "`topics` must be {primary: code, secondary: [codes]} or a list of codes")
    values: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in _TOPIC_KEYS:
            raise _Problem(
                key_node.start_mark.line + 1, f"unknown key `{key}` in `topics` (allowed: primary, secondary)"
            )
        values[key] = value_node
    if "primary" not in values:
        raise _Problem(line, "`topics` needs `primary`")
    secondary = _codes(values["secondary"], "secondary") if "secondary" in values else ()
    return _text(values["primary"], "primary"), secondary


def _drop(node: yaml.Node) -> bool:
    if not isinstance(node, yaml.ScalarNode) or node.tag.rsplit(":", 1)[-1] != "bool":
        raise _Problem(node.start_mark.line + 1, "`drop` must be true or false")
    return str(node.value).lower() in ("true", "yes", "on")


def _override(article_id: str, line: int, node: yaml.Node) -> Override:
    if not isinstance(node, yaml.MappingNode):
        raise _Problem(line, f"the corrections of {article_id} must be a mapping of {', '.join(KEYS)}")
    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        key_line = key_node.start_mark.line + 1
        if key not in KEYS:
            raise _Problem(key_line, f"unknown key `{key}` (allowed: {', '.join(KEYS)})")
        if key in lines:
            raise _Problem(key_line, f"key `{key}` appears twice")
        lines[key] = key_line
        if key in ("title", "subtitle", "region"):
            values[key] = _text(value_node, key)
        elif key == "date":
            values[key] = _date(value_node)
        elif key == "topics":
            values["primary"], values["secondary"] = _topics(value_node)
        elif key == "kind":
            kind = _text(value_node, key)
            if kind not in {k.value for k in ArticleKind}:
                raise _Problem(key_line, f"unknown kind {kind!r} (allowed: {', '.join(k.value for k in ArticleKind)})")
            values[key] = ArticleKind(kind)
        else:
            values[key] = _drop(value_node)
    if values.get("drop") and len(lines) > 1:
        raise _Problem(line, f"{article_id}: `drop: true` takes no other key")
    return Override(id=article_id, line=line, lines=MappingProxyType(lines), **values)  # type: ignore[arg-type]


def parse_overrides(text: str, *, where: str = OVERRIDES_FILE) -> Overrides:
    """The overrides in `text`; a BuildError naming `where` and the line when the file is malformed."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise overrides_error(where, [(mark.line + 1 if mark else 1, f"invalid YAML: {exc.problem or exc}")]) from exc
    except yaml.YAMLError as exc:
        raise overrides_error(where, [(1, f"invalid YAML: {exc}")]) from exc
    if root is None:
        return Overrides(where=where)
    if not isinstance(root, yaml.MappingNode):
        raise overrides_error(where, [(root.start_mark.line + 1, "the file must map article ids to corrections")])
    items: list[Override] = []
    problems: list[tuple[int, str]] = []
    seen: set[str] = set()
    for key_node, value_node in root.value:
        article_id, line = str(key_node.value), key_node.start_mark.line + 1
        if article_id in seen:
            problems.append((line, f"article {article_id} appears twice"))
            continue
        seen.add(article_id)
        try:
            items.append(_override(article_id, line, value_node))
        except _Problem as problem:
            problems.append((problem.line, problem.message))
    if problems:
        raise overrides_error(where, problems)
    return Overrides(where=where, items=tuple(items))


def resolve_region(value: str, gazetteer: Gazetteer) -> Region:
    """The Region an override names: a six-digit adcode, or a name with one division; _Problem otherwise."""
    if value.isdigit():
        if value not in gazetteer.divisions:
            raise ValueError(f"unknown region code {value!r}")
        return region_of(gazetteer.chain(value))
    codes = sorted({d.adcode for d in gazetteer.by_name(value)})
    if not codes and value in gazetteer.keys:
        codes = sorted(gazetteer.keys[value].adcodes)
    if not codes:
        raise ValueError(f"unknown region {value!r} (give a name the gazetteer knows, or its adcode)")
    if len(codes) > 1:
        raise ValueError(f"region {value!r} names several places ({', '.join(codes)}): give the adcode")
    return region_of(gazetteer.chain(codes[0]))


def _corrected(article: AnalysedArticle, override: Override, region: Region | None) -> AnalysedArticle:
    raw = article.raw
    raw = replace(
        raw,
        title=override.title or raw.title,
        subtitle=override.subtitle or raw.subtitle,
        kind=override.kind or raw.kind,
    )
    if override.date:
        raw = replace(raw, date=override.date, date_basis=DateBasis.OVERRIDE)
    topics = article.topics
    if override.primary is not None:
        codes = (override.primary, *(override.secondary or ()))
        # The evidence shown stays the analysis's, for the topics the reviewer kept.
        evidence = tuple((code, terms) for code, terms in topics.evidence if code in codes)
        topics = TopicAssignment(primary=override.primary, secondary=tuple(override.secondary or ()), evidence=evidence)
    return replace(article, raw=raw, region=region or article.region, topics=topics)


def _problems(
    override: Override, *, ids: frozenset[str], codes: frozenset[str], gazetteer: Gazetteer
) -> tuple[list[tuple[int, str]], Region | None]:
    problems: list[tuple[int, str]] = []
    if override.id not in ids:
        problems.append((override.line, f"no article has the id {override.id!r} (ids are the page names in docs_src)"))
    region = None
    if override.region is not None:
        try:
            region = resolve_region(override.region, gazetteer)
        except ValueError as exc:
            problems.append((override.lines["region"], str(exc)))
    if override.primary is not None:
        unknown = [c for c in (override.primary, *(override.secondary or ())) if c not in codes]
        if unknown:
            problems.append(
                (override.lines["topics"], f"unknown topic code {unknown[0]!r} (see generator/data/topics.yml)")
            )
    return problems, region


def apply_overrides(
    articles: Sequence[AnalysedArticle], overrides: Overrides, *, taxonomy: Sequence[Topic], gazetteer: Gazetteer
) -> tuple[AnalysedArticle, ...]:
    """`articles` corrected and without the dropped ones, in the analysis's order (newest first,
    then by id); a BuildError naming every unknown id, region or topic code with its line."""
    ids = frozenset(a.id for a in articles)
    codes = frozenset({t.code for t in taxonomy} | {OTHER_CODE})
    problems: list[tuple[int, str]] = []
    regions: dict[str, Region | None] = {}
    for override in overrides.items:
        found, regions[override.id] = _problems(override, ids=ids, codes=codes, gazetteer=gazetteer)
        problems.extend(found)
    if problems:
        raise overrides_error(overrides.where, sorted(problems))
    by_id = {o.id: o for o in overrides.items}
    dropped = frozenset(o.id for o in overrides.items if o.drop)
    kept = [_corrected(a, by_id[a.id], regions[a.id]) if a.id in by_id else a for a in articles if a.id not in dropped]
    kept = _without_dangling_duplicates(kept, dropped)
    kept.sort(key=lambda a: a.id)
    kept.sort(key=lambda a: a.raw.date or "", reverse=True)
    return tuple(kept)


def _without_dangling_duplicates(articles: list[AnalysedArticle], dropped: frozenset[str]) -> list[AnalysedArticle]:
    """Near-duplicates of a dropped article point at the first of them (by id) instead."""
    heirs: dict[str, str] = {}
    for a in sorted(articles, key=lambda a: a.id):
        if a.duplicate_of in dropped:
            heirs.setdefault(a.duplicate_of, a.id)
    return [
        replace(a, duplicate_of=None if heirs[a.duplicate_of] == a.id else heirs[a.duplicate_of])
        if a.duplicate_of in dropped
        else a
        for a in articles
    ]


def read_overrides(seeds_dir: Path, *, shown: str | None = None) -> Overrides:
    """`seeds_dir/overrides.yml` (none: no corrections); `shown` is how errors name the file."""
    path = seeds_dir / OVERRIDES_FILE
    where = shown or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Overrides(where=where)
    except OSError as exc:
        raise overrides_error(where, [(1, f"cannot read the file: {exc.strerror or exc}")]) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise overrides_error(where, [(data.count(b"\n", 0, exc.start) + 1, "the file is not UTF-8")]) from None
    return parse_overrides(text, where=where)
