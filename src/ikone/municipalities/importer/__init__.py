"""Reading the Gemeindeverzeichnis CSV files into validated records.

Nothing here touches the database: `load_source` either returns every record
of the source, parents before children, or raises ImportFileError naming the
file, the line and the problem. `services.municipalities_import` writes.

Two shapes of source are accepted:

* a directory with the four files of `municipalities/data/` (states.csv,
  districts.csv, municipal_associations.csv, municipalities.csv): every
  parent must be in its file;
* a single file shaped like municipalities.csv: its Gemeinden, plus the Land,
  Kreis and Gemeindeverband named in its columns. Those parents are created
  when missing and otherwise left as they are (the row knows only their name
  and type, not their population, area or seat).

Gemeindeverband records of type 50 ("verbandsfreie Gemeinde") duplicate
their only Gemeinde and are skipped; such a Gemeinde hangs directly under
its Kreis.
"""

from ikone.municipalities.importer.records import UnitRecord
from ikone.municipalities.importer.rows import ImportFileError
from ikone.municipalities.importer.sources import (
    BUNDLED_DATA_DIR,
    LEVEL_ORDER,
    ParsedSource,
    load_source,
)

__all__ = [
    "BUNDLED_DATA_DIR",
    "LEVEL_ORDER",
    "ImportFileError",
    "ParsedSource",
    "UnitRecord",
    "load_source",
]
