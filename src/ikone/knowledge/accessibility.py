"""The feedback channel BITV 2.0 (§ 7 Abs. 1 Nr. 2) demands of the
accessibility statement: anyone reports a barrier, the coordinators hear of
it, the sender gets a confirmation; and the enforcement body (Durchsetzungs-
/Schlichtungsstelle) the operator names in the CMS settings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="help")
class AccessibilitySettings(BaseSiteSetting):
    """Shown on the accessibility statement and the feedback form."""

    enforcement_body_name = models.CharField(
        _("Durchsetzungs- bzw. Schlichtungsstelle"),
        max_length=200,
        blank=True,
        help_text=_("z. B. die Landesbeauftragte für die Belange von Menschen mit Behinderungen"),
    )
    enforcement_body_address = models.TextField(_("Anschrift"), blank=True)
    enforcement_body_email = models.EmailField(_("E-Mail"), blank=True)
    enforcement_body_url = models.URLField(_("Website"), blank=True)

    panels = [
        FieldPanel("enforcement_body_name"),
        FieldPanel("enforcement_body_address"),
        FieldPanel("enforcement_body_email"),
        FieldPanel("enforcement_body_url"),
    ]

    class Meta:
        verbose_name = _("Barrierefreiheit")


class AccessibilityFeedback(models.Model):
    """One report of a barrier. Kept so the coordinators can answer within
    the period BITV sets; the contact fields are optional."""

    page_url = models.CharField(_("Seite"), max_length=500)
    description = models.TextField(_("Beschreibung der Barriere"), max_length=5000)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angemeldete Person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    created_at = models.DateTimeField(_("eingegangen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Rückmeldung zur Barrierefreiheit")
        verbose_name_plural = _("Rückmeldungen zur Barrierefreiheit")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.page_url
