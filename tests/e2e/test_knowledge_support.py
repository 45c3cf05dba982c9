"""The knowledge base and support in a real browser: a visitor browses and
filters /wissen/ and reads an article; a visitor sends the contact form, a
coordinator assigns and answers it in the queue, and the sender gets the
answer by e-mail. Every page is checked with axe-core."""

from __future__ import annotations

from django.core import mail

from tests.accounts.factories import CoordinatorFactory
from tests.knowledge.factories import add_article, add_knowledge_index

from .browser import Visitor


def test_browse_filter_and_read_the_knowledge_base(visitor, site_pages) -> None:
    from ikone.knowledge.models import ArticleVisibility, GuidePage, HomePage

    index = add_knowledge_index(HomePage.objects.get())
    add_article(index, title="Früh beginnen", slug="frueh-beginnen", summary="Drei Monate.")
    add_article(index, GuidePage, title="Was in den Ratsbeschluss gehört", slug="ratsbeschluss")
    add_article(index, title="Intern", slug="intern", visibility=ArticleVisibility.NETWORK)
    page = visitor.visit("/wissen/")
    assert page.get_by_role("link", name="Früh beginnen").is_visible()
    assert page.get_by_role("link", name="Intern").count() == 0
    # htmx: choosing a kind swaps the results only.
    page.locator("#id_art").select_option("guide")
    page.wait_for_url("**/wissen/?*art=guide*")
    page.get_by_role("link", name="Früh beginnen").wait_for(state="detached")
    visitor.check()
    visitor.click_and_check(page.get_by_role("link", name="Was in den Ratsbeschluss gehört"))
    assert page.get_by_role("heading", name="Was in den Ratsbeschluss gehört").is_visible()
    visitor.check_keyboard()


def test_contact_assign_answer_reply_by_mail(new_visitor, site_pages, monkeypatch) -> None:
    from ikone.support import forms
    from ikone.support.models import CannedReply

    # The minimum fill time is a spam check for bots, not for this test.
    monkeypatch.setattr(forms, "MIN_FILL_SECONDS", 0)
    coordinator = CoordinatorFactory(email="koordination@example.org", name="Kai Koordination")
    CannedReply.objects.create(
        title="Mitgliedschaft", text="Die Mitgliedschaft ist kostenlos.", topic="membership"
    )

    sender: Visitor = new_visitor()
    page = sender.visit("/")
    sender.click_and_check(page.get_by_role("contentinfo").get_by_role("link", name="Kontakt"))
    page.get_by_label("Ihr Name").fill("Petra Beispiel")
    page.get_by_label("Ihre E-Mail-Adresse").fill("petra@example.org")
    page.get_by_label("Organisation oder Kommune").fill("Verbandsgemeinde Musterhausen")
    page.get_by_label("Thema", exact=True).select_option("membership")
    page.get_by_label("Betreff", exact=True).fill("Wie werden wir Mitglied?")
    page.get_by_label("Ihre Nachricht").fill("Was kostet die Mitgliedschaft?")
    page.get_by_label("Ich bin einverstanden").check()
    sender.click_and_check(page.get_by_role("button", name="Nachricht senden"))
    assert page.get_by_role("heading", name="Vielen Dank für Ihre Nachricht").is_visible()
    assert any("petra@example.org" in message.to for message in mail.outbox)

    coordination: Visitor = new_visitor()
    coordination.sign_in_as(coordinator)
    page = coordination.visit("/unterstuetzung/warteschlange/")
    coordination.click_and_check(page.get_by_role("link", name="Wie werden wir Mitglied?"))
    page.get_by_label("Zuständig").select_option(str(coordinator.pk))
    coordination.click_and_check(page.get_by_role("button", name="Speichern", exact=True))
    assert page.get_by_text("zugewiesen").first.is_visible()
    # A canned reply goes into the reply form after what was typed (htmx
    # swaps the form), nothing is sent yet.
    page.get_by_label("Nachricht", exact=True).fill("Guten Tag,")
    page.get_by_role("button", name="„Mitgliedschaft“ einfügen").click()
    textarea = page.get_by_label("Nachricht", exact=True)
    page.wait_for_function(
        "() => document.querySelector('#antwort-formular textarea').value.includes('kostenlos')"
    )
    assert textarea.input_value() == "Guten Tag,\n\nDie Mitgliedschaft ist kostenlos."
    coordination.check()
    mail.outbox.clear()
    coordination.click_and_check(page.get_by_role("button", name="Antwort senden"))
    assert page.get_by_text("wartet auf Rückmeldung").first.is_visible()
    [answer] = [message for message in mail.outbox if "petra@example.org" in message.to]
    assert "Die Mitgliedschaft ist kostenlos." in answer.body
    coordination.visit("/unterstuetzung/kennzahlen/")
