"""The runtime lock (what `make site` installs) holds everything the generator imports.

`make site` installs only requirements.lock; a module imported by the generator but
pinned only in requirements-dev.lock works under `make test` and crashes for users
(`check` once died with `ModuleNotFoundError: jsonschema`).
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
# generator/training is an offline, developer-side tool, not part of any command a user runs.
NOT_RUNTIME = ("generator/training/",)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_lock(text: str) -> dict[str, str]:
    """name -> version of `name==version` lines; comments and `-r` includes are skipped."""
    pins: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        name, sep, version = line.partition("==")
        assert sep, f"not an exact pin: {raw!r}"
        pins[_normalise(name)] = version.strip()
    return pins


def _lock(name: str) -> dict[str, str]:
    return parse_lock((ROOT / name).read_text(encoding="utf-8"))


def imported_top_level_modules(sources: dict[str, str]) -> dict[str, set[str]]:
    """Third-party top-level modules imported anywhere in `sources` (path -> code), with the importing files."""
    found: dict[str, set[str]] = {}
    for path, code in sources.items():
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top != "generator" and top not in sys.stdlib_module_names:
                    found.setdefault(top, set()).add(path)
    return found


def _requirements_closure(distributions: set[str]) -> set[str]:
    """The distributions and everything they require (markers evaluated here, no extras)."""
    seen: set[str] = set()
    todo = list(distributions)
    while todo:
        name = _normalise(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        for spec in importlib.metadata.requires(name) or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen


def _generator_sources() -> dict[str, str]:
    sources = {}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if not rel.startswith(NOT_RUNTIME):
            sources[rel] = path.read_text(encoding="utf-8")
    return sources


def test_parse_lock_reads_pins_and_skips_includes() -> None:
    text = "# header\n-r requirements.lock\nJinja2==3.1.6\nrpds_py==1.0  # why\n\n"
    assert parse_lock(text) == {"jinja2": "3.1.6", "rpds-py": "1.0"}


def test_import_scan_sees_function_level_imports() -> None:
    code = "import os\nfrom generator.x import y\ndef f():\n    import jsonschema.validators\n"
    assert imported_top_level_modules({"a.py": code}) == {"jsonschema": {"a.py"}}


def test_runtime_lock_has_jsonschema_and_its_requirements() -> None:
    runtime, dev = _lock("requirements.lock"), _lock("requirements-dev.lock")
    for name in ("jsonschema", "jsonschema-specifications", "referencing", "rpds-py", "attrs"):
        assert name in runtime, f"{name} is needed by `python -m generator check` but not in requirements.lock"
        assert name not in dev, f"{name} is pinned twice"


def test_runtime_lock_pins_everything_the_generator_imports() -> None:
    runtime = _lock("requirements.lock")
    owners = importlib.metadata.packages_distributions()
    modules = imported_top_level_modules(_generator_sources())
    unknown = sorted(module for module in modules if module not in owners)
    assert not unknown, f"imported but not installed: {unknown}"
    needed = _requirements_closure({dist for module in modules for dist in owners[module]})
    missing = sorted(needed - set(runtime))
    assert not missing, f"imported at run time (or required by such) but not in requirements.lock: {missing}"
    for name in sorted(needed):
        assert importlib.metadata.version(name) == runtime[name], f"{name}: installed version differs from the lock"


def test_dev_lock_does_not_repeat_runtime_pins() -> None:
    both = set(_lock("requirements.lock")) & set(_lock("requirements-dev.lock"))
    assert not both, f"pinned in both lock files: {sorted(both)}"


def test_pyproject_dependencies_agree_with_the_runtime_lock() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = _lock("requirements.lock")
    for spec in project["dependencies"]:
        req = Requirement(spec)
        name = _normalise(req.name)
        assert name in runtime, f"{req.name} is a dependency but not in requirements.lock"
        assert req.specifier.contains(runtime[name], prereleases=True), f"{spec} excludes the locked {runtime[name]}"
    test_extra = {_normalise(Requirement(spec).name) for spec in project["optional-dependencies"]["test"]}
    assert "jsonschema" not in test_extra, "jsonschema is a run-time dependency (check), not a test extra"
