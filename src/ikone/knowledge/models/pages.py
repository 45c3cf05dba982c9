"""CMS pages: the start page and the public standard pages (Über das
Netzwerk, Mitglied werden, Impressum, Datenschutz, Barrierefreiheit, …)."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ikone.knowledge import selectors
from ikone.knowledge.blocks import HomeBodyBlock, StandardBodyBlock
from ikone.knowledge.home_body import home_body_html


class FooterRole(models.TextChoices):
    """The legally required pages linked in every page's footer, in footer order."""

    IMPRINT = "imprint", _("Impressum")
    PRIVACY = "privacy", _("Datenschutzerklärung")
    ACCESSIBILITY = "accessibility", _("Erklärung zur Barrierefreiheit")


class ContentPage(Page):
    """Shared behaviour of IKONE's CMS pages (not a page type of its own)."""

    # Set by knowledge.routing.serve: the view restrictions read with the
    # page's remembered route (None: read them now).
    routed_view_restrictions: list[Any] | None = None

    class Meta:
        abstract = True

    def get_view_restrictions(self) -> Any:
        """The view restrictions of the page and its ancestors; those read
        with the route when the page was served through the route memo
        (Wagtail's `check_view_restrictions` only iterates and tests them)."""
        if self.routed_view_restrictions is not None:
            return self.routed_view_restrictions
        return super().get_view_restrictions()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        # CMS content is written in the site language; under /en/ only the
        # interface is English, so the content is marked as German.
        context["content_language"] = settings.LANGUAGE_CODE
        return context


class HomePage(ContentPage):
    """The start page: what the network is and does, and where to go next."""

    hero_title = models.CharField(_("Überschrift im Kopfbereich"), max_length=200)
    hero_intro = models.TextField(_("Einleitung im Kopfbereich"), blank=True)
    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("Inhalt"))

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["knowledge.StandardPage", "knowledge.KnowledgeIndexPage"]
    template = "knowledge/home_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_title"),
        index.SearchField("hero_intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["hero_actions"] = selectors.home_actions(
            authenticated=request.user.is_authenticated
        )
        context["body_html"] = home_body_html(page=self, request=request)
        return context


class StandardPage(ContentPage):
    """A public text page. Editors mark the imprint, privacy and accessibility
    pages with a footer role; the footer of every page links to them."""

    intro = models.TextField(_("Einleitung"), blank=True)
    body = StreamField(StandardBodyBlock(), blank=True, verbose_name=_("Inhalt"))
    footer_role = models.CharField(
        _("Verweis in der Fußzeile"),
        max_length=20,
        choices=FooterRole.choices,
        blank=True,
        default="",
        help_text=_(
            "Pflichtseiten erscheinen in der Fußzeile jeder Seite. Jede Rolle kann nur "
            "eine Seite haben."
        ),
    )

    parent_page_types = ["knowledge.HomePage", "knowledge.StandardPage"]
    subpage_types = ["knowledge.StandardPage"]
    template = "knowledge/standard_page.html"
    # A copy must not take over the original's place in the footer.
    exclude_fields_in_copy = ["footer_role"]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, FieldPanel("footer_role")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")

    def clean(self) -> None:
        super().clean()
        if not self.footer_role:
            return
        holder = (
            StandardPage.objects.filter(footer_role=self.footer_role).exclude(pk=self.pk).first()
        )
        if holder is not None:
            raise ValidationError(
                {
                    "footer_role": _("Diese Rolle hat bereits die Seite „%(title)s“.")
                    % {"title": holder.title}
                }
            )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = selectors.page_breadcrumbs(page=self, request=request)
        if self.footer_role == FooterRole.ACCESSIBILITY:
            context["enforcement"] = selectors.accessibility_settings(request=request)
        return context


from ikone.knowledge.accessibility import AccessibilityFeedback, AccessibilitySettings  # noqa: E402, F401
