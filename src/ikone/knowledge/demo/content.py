"""The demo installation's public pages about IKONE DS.

Facts about the network come from the project's context notes (founding,
lead, coordination, purpose, workshops, sister network). Nothing else about
the operator is known, so the operator's details in the imprint, privacy and
accessibility pages are marked as examples to replace before going live.
"""

from collections.abc import Callable
from dataclasses import dataclass

from ikone.knowledge.demo.blocks import Card, RawBlock, cards, facts, figures, heading, paragraph

EXAMPLE = "Beispielangaben der Demo-Installation – vor dem Betrieb ersetzen"
NETWORK_EMAIL = "info@ikone-ds.de"

MUNICIPALITY_ATTRIBUTION = (
    "Datenquelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem "
    "GV-ISys (GV100AD, Gebietsstand 30.11.2025; Gemeindeverzeichnis-Auszug, Gebietsstand "
    "31.12.2024), © Statistisches Bundesamt (Destatis), 2025, im Auftrag der "
    "Herausgebergemeinschaft Statistische Ämter des Bundes und der Länder; "
    "Datenlizenz Deutschland – Namensnennung – Version 2.0 "
    '(<a href="https://www.govdata.de/dl-de/by-2-0">https://www.govdata.de/dl-de/by-2-0</a>). '
    "Daten umformatiert und um abgeleitete Spalten ergänzt."
)

Body = Callable[[dict[str, int]], list[RawBlock]]


@dataclass(frozen=True)
class DemoPage:
    slug: str
    title: str
    intro: str
    body: Body
    search_description: str = ""
    footer_role: str = ""


def _example(text: str) -> str:
    return f"{text} ({EXAMPLE})"


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


# --- Impressum ----------------------------------------------------------------------


def imprint_body(page_ids: dict[str, int]) -> list[RawBlock]:
    return [
        paragraph(
            f"<p><strong>Hinweis:</strong> Die mit „{EXAMPLE}“ gekennzeichneten Angaben "
            "stammen aus der Demo-Installation. Der Betreiber einer echten Installation "
            "ersetzt sie im CMS durch seine eigenen Angaben.</p>"
        ),
        facts(
            "Anbieter nach § 5 DDG",
            [
                ("Name", _example("Musterbetreiber der Plattform IKONE")),
                ("Anschrift", _example("Musterstraße 1\n00000 Musterstadt")),
                ("Vertreten durch", _example("Vorname Nachname, Funktion")),
                ("E-Mail", _example("kontakt@example.org")),
                ("Telefon", _example("+49 000 0000000")),
                (
                    "Register, Umsatzsteuer-ID, Aufsicht",
                    _example(
                        "Registergericht und -nummer, Umsatzsteuer-Identifikationsnummer und "
                        "zuständige Aufsichtsbehörde, soweit vorhanden"
                    ),
                ),
            ],
        ),
        facts(
            "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
            [("Name und Anschrift", _example("Vorname Nachname, Anschrift wie oben"))],
        ),
        heading("Das Netzwerk IKONE DS"),
        paragraph(
            "<p>Das Interkommunale Netzwerk Digitale Stadt wird von der Stadt Kaiserslautern "
            "geleitet und von der KL.digital GmbH koordiniert. Kommunen, die sich für das "
            "Netzwerk interessieren, erreichen es per E-Mail an "
            f'<a href="mailto:{NETWORK_EMAIL}">{NETWORK_EMAIL}</a>.</p>'
        ),
        heading("Datenquellen"),
        paragraph(
            "<p>Das Kommunenverzeichnis beruht auf dem amtlichen Gemeindeverzeichnis:</p>",
            f"<p>{MUNICIPALITY_ATTRIBUTION}</p>",
        ),
        heading("Beiträge von Nutzerinnen und Nutzern"),
        paragraph(
            "<p>Fragen, Antworten, Lösungsprofile und andere Beiträge angemeldeter Personen "
            "geben deren Sicht wieder. Hinweise auf rechtswidrige Inhalte nimmt der Anbieter "
            "unter der oben genannten Adresse entgegen und entfernt solche Inhalte, sobald er "
            "davon erfährt.</p>"
        ),
        heading("Freie Software"),
        paragraph(
            "<p>IKONE ist freie Software unter der European Union Public Licence "
            '(<a href="https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12">'
            "EUPL-1.2</a>).</p>"
        ),
    ]


# --- Datenschutz ---------------------------------------------------------------------


