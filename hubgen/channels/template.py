"""Snippet texts are small templates over the message: title, summary, key_message, facts, url."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

__all__ = ["NAMES", "SnippetTemplateError", "render_text"]

NAMES = ("title", "summary", "key_message", "facts.NAME", "url")


class SnippetTemplateError(Exception):
    """A snippet text that can't be rendered; `message` and `fix` are for the user."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message, self.fix = message, fix


@dataclass(frozen=True)
class _Facts:
    """`facts.NAME` with an error that names the missing fact and the ones there are."""

    values: dict[str, str]

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return self.values[name]
        except KeyError:
            known = ", ".join(sorted(self.values)) or "none"
            raise SnippetTemplateError(f"unknown fact '{name}'",
                                       f"facts of this message: {known}") from None


@cache
def _env() -> SandboxedEnvironment:
    # Sandboxed: snippet texts come from content files, which may be written by many people.
    return SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False,
                                keep_trailing_newline=False)


@lru_cache(maxsize=4096)
def _compiled(text: str) -> jinja2.Template:
    # Every channel renders the key message again, and the checks the snippet texts: compiling
    # a text once saves most of the time rendering takes.
    return _env().from_string(text)


def render_text(text: str, values: dict[str, Any], facts: dict[str, str]) -> str:
    """Render one snippet text; SnippetTemplateError names what is wrong."""
    if "{" not in text:
        return text
    try:
        template = _compiled(text)
        return template.render({**values, "facts": _Facts(facts)})
    except jinja2.UndefinedError as exc:
        # "'foo' is undefined", "'str object' has no attribute 'foo'": the name is the last quoted
        name = str(exc).split("'")[-2] if str(exc).count("'") >= 2 else str(exc)
        raise SnippetTemplateError(f"unknown name '{name}'", "use " + ", ".join(
            f"{{{{ {n} }}}}" for n in NAMES if n.split(".")[0] in values or n == "facts.NAME"
        )) from None
    except jinja2.TemplateSyntaxError as exc:
        raise SnippetTemplateError(f"template syntax: {exc.message}",
                                   "write names as {{ name }}") from None
    # Anything else a template can do wrong (unsafe attributes, {{ 1/0 }}, bad filter arguments)
    # is the writer's mistake too, never a traceback.
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError) as exc:
        raise SnippetTemplateError(f"template error: {exc}", "write names as {{ name }}") from None
