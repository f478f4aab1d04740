"""`serve()`: the preview HTTP server on loopback, the watcher, and live reload."""

from __future__ import annotations

import errno
import mimetypes
import re
import socket
import sys
import threading
import webbrowser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from hubgen.config import load_config
from hubgen.config.themes import link_boundary, theme_folder
from hubgen.errors import Report, UsageError
from hubgen.pipeline.run import BuildOptions
from hubgen.serve.held import explain_missing
from hubgen.serve.livereload import EVENTS_PATH, event, inject
from hubgen.serve.new_warnings import WarningLog
from hubgen.serve.preview import Preview, Snapshot
from hubgen.serve.watch import SourceWatcher
from hubgen.symlinks import leads_outside

__all__ = ["KIT_PREFIX", "PreviewServer", "host_allowed", "serve"]

KIT_PREFIX = "/_kit/"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
_HOST = re.compile(r"(?P<name>\[[0-9A-Fa-f:.]+\]|[^:\[\]]+)(?::(?P<port>[0-9]{1,5}))?")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("application/atom+xml", ".xml")
mimetypes.add_type("text/plain", ".md")


def host_allowed(host: str | None, bind: str, port: int) -> bool:
    """Whether a request's Host header names this server: a loopback name or the address it
    was started on, with its port or none. A page of another site that a browser sends here
    through DNS rebinding names that site instead; refusing it keeps the kit's embargoed texts
    unreadable to it (webpack-dev-server's allowedHosts and Vite's server.allowedHosts do the
    same)."""
    found = _HOST.fullmatch(host or "")
    names = {"localhost", "127.0.0.1", "[::1]", _url_host(bind).lower()}
    return (found is not None and found["name"].lower() in names
            and (found["port"] is None or int(found["port"]) == port))


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


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
        if self._refused():
            return
        if urlsplit(self.path).path == EVENTS_PATH:
            self._events()
            return
        self._send_file(head=False)

    def do_HEAD(self) -> None:
        if not self._refused():
            self._send_file(head=True)

    def _refused(self) -> bool:
        """403 for a request whose Host isn't this server's, on every path."""
        hosts = self.headers.get_all("Host") or []
        if len(hosts) == 1 and host_allowed(hosts[0], self.server.host, self.server.port):
            return False
        url, host = self.server.url, hosts[0] if hosts else ""
        body = (f"403 Forbidden: hubgen serve answers requests for {url} only, not for {host!r}"
                " (the Host header): pages of other sites must not read the preview, whose"
                f" channel kit shows embargoed texts. Open {url} instead.\n").encode()
        self.send_response(HTTPStatus.FORBIDDEN)
        self._send_headers("text/plain; charset=utf-8", len(body))
        if self.command != "HEAD":
            self.wfile.write(body)
        self.close_connection = True
        return True

    def _send_file(self, head: bool) -> None:
        snapshot = self.server.preview.current()
        target = resolve(self.path)
        body = self._read(snapshot.lookup(*target)) if target else None
        if (body is None and target and not target[1].endswith(".html")
                and snapshot.lookup(target[0], target[1] + "/index.html") is not None):
            self._redirect(urlsplit(self.path).path + "/")
            return
        status, note = HTTPStatus.OK, ""
        name = target[1] if target else "404.html"
        if body is None:
            status, name = HTTPStatus.NOT_FOUND, "404.html"
            body = self._read(snapshot.lookup("public", "404.html")) or b"<h1>404 Not Found</h1>"
            if target and target[0] == "public":
                note = explain_missing(snapshot.held, target[1])
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if content_type == "text/html":
            warnings = snapshot.warnings(target[1]) if target and target[0] == "public" else []
            body = inject(body, _errors(snapshot), warnings, note)
        if content_type.startswith("text/") or content_type.endswith(("xml", "json", "javascript")):
            content_type += "; charset=utf-8"
        self.send_response(status)
        self._send_headers(content_type, len(body))
        if not head:
            self.wfile.write(body)

    def _send_headers(self, content_type: str, length: int) -> None:
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()

    def _read(self, found: bytes | Path | None) -> bytes | None:
        """A file of the snapshot, unless it is gone since or has become a link out of the site
        (the build checked it, but it may have changed after)."""
        if not isinstance(found, Path):
            return found
        if leads_outside(found, link_boundary(self.server.preview.options.root, found)):
            return None
        try:
            return found.read_bytes()
        except OSError:
            return None

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
    if not unchanged:
        return event("reload", snapshot.generation)
    assert page is not None
    warnings = _page_warnings(snapshot, page)
    return b": unchanged\n\n" if warnings == _page_warnings(shown, page) else event("warnings", warnings)


