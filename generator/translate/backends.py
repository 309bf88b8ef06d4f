"""Machine translation backends behind one small Protocol, chosen by name.

* `none` (default): translates nothing; missing English stays missing.
* `ctranslate2` (alias `argos`): a local CTranslate2 model directory (an Argos Translate
  package or a converted OPUS-MT model) with its SentencePiece model. Loaded only when
  configured, never touches the network; `ctranslate2` and `sentencepiece` are imported
  only then, and their absence is a clear error.
* `openai`: an OpenAI-compatible `/v1/chat/completions` endpoint (Ollama, llama.cpp
  server, vLLM), through the standard library's urllib: batches of segments per request,
  a timeout per request, retries with backoff, a clear error when unreachable.

Backends only draft: `translations fill` stores their output as fuzzy PO entries for
a person to review. Configuration comes from `BackendConfig`, usually built by
`config_from_env` (`DIGEST_MT_URL`, `DIGEST_MT_MODEL`, `DIGEST_MT_API_KEY`,
`DIGEST_MT_MODEL_DIR`).
"""

from __future__ import annotations

import json
import logging
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Protocol

from generator.errors import TranslationError

log = logging.getLogger(__name__)

Hints = tuple[tuple[str, str], ...]
"""(Chinese, English) glossary pairs a translation must respect."""

SYSTEM_PROMPT: Final[str] = (
    "You translate Chinese news text into accurate, natural news English. "
    "Write people's names in pinyin, family name first (何国栋 -> He Guodong). "
    "Use the given glossary renderings exactly. Do not add or drop facts."
)
_FENCE_RE: Final[re.Pattern[str]] = re.compile(r"^```(?:json)?\s*|\s*```$")
_RETRY_STATUS: Final[frozenset[int]] = frozenset({408, 425, 429, 500, 502, 503, 504})
_SPM_NAMES: Final[tuple[str, ...]] = ("sentencepiece.model", "source.spm", "spm.model", "bpe.model")


@dataclass(frozen=True, slots=True)
class BackendConfig:
    url: str | None = None  # e.g. http://127.0.0.1:11434/v1
    model: str | None = None  # model name the endpoint serves
    api_key: str | None = None
    model_dir: Path | None = None  # CTranslate2 / Argos model directory
    batch_size: int = 8
    timeout: float = 60.0  # seconds per request
    retries: int = 2  # further attempts after the first
    backoff: float = 1.0  # seconds before the first retry, doubled each time


def config_from_env(env: Mapping[str, str], **overrides: Any) -> BackendConfig:
    """Configuration from `DIGEST_MT_*` variables, then explicit (non-None) overrides."""
    model_dir = env.get("DIGEST_MT_MODEL_DIR")
    config = BackendConfig(
        url=env.get("DIGEST_MT_URL") or None,
        model=env.get("DIGEST_MT_MODEL") or None,
        api_key=env.get("DIGEST_MT_API_KEY") or None,
        model_dir=Path(model_dir).expanduser() if model_dir else None,
    )
    given = {k: v for k, v in overrides.items() if v is not None}
    if "model_dir" in given:
        given["model_dir"] = Path(given["model_dir"]).expanduser()
    return replace(config, **given)


class Backend(Protocol):
    """Translates a batch of Chinese segments; None where it has no translation.

    Answers are checked by the caller (`translations fill` rejects empty or non-English
    ones), so a backend returns what it got.
    """

    @property
    def name(self) -> str: ...

    def translate(self, texts: Sequence[str], *, hints: Hints = ()) -> tuple[str | None, ...]: ...


@dataclass(frozen=True, slots=True)
class NoneBackend:
    """The default: nothing is invented."""

    name: str = "none"

    def translate(self, texts: Sequence[str], *, hints: Hints = ()) -> tuple[str | None, ...]:
        return tuple(None for _ in texts)


# --- CTranslate2 / Argos -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ModelFiles:
    model: Path  # folder holding model.bin
    tokenizer: Path  # SentencePiece model


