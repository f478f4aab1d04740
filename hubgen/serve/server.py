"""`serve()`: the preview HTTP server on loopback, the watcher, and live reload."""

from __future__ import annotations

import errno
import mimetypes
import socket
import sys
import threading
import webbrowser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from hubgen.config import load_config
from hubgen.config.themes import theme_folder
from hubgen.errors import Report, UsageError
from hubgen.pipeline.run import BuildOptions
from hubgen.serve.livereload import EVENTS_PATH, event, inject
from hubgen.serve.preview import Preview, Snapshot
from hubgen.serve.watch import SourceWatcher

__all__ = ["KIT_PREFIX", "PreviewServer", "serve"]

KIT_PREFIX = "/_kit/"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("application/atom+xml", ".xml")
mimetypes.add_type("text/plain", ".md")


def resolve(url_path: str) -> tuple[str, str] | None:
    """(`public` or `kit`, path in that tree) for a request path; None if it tries to leave.

    Only paths the build made can be served at all: lookups go into the in-memory trees,
    never to the file system, so `..` tricks have nothing to reach; they are refused anyway."""
    path = unquote(urlsplit(url_path).path)
    tree = "public"
    if path == KIT_PREFIX.rstrip("/") or path.startswith(KIT_PREFIX):
        tree, path = "kit", path[len(KIT_PREFIX) - 1 :]
    segments = path.split("/")[1:]
    if any(s in (".", "..") or "\\" in s or "\x00" in s for s in segments) or "" in segments[:-1]:
        return None
    relative = "/".join(segments)
    if not relative or relative.endswith("/"):
        relative += "index.html"
    return tree, relative


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if urlsplit(self.path).path == EVENTS_PATH:
            self._events()
            return
        self._send_file(head=False)

    def do_HEAD(self) -> None:
        self._send_file(head=True)

    def _send_file(self, head: bool) -> None:
        snapshot = self.server.preview.current()
        target = resolve(self.path)
        found = snapshot.lookup(*target) if target else None
        if (found is None and target and not target[1].endswith(".html")
                and snapshot.lookup(target[0], target[1] + "/index.html") is not None):
            self._redirect(urlsplit(self.path).path + "/")
            return
        status = HTTPStatus.OK
        name = target[1] if target else "404.html"
        if found is None:
            status, name = HTTPStatus.NOT_FOUND, "404.html"
            found = snapshot.lookup("public", "404.html") or b"<h1>404 Not Found</h1>"
        body = found.read_bytes() if isinstance(found, Path) else found
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if content_type == "text/html":
            body = inject(body, snapshot.problems)
        if content_type.startswith("text/") or content_type.endswith(("xml", "json", "javascript")):
            content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _events(self) -> None:
        """Server-sent events: one per finished rebuild, until the tab closes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        shown = self.server.preview.current()
        page = resolve(parse_qs(urlsplit(self.path).query).get("page", [""])[0] or "/")
        try:
            self.wfile.write(b"retry: 500\n\n")
            self.wfile.flush()
            while not self.server.stopping.is_set():
                snapshot = self.server.preview.wait_newer(shown.generation, timeout=15)
                if snapshot.generation == shown.generation:
                    self.wfile.write(b": keep-alive\n\n")
                else:
                    self.wfile.write(_event_for(snapshot, shown, page))
                    shown = snapshot
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


def _event_for(snapshot: Snapshot, shown: Snapshot, page: tuple[str, str] | None) -> bytes:
    """What a tab showing `page` of the `shown` snapshot needs: nothing when its page and
    the errors on it are as they were (a full rebuild after a fast render, another page's edit)."""
    if snapshot.failed:
        return event("failed", _errors(snapshot))
    if snapshot.css_only:
        return event("css", snapshot.generation)
    unchanged = (page is not None and not shown.failed and _errors(snapshot) == _errors(shown)
                 and isinstance(now := snapshot.lookup(*page), bytes) and now == shown.lookup(*page))
    return b": unchanged\n\n" if unchanged else event("reload", snapshot.generation)


def _errors(snapshot: Snapshot) -> list[str]:
    return [str(p) for p in snapshot.problems if p.severity == "error"]


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], preview: Preview, verbose: bool = False) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.preview = preview
        self.verbose = verbose
        self.stopping = threading.Event()


def _free_port(host: str, start: int) -> int:
    for port in range(start + 1, start + 50):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            if probe.connect_ex((host, port)) != 0:
                return port
    return 0


def serve(options: BuildOptions, host: str = "127.0.0.1", port: int = 8000,
          open_browser: bool = False) -> None:
    """Build, serve and watch until interrupted."""
    preview = Preview(options, on_background=_report)
    try:
        server = PreviewServer((host, port), preview)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} is taken (try --port {_free_port(host, port)})") from None
        raise UsageError(f"can't listen on {host}:{port}: {exc.strerror}") from None
    if host not in LOOPBACK:
        print(f"warning: serving on {host}, reachable from other machines: the channel kit"
              " shows unpublished and embargoed messages", file=sys.stderr)
    _report(preview.rebuild())
    watcher = _watcher(options, preview)
    watcher.start()
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{server.server_address[1]}/"
    print(f"serving {url} (newsroom) and {url}_kit/ (channel kit); Ctrl+C stops", flush=True)
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.stopping.set()
        watcher.stop()
        server.server_close()


def _watcher(options: BuildOptions, preview: Preview) -> SourceWatcher:
    loaded = load_config(options.root, Report())  # its problems show in the first build
    outputs = ("public", "kit")
    extra: tuple[Path, ...] = ()
    if loaded is not None:
        outputs = (loaded.site.output_dir, loaded.site.kit_dir)
        extra = (theme_folder(loaded),)

    def changed(paths: set[Path]) -> None:
        _report(preview.changed(paths))

    return SourceWatcher(options.root, outputs, changed, extra)


def _report(snapshot: Snapshot) -> None:
    if snapshot.failed:
        for problem in snapshot.problems:
            print(problem, file=sys.stderr, flush=True)
    else:
        errors = [p for p in snapshot.problems if p.severity == "error"]
        for problem in errors:
            print(problem, file=sys.stderr, flush=True)
        took = f"{snapshot.seconds * 1000:.0f} ms"
        if snapshot.quick_paths:
            names = ", ".join(sorted(p.name for p in snapshot.quick_paths))
            print(f"updated the pages of {names} in {took}; the full rebuild follows", flush=True)
        else:
            print(f"rebuilt in {took}", flush=True)