def privacy_body(page_ids: dict[str, int]) -> list[RawBlock]:
    return [
        heading("Verantwortliche Stelle"),
        paragraph(
            "<p>Verantwortlich für die Verarbeitung personenbezogener Daten auf dieser "
            "Plattform ist der im Impressum genannte Anbieter.</p>"
        ),
        facts(
            "",
            [
                (
                    "Verantwortlicher",
                    _example("Musterbetreiber der Plattform IKONE, siehe Impressum"),
                ),
                ("Datenschutzbeauftragte Person", _example("datenschutz@example.org")),
            ],
        ),
        heading("Grundsätze"),
        paragraph(
            "<ul>"
            "<li>Die Plattform verarbeitet nur die Daten, die sie für ihre Aufgaben braucht.</li>"
            "<li>Es gibt keine Analyse- oder Tracking-Werkzeuge und keine Werbung.</li>"
            "<li>Schriften, Skripte und Gestaltungsdateien liefert die Plattform selbst aus. "
            "Beim Aufruf einer Seite stellt Ihr Browser keine Verbindung zu Dritten her.</li>"
            "</ul>"
        ),
        heading("Aufruf der Seiten und Server-Protokolle"),
        paragraph(
            "<p>Beim Aufruf einer Seite verarbeitet der Server technisch notwendig: "
            "IP-Adresse, Datum und Uhrzeit, aufgerufene Adresse, Statuscode, übertragene "
            "Datenmenge, die zuvor besuchte Seite (Referrer) und die Kennung Ihres Browsers. "
            "Zweck ist der sichere Betrieb der Plattform; Rechtsgrundlage ist Art. 6 Abs. 1 "
            "Buchst. e DSGVO (öffentliche Stellen) bzw. Buchst. f DSGVO (berechtigtes "
            "Interesse am sicheren Betrieb). Um Anmeldeversuche und Formulare vor Missbrauch "
            "zu schützen, merkt sich die Plattform die IP-Adresse für wenige Minuten.</p>"
        ),
        facts(
            "",
            [("Speicherdauer der Server-Protokolle", _example("7 Tage"))],
        ),
        heading("Benutzerkonto"),
        paragraph(
            "<p>Für ein Konto speichert die Plattform Ihre E-Mail-Adresse, Ihr Passwort "
            "(nur als kryptografischen Hashwert), Ihren Namen sowie – freiwillig – Funktion "
            "und Telefonnummer, dazu Ihre Organisationen und Rollen. Wer die "
            "Zwei-Faktor-Anmeldung nutzt, hinterlegt den geheimen Schlüssel der "
            "Authenticator-App und Wiederherstellungscodes. Name und Funktion können anderen "
            "angemeldeten Personen bei Ihrer Organisation angezeigt werden. Rechtsgrundlage "
            "ist Art. 6 Abs. 1 Buchst. b DSGVO (Nutzung der Plattform); die Daten bleiben "
            "gespeichert, bis Sie Ihr Konto löschen.</p>",
            "<p>Inhalte, die Sie auf der Plattform anlegen – Fragen und Antworten, "
            "Bewerbungsentwürfe, Anmeldungen zu Veranstaltungen, Anfragen –, werden mit Ihrem "
            "Konto gespeichert und nur den Personen gezeigt, für die sie bestimmt sind. "
            "Sicherheitsrelevante Aktionen protokolliert die Plattform, um Missbrauch "
            "nachvollziehen zu können.</p>",
        ),
        heading("E-Mails und Kontaktanfragen"),
        paragraph(
            "<p>Die Plattform schickt E-Mails, die zu ihren Funktionen gehören: Bestätigung "
            "der E-Mail-Adresse, Zurücksetzen des Passworts, Einladungen, Erinnerungen an "
            "Veranstaltungen und Benachrichtigungen zu Ihren Anfragen. Wenn Sie das "
            "Kontaktformular nutzen, verarbeitet die Netzwerkkoordination Ihren Namen, Ihre "
            "E-Mail-Adresse und Ihre Nachricht, um Ihnen zu antworten.</p>"
        ),
        heading("Cookies"),
        paragraph(
            "<p>Die Plattform setzt nur technisch notwendige Cookies. Dafür ist keine "
            "Einwilligung nötig (§ 25 Abs. 2 Nr. 2 TDDDG).</p>"
        ),
        facts(
            "",
            [
                ("sessionid", "Hält Sie angemeldet; gilt höchstens zwei Wochen."),
                (
                    "csrftoken",
                    "Schützt Formulare vor untergeschobenen Anfragen (Cross-Site Request "
                    "Forgery); gilt ein Jahr.",
                ),
                ("django_language", "Merkt sich die gewählte Sprache bis zum Ende der Sitzung."),
            ],
        ),
        heading("Empfänger"),
        paragraph(
            "<p>Der Anbieter gibt Ihre Daten nicht an Dritte weiter. Technische Dienstleister "
            "wie ein Rechenzentrum oder ein E-Mail-Dienst verarbeiten sie nur in seinem "
            "Auftrag und nach seinen Weisungen (Art. 28 DSGVO).</p>"
        ),
        heading("Ihre Rechte"),
        paragraph(
            "<p>Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), "
            "Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), "
            "Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21); über Berichtigungen, "
            "Löschungen und Einschränkungen informiert der Anbieter die Empfänger (Art. 19). "
            "Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren "
            "(Art. 77 DSGVO).</p>",
            "<p>Vieles davon erledigen Sie selbst unter „Mein Konto“ (/konto/): Angaben "
            "berichtigen, Ihre Daten in einem maschinenlesbaren Format herunterladen und Ihr "
            "Konto löschen. Für alles andere wenden Sie sich an die oben genannte Stelle.</p>",
        ),
        cards(
            "",
            [
                Card(
                    "Mein Konto",
                    "Angaben ändern, Daten herunterladen, Konto löschen.",
                    area="accounts:profile",
                ),
            ],
            page_ids,
        ),
    ]


