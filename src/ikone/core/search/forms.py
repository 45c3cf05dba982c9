from django import forms
from django.utils.translation import gettext_lazy as _

QUERY_MAX_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Suchbegriff"),
        max_length=QUERY_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