def locate_model(model_dir: Path) -> ModelFiles:
    """The CTranslate2 model and SentencePiece files of a model directory, or a clear error.

    Accepts a CTranslate2 folder (`model.bin` and a SentencePiece model beside it) and
    an unpacked Argos Translate package (`model/model.bin`, `sentencepiece.model`).
    """
    if not model_dir.exists():
        raise TranslationError(f"machine translation model directory not found: {model_dir}")
    if not model_dir.is_dir():
        raise TranslationError(f"machine translation model path is not a directory: {model_dir}")
    model = next((d for d in (model_dir, model_dir / "model") if (d / "model.bin").is_file()), None)
    if model is None:
        raise TranslationError(f"{model_dir}: not a CTranslate2 model (no model.bin here or in model/)")
    tokenizer = next((d / n for d in (model, model_dir) for n in _SPM_NAMES if (d / n).is_file()), None)
    if tokenizer is None:
        raise TranslationError(f"{model_dir}: no SentencePiece model ({', '.join(_SPM_NAMES)})")
    return ModelFiles(model=model, tokenizer=tokenizer)


def _import(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        raise TranslationError(
            f"the ctranslate2 backend needs the '{module}' package, which is not installed "
            "(pip install ctranslate2 sentencepiece)"
        ) from exc


@dataclass(frozen=True, slots=True)
class CTranslate2Backend:
    """A local model; the model and tokenizer are loaded when the backend is made."""

    translator: Any
    tokenizer: Any
    batch_size: int = 8
    name: str = "ctranslate2"

    def translate(self, texts: Sequence[str], *, hints: Hints = ()) -> tuple[str | None, ...]:
        # Local sequence-to-sequence models take no instructions: hints are not used.
        out: list[str | None] = []
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            tokens = [self.tokenizer.encode(text, out_type=str) for text in batch]
            results = self.translator.translate_batch(tokens)
            for result in results:
                # An empty answer is kept: `fill` reports it and leaves the entry missing.
                out.append(self.tokenizer.decode(result.hypotheses[0]).strip())
        return tuple(out)


def make_ctranslate2(config: BackendConfig) -> CTranslate2Backend:
    """Load the configured model directory (never downloads anything)."""
    if config.model_dir is None:
        raise TranslationError("the ctranslate2 backend needs a model directory (--model-dir or DIGEST_MT_MODEL_DIR)")
    files = locate_model(config.model_dir)
    ctranslate2 = _import("ctranslate2")
    sentencepiece = _import("sentencepiece")
    try:
        translator = ctranslate2.Translator(str(files.model), device="cpu")
        tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(files.tokenizer))
    except (RuntimeError, OSError, ValueError) as exc:
        raise TranslationError(f"{config.model_dir}: cannot load the model: {exc}") from exc
    return CTranslate2Backend(translator=translator, tokenizer=tokenizer, batch_size=max(1, config.batch_size))


# --- OpenAI-compatible HTTP -----------------------------------------------------------


def completions_url(url: str) -> str:
    """The chat completions address for a base URL (`…/v1`) or a full one."""
    url = url.rstrip("/")
    return url if url.endswith("/chat/completions") else f"{url}/chat/completions"


def batch_prompt(texts: Sequence[str], hints: Hints) -> str:
    """The user message for a batch: numbered input, JSON array expected back."""
    glossary = "\n".join(f"{zh} = {en}" for zh, en in hints)
    lines = [
        f"Translate each of these {len(texts)} Chinese segments into English.",
        f"Answer with only a JSON array of {len(texts)} strings, in the same order.",
    ]
    if glossary:
        lines += ["Glossary:", glossary]
    lines += ["Segments:", json.dumps(list(texts), ensure_ascii=False)]
    return "\n".join(lines)


def parse_batch_reply(content: str, expected: int) -> tuple[str, ...] | None:
    """The translations of a batch reply, or None when it is not a usable JSON array."""
    text = _FENCE_RE.sub("", content.strip())
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, list) or len(data) != expected or not all(isinstance(x, str) for x in data):
        return None
    return tuple(x.strip() for x in data)


Opener = Callable[..., Any]


