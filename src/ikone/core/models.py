from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ikone.core.datetimes import numeric


class AuditEntry(models.Model):
    """Who did what to which object, when and from where.

    Written by services through `ikone.core.audit.record`, never edited.
    `action` ids follow `<app>.<entity>.<past-verb>`.
    """

    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept apart from the foreign key so the entry stays readable after the
    # person deleted their account.
    actor_label = models.CharField(_("Person (Text)"), max_length=254, blank=True)
    action = models.CharField(_("Aktion"), max_length=100, db_index=True)
    target_type = models.CharField(_("Objekttyp"), max_length=100, blank=True)
    target_id = models.CharField(_("Objekt-ID"), max_length=64, blank=True)
    target_label = models.CharField(_("Objekt"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-Adresse"), null=True, blank=True)
    user_agent = models.CharField(_("Browser"), max_length=300, blank=True)
    data = models.JSONField(_("Details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{numeric(self.created_at)} {self.actor_label} {self.action}"


class FieldOfAction(models.Model):
    """A Handlungsfeld of smart city strategies (Verwaltung, Mobilität, …).

    Shared by events, calls, questions, applications and solutions so that
    one filter means the same everywhere. Loaded from
    `core/data/fields_of_action.yaml`; `key` is stable, the label may change.
    """

    key = models.SlugField(_("Schlüssel"), max_length=60, unique=True)
    label = models.CharField(_("Bezeichnung"), max_length=120)
    scope = models.TextField(_("Umfang"), blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["position", "label"]

    def __str__(self) -> str:
        return self.label


class OutgoingMail(models.Model):
    """One e-mail to one recipient, recorded before it is handed to the mail
    server: its idempotency key is unique, so a retried task (or a second
    worker after a crash) that builds the same mail again finds the key and
    does not send it a second time (`core.mail.send`). The key is a hash;
    the address itself is not stored."""

    class State(models.TextChoices):
        SENDING = "sending", _("wird gesendet")
        SENT = "sent", _("gesendet")

    key = models.CharField(_("Idempotenzschlüssel"), max_length=64, unique=True)
    kind = models.CharField(_("Art"), max_length=100)
    state = models.CharField(
        _("Zustand"), max_length=10, choices=State.choices, default=State.SENDING
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("gesendet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("ausgehende E-Mail")
        verbose_name_plural = _("ausgehende E-Mails")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.key[:12]} {self.state}"


class CommandLease(models.Model):
    """Who runs a periodic command now, and until when at the latest
    (`core.periodic`). One row per command name: inserting or taking over an
    expired row is atomic in every database, so of several machines starting
    the same command only one does the work."""

    name = models.CharField(_("Befehl"), max_length=100, primary_key=True)
    holder = models.CharField(_("Inhaber"), max_length=200)
    acquired_at = models.DateTimeField(_("seit"))
    expires_at = models.DateTimeField(_("läuft ab"))
    last_finished_at = models.DateTimeField(_("zuletzt beendet"), null=True, blank=True)

    class Meta:
        verbose_name = _("Sperre eines regelmäßigen Befehls")
        verbose_name_plural = _("Sperren regelmäßiger Befehle")

    def __str__(self) -> str:
        return f"{self.name} ({self.holder})"


from ikone.core.search.models import SearchDocument, SuggestionOutcome, Visibility  # noqa: E402

__all__ = [
    "AuditEntry",
    "CommandLease",
    "FieldOfAction",
    "OutgoingMail",
    "SearchDocument",
    "SuggestionOutcome",
    "Visibility",
]
