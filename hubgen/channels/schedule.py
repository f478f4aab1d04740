"""When a message's posts go out: shared by the scheduling exports, the calendar and the checks."""

from __future__ import annotations

from datetime import datetime, timedelta

from hubgen.model import Message, Site

__all__ = ["posting_time"]


def posting_time(site: Site, message: Message) -> datetime:
    """When a message's posts go out: once it is public, rounded up to the next five minutes,
    as schedulers take only such times."""
    local = site.local(message.publish_at)
    minute = local.replace(second=0, microsecond=0)
    if minute < local:  # 09:00:30 goes out at 09:05, not half a minute before it is public
        minute += timedelta(minutes=1)
    return minute + timedelta(minutes=-minute.minute % 5)
