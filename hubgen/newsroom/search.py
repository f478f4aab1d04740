"""The search index: per language, the words of every published message, for the search page.

Built from the same views as the pages, so only published messages are in it. It is a script
(`search/search-index.js`), not a JSON file fetched at run time: a <script src> also loads from
a folder opened as file://, where fetch() is refused. The search page's own script
(`assets/search.js` of the theme) matches the words in the browser. The README says why hubgen
does not use Pagefind.
"""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser

from hubgen.content.dates import format_date
from hubgen.filetree import FileTree
from hubgen.model import Site
from hubgen.newsroom.views import MessageView
from hubgen.paths import relative_url, site_paths

__all__ = ["message_search_entry", "normalize", "render_search_indexes", "search_entry"]

GLOBAL_NAME = "hubgenSearchIndex"
_WORD = re.compile(r"\w+")
# Words with umlauts are indexed a second time spelt out, so "Buergerwindpark" finds them too.
_SPELT_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def render_search_indexes(site: Site, views: dict[str, list[MessageView]], tree: FileTree,
                          entries: dict[str, dict[str, object]]) -> None:
    """`entries`: each view's (`message_search_entry`, made in its message's pass), by path."""
    paths = site_paths(site.config)
    for lang in site.config.site.languages:
        data = json.dumps([entries[view.path] for view in views.get(lang, [])], ensure_ascii=False,
                          separators=(",", ":"))
        tree.add_text(paths.search_index(lang), f"window.{GLOBAL_NAME} = {data};\n")


def message_search_entry(site: Site, view: MessageView) -> dict[str, object]:
    """The entry of `view` in its language's index."""
    return search_entry(view, site_paths(site.config).search(view.lang))


def search_entry(view: MessageView, folder: str) -> dict[str, object]:
    """One message, short keys to keep the file small: title, summary, date, URL relative to the
    search page (so it works under any base path), tags, and the normalised words of it all;
    for a message a preview shows before it is public, why not yet (`x`: kind and text, as
    partials/status.html marks it), so a result is marked like its page. A normal build has
    no such message, so public/ never has the key."""
    text = " ".join((view.title, view.summary, view.key_message, *(t.title for t in view.tags),
                     _html_text(str(view.body_html))))
    entry: dict[str, object] = {
        "t": view.title, "s": view.summary, "d": format_date(view.date, "medium", view.lang),
        "u": relative_url(folder, None, view.path), "g": [t.title for t in view.tags],
        "w": " ".join(_words(text))}
    if view.status:
        entry["x"] = [[status.kind, status.text] for status in view.status]
    return entry


def normalize(text: str) -> str:
    """Lower case without accents, ß as ss; assets/search.js normalises queries the same way."""
    if text.isascii():  # no ASCII character decomposes or is a mark, and none is ß
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return stripped.lower().replace("ß", "ss")


def _words(text: str) -> list[str]:
    found: dict[str, None] = {}
    # Split first, then normalise each distinct word once, in order of first use (a repeat
    # would only add keys already there). Normalising the whole text first would change the
    # words: a decomposed accent ends a \w run, and "½" is one word but "1⁄2" after NFKD.
    for word in dict.fromkeys(_WORD.findall(text.lower())):
        found[normalize(word)] = None
        if (spelt := word.translate(_SPELT_OUT)) != word:
            found[normalize(spelt)] = None
    return list(found)


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)
