"""One-off migration from date-prefixed article ids to ids derived from the source alone.

    .venv/bin/python scripts/migrate_ids.py            # then: python -m generator build

Run once, before the first build with the new ids, on a checkout whose `docs_src/`
still has the old article pages. It

1. records `old -> new` for every old article page (`docs_src/published-ids.txt`), so
   the next build writes a redirect at each old address;
2. moves every entry of `translations/en.po` (active and obsolete) from the old msgctxt
   to the new one, keeping its English, flags, comments and `#|` hints as they are.

Old and new ids end with the same hash of file and text (`generator.published.dated_id_moves`).
Running it again changes nothing: the old pages are gone and the PO file has no old contexts.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.config import load_settings
from generator.pipeline import compute
from generator.published import RECORD_FILE, dated_id_moves, format_record, read_record, with_moves
from generator.translate.memory import move_contexts, read_catalog, save_catalog
from generator.write import write_file


def main() -> int:
    settings = load_settings()
    old_pages = sorted(p.stem for p in (settings.docs_dir / "zh" / "articles").glob("*.md"))
    new_ids = [loc.article.id for loc in compute(settings).articles]
    moves = dated_id_moves(old_pages, new_ids)
    unmatched = sorted(set(old_pages) - set(moves) - set(new_ids))
    if unmatched:
        print(f"error: old pages without a new id: {', '.join(unmatched)}", file=sys.stderr)
        return 1
    record = with_moves(read_record(settings.docs_dir), moves)
    write_file(settings.docs_dir / RECORD_FILE, format_record(record))
    catalog = read_catalog(settings.translations, missing_ok=False)
    renamed = move_contexts(catalog, moves)
    save_catalog(catalog, settings.translations)
    print(f"{len(moves)} ids moved; {renamed} PO entries renamed; run `python -m generator build` next")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
