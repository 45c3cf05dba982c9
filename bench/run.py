"""Measure IKONE under production settings on the data set of
bench/generate.py and check the budgets of bench/budgets.toml.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ikone_bench python bench/run.py

Serves the project with gunicorn (2 workers, DEBUG=false) on 127.0.0.1,
warms up, then requests every scenario sequentially (concurrency 1) and
from 8 threads at once (concurrency 8), and counts each page's database
queries in-process with Django's test client. /healthz, a trivial view,
is the floor every page's throughput is compared with. Also times
`ikone import_municipalities` for all of Germany on a fresh SQLite file.

Writes bench/results/latest.json and latest.md; exits 1 when a budget is
broken, 2 when a page does not answer 200.

    python bench/run.py --only versionen

measures only the scenarios whose path contains the text (and the floor),
checks their budgets and writes no results file: a quick look at one page.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(PROJECT_DIR / "src"))
sys.path.insert(0, str(BENCH_DIR))

from common import BENCH_CONTACT_EMAIL, BENCH_COORDINATOR_EMAIL  # noqa: E402
from load import (  # noqa: E402
    HOST,
    REQUESTS_C1,
    REQUESTS_C8,
    WORKERS,
    free_port,
    gunicorn,
    production_environment,
    run_concurrent,
    run_sequential,
    warm_up,
)
from pdf_export import time_pdf_export  # noqa: E402
from report import Result, check, load_budgets, markdown, page_budget  # noqa: E402


@dataclass(frozen=True)
class Scenario:
    path: str
    who: str = "anonymous"  # or "contact" (an Ansprechperson) or "coordinator"


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
FLOOR = Scenario("/healthz")


# ---------------------------------------------------------------------------
# In-process: sessions and query counts


def prepare_django(environment: dict[str, str]) -> None:
    os.environ.update(environment)
    import django

    django.setup()


def sessions() -> tuple[dict[str, str], str]:
    """Session cookies for the signed-in roles, and the organisation slug."""
    from django.conf import settings
    from django.test import Client

    from ikone.accounts.models import Membership, User

    cookies = {"anonymous": ""}
    for who, email in (("contact", BENCH_CONTACT_EMAIL), ("coordinator", BENCH_COORDINATOR_EMAIL)):
        client = Client()
        client.force_login(User.objects.get(email=email))
        key = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies[who] = f"{settings.SESSION_COOKIE_NAME}={key}"
    slug = Membership.objects.get(user__email=BENCH_CONTACT_EMAIL).organization.slug
    return cookies, slug


def count_queries(path: str, cookie: str) -> tuple[int, int]:
    """Status and number of queries of the second request (the first may
    fill caches)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={"Host": HOST, "Cookie": cookie} if cookie else {"Host": HOST})
    client.get(path, secure=True)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, secure=True)
    return response.status_code, len(captured.captured_queries)


# ---------------------------------------------------------------------------
# Import timing


