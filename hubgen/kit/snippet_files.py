"""The internal channel kit's machine-readable parts: snippets.json, one file per snippet,
and CSV files for bulk scheduling tools."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hubgen.channels.platforms import enabled_platforms
from hubgen.channels.schedule import posting_time
from hubgen.filetree import Content, FileTree
from hubgen.model import Message, Site, Snippet
from hubgen.paths import KIT_SNIPPETS_FILE, export_file, site_paths, snippet_file

__all__ = ["BUFFER_COLUMNS", "posting_time", "render_kit_files", "render_snippet_files"]

BUFFER_COLUMNS = ("Text", "Image URL", "Tags", "Posting Time")
"""Buffer's bulk upload: one CSV per channel, time as YYYY-MM-DD HH:MM."""
# Hootsuite's bulk composer: no header; date (DD/MM/YYYY HH:MM), message, link. The link column
# stays empty because the message already carries the tagged URL (Hootsuite would add it twice).


def render_kit_files(site: Site, snippets: dict[Message, list[Snippet]], tree: FileTree,
                     files: dict[Message, dict[str, Content]]) -> None:
    """snippets.json, the scheduling CSVs and each snippet's files, as each message's pass made
    them (`files`; Blobs when remembered: an edit build neither makes nor hashes them)."""
    everything = [s for message in site.messages for s in snippets.get(message, [])]
    # One snippet a line: readable, diffable, and written by json's fast C encoder, which
    # `indent` would switch off. Encoded line by line: the whole file as one str first
    # would hold it twice (a hundred megabytes at 10,000 messages).
    lines = b",\n".join(b"  " + json.dumps(s.to_json(), ensure_ascii=False).encode() for s in everything)
    tree.add_bytes(KIT_SNIPPETS_FILE, b"[\n" + lines + b"\n]\n" if everything else b"[]\n")
    for message in site.messages:
        tree.texts.update(files[message])
    _schedules(site, snippets, tree)


def render_snippet_files(message: Message, snippets: list[Snippet], tree: FileTree) -> None:
    """Each snippet of one message as a file, in every format it has."""
    for snippet in snippets:
        tree.add_text(snippet_file(message, snippet), snippet.text)
        for extension, text in snippet.formats.items():
            tree.add_text(snippet_file(message, snippet, extension), text)


def _schedules(site: Site, snippets: dict[Message, list[Snippet]], tree: FileTree) -> None:
    """Social posts of every message that isn't a draft, one file per platform and tool."""
    writers = {platform: (_writer(), _writer()) for platform in enabled_platforms(site.config)}
    for buffer, _ in writers.values():
        buffer[1].writerow(BUFFER_COLUMNS)
    urls = site_paths(site.config)
    for message in sorted(site.messages, key=lambda m: m.publish_at):
        if message.draft:
            continue
        when = posting_time(site, message)
        image = urls.url(message.image) if message.image else ""
        tags = ", ".join(message.tags)
        at, on = when.strftime("%Y-%m-%d %H:%M"), when.strftime("%d/%m/%Y %H:%M")
        for snippet in snippets.get(message, []):
            if snippet.channel == "social" and snippet.platform in writers:
                buffer, hootsuite = writers[snippet.platform]
                buffer[1].writerow((snippet.text, image, tags, at))
                hootsuite[1].writerow((on, snippet.text, ""))
    for platform, (buffer, hootsuite) in writers.items():
        tree.add_text(export_file("buffer", platform), buffer[0].getvalue())
        tree.add_text(export_file("hootsuite", platform), hootsuite[0].getvalue())


def _writer() -> tuple[io.StringIO, Any]:
    out = io.StringIO()
    return out, csv.writer(out, lineterminator="\r\n")
