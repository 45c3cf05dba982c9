"""Forms of the questions pages. They check the shape of the input; the
services check the rules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ikone.accounts.models import Organization
from ikone.calls.models import Call, CallSection
from ikone.core.models import FieldOfAction
from ikone.core.widgets import FastSelect
from ikone.qa.models import QuestionStatus, Visibility

ANSWER_HELP = _(
    "Absätze trennen Sie durch eine Leerzeile; Zeilen mit „- “ werden zur Liste. "
    "Erlaubt sind auch <strong>, <em>, Listen und Links."
)


class SectionChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: CallSection) -> str:  # type: ignore[override]
        return obj.label


def _section_field(sections: Sequence[CallSection], label: Any) -> SectionChoiceField:
    field = SectionChoiceField(
        queryset=CallSection.objects.filter(pk__in=[section.pk for section in sections]),
        required=False,
        label=label,
    )
    # Offer the sections in reading order without another query per render.
    field.choices = [(section.pk, section.label) for section in sections]
    return field


class QuestionForm(forms.Form):
    title = forms.CharField(
        label=_("Ihre Frage in einem Satz"),
        max_length=200,
        help_text=_("Zum Beispiel: „Zählen Personalkosten der Verwaltung zum Eigenanteil?“"),
    )
    text = forms.CharField(
        label=_("Erläuterung"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Was genau ist unklar? Was haben Sie vor? Höchstens 5.000 Zeichen."),
    )
    visibility = forms.ChoiceField(
        label=_("Wer darf die Frage lesen?"),
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        widget=FastSelect,
        help_text=_(
            "„nur Netzwerk“: Menschen aus Mitgliedskommunen des Netzwerks, Mentor:innen und "
            "Koordination. Ihre eigene Organisation sieht die Frage immer."
        ),
    )
    show_organization = forms.BooleanField(
        label=_("Öffentlich zeigen, welche Organisation fragt"),
        required=False,
        help_text=_("Sonst sehen den Namen nur Ihre Organisation, Mentor:innen und Koordination."),
    )

    def __init__(
        self,
        *args: Any,
        sections: Sequence[CallSection] = (),
        organizations: Sequence[Organization] = (),
        fields_of_action: Sequence[FieldOfAction] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sections"] = _section_field(
            sections, _("Welche Abschnitte des Aufrufs betrifft die Frage?")
        )
        fields_field = forms.ModelMultipleChoiceField(
            queryset=FieldOfAction.objects.all(),
            required=False,
            label=_("Handlungsfelder"),
            widget=forms.CheckboxSelectMultiple,
        )
        fields_field.choices = [(field.pk, field.label) for field in fields_of_action]
        self.fields["fields_of_action"] = fields_field
        if len(organizations) > 1:
            self.fields["organization"] = forms.ModelChoiceField(
                queryset=Organization.objects.filter(pk__in=[org.pk for org in organizations]),
                label=_("Sie fragen für"),
                empty_label=None,
            )
        self.order_fields(
            ["title", "text", "sections", "fields_of_action", "organization", "visibility"]
        )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Ihre Antwort"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=ANSWER_HELP,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, sections: Sequence[CallSection] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sections"] = _section_field(
            sections, _("Auf welche Abschnitte stützt sich die Antwort?")
        )


class FAQEntryForm(forms.Form):
    """The published wording of an FAQ entry (coordinators)."""

    title = forms.CharField(label=_("Frage (veröffentlichte Fassung)"), max_length=200)
    question_text = forms.CharField(
        label=_("Erläuterung (veröffentlichte Fassung)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ohne Angaben, die auf die fragende Kommune schließen lassen."),
    )
    answer_text = forms.CharField(
        label=_("Antwort (veröffentlichte Fassung)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=ANSWER_HELP,
    )
    note = forms.CharField(
        label=_("Anmerkung zur Fassung"),
        max_length=300,
        required=False,
        help_text=_("Zum Beispiel: „Formulierung geglättet“. Erscheint im Verlauf."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, sections: Sequence[CallSection] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = forms.ModelChoiceField(
            queryset=CallSection.objects.filter(pk__in=[section.pk for section in sections]),
            required=False,
            label=_("Einordnen unter Abschnitt"),
            empty_label=_("– ohne Abschnitt –"),
            widget=FastSelect,
        )
        field.choices = [("", _("– ohne Abschnitt –"))] + [
            (section.pk, section.label) for section in sections
        ]
        self.fields["section"] = field
        self.order_fields(["title", "question_text", "answer_text", "section", "note"])


STATUS_CHOICES = [("", _("alle"))] + list(QuestionStatus.choices)


class QuestionFilterForm(forms.Form):
    call = forms.ChoiceField(label=_("Förderaufruf"), required=False, widget=FastSelect)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=STATUS_CHOICES, widget=FastSelect
    )
    section = forms.ChoiceField(label=_("Abschnitt"), required=False, widget=FastSelect)
    field = forms.ChoiceField(label=_("Handlungsfeld"), required=False, widget=FastSelect)

    def __init__(
        self,
        *args: Any,
        calls: Sequence[Call] = (),
        sections: Sequence[CallSection] = (),
        fields_of_action: Sequence[FieldOfAction] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices: dict[str, list[tuple[str, Any]]] = {
            "call": [(c.slug, c.title) for c in calls],
            "section": [(s.number, s.label) for s in sections],
            "field": [(f.key, f.label) for f in fields_of_action],
        }
        for name, options in choices.items():
            field = cast(forms.ChoiceField, self.fields[name])
            field.choices = [("", _("alle")), *options]
        if not sections:
            self.fields["section"].help_text = _("Wählen Sie zuerst einen Förderaufruf.")


class QuestionEditForm(forms.Form):
    """The asker changes an unanswered question (title and explanation)."""

    title = forms.CharField(label=_("Ihre Frage in einem Satz"), max_length=200)
    text = forms.CharField(
        label=_("Erläuterung"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class HideQuestionForm(forms.Form):
    reason = forms.CharField(
        label=_("Grund der Ausblendung"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wird mit der Frage gespeichert und ist für die Koordination sichtbar."),
    )
