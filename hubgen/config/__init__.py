"""The site configuration: `hubgen.toml` read, validated and typed."""

from hubgen.config.load import CONFIG_FILE, load_config
from hubgen.config.schema import ChannelsConfig, Company, Config, Contact, Download, ShareImages, SiteSettings

__all__ = [
    "CONFIG_FILE",
    "ChannelsConfig",
    "Company",
    "Config",
    "Contact",
    "Download",
    "ShareImages",
    "SiteSettings",
    "load_config",
]
