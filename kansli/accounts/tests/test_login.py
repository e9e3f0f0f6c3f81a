"""Logging in and out: Argon2 passwords, a lockout after repeated failures, and a header that
names the signed-in user without that name ever reaching another reader's kept page."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import Client

PASSWORD = "Justering-2025!"


@pytest.fixture
def secretary_with_password(secretary_user):
    secretary_user.set_password(PASSWORD)
    secretary_user.save()
    return secretary_user


def log_in(client: Client, username: str, password: str, **extra):
    return client.post("/logga-in/", {"username": username, "password": password, **extra})


def test_passwords_are_hashed_with_argon2(secretary_with_password):
    assert identify_hasher(secretary_with_password.password).algorithm == "argon2"


def test_the_secretary_logs_in_and_lands_on_their_bodies(client, secretary_with_password):
    response = log_in(client, "sekreterare", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/hantera/"
    assert client.get("/hantera/").status_code == 200


def test_logging_in_returns_to_the_page_asked_for(client, secretary_with_password, committee):
    target = f"/hantera/{committee.body.slug}/"
    response = log_in(client, "sekreterare", PASSWORD, next=target)
    assert response["Location"] == target


def test_a_wrong_password_is_refused_with_a_message(client, secretary_with_password):
    response = log_in(client, "sekreterare", "fel")
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_login_out(client, secretary_with_password, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "sekreterare", "fel")
    response = log_in(client, "sekreterare", PASSWORD)
    assert response.status_code == 429
    assert "För många misslyckade inloggningar" in response.content.decode()  # Swedish default
    assert "_auth_user_id" not in client.session


def test_logging_out_takes_a_post(secretary_client):
    assert secretary_client.get("/logga-ut/").status_code == 405
    response = secretary_client.post("/logga-ut/")
    assert response.status_code == 302
    assert secretary_client.get("/hantera/").status_code == 302


def test_the_header_offers_a_login_to_readers_and_names_the_signed_in(
    reader_client, secretary_client
):
    anonymous = reader_client.get("/").content.decode()
    assert 'href="/logga-in/"' in anonymous
    signed_in = secretary_client.get("/").content.decode()
    assert "Dag Sekreterare" in signed_in
    assert 'href="/hantera/"' in signed_in


def test_a_kept_public_page_never_carries_a_signed_in_users_name(
    reader_client, secretary_client, committee
):
    path = committee.published.get_absolute_url()
    assert "Dag Sekreterare" in secretary_client.get("/").content.decode()
    secretary_client.get(path)  # a signed-in visit first, so a careless cache would keep it
    page = reader_client.get(path).content.decode()
    assert "site-account-name" not in page
    assert 'href="/logga-in/"' in page


def test_signed_in_pages_are_not_kept_by_browsers_or_proxies(secretary_client, committee):
    response = secretary_client.get(committee.body.get_absolute_url())
    assert "no-store" in response["Cache-Control"]
    assert "ETag" not in response


def test_each_reader_gets_their_own_csrf_token_on_kept_pages(reader_client, secretary_client):
    first = reader_client.get("/").content.decode()
    second = Client(headers={"accept-language": "en"}).get("/").content.decode()
    assert first.count("csrfmiddlewaretoken") == 1
    token = first.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert token not in second


@pytest.fixture
def reader_client(committee) -> Client:
    return Client(headers={"accept-language": "en"})
