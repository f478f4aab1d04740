"""hubgen: write a message once, publish a newsroom and every channel's snippets."""

__version__ = "0.1.0"
