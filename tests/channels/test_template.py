"""Snippet texts as templates: names, facts, the tagged URL per channel, and errors that say where."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from conftest import CONFIG, SiteDir, problem_lines

from hubgen.channels.template import SnippetTemplateError, render_text
from hubgen.paths import short_code

SLUG = "solarpark-husum-eroeffnet"
PAGE = f"https://news.example.com/news/{SLUG}/"
USE = "use {{ title }}, {{ summary }}, {{ key_message }}, {{ facts.NAME }}, {{ url }}"
VALUES = {"title": "Solarpark", "summary": "Kurz.", "key_message": "Strom.", "url": "https://x.com/"}
FACTS = {"households": "40.000", "capacity": "62 MW"}


@pytest.mark.parametrize(("text", "expected"), [
    ("ohne Namen", "ohne Namen"),
    ("{{ title }}", "Solarpark"),
    ("{{title}}: {{ summary }} {{ key_message }}", "Solarpark: Kurz. Strom."),
    ("{{ facts.households }} Haushalte, {{ facts.capacity }}", "40.000 Haushalte, 62 MW"),
    ('{{ facts["capacity"] }}', "62 MW"),
    ("Mehr: {{ url }}", "Mehr: https://x.com/"),
    ("{{ title | upper }}", "SOLARPARK"),
    ("{{ title|lower }} {{ summary | trim | upper }}", "solarpark KURZ."),
    ("}} {{ title }}}", "}} Solarpark}"),
    ("{ title } {x}", "{ title } {x}"),
    ("<b>{{ title }}</b> & Co", "<b>Solarpark</b> & Co"),  # plain text: nothing is escaped
])
def test_render_text(text: str, expected: str) -> None:
    assert render_text(text, VALUES, FACTS) == expected


NAME = "write names as {{ name }}"


@pytest.mark.parametrize(("text", "message", "fix"), [
    ("{{ foo }}", "unknown name 'foo'", USE),
    ("{{ titel }} und {{ title }}", "unknown name 'titel'", USE),
    ("{{ title.foo }}", "unknown name 'title.foo'", USE),
    ("{{ facts.nope }}", "unknown fact 'nope'", "facts of this message: capacity, households"),
    ("{{ facts }}", "unknown name 'facts'", USE),
    ("{{ title ", "template syntax: '{{' is not closed", NAME),
    ("{{ url }", "template syntax: '{{' is not closed", NAME),
    ("{{ title | nosuch }}", "unknown filter 'nosuch'", "use | upper, | lower, | trim or none"),
    ("{{ }}", "template syntax: '' is not a name", USE),
    ("{{{{ title }}}}", "template syntax: '{{ title' is not a name", USE),
    # Only names: nothing in a content file can reach Python, loop, call or compute.
    ("{{ title.__class__ }}", "unknown name 'title.__class__'", USE),
    ("{{ 1 / 0 }}", "template syntax: '1 / 0' is not a name", USE),
    ("{{ 'x' * 30000000 }}", "template syntax: ''x' * 30000000' is not a name", USE),
    ("{{ cycler }}", "unknown name 'cycler'", USE),
    ("{{ range(3)|list }}", "template syntax: 'range(3)|list' is not a name", USE),
    ("{{ url.split }}", "unknown name 'url.split'", USE),
    ("{{ lipsum() }}", "template syntax: 'lipsum()' is not a name", USE),
    ("{{ title | format(1) }}", "unknown filter 'format(1)'", "use | upper, | lower, | trim or none"),
    ("{% for i in range(9) %}x{% endfor %}", "template syntax: '{%' is not allowed",
     "only names can be used, as {{ name }}"),
    ("{# note #}", "template syntax: '{#' is not allowed", "only names can be used, as {{ name }}"),
    ("{{ " + "x" * 100 + " + 1 }}", "template syntax: '" + "x" * 40 + "…' is not a name", USE),
])
def test_render_text_errors(text: str, message: str, fix: str) -> None:
    with pytest.raises(SnippetTemplateError) as caught:
        render_text(text, VALUES, FACTS)
    assert (caught.value.message, caught.value.fix) == (message, fix)


@pytest.mark.parametrize("name", ["values", "items", "keys", "get", "__len__"])
def test_facts_named_like_methods_are_facts(name: str) -> None:
    assert render_text(f"{{{{ facts.{name} }}}} Haushalte", VALUES, {name: "40.000"}) == \
        "40.000 Haushalte"


def test_values_are_text_not_templates() -> None:
    """A title with braces is what the title says, even where it is substituted."""
    values = {**VALUES, "title": "{{ url }} {% for %}"}
    assert render_text("{{ title }}!", values, {"x": "{{ title }}"}) == "{{ url }} {% for %}!"
    assert render_text("{{ facts.x }}", values, {"x": "{{ title }}"}) == "{{ title }}"


def test_work_is_linear_in_the_text() -> None:
    """Thousands of openings without an end fail at once, not after a quadratic scan."""
    with pytest.raises(SnippetTemplateError):
        render_text("{{ title }}" + "{{" * 100_000, VALUES, FACTS)
    assert render_text("{{ title }}" * 100_000, VALUES, FACTS) == "Solarpark" * 100_000


def test_no_facts_is_said() -> None:
    with pytest.raises(SnippetTemplateError) as caught:
        render_text("{{ facts.x }}", VALUES, {})
    assert caught.value.fix == "facts of this message: none"


MESSAGE = """\
key_message: Wir liefern Strom für {{ facts.households }} Haushalte.
facts: {households: "40.000", capacity: 62 MW}
channels:
  social:
    x: "{{ title }}: {{ facts.capacity }} für {{ facts.households }} Haushalte. {{ url }}"
    linkedin: "{{ key_message }} {{ url }}"
  recruiting: {text: "Bau mit an {{ title }}! {{ url }}", url: "https://jobs.example.com/solar"}
  newsletter: "{{ title }}: {{ key_message }}"
  advocacy: ["Stolz auf {{ facts.capacity }}: {{ url }}"]
