"""The newsroom's HTML pages: home (paginated), messages, tags, press kit, 404."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from hubgen.content.dates import format_date, format_time
from hubgen.model import Site
from hubgen.outputs.tree import FileTree
from hubgen.render.strings import translate
from hubgen.render.templates import Themes
from hubgen.render.views import ContactView, Link, MessageView, Pager, lang_prefix

__all__ = ["PER_PAGE", "relative_url", "render_pages"]

PER_PAGE = 12


@dataclass(frozen=True)
class PageInfo:
    kind: str
    title: str
    description: str
    path: str
    url: str
    alternates: tuple[Link, ...]
    feed_path: str


@dataclass
class _Renderer:
    site: Site
    themes: Themes
    tree: FileTree

    def page(self, template: str, lang: str, kind: str, path: str, title: str,
             alternates: tuple[Link, ...] = (), description: str = "", **extra: Any) -> None:
        config = self.site.config
        prefix = lang_prefix(self.site, lang)
        info = PageInfo(kind, title, description or config.site.title, path, config.url(path),
                        alternates, prefix + "atom.xml")
        t = partial(translate, lang)
        context = {
            "site": _SiteView(self.site), "lang": lang, "t": t, "page": info,
            "nav": [Link(prefix, t("home")), Link(prefix + "tags/", t("tags")),
                    Link(prefix + "press-kit/", t("press_kit"))],
            "rel": partial(relative_url, path, self._base_path() if kind == "404" else None),
            "format_date": lambda dt, style="long": format_date(dt, style, lang),
            "format_time": lambda dt: format_time(dt, lang),
            **extra,
        }
        target = path if path.endswith(".html") else path + "index.html"
        self.tree.add_text(target, self.themes.render(template, context))

    def _base_path(self) -> str:
        return urlsplit(self.site.config.site.base_url).path.rstrip("/") + "/"

    def same_page_in_languages(self, suffix: str, title_key: str) -> tuple[Link, ...]:
        return tuple(Link(lang_prefix(self.site, lang) + suffix, translate(lang, title_key), lang)
                     for lang in self.site.config.site.languages)


class _SiteView:
    """The `site` template variable: settings and company, not the messages."""

    def __init__(self, site: Site) -> None:
        config = site.config
        self.title = config.site.title
        self.base_url = config.site.base_url
        self.language = config.site.language
        self.languages = config.site.languages
        self.company = config.company
        self.social = config.social


def relative_url(page_path: str, absolute_base: str | None, target: str) -> str:
    """Link from the page at `page_path` to the site path `target`."""
    if absolute_base is not None:
        return absolute_base + target
    page_dir = page_path if page_path.endswith("/") else posixpath.dirname(page_path) + "/"
    relative = posixpath.relpath("/" + target, "/" + page_dir)
    if target.endswith("/") or not target:
        relative = relative.rstrip("/") + "/"
    return "./" if relative in ("./", "") else relative


def render_pages(site: Site, views: dict[str, list[MessageView]], themes: Themes,
                 tree: FileTree) -> None:
    """Render every page of every language into `tree`. `views` holds messages per language."""
    renderer = _Renderer(site, themes, tree)
    for lang in site.config.site.languages:
        messages = views.get(lang, [])
        _lists(renderer, lang, messages)
        for message in messages:
            alternates = (Link(message.path, message.title, lang), *message.translations)
            renderer.page("message.html", lang, "message", message.path, message.title,
                          alternates, message.summary, message=message)
        _tags(renderer, lang, messages)
        _press_kit(renderer, lang)
    renderer.page("404.html", site.config.site.language, "404", "404.html",
                  translate(site.config.site.language, "page_not_found"))


def _paginate(renderer: _Renderer, template: str, lang: str, kind: str, base: str, title: str,
              messages: list[MessageView], alternates: tuple[Link, ...] = (),
              **extra: Any) -> None:
    count = max(1, -(-len(messages) // PER_PAGE))

    def path(number: int) -> str:
        return base if number == 1 else f"{base}page/{number}/"

    for number in range(1, count + 1):
        pager = Pager(number, count, path(number - 1) if number > 1 else "",
                      path(number + 1) if number < count else "")
        chunk = messages[(number - 1) * PER_PAGE : number * PER_PAGE]
        renderer.page(template, lang, kind, path(number), title,
                      alternates if number == 1 else (), messages=chunk, pager=pager, **extra)


def _lists(renderer: _Renderer, lang: str, messages: list[MessageView]) -> None:
    _paginate(renderer, "home.html", lang, "home", lang_prefix(renderer.site, lang),
              renderer.site.config.site.title, messages,
              renderer.same_page_in_languages("", "home"))


def _tags(renderer: _Renderer, lang: str, messages: list[MessageView]) -> None:
    # Keyed by path: "Solar" and "solar" are one tag page, titled as first written.
    links: dict[str, Link] = {}
    by_tag: dict[str, list[MessageView]] = defaultdict(list)
    for message in messages:
        for tag in message.tags:
            links.setdefault(tag.path, tag)
            by_tag[tag.path].append(message)
    for path, tagged in by_tag.items():
        tag = links[path]
        _paginate(renderer, "tag.html", lang, "tag", path, tag.title, tagged, tag=tag)
    tags = sorted(links.values(), key=lambda link: link.title.casefold())
    prefix = lang_prefix(renderer.site, lang)
    renderer.page("tags.html", lang, "tags", prefix + "tags/", translate(lang, "all_tags"),
                  renderer.same_page_in_languages("tags/", "all_tags"),
                  tags=[_TagView(tag, len(by_tag[tag.path])) for tag in tags])


@dataclass(frozen=True)
class _TagView:
    link: Link
    count: int

    @property
    def title(self) -> str:
        return self.link.title

    @property
    def path(self) -> str:
        return self.link.path


def _press_kit(renderer: _Renderer, lang: str) -> None:
    config = renderer.site.config
    contacts = [ContactView(c.name, c.role_in(lang), c.email, c.phone)
                for c in config.contacts.values()]
    renderer.page("press_kit.html", lang, "press_kit", lang_prefix(renderer.site, lang) + "press-kit/",
                  translate(lang, "press_kit"), renderer.same_page_in_languages("press-kit/", "press_kit"),
                  contacts=contacts, downloads=list(config.downloads),
                  boilerplate=config.company.boilerplate.get(lang, ""))
