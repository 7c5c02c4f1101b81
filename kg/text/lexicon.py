"""Domain lexicons (laws, campaigns, days) and one Aho–Corasick matcher over the same-length normal form.

Matching runs on `kg.text.normalize(text)`, which keeps every offset, so a hit's span is a span of the
original text. Terms without punctuation are also taught to jieba, whose user dictionary cannot hold
《…》 titles or 双随机、一公开; `tokens` is the one way other modules segment text with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from kg.errors import LexiconError
from kg.text import normalize
from kg.text import segment
from kg.text.tables import LEXICON_DIR, read_table  # noqa: F401  read_table: re-exported, other readers use it


@dataclass(frozen=True)
class Term:
    """One entry of a lexicon: the canonical name, its kind, and every form a text may write it in."""

    name: str
    kind: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """A lexicon form found in a text: offsets into the original text and the entry it belongs to."""

    start: int
    end: int
    term: Term


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ontology/lexicons/<name>.tsv, read once per process."""
    return tuple(read_table(LEXICON_DIR / f"{name}.tsv"))


@cache
def words(name: str, use: str | None = None) -> tuple[str, ...]:
    """The first cell of each row of lexicon `name`, in file order; with `use`, only the rows of that use.

    Word lists that feed one extractor share a file with a `use` column; an unknown use is an error,
    so a misspelled use fails at once instead of matching nothing.
    """
    rows = table(name)
    if use is not None:
        rows = tuple(row for row in rows if row.get("use") == use)
        if not rows:
            raise LexiconError(LEXICON_DIR / f"{name}.tsv", f"no row has use {use!r}")
    return tuple(next(iter(row.values())) for row in rows)


@cache
def chars(name: str, use: str) -> frozenset[str]:
    """The characters of every row of one use: a character class kept as readable groups."""
    return frozenset("".join(words(name, use)))


def longest_first(forms) -> tuple[str, ...]:
    """Distinct forms, longest first, so that a prefix (人, 欧) never shadows a longer form (人次, 欧阳)."""
    return tuple(sorted(dict.fromkeys(forms), key=len, reverse=True))


def either(forms, between: str = "") -> str:
    """A regex group matching any of `forms` literally, tried in the order given; `between`, a pattern allowed
    between a form's characters (a page spreads its labels out with spaces: 索 引 号).

    A lookahead on the forms' first characters goes first: the engine then passes a place where none can
    start with one test instead of one per form (a pattern tried at every place of a sentence).
    """
    forms = tuple(forms)
    alternatives = "(?:" + "|".join(between.join(map(re.escape, form)) for form in forms) + ")"
    if len(forms) < 2 or not all(forms):  # an empty form matches anywhere; one form is its own quick test
        return alternatives
    return "(?=[" + "".join(map(re.escape, sorted(set(form[0] for form in forms)))) + "])" + alternatives


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


class Matcher:
    """Leftmost-longest, non-overlapping matching of many forms at once, on the normal form of a text."""

    def __init__(self, terms: tuple[Term, ...]):
        self.terms = terms
        self._automaton = ahocorasick.Automaton()
        for term in terms:
            for form in term.forms:
                key = normalize(form)
                # A form shared by two entries keeps the first: the file's order is its priority.
                if key not in self._automaton:
                    self._automaton.add_word(key, (len(key), term))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def exact(self, norm: str) -> Term | None:
        """The entry one of whose forms is the whole of `norm` (a normal form), or None."""
        if self._empty:
            return None
        found = self._automaton.get(norm, None)
        return found[1] if found is not None else None

    def find(self, text: str, norm: str | None = None) -> list[Hit]:
        """Hits in `text` (pass its normal form when you have it), in order, none overlapping."""
        if self._empty:
            return []
        norm = normalize(text) if norm is None else norm
        found = sorted(
            ((end + 1 - length, end + 1, term) for end, (length, term) in self._automaton.iter(norm)),
            key=lambda hit: (hit[0], -hit[1]),
        )
        hits: list[Hit] = []
        reach = 0
        for start, end, term in found:
            if start >= reach:
                hits.append(Hit(start, end, term))
                reach = end
        return hits


@cache
def law_terms() -> tuple[Term, ...]:
    rows = read_table(LEXICON_DIR / "laws.tsv")
    return tuple(Term(r["name"], r.get("kind", ""), (r["name"], *_split(r.get("aliases", "")))) for r in rows)


@cache
def campaign_terms() -> tuple[Term, ...]:
    rows = read_table(LEXICON_DIR / "campaigns.tsv")
    return tuple(Term(r["name"], r.get("category", ""), (r["name"], *_split(r.get("aliases", "")))) for r in rows)


@dataclass(frozen=True)
class Day(Term):
    """A commemorative day, week or month: a term whose forms are its labels, and its date (0 when none)."""

    month: int = 0
    day: int = 0


@cache
def days() -> tuple[Day, ...]:
    path = LEXICON_DIR / "days.tsv"
    out = []
    for row in read_table(path):
        try:
            month, day = int(row["month"] or 0), int(row["day"] or 0)
        except ValueError as exc:
            raise LexiconError(path, f"{row['name']}: month and day must be numbers") from exc
        out.append(Day(row["name"], "day", _split(row.get("labels", "")), month, day))
    return tuple(out)


@cache
def not_campaigns() -> frozenset[str]:
    return frozenset(normalize(r["term"]) for r in read_table(LEXICON_DIR / "not_campaigns.tsv"))


@cache
def law_matcher() -> Matcher:
    return Matcher(law_terms())


@cache
def campaign_matcher() -> Matcher:
    return Matcher(campaign_terms())


@cache
def day_matcher() -> Matcher:
    return Matcher(days())


_PLAIN = re.compile(r"^[\u4e00-\u9fff0-9A-Za-z]+$")


def domain_words() -> tuple[str, ...]:
    """Every lexicon form jieba can hold: those without punctuation."""
    forms = [form for term in law_terms() + campaign_terms() for form in term.forms]
    forms += [label for d in days() for label in d.forms]
    return tuple(dict.fromkeys(f for f in forms if _PLAIN.match(f)))


@cache
def _tokenizer():
    return segment.tokenizer(domain_words(), freq=100000)


def tokens(text: str) -> list[str]:
    """jieba's segmentation of `text`, with every domain term kept whole."""
    return list(_tokens(text))


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    # Cached: metrics segment the same phrase around a figure several times, and reports repeat their phrases.
    return tuple(token for token in _tokenizer().lcut(text) if token.strip())
