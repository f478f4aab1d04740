"""`build()`: the table of contents of a build."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from hubgen.build.options import BuildOptions, BuildResult
from hubgen.build.skip import BuildPlan, plan_build
from hubgen.build.write import write_folders
from hubgen.channels import limit_problems, site_snippets
from hubgen.checks import run_checks
from hubgen.config import load_config
from hubgen.content.load import load_site
from hubgen.errors import Problem, ProblemsError, Report
from hubgen.memo import Memo, fingerprint
from hubgen.model import Message, Site, Snippet
from hubgen.outputs.assets import collect_assets
from hubgen.outputs.feeds import render_feeds
from hubgen.outputs.kit import render_kit_files
from hubgen.outputs.kit_pages import render_kit_pages
from hubgen.outputs.pages import render_pages
from hubgen.outputs.press import render_press_texts
from hubgen.outputs.search import render_search_indexes
from hubgen.outputs.share_images import add_share_images
from hubgen.outputs.sitemap import NEWS_WINDOW, render_sitemaps
from hubgen.outputs.tree import FileTree
from hubgen.parallel import parallel_map
from hubgen.render.templates import TemplateProblem, Themes
from hubgen.render.views import MessageView, message_view

__all__ = ["BuildOptions", "BuildResult", "Progress", "Rendered", "build", "load", "publishable", "render"]

Progress = Callable[[int, int], None]


def load(root: Path, report: Report, memo: Memo | None = None) -> Site:
    """Config and messages, checked; raises ProblemsError with every problem found."""
    config = load_config(root, report)
    if config is None:
        report.raise_if_errors()
    assert config is not None
    site = load_site(config, report, memo)
    report.raise_if_errors()
    return site


@dataclass(frozen=True)
class Rendered:
    """A whole build in memory, before anything is written."""

    site: Site
    published: int
    public: FileTree
    kit: FileTree
    over_limit: list[Problem]
    warnings: list[Problem]


def render(options: BuildOptions, progress: Progress | None = None,
           memo: Memo | None = None) -> Rendered:
    """Read, check and render everything; ProblemsError if anything but limits is wrong.

    With the memo of an earlier render, only what changed since is made again."""
    memo = memo or Memo()
    report = Report()
    site = load(options.root, report, memo)
    now = options.now or datetime.now(UTC)
    public = site.select(publishable(options, now))
    snippets = site_snippets(site, report, memo)
    run_checks(site, snippets, report, memo)
    public_tree = render_public(public, snippets, report, progress, now, memo)
    kit_tree = render_kit(site, snippets, now, memo)
    memo.forget_unused()
    over_limit = limit_problems(snippets)
    if report.errors:  # every problem of the run, the limits too
        raise ProblemsError(report.problems + over_limit)
    return Rendered(site, len(public.messages), public_tree, kit_tree, over_limit, report.problems)


def build(options: BuildOptions, progress: Progress | None = None,
          plan: BuildPlan | None = None) -> BuildResult:
    started = time.perf_counter()
    plan = plan or plan_build(options)
    if plan.unchanged is not None:
        return plan.unchanged
    if plan.config is None:
        render(options)  # raises with every problem, the content's too
        raise AssertionError("a config with errors must stop the build")  # never write blind

    # Phase 1: render everything in memory; nothing is written if anything fails.
    memo = Memo() if options.clean else plan.cache.memo()
    rendered = render(replace(options, now=plan.now), progress, memo)

    # Phase 2: swap the finished folders in. Over-long snippets fail the build but still
    # reach the internal kit, where the writer sees them marked; public/ stays as it was.
    build_id = plan.cache.new_build_id()
    if rendered.over_limit:
        write_folders({plan.kit_output: rendered.kit}, build_id)
        raise ProblemsError(rendered.over_limit)
    written = write_folders({plan.output: rendered.public, plan.kit_output: rendered.kit}, build_id,
                            link_from=plan.cache.folder,
                            previous=None if options.clean else plan.cache.written())
    summary = (len(rendered.site.messages), rendered.published,
               sum(p.endswith(".html") for p in rendered.public.paths()), len(rendered.public.paths()))
    valid_until, warnings = _valid_until(rendered.site, plan.now, options), rendered.warnings
    del rendered  # the written trees: their memory is better spent on pickling the cache
    plan.cache.save(plan.inputs, valid_until, summary, memo, build_id, warnings,
                    (plan.output, plan.kit_output), written)
    return BuildResult(*summary, seconds=time.perf_counter() - started, output=plan.output,
                       warnings=warnings)


def _valid_until(site: Site, now: datetime, options: BuildOptions) -> datetime | None:
    """When time alone changes the output: an embargo lifts, a message leaves the news sitemap."""
    instants = [m.publish_at for m in site.messages if m.publish_at > now and not options.future]
    instants += [m.date + NEWS_WINDOW for m in site.messages if m.date + NEWS_WINDOW > now]
    return min(instants, default=None)


def publishable(options: BuildOptions, now: datetime) -> Callable[[Message], bool]:
    def keep(message: Message) -> bool:
        return ((options.drafts or not message.draft)
                and (options.future or message.publish_at <= now))
    return keep


def render_public(site: Site, snippets: dict[Message, list[Snippet]], report: Report,
                  progress: Progress | None = None, now: datetime | None = None,
                  memo: Memo | None = None) -> FileTree:
    """The public newsroom of `site` (already reduced to what may be published). `now` is the
    build time; the news sitemap lists the messages of the two days before it."""
    tree = FileTree()
    memo = memo or Memo()
    themes = Themes(site.config, memo=memo)
    views = _views(site, report, progress, memo)
    try:
        pages = render_pages(site, views, themes, tree)
    except TemplateProblem as exc:
        raise ProblemsError([*report.problems, exc.problem]) from None
    render_feeds(site, views, tree)
    render_sitemaps(site, pages, views, now or datetime.now(UTC), tree)
    render_search_indexes(site, views, tree, memo)
    add_share_images(site.config, (v for lang in views.values() for v in lang), tree)
    render_press_texts(site, (s for m in site.messages for s in snippets[m]), tree)
    collect_assets(site, themes.static_folders, tree)
    return tree


def render_kit(site: Site, snippets: dict[Message, list[Snippet]], now: datetime,
               memo: Memo | None = None) -> FileTree:
    """The internal channel kit: every message, drafts and embargoed ones included."""
    tree = FileTree()
    render_kit_files(site, snippets, tree)
    try:
        render_kit_pages(site, snippets, now, tree, memo)
    except TemplateProblem as exc:
        raise ProblemsError([exc.problem]) from None
    return tree


def _views(site: Site, report: Report, progress: Progress | None,
           memo: Memo) -> dict[str, list[MessageView]]:
    config = fingerprint(site.config)
    # A view shows its translations' titles and paths: they are part of its key.
    keys = [fingerprint(config, message,
                        [(m.lang, site.path_of(m), m.title) for m in site.translations(message)])
            for message in site.messages]

    def make(positions: list[int]) -> list[tuple[MessageView, tuple[Problem, ...]]]:
        return parallel_map(_view_with_problems, positions, site, progress=progress)

    views: dict[str, list[MessageView]] = {lang: [] for lang in site.config.site.languages}
    for view in memo.get_all("view", keys, report, make):
        views[view.lang].append(view)
    return views


def _view_with_problems(site: Site, position: int) -> tuple[MessageView, tuple[Problem, ...]]:
    report = Report()
    return message_view(site, site.messages[position], report), tuple(report.problems)
