"""`ikone show_registry`: what the installed apps registered with core
(and the lower apps' extension points), as Markdown. docs/architecture.md
contains this output; a test keeps the two equal."""

import re
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from ikone.core.registry import REGISTRIES
from ikone.core.search import registry as search_registry

START, END = "<!-- show_registry:start -->", "<!-- show_registry:end -->"
MARKED = re.compile(re.escape(START) + r"\n(.*?)" + re.escape(END), re.DOTALL)


def marked_section(text: str) -> str | None:
    """The part of a document between the show_registry markers."""
    match = MARKED.search(text)
    return match.group(1) if match else None


def registry_markdown() -> str:
    """Every registry as a Markdown section with a code block of its entries."""
    search_registry.autodiscover()
    sections = []
    with translation.override("de"):
        for registry in sorted(REGISTRIES, key=lambda registry: registry.title):
            body = "\n".join(registry.lines()) or "(none)"
            sections.append(f"### {registry.title}\n\n```\n{body}\n```\n")
    return "\n".join(sections)


class Command(BaseCommand):
    help = "Print what the apps registered: search providers, demo seeders, navigation, etc."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--write-doc",
            metavar="FILE",
            help="Replace the section between the show_registry markers in FILE "
            "(docs/architecture.md) instead of printing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = registry_markdown()
        if not options["write_doc"]:
            self.stdout.write(output, ending="")
            return
        path = Path(options["write_doc"])
        text = path.read_text(encoding="utf-8")
        if marked_section(text) is None:
            raise CommandError(f"{path} has no {START} … {END} section.")
        path.write_text(MARKED.sub(lambda _m: f"{START}\n{output}{END}", text), encoding="utf-8")
        self.stdout.write(f"Updated {path}.")
