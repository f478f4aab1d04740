"""Content: message files parsed, validated and turned into the model."""

from hubgen.content.load import load_site

__all__ = ["load_site"]
