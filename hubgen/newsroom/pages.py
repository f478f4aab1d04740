"""The newsroom's HTML pages: home (paginated), messages, tags, press kit, search, 404."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Any

from hubgen.config import Config
from hubgen.content.dates import format_date, format_time
from hubgen.filetree import FileTree
from hubgen.memo import Memo
from hubgen.model import Site
from hubgen.newsroom.media import gallery, logo_files
from hubgen.newsroom.metadata import SCHEMA, jsonld, news_article, og_locale, organization, profile_url
from hubgen.newsroom.own_images import raster_size
from hubgen.newsroom.share_images import FORMATS
from hubgen.newsroom.short_links import ShortLink
from hubgen.newsroom.strings import translate
from hubgen.newsroom.views import ContactView, Link, MessageView, Pager, by_tag
from hubgen.paths import (
    NOT_FOUND_PAGE,
    SitePaths,
    feed,
    list_page,
    page_file,
    relative_url,
    share_images,
    site_paths,
)
from hubgen.templates import Themes

__all__ = ["PER_PAGE", "ImageInfo", "PageInfo", "message_images", "newsroom_themes", "preview_images",
           "render_message_page", "render_pages"]

PER_PAGE = 12


@dataclass(frozen=True)
class ImageInfo:
    """A link-preview image (og:image): absolute URL, size in pixels, text alternative."""

    url: str
    width: int
    height: int
    alt: str
    type: str = "image/jpeg"


@dataclass(frozen=True)
class PageInfo:
    kind: str
    title: str
    description: str
    path: str
    url: str
    alternates: tuple[Link, ...]
    feed_path: str
    lang: str = ""
    og_type: str = "website"
    locale: str = ""
    """Open Graph locale of the page (`de_DE`); `locale_alternates` those of its translations."""
    locale_alternates: tuple[str, ...] = ()
    feeds: tuple[Link, ...] = ()
    """Atom feeds for <link rel="alternate">: the language's, and on tag pages the tag's."""
    images: tuple[ImageInfo, ...] = ()
    """Link-preview images, the 1200×630 one first."""
    structured_data: tuple[dict[str, Any], ...] = ()
    """schema.org JSON-LD objects, printed with the `jsonld` filter."""
    noindex: bool = False
    """Search engines should not list it (search results, 404); it is in no sitemap."""
    lastmod: datetime | None = None
    """The newest message the page shows: the sitemap's lastmod."""
    paginated: bool = False
    """Page 2 or later of a list: in no sitemap, as Hugo and Google advise."""


@dataclass
class _Renderer:
    site: Site
    themes: Themes
    tree: FileTree
    rendered: list[PageInfo]
    remember: bool = True
    """Pages go through the page memo; not those of a message's pass, remembered whole."""
    deferred: list[tuple[str, str, dict[str, Any]]] | None = None
    """Pages to render all at once (`finish`), on all cores: file, template, context."""

    @property
    def paths(self) -> SitePaths:
        return site_paths(self.site.config)

    def page(self, template: str, lang: str, kind: str, path: str, title: str,
             alternates: tuple[Link, ...] = (), description: str = "",
             meta: dict[str, Any] | None = None, **extra: Any) -> None:
        """Render one page; `meta` sets further PageInfo fields (images, feeds, JSON-LD, …)."""
        config, paths = self.site.config, self.paths
        site_feed = feed(paths.prefix(lang))
        t = partial(translate, lang)
        info = PageInfo(kind, title, description or config.site.title, path, paths.url(path),
                        alternates, site_feed, lang, locale=og_locale(lang),
                        locale_alternates=tuple(og_locale(a.lang) for a in alternates if a.lang != lang),
                        feeds=(Link(site_feed, config.site.title, lang),),
                        images=self.site_images(lang))
        info = replace(info, **(meta or {}))
        context = {
            "site": _SiteView(self.site), "lang": lang, "t": t, "page": info,
            "nav": [Link(paths.prefix(lang), t("home")), Link(paths.tags(lang), t("tags")),
                    Link(paths.press_kit(lang), t("press_kit")), Link(paths.search(lang), t("search"))],
            "rel": partial(relative_url, path, paths.base_path if kind == "404" else None),
            "format_date": lambda dt, style="long": format_date(dt, style, lang),
            "format_time": lambda dt: format_time(dt, lang),
            **extra,
        }
        if self.deferred is not None:
            self.deferred.append((page_file(path), template, context))
        else:
            self.tree.add_bytes(page_file(path), self.themes.render(template, context, self.remember))
        self.rendered.append(info)

    def finish(self) -> None:
        """Render the deferred pages."""
        jobs, self.deferred = self.deferred or [], None
        pages = self.themes.render_all([(template, context) for _, template, context in jobs])
        for (file, _, _), page in zip(jobs, pages, strict=True):
            self.tree.add_bytes(file, page)

    def same_page_in_languages(self, path_in: Callable[[str], str], title_key: str) -> tuple[Link, ...]:
        """`path_in(lang)` is the page's path in a language (`SitePaths.tags`)."""
        return tuple(Link(path_in(lang), translate(lang, title_key), lang)
                     for lang in self.site.config.site.languages)

    def site_images(self, lang: str) -> tuple[ImageInfo, ...]:
        """The newsroom's own share images, for every page that is not a message."""
        return preview_images(self.site.config, self.paths.prefix(lang), self.site.config.site.title)


