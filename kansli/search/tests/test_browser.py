"""A reader searches the demo from the field in the page header, in Chromium: the results mark
the words found, lead to the minutes, and every page visited passes axe-core's WCAG 2.1 A and AA
rules."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from kansli.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_searches_from_the_header_and_finds_marked_results(
    live_server, browser_page: Page, assert_accessible
):
    demo = load_demo()  # committed: the index follows the publishing as in production
    page = browser_page
    page.goto(live_server.url + "/")
    field = page.get_by_role("search").get_by_role("searchbox")
    field.fill("kompetensförsörjningen")
    field.press("Enter")
    page.wait_for_url("**/sok/?q=*")

    results = page.locator(".search-result")
    expect(results.first).to_be_visible()
    expect(page.locator(".search-result mark").first).to_have_text("kompetensförsörjning")
    expect(page.locator("#search-q")).to_have_value("kompetensförsörjningen")
    assert_accessible(page)

    results.first.get_by_role("link").click()
    page.wait_for_url(f"**{demo.published.get_absolute_url()}*")
    expect(page.locator("article.minutes")).to_contain_text("kompetensförsörjning")
    assert_accessible(page)


def test_reader_is_told_what_is_wrong_with_a_search(live_server, browser_page: Page,
                                                    assert_accessible):
    load_demo()
    page = browser_page
    page.goto(live_server.url + "/sok/")
    assert_accessible(page)
    page.locator("#search-q").fill('"gemensam strategi')
    page.locator(".search-form").get_by_role("button").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#search-q")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
