"""Rendering: Markdown to HTML, Jinja themes, localised strings and dates."""
