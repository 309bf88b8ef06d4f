from __future__ import annotations

import json
from pathlib import Path

import polib
from click.testing import CliRunner

from generator.check import Gap, run_checks, translation_coverage, translation_gaps
from generator.cli import main
from generator.config import Settings, load_settings
from generator.pipeline import compute, run
from generator.translate.glossary import load_glossary
from generator.translate.memory import Segment
from generator.translate.segments import content_segments


def test_check_passes_on_fresh_docs_and_names_stale_files(project_settings: Settings, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    settings = project_settings.with_paths(docs_dir=docs)
    run(settings)
    assert all(r.ok for r in run_checks(settings)), [r for r in run_checks(settings) if not r.ok]

    page = sorted((docs / "zh" / "articles").glob("*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "hand edit\n", encoding="utf-8")
    (docs / "zh" / "orphan.md").write_text("x", encoding="utf-8")
    results = {r.name: r for r in run_checks(settings)}
    stale = results["docs_src/ up to date"]
    assert not stale.ok
    assert any(page.name in p and "differs" in p for p in stale.problems)
    assert any("orphan.md" in p and "stale" in p for p in stale.problems)
    assert results["strict MkDocs builds"].ok


def test_check_command_exits_non_zero_with_a_list(project_settings: Settings, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--docs", str(tmp_path / "empty")])
    assert result.exit_code != 0
    assert "FAIL docs_src/ up to date" in result.output
    assert "checks failed" in result.output


# --- translation coverage and bad sidecars (issue 14: a PR gate that helps) ---

GOOD = (
    "本报讯（记者 王五）为做好春耕备耕工作，某旗农牧局组织技术人员深入嘎查村，指导农牧民做好种子、化肥等农资储备。\n"
    "截至目前，全旗已储备化肥1.2万吨、种子800吨，能够满足春播需要。\n"
    "\n"
    "某旗扎实做好春耕备耕\n"
)
OTHER = (
    "本报讯（记者 李四）连日来，某市各企业在做好疫情防控的同时有序复工复产，全市规模以上工业企业开复工率达到九成。\n"
    "市工信局派出工作组深入企业，帮助解决原材料供应和用工等实际困难。\n"
    "\n"
    "某市企业有序复工复产\n"
)


def _entry(context: str, source: str, english: str = "", *, fuzzy: bool = False, previous: str = "") -> polib.POEntry:
    entry = polib.POEntry(msgctxt=context, msgid=source, msgstr=english)
    if fuzzy:
        entry.flags.append("fuzzy")
    if previous:
        entry.previous_msgid = previous
    return entry


def test_translation_gaps_name_every_unreviewed_entry_and_why() -> None:
    segments = [
        Segment("a1:title", "标题"),
        Segment("a1:summary:1", "句一"),
        Segment("a1:summary:2", "句二"),
        Segment("a1:summary:3", "句三"),
        Segment("a2:title", "新标题"),
        Segment("a3:title", "改过的标题"),
    ]
    catalog = polib.POFile()
    for entry in (
        _entry("a1:title", "标题", "Title"),
        _entry("a1:summary:1", "句一", "Draft", fuzzy=True),
        _entry("a1:summary:2", "句二"),
        _entry("a1:summary:3", "句三", "Old English", fuzzy=True, previous="旧句三"),
        _entry("a3:title", "原来的标题", "Old title"),
    ):
        catalog.append(entry)
    gaps = translation_gaps(segments, catalog)
    assert [(g.context, g.reason) for g in gaps] == [
        ("a1:summary:1", Gap.MACHINE),
        ("a1:summary:2", Gap.MISSING),
        ("a1:summary:3", Gap.HINT),
        ("a2:title", Gap.NOT_IN_PO),
        ("a3:title", Gap.SOURCE_CHANGED),
    ]
    result = translation_coverage(segments, catalog)
    assert result.name == "English reviewed: 16.7% of 6 fields (1 machine, 4 missing)"
    assert not result.ok
    assert result.problems[0] == f"a1:summary:1: {Gap.MACHINE} (句一)"
    assert "python -m generator translations extract" in result.hint
    assert "translations/en.po" in result.hint and "translations fill" in result.hint


def test_translation_coverage_passes_when_everything_is_reviewed() -> None:
    catalog = polib.POFile()
    catalog.append(_entry("a1:title", "标题", "Title"))
    catalog.append(_entry("a1:summary:1", "旧", "Obsolete"))
    catalog[-1].obsolete = True
    result = translation_coverage([Segment("a1:title", "标题")], catalog)
    assert result.ok and result.name.startswith("English reviewed: 100.0% of 1 fields")


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(GOOD, encoding="utf-8")
    (seeds / "b.txt").write_text(OTHER, encoding="utf-8")
    return seeds


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_bad_sidecar_fails_the_build_once_and_keeps_the_last_good_docs(tmp_path: Path) -> None:
    seeds, docs = _seeds(tmp_path), tmp_path / "docs"
    runner = CliRunner()
    args = ["build", "--seeds", str(seeds), "--docs", str(docs)]
    assert runner.invoke(main, args).exit_code == 0
    before = _tree(docs)
    (seeds / "b.yml").write_text("outlet: 某市日报\ndate: 2020-13-45\n", encoding="utf-8")
    result = runner.invoke(main, args)
    assert result.exit_code == 1, result.output
    assert result.output.count("b.yml") == 1, result.output
    assert "b.yml:2: `date` must be an ISO date" in result.output
    assert "bad sidecar" in result.output and "Traceback" not in result.output
    assert _tree(docs) == before
    # The export refuses too: it would silently lack the seed's corrections.
    exported = runner.invoke(main, ["export", "--seeds", str(seeds), "--out", str(tmp_path / "a.json")])
    assert exported.exit_code == 1 and "b.yml:2" in exported.output
    assert not (tmp_path / "a.json").exists()


def test_every_bad_sidecar_is_named_in_the_one_message(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path)
    (seeds / "a.yml").write_text("outlet: [一, 二]\n", encoding="utf-8")
    (seeds / "b.yml").write_text("colour: red\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")])
    assert result.exit_code == 1
    assert "a.yml:1: `outlet` must be a single value" in result.output
    assert "b.yml:1: unknown key `colour`" in result.output
    assert not (tmp_path / "docs").exists()


def test_check_lists_bad_sidecars_and_unreviewed_english_with_the_next_command(tmp_path: Path) -> None:
    seeds, docs, po = _seeds(tmp_path), tmp_path / "docs", tmp_path / "en.po"
    settings = load_settings(seeds=seeds).with_paths(docs_dir=docs, translations=po)
    segments = content_segments((loc.article for loc in compute(settings).articles), load_glossary())
    catalog = polib.POFile()
    for segment in segments:
        fuzzy = segment.context.endswith(":summary:1")
        catalog.append(_entry(segment.context, segment.source, segment.suggestion or "English", fuzzy=fuzzy))
    catalog.save(str(po))
    # b.txt's articles drop out with its bad sidecar below; a.txt's drafts must be named.
    machine = sorted(s.context for s in segments if s.context.endswith(":summary:1") and s.reference.startswith("a."))
    assert machine
    env = {"DIGEST_TRANSLATIONS": str(po)}
    runner = CliRunner(env=env)
    assert runner.invoke(main, ["build", "--seeds", str(seeds), "--docs", str(docs)]).exit_code == 0
    (seeds / "b.yml").write_text("page: [1]\n", encoding="utf-8")

    result = runner.invoke(main, ["check", "--seeds", str(seeds), "--docs", str(docs)])
    assert result.exit_code == 1
    out = result.output
    assert "FAIL sources and sidecars" in out and "b.yml:1: `page` must be a single value" in out
    assert "not compared: a sidecar is invalid" in out
    assert "FAIL English reviewed:" in out
    for context in machine:
        assert f"- {context}: {Gap.MACHINE}" in out
    assert "next: run `python -m generator translations extract`" in out
    assert "ok   strict MkDocs builds" in out, out


def test_a_bad_overrides_file_fails_the_build_once_and_keeps_the_last_good_docs(tmp_path: Path) -> None:
    seeds, docs = _seeds(tmp_path), tmp_path / "docs"
    runner = CliRunner()
    args = ["build", "--seeds", str(seeds), "--docs", str(docs)]
    assert runner.invoke(main, args).exit_code == 0
    before = _tree(docs)
    (seeds / "overrides.yml").write_text("no-such-article-1234567890:\n  title: 新标题\n", encoding="utf-8")
    result = runner.invoke(main, args)
    assert result.exit_code == 1, result.output
    assert result.output.count("overrides.yml:1: no article has the id") == 1, result.output
    assert "Traceback" not in result.output
    assert _tree(docs) == before


def test_an_override_corrects_the_page_and_keeps_the_id(tmp_path: Path) -> None:
    seeds, docs = _seeds(tmp_path), tmp_path / "docs"
    runner = CliRunner()
    args = ["build", "--seeds", str(seeds), "--docs", str(docs)]
    assert runner.invoke(main, args).exit_code == 0
    before = json.loads((docs / "zh" / "articles.json").read_text(encoding="utf-8"))["articles"]
    target = before[0]["id"]
    (seeds / "overrides.yml").write_text(f"{target}:\n  title: 更正后的标题\n  date: 2019-12-31\n", encoding="utf-8")
    assert runner.invoke(main, args).exit_code == 0
    after = {a["id"]: a for a in json.loads((docs / "zh" / "articles.json").read_text(encoding="utf-8"))["articles"]}
    assert set(after) == {a["id"] for a in before}  # no id moved
    assert (after[target]["title_zh"], after[target]["date"], after[target]["date_basis"]) == (
        "更正后的标题",
        "2019-12-31",
        "override",
    )
    assert "# 更正后的标题" in (docs / "zh" / "articles" / f"{target}.md").read_text(encoding="utf-8")
