"""`python -m generator translations extract|status|fill` (generator/cli_translations.py).

The content is replaced by a few literal segments so these tests stay fast; the real
seeds are covered by test_shipped_corpus.py.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from generator import cli_translations
from generator.cli import main
from generator.translate import memory
from generator.translate.memory import Segment
from tests.translate.fake_openai import FakeEndpoint

ID = "2020-03-29-abcdef1234"
SEGMENTS = (
    Segment("glossary:term", "复工复产", "glossary", "resumption of work and production"),
    Segment(f"{ID}:title", "复工复产加速跑", "001.txt:3"),
    Segment(f"{ID}:summary:1", "企业全部复工。", "001.txt:3"),
    Segment("undated-0123456789:title", "另一篇", "002.txt:1"),
)
NEW = Segment("undated-9876543210:title", "新来的一篇", "003.txt:1")


@pytest.fixture()
def po(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cli_translations, "_current_segments", lambda settings: SEGMENTS)
    monkeypatch.delenv("DIGEST_MT_URL", raising=False)
    return tmp_path / "translations" / "en.po"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["translations", *args])
    return result.exit_code, result.output


def translate(path: Path, source: str, english: str, *, fuzzy: bool = False) -> None:
    catalog = polib.pofile(str(path), wrapwidth=0)
    entry = catalog.find(source, by="msgid")
    entry.msgstr = english
    entry.flags = ["fuzzy"] if fuzzy else []
    catalog.save(str(path))


def test_extract_writes_a_valid_po(po: Path) -> None:
    code, output = run("extract", "--po", str(po))
    assert code == 0, output
    assert "4 segments" in output
    catalog = polib.pofile(str(po))
    assert [e.msgctxt for e in catalog] == [s.context for s in SEGMENTS]
    assert catalog.find("复工复产", by="msgid").msgstr == "resumption of work and production"
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_extract_twice_leaves_the_file_unchanged(po: Path) -> None:
    run("extract", "--po", str(po))
    translate(po, "复工复产加速跑", "Work resumes at full speed")
    before = po.read_text(encoding="utf-8")
    code, _ = run("extract", "--po", str(po))
    assert code == 0 and po.read_text(encoding="utf-8") == before


def test_status_counts_and_check(po: Path) -> None:
    run("extract", "--po", str(po))
    translate(po, "复工复产加速跑", "Work resumes at full speed")
    translate(po, "企业全部复工。", "Every company is back at work.", fuzzy=True)
    code, output = run("status", "--po", str(po))
    assert code == 0
    lines = {line.split()[0]: line.split()[1:4] for line in output.splitlines()[1:]}
    assert lines[ID] == ["1", "1", "0"]
    assert lines["undated-0123456789"] == ["0", "0", "1"]
    assert lines["total"] == ["2", "1", "1"]  # the glossary term is reviewed
    assert run("status", "--po", str(po), "--check", "--min", "50")[0] == 0
    code, output = run("status", "--po", str(po), "--check", "--min", "100")
    assert code != 0 and "50.0% is below 100%" in output


def test_fill_with_none_drafts_nothing(po: Path) -> None:
    run("extract", "--po", str(po))
    code, output = run("fill", "--po", str(po))
    assert code == 0 and "0 drafted by none, 3 still missing" in output


def test_fill_reports_backend_errors_without_traceback(po: Path) -> None:
    run("extract", "--po", str(po))
    code, output = run("fill", "--po", str(po), "--backend", "openai")
    assert code == 1 and "needs an endpoint URL" in output and "Traceback" not in output
    code, output = run("fill", "--po", str(po), "--backend", "ctranslate2", "--model-dir", str(po.parent / "none"))
    assert code == 1 and "model directory not found" in output


def test_fill_needs_an_existing_po(po: Path) -> None:
    code, output = run("fill", "--po", str(po))
    assert code == 1 and "not found" in output


@pytest.mark.parametrize("command", ["extract", "status", "fill"])
def test_every_command_has_an_example(command: str) -> None:
    code, output = run(command, "--help")
    assert code == 0 and "Example:" in output


ENGLISH = {
    "复工复产加速跑": "Work resumes at full speed",
    "企业全部复工。": "Every company is back at work.",
    "另一篇": "Another article",
}


def test_fill_with_an_openai_endpoint_stores_fuzzy_drafts(po: Path, endpoint: FakeEndpoint) -> None:
    endpoint.answers.update(ENGLISH)
    run("extract", "--po", str(po))
    translate(po, "复工复产加速跑", "Work resumes at full speed")
    code, output = run("fill", "--po", str(po), "--backend", "openai", "--url", endpoint.url, "--model", "m")
    assert code == 0, output
    assert "2 drafted by openai, 0 still missing" in output
    catalog = polib.pofile(str(po))
    draft = catalog.find("企业全部复工。", by="msgid")
    assert draft.msgstr == "Every company is back at work." and "fuzzy" in draft.flags
    reviewed = catalog.find("复工复产加速跑", by="msgid")
    assert reviewed.msgstr == "Work resumes at full speed" and "fuzzy" not in reviewed.flags
    assert len(endpoint.requests) == 1  # both missing segments in one batch
    code, output = run("status", "--po", str(po))
    assert output.splitlines()[-1].split()[1:4] == ["2", "2", "0"]


def test_fill_rejects_an_answer_in_chinese(po: Path, endpoint: FakeEndpoint) -> None:
    endpoint.answers.update({**ENGLISH, "企业全部复工。": "企业全部复工了。"})
    run("extract", "--po", str(po))
    code, output = run("fill", "--po", str(po), "--backend", "openai", "--url", endpoint.url, "--model", "m")
    assert code == 0, output
    assert f"{ID}:summary:1: the openai backend's answer is not English" in output
    assert "2 drafted by openai, 1 still missing (1 answers rejected as not English)" in output
    catalog = polib.pofile(str(po))
    assert catalog.find("企业全部复工。", by="msgid").msgstr == ""
    assert catalog.find("另一篇", by="msgid").msgstr == "Another article"


def test_a_backend_failure_on_batch_two_keeps_the_drafts_of_batch_one(po: Path, endpoint: FakeEndpoint) -> None:
    endpoint.answers.update(ENGLISH)
    endpoint.script = ["ok", "401"]
    run("extract", "--po", str(po))
    args = ("--backend", "openai", "--url", endpoint.url, "--model", "m", "--batch-size", "1", "--retries", "0")
    code, output = run("fill", "--po", str(po), *args)
    assert code == 1 and "HTTP 401" in output and "the 1 drafts received before are saved" in output
    catalog = polib.pofile(str(po))
    assert catalog.find("复工复产加速跑", by="msgid").msgstr == "Work resumes at full speed"
    assert [catalog.find(s, by="msgid").msgstr for s in ("企业全部复工。", "另一篇")] == ["", ""]
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


@contextmanager
def held_lock(po: Path) -> Iterator[None]:
    """The PO file's lock, held as another process would (flock on a separate open file)."""
    fd = os.open(po.with_name("en.po.lock"), os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def test_extract_fails_clearly_while_another_process_holds_the_lock(po: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("extract", "--po", str(po))
    before = po.read_bytes()
    monkeypatch.setattr(cli_translations, "_current_segments", lambda settings: (*SEGMENTS, NEW))
    monkeypatch.setattr(memory, "LOCK_TIMEOUT", 0.0)
    with held_lock(po):
        code, output = run("extract", "--po", str(po))
    assert code == 1 and "Traceback" not in output
    assert "another process is writing the translation memory" in output and "en.po.lock" in output
    assert po.read_bytes() == before
    assert run("extract", "--po", str(po))[0] == 0  # released: the next run works
    assert polib.pofile(str(po)).find(NEW.source, by="msgid") is not None


def test_fill_fails_clearly_while_another_process_holds_the_lock(
    po: Path, endpoint: FakeEndpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint.answers.update(ENGLISH)
    run("extract", "--po", str(po))
    before = po.read_bytes()
    monkeypatch.setattr(memory, "LOCK_TIMEOUT", 0.0)
    with held_lock(po):
        code, output = run("fill", "--po", str(po), "--backend", "openai", "--url", endpoint.url, "--model", "m")
    assert code == 1 and "another process is writing the translation memory" in output
    assert po.read_bytes() == before
