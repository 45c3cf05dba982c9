"""StreamField blocks of the public CMS pages."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ikone.knowledge import links, selectors

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading below the page title (h2 or h3)."""

    text = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Gliederungsebene"),
        choices=[("h2", _("Abschnitt (Ebene 2)")), ("h3", _("Unterabschnitt (Ebene 3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "knowledge/blocks/heading.html"


class LinkCardBlock(blocks.StructBlock):
    """A card leading to a CMS page, a platform area or an external address.

    Exactly one target is set; a target that does not resolve (an unpublished
    page, an area not installed) hides the card instead of breaking the page.
    """

    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(label=_("Kurzbeschreibung"), required=False, max_length=300)
    page = blocks.PageChooserBlock(label=_("Seite im CMS"), required=False)
    area = blocks.ChoiceBlock(
        label=_("Bereich der Plattform"),
        choices=links.platform_area_choices,
        required=False,
    )
    url = blocks.URLBlock(label=_("Externe Adresse"), required=False)

    class Meta:
        icon = "link"
        label = _("Verweis-Karte")
        template = "knowledge/blocks/link_card.html"

    def clean(self, value: blocks.StructValue) -> blocks.StructValue:
        value = super().clean(value)
        targets = [name for name in ("page", "area", "url") if value.get(name)]
        if len(targets) != 1:
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError(
                        _(
                            "Bitte genau ein Ziel wählen: eine Seite, einen Bereich "
                            "der Plattform oder eine externe Adresse."
                        )
                    )
                ]
            )
        return value

    def get_context(
        self, value: blocks.StructValue, parent_context: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        context["href"] = links.link_target_url(
            page=value.get("page"), area=value.get("area"), url=value.get("url"), request=request
        )
        return context


class LinkCardGroupBlock(blocks.StructBlock):
    """A titled group of link cards, laid out as a grid."""

    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200, required=False)
    cards = blocks.ListBlock(LinkCardBlock(), label=_("Karten"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Verweis-Karten")
        template = "knowledge/blocks/link_card_group.html"


class FactBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Begriff"), max_length=120)
    description = blocks.TextBlock(label=_("Erläuterung"))

    class Meta:
        icon = "list-ul"
        label = _("Eintrag")


class FactsBlock(blocks.StructBlock):
    """A description list: term and explanation, e.g. "Gegründet – April 2019"."""

    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200, required=False)
    facts = blocks.ListBlock(FactBlock(), label=_("Einträge"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Fakten")
        template = "knowledge/blocks/facts.html"


class NetworkFiguresBlock(blocks.StaticBlock):
    """The number of municipalities in the directory and of network members,
    counted when the page is shown."""

    class Meta:
        icon = "order"
        label = _("Netzwerk in Zahlen")
        admin_text = _(
            "Zeigt die Zahl der Gemeinden im Kommunenverzeichnis und der Mitglieder "
            "des Netzwerks; die Zahlen werden beim Aufruf der Seite ermittelt."
        )
        template = "knowledge/blocks/network_figures.html"

    def get_context(
        self, value: None, parent_context: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        context["figures"] = selectors.network_figures()
        context["totals"] = selectors.public_totals()
        return context


def paragraph_block() -> blocks.RichTextBlock:
    return blocks.RichTextBlock(
        label=_("Absatz"),
        features=RICH_TEXT_FEATURES,
        template="knowledge/blocks/paragraph.html",
    )


class StandardBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block()
    cards = LinkCardGroupBlock()
    facts = FactsBlock()


class HomeBodyBlock(StandardBodyBlock):
    figures = NetworkFiguresBlock()
