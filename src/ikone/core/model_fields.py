"""Field definitions that many models repeat, written once.

`optional_link` is the link to a person, an organisation or another
object that a record names but must outlive: deleting the target leaves
the link empty (SET_NULL) instead of deleting the record (a question
stays when its author's account is deleted, a support request when its
draft goes). The target is a model label or settings.AUTH_USER_MODEL, so
core names no app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def optional_link(
    to: str, verbose_name: StrOrPromise, related_name: str = "+", **options: Any
) -> models.ForeignKey[Any, Any]:
    """An optional foreign key that is emptied when its target is deleted."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        **options,
    )
