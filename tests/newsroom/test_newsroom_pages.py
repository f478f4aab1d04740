"""What a press officer expects of the newsroom's pages: subtitle, boilerplate and image credit on
a message, job ads as job ads, labelled sections and the press contact on the home page, logos
and a media gallery in the press kit."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from conftest import CONFIG, SiteDir, new_site
from PIL import Image

from hubgen.pipeline import BuildOptions, build

NOW = datetime(2026, 4, 1, tzinfo=UTC)
JOBS_URL = "https://jobs.example.com/service"
SITE_JOBS_URL = "https://karriere.example.com"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    config = CONFIG.replace('short_name = "Testfirma"\n', 'short_name = "Testfirma"\nlogo = "logo.svg"\n'
                            'logo_png = "logo.png"\n')
    config += f'\n[channels]\nrecruiting_url = "{SITE_JOBS_URL}"\n'
    site = new_site(tmp_path_factory.mktemp("newsroom"), config +
                    '\n[contacts.karriere]\nname = "Jonas Peters"\nemail = "jobs@example.com"\n'
                    'role = { de = "Recruiting", en = "Recruiting" }\n')
    site.write("static/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>")
    Image.new("RGBA", (400, 120), (0, 0, 0, 0)).save(site.root / "static/logo.png")
    Image.new("RGB", (1600, 900), (200, 30, 30)).save(site.root / "content/park.jpg")
    Image.new("RGB", (800, 600), (30, 30, 200)).save(site.root / "content/geheim.jpg")
    site.message("content/news/park.md", title="Solarpark eröffnet", date="2026-03-12 09:00 +01:00",
                 extra="image: park.jpg\nimage_alt: Der Park\nimage_credit: Foto Meyer\ncontact: presse\n"
                       "facts: { mw: '62 MW' }\n"
                       "channels:\n  press:\n    subtitle: Leistung {{ facts.mw }} ab heute\n")
    site.message("content/news/text.md", title="Zahlen zum Quartal", date="2026-03-01 09:00 +01:00")
    site.message("content/jobs/service.md", title="Wir suchen Servicetechniker", date="2026-03-05",
                 extra=f"contact: karriere\nchannels:\n  recruiting:\n    url: {JOBS_URL}\n")
    site.message("content/jobs/azubi.md", title="Ausbildung 2026", date="2026-02-05",
                 extra="contact: karriere\n")
    site.message("content/news/geheim.md", title="Geheim", date="2026-03-20",
                 extra="image: geheim.jpg\nimage_alt: Geheim\nembargo: 2026-05-01\n")
    build(BuildOptions(site.root, now=NOW))
    return site


def test_a_message_page_shows_subtitle_credit_and_boilerplate(built: SiteDir) -> None:
    page = built.read("public/news/solarpark-eroeffnet/index.html")
    assert '<p class="subtitle">Leistung 62 MW ab heute</p>' in page
    assert re.search(r"<figure[^>]*>\s*<img[^>]*park\.jpg[^>]*>\s*"
                     r"<figcaption[^>]*>Bild: Foto Meyer</figcaption>", page)
    assert "<h2 id=\"about-company\">Über Testfirma</h2>" in page and "<p>Die Testfirma testet.</p>" in page
    assert ">Pressekontakt</h2>" in page and "press.txt" in page
    assert "Jetzt bewerben" not in page


def test_a_job_ad_names_its_contact_and_offers_to_apply(built: SiteDir) -> None:
    page = built.read("public/jobs/wir-suchen-servicetechniker/index.html")
    assert ">Ansprechpartner</h2>" in page and "Pressekontakt" not in page
    assert "Recruiting" in page and "Jonas Peters" in page
    assert page.count(f'<a class="button" href="{JOBS_URL}">Jetzt bewerben') == 2
    assert "press.txt" not in page
    # Without a URL of its own, the site's careers page
    assert f'href="{SITE_JOBS_URL}">Jetzt bewerben' in built.read("public/jobs/ausbildung-2026/index.html")


def test_the_home_page_labels_sections_and_shows_the_press_contact(built: SiteDir) -> None:
    home = built.read("public/index.html")
    cards = re.findall(r'<article class="card[^"]*">.*?</article>', home, re.S)
    labels = {re.search(r'class="card-title"><a[^>]*>([^<]+)', c).group(1):  # type: ignore[union-attr]
              re.search(r'section-label[^"]*">([^<]+)', c).group(1) for c in cards}  # type: ignore[union-attr]
    assert labels == {"Wir suchen Servicetechniker": "Karriere", "Zahlen zum Quartal": "Meldung",
                      "Ausbildung 2026": "Karriere"}
    assert "card-image-none" not in home  # no stand-in picture for a message without one
    assert '<article class="card card-text-only">' in home
    contact = home[home.index('id="home-contact"'):]
    assert "Erika Muster" in contact and "Pressesprecherin" in contact and 'href="press-kit/"' in contact
    assert "Geheim" not in home


def test_the_press_kit_offers_logos_and_the_published_images(built: SiteDir) -> None:
    kit = built.read("public/press-kit/index.html")
    logos = kit[kit.index('id="logos"'):kit.index('id="gallery"')]
    assert "Logo (SVG)" in logos and "Logo (PNG)" in logos and "400 × 120 px" in logos
    assert 'href="../logo.png" download' in logos
    gallery = kit[kit.index('id="gallery"'):]
    assert "park.jpg" in gallery and "Bild: Foto Meyer" in gallery and "JPEG · 1.600 × 900 px ·" in gallery
    assert re.search(r"\d+\u00a0KB", gallery)
    assert "geheim" not in kit.lower()  # an embargoed message's picture is not public yet
    assert not (built.root / "public/geheim.jpg").exists()
    english = built.read("public/en/press-kit/index.html")
    assert ">Logos</h2>" in english and "Download<span" in english
