"""The generator's exception tree. Messages name the file (and line where it applies)."""

from __future__ import annotations


class GeneratorError(Exception):
    """Base of every error the generator reports to a user."""


class ConfigError(GeneratorError):
    pass


class IngestError(GeneratorError):
    """A seed file that cannot be read or understood."""

    def __init__(self, file: str, message: str, *, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.reason = message
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        # Seeds are read in worker processes and cached: the error must survive pickling
        # (the default would call __init__ with the formatted message alone).
        return (_ingest_error, (self.file, self.reason, self.line))


def _ingest_error(file: str, reason: str, line: int | None) -> IngestError:
    return IngestError(file, reason, line=line)


class TranslationError(GeneratorError):
    pass


class BuildError(GeneratorError):
    pass
