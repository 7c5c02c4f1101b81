"""Neo4j URIs checked and shown without their secrets, before any driver is loaded."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from kg.resources import cache_dir

from kg.errors import UsageError

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def redact(uri: str) -> str:
    """The URI without any user or password written into it; a URI that does not parse shows its scheme only."""
    try:
        return check_uri(uri)[0]
    except UsageError:
        scheme = uri.split("://", 1)[0] if "://" in uri else ""
        return f"{scheme}://…" if scheme.isascii() and scheme.replace("+", "").isalnum() else "the --neo4j URI"


def check_uri(uri: str) -> tuple[str, str | None, str | None]:
    """(the URI without credentials, user, password written in it); a malformed URI is a UsageError naming no secret."""
    shown = "the --neo4j URI"
    scheme, sep, rest = uri.partition("://")
    if not sep or scheme.lower() not in SCHEMES:
        raise UsageError(f"{shown}: not a Neo4j URI; write it as bolt://host:7687 or neo4j://host:7687")
    shown = f"{scheme}://…"
    authority, _, after = rest.rpartition("@") if "@" in rest else ("", "", rest)
    if "#" in after or "/" in authority or "?" in authority or "#" in authority:
        # A '#', '/' or '?' inside the password ends the host part early: the password would be read as a path.
        raise UsageError(f"{shown}: the user or password in the URI holds '/', '?' or '#'; write them percent-"
                         "encoded, or give them in NEO4J_USER and NEO4J_PASSWORD")
    try:
        parts = urlsplit(f"{scheme}://{after}")
        port = parts.port
    except ValueError as exc:
        reason = "bad IPv6 address" if "IPv6" in str(exc) else "bad port (a number from 1 to 65535)"
        raise UsageError(f"{shown}: {reason}") from None
    if not parts.hostname:
        raise UsageError(f"{shown}: no host; write it as {scheme}://host:7687")
    if port == 0:
        raise UsageError(f"{shown}: bad port (a number from 1 to 65535)")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    if port:
        host = f"{host}:{port}"
    clean = urlunsplit((scheme, host, parts.path, parts.query, ""))
    user, _, password = authority.partition(":")
    return clean, unquote(user) or None, (unquote(password) if authority and ":" in authority else None)


_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]")


def files_index_path(uri: str, database: str | None) -> Path:
    """The file, under the user's cache, where this machine keeps a Neo4j database's report files: by host,
    port and database only, so no user name or password is ever written to disk."""
    parts = urlsplit(check_uri(uri)[0])
    host = _UNSAFE_IN_NAME.sub("_", parts.hostname or "localhost")
    name = _UNSAFE_IN_NAME.sub("_", database or "default")
    return cache_dir() / "neo4j" / f"{host}-{parts.port or 7687}" / f"{name}.json"
