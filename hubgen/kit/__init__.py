"""The channel kit: everything in kit/ (snippet files, kit pages, calendar, iCalendar, exports)."""
