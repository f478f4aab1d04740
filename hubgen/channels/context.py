"""What every channel gets: the message, its URLs, template rendering, snippet making."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import urlencode

from hubgen.channels.plaintext import PlainText, to_plain_text
from hubgen.channels.template import SnippetTemplateError, render_text
from hubgen.channels.values import render_key_message, template_values
from hubgen.errors import Report
from hubgen.model import Message, Site, Snippet
from hubgen.paths import site_paths

__all__ = ["ChannelContext"]


@dataclass
class ChannelContext:
    site: Site
    message: Message
    report: Report

    @property
    def lang(self) -> str:
        return self.message.lang

    @property
    def canonical_url(self) -> str:
        return site_paths(self.site.config).message_url(self.message)

    @cached_property
    def plain_body(self) -> PlainText:
        """The body as plain paragraphs, parsed once for every channel that reads it (the
        press text, the facts of derived posts)."""
        return to_plain_text(self.message.body, self.lang)

    def spec(self, channel: str) -> Any:
        """The message's `channels.<channel>` value, None when not written."""
        return self.message.channels.get(channel)

    def tagged_url(self, channel: str, platform: str | None = None, url: str = "") -> str:
        """The URL with campaign parameters, so analytics can tell channels apart."""
        utm = self.site.config.channels.utm
        names = {"slug": self.message.slug, "channel": channel, "platform": platform or channel}
        params = {
            "utm_source": utm.get("source", "{platform}").format(**names),
            "utm_medium": utm.get("medium", "{channel}").format(**names),
            "utm_campaign": utm.get("campaign", "{slug}").format(**names),
        }
        base = url or self.canonical_url
        return base + ("&" if "?" in base else "?") + urlencode(params)

    def short_url(self, channel: str, platform: str) -> str:
        """The newsroom's short link to a post's tagged URL; "" with `[channels] short_links`
        off. The link works once the message is public: its page is made with the newsroom."""
        if not self.site.config.channels.short_links:
            return ""
        paths = site_paths(self.site.config)
        return paths.url(paths.short_link(self.message, channel, platform))

    def values(self, url: str) -> dict[str, str]:
        """What the channel's templates can use; a broken key message is reported and kept
        as written."""
        key = render_key_message(self.message, url, self.report)
        return template_values(self.message, url, (self.message.key_message if key is None
                                                   else key).strip())

    def render(self, text: str, field: str, values: dict[str, str]) -> str:
        """A snippet text rendered; a template error is reported and the raw text kept."""
        try:
            return render_text(text, values, self.message.facts).strip()
        except SnippetTemplateError as exc:
            self.error(field, exc.message, exc.fix)
            return text.strip()

    def error(self, field: str, message: str, fix: str) -> None:
        # A field read by several channels or platforms is reported once: the Report drops repeats.
        self.report.error(self.message.source.as_posix(), self.message.line(field), field,
                          message, fix)

    def snippet(self, channel: str, text: str, *, field: str, url: str, length: int,
                limit: int | None, unit: str = "characters", platform: str | None = None,
                derived: bool = False, variant: int | None = None,
                formats: dict[str, str] | None = None, short_url: str = "") -> Snippet:
        return Snippet(
            message=self.message.slug, lang=self.lang, channel=channel, platform=platform,
            text=text, length=length, limit=limit, unit=unit, url=url,
            source=self.message.source, from_field=field, line=self.message.line(field),
            derived=derived, variant=variant, formats=formats or {}, short_url=short_url,
        )
