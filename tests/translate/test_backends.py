"""Machine translation backends: registry, OpenAI-compatible HTTP, CTranslate2 loading.

The HTTP tests run against a tiny OpenAI-compatible server started on 127.0.0.1 with an
ephemeral port; nothing leaves the machine.
"""

from __future__ import annotations

import socket
import types
from pathlib import Path
from typing import Any

import pytest

from generator.errors import TranslationError
from generator.translate.backends import (
    BACKENDS,
    BackendConfig,
    CTranslate2Backend,
    NoneBackend,
    OpenAIBackend,
    batch_prompt,
    completions_url,
    config_from_env,
    locate_model,
    make_backend,
    parse_batch_reply,
)
from tests.translate.fake_openai import FakeEndpoint, segments_of


def backend(url: str, **options: Any) -> OpenAIBackend:
    settings: dict[str, Any] = {"backoff": 0.0, "timeout": 5.0, **options}
    config = BackendConfig(url=url, model="test-model", api_key="k-123", **settings)
    made = make_backend("openai", config)
    assert isinstance(made, OpenAIBackend)
    return made


def test_batches_requests(endpoint: FakeEndpoint) -> None:
    texts = [f"第{i}句。" for i in range(5)]
    out = backend(endpoint.url, batch_size=2).translate(texts, hints=(("第", "No."), ("无关", "unrelated")))
    assert out == tuple(f"EN:{t}" for t in texts)
    assert [len(segments_of(r)) for r in endpoint.requests] == [2, 2, 1]
    first = endpoint.requests[0]
    assert first["model"] == "test-model" and first["temperature"] == 0
    # Only the glossary pairs a batch needs are sent.
    assert "第 = No." in first["messages"][-1]["content"]
    assert "unrelated" not in first["messages"][-1]["content"]
    assert endpoint.headers[0]["Authorization"] == "Bearer k-123"


def test_retries_after_server_errors(endpoint: FakeEndpoint) -> None:
    endpoint.script = ["503", "503"]
    assert backend(endpoint.url, retries=2).translate(["一。"]) == ("EN:一。",)
    assert len(endpoint.requests) == 3


def test_gives_up_after_the_retries(endpoint: FakeEndpoint) -> None:
    endpoint.script = ["503"] * 5
    with pytest.raises(TranslationError, match=r"after 2 attempts: HTTP 503"):
        backend(endpoint.url, retries=1).translate(["一。"])
    assert len(endpoint.requests) == 2


def test_client_errors_are_not_retried(endpoint: FakeEndpoint) -> None:
    endpoint.script = ["401"]
    with pytest.raises(TranslationError, match=r"HTTP 401"):
        backend(endpoint.url, retries=3).translate(["一。"])
    assert len(endpoint.requests) == 1


def test_timeout_is_reported_and_retried(endpoint: FakeEndpoint) -> None:
    endpoint.script = ["slow", "slow"]
    with pytest.raises(TranslationError, match=r"no answer within 0\.2 s"):
        backend(endpoint.url, timeout=0.2, retries=1).translate(["一。"])
    assert len(endpoint.requests) == 2


def test_timeout_then_success(endpoint: FakeEndpoint) -> None:
    endpoint.script = ["slow"]
    assert backend(endpoint.url, timeout=0.2, retries=1).translate(["一。"]) == ("EN:一。",)


def test_broken_batch_reply_falls_back_to_one_segment_per_request(endpoint: FakeEndpoint) -> None:
    endpoint.script = ["garbage", "plain", "ok"]
    out = backend(endpoint.url, batch_size=2).translate(["一。", "二。"])
    assert out == ("plain 一。", "EN:二。")
    assert [len(segments_of(r)) for r in endpoint.requests] == [2, 1, 1]


def test_unreachable_endpoint_is_a_clear_error() -> None:
    with socket.socket() as sock:  # a port nobody listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(TranslationError, match=rf"127.0.0.1:{port}.*failed after 2 attempts: unreachable"):
        backend(f"http://127.0.0.1:{port}/v1", retries=1).translate(["一。"])


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (BackendConfig(), "needs an endpoint URL"),
        (BackendConfig(url="ftp://x", model="m"), "must start with http"),
        (BackendConfig(url="http://127.0.0.1:1/v1"), "needs a model name"),
    ],
)
def test_openai_configuration_errors(config: BackendConfig, message: str) -> None:
    with pytest.raises(TranslationError, match=message):
        make_backend("openai", config)


@pytest.mark.parametrize(
    ("url", "full"),
    [
        ("http://h:1/v1", "http://h:1/v1/chat/completions"),
        ("http://h:1/v1/", "http://h:1/v1/chat/completions"),
        ("http://h:1/v1/chat/completions", "http://h:1/v1/chat/completions"),
    ],
)
def test_completions_url(url: str, full: str) -> None:
    assert completions_url(url) == full


