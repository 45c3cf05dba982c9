"""A draft's financing plan: cost items and the plan's own settings."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class CostCategory(models.TextChoices):
    PERSONNEL = "personnel", _("Personal")
    MATERIAL = "material", _("Sachmittel")
    INVESTMENT = "investment", _("Investitionen")
    SERVICES = "services", _("Fremdleistungen")
    OTHER = "other", _("Sonstiges")


class FinancingPlan(models.Model):
    """What the plan needs besides its cost items: whether the organisation
    is in a budget emergency (Haushaltsnotlage), which entitles it to the
    call's higher federal rate. Created on first change; `version` guards
    against silent overwrites of these settings."""

    audit_private = True  # the audit log keeps its id, not its title

    draft = models.OneToOneField(
        "applications.Draft",
        verbose_name=_("Entwurf"),
        on_delete=models.CASCADE,
        related_name="financing_plan",
    )
    budget_emergency = models.BooleanField(
        _("Haushaltsnotlage"),
        default=False,
        help_text=_(
            "Die Kommune befindet sich in einer Haushaltsnotlage (z. B. Haushaltssicherung); "
            "es gilt die höhere Förderquote des Aufrufs."
        ),
    )
    budget_emergency_note = models.CharField(
        _("Nachweis der Haushaltsnotlage"),
        max_length=300,
        blank=True,
        help_text=_("z. B. Bestätigung der Kommunalaufsicht vom …"),
    )
    version = models.PositiveIntegerField(_("Version"), default=1)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geändert von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Finanzierungsplan")
        verbose_name_plural = _("Finanzierungspläne")

    def __str__(self) -> str:
        return str(self.draft)


class CostItem(models.Model):
    """One line of the financing plan: what (category, measure), when (phase
    of the call, year) and how much (euro with cents)."""

    audit_private = True  # the audit log keeps its id, not its title

    draft = models.ForeignKey(
        "applications.Draft",
        verbose_name=_("Entwurf"),
        on_delete=models.CASCADE,
        related_name="cost_items",
    )
    category = models.CharField(_("Kostenart"), max_length=20, choices=CostCategory.choices)
    measure = models.CharField(
        _("Maßnahme"), max_length=200, help_text=_("z. B. „Digitales Bürgerbüro“")
    )
    phase = models.ForeignKey(
        "calls.CallPhase",
        verbose_name=_("Phase"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(
        _("Jahr"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount = models.DecimalField(
        _("Betrag (Euro)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    note = models.CharField(_("Erläuterung"), max_length=300, blank=True)
    version = models.PositiveIntegerField(_("Version"), default=1)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geändert von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Kostenposition")
        verbose_name_plural = _("Kostenpositionen")
        ordering = ["draft", "year", "category", "measure", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="cost_item_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} ({self.year})"
