"""The knowledge base (/wissen/): tips, experience reports, recommendations,
guides and templates written by earlier winners, mentors and the network's
coordination.

All five kinds share one table (`ArticlePage`, not creatable itself), so the
list, the filters and the search read one table; each kind is a thin
Wagtail page type of its own so that editors pick it in the CMS and the
Vorlage can carry its file. `kind` mirrors the page type for cheap filters.

An article interprets sections of a call. When a new version of the call
changes such a section, `ArticleReview` carries the "Auslegung prüfen" flag:
outside the page's revisions, so that publishing an old revision never
silently clears or restores it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ikone.core.datetimes import berlin_date
from ikone.knowledge.blocks import StandardBodyBlock
from ikone.knowledge.models.pages import ContentPage


class ArticleKind(models.TextChoices):
    TIP = "tip", _("Tipp")
    REPORT = "report", _("Erfahrungsbericht")
    RECOMMENDATION = "recommendation", _("Empfehlung")
    GUIDE = "guide", _("Leitfaden")
    TEMPLATE = "template", _("Vorlage")


class ArticleVisibility(models.TextChoices):
    """Who may read an article or download an attachment (docs/visibility.md)."""

    PUBLIC = "public", _("öffentlich")
    NETWORK = "network", _("nur Netzwerk")


class KnowledgeIndexPage(ContentPage):
    """The knowledge base's root: its intro text; /wissen/ itself is the
    list view (`knowledge:index`), the articles live below this page."""

    intro = models.TextField(_("Einleitung"), blank=True)

    max_count = 1
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = [
        "knowledge.TipPage",
        "knowledge.ExperienceReportPage",
        "knowledge.RecommendationPage",
        "knowledge.GuidePage",
        "knowledge.TemplatePage",
    ]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("Wissensdatenbank")
        verbose_name_plural = _("Wissensdatenbanken")

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from django.shortcuts import redirect

        # Reached only under a second site; the list is a platform view.
        return redirect("knowledge:index")


def _today() -> dt.date:
    return berlin_date()


class ArticlePage(ContentPage):
    """What every kind of knowledge article has."""

    KIND: ClassVar[str] = ""

    kind = models.CharField(
        _("Art"), max_length=20, choices=ArticleKind.choices, editable=False, db_index=True
    )
    summary = models.TextField(
        _("Kurzfassung"), help_text=_("Zwei, drei Sätze für die Liste und die Suche.")
    )
    body = StreamField(StandardBodyBlock(), blank=True, verbose_name=_("Inhalt"))
    date = models.DateField(
        _("Datum"),
        default=_today,
        db_index=True,
        help_text=_("Stand des Wissens; nach seinem Jahr wird gefiltert."),
    )
    visibility = models.CharField(
        _("Sichtbarkeit"),
        max_length=10,
        choices=ArticleVisibility.choices,
        default=ArticleVisibility.PUBLIC,
        db_index=True,
    )
    author_organizations = ParentalManyToManyField(
        "accounts.Organization",
        verbose_name=_("Organisationen der Autor:innen"),
        blank=True,
        related_name="knowledge_articles",
    )
    author_people = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Autor:innen mit Konto"),
        blank=True,
        related_name="knowledge_articles",
    )
    guest_authors = models.CharField(
        _("Gäste als Autor:innen"),
        max_length=300,
        blank=True,
        help_text=_("Namen ohne Konto auf der Plattform, durch Komma getrennt."),
    )
    fields_of_action = ParentalManyToManyField(
        "core.FieldOfAction",
        verbose_name=_("Handlungsfelder"),
        blank=True,
        related_name="knowledge_articles",
    )
    calls = ParentalManyToManyField(
        "calls.Call",
        verbose_name=_("Förderaufrufe"),
        blank=True,
        related_name="knowledge_articles",
    )
    interpreted_sections = ParentalManyToManyField(
        "calls.CallSection",
        verbose_name=_("ausgelegte Abschnitte"),
        blank=True,
        related_name="knowledge_articles",
        help_text=_(
            "Abschnitte eines Förderaufrufs, die der Beitrag auslegt. Ändert eine neue Fassung "
            "einen davon, wird der Beitrag mit „Auslegung prüfen“ markiert."
        ),
    )
    is_example = models.BooleanField(
        _("Beispielinhalt"),
        default=False,
        help_text=_("Zeigt deutlich, dass der Beitrag ein Beispiel ist (Demo-Inhalte)."),
    )

    is_creatable = False
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    template = "knowledge/article_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("author_organizations"),
                FieldPanel("author_people"),
                FieldPanel("guest_authors"),
            ],
            heading=_("Autor:innen"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("fields_of_action"),
                FieldPanel("calls"),
                FieldPanel("interpreted_sections"),
            ],
            heading=_("Schlagworte"),
        ),
        InlinePanel("attachments", heading=_("Anhänge"), label=_("Anhang")),
        InlinePanel("links", heading=_("Verwandte Inhalte"), label=_("Verweis")),
    ]
    settings_panels = [
        FieldPanel("date"),
        FieldPanel("visibility"),
        FieldPanel("is_example"),
        *Page.settings_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("visibility"),
    ]

    class Meta:
        verbose_name = _("Wissensbeitrag")
        verbose_name_plural = _("Wissensbeiträge")

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The kind follows the page type; a plain ArticlePage keeps its own.
        if self.KIND:
            self.kind = self.KIND
        super().save(*args, **kwargs)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from ikone.knowledge.selectors_articles import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(page=self, request=request))
        return context

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from django.http import Http404

        from ikone.knowledge.permissions import can_view_article, viewer_of_request

        if not can_view_article(viewer_of_request(request), self):
            raise Http404
        return super().serve(request, *args, **kwargs)


class TipPage(ArticlePage):
    KIND = ArticleKind.TIP
    template = "knowledge/article_page.html"

    class Meta:
        verbose_name = _("Tipp")
        verbose_name_plural = _("Tipps")


class ExperienceReportPage(ArticlePage):
    KIND = ArticleKind.REPORT
    template = "knowledge/article_page.html"

    class Meta:
        verbose_name = _("Erfahrungsbericht")
        verbose_name_plural = _("Erfahrungsberichte")


class RecommendationPage(ArticlePage):
    KIND = ArticleKind.RECOMMENDATION
    template = "knowledge/article_page.html"

    class Meta:
        verbose_name = _("Empfehlung")
        verbose_name_plural = _("Empfehlungen")


class GuidePage(ArticlePage):
    KIND = ArticleKind.GUIDE
    template = "knowledge/article_page.html"

    class Meta:
        verbose_name = _("Leitfaden")
        verbose_name_plural = _("Leitfäden")


class TemplatePage(ArticlePage):
    """A Vorlage: an article with a DOCX file whose placeholders
    (`{{gemeinde}}`, `{{aufruf}}`, `{{eigenanteil}}`, …) can be filled."""

    KIND = ArticleKind.TEMPLATE
    template = "knowledge/article_page.html"
    template_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Vorlagendatei (DOCX)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [*ArticlePage.content_panels, FieldPanel("template_file")]

    class Meta:
        verbose_name = _("Vorlage")
        verbose_name_plural = _("Vorlagen")


class ArticleAttachment(Orderable):
    """A Wagtail document attached to an article. Its visibility is checked
    whenever the file is downloaded, also through /dokumente/ (see
    wagtail_hooks.py)."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Dokument"),
        on_delete=models.CASCADE,
        related_name="knowledge_attachments",
    )
    visibility = models.CharField(
        _("Sichtbarkeit"),
        max_length=10,
        choices=ArticleVisibility.choices,
        default=ArticleVisibility.PUBLIC,
    )

    panels = [FieldPanel("document"), FieldPanel("visibility")]

    class Meta(Orderable.Meta):
        verbose_name = _("Anhang")
        verbose_name_plural = _("Anhänge")