@pytest.mark.parametrize(
    ("content", "expected", "parsed"),
    [
        ('["A", "B"]', 2, ("A", "B")),
        ('```json\n["A"]\n```', 1, ("A",)),
        ('["A"]', 2, None),
        ('{"a": 1}', 1, None),
        ("A and B", 2, None),
        ("[1, 2]", 2, None),
    ],
)
def test_parse_batch_reply(content: str, expected: int, parsed: tuple[str, ...] | None) -> None:
    assert parse_batch_reply(content, expected) == parsed


def test_batch_prompt_lists_segments_and_glossary() -> None:
    prompt = batch_prompt(["甲", "乙"], (("甲", "A"),))
    assert "2 strings" in prompt and "甲 = A" in prompt and prompt.endswith('["甲", "乙"]')


def test_registry_and_unknown_name() -> None:
    assert {"none", "openai", "ctranslate2", "argos"} <= set(BACKENDS)
    assert isinstance(make_backend("none"), NoneBackend)
    assert make_backend("none").translate(["一", "二"]) == (None, None)
    with pytest.raises(TranslationError, match=r"unknown translation backend 'deepl'.*none"):
        make_backend("deepl")


def test_config_from_env_then_overrides(tmp_path: Path) -> None:
    env = {
        "DIGEST_MT_URL": "http://e/v1",
        "DIGEST_MT_MODEL": "m1",
        "DIGEST_MT_API_KEY": "key",
        "DIGEST_MT_MODEL_DIR": str(tmp_path),
    }
    config = config_from_env(env, model="m2", timeout=None)
    assert (config.url, config.model, config.api_key, config.model_dir) == ("http://e/v1", "m2", "key", tmp_path)
    assert config.timeout == BackendConfig().timeout


# --- CTranslate2 / Argos: loading paths (the packages are not installed here) -------------


def model_folder(root: Path, *, argos: bool) -> Path:
    model = root / "model" if argos else root
    model.mkdir(parents=True, exist_ok=True)
    (model / "model.bin").write_bytes(b"")
    (root / "sentencepiece.model").write_bytes(b"")
    return root


def test_ctranslate2_needs_a_model_dir() -> None:
    with pytest.raises(TranslationError, match=r"needs a model directory"):
        make_backend("ctranslate2", BackendConfig())


def test_ctranslate2_wrong_path(tmp_path: Path) -> None:
    with pytest.raises(TranslationError, match=r"model directory not found: .*nowhere"):
        make_backend("ctranslate2", BackendConfig(model_dir=tmp_path / "nowhere"))
    (tmp_path / "file").write_text("x")
    with pytest.raises(TranslationError, match=r"not a directory"):
        make_backend("ctranslate2", BackendConfig(model_dir=tmp_path / "file"))


def test_ctranslate2_folder_without_model(tmp_path: Path) -> None:
    with pytest.raises(TranslationError, match=r"not a CTranslate2 model"):
        locate_model(tmp_path)
    (tmp_path / "model.bin").write_bytes(b"")
    with pytest.raises(TranslationError, match=r"no SentencePiece model"):
        locate_model(tmp_path)


@pytest.mark.parametrize("argos", [False, True])
def test_locate_model_layouts(tmp_path: Path, argos: bool) -> None:
    files = locate_model(model_folder(tmp_path, argos=argos))
    assert files.model == (tmp_path / "model" if argos else tmp_path)
    assert files.tokenizer == tmp_path / "sentencepiece.model"


def test_ctranslate2_missing_package_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes the import fail as if the package were absent.
    monkeypatch.setitem(__import__("sys").modules, "ctranslate2", None)
    with pytest.raises(TranslationError, match=r"needs the 'ctranslate2' package.*pip install"):
        make_backend("argos", BackendConfig(model_dir=model_folder(tmp_path, argos=True)))


def test_ctranslate2_translates_with_loaded_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The loading and batching code, with stand-ins for the two packages."""
    loaded: dict[str, str] = {}

    class Translator:
        def __init__(self, path: str, device: str) -> None:
            loaded["model"], loaded["device"] = path, device

        def translate_batch(self, batch: list[list[str]]) -> list[Any]:
            return [types.SimpleNamespace(hypotheses=[[t.upper() for t in tokens]]) for tokens in batch]

    class Processor:
        def __init__(self, model_file: str) -> None:
            loaded["tokenizer"] = model_file

        def encode(self, text: str, out_type: type) -> list[str]:
            return list(text)

        def decode(self, tokens: list[str]) -> str:
            return "".join(tokens)

    sys_modules = __import__("sys").modules
    monkeypatch.setitem(sys_modules, "ctranslate2", types.SimpleNamespace(Translator=Translator))
    monkeypatch.setitem(sys_modules, "sentencepiece", types.SimpleNamespace(SentencePieceProcessor=Processor))
    folder = model_folder(tmp_path, argos=True)
    made = make_backend("ctranslate2", BackendConfig(model_dir=folder, batch_size=2))
    assert isinstance(made, CTranslate2Backend)
    assert made.translate(["ab", "cd", "e"]) == ("AB", "CD", "E")
    assert loaded == {"model": str(folder / "model"), "device": "cpu", "tokenizer": str(folder / "sentencepiece.model")}
