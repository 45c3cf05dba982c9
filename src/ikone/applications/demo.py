"""Demo drafts for trying the application workshop out.

`seed_demo_applications()` is idempotent and runs after the accounts and
calls seeders. Both drafts are invented example content, marked
`is_example` and "(Beispiel)" in the title; no text is taken from or
attributed to a real application:

- a partly finished draft of the Landeshauptstadt Mainz for the example
  call "Beispielaufruf" (sections in several versions, criteria
  assessments, documents, shared with a mentor who commented);
- a finished draft of the Stadt Linz am Rhein for the 2021 round, recorded
  as funded with the federal funding reported for Linz (3.25 million euro,
  `data/SOURCE.md`), with invented lessons for the network.

A2 adds financing plans and milestones to these drafts in their seeders.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Protocol

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ikone.accounts.demo import MENTORS, contact_email, staff_email
from ikone.accounts.models import Organization, User
from ikone.applications.models import (
    CriterionAssessment,
    DocumentStatus,
    Draft,
    DraftDocument,
    DraftMentor,
    DraftSection,
    DraftStatus,
    Recommendation,
    SectionComment,
)
from ikone.applications.services.drafts import draft_create
from ikone.applications.services.sections import section_save
from ikone.calls.models import Call
from ikone.core.audit import Actor

EXAMPLE_CALL_SLUG = "beispielaufruf-smarte-region"
ROUND_2021_SLUG = "mpsc-2021"
MAINZ_TITLE = "Mainz vernetzt Quartiere (Beispiel)"
LINZ_TITLE = "Smarte Kleinstadt am Rhein (Beispiel, abgeschlossen)"
LINZ_FUNDING = Decimal("3250000.00")

# A minimal valid PDF for the demo uploads.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

MAINZ_TEXTS: dict[str, list[str]] = {
    "ausgangslage": [
        "Beispieltext: Die Stadt wächst, ihre Quartiere entwickeln sich aber ungleich. "
        "In den Neubaugebieten fehlen Treffpunkte, in älteren Vierteln schließen Geschäfte.",
        "Beispieltext: Die Stadt wächst, ihre Quartiere entwickeln sich aber ungleich. "
        "In den Neubaugebieten fehlen Treffpunkte, in älteren Vierteln schließen Geschäfte "
        "und Arztpraxen. Die Verwaltung hat in den letzten Jahren Bürgerdienste online "
        "angeboten und ein offenes Datenportal aufgebaut; beides nutzen vor allem jüngere "
        "Menschen.\n\nEine Befragung im Beispieljahr zeigte: Zwei Drittel der Befragten "
        "wünschen sich mehr Informationen über Angebote im eigenen Viertel, ein Drittel fühlt "
        "sich bei digitalen Angeboten abgehängt. Daraus leiten wir den Handlungsbedarf ab: "
        "Digitalisierung soll Nachbarschaften stärken und niemanden zurücklassen. Die "
        "vorhandene Infrastruktur (Glasfaser in den Schulen, freies WLAN in der Innenstadt, "
        "ein Sensornetz für Luftqualität) bildet die Grundlage, auf der wir aufbauen.",
    ],
    "vision-ziele": [
        "Beispieltext: In zehn Jahren findet jede Bewohnerin und jeder Bewohner die Angebote "
        "des eigenen Quartiers digital und analog an einem Ort. Quartierszentren verbinden "
        "Beratung, Bibliothek und Werkstatt; eine offene Plattform zeigt Termine, Räume und "
        "Ehrenamt.\n\nMessbare Ziele bis zum Ende der Umsetzungsphase: zehn Quartierszentren "
        "mit digitaler Grundausstattung, 5.000 Menschen in Digitalkursen, alle neuen Dienste "
        "barrierefrei nach BITV 2.0, alle eigenen Softwarebausteine als Open Source "
        "veröffentlicht. Die Ziele folgen der Smart City Charta: lebenswert, nachhaltig, "
        "partizipativ und gemeinwohlorientiert.",
    ],
    "handlungsfelder-massnahmen": [
        "Beispieltext (Entwurf): Handlungsfelder Teilhabe, Bildung und Mobilität. "
        "Maßnahmen in Phase A: Strategie mit den Quartieren; in Phase B: Quartiersplattform, "
        "Digitallotsen, Mobilitätsstationen.",
    ],
    "beteiligung": [
        "Beispieltext: Wir beteiligen früh und in jedem Quartier: Stadtteilspaziergänge, "
        "eine Online-Beteiligung auf der offenen Plattform und ein Beirat aus Vereinen, "
        "Wirtschaft und Hochschule. Schon bei der Vorbereitung der Bewerbung haben wir drei "
        "Quartierswerkstätten veranstaltet; ihre Ergebnisse sind in die Ziele eingeflossen.",
    ],
}

LINZ_TEXT = (
    "Beispieltext (erfunden, nicht die eingereichte Bewerbung): Dieser Abschnitt zeigt, "
    "wie ein fertiger Abschnitt aussehen kann. Er beschreibt Ausgangslage, Ziele und "
    "Maßnahmen einer Kleinstadt, die gemeinsam mit ihrer Verbandsgemeinde digitale "
    "Angebote für Daseinsvorsorge, Tourismus und Ehrenamt entwickelt. Die Maßnahmen sind "
    "nach Phasen geordnet, messbar beschrieben und auf andere Kleinstädte übertragbar; "
    "Software wird als Open Source veröffentlicht, Erfahrungen werden im Netzwerk geteilt. "
    "Die Bürgerschaft wurde in Werkstätten beteiligt, der Rat hat den Eigenanteil "
    "beschlossen, Risiken und Gegenmaßnahmen sind benannt. "
)

LINZ_LESSONS = (
    "Beispiel (erfunden): Jedes Bewertungskriterium früh einem Abschnitt zuordnen, damit "
    "die Maßnahmen erkennbar aus den Zielen folgen, und früh mit Mentor:innen aus dem "
    "Netzwerk sprechen. Den Ratsbeschluss mindestens acht Wochen vor der Frist auf die "
    "Tagesordnung setzen."
)


class Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


class _Silent:
    def write(self, msg: str, /) -> None:
        return None


def _organization(key: str) -> Organization | None:
    user = User.objects.filter(email=contact_email(key)).first()
    if user is None:
        return None
    membership = user.memberships.select_related("organization").first()
    return membership.organization if membership else None


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _save(section: DraftSection, draft: Draft, text: str, user: User) -> None:
    section.draft = draft
    section_save(section=section, text=text, based_on=section.version, actor=Actor(user=user))


def _seed_mainz(call: Call, out: Writer) -> None:
    organization = _organization("mainz")
    staff, contact = _user(staff_email("mainz")), _user(contact_email("mainz"))
    mentor = _user(MENTORS[0].email)
    if organization is None or staff is None or contact is None or mentor is None:
        out.write("Bewerbungsentwurf Mainz übersprungen: Demo-Zugänge fehlen.\n")
        return
    if Draft.objects.filter(organization=organization, call=call, title=MAINZ_TITLE).exists():
        return
    draft = draft_create(
        organization=organization, call=call, title=MAINZ_TITLE, actor=Actor(user=staff)
    )
    Draft.objects.filter(pk=draft.pk).update(is_example=True)
    sections = {section.key: section for section in draft.sections.all()}
    for key, versions in MAINZ_TEXTS.items():
        for number, text in enumerate(versions):
            _save(sections[key], draft, text, staff if number % 2 == 0 else contact)
    sections = {section.key: section for section in draft.sections.all()}
    criteria = list(call.criteria.order_by("position", "pk"))
    links = [["ausgangslage", "vision-ziele"], ["ausgangslage"], ["beteiligung"]]
    for criterion, keys in zip(criteria, links, strict=False):
        assessment = CriterionAssessment.objects.create(
            draft=draft,
            criterion=criterion,
            self_score=2,
            self_note="Beispiel: gut begründet, Zahlen fehlen noch.",
            mentor_score=1 if keys == ["beteiligung"] else 2,
            mentor_note="Beispiel: Beteiligung nach der Einreichung konkreter planen."
            if keys == ["beteiligung"]
            else "",
            mentor=mentor,
        )
        assessment.sections.set([sections[key] for key in keys])
    documents = list(call.required_documents.filter(stage="application").order_by("position"))
    for number, required in enumerate(documents[:3]):
        document = DraftDocument(
            draft=draft,
            required_document=required,
            status=[DocumentStatus.AVAILABLE, DocumentStatus.IN_PROGRESS, DocumentStatus.OPEN][
                number
            ],
            note="Beispiel" if number else "Beispiel: Entwurf des Online-Formulars",
        )
        if number == 0:
            document.file.save("beispiel-formular.pdf", ContentFile(DEMO_PDF), save=False)
            document.original_name = "beispiel-formular.pdf"
            document.uploaded_by = staff
            document.uploaded_at = timezone.now()
        document.save()
    DraftMentor.objects.create(
        draft=draft,
        mentor=mentor,
        shared_by=contact,
        recommendation=Recommendation.WITH_CHANGES,
        recommendation_text=(
            "Beispiel: Starke Ausgangslage und Vision. Die Maßnahmen brauchen Phasen, "
            "Kosten und Verantwortliche; die Übertragbarkeit fehlt noch."
        ),
        recommended_at=timezone.now(),
    )
    thread = SectionComment.objects.create(
        section=sections["handlungsfelder-massnahmen"],
        author=mentor,
        text="Beispiel: Welche Maßnahme zahlt auf welches Ziel ein? Eine kleine Tabelle hilft.",
    )
    SectionComment.objects.create(
        section=sections["handlungsfelder-massnahmen"],
        parent=thread,
        author=staff,
        text="Beispiel: Gute Idee, wir ergänzen sie bis zur nächsten Runde.",
    )
    SectionComment.objects.create(
        section=sections["ausgangslage"],
        author=mentor,
        text="Beispiel: Die Befragung bitte mit Jahr und Zahl der Befragten belegen.",
        resolved_at=timezone.now(),
        resolved_by=contact,
    )
    out.write(f"Bewerbungsentwurf angelegt: {MAINZ_TITLE}\n")


def _seed_linz(call: Call, out: Writer) -> None:
    organization = _organization("linz")
    staff, contact = _user(staff_email("linz")), _user(contact_email("linz"))
    if organization is None or staff is None or contact is None:
        out.write("Bewerbungsentwurf Linz übersprungen: Demo-Zugänge fehlen.\n")
        return
    if Draft.objects.filter(organization=organization, call=call, title=LINZ_TITLE).exists():
        return
    draft = draft_create(
        organization=organization, call=call, title=LINZ_TITLE, actor=Actor(user=contact)
    )
    for section in draft.sections.all():
        text = f"{section.title}. {LINZ_TEXT}" * max(1, section.min_length // len(LINZ_TEXT) + 1)
        _save(section, draft, text.strip(), staff)
    sections = list(draft.sections.order_by("position"))
    for number, criterion in enumerate(call.criteria.order_by("position", "pk")):
        assessment = CriterionAssessment.objects.create(
            draft=draft, criterion=criterion, self_score=3, self_note="Beispiel"
        )
        assessment.sections.set([sections[number % len(sections)]])
    for required in call.required_documents.filter(stage="application"):
        document = DraftDocument(
            draft=draft,
            required_document=required,
            status=DocumentStatus.AVAILABLE,
            original_name="beispiel-unterlage.pdf",
            uploaded_by=staff,
            uploaded_at=timezone.now(),
        )
        document.file.save("beispiel-unterlage.pdf", ContentFile(DEMO_PDF), save=False)
        document.save()
    submitted = timezone.localtime(call.deadline).date() if call.deadline else None
    Draft.objects.filter(pk=draft.pk).update(
        is_example=True,
        status=DraftStatus.FUNDED,
        submitted_on=submitted,
        decided_on=submitted + timedelta(days=120) if submitted else None,
        funded_amount=LINZ_FUNDING,
        outcome_feedback="Beispiel: Die Jury lobte die Übertragbarkeit auf andere Kleinstädte.",
        lessons_learned=LINZ_LESSONS,
    )
    out.write(f"Bewerbungsentwurf angelegt: {LINZ_TITLE}\n")


@transaction.atomic
def seed_demo_applications(*, stdout: Writer | None = None) -> None:
    """Create the two example drafts unless they exist."""
    out = stdout or _Silent()
    example = Call.objects.filter(slug=EXAMPLE_CALL_SLUG).first()
    if example is None:
        out.write("Bewerbungsentwürfe übersprungen: Der Beispielaufruf fehlt.\n")
    else:
        _seed_mainz(example, out)
    round_2021 = Call.objects.filter(slug=ROUND_2021_SLUG).first()
    if round_2021 is None:
        out.write("Abgeschlossener Beispielentwurf übersprungen: Die Runde 2021 fehlt.\n")
    else:
        _seed_linz(round_2021, out)
    # Financing plans and schedules (demo_plan.py) for both drafts.
    from ikone.applications.demo_plan import seed_demo_plans

    seed_demo_plans(stdout=out)
