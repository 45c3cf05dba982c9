"""Impressum, Datenschutz and Erklärung zur Barrierefreiheit. What the
platform processes is described as it is; the operator's details are not
known to the demo and are marked as examples."""

from ikone.knowledge.demo.blocks import Card, RawBlock, cards, facts, heading, paragraph
from ikone.knowledge.demo.content.common import EXAMPLE, NETWORK_EMAIL, example

MUNICIPALITY_ATTRIBUTION = (
    "Datenquelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem "
    "GV-ISys (GV100AD, Gebietsstand 30.11.2025; Gemeindeverzeichnis-Auszug, Gebietsstand "
    "31.12.2024), © Statistisches Bundesamt (Destatis), 2025, im Auftrag der "
    "Herausgebergemeinschaft Statistische Ämter des Bundes und der Länder; "
    "Datenlizenz Deutschland – Namensnennung – Version 2.0 "
    '(<a href="https://www.govdata.de/dl-de/by-2-0">https://www.govdata.de/dl-de/by-2-0</a>). '
    "Daten umformatiert und um abgeleitete Spalten ergänzt."
)


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
                ("Name", example("Musterbetreiber der Plattform IKONE")),
                ("Anschrift", example("Musterstraße 1\n00000 Musterstadt")),
                ("Vertreten durch", example("Vorname Nachname, Funktion")),
                ("E-Mail", example("kontakt@example.org")),
                ("Telefon", example("+49 000 0000000")),
                (
                    "Register, Umsatzsteuer-ID, Aufsicht",
                    example(
                        "Registergericht und -nummer, Umsatzsteuer-Identifikationsnummer und "
                        "zuständige Aufsichtsbehörde, soweit vorhanden"
                    ),
                ),
            ],
        ),
        facts(
            "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
            [("Name und Anschrift", example("Vorname Nachname, Anschrift wie oben"))],
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
                    example("Musterbetreiber der Plattform IKONE, siehe Impressum"),
                ),
                ("Datenschutzbeauftragte Person", example("datenschutz@example.org")),
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
            [("Speicherdauer der Server-Protokolle", example("7 Tage"))],
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
            [("Stand", example("Datum der letzten Prüfung"))],
        ),
        heading("Barrieren melden"),
        paragraph(
            "<p>Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in einer "
            "zugänglichen Form? Schreiben Sie uns; wir antworten so schnell wie möglich.</p>"
        ),
        facts(
            "",
            [("E-Mail", example("barrierefreiheit@example.org"))],
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
