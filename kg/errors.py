"""The one root error of the library and its kinds; the CLI turns them into one-line messages.

Each kind carries the exit code the CLI gives it, following click's own convention for usage:
0 success, 1 some input could not be used (the rest went through), 2 a usage or query error,
3 the store failed or cannot be reached.
"""

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3


def text_name(name: str) -> str:
    """A file name as text: one that is not UTF-8 (escaped bytes from os.fsdecode) is read as the GB18030 a
    Chinese Windows archive wrote it in, so that it can be shown, stored and serialized."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "replace").decode("utf-8")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


class KgError(Exception):
    """Base of every error the library raises for a user to act on."""

    exit_code = EXIT_INPUT


class UsageError(KgError):
    """An option or argument that cannot be used as given (a malformed URI, a bad limit)."""

    exit_code = EXIT_USAGE


class ReadError(KgError):
    """A report file could not be read or holds no report."""

    def __init__(self, path, reason):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{text_name(self.path)}: {reason}")  # a GBK name shown as its text

    def __reduce__(self):  # rebuilt from both fields when a worker process sends it back
        return type(self), (self.path, self.reason)


class StructureError(ReadError):
    """A file was read but has no recognisable report structure."""


class OntologyError(KgError):
    """The ontology files and the code disagree."""


class StoreError(KgError):
    """The graph store could not be reached, failed, or could not make what it holds durable."""

    exit_code = EXIT_STORE


class StatementError(StoreError):
    """The store refused one statement (bad Cypher, a value it cannot hold, a timeout): not a store failure."""

    exit_code = EXIT_USAGE


class NoStoreError(StoreError):
    """A command that reads the store was pointed at a folder that holds none."""


class QueryError(KgError):
    """A canned query is unknown, was given bad parameters, was refused or ran out of time."""

    exit_code = EXIT_USAGE


class GoldError(KgError):
    """A gold annotation file is missing or malformed."""


class LexiconError(KgError):
    """A lexicon file is missing or malformed."""

    def __init__(self, path, reason):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ManifestError(ReadError):
    """A manifest CSV is missing, malformed, or names a value that cannot be used."""
