"""CSV rows with typed, validated access to their cells.

Every problem becomes an ImportFileError naming the file, the line and the
problem, in German, ready for the operator.
"""

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from django.utils.translation import gettext as _

from ikone.core.exceptions import DomainError

NAME_MAX_LENGTH = 200


class ImportFileError(DomainError):
    """A source file cannot be imported; `message` names file, line and problem."""

    def __init__(self, *, file: str, line: int | None, problem: str) -> None:
        if line is None:
            message = _("%(file)s: %(problem)s") % {"file": file, "problem": problem}
        else:
            message = _("%(file)s, Zeile %(line)d: %(problem)s") % {
                "file": file,
                "line": line,
                "problem": problem,
            }
        super().__init__(message)
        self.file = file
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class Origin:
    """Where a record was read, for error messages about it."""

    file: str
    line: int

    def error(self, problem: str) -> ImportFileError:
        return ImportFileError(file=self.file, line=self.line, problem=problem)


class RowReader:
    """Typed access to the cells of one CSV row; every problem becomes an
    ImportFileError for this row's line."""

    def __init__(self, origin: Origin, row: dict[str, str]) -> None:
        self.origin = origin
        self.row = row

    def error(self, column: str, problem: str) -> ImportFileError:
        return self.origin.error(
            _("Spalte „%(column)s“: %(problem)s") % {"column": column, "problem": problem}
        )

    def text(
        self, column: str, *, required: bool = True, max_length: int = NAME_MAX_LENGTH
    ) -> str:
        value = self.row[column].strip()
        if required and not value:
            raise self.error(column, _("darf nicht leer sein"))
        if len(value) > max_length:
            raise self.error(column, _("länger als %(max)d Zeichen") % {"max": max_length})
        return value

    def key(self, column: str, digits: int) -> str:
        value = self.row[column].strip()
        if not re.fullmatch(rf"\d{{{digits}}}", value):
            raise self.error(
                column,
                _("„%(value)s“ ist kein %(digits)d-stelliger Schlüssel")
                % {"value": value, "digits": digits},
            )
        return value

    def digits(self, column: str, length: int) -> str:
        """An optional string of exactly `length` digits (ARS, postcode)."""
        value = self.row[column].strip()
        if value and not re.fullmatch(rf"\d{{{length}}}", value):
            raise self.error(
                column,
                _("„%(value)s“ hat nicht genau %(digits)d Ziffern")
                % {"value": value, "digits": length},
            )
        return value

    def integer(self, column: str) -> int | None:
        value = self.row[column].strip()
        if not value:
            return None
        if not re.fullmatch(r"\d+", value):
            raise self.error(
                column, _("„%(value)s“ ist keine nicht-negative ganze Zahl") % {"value": value}
            )
        return int(value)

    def decimal(self, column: str, *, places: int, limit: int) -> Decimal | None:
        """An optional decimal with a point, rounded to `places` decimals;
        its absolute value must not exceed `limit`."""
        value = self.row[column].strip()
        if not value:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite() or not re.fullmatch(r"-?\d+(\.\d+)?", value):
            raise self.error(column, _("„%(value)s“ ist keine Zahl") % {"value": value})
        if abs(number) > limit:
            raise self.error(
                column,
                _("„%(value)s“ liegt außerhalb von ±%(limit)d") % {"value": value, "limit": limit},
            )
        return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)

    def date(self, column: str) -> date | None:
        value = self.row.get(column, "").strip()
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.error(
                column, _("„%(value)s“ ist kein Datum (JJJJ-MM-TT)") % {"value": value}
            ) from None

    def type_code(self, column: str, known: Sequence[str]) -> str:
        value = self.text(column, max_length=4)
        if value not in known:
            raise self.error(column, _("unbekannter Typ-Schlüssel „%(value)s“") % {"value": value})
        return value

    def require(self, condition: bool, column: str, problem: str) -> None:
        if not condition:
            raise self.error(column, problem)

    def prefix_of(self, key: str, column: str, digits: int) -> str:
        """The parent key in `column`, which must be the start of `key`."""
        parent_key = self.key(column, digits)
        if not key.startswith(parent_key):
            raise self.error(
                column,
                _("„%(parent)s“ passt nicht zum Schlüssel %(key)s")
                % {"parent": parent_key, "key": key},
            )
        return parent_key


def read_rows(path: Path, columns: Sequence[str]) -> Iterator[RowReader]:
    """Yield one RowReader per data row after checking the header."""
    file = str(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise ImportFileError(
            file=file, line=None, problem=error.strerror or str(error)
        ) from error
    with handle:
        reader = csv.DictReader(handle, strict=True)
        try:
            yield from _checked_rows(reader, file, columns)
        except UnicodeDecodeError as error:
            # Decoding runs ahead of the parser in blocks: no reliable line.
            raise ImportFileError(
                file=file, line=None, problem=_("Datei ist nicht UTF-8-kodiert")
            ) from error
        except csv.Error as error:
            raise ImportFileError(file=file, line=reader.line_num, problem=str(error)) from error


def _checked_rows(
    reader: "csv.DictReader[str]", file: str, columns: Sequence[str]
) -> Iterator[RowReader]:
    header = reader.fieldnames or []
    missing = [column for column in columns if column not in header]
    if missing:
        raise ImportFileError(
            file=file,
            line=1,
            problem=_("Kopfzeile unvollständig, es fehlen die Spalten: %(columns)s")
            % {"columns": ", ".join(missing)},
        )
    for row in reader:
        origin = Origin(file=file, line=reader.line_num)
        if None in row or None in row.values():
            raise origin.error(
                _("%(found)d statt %(expected)d Spalten")
                % {
                    "found": len([v for v in row.values() if v is not None]),
                    "expected": len(header),
                }
            )
        yield RowReader(origin, row)