def time_import_on_sqlite() -> float:
    """Seconds for `ikone import_municipalities` (all of Germany) into a
    freshly migrated SQLite database."""
    with tempfile.TemporaryDirectory() as directory:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "ikone.settings",
            "IKONE_DATA_DIR": directory,
            "DATABASE_URL": f"sqlite:///{directory}/import.sqlite3",
        }
        ikone = str(BIN / "ikone")
        subprocess.run([ikone, "migrate", "--noinput", "-v", "0"], env=environment, check=True)
        started = time.perf_counter()
        subprocess.run(
            [ikone, "import_municipalities", "-v", "0"],
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return round(time.perf_counter() - started, 2)


def bench_draft() -> int:
    """A draft of the benchmark Ansprechperson's organisation (for {draft})."""
    from ikone.applications.models import Draft

    pk = (
        Draft.objects.filter(organization__memberships__user__email=BENCH_CONTACT_EMAIL)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return pk or 0


def bench_request() -> int:
    """A support request of the benchmark Ansprechperson (for {request})."""
    from ikone.support.models import SupportRequest

    return (
        SupportRequest.objects.filter(requester__email=BENCH_CONTACT_EMAIL)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
        or 0
    )


def bench_question() -> int:
    """A public question of the 2021 round in the FAQ (for {question})."""
    from ikone.qa.models import Question

    pk = (
        Question.objects.filter(visibility="public", status="faq", call__slug="mpsc-2021")
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return pk or 0


def measure(scenario: Scenario, port: int, cookies: dict[str, str], slug: str) -> Result:
    path = scenario.path.format(
        org=slug, question=bench_question(), draft=bench_draft(), request=bench_request()
    )
    cookie = cookies[scenario.who]
    status, queries = count_queries(path, cookie)
    if status != 200:
        print(f"{path} as {scenario.who} answered {status}, not 200", file=sys.stderr)
        raise SystemExit(2)
    warm_up(port, path, cookie)
    c1 = run_sequential(port, path, cookie, REQUESTS_C1)
    c8 = run_concurrent(port, path, cookie, REQUESTS_C8)
    print(
        f"  {scenario.who:11} {path:55} {queries:3} q  p95 {c1['p95_ms']:7} ms  {c8['rps']} req/s"
    )
    return Result(path=path, who=scenario.who, status=status, queries=queries, c1=c1, c8=c8)


def main_only(text: str) -> int:
    """Measure the scenarios whose path contains `text`; no results file."""
    budgets = load_budgets()
    chosen = [scenario for scenario in SCENARIOS if text in scenario.path]
    if not chosen:
        print(f"No scenario path contains {text!r}.", file=sys.stderr)
        return 2
    environment = production_environment(Path(tempfile.mkdtemp(prefix="ikone-bench-")))
    ikone = str(BIN / "ikone")
    subprocess.run([ikone, "collectstatic", "--noinput", "-v", "0"], env=environment, check=True)
    prepare_django(environment)
    cookies, slug = sessions()
    port = free_port()
    with gunicorn(environment, port):
        floor = measure(FLOOR, port, cookies, slug)
        results = [measure(scenario, port, cookies, slug) for scenario in chosen]
    for result in results:
        result.share_of_floor = round(result.c8["rps"] / floor.c8["rps"], 3)
        check(result, page_budget(budgets, result.path))
        verdict = "broken: " + ", ".join(result.broken) if result.broken else "within budget"
        print(f"{result.path}: {verdict}")
    return 1 if any(result.broken for result in results) else 0


def main() -> int:
    if "--only" in sys.argv:
        return main_only(sys.argv[sys.argv.index("--only") + 1])
    budgets = load_budgets()
    data_dir = Path(tempfile.mkdtemp(prefix="ikone-bench-"))
    environment = production_environment(data_dir)
    ikone = str(BIN / "ikone")
    subprocess.run([ikone, "collectstatic", "--noinput", "-v", "0"], env=environment, check=True)
    prepare_django(environment)
    cookies, slug = sessions()
    port = free_port()
    print(f"gunicorn on {HOST}:{port}, {WORKERS} workers")
    with gunicorn(environment, port):
        floor = measure(FLOOR, port, cookies, slug)
        floor.share_of_floor = 1.0
        results = [measure(scenario, port, cookies, slug) for scenario in SCENARIOS]
    for result in results:
        result.share_of_floor = round(result.c8["rps"] / floor.c8["rps"], 3)
        check(result, page_budget(budgets, result.path))
    print("Timing import_municipalities on SQLite …")
    seconds = time_import_on_sqlite()
    import_budget = budgets["import_municipalities"]["max_seconds_sqlite"]
    print("Timing the PDF export of a 30-page draft …")
    pdf_export = time_pdf_export()
    pdf_budget = budgets["pdf_export"]
    pdf_export["budget_seconds"] = pdf_budget["max_seconds"]
    pdf_export["ok"] = (
        pdf_export["seconds"] <= pdf_budget["max_seconds"]
        and pdf_export["pages"] >= pdf_budget["min_pages"]
    )
    report = {
        "finished_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} CPUs, Python {platform.python_version()}",
        "settings": {"workers": WORKERS, "requests_c1": REQUESTS_C1, "requests_c8": REQUESTS_C8},
        "budgets": budgets,
        "floor": asdict(floor),
        "pages": [asdict(result) for result in results],
        "import_municipalities": {
            "seconds": seconds,
            "budget_seconds": import_budget,
            "ok": seconds <= import_budget,
        },
        "pdf_export": pdf_export,
    }
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    (RESULTS_DIR / "latest.md").write_text(markdown(report))
    print(markdown(report))
    broken = [result for result in results if result.broken]
    if broken or not report["import_municipalities"]["ok"] or not pdf_export["ok"]:
        print(
            f"Budget broken: {len(broken)} page(s)"
            + ("" if seconds <= import_budget else ", import")
            + ("" if pdf_export["ok"] else ", PDF export")
        )
        return 1
    print("All budgets kept.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
