"""The one root error of the library and its kinds; the CLI turns them into one-line messages."""


class KgError(Exception):
    """Base of every error the library raises for a user to act on."""

    exit_code = 1


class ReadError(KgError):
    """A report file could not be read or holds no report."""

    def __init__(self, path, reason):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # rebuilt from both fields when a worker process sends it back
        return type(self), (self.path, self.reason)


class StructureError(ReadError):
    """A file was read but has no recognisable report structure."""


class OntologyError(KgError):
    """The ontology files and the code disagree."""


class StoreError(KgError):
    """The graph store could not be reached or refused a statement."""

    exit_code = 2


class QueryError(KgError):
    """A canned query is unknown or was given bad parameters."""


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
