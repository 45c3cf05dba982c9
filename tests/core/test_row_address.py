"""`core.urlmemo.row_address`: one `reverse` for a long list's rows."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from ikone.core.urlmemo import EACH, row_address


def test_each_row_gets_the_address_reverse_gives():
    detail = row_address("qa:detail", pk=EACH)
    assert [detail(pk) for pk in (1, 42)] == [
        reverse("qa:detail", kwargs={"pk": 1}),
        reverse("qa:detail", kwargs={"pk": 42}),
    ]
    check_in = row_address("events:manage_check_in", slug="workshop", pk=EACH)
    assert check_in(7) == reverse("events:manage_check_in", kwargs={"slug": "workshop", "pk": 7})
    unit = row_address("municipalities:detail", EACH)
    assert unit("07312000") == reverse("municipalities:detail", args=["07312000"])
    calendar_file = row_address("events:ics", slug=EACH)
    assert calendar_file("workshop-1") == reverse("events:ics", kwargs={"slug": "workshop-1"})


def test_a_value_outside_the_plain_characters_goes_through_reverse():
    """Such a value is not pasted into the address: `reverse` decides, and
    refuses what the pattern refuses, as it did per row before."""
    detail = row_address("organizations:detail", slug=EACH)
    with pytest.raises(NoReverseMatch):
        detail("über-uns")
