"""Understanding German questions (issue 16, point 3): compound parts, the
coordinators' thesaurus, question words and named call rounds; and the
answer shown (point 5): the best sentence with the words marked, nothing
when nothing is confident."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.urls import reverse

from ikone.core.datetimes import iso
from ikone.core.search.audience import ANONYMOUS
from ikone.core.search.embeddings import embed_documents
from ikone.core.search.models import SearchDocument
from ikone.core.search.text import best_sentence
from ikone.qa.models import SynonymGroup
from ikone.qa.retrieval import ranking
from ikone.qa.retrieval.answers import answer_of
from ikone.qa.retrieval.compounds import split
from ikone.qa.retrieval.suggestions import (
    SECTION_KINDS,
    _has_vectors,
    lexically_confident,
    names_the_topic,
    suggest,
)
from ikone.qa.retrieval.understanding import (
    KNOWLEDGE,
    named_calls,
    satisfies,
    topic_words,
    understand,
)
from ikone.qa.retrieval.units import rerank
from tests.accounts.fixtures import *  # noqa: F403
from tests.search.conftest import put

pytestmark = pytest.mark.django_db
THESAURUS_FILE = (
    Path(__file__).resolve().parents[2] / "src" / "ikone" / "qa" / "data" / "thesaurus.yaml"
)


def test_domain_compounds_split_into_their_parts_and_unknown_words_stay_whole():
    assert split("Fördertopf") == ("foerder", "topf")
    assert split("Haushaltssicherung") == ("haushalt", "sicherung")
    assert split("Eigenmittelanteil") == ("eigen", "mittel", "anteil")
    assert split("Selbitz") == ()
    assert split("Kommune") == ()


def test_the_starting_thesaurus_expands_a_question():
    assert SynonymGroup.objects.filter(expressions__contains="Fördertopf").exists()
    terms = understand("Wie groß ist der Fördertopf?").terms
    assert "fordervolum" in terms
    assert "topf" in terms  # compound part
    terms = understand("Wie viel müssen wir selbst bezahlen?").terms
    assert "eigenanteil" in terms
    # A group added after the first release (migration qa 0005).
    assert "umsatzsteu" in understand("Ist die Mehrwertsteuer förderfähig?").terms


def test_a_thesaurus_expression_of_several_words_is_searched_as_one_clause():
    """ "selber zahlen" needs both words: searched word by word, its "zahlen"
    matched every Zahlung (docs/search.md); a hyphenated expression is one
    word, its parts count alone as a compound's do."""
    understood = understand("Wie hoch ist der Eigenanteil der Kommune?")
    assert "selb zahl" in understood.clauses
    assert "selb bezahl" in understood.clauses
    assert "zahl" not in understood.clauses
    assert "zahl" in understood.terms  # still marked where a snippet says it
    assert {"eigenanteil", "kofinanzier", "eig", "anteil"} <= set(understood.clauses)
    clauses = understand("Wann ist die Info-Veranstaltung?").clauses
    assert {"info", "veranstalt", "informationsveranstalt"} <= set(clauses)


def test_a_multi_word_clause_matches_only_where_all_its_words_occur():
    share = put(
        "question", 1, "Wer trägt den Rest?", "Die Kommune muss selber zahlen.", suggestible=True
    )
    payment = put(
        "question", 2, "Wann kommt die Zahlung?", "Sie erfolgt quartalsweise.", suggestible=True
    )
    found = [
        item.document_id
        for item in ranking.lexical(
            "", audience=ANONYMOUS, kinds=("question",), terms=["selb zahl", "eigenanteil"]
        )
    ]
    assert share.pk in found
    assert payment.pk not in found