@dataclass(frozen=True, slots=True)
class OpenAIBackend:
    url: str
    model: str
    api_key: str | None = None
    batch_size: int = 8
    timeout: float = 60.0
    retries: int = 2
    backoff: float = 1.0
    name: str = "openai"

    def _post(self, payload: Mapping[str, Any]) -> Mapping[str, Any]:
        """POST with retries on connection errors, timeouts, 429 and 5xx; else a clear error."""
        address = completions_url(self.url)
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        attempts = 1 + max(0, self.retries)
        reason = ""
        for attempt in range(attempts):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            request = urllib.request.Request(address, data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    data = json.loads(response.read().decode("utf-8"))
                    if not isinstance(data, dict):
                        raise TranslationError(f"{address}: unexpected reply (not a JSON object)")
                    return data
            except urllib.error.HTTPError as exc:
                detail = exc.read(300).decode("utf-8", "replace")
                if exc.code not in _RETRY_STATUS:
                    raise TranslationError(f"{address}: HTTP {exc.code} {exc.reason}: {detail}") from exc
                reason = f"HTTP {exc.code} {exc.reason}"
            except TimeoutError:
                reason = f"no answer within {self.timeout:g} s"
            except urllib.error.URLError as exc:
                if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                    reason = f"no answer within {self.timeout:g} s"
                else:
                    reason = f"unreachable ({exc.reason})"
            except (ConnectionError, json.JSONDecodeError, UnicodeDecodeError) as exc:
                reason = f"bad connection or reply ({exc})"
            log.warning("%s: attempt %d of %d failed: %s", address, attempt + 1, attempts, reason)
        raise TranslationError(f"machine translation endpoint {address} failed after {attempts} attempts: {reason}")

    def _complete(self, user: str) -> str:
        reply = self._post(
            {
                "model": self.model,
                "temperature": 0,
                "messages": [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}],
            }
        )
        try:
            content = reply["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise TranslationError(f"{completions_url(self.url)}: reply without choices[0].message.content") from exc
        if not isinstance(content, str):
            raise TranslationError(f"{completions_url(self.url)}: reply content is not text")
        return content

    def _translate_one(self, text: str, hints: Hints) -> str:
        content = self._complete(batch_prompt([text], hints))
        # A one-item array as asked, or else the bare translation many models give.
        parsed = parse_batch_reply(content, 1)
        return parsed[0] if parsed else _FENCE_RE.sub("", content.strip())

    def translate(self, texts: Sequence[str], *, hints: Hints = ()) -> tuple[str | None, ...]:
        out: list[str | None] = []
        for start in range(0, len(texts), max(1, self.batch_size)):
            batch = texts[start : start + max(1, self.batch_size)]
            # Only the glossary pairs this batch needs: a short prompt keeps small models on task.
            used = tuple((zh, en) for zh, en in hints if any(zh in text for text in batch))
            parsed = (
                parse_batch_reply(self._complete(batch_prompt(batch, used)), len(batch)) if len(batch) > 1 else None
            )
            if parsed is None:
                # Small models often break the array format: fall back to one segment a request.
                parsed = tuple(self._translate_one(text, used) for text in batch)
            # An empty answer is kept: `fill` reports it and leaves the entry missing.
            out.extend(parsed)
        return tuple(out)


def make_openai(config: BackendConfig) -> OpenAIBackend:
    """The HTTP backend, once URL and model are known (nothing is contacted yet)."""
    if not config.url:
        raise TranslationError("the openai backend needs an endpoint URL (--url or DIGEST_MT_URL)")
    if not re.match(r"^https?://", config.url):
        raise TranslationError(f"machine translation URL must start with http:// or https://: {config.url}")
    if not config.model:
        raise TranslationError("the openai backend needs a model name (--model or DIGEST_MT_MODEL)")
    return OpenAIBackend(
        url=config.url,
        model=config.model,
        api_key=config.api_key,
        batch_size=max(1, config.batch_size),
        timeout=config.timeout,
        retries=max(0, config.retries),
        backoff=max(0.0, config.backoff),
    )


def make_none(config: BackendConfig) -> NoneBackend:
    """The default backend; needs no configuration."""
    return NoneBackend()


BACKENDS: Final[Mapping[str, Callable[[BackendConfig], Backend]]] = MappingProxyType(
    {"none": make_none, "ctranslate2": make_ctranslate2, "argos": make_ctranslate2, "openai": make_openai}
)


def make_backend(name: str, config: BackendConfig | None = None) -> Backend:
    """The backend registered under `name`, configured; unknown names list the known ones."""
    factory = BACKENDS.get(name)
    if factory is None:
        raise TranslationError(f"unknown translation backend {name!r}; choose one of: {', '.join(sorted(BACKENDS))}")
    return factory(config or BackendConfig())
