"""`hubgen check`: every problem of the site, without building it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from hubgen.cli.output import tagged
from hubgen.cli.site import site_root
from hubgen.cli.style import problem_line
from hubgen.errors import Problem, ProblemsError, Report

__all__ = ["add_parser", "site_problems"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "check", help="list every problem of the site, without building",
        description="Check every message and its snippets without building: front matter, fact"
                    " drift, key message, glossary, links and images, embargoes, translations,"
                    " platform limits. Exit 1 on errors (with --strict on warnings too).")
    cmd.add_argument("--strict", action="store_true", help="fail on warnings too")
    cmd.add_argument("--format", choices=("text", "json"), default="text",
                     help="text (path:line: field: problem (fix)) or json (a list of objects)")
    cmd.add_argument("--site", type=Path, metavar="DIR", help="the site folder (default: here)")
    cmd.set_defaults(run=run)


def site_problems(root: Path) -> list[Problem]:
    """Every problem `hubgen build` would report, and its warnings, in file order."""
    # Imported here, not above: the CLI imports every command to list them in --help.
    from hubgen.channels import limit_problems, site_snippets
    from hubgen.checks import run_checks
    from hubgen.pipeline.run import load

    report = Report()
    try:
        site = load(root, report)
    except ProblemsError as exc:  # unreadable content: the checks need a valid site
        return exc.problems
    snippets = site_snippets(site, report)
    run_checks(site, snippets, report)
    return sorted([*report.problems, *limit_problems(snippets)])


def run(args: argparse.Namespace) -> int:
    problems = site_problems(site_root(args.site))
    if args.format == "json":
        print(json.dumps([{"path": p.path, "line": p.line, "field": p.field, "message": p.message,
                           "fix": p.fix, "severity": p.severity} for p in problems],
                         ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            if problem.severity == "error" or not args.quiet:
                print(problem_line(tagged(problem), sys.stdout))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors or not args.quiet:
        print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}",
              file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0
