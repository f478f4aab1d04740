"""Metadata for machines: Open Graph locales, social profile URLs and schema.org JSON-LD.

Built here in Python, not in templates, so that it is typed, tested and escaped in one place;
templates only print it with the `jsonld` filter.
"""

from __future__ import annotations

import json
from typing import Any

from babel.core import get_global
from markupsafe import Markup

from hubgen.channels.platforms import profile_url
from hubgen.config import Config
from hubgen.newsroom.views import MessageView
from hubgen.paths import site_paths

__all__ = ["jsonld", "news_article", "og_locale", "organization", "profile_url"]

SCHEMA = "https://schema.org"


def og_locale(lang: str) -> str:
    """Open Graph wants `language_TERRITORY`: `de` → `de_DE`, `en` → `en_US`, `pt-BR` → `pt_BR`."""
    parts = lang.replace("-", "_").split("_")
    if len(parts) > 1 and parts[-1].isalpha() and len(parts[-1]) == 2:
        return f"{parts[0].lower()}_{parts[-1].upper()}"
    likely: str = get_global("likely_subtags").get(parts[0].lower(), "")
    territory = next((p for p in likely.split("_")[1:] if len(p) == 2 and p.isupper()), "")
    return f"{parts[0].lower()}_{territory}" if territory else parts[0].lower()


def organization(config: Config, lang: str, contacts: bool = False) -> dict[str, Any]:
    """The company as a schema.org Organization; with its media contacts for the press kit."""
    company = config.company
    data: dict[str, Any] = {"@type": "Organization", "name": company.name,
                            "url": company.website or site_paths(config).url("")}
    if company.short_name != company.name:
        data["alternateName"] = company.short_name
    if company.logo:
        data["logo"] = {"@type": "ImageObject", "url": site_paths(config).url(company.logo)}
    if links := [url for network, handle in config.social.items() if (url := profile_url(network, handle))]:
        data["sameAs"] = links
    if contacts:
        if boilerplate := company.boilerplate.get(lang):
            data["description"] = boilerplate
        data["contactPoint"] = [_contact_point(config, key, lang) for key in config.contacts]
    return data


def _contact_point(config: Config, key: str, lang: str) -> dict[str, Any]:
    contact = config.contacts[key]
    point: dict[str, Any] = {"@type": "ContactPoint", "name": contact.name,
                             "contactType": contact.role_in(lang) or "public relations",
                             "email": contact.email}
    if contact.phone:
        point["telephone"] = contact.phone
    return point


def news_article(config: Config, message: MessageView, images: list[str]) -> dict[str, Any]:
    """A message as a schema.org NewsArticle, as Google's article guidelines ask for it.

    `images` are absolute URLs, best first (the share images, then the message's own).
    """
    company = organization(config, message.lang)
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": message.url},
        "url": message.url,
        "headline": message.title,
        "description": message.summary,
        # Aware datetimes: isoformat() carries the offset, which Google requires.
        "datePublished": message.date.isoformat(),
        "dateModified": message.date.isoformat(),
        "inLanguage": message.lang,
        "author": company,
        "publisher": company,
    }
    if images:
        data["image"] = images
    if message.tags:
        data["keywords"] = [tag.title for tag in message.tags]
    return data


def jsonld(value: Any) -> Markup:
    """JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped as \\u003c etc.,
    so no text in the data can close the script element (`</script>`) or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # U+2028/2029 are valid in JSON but ended lines in older JavaScript parsers.
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
