"""Jinja2 themes: a site's templates/ over its theme; errors carry template file and line."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2

from hubgen.config import Config
from hubgen.config.themes import BUILTIN_THEMES, KIT_THEME, link_boundary, theme_folder
from hubgen.errors import Problem, Report
from hubgen.filetree import Content
from hubgen.memo import Made, Memo, Namespace, fingerprint
from hubgen.parallel import MIN_BATCH, shared_map
from hubgen.symlinks import list_files, outside_problem

__all__ = ["BUILTIN_THEMES", "TemplateProblem", "Themes", "theme_folder"]

def _render_job(shared: tuple[Themes, list[tuple[str, dict[str, Any]]]], index: int) -> bytes | Problem:
    """A page of `Themes.render_all`, or its template's problem (sent back as data: an
    exception of ours would not unpickle)."""
    themes, jobs = shared
    name, context = jobs[index]
    try:
        return themes._render(name, context).encode("utf-8")
    except TemplateProblem as exc:
        return exc.problem


class TemplateProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class Themes:
    """The template environment of one site: its templates/ over its theme."""

    def __init__(self, config: Config, theme: Path | None = None, overrides: str | None = "",
                 memo: Memo | None = None, helpers: dict[str, Callable[..., Any]] | None = None) -> None:
        """`helpers`: functions the templates call, as Jinja filters and globals alike;
        `overrides`: the folder of templates/ that overrides the theme's, None for none."""
        self.config = config
        self.memo = memo or Memo()
        theme = theme or theme_folder(config)
        own = [] if overrides is None else [config.root / "templates" / overrides]
        self.folders = [f for f in (*own, theme) if f.is_dir()]
        default = BUILTIN_THEMES / "default"
        self.fallback = (Themes(config, default, None, self.memo, helpers)
                         if theme != default and theme != KIT_THEME else None)
        """A theme of the site's own may predate a page kind (short links came later): a
        template it lacks renders whole in the default theme, instead of stopping the build."""
        self._found: dict[str, bool] = {}
        self.static_folders = [theme / "static"]
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(f) for f in self.folders]),
            undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(["html", "xml"]),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(helpers or {})
        self.env.globals.update(helpers or {})

    @classmethod
    def for_kit(cls, config: Config, memo: Memo | None = None) -> Themes:
        """The channel kit's templates; a site may override them in templates/_kit/."""
        return cls(config, KIT_THEME, "_kit", memo)

    @cached_property
    def fingerprint(self) -> str:
        """Every template's text: any edit to any of them renders every page again, since a
        page may include, extend or import any other."""
        files = []
        for folder in self.folders:
            listing = list_files(folder, link_boundary(self.config.root, folder))
            if listing.outside:
                raise TemplateProblem(outside_problem(*listing.outside[0], self.config.root))
            files += [p for p in listing.files if not p.is_relative_to(folder / "static")]
        files.sort()
        return fingerprint(*((p.as_posix(), p.read_bytes()) for p in files))

    def render(self, name: str, context: dict[str, Any], remember: bool = True) -> Content:
        """The page in UTF-8 (a Blob if remembered by an earlier build: `MemoStore.lazy`); the
        same template and context give the remembered page back.
        Bytes, not str: typographic quotes make a str two bytes a character, and the memo
        holds every page. Without `remember`, for pages whose maker remembers them (a message's
        pass): hashing the context cost more than rendering."""
        if self.fallback is not None and not self._has(name):
            return self.fallback.render(name, context, remember)
        if not remember:
            return self._render(name, context).encode("utf-8")
        return self.render_all([(name, context)])[0]

    def render_all(self, jobs: list[tuple[str, dict[str, Any]]], heavy: bool = False,
                   made_of: list[object] | None = None) -> list[Content]:
        """`render` of each (template, context), the pages not remembered on all cores (here
        and in forked processes, which find the contexts where they lie: they hold functions,
        which don't pickle; `shared_map`). `heavy` pages (each listing a whole site) are worth
        a process each.
        `made_of`: for each job, all its context is made of, where the caller knows that
        cheaper to hash than the context itself."""
        if self.fallback is not None and not all(self._has(name) for name, _ in jobs):
            return [self.render(name, context) for name, context in jobs]
        parts = made_of or [context for _, context in jobs]
        keys = [fingerprint(self.fingerprint, name, part, "utf-8")
                for (name, _), part in zip(jobs, parts, strict=True)]

        def make(missing: list[int]) -> Iterator[Made[bytes]]:
            for page in shared_map(_render_job, missing, (self, jobs), batch=2 if heavy else MIN_BATCH):
                if isinstance(page, Problem):
                    raise TemplateProblem(page)
                yield page, ()
        return self.memo.map(Namespace.PAGE, keys, Report(), make)

    def _has(self, name: str) -> bool:
        if name not in self._found:
            self._found[name] = any((folder / name).is_file() for folder in self.folders)
        return self._found[name]

    def _render(self, name: str, context: dict[str, Any]) -> str:
        try:
            return self.env.get_template(name).render(context)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(Problem(self._display(exc.filename or name), exc.lineno,
                                          "template", exc.message or "syntax error",
                                          "fix the template syntax")) from None
        except jinja2.TemplateNotFound as exc:
            path, line = self._template_frame(exc, name)  # the template that asked for it
            raise TemplateProblem(Problem(path, line, "template", f"template '{exc.name}' not found",
                                          "add it to templates/ or the theme")) from None
        except (jinja2.UndefinedError, TypeError, KeyError, ValueError, AttributeError) as exc:
            path, line = self._template_frame(exc, name)
            fix = ("check the variable name; docs/themes.md lists what templates get"
                   if isinstance(exc, jinja2.UndefinedError) else "fix the expression")
            raise TemplateProblem(Problem(path, line, "template", str(exc), fix)) from None

    def _template_frame(self, exc: BaseException, name: str) -> tuple[str, int]:
        """The innermost template frame of an error: Jinja maps template lines into tracebacks."""
        folders = [str(f) for f in self.folders]
        found = (name, 0)
        for frame in traceback.extract_tb(exc.__traceback__):
            if any(frame.filename.startswith(f) for f in folders):
                found = (self._display(frame.filename), frame.lineno or 0)
        return found

    def _display(self, filename: str) -> str:
        path = Path(filename)
        if not path.is_absolute():
            for folder in self.folders:
                if (folder / filename).is_file():
                    path = folder / filename
                    break
        try:
            return path.relative_to(self.config.root).as_posix()
        except ValueError:
            return path.as_posix()
