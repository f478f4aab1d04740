"""Links between pages of the built site, relative so it works under any base path and from disk."""

from __future__ import annotations

import posixpath

__all__ = ["relative_url"]


def relative_url(page_path: str, absolute_base: str | None, target: str) -> str:
    """Link from the page at `page_path` to the site path `target`; with `absolute_base` (the
    404 page, served at any depth) an absolute path instead."""
    if absolute_base is not None:
        return absolute_base + target
    page_dir = page_path if page_path.endswith("/") else posixpath.dirname(page_path) + "/"
    relative = posixpath.relpath("/" + target, "/" + page_dir)
    if target.endswith("/") or not target:
        relative = relative.rstrip("/") + "/"
    return "./" if relative in ("./", "") else relative
