"""The demo newsroom passes every check, warnings included; with one problem planted per check,
the checks report exactly those problems, one each."""

from __future__ import annotations

from check_helpers import problems
from conftest import SiteDir

# (file, text in it, replacement): one problem for each check.
PLANTED = [
    ("content/news/solarpark-husum.md",  # fact drift
     "Der Solarpark Husum ist am Netz: {{ facts.modules }} Module, {{ facts.capacity }} Leistung.",
     "Der Solarpark Husum ist am Netz: 120.000 Module, {{ facts.capacity }} Leistung."),
    ("content/news/solarpark-husum.md",  # key message
     "Neu in Nordfriesland, ab heute am Netz: {{ key_message }} {{ url }}",
     "Neu in Nordfriesland, ab heute am Netz. {{ url }}"),
    ("content/news/artenvielfalt-solarparks.md",  # glossary
     "eröffneten [Solarpark Husum]", "eröffneten [Solar-Park Husum]"),
    ("content/news/offshore-partnerschaft.md",  # links
     "(https://www.nordlicht-energie.example/projekte/offshore-sandhai)", "(/news/sandhai/)"),
    ("content/news/quartalszahlen-q3-2026.en.md",  # embargo and dates
     "date: 2026-11-12 07:30 +01:00", "date: 2026-11-11 07:30 +01:00"),
    ("content/news/batteriespeicher-brunsbuettel.en.md",  # translations
     'start: "autumn 2027"', 'start: "autumn 2028"'),
    ("content/news/glimmerwatt.md",  # limits
     "Auch zur Miete: {{ key_message }} {{ url }}",
     # Longer than the URL it once shared the room with: posts show the short link now.
     "Auch zur Miete, und zwar für alle, die in der Stadt wohnen, ob im Altbau oder im Neubau,"
     " im Erdgeschoss oder unterm Dach, in Husum, Heide oder Hamburg: {{ key_message }} {{ url }}"),
    ("content/news/glimmerwatt.md",  # fact drift: a word of a fact leading to a figure
     "zusammen eine Leistung von 2,4 MW", "zusammen eine Leistung von 2,6 MW"),
    ("content/jobs/ausbildungsstart-2026.md",  # placeholders
     "    dateline: Hamburg", '    dateline: "TODO Ort"'),
]

EXPECTED = [
    "content/jobs/ausbildungsstart-2026.md:18: channels.press.dateline: still has the placeholder"
    " text of hubgen new (write the message's own text)",
    "content/news/artenvielfalt-solarparks.md:66: warning: body: 'Solar-Park' is a variant of"
    " 'Solarpark' (write 'Solarpark')",
    "content/news/batteriespeicher-brunsbuettel.en.md:15: facts.start: 'autumn 2028' differs from"
    " 'Herbst 2027' in content/news/batteriespeicher-brunsbuettel.md:15 (make the versions agree)",
    "content/news/glimmerwatt.md:24: channels.social.x: 325 weighted (social-x), limit 280"
    " (shorten it, or leave it out to have it derived)",
    "content/news/glimmerwatt.md:47: body: '2,6 MW' contradicts facts.capacity (2,4 MW) (correct the"
    " figure or the fact)",
    "content/news/offshore-partnerschaft.md:84: body: link '/news/sandhai/' leads to no page of the"
    " site (link to a message's page, e.g. /news/projekt-polarkranich/)",
    "content/news/quartalszahlen-q3-2026.en.md:3: date: goes public 2026-11-11 07:30, before its"
    " original content/news/quartalszahlen-q3-2026.md (2026-11-12 07:30): a broken embargo"
    " (publish it with or after the original: date: 2026-11-12 07:30, or set [checks]"
    " translations_before_original = true)",
    "content/news/solarpark-husum.md:8: warning: key_message: missing from social.bluesky (use"
    " {{ key_message }} in their texts; for press, write it into the body)",
    "content/news/solarpark-husum.md:56: channels.social.instagram: '120.000 Module' contradicts"
    " facts.modules (113.000) (write {{ facts.modules }} instead, or correct the fact)",
]


def test_demo_has_no_problems(demo_site: SiteDir) -> None:
    assert problems(demo_site.root) == []


def test_one_problem_per_planted_problem(demo_site: SiteDir) -> None:
    for path, old, new in PLANTED:
        text = demo_site.read(path)
        assert text.count(old) == 1, (path, old)
        (demo_site.root / path).write_text(text.replace(old, new), encoding="utf-8")
    assert problems(demo_site.root) == EXPECTED
