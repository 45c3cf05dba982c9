"""Form widgets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict[str, Any]) -> str:
    """Django's widgets/attrs.html in Python: in the given order, `True` as
    a bare name, `False` left out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class FastSelect(forms.Select):
    """A single <select> rendered in Python instead of one template per option.

    Django renders every option through the template engine; for the
    directory's 400 Kreise that alone took half of the page's time. The
    output is the same markup, option groups included.
    """

    # As Django names the widget it replaces: render_field wraps a "select"
    # in KERN's select markup (without it, a FastSelect got the text input's).
    widget_type = "select"

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        selected = self.format_value(value)[:1]
        if isinstance(self.choices, RenderedChoices):
            options = self.choices.options_html(selected)
            return mark_safe(  # noqa: S308 - as below
                f'<select name="{escape(name)}"{_attrs(final_attrs)}>{options}</select>'
            )
        parts = []
        for group_value, group_label in self.choices:
            if isinstance(group_label, list | tuple):
                options = "".join(self._option(v, label, selected) for v, label in group_label)
                parts.append(f'<optgroup label="{escape(group_value)}">{options}</optgroup>')
            else:
                parts.append(self._option(group_value, group_label, selected))
        # Safe: the name, attribute values, values and labels go through escape.
        # The attributes in Django's order (the name first), as its template wrote them.
        return mark_safe(  # noqa: S308
            f'<select name="{escape(name)}"{_attrs(final_attrs)}>{"".join(parts)}</select>'
        )

    @staticmethod
    def _option(value: Any, label: Any, selected: list[str]) -> str:
        value = "" if value is None else str(value)
        marker = " selected" if value in selected else ""
        return f'<option value="{escape(value)}"{marker}>{escape(label)}</option>'


def options_html(choices: list[Any]) -> str:
    """The <option>s (and <optgroup>s) `FastSelect` writes for `choices`
    with nothing selected: written once for `RenderedChoices`."""
    return "".join(
        f'<optgroup label="{escape(value)}">'
        + "".join(FastSelect._option(v, label, []) for v, label in labels)
        + "</optgroup>"
        if isinstance(labels, list | tuple)
        else FastSelect._option(value, labels, [])
        for value, labels in choices
    )


class RenderedChoices(BaseChoiceIterator):
    """Choices in Django's normal form (pairs, groups as lists of pairs)
    together with their <option>s as `options_html` wrote them, for a long
    list that is the same on every page (the directory's 400 Kreise): Django
    takes them without normalising them again, and `FastSelect` marks the
    selected option in the finished text instead of writing each option
    anew. Values must be unique (as in any <select>)."""

    def __init__(self, choices: list[Any], html: str) -> None:
        self.choices = choices
        self.html = html

    def __iter__(self) -> Iterator[Any]:
        return iter(self.choices)

    def options_html(self, selected: list[str]) -> str:
        if not selected:
            return self.html
        value = escape(selected[0])
        return self.html.replace(
            f'<option value="{value}">', f'<option value="{value}" selected>', 1
        )


class _PythonInput(forms.widgets.Input):
    """An <input> rendered in Python (widgets/input.html), the same markup."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        formatted = self.format_value(value)
        shown = "" if formatted is None else f' value="{escape(formatted)}"'
        # Safe: the name, the value and every attribute go through escape.
        return mark_safe(  # noqa: S308
            f'<input type="{self.input_type}" name="{escape(name)}"{shown}'
            f"{_attrs(self.build_attrs(self.attrs, attrs))}>"
        )


class FastTextInput(_PythonInput, forms.TextInput):
    """A text field rendered in Python (widgets/input.html), the same markup:
    a form with a hundred fields spent most of its time in the widget
    templates (the call amendment page)."""

    widget_type = "text"  # as Django names the widget it replaces (components/field.html)


class FastSearchInput(_PythonInput, forms.SearchInput):
    """A search field rendered in Python (widgets/search.html is input.html)."""

    widget_type = "search"


class FastNumberInput(_PythonInput, forms.NumberInput):
    """A number field rendered in Python (widgets/number.html is input.html).
    A NumberInput, so that integer fields still add min, max and step."""

    widget_type = "number"


class FastHiddenInput(_PythonInput, forms.HiddenInput):
    """A hidden field rendered in Python (widgets/hidden.html is input.html)."""

    widget_type = "hidden"


class FastEmailInput(_PythonInput, forms.EmailInput):
    """An e-mail field rendered in Python (widgets/email.html is input.html)."""

    widget_type = "email"


class FastURLInput(_PythonInput, forms.URLInput):
    """A web address field rendered in Python (widgets/url.html is input.html)."""

    widget_type = "url"


class FastDateTimeInput(_PythonInput, forms.DateTimeInput):
    """A date-and-time field rendered in Python (widgets/datetime.html is
    input.html); the value is formatted as DateTimeInput formats it."""

    widget_type = "datetime"


class FastTimeInput(_PythonInput, forms.TimeInput):
    """A time field rendered in Python (widgets/time.html is input.html)."""

    widget_type = "time"


class FastTextarea(forms.Textarea):
    """A textarea rendered in Python (widgets/textarea.html), the same markup."""

    widget_type = "textarea"  # as Django names the widget it replaces (components/field.html)

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        formatted = self.format_value(value)
        # Safe: the name, the value and every attribute go through escape.
        return mark_safe(  # noqa: S308
            f'<textarea name="{escape(name)}"{_attrs(self.build_attrs(self.attrs, attrs))}>\n'
            f"{escape(formatted) if formatted else ''}</textarea>"
        )


class FastCheckboxInput(forms.CheckboxInput):
    """A checkbox rendered in Python (widgets/checkbox.html), the same markup."""

    widget_type = "checkbox"  # as Django names the widget it replaces (components/field.html)

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.check_test(value):
            final_attrs["checked"] = True
        formatted = self.format_value(value)
        shown = "" if formatted is None else f' value="{escape(formatted)}"'
        # Safe: the name, the value and every attribute go through escape.
        return mark_safe(  # noqa: S308
            f'<input type="checkbox" name="{escape(name)}"{shown}{_attrs(final_attrs)}>'
        )


class FastCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """A list of checkboxes rendered in Python (widgets/multiple_input.html
    and its option templates), the same markup: the criteria page renders
    one list per criterion, each option through three templates."""

    widget_type = "checkboxselectmultiple"  # as Django names it (components/field.html)

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        # Django's own context: the options' ids, labels and checked states.
        widget = self.get_context(name, value, attrs)["widget"]
        wrapper_id = widget["attrs"].get("id")
        wrapper_class = widget["attrs"].get("class")
        parts = [
            "<div",
            f' id="{escape(wrapper_id)}"' if wrapper_id else "",
            f' class="{escape(wrapper_class)}"' if wrapper_class else "",
            ">",
        ]
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(f"\n  <div><label>{escape(group)}</label>")
            for option in options:
                option_id = option["attrs"].get("id")
                label_for = f' for="{escape(option_id)}"' if option_id else ""
                shown = "" if option["value"] is None else f' value="{escape(option["value"])}"'
                parts.append(
                    f"<div>\n    <label{label_for}>"
                    f'<input type="{option["type"]}" name="{escape(option["name"])}"{shown}'
                    f"{_attrs(option['attrs'])}> {escape(option['label'])}</label></div>"
                )
            if group:
                parts.append("\n  </div>")
        parts.append("\n</div>")
        # Safe: ids, classes, names, values and labels go through escape.
        return mark_safe("".join(parts))  # noqa: S308
