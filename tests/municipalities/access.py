"""Access-matrix rows of the municipality directory (see tests/access.py)."""

from tests.access import PUBLIC, Base

ROWS = {
    "municipalities:list": PUBLIC,
    "municipalities:detail": PUBLIC,
}


def objects(base: Base) -> dict:
    return {"ags": base.organization.municipality.ags}


PARAMETERS = {"ags": lambda values: values["ags"]}
