"""What every browser test checks on every page it visits: axe-core's WCAG
2.0, 2.1 and 2.2 A/AA rules (2.2 adds the 24 px target size), no Content
Security Policy violation, no script error, no error in the browser console
(a missing favicon, a 404 stylesheet); and,
where a test asks for it, keyboard use (Tab reaches every interactive
element with a visible focus, the skip link moves focus to #inhalt)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Error, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_URL = "/static/vendor/axe/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

AXE_RUN = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""

# Marks every element a keyboard user must be able to reach and returns
# their descriptions. Hidden, disabled and inert elements do not count.
MARK_INTERACTIVE = """() => {
  const selector = [
    "a[href]", "button", "input:not([type=hidden])", "select", "textarea",
    "summary", "[tabindex]:not([tabindex='-1'])", "[contenteditable=true]",
  ].join(",");
  const visible = (el) => {
    const style = getComputedStyle(el);
    return el.getClientRects().length > 0 && style.visibility !== "hidden";
  };
  const found = [];
  document.querySelectorAll(selector).forEach((el, index) => {
    if (el.disabled || el.closest("[inert]") || !visible(el)) return;
    if (el.getAttribute("tabindex") === "-1") return;
    el.dataset.e2eKey = String(index);
    found.push({key: String(index), html: el.outerHTML.slice(0, 160)});
  });
  return found;
}"""

HAS_VISIBLE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  return Boolean(outline || shadow);
}"""

FOCUSED = (
    """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  return {
    key: el.dataset.e2eKey || null,
    id: el.id,
    html: el.outerHTML.slice(0, 160),
    visibleFocus: ("""
    + HAS_VISIBLE_FOCUS
    + """)(),
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
  };
}"""
)


@dataclass
class PageReport:
    url: str
    violations: list[dict[str, Any]]


@dataclass
class AuditLog:
    """Collected over the whole session, printed at its end."""

    pages: list[PageReport] = field(default_factory=list)

    def add(self, url: str, violations: list[dict[str, Any]]) -> None:
        self.pages.append(PageReport(url=url, violations=violations))


