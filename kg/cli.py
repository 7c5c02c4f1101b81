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
    from kg.intake import dry_run, format_dry_run

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
def extract(paths, output, fmt, township, county, year, manifest, dry_run):
    """Read report files or folders (.txt .docx .pdf .html) and write their knowledge graph as RDF."""
    from kg.manifest import hints_from_options
    from kg.rdf import extract_to_rdf

    try:
        hints_for, warnings = hints_from_options(paths, township, county, year, manifest)
        if dry_run:
            dry_run_and_exit(paths, hints_for, warnings)
        summary = extract_to_rdf(paths, output, fmt, hints_for)
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
def eval_(gold_dir, reports_dir, as_json):
    """Score extraction against gold annotations: precision, recall and F1 per field."""
    from kg.evaluate import evaluate, format_tables

    try:
        result = evaluate(gold_dir, reports_dir)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(format_tables(result))
    report_errors(result.get("errors", []))
    if result.get("errors"):
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--township", required=True, help="Township, town or street, with its suffix (镇/乡/街道).")
@click.option("--county", help="County, to tell apart townships of the same name.")
@click.option("--year", type=int, help="Only the shortcomings of this year's report.")
@click.option("--threshold", "thresholds", multiple=True, metavar="NAME=VALUE",
              help="Override a linking threshold (addresses_floor, follows_up_floor, recurs_floor, …).")
def trace(paths, township, county, year, thresholds):
    """Follow each shortcoming: its plans (✓/✗), next year's follow-up (→) and recurrence (↻)."""
    from kg.link import format_rows, parse_overrides, trace_paths

    if not paths:
        fail("give the township's report files or folders (reading the store is not wired yet)", 2)
    try:
        rows, errors = trace_paths(paths, township, county, year, parse_overrides(thresholds))
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    click.echo(format_rows(rows))
    report_errors(errors)
    if errors:
        sys.exit(1)


def main():  # pragma: no cover - console entry for `python -m kg`
    cli()
