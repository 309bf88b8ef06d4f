"""The lines of the build's record files, read as the union of both sides of a merge.

`docs_src/published-ids.txt`, `content-hashes.txt` and `changes.txt` are records a build only
adds to. Two pull requests that each add an article both add lines to them, and a merge of
the two conflicts there although the right answer is plain: keep both sides' lines.
`.gitattributes` asks git for exactly that (`merge=union`); where a merge did not honour it
(a hosting site's conflict editor, a git without the attributes), the records still hold git's
conflict markers, and reading them as a union gives the same result: the lines of ours and
of theirs are kept, the markers and the common ancestor's section (`|||||||` of the diff3
style, lines both sides already hold or one side changed) are skipped.

Pure.
"""

from __future__ import annotations

from collections.abc import Iterator

# Git writes each marker at the start of a line: 7 characters, then a space and a label (or
# nothing, for the separator).
_OURS = "<<<<<<<"
_BASE = "|||||||"
_THEIRS = "======="
_END = ">>>>>>>"


def _is_marker(line: str, marker: str) -> bool:
    return line.startswith(marker) and (len(line) == len(marker) or line[len(marker)] in " \t")


def record_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, stripped text) of each content line: blank lines, `#` comments and merge
    conflict markers skipped, the lines of both sides of a conflict kept, ours first."""
    in_base = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _is_marker(line, _BASE):
            in_base = True
            continue
        if _is_marker(line, _OURS) or _is_marker(line, _THEIRS) or _is_marker(line, _END):
            in_base = False
            continue
        stripped = line.strip()
        if in_base or not stripped or stripped.startswith("#"):
            continue
        yield number, stripped


__all__ = ["record_lines"]