def test_the_added_groups_reach_an_installation_once():
    """Migration qa 0005 adds the thesaurus lines an installation lacks and
    none it has (a new installation loaded them all in 0004)."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("ikone.qa.migrations.0005_thesaurus_additions")
    SynonymGroup.objects.filter(expressions__startswith="Mehrwertsteuer").delete()
    before = SynonymGroup.objects.count()
    migration.add_missing_groups(apps, None)
    migration.add_missing_groups(apps, None)
    assert SynonymGroup.objects.count() == before + 1


def test_the_groups_of_the_second_addition_reach_an_installation_once():
    """Migration qa 0006 adds its own lines only, once; a group a
    coordinator deleted from the earlier lines stays deleted."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("ikone.qa.migrations.0006_thesaurus_second_additions")
    SynonymGroup.objects.filter(expressions__startswith="Öffentlichkeitsarbeit").delete()
    SynonymGroup.objects.filter(expressions__startswith="Mehrwertsteuer").delete()
    before = SynonymGroup.objects.count()
    migration.add_new_groups(apps, None)
    migration.add_new_groups(apps, None)
    assert SynonymGroup.objects.count() == before + 1
    assert not SynonymGroup.objects.filter(expressions__startswith="Mehrwertsteuer").exists()
    assert set(migration.NEW_GROUPS) <= set(
        yaml.safe_load(THESAURUS_FILE.read_text(encoding="utf-8"))
    )


def test_everyday_and_english_words_reach_the_calls_terms():
    assert "offentlichkeitsarbeit" in understand("Wird Marketing bezahlt?").terms
    assert "beteiligungsverfahr" in understand("Zahlt ihr Bürgerbeteiligung?").terms
    assert "berat" in understand("Können wir Consultants bezahlen?").terms
    assert "veranstalt" in understand("Werden Workshops gefördert?").terms


def test_words_that_only_frame_a_question_are_not_searched():
    """ "Wie lange", "wie hoch", "können", "dürfen" say what kind of answer
    is wanted, not what it is about: as search words they matched every
    short text with "lang" or "darf" in it (docs/search.md)."""
    understood = understand("Wie lange dauert die Strategiephase?")
    assert "lang" not in understood.terms
    assert "lang" not in understood.clauses
    assert "dauert" in understood.terms
    understood = understand("Dürfen wir Personal einstellen?")
    assert "durf" not in understood.clauses
    assert "personal" in understood.clauses


def test_a_coordinators_new_synonym_group_applies():
    SynonymGroup.objects.create(expressions="Knete, Fördermittel")
    KNOWLEDGE.reset()
    assert "fordermittel" in understand("Wo gibt es Knete?").terms


def test_question_words_ask_for_amounts_dates_or_actors():
    assert understand("Wie viel gibt es für die Umsetzung?").wants == "amount"
    assert understand("Bis wann muss der Ratsbeschluss vorliegen?").wants == "date"
    assert understand("Wer zahlt die Fördermittel aus?").wants == "actor"
    assert satisfies("amount", "Gefördert werden 65 % der Ausgaben.")
    assert not satisfies("amount", "Der Rat beschließt.")
    assert satisfies("date", "Frist: 14. März 2021, 23:59 Uhr")


def test_a_named_round_finds_its_call():
    calls = [("call:1", "modellprojekte smart cities 2021 – 3. staffel"), ("call:2", "beispiel")]
    assert named_calls("wie gross ist der topf der dritten staffel", calls) == ("call:1",)
    assert named_calls("was galt in der 3. runde", calls) == ("call:1",)
    assert named_calls("was galt 2021", calls) == ("call:1",)
    assert named_calls("was gilt", calls) == ()


def test_a_year_names_the_call_whose_deadline_falls_in_it():
    """The first round's title has no year ("… – 1. Staffel"); its deadline
    in 2019 makes "2019" name it."""
    import datetime

    from ikone.calls.models import Call
    from ikone.core.datetimes import berlin_datetime

    first = Call.objects.create(
        slug="erste",
        title="Modellprojekte – 1. Staffel",
        deadline=berlin_datetime(datetime.date(2019, 5, 17)),
    )
    Call.objects.create(slug="dritte", title="Modellprojekte 2021 – 3. Staffel")
    KNOWLEDGE.reset()
    assert understand("Wer war 2019 der Fördermittelgeber?").call_groups == (f"call:{first.pk}",)
    assert understand("Was galt 2021?").call_groups != (f"call:{first.pk}",)


def test_the_best_sentence_is_shown_with_the_words_marked():
    text = "Die Förderung ist ein Zuschuss. Die übrigen 35 % trägt die Kommune als Eigenanteil."
    sentence, matched = best_sentence(text, ["eigenanteil", "kommun"])
    assert sentence == "Die übrigen 35 % trägt die Kommune als Eigenanteil."
    assert matched == 2
    answer = answer_of("call_passage", "3.1 Förderquote", text, ["eigenanteil"])
    assert answer.source == "Abschnitt 3.1 Förderquote"
    assert "<mark>Eigenanteil</mark>" in answer.sentence


