"""The script injected into previewed pages: reload on change, swap CSS, show build errors
(an overlay over the page) and the open page's warnings (a small panel, dismissable), in the
page's language like the newsroom's banners (hubgen/newsroom/strings.py)."""

from __future__ import annotations

import json
import re
from html import escape

from hubgen.newsroom.strings import translate

__all__ = ["EVENTS_PATH", "event", "inject"]

EVENTS_PATH = "/_hubgen/events"

_SCRIPT = """<script data-hubgen-preview>
(() => {
  const overlayId = "hubgen-error-overlay";
  const panelId = "hubgen-warnings";
  const text = __TEXT__;
  function showErrors(lines) {
    let box = document.getElementById(overlayId);
    if (!box) {
      box = document.createElement("div");
      box.id = overlayId;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(20,20,28,.94);color:#ffd7d7;font:14px/1.5 ui-monospace,monospace;" +
        "padding:2rem;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = text.failed + "\\n\\n" + lines.join("\\n");
  }
  // Dismissed warnings stay hidden in this tab until they change: a new one shows again.
  const dismissedKey = "hubgen-dismissed:" + location.pathname;
  function showWarnings(lines) {
    let panel = document.getElementById(panelId);
    const dismissed = sessionStorage.getItem(dismissedKey) === JSON.stringify(lines);
    if (!lines.length || dismissed) {
      if (panel) panel.remove();
      if (!lines.length) sessionStorage.removeItem(dismissedKey);
      return;
    }
    if (!panel) {
      panel = document.createElement("aside");
      panel.id = panelId;
      panel.setAttribute("role", "status");
      panel.setAttribute("aria-label", text.panel);
      panel.style.cssText = "position:fixed;right:12px;bottom:12px;z-index:2147483646;" +
        "width:min(30rem,calc(100vw - 24px));max-height:45vh;overflow:auto;box-sizing:border-box;" +
        "background:#fff8e1;color:#3d2a00;border:1px solid #d49a00;border-left:6px solid #d49a00;" +
        "border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.25);" +
        "font:13px/1.45 system-ui,sans-serif;padding:10px 12px;text-align:left";
      document.body.appendChild(panel);
    }
    panel.replaceChildren();
    const head = document.createElement("div");
    head.style.cssText = "display:flex;align-items:center;gap:8px;font-weight:700;margin-bottom:6px";
    const title = document.createElement("span");
    title.style.flex = "1";
    title.textContent = lines.length === 1 ? text.warning
      : text.warnings.replace("{count}", lines.length);
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "\\u00d7";
    close.setAttribute("aria-label", text.dismiss);
    close.style.cssText = "font:700 18px/1 system-ui,sans-serif;border:0;background:none;" +
      "color:inherit;cursor:pointer;padding:2px 6px;border-radius:4px";
    close.addEventListener("click", () => {
      sessionStorage.setItem(dismissedKey, JSON.stringify(lines));
      panel.remove();
    });
    head.append(title, close);
    const list = document.createElement("ul");
    list.style.cssText = "margin:0;padding:0 0 0 1.1em";
    for (const line of lines) {
      const item = document.createElement("li");
      item.style.cssText = "margin:0 0 4px;overflow-wrap:anywhere;" +
        "font:12px/1.45 ui-monospace,monospace";
      item.textContent = line.replace(/: warning: /, ": ");
      list.append(item);
    }
    panel.append(head, list);
  }
  const initial = __ERRORS__;
  if (initial.length) showErrors(initial);
  showWarnings(__WARNINGS__);
  // The page it shows: the server tells this tab only of changes to it.
  const events = new EventSource("__EVENTS__?page=" + encodeURIComponent(location.pathname));
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("css", () => {
    document.querySelectorAll('link[rel="stylesheet"]').forEach((link) => {
      const url = new URL(link.href);
      url.searchParams.set("hubgen", Date.now());
      link.href = url.href;
    });
  });
  events.addEventListener("failed", (e) => showErrors(JSON.parse(e.data)));
  events.addEventListener("warnings", (e) => showWarnings(JSON.parse(e.data)));
})();
</script>
"""


def inject(page: bytes, errors: list[str], warnings: list[str] | None = None,
           note: str = "") -> bytes:
    """The page with the preview script before </body> (or at the end), and `note` (the
    preview's word on a 404: the message is held back) at the start of its <main>."""
    values = {"ERRORS": _json(errors), "WARNINGS": _json(warnings or []),
              "TEXT": _json(_texts(_language(page))), "EVENTS": EVENTS_PATH}
    # In one pass: a warning that quotes `__TEXT__` stays as written.
    script = _SLOT.sub(lambda slot: values[slot.group(1)], _SCRIPT).encode()
    marker = page.rfind(b"</body>")
    page = page + script if marker < 0 else page[:marker] + script + page[marker:]
    return _with_note(page, note) if note else page


_SLOT = re.compile(r"__(ERRORS|WARNINGS|TEXT|EVENTS)__")
_LANG = re.compile(rb"<html[^>]*?\slang=[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_TEXTS = {"failed": "preview_failed", "warning": "preview_warning", "warnings": "preview_warnings",
          "panel": "preview_panel", "dismiss": "preview_dismiss"}


def _language(page: bytes) -> str:
    """The page's language (`<html lang="de">`); English for a page without."""
    found = _LANG.search(page[:2000])
    return found.group(1).decode().lower() if found else "en"


def _texts(lang: str) -> dict[str, str]:
    return {name: translate(lang, key) for name, key in _TEXTS.items()}


def _with_note(page: bytes, note: str) -> bytes:
    box = (f'<div class="wrap"><p class="status-banner" role="note" data-hubgen-held>'
           f'<span class="status status-embargo">{escape(note)}</span></p></div>').encode()
    start = page.find(b"<main")
    end = page.find(b">", start) + 1 if start >= 0 else 0
    return page[:end] + box + page[end:] if start >= 0 else box + page


def _json(value: object) -> str:
    """JSON safe inside a <script>: no `</script>` can end it early."""
    return json.dumps(value).replace("</", "<\\/")


def event(name: str, data: object = "") -> bytes:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()
