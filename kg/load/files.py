"""Where each stored report's file sits on this machine: a small index kept beside the store, never in the graph.

The graph keeps a report's path inside the folder it was loaded from and its content hash; this index
adds the absolute path, by report key, so that a stored report can be read again from any working
directory. It belongs to the machine that loaded: another machine reading the same store finds no
entry and falls back to the stored path, resolved against its own working directory.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from kg.atomic import replacing

VERSION = 1


class FileIndex:
    """Report key → {"path": absolute path, "sha256": content hash when loaded}; saved whole, atomically."""

    def __init__(self, path: str | os.PathLike | None):
        self.path = None if path is None else Path(path)
        self.entries: dict[str, dict] = self._read()
        self.changed = False

    @classmethod
    def of(cls, store) -> "FileIndex":
        """The index of `store`: where its `files_index()` says, or none (then only the stored paths serve)."""
        return cls(store.files_index())

    def _read(self) -> dict[str, dict]:
        if self.path is None:
            return {}
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            # Lost or damaged, it only costs the fallback to the stored paths; the next load writes it anew.
            return {}
        files = document.get("files") if isinstance(document, dict) else None
        return {k: v for k, v in files.items() if isinstance(v, dict)} if isinstance(files, dict) else {}

    def location(self, key: str) -> str | None:
        entry = self.entries.get(key)
        return entry.get("path") if entry else None

    def put(self, key: str, path: str | os.PathLike, sha256: str) -> None:
        entry = {"path": os.path.abspath(path), "sha256": sha256}
        if self.entries.get(key) != entry:
            self.entries[key] = entry
            self.changed = True

    def remove(self, key: str) -> None:
        if self.entries.pop(key, None) is not None:
            self.changed = True

    def save_or_say(self) -> str | None:
        """`save()`; when the file cannot be written, a warning line instead: the graph is whole without it."""
        try:
            self.save()
        except OSError as exc:
            return (f"{self.path}: cannot record where the loaded files are ({exc.strerror or exc}); reading them "
                    "again will look for their stored paths from the working directory")
        return None

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        with replacing(self.path) as handle:
            json.dump({"version": VERSION, "files": dict(sorted(self.entries.items()))}, handle,
                      ensure_ascii=False, indent=1)
            handle.write("\n")
        self.changed = False
