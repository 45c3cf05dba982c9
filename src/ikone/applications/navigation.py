"""The tabs of a draft's pages. A tab appears once its URL name exists, so
A2's financing, schedule and export pages join without a template change."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

DRAFT_TABS: list[tuple[str | Promise, str]] = [
    (_("Übersicht"), "applications:detail"),
    (_("Kriterien"), "applications:criteria"),
    (_("Unterlagen"), "applications:documents"),
    (_("Finanzierung"), "applications:financing"),
    (_("Zeitplan"), "applications:schedule"),
    (_("Bereitschaft"), "applications:readiness"),
]


@dataclass(frozen=True)
class Tab:
    label: str | Promise
    url: str
    active: bool


def draft_tabs(draft_pk: int, current_path: str) -> list[Tab]:
    tabs = []
    for label, name in DRAFT_TABS:
        try:
            url = reverse(name, kwargs={"pk": draft_pk})
        except NoReverseMatch:
            continue
        tabs.append(Tab(label=label, url=url, active=current_path == url))
    return tabs
