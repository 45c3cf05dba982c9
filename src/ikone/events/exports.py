"""Participant lists as files people open: CSV (semicolon-separated with a
byte order mark, as German spreadsheet programs expect) and XLSX.

Both take the same `Table` (German headers plus rows of plain values), so
the two formats never disagree about what is exported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ikone.core.datetimes import numeric, spreadsheet_value

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Cells starting with these are formulas to a spreadsheet program.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]


def _plain(value: Any) -> Any:
    """Datetimes on Berlin's wall clock without zone (spreadsheets cannot
    store one), None as empty."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return spreadsheet_value(value)
    return value


def _defused(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading
    apostrophe (CSV injection); numbers and dates stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv_cell(value: Any) -> str:
    if isinstance(value, date):
        return numeric(value)
    value = _plain(value)
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(_defused(value))


def to_csv(table: Table) -> bytes:
    """Semicolon-separated UTF-8 with BOM, so Excel opens umlauts correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_csv_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(table: Table) -> bytes:
    """One sheet named after the table, bold header row, dates as dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.create_sheet(index=0)
    for other in workbook.worksheets[1:]:
        workbook.remove(other)
    sheet.title = table.title[:31] or "Tabelle"
    sheet.append(list(table.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        values = []
        for value in row:
            plain = _plain(value)
            if isinstance(plain, bool):
                plain = "ja" if plain else "nein"
            values.append(_defused(plain))
        sheet.append(values)
    for column, header in zip(sheet.columns, table.headers, strict=False):
        width = max([len(str(header))] + [len(str(cell.value or "")) for cell in column][:200])
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = min(max(width + 2, 10), 60)
        for cell in column[1:]:
            if isinstance(cell.value, datetime):
                cell.number_format = "DD.MM.YYYY HH:MM"
            elif isinstance(cell.value, date):
                cell.number_format = "DD.MM.YYYY"
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
