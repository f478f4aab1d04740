"""The `hubgen` command line."""
