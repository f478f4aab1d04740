"""`build()`: the table of contents of a build."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from hubgen.channels import limit_problems
from hubgen.channels.registry import check_config
from hubgen.checks import site_checks
from hubgen.config import load_config
from hubgen.content.site_loader import load_site
from hubgen.errors import Problem, ProblemsError, Report
from hubgen.filetree import BlobMissing, FileTree
from hubgen.kit.render import render_kit
from hubgen.memo import Memo
from hubgen.model import Message, Site
from hubgen.newsroom.render import render_public
from hubgen.newsroom.sitemap import NEWS_WINDOW
from hubgen.parallel import Phased, Progress
from hubgen.pipeline.collector import settle, settling
from hubgen.pipeline.listing import Early
from hubgen.pipeline.message_pass import message_pass
from hubgen.pipeline.options import BuildOptions, BuildResult, Held
from hubgen.pipeline.plan import BuildPlan, plan_build
from hubgen.pipeline.write import write_folders

__all__ = ["BuildOptions", "BuildResult", "Progress", "Rendered", "build", "held_back", "load", "publishable",
           "render"]


def load(root: Path, report: Report, memo: Memo | None = None) -> Site:
    """Config and messages, checked; raises ProblemsError with every problem found."""
    config = load_config(root, report)
    if config is None:
        report.raise_if_errors()
    assert config is not None
    check_config(config, report)
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


def render(options: BuildOptions, progress: Phased | None = None,
           memo: Memo | None = None) -> Rendered:
    """Read, check and render everything; ProblemsError if anything but limits is wrong.

    With the memo of an earlier render, only what changed since is made again."""
    memo = memo or Memo()
    report = Report()
    _phase(progress, "loading")
    site = load(options.root, report, memo)
    settle()
    now = options.now or datetime.now(UTC)
    public = site.select(publishable(options, now))
    passed = message_pass(site, public, now, report, memo,
                          progress.phase("rendering messages") if progress else None)
    settle()
    _phase(progress, "checking")
    snippets = passed.snippets
    site_checks(site, snippets, report, memo, passed.references)
    passed.report_views(report)
    public_tree = render_public(public, passed.outputs, report, progress, now, memo)
    settle()
    _phase(progress, "rendering kit")
    kit_tree = FileTree() if options.public_only else render_kit(
        site, snippets, passed.kit_files, now, memo, report.problems, public_tree, progress)
    memo.forget_unused()
    over_limit = limit_problems(snippets)
    if report.errors:  # every problem of the run, the limits too
        raise ProblemsError(report.problems + over_limit)
    return Rendered(site, len(public.messages), public_tree, kit_tree, over_limit, report.problems)


def build(options: BuildOptions, progress: Phased | None = None,
          plan: BuildPlan | None = None) -> BuildResult:
    with settling():
        return _build(options, progress, plan)


def _build(options: BuildOptions, progress: Phased | None, plan: BuildPlan | None) -> BuildResult:
    started = time.perf_counter()
    plan = plan or plan_build(options)
    if plan.unchanged is not None:
        return plan.unchanged
    if plan.config is None:
        render(options)  # raises with every problem, the content's too
        raise AssertionError("a config with errors must stop the build")  # never write blind

    # Listed while the build renders; a clean build writes whole folders and reads no cache.
    folders = {plan.output: True, **({plan.kit_output: False} if plan.kit_output else {})}
    listed = Early({}) if options.clean else Early(folders, warm=(plan.cache.memo_path,))
    try:
        return _render_and_write(options, progress, plan, started, listed, lazy=True)
    except BlobMissing:  # another build removed files kept in the cache, or they were damaged
        return _render_and_write(options, progress, plan, started, listed, lazy=False)
    finally:
        listed.close()


def _render_and_write(options: BuildOptions, progress: Phased | None, plan: BuildPlan,
                      started: float, listed: Early, lazy: bool) -> BuildResult:
    # Phase 1: render everything in memory; nothing is written if anything fails.
    memo = Memo(fresh=True) if options.clean else plan.cache.memo(writes=True, lazy=lazy)
    rendered = render(replace(options, now=plan.now), progress, memo)
    settle()

    # Phase 2: swap the finished folders in. Over-long snippets fail the build but still
    # reach the internal kit, where the writer sees them marked; public/ stays as it was.
    _phase(progress, "writing")
    build_id = plan.cache.new_build_id()
    kit = {plan.kit_output: rendered.kit} if plan.kit_output else {}
    if rendered.over_limit:
        write_folders(kit, build_id)
        raise ProblemsError(rendered.over_limit)
    written = write_folders({plan.output: rendered.public, **kit}, build_id,
                            previous=None if options.clean else plan.cache.written(),
                            by_name=frozenset(kit), listed=listed)
    public = rendered.public.paths()
    summary = (len(rendered.site.messages), rendered.published,
               sum(p.endswith(".html") for p in public), len(public))
    valid_until, warnings = _valid_until(rendered.site, plan.now, options), rendered.warnings
    held = held_back(rendered.site, options, plan.now)
    del rendered  # the written trees: their memory is better spent on saving the cache
    unsaved = plan.cache.save(plan.inputs, valid_until, summary, memo, build_id, warnings,
                              (plan.output, plan.kit_output), written, held)
    return BuildResult(*summary, seconds=time.perf_counter() - started, output=plan.output,
                       warnings=warnings + unsaved, held=held)


def held_back(site: Site, options: BuildOptions, now: datetime) -> Held:
    """The drafts and embargoed messages this build leaves out, and when the next goes public
    (in the site's time zone)."""
    keep = publishable(options, now)
    out = [m for m in site.messages if not keep(m)]
    drafts = sum(m.draft and not options.drafts for m in out)
    waiting = [m.publish_at for m in out if not m.draft or options.drafts]
    next_public = site.local(min(waiting)) if waiting else None
    return Held(drafts, len(waiting), next_public)


def _phase(progress: Phased | None, name: str) -> None:
    if progress:
        progress.phase(name)


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
