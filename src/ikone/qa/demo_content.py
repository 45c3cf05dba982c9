"""The demo questions and answers (content only; `demo.py` writes them).

Questions are phrased as Rhineland-Palatinate demo organisations might have
asked them. Answers paraphrase facts from `calls/data/calls.yaml` (the 2021
round, with its sources) and, for the example call ("Beispielaufruf"), the
invented but clearly labelled text of that call. Where the data says a fact
is unknown, the answers say so instead of guessing.

Authors: an organisation key of `ikone.accounts.demo` ("kaiserslautern",
"mainz", …; "+" marks its Ansprechperson, otherwise its staff member), or
"mentorin", "mentor", "koordination".
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROUND_2021 = "mpsc-2021"
EXAMPLE = "beispielaufruf-smarte-region"


@dataclass(frozen=True)
class DemoAnswer:
    author: str
    text: str
    sections: tuple[str, ...] = ()
    hours_after: float = 24
    official: bool = False


@dataclass(frozen=True)
class DemoFAQ:
    title: str
    answer: str
    section: str | None
    question_text: str = ""


@dataclass(frozen=True)
class DemoQuestion:
    call: str
    asker: str
    title: str
    text: str
    sections: tuple[str, ...] = ()
    visibility: str = "public"
    show_organization: bool = False
    fields: tuple[str, ...] = ()
    days_before_deadline: int = 30
    answers: tuple[DemoAnswer, ...] = ()
    faq: DemoFAQ | None = None
    # The answer was written against version 1 of the call and cites the
    # sections of that version; the demo flags it for the amendment.
    against_version_1: bool = False
    followers: tuple[str, ...] = field(default=())


A = DemoAnswer
R, E = ROUND_2021, EXAMPLE

QUESTIONS: tuple[DemoQuestion, ...] = (
    # --- 2021 round: money --------------------------------------------------------
    DemoQuestion(
        R,
        "linz+",
        "Wie hoch ist unser Eigenanteil, wenn wir keinen Haushaltsausgleich haben?",
        "Unser Haushalt ist nicht ausgeglichen. Reicht das für den höheren Fördersatz, "
        "und wie weisen wir das nach?",
        ("3.1", "3.2"),
        show_organization=True,
        days_before_deadline=40,
        answers=(
            A(
                "mentorin",
                "Regulär fördert der Bund 65 % der förderfähigen Ausgaben, der Eigenanteil "
                "liegt also bei 35 %. Kommunen in einer Haushaltsnotlage erhalten bis zu 90 %; "
                "der Eigenanteil sinkt dann auf 10 %.\n\n"
                "Ein unausgeglichener Haushalt allein ist noch keine Haushaltsnotlage. "
                "Berichtet wird, dass eine Bestätigung des Landesinnenministeriums (Kiel) oder "
                "eine laufende Haushaltssicherung (Cottbus) für die 10 % genügte. Klären Sie "
                "früh mit Ihrer Kommunalaufsicht, welche Bestätigung sie ausstellen kann.",
                ("3.1", "3.2"),
                hours_after=20,
                official=True,
            ),
            A(
                "kaiserslautern",
                "Wir haben die Frage damals direkt bei der Kommunalaufsicht geklärt; das "
                "ging schneller als gedacht.",
                hours_after=50,
            ),
        ),
        faq=DemoFAQ(
            "Wann gilt der Fördersatz von 90 % statt 65 %?",
            "Regulär werden 65 % der förderfähigen Ausgaben gefördert (Eigenanteil 35 %). "
            "Kommunen in einer Haushaltsnotlage erhalten bis zu 90 % (Eigenanteil 10 %).\n\n"
            "Ein unausgeglichener Haushalt allein reicht nicht. Aus geförderten Kommunen wird "
            "berichtet, dass eine Bestätigung des Landesinnenministeriums oder eine laufende "
            "Haushaltssicherung genügte. Stimmen Sie den Nachweis früh mit der "
            "Kommunalaufsicht ab.",
            "3.2",
        ),
    ),
    DemoQuestion(
        R,
        "mayen-koblenz+",
        "Darf das Land den Eigenanteil mitfinanzieren?",
        "Unser Land hat Interesse signalisiert, Smart-City-Vorhaben zu unterstützen. Dürfen "
        "Landesmittel auf den Bundeszuschuss obendrauf kommen?",
        ("3.1",),
        days_before_deadline=35,
        answers=(
            A(
                "mentor",
                "Ja, das ist möglich: Ein Land kann zusätzlich eigene Mittel geben. Sachsen "
                "hat zum Beispiel Brandis und die Partheland-Kommunen auf insgesamt 82,5 % "
                "Förderung angehoben. Den genauen Weg (Zuwendung des Landes an die Kommune) "
                "regelt das jeweilige Land.",
                ("3.2",),
                hours_after=6,
                official=True,
            ),
        ),
        faq=DemoFAQ(
            "Dürfen Landesmittel den Eigenanteil senken?",
            "Ja. Ein Land kann zusätzlich eigene Mittel geben; in Sachsen stieg die Förderung "
            "für Brandis und das Partheland so auf insgesamt 82,5 %. Wie die Landesmittel "
            "beantragt werden, regelt das jeweilige Land.",
            "3.2",
        ),
    ),
    DemoQuestion(
        R,
        "bitburg-pruem",
        "Gelten 2,5 und 15 Millionen Euro als Zuschuss oder als förderfähige Ausgaben?",
        "In den Unterlagen steht mal „Zuschuss bis zu“, mal „Ausgaben bis zu“. Was ist die "
        "Obergrenze für unsere Kalkulation?",
        ("3.3",),
        show_organization=True,
        days_before_deadline=33,
        answers=(
            A(
                "mentorin",
                "Die Quellen lesen die Beträge überwiegend als Obergrenzen der förderfähigen "
                "Ausgaben: 2,5 Millionen Euro für Phase A und 15 Millionen Euro für Phase B, "
                "zusammen also höchstens 17,5 Millionen Euro je Projekt. Bei 65 % ergibt das "
                "höchstens rund 11,4 Millionen Euro Zuschuss, bei 90 % bis zu 15,75 Millionen.\n\n"
                "Maßgeblich ist das Merkblatt der jeweiligen Staffel – prüfen Sie es vor der "
                "Kalkulation.",
                ("3.3",),
                hours_after=30,
                official=True,
            ),
            A(
                "mayen-koblenz",
                "Bei uns lief es genau so: 17,5 Millionen Euro Gesamtvolumen, davon 11,4 "
                "Millionen Euro vom Bund.",
                hours_after=72,
            ),
        ),
        faq=DemoFAQ(
            "Sind die 2,5 und 15 Millionen Euro Zuschuss oder förderfähige Ausgaben?",
            "Als Arbeitsgrundlage gelten die Beträge als Obergrenzen der förderfähigen "
            "Ausgaben: 2,5 Millionen Euro in Phase A, 15 Millionen Euro in Phase B, zusammen "
            "17,5 Millionen Euro. Der Zuschuss beträgt davon 65 % (bis 90 % bei "
            "Haushaltsnotlage). Verbindlich ist das Merkblatt der Staffel.",
            "3.3",
        ),
    ),
    DemoQuestion(
        R,
        "kusel+",
        "Gibt es je Größenklasse unterschiedliche Höchstbeträge?",
        "Wir sind ein Landkreis. Bekommen Kooperationen und Landkreise weniger als Großstädte?",
        ("2.2", "3.3"),
        days_before_deadline=28,
        answers=(
            A(
                "mentor",
                "Nein. Grenzen je Größenklasse wurden in keiner Quelle gefunden; die "
                "Obergrenzen je Phase gelten für alle Gruppen. Die Größenklassen dienen dem "
                "Vergleich in der Auswahl.",
                ("2.2", "3.3"),
                hours_after=12,
            ),
        ),
    ),
    DemoQuestion(
        R,
        "mainz",
        "Wer wickelt die Förderung ab – Ministerium oder KfW?",
        "Wohin schicken wir nach der Auswahl den Antrag?",
        ("3",),
        days_before_deadline=25,
        answers=(
            A(
                "koordination",
                "Die Jury wählt aus; danach stellen die ausgewählten Kommunen ihren "
                "Zuschussantrag bei der KfW (Programm 436). Dazu gehörten 2021 der "
                "gesiegelte, im Original unterschriebene Zuschussantrag (Formular 600 000 4464), "
                "die Kostenschätzung nach dem Kosten- und Finanzierungsplan der Bewerbung und "
                "ein Legitimationsnachweis der Vertretungsberechtigten, sofern er sich nicht "
                "schon aus der Gemeindeordnung ergibt.",
                ("3",),
                hours_after=4,
                official=True,
            ),
        ),
        faq=DemoFAQ(
            "Wo wird nach der Auswahl der Zuschuss beantragt?",
            "Bei der KfW (Programm 436). Einzureichen waren 2021 der gesiegelte Zuschussantrag "
            "(Formular 600 000 4464), die Kostenschätzung aus dem Kosten- und "
            "Finanzierungsplan der Bewerbung und, falls nötig, ein Legitimationsnachweis der "
            "Vertretungsberechtigten.",
            "3",
        ),
    ),
    # --- 2021 round: who may apply ---------------------------------------------------------
    DemoQuestion(
        R,
        "kusel",
        "Kann sich ein Landkreis allein bewerben?",
        "Wir überlegen, ob der Landkreis federführend ohne Gemeinden antritt.",
        ("2", "2.1"),
        visibility="network",
        days_before_deadline=45,
        answers=(
            A(
                "mentorin",
                "Antragsberechtigt ist der Landkreis. Der Aufruf bittet Landkreise aber, sich "
                "möglichst gemeinsam mit Gemeinden zu bewerben, weil Stadtentwicklung vor "
                "allem Aufgabe der Gemeinden ist. Eine Kooperation mit kreisangehörigen "
                "Gemeinden stärkt die Bewerbung.",
                ("2.1",),
                hours_after=10,
                official=True,
            ),
            A(
                "kaiserslautern+",
                "Gern berichten wir im Netzwerk, wie wir die Zusammenarbeit mit dem Umland "
                "angebahnt haben.",
                hours_after=30,
            ),
        ),
        faq=DemoFAQ(
            "Können sich Landkreise allein bewerben?",
            "Landkreise sind antragsberechtigt. Sie sollen sich aber möglichst gemeinsam mit "
            "Gemeinden bewerben, weil Stadtentwicklung vor allem Aufgabe der Gemeinden ist.",
            "2.1",
        ),
    ),
    DemoQuestion(
        R,
        "mayen-koblenz",
        "Dürfen wir uns an zwei Bewerbungen beteiligen?",
        "Eine Gemeinde unseres Kreises ist schon in einer Kooperation mit einer Nachbarstadt. "
        "Darf sie zusätzlich in unserer Kreisbewerbung mitmachen?",
        ("2",),
        days_before_deadline=38,
        answers=(
            A(
                "mentor",
                "Nein. Jede antragsberechtigte Stelle darf je Aufruf nur eine Bewerbung "
                "einreichen oder sich an nur einer beteiligen. Die Gemeinde muss sich für eine "
                "der beiden Kooperationen entscheiden.",
                ("2",),
                hours_after=3,
                official=True,
            ),
        ),
        faq=DemoFAQ(
            "Darf eine Kommune an mehreren Bewerbungen teilnehmen?",
            "Nein. Jede antragsberechtigte Stelle darf je Aufruf nur eine Bewerbung einreichen "
            "oder sich an genau einer beteiligen.",
            "2",
        ),
    ),
    DemoQuestion(
        R,
        "linz",
        "Wer reicht bei einer Kooperation die Bewerbung ein?",
        "Wir wollen mit zwei Ortsgemeinden zusammen antreten.",
        ("2.1",),
        days_before_deadline=30,
        answers=(
            A(
                "koordination",
                "Eine federführende Gebietskörperschaft reicht die Bewerbung für die "
                "Kooperation ein. Im Ratsbeschluss nennt sie ihre Partner; Lübeck hat "
                "zum Beispiel beschlossen, dass die Partner von den Ergebnissen profitieren "
                "und sich anschließen können.",
                ("2.1", "5.2"),
                hours_after=26,
            ),
        ),
    ),
    DemoQuestion(
        R,
        "mainz+",
        "Zählt für die Größenklasse die Einwohnerzahl der Stadt oder der Kooperation?",
        "Wir sind eine Großstadt, überlegen aber eine Kooperation mit dem Umland.",
        ("2.2",),
        days_before_deadline=20,
        answers=(
            A(
                "mentorin",
                "Die Bewerbungen werden in vier Gruppen verglichen: Großstädte (über 100.000 "
                "Einwohnerinnen und Einwohner), Mittelstädte (20.000 bis 100.000), Kleinstädte "
                "und Landgemeinden (unter 20.000) sowie interkommunale Kooperationen und "
                "Landkreise. Eine Kooperation läuft in der vierten Gruppe.",
                ("2.2",),
                hours_after=40,
            ),
        ),
    ),
    # --- 2021 round: phases ------------------------------------------------------------
    DemoQuestion(
        R,
        "kaiserslautern",
        "Wie lange dauert die Strategiephase in der dritten Staffel?",
        "In den früheren Staffeln waren es zwei Jahre. Gilt das noch?",
        ("4", "4.1"),
        show_organization=True,
        days_before_deadline=50,
        answers=(
            A(
                "mentor",
                "Nein, in der dritten Staffel ist die Strategiephase kürzer: 1 Jahr "
                "(12 Monate). Die Umsetzungsphase dauert bis zu 4 Jahre, zusammen also "
                "5 Jahre. In den Staffeln 2019 und 2020 waren es etwa 2 Jahre Strategie und "
                "bis zu 5 Jahre Umsetzung.",
                ("4.1", "4.2"),
                hours_after=2,
                official=True,
            ),
        ),
        faq=DemoFAQ(
            "Wie lang sind Strategie- und Umsetzungsphase?",
            "In der dritten Staffel dauert die Strategiephase 12 Monate, die Umsetzungsphase "
            "bis zu 4 Jahre (zusammen 5 Jahre). Die Staffeln 2019 und 2020 sahen etwa 2 Jahre "
            "Strategie und bis zu 5 Jahre Umsetzung vor.",
            "4",
        ),
    ),
    DemoQuestion(
        R,
        "bitburg-pruem+",
        "Können wir mit unserer Digitalstrategie direkt in Phase B einsteigen?",
        "Wir haben 2019 eine Digitalstrategie beschlossen.",
        ("4.3",),
        visibility="network",
        show_organization=True,
        days_before_deadline=42,
        answers=(
            A(
                "mentorin",
                "Ja, wenn die Strategie den Anforderungen des Aufrufs entspricht: "
                "integriert, sektorübergreifend, mit Raumbezug und im Sinne der Smart City "
                "Charta. Sie reichen die Strategie mit der Bewerbung ein; bei Auswahl gehört "
                "sie auch zum Zuschussantrag bei der KfW. Eine reine IT-Strategie der "
                "Verwaltung dürfte dafür nicht genügen.",
                ("4.3", "1.1"),
                hours_after=18,
                official=True,
            ),
        ),
        faq=DemoFAQ(
            "Wann ist ein Direkteinstieg in Phase B möglich?",
            "Wenn die Kommune bereits eine Smart-City-Strategie hat, die den Anforderungen des "
            "Aufrufs entspricht (integriert, sektorübergreifend, mit Raumbezug, im Sinne der "
            "Smart City Charta). Die Strategie wird mit der Bewerbung eingereicht. Von den 73 "
            "Modellprojekten aller Staffeln stiegen 12 direkt in Phase B ein.",
            "4.3",
        ),
    ),
    DemoQuestion(
        R,
        "linz+",
        "Wird die Laufzeit der dritten Staffel verlängert?",
        "Wir hören von Verzögerungen in anderen Modellprojekten.",
        ("4",),
        days_before_deadline=-1376,
        answers=(
            A(
                "koordination",
                "Im Dezember 2024 haben KfW und Bundesbauministerium den Projekten der dritten "
                "Staffel eine kostenneutrale Verlängerung bis zum 31. März 2028 angeboten. "
                "Dafür war eine Erklärung bis 31. Dezember 2024 und ein Antrag mit verbindlichem "
                "Mittelabrufplan bis 31. Januar 2025 nötig.",
                ("4",),
                hours_after=8,
            ),
        ),
    ),
    # --- 2021 round: application -----------------------------------------------------------
    DemoQuestion(
        R,
        "mayen-koblenz",
        "Bis wann muss der Ratsbeschluss vorliegen?",
        "Unser Kreistag tagt erst nach der Einreichungsfrist.",
        ("5.1", "5.2"),
        days_before_deadline=24,
        answers=(
            A(
                "mentor",
                "Die Bewerbung war bis 14. März 2021, 24:00 Uhr, einzureichen. Ratsbeschlüsse "
                "oder Eilentscheidungen konnten bis 14. April 2021, 24:00 Uhr, nachgeladen "
                "werden. Sie können also zunächst mit einer Eilentscheidung arbeiten.",
                ("5.1", "5.2"),
                hours_after=5,
                official=True,
            ),
            A(
                "kaiserslautern+",
                "Tipp aus unserer Erfahrung: Den Beschlusstext früh mit dem Rechtsamt "
                "abstimmen, dann geht die Eilentscheidung schnell.",
                hours_after=30,
            ),
        ),
        faq=DemoFAQ(
            "Bis wann muss der Ratsbeschluss eingereicht werden?",
            "Bewerbungen waren bis 14. März 2021, 24:00 Uhr, einzureichen; Ratsbeschlüsse oder "
            "Eilentscheidungen konnten bis 14. April 2021, 24:00 Uhr, nachgereicht werden.",
            "5.2",
        ),
    ),
    DemoQuestion(
        R,
        "kusel",
        "Was muss inhaltlich im Ratsbeschluss stehen?",
        "Gibt es eine Mustervorlage?",
        ("5.2",),
        visibility="network",
        days_before_deadline=32,
        answers=(
            A(
                "mentorin",
                "Eine amtliche Mustervorlage kennen wir nicht. Aus Beschlüssen geförderter "
                "Kommunen (Grevesmühlen, Lübeck, Kiel) ergeben sich diese Punkte:\n\n"
                "- das Modellprojekt wird mit der Öffentlichkeit in einem Beteiligungsprozess "
                "entwickelt,\n"
                "- es folgt einem strategischen Ansatz im Sinne der Smart City Charta,\n"
                "- Smart City wird ressortübergreifend verstanden, nicht als Fachprojekt,\n"
                "- der Eigenanteil ist bekannt und wird bereitgestellt,\n"
                "- die Kommune will als Modell für und mit anderen Kommunen lernen.",
                ("5.2",),
                hours_after=22,
                official=True,
            ),
        ),
        faq=DemoFAQ(
            "Was gehört in den Ratsbeschluss?",
            "Eine amtliche Vorlage ist nicht bekannt. Beschlüsse geförderter Kommunen "
            "enthielten: Beteiligung der Öffentlichkeit, strategischer Ansatz im Sinne der "
            "Smart City Charta, ressortübergreifendes Verständnis, Zusage des Eigenanteils und "
            "die Bereitschaft, als Modell für andere Kommunen zu lernen.",
            "5.2",
        ),
    ),
    DemoQuestion(
        R,
        "mainz",
        "Brauchen wir Absichtserklärungen (Letters of Intent) unserer Partner?",
        "Stadtwerke und Hochschule wollen mitmachen.",
        ("5",),
        days_before_deadline=18,
        answers=(
            A(
                "mentor",
                "Eine Quelle, die Absichtserklärungen zur Pflicht macht, haben wir nicht "
                "gefunden. Verlangt ist eine Darstellung der wichtigsten Partner, der "
                "Ausgangslage, der beteiligten Akteure und der gemeinsamen Zielrichtung. "
                "Kurze Erklärungen der Partner können diese Darstellung stützen.",
                ("5",),
                hours_after=14,
            ),
        ),
    ),
    DemoQuestion(
        R,
        "bitburg-pruem",
        "Bis wann konnten Fragen zum Aufruf gestellt werden?",
        "",
        ("5.1",),
        days_before_deadline=12,
        answers=(
            A(
                "koordination",
                "Fragen waren bis 4. März 2021 möglich. Am 12. Februar 2021 gab es eine "
                "Informationsveranstaltung.",
                ("5.1",),
                hours_after=1.5,
            ),
        ),
    ),
    DemoQuestion(
        R,
        "kaiserslautern+",
        "Welche Unterlagen gehören zur Bewerbung?",
        "Wir stellen gerade die Checkliste für die Verwaltung zusammen.",
        ("5",),
        visibility="mentors",
        days_before_deadline=47,
        answers=(
            A(
                "mentorin",
                "Für 2021 waren das: das Online-Formular mit seinen Fragen, der Ratsbeschluss "
                "(Bereitschaft zur Umsetzung im Sinne der Smart City Charta und zur "
                "Finanzierung des Eigenanteils), eine Darstellung der Partner, Ausgangslage, "
                "Akteure und Ziele, der Projektplan mit Kosten- und Finanzierungsplan und – "
                "falls vorhanden – eine bestehende Smart-City-Strategie für den Direkteinstieg "
                "in Phase B.",
                ("5", "5.2"),
                hours_after=9,
            ),
        ),
    ),
    # --- 2021 round: selection and obligations ----------------------------------------
    DemoQuestion(
        R,
        "linz",
        "Nach welchen Kriterien wurde 2021 bewertet?",
        "Wir möchten die Bewerbung an den Kriterien ausrichten.",
        ("6", "6.1"),
        days_before_deadline=27,
        answers=(
            A(
                "mentor",
                "Die vollständige Kriterienliste der dritten Staffel liegt uns nicht vor; sie "
                "steht in der offiziellen Broschüre. Ein Gutachter der Staffeln 2 und 3 nennt "
                "als wichtig: Bezug zur integrierten Stadtentwicklung, Raumbezug, einen "
                "inklusiven Ansatz, Open Source und skalierbare, übertragbare Lösungen. Das "
                "Verfahren: formale Prüfung, zwei Fachgutachten je Bewerbung, Auswahl durch "
                "eine Jury.",
                ("6", "6.1"),
                hours_after=16,
                official=True,
            ),
        ),
        faq=DemoFAQ(
            "Wie wurden die Bewerbungen 2021 ausgewählt?",
            "In drei Stufen: formale Prüfung, Bewertung durch zwei Fachgutachterinnen oder "
            "Fachgutachter, Auswahl durch eine Jury. Die vollständige Kriterienliste steht in "
            "der offiziellen Broschüre; als wichtig gelten integrierte Stadtentwicklung, "
            "Raumbezug, ein inklusiver Ansatz, Open Source und übertragbare Lösungen.",
            "6",
        ),
    ),
    DemoQuestion(
        R,
        "mayen-koblenz+",
        "Müssen wir geförderte Software als Open Source veröffentlichen?",
        "Unser Dienstleister möchte die Rechte an der App behalten.",
        ("7",),
        show_organization=True,
        fields=("data_digital_infrastructure",),
        days_before_deadline=22,
        answers=(
            A(
                "mentorin",
                "Ja. Geförderte Kommunen stellen geförderte Software als Open Source bereit "
                "(„Public Money – Public Code“); vorgesehen ist die Plattform OpenCoDE.de. "
                "Das sollte schon in der Ausschreibung stehen, damit der Dienstleister es "
                "einpreist.",
                ("7",),
                hours_after=7,
                official=True,
            ),
        ),
        faq=DemoFAQ(
            "Muss geförderte Software Open Source sein?",
            "Ja. Geförderte Software wird als Open Source bereitgestellt („Public Money – "
            "Public Code“), vorgesehen ist OpenCoDE.de. Nehmen Sie die Pflicht in Ihre "
            "Ausschreibungen auf.",
            "7",
        ),
    ),
    DemoQuestion(
        R,
        "kusel+",
        "Wie viele Bewerbungen gab es 2021?",
        "Wir wollen im Kreistag die Chancen einschätzen.",
        ("8",),
        days_before_deadline=-120,
        answers=(
            A(
                "koordination",
                "94 Bewerbungen, 28 ausgewählte Modellprojekte: 12 Großstädte, 6 Mittelstädte, "
                "2 Kleinstädte und Landgemeinden, 8 Kooperationen und Landkreise.",
                ("8",),
                hours_after=3,
            ),
        ),
    ),
    DemoQuestion(
        R,
        "mainz+",
        "Welches Motto hat die dritte Staffel?",
        "",
        ("1",),
        days_before_deadline=55,
        answers=(
            A(
                "mentor",
                "„Gemeinsam aus der Krise: Raum für Zukunft“. Es geht um die Aufgaben nach der "
                "Pandemie: Städte, ländliche Räume und den Zusammenhalt stärken und neu "
                "gestalten, digitale Räume als neue Dimension einbeziehen – ohne Klimaschutz "
                "und Lebensqualität aus dem Blick zu verlieren.",
                ("1", "1.1"),
                hours_after=28,
            ),
        ),
    ),
    DemoQuestion(
        R,
        "bitburg-pruem",
        "Müssen es mindestens drei Handlungsfelder sein?",
        "Unser Schwerpunkt ist Mobilität im ländlichen Raum.",
        ("1.1",),
        visibility="network",
        fields=("mobility",),
        days_before_deadline=15,
    ),
    # --- Example call (Beispiel) ------------------------------------------------------
    DemoQuestion(
        E,
        "kaiserslautern",
        "Zählt unsere vorhandene Digitalisierungsstelle zum Eigenanteil?",
        "Die Stelle gibt es seit zwei Jahren. Sie würde das Projekt zur Hälfte betreuen.",
        ("3.2",),
        show_organization=True,
        days_before_deadline=30,
        answers=(
            A(
                "mentorin",
                "Nein. Nach Abschnitt 3.2 kann Personal, das die Kommune ohnehin beschäftigt, "
                "nicht als Eigenanteil angerechnet werden. Förderfähig ist nach 3.4 nur "
                "Personal, das für das Vorhaben neu eingestellt oder aufgestockt wird.",
                ("3.2", "3.4"),
                hours_after=5,
                official=True,
            ),
        ),
        faq=DemoFAQ(
            "Zählt vorhandenes Personal zum Eigenanteil?",
            "Nein. Personal, das die Kommune ohnehin beschäftigt, wird nicht als Eigenanteil "
            "angerechnet (Abschnitt 3.2). Förderfähig ist neu eingestelltes oder aufgestocktes "
            "Personal (Abschnitt 3.4).",
            "3.2",
        ),
    ),
    DemoQuestion(
        E,
        "mainz",
        "Können Stadtwerke den Eigenanteil übernehmen?",
        "Unsere Stadtwerke würden sich an der Datenplattform beteiligen.",
        ("3.2",),
        days_before_deadline=28,
        answers=(
            A(
                "mentor",
                "Ja, Beiträge Dritter wie Stadtwerke, Stiftungen oder Unternehmen sind als "
                "Eigenanteil möglich (3.2). Andere Bundesmittel dagegen nicht. Der Beitrag "
                "gehört in den Kosten- und Finanzierungsplan.",
                ("3.2", "5.3"),
                hours_after=12,
                official=True,
            ),
            A(
                "bitburg-pruem+",
                "Wir haben das mit einer schriftlichen Zusage der Stadtwerke belegt.",
                hours_after=40,
            ),
        ),
        faq=DemoFAQ(
            "Dürfen Dritte den Eigenanteil tragen?",
            "Ja. Der Eigenanteil kann aus Haushaltsmitteln, Landesmitteln oder Beiträgen "
            "Dritter wie Stadtwerken, Stiftungen oder Unternehmen bestehen – nicht aber aus "
            "anderen Bundesmitteln.",
            "3.2",
        ),
    ),
    DemoQuestion(
        E,
        "linz",
        "Sind Kosten für ein Beratungsbüro bei der Bewerbung förderfähig?",
        "Wir möchten uns beim Schreiben der Bewerbung unterstützen lassen.",
        ("3.5",),
        days_before_deadline=26,
        answers=(
            A(
                "koordination",
                "Nein, Ausgaben für die Erstellung der Bewerbung sind ausdrücklich nicht "
                "förderfähig (3.5). Beratung im Vorhaben selbst (etwa für die Strategie) ist "
                "dagegen förderfähig (3.4) – aber erst ab dem Förderbescheid.",
                ("3.4", "3.5"),
                hours_after=2,
                official=True,
            ),
        ),
        faq=DemoFAQ(
            "Wird Hilfe beim Schreiben der Bewerbung gefördert?",
            "Nein. Ausgaben für die Bewerbung sind nicht förderfähig (3.5). Beratung im "
            "Vorhaben ist förderfähig (3.4), aber erst ab dem Tag des Förderbescheids.",
            "3.5",
        ),
    ),
    DemoQuestion(
        E,
        "kusel+",
        "Brauchen bei einer Kooperation alle Partner einen eigenen Ratsbeschluss?",
        "Wir sind ein Landkreis mit vier Verbandsgemeinden als Partnern.",
        ("5.2",),
        visibility="network",
        days_before_deadline=21,
        answers=(
            A(
                "mentorin",
                "Ja, nach 5.2 braucht jede beteiligte Kommune einen eigenen Beschluss. Liegt "
                "er bei Fristende noch nicht vor, reicht zunächst eine Eilentscheidung der "
                "Bürgermeisterin oder des Bürgermeisters.",
                ("5.2",),
                hours_after=8,
                official=True,
            ),
        ),
        against_version_1=True,
        faq=DemoFAQ(
            "Brauchen alle Partner einer Kooperation einen Ratsbeschluss?",
            "Ja, jede beteiligte Kommune fasst einen eigenen Beschluss. Liegt er bei Fristende "
            "noch nicht vor, kann zunächst eine Eilentscheidung eingereicht werden.",
            "5.2",
        ),
    ),
    DemoQuestion(
        E,
        "bitburg-pruem",
        "Reicht eine Kooperationsvereinbarung nach der Auswahl?",
        "Die Vereinbarung mit unseren Partnern braucht Zeit.",
        ("2.2",),
        days_before_deadline=20,
        answers=(
            A(
                "mentor",
                "Der Aufruf verlangt eine schriftliche Kooperationsvereinbarung, über die die "
                "federführende Kommune Mittel an die Partner weiterleitet (2.2). Einen "
                "Zeitpunkt nennt der Text nicht. Wir empfehlen, die Eckpunkte (Aufgaben, "
                "Anteil am Eigenanteil, Entscheidungswege, Nutzung der Ergebnisse) schon in "
                "der Bewerbung zu beschreiben.",
                ("2.2",),
                hours_after=20,
            ),
        ),
    ),
    DemoQuestion(
        E,
        "mayen-koblenz",
        "Wie viel dürfen wir in Phase A schon umsetzen?",
        "Wir möchten früh sichtbare Ergebnisse zeigen, etwa Sensoren für Parkplätze.",
        ("4.1",),
        fields=("mobility",),
        days_before_deadline=19,
        answers=(
            A(
                "mentorin",
                "Bis zu 1 Million Euro der höchstens 2,5 Millionen Euro in Phase A dürfen in "
                "erste Umsetzungsmaßnahmen fließen (4.1). Die Maßnahmen sollten zur "
                "entstehenden Strategie passen.",
                ("4.1",),
                hours_after=36,
                official=True,
            ),
        ),
        faq=DemoFAQ(
            "Sind Umsetzungsmaßnahmen schon in Phase A erlaubt?",
            "Ja, bis zu 1 Million Euro der förderfähigen Ausgaben von höchstens 2,5 Millionen "
            "Euro in Phase A (Abschnitt 4.1).",
            "4.1",
        ),
    ),
    DemoQuestion(
        E,
        "mainz+",
        "Wie weisen wir die Haushaltsnotlage nach?",
        "Wir haben ein Haushaltssicherungskonzept.",
        ("3.3",),
        visibility="mentors",
        days_before_deadline=18,
        answers=(
            A(
                "koordination",
                "Mit einer Bestätigung der Kommunalaufsicht, dass die Kommune ein "
                "Haushaltssicherungskonzept aufstellen muss oder vergleichbaren Auflagen "
                "unterliegt (3.3). Seit der geänderten Fassung darf die Bestätigung nicht "
                "älter als sechs Monate sein. Der Nachweis gehört zur Bewerbung.",
                ("3.3",),
                hours_after=4,
            ),
        ),
    ),
    DemoQuestion(
        E,
        "linz+",
        "Dürfen wir eine fertige Software kaufen statt sie entwickeln zu lassen?",
        "Es gibt eine passende Lösung eines Anbieters.",
        ("7.1",),
        fields=("data_digital_infrastructure",),
        days_before_deadline=16,
        answers=(
            A(
                "mentor",
                "Ja. Beim Einkauf verlangt 7.1 offene Standards und offene Schnittstellen. "
                "Was mit Fördermitteln angepasst oder entwickelt wird, muss unter einer freien "
                "Lizenz veröffentlicht werden. Fragen Sie auch im Netzwerk, ob eine andere "
                "Kommune die Lösung schon nutzt.",
                ("7.1",),
                hours_after=10,
            ),
        ),
    ),
    DemoQuestion(
        E,
        "kaiserslautern+",
        "Wird die Umsatzsteuer gefördert?",
        "",
        ("3.5",),
        days_before_deadline=15,
        answers=(
            A(
                "mentorin",
                "Nur, wenn die Kommune nicht vorsteuerabzugsberechtigt ist. Soweit sie die "
                "Vorsteuer abziehen kann, ist die Umsatzsteuer nicht förderfähig (3.5).",
                ("3.5",),
                hours_after=30,
            ),
        ),
    ),
    DemoQuestion(
        E,
        "kusel",
        "Können Fragen auch nach der Frist noch gestellt werden?",
        "",
        ("5.4",),
        days_before_deadline=14,
        answers=(
            A(
                "koordination",
                "Fragen zum Aufruf sind bis zehn Tage vor Fristende möglich (5.4). Die "
                "Antworten werden für alle veröffentlicht.",
                ("5.4",),
                hours_after=1,
            ),
        ),
    ),
    DemoQuestion(
        E,
        "mayen-koblenz+",
        "Wie lang darf die Projektbeschreibung sein?",
        "",
        ("5.1",),
        days_before_deadline=13,
        answers=(
            A(
                "mentor",
                "Höchstens 15 Seiten (5.1).",
                ("5.1",),
                hours_after=48,
            ),
        ),
    ),
    DemoQuestion(
        E,
        "bitburg-pruem+",
        "Zählt ein Zweckverband als Kooperation?",
        "Unser Zweckverband für Breitband würde federführen.",
        ("2", "2.2"),
        visibility="network",
        days_before_deadline=12,
    ),
    DemoQuestion(
        E,
        "mainz",
        "Können wir Hochschulen als Partner bezahlen?",
        "Die Hochschule soll die Evaluation übernehmen.",
        ("2.4", "3.6"),
        fields=("education",),
        days_before_deadline=11,
    ),
    DemoQuestion(
        E,
        "linz",
        "Muss die Bürgerbeteiligung vor der Bewerbung stattfinden?",
        "",
        ("1", "5.2"),
        fields=("participation_inclusion",),
        days_before_deadline=10,
    ),
    DemoQuestion(
        E,
        "kaiserslautern",
        "Dürfen Ortsgemeinden einer Verbandsgemeinde getrennt antreten?",
        "",
        ("2.1", "2.2"),
        visibility="mentors",
        days_before_deadline=9,
    ),
    DemoQuestion(
        E,
        "kusel+",
        "Ist der Betrieb einer Plattform nach Projektende förderfähig?",
        "Wir sorgen uns um die Folgekosten.",
        ("3.5",),
        days_before_deadline=8,
        answers=(
            A(
                "mentorin",
                "Nein, der laufende Betrieb nach Ende des Förderzeitraums wird nicht gefördert "
                "(3.5). Planen Sie die Folgekosten im Haushalt und beschreiben Sie in der "
                "Bewerbung, wie der Betrieb weitergeht.",
                ("3.5",),
                hours_after=6,
            ),
        ),
    ),
    DemoQuestion(
        E,
        "mayen-koblenz",
        "Können wir eine Verlängerung schon jetzt einplanen?",
        "",
        ("4.4",),
        days_before_deadline=7,
    ),
)
