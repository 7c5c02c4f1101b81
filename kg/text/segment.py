"""jieba's base dictionary and POS table, loaded once per process, and the tokenizers built on them.

jieba reads its own cache with `marshal.load(file)`, several times slower than `marshal.loads` of the
bytes, every `jieba.Tokenizer` loads a copy of its own, and `jieba.posseg` parses dict.txt again at
import. Here the dictionary is read once from a per-user cache, `jieba.dt` shares it, and each new
tokenizer starts from a copy (the key strings are shared, the copy takes milliseconds) plus its own
words. Any fault with the cache falls back to jieba's own loading, which gives the same tables.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import compress
from pathlib import Path

from kg.resources import CACHE_ENV, cache_dir  # noqa: F401  CACHE_ENV: re-exported, the variable users set
from kg.text.tables import LEXICON_DIR, read_table
import time

if "jieba" in sys.modules or "pkg_resources" in sys.modules:
    import jieba
else:
    # jieba imports pkg_resources only to open its own data files, and opens them itself when that
    # import fails; the import alone takes longer than reading the dictionary from our cache.
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        sys.modules.pop("pkg_resources", None)

jieba.setLogLevel(60)  # its start-up chatter goes to stderr on every run

_DIGEST = 32  # bytes of blake2b before the payload: marshal has no checksum of its own
STALE_DAYS = 30  # tables of another jieba or Python untouched this long go when a new one is written


def _dictionary_file() -> Path:
    return Path(jieba.__file__).resolve().parent / jieba.DEFAULT_DICT_NAME


@cache
def _key() -> str:
    """What the cached tables depend on: jieba's version, its dictionary's content, and marshal's format.

    The content, not the file's path or time: every environment with the same jieba shares one cache.
    """
    with open(_dictionary_file(), "rb") as handle:
        content = hashlib.file_digest(handle, "sha1").hexdigest()
    parts = (jieba.__version__, content, marshal.version, sys.version_info[:2])
    return hashlib.blake2b(repr(parts).encode(), digest_size=10).hexdigest()


def _cache_path(kind: str) -> Path:
    return cache_dir() / f"jieba-{kind}-{_key()}.marshal"


def _read(kind: str, valid) -> object | None:
    """The cached table of `kind`, or None when it is missing, not ours, damaged or not what `valid` expects."""
    try:
        path = _cache_path(kind)
        with open(path, "rb") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                return None  # a file someone else planted in our directory is not read
            data = handle.read()
        digest, payload = data[:_DIGEST], memoryview(data)[_DIGEST:]  # a view: no second copy of the file
        if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest:
            return None
        value = marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return value if valid(value) else None


def _write(kind: str, value: object) -> None:
    """Write atomically (a reader sees the old file or the whole new one); any failure only costs the next start."""
    temp = None
    try:
        path = _cache_path(kind)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        payload = marshal.dumps(value)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload)
        os.replace(temp, path)
        temp = None
        _prune(kind, path)
    except (OSError, ValueError):
        pass
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _prune(kind: str, kept: Path) -> None:
    """Remove this user's tables of `kind` for other keys not written for STALE_DAYS: 15 MB each, left by old versions."""
    cutoff = time.time() - STALE_DAYS * 86400
    for path in kept.parent.glob(f"jieba-{kind}-*.marshal"):
        try:
            status = path.stat()
            if path != kept and status.st_mtime < cutoff and status.st_uid == os.getuid():
                path.unlink()
        except OSError:
            pass


def _is_dictionary(value) -> bool:
    return (
        isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], dict) and isinstance(value[1], int)
    )


def _is_tag_table(value) -> bool:
    return isinstance(value, dict)


@cache
def base_dictionary() -> tuple[dict[str, int], int]:
    """jieba's default (FREQ, total), prefixes included; shared, so callers must not change it."""
    cached = _read("freq", _is_dictionary)
    if cached is not None:
        return cached
    fresh = jieba.Tokenizer()
    fresh.check_initialized()
    _write("freq", (fresh.FREQ, fresh.total))
    return fresh.FREQ, fresh.total


