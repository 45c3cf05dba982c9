"""Knowledge articles: the published public ones."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ikone.core.mail import absolute_url
from ikone.knowledge.models import ArticleKind, ArticlePage


class ArticleFilterSerializer(serializers.Serializer):
    # Empty means "no filter", as a search form without a choice sends it.
    art = serializers.ChoiceField(
        choices=ArticleKind.choices,
        required=False,
        allow_blank=True,
        help_text=_("Art des Beitrags."),
    )
    handlungsfeld = serializers.SlugField(
        required=False, allow_blank=True, help_text=_("Schlüssel des Handlungsfelds.")
    )
    aufruf = serializers.SlugField(
        required=False, allow_blank=True, help_text=_("Kurzname des Förderaufrufs.")
    )
    jahr = serializers.IntegerField(required=False, min_value=2000, max_value=2100)

    def validate(self, attrs: dict) -> dict:
        # DRF skips an empty query value of an optional field; the schema says
        # integer, so `?jahr=` is refused like any other non-number.
        if self.initial_data.get("jahr") == "":
            raise serializers.ValidationError({"jahr": [_("Bitte eine Jahreszahl angeben.")]})
        return attrs


class ArticleSerializer(serializers.ModelSerializer[ArticlePage]):
    kind = serializers.ChoiceField(choices=ArticleKind.choices, help_text=_("Art des Beitrags."))
    fields_of_action: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        many=True, slug_field="key", read_only=True
    )
    calls: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        many=True, slug_field="slug", read_only=True
    )
    authors = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = ArticlePage
        fields = [
            "id", "slug", "title", "kind", "summary", "date", "fields_of_action",
            "calls", "authors", "is_example", "url",
        ]  # fmt: skip

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_authors(self, article: ArticlePage) -> list[str]:
        names = [organization.name for organization in article.author_organizations.all()]
        return names + [name.strip() for name in article.guest_authors.split(",") if name.strip()]

    @extend_schema_field(serializers.URLField())
    def get_url(self, article: Any) -> str:
        return absolute_url(f"/wissen/{article.slug}/")
