"""Funding calls: list entries and the full call with its current text."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ikone.calls.models import (
    Call,
    CallMilestone,
    CallPhase,
    CallSection,
    CallStatus,
    EvaluationCriterion,
    RequiredDocument,
)


@extend_schema_field(
    {
        "type": "string",
        "pattern": "^(announced|open|closed)?$",
        "description": "announced, open or closed",
    }
)
class CallStatusField(serializers.ChoiceField):
    """The call status. Documented as a pattern, not an enum, so that its
    name does not collide with other "status" enums of the API."""

    def __init__(self, **kwargs: Any):
        super().__init__(choices=CallStatus.choices, **kwargs)


class CallFilterSerializer(serializers.Serializer[dict[str, Any]]):
    status = CallStatusField(
        required=False,
        allow_blank=True,
        help_text=_("Nur Aufrufe mit diesem Status."),
    )


class CallListSerializer(serializers.ModelSerializer[Call]):
    url = serializers.SerializerMethodField(help_text=_("Adresse der Seite des Aufrufs."))
    current_version = serializers.SerializerMethodField(
        help_text=_("Nummer der aktuellen Fassung des Textes.")
    )
    status = CallStatusField(read_only=True)

    class Meta:
        model = Call
        fields = [
            "slug",
            "title",
            "programme",
            "funder",
            "theme",
            "status",
            "is_example",
            "published_on",
            "deadline",
            "total_budget",
            "federal_share",
            "federal_share_budget_emergency",
            "current_version",
            "url",
        ]

    def get_url(self, obj: Call) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path

    def get_current_version(self, obj: Call) -> int | None:
        return obj.current_version.number if obj.current_version else None


class CallMilestoneSerializer(serializers.ModelSerializer[CallMilestone]):
    class Meta:
        model = CallMilestone
        fields = ["label", "date", "note"]


class CallPhaseSerializer(serializers.ModelSerializer[CallPhase]):
    class Meta:
        model = CallPhase
        fields = [
            "key",
            "name",
            "duration_months",
            "duration_note",
            "max_eligible_costs",
            "description",
        ]


class CallDocumentSerializer(serializers.ModelSerializer[RequiredDocument]):
    class Meta:
        model = RequiredDocument
        fields = ["id", "key", "title", "description", "mandatory", "stage"]


class CallCriterionSerializer(serializers.ModelSerializer[EvaluationCriterion]):
    class Meta:
        model = EvaluationCriterion
        fields = ["id", "key", "group", "title", "description", "weight"]


class CallSectionSerializer(serializers.ModelSerializer[CallSection]):
    parent_number = serializers.SerializerMethodField(
        help_text=_("Nummer des übergeordneten Abschnitts.")
    )
    text_plain = serializers.SerializerMethodField(help_text=_("Der Text ohne Auszeichnung."))
    url = serializers.SerializerMethodField(help_text=_("Adresse des Abschnitts auf der Seite."))

    class Meta:
        model = CallSection
        fields = ["number", "title", "anchor", "parent_number", "text", "text_plain", "url"]
        extra_kwargs = {"text": {"help_text": _("Bereinigtes HTML.")}}

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_parent_number(self, obj: CallSection) -> str | None:
        number, _sep, _last = obj.number.rpartition(".")
        return number or None

    def get_text_plain(self, obj: CallSection) -> str:
        return obj.plain_text

    def get_url(self, obj: CallSection) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class CallDetailSerializer(CallListSerializer):
    milestones = CallMilestoneSerializer(many=True, read_only=True)
    phases = CallPhaseSerializer(many=True, read_only=True)
    required_documents = CallDocumentSerializer(many=True, read_only=True)
    criteria = CallCriterionSerializer(many=True, read_only=True)
    fields_of_action = serializers.SlugRelatedField(  # type: ignore[var-annotated]
        many=True, read_only=True, slug_field="key"
    )
    sections = serializers.SerializerMethodField(
        help_text=_("Die Abschnitte der aktuellen Fassung in Lesereihenfolge.")
    )

    class Meta(CallListSerializer.Meta):
        fields = [
            *CallListSerializer.Meta.fields,
            "summary",
            "eligibility",
            "max_grant",
            "min_grant",
            "funding_note",
            "fields_of_action",
            "sources",
            "milestones",
            "phases",
            "required_documents",
            "criteria",
            "sections",
        ]

    @extend_schema_field(CallSectionSerializer(many=True))
    def get_sections(self, obj: Call) -> list[dict[str, Any]]:
        from ikone.calls.selectors import current_sections

        return CallSectionSerializer(current_sections(obj), many=True, context=self.context).data  # type: ignore[return-value]
