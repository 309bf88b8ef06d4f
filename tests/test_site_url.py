"""One setting for the site's public address: `site_url` of mkdocs.yml, overridden by
DIGEST_SITE_URL (the Pages workflow); the English site's is always derived from it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.config import SITE_URL_ENV, load_settings, normalise_site_url
from generator.errors import ConfigError
from generator.site import language_config, load_mkdocs_config, site_urls

ROOT = Path(__file__).resolve().parent.parent
GOOD = (
    "本报讯（记者 王五）为做好春耕备耕工作，某旗农牧局组织技术人员深入嘎查村，指导农牧民做好种子、化肥等农资储备。\n"
    "截至目前，全旗已储备化肥1.2万吨、种子800吨，能够满足春播需要。\n"
    "\n"
    "某旗扎实做好春耕备耕\n"
)


@pytest.fixture(autouse=True)
def _no_site_url_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SITE_URL_ENV, raising=False)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://owner.github.io/digest", "https://owner.github.io/digest/"),  # configure-pages' base_url
        ("https://news.example.org/", "https://news.example.org/"),
        ("  http://127.0.0.1:8000/x/ ", "http://127.0.0.1:8000/x/"),
        ("owner.github.io/digest", None),
        ("ftp://example.org/", None),
        ("https://exa mple.org/", None),
    ],
)
def test_normalise_site_url(given: str, expected: str | None) -> None:
    assert normalise_site_url(given) == expected


def test_without_the_variable_mkdocs_yml_decides_and_english_is_below_it() -> None:
    settings = load_settings(seeds=ROOT / "seeds")
    configured = load_mkdocs_config(ROOT / "mkdocs.yml")["site_url"]
    assert settings.site_url is None
    assert site_urls(settings) == {"zh": configured, "en": configured + "en/"}


def test_the_variable_overrides_mkdocs_yml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SITE_URL_ENV, "https://owner.github.io/digest")
    settings = load_settings(seeds=ROOT / "seeds")
    assert site_urls(settings) == {"zh": "https://owner.github.io/digest/", "en": "https://owner.github.io/digest/en/"}


def test_a_bad_variable_is_a_config_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SITE_URL_ENV, "not a url")
    with pytest.raises(ConfigError, match=SITE_URL_ENV):
        load_settings(seeds=ROOT / "seeds")


def test_english_config_sets_no_site_url_of_its_own() -> None:
    raw = yaml.safe_load((ROOT / "mkdocs.en.yml").read_text(encoding="utf-8"))
    assert "site_url" not in raw, "the English site_url is derived from mkdocs.yml's; do not set it twice"


def test_generated_mkdocs_configs_carry_the_one_site_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(SITE_URL_ENV, "https://fork.example.net/digest")
    settings = load_settings(seeds=ROOT / "seeds")
    zh = language_config(settings, "zh", settings.mkdocs_config, docs=tmp_path, site=tmp_path / "zh")
    en = language_config(settings, "en", settings.mkdocs_config_en, docs=tmp_path, site=tmp_path / "en")
    assert zh["site_url"] == "https://fork.example.net/digest/"
    assert en["site_url"] == "https://fork.example.net/digest/en/"
    assert en["theme"]["language"] == "en"


def test_build_writes_feeds_under_the_overriding_address(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(GOOD, encoding="utf-8")
    docs = tmp_path / "docs"
    env = {SITE_URL_ENV: "https://owner.github.io/digest"}
    result = CliRunner(env=env).invoke(main, ["build", "--seeds", str(seeds), "--docs", str(docs)])
    assert result.exit_code == 0, result.output
    assert "https://owner.github.io/digest/" in (docs / "zh" / "feed.xml").read_text(encoding="utf-8")
    assert "https://owner.github.io/digest/en/" in (docs / "en" / "feed.xml").read_text(encoding="utf-8")
