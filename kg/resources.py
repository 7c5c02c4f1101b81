"""Where the project's data folders (ontology/, cypher/) are, in the checkout or installed, and its per-user cache."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """The folder `name` of the checkout (editable install), else the one a wheel installed under share/."""
    here = _CHECKOUT / name
    if here.is_dir():
        return here
    installed = Path(sys.prefix) / "share" / "township-kg" / name
    return installed if installed.is_dir() else here


CACHE_ENV = "KG_CACHE_DIR"


def cache_dir() -> Path:
    """The per-user cache directory: $KG_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache, then township-kg."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "township-kg"
