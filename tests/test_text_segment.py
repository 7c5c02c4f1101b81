"""Segmentation: shared jieba tables segment exactly as fresh jieba tokenizers, with or without a usable cache."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from kg.text import lexicon
from kg.text import segment
from kg.link import terms
from kg.link.themes import load_themes

SENTENCES = (
    "严格落实谁执法谁普法普法责任制，推进信访工作法治化。",
    "一是执法人员专业能力不足，综合行政执法队伍力量薄弱。",
    "乡党委书记滕某某带头学习《中华人民共和国行政处罚法》，开展“八五”普法宣传活动12场。",
    "发放宣传资料25000余份，调解纠纷56件，调解成功率达98%。",
    "村（居）法律顾问覆盖率100%，群众法治意识有待提高。",
    "",
)


def _fresh(words, freq) -> jieba.Tokenizer:
    """What the tokenizers were built as before: jieba's own loading, then add_word."""
    tokenizer = jieba.Tokenizer()
    for word in words:
        tokenizer.add_word(word, freq=freq)
    return tokenizer


def _theme_words():
    words = {w for t in load_themes() for w in t.keywords} | set(terms.SYNONYMS)
    return [word for word in words if terms._WORD.fullmatch(word)]


@pytest.fixture
def own_cache(tmp_path, monkeypatch) -> Path:
    """A cache directory of this test alone, and no tables remembered from earlier tests."""
    directory = tmp_path / "cache"
    monkeypatch.setenv(segment.CACHE_ENV, str(directory))
    segment.base_dictionary.cache_clear()
    segment.pos_tags.cache_clear()
    yield directory
    segment.base_dictionary.cache_clear()
    segment.pos_tags.cache_clear()


@pytest.fixture(scope="module")
def texts(corpus_texts) -> list[str]:
    return [*corpus_texts.values(), *SENTENCES]


def test_domain_tokenizer_segments_as_a_fresh_jieba_tokenizer(texts):
    fresh = _fresh(lexicon.domain_words(), 100000)
    ours = lexicon._tokenizer()
    assert (ours.FREQ, ours.total) == (fresh.FREQ, fresh.total)
    for text in texts:
        assert ours.lcut(text) == fresh.lcut(text)


def test_link_term_tokenizer_segments_as_a_fresh_jieba_tokenizer(texts):
    fresh = _fresh(_theme_words(), 20000)
    cut = terms._cutter()
    for text in texts:
        assert cut(text) == list(fresh.cut_for_search(text))


def _cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("jieba-*.marshal"))


def _tokens(words=("谁执法谁普法",)) -> list[list[str]]:
    tokenizer = segment.tokenizer(words, freq=100000)
    return [tokenizer.lcut(text) for text in SENTENCES]


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[: len(data) // 2], lambda data: data[:-1000] + bytes(1000)],
    ids=["truncated", "zeroed-tail"],
)
def test_a_damaged_cache_falls_back_and_is_rewritten(own_cache, damage):
    import jieba.posseg

    expected = _tokens()
    segment._write("tags", jieba.posseg.dt.word_tag_tab)
    files = _cache_files(own_cache)
    assert [f.name.split("-")[1] for f in files] == ["freq", "tags"]
    for path in files:
        path.write_bytes(damage(path.read_bytes()))
    segment.base_dictionary.cache_clear()
    segment.pos_tags.cache_clear()

    assert _tokens() == expected
    assert segment.pos_tags() == _corrected(jieba.posseg.dt.word_tag_tab)
    assert segment._read("freq", segment._is_dictionary) is not None  # the fallback wrote a good file again


def _corrected(table: dict[str, str]) -> dict[str, str]:
    return {**table, **segment._tag_corrections()}


def test_the_tag_table_holds_the_genres_corrections_and_leaves_jiebas_own_alone(own_cache):
    import jieba.posseg

    assert segment._tag_corrections()["讲授"] == "v"
    assert jieba.posseg.dt.word_tag_tab.get("讲授") != "v"  # the dictionary's own tag, which the correction replaces
    assert segment.pos_tags()["讲授"] == "v"
    assert jieba.posseg.dt.word_tag_tab.get("讲授") != "v"  # even on the path that reads jieba's own table


def test_the_tag_table_is_rebuilt_from_its_columns_and_bad_columns_fall_back(own_cache):
    import jieba.posseg

    segment._write("tags", jieba.posseg.dt.word_tag_tab)
    expected = _corrected(jieba.posseg.dt.word_tag_tab)
    assert segment.pos_tags() == expected  # read from the table's own file, which also writes the columns
    flags, tags = segment._read("tag-columns", segment._is_tag_columns)
    (own_cache / segment._cache_path("tags").name).unlink()
    segment.pos_tags.cache_clear()
    rebuilt = segment.pos_tags()
    assert rebuilt is not expected and rebuilt == expected  # from the columns alone: the fallback returns jieba's own

    for bad in ((flags[:-1], tags), (flags, tags[:-1])):  # written for another dictionary; tags that miss a word
        segment._write("tag-columns", bad)
        segment.pos_tags.cache_clear()
        assert segment.pos_tags() == expected


