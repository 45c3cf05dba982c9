"""Input forms of the accounts app. They validate shape only; services write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ikone.accounts.models import (
    DatePrecision,
    NetworkMembershipStatus,
    OrganizationKind,
    Role,
    User,
)
from ikone.core.widgets import FastCheckboxInput, FastSelect, FastTextInput


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def name_field() -> forms.CharField:
    """The person's display name, as asked at sign-up and on the profile."""
    return forms.CharField(
        label=_("Name"),
        max_length=150,
        required=False,
        help_text=_("So sehen Sie Kolleginnen und Kollegen in Ihrer Organisation."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


class ProfileForm(forms.Form):
    name = name_field()
    job_title = forms.CharField(
        label=_("Funktion"),
        max_length=150,
        required=False,
        help_text=_("Zum Beispiel „Digitalisierungsbeauftragte“."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    language = forms.ChoiceField(
        label=_("Sprache der E-Mails"),
        choices=settings.LANGUAGES,
        help_text=_("In dieser Sprache schickt Ihnen die Plattform E-Mails."),
    )


class OrganizationCreateForm(forms.Form):
    name = forms.CharField(label=_("Name der Organisation"), max_length=200)
    kind = forms.ChoiceField(label=_("Art"), choices=OrganizationKind.choices)
    description = forms.CharField(
        label=_("Beschreibung"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("Kontakt-E-Mail"), required=False)


class OrganizationEditForm(forms.Form):
    description = forms.CharField(
        label=_("Beschreibung"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("Kontakt-E-Mail"), required=False)


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("Die Person erhält einen Link, der 14 Tage gültig ist."),
    )
    role = forms.ChoiceField(label=_("Rolle"), choices=Role.choices, initial=Role.STAFF)


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Nachricht an die Ansprechperson"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
        help_text=_("Zum Beispiel Ihre Funktion und Ihr Fachbereich."),
    )


class MembershipRoleForm(forms.Form):
    # One per person on the people page: the select rendered in Python.
    role = forms.ChoiceField(label=_("Rolle"), choices=Role.choices, widget=FastSelect)


class MunicipalitySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name der Kommune oder des Kreises"),
        min_length=2,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class OrganizationFilterForm(forms.Form):
    # Widgets rendered in Python (core.widgets): the filter form is on every
    # request of /organisationen/.
    q = forms.CharField(
        label=_("Suche"),
        required=False,
        max_length=100,
        widget=FastTextInput(attrs={"type": "search"}),
    )
    mitglied = forms.BooleanField(
        label=_("nur Netzwerkmitglieder"), required=False, widget=FastCheckboxInput
    )


class NetworkMembershipForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=NetworkMembershipStatus.choices)
    member_since = forms.DateField(label=_("Mitglied seit"), required=False, widget=DateInput())
    member_since_precision = forms.ChoiceField(
        label=_("Genauigkeit des Beitrittsdatums"),
        choices=DatePrecision.choices,
        initial=DatePrecision.DAY,
        help_text=_(
            "Ist nur das Jahr bekannt, tragen Sie den 1. Januar ein und wählen „Jahr“; "
            "es wird dann nur das Jahr angezeigt."
        ),
    )
    member_until = forms.DateField(label=_("Mitglied bis"), required=False, widget=DateInput())
    note = forms.CharField(label=_("Notiz"), required=False, max_length=300)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("member_since"), cleaned.get("member_until")
        if since and until and until < since:
            self.add_error("member_until", _("Das Ende liegt vor dem Beginn."))
        return cleaned


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Ihr Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("Ja, ich möchte mein Konto endgültig löschen."), required=True
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Das Passwort stimmt nicht."))
        return password


class SignupExtraForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    name = name_field()

    def signup(self, request: Any, user: User) -> None:
        """Called by allauth after it created the user."""
        from dataclasses import replace

        from django.utils import translation

        from ikone.accounts.services import profile_update
        from ikone.core.audit import Actor

        # E-mails start in the language the person signed up in.
        language = translation.get_language() or ""
        name = self.cleaned_data.get("name", "").strip()
        if name or language != user.language:
            # The person is not signed in yet while allauth creates the account.
            actor = replace(Actor.from_request(request), user=user)
            profile_update(
                user=user, name=name, job_title="", phone="", language=language, actor=actor
            )