"""


@pytest.fixture(scope="module")
def snippets(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, Any]]:
    site = SiteDir(tmp_path_factory.mktemp("template"))
    site.write("hubgen.toml", CONFIG)
    site.message("content/news/x.md", extra=MESSAGE)
    site.message("content/news/query.md", title="Mit Query",
                 extra="channels:\n  recruiting: {url: 'https://jobs.example.com/?ref=news'}\n")
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    return {(s["message"], s["channel"] + (f"-{s['platform']}" if s["platform"] else "")): s
            for s in json.loads(site.read("kit/snippets.json"))}


def short(platform: str, channel: str = "social") -> str:
    """The short link a post shows for the message's page."""
    return f"https://news.example.com/s/{short_code(f'news/{SLUG}/', channel, platform)}/"


def test_written_post_rendered(snippets: dict[tuple[str, str], dict[str, Any]]) -> None:
    # {{ url }} in a post is the link it shows: the short link to the tagged URL.
    assert snippets[SLUG, "social-x"]["text"] == (
        f"Solarpark Husum eröffnet: 62 MW für 40.000 Haushalte. {short('x')}")


def test_key_message_is_rendered_before_use(snippets: dict[tuple[str, str], dict[str, Any]]) -> None:
    assert snippets[SLUG, "social-linkedin"]["text"].startswith(
        "Wir liefern Strom für 40.000 Haushalte. https://")
    assert snippets[SLUG, "newsletter"]["text"].startswith(
        "Solarpark Husum eröffnet\n\nSolarpark Husum eröffnet: Wir liefern Strom für 40.000 Haushalte.")


# (snippet, base URL, utm_source, utm_medium): each channel and platform is told apart.
UTM = [
    *[(f"social-{p}", PAGE, p, "social")
      for p in ("x", "linkedin", "mastodon", "bluesky", "threads", "instagram", "facebook")],
    ("recruiting", "https://jobs.example.com/solar", "recruiting", "recruiting"),
    ("newsletter", PAGE, "email", "newsletter"),
    ("advocacy-linkedin", PAGE, "linkedin", "advocacy"),
    ("advocacy-x", PAGE, "x", "advocacy"),
]


@pytest.mark.parametrize(("name", "base", "source", "medium"), UTM)
def test_url_is_tagged_per_channel(snippets: dict[tuple[str, str], dict[str, Any]], name: str,
                                   base: str, source: str, medium: str) -> None:
    snippet = snippets[SLUG, name]
    url = f"{base}?utm_source={source}&utm_medium={medium}&utm_campaign={SLUG}"
    assert snippet["url"] == url
    if name == "social-instagram":  # links in captions are not clickable: none is shown
        assert "utm_" not in snippet["text"] and "Link in der Bio." in snippet["text"]
    elif name.startswith(("social-", "advocacy-")):  # posts show the short link to `url`
        assert short(source, medium) in snippet["text"] and "utm_" not in snippet["text"]
    else:
        assert url in snippet["text"]


