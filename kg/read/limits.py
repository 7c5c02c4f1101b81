"""How large a report file and its text may be: set once from --max-size, read by every reader."""

from __future__ import annotations

# Reports run to a few megabytes, scanned PDFs to tens; a larger file is a mistake or an attack on memory.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Extraction holds evidence per mention: a text, whatever its file, is bounded too. Reports run to tens of
# thousands of characters; the default allows 2,000,000 (40,000 per megabyte of the file size limit).
CHARS_PER_MB = 40_000
_limits = {"max_bytes": DEFAULT_MAX_BYTES}


def limit_file_size(max_bytes: int) -> None:
    """Files larger than `max_bytes` (.docx unpacking to more, texts longer than its share) are refused, here
    and in workers forked later."""
    _limits["max_bytes"] = int(max_bytes)


def max_text_length() -> int:
    return _limits["max_bytes"] * CHARS_PER_MB // (1024 * 1024)


def max_file_size() -> int:
    return _limits["max_bytes"]
