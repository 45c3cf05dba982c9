"""What the platform told a person (every mail, kept in the notification
centre), how each person wants each kind delivered, and the daily digests
already sent (one per person and day)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("sofort per E-Mail")
    DIGEST = "digest", _("einmal täglich gesammelt")
    OFF = "off", _("keine E-Mail, nur hier")


class Notification(models.Model):
    """One message to one person, in the words of its e-mail.

    `delivery` says how its e-mail went out: at once, in a digest (then
    `digested_at` tells when) or not at all (the person switched it off).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("Art"), max_length=100)
    subject = models.CharField(_("Betreff"), max_length=300)
    body = models.TextField(_("Text"), blank=True)
    url = models.CharField(_("Link"), max_length=500, blank=True)
    delivery = models.CharField(
        _("Zustellung"), max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE
    )
    created_at = models.DateTimeField(_("am"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("gelesen am"), null=True, blank=True)
    digested_at = models.DateTimeField(_("in der Zusammenfassung am"), null=True, blank=True)
    # The mail's idempotency key (`core.mail`): a retried task keeps no
    # second copy for the same person.
    source_key = models.CharField(_("Idempotenzschlüssel"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_user_unread"),
            models.Index(fields=["delivery", "digested_at"], name="notification_digest_due"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "source_key"],
                condition=~models.Q(source_key=""),
                name="notification_once_per_mail",
            )
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Preference(models.Model):
    """How a person wants one kind delivered (no row: immediately)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("Art"), max_length=100)
    delivery = models.CharField(_("Zustellung"), max_length=10, choices=Delivery.choices)

    class Meta:
        verbose_name = _("Einstellung zu Benachrichtigungen")
        verbose_name_plural = _("Einstellungen zu Benachrichtigungen")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"


class Digest(models.Model):
    """The daily digest of one person for one day: its row is the claim
    that makes the digest go out exactly once, whoever runs the task."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="notification_digests",
    )
    day = models.DateField(_("Tag"))
    count = models.PositiveIntegerField(_("Anzahl Benachrichtigungen"), default=0)
    sent_at = models.DateTimeField(_("gesendet am"), default=timezone.now)

    class Meta:
        verbose_name = _("tägliche Zusammenfassung")
        verbose_name_plural = _("tägliche Zusammenfassungen")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="digest_once_a_day")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day}"
