"""Plain-text reports: UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, detected without being told."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from kg.errors import ReadError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Bytes → (text, encoding name); raises ReadError for binary data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:  # a file cut short mid-character, or other bytes behind a BOM
                raise ReadError(path, f"damaged text: not valid {name.upper()} after its byte-order mark") from exc
    if b"\x00" in data[:4096]:
        raise ReadError(path, "binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Chinese government text that is not UTF-8 is almost always GBK or its superset GB18030.
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ReadError(path, "binary file, not text")
    return str(best), best.encoding


def read_text_file(path: Path) -> tuple[str, str, tuple]:
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(path, "empty file")
    text, encoding = decode(data, path)
    if _looks_binary(text):
        raise ReadError(path, "binary file, not text")
    return text, encoding, ()


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters but \t \n \f \r


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = len(_CONTROL_RE.findall(sample))
    return controls > max(2, len(sample) // 100)
