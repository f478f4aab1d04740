"""The typed configuration. Each field's docstring is the user documentation of its key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

CHANNELS = ("press", "social", "recruiting", "newsletter", "advocacy")
PLATFORMS = ("x", "linkedin", "mastodon", "bluesky", "threads", "instagram", "facebook")


@dataclass(frozen=True)
class SiteSettings:
    title: str
    """Name of the newsroom, shown in the header and the browser tab. Required."""
    base_url: str
    """Absolute URL the public site is deployed at, e.g. `https://newsroom.example.com`. Required."""
    language: str
    """Default language (`de`, `en`, …): served at the root of the site. Required."""
    languages: tuple[str, ...]
    """All languages of the site; others are served under `/<lang>/`. Default: the default one."""
    timezone: ZoneInfo
    """IANA time zone for dates written without an offset. Default: `UTC`."""
    theme: str = "default"
    """`default` (ships with hubgen) or a folder path, relative to the site."""
    content_dir: str = "content"
    """Folder of the messages. Default: `content`."""
    static_dir: str = "static"
    """Folder copied as it is into the public site (CSS, logos, downloads). Default: `static`."""
    output_dir: str = "public"
    """Folder of the deployable newsroom. Default: `public`."""
    kit_dir: str = "kit"
    """Folder of the internal channel kit (never deploy it). Default: `kit`."""


@dataclass(frozen=True)
class Company:
    name: str
    """Legal name used in press texts and the press kit. Default: the site title."""
    short_name: str
    """Name used in running text and share images. Default: `name`."""
    logo: str = ""
    """Path of the logo inside `static/`, shown in the header and the press kit."""
    website: str = ""
    """The company's main website."""
    boilerplate: dict[str, str] = field(default_factory=dict)
    """`About us` paragraph per language, closing every press release."""


@dataclass(frozen=True)
class Contact:
    key: str
    name: str
    """Full name. Required for each `[contacts.<key>]`."""
    email: str
    """E-mail address. Required."""
    phone: str = ""
    role: dict[str, str] = field(default_factory=dict)
    """Role per language, or one string for all."""

    def role_in(self, lang: str) -> str:
        return self.role.get(lang) or next(iter(self.role.values()), "")


@dataclass(frozen=True)
class Download:
    title: str
    file: str
    """Path inside `static/`."""


@dataclass(frozen=True)
class ChannelsConfig:
    enabled: tuple[str, ...] = CHANNELS
    """Channels rendered for every message. Default: all five."""
    platforms: tuple[str, ...] = PLATFORMS
    """Social networks a post is made for. Default: all seven."""
    recruiting_url: str = ""
    """Careers page that derived recruiting blurbs link to."""
    utm: dict[str, str] = field(default_factory=dict)
    """Campaign parameters added to `{{ url }}`: `source`, `medium`, `campaign` (`{slug}`,
    `{channel}`, `{platform}` are replaced)."""


@dataclass(frozen=True)
class ShareImages:
    """`[share_images]`: the pictures social networks show for a link to the newsroom."""

    background: str = "#0b2545"
    """Background colour where a message has no (readable) image. Default: the default theme's navy."""
    text: str = "#ffffff"
    """Colour of the title. Default: white."""
    muted: str = "#b9c7d6"
    """Colour of the company name. Default: the default theme's light blue-grey."""
    accent: str = "#f2a541"
    """Colour of the date and the accent bar. Default: the default theme's warm sun."""
    font: str = ""
    """A TrueType/OpenType font file, relative to the site, for scripts Lato lacks (Cyrillic, Greek,
    CJK). Default: Lato, from the font-lato package."""


@dataclass(frozen=True)
class Config:
    root: Path
    """The site folder (where `hubgen.toml` lives)."""
    site: SiteSettings
    company: Company
    contacts: dict[str, Contact] = field(default_factory=dict)
    """Media contacts, keyed by the name messages use in `contact:`."""
    social: dict[str, str] = field(default_factory=dict)
    """The company's handle or URL per network (`x`, `linkedin`, `mastodon`, …)."""
    downloads: tuple[Download, ...] = ()
    """`[press_kit] downloads`: files offered on the press kit page."""
    channels: ChannelsConfig = field(default_factory=ChannelsConfig)
    glossary: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Preferred term = [variants to flag]."""
    share_images: ShareImages = field(default_factory=ShareImages)

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

    def url(self, path: str) -> str:
        """Absolute URL of a site path such as `news/x/`."""
        return self.site.base_url.rstrip("/") + "/" + path.lstrip("/")
