"""Forms of the calls pages: the list filter and the amendment form."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ikone.calls.models import CallSection, CallStatus
from ikone.calls.services import SectionText
from ikone.calls.text import html_to_paragraphs, paragraphs_to_html
from ikone.core.widgets import FastCheckboxInput, FastTextarea, FastTextInput

NUMBER_RE = re.compile(r"^\d+(\.\d+)*$")


def _key(section: CallSection) -> str:
    """Field name part of a section: "3.2" -> "3-2" (stable across versions)."""
    return section.number.replace(".", "-")


class CallFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle"))] + list(CallStatus.choices),
    )

    def selected_status(self) -> str:
        if self.is_valid():
            return self.cleaned_data["status"]
        return ""


class AmendmentForm(forms.Form):
    """One title and text field per section of the current version, a
    checkbox to remove it, an optional new section, and the change note.

    Text is edited as plain paragraphs (blank line = new paragraph,
    "- " = list item). `changes()` returns only what differs.
    """

    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(
        label=_("Änderungshinweis"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Was ändert sich und warum? Erscheint in der Versionsliste."),
    )
    new_number = forms.CharField(
        label=_("Nummer des neuen Abschnitts"),
        required=False,
        max_length=20,
        help_text=_("z. B. 3.7 – nur ausfüllen, wenn ein Abschnitt hinzukommt."),
    )
    new_title = forms.CharField(
        label=_("Überschrift des neuen Abschnitts"), required=False, max_length=300
    )
    new_text = forms.CharField(
        label=_("Text des neuen Abschnitts"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, sections: list[CallSection], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.sections = sections
        # Widgets rendered in Python: three fields per section (~100 on the
        # example call) spent most of the page's time in widget templates.
        for section in sections:
            i = _key(section)
            self.fields[f"title_{i}"] = forms.CharField(
                label=_("Überschrift"),
                max_length=300,
                initial=section.title,
                widget=FastTextInput,
            )
            self.fields[f"text_{i}"] = forms.CharField(
                label=_("Text"),
                required=False,
                widget=FastTextarea(attrs={"rows": 6}),
                initial=html_to_paragraphs(section.text),
            )
            self.fields[f"remove_{i}"] = forms.BooleanField(
                label=_("Abschnitt mit Unterabschnitten entfernen"),
                required=False,
                widget=FastCheckboxInput,
            )

    def section_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "section": section,
                "title": self[f"title_{i}"],
                "text": self[f"text_{i}"],
                "remove": self[f"remove_{i}"],
            }
            for i, section in ((_key(s), s) for s in self.sections)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        number = (data.get("new_number") or "").strip()
        if number:
            if not NUMBER_RE.match(number):
                self.add_error("new_number", _("Bitte eine Nummer wie „3“ oder „3.2“ angeben."))
            elif number in {s.number for s in self.sections}:
                self.add_error(
                    "new_number", _("Diese Nummer gibt es schon; ändern Sie den Abschnitt oben.")
                )
            if not (data.get("new_title") or "").strip():
                self.add_error("new_title", _("Bitte eine Überschrift angeben."))
        elif (data.get("new_title") or "").strip() or (data.get("new_text") or "").strip():
            self.add_error("new_number", _("Bitte eine Nummer für den neuen Abschnitt angeben."))
        return data

    def changes(self) -> dict[str, SectionText | None]:
        data = self.cleaned_data
        changes: dict[str, SectionText | None] = {}
        for section in self.sections:
            i = _key(section)
            if data.get(f"remove_{i}"):
                changes[section.number] = None
                continue
            title = data[f"title_{i}"].strip()
            text = data.get(f"text_{i}") or ""
            if title != section.title or text.strip() != html_to_paragraphs(section.text).strip():
                changes[section.number] = SectionText(title=title, text=paragraphs_to_html(text))
        number = (data.get("new_number") or "").strip()
        if number:
            changes[number] = SectionText(
                title=data["new_title"].strip(),
                text=paragraphs_to_html(data.get("new_text") or ""),
            )
        return changes
