from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django import template
from django.conf import settings
from django.forms import BoundField
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info

from ikone.core import form_fields
from ikone.core.datetimes import DateStyle, format_date, format_datetime
from ikone.core.urlmemo import reverse_memo, translate_url_memo

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[LanguageLink]:
    """Links to the current page in every other language (German without
    prefix, English under /en/)."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        info = get_language_info(code)
        links.append(
            LanguageLink(code=code, name=info["name_local"], url=translate_url_memo(path, code))
        )
    return links


@register.simple_tag
def memo_url(name: str, *args: object) -> str:
    """`{% url %}` for the layout's fixed addresses, worked out once per
    language (ikone.core.urlmemo); never for addresses built from request data."""
    return reverse_memo(name, *args)


@register.simple_tag
def footer_links() -> Sequence[object]:
    """The footer's links the apps registered (the CMS's Impressum,
    Datenschutz and Barrierefreiheit pages)."""
    from ikone.core.navigation import footer_links as registered_footer_links

    return registered_footer_links()


@register.filter
def year(value: object) -> str:
    """A calendar year as people write it: "2027", never "2.027".

    With USE_THOUSAND_SEPARATOR every integer a template prints gets German
    grouping, which is right for amounts and wrong for years. Every template
    that prints a year passes it through this filter
    (tests/core/test_year_format.py finds the ones that do not)."""
    if value is None or value == "":
        return ""
    return str(value)


@register.filter
def audit_target_type(target_type: str) -> object:
    """The audit log's name for a target type ("Bewerbungsentwurf" for
    `applications.draft`), as the owning app registered it."""
    from ikone.core.audit import target_type_label

    return target_type_label(target_type)


@register.filter
def widget_type(field: BoundField) -> str:
    """Django's name from the widget's class ("checkbox"), or the one a
    widget names itself (the Python-rendered widgets of core.widgets)."""
    return form_fields.widget_type(field)


@register.simple_tag
def add_class(field: BoundField, css_class: str) -> SafeString:
    """Render a field's widget with an extra CSS class and ARIA links to its
    hint and errors."""
    return form_fields.widget_with_class(field, css_class)


@register.simple_tag
def form_field(field: BoundField) -> SafeString:
    """`{% form_field field %}`: label, hint, errors and widget in KERN UX
    markup (ikone.core.form_fields)."""
    return form_fields.render_field(field)


@register.simple_tag
def kern_fields(form: Any, empty_text: str = "") -> SafeString:
    """{% kern_fields form %}: the form's visible fields in KERN markup,
    built in Python (`ikone.core.form_fields`), choice fields as fieldsets."""
    from ikone.core.form_fields import fields_html

    return fields_html(form, empty_text=empty_text)


@register.filter
def long_datetime(value: datetime | None) -> str:
    """{{ call.deadline|long_datetime }}: "14. Januar 2027, 23:59 Uhr" in
    German, "14 January 2027, 23:59" in English (Europe/Berlin)."""
    return format_datetime(value) if value else ""


@register.filter
def long_date(value: datetime | date | None, style: DateStyle = "long") -> str:
    """{{ overview.deadline|long_date }}: "14. Januar 2027" / "14 January 2027";
    {{ day|long_date:"weekday" }}: "Donnerstag, 14. Januar 2027"."""
    return format_date(value, style) if value else ""


class CaptureNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str) -> None:
        self.nodelist = nodelist
        self.name = name

    def render(self, context: template.Context) -> str:
        # Whitespace and line breaks of the templates are not part of a title.
        # Rendered (and escaped) by the template engine, hence safe.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # noqa: S308
        return ""


@register.tag
def capture(parser: template.base.Parser, token: template.base.Token) -> CaptureNode:
    """`{% capture as name %}…{% endcapture %}`: render once, use several times
    (base.html puts a page's title and description into <title>, the meta
    description and the Open Graph tags)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def page_addresses(context: template.Context) -> object:
    """Canonical URL, hreflang alternates and sharing image of the current page."""
    from ikone.core.seo.meta import page_addresses as addresses

    request = context.get("request")
    if request is None:
        return None
    return addresses(request, get_language())
