"""The public pages in both languages: Swedish by default, English when the reader asks for it."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def html(client: Client, url: str, **headers: str) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def pages(committee) -> dict[str, str]:
    return {"home": "/", "meeting": committee.published.get_absolute_url()}


def test_swedish_is_the_default(client, pages):
    home = html(client, pages["home"])
    assert '<html lang="sv">' in home
    assert "Kommande sammanträden" in home
    assert "Hoppa till huvudinnehållet" in home
    meeting = html(client, pages["meeting"])
    assert '<html lang="sv">' in meeting
    assert "10 november 2022" in meeting
    assert "Ladda ner minnesanteckningarna" in meeting
    assert "Upcoming meetings" not in home and "Download the minutes" not in meeting


@pytest.mark.parametrize("page", ["home", "meeting"])
def test_english_from_the_browsers_language(client, pages, page):
    text = html(client, pages[page], accept_language="en-GB,en;q=0.8")
    assert '<html lang="en">' in text
    assert "Skip to main content" in text
    assert "Hoppa till huvudinnehållet" not in text


@pytest.mark.parametrize("page", ["home", "meeting"])
def test_english_from_the_language_cookie(client, pages, page):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = html(client, pages[page], accept_language="sv")
    assert '<html lang="en">' in text
    assert "Skip to main content" in text


def test_kept_pages_are_kept_per_language(client, pages):
    assert '<html lang="sv">' in html(client, pages["meeting"])
    assert '<html lang="en">' in html(client, pages["meeting"], accept_language="en")
    assert '<html lang="sv">' in html(client, pages["meeting"])


def test_language_switch_works_from_a_kept_page(pages):
    """The kept page carries each reader's own CSRF token, so the switch's POST is accepted."""
    Client().get(pages["meeting"])  # someone else's visit puts the page in the cache
    reader = Client(enforce_csrf_checks=True)
    token = TOKEN.search(html(reader, pages["meeting"])).group(1)
    response = reader.post(
        "/i18n/setlang/",
        {"language": "en", "next": pages["meeting"], "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert response["Location"] == pages["meeting"]
    assert '<html lang="en">' in html(reader, pages["meeting"])
