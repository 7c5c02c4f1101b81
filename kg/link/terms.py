"""Content terms of an item: jieba tokens, synonyms folded, without the words every item of the genre uses."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.text import lexicon, normal_line
from kg.text import segment
from kg.link.themes import load_themes
from kg.text.segment import jieba

# Words that carry no object, words that name a field of the work, and synonyms folded to one word:
# ontology/lexicons/term_words.tsv says why each group matters to a link.
GENERIC = frozenset(lexicon.words("term_words", "generic"))
FIELD = frozenset(lexicon.words("term_words", "field"))
SYNONYMS = {row["word"]: row["same_as"] for row in lexicon.table("term_words") if row["use"] == "synonym"}

_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{3,}")


@lru_cache(maxsize=1)
def _cutter():
    """jieba taught the theme keywords; search mode also yields a compound's parts (执法能力 → 执法, 能力)."""
    words = {w for t in load_themes() for w in t.keywords} | set(SYNONYMS)
    tokenizer = segment.tokenizer((word for word in words if _WORD.fullmatch(word)), freq=20000)
    return lambda text: list(tokenizer.cut_for_search(text))


def term_surfaces(text: str) -> list[tuple[str, str]]:
    """(term, the words as written) for each content token of `text`, in order, synonyms folded."""
    # Linking profiles the same lines again and again: a heading, its body, the plans joined to a shortcoming,
    # within a report and then beside each adjacent year. jieba cuts each run of its word characters on its own
    # (no run holds a line break) and what lies between yields single characters and spaces, never content
    # terms; so lines, and runs within them, can be cut (and cached) one by one.
    return [pair for line in text.split("\n") for pair in _line_surfaces(line)]


@lru_cache(maxsize=4096)
def _line_surfaces(line: str) -> tuple[tuple[str, str], ...]:
    return tuple(pair for run in _run_pattern().findall(normal_line(line)) for pair in _run_surfaces(run))


@lru_cache(maxsize=1)
def _run_pattern():
    return jieba.re_han_default  # what `Tokenizer.cut` splits a text into before segmenting each run


@lru_cache(maxsize=8192)
def _run_surfaces(run: str) -> tuple[tuple[str, str], ...]:
    out = []
    for surface in _cutter()(run):
        surface = surface.strip()
        token = SYNONYMS.get(surface, surface)
        if _WORD.fullmatch(token) and token not in GENERIC:
            out.append((token, surface))
    return tuple(out)


def terms(text: str) -> list[str]:
    """Content tokens of `text`, in order, repeats kept, synonyms folded."""
    return [term for term, _surface in term_surfaces(text)]
