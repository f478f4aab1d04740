"""One pass per message: everything a message makes without looking at the rest of the site,
made in one go, on all cores, and remembered under one key.

A worker parses the message's body once and makes from it its snippets and their files in the
kit, the findings of the message checks, the links and images the link check follows and, for a
published message, its view, its page with its posts' short links and its search entry. The
parent gets back only that: the site-wide pages (lists, feeds, sitemaps, the search index), the
site checks and the rest of the kit are made from it. Before, each of these was a phase of its
own over every message, each with its own keys to hash and the body parsed again, and the
message pages were rendered in the parent alone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from hubgen.channels import message_snippets
from hubgen.checks import check_message, message_references
from hubgen.checks.written import Reference
from hubgen.errors import Problem, ProblemsError, Report
from hubgen.filetree import Area, Content, FileTree
from hubgen.kit.snippet_files import render_snippet_files
from hubgen.memo import Kept, Memo, Namespace, fingerprint
from hubgen.model import Message, Site, Snippet
from hubgen.newsroom.pages import newsroom_themes, preview_images
from hubgen.newsroom.render import MessageOutput, render_message
from hubgen.parallel import Progress, parallel_iter, per_worker
from hubgen.paths import site_paths
from hubgen.templates import TemplateProblem

__all__ = ["MessageWork", "Passed", "message_pass"]


@dataclass(frozen=True)
class MessageWork:
    """One message's pass, with the problems of each part apart: the build reports them in
    the order of its phases, as `hubgen check` does."""

    snippets: list[Snippet]
    snippet_problems: tuple[Problem, ...]
    check_problems: tuple[Problem, ...]
    """What the `message` checks found."""
    references: tuple[Reference, ...]
    output: MessageOutput | None
    """The newsroom's part, for a published message."""
    kit_files: dict[str, Content]
    """Its snippets' files in the kit."""
    view_problems: tuple[Problem, ...] = ()
    template_problem: Problem | None = None
    """A broken template stops the build (and is not remembered: the build stops)."""


@dataclass(frozen=True)
class Passed:
    """The passes over a site's messages, by message."""

    works: dict[Message, MessageWork]

    @property
    def snippets(self) -> dict[Message, list[Snippet]]:
        return {message: work.snippets for message, work in self.works.items()}

    @property
    def references(self) -> dict[Message, tuple[Reference, ...]]:
        return {message: work.references for message, work in self.works.items()}

    @property
    def kit_files(self) -> dict[Message, dict[str, Content]]:
        return {message: work.kit_files for message, work in self.works.items()}

    @property
    def outputs(self) -> dict[Message, MessageOutput]:
        return {m: work.output for m, work in self.works.items() if work.output is not None}

    def report_views(self, report: Report) -> None:
        """The views' problems (a broken key message template), then a broken template."""
        for work in self.works.values():
            for problem in work.view_problems:
                report.add(problem)
        broken = next((w.template_problem for w in self.works.values() if w.template_problem), None)
        if broken is not None:
            raise ProblemsError([*report.problems, broken])


def message_pass(site: Site, public: Site, now: datetime, report: Report, memo: Memo,
                 progress: Progress | None = None) -> Passed:
    """The pass of every message of `site`; those in `public` (the published ones) with their
    newsroom part. Snippet problems, then the message checks' go to `report`."""
    try:
        keys = _keys(site, public, now)
    except TemplateProblem as exc:  # a template outside the site: found hashing the templates
        raise ProblemsError([*report.problems, exc.problem]) from None
    published = frozenset(public.messages)

    kept = _Keeping(memo.writes(Namespace.PASS), keys, memo.areas(Namespace.PASS))

    def make(positions: list[int]) -> Iterator[Kept[MessageWork]]:
        return parallel_iter(_one, positions, (site, public, published, now, kept), progress=progress)

    works = memo.map(Namespace.PASS, keys, Report(), make,
                     (lambda: progress(0, len(keys))) if progress else None)
    for attribute in ("snippet_problems", "check_problems"):
        for work in works:
            for problem in getattr(work, attribute):
                report.add(problem)
    return Passed(dict(zip(site.messages, works, strict=True)))


def _keys(site: Site, public: Site, now: datetime) -> list[str]:
    """What a message's pass reads: the config, the templates, the message, whether it is
    published and (a preview's mark) whether its embargo is still on, and for a published one
    its published translations' titles and paths and its preview images (pictures of the
    site's own, with share images off: their sizes)."""
    config = site.config
    base = fingerprint(config, newsroom_themes(config).fingerprint)
    paths, published = site_paths(config), frozenset(public.messages)
    keys = []
    for message in site.messages:
        shown = message in published
        extra = ([(m.lang, paths.message(m), m.title) for m in public.translations(message)],
                 preview_images(config, paths.message(message), message.title,
                                (message.image, message.image_alt))) if shown else ()
        keys.append(fingerprint(base, message, shown, message.publish_at > now, extra))
    return keys


@dataclass(frozen=True)
class _Keeping:
    """How the passes go to the memo file: `encode`d by the workers that make them, and
    with `areas`, sent back with Blobs for their files, read from the file when written:
    ten thousand messages' pages in the parent were half its memory."""

    encode: bool
    keys: list[str]
    areas: Callable[[str], Area] | None


def _one(shared: tuple[Site, Site, frozenset[Message], datetime, _Keeping],
         position: int) -> Kept[MessageWork]:
    """The pass of a message, with its memo row if the last of `shared` says so."""
    site, public, published, now, kept = shared
    work = _work(site, public, published, now, site.messages[position])
    if not kept.encode or work.template_problem is not None:  # a broken template is not kept
        return Kept((work, ()), None)
    # Here, not at the top: the codec knows MessageWork from this module.
    from hubgen.pipeline.memo_store import encoded_row, lazy_made
    row = encoded_row(work, ())
    if row is None or kept.areas is None:
        return Kept((work, ()), row)
    return Kept(lazy_made(row, kept.areas(kept.keys[position])), row)


def _work(site: Site, public: Site, published: frozenset[Message], now: datetime,
          message: Message) -> MessageWork:
    found = Report()
    snippets = message_snippets(site, message, found)
    # Hashed here too: the checks and the kit key their work by the snippets, and a row read
    # back keeps each snippet's hash (hashing them in the parent was a third of the kit's
    # time in an edit build).
    fingerprint(snippets)
    kit_files = FileTree()
    render_snippet_files(message, snippets, kit_files)
    work = MessageWork(snippets, tuple(found.problems), tuple(check_message(site, message, snippets)),
                       message_references(message), None, kit_files.texts)
    if message in published:
        shown = Report()
        themes = per_worker("newsroom", site.config, lambda: newsroom_themes(site.config, Memo()))
        try:
            output = render_message(public, message, snippets, themes, shown, now)
        except TemplateProblem as exc:
            return replace(work, template_problem=exc.problem)
        # Hashed here, on all cores: the list pages that show the view are keyed by it, and
        # the hash goes into the memo row with it (`memo.known_encoding`).
        fingerprint(output.view)
        work = replace(work, output=output, view_problems=tuple(shown.problems))
    return work
