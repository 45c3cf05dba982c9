from collections.abc import Iterable

from django import template
from django.utils.safestring import SafeString

from ikone.municipalities.models import Municipality
from ikone.municipalities.unit_rows import table_of_rows as table_of_rows_html
from ikone.municipalities.unit_rows import unit_table as unit_table_html

register = template.Library()


@register.simple_tag
def unit_table(units: Iterable[Municipality], caption: str, show_region: bool) -> SafeString:
    """A table of units (`municipalities.unit_rows`)."""
    return unit_table_html(units, caption, show_region=show_region)


@register.simple_tag
def table_of_rows(rows: SafeString, caption: str, show_region: bool) -> SafeString:
    """The table around rows of `municipalities.unit_rows.unit_rows`."""
    return table_of_rows_html(rows, caption, show_region=show_region)
