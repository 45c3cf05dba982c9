"""The demo seeders' accounts, calls, events and questions in a test
database, indexed for search: a demo-like installation without the 12,000
municipalities of the directory (only the demo organisations' own)."""

from __future__ import annotations

import io

from ikone.accounts import demo as accounts_demo
from ikone.calls.demo import seed_demo_calls
from ikone.core.search.index import rebuild
from ikone.events.demo import seed_demo_events
from ikone.municipalities.models import Level
from ikone.qa.demo import seed_demo_questions
from tests.accounts.factories import MunicipalityFactory


def seed_demo_world(*, events: bool = True) -> None:
    for organization in accounts_demo.demo_organizations():
        level = {5: Level.DISTRICT, 9: Level.ASSOCIATION}.get(
            len(organization.ags), Level.MUNICIPALITY
        )
        MunicipalityFactory(ags=organization.ags, name=organization.name, level=level)
    out = io.StringIO()
    accounts_demo.seed_demo_accounts(stdout=out)
    seed_demo_calls(stdout=out)
    if events:
        seed_demo_events(stdout=out)
    seed_demo_questions(stdout=out)
    rebuild()
