"""Links and images in bodies: where they lead must be built; images need alt text.

(Named test_link_check: other test folders may hold a test_links.)"""

from __future__ import annotations

import pytest
from check_helpers import problems
from conftest import SiteDir

PATH = "content/news/neu.md"
BODY_LINE = 6  # ---, title, date, summary, ---


@pytest.fixture
def linked(site: SiteDir) -> SiteDir:
    """An earlier message, an English one, a later one, a draft and a static logo."""
    site.message("content/news/alt.md", title="Alt", date="2026-03-01 09:00 +01:00", extra="tags: [Energie]")
    site.message("content/news/alt.en.md", title="Old", date="2026-03-01 09:00 +01:00")
    site.message("content/news/spaeter.md", title="Später", date="2026-04-01 09:00 +02:00")
    site.message("content/news/entwurf.md", title="Entwurf", extra="draft: true")
    site.write("static/media/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    site.write("content/media/foto.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    return site


def error(message: str, fix: str, line: int = BODY_LINE) -> str:
    return f"{PATH}:{line}: body: {message} ({fix})"


FLAGGED = [
    ("[x](/news/alz/)", error("link '/news/alz/' leads to no page of the site", "did you mean /news/alt/?")),
    ("Vorher.\n\n[x](../alz/)", error("link '../alz/' leads to no page of the site",
                                      "did you mean /news/alt/?", BODY_LINE + 2)),
    ("[x](alt.md)", error("link 'alt.md' leads to no page of the site", "link to its page: /news/alt/")),
    ("[x](https://news.example.com/jobs/alt/)",
     error("link 'https://news.example.com/jobs/alt/' leads to no page of the site",
           "did you mean /news/alt/?")),
    ("[x](/news/entwurf/)",
     error("link '/news/entwurf/' leads to a draft", "publish it first, or remove the link")),
    ("[x](/news/spaeter/)",
     error("link '/news/spaeter/' leads to a message that goes public only on 2026-04-01 09:00",
           "publish this message later, or remove the link until then")),
    ("![](/media/logo.svg)", error("image '/media/logo.svg' has no alt text",
                                   "describe it: ![what it shows](/media/logo.svg)")),
    ('<img src="/media/logo.svg">', error("image '/media/logo.svg' has no alt text",
                                          "describe it: ![what it shows](/media/logo.svg)")),
    ("[x](/tags/nix/page/2/)", error("link '/tags/nix/page/2/' leads to no page of the site",
                                     "link to a message's page, e.g. /news/spaeter/")),
    ("[x](/press-kit/page/2/)", error("link '/press-kit/page/2/' leads to no page of the site",
                                      "link to a message's page, e.g. /news/spaeter/")),
    ("[x](/page/1/)", error("link '/page/1/' leads to no page of the site",
                            "link to a message's page, e.g. /news/spaeter/")),
    ("![Logo](/media/fehlt.svg)", error("image '/media/fehlt.svg' is not in the built site",
                                        "put the image into static/ and write its path from there,"
                                        " e.g. /media/picture.jpg")),
    ("![Foto](media/foto.svg)", error("image 'media/foto.svg' is not in the built site",
                                      "files in content/ are published only as a message's image: put it"
                                      " into static/ and write /media/foto.svg")),
]


@pytest.mark.parametrize(("body", "expected"), FLAGGED)
def test_broken_links_and_images(linked: SiteDir, body: str, expected: str) -> None:
    linked.message(PATH, title="Neu", body=body + "\n")
    assert problems(linked) == [expected]


NEAR_MISSES = [
    "[x](/news/alt/)", "[x](/news/alt)", "[x](/news/alt/index.html)", "[x](../alt/)",
    "[x](https://news.example.com/news/alt/#absatz)", "[x](//news.example.com/news/alt/)",
    "[x](/en/news/old/)", "[x](/news/alt/press.txt)", "[x](/tags/energie/)", "[x](/en/)",
    "[x](/press-kit/)", "[x](/atom.xml)", "[x](/search/)", "[x](/tags/energie/atom.xml)",
    "[x](/news/alt/share.jpg)", "[x](/news-sitemap.xml)", "[x](/share.jpg)", "[x](/en/share-square.jpg)",
    "[x](/en/search/search-index.js)", "[x](/page/2/)", "[x](/tags/energie/page/3/)", "[x](#oben)",
    "[x](mailto:presse@example.com)",
    "[x](https://www.example.org/nix/)", "![Logo](/media/logo.svg)",
    "![Logo](https://cdn.example.org/logo.png)", '<img src="/media/logo.svg" alt="Logo">',
    "[x](/news/neu/)",  # itself
]


@pytest.mark.parametrize("body", NEAR_MISSES)
def test_links_that_work(linked: SiteDir, body: str) -> None:
    linked.message(PATH, title="Neu", body=body + "\n")
    assert problems(linked) == []


def test_a_draft_may_link_to_drafts_and_later_messages(linked: SiteDir) -> None:
    linked.message(PATH, title="Neu", body="[a](/news/entwurf/) [b](/news/spaeter/)\n",
                   extra="draft: true")
    assert problems(linked) == []


def test_base_path_is_part_of_site_links(make_site: object) -> None:
    from conftest import CONFIG
    site = make_site(CONFIG.replace("https://news.example.com", "https://example.com/presse"))  # type: ignore[operator]
    site.message("content/news/alt.md", title="Alt", date="2026-03-01 09:00 +01:00")
    site.message(PATH, title="Neu", body="[a](/presse/news/alt/) [b](/news/alt/)\n")
    assert problems(site) == [error("link '/news/alt/' leads to no page of the site",
                                    "did you mean /news/alt/?")]
