"""One form field in KERN UX markup, rendered in Python.

The markup of `components/field.html` (label, optional marker, hint,
errors, the widget with its KERN class and ARIA links). Every form page
renders it once per field; as a template include it cost more than the
widget itself on pages with many small forms (the criteria matrix: one
form of three fields per criterion). The template stays as the one-line
entry point for templates that include it.
"""

from __future__ import annotations

from django.forms import BoundField
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext


def widget_type(field: BoundField) -> str:
    """Django's name from the widget's class ("checkbox"), or the one a
    widget names itself (the Python-rendered widgets of core.widgets)."""
    return getattr(field.field.widget, "widget_type", None) or field.widget_type


def widget_with_class(field: BoundField, css_class: str) -> SafeString:
    """The field's widget with an extra CSS class and ARIA links to its
    hint and errors."""
    attrs = dict(field.field.widget.attrs)
    attrs["class"] = " ".join(filter(None, [attrs.get("class"), css_class]))
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return conditional_escape(field.as_widget(attrs=attrs))


def render_field(field: BoundField) -> SafeString:
    kind = widget_type(field)
    label_for = escape(field.id_for_label or "")
    label = conditional_escape(field.label)
    auto_id = escape(field.auto_id or "")
    errors = field.errors
    hint = conditional_escape(field.help_text) if field.help_text else ""
    parts: list[str]
    if kind == "checkbox":
        parts = [
            f'<div class="kern-form-check{" kern-form-check--error" if errors else ""}">',
            widget_with_class(field, "kern-form-check__checkbox"),
            f'<label class="kern-label" for="{label_for}">{label}</label>',
        ]
        if hint:
            parts.append(f'<p class="kern-hint" id="{auto_id}_helptext">{hint}</p>')
        parts.extend(
            f'<p class="kern-error" id="{auto_id}_error">{conditional_escape(error)}</p>'
            for error in errors
        )
    else:
        optional = (
            ""
            if field.field.required
            else f' <span class="kern-label__optional">– {escape(gettext("optional"))}</span>'
        )
        parts = [
            f'<div class="kern-form-input{" kern-form-input--error" if errors else ""}">',
            f'<label class="kern-label" for="{label_for}">{label}{optional}</label>',
        ]
        if hint:
            parts.append(f'<div class="kern-hint" id="{auto_id}_helptext">{hint}</div>')
        parts.extend(
            f'<p class="kern-error" id="{auto_id}_error" role="alert">'
            f"{conditional_escape(error)}</p>"
            for error in errors
        )
        if kind in {"select", "selectmultiple"}:
            parts.append(
                '<div class="kern-form-input__select-wrapper">'
                f"{widget_with_class(field, 'kern-form-input__select')}</div>"
            )
        else:
            parts.append(widget_with_class(field, "kern-form-input__input"))
    parts.append("</div>")
    # Safe: labels, hints, errors and ids go through (conditional_)escape,
    # the widget renders itself escaped.
    return mark_safe("\n".join(parts))  # noqa: S308
