"""The browser fixtures of the public site's tests (a real Chromium, axe-core)."""

from kansli.public.tests.conftest import assert_accessible, browser_page, chromium  # noqa: F401
