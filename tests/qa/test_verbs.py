"""A question's verbs are also searched in their other form (issue 16,
point 3): "einstellen" finds "eingestellt", "eingestellt" finds
"einstellen"; nouns, modal verbs and verbs without "ge" are left alone."""

from __future__ import annotations

import pytest

from ikone.core.search.audience import ANONYMOUS
from ikone.qa.retrieval import ranking
from ikone.qa.retrieval.understanding import QUESTION_FRAME, understand
from ikone.qa.retrieval.verbs import other_forms, rejoined
from tests.search.conftest import put


def test_a_verb_gives_its_participle_and_a_participle_its_verb():
    assert other_forms("Dürfen wir Leute einstellen und abrechnen?", QUESTION_FRAME) == [
        "eingestell",
        "abgerechn",
    ]
    assert other_forms("Wird das Personal eingestellt?") == ["einstell"]
    assert other_forms("Was wird gemeinsam eingereicht?") == ["einreich"]
    # A yes/no question starts with its verb, capitalised.
    assert other_forms("Zahlt der Bund den Rest?") == ["gezahlt"]


def test_nouns_modal_verbs_and_verbs_without_ge_are_left_alone():
    # Capitalised inside the question: nouns ("Gemeinden", "Gesetz").
    assert other_forms("Was melden Gemeinden zum Gesetz?") == ["gemeld"]
    # bezahlen → bezahlt, finanzieren → finanziert: their stem starts the participle.
    assert other_forms("Wird das bezahlt oder finanziert?") == []
    assert other_forms("Können wir das?", QUESTION_FRAME) == []
    # "müssen" is a stop word by its stem; "zusammen" a separable prefix alone.
    assert other_forms("Müssen wir beide Phasen zusammen planen?") == ["geplan"]
    # A strong participle gets no second "ge".
    assert other_forms("Wer ist eingestiegen?") == []


@pytest.mark.django_db
def test_the_other_forms_are_search_clauses():
    clauses = understand("Dürfen wir Leute extra einstellen?").clauses
    assert "einstell" in clauses
    assert "eingestell" in clauses


@pytest.mark.django_db
def test_a_question_with_the_infinitive_finds_the_passage_with_the_participle():
    passage = put(
        "call_passage",
        1,
        "3.4 Förderfähige Ausgaben",
        "Personal, das für das Vorhaben neu eingestellt wird.",
        suggestible=True,
    )
    put("call_passage", 2, "3.5 Nicht förderfähige Ausgaben", "Grunderwerb.", suggestible=True)
    understood = understand("Dürfen wir Leute extra einstellen?")
    found = ranking.lexical(
        understood.text, audience=ANONYMOUS, kinds=("call_passage",), terms=understood.clauses
    )
    assert [item.document_id for item in found] == [passage.pk]


def test_a_separable_verb_the_question_split_is_joined_again():
    assert rejoined("Wie rufe ich die Fördergelder ab?", QUESTION_FRAME) == ["abruf", "abgeruf"]
    assert rejoined("Bis wann reichen wir die Unterlagen ein?", QUESTION_FRAME) == [
        "einreich",
        "eingereich",
    ]
    assert rejoined("Wie weise ich die Haushaltsnotlage nach?", QUESTION_FRAME) == [
        "nachweis",
        "nachgeweis",
    ]
    # A yes/no question starts with the finite verb.
    assert rejoined("Melden wir uns online an?", QUESTION_FRAME) == ["anmeld", "angemeld"]
    # No prefix at the end, a capitalised last word, or a noun where the verb would be.
    assert rejoined("Was ist mit dem Geld?", QUESTION_FRAME) == []
    assert rejoined("Gibt es Geld für An?", QUESTION_FRAME) == []
    assert rejoined("Wie viel Geld gibt es dafür an?", QUESTION_FRAME) == []
    # Only the prefix after stop words: nothing to join.
    assert rejoined("Muss ich da mit?", QUESTION_FRAME) == []
    assert "nachweis" in other_forms("Wie weise ich die Haushaltsnotlage nach?", QUESTION_FRAME)


@pytest.mark.django_db
def test_a_question_with_a_split_verb_finds_the_passage_with_its_noun_and_participle():
    proof = put(
        "call_passage",
        1,
        "3.3 Kommunen in Haushaltsnotlage",
        "Als Nachweis dient eine Bestätigung der Kommunalaufsicht.",
        suggestible=True,
    )
    drawn = put(
        "call_passage",
        2,
        "7.4 Berichte und Mittelabruf",
        "Mittel werden für die fälligen Ausgaben abgerufen.",
        suggestible=True,
    )
    put("call_passage", 3, "3.5 Nicht förderfähige Ausgaben", "Grunderwerb.", suggestible=True)
    for question, expected in (
        ("Wie weise ich die Notlage nach?", proof),
        ("Wie rufe ich die Mittel ab?", drawn),
    ):
        understood = understand(question)
        found = ranking.lexical(
            understood.text, audience=ANONYMOUS, kinds=("call_passage",), terms=understood.clauses
        )
        assert found[0].document_id == expected.pk, question
