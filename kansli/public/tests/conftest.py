"""Fixtures for the public site's tests: a real Chromium, and static files without collectstatic."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import Browser, Page, sync_playwright

# Debian's Chromium, never a browser Playwright downloads itself: the tests run offline and on
# the same browser build the machines are patched with.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def reader() -> Client:
    """An anonymous reader whose browser asks for English, so page tests read the msgids
    themselves; `test_i18n` covers the Swedish default."""
    return Client(headers={"accept-language": "en"})


# Other apps' conftests import these fixtures, and pytest then holds one session fixture per
# conftest; Playwright's sync API allows one running instance per thread, so they all share the
# one Chromium started first, closed when the last of them is torn down.
_SHARED: dict[str, object] = {"users": 0}


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing. The browser tests drive Debian's Chromium: "
            "install it with `apt-get install chromium`."
        )
    if not _SHARED["users"]:
        playwright = sync_playwright().start()
        _SHARED["playwright"] = playwright
        _SHARED["browser"] = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
    _SHARED["users"] += 1
    yield _SHARED["browser"]
    _SHARED["users"] -= 1
    if not _SHARED["users"]:
        _SHARED["browser"].close()
        _SHARED["playwright"].stop()


@pytest.fixture
def browser_page(chromium: Browser) -> Iterator[Page]:
    """A fresh page in a fresh context (no cookies), the size of a laptop screen, in Swedish."""
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="sv-SE", accept_downloads=True
    )
    page = context.new_page()
    yield page
    context.close()


def _assert_accessible(page: Page) -> None:
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


@pytest.fixture
def assert_accessible() -> Callable[[Page], None]:
    """Call it with a page: fails with axe-core's report when any WCAG 2.1 A or AA rule breaks."""
    return _assert_accessible
