"""Asking a question, the list's filters and query counts, following."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from ikone.core.audit import Actor
from ikone.core.models import FieldOfAction
from ikone.qa import services
from ikone.qa.models import Question, QuestionFollow, QuestionStatus, Visibility
from tests.core.helpers import sign_in
from tests.qa.factories import AnswerFactory, QuestionFactory, make_call


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def test_staff_asks_a_question_citing_sections(call, staff_member, organization):
    client = _client(staff_member)
    url = reverse("qa:create") + f"?call={call.slug}"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "call": call.slug,
            "title": "Zählen Personalkosten zum Eigenanteil?",
            "text": "Wir wollen eine Projektstelle schaffen.",
            "sections": [call.sections["3.2"].pk],
            "visibility": Visibility.NETWORK,
            "show_organization": "on",
        },
    )
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    assert question.organization == organization
    assert question.author == staff_member
    assert question.visibility == Visibility.NETWORK
    assert question.show_organization
    assert list(question.cited_sections.all()) == [call.sections["3.2"]]
    assert QuestionFollow.objects.filter(question=question, user=staff_member).exists()
    page = client.get(question.get_absolute_url()).content.decode()
    assert f"/foerderaufrufe/{call.slug}/#abschnitt-3-2" in page


def test_bad_input_keeps_what_was_typed(call, staff_member):
    client = _client(staff_member)
    response = client.post(
        reverse("qa:create") + f"?call={call.slug}",
        {"call": call.slug, "title": "", "text": "Mein langer Text", "visibility": "public"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Mein langer Text" in content
    assert "Dieses Feld ist zwingend erforderlich." in content
    assert not Question.objects.exists()


def test_only_sections_of_the_current_version_may_be_cited(call, staff_member):
    other = make_call(slug="anderer", title="Anderer Aufruf")
    with pytest.raises(Exception, match="aktuellen Fassung"):
        services.question_create(
            actor=Actor(user=staff_member),
            call=call.call,
            title="Frage",
            text="Text",
            sections=[other.sections["1"]],
        )


def test_person_without_organisation_may_not_ask(call, person):
    client = _client(person)
    assert client.get(reverse("qa:create") + f"?call={call.slug}").status_code == 403


def test_mentor_may_ask_without_organisation(call, mentor):
    question = services.question_create(
        actor=Actor(user=mentor), call=call.call, title="Frage", text="Text"
    )
    assert question.organization is None


def test_without_call_the_form_offers_the_calls(call, staff_member):
    content = _client(staff_member).get(reverse("qa:create")).content.decode()
    assert f"?call={call.slug}" in content


def test_filters(call, organization, staff_member):
    other = make_call(slug="beispiel", title="Beispielaufruf")
    mobility = (
        FieldOfAction.objects.get(key="mobilitaet")
        if FieldOfAction.objects.filter(key="mobilitaet").exists()
        else FieldOfAction.objects.first()
    )
    cited = QuestionFactory(call=call.call, title="Mit Abschnitt")
    cited.cited_sections.add(call.sections["3.2"])
    in_answer = QuestionFactory(call=call.call, title="Antwort zitiert")
    answer = AnswerFactory(question=in_answer)
    answer.cited_sections.add(call.sections["3.2"])
    in_answer.status = QuestionStatus.ANSWERED
    in_answer.save()
    with_field = QuestionFactory(call=other.call, title="Mit Handlungsfeld")
    with_field.fields_of_action.add(mobility)
    client = Client()

    def titles(**params):
        content = client.get(reverse("qa:list"), params).content.decode()
        return {
            t for t in ("Mit Abschnitt", "Antwort zitiert", "Mit Handlungsfeld") if t in content
        }

    assert titles() == {"Mit Abschnitt", "Antwort zitiert", "Mit Handlungsfeld"}
    assert titles(call=other.slug) == {"Mit Handlungsfeld"}
    assert titles(call=call.slug, section="3.2") == {"Mit Abschnitt", "Antwort zitiert"}
    assert titles(status="answered") == {"Antwort zitiert"}
    assert titles(status="open") == {"Mit Abschnitt", "Mit Handlungsfeld"}
    assert titles(field=mobility.key) == {"Mit Handlungsfeld"}


def test_list_query_count_does_not_grow(call, organization, django_assert_max_num_queries):
    for _number in range(30):
        question = QuestionFactory(call=call.call, organization=organization)
        AnswerFactory(question=question)
        question.cited_sections.add(call.sections["1"])
    client = Client()
    # layout 2, calls 1, fields 1, count 1, page 1
    with django_assert_max_num_queries(8):
        response = client.get(reverse("qa:list"), {"call": call.slug, "section": "1"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 30


def test_list_count_is_a_memo_per_audience(
    call, organization, staff_member, other_staff, django_assert_num_queries
):
    """The count of /fragen/ is computed once per audience and filters and
    anew after a question is written; a person never gets the count of what
    another may see, whoever visited first."""
    from ikone.accounts.visibility import viewer_for
    from ikone.qa.selectors import QuestionFilters, question_count

    QuestionFactory(call=call.call)
    QuestionFactory(call=call.call, organization=organization, visibility=Visibility.MENTORS)
    own, other = viewer_for(staff_member), viewer_for(other_staff)
    filters = QuestionFilters(call=call.slug)
    assert question_count(viewer=other, filters=filters) == 1
    assert question_count(viewer=own, filters=filters) == 2
    with django_assert_num_queries(0):
        assert question_count(viewer=other, filters=filters) == 1
        assert question_count(viewer=own, filters=filters) == 2
    assert question_count(viewer=own, filters=QuestionFilters(status="answered")) == 0
    QuestionFactory(call=call.call, organization=organization, visibility=Visibility.MENTORS)
    assert question_count(viewer=own, filters=filters) == 3
    assert question_count(viewer=other, filters=filters) == 1
    response = _client(staff_member).get(reverse("qa:list"), {"call": call.slug})
    assert response.context["page"].paginator.count == 3
    response = _client(other_staff).get(reverse("qa:list"), {"call": call.slug})
    assert response.context["page"].paginator.count == 1


def test_list_paginates(call):
    for _number in range(30):
        QuestionFactory(call=call.call)
    content = Client().get(reverse("qa:list"), {"seite": 2}).content.decode()
    assert "Seite 2 von 2" in content


def test_detail_query_count_does_not_grow(
    call, organization, staff_member, mentor, django_assert_max_num_queries
):
    question = QuestionFactory(call=call.call, organization=organization, author=staff_member)
    question.cited_sections.add(call.sections["3.2"])
    for _number in range(8):
        answer = AnswerFactory(question=question, author=mentor)
        answer.cited_sections.add(call.sections["3.1"], call.sections["3.2"])
    client = _client(staff_member)
    with django_assert_max_num_queries(14):
        response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("#abschnitt-3-1") == 8


def test_follow_and_unfollow(
    call, organization, staff_member, other_staff, mentor, django_capture_on_commit_callbacks
):
    question = services.question_create(
        actor=Actor(user=staff_member), call=call.call, title="Frage", text="Text"
    )
    client = _client(other_staff)
    client.post(reverse("qa:follow", kwargs={"pk": question.pk}))
    assert QuestionFollow.objects.filter(question=question, user=other_staff).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_create(actor=Actor(user=mentor), question=question, text="Antwort A")
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([staff_member.email, other_staff.email])
    assert "Antwort A" in mail.outbox[0].body
    assert f"/fragen/{question.pk}/" in mail.outbox[0].body
    client.post(reverse("qa:unfollow", kwargs={"pk": question.pk}))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_create(actor=Actor(user=mentor), question=question, text="Antwort B")
    assert [message.to[0] for message in mail.outbox] == [staff_member.email]


def test_no_mail_to_the_answer_author(call, staff_member, django_capture_on_commit_callbacks):
    question = services.question_create(
        actor=Actor(user=staff_member), call=call.call, title="Frage", text="Text"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_create(actor=Actor(user=staff_member), question=question, text="Selbst")
    assert mail.outbox == []


def test_followers_who_lost_access_get_no_mail(
    call, organization, staff_member, other_staff, mentor, django_capture_on_commit_callbacks
):
    question = services.question_create(
        actor=Actor(user=staff_member),
        call=call.call,
        title="Frage",
        text="Text",
        visibility=Visibility.MENTORS,
    )
    QuestionFollow.objects.create(question=question, user=other_staff)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_create(actor=Actor(user=mentor), question=question, text="Antwort")
    assert [message.to[0] for message in mail.outbox] == [staff_member.email]


def test_choice_values_are_not_localised(call, staff_member):
    """German number formatting would render pk 12345 as "12.345", which the
    form then rejects (seen on PostgreSQL, where ids grow large)."""
    field = FieldOfAction.objects.create(key="gross", label="Großes Feld", pk=12345)
    url = reverse("qa:create") + f"?call={call.slug}"

    content = _client(staff_member).get(url).content.decode()

    assert f'value="{field.pk}"' in content
    assert 'value="12.345"' not in content
