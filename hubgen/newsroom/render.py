"""The whole public newsroom of a site, as a FileTree: pages, feeds, sitemaps, search, share
images, press texts and static files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from hubgen.errors import ProblemsError, Report
from hubgen.filetree import Content, FileTree
from hubgen.memo import Memo
from hubgen.model import Message, Site, Snippet
from hubgen.newsroom.assets import collect_assets
from hubgen.newsroom.feeds import render_feeds
from hubgen.newsroom.pages import PageInfo, newsroom_themes, render_message_page, render_pages
from hubgen.newsroom.press_texts import render_press_texts
from hubgen.newsroom.search import message_search_entry, render_search_indexes
from hubgen.newsroom.share_images import add_share_images
from hubgen.newsroom.short_links import render_redirects, short_links, site_links
from hubgen.newsroom.sitemap import in_sitemap, render_sitemaps
from hubgen.newsroom.views import MessageView, message_view
from hubgen.parallel import Phased
from hubgen.templates import TemplateProblem, Themes

__all__ = ["MessageOutput", "render_message", "render_public"]


@dataclass(frozen=True)
class MessageOutput:
    """What a published message's pass made for the newsroom: its view, its page and short
    links (files, and the PageInfo of those in the sitemap: the short links' were a quarter of
    the pass a build reads back) and its search entry."""

    view: MessageView
    pages: tuple[PageInfo, ...]
    files: dict[str, Content]
    """Bytes as made, Blobs as read back from the build cache: its page, short-link pages and
    press text."""
    search: dict[str, object]
    links: dict[str, str]
    """Its short links' paths and targets, for the site's `_redirects` (plain text: read back
    as ShortLinks, they cost more than finding them again)."""


def render_message(site: Site, message: Message, snippets: list[Snippet], themes: Themes,
                   report: Report, now: datetime) -> MessageOutput:
    """One published message's part of the newsroom, made without the rest of the site
    (`site` is the public one: its translations are linked). TemplateProblem for a broken
    template."""
    view = message_view(site, message, report, now)
    tree = FileTree()
    alone = Site(site.config, (message,))
    links = short_links(alone, {message: snippets}).get(view.path, [])
    pages = render_message_page(site, view, themes, tree, links, remember=False)
    render_press_texts(alone, snippets, tree)
    return MessageOutput(view, tuple(filter(in_sitemap, pages)), tree.texts, message_search_entry(site, view),
                         {link.path: link.target for link in links})


def render_public(site: Site, outputs: dict[Message, MessageOutput], report: Report,
                  progress: Phased | None = None, now: datetime | None = None,
                  memo: Memo | None = None) -> FileTree:
    """The public newsroom of `site` (already reduced to what may be published), around the
    `outputs` of its messages' passes. `now` is the build time; the news sitemap lists the
    messages of the two days before it."""
    tree = FileTree()
    memo = memo or Memo()
    themes = newsroom_themes(site.config, memo)
    now = now or datetime.now(UTC)
    views: dict[str, list[MessageView]] = {lang: [] for lang in site.config.site.languages}
    done: dict[str, list[PageInfo]] = {}
    for message in site.messages:
        output = outputs[message]
        views[output.view.lang].append(output.view)
        done[output.view.path] = list(output.pages)
        tree.texts.update(output.files)
    if progress:
        progress.phase("rendering newsroom")
    try:
        pages = render_pages(site, views, themes, tree, done=done)
    except TemplateProblem as exc:
        raise ProblemsError([*report.problems, exc.problem]) from None
    render_feeds(site, views, tree)
    render_sitemaps(site, pages, views, now, tree)
    render_search_indexes(site, views, tree, {o.view.path: o.search for o in outputs.values()})
    if site.config.share_images.enabled:
        if progress:
            progress.phase("share images")
        add_share_images(site.config, (v for lang in views.values() for v in lang), tree, memo)
    render_redirects(site, site_links(site, {m: outputs[m].links for m in site.messages}), tree)
    collect_assets(site, themes.static_folders, tree, report)
    return tree
