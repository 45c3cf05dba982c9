"""Funding calls (Förderaufrufe), their facts and their versioned text.

A `Call` carries the facts that do not change between amendments (dates,
funding rates, phases, required documents, evaluation criteria). Its text
is a list of numbered, nested `CallSection`s that belong to one
`CallVersion`; publishing an amendment copies the sections into a new
version (see `ikone.calls.services.publish_amendment`) so every version
stays readable. `Call.current_version` points at the version shown on the
call page.

Referencing a section from another app:

- a foreign key to `CallSection` pins the exact wording that was cited
  (the row of one version). `section.number` ("3.2") is stable across
  versions; `selectors.section_in_current_version(section)` finds the same
  number in the current version;
- `section.anchor` ("abschnitt-3-2") is the fragment id on the call page;
  `section.get_absolute_url()` links to the version the row belongs to.

When a coordinator publishes an amendment, `ikone.calls.signals.call_amended`
is sent with the numbers of the changed sections.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ikone.calls.items import (  # noqa: F401 - models of this app, defined there
    CallItem,
    DocumentStage,
    EvaluationCriterion,
    RequiredDocument,
)
from ikone.calls.querysets import CallQuerySet
from ikone.core.datetimes import numeric


def anchor_for(number: str) -> str:
    """The fragment id of a section number: "3.2" -> "abschnitt-3-2"."""
    cleaned = "-".join(part for part in number.replace(" ", "").split(".") if part)
    return f"abschnitt-{cleaned}"


class CallStatus(models.TextChoices):
    ANNOUNCED = "announced", _("Angekündigt")
    OPEN = "open", _("Offen")
    CLOSED = "closed", _("Abgeschlossen")


class Call(models.Model):
    """A funding call (Förderaufruf) of a programme.

    Money is in euro (Decimal); `federal_share` and
    `federal_share_budget_emergency` are percentages (65.00 = 65 %) of the
    eligible costs. Empty values mean "not known" and are not shown.
    `deadline` is an aware datetime (shown in Europe/Berlin).
    """

    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    programme = models.CharField(_("Förderprogramm"), max_length=200)
    funder = models.CharField(_("Fördermittelgeber"), max_length=200)
    title = models.CharField(_("Titel"), max_length=200)
    theme = models.CharField(_("Motto / Schwerpunkt"), max_length=200, blank=True)
    summary = models.TextField(_("Zusammenfassung"), blank=True)
    eligibility = models.TextField(_("Antragsberechtigte"), blank=True)
    total_budget = models.DecimalField(
        _("Fördervolumen (Euro)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    published_on = models.DateField(_("Veröffentlicht am"), null=True, blank=True)
    deadline = models.DateTimeField(_("Einreichungsfrist"), null=True, blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=CallStatus.choices, default=CallStatus.ANNOUNCED
    )
    is_example = models.BooleanField(
        _("Beispielaufruf"),
        default=False,
        help_text=_(
            "Erfundener Aufruf zum Ausprobieren; wird überall als Beispiel gekennzeichnet."
        ),
    )
    federal_share = models.DecimalField(
        _("Förderquote (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    federal_share_budget_emergency = models.DecimalField(
        _("Förderquote bei Haushaltsnotlage (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    max_grant = models.DecimalField(
        _("Höchstförderung (Euro)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    min_grant = models.DecimalField(
        _("Mindestförderung (Euro)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    funding_note = models.TextField(_("Hinweise zur Förderung"), blank=True)
    fields_of_action = models.ManyToManyField(
        "core.FieldOfAction", verbose_name=_("Handlungsfelder"), blank=True, related_name="calls"
    )
    sources = models.JSONField(
        _("Quellen"), default=list, blank=True, help_text=_("Liste von Adressen (URLs).")
    )
    current_version = models.ForeignKey(
        "CallVersion",
        verbose_name=_("Aktuelle Fassung"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revision = models.PositiveIntegerField(
        _("Bearbeitungsstand"),
        default=0,
        editable=False,
        help_text=_("Wird bei jeder Änderung erhöht; verhindert stilles Überschreiben."),
    )
    created_at = models.DateTimeField(_("Angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Geändert"), auto_now=True)

    objects: ClassVar[CallQuerySet] = CallQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("Förderaufruf")
        verbose_name_plural = _("Förderaufrufe")
        ordering = ["-deadline", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("calls:detail", kwargs={"slug": self.slug})

    @property
    def own_share(self):
        """The municipality's own share in percent (100 - federal share)."""
        return None if self.federal_share is None else 100 - self.federal_share

    @property
    def own_share_budget_emergency(self):
        if self.federal_share_budget_emergency is None:
            return None
        return 100 - self.federal_share_budget_emergency

    @property
    def is_open_for_submissions(self) -> bool:
        """Open status and the deadline (if any) not passed."""
        if self.status != CallStatus.OPEN:
            return False
        return self.deadline is None or self.deadline > timezone.now()


