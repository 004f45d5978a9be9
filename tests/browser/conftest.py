"""Real Chromium through Playwright against the live test server. CI installs Debian's chromium; locally the
tests skip when it is missing (CI=true turns the skip into a failure, so CI can never pass without them)."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))

# DJANGO_ALLOW_ASYNC_UNSAFE: Playwright's sync API runs an event loop in this thread; the ORM calls made by
# fixtures here are ordinary synchronous test setup.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: browser tests cannot run")
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def browse(browser, live_server, settings, tmp_path):
    """browse(user=None) -> a fresh page in its own browser context, signed in as `user` when given."""
    from django.test import Client

    settings.MEDIA_ROOT = tmp_path / "media"
    contexts = []

    def open_as(user=None):
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies["sessionid"].value
            context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])
        opened = context.new_page()
        opened.set_default_timeout(10_000)
        return opened

    yield open_as
    for context in contexts:
        context.close()
    # These tests commit; rate-limit counters in the database cache would outlive them and trip later tests.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def page(browse, request):
    """An anonymous visitor's page; a screenshot is kept in test-artifacts/ when the test fails."""
    opened = browse()
    yield opened
    if getattr(request.node, "rep_call", None) and request.node.rep_call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        opened.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def site(transactional_db):
    from twoworlds.core.testing import small_directory

    return small_directory()


AXE_SOURCE = None


def axe_violations(page, impacts=("serious", "critical")):
    """Run axe-core (shipped in the axe-playwright-python package) on the page; return serious problems."""
    global AXE_SOURCE
    if AXE_SOURCE is None:
        import axe_playwright_python

        AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
    page.evaluate(AXE_SOURCE)
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]
