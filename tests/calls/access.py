"""Access-matrix rows of the funding calls (see tests/access.py)."""

from tests.access import COORDINATION, PUBLIC, Base

ROWS = {
    "calls:list": PUBLIC,
    "calls:detail": PUBLIC,
    "calls:ics": PUBLIC,
    "calls:versions": PUBLIC,
    "calls:version": PUBLIC,
    "calls:diff": PUBLIC,
    "calls:amend": COORDINATION,
}


def objects(base: Base) -> dict:
    """A call with two versions."""
    from tests.calls.factories import make_call

    return {"call_slug": make_call("matrix-aufruf", amended=True).slug}


SLUG_BY_PREFIX = {"foerderaufrufe/": lambda values: values["call_slug"]}
PARAMETERS = {
    # version numbers of the call with two versions
    "number": lambda values: 1,
    "old": lambda values: 1,
    "new": lambda values: 2,
}
