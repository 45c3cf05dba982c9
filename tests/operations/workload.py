"""A bounded mixed workload of signed-in people, as browsers would send it
through the load balancer: each client signs in through the login form,
then in every round reads a page, autosaves its own section of a shared
draft (htmx POST with the version it read), registers once for the
workshop with few seats, and now and then asks a question.

Every request is recorded with its start, end and outcome, and every write
the server acknowledged is remembered, so a test can check afterwards
that the database holds all of them."""

from __future__ import annotations

import http.client
import re
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from tests.operations.cluster import HOST_NAME, LOOPBACK
from tests.operations.world import CALL_SLUG, EVENT_SLUG, PASSWORD, email_of

BASED_ON = re.compile(r'name="based_on" value="(\d+)"')
# A request answered later than this counts as hanging.
REQUEST_TIMEOUT = 15.0
FAILED = 0  # status recorded for a request that got no HTTP answer
# Below the question form's rate limit (20 an hour per person).
MAX_QUESTIONS = 5


@dataclass
class Outcome:
    client: int
    method: str
    path: str
    started: float
    ended: float
    status: int
    body: str = ""
    location: str = ""
    server: str = ""

    @property
    def failed(self) -> bool:
        return self.status == FAILED or self.status >= 500


@dataclass
class ClientRecord:
    """What one client saw acknowledged (and what it tried)."""

    number: int
    section_key: str
    saved_texts: list[str] = field(default_factory=list)
    last_attempted_text: str = ""
    questions: list[str] = field(default_factory=list)
    registered: bool = False
    signed_out: int = 0


class Browser:
    """Cookies, CSRF and one HTTP request at a time, against HAProxy."""

    def __init__(self, port: int, number: int, log: list[Outcome], lock: threading.Lock):
        self.port = port
        self.number = number
        self.cookies: dict[str, str] = {}
        self.log = log
        self.lock = lock

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None, htmx: bool = False
    ) -> Outcome:
        headers = {"Host": HOST_NAME, "Accept-Language": "de"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{HOST_NAME}"
            headers["Referer"] = f"https://{HOST_NAME}{path}"
        if htmx:
            headers["HX-Request"] = "true"
        started = time.monotonic()
        connection = http.client.HTTPConnection(LOOPBACK, self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            outcome = Outcome(
                *(self.number, method, path, started, time.monotonic(), response.status),
                body=text,
                location=response.getheader("Location", ""),
                server=response.getheader("X-App-Server", ""),
            )
        except (OSError, http.client.HTTPException):
            # No answer, or one cut off (the server died while sending it).
            outcome = Outcome(self.number, method, path, started, time.monotonic(), FAILED)
        finally:
            connection.close()
        with self.lock:
            self.log.append(outcome)
        return outcome

    def sign_in(self, email: str) -> None:
        self.request("GET", "/konto/login/")
        outcome = self.request("POST", "/konto/login/", {"login": email, "password": PASSWORD})
        assert outcome.status == 302, f"sign-in of {email} answered {outcome.status}"


@dataclass
class Workload:
    """`clients` clients doing rounds until `stop` is set, at most
    `max_rounds` each; `progress` counts finished rounds."""

    port: int
    draft: int
    section_keys: list[str]
    clients: int
    max_rounds: int = 400
    pause: float = 0.1
    log: list[Outcome] = field(default_factory=list)
    records: list[ClientRecord] = field(default_factory=list)
    progress: int = 0

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.errors: list[BaseException] = []
        self.records = [ClientRecord(n, self.section_keys[n]) for n in range(self.clients)]

    def run(self) -> list[threading.Thread]:
        browsers = [Browser(self.port, n, self.log, self.lock) for n in range(self.clients)]
        for browser in browsers:
            browser.sign_in(email_of(browser.number))
        threads = [
            threading.Thread(target=self._client, args=(browser,), daemon=True)
            for browser in browsers
        ]
        for thread in threads:
            thread.start()
        return threads

    def _client(self, browser: Browser) -> None:
        try:
            self._rounds(browser)
        except BaseException as error:  # reported by finish(), not lost in the thread
            self.errors.append(error)
            raise

    def _rounds(self, browser: Browser) -> None:
        record = self.records[browser.number]
        pages = ["/", "/veranstaltungen/", f"/veranstaltungen/{EVENT_SLUG}/", "/fragen/"]
        for round_number in range(self.max_rounds):
            if self.stop.is_set():
                return
            self._check_signed_in(browser, record)
            browser.request("GET", pages[round_number % len(pages)])
            self._autosave(browser, record, round_number)
            if not record.registered and round_number >= 2:
                self._register(browser, record)
            if round_number % 6 == 1 and len(record.questions) < MAX_QUESTIONS:
                self._ask(browser, record, round_number)
            with self.lock:
                self.progress += 1
            time.sleep(self.pause)

    def _check_signed_in(self, browser: Browser, record: ClientRecord) -> None:
        outcome = browser.request("GET", f"/bewerbungen/{self.draft}/")
        if outcome.status == 302 and "login" in outcome.location:
            record.signed_out += 1

    def _autosave(self, browser: Browser, record: ClientRecord, round_number: int) -> None:
        path = f"/bewerbungen/{self.draft}/abschnitte/{record.section_key}/"
        page = browser.request("GET", path)
        version = BASED_ON.search(page.body) if page.status == 200 else None
        if version is None:
            return
        text = f"Client {record.number}, Stand {round_number}: Betriebstest."
        record.last_attempted_text = text
        saved = browser.request("POST", path, {"text": text, "based_on": version[1]}, htmx=True)
        if saved.status == 200 and BASED_ON.search(saved.body):
            record.saved_texts.append(text)

    def _register(self, browser: Browser, record: ClientRecord) -> None:
        outcome = browser.request("POST", f"/veranstaltungen/{EVENT_SLUG}/anmelden/", {"note": ""})
        record.registered = outcome.status == 302

    def _ask(self, browser: Browser, record: ClientRecord, round_number: int) -> None:
        title = f"Betriebstest-Frage {record.number}-{round_number}: zählt das zum Eigenanteil?"
        form = {
            "call": CALL_SLUG,
            "title": title,
            "text": "Eine Frage aus dem Betriebstest, mit genug Text für das Formular.",
            "visibility": "public",
        }
        outcome = browser.request("POST", f"/fragen/neu/?call={CALL_SLUG}", form)
        if outcome.status == 302:
            record.questions.append(title)

    def wait_for_progress(self, rounds: int, seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while self.progress < rounds:
            assert time.monotonic() < deadline, f"only {self.progress} rounds in {seconds} s"
            time.sleep(0.05)

    def finish(self, threads: list[threading.Thread]) -> None:
        self.stop.set()
        for thread in threads:
            thread.join(timeout=120)
            assert not thread.is_alive(), "a client did not finish"
        assert not self.errors, f"a client broke off: {self.errors[0]!r}"
