"""Call sections are indexed as passages and a call's data as fact
sentences (issue 16, point 2): each passage knows its call and section,
follows edits, and is found through its section, not listed on its own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ikone.calls.models import CallPhase
from ikone.calls.passages import euro_text, section_passages
from ikone.core.search.audience import ANONYMOUS
from ikone.core.search.models import SearchDocument
from ikone.core.search.selectors import site_search
from tests.calls.factories import make_call

pytestmark = pytest.mark.django_db


def test_paragraphs_and_list_items_become_passages_and_items_keep_their_introduction():
    markup = (
        "<p>Gefördert werden 65 %.</p><p>Verglichen wird in Gruppen:</p>"
        "<ul><li>Großstädte</li><li>Kleinstädte</li></ul><p>Ende.</p>"
    )
    assert section_passages(markup) == [
        "Gefördert werden 65 %.",
        "Verglichen wird in Gruppen: Großstädte",
        "Verglichen wird in Gruppen: Kleinstädte",
        "Ende.",
    ]


def test_amounts_read_as_people_say_them():
    assert euro_text(Decimal("300000000")) == "300 Millionen Euro"
    assert euro_text(Decimal("2500000")) == "2,5 Millionen Euro"
    assert euro_text(Decimal("40000")) == "40.000 Euro"


def test_sections_and_call_data_are_indexed_as_passages_of_their_call(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        call = make_call("passagen")
    passages = SearchDocument.objects.filter(kind="call_passage", group=f"call:{call.pk}")
    rate = passages.get(body__contains="65 %")
    assert rate.title == "1.1 Förderquote"
    assert rate.url.endswith("#abschnitt-1-1")
    assert rate.suggestible
    facts = SearchDocument.objects.filter(kind="call_fact", group=f"call:{call.pk}")
    bodies = " ".join(facts.values_list("body", flat=True))
    assert "die Kommune trägt 35 % als Eigenanteil selbst" in bodies
    assert "der Eigenanteil der Kommune beträgt dann 10 %" in bodies
    assert "Das Fördervolumen (Gesamtbudget) des Aufrufs beträgt 1 Million Euro." in bodies
    assert "Ratsbeschluss" in bodies
    assert all("#" in url for url in facts.values_list("url", flat=True))
    # A fact is titled by what it is about, as a passage by its section; the
    # call it belongs to is its context (and its group), not its title.
    volume = facts.get(body__contains="Fördervolumen")
    assert (volume.title, volume.context) == ("Fördervolumen", call.title)


def test_facts_follow_a_changed_phase(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call = make_call("phasen")
    with django_capture_on_commit_callbacks(execute=True):
        phase = CallPhase.objects.get(call=call, key="B")
        phase.max_eligible_costs = Decimal("15000000")
        phase.save()
    facts = SearchDocument.objects.filter(kind="call_fact", group=f"call:{call.pk}")
    assert facts.filter(body__contains="bis zu 15 Millionen Euro (Obergrenze)").exists()


def test_the_search_page_lists_sections_not_their_passages(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_call("liste")
    page = site_search(audience=ANONYMOUS, query="Förderquote")
    assert {result.kind for result in page.results} == {"call_section"}
    assert {facet.kind for facet in page.facets} == {"call_section"}
