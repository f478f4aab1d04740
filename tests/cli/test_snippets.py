"""`hubgen snippets SLUG`: a message's snippets for copying, as text or JSON, filtered."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, SiteDir, run_hubgen

from hubgen.channels.platforms import count
from hubgen.paths import short_code

X_POST = "Solarpark am Netz: {{ facts.capacity }}. {{ url }}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    """German and English versions under one slug, a draft and an embargoed message; built once."""
    site = SiteDir(tmp_path_factory.mktemp("snippets"))
    site.write("hubgen.toml", CONFIG)
    site.message("content/news/solarpark.md", extra=f"""\
        slug: solarpark
        translation_key: grosser-park
        facts: {{capacity: 62 MW}}
        channels:
          social: {{x: "{X_POST}"}}
          advocacy: [Stolz!]
        """)
    site.message("content/news/solarpark.en.md", title="Solar park opens", summary="It is online.",
                 extra="lang: en\nslug: solarpark\ntranslation_key: grosser-park\n")
    site.message("content/news/entwurf.md", title="Entwurf", extra="draft: true\n")
    site.message("content/news/sperrfrist.md", title="Sperrfrist", date="2027-02-10 09:00 +01:00",
                 extra="embargo: 2027-02-10 09:00 +01:00\n")
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    return site


def kit(site: SiteDir, slug: str) -> list[dict[str, Any]]:
    return [s for s in json.loads(site.read("kit/snippets.json")) if s["message"] == slug]


def test_plain_output_of_one_post(built: SiteDir) -> None:
    result = built.hubgen("snippets", "solarpark", "--channel", "social", "--platform", "x", "--lang", "de")
    assert (result.returncode, result.stderr) == (0, "")
    code = short_code("news/solarpark/", "social", "x")  # the post shows its short link
    text = f"Solarpark am Netz: 62 MW. https://news.example.com/s/{code}/"
    assert result.stdout == f"── de social-x: {count('x', text)}/280 weighted ──\n{text}\n"


def test_json_output_is_as_in_the_kit(built: SiteDir) -> None:
    result = built.hubgen("snippets", "solarpark", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    # One slug in two languages: the site's own language unless --lang says otherwise.
    assert json.loads(result.stdout) == [s for s in kit(built, "solarpark") if s["lang"] == "de"]
    result = built.hubgen("snippets", "solarpark", "--json", "--lang", "en")
    assert json.loads(result.stdout) == [s for s in kit(built, "solarpark") if s["lang"] == "en"]


def test_json_output_filtered(built: SiteDir) -> None:
    result = built.hubgen("snippets", "solarpark", "--channel", "social", "--platform", "x", "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [(s["lang"], s["channel"], s["platform"]) for s in found] == [("de", "social", "x")]
    assert found == [s for s in kit(built, "solarpark") if s["channel"] == "social"
                     and s["platform"] == "x" and s["lang"] == "de"]


@pytest.mark.parametrize(("name", "args", "lang"), [
    ("solarpark", (), "de"),
    ("solarpark", ("--lang", "en"), "en"),
    ("content/news/solarpark.en.md", (), "en"),
    ("solarpark.en.md", (), "en"),
    ("solarpark.en", (), "en"),
    ("solarpark.md", (), "de"),
    ("grosser-park", (), "de"),  # the translation key
    ("grosser-park", ("--lang", "en"), "en"),
])
def test_found_by_slug_file_or_translation_key(built: SiteDir, name: str, args: tuple[str, ...],
                                                lang: str) -> None:
    result = built.hubgen("snippets", name, "--channel", "press", "--json", *args)
    assert result.returncode == 0, result.stderr
    [press] = json.loads(result.stdout)
    assert (press["message"], press["lang"]) == ("solarpark", lang)


def test_a_path_from_a_sub_folder(built: SiteDir) -> None:
    result = run_hubgen(built.root / "content/news", "snippets", "solarpark.en.md", "--channel",
                        "press", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["lang"] == "en"


@pytest.mark.parametrize(("name", "args", "error"), [
    ("solarpak", (), "no message 'solarpak' (did you mean 'solarpark'?)"),
    ("content/news/solarpak.md", (), "no message 'content/news/solarpak.md' (did you mean 'solarpark'?)"),
    ("grosser-prk", (), "no message 'grosser-prk' (did you mean 'grosser-park'?)"),
    ("zzzz", (), "no message 'zzzz' (give a slug, a file name or a translation key)"),
    # The slug exists: the message says which languages it has, not that it is missing.
    ("entwurf", ("--lang", "en"), "'entwurf' has no version in 'en' (it has: de)"),
])
def test_a_miss_names_the_nearest(built: SiteDir, name: str, args: tuple[str, ...], error: str) -> None:
    result = built.hubgen("snippets", name, *args)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", f"hubgen snippets: error: {error}\n")


def test_platform_alone_takes_every_channel_on_it(built: SiteDir) -> None:
    result = built.hubgen("snippets", "solarpark", "--platform", "x", "--lang", "de", "--json")
    assert result.returncode == 0, result.stderr
    assert [(s["channel"], s["platform"]) for s in json.loads(result.stdout)] == [
        ("social", "x"), ("advocacy", "x")]


def test_plain_output_of_every_snippet(built: SiteDir) -> None:
    result = built.hubgen("snippets", "solarpark", "--lang", "en")
    assert result.returncode == 0, result.stderr
    heads = [line for line in result.stdout.splitlines() if line.startswith("── ")]
    names = [head.split()[2].rstrip(":") for head in heads]
    assert names == ["press", "social-x", "social-linkedin", "social-mastodon", "social-bluesky",
                     "social-threads", "social-instagram", "social-facebook", "recruiting", "newsletter",
                     "advocacy-1-linkedin", "advocacy-1-x"]  # no key message: one derived post
    assert all(head.startswith("── en ") for head in heads)
    press = next(s for s in kit(built, "solarpark") if s["channel"] == "press" and s["lang"] == "en")
    assert f"── en press: {press['length']} characters ──\n{press['text']}" in result.stdout


@pytest.mark.parametrize("slug", ["entwurf", "sperrfrist"])
def test_drafts_and_embargoed_messages_too(built: SiteDir, slug: str) -> None:
    result = built.hubgen("snippets", slug, "--channel", "press", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [s for s in kit(built, slug) if s["channel"] == "press"]


def test_unknown_slug_is_a_usage_error(built: SiteDir) -> None:
    result = built.hubgen("snippets", "solarpak")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "hubgen snippets: error: no message 'solarpak' (did you mean 'solarpark'?)\n"


def test_unknown_platform_is_a_usage_error(built: SiteDir) -> None:
    result = built.hubgen("snippets", "solarpark", "--platform", "tiktok")
    assert result.returncode == 2
    assert "invalid choice: 'tiktok'" in result.stderr


def test_site_option(built: SiteDir, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "hubgen", "snippets", "solarpark", "--site", str(built.root),
               "--channel", "newsletter", "--lang", "de", "--json"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    [newsletter] = json.loads(result.stdout)
    assert newsletter["text"].startswith("Solarpark Husum eröffnet\n\n")


def test_over_limit_post_is_marked_and_exits_1(site: SiteDir) -> None:
    post = "Wort " * 59 + "Wort"
    site.message("content/news/x.md", extra=f"slug: lang\nchannels:\n  social: {{x: {post}}}\n")
    result = site.hubgen("snippets", "lang", "--platform", "x", "--channel", "social")
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == f"── de social-x: 299/280 weighted  OVER LIMIT ──\n{post}\n"
    result = site.hubgen("snippets", "lang", "--platform", "x", "--channel", "social", "--json")
    assert result.returncode == 1
    [snippet] = json.loads(result.stdout)
    assert (snippet["length"], snippet["limit"], snippet["ok"]) == (299, 280, False)


def test_content_errors_are_reported_not_printed(site: SiteDir) -> None:
    site.message("content/news/x.md", extra="slug: kaputt\nchannels:\n  social: {x: '{{ foo }}'}\n")
    result = site.hubgen("snippets", "kaputt", "--json")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "content/news/x.md:7: error: channels.social.x: unknown name 'foo'"
        " (use {{ title }}, {{ summary }}, {{ key_message }}, {{ facts.NAME }}, {{ url }})",
        "1 error",
    ]
