"""The whole public newsroom of a site, as a FileTree: pages, feeds, sitemaps, search, share
images, press texts and static files."""

from __future__ import annotations

from datetime import UTC, datetime

from hubgen.errors import Problem, ProblemsError, Report
from hubgen.filetree import FileTree
from hubgen.memo import Memo, Namespace, fingerprint
from hubgen.model import Message, Site, Snippet
from hubgen.newsroom.assets import collect_assets
from hubgen.newsroom.feeds import render_feeds
from hubgen.newsroom.pages import newsroom_themes, render_pages
from hubgen.newsroom.press_texts import render_press_texts
from hubgen.newsroom.search import render_search_indexes
from hubgen.newsroom.share_images import add_share_images
from hubgen.newsroom.short_links import render_redirects, short_links
from hubgen.newsroom.sitemap import render_sitemaps
from hubgen.newsroom.views import MessageView, message_view
from hubgen.parallel import Phased, Progress, parallel_map
from hubgen.paths import site_paths
from hubgen.templates import TemplateProblem

__all__ = ["render_public"]


def render_public(site: Site, snippets: dict[Message, list[Snippet]], report: Report,
                  progress: Phased | None = None, now: datetime | None = None,
                  memo: Memo | None = None) -> FileTree:
    """The public newsroom of `site` (already reduced to what may be published). `now` is the
    build time; the news sitemap lists the messages of the two days before it."""
    tree = FileTree()
    memo = memo or Memo()
    themes = newsroom_themes(site.config, memo)
    now = now or datetime.now(UTC)
    views = _views(site, report, progress.phase("rendering newsroom") if progress else None, memo, now)
    links = short_links(site, snippets)
    try:
        pages = render_pages(site, views, themes, tree, links)
    except TemplateProblem as exc:
        raise ProblemsError([*report.problems, exc.problem]) from None
    render_feeds(site, views, tree)
    render_sitemaps(site, pages, views, now, tree)
    render_search_indexes(site, views, tree, memo)
    if site.config.share_images.enabled:
        if progress:
            progress.phase("share images")
        add_share_images(site.config, (v for lang in views.values() for v in lang), tree, memo)
    render_press_texts(site, (s for m in site.messages for s in snippets[m]), tree)
    render_redirects(site, links, tree)
    collect_assets(site, themes.static_folders, tree, report)
    return tree


def _views(site: Site, report: Report, progress: Progress | None, memo: Memo,
           now: datetime) -> dict[str, list[MessageView]]:
    config, paths = fingerprint(site.config), site_paths(site.config)
    # A view shows its translations' titles and paths: they are part of its key; and whether
    # the message is public yet, which time alone changes.
    keys = [fingerprint(config, message, message.publish_at > now,
                        [(m.lang, paths.message(m), m.title) for m in site.translations(message)])
            for message in site.messages]

    def make(positions: list[int]) -> list[tuple[MessageView, tuple[Problem, ...]]]:
        return parallel_map(_view_with_problems, positions, (site, now), progress=progress)

    views: dict[str, list[MessageView]] = {lang: [] for lang in site.config.site.languages}
    for view in memo.map(Namespace.VIEW, keys, report, make):
        views[view.lang].append(view)
    return views


def _view_with_problems(shared: tuple[Site, datetime],
                        position: int) -> tuple[MessageView, tuple[Problem, ...]]:
    site, now = shared
    report = Report()
    return message_view(site, site.messages[position], report, now), tuple(report.problems)
