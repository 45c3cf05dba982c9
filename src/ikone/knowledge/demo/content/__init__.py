"""The demo installation's public pages about IKONE DS.

Facts about the network come from the project's context notes (founding,
lead, coordination, purpose, workshops, sister network). Nothing else about
the operator is known, so the operator's details in the imprint, privacy and
accessibility pages are marked as examples to replace before going live.
"""

from collections.abc import Callable
from dataclasses import dataclass

from ikone.knowledge.demo.blocks import RawBlock
from ikone.knowledge.demo.content.legal import accessibility_body, imprint_body, privacy_body
from ikone.knowledge.demo.content.network import (
    HOME_HERO_INTRO,
    HOME_HERO_TITLE,
    HOME_SEARCH_DESCRIPTION,
    HOME_TITLE,
    about_body,
    home_body,
    membership_body,
)

Body = Callable[[dict[str, int]], list[RawBlock]]

__all__ = [
    "HOME_HERO_INTRO",
    "HOME_HERO_TITLE",
    "HOME_SEARCH_DESCRIPTION",
    "HOME_TITLE",
    "STANDARD_PAGES",
    "DemoPage",
    "home_body",
]


@dataclass(frozen=True)
class DemoPage:
    slug: str
    title: str
    intro: str
    body: Body
    search_description: str = ""
    footer_role: str = ""


STANDARD_PAGES = [
    DemoPage(
        slug="ueber-das-netzwerk",
        title="Über das Netzwerk",
        intro=(
            "IKONE DS, das Interkommunale Netzwerk Digitale Stadt, verbindet Kommunen in "
            "Rheinland-Pfalz, die ihre Verwaltung und ihre Stadt digital weiterentwickeln – "
            "gemeinsam statt jede für sich."
        ),
        body=about_body,
        search_description="Gründung, Ziele, Workshops und Schwesternetzwerk von IKONE DS.",
    ),
    DemoPage(
        slug="mitglied-werden",
        title="Mitglied werden",
        intro=(
            "Das Netzwerk wünscht sich, dass weitere Städte, Gemeinden und Landkreise aus "
            "Rheinland-Pfalz dazukommen. Die Unterstützung ist für alle gleich – ob Mitglied "
            "oder nicht."
        ),
        body=membership_body,
        search_description="Wie Kommunen Mitglied im Netzwerk IKONE DS werden.",
    ),
    DemoPage(
        slug="impressum",
        title="Impressum",
        intro=(
            "Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV)."
        ),
        body=imprint_body,
        footer_role="imprint",
    ),
    DemoPage(
        slug="datenschutz",
        title="Datenschutz",
        intro=(
            "Welche personenbezogenen Daten die Plattform IKONE verarbeitet, wozu, wie lange "
            "und welche Rechte Sie haben (Art. 13 DSGVO)."
        ),
        body=privacy_body,
        footer_role="privacy",
    ),
    DemoPage(
        slug="barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        intro="Wie barrierefrei die Plattform IKONE ist und wie Sie Barrieren melden.",
        body=accessibility_body,
        footer_role="accessibility",
    ),
]
