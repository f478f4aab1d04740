"""Deciding, before anything heavy is imported, whether a build has anything to do.

`hubgen build` on an unchanged site should answer as fast as `make`: this module needs only
the config, the output-folder rules and the cache, not Markdown, Jinja or Pillow."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from hubgen.config import CONFIG_FILE, Config, load_config
from hubgen.config.themes import KIT_THEME, theme_folder
from hubgen.errors import Report
from hubgen.pipeline.cache import BuildCache, input_state
from hubgen.pipeline.options import BuildOptions, BuildResult
from hubgen.pipeline.safety import check_apart, check_output_folder
from hubgen.pipeline.swap import remove_stale

__all__ = ["BuildPlan", "plan_build"]


@dataclass(frozen=True)
class BuildPlan:
    config: Config | None
    """None when the config has problems: the build reports them with the content's."""
    output: Path
    kit_output: Path | None
    """None with `--public-only`: kit/ is left as it is."""
    cache: BuildCache
    inputs: str
    now: datetime
    unchanged: BuildResult | None
    """The result to report when there is nothing to do."""


def plan_build(options: BuildOptions) -> BuildPlan:
    started = time.perf_counter()
    now = options.now or datetime.now(UTC)
    cache = BuildCache(options.root)
    config = load_config(options.root, probe := Report())
    if config is None or probe.errors:
        return BuildPlan(None, options.root, options.root, cache, "", now, None)
    output = check_output_folder(config, options.out or config.output_path)
    kit = check_output_folder(config, config.kit_path)
    check_apart(output, kit)
    for folder in (output, kit):
        remove_stale(folder)
    kit_output = None if options.public_only else kit
    inputs = _input_state(config, options)
    last = None if options.clean else cache.unchanged(inputs, now, output, kit_output)
    unchanged = None if last is None else BuildResult(
        *last.summary, seconds=time.perf_counter() - started, output=output,
        warnings=list(last.warnings), unchanged=True, held=last.held)
    return BuildPlan(config, output, kit_output, cache, inputs, now, unchanged)


def _input_state(config: Config, options: BuildOptions) -> str:
    folders = [config.content_path, config.static_path, config.root / "templates",
               theme_folder(config), KIT_THEME]
    font = [config.root / config.share_images.font] if config.share_images.font else []
    # Not `now`: the manifest's valid_until covers time passing.
    return input_state(list(dict.fromkeys(folders)), [config.root / CONFIG_FILE, *font],
                       (options.out, options.drafts, options.future, options.public_only))
