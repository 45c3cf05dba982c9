"""The start page, Über das Netzwerk and Mitglied werden: facts about
IKONE DS from the project's context notes."""

from ikone.knowledge.demo.blocks import Card, RawBlock, cards, facts, figures, heading, paragraph
from ikone.knowledge.demo.content.common import NETWORK_EMAIL

# --- Start page ---------------------------------------------------------------

HOME_TITLE = "Startseite"
HOME_HERO_TITLE = "Kommunen lernen voneinander – gemeinsam zur digitalen Stadt"
HOME_HERO_INTRO = (
    "IKONE ist die Plattform des Interkommunalen Netzwerks Digitale Stadt (IKONE DS) in "
    "Rheinland-Pfalz. Hier tauschen Kommunen Erfahrungen aus, bereiten Bewerbungen auf "
    "Smart-City-Förderaufrufe gemeinsam vor und übernehmen bewährte digitale Lösungen, "
    "statt jede für sich Insellösungen zu bauen."
)
HOME_SEARCH_DESCRIPTION = (
    "IKONE – die Plattform des Interkommunalen Netzwerks Digitale Stadt in Rheinland-Pfalz: "
    "Austausch, Workshops und Unterstützung bei Smart-City-Bewerbungen."
)


def home_body(page_ids: dict[str, int]) -> list[RawBlock]:
    return [
        heading("Was das Netzwerk ist"),
        paragraph(
            "<p>Das Ministerium des Innern und für Sport Rheinland-Pfalz hat IKONE DS im "
            "April 2019 als Austauschplattform für große und mittlere Städte des Landes "
            "gegründet. Die Stadt Kaiserslautern leitet das Netzwerk, die städtische "
            "Digitalisierungsagentur KL.digital GmbH koordiniert es im Alltag.</p>",
            "<p>Die Kommunen im Netzwerk lernen voneinander, verständigen sich auf "
            "Schnittstellen und Standards und teilen sich die Arbeit, etwa bei der Umsetzung "
            "des Onlinezugangsgesetzes. Im Mittelpunkt steht zunächst, Abläufe in den "
            "Verwaltungen zu verbessern.</p>",
        ),
        cards(
            "Hier geht es weiter",
            [
                Card(
                    "Über das Netzwerk",
                    "Gründung, Ziele, Workshops und das Schwesternetzwerk Digitale Dörfer.",
                    page_slug="ueber-das-netzwerk",
                ),
                Card(
                    "Kommunenverzeichnis",
                    "Alle Gemeinden, Gemeindeverbände und Kreise Deutschlands aus dem amtlichen "
                    "Gemeindeverzeichnis.",
                    area="municipalities:list",
                ),
                Card(
                    "Mitglied werden",
                    "Wer mitmachen kann und wie Ihre Kommune dazukommt.",
                    page_slug="mitglied-werden",
                ),
                Card(
                    "Registrieren",
                    "Ein Konto für Mitarbeiterinnen und Mitarbeiter von Kommunen.",
                    area="account_signup",
                ),
            ],
            page_ids,
        ),
        figures(),
        heading("Was das Netzwerk tut"),
        paragraph(
            "<p>Wenn der Bund Förderaufrufe wie die „Modellprojekte Smart Cities“ "
            "veröffentlicht, begleitet das Netzwerk die Kommunen mit virtuellen Workshops: "
            "Fragen klären, Interpretationshilfen geben und die Erfahrungen früherer "
            "Gewinner weitergeben – etwa der Stadt Kaiserslautern, des Eifelkreises "
            "Bitburg-Prüm und des Landkreises Mayen-Koblenz. Zum zweiten virtuellen "
            "Bewerbungsworkshop am 12. Januar 2021 kamen über 40 Verwaltungen.</p>",
            "<p><strong>Mitglieder und Nichtmitglieder erhalten die gleiche "
            "Unterstützung.</strong> Niemand bleibt außen vor.</p>",
        ),
        facts(
            "Was die Workshops über gute Bewerbungen lehren",
            [
                (
                    "Früh beginnen",
                    "Für den Aufruf 2021 blieben vom 16. Dezember 2020 bis zum 14. März 2021 "
                    "nur rund drei Monate.",
                ),
                (
                    "Pflichtbestandteile",
                    "Ratsbeschluss, Projektplan sowie Kosten- und Zeitplan.",
                ),
                (
                    "Lokale Prägung",
                    "Die Bewerbung folgt der inhaltlichen Ausrichtung des Bundes, ohne den "
                    "eigenen Charakter der Kommune aus den Augen zu verlieren.",
                ),
                (
                    "Übertragbarkeit",
                    "Die entwickelten Lösungen sollen auf möglichst viele Kommunen "
                    "übertragbar sein.",
                ),
                (
                    "Von anderen lernen",
                    "Von früheren Gewinnern und von benachbarten Programmen wie den "
                    "Digitalen Dörfern.",
                ),
            ],
        ),
    ]


