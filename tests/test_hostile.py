"""The hostile suite: what a careless or hostile user does, each case with the message and exit code it must get.

Every case also holds to the same rules: no traceback, no 'internal error', no control character of a
report or a file name reaching the terminal, one line per message. Exit codes: 0 success, 1 some
input could not be used, 2 usage or query error, 3 the store failed or cannot be reached.
The fixtures are written here; the townships are invented.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from make_formats import write_docx, write_numbered_docx, write_scanned_pdf

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "fixtures" / "reports"
EXAMPLES = ROOT / "examples"
TEXT = (REPORTS / "baishi-2023.txt").read_text(encoding="utf-8")
SECRET = "pw-s3cr3t-never-shown"
# What must never reach a terminal: C0 controls but newline and tab, DEL, C1, bidirectional overrides.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
GBK_NAME = "白石镇报告".encode("gb18030")  # a file name from a Chinese Windows archive: not UTF-8


def kg(*args, env=None, input=None):
    result = CliRunner().invoke(cli, [os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in args],
                                env=env, input=input)
    assert_clean(result)
    return result


def assert_clean(result) -> None:
    """No traceback, no fault, nothing raw for a terminal, one line per message, no secret."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    shown = result.stdout + result.stderr
    assert "Traceback" not in shown and "internal error" not in shown, shown
    assert not UNSAFE.search(shown), repr(shown)
    assert SECRET not in shown
    if "Usage:" not in result.stderr:  # click's own usage errors keep its form (and exit 2)
        assert all(line.startswith("kg: ") or not line for line in result.stderr.splitlines()), result.stderr


