"""Per-seed work on a pool and from the cache gives exactly the serial output; the cache
misses whenever a seed, its sidecar or the code changes, and survives damage.

Nothing here is timed: speed is measured in benchmarks/scale.py, never asserted.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest

from generator.analyse.article import analyse_articles
from generator.config import Settings, load_settings
from generator.executors import PoolExecutor, SerialExecutor
from generator.ingest import ingest_seeds
from generator.pipeline import compute, render_docs
from generator.published import Record
from generator.seed_cache import SeedCache, code_version
from generator.seedmap import Resources, ingest_and_analyse, load_resources

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")

# A page that never writes a year: its analysis waits for the year the corpus writes most.
YEARLESS = (
    "本报讯（记者 王五）为做好春耕备耕工作，某旗农牧局组织技术人员深入嘎查村，指导农牧民做好种子、化肥等农资储备。\n"
    "截至3月5日，全旗已储备化肥1.2万吨、种子800吨，能够满足春播需要。\n"
)


@pytest.fixture(scope="module")
def resources() -> Resources:
    return load_resources()


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", folder)
    (folder / "yearless.txt").write_text(YEARLESS, encoding="utf-8")
    return folder


class CountingExecutor:
    """The serial executor, counting the tasks it runs (what the cache did not answer)."""

    def __init__(self, resources: Resources) -> None:
        self._serial = SerialExecutor(resources)
        self.tasks: list[str] = []
        self.idled = 0

    def map(self, task: Callable[..., T], arguments: Sequence[tuple[Any, ...]]) -> list[T]:
        self.tasks.extend(task.__name__ for _ in arguments)
        return self._serial.map(task, arguments)

    def idle(self) -> None:
        self.idled += 1


def _docs(settings: Settings) -> dict[str, str]:
    return render_docs(compute(settings), settings, published=Record(ids=frozenset()))


def _settings(seeds: Path, tmp_path: Path, **options: Any) -> Settings:
    return load_settings(seeds=seeds, docs=tmp_path / "docs", site=tmp_path / "site", **options)


def test_the_map_gives_what_ingest_then_analyse_gives(seeds: Path, resources: Resources) -> None:
    ingested = ingest_seeds(seeds, tagger=resources.tagger)
    expected = analyse_articles(ingested.articles, taxonomy=resources.taxonomy, topic_model=resources.topic_model)
    executor = CountingExecutor(resources)
    mapped = ingest_and_analyse(seeds, strict=False, executor=executor)
    assert mapped.ingested == ingested
    assert mapped.analysed == expected
    # Seeds whose bodies write no year (yearless.txt, and two of seeds/) take the third round.
    assert executor.tasks.count("finish_seed") == 3
    # The corpus steps run without workers waiting: the executor is told once, after the maps.
    assert executor.idled == 1


def test_pool_and_cache_give_the_serial_docs_byte_for_byte(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIGEST_CACHE_DIR", raising=False)
    monkeypatch.delenv("DIGEST_NO_CACHE", raising=False)
    serial = _docs(_settings(seeds, tmp_path, jobs=1))
    assert _docs(_settings(seeds, tmp_path, jobs=2)) == serial
    cached = _settings(seeds, tmp_path, jobs=2, cache_dir=tmp_path / "cache")
    assert _docs(cached) == serial  # cold: computed, then stored
    assert any((tmp_path / "cache").rglob("*.pickle"))
    assert _docs(cached) == serial  # warm: every seed from the cache


def test_a_pool_runs_tasks_in_other_processes(resources: Resources) -> None:
    with PoolExecutor(resources, jobs=2) as pool:
        pids = pool.map(_pid, [(), (), (), ()])
    import os

    assert os.getpid() not in pids


def _pid(resources: Resources) -> int:
    import os

    assert resources.taxonomy  # the worker has the resources it was given
    return os.getpid()


def test_one_changed_seed_redoes_only_its_own_work(seeds: Path, tmp_path: Path, resources: Resources) -> None:
    cache = SeedCache(tmp_path / "cache")
    first = CountingExecutor(resources)
    before = ingest_and_analyse(seeds, strict=False, executor=first, cache=cache)
    assert first.tasks.count("work_seed") == 6

    again = CountingExecutor(resources)
    assert ingest_and_analyse(seeds, strict=False, executor=again, cache=cache) == before
    assert again.tasks == []

    changed = sorted(seeds.glob("0*.txt"))[0]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n本报讯 一条新增的简讯，全旗春耕生产进展顺利。\n", encoding="utf-8"
    )
    after = CountingExecutor(resources)
    result = ingest_and_analyse(seeds, strict=False, executor=after, cache=cache)
    assert after.tasks == ["read_seed", "work_seed"]
    assert result == ingest_and_analyse(seeds, strict=False, executor=SerialExecutor(resources))


def test_a_sidecar_change_misses(seeds: Path, tmp_path: Path, resources: Resources) -> None:
    cache = SeedCache(tmp_path / "cache")
    ingest_and_analyse(seeds, strict=False, executor=SerialExecutor(resources), cache=cache)
    (seeds / "yearless.txt.yml").write_text("outlet: 兴安日报\n", encoding="utf-8")
    counting = CountingExecutor(resources)
    result = ingest_and_analyse(seeds, strict=False, executor=counting, cache=cache)
    assert counting.tasks == ["read_seed", "work_seed", "finish_seed"]
    assert result == ingest_and_analyse(seeds, strict=False, executor=SerialExecutor(resources))
    assert {a.raw.outlet for a in result.analysed if a.raw.source_file == "yearless.txt"} == {"兴安日报"}


def test_another_code_version_misses(seeds: Path, tmp_path: Path, resources: Resources) -> None:
    ingest_and_analyse(seeds, strict=False, executor=SerialExecutor(resources), cache=SeedCache(tmp_path / "c"))
    counting = CountingExecutor(resources)
    ingest_and_analyse(seeds, strict=False, executor=counting, cache=SeedCache(tmp_path / "c", version="other"))
    assert counting.tasks.count("work_seed") == 6


def test_the_code_version_follows_every_file_of_the_package(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "data").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    (package / "data" / "table.tsv").write_text("a\tb\n")
    version = code_version(package, ())
    assert code_version(package, ()) == version
    (package / "data" / "table.tsv").write_text("a\tc\n")
    assert code_version(package, ()) != version


def test_damaged_entries_are_ignored(seeds: Path, tmp_path: Path, resources: Resources) -> None:
    cache = SeedCache(tmp_path / "cache")
    expected = ingest_and_analyse(seeds, strict=False, executor=SerialExecutor(resources), cache=cache)
    entries = sorted((tmp_path / "cache").rglob("*.pickle"))
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(entries[1].read_bytes()[:20])  # cut short by a crash elsewhere
    entries[2].write_bytes(entries[3].read_bytes())  # another entry's content under this name
    counting = CountingExecutor(resources)
    assert ingest_and_analyse(seeds, strict=False, executor=counting, cache=cache) == expected
    assert len(counting.tasks) == 3


def test_warnings_are_replayed_from_workers_and_the_cache(
    tmp_path: Path, resources: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    data = (YEARLESS + "全旗农牧民抓紧春耕生产，确保不误农时。\n" * 40).encode("utf-8")
    (seeds / "nul.txt").write_bytes(data[:200] + b"\x00" + data[200:])
    (seeds / "other.txt").write_text(YEARLESS, encoding="utf-8")
    cache = SeedCache(tmp_path / "cache")
    runs = []
    caplog.set_level("INFO", logger="generator")
    ways = (
        (SerialExecutor(resources), None),
        (PoolExecutor(resources, jobs=2), None),
        (SerialExecutor(resources), cache),  # cold: computed and stored
        (SerialExecutor(resources), cache),  # warm: replayed from the entries
    )
    for executor, cached in ways:
        caplog.clear()
        with executor:
            ingest_and_analyse(seeds, strict=False, executor=executor, cache=cached)
        runs.append([(r.name, r.levelno, r.getMessage()) for r in caplog.records if r.name.startswith("generator")])
    assert any("nul.txt" in message for _, level, message in runs[0] if level >= 30)
    assert runs[0] == runs[1] == runs[2] == runs[3]


def test_a_story_continued_in_another_seed_is_joined_and_analysed_again(resources: Resources, tmp_path: Path) -> None:
    from generator.analyse.article import analyse_file
    from generator.analyse.duplicates import signature_values
    from generator.ingest.continuations import join_continuations
    from generator.seedmap import _join_continued
    from tests.raw_articles import make_raw

    opening = make_raw(
        ("本报讯 全市42个重点项目集中开工，",), source_file="p1.txt", title="重点项目开工", continues_to="第三版①"
    )
    other = make_raw(("农资供应充足。",), source_file="p1.txt", title="春耕", line_start=10, line_end=12)
    continuation = make_raw(("总投资达到126亿元。",), source_file="p3.txt", title=None, continued_from="第一版①")
    raws = (opening, other, continuation)
    analysed = [
        *analyse_file(raws[:2], taxonomy=resources.taxonomy, topic_model=resources.topic_model, default_year=2020),
        *analyse_file(raws[2:], taxonomy=resources.taxonomy, topic_model=resources.topic_model, default_year=2020),
    ]
    signatures = [signature_values(a.raw.body, model=resources.minhash) for a in analysed]
    joined = join_continuations(raws)
    counting = CountingExecutor(resources)
    cache = SeedCache(tmp_path / "cache", version="v1")
    runs = [_join_continued(raws, joined, analysed, signatures, 2020, executor=counting, cache=cache) for _ in range(2)]
    joined_raws, joined_analysed, joined_signatures = runs[0]
    assert [r.title for r in joined_raws] == ["重点项目开工", "春耕"]
    assert len(joined_analysed) == len(joined_signatures) == 2
    assert "126亿元" in joined_analysed[0].raw.body and joined_analysed[0].raw.joined_from == ("p3.txt:1-9",)
    assert joined_analysed[1] == analysed[1]  # untouched articles keep their analysis
    # Only the joined story is analysed again, and only once: the second run's is the cache's.
    assert counting.tasks == ["_analyse_joined"]
    assert runs[1] == runs[0]
    no_cache = _join_continued(raws, joined, analysed, signatures, 2020, executor=SerialExecutor(resources), cache=None)
    assert no_cache == runs[0]


def test_a_build_the_cache_answers_loads_no_resources(seeds: Path, tmp_path: Path, resources: Resources) -> None:
    cache = SeedCache(tmp_path / "cache", version="v1")
    first = ingest_and_analyse(seeds, strict=False, executor=SerialExecutor(resources), cache=cache)
    loads: list[int] = []

    def load() -> Resources:
        loads.append(1)
        return resources

    assert ingest_and_analyse(seeds, strict=False, executor=SerialExecutor(load), cache=cache) == first
    assert loads == []
    (seeds / "yearless.txt").write_text(YEARLESS.replace("春耕", "夏收"), encoding="utf-8")
    ingest_and_analyse(seeds, strict=False, executor=SerialExecutor(load), cache=cache)
    assert loads == [1]  # a changed seed: loaded once, for all its tasks