def test_press_links_the_untagged_page(snippets: dict[tuple[str, str], dict[str, Any]]) -> None:
    press = snippets[SLUG, "press"]
    assert press["url"] == PAGE
    assert "utm_" not in press["text"]


def test_url_with_a_query_gets_more_parameters(snippets: dict[tuple[str, str], dict[str, Any]]) -> None:
    assert snippets["mit-query", "recruiting"]["url"] == (
        "https://jobs.example.com/?ref=news&utm_source=recruiting&utm_medium=recruiting"
        "&utm_campaign=mit-query")


def test_utm_parameters_from_config(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(CONFIG + '\n[channels.utm]\nsource = "hub-{platform}"\ncampaign = "2026-{slug}"\n')
    site.message("content/news/x.md")
    result = site.hubgen("snippets", SLUG, "--platform", "mastodon", "--json")
    assert result.returncode == 0, result.stderr
    [post] = json.loads(result.stdout)
    assert post["url"] == f"{PAGE}?utm_source=hub-mastodon&utm_medium=social&utm_campaign=2026-{SLUG}"


@pytest.fixture(scope="module")
def errors(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[str]]:
    """Exit code and stderr lines of one build with a template error in every kind of field."""
    site = SiteDir(tmp_path_factory.mktemp("template-errors"))
    site.write("hubgen.toml", CONFIG)
    site.message("content/news/x.md", title="x", extra="""\
        facts: {households: "40.000"}
        channels:
          social:
            x: "Hallo {{ foo }} {{ url }}"
            linkedin: "{{ facts.nope }}"
            mastodon: "{{ title "
            bluesky: "{{ title.__class__ }}"
        """)
    site.message("content/news/y.md", title="y", extra="""\
        channels:
          press: {subtitle: "{{ foo }}"}
          recruiting:
            text: "{{ facts.x }}"
          newsletter: >-
            Hallo
            {{ titel }}
          advocacy:
            - "ok {{ url }}"
            - "{{ foo }}"
        """)
    result = site.hubgen("build")
    assert not (site.root / "public").exists()
    return result.returncode, problem_lines(result.stderr)


@pytest.mark.parametrize("line", [
    f"content/news/x.md:8: channels.social.x: unknown name 'foo' ({USE})",
    "content/news/x.md:9: channels.social.linkedin: unknown fact 'nope' (facts of this message: households)",
    "content/news/x.md:10: channels.social.mastodon: template syntax: '{{' is not closed"
    " (write names as {{ name }})",
    f"content/news/x.md:11: channels.social.bluesky: unknown name 'title.__class__' ({USE})",
    f"content/news/y.md:6: channels.press.subtitle: unknown name 'foo' ({USE})",
    "content/news/y.md:8: channels.recruiting.text: unknown fact 'x' (facts of this message: none)",
    f"content/news/y.md:9: channels.newsletter: unknown name 'titel' ({USE})",
    f"content/news/y.md:14: channels.advocacy.1: unknown name 'foo' ({USE})",
])
def test_template_error_names_file_line_and_field(errors: tuple[int, list[str]], line: str) -> None:
    assert line in errors[1]


def test_template_errors_fail_the_build_together(errors: tuple[int, list[str]]) -> None:
    code, lines = errors
    assert code == 1
    assert lines[-1] == "8 errors"
    assert not any("Traceback" in line for line in lines)


def test_broken_key_message_is_reported_once(site: SiteDir) -> None:
    # key_message is rendered by every channel; the problem is still one line.
    site.message("content/news/x.md", extra='key_message: "Wir {{ foo }}"\n')
    result = site.hubgen("snippets", SLUG)
    assert result.returncode == 1
    assert problem_lines(result.stderr) == [
        "content/news/x.md:5: key_message: unknown name 'foo'"
        " (use {{ title }}, {{ summary }}, {{ facts.NAME }}, {{ url }})",
        "1 error",
    ]


def test_a_title_is_text_not_a_template(site: SiteDir) -> None:
    """Braces in a title or summary are what it says: in the snippets and for the checks."""
    site.message("content/news/x.md", title="\"{{ 'x' * 99999999 }} {% for %}\"",
                 summary='"{{ foo }}"', extra="channels:\n  social:\n    x: '{{ title }}!'\n")
    assert site.hubgen("check").returncode == 0
    result = site.hubgen("snippets", "x-99999999-for", "--platform", "x", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["text"] == "{{ 'x' * 99999999 }} {% for %}!"
