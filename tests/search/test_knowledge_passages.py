"""Solutions as passages (issue 16, point 2): each part of a published
solution is a passage that links to the part of its page; unpublished
solutions have none."""

from __future__ import annotations

from types import SimpleNamespace

from ikone.solutions.search_documents import _solution_passages


class _Organizations:
    def all(self):
        return [SimpleNamespace(name="Stadt Musterstadt")]


def _solution(**fields):
    values = {
        "pk": 5,
        "review_state": "published",
        "title": "Digitaler Mängelmelder",
        "summary": "Bürger melden Schäden per App.",
        "description": "<p>Die App leitet Meldungen weiter.</p><p>Sie läuft im Browser.</p>",
        "preconditions_staff": "Eine halbe Stelle",
        "preconditions_data": "",
        "preconditions_infrastructure": "",
        "lessons_learned": "Früh die Bauhöfe einbinden.\n\nRückmeldungen zeigen.",
        "organizations": _Organizations(),
        "get_absolute_url": lambda: "/loesungen/maengelmelder/",
    }
    values.update(fields)
    return SimpleNamespace(**values)


def test_a_published_solution_is_cut_into_passages_with_anchors():
    passages = _solution_passages(_solution())
    assert [(p.object_id, p.url, p.body) for p in passages] == [
        ("5:1", "/loesungen/maengelmelder/", "Bürger melden Schäden per App."),
        (
            "5:2",
            "/loesungen/maengelmelder/#description-heading",
            "Die App leitet Meldungen weiter.",
        ),
        ("5:3", "/loesungen/maengelmelder/#description-heading", "Sie läuft im Browser."),
        ("5:4", "/loesungen/maengelmelder/#preconditions-heading", "Eine halbe Stelle"),
        ("5:5", "/loesungen/maengelmelder/#lessons-heading", "Früh die Bauhöfe einbinden."),
        ("5:6", "/loesungen/maengelmelder/#lessons-heading", "Rückmeldungen zeigen."),
    ]
    assert all(p.suggestible and p.visibility == "public" for p in passages)
    assert passages[0].context == "Stadt Musterstadt"


def test_an_unpublished_solution_has_no_passages():
    assert _solution_passages(_solution(review_state="draft")) == []
