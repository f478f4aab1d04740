"""The preview script's own words follow the page's language: German, English, and English for
a page that names none or one hubgen has no words for."""

from __future__ import annotations

import json
import re

import pytest

from hubgen.serve.livereload import inject


def texts(page: bytes) -> dict[str, str]:
    script = inject(page, [], []).decode()
    found = re.search(r"const text = (\{.*?\});", script)
    assert found is not None
    return dict(json.loads(found.group(1)))


@pytest.mark.parametrize(("page", "failed", "many"), [
    (b'<!DOCTYPE html><html lang="de"><body></body></html>',
     "hubgen: Die letzte Änderung ließ sich nicht bauen", "hubgen: {count} Hinweise zu dieser Meldung"),
    (b"<!doctype html><html class='x' lang='en-GB'><body></body></html>",
     "hubgen: the last change could not be built", "hubgen: {count} warnings in this message"),
    (b"<h1>404 Not Found</h1>", "hubgen: the last change could not be built",
     "hubgen: {count} warnings in this message"),
    (b'<html lang="fr"><body></body></html>', "hubgen: the last change could not be built",
     "hubgen: {count} warnings in this message"),
])
def test_the_panel_and_overlay_speak_the_page_language(page: bytes, failed: str, many: str) -> None:
    found = texts(page)
    assert found["failed"] == failed and found["warnings"] == many


def test_a_warning_quoting_a_slot_is_left_as_written() -> None:
    script = inject(b'<html lang="de"><body></body></html>', ["__TEXT__"], ["__EVENTS__"]).decode()
    assert '["__TEXT__"]' in script and '["__EVENTS__"]' in script
