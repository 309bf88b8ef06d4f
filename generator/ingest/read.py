"""Reading seed files: bytes -> text -> numbered lines, format, sidecar.

I/O happens only in `read_source` and `read_sidecar`; the rest are pure helpers.

Decisions:

* Encodings: BOMs first (UTF-8, UTF-16, UTF-32); then UTF-16 without BOM when the
  bytes contain NULs and one byte order decodes to plausible text; then strict UTF-8;
  then charset-normalizer, first restricted to GB18030 / Big5 / CP950 (reliable even
  on one headline), then unrestricted; a guess that decodes to mostly non-Chinese,
  non-ASCII characters is refused. GB2312 / GBK results are read as GB18030 (a superset,
  so characters outside GBK still decode); Big5 as Big5, else CP950, else Big5-HKSCS.
* Stray NULs: a file that is otherwise text may carry a few NUL bytes (PDF extractors
  emit them for unmapped glyphs). Up to one NUL per thousand bytes they are dropped and
  logged; more means a binary file, which is refused.
* Binary files are refused by signature (PDF, ZIP, images, ...), by NULs, or when more
  than 1% of the decoded characters are control characters.
* Size: files above `max_bytes` (default 32 MiB) are refused before reading; all text
  functions are linear, so a file under the limit cannot hang the run.
* Sidecars: for `a.txt` either `a.txt.yml` or `a.yml`; both at once is an error. A seed
  whose sidecar name would be too long for the file system is read without one.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import logging
import re
from dataclasses import replace
from pathlib import Path

import charset_normalizer
import trafilatura
import yaml

from generator.errors import IngestError
from generator.ingest.detect import detect_format
from generator.models import Sidecar, SourceDocument, SourceFormat, SourceLine

__all__ = [
    "DEFAULT_MAX_BYTES",
    "decode",
    "detect_format",
    "document_from_bytes",
    "extract_html",
    "read_sidecar",
    "read_source",
    "sidecar_paths",
    "split_lines",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 32 * 1024 * 1024

_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX / XLSX)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "an executable"),
)
_STRAY_NUL_MAX_SHARE = 0.001
_UTF16_PLAUSIBLE_SHARE = 0.9
_PLAUSIBLE_RE = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Encodings tried first for non-UTF-8 bytes: detection restricted to the Chinese
# families is reliable even on a headline, where open detection guesses wildly.
_CHINESE_CODECS = ("gb18030", "big5", "cp950")
_MAX_CHAOS = 0.3
_GUESS_PLAUSIBLE_SHARE = 0.8
_CONTROL_MAX_SHARE = 0.01
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Sample size for the control-character check: enough to judge, cheap on big files.
_SAMPLE_CHARS = 200_000
_SIDECAR_KEYS = ("outlet", "date", "page", "url")
# trafilatura's metadata fields we pass on; not `filedate`, which is today's date.
_HTML_META_KEYS = ("title", "date", "author", "sitename", "url", "description")
_URL_RE = re.compile(r"^https?://\S+$")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _plausible_share(text: str) -> float:
    """Share of characters that Chinese news text is made of (ASCII, CJK, punctuation)."""
    sample = text[:_SAMPLE_CHARS]
    return len(_PLAUSIBLE_RE.findall(sample)) / len(sample) if sample else 0.0


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, codec) when `data` reads as UTF-16 without a BOM, else None.

    Only tried when NUL bytes occur (ASCII and line breaks in UTF-16 contain them); the
    byte order whose decoding is plausible Chinese / ASCII text wins. A byte-swapped
    decoding scatters over unrelated blocks, so the two are far apart.
    """
    if len(data) % 2 or 0 not in data:
        return None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = _plausible_share(text)
        if share >= _UTF16_PLAUSIBLE_SHARE and (best is None or share > best[0]):
            best = (share, text, codec)
    return (best[1], best[2]) if best else None


def _normalise_codec(name: str) -> str:
    """charset-normalizer's name -> the codec we decode with (GB family -> gb18030)."""
    lowered = codecs.lookup(name).name
    if lowered in ("gb2312", "gbk", "gb18030", "cp936"):
        return "gb18030"
    return lowered


def _decode_strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        # Count lines in the decoded prefix: in UTF-16 a 0x0A byte may be half a character.
        line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        raise IngestError(
            name, f"cannot decode as {encoding}: invalid byte 0x{data[exc.start]:02x}", line=line
        ) from exc


