"""Forms of the support app: the contact form (with its spam checks), a
new request, replies and notes, the handlers' settings, the queue filters."""

from __future__ import annotations

import re
import time
from typing import Any, cast

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from ikone.core.widgets import FastSelect
from ikone.support.models import Priority, Topic
from ikone.support.selectors import QueueFilters
from ikone.support.workflow import Status

MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 3600
MAX_LINKS = 2
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
_STAMP_SALT = "ikone.support.contact.started"


def form_stamp() -> str:
    """A signed timestamp put into the form when it is shown."""
    return signing.dumps(time.time(), salt=_STAMP_SALT)


class ContactForm(forms.Form):
    """Anyone's message. Spam checks without third parties: a honeypot
    field people do not see (`website`), a minimum time between showing and
    sending the form (signed `started`), at most two links."""

    name = forms.CharField(label=_("Ihr Name"), max_length=150)
    email = forms.EmailField(label=_("Ihre E-Mail-Adresse"))
    organization_name = forms.CharField(
        label=_("Organisation oder Kommune"),
        max_length=200,
        required=False,
        help_text=_("z. B. „Stadt Andernach“; wir suchen sie im Kommunenverzeichnis."),
    )
    topic = forms.ChoiceField(label=_("Thema"), choices=Topic.choices, widget=FastSelect)
    subject = forms.CharField(label=_("Betreff"), max_length=200)
    message = forms.CharField(
        label=_("Ihre Nachricht"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    consent = forms.BooleanField(label=_("Einwilligung"), required=True)
    # Honeypot: hidden by CSS and aria-hidden; people leave it empty.
    website = forms.CharField(label=_("Webseite (bitte leer lassen)"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def clean_website(self) -> str:
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Bitte lassen Sie dieses Feld leer."))
        return ""

    def clean_started(self) -> float:
        try:
            started = float(
                signing.loads(
                    self.cleaned_data["started"], salt=_STAMP_SALT, max_age=MAX_FORM_AGE_SECONDS
                )
            )
        except (signing.BadSignature, TypeError, ValueError) as error:
            raise forms.ValidationError(
                _("Das Formular ist abgelaufen. Bitte senden Sie es noch einmal.")
            ) from error
        if time.time() - started < MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie erneut.")
            )
        return started

    def clean_message(self) -> str:
        message = self.cleaned_data["message"]
        if len(_LINK.findall(message)) > MAX_LINKS:
            raise forms.ValidationError(
                _("Bitte nennen Sie höchstens %(count)s Links.") % {"count": MAX_LINKS}
            )
        return message


class RequestForm(forms.Form):
    """A signed-in person's request; the organisation, draft and question
    choices are the person's own."""

    organization: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Für"), queryset=None, required=False, empty_label=_("nur für mich")
    )
    topic = forms.ChoiceField(label=_("Thema"), choices=Topic.choices, widget=FastSelect)
    subject = forms.CharField(label=_("Betreff"), max_length=200)
    message = forms.CharField(
        label=_("Ihr Anliegen"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    draft: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Bewerbungsentwurf (optional)"),
        queryset=None,
        required=False,
        help_text=_(
            "Der Entwurf muss mit der Netzwerkkoordination oder einer Mentorin, einem Mentor "
            "geteilt sein; die Anfrage sehen dann nur, die den Entwurf sehen dürfen."
        ),
    )
    question: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Frage (optional)"), queryset=None, required=False
    )

    def __init__(self, *args: Any, organizations: Any, drafts: Any, questions: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organization"]).queryset = organizations
        cast(forms.ModelChoiceField, self.fields["draft"]).queryset = drafts
        cast(forms.ModelChoiceField, self.fields["question"]).queryset = questions


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Nachricht"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 6})
    )


class HandlingForm(forms.Form):
    """Assignee, priority and due date, with the version the page showed."""

    assignee: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Zuständig"),
        queryset=None,
        required=False,
        empty_label=_("niemand"),
    )
    priority = forms.ChoiceField(label=_("Priorität"), choices=Priority.choices, widget=FastSelect)
    due_date = forms.DateField(
        label=_("Fällig am"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        assignees: Any,
        shown: list[tuple[int, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        """`assignees` (a queryset) validates the choice; `shown`, the
        (id, label) pairs of the same people read earlier
        (`selectors.assignee_options`), spares the page reading them."""
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["assignee"])
        field.queryset = assignees
        if shown is not None:
            field.choices = [("", field.empty_label), *shown]


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("offen")), ("all", _("alle")), *Status.choices],
        widget=FastSelect,
    )
    thema = forms.ChoiceField(
        label=_("Thema"),
        required=False,
        choices=[("", _("alle")), *Topic.choices],
        widget=FastSelect,
    )
    zustaendig = forms.ChoiceField(
        label=_("Zuständig"),
        required=False,
        choices=[("", _("alle")), ("me", _("ich")), ("none", _("niemand"))],
        widget=FastSelect,
    )
    prioritaet = forms.ChoiceField(
        label=_("Priorität"),
        required=False,
        choices=[("", _("alle")), *Priority.choices],
        widget=FastSelect,
    )
    mitglied = forms.ChoiceField(
        label=_("Mitglied im Netzwerk"),
        required=False,
        choices=[("", _("alle")), ("yes", _("Mitglieder")), ("no", _("Nichtmitglieder"))],
        widget=FastSelect,
    )

    def to_filters(self) -> QueueFilters:
        if not self.is_valid():
            return QueueFilters()
        data = self.cleaned_data
        return QueueFilters(
            status=data["status"],
            topic=data["thema"],
            assignee=data["zustaendig"],
            priority=data["prioritaet"],
            member=data["mitglied"],
        )
