"""`hubgen build --public-only` and `[share_images] enabled = false`: the two switches a deploy
in CI and a writer drafting use to skip work."""

from __future__ import annotations

import io
import re
from pathlib import Path

from conftest import CONFIG, SiteDir, new_site, snapshot
from PIL import Image
from test_build import all_text

from hubgen.pipeline.safety import MARKER

OFF = CONFIG + "\n[share_images]\nenabled = false\n"


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 80, 40)).save(out, "PNG")
    return out.getvalue()


def _og(html: str, key: str) -> list[str]:
    """The contents of every `<meta property|name=key>` of a page, in order."""
    return re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)


def test_public_only_builds_public_and_leaves_the_kit(site: SiteDir) -> None:
    site.message("content/news/husum.md")
    assert site.hubgen("build").returncode == 0
    kit_before = snapshot(site.root / "kit")
    site.message("content/news/husum.md", title="Solarpark Husum am Netz")
    result = site.hubgen("build", "--public-only")
    assert result.returncode == 0, result.stderr
    assert "news/solarpark-husum-am-netz/index.html" in snapshot(site.root / "public")
    assert snapshot(site.root / "kit") == kit_before  # untouched, the old title still in it
    # Then a full build makes the kit again: the public-only build is not "nothing changed".
    result = site.hubgen("build")
    assert "nothing changed" not in result.stdout
    assert "solarpark husum am netz" in all_text(site.root / "kit")


def test_public_only_on_a_new_site_makes_no_kit(site: SiteDir) -> None:
    site.message("content/news/husum.md")
    assert site.hubgen("build", "--public-only").returncode == 0
    assert (site.root / "public" / MARKER).is_file()
    assert not (site.root / "kit").exists()
    again = site.hubgen("build", "--public-only")
    assert again.stdout.startswith("nothing changed since the last build:"), again.stdout


def test_without_share_images_a_page_shows_its_own_picture(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", OFF)
    (site.root / "content/media").mkdir(parents=True)
    (site.root / "content/media/park.png").write_bytes(_png(800, 450))
    site.message("content/news/husum.md", extra="image: media/park.png\nimage_alt: Der Park")
    site.message("content/news/ohne.md", title="Ohne Bild")
    assert site.hubgen("build").returncode == 0
    public = snapshot(site.root / "public")
    assert not [p for p in public if p.endswith((".jpg", ".jpeg"))]  # no share image drawn
    page = public["news/solarpark-husum-eroeffnet/index.html"].decode()
    assert _og(page, "og:image") == ["https://news.example.com/media/park.png"]
    assert _og(page, "og:image:width") == ["800"] and _og(page, "og:image:height") == ["450"]
    assert _og(page, "og:image:type") == ["image/png"]
    assert _og(page, "og:image:alt") == ["Der Park"]
    assert _og(page, "twitter:card") == ["summary_large_image"]
    # No picture, no raster logo: no og:image at all rather than one pointing to nothing.
    for path in ("news/ohne-bild/index.html", "index.html"):
        html = public[path].decode()
        assert _og(html, "og:image") == [] and _og(html, "twitter:image") == []
        assert _og(html, "twitter:card") == ["summary"]
        assert "share.jpg" not in html and "share-square.jpg" not in html


def test_without_share_images_the_raster_logo_stands_in(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", OFF.replace('short_name = "Testfirma"\n',
                                                  'short_name = "Testfirma"\nlogo = "logo.png"\n'))
    (site.root / "static").mkdir()
    (site.root / "static/logo.png").write_bytes(_png(400, 400))
    site.message("content/news/husum.md")
    assert site.hubgen("build").returncode == 0, site.hubgen("check").stderr
    for path in ("index.html", "news/solarpark-husum-eroeffnet/index.html"):
        html = site.read("public/" + path)
        assert _og(html, "og:image") == ["https://news.example.com/logo.png"]
        assert _og(html, "og:image:alt") == ["Testfirma GmbH"]


def test_a_bad_switch_is_an_error_at_its_line(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", CONFIG + '\n[share_images]\nenabled = "no"\n')
    site.message("content/news/husum.md")
    result = site.hubgen("build")
    assert result.returncode == 1
    line = CONFIG.count("\n") + 3
    assert (f"hubgen.toml:{line}: error: share_images.enabled: must be true or false, not a string"
            " (write enabled = true or false, without quotes)") in result.stderr
