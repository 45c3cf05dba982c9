"""Reading data/model_projects.csv into validated rows (no database access).

`read_model_projects` returns every row or raises ImportFileError naming the
file, the line and the problem, so the service writes nothing from a broken
file. Values the sources do not give are empty in the file and stay None or
empty here: nothing is guessed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from ikone.municipalities.importer import ImportFileError
from ikone.solutions.models.choices import ModelProjectCategory

BUNDLED_FILE = Path(__file__).resolve().parent / "data" / "model_projects.csv"
COLUMNS = (
    "name", "kind", "land", "round_year", "funding_eur", "source", "note",
    "category", "partners", "project_title",
)  # fmt: skip
KINDS = ("Stadt", "Gemeinde", "Landkreis", "interkommunale Kooperation")
ROUNDS = (2019, 2020, 2021)
LANDS = (
    "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
    "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
    "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
)  # fmt: skip
CATEGORY_BY_LABEL = {str(label): value for value, label in ModelProjectCategory.choices}


@dataclass(frozen=True)
class ModelProjectRow:
    line: int
    name: str
    kind: str
    lands: tuple[str, ...]
    round_year: int
    funding_eur: int | None
    sources: tuple[str, ...]
    note: str
    category: str
    partners: tuple[str, ...]
    project_title: str


def read_model_projects(path: Path | None = None) -> list[ModelProjectRow]:
    """All rows of the file (default: the bundled copy); raises ImportFileError."""
    path = path or BUNDLED_FILE
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
            if missing:
                raise ImportFileError(
                    file=path.name,
                    line=1,
                    problem=_("Es fehlen die Spalten %(columns)s.")
                    % {"columns": ", ".join(missing)},
                )
            rows = [_row(path.name, reader.line_num, raw) for raw in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ImportFileError(file=path.name, line=None, problem=str(error)) from error
    _check_unique(path.name, rows)
    return rows


def _split(value: str, separator: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(separator) if part.strip())


def _row(file: str, line: int, raw: dict[str, str]) -> ModelProjectRow:
    def fail(problem: str) -> ImportFileError:
        return ImportFileError(file=file, line=line, problem=problem)

    values = {key: (raw.get(key) or "").strip() for key in COLUMNS}
    if not values["name"]:
        raise fail(_("Der Name fehlt."))
    if values["kind"] not in KINDS:
        raise fail(_("Unbekannte Art „%(kind)s“.") % {"kind": values["kind"]})
    lands = _split(values["land"], ";")
    unknown = [land for land in lands if land not in LANDS]
    if not lands or unknown:
        raise fail(_("Unbekanntes Land „%(land)s“.") % {"land": values["land"]})
    if not values["round_year"].isdigit() or int(values["round_year"]) not in ROUNDS:
        raise fail(_("Unbekannte Förderrunde „%(year)s“.") % {"year": values["round_year"]})
    funding = values["funding_eur"]
    if funding and not funding.isdigit():
        raise fail(_("Die Fördersumme „%(amount)s“ ist keine ganze Zahl.") % {"amount": funding})
    if values["category"] not in CATEGORY_BY_LABEL:
        raise fail(_("Unbekannte Kategorie „%(category)s“.") % {"category": values["category"]})
    sources = _split(values["source"], "|")
    if not sources or any(not source.startswith("https://") for source in sources):
        raise fail(_("Jede Quelle muss eine https-Adresse sein."))
    return ModelProjectRow(
        line=line,
        name=values["name"],
        kind=values["kind"],
        lands=lands,
        round_year=int(values["round_year"]),
        funding_eur=int(funding) if funding else None,
        sources=sources,
        note=values["note"],
        category=CATEGORY_BY_LABEL[values["category"]],
        partners=_split(values["partners"], ";"),
        project_title=values["project_title"],
    )


def _check_unique(file: str, rows: list[ModelProjectRow]) -> None:
    seen: dict[tuple[int, str], int] = {}
    for row in rows:
        key = (row.round_year, row.name)
        if key in seen:
            raise ImportFileError(
                file=file,
                line=row.line,
                problem=_("„%(name)s“ (%(year)s) steht schon in Zeile %(first)s.")
                % {"name": row.name, "year": row.round_year, "first": seen[key]},
            )
        seen[key] = row.line
