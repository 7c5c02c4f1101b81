"""Where the project's data folders (ontology/, cypher/) are: in the checkout, or installed beside the package."""

from __future__ import annotations

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