def _page_warnings(snapshot: Snapshot, page: tuple[str, str]) -> list[str]:
    return snapshot.warnings(page[1]) if page[0] == "public" else []


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
        self.host, self.port = address[0], int(self.server_address[1])
        self.url = f"http://{_url_host(self.host)}:{self.port}/"


def _free_port(host: str, start: int) -> int:
    for port in range(start + 1, start + 50):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            if probe.connect_ex((host, port)) != 0:
                return port
    return 0


def serve(options: BuildOptions, host: str = "127.0.0.1", port: int = 8000,
          open_browser: bool = False) -> None:
    """Build, serve and watch until interrupted."""
    log = WarningLog()
    preview = Preview(options, on_background=lambda snapshot: _report(snapshot, log))
    try:
        server = PreviewServer((host, port), preview)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} is taken (try --port {_free_port(host, port)})") from None
        raise UsageError(f"can't listen on {host}:{port}: {exc.strerror}") from None
    if host not in LOOPBACK:
        print(f"warning: serving on {host}, reachable from other machines: the channel kit"
              " shows unpublished and embargoed messages", file=sys.stderr)
    _report(preview.rebuild(), log)
    watcher = _watcher(options, preview, log)
    watcher.start()
    url = server.url
    print(f"serving {url} (newsroom) and {url}_kit/ (channel kit); Ctrl+C stops", flush=True)
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.stopping.set()
        watcher.stop()
        server.server_close()


def _watcher(options: BuildOptions, preview: Preview, log: WarningLog) -> SourceWatcher:
    loaded = load_config(options.root, Report())  # its problems show in the first build
    outputs = ("public", "kit")
    extra: tuple[Path, ...] = ()
    if loaded is not None:
        outputs = (loaded.site.output_dir, loaded.site.kit_dir)
        extra = (theme_folder(loaded),)

    def changed(paths: set[Path]) -> None:
        _report(preview.changed(paths), log)

    return SourceWatcher(options.root, outputs, changed, extra, on_activity=preview.touched)


def _report(snapshot: Snapshot | None, log: WarningLog) -> None:
    if snapshot is None:
        return  # a newer save took over; its own report follows
    if snapshot.failed:
        for problem in snapshot.problems:
            print(problem, file=sys.stderr, flush=True)
        return
    errors = [p for p in snapshot.problems if p.severity == "error"]
    for problem in errors:
        print(problem, file=sys.stderr, flush=True)
    new, count, gone = log.update(snapshot.problems)
    for problem in new:
        print(problem, file=sys.stderr, flush=True)
    took = f"{snapshot.seconds * 1000:.0f} ms"
    if snapshot.quick_paths:
        names = ", ".join(sorted(p.name for p in snapshot.quick_paths))
        line = f"updated the pages of {names} in {took}; the full rebuild follows"
    else:
        line = f"rebuilt in {took}"
    print(line + _warning_count(count, len(new), gone), flush=True)


def _warning_count(count: int, new: int, gone: int) -> str:
    """`; 3 warnings (1 new, 2 fixed)`: empty when there are none and none went."""
    if not count and not gone:
        return ""
    changes = [f"{n} {what}" for n, what in ((new, "new"), (gone, "fixed")) if n]
    noun = "warning" if count == 1 else "warnings"
    return f"; {count} {noun}" + (f" ({', '.join(changes)})" if changes else "")
