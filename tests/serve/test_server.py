"""The preview server over HTTP: what it serves, what it refuses, how it rebuilds."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import SiteDir, free_port, running_server


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def raw_status(port: int, target: str) -> int:
    """The status for a request line sent as is: urllib would normalise `..` away."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
                     .encode())
        head = conn.recv(4096).decode("latin-1")
    return int(head.split()[1])


@pytest.fixture
def served(site: SiteDir) -> SiteDir:
    site.message("content/news/solar.md", extra="slug: solar\ntags: [Energie]")
    return site


@pytest.mark.parametrize("target", [
    "/../hubgen.toml", "/%2e%2e/hubgen.toml", "/%2E%2E/hubgen.toml", "/news/../../hubgen.toml",
    "/news/%2e%2e/%2e%2e/hubgen.toml", "/..%2fhubgen.toml", "/..%5chubgen.toml",
    "/content/news/solar.md", "/hubgen.toml", "/_kit/../../hubgen.toml", "/%00",
])
def test_paths_outside_the_output_are_not_found(served: SiteDir, target: str) -> None:
    with running_server(served.root) as server:
        port = int(server.url.rsplit(":", 1)[1].strip("/"))
        assert raw_status(port, target) == 404


@pytest.mark.parametrize(("path", "status", "content_type"), [
    ("/", 200, "text/html; charset=utf-8"),
    ("/news/solar/", 200, "text/html; charset=utf-8"),
    ("/news/solar/press.txt", 200, "text/plain; charset=utf-8"),
    ("/atom.xml", 200, "application/atom+xml; charset=utf-8"),
    ("/assets/style.css", 200, "text/css; charset=utf-8"),
    ("/_kit/snippets.json", 200, "application/json; charset=utf-8"),
    ("/missing/", 404, "text/html; charset=utf-8"),
])
def test_content_types(served: SiteDir, path: str, status: int, content_type: str) -> None:
    with running_server(served.root) as server:
        got_status, got_type, _ = fetch(server.url.rstrip("/") + path)
    assert (got_status, got_type) == (status, content_type)


def test_folder_without_slash_redirects(served: SiteDir) -> None:
    with running_server(served.root) as server:
        status, _, body = fetch(server.url + "news/solar")
    assert status == 200 and b"Solarpark Husum" in body


def test_binds_to_loopback_by_default(served: SiteDir) -> None:
    with running_server(served.root) as server:
        port = int(server.url.rsplit(":", 1)[1].strip("/"))
        table = Path("/proc/net/tcp").read_text().splitlines()[1:]
        listening = [line.split() for line in table]
        local = [row[1] for row in listening if row[3] == "0A"]  # state LISTEN
        assert f"0100007F:{port:04X}" in local
        assert f"00000000:{port:04X}" not in local
        assert f"serving http://127.0.0.1:{port}/" in server.output()


def test_other_host_warns_that_the_kit_shows_unpublished_messages(served: SiteDir) -> None:
    with running_server(served.root, "--host", "127.0.0.2") as server:
        output = server.output()
    assert "warning: serving on 127.0.0.2" in output and "unpublished" in output


def test_port_taken_suggests_another(served: SiteDir) -> None:
    port = free_port()
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", port))
        blocker.listen()
        result = served.hubgen("serve", "--port", str(port))
    assert result.returncode == 2
    assert f"port {port} is taken (try --port " in result.stderr


def test_burst_of_saves_rebuilds_once_or_twice(served: SiteDir) -> None:
    path = served.root / "content/news/solar.md"
    original = path.read_text(encoding="utf-8")
    with running_server(served.root) as server:
        for number in range(20):
            path.write_text(original + f"\nEdit {number}.\n", encoding="utf-8")
            time.sleep(0.05)
        time.sleep(2)
        _, _, body = fetch(server.url + "news/solar/")
        output = server.output()
    assert b"Edit 19." in body
    fast = output.count("updated the pages of solar.md in")
    full = output.count("rebuilt in") - 1  # the first line is the initial build
    assert 1 <= fast <= 2 and 1 <= full <= 2, output


def test_content_error_keeps_serving_and_reports(served: SiteDir) -> None:
    path = served.root / "content/news/solar.md"
    with running_server(served.root) as server:
        path.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
        time.sleep(1.5)
        status, _, body = fetch(server.url + "news/solar/")
        output = server.output()
    assert status == 200  # the last good page, under the error overlay
    assert b"content/news/solar.md:2: front matter: invalid YAML" in body
    assert "content/news/solar.md:2: front matter: invalid YAML" in output


def events_of(port: int, page: str, seconds: float) -> list[str]:
    """The events a tab showing `page` receives during `seconds`."""
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as conn:
        conn.sendall(f"GET /_hubgen/events?page={page} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        received, deadline = b"", time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                received += conn.recv(4096)
            except TimeoutError:
                break
    return [line[7:] for line in received.decode().splitlines() if line.startswith("event: ")]


def test_only_tabs_whose_page_changed_reload(served: SiteDir) -> None:
    served.message("content/news/wind.md", title="Windpark", extra="slug: wind")
    with running_server(served.root) as server:
        port = int(server.url.rsplit(":", 1)[1].strip("/"))
        with ThreadPoolExecutor(3) as pool:
            tabs = {page: pool.submit(events_of, port, page, 4)
                    for page in ("/news/solar/", "/news/wind/", "/_kit/de/news/wind/")}
            time.sleep(1)
            served.message("content/news/solar.md", title="Solarpark Husum wächst",
                           extra="slug: solar\ntags: [Energie]")
            seen = {page: tab.result() for page, tab in tabs.items()}
    assert seen == {"/news/solar/": ["reload"], "/news/wind/": [], "/_kit/de/news/wind/": []}
