"""The two shapes of source: a directory of the four files, or one file
shaped like municipalities.csv."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from ikone.municipalities.importer.records import (
    ASSOCIATION_COLUMNS,
    DISTRICT_COLUMNS,
    MUNICIPALITY_COLUMNS,
    STATE_COLUMNS,
    UnitRecord,
    parse_association,
    parse_district,
    parse_municipality,
    parse_state,
    short_name,
)
from ikone.municipalities.importer.rows import ImportFileError, RowReader, read_rows
from ikone.municipalities.kinds import (
    ASSOCIATION_TYPES,
    DISTRICT_TYPES,
    VERBANDSFREI_TYPE_CODE,
)
from ikone.municipalities.models import Level

BUNDLED_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
STATES_FILE = "states.csv"
DISTRICTS_FILE = "districts.csv"
ASSOCIATIONS_FILE = "municipal_associations.csv"
MUNICIPALITIES_FILE = "municipalities.csv"
LEVEL_ORDER = (Level.STATE, Level.DISTRICT, Level.ASSOCIATION, Level.MUNICIPALITY)

Parser = Callable[[RowReader], UnitRecord]


@dataclass(frozen=True)
class ParsedSource:
    """Validated records, parents before children.

    `create_only` holds keys of records derived from a child's columns: they
    fill gaps but never overwrite a unit already in the database.
    `complete` says the source is a whole directory, so units in the database
    but not in the source are worth reporting.
    """

    records: list[UnitRecord]
    create_only: frozenset[str]
    complete: bool


def load_source(path: Path | None = None) -> ParsedSource:
    """Read and validate a source without touching the database.

    `None` means the files bundled in `municipalities/data/`; a directory
    must hold the four files; a file is read as municipalities.csv.
    Raises ImportFileError on the first problem found.
    """
    if path is None:
        return read_directory(BUNDLED_DATA_DIR)
    if path.is_dir():
        return read_directory(path)
    if path.is_file():
        return read_municipality_file(path)
    raise ImportFileError(
        file=str(path), line=None, problem=_("Datei oder Verzeichnis nicht gefunden")
    )


def read_directory(directory: Path) -> ParsedSource:
    """All four files of a directory; every parent must be in its file."""
    states = _read_file(directory / STATES_FILE, STATE_COLUMNS, parse_state)
    districts = _read_file(directory / DISTRICTS_FILE, DISTRICT_COLUMNS, parse_district)
    associations = [
        record
        for record in _read_file(
            directory / ASSOCIATIONS_FILE, ASSOCIATION_COLUMNS, parse_association
        )
        if record.type_code != VERBANDSFREI_TYPE_CODE
    ]
    municipalities = _read_file(
        directory / MUNICIPALITIES_FILE, MUNICIPALITY_COLUMNS, parse_municipality
    )
    records = [*states, *districts, *associations, *municipalities]
    _check_parents(records)
    return ParsedSource(records=records, create_only=frozenset(), complete=True)


def read_municipality_file(path: Path) -> ParsedSource:
    """One municipalities.csv-shaped file. Its Länder, Kreise and
    Gemeindeverbände come from its columns and are only created, never
    updated; rows naming the same parent must describe it alike."""
    parents: dict[str, UnitRecord] = {}
    municipalities: dict[str, UnitRecord] = {}
    for reader in read_rows(path, MUNICIPALITY_COLUMNS):
        record = parse_municipality(reader)
        _add_unique(municipalities, record)
        for parent in derived_parents(reader, record):
            known = parents.setdefault(parent.ags, parent)
            if known != parent:
                raise reader.origin.error(
                    _("Angaben zu %(key)s weichen von Zeile %(line)d ab")
                    % {"key": parent.ags, "line": known.origin.line}
                )
    ordered_parents = sorted(parents.values(), key=lambda record: LEVEL_ORDER.index(record.level))
    return ParsedSource(
        records=[*ordered_parents, *municipalities.values()],
        create_only=frozenset(parents),
        complete=False,
    )


def derived_parents(reader: RowReader, municipality: UnitRecord) -> list[UnitRecord]:
    """The Land, Kreis and (unless verbandsfrei) Gemeindeverband a
    municipalities.csv row names, as far as the row describes them."""
    state_name = reader.text("state_name")
    district_name = reader.text("district_name")
    parents = [
        UnitRecord(
            ags=municipality.state_key,
            level=Level.STATE,
            name=state_name,
            name_short=short_name(state_name),
            origin=reader.origin,
        ),
        UnitRecord(
            ags=municipality.district_key,
            level=Level.DISTRICT,
            name=district_name,
            name_short=short_name(district_name),
            origin=reader.origin,
            type_code=reader.type_code("district_type_code", list(DISTRICT_TYPES)),
            type_label=reader.text("district_type", max_length=60),
            parent_key=municipality.state_key,
            state_key=municipality.state_key,
        ),
    ]
    if municipality.parent_key != municipality.district_key:
        association_name = reader.text("association_name")
        parents.append(
            UnitRecord(
                ags=municipality.parent_key,
                level=Level.ASSOCIATION,
                name=association_name,
                name_short=short_name(association_name),
                origin=reader.origin,
                type_code=reader.type_code("association_type_code", list(ASSOCIATION_TYPES)),
                type_label=reader.text("association_type", max_length=60),
                parent_key=municipality.district_key,
                state_key=municipality.state_key,
                district_key=municipality.district_key,
            )
        )
    return parents


def _read_file(path: Path, columns: Sequence[str], parse: Parser) -> list[UnitRecord]:
    records: dict[str, UnitRecord] = {}
    for reader in read_rows(path, columns):
        _add_unique(records, parse(reader))
    return list(records.values())


def _add_unique(records: dict[str, UnitRecord], record: UnitRecord) -> None:
    first = records.get(record.ags)
    if first is not None:
        raise record.origin.error(
            _("Schlüssel %(key)s kommt doppelt vor (zuerst in Zeile %(line)d)")
            % {"key": record.ags, "line": first.origin.line}
        )
    records[record.ags] = record


def _check_parents(records: list[UnitRecord]) -> None:
    """Every Land, Kreis and parent a record names must be in the source."""
    keys = {record.ags for record in records}
    for record in records:
        for key in (record.parent_key, record.state_key, record.district_key):
            if key and key not in keys:
                raise record.origin.error(
                    _("übergeordnete Einheit %(key)s fehlt in den Quelldaten") % {"key": key}
                )
