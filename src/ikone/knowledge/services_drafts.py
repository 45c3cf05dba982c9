"""An Erfahrungsbericht draft from a past workshop (`core.article_sources`):
a coordinator turns the workshop's speakers, date, call, fields of action,
description and materials into an unpublished article and finishes it in
the CMS; publishing goes through the usual moderation."""

from __future__ import annotations

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ikone.accounts.permissions import is_network_coordinator
from ikone.calls.models import Call
from ikone.core import audit
from ikone.core.article_sources import ArticleSource
from ikone.core.models import FieldOfAction
from ikone.core.services import Actor, require, require_user
from ikone.knowledge.models import (
    ArticleLink,
    ArticlePage,
    ExperienceReportPage,
    KnowledgeIndexPage,
)


def _free_slug(base: str) -> str:
    slug, number = base[:70], 1
    while ArticlePage.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base[:66]}-{number}"
    return slug


def _body(source: ArticleSource) -> list[tuple[str, object]]:
    blocks: list[tuple[str, object]] = [
        ("heading", {"text": _("Worum es ging"), "level": "h2"}),
        *(("paragraph", f"<p>{escape(part)}</p>") for part in source.text.split("\n\n") if part),
    ]
    if source.materials:
        items = "".join(f"<li>{escape(title)}</li>" for title in source.materials)
        blocks += [
            ("heading", {"text": _("Materialien der Veranstaltung"), "level": "h2"}),
            ("paragraph", f"<ul>{items}</ul>"),
        ]
    blocks += [
        ("heading", {"text": _("Was andere Kommunen übernehmen können"), "level": "h2"}),
        ("paragraph", f"<p>{escape(_('Hier die Erfahrungen zusammenfassen.'))}</p>"),
    ]
    return blocks


@transaction.atomic
def experience_report_from_source(*, source: ArticleSource, actor: Actor) -> ExperienceReportPage:
    """An unpublished Erfahrungsbericht below the knowledge base's index
    page, with the source's speakers as guest authors, its date, call and
    fields of action, its text and materials, and a link to the source.
    Coordinators only; raises KnowledgeIndexPage.DoesNotExist without an index."""
    user = require_user(actor)
    require(is_network_coordinator(user))
    index = KnowledgeIndexPage.objects.get()
    page = ExperienceReportPage(
        title=_("Erfahrungsbericht: %(title)s") % {"title": source.title},
        slug=_free_slug(slugify(f"erfahrungsbericht-{source.title}")),
        summary=_("Was die Veranstaltung „%(title)s“ gezeigt hat.") % {"title": source.title},
        date=source.date,
        guest_authors=", ".join(source.speakers)[:300],
        owner=user,
        live=False,
    )
    page.body = _body(source)
    index.add_child(instance=page)
    page.calls.set(Call.objects.filter(pk__in=source.call_ids))
    page.fields_of_action.set(FieldOfAction.objects.filter(key__in=source.field_keys))
    page.links.add(ArticleLink(url=source.url))
    page.save()
    page.save_revision(user=user)
    audit.record(actor, "knowledge.article.drafted", target=page, data={"source": source.key})
    return page
