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
from hubgen.content.site_loader import read_message
from hubgen.errors import Report
from hubgen.filetree import FileTree
from hubgen.kit.pages import render_kit_message_page
from hubgen.kit.snippet_files import render_snippet_files
from hubgen.memo import Memo
from hubgen.model import Message, Site
from hubgen.newsroom.pages import newsroom_themes, render_message_page
from hubgen.newsroom.press_texts import render_press_texts
from hubgen.newsroom.views import message_view
from hubgen.pipeline.run import BuildOptions, publishable
from hubgen.templates import TemplateProblem, Themes

__all__ = ["STRUCTURE", "QuickRender"]

STRUCTURE = ("lang", "section", "slug", "translation_key", "draft", "publish_at", "tags", "image")
"""Fields whose change moves or adds pages or files beyond the message's own: such an edit
waits for the full rebuild."""


@dataclass
class QuickRender:
    """The fast render against the site of the last full rebuild, plus the messages edited
    since (`edited`, by source), which that rebuild has not seen yet."""

    options: BuildOptions
    site: Site
    edited: dict[Path, Message] = field(default_factory=dict)
    _sources: dict[Path, Message] = field(default_factory=dict)
    _themes: tuple[Themes, Themes] | None = None

    def __post_init__(self) -> None:
        self.rebased(self.site)

    def rebased(self, site: Site) -> None:
        """A full rebuild finished that saw every edit so far."""
        self.site, self.edited = site, {}
        self._sources = {m.source: m for m in site.messages}

    def forget_templates(self) -> None:
        self._themes = None

    def update(self, paths: set[Path], public: FileTree,
               kit: FileTree) -> tuple[FileTree, FileTree, set[Path]] | None:
        """New trees with the pages of the messages saved at `paths`, and those messages'
        files; None when the fast render doesn't apply (another kind of file, a problem, a
        changed structure)."""
        root = self.site.config.root
        relatives = {p.relative_to(root) if p.is_relative_to(root) else p for p in paths}
        # A save by rename also reports the temporary file, gone by now: not a change of its own
        # (the full rebuild that follows sees whatever did change).
        relatives = {r for r in relatives if r in self._sources or (root / r).exists()}
        if not relatives or any(r not in self._sources for r in relatives):
            return None
        report, changed = Report(), {}
        for relative in relatives:
            try:
                data = (root / relative).read_bytes()
            except OSError:
                return None  # deleted or renamed away
            message = read_message(data, relative, self.site.config, report)
            if message is None or report.errors or _moved(self._current(relative), message):
                return None
            changed[relative] = message
        edited = self.edited | changed
        trees = self._render([self._versions(m, edited) for m in changed.values()], report, public, kit)
        if trees is None:
            return None
        self.edited = edited
        return *trees, {root / r for r in changed}

    def _current(self, source: Path) -> Message:
        return self.edited.get(source) or self._sources[source]

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
                if shown(message):
                    public_site = site.select(shown)
                    view = message_view(public_site, message, report)
                    render_message_page(public_site, view, themes, public)
                    render_press_texts(public_site, snippets, public)
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


def _moved(old: Message, new: Message) -> bool:
    return any(getattr(old, name) != getattr(new, name) for name in STRUCTURE)
