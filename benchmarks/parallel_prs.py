"""Two pull requests that each add one article, merged one after the other (issue 14).

Usage: .venv/bin/python benchmarks/parallel_prs.py

In a temporary git repository holding the project's seeds, committed docs_src/ and en.po,
two branches each add one seed and rebuild docs_src/ with `python -m generator build`'s own
pipeline, as two contributors would. The first is merged into main; the second then merges
main, as GitHub asks when a branch is behind. Counted, with and without the project's
`.gitattributes`: files git leaves conflicted; then, after the contributor runs the build
(the step CONTRIBUTING.md gives), conflict markers left anywhere in docs_src/, and whether
a second build changes anything. BENCHMARKS.md records the results.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.diff_size import NEW_ARTICLE, _files, _settings  # noqa: E402
from generator.changelog import read_history  # noqa: E402
from generator.pipeline import run  # noqa: E402

# The second contributor's article: the same shape about another Hulunbuir city, a day later.
OTHER_ARTICLE = NEW_ARTICLE.replace("扎兰屯", "牙克石").replace("农畜产品", "林产品")


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
    return subprocess.run([*command, *args], cwd=repo, capture_output=True, text=True, check=False)


def _build(repo: Path) -> None:
    run(_settings(repo / "seeds", repo / "docs_src", repo / "translations" / "en.po"))


def _extract(repo: Path) -> None:
    """`translations extract`: the new article's entries join en.po (English still to write)."""
    command = [sys.executable, "-m", "generator", "translations", "extract"]
    paths = ["--seeds", str(repo / "seeds"), "--po", str(repo / "translations" / "en.po")]
    subprocess.run([*command, *paths], cwd=ROOT, capture_output=True, check=True)


def _commit(repo: Path, message: str) -> None:
    _git(repo, "add", "-A")
    done = _git(repo, "commit", "-qm", message)
    if done.returncode != 0:
        raise SystemExit(f"git commit failed: {done.stdout}{done.stderr}")


def scenario(scratch: Path, *, attributes: bool) -> dict[str, object]:
    repo = scratch / ("with" if attributes else "without")
    shutil.copytree(ROOT / "seeds", repo / "seeds")
    shutil.copytree(ROOT / "docs_src", repo / "docs_src")
    (repo / "translations").mkdir()
    shutil.copy(ROOT / "translations" / "en.po", repo / "translations" / "en.po")
    if attributes:
        shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    _git(repo, "init", "-q", "-b", "main")
    _build(repo)
    _commit(repo, "base")
    for branch, name, text in (
        ("pr-a", "900_zalantun.txt", NEW_ARTICLE.format(month=3, day=31)),
        ("pr-b", "901_yakeshi.txt", OTHER_ARTICLE.format(month=4, day=1)),
    ):
        _git(repo, "checkout", "-qb", branch, "main")
        (repo / "seeds" / name).write_text(text, encoding="utf-8")
        _extract(repo)
        _build(repo)
        _commit(repo, branch)
    _git(repo, "checkout", "-q", "main")
    _git(repo, "merge", "-q", "--ff-only", "pr-a")
    _git(repo, "checkout", "-q", "pr-b")
    _git(repo, "merge", "-q", "--no-edit", "main")
    conflicted = _git(repo, "diff", "--name-only", "--diff-filter=U").stdout.split()
    outside_docs = [p for p in conflicted if not p.startswith("docs_src/")]
    print(f"conflicted outside docs_src/: {outside_docs}", file=sys.stderr)
    records = [p for p in conflicted if p.rsplit("/", 1)[-1].endswith(".txt") and p.count("/") == 1]
    if outside_docs:
        diff = _git(repo, "diff", "--", *outside_docs).stdout
        print(diff[:3000], file=sys.stderr)
        return {"conflicted": len(conflicted), "records": len(records), "outside docs_src": len(outside_docs)}
    # The contributor's step: rebuild, then commit the merge.
    _build(repo)
    markers = [
        path
        for path, data in _files(repo / "docs_src").items()
        if any(line.startswith(b"<<<<<<< ") for line in data.splitlines())
    ]
    _commit(repo, "merge main")
    before = _files(repo / "docs_src")
    _build(repo)
    stable = _files(repo / "docs_src") == before
    last = read_history(repo / "docs_src").updates[-1]
    return {
        "conflicted": len(conflicted),
        "records": len(records),
        "outside docs_src": len(outside_docs),
        "markers after build": len(markers),
        "second build changes nothing": stable,
        "last update": f"update {last.number}: " + ", ".join(f"+ {i}" for i in last.added),
    }


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="digest-prs-") as scratch_name:
        scratch = Path(scratch_name)
        results = [("without .gitattributes", scenario(scratch, attributes=False))]
        results.append(("with .gitattributes", scenario(scratch, attributes=True)))
    keys = list(max((r for _, r in results), key=len))
    print("| merge of the second PR | " + " | ".join(keys) + " |")
    print("|---|" + "---|" * len(keys))
    for name, values in results:
        print(f"| {name} | " + " | ".join(str(values.get(k, "-")) for k in keys) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
