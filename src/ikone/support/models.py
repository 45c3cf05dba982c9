"""Contact messages and support requests.

A message from the contact form (/kontakt/) and a request written on the
platform (/unterstuetzung/neu/) are the same thing: a `SupportRequest`
with a topic, a status (workflow.py), an assignee, a priority, a due date,
and a thread of `SupportMessage`s (replies the requester reads, the
requester's answers, internal notes). An organisation's requests are its
private data (docs/visibility.md, support/permissions.py); a request
attached to a draft follows the draft's rule.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.core.model_fields import optional_link
from ikone.support.workflow import Status


class Topic(models.TextChoices):
    SKETCH = "sketch", _("Feedback zu unserer Projektskizze")
    FINANCING = "financing", _("Frage zum Finanzierungsplan")
    PARTNER = "partner", _("Partnerkommune gesucht")
    CALL = "call", _("Frage zu einem Förderaufruf")
    MEMBERSHIP = "membership", _("Mitgliedschaft im Netzwerk")
    OTHER = "other", _("Sonstiges")


class Priority(models.TextChoices):
    LOW = "low", _("niedrig")
    NORMAL = "normal", _("normal")
    HIGH = "high", _("hoch")


class Source(models.TextChoices):
    CONTACT = "contact", _("Kontaktformular")
    PLATFORM = "platform", _("Plattform")


class SupportRequest(models.Model):
    # Audit entries keep type and id, never the subject (private data).
    audit_private = True

    topic = models.CharField(_("Thema"), max_length=20, choices=Topic.choices)
    subject = models.CharField(_("Betreff"), max_length=200)
    message = models.TextField(_("Nachricht"))
    source = models.CharField(_("Eingang"), max_length=10, choices=Source.choices)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    priority = models.CharField(
        _("Priorität"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    requester = optional_link(
        settings.AUTH_USER_MODEL,
        _("angefragt von"),
        related_name="support_requests",
    )
    requester_name = models.CharField(_("Name"), max_length=150)
    requester_email = models.EmailField(_("E-Mail-Adresse"))
    organization = optional_link(
        "accounts.Organization",
        _("Organisation"),
        related_name="support_requests",
    )
    municipality = optional_link("municipalities.Municipality", _("Kommune"))
    organization_name = models.CharField(
        _("Organisation oder Kommune (Angabe)"), max_length=200, blank=True
    )
    draft = optional_link(
        "applications.Draft",
        _("Bewerbungsentwurf"),
        related_name="support_requests",
    )
    question = optional_link("qa.Question", _("Frage"), related_name="support_requests")
    assignee = optional_link(
        settings.AUTH_USER_MODEL,
        _("zuständig"),
        related_name="assigned_support_requests",
    )
    due_date = models.DateField(_("fällig am"), null=True, blank=True, db_index=True)
    is_member = models.BooleanField(
        _("Mitglied im Netzwerk"),
        default=False,
        help_text=_("Ob die Organisation beim Eingang Mitglied war (für die Kennzahlen)."),
    )
    consent_at = models.DateTimeField(_("Einwilligung am"), null=True, blank=True)
    is_example = models.BooleanField(_("Beispiel"), default=False)
    created_at = models.DateTimeField(_("eingegangen am"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    first_response_at = models.DateTimeField(_("erste Antwort am"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("gelöst am"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("Unterstützungsanfrage")
        verbose_name_plural = _("Unterstützungsanfragen")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="support_status_created"),
            # The queue's order (selectors.queue_for): its first page is read
            # from the index instead of sorting every open request.
            models.Index(fields=["due_date", "created_at", "id"], name="support_queue_order"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("support:detail", kwargs={"pk": self.pk})


class MessageKind(models.TextChoices):
    REPLY = "reply", _("Antwort")
    REQUESTER = "requester", _("Rückmeldung")
    NOTE = "note", _("interne Notiz")


class Channel(models.TextChoices):
    PLATFORM = "platform", _("Plattform")
    EMAIL = "email", _("E-Mail")


class SupportMessage(models.Model):
    audit_private = True

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("Art"), max_length=10, choices=MessageKind.choices)
    channel = models.CharField(
        _("Weg"), max_length=10, choices=Channel.choices, default=Channel.PLATFORM
    )
    author = optional_link(settings.AUTH_USER_MODEL, _("von"))
    author_name = models.CharField(_("Name"), max_length=150, blank=True)
    text = models.TextField(_("Text"))
    created_at = models.DateTimeField(_("am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id}/{self.pk}"


class CannedReply(models.Model):
    """A text block coordinators insert into a reply (kept in the admin)."""

    title = models.CharField(_("Titel"), max_length=120, unique=True)
    text = models.TextField(_("Text"))
    topic = models.CharField(_("Thema"), max_length=20, choices=Topic.choices, blank=True)

    class Meta:
        verbose_name = _("Textbaustein")
        verbose_name_plural = _("Textbausteine")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title
