"""The address of an article's original, where the file itself gives it (pure).

A sidecar's `url` wins (an editor stated it). Otherwise a scraped page often prints its own
address: labelled (`原文链接：http://…`, `本文地址：…`) or on a line of its own among the page
furniture (a print-to-text footer). Extracted HTML gives it as page metadata (canonical or
og:url, read by trafilatura). Site links are not the original: a lone address counts only
when its path names one document (a run of digits, or a page file such as `.html`), never a
home page or a section.

Only http(s) addresses of a host name are taken, without quotes, brackets or spaces; the
page template escapes them again where they become a link.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

MAX_URL_CHARS = 500

# A host of dot-separated labels, an optional port, then a path without space, quotes,
# angle brackets or CJK punctuation (a full stop or bracket after an address is not in it).
_ADDRESS = (
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
    r"(?::\d{1,5})?(?:[/?#][^\s\"'<>()\[\]{}\u3000-\u303f\uff01-\uff5e]*)?"
)
_ADDRESS_RE = re.compile(_ADDRESS)
_LABELLED_RE = re.compile(
    r"^[\s【\[［(（]*(?:原文链接|原文地址|原文网址|本文链接|本文地址|本文网址|文章链接|文章地址|来源链接|来源网址"
    r"|網址|原文連結|本文連結|链接|网址|URL)\s*[:：]?\s*(?P<url>" + _ADDRESS + r")[\s】\]］)）]*$",
    re.IGNORECASE,
)
_LONE_RE = re.compile(r"^\s*(?P<url>" + _ADDRESS + r")\s*$")
_DOCUMENT_PATH_RE = re.compile(r"\d{4,}|\.(?:s?html?|php|aspx?|jsp)$", re.IGNORECASE)


def web_address(text: str | None) -> str | None:
    """`text` if it is one whole http(s) address of a host name (metadata, sidecars), else None."""
    if not text:
        return None
    text = text.strip()
    if len(text) > MAX_URL_CHARS or not _ADDRESS_RE.fullmatch(text):
        return None
    return text


def labelled_address(line: str) -> str | None:
    """The address of a line that labels it as the original's (`原文链接：http://…`)."""
    match = _LABELLED_RE.match(line)
    return web_address(match.group("url")) if match else None


def document_address(line: str) -> str | None:
    """The address on a line of its own when its path names one document, not a site or section."""
    match = _LONE_RE.match(line)
    if not match or (url := web_address(match.group("url"))) is None:
        return None
    path = urlsplit(url).path.rstrip("/")
    return url if _DOCUMENT_PATH_RE.search(path) else None


def addresses_by_article(lines: Iterable[tuple[int, str]], starts: Sequence[int]) -> tuple[str | None, ...]:
    """For articles whose first lines are `starts` (ascending), the original's address each:
    an address line belongs to the last article starting at or above it (to the first one when
    above them all); a labelled address beats a lone one, the first of a kind wins."""
    found: list[tuple[str | None, str | None]] = [(None, None) for _ in starts]
    if not starts:
        return ()
    for number, text in lines:
        owner = max(bisect_right(starts, number) - 1, 0)
        labelled, lone = found[owner]
        if labelled is None and (url := labelled_address(text)):
            found[owner] = (url, lone)
        elif lone is None and (url := document_address(text)):
            found[owner] = (labelled, url)
    return tuple(labelled or lone for labelled, lone in found)


__all__ = ["MAX_URL_CHARS", "addresses_by_article", "document_address", "labelled_address", "web_address"]
