"""Questions in a real browser: a municipality asks, a mentor answers, a
coordinator marks the official answer and publishes it to the call's FAQ,
which then shows it. Every page is checked with axe-core."""

from __future__ import annotations

import re

from tests.accounts.factories import CoordinatorFactory, MembershipFactory, MentorFactory
from tests.qa.factories import make_call

from .browser import Visitor


def test_ask_answer_publish_to_faq(new_visitor, site_pages) -> None:
    call = make_call(slug="mpsc-2021", title="Modellprojekte Smart Cities 2021")
    staff = MembershipFactory(
        user__email="team@linz.example", user__name="Lena Linz", organization__name="Stadt Linz"
    ).user
    mentor = MentorFactory(email="mentorin@example.org", name="Mia Mentorin")
    coordinator = CoordinatorFactory(email="koordination@example.org", name="Kai Koordination")

    asker: Visitor = new_visitor()
    asker.sign_in_as(staff)
    page = asker.visit("/fragen/")
    asker.click_and_check(page.get_by_role("link", name="Frage stellen"))
    asker.click_and_check(page.get_by_role("link", name=call.title))
    asker.check_keyboard()
    page.get_by_label("Ihre Frage in einem Satz").fill(
        "Zählt vorhandenes Personal zum Eigenanteil?"
    )
    page.get_by_label("Erläuterung").fill("Unsere Digitalisierungsstelle gibt es schon.")
    page.get_by_label("3.2 Eigenanteil").check()
    page.get_by_label("Wer darf die Frage lesen?").select_option("public")
    asker.click_and_check(page.locator("main").get_by_role("button", name="Frage stellen"))
    assert page.get_by_role(
        "heading", name="Zählt vorhandenes Personal zum Eigenanteil?"
    ).is_visible()
    assert page.get_by_role("link", name="3.2 Eigenanteil").get_attribute("href") == (
        "/foerderaufrufe/mpsc-2021/#abschnitt-3-2"
    )
    question_path = asker.path()

    helper: Visitor = new_visitor()
    helper.sign_in_as(mentor)
    page = helper.visit(question_path)
    page.get_by_label("Ihre Antwort").fill("Nein, nur neu eingestelltes Personal zählt.")
    page.get_by_text("Abschnitte des Aufrufs zitieren").click()
    page.get_by_label("3.1 Personalausgaben").check()
    helper.click_and_check(page.get_by_role("button", name="Antwort veröffentlichen"))
    assert page.get_by_text("Nein, nur neu eingestelltes Personal zählt.").is_visible()

    coordination: Visitor = new_visitor()
    coordination.sign_in_as(coordinator)
    page = coordination.visit(question_path)
    coordination.click_and_check(
        page.get_by_role("button", name="Als offizielle Auslegung markieren")
    )
    assert page.get_by_role("heading", name="Offizielle Auslegung").is_visible()
    coordination.click_and_check(page.get_by_role("link", name="In die FAQ übernehmen"))
    page.get_by_label("Frage (veröffentlichte Fassung)").fill(
        "Zählt vorhandenes Personal zum Eigenanteil?"
    )
    page.get_by_label("Erläuterung (veröffentlichte Fassung)").fill("")
    page.get_by_label("Antwort (veröffentlichte Fassung)").fill(
        "Nein. Anrechenbar ist nur Personal, das für das Vorhaben neu eingestellt wird."
    )
    page.get_by_label("Einordnen unter Abschnitt").select_option(label="3.2 Eigenanteil")
    coordination.click_and_check(page.get_by_role("button", name="Veröffentlichen"))
    assert page.get_by_text("In den FAQ des Aufrufs").is_visible()

    visitor: Visitor = new_visitor()
    page = visitor.visit("/foerderaufrufe/mpsc-2021/faq/")
    assert page.get_by_role("heading", name="3.2 Eigenanteil").is_visible()
    assert page.get_by_role(
        "heading", name="Zählt vorhandenes Personal zum Eigenanteil?"
    ).is_visible()
    assert page.get_by_text("Anrechenbar ist nur Personal").is_visible()
    visitor.check_keyboard()
    page = visitor.visit("/fragen/?status=faq")
    assert page.get_by_role(
        "link", name="Zählt vorhandenes Personal zum Eigenanteil?"
    ).is_visible()


def test_the_asker_edits_then_a_coordinator_hides(new_visitor, site_pages) -> None:
    """Issue 11.8: the asker edits an unanswered question, asks for its
    removal once it is answered; the coordination is notified and hides it
    with a reason; the asker no longer finds it."""
    from tests.qa.factories import QuestionFactory

    call = make_call(slug="mpsc-2021", title="Modellprojekte Smart Cities 2021")
    membership = MembershipFactory(
        user__email="team@linz.example", user__name="Lena Linz", organization__name="Stadt Linz"
    )
    coordinator = CoordinatorFactory(email="koordination@example.org", name="Kai Koordination")
    question = QuestionFactory(
        call=call.call,
        author=membership.user,
        organization=membership.organization,
        title="Zählt Frau M. zum Eigenanteil?",
    )

    asker: Visitor = new_visitor()
    asker.sign_in_as(membership.user)
    page = asker.visit(f"/fragen/{question.pk}/")
    asker.click_and_check(page.get_by_role("link", name="Frage bearbeiten"))
    page.get_by_label("Ihre Frage in einem Satz").fill(
        "Zählt vorhandenes Personal zum Eigenanteil?"
    )
    asker.click_and_check(page.get_by_role("button", name="Speichern"))
    assert page.get_by_role(
        "heading", name="Zählt vorhandenes Personal zum Eigenanteil?"
    ).is_visible()

    # Once answered, the asker can only ask for removal; the coordination
    # finds the request in its notification centre and follows it.
    from tests.qa.factories import AnswerFactory

    AnswerFactory(question=question, author=coordinator)
    page = asker.visit(f"/fragen/{question.pk}/")
    asker.click_and_check(page.get_by_role("button", name="Entfernung der Frage beantragen"))

    coordination: Visitor = new_visitor()
    coordination.sign_in_as(coordinator)
    page = coordination.visit("/konto/benachrichtigungen/")
    open_it = page.get_by_role(
        "button", name=re.compile("^Öffnen.*Bitte um Entfernung: Zählt vorhandenes Personal")
    )
    coordination.click_and_check(open_it)
    assert page.url.rstrip("/").endswith(f"/fragen/{question.pk}")
    page.get_by_text("Frage ausblenden (Moderation)").click()
    page.get_by_label("Grund der Ausblendung").fill("Nennt eine Person mit Namen.")
    coordination.click_and_check(page.get_by_role("button", name="Ausblenden", exact=True))
    assert page.get_by_text("Grund: Nennt eine Person mit Namen.").is_visible()

    page = asker.visit("/fragen/")
    assert page.get_by_text("Zählt vorhandenes Personal zum Eigenanteil?").count() == 0
