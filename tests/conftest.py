"""Shared fixtures: one full build (docs + both MkDocs sites) per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Settings, load_settings
from generator.pipeline import run
from generator.site import build_site

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def project_settings() -> Settings:
    return load_settings(seeds=ROOT / "seeds")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, project_settings: Settings) -> tuple[Path, Path]:
    """(docs folder, site folder) built from seeds/ into temporary folders."""
    out = tmp_path_factory.mktemp("build")
    docs, site = out / "docs_src", out / "site"
    settings = project_settings.with_paths(docs_dir=docs, site_dir=site)
    run(settings)
    build_site(settings)
    return docs, site


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
