"""The end of `hubgen build`: what was published, what is held back until when, and the
warnings grouped by kind, so that a large site's build stays readable."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import SiteDir, run_hubgen

from hubgen.cli.build_cmd import summary
from hubgen.cli.output import kind
from hubgen.errors import Problem
from hubgen.pipeline.options import BuildResult, Held

GLOSSARY = '\n[glossary]\n"Testfirma GmbH" = ["Testfirma Gmbh"]\n'


def held_back_site(site: SiteDir) -> SiteDir:
    site.message("content/news/live.md", title="Live")
    site.message("content/news/entwurf.md", title="Entwurf", extra="draft: true")
    site.message("content/news/later.md", title="Später", date="2027-07-01 10:00 +02:00")
    site.message("content/news/sperrfrist.md", title="Sperrfrist",
                 extra="embargo: 2027-02-10 09:00 +01:00")
    site.message("content/news/beides.md", title="Beides", extra="draft: true\nembargo: 2027-01-01")
    return site


def test_summary_counts_and_the_next_embargo(site: SiteDir) -> None:
    held_back_site(site)
    result = run_hubgen(site.root, "build")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("built 1 of 5 messages, ")
    assert lines[1] == "published 1, drafts 2, embargoed 2 (the next goes public 2027-02-10 09:00 CET)"
    again = run_hubgen(site.root, "build")  # nothing to do: the summary is the same
    assert again.stdout.splitlines()[0].startswith("nothing changed since the last build: 1 of 5")
    assert again.stdout.splitlines()[1] == lines[1]


def test_drafts_and_future_flags_publish_what_is_held(site: SiteDir) -> None:
    held_back_site(site)
    lines = run_hubgen(site.root, "build", "-D").stdout.splitlines()
    assert lines[1] == "published 2, drafts 0, embargoed 3 (the next goes public 2027-01-01 00:00 CET)"
    lines = run_hubgen(site.root, "build", "-D", "-F").stdout.splitlines()
    assert lines[1] == "published 5, drafts 0, embargoed 0"
    lines = run_hubgen(site.root, "build", "-F").stdout.splitlines()
    assert lines[1] == "published 3, drafts 2, embargoed 0"


def test_next_public_in_the_site_s_time_zone() -> None:
    result = BuildResult(3, 1, 2, 9, 0.5, Path("public"),
                         held=Held(0, 2, datetime(2027, 7, 1, 8, 0, tzinfo=ZoneInfo("UTC"))))
    assert summary(result, ZoneInfo("Europe/Berlin")).endswith(
        "embargoed 2 (the next goes public 2027-07-01 10:00 CEST)")
    assert summary(result, ZoneInfo("Asia/Kolkata")).endswith("2027-07-01 13:30 IST)")
    assert summary(result, ZoneInfo("America/Sao_Paulo")).endswith("2027-07-01 05:00 -03:00)")


def many_warnings(site: SiteDir, count: int) -> SiteDir:
    site.write("hubgen.toml", site.read("hubgen.toml") + GLOSSARY)
    for number in range(count):
        name = "".join(chr(ord("a") + int(digit)) for digit in f"{number:02}")  # no figure
        site.message(f"content/news/m{number:02}.md", title=f"Meldung {name}",
                     summary="Die Testfirma Gmbh baut.")  # a glossary variant
        site.message(f"content/news/z{number:02}.md", title=f"Zahl {name}",
                     extra='facts:\n  capacity: "62 MW"')  # a figure in no fact
    return site


def test_warnings_are_grouped_by_kind(site: SiteDir) -> None:
    many_warnings(site, 30)
    result = run_hubgen(site.root, "build")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) < 15, result.stderr  # not 60 warnings
    assert lines[0] == "warning: 30 × summary: '…' is a variant of '…'"
    assert lines[1] == ("  content/news/m00.md:4: warning: summary: 'Testfirma Gmbh' is a variant of"
                        " 'Testfirma GmbH' (write 'Testfirma GmbH')")
    assert lines[3].startswith("  content/news/m02.md:4: warning: summary: ")
    assert lines[4] == "  … and 27 more"
    assert lines[5] == "warning: 30 × summary: '…' is neither in the facts nor in the body"
    assert lines[6].startswith("  content/news/z00.md:4: warning: summary: '40.000 Haushalte'")
    assert lines[9:] == ["  … and 27 more", "see all: hubgen check (or -v)", "60 warnings"]


def test_verbose_prints_every_warning_quiet_only_errors(site: SiteDir) -> None:
    many_warnings(site, 5)
    verbose = run_hubgen(site.root, "build", "--clean", "-v")
    assert len(verbose.stderr.splitlines()) == 11 and verbose.stderr.endswith("10 warnings\n")
    assert all(": warning: " in line for line in verbose.stderr.splitlines()[:10])
    quiet = run_hubgen(site.root, "build", "--clean", "-q")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    site.message("content/news/kaputt.md", title="Kaputt", date="nie")
    quiet = run_hubgen(site.root, "build", "-q")
    assert quiet.returncode == 1
    assert quiet.stderr.splitlines() == [
        "content/news/kaputt.md:3: error: date: bad date: 'nie' is not a date (write YYYY-MM-DD or"
        " YYYY-MM-DD HH:MM, optionally with +01:00)", "1 error"]


def test_few_warnings_are_printed_as_they_are(site: SiteDir) -> None:
    many_warnings(site, 2)
    lines = run_hubgen(site.root, "build").stderr.splitlines()
    assert len(lines) == 5 and lines[-1] == "4 warnings"
    assert all(line.startswith("content/news/") for line in lines[:4])


def test_kinds() -> None:
    def shape(field: str, message: str) -> str:
        return kind(Problem("x.md", 1, field, message, severity="warning"))

    assert shape("channels.social.x", "'A' is a variant of 'B'") == "'…' is a variant of '…'"
    assert shape("body", "'C' is a variant of 'D'") == "'…' is a variant of '…'"
    assert shape("key_message", "missing from press, social x") == "missing from …"
    assert shape("key_message", "missing from newsletter") == "missing from …"
    assert shape("date", "goes public 1 May, before its original a.md") == "goes public 1 May, before …"
