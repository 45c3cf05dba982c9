"""The footer link to the contact form (registered in `SupportConfig.ready()`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ikone.core.urlmemo import reverse_memo


@dataclass(frozen=True)
class FooterLink:
    title: str
    url: str


def footer_links() -> list[FooterLink]:
    return [FooterLink(title=_("Kontakt"), url=reverse_memo("support:contact"))]