# --- Über das Netzwerk -----------------------------------------------------------


def about_body(page_ids: dict[str, int]) -> list[RawBlock]:
    return [
        heading("Gründung und Organisation"),
        paragraph(
            "<p>Das Ministerium des Innern und für Sport Rheinland-Pfalz (MdI) hat das "
            "Interkommunale Netzwerk Digitale Stadt im April 2019 als Austauschplattform für "
            "große und mittlere Städte des Landes gegründet. Die Stadt Kaiserslautern leitet "
            "das Netzwerk; die Koordination im Alltag liegt bei der KL.digital GmbH, der Ende "
            "2017 gegründeten Digitalisierungsagentur der Stadt. Die Technische Universität "
            "Kaiserslautern hat das Netzwerk wissenschaftlich begleitet.</p>"
        ),
        facts(
            "Das Netzwerk auf einen Blick",
            [
                (
                    "Gegründet",
                    "April 2019 vom Ministerium des Innern und für Sport Rheinland-Pfalz",
                ),
                ("Leitung", "Stadt Kaiserslautern"),
                ("Koordination", "KL.digital GmbH, Kaiserslautern"),
                ("Wissenschaftliche Begleitung", "Technische Universität Kaiserslautern"),
                (
                    "Gründungsmitglieder",
                    "Andernach, Kaiserslautern, Speyer, Wörth am Rhein und Zweibrücken",
                ),
                (
                    "Mitglieder",
                    "Im September 2020 war Landau in der Pfalz das zehnte Mitglied; im "
                    "November 2024 gehörten nach Angaben des Ministeriums mehr als 30 Kommunen "
                    "zum Netzwerk.",
                ),
                (
                    "Förderung",
                    "Das MdI unterstützte das Netzwerk bis 2021 mit rund 425.000 Euro. Danach "
                    "war die Koordination Teil des Landesprojekts „Herzlich digitale Stadt "
                    "Kaiserslautern“; diese Förderung endete mit dem Jahr 2024.",
                ),
            ],
        ),
        heading("Wozu das Netzwerk da ist"),
        paragraph(
            "<ul>"
            "<li>Kommunen lernen voneinander und übernehmen digitale Lösungen, statt "
            "Insellösungen zu bauen.</li>"
            "<li>Sie verständigen sich auf gemeinsame Schnittstellen und Standards.</li>"
            "<li>Sie teilen sich die Arbeit bei der Umsetzung des Onlinezugangsgesetzes "
            "(OZG).</li>"
            "<li>Zuerst geht es darum, Abläufe in den Verwaltungen zu verbessern.</li>"
            "</ul>"
        ),
        heading("Workshops zur Smart-City-Bewerbung"),
        paragraph(
            "<p>Am 4. Dezember 2020 zeigte ein zweistündiger Online-Workshop, was eine "
            "erfolgreiche Bewerbung als Modellprojekt Smart Cities braucht: Projektplan, "
            "Kosten- und Zeitplan und den verpflichtenden Ratsbeschluss. KL.digital stellte "
            "einen Leitfaden zur Vorbereitung vor; Kaiserslautern und der Eifelkreis "
            "Bitburg-Prüm berichteten aus ihren erfolgreichen Bewerbungen.</p>",
            "<p>Für den Aufruf 2021 folgte von Dezember 2020 bis zum 9. März 2021 eine Reihe "
            "aus sechs Runden – Ideen-, Schreib- und Abschluss-Workshops – und "
            "Einzelgesprächen. Zu Beginn waren mehr als 30 Kommunen dabei, am zweiten "
            "Workshop am 12. Januar 2021 nahmen über 40 Verwaltungen teil; etwa ein Drittel "
            "hat sich schließlich beworben. Im Juli 2021 wurden der Landkreis Kusel und die "
            "Stadt Linz am Rhein, beide vom Netzwerk begleitet, als Modellprojekte Smart "
            "Cities ausgewählt.</p>",
            "<p><strong>Mitglieder und Nichtmitglieder erhalten die gleiche "
            "Unterstützung.</strong></p>",
        ),
        heading("Weitere Formate"),
        paragraph(
            "<ul>"
            "<li>Videokonferenzen der Mitglieder seit Juni 2020, etwa zu digitaler "
            "Beteiligung und digitalen Veranstaltungen.</li>"
            "<li>Das erste Präsenztreffen am 23. September 2021 im Fritz-Walter-Stadion mit "
            "mehr als 60 Personen aus 22 Kommunen, Städten und Landkreisen – zu künstlicher "
            "Intelligenz in der Verwaltung und Sensorfunknetzen in der Stadt.</li>"
            "<li>Ein digitaler Stammtisch und Besuche bei Mitgliedskommunen (2023).</li>"
            "<li>Die 3. Fachtagung „Daten und KI – Bausteine smarter digitaler Lösungen“ im "
            "November 2024.</li>"
            "</ul>"
        ),
        heading("Das Schwesternetzwerk: Digitale Dörfer"),
        paragraph(
            "<p>Für Verbandsgemeinden und Ortsgemeinden gibt es das Netzwerk Digitale Dörfer "
            "RLP. Das Ministerium des Innern und für Sport hat es im Dezember 2020 gegründet; "
            "zum Auftakt am 19. April 2021 kamen mehr als 20 Kommunen. Es baut auf den "
            "Erfahrungen der Modell-Verbandsgemeinden Eisenberg, Göllheim und "
            "Betzdorf-Gebhardshain auf.</p>"
        ),
        cards(
            "Mitmachen",
            [
                Card(
                    "Mitglied werden",
                    "Wer mitmachen kann und wie Ihre Kommune dazukommt.",
                    page_slug="mitglied-werden",
                ),
                Card(
                    "Kommunenverzeichnis",
                    "Finden Sie Ihre Kommune und andere Kommunen im Netzwerk.",
                    area="municipalities:list",
                ),
            ],
            page_ids,
        ),
    ]


