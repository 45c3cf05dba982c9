"""A paginator told its count, for lists whose count is a memo
(`ikone.core.pagecache.memo`): counting thousands of rows on every visit
costs more than the page's rows themselves."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CountedPaginator(Paginator):
    def __init__(self, object_list: Any, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count
