"""Similar municipalities (precomputed) and what an organisation declares
about itself for recommendations."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Peer(models.Model):
    """One of the five places most similar to a Gemeinde, with why.

    Precomputed by `ikone rebuild_peers` (peers.rebuild) for every Gemeinde:
    comparing one place with all 10,751 on each page view would cost a full
    scan; the table costs five indexed rows per page. `reasons` holds the
    German sentences, as shown."""

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
    )
    peer = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
    )
    rank = models.PositiveSmallIntegerField()
    distance = models.FloatField()
    reasons = models.JSONField(default=list)

    class Meta:
        verbose_name = _("ähnliche Kommune")
        verbose_name_plural = _("ähnliche Kommunen")
        ordering = ["municipality", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "rank"], name="peer_rank_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} → {self.peer_id}"


class InterestProfile(models.Model):
    """What an organisation wants to work on: its fields of action and, in
    its own words, its needs (matched semantically against solutions)."""

    organization = models.OneToOneField(
        "accounts.Organization",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="interest_profile",
    )
    fields_of_action = models.ManyToManyField(
        "core.FieldOfAction", verbose_name=_("Handlungsfelder"), blank=True, related_name="+"
    )
    needs = models.TextField(
        _("Was suchen Sie?"),
        blank=True,
        help_text=_("z. B. „Wir wollen den Busverkehr in den Ortsteilen verbessern.“"),
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Interessen einer Organisation")
        verbose_name_plural = _("Interessen der Organisationen")

    def __str__(self) -> str:
        return str(self.organization)
