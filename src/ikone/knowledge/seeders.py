"""The knowledge app's demo seeders (registered in `KnowledgeConfig.ready()`):
the CMS pages, and editor rights for the coordinators the accounts seeder
created."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from ikone.knowledge.demo import (
    grant_editor_rights,
    seed_accessibility_settings,
    seed_demo_pages,
)


def seed_pages(*, stdout: Any) -> None:
    created = seed_demo_pages()
    if created:
        stdout.write(f"CMS pages created: {', '.join(created)}")
    else:
        stdout.write("CMS pages: all present, nothing changed.")
    if seed_accessibility_settings():
        stdout.write("Accessibility settings: demo enforcement body entered.")


def seed_editor_rights(*, stdout: Any) -> None:
    coordinators = get_user_model().objects.filter(is_coordinator=True)
    for user in coordinators:
        grant_editor_rights(user)
    stdout.write(f"CMS editor rights: {len(coordinators)} coordinator(s) in the editor group.")


def seed_articles(*, stdout: Any) -> None:
    from ikone.knowledge.demo.knowledge_base import seed_demo_articles
    from ikone.knowledge.services import mentor_editor_grant

    created = seed_demo_articles()
    for mentor in get_user_model().objects.filter(is_mentor=True):
        mentor_editor_grant(user=mentor)
    if created:
        stdout.write(f"Knowledge articles created: {len(created)}")
    else:
        stdout.write("Knowledge articles: all present, nothing changed.")
