"""Canned queries: `cypher/*.cypher` files, each a named query with a bilingual description and parameters.

A file opens with `//` header lines:

    // name: laws-ranked
    // zh: 按引用乡镇数排列的法律法规
    // en: Laws ranked by how many townships cite them.
    // param: limit = 20  返回条数 / how many rows

The parameters are the `$names` in the text; a `param:` line gives one a JSON default and a
help text. A parameter without a default must be given.

What the queries return follows what a reader of trace and the briefings expects: an item's ordinal
counts from 1 (the store keeps the extractor's count from 0), a node's kind is its class (`Law`, not
`["Resource", "Law"]`), and counts and percentages are integers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import QueryError
from kg.resources import data_dir
import csv
import io
import unicodedata

CYPHER_DIR = data_dir("cypher")


@dataclass(frozen=True)
class CannedQuery:
    """A query file: its name, descriptions, text, the `$names` it uses in order, and their defaults."""

    name: str
    description_zh: str
    description_en: str
    text: str
    parameters: tuple[str, ...]
    defaults: tuple[tuple[str, object], ...] = ()
    help: tuple[tuple[str, str], ...] = ()
    path: str = ""

    def required(self) -> list[str]:
        defaults = dict(self.defaults)
        return [name for name in self.parameters if name not in defaults]

    def bind(self, given: dict[str, object]) -> dict[str, object]:
        """Parameters for a run: the given values over the defaults; unknown or missing names are errors."""
        unknown = sorted(set(given) - set(self.parameters))
        if unknown:
            raise QueryError(f"{self.name}: unknown parameter {', '.join(unknown)}; it takes "
                             f"{', '.join(self.parameters) or 'none'}")
        defaults = dict(self.defaults)
        values = {}
        for name in self.parameters:
            if name in given:
                value = given[name]
                values[name] = coerce(value, defaults.get(name)) if isinstance(value, str) else value
            elif name in defaults:
                values[name] = defaults[name]
            else:
                raise QueryError(f"{self.name}: parameter {name} is required (--param {name}=…)")
        return values


_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*")
_HEADER = re.compile(r"^//\s*(name|zh|en|param):\s*(.*)$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S+)\s*(.*)$")


def coerce(text: str, default: object):
    """A command-line value: text where the default is text, else JSON when it is a number or null."""
    if isinstance(default, str):
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, int | float | bool) or value is None else text


def parse_query(text: str, path: str = "<text>") -> CannedQuery:
    """One canned query from its file text; a missing name or a malformed header line is an error."""
    fields: dict[str, str] = {}
    defaults: dict[str, object] = {}
    helps: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("//"):
            break
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key != "param":
            fields[key] = value.strip()
            continue
        spec = _PARAM.match(value.strip())
        if not spec:
            raise QueryError(f"{path}: bad parameter line {line!r}; write `// param: name = default  help`")
        name, default, help_text = spec.groups()
        helps[name] = help_text.strip()
        try:
            defaults[name] = json.loads(default)
        except ValueError as exc:
            raise QueryError(f"{path}: default of {name} is not JSON: {default}") from exc
    if "name" not in fields:
        raise QueryError(f"{path}: no `// name:` header line")
    used = list(dict.fromkeys(_PARAM_USE.findall(_STRINGS.sub(" ", text))))
    stray = sorted(set(defaults) - set(used))
    if stray:
        raise QueryError(f"{path}: parameter {', '.join(stray)} has a default but is not used")
    return CannedQuery(fields["name"], fields.get("zh", ""), fields.get("en", ""), text, tuple(used),
                       tuple(defaults.items()), tuple(helps.items()), path)


def load_queries(directory: str | Path = CYPHER_DIR) -> dict[str, CannedQuery]:
    """Every canned query in `directory` by name."""
    queries: dict[str, CannedQuery] = {}
    for path in sorted(Path(directory).glob("*.cypher")):
        query = parse_query(path.read_text(encoding="utf-8"), str(path))
        if query.name in queries:
            raise QueryError(f"{path}: name {query.name} is also used by {queries[query.name].path}")
        queries[query.name] = query
    return queries


def load_query(name: str, directory: str | Path = CYPHER_DIR) -> CannedQuery:
    queries = load_queries(directory)
    if name not in queries:
        raise QueryError(f"unknown query {name!r}; `kg query --list` shows them: {', '.join(queries)}")
    return queries[name]


def run_canned(store, name: str, given: dict[str, object]) -> list[dict]:
    """Run a canned query by name with its parameters bound; read-only like any query."""
    query = load_query(name)
    return store.query(query.text, query.bind(given))


def parse_assignments(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`k=v` strings from the command line as a dict."""
    given = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {pair!r}: write it as name=value")
        given[name.strip()] = value
    return given


