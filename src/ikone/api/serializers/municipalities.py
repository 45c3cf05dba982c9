"""Municipality directory: query parameters in, units out."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.reverse import reverse as drf_reverse
from rest_framework.settings import api_settings

from ikone.accounts.models import DatePrecision
from ikone.core.urlmemo import EACH, row_address
from ikone.municipalities.kinds import KIND_LABELS
from ikone.municipalities.models import Municipality
from ikone.municipalities.selectors import DirectoryFilter


class MunicipalityFilterSerializer(serializers.Serializer[DirectoryFilter]):
    """The list's query parameters, named as on the HTML page."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text=_("Teil des Namens; Groß-/Kleinschreibung, Umlaute und ß egal (ü = ue)."),
    )
    land = serializers.RegexField(
        r"^\d{2}$",
        required=False,
        allow_blank=True,
        help_text=_("Schlüssel des Landes, z. B. 07."),
    )
    kreis = serializers.RegexField(
        r"^\d{5}$",
        required=False,
        allow_blank=True,
        help_text=_("Schlüssel des Kreises, z. B. 07312."),
    )
    typ = serializers.ChoiceField(
        choices=list(KIND_LABELS.items()),
        required=False,
        allow_blank=True,
        help_text=_(
            "Ebene (land, kreis, verband, gemeinde) oder Typ-Schlüssel des "
            "Gemeindeverzeichnisses (41–45 Kreise, 51–58 Gemeindeverbände, 60–67 Gemeinden)."
        ),
    )
    mitglied = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("Nur Kommunen, deren Organisation Mitglied des Netzwerks ist."),
    )

    def to_filter(self) -> DirectoryFilter:
        data = self.validated_data
        return DirectoryFilter(
            q=data.get("q", ""),
            state_key=data.get("land", ""),
            district_key=data.get("kreis", ""),
            kind=data.get("typ", ""),
            members_only=data.get("mitglied", False),
        )


class UnitReferenceSerializer(serializers.ModelSerializer[Municipality]):
    """A related unit, by key and name."""

    class Meta:
        model = Municipality
        fields = ["ags", "name", "level"]
        read_only_fields = fields


class MunicipalityRows(serializers.ListSerializer[Municipality]):
    """A page of the list, written row by row from
    `municipalities.selectors.municipality_key_list` (Land, Kreis and parent
    by key): DRF's generic path (a field object and `get_attribute` per
    value, a `reverse` per row, three related units per row) was most of a
    signed-in request's time (issue 15/17). Each row is what
    `MunicipalityListSerializer` writes for the unit with its related
    units, in the same order (compared in tests/api/test_municipalities.py);
    the fields stay declared there for the schema."""

    def to_representation(self, data: Any) -> list[dict[str, Any]]:
        request = self.context.get("request")
        format_suffix = self.context.get("format")
        if (
            request is None
            or format_suffix
            or getattr(request, "versioning_scheme", None) is not None
            or api_settings.URL_FORMAT_OVERRIDE in request.GET
        ):
            # What HyperlinkedIdentityField does, for links DRF changes (a
            # format suffix or parameter, API versions).
            def url(ags: str) -> str | None:
                return drf_reverse(
                    "municipality-detail",
                    kwargs={"ags": ags},
                    request=request,
                    format=format_suffix,
                )
        else:
            detail_url = row_address("municipality-detail", ags=EACH)

            def url(ags: str) -> str | None:
                return request.build_absolute_uri(detail_url(ags))

        area_field = Municipality._meta.get_field("area_km2")
        # The field ModelSerializer makes of the column.
        area = serializers.DecimalField(
            max_digits=area_field.max_digits,  # type: ignore[union-attr]
            decimal_places=area_field.decimal_places,  # type: ignore[union-attr]
        ).to_representation
        return [
            {
                "url": url(unit.ags),
                "ags": unit.ags,
                "name": unit.name,
                "name_short": unit.name_short,
                "level": unit.level,
                "type_code": unit.type_code,
                "type_label": unit.type_label,
                "population": unit.population,
                "area_km2": None if unit.area_km2 is None else area(unit.area_km2),
                "state": unit.state_key,  # type: ignore[attr-defined]
                "district": unit.district_key,  # type: ignore[attr-defined]
                "parent": unit.parent_key,  # type: ignore[attr-defined]
                "is_member": bool(unit.is_member),  # type: ignore[attr-defined]
            }
            for unit in (data.all() if hasattr(data, "all") else data)
        ]


class MunicipalityListSerializer(serializers.ModelSerializer[Municipality]):
    """A unit as the list shows it."""

    url = serializers.HyperlinkedIdentityField(
        view_name="municipality-detail", lookup_field="ags", read_only=True
    )
    type_code = serializers.CharField(read_only=True, help_text=_("Typ-Schlüssel (GV100AD)."))
    type_label = serializers.CharField(read_only=True, help_text=_("Typ als Text."))
    state = serializers.CharField(
        source="state.ags", read_only=True, allow_null=True, default=None, help_text=_("Land.")
    )
    district = serializers.CharField(
        source="district.ags", read_only=True, allow_null=True, default=None, help_text=_("Kreis.")
    )
    parent = serializers.CharField(  # type: ignore[assignment]  # a field, not Field.parent
        source="parent.ags",
        read_only=True,
        allow_null=True,
        default=None,
        help_text=_("Übergeordnete Einheit (Gemeindeverband, Kreis oder Land)."),
    )
    is_member = serializers.BooleanField(
        read_only=True, help_text=_("Mitglied des Netzwerks (über die Organisation).")
    )

    class Meta:
        model = Municipality
        fields = [
            "url", "ags", "name", "name_short", "level", "type_code", "type_label",
            "population", "area_km2", "state", "district", "parent", "is_member",
        ]  # fmt: skip
        read_only_fields = fields
        list_serializer_class: type[serializers.ListSerializer[Any]] = MunicipalityRows


class MunicipalityDetailSerializer(MunicipalityListSerializer):
    """A unit with all its figures and its parents spelled out."""

    state = UnitReferenceSerializer(read_only=True, allow_null=True)  # type: ignore[assignment]
    district = UnitReferenceSerializer(read_only=True, allow_null=True)  # type: ignore[assignment]
    parent = UnitReferenceSerializer(read_only=True, allow_null=True)  # type: ignore[assignment]
    density = serializers.DecimalField(
        max_digits=12,
        decimal_places=0,
        read_only=True,
        allow_null=True,
        help_text=_("Einwohner je km²."),
    )
    member_since = serializers.DateField(
        read_only=True, allow_null=True, help_text=_("Mitglied seit (falls bekannt).")
    )
    member_since_precision = serializers.ChoiceField(
        choices=DatePrecision.choices,
        read_only=True,
        allow_null=True,
        help_text=_("Wie genau `member_since` bekannt ist (Tag, Monat oder nur Jahr)."),
    )
    organization = serializers.CharField(
        source="organization_slug",
        read_only=True,
        allow_null=True,
        help_text=_("Kurzname der Organisation auf der Plattform, falls vorhanden."),
    )

    class Meta(MunicipalityListSerializer.Meta):
        # Not the list's rows: a page of details would lose the extra fields.
        list_serializer_class = serializers.ListSerializer
        fields = [
            *MunicipalityListSerializer.Meta.fields,
            "ars", "seat", "postcode", "latitude", "longitude", "density",
            "territorial_status_date", "member_since", "member_since_precision",
            "organization",
        ]  # fmt: skip
        read_only_fields = fields
