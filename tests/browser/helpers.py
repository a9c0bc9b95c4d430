"""What browser tests do again and again: log in through the page, save a screenshot as a test
artifact, check accessibility with axe-core, read the mail the server kept for someone (it runs
without an SMTP server, so every mail is an .eml file under its data folder), and ask the live
server's API for the numbers a page should show."""

from __future__ import annotations

import json
import re
import time
from email import message_from_bytes
from email.policy import default as DEFAULT_POLICY
from email.utils import getaddresses
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from playwright.sync_api import Page, expect

from demo.accounts import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
AXE_JS = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"

# id(page) -> the folder its test's screenshots go to (set by the page fixtures)
_artifact_dirs: dict[int, Path] = {}
_counters: dict[int, int] = {}


def artifact_dir_for(page: Page) -> Path:
    return _artifact_dirs.get(id(page), ARTIFACTS / "unnamed")


def shot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as test-artifacts/browser/<test>/<nn>-<name>.png."""
    folder = artifact_dir_for(page)
    folder.mkdir(parents=True, exist_ok=True)
    n = _counters.get(id(page), 0) + 1
    _counters[id(page)] = n
    path = folder / f"{n:02d}-{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def login(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the login page, as a person would, and wait for the app to know it."""
    page.goto("/login")
    page.locator("#login-email").fill(email)
    page.locator("#login-password").fill(password)
    page.locator("form button[type=submit]").click()
    expect(page.locator(".account button.link-button")).to_be_visible()  # the log-out button


def logout(page: Page) -> None:
    page.locator(".account button.link-button").click()
    expect(page.locator(".account a[href='/login']")).to_be_visible()


def newest_mail_link(data_dir: Path, email: str, path: str, *, after: str = "", timeout: float = 20) -> str:
    """The link to ``path`` (``/verify-email``, ``/reset-password``) in the newest mail kept for
    ``email`` under ``<data_dir>/mail/``, as a path with its query, to open in the browser. The
    worker writes mail within moments of the change, so this waits for it; ``after`` skips files
    named up to it (the names start with the UTC time they were written), for "the next mail"."""
    pattern = re.compile(rf"https?://[^\s<>\"]+{re.escape(path)}\?token=[^\s<>\"]+")
    deadline = time.monotonic() + timeout
    while True:
        for file in sorted((data_dir / "mail").glob("*.eml"), reverse=True):
            if file.name <= after:
                break
            message = message_from_bytes(file.read_bytes(), policy=DEFAULT_POLICY)
            if email.lower() not in (a.lower() for _, a in getaddresses([str(message["To"] or "")])):
                continue
            found = pattern.search(message.get_body(preferencelist=("plain",)).get_content())
            if found:
                link = urlsplit(found.group(0))
                return f"{link.path}?{link.query}"
        assert time.monotonic() < deadline, f"no mail to {email} with a {path} link in {data_dir / 'mail'}"
        time.sleep(0.2)


def wait_mail_settled(data_dir: Path, *, quiet: float = 1.5, timeout: float = 60) -> None:
    """Until no new mail has been kept for ``quiet`` seconds: the demo's first start mails its staff
    a thousand notifications, and a test that looks for its own mail among the newest waits them out."""
    deadline = time.monotonic() + timeout
    count, since = -1, time.monotonic()
    while True:
        now_count = len(list((data_dir / "mail").glob("*.eml")))
        if now_count != count:
            count, since = now_count, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        assert time.monotonic() < deadline, f"mail still being written after {timeout}s ({count} files)"
        time.sleep(0.2)


def newest_mail_name(data_dir: Path) -> str:
    """The name of the newest kept mail ("" when there is none), to wait for a later one."""
    names = sorted(p.name for p in (data_dir / "mail").glob("*.eml"))
    return names[-1] if names else ""


def register(api: "Api", email: str, password: str, display_name: str) -> None:
    """Open an account through the API as the registration form does (with the personal-data
    consent); its verification mail leaves at once. The API helper keeps its token."""
    data = api.gql("mutation($i: RegisterInput!) { register(input: $i) { errors { code message } } }",
                   {"i": {"email": email, "password": password, "displayName": display_name, "privacyConsent": True}})
    assert not data["register"]["errors"], data
    api.token(email, password)


def verify_email(page: Page, data_dir: Path, email: str) -> None:
    """Confirm ``email`` the way its owner does: open the link of the verification mail kept for it."""
    page.goto(newest_mail_link(data_dir, email, "/verify-email"))
    expect(page.get_by_test_id("verify-done")).to_be_visible()


def check_a11y(page: Page, *, context: str = "") -> list[dict]:
    """Run axe-core on the current page; fail on serious or critical violations. Returns all
    violations (minor/moderate ones are reported in the artifacts, not failed on)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # evaluate() runs through the DevTools protocol, so the app's strict CSP still applies to
        # the page itself while axe is added.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, { resultTypes: ['violations'],
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
            return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }));
        }"""
    )
    folder = artifact_dir_for(page)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"axe-{re.sub(r'[^A-Za-z0-9_.-]+', '-', context or 'page')}.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    serious = [v for v in result if v["impact"] in ("serious", "critical")]
    assert not serious, f"axe: serious/critical violations on {context or page.url}: {json.dumps(serious, ensure_ascii=False, indent=1)}"
    return result


class Api:
    """The live server's GraphQL API, for the numbers a page should show and for setting up data
    through the product's own mutations."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self._tokens: dict[str, str] = {}

    def token(self, email: str, password: str = DEMO_PASSWORD) -> str:
        if email not in self._tokens:
            data = self.gql("mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code message } } }",
                            {"e": email, "p": password})
            assert not data["login"]["errors"], data
            self._tokens[email] = data["login"]["token"]
        return self._tokens[email]

    def gql(self, query: str, variables: dict | None = None, *, as_user: str | None = None) -> dict:
        headers = {"Authorization": f"Bearer {self.token(as_user)}"} if as_user else {}
        r = httpx.post(self.base_url + "/graphql", json={"query": query, "variables": variables or {}}, headers=headers, timeout=30)
        r.raise_for_status()
        body = r.json()
        assert not body.get("errors"), body
        return body["data"]