# ---------------------------------------------------------------- output

def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or CR first) gets a leading quote."""
    if cell and cell[0] in "=+-@\t\r" and not _NUMBER.match(cell):
        return "'" + cell
    return cell


_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$")  # -3 or +1.5 are numbers, not formulas


BOM = "\ufeff"


def format_rows(rows: list[dict], fmt: str = "table", bom: bool = False) -> str:
    """Rows as an aligned text table, a JSON array of objects, or CSV (with `bom`, led by a byte-order mark)."""
    if bom and fmt != "csv":
        raise QueryError(f"a byte-order mark is for CSV only, not {fmt}")
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    columns = list(dict.fromkeys(k for row in rows for k in row))
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_spreadsheet_safe(_cell(row.get(c))) for c in columns] for row in rows)
        # Excel reads a CSV file as the machine's legacy code page unless it opens with the mark
        return (BOM if bom else "") + buffer.getvalue().rstrip("\n")
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}; choose table, json or csv")
    if not columns:
        return "(no rows)"
    cells = [[_cell(row.get(c)).replace("\n", " ") for c in columns] for row in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(columns, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(v, w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def query_catalog(directory: str | Path = CYPHER_DIR) -> list[dict]:
    """The canned queries as rows: name, descriptions, and each parameter with its default and help."""
    rows = []
    for query in load_queries(directory).values():
        defaults, helps = dict(query.defaults), dict(query.help)
        rows.append({"name": query.name, "zh": query.description_zh, "en": query.description_en,
                     "parameters": [{"name": name, "required": name not in defaults,
                                     "default": defaults.get(name), "help": helps.get(name, "")}
                                    for name in query.parameters]})
    return rows


def _parameter_rows(query: dict) -> list[dict]:
    """One CSV row a parameter (one row with empty cells for a query without any)."""
    base = {"name": query["name"], "zh": query["zh"], "en": query["en"]}
    empty = {"parameter": None, "required": None, "default": None, "help": None}
    return [{**base, "parameter": p["name"], "required": p["required"],
             "default": None if p["required"] else json.dumps(p["default"], ensure_ascii=False), "help": p["help"]}
            for p in query["parameters"]] or [{**base, **empty}]


def list_queries(directory: str | Path = CYPHER_DIR, fmt: str = "table", bom: bool = False) -> str:
    """The canned queries for `kg query --list`: text to read, JSON with the parameters nested, or CSV a row a parameter."""
    catalog = query_catalog(directory)
    if fmt == "json":
        return format_rows(catalog, fmt, bom)
    if fmt == "csv":
        return format_rows([row for query in catalog for row in _parameter_rows(query)], fmt, bom)
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}; choose table, json or csv")
    if bom:
        raise QueryError("a byte-order mark is for CSV only, not table")
    lines = []
    for query in catalog:
        lines.append(f"{query['name']}\n  {query['zh']}\n  {query['en']}")
        for param in query["parameters"]:
            default = "(required)" if param["required"] else f"= {json.dumps(param['default'], ensure_ascii=False)}"
            lines.append(f"  --param {param['name']}=… {default}  {param['help']}".rstrip())
    return "\n".join(lines)
