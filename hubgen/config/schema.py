"""The typed configuration, and the declaration of every key of `hubgen.toml`.

Each field made with `option()`, `required()`, `derived()` or `table()` is a key: its type, its
default, one line of doc and its check are written here once; load.py reads hubgen.toml by
them and docs.py writes docs/config.md from them (`python -m hubgen.config.docs`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from hubgen.config import checks
from hubgen.config.lines import line_of
from hubgen.config.options import Context, derived, option, required, table

__all__ = ["ChannelsConfig", "ChecksConfig", "Company", "Config", "Contact", "Download", "PressKit",
           "ShareImages", "SiteSettings"]


def _value(key: str) -> Callable[[Context], object]:
    return lambda ctx: ctx.values.get(key, "")


@dataclass(frozen=True)
class SiteSettings:
    """`[site]`: what the newsroom is called, where it is deployed, where its folders are."""

    title: str = required("name of the newsroom, in the header and the browser tab")
    base_url: str = required("absolute URL the site is deployed at, e.g. `https://newsroom.example.com`",
                             check=checks.base_url)
    language: str = required("default language (`de`, `en`, …), served at the root",
                             check=checks.language)
    languages: tuple[str, ...] = derived(
        lambda ctx: (ctx.values.get("site.language", ""),),
        "all languages, the default one among them; the others are served under `/<lang>/`",
        shown="`[language]`", check=checks.languages)
    timezone: ZoneInfo = option(ZoneInfo("UTC"), "IANA zone for dates written without an offset,"
                                " and for dates shown, e.g. `Europe/Berlin`", shown='`"UTC"`',
                                check=checks.timezone)
    content_dir: str = option("content", "folder of the messages", check=checks.folder)
    static_dir: str = option("static", "folder copied as it is into `public/` (logo, downloads,"
                             " CSS overrides)", check=checks.folder)
    output_dir: str = option("public", "the deployable newsroom", check=checks.folder)
    kit_dir: str = option("kit", "the internal channel kit (never deploy it)", check=checks.folder)
    theme: str = option("default", "`default` (ships with hubgen), or a folder: `themes/NAME` or"
                        " a path in the site, outside the output folders", check=checks.theme)


@dataclass(frozen=True)
class Company:
    """`[company]`: who publishes the newsroom."""

    name: str = derived(_value("site.title"), "legal name, in press texts and the press kit",
                        shown="site title")
    short_name: str = derived(_value("company.name"), 'name in running text ("About …") and on'
                              " share images", shown="`name`")
    logo: str = option("", "a file in `static/`, as a path from there (`media/logo.svg`), shown in"
                       " the header and the press kit",
                       check=checks.static_file)
    website: str = option("", "the company's main website, an http(s) URL", check=checks.http_url)
    boilerplate: dict[str, str] = option(
        {}, '"about us" paragraph closing every press release: `[company.boilerplate]` with one per'
        " language, or one string", check=checks.paragraphs, long=True, per_language=True)
    logo_png: str = option("", "a PNG of the logo in `static/` (transparent background, 400 px wide or"
                           " more): on share images, which can't draw SVG, and a download in the"
                           " press kit; without it a PNG/JPEG `logo` is used, an SVG one left off",
                           check=checks.static_file)


@dataclass(frozen=True)
class Contact:
    """`[contacts.NAME]`: a media contact."""

    key: str
    name: str = required("full name")
    email: str = required("e-mail address", check=checks.email)
    phone: str = option("", "phone number")
    role: dict[str, str] = option({}, 'one string, or `{ de = "…", en = "…" }` per language',
                                  per_language=True)

    def role_in(self, lang: str) -> str:
        return self.role.get(lang) or next(iter(self.role.values()), "")


@dataclass(frozen=True)
class Download:
    """A file offered on the press kit page."""

    title: str = required("the link's text, e.g. `Logo (SVG)`")
    file: str = required("a file in `static/`, as a path from there", check=checks.static_file)


@dataclass(frozen=True)
class PressKit:
    """`[press_kit]`: the press kit page."""

    downloads: tuple[Download, ...] = option(
        (), "files inside `static/` offered on the press kit page",
        example='downloads = [{ title = "Logo (SVG)", file = "media/logo.svg" }]')


@dataclass(frozen=True)
class ChannelsConfig:
    """`[channels]`: what the kit makes for every message."""

    enabled: tuple[str, ...] | None = option(
        None, "channels made for every message: `press`, `social`, `recruiting`, `newsletter`,"
        " `advocacy`", shown="all channels")
    platforms: tuple[str, ...] | None = option(
        None, "networks a post is made for: `x`, `linkedin`, `mastodon`, `bluesky`, `threads`,"
        " `instagram`, `facebook`", shown="all platforms")
    recruiting_url: str = option("", "careers page that recruiting blurbs link to, unless a message"
                                 " names its own", shown="message URL", check=checks.http_url)
    utm: dict[str, str] = option(
        {}, "`[channels.utm]` `source`, `medium`, `campaign`: texts in which `{slug}`, `{channel}`"
        " and `{platform}` are replaced (no other `{…}`; `{{` for a brace)", shown="see above",
        check=checks.utm)
    short_links: bool = option(
        True, "social posts link to a short page on the newsroom (`/s/<code>/`) that shows the"
        " message's link preview and forwards to its tagged URL, also listed in `_redirects`;"
        " `false`: posts show the tagged URL itself. The press text always links the plain URL")


@dataclass(frozen=True)
class ShareImages:
    """`[share_images]`: the pictures social networks show for a link to the newsroom."""

    enabled: bool = option(True, "draw them; `false` (quicker while drafting): a message's page"
                           " shows its own picture (JPEG, PNG, WebP, GIF) as `og:image`, the"
                           " company's raster logo otherwise, or none")
    background: str = option("#0b2545", "background without a picture, and the band under the text on one",
                             check=checks.colour)
    text: str = option("#ffffff", "the title", check=checks.colour)
    muted: str = option("#b9c7d6", "the company name", check=checks.colour)
    accent: str = option("#f2a541", "the date and the bar at the bottom", check=checks.colour)
    font: str = option("", "a `.ttf`/`.otf` file in the site, as a path from there, for scripts"
                       " Lato lacks (Cyrillic, Greek, CJK, …)", shown="Lato", check=checks.font)


@dataclass(frozen=True)
class ChecksConfig:
    """`[checks]`: what `hubgen check` lets pass."""

    translations_before_original: bool = option(
        False, "a translation may go public before its original (the version in the default"
        " language): `true` where the versions are released on their own schedules; otherwise"
        " that is an error, a broken embargo")
    fact_labels: dict[str, tuple[str, ...]] = option(
        {}, "`fact = [\"word\", …]`: words the site's messages use for a fact, as in"
        " `Nennleistung: 35 MW` for `capacity`; a figure after one (with a `:`, or as in `eine"
        " Nennleistung von 35 MW`) is held against the fact. hubgen knows common ones already"
        " (`Leistung`, `Investition`, `Haushalte`, …)", example='capacity = ["Nennleistung"]')


@dataclass(frozen=True)
class Config:
    """A site's `hubgen.toml`, read and checked."""

    root: Path
    """The site folder (where `hubgen.toml` lives)."""
    site: SiteSettings = table(
        "The four folders are plain names of folders in the site folder, each its own (`templates`,"
        " `themes`, `hubgen.toml` and `.hubgen-cache` are taken); a problem here stops hubgen"
        " before it reads any folder.")
    company: Company = table("")
    contacts: dict[str, Contact] = option({}, "Media contacts; a message names one with `contact: NAME`.")
    social: dict[str, str] = option(
        {}, "The company's handle or URL per network: `x`, `linkedin`, `mastodon`, `bluesky`,"
        " `threads`, `instagram`, `facebook`.")
    press_kit: PressKit = table("", PressKit)
    channels: ChannelsConfig = table(
        "`{{ url }}` in a snippet is the message's URL with `utm_source` (default `{platform}`, or"
        " the channel where there is none), `utm_medium` (default `{channel}`) and `utm_campaign`"
        " (default `{slug}`). Press texts carry the plain URL: journalists quote it.", ChannelsConfig)
    share_images: ShareImages = table(
        "The pictures social networks show for a link (`og:image`): drawn per message with Pillow,"
        " with the message's image behind the text when it has one in a format Pillow reads (JPEG,"
        " PNG, WebP, GIF; not SVG: then a drawn background). The defaults are the default theme's"
        " colours.\n\n"
        "Drawn images are kept in `.hubgen-cache/share/` in the site folder (keep it out of version"
        " control; `hubgen init` adds it to `.gitignore`). An image is drawn again only when"
        " something it shows changes: title, date, language, company name, logo, colours, font, the"
        " picture's bytes or focus (`image_focus`) or hubgen's drawing. Deleting the folder is"
        " always safe; entries unused for 30 days are removed.", ShareImages)
    glossary: dict[str, tuple[str, ...]] = option(
        {}, '`"Preferred term" = ["variant", "other variant"]`: `hubgen check` warns of each variant'
        " in a message (title, summary, key message, facts, image text, snippets, body), as written"
        " (case-sensitive) and as a whole word: `Solar-Park` is flagged, `Solar-Parkplatz` is not.",
        example='"Preferred term" = ["variant", …]')
    checks: ChecksConfig = table("", ChecksConfig)
    key_lines: dict[str, int] = field(default_factory=dict)
    """The hubgen.toml line of each dotted key written (`channels.enabled`, `social.x`,
    `press_kit.downloads.0.file`), for problems found above the config layer."""

    @property
    def downloads(self) -> tuple[Download, ...]:
        """`[press_kit] downloads`."""
        return self.press_kit.downloads

    def line(self, key: str) -> int:
        """The line of a dotted key, or of the closest table around it that is written."""
        return line_of(self.key_lines, key)

    @property
    def content_path(self) -> Path:
        return self.root / self.site.content_dir

    @property
    def static_path(self) -> Path:
        return self.root / self.site.static_dir

    @property
    def output_path(self) -> Path:
        return self.root / self.site.output_dir

    @property
    def kit_path(self) -> Path:
        return self.root / self.site.kit_dir

    @property
    def sources(self) -> list[Path]:
        """Every folder and file the build reads from, which no output may overlap."""
        return [self.content_path, self.static_path, *(self.root / name for name in checks.SOURCES)]
