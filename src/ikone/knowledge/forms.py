"""The filters of the knowledge base's list (/wissen/)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ikone.core.widgets import FastSelect
from ikone.knowledge.selectors_articles import ArticleFilters, FilterChoices, kind_choices

QUERY_MAX_LENGTH = 200


class ArticleFilterForm(forms.Form):
    """Bound to request.GET (q, art, handlungsfeld, aufruf, jahr). Unknown
    values show an error and do not filter."""

    q = forms.CharField(label=_("Suchbegriff"), required=False, max_length=QUERY_MAX_LENGTH)
    art = forms.ChoiceField(label=_("Art"), required=False, widget=FastSelect)
    handlungsfeld = forms.ChoiceField(label=_("Handlungsfeld"), required=False, widget=FastSelect)
    aufruf = forms.ChoiceField(label=_("Förderaufruf"), required=False, widget=FastSelect)
    jahr = forms.TypedChoiceField(
        label=_("Jahr"), required=False, coerce=int, empty_value=None, widget=FastSelect
    )

    def __init__(self, data: Any, *, choices: FilterChoices) -> None:
        super().__init__(data)
        everything: list[tuple[Any, Any]] = [("", _("alle"))]
        self._choice("art").choices = everything + kind_choices()
        self._choice("handlungsfeld").choices = everything + choices.fields_of_action
        self._choice("aufruf").choices = everything + choices.calls
        self._choice("jahr").choices = everything + [(year, str(year)) for year in choices.years]

    def _choice(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def to_filters(self) -> ArticleFilters:
        if not self.is_valid():
            return ArticleFilters()
        data = self.cleaned_data
        return ArticleFilters(
            kind=data["art"],
            field_of_action=data["handlungsfeld"],
            call=data["aufruf"],
            year=data["jahr"],
            query=data["q"].strip(),
        )