class CallMilestone(models.Model):
    """A dated step of a call besides the deadline (information event,
    questions until, council resolution until, jury, announcement)."""

    call = models.ForeignKey(
        Call, verbose_name=_("Förderaufruf"), on_delete=models.CASCADE, related_name="milestones"
    )
    label = models.CharField(_("Bezeichnung"), max_length=200)
    date = models.DateField(_("Datum"))
    note = models.CharField(_("Hinweis"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        ordering = ["call", "position", "date"]

    def __str__(self) -> str:
        return f"{self.label} ({numeric(self.date)})"


class CallPhase(models.Model):
    """A funding phase (e.g. A Strategie, B Umsetzung) with its duration."""

    call = models.ForeignKey(
        Call, verbose_name=_("Förderaufruf"), on_delete=models.CASCADE, related_name="phases"
    )
    key = models.CharField(_("Kennung"), max_length=10, blank=True, help_text=_("z. B. A oder B"))
    name = models.CharField(_("Name"), max_length=200)
    duration_months = models.PositiveSmallIntegerField(
        _("Dauer (Monate)"), null=True, blank=True, help_text=_("Höchstdauer in Monaten.")
    )
    duration_note = models.CharField(
        _("Dauer (Text)"), max_length=200, blank=True, help_text=_("z. B. „bis zu 5 Jahre“")
    )
    max_eligible_costs = models.DecimalField(
        _("Obergrenze (Euro)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Phase")
        verbose_name_plural = _("Phasen")
        ordering = ["call", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class CallVersion(models.Model):
    """One published wording of a call's text. Number 1 is the original;
    each amendment adds the next number. Versions are never edited after
    they were superseded."""

    call = models.ForeignKey(
        Call, verbose_name=_("Förderaufruf"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("Fassung"))
    published_at = models.DateTimeField(_("Veröffentlicht"), default=timezone.now)
    note = models.TextField(_("Änderungshinweis"), blank=True)
    changed_numbers = models.JSONField(
        _("Geänderte Abschnitte"),
        default=list,
        blank=True,
        help_text=_("Nummern der gegenüber der vorigen Fassung geänderten Abschnitte."),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Veröffentlicht von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Fassung")
        verbose_name_plural = _("Fassungen")
        ordering = ["call", "number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="calls_version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.call} – {_('Fassung')} {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("calls:version", kwargs={"slug": self.call.slug, "number": self.number})


class CallSection(models.Model):
    """A numbered section of one version of a call's text ("3.2 Förderfähige
    Ausgaben").

    `text` is sanitised HTML (paragraphs, lists, emphasis, links).
    `position` orders all sections of a version in reading order; `parent`
    gives the nesting. `number` and `anchor` stay the same across versions.
    """

    version = models.ForeignKey(
        CallVersion, verbose_name=_("Fassung"), on_delete=models.CASCADE, related_name="sections"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Übergeordneter Abschnitt"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    number = models.CharField(_("Nummer"), max_length=20)
    title = models.CharField(_("Überschrift"), max_length=300)
    text = models.TextField(_("Text"), blank=True)
    anchor = models.SlugField(_("Sprungmarke"), max_length=60)
    position = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Abschnitt")
        verbose_name_plural = _("Abschnitte")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "number"], name="calls_section_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def save(self, *args, **kwargs):
        self.anchor = anchor_for(self.number)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """Link to this wording: the call page for the current version,
        the version page for older ones. Needs `version__call` loaded to
        avoid queries."""
        call = self.version.call
        if call.current_version_id == self.version_id:
            base = reverse("calls:detail", kwargs={"slug": call.slug})
        else:
            base = reverse(
                "calls:version", kwargs={"slug": call.slug, "number": self.version.number}
            )
        return f"{base}#{self.anchor}"

    @property
    def depth(self) -> int:
        """1 for "3", 2 for "3.2" …"""
        return self.number.count(".") + 1

    @property
    def label(self) -> str:
        """ "3.2 Förderfähige Ausgaben"."""
        return f"{self.number} {self.title}"

    @property
    def plain_text(self) -> str:
        from ikone.calls.text import html_to_text

        return html_to_text(self.text)