def preview_images(config: Config, folder: str, alt: str,
                   picture: tuple[str, str] = ("", "")) -> tuple[ImageInfo, ...]:
    """The link-preview images of the page at `folder`: its share images, or with those
    switched off its `picture` (a path in content/ and its text), else the company's logo,
    where they are raster images."""
    paths = site_paths(config)
    if config.share_images.enabled:
        return tuple(ImageInfo(paths.url(path), f.width, f.height, alt)
                     for path, f in zip(share_images(folder), FORMATS, strict=True))
    candidates = [(config.content_path, *picture)]
    candidates.append((config.static_path, config.company.logo, config.company.name))
    for folder_path, name, text in candidates:
        size = raster_size(folder_path / name) if name else None
        if size is not None:
            return (ImageInfo(paths.url(name), *size[:2], text, size[2]),)
    return ()


def message_images(config: Config, view: MessageView) -> tuple[ImageInfo, ...]:
    """The link-preview images of a message's page (and of its short links)."""
    return preview_images(config, view.path, view.title, (view.image, view.image_alt))


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
        x = config.social.get("x", "")  # a handle, or a profile URL: twitter:site wants the handle
        self.x_handle = x.rstrip("/").rsplit("/", 1)[-1].lstrip("@")


def newsroom_themes(config: Config, memo: Memo | None = None) -> Themes:
    """The newsroom's templates, with the helpers its pages call."""
    return Themes(config, memo=memo, helpers={"jsonld": jsonld, "profile_url": profile_url})


def render_pages(site: Site, views: dict[str, list[MessageView]], themes: Themes,
                 tree: FileTree, links: dict[str, list[ShortLink]] | None = None,
                 done: dict[str, list[PageInfo]] | None = None) -> list[PageInfo]:
    """Render every page of every language into `tree`. `views` holds messages per language,
    `links` the short links of each message page's posts; `done` the pages of messages already
    in `tree` (`render_message_files`), by message path. Returns what was rendered, for the
    sitemap."""
    renderer = _Renderer(site, themes, tree, [], deferred=[])
    for lang in site.config.site.languages:
        messages = views.get(lang, [])
        _lists(renderer, lang, messages)
        for message in messages:
            if done is not None and message.path in done:
                renderer.rendered += done[message.path]
            else:
                _message(renderer, lang, message, (links or {}).get(message.path, ()))
        _tags(renderer, lang, messages)
        _press_kit(renderer, lang, messages)
        _search(renderer, lang)
    renderer.page("404.html", site.config.site.language, "404", NOT_FOUND_PAGE,
                  translate(site.config.site.language, "page_not_found"), meta={"noindex": True})
    renderer.finish()
    return renderer.rendered


def render_message_page(site: Site, view: MessageView, themes: Themes, tree: FileTree,
                        links: Sequence[ShortLink] = (), remember: bool = True) -> list[PageInfo]:
    """One message's page (and its posts' short links) alone, as render_pages makes it (the
    preview's fast render, a message's pass); what it rendered, for the sitemap."""
    renderer = _Renderer(site, themes, tree, [], remember)
    _message(renderer, view.lang, view, links)
    return renderer.rendered


def _message(renderer: _Renderer, lang: str, message: MessageView,
             links: Sequence[ShortLink] = ()) -> None:
    config = renderer.site.config
    images = message_images(config, message)
    pictures = [i.url for i in images]
    if message.image and renderer.paths.url(message.image) not in pictures:
        pictures.append(renderer.paths.url(message.image))
    alternates = (Link(message.path, message.title, lang), *message.translations)
    renderer.page("message.html", lang, "message", message.path, message.title, alternates,
                  message.summary, message=message,
                  boilerplate=config.company.boilerplate.get(lang, ""),
                  about=translate(lang, "about_company").format(company=config.company.short_name),
                  meta={"og_type": "article", "images": images, "lastmod": message.date,
                        "structured_data": (news_article(config, message, pictures),)})
    for link in links:
        _short_link(renderer, lang, message, link, images)