# --- Barrierefreiheit -------------------------------------------------------------------


def accessibility_body(page_ids: dict[str, int]) -> list[RawBlock]:
    return [
        paragraph(
            "<p>Der Anbieter ist bemüht, die Plattform IKONE barrierefrei zugänglich zu "
            "machen. Maßstab sind die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) "
            "und die Web Content Accessibility Guidelines (WCAG) 2.1 in der Stufe AA. Diese "
            "Erklärung gilt für die öffentlichen Seiten und die Bereiche für angemeldete "
            "Personen.</p>"
        ),
        heading("Stand der Vereinbarkeit"),
        paragraph(
            "<p>Diese Plattform ist mit den Anforderungen der BITV 2.0 <strong>teilweise "
            "vereinbar</strong>. Die Einschätzung beruht auf einer Selbstbewertung: Die "
            "Seiten verwenden das Designsystem KERN der öffentlichen Verwaltung und werden "
            "bei jeder Änderung automatisch mit axe-core geprüft. Eine vollständige Prüfung "
            "durch eine unabhängige Stelle steht noch aus.</p>"
        ),
        heading("Nicht barrierefreie Inhalte"),
        paragraph(
            "<ul>"
            "<li>Dokumente, die Nutzerinnen, Nutzer oder die Redaktion hochladen (zum Beispiel "
            "PDF-Dateien), sind möglicherweise nicht barrierefrei.</li>"
            "<li>Die redaktionellen Inhalte gibt es nur auf Deutsch; die englische Fassung "
            "übersetzt die Bedienoberfläche.</li>"
            "<li>Die Redaktionsoberfläche unter /cms/ beruht auf dem Content-Management-System "
            "Wagtail und wurde nicht eigens geprüft.</li>"
            "</ul>"
        ),
        facts(
            "Erstellung dieser Erklärung",
            [("Stand", _example("Datum der letzten Prüfung"))],
        ),
        heading("Barrieren melden"),
        paragraph(
            "<p>Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in einer "
            "zugänglichen Form? Schreiben Sie uns; wir antworten so schnell wie möglich.</p>"
        ),
        facts(
            "",
            [("E-Mail", _example("barrierefreiheit@example.org"))],
        ),
        heading("Schlichtungsverfahren"),
        paragraph(
            "<p>Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten, können "
            "Sie sich an die Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz "
            "(BGG) wenden. Sie hilft, Streit zwischen Menschen mit Behinderungen und "
            "öffentlichen Stellen des Bundes außergerichtlich beizulegen. Das Verfahren ist "
            "kostenlos; Sie brauchen keinen Rechtsbeistand.</p>",
            "<p>Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem "
            "Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen, "
            "Mauerstraße 53, 10117 Berlin, E-Mail "
            '<a href="mailto:info@schlichtungsstelle-bgg.de">info@schlichtungsstelle-bgg.de</a>, '
            '<a href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</a>. '
            "Für Stellen des Landes und der Kommunen kann eine Schlichtungs- oder "
            "Durchsetzungsstelle des Landes zuständig sein "
            f"({EXAMPLE}: der Betreiber ergänzt die für ihn zuständige Stelle).</p>",
        ),
    ]


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
