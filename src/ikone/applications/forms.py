"""Forms of the application workshop. They check the shape of input; the
services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ikone.accounts.models import Organization, User
from ikone.applications.models import DocumentStatus, Draft, Recommendation
from ikone.applications.models.criteria import SCORE_CHOICES
from ikone.applications.services.checklist import DOCUMENT_UPLOAD
from ikone.applications.services.sections import MAX_SECTION_LENGTH
from ikone.calls.models import Call
from ikone.core.widgets import FastCheckboxSelectMultiple, FastSelect, FastTextarea

SCORE_FIELD_CHOICES: list[tuple[Any, Any]] = [
    ("", _("– noch nicht eingeschätzt –")),
    *SCORE_CHOICES,
]


class DraftCreateForm(forms.Form):
    organization: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none(), empty_label=None
    )
    call: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Förderaufruf"),
        queryset=Call.objects.none(),
        empty_label=_("– bitte wählen –"),
        error_messages={"required": _("Bitte wählen Sie einen Förderaufruf.")},
    )
    title = forms.CharField(
        label=_("Arbeitstitel"),
        max_length=200,
        error_messages={"required": _("Bitte geben Sie einen Arbeitstitel an.")},
    )
    copy_from: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Texte übernehmen aus"),
        queryset=Draft.objects.none(),
        required=False,
        empty_label=_("– leer beginnen –"),
        help_text=_("Abschnitte mit gleichem Thema übernehmen den Text des früheren Entwurfs."),
    )

    def __init__(self, *args: Any, organizations: Any, calls: Any, drafts: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]
        self.fields["call"].queryset = calls  # type: ignore[attr-defined]
        self.fields["copy_from"].queryset = drafts  # type: ignore[attr-defined]
        self.fields["copy_from"].label_from_instance = (  # type: ignore[attr-defined]
            lambda draft: f"{draft.title} ({draft.organization.name})"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        copy_from, organization = data.get("copy_from"), data.get("organization")
        if copy_from and organization and copy_from.organization_id != organization.pk:
            self.add_error(
                "copy_from", _("Bitte wählen Sie einen Entwurf derselben Organisation.")
            )
        return data


class RenameForm(forms.Form):
    """A new title; `based_on` is the draft's version the form was opened on."""

    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        error_messages={"required": _("Bitte geben Sie einen Titel an.")},
    )
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class SectionForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=MAX_SECTION_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 18}),
    )
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class RestoreForm(forms.Form):
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Kommentar"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Bitte schreiben Sie einen Kommentar.")},
    )
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)


class SelfAssessmentForm(forms.Form):
    sections = forms.TypedMultipleChoiceField(
        label=_("Behandelt in"),
        coerce=int,
        required=False,
        widget=FastCheckboxSelectMultiple,
    )
    score = forms.TypedChoiceField(
        label=_("Selbsteinschätzung"),
        choices=SCORE_FIELD_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=FastSelect,
    )
    note = forms.CharField(
        label=_("Notiz"), required=False, max_length=2000, widget=FastTextarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, section_choices: list[tuple[int, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["sections"].choices = section_choices  # type: ignore[attr-defined]


class MentorAssessmentForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Einschätzung der Mentor:in"),
        choices=SCORE_FIELD_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=FastSelect,
    )
    note = forms.CharField(
        label=_("Notiz der Mentor:in"),
        required=False,
        max_length=2000,
        widget=FastTextarea(attrs={"rows": 2}),
    )


class DocumentForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=DocumentStatus.choices)
    file = forms.FileField(
        label=_("Datei"),
        required=False,
        validators=[DOCUMENT_UPLOAD],
        help_text=_("PDF, Office- oder OpenDocument-Datei, Bild; höchstens 20 MB."),
    )
    note = forms.CharField(label=_("Notiz"), required=False, max_length=500)


class ShareForm(forms.Form):
    mentors: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Mentor:innen"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Ausgewählte Mentor:innen können den Entwurf lesen, kommentieren und einschätzen."
        ),
    )
    with_network = forms.BooleanField(
        label=_("Für die Netzwerkkoordination freigeben"),
        required=False,
        help_text=_("Die Koordination kann den Entwurf dann lesen und kommentieren."),
    )

    def __init__(self, *args: Any, mentors: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["mentors"].queryset = mentors  # type: ignore[attr-defined]


class RecommendationForm(forms.Form):
    recommendation = forms.ChoiceField(
        label=_("Empfehlung"),
        choices=Recommendation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie eine Empfehlung.")},
    )
    text = forms.CharField(
        label=_("Begründung"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class TransitionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    submitted_on = forms.DateField(
        label=_("eingereicht am"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    funded_amount = forms.DecimalField(
        label=_("bewilligte Fördersumme (Euro)"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        localize=True,
    )
    feedback = forms.CharField(
        label=_("Rückmeldung des Fördergebers"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LessonsForm(forms.Form):
    lessons = forms.CharField(
        label=_("Erkenntnisse für andere"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Was würden Sie anderen Kommunen raten? Die Netzwerkkoordination sieht diesen "
            "Text ohne den Namen Ihrer Organisation."
        ),
    )
    feedback = forms.CharField(
        label=_("Rückmeldung des Fördergebers"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
