"""Build: gather and check everything, render in memory, then swap the output folders in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hubgen.pipeline.options import BuildOptions, BuildResult

if TYPE_CHECKING:
    from hubgen.pipeline.run import build

__all__ = ["BuildOptions", "BuildResult", "build"]


def __getattr__(name: str) -> Any:
    # The pipeline imports every renderer; `hubgen build` on an unchanged site needs none.
    if name == "build":
        from hubgen.pipeline.run import build

        return build
    raise AttributeError(name)
