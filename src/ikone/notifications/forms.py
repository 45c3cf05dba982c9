from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ikone.core.notifications import NotificationKind
from ikone.notifications.models import Delivery


class PreferencesForm(forms.Form):
    """One choice per notification kind; mandatory kinds are shown, fixed
    to immediate delivery, and never read from the submitted data."""

    def __init__(
        self, *args: Any, kinds: list[NotificationKind], current: dict[str, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        self.current = current
        for kind in kinds:
            field = forms.ChoiceField(
                label=str(kind.label),
                choices=Delivery.choices,
                initial=Delivery.IMMEDIATE if kind.mandatory else current.get(kind.key),
                widget=forms.RadioSelect,
                help_text=(
                    _("Pflichtnachricht: kommt immer sofort per E-Mail.")
                    if kind.mandatory
                    else str(kind.description)
                ),
                disabled=kind.mandatory,
                # A kind left out of the submitted form keeps its setting.
                required=False,
            )
            self.fields[kind.key] = field

    def choices(self) -> dict[str, str]:
        """The chosen delivery of every kind a person may change."""
        return {
            kind.key: self.cleaned_data[kind.key] or self.current[kind.key]
            for kind in self.kinds
            if not kind.mandatory
        }
