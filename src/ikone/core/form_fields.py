"""One form field in KERN UX markup, rendered in Python.

The markup of `components/field.html` (label, optional marker, hint,
errors, the widget with its KERN class and ARIA links). Every form page
renders it once per field; as a template include it cost more than the
widget itself on pages with many small forms (the criteria matrix: one
form of three fields per criterion). The template stays as the one-line
entry point for templates that include it.

`fields_html` writes all visible fields of a form, choice fields as the
KERN fieldset of `choice_fieldset_html` (the event management forms:
about thirty fields on the edit page, an include each before).
"""

from __future__ import annotations

from django.forms import BaseForm, BoundField
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext


def _optional_label() -> str:
    # Outside an f-string: xgettext does not see calls inside one, and the
    # catalogue would lose the text.
    return escape(gettext("optional"))


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
            f'<p class="kern-error" id="{auto_id}_error">{conditional_escape(str(error))}</p>'
            for error in errors
        )
    else:
        optional = (
            ""
            if field.field.required
            else f' <span class="kern-label__optional">– {_optional_label()}</span>'
        )
        parts = [
            f'<div class="kern-form-input{" kern-form-input--error" if errors else ""}">',
            f'<label class="kern-label" for="{label_for}">{label}{optional}</label>',
        ]
        if hint:
            parts.append(f'<div class="kern-hint" id="{auto_id}_helptext">{hint}</div>')
        parts.extend(
            f'<p class="kern-error" id="{auto_id}_error" role="alert">'
            f"{conditional_escape(str(error))}</p>"
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


def choice_fieldset_html(field: BoundField, kind: str, *, empty_text: str = "") -> str:
    """A field with several choices (`kind` "checkbox" or "radio") as a
    KERN fieldset, as the events' choice fieldset template wrote it
    (tests/events/test_manage_fields.py keeps its text)."""
    auto_id = escape(field.auto_id)
    help_text = field.help_text
    described = f' aria-describedby="{auto_id}_helptext"' if help_text else ""
    optional = (
        f' <span class="kern-label__optional">– {_optional_label()}</span>'
        if not field.field.required and kind == "checkbox"
        else ""
    )
    parts = [
        f'<fieldset class="kern-fieldset{" kern-fieldset--error" if field.errors else ""}"'
        f"{described}>",
        f'<legend class="kern-label">{conditional_escape(field.label)}{optional}</legend>',
    ]
    if help_text:
        parts.append(
            f'<div class="kern-hint" id="{auto_id}_helptext">{conditional_escape(help_text)}</div>'
        )
    parts += [
        f'<p class="kern-error" role="alert">{conditional_escape(str(error))}</p>'
        for error in field.errors
    ]
    parts.append('<div class="kern-fieldset__body">')
    name = escape(field.html_name)
    options = list(field.subwidgets)
    for option in options:
        data = option.data
        option_id = escape(option.id_for_label)
        checked = " checked" if data["selected"] else ""
        parts.append(
            '<div class="kern-form-check">'
            f'<input class="kern-form-check__{kind}" type="{kind}" name="{name}" '
            f'value="{escape(str(data["value"]))}" id="{option_id}"{checked}>'
            f'<label class="kern-label" for="{option_id}">{conditional_escape(option.choice_label)}</label>'
            "</div>"
        )
    if not options:
        parts.append(f'<p class="kern-body kern-body--small">{conditional_escape(empty_text)}</p>')
    parts.append("</div></fieldset>")
    return "".join(parts)


def fields_html(form: BaseForm, *, empty_text: str = "") -> SafeString:
    """The visible fields of `form`, choice fields as fieldsets: what
    `events/manage/includes/fields.html` wrote with an include per field."""
    parts = []
    for field in form.visible_fields():
        kind = widget_type(field)
        if kind == "checkboxselectmultiple":
            parts.append(choice_fieldset_html(field, "checkbox", empty_text=empty_text))
        elif kind == "radioselect":
            parts.append(choice_fieldset_html(field, "radio", empty_text=empty_text))
        else:
            parts.append(render_field(field))
    return mark_safe("\n".join(parts))  # noqa: S308 - labels, texts and values escaped above


def form_html(form: BaseForm) -> SafeString:
    """What `components/form.html` writes, without the include: the
    non-field errors, the hidden fields and every visible field through
    `render_field` (the criteria page renders one or two forms per
    criterion)."""
    parts = []
    errors = form.non_field_errors()
    if errors:
        texts = "".join(f'<p class="kern-body">{conditional_escape(str(e))}</p>' for e in errors)
        parts.append(
            '<div class="kern-alert kern-alert--danger" role="alert">'
            '<div class="kern-alert__header"><span class="kern-title">'
            f"{escape(gettext('Bitte prüfen Sie Ihre Angaben.'))}</span></div>"
            f'<div class="kern-alert__body">{texts}</div></div>'
        )
    parts.extend(str(hidden) for hidden in form.hidden_fields())
    parts.extend(render_field(field) for field in form.visible_fields())
    return mark_safe("".join(parts))  # noqa: S308 - errors escaped, fields render themselves escaped
