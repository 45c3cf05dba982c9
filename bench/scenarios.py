"""The pages bench/run.py measures, with who requests them, and the two
reference pages (the floor and the liveness check)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    path: str
    who: str = "anonymous"  # or "contact" (an Ansprechperson) or "coordinator"
    # The path holds {typed}: each request asks with another text, as typing
    # a question does (typed.typed_texts), so none is answered from a memo.
    typed: bool = False
    # Requested as htmx does (the fragment the page swaps in).
    htmx: bool = False


# {org} is the benchmark Ansprechperson's organisation.
SCENARIOS = [
    Scenario("/"),
    Scenario("/kommunen/"),
    Scenario("/kommunen/?q=berg"),
    Scenario("/kommunen/?land=07&mitglied=1"),
    Scenario("/kommunen/07312000/"),
    Scenario("/kommunen/07335/"),
    Scenario("/organisationen/"),
    Scenario("/organisationen/{org}/"),
    Scenario("/konto/login/"),
    Scenario("/api/v1/municipalities/"),
    Scenario("/api/v1/municipalities/?q=bach"),
    Scenario("/api/v1/municipalities/07312000/"),
    Scenario("/konto/profil/", "contact"),
    Scenario("/organisationen/{org}/", "contact"),
    Scenario("/organisationen/{org}/personen/", "contact"),
    Scenario("/netzwerk/protokoll/", "coordinator"),
    # The coordinators' overview (docs/network.md): every registered figure
    # counted over the whole bench volume, the map of Rheinland-Pfalz's
    # municipalities and the charts; the list behind a Kreis; the public figures.
    Scenario("/netzwerk/", "coordinator"),
    Scenario("/netzwerk/?land=07&kreis=07335", "coordinator"),
    Scenario("/netzwerk/organisationen/?land=07", "coordinator"),
    Scenario("/netzwerk/zahlen/"),
    Scenario("/konto/benachrichtigungen/", "contact"),
    Scenario("/netzwerk/protokoll/?aktion=accounts.invitation.sent", "coordinator"),
    Scenario("/organisationen/{org}/mitgliedschaft/", "coordinator"),
    # Funding calls (docs/calls.md): the demo's three rounds and the example
    # call with two versions; a handful of calls is the realistic volume.
    Scenario("/foerderaufrufe/"),
    Scenario("/foerderaufrufe/?status=closed"),
    Scenario("/foerderaufrufe/beispielaufruf-smarte-region/"),
    Scenario("/foerderaufrufe/mpsc-2021/"),
    Scenario("/foerderaufrufe/beispielaufruf-smarte-region.ics"),
    Scenario("/foerderaufrufe/beispielaufruf-smarte-region/versionen/"),
    Scenario("/foerderaufrufe/beispielaufruf-smarte-region/versionen/1/"),
    Scenario("/foerderaufrufe/beispielaufruf-smarte-region/versionen/1/2/"),
    Scenario("/foerderaufrufe/beispielaufruf-smarte-region/aenderung/", "coordinator"),
    Scenario("/api/v1/calls/"),
    Scenario("/api/v1/calls/beispielaufruf-smarte-region/"),
    # Site-wide search and the suggestions while typing a question (docs/search.md).
    Scenario("/suche/?q=F%C3%B6rderquote"),
    Scenario("/suche/?q=eigenanteil+kommune&art=question", "contact"),
    Scenario("/api/v1/search/?q=kofinanzierung"),
    Scenario(
        "/fragen/vorschlaege/?title=Wie+hoch+ist+der+Eigenanteil+der+Kommune"
        "&call=beispielaufruf-smarte-region",
        "contact",
    ),
    # The same for texts nobody asked before, as the form asks while one
    # types (htmx, the fragment): what typing costs.
    Scenario("/fragen/vorschlaege/?title={typed}", "contact", typed=True, htmx=True),
    # Workshops (docs/events.md): the list, past events of a series, an event
    # with about 50 registrations (the Ansprechperson among them), the
    # calendar feed and the API.
    Scenario("/veranstaltungen/"),
    Scenario("/veranstaltungen/?zeit=vergangen&reihe=bench-reihe-2&seite=2"),
    Scenario("/veranstaltungen/bench-workshop-0420/"),
    Scenario("/veranstaltungen/bench-workshop-0420/", "contact"),
    Scenario("/veranstaltungen/bench-workshop-0420.ics"),
    Scenario("/veranstaltungen/feed.ics"),
    Scenario("/api/v1/events/"),
    Scenario("/api/v1/events/bench-workshop-0420/"),
    # Coordinators' side of an event (docs/events.md, "Für die
    # Netzwerkkoordination"): the events one runs, an upcoming event's edit
    # form and participant list, a past event's check-in list and figures.
    Scenario("/veranstaltungen/verwaltung/", "coordinator"),
    Scenario("/veranstaltungen/bench-workshop-0420/verwaltung/", "coordinator"),
    Scenario("/veranstaltungen/bench-workshop-0420/verwaltung/teilnehmende/", "coordinator"),
    Scenario("/veranstaltungen/bench-workshop-0399/verwaltung/anwesenheit/", "coordinator"),
    Scenario("/veranstaltungen/bench-workshop-0399/verwaltung/zahlen/", "coordinator"),
    # Solution catalogue (docs/solutions.md): 5,000 profiles, 20,000 adoptions;
    # bench-loesung-0042 has 60 adopters; recommendations for a Gemeinde by
    # key and for the Ansprechperson's organisation (peers on its page).
    Scenario("/loesungen/"),
    Scenario("/loesungen/?q=buergerbus&offen=on&groesse=small_town"),
    Scenario("/loesungen/bench-loesung-0042/"),
    Scenario("/loesungen/empfehlungen/?ags=07138041"),
    Scenario("/loesungen/empfehlungen/", "contact"),
    # Application workshop (docs/applications.md): {draft} is a draft of the
    # benchmark Ansprechperson's organisation with ten sections.
    Scenario("/bewerbungen/", "contact"),
    Scenario("/bewerbungen/{draft}/", "contact"),
    Scenario("/bewerbungen/{draft}/abschnitte/handlungsfelder-massnahmen/", "contact"),
    Scenario("/bewerbungen/{draft}/kriterien/", "contact"),
    # The section with 5,000 autosaves (bench/volume_drafts.py): newest and
    # oldest page of its history.
    Scenario("/bewerbungen/{draft}/abschnitte/ausgangslage/versionen/", "contact"),
    Scenario("/bewerbungen/{draft}/abschnitte/ausgangslage/versionen/?seite=100", "contact"),
    Scenario("/bewerbungen/auswertung/", "coordinator"),
    # Financing plan, schedule and API of the Ansprechperson's draft ({draft}).
    Scenario("/bewerbungen/{draft}/finanzierung/", "contact"),
    Scenario("/bewerbungen/{draft}/zeitplan/", "contact"),
    Scenario("/api/v1/applications/", "contact"),
    Scenario("/api/v1/applications/{draft}/", "contact"),
    # Questions, answers and the call FAQ (docs/questions.md); {question} is a
    # public question of the 2021 round that is in the FAQ.
    Scenario("/fragen/"),
    Scenario("/fragen/?call=mpsc-2021&status=answered&seite=3"),
    Scenario("/fragen/", "contact"),
    Scenario("/fragen/{question}/"),
    Scenario("/fragen/{question}/", "coordinator"),
    Scenario("/foerderaufrufe/mpsc-2021/faq/"),
    Scenario("/fragen/auswertung/", "coordinator"),
    Scenario("/api/v1/faq/?call=mpsc-2021"),
    # Knowledge base (docs/knowledge.md): 2,000 articles; the list, filtered,
    # searched, one article.
    Scenario("/wissen/"),
    Scenario("/wissen/?art=tip&jahr=2024"),
    Scenario("/wissen/?q=Ratsbeschluss", "contact"),
    Scenario("/wissen/bench-beitrag-0421/"),
    # Contact and support (docs/support.md): 20,000 requests; the form, the
    # Ansprechperson's list, the queue and one request ({request}).
    Scenario("/kontakt/"),
    Scenario("/unterstuetzung/", "contact"),
    Scenario("/unterstuetzung/warteschlange/", "coordinator"),
    Scenario("/unterstuetzung/warteschlange/?status=all&thema=partner", "coordinator"),
    Scenario("/unterstuetzung/{request}/", "coordinator"),
    Scenario("/unterstuetzung/kennzahlen/", "coordinator"),
]
# Public pages as a signed-in person gets them: rendered for them, never
# from the shared page cache (docs/adr/0006-page-cache.md). The load test
# (bench/loadtest.py) found these rows over budget under 50 users; here they
# are measured alone. The load test's own mix stays SCENARIOS (it already
# sends the public pages to its signed-in users).
SIGNED_IN_PUBLIC = [
    Scenario("/", "contact"),
    Scenario("/kommunen/", "contact"),
    Scenario("/kommunen/?q=berg", "contact"),
    Scenario("/organisationen/", "contact"),
    Scenario("/veranstaltungen/", "contact"),
    Scenario("/loesungen/", "contact"),
    Scenario("/loesungen/bench-loesung-0042/", "contact"),
]
# Everything bench/run.py measures.
MEASURED = SCENARIOS + SIGNED_IN_PUBLIC
# The floor: the base layout with its whole context and 10 KB of text
# through every middleware, no query (core.views.floor); every share is
# measured against it. /healthz (one SELECT 1, JSON) is reported beside it.
FLOOR = Scenario("/messung/boden/")
LIVENESS = Scenario("/healthz")