class ArticleLink(Orderable):
    """A related question, workshop or solution, addressed by its path on
    the platform (e.g. /fragen/12/). The apps of those things sit beside or
    above this one, so the link goes through the site-wide search index: the
    article shows the document with that address to those who may find it."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="links")
    url = models.CharField(
        _("Adresse auf der Plattform"),
        max_length=500,
        help_text=_(
            "z. B. /fragen/12/, /veranstaltungen/workshop-ratsbeschluss/ oder /loesungen/…"
        ),
    )

    panels = [FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("Verweis")
        verbose_name_plural = _("Verweise")

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from ikone.core.search.models import SearchDocument

        self.url = self.url.strip()
        if not SearchDocument.objects.filter(url=self.url).exists():
            raise ValidationError(
                {"url": _("Unter dieser Adresse ist auf der Plattform nichts zu finden.")}
            )


class ArticleReview(models.Model):
    """The "Auslegung prüfen" flag of an article whose interpreted sections
    a new call version changed; cleared when an editor publishes the article
    again."""

    article = models.OneToOneField(
        ArticlePage, on_delete=models.CASCADE, related_name="review", verbose_name=_("Beitrag")
    )
    needs_review = models.BooleanField(_("Auslegung prüfen"), default=False, db_index=True)
    review_numbers = models.JSONField(_("geänderte Abschnitte"), default=list, blank=True)
    flagged_at = models.DateTimeField(_("markiert am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Prüfvermerk")
        verbose_name_plural = _("Prüfvermerke")

    def __str__(self) -> str:
        return f"{self.article_id}: {', '.join(self.review_numbers)}"
