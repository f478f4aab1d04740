"""The script injected into previewed pages: reload on change, swap CSS, show build errors."""

from __future__ import annotations

import json

from hubgen.errors import Problem

__all__ = ["EVENTS_PATH", "event", "inject"]

EVENTS_PATH = "/_hubgen/events"

_SCRIPT = """<script data-hubgen-preview>
(() => {
  const overlayId = "hubgen-error-overlay";
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
    box.textContent = "hubgen: the last change could not be built\\n\\n" + lines.join("\\n");
  }
  const initial = %s;
  if (initial.length) showErrors(initial);
  // The page it shows: the server tells this tab only of changes to it.
  const events = new EventSource("%s?page=" + encodeURIComponent(location.pathname));
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("css", () => {
    document.querySelectorAll('link[rel="stylesheet"]').forEach((link) => {
      const url = new URL(link.href);
      url.searchParams.set("hubgen", Date.now());
      link.href = url.href;
    });
  });
  events.addEventListener("failed", (e) => showErrors(JSON.parse(e.data)));
})();
</script>
"""


def inject(page: bytes, problems: tuple[Problem, ...]) -> bytes:
    """The page with the preview script before </body> (or at the end)."""
    errors = [str(p) for p in problems if p.severity == "error"]
    script = (_SCRIPT % (json.dumps(errors).replace("</", "<\\/"), EVENTS_PATH)).encode()
    marker = page.rfind(b"</body>")
    return page + script if marker < 0 else page[:marker] + script + page[marker:]


def event(name: str, data: object = "") -> bytes:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()
