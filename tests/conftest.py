"""Shared fixtures: one full build (docs + both MkDocs sites) per test session."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
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


# Headless Debian Chromium driven by Playwright's Python package (never `playwright install`).

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium phones home at start, which this machine's closed network refuses.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--allow-file-access-from-files",
]


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = _chromium()
    if executable is None:
        pytest.fail("Debian chromium is not installed: run `make test` (scripts/install-system-deps)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def http_site(built_site: tuple[Path, Path]) -> Iterator[str]:
    """The built site served on 127.0.0.1 (an ephemeral port)."""
    _, site = built_site

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
