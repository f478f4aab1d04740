"""Share images: 1200×630 and 1080×1080 JPEGs per published message, drawn once and cached."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, SiteDir, assert_problems, snapshot
from PIL import Image, ImageFont

from hubgen.config import ShareImages
from hubgen.newsroom import share_drawing, share_images
from hubgen.newsroom.share_images import CACHE_DIR, FORMATS, Card, ShareFormat, draw_card, wrap
from hubgen.pipeline import BuildOptions, build

NOW = datetime(2026, 4, 1, tzinfo=UTC)
NAVY = (0x0B, 0x25, 0x45)
SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"


class Counter:
    """Wraps draw_card to count how many images a build really draws."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        real = share_images.draw_card

        def counting(card: Card, *args: object) -> bytes:
            self.calls.append(card.title)
            return real(card, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(share_images, "draw_card", counting)

    def take(self) -> list[str]:
        calls, self.calls = self.calls, []
        return calls


@pytest.fixture
def counter(monkeypatch: pytest.MonkeyPatch) -> Counter:
    return Counter(monkeypatch)


def write_site(site: SiteDir) -> SiteDir:
    Image.new("RGB", (1600, 1000), (200, 30, 30)).save(site.root / "content/photo.png")
    site.write("content/park.svg", SVG)
    site.message("content/news/foto.md", title="Mit Foto", extra="image: photo.png\nimage_alt: Rot\n")
    site.message("content/news/svg.md", title="Mit SVG", extra="image: park.svg\nimage_alt: Park\n")
    site.message("content/news/ohne.md", title="Ohne Bild " * 12, extra="slug: ohne-bild\n")
    site.message("content/news/entwurf.md", title="Entwurf", extra="draft: true\n")
    site.message("content/news/sperre.md", title="Sperrfrist", extra="embargo: 2027-01-01\n")
    return site


def test_published_messages_get_both_sizes(site: SiteDir) -> None:
    write_site(site)
    build(BuildOptions(site.root, now=NOW))
    public = site.root / "public"
    for slug in ("mit-foto", "mit-svg", "ohne-bild"):
        folder = public / "news" / slug
        with Image.open(folder / "share.jpg") as wide:
            assert (wide.format, wide.size) == ("JPEG", (1200, 630))
        with Image.open(folder / "share-square.jpg") as square:
            assert (square.format, square.size) == ("JPEG", (1080, 1080))
    for slug in ("entwurf", "sperrfrist"):
        assert not (public / "news" / slug).exists()
    assert {p.relative_to(public).as_posix() for p in public.rglob("share*.jpg")
            if p.parent.parent.name != "news"} == {"share.jpg", "share-square.jpg", "en/share.jpg",
                                                   "en/share-square.jpg"}


def near(pixel: object, colour: tuple[int, int, int]) -> bool:
    """Equal but for JPEG's rounding."""
    assert isinstance(pixel, tuple)
    return max(abs(a - b) for a, b in zip(pixel, colour, strict=True)) <= 3


def test_a_readable_image_is_the_background_and_svg_a_drawn_one(site: SiteDir) -> None:
    write_site(site)
    build(BuildOptions(site.root, now=NOW))
    with Image.open(site.root / "public/news/mit-foto/share.jpg") as photo:
        red, _, blue = photo.convert("RGB").getpixel((1100, 20))  # type: ignore[misc]
        assert red > blue + 20  # the red photo shows through the veil
    with Image.open(site.root / "public/news/mit-svg/share.jpg") as drawn:
        assert near(drawn.convert("RGB").getpixel((5, 300)), NAVY)


def test_images_are_copies_an_edit_in_public_leaves_the_cache_alone(site: SiteDir) -> None:
    write_site(site)
    build(BuildOptions(site.root, now=NOW))
    cache = snapshot(site.root / CACHE_DIR)
    shown = sorted((site.root / "public").rglob("share*.jpg"))
    assert len(shown) == 10 and set(cache.values()) == {p.read_bytes() for p in shown}
    assert not {p.stat().st_ino for p in shown} & {p.stat().st_ino for p in (site.root / CACHE_DIR).iterdir()}
    original = shown[0].read_bytes()
    with shown[0].open("r+b") as image:  # in place: same file, other bytes
        image.write(b"edited in public/")
    assert snapshot(site.root / CACHE_DIR) == cache
    build(BuildOptions(site.root, now=NOW))
    assert shown[0].read_bytes() == original


def test_unchanged_images_are_not_drawn_again(site: SiteDir, counter: Counter) -> None:
    write_site(site)
    build(BuildOptions(site.root, now=NOW))
    assert len(counter.take()) == 2 * (3 + 2)  # three messages, two language homes
    cache = snapshot(site.root / CACHE_DIR)
    assert len(cache) == 10
    first = snapshot(site.root / "public")
    build(BuildOptions(site.root, now=NOW))
    assert counter.take() == []
    assert snapshot(site.root / "public") == first
    assert snapshot(site.root / CACHE_DIR) == cache


def test_a_changed_title_draws_that_message_again(site: SiteDir, counter: Counter) -> None:
    write_site(site)
    build(BuildOptions(site.root, now=NOW))
    counter.take()
    before = (site.root / "public/news/mit-svg/share.jpg").read_bytes()
    site.message("content/news/svg.md", title="Mit SVG, neu", extra="slug: mit-svg\nimage: park.svg\n"
                 "image_alt: Park\n")
    build(BuildOptions(site.root, now=NOW))
    assert counter.take() == ["Mit SVG, neu", "Mit SVG, neu"]
    assert (site.root / "public/news/mit-svg/share.jpg").read_bytes() != before


def test_a_changed_picture_draws_it_again(site: SiteDir, counter: Counter) -> None:
    write_site(site)
    build(BuildOptions(site.root, now=NOW))
    counter.take()
    Image.new("RGB", (800, 600), (30, 200, 30)).save(site.root / "content/photo.png")
    build(BuildOptions(site.root, now=NOW))
    assert counter.take() == ["Mit Foto", "Mit Foto"]


def test_changed_colours_draw_every_image_again(make_site: Callable[[str], SiteDir],
                                                 counter: Counter) -> None:
    site = make_site(CONFIG)
    site.message("content/news/a.md", title="Eins")
    build(BuildOptions(site.root, now=NOW))
    assert len(counter.take()) == 6
    (site.root / "hubgen.toml").write_text(CONFIG + '\n[share_images]\nbackground = "#336699"\n',
                                           encoding="utf-8")
    build(BuildOptions(site.root, now=NOW))
    assert len(counter.take()) == 6
    with Image.open(site.root / "public/news/eins/share.jpg") as image:
        assert near(image.convert("RGB").getpixel((5, 300)), (0x33, 0x66, 0x99))


def test_bad_colour_is_a_config_problem(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(CONFIG + '\n[share_images]\naccent = "orange"\nfont = "nope.ttf"\n')
    assert_problems(
        site.hubgen("build"),
        "hubgen.toml:23: share_images.accent: 'orange' is not a colour"
        ' (write it as a hex colour such as "#0b2545")',
        "hubgen.toml:24: share_images.font: font file 'nope.ttf' not found"
        " (give a .ttf or .otf file's path relative to the site)")


def test_long_titles_wrap_between_words() -> None:
    font = ImageFont.load_default(size=40)
    lines = wrap("Nordlicht eröffnet den Solarpark Husum an der Westküste", font, 400)
    assert len(lines) > 1
    assert " ".join(lines) == "Nordlicht eröffnet den Solarpark Husum an der Westküste"
    assert all(font.getlength(line) <= 400 for line in lines)
    assert wrap("Donaudampfschifffahrtsgesellschaft", font, 200)[0] != "Donaudampfschifffahrtsgesellschaft"


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.name for f in FORMATS])
def test_an_endless_title_is_cut_with_an_ellipsis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   fmt: ShareFormat) -> None:
    drawn: list[str] = []
    real = share_drawing.draw_text

    def recording(image: Image.Image, xy: tuple[int, int], text: str, *args: Any) -> None:
        drawn.append(text)
        real(image, xy, text, *args)

    monkeypatch.setattr(share_drawing, "draw_text", recording)
    card = Card("Wort " * 200, "Firma", "1. April 2026", "de")
    with Image.open(io.BytesIO(draw_card(card, fmt, ShareImages(), tmp_path))) as image:
        assert image.size == (fmt.width, fmt.height)
    eyebrow, footer, *title = drawn
    assert (eyebrow, footer) == ("Firma", "1. April 2026")
    assert 1 < len(title) <= fmt.max_lines
    assert title[-1].endswith(" …") and "…" not in "".join(title[:-1])
    assert set(" ".join(title).removesuffix(" …").split()) == {"Wort"}