# --- Mitglied werden ---------------------------------------------------------------


def membership_body(page_ids: dict[str, int]) -> list[RawBlock]:
    return [
        heading("Warum mitmachen?"),
        paragraph(
            "<ul>"
            "<li>Sie erfahren, wie andere Kommunen digitale Vorhaben umsetzen, und können "
            "bewährte Lösungen übernehmen.</li>"
            "<li>Sie bereiten Bewerbungen auf Förderaufrufe gemeinsam mit anderen vor – mit "
            "Workshops und Interpretationshilfen zu den Aufrufen.</li>"
            "<li>Sie reden mit, wenn sich Kommunen auf Schnittstellen und Standards "
            "verständigen.</li>"
            "</ul>",
            "<p><strong>Gut zu wissen:</strong> Mitglieder und Nichtmitglieder erhalten die "
            "gleiche Unterstützung. Die Mitgliedschaft zeigt, dass Ihre Kommune dauerhaft "
            "Teil des Netzwerks ist.</p>",
        ),
        heading("So kommt Ihre Kommune dazu"),
        facts(
            "",
            [
                (
                    "1. Konto anlegen",
                    "Registrieren Sie sich mit Ihrer dienstlichen E-Mail-Adresse und "
                    "bestätigen Sie die Adresse.",
                ),
                (
                    "2. Organisation wählen",
                    "Suchen Sie Ihre Kommune im Kommunenverzeichnis und bitten Sie um "
                    "Aufnahme in ihre Organisation – oder lassen Sie sich von der "
                    "Ansprechperson Ihrer Kommune einladen.",
                ),
                (
                    "3. Mitgliedschaft beantragen",
                    "Die Ansprechperson Ihrer Organisation beantragt auf der Plattform die "
                    "Mitgliedschaft im Netzwerk; die Netzwerkkoordination bestätigt sie. Alle "
                    "Angebote können Sie schon vorher nutzen.",
                ),
            ],
        ),
        paragraph(
            "<p>Fragen zur Mitgliedschaft beantwortet die Netzwerkkoordination per E-Mail an "
            f'<a href="mailto:{NETWORK_EMAIL}">{NETWORK_EMAIL}</a>.</p>'
        ),
        cards(
            "Los geht’s",
            [
                Card(
                    "Registrieren",
                    "Konto mit Ihrer dienstlichen E-Mail-Adresse anlegen.",
                    area="account_signup",
                ),
                Card(
                    "Kommunenverzeichnis",
                    "Ihre Kommune und ihren Stand im Netzwerk finden.",
                    area="municipalities:list",
                ),
                Card(
                    "Über das Netzwerk",
                    "Gründung, Ziele und Workshops von IKONE DS.",
                    page_slug="ueber-das-netzwerk",
                ),
            ],
            page_ids,
        ),
    ]
