"""The social channel: derived posts laid out and cut to fit, hashtags, switches, over-long posts."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CONFIG, SiteDir, problem_lines

from hubgen.channels.platforms import PLATFORMS, count

SHORT_FORM = ("x", "bluesky", "mastodon", "threads")
LONG_SENTENCE = (
    "Der Solarpark versorgt ab heute rechnerisch vierzigtausend Haushalte in Nordfriesland mit "
    "sauberem Strom aus Sonnenenergie, und zwischen den Modulreihen weiden ab Mai Schafe, an den "
    "Rändern entstehen Blühstreifen und Hecken, die Insekten und Vögeln einen neuen Lebensraum "
    "bieten, während die Gemeinden an jeder eingespeisten Kilowattstunde mitverdienen und die "
    "Anwohnerinnen und Anwohner sich ab dem Sommer über ein Nachrangdarlehen am Park beteiligen "
    "können, was in der Region auf großes Interesse stößt und schon heute zahlreiche Anfragen "
    "ausgelöst hat, wie die Bürgermeisterin bei der Eröffnungsfeier vor rund dreihundert Gästen "
    "berichtete, bevor sie gemeinsam mit der Geschäftsführung den symbolischen Schalter umlegte."
)
# Words and the characters the shortening cuts off behind the last whole word.
TRIM = " ,.;:!?…-–"

# Hashtag cases: (slug, platform, hashtags, written post, expected post with {url}).
HASHTAG_CASES = [
    ("inline", "x", "[Energiewende, Solar]", "Am Netz {{ url }}",
     "Am Netz {url} #Energiewende #Solar"),
    ("own-block", "instagram", "[Energiewende, Solar]", "Am Netz.", "Am Netz.\n\n#Energiewende #Solar"),
    ("leading-hash", "mastodon", '["#Energiewende"]', "Am Netz {{ url }}", "Am Netz {url} #Energiewende"),
    ("single-string", "bluesky", "Energiewende", "Am Netz {{ url }}", "Am Netz {url} #Energiewende"),
    ("not-twice", "x", "[Energiewende, Solar]", "Am Netz #energiewende {{ url }}",
     "Am Netz #energiewende {url} #Solar"),
    ("all-there", "linkedin", "[Energiewende]", "#Energiewende: am Netz {{ url }}",
     "#Energiewende: am Netz {url}"),
    ("whole-tags-only", "x", "[Solar]", "Am Netz #Solarenergie {{ url }}",
     "Am Netz #Solarenergie {url} #Solar"),
    ("threads-one-tag", "threads", "[Energiewende, Solar]", "Am Netz {{ url }}",
     "Am Netz {url} #Energiewende"),
    ("threads-tag-written", "threads", "[Energiewende]", "Am Netz #Husum {{ url }}", "Am Netz #Husum {url}"),
    ("instagram-five-tags", "instagram", "[Energiewende, Solar, Husum]", "Am Netz. #a #b #c #d",
     "Am Netz. #a #b #c #d\n\n#Energiewende"),
    ("instagram-full", "instagram", "[Energiewende]", "Am Netz. #a #b #c #d #e",
     "Am Netz. #a #b #c #d #e"),
    # 249 + 1 + 23 (URL) = 273 weighted: " #Solar" (7) fits, " #Energiewende" (14) does not.
    ("x-room-for-one", "x", "[Solar, Energiewende]", "Wort " * 49 + "Wort {{ url }}",
     "Wort " * 49 + "Wort {url} #Solar"),
    ("x-no-room", "x", "[Energiewende]", "Wort " * 49 + "Wort {{ url }}", "Wort " * 49 + "Wort {url}"),
]


def tagged(slug: str, platform: str, channel: str = "social") -> str:
    return (f"https://news.example.com/news/{slug}/?utm_source={platform}&utm_medium={channel}"
            f"&utm_campaign={slug}")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, Any]]:
    """One build with every case; the social snippets by (slug, platform)."""
    site = SiteDir(tmp_path_factory.mktemp("social"))
    # The layouts with the tagged URL itself; the short links: tests/newsroom/test_short_links.py.
    site.write("hubgen.toml", CONFIG + "\n[channels]\nshort_links = false\n")
    site.message("content/news/long-summary.md", title="long-summary", summary=LONG_SENTENCE,
                 extra="channels:\n  social: {hashtags: [Energiewende]}\n")
    site.message("content/news/long-key.md", title="long-key", summary="Kurz.",
                 extra=f"key_message: {LONG_SENTENCE}\n")
    site.message("content/news/fits.md", title="fits", summary="Der Park ist am Netz.",
                 extra="key_message: Wir liefern Strom für {{ facts.households }} Haushalte.\n"
                       "facts: {households: '40.000'}\n"
                       "channels:\n  social: {hashtags: [Energiewende]}\n")
    site.message("content/news/facts.md", title="facts", summary="Der Park ist am Netz.",
                 extra="key_message: Wir liefern Strom für {{ facts.households }} Haushalte.\n"
                       "facts: {households: '40.000', capacity: 62 MW, area: 70 Hektar,"
                       " modules: '113.000', investment: 41 Mio. Euro}\n",
                 body="Auf 70 Hektar stehen 113.000 Module. Sie kosteten 41 Mio. Euro.\n\n"
                      "| Kennzahl | 2026 | 2025 |\n| --- | --- | --- |\n"
                      "| Installierte Leistung | 62 MW | 0 MW |\n| Haushalte | 40.000 | 0 |\n")
    site.message("content/news/x-off.md", title="x-off", extra="channels:\n  social: {x: false}\n")
    site.message("content/news/social-off.md", title="social-off", extra="channels:\n  social: false\n")
    for slug, platform, hashtags, written, _ in HASHTAG_CASES:
        site.message(f"content/news/{slug}.md", title=slug, extra=f"""\
            channels:
              social:
                hashtags: {hashtags}
                {platform}: {json.dumps(written, ensure_ascii=False)}
            """)
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    snippets = json.loads(site.read("kit/snippets.json"))
    return {(s["message"], s["platform"]): s for s in snippets if s["channel"] == "social"}


# How each short form lays out the cut text's tail: {url}, the hashtags inline or as a block.
SHORT_TAILS = {"x": " {url}{inline}", "bluesky": "{inline}\n\n{url}",
               "mastodon": "\n\n{url}{block}", "threads": "\n\n{url}{inline}"}


@pytest.mark.parametrize("slug", ["long-summary", "long-key"])
@pytest.mark.parametrize("platform", SHORT_FORM)
def test_derived_post_is_cut_at_a_clause(
        built: dict[tuple[str, str], dict[str, Any]], slug: str, platform: str) -> None:
    # One long sentence: no sentence end to cut at, so the cut falls after a clause.
    snippet = built[slug, platform]
    text, url, limit = snippet["text"], snippet["url"], PLATFORMS[platform].limit
    assert url == tagged(slug, platform)
    stem, rest = text.split("…", 1)
    head = f"{slug}\n\n" if platform == "threads" else ""  # Threads opens with the headline
    assert stem.startswith(head)
    stem = stem.removeprefix(head)
    tags = "#Energiewende" if slug == "long-summary" else ""
    assert rest == SHORT_TAILS[platform].format(url=url, inline=tags and f" {tags}",
                                                block=tags and f"\n\n{tags}")
    assert LONG_SENTENCE.startswith(stem)
    assert stem and stem[-1] not in TRIM
    assert LONG_SENTENCE[len(stem)] == ","  # at the end of a clause
    assert snippet["length"] == count(platform, text) <= limit
    assert snippet["ok"] is True
    # Not shorter than it has to be: the next clause would not fit.
    following = LONG_SENTENCE.index(",", len(stem) + 1)
    assert count(platform, head + LONG_SENTENCE[:following] + "…" + rest) > limit


# The seven derived posts of one short message: each laid out as its network expects.
FITS_POSTS = {
    "x": "Wir liefern Strom für 40.000 Haushalte. {url} #Energiewende",
    "bluesky": "Wir liefern Strom für 40.000 Haushalte. Der Park ist am Netz. #Energiewende\n\n{url}",
    "mastodon": "Wir liefern Strom für 40.000 Haushalte.\n\n{url}\n\n#Energiewende",
    "threads": "fits\n\nWir liefern Strom für 40.000 Haushalte.\n\n{url} #Energiewende",
    "linkedin": "fits\n\nDer Park ist am Netz.\n\nWir liefern Strom für 40.000 Haushalte.\n\n{url}"
                "\n\n#Energiewende",
    "facebook": "fits\n\nDer Park ist am Netz.\n\nWir liefern Strom für 40.000 Haushalte.\n\n{url}"
                " #Energiewende",
    "instagram": "fits\n\nDer Park ist am Netz.\n\nWir liefern Strom für 40.000 Haushalte.\n\n"
                 "Link in der Bio.\n\n#Energiewende",
}


@pytest.mark.parametrize("platform", list(FITS_POSTS))
def test_derived_posts_of_a_short_message(
        built: dict[tuple[str, str], dict[str, Any]], platform: str) -> None:
    assert built["fits", platform]["text"] == FITS_POSTS[platform].format(url=tagged("fits", platform))


def test_linkedin_lists_the_bodys_facts(built: dict[tuple[str, str], dict[str, Any]]) -> None:
    # Table rows by their first cell, else the sentence; none the post says already (40.000).
    facts = built["facts", "linkedin"]["text"].split("\n\n")[3]
    assert facts == ("→ Installierte Leistung: 62 MW\n→ Auf 70 Hektar stehen 113.000 Module.\n"
                     "→ Sie kosteten 41 Mio. Euro.")


def test_no_two_derived_posts_alike(built: dict[tuple[str, str], dict[str, Any]]) -> None:
    texts = [built["fits", p]["text"].replace(tagged("fits", p), "URL") for p in PLATFORMS]
    assert len(set(texts)) == len(texts)


def test_derived_long_form_post_is_not_cut(built: dict[tuple[str, str], dict[str, Any]]) -> None:
    text = built["long-summary", "linkedin"]["text"]
    assert text == (f"long-summary\n\n{LONG_SENTENCE}\n\n{tagged('long-summary', 'linkedin')}"
                    "\n\n#Energiewende")


@pytest.mark.parametrize(("slug", "platform", "expected"),
                         [pytest.param(slug, platform, expected, id=slug)
                          for slug, platform, _, _, expected in HASHTAG_CASES])
def test_hashtags(built: dict[tuple[str, str], dict[str, Any]], slug: str, platform: str,
                  expected: str) -> None:
    snippet = built[slug, platform]
    assert snippet["text"] == expected.format(url=tagged(slug, platform))
    assert snippet["ok"] is True


def test_derived_posts_carry_hashtags_on_every_platform(
        built: dict[tuple[str, str], dict[str, Any]]) -> None:
    for platform in PLATFORMS:
        assert "#Energiewende" in built["fits", platform]["text"], platform


def test_platform_switched_off(built: dict[tuple[str, str], dict[str, Any]]) -> None:
    assert {p for (slug, p) in built if slug == "x-off"} == set(PLATFORMS) - {"x"}


def test_social_switched_off(built: dict[tuple[str, str], dict[str, Any]]) -> None:
    assert not [key for key in built if key[0] == "social-off"]


def test_site_platforms_decide_which_posts_are_made(make_site: Any) -> None:
    site: SiteDir = make_site(CONFIG + '\n[channels]\nplatforms = ["mastodon", "bluesky"]\n')
    site.message("content/news/x.md", extra="channels:\n  social: {x: 'ignored {{ url }}'}\n")
    result = site.hubgen("snippets", "solarpark-husum-eroeffnet", "--channel", "social", "--json")
    assert result.returncode == 0, result.stderr
    assert [s["platform"] for s in json.loads(result.stdout)] == ["mastodon", "bluesky"]


def test_over_limit_post_fails_the_build_but_reaches_the_kit(site: SiteDir) -> None:
    post = "Wort " * 59 + "Wort"  # 299 characters, no URL
    site.message("content/news/x.md", extra=f"channels:\n  social:\n    x: {post}\n")
    result = site.hubgen("build")
    assert result.returncode == 1
    assert problem_lines(result.stderr) == [
        "content/news/x.md:7: channels.social.x: 299 weighted (social-x), limit 280"
        " (shorten it, or leave it out to have it derived)",
        "1 error",
    ]
    snippets = json.loads(site.read("kit/snippets.json"))
    [x] = [s for s in snippets if s["platform"] == "x" and s["channel"] == "social"]
    assert (x["text"], x["length"], x["limit"], x["ok"]) == (post, 299, 280, False)
    assert all(s["ok"] for s in snippets if s is not x)
    assert site.read("kit/de/news/solarpark-husum-eroeffnet/social-x.txt") == post
    assert not (site.root / "public").exists()


@pytest.fixture(scope="module")
def spec_errors(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """stderr lines of one build with every kind of wrong `channels:` value."""
    site = SiteDir(tmp_path_factory.mktemp("social-errors"))
    site.write("hubgen.toml", CONFIG)
    site.message("content/news/a.md", title="a", extra="""\
        channels:
          socail: {x: hallo}
          pres: {dateline: Husum}
          social:
            mastodn: hallo
            tiktok: hallo
            hashtags: [Solar-Park, ok]
        """)
    site.message("content/news/b.md", title="b", extra="""\
        channels:
          social: hallo
          recruiting: {txt: hallo}
        """)
    site.message("content/news/c.md", title="c", extra="""\
        channels:
          social:
            x: [eins, zwei]
            hashtags: true
        """)
    result = site.hubgen("build")
    assert result.returncode == 1
    return problem_lines(result.stderr)


ALLOWED_SOCIAL = "allowed: hashtags, x, linkedin, mastodon, bluesky, threads, instagram, facebook"


@pytest.mark.parametrize("line", [
    "content/news/a.md:6: channels.socail: unknown channel (did you mean 'social'?)",
    "content/news/a.md:7: channels.pres: unknown channel (did you mean 'press'?)",
    "content/news/a.md:9: channels.social.mastodn: unknown key (did you mean 'mastodon'?)",
    f"content/news/a.md:10: channels.social.tiktok: unknown key ({ALLOWED_SOCIAL})",
    "content/news/a.md:11: channels.social.hashtags: 'Solar-Park' is not a hashtag"
    " (use letters, digits and _ only, e.g. Energiewende)",
    "content/news/b.md:6: channels.social: must be a mapping or false, not str"
    f" (write {ALLOWED_SOCIAL.removeprefix('allowed: ')} indented under social:)",
    "content/news/b.md:7: channels.recruiting.txt: unknown key (did you mean 'text'?)",
    "content/news/c.md:7: channels.social.x: must be text, not list (write x: …)",
    "content/news/c.md:8: channels.social.hashtags: must be a list (write hashtags: [Energiewende])",
])
def test_spec_errors(spec_errors: list[str], line: str) -> None:
    assert line in spec_errors


def test_spec_errors_are_all_reported(spec_errors: list[str]) -> None:
    assert spec_errors[-1] == "9 errors"
