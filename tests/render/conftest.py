"""Fixtures of the render tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render.views import SiteTemplates, load_templates

TEMPLATES = Path(__file__).resolve().parents[2] / "site_templates"


@pytest.fixture(scope="session")
def templates() -> SiteTemplates:
    return load_templates(TEMPLATES)
