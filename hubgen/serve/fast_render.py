"""Fast render: after a save that changed only the text of some messages, render just those
messages' own pages and serve them at once; the full incremental rebuild follows in the
background and brings lists, feeds, the search index and the kit's overviews up to date.
Hugo's preview does the same ("fast render mode"): on a big site, the page being written is
back in the browser in milliseconds, not after a whole-site rebuild."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from hubgen.channels import message_snippets
from hubgen.checks import check_message
from hubgen.errors import Problem, Report
from hubgen.filetree import FileTree
from hubgen.kit.pages import render_kit_message_page
from hubgen.kit.snippet_files import render_snippet_files
from hubgen.memo import Memo
from hubgen.model import Message, Site
from hubgen.newsroom.pages import newsroom_themes
from hubgen.newsroom.render import render_message
from hubgen.pipeline.run import BuildOptions, publishable
from hubgen.templates import TemplateProblem, Themes

__all__ = ["FastRender", "QuickRender"]


@dataclass(frozen=True)
class FastRender:
    """What a fast render made: the trees to serve, and the messages it rendered."""

    public: FileTree
    kit: FileTree
    sources: set[Path]
    """The saved files (absolute) whose pages it made again."""
    edited: dict[Path, Message]
    """Every message edited since the full rebuild `QuickRender.site` came from, these too."""
    problems: tuple[Problem, ...] = ()
    """The served problems with the message checks' findings in the saved messages' previous
    versions swapped for those in the saved ones: the preview's warnings follow typing, and
    the site checks' findings stay until the full rebuild redoes them."""


@dataclass
class QuickRender:
    """The fast render against the site of the last full rebuild, plus the messages edited
    since (`edited`, by source), which that rebuild has not seen yet. The preview replaces it
    after each full rebuild (`rebased`), so that a fast render under way keeps the site it
    started with."""

    options: BuildOptions
    site: Site
    edited: dict[Path, Message] = field(default_factory=dict)
    _themes: tuple[Themes, Themes] | None = None
    _sources: dict[Path, Message] = field(init=False)

    def __post_init__(self) -> None:
        self._sources = {m.source: m for m in self.site.messages}

    def rebased(self, site: Site) -> QuickRender:
        """For the site of a full rebuild that saw every edit so far; templates stay compiled."""
        return QuickRender(self.options, site, _themes=self._themes)

    def forget_templates(self) -> None:
        self._themes = None

    def served(self, source: Path) -> Message | None:
        """The version of the message at `source` (relative to the site) shown now."""
        return self.edited.get(source) or self._sources.get(source)

    def update(self, messages: list[Message], public: FileTree, kit: FileTree,
               problems: tuple[Problem, ...] = ()) -> FastRender | None:
        """New trees with the pages and files of the saved `messages` (read and checked, their
        structure unchanged), and `problems` (those served) brought up to date; None when
        rendering them found a problem: the full rebuild reports it."""
        before = [self._versions(m, self.edited) for m in self._previous(messages)]
        edited = self.edited | {m.source: m for m in messages}
        report = Report()
        versions = [self._versions(m, edited) for m in messages]
        trees = self._render(versions, report, public, kit)
        if trees is None:
            return None
        gone = {p for version in before for p in _checked(*version)}
        found = [p for version in versions for p in _checked(*version)]
        kept = [p for p in problems if p not in gone]
        root = self.site.config.root
        return FastRender(*trees, {root / m.source for m in messages}, edited,
                          tuple(kept + [p for p in found if p not in kept]))

    def warm(self, public: FileTree, kit: FileTree) -> None:
        """A fast render of the first message, thrown away: it compiles the templates and
        loads what counting and the checks load at their first use, which made the first save's
        fast render five times slower than the next."""
        if self.site.messages:
            self.update([self.site.messages[0]], public, kit)

    def _previous(self, messages: list[Message]) -> list[Message]:
        return [shown for m in messages if (shown := self.served(m.source)) is not None]

    def _versions(self, message: Message, edited: dict[Path, Message]) -> tuple[Site, Message]:
        """A site of the message and its translations, all a message's own pages show of
        others: building the whole site again would cost milliseconds per thousand messages."""
        others = [edited.get(m.source, m) for m in self.site.translations(self._sources[message.source])]
        return Site(self.site.config, (message, *others)), message

    def _render(self, versions: list[tuple[Site, Message]], report: Report, public: FileTree,
                kit: FileTree) -> tuple[FileTree, FileTree] | None:
        now = self.options.now or datetime.now(UTC)
        shown = publishable(self.options, now)
        public, kit = public.copy(), kit.copy()
        themes, kit_themes = self._templates()
        try:
            for site, message in versions:
                snippets = message_snippets(site, message, report)
                if shown(message):  # its page, short-link pages and press text, as its pass makes them
                    public.texts.update(render_message(site.select(shown), message, snippets, themes,
                                                       report, now).files)
                render_snippet_files(message, snippets, kit)
                render_kit_message_page(site, message, snippets, now, kit_themes, kit)
        except TemplateProblem:
            return None  # the full rebuild reports it
        for used in (themes, kit_themes):
            used.memo.forget_unused()  # only the last pages: their templates stay compiled
        return None if report.errors else (public, kit)

    def _templates(self) -> tuple[Themes, Themes]:
        if self._themes is None:
            config = self.site.config
            self._themes = newsroom_themes(config, Memo()), Themes.for_kit(config, Memo())
        return self._themes


def _checked(site: Site, message: Message) -> list[Problem]:
    return check_message(site, message, message_snippets(site, message, Report()))
