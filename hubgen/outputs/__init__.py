"""Outputs: everything a build writes, gathered in memory as a FileTree before anything is written."""

from hubgen.outputs.tree import FileTree

__all__ = ["FileTree"]