def test_nothing_confident_shows_no_guesses_and_the_page_invites_asking(client):
    docs = [
        put(
            "call_passage",
            "1:1",
            "3.1 Förderquote",
            "Gefördert werden 65 % der förderfähigen Ausgaben; 35 % trägt die Kommune.",
            group="call:1",
            suggestible=True,
        )
    ]
    embed_documents([doc.pk for doc in docs])
    result = suggest(audience=ANONYMOUS, title="Wann ist die Sperrmüllabholung im Ortsteil?")
    assert not result
    assert result.searched and not result.confident
    response = client.get("/fragen/vorschlaege/", {"title": "Wann ist die Sperrmüllabholung?"})
    assert "keine sichere Antwort" in response.content.decode()

    found = suggest(audience=ANONYMOUS, title="Wie hoch ist die Förderquote?")
    assert found.sections[0].answer is not None
    assert found.sections[0].answer.source == "Abschnitt 3.1 Förderquote"
    response = client.get("/fragen/vorschlaege/", {"title": "Wie hoch ist die Förderquote?"})
    assert "<mark>Förderquote</mark>" in response.content.decode() or "Abschnitt 3.1" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("role", "status"), [("coordinator", 200), ("admin", 200), ("mentor", 302), ("staff_a", 302)]
)
def test_the_thesaurus_admin_per_role(role, status, client_for):
    response = client_for(role).get(reverse("admin:qa_synonymgroup_changelist"))
    assert response.status_code == status


def test_coordinators_edit_the_thesaurus_and_a_stale_form_is_refused(client_for):
    client = client_for("coordinator")
    group = SynonymGroup.objects.create(expressions="Topf, Volumen")
    url = reverse("admin:qa_synonymgroup_change", args=[group.pk])
    seen = iso(group.updated_at)
    response = client.post(url, {"expressions": "Topf, Volumen, Budget", "seen_updated_at": seen})
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.expressions == "Topf, Volumen, Budget"
    stale = client.post(url, {"expressions": "Topf, Kasse", "seen_updated_at": seen})
    assert "inzwischen geändert" in stale.content.decode()
    assert "Topf, Kasse" in stale.content.decode()
    one = client.post(url, {"expressions": "Topf", "seen_updated_at": ""})
    assert "mindestens zwei" in one.content.decode()


def test_without_sentence_vectors_a_strong_lexical_match_is_still_shown(client):
    """A fresh install before the background worker ran: no vectors at all.
    Half of the question's own words (at least two) in the best candidate
    make it confident; a weak match still shows nothing."""
    put(
        "call_passage",
        "1:1",
        "3.2 Kommunen in Haushaltsnotlage",
        "Kommunen in einer Haushaltsnotlage erhalten bis zu 90 % Förderung.",
        group="call:1",
        suggestible=True,
    )
    assert not SearchDocument.objects.exclude(embedding=None).exists()
    found = suggest(audience=ANONYMOUS, title="Förderung für Kommunen in Haushaltsnotlage?")
    assert found.confident and found.sections
    assert found.sections[0].title == "3.2 Kommunen in Haushaltsnotlage"
    response = client.get(
        "/fragen/vorschlaege/", {"title": "Förderung für Kommunen in Haushaltsnotlage?"}
    )
    assert "3.2 Kommunen in Haushaltsnotlage" in response.content.decode()
    weak = suggest(audience=ANONYMOUS, title="Wann holt die Kommune den Sperrmüll im Ortsteil ab?")
    assert not weak and not weak.confident
    assert lexically_confident(
        "Haushaltsnotlage Förderung Kommunen", found.sections[0].document_id
    )
    assert not lexically_confident("Haushaltsnotlage", found.sections[0].document_id)


def test_with_sentence_vectors_the_lexical_rule_does_not_apply():
    doc = put(
        "call_passage",
        "1:1",
        "3.2 Kommunen in Haushaltsnotlage",
        "Kommunen in einer Haushaltsnotlage erhalten bis zu 90 % Förderung.",
        group="call:1",
        suggestible=True,
    )
    embed_documents([doc.pk])
    encoding = ranking.encoded("Kommune Ortsteil Sperrmüll Haushaltsnotlage")
    assert _has_vectors(SECTION_KINDS, encoding)


