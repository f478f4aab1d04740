"""UI strings of the themes, per language. English is the fallback for other languages."""

from __future__ import annotations

__all__ = ["LANGUAGE_NAMES", "STRINGS", "translate"]

LANGUAGE_NAMES = {"de": "Deutsch", "en": "English", "fr": "Français", "es": "Español",
                  "it": "Italiano", "nl": "Nederlands", "da": "Dansk", "pl": "Polski"}

STRINGS: dict[str, dict[str, str]] = {
    "de": {
        "home": "Newsroom",
        "latest_news": "Aktuelle Meldungen",
        "read_more": "Weiterlesen",
        "press_kit": "Pressekit",
        "tags": "Themen",
        "all_tags": "Alle Themen",
        "tagged": "Meldungen zum Thema",
        "media_contact": "Pressekontakt",
        "download_press_release": "Pressemitteilung als Text",
        "other_languages": "Auch verfügbar auf",
        "page_not_found": "Seite nicht gefunden",
        "page_not_found_text": "Diese Seite gibt es nicht (mehr).",
        "back_home": "Zur Startseite",
        "previous_page": "Neuere Meldungen",
        "next_page": "Ältere Meldungen",
        "page": "Seite",
        "of": "von",
        "boilerplate_heading": "Über uns",
        "downloads": "Downloads",
        "contacts": "Ansprechpartner",
        "skip_to_content": "Zum Inhalt springen",
        "published": "Veröffentlicht",
        "feed": "Atom-Feed",
        "messages_count": "Meldungen",
        "newsroom": "Newsroom",
        "main_navigation": "Hauptnavigation",
        "language": "Sprache",
        "more_news": "Weitere Meldungen",
        "no_messages": "Noch keine Meldungen.",
        "pagination": "Seitennavigation",
        "download_image": "Bild in voller Größe",
        "email": "E-Mail",
        "phone": "Telefon",
        "social_media": "Social Media",
    },
    "en": {
        "home": "Newsroom",
        "latest_news": "Latest news",
        "read_more": "Read more",
        "press_kit": "Press kit",
        "tags": "Topics",
        "all_tags": "All topics",
        "tagged": "News on",
        "media_contact": "Media contact",
        "download_press_release": "Press release as text",
        "other_languages": "Also available in",
        "page_not_found": "Page not found",
        "page_not_found_text": "This page does not exist (any more).",
        "back_home": "Back to the newsroom",
        "previous_page": "Newer news",
        "next_page": "Older news",
        "page": "Page",
        "of": "of",
        "boilerplate_heading": "About us",
        "downloads": "Downloads",
        "contacts": "Contacts",
        "skip_to_content": "Skip to content",
        "published": "Published",
        "feed": "Atom feed",
        "messages_count": "messages",
        "newsroom": "Newsroom",
        "main_navigation": "Main navigation",
        "language": "Language",
        "more_news": "More news",
        "no_messages": "No news yet.",
        "pagination": "Pagination",
        "download_image": "Full-size image",
        "email": "Email",
        "phone": "Phone",
        "social_media": "Social media",
    },
}


def translate(lang: str, key: str) -> str:
    """The UI string `key` in `lang`; KeyError for a key no language has."""
    table = STRINGS.get(lang, STRINGS["en"])
    return table[key] if key in table else STRINGS["en"][key]