def test_an_unwritable_cache_falls_back_silently(tmp_path, monkeypatch, capfd):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(segment.CACHE_ENV, str(blocker / "cache"))
    segment.base_dictionary.cache_clear()
    try:
        assert _tokens() == [_fresh(["谁执法谁普法"], 100000).lcut(text) for text in SENTENCES]
    finally:
        segment.base_dictionary.cache_clear()
    assert not list(tmp_path.rglob("*.marshal"))
    assert capfd.readouterr().err == ""


def test_each_user_has_a_cache_of_their_own(tmp_path, monkeypatch):
    monkeypatch.delenv(segment.CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "alice"))
    alice = segment.cache_dir()
    monkeypatch.setenv("HOME", str(tmp_path / "bob"))
    bob = segment.cache_dir()
    assert alice == tmp_path / "alice" / ".cache" / "township-kg"
    assert bob == tmp_path / "bob" / ".cache" / "township-kg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert segment.cache_dir() == tmp_path / "xdg" / "township-kg"


def test_the_cache_is_private_to_its_owner(own_cache):
    segment.base_dictionary()
    assert own_cache.stat().st_mode & 0o077 == 0
    for path in _cache_files(own_cache):
        assert path.stat().st_mode & 0o077 == 0
        assert path.stat().st_uid == os.getuid()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file to another user")
def test_a_cache_file_owned_by_another_user_is_not_read(own_cache):
    segment.base_dictionary()
    (path,) = _cache_files(own_cache)
    assert segment._read("freq", segment._is_dictionary) is not None
    os.chown(path, 65534, 65534)
    assert segment._read("freq", segment._is_dictionary) is None


def test_environments_with_the_same_dictionary_share_one_cache(tmp_path, monkeypatch):
    import shutil

    copy = tmp_path / "other-env" / "dict.txt"
    copy.parent.mkdir()
    shutil.copy(segment._dictionary_file(), copy)
    original = segment._key()
    try:
        monkeypatch.setattr(segment, "_dictionary_file", lambda: copy)
        segment._key.cache_clear()
        assert segment._key() == original  # another path and time, the same content
        copy.write_bytes(copy.read_bytes() + "新词 3 n\n".encode())
        segment._key.cache_clear()
        assert segment._key() != original
    finally:
        segment._key.cache_clear()


def test_writing_new_tables_removes_only_stale_ones_of_other_keys(own_cache):
    own_cache.mkdir(mode=0o700)
    old = own_cache / "jieba-freq-0000000000000000old0.marshal"
    recent = own_cache / "jieba-freq-00000000000000recent.marshal"
    other_kind = own_cache / "jieba-tags-0000000000000000old0.marshal"
    for path in (old, recent, other_kind):
        path.write_bytes(b"from another version")
    long_ago = os.stat(old).st_mtime - (segment.STALE_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    os.utime(other_kind, (long_ago, long_ago))

    segment.base_dictionary()  # a cold cache: the freq table is written

    names = {path.name for path in _cache_files(own_cache)}
    assert old.name not in names
    assert {recent.name, other_kind.name, segment._cache_path("freq").name} <= names


_IN_A_NEW_PROCESS = """
import hashlib, json, sys
import jieba
from kg.text import segment
segment.default()
tags = hashlib.sha256(repr(sorted(segment.pos_tags().items())).encode()).hexdigest()
tokens = [jieba.lcut(text) for text in json.loads(sys.argv[1])]
print(json.dumps({"tokens": tokens, "tags": tags, "posseg": "jieba.posseg" in sys.modules}, ensure_ascii=False))
"""


def test_a_new_process_gets_the_same_tables_from_a_cold_and_a_warm_cache(tmp_path):
    """`jieba.lcut` after `segment.default()` and the POS table, as jieba alone gives them (with the genre's
    corrections); warm, without jieba.posseg."""
    import jieba.posseg

    env = {**os.environ, segment.CACHE_ENV: str(tmp_path / "cache")}
    cold, warm = (
        json.loads(
            subprocess.run(
                [sys.executable, "-c", _IN_A_NEW_PROCESS, json.dumps(SENTENCES)],
                env=env, capture_output=True, text=True, check=True,
            ).stdout
        )
        for _ in ("cold", "warm")
    )
    expected = {
        "tokens": [jieba.Tokenizer().lcut(text) for text in SENTENCES],
        "tags": hashlib.sha256(repr(sorted(_corrected(jieba.posseg.dt.word_tag_tab).items())).encode()).hexdigest(),
    }
    assert cold == {**expected, "posseg": True}
    assert warm == {**expected, "posseg": False}