def test_a_shared_common_word_alone_is_not_a_confident_answer():
    """Rank fusion is relative: with one passage, any question sharing a word
    puts it first in both lists. Without a close meaning, the passage must
    contain most of the words naming the question's topic."""
    docs = [
        put(
            "call_passage",
            "1:1",
            "3.1 Förderquote",
            "Die Förderung beträgt 65 % der förderfähigen Ausgaben; 35 % trägt die Kommune.",
            group="call:1",
            suggestible=True,
        )
    ]
    embed_documents([doc.pk for doc in docs])
    question = "Welche Förderung gibt es für die Sanierung von Schulturnhallen?"
    assert topic_words(question) == ["forder", "sanier", "schulturnhall"]
    assert not names_the_topic(question, docs[0].pk)
    weak = suggest(audience=ANONYMOUS, title=question)
    assert not weak and not weak.confident
    # "wie hoch" frames the question; "Förderquote" is its topic.
    assert topic_words("Wie hoch ist die Förderquote?") == ["forderquot"]
    assert names_the_topic("Wie hoch ist die Förderquote?", docs[0].pk)
    assert suggest(audience=ANONYMOUS, title="Wie hoch ist die Förderquote?").sections


def test_a_passage_repeated_by_several_calls_is_suggested_once():
    """The rounds of a programme repeat much of their text: the same passage
    of three calls would fill three of five places with one answer."""
    text = "Die Förderung ist ein Zuschuss zu den förderfähigen Ausgaben."
    first = put("call_passage", "1:1", "3 Förderung", text, group="call:1", suggestible=True)
    again = put("call_passage", "2:1", "3 Förderung", f" {text}", group="call:2", suggestible=True)
    other = put(
        "call_passage",
        "3:1",
        "3.1 Förderquote",
        "Gefördert werden 65 % der förderfähigen Ausgaben.",
        group="call:1",
        suggestible=True,
    )
    fused = [ranking.Ranked(first.pk, 0.3), ranking.Ranked(again.pk, 0.3)]
    fused.append(ranking.Ranked(other.pk, 0.2))
    assert rerank(fused, None) == [first.pk, other.pk]


def test_the_thesaurus_counts_for_the_topic_words():
    doc = put(
        "call_passage",
        "1:1",
        "3.1 Förderquote",
        "Die übrigen 35 % trägt die Kommune als Eigenanteil.",
        group="call:1",
        suggestible=True,
    )
    question = "Wie viel müssen wir als Kommune selbst bezahlen?"
    assert topic_words(question) == ["kommun", "selb", "bezahl"]
    # "selbst bezahlen" ~ Eigenanteil (starting thesaurus)
    assert names_the_topic(question, doc.pk)
    assert not names_the_topic("Wie viel müssen wir als Kommune für Wallboxen zahlen?", doc.pk)


def test_a_question_naming_no_call_prefers_the_open_calls_copy():
    """An earlier round repeats the open call's passage word for word: a
    question that names no round means the call open now, so the open
    call's copy stands for the answer (not the older one, first by id); a
    question naming the earlier round still gets that round's."""
    from ikone.calls.models import Call, CallStatus

    older = Call.objects.create(
        slug="runde-1",
        programme="Programm",
        funder="Bund",
        title="Programm – 1. Staffel",
        status=CallStatus.CLOSED,
    )
    current = Call.objects.create(
        slug="runde-2",
        programme="Programm",
        funder="Bund",
        title="Programm – 2. Staffel",
        status=CallStatus.OPEN,
    )
    KNOWLEDGE.reset()
    text = "Die Strategiephase dauert 12 Monate."
    old = put("call_passage", "1:1", "4.1 Phase A", text, group=f"call:{older.pk}")
    new = put("call_passage", "2:1", "4.1 Phase A", text, group=f"call:{current.pk}")
    fused = [ranking.Ranked(old.pk, 0.3), ranking.Ranked(new.pk, 0.3)]

    unnamed = understand("Wie lange dauert die Strategiephase?")
    assert unnamed.current_groups == (f"call:{current.pk}",)
    assert rerank(fused, unnamed) == [new.pk]
    named = understand("Wie lange dauerte die Strategiephase in der 1. Staffel?")
    assert named.current_groups == ()
    assert rerank(fused, named) == [old.pk]
