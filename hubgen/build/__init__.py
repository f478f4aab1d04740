"""Build: gather and check everything, render in memory, then swap the output folders in."""

from hubgen.build.pipeline import BuildOptions, BuildResult, build

__all__ = ["BuildOptions", "BuildResult", "build"]
