"""Events (workshops): query parameters in, public event data out. The
meeting link is never part of the API."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ikone.core.mail import absolute_url
from ikone.core.models import FieldOfAction
from ikone.core.urlmemo import EACH, row_address
from ikone.events import api_texts as texts
from ikone.events.formatting import format_when, when_formatter
from ikone.events.models import AgendaItem, Event, Speaker
from ikone.events.selectors import PAST, UPCOMING, EventFilters


def _pattern_field(pattern: str, description: Any) -> dict[str, Any]:
    """A string documented by a pattern, not an enum, so that its name does
    not collide with other "status"/"format" enums of the API."""
    return {"type": "string", "pattern": pattern, "description": str(description)}


class EventFilterSerializer(serializers.Serializer[EventFilters]):
    when = serializers.ChoiceField(
        choices=[("upcoming", "upcoming"), ("past", "past")],
        required=False,
        allow_blank=True,
        help_text=texts.WHEN,
    )
    # Not "format": DRF reads ?format= to choose the renderer.
    event_format = serializers.ChoiceField(
        choices=[("online", "online"), ("onsite", "onsite"), ("hybrid", "hybrid")],
        required=False,
        allow_blank=True,
        help_text=texts.FORMAT,
    )
    series = serializers.SlugField(
        required=False, allow_blank=True, max_length=200, help_text=texts.SERIES
    )
    field_of_action = serializers.SlugField(
        required=False, allow_blank=True, max_length=60, help_text=texts.FIELD_OF_ACTION
    )

    def to_filters(self) -> EventFilters:
        data = self.validated_data
        return EventFilters(
            when=PAST if data.get("when") == "past" else UPCOMING,
            format=data.get("event_format", ""),
            series=data.get("series", ""),
            field_of_action=data.get("field_of_action", ""),
        )


@extend_schema_field(_pattern_field("^(online|onsite|hybrid)$", texts.FORMAT))
class FormatField(serializers.CharField):
    pass


@extend_schema_field(_pattern_field("^(published|cancelled)$", texts.STATUS))
class StatusField(serializers.CharField):
    pass


@extend_schema_field(
    _pattern_field("^(everyone|municipal_staff|network_members)$", texts.AUDIENCE)
)
class AudienceField(serializers.CharField):
    pass


class SeriesSerializer(serializers.Serializer[Any]):
    slug = serializers.CharField()
    title = serializers.CharField()


class FieldOfActionSerializer(serializers.ModelSerializer[FieldOfAction]):
    class Meta:
        model = FieldOfAction
        fields = ["key", "label"]


class EventRows(serializers.ListSerializer[Event]):
    """A page of the list, written row by row: DRF's generic path (a field
    object, `get_attribute` and a `reverse` per value and row; the time
    formatted anew for each) cost two thirds of a request (issue 15/17).
    Each row is what `EventListSerializer` writes for it, in the same
    order (compared in tests/events/test_api.py); the fields stay declared
    there for the schema."""

    def to_representation(self, data: Any) -> list[dict[str, Any]]:
        when = when_formatter()
        detail_url = row_address("events:detail", slug=EACH)
        ics_url = row_address("events:ics", slug=EACH)
        moment = serializers.DateTimeField().to_representation
        rows = []
        for event in data.all() if hasattr(data, "all") else data:
            series = event.series
            rows.append(
                {
                    "slug": event.slug,
                    "title": event.title,
                    "summary": event.summary,
                    "format": event.format,
                    "status": event.status,
                    "starts_at": moment(event.starts_at),
                    "ends_at": moment(event.ends_at),
                    "when": when(event.starts_at, event.ends_at),
                    "place": event.place,
                    "capacity": event.capacity,
                    "confirmed_registrations": event.confirmed_count,
                    "registration_deadline": moment(event.registration_deadline),
                    "audience": event.audience,
                    "series": (
                        None if series is None else {"slug": series.slug, "title": series.title}
                    ),
                    "fields_of_action": [
                        {"key": field.key, "label": field.label}
                        for field in event.fields_of_action.all()
                    ],
                    "url": absolute_url(detail_url(event.slug)),
                    "ics_url": absolute_url(ics_url(event.slug)),
                }
            )
        return rows


class EventListSerializer(serializers.ModelSerializer[Event]):
    url = serializers.SerializerMethodField(help_text=texts.URL)
    ics_url = serializers.SerializerMethodField(help_text=texts.ICS_URL)
    when = serializers.SerializerMethodField(help_text=texts.WHEN_TEXT)
    format = FormatField(read_only=True)
    status = StatusField(read_only=True)
    audience = AudienceField(read_only=True)
    series = SeriesSerializer(read_only=True, allow_null=True)
    fields_of_action = FieldOfActionSerializer(many=True, read_only=True)
    confirmed_registrations = serializers.IntegerField(
        source="confirmed_count", read_only=True, help_text=texts.CONFIRMED
    )
    capacity = serializers.IntegerField(read_only=True, allow_null=True, help_text=texts.CAPACITY)

    class Meta:
        model = Event
        fields = [
            "slug",
            "title",
            "summary",
            "format",
            "status",
            "starts_at",
            "ends_at",
            "when",
            "place",
            "capacity",
            "confirmed_registrations",
            "registration_deadline",
            "audience",
            "series",
            "fields_of_action",
            "url",
            "ics_url",
        ]
        list_serializer_class: type[serializers.ListSerializer[Any]] = EventRows

    def get_url(self, event: Event) -> str:
        return absolute_url(event.get_absolute_url())

    def get_ics_url(self, event: Event) -> str:
        return absolute_url(reverse("events:ics", kwargs={"slug": event.slug}))

    def get_when(self, event: Event) -> str:
        return format_when(event.starts_at, event.ends_at)


class SpeakerSerializer(serializers.ModelSerializer[Speaker]):
    name = serializers.CharField(source="display_name", read_only=True)

    class Meta:
        model = Speaker
        fields = ["name", "affiliation", "role"]


class AgendaItemSerializer(serializers.ModelSerializer[AgendaItem]):
    speakers = SpeakerSerializer(many=True, read_only=True)

    class Meta:
        model = AgendaItem
        fields = ["starts_at", "ends_at", "title", "description", "speakers"]


class EventDetailSerializer(EventListSerializer):
    description = serializers.CharField(read_only=True, help_text=texts.DESCRIPTION_HTML)
    speakers = SpeakerSerializer(many=True, read_only=True)
    agenda = AgendaItemSerializer(many=True, read_only=True)
    cancellation_reason = serializers.CharField(read_only=True)

    class Meta(EventListSerializer.Meta):
        # Not the list's rows: a page of details would lose the extra fields.
        list_serializer_class = serializers.ListSerializer
        fields = [
            *EventListSerializer.Meta.fields,
            "description",
            "cancellation_reason",
            "speakers",
            "agenda",
        ]
