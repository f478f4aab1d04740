"""Preview: build in memory, serve it on loopback, rebuild on change, reload the browser."""

from hubgen.serve.server import serve

__all__ = ["serve"]