@cache
def pos_tags() -> dict[str, str]:
    """jieba.posseg's word → tag table of the default dictionary, with the genre's corrections
    (ontology/lexicons/tag_corrections.tsv: 讲授, 办理 are verbs here, not nouns) so every reader tags alike."""
    table = _dictionary_tags()
    table.update(_tag_corrections())
    return table


@cache
def _tag_corrections() -> dict[str, str]:
    return {row["word"]: row["tag"] for row in read_table(LEXICON_DIR / "tag_corrections.tsv")}


def _dictionary_tags() -> dict[str, str]:
    """jieba.posseg's word → tag table of the default dictionary, without importing jieba.posseg on a warm cache."""
    freq = base_dictionary()[0]
    columns = _read("tag-columns", _is_tag_columns)
    rebuilt = _tags_along(freq, columns) if columns is not None else None
    if rebuilt is not None:
        return rebuilt
    cached = _read("tags", _is_tag_table)
    if cached is not None:
        _write_columns(freq, cached)
        return cached
    pristine = "jieba.posseg" not in sys.modules  # an earlier importer may have added user tags since
    import jieba.posseg

    table = jieba.posseg.dt.word_tag_tab
    if pristine:
        _write("tags", table)
        _write_columns(freq, table)
    return dict(table)  # a copy: the corrections go into ours, jieba's own table stays as it is


# Every worker needs the tag table, and reading its 350,000 words makes as many new strings. The same words are
# keys of the dictionary every worker has already read: the table is kept as a flag per dictionary key (tagged or
# not) and the tags in that order, and rebuilt on the dictionary's own key strings, several times faster.
def _tag_columns(freq: dict[str, int], table: dict[str, str]) -> tuple[bytes, tuple[str, ...]] | None:
    """The table as (a flag per key of `freq`, the tags of the flagged keys in order); None when a word of the
    table is no key of `freq`, which the columns could not hold."""
    flags = bytes(word in table for word in freq)
    tags = tuple(table[word] for word in freq if word in table)
    return (flags, tags) if len(tags) == len(table) else None


def _write_columns(freq: dict[str, int], table: dict[str, str]) -> None:
    columns = _tag_columns(freq, table)
    if columns is not None:
        _write("tag-columns", columns)


def _tags_along(freq: dict[str, int], columns) -> dict[str, str] | None:
    flags, tags = columns
    if len(flags) != len(freq) or flags.count(1) != len(tags):
        return None  # written for another dictionary
    return dict(zip(compress(freq, flags), tags))


def _is_tag_columns(value) -> bool:
    return (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], bytes)
            and isinstance(value[1], tuple))


def default() -> jieba.Tokenizer:
    """`jieba.dt`, initialized from the base dictionary unless it already is or uses another dictionary.

    It shares the base dictionary rather than copying it (one copy less in every process), so words for
    a purpose go to a `tokenizer()` of their own, never to `jieba.add_word`.
    """
    tokenizer = jieba.dt
    if not tokenizer.initialized and tokenizer.dictionary == jieba.DEFAULT_DICT:
        freq, total = base_dictionary()
        with tokenizer.lock:
            if not tokenizer.initialized:
                tokenizer.FREQ, tokenizer.total = freq, total
                tokenizer.initialized = True
    return tokenizer


@lru_cache(maxsize=8192)
def default_words(text: str, hmm: bool = False) -> tuple[str, ...]:
    """`default().cut(text, HMM=hmm)` as a tuple, cached: place names cut the same run before a suffix
    several times per report (its start, its words, the verb before it), and reports repeat their phrases."""
    return tuple(default().cut(text, HMM=hmm))


def tokenizer(words: Iterable[str] = (), freq: int | None = None) -> jieba.Tokenizer:
    """A new jieba Tokenizer of the default dictionary with `words` added at `freq`, as `add_word` would."""
    base, total = base_dictionary()
    made = jieba.Tokenizer()
    with made.lock:
        made.FREQ, made.total = dict(base), total
        made.initialized = True
    for word in words:
        made.add_word(word, freq=freq)
    return made
