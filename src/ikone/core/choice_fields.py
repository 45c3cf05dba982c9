"""Model choice fields that read their choices with one plain query.

Django's `ModelChoiceIterator` reads a field's choices with
`queryset.iterator()`, which on PostgreSQL opens a server-side cursor:
DECLARE, FETCH and CLOSE, three round trips to the database for a list of
a dozen series or calls, per field and per rendering. These fields read
the same rows, in the same order, with one SELECT (issue 15: the event
edit page's three choice fields cost nine round trips).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator


class ListedChoiceIterator(ModelChoiceIterator):
    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        # A fresh clone each time, as Django's iterator: nothing is cached
        # on the field's queryset between renderings.
        for obj in self.queryset.all():
            yield self.choice(obj)


class ListedModelChoiceField(forms.ModelChoiceField):
    iterator = ListedChoiceIterator


class ListedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = ListedChoiceIterator
