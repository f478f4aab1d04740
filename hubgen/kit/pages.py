"""The channel kit's pages: an overview of every message, and per message every snippet with
its copy button, its length against the limit and a preview of the post."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from hubgen import paths
from hubgen.channels.platforms import platform
from hubgen.channels.registry import CHANNELS
from hubgen.config import Config
from hubgen.errors import Problem, Report
from hubgen.filetree import Content, FileTree
from hubgen.kit.calendar import calendar_months
from hubgen.kit.ics import calendar_ics
from hubgen.kit.presenting import Locale, employee, identity, marked_text
from hubgen.memo import Made, Memo, Namespace, each, fingerprint
from hubgen.model import Message, Site, Snippet
from hubgen.parallel import shared_map
from hubgen.templates import TemplateProblem, Themes

__all__ = ["KitMessage", "KitSnippet", "channel_labels", "render_kit_message_page", "render_kit_pages"]


def channel_labels(lang: str) -> dict[str, str]:
    """What the kit calls each channel, in its language (the site's)."""
    return {c.name: c.label(lang) for c in CHANNELS}


@dataclass(frozen=True)
class KitSnippet:
    snippet: Snippet
    label: str
    file: str
    """Kit path of the snippet's text file."""

    @property
    def percent(self) -> int:
        limit = self.snippet.limit
        return min(100, round(100 * self.snippet.length / limit)) if limit else 0


@dataclass(frozen=True)
class KitMessage:
    message: Message
    path: str
    public_url: str
    status: str
    """`published`, `scheduled`, `embargoed` or `draft`."""
    publish_at: datetime
    key_message: str
    snippets: tuple[KitSnippet, ...]
    warnings: tuple[Problem, ...] = ()
    """What the checks found in this message's file."""
    share: bool = False
    """Its share images are in the kit beside its page (a published message's, as the newsroom
    drew them)."""

    @property
    def switched_off(self) -> list[str]:
        """Channels the message switched off (`recruiting: false`): not missing, not wanted."""
        return [name for name, value in self.message.channels.items() if value is False]

    @property
    def over_limit(self) -> int:
        return sum(not s.snippet.ok for s in self.snippets)

    @property
    def channels(self) -> list[str]:
        return list(dict.fromkeys(s.snippet.channel for s in self.snippets))

    def by_channel(self, channel: str) -> list[KitSnippet]:
        return [s for s in self.snippets if s.snippet.channel == channel]


STATUSES = ("published", "scheduled", "embargoed", "draft")


def _status(message: Message, now: datetime) -> str:
    if message.draft:
        return "draft"
    if message.publish_at <= now:
        return "published"
    return "embargoed" if message.embargo and message.embargo > now else "scheduled"


def _label(snippet: Snippet, labels: dict[str, str]) -> str:
    name = platform(snippet.platform).label if snippet.platform else ""
    if snippet.variant:
        return f"Post {snippet.variant}" + (f" · {name}" if name else "")
    return name or labels[snippet.channel]


def kit_message(site: Site, message: Message, snippets: list[Snippet], now: datetime,
                warnings: tuple[Problem, ...] = (), share: bool = False) -> KitMessage:
    labels = channel_labels(site.config.site.language)
    return KitMessage(
        message=message,
        path=paths.kit_page(message),
        public_url=paths.site_paths(site.config).message_url(message),
        status=_status(message, now),
        publish_at=site.local(message.publish_at),
        key_message=message.key_message,
        snippets=tuple(KitSnippet(s, _label(s, labels), paths.snippet_file(message, s)) for s in snippets),
        warnings=warnings, share=share,
    )


def message_warnings(problems: list[Problem],
                     messages: tuple[Message, ...]) -> dict[Message, tuple[Problem, ...]]:
    """The problems of each message's file, in line order."""
    by_source: dict[str, list[Problem]] = {}
    for problem in problems:
        by_source.setdefault(problem.path, []).append(problem)
    return {m: tuple(sorted(by_source.get(m.source.as_posix(), []), key=lambda p: (p.line, p.field)))
            for m in messages}


def render_kit_pages(site: Site, snippets: dict[Message, list[Snippet]], now: datetime,
                     tree: FileTree, memo: Memo | None = None, problems: list[Problem] | None = None,
                     shared: frozenset[Message] = frozenset()) -> None:
    """`problems`: what the checks found, shown with each message; `shared`: the messages whose
    share images `tree` holds beside their kit page."""
    memo = memo or Memo()
    themes = Themes.for_kit(site.config, memo)
    config_key = fingerprint(site.config)
    warnings = message_warnings(problems or [], site.messages)

    def _kit(message: Message) -> KitMessage:
        return kit_message(site, message, snippets.get(message, []), now, warnings[message],
                           message in shared)

    # Remembered, so that a page showing an unchanged message is known unchanged at once.
    keys = [fingerprint(config_key, m, snippets.get(m, []), _status(m, now), warnings[m], m in shared)
            for m in site.messages]
    messages = memo.map(Namespace.KIT, keys, Report(), each(lambda i, _: _kit(site.messages[i])))
    pages = _message_pages(site.config, themes, messages, keys, memo)
    # Only the overview and the calendar list every message: a message page stays as it is
    # when another message changes. They are rendered side by side: each is a long page.
    months = calendar_months(site, messages, Locale(site.config.site.language))
    overviews: dict[str, tuple[str, dict[str, object]]] = {
        "": ("index.html", {"messages": messages}),
        paths.KIT_CALENDAR: ("calendar.html", {"messages": messages, "months": months})}
    # Keyed by the messages' keys, which hold all they are made of: hashing ten thousand new
    # KitMessages for the key of each page was a second of an edit build.
    rendered = themes.render_all([(template, _context(site.config, path, **extra))
                                  for path, (template, extra) in overviews.items()], heavy=True,
                                 made_of=[(config_key, path, keys) for path in overviews])
    for path, html in zip(overviews, rendered, strict=True):
        tree.add_bytes(paths.page_file(path), html)
    tree.add_text(paths.KIT_CALENDAR_FILE, calendar_ics(site, messages, now, memo))
    for kit, html in zip(messages, pages, strict=True):
        _add_message_page(site.config, kit, html, tree)
    for folder in themes.static_folders:
        for file in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if file.is_file():
                tree.add_copy(file.relative_to(folder).as_posix(), file)
    logo = site.config.company.logo
    if logo and (site.config.static_path / logo).is_file():
        tree.add_copy(paths.kit_logo(logo), site.config.static_path / logo)


def render_kit_message_page(site: Site, message: Message, snippets: list[Snippet], now: datetime,
                            themes: Themes, tree: FileTree, warnings: tuple[Problem, ...] = ()) -> None:
    """One message's kit page alone, as render_kit_pages makes it: the preview's fast render, in
    the kit `tree` of the last full build, whose share images it shows until the next one."""
    share = all(path in tree.texts or path in tree.copies for path in paths.kit_share_images(message))
    kit = kit_message(site, message, snippets, now, warnings, share)
    _add_message_page(site.config, kit, _message_html(themes, site.config, kit), tree)


def _message_pages(config: Config, themes: Themes, kits: list[KitMessage], kit_keys: list[str],
                   memo: Memo) -> list[Content]:
    """Each message's page, rendered on all cores: one Jinja render a message was most of the
    kit's time. A page is keyed by its KitMessage's key (`kit_keys`), which holds all the kit
    message is made of, the config too: hashing each new KitMessage again was a second of an
    edit build."""
    keys = [fingerprint(themes.fingerprint, "message.html", key) for key in kit_keys]
    found = Report()
    pages: list[Content] = memo.map(Namespace.PAGE, keys, found,
                     lambda positions: shared_map(_worker_page, positions, (themes, config, kits)))
    if found.problems:
        raise TemplateProblem(found.problems[0])
    return pages


def _worker_page(shared: tuple[Themes, Config, list[KitMessage]], position: int) -> Made[Content]:
    # The build's own themes, here or where a forked process finds them (`shared_map`): a
    # pool's workers, which unpickled what they were sent, compiled their own.
    themes, config, kits = shared
    try:
        return _message_html(themes, config, kits[position]), ()
    except TemplateProblem as exc:  # reported, and the build stops
        return b"", (exc.problem,)


def _message_html(themes: Themes, config: Config, kit: KitMessage) -> Content:
    return themes.render("message.html", _context(config, kit.path, kit=kit), remember=False)


def _add_message_page(config: Config, kit: KitMessage, html: Content, tree: FileTree) -> None:
    tree.add_bytes(paths.page_file(kit.path), html)
    if kit.message.image:
        tree.add_copy(paths.kit_media(kit.message.image), config.content_path / kit.message.image)


def _context(config: Config, path: str, **extra: object) -> dict[str, object]:
    locale = Locale(config.site.language)
    logo = paths.kit_logo(config.company.logo) if config.company.logo else ""
    return {
        "site": config, "path": path, "lang": locale.lang, "channel_labels": channel_labels(locale.lang),
        "rel": partial(paths.relative_url, path, None), "domain": paths.site_paths(config).netloc,
        "t": locale.t, "locale": locale, "marked": marked_text,
        "identity": lambda network: identity(config, network, logo, locale),
        "employee": employee(config, locale), "statuses": STATUSES, **extra,
    }
