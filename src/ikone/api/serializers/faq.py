"""The FAQ of funding calls: published entries with their official answer."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ikone.qa.models import FAQEntry
from ikone.qa.text import plain_text
from ikone.qa.views._helpers import section_url


class FAQFilterSerializer(serializers.Serializer):
    call = serializers.SlugField(
        required=False,
        allow_blank=True,
        max_length=80,
        help_text=_("Kurzname des Förderaufrufs, z. B. mpsc-2021."),
    )


class FAQSectionSerializer(serializers.Serializer):
    """The call section an entry is filed under."""

    number = serializers.CharField(help_text=_("Nummer des Abschnitts, z. B. 3.2."))
    title = serializers.CharField()
    url = serializers.URLField(help_text=_("Der Abschnitt auf der Seite des Aufrufs."))


class FAQEntrySerializer(serializers.ModelSerializer[FAQEntry]):
    call: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    section = serializers.SerializerMethodField()
    answer_html = serializers.CharField(source="answer_text", read_only=True)
    answer_text = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = FAQEntry
        fields = [
            "id",
            "call",
            "section",
            "title",
            "question_text",
            "answer_text",
            "answer_html",
            "needs_review",
            "published_at",
            "updated_at",
            "url",
        ]

    @extend_schema_field(FAQSectionSerializer(allow_null=True))
    def get_section(self, entry: FAQEntry) -> dict[str, str] | None:
        if entry.section is None:
            return None
        section = entry.section
        url = self.context["request"].build_absolute_uri(section_url(entry.call, section))
        return {"number": section.number, "title": section.title, "url": url}

    def get_answer_text(self, entry: FAQEntry) -> str:
        return plain_text(entry.answer_text)

    def get_url(self, entry: FAQEntry) -> str:
        return self.context["request"].build_absolute_uri(entry.get_absolute_url())
