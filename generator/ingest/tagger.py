"""The line tagger: a linear-chain CRF (CRFsuite) that labels each non-blank line of a page.

The model file `generator/data/splitter.crfsuite` is committed and read with
`importlib.resources`; `python -m generator train-splitter` rebuilds it from the real-text
corpus (see `generator/training/train.py`). Loading is explicit: the caller loads one
`LineTagger` and passes it down, so a run opens the model once and tests can pass their own.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import pycrfsuite

from generator.ingest.line_features import Features, PageLine, line_features
from generator.ingest.roles import Boundary, LineRole, parse_label

MODEL_NAME = "splitter.crfsuite"

# Posterior decoding of article starts. The best label path keeps a line inside an article
# even where the model gives a new article there a fair chance; on a page of several stories
# a line whose likeliest start is a headline, kicker or column label opens one when that
# chance exceeds START_POSTERIOR. Single-story pages (fewer than MIN_STARTS starts on the best
# path: plain files, one web page) keep the best path, where such a line is an intertitle.
# Chosen on the cross-validation folds (`tests.quality.splitter_cv`): thresholds 0.2-0.3 and
# 3 starts score alike (F1 0.878 -> 0.880, e-paper 0.705 -> 0.716).
START_POSTERIOR = 0.3
MIN_STARTS = 3
_HEADLINE_STARTS = frozenset({"B-title", "B-kicker", "B-column"})


class LineTagger:
    """A loaded CRF model. `tag` is pure given the model; one instance per process is enough."""

    def __init__(self, model_path: Path) -> None:
        self._tagger = pycrfsuite.Tagger()
        # CRFsuite memory-maps the file: keep it open for the tagger's lifetime.
        self._tagger.open(str(model_path))
        self.path = model_path

    def tag_features(self, features: Sequence[Features]) -> tuple[str, ...]:
        if not features:
            return ()
        return tuple(self._tagger.tag(pycrfsuite.ItemSequence(list(features))))

    def tag(self, lines: Sequence[PageLine], *, layout: str | None = None) -> tuple[tuple[Boundary, LineRole], ...]:
        """(boundary, role) for each line: the best label path, with headline lines that likely
        open a story on a page of several opening one (see START_POSTERIOR)."""
        best = self.tag_features(line_features(lines, layout=layout))
        labels = [parse_label(text) for text in best]
        if sum(1 for text in best if text.startswith("B-")) < MIN_STARTS:
            return tuple(labels)
        starts = [name for name in self._tagger.labels() if name.startswith("B-")]
        for index, (boundary, role) in enumerate(labels):
            # The starts share what the best label leaves: most lines are settled by one call.
            if boundary is not Boundary.INSIDE or self._tagger.marginal(best[index], index) >= 1 - START_POSTERIOR:
                continue
            chances = {name: self._tagger.marginal(name, index) for name in starts}
            likeliest = max(sorted(chances), key=chances.__getitem__)
            if likeliest in _HEADLINE_STARTS and sum(chances.values()) > START_POSTERIOR:
                labels[index] = (Boundary.BEGIN, role)
        return tuple(labels)

    def labels(self) -> tuple[str, ...]:
        return tuple(sorted(self._tagger.labels()))


def default_model_path() -> Path:
    """The committed model, as a real file path (CRFsuite needs one)."""
    resource = resources.files("generator.data").joinpath(MODEL_NAME)
    stack = contextlib.ExitStack()
    # Installed from a wheel or a folder the resource is a file already; as_file copies it
    # out of a zip otherwise. The copy lives as long as the process.
    path = stack.enter_context(resources.as_file(resource))
    _KEEP_OPEN.append(stack)
    return Path(path)


_KEEP_OPEN: list[contextlib.ExitStack] = []


def load_tagger(model_path: Path | None = None) -> LineTagger:
    """Open the committed model (or `model_path`); FileNotFoundError names the path."""
    path = model_path or default_model_path()
    if not path.is_file():
        raise FileNotFoundError(f"splitter model not found: {path} (rebuild: python -m generator train-splitter)")
    return LineTagger(path)


__all__ = ["MODEL_NAME", "LineTagger", "default_model_path", "load_tagger"]