def _report(path: Path, text: str = TEXT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _docx_absurd_numbering(path: Path) -> Path:
    """The report numbered by Word, its list levels then given a thousand placeholders and absurd starts."""
    from docx import Document

    document = Document(str(write_numbered_docx(TEXT, path)))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for level in document.part.numbering_part.element.iter(w + "lvl"):
        level.find(w + "lvlText").set(w + "val", "%1%2%3" * 333 + "、")
        level.find(w + "start").set(w + "val", "9" * 400)
        level.set(w + "ilvl", str(int(level.get(w + "ilvl")) * 1000))
    document.save(str(path))
    return path


def _docx_bomb(path: Path) -> Path:
    """A real .docx with one more part that unpacks to 8 MB of zeros (a few kilobytes packed)."""
    write_docx(TEXT, path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/padding.bin", bytes(8 * 1024 * 1024))
    return path


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def _symlink(path: Path, target: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, path)
    return path


def _raw_name(tmp: Path, name: bytes, content: bytes) -> Path:
    raw = os.path.join(os.fsencode(tmp), name)
    with open(raw, "wb") as handle:
        handle.write(content)
    return Path(os.fsdecode(raw))


# ---------------------------------------------------------------- input files: `kg extract` on each

# id: (build the arguments in a temporary folder, exit code, what stderr (or stdout for 0) must say)
INPUTS = {
    "empty-file": (lambda t: [_report(t / "a.txt", "")], 1, "a.txt: empty file"),
    "whitespace-only": (lambda t: [_report(t / "a.txt", " \n\t\u3000\n")], 1, "a.txt: empty file"),
    "binary-as-txt": (lambda t: [_raw_name(t, b"b.txt", bytes(range(256)) * 16)], 1, "b.txt: binary file, not text"),
    "missing-file": (lambda t: [t / "nope.txt"], 1, "nope.txt: no such file"),
    "fifo-given": (lambda t: [_fifo(t / "pipe.txt")], 1, "pipe.txt: not a regular file (a named pipe); skipped"),
    "fifo-in-folder": (lambda t: [_fifo(t / "in" / "pipe.txt").parent, ], 1,
                       "pipe.txt: not a regular file (a named pipe); skipped"),
    "device-given": (lambda t: ["/dev/zero"], 1, "/dev/zero: not a regular file (a device); skipped"),
    "symlink-loop": (lambda t: [_symlink(t / "loop.txt", "loop.txt")], 1, "loop.txt: Too many levels of symbolic links"),
    "broken-symlink-in-folder": (lambda t: [_symlink(t / "in" / "gone.txt", "/nonexistent/x.txt").parent], 1,
                                 "gone.txt: no such file"),
    "over-max-size": (lambda t: ["--max-size", "1", _report(t / "big.txt", TEXT + "。" * 1_100_000)], 1,
                      "larger than the limit of 1.0 MB; raise it with --max-size if the file is a report"),
    "text-over-length-limit": (lambda t: ["--max-size", "1", _report(t / "long.txt", TEXT + "法" * 50_000)], 1,
                               "characters of text, more than the limit of 40,000"),
    "docx-zip-bomb": (lambda t: ["--max-size", "4", _docx_bomb(t / "bomb.docx")], 1,
                      "MB, more than the limit of 4.0 MB; raise it with --max-size"),
    "docx-absurd-numbering": (lambda t: [_docx_absurd_numbering(t / "lists.docx")], 0, "1 reports"),
    "png-renamed-docx": (lambda t: [_raw_name(t, b"x.docx", b"\x89PNG\r\n\x1a\n" + bytes(64))], 1,
                         "x.docx: not a Word .docx file (damaged, or another format renamed .docx)"),
    "old-doc": (lambda t: [_raw_name(t, b"x.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))], 1,
                "x.doc: old binary Word .doc format is not read"),
    "scanned-pdf": (lambda t: [write_scanned_pdf(t / "scan.pdf")], 1, "scan.pdf: PDF has no text layer"),
    "cut-pdf": (lambda t: [_raw_name(t, b"cut.pdf", write_scanned_pdf(t / "s.pdf").read_bytes()[:200])], 1,
                "cut.pdf: damaged PDF"),
    "empty-folder": (lambda t: [(t / "inbox").mkdir() or t / "inbox"], 1, "inbox: no report files"),
    "folder-of-photos": (lambda t: [_raw_name((t / "pics").mkdir() or t / "pics", b"a.jpg", b"\xff\xd8").parent], 1,
                         "pics: no report files"),
    "no-structure": (lambda t: [REPORTS / "no_structure.txt"], 1, "no_structure.txt: no report structure"),
    "gbk-file-name-good": (lambda t: [_raw_name(t, GBK_NAME + b".txt", TEXT.encode("utf-8"))], 0, "1 reports"),
    "gbk-file-name-empty": (lambda t: [_raw_name(t, GBK_NAME + b".txt", b"")], 1, "/白石镇报告.txt: empty file"),
    "escape-in-file-name": (lambda t: [_raw_name(t, b"\x1b]0;owned\x07\x1b[2J.txt", b"")], 1,
                            "\\x1b]0;owned\\x07\\x1b[2J.txt: empty file"),
    "newline-in-file-name": (lambda t: [_raw_name(t, b"a\nkg: fake line.txt", b"")], 1,
                             "a\\nkg: fake line.txt: empty file"),
    "bidi-in-file-name": (lambda t: [_raw_name(t, "报告\u202etxt.exe.txt".encode(), b"")], 1, "\\u202etxt.exe.txt"),
    "escape-in-report-text": (lambda t: [_report(t / "esc.txt", TEXT.replace("加强组织领导", "加强组织领导\x1b[2J\x9b31m\u202e"))],
                              0, "\\u001B[2J"),
    "nul-in-report-text": (lambda t: [_report(t / "nul.txt", TEXT.replace("加强组织领导", "加强组织\x00领导"))], 1,
                           "nul.txt: binary file, not text"),
    "html-nested-deep": (lambda t: [_report(t / "deep.html", "<div>" * 50_000 + TEXT + "</div>" * 50_000)], 1,
                         "deep.html: HTML page holds no Chinese article text"),
    "html-only-script": (lambda t: [_report(t / "s.html", "<html><script>alert(1)</script></html>")], 1,
                         "s.html: HTML page holds no Chinese article text"),
    "output-into-missing-folder": (lambda t: [REPORTS / "baishi-2023.txt", "-o", t / "no" / "out.ttl"], 1,
                                   "out.ttl: cannot write: No such file or directory"),
    "output-is-a-folder": (lambda t: [REPORTS / "baishi-2023.txt", "-o", t], 2, "is a directory"),
    "year-out-of-range": (lambda t: [REPORTS / "baishi-2023.txt", "--year", "99999"], 2, "--year"),
    "jobs-zero": (lambda t: [REPORTS / "baishi-2023.txt", "-j", "0"], 2, "--jobs"),
    "max-size-zero": (lambda t: [REPORTS / "baishi-2023.txt", "--max-size", "0"], 2, "--max-size"),
    "unknown-rdf-format": (lambda t: [REPORTS / "baishi-2023.txt", "--format", "xml"], 2, "--format"),
    "no-paths": (lambda t: [], 2, "Missing argument"),
    "manifest-missing": (lambda t: [REPORTS / "baishi-2023.txt", "--manifest", t / "none.csv"], 1, "none.csv"),
}


@pytest.mark.parametrize("case", list(INPUTS))
def test_a_hostile_input_gets_its_message_and_exit_code(case, tmp_path):
    build, code, message = INPUTS[case]
    args = build(tmp_path)
    if not {"-o", "--format"} & set(map(str, args)) and args:
        args = [*args, "--format", "nt"]
    # In a child process with a deadline: a reader that waited on a pipe or device would hang the suite.
    result = _run_child(["extract", *args], timeout=120)
    assert result.returncode == code, (result.stdout[-2000:], result.stderr)
    shown = result.stderr if code else result.stderr + result.stdout
    assert message in shown, shown
    _assert_clean_text(result.stdout + result.stderr)


def _run_child(args, timeout=120, **kwargs):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    env.pop("NEO4J_URI", None)
    return subprocess.run([sys.executable, "-m", "kg", *map(os.fsdecode, map(os.fspath, args))], capture_output=True,
                          text=True, errors="surrogateescape", timeout=timeout, env=env, **kwargs)


def _assert_clean_text(shown: str) -> None:
    assert "Traceback" not in shown and "internal error" not in shown, shown
    assert not UNSAFE.search(shown.replace("\udcb0", "")), repr(shown[:500])
    assert SECRET not in shown


def test_a_failed_extract_keeps_the_earlier_output_whole(tmp_path):
    out = tmp_path / "out.ttl"
    out.write_text("earlier graph\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text("wrong,header\n", encoding="utf-8")
    result = kg("extract", REPORTS / "baishi-2023.txt", "--manifest", tmp_path / "m.csv", "-o", out)
    assert result.exit_code == 1 and "m.csv" in result.stderr
    assert out.read_text(encoding="utf-8") == "earlier graph\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


# ---------------------------------------------------------------- queries on a loaded store

WRITES = {
    "create": "CREATE (:Law {name: 'x'})",
    "merge": "MERGE (n:Resource {uri: 'x'})",
    "detach-delete": "MATCH (n) DETACH DELETE n",
    "set-lowercase": "match (n) set n.name = 'x'",
    "remove": "MATCH (n:Township) REMOVE n.name",
    "foreach": "MATCH (n) FOREACH (x IN [1] | SET n.y = x)",
    "load-csv": "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "write-in-comment-disguise": "MATCH (n) /* read only */ WITH n DELETE n",
    "write-procedure": "CALL db.idx.fulltext.createNodeIndex('Law', 'name')",
}


@pytest.mark.parametrize("case", list(WRITES))
def test_a_write_through_cypher_is_refused_and_changes_nothing(case, cli_store_dir):
    before = kg("query", "--cypher", "MATCH (n) RETURN count(n) AS c", "--format", "json", "--store", cli_store_dir).stdout
    result = kg("query", "--cypher", WRITES[case], "--store", cli_store_dir)
    assert result.exit_code == 2, result.stderr
    assert "only read queries" in result.stderr or "read-only" in result.stderr
    after = kg("query", "--cypher", "MATCH (n) RETURN count(n) AS c", "--format", "json", "--store", cli_store_dir).stdout
    assert after == before


QUERIES = {
    "read-only-procedure": (["--cypher", "CALL db.labels() YIELD label RETURN label ORDER BY label"], 0, "Township"),
    "syntax-error": (["--cypher", "MATCH (n"], 2, "refused the statement"),
    "division-by-zero": (["--cypher", "RETURN 1/0 AS x"], 2, "Division by zero"),
    "unknown-canned-query": (["no-such-query"], 2, "unknown query"),
    "unknown-parameter": (["laws-ranked", "--param", "bogus=1"], 2, "unknown parameter bogus"),
    "parameter-without-value": (["laws-ranked", "--param", "bogus"], 2, "write it as name=value"),
    "name-and-cypher": (["laws-ranked", "--cypher", "RETURN 1"], 2, "give a query NAME or --cypher TEXT"),
    "neither-name-nor-cypher": ([], 2, "give a query NAME or --cypher TEXT"),
    "injection-in-parameter": (["township-overview", "--param", "township=x' OR 1=1 //"], 0, "(no rows)"),
    "csv-formulas": (["--cypher", "RETURN '=HYPERLINK(\"http://x\")' AS a, '@SUM(A1)' AS b, '+cmd' AS c, "
                      "'-1+2' AS d, -3 AS e", "--format", "csv"], 0, "'=HYPERLINK"),
    "zero-timeout": (["--cypher", "RETURN 1", "--timeout", "0"], 2, "--timeout"),
}


@pytest.mark.parametrize("case", list(QUERIES))
def test_a_hostile_query_gets_its_message_and_exit_code(case, cli_store_dir):
    args, code, message = QUERIES[case]
    result = kg("query", *args, "--store", cli_store_dir)
    assert result.exit_code == code, result.output
    assert message in (result.stderr if code else result.stdout)


def test_csv_cells_that_start_a_formula_are_quoted_and_numbers_are_not(cli_store_dir):
    args, _, _ = QUERIES["csv-formulas"]
    rows = kg("query", *args, "--store", cli_store_dir).stdout.splitlines()
    assert rows[1].split(",")[-4:] == ["'@SUM(A1)", "'+cmd", "'-1+2", "-3"]


def test_a_query_past_its_timeout_is_stopped_and_the_store_goes_on(cli_store_dir):
    slow = "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b RETURN count(*) AS c"  # seconds, little memory
    started = time.monotonic()
    result = kg("query", "--cypher", slow, "--timeout", "0.2", "--store", cli_store_dir)
    assert result.exit_code == 2 and "timeout of 0.2 s" in result.stderr
    assert time.monotonic() - started < 20
    assert kg("query", "--cypher", "RETURN 1 AS one", "--store", cli_store_dir).exit_code == 0


def test_report_text_with_escapes_never_reaches_the_terminal(tmp_path):
    hostile = TEXT.replace("加强组织领导", "加强组织领导\x1b]0;owned\x07\x1b[2J\x9b31m\u202e")
    store = tmp_path / "store"
    assert kg("load", _report(tmp_path / "r" / "esc.txt", hostile), "--store", store).exit_code == 0
    for fmt in ("table", "json", "csv"):
        result = kg("query", "--cypher", "MATCH (m:Measure) RETURN m.text AS text", "--format", fmt, "--store", store)
        assert result.exit_code == 0 and ("\\x1b" in result.stdout or "\\u001b" in result.stdout.lower())
    assert kg("trace", "--township", "白石镇", "--store", store).exit_code == 0


# ---------------------------------------------------------------- Neo4j URIs and secrets

URIS = {
    "bad-port": (f"bolt://neo4j:{SECRET}@localhost:99999", 2, "bad port"),
    "port-not-a-number": ("bolt://localhost:seven", 2, "bad port"),
    "hash-in-password": (f"bolt://neo4j:ab#{SECRET}@localhost:7687", 2, "holds '/', '?' or '#'"),
    "slash-in-password": (f"bolt://neo4j:ab/{SECRET}@localhost:7687", 2, "holds '/', '?' or '#'"),
    "bad-ipv6": ("bolt://[::1:7687", 2, "bad IPv6 address"),
    "not-bolt": (f"http://neo4j:{SECRET}@localhost:7474", 2, "not a Neo4j URI"),
    "no-host": ("bolt://", 2, "no host"),
    "unreachable-with-password-inside": (f"bolt://neo4j:{SECRET}@127.0.0.1:1", 3, "bolt://127.0.0.1:1: cannot reach Neo4j"),
}


@pytest.mark.parametrize("case", list(URIS))
def test_a_bad_neo4j_uri_is_one_line_without_the_password(case):
    uri, code, message = URIS[case]
    result = kg("query", "--cypher", "RETURN 1", "--neo4j", uri, env={"NEO4J_USER": "neo4j", "NEO4J_PASSWORD": SECRET})
    assert result.exit_code == code and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1


def test_an_explicit_store_wins_over_neo4j_uri_in_the_environment(cli_store_dir):
    result = kg("query", "--cypher", "MATCH (t:Township) RETURN t.name AS name", "--store", cli_store_dir,
                env={"NEO4J_URI": f"bolt://neo4j:{SECRET}@127.0.0.1:1"})
    assert result.exit_code == 0 and "澜桥街道" in result.stdout


def test_store_and_neo4j_both_typed_is_a_usage_error(cli_store_dir):
    result = kg("query", "--cypher", "RETURN 1", "--store", cli_store_dir, "--neo4j", "bolt://127.0.0.1:1")
    assert result.exit_code == 2 and "give --store or --neo4j, not both" in result.stderr


# ---------------------------------------------------------------- store folders

READERS = {
    "query": ["query", "--cypher", "RETURN 1"],
    "trace": ["trace", "--township", "白石镇"],
    "viz": ["viz", "chains", "--township", "白石镇", "-o", "{tmp}/page.html"],
    "brief": ["brief", "--township", "白石镇", "-o", "{tmp}/brief.html"],
}


@pytest.mark.parametrize("command", list(READERS))
def test_reading_a_store_that_does_not_exist_is_an_error_not_an_empty_answer(command, tmp_path):
    store = tmp_path / "never-loaded"
    args = [a.format(tmp=tmp_path) for a in READERS[command]]
    result = kg(*args, "--store", store)
    assert result.exit_code == 3
    assert f"no store at {store}; run kg load first" in result.stderr
    assert not store.exists()


def test_a_folder_of_other_files_is_refused_as_a_store_and_left_as_it_was(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = kg("load", REPORTS / "baishi-2023.txt", "--store", folder)
    assert result.exit_code == 3 and "not empty and not a store" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


def test_an_empty_folder_given_as_store_keeps_its_mode(tmp_path):
    folder = tmp_path / "shared-store"
    folder.mkdir()
    os.chmod(folder, 0o755)
    assert kg("load", REPORTS / "baishi-2023.txt", "--store", folder).exit_code == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert kg("query", "--cypher", "MATCH (r:Report) RETURN count(r) AS c", "--format", "csv",
              "--store", folder).stdout.splitlines() == ["c", "1"]


# ---------------------------------------------------------------- only our own server

def _running_server(root: Path):
    from kg.store.server import Server

    server = Server(root)
    server.ensure(detach=True)
    return server


def test_a_copied_store_folder_never_touches_the_original_server(tmp_path):
    from kg.store.server import Server

    original = _running_server(tmp_path / "original")
    try:
        pid = original.pid()
        copy = tmp_path / "copy"
        shutil.copytree(original.layout.root, copy, ignore=lambda d, names: [n for n in names if n.endswith(".sock")])
        assert (copy / "run" / "server.pid").read_text().strip() == str(pid)  # the pid of a server not its own
        assert Server(copy).pid() is None
        assert kg("db", "stop", "--store", copy).stdout.strip() == "kg: store was not running"
        assert kg("load", REPORTS / "baishi-2023.txt", "--store", copy).exit_code == 0
        assert original.pid() == pid and original.running()
    finally:
        original.stop()


def test_a_stale_pid_of_another_program_is_never_signalled(tmp_path):
    bystander = subprocess.Popen(["sleep", "120"])
    try:
        store = tmp_path / "store"
        assert kg("load", REPORTS / "baishi-2023.txt", "--store", store).exit_code == 0
        (store / "run" / "server.pid").write_text(f"{bystander.pid}\n")
        assert kg("load", REPORTS / "baishi-2024.txt", "--store", store).exit_code == 0
        assert kg("db", "stop", "--store", store).stdout.strip() == "kg: store was not running"
        assert bystander.poll() is None
    finally:
        bystander.kill()
        bystander.wait()


def test_two_loads_on_one_store_without_db_start_both_finish(tmp_path):
    store = tmp_path / "store"
    years = [EXAMPLES / "yunxiu_2023.txt", EXAMPLES / "yunxiu_2024.txt", EXAMPLES / "mingping_2023.txt"]
    children = [subprocess.Popen([sys.executable, "-m", "kg", "load", str(path), "--store", str(store), "-j", "1"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)}) for path in years]
    outcomes = [(child.wait(timeout=300), child.stderr.read()) for child in children]
    for code, stderr in outcomes:
        assert code == 0, stderr
        _assert_clean_text(stderr)
    result = kg("query", "--cypher", "MATCH (r:Report) RETURN count(r) AS c", "--format", "csv", "--store", store)
    assert result.stdout.splitlines() == ["c", "3"]


# ---------------------------------------------------------------- durable or failed

@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system of its own (root and mount(8) needed), unmounted afterwards."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount
    finally:
        from kg.store.server import Server

        for filler in mount.glob("filler*"):
            filler.unlink()
        for root in mount.iterdir():
            if root.is_dir():
                Server(root).stop()
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> None:
    """Take every free block of the small file system."""
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for block in (bytes(64 * 1024), bytes(512)):
            try:
                while True:
                    os.write(fd, block)
            except OSError:
                pass
    finally:
        os.close(fd)


def _count(root, label: str) -> int:
    """Nodes of `label` in the embedded store at `root`."""
    from kg.store.falkordb import FalkorDBStore

    with FalkorDBStore(root) as opened:
        return opened.query(f"MATCH (n:{label}) RETURN count(n) AS c")[0]["c"]


def test_a_load_onto_a_full_disk_fails_with_its_cause_and_loses_nothing(small_disk):
    from kg.store.server import Server

    store = small_disk / "store"
    assert kg("db", "start", "--store", store).exit_code == 0
    assert kg("load", REPORTS / "baishi-2023.txt", "--store", store).exit_code == 0
    _fill(small_disk)
    result = kg("load", EXAMPLES, "--store", store)
    assert result.exit_code == 3, result.stderr
    # the file first, then what failed and why: the log's current file, not a snapshot the store does not write
    assert re.search(r"kg: \S+/data/appendonlydir/appendonly\.aof\.\d+\.incr\.aof: the store cannot write its log "
                     r"\(No space left on device\)", result.stderr), result.stderr
    assert "reports loaded" not in result.stderr
    server = Server(store)
    assert server.running()  # not killed: what it holds is still there
    held = _count(store, "Report")  # reads go on; the log refused writes from its first failure on
    assert held >= 1
    # Once there is room again, the server writes what its log lacked, and stopping it keeps all it held.
    for filler in small_disk.glob("filler*"):
        filler.unlink()
    assert kg("db", "stop", "--store", store).exit_code == 0
    assert _count(store, "Report") == held


def test_a_store_refusing_writes_after_a_failed_snapshot_is_a_store_error_not_a_dead_server(small_disk):
    from kg.store.falkordb import FalkorDBStore

    store = small_disk / "store"
    assert kg("load", REPORTS / "baishi-2023.txt", "--store", store).exit_code == 0
    assert kg("db", "start", "--store", store).exit_code == 0
    _fill(small_disk)
    with FalkorDBStore(store) as opened:
        opened.db.connection.bgsave()
        deadline = time.monotonic() + 30
        while opened.db.connection.info("persistence")["rdb_last_bgsave_status"] == "ok" and time.monotonic() < deadline:
            time.sleep(0.1)
    result = kg("load", REPORTS / "baishi-2024.txt", "--store", store)
    assert result.exit_code == 3
    # A logged store has no save points, so a failed snapshot alone refuses nothing: the log on the full disk does.
    assert re.search(r"\.incr\.aof: the store cannot write its log \(No space left on device\) and refuses writes "
                     r"until it can", result.stderr), result.stderr
    assert kg("query", "--cypher", "MATCH (r:Report) RETURN count(r) AS c", "--format", "csv",
              "--store", store).stdout.splitlines() == ["c", "1"]  # reads go on; nothing lost
    for filler in small_disk.glob("filler*"):
        filler.unlink()


def test_the_next_load_after_a_full_disk_leaves_a_log_the_server_can_start_from(small_disk):
    """A write cut short by a full disk can leave a hole in the log once room returns; the next load's end
    rewrites the log from memory, so a server killed outright after it starts again with everything."""
    import signal

    from kg.store.server import Server

    store = small_disk / "store"
    assert kg("db", "start", "--store", store).exit_code == 0
    assert kg("load", REPORTS / "baishi-2023.txt", "--store", store).exit_code == 0
    _fill(small_disk)
    assert kg("load", EXAMPLES, "--store", store).exit_code == 3
    for filler in small_disk.glob("filler*"):
        filler.unlink()
    assert kg("load", REPORTS / "baishi-2024.txt", "--store", store).exit_code == 0
    held = _count(store, "Report")
    os.kill(Server(store).pid(), signal.SIGKILL)
    assert _count(store, "Report") == held >= 2
    assert kg("db", "stop", "--store", store).exit_code == 0


def _write_the_log_cannot_take(root) -> None:
    """One write the server holds in memory but its log cannot take: larger than any block the log file has."""
    from kg.errors import StoreError
    from kg.store.falkordb import FalkorDBStore

    with FalkorDBStore(root) as opened:
        try:  # accepted, or refused when the log has failed already: either way the disk is the trouble
            opened.run("CREATE (:Resource:Law {uri: 'law:big', name: $name})", {"name": "法" * 40000})
        except StoreError:
            pass


@pytest.mark.parametrize("appendonly", [True, False], ids=["log", "snapshot"])
def test_a_command_that_started_the_server_leaves_it_running_when_it_cannot_save(small_disk, appendonly):
    from kg.errors import StoreError
    from kg.store.falkordb import FalkorDBStore
    from kg.store.server import Server

    store = FalkorDBStore(small_disk / "store", server=Server(small_disk / "store", appendonly=appendonly))
    assert store.started
    store.run("CREATE (:Resource:Law {uri: 'law:1', name: '行政处罚法'})")
    _fill(small_disk)
    if appendonly:  # the log took the first write; a stop can lose only one it cannot take
        store.run("CREATE (:Resource:Law {uri: 'law:2', name: $name})", {"name": "法" * 40000})
    failed = r"appendonlydir/\S+\.incr\.aof: the store cannot write its log" if appendonly else \
        r"data/graph\.rdb: the store cannot write its snapshot"
    with pytest.raises(StoreError, match=failed + r" \(No space left on device\).*keeps running with its data in memory"):
        store.close()
    server = Server(small_disk / "store")
    assert server.running()
    held = _count(small_disk / "store", "Law")
    for filler in small_disk.glob("filler*"):
        filler.unlink()
    assert server.stop()
    assert _count(small_disk / "store", "Law") == held == (2 if appendonly else 1)


def test_stopping_a_store_whose_log_cannot_take_a_write_leaves_it_running(small_disk):
    from kg.store.server import Server

    store = small_disk / "store"
    assert kg("db", "start", "--store", store).exit_code == 0
    assert kg("load", REPORTS / "baishi-2023.txt", "--store", store).exit_code == 0
    _fill(small_disk)
    _write_the_log_cannot_take(store)
    result = kg("db", "stop", "--store", store)
    assert result.exit_code == 3 and re.search(r"\.incr\.aof: the store cannot write its log \(No space left on device\)"
                                               r".*keeps running", result.stderr), result.stderr
    assert Server(store).running()
    for filler in small_disk.glob("filler*"):
        filler.unlink()
    assert kg("db", "stop", "--store", store).exit_code == 0  # the server caught up with its log
    assert _count(store, "Law") >= 1 and _count(store, "Report") == 1


def test_stopping_a_logged_store_on_a_full_disk_needs_no_room_and_loses_nothing(small_disk):
    """Everything a load wrote is in the fsynced log already: a stop has nothing left to write."""
    store = small_disk / "store"
    assert kg("db", "start", "--store", store).exit_code == 0
    assert kg("load", REPORTS / "baishi-2023.txt", "--store", store).exit_code == 0
    _fill(small_disk)
    assert kg("db", "stop", "--store", store).exit_code == 0
    for filler in small_disk.glob("filler*"):
        filler.unlink()
    assert _count(store, "Report") == 1


def test_an_immutable_log_is_an_error_with_its_cause_and_loses_nothing(tmp_path):
    store = tmp_path / "store"
    assert kg("load", REPORTS / "baishi-2023.txt", "--store", store).exit_code == 0
    assert kg("db", "start", "--store", store).exit_code == 0
    [tail] = (store / "data" / "appendonlydir").glob("*.incr.aof")  # the file the running server appends to
    if subprocess.run(["chattr", "+i", str(tail)], capture_output=True).returncode != 0:
        kg("db", "stop", "--store", store)
        pytest.skip("chattr +i is not available here (needs root and a file system that has it)")
    try:
        result = kg("load", REPORTS / "baishi-2024.txt", "--store", store)
        assert result.exit_code == 3 and f"{tail}: the store cannot write its log (Operation not permitted)" in result.stderr
        stopped = kg("db", "stop", "--store", store)
        assert stopped.exit_code == 3 and "keeps running with its data in memory" in stopped.stderr
        held = _count(store, "Report")
    finally:
        subprocess.run(["chattr", "-i", str(tail)], check=True)
    assert kg("db", "stop", "--store", store).stdout.strip() == "kg: store stopped"
    assert _count(store, "Report") == held >= 1


# ---------------------------------------------------------------- one file's failure is that file's

def test_numbers_beyond_the_store_are_kept_as_text_not_clamped(tmp_path):
    store = tmp_path / "store"
    text = TEXT.replace("召开专题会议4次", "召开专题会议" + "9" * 400 + "次")
    assert kg("load", _report(tmp_path / "r" / "huge.txt", text), "--store", store).exit_code == 0
    result = kg("query", "--cypher", "MATCH (m:Metric {indicator: '召开专题会议'}) RETURN m.value AS v",
                "--format", "json", "--store", store)
    assert '"v": "inf"' in result.stdout and "9223372036854775807" not in result.stdout


def test_storable_keeps_every_value_the_store_would_change_as_text():
    from kg.load.loader import storable

    assert storable(10**300) == "1" + "0" * 300
    assert storable(2**63 - 1) == 2**63 - 1 and storable(-(2**63)) == -(2**63)
    assert storable(float("nan")) == "nan" and storable(1.5) == 1.5
    assert storable("a\x00b") == "a\ufffdb"
    assert storable(os.fsdecode(GBK_NAME)) == "白石镇报告"


class RefusesOneReport:
    """The real embedded store, which is handed one value it refuses (NaN) in the rows of one report."""

    def __init__(self, store, victim: str):
        self.store, self.victim = store, victim

    def __getattr__(self, name):
        return getattr(self.store, name)

    def run_batch(self, statements):
        for _, params in statements:
            self._poison(params)
        return self.store.run_batch(statements)

    def run(self, cypher, params=None):
        if params:
            self._poison(params)
        return self.store.run(cypher, params)

    def _poison(self, params: dict) -> None:
        for row in params.get("rows", ()):
            if self.victim in str(row.get("uri", row.get("source", ""))):
                row.setdefault("props", {})["poison"] = float("nan")


def test_a_report_whose_rows_the_store_refuses_fails_alone_and_leaves_nothing(falkordb_server, graph_name):
    from kg.load.loader import load_paths
    from kg.store.falkordb import FalkorDBStore

    with FalkorDBStore(server=falkordb_server, graph=graph_name) as real:
        store = RefusesOneReport(real, "/2023/mingping_2023")
        summary = load_paths(store, [EXAMPLES], progress=False)
        assert len(summary.errors) == 1
        assert str(summary.errors[0]).startswith(f"{EXAMPLES / 'mingping_2023.txt'}: not loaded: FalkorDB refused")
        assert summary.reports == len(list(EXAMPLES.glob("*.txt"))) - 1
        files = {row["f"] for row in real.query("MATCH (r:Report) RETURN r.sourceFile AS f")}
        assert len(files) == summary.reports and not any("mingping_2023" in f for f in files)
        assert real.query("MATCH (n) WHERE n.uri CONTAINS 'mingping_2023' RETURN count(n) AS c") == [{"c": 0}]


# ---------------------------------------------------------------- output that cannot hurt

def test_a_failed_view_or_briefing_keeps_the_earlier_file(cli_store_dir, tmp_path):
    page, briefing = tmp_path / "page.html", tmp_path / "brief.html"
    page.write_text("earlier page", encoding="utf-8")
    briefing.write_text("earlier briefing", encoding="utf-8")
    view = kg("viz", "chains", "--township", "无此镇", "-o", page, "--store", cli_store_dir)
    brief = kg("brief", "--township", "无此镇", "-o", briefing, "--store", cli_store_dir)
    assert view.exit_code == 1 and brief.exit_code == 1
    assert page.read_text(encoding="utf-8") == "earlier page"
    assert briefing.read_text(encoding="utf-8") == "earlier briefing"


def test_the_printed_import_command_quotes_its_paths(tmp_path):
    out = tmp_path / "csv $(touch pwned) dir"
    result = kg("export", out, REPORTS / "baishi-2023.txt")
    assert result.exit_code == 0
    command = result.stdout.replace("\\\n", " ")
    import shlex

    words = shlex.split(command)
    assert all(os.path.exists(w.split("=", 1)[1]) for w in words if w.startswith(("--nodes=", "--relationships=")))
    assert not (Path.cwd() / "pwned").exists()


# ---------------------------------------------------------------- faults, pipes and work

def test_a_fault_is_one_line_and_exit_70_and_debug_shows_the_traceback():
    import click

    from kg.cli import KgGroup

    @click.group(cls=KgGroup)
    @click.option("--debug", is_flag=True)
    @click.pass_context
    def group(ctx, debug):
        ctx.meta["kg.debug"] = debug

    @group.command()
    def broken():
        return {}["missing"]

    plain = CliRunner().invoke(group, ["broken"])
    assert plain.exit_code == 70 and plain.stderr.startswith("kg: internal error: KeyError: 'missing'")
    assert "Traceback" not in plain.stderr
    debug = CliRunner().invoke(group, ["--debug", "broken"])
    assert isinstance(debug.exception, KeyError)


def test_a_reader_that_stops_early_gets_no_traceback():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    shell = f"{sys.executable} -m kg query --list | head -c 10"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, env=env, timeout=60)
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr, done.stderr


def test_extraction_time_grows_linearly_with_adversarial_text():
    from kg.extract.report import extract_report
    from kg.read import make_source

    unit = "开展法律进社区活动和“法治讲堂”活动、宪法宣传周、12·4国家宪法日、法治宣传月活动，学习《中华人民共和国行政处罚法》"
    head = "某县某镇关于2023年度法治政府建设情况的报告\n一、主要工作\n"

    def seconds(times: int) -> float:
        source = make_source("adversarial.txt", head + unit * times + "。\n", "utf-8")
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            extract_report(source)
            best = min(best, time.perf_counter() - started)
        return best

    seconds(5)  # warm the lexicons
    ratio = seconds(8 * 60) / seconds(60)
    assert ratio < 20, f"8x the text took {ratio:.1f}x the time (quadratic would be ~64x)"


def test_only_our_own_socket_answers_are_trusted(tmp_path):
    """A server answering on the socket path that is not ours is named, not killed or used."""
    from kg.errors import StoreError
    from kg.store.server import Server

    server = Server(tmp_path / "store")
    server.layout.run.mkdir(parents=True, mode=0o700)
    server.layout.marker.parent.mkdir(parents=True, exist_ok=True)
    server.layout.marker.write_text("store\n")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(server.socket))
    listener.listen(1)
    try:
        import threading

        def answer():
            conn, _ = listener.accept()
            with conn:
                conn.recv(64)
                conn.sendall(b"+PONG\r\n")

        threading.Thread(target=answer, daemon=True).start()
        with pytest.raises(StoreError, match="another server answers on this store's socket"):
            server.ensure()
    finally:
        listener.close()