def _decode_detected(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    best = charset_normalizer.from_bytes(data, cp_isolation=list(_CHINESE_CODECS)).best()
    if best is None or best.chaos > _MAX_CHAOS:
        best = charset_normalizer.from_bytes(data).best()
    where = _line_of(data, utf8_error.start)
    if best is None:
        raise IngestError(
            name,
            f"not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x}) and no other text "
            "encoding fits (tried GB18030, Big5 and others via charset-normalizer)",
            line=where,
        )
    encoding = _normalise_codec(best.encoding)
    family = ("big5", "cp950", "big5hkscs") if encoding in ("big5", "cp950", "big5hkscs") else (encoding,)
    for candidate in family:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        # A guess that yields mostly characters foreign to Chinese news is no decoding.
        if _plausible_share(text) < _GUESS_PLAUSIBLE_SHARE:
            break
        return text, candidate
    raise IngestError(
        name,
        f"not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x}) and the best guess, "
        f"{encoding}, does not give readable text",
        line=where,
    )


def _refuse_binary(data: bytes, name: str) -> None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise IngestError(name, f"binary file ({kind}), not a text dump")


def _check_text(text: str, name: str) -> None:
    sample = text[:_SAMPLE_CHARS]
    controls = len(_CONTROL_RE.findall(sample))
    if sample and controls > _CONTROL_MAX_SHARE * len(sample):
        first = _CONTROL_RE.search(sample)
        line = sample.count("\n", 0, first.start()) + 1 if first else None
        raise IngestError(
            name,
            f"binary file: {controls} control characters in the first {len(sample)} characters",
            line=line,
        )


def decode(data: bytes, *, name: str) -> tuple[str, str]:
    """(text, encoding) of a seed's bytes; the BOM is removed. See the module doc.

    Raises IngestError for empty, binary or undecodable input, naming the line of the
    first offending byte where there is one.
    """
    if not data:
        raise IngestError(name, "file is empty")
    _refuse_binary(data, name)
    text, encoding = _decode_text(data, name)
    if not text.strip():
        raise IngestError(name, "file contains only whitespace")
    _check_text(text, name)
    return text, encoding


def _decode_text(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding, name), encoding
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    nuls = data.count(0)
    if nuls > _STRAY_NUL_MAX_SHARE * len(data):
        raise IngestError(
            name,
            f"binary file: {nuls} NUL bytes in {len(data)} bytes",
            line=_line_of(data, data.index(0)),
        )
    if nuls:
        log.warning("%s: dropped %d stray NUL bytes (first on line %d)", name, nuls, _line_of(data, data.index(0)))
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        return _decode_detected(data, name, exc)


def split_lines(text: str) -> tuple[SourceLine, ...]:
    """Lines numbered from 1; `\\r\\n`, `\\r` and `\\n` each end a line; text kept exactly.

    A final line break does not start another (empty) line, as in editors' line counts.
    """
    if not text:
        return ()
    pieces = _LINE_BREAK_RE.split(text)
    if pieces[-1] == "":
        pieces.pop()
    return tuple(SourceLine(number, piece) for number, piece in enumerate(pieces, start=1))


def extract_html(text: str, *, name: str) -> tuple[tuple[SourceLine, ...], tuple[tuple[str, str], ...]]:
    """(main-text lines, meta) of an HTML page via trafilatura, offline.

    Meta keys, when found: title, date, author, sitename, url, description. Lines are
    numbered as in the extracted text (one paragraph per line, blank lines between),
    not the HTML source.
    """
    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
    )
    fields: dict[str, object] = {}
    if isinstance(document, dict):
        fields = document
    elif document is not None:
        fields = {key: getattr(document, key, None) for key in ("text", *_HTML_META_KEYS)}
    body = fields.get("text")
    if not isinstance(body, str) or not body.strip():
        body = trafilatura.html2txt(text)
    if not body or not body.strip():
        raise IngestError(name, "no main text found in the HTML page")
    meta = tuple(
        (key, value.strip()) for key in _HTML_META_KEYS if isinstance(value := fields.get(key), str) and value.strip()
    )
    # An HTML paragraph never wraps: keep each extracted line a paragraph of its own.
    paragraphs = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    return split_lines(paragraphs), meta


def sidecar_paths(path: Path) -> tuple[Path, Path]:
    """The two places a sidecar for `path` may live: `a.txt.yml` and `a.yml`."""
    return path.with_name(path.name + ".yml"), path.with_suffix(".yml")


