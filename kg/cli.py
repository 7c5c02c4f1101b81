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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of standard output.")
@click.option(
    "--format", "fmt", type=click.Choice(["turtle", "nt", "json-ld", "trig"]), default="turtle",
    show_default=True, help="RDF serialization.",
)
def extract(paths, output, fmt):
    """Read report files or folders and write their knowledge graph as RDF."""
    from kg.rdf import extract_to_rdf

    try:
        summary = extract_to_rdf(paths, output, fmt)
    except KgError as exc:
        fail(str(exc), exc.exit_code)
    report_errors(summary.errors)
    click.echo(f"kg: {summary.reports} reports, {summary.triples} triples" + (f" → {output}" if output else ""), err=True)
    if summary.errors:
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


def main():  # pragma: no cover - console entry for `python -m kg`
    cli()