def _short_link(renderer: _Renderer, lang: str, message: MessageView, link: ShortLink,
                images: tuple[ImageInfo, ...]) -> None:
    """A post's short link: the message page's preview tags and `images`, canonical the message
    page, noindex (so in no sitemap), forwarding to the tagged URL."""
    renderer.page("short_link.html", lang, "short-link", link.path, message.title, (),
                  message.summary, target=link.target, message=message,
                  meta={"og_type": "article", "images": images, "url": message.url,
                        "noindex": True})


def _paginate(renderer: _Renderer, template: str, lang: str, kind: str, base: str, title: str,
              messages: list[MessageView], alternates: tuple[Link, ...] = (),
              meta: dict[str, Any] | None = None, **extra: Any) -> None:
    count = max(1, -(-len(messages) // PER_PAGE))
    path = partial(list_page, base)
    lastmod = max((m.date for m in messages), default=None)
    for number in range(1, count + 1):
        pager = Pager(number, count, path(number - 1) if number > 1 else "",
                      path(number + 1) if number < count else "")
        chunk = messages[(number - 1) * PER_PAGE : number * PER_PAGE]
        renderer.page(template, lang, kind, path(number), title,
                      alternates if number == 1 else (), messages=chunk, pager=pager,
                      meta={**(meta or {}), "lastmod": lastmod, "paginated": number > 1}, **extra)


def _lists(renderer: _Renderer, lang: str, messages: list[MessageView]) -> None:
    _paginate(renderer, "home.html", lang, "home", renderer.paths.prefix(lang),
              renderer.site.config.site.title, messages,
              renderer.same_page_in_languages(renderer.paths.prefix, "home"),
              press_contact=_press_contact(renderer.site, lang),
              press_kit_path=renderer.paths.press_kit(lang))


def _press_contact(site: Site, lang: str) -> ContactView | None:
    """The home page's press contact: the first of `[contacts]`."""
    contact = next(iter(site.config.contacts.values()), None)
    return ContactView(contact.name, contact.role_in(lang), contact.email, contact.phone) if contact else None


def _tags(renderer: _Renderer, lang: str, messages: list[MessageView]) -> None:
    groups = by_tag(messages)
    title = renderer.site.config.site.title
    paths = renderer.paths
    site_feed = Link(feed(paths.prefix(lang)), title, lang)
    for path, (tag, tagged) in groups.items():
        tag_feed = Link(feed(path), f"{title}: {tag.title}", lang)
        _paginate(renderer, "tag.html", lang, "tag", path, tag.title, tagged, tag=tag,
                  tags_path=paths.tags(lang), tag_feed=tag_feed,
                  meta={"feeds": (site_feed, tag_feed)})
    tags = sorted((tag for tag, _ in groups.values()), key=lambda link: link.title.casefold())
    renderer.page("tags.html", lang, "tags", paths.tags(lang), translate(lang, "all_tags"),
                  renderer.same_page_in_languages(paths.tags, "all_tags"),
                  tags=[_TagView(tag, len(groups[tag.path][1])) for tag in tags],
                  meta={"lastmod": max((m.date for m in messages), default=None)})


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


def _press_kit(renderer: _Renderer, lang: str, messages: list[MessageView]) -> None:
    config = renderer.site.config
    contacts = [ContactView(c.name, c.role_in(lang), c.email, c.phone)
                for c in config.contacts.values()]
    company = {"@context": SCHEMA, **organization(config, lang, contacts=True)}
    paths = renderer.paths
    renderer.page("press_kit.html", lang, "press_kit", paths.press_kit(lang), translate(lang, "press_kit"),
                  renderer.same_page_in_languages(paths.press_kit, "press_kit"),
                  contacts=contacts, downloads=list(config.downloads),
                  logos=logo_files(config, lang), gallery=gallery(config, messages, lang),
                  boilerplate=config.company.boilerplate.get(lang, ""),
                  meta={"structured_data": (company,)})


def _search(renderer: _Renderer, lang: str) -> None:
    paths = renderer.paths
    renderer.page("search.html", lang, "search", paths.search(lang), translate(lang, "search"),
                  renderer.same_page_in_languages(paths.search, "search"),
                  search_index=paths.search_index(lang), meta={"noindex": True})
