"""Print the quality score table for the seeds and the unseen pages.

Usage (from the repository root)::

    .venv/bin/python -m tests.quality.report          # table only
    .venv/bin/python -m tests.quality.report --detail # plus per-file differences
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script (python tests/quality/report.py): make the repository root importable.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.quality.runner import LABELLED_SETS, evaluate
from tests.quality.scoring import format_table


def main(argv: list[str]) -> int:
    """Print the table (and with --detail the differences); always exit 0: a report, not a gate."""
    results = [evaluate(*labelled) for labelled in LABELLED_SETS]
    print(format_table([(r.label, r.scores) for r in results]))
    if "--detail" in argv:
        for r in results:
            print()
            print(r.report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