def test_an_embargoed_message_shows_the_day_it_goes_public(site: SiteDir,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    footers: list[str] = []
    real = share_images.draw_card
    monkeypatch.setattr(share_images, "draw_card",
                        lambda card, *args: footers.append(card.footer) or real(card, *args))
    site.message("content/news/sperre.md", title="Sperrfrist", date="2026-03-02",
                 extra="embargo: 2026-03-20 10:00\n")
    build(BuildOptions(site.root, now=NOW))
    assert "20. März 2026" in footers and "2. März 2026" not in footers


def test_the_logo_png_is_drawn_on_a_white_plate(make_site: Callable[[str], SiteDir]) -> None:
    config = CONFIG.replace('short_name = "Testfirma"\n', 'short_name = "Testfirma"\nlogo_png = "logo.png"\n')
    site = make_site(config)
    (site.root / "static").mkdir()
    Image.new("RGBA", (400, 100), (255, 0, 0, 255)).save(site.root / "static/logo.png")
    site.message("content/news/a.md", title="Eins")
    build(BuildOptions(site.root, now=NOW))
    with Image.open(site.root / "public/news/eins/share.jpg") as image:
        rgb = image.convert("RGB")
        assert rgb.getpixel((150, 100))[0] > 200 > rgb.getpixel((150, 100))[1]  # type: ignore[index]
        assert near(rgb.getpixel((66, 66)), (255, 255, 255))  # the plate around it


def test_the_photo_stays_visible_above_the_band(site: SiteDir) -> None:
    Image.new("RGB", (1600, 1000), (250, 250, 250)).save(site.root / "content/weiss.png")
    site.message("content/news/w.md", title="Kurz", extra="image: weiss.png\nimage_alt: Weiß\n")
    build(BuildOptions(site.root, now=NOW))
    with Image.open(site.root / "public/news/kurz/share.jpg") as image:
        rgb = image.convert("RGB")
        # Below the shade behind the company's name, above the band: the photo untouched
        assert min(rgb.getpixel((1100, 240))) > 240  # type: ignore[arg-type]
        behind_text = rgb.getpixel((1100, 480))
        assert isinstance(behind_text, tuple) and max(behind_text) < 110  # white text reads on it


def test_image_focus_decides_the_crop(site: SiteDir) -> None:
    picture = Image.new("RGB", (2000, 630), (0, 0, 255))
    picture.paste((255, 0, 0), (0, 0, 1000, 630))  # left half red, right half blue
    picture.save(site.root / "content/halves.png")
    for slug, focus in (("links", "left"), ("rechts", "1 0.5"), ("mitte", "center")):
        site.message(f"content/news/{slug}.md", title=slug, extra=f"slug: {slug}\nimage: halves.png\n"
                     f"image_alt: Hälften\nimage_focus: {focus}\n")
    build(BuildOptions(site.root, now=NOW))
    colours = {}
    for slug in ("links", "rechts", "mitte"):
        with Image.open(site.root / f"public/news/{slug}/share-square.jpg") as image:
            colours[slug] = [image.convert("RGB").getpixel((x, 300)) for x in (100, 980)]
    assert all(c[0] > 200 > c[2] for c in colours["links"])  # type: ignore[index]
    assert all(c[2] > 200 > c[0] for c in colours["rechts"])  # type: ignore[index]
    assert colours["mitte"][0][0] > 200 and colours["mitte"][1][2] > 200  # type: ignore[index]


def test_images_are_the_same_bytes_in_every_build(site: SiteDir) -> None:
    write_site(site)
    build(BuildOptions(site.root, now=NOW, clean=True))
    first = snapshot(site.root / "public")
    shutil.rmtree(site.root / CACHE_DIR)
    build(BuildOptions(site.root, now=NOW, clean=True))
    assert {k: v for k, v in snapshot(site.root / "public").items() if k.endswith(".jpg")} == \
        {k: v for k, v in first.items() if k.endswith(".jpg")}
