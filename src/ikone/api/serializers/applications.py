"""Application drafts of the token owner's organisations, read-only."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ikone.applications.models import Draft, DraftSection, Milestone
from ikone.applications.selectors_plan import FinancingView, ScheduleView


def money(**options: Any) -> serializers.DecimalField:
    """Euro with cents, as a decimal string ("12500.50")."""
    return serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True, **options)


class OrganizationReferenceSerializer(serializers.Serializer[Any]):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)


class CallReferenceSerializer(serializers.Serializer[Any]):
    slug = serializers.SlugField(read_only=True)
    title = serializers.CharField(read_only=True)
    deadline = serializers.DateTimeField(read_only=True, allow_null=True)


class DraftListSerializer(serializers.ModelSerializer[Draft]):
    organization = OrganizationReferenceSerializer(read_only=True)
    call = CallReferenceSerializer(read_only=True)
    url = serializers.HyperlinkedIdentityField(
        view_name="application-detail", help_text=_("Adresse dieses Entwurfs in der API.")
    )

    class Meta:
        model = Draft
        fields = [
            "id",
            "url",
            "title",
            "status",
            "organization",
            "call",
            "is_example",
            "updated_at",
        ]
        read_only_fields = fields


class SectionSerializer(serializers.ModelSerializer[DraftSection]):
    class Meta:
        model = DraftSection
        fields = ["key", "title", "text", "version", "updated_at"]
        read_only_fields = fields


class CostItemSerializer(serializers.Serializer[Any]):
    category = serializers.CharField(read_only=True)
    measure = serializers.CharField(read_only=True)
    phase = serializers.CharField(
        read_only=True, source="phase.name", allow_null=True, default=None
    )
    year = serializers.IntegerField(read_only=True)
    amount = money()


class PhaseTotalSerializer(serializers.Serializer[Any]):
    phase = serializers.CharField(read_only=True, source="label")
    total = money()
    federal = money()
    own = money()


class IssueSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(read_only=True)
    message = serializers.CharField(read_only=True)
    blocking = serializers.BooleanField(read_only=True)


class FinancingSerializer(serializers.Serializer[FinancingView]):
    """Euro amounts as decimal strings with two places ("12500.50")."""

    budget_emergency = serializers.BooleanField(read_only=True, source="plan.budget_emergency")
    federal_rate_percent = serializers.DecimalField(
        max_digits=5, decimal_places=2, read_only=True, source="summary.rate", allow_null=True
    )
    total = money(source="summary.total")
    federal = money(source="summary.federal")
    own = money(source="summary.own")
    consistent = serializers.BooleanField(read_only=True, source="summary.is_consistent")
    phases = PhaseTotalSerializer(many=True, read_only=True, source="summary.phases")
    issues = IssueSerializer(many=True, read_only=True, source="summary.issues")
    items = CostItemSerializer(many=True, read_only=True)


class MilestoneSerializer(serializers.ModelSerializer[Milestone]):
    class Meta:
        model = Milestone
        fields = ["title", "kind", "date", "done", "note"]
        read_only_fields = fields


class ScheduleSerializer(serializers.Serializer[ScheduleView]):
    deadline = serializers.DateField(read_only=True, allow_null=True)
    days_left = serializers.IntegerField(read_only=True, allow_null=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    late = serializers.SerializerMethodField(
        help_text=_("Titel der offenen Meilensteine nach der Einreichungsfrist.")
    )

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_late(self, overview: ScheduleView) -> list[str]:
        return [finding.point.title for finding in overview.late]


class DraftDetailSerializer(DraftListSerializer):
    """One draft with its sections, financing plan and schedule. The view
    passes `financing` and `schedule` in the serializer context."""

    sections = SectionSerializer(many=True, read_only=True, source="ordered_sections")
    financing = serializers.SerializerMethodField()
    schedule = serializers.SerializerMethodField()

    class Meta(DraftListSerializer.Meta):
        fields = [*DraftListSerializer.Meta.fields, "sections", "financing", "schedule"]
        read_only_fields = fields

    @extend_schema_field(FinancingSerializer)
    def get_financing(self, draft: Draft) -> dict[str, Any]:
        return FinancingSerializer(self.context["financing"]).data

    @extend_schema_field(ScheduleSerializer)
    def get_schedule(self, draft: Draft) -> dict[str, Any]:
        return ScheduleSerializer(self.context["schedule"]).data