def format_violations(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe found {len(violations)} WCAG A/AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  at {node['target']}")
            summary = (node["summary"] or "").replace("\n", "\n    ")
            lines.append(f"    {summary}")
    return "\n".join(lines)


class Visitor:
    """A person in a browser tab. Every page it loads is checked; a test that
    loads a page without checking it fails at the end (see `finish`)."""

    def __init__(self, page: Page, base_url: str, log: AuditLog) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.log = log
        self.problems: list[str] = []
        # Console errors a test provokes on purpose (an htmx request answered
        # 409), as regular expressions; see `expect_console_error`.
        self.expected_errors: list[re.Pattern[str]] = []
        self.loaded: list[str] = []
        self.checked: set[str] = set()
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)
        page.on("framenavigated", self._on_navigated)

    # -- events --------------------------------------------------------------
    def _on_console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.problems.append(f"CSP violation on {self.page.url}: {message.text}")
        elif message.type == "error":
            text = f"{message.text} ({message.location.get('url', '')})"
            if not any(pattern.search(text) for pattern in self.expected_errors):
                self.problems.append(f"Console error on {self.page.url}: {text}")

    def expect_console_error(self, pattern: str) -> None:
        """Allow console errors matching `pattern` for the rest of the test,
        for responses the test provokes on purpose (an error status)."""
        self.expected_errors.append(re.compile(pattern))

    def _on_page_error(self, error: Error) -> None:
        self.problems.append(f"Script error on {self.page.url}: {error}")

    def _on_navigated(self, frame: Any) -> None:
        if frame == self.page.main_frame:
            self.loaded.append(frame.url.split("#")[0])

    def sign_in_as(self, user: Any) -> None:
        """Start a signed-in session without going through the login form
        (the sign-up and login flows test the form itself)."""
        from django.conf import settings
        from django.test import Client

        from tests.core.helpers import sign_in

        client = Client()
        sign_in(client, user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        self.page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": self.base_url}]
        )

    # -- navigation ----------------------------------------------------------
    def url(self, path: str) -> str:
        return path if path.startswith("http") else f"{self.base_url}{path}"

    def visit(self, path: str) -> Page:
        """Open `path` and check the page."""
        response = self.page.goto(self.url(path))
        assert response is not None
        assert response.status < 400, f"{path} answered {response.status}"
        self.check()
        return self.page

    def click_and_check(self, selector_or_locator: Any) -> Page:
        """Click something that loads a new page (a link, a submit button),
        wait for it and check it."""
        locator = (
            self.page.locator(selector_or_locator)
            if isinstance(selector_or_locator, str)
            else selector_or_locator
        )
        # A new document, not an htmx history push that a blur may cause.
        with self.page.expect_event("load"):
            locator.click()
        self.check()
        return self.page

    def path(self) -> str:
        parts = urlsplit(self.page.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    # -- checks --------------------------------------------------------------
    def check(self) -> None:
        """axe-core on the current page; CSP and script errors so far."""
        self.page.wait_for_load_state("load")
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.add_script_tag(url=self.url(AXE_URL))
        violations = self.page.evaluate(AXE_RUN, AXE_TAGS)
        url = self.page.url
        self.log.add(self.path(), violations)
        self.checked.add(url.split("#")[0])
        assert not violations, format_violations(url, violations)
        assert not self.problems, "\n".join(self.problems)

    def check_policy_only(self) -> None:
        """For third-party interfaces (Wagtail's and Django's admin, Swagger
        UI), whose markup is not ours to fix: no CSP violation and no script
        error, but no axe run."""
        self.page.wait_for_load_state("networkidle")
        self.checked.add(self.page.url.split("#")[0])
        assert not self.problems, "\n".join(self.problems)

    def check_keyboard(self, max_presses: int = 400) -> None:
        """Tab from the top of the page through all of it: every interactive
        element is reached, each shows a visible focus, and the skip link
        (the first stop) moves focus to the main content."""
        self.page.goto(self.page.url)
        interactive = self.page.evaluate(MARK_INTERACTIVE)
        expected = {item["key"]: item["html"] for item in interactive}
        reached: set[str] = set()
        self.page.keyboard.press("Tab")
        first = self.page.evaluate(FOCUSED)
        assert first and "ikone-skip-link" in first["html"], (
            f"The first Tab stop must be the skip link, not {first}"
        )
        # A date input takes several Tab stops (day, month, year and
        # Chromium's own calendar button), so repeats are fine; the focus ring
        # is checked where focus arrives at an element, the parts inside a
        # native widget are the browser's. The walk ends when focus leaves
        # the page or wraps around to the skip link.
        previous = None
        for _ in range(max_presses):
            focused = self.page.evaluate(FOCUSED)
            if focused is None or (reached and focused["key"] == first["key"]):
                break
            arrived = focused["key"] != previous or not focused["key"]
            assert focused["visibleFocus"] or not arrived, f"No visible focus on {focused['html']}"
            assert focused["onScreen"], f"Focused element is off screen: {focused['html']}"
            if focused["key"]:
                reached.add(focused["key"])
            previous = focused["key"]
            self.page.keyboard.press("Tab")
        missing = [html for key, html in expected.items() if key not in reached]
        assert not missing, "Not reachable with Tab:\n" + "\n".join(missing)
        self._check_skip_link()

    def _check_skip_link(self) -> None:
        self.page.goto(self.page.url)
        self.page.keyboard.press("Tab")
        self.page.keyboard.press("Enter")
        focused = self.page.evaluate(FOCUSED)
        assert focused and focused["id"] == "inhalt", (
            f"The skip link must move focus to #inhalt, focus is on {focused}"
        )

    def finish(self) -> None:
        """Fail when a page was loaded but never checked."""
        unchecked = [
            url
            for url in dict.fromkeys(self.loaded)
            if url not in self.checked and not url.startswith("about:")
        ]
        assert not unchecked, "Pages loaded without an axe check: " + ", ".join(unchecked)
        assert not self.problems, "\n".join(self.problems)


def outbox_link(body: str, base_url: str) -> str:
    """The first link to this site in an e-mail body, as a path."""
    match = re.search(r"https?://[^\s\"'<>]+", body)
    assert match, f"No link in the e-mail:\n{body}"
    parts = urlsplit(match.group(0))
    return parts.path + (f"?{parts.query}" if parts.query else "")
