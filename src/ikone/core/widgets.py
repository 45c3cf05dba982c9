"""Form widgets."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


class FastSelect(forms.Select):
    """A single <select> rendered in Python instead of one template per option.

    Django renders every option through the template engine; for the
    directory's 400 Kreise that alone took half of the page's time. The
    output is the same markup, option groups included.
    """

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        selected = self.format_value(value)[:1]
        parts = []
        for group_value, group_label in self.choices:
            if isinstance(group_label, list | tuple):
                options = "".join(self._option(v, label, selected) for v, label in group_label)
                parts.append(f'<optgroup label="{escape(group_value)}">{options}</optgroup>')
            else:
                parts.append(self._option(group_value, group_label, selected))
        # Safe: attribute values go through flatatt, values and labels through escape.
        return mark_safe(  # noqa: S308
            f"<select{flatatt({'name': name, **final_attrs})}>{''.join(parts)}</select>"
        )

    @staticmethod
    def _option(value: Any, label: Any, selected: list[str]) -> str:
        value = "" if value is None else str(value)
        marker = " selected" if value in selected else ""
        return f'<option value="{escape(value)}"{marker}>{escape(label)}</option>'
