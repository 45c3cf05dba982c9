"""The solution catalogue as open data: published profiles, peers and
recommendations. Contact persons are left out (personal data)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ikone.core.mail import absolute_url
from ikone.solutions.models import Solution
from ikone.solutions.models.choices import SizeClass, SolutionStatus


class SolutionFilterSerializer(serializers.Serializer[Any]):
    """The list's query parameters, named as on the catalogue page."""

    q = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text=_("Suchbegriffe.")
    )
    handlungsfeld = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=60,
        help_text=_("Schlüssel des Handlungsfelds."),
    )
    stand = serializers.ChoiceField(
        choices=SolutionStatus.choices, required=False, allow_blank=True, help_text=_("Stand.")
    )
    groesse = serializers.ChoiceField(
        choices=SizeClass.choices,
        required=False,
        allow_blank=True,
        help_text=_("Größe der Orte, zu denen die Lösung passt."),
    )
    land = serializers.RegexField(
        r"^\d{2}$",
        required=False,
        allow_blank=True,
        help_text=_("Schlüssel des Landes, z. B. 07."),
    )
    programm = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text=_("Förderprogramm.")
    )
    offen = serializers.BooleanField(
        required=False, default=False, help_text=_("Nur Lösungen mit offener Lizenz.")
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # DRF skips an empty query value of an optional field; the schema says
        # boolean, so `?offen=` is refused like any other non-boolean.
        if self.initial_data.get("offen") == "":
            raise serializers.ValidationError({"offen": [_("Bitte true oder false angeben.")]})
        return attrs


class ModelProjectReferenceSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    round_year = serializers.IntegerField()


class SolutionListSerializer(serializers.ModelSerializer[Solution]):
    fields_of_action = serializers.SerializerMethodField()
    organizations = serializers.SerializerMethodField()
    open_licence = serializers.BooleanField(source="has_open_licence", read_only=True)
    model_project = ModelProjectReferenceSerializer(read_only=True, allow_null=True)
    suits_sizes = serializers.ListField(
        child=serializers.ChoiceField(choices=SizeClass.choices), read_only=True
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = Solution
        fields = [
            "slug", "title", "summary", "status", "start_year", "fields_of_action",
            "suits_sizes", "licence", "open_licence", "code_repository", "funding_programme",
            "organizations", "model_project", "is_example", "published_at", "url",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_fields_of_action(self, solution: Solution) -> list[str]:
        fields = getattr(solution, "field_list", None)
        if fields is None:
            fields = solution.fields_of_action.all()
        return [field.key for field in fields]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_organizations(self, solution: Solution) -> list[str]:
        owners = getattr(solution, "owner_list", None)
        if owners is None:
            owners = solution.organizations.all()
        return [organization.name for organization in owners]

    @extend_schema_field(serializers.URLField())
    def get_url(self, solution: Solution) -> str:
        return absolute_url(solution.get_absolute_url())


class ScorePartSerializer(serializers.Serializer[Any]):
    part = serializers.CharField(
        source="label", help_text=_("Der Teil der Bewertung, wie er auf der Seite steht.")
    )
    points = serializers.IntegerField()
    earned = serializers.BooleanField()


class TransferabilitySerializer(serializers.Serializer[Any]):
    total = serializers.IntegerField(help_text=_("Summe der erreichten Teile (höchstens 100)."))
    parts = ScorePartSerializer(many=True)


class AdopterSerializer(serializers.Serializer[Any]):
    organization_name = serializers.CharField(source="organization.name")
    status = serializers.CharField()
    since = serializers.DateField(allow_null=True)


class SolutionDetailSerializer(SolutionListSerializer):
    transferability = serializers.SerializerMethodField()
    adopters = serializers.SerializerMethodField()

    class Meta(SolutionListSerializer.Meta):
        fields = [
            *SolutionListSerializer.Meta.fields,
            "description", "lessons_learned", "costs_eur", "costs_note", "funding_eur",
            "funding_source_url", "data_standards", "interfaces", "preconditions_staff",
            "preconditions_data", "preconditions_infrastructure", "adoption_effort",
            "transferability", "adopters",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(TransferabilitySerializer)
    def get_transferability(self, solution: Solution) -> dict[str, Any]:
        score = self.context["transferability"]
        return TransferabilitySerializer(
            {"total": score.total, "parts": [vars(part) for part in score.parts]}
        ).data

    @extend_schema_field(AdopterSerializer(many=True))
    def get_adopters(self, solution: Solution) -> list[Any]:
        public = [a for a in self.context["adoptions"] if a.visibility == "public"]
        return list(AdopterSerializer(public, many=True).data)


class PeerSerializer(serializers.Serializer[Any]):
    ags = serializers.CharField()
    name = serializers.CharField()
    reasons = serializers.ListField(child=serializers.CharField())


class OrganizationPeersSerializer(serializers.Serializer[Any]):
    organization = serializers.CharField()
    municipality = serializers.CharField(
        allow_null=True, help_text=_("Schlüssel der Gemeinde der Organisation.")
    )
    peers = PeerSerializer(many=True)


class RecommendationSerializer(serializers.Serializer[Any]):
    solution = SolutionListSerializer()
    points = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())


class MunicipalityRecommendationsSerializer(serializers.Serializer[Any]):
    ags = serializers.CharField()
    name = serializers.CharField()
    recommendations = RecommendationSerializer(many=True)