def _sidecar_name(name: str, sidecar: Path) -> str:
    head, _sep, _tail = name.rpartition("/")
    return f"{head}/{sidecar.name}" if head else sidecar.name


def _scalar(node: yaml.Node, key: str, where: str) -> str | None:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.ScalarNode):
        raise IngestError(where, f"`{key}` must be a single value, not a list or mapping", line=line)
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "null":
        return None
    value = str(node.value).strip()
    if key == "date":
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise IngestError(where, f"`date` must be an ISO date like 2020-03-30, got {value!r}", line=line) from None
    if key == "page":
        if tag not in ("str", "int"):
            raise IngestError(where, f"`page` must be text or a number, got {value!r}", line=line)
        return value
    if tag != "str":
        raise IngestError(where, f"`{key}` must be text, got {value!r}", line=line)
    if key == "url" and not _URL_RE.match(value):
        raise IngestError(where, f"`url` must start with http:// or https://, got {value!r}", line=line)
    return value


def parse_sidecar(text: str, *, where: str) -> Sidecar:
    """A Sidecar from YAML text; `where` names the sidecar file in errors."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise IngestError(where, f"invalid YAML: {exc.problem or exc}", line=mark.line + 1 if mark else None) from exc
    except yaml.YAMLError as exc:
        raise IngestError(where, f"invalid YAML: {exc}") from exc
    if root is None:
        return Sidecar()
    if not isinstance(root, yaml.MappingNode):
        raise IngestError(where, "a sidecar must be a mapping of outlet/date/page/url", line=root.start_mark.line + 1)
    values: dict[str, str | None] = {}
    for key_node, value_node in root.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + 1
        if key not in _SIDECAR_KEYS:
            raise IngestError(where, f"unknown key `{key}` (allowed: {', '.join(_SIDECAR_KEYS)})", line=line)
        if key in values:
            raise IngestError(where, f"key `{key}` appears twice", line=line)
        values[key] = _scalar(value_node, key, where)
    return Sidecar(**values)


def _sidecar_exists(candidate: Path, *, name: str) -> bool:
    """Whether a sidecar file is at `candidate`.

    A seed name near the file system's limit (255 bytes) makes `name.txt.yml` too long
    to exist: that is no sidecar, not a crash. Any other failure to look names the seed.
    """
    try:
        return candidate.is_file()
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return False
        raise IngestError(name, f"cannot look for its sidecar {candidate.name}: {exc.strerror or exc}") from exc


def read_sidecar(path: Path, *, name: str) -> Sidecar | None:
    """The sidecar of the seed at `path` (`a.txt.yml` or `a.yml`), or None when absent."""
    found = [candidate for candidate in sidecar_paths(path) if _sidecar_exists(candidate, name=name)]
    if not found:
        return None
    if len(found) > 1:
        raise IngestError(
            _sidecar_name(name, found[0]),
            f"two sidecars for one seed ({found[0].name} and {found[1].name}); keep one",
        )
    where = _sidecar_name(name, found[0])
    try:
        raw = found[0].read_bytes()
    except OSError as exc:
        raise IngestError(where, f"cannot read the sidecar: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(where, "sidecar is not UTF-8", line=_line_of(raw, exc.start)) from exc
    return parse_sidecar(text, where=where)


def read_source(path: Path, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read, decode and classify one seed file, with its sidecar.

    HTML pages (by name or content) are reduced to their main text with trafilatura and
    carry its metadata in `meta`. Web-page furniture is NOT removed here; that is
    `clean.strip_web_boilerplate`, which works on these numbered lines.
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(
            name,
            f"file is {size / 1_048_576:.1f} MiB, above the {max_bytes / 1_048_576:.0f} MiB limit; "
            "split it or raise the limit",
        )
    return replace(document_from_bytes(path.read_bytes(), name=name), sidecar=read_sidecar(path, name=name))


def document_from_bytes(data: bytes, *, name: str) -> SourceDocument:
    """What a seed's bytes make (decoded, numbered, classified, HTML reduced to its text),
    without the file: `read_source` adds the size check and the sidecar; the splitter's
    training reads its synthetic pages through here, exactly as the pipeline reads seeds."""
    text, encoding = decode(data, name=name)
    lines = split_lines(text)
    source_format = detect_format(name, lines)
    meta: tuple[tuple[str, str], ...] = ()
    if source_format is SourceFormat.HTML:
        lines, meta = extract_html(text, name=name)
    return SourceDocument(name=name, encoding=encoding, format=source_format, lines=lines, meta=meta)
