from __future__ import annotations

from datetime import timedelta

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def measure(value: int | timedelta | None) -> str:
    """A figure as people read it: a number, a waiting time, or a dash."""
    if value is None:
        return "–"
    if isinstance(value, timedelta):
        return duration(value)
    return number_format(value, force_grouping=True)


def duration(value: timedelta) -> str:
    """ "2 Tage 3 Std." or "5 Std." or "40 Min." """
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        text = ngettext("%(days)d Tag", "%(days)d Tage", days) % {"days": days}
        return f"{text} {_('%(hours)d Std.') % {'hours': hours}}" if hours else text
    if hours:
        return _("%(hours)d Std.") % {"hours": hours}
    return _("%(minutes)d Min.") % {"minutes": minutes}


@register.filter
def zip_urls(values: list[int], urls: list[str]) -> list[tuple[int, str]]:
    """Pairs of a figure and the link to the list behind it."""
    return list(zip(values, urls, strict=True))
