"""The personal data export holds everything stored about a person
(issue 11.8). Each app registers its part (ikone.core.personal_data); this
test walks the model registry, so a new link to a person or a new personal
field fails here until a part exports it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.apps import apps
from django.contrib.auth import get_user_model

from ikone.core import personal_data
from tests.applications.core_fixtures import *  # noqa: F403

# Fields that describe a person on a row that belongs to one (besides the
# link itself): contact data, accessibility needs, network traces, names.
PERSONAL = re.compile(
    r"^(name|job_title)$|^contact_|(^|_)(email|phone|accessibility_needs|ip_address|user_agent)$"
)
# The account's secrets and bookkeeping, deliberately not exported.
NOT_EXPORTED = {"accounts.User.password", "accounts.User.id"}


def personal_fields() -> Iterator[str]:
    """ "app_label.Model.field" of every link to the user model and every
    personal field of a model that has such a link (or is the user model)."""
    user_model = get_user_model()
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        fields = [
            field
            for field in model._meta.get_fields()
            if field.concrete or (field.many_to_many and not field.auto_created)
        ]
        links = [
            field for field in fields if field.is_relation and field.related_model is user_model
        ]
        for field in links:
            yield f"{field.model._meta.label}.{field.name}"
        if model is user_model:
            for field in fields:
                if not field.is_relation:
                    yield f"{model._meta.label}.{field.name}"
        elif links:
            for field in fields:
                if not field.is_relation and PERSONAL.search(field.name):
                    yield f"{field.model._meta.label}.{field.name}"


def test_every_link_to_a_person_and_personal_field_is_exported():
    covered = personal_data.covered_fields()
    missing = sorted(set(personal_fields()) - covered - NOT_EXPORTED)
    assert not missing, (
        "Personal data that no part of the export covers; export it in the owning "
        "app's export_parts.py (ikone.core.personal_data):\n" + "\n".join(missing)
    )


def test_every_covered_field_exists():
    """A part that names a field no model has is a typo or a leftover."""
    for field in personal_data.covered_fields():
        label, name = field.rsplit(".", 1)
        model = apps.get_model(label)
        assert model._meta.get_field(name), field


def test_the_export_holds_what_the_person_did_everywhere(
    client, workshop_draft, staff_member, mentor, django_assert_max_num_queries
):
    """Registrations with accessibility needs, feedback, questions, answers,
    follows, comments, section versions, recommendations, the API token's
    metadata and the audit entries about the person are all in the file."""
    from rest_framework.authtoken.models import Token

    from ikone.applications.models import DraftMentor, SectionComment, SectionRevision
    from ikone.core import audit
    from ikone.core.audit import Actor
    from ikone.events.models import FeedbackResponse
    from ikone.qa.models import QuestionFollow
    from tests.events.factories import RegistrationFactory
    from tests.qa.factories import AnswerFactory, QuestionFactory

    person = staff_member
    registration = RegistrationFactory(person=person, accessibility_needs="Gebärdensprache")
    FeedbackResponse.objects.create(
        event=registration.event, person=person, rating=5, comment="Sehr hilfreich"
    )
    question = QuestionFactory(
        author=person, call=workshop_draft.call, title="Zählt Personal zum Eigenanteil?"
    )
    AnswerFactory(question=question, author=person, text="<p>Nachtrag von mir</p>")
    QuestionFollow.objects.create(question=question, user=person)
    section = workshop_draft.sections.get(key="ausgangslage")
    SectionRevision.objects.create(section=section, version=7, text="Mein Absatz", author=person)
    SectionComment.objects.create(section=section, author=person, text="Bitte Zahlen ergänzen")
    DraftMentor.objects.create(
        draft=workshop_draft,
        mentor=person,
        recommendation="submit",
        recommendation_text="Reif für die Einreichung",
    )
    Token.objects.create(user=person)
    audit.record(Actor(user=mentor), "accounts.user.updated", target=person)

    client.force_login(person)
    # One or two queries per registered part, however much the person did.
    with django_assert_max_num_queries(76):
        response = client.post("/konto/export/")
    data = response.json()
    text = response.content.decode()

    assert data["event_registrations"][0]["accessibility_needs"] == "Gebärdensprache"
    assert data["event_feedback"][0]["comment"] == "Sehr hilfreich"
    assert data["questions"][0]["title"] == "Zählt Personal zum Eigenanteil?"
    assert data["answers"][0]["text"] == "<p>Nachtrag von mir</p>"
    assert data["question_follows"][0]["question"] == "Zählt Personal zum Eigenanteil?"
    assert {"section": section.title, "version": 7, "text": "Mein Absatz"}.items() <= data[
        "section_versions"
    ][-1].items()
    assert data["section_comments"][0]["text"] == "Bitte Zahlen ergänzen"
    assert data["mentor_reviews"][0]["recommendation_text"] == "Reif für die Einreichung"
    assert data["api_token"]["created"]
    assert Token.objects.get(user=person).key not in text  # metadata, never the secret
    about = [entry for entry in data["audit_entries"] if not entry["by_you"]]
    assert [entry["action"] for entry in about] == ["accounts.user.updated"]
    assert person.password not in text
